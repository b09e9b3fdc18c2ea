//! Evidence of outlets, for [`super::candidates`]: a noun of outlet before a
//! name (وكالة رويترز، صحيفة «النهار»; وكالة الأنباء السعودية and الوكالة
//! الوطنية للإعلام keep their noun),
//! `لـ` before a name, "according to" (وفقا لفرانس برس، بحسب رويترز), the
//! outlet a statement was made to (في تصريح لهسبريس), and acronyms spelled
//! out in Arabic letters (قال لبي بي سي).

use super::candidates::{Finder, NameWord, Reason, Text, strip_written_proclitics, without_proclitics};
use super::known_places::is_known_place;
use super::people::is_nationality;
use super::shapes::{
    is_conjoined, is_cue_or_role, is_definite, is_definite_plural, is_inflected, is_masdar_shape, is_nisba,
};
use super::words::{WordKeys, class, is_ordinal};
use crate::arabic::cues::{SOURCE_NOUNS, exact_cue_kind};
use crate::arabic::normalize::letter_count;
use crate::entities::Kind;

/// Common nouns after وكالة or قناة that make the outlet's name descriptive:
/// وكالة الأنباء السعودية and وكالة الإعلام الروسية are the names, not
/// الأنباء السعودية.
/// The last word of agencies named for what they do: وكالة السودان للأنباء.
const DESCRIPTIVE_TAILS: [&str; 3] = ["للانباء", "للاعلام", "للصحافه"];

const DESCRIPTIVE: [&str; 7] = ["الانباء", "انباء", "الاعلام", "الاذاعه", "التلفزيون", "الصحافه", "الاخبار"];

/// Nouns of outlet that are also used loosely (موقع "site" and "location").
static LOOSE_SOURCE_NOUNS: WordKeys = WordKeys::new(&["موقع", "شبكة", "تلفزيون", "يومية", "أسبوعية"]);

/// Whether a word key is one of [`LOOSE_SOURCE_NOUNS`].
pub fn is_loose_source_noun(word_key: &str) -> bool {
    LOOSE_SOURCE_NOUNS.contains(word_key)
}

/// Labels of a credit line that names the outlets an article comes from
/// (المصدر: الجزيرة + وكالات).
const CREDIT_LABELS: [&str; 4] = ["المصدر", "المصادر", "مصدر", "نقلا"];

/// What credit lines name besides outlets: "agencies", "sites", "papers".
const CREDIT_FILLERS: [&str; 6] = ["وكالات", "مواقع", "صحف", "متابعات", "وسائل", "الوكالات"];

/// The most words of an outlet's name on the line that opens an article.
const MOST_OPENING_WORDS: usize = 4;

/// Names of sections that scraped pages open with (أخبار، عاجل، محليات):
/// such a line repeats over one site's articles and is no outlet. Not عربي
/// or دولي, which end outlets' names too (بي بي سي عربي).
#[rustfmt::skip]
static SECTION_NAMES: WordKeys = WordKeys::new(&[
    "أخبار", "الأخبار", "عاجل", "الرئيسية", "محليات", "سياسة", "اقتصاد", "رياضة", "منوعات", "ثقافة", "تقارير",
    "مقالات", "فيديو", "صور",
]);

/// Whether a paragraph opens with a credit's label and a colon (`المصدر:`).
pub(super) fn is_credit_label(t: &Text) -> bool {
    t.len() > 0
        && t.gap(0).trim().is_empty()
        && CREDIT_LABELS.iter().any(|label| crate::arabic::key(label) == t.key(0))
        && t.gap(1).trim_start().starts_with([':', '：'])
}

/// The names of Latin letters, as Arabic writes an acronym letter by letter
/// (بي بي سي، سي إن إن، إم بي سي). إل is left out: its key is that of آل.
#[rustfmt::skip]
static LETTER_NAMES: WordKeys = WordKeys::new(&[
    "إيه", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "كي", "إم", "إن", "أو", "كيو", "آر",
    "إس", "تي", "يو", "في", "دبليو", "إكس", "واي", "زد",
]);

fn is_letter_name(word_key: &str) -> bool {
    LETTER_NAMES.contains(word_key)
}

/// An acronym spelled out in Arabic letters from word `from`, whose key
/// (perhaps without a proclitic) is `first`: two letter names or more, the
/// first not a particle (في، أو، إن), taken whole although إن and في are
/// particles too. A last إن is the particle after a verb of speech (قال
/// لبي بي سي إن …) unless it doubles one (سي إن إن, but سي إن إن إن is
/// CNN and the particle).
pub(super) fn acronym(t: &Text, from: usize, first: &str) -> Option<Vec<NameWord>> {
    if !is_letter_name(first) || crate::arabic::stopwords::is_function_word(first) {
        return None;
    }
    let mut end = from + 1;
    while end < t.len() && t.joined(end) && is_letter_name(t.key(end)) {
        end += 1;
    }
    let trailing = (from + 1..end).rev().take_while(|&i| t.key(i) == "ان").count();
    if trailing % 2 == 1 {
        end -= 1;
    }
    (end - from >= 2).then(|| {
        let mut words: Vec<NameWord> = (from..end).map(|i| t.name_word(i)).collect();
        if first != t.key(from) {
            words[0] = t.name_word_as(from, first);
        }
        words
    })
}

/// Whether a word key is a noun of outlet with the article (الوكالة،
/// القناة), proclitics allowed (للوكالة); the key without them.
pub(super) fn definite_source_noun(word_key: &str) -> Option<String> {
    static NOUNS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let nouns = NOUNS.get_or_init(|| SOURCE_NOUNS.iter().map(|n| crate::arabic::key(n)).collect());
    if !word_key.contains("ال") || !nouns.iter().any(|n| word_key.ends_with(n.as_str())) {
        return None;
    }
    let is_noun = |k: &str| k.strip_prefix("ال").is_some_and(|rest| exact_cue_kind(rest) == Some(Kind::Source));
    without_proclitics(word_key, is_noun)
}

impl Finder {
    /// The outlets a credit line names from word `from`, each ended by a
    /// separator (`+`, `،`, `/`, `-`, `و`) or the line's end: `المصدر:
    /// الجزيرة + وكالات`, `المصدر: رويترز، فرانس برس`.
    pub(super) fn credit(&mut self, t: &Text, from: usize, started: &mut [bool]) {
        let mut i = from;
        while i < t.len() && !t.gap(i).contains('\n') {
            let fillers = CREDIT_FILLERS.iter().any(|f| crate::arabic::key(f) == t.key(i));
            let words = match acronym(t, i, t.key(i)) {
                _ if fillers => Vec::new(),
                Some(acronym) => acronym,
                None => self.material(t, i, 4, true, false),
            };
            if !words.is_empty() && !started[i] {
                started[i] = true;
                let n = words.len();
                self.push(Reason::Credit, words, n, None);
            }
            i += 1;
            while i < t.len() && t.joined(i) {
                i += 1;
            }
        }
    }

    /// The line that opens an article's body, a paragraph of its own, when
    /// a few words with nothing between them but spaces and perhaps a colon
    /// after (`الحرة:`، وكالة الأنباء الكويتية، سي إن إن الاقتصادية): pasted
    /// articles often open with their outlet's name. A hint only, as scraped
    /// pages also open with a section's or a place's name.
    pub(super) fn opening_line(&mut self, t: &Text) {
        let n = t.len();
        let shaped = (1..=MOST_OPENING_WORDS).contains(&n)
            && t.gap(0).trim().is_empty()
            && matches!(t.gap(n).trim(), "" | ":" | "：")
            && (1..n).all(|i| t.joined(i));
        if !shaped {
            return;
        }
        let words: Vec<NameWord> = (0..n).map(|i| t.name_word(i)).collect();
        let key = words.iter().map(|w| &*w.key).collect::<Vec<_>>().join(" ");
        if is_known_place(&key)
            || words.iter().any(|w| {
                class(&w.key).stop && !is_letter_name(&w.key)
                    || is_cue_or_role(&w.key) && n == 1
                    || SECTION_NAMES.contains(&w.key)
            })
        {
            return;
        }
        self.push(Reason::OpeningLine, words, n, None);
    }

    /// الوكالة الوطنية للإعلام، الوكالة العربية السورية للأنباء: a noun of
    /// outlet with the article, nisba adjectives and the tail that says what
    /// it does make a name. Elsewhere the definite noun refers back to an
    /// outlet named before (وقالت الوكالة), and is no name.
    pub(super) fn definite_outlet(&mut self, t: &Text, i: usize, noun: &str, started: &mut [bool]) {
        let mut end = i + 1;
        while end < t.len() && end < i + 4 && t.joined(end) && !started[end] {
            if DESCRIPTIVE_TAILS.contains(&t.key(end)) {
                let first = t.name_word_as(i, noun);
                let words: Vec<NameWord> =
                    std::iter::once(first).chain((i + 1..=end).map(|e| t.name_word(e))).collect();
                started[i] = true;
                let abbreviation = self.parenthesised(t, end + 1).map(|(w, _)| w);
                let n = words.len();
                self.push(Reason::SourceNoun, words, n, abbreviation);
                return;
            }
            if !is_nisba(t.key(end)) {
                return;
            }
            end += 1;
        }
    }

    /// لبي بي سي، لسي إن إن: an acronym after ل is an outlet spoken to or
    /// quoted (قال لبي بي سي إن …، وفقا لسي إن إن).
    pub(super) fn acronym_after_for(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let Some(rest) = t.key(i).strip_prefix('ل') else { return };
        if let Some(words) = acronym(t, i, rest) {
            started[i] = true;
            let n = words.len();
            self.push(Reason::ForOutlet, words, n, None);
        }
    }

    pub(super) fn after_source_noun(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let key = t.key(i);
        let loose = without_proclitics(key, is_loose_source_noun).is_some();
        let j = i + 1;
        if !t.joined_or_quoted(j) || started.get(j).copied().unwrap_or(true) {
            return;
        }
        // وكالة السودان للأنباء، الوكالة الوطنية للإعلام: the name ends on its tail.
        let tail = (j..t.len().min(j + 3))
            .take_while(|&e| e == j || t.joined(e))
            .find(|&e| DESCRIPTIVE_TAILS.contains(&t.key(e)));
        if DESCRIPTIVE.contains(&t.key(j)) || tail.is_some() {
            // وكالة الأنباء السعودية (واس): the noun belongs to the name.
            let cue =
                without_proclitics(key, |k| exact_cue_kind(k) == Some(Kind::Source)).unwrap_or_else(|| key.to_owned());
            let written = strip_written_proclitics(t.written(i), key, &cue);
            let mut words = vec![NameWord { key: cue.into(), written: written.into() }];
            let end = match tail {
                Some(tail) => {
                    words.extend((j..=tail).map(|e| t.name_word(e)));
                    tail + 1
                }
                None => {
                    // Then what qualifies the noun: nisba adjectives and places
                    // (وكالة الأنباء السعودية، وكالة أنباء الإمارات), or a name
                    // after an indefinite noun (وكالة أنباء الشرق الأوسط).
                    words.push(t.name_word(j));
                    let construct = !is_definite(t.key(j));
                    let mut end = j + 1;
                    while end < t.len() && end < j + 4 && t.joined(end) {
                        let k = t.key(end);
                        let proper = construct && !class(k).stop && !is_inflected(t.written(end), k, false);
                        if !(is_nisba(k) || is_known_place(k) || proper) {
                            break;
                        }
                        words.push(t.name_word(end));
                        end += 1;
                    }
                    end
                }
            };
            if words.len() >= 3 {
                started[j] = true;
                let abbreviation = self.parenthesised(t, end).map(|(w, _)| w);
                let min_words = words.len();
                self.push(Reason::SourceNoun, words, min_words, abbreviation);
            }
            return;
        }
        let first = NameWord { key: t.key(j).into(), written: t.written(j).into() };
        let conjoined = is_conjoined(&first.key, class(&first.key));
        if !loose && conjoined && !t.gap(j).contains('«') && self.is_name_word(&first) {
            // صحيفة واشنطن بوست: after a sure noun of outlet, a word that
            // begins with و is the name's; the conjunction would join another
            // noun of outlet (صحيفة وموقع), which is no name word.
            let rest = &first.key['و'.len_utf8()..];
            if !is_cue_or_role(rest) && !class(rest).stop {
                let more = if t.joined(j + 1) { self.material(t, j + 1, 3, true, false) } else { Vec::new() };
                started[j] = true;
                self.push(Reason::SourceNoun, std::iter::once(first).chain(more).collect(), 1, None);
                return;
            }
        }
        // شبكة الحافلات، موقع التنقيبات: a loose noun before a definite
        // plural is a network or a site of things; so it is before a noun
        // with an adjective that is no nationality (شبكة السكك الحديدية، شبكة
        // المياه العذبة), where an outlet's adjective says its country (شبكة
        // سي إن إن الأمريكية), or an ordinal (شبكة الجيل الخامس).
        let adjective = t.key(j + 1);
        let described = t.joined(j + 1) && (is_nisba(adjective) && !is_nationality(adjective) || is_ordinal(adjective));
        // موقع التنقيب: and before a verbal noun, the site of an activity.
        let activity = first.key.strip_prefix("ال").is_some_and(is_masdar_shape);
        if loose && (is_definite_plural(&first.key) || is_definite(&first.key) && (described || activity)) {
            return;
        }
        let reason = if loose { Reason::LooseSourceNoun } else { Reason::SourceNoun };
        self.take(reason, t, j, 4, true, started);
    }

    /// لـ«الشرق الأوسط»: only a quoted name, since لـ also stands before
    /// ordinary words (لـمسؤولين).
    pub(super) fn after_for(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        if self.quoted(t, i + 1).is_some() {
            self.take(Reason::ForOutlet, t, i + 1, 4, true, started);
        }
    }

    /// وفقا لفرانس برس، بحسب رويترز، نقلا عن سانا.
    pub(super) fn after_according(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let mut j = i + 1;
        if t.key(j) == "عن" && t.joined(j) {
            j += 1;
        }
        if !t.joined_or_quoted(j) || started[j] {
            return;
        }
        let key = t.key(j);
        // وفق مسؤولين، بحسب مصادر: according to no one in particular; بحسب
        // التحقيقات، وفق الإحصاءات: a definite plural is findings, no outlet.
        if class(key).common_subject || is_definite_plural(key) {
            return;
        }
        if let Some(words) = key.strip_prefix('ل').and_then(|rest| acronym(t, j, rest)) {
            // وفقا لسي إن إن.
            started[j] = true;
            let n = words.len();
            self.push(Reason::ForOutlet, words, n, None);
            return;
        }
        if let Some(rest) = key.strip_prefix('ل').filter(|rest| letter_count(rest) >= 3 && !rest.starts_with("ل")) {
            // وفقا لفرانس برس: the name without its ل.
            let mut words = self.material(t, j + 1, 3, true, false);
            if !t.joined(j + 1) {
                words.clear();
            }
            let written = strip_written_proclitics(t.written(j), key, rest);
            let first = NameWord { key: rest.into(), written: written.into() };
            let first_class = class(rest);
            if first_class.stop
                || is_inflected(&first.written, rest, false)
                || is_definite(rest) && class(rest).common_subject
            {
                return;
            }
            words.insert(0, first);
            started[j] = true;
            self.push(Reason::ForOutlet, words, 1, None);
        } else {
            self.take(Reason::ForOutlet, t, j, 4, true, started);
        }
    }

    /// بحسب ما نقلته رويترز، ونقلت سانا عن مصادر: after a feminine verb of
    /// reporting, a name that is no common subject, complement, cue, known
    /// place or definite word (ذكرت الشرطة، نقلت وزارة الصحة).
    pub(super) fn after_reporting(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let j = i + 1;
        if !t.joined(j) || started[j] {
            return;
        }
        let key = t.key(j);
        let word = class(key);
        if word.common_subject || word.complement || is_definite(key) || is_known_place(key) || is_cue_or_role(key) {
            return;
        }
        self.take(Reason::Reported, t, j, 3, true, started);
    }

    /// في تصريح لهسبريس، صرح لبي بي سي: the outlet a statement was made to.
    pub(super) fn outlet_addressed(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        let j = i + 1;
        if !t.joined(j) || started[j] {
            return;
        }
        let key = t.key(j);
        let Some(rest) = key.strip_prefix('ل').filter(|rest| letter_count(rest) >= 3 && !rest.starts_with('ل'))
        else {
            return;
        };
        if let Some(words) = acronym(t, j, rest) {
            // في تصريحات لسي إن إن: the acronym whole, though إن is a particle.
            started[j] = true;
            let n = words.len();
            self.push(Reason::ForOutlet, words, n, None);
            return;
        }
        let written = strip_written_proclitics(t.written(j), key, rest);
        let first = NameWord { key: rest.into(), written: written.into() };
        if !self.is_name_word(&first) || is_definite(rest) {
            return;
        }
        let mut words = vec![first];
        if t.joined(j + 1) {
            words.extend(self.material(t, j + 1, 3, true, false));
        }
        started[j] = true;
        self.push(Reason::ForOutlet, words, 1, None);
    }
}
