//! Properties over generated text: linking mentions and marking quotations
//! never change the visible text, the matching key is idempotent, and
//! imported front matter reads back as it was written.

use std::path::Path;

use fihris::analysis::{Finder, analyze};
use fihris::arabic::key;
use fihris::config::LinkMentions;
use fihris::content::parse_article;
use fihris::entities::matcher::Scratch;
use fihris::entities::{Catalog, Kind, Matcher};
use fihris::import::{Block, Imported};
use fihris::render::markdown::{BodyContext, Highlighter, Marks, render_body};
use fihris::urls::Urls;
use proptest::prelude::*;
use rustc_hash::FxHashSet;

const PEOPLE: &str = "[putin]\nname = \"فلاديمير بوتين\"\naliases = [\"بوتين\", \"بوتن\"]\n\n[assad]\nname = \"بشار الأسد\"\nweak = [\"الأسد\"]\n";
const PLACES: &str = "[moscow]\nname = \"موسكو\"\n\n[syria]\nname = \"سوريا\"\n";
const SOURCES: &str = "[afp]\nname = \"فرانس برس\"\n";

/// Words and Markdown pieces that articles are made of, names among them.
const PIECES: &[&str] = &[
    "بوتين",
    "لبوتين",
    "وبوتين",
    "بُوتِين",
    "بوتن",
    "فلاديمير بوتين",
    "بشار الأسد",
    "وبشار الأسد",
    "الأسد",
    "للأسد",
    "موسكو",
    "بموسكو",
    "لموسكو",
    "سوريا",
    "وسوريا",
    "فرانس برس",
    "لفرانس برس",
    "قال",
    "وأضاف",
    "بحسب",
    "لفرانس برس",
    "في",
    "إن",
    "أن",
    "«",
    "»",
    "» قال بوتين",
    "قال بوتين: «",
    "الرئيس",
    "الروسي",
    "اجتماع",
    "Weekend",
    "Warriors",
    "2024",
    "٢٠٢٤",
    "،",
    ".",
    ":",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "*",
    "**",
    "_",
    "`",
    "[",
    "]",
    "](/x)",
    "\n",
    "\n\n",
    "\n\n# ",
    "\n\n## ",
    "\n\n- ",
    "\n\n> ",
    "\n\n```\n",
    "\n```\n",
    "<b>",
    "</b>",
    "&amp;",
    "\\*",
    "|",
    "---",
];

fn body_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..80).prop_map(|pieces| {
        let mut body = String::new();
        for (piece, space) in pieces {
            body.push_str(piece);
            if space {
                body.push(' ');
            }
        }
        body
    })
}

/// Removes the links that mention finding added: `<a href="…">…</a>` to an
/// entity's page (the text's own links, such as `](/x)`, lead elsewhere).
fn strip_mention_links(html: &str, entity_urls: &[String]) -> String {
    entity_urls.iter().fold(html.to_owned(), |html, url| strip_marks(&html, &format!("<a href=\"{url}\">"), "</a>"))
}

/// Removes the marks of quotations: `<q …>…</q>`, `<span class="reported"
/// …>…</span>`, and the anchor and `cite` of a `<blockquote>`.
fn strip_quote_marks(html: &str) -> String {
    let html = strip_marks(html, "<q", "</q>");
    let html = strip_marks(&html, "<span class=\"reported\"", "</span>");
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<blockquote ") {
        out.push_str(&rest[..start]);
        out.push_str("<blockquote>");
        let end = rest[start..].find('>').expect("the tag closes");
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Removes every element that opens with `open` (a tag's beginning) and
/// closes with `close`, keeping what is inside; such elements do not nest.
fn strip_marks(html: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        let after_open = &rest[start..];
        let open_end = after_open.find('>').expect("the tag closes") + 1;
        let inner = &after_open[open_end..];
        let end = inner.find(close).expect("the element closes");
        out.push_str(&inner[..end]);
        rest = &inner[end + close.len()..];
    }
    out.push_str(rest);
    out
}

struct Fixture {
    catalog: Catalog,
    matcher: Matcher,
    urls: Urls,
    entity_urls: Vec<String>,
    pages: FxHashSet<String>,
    highlighter: Highlighter,
}

impl Fixture {
    fn new() -> Fixture {
        let (catalog, problems) = Catalog::from_lists(&[
            (Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned()),
            (Kind::Place, Kind::Place.list_path(), PLACES.to_owned()),
            (Kind::Source, Kind::Source.list_path(), SOURCES.to_owned()),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let matcher = Matcher::new(&catalog);
        let urls = Urls::new("https://example.org/", "/");
        let entity_urls = catalog.ids().map(|id| urls.url(&Urls::entity(catalog.get(id)))).collect();
        Fixture {
            catalog,
            matcher,
            urls,
            entity_urls,
            pages: FxHashSet::default(),
            highlighter: Highlighter::default(),
        }
    }

    /// The body rendered with the given linking policy (and its quotations
    /// marked or not), and how many links and quotations it got.
    fn render(&self, body: &str, policy: LinkMentions, quotes: bool) -> (String, usize, usize) {
        let article =
            parse_article(Path::new("a.md"), &format!("---\ntitle: عنوان\n---\n{body}")).expect("a valid article");
        let finder = Finder { catalog: &self.catalog, matcher: &self.matcher };
        let (analysis, _) = analyze(&article, &finder, &Default::default(), &mut Scratch::default());
        let links = analysis.mentions.links(policy);
        let cx = BodyContext {
            urls: &self.urls,
            entity_urls: &self.entity_urls,
            pages: &self.pages,
            sanitize: true,
            highlighter: &self.highlighter,
        };
        let marks = Marks {
            links: &links,
            quotes: if quotes { analysis.quotes.as_slice() } else { &[] },
            cite: Some("https://example.org/a?b=1&c=2"),
        };
        let (html, _) = render_body(&article, &marks, &cx);
        let quoted = if quotes { analysis.quotes.len() } else { 0 };
        (html, links.len(), quoted)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// docs/arabic.md §2.11: the article's text with links removed is byte for byte the
    /// text without linking.
    #[test]
    fn linking_never_changes_the_visible_text(body in body_strategy()) {
        let fixture = Fixture::new();
        let (plain, no_links, _) = fixture.render(&body, LinkMentions::None, false);
        prop_assert_eq!(no_links, 0);
        for policy in [LinkMentions::First, LinkMentions::All] {
            let (linked, _, _) = fixture.render(&body, policy, false);
            prop_assert_eq!(&strip_mention_links(&linked, &fixture.entity_urls), &plain);
        }
    }

    /// Marking quotations (with mentions linked too) adds tags only: with
    /// them removed, the page is byte for byte the page without them.
    #[test]
    fn marking_quotations_never_changes_the_visible_text(body in body_strategy()) {
        let fixture = Fixture::new();
        let (plain, _, _) = fixture.render(&body, LinkMentions::None, false);
        let (marked, _, _) = fixture.render(&body, LinkMentions::None, true);
        prop_assert_eq!(&strip_quote_marks(&marked), &plain);
        let (linked, _, _) = fixture.render(&body, LinkMentions::All, false);
        let (both, _, _) = fixture.render(&body, LinkMentions::All, true);
        prop_assert_eq!(&strip_quote_marks(&both), &linked);
    }

    /// docs/arabic.md §1: key(key(x)) = key(x).
    #[test]
    fn the_key_is_idempotent(text in "\\PC*") {
        let once = key(&text);
        prop_assert_eq!(key(&once), once);
    }

    #[test]
    fn the_key_is_idempotent_on_arabic(text in "[\\u{0600}-\\u{06FF}\\u{0750}-\\u{077F}\\u{FB50}-\\u{FDFF}\\u{FE70}-\\u{FEFF}\\u{200B}-\\u{200F} a-zA-Z0-9]{0,40}") {
        let once = key(&text);
        prop_assert_eq!(key(&once), once);
    }
}

/// One line of scraped text: Arabic, Latin, digits, and the characters YAML
/// and Markdown give meaning to.
const LINE: &str = "[\\u{0621}-\\u{064A}a-zA-Z0-9 :#'\"\\\\*_\\[\\]{}|>&%@!?,.\\-]{1,60}";

/// Import trims every line it keeps.
fn trimmed_line() -> impl Strategy<Value = String> {
    LINE.prop_map(|line| line.trim().to_owned()).prop_filter("not blank", |line| !line.is_empty())
}

fn imported(title: String, summary: String, author: String, tags: Vec<String>, paragraphs: Vec<String>) -> Imported {
    Imported {
        title: Some(title),
        date: None,
        source: None,
        sources: Vec::new(),
        url: Some("https://example.org/a?b=1&c=\"d\"".to_owned()),
        author: Some(author),
        summary: Some(summary),
        tags,
        slug: "undated-abcd".to_owned(),
        blocks: paragraphs.into_iter().map(Block::Paragraph).collect(),
        encoding: "UTF-8",
        ..Imported::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// What import writes, `fihris build` reads back unchanged.
    #[test]
    fn imported_front_matter_reads_back_unchanged(
        title in trimmed_line(),
        summary in trimmed_line(),
        author in trimmed_line(),
        tags in proptest::collection::vec("[\\u{0621}-\\u{064A}]{1,8}", 0..3),
        paragraphs in proptest::collection::vec(LINE, 1..4),
    ) {
        let article = imported(title.clone(), summary.clone(), author.clone(), tags.clone(), paragraphs);
        let markdown = article.to_markdown();
        let read = parse_article(Path::new("imported.md"), &markdown);
        prop_assert!(read.is_ok(), "{:?}\n{}", read.err(), markdown);
        let read = read.expect("parsed").article;
        prop_assert_eq!(read.title, title);
        prop_assert_eq!(read.summary, Some(summary));
        prop_assert_eq!(read.author, Some(author));
        prop_assert_eq!(read.tags, tags);
        prop_assert_eq!(read.slug, "undated-abcd");
    }
}

#[test]
fn the_generator_does_produce_links_and_quotations() {
    let fixture = Fixture::new();
    let (html, links, _) = fixture.render("قال بوتين في موسكو", LinkMentions::All, false);
    assert_eq!(links, 2, "{html}");
    let (html, _, quotes) =
        fixture.render("قال بوتين: « في موسكو\n\n> « **الرئيس** `الروسي` » قال بوتين", LinkMentions::All, true);
    assert_eq!(quotes, 2, "{html}");
    assert!(html.contains("<q id=\"q-1\" cite=\"https://example.org/a?b=1&amp;c=2\">"), "{html}");
}
