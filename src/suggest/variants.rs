//! Spellings of one name, merged: the same matching key (hamza on alef,
//! ى/ي, ة/ه and tashkeel already folded), the same compound in either
//! spacing (عبد الفتاح / عبدالفتاح, أبو ظبي / أبوظبي), a close
//! transliteration (بوتن / بوتين, ترمب / ترامب: one letter apart, with the
//! same consonants, غ and ج as one), an agency's abbreviation after its name (واع), and a
//! person's family name alone beside the full name (بوتين in فلاديمير بوتين),
//! the same letters with and without spaces (يرلي كايا / يرليكايا), and the
//! longer and shorter forms of a person's name ([`super::person_names`]).
//! Also which names are spellings of entities the lists already have.

use rustc_hash::FxHashMap;

use super::Group;
use super::person_names::same_person;
use super::places::is_landform_noun;
use crate::arabic::spacing::joined;
use crate::arabic::tokens::proclitic_variants;
use crate::entities::catalog::spelling_key;
use crate::entities::{Catalog, EntityId, Kind};

/// The consonants of a word key: long vowels and hamza seats after the
/// first letter dropped (بوتين → بتن, ترامب → ترمب), and غ written ج, the
/// two ways of writing a foreign hard g (غفارديول / جفارديول، ياهاغي / ياهاجي).
fn skeleton(word: &str) -> String {
    let hard_g = |c: char| if c == 'غ' { 'ج' } else { c };
    let mut chars = word.chars().map(hard_g);
    let first = chars.next().map(String::from).unwrap_or_default();
    first + &chars.filter(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ؤ' | 'ئ')).collect::<String>()
}

/// The key under which close spellings meet: compounds joined, consonants only.
pub fn loose_key(spelling: &str) -> String {
    let words: Vec<&str> = spelling.split(' ').collect();
    joined(&words).iter().map(|w| skeleton(w)).collect::<Vec<_>>().join(" ")
}

/// Whether two spellings with the same loose key are one name: each word at
/// most one letter apart and ending in the same letter (so that the nisba
/// روسي stays apart from روسيا), and a one-word name of at least four letters
/// (so that سمير and سمر stay apart).
pub fn close(a: &str, b: &str) -> bool {
    let (a_words, b_words): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (a_joined, b_joined) = (joined(&a_words), joined(&b_words));
    if a_joined.len() != b_joined.len() {
        return false;
    }
    let short = a_joined.len() == 1 && a_joined[0].chars().count().min(b_joined[0].chars().count()) < 4;
    !short
        && a_joined
            .iter()
            .zip(&b_joined)
            .all(|(x, y)| strsim::levenshtein(x, y) <= 1 && x.chars().last() == y.chars().last())
}

/// The keys of the words for "son of" (بن، ابن، بنت، ولد): what follows
/// is the father's name.
const SON_OF: [&str; 4] = ["بن", "ابن", "بنت", "ولد"];

/// Names written with and without spaces are merged from this many letters
/// (short ones may be two words that happen to spell a third).
const MIN_UNSPACED_LETTERS: usize = 6;

/// Union of groups by index.
struct Merges(Vec<usize>);

impl Merges {
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Merges the groups that are spellings of one name; `pairs` are groups
/// known to be one (a name and its abbreviation).
pub fn merge(groups: Vec<Group>, pairs: &[(usize, usize)]) -> Vec<Group> {
    let mut merges = Merges((0..groups.len()).collect());
    for &(a, b) in pairs {
        merges.join(a, b);
    }
    let mut by_loose: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, group) in groups.iter().enumerate() {
        by_loose.entry(loose_key(&group.spellings[0].key)).or_default().push(i);
    }
    for members in by_loose.values() {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                if close(&groups[a].spellings[0].key, &groups[b].spellings[0].key) {
                    merges.join(a, b);
                }
            }
        }
    }
    // A name found with a proclitic on its first word (لتميم بن حمد) is the
    // name without it, when that was found too.
    let by_key: FxHashMap<&str, usize> =
        groups.iter().enumerate().map(|(i, g)| (g.spellings[0].key.as_str(), i)).collect();
    for (i, group) in groups.iter().enumerate() {
        let key = group.spellings[0].key.as_str();
        let (first, rest) = key.split_once(' ').map_or((key, ""), |(f, r)| (f, r));
        let mut variants = Vec::new();
        proclitic_variants(first, &mut variants);
        let mut buf = String::new();
        for variant in variants {
            let form = variant.write(first, &mut buf);
            let whole = if rest.is_empty() { form.to_owned() } else { format!("{form} {rest}") };
            if let Some(&bare) = by_key.get(whole.as_str()) {
                merges.join(i, bare);
                break;
            }
        }
    }
    let kinds: Vec<Option<Kind>> = groups.iter().map(Group::kind).collect();
    // A landform named with its noun and without it (نهر دجلة and دجلة,
    // جبال علقان and علقان, جبل سيروا and سيروا): one place, when both are
    // taken for places (جبل طارق is not طارق).
    for (i, group) in groups.iter().enumerate() {
        let Some((noun, rest)) = group.spellings[0].key.split_once(' ') else { continue };
        let landform = is_landform_noun(noun);
        if let Some(&bare) = by_key.get(rest)
            && landform
            && kinds[i] == Some(Kind::Place)
            && kinds[bare] == Some(Kind::Place)
        {
            merges.join(i, bare);
        }
    }
    for (a, b) in super::known_places::same_known_places() {
        if let (Some(&a), Some(&b)) = (by_key.get(a.as_str()), by_key.get(b.as_str())) {
            merges.join(a, b);
        }
    }
    // The same name written with and without spaces (علي يرلي كايا and
    // علي يرليكايا; بن كيران and بنكيران).
    let mut unspaced: FxHashMap<String, usize> = FxHashMap::default();
    for (i, group) in groups.iter().enumerate() {
        let key: String = group.spellings[0].key.chars().filter(|c| *c != ' ').collect();
        if key.chars().count() >= MIN_UNSPACED_LETTERS {
            let first = *unspaced.entry(key).or_insert(i);
            merges.join(first, i);
        }
    }
    // A lineage written longer or shorter, a name without the father's.
    let people: Vec<(usize, &str)> = groups
        .iter()
        .enumerate()
        .filter(|(i, _)| kinds[*i] == Some(Kind::Person))
        .map(|(i, g)| (i, g.spellings[0].key.as_str()))
        .collect();
    for (a, b) in same_person(&people) {
        merges.join(a, b);
    }
    // A family name with and without the article (خالد العناني، خالد عناني).
    let mut without_article: FxHashMap<String, usize> = FxHashMap::default();
    for &(i, key) in &people {
        let Some((first, rest)) = key.split_once(' ') else { continue };
        let rest: Vec<&str> =
            rest.split(' ').map(|w| w.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(w)).collect();
        let first_found = *without_article.entry(format!("{first} {}", rest.join(" "))).or_insert(i);
        merges.join(first_found, i);
    }
    // A family name alone (بوتين) is the full name's (فلاديمير بوتين) when
    // exactly one person's name ends with it.
    let mut tails: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, group) in groups.iter().enumerate() {
        if kinds[i] != Some(Kind::Person) {
            continue;
        }
        let key = group.spellings[0].key.as_str();
        for (at, _) in key.match_indices(' ') {
            // خالد بن محمد بن زايد: what follows "son of" is the father's
            // name, another person's.
            if !key[..at].rsplit(' ').next().is_some_and(|word| SON_OF.contains(&word)) {
                tails.entry(&key[at + 1..]).or_default().push(i);
            }
        }
    }
    for (i, group) in groups.iter().enumerate() {
        if matches!(kinds[i], Some(Kind::Place | Kind::Source)) {
            continue;
        }
        if let Some(&[full]) = tails.get(group.spellings[0].key.as_str()).map(Vec::as_slice) {
            merges.join(i, full);
        }
    }
    let mut merged: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    for i in (0..merged.len()).rev() {
        let root = merges.root(i);
        if root != i
            && let Some(group) = merged[i].take()
            && let Some(target) = merged[root].as_mut()
        {
            target.absorb(group);
        }
    }
    merged.into_iter().flatten().collect()
}

/// The listed entities by the keys of their spellings, exact and loose.
pub struct Listed<'c> {
    catalog: &'c Catalog,
    exact: FxHashMap<String, Vec<EntityId>>,
    loose: FxHashMap<String, Vec<(String, EntityId)>>,
    /// Last words of several-word person names → who has them.
    tails: FxHashMap<String, Vec<EntityId>>,
}

impl<'c> Listed<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        let mut listed =
            Listed { catalog, exact: FxHashMap::default(), loose: FxHashMap::default(), tails: FxHashMap::default() };
        for id in catalog.ids() {
            let entity = catalog.get(id);
            for spelling in &entity.spellings {
                let key = spelling_key(&spelling.text);
                listed.exact.entry(key.clone()).or_default().push(id);
                listed.loose.entry(loose_key(&key)).or_default().push((key.clone(), id));
                if entity.kind == Kind::Person {
                    for (at, _) in key.match_indices(' ') {
                        listed.tails.entry(key[at + 1..].to_owned()).or_default().push(id);
                    }
                }
            }
        }
        listed
    }

    /// The one entity a listed spelling belongs to.
    pub fn entity_of(&self, spelling: &str) -> Option<EntityId> {
        match self.exact.get(spelling).map(Vec::as_slice) {
            Some([only]) => Some(*only),
            _ => None,
        }
    }

    /// Whether a spelling is already in a list.
    pub fn has(&self, spelling: &str) -> bool {
        self.exact.contains_key(spelling)
    }

    /// The one listed entity that a new spelling is a variant of: a close
    /// transliteration or spacing of one of its spellings, its family name
    /// alone, or its name with the given name before.
    pub fn variant_of(&self, spelling: &str, kind: Option<Kind>) -> Option<EntityId> {
        let mut who: Vec<EntityId> = self
            .loose
            .get(&loose_key(spelling))
            .into_iter()
            .flatten()
            .filter(|(listed, _)| close(listed, spelling))
            .map(|&(_, id)| id)
            .collect();
        if kind.is_none_or(|k| k == Kind::Person) {
            who.extend(self.tails.get(spelling).into_iter().flatten());
            for (at, _) in spelling.match_indices(' ') {
                let tail = &spelling[at + 1..];
                who.extend(
                    self.exact.get(tail).into_iter().flatten().filter(|&&id| self.catalog.get(id).kind == Kind::Person),
                );
            }
        }
        who.sort_unstable();
        who.dedup();
        match who.as_slice() {
            [only] if kind.is_none_or(|k| self.catalog.get(*only).kind == k) => Some(*only),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;

    fn k(text: &str) -> String {
        spelling_key(text)
    }

    /// Which spellings are one name.
    #[test]
    fn close_spellings_table() {
        let table = [
            ("بوتين", "بوتن", true),
            ("ترامب", "ترمب", true),
            ("زيلينسكي", "زيلنسكي", true),
            ("عبد الفتاح البرهان", "عبدالفتاح البرهان", true),
            ("أبو ظبي", "أبوظبي", true),
            ("إسطنبول", "اسطنبول", true),
            ("يوشكو غفارديول", "يوشكو جفارديول", true),
            ("يوشيتو ياهاغي", "يوشيتو ياهاجي", true),
            ("سمير", "سمر", false),
            ("روسيا", "روسي", false),
            ("سوريا", "سوري", false),
            ("غوتيريش", "غوتيريس", false),
            ("بشار الأسد", "ماهر الأسد", false),
            ("غزة", "جزة", false),
        ];
        for (a, b, expected) in table {
            let (a, b) = (k(a), k(b));
            assert_eq!(loose_key(&a) == loose_key(&b) && close(&a, &b), expected, "{a} / {b}");
        }
        assert_eq!(skeleton(&key("بوتين")), "بتن");
    }
}
