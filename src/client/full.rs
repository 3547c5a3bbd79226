//! The full client's backend (warta.js, feature `hydration`): Yew hydrates
//! the share bar of intact server markup or renders it fresh where the page
//! changed it ([`staged`]), and renders whole articles ([`whole`]); whole
//! articles are read, decoded and validated by the CLI's own reader.

mod source;
mod staged;
mod whole;

use std::rc::Rc;

use web_sys::Element;

use source::{read_article, Source};

use super::backend::{Backend, Json};
use super::outcome::{refuse, Mounting};
use super::registry::Life;
use crate::model::ShareSubject;

/// The full client's backend: Yew hydrates and renders; what the full
/// client (feature `hydration`) mounts with.
pub struct Full;

impl Backend for Full {
    type Read = Source;
    const MAY_BE_GUEST: bool = true;
    const TRUSTS_SERVED_MARKUP: bool = false;

    fn set_panic_hook(report: fn(&str)) {
        yew::set_custom_panic_hook(Box::new(move |info| report(&info.to_string())));
    }

    fn read(
        mount: &Element,
        _life: &Rc<Life>,
        text: String,
        subject: Option<ShareSubject>,
    ) -> Result<Source, Mounting> {
        match subject {
            Some(subject) => Ok(Source::Subject {
                subject: Rc::new(subject),
                text,
            }),
            None => read_article(&text)
                .map(|article| Source::Article(Rc::new(article)))
                .map_err(|message| refuse(mount, message)),
        }
    }

    fn make_live(
        mount: &Element,
        life: &Rc<Life>,
        island: Element,
        json: Json<Source>,
    ) -> Mounting {
        staged::hydrate_island(mount, life, island, json.read.subject())
    }

    /// Renders the share bar fresh where the page changed its island: in a
    /// new island where the page removed it, or the whole article where the
    /// article element is gone too.
    fn replace_island(
        mount: &Element,
        life: &Rc<Life>,
        root: Element,
        json: Json<Source>,
        island: Option<Element>,
        why: &'static str,
    ) -> Mounting {
        match island.or_else(|| staged::recreate_island(&root)) {
            Some(island) => staged::render_island(mount, life, island, json.read.subject(), why),
            None => whole::render_whole(mount, life, Some(root), json, why),
        }
    }

    fn render_whole(
        mount: &Element,
        life: &Rc<Life>,
        root: Option<Element>,
        json: Json<Source>,
        why: &'static str,
    ) -> Mounting {
        whole::render_whole(mount, life, root, json, why)
    }
}
