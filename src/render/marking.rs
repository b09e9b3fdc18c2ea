//! Marks in an article's text, placed by run and byte offset as the analysis
//! found them: mentions become links, quotations `<q>` (in the speaker's
//! words), `<span class="reported">` (reported speech) or the `<blockquote>`
//! they fill, each quotation with its anchor (`id="q-N"`) and, where the
//! article says where it was published, `cite`. Only tags are added, never a
//! character of text. A quotation that crosses an element's edge (a
//! paragraph, an emphasis, a link) is closed before it and opened again
//! after, so the HTML stays well nested; only its first part has the anchor.

use std::iter::Peekable;
use std::slice::Iter;

use pulldown_cmark::{CowStr, Event, Tag};

use super::markdown::{BodyContext, html_escape};
use crate::analysis::quotes::anchor;
use crate::analysis::{LinkSite, Quote};

/// A mark at a byte of a run, in the order tags must come at one offset:
/// what closes, then what opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cut {
    CloseLink,
    CloseQuote,
    OpenQuote,
    OpenLink(usize),
}

/// Follows the body's runs and places the marks.
pub struct Marker<'a> {
    links: Peekable<Iter<'a, LinkSite>>,
    quotes: &'a [Quote],
    cite: Option<&'a str>,
    /// The next quotation not yet opened.
    next: usize,
    /// The quotation that is open, and whether its tag is open now.
    open: Option<(usize, bool)>,
}

impl<'a> Marker<'a> {
    /// `links` and `quotes` are in text order; `cite` is where the article was published.
    pub fn new(links: &'a [LinkSite], quotes: &'a [Quote], cite: Option<&'a str>) -> Marker<'a> {
        Marker { links: links.iter().peekable(), quotes, cite, next: 0, open: None }
    }

    /// Called before every event that is not a text run; `run` is the number
    /// of the next run. Closes the tag of an open quotation at an element's
    /// edge; returns the opening of a `<blockquote>` that a quotation fills,
    /// to write instead of the event.
    pub fn edge(&mut self, event: &Event, run: u32, events: &mut Vec<Event<'a>>) -> Option<Event<'a>> {
        if matches!(event, Event::SoftBreak | Event::HardBreak) {
            return None;
        }
        if let Some((n, true)) = self.open {
            events.push(Event::Html(self.close_tag(n).into()));
            self.open = Some((n, false));
        }
        if let Event::Start(Tag::BlockQuote(_)) = event
            && self.open.is_none()
            && self.quotes.get(self.next).is_some_and(|q| q.whole_block && q.from.run == run)
        {
            // The quotation is the whole block: the block carries its marks.
            let n = self.next;
            self.next += 1;
            return Some(Event::Html(format!("<blockquote{}>\n", self.attributes(n, true)).into()));
        }
        None
    }

    /// Pushes the events of text run `run`: its text split around the marks.
    /// Where marks cannot go (an image's description, a hidden element),
    /// `markable` is false and the text is pushed as it is.
    pub fn text(&mut self, run: u32, text: CowStr<'a>, markable: bool, cx: &BodyContext, events: &mut Vec<Event<'a>>) {
        let mut cuts: Vec<(usize, Cut)> = Vec::new();
        let mut links = Vec::new();
        while let Some(link) = self.links.next_if(|l| l.run <= run) {
            if link.run == run && markable {
                links.push(*link);
            }
        }
        // Quotations that open or close in this run, or go through it.
        let mut quote_at = Vec::new();
        let mut state = self.open;
        let mut next = self.next;
        loop {
            match state {
                Some((n, _)) => {
                    if self.quotes[n].to.run == run {
                        quote_at.push((self.quotes[n].to.at as usize, Cut::CloseQuote, n));
                        state = None;
                    } else {
                        break;
                    }
                }
                None => match self.quotes.get(next) {
                    Some(q) if q.from.run <= run => {
                        let at = if q.from.run == run { q.from.at as usize } else { 0 };
                        quote_at.push((at, Cut::OpenQuote, next));
                        state = Some((next, true));
                        next += 1;
                    }
                    _ => break,
                },
            }
        }
        // A link that a quotation's edge would cut in two is left out.
        links.retain(|l| !quote_at.iter().any(|&(at, _, _)| (l.start as usize) < at && at < l.end as usize));
        for (i, link) in links.iter().enumerate() {
            cuts.push((link.start as usize, Cut::OpenLink(i)));
            cuts.push((link.end as usize, Cut::CloseLink));
        }
        cuts.extend(quote_at.iter().map(|&(at, cut, _)| (at, cut)));
        cuts.sort();
        let mut quotes = quote_at.iter().map(|&(_, _, n)| n);
        if let Some((n, false)) = self.open
            && markable
        {
            events.push(Event::Html(self.open_tag(n, false).into()));
            self.open = Some((n, true));
        }
        let mut at = 0;
        for (offset, cut) in cuts {
            let Some(before) = text.get(at..offset.min(text.len())) else { continue };
            if !before.is_empty() {
                events.push(Event::Text(before.to_owned().into()));
            }
            at = offset.min(text.len()).max(at);
            match cut {
                Cut::OpenLink(i) => events.push(Event::Html(mention_open(&links[i], cx).into())),
                Cut::CloseLink => events.push(Event::Html("</a>".into())),
                Cut::OpenQuote => {
                    let n = quotes.next().unwrap_or(self.next);
                    self.next = n + 1;
                    if markable {
                        events.push(Event::Html(self.open_tag(n, true).into()));
                    }
                    self.open = Some((n, markable));
                }
                Cut::CloseQuote => {
                    let n = quotes.next().unwrap_or_default();
                    if let Some((_, true)) = self.open {
                        events.push(Event::Html(self.close_tag(n).into()));
                    }
                    self.open = None;
                }
            }
        }
        match text.get(at..) {
            Some(rest) if at == 0 => {
                events.push(Event::Text(if rest.is_empty() { text } else { rest.to_owned().into() }))
            }
            Some(rest) if !rest.is_empty() => events.push(Event::Text(rest.to_owned().into())),
            _ => {}
        }
    }

    /// The attributes of quotation `n`'s first tag (with its anchor) or of a
    /// later part.
    fn attributes(&self, n: usize, first: bool) -> String {
        let mut out = String::new();
        if first {
            out.push_str(&format!(" id=\"{}\"", anchor(n)));
        }
        if self.quotes[n].direct
            && let Some(cite) = self.cite
        {
            out.push_str(&format!(" cite=\"{}\"", html_escape(cite)));
        }
        out
    }

    fn open_tag(&self, n: usize, first: bool) -> String {
        if self.quotes[n].direct {
            format!("<q{}>", self.attributes(n, first))
        } else {
            format!("<span class=\"reported\"{}>", self.attributes(n, first))
        }
    }

    fn close_tag(&self, n: usize) -> &'static str {
        if self.quotes[n].direct { "</q>" } else { "</span>" }
    }
}

/// A mention's link carries no class: it is a link within the archive (its
/// address starts with `/`), which is how the stylesheet knows it.
fn mention_open(link: &LinkSite, cx: &BodyContext) -> String {
    format!("<a href=\"{}\">", html_escape(&cx.entity_urls[link.entity as usize]))
}
