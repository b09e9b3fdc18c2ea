//! How many words a name has, settled over the whole archive: a find gives
//! the words from where a name starts to where it surely ends (نتنياهو
//! نظيره), and the name is the longest start of them that another find
//! shares (بنيامين نتنياهو, found twice), as long as the longer start is at
//! least half of the finds of the shorter. A name found once keeps what its
//! kind usually has: a person's up to three words, an outlet's all of them,
//! a place's the fewest.

use rustc_hash::FxHashMap;

use super::candidates::{NameWord, Occurrence};
use super::words::is_particle;
use crate::entities::Kind;

/// The most words a person's name found once keeps (given, father's, family).
const LONE_PERSON_WORDS: usize = 3;

fn prefix_key(words: &[NameWord]) -> String {
    let mut key = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(&word.key);
    }
    key
}

/// Cuts the words of every occurrence to its name.
pub fn settle(occurrences: &mut [Occurrence]) {
    let mut shared: FxHashMap<String, u32> = FxHashMap::default();
    for occurrence in occurrences.iter() {
        for end in 1..=occurrence.words.len() {
            *shared.entry(prefix_key(&occurrence.words[..end])).or_default() += 1;
        }
    }
    let count = |words: &[NameWord]| shared.get(&prefix_key(words)).copied().unwrap_or(0);
    for occurrence in occurrences.iter_mut() {
        let words = &occurrence.words;
        let mut end = occurrence.min_words.min(words.len());
        // A longer name must be shared, and be most of what the shorter is
        // followed by: بوتين استضاف, found twice among many بوتين, is not a name.
        while end < words.len() && count(&words[..=end]) >= 2 && 2 * count(&words[..=end]) >= count(&words[..end]) {
            end += 1;
        }
        if count(&words[..end]) < 2 {
            let lone = match occurrence.reason.kind() {
                Some(Kind::Person) => LONE_PERSON_WORDS,
                Some(Kind::Source) => words.len(),
                _ => end,
            };
            end = end.max(lone.min(words.len()));
        }
        // A name does not end on a particle (محمد بن).
        while end > occurrence.min_words && words.get(end - 1).is_some_and(|w| is_particle(&w.key)) {
            end -= 1;
        }
        if end < occurrence.words.len() {
            occurrence.words.truncate(end);
            occurrence.abbreviation = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;
    use crate::suggest::candidates::Reason;

    fn occurrence(reason: Reason, text: &str) -> Occurrence {
        let words = text.split(' ').map(|w| NameWord { key: key(w).into(), written: w.into() }).collect();
        Occurrence { article: 0, reason, words, min_words: 1, abbreviation: None }
    }

    fn names(occurrences: &[Occurrence]) -> Vec<String> {
        occurrences.iter().map(|o| o.words.iter().map(|w| &*w.written).collect::<Vec<_>>().join(" ")).collect()
    }

    #[test]
    fn the_name_is_the_longest_shared_start() {
        let mut found = vec![
            occurrence(Reason::Role, "بنيامين نتنياهو نظيره"),
            occurrence(Reason::Speech, "بنيامين نتنياهو"),
            occurrence(Reason::Title, "جو بايدن"),
            occurrence(Reason::PlaceNoun, "حلب المحاصرة"),
            occurrence(Reason::PlaceNoun, "دير الزور"),
            occurrence(Reason::PlaceNoun, "دير الزور الشرقي"),
            occurrence(Reason::SourceNoun, "واشنطن بوست"),
            occurrence(Reason::GivenName, "محمد بن"),
        ];
        found[7].min_words = 1;
        settle(&mut found);
        assert_eq!(
            names(&found),
            ["بنيامين نتنياهو", "بنيامين نتنياهو", "جو بايدن", "حلب", "دير الزور", "دير الزور", "واشنطن بوست", "محمد"]
        );
    }
}
