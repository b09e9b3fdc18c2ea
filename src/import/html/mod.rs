//! A saved web page to an article. The text comes from the DOM
//! ([`body`]); title, date, author, address, outlet and lead image come from
//! the page's metadata ([`meta`]) weighed against what the page shows: the
//! headline over the text, the date and byline printed between the headline
//! and the text. Where the two disagree the page wins, and the import says
//! so (a `dateModified` is never the publication date; a "today" bar in the
//! masthead stands above the headline, so it is never read as the date).
//! The Arabic rules of the text importer then clean the blocks ([`clean`]): read-more
//! boxes, captions with photo credits, bylines and dates among the
//! paragraphs, and what follows the article's end.

mod blocks;
pub mod body;
mod clean;
mod dom;
mod meta;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use jiff::civil::Date;
use scraper::{Html, Node};

use super::article::{Block, Image, Imported};
use super::feed::ItemMeta;
use super::lines::{DateLabel, Kind, Meta, classify_block};
use super::outlet::{self, Evidence};
use super::{Lists, Origin, Unreadable, decode, digest_hex, extract};
use crate::arabic::key;
use blocks::Piece;
use clean::{clean, is_caption};
pub(super) use clean::{copyright_name, shown_host};
pub(super) use dom::Walk;
#[cfg(test)]
use dom::{MAX_DEPTH, nesting_depth};
use dom::{attr, parse, tag};
use meta::Metadata;

pub fn import(bytes: &[u8], origin: &Origin, lists: &Lists) -> Result<Imported, Unreadable> {
    let decoded = decode::decode_html(bytes, origin.charset.as_deref())?;
    let html = parse(&decoded.text)?;
    let metadata = meta::read(&html);
    let mut article = assemble(&html, metadata, origin.address.as_deref(), lists);
    article.digest = digest_hex(bytes);
    article.encoding = decoded.encoding;
    article.format = "HTML";
    article.slug = article.slug_for(4);
    Ok(article)
}

/// A feed item's content (an HTML fragment) with what the feed says of it.
pub fn import_fragment(fragment: &str, item: &ItemMeta, lists: &Lists) -> Result<Imported, Unreadable> {
    if fragment.trim().is_empty() {
        return Err(Unreadable::Empty);
    }
    let cleaned = decode::decode(fragment.as_bytes())?;
    let html = parse(&format!("<html><body><article>{}</article></body></html>", cleaned.text))?;
    let metadata = Metadata {
        headline: item.title.clone(),
        published: item.date.map(|d| (d, "the feed")),
        author: item.author.clone(),
        site_name: item.outlet.clone(),
        ..Metadata::default()
    };
    let mut article = assemble(&html, metadata, item.address.as_deref(), lists);
    // The feed's title for the item is what readers saw in it.
    if article.title.is_none() {
        article.title = item.title.clone();
    }
    let identity = [item.address.as_deref().unwrap_or(""), item.title.as_deref().unwrap_or(""), fragment].concat();
    article.digest = digest_hex(identity.as_bytes());
    article.encoding = "UTF-8";
    article.format = "feed item";
    article.slug = article.slug_for(4);
    Ok(article)
}

/// Where a line of the page stands relative to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Above,
    Headline,
    /// Between the headline and the text: the date, the byline, the lead image.
    Between,
    Text,
    Below,
}

struct PageLine {
    text: String,
    zone: Zone,
}

/// Tags whose text is never shown.
const UNSEEN: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "iframe", "object"];

/// The page's visible text as lines, each with its zone, and the dates of
/// `<time>` elements between the headline and the end of the text.
fn page_lines(html: &Html, headline: Option<NodeId>, containers: &[NodeId]) -> (Vec<PageLine>, Vec<Date>) {
    let mut lines = Vec::new();
    let mut times = Vec::new();
    let mut zone = if headline.is_some() { Zone::Above } else { Zone::Between };
    let mut current = String::new();
    let flush = |current: &mut String, zone: Zone, lines: &mut Vec<PageLine>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        current.clear();
        if !text.is_empty() {
            lines.push(PageLine { text, zone });
        }
    };
    let mut walk = Walk::new(html.tree.root());
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => {
                if tag(&node).is_some_and(|t| UNSEEN.contains(&t)) || matches!(node.value(), Node::Comment(_)) {
                    walk.leave_out(&node);
                    continue;
                }
                if Some(node.id()) == headline {
                    flush(&mut current, zone, &mut lines);
                    zone = Zone::Headline;
                } else if containers.contains(&node.id()) && zone != Zone::Below {
                    flush(&mut current, zone, &mut lines);
                    zone = Zone::Text;
                } else if tag(&node) == Some("time") && matches!(zone, Zone::Between | Zone::Text) {
                    let stamp = attr(&node, "datetime").map(str::to_owned).unwrap_or_else(|| blocks::plain_text(&node));
                    times.extend(meta::date_of(&stamp));
                }
                match node.value() {
                    Node::Text(text) => current.push_str(text),
                    Node::Element(e) if is_line_break(e.name()) => flush(&mut current, zone, &mut lines),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && is_line_break(e.name())
                {
                    flush(&mut current, zone, &mut lines);
                }
                if Some(node.id()) == headline {
                    zone = Zone::Between;
                } else if containers.last() == Some(&node.id()) && zone == Zone::Text {
                    zone = Zone::Below;
                }
            }
        }
    }
    flush(&mut current, zone, &mut lines);
    if headline.is_none() {
        // Without a headline, only the lines just above the text can be its date and byline.
        let text_start = lines.iter().position(|l| l.zone != Zone::Between).unwrap_or(lines.len());
        for line in &mut lines[..text_start.saturating_sub(6)] {
            line.zone = Zone::Above;
        }
    }
    (lines, times)
}

fn is_line_break(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "td"
            | "th"
            | "tr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "ul"
            | "ol"
            | "figure"
            | "figcaption"
            | "time"
            | "blockquote"
            | "aside"
            | "main"
            | "span"
            | "address"
            | "dd"
            | "dt"
    )
}

/// The element that shows the headline: the `h1` (else `h2`) that the
/// metadata's headline or `<title>` names, not the site's logo.
fn find_headline(html: &Html, metadata: &Metadata) -> Option<(NodeId, String)> {
    let claimed = metadata.headline.as_deref().map(key);
    let title = metadata.title.as_deref().map(key).unwrap_or_default();
    let site = [metadata.site_name.as_deref(), metadata.publisher.as_deref()].map(|n| n.map(key));
    let mut best: Option<(i32, NodeId, String)> = None;
    for node in html.tree.root().descendants() {
        let level = match tag(&node) {
            Some("h1") => 3,
            Some("h2") => 1,
            Some("h3") => 0,
            _ => continue,
        };
        let text = blocks::plain_text(&node);
        let text_key = key(&text);
        if text_key.is_empty() || text.chars().count() > 300 {
            continue;
        }
        let mut score = level;
        if claimed.as_deref() == Some(text_key.as_str()) {
            score += 10;
        }
        // Most of <title> (the rest is the site's name), not a site name set in a heading.
        if title.contains(&text_key) && text_key.chars().count() >= 10 {
            score += if text_key.chars().count() * 2 >= title.chars().count() { 5 } else { 1 };
        }
        if text.split_whitespace().count() >= 3 {
            score += 2;
        }
        if node.ancestors().any(|a| tag(&a) == Some("a")) || site.iter().flatten().any(|s| *s == text_key) {
            score -= 10;
        }
        if node.ancestors().any(|a| matches!(tag(&a), Some("aside" | "footer" | "nav"))) {
            score -= 10;
        }
        if score > 4 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, node.id(), text));
        }
    }
    best.map(|(_, id, text)| (id, text))
}

/// `<title>` without the site's name after a bar or dash (` | اسم الموقع`).
fn title_without_site(title: &str, site_names: &[&str]) -> String {
    let separators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » "];
    let mut title = title.trim().to_owned();
    for _ in 0..2 {
        let cut = separators.iter().filter_map(|s| title.rfind(s).map(|at| (at, s.len()))).max_by_key(|(at, _)| *at);
        let Some((at, len)) = cut else { break };
        let (head, tail) = (&title[..at], title[at + len..].trim());
        let names_site = site_names.iter().any(|s| key(s) == key(tail) || key(tail).contains(&key(s)));
        if names_site || tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3 {
            title = head.trim().to_owned();
        } else {
            break;
        }
    }
    title
}

/// A date in an article's address (`/2024/07/25/`, `/20240725/`).
pub(super) fn date_in_address(address: &str) -> Option<Date> {
    let path = url::Url::parse(address).ok()?.path().to_owned();
    let digits: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    for window in digits.windows(3) {
        if let [y, m, d] = window
            && y.len() == 4
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>())
            && (1990..=2100).contains(&y)
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    digits.iter().find_map(|part| {
        (part.len() == 8 && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| Date::new(part[..4].parse().ok()?, part[4..6].parse().ok()?, part[6..].parse().ok()?).ok())
            .flatten()
            .filter(|d| (1990..=2100).contains(&d.year()))
    })
}

/// An address taken as the article's own: absolute (resolved against the
/// page's), and not the site's home page.
fn article_address(candidate: &str, base: Option<&str>) -> Option<String> {
    let parsed = match url::Url::parse(candidate) {
        Ok(url) => url,
        Err(_) => url::Url::parse(base?).ok()?.join(candidate).ok()?,
    };
    if !matches!(parsed.scheme(), "http" | "https")
        || parsed.path().trim_matches('/').is_empty() && parsed.query().is_none()
    {
        return None;
    }
    Some(parsed.to_string())
}

fn format_date(date: Date) -> String {
    date.to_string()
}

fn assemble(html: &Html, metadata: Metadata, context_address: Option<&str>, lists: &Lists) -> Imported {
    let extracted = body::extract(html);
    let headline = find_headline(html, &metadata);
    let (lines, times) = page_lines(html, headline.as_ref().map(|(id, _)| *id), &extracted.containers);
    let mut notes = Vec::new();
    let site_names: Vec<&str> =
        [metadata.site_name.as_deref(), metadata.publisher.as_deref()].into_iter().flatten().collect();

    // Without a headline element (old layouts set it in <font><b>), the text
    // importer reads the lines above the text as it reads a copied page.
    let as_text = headline.is_none().then(|| {
        let above: Vec<&str> =
            lines.iter().filter(|l| l.zone != Zone::Text && l.zone != Zone::Below).map(|l| l.text.as_str()).collect();
        let first: Vec<String> = extracted
            .pieces
            .iter()
            .take(3)
            .filter_map(|p| match p {
                Piece::Paragraph { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        extract::extract(&[above.join("\n"), first.join("\n")].join("\n"))
    });
    // The title: the headline shown, else the metadata's, else <title> without the site's name.
    let shown_title = headline
        .as_ref()
        .map(|(_, text)| extract_title(text))
        .or_else(|| as_text.as_ref().and_then(|found| found.title.clone()));
    let claimed_title = metadata.headline.as_deref().map(|h| title_without_site(h, &site_names));
    let title = match (&shown_title, &claimed_title) {
        (Some(shown), Some(claimed)) if key(shown) != key(claimed) => {
            notes
                .push(format!("the page's headline is «{shown}»; its metadata says «{claimed}»: the headline is kept"));
            Some(shown.clone())
        }
        (Some(shown), _) => Some(shown.clone()),
        (None, Some(claimed)) => Some(claimed.clone()),
        (None, None) => metadata.title.as_deref().map(|t| title_without_site(t, &site_names)).filter(|t| !t.is_empty()),
    };
    let cleaned = clean(extracted.pieces, title.as_deref());

    // What is printed between the headline and the text: date, byline, outlet.
    let between: Vec<&PageLine> = lines.iter().filter(|l| l.zone == Zone::Between).take(40).collect();
    let mut shown_dates: Vec<(Date, DateLabel)> = Vec::new();
    let mut byline = None;
    let mut printed_outlets = Vec::new();
    // A meta line often holds several fields between bars (`المحرر | نشر في: …`).
    let parts = between.iter().flat_map(|line| {
        std::iter::once(line.text.as_str()).chain(line.text.split(['|', '•']).map(str::trim).filter(|p| !p.is_empty()))
    });
    for part in parts {
        match classify_block(part) {
            Kind::Meta(Meta::Date { date, label }) => shown_dates.push((date, label)),
            Kind::Meta(Meta::Author(name)) => byline = byline.or(Some(name)),
            Kind::Meta(Meta::Outlet(name) | Meta::Translator(name)) => printed_outlets.push(name),
            _ => {}
        }
    }
    shown_dates.extend(cleaned.dates.iter().copied());
    let published = shown_dates.iter().filter(|(_, l)| *l == DateLabel::Published).map(|(d, _)| *d).next();
    let bare = shown_dates.iter().filter(|(_, l)| *l == DateLabel::Bare).map(|(d, _)| *d).next();
    let first_paragraph = cleaned.blocks.iter().find_map(|b| match b {
        Block::Paragraph(text) => Some(text.clone()),
        _ => None,
    });
    let dateline = first_paragraph.as_deref().and_then(|p| {
        let head: String = p.chars().take(60).collect();
        crate::arabic::dates::find_dates(&head).into_iter().next()
    });
    let from_text = as_text.as_ref().and_then(|found| found.date);
    let shown = published.or(bare).or(times.first().copied()).or(from_text).or(dateline);
    let address = metadata
        .canonical
        .as_deref()
        .and_then(|c| article_address(c, metadata.address.as_deref().or(context_address)))
        .or_else(|| metadata.address.as_deref().and_then(|a| article_address(a, context_address)))
        .or_else(|| context_address.and_then(|a| article_address(a, None)));
    if metadata.canonical.is_some()
        && metadata.canonical.as_deref().and_then(|c| article_address(c, context_address)).is_none()
    {
        notes.push("the page's canonical link is its site's home page, not the article: not used".to_owned());
    }
    let from_address = address.as_deref().and_then(date_in_address);
    let claimed_date = metadata.published;
    let date = match (shown, claimed_date) {
        (Some(shown), Some((claimed, from))) if shown != claimed => {
            notes.push(format!(
                "the page shows the date {}; its metadata ({from}) says {}: the page's date is kept",
                format_date(shown),
                format_date(claimed)
            ));
            Some(shown)
        }
        (Some(shown), _) => Some(shown),
        (None, Some((claimed, _))) => Some(claimed),
        (None, None) => {
            if let Some(date) = from_address {
                notes.push(format!("the date {} is read from the address", format_date(date)));
            } else if let Some(modified) = metadata.modified {
                notes.push(format!(
                    "only a modification date ({}) is given, which is not the publication date: left out",
                    format_date(modified)
                ));
            }
            from_address
        }
    };
    if let (Some(date), Some(in_address)) = (date, from_address)
        && date != in_address
    {
        notes.push(format!("the address carries the date {}, the page {}", format_date(in_address), format_date(date)));
    }

    let author = byline
        .or(cleaned.author.clone())
        .or_else(|| as_text.as_ref().and_then(|found| found.author.clone()))
        .or(metadata.author.clone());
    let author = author.filter(|a| a.chars().count() <= 80);

    // The outlet.
    let printed: Vec<String> = printed_outlets
        .into_iter()
        .chain(cleaned.outlets.iter().cloned())
        .chain(lines.iter().filter(|l| l.zone != Zone::Text).filter_map(|l| copyright_name(&l.text)))
        .collect();
    let shown_site = lines.iter().rev().filter(|l| l.zone != Zone::Text).take(30).find_map(|l| shown_host(&l.text));
    let evidence = Evidence {
        host: address.clone().or_else(|| context_address.map(str::to_owned)).or(shown_site),
        publisher: metadata.publisher.clone(),
        site_name: metadata.site_name.clone(),
        printed,
        publisher_type: metadata.publisher_type.clone(),
    };
    let (source, details) = outlet::resolve(lists, &evidence);

    let image = lead_image(html, &metadata, &extracted.containers);
    let kept = cleaned.blocks.len();
    Imported {
        title,
        date,
        source,
        outlet: details,
        url: address,
        author,
        image,
        blocks: cleaned.blocks,
        kept,
        dropped: cleaned.dropped.len(),
        dropped_lines: cleaned.dropped,
        notes,
        ..Imported::default()
    }
}

/// A headline as shown, without a closing full stop.
fn extract_title(text: &str) -> String {
    text.trim().trim_end_matches('.').trim().to_owned()
}

/// The lead image: the metadata's (`og:image`, JSON-LD `image`), else the
/// first figure of the text; its caption and credit from the figure that
/// shows it (a caption ending in `(أ ف ب)` gives the credit).
fn lead_image(html: &Html, metadata: &Metadata, containers: &[NodeId]) -> Option<Image> {
    let figures: Vec<NodeRef<Node>> = html.tree.root().descendants().filter(|n| tag(n) == Some("figure")).collect();
    let image_of = |figure: &NodeRef<Node>| {
        figure
            .descendants()
            .find(|d| tag(d) == Some("img"))
            .and_then(|img| attr(&img, "src").or_else(|| attr(&img, "data-src")))
            .map(str::to_owned)
    };
    let in_text = |node: &NodeRef<Node>| node.ancestors().any(|a| containers.contains(&a.id()));
    let (address, figure) = match &metadata.image {
        Some(claimed) => {
            let file = claimed.address.rsplit('/').next().unwrap_or("").to_owned();
            let figure = figures
                .iter()
                .find(|f| image_of(f).is_some_and(|src| !file.is_empty() && src.ends_with(&file)))
                .copied();
            (claimed.address.clone(), figure)
        }
        None => {
            let figure = figures.iter().find(|f| in_text(f) && image_of(f).is_some()).copied()?;
            (image_of(&figure)?, Some(figure))
        }
    };
    let shown_caption =
        figure.and_then(|f| f.descendants().find(|d| tag(d) == Some("figcaption"))).map(|c| blocks::plain_text(&c));
    let shown_credit = figure
        .and_then(|f| {
            f.descendants().find(|d| attr(d, "class").is_some_and(|c| c.contains("credit") || c.contains("copyright")))
        })
        .map(|c| blocks::plain_text(&c));
    let mut caption =
        shown_caption.filter(|c| !c.is_empty()).or_else(|| metadata.image.as_ref().and_then(|i| i.caption.clone()));
    let mut credit =
        shown_credit.filter(|c| !c.is_empty()).or_else(|| metadata.image.as_ref().and_then(|i| i.credit.clone()));
    if let Some(text) = caption.clone() {
        if let Some(credit_text) = credit.as_deref().filter(|c| text.ends_with(*c)) {
            caption = Some(text[..text.len() - credit_text.len()].trim().to_owned());
        } else if let Some((before, inside)) = text.trim_end().strip_suffix(')').and_then(|t| t.rsplit_once('('))
            && is_caption(&text)
        {
            credit = credit.or_else(|| Some(inside.trim().to_owned()));
            caption = Some(before.trim().to_owned());
        }
    }
    let caption = caption.filter(|c| !c.is_empty() && c.chars().any(|ch| ch.is_alphabetic()));
    Some(Image { address, caption, credit: credit.filter(|c| !c.is_empty()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hundred_thousand_levels_deep_is_refused_at_once() {
        let depth = 100_000;
        let page = format!("<html><body>{}<p>نص</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(nesting_depth(&page), depth + 2);
        let lists = Lists::new(crate::entities::catalog::Catalog::default());
        let started = std::time::Instant::now();
        assert_eq!(
            import(page.as_bytes(), &Origin::default(), &lists).map(|_| ()),
            Err(Unreadable::TooDeep(MAX_DEPTH))
        );
        assert!(started.elapsed().as_secs() < 5);
        let sloppy = format!("<html><body>{}</body></html>", "<p>سطر<br>".repeat(20_000));
        assert!(nesting_depth(&sloppy) < 10);
    }

    #[test]
    fn titles_lose_the_site_name() {
        let cases = [
            ("بوتين يجتمع مع الأسد في موسكو | الحرة", "بوتين يجتمع مع الأسد في موسكو"),
            ("بوتين يجتمع مع الأسد في موسكو - سياسة - الشروق", "بوتين يجتمع مع الأسد في موسكو"),
            ("وزير: الاجتماع - كان مثمرا جدا اليوم", "وزير: الاجتماع - كان مثمرا جدا اليوم"),
        ];
        for (title, expected) in cases {
            assert_eq!(title_without_site(title, &["الشروق"]), expected, "{title}");
        }
    }

    #[test]
    fn dates_in_addresses() {
        let date = Date::new(2024, 7, 25).ok();
        assert_eq!(date_in_address("https://example.org/news/2024/07/25/putin-assad"), date);
        assert_eq!(date_in_address("https://example.org/20240725/putin-assad.html"), date);
        assert_eq!(date_in_address("https://example.org/news/12345"), None);
    }
}
