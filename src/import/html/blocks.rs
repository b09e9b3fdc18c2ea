//! The blocks of the article's text (paragraphs, sub-headings, list items,
//! quotations, tables, embedded videos and posts) read in order from the
//! element [`super::body`] chose, without the boilerplate inside it; and the
//! visible text of any element.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::Node;

use super::body::{BODY, MAYBE, Page, always_dropped, class_and_id, is_embedded_post, measure, pattern};
use super::{Walk, attr, tag};

/// A piece of the text as the page lays it out, before lists are grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// The page's `h1`: the headline, or a site name set in one.
    Headline(String),
    Heading(String),
    /// A paragraph, and whether it is mostly the text of links.
    Paragraph {
        text: String,
        linked: bool,
    },
    Item {
        ordered: bool,
        text: String,
    },
    Quote {
        text: String,
        link: Option<String>,
    },
    Table(Vec<Vec<String>>),
    /// A video or other embedded player, by its address.
    Embed(String),
}

/// Boilerplate inside the article's container.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"share|social|related|comment|newsletter|photo-?cap|img-?cap|image-?cap|pic-?cap|subscribe|promo|advert|outbrain|taboola|breadcrumb|sidebar|most-read|mostread|popular|trending|recommend|read-more|readmore|read-also|readalso|see-also|inline-related|more-stories|tags|tag-list|author-bio|about-author|byline|caption|credit|toolbar|print|rating|disqus|sponsor|nav|menu|footer|signup|login|cookie|consent|modal|popup|ticker|(?:^|[-_ ])ads?(?:$|[-_ ])|adslot|ad-slot|ad-container|advertisement",
    )
});

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "figure",
    "hr",
    "address",
    "center",
    "form",
    "fieldset",
    "body",
    "html",
    "caption",
];

/// Hosts of embedded players whose frame becomes a link to the video.
const VIDEO_HOSTS: &[&str] = &["youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "dailymotion.com"];

fn video_address(node: &NodeRef<Node>) -> Option<String> {
    if tag(node) != Some("iframe") {
        return None;
    }
    let src = attr(node, "src").or_else(|| attr(node, "data-src"))?;
    let src = if src.starts_with("//") { format!("https:{src}") } else { src.to_owned() };
    let host = url::Url::parse(&src).ok()?.host_str()?.to_owned();
    VIDEO_HOSTS.iter().any(|v| host == *v || host.ends_with(&format!(".{v}"))).then_some(src)
}

/// Boilerplate inside the container, by its class or id; not an element
/// that holds half of the container's text.
fn is_boilerplate(page: &Page, node: &NodeRef<Node>, container_text: usize) -> bool {
    let Some(name) = tag(node) else { return false };
    if matches!(name, "a" | "span" | "b" | "strong" | "em" | "i" | "p") {
        return false;
    }
    let names = class_and_id(node);
    if names.trim().is_empty() || page.counts(node.id()).embeds {
        return false;
    }
    if BODY.is_match(&names) || (MAYBE.is_match(&names) && !BOILERPLATE.is_match(&names)) {
        return false;
    }
    BOILERPLATE.is_match(&names) && page.counts(node.id()).paragraphs * 2 <= container_text
}

/// A table of data (rows of short cells), not a layout table.
fn is_data_table(node: &NodeRef<Node>) -> bool {
    let mut rows = 0;
    let mut widest = 0;
    for descendant in node.descendants().skip(1) {
        match tag(&descendant) {
            Some("table" | "p" | "div" | "ul" | "ol" | "blockquote") => return false,
            Some("tr") => {
                rows += 1;
                widest = widest.max(descendant.children().filter(|c| matches!(tag(c), Some("td" | "th"))).count());
            }
            _ => {}
        }
    }
    rows >= 2 && widest >= 2
}

fn table_rows(node: &NodeRef<Node>) -> Vec<Vec<String>> {
    node.descendants()
        .filter(|d| tag(d) == Some("tr"))
        .map(|row| {
            row.children().filter(|c| matches!(tag(c), Some("td" | "th"))).map(|cell| plain_text(&cell)).collect()
        })
        .filter(|row: &Vec<String>| row.iter().any(|c| !c.is_empty()))
        .collect()
}

/// The visible text of an element, spaces collapsed.
pub fn plain_text(node: &NodeRef<Node>) -> String {
    let mut text = String::new();
    let mut walk = Walk::new(*node);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) => {
                if n.id() != node.id() && always_dropped(&n) {
                    walk.leave_out(&n);
                } else if let Node::Text(t) = n.value() {
                    text.push_str(t);
                } else if matches!(tag(&n), Some("br" | "p" | "div" | "li")) {
                    text.push(' ');
                }
            }
            Edge::Close(n) if matches!(tag(&n), Some("p" | "div" | "li")) => text.push(' '),
            Edge::Close(_) => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The link an embedded post ends with (its permanent address).
fn last_link(node: &NodeRef<Node>) -> Option<String> {
    node.descendants().filter(|d| tag(d) == Some("a")).filter_map(|a| attr(&a, "href")).last().map(str::to_owned)
}

/// Text being gathered for the next block.
#[derive(Default)]
struct Pending {
    text: String,
    links: usize,
}

/// The blocks under `container`, in order.
pub(super) fn read_blocks(page: &Page, container: NodeRef<Node>, pieces: &mut Vec<Piece>) {
    let container_text = page.counts(container.id()).paragraphs;
    let mut pending = Pending::default();
    let mut in_links = 0usize;
    let mut open: Vec<&str> = Vec::new();
    let mut ordered: Vec<bool> = Vec::new();
    let mut walk = Walk::new(container);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => {
                if let Some(address) = video_address(&node) {
                    finish(&mut pending, &open, &ordered, pieces);
                    pieces.push(Piece::Embed(address));
                    walk.leave_out(&node);
                    continue;
                }
                if node.id() != container.id()
                    && (page.dropped(&node, true) || is_boilerplate(page, &node, container_text))
                {
                    walk.leave_out(&node);
                    continue;
                }
                if is_embedded_post(&node) {
                    finish(&mut pending, &open, &ordered, pieces);
                    let text = plain_text(&node);
                    if !text.is_empty() {
                        pieces.push(Piece::Quote { text, link: last_link(&node) });
                    }
                    walk.leave_out(&node);
                    continue;
                }
                if tag(&node) == Some("table") && is_data_table(&node) {
                    finish(&mut pending, &open, &ordered, pieces);
                    let rows = table_rows(&node);
                    if !rows.is_empty() {
                        pieces.push(Piece::Table(rows));
                    }
                    walk.leave_out(&node);
                    continue;
                }
                match node.value() {
                    Node::Text(text) => {
                        pending.text.push_str(text);
                        if in_links > 0 {
                            pending.links += measure(text).0;
                        }
                    }
                    Node::Element(element) => {
                        let name = element.name();
                        if name == "a" {
                            in_links += 1;
                        }
                        if name == "br" {
                            finish(&mut pending, &open, &ordered, pieces);
                        } else if BLOCK_TAGS.contains(&name) {
                            finish(&mut pending, &open, &ordered, pieces);
                            open.push(name);
                            if name == "ol" || name == "ul" {
                                ordered.push(name == "ol");
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if name == "a" {
                        in_links = in_links.saturating_sub(1);
                    }
                    if BLOCK_TAGS.contains(&name) {
                        finish(&mut pending, &open, &ordered, pieces);
                        open.pop();
                        if name == "ol" || name == "ul" {
                            ordered.pop();
                        }
                    }
                }
            }
        }
    }
    finish(&mut pending, &open, &ordered, pieces);
}

/// Ends the block being gathered. Its kind is that of the innermost heading,
/// list item or quotation it stands in. A heading, item or quotation made
/// mostly of link text is a list of other pages.
fn finish(pending: &mut Pending, open: &[&str], ordered: &[bool], pieces: &mut Vec<Piece>) {
    let text = pending.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let links = pending.links;
    *pending = Pending::default();
    if text.is_empty() {
        return;
    }
    let kind = open.iter().rev().find(|c| matches!(**c, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote"));
    let chars = text.chars().count();
    if kind.is_some_and(|k| *k != "h1") && links * 10 > chars * 6 {
        return;
    }
    pieces.push(match kind {
        Some(&"h1") => Piece::Headline(text),
        Some(&"li") => Piece::Item { ordered: ordered.last().copied().unwrap_or(false), text },
        Some(&"blockquote") => Piece::Quote { text, link: None },
        Some(_) => Piece::Heading(text),
        None => Piece::Paragraph { linked: links * 10 > chars * 6, text },
    });
}
