//! What each line of a scraped page is, on its own: prose, a heading, a
//! boilerplate marker, or a line of metadata (date, author, source, link).
//!
//! Prose is told from menus and headline lists in the manner of jusText
//! (Pomikálek 2011): a line's length and the share of its words that are
//! function words. Boilerplate markers are the phrases every Arabic news site
//! prints around its articles: related links, share and follow bars, comment
//! forms, copyright and cookie notices. All matching is on keys (docs/arabic.md §1),
//! so اقرأ أيضاً and إقرأ ايضا are one marker.

use std::sync::OnceLock;

use jiff::civil::Date;
use rustc_hash::FxHashSet;

use crate::arabic::dates::find_dates;
use crate::arabic::key;
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::Words;

/// jusText's thresholds (characters, share of function words). Arabic attaches
/// prepositions and conjunctions to words, so its prose has fewer free-standing
/// function words than European text: the share thresholds are lower than
/// jusText's 0.30/0.32, set on the seed articles.
const LENGTH_LOW: usize = 70;
const LENGTH_HIGH: usize = 200;
const STOPWORDS_LOW: f32 = 0.12;
const STOPWORDS_HIGH: f32 = 0.18;

/// How much a line looks like the article's prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// Long, or few function words: a menu, a caption or a headline of another page.
    Bad,
    /// Too short to tell; its neighbours decide.
    Short,
    NearGood,
    Good,
}

/// A line that carries metadata rather than text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    /// A date, labelled as the publication date or not.
    Date {
        date: Date,
        label: DateLabel,
    },
    Author(String),
    /// `المصدر: X` (where the text came from).
    Origin(String),
    /// `ترجمة: X` (who translated and published it).
    Translator(String),
    /// `X – وكالات` at the end of the text: the outlet signing it.
    Outlet(String),
    /// `X:` alone on a line: an outlet's name over the text, or a label.
    Masthead(String),
    Url(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateLabel {
    /// `آخر تحديث`: when it was changed, the weakest.
    Updated,
    /// A date alone on a line.
    Bare,
    /// `تاريخ النشر`, `نشر في`: the strongest.
    Published,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Boilerplate that may stand anywhere, even between paragraphs: dropped.
    Noise,
    /// Boilerplate that follows the article (related links, comments, copyright):
    /// the article has ended.
    End,
    Meta(Meta),
    Text(Quality),
}

#[derive(Debug, Clone)]
pub struct Line<'t> {
    pub text: &'t str,
    pub kind: Kind,
    pub words: usize,
}

impl Line<'_> {
    /// Short, no closing punctuation, at least two words: a sub-heading when it
    /// stands between paragraphs.
    pub fn is_heading_like(&self) -> bool {
        matches!(self.kind, Kind::Text(_))
            && (2..=12).contains(&self.words)
            && self.text.chars().count() <= 90
            && !self.text.ends_with(['.', '!', '?', '؟', ':', '،', ',', '"', '”', '»', ')'])
    }

    /// A read-more marker alone, whose headline is on the next line.
    pub fn is_bare_marker(&self) -> bool {
        self.kind == Kind::Noise && self.words <= 3 && !self.text.contains(['›', '|', '»'])
    }

    pub fn is_prose(&self) -> bool {
        matches!(self.kind, Kind::Text(Quality::Good | Quality::NearGood))
    }
}

/// Markers that end the article wherever they stand: the line is the marker,
/// perhaps with a colon or a count after it.
const END_MARKERS: &[&str] = &[
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "اخبار متعلقة",
    "مقالات مشابهة",
    "أخبار مشابهة",
    "مواضيع مشابهة",
    "قد يهمك أيضا",
    "قد يعجبك أيضا",
    "قد يهمك",
    "اخترنا لك",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "الأكثر تداولا",
    "الأكثر شعبية",
    "آخر الأخبار",
    "أحدث الأخبار",
    "اضف تعليقك",
    "أضف تعليق",
    "اترك تعليقا",
    "اترك تعليقك",
    "اترك تعليق",
    "التعليقات",
    "لا يوجد تعليقات",
    "لا توجد تعليقات",
    "الكلمات المفتاحية",
    "كلمات مفتاحية",
    "كلمات دلالية",
    "الوسوم",
    "انتهى",
    "وسوم",
];

/// Markers that start a line of boilerplate, which is dropped wherever it is.
const NOISE_PREFIXES: &[&str] = &[
    "اقرأ أيضا",
    "اقرأ ايضا",
    "إقرأ أيضا",
    "شاهد أيضا",
    "طالع أيضا",
    "اقرأ المزيد",
    "إقرأ المزيد",
    "شاهد المزيد",
    "للمزيد من الأخبار",
    "ذات صلة",
    "جميع الحقوق محفوظة",
    "جميع حقوق النشر محفوظة",
    "حقوق النشر محفوظة",
    "الآراء والتعليقات المنشورة",
    "الآراء الواردة",
    "المقالات المنشورة تعبر عن",
    "لن يتم نشر عنوان بريدك",
    "يستخدم هذا الموقع ملفات تعريف الارتباط",
    "نستخدم ملفات تعريف الارتباط",
    "اشترك في النشرة",
    "اشترك في نشرتنا",
    "اشترك الآن",
    "سجل بريدك",
    "تابعونا على",
    "تابعوا قناتنا",
    "تابعوا صفحتنا",
    "تابعوا آخر الأخبار",
    "تابعنا على",
    "تابع قناتنا",
    "تابع صفحتنا",
    "زر الذهاب إلى الأعلى",
    "التوقيت",
    "مرحبا بك",
    "الصورة:",
    "صورة:",
    "الصورة :",
];

/// Markers made of common words: boilerplate only when the line is short
/// (`طباعة` alone is a print button; a paragraph may begin with the word).
const NOISE_SHORT_PREFIXES: &[&str] = &[
    "طباعة",
    "المشاهدات",
    "عدد المشاهدات",
    "عدد القراءات",
    "رد على",
    "الرد على تعليق",
    "رمز التحقق",
    "أكتب الرمز",
    "البريد الإلكتروني",
    "الاسم :",
    "الاسم:",
    "التعليق :",
    "التعليق:",
    "إرسال التعليق",
    "سياسة الخصوصية",
    "اتصل بنا",
    "من نحن",
    "إعلان",
    "مساحة إعلانية",
    "شارك",
    "شاهد الفيديو",
    "انضم إلى قناتنا",
    "انضموا إلى",
];

/// Words of share and follow bars and of site menus: a line made mostly of
/// them is navigation, not text.
const NAVIGATION_WORDS: &[&str] = &[
    "شارك",
    "شاركها",
    "مشاركة",
    "فيسبوك",
    "فيس",
    "بوك",
    "تويتر",
    "إكس",
    "واتساب",
    "واتس",
    "آب",
    "تلغرام",
    "تيليغرام",
    "تليجرام",
    "انستغرام",
    "إنستغرام",
    "انستجرام",
    "لينكدإن",
    "يوتيوب",
    "نسخ",
    "الرابط",
    "رابط",
    "طباعة",
    "ارسال",
    "إرسال",
    "تابعونا",
    "تابعنا",
    "قناتنا",
    "صفحتنا",
    "منصة",
    "الرئيسية",
    "أخبار",
    "الأخبار",
    "اخبار",
    "رياضة",
    "الرياضة",
    "اقتصاد",
    "الاقتصاد",
    "ثقافة",
    "الثقافة",
    "فن",
    "فنون",
    "منوعات",
    "صحة",
    "الصحة",
    "تكنولوجيا",
    "علوم",
    "سياسة",
    "السياسة",
    "دولي",
    "دولية",
    "عربي",
    "عربية",
    "عالمي",
    "محليات",
    "محلي",
    "مقالات",
    "رأي",
    "آراء",
    "الرأي",
    "فيديو",
    "صور",
    "ملفات",
    "تقارير",
    "حوارات",
    "مجتمع",
    "المغرب",
    "مصر",
    "الخليج",
    "العالم",
    "سوريا",
    "العراق",
    "لبنان",
    "الأردن",
    "فلسطين",
    "اليمن",
    "السودان",
    "الجزائر",
    "تونس",
    "ليبيا",
    "السعودية",
    "الإمارات",
    "قطر",
    "الكويت",
    "البحرين",
    "عمان",
    "وثقافة",
    "وفنون",
    "المزيد",
    "بحث",
    "دخول",
    "تسجيل",
    "و",
];

const DATE_LABELS_PUBLISHED: &[&str] = &["تاريخ النشر", "نشر في", "نشر بتاريخ", "تاريخ الخبر", "نشر يوم", "نشر"];
const DATE_LABELS_UPDATED: &[&str] = &["آخر تحديث", "اخر تحديث", "تم التحديث", "تحديث"];
const AUTHOR_LABELS: &[&str] =
    &["كتب", "كتبت", "بقلم", "إعداد", "تقرير", "تحرير", "حوار", "حرر بواسطة", "نشر بواسطة", "تغطية", "✍️ كتب"];
const ORIGIN_LABELS: &[&str] = &["المصدر", "مصدر الخبر", "نقلا عن", "عن موقع"];
const TRANSLATOR_LABELS: &[&str] = &["ترجمة", "ترجمه وتحرير", "ترجمة وتحرير"];
/// Social sites whose links are share buttons, never the article's own URL.
const SOCIAL_HOSTS: &[&str] =
    &["facebook.", "twitter.", "x.com", "t.me", "wa.me", "whatsapp.", "instagram.", "youtube.", "linkedin.", "tiktok."];

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| key(s)).collect()
}

struct Tables {
    end: Vec<String>,
    noise: Vec<String>,
    noise_short: Vec<String>,
    navigation: FxHashSet<String>,
    published: Vec<String>,
    updated: Vec<String>,
    author: Vec<String>,
    origin: Vec<String>,
    translator: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        end: keys(END_MARKERS),
        noise: keys(NOISE_PREFIXES),
        noise_short: keys(NOISE_SHORT_PREFIXES),
        navigation: NAVIGATION_WORDS.iter().map(|w| key(w)).collect(),
        published: keys(DATE_LABELS_PUBLISHED),
        updated: keys(DATE_LABELS_UPDATED),
        author: keys(AUTHOR_LABELS),
        origin: keys(ORIGIN_LABELS),
        translator: keys(TRANSLATOR_LABELS),
    })
}

/// Classifies one line (already trimmed, not empty) on its own.
pub fn classify(text: &str) -> Line<'_> {
    let words = Words::of(text);
    let kind = kind_of(text, &words, true);
    Line { text, kind, words: words.len() }
}

/// Classifies a block that an HTML page's structure already placed in the
/// text: its markers and metadata count, but a line in Latin script is text
/// (pages in other languages, quotations), not the site's interface.
pub fn classify_block(text: &str) -> Kind {
    kind_of(text, &Words::of(text), false)
}

fn kind_of(text: &str, words: &Words, latin_is_noise: bool) -> Kind {
    let tables = tables();
    let line_key = key(text);
    let bare = line_key.trim_matches(|c: char| !c.is_alphanumeric()).trim();
    if bare.is_empty() {
        return Kind::Noise;
    }
    if tables.end.iter().any(|marker| bare == marker || is_marker_with_count(bare, marker)) {
        return Kind::End;
    }
    let unbulleted = line_key.trim_start_matches(['•', '-', '*', ' ']);
    let starts_with = |markers: &[String]| markers.iter().any(|marker| unbulleted.starts_with(marker.as_str()));
    if starts_with(&tables.noise) || (words.len() <= 6 && starts_with(&tables.noise_short)) {
        return Kind::Noise;
    }
    if let Some(meta) = meta_of(text, &line_key, words) {
        return Kind::Meta(meta);
    }
    if !text.chars().any(is_arabic_letter) {
        if !latin_is_noise {
            return Kind::Text(quality(text, words));
        }
        // A Latin-only line in an Arabic page is the site's own interface
        // ("Connect with us"), a caption credit or a stray code.
        return Kind::Noise;
    }
    let navigation = words.iter().filter(|(_, k)| tables.navigation.contains(*k)).count();
    let function_words = words.iter().filter(|(_, k)| is_function_word(k)).count();
    let unpunctuated = !text.contains(['.', '؟', '!', '،', ',', ':']);
    let separators = text.matches(['›', '»', '>', '|', '<', '«']).count();
    if (words.len() <= 12 && navigation * 3 >= words.len() * 2 && unpunctuated)
        // A menu: a row of section names, with no word that joins them into a sentence.
        || (words.len() >= 6 && navigation >= 2 && function_words == 0 && unpunctuated)
        // A breadcrumb or a bar of links: الرئيسية › محليات › …
        || (separators >= 2 && !text.contains('«'))
        // A relative time (منذ 4 ساعات), which is never a date (docs/arabic.md §5).
        || (words.len() <= 4 && line_key.starts_with("منذ "))
        // A date label with no date after it (آخر تحديث: منذ ساعة).
        || (words.len() <= 8 && (labelled(text, &line_key, &tables.updated).is_some() || labelled(text, &line_key, &tables.published).is_some()))
    {
        return Kind::Noise;
    }
    Kind::Text(quality(text, words))
}

fn is_marker_with_count(bare: &str, marker: &str) -> bool {
    bare.strip_prefix(marker).is_some_and(|rest| {
        rest.trim_start_matches([' ', ':', '(']).chars().all(|c| c.is_ascii_digit() || c == ')' || c == ' ')
    })
}

pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{0750}'..='\u{077F}')
}

/// jusText's context-free classification, with one addition: a whole
/// sentence, closed by its full stop, is prose whatever its length or share of
/// function words (Arabic names and attached prepositions can make that share
/// small); menus and headlines of other pages have no full stop.
fn quality(text: &str, words: &Words) -> Quality {
    let length = text.chars().count();
    let function_words = words.iter().filter(|(_, k)| is_function_word(k)).count();
    let density = if words.is_empty() { 0.0 } else { function_words as f32 / words.len() as f32 };
    let by_density = if length < LENGTH_LOW {
        Quality::Short
    } else if density >= STOPWORDS_HIGH {
        if length > LENGTH_HIGH { Quality::Good } else { Quality::NearGood }
    } else if density >= STOPWORDS_LOW {
        Quality::NearGood
    } else {
        Quality::Bad
    };
    let sentence = words.len() >= 4 && text.ends_with(['.', '!', '؟', '"', '”', '»']);
    if sentence { by_density.max(Quality::NearGood) } else { by_density }
}

/// Splits `label: value` or `label value` when the line's key starts with one
/// of `labels`, returning the value as written.
fn labelled<'t>(text: &'t str, line_key: &str, labels: &[String]) -> Option<&'t str> {
    let label = labels.iter().find(|label| {
        line_key
            .strip_prefix(label.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '-', '|']))
    })?;
    // The label's words, counted in the text as written (its key may be shorter).
    let label_words = label.split(' ').count();
    let mut rest = text;
    for _ in 0..label_words {
        rest = rest.trim_start().split_once(|c: char| c.is_whitespace() || c == ':').map_or("", |(_, r)| r);
    }
    Some(rest.trim_start_matches([' ', ':', '-', '|', '–', '—']).trim())
}

fn meta_of(text: &str, line_key: &str, words: &Words) -> Option<Meta> {
    let tables = tables();
    let short = words.len() <= 14;
    if let Some(url) = url_in(text)
        && Words::of(&text.replace(&url, "")).len() <= 6
    {
        return Some(Meta::Url(url));
    }
    if short && let Some(date) = find_dates(text).into_iter().next() {
        let label = if labelled(text, line_key, &tables.updated).is_some() {
            DateLabel::Updated
        } else if labelled(text, line_key, &tables.published).is_some() {
            DateLabel::Published
        } else if words.len() <= 12 && !text.ends_with(['.', '!', '؟']) {
            DateLabel::Bare
        } else {
            return None;
        };
        return Some(Meta::Date { date, label });
    }
    if !short {
        return None;
    }
    if let Some(value) = labelled(text, line_key, &tables.translator).filter(|v| !v.is_empty() && words.len() <= 8) {
        return Some(Meta::Translator(value.to_owned()));
    }
    if let Some(value) = labelled(text, line_key, &tables.origin).filter(|v| !v.is_empty() && words.len() <= 8) {
        return Some(Meta::Origin(value.to_owned()));
    }
    if let Some(value) = labelled(text, line_key, &tables.author).filter(|v| !v.is_empty() && words.len() <= 7) {
        return Some(Meta::Author(value.to_owned()));
    }
    outlet_signature(text, words)
}

/// `دقيقه – وكالات` signing the text, or `الحرة:` alone on a line.
fn outlet_signature(text: &str, words: &Words) -> Option<Meta> {
    let trimmed = text.trim();
    if let Some(name) = trimmed.strip_suffix(':').filter(|_| words.len() <= 4) {
        return Some(Meta::Masthead(name.trim().to_owned()));
    }
    let (name, rest) = trimmed.rsplit_once(['-', '–', '—'])?;
    let name = name.trim();
    (key(rest.trim()) == key("وكالات") && words.len() <= 5 && !name.is_empty()).then(|| Meta::Outlet(name.to_owned()))
}

/// The first web address in `text` that is not a share button.
pub fn url_in(text: &str) -> Option<String> {
    let start = text.find("http://").or_else(|| text.find("https://"))?;
    let url: String =
        text[start..].chars().take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>' | '»')).collect();
    let url = url.trim_end_matches(['.', ',', '،', ')', ']', ';']).to_owned();
    let host = url.split('/').nth(2).unwrap_or_default();
    (!host.is_empty() && !SOCIAL_HOSTS.iter().any(|s| host.contains(s))).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_markers() {
        let cases: &[(&str, Kind)] = &[
            ("مقالات ذات صلة", Kind::End),
            ("أخبار ذات صلة", Kind::End),
            ("اضف تعليقك", Kind::End),
            ("الأكثر قراءة", Kind::End),
            ("التعليقات (3)", Kind::End),
            ("شاهد ايضاً: السعودية متأخرة في مشروع منتجع التزلج الصحراوي", Kind::Noise),
            ("إقرأ أيضاً:", Kind::Noise),
            ("اقرأ أيضا", Kind::Noise),
            ("جميع حقوق النشر محفوظة لدى موقع وكالة سرايا الإخبارية © 2025", Kind::Noise),
            ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", Kind::Noise),
            ("تابع قناتنا على يوتيوب تابع صفحتنا على فيسبوك تابع منصة ترند سرايا", Kind::Noise),
            ("شارك فيسبوك تويتر واتساب نسخ الرابط", Kind::Noise),
            ("الرئيسية أخبار رياضة اقتصاد ثقافة", Kind::Noise),
            ("Connect with us", Kind::Noise),
            ("زر الذهاب إلى الأعلى", Kind::Noise),
            ("الرئيسية › محليات › مجلس محافظة البصرة يقر موازنة 2025", Kind::Noise),
            ("الرئيسية | محليات | اقتصاد | تقارير", Kind::Noise),
            ("الرئيسية محليات اقتصاد أسواق عقار طاقة تقنية رياضة رأي", Kind::Noise),
            ("آخر تحديث: منذ ساعة", Kind::Noise),
            ("إعلان", Kind::Noise),
            ("منذ 4 ساعات", Kind::Noise),
            ("طباعة المشاهدات: 4351", Kind::Noise),
            ("التوقيت الإثنين، 25 نوفمبر 2024", Kind::Noise),
        ];
        for (text, expected) in cases {
            assert_eq!(&classify(text).kind, expected, "{text}");
        }
    }

    #[test]
    fn metadata_lines() {
        let date = |y, m, d| Date::new(y, m, d).expect("a date");
        let cases: &[(&str, Meta)] = &[
            ("تاريخ النشر: 25th, July 2024 GMT", Meta::Date { date: date(2024, 7, 25), label: DateLabel::Published }),
            ("2025-02-16@21:10:59 GMT", Meta::Date { date: date(2025, 2, 16), label: DateLabel::Bare }),
            ("آخر تحديث: 16-02-2025 10:22 PM", Meta::Date { date: date(2025, 2, 16), label: DateLabel::Updated }),
            ("نشر في ١٦ فبراير ٢٠٢٥", Meta::Date { date: date(2025, 2, 16), label: DateLabel::Published }),
            ("المصدر: موقع المونيتور الأمريكي", Meta::Origin("موقع المونيتور الأمريكي".into())),
            ("ترجمة: أوغاريت بوست", Meta::Translator("أوغاريت بوست".into())),
            ("كتب: أحمد سعيد", Meta::Author("أحمد سعيد".into())),
            ("بقلم محمد العلي", Meta::Author("محمد العلي".into())),
            ("دقيقه – وكالات", Meta::Outlet("دقيقه".into())),
            ("الحرة:", Meta::Masthead("الحرة".into())),
            ("الرابط: https://example.com/news/123.html", Meta::Url("https://example.com/news/123.html".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(classify(text).kind, Kind::Meta(expected.clone()), "{text}");
        }
        assert_eq!(url_in("https://www.facebook.com/sharer.php?u=x"), None);
    }

    #[test]
    fn prose_and_headlines() {
        let prose = "وقال بوتين إن الاجتماع كان فرصة لمناقشة الوضع في المنطقة التي أصبحت متوترة بشكل متزايد، وأضاف أن روسيا مستعدة للمساعدة في ذلك.";
        assert!(classify(prose).is_prose(), "{:?}", classify(prose));
        let heading = classify("العلاقات السورية التركية: تطورات جديدة");
        assert!(heading.is_heading_like() && !heading.is_prose(), "{heading:?}");
        assert!(!classify("وقال الكرملين إن لقاء بوتين والأسد عُقد يوم الأربعاء.").is_heading_like());
    }
}
