//! Dates shown in Arabic (ARABIC.md §5): month names from one regional column or
//! two together, Arabic-Indic or Latin digits, as `site.toml` asks.

use jiff::civil::{Date, Weekday};
use serde::Deserialize;

/// A column of the month table of ARABIC.md §5.
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

const WEEKDAYS: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];

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

    /// `25 تموز/يوليو 2024`, or `الخميس 25 تموز/يوليو 2024` with the weekday.
    pub fn format(&self, date: Date) -> String {
        let text = format!("{} {} {}", date.day(), self.month(date.month()), date.year());
        let text = if self.weekday { format!("{} {text}", weekday_name(date.weekday())) } else { text };
        self.digits.apply(&text)
    }

    /// `تموز/يوليو 2024`, for archive headings.
    pub fn format_month(&self, date: Date) -> String {
        self.digits.apply(&format!("{} {}", self.month(date.month()), date.year()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
