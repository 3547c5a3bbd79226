//! Decode + validate: any bytes become a valid article that reads back the
//! same, or are refused with one-line reasons.
//! The check itself is `checks::parse` (`fuzz/checks.rs`), which the
//! ordinary tests also run on the seeds and saved crashes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::parse(data));
