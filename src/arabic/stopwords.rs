//! Arabic function words: prepositions, conjunctions, pronouns, particles and
//! the commonest reporting verbs. Two uses: a one-word alias that is one of
//! them would match everywhere (entity lists), and their share of a line tells
//! running prose from menus and headlines (import, in the manner of jusText's
//! stop-word density: Pomikálek, "Removing Boilerplate and Duplicate Content
//! from Web Corpora", 2011, whose Arabic stop-list this follows in spirit).

use rustc_hash::FxHashSet;

use super::normalize::key;

pub const FUNCTION_WORDS: &[&str] = &[
    "على",
    "إلى",
    "الى",
    "في",
    "من",
    "عن",
    "مع",
    "أو",
    "او",
    "أن",
    "ان",
    "إن",
    "لا",
    "ما",
    "هو",
    "هي",
    "هم",
    "هما",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "اللتين",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "قد",
    "لقد",
    "بعد",
    "قبل",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هؤلاء",
    "كل",
    "بين",
    "حتى",
    "ثم",
    "لم",
    "لن",
    "بل",
    "غير",
    "عند",
    "منذ",
    "حول",
    "ضد",
    "لكن",
    "لكنه",
    "إذا",
    "اذا",
    "كما",
    "أي",
    "نحن",
    "أنا",
    "أنه",
    "أنها",
    "إنه",
    "إنها",
    "له",
    "لها",
    "لهم",
    "فيه",
    "فيها",
    "عليه",
    "عليها",
    "منه",
    "منها",
    "عنه",
    "عنها",
    "إليه",
    "يوم",
    "اليوم",
    "أمس",
    "ليس",
    "مثل",
    "دون",
    "عبر",
    "خلال",
    "قال",
    "قالت",
    "وقال",
    "أضاف",
    "أضافت",
    "أكد",
    "أكدت",
    "أيضا",
    "فقط",
    "حيث",
    "لدى",
    "لدي",
    "نحو",
    "وفق",
    "وفقا",
    "عدة",
    "بعض",
    "أكثر",
    "أقل",
    "جميع",
    "كلا",
    "سوى",
    "إلا",
    "الا",
    "أما",
    "إما",
    "لو",
    "لولا",
    "هنا",
    "هناك",
    "الآن",
    "عندما",
    "بينما",
    "حين",
    "حينما",
    "لأن",
    "كي",
    "لكي",
    "أجل",
    "ذات",
    "نفس",
    "تم",
    "يتم",
    "وهو",
    "وهي",
    "التى",
    "وكان",
    "وكانت",
    "الذى",
    "ضمن",
    "أمام",
    "خلف",
    "فوق",
    "تحت",
    "لدى",
];

/// Question words: function words in running text, but not refused as
/// aliases, since كيف is also how outlets write Kyiv.
const QUESTION_WORDS: &[&str] = &["هل", "كيف", "متى", "أين", "لماذا"];

/// The keys of every function word, question words included.
pub fn function_word_keys() -> &'static FxHashSet<String> {
    static KEYS: std::sync::OnceLock<FxHashSet<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| FUNCTION_WORDS.iter().chain(QUESTION_WORDS).map(|w| key(w)).collect())
}

/// Whether the matching key `word_key` is a function word, also after one of
/// the conjunctions و and ف (وفي، فإن).
pub fn is_function_word(word_key: &str) -> bool {
    // Every word of every article is looked up: most are longer than any
    // function word with و or ف before it, which takes no lookup at all.
    static LONGEST: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let longest = *LONGEST.get_or_init(|| function_word_keys().iter().map(String::len).max().unwrap_or(0));
    if word_key.len() > longest + 'و'.len_utf8() {
        return false;
    }
    let keys = function_word_keys();
    keys.contains(word_key)
        || word_key.strip_prefix(['و', 'ف']).is_some_and(|rest| rest.chars().nth(1).is_some() && keys.contains(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_with_and_without_a_conjunction() {
        for word in ["في", "وفي", "فإن", "الذي", "على", "وقال", "اللذين", "واللذين", "فاللتين"]
        {
            assert!(is_function_word(&key(word)), "{word}");
        }
        for word in ["موسكو", "بوتين", "الرئيس", "وزارة", "فلسطين", "والاستثمارات", "و"]
        {
            assert!(!is_function_word(&key(word)), "{word}");
        }
    }
}
