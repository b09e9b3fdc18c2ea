//! The figures of an article: numbers in its text (in digits of either kind,
//! or as Arabic number words) with the content words around them, so that a
//! story page can set side by side the figures that outlets attach to the same
//! words (a death toll of 2 in one, 7 in another). Years, dates and times are
//! not figures.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::body::Body;
use super::signature::canonical;
use crate::arabic::key;
use crate::arabic::stopwords::is_function_word;
use crate::content::markdown::Place;

/// An article keeps at most this many figures (the first ones).
pub const MAX_FIGURES: usize = 24;
/// Content words on each side that make a figure's context: the nearest
/// only (what it counts, and what says it: "مقتل 7 أشخاص").
const CONTEXT: usize = 1;
/// Words on each side that its snippet shows.
const SNIPPET: usize = 4;

/// A number in the text with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The number as plain decimal digits ("7", "2.5", "1000").
    pub value: Box<str>,
    /// The compared forms of the content words around it, nearest first,
    /// separated by spaces; `%` when a percent sign follows it.
    pub context: Box<str>,
    /// The words around it as the text writes them.
    pub snippet: Box<str>,
}

impl Figure {
    pub fn context_words(&self) -> impl Iterator<Item = &str> {
        self.context.split(' ').filter(|w| !w.is_empty())
    }
}

/// Arabic number words by their compared form (docs/arabic.md §1 keys, article and
/// proclitics removed), with their values. Compounds (خمسة عشر) are left out.
const NUMBER_WORDS: [(&str, &str); 47] = [
    ("واحد", "1"),
    ("واحده", "1"),
    ("اثنان", "2"),
    ("اثنين", "2"),
    ("اثنتان", "2"),
    ("اثنتين", "2"),
    ("ثلاث", "3"),
    ("ثلاثه", "3"),
    ("اربع", "4"),
    ("اربعه", "4"),
    ("خمس", "5"),
    ("خمسه", "5"),
    ("ست", "6"),
    ("سته", "6"),
    ("سبع", "7"),
    ("سبعه", "7"),
    ("ثماني", "8"),
    ("ثمانيه", "8"),
    ("ثمان", "8"),
    ("تسع", "9"),
    ("تسعه", "9"),
    ("عشر", "10"),
    ("عشره", "10"),
    ("عشرون", "20"),
    ("عشرين", "20"),
    ("ثلاثون", "30"),
    ("ثلاثين", "30"),
    ("اربعون", "40"),
    ("اربعين", "40"),
    ("خمسون", "50"),
    ("خمسين", "50"),
    ("ستون", "60"),
    ("ستين", "60"),
    ("سبعون", "70"),
    ("سبعين", "70"),
    ("ثمانون", "80"),
    ("ثمانين", "80"),
    ("تسعون", "90"),
    ("تسعين", "90"),
    ("مئه", "100"),
    ("مائه", "100"),
    ("مئتان", "200"),
    ("مئتين", "200"),
    ("مائتين", "200"),
    ("الف", "1000"),
    ("الفين", "2000"),
    ("الفان", "2000"),
];

/// The ordinals that stand before عشر in 11th to 19th, as compared forms.
const ORDINALS: [&str; 18] = [
    "حادي",
    "حاديه",
    "ثاني",
    "ثانيه",
    "ثالث",
    "ثالثه",
    "رابع",
    "رابعه",
    "خامس",
    "خامسه",
    "سادس",
    "سادسه",
    "سابع",
    "سابعه",
    "ثامن",
    "ثامنه",
    "تاسع",
    "تاسعه",
];

/// The value of a word key that is a number, as plain digits.
fn number_value(word_key: &str) -> Option<Cow<'_, str>> {
    if word_key.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        if word_key.contains(':') || !word_key.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '٫')) {
            return None;
        }
        if !word_key.contains([',', '٫']) {
            return Some(Cow::Borrowed(word_key));
        }
        // 2,5 and 2٫5 are 2.5; 1,000 is 1000.
        let grouped = word_key.split(',').skip(1).all(|part| part.len() == 3);
        let plain: String = word_key
            .chars()
            .filter_map(|c| match c {
                ',' if grouped => None,
                ',' | '٫' => Some('.'),
                c => Some(c),
            })
            .collect();
        return Some(Cow::Owned(plain));
    }
    // Every word of the text is looked up: one hash lookup, and the rarer
    // test for a weekday only for number words.
    static VALUES: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let values = VALUES.get_or_init(|| NUMBER_WORDS.into_iter().collect());
    let value = values.get(canonical(word_key))?;
    (!is_weekday(word_key)).then_some(Cow::Borrowed(*value))
}

/// Whether a word is a day of the week (الاثنين "Monday" is not اثنين "two").
fn is_weekday(word_key: &str) -> bool {
    const DAYS: [&str; 7] = ["الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"];
    let bare = word_key.strip_prefix(['و', 'ف']).unwrap_or(word_key);
    let bare = bare.strip_prefix(['ب', 'ل', 'ك']).filter(|rest| rest.starts_with("ال")).unwrap_or(bare);
    DAYS.contains(&bare) || bare.strip_prefix('ل').is_some_and(|rest| DAYS.contains(&format!("ا{rest}").as_str()))
}

fn is_year(value: &str) -> bool {
    value.len() == 4 && value.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The keys of every month name of docs/arabic.md §5 and of the days of the week:
/// a number next to one is part of a date.
fn is_date_word(word_key: &str) -> bool {
    static KEYS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        use crate::arabic::dates::MonthNames;
        let mut keys: rustc_hash::FxHashSet<String> = MonthNames::ALL
            .iter()
            .flat_map(|names| (1..=12).flat_map(move |m| names.name(m).split(' ')))
            .map(key)
            .collect();
        keys.extend(["يوليه", "يونيه", "ابريل", "الساعه", "ساعه", "عام", "العام", "سنه"].map(key));
        keys
    });
    keys.contains(word_key) || keys.contains(canonical(word_key))
}

/// The figures of a body, in text order, at most [`MAX_FIGURES`].
pub fn figures(body: &Body) -> Vec<Figure> {
    let mut found = Vec::new();
    for (run, text, words) in body.runs_with_words() {
        if !matches!(run.place, Place::Prose | Place::Link) {
            continue;
        }
        let list: Vec<(usize, usize, &str)> = words.iter().map(|(w, k)| (w.start, w.end, k)).collect();
        for (n, &(_, end, word_key)) in list.iter().enumerate() {
            let Some(value) = number_value(word_key) else { continue };
            let digits = |k: &str| k.starts_with(|c: char| c.is_ascii_digit());
            let near = |m: usize| list.get(m).is_some_and(|&(_, _, k)| is_date_word(k) || digits(k));
            // A number word after digits is their unit (2,5 بالمئة), not a
            // figure; عشرة after another number or an ordinal is part of a
            // compound (خمسة عشر، الثانية عشرة), which is left out.
            let previous = n.checked_sub(1).map(|m| list[m].2);
            let unit = !digits(word_key) && previous.is_some_and(digits);
            let word_next = list.get(n + 1).is_some_and(|&(_, _, k)| !digits(k) && number_value(k).is_some());
            let compound = (!digits(word_key) && word_next)
                || value == "10"
                    && previous.is_some_and(|p| number_value(p).is_some() || ORDINALS.contains(&canonical(p)));
            if unit || compound || is_year(&value) || near(n + 1) || (n > 0 && near(n - 1)) {
                continue;
            }
            let content = |&&(_, _, k): &&(usize, usize, &str)| !is_function_word(k) && !digits(k);
            let after = list[n + 1..].iter().filter(content).take(CONTEXT);
            let before = list[..n].iter().rev().filter(content).take(CONTEXT);
            let mut context: Vec<String> = Vec::new();
            if text[end..].trim_start().starts_with(['%', '٪']) {
                context.push("%".to_owned());
            }
            context.extend(after.chain(before).map(|&(_, _, k)| canonical(k).to_owned()));
            if context.is_empty() {
                continue;
            }
            let first = n.saturating_sub(SNIPPET);
            let last = (n + SNIPPET).min(list.len() - 1);
            let mut snippet_end = list[last].1;
            if text[snippet_end..].starts_with(['%', '٪']) {
                snippet_end += '%'.len_utf8();
            }
            found.push(Figure {
                value: value.into(),
                context: context.join(" ").into_boxed_str(),
                snippet: text[list[first].0..snippet_end].split_whitespace().collect::<Vec<_>>().join(" ").into(),
            });
            if found.len() == MAX_FIGURES {
                return found;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String)> {
        figures(&Body::read(text)).into_iter().map(|f| (f.value.into(), f.context.into())).collect()
    }

    #[test]
    fn numbers_with_their_words() {
        let table = [
            ("وأسفر الزلزال عن مقتل 7 أشخاص.\n", "7", "اشخاص مقتل"),
            ("وأسفر الزلزال عن مقتل سبعة أشخاص.\n", "7", "اشخاص مقتل"),
            ("قتل ٢ من المدنيين\n", "2", "مدنيين قتل"),
            ("ارتفع المؤشر 2,5 بالمئة\n", "2.5", "مئه مؤشر"),
            ("حصل على 40% من الأصوات\n", "40", "% اصوات حصل"),
            ("نحو 1,000 نازح\n", "1000", "نازح"),
        ];
        for (text, value, context) in table {
            assert_eq!(values(text), [(value.to_owned(), context.to_owned())], "{text}");
        }
    }

    #[test]
    fn dates_years_and_times_are_not_figures() {
        for text in [
            "في 15 يوليو الماضي\n",
            "منذ عام 2015 وحتى الآن\n",
            "في آذار 2023 زار موسكو\n",
            "عند الساعة 10:22 مساء\n",
            "في 22 آذار\n",
            "تزامنت مع الذكرى الثانية عشرة للانتفاضة\n",
            "وأصيب خمسة عشر شخصا\n",
            "ضرب الزلزال فجر الاثنين المنطقة\n",
            "وفي يوم الاثنين قال\n",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn snippets_show_the_words_as_written() {
        let found = figures(&Body::read("قالت الوزارة إن حصيلة القتلى ارتفعت إلى ٧ أشخاص على الأقل في المدينة.\n"));
        assert_eq!(&*found[0].snippet, "حصيلة القتلى ارتفعت إلى ٧ أشخاص على الأقل في");
    }
}
