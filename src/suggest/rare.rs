//! Words that ordinary Arabic text does not use: a word of the archive that
//! no list of Arabic words has (nor has after proclitics) is, when it comes
//! back in other articles, most often the name of a small place or of a
//! foreigner that news writes with no cue before it (قرب أسكاون, عبر ممر
//! خنجراب, أن تستعيد شفيونتيك زمام المبادرة). The list is wordfreq's
//! Arabic words (scripts/make-common-words.py); the evidence is a hint, so a
//! name is proposed on it only from two articles on
//! ([`super::rank`]).

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::{
    Finder, MAX_NAME_WORDS, NameWord, Occurrence, Reason, Text, strip_written_proclitics, word_hash,
};
use super::places::place_nouns_before;
use super::shapes::{ends_name, is_conjoined, is_definite};
use super::words::{WordKeys, class, class_after_conjunction};
use crate::arabic::normalize::letter_count;
use crate::arabic::tokens::proclitic_variants;

/// The most words a run of rare words is taken for one name.
const MOST_WORDS: usize = 3;

/// The words of ordinary Arabic text, as matching keys.
fn common_words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| include_str!("common_words.txt").lines().filter(|line| !line.starts_with('#')).collect())
}

/// Whether a definite word key is one of the most frequent of ordinary text
/// (الحكومة، العالم، الحدود; `frequent_definite_words.txt`).
pub fn is_frequent_definite_word(word_key: &str) -> bool {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("frequent_definite_words.txt").lines().filter(|line| !line.starts_with('#')).collect()
        })
        .contains(word_key)
}

/// Pronouns joined to the end of a noun or a verb (كنائسها، زواره).
const PRONOUN_SUFFIXES: [&str; 8] = ["ها", "هما", "هم", "هن", "كما", "كم", "نا", "ه"];

/// Whether a word key is a word of ordinary Arabic text, alone, after
/// proclitics (والسوق is و + السوق: the list holds each word once, without
/// them), or before a pronoun (كنائسها is كنائس + ها, مدينتها is مدينة + ها).
pub fn is_common_word(word_key: &str) -> bool {
    // An archive uses the same words over and over: each thread remembers
    // the answers, as the proclitic and suffix forms take a dozen lookups.
    thread_local! {
        static ANSWERS: RefCell<FxHashMap<u64, bool>> = RefCell::new(FxHashMap::default());
    }
    let hash = word_hash(word_key);
    if let Some(answer) = ANSWERS.with(|answers| answers.borrow().get(&hash).copied()) {
        return answer;
    }
    let answer = looks_up_common_word(word_key);
    ANSWERS.with(|answers| answers.borrow_mut().insert(hash, answer));
    answer
}

fn looks_up_common_word(word_key: &str) -> bool {
    let listed = |key: &str| {
        let words = common_words();
        if words.contains(key) {
            return true;
        }
        let mut variants = Vec::new();
        proclitic_variants(key, &mut variants);
        let mut buf = String::new();
        variants.into_iter().any(|v| words.contains(v.write(key, &mut buf)))
    };
    listed(word_key)
        || PRONOUN_SUFFIXES.iter().any(|suffix| {
            word_key.strip_suffix(suffix).filter(|stem| letter_count(stem) >= 3).is_some_and(|stem| {
                listed(stem) || stem.strip_suffix('ت').is_some_and(|noun| listed(&format!("{noun}ه")))
            })
        })
}

/// A sound masculine plural of a noun ordinary text uses (ويرى مختصون،
/// يقول مزارعون، أكد اقتصاديون): the word's stem and its form in ين are
/// ordinary words too, which a name in ون (ماكرون، جونسون) does not have.
pub fn is_plural_of_people(word_key: &str) -> bool {
    word_key
        .strip_suffix("ون")
        .filter(|stem| letter_count(stem) >= 3)
        .is_some_and(|stem| is_common_word(stem) && is_common_word(&format!("{stem}ين")))
}

/// Whether a word key is rare enough to be a name: Arabic letters only, three
/// at least, in no list of ordinary words or of the tool's own cue and
/// function words, nor the dual or plural of a noun of place (معتمديات), and
/// without the article: a rare word with it is most often a learned noun or
/// adjective (التراكوما، المختلسة، القوارص), and the places named with it
/// that other cues miss are few.
pub(super) fn is_rare(word_key: &str) -> bool {
    letter_count(word_key) >= 3
        && !is_definite(word_key)
        && word_key.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && class(word_key) == Default::default()
        && !is_common_word(word_key)
        && place_nouns_before(word_key).is_none()
}

/// Whether a definite word key, after a preposition of place, is rare
/// enough to be a name: neither it nor the word without the article is
/// ordinary text (في العفرون، قرب الديمان), where a learned noun with the
/// article (التراكوما) seldom follows في or قرب.
pub(super) fn is_rare_after_locative(word_key: &str) -> bool {
    word_key.strip_prefix("ال").is_some_and(|stem| {
        is_definite(word_key) && is_rare(stem) && !is_common_word(word_key) && !is_frequent_definite_word(word_key)
    })
}

/// Nouns and particles that head names of places and people of the region
/// before a word of their own (عين جنا، رأس روزا، تل مرديخ، بئر زيت، سيدي
/// بوزيد، منزل بوزلفة، نجع الشيخ، ود بانقا، بن مهيدي، أبو زنيمة): with a
/// rare word after them, they are the name's first word.
#[rustfmt::skip]
static NAME_HEADS: WordKeys = WordKeys::new(&[
    "عين", "رأس", "تل", "بئر", "سيدي", "منزل", "نجع", "نزلة", "كفر", "دير", "ود", "ولد", "بن", "أبو", "بني", "أولاد",
    "تين", "حاسي", "وادي", "جبل",
]);

pub(super) fn is_name_head(word_key: &str) -> bool {
    NAME_HEADS.contains(word_key)
}

impl Finder {
    /// Whether word `i` is inside a name another rule found (روتو in
    /// الرئيس الكيني وليام روتو, حسين in محمد شياع السوداني): the words back
    /// to that name's start are all name words. A word after و begins one,
    /// and so does a word after one that begins with the conjunction
    /// (طريبيل in باتجاه الرطبة ومنفذ طريبيل).
    fn continues_name(&self, t: &Text, i: usize, started: &[bool]) -> bool {
        if t.key(i).starts_with('و') {
            return false;
        }
        let mut k = i;
        while k > 0 && t.joined(k) && i - k < MAX_NAME_WORDS {
            k -= 1;
            if started[k] {
                return true;
            }
            let key = t.key(k);
            if !self.is_name_word(&t.name_word(k)) || is_conjoined(key, class(key)) {
                return false;
            }
        }
        false
    }

    /// Takes each run of rare words that no other evidence took (up to
    /// [`MOST_WORDS`], as foreign names have two or three: يوشيتو ياهاغي),
    /// with a common given name (محمد جودلاوي; بسام أمين has none) or a
    /// head of names ([`NAME_HEADS`]: ود بانقا) just before it; and a rare
    /// word with the article right after a preposition of place.
    pub(super) fn rare_words(&mut self, t: &Text, started: &mut [bool]) {
        let after_locative = |i: usize| i > 0 && t.joined(i) && class_after_conjunction(t.key(i - 1)).locative;
        let rare: Vec<bool> = (0..t.len())
            .map(|i| {
                !started[i]
                    && (is_rare(t.key(i)) || after_locative(i) && is_rare_after_locative(t.key(i)))
                    && self.is_name_word(&t.name_word(i))
                    && !self.continues_name(t, i, started)
            })
            .collect();
        let mut i = 0;
        while i < t.len() {
            if !rare[i] {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            // تيشي وأوقاس: a word after و begins the next name.
            while end < t.len() && end - i < MOST_WORDS && t.joined(end) && rare[end] && !t.key(end).starts_with('و') {
                end += 1;
            }
            let before = (i > 0 && !started[i - 1] && t.joined(i)).then(|| t.key(i - 1));
            let given = before.is_some_and(|key| class(key).given_name && !ends_name(t.written(i - 1), class(key)));
            // وود بانقا: the head after و (of two letters, which proclitic
            // stripping leaves alone).
            let head = before.and_then(|key| {
                [key, key.strip_prefix('و').unwrap_or(key)].into_iter().find(|k| is_name_head(k)).map(str::to_owned)
            });
            let from = if given || head.is_some() { i - 1 } else { i };
            // غوبيكلي تبه: the words after the rare ones may be the name's too,
            // as far as the archive agrees ([`super::extent`]); not after a
            // word with the article (من التراكوما كمشكلة صحة).
            let mut last = end;
            while !is_definite(t.key(i))
                && last < t.len()
                && last - from < MOST_WORDS
                && t.joined(last)
                && !started[last]
                && !t.key(last).starts_with('و')
                && self.is_name_word(&t.name_word(last))
                && !is_definite(t.key(last))
            {
                last += 1;
            }
            let mut words: Vec<NameWord> = (from..last).map(|k| t.name_word(k)).collect();
            if let (Some(bare), Some(first)) = (head, words.first_mut()) {
                first.written = strip_written_proclitics(&first.written, &first.key, &bare).into();
                first.key = bare.into();
            }
            started[from..end].iter_mut().for_each(|s| *s = true);
            self.push(Reason::Rare, words, end - from, None);
            i = end;
        }
    }
}

/// A rare word after و or ف (ومكرام، وأرفود) is the conjunction and a name:
/// in the held-out corpora a rare name starts with the letter itself about
/// once for thirty times it follows the conjunction. It is the name's own
/// letter when the word follows a given name elsewhere in the archive
/// (ويتكوف in المبعوث الأمريكي ستيف ويتكوف) and the archive never writes it
/// without the letter. ف, a rarer conjunction before a name and the first
/// letter of many (فيلدونغ), is dropped only where the archive writes the
/// word without it.
pub fn drop_conjunctions(occurrences: &mut [Occurrence], vocabulary: &FxHashSet<u64>) {
    let family_names: FxHashSet<u64> = occurrences
        .iter()
        .flat_map(|o| o.words.windows(2))
        .filter(|pair| class(&pair[0].key).given_name)
        .map(|pair| word_hash(&pair[1].key))
        .collect();
    for occurrence in occurrences.iter_mut().filter(|o| o.reason == Reason::Rare) {
        let Some(first) = occurrence.words.first_mut() else { continue };
        let bare = first.key.strip_prefix(['و', 'ف']).filter(|rest| {
            letter_count(rest) >= 3
                && !class(&first.key).given_name
                && (vocabulary.contains(&word_hash(rest))
                    || first.key.starts_with('و') && !family_names.contains(&word_hash(&first.key)))
        });
        if let Some(rest) = bare {
            let written = strip_written_proclitics(&first.written, &first.key, rest);
            *first = NameWord { key: rest.into(), written: written.into() };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;

    #[test]
    fn the_list_holds_matching_keys() {
        for word in common_words().iter().take(5000) {
            assert_eq!(key(word), *word, "{word} is not written as matching reads it");
        }
    }

    #[test]
    fn ordinary_words_with_and_without_proclitics_are_common() {
        for word in
            ["السوق", "والسوق", "للسوق", "وبالسوق", "سيارة", "بسيارته", "الاجتماع", "مدرسة", "كبيرة", "فريق", "بطولة"]
        {
            assert!(is_common_word(&key(word)), "{word}");
        }
    }

    #[test]
    fn names_of_small_places_and_foreigners_are_rare() {
        for word in ["أسكاون", "خنجراب", "شفيونتيك", "ياهاغي", "بوزلفة", "وأسكاون"]
        {
            assert!(is_rare(&key(word)), "{word}");
        }
        for word in ["السوق", "قال", "في", "Reuters", "2025", "التراكوما", "كنائسها", "مدينتها", "معتمديات"]
        {
            assert!(!is_rare(&key(word)), "{word}");
        }
    }
}
