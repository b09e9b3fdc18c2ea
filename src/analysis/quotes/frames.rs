//! Reading the words around a speech verb: its subject and what it
//! introduces (words in marks, a clause after أن/إن, the next block), the
//! speaker named after a quotation, where a reported clause ends, and the
//! quotation marks that name a title or an outlet rather than speech.

use std::ops::Range;

use super::{Content, MAX_SUBJECT, Reader, Said, Subject};
use crate::arabic::speech::{self, Cue};
use crate::entities::{EntityId, Kind};

impl Reader<'_> {
    /// The source an attribution at word `word` names (…، وفقًا لفرانس برس):
    /// the outlet that carried the statement.
    pub(super) fn carried_by(&self, block: usize, word: usize) -> Option<EntityId> {
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
    pub(super) fn word_after(&self, block: usize, until: (usize, usize)) -> usize {
        if until.0 != block {
            return self.words[block].len();
        }
        self.words[block].iter().position(|(w, _)| w.start >= until.1).unwrap_or(self.words[block].len())
    }

    /// A quotation that ends right before word `word` (only a comma or a
    /// dash between, or كما).
    pub(super) fn quotation_before(&self, block: usize, word: usize) -> Option<usize> {
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
    pub(super) fn titled(&self, block: usize, open: usize) -> bool {
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
    pub(super) fn name_in_marks(&self, block: usize, chain: usize, aside: bool) -> Option<usize> {
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

    pub(super) fn titled_quotation(&self, chain: usize) -> bool {
        let first = self.marked[chain].first();
        self.titled(first.block, first.open)
    }

    /// The subject of the speech verb `verb` and what it introduces.
    pub(super) fn frame(&self, block: usize, verb: usize, cue: Cue) -> Option<(Subject, Content)> {
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
    pub(super) fn according(&self, block: usize, cue_word: usize) -> Option<(Subject, Content)> {
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
    pub(super) fn subject(&self, block: usize, first: usize, end: usize, cue: Cue) -> Subject {
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
    pub(super) fn subject_before(&self, block: usize, verb: usize) -> Option<Range<usize>> {
        let qad = verb.checked_sub(1).filter(|&w| matches!(self.key(block, w), "قد" | "لقد"))?;
        let was = (qad.saturating_sub(MAX_SUBJECT)..qad)
            .rev()
            .find(|&w| matches!(self.bare(block, w), "كان" | "كانت" | "كانوا"))?;
        let speaker = self.speaker_words(block, was + 1, qad);
        (!speaker.is_empty()).then_some(speaker)
    }

    /// Whether word `word` is part of a listed person's name.
    pub(super) fn person_at(&self, block: usize, word: usize) -> bool {
        let at = self.start(block, word);
        self.names[block].iter().any(|n| n.kind == Kind::Person && n.start <= at && at < n.end)
    }

    /// The words from `start` that name the speaker: up to a comma, a
    /// circumstance, or a name that the statement was made or given to.
    pub(super) fn speaker_words(&self, block: usize, start: usize, end: usize) -> Range<usize> {
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

    /// The speaker named after a verb that follows a quotation («…»، قال
    /// عطاف): who, the outlet, and the word to go on from.
    pub(super) fn speaker_after(
        &self,
        block: usize,
        verb: usize,
        last: &Said,
    ) -> Option<(Said, Option<EntityId>, usize)> {
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
    pub(super) fn clause_end(&self, block: usize, start: usize, first: usize) -> (usize, usize) {
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
}
