//! Subresource Integrity for pages that load warta from another origin (a
//! CDN): the digests a page writes on the two files it links, and the check
//! that a folder's loader carries the digests of the files it fetches.
//!
//! A page links the stylesheet and the loader (`integrity` and
//! `crossorigin` on both); the release build writes the SHA-384 of both
//! bundles' Wasm and of the full client's script into the loader, which
//! refuses a file that differs (src/js/warta-init.js, `DIGESTS`). So one
//! digest on the page covers every file warta runs.

use std::fs;
use std::path::Path;

use base64ct::{Base64, Encoding};
use sha2::{Digest, Sha384};

use crate::page::Integrity;

/// The files the loader fetches and checks by digest.
pub const CHECKED_BY_LOADER: &[&str] = &["warta-island_bg.wasm", "warta_bg.wasm", "warta.js"];

/// `bytes`' digest as an `integrity` attribute takes it: `sha384-` and base64.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha384-{}", Base64::encode_string(&Sha384::digest(bytes)))
}

/// Whether an asset base puts the assets on another origin than the page
/// (an absolute or scheme-relative URL), where a page wants integrity.
pub fn is_other_origin(asset_base: &str) -> bool {
    let lower = asset_base.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//")
}

/// Reads the digests of the files a page links from `assets` (a release
/// build's folder), after checking that its loader carries the digest of
/// each file it fetches (see [`loader_problems`]).
pub fn of_assets(assets: &Path) -> Result<Integrity, String> {
    let problems = loader_problems(assets)?;
    if let Some(first) = problems.first() {
        return Err(first.clone());
    }
    linked_digests(assets)
}

/// The digests of the two files a page links, unchecked: for a caller that
/// has run [`loader_problems`] itself.
pub fn linked_digests(assets: &Path) -> Result<Integrity, String> {
    let read = |file: &str| {
        fs::read(assets.join(file))
            .map(|bytes| digest(&bytes))
            .map_err(|e| format!("cannot read {}: {e}", assets.join(file).display()))
    };
    Ok(Integrity {
        stylesheet: read("warta.css")?,
        loader: read("warta-init.js")?,
    })
}

/// What is wrong with `assets`' loader as the root of a page's integrity:
/// a loader with no digests (a debug build, which checks nothing), or one
/// whose digest of a file is not that file's (a file changed or copied from
/// another build). Empty when every file it fetches is the one it expects.
pub fn loader_problems(assets: &Path) -> Result<Vec<String>, String> {
    let path = assets.join("warta-init.js");
    let loader =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !loader.contains("sha384-") {
        return Ok(vec![format!(
            "{} carries no digests (a debug build?): it would run whatever it fetches; use the release build (trunk build --release)",
            path.display()
        )]);
    }
    let mut problems = Vec::new();
    for file in CHECKED_BY_LOADER {
        let bytes = fs::read(assets.join(file))
            .map_err(|e| format!("cannot read {}: {e}", assets.join(file).display()))?;
        if !loader.contains(&digest(&bytes)) {
            problems.push(format!(
                "{} is not the file {} was built with: the loader would refuse it",
                assets.join(file).display(),
                path.display()
            ));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::{digest, is_other_origin};

    #[test]
    fn digests_are_in_the_form_integrity_takes() {
        // The SHA-384 of "abc" (FIPS 180-2's example), in base64.
        assert_eq!(
            digest(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn only_absolute_asset_bases_are_another_origin() {
        for other in [
            "https://cdn.example/w/",
            "HTTP://cdn.example/",
            "//cdn.example/w/",
        ] {
            assert!(is_other_origin(other), "{other}");
        }
        for same in ["", "../", "/assets/", "assets/"] {
            assert!(!is_other_origin(same), "{same}");
        }
    }
}
