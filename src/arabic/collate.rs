//! Sorting names for the indexes (docs/arabic.md §3): CLDR Arabic collation on the
//! name with a leading ال ignored, and the letter headings of the index pages.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

use super::normalize::key;

/// CLDR collation for the `ar` locale, from the data compiled into the binary.
pub struct ArabicCollator {
    collator: CollatorBorrowed<'static>,
}

impl ArabicCollator {
    pub fn new() -> Self {
        let collator = Collator::try_new(locale!("ar").into(), CollatorOptions::default())
            // The `ar` data is compiled in: failing here is a build defect, not bad input.
            .expect("CLDR collation data for Arabic is compiled into fihris");
        ArabicCollator { collator }
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }
}

impl Default for ArabicCollator {
    fn default() -> Self {
        Self::new()
    }
}

/// The part of a name it is filed under: library filing rules for Arabic ignore
/// the article, so القاهرة files under ق.
pub fn filing_name(name: &str) -> &str {
    let name = name.trim();
    match name.strip_prefix("ال") {
        Some(rest) if rest.chars().take_while(|c| c.is_alphabetic()).count() >= 2 => rest,
        _ => name,
    }
}

/// The headings of an index page, in Arabic alphabetical order.
const LETTERS: &str = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

/// The letter heading a name is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Heading {
    /// An Arabic letter, by its position in [`LETTERS`].
    Arabic(u8),
    /// Latin script, digits and anything else: one section after the Arabic ones.
    Other,
}

impl Heading {
    /// The heading of a filing name: its first letter with alef forms folded.
    pub fn of(filing_name: &str) -> Heading {
        let first = filing_name.chars().find(|c| c.is_alphanumeric());
        let folded = first.map(|c| key(c.encode_utf8(&mut [0; 4])));
        let folded = folded.as_deref().and_then(|k| k.chars().next());
        match folded {
            // Standalone hamza starts no Arabic name; it is filed with alef.
            Some('ء') => Heading::Arabic(0),
            Some(c) => LETTERS.chars().position(|l| l == c).map_or(Heading::Other, |i| Heading::Arabic(i as u8)),
            None => Heading::Other,
        }
    }

    /// The label shown: أ for the alef section, as Arabic dictionaries do.
    pub fn label(self) -> String {
        match self {
            Heading::Arabic(0) => "أ".to_owned(),
            Heading::Arabic(i) => LETTERS.chars().nth(i as usize).map(String::from).unwrap_or_default(),
            Heading::Other => "A–Z".to_owned(),
        }
    }

    /// A fragment id for the heading's anchor.
    pub fn anchor(self) -> String {
        match self {
            Heading::Arabic(i) => format!("letter-{i}"),
            Heading::Other => "letter-latin".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let collator = ArabicCollator::new();
        let mut names: Vec<&str> = names.to_vec();
        names.sort_by(|a, b| collator.compare(filing_name(a), filing_name(b)));
        names.into_iter().map(String::from).collect()
    }

    /// docs/arabic.md §3: alef forms are one letter; the article is ignored.
    #[test]
    fn headings() {
        let table = [
            ("أحمد", "أ"),
            ("إبراهيم", "أ"),
            ("آمنة", "أ"),
            ("ابتسام", "أ"),
            ("القاهرة", "ق"),
            ("ظبي", "ظ"),
            ("Weekend Warriors", "A–Z"),
            ("2023", "A–Z"),
        ];
        for (name, label) in table {
            assert_eq!(Heading::of(filing_name(name)).label(), label, "{name}");
        }
    }

    /// CLDR's `ar` order: أ إ ا are one letter (code-point order would put
    /// إردوغان after أسد), آ files first as in Arabic dictionaries, and the
    /// article is ignored (القاهرة after دمشق).
    #[test]
    fn cldr_order_keeps_alef_forms_together_and_ignores_the_article() {
        assert_eq!(
            sorted(&["أسد", "بيروت", "إردوغان", "القاهرة", "آمنة", "دمشق", "ابتسام"]),
            ["آمنة", "ابتسام", "إردوغان", "أسد", "بيروت", "دمشق", "القاهرة"]
        );
    }

    #[test]
    fn filing_name_keeps_short_words() {
        assert_eq!(filing_name("القاهرة"), "قاهرة");
        assert_eq!(filing_name("ال"), "ال");
        assert_eq!(filing_name("الى"), "الى");
        assert_eq!(filing_name("بوتين"), "بوتين");
    }
}
