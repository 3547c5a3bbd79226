//! Interface words, one table per language; [`crate::language::Language`]
//! picks the table for an article.

/// Every fixed word the widget shows.
#[derive(Debug, PartialEq, Eq)]
pub struct Labels {
    /// Read-also card label.
    pub read_also: &'static str,
    /// Name of the share group.
    pub share_group: &'static str,
    /// Prefix of each share control's name: "Bagikan ke" + network.
    pub share_to: &'static str,
    /// Copy-link control.
    pub copy_link: &'static str,
    /// Announced after a successful copy.
    pub link_copied: &'static str,
    /// Announced when the clipboard refuses.
    pub copy_failed: &'static str,
    /// Native share-sheet control's accessible name.
    pub share_native: &'static str,
    /// Native share-sheet control's visible text.
    pub share_native_short: &'static str,
    /// The email share control.
    pub email: &'static str,
    /// Before the editor's name.
    pub editor: &'static str,
    /// Before the source tag.
    pub source: &'static str,
    /// Before the photo credit.
    pub photo: &'static str,
    /// Before the author names.
    pub by: &'static str,
    /// Before the update time.
    pub updated: &'static str,
    /// After the reading time in minutes.
    pub minutes_read: &'static str,
    /// "Terkini Lainnya" heading.
    pub latest: &'static str,
    /// "Tautan Sahabat" heading.
    pub partners: &'static str,
    /// Shown in a list section that has no items yet.
    pub empty_list: &'static str,
    /// Name of the follow call-to-action.
    pub follow: &'static str,
    /// Follow links.
    pub google_news: &'static str,
    /// Follow links.
    pub whatsapp_channel: &'static str,
}

/// Bahasa Indonesia.
pub const INDONESIAN: Labels = Labels {
    read_also: "Baca juga",
    share_group: "Bagikan artikel",
    share_to: "Bagikan ke",
    copy_link: "Salin tautan",
    link_copied: "Tautan disalin",
    copy_failed: "Tautan tidak dapat disalin",
    share_native: "Bagikan lewat aplikasi lain",
    share_native_short: "Bagikan",
    email: "Email",
    editor: "Editor",
    source: "Sumber",
    photo: "Foto",
    by: "Oleh",
    updated: "Diperbarui",
    minutes_read: "menit baca",
    latest: "Terkini Lainnya",
    partners: "Tautan Sahabat",
    empty_list: "Belum ada tautan untuk saat ini.",
    follow: "Ikuti kami",
    google_news: "Ikuti di Google News",
    whatsapp_channel: "Ikuti saluran WhatsApp",
};

/// English.
pub const ENGLISH: Labels = Labels {
    read_also: "Read also",
    share_group: "Share this article",
    share_to: "Share on",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "The link could not be copied",
    share_native: "Share with another app",
    share_native_short: "Share",
    email: "Email",
    editor: "Editor",
    source: "Source",
    photo: "Photo",
    by: "By",
    updated: "Updated",
    minutes_read: "min read",
    latest: "More Latest News",
    partners: "Partner Links",
    empty_list: "No links yet.",
    follow: "Follow us",
    google_news: "Follow on Google News",
    whatsapp_channel: "Follow the WhatsApp channel",
};
