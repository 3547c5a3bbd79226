//! Import: any text imports into JSON `warta validate` accepts, or is
//! refused with a one-line reason.
//! The check itself is `checks::import` (`fuzz/checks.rs`), which the
//! ordinary tests also run on the seeds and saved crashes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::import(data));
