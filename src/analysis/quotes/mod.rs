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

mod marks;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::body::{BlockKind, Body};
use super::mentions::Mention;
use crate::arabic::speech::{self, Cue};
use crate::arabic::tokens::Words;
use crate::entities::{Catalog, EntityId, Kind};
use marks::Marked;

/// A place in the body: byte `at` of text run `run`, as the renderer numbers runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Spot {
    pub run: u32,
    pub at: u32,
}

/// A quotation, with who said it.
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
    /// The words that name the speaker, as written (empty when none do).
    pub speaker_text: Box<str>,
    /// The source the statement was given to.
    pub outlet: Option<EntityId>,
    /// What was said, without the quotation marks.
    pub text: Box<str>,
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
pub fn find(body: &Body, mentions: &[Mention], catalog: &Catalog) -> Vec<Quote> {
    let reader = Reader::new(body, mentions, catalog);
    let mut found = reader.read();
    found.sort_by_key(|q| (q.from, q.to));
    found.into_iter().filter_map(|q| reader.to_quote(q)).collect()
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
    words: Vec<Words>,
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
        let words = texts.iter().map(|t| Words::of(t)).collect();
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
        marked.pieces.iter().map(|p| Words::of(&self.texts[p.block][p.inner.0..p.inner.1]).len()).sum()
    }

    fn read(&self) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut claimed = vec![false; self.marked.len()];
        let mut until = (0usize, 0usize);
        let mut last = Said::default();
        for block in 0..self.texts.len() {
            let mut word = 0;
            while word < self.words[block].len() {
                let at = self.start(block, word);
                if (block, at) < until || self.inside_marks(block, at) {
                    word += 1;
                    continue;
                }
                let Some(cue) = speech::cue(self.key(block, word)) else {
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
                        let text = self.texts[block][start..end].trim().trim_end_matches(['،', ',', ':', '؛', ';']);
                        if partial.is_empty() && !text.is_empty() {
                            found.push(Found {
                                from: (block, start),
                                to: (block, start + self.texts[block][start..].find(text).unwrap_or(0) + text.len()),
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

    /// The source an attribution at word `word` names (…، وفقًا لفرانس برس):
    /// the outlet that carried the statement.
    fn carried_by(&self, block: usize, word: usize) -> Option<EntityId> {
        if speech::cue(self.key(block, word)) != Some(Cue::According) {
            return None;
        }
        let from = self.start(block, word);
        let to = (word + 1..self.words[block].len())
            .find(|&w| self.gap_before(block, w).contains(['.', '،', ',', '!', '؟']))
            .map_or(self.texts[block].len(), |w| self.start(block, w));
        self.names[block].iter().find(|n| n.kind == Kind::Source && from <= n.start && n.end <= to).map(|n| n.entity)
    }

    /// The first word of `block` after place `until` (none when it is in a later block).
    fn word_after(&self, block: usize, until: (usize, usize)) -> usize {
        if until.0 != block {
            return self.words[block].len();
        }
        self.words[block].iter().position(|(w, _)| w.start >= until.1).unwrap_or(self.words[block].len())
    }

    /// A quotation that ends right before word `word` (only a comma or a
    /// dash between, or كما).
    fn quotation_before(&self, block: usize, word: usize) -> Option<usize> {
        let word = if word > 0 && self.key(block, word - 1) == "كما" { word - 1 } else { word };
        let at = self.start(block, word);
        self.marked.iter().position(|m| {
            let last = m.last();
            last.block == block
                && last.end <= at
                && self.texts[block][last.end..at].chars().all(|c| c.is_whitespace() || "،,-–—".contains(c))
        })
    }

    /// Whether the quotation opening at `open` names a title: a noun such as
    /// كتاب or حملة, or بـ, stands right before it.
    fn titled(&self, block: usize, open: usize) -> bool {
        let words = &self.words[block];
        let before = words.iter().filter(|(w, _)| w.end <= open).last();
        before.is_some_and(|(w, key)| {
            speech::either(key, speech::names_a_title)
                && self.texts[block][w.end..open].chars().all(|c| c.is_whitespace() || c == 'ـ')
        })
    }

    /// For a name of one or two words in marks followed by more of the
    /// sentence (وكالة «سانا» أن …), the word after it; also for a name of
    /// up to four words after a preposition (لـ«سكاي نيوز عربية»), except
    /// the content of a verb (أعرب عن «قلق بالغ»), unless the subject has an
    /// aside after a comma.
    fn name_in_marks(&self, block: usize, chain: usize, aside: bool) -> Option<usize> {
        let marked = &self.marked[chain];
        let piece = marked.first();
        let before = self.words[block].iter().filter(|(w, _)| w.end <= piece.open).last().map(|(_, key)| key);
        if marked.pieces.len() > 1 || (!aside && before.is_some_and(speech::is_content_preposition)) {
            // أعرب عن «قلق بالغ»: the words are what was said.
            return None;
        }
        let next = self.words[block].iter().position(|(w, _)| w.start >= piece.end)?;
        let between = &self.texts[block][piece.end..self.start(block, next)];
        let words = self.word_count(marked);
        let after_preposition = before.is_some_and(speech::is_preposition);
        let name =
            if after_preposition { words <= 4 } else { words <= 2 && !between.contains(['.', '!', '?', '؟', ':']) };
        name.then_some(next)
    }

    fn titled_quotation(&self, chain: usize) -> bool {
        let first = self.marked[chain].first();
        self.titled(first.block, first.open)
    }

    /// The subject of the speech verb `verb` and what it introduces.
    fn frame(&self, block: usize, verb: usize, cue: Cue) -> Option<(Subject, Content)> {
        let words = &self.words[block];
        let first = verb + 1;
        if cue == Cue::According {
            return self.according(block, verb);
        }
        if cue == Cue::Came && !matches!(self.key(block, first), "في" | "فيه" | "فيها") {
            return None;
        }
        let limit = (first + MAX_SUBJECT).min(words.len());
        let mut skip_to = first;
        for word in first..=limit {
            if word < skip_to {
                continue;
            }
            let gap = if word < words.len() {
                self.gap_before(block, word)
            } else {
                &self.texts[block][self.end(block, word - 1)..]
            };
            let gap_start = if word == 0 { 0 } else { self.end(block, word - 1) };
            if let Some(chain) = self.opening_in(block, gap_start..gap_start + gap.len()) {
                let open = self.marked[chain].first().open;
                // After a comma the subject has an aside (بنعيسى، الذي يشرف على «أسود الأطلس»).
                let aside = (first + 1..word).any(|w| self.gap_before(block, w).contains(['،', ',']));
                let skip = self.name_in_marks(block, chain, aside).or_else(|| {
                    // A title in the subject (صاحب فيلم «…»): read on after it.
                    let after = self.words[block].iter().position(|(w, _)| w.start >= self.marked[chain].last().end);
                    (word > first && self.titled(block, open)).then_some(after).flatten()
                });
                if let Some(after) = skip {
                    // A name in marks inside the subject (لقناة «سكاي نيوز»): read on after it.
                    skip_to = after;
                    continue;
                }
                let before = &self.texts[block][gap_start..open];
                let plain = before.chars().all(|c| c.is_whitespace() || ":،,»”\"".contains(c));
                if !plain {
                    return None;
                }
                return Some((self.subject(block, first, word, cue), Content::Marked(chain)));
            }
            if gap.contains(['.', '!', '?', '؟']) && word > first {
                return None;
            }
            if gap.contains(':') {
                let subject = self.subject(block, first, word, cue);
                if word >= words.len() {
                    let next = block + 1;
                    let adjacent = next < self.texts.len() && self.blocks[next] == self.blocks[block] + 1;
                    return adjacent.then_some((subject, Content::NextBlock));
                }
                return Some((subject, Content::Clause(self.start(block, word), word)));
            }
            if word >= words.len() {
                return None;
            }
            let key = self.key(block, word);
            if speech::is_complementizer(key) && !self.is(block, word - 1, speech::binds_an) {
                let subject = self.subject(block, first, word, cue);
                let after = self.end(block, word);
                let rest = &self.texts[block][after..];
                let lead = rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':').len();
                if let Some(chain) = self.opening_in(block, after..after + lead + 1) {
                    return Some((subject, Content::Marked(chain)));
                }
                let from = word + 1;
                return (from < words.len()).then_some((subject, Content::Clause(self.start(block, from), from)));
            }
        }
        None
    }

    /// بحسب الوزير، فإن … / وفقًا للبيان، «…»: the speaker up to the comma, then the statement.
    fn according(&self, block: usize, cue_word: usize) -> Option<(Subject, Content)> {
        let words = &self.words[block];
        let mut first = cue_word + 1;
        if self.key(block, first) == "ما" && speech::cue(self.key(block, first + 1)) == Some(Cue::Verb) {
            first += 2;
        }
        let limit = (first + MAX_SUBJECT).min(words.len());
        for word in first + 1..limit {
            let gap = self.gap_before(block, word);
            if gap.contains(['.', '!', '?', '؟']) {
                return None;
            }
            if gap.contains(['،', ',']) {
                let subject = self.subject(block, first, word, Cue::According);
                let gap_start = self.end(block, word - 1);
                if let Some(chain) = self.opening_in(block, gap_start..gap_start + gap.len()) {
                    return Some((subject, Content::Marked(chain)));
                }
                let key = self.key(block, word);
                if matches!(key, "فان" | "فانه" | "فانها" | "فقد") {
                    return Some((subject, Content::Clause(self.start(block, word + 1), word + 1)));
                }
                let names_someone = self.person_in(block, &subject.speaker).is_some();
                return names_someone.then(|| (subject, Content::Clause(self.start(block, word), word)));
            }
        }
        None
    }

    /// The speaker's words among the subject words `first..end`.
    fn subject(&self, block: usize, first: usize, end: usize, cue: Cue) -> Subject {
        let mut end = end.min(self.words[block].len());
        if end > first && self.is(block, end - 1, speech::is_content_preposition) {
            end -= 1;
        }
        let all = first..end;
        let mut relay = first..first;
        let mut start = first;
        if cue == Cue::Relay {
            match (first..end).find(|&w| self.key(block, w) == "عن") {
                Some(about) => {
                    relay = first..about;
                    start = about + 1;
                }
                None => return Subject { speaker: first..first, all, relay },
            }
        }
        if cue == Cue::Came && matches!(self.key(block, start), "في" | "فيه" | "فيها") {
            start += 1;
        }
        let mut speaker = self.speaker_words(block, start, end);
        if speaker.is_empty() {
            // Adverbs before the subject (أكد خلالها الرئيس، أن …).
            let subject = (start..end).find(|&w| !speech::is_adverb(self.key(block, w)));
            if let Some(word) = subject.filter(|&w| w > start) {
                speaker = self.speaker_words(block, word, end);
            }
        }
        if speaker.is_empty() {
            // A circumstance before the subject (وقال خلالها عطاف إن …): the first person named after it.
            let named = (start..end).find(|&w| self.person_at(block, w) && !self.addressed(block, w));
            if let Some(word) = named {
                speaker = self.speaker_words(block, word, end);
            }
        }
        Subject { speaker, all, relay }
    }

    /// The subject written before its verb after كان and before قد (وكانت
    /// صحيفة صباح قد ذكرت أن …).
    fn subject_before(&self, block: usize, verb: usize) -> Option<Range<usize>> {
        let qad = verb.checked_sub(1).filter(|&w| matches!(self.key(block, w), "قد" | "لقد"))?;
        let was = (qad.saturating_sub(MAX_SUBJECT)..qad)
            .rev()
            .find(|&w| matches!(self.bare(block, w), "كان" | "كانت" | "كانوا"))?;
        let speaker = self.speaker_words(block, was + 1, qad);
        (!speaker.is_empty()).then_some(speaker)
    }

    /// Whether word `word` is part of a listed person's name.
    fn person_at(&self, block: usize, word: usize) -> bool {
        let at = self.start(block, word);
        self.names[block].iter().any(|n| n.kind == Kind::Person && n.start <= at && at < n.end)
    }

    /// The words from `start` that name the speaker: up to a comma, a
    /// circumstance, or a name that the statement was made or given to.
    fn speaker_words(&self, block: usize, start: usize, end: usize) -> Range<usize> {
        let mut stop = start;
        while stop < end {
            let gap = self.gap_before(block, stop);
            if stop > start && gap.contains(['،', ',', '(', ')', '-', '–', '—']) {
                break;
            }
            let circumstance =
                speech::starts_circumstance(self.key(block, stop)) || speech::cue(self.key(block, stop)).is_some();
            if (!self.person_at(block, stop) && circumstance)
                || self.given_to(block, stop).is_some()
                || self.addressed(block, stop)
            {
                break;
            }
            stop += 1;
        }
        start..stop
    }

    /// The listed person a range of words names as the speaker.
    fn person_in(&self, block: usize, words: &Range<usize>) -> Option<EntityId> {
        if words.is_empty() {
            return None;
        }
        let (from, to) = (self.start(block, words.start), self.end(block, words.end - 1));
        self.names[block]
            .iter()
            .filter(|n| n.kind == Kind::Person && from <= n.start && n.end <= to)
            .filter(|n| {
                let before = self.words[block].iter().filter(|(w, _)| w.end <= n.start).last();
                !before.is_some_and(|(w, key)| w.start >= from && speech::either(key, speech::takes_a_possessor))
            })
            .map(|n| n.entity)
            .fold(None, |speaker: Option<Option<EntityId>>, entity| match speaker {
                // Two people speaking together (أعلن أردوغان والأسد أنهما …): no one speaker.
                Some(Some(first)) if first != entity => Some(None),
                Some(known) => Some(known),
                None => Some(Some(entity)),
            })
            .flatten()
    }

    /// Who said it, given the subject; `last` is the previous speaker.
    fn said(&self, block: usize, verb: usize, subject: &Subject, last: &Said, found: &[Found]) -> Said {
        let range = &subject.speaker;
        if range.is_empty() {
            return self.actor_before(block, verb, found).unwrap_or_else(|| last.clone());
        }
        let text = self.texts[block][self.start(block, range.start)..self.end(block, range.end - 1)]
            .trim_matches(|c: char| c.is_whitespace() || "،,:".contains(c))
            .to_owned();
        let speaker = self.person_in(block, range).or_else(|| {
            // A definite role: the person it named earlier (وزير الصحة حسام
            // عبد الستار … وشدد الوزير), or the previous speaker whose title it repeats.
            let head = self.key(block, range.start).strip_prefix("ال")?;
            if range.len() > 3 {
                return None;
            }
            self.role_holder(block, range).or_else(|| {
                let repeats =
                    Words::of(&last.text).iter().any(|(_, k)| k == head || k.strip_prefix("ال") == Some(head));
                repeats.then_some(last.speaker).flatten()
            })
        });
        Said { speaker, text }
    }

    /// For a verb with no subject, the person the same paragraph names
    /// before it as its actor (واتهم الناطق … عمر الطيب …، وقال في بيان),
    /// outside what was quoted.
    fn actor_before(&self, block: usize, verb: usize, found: &[Found]) -> Option<Said> {
        let at = self.start(block, verb);
        let quoted = |pos: usize| {
            self.inside_marks(block, pos) || found.iter().any(|q| q.from <= (block, pos) && (block, pos) < q.to)
        };
        let name = self.names[block]
            .iter()
            .filter(|n| n.kind == Kind::Person && n.end <= at && !quoted(n.start))
            .find(|n| {
                let word = self.words[block].iter().position(|(w, _)| w.start == n.start);
                word.is_some_and(|w| {
                    let key = self.key(block, w);
                    let prefixed = key.starts_with(['ل', 'ب']) && !self.spelled_with_lam(n.entity);
                    let possessed = w > 0 && self.is(block, w - 1, speech::takes_a_possessor);
                    // A topic (وعن عودة الزياني، قال …) is not an actor.
                    let clause =
                        (0..w).rev().find(|&c| self.gap_before(block, c).contains(['.', '،', ',', '؛'])).unwrap_or(0);
                    let topic = self.is(block, clause, speech::is_preposition);
                    !prefixed && !possessed && !topic
                })
            })?;
        Some(Said { speaker: Some(name.entity), text: self.texts[block][name.start..name.end].to_owned() })
    }

    /// The person that a definite role (words `role`) named earlier in the
    /// article: the last place before it where the role's words stand with a
    /// person's name right after them.
    fn role_holder(&self, block: usize, role: &Range<usize>) -> Option<EntityId> {
        let head = self.key(block, role.start).strip_prefix("ال")?;
        let rest: Vec<&str> = (role.start + 1..role.end).map(|w| self.key(block, w)).collect();
        let before = self.start(block, role.start);
        // The head with its qualifiers, else the qualifiers alone after another
        // head (الرئيس التركي after نظيره التركي رجب طيب إردوغان).
        let (mut holder, mut qualified) = (None, None);
        for b in 0..=block {
            let words = &self.words[b];
            for p in 0..words.len() {
                if b == block && self.start(b, p) >= before {
                    break;
                }
                let forms = [self.key(b, p), self.bare(b, p)];
                let head_here = forms.iter().any(|k| k.strip_prefix("ال").unwrap_or(k) == head);
                let rest_after = |at: usize| rest.iter().enumerate().all(|(i, r)| self.key(b, at + i) == *r);
                let from = if head_here && rest_after(p + 1) {
                    p + 1 + rest.len()
                } else if !rest.is_empty() && rest_after(p) {
                    p + rest.len()
                } else {
                    continue;
                };
                let slot = if head_here { &mut holder } else { &mut qualified };
                for w in from..(from + ROLE_REACH).min(words.len()) {
                    if self.gap_before(b, w).contains(['.', '،', ',', '!', '؟']) {
                        break;
                    }
                    if let Some(n) =
                        self.names[b].iter().find(|n| n.kind == Kind::Person && n.start == self.start(b, w))
                    {
                        *slot = Some(n.entity);
                        break;
                    }
                }
            }
        }
        holder.or(qualified)
    }

    /// The source a statement was given to: named in the subject after ل,
    /// لوكالة، مع …, or the source that relays it (نقلت رويترز عن …).
    fn outlet(&self, block: usize, subject: &Subject) -> Option<EntityId> {
        let in_range = |range: &Range<usize>| {
            if range.is_empty() {
                return None;
            }
            let (from, to) = (self.start(block, range.start), self.end(block, range.end - 1));
            Some(self.names[block].iter().filter(move |n| n.kind == Kind::Source && from <= n.start && n.end <= to))
        };
        if let Some(relayed) = in_range(&subject.relay).and_then(|mut names| names.next()) {
            return Some(relayed.entity);
        }
        let speaker_to = if subject.speaker.is_empty() { 0 } else { self.end(block, subject.speaker.end - 1) };
        let all = &subject.all;
        (all.start.max(subject.speaker.end)..all.end)
            .find_map(|word| self.given_to(block, word).filter(|_| self.start(block, word) >= speaker_to))
    }

    /// Whether word `word` starts a name with ل before it (قال بوتين للأسد):
    /// whom the statement was made to, not who made it.
    fn addressed(&self, block: usize, word: usize) -> bool {
        let at = self.start(block, word);
        self.key(block, word).starts_with('ل')
            && self.names[block].iter().any(|n| n.start == at && !self.spelled_with_lam(n.entity))
    }

    /// The source that word `word` starts naming as the one a statement was
    /// given to: with ل before its name (لرويترز), or after لوكالة، لقناة,
    /// لـ, مقابلة or مع.
    fn given_to(&self, block: usize, word: usize) -> Option<EntityId> {
        let at = self.start(block, word);
        let name = self.names[block].iter().find(|n| n.kind == Kind::Source && n.start == at)?;
        let with_lam = self.key(block, word).starts_with('ل') && !self.spelled_with_lam(name.entity);
        let after = word > 0 && (self.is(block, word - 1, speech::is_outlet_word) || self.key(block, word - 1) == "مع");
        // على قناة «…», عبر وكالة …: a medium named after a preposition.
        let medium = word > 1
            && speech::is_medium(self.key(block, word - 1))
            && self.is(block, word - 2, speech::is_preposition);
        (with_lam || after || medium).then_some(name.entity)
    }

    /// Whether a name of `entity` itself starts with ل (so a leading ل is no preposition).
    fn spelled_with_lam(&self, entity: EntityId) -> bool {
        self.catalog.get(entity).spellings.iter().any(|s| crate::arabic::key(&s.text).starts_with('ل'))
    }

    /// The speaker named after a verb that follows a quotation («…»، قال
    /// عطاف): who, the outlet, and the word to go on from.
    fn speaker_after(&self, block: usize, verb: usize, last: &Said) -> Option<(Said, Option<EntityId>, usize)> {
        let words = &self.words[block];
        let mut first = verb + 1;
        let mut cue = Cue::Verb;
        if speech::cue(self.key(block, verb)) == Some(Cue::According) {
            let then = speech::cue(self.key(block, first + 1));
            if self.key(block, first) == "ما" && matches!(then, Some(Cue::Verb | Cue::Relay)) {
                cue = then.unwrap_or(Cue::Verb);
                first += 2;
            }
        } else if self.key(block, verb) != self.bare(block, verb) {
            // وقال after a quotation starts a new statement.
            return None;
        }
        let mut end = first;
        while end < words.len() && end < first + MAX_SUBJECT {
            let gap = self.gap_before(block, end);
            if end > first && gap.contains(['.', '!', '?', '؟']) && !self.inside_marks(block, self.start(block, end)) {
                break;
            }
            end += 1;
        }
        let subject = self.subject(block, first, end, cue);
        let said = self.said(block, verb, &subject, last, &[]);
        let outlet = self.outlet(block, &subject);
        Some((said, outlet, end))
    }

    /// The end of a reported clause starting at byte `start` (word `first`):
    /// the end of its sentence, or the next statement joined to it (، مضيفًا
    /// أن …، وأضاف …). Returns the end byte and the next word to read.
    fn clause_end(&self, block: usize, start: usize, first: usize) -> (usize, usize) {
        let text = self.texts[block];
        let mut stop = text.len();
        let mut chars = text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = start + i;
            if matches!(c, '.' | '!' | '?' | '؟')
                && !self.inside_marks(block, at)
                && chars.peek().is_none_or(|(_, next)| next.is_whitespace() || "»”\"".contains(*next))
            {
                stop = at;
                break;
            }
        }
        let words = &self.words[block];
        for word in first..words.len() {
            let at = self.start(block, word);
            if at >= stop {
                return (stop, word);
            }
            if word == first || self.inside_marks(block, at) {
                continue;
            }
            let key = self.key(block, word);
            let joined = key != self.bare(block, word) || self.gap_before(block, word).contains(['،', ',']);
            let starts = match speech::cue(key) {
                Some(cue @ Cue::Participle) => self.frame(block, word, cue).is_some(),
                Some(cue @ (Cue::Verb | Cue::Relay)) => joined && self.frame(block, word, cue).is_some(),
                // An attribution after a comma (…، وفقًا لفرانس برس) is not what was said.
                Some(Cue::According) => self.gap_before(block, word).contains(['،', ',']),
                _ => false,
            };
            if starts {
                return (self.end(block, word - 1), word);
            }
        }
        (stop, words.len())
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
            let before = found.iter().filter(|q| q.direct && q.to.0 + 1 == first.block).last();
            if let Some(before) = before {
                let quote = self.direct(chain, before.said.clone(), before.outlet);
                claimed[chain] = true;
                found.push(quote);
            }
        }
    }

    /// Turns block places into run places.
    fn to_quote(&self, found: Found) -> Option<Quote> {
        let from = self.spot(found.from, true)?;
        let to = self.spot(found.to, false)?;
        Some(Quote {
            from,
            to,
            direct: found.direct,
            whole_block: found.whole_block,
            speaker: found.said.speaker,
            speaker_text: found.said.text.into(),
            outlet: found.outlet,
            text: found.text.into(),
        })
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
