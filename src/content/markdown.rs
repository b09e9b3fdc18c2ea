//! Reading an article body as Markdown events, the same way for analysing it
//! and for rendering it: adjacent text events are merged into one run, each
//! run knows where it stands (prose, heading, link, image, code, hidden), and
//! both sides number runs alike, so that a mention found in run N is injected
//! into run N when the page is rendered.

use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, OffsetIter, Options, Parser, Tag, TagEnd};

/// CommonMark plus tables, footnotes and strikethrough (docs/architecture.md, `content::markdown`).
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The events of `body`, with adjacent text merged.
pub fn events(body: &str) -> impl Iterator<Item = Event<'_>> {
    events_with_offsets(body).map(|(event, _)| event)
}

/// The events of `body` with the byte range of the source each comes from,
/// adjacent text merged (its range covers all the pieces).
pub fn events_with_offsets(body: &str) -> MergedText<'_> {
    MergedText { inner: Parser::new_ext(body, options()).into_offset_iter().peekable() }
}

/// Whether `event` is a text run: text, or inline code. Every reader of a
/// body counts runs with this, so their numbers agree.
pub fn is_run(event: &Event) -> bool {
    matches!(event, Event::Text(_) | Event::Code(_))
}

/// Merges runs of `Event::Text` (the parser splits text at entities, escapes and
/// some punctuation) so that a name is never cut in two.
pub struct MergedText<'a> {
    inner: Peekable<OffsetIter<'a>>,
}

impl<'a> Iterator for MergedText<'a> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let (event, range) = self.inner.next()?;
        let Event::Text(first) = event else {
            return Some((event, range));
        };
        if !matches!(self.inner.peek(), Some((Event::Text(_), _))) {
            return Some((Event::Text(first), range));
        }
        let mut text = first.into_string();
        let mut end = range.end;
        while let Some((Event::Text(more), more_range)) = self.inner.next_if(|(e, _)| matches!(e, Event::Text(_))) {
            text.push_str(&more);
            end = more_range.end;
        }
        Some((Event::Text(CowStr::from(text)), range.start..end))
    }
}

/// Where a text run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Place {
    /// Paragraphs, lists, quotes, tables: mentions here may become links.
    Prose,
    Heading,
    Link,
    Image,
    Code,
    /// Inside a `<script>` or `<style>` element written inline: never shown
    /// (the sanitizer drops it with its content; a browser does not show it).
    Hidden,
}

/// Follows the nesting of the event stream to tell where text stands.
#[derive(Debug, Default)]
pub struct PlaceTracker {
    headings: u32,
    links: u32,
    images: u32,
    code: u32,
    hidden: u32,
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
            Event::InlineHtml(html) => match hidden_tag(html) {
                Some(true) => self.hidden += 1,
                Some(false) => self.hidden = self.hidden.saturating_sub(1),
                None => {}
            },
            _ => {}
        }
    }

    pub fn place(&self) -> Place {
        if self.hidden > 0 {
            Place::Hidden
        } else if self.code > 0 {
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

/// For an inline tag of an element whose content is never shown: whether it
/// opens (`Some(true)`) or closes it.
fn hidden_tag(html: &str) -> Option<bool> {
    let tag = html.trim_start().strip_prefix('<')?;
    let (closing, name) = match tag.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, tag),
    };
    let name: String = name.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let self_closing = html.trim_end().ends_with("/>");
    (matches!(name.as_str(), "script" | "style") && !self_closing).then_some(!closing)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let body =
            "# بوتين\n\nنص [رابط](/x) `كود`\n\n```\nكود\n```\n\n![صورة](a.png) <script>خفي</script> <b>ظاهر</b>\n";
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
                (" ".to_owned(), Place::Prose),
                ("خفي".to_owned(), Place::Hidden),
                (" ".to_owned(), Place::Prose),
                ("ظاهر".to_owned(), Place::Prose),
            ]
        );
    }
}
