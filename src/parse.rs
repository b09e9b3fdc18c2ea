//! TOML and YAML parsing whose errors point into the user's file: the parsers
//! report positions in the fragment they were given, and this turns them into
//! the file's line and column with a help line.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Location};

/// Parses `fragment`, which starts at byte `offset` of `file_text`.
pub fn toml<T: DeserializeOwned>(path: &Path, file_text: &str, fragment: &str, offset: usize) -> Result<T, Diagnostic> {
    toml::from_str(fragment).map_err(|err| {
        let location = Location::at(file_text, offset + err.span().map_or(0, |s| s.start));
        let message = err.message().trim().to_owned();
        with_help(Diagnostic::error(format!("invalid TOML: {message}")).in_file(path).at(location), &message)
    })
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
        let message = yaml_message(&err);
        with_help(Diagnostic::error(format!("invalid front matter: {message}")).in_file(path).at(location), &message)
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

/// A help line for the common mistakes: a misspelt key, a wrong type.
fn with_help(diagnostic: Diagnostic, message: &str) -> Diagnostic {
    if message.contains("unknown field") {
        let help = match suggestion(message) {
            Some(s) => format!("did you mean `{s}`? Keys of your own go under `extra:`"),
            None => "check the spelling; keys of your own go under `extra:`".to_owned(),
        };
        diagnostic.with_help(help)
    } else if message.contains("invalid type") {
        diagnostic.with_help("check the value's type: text in quotes, lists in [brackets]")
    } else if message.contains("duplicate") {
        diagnostic.with_help("each key may appear only once; remove or rename one of them")
    } else {
        diagnostic.with_help("fix the syntax at the marked place")
    }
}

/// From "unknown field `tittle`, expected one of title, date" picks `title`.
fn suggestion(message: &str) -> Option<&str> {
    let unknown = message.split('`').nth(1)?;
    let (_, expected) = message.split_once("expected")?;
    let candidates = expected.split([',', ' ', '`']).filter(|w| !w.is_empty() && !matches!(*w, "one" | "of" | "or"));
    crate::diagnostics::closest(unknown, candidates)
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
    }

    #[test]
    fn yaml_unknown_key_points_at_the_key_and_suggests() {
        let file = "---\ntitle: x\ntittle: y\n---\n";
        let err = yaml::<Small>(Path::new("a.md"), file, "title: x\ntittle: y\n", 2).expect_err("unknown key");
        let loc = err.location.clone().expect("has a location");
        assert_eq!(loc.line, 3, "{err}");
        assert!(err.message.contains("tittle"), "{err}");
        assert!(err.help.as_deref().unwrap_or_default().contains("`title`"), "{err}");
    }

    #[test]
    fn toml_error_position_is_in_the_file() {
        let file = "+++\ntitle = \"x\"\ndate = \n+++\n";
        let fragment = &file[4..file.len() - 4];
        let err = toml::<Small>(Path::new("a.md"), file, fragment, 4).expect_err("bad toml");
        assert_eq!(err.location.expect("has a location").line, 3);
    }
}
