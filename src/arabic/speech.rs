//! The words of reported speech in Arabic news (what quote finding looks
//! for): speech verbs in their masculine, feminine and plural, past and
//! present forms, the participles that continue a statement (مضيفًا، مؤكدًا),
//! attribution phrases (بحسب، وفق، نقلًا عن), the complementizers أن and إن
//! with their pronoun suffixes, the words that end a speaker's name and start
//! a circumstance (في، خلال، لوكالة…), and the nouns before which quotation
//! marks enclose a title, not speech (كتاب، حملة، وسم…). Every function takes
//! a word's matching key (docs/arabic.md §1), so أكد and اكد are one; a leading و
//! or ف is removed by the caller ([`without_conjunction`]).
//!
//! The verbs are the reporting verbs of Arabic news style, what the Penn
//! Attribution Relations Corpus (PARC, Pareti 2016) calls the cue of an
//! attribution: قال، أكد، أضاف، أوضح، صرح، شدد، أشار، اعتبر، تابع، لفت، أعلن،
//! ذكر، أفاد، كشف، نفى، حذر، رأى، أردف، رد، and نقل عن.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// What a word does in reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A speech verb with its subject after it (قال الوزير إن …).
    Verb,
    /// A verb whose source follows عن (نقلت الوكالة عن الوزير قوله …).
    Relay,
    /// جاء (في البيان أن …): the statement is named after في.
    Came,
    /// A participle continuing the subject's statement (…، مضيفًا أن …).
    Participle,
    /// An attribution phrase: بحسب الوزير، وفق الوزير، نقلًا عن الوزير.
    According,
}

/// Speech verbs (keys): past masculine, feminine, plural; present third
/// person masculine, feminine, plural.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "قال", "قالت", "قالوا", "قلن", "يقول", "تقول", "يقولون",
    "اكد", "اكدت", "اكدوا", "يؤكد", "تؤكد", "يؤكدون",
    "اضاف", "اضافت", "اضافوا", "يضيف", "تضيف", "يضيفون",
    "اوضح", "اوضحت", "اوضحوا", "يوضح", "توضح",
    "صرح", "صرحت", "صرحوا", "يصرح",
    "شدد", "شددت", "شددوا", "يشدد", "تشدد",
    "اشار", "اشارت", "اشاروا", "يشير", "تشير",
    "اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر",
    "تابع", "تابعت", "تابعوا",
    "لفت", "لفتت", "لفتوا",
    "اعلن", "اعلنت", "اعلنوا", "يعلن", "تعلن",
    "ذكر", "ذكرت", "ذكروا", "يذكر", "تذكر",
    "افاد", "افادت", "افادوا", "يفيد", "تفيد",
    "كشف", "كشفت", "كشفوا",
    "نفي", "نفت", "نفوا", "ينفي", "تنفي",
    "حذر", "حذرت", "حذروا", "يحذر", "تحذر",
    "راي", "رات", "راوا", "يري", "تري", "يرون",
    "اردف", "اردفت",
    "استدرك", "استدركت",
    "ختم", "ختمت",
    "زعم", "زعمت", "زعموا",
    "اعترف", "اعترفت",
    "رد", "ردت", "ردوا", "يرد", "ترد",
    "ابلغ", "ابلغت",
    "اعرب", "اعربت",
];

#[rustfmt::skip]
const RELAY: &[&str] = &[
    "نقل", "نقلت", "نقلوا", "ونقل", "تنقل", "ينقل",
];

#[rustfmt::skip]
const PARTICIPLES: &[&str] = &[
    "مضيفا", "مضيفه", "مضيفين", "مؤكدا", "مؤكده", "مؤكدين", "مشيرا", "مشيره",
    "مشيرين", "موضحا", "موضحه", "لافتا", "معتبرا", "معتبره", "محذرا", "محذره",
    "مشددا", "مشدده", "متابعا", "متابعه", "قائلا", "قائله",
];

#[rustfmt::skip]
const ACCORDING: &[&str] = &[
    "بحسب", "حسب", "حسبما", "وفق", "وفقا", "طبقا", "نقلا",
];

/// The key of `word` with a leading conjunction و or ف removed, when what
/// remains has at least two letters; otherwise the key itself.
pub fn without_conjunction(word: &str) -> &str {
    match word.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => word,
    }
}

/// Whether `test` holds for `word` or for `word` without و/ف before it.
pub fn either(word: &str, test: fn(&str) -> bool) -> bool {
    test(word) || test(without_conjunction(word))
}

/// What `word` (a key) does in reported speech, with or without و/ف before it.
pub fn cue(word: &str) -> Option<Cue> {
    // Every word of every article is looked up: one hash lookup a form, and
    // none for a word longer than any cue with و or ف before it.
    static CUES: OnceLock<(FxHashMap<&'static str, Cue>, usize)> = OnceLock::new();
    let (cues, longest) = CUES.get_or_init(|| {
        let mut cues = FxHashMap::default();
        let lists =
            [(ACCORDING, Cue::According), (PARTICIPLES, Cue::Participle), (VERBS, Cue::Verb), (RELAY, Cue::Relay)];
        for (list, cue) in lists {
            cues.extend(list.iter().map(|&w| (w, cue)));
        }
        cues.insert("جاء", Cue::Came);
        let longest = cues.keys().map(|w| w.len()).max().unwrap_or(0);
        (cues, longest)
    });
    if word.len() > longest + 'و'.len_utf8() {
        return None;
    }
    let bare = without_conjunction(word);
    cues.get(word).or_else(|| (bare != word).then(|| cues.get(bare)).flatten()).copied()
}

/// Whether `word` (a key) is the complementizer that opens reported content:
/// أن or إن (both are ان as keys), with a pronoun suffix (أنه، إنها، أننا)
/// and with ب or ف before it (بأن، فإن).
pub fn is_complementizer(word: &str) -> bool {
    let word = word.strip_prefix(['ب', 'ف', 'و']).filter(|rest| rest.starts_with("ان")).unwrap_or(word);
    let Some(suffix) = word.strip_prefix("ان") else { return false };
    matches!(suffix, "" | "ه" | "ها" | "هم" | "هما" | "هن" | "نا" | "ني" | "ي" | "ك" | "كم")
}

/// Words before أن that make it part of a time or a modal phrase (قبل أن،
/// بعد أن، يجب أن), not the opening of reported content.
pub fn binds_an(word: &str) -> bool {
    matches!(
        word,
        "قبل"
            | "بعد"
            | "منذ"
            | "دون"
            | "بدون"
            | "حتي"
            | "لحين"
            | "ريثما"
            | "يجب"
            | "ينبغي"
            | "يمكن"
            | "بد"
            | "عسي"
            | "كاد"
    )
}

/// Prepositions that join a verb to its content before أن (أشار إلى أن،
/// كشف عن أن، حذر من أن، شدد على أن): not part of the speaker's name.
pub fn is_content_preposition(word: &str) -> bool {
    matches!(word, "الي" | "عن" | "من" | "علي")
}

/// Words that end a speaker's name: what follows is a circumstance (when,
/// where, to whom, how), not the speaker.
pub fn starts_circumstance(word: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "في", "خلال", "عبر", "علي", "امام", "امس", "اليوم", "يوم",
        "مساء", "صباح", "ليل", "ليله", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
        "الخميس", "الجمعه", "السبت", "بعد", "قبل", "عقب", "اثر", "اثناء",
        "لدي", "ضمن", "مع", "الذي", "التي", "الذين", "حيث", "بحسب",
        "حسب", "وفق", "وفقا", "عن", "الي", "من", "امام", "بدوره",
        "بدورها", "بدورهم", "بالقول", "قائلا", "قائله", "قوله", "قولها", "قولهم",
        "مجددا", "ايضا", "كذلك", "لاحقا", "بيان", "تصريح", "تصريحات", "مؤتمر",
        "كلمه", "هذا", "هذه",
    ];
    let unsuffixed =
        ["هما", "ها", "هم", "ه"].iter().find_map(|s| word.strip_suffix(s)).filter(|w| w.chars().count() >= 2);
    WORDS.contains(&word) || unsuffixed.is_some_and(|w| WORDS.contains(&w)) || is_outlet_word(word)
}

/// Adverbs of time and manner that may stand between a verb and its
/// subject (أكد خلالها الرئيس، قال أمس الوزير).
pub fn is_adverb(word: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "خلالها", "خلاله", "خلالهما", "فيها", "فيه", "امس", "اليوم", "الاحد",
        "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "بدوره", "بدورها",
        "بدورهم", "ايضا", "مجددا", "كذلك", "لاحقا", "مؤخرا", "حينها", "عندها",
        "بعدها", "بعده", "اثرها", "يومها", "صباحا", "مساء", "ليلا", "اخيرا",
        "سابقا",
    ];
    WORDS.contains(&word)
}

/// Prepositions written apart or joined (لـ is ل once its tatweel is gone).
pub fn is_preposition(word: &str) -> bool {
    matches!(word, "ل" | "ب" | "في" | "عن" | "من" | "مع" | "الي" | "علي" | "حول" | "عبر") || is_outlet_word(word)
}

/// Words that say to whom a statement was given: لوكالة، لقناة، لصحيفة,
/// للصحفيين, and ل written apart (لـ).
pub fn is_outlet_word(word: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "ل", "لوكاله", "للوكاله", "لقناه", "للقناه", "لصحيفه", "للصحيفه", "لموقع",
        "للموقع", "لشبكه", "لتلفزيون", "للتلفزيون", "لاذاعه", "للاذاعه", "للصحفيين", "للصحافيين",
        "للصحافه", "لمراسل", "لمراسله", "لوسائل", "لبرنامج", "لمجله", "لراديو", "مقابله",
        "حديث", "حوار",
    ];
    WORDS.contains(&word)
}

/// Nouns for a kind of outlet (قناة، وكالة، صحيفة…), which may stand
/// between a preposition and the outlet's name.
pub fn is_medium(word: &str) -> bool {
    matches!(
        word,
        "قناه"
            | "وكاله"
            | "صحيفه"
            | "موقع"
            | "شبكه"
            | "اذاعه"
            | "تلفزيون"
            | "مجله"
            | "منصه"
            | "برنامج"
    )
}

/// Words after which a speaker named in the same phrase is not the speaker
/// (المتحدث باسم بوتين, مستشار أردوغان, حكومة نتنياهو): they take the name
/// as their possessor.
pub fn takes_a_possessor(word: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "باسم", "مستشار", "المستشار", "مساعد", "نائب", "مكتب", "حكومه", "اداره",
        "فريق", "حمله", "حزب", "زوجه", "زوج", "ابن", "ابنه", "شقيق",
        "شقيقه", "محامي", "متحدث", "المتحدث", "الناطق", "ناطق", "من", "عن",
        "مقرب", "مقربون", "انصار", "مؤيدو", "معارضو", "خصوم", "رساله", "نظام",
        "عهد", "ولايه", "وزراء",
    ];
    WORDS.contains(&word)
}

/// Nouns after which words in quotation marks are a name or a title, not
/// speech: works, campaigns, operations, slogans, hashtags, programmes.
pub fn names_a_title(word: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "كتاب", "كتابه", "فيلم", "فيلمه", "روايه", "مسلسل", "برنامج", "برنامجه",
        "اغنيه", "قصيده", "مقال", "مقاله", "دراسه", "تقرير", "بعنوان", "عنوان",
        "حمله", "الحمله", "مبادره", "المبادره", "عمليه", "العمليه", "شعار", "الشعار",
        "وسم", "الوسم", "هاشتاغ", "هاشتاج", "وثيقه", "خطه", "الخطه", "مشروع",
        "المشروع", "مؤتمر", "منتدي", "مهرجان", "معرض", "جائزه", "مسابقه", "تطبيق",
        "منصه", "مجموعه", "حركه", "تحالف", "صفقه", "ب", "باسم", "اسم",
        "تسميه", "لقب", "يسمي", "تسمي", "سمي", "سماه", "سمته", "يعرف",
        "تعرف", "المعروف", "المعروفه", "وصف", "وصفه", "وصفها", "وصفته", "ما",
    ];
    WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::key;

    fn cue_of(word: &str) -> Option<Cue> {
        cue(&key(word))
    }

    /// Speech verbs in their forms, with proclitics.
    #[test]
    fn speech_cues() {
        let table: &[(&str, Option<Cue>)] = &[
            ("قال", Some(Cue::Verb)),
            ("وقالت", Some(Cue::Verb)),
            ("فقال", Some(Cue::Verb)),
            ("وأكد", Some(Cue::Verb)),
            ("أكدوا", Some(Cue::Verb)),
            ("وأضافت", Some(Cue::Verb)),
            ("أوضح", Some(Cue::Verb)),
            ("صرّح", Some(Cue::Verb)),
            ("وشدد", Some(Cue::Verb)),
            ("أشارت", Some(Cue::Verb)),
            ("واعتبر", Some(Cue::Verb)),
            ("وتابع", Some(Cue::Verb)),
            ("ولفت", Some(Cue::Verb)),
            ("يقول", Some(Cue::Verb)),
            ("وأعلنت", Some(Cue::Verb)),
            ("ونقلت", Some(Cue::Relay)),
            ("وفق", Some(Cue::According)),
            ("بحسب", Some(Cue::According)),
            ("ووفقاً", Some(Cue::According)),
            ("نقلاً", Some(Cue::According)),
            ("مضيفاً", Some(Cue::Participle)),
            ("مؤكدةً", Some(Cue::Participle)),
            ("وجاء", Some(Cue::Came)),
            ("الوزير", None),
            ("قالب", None),
            ("والقول", None),
            // The longest cues, with and without و; a longer word is none.
            ("واستدركت", Some(Cue::Verb)),
            ("استدركت", Some(Cue::Verb)),
            ("والاستدراكات", None),
        ];
        for (word, expected) in table {
            assert_eq!(cue_of(word), *expected, "{word}");
        }
    }

    #[test]
    fn complementizers() {
        for word in ["إن", "أن", "أنه", "إنها", "إننا", "بأن", "فإن", "بأنه"] {
            assert!(is_complementizer(&key(word)), "{word}");
        }
        for word in ["أنباء", "انتخابات", "إنما", "لأن", "بان"] {
            let expected = word == "بان";
            assert_eq!(is_complementizer(&key(word)), expected, "{word}");
        }
    }

    #[test]
    fn circumstances_titles_and_possessors() {
        for word in ["في", "خلال", "خلالها", "لوكالة", "الثلاثاء", "للصحفيين", "الذي"]
        {
            assert!(starts_circumstance(&key(word)), "{word}");
        }
        for word in ["الوزير", "أحمد", "عطاف", "لافروف"] {
            assert!(!starts_circumstance(&key(word)), "{word}");
        }
        for word in ["كتاب", "حملة", "وسم", "بعنوان"] {
            assert!(names_a_title(&key(word)), "{word}");
        }
        for word in ["باسم", "مستشار", "حكومة"] {
            assert!(takes_a_possessor(&key(word)), "{word}");
        }
        assert_eq!(without_conjunction("وقال"), "قال");
        assert_eq!(without_conjunction("ون"), "ون");
    }
}
