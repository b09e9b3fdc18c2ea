//! Longer and shorter forms of one person's name, for [`super::variants`]:
//! a lineage written with more or fewer forebears and with or without the
//! family (محمد بن سلمان, محمد بن سلمان بن عبدالعزيز آل سعود), and a name with
//! the father's name left out (محمود تريزيجيه beside محمود حسن تريزيجيه).
//! Both are how Arabic news writes one person's name at its first mention
//! and after it, or from one outlet to the next. Pure functions of keys.

use rustc_hash::FxHashMap;

use crate::arabic::spacing::joined;

/// The keys of بن and ابن, "son of", and of آل, "family of".
const SON_OF: [&str; 2] = ["بن", "ابن"];
const FAMILY_OF: &str = "ال";

/// A name in the form: given name, بن and a forebear (one or more times),
/// then perhaps آل and a family.
#[derive(Debug, PartialEq, Eq)]
struct Lineage {
    given: String,
    forebears: Vec<String>,
    family: Option<String>,
}

/// The lineage of a name's key (its words as keys, compounds joined, so
/// that عبد الرحمن and عبدالرحمن are one forebear); `None` for a name of
/// another shape.
fn lineage(key: &str) -> Option<Lineage> {
    let words = joined(&key.split(' ').collect::<Vec<_>>());
    let (given, mut rest) = words.split_first()?;
    let mut forebears = Vec::new();
    while let [son, forebear, tail @ ..] = rest
        && SON_OF.contains(&son.as_str())
    {
        forebears.push(forebear.clone());
        rest = tail;
    }
    let family = match rest {
        [] => None,
        [family_of, family] if family_of == FAMILY_OF => Some(family.clone()),
        _ => return None,
    };
    (!forebears.is_empty()).then(|| Lineage { given: given.clone(), forebears, family })
}

/// Whether two lineages can be one person's: the same given name, the
/// forebears of one the first forebears of the other, and the same family
/// where both name one.
fn compatible(a: &Lineage, b: &Lineage) -> bool {
    let n = a.forebears.len().min(b.forebears.len());
    a.given == b.given
        && a.forebears[..n] == b.forebears[..n]
        && (a.family.is_none() || b.family.is_none() || a.family == b.family)
}

/// The given and family names of a name of three words or more without
/// particles (محمود حسن تريزيجيه → محمود تريزيجيه).
fn without_middle(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let particles = |w: &&str| super::words::is_particle(w);
    (words.len() >= 3 && !words.iter().any(particles)).then(|| format!("{} {}", words[0], words[words.len() - 1]))
}

/// The family name of a person's name of two words or more, which news
/// writes alone for the person after the first mention (رالف رانغنيك →
/// رانغنيك، سعيد المعولي → المعولي): the last word, when it is no particle,
/// given name, function word, cue, known place or nationality (محمد شياع
/// السوداني is not every السوداني), carries no preposition with the
/// article, has not the shape of a verbal noun (لوقف إطلاق) nor ends in
/// alef (ثالثا, an adverb, is no family name), is not the second half of
/// a compound (عبد الله), and has four letters at least.
pub fn family_name(key: &str) -> Option<&str> {
    let (_, last) = key.rsplit_once(' ')?;
    let word = super::words::class(last);
    let ordinary = word.stop
        || word.given_name
        || super::words::is_particle(last)
        || word.common_subject
        || super::shapes::has_article_proclitic(last)
        || super::shapes::is_cue_or_role(last)
        || super::shapes::is_masdar_shape(last)
        || last.ends_with('ا')
        || last == "الله";
    let place = super::known_places::is_known_place(last) || super::people::is_nationality(last);
    (!ordinary && !place && crate::arabic::normalize::letter_count(last) >= 4).then_some(last)
}

/// Which of the given person names (index, key) are forms of one name.
/// A shorter form joins the longer ones only when they cannot be two
/// people: all its longer lineages agree with one another, and one name only
/// has its given and family names.
pub fn same_person(names: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let lineages: Vec<(usize, Lineage)> = names.iter().filter_map(|&(i, key)| Some((i, lineage(key)?))).collect();
    let mut by_start: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (n, (_, l)) in lineages.iter().enumerate() {
        by_start.entry((&l.given, &l.forebears[0])).or_default().push(n);
    }
    for members in by_start.values() {
        let partners = |a: usize| -> Vec<usize> {
            members.iter().copied().filter(|&b| b != a && compatible(&lineages[a].1, &lineages[b].1)).collect()
        };
        // A form that agrees with two names that disagree could be either.
        let ambiguous: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&a| {
                let of_a = partners(a);
                of_a.iter().any(|&b| of_a.iter().any(|&c| !compatible(&lineages[b].1, &lineages[c].1)))
            })
            .collect();
        for &a in members.iter().filter(|a| !ambiguous.contains(a)) {
            for b in partners(a).into_iter().filter(|b| !ambiguous.contains(b) && *b > a) {
                pairs.push((lineages[a].0, lineages[b].0));
            }
        }
    }
    let mut longer: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for &(i, key) in names {
        if let Some(short) = without_middle(key) {
            longer.entry(short).or_default().push(i);
        }
    }
    for &(i, key) in names {
        if let Some([full]) = longer.get(key).map(Vec::as_slice) {
            pairs.push((i, *full));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::catalog::spelling_key;

    /// Which two names are forms of one person's, alone in an archive.
    #[test]
    fn forms_of_one_name() {
        let table = [
            ("خالد بن سعيد", "خالد بن سعيد بن راشد آل مكتوم", true),
            ("خالد بن سعيد آل مكتوم", "خالد بن سعيد بن راشد آل مكتوم", true),
            ("هزاع بن عبد الله", "هزاع بن عبدالله بن ناصر", true),
            ("فهد بن سلطان", "فهد بن سلطان آل خليفة", true),
            ("فهد بن سلطان آل نهيان", "فهد بن سلطان آل خليفة", false),
            ("فهد بن سلطان", "فهد بن منصور", false),
            ("فهد بن سلطان بن زايد", "فهد بن سلطان بن خليفة", false),
            ("ياسر فهمي", "ياسر عادل فهمي", true),
            ("ياسر فهمي", "ياسر عادل كامل فهمي", true),
            ("ياسر فهمي", "ياسر فهمي النجار", false),
            ("أبو خليل", "أبو سعيد خليل", false),
        ];
        for (short, long, expected) in table {
            let (a, b) = (spelling_key(short), spelling_key(long));
            let pairs = same_person(&[(0, &a), (1, &b)]);
            assert_eq!(!pairs.is_empty(), expected, "{short} / {long}: {pairs:?}");
        }
    }

    /// The family name that stands alone for a person, and the last words
    /// that are none.
    #[test]
    fn family_names_table() {
        let table = [
            ("رالف رانغنيك", Some("رانغنيك")),
            ("سعيد المعولي", Some("المعولي")),
            ("بدر بن حمد البوسعيدي", Some("البوسعيدي")),
            ("محمد شياع السوداني", None),
            ("لويس هاميلتون ثالثا", None),
            ("عبد الرحمن محمد عبد الله", None),
            ("أسامة حماد تشكيل", None),
            ("محمد بن", None),
            ("بوتين", None),
            ("جون كيري", Some("كيري")),
            ("نبيل زكي", None),
        ];
        for (name, expected) in table {
            let key = spelling_key(name);
            assert_eq!(family_name(&key), expected.map(spelling_key).as_deref(), "{name}");
        }
    }

    /// A shorter form that could be either of two people stays apart.
    #[test]
    fn a_form_of_two_names_stays_apart() {
        let names = ["فهد بن سلطان", "فهد بن سلطان آل نهيان", "فهد بن سلطان آل خليفة"].map(spelling_key);
        let pairs = same_person(&[(0, &names[0]), (1, &names[1]), (2, &names[2])]);
        assert!(pairs.iter().all(|&(a, b)| a != 0 && b != 0), "{pairs:?}");
        let names = ["ياسر فهمي", "ياسر عادل فهمي", "ياسر سمير فهمي"].map(spelling_key);
        assert!(same_person(&[(0, &names[0]), (1, &names[1]), (2, &names[2])]).is_empty());
    }
}
