//! `warta import --from wordpress`: REST API posts, with and without `_embed`.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use crate::common;
use crate::warta_bin as cli;

use cli::{one_error_line, status, text, warta};

use warta::import::html::{PageImportError, PageOptions};
use warta::import::wordpress::import_wordpress;
use warta::json::to_pretty_json;
use warta::model::read_article;
use warta::model::Block;

fn import(name: &str) -> (warta::model::Article, Vec<String>) {
    let json = std::fs::read_to_string(format!("tests/fixtures/wordpress/{name}")).unwrap();
    let imported = import_wordpress(&json, &PageOptions::default()).unwrap();
    // What `warta validate` would read.
    let reread = read_article(&to_pretty_json(&imported.article)).unwrap();
    assert_eq!(reread, imported.article);
    (imported.article, imported.notes)
}

#[test]
fn embedded_post_gets_author_hero_category_and_site() {
    let (a, notes) = import("post-embed.json");
    // title.rendered carries HTML entities.
    assert_eq!(
        a.title,
        "Mahasiswa Rancang Perahu Tenaga Surya untuk Nelayan \u{201c}Pesisir\u{201d} Utara"
    );
    assert_eq!(
        a.url,
        "https://beritakampus.example/2024/06/03/mahasiswa-rancang-perahu-tenaga-surya/"
    );
    // The offset comes from date minus date_gmt.
    assert_eq!(a.published.as_deref(), Some("2024-06-03T19:45:10+07:00"));
    assert_eq!(a.updated.as_deref(), Some("2024-06-04T08:02:33+07:00"));
    assert_eq!(a.authors[0].name, "Ayu Lestari");
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://beritakampus.example/author/ayu/")
    );
    assert_eq!(a.kicker.as_deref(), Some("Sains & Teknologi"));
    assert_eq!(a.site.name, "Berita Kampus");
    assert_eq!(a.lang, "id-ID");
    // The excerpt loses its "[…]".
    assert_eq!(
        a.summary.as_deref(),
        Some("Tim mahasiswa teknik perkapalan merancang perahu bertenaga surya untuk nelayan kecil di pesisir utara Jawa.")
    );
    let hero = a.hero.as_ref().unwrap();
    assert_eq!(
        hero.src.as_deref(),
        Some("https://beritakampus.example/wp-content/uploads/2024/06/perahu-surya-utama.jpg")
    );
    assert_eq!(hero.alt, "Perahu tenaga surya berlayar di laut");
    assert_eq!((hero.width, hero.height), (Some(1600), Some(900)));
    assert!(notes.iter().all(|n| !n.contains("_embed")), "{notes:?}");
}

#[test]
fn content_maps_through_the_html_walker() {
    let (a, _) = import("post-embed.json");
    let image = a
        .body
        .iter()
        .find_map(|b| match b {
            Block::Image(i) => Some(i),
            _ => None,
        })
        .unwrap();
    assert_eq!(image.alt, "Perahu bertenaga surya di dermaga");
    assert_eq!(image.credit.as_deref(), Some("Dok. Tim Surya Bahari"));
    assert_eq!(image.srcset.len(), 3);
    assert!(a.body.iter().any(|b| matches!(b, Block::ReadAlso(c)
        if c.title == "Kampus Buka Jalur Beasiswa untuk Anak Nelayan"
            && c.url.as_deref() == Some("https://beritakampus.example/2024/05/20/kampus-buka-jalur-beasiswa-nelayan/"))));
    assert!(a.body.iter().any(|b| matches!(b, Block::Quote(q) if q.cite.as_deref() == Some("Sukarji, nelayan Tambak Lorok"))));
    let text = serde_json::to_string(&a.body).unwrap();
    for furniture in ["Bagikan", "share=facebook", "wpAds"] {
        assert!(!text.contains(furniture), "{furniture} leaked: {text}");
    }
}

#[test]
fn post_without_embed_notes_what_is_missing() {
    let (a, notes) = import("post.json");
    assert!(a.authors.is_empty());
    assert!(
        a.hero.is_none(),
        "a body photo after text is not promoted to hero"
    );
    assert_eq!(a.site.name, "beritakampus.example");
    common::assert_notes(
        &notes,
        &[
            "author is only an id",
            "featured image is only an id",
            "site name guessed",
        ],
    );
}

#[test]
fn not_a_post_is_refused_with_a_reason() {
    let opts = PageOptions::default();
    assert!(
        matches!(import_wordpress("{", &opts), Err(PageImportError::Unreadable(m)) if m.contains("not valid JSON"))
    );
    assert!(
        matches!(import_wordpress("{\"id\": 1}", &opts), Err(PageImportError::Unreadable(m)) if m.contains("content.rendered"))
    );
    let no_link = r#"{"title":{"rendered":"Judul"},"content":{"rendered":"<p>Isi.</p>"}}"#;
    assert_eq!(
        import_wordpress(no_link, &opts).unwrap_err(),
        PageImportError::NoUrl
    );
    let with_url = PageOptions {
        url: Some("https://example.com/judul/".to_owned()),
    };
    assert_eq!(
        import_wordpress(no_link, &with_url).unwrap().article.url,
        "https://example.com/judul/"
    );
    // An empty body cannot be a valid article.
    let empty = r#"{"link":"https://example.com/a","title":{"rendered":"Judul"},"content":{"rendered":"<script>x()</script>"}}"#;
    assert_eq!(
        import_wordpress(empty, &opts).unwrap_err(),
        PageImportError::NoBody
    );
}

/// A post of `post.json` whose content is `content`.
fn post_with_content(content: &str) -> String {
    let json = std::fs::read_to_string("tests/fixtures/wordpress/post.json").unwrap();
    let mut post: serde_json::Value = serde_json::from_str(&json).unwrap();
    post["content"]["rendered"] = content.into();
    post.to_string()
}

#[test]
fn block_editor_figures_without_an_image_keep_their_text() {
    let json = post_with_content(concat!(
        "<p>Harga beras medium naik di tiga kota besar dalam sepekan terakhir, menurut catatan Badan Pangan Nasional.</p>\n",
        "<figure class=\"wp-block-table\"><table><thead><tr><th>Kota</th><th>Harga</th></tr></thead>",
        "<tbody><tr><td>Bogor</td><td>Rp13.900</td></tr></tbody></table>",
        "<figcaption class=\"wp-element-caption\">Sumber: Bapanas</figcaption></figure>\n",
        "<figure class=\"wp-block-pullquote\"><blockquote><p>Kalau pasokan normal, harga pasti turun.</p>",
        "<cite>Haji Udin</cite></blockquote></figure>\n",
        "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\">",
        "<div class=\"wp-block-embed__wrapper\"><iframe src=\"https://www.youtube.com/embed/abc\"></iframe></div></figure>\n",
        "<figure class=\"wp-block-audio\"><audio controls src=\"https://example.com/a.mp3\"></audio></figure>\n",
    ));
    let imported = import_wordpress(&json, &PageOptions::default()).unwrap();
    let body: Vec<String> = imported
        .article
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.plain_text(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        body[1..],
        [
            "Kota · Harga",
            "Bogor · Rp13.900",
            "Sumber: Bapanas",
            "Quote(Quote { text: \"Kalau pasokan normal, harga pasti turun.\", cite: Some(\"Haji Udin\") })",
        ]
    );
    for note in [
        "1 table(s) became one paragraph per row",
        "1 embedded video/iframe figure(s) skipped",
        "1 figure(s) holding only <audio> skipped",
    ] {
        assert!(
            imported.notes.contains(&note.to_owned()),
            "missing {note:?} in {:?}",
            imported.notes
        );
    }
}

#[test]
fn a_list_endpoint_answer_imports_one_post_or_says_why_not() {
    let post = std::fs::read_to_string("tests/fixtures/wordpress/post.json").unwrap();
    // `/posts?slug=…` answers with an array of the one post.
    let one = warta(&["import", "--from", "wordpress", "-"], format!("[{post}]"));
    assert_eq!(status(&one), 0, "{}", text(&one.stderr));
    let single = warta(
        &[
            "import",
            "--from",
            "wordpress",
            "tests/fixtures/wordpress/post.json",
        ],
        "",
    );
    assert_eq!(text(&one.stdout), text(&single.stdout));

    let two = warta(
        &["import", "--from", "wordpress", "-"],
        format!("[{post}, {post}]"),
    );
    let err = one_error_line(&two, 1);
    assert!(
        err.contains("an array of 2 posts") && err.contains("one at a time"),
        "{err}"
    );
    assert!(!err.contains("content.rendered"), "{err}");

    let none = warta(&["import", "--from", "wordpress", "-"], "[]");
    let err = one_error_line(&none, 1);
    assert!(err.contains("empty array"), "{err}");
    assert!(!err.contains("content.rendered"), "{err}");
}
