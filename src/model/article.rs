//! The article and everything around its body.

use serde::{Deserialize, Serialize};

use super::block::{Block, Image};
use super::object::object_serde;
#[cfg(feature = "schema")]
use super::{
    limits::{MAX_BLOCKS, MAX_LIST_ITEMS},
    schema as rule,
};

// Each struct below derives with `remote = "Self"`; this gives it serde's
// traits, read from JSON objects only (`object.rs`).
object_serde!(
    Article,
    Site,
    Author,
    Follow,
    LinkItem,
    ShareSettings,
    CustomNetwork,
    Utm
);

/// The contract version this build reads and writes. Input with another
/// version is refused with a clear message rather than half-understood.
pub const CONTRACT_VERSION: u32 = 1;

/// The contract's default `lang`, for articles that do not say.
pub const DEFAULT_TAG: &str = "id";

/// One news article, as a publisher's page embeds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Article"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Article {
    /// Contract version; must be 1.
    #[cfg_attr(feature = "schema", schemars(extend("const" = CONTRACT_VERSION)))]
    pub version: u32,
    /// BCP 47 language tag of the article text. Default `id` (Indonesian).
    #[serde(default = "default_lang")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::language_tag))]
    pub lang: String,
    /// The publication the article belongs to.
    pub site: Site,
    /// Canonical URL of the article; what readers share.
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
    pub url: String,
    /// Short label above the headline ("Internasional").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub kicker: Option<String>,
    /// The headline.
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub title: String,
    /// One- or two-sentence standfirst under the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub summary: Option<String>,
    /// First publication time, RFC 3339 with an offset (`2024-05-16T07:12:00+07:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::time))]
    pub published: Option<String>,
    /// Last update time, RFC 3339 with an offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::time))]
    pub updated: Option<String>,
    /// Writers of the article, in byline order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_LIST_ITEMS)))]
    pub authors: Vec<Author>,
    /// The editor credited under the article ("Editor : Thalatie Yani").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub editor: Option<String>,
    /// Wire/desk code closing the text, without parentheses ("CNN/Z-3").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub source_tag: Option<String>,
    /// Lead photo with its caption and credit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    /// The article text as a list of blocks, in reading order.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = MAX_BLOCKS)))]
    pub body: Vec<Block>,
    /// "Follow us" call-to-action under the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow: Option<Follow>,
    /// "Terkini Lainnya": more recent stories. Present but empty shows the
    /// section with a short note; absent hides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_LIST_ITEMS)))]
    pub latest: Option<Vec<LinkItem>>,
    /// "Tautan Sahabat": links to partner sites. Same presence rule as `latest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_LIST_ITEMS)))]
    pub partner_links: Option<Vec<LinkItem>>,
    /// Which share targets show and how shared links are tagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<ShareSettings>,
}

fn default_lang() -> String {
    DEFAULT_TAG.to_owned()
}

/// The publication.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Site"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Site {
    /// Display name ("Media Indonesia").
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub name: String,
    /// Home page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
    pub url: Option<String>,
}

/// A writer in the byline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Author"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Author {
    /// Full name.
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub name: String,
    /// Profile page (http, https or mailto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_or_mail_link))]
    pub url: Option<String>,
}

/// "Follow us" call-to-action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Follow"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Follow {
    /// The sentence as the publisher writes it.
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub text: String,
    /// The publication's Google News page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
    pub google_news: Option<String>,
    /// The publication's WhatsApp channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
    pub whatsapp_channel: Option<String>,
}

/// A linked story title, used by "Terkini Lainnya" and "Tautan Sahabat".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LinkItem"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct LinkItem {
    /// Link text.
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub title: String,
    /// Target URL. Scraped lists sometimes lack it; the title still shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::web_link))]
    pub url: Option<String>,
    /// Publication time, RFC 3339 with an offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::time))]
    pub published: Option<String>,
}

/// Share bar settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ShareSettings"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct ShareSettings {
    /// Targets in display order: networks warta knows, by name, and the
    /// publisher's own. Default: [`ShareTarget::DEFAULT_ORDER`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub networks: Option<Vec<ShareTarget>>,
    /// Campaign tags appended to the shared URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utm: Option<Utm>,
}

impl ShareSettings {
    /// The targets to show, in order.
    pub fn networks(&self) -> &[ShareTarget] {
        self.networks
            .as_deref()
            .unwrap_or(ShareTarget::DEFAULT_ORDER)
    }
}

/// A share target: a network warta knows, by its name, or a publisher's own,
/// as an object.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ShareTarget {
    /// A network warta knows.
    Network(ShareNetwork),
    /// A network of the publisher's choosing.
    Custom(CustomNetwork),
}

impl ShareTarget {
    /// [`ShareNetwork::DEFAULT_ORDER`] as targets.
    pub const DEFAULT_ORDER: &'static [ShareTarget] = &[
        ShareTarget::Network(ShareNetwork::Native),
        ShareTarget::Network(ShareNetwork::Whatsapp),
        ShareTarget::Network(ShareNetwork::Facebook),
        ShareTarget::Network(ShareNetwork::X),
        ShareTarget::Network(ShareNetwork::Telegram),
        ShareTarget::Network(ShareNetwork::Line),
        ShareTarget::Network(ShareNetwork::Linkedin),
        ShareTarget::Network(ShareNetwork::Email),
        ShareTarget::Network(ShareNetwork::Copy),
    ];

    /// Its name in `warta:share` events, `utm_source`, `data-network` and
    /// its item's class: the network's JSON name, or the publisher's id.
    pub fn id(&self) -> &str {
        match self {
            ShareTarget::Network(network) => network.id(),
            ShareTarget::Custom(custom) => &custom.id,
        }
    }
}

// A name is a network warta knows, an object the publisher's own: the
// reader says which it expected when it is neither, and keeps serde's
// "unknown variant" message (with the names it knows) for a wrong name.
impl<'de> Deserialize<'de> for ShareTarget {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TargetVisitor)
    }
}

struct TargetVisitor;

impl<'de> serde::de::Visitor<'de> for TargetVisitor {
    type Value = ShareTarget;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a network's name or an object")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<ShareTarget, E> {
        use serde::de::IntoDeserializer;
        ShareNetwork::deserialize(name.into_deserializer()).map(ShareTarget::Network)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<ShareTarget, A::Error> {
        CustomNetwork::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(ShareTarget::Custom)
    }
}

/// A publisher's own share target: a link made from a template, for a
/// network warta does not know.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CustomNetwork"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomNetwork {
    /// Its name in `warta:share` events, `utm_source` and its item's class
    /// (`warta-share__item--ID`): 1 to 32 lower-case letters, digits and
    /// hyphens, starting with a letter or digit, and not a network warta
    /// knows.
    #[cfg_attr(feature = "schema", schemars(transform = rule::network_id))]
    pub id: String,
    /// The control's text: the network's name, as readers know it.
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub label: String,
    /// An `https` link with `{url}` (the shared link), `{title}` (the
    /// headline) or `{text}` (the headline, a space and the link) where
    /// those go, percent-encoded; `{url}` or `{text}` at least once.
    #[cfg_attr(feature = "schema", schemars(transform = rule::share_template))]
    pub url: String,
}

/// A share target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ShareNetwork {
    /// The operating system's share sheet (`navigator.share`), where supported.
    Native,
    /// WhatsApp.
    Whatsapp,
    /// Facebook.
    Facebook,
    /// X (Twitter).
    X,
    /// Telegram.
    Telegram,
    /// LINE.
    Line,
    /// LinkedIn.
    Linkedin,
    /// Bluesky.
    Bluesky,
    /// Mastodon, through Mastodon's own share page, where the reader picks
    /// their server (in their browser: the page stores nothing).
    Mastodon,
    /// Threads.
    Threads,
    /// E-mail.
    Email,
    /// Copy the link to the clipboard.
    Copy,
}

impl ShareNetwork {
    /// Stable lower-case id: its JSON name, used in events and `utm_source`.
    pub fn id(self) -> &'static str {
        match self {
            ShareNetwork::Native => "native",
            ShareNetwork::Whatsapp => "whatsapp",
            ShareNetwork::Facebook => "facebook",
            ShareNetwork::X => "x",
            ShareNetwork::Telegram => "telegram",
            ShareNetwork::Line => "line",
            ShareNetwork::Linkedin => "linkedin",
            ShareNetwork::Bluesky => "bluesky",
            ShareNetwork::Mastodon => "mastodon",
            ShareNetwork::Threads => "threads",
            ShareNetwork::Email => "email",
            ShareNetwork::Copy => "copy",
        }
    }

    /// The network whose [`id`](Self::id) (its JSON name) this is.
    pub fn from_id(id: &str) -> Option<ShareNetwork> {
        ShareNetwork::ALL
            .iter()
            .copied()
            .find(|network| network.id() == id)
    }

    /// Order for Indonesian readers: WhatsApp leads, then the networks they
    /// use most, then copy link. The first of [`ALL`](Self::ALL).
    pub const DEFAULT_ORDER: &'static [ShareNetwork] = Self::ALL.split_at(9).0;

    /// Every target, in the default order and then the others.
    pub const ALL: &'static [ShareNetwork] = &[
        ShareNetwork::Native,
        ShareNetwork::Whatsapp,
        ShareNetwork::Facebook,
        ShareNetwork::X,
        ShareNetwork::Telegram,
        ShareNetwork::Line,
        ShareNetwork::Linkedin,
        ShareNetwork::Email,
        ShareNetwork::Copy,
        ShareNetwork::Bluesky,
        ShareNetwork::Mastodon,
        ShareNetwork::Threads,
    ];
}

/// What the share bar needs of an article. The browser reads it alone, and
/// other keys are skipped, when the markup is the server's render of exactly
/// this JSON (the fingerprint says so, and the server validated the JSON):
/// hydrating the bar then needs neither the whole article's decoder nor
/// validation, the largest part of the work before it. (The browser reads
/// these fields with `JSON.parse`, see `client/read.rs`.)
#[derive(Clone, Debug, PartialEq)]
pub struct ShareSubject {
    /// Canonical article URL.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Language tag of the article; absent means the default (`id`).
    pub lang: Option<String>,
    /// Share settings.
    pub share: Option<ShareSettings>,
}

impl ShareSubject {
    /// The article's language tag.
    pub fn lang(&self) -> &str {
        self.lang.as_deref().unwrap_or(DEFAULT_TAG)
    }
}

impl From<&Article> for ShareSubject {
    fn from(article: &Article) -> Self {
        ShareSubject {
            url: article.url.clone(),
            title: article.title.clone(),
            lang: Some(article.lang.clone()),
            share: article.share.clone(),
        }
    }
}

/// UTM campaign parameters added to shared links.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Utm"))]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Utm {
    /// `utm_source`; when absent the network's name is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub source: Option<String>,
    /// `utm_medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub medium: Option<String>,
    /// `utm_campaign`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(transform = rule::text))]
    pub campaign: Option<String>,
}
