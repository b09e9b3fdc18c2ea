//! Bytes to clean text: the encoding detected (UTF-8 with or without BOM,
//! Windows-1256 and the other legacy encodings chardetng knows), line ends made
//! LF, and the invisible characters scraping leaves behind removed.

use encoding_rs::{Encoding, UTF_8};

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not text (it has NUL bytes or control characters)")]
    Binary,
}

/// Text decoded from a file, and the encoding it was in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Unreadable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unreadable::Empty);
    }
    if looks_binary(bytes) {
        return Err(Unreadable::Binary);
    }
    let encoding = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            // The top-level domain hint: Arabic-script legacy text is far more
            // often Windows-1256 than ISO-8859-6.
            detector.guess(Some(b"sa"), chardetng::Utf8Detection::Deny)
        }
    };
    let (text, used, _) = encoding.decode(bytes);
    Ok(Decoded { text: clean(&text), encoding: used.name() })
}

/// NUL bytes, or many C0 controls other than tab and line ends, mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    sample.contains(&0) || controls * 100 > sample.len()
}

/// LF line ends; NBSP and other spaces to a plain space; zero-width and bidi
/// controls (which scraping copies from the page's markup, not its text)
/// removed; trailing spaces trimmed.
fn clean(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    for line in unified.split('\n') {
        let start = out.len();
        for c in line.chars() {
            match c {
                '\u{FEFF}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{061C}' => {}
                '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => out.push(' '),
                c => out.push(c),
            }
        }
        let trimmed = out[start..].trim_end().len();
        out.truncate(start + trimmed);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_and_line_ends() {
        let text = "بوتين يجتمع مع الأسد\nفي موسكو\n";
        let bom_crlf = [&[0xEF, 0xBB, 0xBF][..], text.replace('\n', "\r\n").as_bytes()].concat();
        assert_eq!(decode(&bom_crlf).map(|d| d.text), Ok(format!("{text}\n")));
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let decoded = decode(&cp1256).expect("decodes");
        assert_eq!((decoded.text.as_str(), decoded.encoding), (format!("{text}\n").as_str(), "windows-1256"));
        let old_mac = text.replace('\n', "\r");
        assert_eq!(decode(old_mac.as_bytes()).map(|d| d.text), Ok(format!("{text}\n")));
    }

    #[test]
    fn invisible_characters_go_and_odd_spaces_become_spaces() {
        let raw = "بوتين\u{00A0}يجتمع\u{200F} مع\u{200B} \u{202B}الأسد\u{202C}  \n";
        assert_eq!(decode(raw.as_bytes()).map(|d| d.text), Ok("بوتين يجتمع مع الأسد\n\n".to_owned()));
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b"").map(|d| d.text), Err(Unreadable::Empty));
        assert_eq!(decode(b" \n\r\n").map(|d| d.text), Err(Unreadable::Empty));
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R'];
        assert_eq!(decode(&png).map(|d| d.text), Err(Unreadable::Binary));
    }
}
