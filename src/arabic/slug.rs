//! URL segments from slugs and keys (docs/arabic.md §4): Arabic stays Arabic
//! (no transliteration), marks and controls go, every other run of characters
//! becomes one hyphen. Because only letters, digits and hyphens survive, no
//! segment can climb out of the output folder or name a hidden file.

use unicode_normalization::UnicodeNormalization;

/// The longest segment, in characters; Arabic letters take two bytes each, so
/// this keeps file names well under the 255-byte limit of common file systems.
const MAX_CHARS: usize = 80;

/// Turns a slug, key or title into a URL segment; `None` when nothing is left.
pub fn slugify(text: &str) -> Option<String> {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    let mut chars = 0;
    for c in text.nfc() {
        if is_dropped_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                if chars + 2 > MAX_CHARS {
                    break;
                }
                slug.push('-');
                chars += 1;
            }
            if chars + 1 > MAX_CHARS {
                break;
            }
            pending_hyphen = false;
            // ASCII is lower-cased so that two slugs never differ only by case
            // (which would collide on a case-insensitive file system).
            slug.extend(c.to_lowercase());
            chars += 1;
        } else {
            pending_hyphen = true;
        }
    }
    (!slug.is_empty()).then_some(slug)
}

/// Tashkeel, tatweel, Quranic marks and invisible controls (docs/arabic.md §1 steps 2–4).
fn is_dropped_mark(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' | '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_table() {
        let table = [
            ("putin-assad-moscow", Some("putin-assad-moscow")),
            ("Putin Assad", Some("putin-assad")),
            ("بوتين يجتمع مع الأسد في موسكو", Some("بوتين-يجتمع-مع-الأسد-في-موسكو")),
            ("بُوتِيـــن", Some("بوتين")),
            ("../../etc/passwd", Some("etc-passwd")),
            ("/absolute/path", Some("absolute-path")),
            (".hidden", Some("hidden")),
            ("a\0b", Some("a-b")),
            ("2024-07-25-alhurra-62f0", Some("2024-07-25-alhurra-62f0")),
            ("٢٠٢٤", Some("٢٠٢٤")),
            ("---", None),
            ("", None),
            ("\u{064E}\u{0640}", None),
        ];
        for (input, expected) in table {
            assert_eq!(slugify(input).as_deref(), expected, "slugify({input:?})");
        }
    }

    #[test]
    fn long_slugs_are_cut_at_80_characters() {
        let long = "كلمة ".repeat(40);
        let slug = slugify(&long).expect("letters remain");
        assert!(slug.chars().count() <= 80);
        assert!(!slug.ends_with('-'));
        assert!(slug.len() < 255);
    }
}
