//! The matching key (docs/arabic.md §1): one normalization used by mention finding,
//! search and sorting, so that the same word always meets itself.
//!
//! Display never uses the key; pages show the text as written.

use unicode_normalization::UnicodeNormalization;

/// Returns the matching key of `text`.
///
/// Steps, in order (docs/arabic.md §1): NFKC; drop invisible controls; drop tatweel;
/// drop tashkeel and Quranic marks; fold alef forms to bare alef; alef maksura to
/// yeh; teh marbuta to heh; Persian yeh and keheh to Arabic; Eastern digits to
/// ASCII; Unicode lower-case. Steps 3–7 are Lucene's `ArabicNormalizer` (Larkey,
/// Ballesteros and Connell, SIGIR 2002). Hamza on waw and yeh and standalone hamza
/// are kept: folding them merges unrelated words.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_key(text, &mut out);
    out
}

/// Appends the matching key of `text` to `out` (no allocation on the fast path).
pub fn push_key(text: &str, out: &mut String) {
    // NFKC leaves most characters of news text alone, and it is the
    // expensive step: it is skipped until a character needs it.
    let start = out.len();
    // What the key keeps as it is written is copied in runs, not a
    // character at a time.
    let mut kept = 0;
    for (at, c) in text.char_indices() {
        if !is_nfkc_stable(c) {
            out.truncate(start);
            return push_key_nfkc(text, out);
        }
        let folded = fold(c);
        if folded != Some(c) {
            out.push_str(&text[kept..at]);
            out.extend(folded);
            kept = at + c.len_utf8();
        }
    }
    out.push_str(&text[kept..]);
}

/// The general path: NFKC first, then the folds. Dropping a mark can leave
/// two combining marks side by side out of canonical order (U+0740 tatweel
/// U+0742), which NFKC would reorder: the folds are repeated until the key
/// is in NFKC, so that a key's key is itself.
fn push_key_nfkc(text: &str, out: &mut String) {
    let mut key = fold_all(text.nfkc());
    while !unicode_normalization::is_nfkc(&key) {
        key = fold_all(key.nfkc());
    }
    out.push_str(&key);
}

fn fold_all(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        match fold(c) {
            // Lower-casing can yield several characters (İ → i̇).
            Some(folded) if folded.is_uppercase() => out.extend(folded.to_lowercase()),
            Some(folded) => out.push(folded),
            None => {}
        }
    }
    out
}

/// Characters on which NFKC is the identity *and* which take part in no
/// composition with their neighbours: ASCII, the basic Arabic letters, digits,
/// punctuation and the harakat U+064B–U+0652. The combining madda and hamza
/// (U+0653–U+0655) compose with alef, waw and yeh, so they take the slow path.
// Called for every character of every article: inlined into the loops.
#[inline(always)]
fn is_nfkc_stable(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{7F}' | '\u{060C}'..='\u{0652}' | '\u{0660}'..='\u{066D}')
}

/// Steps 2–10 on one character: `None` drops it.
// Called for every character of every article: inlined into the loops.
#[inline(always)]
fn fold(c: char) -> Option<char> {
    Some(match c {
        // 2. invisible controls: ZWNJ, ZWJ, LRM, RLM, embeddings and overrides,
        //    isolates, ALM, BOM, soft hyphen
        '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}' => return None,
        // 3. tatweel
        '\u{0640}' => return None,
        // 4. tashkeel and Quranic marks
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => {
            return None;
        }
        // 5. alef forms
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        // 6. alef maksura
        'ى' => 'ي',
        // 7. teh marbuta
        'ة' => 'ه',
        // 8. Persian yeh and keheh
        'ی' => 'ي',
        'ک' => 'ك',
        // 9. Arabic-Indic and Eastern Arabic-Indic digits
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        // 10. ASCII lower-case here; other scripts' capitals in `push_key`
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// Whether a character has no key of its own (a mark, tatweel, a control):
/// it belongs to the letter before it.
pub fn is_dropped(c: char) -> bool {
    fold(c).is_none()
}

/// Counts the letters of a key (what the "at least 3 letters" rules measure).
pub fn letter_count(key: &str) -> usize {
    key.chars().filter(|&c| is_letter(c)).count()
}

/// Whether a key has at least `n` letters ([`letter_count`] without
/// counting past `n`: this runs for every word that starts like a proclitic).
pub fn has_letters(key: &str, n: usize) -> bool {
    n == 0 || key.chars().filter(|&c| is_letter(c)).nth(n - 1).is_some()
}

// Called for every character of every article: inlined into the loops.
#[inline(always)]
fn is_letter(c: char) -> bool {
    // Arabic letters first: `is_alphabetic` is a table search for them.
    matches!(c, '\u{0621}'..='\u{064A}') || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/arabic.md §1, with examples from the seeds.
    #[test]
    fn key_table() {
        let table = [
            ("بُوتِيـــن", "بوتين"),              // tashkeel and tatweel
            ("أردوغان", "اردوغان"),             // alef with hamza above
            ("إردوغان", "اردوغان"),             // alef with hamza below
            ("آمنة", "امنه"),                   // alef madda, teh marbuta
            ("ٱلله", "الله"),                   // alef wasla
            ("الرئاسة", "الرئاسه"),             // hamza on yeh kept
            ("مسؤول", "مسؤول"),                 // hamza on waw kept
            ("على", "علي"),                     // alef maksura
            ("٢٠٢٤", "2024"),                   // Arabic-Indic digits
            ("۱۹۹۰", "1990"),                   // Eastern Arabic-Indic digits
            ("ﻣﻮﺳﻜﻮ", "موسكو"),                 // presentation forms (PDF text)
            ("کتاب", "كتاب"),                   // keheh
            ("فارسی", "فارسي"),                 // Farsi yeh
            ("\u{200F}بوتين\u{200C}", "بوتين"), // RLM, ZWNJ
            ("Weekend Warriors", "weekend warriors"),
            ("EGF", "egf"),
            ("ا\u{0654}سد", "اسد"), // decomposed hamza composes, then folds
        ];
        for (input, expected) in table {
            assert_eq!(key(input), expected, "key({input:?})");
        }
    }

    proptest::proptest! {
        /// The fast path gives what the general path gives.
        #[test]
        fn fast_path_agrees_with_nfkc(text in "[\\u{0000}-\\u{007F}\\u{060C}-\\u{0652}\\u{0660}-\\u{066D}]{0,30}") {
            let mut general = String::new();
            push_key_nfkc(&text, &mut general);
            proptest::prop_assert_eq!(key(&text), general);
        }
    }

    #[test]
    fn letter_count_ignores_digits_and_spaces() {
        assert_eq!(letter_count("ابن"), 3);
        assert_eq!(letter_count("a1 b"), 2);
        for (key, n) in [("ابن", 3), ("a1 b", 2), ("", 0), ("١٢٣", 0)] {
            assert!(has_letters(key, n) && !has_letters(key, n + 1), "{key}");
        }
    }
}
