//! Validation: every problem at once, each with its JSON path and a plain
//! sentence, so a publisher can fix a document in one pass.

use std::fmt;

use super::article::{
    Article, Author, CustomNetwork, Follow, LinkItem, ShareNetwork, ShareSettings, ShareTarget,
    CONTRACT_VERSION,
};
use super::block::{Block, Image, Paragraph};
use super::date::parse_rfc3339;
use super::image::ImageCandidate;
use super::limits::{more_chars_than, MAX_BLOCKS, MAX_LIST_ITEMS, MAX_TEXT_CHARS, MAX_URL_CHARS};

/// One thing wrong with an article, located by its JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as `body[3].url`; empty for the document itself.
    pub path: String,
    /// What is wrong, as a plain sentence fragment.
    pub message: String,
}

impl Problem {
    /// A problem at `path`. Both are kept to one line of plain text: keys and
    /// values quoted from the input may hold newlines, terminal escapes or
    /// bidirectional controls, which are written as `\u{..}` escapes so input
    /// cannot forge a second line (`warta: ...`) or drive a terminal.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: one_line(path.into()),
            message: one_line(message.into()),
        }
    }
}

/// `text` with every character that could break or disguise a line escaped
/// (also what the CLI writes every stderr line through).
pub fn one_line(text: String) -> String {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Refuses contract versions this build does not understand.
pub fn check_version(version: u64) -> Result<(), Problem> {
    if version == u64::from(CONTRACT_VERSION) {
        Ok(())
    } else {
        Err(Problem::new(
            "version",
            format!(
                "contract version {version} is not supported; this warta reads version {CONTRACT_VERSION}"
            ),
        ))
    }
}

/// Checks an article against the contract's rules. Empty means valid.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut v = Validator::default();
    v.article(article);
    v.problems
}

/// Which URL schemes a field accepts.
#[derive(Clone, Copy)]
enum Links {
    Web,
    WebOrMail,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn article(&mut self, a: &Article) {
        if let Err(problem) = check_version(u64::from(a.version)) {
            self.problems.push(problem);
        }
        if a.lang.is_empty()
            || a.lang.len() > 35
            || !a
                .lang
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            self.report("lang", "must be a language tag such as \"id\" or \"en\"");
        }
        self.text("site.name", &a.site.name);
        self.opt_link("site.url", a.site.url.as_deref(), Links::Web);
        self.link("url", &a.url, Links::Web);
        self.opt_text("kicker", a.kicker.as_deref());
        self.text("title", &a.title);
        self.opt_text("summary", a.summary.as_deref());
        self.opt_date("published", a.published.as_deref());
        self.opt_date("updated", a.updated.as_deref());
        self.list_len("authors", a.authors.len());
        for (i, author) in a.authors.iter().enumerate() {
            self.author(&format!("authors[{i}]"), author);
        }
        self.opt_text("editor", a.editor.as_deref());
        self.opt_text("sourceTag", a.source_tag.as_deref());
        if let Some(hero) = &a.hero {
            self.image("hero", hero);
        }
        if a.body.is_empty() {
            self.report("body", "must have at least one block");
        } else if a.body.len() > MAX_BLOCKS {
            self.report(
                "body",
                format!(
                    "has {} blocks; at most {MAX_BLOCKS} are allowed",
                    a.body.len()
                ),
            );
        } else {
            for (i, block) in a.body.iter().enumerate() {
                self.block(&format!("body[{i}]"), block);
            }
        }
        if let Some(follow) = &a.follow {
            self.follow(follow);
        }
        self.link_items("latest", a.latest.as_deref());
        self.link_items("partnerLinks", a.partner_links.as_deref());
        if let Some(share) = &a.share {
            self.share(share);
        }
    }

    fn author(&mut self, path: &str, author: &Author) {
        self.text(&format!("{path}.name"), &author.name);
        self.opt_link(
            &format!("{path}.url"),
            author.url.as_deref(),
            Links::WebOrMail,
        );
    }

    fn image(&mut self, path: &str, image: &Image) {
        match &image.src {
            Some(src) => {
                self.link(&format!("{path}.src"), src, Links::Web);
                if image.alt.trim().is_empty() {
                    self.report(
                        format!("{path}.alt"),
                        "must describe the image for readers who cannot see it",
                    );
                }
            }
            None if image.caption.is_none() && image.credit.is_none() => {
                self.report(
                    path.to_owned(),
                    "needs a src, a caption or a credit; it would show nothing",
                );
            }
            None => {}
        }
        self.max_chars(&format!("{path}.alt"), &image.alt);
        for (name, value) in [("width", image.width), ("height", image.height)] {
            if value == Some(0) {
                self.report(
                    format!("{path}.{name}"),
                    "must be a positive number of pixels",
                );
            }
        }
        if image.width.is_some() != image.height.is_some() {
            self.report(path.to_owned(), "needs both width and height, or neither");
        }
        self.opt_text(&format!("{path}.caption"), image.caption.as_deref());
        self.opt_text(&format!("{path}.credit"), image.credit.as_deref());
        if image.src.is_none() && !(image.srcset.is_empty() && image.formats.is_empty()) {
            self.report(
                format!("{path}.src"),
                "is needed as the fallback when srcset or formats are given",
            );
        }
        self.srcset(&format!("{path}.srcset"), &image.srcset);
        self.list_len(&format!("{path}.formats"), image.formats.len());
        for (i, format) in image.formats.iter().enumerate() {
            let at = format!("{path}.formats[{i}]");
            let subtype = format.media_type.strip_prefix("image/").unwrap_or_default();
            if subtype.is_empty()
                || !subtype
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
            {
                self.report(
                    format!("{at}.type"),
                    "must be an image media type such as \"image/avif\"",
                );
            }
            if format.srcset.is_empty() {
                self.report(format!("{at}.srcset"), "must list at least one file");
            }
            self.srcset(&format!("{at}.srcset"), &format.srcset);
        }
    }

    /// Files of one image by width: web links, positive widths, each width once.
    fn srcset(&mut self, path: &str, candidates: &[ImageCandidate]) {
        self.list_len(path, candidates.len());
        for (i, candidate) in candidates.iter().enumerate() {
            self.link(&format!("{path}[{i}].src"), &candidate.src, Links::Web);
            // srcset separates files with commas (links already refuse spaces).
            if candidate.src.ends_with(',') {
                self.report(
                    format!("{path}[{i}].src"),
                    "must not end with a comma (encode it as %2C)",
                );
            }
            if candidate.width == 0 {
                self.report(
                    format!("{path}[{i}].width"),
                    "must be a positive number of pixels",
                );
            } else if candidates[..i].iter().any(|c| c.width == candidate.width) {
                self.report(
                    format!("{path}[{i}].width"),
                    "is listed twice; each width once",
                );
            }
        }
    }

    fn block(&mut self, path: &str, block: &Block) {
        match block {
            Block::Paragraph(p) => self.paragraph(path, p),
            Block::ReadAlso(card) => {
                self.text(&format!("{path}.title"), &card.title);
                self.opt_link(&format!("{path}.url"), card.url.as_deref(), Links::Web);
                self.opt_link(&format!("{path}.image"), card.image.as_deref(), Links::Web);
            }
            Block::Heading(h) => {
                self.text(&format!("{path}.text"), &h.text);
                if !(2..=4).contains(&h.level) {
                    self.report(
                        format!("{path}.level"),
                        "must be 2, 3 or 4 (the headline is level 1)",
                    );
                }
            }
            Block::Quote(q) => {
                self.text(&format!("{path}.text"), &q.text);
                self.opt_text(&format!("{path}.cite"), q.cite.as_deref());
            }
            Block::Image(image) => self.image(path, image),
        }
    }

    fn paragraph(&mut self, path: &str, p: &Paragraph) {
        match (&p.text, p.inlines.is_empty()) {
            (Some(_), false) => self.report(path.to_owned(), "has both text and inlines; use one"),
            (None, true) => self.report(path.to_owned(), "needs text or inlines"),
            (Some(text), true) => self.text(&format!("{path}.text"), text),
            (None, false) => {
                self.list_len(&format!("{path}.inlines"), p.inlines.len());
                for (i, run) in p.inlines.iter().enumerate() {
                    let run_path = format!("{path}.inlines[{i}]");
                    if run.text.is_empty() {
                        self.report(format!("{run_path}.text"), "must not be empty");
                    }
                    self.max_chars(&format!("{run_path}.text"), &run.text);
                    self.opt_link(
                        &format!("{run_path}.link"),
                        run.link.as_deref(),
                        Links::WebOrMail,
                    );
                }
            }
        }
    }

    fn follow(&mut self, follow: &Follow) {
        self.text("follow.text", &follow.text);
        self.opt_link(
            "follow.googleNews",
            follow.google_news.as_deref(),
            Links::Web,
        );
        self.opt_link(
            "follow.whatsappChannel",
            follow.whatsapp_channel.as_deref(),
            Links::Web,
        );
    }

    fn link_items(&mut self, path: &str, items: Option<&[LinkItem]>) {
        let Some(items) = items else { return };
        self.list_len(path, items.len());
        for (i, item) in items.iter().enumerate() {
            self.text(&format!("{path}[{i}].title"), &item.title);
            self.opt_link(&format!("{path}[{i}].url"), item.url.as_deref(), Links::Web);
            self.opt_date(&format!("{path}[{i}].published"), item.published.as_deref());
        }
    }

    fn share(&mut self, share: &ShareSettings) {
        if let Some(networks) = &share.networks {
            for (i, target) in networks.iter().enumerate() {
                let path = format!("share.networks[{i}]");
                if networks[..i].iter().any(|other| other.id() == target.id()) {
                    self.report(path.clone(), "is listed twice");
                }
                if let ShareTarget::Custom(custom) = target {
                    self.text(&format!("{path}.label"), &custom.label);
                    for (field, message) in custom_network_problems(custom) {
                        self.report(format!("{path}.{field}"), message);
                    }
                }
            }
        }
        if let Some(utm) = &share.utm {
            self.opt_text("share.utm.source", utm.source.as_deref());
            self.opt_text("share.utm.medium", utm.medium.as_deref());
            self.opt_text("share.utm.campaign", utm.campaign.as_deref());
        }
    }

    fn list_len(&mut self, path: &str, len: usize) {
        if len > MAX_LIST_ITEMS {
            self.report(
                path.to_owned(),
                format!("has {len} items; at most {MAX_LIST_ITEMS} are allowed"),
            );
        }
    }

    fn text(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(path.to_owned(), "must not be empty");
        }
        self.max_chars(path, value);
    }

    fn opt_text(&mut self, path: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(path, value);
        }
    }

    fn max_chars(&mut self, path: &str, value: &str) {
        if more_chars_than(value, MAX_TEXT_CHARS) {
            self.report(
                path.to_owned(),
                format!("is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    }

    fn opt_date(&mut self, path: &str, value: Option<&str>) {
        if let Some(value) = value {
            if parse_rfc3339(value).is_none() {
                self.report(
                    path.to_owned(),
                    "must be an RFC 3339 time with an offset, like 2024-05-16T07:12:00+07:00",
                );
            }
        }
    }

    fn opt_link(&mut self, path: &str, value: Option<&str>, links: Links) {
        if let Some(value) = value {
            self.link(path, value, links);
        }
    }

    fn link(&mut self, path: &str, value: &str, links: Links) {
        if let Err(message) = check_link(value, links) {
            self.report(path.to_owned(), message);
        }
    }
}

/// Whether `url` passes the policy for an article's own URL (http or https
/// with a host): what the browser still checks when it reads only the share
/// bar's fields.
pub fn is_web_link(url: &str) -> bool {
    check_link(url, Links::Web).is_ok()
}

/// The longest id of a publisher's own share network.
pub const MAX_NETWORK_ID_CHARS: usize = 32;

/// The placeholders of a share template (`CustomNetwork::url`).
pub const SHARE_PLACEHOLDERS: [&str; 3] = ["{url}", "{title}", "{text}"];

/// What is wrong with a publisher's own network's `id` and `url`, by
/// field (its `label` is checked as text). Empty when it is usable: also
/// what the island bundle asks of a network it reads itself.
pub fn custom_network_problems(custom: &CustomNetwork) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    let id = custom.id.as_str();
    let id_chars = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if id.is_empty()
        || id.len() > MAX_NETWORK_ID_CHARS
        || id.starts_with('-')
        || !id.chars().all(id_chars)
    {
        problems.push((
            "id",
            "must be 1 to 32 lower-case letters, digits or hyphens, starting with a letter or digit",
        ));
    } else if ShareNetwork::from_id(id).is_some() {
        problems.push((
            "id",
            "is a network warta knows: list it by its name instead",
        ));
    }
    if let Err(why) = check_share_template(&custom.url) {
        problems.push(("url", why));
    }
    problems
}

/// A brace in a share template that is not a placeholder.
const BRACE: &str = "has a brace that is not one of {url}, {title} and {text}";

/// A share template: an `https` link by the link policy, whose braces are
/// only the placeholders, with a place for the link.
fn check_share_template(template: &str) -> Result<(), &'static str> {
    check_link(template, Links::Web)?;
    if !template
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
    {
        return Err("must be an https link");
    }
    // Split at braces: a substring search (`contains("{url}")`) would cost
    // the island bundle 4 KB, with its panic messages.
    let mut pieces = template.split('{');
    if pieces.next().unwrap_or_default().contains('}') {
        return Err(BRACE);
    }
    let mut has_link = false;
    for piece in pieces {
        let Some((name, after)) = SHARE_PLACEHOLDERS.iter().find_map(|p| {
            let name = p.trim_matches(['{', '}']);
            piece
                .strip_prefix(name)?
                .strip_prefix('}')
                .map(|after| (name, after))
        }) else {
            return Err(BRACE);
        };
        if after.contains('}') {
            return Err(BRACE);
        }
        has_link |= name != "title";
    }
    if !has_link {
        return Err("must have {url} or {text}: the link it shares");
    }
    Ok(())
}

/// The link policy: absolute http(s) URLs with a host, or `mailto:` where
/// allowed. Everything else (javascript:, data:, relative paths) is refused,
/// so no link in the widget can run a script.
fn check_link(url: &str, links: Links) -> Result<(), &'static str> {
    if url.is_empty() {
        return Err("must not be empty");
    }
    if more_chars_than(url, MAX_URL_CHARS) {
        return Err("is longer than 4096 characters");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces or control characters");
    }
    let refused = match links {
        Links::Web => "only http and https links are allowed",
        Links::WebOrMail => "only http, https and mailto links are allowed",
    };
    let Some((scheme, rest)) = url.split_once(':') else {
        return Err(refused);
    };
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => {
            let host = rest
                .strip_prefix("//")
                .ok_or("must be a full URL starting with https://")?;
            match host.bytes().next() {
                None | Some(b'/' | b'?' | b'#' | b':' | b'@') => {
                    Err("must name a host after https://")
                }
                Some(_) => check_authority(host),
            }
        }
        "mailto" if matches!(links, Links::WebOrMail) => {
            if rest.is_empty() {
                Err("must name an address after mailto:")
            } else {
                Ok(())
            }
        }
        _ => Err(refused),
    }
}

/// The part after `//` up to the path: `[user@]host[:port]`. The host must
/// be a name browsers and DNS accept (labels of letters, digits and inner
/// hyphens), an IPv4 address or a bracketed IPv6 address. Plain code rather
/// than a URL crate: the browser runs the same check, and a crate with IDNA
/// tables would cost readers more bytes than it saves here.
fn check_authority(rest: &str) -> Result<(), &'static str> {
    // Byte scans only: string patterns and number parsing cost bundle bytes.
    let bad_host = Err("must name a valid host, such as example.com");
    let bytes = rest.as_bytes();
    let end = bytes
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(bytes.len());
    let mut authority = &bytes[..end];
    if let Some(at) = authority.iter().rposition(|&b| b == b'@') {
        authority = &authority[at + 1..];
    }
    // Host and port, split at the last colon outside an IPv6 literal.
    let closing = authority.iter().rposition(|&b| b == b']');
    let colon = authority
        .iter()
        .rposition(|&b| b == b':')
        .filter(|&c| closing.is_none_or(|close| c > close));
    let (host, port) = match colon {
        Some(c) => (&authority[..c], Some(&authority[c + 1..])),
        None => (authority, None),
    };
    if let Some(port) = port {
        let digits = !port.is_empty() && port.len() <= 5 && port.iter().all(u8::is_ascii_digit);
        // Only up to five digits reach the sum: `d - b'0'` cannot wrap (a
        // byte below `0` once did, found by the `parse` fuzz target).
        if !digits || port.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')) > 65_535 {
            return Err("must have a port from 0 to 65535 after the host");
        }
    }
    if let [b'[', address @ .., b']'] = host {
        let ok = !address.is_empty()
            && address.contains(&b':')
            && address
                .iter()
                .all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'));
        return if ok { Ok(()) } else { bad_host };
    }
    let name = host.strip_suffix(b".").unwrap_or(host);
    // Labels of letters, digits and inner hyphens; non-ASCII bytes are
    // IDNA's to map (spaces and controls are refused before).
    let label_ok = |label: &[u8]| {
        !label.is_empty()
            && (label.len() <= 63 || (label.len() <= 63 * 4 && label.iter().any(|&b| b >= 0x80)))
            && label[0] != b'-'
            && label[label.len() - 1] != b'-'
            && label
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80)
    };
    if name.len() > 253 * 4 || !name.split(|&b| b == b'.').all(label_ok) {
        return bad_host;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_policy() {
        assert!(check_link("https://mediaindonesia.com/a?b=1#c", Links::Web).is_ok());
        assert!(check_link("HTTP://example.com", Links::Web).is_ok());
        assert!(check_link("mailto:redaksi@example.com", Links::WebOrMail).is_ok());
        assert_eq!(
            check_link("mailto:redaksi@example.com", Links::Web),
            Err("only http and https links are allowed")
        );
        assert_eq!(
            check_link("javascript:alert(1)", Links::WebOrMail),
            Err("only http, https and mailto links are allowed")
        );
        assert_eq!(
            check_link("JaVaScRiPt:alert(1)", Links::Web),
            Err("only http and https links are allowed")
        );
        assert_eq!(
            check_link("data:text/html,<script>", Links::Web),
            Err("only http and https links are allowed")
        );
        assert_eq!(
            check_link("/relative/path", Links::Web),
            Err("only http and https links are allowed")
        );
        assert_eq!(
            check_link("https:/example.com", Links::Web),
            Err("must be a full URL starting with https://")
        );
        assert_eq!(
            check_link("https:///etc", Links::Web),
            Err("must name a host after https://")
        );
        assert_eq!(
            check_link("https://exa mple.com", Links::Web),
            Err("must not contain spaces or control characters")
        );
        assert_eq!(
            check_link("java\tscript:x", Links::Web),
            Err("must not contain spaces or control characters")
        );
        assert_eq!(check_link("", Links::Web), Err("must not be empty"));
    }

    /// The limit is in characters, not bytes: 4,096 two-byte characters
    /// (8 KB) pass, one more does not, nor does 4,097 ASCII ones.
    #[test]
    fn url_length_counts_characters() {
        let url = |path: String| format!("https://example.id/{path}");
        let prefix = url(String::new()).len();
        let at_limit = url("é".repeat(MAX_URL_CHARS - prefix));
        assert!(at_limit.len() > MAX_URL_CHARS);
        assert!(check_link(&at_limit, Links::Web).is_ok());
        let over = [
            url("é".repeat(MAX_URL_CHARS - prefix + 1)),
            url("a".repeat(MAX_URL_CHARS - prefix + 1)),
        ];
        for over in over {
            assert_eq!(
                check_link(&over, Links::Web),
                Err("is longer than 4096 characters")
            );
        }
    }

    #[test]
    fn hosts_browsers_accept() {
        for good in [
            "https://example.com",
            "https://example.com.",
            "https://sub.xn--mdia-bsa.id/a",
            "https://média.id/a",
            "https://127.0.0.1:8080/x",
            "https://[::1]:443/x",
            "https://user@example.com/",
            "http://localhost",
            "https://a-b.c?d#e",
        ] {
            assert_eq!(check_link(good, Links::Web), Ok(()), "{good}");
        }
        for bad in [
            "https://.",
            "https://-",
            "https://-a.com",
            "https://a-.com",
            "https://a..com",
            "https://\"'><script>alert(1)</script>",
            "https://exa<mple.com",
            "https://example.com:http",
            "https://example.com:99999",
            "https://example.com:",
            // Bytes below `0` in the port once wrapped in debug builds.
            "https://example.com:!",
            "https://example.com:8*8",
            "https://example.com:123456",
            "https://[zz]/",
            "https://[::1]x/",
            "https://ex%41mple.com",
            "https://ex_ample.com",
        ] {
            assert!(check_link(bad, Links::Web).is_err(), "{bad}");
        }
    }
}
