//! Web archives (WARC 1.0 and 1.1, as the Internet Archive, Browsertrix and
//! `wget --warc-file` write them; gzipped or not): each HTML response record
//! is one article; requests, metadata, images, scripts and redirects are
//! skipped and counted. Records are read one at a time. A damaged or cut-off
//! archive stops where the damage is, with the records before it kept.

use std::collections::BTreeMap;
use std::io::BufRead;

use warc::{WarcHeader, WarcReader};

use super::{Item, Lists, Origin, Unreadable, detect, html};

pub fn read(reader: impl BufRead, lists: &Lists, each: &mut dyn FnMut(Item)) -> Result<(), Unreadable> {
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut records = 0;
    for record in WarcReader::new(reader).iter_raw_records() {
        records += 1;
        let (header, body) = match record {
            Ok(record) => record,
            Err(err) => {
                let why = format!(
                    "the archive is damaged or cut off at record {records} ({err}); the records before it were read"
                );
                if records == 1 {
                    return Err(Unreadable::Damaged(why));
                }
                each(Item::Skipped { part: format!("record {records}"), why });
                break;
            }
        };
        let field = |name: WarcHeader| header.as_ref().get(&name).map(|v| String::from_utf8_lossy(v).trim().to_owned());
        let kind = field(WarcHeader::WarcType).unwrap_or_default();
        let target = field(WarcHeader::TargetURI).map(|t| t.trim_matches(['<', '>']).to_owned());
        let part = target.clone().unwrap_or_else(|| format!("record {records}"));
        if kind != "response" && kind != "resource" {
            *skipped.entry(format!("{kind} records")).or_default() += 1;
            continue;
        }
        let is_http = field(WarcHeader::ContentType).is_some_and(|t| t.starts_with("application/http"));
        let page = if is_http {
            match http_payload(&body) {
                Ok(page) => page,
                Err(why) => {
                    *skipped.entry(why).or_default() += 1;
                    continue;
                }
            }
        } else {
            let content_type = field(WarcHeader::ContentType).unwrap_or_default();
            Payload { body, content_type, charset: None }
        };
        let looks_html = page.content_type.contains("html") || detect::sniff(&page.body) == detect::Format::Html;
        if !looks_html {
            let shown = page.content_type.split(';').next().unwrap_or("").trim();
            let shown = if shown.is_empty() { "no content type" } else { shown };
            *skipped.entry(format!("{shown} responses")).or_default() += 1;
            continue;
        }
        let origin = Origin { address: target, charset: page.charset };
        match html::import(&page.body, &origin, lists) {
            Ok(article) => each(Item::Article { part, article: Box::new(article) }),
            Err(why) => each(Item::Skipped { part, why: why.to_string() }),
        }
    }
    for (what, count) in skipped {
        each(Item::Skipped { part: String::new(), why: format!("{count} {what} (not HTML pages)") });
    }
    Ok(())
}

/// An HTTP response's body, undone of chunking and compression.
struct Payload {
    body: Vec<u8>,
    content_type: String,
    charset: Option<String>,
}

fn http_payload(record: &[u8]) -> Result<Payload, String> {
    let split = record.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let split = split.or_else(|| record.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = split else { return Err("responses without HTTP headers".to_owned()) };
    let head = String::from_utf8_lossy(&record[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse::<u16>().ok());
    if status.is_none_or(|s| !(200..300).contains(&s)) {
        let shown = status.map_or_else(|| "unreadable".to_owned(), |s| s.to_string());
        return Err(format!("HTTP {shown} responses (redirects or errors)"));
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let mut body = record[body_start..].to_vec();
    if header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body);
    }
    if header("content-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("gzip")) && detect::is_gzip(&body) {
        body = detect::gunzip(&body, super::MAX_INPUT_BYTES).map_err(|_| "responses with damaged gzip".to_owned())?;
    }
    let content_type = header("content-type").unwrap_or_default().to_ascii_lowercase();
    let charset =
        content_type.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(|c| c.trim_matches('"').to_owned());
    Ok(Payload { body, content_type, charset })
}

/// The body of a chunked transfer: the chunks' data without their sizes.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(line_end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&rest[..line_end]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16) else { break };
        rest = &rest[line_end + 2..];
        if size == 0 || size > rest.len() {
            out.extend_from_slice(&rest[..size.min(rest.len())]);
            break;
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or_default();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n"), b"Wikipedia");
    }

    #[test]
    fn only_successful_responses_are_pages() {
        let page = http_payload(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n\r\n<p>x</p>")
            .expect("a page");
        assert_eq!((page.charset.as_deref(), page.body.as_slice()), (Some("windows-1256"), b"<p>x</p>".as_ref()));
        assert!(http_payload(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").is_err());
    }
}
