//! Evidence of places, for [`super::candidates`]: a noun of place before a
//! name (مدينة حلب، مخيم الزعتري، ولاية شمال دارفور), its dual before
//! two (ولايتي أديامان وإلازيغ) and its plural before a list (ولايات صلالة
//! وطاقة ومرباط), a preposition of place (a hint only), a
//! dateline opening a paragraph (with the agency it names), a country or city
//! that every archive may mention (Unicode CLDR's and GeoNames' Arabic names,
//! in `places.txt`, the seas and the regions), and a word joined by و to such
//! a place (طهران وواشنطن).

use std::sync::OnceLock;

use super::candidates::{
    Finder, NameWord, Reason, Text, strip_written_proclitics, without_proclitics, without_proclitics_keeping,
};
use super::rare::is_rare;
use super::shapes::{is_cue_or_role, is_definite, is_definite_plural, is_inflected, is_nisba};
use super::words::{class, class_after_conjunction, is_date_word};
use crate::arabic::normalize::letter_count;
use crate::entities::Kind;
use crate::entities::matcher::{Claimant, Found, Matcher};

/// Nouns of place that are also used loosely (منطقة عازلة، دولة فلسطينية،
/// قضاء الليل "spending the night", جهة رسمية "an official body"; جهة is
/// the Moroccan region, جهة سوس ماسة).
#[rustfmt::skip]
const LOOSE_PLACE_NOUNS: &[&str] = &[
    "منطقة", "دولة", "جزيرة", "حي", "ميناء", "مرفأ", "مطار", "مصفاة", "بلدية", "مقاطعة", "إمارة", "مملكة", "جمهورية",
    "عاصمة", "قضاء", "جهة",
];

/// Directions that begin the name of a region after a noun of place.
const DIRECTIONS: [&str; 5] = ["شمال", "جنوب", "شرق", "غرب", "وسط"];

/// Nouns of place that begin the name of the landform they stand before.
const LANDFORM_NOUNS: [&str; 7] = ["جبل", "جبال", "مضيق", "وادي", "خليج", "نهر", "بحيرة"];

/// Whether a word key is one of [`LANDFORM_NOUNS`].
pub(super) fn is_landform_noun(key: &str) -> bool {
    LANDFORM_NOUNS.iter().any(|n| crate::arabic::key(n) == key)
}

/// The noun of a river, whose name is also said alone (نهر النيل and النيل,
/// نهر وخش and وخش).
const RIVER_NOUN: &str = "نهر";

/// Nouns of valleys and ranges, whose name without the article is also said
/// alone (وادي دادس and دادس, جبال قراقرم and قراقرم; not وادي الريان).
const VALLEY_AND_RANGE_NOUNS: [&str; 2] = ["وادي", "جبال"];

/// Adjectives of direction that, after a definite noun of land, make the
/// name of a region (المنطقة الشرقية، الساحل الشمالي، البر الغربي).
const DIRECTION_ADJECTIVES: [&str; 4] = ["الشمالي", "الجنوبي", "الشرقي", "الغربي"];

/// Nouns that a direction makes no region: parts and sides (الجزء الشمالي،
/// الطرف الغربي), lines and fronts, the directions themselves (الجنوب
/// الغربي), and what غربي calls Western (الإعلام الغربي، العالم الغربي).
#[rustfmt::skip]
const NOT_REGION_NOUNS: &[&str] = &[
    "الجزء", "الطرف", "الجانب", "الجهة", "الضفة", "الشطر", "القسم", "النصف", "الواجهة", "الحدود", "الاتجاه", "المدخل",
    "المخرج", "الجناح", "الركن", "الباب", "السور", "الشارع", "الطريق", "الممر", "الخط", "المحور", "الجبهة",
    "الشريط", "القطاع", "الحي", "الحزام", "الرصيف", "السماء", "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط",
    "الإعلام", "العالم", "المعسكر", "الحلف", "الموقف", "الرأي", "الضغط",
];

/// Sure nouns of place whose dual (ولايتي، مدينتي) stands before two names.
#[rustfmt::skip]
const DUAL_PLACE_NOUNS: &[&str] = &[
    "ولايتي", "مدينتي", "محافظتي", "بلدتي", "قريتي", "مخيمي", "منطقتي", "بلديتي", "معتمديتي", "مديريتي", "مقاطعتي",
];

/// Sure nouns of place whose plural (ولايات، مدن) stands before a list of names.
#[rustfmt::skip]
const PLURAL_PLACE_NOUNS: &[&str] = &[
    "ولايات", "محافظات", "مدن", "بلدات", "قرى", "مخيمات", "مديريات", "بلديات", "معتمديات", "مقاطعات", "أقاليم",
    "ضواحي", "مناطق", "أحياء",
];

/// Words that a list of places does not run through: ordinary words whose
/// و is their own (وصولا إلى "as far as", واسعة "wide", وسط "amid"), and
/// nouns of part or number before من or a genitive (وأجزاء من، وسائر).
#[rustfmt::skip]
const NOT_LISTED: &[&str] = &[
    "وصول", "وصولا", "واسع", "واسعة", "وسط", "وقت", "وضع", "وجود", "وفد", "وفاة", "واقع", "وراء", "وفق", "وحدة",
    "وطني", "وطنية", "وثيقة", "وعود", "ورقة", "ولادة", "واجهة", "أجزاء", "أنحاء", "بقية", "باقي", "سائر", "معظم",
    "أغلب", "جميع", "مختلف",
];

/// The most names a list after a plural noun of place runs to.
const MOST_LISTED_PLACES: usize = 5;

/// How many names the dual (2) or the plural of a noun of place stands
/// before, proclitics allowed (في ولايتي، بمدينتي، في ولايات).
pub(super) fn place_nouns_before(word_key: &str) -> Option<usize> {
    static NOUNS: OnceLock<rustc_hash::FxHashMap<String, usize>> = OnceLock::new();
    let nouns = NOUNS.get_or_init(|| {
        let duals = DUAL_PLACE_NOUNS.iter().map(|w| (crate::arabic::key(w), 2));
        duals.chain(PLURAL_PLACE_NOUNS.iter().map(|w| (crate::arabic::key(w), MOST_LISTED_PLACES))).collect()
    });
    // Proclitics come first: a word that does not end as one of the nouns
    // (in its last two letters) is none, without trying them.
    fn last_two(key: &str) -> &str {
        &key[key.char_indices().rev().nth(1).map_or(0, |(i, _)| i)..]
    }
    static ENDINGS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    let endings = ENDINGS.get_or_init(|| nouns.keys().map(|k| last_two(k).to_owned()).collect());
    if !endings.contains(last_two(word_key)) {
        return None;
    }
    without_proclitics(word_key, |k| nouns.contains_key(k)).and_then(|noun| nouns.get(&*noun).copied())
}

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
const SAME_PLACES: [(&str, &str); 4] = [
    ("البحر الأبيض المتوسط", "البحر المتوسط"), ("البحر العربي", "بحر العرب"), ("بلاد الشام", "الشام"),
    ("شبه الجزيرة العربية", "الجزيرة العربية"),
];

/// The keys of the pairs of names that are one known place.
pub(super) fn same_known_places() -> impl Iterator<Item = (String, String)> {
    SAME_PLACES
        .iter()
        .map(|(a, b)| (crate::entities::catalog::spelling_key(a), crate::entities::catalog::spelling_key(b)))
}

/// Regions that Arabic news names as places and CLDR does not (it has the
/// continents' parts: غرب أفريقيا، جنوب شرق آسيا). Not الشرق الأوسط, also a
/// newspaper's name; الخليج alone is the region far more often than the
/// newspaper, which is named صحيفة الخليج.
#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "القرن الأفريقي", "القرن الإفريقي", "المغرب العربي", "بلاد الشام", "شبه الجزيرة العربية", "آسيا الوسطى",
    "الشرق الأقصى", "القوقاز", "البلقان", "الساحل الأفريقي", "الساحل الإفريقي", "الخليج", "الشام",
    "الجزيرة العربية",
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

impl Finder {
    pub(super) fn after_place_noun(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        static LOOSE: OnceLock<Vec<String>> = OnceLock::new();
        let loose_keys = LOOSE.get_or_init(|| LOOSE_PLACE_NOUNS.iter().map(|n| crate::arabic::key(n)).collect());
        let noun = t.key(i).strip_prefix(['و', 'ف', 'ب', 'ل']).filter(|rest| rest.chars().count() >= 2);
        let loose = loose_keys.iter().any(|n| n == t.key(i) || Some(n.as_str()) == noun);
        let mut j = i + 1;
        // العاصمة السورية دمشق: a definite noun takes adjectives before the
        // name; an indefinite one (مخيم الزعتري) is followed by the name itself.
        let definite = t.key(i).contains("ال");
        while definite && j < i + 3 && t.joined(j) && is_nisba(t.key(j)) {
            j += 1;
        }
        if !t.joined_or_quoted(j) {
            return;
        }
        let key = t.key(j);
        // دولة منبوذة، منطقة عازلة: an adjective agreeing with a loose noun.
        if loose && !is_definite(key) && t.written(j).ends_with('ة') {
            return;
        }
        // ولاية شمال كردفان، محافظة جنوب سيناء: after a sure noun of place,
        // a direction begins the name (elsewhere it is a preposition, في
        // شمال سوريا, and names the country).
        if !loose && DIRECTIONS.contains(&key) && t.joined(j + 1) && !started[j] {
            let rest = self.material(t, j + 1, 2, true, false);
            if !rest.is_empty() {
                started[j] = true;
                let words: Vec<NameWord> = std::iter::once(t.name_word(j)).chain(rest).collect();
                self.push(Reason::PlaceNoun, words, 2, None);
            }
            return;
        }
        let reason = if loose { Reason::LoosePlaceNoun } else { Reason::PlaceNoun };
        let before = self.out_len();
        self.take(reason, t, j, 3, true, started);
        // جبل لبنان، مضيق هرمز، نهر جوبا، بحيرة تشاد: a landform's noun is
        // part of its name, unlike a town's (مدينة حلب is حلب).
        let bare = without_proclitics(t.key(i), is_landform_noun);
        if let Some(bare) = bare.filter(|_| self.out_len() > before) {
            // A river's name that is not a country's or a city's (نهر
            // النيل, not نهر النيجر) is the river's short name too.
            let river = &*bare == RIVER_NOUN;
            if river || VALLEY_AND_RANGE_NOUNS.contains(&&*bare) {
                // وادي خالد is not خالد, nor وادي بني خروص بني.
                let tribe = |key: &str| matches!(key, "بني" | "بنو");
                let alone = |key: &str| {
                    !is_known_place(key) && !class(key).given_name && !tribe(key) && (river || !is_definite(key))
                };
                self.repeat_last_if(|words| alone(&words[0].key));
            }
            let written = strip_written_proclitics(t.written(i), t.key(i), &bare);
            self.prepend_to_last(NameWord { key: bare.into(), written: written.into() });
        }
    }

    /// المنطقة الشرقية، بالساحل الشمالي، البر الغربي: a definite noun of
    /// land and a direction agreeing with it name a region. Not a part or a
    /// side (الجزء الشمالي), a nisba or nationality (الانتقالي الجنوبي،
    /// الكورية الجنوبية), or a plural (الأحياء الشرقية, whose adjective is
    /// feminine where the noun is not).
    pub(super) fn region(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        static ADJECTIVES: OnceLock<Vec<String>> = OnceLock::new();
        static NOT: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
        let adjectives = ADJECTIVES.get_or_init(|| {
            DIRECTION_ADJECTIVES
                .iter()
                .flat_map(|a| [crate::arabic::key(a), crate::arabic::key(&format!("{a}ة"))])
                .collect()
        });
        let not = NOT.get_or_init(|| NOT_REGION_NOUNS.iter().map(|w| crate::arabic::key(w)).collect());
        let adjective = t.key(i + 1);
        if started[i] || !t.joined(i + 1) || !adjectives.iter().any(|a| a == adjective) {
            return;
        }
        let feminine = adjective.ends_with('ه');
        let noun = without_proclitics(t.key(i), |k| {
            // البادية الشرقية has a noun of a nisba's shape; الكورية الجنوبية a nationality.
            let nisba = is_nisba(k) && (!k.ends_with("يه") || super::people::is_nationality(k));
            is_definite(k) && k.ends_with('ه') == feminine && !nisba && !is_definite_plural(k) && !not.contains(k)
        });
        let Some(noun) = noun else { return };
        started[i] = true;
        let written = strip_written_proclitics(t.written(i), t.key(i), &noun);
        let words = vec![NameWord { key: noun.into(), written: written.into() }, t.name_word(i + 1)];
        self.push(Reason::Region, words, 2, None);
    }

    /// منطقة البحر الأبيض المتوسط، عاصمة جمهورية أفريقيا الوسطى: where a
    /// known place of several words starts at word `from`, it is the name
    /// whole, however short other finds after the same noun are. Returns
    /// how many words it has.
    pub(super) fn known_place_from(&mut self, t: &Text, from: usize, started: &mut [bool]) -> Option<usize> {
        let (first, end) = known_place_of_words_at(t, from)?;
        let written = strip_written_proclitics(t.written(from), t.key(from), &first);
        let words: Vec<NameWord> = std::iter::once(NameWord { key: first.into(), written: written.into() })
            .chain((from + 1..end).map(|i| t.name_word(i)))
            .collect();
        started[from] = true;
        let n = words.len();
        self.push(Reason::PlaceNoun, words, n, None);
        Some(n)
    }

    /// The dual of a noun of place before two names joined by و (ولايتي
    /// أديامان وإلازيغ، مدينتي حمص وحماة), or its plural before a list
    /// (ولايات صلالة وطاقة ومرباط): all are places. At most `most` names.
    pub(super) fn after_place_nouns(&mut self, t: &Text, i: usize, most: usize, started: &mut [bool]) {
        let j = i + 1;
        if !t.joined(j) {
            return;
        }
        // A plural before one name, or before a definite word, is no list:
        // قرى تابعة لقضاء بستك، ولايات السلطنة، مخيمات النازحين.
        let listed = (j + 1..t.len().min(j + 3)).take_while(|&k| t.joined(k)).any(|k| t.key(k).starts_with('و'));
        // مديريات المكلا والشحر: a definite name that is a known place begins one.
        if most > 2 && (!listed || is_definite(t.key(j)) && !is_known_place(t.key(j))) {
            return;
        }
        // The first name ends where the list's next begins (حديبو وقلنسية).
        let first_words = 1 + usize::from(t.joined(j + 1) && !t.key(j + 1).starts_with('و'));
        if self.take(Reason::PlaceNoun, t, j, first_words, true, started).is_none() {
            return;
        }
        let mut from = j + 1;
        for _ in 1..most {
            // The next name: the next word in the phrase that begins with و.
            let Some(k) =
                (from..t.len().min(from + 2)).take_while(|&k| t.joined(k)).find(|&k| t.key(k).starts_with('و'))
            else {
                return;
            };
            let Some(bare) = t.key(k).strip_prefix('و').filter(|rest| letter_count(rest) >= 3) else { return };
            if started[k] {
                return;
            }
            let written = strip_written_proclitics(t.written(k), t.key(k), bare);
            let first = NameWord { key: bare.into(), written: written.into() };
            // مدينتي حديبو وقلنسية: a dual names two places, whatever the
            // second one's shape (a nisba's, here).
            if most > 2 && !self.is_name_word(&first) && !is_definite(bare) {
                return;
            }
            started[k] = true;
            let rest = if t.joined(k + 1) { self.material(t, k + 1, 1, true, false) } else { Vec::new() };
            from = k + 1 + rest.len();
            // مديريتي المنصورة والشيخ عثمان: a title is the name's first word,
            // not all of it; والشحر وغيل باوزير،: a name the list's next or the
            // phrase's end closes has all its words.
            let closed = !t.joined(from) || t.key(from).starts_with('و');
            let min_words = if is_cue_or_role(bare) || closed { 1 + rest.len() } else { 1 };
            self.push(Reason::PlaceNoun, std::iter::once(first).chain(rest).collect(), min_words, None);
        }
    }

    pub(super) fn after_locative(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        if t.joined(i + 1) {
            self.take(Reason::Locative, t, i + 1, 2, true, started);
            // قادمة من طريبيل: the preposition is a hint, and so is a word
            // ordinary text does not use, which [`super::rare`] gives the
            // word after it too when it is left free for that rule.
            if is_rare(t.key(i + 1)) {
                started[i + 1] = false;
            }
        }
    }

    /// A dateline opening a paragraph: the place, perhaps a date, the agency
    /// between `/ /` or `( )` or after a dash, then a dash: `الرباط -`,
    /// `بيروت (رويترز) -`, `موسكو - (رويترز) -`, `موسكو في 6 نوفمبر /أ ش أ/ -`,
    /// `عمان 18 تشرين الثاني (بترا)-`, `ملاطية/ الأناضول`, `أبوظبي - سكاي
    /// نيوز عربية`; and an agency alone in parentheses closing an article: `(ومع)`.
    pub(super) fn dateline(&mut self, t: &Text, started: &mut [bool]) {
        let lead = t.gap(0).trim();
        if lead == "(" && t.len() <= 3 && t.gap(t.len()).trim() == ")" && (1..t.len()).all(|i| t.joined(i)) {
            let agency: Vec<NameWord> = (0..t.len()).map(|i| t.name_word(i)).collect();
            let n = agency.len();
            self.push(Reason::Abbreviation, agency, n, None);
            return;
        }
        if !lead.is_empty() || t.len() == 0 {
            return;
        }
        let mut end = 1;
        while end < t.len() && end < 3 && t.joined(end) && !is_date_word(t.key(end)) {
            end += 1;
        }
        let place: Vec<NameWord> = (0..end).map(|i| t.name_word(i)).collect();
        if place.iter().any(|w| class(&w.key).stop || is_date_word(&w.key)) {
            return;
        }
        // لندن: «الشرق الأوسط»، a paper's house style: the place, a colon and
        // the paper in quotes, alone on the line (ليبيا: «إيني» تعود … is a
        // headline; الوزير: «…» a quotation).
        if t.gap(end).trim_start().starts_with(':')
            && !place.iter().any(|w| is_cue_or_role(&w.key))
            && let Some(outlet) = self.quoted(t, end).filter(|outlet| end + outlet.len() == t.len())
        {
            started[0] = true;
            let (n, m) = (place.len(), outlet.len());
            self.push(Reason::Dateline, place, n, None);
            self.push(Reason::Abbreviation, outlet, m, None);
            return;
        }
        let dash = |s: &str| s.trim_start().starts_with(['-', '–', '—']);
        // Where the agency starts: after a marker, a date perhaps between.
        // 03/11/2033: a slash between numbers is the date's, no marker.
        let numeric = |k: usize| t.key(k).chars().all(|c| c.is_ascii_digit());
        let in_date = |k: usize| t.gap(k).trim() == "/" && k > end && numeric(k - 1) && numeric(k);
        let mut at = end;
        while at < t.len()
            && at < end + 6
            && is_date_word(t.key(at))
            && (!t.gap(at).contains(['(', '/']) || in_date(at))
        {
            at += 1;
        }
        let marker = t.gap(at).contains(['(', '/']);
        let after_dash = !marker && at == end && dash(t.gap(end));
        let agency = if marker || after_dash {
            let after = t.gap(at).trim_start().trim_start_matches(['-', '–', '—']).trim_start();
            let from = if after.is_empty() || after.starts_with(['(', '/']) { at } else { t.len() };
            self.agency(t, from)
        } else {
            None
        };
        if agency.is_some() || after_dash || at > end && dash(t.gap(at)) {
            started[0] = true;
            let n = place.len();
            self.push(Reason::Dateline, place, n, None);
            if let Some(agency) = agency {
                let m = agency.len();
                self.push(Reason::Abbreviation, agency, m, None);
            }
        }
    }

    /// The agency of a dateline from word `from`: up to four words in one
    /// phrase, closed by `)`, `/`, a dash, a line break or the paragraph's end.
    fn agency(&self, t: &Text, from: usize) -> Option<Vec<NameWord>> {
        let mut end = from;
        while end < t.len() && end < from + 4 && (end == from || t.joined(end)) && !class(t.key(end)).stop {
            end += 1;
        }
        let after = t.gap(end);
        let closed = after.trim().is_empty() && (end == t.len() || after.contains('\n'))
            || after.trim_start().starts_with([')', '/', '-', '–', '—']);
        (end > from && closed).then(|| (from..end).map(|i| t.name_word(i)).collect())
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
            || items.len() == 1 && class(t.key(k)).stop;
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
        let ends = !t.joined(end) || class(t.key(end)).stop || t.key(end).starts_with('و');
        // Not an ordinary word that begins with و (وقعت، واحدة، وحدها), as
        // far as its shape tells: four letters at least, no article, no
        // pronoun, no plural ending; nor a word known as a whole (واحدة).
        static NOT_LISTED_KEYS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
        let not_listed = NOT_LISTED_KEYS.get_or_init(|| NOT_LISTED.iter().map(|w| crate::arabic::key(w)).collect());
        let ordinary = letter_count(bare) < 4
            || class(key).stop
            || not_listed.contains(key)
            || not_listed.contains(bare)
            || is_definite(bare)
            || is_inflected(t.written(i), bare, true)
            || ["ات", "ون", "ين"].iter().any(|end| bare.ends_with(end));
        // A known place is found as one (وهران is no و + هران).
        if !ends || ordinary || is_known_place(bare) || is_known_place(key) || is_cue_or_role(key) {
            return None;
        }
        let written = strip_written_proclitics(t.written(i), key, bare);
        let name: Vec<NameWord> = std::iter::once(NameWord { key: bare.into(), written: written.into() })
            .chain((i + 1..end).filter(|&k| t.joined(k) && !t.key(k).starts_with('و')).map(|k| t.name_word(k)))
            .collect();
        (name.len() == words && name.iter().all(|w| self.is_name_word(w))).then_some((name, end))
    }
}
