//! One pass over an article's Markdown body: its visible text as blocks
//! (paragraphs, headings, list items, table cells, code blocks), each made of
//! text runs that know where they stand (prose, heading, link, image, code) and
//! which bytes of the file they come from. Mentions, the summary, the search
//! terms and (later) quotes and excerpts are all read from this one pass; the
//! renderer numbers runs the same way, so a mention found in run N is linked
//! in run N.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::content::markdown::{self, Place, PlaceTracker};

/// What kind of block a run of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    /// A list item's own text (a tight list has no paragraph inside items).
    Item,
    Cell,
    Code,
}

/// A block of the body with its visible text (soft and hard breaks as spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Inside a `>` block quote.
    pub quoted: bool,
}

/// A text run: bytes `start..end` of block `block`'s text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub place: Place,
    pub block: u32,
    pub start: u32,
    pub end: u32,
    /// Where it is in the body's Markdown source.
    pub source: Range<u32>,
}

/// The visible text of a body.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub runs: Vec<Run>,
}

impl Body {
    /// Reads `markdown` once.
    pub fn read(markdown: &str) -> Body {
        let mut body = Body::default();
        let mut tracker = PlaceTracker::default();
        let mut quotes = 0u32;
        let mut open: Option<u32> = None;
        for (event, range) in markdown::events_with_offsets(markdown) {
            tracker.step(&event);
            match &event {
                Event::Start(Tag::BlockQuote(_)) => quotes += 1,
                Event::End(TagEnd::BlockQuote(_)) => quotes = quotes.saturating_sub(1),
                Event::Start(tag) => {
                    if let Some(kind) = block_kind(tag) {
                        open = Some(body.open(kind, quotes > 0));
                    }
                }
                Event::End(tag) if block_kind_end(tag) => open = None,
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(block) = open {
                        body.blocks[block as usize].text.push(' ');
                    }
                }
                _ => {}
            }
            if !markdown::is_run(&event) {
                continue;
            }
            let (Event::Text(text) | Event::Code(text)) = &event else { continue };
            let block = match open {
                Some(block) => block,
                None => *open.insert(body.open(BlockKind::Paragraph, quotes > 0)),
            };
            let place = if matches!(event, Event::Code(_)) { Place::Code } else { tracker.place() };
            let buffer = &mut body.blocks[block as usize].text;
            let start = buffer.len() as u32;
            buffer.push_str(text);
            body.runs.push(Run {
                place,
                block,
                start,
                end: buffer.len() as u32,
                source: range.start as u32..range.end as u32,
            });
        }
        body
    }

    fn open(&mut self, kind: BlockKind, quoted: bool) -> u32 {
        self.blocks.push(Block { kind, text: String::new(), quoted });
        (self.blocks.len() - 1) as u32
    }

    /// The text of run `run`.
    pub fn text(&self, run: &Run) -> &str {
        &self.blocks[run.block as usize].text[run.start as usize..run.end as usize]
    }

    /// The runs with their text.
    pub fn runs(&self) -> impl Iterator<Item = (&Run, &str)> {
        self.runs.iter().map(|run| (run, self.text(run)))
    }

    /// The first real paragraph (a dateline such as "موسكو" is skipped), cut
    /// at a word near [`SUMMARY_CHARS`] characters.
    pub fn summary(&self) -> String {
        let paragraphs = self
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty());
        let mut first = None;
        for text in paragraphs {
            if text.chars().count() >= SUMMARY_MIN_CHARS {
                first = Some(text);
                break;
            }
            first = first.or(Some(text));
        }
        cut(&first.unwrap_or_default(), SUMMARY_CHARS)
    }
}

/// The longest summary taken from the text, in characters.
pub const SUMMARY_CHARS: usize = 200;

/// A paragraph shorter than this is a dateline or a caption, not a summary.
const SUMMARY_MIN_CHARS: usize = 40;

/// `text` cut at a word before `limit` characters, with an ellipsis.
pub fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = match cut.rfind(' ') {
        Some(space) => &cut[..space],
        None => &cut,
    };
    format!("{}…", cut.trim_end_matches(['،', ',', '.', '؛', ':']))
}

fn block_kind(tag: &Tag) -> Option<BlockKind> {
    match tag {
        Tag::Paragraph => Some(BlockKind::Paragraph),
        Tag::Heading { .. } => Some(BlockKind::Heading),
        Tag::Item => Some(BlockKind::Item),
        Tag::TableCell => Some(BlockKind::Cell),
        Tag::CodeBlock(_) => Some(BlockKind::Code),
        _ => None,
    }
}

fn block_kind_end(tag: &TagEnd) -> bool {
    matches!(tag, TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(markdown: &str) -> Vec<(String, Place, u32)> {
        let body = Body::read(markdown);
        body.runs().map(|(run, text)| (text.to_owned(), run.place, run.block)).collect()
    }

    #[test]
    fn runs_know_their_place_and_block() {
        let body = "# بوتين\n\nنص [رابط](/x) `كود`\n\n```\nكود\n```\n\n![صورة](a.png)\n";
        assert_eq!(
            runs(body),
            [
                ("بوتين".to_owned(), Place::Heading, 0),
                ("نص ".to_owned(), Place::Prose, 1),
                ("رابط".to_owned(), Place::Link, 1),
                (" ".to_owned(), Place::Prose, 1),
                ("كود".to_owned(), Place::Code, 1),
                ("كود\n".to_owned(), Place::Code, 2),
                ("صورة".to_owned(), Place::Image, 3),
            ]
        );
    }

    #[test]
    fn blocks_hold_the_visible_text() {
        let body = Body::read("الفقرة الأولى\nتكملة [رابط](https://evil.example/) &amp; \\*.\n\n> قال «نص».\n\n- بند\n");
        let texts: Vec<(&str, bool)> = body.blocks.iter().map(|b| (b.text.as_str(), b.quoted)).collect();
        assert_eq!(texts, [("الفقرة الأولى تكملة رابط & *.", false), ("قال «نص».", true), ("بند", false)]);
        // Link targets and raw Markdown are not text.
        assert!(!body.blocks.iter().any(|b| b.text.contains("evil")));
    }

    #[test]
    fn runs_point_at_their_source() {
        let markdown = "نص &amp; بوتين\n";
        let body = Body::read(markdown);
        let run = &body.runs[0];
        assert_eq!(body.text(run), "نص & بوتين");
        assert_eq!(&markdown[run.source.start as usize..run.source.end as usize], "نص &amp; بوتين");
    }

    #[test]
    fn summaries_come_from_the_first_paragraph() {
        let summary = |markdown: &str| Body::read(markdown).summary();
        assert_eq!(summary("## عنوان\n\nالفقرة الأولى\nتكملة.\n\nالثانية"), "الفقرة الأولى تكملة.");
        let long = format!("{}\n", "كلمة ".repeat(100));
        let cut = summary(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= SUMMARY_CHARS + 1, "{cut}");
        assert_eq!(summary(""), "");
        // A dateline is not a summary.
        assert_eq!(
            summary("موسكو\n\nأجرى الرئيس السوري محادثات مع الرئيس الروسي في الكرملين.\n"),
            "أجرى الرئيس السوري محادثات مع الرئيس الروسي في الكرملين."
        );
        assert_eq!(summary("موسكو\n"), "موسكو");
        assert_eq!(summary("نص `كود` هنا\n"), "نص كود هنا");
    }
}
