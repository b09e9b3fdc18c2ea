//! Counted nouns: Arabic agrees the noun with the number (CLDR's plural
//! categories for `ar`: zero, one, two, few for 3–10, many for 11–99, other),
//! so "3 مقالات" but "11 مقالًا" and "100 مقال". Numbers stay in the
//! site's digits; the noun's forms are given by the caller.

/// The forms of a counted noun.
pub struct Noun {
    /// With one: "مقال واحد".
    pub one: &'static str,
    /// With two: "مقالان".
    pub two: &'static str,
    /// After 3–10: "مقالات".
    pub few: &'static str,
    /// After 11–99: "مقالًا".
    pub many: &'static str,
    /// After 100, 101, 102 …, and 0: "مقال".
    pub other: &'static str,
}

pub const ARTICLES: Noun = Noun {
    one: "مقال واحد", two: "مقالان", few: "مقالات", many: "مقالًا", other: "مقال"
};
pub const NAMES: Noun =
    Noun { one: "اسم واحد", two: "اسمان", few: "أسماء", many: "اسمًا", other: "اسم" };
/// Outlets, as the site counts them after في ("في مصدرين").
pub const OUTLETS: Noun =
    Noun { one: "مصدر واحد", two: "مصدرين", few: "مصادر", many: "مصدرًا", other: "مصدر" };

/// `count` with the noun in the form the number calls for; `digits` is the
/// count as the site writes it.
pub fn counted(count: u64, digits: &str, noun: &Noun) -> String {
    match (count, count % 100) {
        (1, _) => noun.one.to_owned(),
        (2, _) => noun.two.to_owned(),
        (_, 3..=10) => format!("{digits} {}", noun.few),
        (_, 11..=99) => format!("{digits} {}", noun.many),
        _ => format!("{digits} {}", noun.other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_counted_nouns() {
        let table = [
            (0, "0 مقال"),
            (1, "مقال واحد"),
            (2, "مقالان"),
            (3, "3 مقالات"),
            (10, "10 مقالات"),
            (11, "11 مقالًا"),
            (99, "99 مقالًا"),
            (100, "100 مقال"),
            (102, "102 مقال"),
            (103, "103 مقالات"),
            (1011, "1011 مقالًا"),
        ];
        for (count, expected) in table {
            assert_eq!(counted(count, &count.to_string(), &ARTICLES), expected);
        }
        assert_eq!(counted(5, "٥", &ARTICLES), "٥ مقالات");
        assert_eq!(counted(510, "510", &NAMES), "510 أسماء");
        assert_eq!(counted(46, "46", &NAMES), "46 اسمًا");
        assert_eq!(counted(2, "2", &OUTLETS), "مصدرين");
        assert_eq!(counted(12, "١٢", &OUTLETS), "١٢ مصدرًا");
        assert_eq!(counted(100, "100", &OUTLETS), "100 مصدر");
    }
}
