//! Decode + validate: any bytes either become an article that is valid and
//! reads back the same, or are refused with at least one problem. Never a
//! panic, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::json::parse_article;
use warta::model::validate;

fuzz_target!(|data: &[u8]| {
    // The CLI refuses non-UTF-8 before parsing; the reader sees only text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_article(text) {
        Ok(article) => {
            assert!(validate(&article).is_empty(), "accepted but invalid");
            let json = serde_json::to_string(&article).expect("article serialises");
            let again = parse_article(&json).expect("an accepted article reads back");
            assert_eq!(again, article, "round trip changed the article");
        }
        Err(problems) => assert!(!problems.is_empty(), "refused without a reason"),
    }
});
