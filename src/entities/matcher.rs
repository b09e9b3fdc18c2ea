//! Finding entity names in running text (docs/arabic.md §2): whole words on their
//! keys, proclitics allowed before the first word only, the longest name wins at
//! a position, and mentions never overlap. A listed name also matches in its
//! other spacings (عبد الفتاح / عبدالفتاح, أبو ظبي / أبوظبي) and across the
//! underscores of a hashtag. Each name found says what stands before it: a cue
//! word of some kind (قناة، مدينة، الرئيس) and whether it is a nisba adjective
//! (العاصمة السعودية), so that the analysis can settle who it names. Built once
//! per build and shared.

use rustc_hash::FxHashMap;

use super::catalog::{Catalog, EntityId, Kind};
use crate::arabic::cues::cue_kind;
use crate::arabic::nisba::{Written, is_nisba_adjective};
use crate::arabic::spacing::spacing_variants;
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::{Stripped, WordSlice, Words, after_first_letter, joins_name, proclitic_variants_keeping};

/// An entity that a spelling may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claimant {
    pub entity: EntityId,
    pub kind: Kind,
    /// A weak spelling of this entity (see [`crate::entities::catalog::Spelling`]).
    pub weak: bool,
}

/// A name found in a text: the byte range of the words (proclitics included)
/// and who the spelling may name: one entity, or several when it is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'m> {
    pub start: usize,
    pub end: usize,
    /// Where a link to the entity starts: after a leading و or ف, which do not
    /// join the next letter, so the link reads بلجيكا, not وبلجيكا (ب ل ك join
    /// their word and stay inside). `start` otherwise.
    pub link_start: usize,
    pub claimants: &'m [Claimant],
    /// The kind named by a cue word directly before (قناة الميادين, مدينة
    /// النعمة, الرئيس عون), joined to the name by spaces only, the name
    /// without a proclitic (الوزير بموسكو is no apposition).
    pub cue: Option<Kind>,
    /// A nisba adjective after a definite feminine noun (العاصمة السعودية):
    /// it names nothing ([`crate::arabic::nisba`]).
    pub adjective: bool,
}

impl<'m> Found<'m> {
    /// Who the spelling may name here: no one when it is an adjective; only
    /// claimants of the cue's kind after a cue word (a cue of another kind
    /// rules the others out); every claimant otherwise.
    pub fn eligible(&self) -> impl Iterator<Item = &'m Claimant> + use<'m> {
        let (adjective, cue) = (self.adjective, self.cue);
        self.claimants.iter().filter(move |c| !adjective && cue.is_none_or(|kind| c.kind == kind))
    }

    /// The entity when one claimant is eligible and its spelling is not weak
    /// or a cue of its kind stands before it (مدينة النعمة counts for the town
    /// even though النعمة is weak).
    pub fn certain(&self) -> Option<EntityId> {
        let mut eligible = self.eligible();
        match (eligible.next(), eligible.next()) {
            (Some(only), None) if !only.weak || self.cue == Some(only.kind) => Some(only.entity),
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

/// How a name was found at a word.
struct Match<'m> {
    pattern: &'m Pattern,
    words: usize,
    /// Found with a proclitic chain removed from its first word.
    stripped: bool,
}

/// How many words before a name the nisba rule looks at (القوات الجوية السعودية).
const ADJECTIVE_REACH: usize = 3;

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        Matcher::from_spellings(catalog.ids().flat_map(|id| {
            let entity = catalog.get(id);
            entity
                .spellings
                .iter()
                .map(move |s| (s.text.as_str(), Claimant { entity: id, kind: entity.kind, weak: s.weak }))
        }))
    }

    /// A matcher for any spellings, each naming its claimant (the lists'
    /// entities, or the names `entities suggest` counts).
    pub fn from_spellings<'s>(spellings: impl IntoIterator<Item = (&'s str, Claimant)>) -> Matcher {
        let mut by_first_word: FxHashMap<Box<str>, Vec<Pattern>> = FxHashMap::default();
        for (text, mut claimant) in spellings {
            let words = Words::of(text);
            let keys: Vec<&str> = words.iter().map(|(_, k)| k).collect();
            // A one-word spelling that is also a function word after و or ف
            // (وان, the Turkish province, is also وأن "and that"; ومع is also
            // "and with") is weak whatever the list says: it counts only where
            // the entity is named otherwise.
            if let [only] = keys.as_slice() {
                claimant.weak |= is_function_word(only);
            }
            let own = keys.iter().map(|k| (*k).to_owned()).collect();
            for spacing in std::iter::once(own).chain(spacing_variants(&keys)) {
                let mut spacing = spacing.into_iter().map(Box::<str>::from);
                let Some(first) = spacing.next() else { continue };
                let rest: Box<[Box<str>]> = spacing.collect();
                let patterns = by_first_word.entry(first).or_default();
                match patterns.iter_mut().find(|p| p.rest == rest) {
                    Some(pattern) if pattern.claimants.iter().any(|c| c.entity == claimant.entity) => {}
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
        let mut words = std::mem::take(&mut scratch.words);
        words.fill(text);
        self.find_in(text, words.all(), scratch, found);
        scratch.words = words;
    }

    /// [`Matcher::find`] among `words`, already split, whose offsets are in
    /// `text`: a text read for other purposes too is split once. Names
    /// never reach past the first or the last of `words`.
    pub fn find_in<'m>(&'m self, text: &str, words: WordSlice, scratch: &mut Scratch, found: &mut Vec<Found<'m>>) {
        let mut i = 0;
        while i < words.len() {
            match self.match_at(text, words, i, scratch) {
                Some(Match { pattern, words: length, stripped }) => {
                    if let (Some(first), Some(last)) = (words.get(i), words.get(i + length - 1)) {
                        let key = words.key(first);
                        let link_start = if stripped && key.starts_with(['و', 'ف']) {
                            first.start + after_first_letter(&text[first.start..first.end])
                        } else {
                            first.start
                        };
                        let before = words_before(text, words, i);
                        found.push(Found {
                            start: first.start,
                            end: last.end,
                            link_start,
                            claimants: &pattern.claimants,
                            // A preposition on the name (الوزير بموسكو) means it
                            // is not in apposition with the word before.
                            cue: before.clone().next().filter(|_| !stripped).and_then(|w| cue_kind(w.key)),
                            adjective: !stripped && is_nisba_adjective(key, before.take(ADJECTIVE_REACH)),
                        });
                    }
                    i += length;
                }
                None => i += 1,
            }
        }
    }

    /// The longest pattern starting at word `i`.
    /// An exact first word always wins over one with proclitics removed.
    fn match_at(&self, text: &str, words: WordSlice, i: usize, scratch: &mut Scratch) -> Option<Match<'_>> {
        let word = words.get(i)?;
        let key = words.key(word);
        if let Some((pattern, length)) = self.longest(text, words, i, key) {
            return Some(Match { pattern, words: length, stripped: false });
        }
        scratch.variants.clear();
        proclitic_variants_keeping(key, SHORT_FIRST_WORD_LETTERS, &mut scratch.variants);
        for variant in &scratch.variants {
            // A form of fewer than 3 letters begins only a name of several
            // words (وذي قار، وأم درمان): alone, it could be a short name
            // inside a longer word (docs/arabic.md §2.2).
            let several_words = !variant.has_letters(key, 3);
            let form = variant.write(key, &mut scratch.form);
            let found = self.longest(text, words, i, form).filter(|&(_, length)| !several_words || length > 1);
            if let Some((pattern, length)) = found {
                return Some(Match { pattern, words: length, stripped: true });
            }
        }
        None
    }

    fn longest(&self, text: &str, words: WordSlice, i: usize, first: &str) -> Option<(&Pattern, usize)> {
        let patterns = self.by_first_word.get(first)?;
        patterns.iter().find(|p| rest_matches(text, words, i, &p.rest)).map(|p| (p, p.rest.len() + 1))
    }
}

/// The fewest letters the first word of a name of several words keeps once
/// its proclitics are removed (ذي in وذي قار, أم in وأم درمان).
const SHORT_FIRST_WORD_LETTERS: usize = 2;

/// The words before word `i`, nearest first, as long as each is joined to
/// the next by spaces only (a comma or a full stop ends a phrase).
fn words_before<'t>(text: &'t str, words: WordSlice<'t>, i: usize) -> impl Iterator<Item = Written<'t>> + Clone {
    (0..i).rev().map_while(move |j| {
        let (word, next) = (words.get(j)?, words.get(j + 1)?);
        joins_name(&text[word.end..next.start])
            .then(|| Written { text: &text[word.start..word.end], key: words.key(word) })
    })
}

/// Whether the words after `i` are exactly `rest`, separated by spaces only.
fn rest_matches(text: &str, words: WordSlice, i: usize, rest: &[Box<str>]) -> bool {
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

[burhan]
name = "عبد الفتاح البرهان"
aliases = ["البرهان"]

[abbas]
name = "محمود عباس"
aliases = ["أبومازن"]

[bencheikh]
name = "عز الدين بن الشيخ"
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

[belgium]
name = "بلجيكا"

[abu-dhabi]
name = "أبو ظبي"

[dhi-qar]
name = "ذي قار"

[omdurman]
name = "أم درمان"

[um]
name = "أم"

[nema]
name = "النعمة"
weak = ["النعمة"]

[tyre]
name = "صور"
weak = ["صور"]

[mayadin]
name = "الميادين"

[middle-east]
name = "الشرق الأوسط"

[saudi]
name = "السعودية"
aliases = ["المملكة العربية السعودية"]
"#;
    const SOURCES: &str = r#"
[ria]
name = "وكالة الإعلام الروسية"

[afp]
name = "فرانس برس"

[mayadeen]
name = "الميادين"

[asharq]
name = "الشرق الأوسط"
"#;

    fn matcher() -> (Catalog, Matcher) {
        let (catalog, problems) = Catalog::from_lists(&[
            (Kind::Person, Kind::Person.list_path(), PEOPLE.to_owned()),
            (Kind::Place, Kind::Place.list_path(), PLACES.to_owned()),
            (Kind::Source, Kind::Source.list_path(), SOURCES.to_owned()),
        ]);
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
        let matcher = Matcher::new(&catalog);
        (catalog, matcher)
    }

    /// (text, [(linked text, who it names)]) where who is an entity key when
    /// the name is certain, `?` when it needs support, `-` when it names no one.
    fn check_who(table: &[(&str, &[(&str, &str)])]) {
        let (catalog, matcher) = matcher();
        let mut scratch = Scratch::default();
        for (text, expected) in table {
            let mut found = Vec::new();
            matcher.find(text, &mut scratch, &mut found);
            let got: Vec<(&str, &str)> = found
                .iter()
                .map(|f| {
                    let who = match (f.certain(), f.eligible().next()) {
                        (Some(id), _) => catalog.get(id).key.as_str(),
                        (None, Some(_)) => "?",
                        (None, None) => "-",
                    };
                    (&text[f.link_start..f.end], who)
                })
                .collect();
            assert_eq!(&got, expected, "in {text:?}");
        }
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

    /// docs/arabic.md §1: matching is on the key, the text is kept as written.
    #[test]
    fn the_key_rule() {
        check(&[
            ("عقد بُوتِيـــن مؤتمرا", &[("بُوتِيـــن", "putin")]),
            ("قال إردوغان وأردوغان", &[("إردوغان", "erdogan"), ("وأردوغان", "erdogan")]),
            ("في سورية", &[("سورية", "syria")]),
        ]);
    }

    /// docs/arabic.md §2.2: proclitics before the name, phrases from the seeds.
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
            // A first word of two letters after a proclitic, in a name of
            // several words only: وأم is not the one-word name أم.
            ("البصرة وذي قار وبأم درمان", &[("وذي قار", "dhi-qar"), ("وبأم درمان", "omdurman")]),
            ("وأم ولأم", &[]),
        ]);
    }

    /// docs/arabic.md §2.11 (links): a link leaves out a leading و or ف, which do not
    /// join the next letter; ب ل ك join their word and stay inside.
    #[test]
    fn the_link_leaves_out_waw_and_fa() {
        check_who(&[
            ("زار وبلجيكا", &[("بلجيكا", "belgium")]),
            ("فبلجيكا", &[("بلجيكا", "belgium")]),
            ("وَبلجيكا", &[("بلجيكا", "belgium")]),
            ("وبموسكو", &[("بموسكو", "moscow")]),
            ("لبلجيكا", &[("لبلجيكا", "belgium")]),
            ("وبشار الأسد", &[("بشار الأسد", "assad")]),
            // و that belongs to the name stays: an exact match strips nothing.
            ("فلاديمير بوتين", &[("فلاديمير بوتين", "putin")]),
        ]);
    }

    /// docs/arabic.md §2.7 (hashtags): the words of a hashtag are matched like text.
    #[test]
    fn hashtags_are_split_on_underscores() {
        check_who(&[
            ("#عبدالفتاح_البرهان", &[("عبدالفتاح_البرهان", "burhan")]),
            ("#البرهان_يزور_موسكو", &[("البرهان", "burhan"), ("موسكو", "moscow")]),
            ("#فلاديمير_بوتين", &[("فلاديمير_بوتين", "putin")]),
        ]);
    }

    /// docs/arabic.md §2.8 (compound names): عبد ال… and أبو … joined or apart, أبو in its cases.
    #[test]
    fn compound_names_in_both_spacings() {
        check_who(&[
            ("قال عبدالفتاح البرهان", &[("عبدالفتاح البرهان", "burhan")]),
            ("قال عبد الفتاح البرهان", &[("عبد الفتاح البرهان", "burhan")]),
            ("ولعبدالفتاح البرهان", &[("لعبدالفتاح البرهان", "burhan")]),
            ("في أبوظبي وأبو ظبي", &[("أبوظبي", "abu-dhabi"), ("أبو ظبي", "abu-dhabi")]),
            ("قال أبو مازن", &[("أبو مازن", "abbas")]),
            ("قال ابومازن", &[("ابومازن", "abbas")]),
            // أبو declined: genitive and accusative.
            ("في إمارة أبي ظبي", &[("أبي ظبي", "abu-dhabi")]),
            ("والتقى أبا مازن ولأبي مازن", &[("أبا مازن", "abbas"), ("لأبي مازن", "abbas")]),
            // Alone, أبي is "my father".
            ("قال أبي", &[]),
            ("وقال عزالدين بن الشيخ", &[("عزالدين بن الشيخ", "bencheikh")]),
        ]);
    }

    /// docs/arabic.md §2.9 (cue words): a cue of the entity's kind settles a weak or
    /// shared spelling; a cue of another kind rules the spelling out.
    #[test]
    fn cue_words_settle_weak_and_shared_spellings() {
        check_who(&[
            ("في مدينة النعمة", &[("النعمة", "nema")]),
            ("النعمة", &[("النعمة", "?")]),
            ("بمحافظة صور", &[("صور", "tyre")]),
            ("ونشرت صور الدمار", &[("صور", "?")]),
            ("قالت قناة الميادين", &[("الميادين", "mayadeen")]),
            ("في مدينة الميادين", &[("الميادين", "mayadin")]),
            ("في الميادين", &[("الميادين", "?")]),
            ("ونقلت صحيفة الشرق الأوسط", &[("الشرق الأوسط", "asharq")]),
            ("في منطقة الشرق الأوسط", &[("الشرق الأوسط", "middle-east")]),
            // A cue of another kind: a channel is not the town.
            ("قناة روسيا", &[("روسيا", "-")]),
            // The cue must stand directly before, joined by spaces only, and
            // a preposition on the name ends the apposition.
            ("مدينة، النعمة", &[("النعمة", "?")]),
            ("وصل الوزير بموسكو", &[("بموسكو", "moscow")]),
        ]);
    }

    /// docs/arabic.md §2.10 (nisba adjectives): ال…ية after a definite feminine noun
    /// is an adjective; the country's own name and the word alone still count.
    #[test]
    fn nisba_adjectives_name_no_one() {
        check_who(&[
            ("في العاصمة السعودية", &[("السعودية", "-")]),
            ("خلال القمة السعودية", &[("السعودية", "-")]),
            ("زار المملكة العربية السعودية", &[("المملكة العربية السعودية", "saudi")]),
            ("زار السعودية", &[("السعودية", "saudi")]),
            ("القمة والسعودية", &[("السعودية", "saudi")]),
        ]);
    }

    /// docs/arabic.md §2.2: suffixes are never stripped, and names are never split.
    #[test]
    fn no_suffixes_and_no_splitting_names() {
        check(&[("التلفزيون الروسي والقوات السورية", &[]), ("بوتينا وموسكوية", &[]), ("الموسكو", &[])]);
    }

    /// docs/arabic.md §2.3: the longest name wins, and only the first word takes proclitics.
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
