//! How many words a name has, settled over the whole archive: a find gives
//! the words from where a name starts to where it surely ends (نتنياهو
//! نظيره), and the name is the longest start of them that another find
//! shares (بنيامين نتنياهو, found twice), as long as the longer start is at
//! least half of the finds of the shorter. A person's or an outlet's name
//! also runs on through a word while what comes before it never stands alone
//! (بدر البوسعيدي where no find ends at بدر), but not through a word that
//! may begin with the conjunction و unless that is shared, nor past a word
//! that ends the person's name elsewhere (زيلينسكي), nor past a ruler's
//! ordinal (محمد السادس). A place keeps the
//! fewest words that no other find extends. Finds are compared with finds
//! of their kind only (دير الزور the place, دير شبيغل the weekly), and a
//! person's words as close transliterations (جودلاوي, غودلاوي).

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::{NameWord, Occurrence, word_hash};
use super::rare::is_name_head;
use super::shapes::{is_adverbial_accusative, is_conjoined, is_cue_or_role};
use super::variants::loose_key;
use super::words::{class, is_ordinal, is_particle};
use crate::arabic::normalize::letter_count;
use crate::arabic::stopwords::is_function_word;
use crate::entities::Kind;

/// بن and its kin, after which a name ends with the next name.
fn is_chain(key: &str) -> bool {
    matches!(key, "بن" | "ابن" | "بنت")
}

/// The key of the first words of a find of a kind: finds of other kinds
/// that start alike are other names (دير شبيغل the weekly beside دير الزور).
fn prefix_key(kind: Option<Kind>, words: &[NameWord]) -> String {
    let mut key = String::from(match kind {
        Some(Kind::Person) => "P",
        Some(Kind::Place) => "L",
        Some(Kind::Source) => "S",
        None => "-",
    });
    for word in words {
        key.push(' ');
        if kind == Some(Kind::Person) {
            key.push_str(&loose_key(&word.key));
        } else {
            key.push_str(&word.key);
        }
    }
    key
}

/// A preposition joined to a word of the archive's language (بلقب، بمجموعتين،
/// لقب and المجموعتين standing elsewhere): no word of a person's name. Not
/// a function word after the letter (لولا is no ل with ولا).
fn is_preposition_and_word(key: &str, vocabulary: &FxHashSet<u64>) -> bool {
    key.strip_prefix(['ب', 'ل']).is_some_and(|rest| {
        letter_count(rest) >= 3
            && !is_function_word(rest)
            && (vocabulary.contains(&word_hash(rest)) || vocabulary.contains(&word_hash(&format!("ال{rest}"))))
    })
}

/// An adverbial accusative whose noun the archive writes with the article
/// (حفلا beside الحفل): no word of a person's name (كايا has no الكاي).
fn is_accusative_noun(key: &str, vocabulary: &FxHashSet<u64>) -> bool {
    is_adverbial_accusative(key)
        && key.strip_suffix('ا').is_some_and(|noun| vocabulary.contains(&word_hash(&format!("ال{noun}"))))
}

/// A cue or a role that is a person's family name where it stands without
/// its complement (الدكتور عزمي محافظة إنه) is the family name in the finds
/// it ended too (عزمي محافظة نتائج الامتحان).
fn add_family_cues(occurrences: &mut [Occurrence]) {
    let family_names: FxHashSet<String> = occurrences
        .iter()
        .filter(|o| o.reason.kind() == Some(Kind::Person))
        .filter(|o| o.words.len() >= 2 && o.words.last().is_some_and(|w| is_cue_or_role(&w.key)))
        .map(|o| prefix_key(Some(Kind::Person), &o.words))
        .collect();
    if family_names.is_empty() {
        return;
    }
    for occurrence in occurrences.iter_mut() {
        if let Some(cue) = occurrence.cue_after.take() {
            let mut words = occurrence.words.clone();
            words.push(cue);
            if family_names.contains(&prefix_key(occurrence.reason.kind(), &words)) {
                occurrence.words = words;
                occurrence.abbreviation = None;
            }
        }
    }
}

/// Cuts the words of every occurrence to its name; `vocabulary` holds the
/// hashes of the keys of every word of the archive.
pub fn settle(occurrences: &mut [Occurrence], vocabulary: &FxHashSet<u64>) {
    add_family_cues(occurrences);
    let mut shared: FxHashMap<String, u32> = FxHashMap::default();
    let mut whole: FxHashMap<String, u32> = FxHashMap::default();
    for occurrence in occurrences.iter() {
        let kind = occurrence.reason.kind();
        for end in 1..=occurrence.words.len() {
            *shared.entry(prefix_key(kind, &occurrence.words[..end])).or_default() += 1;
        }
        *whole.entry(prefix_key(kind, &occurrence.words)).or_default() += 1;
    }
    // The words that end a person's name of two words or more somewhere in
    // the archive (as consonants, so that زيلنسكي stands for زيلينسكي).
    let mut name_ends: FxHashSet<String> = FxHashSet::default();
    for occurrence in occurrences.iter().filter(|o| o.reason.kind() == Some(Kind::Person)) {
        if let [_, .., last] = &occurrence.words[..] {
            name_ends.insert(loose_key(&last.key));
        }
    }
    for occurrence in occurrences.iter_mut() {
        let kind = occurrence.reason.kind();
        let count = |words: &[NameWord]| shared.get(&prefix_key(kind, words)).copied().unwrap_or(0);
        let ends_here = |words: &[NameWord]| whole.get(&prefix_key(kind, words)).copied().unwrap_or(0) > 0;
        let words = &occurrence.words;
        // A person's or an outlet's name runs on through words that are its
        // own (بدر البوسعيدي, found once, where بدر never stands alone).
        let runs_on = matches!(kind, Some(Kind::Person | Kind::Source));
        // Alone, a name runs to two words of its own (particles aside), three
        // when it starts with a common given name (محمد شياع السوداني), and
        // after بن only to the next name (محمد بن سلمان).
        let own_words = if class(&words[0].key).given_name { 3 } else { 2 };
        let mut end = occurrence.min_words.min(words.len());
        while end < words.len() {
            // A given name alone is nobody's name (محمد ياسين صالح beside
            // محمد عيضة شبيبة and a محمد alone): the name runs on past it.
            let lone_given_name = kind == Some(Kind::Person) && end == 1 && class(&words[0].key).given_name;
            let longer = count(&words[..=end]);
            let is_shared = longer >= 2 && (2 * longer >= count(&words[..end]) || lone_given_name);
            let named = words[..end].iter().filter(|w| !is_particle(&w.key)).count();
            let after_chain = words[..end].iter().any(|w| is_chain(&w.key));
            // A name of two words or more does not run on past a word that
            // ends the same person's name elsewhere (فولوديمير زيلينسكي
            // عودة, where another article has فولوديمير زيلنسكي alone).
            let ends_a_name = |word: &NameWord| {
                named >= 2 && !class(&word.key).given_name && name_ends.contains(&loose_key(&word.key))
            };
            // محمد السادس الدولي: a ruler's ordinal closes the name, after
            // the عشر of the teens (لاون الرابع عشر، الحادي عشر).
            if kind == Some(Kind::Person) && is_ordinal(&words[end - 1].key) {
                if words[end].key.as_ref() == "عشر" {
                    end += 1;
                }
                break;
            }
            // كارلوس ألكاراز بلقب، شفان برور حفلا, in two articles: shared,
            // yet no name.
            if kind == Some(Kind::Person)
                && end >= 2
                && (is_preposition_and_word(&words[end].key, vocabulary)
                    || is_accusative_noun(&words[end].key, vocabulary))
            {
                break;
            }
            let room = if after_chain {
                is_particle(&words[end].key) || is_particle(&words[end - 1].key)
            } else {
                named < own_words && !ends_a_name(&words[end - 1])
            };
            let own = runs_on
                && room
                && (lone_given_name || !ends_here(&words[..end]))
                && !is_conjoined(&words[end].key, class(&words[end].key));
            if !(is_shared || own) {
                break;
            }
            end += 1;
        }
        // A name does not end on a particle (محمد بن).
        while end > occurrence.min_words && words.get(end - 1).is_some_and(|w| is_particle(&w.key)) {
            end -= 1;
        }
        // قضاء أبو الخصيب، مخيم عين الحلوة: nor is a particle or a head of
        // names all of it, however many names it heads.
        while end < words.len() && words[..end].iter().all(|w| is_particle(&w.key) || is_name_head(&w.key)) {
            end += 1;
        }
        if end < occurrence.words.len() {
            occurrence.words.truncate(end);
            occurrence.abbreviation = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;
    use crate::suggest::candidates::Reason;

    fn occurrence(reason: Reason, text: &str) -> Occurrence {
        let words = text.split(' ').map(|w| NameWord { key: key(w).into(), written: w.into() }).collect();
        Occurrence { article: 0, reason, words, min_words: 1, abbreviation: None, cue_after: None }
    }

    /// The names that finds with these reasons and words are cut to.
    fn settled(finds: &[(Reason, &str)]) -> Vec<String> {
        settled_in(finds, &[])
    }

    /// The same, in an archive that also has these words.
    fn settled_in(finds: &[(Reason, &str)], words: &[&str]) -> Vec<String> {
        let mut found: Vec<Occurrence> = finds.iter().map(|&(reason, text)| occurrence(reason, text)).collect();
        let vocabulary = words.iter().map(|w| word_hash(&key(w))).collect();
        settle(&mut found, &vocabulary);
        found.iter().map(|o| o.words.iter().map(|w| &*w.written).collect::<Vec<_>>().join(" ")).collect()
    }

    /// A person's name is shared by finds that write its words as close
    /// transliterations (جودلاوي, غودلاوي), but does not run on into an
    /// adverbial accusative (حفلا, where the archive has الحفل).
    #[test]
    fn close_spellings_share_a_name_that_an_accusative_ends() {
        assert_eq!(
            settled_in(
                &[
                    (Reason::Role, "علي عبدالله حسين جودلاوي المنظمات"),
                    (Reason::Role, "علي عبدالله حسين غودلاوي"),
                    (Reason::Title, "شيفان برور حفلا مسائيا"),
                    (Reason::Title, "شفان برور حفلا غنائيا"),
                ],
                &["الحفل"],
            ),
            ["علي عبدالله حسين جودلاوي", "علي عبدالله حسين غودلاوي", "شيفان برور", "شفان برور"]
        );
    }

    #[test]
    fn a_given_name_alone_does_not_end_the_names_it_starts() {
        let names = settled(&[
            (Reason::Role, "محمد ياسين صالح"),
            (Reason::Role, "محمد ياسين صالح"),
            (Reason::Title, "محمد عيضة شبيبة"),
            (Reason::Role, "محمد عيضه شبيبة"),
            (Reason::Title, "محمد ولد الغزواني"),
            (Reason::Speech, "محمد"),
            (Reason::Title, "محمد"),
        ]);
        assert_eq!(names[..2], ["محمد ياسين صالح", "محمد ياسين صالح"]);
        assert_eq!(names[2..4], ["محمد عيضة شبيبة", "محمد عيضه شبيبة"]);
    }

    #[test]
    fn the_name_is_the_longest_shared_start() {
        assert_eq!(
            settled(&[
                (Reason::Role, "بنيامين نتنياهو نظيره"),
                (Reason::Speech, "بنيامين نتنياهو"),
                (Reason::Title, "جو بايدن"),
                (Reason::PlaceNoun, "حلب المحاصرة"),
                (Reason::PlaceNoun, "دير الزور"),
                (Reason::PlaceNoun, "دير الزور الشرقي"),
                (Reason::SourceNoun, "واشنطن بوست"),
                (Reason::GivenName, "محمد بن"),
                (Reason::LoosePlaceNoun, "أبو الخصيب جنوبي"),
            ]),
            [
                "بنيامين نتنياهو",
                "بنيامين نتنياهو",
                "جو بايدن",
                "حلب",
                "دير الزور",
                "دير الزور",
                "واشنطن بوست",
                "محمد",
                "أبو الخصيب"
            ]
        );
    }
}
