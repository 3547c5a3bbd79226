//! Every share target's URL, with hostile titles and UTM tagging.
#![cfg(not(target_arch = "wasm32"))]

use percent_encoding::percent_decode_str;
use warta::model::{CustomNetwork, ShareNetwork, ShareTarget, Utm};
use warta::share::{share_href, tagged_url, Shared};

const URL: &str = "https://kabar.example.id/a?b=1&c=2#bagian";
const HOSTILE: &str = "Harga +5% #naik & turun? \"kutip\" 'tunggal' 🇮🇩🎉 Héllo Rp12.000/kg";

fn href(network: ShareNetwork, title: &str, utm: Option<&Utm>) -> String {
    share_href(
        &ShareTarget::Network(network),
        Shared {
            url: URL,
            title,
            utm,
        },
    )
    .unwrap()
}

/// The decoded value of `key` in a URL's query.
fn param(url: &str, key: &str) -> String {
    let query = url.split_once('?').unwrap().1;
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in {url}"));
    percent_decode_str(raw).decode_utf8().unwrap().into_owned()
}

#[test]
fn each_target_has_its_url() {
    let t = "Judul";
    let u = "https%3A%2F%2Fkabar.example.id%2Fa%3Fb%3D1%26c%3D2%23bagian";
    assert_eq!(
        href(ShareNetwork::Whatsapp, t, None),
        format!("https://api.whatsapp.com/send?text=Judul%20{u}")
    );
    assert_eq!(
        href(ShareNetwork::Facebook, t, None),
        format!("https://www.facebook.com/sharer/sharer.php?u={u}")
    );
    assert_eq!(
        href(ShareNetwork::X, t, None),
        format!("https://x.com/intent/tweet?text=Judul&url={u}")
    );
    assert_eq!(
        href(ShareNetwork::Telegram, t, None),
        format!("https://t.me/share/url?url={u}&text=Judul")
    );
    assert_eq!(
        href(ShareNetwork::Line, t, None),
        format!("https://social-plugins.line.me/lineit/share?url={u}")
    );
    assert_eq!(
        href(ShareNetwork::Linkedin, t, None),
        format!("https://www.linkedin.com/sharing/share-offsite/?url={u}")
    );
    assert_eq!(
        href(ShareNetwork::Bluesky, t, None),
        format!("https://bsky.app/intent/compose?text=Judul%20{u}")
    );
    assert_eq!(
        href(ShareNetwork::Mastodon, t, None),
        format!("https://share.joinmastodon.org/#text=Judul%20{u}")
    );
    assert_eq!(
        href(ShareNetwork::Threads, t, None),
        format!("https://www.threads.com/intent/post?text=Judul&url={u}")
    );
    assert_eq!(
        href(ShareNetwork::Email, t, None),
        format!("mailto:?subject=Judul&body=Judul%0A%0A{u}")
    );
    for button in [ShareNetwork::Copy, ShareNetwork::Native] {
        assert_eq!(
            share_href(
                &ShareTarget::Network(button),
                Shared {
                    url: URL,
                    title: t,
                    utm: None
                }
            ),
            None
        );
    }
}

#[test]
fn hostile_titles_survive_every_target() {
    for network in ShareNetwork::ALL
        .iter()
        .copied()
        .filter(|n| !matches!(n, ShareNetwork::Copy | ShareNetwork::Native))
    {
        let link = href(network, HOSTILE, None);
        // Nothing unencoded that would split or end the query.
        // Mastodon's share page takes its text in the fragment.
        let query = link.split_once(['?', '#']).unwrap().1;
        for pair in query.split('&') {
            let value = pair.split_once('=').unwrap().1;
            assert!(
                !value.contains(['+', '#', '&', '?', ' ', '"', '\'', '=']),
                "{network:?}: {value}"
            );
        }
        let decoded_params: Vec<String> = query
            .split('&')
            .map(|pair| {
                percent_decode_str(pair.split_once('=').unwrap().1)
                    .decode_utf8()
                    .unwrap()
                    .into_owned()
            })
            .collect();
        assert!(
            decoded_params.iter().any(|v| v.contains(HOSTILE))
                || network == ShareNetwork::Facebook
                || network == ShareNetwork::Line
                || network == ShareNetwork::Linkedin,
            "{network:?} lost the title"
        );
        assert!(
            decoded_params.iter().any(|v| v.contains(URL)),
            "{network:?} lost the URL"
        );
    }
    assert_eq!(
        param(&href(ShareNetwork::Whatsapp, HOSTILE, None), "text"),
        format!("{HOSTILE} {URL}")
    );
    assert_eq!(
        param(&href(ShareNetwork::Telegram, HOSTILE, None), "text"),
        HOSTILE
    );
    assert_eq!(
        param(&href(ShareNetwork::Email, HOSTILE, None), "subject"),
        HOSTILE
    );
}

#[test]
fn long_titles_are_trimmed_for_x_only() {
    let long = "Kata ".repeat(100) + "akhir";
    let text = param(&href(ShareNetwork::X, &long, None), "text");
    assert!(text.chars().count() <= 250, "{}", text.chars().count());
    assert!(text.ends_with('…') && text.starts_with("Kata Kata"));
    assert!(!text.trim_end_matches('…').ends_with(' '));
    let emoji = "🎉".repeat(300);
    let text = param(&href(ShareNetwork::X, &emoji, None), "text");
    assert_eq!(text.chars().count(), 250);
    assert_eq!(
        param(&href(ShareNetwork::Telegram, &long, None), "text"),
        long
    );
}

#[test]
fn a_bluesky_post_keeps_to_300_characters_and_the_link_whole() {
    let long = "Kata ".repeat(100) + "akhir";
    let text = param(&href(ShareNetwork::Bluesky, &long, None), "text");
    // Cut at a word, close to the limit.
    let count = text.chars().count();
    assert!((280..=300).contains(&count), "{count}: {text}");
    assert!(text.ends_with(&format!("… {URL}")), "{text}");
    // Short enough already: untouched.
    let text = param(&href(ShareNetwork::Bluesky, "Judul pendek", None), "text");
    assert_eq!(text, format!("Judul pendek {URL}"));
    // A link with no room beside it for a title goes alone, whole.
    let link = format!("https://a.id/{}", "x".repeat(320));
    let only = share_href(
        &ShareTarget::Network(ShareNetwork::Bluesky),
        Shared {
            url: &link,
            title: "Judul",
            utm: None,
        },
    )
    .unwrap();
    assert_eq!(param(&only, "text"), link);
}

#[test]
fn utm_tags_keep_query_and_fragment() {
    let utm = Utm {
        source: None,
        medium: Some("social".into()),
        campaign: Some("pilkada #2024 & lain".into()),
    };
    assert_eq!(
        tagged_url(URL, Some(&utm), "whatsapp"),
        "https://kabar.example.id/a?b=1&c=2&utm_source=whatsapp&utm_medium=social&utm_campaign=pilkada%20%232024%20%26%20lain#bagian"
    );
    assert_eq!(
        tagged_url(
            "https://a.id/x",
            Some(&Utm {
                source: Some("kabar".into()),
                ..Utm::default()
            }),
            "x"
        ),
        "https://a.id/x?utm_source=kabar"
    );
    assert_eq!(
        tagged_url("https://a.id/x?", Some(&Utm::default()), "line"),
        "https://a.id/x?utm_source=line"
    );
    assert_eq!(tagged_url(URL, None, "x"), URL);
    let shared = param(&href(ShareNetwork::Facebook, "t", Some(&utm)), "u");
    assert!(shared
        .starts_with("https://kabar.example.id/a?b=1&c=2&utm_source=facebook&utm_medium=social"));
    assert!(shared.ends_with("#bagian"));
}

#[test]
fn every_network_is_found_by_its_id_and_nothing_else_is() {
    for &network in ShareNetwork::ALL {
        assert_eq!(ShareNetwork::from_id(network.id()), Some(network));
    }
    for other in ["", "WhatsApp", "twitter", "copy "] {
        assert_eq!(ShareNetwork::from_id(other), None, "{other:?}");
    }
}

/// A publisher's own network with the template `url`.
fn custom(url: &str) -> ShareTarget {
    ShareTarget::Custom(CustomNetwork {
        id: "forum".into(),
        label: "Forum".into(),
        url: url.into(),
    })
}

#[test]
fn a_custom_network_fills_its_template_with_encoded_values() {
    let shared = |utm| Shared {
        url: URL,
        title: HOSTILE,
        utm,
    };
    let link = share_href(
        &custom("https://forum.example/bagi?u={url}&t={title}&x={text}"),
        shared(None),
    )
    .unwrap();
    assert!(
        link.starts_with("https://forum.example/bagi?u=https%3A%2F%2Fkabar"),
        "{link}"
    );
    assert_eq!(param(&link, "t"), HOSTILE);
    assert_eq!(param(&link, "x"), format!("{HOSTILE} {URL}"));
    // Nothing in a value can add a parameter or a placeholder.
    let values: Vec<&str> = link.split_once('?').unwrap().1.split('&').collect();
    assert_eq!(values.len(), 3, "{link}");
    for value in values {
        assert!(!value.contains(['#', '{', '}', ' ', '"']), "{value}");
    }
    // UTM tags name the custom network as their source.
    let utm = Utm {
        medium: Some("social".into()),
        ..Utm::default()
    };
    let tagged = share_href(
        &custom("https://forum.example/?u={url}"),
        shared(Some(&utm)),
    )
    .unwrap();
    assert!(
        param(&tagged, "u").contains("utm_source=forum&utm_medium=social"),
        "{tagged}"
    );
}
