//! Evidence of places in the words around a name, for [`super::candidates`]:
//! a noun of place before a name (مدينة حلب، مخيم الزعتري، ولاية شمال
//! دارفور), its dual before two (ولايتي أديامان وإلازيغ) and its plural
//! before a list (ولايات صلالة وطاقة ومرباط), a noun of land with a
//! direction (المنطقة الشرقية), a preposition of place (a hint only), and a
//! dateline opening a paragraph (with the agency it names). The places every
//! archive may mention are [`super::known_places`]'.

use std::sync::OnceLock;

use super::candidates::{Finder, NameWord, Reason, Text, without_proclitics};
use super::known_places::is_known_place;
use super::rare::{is_rare, is_rare_after_locative};
use super::shapes::{is_cue_or_role, is_definite, is_definite_plural, is_inflected, is_nisba};
use super::words::{WordKeys, class, is_date_word, is_number};
use crate::arabic::normalize::letter_count;

/// Nouns of place that are also used loosely (منطقة عازلة، دولة فلسطينية،
/// قضاء الليل "spending the night", جهة رسمية "an official body"; جهة is
/// the Moroccan region, جهة سوس ماسة).
#[rustfmt::skip]
static LOOSE_PLACE_NOUNS: WordKeys = WordKeys::new(&[
    "منطقة", "دولة", "جزيرة", "حي", "ميناء", "مرفأ", "مطار", "مصفاة", "بلدية", "مقاطعة", "إمارة", "مملكة", "جمهورية",
    "عاصمة", "قضاء", "جهة", "شاطئ",
]);

/// The noun of a beach (شاطئ الوطية), and the waters a beach lies on,
/// which are no beach's name (شاطئ البحر، شاطئ النهر).
static BEACH_NOUN: WordKeys = WordKeys::new(&["شاطئ"]);
static WATERS: WordKeys = WordKeys::new(&["البحر", "النهر", "البحيرة", "المحيط", "الخليج"]);

/// Whether a noun of place (as a key, and without its proclitics) is a
/// beach's and the name after it the water it lies on.
fn is_beach_on_water(noun_keys: [Option<&str>; 2], name_key: &str) -> bool {
    noun_keys.into_iter().flatten().any(|k| BEACH_NOUN.contains(k)) && WATERS.contains(name_key)
}

/// Whether word `i` is the verb أدى "led to" after و (وأدى ارتفاع
/// الملوحة), whose key is that of وادي "valley": the valley's alef never
/// takes a hamza.
fn is_verb_led_to(t: &Text, i: usize) -> bool {
    static VALLEY: WordKeys = WordKeys::new(&["وادي"]);
    VALLEY.contains(t.key(i)) && t.written(i).contains('أ')
}

/// The words that open a byline where a dateline would stand (كتب: فلان،
/// بقلم فلان).
static BYLINE_WORDS: WordKeys = WordKeys::new(&["كتب", "كتبت", "بقلم"]);

/// Directions that begin the name of a region after a noun of place.
const DIRECTIONS: [&str; 5] = ["شمال", "جنوب", "شرق", "غرب", "وسط"];

/// Nouns of place that begin the name of the landform they stand before.
static LANDFORM_NOUNS: WordKeys = WordKeys::new(&["جبل", "جبال", "مضيق", "وادي", "خليج", "نهر", "بحيرة"]);

/// Whether a word key is one of [`LANDFORM_NOUNS`].
pub(super) fn is_landform_noun(key: &str) -> bool {
    LANDFORM_NOUNS.contains(key)
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
static NOT_REGION_NOUNS: WordKeys = WordKeys::new(&[
    "الجزء", "الطرف", "الجانب", "الجهة", "الضفة", "الشطر", "القسم", "النصف", "الواجهة", "الحدود", "الاتجاه", "المدخل",
    "المخرج", "الجناح", "الركن", "الباب", "السور", "الشارع", "الطريق", "الممر", "الخط", "المحور", "الجبهة",
    "الشريط", "القطاع", "الحي", "الحزام", "الرصيف", "السماء", "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط",
    "الإعلام", "العالم", "المعسكر", "الحلف", "الموقف", "الرأي", "الضغط",
]);

/// Sure nouns of place whose dual (ولايتي، مدينتي) stands before two names.
#[rustfmt::skip]
const DUAL_PLACE_NOUNS: &[&str] = &[
    "ولايتي", "مدينتي", "محافظتي", "بلدتي", "قريتي", "مخيمي", "منطقتي", "بلديتي", "معتمديتي", "مديريتي", "مقاطعتي",
];

/// Loose nouns of place whose dual names two places only before two names
/// joined by و (ميناءي الإسكندرية ومرسين، قضاءي الزبير وأبي الخصيب); not
/// مينائي "of ports" alone, nor قضائي "judicial", which is no dual.
#[rustfmt::skip]
const LOOSE_DUAL_PLACE_NOUNS: &[&str] = &[
    "ميناءي", "مينائي", "مرفأي", "مرفئي", "مطاري", "قضاءي", "جزيرتي", "جزيرتا", "إمارتي", "إمارتا", "عاصمتي", "عاصمتا",
];

/// Sure nouns of place whose plural (ولايات، مدن) stands before a list of names.
#[rustfmt::skip]
const PLURAL_PLACE_NOUNS: &[&str] = &[
    "ولايات", "محافظات", "مدن", "بلدات", "قرى", "مخيمات", "مديريات", "بلديات", "معتمديات", "مقاطعات", "أقاليم",
    "ضواحي", "مناطق", "أحياء",
];

/// The most names a list after a plural noun of place runs to.
const MOST_LISTED_PLACES: usize = 5;

/// What the dual or the plural of a noun of place stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PlaceList {
    /// How many names: 2 after a dual.
    pub most: usize,
    /// Only names joined by و (a plural, a loose noun's dual).
    pub joined_only: bool,
}

/// The names the dual or the plural of a noun of place stands before,
/// proclitics allowed (في ولايتي، بمدينتي، في ولايات). The nominative dual
/// of a feminine noun (مدينتا حمص وحماة) is the genitive's with ا.
pub(super) fn place_nouns_before(word_key: &str) -> Option<PlaceList> {
    static NOUNS: OnceLock<rustc_hash::FxHashMap<String, PlaceList>> = OnceLock::new();
    let nouns = NOUNS.get_or_init(|| {
        let sure = PlaceList { most: 2, joined_only: false };
        let duals = DUAL_PLACE_NOUNS.iter().map(|w| crate::arabic::key(w)).flat_map(|k| {
            let nominative = k.strip_suffix("تي").map(|stem| format!("{stem}تا"));
            std::iter::once(k).chain(nominative).map(move |k| (k, sure))
        });
        let loose =
            LOOSE_DUAL_PLACE_NOUNS.iter().map(|w| (crate::arabic::key(w), PlaceList { most: 2, joined_only: true }));
        let plurals = PLURAL_PLACE_NOUNS
            .iter()
            .map(|w| (crate::arabic::key(w), PlaceList { most: MOST_LISTED_PLACES, joined_only: true }));
        duals.chain(loose).chain(plurals).collect()
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

impl Finder {
    pub(super) fn after_place_noun(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        if t.is_counted(i) || is_verb_led_to(t, i) {
            return;
        }
        let noun = t.key(i).strip_prefix(['و', 'ف', 'ب', 'ل']).filter(|rest| rest.chars().count() >= 2);
        let loose = LOOSE_PLACE_NOUNS.contains(t.key(i)) || noun.is_some_and(|n| LOOSE_PLACE_NOUNS.contains(n));
        let mut j = i + 1;
        // العاصمة السورية دمشق: a definite noun takes adjectives before the
        // name; an indefinite one (مخيم الزعتري) is followed by the name itself.
        // العاصمة المؤقتة عدن: and so does any definite adjective before a known place.
        let definite = t.key(i).contains("ال");
        while definite
            && j < i + 3
            && t.joined(j)
            && (is_nisba(t.key(j)) || t.is_definite(j) && t.joined(j + 1) && is_known_place(t.key(j + 1)))
        {
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
            let mut rest = self.material(t, j + 1, 2, true, false);
            // رئيس ولاية جنوب الغرب عبد العزيز لفتاغرين: a given name after
            // the region's name begins the name of its head.
            if let Some(at) = rest.iter().skip(1).position(|w| class(&w.key).given_name) {
                rest.truncate(at + 1);
            }
            if !rest.is_empty() {
                started[j] = true;
                let words: Vec<NameWord> = std::iter::once(t.name_word(j)).chain(rest).collect();
                self.push(Reason::PlaceNoun, words, 2, None);
            }
            return;
        }
        if is_beach_on_water([Some(t.key(i)), noun], key) {
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
            self.prepend_to_last(t.name_word_as(i, &bare));
        }
    }

    /// المنطقة الشرقية، بالساحل الشمالي، البر الغربي: a definite noun of
    /// land and a direction agreeing with it name a region. Not a part or a
    /// side (الجزء الشمالي), a nisba or nationality (الانتقالي الجنوبي،
    /// الكورية الجنوبية), or a plural (الأحياء الشرقية, whose adjective is
    /// feminine where the noun is not).
    pub(super) fn region(&mut self, t: &Text, i: usize, started: &mut [bool]) {
        static ADJECTIVES: OnceLock<Vec<String>> = OnceLock::new();
        let adjectives = ADJECTIVES.get_or_init(|| {
            DIRECTION_ADJECTIVES
                .iter()
                .flat_map(|a| [crate::arabic::key(a), crate::arabic::key(&format!("{a}ة"))])
                .collect()
        });
        let adjective = t.key(i + 1);
        if started[i] || !t.joined(i + 1) || !adjectives.iter().any(|a| a == adjective) {
            return;
        }
        let feminine = adjective.ends_with('ه');
        let noun = without_proclitics(t.key(i), |k| {
            // البادية الشرقية has a noun of a nisba's shape; الكورية الجنوبية a nationality.
            let nisba = is_nisba(k) && (!k.ends_with("يه") || super::people::is_nationality(k));
            is_definite(k)
                && k.ends_with('ه') == feminine
                && !nisba
                && !is_definite_plural(k)
                && !NOT_REGION_NOUNS.contains(k)
        });
        let Some(noun) = noun else { return };
        started[i] = true;
        let words = vec![t.name_word_as(i, &noun), t.name_word(i + 1)];
        self.push(Reason::Region, words, 2, None);
    }

    /// The dual of a noun of place before two names joined by و (ولايتي
    /// أديامان وإلازيغ، مدينتي حمص وحماة), or its plural before a list
    /// (ولايات صلالة وطاقة ومرباط): all are places. At most `most` names.
    pub(super) fn after_place_nouns(&mut self, t: &Text, i: usize, list: PlaceList, started: &mut [bool]) {
        let most = list.most;
        let j = i + 1;
        if !t.joined(j) {
            return;
        }
        // A plural before one name, or before a definite word, is no list:
        // قرى تابعة لقضاء بستك، ولايات السلطنة، مخيمات النازحين.
        let next = (j + 1..t.len().min(j + 3)).take_while(|&k| t.joined(k)).find(|&k| t.key(k).starts_with('و'));
        // مديريات المكلا والشحر: a definite name that is a known place begins
        // one; so does one whose next has no article (محافظات الدوادمي وعفيف
        // والمويه), where مخيمات النازحين واللاجئين is no list.
        let next_bare = next.is_some_and(|k| {
            let bare = &t.key(k)['و'.len_utf8()..];
            let word = t.name_word_as(k, bare);
            letter_count(bare) >= 3
                && !is_definite(bare)
                && !is_inflected(t.written(k), bare, true)
                && self.is_name_word(&word)
        });
        let definite = is_definite(t.key(j)) && !is_known_place(t.key(j)) && !next_bare;
        if most > 2 && definite || list.joined_only && next.is_none() {
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
            let first = t.name_word_as(k, bare);
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
            if is_rare(t.key(i + 1)) || is_rare_after_locative(t.key(i + 1)) {
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
        // كتب - محرر الشؤون الرياضية: a byline, no dateline.
        if BYLINE_WORDS.contains(&place[0].key) || place.iter().any(|w| class(&w.key).stop || is_date_word(&w.key)) {
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
        let in_date = |k: usize| t.gap(k).trim() == "/" && k > end && is_number(t.key(k - 1)) && is_number(t.key(k));
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
}
