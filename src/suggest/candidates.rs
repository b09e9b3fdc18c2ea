//! Finding where a name stands in one article, by the evidence around it
//! (issue: "Entity lists that grow themselves"): a title or a role before it,
//! a verb of speech or of reporting, a common given name, a بن/أبو chain, a noun of place or
//! of outlet, a preposition of place, a dateline, a known place, `لـ` before
//! an outlet, an agency's abbreviation in parentheses, a hashtag, the
//! outlet named in the front matter. Each find is an [`Occurrence`] whose
//! words run from where the name starts to where it surely ends; how many
//! of them the name has is decided over the whole archive (see `extent`).

use pulldown_cmark::{Event, Tag, TagEnd};
use rustc_hash::FxHashSet;

use super::known_places::is_known_place;
use super::outlets::{acronym, definite_source_noun, is_credit_label, is_loose_source_noun};
use super::places::place_nouns_before;
pub use super::reason::Reason;
use super::shapes::{
    ends_name, has_article_proclitic, is_conjoined, is_cue_or_role, is_definite, is_future_verb, is_inflected,
    is_nisba, is_noun_and_adjective, is_prepositional_common_word, is_prepositional_masdar, looks_like_adverb,
    looks_like_verb,
};
use super::words::{class, is_particle};
use crate::arabic::cues::cue_kind;
use crate::arabic::normalize::{is_dropped, letter_count};
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::{Words, joins_name};
use crate::content::ArticleFile;
use crate::content::markdown::{self, Place, PlaceTracker};
use crate::entities::Kind;
use crate::entities::matcher::Scratch;

/// One word of a name: its key and how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameWord {
    pub key: Box<str>,
    pub written: Box<str>,
}

/// A place in one article where a name stands.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub article: u32,
    pub reason: Reason,
    /// From where the name starts to where it surely ends; the name is a
    /// prefix of them of at least `min_words` words.
    pub words: Vec<NameWord>,
    pub min_words: usize,
    /// Words in parentheses right after all of `words`: `(واع)` after وكالة
    /// الأنباء العراقية is its abbreviation; or the name a person is known
    /// by: `حميدتي` after محمد حمدان دقلو المعروف بـ.
    pub abbreviation: Option<Vec<NameWord>>,
    /// The cue or role word that ended a person's name (عزمي before محافظة
    /// نتائج): [`super::extent`] adds it where another find shows it to be
    /// the family name.
    pub cue_after: Option<NameWord>,
}

/// The most words a name runs to before the archive decides.
pub(super) const MAX_NAME_WORDS: usize = 5;
/// The most words of a role's complement (رئيس مجلس السيادة الانتقالي السوداني).
pub(super) const MAX_COMPLEMENT_WORDS: usize = 6;

/// Finds the names in one article.
/// What one article gives: its finds, and the words it has, as hashes of
/// their keys (for [`super::extent`] to tell a word of the language from a
/// name's; hashes, because every word of every article goes in).
pub struct Finds {
    pub occurrences: Vec<Occurrence>,
    pub vocabulary: FxHashSet<u64>,
}

/// The hash under which a word's key is in a vocabulary.
pub(super) fn word_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

pub fn find(article: &ArticleFile, index: u32) -> Finds {
    let mut finder = Finder {
        article: index,
        out: Vec::new(),
        scratch: Scratch::default(),
        person_names: Vec::new(),
        vocabulary: FxHashSet::default(),
    };
    finder.text(&article.article.title, Lead::Inside);
    let mut tracker = PlaceTracker::default();
    let mut lead = Lead::Inside;
    let mut blocks = 0;
    let mut events = markdown::events(&article.body).peekable();
    while let Some(event) = events.next() {
        tracker.step(&event);
        match &event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => {
                blocks += 1;
                lead = if matches!(event, Event::Start(Tag::Paragraph)) { Lead::Paragraph } else { Lead::Inside };
            }
            // **المصدر:** الجزيرة: emphasis keeps the paragraph's start.
            Event::Start(Tag::Strong | Tag::Emphasis) | Event::End(TagEnd::Strong | TagEnd::Emphasis) => {}
            Event::Text(text) if !matches!(tracker.place(), Place::Code | Place::Image) => {
                // The body's first paragraph, whole in one text.
                let opening = blocks == 1
                    && lead == Lead::Paragraph
                    && matches!(events.peek(), Some(Event::End(TagEnd::Paragraph)));
                if opening {
                    let words = Words::of(text);
                    finder.opening_line(&Text { text, words: &words });
                }
                lead = finder.text(text, lead);
            }
            _ => lead = Lead::Inside,
        }
    }
    if let Some(source) = &article.article.source {
        let words = Words::of(&source.value);
        if !source.value.is_ascii() && !words.is_empty() {
            let words: Vec<NameWord> = words
                .iter()
                .map(|(w, k)| NameWord { key: k.into(), written: source.value[w.start..w.end].into() })
                .collect();
            let min_words = words.len();
            finder.out.push(Occurrence {
                article: index,
                reason: Reason::FrontMatter,
                words,
                min_words,
                abbreviation: None,
                cue_after: None,
            });
        }
    }
    Finds { occurrences: finder.out, vocabulary: finder.vocabulary }
}

pub(super) struct Finder {
    article: u32,
    out: Vec<Occurrence>,
    pub(super) scratch: Scratch,
    /// The words of the current text that persons' names take, with why
    /// each was taken for one.
    pub(super) person_names: Vec<(std::ops::Range<usize>, Reason)>,
    vocabulary: FxHashSet<u64>,
}

/// The words of one text with what lies between them.
pub(super) struct Text<'a> {
    text: &'a str,
    pub(super) words: &'a Words,
}

impl Text<'_> {
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    pub(super) fn key(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| self.words.key(w))
    }

    pub(super) fn written(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| &self.text[w.start..w.end])
    }

    /// Whether word `i` starts with the article as written: the article's
    /// alef takes no hamza, so ألكاراز، أليسون and إلهام are names, whose
    /// keys look definite.
    pub(super) fn is_definite(&self, i: usize) -> bool {
        is_definite(self.key(i)) && !self.written(i).starts_with(['أ', 'إ'])
    }

    /// The text between word `i - 1` and word `i` (before the first word for 0).
    pub(super) fn gap(&self, i: usize) -> &str {
        let end = self.words.get(i).map_or(self.text.len(), |w| w.start);
        let start = if i == 0 { 0 } else { self.words.get(i - 1).map_or(0, |w| w.end) };
        &self.text[start..end]
    }

    /// Whether word `i` follows word `i - 1` in one phrase (spaces only).
    pub(super) fn joined(&self, i: usize) -> bool {
        i > 0 && i < self.len() && joins_name(self.gap(i))
    }

    /// Whether word `i` follows word `i - 1` in one phrase, an opening quote
    /// allowed between (صحيفة «النهار»، لـ«الشرق الأوسط»).
    pub(super) fn joined_or_quoted(&self, i: usize) -> bool {
        let gap = if i > 0 && i < self.len() { self.gap(i) } else { "" };
        !gap.is_empty()
            && gap.chars().all(|c| {
                c.is_whitespace()
                    || matches!(c, '«' | '»' | '"' | '“' | '”' | '\'' | '_' | '\u{0640}' | '\u{200C}'..='\u{200F}')
            })
    }

    pub(super) fn name_word(&self, i: usize) -> NameWord {
        NameWord { key: self.key(i).into(), written: self.written(i).into() }
    }
}

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

/// Where a text stands in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lead {
    Inside,
    /// It opens the paragraph: a dateline or a credit may start it.
    Paragraph,
    /// It follows a credit's label (`**المصدر:**`): it names the outlets.
    Credit,
}

impl Finder {
    /// Finds the names in one text; returns where the next text of the
    /// paragraph stands.
    fn text(&mut self, text: &str, lead: Lead) -> Lead {
        let words = Words::of(text);
        let t = Text { text, words: &words };
        self.vocabulary.extend((0..t.len()).map(|i| word_hash(t.key(i))));
        self.person_names.clear();
        // Words where a name already starts, so that one mention gives one find.
        let mut started = vec![false; t.len()];
        let mut next = Lead::Inside;
        match lead {
            Lead::Paragraph if is_credit_label(&t) && t.len() == 1 => next = Lead::Credit,
            Lead::Paragraph if is_credit_label(&t) => self.credit(&t, 1, &mut started),
            Lead::Paragraph => self.dateline(&t, &mut started),
            Lead::Credit => self.credit(&t, 0, &mut started),
            Lead::Inside => {}
        }
        // A region's words are its name whatever stands before them (في البر الغربي).
        for i in 0..t.len() {
            self.region(&t, i, &mut started);
        }
        for i in 0..t.len() {
            let key = t.key(i);
            if let Some(kind) = cue_kind(key) {
                match kind {
                    Kind::Person => self.after_title(&t, i, &mut started),
                    Kind::Place => self.after_place_noun(&t, i, &mut started),
                    Kind::Source => self.after_source_noun(&t, i, &mut started),
                }
            } else if is_loose_source_noun(key) {
                self.after_source_noun(&t, i, &mut started);
            } else if let Some(list) = place_nouns_before(key) {
                self.after_place_nouns(&t, i, list, &mut started);
            } else if let Some(noun) = definite_source_noun(key) {
                self.definite_outlet(&t, i, &noun, &mut started);
            }
            let class = super::words::class_after_conjunction(key);
            if class.statement {
                self.outlet_addressed(&t, i, &mut started);
            }
            // بالمهاجم علي علوان، للمخرج: a profession after a preposition;
            // للاعبة is ل + اللاعبة, the article's ل merged with the noun's.
            let profession = class.profession
                || key.starts_with(['ب', 'ل', 'و', 'ف'])
                    && key.contains("ال")
                    && without_proclitics(key, |k| super::words::class(k).profession).is_some()
                || key.strip_prefix("لل").is_some_and(|rest| super::words::class(&format!("الل{rest}")).profession);
            if profession {
                self.after_profession(&t, i, &mut started);
            } else if class.role {
                self.after_role(&t, i, &mut started);
            } else if class.dual_role {
                self.after_dual_role(&t, i, &mut started);
            } else if class.speech {
                self.after_speech(&t, i, &mut started);
            } else if class.ranking {
                self.after_ranking(&t, i, &mut started);
            } else if class.locative {
                self.after_locative(&t, i, &mut started);
            } else if key == "ل" && (t.written(i).contains('\u{0640}') || t.gap(i + 1).contains('«')) {
                self.after_for(&t, i, &mut started);
            } else if key.starts_with('ل') && !started[i] {
                self.acronym_after_for(&t, i, &mut started);
            } else if class.according {
                self.after_according(&t, i, &mut started);
            } else if class.reporting {
                self.after_reporting(&t, i, &mut started);
            }
            let field = t.key(i + 1);
            if class.ministry && t.joined(i + 1) && is_definite(field) && !is_nisba(field) && !is_known_place(field) {
                self.push(Reason::Domain, vec![t.name_word(i + 1)], 1, None);
            }
            if super::people::may_start_nationality(key) {
                self.after_nationality(&t, i, &mut started);
            }
            if !started[i] {
                self.chains(&t, i, &mut started);
            }
            if t.gap(i).ends_with('#') {
                self.hashtag(&t, i);
            }
        }
        self.known_places(&t, text, &mut started);
        self.rare_words(&t, &mut started);
        next
    }

    pub(super) fn push(
        &mut self,
        reason: Reason,
        words: Vec<NameWord>,
        min_words: usize,
        abbreviation: Option<Vec<NameWord>>,
    ) {
        // 03/11/2033: numbers alone name nothing.
        let lettered = words.iter().any(|w| w.key.chars().any(char::is_alphabetic));
        if words.len() >= min_words.max(1) && lettered {
            self.out.push(Occurrence {
                article: self.article,
                reason,
                words,
                min_words: min_words.max(1),
                abbreviation,
                cue_after: None,
            });
        }
    }

    /// How many finds there are so far.
    pub(super) fn out_len(&self) -> usize {
        self.out.len()
    }

    /// Finds the last find's words again, when `wanted` holds for them, so
    /// that a word put before one of the two leaves the other as it is.
    pub(super) fn repeat_last_if(&mut self, wanted: impl Fn(&[NameWord]) -> bool) {
        if let Some(last) = self.out.last().filter(|last| wanted(&last.words)) {
            self.out.push(last.clone());
        }
    }

    /// Puts a word before the words of the last find, which the name then
    /// has whatever the archive settles (جبل before لبنان).
    pub(super) fn prepend_to_last(&mut self, word: NameWord) {
        if let Some(last) = self.out.last_mut() {
            last.words.insert(0, word);
            last.min_words += 1;
        }
    }

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
        let pushed = self.out.len();
        self.push(reason, words, min_words, abbreviation);
        if reason.kind() == Some(Kind::Person)
            && end < t.len()
            && t.joined(end)
            && is_cue_or_role(t.key(end))
            && let Some(last) = self.out.get_mut(pushed)
        {
            last.cue_after = Some(t.name_word(end));
        }
        Some(end - from)
    }

    fn hashtag(&mut self, t: &Text, i: usize) {
        let mut words = vec![t.name_word(i)];
        let mut j = i + 1;
        while j < t.len() && t.gap(j) == "_" {
            words.push(t.name_word(j));
            j += 1;
        }
        let words: Vec<NameWord> = words.into_iter().take_while(|w| !class(&w.key).stop).collect();
        let min_words = words.len();
        self.push(Reason::Hashtag, words, min_words, None);
    }
}

/// The key, or the first of its forms without proclitics, that `accept` takes.
pub(super) fn without_proclitics(key: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
    without_proclitics_keeping(key, 3, accept)
}

/// [`without_proclitics`], the forms keeping `letters` letters at least (2
/// for the first word of a name of several words: وذي قار).
pub(super) fn without_proclitics_keeping(key: &str, letters: usize, accept: impl Fn(&str) -> bool) -> Option<String> {
    if accept(key) {
        return Some(key.to_owned());
    }
    let mut variants = Vec::new();
    crate::arabic::tokens::proclitic_variants_keeping(key, letters, &mut variants);
    let mut buf = String::new();
    variants.into_iter().map(|v| v.write(key, &mut buf).to_owned()).find(|form| accept(form))
}

/// The written word without the letters its proclitics took, given its key
/// and the key without them (وبموسكو, وبموسكو → بموسكو … → موسكو).
pub fn strip_written_proclitics(written: &str, key: &str, stripped: &str) -> String {
    if key == stripped {
        return written.to_owned();
    }
    // للأسد → الأسد: ل + ال is written لل, so the article comes back.
    let article = stripped.starts_with("ال") && !key.ends_with(stripped);
    let kept = letter_count(stripped) - if article { 2 } else { 0 };
    let drop = letter_count(key).saturating_sub(kept);
    let mut letters = 0;
    let mut cut = written.len();
    for (i, c) in written.char_indices() {
        if !is_dropped(c) {
            if letters == drop {
                cut = i;
                break;
            }
            letters += 1;
        }
    }
    if article { format!("ال{}", &written[cut..]) } else { written[cut..].to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_forms_lose_their_proclitics() {
        let table = [
            ("وبموسكو", "موسكو"),
            ("للأسد", "الأسد"),
            ("فللأسد", "الأسد"),
            ("والأسد", "الأسد"),
            ("لوكالة", "وكالة"),
            ("دمشق", "دمشق"),
        ];
        for (written, expected) in table {
            let (k, e) = (crate::arabic::key(written), crate::arabic::key(expected));
            assert_eq!(strip_written_proclitics(written, &k, &e), expected, "{written}");
        }
    }
}
