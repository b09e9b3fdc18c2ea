//! Cue words (docs/arabic.md §2.9, an addition): a title or a common noun written
//! directly before a name says what kind of thing the name is. مدينة النعمة
//! is a town, قناة الميادين a channel, الشيخ تميم a person. The matcher uses
//! them to settle a weak or shared spelling, and `entities suggest` to find
//! names no list has yet. Pure functions of word keys.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::normalize::key;
use super::tokens::{Stripped, proclitic_variants};
use crate::entities::Kind;

/// Definite titles that stand in apposition before a person's name (الرئيس
/// بوتين). Without the article (رئيس، ملك، أمير، سفير) they govern what
/// follows, which is often a country (ملك الأردن، سفير روسيا), so only the
/// definite forms are cues.
pub const PERSON_TITLES: &[&str] = &[
    "الرئيس",
    "الرئيسة",
    "الملك",
    "الملكة",
    "الأمير",
    "الأميرة",
    "الشيخ",
    "الشيخة",
    "الوزير",
    "الوزيرة",
    "السفير",
    "السفيرة",
    "الجنرال",
    "المشير",
    "اللواء",
    "العميد",
    "العقيد",
    "الرائد",
    "النقيب",
    "الملازم",
    "المقدم",
    "الرقيب",
    "العريف",
    "الدكتور",
    "الدكتورة",
    "السيد",
    "السيدة",
    "المستشار",
    "المستشارة",
    "النائب",
    "النائبة",
    "الزعيم",
    "المرشد",
    "الإمام",
    "البابا",
    "الكاردينال",
    "الإمبراطور",
    "الإمبراطورة",
    "القائد",
    "الأستاذ",
    "الأستاذة",
    "المطران",
    "البطريرك",
    "الحاخام",
    "القاضي",
    "المحامي",
    "المحامية",
];

/// Nouns that stand before a place's name (مدينة حلب، محافظة صور).
/// Directions (شمال، جنوب) are left out: شرق also begins names of outlets.
pub const PLACE_NOUNS: &[&str] = &[
    "مدينة",
    "محافظة",
    "ولاية",
    "إقليم",
    "بلدة",
    "قرية",
    "مخيم",
    "العاصمة",
    "عاصمة",
    "منطقة",
    "جهة",
    "مديرية",
    "ناحية",
    "قضاء",
    "ريف",
    "جزيرة",
    "دولة",
    "مملكة",
    "جمهورية",
    "إمارة",
    "مقاطعة",
    "بلدية",
    "معتمدية",
    "مشعر",
    "صحراء",
    "واحة",
    "منجم",
    "ميناء",
    "مرفأ",
    "مطار",
    "مصفاة",
    "حي",
    "معبر",
    "شاطئ",
    "نهر",
    "جبل",
    "جبال",
    "وادي",
    "دلتا",
    "بحيرة",
    "هضبة",
    "سهل",
    "مضيق",
    "خليج",
    "حوض",
];

/// Nouns that stand before an outlet's name (وكالة سانا، صحيفة النهار).
/// موقع ("site", also "location") is left out: موقع تدمر is a place.
pub const SOURCE_NOUNS: &[&str] =
    &["وكالة", "صحيفة", "جريدة", "قناة", "إذاعة", "مجلة", "تلفزيون", "فضائية", "شبكة", "يومية", "أسبوعية"];

fn cue_table() -> &'static FxHashMap<String, Kind> {
    static TABLE: OnceLock<FxHashMap<String, Kind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists = [(Kind::Person, PERSON_TITLES), (Kind::Place, PLACE_NOUNS), (Kind::Source, SOURCE_NOUNS)];
        lists.into_iter().flat_map(|(kind, words)| words.iter().map(move |w| (key(w), kind))).collect()
    })
}

/// The kind a cue word names, for the key of the cue itself (no proclitics).
pub fn exact_cue_kind(word_key: &str) -> Option<Kind> {
    cue_table().get(word_key).copied()
}

/// The kind a cue word names, for the key of a word as written (with its
/// proclitics: ومدينة، بمحافظة، لوكالة، وللرئيس).
pub fn cue_kind(word_key: &str) -> Option<Kind> {
    let table = cue_table();
    if let Some(&kind) = table.get(word_key) {
        return Some(kind);
    }
    if !word_key.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
        return None;
    }
    let mut variants: Vec<Stripped> = Vec::new();
    proclitic_variants(word_key, &mut variants);
    let mut buf = String::new();
    variants.into_iter().find_map(|v| table.get(v.write(word_key, &mut buf)).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/arabic.md §2.9 (cue words), with phrases from news text.
    #[test]
    fn cue_table_rule() {
        let table = [
            ("مدينة", Some(Kind::Place)),   // مدينة النعمة
            ("بمحافظة", Some(Kind::Place)), // بمحافظة صور
            ("والعاصمة", Some(Kind::Place)),
            ("مضيق", Some(Kind::Place)),  // مضيق هرمز
            ("بخليج", Some(Kind::Place)), // بخليج عمان
            ("قناة", Some(Kind::Source)), // قناة الميادين
            ("لصحيفة", Some(Kind::Source)),
            ("وكالة", Some(Kind::Source)),
            ("الرئيس", Some(Kind::Person)), // الرئيس بوتين
            ("وللرئيس", Some(Kind::Person)),
            ("الشيخ", Some(Kind::Person)),
            // Construct titles govern a country: ملك الأردن is not a person cue.
            ("ملك", None),
            ("رئيس", None),
            ("موقع", None),
            ("قال", None),
        ];
        for (word, expected) in table {
            assert_eq!(cue_kind(&key(word)), expected, "{word}");
        }
    }
}
