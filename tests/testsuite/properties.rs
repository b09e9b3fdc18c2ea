//! Properties over generated text: linking never changes the visible text,
//! the matching key is idempotent, and imported front matter reads back as
//! it was written.

use std::path::Path;

use fihris::analysis::{Finder, analyze};
use fihris::arabic::key;
use fihris::config::LinkMentions;
use fihris::content::parse_article;
use fihris::entities::matcher::Scratch;
use fihris::entities::{Catalog, Kind, Matcher};
use fihris::import::{Block, Imported};
use fihris::render::markdown::{BodyContext, Highlighter, render_body};
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
    "في",
    "إن",
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

/// Removes the links that mention finding added (`<a class="mention …">…</a>`).
fn strip_mention_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<a class=\"mention ") {
        out.push_str(&rest[..start]);
        let after_open = &rest[start..];
        let open_end = after_open.find('>').expect("the tag closes") + 1;
        let inner = &after_open[open_end..];
        let close = inner.find("</a>").expect("the link closes");
        out.push_str(&inner[..close]);
        rest = &inner[close + "</a>".len()..];
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

    /// The body rendered with the given linking policy, and how many links it got.
    fn render(&self, body: &str, policy: LinkMentions) -> (String, usize) {
        let article =
            parse_article(Path::new("a.md"), &format!("---\ntitle: عنوان\n---\n{body}")).expect("a valid article");
        let finder = Finder { catalog: &self.catalog, matcher: &self.matcher };
        let (analysis, _) = analyze(&article, &finder, &Default::default(), &mut Scratch::default());
        let links = analysis.mentions.links(policy);
        let cx = BodyContext {
            urls: &self.urls,
            catalog: &self.catalog,
            entity_urls: &self.entity_urls,
            pages: &self.pages,
            sanitize: true,
            highlighter: &self.highlighter,
        };
        let (html, _) = render_body(&article, &links, &cx);
        (html, links.len())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// DESIGN.md: the article's text with links removed is byte for byte the
    /// text without linking.
    #[test]
    fn linking_never_changes_the_visible_text(body in body_strategy()) {
        let fixture = Fixture::new();
        let (plain, no_links) = fixture.render(&body, LinkMentions::None);
        prop_assert_eq!(no_links, 0);
        for policy in [LinkMentions::First, LinkMentions::All] {
            let (linked, _) = fixture.render(&body, policy);
            prop_assert_eq!(&strip_mention_links(&linked), &plain);
        }
    }

    /// ARABIC.md §1: key(key(x)) = key(x).
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
        kept: 0,
        dropped: 0,
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
fn the_generator_does_produce_links() {
    let fixture = Fixture::new();
    let (html, links) = fixture.render("قال بوتين في موسكو", LinkMentions::All);
    assert_eq!(links, 2, "{html}");
}
