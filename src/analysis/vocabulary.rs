//! The words of a whole archive, each stored once: articles keep their terms
//! as numbers into a [`Vocabulary`], packed into a few bytes each
//! ([`Terms`]), so that 100,000 articles' terms fit in memory and in the
//! cache of the last build. Numbers are given as words are first met, by
//! several threads at once, so they differ from build to build: what comes
//! out (the search index) is always ordered by the words themselves.

use std::sync::RwLock;

use indexmap::IndexSet;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The number of a word in a [`Vocabulary`].
pub type TermId = u32;

/// Every term seen, numbered; shared by the threads that analyse articles.
#[derive(Debug, Default)]
pub struct Vocabulary {
    terms: RwLock<IndexSet<Box<str>, FxBuildHasher>>,
}

impl Vocabulary {
    /// The numbers of `terms`, giving new ones to terms not seen before.
    pub fn intern<'t>(&self, terms: impl IntoIterator<Item = (&'t str, u32)>) -> Vec<(TermId, u32)> {
        let terms: Vec<(&str, u32)> = terms.into_iter().collect();
        let mut ids = Vec::with_capacity(terms.len());
        let mut missing = Vec::new();
        {
            let known = self.terms.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            for (n, &(term, weight)) in terms.iter().enumerate() {
                match known.get_index_of(term) {
                    Some(id) => ids.push((id as TermId, weight)),
                    None => missing.push(n),
                }
            }
        }
        if !missing.is_empty() {
            let mut known = self.terms.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            for n in missing {
                let (term, weight) = terms[n];
                let (id, _) = known.insert_full(term.into());
                ids.push((id as TermId, weight));
            }
        }
        ids
    }

    /// Calls `f` with the term of each number (a read of the whole table).
    pub fn with_terms<R>(&self, f: impl for<'a> FnOnce(&'a dyn Fn(TermId) -> &'a str) -> R) -> R {
        let known = self.terms.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&|id| known.get_index(id as usize).map_or("", |t| t))
    }

    pub fn len(&self) -> usize {
        self.terms.read().map_or(0, |t| t.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A vocabulary of the terms `keep` says are used, and the new number of
    /// every old one (`None` for those dropped): for leaving out the words of
    /// articles that are gone.
    pub fn compacted(&self, keep: &[bool]) -> (Vocabulary, Vec<Option<TermId>>) {
        let known = self.terms.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut kept = IndexSet::with_capacity_and_hasher(known.len(), FxBuildHasher);
        let mapping = known
            .iter()
            .enumerate()
            .map(|(id, term)| {
                keep.get(id).copied().unwrap_or(false).then(|| kept.insert_full(term.clone()).0 as TermId)
            })
            .collect();
        (Vocabulary { terms: RwLock::new(kept) }, mapping)
    }
}

impl Serialize for Vocabulary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let known = self.terms.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        serializer.collect_seq(known.iter())
    }
}

impl<'de> Deserialize<'de> for Vocabulary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Vocabulary, D::Error> {
        let terms: Vec<Box<str>> = Vec::deserialize(deserializer)?;
        let mut set = IndexSet::with_capacity_and_hasher(terms.len(), FxBuildHasher);
        set.extend(terms);
        Ok(Vocabulary { terms: RwLock::new(set) })
    }
}

/// An article's terms with their weights: pairs of varints (the difference
/// from the previous term's number, the weight), in order of term number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms(Box<[u8]>);

impl Terms {
    pub fn pack(mut terms: Vec<(TermId, u32)>) -> Terms {
        terms.sort_unstable();
        let mut bytes = Vec::with_capacity(terms.len() * 3);
        let mut previous = 0;
        for (id, weight) in terms {
            push_varint(&mut bytes, id - previous);
            push_varint(&mut bytes, weight);
            previous = id;
        }
        Terms(bytes.into_boxed_slice())
    }

    /// The terms' numbers and weights, in order of number.
    pub fn iter(&self) -> impl Iterator<Item = (TermId, u32)> + '_ {
        let mut bytes = self.0.iter().copied();
        let mut previous = 0;
        std::iter::from_fn(move || {
            let delta = read_varint(&mut bytes)?;
            let weight = read_varint(&mut bytes)?;
            previous += delta;
            Some((previous, weight))
        })
    }

    /// The same terms numbered by `mapping` (see [`Vocabulary::compacted`]).
    pub fn renumbered(&self, mapping: &[Option<TermId>]) -> Terms {
        Terms::pack(
            self.iter().filter_map(|(id, w)| mapping.get(id as usize).copied().flatten().map(|n| (n, w))).collect(),
        )
    }
}

fn push_varint(bytes: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

fn read_varint(bytes: &mut impl Iterator<Item = u8>) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = bytes.next()?;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_pack_and_unpack() {
        let terms = vec![(300, 1), (5, 3), (70_000, 2), (6, 1)];
        let packed = Terms::pack(terms);
        assert_eq!(packed.iter().collect::<Vec<_>>(), [(5, 3), (6, 1), (300, 1), (70_000, 2)]);
        assert!(packed.0.len() < 16, "{} bytes", packed.0.len());
        assert_eq!(Terms::default().iter().count(), 0);
    }

    #[test]
    fn interning_numbers_each_term_once() {
        let vocabulary = Vocabulary::default();
        let first = vocabulary.intern([("موسكو", 1), ("بوتين", 2)]);
        let second = vocabulary.intern([("بوتين", 1), ("دمشق", 1)]);
        assert_eq!(first[1].0, second[0].0);
        assert_eq!(vocabulary.len(), 3);
        vocabulary.with_terms(|term| assert_eq!(term(second[1].0), "دمشق"));
        let (compact, mapping) = vocabulary.compacted(&[false, true, true]);
        assert_eq!(compact.len(), 2);
        assert_eq!(mapping[0], None);
        let renumbered = Terms::pack(second).renumbered(&mapping);
        compact.with_terms(|term| {
            let words: Vec<&str> = renumbered.iter().map(|(id, _)| term(id)).collect();
            assert_eq!(words, ["بوتين", "دمشق"]);
        });
    }
}
