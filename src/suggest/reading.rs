//! Reading a name from the word where evidence starts it, for
//! [`super::candidates`]: its words up to where it surely ends
//! ([`Finder::material`]), a name in quotes or in parentheses, whether a word
//! may be a name at all, and taking the name as a find ([`Finder::take`]).

use super::candidates::{Finder, NameWord, Reason, Text};
use super::outlets::acronym;
use super::shapes::{
    ends_name, has_article_proclitic, is_conjoined, is_cue_or_role, is_future_verb, is_inflected, is_nisba,
    is_noun_and_adjective, is_prepositional_common_word, is_prepositional_masdar, looks_like_adverb, looks_like_verb,
};
use super::words::{class, is_particle};
use crate::arabic::normalize::letter_count;
use crate::arabic::stopwords::is_function_word;
use crate::entities::Kind;

/// Whether word `i` stands without the complement a cue or a role takes:
/// the phrase breaks after it or a function word follows (رودولف سعادة،
/// ولد محمد الأمين حول), where محافظة إربد has one.
fn lacks_complement(t: &Text, i: usize) -> bool {
    i + 1 >= t.len() || !t.joined(i + 1) || is_function_word(t.key(i + 1))
}

/// A pronoun (هو، هي) right after a word of a name and closing the phrase
/// is a syllable of a foreign name (المخرج الكوري بونغ جون هو،): Arabic does
/// not close a clause on a subject pronoun after a noun (كما هو has a
/// particle before it, which no name runs through).
fn is_closing_pronoun(t: &Text, i: usize) -> bool {
    matches!(t.key(i), "هو" | "هي") && t.joined(i) && (i + 1 == t.len() || !t.joined(i + 1))
}

impl Finder {
    /// The words of a name from word `from`: up to `max`, through particles,
    /// ending before a stop, a break in the phrase, a conjunction, a cue or a
    /// role, and (`nisba_ends`) before a nisba adjective after the first word
    /// (قناة الجزيرة القطرية).
    pub(super) fn material(&self, t: &Text, from: usize, max: usize, nisba_ends: bool, person: bool) -> Vec<NameWord> {
        let mut words: Vec<NameWord> = Vec::new();
        // The particles of a lineage do not count: محمد بن عبدالرحمن بن جاسم
        // آل ثاني has four names of its own.
        let mut named = 0;
        for i in from..t.len().min(from + 2 * max) {
            let key = t.key(i);
            let class = class(key);
            if !is_particle(key) {
                if named == max {
                    break;
                }
                named += 1;
            }
            let first = i == from;
            // محمد ولد الشيخ الغزواني، أحمد بن الشيخ: after a particle of
            // lineage a title is a forebear's name.
            let after_particle = !first && is_particle(t.key(i - 1));
            // After the first word: a break in the phrase, a nisba that ends
            // the name, a verb in the future or a verbal noun after ل or ب.
            let ends_here =
                !t.joined(i) || nisba_ends && is_nisba(key) || is_future_verb(key) || is_prepositional_masdar(key);
            // الدكتور عزمي محافظة إنه: a cue or a role without its
            // complement, after a person's first word, is the family name.
            let family_cue = person && !first && is_cue_or_role(key) && lacks_complement(t, i);
            let usable = (family_cue || !ends_name(t.written(i), class))
                && letter_count(key) >= 2
                && !is_inflected(t.written(i), key, person)
                && !key.chars().any(|c| c.is_ascii_digit())
                && !has_article_proclitic(key)
                && (after_particle || family_cue || !is_cue_or_role(key))
                && !(first && is_conjoined(key, class))
                && !looks_like_verb(key, class)
                && (first || !ends_here);
            if !usable {
                if !first && is_closing_pronoun(t, i) {
                    words.push(t.name_word(i));
                }
                break;
            }
            words.push(t.name_word(i));
        }
        // A name does not end on a particle (محمد بن).
        while words.last().is_some_and(|w| is_particle(&w.key)) {
            words.pop();
        }
        words
    }

    /// Words in parentheses right after word `end - 1` (`(واع)`), also after
    /// a dash (`موسكو - (رويترز)`), and the index after them.
    /// The words between quotes that open right before word `from` (up to
    /// five, in one phrase): `«اليوم السابع»`.
    pub(super) fn quoted(&self, t: &Text, from: usize) -> Option<Vec<NameWord>> {
        const OPENING: [char; 3] = ['«', '“', '"'];
        const CLOSING: [char; 3] = ['»', '”', '"'];
        if from >= t.len() || !t.gap(from).trim_end().ends_with(OPENING) {
            return None;
        }
        let mut end = from + 1;
        while end < t.len() && end < from + 5 && t.joined(end) {
            end += 1;
        }
        let closed = t.gap(end).trim_start().starts_with(CLOSING);
        let words: Vec<NameWord> = (from..end).map(|i| t.name_word(i)).collect();
        // Inside quotes even ordinary words are the name (اليوم السابع),
        // words of time too when more follow; particles and pronouns are not.
        let named = words.first().is_some_and(|w| {
            let time = words.len() >= 2 && ["اليوم", "الان"].contains(&&*w.key);
            (time || !crate::arabic::stopwords::is_function_word(&w.key)) && letter_count(&w.key) >= 2
        });
        (closed && named).then_some(words)
    }

    /// Whether one word, taken alone, may be (the start of) a name.
    pub(super) fn is_name_word(&self, word: &NameWord) -> bool {
        let class = class(&word.key);
        !ends_name(&word.written, class)
            && letter_count(&word.key) >= 2
            && !is_inflected(&word.written, &word.key, false)
            && !word.key.chars().any(|c| c.is_ascii_digit())
            && !has_article_proclitic(&word.key)
            && !is_cue_or_role(&word.key)
            && !looks_like_verb(&word.key, class)
    }

    pub(super) fn parenthesised(&self, t: &Text, end: usize) -> Option<(Vec<NameWord>, usize)> {
        let gap = t.gap(end).trim();
        let opening = gap == "(" || gap.strip_prefix(['-', '–', '—']).is_some_and(|rest| rest.trim() == "(");
        if end >= t.len() || !opening {
            return None;
        }
        let mut words = vec![t.name_word(end)];
        let mut i = end + 1;
        while i < t.len() && words.len() < 4 && t.joined(i) {
            words.push(t.name_word(i));
            i += 1;
        }
        t.gap(i).trim_start().starts_with(')').then_some((words, i))
    }

    /// Takes the name that starts at word `from`, if one does; returns how
    /// many words it has found (the archive may settle on fewer).
    pub(super) fn take(
        &mut self,
        reason: Reason,
        t: &Text,
        from: usize,
        max: usize,
        nisba_ends: bool,
        started: &mut [bool],
    ) -> Option<usize> {
        if from >= t.len() || started[from] {
            return None;
        }
        if let Some(words) = self.quoted(t, from) {
            // لـ«الأطلس اليوم»: what the quotes hold is the name, as it is.
            started[from] = true;
            let n = words.len();
            self.push(reason, words, n, None);
            return Some(n);
        }
        let first = t.key(from);
        // لمواجهة تفشي، العاصمة لإجراء عمليات: a verbal noun after ل or ب
        // begins no name.
        let person = reason.kind() == Some(Kind::Person);
        // التقى بعدد من الأهالي: after a verb, ب or ل before an ordinary word
        // begins no person's name. After a title the letter may be the
        // name's own (البابا لاون، الوزير بندر).
        if looks_like_verb(first, class(first))
            || is_prepositional_masdar(first)
            || person && looks_like_adverb(first)
            || reason == Reason::Speech && is_prepositional_common_word(first)
        {
            return None;
        }
        // لبي بي سي: the outlet spoken to (acronym_after_for), not a name that starts with ل.
        if t.key(from).strip_prefix('ل').is_some_and(|rest| acronym(t, from, rest).is_some()) {
            return None;
        }
        // منطقة البحر الأبيض المتوسط: a known place of several words is whole.
        if let Some(n) = self.known_place_from(t, from, started) {
            return Some(n);
        }
        if let Some(words) = acronym(t, from, t.key(from)) {
            started[from] = true;
            let n = words.len();
            self.push(reason, words, n, None);
            return Some(n);
        }
        let mut words = self.material(t, from, max, nisba_ends, reason.kind() == Some(Kind::Person));
        // Names do not overlap: one runs up to where another was found to
        // start (لوكالة الأونروا فيليب لازاريني, after المفوض العام).
        if let Some(next) = (from + 1..from + words.len()).find(|&i| started[i]) {
            words.truncate(next - from);
        }
        if words.is_empty() || is_noun_and_adjective(&words, reason.kind() == Some(Kind::Person)) {
            return None;
        }
        started[from] = true;
        let end = from + words.len();
        if reason.kind() == Some(Kind::Person) {
            self.person_names.push((from..end, reason));
        }
        let abbreviation = match reason.kind() {
            Some(Kind::Person) => self.nickname(t, end),
            _ => self.parenthesised(t, end).map(|(w, _)| w),
        };
        // بونغ جون هو: the closing syllable is the name's, however short others are.
        let min_words = if words.last().is_some_and(|w| matches!(&*w.key, "هو" | "هي")) { words.len() } else { 1 };
        let pushed = self.out_len();
        self.push(reason, words, min_words, abbreviation);
        if reason.kind() == Some(Kind::Person) && end < t.len() && t.joined(end) && is_cue_or_role(t.key(end)) {
            self.set_cue_after(pushed, t.name_word(end));
        }
        Some(end - from)
    }
}
