//! What an input is, by its first bytes and never by its name: a gzipped
//! file, a web archive (WARC), a feed (RSS, Atom, RDF or JSON Feed), an HTML
//! page, or text. Decompression is bounded, so a small file that inflates
//! to gigabytes is refused before it fills memory.

use std::io::{BufRead, BufReader, Read};

use super::Unreadable;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Warc,
    Feed,
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML page",
            Format::Warc => "web archive (WARC)",
            Format::Feed => "feed",
            Format::Text => "text",
        }
    }
}

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The whole of a gzipped input (all its members), or an error when it
/// inflates past `limit` bytes or is damaged.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, Unreadable> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|err| Unreadable::Damaged(format!("its gzip data cannot be read ({err})")))?;
    if out.len() as u64 > limit {
        return Err(Unreadable::TooLarge(limit / (1024 * 1024)));
    }
    Ok(out)
}

/// A gzipped input read as a stream, which fails once it has given `limit` bytes.
pub fn gunzip_reader(bytes: &[u8], limit: u64) -> impl BufRead + '_ {
    BufReader::new(Limited { inner: flate2::read::MultiGzDecoder::new(bytes), left: limit, limit })
}

/// A reader that errors (rather than stopping quietly) past its limit.
struct Limited<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            let mib = self.limit / (1024 * 1024);
            return Err(std::io::Error::other(format!("it is larger than {mib} MiB once decompressed")));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let contains = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"warc/") {
        return Format::Warc;
    }
    if lower.starts_with(b"{") && contains(b"jsonfeed.org/version") {
        return Format::Feed;
    }
    if lower.starts_with(b"<")
        && (contains(b"<rss") || contains(b"<feed") || contains(b"<rdf:rdf"))
        && !contains(b"<html")
    {
        return Format::Feed;
    }
    let html_start = [b"<!doctype html".as_ref(), b"<html", b"<head", b"<meta", b"<!--", b"<?xml", b"<body", b"<title"];
    if html_start.iter().any(|s| lower.starts_with(s)) || contains(b"<html") || contains(b"<body") {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        let cases: &[(&[u8], Format)] = &[
            (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", Format::Warc),
            (b"\xEF\xBB\xBF<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", Format::Feed),
            (b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", Format::Feed),
            (b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", Format::Feed),
            (b"  <!DOCTYPE html><html lang=\"ar\">", Format::Html),
            (b"<meta charset=\"windows-1256\"><p>", Format::Html),
            ("بوتين يجتمع مع الأسد\nفي <b>موسكو</b>".as_bytes(), Format::Text),
        ];
        for (bytes, format) in cases {
            assert_eq!(sniff(bytes), *format, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_gzip_bomb_is_refused() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..80 {
            encoder.write_all(&zeros).expect("compress");
        }
        let bomb = encoder.finish().expect("compress");
        assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
        assert_eq!(gunzip(&bomb, 64 * 1024 * 1024), Err(Unreadable::TooLarge(64)));
        let mut streamed = Vec::new();
        assert!(gunzip_reader(&bomb, 64 * 1024 * 1024).read_to_end(&mut streamed).is_err());
    }
}
