//! The search terms of an article (ARABIC.md §7): every word of its title and
//! of the text a reader sees, by its matching key and by its forms with a
//! proclitic chain removed (the same forms mention finding tries), function
//! words left out, each with a weight. Link targets, raw HTML and hidden
//! elements are not text, so they are never terms.

use rustc_hash::FxHashMap;

use super::body::Body;
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::{Words, proclitic_variants};
use crate::content::markdown::Place;

/// A title's words count this many times a word of the text.
pub const TITLE_WEIGHT: u32 = 3;
/// Terms shorter than this are not indexed (and not looked up).
pub const MIN_TERM: usize = 2;

/// The terms of a title and a body with their weights, sorted by term; and
/// how many words the body shows.
pub fn terms(title: &str, body: &Body) -> (Vec<(Box<str>, u32)>, u32) {
    let mut weights: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut words = Words::default();
    let mut variants = Vec::new();
    let mut buf = String::new();
    let mut add = |text: &str, weight: u32, words: &mut Words| -> u32 {
        words.fill(text);
        for (_, word_key) in words.iter() {
            if word_key.chars().count() < MIN_TERM || is_function_word(word_key) {
                continue;
            }
            *weights.entry(word_key.into()).or_default() += weight;
            variants.clear();
            proclitic_variants(word_key, &mut variants);
            for variant in &variants {
                let form = variant.write(word_key, &mut buf);
                if !is_function_word(form) {
                    *weights.entry(form.into()).or_default() += weight;
                }
            }
        }
        words.len() as u32
    };
    add(title, TITLE_WEIGHT, &mut words);
    let mut shown = 0;
    for (run, text) in body.runs() {
        if !matches!(run.place, Place::Hidden | Place::Image) {
            shown += add(text, 1, &mut words);
        }
    }
    let mut terms: Vec<(Box<str>, u32)> = weights.into_iter().collect();
    terms.sort_unstable();
    (terms, shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term_list(title: &str, markdown: &str) -> Vec<String> {
        terms(title, &Body::read(markdown)).0.into_iter().map(|(t, _)| t.into_string()).collect()
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
        let weight = found.iter().find(|(t, _)| &**t == "موسكو").map(|(_, w)| *w);
        assert_eq!(weight, Some(TITLE_WEIGHT + 1));
        assert_eq!(words, 2);
    }
}
