//! The Arabic rules of the text importer on a page's blocks: captions with
//! photo credits, agency credits, read-more boxes, bylines and dates among
//! the paragraphs, what follows the article's end; and the outlet a page's
//! copyright line or printed host names.

use jiff::civil::Date;

use super::blocks::Piece;
use crate::arabic::key;
use crate::import::article::{Block, Dropped};
use crate::import::lines::{DateLabel, Kind, Meta, classify_block};
use crate::import::{extract, outlet};

/// Photo credits that end a caption: `(أ ف ب)`, `(رويترز)`, `(Getty Images)` …
const PHOTO_CREDITS: &[&str] = &[
    "أ ف ب",
    "ا ف ب",
    "أ.ف.ب",
    "فرانس برس",
    "رويترز",
    "الأناضول",
    "أ ب",
    "أ.ب",
    "أسوشيتد برس",
    "د ب أ",
    "إ ب أ",
    "أرشيفية",
    "أرشيف",
    "صورة أرشيفية",
    "وكالات",
    "مواقع التواصل",
    "الإنترنت",
    "AFP",
    "Reuters",
    "AP",
    "EPA",
    "Getty",
    "Getty Images",
    "Shutterstock",
    "iStock",
];

/// A photo's caption: a short line that ends with a credit in brackets or
/// begins by saying it is a picture.
pub(super) fn is_caption(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > 35 || text.ends_with(['.', '!', '؟', ':']) {
        return false;
    }
    let text_key = key(text);
    if ["صوره", "الصوره", "من الصور", "تصوير", "مصدر الصوره"].iter().any(|p| text_key.starts_with(p)) && words <= 20
    {
        return true;
    }
    let Some(inner) = text.trim_end().strip_suffix(')').and_then(|t| t.rsplit_once('(')).map(|(_, inner)| inner) else {
        return false;
    };
    let inner_key = key(inner.trim());
    PHOTO_CREDITS.iter().any(|credit| {
        let credit_key = key(credit);
        inner_key == credit_key
            || inner_key.ends_with(&format!(" {credit_key}"))
            || inner_key.starts_with(&format!("{credit_key} "))
    })
}

/// Agencies' names and codes as they close a wire: `(ومع)`, `أ ف ب`, `(وات)`.
const AGENCY_CREDITS: &[&str] = &[
    "أ ف ب",
    "ا ف ب",
    "أ.ف.ب",
    "رويترز",
    "الأناضول",
    "أ ب",
    "د ب أ",
    "وكالات",
    "ومع",
    "واس",
    "وام",
    "قنا",
    "كونا",
    "بنا",
    "سانا",
    "واع",
    "وات",
    "واج",
    "سبأ",
    "بترا",
    "العمانية",
    "الأنباء",
    "AFP",
    "Reuters",
    "AP",
];

/// A paragraph that is only an agency's credit, bracketed or not.
pub(super) fn is_credit(text: &str) -> bool {
    let inner = text
        .trim()
        .trim_start_matches(['(', '[', '-', '–', '—', ' '])
        .trim_end_matches([')', ']', '-', '–', '—', ' ', '.']);
    let inner_key = key(inner);
    inner.split_whitespace().count() <= 4 && AGENCY_CREDITS.iter().any(|credit| key(credit) == inner_key)
}

/// A host the page prints (`www.example.org` in a footer), for pages that
/// give no address of their own.
pub(crate) fn shown_host(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '|' | '©' | '(' | ')' | '،' | ','))
        .map(|word| word.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .find(|word| {
            let labels: Vec<&str> = word.split('.').collect();
            labels.len() >= 2
                && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
                && (word.starts_with("www.") || labels.len() <= 4)
                && !word.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
        .and_then(outlet::site_host)
}

/// What the Arabic rules took out of the blocks, beside the blocks themselves.
#[derive(Default)]
pub(super) struct Cleaned {
    pub(super) blocks: Vec<Block>,
    pub(super) dropped: Vec<Dropped>,
    pub(super) author: Option<String>,
    pub(super) outlets: Vec<String>,
    pub(super) dates: Vec<(Date, DateLabel)>,
}

/// The Arabic rules of the text importer, on the DOM's blocks.
pub(super) fn clean(pieces: Vec<Piece>, title: Option<&str>) -> Cleaned {
    let mut cleaned = Cleaned::default();
    let mut items: Vec<String> = Vec::new();
    let mut ordered = false;
    let mut after_marker = false;
    let mut ended = false;
    let title_key = title.map(key);
    let mut seen: Vec<String> = Vec::new();
    let flush_list = |items: &mut Vec<String>, ordered: bool, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::List { ordered, items: std::mem::take(items) });
        }
    };
    // What stands above the headline in the text's element (a kicker, a
    // breadcrumb, the section's name) is not the text.
    let headline_at = pieces.iter().position(|p| matches!(p, Piece::Headline(t) if Some(key(t)) == title_key));
    let mut pieces = pieces;
    if let Some(at) = headline_at {
        for piece in pieces.drain(..at) {
            if let Piece::Heading(text) | Piece::Paragraph { text, .. } | Piece::Headline(text) = piece {
                cleaned.dropped.push(Dropped { text, why: "above the headline (kicker, breadcrumb, section)" });
            }
        }
    }
    // Short lines before the first paragraph of the text are captions and labels.
    let first_long =
        pieces.iter().position(|p| matches!(p, Piece::Paragraph { text, .. } if text.split_whitespace().count() >= 12));
    if let Some(first_long) = first_long {
        let mut index = 0;
        pieces.retain(|piece| {
            index += 1;
            match piece {
                Piece::Paragraph { text, .. }
                    if index <= first_long
                        && text.split_whitespace().count() <= 8
                        && !text.ends_with(['.', ':', '؟', '!']) =>
                {
                    cleaned.dropped.push(Dropped { text: text.clone(), why: "a label or caption above the text" });
                    false
                }
                _ => true,
            }
        });
    }
    for piece in pieces {
        let text = match &piece {
            Piece::Heading(text) | Piece::Paragraph { text, .. } | Piece::Item { text, .. } | Piece::Headline(text) => {
                Some(text.clone())
            }
            _ => None,
        };
        let drop =
            |cleaned: &mut Cleaned, text: &str, why| cleaned.dropped.push(Dropped { text: text.to_owned(), why });
        if ended {
            drop(
                &mut cleaned,
                &text.unwrap_or_else(|| "(a quotation, table or embed)".into()),
                "after the end of the article",
            );
            continue;
        }
        if let Some(text) = &text {
            let text_key = key(text);
            if Some(&text_key) == title_key.as_ref() {
                drop(&mut cleaned, text, "the headline, repeated");
                continue;
            }
            if seen.contains(&text_key) && text.chars().count() > 20 {
                drop(&mut cleaned, text, "printed twice");
                continue;
            }
            seen.push(text_key);
            let linked = matches!(piece, Piece::Paragraph { linked: true, .. } | Piece::Item { .. });
            if after_marker && linked {
                drop(&mut cleaned, text, "a read-more link");
                continue;
            }
            after_marker = false;
            match classify_block(text) {
                Kind::End => {
                    drop(&mut cleaned, text, "the article ends here (related links, comments, tags)");
                    ended = true;
                    continue;
                }
                Kind::Noise => {
                    after_marker = is_read_more(text);
                    drop(&mut cleaned, text, "boilerplate (read-more link, share bar, relative time)");
                    continue;
                }
                Kind::Meta(meta) if !matches!(meta, Meta::Masthead(_)) || cleaned.blocks.is_empty() => {
                    match meta {
                        Meta::Author(name) => {
                            cleaned.author.get_or_insert(name);
                        }
                        Meta::Date { date, label } => cleaned.dates.push((date, label)),
                        Meta::Outlet(name) | Meta::Masthead(name) | Meta::Translator(name) => {
                            cleaned.outlets.push(name)
                        }
                        Meta::Origin(_) | Meta::Url(_) => {}
                    }
                    drop(&mut cleaned, text, "a line of metadata (date, byline, source, link)");
                    continue;
                }
                _ => {}
            }
            if is_caption(text) {
                drop(&mut cleaned, text, "a photo caption");
                continue;
            }
            if is_credit(text) {
                drop(&mut cleaned, text, "a credit line (the agency's name alone)");
                continue;
            }
        }
        match piece {
            Piece::Item { ordered: o, text } => {
                if !items.is_empty() && o != ordered {
                    flush_list(&mut items, ordered, &mut cleaned.blocks);
                }
                ordered = o;
                items.push(text);
                continue;
            }
            other => {
                flush_list(&mut items, ordered, &mut cleaned.blocks);
                cleaned.blocks.push(match other {
                    Piece::Heading(text) | Piece::Headline(text) => Block::Heading(text),
                    Piece::Paragraph { text, .. } => Block::Paragraph(text),
                    Piece::Quote { text, link } => Block::Quote { text, link },
                    Piece::Table(rows) => Block::Table(rows),
                    Piece::Embed(address) => Block::Link { label: "▶ فيديو".to_owned(), address },
                    Piece::Item { .. } => continue,
                });
            }
        }
    }
    flush_list(&mut items, ordered, &mut cleaned.blocks);
    // Headings with nothing after them are not the article's.
    while matches!(cleaned.blocks.last(), Some(Block::Heading(_))) {
        if let Some(block) = cleaned.blocks.pop() {
            cleaned.dropped.push(Dropped { text: block.text(), why: "a heading that ends the text" });
        }
    }
    extract::drop_pull_quotes(&mut cleaned.blocks);
    cleaned
}

pub(super) fn is_read_more(text: &str) -> bool {
    let text_key = key(text);
    ["اقرا", "شاهد", "طالع", "للمزيد", "ذات صله", "اخبار ذات", "مواضيع"].iter().any(|m| text_key.starts_with(m))
}

/// The outlet named in a copyright line (`© 2025 الشروق. جميع الحقوق محفوظة`).
pub(crate) fn copyright_name(line: &str) -> Option<String> {
    let line_key = key(line);
    if !(line.contains('©') || line_key.contains("حقوق") || line.to_ascii_lowercase().contains("copyright")) {
        return None;
    }
    let mut name: String =
        line.split_whitespace().filter(|w| shown_host(w).is_none() && !w.contains("://")).collect::<Vec<_>>().join(" ");
    for noise in [
        "جميع الحقوق محفوظة",
        "كل الحقوق محفوظة",
        "جميع حقوق النشر محفوظة",
        "الحقوق محفوظة",
        "حقوق النشر محفوظة",
        "Copyright",
        "All rights reserved",
        "©",
    ] {
        name = name.replace(noise, " ");
    }
    let name: String =
        name.chars().filter(|c| !c.is_ascii_digit() && !matches!(c, '-' | '–' | '.' | ',' | '،')).collect();
    let name = name.trim().trim_start_matches("لـ").trim_start_matches("ل ").trim();
    let name = without_lam(name);
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words)).then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A name without the preposition لـ that joins it to `محفوظة` (`لجريدة
/// الفجر` → `جريدة الفجر`, `للنهار` → `النهار`): only before a word that
/// names a kind of outlet or starts with ال, so لبنان stays لبنان (docs/arabic.md §2.2).
fn without_lam(name: &str) -> String {
    const OUTLET_WORDS: &[&str] =
        &["جريدة", "صحيفة", "موقع", "وكالة", "قناة", "مجلة", "شبكة", "بوابة", "إذاعة", "منصة"];
    if let Some(rest) = name.strip_prefix("لل") {
        return format!("ال{rest}");
    }
    match name.strip_prefix('ل') {
        Some(rest) if OUTLET_WORDS.iter().any(|w| rest.starts_with(w)) => rest.to_owned(),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_with_photo_credits() {
        assert!(is_caption("الرئيس السوري خلال اللقاء في الكرملين (أ ف ب)"));
        assert!(is_caption("صورة أرشيفية لمبنى الوزارة"));
        assert!(!is_caption("وقال المتحدث إن الاجتماع كان مثمرا (رويترز)."));
        assert!(!is_caption("ويضم المشروع ثلاث مراحل (انظر الجدول)"));
    }

    #[test]
    fn credits_and_shown_hosts() {
        assert!(is_credit("(ومع)") && is_credit("أ ف ب") && is_credit("- (وات)"));
        assert!(!is_credit("وقالت الوكالة إن الوزير وصل"));
        assert_eq!(shown_host("© 2024 صدى سطيف - www.sadasetif.example").as_deref(), Some("sadasetif.example"));
        assert_eq!(shown_host("الإصدار 2.0 من التطبيق"), None);
    }

    #[test]
    fn copyright_lines_name_the_outlet() {
        assert_eq!(copyright_name("© 2025 الشروق. جميع الحقوق محفوظة").as_deref(), Some("الشروق"));
        assert_eq!(copyright_name("جميع الحقوق محفوظة لموقع الديرة نيوز 2024").as_deref(), Some("موقع الديرة نيوز"));
        assert_eq!(
            copyright_name("جميع الحقوق محفوظة لجريدة الفجر الجديد 2023").as_deref(),
            Some("جريدة الفجر الجديد")
        );
        assert_eq!(copyright_name("جميع الحقوق محفوظة للنهار © 2025").as_deref(), Some("النهار"));
        assert_eq!(copyright_name("وقال الوزير إن"), None);
    }
}
