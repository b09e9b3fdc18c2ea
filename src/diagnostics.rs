//! Problems in the user's site as data: each names the file, line and column,
//! says what is wrong and how to fix it. A build collects all of them and `main`
//! prints them once, rustc-style (or the preview server shows them in the page).

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The text of that line, shown under the message.
    pub source_line: String,
}

impl Location {
    /// The location of byte `offset` in `text` (clamped to the text, and to a
    /// character boundary, so a wrong offset can never panic).
    pub fn at(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        Location {
            line: text[..line_start].matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            source_line: text[line_start..line_end].trim_end_matches('\r').to_owned(),
        }
    }

    /// The location of byte `offset` in `text` whose line starts are in
    /// `lines`: the same as [`Location::at`], in time of the line, not of the
    /// text before it (an entity list of 20,000 entries locates each entry).
    pub fn in_lines(lines: &LineStarts, text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = lines.0.partition_point(|&start| start <= offset);
        let line_start = lines.0[line - 1];
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        Location {
            line,
            column: text[line_start..offset].chars().count() + 1,
            source_line: text[line_start..line_end].trim_end_matches('\r').to_owned(),
        }
    }

    /// The location of a 1-based `line` and `column`, as parsers report them.
    pub fn at_line(text: &str, line: usize, column: usize) -> Location {
        let source_line = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
        Location { line: line.max(1), column: column.max(1), source_line: source_line.to_owned() }
    }
}

/// The byte offset where each line of a text starts, for locating many
/// offsets in one text.
#[derive(Debug, Clone)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn of(text: &str) -> LineStarts {
        LineStarts(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// The file, relative to the site's root when it is inside it.
    pub path: Option<PathBuf>,
    pub location: Option<Location>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, message: message.into(), path: None, location: None, help: None }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    pub fn in_file(mut self, path: impl AsRef<Path>) -> Self {
        self.path = Some(path.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col`, or as much of it as is known.
    pub fn place(&self) -> Option<String> {
        let path = self.path.as_ref()?.display().to_string();
        Some(match &self.location {
            Some(loc) => format!("{path}:{}:{}", loc.line, loc.column),
            None => path,
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        if let Some(place) = self.place() {
            writeln!(f, "  --> {place}")?;
        }
        if let Some(loc) = &self.location {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(f, " {pad} |")?;
            let (shown, caret_column) = line_window(&loc.source_line, loc.column);
            writeln!(f, " {number} | {shown}")?;
            let caret_pad: String =
                shown.chars().take(caret_column - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            writeln!(f, " {pad} | {caret_pad}^")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "help: {help}")?;
        }
        Ok(())
    }
}

/// At most this many characters of a source line are shown.
const SHOWN_LINE_CHARS: usize = 100;

/// The part of `line` around `column` (1-based) that fits on a terminal line,
/// with `…` where it was cut, and the column in it: a minified or generated
/// file can have a line of megabytes.
fn line_window(line: &str, column: usize) -> (String, usize) {
    let length = line.chars().count();
    if length <= SHOWN_LINE_CHARS {
        return (line.to_owned(), column);
    }
    let start = column.saturating_sub(SHOWN_LINE_CHARS / 2).min(length - SHOWN_LINE_CHARS);
    let mut shown: String = line.chars().skip(start).take(SHOWN_LINE_CHARS).collect();
    let mut caret_column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        caret_column += 1;
    }
    if start + SHOWN_LINE_CHARS < length {
        shown.push('…');
    }
    (shown, caret_column)
}

/// Everything a run found, errors and warnings, in a stable order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file, then position, so output does not depend on thread
    /// timing, and says each problem once (a full disk fails every file the
    /// same way).
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let pos = |d: &Diagnostic| d.location.as_ref().map(|l| (l.line, l.column));
            (&a.path, pos(a), a.severity, &a.message).cmp(&(&b.path, pos(b), b.severity, &b.message))
        });
        self.0.dedup();
    }

    /// Keeps only the problems `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.0.retain(keep);
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, for "did you mean" help lines.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(distance, c)| distance <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_characters_not_bytes() {
        let text = "---\ntitle: بوتين\ndate: x\n";
        let offset = text.find('x').expect("x is in the text");
        let loc = Location::at(text, offset);
        assert_eq!((loc.line, loc.column, loc.source_line.as_str()), (3, 7, "date: x"));

        let arabic = text.find("بوتين").expect("name is in the text") + "بو".len();
        assert_eq!(Location::at(text, arabic).column, 10);
    }

    #[test]
    fn locations_from_line_starts_are_those_of_the_text() {
        for text in ["", "a", "\n", "---\ntitle: بوتين\r\ndate: x\n", "a\n\nب\n"] {
            let lines = LineStarts::of(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(Location::in_lines(&lines, text, offset), Location::at(text, offset), "{text:?} {offset}");
            }
        }
    }

    #[test]
    fn location_never_panics_on_bad_offsets() {
        assert_eq!(Location::at("بوتين", 3).column, 2);
        assert_eq!(Location::at("ab", 99).column, 3);
    }

    #[test]
    fn closest_suggests_only_near_words() {
        assert_eq!(closest("tittle", ["title", "date"]), Some("title"));
        assert_eq!(closest("putn", ["putin", "assad"]), Some("putin"));
        assert_eq!(closest("zzzzzz", ["title", "date"]), None);
    }

    #[test]
    fn long_lines_are_shown_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, column) = line_window(&line, 501);
        assert_eq!(shown.chars().nth(column - 1), Some('X'));
        assert!(shown.starts_with('…') && shown.ends_with('…') && shown.chars().count() == SHOWN_LINE_CHARS + 2);
        assert_eq!(line_window("short", 3), ("short".to_owned(), 3));
        let (shown, column) = line_window(&line, 1);
        assert_eq!((column, shown.starts_with('a'), shown.ends_with('…')), (1, true, true));
    }
}
