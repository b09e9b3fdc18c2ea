//! The article's text in an HTML page: which element holds it (its blocks
//! are then read in order by [`super::blocks`]).
//!
//! Two ways of finding the element are combined, as trafilatura combines its
//! own selectors with Readability: the element the page marks as the body
//! (`itemprop="articleBody"`, classes such as `entry-content`, `<article>`),
//! and Readability's scoring (Arc90, as in Mozilla's Readability.js): each
//! paragraph gives points for its length and commas to its parent and, less,
//! to its grandparents; a container's points shrink with its share of link
//! text. Boilerplate is dropped by tag (`nav`, `aside`, `footer`, forms,
//! scripts, frames), by being hidden, and by class or id (share bars,
//! related links, comments, advertisements), except where such a class is
//! on an element that holds most of the text. Every walk over the tree is
//! iterative, so a page nested a hundred thousand levels deep is no danger.

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{Html, Node};

use super::blocks::{Piece, read_blocks};
use super::{Walk, attr, tag};

/// Class and id patterns. `UNLIKELY`, `MAYBE`, `NEGATIVE` and `POSITIVE` are
/// Readability's (with the names of Arabic sites' share and ticker widgets
/// added); `BODY` names the containers that themes give the article's text.
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|newsletter|subscribe|outbrain|taboola|promo|cookie|consent|modal|most-read|mostread|popular|trending|ticker|widget|navbar|nav-|-nav|toolbar|login|signup|tags",
    )
});
pub(super) static MAYBE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"and|article|body|column|content|main|mathjax|shadow"));
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
    )
});
static POSITIVE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"));
pub(super) static BODY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"article[-_]?body|article__body|articlebody|article[-_]?content|article__content|article[-_]?text|post[-_]?content|post[-_]?body|post[-_]?entry|entry[-_]?content|story[-_]?body|story[-_]?content|content[-_]?body|field[-_]+name[-_]+body|field[-_]+body|td-post-content|single[-_]?content|news[-_]?(?:content|body|text|details)|article[-_]?details|main[-_]?text|text[-_]?content|body[-_]?text|article-page-body|c-entry-content|rich-text",
    )
});
pub(super) fn pattern(source: &str) -> Regex {
    Regex::new(&format!("(?i){source}")).expect("the class patterns are valid")
}

/// Never part of the text: code, styles, forms, frames, navigation.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "object",
    "embed",
    "audio",
    "video",
    "source",
    "track",
    "map",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "label",
    "nav",
    "aside",
    "footer",
    "menu",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
    "img",
    "picture",
    "figcaption",
    "header",
];

pub(super) fn class_and_id(node: &NodeRef<Node>) -> String {
    format!("{} {}", attr(node, "class").unwrap_or(""), attr(node, "id").unwrap_or(""))
}

fn is_hidden(node: &NodeRef<Node>) -> bool {
    if attr(node, "hidden").is_some() || (attr(node, "aria-hidden") == Some("true") && tag(node) != Some("body")) {
        return true;
    }
    attr(node, "style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

pub fn always_dropped(node: &NodeRef<Node>) -> bool {
    match tag(node) {
        Some(name) => DROPPED_TAGS.contains(&name) || is_hidden(node),
        None => !matches!(node.value(), Node::Text(_) | Node::Document | Node::Fragment),
    }
}

/// An embedded post (a tweet, an Instagram or TikTok post): a quotation.
pub(super) fn is_embedded_post(node: &NodeRef<Node>) -> bool {
    tag(node) == Some("blockquote")
        && attr(node, "class")
            .is_some_and(|c| ["twitter-tweet", "instagram-media", "tiktok-embed"].iter().any(|k| c.contains(k)))
}

/// Text counts of an element: all of it, inside links, commas, and inside paragraphs.
#[derive(Default, Clone, Copy, Debug)]
pub(super) struct Counts {
    text: usize,
    links: usize,
    commas: usize,
    pub(super) paragraphs: usize,
    /// Whether an embedded post is inside.
    pub(super) embeds: bool,
}

/// Characters of `text` with runs of spaces as one, and its commas (Latin and Arabic).
pub(super) fn measure(text: &str) -> (usize, usize) {
    let chars = text.split_whitespace().map(|w| w.chars().count() + 1).sum();
    let commas = text.chars().filter(|c| matches!(c, ',' | '،')).count();
    (chars, commas)
}

/// A paragraph, or a container holding text of its own (old layouts put the
/// article straight into a `div` or a table cell, between `<br>`s).
fn is_text_block(node: &NodeRef<Node>) -> bool {
    match tag(node) {
        Some("p" | "pre" | "td" | "blockquote" | "li" | "dd") => true,
        Some("div" | "section" | "article" | "span" | "font" | "center") => {
            let direct: usize = node
                .children()
                .filter_map(|c| match c.value() {
                    Node::Text(t) => Some(measure(t).0),
                    _ => None,
                })
                .sum();
            direct >= 25
        }
        _ => false,
    }
}

pub(super) struct Page<'a> {
    html: &'a Html,
    counts: FxHashMap<NodeId, Counts>,
    /// Dropped for their class or id.
    by_class: FxHashSet<NodeId>,
    /// Every node inside a dropped element (and the element itself).
    unseen: FxHashSet<NodeId>,
    scores: FxHashMap<NodeId, f64>,
}

impl<'a> Page<'a> {
    fn new(html: &'a Html) -> Self {
        let mut page = Page {
            html,
            counts: FxHashMap::default(),
            by_class: FxHashSet::default(),
            unseen: FxHashSet::default(),
            scores: FxHashMap::default(),
        };
        page.count(false);
        let total = page.counts(html.tree.root().id()).paragraphs;
        let mut by_class = FxHashSet::default();
        for node in html.tree.root().descendants() {
            let Some(name) = tag(&node) else { continue };
            if matches!(name, "html" | "body" | "article" | "main") {
                continue;
            }
            let names = class_and_id(&node);
            if names.trim().is_empty()
                || attr(&node, "itemprop") == Some("articleBody")
                || BODY.is_match(&names)
                || page.counts(node.id()).embeds
            {
                continue;
            }
            // A wrapper of most of the page's text is not boilerplate, whatever its class.
            if UNLIKELY.is_match(&names) && !MAYBE.is_match(&names) && page.counts(node.id()).paragraphs * 2 <= total {
                by_class.insert(node.id());
            }
        }
        page.by_class = by_class;
        page.count(true);
        page
    }

    pub(super) fn dropped(&self, node: &NodeRef<Node>, by_class: bool) -> bool {
        always_dropped(node) || (by_class && self.by_class.contains(&node.id()))
    }

    pub(super) fn counts(&self, id: NodeId) -> Counts {
        self.counts.get(&id).copied().unwrap_or_default()
    }

    fn link_density(&self, id: NodeId) -> f64 {
        let counts = self.counts(id);
        if counts.text == 0 { 0.0 } else { counts.links as f64 / counts.text as f64 }
    }

    fn is_inside_dropped(&self, node: NodeRef<Node>) -> bool {
        self.unseen.contains(&node.id())
    }

    /// Counts every element's text, children before parents, in one walk,
    /// and notes what lies inside dropped elements.
    fn count(&mut self, by_class: bool) {
        let mut counts = FxHashMap::default();
        let mut unseen = FxHashSet::default();
        let mut open: Vec<Counts> = vec![Counts::default()];
        let mut in_links = 0usize;
        let mut walk = Walk::new(self.html.tree.root());
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(node) => {
                    if self.dropped(&node, by_class) {
                        unseen.extend(node.descendants().map(|d| d.id()));
                        walk.leave_out(&node);
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => {
                            let (chars, commas) = measure(text);
                            if let Some(top) = open.last_mut() {
                                top.text += chars;
                                top.commas += commas;
                                if in_links > 0 {
                                    top.links += chars;
                                }
                            }
                        }
                        Node::Element(element) => {
                            if element.name() == "a" {
                                in_links += 1;
                            }
                            open.push(Counts::default());
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Node::Element(element) = node.value() {
                        if element.name() == "a" {
                            in_links = in_links.saturating_sub(1);
                        }
                        let mut mine = open.pop().unwrap_or_default();
                        if mine.paragraphs == 0 && is_text_block(&node) {
                            mine.paragraphs = mine.text.saturating_sub(mine.links);
                        }
                        mine.embeds |= is_embedded_post(&node);
                        counts.insert(node.id(), mine);
                        if let Some(parent) = open.last_mut() {
                            parent.text += mine.text;
                            parent.links += mine.links;
                            parent.commas += mine.commas;
                            parent.paragraphs += mine.paragraphs;
                            parent.embeds |= mine.embeds;
                        }
                    }
                }
            }
        }
        counts.insert(self.html.tree.root().id(), open.pop().unwrap_or_default());
        self.counts = counts;
        self.unseen = unseen;
    }

    fn class_weight(&self, node: &NodeRef<Node>) -> f64 {
        [attr(node, "class"), attr(node, "id")]
            .into_iter()
            .flatten()
            .map(|value| {
                let negative = if NEGATIVE.is_match(value) { -25.0 } else { 0.0 };
                let positive = if POSITIVE.is_match(value) { 25.0 } else { 0.0 };
                negative + positive
            })
            .sum()
    }

    /// Readability's candidate: the element whose paragraphs score most.
    fn best_scored(&mut self) -> Option<NodeId> {
        let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
        for node in self.html.tree.root().descendants() {
            if !is_text_block(&node) || matches!(tag(&node), Some("li" | "dd")) {
                continue;
            }
            let counts = self.counts(node.id());
            let own = counts.text.saturating_sub(counts.links);
            if own < 25 || self.is_inside_dropped(node) {
                continue;
            }
            let score = 1.0 + counts.commas as f64 + (own as f64 / 100.0).min(3.0);
            // A container holding its text directly is a candidate itself.
            let holds_text = matches!(tag(&node), Some("div" | "section" | "article" | "td" | "center"));
            let chain = std::iter::once(node).filter(|_| holds_text).chain(node.ancestors());
            for (level, ancestor) in chain.filter(|a| a.value().is_element()).take(5).enumerate() {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    level => level as f64 * 3.0,
                };
                let entry = scores.entry(ancestor.id()).or_insert_with(|| {
                    let by_tag = match tag(&ancestor) {
                        Some("div" | "article" | "section") => 5.0,
                        Some("pre" | "td" | "blockquote") => 3.0,
                        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => -3.0,
                        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
                        _ => 0.0,
                    };
                    by_tag + self.class_weight(&ancestor)
                });
                *entry += score / divider;
            }
        }
        let scores: FxHashMap<NodeId, f64> =
            scores.into_iter().map(|(id, score)| (id, score * (1.0 - self.link_density(id)))).collect();
        let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(id, s)| (*id, *s)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        let best = ranked.first().map(|&(id, _)| id);
        self.scores = scores;
        // Several close candidates under one element (a live blog's entries,
        // a body cut into sections): that element is the article (Readability.js).
        let (Some(best), Some(&(_, top))) = (best, ranked.first()) else { return best };
        let close: Vec<NodeId> =
            ranked.iter().skip(1).take(4).filter(|(_, s)| *s >= top * 0.75).map(|&(id, _)| id).collect();
        if close.len() < 2 {
            return Some(best);
        }
        let node = self.html.tree.get(best)?;
        for ancestor in node.ancestors().take(8) {
            if matches!(tag(&ancestor), Some("body" | "html") | None) {
                break;
            }
            let under = close
                .iter()
                .filter(|&&id| {
                    self.html.tree.get(id).is_some_and(|c| c.ancestors().take(12).any(|a| a.id() == ancestor.id()))
                })
                .count();
            if under >= 2 {
                return Some(ancestor.id());
            }
        }
        Some(best)
    }

    /// The element the page marks as the article's body, with the most text.
    fn best_marked(&self) -> Option<NodeId> {
        let mut marked: Option<(usize, NodeId)> = None;
        let mut article: Option<(usize, NodeId)> = None;
        for node in self.html.tree.root().descendants() {
            if !node.value().is_element() {
                continue;
            }
            let is_marked = attr(&node, "itemprop") == Some("articleBody")
                || [attr(&node, "class"), attr(&node, "id")].into_iter().flatten().any(|v| BODY.is_match(v));
            let is_article = tag(&node) == Some("article");
            if !(is_marked || is_article) || self.is_inside_dropped(node) {
                continue;
            }
            let paragraphs = self.counts(node.id()).paragraphs;
            let slot = if is_marked { &mut marked } else { &mut article };
            if slot.is_none_or(|(best, _)| paragraphs > best) {
                *slot = Some((paragraphs, node.id()));
            }
        }
        match (marked, article) {
            (Some((paragraphs, id)), _) if paragraphs >= 200 => Some(id),
            (_, Some((paragraphs, id))) if paragraphs >= 200 => Some(id),
            (Some((_, id)), _) => Some(id),
            _ => None,
        }
    }

    /// `id` and the elements of the same tag and class elsewhere in the page
    /// (themes that cut the text into chunks between advertisements).
    fn with_same_class(&self, id: NodeId) -> Vec<NodeId> {
        let Some(node) = self.html.tree.get(id) else { return vec![id] };
        let (name, class) = (tag(&node), attr(&node, "class"));
        if class.is_none_or(|c| c.trim().is_empty()) {
            return vec![id];
        }
        let mut all: Vec<NodeId> = Vec::new();
        for other in self.html.tree.root().descendants() {
            if tag(&other) != name || attr(&other, "class") != class || self.is_inside_dropped(other) {
                continue;
            }
            let nested = |inner: &NodeRef<Node>, outer: NodeId| inner.ancestors().any(|a| a.id() == outer);
            if other.id() != id && (nested(&other, id) || nested(&node, other.id())) {
                continue;
            }
            if all.iter().any(|&earlier| nested(&other, earlier)) {
                continue;
            }
            all.push(other.id());
        }
        all
    }

    /// The scored candidate with the siblings that look like more of the
    /// article (Readability's sibling rule).
    fn with_siblings(&self, id: NodeId) -> Vec<NodeId> {
        let Some(node) = self.html.tree.get(id) else { return vec![id] };
        let Some(parent) = node.parent() else { return vec![id] };
        let top = self.scores.get(&id).copied().unwrap_or(0.0);
        let threshold = (top * 0.2).max(10.0);
        let class = attr(&node, "class");
        let mut all = Vec::new();
        for sibling in parent.children() {
            if sibling.id() == id {
                all.push(id);
                continue;
            }
            if !sibling.value().is_element() || self.dropped(&sibling, true) {
                continue;
            }
            let bonus = if class.is_some() && attr(&sibling, "class") == class { top * 0.2 } else { 0.0 };
            let score = self.scores.get(&sibling.id()).copied().unwrap_or(0.0);
            let counts = self.counts(sibling.id());
            let own = counts.text.saturating_sub(counts.links);
            let links = self.link_density(sibling.id());
            let paragraph = tag(&sibling) == Some("p")
                && ((own > 80 && links < 0.25) || (own > 0 && links == 0.0 && ends_sentence(&sibling)));
            if score + bonus >= threshold || paragraph {
                all.push(sibling.id());
            }
        }
        all
    }
}

fn ends_sentence(node: &NodeRef<Node>) -> bool {
    let text: String = node
        .descendants()
        .filter_map(|d| match d.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .collect();
    text.trim_end().ends_with(['.', '!', '?', '؟'])
}

/// The article's text, and the elements it was taken from.
pub struct Body {
    pub pieces: Vec<Piece>,
    pub containers: Vec<NodeId>,
}

pub fn extract(html: &Html) -> Body {
    let mut page = Page::new(html);
    let scored = page.best_scored();
    let marked = page.best_marked();
    let containers = match (marked, scored) {
        // The marked body, unless the scoring found much more text elsewhere.
        (Some(marked), Some(scored)) if page.counts(marked).paragraphs * 2 < page.counts(scored).paragraphs => {
            page.with_siblings(scored)
        }
        (Some(marked), _) => page.with_same_class(marked),
        (None, Some(scored)) => page.with_siblings(scored),
        (None, None) => vec![html.tree.root().id()],
    };
    let mut pieces = Vec::new();
    for &id in &containers {
        if let Some(node) = html.tree.get(id) {
            read_blocks(&page, node, &mut pieces);
        }
    }
    Body { pieces, containers }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Piece {
        Piece::Paragraph { text: text.to_owned(), linked: false }
    }

    fn texts(html: &str) -> Vec<Piece> {
        extract(&Html::parse_document(html)).pieces
    }

    const PROSE: &str = "وقال المتحدث باسم الوزارة إن الاجتماع تناول سبل التعاون في مجالات الطاقة والنقل، وأضاف أن الجانبين اتفقا على مواصلة المشاورات خلال الأشهر المقبلة.";

    #[test]
    fn the_marked_body_without_its_share_bar_and_related_links() {
        let page = format!(
            "<html><body><header><nav><a href=/>الرئيسية</a></nav></header>\
             <article><h1>العنوان</h1><div class=\"entry-content\"><p>{PROSE}</p>\
             <div class=\"share-bar\"><a href=#>فيسبوك</a> <a href=#>تويتر</a></div>\
             <h2>تفاصيل الاتفاق</h2><p>{PROSE}</p><ul><li>البند الأول من الاتفاق</li><li>البند الثاني</li></ul>\
             <div class=\"related-posts\"><h3><a href=/x>خبر آخر لا علاقة له</a></h3></div></div></article>\
             <aside><p>{PROSE}</p></aside><footer>جميع الحقوق محفوظة</footer></body></html>"
        );
        assert_eq!(
            texts(&page),
            vec![
                para(PROSE),
                Piece::Heading("تفاصيل الاتفاق".into()),
                para(PROSE),
                Piece::Item { ordered: false, text: "البند الأول من الاتفاق".into() },
                Piece::Item { ordered: false, text: "البند الثاني".into() },
            ]
        );
    }

    #[test]
    fn old_table_layouts_with_text_between_line_breaks() {
        let page = format!(
            "<html><body><table><tr><td><a href=/>الرئيسية</a> | <a href=/a>أخبار</a></td></tr>\
             <tr><td><b>عنوان</b><br>{PROSE}<br><br>{PROSE}</td></tr></table></body></html>"
        );
        let pieces = texts(&page);
        assert_eq!(pieces.iter().filter(|p| **p == para(PROSE)).count(), 2, "{pieces:?}");
        assert!(
            !pieces.iter().any(|p| matches!(p, Piece::Paragraph { text, .. } if text.contains("الرئيسية"))),
            "{pieces:?}"
        );
    }

    #[test]
    fn tweets_become_quotations_and_videos_links() {
        let page = format!(
            "<html><body><div class=\"post-content\"><p>{PROSE}</p>\
             <div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>نص التغريدة</p>— الوزارة \
             <a href=\"https://twitter.com/x/status/1\">25 يوليو 2024</a></blockquote></div>\
             <iframe src=\"https://www.youtube.com/embed/abc\"></iframe><p>{PROSE}</p></div></body></html>"
        );
        let pieces = texts(&page);
        assert!(
            pieces.contains(&Piece::Quote {
                text: "نص التغريدة — الوزارة 25 يوليو 2024".into(),
                link: Some("https://twitter.com/x/status/1".into())
            }),
            "{pieces:?}"
        );
        assert!(pieces.contains(&Piece::Embed("https://www.youtube.com/embed/abc".into())), "{pieces:?}");
    }

    #[test]
    fn a_table_of_data_stays_a_table() {
        let page = format!(
            "<html><body><div class=\"article-body\"><p>{PROSE}</p><table><tr><th>الفريق</th><th>النقاط</th></tr>\
             <tr><td>الهلال</td><td>30</td></tr></table></div></body></html>"
        );
        let rows = vec![vec!["الفريق".to_owned(), "النقاط".to_owned()], vec!["الهلال".to_owned(), "30".to_owned()]];
        assert!(texts(&page).contains(&Piece::Table(rows)));
    }

    #[test]
    fn deep_pages_are_read_without_recursion() {
        let depth = 4_000;
        let page =
            format!("<html><body>{}<p>{PROSE}</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let pieces = texts(&page);
        assert_eq!(pieces, vec![para(PROSE)]);
    }
}
