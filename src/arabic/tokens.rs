//! Words and proclitics (docs/arabic.md §2.1, §2.2): splitting running text into words with
//! their keys, and the forms a word takes with a proclitic chain removed.
//! An underscore separates words: hashtags join the words of a name with it
//! (`#عبدالفتاح_البرهان`), and UAX #29 alone would keep them one word.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::normalize::{has_letters, push_key};

/// A word of a text: where it stands and where its key is in [`Words::keys`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    key_start: u32,
    key_end: u32,
}

/// The words of one text (UAX #29 word boundaries), or of several texts one
/// after another ([`Words::append`]), with their keys in one buffer so that
/// splitting a long article costs two allocations, not one per word.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Words {
    keys: String,
    words: Vec<Word>,
}

/// Consecutive words of a [`Words`], with their keys: the words of one text,
/// or of a part of one.
#[derive(Debug, Clone, Copy)]
pub struct WordSlice<'w> {
    words: &'w [Word],
    keys: &'w str,
}

impl Words {
    pub fn of(text: &str) -> Self {
        let mut words = Words::default();
        words.fill(text);
        words
    }

    /// Empty, with room for the words of about `bytes` bytes of text: their
    /// keys take about as many bytes as the words, and an Arabic word with
    /// the space after it about ten.
    pub fn with_capacity(bytes: usize) -> Self {
        Words { keys: String::with_capacity(bytes), words: Vec::with_capacity(bytes / 8) }
    }

    /// Replaces the contents with the words of `text`, reusing the buffers.
    pub fn fill(&mut self, text: &str) {
        self.keys.clear();
        self.words.clear();
        self.append(text, 0);
    }

    /// Adds the words of `text` after those already held, their offsets
    /// moved by `offset` (where `text` stands in a longer one). Returns
    /// whether `text` was split by its characters alone (most news text is):
    /// then a part of it cut at two places that [`separates_words`] has as
    /// its words exactly the words of `text` inside it. UAX #29 may look past
    /// such a place, so a text it splits gives no such promise.
    pub fn append(&mut self, text: &str, offset: usize) -> bool {
        let (keys, words) = (self.keys.len(), self.words.len());
        if simple_words(text, |start, end| self.push(text, start, end, offset)) {
            return true;
        }
        self.keys.truncate(keys);
        self.words.truncate(words);
        for (start, segment) in text.split_word_bound_indices().filter(|(_, w)| is_word(w)) {
            for (at, word) in hashtag_words(segment) {
                self.push(text, start + at, start + at + word.len(), offset);
            }
        }
        false
    }

    fn push(&mut self, text: &str, start: usize, end: usize, offset: usize) {
        let key_start = self.keys.len();
        push_key(&text[start..end], &mut self.keys);
        if self.keys.len() == key_start {
            // Only marks or controls: not a word once normalized.
            return;
        }
        self.words.push(Word {
            start: start + offset,
            end: end + offset,
            key_start: key_start as u32,
            key_end: self.keys.len() as u32,
        });
    }

    /// Every word held.
    pub fn all(&self) -> WordSlice<'_> {
        self.slice(0..self.words.len())
    }

    /// Words `range` (positions, as [`Words::len`] counts them).
    pub fn slice(&self, range: std::ops::Range<usize>) -> WordSlice<'_> {
        WordSlice { words: &self.words[range], keys: &self.keys }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Word> {
        self.words.get(index)
    }

    pub fn key(&self, word: &Word) -> &str {
        self.all().key(word)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Word, &str)> {
        self.all().iter()
    }
}

impl<'w> WordSlice<'w> {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&'w Word> {
        self.words.get(index)
    }

    pub fn key(&self, word: &Word) -> &'w str {
        &self.keys[word.key_start as usize..word.key_end as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'w Word, &'w str)> + use<'w> {
        let words = *self;
        self.words.iter().map(move |w| (w, words.key(w)))
    }

    /// How many of the words start before byte `at`.
    pub fn starting_before(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }
}

/// How a character takes part in words, for [`simple_words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    /// Starts or continues a word: Arabic and ASCII letters, digits, tatweel.
    Word,
    /// Continues a word but never starts one (UAX #29 Extend and Format):
    /// tashkeel, ZWNJ, ZWJ, direction marks.
    Continue,
    /// Between words: spaces and punctuation that UAX #29 never joins across.
    Separator,
    /// Punctuation that UAX #29 may keep inside a word (U.S., 2,5, it’s).
    Mid,
    /// Anything else: let the full algorithm decide.
    Other,
}

// Called for every character of every article: inlined into the loops.
#[inline(always)]
fn class(c: char) -> CharClass {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => CharClass::Word,
        '\u{0621}'..='\u{063A}'
        | '\u{0640}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06F0}'..='\u{06F9}' => CharClass::Word,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}'..='\u{200F}' => CharClass::Continue,
        '\'' | '.' | ':' | ',' | ';' | '\u{060C}' | '\u{066B}' | '\u{066C}' | '\u{2019}' | '\u{2024}' | '\u{00B7}' => {
            CharClass::Mid
        }
        ' ' | '\t' | '\n' | '\r' | '\u{00A0}' | '_' | '!' | '"' | '#' | '$' | '%' | '&' | '(' | ')' | '*' | '+'
        | '-' | '/' | '<' | '=' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~'
        | '\u{061B}' | '\u{061F}' | '\u{066A}' | '\u{06D4}' | '\u{00AB}' | '\u{00BB}' | '\u{2018}' | '\u{201C}'
        | '\u{201D}' | '\u{2013}' | '\u{2014}' | '\u{2026}' => CharClass::Separator,
        _ => CharClass::Other,
    }
}

/// Splits text made only of common Arabic and ASCII characters into words, as
/// UAX #29 would, calling `word(start, end)` for each; returns false (having
/// possibly called `word`) when the text needs the full algorithm. Most news
/// text takes this path, which is several times faster than the general one.
fn simple_words(text: &str, mut word: impl FnMut(usize, usize)) -> bool {
    let mut start: Option<usize> = None;
    // A Mid character right after a word: it joins if a word character follows.
    let mut mid_after_word = false;
    for (i, c) in text.char_indices() {
        let class = class(c);
        if mid_after_word && matches!(class, CharClass::Word | CharClass::Continue) {
            return false;
        }
        mid_after_word = class == CharClass::Mid && start.is_some();
        match class {
            CharClass::Word if start.is_none() => start = Some(i),
            CharClass::Word | CharClass::Continue => {}
            CharClass::Separator | CharClass::Mid => {
                if let Some(s) = start.take() {
                    word(s, i);
                }
            }
            CharClass::Other => return false,
        }
    }
    if let Some(s) = start {
        word(s, text.len());
    }
    true
}

/// Whether byte `at` of `text` is outside any word or at a word's edge, as
/// the characters alone tell (see [`Words::append`]): the characters on its
/// two sides are not both ones that make words.
pub fn separates_words(text: &str, at: usize) -> bool {
    let wordish = |c: Option<char>| c.is_some_and(|c| matches!(class(c), CharClass::Word | CharClass::Continue));
    !(wordish(text[..at].chars().next_back()) && wordish(text[at..].chars().next()))
}

/// Whether a UAX #29 segment is a word: it has a letter or digit. (Unlike
/// `unicode_word_indices`, a segment of marks alone is not a word: tashkeel
/// is alphabetic in Unicode, but a stray mark after a space names nothing.)
fn is_word(segment: &str) -> bool {
    segment.chars().any(|c| match class(c) {
        CharClass::Word => true,
        CharClass::Other => c.is_alphanumeric() && !is_combining_mark(c),
        _ => false,
    })
}

/// The words of a UAX #29 word segment split at underscores (docs/arabic.md §2.7,
/// hashtags: `عبدالفتاح_البرهان` is two words), with their byte offsets.
fn hashtag_words(segment: &str) -> impl Iterator<Item = (usize, &str)> {
    segment
        .split('_')
        .scan(0, |offset, piece| {
            let start = *offset;
            *offset += piece.len() + 1;
            // A mark or control right after an underscore belongs to no word.
            let lead = piece.len() - piece.trim_start_matches(|c| class(c) == CharClass::Continue).len();
            Some((start + lead, &piece[lead..]))
        })
        .filter(|(_, piece)| is_word(piece))
}

/// Combining marks of the scripts news text mixes with Arabic.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether the text between two words lets them form one multi-word name:
/// spaces only (a comma or a full stop between them ends the name), or the
/// underscores of a hashtag (`#عبدالفتاح_البرهان` names عبدالفتاح البرهان).
pub fn joins_name(between: &str) -> bool {
    !between.is_empty()
        && between.chars().all(|c| c.is_whitespace() || matches!(c, '_' | '\u{0640}' | '\u{200C}'..='\u{200F}'))
}

/// The byte offset in `word` (as written) after its first letter and the
/// marks on it: where a name starts once a leading و or ف is left out.
pub fn after_first_letter(word: &str) -> usize {
    let mut buf = String::new();
    let mut chars = word.char_indices().skip(1);
    chars
        .find(|&(_, c)| {
            // Marks, tatweel and controls have an empty key: they stay with the letter.
            buf.clear();
            push_key(c.encode_utf8(&mut [0; 4]), &mut buf);
            !buf.is_empty()
        })
        .map_or(word.len(), |(i, _)| i)
}

/// A word key with a proclitic chain removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stripped {
    /// `key[n..]`: و/ف and/or ب/ل/ك removed.
    Rest(usize),
    /// `"ال" + key[n..]`: the spelling rule ل + ال = لل (للأسد → الأسد).
    ArticleAnd(usize),
}

const WAW_FA: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];
const ARTICLE: &str = "ال";
const LAM_LAM: &str = "لل";

impl Stripped {
    /// Whether the stripped form has at least `n` letters.
    pub fn has_letters(self, key: &str, n: usize) -> bool {
        match self {
            Stripped::Rest(rest) => has_letters(&key[rest..], n),
            Stripped::ArticleAnd(rest) => has_letters(&key[rest..], n.saturating_sub(2)),
        }
    }

    /// Writes the stripped form into `buf` and returns it.
    pub fn write<'b>(self, key: &str, buf: &'b mut String) -> &'b str {
        buf.clear();
        match self {
            Stripped::Rest(n) => buf.push_str(&key[n..]),
            Stripped::ArticleAnd(n) => {
                buf.push_str(ARTICLE);
                buf.push_str(&key[n..]);
            }
        }
        buf
    }

    /// The stripped form: a part of `key`, without copying it, except for
    /// the form that puts back ال.
    pub fn form(self, key: &str) -> Cow<'_, str> {
        match self {
            Stripped::Rest(n) => Cow::Borrowed(&key[n..]),
            Stripped::ArticleAnd(_) => {
                let mut form = String::new();
                self.write(key, &mut form);
                Cow::Owned(form)
            }
        }
    }
}

/// Writes into `variants` the forms of `key` with a proclitic chain `[و|ف]? [ب|ل|ك]?` removed, or لل read
/// as ل + ال, in the order of docs/arabic.md §2.2 (fewest letters removed first); the
/// word itself is not included. A form is returned only when it keeps at least 3
/// letters, so that no short name ever matches inside a longer word.
pub fn proclitic_variants(key: &str, variants: &mut Vec<Stripped>) {
    proclitic_variants_keeping(key, 3, variants);
}

/// [`proclitic_variants`] keeping `letters` letters at least: the first word
/// of a name of several words may be shorter (وذي قار), as the words after it
/// must follow (docs/arabic.md §2.2).
pub fn proclitic_variants_keeping(key: &str, letters: usize, variants: &mut Vec<Stripped>) {
    let bases: &[usize] = if key.starts_with(WAW_FA) { &[0, 'و'.len_utf8()] } else { &[0] };
    for &base in bases {
        if base > 0 {
            variants.push(Stripped::Rest(base));
        }
        let rest = &key[base..];
        if rest.starts_with(LAM_LAM) {
            variants.push(Stripped::ArticleAnd(base + LAM_LAM.len()));
        }
        if rest.starts_with(PREPOSITIONS) {
            variants.push(Stripped::Rest(base + 'ب'.len_utf8()));
        }
    }
    variants.retain(|v| v.has_letters(key, letters));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;

    fn stripped_forms(word: &str) -> Vec<String> {
        let k = key(word);
        let mut buf = String::new();
        let mut variants = Vec::new();
        proclitic_variants(&k, &mut variants);
        let written: Vec<String> = variants.iter().map(|v| v.write(&k, &mut buf).to_owned()).collect();
        let forms: Vec<String> = variants.iter().map(|v| v.form(&k).into_owned()).collect();
        assert_eq!(written, forms, "{word}");
        written
    }

    /// docs/arabic.md §2.2: the proclitic chain, with words from the seeds.
    #[test]
    fn proclitic_table() {
        let table: [(&str, &[&str]); 12] = [
            // Every chain is tried; only equality with a name decides.
            ("وبوتين", &["بوتين", "وتين"]),
            ("لبوتين", &["بوتين"]),
            ("بموسكو", &["موسكو"]),
            ("وموسكو", &["موسكو"]),
            ("لموسكو", &["موسكو"]),
            ("والأسد", &["الاسد"]),
            ("للأسد", &["الاسد", "لاسد"]),
            ("وسوريا", &["سوريا"]),
            ("لسوريا", &["سوريا"]),
            ("وبالقاهرة", &["بالقاهره", "القاهره"]),
            ("فللأسد", &["للاسد", "الاسد", "لاسد"]),
            // Too short to strip: at least three letters must stay.
            ("بها", &[]),
        ];
        for (word, expected) in table {
            assert_eq!(stripped_forms(word), expected, "variants of {word}");
        }
    }

    #[test]
    fn words_keep_marks_and_tatweel_inside() {
        let text = "قال بُوتِيـــن، في «موسكو»: 2024";
        let words = Words::of(text);
        let found: Vec<(&str, &str)> = words.iter().map(|(w, k)| (&text[w.start..w.end], k)).collect();
        assert_eq!(found, [("قال", "قال"), ("بُوتِيـــن", "بوتين"), ("في", "في"), ("موسكو", "موسكو"), ("2024", "2024")]);
    }

    proptest::proptest! {
        /// The fast path finds the words UAX #29 finds, wherever it answers.
        #[test]
        fn simple_words_agree_with_uax29(text in "[ابتموسكوﻻأإآةىءؤئـًٌٍَُِّْ0-9٠-٩a-zA-Z _#\t\n\u{00A0}\u{200C}\u{200D}\u{200F}.,:;'’،؛؟!?()«»“”\"-]{0,40}") {
            let mut fast = Vec::new();
            if simple_words(&text, |s, e| fast.push((s, e))) {
                let uax: Vec<(usize, usize)> = text
                    .split_word_bound_indices()
                    .filter(|(_, w)| is_word(w))
                    .flat_map(|(s, w)| hashtag_words(w).map(move |(o, piece)| (s + o, s + o + piece.len())))
                    .collect();
                proptest::prop_assert_eq!(fast, uax);
            }
        }
    }

    proptest::proptest! {
        /// A part of a text split by its characters alone, cut where no word
        /// goes across, has as its words the text's words inside it.
        #[test]
        fn parts_of_a_local_text_keep_its_words(
            text in "[ابتموسكوأةىـًُ0-9a-z _#\n.,:«»،؟\u{200C}-]{0,40}",
            cuts in proptest::collection::vec(0usize..41, 2),
        ) {
            let mut words = Words::default();
            let local = words.append(&text, 0);
            let (a, b) = (cuts[0].min(cuts[1]).min(text.len()), cuts[0].max(cuts[1]).min(text.len()));
            if local && text.is_char_boundary(a) && text.is_char_boundary(b)
                && separates_words(&text, a) && separates_words(&text, b)
            {
                let all = words.all();
                let inside: Vec<(usize, usize, &str)> = all
                    .iter()
                    .skip(all.starting_before(a))
                    .take(all.starting_before(b) - all.starting_before(a))
                    .map(|(w, k)| (w.start, w.end, k))
                    .collect();
                let mut part = Words::default();
                part.append(&text[a..b], a);
                let alone: Vec<(usize, usize, &str)> = part.iter().map(|(w, k)| (w.start, w.end, k)).collect();
                proptest::prop_assert_eq!(inside, alone);
            }
        }
    }

    #[test]
    fn the_fast_path_is_taken_for_news_text() {
        let text = "وقال بُوتِين، في «موسكو»: إن 2024 عام مهم؟ نعم!";
        assert!(simple_words(text, |_, _| {}));
        assert!(!simple_words("U.S. policy", |_, _| {}));
        assert!(!simple_words("2,5 مليون", |_, _| {}));
    }

    /// docs/arabic.md §2.7 (hashtags): underscores separate words, on both paths.
    #[test]
    fn hashtags_split_on_underscores() {
        for text in ["#عبدالفتاح_البرهان", "#عبدالفتاح_البرهان U.S."] {
            let words = Words::of(text);
            let keys: Vec<&str> = words.iter().map(|(_, k)| k).take(2).collect();
            assert_eq!(keys, ["عبدالفتاح", "البرهان"], "{text}");
        }
    }

    #[test]
    fn after_the_first_letter_and_its_marks() {
        assert_eq!(after_first_letter("وبلجيكا"), "و".len());
        assert_eq!(after_first_letter("وَبلجيكا"), "وَ".len());
        assert_eq!(after_first_letter("فـبلجيكا"), "فـ".len());
        assert_eq!(after_first_letter("و"), "و".len());
    }

    #[test]
    fn only_spaces_join_a_name() {
        assert!(joins_name("_"));
        assert!(joins_name(" "));
        assert!(joins_name("\u{00A0}"));
        assert!(!joins_name("، "));
        assert!(!joins_name(""));
        assert!(!joins_name("-"));
    }
}
