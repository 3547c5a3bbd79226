//! Import: any text either imports into JSON that `warta validate` accepts,
//! or is refused with a one-line reason. Never a panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::import::{import_text, ImportOptions};
use warta::json::{parse_article, to_pretty_json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match import_text(text, &ImportOptions::default()) {
        Ok(imported) => {
            let json = to_pretty_json(&imported.article);
            if let Err(problems) = parse_article(&json) {
                panic!("the importer wrote an article validate refuses: {problems:?}");
            }
            for note in &imported.notes {
                assert!(
                    !note.contains(['\n', '\r']),
                    "note of several lines: {note:?}"
                );
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(
                !message.contains(['\n', '\r']),
                "error of several lines: {message:?}"
            );
        }
    }
});
