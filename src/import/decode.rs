//! Bytes to clean text: the encoding detected (UTF-8 with or without BOM,
//! Windows-1256 and the other legacy encodings chardetng knows; for HTML also
//! what the HTTP headers and `<meta charset>` or `http-equiv` say), line ends
//! made LF, and the invisible characters scraping leaves behind removed, C0
//! controls among them (they make XML feeds ill-formed downstream).

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::Regex;

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not text (it has NUL bytes or control characters)")]
    Binary,
    #[error("it is larger than {0} MiB once decompressed; only the first {0} MiB are read, so it was left out")]
    TooLarge(u64),
    #[error("it is damaged: {0}")]
    Damaged(String),
    #[error("its elements are nested more than {0} levels deep (pages nest a few dozen): it was left out")]
    TooDeep(usize),
}

/// Text decoded from a file, and the encoding it was in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Unreadable> {
    decode_declared(bytes, None)
}

/// Decodes text whose encoding may be declared: a BOM wins, then the
/// declaration, then valid UTF-8, then detection.
fn decode_declared(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, Unreadable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unreadable::Empty);
    }
    if looks_binary(bytes) {
        return Err(Unreadable::Binary);
    }
    let encoding = match (Encoding::for_bom(bytes), declared) {
        (Some((encoding, _)), _) => encoding,
        // A page that says UTF-8 but is not (saved by an old editor) is detected instead.
        (None, Some(declared)) if declared != UTF_8 || std::str::from_utf8(bytes).is_ok() => declared,
        _ if std::str::from_utf8(bytes).is_ok() => UTF_8,
        _ => {
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

/// Decodes an HTML page: a BOM, then the HTTP header's charset, then
/// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB
/// (as browsers prescan), then valid UTF-8, then detection.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded, Unreadable> {
    static META: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i-u)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)"#)
            .expect("the charset pattern is valid")
    });
    let declared = http_charset.and_then(|label| Encoding::for_label(label.trim().as_bytes())).or_else(|| {
        let head = &bytes[..bytes.len().min(4096)];
        Encoding::for_label(META.captures(head)?.get(1)?.as_bytes())
    });
    // A page declared as UTF-16 but read as bytes here is ASCII-compatible in practice.
    let declared = declared.map(|e| e.output_encoding());
    decode_declared(bytes, declared)
}

/// Tags inside copied text (`<b>`, `<script>…</script>`) are not text: they
/// are removed, the words between them kept (a script's or style's content goes with it).
pub fn strip_tags(text: &str) -> String {
    static SCRIPTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<(script|style)\b[^>]*>.*?</(script|style)\s*>").expect("the script pattern is valid")
    });
    static TAGS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->").expect("the tag pattern is valid")
    });
    if !text.contains('<') {
        return text.to_owned();
    }
    let without_scripts = SCRIPTS.replace_all(text, "");
    TAGS.replace_all(&without_scripts, "").into_owned()
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
                | '\u{061C}'
                | '\u{FFFE}'
                | '\u{FFFF}' => {}
                '\u{01}'..='\u{08}' | '\u{0B}' | '\u{0C}' | '\u{0E}'..='\u{1F}' => {}
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
    fn c0_controls_are_removed() {
        let prose = "وقال الكرملين إن الاجتماع عقد يوم الأربعاء في موسكو بحضور الوفدين. ".repeat(4);
        let raw = format!("بوتين\u{1}\u{8} يجتمع\u{B}\u{C} مع\u{1F} الأسد\u{FFFF}\n{prose}\n");
        let text = decode(raw.as_bytes()).map(|d| d.text).expect("text");
        assert!(text.starts_with("بوتين يجتمع مع الأسد\n"), "{text:?}");
    }

    #[test]
    fn a_page_says_its_charset() {
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode("<p>بوتين يجتمع مع الأسد</p>");
        let meta = [
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">".as_ref(),
            &cp1256,
        ]
        .concat();
        let decoded = decode_html(&meta, None).expect("decodes");
        assert_eq!(decoded.encoding, "windows-1256");
        assert!(decoded.text.contains("بوتين يجتمع مع الأسد"));
        assert_eq!(decode_html(&cp1256, Some("windows-1256")).map(|d| d.encoding), Ok("windows-1256"));
        let wrongly_declared = [b"<meta charset=utf-8>".as_ref(), &cp1256].concat();
        assert_eq!(decode_html(&wrongly_declared, None).map(|d| d.encoding), Ok("windows-1256"));
    }

    #[test]
    fn tags_in_copied_text_go_and_their_words_stay() {
        assert_eq!(
            strip_tags("قال <b>الوزير</b> إن <script>alert(1)</script>الاجتماع <a href=\"x\">نجح</a>. 3 < 4"),
            "قال الوزير إن الاجتماع نجح. 3 < 4"
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b"").map(|d| d.text), Err(Unreadable::Empty));
        assert_eq!(decode(b" \n\r\n").map(|d| d.text), Err(Unreadable::Empty));
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R'];
        assert_eq!(decode(&png).map(|d| d.text), Err(Unreadable::Binary));
    }
}
