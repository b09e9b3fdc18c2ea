//! Who said it: the listed person a subject names (not one it names as a
//! possessor or addressee), the actor of a paragraph for a verb with no
//! subject, the person a definite role named earlier, and the outlet a
//! statement was given to.

use std::ops::Range;

use super::{Found, ROLE_REACH, Reader, Said, Subject};
use crate::arabic::speech;
use crate::arabic::tokens::Words;
use crate::entities::{EntityId, Kind};

impl Reader<'_> {
    /// The listed person a range of words names as the speaker.
    pub(super) fn person_in(&self, block: usize, words: &Range<usize>) -> Option<EntityId> {
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
    pub(super) fn said(&self, block: usize, verb: usize, subject: &Subject, last: &Said, found: &[Found]) -> Said {
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
    pub(super) fn actor_before(&self, block: usize, verb: usize, found: &[Found]) -> Option<Said> {
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
    pub(super) fn role_holder(&self, block: usize, role: &Range<usize>) -> Option<EntityId> {
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
    pub(super) fn outlet(&self, block: usize, subject: &Subject) -> Option<EntityId> {
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
    pub(super) fn addressed(&self, block: usize, word: usize) -> bool {
        let at = self.start(block, word);
        self.key(block, word).starts_with('ل')
            && self.names[block].iter().any(|n| n.start == at && !self.spelled_with_lam(n.entity))
    }

    /// The source that word `word` starts naming as the one a statement was
    /// given to: with ل before its name (لرويترز), or after لوكالة، لقناة,
    /// لـ, مقابلة or مع.
    pub(super) fn given_to(&self, block: usize, word: usize) -> Option<EntityId> {
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
    pub(super) fn spelled_with_lam(&self, entity: EntityId) -> bool {
        self.catalog.get(entity).spellings.iter().any(|s| crate::arabic::key(&s.text).starts_with('ل'))
    }
}
