//! An article body to HTML, as small passes over the Markdown events: the found
//! mentions become links and quotations are marked ([`super::marking`]),
//! root-relative links get the base path (and are checked against the site's
//! pages), code blocks are highlighted with classes, and raw HTML from scraped
//! text is sanitized. Linking and marking never change the visible text.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd, html};
use rustc_hash::FxHashSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::marking::Marker;
use crate::analysis::{LinkSite, Quote};
use crate::content::ArticleFile;
use crate::content::markdown::{self, Place, PlaceTracker};
use crate::diagnostics::Diagnostic;
use crate::urls::Urls;

/// What rendering a body needs that all articles share.
pub struct BodyContext<'a> {
    pub urls: &'a Urls,
    /// The link of every entity's page.
    pub entity_urls: &'a [String],
    /// Every page path of the site, for checking internal links.
    pub pages: &'a FxHashSet<String>,
    pub sanitize: bool,
    pub highlighter: &'a Highlighter,
}

/// Syntax definitions, loaded on the first code block of a build (news text
/// rarely has any, and loading them costs more than a small site's build).
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
}

impl Highlighter {
    /// `code` as class-highlighted HTML lines, or `None` for an unknown language.
    fn highlight(&self, language: &str, code: &str) -> Option<String> {
        let syntaxes = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
        let syntax = syntaxes.find_syntax_by_token(language)?;
        let mut generator =
            ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, ClassStyle::SpacedPrefixed { prefix: "hl-" });
        for line in LinesWithEndings::from(code) {
            generator.parse_html_for_line_which_includes_newline(line).ok()?;
        }
        Some(generator.finalize())
    }
}

/// What is marked in a body: the mentions that become links (sorted by run,
/// then position) and the quotations (in text order), with the address the
/// article was published at, for the quotations' `cite`.
#[derive(Default)]
pub struct Marks<'a> {
    pub links: &'a [LinkSite],
    pub quotes: &'a [Quote],
    pub cite: Option<&'a str>,
}

/// Renders the body of `article` with its `marks`.
pub fn render_body(article: &ArticleFile, marks: &Marks, cx: &BodyContext) -> (String, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // Raw HTML, and links or images with a scheme (`javascript:`, `data:`),
    // go through the sanitizer; plain text and relative links need not.
    let mut needs_sanitizing = false;
    let mut events: Vec<Event> = Vec::new();
    let mut marker = Marker::new(marks.links, marks.quotes, marks.cite);
    let mut tracker = PlaceTracker::default();
    let mut run = 0u32;
    let mut code: Option<(String, String)> = None;
    for event in markdown::events(&article.body) {
        tracker.step(&event);
        if markdown::is_run(&event) {
            run += 1;
        } else if code.is_none()
            && let Some(replaced) = marker.edge(&event, run, &mut events)
        {
            events.push(replaced);
            continue;
        }
        let markable = matches!(tracker.place(), Place::Prose | Place::Link);
        match event {
            Event::Text(text) => {
                if let Some((_, buffer)) = code.as_mut() {
                    buffer.push_str(&text);
                } else {
                    marker.text(run - 1, text, markable, cx, &mut events);
                }
            }
            Event::Code(_) => {
                marker.text(run - 1, CowStr::Borrowed(""), markable, cx, &mut events);
                events.push(event);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or_default().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((language, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                let (language, source) = code.take().unwrap_or_default();
                events.push(Event::Html(code_block_html(&language, &source, cx.highlighter).into()));
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                needs_sanitizing |= has_scheme(dest_url);
                events.push(event);
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                needs_sanitizing |= has_scheme(&dest_url);
                let dest_url = internal_link(article, &dest_url, cx, &mut diagnostics).map_or(dest_url, CowStr::from);
                events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                needs_sanitizing = true;
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(article.body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    let depth = nesting_depth(&out);
    if depth > MAX_NESTING {
        diagnostics.push(
            Diagnostic::error(format!(
                "the article nests quotes, lists or HTML elements {depth} deep; the limit is {MAX_NESTING}"
            ))
            .in_file(&article.article.path)
            .with_help("this is not an article's text (browsers stop nesting at 512 too); remove the repeated `>`, `-` or HTML tags"),
        );
        return (String::new(), diagnostics);
    }
    if needs_sanitizing && cx.sanitize {
        out = sanitizer().clean(&out).to_string();
    }
    (out, diagnostics)
}

/// The deepest an article's elements may nest. Browsers build no deeper tree
/// (Chromium's parser stops at 512), and the HTML parser of the sanitizer
/// takes time growing with the square of the depth.
pub const MAX_NESTING: usize = 512;

/// Elements that close themselves or are closed by the next of their kind
/// (`<p>`, `<li>` in scraped HTML), so they never deepen the tree.
const NOT_NESTING: [&str; 18] = [
    "br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed", "param", "p",
    "li", "dd", "dt",
];

/// How deep the elements of `html` nest, counting start and end tags (text
/// is escaped, so every `<` followed by a letter or `/` is a tag).
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len() - name_start);
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if name.is_empty()
            || !name.starts_with(|c: char| c.is_ascii_alphabetic())
            || NOT_NESTING.contains(&name.as_str())
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !rest.split('>').next().is_some_and(|tag| tag.ends_with('/')) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Whether a link names a scheme (`https:`, `javascript:`), which the
/// sanitizer must judge; a path or fragment does not.
fn has_scheme(dest: &str) -> bool {
    dest.split(['/', '?', '#']).next().is_some_and(|head| head.contains(':'))
}

/// A root-relative link (`/people/putin/`) gets the base path; a link to a page
/// the site does not have is reported.
fn internal_link(
    article: &ArticleFile,
    dest: &str,
    cx: &BodyContext,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let path = dest.strip_prefix('/').filter(|p| !p.starts_with('/'))?;
    let page = path.split(['#', '?']).next().unwrap_or_default();
    let known = page.is_empty() || cx.pages.contains(page) || cx.pages.contains(&format!("{page}/"));
    if !known {
        let offset = article.body.find(dest).unwrap_or(0);
        diagnostics.push(
            Diagnostic::error(format!("broken link: the site has no page {dest}"))
                .in_file(&article.article.path)
                .at(article.body_location(offset))
                .with_help("link to /articles/SLUG/, /people/KEY/, /places/KEY/ or /sources/KEY/ of an existing page"),
        );
    }
    Some(format!("{}{path}", cx.urls.base_path()))
}

fn code_block_html(language: &str, source: &str, highlighter: &Highlighter) -> String {
    let class =
        if language.is_empty() { String::new() } else { format!(" class=\"language-{}\"", html_escape(language)) };
    let inner = if language.is_empty() { None } else { highlighter.highlight(language, source) };
    let inner = inner.unwrap_or_else(|| html_escape(source));
    format!("<pre dir=\"ltr\"><code{class}>{inner}</code></pre>\n")
}

pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An allow-list for scraped HTML: no script, style, iframe, object, embed or
/// form, no event handlers, no `javascript:` or `data:` URLs (ammonia's
/// defaults), plus the classes and direction our own markup uses.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder.add_generic_attributes(["class", "dir", "lang", "id"]);
        builder.link_rel(None);
        builder
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_article;
    use std::path::Path;

    fn render(body: &str, links: &[LinkSite], sanitize: bool) -> (String, Vec<Diagnostic>) {
        let urls = Urls::new("https://example.org/sub/", "/sub/");
        let entity_urls = vec![urls.url("people/putin/")];
        let pages: FxHashSet<String> = ["people/putin/".to_owned()].into_iter().collect();
        let highlighter = Highlighter::default();
        let cx =
            BodyContext { urls: &urls, entity_urls: &entity_urls, pages: &pages, sanitize, highlighter: &highlighter };
        let article = parse_article(Path::new("a.md"), &format!("---\ntitle: x\n---\n{body}")).expect("valid");
        render_body(&article, &Marks { links, ..Marks::default() }, &cx)
    }

    #[test]
    fn mentions_become_links_around_the_same_text() {
        let body = "قال بوتين.\n";
        let start = "قال ".len() as u32;
        let link = LinkSite { run: 0, start, end: start + "بوتين".len() as u32, entity: 0 };
        let (html, _) = render(body, &[link], true);
        assert_eq!(html, "<p>قال <a href=\"/sub/people/putin/\">بوتين</a>.</p>\n");
    }

    #[test]
    fn internal_links_get_the_base_path_and_are_checked() {
        let (html, problems) = render("[بوتين](/people/putin/) و[x](/people/nobody/)\n", &[], true);
        assert!(html.contains("href=\"/sub/people/putin/\""), "{html}");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("/people/nobody/"));
    }

    #[test]
    fn raw_html_is_sanitized() {
        let (html, _) =
            render("<script>alert(1)</script>\n\n<a href=\"javascript:alert(1)\" onclick=\"x()\">نص</a>\n", &[], true);
        assert!(!html.contains("script") && !html.contains("javascript") && !html.contains("onclick"), "{html}");
        assert!(html.contains("نص"));
        let (html, _) = render(
            "[a](javascript:alert(1)) [b](< JaVaScRiPt:alert(2)>) ![c](data:text/html,x) [d](https://example.org/) [e](#note)\n",
            &[],
            true,
        );
        // The escaped space makes `%20JaVaScRiPt:…` a relative path, not a scheme.
        assert_eq!(
            html,
            "<p><a>a</a> <a href=\"%20JaVaScRiPt:alert(2)\">b</a> <img alt=\"c\"> <a href=\"https://example.org/\">d</a> <a href=\"#note\">e</a></p>\n"
        );
        let (unsafe_html, _) = render("<b onclick=\"x()\">نص</b>\n", &[], false);
        assert!(unsafe_html.contains("onclick"));
    }

    #[test]
    fn nesting_is_measured_on_elements() {
        assert_eq!(nesting_depth("<blockquote>\n<blockquote>\n<p>x<br>y</p>\n</blockquote>\n</blockquote>\n"), 2);
        assert_eq!(nesting_depth("<p>a<p>b<p>c<li>d<img src=x/><b/>"), 0);
        assert_eq!(nesting_depth(&"<div>".repeat(600)), 600);
        assert_eq!(nesting_depth("<DIV><div></Div></div><!-- <div> -->"), 2);
        let (html, problems) = render(&format!("{} x\n", ">".repeat(MAX_NESTING + 1)), &[], true);
        assert!(html.is_empty() && problems[0].message.contains("513 deep"), "{problems:?}");
        let (html, problems) = render(&format!("{} x\n", ">".repeat(MAX_NESTING - 1)), &[], true);
        assert!(problems.is_empty() && html.contains("<p>x</p>"), "{problems:?}");
    }

    #[test]
    fn code_is_left_to_right_and_highlighted() {
        let (html, _) = render("```rust\nfn main() {}\n```\n", &[], true);
        assert!(html.starts_with("<pre dir=\"ltr\"><code class=\"language-rust\"><span class=\"hl-"), "{html}");
        let (plain, _) = render("```\n<b>\n```\n", &[], true);
        assert_eq!(plain, "<pre dir=\"ltr\"><code>&lt;b&gt;\n</code></pre>\n");
    }
}
