//! Reading an article body as Markdown events, the same way for finding
//! mentions and for rendering: adjacent text events are merged into one run, and
//! each run knows where it stands (prose, heading, link, code, image), so that a
//! mention found in run N is injected into run N when the page is rendered.

use std::iter::Peekable;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// CommonMark plus tables, footnotes and strikethrough (DESIGN.md, "Content").
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The events of `body`, with adjacent text merged.
pub fn events(body: &str) -> MergedText<'_, Parser<'_>> {
    MergedText { inner: Parser::new_ext(body, options()).peekable() }
}

/// Merges runs of `Event::Text` (the parser splits text at entities, escapes and
/// some punctuation) so that a name is never cut in two.
pub struct MergedText<'a, I: Iterator<Item = Event<'a>>> {
    inner: Peekable<I>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for MergedText<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let event = self.inner.next()?;
        let Event::Text(first) = event else {
            return Some(event);
        };
        if !matches!(self.inner.peek(), Some(Event::Text(_))) {
            return Some(Event::Text(first));
        }
        let mut text = first.into_string();
        while let Some(Event::Text(more)) = self.inner.next_if(|e| matches!(e, Event::Text(_))) {
            text.push_str(&more);
        }
        Some(Event::Text(CowStr::from(text)))
    }
}

/// Where a text run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Paragraphs, lists, quotes, tables: mentions here may become links.
    Prose,
    Heading,
    Link,
    Image,
    Code,
}

/// Follows the nesting of the event stream to tell where text stands.
#[derive(Debug, Default)]
pub struct PlaceTracker {
    headings: u32,
    links: u32,
    images: u32,
    code: u32,
}

impl PlaceTracker {
    /// Updates the nesting with `event` (call for every event, in order).
    pub fn step(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.headings += 1,
            Event::End(TagEnd::Heading(_)) => self.headings = self.headings.saturating_sub(1),
            Event::Start(Tag::Link { .. }) => self.links += 1,
            Event::End(TagEnd::Link) => self.links = self.links.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            _ => {}
        }
    }

    pub fn place(&self) -> Place {
        if self.code > 0 {
            Place::Code
        } else if self.images > 0 {
            Place::Image
        } else if self.links > 0 {
            Place::Link
        } else if self.headings > 0 {
            Place::Heading
        } else {
            Place::Prose
        }
    }
}

/// The longest summary taken from the text, in characters.
const SUMMARY_CHARS: usize = 200;

/// A paragraph shorter than this is a dateline or a caption, not a summary.
const SUMMARY_MIN_CHARS: usize = 40;

/// The first real paragraph of a Markdown body (a dateline such as "موسكو" is
/// skipped), cut at a word near [`SUMMARY_CHARS`] characters.
pub fn first_paragraph(body: &str) -> String {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut paragraph = String::new();
    let mut first = None;
    let mut in_paragraph = false;
    for event in events(body) {
        match event {
            Event::Start(Tag::Paragraph) => {
                in_paragraph = true;
                paragraph.clear();
            }
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                let text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.chars().count() >= SUMMARY_MIN_CHARS {
                    first = Some(text);
                    break;
                }
                first = first.or(Some(text).filter(|t| !t.is_empty()));
            }
            Event::Text(t) | Event::Code(t) if in_paragraph => paragraph.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => paragraph.push(' '),
            _ => {}
        }
    }
    let text = first.unwrap_or_default();
    if text.chars().count() <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) => &cut[..space],
        None => &cut,
    };
    format!("{}…", cut.trim_end_matches(['،', ',', '.', '؛', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_come_from_the_first_paragraph() {
        assert_eq!(first_paragraph("## عنوان\n\nالفقرة الأولى\nتكملة.\n\nالثانية"), "الفقرة الأولى تكملة.");
        let long = format!("{}\n", "كلمة ".repeat(100));
        let summary = first_paragraph(&long);
        assert!(summary.ends_with('…') && summary.chars().count() <= SUMMARY_CHARS + 1, "{summary}");
        assert_eq!(first_paragraph(""), "");
        // A dateline is not a summary.
        assert_eq!(
            first_paragraph("موسكو\n\nأجرى الرئيس السوري محادثات مع الرئيس الروسي في الكرملين.\n"),
            "أجرى الرئيس السوري محادثات مع الرئيس الروسي في الكرملين."
        );
        assert_eq!(first_paragraph("موسكو\n"), "موسكو");
    }

    #[test]
    fn escapes_and_entities_do_not_cut_text() {
        let texts: Vec<String> = events("بوتين \\*و&amp;الأسد\n")
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.into_string()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["بوتين *و&الأسد"]);
    }

    #[test]
    fn places() {
        let body = "# بوتين\n\nنص [رابط](/x) `كود`\n\n```\nكود\n```\n\n![صورة](a.png)\n";
        let mut tracker = PlaceTracker::default();
        let mut seen = Vec::new();
        for event in events(body) {
            tracker.step(&event);
            if let Event::Text(t) = &event {
                seen.push((t.to_string(), tracker.place()));
            }
        }
        assert_eq!(
            seen,
            [
                ("بوتين".to_owned(), Place::Heading),
                ("نص ".to_owned(), Place::Prose),
                ("رابط".to_owned(), Place::Link),
                (" ".to_owned(), Place::Prose),
                ("كود\n".to_owned(), Place::Code),
                ("صورة".to_owned(), Place::Image),
            ]
        );
    }
}
