//! Dates shown in Arabic (docs/arabic.md §5): month names from one regional column or
//! two together, Arabic-Indic or Latin digits, as `site.toml` asks.

use jiff::civil::{Date, Weekday};
use serde::Deserialize;

/// A column of the month table of docs/arabic.md §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MonthNames {
    /// Egypt, the Gulf, Sudan: يناير فبراير مارس …
    Egypt,
    /// The Levant and Iraq: كانون الثاني شباط آذار …
    Levant,
    /// Tunisia and Algeria: جانفي فيفري مارس …
    Maghreb,
    /// Morocco: يناير فبراير مارس … يوليوز غشت
    Morocco,
}

const EGYPT: [&str; 12] =
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const LEVANT: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
const MAGHREB: [&str; 12] =
    ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const MOROCCO: [&str; 12] =
    ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];

impl MonthNames {
    pub const ALL: [MonthNames; 4] = [MonthNames::Egypt, MonthNames::Levant, MonthNames::Maghreb, MonthNames::Morocco];

    /// The month's name in this column (1 = January).
    pub fn name(self, month: i8) -> &'static str {
        let table = match self {
            MonthNames::Egypt => &EGYPT,
            MonthNames::Levant => &LEVANT,
            MonthNames::Maghreb => &MAGHREB,
            MonthNames::Morocco => &MOROCCO,
        };
        table[(month.clamp(1, 12) - 1) as usize]
    }
}

/// Spellings found in print beside the table's (إبريل، يونيه، يوليه) and the
/// English names, full and short, as in `25th, July 2024`.
const OTHER_MONTH_NAMES: [(&str, i8); 27] = [
    ("إبريل", 4),
    ("ابريل", 4),
    ("يونيه", 6),
    ("يوليه", 7),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Reads the calendar dates written in `text`, in order (docs/arabic.md §5,
/// "Reading"): `2024-07-25` and `2024/11/09` (also `2025-02-16@21:10:59`), day-first numeric
/// `16-02-2025` and `16/02/2025`, and a day, a month name and a year in any
/// column of the month table or in English (`25 تموز 2024`, `25 يوليو 2024`,
/// `١٦ فبراير ٢٠٢٥`, `25th, July 2024`, `15 مارس/آذار 2023`). Matching is on
/// keys, so hamza and teh marbuta spellings and Eastern digits all read.
/// Relative words (أمس، اليوم) are never dates; impossible dates are skipped.
pub fn find_dates(text: &str) -> Vec<Date> {
    static PATTERNS: std::sync::OnceLock<(regex::Regex, Vec<(String, i8)>)> = std::sync::OnceLock::new();
    let (pattern, months) = PATTERNS.get_or_init(|| {
        let mut months: Vec<(String, i8)> = MonthNames::ALL
            .iter()
            .flat_map(|column| (1..=12).map(move |m| (super::key(column.name(m)), m)))
            .chain(OTHER_MONTH_NAMES.iter().map(|&(name, m)| (super::key(name), m)))
            .collect();
        months.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        months.dedup();
        let names = months.iter().map(|(name, _)| regex::escape(name)).collect::<Vec<_>>().join("|");
        // A second name after `/` or in brackets (مارس/آذار، نوفمبر (تشرين الثاني)) is the same month.
        let month = format!(r"(?P<month>{names})(?:\s*(?:/|\()\s*(?:{names})\s*\)?)?");
        let pattern = format!(
            r"(?P<iso>\b(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}}))|(?P<num>\b(?P<nd>\d{{1,2}})[-/.](?P<nm>\d{{1,2}})[-/.](?P<ny>\d{{4}})\b)|(?P<text>\b(?P<td>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:من\s+)?(?:شهر\s+)?{month}\s*[,،]?\s+(?:عام\s+|سنه\s+)?(?P<ty>\d{{4}})\b)"
        );
        (regex::Regex::new(&pattern).expect("the date pattern is valid"), months)
    });
    let text = super::key(text);
    let number = |caps: &regex::Captures, name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    pattern
        .captures_iter(&text)
        .filter_map(|caps| {
            let (year, month, day) = if caps.name("iso").is_some() {
                (number(&caps, "iy")?, number(&caps, "im")?, number(&caps, "id")?)
            } else if caps.name("num").is_some() {
                // Day first, unless the first number cannot be a month's day
                // and the second cannot be a month: then it is M/D/Y.
                let (first, second) = (number(&caps, "nd")?, number(&caps, "nm")?);
                let (day, month) = if second > 12 && first <= 12 { (second, first) } else { (first, second) };
                (number(&caps, "ny")?, month, day)
            } else {
                let name = caps.name("month")?.as_str();
                let month = months.iter().find(|(m, _)| m == name)?.1;
                (number(&caps, "ty")?, i16::from(month), number(&caps, "td")?)
            };
            Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
        })
        .collect()
}

/// Which digits numbers are written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// ٠١٢٣٤٥٦٧٨٩ (CLDR `arab`)
    Arab,
    /// 0123456789 (CLDR `latn`)
    #[default]
    Latn,
}

impl Digits {
    /// Writes `text` with its ASCII digits in this system.
    pub fn apply(self, text: &str) -> String {
        match self {
            Digits::Latn => text.to_owned(),
            Digits::Arab => text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        }
    }
}

/// How dates are shown: `months` is one column or two (`تموز/يوليو`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateStyle {
    pub months: Vec<MonthNames>,
    pub digits: Digits,
    pub weekday: bool,
}

impl Default for DateStyle {
    fn default() -> Self {
        DateStyle { months: vec![MonthNames::Levant, MonthNames::Egypt], digits: Digits::Latn, weekday: false }
    }
}

pub const WEEKDAYS: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];

fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[day.to_monday_zero_offset() as usize]
}

impl DateStyle {
    /// The month's name: one column, or several joined by a slash (تموز/يوليو).
    pub fn month(&self, month: i8) -> String {
        let mut names: Vec<&str> = self.months.iter().map(|m| m.name(month)).collect();
        names.dedup();
        names.join("/")
    }

    /// `25 تموز/يوليو 2024`, or `الخميس 25 تموز/يوليو 2024` where the site
    /// asks for weekdays.
    pub fn format(&self, date: Date) -> String {
        if self.weekday { self.format_long(date) } else { self.format_day(date) }
    }

    /// `25 تموز/يوليو 2024`, without the weekday.
    pub fn format_day(&self, date: Date) -> String {
        self.digits.apply(&format!("{} {} {}", date.day(), self.month(date.month()), date.year()))
    }

    /// `الخميس 25 تموز/يوليو 2024`, with the weekday (an article's own date).
    pub fn format_long(&self, date: Date) -> String {
        format!("{} {}", weekday_name(date.weekday()), self.format_day(date))
    }

    /// `تموز/يوليو 2024`, for archive headings.
    pub fn format_month(&self, date: Date) -> String {
        self.digits.apply(&format!("{} {}", self.month(date.month()), date.year()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_outlets_write_them() {
        let day = |y, m, d| vec![Date::new(y, m, d).expect("a date")];
        let cases: [(&str, Vec<Date>); 20] = [
            ("الأحد 9 شباط، 2025 - 11:30", day(2025, 2, 9)),
            ("نُشر: ٢٠٢٤/١١/٠٩", day(2024, 11, 9)),
            ("2024-07-25", day(2024, 7, 25)),
            ("2025-02-16@21:10:59 GMT", day(2025, 2, 16)),
            ("16-02-2025 10:22 PM", day(2025, 2, 16)),
            // M/D/Y when the second number cannot be a month.
            ("11/25/2024", day(2024, 11, 25)),
            ("05/11/2024", day(2024, 11, 5)),
            ("16/02/2025", day(2025, 2, 16)),
            ("تاريخ النشر: 25th, July 2024 GMT", day(2024, 7, 25)),
            ("25 يوليو 2024", day(2024, 7, 25)),
            ("25 تموز 2024", day(2024, 7, 25)),
            ("الخميس 25 تموز/يوليو 2024", day(2024, 7, 25)),
            ("١٦ فبراير ٢٠٢٥", day(2025, 2, 16)),
            ("15 مارس/آذار 2023", day(2023, 3, 15)),
            ("3 نوفمبر (تشرين الثاني) 2022", day(2022, 11, 3)),
            ("نشر في 5 جويلية 2023", day(2023, 7, 5)),
            ("12 غشت 2021", day(2021, 8, 12)),
            ("1 إبريل 2020 و 2 ابريل 2020", [day(2020, 4, 1), day(2020, 4, 2)].concat()),
            ("أمس واليوم وفي آذار 2023", vec![]),
            ("31-02-2024 و 2024-13-01", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(find_dates(text), expected, "{text}");
        }
    }
    use jiff::civil::date;

    #[test]
    fn formats() {
        let july = date(2024, 7, 25);
        let table = [
            (vec![MonthNames::Egypt], Digits::Latn, false, "25 يوليو 2024"),
            (vec![MonthNames::Levant], Digits::Latn, false, "25 تموز 2024"),
            (vec![MonthNames::Levant, MonthNames::Egypt], Digits::Latn, false, "25 تموز/يوليو 2024"),
            (vec![MonthNames::Maghreb], Digits::Latn, false, "25 جويلية 2024"),
            (vec![MonthNames::Morocco], Digits::Latn, false, "25 يوليوز 2024"),
            (vec![MonthNames::Egypt], Digits::Arab, false, "٢٥ يوليو ٢٠٢٤"),
            (vec![MonthNames::Levant, MonthNames::Egypt], Digits::Arab, true, "الخميس ٢٥ تموز/يوليو ٢٠٢٤"),
            // Two columns that agree print the name once.
            (vec![MonthNames::Egypt, MonthNames::Morocco], Digits::Latn, false, "25 يوليو/يوليوز 2024"),
        ];
        for (months, digits, weekday, expected) in table {
            let style = DateStyle { months, digits, weekday };
            assert_eq!(style.format(july), expected);
        }
        let style = DateStyle { weekday: false, ..DateStyle::default() };
        assert_eq!(style.format_long(july), "الخميس 25 تموز/يوليو 2024");
        assert_eq!(DateStyle { weekday: true, ..DateStyle::default() }.format_day(july), "25 تموز/يوليو 2024");
        let march = DateStyle { months: vec![MonthNames::Egypt, MonthNames::Maghreb], ..DateStyle::default() };
        assert_eq!(march.format(date(2023, 3, 16)), "16 مارس 2023");
    }

    #[test]
    fn every_month_has_a_name_in_every_column() {
        for column in [MonthNames::Egypt, MonthNames::Levant, MonthNames::Maghreb, MonthNames::Morocco] {
            for month in 1..=12 {
                assert!(!column.name(month).is_empty());
            }
        }
        assert_eq!(MonthNames::Levant.name(1), "كانون الثاني");
        assert_eq!(MonthNames::Morocco.name(12), "دجنبر");
    }
}
