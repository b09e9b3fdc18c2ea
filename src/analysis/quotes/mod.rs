//! Who said what: the quotations of an article and their speakers, read from
//! its blocks in the same pass as its mentions.
//!
//! A **direct** quotation is words in quotation marks ([`marks`]) introduced
//! by a speech verb and its subject (قال الوزير أحمد عطاف إن «…», وقال عطاف:
//! «…»), or followed by one («…»، قال عطاف); a paragraph that only goes on
//! quoting after a quoted paragraph is the same speaker's. **Indirect** speech
//! is a speech verb, its subject and أن/إن with the clause after it, up to
//! the end of the sentence or the next statement (…، مضيفًا أن …). Marks
//! that no speech verb introduces are not quotations: titles, campaign names,
//! scare quotes, hashtags.
//!
//! The **speaker** is the listed person named in the verb's subject (role
//! words around the name are kept in `speaker_text`, not matched), never a
//! person the subject names as a possessor (المتحدث باسم بوتين). A subject
//! that names nobody from the lists (متحدث باسم الجيش، الوزارة) keeps its
//! words with no speaker. A verb with no subject (وأضاف، وتابع) continues
//! the previous speaker, and so does a definite role repeating the previous
//! speaker's title (وأضاف الوزير after قال وزير الخارجية أحمد عطاف). A
//! statement given to an outlet (لوكالة رويترز، في مقابلة مع قناة الجزيرة,
//! نقلت رويترز عن …) keeps that source as its `outlet`.

mod frames;
mod marks;
mod speakers;

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::body::{BlockKind, Body};
use super::compact::{Stored, Texts, TextsBuilder};
use super::mentions::Mention;
use crate::arabic::speech::{self, Cue};
use crate::arabic::tokens::WordSlice;
use crate::entities::{Catalog, EntityId, Kind};
use marks::Marked;

/// A place in the body: byte `at` of text run `run`, as the renderer numbers runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Spot {
    pub run: u32,
    pub at: u32,
}

/// A quotation, with who said it; its words are in its article's [`Quotes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Where it starts and ends (for a direct quotation, its marks included).
    pub from: Spot,
    pub to: Spot,
    /// In the speaker's own words (in marks), or reported (أن/إن).
    pub direct: bool,
    /// It is a whole `>` block quote.
    pub whole_block: bool,
    /// The listed person who said it.
    pub speaker: Option<EntityId>,
    /// The source the statement was given to.
    pub outlet: Option<EntityId>,
    /// What was said, without the quotation marks.
    text: Stored,
    /// The words that name the speaker, as written (empty when none do).
    speaker_text: Stored,
}

/// The quotations of an article, in text order, with their words kept
/// compactly ([`compact`](super::compact)): a speaker named again is stored
/// once, and Arabic in one byte a letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotes {
    list: Vec<Quote>,
    words: Texts,
}

impl Quotes {
    pub fn as_slice(&self) -> &[Quote] {
        &self.list
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Quote> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, n: usize) -> Option<&Quote> {
        self.list.get(n)
    }

    /// What `quote` says, without its quotation marks.
    pub fn text(&self, quote: &Quote) -> Cow<'_, str> {
        self.words.get(quote.text)
    }

    /// The words that name `quote`'s speaker.
    pub fn speaker_text(&self, quote: &Quote) -> Cow<'_, str> {
        self.words.get(quote.speaker_text)
    }

    /// Hashes what [`Quotes::text`] and [`Quotes::speaker_text`] give for
    /// `quote`, without decoding them (a page's fingerprint).
    pub fn hash_texts(&self, quote: &Quote, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        (self.words.kept(quote.speaker_text), self.words.kept(quote.text)).hash(hasher);
    }

    /// Stores `found` (texts and all) in the compact form; a quotation whose
    /// words cannot be stored (gigabytes of them) is left out.
    fn new(found: Vec<(Quote, String, String)>) -> Quotes {
        let mut words = TextsBuilder::default();
        let mut list = Vec::with_capacity(found.len());
        for (mut quote, said, speaker) in found {
            let (Some(text), Some(speaker_text)) = (words.store(&said), words.store(&speaker)) else { continue };
            quote.text = text;
            quote.speaker_text = speaker_text;
            list.push(quote);
        }
        Quotes { list, words: words.finish() }
    }
}

/// The id of quotation `n` (counted from 0) of an article, the anchor its
/// page gives it: `q-1`, `q-2`, …
pub fn anchor(n: usize) -> String {
    format!("q-{}", n + 1)
}

/// The longest subject a speech verb may have, in words, before أن/إن or the quotation.
const MAX_SUBJECT: usize = 30;
/// Quoted words inside reported speech make a direct quotation of their own
/// from this many words on; fewer are a phrase the writer marks (scare quotes).
const PARTIAL_QUOTE_WORDS: usize = 3;
/// A role names the person whose name follows it within this many words
/// earlier in the article (وزير الصحة المصري حسام عبد الستار).
const ROLE_REACH: usize = 4;
/// A paragraph of quotation alone after a quoted paragraph goes on quoting its
/// speaker from this many words on.
const CONTINUED_WORDS: usize = 4;

/// The quotations of `body`, whose names are `mentions`, in text order.
pub fn find(body: &Body, mentions: &[Mention], catalog: &Catalog) -> Quotes {
    let reader = Reader::new(body, mentions, catalog);
    let mut found = reader.read();
    found.sort_by_key(|q| (q.from, q.to));
    // Marks in the text cannot overlap: a quotation that begins inside the
    // one before it (a clause read on into the marks of the next) is left out.
    let mut end = Spot { run: 0, at: 0 };
    let apart = found.into_iter().filter_map(|q| reader.to_quote(q)).filter(|(quote, _, _)| {
        let apart = quote.from >= end;
        if apart {
            end = quote.to;
        }
        apart
    });
    Quotes::new(apart.collect())
}

/// A name found in a block: bytes of the block's text.
struct Name {
    start: usize,
    end: usize,
    entity: EntityId,
    kind: Kind,
}

/// A quotation found, placed in blocks: (block, byte) pairs.
struct Found {
    from: (usize, usize),
    to: (usize, usize),
    direct: bool,
    whole_block: bool,
    said: Said,
    outlet: Option<EntityId>,
    text: String,
}

/// Who said something.
#[derive(Clone, Default)]
struct Said {
    speaker: Option<EntityId>,
    text: String,
}

/// What follows a speech verb and its subject.
enum Content {
    /// Words in marks (the index of the quotation).
    Marked(usize),
    /// A clause from this byte and word on.
    Clause(usize, usize),
    /// The next block: a quotation in marks, or a `>` block.
    NextBlock,
}

/// The subject of a speech verb: the words naming the speaker, and all of
/// the subject's words (for the outlet), as word ranges.
struct Subject {
    speaker: Range<usize>,
    all: Range<usize>,
    /// For نقل عن: the words naming who relays the statement.
    relay: Range<usize>,
}

struct Reader<'b> {
    catalog: &'b Catalog,
    body: &'b Body,
    /// The body's blocks read here (paragraphs, items, cells), by their index in the body.
    blocks: Vec<usize>,
    texts: Vec<&'b str>,
    words: Vec<WordSlice<'b>>,
    joins: Vec<bool>,
    names: Vec<Vec<Name>>,
    marked: Vec<Marked>,
}

impl<'b> Reader<'b> {
    fn new(body: &'b Body, mentions: &[Mention], catalog: &'b Catalog) -> Reader<'b> {
        let blocks: Vec<usize> = body
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph | BlockKind::Item | BlockKind::Cell))
            .map(|(n, _)| n)
            .collect();
        let mut local = vec![usize::MAX; body.blocks.len()];
        for (n, &b) in blocks.iter().enumerate() {
            local[b] = n;
        }
        let texts: Vec<&str> = blocks.iter().map(|&b| body.blocks[b].text.as_str()).collect();
        // Paragraphs that follow each other in one container (not into or out of a `>` block).
        let joins: Vec<bool> = (0..blocks.len())
            .map(|n| {
                n > 0
                    && blocks[n - 1] + 1 == blocks[n]
                    && body.blocks[blocks[n - 1]].quoted == body.blocks[blocks[n]].quoted
            })
            .collect();
        let words = blocks.iter().map(|&b| body.block_words(b)).collect();
        let mut names: Vec<Vec<Name>> = (0..blocks.len()).map(|_| Vec::new()).collect();
        for m in mentions {
            let Some(run) = m.run.and_then(|r| body.runs.get(r as usize)) else { continue };
            let Some(&block) = local.get(run.block as usize).filter(|&&b| b != usize::MAX) else { continue };
            let start = (run.start + m.start) as usize;
            let end = (run.start + m.end) as usize;
            names[block].push(Name { start, end, entity: m.entity, kind: catalog.get(m.entity).kind });
        }
        let marked = marks::find(&texts, &joins);
        Reader { catalog, body, blocks, texts, words, joins, names, marked }
    }

    fn key(&self, block: usize, word: usize) -> &str {
        let words = &self.words[block];
        words.get(word).map_or("", |w| words.key(w))
    }

    /// The bare key (no و/ف) of a word.
    fn bare(&self, block: usize, word: usize) -> &str {
        speech::without_conjunction(self.key(block, word))
    }

    /// Whether `test` holds for a word's key, or for it without و/ف (فيلم is
    /// not ف + يلم, but وكتاب is و + كتاب).
    fn is(&self, block: usize, word: usize, test: fn(&str) -> bool) -> bool {
        speech::either(self.key(block, word), test)
    }

    fn start(&self, block: usize, word: usize) -> usize {
        self.words[block].get(word).map_or(self.texts[block].len(), |w| w.start)
    }

    fn end(&self, block: usize, word: usize) -> usize {
        self.words[block].get(word).map_or(0, |w| w.end)
    }

    /// The text between word `word - 1` and word `word` (from the block's start for the first).
    fn gap_before(&self, block: usize, word: usize) -> &str {
        let from = if word == 0 { 0 } else { self.end(block, word - 1) };
        &self.texts[block][from..self.start(block, word).max(from)]
    }

    /// The quotation in marks with a piece in `block` whose opening mark is in `range`.
    fn opening_in(&self, block: usize, range: Range<usize>) -> Option<usize> {
        self.marked.iter().position(|m| m.pieces.iter().any(|p| p.block == block && range.contains(&p.open)))
    }

    /// Whether byte `at` of `block` is inside marks.
    fn inside_marks(&self, block: usize, at: usize) -> bool {
        self.marked.iter().any(|m| m.pieces.iter().any(|p| p.block == block && p.open < at && at < p.end))
    }

    fn word_count(&self, marked: &Marked) -> usize {
        marked.pieces.iter().map(|p| self.body.count_words(self.blocks[p.block], p.inner.0..p.inner.1)).sum()
    }

    fn read(&self) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut claimed = vec![false; self.marked.len()];
        let mut until = (0usize, 0usize);
        let mut last = Said::default();
        for block in 0..self.texts.len() {
            let mut word = 0;
            while word < self.words[block].len() {
                let cue = speech::cue(self.key(block, word));
                let at = self.start(block, word);
                let Some(cue) = cue.filter(|_| (block, at) >= until && !self.inside_marks(block, at)) else {
                    word += 1;
                    continue;
                };
                if let Some(chain) =
                    self.quotation_before(block, word).filter(|&c| !claimed[c] && !self.titled_quotation(c))
                    && matches!(cue, Cue::Verb | Cue::According)
                    && let Some((said, outlet, next)) = self.speaker_after(block, word, &last)
                {
                    claimed[chain] = true;
                    last = said.clone();
                    found.push(self.direct(chain, said, outlet));
                    word = next;
                    continue;
                }
                let Some((mut subject, content)) = self.frame(block, word, cue) else {
                    word += 1;
                    continue;
                };
                if let Some(before) = self.subject_before(block, word) {
                    subject.speaker = before;
                }
                let said = self.said(block, word, &subject, &last, &found);
                let outlet = self.outlet(block, &subject);
                let next = match content {
                    Content::Marked(chain) => {
                        claimed[chain] = true;
                        let quote = self.direct(chain, said.clone(), outlet);
                        until = quote.to;
                        found.push(quote);
                        self.word_after(block, until)
                    }
                    Content::NextBlock => {
                        let next = block + 1;
                        let starts =
                            self.opening_in(next, 0..self.texts[next].len() - self.texts[next].trim_start().len() + 1);
                        if let Some(chain) = starts.filter(|&c| !claimed[c]) {
                            claimed[chain] = true;
                            let quote = self.direct(chain, said.clone(), outlet);
                            until = quote.to;
                            found.push(quote);
                        } else {
                            let text = self.texts[next].trim();
                            let quote = Found {
                                from: (next, 0),
                                to: (next, self.texts[next].len()),
                                direct: true,
                                whole_block: true,
                                said: said.clone(),
                                outlet,
                                text: text.to_owned(),
                            };
                            until = quote.to;
                            found.push(quote);
                        }
                        self.words[block].len()
                    }
                    Content::Clause(start, first) => {
                        let (end, next) = self.clause_end(block, start, first);
                        let outlet = outlet.or_else(|| self.carried_by(block, next));
                        let partial: Vec<usize> = self
                            .marked
                            .iter()
                            .enumerate()
                            .filter(|(n, m)| {
                                let piece = m.first();
                                !claimed[*n]
                                    && m.pieces.len() == 1
                                    && piece.block == block
                                    && (start..end).contains(&piece.open)
                                    && self.word_count(m) >= PARTIAL_QUOTE_WORDS
                                    && !self.titled(block, piece.open)
                            })
                            .map(|(n, _)| n)
                            .collect();
                        for &chain in &partial {
                            claimed[chain] = true;
                            found.push(self.direct(chain, said.clone(), outlet));
                        }
                        let clause = &self.texts[block][start..end];
                        let text = clause.trim().trim_end_matches(['،', ',', ':', '؛', ';']);
                        if partial.is_empty() && !text.is_empty() {
                            // The clause without the spaces it starts with.
                            let lead = clause.len() - clause.trim_start().len();
                            found.push(Found {
                                from: (block, start),
                                to: (block, start + lead + text.len()),
                                direct: false,
                                whole_block: false,
                                said: said.clone(),
                                outlet,
                                text: text.to_owned(),
                            });
                        }
                        until = (block, end);
                        next
                    }
                };
                if !said.text.is_empty() || said.speaker.is_some() {
                    last = said;
                }
                word = next.max(word + 1);
            }
        }
        self.continued(&mut found, &mut claimed);
        found
    }

    fn direct(&self, chain: usize, said: Said, outlet: Option<EntityId>) -> Found {
        let marked = &self.marked[chain];
        let (first, last) = (marked.first(), marked.last());
        Found {
            from: (first.block, first.open),
            to: (last.block, last.end),
            direct: true,
            whole_block: false,
            said,
            outlet,
            text: marked.text(&self.texts),
        }
    }

    /// Paragraphs that are only a quotation, right after a quoted paragraph,
    /// go on quoting its speaker.
    fn continued(&self, found: &mut Vec<Found>, claimed: &mut [bool]) {
        for (chain, marked) in self.marked.iter().enumerate() {
            let (first, last) = (marked.first(), marked.last());
            let alone = self.texts[first.block][..first.open].trim().is_empty()
                && self.texts[last.block][last.end..]
                    .trim_matches(|c: char| c.is_whitespace() || ".،!؟".contains(c))
                    .is_empty();
            if claimed[chain] || !alone || !self.joins[first.block] || self.word_count(marked) < CONTINUED_WORDS {
                continue;
            }
            let before = found.iter().rev().find(|q| q.direct && q.to.0 + 1 == first.block);
            if let Some(before) = before {
                let quote = self.direct(chain, before.said.clone(), before.outlet);
                claimed[chain] = true;
                found.push(quote);
            }
        }
    }

    /// Turns block places into run places.
    fn to_quote(&self, found: Found) -> Option<(Quote, String, String)> {
        let from = self.spot(found.from, true)?;
        let to = self.spot(found.to, false)?;
        let quote = Quote {
            from,
            to,
            direct: found.direct,
            whole_block: found.whole_block,
            speaker: found.said.speaker,
            outlet: found.outlet,
            text: Stored::default(),
            speaker_text: Stored::default(),
        };
        Some((quote, found.text, found.said.text))
    }

    /// The run that holds byte `at` of a block: the run it starts (`opening`)
    /// or the run it ends.
    fn spot(&self, (block, at): (usize, usize), opening: bool) -> Option<Spot> {
        let block = self.blocks[block] as u32;
        let at = at as u32;
        let runs = &self.body.runs;
        let first = runs.partition_point(|r| r.block < block);
        let run = runs[first..]
            .iter()
            .take_while(|r| r.block == block)
            .position(|r| if opening { r.start <= at && at < r.end } else { r.start < at && at <= r.end });
        let run = match run {
            Some(n) => first + n,
            // In the spaces between runs: the next run starts, the previous ends.
            None if opening => {
                first + runs[first..].iter().take_while(|r| r.block == block).position(|r| r.start >= at)?
            }
            None => {
                first
                    + runs[first..]
                        .iter()
                        .take_while(|r| r.block == block)
                        .filter(|r| r.end <= at)
                        .count()
                        .checked_sub(1)?
            }
        };
        let r = &runs[run];
        Some(Spot { run: run as u32, at: at.clamp(r.start, r.end) - r.start })
    }
}

#[cfg(test)]
mod tests;
