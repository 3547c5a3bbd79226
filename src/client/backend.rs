//! The small interface both backends offer, the island's
//! ([`island`](super::island): share bars made live in place without Yew,
//! everything else handed to the full client) and Yew's
//! ([`full`](super::full): share bars hydrated or rendered in a stage, whole
//! articles rendered). [`attach`](super::attach) decides, once for both,
//! which of the three a mount needs; the backend does it.

use std::rc::Rc;

use web_sys::Element;

use super::outcome::Mounting;
use super::registry::Life;
use crate::model::ShareSubject;

/// How a bundle makes mounts live. Static: the bundle's one backend is
/// chosen at build time (`client::bundle`), so nothing of the other is in it.
pub(super) trait Backend {
    /// What the backend keeps of a mount's JSON until it attaches: the
    /// share bar's fields, or more.
    type Read;
    /// Whether this bundle may be the full client the loader fetches for
    /// the island bundle's hand-overs (`warta.guest`): then it mounts only
    /// what it is handed.
    const MAY_BE_GUEST: bool;
    /// Whether the island's markup, serialized exactly as the server wrote
    /// it, is proof enough of its shape (see `attach::has_shape`).
    const TRUSTS_SERVED_MARKUP: bool;

    /// Installs `report` as the last-resort panic report.
    fn set_panic_hook(report: fn(&str));

    /// What to keep of the mount's JSON `text`: `subject`, the share bar's
    /// fields, when the markup is the server's render of exactly this text;
    /// else the whole article must be read. `Err` when the backend has
    /// dealt with the mount already (refused it, or handed it over).
    fn read(
        mount: &Element,
        life: &Rc<Life>,
        text: String,
        subject: Option<ShareSubject>,
    ) -> Result<Self::Read, Mounting>;

    /// Makes the share-bar island of intact server markup live.
    fn make_live(
        mount: &Element,
        life: &Rc<Life>,
        island: Element,
        json: Json<Self::Read>,
    ) -> Mounting;

    /// The page changed the island (`island`, none when it is gone), for
    /// reason `why`: the share bar is rendered fresh in `root`'s article.
    fn replace_island(
        mount: &Element,
        life: &Rc<Life>,
        root: Element,
        json: Json<Self::Read>,
        island: Option<Element>,
        why: &'static str,
    ) -> Mounting;

    /// The whole article is rendered in `root` (made when missing), for
    /// reason `why`.
    fn render_whole(
        mount: &Element,
        life: &Rc<Life>,
        root: Option<Element>,
        json: Json<Self::Read>,
        why: &'static str,
    ) -> Mounting;
}

/// A mount's JSON copy, read: its fingerprint, and what the backend kept.
pub(super) struct Json<R> {
    pub fingerprint: String,
    pub read: R,
}
