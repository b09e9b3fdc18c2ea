//! Finding entity names in running text (ARABIC.md §2): whole words on their
//! keys, proclitics allowed before the first word only, the longest name wins at
//! a position, and mentions never overlap. Built once per build and shared.

use rustc_hash::FxHashMap;

use super::catalog::{Catalog, EntityId};
use crate::arabic::tokens::{Stripped, Words, joins_name, proclitic_variants};

/// An entity that a spelling may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claimant {
    pub entity: EntityId,
    /// A weak spelling of this entity (see [`crate::entities::catalog::Spelling`]).
    pub weak: bool,
}

/// A name found in a text: the byte range of the words (proclitics included)
/// and who the spelling may name: one entity, or several when it is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'m> {
    pub start: usize,
    pub end: usize,
    pub claimants: &'m [Claimant],
}

impl Found<'_> {
    /// The entity when the spelling is unambiguous and not weak.
    pub fn certain(&self) -> Option<EntityId> {
        match self.claimants {
            [only] if !only.weak => Some(only.entity),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Pattern {
    /// Keys of the words after the first.
    rest: Box<[Box<str>]>,
    claimants: Vec<Claimant>,
}

/// Every spelling of every entity, indexed by the key of its first word.
#[derive(Debug, Default)]
pub struct Matcher {
    by_first_word: FxHashMap<Box<str>, Vec<Pattern>>,
}

/// Reusable buffers for [`Matcher::find`], one per thread.
#[derive(Default)]
pub struct Scratch {
    words: Words,
    variants: Vec<Stripped>,
    form: String,
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        let mut by_first_word: FxHashMap<Box<str>, Vec<Pattern>> = FxHashMap::default();
        for id in catalog.ids() {
            for spelling in &catalog.get(id).spellings {
                let words = Words::of(&spelling.text);
                let mut keys = words.iter().map(|(_, k)| Box::<str>::from(k));
                let Some(first) = keys.next() else { continue };
                let rest: Box<[Box<str>]> = keys.collect();
                let claimant = Claimant { entity: id, weak: spelling.weak };
                let patterns = by_first_word.entry(first).or_default();
                match patterns.iter_mut().find(|p| p.rest == rest) {
                    Some(pattern) => pattern.claimants.push(claimant),
                    None => patterns.push(Pattern { rest, claimants: vec![claimant] }),
                }
            }
        }
        // Longest first, so the first pattern that matches is the longest match.
        for patterns in by_first_word.values_mut() {
            patterns.sort_by(|a, b| b.rest.len().cmp(&a.rest.len()).then_with(|| a.rest.cmp(&b.rest)));
        }
        Matcher { by_first_word }
    }

    /// Appends the mentions in `text` to `found`, left to right.
    pub fn find<'m>(&'m self, text: &str, scratch: &mut Scratch, found: &mut Vec<Found<'m>>) {
        scratch.words.fill(text);
        let mut i = 0;
        while i < scratch.words.len() {
            match self.match_at(text, i, scratch) {
                Some((pattern, words)) => {
                    let (first, last) = (scratch.words.get(i), scratch.words.get(i + words - 1));
                    if let (Some(first), Some(last)) = (first, last) {
                        found.push(Found { start: first.start, end: last.end, claimants: &pattern.claimants });
                    }
                    i += words;
                }
                None => i += 1,
            }
        }
    }

    /// The longest pattern starting at word `i`, and how many words it covers.
    /// An exact first word always wins over one with proclitics removed.
    fn match_at(&self, text: &str, i: usize, scratch: &mut Scratch) -> Option<(&Pattern, usize)> {
        let words = &scratch.words;
        let word = words.get(i)?;
        let key = words.key(word);
        if let Some(found) = self.longest(text, words, i, key) {
            return Some(found);
        }
        scratch.variants.clear();
        proclitic_variants(key, &mut scratch.variants);
        for variant in &scratch.variants {
            let form = variant.write(key, &mut scratch.form);
            if let Some(found) = self.longest(text, words, i, form) {
                return Some(found);
            }
        }
        None
    }

    fn longest(&self, text: &str, words: &Words, i: usize, first: &str) -> Option<(&Pattern, usize)> {
        let patterns = self.by_first_word.get(first)?;
        patterns.iter().find(|p| rest_matches(text, words, i, &p.rest)).map(|p| (p, p.rest.len() + 1))
    }
}

/// Whether the words after `i` are exactly `rest`, separated by spaces only.
fn rest_matches(text: &str, words: &Words, i: usize, rest: &[Box<str>]) -> bool {
    let mut previous = match words.get(i) {
        Some(w) => w,
        None => return false,
    };
    for (offset, expected) in rest.iter().enumerate() {
        let Some(word) = words.get(i + 1 + offset) else {
            return false;
        };
        if words.key(word) != &**expected || !joins_name(&text[previous.end..word.start]) {
            return false;
        }
        previous = word;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::catalog::Kind;

    const PEOPLE: &str = r#"
[assad]
name = "بشار الأسد"
aliases = ["الأسد"]
weak = ["الأسد"]

[putin]
name = "فلاديمير بوتين"
aliases = ["بوتين", "بوتن"]

[erdogan]
name = "رجب طيب أردوغان"
aliases = ["أردوغان", "إردوغان"]
"#;
    const PLACES: &str = r#"
[moscow]
name = "موسكو"

[syria]
name = "سوريا"
aliases = ["سورية"]

[lebanon]
name = "لبنان"

[russia]
name = "روسيا"
"#;
    const SOURCES: &str = r#"
[ria]
name = "وكالة الإعلام الروسية"

[afp]
name = "فرانس برس"
"#;

    fn matcher() -> (Catalog, Matcher) {
        let (catalog, problems) = Catalog::from_lists(&[
            (Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned()),
            (Kind::Place, Kind::Place.list_path(), PLACES.to_owned()),
            (Kind::Source, Kind::Source.list_path(), SOURCES.to_owned()),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let matcher = Matcher::new(&catalog);
        (catalog, matcher)
    }

    /// (text, [(matched text, entity key)]) for each rule.
    fn check(table: &[(&str, &[(&str, &str)])]) {
        let (catalog, matcher) = matcher();
        let mut scratch = Scratch::default();
        for (text, expected) in table {
            let mut found = Vec::new();
            matcher.find(text, &mut scratch, &mut found);
            let got: Vec<(&str, &str)> = found
                .iter()
                .map(|f| (&text[f.start..f.end], catalog.get(f.claimants[0].entity).key.as_str()))
                .collect();
            assert_eq!(&got, expected, "in {text:?}");
        }
    }

    /// ARABIC.md §1: matching is on the key, the text is kept as written.
    #[test]
    fn the_key_rule() {
        check(&[
            ("عقد بُوتِيـــن مؤتمرا", &[("بُوتِيـــن", "putin")]),
            ("قال إردوغان وأردوغان", &[("إردوغان", "erdogan"), ("وأردوغان", "erdogan")]),
            ("في سورية", &[("سورية", "syria")]),
        ]);
    }

    /// ARABIC.md §2: proclitics before the name, phrases from the seeds.
    #[test]
    fn the_proclitic_rule() {
        check(&[
            ("وقال الأسد لبوتين عبر مترجم روسي", &[("الأسد", "assad"), ("لبوتين", "putin")]),
            ("وتأتي محادثات موسكو بين بوتين والأسد", &[("موسكو", "moscow"), ("بوتين", "putin"), ("والأسد", "assad")]),
            ("زيارة الأسد لموسكو", &[("الأسد", "assad"), ("لموسكو", "moscow")]),
            ("إنقاذ نظام الأسد بتدخلها", &[("الأسد", "assad")]),
            ("وقال بوتين للأسد إنه يشعر", &[("بوتين", "putin"), ("للأسد", "assad")]),
            ("وموسكو وبموسكو فبموسكو", &[("وموسكو", "moscow"), ("وبموسكو", "moscow"), ("فبموسكو", "moscow")]),
            ("دعم بلاده لروسيا وسوريا", &[("لروسيا", "russia"), ("وسوريا", "syria")]),
            ("وفي لبنان وللبنان", &[("لبنان", "lebanon"), ("وللبنان", "lebanon")]),
        ]);
    }

    /// ARABIC.md §2: suffixes are never stripped, and names are never split.
    #[test]
    fn no_suffixes_and_no_splitting_names() {
        check(&[("التلفزيون الروسي والقوات السورية", &[]), ("بوتينا وموسكوية", &[]), ("الموسكو", &[])]);
    }

    /// ARABIC.md §2: the longest name wins, and only the first word takes proclitics.
    #[test]
    fn the_longest_match_rule() {
        check(&[
            ("الرئيس السوري بشار الأسد، الأربعاء", &[("بشار الأسد", "assad")]),
            ("ونقلت وكالة الإعلام الروسية عن الرئيس", &[("وكالة الإعلام الروسية", "ria")]),
            ("وبشار الأسد", &[("وبشار الأسد", "assad")]),
            ("بشار والأسد", &[("والأسد", "assad")]),
            ("بشار، الأسد", &[("الأسد", "assad")]),
            ("وفقا لفرانس برس.", &[("لفرانس برس", "afp")]),
        ]);
    }

    #[test]
    fn weak_spellings_are_not_certain() {
        let (_, matcher) = matcher();
        let mut found = Vec::new();
        matcher.find("الأسد وبشار الأسد", &mut Scratch::default(), &mut found);
        assert_eq!(found.iter().map(|f| f.certain().is_some()).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    fn a_shared_spelling_has_every_claimant() {
        let people =
            "[a]\nname = \"أحمد الشرع\"\naliases = [\"الشرع\"]\n\n[b]\nname = \"ماهر الشرع\"\naliases = [\"الشرع\"]\n";
        let (catalog, _) = Catalog::from_lists(&[(Kind::Person, Kind::Person.list_path(), people.to_owned())]);
        let matcher = Matcher::new(&catalog);
        let mut found = Vec::new();
        matcher.find("ناقش الشرع مع ماهر الشرع", &mut Scratch::default(), &mut found);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].claimants.len(), 2);
        assert_eq!(found[0].certain(), None);
        assert_eq!(found[1].certain(), catalog.resolve(Kind::Person, "b"));
    }
}
