//! Render: accepted input renders as a fragment and a page with no script,
//! event handler or script link; other input is tried as every text and URL
//! field of the sample.
//! The check itself is `checks::render` (`fuzz/checks.rs`), which the
//! ordinary tests also run on the seeds and saved crashes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::render(data));
