//! The search terms of an article (docs/arabic.md §7): every word of its title and
//! of the text a reader sees, by its matching key and by its forms with a
//! proclitic chain removed (the same forms mention finding tries), function
//! words left out, each with a weight. Link targets, raw HTML and hidden
//! elements are not text, so they are never terms.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::{Stripped, WordSlice, proclitic_variants};
use crate::content::markdown::Place;

/// A title's words count this many times a word of the text.
pub const TITLE_WEIGHT: u32 = 3;
/// Terms shorter than this are not indexed (and not looked up).
pub const MIN_TERM: usize = 2;

/// The terms of an article, counted text by text; they borrow the keys of
/// the words they count.
#[derive(Default)]
pub struct TermCounter<'t> {
    weights: FxHashMap<Cow<'t, str>, u32>,
    variants: Vec<Stripped>,
}

impl<'t> TermCounter<'t> {
    /// Counts the words of a text with `weight` each; returns how many words it has.
    pub fn add(&mut self, words: WordSlice<'t>, weight: u32) -> u32 {
        for (_, word_key) in words.iter() {
            if word_key.chars().count() < MIN_TERM || is_function_word(word_key) {
                continue;
            }
            *self.weights.entry(Cow::Borrowed(word_key)).or_default() += weight;
            self.variants.clear();
            proclitic_variants(word_key, &mut self.variants);
            for variant in &self.variants {
                let form = variant.form(word_key);
                if !is_function_word(&form) {
                    *self.weights.entry(form).or_default() += weight;
                }
            }
        }
        words.len() as u32
    }

    /// The terms with their weights, in no order.
    pub fn finish(self) -> Vec<(Cow<'t, str>, u32)> {
        self.weights.into_iter().collect()
    }
}

/// Whether the words of a run in `place` are search terms: what a reader
/// sees (not an image's description, nothing hidden).
pub fn is_searchable(place: Place) -> bool {
    !matches!(place, Place::Hidden | Place::Image)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::analysis::body::Body;
    use crate::arabic::tokens::Words;

    /// The terms of a title and a body, and how many words the body shows.
    fn terms(title: &str, body: &Body) -> (Vec<(String, u32)>, u32) {
        let title = Words::of(title);
        let mut counter = TermCounter::default();
        counter.add(title.all(), TITLE_WEIGHT);
        let shown = body
            .runs_with_words()
            .filter(|(run, _, _)| is_searchable(run.place))
            .map(|(_, _, words)| counter.add(words, 1))
            .sum();
        (counter.finish().into_iter().map(|(term, weight)| (term.into_owned(), weight)).collect(), shown)
    }

    fn term_list(title: &str, markdown: &str) -> Vec<String> {
        terms(title, &Body::read(markdown)).0.into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn words_are_found_with_and_without_proclitics() {
        let found = term_list("بوتين", "زار بموسكو.\n");
        for term in ["بوتين", "زار", "بموسكو", "موسكو"] {
            assert!(found.iter().any(|t| t == term), "{term} in {found:?}");
        }
        // Function words are not terms.
        assert!(!term_list("", "في موسكو\n").iter().any(|t| t == "في"));
    }

    #[test]
    fn only_what_a_reader_sees_is_indexed() {
        let markdown = "نص [رابط](javascript:alert) <span style=\"display:none\">ظاهر</span> <script>alert</script>\n\n<div>evil.example</div>\n\n![بديل](a.png)\n";
        let found = term_list("", markdown);
        assert!(found.iter().any(|t| t == "رابط") && found.iter().any(|t| t == "ظاهر"), "{found:?}");
        for hidden in ["javascript", "alert", "display", "none", "span", "style", "evil", "example", "div", "بديل"]
        {
            assert!(!found.iter().any(|t| t == hidden), "{hidden} in {found:?}");
        }
    }

    #[test]
    fn title_words_weigh_more() {
        let (found, words) = terms("موسكو", &Body::read("موسكو اليوم\n"));
        let weight = found.iter().find(|(t, _)| t == "موسكو").map(|(_, w)| *w);
        assert_eq!(weight, Some(TITLE_WEIGHT + 1));
        assert_eq!(words, 2);
    }
}
