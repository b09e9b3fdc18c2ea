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
use super::outlets::{definite_source_noun, is_credit_label, is_loose_source_noun};
use super::places::place_nouns_before;
pub use super::reason::Reason;
use super::shapes::{is_definite, is_nisba};
use super::words::{class, is_number};
use crate::arabic::cues::cue_kind;
use crate::arabic::normalize::{is_dropped, letter_count};
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

    /// Whether word `i` is counted by a number in digits just before it
    /// (في 63 ولاية، 34 بلدية): a noun so counted names no one place.
    pub(super) fn is_counted(&self, i: usize) -> bool {
        self.joined(i) && is_number(self.key(i - 1))
    }

    pub(super) fn name_word(&self, i: usize) -> NameWord {
        NameWord { key: self.key(i).into(), written: self.written(i).into() }
    }

    /// Word `i` read as `key`, its own key without proclitics, which are
    /// then left out of how it is written too (وقلنسية as قلنسية).
    pub(super) fn name_word_as(&self, i: usize, key: &str) -> NameWord {
        NameWord { key: key.into(), written: strip_written_proclitics(self.written(i), self.key(i), key).into() }
    }
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

    /// Keeps the cue or role that ended find `index`, a person's name, for
    /// [`super::extent`] to weigh as a family name.
    pub(super) fn set_cue_after(&mut self, index: usize, cue: NameWord) {
        if let Some(find) = self.out.get_mut(index) {
            find.cue_after = Some(cue);
        }
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
