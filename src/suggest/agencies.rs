//! The news agencies every Arabic archive quotes, with the abbreviations
//! their wires sign with. An article that signs `(وات)` and another that
//! writes وكالة تونس إفريقيا للأنباء name one agency, though no article
//! writes the two together (which [`super::outlets`] would read as one).
//! The names and abbreviations are those the agencies use on their own
//! Arabic sites, for the members of the Federation of Arab News Agencies and
//! the world agencies Arabic news cites most. An abbreviation that is also an
//! ordinary word or a region (العمانية، الأناضول) is left out.

use rustc_hash::FxHashMap;

use super::Group;
use crate::arabic::key;

/// Each agency's full name, then its abbreviations.
const AGENCIES: &[(&str, &[&str])] = &[
    ("وكالة الأنباء السعودية", &["واس"]),
    ("وكالة الأنباء القطرية", &["قنا"]),
    ("وكالة الأنباء الكويتية", &["كونا"]),
    ("وكالة أنباء الإمارات", &["وام"]),
    ("وكالة أنباء البحرين", &["بنا"]),
    ("وكالة الأنباء الأردنية", &["بترا"]),
    ("الوكالة العربية السورية للأنباء", &["سانا"]),
    ("وكالة الأنباء العراقية", &["واع"]),
    ("الوكالة الوطنية للإعلام", &["وطنية"]),
    ("وكالة الأنباء والمعلومات الفلسطينية", &["وفا"]),
    ("وكالة الأنباء الفلسطينية", &["وفا"]),
    ("وكالة أنباء الشرق الأوسط", &["أ ش أ"]),
    ("وكالة السودان للأنباء", &["سونا"]),
    ("وكالة الأنباء الليبية", &["وال"]),
    ("وكالة تونس إفريقيا للأنباء", &["وات"]),
    ("وكالة الأنباء الجزائرية", &["واج", "وأج"]),
    ("وكالة المغرب العربي للأنباء", &["ومع"]),
    ("الوكالة الموريتانية للأنباء", &["ومأ"]),
    ("وكالة الأنباء اليمنية", &["سبأ"]),
    ("وكالة الصحافة الفرنسية", &["أ ف ب", "فرانس برس"]),
    ("وكالة أسوشيتد برس", &["أ ب", "أسوشيتد برس"]),
];

/// Pairs of groups that are one agency: its full name and an abbreviation,
/// each found in the archive.
pub fn pairs(groups: &[Group]) -> Vec<(usize, usize)> {
    let by_key: FxHashMap<&str, usize> =
        groups.iter().enumerate().map(|(i, g)| (g.spellings[0].key.as_str(), i)).collect();
    let mut pairs = Vec::new();
    for (name, abbreviations) in AGENCIES {
        let Some(&full) = by_key.get(key(name).as_str()) else { continue };
        pairs.extend(abbreviations.iter().filter_map(|a| by_key.get(key(a).as_str())).map(|&short| (full, short)));
    }
    pairs
}
