//! TOML and YAML parsing whose errors point into the user's file: the parsers
//! report positions in the fragment they were given, and this turns them into
//! the file's line and column, and their messages into what a user can act
//! on: which key, what it may be, and a help line.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Location};

/// The two languages of front matter and settings; hints differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Toml,
    Yaml,
}

/// Parses `fragment`, which starts at byte `offset` of `file_text`.
pub fn toml<T: DeserializeOwned>(path: &Path, file_text: &str, fragment: &str, offset: usize) -> Result<T, Diagnostic> {
    toml::from_str(fragment).map_err(|err| toml_error(path, &err, |at| Location::at(file_text, offset + at)))
}

/// The diagnostic for a TOML error; `locate` turns an offset in what was
/// parsed into a place in the file.
pub fn toml_error(path: &Path, err: &toml::de::Error, locate: impl Fn(usize) -> Location) -> Diagnostic {
    let location = locate(err.span().map_or(0, |s| s.start));
    describe(Syntax::Toml, path, location, err.message().trim())
}

/// Parses `fragment`, which starts on line `first_line` (1-based) of `file_text`.
pub fn yaml<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    fragment: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(fragment, options).map_err(|err| {
        let location = err
            .location()
            .map(|loc| Location::at_line(file_text, first_line + loc.line() as usize - 1, loc.column() as usize))
            .unwrap_or_else(|| Location::at_line(file_text, first_line, 1));
        describe(Syntax::Yaml, path, location, &yaml_message(&err))
    })
}

/// The parser's message without its own rendering of the position.
fn yaml_message(err: &serde_saphyr::Error) -> String {
    let full = err.to_string();
    let first = full.lines().next().unwrap_or_default().trim().trim_start_matches("error: ");
    // serde-saphyr puts "line L column C: " before its messages; the
    // diagnostic shows the position itself.
    match first.strip_prefix("line ").and_then(|rest| rest.split_once(": ")) {
        Some((_, message)) => message.to_owned(),
        None => first.to_owned(),
    }
}

/// Turns a parser's message into a diagnostic that says what is wrong in the
/// user's words, with a help line: a misspelt key, a value that is not one of
/// those allowed, a wrong type, a missing key, a syntax error.
fn describe(syntax: Syntax, path: &Path, location: Location, message: &str) -> Diagnostic {
    let key = key_of_line(syntax, &location.source_line);
    let at = |diagnostic: Diagnostic| diagnostic.in_file(path).at(location.clone());
    if let Some(unknown) = quoted_after(message, "unknown field") {
        let expected = expected_words(message);
        let mut help = match crate::diagnostics::closest(unknown, expected.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("the keys allowed here are {}", expected.join(", ")),
        };
        if expected.contains(&"extra") {
            help.push_str(match syntax {
                Syntax::Toml => " Keys of your own go under `[extra]`",
                Syntax::Yaml => " Keys of your own go under `extra:`",
            });
        }
        return at(Diagnostic::error(format!("unknown key `{unknown}`"))).with_help(help);
    }
    if let Some(value) = quoted_after(message, "unknown variant") {
        let expected: Vec<String> = expected_words(message).iter().map(|w| format!("`{w}`")).collect();
        let subject = key.map_or_else(|| "the value".to_owned(), |k| format!("`{k}`"));
        return at(Diagnostic::error(format!("{subject} cannot be {value:?}")))
            .with_help(format!("use one of: {}", expected.join(", ")));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "another type"));
        let subject = key.map_or_else(|| "the value".to_owned(), |k| format!("`{k}`"));
        return at(Diagnostic::error(format!("{subject} must be {}, not {}", kind_of(expected), found_of(found))))
            .with_help(format!("write {}", kind_of(expected)));
    }
    if let Some(missing) = quoted_after(message, "missing field") {
        let example = match syntax {
            Syntax::Toml => format!("{missing} = …"),
            Syntax::Yaml => format!("{missing}: …"),
        };
        return Diagnostic::error(format!("`{missing}` is missing"))
            .in_file(path)
            .at(location.clone())
            .with_help(format!("add a line `{example}`"));
    }
    let prefix = match syntax {
        Syntax::Toml => "invalid TOML",
        Syntax::Yaml => "invalid front matter",
    };
    let diagnostic = at(Diagnostic::error(format!("{prefix}: {message}")));
    if message.contains("duplicate") {
        return diagnostic.with_help("each key may appear only once; remove or rename one of them");
    }
    let misread_value = message.contains("mapping values") || message.contains("trailing content");
    match quoted_line(syntax, &location.source_line).filter(|_| misread_value) {
        Some(fixed) => diagnostic.with_help(format!(
            "a value with `: ` or quotes inside must be quoted as a whole, or YAML reads a key in it; write the line as\n    {fixed}"
        )),
        None => diagnostic.with_help("fix the syntax at the marked place"),
    }
}

/// The first `word` in backquotes after `label` in `message`.
fn quoted_after<'m>(message: &'m str, label: &str) -> Option<&'m str> {
    let rest = &message[message.find(label)? + label.len()..];
    rest.split('`').nth(1)
}

/// The allowed words a parser lists after "expected": "expected one of
/// `title`, `date`" or "expected `arab` or `latn`".
fn expected_words(message: &str) -> Vec<&str> {
    let Some((_, expected)) = message.split_once("expected") else { return Vec::new() };
    expected.split([',', ' ', '`']).filter(|w| !w.is_empty() && !matches!(*w, "one" | "of" | "or")).collect()
}

/// The key a `key = value` (TOML) or `key: value` (YAML) line sets.
fn key_of_line(syntax: Syntax, line: &str) -> Option<&str> {
    let separator = match syntax {
        Syntax::Toml => '=',
        Syntax::Yaml => ':',
    };
    let key = line.split_once(separator)?.0.trim();
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')).then_some(key)
}

/// A type as serde names it, in the user's words.
fn kind_of(expected: &str) -> &'static str {
    match expected.trim() {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "a whole number, without quotes"
        }
        "a boolean" | "bool" => "true or false, without quotes",
        "a string" | "a borrowed string" | "string" => "text in quotes",
        "a sequence" => "a list in [brackets]",
        e if e.starts_with("struct") || e.starts_with("a map") => "a table of keys and values",
        _ => "a value of another type",
    }
}

/// What serde found, in the user's words: `string "3"` → text "3".
fn found_of(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let value = value.trim_matches('`');
    let kind = match kind {
        "string" => "text",
        "integer" | "floating" => "the number",
        "boolean" => "",
        "sequence" => "a list",
        "map" => "a table",
        other => other,
    };
    [kind, value].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ")
}

/// A YAML line `key: value` whose value holds `: ` or starts with a quote
/// that does not close it, with the value quoted: the fix for the commonest
/// headline shape (`title: لقاء بوتين والأسد: تصاعد التوتر`).
fn quoted_line(syntax: Syntax, line: &str) -> Option<String> {
    if syntax != Syntax::Yaml {
        return None;
    }
    // A headline, not a generated line of any length.
    const LONGEST: usize = 300;
    let key = key_of_line(syntax, line)?;
    let value = line.split_once(':')?.1.trim();
    let needs_quotes = value.contains(": ") || value.starts_with(['"', '\'']);
    // `[`, `{` and the like start lists, tables and other YAML forms.
    let plain = !value.starts_with(['[', '{', '|', '>', '&', '*', '!', '%', '@', '`']);
    if !needs_quotes || !plain || line.chars().count() > LONGEST {
        return None;
    }
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!("{key}: \"{escaped}\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        title: String,
        date: Option<String>,
        count: Option<u32>,
        digits: Option<Digits>,
        extra: Option<toml::Table>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Digits {
        Latn,
        Arab,
    }

    fn toml_err(file: &str) -> Diagnostic {
        toml::<Small>(Path::new("site.toml"), file, file, 0).expect_err(file)
    }

    fn yaml_err(front_matter: &str) -> Diagnostic {
        let file = format!("---\n{front_matter}---\n");
        yaml::<Small>(Path::new("a.md"), &file, front_matter, 2).expect_err(front_matter)
    }

    #[test]
    fn yaml_unknown_key_points_at_the_key_and_suggests() {
        let err = yaml_err("title: x\ntittle: y\n");
        let loc = err.location.clone().expect("has a location");
        assert_eq!(loc.line, 3, "{err}");
        assert!(err.message.contains("tittle"), "{err}");
        let help = err.help.as_deref().unwrap_or_default();
        assert!(help.contains("`title`") && help.contains("`extra:`"), "{err}");
    }

    #[test]
    fn toml_error_position_is_in_the_file() {
        let file = "+++\ntitle = \"x\"\ndate = \n+++\n";
        let fragment = &file[4..file.len() - 4];
        let err = toml::<Small>(Path::new("a.md"), file, fragment, 4).expect_err("bad toml");
        assert_eq!(err.location.expect("has a location").line, 3);
    }

    /// Values that are not allowed say which key, what it may be, at the
    /// value's line: not "invalid TOML … fix the syntax".
    #[test]
    fn wrong_values_say_what_is_allowed() {
        let table: [(&str, usize, &str, &str); 4] = [
            ("title = \"x\"\ndigits = \"arabic\"\n", 2, "`digits` cannot be \"arabic\"", "use one of: `latn`, `arab`"),
            (
                "title = \"x\"\ncount = \"3\"\n",
                2,
                "`count` must be a whole number, without quotes, not text \"3\"",
                "write a whole number",
            ),
            ("title = \"x\"\ncolour = 1\n", 2, "unknown key `colour`", "under `[extra]`"),
            ("date = \"x\"\n", 1, "`title` is missing", "add a line `title = …`"),
        ];
        for (file, line, message, help) in table {
            let err = toml_err(file);
            assert_eq!(err.location.as_ref().map(|l| l.line), Some(line), "{err}");
            assert!(err.message.contains(message), "{err}");
            assert!(err.help.as_deref().unwrap_or_default().contains(help), "{err}");
        }
    }

    /// Issue 11: an unquoted headline with a colon, the commonest Arabic
    /// headline shape, gets the line to write instead.
    #[test]
    fn a_colon_in_an_unquoted_title_shows_the_quoted_line() {
        let table = [
            ("title: لقاء بوتين والأسد: تصاعد التوتر\n", "title: \"لقاء بوتين والأسد: تصاعد التوتر\""),
            ("title: \"لقاء\" بوتين: تصاعد\n", "title: \"\\\"لقاء\\\" بوتين: تصاعد\""),
        ];
        for (front_matter, fixed) in table {
            let err = yaml_err(front_matter);
            let help = err.help.as_deref().unwrap_or_default();
            assert!(help.contains(fixed), "{err}");
            let quoted = format!("---\n{fixed}\n---\n");
            let read: Small = yaml(Path::new("a.md"), &quoted, &format!("{fixed}\n"), 2).expect("the fix reads");
            assert_eq!(read.title, front_matter.trim_start_matches("title: ").trim_end(), "the title is kept whole");
        }
    }
}
