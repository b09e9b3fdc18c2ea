//! Sentences of running text (UAX #29 sentence boundaries), found once per
//! text and only as far as asked: the excerpt of an entity is the sentence
//! that names it. As for words ([`super::tokens`]), text made only of the
//! characters of Arabic and English news takes a fast path that gives what
//! UAX #29 gives (a property test holds it to `unicode-segmentation`);
//! any other text is left to the full algorithm.

use std::ops::Range;

use unicode_segmentation::{USentenceBoundIndices, UnicodeSegmentation};

/// The sentences of a text.
pub struct Sentences<'t> {
    /// The full algorithm, for a text the fast path does not take.
    rest: Option<USentenceBoundIndices<'t>>,
    found: Vec<Range<usize>>,
}

impl<'t> Sentences<'t> {
    pub fn of(text: &'t str) -> Sentences<'t> {
        match simple_sentences(text) {
            Some(found) => Sentences { rest: None, found },
            None => Sentences { rest: Some(text.split_sentence_bound_indices()), found: Vec::new() },
        }
    }

    /// The sentence that byte `at` is in.
    pub fn around(&mut self, at: usize) -> Option<Range<usize>> {
        while self.found.last().is_none_or(|sentence| sentence.end <= at) {
            let (start, sentence) = self.rest.as_mut()?.next()?;
            self.found.push(start..start + sentence.len());
        }
        let n = self.found.partition_point(|sentence| sentence.end <= at);
        Some(self.found[n].clone())
    }
}

/// The Sentence_Break property of UAX #29 for the characters of the fast
/// path (Format joined to Extend: both are skipped the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Any,
}

/// The class of `c`, or `None` for a character the fast path leaves to the
/// full algorithm (paragraph separators among them).
// Called for every character of every article: inlined into the loops.
#[inline(always)]
fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' => Class::Lower,
        'A'..='Z' => Class::Upper,
        '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{066B}' | '\u{066C}' | '\u{06F0}'..='\u{06F9}' => Class::Numeric,
        '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => Class::OLetter,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}'..='\u{200F}' => Class::Extend,
        ' ' | '\t' | '\u{00A0}' => Class::Sp,
        '.' => Class::ATerm,
        '!' | '?' | '\u{061F}' | '\u{06D4}' => Class::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{00AB}' | '\u{00BB}' | '\u{2018}'..='\u{201F}' => {
            Class::Close
        }
        ',' | '-' | ':' | ';' | '\u{060C}' | '\u{2013}' | '\u{2014}' => Class::SContinue,
        '#' | '$' | '%' | '&' | '*' | '+' | '/' | '<' | '=' | '>' | '@' | '\\' | '^' | '_' | '`' | '|' | '~'
        | '\u{061B}' | '\u{066A}' | '\u{2026}' => Class::Any,
        _ => return None,
    })
}

fn is_terminator(class: Class) -> bool {
    matches!(class, Class::ATerm | Class::STerm)
}

/// A terminator (SB11: `SATerm Close* Sp*`) the text goes on after.
#[derive(Clone, Copy)]
struct After {
    /// A full stop, which may end an abbreviation or a number (SB6–SB8).
    aterm: bool,
    /// The class of the character before it.
    before: Option<Class>,
    /// Nothing has followed it yet.
    next_to: bool,
    /// A space has followed it.
    spaced: bool,
}

/// The sentences of `text` when all its characters have a [`class`]: the
/// rules SB5 to SB11 of UAX #29 (no paragraph separator can occur).
fn simple_sentences(text: &str) -> Option<Vec<Range<usize>>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut previous: Option<Class> = None;
    let mut after: Option<After> = None;
    for (at, c) in text.char_indices() {
        let class = match class(c)? {
            // Marks belong to the character before them (SB5), except at the start.
            Class::Extend if previous.is_some() => continue,
            Class::Extend => Class::Any,
            found => found,
        };
        if let Some(term) = after {
            let keeps = (term.aterm && term.next_to && class == Class::Numeric) // SB6
                || (term.aterm
                    && term.next_to
                    && class == Class::Upper
                    && matches!(term.before, Some(Class::Upper | Class::Lower))) // SB7
                || matches!(class, Class::SContinue | Class::ATerm | Class::STerm) // SB8a
                || (!term.spaced && class == Class::Close) // SB9
                || class == Class::Sp // SB9, SB10
                || (term.aterm && lower_follows(&text[at..])); // SB8
            if !keeps {
                // SB11
                sentences.push(start..at);
                start = at;
            }
            after = match class {
                Class::Close if !term.spaced => Some(After { next_to: false, ..term }),
                Class::Sp => Some(After { next_to: false, spaced: true, ..term }),
                _ => None,
            };
        }
        if is_terminator(class) {
            after = Some(After { aterm: class == Class::ATerm, before: previous, next_to: true, spaced: false });
        }
        previous = Some(class);
    }
    if start < text.len() {
        sentences.push(start..text.len());
    }
    Some(sentences)
}

/// Whether a lower-case letter comes before any other letter or terminator
/// (SB8: `etc. and` goes on); a character the fast path does not know ends
/// the search (the text then leaves the fast path anyway).
fn lower_follows(text: &str) -> bool {
    text.chars()
        .map(class)
        .find(|class| {
            class.is_none_or(|class| {
                matches!(class, Class::OLetter | Class::Upper | Class::Lower) || is_terminator(class)
            })
        })
        .flatten()
        == Some(Class::Lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uax29(text: &str) -> Vec<Range<usize>> {
        text.split_sentence_bound_indices().map(|(start, s)| start..start + s.len()).collect()
    }

    proptest::proptest! {
        /// The fast path finds the sentences UAX #29 finds, wherever it answers.
        #[test]
        fn simple_sentences_agree_with_uax29(
            text in "[ابتموسكوـًٌّٰ\u{0671}\u{06C1}0-9٠-٩٫٬۰a-zA-Z \t\u{00A0}.!?؟۔\"'()\\[\\]{}«»‘’“”,:;،–—#%_؛٪…\u{200C}\u{200F}\n\u{2024}é-]{0,30}"
        ) {
            if let Some(fast) = simple_sentences(&text) {
                proptest::prop_assert_eq!(fast, uax29(&text));
            }
        }

        /// The same around terminators, where the rules differ.
        #[test]
        fn terminators_agree_with_uax29(text in "[بaA1٣ .?؟)»,،ًـ%]{0,16}") {
            let fast = simple_sentences(&text).expect("every character is known");
            proptest::prop_assert_eq!(fast, uax29(&text));
        }
    }

    /// Every character the fast path knows, in the places where classes
    /// decide: its class is the one UAX #29 gives it.
    #[test]
    fn each_known_character_agrees_with_uax29() {
        let contexts = [
            "{}",
            "ب. {}ب",
            "ب.{}",
            "ب.{}a",
            "a.{}A",
            "ب؟{} ب",
            "ب. ){}a",
            "{}. ب",
            "ب{}. ب",
            "ا. {}. ب",
            "ب.{}1",
            "a. {} a",
            "ب{}1",
            "a{}A",
            "ب{} a",
        ];
        for c in ('\0'..='\u{FFFF}').filter(|&c| class(c).is_some()) {
            for context in contexts {
                let text = context.replace("{}", &c.to_string());
                assert_eq!(simple_sentences(&text), Some(uax29(&text)), "{c:?} in {text:?}");
            }
        }
    }

    #[test]
    fn news_sentences() {
        let table = [
            "وصل الوفد صباحًا. وقال بوتين: «نعم». ثم غادر.",
            "هل زار الأسد موسكو؟ نعم، زارها أمس.",
            "ارتفع النفط 3.5 في المئة. U.S. officials said so. etc. and more",
            "قال «انتهى.» ثم (سكت.) وبعدها…",
            "",
        ];
        for text in table {
            assert_eq!(simple_sentences(text), Some(uax29(text)), "{text}");
        }
        // A line break or a letter the fast path does not know: the full algorithm.
        assert!(simple_sentences("سطر\nسطر").is_none());
        assert!(simple_sentences("Café.").is_none());
    }

    #[test]
    fn sentences_are_found_once_in_any_order() {
        for text in ["الأولى هنا. الثانية هنا؟ الثالثة", "الأولى هنا. الثانية هنا؟ الثالثة\n"]
        {
            let mut sentences = Sentences::of(text);
            let at = |word: &str| text.find(word).expect("in the text");
            let sentence = |range: Option<Range<usize>>| range.map(|r| text[r].trim_end().to_owned());
            assert_eq!(sentence(sentences.around(at("الثانية"))).as_deref(), Some("الثانية هنا؟"));
            assert_eq!(sentence(sentences.around(at("الأولى"))).as_deref(), Some("الأولى هنا."));
            assert_eq!(sentence(sentences.around(at("الثالثة"))).as_deref(), Some("الثالثة"));
            assert_eq!(sentences.around(text.len()), None);
        }
    }
}
