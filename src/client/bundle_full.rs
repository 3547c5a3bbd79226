//! The backend of the full client, this build's (feature `hydration`):
//! `client.rs` picks this file in place of `bundle.rs`. The one place a
//! feature chooses code.

pub(super) use super::full::Full as Bundle;
