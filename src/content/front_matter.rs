//! Front matter: finding it (YAML between `---`, TOML between `+++`), reading it
//! strictly (an unknown key is an error naming the key), and locating values in
//! the file so that later steps can point at them.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::{self, Date};
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Location};

/// The keys an article may have, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    pub title: Option<String>,
    pub date: Option<DateValue>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    /// The lead image (a file of the site or an address), its caption and credit.
    pub image: Option<String>,
    pub image_caption: Option<String>,
    pub image_credit: Option<String>,
    pub slug: Option<String>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub not: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Old paths of this article that should redirect to it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Anything of the user's own, for their templates.
    pub extra: Option<serde_json::Value>,
}

/// A date as YAML (always text) or TOML (text or a native datetime) gives it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateValue {
    fn text(&self) -> String {
        match self {
            DateValue::Text(text) => text.trim().to_owned(),
            DateValue::Toml(datetime) => datetime.to_string(),
        }
    }
}

/// When an article was published: the calendar day as the outlet wrote it, and
/// the instant when the front matter gives a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Published {
    pub date: Date,
    pub instant: Option<Timestamp>,
}

impl Published {
    /// Reads `2024-07-25`, `2024-07-25T21:10:59Z`, `2024-07-25T21:10:59+03:00`
    /// or `2024-07-25 21:10:59` (taken as UTC).
    pub fn parse(text: &str) -> Option<Published> {
        let date: Date = text.get(..10)?.parse().ok()?;
        if text.len() == 10 {
            return Some(Published { date, instant: None });
        }
        let instant = text.parse::<Timestamp>().ok().or_else(|| {
            let civil: civil::DateTime = text.replacen(' ', "T", 1).parse().ok()?;
            jiff::tz::TimeZone::UTC.to_timestamp(civil).ok()
        })?;
        Some(Published { date, instant: Some(instant) })
    }

    /// A full RFC 3339 timestamp, as feeds need one: the instant, else
    /// midnight UTC of the day.
    pub fn timestamp(&self) -> String {
        match self.instant {
            Some(instant) => instant.to_string(),
            None => format!("{}T00:00:00Z", self.date),
        }
    }

    /// RFC 3339, for `<time datetime>` and JSON-LD: the date alone when
    /// no time was given.
    pub fn rfc3339(&self) -> String {
        match self.instant {
            Some(instant) => instant.to_string(),
            None => self.date.to_string(),
        }
    }
}

/// Which syntax the front matter is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Yaml,
    Toml,
}

/// A file split into front matter and body.
#[derive(Debug)]
pub struct Split<'a> {
    pub syntax: Syntax,
    pub front_matter: &'a str,
    /// Byte offset of the front matter in the file, and its first line (1-based).
    pub front_matter_offset: usize,
    pub front_matter_line: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Splits `text` (already with LF line ends) into front matter and body.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let (syntax, fence) = if text.starts_with("---") {
        (Syntax::Yaml, "---")
    } else if text.starts_with("+++") {
        (Syntax::Toml, "+++")
    } else {
        return Err(Diagnostic::error("the article has no front matter")
            .in_file(path)
            .at(Location::at(text, 0))
            .with_help(
                "start the file with a `---` line, then `title: …` and `date: YYYY-MM-DD`, then another `---` line",
            ));
    };
    let first_newline = text.find('\n').unwrap_or(text.len());
    if text[fence.len()..first_newline].trim() != "" {
        return Err(Diagnostic::error(format!("the opening `{fence}` must be alone on its line"))
            .in_file(path)
            .at(Location::at(text, 0))
            .with_help(format!("put a line break after `{fence}`")));
    }
    let start = (first_newline + 1).min(text.len());
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (syntax == Syntax::Yaml && bare == "...") {
            let body_offset = offset + line.len();
            return Ok(Split {
                syntax,
                front_matter: &text[start..offset],
                front_matter_offset: start,
                front_matter_line: 2,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error("the front matter is not closed")
        .in_file(path)
        .at(Location::at(text, 0))
        .with_help(format!("add a line with only `{fence}` after the last front-matter key")))
}

/// Parses the front matter of a split file.
pub fn parse(path: &Path, text: &str, split: &Split) -> Result<RawFrontMatter, Diagnostic> {
    match split.syntax {
        Syntax::Yaml if split.front_matter.trim().is_empty() => Err(Diagnostic::error("the front matter is empty")
            .in_file(path)
            .at(Location::at(text, 0))
            .with_help("add at least `title: …` between the `---` lines")),
        Syntax::Yaml => crate::parse::yaml(path, text, split.front_matter, split.front_matter_line),
        Syntax::Toml => crate::parse::toml(path, text, split.front_matter, split.front_matter_offset),
    }
}

/// Reads the date of an article, with an error at its line when it is not a date.
pub fn parse_date(path: &Path, text: &str, split: &Split, value: &DateValue) -> Result<Published, Diagnostic> {
    let written = value.text();
    Published::parse(&written).ok_or_else(|| {
        Diagnostic::error(format!("`date` is not a date: {written:?}"))
            .in_file(path)
            .at(locate(text, split, "date", None))
            .with_help("write the date as YYYY-MM-DD, e.g. 2024-07-25, or with a time: 2024-07-25T21:10:59Z")
    })
}

/// Where `key` (and `value` after it, when given) is written in the front matter.
/// Parsers give positions only for syntax errors; this finds values for the
/// later checks (an unknown entity, a bad date) by their text.
pub fn locate(text: &str, split: &Split, key: &str, value: Option<&str>) -> Location {
    let front_matter = split.front_matter;
    let mut line_start = 0;
    for line in front_matter.split_inclusive('\n') {
        let rest = line.trim_start();
        let is_key = rest.strip_prefix(key).is_some_and(|after| after.trim_start().starts_with([':', '=']));
        if is_key {
            let key_offset = split.front_matter_offset + line_start + (line.len() - rest.len());
            let Some(value) = value else {
                return Location::at(text, key_offset);
            };
            let after_key = &text[key_offset..split.front_matter_offset + front_matter.len()];
            let value_offset = after_key.find(value).map_or(0, |i| i);
            return Location::at(text, key_offset + value_offset);
        }
        line_start += line.len();
    }
    Location::at(text, split.front_matter_offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let table = [
            ("2024-07-25", Some("2024-07-25")),
            ("2024-07-25T21:10:59Z", Some("2024-07-25T21:10:59Z")),
            ("2024-07-25T21:10:59+03:00", Some("2024-07-25T18:10:59Z")),
            ("2024-07-25 21:10:59", Some("2024-07-25T21:10:59Z")),
            ("2024-13-25", None),
            ("25 يوليو 2024", None),
            ("2024-07-25Tnonsense", None),
            ("", None),
        ];
        for (input, expected) in table {
            assert_eq!(Published::parse(input).map(|p| p.rfc3339()).as_deref(), expected, "{input}");
        }
        // The day is the one the outlet wrote, whatever the offset.
        let late = Published::parse("2024-07-25T01:00:00+03:00").expect("valid");
        assert_eq!(late.date.to_string(), "2024-07-25");
    }

    #[test]
    fn split_yaml_and_toml() {
        let path = Path::new("a.md");
        let yaml = "---\ntitle: x\n---\nbody\n";
        let s = split(path, yaml).expect("valid");
        assert_eq!((s.syntax, s.front_matter, s.body), (Syntax::Yaml, "title: x\n", "body\n"));
        let toml = "+++\ntitle = \"x\"\n+++\n\nbody";
        let s = split(path, toml).expect("valid");
        assert_eq!((s.syntax, s.front_matter, s.body), (Syntax::Toml, "title = \"x\"\n", "\nbody"));
        assert!(split(path, "no front matter").is_err());
        let unclosed = split(path, "---\ntitle: x\nbody\n").expect_err("unclosed");
        assert!(unclosed.message.contains("not closed"));
    }

    #[test]
    fn locate_finds_list_values() {
        let text = "---\ntitle: x\npeople: [putin, asad]\n---\n";
        let s = split(Path::new("a.md"), text).expect("valid");
        let loc = locate(text, &s, "people", Some("asad"));
        assert_eq!((loc.line, loc.column), (3, 17));
        let loc = locate(text, &s, "title", None);
        assert_eq!((loc.line, loc.column), (2, 1));
    }
}
