//! Spellings of one name, merged: the same matching key (hamza on alef,
//! ى/ي, ة/ه and tashkeel already folded), the same compound in either
//! spacing (عبد الفتاح / عبدالفتاح, أبو ظبي / أبوظبي), a close
//! transliteration (بوتن / بوتين, ترمب / ترامب, أكادير / أغادير: [`close`]),
//! an agency's abbreviation after its name (واع), and a
//! person's family name alone beside the full name (بوتين in فلاديمير بوتين),
//! the same letters with and without spaces (يرلي كايا / يرليكايا), and the
//! longer and shorter forms of a person's name ([`super::person_names`]).
//! Then the close transliterations of each name that the archive writes where
//! no evidence found it ([`spelled_elsewhere`]). Also which names are
//! spellings of entities the lists already have.

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::word_hash;
use super::known_places::{other_names_of, same_known_places};
use super::person_names::same_person;
use super::places::is_landform_noun;
use super::rare::is_common_word;
use super::{Group, GroupSpelling};
use crate::arabic::normalize::letter_count;
use crate::arabic::spacing::joined;
use crate::arabic::tokens::proclitic_variants;
use crate::entities::catalog::spelling_key;
use crate::entities::{Catalog, EntityId, Kind};

/// The letters a foreign hard g is written with (أغادير / أكادير،
/// غفارديول / جفارديول، بولمرقة / بولمرڤة).
const HARD_G: [char; 7] = ['غ', 'ج', 'ق', 'ك', 'ڤ', 'ڭ', 'گ'];

/// Long vowels and the seats of hamza: a transliteration writes them or not.
fn is_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ؤ' | 'ئ')
}

/// A word key with the letters that transliterations trade written one way:
/// a hard g as ج, ط as ت (طاسو / تاسو), and a final ة, اء or ء as ا (أسمرة /
/// أسمرا، فيفاء / فيفا), but not after ي, where ة makes a country's adjective
/// (تركية beside تركيا). A common given name keeps its letters but for غ
/// and ج: كمال is not جمال, nor قاسم جاسم.
fn transliterated(word: &str) -> String {
    let given_name = super::words::class(word).given_name;
    let mut letters: Vec<char> = word
        .chars()
        .map(|c| match c {
            'غ' => 'ج',
            _ if given_name => c,
            _ if HARD_G.contains(&c) => 'ج',
            'ط' => 'ت',
            _ => c,
        })
        .collect();
    if !given_name {
        if letters.ends_with(&['ا', 'ء']) {
            letters.pop();
        }
        let n = letters.len();
        if n >= 2 && matches!(letters[n - 1], 'ه' | 'ء') && letters[n - 2] != 'ي' {
            letters[n - 1] = 'ا';
        }
    }
    letters.into_iter().collect()
}

/// The consonants of a transliterated word: long vowels and hamza seats after
/// the first letter dropped (بوتين → بتن, ترامب → ترمب).
fn skeleton(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().map(String::from).unwrap_or_default();
    first + &chars.filter(|c| !is_vowel(*c)).collect::<String>()
}

/// The key under which close spellings meet: compounds joined, consonants only.
pub fn loose_key(spelling: &str) -> String {
    let words: Vec<&str> = spelling.split(' ').collect();
    joined(&words).iter().map(|w| skeleton(&transliterated(w))).collect::<Vec<_>>().join(" ")
}

/// Whether two words are one name's word transliterated two ways: the same
/// consonants once transliterated, the same last letter (so that the nisba
/// روسي stays apart from روسيا), and one letter apart, or two inside a
/// longer name (علي تتر / علي تاتار).
fn close_words(a: &str, b: &str, in_longer_name: bool) -> bool {
    let (x, y) = (transliterated(a), transliterated(b));
    // A letter traded is an edit too (المناطق is not المنتج), but for غ
    // and ج, which are one letter in foreign names.
    let hard_g = |word: &str| word.replace('غ', "ج");
    let edits = if in_longer_name { 2 } else { 1 };
    skeleton(&x) == skeleton(&y)
        && x.chars().last() == y.chars().last()
        && strsim::levenshtein(&hard_g(a), &hard_g(b)) <= edits
}

/// Whether two spellings with the same loose key are one name: each word
/// close ([`close_words`]), and a one-word name of at least four letters (so
/// that سمير and سمر stay apart).
pub fn close(a: &str, b: &str) -> bool {
    let (a_words, b_words): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (a_joined, b_joined) = (joined(&a_words), joined(&b_words));
    if a_joined.len() != b_joined.len() {
        return false;
    }
    let longer = a_joined.len() > 1;
    let short = !longer && a_joined[0].chars().count().min(b_joined[0].chars().count()) < 4;
    !short && a_joined.iter().zip(&b_joined).all(|(x, y)| close_words(x, y, longer))
}

/// The words one trade away from `word` (a long vowel written or not, or
/// traded for another, a hard g or ط written another way, a final ة, ا or
/// اء): the spellings of it that the archive is searched for, before
/// [`close`] has the last word.
fn transliterations(word: &str) -> Vec<String> {
    let letters: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut edited = |edit: &dyn Fn(&mut Vec<char>)| {
        let mut form = letters.clone();
        edit(&mut form);
        out.push(form.into_iter().collect());
    };
    for i in 1..letters.len() {
        for vowel in ['ا', 'و', 'ي'] {
            edited(&|form| form.insert(i, vowel));
            if is_vowel(letters[i]) && letters[i] != vowel {
                edited(&|form| form[i] = vowel);
            }
        }
        if is_vowel(letters[i]) {
            edited(&|form| {
                form.remove(i);
            });
        }
    }
    for (i, &letter) in letters.iter().enumerate() {
        let trades: &[char] = match letter {
            _ if HARD_G.contains(&letter) => &HARD_G,
            'ط' => &['ت'],
            'ت' => &['ط'],
            _ => &[],
        };
        for &other in trades.iter().filter(|&&c| c != letter) {
            edited(&|form| form[i] = other);
        }
    }
    match letters.last() {
        Some('ه') => {
            edited(&|form| *form.last_mut().expect("a last letter") = 'ا');
            edited(&|form| {
                *form.last_mut().expect("a last letter") = 'ا';
                form.push('ء');
            });
        }
        Some('ا') => {
            edited(&|form| *form.last_mut().expect("a last letter") = 'ه');
            edited(&|form| form.push('ء'));
        }
        Some('ء') => edited(&|form| {
            form.pop();
        }),
        _ => {}
    }
    out
}

/// The proclitics a word is found with in the vocabulary (وأغادير، لأسمرا).
const PROCLITICS: [&str; 6] = ["", "و", "ف", "ب", "ل", "ك"];

/// Whether the archive writes the word, alone or after a proclitic.
fn in_archive(word: &str, vocabulary: &FxHashSet<u64>, buf: &mut String) -> bool {
    let mut has = |proclitic: &str, rest: &str| {
        buf.clear();
        buf.push_str(proclitic);
        buf.push_str(rest);
        vocabulary.contains(&word_hash(buf))
    };
    PROCLITICS.iter().any(|p| has(p, word)) || word.strip_prefix("ال").is_some_and(|rest| has("لل", rest))
}

/// Adds to each name the spellings the archive writes where no evidence
/// found the name (بوب بافرت beside بوب بافيرت, أغادير beside أكادير), so
/// that they are counted for it: one word traded for a close transliteration
/// ([`close`]) that the archive has, but not a common word or a given name,
/// nor another name's spelling.
pub fn spelled_elsewhere(groups: &mut [Group], vocabulary: &FxHashSet<u64>) {
    let mut taken: FxHashSet<String> = groups.iter().flat_map(|g| g.spellings.iter().map(|s| s.key.clone())).collect();
    let is_name_word = |word: &str| {
        let class = super::words::class(word);
        !class.given_name && !class.stop && !is_common_word(word) && word.chars().count() >= 3
    };
    let mut buf = String::new();
    for group in groups.iter_mut() {
        let mut more: Vec<String> = Vec::new();
        for spelling in &group.spellings {
            let words: Vec<&str> = spelling.key.split(' ').collect();
            for (i, word) in words.iter().enumerate().filter(|(_, w)| is_name_word(w)) {
                for form in transliterations(word) {
                    if !in_archive(&form, vocabulary, &mut buf) || !is_name_word(&form) {
                        continue;
                    }
                    let mut traded = words.clone();
                    traded[i] = &form;
                    let key = traded.join(" ");
                    if close(&spelling.key, &key) && taken.insert(key.clone()) {
                        more.push(key);
                    }
                }
            }
        }
        group.spellings.extend(more.into_iter().map(|key| GroupSpelling { key, written: String::new(), finds: 0 }));
    }
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
    // A foreign name written with an alef before its first consonants and
    // without (انواذيبو and نواذيبو, انجامينا and نجامينا): one place, when
    // both are taken for places.
    for (i, group) in groups.iter().enumerate() {
        let key = group.spellings[0].key.as_str();
        let Some(rest) = key.strip_prefix('ا').filter(|rest| !rest.contains(' ') && !rest.starts_with('ل')) else {
            continue;
        };
        if let Some(&bare) = by_key.get(rest)
            && letter_count(rest) >= 4
            && kinds[i] == Some(Kind::Place)
            && kinds[bare] == Some(Kind::Place)
        {
            merges.join(i, bare);
        }
    }
    for names in same_known_places() {
        let mut found = names.iter().filter_map(|name| by_key.get(name.as_str()));
        if let Some(&first) = found.next() {
            found.for_each(|&other| merges.join(first, other));
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
    /// Other names of the known places listed (ساحل العاج where كوت
    /// ديفوار is) → which entity.
    other_names: FxHashMap<&'static str, Vec<EntityId>>,
}

impl<'c> Listed<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        let mut listed = Listed {
            catalog,
            exact: FxHashMap::default(),
            loose: FxHashMap::default(),
            tails: FxHashMap::default(),
            other_names: FxHashMap::default(),
        };
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
                if entity.kind == Kind::Place {
                    for other in other_names_of(&key) {
                        listed.other_names.entry(other).or_default().push(id);
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
    /// transliteration or spacing of one of its spellings, another name of
    /// a known place, its family name alone, or its name with the given
    /// name before.
    pub fn variant_of(&self, spelling: &str, kind: Option<Kind>) -> Option<EntityId> {
        let mut who: Vec<EntityId> = self
            .loose
            .get(&loose_key(spelling))
            .into_iter()
            .flatten()
            .filter(|(listed, _)| close(listed, spelling))
            .map(|&(_, id)| id)
            .collect();
        if kind.is_none_or(|k| k == Kind::Place) {
            who.extend(self.other_names.get(spelling).into_iter().flatten());
        }
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
            ("أكادير", "أغادير", true),
            ("حسيبة بولمرقة", "حسيبة بولمرڤة", true),
            ("مسفين طاسو", "مسفين تاسو", true),
            ("أسمرة", "أسمرا", true),
            ("مركة", "مركا", true),
            ("فيفاء", "فيفا", true),
            ("علي تتر", "علي تاتار", true),
            ("تركيا", "تركية", false),
            ("المنتج", "المناطق", false),
            ("ليبيا", "ليبية", false),
            ("كمال", "جمال", false),
            ("كمال الشاذلي", "جمال الشاذلي", false),
            ("ميشال تامر", "ميشيل تامر", true),
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
