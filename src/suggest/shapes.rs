//! The shapes of words that tell the words of a name from ordinary words,
//! for [`super::candidates`]: the article, nisba adjectives, verbal nouns,
//! verbs in the imperfect and the future, pronoun suffixes and tanween, a
//! noun with its agreeing adjective. Pure functions of keys and written
//! forms.

use super::candidates::NameWord;
use super::known_places::is_known_place;
use super::outlets::is_loose_source_noun;
use super::rare::is_common_word;
use super::words::{WordClass, class, is_particle};
use crate::arabic::cues::cue_kind;
use crate::arabic::normalize::{is_dropped, letter_count};

/// A definite word: it starts with the article.
pub(super) fn is_definite(key: &str) -> bool {
    key.starts_with("ال") && letter_count(key) > 3
}

/// A definite nisba adjective: ال…ي or ال…ية (الروسي، السورية).
pub(super) fn is_nisba(key: &str) -> bool {
    is_definite(key) && (key.ends_with('ي') || key.ends_with("يه")) && letter_count(key) >= 5
}

/// A definite plural in ـات (التحقيقات، الإحصاءات): findings, measures,
/// events, none of them a name; a known place so written (الإمارات) aside.
pub(super) fn is_definite_plural(key: &str) -> bool {
    is_definite(key) && key.ends_with("ات") && letter_count(key) >= 6 && !is_known_place(key)
}

/// A word of the shape of a verbal noun of the derived verbs, as a key:
/// تفعيل (تعزيز، تشكيل)، إفعال (إطلاق)، افتعال (اجتماع)، انفعال (انطلاق)،
/// مفاعلة (مواجهة، مكافحة)، استفعال (استقبال). Few names have these shapes,
/// and the given names that do (إسحاق، معاوية) are known.
pub(super) fn is_masdar_shape(key: &str) -> bool {
    let letters: Vec<char> = key.chars().collect();
    match letters.len() {
        5 => letters[0] == 'ت' && letters[3] == 'ي' || letters[0] == 'ا' && letters[3] == 'ا',
        6 => {
            letters[0] == 'ا' && letters[4] == 'ا' && (letters[1] == 'ن' || letters[2] == 'ت')
                || letters[0] == 'م' && letters[2] == 'ا' && letters[5] == 'ه'
        }
        7 => key.starts_with("است") && letters[5] == 'ا',
        _ => false,
    }
}

/// A verbal noun after ل or ب (لتعزيز، بانتظار، لاستقبال): a purpose or a
/// means, after which a name has ended (دفع المدرب بالمهاجم علي علوان
/// لتعزيز الخط).
pub(super) fn is_prepositional_masdar(key: &str) -> bool {
    key.strip_prefix(['ل', 'ب']).is_some_and(is_masdar_shape)
}

/// ب or ل before an ordinary word of three letters or more (بعدد، لمدة),
/// not a given name (بمحمد): a prepositional phrase.
pub(super) fn is_prepositional_common_word(key: &str) -> bool {
    key.strip_prefix(['ب', 'ل'])
        .is_some_and(|rest| letter_count(rest) >= 3 && !class(rest).given_name && is_common_word(rest))
}

/// A preposition and the article joined to a word (للصحفيين، بالقاهرة،
/// والحكومة): a phrase of its own, not part of a name.
/// Not when one letter is left after them: بالي (Bali, عثمان بالي) and
/// كالي are names.
pub(super) fn has_article_proclitic(key: &str) -> bool {
    let rest = key.strip_prefix(['و', 'ف']).unwrap_or(key);
    let noun = |prefix: &str| rest.strip_prefix(prefix).is_some_and(|noun| letter_count(noun) >= 2);
    noun("لل") || noun("بال") || noun("كال") || rest.len() < key.len() && rest.starts_with("ال")
}

/// A word that begins with the conjunction و (بوتين وأردوغان): the name ends before it.
pub(super) fn is_conjoined(key: &str, class: WordClass) -> bool {
    key.strip_prefix('و').is_some_and(|rest| letter_count(rest) >= 3) && !class.given_name && !is_particle(key)
}

/// A word with the marks of an ordinary word: tanween (اجتماعاً، معزولاً),
/// or a pronoun suffix on a function word (خلالها، معه). With `person`, any
/// pronoun suffix (قوله، نظيره): few persons' names end in a written ه other
/// than ـيه (نزيه) and الله, while places do (بوتورغه، بنها).
pub(super) fn is_inflected(written: &str, key: &str, person: bool) -> bool {
    let tanween = written.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
    let last_written = written.chars().rev().find(|&c| !is_dropped(c));
    let suffix = ["ها", "هم", "هما", "هن", "كم", "كما", "ه"].iter().find(|s| key.ends_with(*s));
    let pronoun = suffix.is_some_and(|suffix| {
        let stem = &key[..key.len() - suffix.len()];
        // ة is kept apart from ه as written: غزة has no pronoun.
        let ordinary = *suffix != "ه" || last_written == Some('ه') && !key.ends_with("يه") && !key.ends_with("الله");
        ordinary && (person || class(stem).stop) && letter_count(key) >= 3
    });
    tanween || pronoun
}

/// A word that looks like a verb in the imperfect (يزور، يمكن، تتواصل): names
/// seldom start with ي or تت, and those that do are mostly common given names. A final
/// alef (not the وا of the plural) is no ending of the imperfect outside the
/// dual after أن or لن, while names end so (يسرا، يافا). A word so shaped
/// that ordinary text does not use is a name (يورغنسون): the verbs are in
/// the list of ordinary words, but for rarer duals (يهددان).
pub(super) fn looks_like_verb(key: &str, class: WordClass) -> bool {
    let alef_ending = key.ends_with('ا') && !key.ends_with("وا");
    let imperfect = key.starts_with('ي') && !alef_ending || key.starts_with("تت");
    imperfect && !class.given_name && letter_count(key) >= 4 && (is_common_word(key) || key.ends_with("ان"))
}

/// A verb in the future (سيزور، سيلتقي) after a word of a name: the name
/// has ended. Not the first word of a name, which may be a place (سيناء،
/// سيدني) or a given name (سيرغي); and not سيـ with an imperfect that ends in
/// alef (سيبيغا، سيلفا), nor ستـ, which begins many names (ستارمر، ستيفن).
pub(super) fn is_future_verb(key: &str) -> bool {
    key.strip_prefix('س')
        .is_some_and(|imperfect| imperfect.starts_with('ي') && looks_like_verb(imperfect, class(imperfect)))
}

/// A feminine nisba adjective as written (أمنية، المصرية): ـية with ة.
fn is_feminine_nisba(word: &NameWord) -> bool {
    let stem = word.key.strip_prefix("ال").unwrap_or(&word.key);
    word.key.ends_with("يه") && word.written.ends_with('ة') && letter_count(stem) >= 4
}

/// A noun and the adjective that agrees with it, which names are not:
/// proper names are definite, so an indefinite noun with an indefinite
/// adjective is an ordinary phrase (إجراءات أمنية، دولة فلسطينية); and a
/// definite noun with a feminine nisba after a title is what the person did
/// or spoke of (استعرض الرئيس الجهود المصرية). Places keep the definite
/// pair (الإمارات العربية المتحدة، الضفة الغربية).
pub(super) fn is_noun_and_adjective(words: &[NameWord], person: bool) -> bool {
    let [noun, adjective, ..] = words else { return false };
    let definite = is_definite(&noun.key);
    is_feminine_nisba(adjective) && definite == is_definite(&adjective.key) && (person || !definite)
        || is_accusative(noun) && is_accusative(adjective) && !class(&noun.key).given_name
}

/// An indefinite word in the accusative, its tanween written as a final
/// alef (اجتماعا، طارئا), not the وا of a plural verb: two in a row are a
/// noun and its adjective (عقد اجتماعا طارئا), not a name.
fn is_accusative(word: &NameWord) -> bool {
    let key = &word.key;
    key.ends_with('ا') && !key.ends_with("وا") && !is_definite(key) && letter_count(key) >= 4
}

/// A word that ends a name: a stop word, unless it is a common given name
/// written as a name (علي with ي, while the preposition على ends in ى).
pub(super) fn ends_name(written: &str, class: WordClass) -> bool {
    class.stop && (!class.given_name || written.ends_with('ى'))
}

/// An adverb in the accusative (هاتفيا، رسميا، شخصيا): no person's name
/// starts with it. Names of places and given names end so too (جورجيا
/// ميلوني، ماريا), and are none.
pub(super) fn looks_like_adverb(key: &str) -> bool {
    key.ends_with("يا") && letter_count(key) >= 4 && !class(key).given_name && !is_known_place(key)
}

/// An ordinary word in the accusative of manner or purpose (بحثا عن،
/// هربا من، شمالا): the word and the word without its final ا are both
/// ordinary text, and it is no known place (روسيا) nor a noun with the
/// pronoun ها (شحنها). It ends a list's name (نحو نواكشوط وانواذيبو بحثا
/// عن العمل).
pub(super) fn is_adverbial_accusative(key: &str) -> bool {
    key.strip_suffix('ا').is_some_and(|stem| {
        letter_count(stem) >= 3
            && !stem.ends_with('ه')
            && is_common_word(key)
            && is_common_word(stem)
            && !is_known_place(key)
    })
}

pub(super) fn is_cue_or_role(key: &str) -> bool {
    cue_kind(key).is_some() || class(key).role || is_loose_source_noun(key)
}
