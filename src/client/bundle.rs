//! The backend of the island bundle, this build's (feature `island`):
//! `client.rs` picks this file, or `bundle_full.rs` where the full client
//! is built (feature `hydration`). The one place a feature chooses code.

pub(super) use super::island::Island as Bundle;
