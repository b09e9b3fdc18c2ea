//! Places every archive may mention, for [`super::candidates`]: the
//! countries, territories and cities of Unicode CLDR and GeoNames (in
//! `places.txt`), the seas and the regions; each found whole where a text
//! names it (بموسكو is موسكو), and the words joined by و to one in a list
//! (طهران وواشنطن). Cues around a name are [`super::places`]'.

use std::sync::OnceLock;

use super::candidates::{Finder, NameWord, Reason, Text, strip_written_proclitics, without_proclitics_keeping};
use super::rare::is_frequent_definite_word;
use super::shapes::{
    is_adverbial_accusative, is_cue_or_role, is_definite, is_definite_plural, is_inflected, is_masdar_shape, is_nisba,
};
use super::words::{WordKeys, class, class_after_conjunction};
use crate::arabic::normalize::letter_count;
use crate::entities::Kind;
use crate::entities::matcher::{Claimant, Found, Matcher};

/// Words that a list of places does not run through: ordinary words whose
/// و is their own (وصولا إلى "as far as", واسعة "wide", وسط "amid"), and
/// nouns of part or number before من or a genitive (وأجزاء من، وسائر).
#[rustfmt::skip]
static NOT_LISTED: WordKeys = WordKeys::new(&[
    "وصول", "وصولا", "واسع", "واسعة", "وسط", "وقت", "وضع", "وجود", "وفد", "وفاة", "واقع", "وراء", "وفق", "وحدة",
    "وطني", "وطنية", "وثيقة", "وعود", "ورقة", "ولادة", "واجهة", "أجزاء", "أنحاء", "بقية", "باقي", "سائر", "معظم",
    "أغلب", "جميع", "مختلف",
]);

/// Seas, oceans and gulfs as Arabic news names them: CLDR names countries
/// and cities only. A list, not a rule: البحر and المحيط with an adjective
/// are as often no sea (المحيط الإقليمي "the regional surroundings").
#[rustfmt::skip]
const SEAS: &[&str] = &[
    "البحر الأحمر", "البحر الأبيض المتوسط", "البحر المتوسط", "البحر الأسود", "البحر الميت", "البحر الكاريبي",
    "البحر العربي", "بحر العرب", "بحر قزوين", "بحر الصين الجنوبي", "بحر الصين الشرقي", "بحر البلطيق", "بحر إيجه",
    "البحر الأدرياتيكي", "بحر الشمال", "بحر عمان", "بحر آزوف", "المحيط الهادئ", "المحيط الهادي", "المحيط الأطلسي",
    "المحيط الهندي", "المحيط المتجمد الشمالي", "المحيط المتجمد الجنوبي", "الخليج العربي", "الخليج الفارسي",
    "خليج عدن", "خليج عمان", "خليج العقبة", "خليج السويس", "خليج المكسيك", "خليج غينيا", "خليج البنغال",
];

/// Two names of one sea or region, which one archive writes both ways.
#[rustfmt::skip]
const SAME_SEAS_AND_REGIONS: [(&str, &str); 4] = [
    ("البحر الأبيض المتوسط", "البحر المتوسط"), ("البحر العربي", "بحر العرب"), ("بلاد الشام", "الشام"),
    ("شبه الجزيرة العربية", "الجزيرة العربية"),
];

/// The keys of the names of each place known by several: the countries
/// CLDR and i18n-iso-countries name more than one way (`same-places.txt`:
/// ساحل العاج and كوت ديفوار), and the seas and regions above. An archive
/// writes both, and a list may hold one.
pub(super) fn same_known_places() -> &'static [Vec<String>] {
    static PLACES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let key = crate::entities::catalog::spelling_key;
        include_str!("same-places.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|line| line.split('\t').map(key).collect())
            .chain(SAME_SEAS_AND_REGIONS.iter().map(|(a, b)| vec![key(a), key(b)]))
            .collect()
    })
}

/// The other names of the known place one of whose names is `key`.
pub(super) fn other_names_of(key: &str) -> impl Iterator<Item = &'static str> {
    static BY_NAME: OnceLock<rustc_hash::FxHashMap<&'static str, usize>> = OnceLock::new();
    let places = same_known_places();
    let by_name = BY_NAME.get_or_init(|| {
        places.iter().enumerate().flat_map(|(i, names)| names.iter().map(move |name| (name.as_str(), i))).collect()
    });
    by_name
        .get(key)
        .into_iter()
        .flat_map(move |&i| places[i].iter().map(String::as_str))
        .filter(move |name| *name != key)
}

/// Regions that Arabic news names as places and CLDR does not (it has the
/// continents' parts: غرب أفريقيا، جنوب شرق آسيا). Not الشرق الأوسط, also a
/// newspaper's name; الخليج alone is the region far more often than the
/// newspaper, which is named صحيفة الخليج. الضفة الغربية is the
/// Palestinian territory far more often than a river's bank. Not قطاع
/// غزة, which a list would set apart from غزة.
#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "القرن الأفريقي", "القرن الإفريقي", "المغرب العربي", "بلاد الشام", "شبه الجزيرة العربية", "آسيا الوسطى",
    "الشرق الأقصى", "القوقاز", "البلقان", "الساحل الأفريقي", "الساحل الإفريقي", "الخليج", "الشام",
    "الجزيرة العربية", "الضفة الغربية",
];

/// The names of [`known_places`]: CLDR's and GeoNames' (`places.txt`), the
/// seas and the regions.
fn known_place_names() -> impl Iterator<Item = &'static str> {
    include_str!("places.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .chain(SEAS.iter().copied())
        .chain(REGIONS.iter().copied())
}

/// The most words of a known place (سانت هيلينا وأسينشين وتريستان دا كونا).
const MAX_KNOWN_PLACE_WORDS: usize = 7;

/// Whether a word key is the first of a known place of several words (البحر،
/// جمهورية), so that what follows may complete it.
fn starts_known_place(key: &str) -> bool {
    static FIRSTS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    FIRSTS
        .get_or_init(|| {
            known_place_names()
                .map(crate::entities::catalog::spelling_key)
                .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_owned()))
                .collect()
        })
        .contains(key)
}

/// Adjectives in known places' names that say where or what a place is,
/// not whose: كوريا الجنوبية، جمهورية الكونغو الديمقراطية.
#[rustfmt::skip]
const NOT_NATIONALITIES: &[&str] = &[
    "الجنوبية", "الشمالية", "الشرقية", "الغربية", "الوسطى", "الكاريبية", "النائية", "القطبية", "الاستوائية",
    "الإدارية", "الخيرية", "الديمقراطية", "العربية", "اللاتينية", "الشعبية", "الإسلامية", "الاتحادية",
];

/// Whether a feminine nisba (الأمريكية، الفرنسية) qualifies a known place
/// in its name (الولايات المتحدة الأمريكية، غويانا الفرنسية), and so names
/// a people.
pub(super) fn is_nationality_in_place_name(key: &str) -> bool {
    static KEYS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let not: Vec<String> = NOT_NATIONALITIES.iter().map(|w| crate::arabic::key(w)).collect();
        known_place_names()
            .map(crate::entities::catalog::spelling_key)
            .flat_map(|name| name.split(' ').skip(1).map(str::to_owned).collect::<Vec<_>>())
            .filter(|word| word.ends_with("يه") && is_nisba(word) && !not.contains(word))
            .collect()
    })
    .contains(key)
}

/// The places every archive may mention, matched like names.
fn known_places() -> &'static Matcher {
    static PLACES: OnceLock<Matcher> = OnceLock::new();
    PLACES.get_or_init(|| {
        // One claimant for each matching key, spaces aside: the spellings of
        // one place (جدة، جده، جدّة; أبو ظبي، أبوظبي, which the matcher
        // takes for each other) are no rival claims that would make it uncertain.
        let mut ids: rustc_hash::FxHashMap<String, u32> = rustc_hash::FxHashMap::default();
        let claimants: Vec<(&str, Claimant)> = known_place_names()
            .map(|name| {
                let next = ids.len() as u32;
                let key = crate::entities::catalog::spelling_key(name).replace(' ', "");
                let entity = *ids.entry(key).or_insert(next);
                (name, Claimant { entity, kind: Kind::Place, weak: false })
            })
            .collect();
        Matcher::from_spellings(claimants)
    })
}

/// The first word without its proclitics and the end of the known place of
/// several words that starts at word `from` (وأبو ظبي، منطقة البحر الأبيض
/// المتوسط), if one does.
pub(super) fn known_place_of_words_at(t: &Text, from: usize) -> Option<(String, usize)> {
    let first = without_proclitics_keeping(t.key(from), 2, starts_known_place)?;
    let mut key = first.clone();
    let mut best = None;
    for end in from + 1..t.len().min(from + MAX_KNOWN_PLACE_WORDS) {
        if !t.joined(end) {
            break;
        }
        key.push(' ');
        key.push_str(t.key(end));
        if is_known_place(&key) {
            best = Some(end + 1);
        }
    }
    Some((first, best?))
}

/// Whether a key is a known place's name exactly (روسيا، الولايات المتحدة).
pub(super) fn is_known_place(key: &str) -> bool {
    static KEYS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| known_place_names().map(crate::entities::catalog::spelling_key).collect()).contains(key)
}

/// A definite word that may be a name in a list of places (المفرق والزرقاء،
/// النجف والبصرة): not a plural (والمحافظات), a verbal noun (والاستقرار)
/// or one of the most frequent nouns of ordinary text (سوريا والعالم، في
/// البصرة والحدود).
fn is_listed_definite_name(key: &str) -> bool {
    !is_definite_plural(key) && !key.strip_prefix("ال").is_some_and(is_masdar_shape) && !is_frequent_definite_word(key)
}

/// Whether a word ends the name of a list before it: a function word (طهران
/// وواشنطن في) or an adverbial accusative (نواكشوط وانواذيبو بحثا عن).
fn closes_name(key: &str) -> bool {
    class(key).stop || is_adverbial_accusative(key)
}

impl Finder {
    /// منطقة البحر الأبيض المتوسط، عاصمة جمهورية أفريقيا الوسطى: where a
    /// known place of several words starts at word `from`, it is the name
    /// whole, however short other finds after the same noun are. Returns
    /// how many words it has.
    pub(super) fn known_place_from(&mut self, t: &Text, from: usize, started: &mut [bool]) -> Option<usize> {
        let (first, end) = known_place_of_words_at(t, from)?;
        let words: Vec<NameWord> =
            std::iter::once(t.name_word_as(from, &first)).chain((from + 1..end).map(|i| t.name_word(i))).collect();
        started[from] = true;
        let n = words.len();
        self.push(Reason::PlaceNoun, words, n, None);
        Some(n)
    }

    pub(super) fn known_places(&mut self, t: &Text, text: &str, started: &mut [bool]) {
        let mut found: Vec<Found> = Vec::new();
        known_places().find(text, &mut self.scratch, &mut found);
        let mut i = 0;
        for f in found.into_iter().filter(|f| f.certain().is_some()) {
            while t.words.get(i).is_some_and(|w| w.start < f.start) {
                i += 1;
            }
            // رئيسة الوزراء جورجيا ميلوني: a place's name that starts a
            // person's is the person's given name; الحارس ياسين بونو: one
            // inside a name after a title or role is part of it (not after a
            // given name alone: يحيي لبنان "commemorates Lebanon").
            let in_name = |(name, reason): &(std::ops::Range<usize>, Reason)| {
                name.start == i || name.contains(&i) && reason.weight() >= 3
            };
            if self.person_names.iter().any(in_name) {
                continue;
            }
            let mut words: Vec<NameWord> = Vec::new();
            while let Some(w) = t.words.get(i).filter(|w| w.end <= f.end) {
                words.push(NameWord { key: t.words.key(w).into(), written: text[w.start..w.end].into() });
                i += 1;
            }
            let rest: String = words.iter().skip(1).map(|w| format!(" {}", w.key)).collect();
            let Some(first) = words.first_mut() else { continue };
            // The name without its proclitics: بموسكو is a mention of موسكو,
            // والولايات المتحدة of الولايات المتحدة.
            let whole = |form: &str| is_known_place(&format!("{form}{rest}"));
            let letters = if rest.is_empty() { 3 } else { 2 };
            let stripped =
                without_proclitics_keeping(&first.key, letters, whole).unwrap_or_else(|| first.key.to_string());
            let coordinated = first.key.starts_with('و') && stripped.len() < first.key.len();
            first.written = strip_written_proclitics(&first.written, &first.key, &stripped).into();
            first.key = stripped.into();
            let n = words.len();
            self.push(Reason::KnownPlace, words, n, None);
            self.listed_with(t, i - n, i, coordinated, started);
        }
    }

    /// The other names of a list joined by و that holds the known place at
    /// words `first..after`: the names after it, when the list closes with
    /// the phrase or at another known place (طهران وواشنطن وباريس، في مصر
    /// وسرت وتونس), and, when it is not the first, the names before it back
    /// to the one that begins the phrase (في أوفييدو وليون وفالنسيا). One
    /// name after it may also close on a function word (طهران وواشنطن في).
    fn listed_with(&mut self, t: &Text, first: usize, after: usize, coordinated: bool, started: &mut [bool]) {
        let mut items: Vec<(usize, Vec<NameWord>)> = Vec::new();
        let mut k = after;
        while t.joined(k) && t.key(k).starts_with('و') {
            let item = (!started[k]).then(|| self.list_item(t, k, 1).or_else(|| self.list_item(t, k, 2))).flatten();
            let Some((item, end)) = item else { break };
            items.push((k, item));
            k = end;
        }
        let closed = !t.joined(k)
            || is_known_place(t.key(k).strip_prefix('و').unwrap_or(t.key(k)))
            || items.len() == 1 && closes_name(t.key(k));
        if closed {
            for (at, item) in items {
                started[at] = true;
                let n = item.len();
                self.push(Reason::Coordinated, item, n, None);
            }
        }
        if !coordinated || first == 0 || !t.joined(first) {
            return;
        }
        // The list's head begins the phrase, or follows a function word (وفي).
        let begins = |k: usize| k == 0 || !t.joined(k) || class_after_conjunction(t.key(k - 1)).stop;
        let mut head = first - 1;
        while t.key(head).starts_with('و') && !begins(head) {
            head -= 1;
        }
        if !begins(head) {
            return;
        }
        // The head may have been taken after its preposition already, as a hint.
        for k in (head..first).rev() {
            if is_known_place(t.key(k).strip_prefix('و').unwrap_or(t.key(k))) {
                continue;
            }
            let Some((item, _)) = self.list_item(t, k, 1) else { return };
            started[k] = true;
            self.push(Reason::Coordinated, item, 1, None);
        }
    }

    /// The name of `words` words at word `i` of a list of places, with its و
    /// removed if it has one, and the word after it: the phrase, a function
    /// word or the list's next name (وعكار وطرطوس) follows it.
    fn list_item(&self, t: &Text, i: usize, words: usize) -> Option<(Vec<NameWord>, usize)> {
        let key = t.key(i);
        let bare = key.strip_prefix('و').unwrap_or(key);
        let end = i + words;
        let ends = !t.joined(end) || closes_name(t.key(end)) || t.key(end).starts_with('و');
        // Not an ordinary word that begins with و (وقعت، واحدة، وحدها), as
        // far as its shape tells: four letters at least, no article, no
        // pronoun, no plural ending; nor a word known as a whole (واحدة).
        let ordinary = letter_count(bare) < 4
            || class(key).stop
            || NOT_LISTED.contains(key)
            || NOT_LISTED.contains(bare)
            || is_definite(bare) && !is_listed_definite_name(bare)
            || is_inflected(t.written(i), bare, true)
            || ["ات", "ون", "ين"].iter().any(|end| bare.ends_with(end));
        // A known place is found as one (وهران is no و + هران).
        if !ends || ordinary || is_known_place(bare) || is_known_place(key) || is_cue_or_role(key) {
            return None;
        }
        let name: Vec<NameWord> = std::iter::once(t.name_word_as(i, bare))
            .chain((i + 1..end).filter(|&k| t.joined(k) && !t.key(k).starts_with('و')).map(|k| t.name_word(k)))
            .collect();
        (name.len() == words && name.iter().all(|w| self.is_name_word(w))).then_some((name, end))
    }
}
