//! Nisba adjectives (docs/arabic.md §2.10, an addition): a definite word shaped
//! ال…ية right after a definite feminine noun agrees with it as an adjective
//! (العاصمة السعودية "the Saudi capital", القمة السعودية "the Saudi summit",
//! اللغة العربية "the Arabic language"), so it does not name the country or
//! the channel spelled the same. The rule, as the matcher applies it:
//!
//! 1. the word is exactly ال + at least three letters + ية, no proclitic
//!    (والسعودية after a noun is "and Saudi Arabia");
//! 2. the word before it, joined by spaces only, is definite (ال, also after
//!    و ف ب ك, or لل) and feminine: written with ة, or a sound feminine plural
//!    in ات (non-human plurals take feminine adjectives: السلطات السعودية);
//! 3. going back over further such adjectives (القوات الجوية السعودية), the
//!    noun they qualify is not a word for a state (المملكة، الجمهورية، الدولة،
//!    السلطنة): المملكة العربية السعودية is the country's own name and
//!    المملكة السعودية names the country too, so both still count, and so does
//!    السعودية alone (في السعودية، زار السعودية).
//!
//! The masculine nisba (ال…ي) follows the same rule after any definite noun
//! that is not a title (الجيش السوداني "the Sudanese army" is not محمد شياع
//! السوداني, but الرئيس السيسي is the president). And an indefinite nisba in
//! the accusative, ـيا after a noun in the accusative (جنديا أوكرانيا "a
//! Ukrainian soldier", عسكريا روسيا), is an adjective too, though spelled like
//! the country.
//!
//! Broken plurals (الأراضي السعودية) are not recognised by their shape and
//! still count.

use super::cues::cue_kind;
use super::normalize::{is_dropped, key, letter_count};
use crate::entities::Kind;

const ARTICLE: &str = "ال";
const NISBA_END: &str = "يه"; // the key of ـية

/// Nouns for a state: an adjective after them still names the country.
const STATE_NOUNS: [&str; 5] = ["المملكة", "الجمهورية", "الدولة", "السلطنة", "الإمارة"];

/// A word as the rule sees it: as written (for its ة) and its key.
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    pub text: &'a str,
    pub key: &'a str,
}

/// Rule 1: ال + at least three letters + ية.
pub fn is_definite_nisba(word_key: &str) -> bool {
    word_key
        .strip_prefix(ARTICLE)
        .and_then(|rest| rest.strip_suffix(NISBA_END))
        .is_some_and(|stem| letter_count(stem) >= 3)
}

/// The masculine: ال + at least three letters + ي.
fn is_definite_masculine_nisba(word_key: &str) -> bool {
    word_key.strip_prefix(ARTICLE).and_then(|rest| rest.strip_suffix('ي')).is_some_and(|stem| letter_count(stem) >= 3)
}

/// An indefinite accusative: written with tanween fath, or ending in ـيا
/// (جنديا، عسكريا، مدنيا).
fn is_indefinite_accusative(word: Written) -> bool {
    definite_core(word.key).is_none()
        && (word.text.contains('\u{064B}') || word.key.ends_with("يا") && letter_count(word.key) >= 4)
}

/// The word from its article on, once و ف ب ك are removed (لل read as
/// ل + ال), or `None` when it is not definite.
fn definite_core(word_key: &str) -> Option<String> {
    let rest = word_key.strip_prefix(['و', 'ف']).unwrap_or(word_key);
    let rest = rest.strip_prefix(['ب', 'ك']).unwrap_or(rest);
    if rest.starts_with(ARTICLE) {
        Some(rest.to_owned())
    } else {
        rest.strip_prefix("لل").map(|noun| format!("{ARTICLE}{noun}"))
    }
}

/// Rule 2: definite and feminine.
fn is_definite_feminine(word: Written) -> bool {
    let last_letter = word.text.chars().rev().find(|&c| !is_dropped(c));
    definite_core(word.key).is_some() && (last_letter == Some('ة') || word.key.ends_with("ات"))
}

fn is_state_noun(word_key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| STATE_NOUNS.iter().map(|noun| key(noun)).collect());
    definite_core(word_key).is_some_and(|core| keys.contains(&core))
}

/// Whether `word` is an adjective by the rule above; `before` are the words
/// before it, nearest first, each joined to the next by spaces only.
pub fn is_nisba_adjective<'a>(word_key: &str, before: impl IntoIterator<Item = Written<'a>>) -> bool {
    let mut before = before.into_iter();
    if word_key.ends_with("يا") && letter_count(word_key) >= 4 {
        return before.next().is_some_and(is_indefinite_accusative);
    }
    if is_definite_masculine_nisba(word_key) {
        let Some(mut head) = before.next().filter(|w| definite_core(w.key).is_some()) else {
            return false;
        };
        while is_definite_masculine_nisba(head.key) {
            match before.next().filter(|w| definite_core(w.key).is_some()) {
                Some(noun) => head = noun,
                None => break,
            }
        }
        return cue_kind(head.key) != Some(Kind::Person);
    }
    if !is_definite_nisba(word_key) {
        return false;
    }
    let Some(mut head) = before.next().filter(|w| is_definite_feminine(*w)) else {
        return false;
    };
    while is_definite_nisba(head.key) {
        match before.next().filter(|w| is_definite_feminine(*w)) {
            Some(noun) => head = noun,
            None => break,
        }
    }
    !is_state_noun(head.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/arabic.md §2.10 (nisba adjectives): the last word of each phrase.
    #[test]
    fn nisba_table() {
        let table = [
            ("العاصمة السعودية", true),
            ("القمة السعودية", true),
            ("بالعاصمة السعودية", true),
            ("للقمة السعودية", true),
            ("السلطات السعودية", true),
            ("القوات الجوية السعودية", true),
            ("وزارة الخارجية السعودية", true),
            ("اللغة العربية", true),
            // The country's own name, and the kingdom that names it.
            ("المملكة العربية السعودية", false),
            ("المملكة السعودية", false),
            ("السعودية", false),
            ("في السعودية", false),
            ("الرئيس الفرنسي السعودية", false), // masculine: زار الرئيس الفرنسي السعودية
            ("القمة والسعودية", false),         // a proclitic: "and Saudi Arabia"
            ("قمة السعودية", false),            // indefinite: "the summit of Saudi Arabia"
            ("الأراضي السعودية", false),         // a broken plural: not seen by its shape
            ("العاصمة دمشق", false),
            // The masculine, after any definite noun but a title.
            ("الجيش السوداني", true),
            ("قال السوداني", false),
            ("الرئيس السيسي", false),
            ("الرئيس المصري السيسي", false),
            ("محمد شياع السوداني", false),
            // An indefinite accusative nisba.
            ("جنديا أوكرانيا", true),
            ("عسكريًا روسيا", true),
            ("زار روسيا", false),
            ("دعم سوريا", false),
        ];
        for (phrase, expected) in table {
            let words: Vec<&str> = phrase.split(' ').collect();
            let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
            let (last, _) = keys.split_last().expect("a phrase");
            let before = words.iter().zip(&keys).rev().skip(1).map(|(text, key)| Written { text, key });
            assert_eq!(is_nisba_adjective(last, before), expected, "{phrase}");
        }
    }
}
