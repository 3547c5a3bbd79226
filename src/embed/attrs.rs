//! The attributes and values of the markup contract between the server's
//! render, the loader and both bundles. A leaf: everything under embed uses it.

/// Attribute marking a mount.
pub const MOUNT_ATTR: &str = "data-warta";
/// Attribute on the element Yew renders into.
pub const ROOT_ATTR: &str = "data-warta-root";
/// Attribute holding the fingerprint on the root.
pub const FINGERPRINT_ATTR: &str = "data-warta-fingerprint";
/// Attribute marking the JSON script.
pub const DATA_ATTR: &str = "data-warta-data";
/// Attribute the browser sets on the mount: `hydrated`, `rendered` or `error`.
pub const STATE_ATTR: &str = "data-warta-state";
/// Attribute marking an island: the element a Yew app hydrates, named by its part.
pub const ISLAND_ATTR: &str = "data-warta-island";
/// Attribute holding an island's [shape](super::shape) as the server wrote it.
pub const SHAPE_ATTR: &str = "data-warta-shape";
/// Attribute holding the hash of an island's shape and exact markup as the
/// server wrote them ([`super::shape::markup_hash`]): a browser whose serialization
/// of the island gives the same hash knows its shape without walking it.
pub const MARKUP_ATTR: &str = "data-warta-markup";
/// Attribute choosing when the Wasm loads and the widget mounts: on a mount
/// for that widget, or on the warta-init.js script for the page (see
/// src/js/warta-init.js).
pub const LOAD_ATTR: &str = "data-warta-load";
/// The loading strategies warta-init.js knows.
pub const LOAD_STRATEGIES: [&str; 4] = ["eager", "idle", "visible", "interaction"];
/// Attribute marking an ad slot the host page fills.
pub const AD_SLOT_ATTR: &str = "data-warta-ad";
/// Attribute on an ad slot's wrapper: the paragraph number it follows.
pub const AD_AFTER_ATTR: &str = "data-warta-ad-after";
