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
    text: &'t str,
    /// The fast path, as far as it has read, while it has met only
    /// characters it knows.
    simple: Option<Simple>,
    /// The full algorithm, from the first character the fast path does not know.
    rest: Option<USentenceBoundIndices<'t>>,
    found: Vec<Range<usize>>,
}

impl<'t> Sentences<'t> {
    pub fn of(text: &'t str) -> Sentences<'t> {
        Sentences { text, simple: Some(Simple::default()), rest: None, found: Vec::new() }
    }

    /// The sentence that byte `at` is in.
    pub fn around(&mut self, at: usize) -> Option<Range<usize>> {
        while self.found.last().is_none_or(|sentence| sentence.end <= at) {
            let sentence = self.next_sentence()?;
            self.found.push(sentence);
        }
        let n = self.found.partition_point(|sentence| sentence.end <= at);
        Some(self.found[n].clone())
    }

    fn next_sentence(&mut self) -> Option<Range<usize>> {
        if let Some(simple) = &mut self.simple {
            match simple.next(self.text) {
                Ok(sentence) => return sentence,
                // The text starts again, with the full algorithm.
                Err(Unknown) => {
                    self.simple = None;
                    self.found.clear();
                    self.rest = Some(self.text.split_sentence_bound_indices());
                }
            }
        }
        let (start, sentence) = self.rest.as_mut()?.next()?;
        Some(start..start + sentence.len())
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

/// A character the fast path does not know (a line break among them).
struct Unknown;

/// The fast path: the rules SB5 to SB11 of UAX #29 on text whose characters
/// all have a [`class`] (so no paragraph separator occurs), read a sentence
/// at a time.
#[derive(Default)]
struct Simple {
    /// Where it has read to.
    at: usize,
    /// Where the sentence being read starts.
    start: usize,
    previous: Option<Class>,
    after: Option<After>,
}

impl Simple {
    /// The next sentence of `text` (`None` after the last), or [`Unknown`]
    /// when a character it depends on has no [`class`].
    fn next(&mut self, text: &str) -> Result<Option<Range<usize>>, Unknown> {
        while let Some(c) = text[self.at..].chars().next() {
            let at = self.at;
            self.at += c.len_utf8();
            let class = match class(c).ok_or(Unknown)? {
                // Marks belong to the character before them (SB5), except at the start.
                Class::Extend if self.previous.is_some() => continue,
                Class::Extend => Class::Any,
                found => found,
            };
            let mut ended = None;
            if let Some(term) = self.after {
                let keeps = (term.aterm && term.next_to && class == Class::Numeric) // SB6
                    || (term.aterm
                        && term.next_to
                        && class == Class::Upper
                        && matches!(term.before, Some(Class::Upper | Class::Lower))) // SB7
                    || matches!(class, Class::SContinue | Class::ATerm | Class::STerm) // SB8a
                    || (!term.spaced && class == Class::Close) // SB9
                    || class == Class::Sp // SB9, SB10
                    || (term.aterm && lower_follows(&text[at..])?); // SB8
                if !keeps {
                    // SB11
                    ended = Some(self.start..at);
                    self.start = at;
                }
                self.after = match class {
                    Class::Close if !term.spaced => Some(After { next_to: false, ..term }),
                    Class::Sp => Some(After { next_to: false, spaced: true, ..term }),
                    _ => None,
                };
            }
            if is_terminator(class) {
                self.after =
                    Some(After { aterm: class == Class::ATerm, before: self.previous, next_to: true, spaced: false });
            }
            self.previous = Some(class);
            if ended.is_some() {
                return Ok(ended);
            }
        }
        let last = (self.start < text.len()).then_some(self.start..text.len());
        self.start = text.len();
        Ok(last)
    }
}

/// Whether a lower-case letter comes before any other letter or terminator
/// (SB8: `etc. and` goes on).
fn lower_follows(text: &str) -> Result<bool, Unknown> {
    for c in text.chars() {
        match class(c).ok_or(Unknown)? {
            Class::Lower => return Ok(true),
            Class::OLetter | Class::Upper | Class::ATerm | Class::STerm => return Ok(false),
            _ => {}
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence by the fast path, or `None` where it does not go.
    fn simple_sentences(text: &str) -> Option<Vec<Range<usize>>> {
        let mut simple = Simple::default();
        let mut all = Vec::new();
        while let Some(sentence) = simple.next(text).ok()? {
            all.push(sentence);
        }
        Some(all)
    }

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

        /// Asked in any order, for any place, the sentence is UAX #29's,
        /// whether the fast path reads the whole text, part of it or none.
        #[test]
        fn every_place_is_in_its_uax29_sentence(
            text in "[بaA1 .?)»,ًé\n]{0,16}",
            order in proptest::collection::vec(0usize..17, 0..8),
        ) {
            let expected = uax29(&text);
            let mut sentences = Sentences::of(&text);
            for at in order.into_iter().filter(|&at| text.is_char_boundary(at)) {
                let sentence = expected.iter().find(|s| s.contains(&at)).cloned();
                proptest::prop_assert_eq!(sentences.around(at), sentence);
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

    /// A character the fast path does not know, even after the sentence
    /// asked for, can decide where it ends (SB8 looks ahead): the text is
    /// then read again by the full algorithm.
    #[test]
    fn an_unknown_character_ahead_hands_over_to_uax29() {
        for text in ["نص etc. 1é بعد", "نص etc. (é بعد", "أول. ثان\nثالث. رابع", "U.S. é"] {
            let expected = uax29(text);
            for at in text.char_indices().map(|(at, _)| at) {
                let sentence = expected.iter().find(|s| s.contains(&at)).cloned();
                assert_eq!(Sentences::of(text).around(at), sentence, "{at} in {text:?}");
            }
        }
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
