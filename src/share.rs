//! Share links: one function builds every network's URL, with each parameter
//! percent-encoded so `+ # & ? %`, quotes and emoji survive the trip.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::labels::Labels;
use crate::model::{CustomNetwork, ShareNetwork, ShareTarget, Utm};
use crate::text::shorten;

/// Everything but RFC 3986's unreserved characters is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Longest title put in a post on X: 280 characters less the link (always
/// counted as 23) and a space, with room to spare.
const X_TITLE_CHARS: usize = 250;

/// A Bluesky post's length, in graphemes; the link counts in full. Cutting
/// by characters keeps within it (a grapheme is one character or more).
const BLUESKY_POST_CHARS: usize = 300;

/// Longest title put in a Threads post (500 characters, the link apart),
/// with room to spare.
const THREADS_TITLE_CHARS: usize = 450;

/// What is being shared.
#[derive(Clone, Copy, Debug)]
pub struct Shared<'a> {
    /// Canonical article URL.
    pub url: &'a str,
    /// Headline.
    pub title: &'a str,
    /// Campaign tags for the shared URL.
    pub utm: Option<&'a Utm>,
}

impl ShareNetwork {
    /// Display name of the control: the network's own name, or the
    /// article language's word for the native sheet, email and copy.
    pub fn name(self, labels: &Labels) -> &'static str {
        match self {
            ShareNetwork::Native => labels.share_native_short,
            ShareNetwork::Whatsapp => "WhatsApp",
            ShareNetwork::Facebook => "Facebook",
            ShareNetwork::X => "X",
            ShareNetwork::Telegram => "Telegram",
            ShareNetwork::Line => "LINE",
            ShareNetwork::Linkedin => "LinkedIn",
            ShareNetwork::Bluesky => "Bluesky",
            ShareNetwork::Mastodon => "Mastodon",
            ShareNetwork::Threads => "Threads",
            ShareNetwork::Email => labels.email,
            ShareNetwork::Copy => labels.copy_link,
        }
    }
}

/// Percent-encodes one URL component.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// The article URL with UTM tags, placed before any fragment and joined to
/// any existing query; `utm_source` is the tags' own or the target's id.
pub fn tagged_url(url: &str, utm: Option<&Utm>, target: &str) -> String {
    let Some(utm) = utm else {
        return url.to_owned();
    };
    let (base, fragment) = match url.find('#') {
        Some(i) => url.split_at(i),
        None => (url, ""),
    };
    let mut out = String::from(base);
    let mut sep = if base.contains('?') {
        if base.ends_with('?') || base.ends_with('&') {
            ""
        } else {
            "&"
        }
    } else {
        "?"
    };
    let source = utm.source.as_deref().unwrap_or(target);
    for (key, value) in [
        ("utm_source", Some(source)),
        ("utm_medium", utm.medium.as_deref()),
        ("utm_campaign", utm.campaign.as_deref()),
    ] {
        if let Some(value) = value {
            out.push_str(sep);
            out.push_str(key);
            out.push('=');
            out.push_str(&encode(value));
            sep = "&";
        }
    }
    out.push_str(fragment);
    out
}

/// The URL a target's share link opens, or `None` for the controls that are
/// buttons rather than links (copy, native share sheet).
pub fn share_href(target: &ShareTarget, shared: Shared<'_>) -> Option<String> {
    match target {
        ShareTarget::Network(network) => network_href(*network, shared),
        ShareTarget::Custom(custom) => Some(custom_href(custom, shared)),
    }
}

/// A publisher's template with its placeholders filled in, each value
/// percent-encoded (validation allows no other braces; one left anyway
/// stays as written). Split at braces rather than `str::replace`, whose
/// substring search costs the island bundle 2 KB.
fn custom_href(custom: &CustomNetwork, shared: Shared<'_>) -> String {
    let tagged = tagged_url(shared.url, shared.utm, &custom.id);
    let title = shared.title;
    let values = [
        ("url}", encode(&tagged)),
        ("title}", encode(title)),
        ("text}", encode(&format!("{title} {tagged}"))),
    ];
    let mut pieces = custom.url.split('{');
    let mut out = String::from(pieces.next().unwrap_or_default());
    for piece in pieces {
        let filled = values
            .iter()
            .find_map(|(name, value)| piece.strip_prefix(name).map(|rest| (value, rest)));
        match filled {
            Some((value, rest)) => {
                out.push_str(value);
                out.push_str(rest);
            }
            None => {
                out.push('{');
                out.push_str(piece);
            }
        }
    }
    out
}

fn network_href(network: ShareNetwork, shared: Shared<'_>) -> Option<String> {
    let tagged = tagged_url(shared.url, shared.utm, network.id());
    let (url, title) = (encode(&tagged), shared.title);
    Some(match network {
        ShareNetwork::Whatsapp => {
            format!(
                "https://api.whatsapp.com/send?text={}",
                encode(&format!("{title} {tagged}"))
            )
        }
        ShareNetwork::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        ShareNetwork::X => format!(
            "https://x.com/intent/tweet?text={}&url={url}",
            encode(&shorten(title, X_TITLE_CHARS))
        ),
        ShareNetwork::Telegram => {
            format!("https://t.me/share/url?url={url}&text={}", encode(title))
        }
        ShareNetwork::Line => format!("https://social-plugins.line.me/lineit/share?url={url}"),
        ShareNetwork::Linkedin => {
            format!("https://www.linkedin.com/sharing/share-offsite/?url={url}")
        }
        ShareNetwork::Bluesky => format!(
            "https://bsky.app/intent/compose?text={}",
            encode(&post_with_link(title, &tagged, BLUESKY_POST_CHARS))
        ),
        // A fragment, not a query: the text never reaches a server, and
        // the share page reads it in the reader's browser.
        ShareNetwork::Mastodon => format!(
            "https://share.joinmastodon.org/#text={}",
            encode(&format!("{title} {tagged}"))
        ),
        ShareNetwork::Threads => format!(
            "https://www.threads.com/intent/post?text={}&url={url}",
            encode(&shorten(title, THREADS_TITLE_CHARS))
        ),
        ShareNetwork::Email => format!(
            "mailto:?subject={}&body={}",
            encode(title),
            encode(&format!("{title}\n\n{tagged}"))
        ),
        ShareNetwork::Copy | ShareNetwork::Native => return None,
    })
}

/// `title link` in at most `limit` characters: the title is shortened, the
/// link kept whole (alone when it leaves no room for a title).
fn post_with_link(title: &str, link: &str, limit: usize) -> String {
    let room = limit.saturating_sub(link.chars().count() + 1);
    if room == 0 {
        return link.to_owned();
    }
    format!("{} {link}", shorten(title, room))
}
