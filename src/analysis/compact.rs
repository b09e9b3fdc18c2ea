//! Short texts kept compactly (quotations, kept with every analysis in memory
//! and in the cache of the last build; excerpts, kept while a build renders
//! the pages that show them): stored one after another in one buffer, each
//! distinct text once, and in Windows-1256,
//! the single-byte Arabic code page, which takes half the bytes of UTF-8 for
//! Arabic letters; a text with a character the code page lacks (an emoji,
//! Eastern or Persian digits) is kept in UTF-8.

use std::borrow::Cow;
use std::sync::OnceLock;

use encoding_rs::WINDOWS_1256;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The texts, one after another; read one with [`Texts::get`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    bytes: Box<[u8]>,
}

/// The top bit of [`Stored::len`]: the text is in UTF-8, not in the code page.
const UTF8: u32 = 1 << 31;

/// Where a text is in its [`Texts`]: `len` bytes from `start`, with the
/// [`UTF8`] bit telling the encoding (so the place takes eight bytes). The
/// default is the empty text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    start: u32,
    len: u32,
}

impl Texts {
    /// The text at `stored`, as it was stored; empty if `stored` is not a
    /// place of these texts (a cache from another build cannot be, but
    /// reading it must not panic).
    pub fn get(&self, stored: Stored) -> Cow<'_, str> {
        let (bytes, utf8) = self.kept(stored);
        if utf8 { String::from_utf8_lossy(bytes) } else { WINDOWS_1256.decode_without_bom_handling(bytes).0 }
    }

    /// The text at `stored` as it is kept (encoded): the same text is kept
    /// the same way, so these bytes tell texts apart without decoding them.
    pub fn kept(&self, stored: Stored) -> (&[u8], bool) {
        let start = stored.start as usize;
        let bytes = self.bytes.get(start..start + (stored.len & !UTF8) as usize).unwrap_or_default();
        (bytes, stored.len & UTF8 != 0)
    }

    /// How many bytes the texts take.
    #[cfg(test)]
    pub fn size(&self) -> usize {
        self.bytes.len()
    }
}

/// Fills a [`Texts`], storing a text seen before only once.
#[derive(Debug, Default)]
pub struct TextsBuilder {
    bytes: Vec<u8>,
    stored: FxHashMap<String, Stored>,
}

impl TextsBuilder {
    /// Stores `text` (unless it is stored already) and says where it is;
    /// `None` when the buffer would pass the 4 GiB its offsets reach, or the
    /// text is 2 GiB or more.
    pub fn store(&mut self, text: &str) -> Option<Stored> {
        if let Some(&stored) = self.stored.get(text) {
            return Some(stored);
        }
        let start = u32::try_from(self.bytes.len()).ok()?;
        let unmappable = !in_code_page(text, &mut self.bytes);
        if unmappable {
            self.bytes.truncate(start as usize);
            self.bytes.extend_from_slice(text.as_bytes());
        }
        let len = u32::try_from(self.bytes.len() - start as usize).ok().filter(|len| len & UTF8 == 0);
        let Some(len) = len.filter(|&len| start.checked_add(len).is_some()) else {
            self.bytes.truncate(start as usize);
            return None;
        };
        let stored = Stored { start, len: if unmappable { len | UTF8 } else { len } };
        self.stored.insert(text.to_owned(), stored);
        Some(stored)
    }

    pub fn finish(self) -> Texts {
        Texts { bytes: self.bytes.into_boxed_slice() }
    }
}

/// Appends `text` in Windows-1256 to `bytes`; false (having appended part
/// of it) when it has a character the code page lacks.
fn in_code_page(text: &str, bytes: &mut Vec<u8>) -> bool {
    let code_page = code_page();
    bytes.reserve(text.len());
    text.chars().all(|c| {
        let byte = if c.is_ascii() { c as u8 } else { code_page.get(c as usize).copied().unwrap_or(0) };
        bytes.push(byte);
        byte != 0 || c == '\0'
    })
}

/// The byte of each character above ASCII in Windows-1256, by code point
/// (0 for one the code page lacks), as `encoding_rs` decodes them. Its
/// encoder looks each character up by a linear search of the code page,
/// which every excerpt and quotation of an archive would pay; this inverse of
/// its decoder gives the same bytes.
fn code_page() -> &'static [u8] {
    static CODE_PAGE: OnceLock<Vec<u8>> = OnceLock::new();
    CODE_PAGE.get_or_init(|| {
        let mut table = Vec::new();
        for byte in 0x80..=0xFF_u8 {
            let single = [byte];
            let (decoded, malformed) = WINDOWS_1256.decode_without_bom_handling(&single);
            let mut chars = decoded.chars();
            if let (Some(c), None, false) = (chars.next(), chars.next(), malformed) {
                let at = c as usize;
                if table.len() <= at {
                    table.resize(at + 1, 0);
                }
                table[at] = byte;
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_they_were() {
        let table = [
            "قال بوتين: «نعم» ثم ضحك.",
            "يقول Vladimir Putin إن 2024 عام مهم.",
            "وبُوتِيـــن في موسكو",
            "",
            // Not in the code page: kept in UTF-8.
            "بوتين 🙂 في موسكو",
            "بوتين ی پ ک ۲۰۲۴",
        ];
        let mut builder = TextsBuilder::default();
        let stored: Vec<Stored> = table.iter().map(|text| builder.store(text).expect("stored")).collect();
        let texts = builder.finish();
        for (text, stored) in table.iter().zip(stored) {
            assert_eq!(texts.get(stored), *text);
        }
    }

    #[test]
    fn each_text_is_stored_once_in_as_few_bytes_as_it_can() {
        let mut builder = TextsBuilder::default();
        let first = builder.store("عطاف").expect("stored");
        let emoji = builder.store("عطاف 🙂").expect("stored");
        let again = builder.store("عطاف").expect("stored");
        let texts = builder.finish();
        assert_eq!(first, again);
        assert_ne!(first, emoji);
        // One byte a letter in the code page; the emoji's text alone in UTF-8.
        assert_eq!(texts.size(), "عطاف".chars().count() + "عطاف 🙂".len());
    }

    /// The code page as `encoding_rs` encodes it, for every character of the
    /// Basic Multilingual Plane and a few beyond.
    #[test]
    fn the_code_page_is_encoding_rs_s() {
        let chars = ('\0'..='\u{FFFF}').chain(['\u{1F642}', '\u{10FFFF}']);
        for c in chars {
            let text = c.to_string();
            let (encoded, _, unmappable) = WINDOWS_1256.encode(&text);
            let mut ours = Vec::new();
            let mapped = in_code_page(&text, &mut ours);
            assert_eq!(mapped, !unmappable, "{c:?}");
            if mapped {
                assert_eq!(ours, &*encoded, "{c:?}");
            }
        }
    }

    #[test]
    fn a_place_from_elsewhere_reads_as_nothing() {
        let mut builder = TextsBuilder::default();
        let long = builder.store("الجزائر لن تقبل").expect("stored");
        let short = TextsBuilder::default().finish();
        assert_eq!(short.get(long), "");
    }
}
