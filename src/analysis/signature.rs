//! The signature of an article for finding its story: its most frequent
//! content terms as small hashes (what the grouping compares), and winnowed
//! fingerprints of its runs of content words (what tells a reprinted passage).
//! Both are made in the analysis pass and kept small, since the site holds one
//! per article: about half a kilobyte.
//!
//! Fingerprints follow Schleimer, Wilkerson and Aiken, "Winnowing: Local
//! Algorithms for Document Fingerprinting" (SIGMOD 2003): every run of
//! [`SHINGLE`] content words is hashed, and of each window of [`WINDOW`]
//! consecutive hashes the smallest is kept; two texts that share a passage of
//! at least `SHINGLE + WINDOW - 1` content words then share a fingerprint.

use std::borrow::Cow;
use std::cmp::Reverse;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::arabic::normalize::has_letters;
use crate::arabic::stopwords::is_function_word;
use crate::content::markdown::Place;

/// How many terms a signature keeps.
pub const TERMS: usize = 128;
/// Content words per shingle.
pub const SHINGLE: usize = 5;
/// Shingles per winnowing window.
pub const WINDOW: usize = 8;

/// What the grouping of stories knows of an article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Signature {
    /// The most frequent search terms of at least 3 letters (a title's words
    /// count thrice), as 32-bit hashes sorted, and [`Signature::weights`]
    /// beside them: as pairs they took 8 bytes a term, kept for every
    /// article through the build; apart, 5.
    pub term_hashes: Box<[u32]>,
    /// Each term's weight (at most 255).
    pub weights: Box<[u8]>,
    /// Winnowed fingerprints of its runs of content words, sorted, unique.
    pub marks: Vec<u32>,
    /// How many content words its text has.
    pub content_words: u32,
    /// Hashes of the [`canonical`] form of the words that follow a word for
    /// an administrative place (محافظة حلب، ولاية سطيف، إقليم الحوز): where two
    /// texts name such places and none in common, they are about two places.
    pub named_places: Vec<u32>,
}

impl Signature {
    /// The terms with their weights, sorted by hash.
    pub fn terms(&self) -> impl ExactSizeIterator<Item = (u32, u8)> + '_ {
        self.term_hashes.iter().copied().zip(self.weights.iter().copied())
    }
}

/// A content word of a body: a word of shown text that is not a function word,
/// with where it stands and the hash of its [`canonical`] form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentWord {
    pub block: u32,
    /// Bytes of the block's text.
    pub start: u32,
    pub end: u32,
    pub hash: u32,
}

/// The 32-bit hash of a term, as signatures hold it.
pub fn term_hash(term: &str) -> u32 {
    xxhash_rust::xxh3::xxh3_64(term.as_bytes()) as u32
}

/// The form a word is compared by: its key with a proclitic chain and the
/// article removed (وبالقتلى → قتلى), each only where 3 letters remain. Unlike
/// mention finding, this may cut into a word (وزير → زير); it is only ever
/// compared with the same cut of the same word in another text.
pub fn canonical(key: &str) -> &str {
    let strip = |rest: &str, prefix: &str| -> Option<usize> {
        let after = rest.strip_prefix(prefix)?;
        has_letters(after, 3).then_some(prefix.len())
    };
    let mut rest = key;
    if let Some(n) = ["و", "ف"].iter().find_map(|p| strip(rest, p)) {
        rest = &rest[n..];
    }
    // ل + ال is written لل: both go at once.
    if let Some(n) = strip(rest, "لل") {
        return &rest[n..];
    }
    if let Some(n) = ["ب", "ل", "ك"].iter().find_map(|p| strip(rest, p)) {
        rest = &rest[n..];
    }
    match strip(rest, "ال") {
        Some(n) => &rest[n..],
        None => rest,
    }
}

/// The content words of the text a reader sees (not code, images or hidden
/// elements), in order.
pub fn content_words(body: &Body) -> Vec<ContentWord> {
    let mut found = Vec::new();
    for (run, _, words) in body.runs_with_words() {
        if matches!(run.place, Place::Hidden | Place::Image | Place::Code) {
            continue;
        }
        for (word, word_key) in words.iter() {
            if is_function_word(word_key) || word_key.chars().count() < 2 {
                continue;
            }
            found.push(ContentWord {
                block: run.block,
                start: word.start as u32,
                end: word.end as u32,
                hash: term_hash(canonical(word_key)),
            });
        }
    }
    found
}

/// Words that name a kind of place and are followed by its name, as keys,
/// by administrative level (outlets write ولاية، إقليم or محافظة for one
/// Turkish province; a city may lie in any of them). A word that is also an
/// ordinary word (قضاء "judiciary", ناحية "side") is left out.
const PLACE_WORDS: [(&str, u32); 10] = [
    ("محافظه", 1),
    ("ولايه", 1),
    ("اقليم", 1),
    ("مقاطعه", 1),
    ("مدينه", 2),
    ("بلده", 2),
    ("بلديه", 2),
    ("قريه", 3),
    ("جزيره", 4),
    ("مخيم", 5),
];

/// The level of a place word, if `word_key` is one (بمحافظة: yes; لمحافظة
/// is mostly "to preserve": no).
fn place_level(word_key: &str) -> Option<u32> {
    let bare = word_key.strip_prefix(['و', 'ف']).unwrap_or(word_key);
    let bare = bare.strip_prefix('ب').filter(|rest| rest.chars().count() >= 4).unwrap_or(bare);
    PLACE_WORDS.iter().find(|(word, _)| *word == bare).map(|&(_, level)| level)
}

/// A named place as [`Signature::named_places`] holds it: its level in the
/// top 4 bits, the hash of its name's [`canonical`] form in the rest.
pub fn named_place(level: u32, name_key: &str) -> u32 {
    (level << 28) | (term_hash(canonical(name_key)) & 0x0FFF_FFFF)
}

/// The level of a [`named_place`].
pub fn place_level_of(named: u32) -> u32 {
    named >> 28
}

/// The [`Signature::named_places`] of a body.
pub fn named_places(body: &Body) -> Vec<u32> {
    let mut places = Vec::new();
    for (run, text, words) in body.runs_with_words() {
        if !matches!(run.place, Place::Prose | Place::Link | Place::Heading) {
            continue;
        }
        for ((marker, marker_key), (name, name_key)) in words.iter().zip(words.iter().skip(1)) {
            let adjacent = text[marker.end..name.start].trim().is_empty();
            if let Some(level) = place_level(marker_key)
                && adjacent
                && !is_function_word(name_key)
                && has_letters(name_key, 3)
            {
                places.push(named_place(level, name_key));
            }
        }
    }
    places.sort_unstable();
    places.dedup();
    places
}

/// The hash of each run of [`SHINGLE`] words starting at each position.
pub fn shingles(words: &[ContentWord]) -> Vec<u32> {
    words
        .windows(SHINGLE)
        .map(|run| {
            let mut bytes = [0u8; 4 * SHINGLE];
            for (n, word) in run.iter().enumerate() {
                bytes[4 * n..4 * n + 4].copy_from_slice(&word.hash.to_le_bytes());
            }
            xxhash_rust::xxh3::xxh3_64(&bytes) as u32
        })
        .collect()
}

/// The winnowed fingerprints of a list of shingle hashes, sorted and unique.
pub fn winnow(hashes: &[u32]) -> Vec<u32> {
    let mut marks = Vec::new();
    if hashes.len() <= WINDOW {
        marks.extend(hashes.iter().min());
    } else {
        let mut last: Option<usize> = None;
        for start in 0..=hashes.len() - WINDOW {
            // The rightmost smallest hash of the window.
            let (offset, _) = hashes[start..start + WINDOW]
                .iter()
                .enumerate()
                .rev()
                .min_by_key(|&(_, h)| *h)
                .expect("a window is not empty");
            let at = start + offset;
            if last != Some(at) {
                marks.push(hashes[at]);
                last = Some(at);
            }
        }
    }
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// The signature of an article whose search terms are `terms` and whose body
/// is `body`.
pub fn signature(terms: &[(Cow<str>, u32)], body: &Body) -> Signature {
    let hashed: Vec<(u32, usize)> = terms.iter().map(|(term, _)| (term_hash(term), term.chars().count())).collect();
    // A length is found by hash: two terms with one hash share the length of
    // the one that sorts last.
    let mut length: FxHashMap<u32, (&str, usize)> =
        FxHashMap::with_capacity_and_hasher(terms.len(), Default::default());
    for ((term, _), &(hash, chars)) in terms.iter().zip(&hashed) {
        let known = length.entry(hash).or_insert((term, chars));
        if **term > *known.0 {
            *known = (term, chars);
        }
    }
    // The heaviest first; among equals, the longer word (a name, a place)
    // before a shorter one, then by hash so that the choice is stable.
    let mut ranked: Vec<(Reverse<u32>, Reverse<usize>, u32)> = terms
        .iter()
        .zip(&hashed)
        .filter(|((term, _), _)| has_letters(term, 3) || term.chars().all(|c| c.is_ascii_digit()) && term.len() >= 3)
        .map(|(&(_, weight), &(hash, _))| {
            (Reverse(weight), Reverse(length.get(&hash).map_or(0, |&(_, chars)| chars)), hash)
        })
        .collect();
    // Only which terms are the heaviest matters: they are sorted by hash next.
    if ranked.len() > TERMS {
        ranked.select_nth_unstable(TERMS - 1);
        ranked.truncate(TERMS);
    }
    let mut signature_terms: Vec<(u32, u8)> =
        ranked.into_iter().map(|(Reverse(weight), _, hash)| (hash, weight.min(255) as u8)).collect();
    signature_terms.sort_unstable();
    signature_terms.dedup_by_key(|(hash, _)| *hash);
    let words = content_words(body);
    Signature {
        term_hashes: signature_terms.iter().map(|&(hash, _)| hash).collect(),
        weights: signature_terms.iter().map(|&(_, weight)| weight).collect(),
        marks: winnow(&shingles(&words)),
        content_words: words.len() as u32,
        named_places: named_places(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;

    #[test]
    fn canonical_forms() {
        let table = [
            ("وبالقتلى", "قتلي"),
            ("القتلى", "قتلي"),
            ("قتلى", "قتلي"),
            ("للأسد", "اسد"),
            ("والأسد", "اسد"),
            ("بموسكو", "موسكو"),
            ("لبنان", "بنان"),
            ("موسكو", "موسكو"),
            ("الى", "الي"),
        ];
        for (word, expected) in table {
            assert_eq!(canonical(&key(word)), expected, "{word}");
        }
    }

    fn marks_of(text: &str) -> Vec<u32> {
        let body = Body::read(text);
        winnow(&shingles(&content_words(&body)))
    }

    #[test]
    fn a_shared_passage_shares_fingerprints() {
        let passage = "بالنظر إلى كل الأحداث التي تجري في العالم ككل وفي منطقة أوراسيا اليوم فإن اجتماعنا اليوم يبدو مهما للغاية لمناقشة كل تفاصيل تطور هذه الأحداث ومناقشة الآفاق والسيناريوهات المحتملة";
        let a = marks_of(&format!("قال الرئيس في كلمة افتتاحية بثها التلفزيون: {passage}. وأضاف أن الوضع خطير.\n"));
        let b = marks_of(&format!("ونقلت الوكالة عن الرئيس قوله «{passage}» في ختام زيارته القصيرة إلى العاصمة.\n"));
        let unrelated = marks_of(
            "ضرب زلزال بقوة ست درجات جنوب البلاد صباح اليوم وأدى إلى انهيار عشرات المنازل القديمة في القرى الجبلية البعيدة عن المدن.\n",
        );
        let shared = a.iter().filter(|m| b.binary_search(m).is_ok()).count();
        assert!(shared >= 1, "{a:?} {b:?}");
        assert!(!unrelated.iter().any(|m| a.binary_search(m).is_ok()));
    }

    #[test]
    fn places_named_after_their_kind() {
        let body = Body::read(
            "ضرب زلزال محافظة الحوز وولاية سطيف، وقالت المحافظة التي تضررت إن مدينة مراكش بخير، قضاء وقدرا، حرصا لمحافظة عليها.\n",
        );
        let mut expected = vec![named_place(1, "الحوز"), named_place(1, "سطيف"), named_place(2, "مراكش")];
        expected.sort_unstable();
        assert_eq!(named_places(&body), expected);
        assert_eq!(named_place(1, "ملاطيه"), named_place(1, "بملاطيه"));
    }

    #[test]
    fn winnowing_keeps_one_hash_per_window() {
        let hashes: Vec<u32> = (0..100u32).map(|n| n.wrapping_mul(2_654_435_761).rotate_left(7)).collect();
        let marks = winnow(&hashes);
        assert!(marks.len() >= 100 / WINDOW && marks.len() < 100 / 2, "{}", marks.len());
        assert_eq!(winnow(&[5, 3, 9]), [3]);
        assert!(winnow(&[]).is_empty());
    }

    #[test]
    fn among_equal_weights_the_longest_terms_then_the_smallest_hashes() {
        // 10 terms of 5 letters, 90 of 6 and 100 of 7, all of weight 2.
        let terms: Vec<(Cow<str>, u32)> = (0..200).map(|n| (format!("كلمة{n}").into(), 2)).collect();
        let kept: Vec<u32> = signature(&terms, &Body::read("")).term_hashes.to_vec();
        let hashes_of = |letters: usize| -> Vec<u32> {
            let mut hashes: Vec<u32> =
                terms.iter().filter(|(t, _)| t.chars().count() == letters).map(|(t, _)| term_hash(t)).collect();
            hashes.sort_unstable();
            hashes
        };
        let mut expected = hashes_of(7);
        expected.extend(hashes_of(6).into_iter().take(TERMS - 100));
        expected.sort_unstable();
        assert_eq!(kept, expected);
    }

    #[test]
    fn signatures_keep_the_heaviest_terms() {
        let terms: Vec<(Cow<str>, u32)> =
            (0..300).map(|n| (format!("كلمة{n}").into(), if n == 7 { 50 } else { 1 })).collect();
        let signature = signature(&terms, &Body::read("نص\n"));
        assert_eq!(signature.terms().len(), TERMS);
        assert!(signature.terms().any(|term| term == (term_hash("كلمة7"), 50)));
    }
}
