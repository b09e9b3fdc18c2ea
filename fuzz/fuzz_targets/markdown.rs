//! An article body through mention finding and rendering with links and
//! sanitizing: no panic, and nothing executable comes out.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use fihris::config::LinkMentions;
use fihris::entities::Catalog;
use fihris::entities::matcher::{Matcher, Scratch};
use fihris::mentions::{self, Finder};
use fihris::render::markdown::{BodyContext, Highlighter, render_body};
use fihris::render::urls::Urls;
use libfuzzer_sys::fuzz_target;
use rustc_hash::FxHashSet;

struct Shared {
    catalog: Catalog,
    matcher: Matcher,
    urls: Urls,
    entity_urls: Vec<String>,
    pages: FxHashSet<String>,
    highlighter: Highlighter,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let catalog = fihris_fuzz::demo_catalog();
        let matcher = Matcher::new(&catalog);
        let urls = Urls::new("https://example.org/sub/", "/sub/");
        let entity_urls: Vec<String> = catalog.ids().map(|id| urls.url(&Urls::entity(catalog.get(id)))).collect();
        let pages = catalog.ids().map(|id| Urls::entity(catalog.get(id))).collect();
        Shared { catalog, matcher, urls, entity_urls, pages, highlighter: Highlighter::default() }
    })
}

/// Elements that must never survive sanitizing.
const FORBIDDEN: [&str; 8] = ["script", "iframe", "object", "embed", "style", "form", "frame", "base"];

/// The start tags of `html` as (name, attributes): text is escaped, so every
/// `<` and a letter opens a tag; quoted values may hold spaces and `>`.
fn start_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = rest.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
        let mut attributes = Vec::new();
        let mut i = name_end;
        let bytes = rest.as_bytes();
        loop {
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/') {
                i += 1;
            }
            if bytes.get(i).is_none_or(|b| *b == b'>') {
                break;
            }
            let end =
                rest[i..].find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>').map_or(rest.len(), |e| i + e);
            let attribute = rest[i..end].to_ascii_lowercase();
            i = end;
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                let quote = bytes.get(i).copied().filter(|b| *b == b'"' || *b == b'\'');
                let start = i + usize::from(quote.is_some());
                let end = match quote {
                    Some(q) => rest[start..].find(q as char).map_or(rest.len(), |e| start + e),
                    None => rest[start..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(rest.len(), |e| start + e),
                };
                value = rest[start..end].to_ascii_lowercase();
                i = (end + usize::from(quote.is_some())).min(rest.len());
            }
            attributes.push((attribute, value));
        }
        tags.push((rest[..name_end].to_ascii_lowercase(), attributes));
    }
    tags
}

fuzz_target!(|body: &str| {
    let s = shared();
    let text = format!("---\ntitle: fuzz\n---\n{body}");
    let Ok(article) = fihris::content::parse_article(Path::new("content/articles/fuzz.md"), &text) else { return };
    let finder = Finder { catalog: &s.catalog, matcher: &s.matcher, link_mentions: LinkMentions::All };
    let (found, _) = mentions::analyze(&article, &finder, &mut Scratch::default());
    let cx = BodyContext {
        urls: &s.urls,
        catalog: &s.catalog,
        entity_urls: &s.entity_urls,
        pages: &s.pages,
        sanitize: true,
        highlighter: &s.highlighter,
    };
    let (html, _) = render_body(&article, &found.links, &cx);
    for (name, attributes) in start_tags(&html) {
        assert!(!FORBIDDEN.contains(&name.as_str()), "<{name}> in {html}");
        for (attribute, value) in attributes {
            assert!(!attribute.starts_with("on"), "<{name} {attribute}> in {html}");
            // As the WHATWG URL parser reads it: C0 controls and spaces
            // trimmed, tabs and line breaks removed anywhere; any other
            // control inside makes the scheme invalid (a relative path).
            let value: String =
                value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
            if ["href", "src"].contains(&attribute.as_str()) {
                assert!(
                    !value.starts_with("javascript:") && !value.starts_with("data:"),
                    "<{name} {attribute}> in {html}"
                );
            }
        }
    }
});
