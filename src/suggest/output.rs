//! Writing suggestions out: TOML to paste into the lists (one section per
//! list, each name with its kind guess, counts, reasons and contexts as
//! comments), or JSON for other tools.

use std::fmt::Write;

use serde::Serialize;

use super::{Suggestion, Suggestions};
use crate::entities::Kind;

/// The suggestions as JSON: `{"suggestions": [...], "aliases": [...]}`.
pub fn to_json(suggestions: &Suggestions) -> String {
    #[derive(Serialize)]
    struct Json<'a> {
        suggestions: &'a [Suggestion],
        aliases: &'a [super::NewAlias],
    }
    let json = Json { suggestions: &suggestions.suggestions, aliases: &suggestions.aliases };
    serde_json::to_string_pretty(&json).unwrap_or_default()
}

/// A TOML string, quoted and escaped.
fn quoted(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_owned()
}

/// A table header: `[key]`, quoted when the key is not a bare TOML key.
pub fn table_header(key: &str) -> String {
    let bare = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare { format!("[{key}]") } else { format!("[{}]", quoted(key)) }
}

/// One suggestion as a TOML table with its evidence in comments.
pub fn entry(suggestion: &Suggestion) -> String {
    let mut out = String::new();
    let kind = suggestion.kind.map_or("kind unknown", |k| match k {
        Kind::Person => "person",
        Kind::Place => "place",
        Kind::Source => "source",
    });
    let _ = writeln!(
        out,
        "# {kind}: {} mentions in {} articles; {}",
        suggestion.count,
        suggestion.articles,
        suggestion.reasons.join(", ")
    );
    for context in &suggestion.contexts {
        let _ = writeln!(out, "#   {}:{}: {}", context.file.display(), context.line, context.text.replace('\n', " "));
    }
    let _ = writeln!(out, "{}", table_header(&suggestion.key));
    let _ = writeln!(out, "name = {}", quoted(&suggestion.name));
    if !suggestion.variants.is_empty() {
        let aliases: Vec<String> = suggestion.variants.iter().map(|v| quoted(v)).collect();
        let _ = writeln!(out, "aliases = [{}]", aliases.join(", "));
    }
    out
}

/// All suggestions as TOML, a section for each list, then new spellings.
pub fn to_toml(suggestions: &Suggestions) -> String {
    let mut out = String::new();
    let sections = [
        (Some(Kind::Person), "content/people.toml"),
        (Some(Kind::Place), "content/places.toml"),
        (Some(Kind::Source), "content/sources.toml"),
        (None, "kind unknown: choose a list"),
    ];
    for (kind, title) in sections {
        let entries: Vec<&Suggestion> = suggestions.suggestions.iter().filter(|s| s.kind == kind).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "# ─── {title} ({} names) ───\n", entries.len());
        for suggestion in entries {
            let _ = writeln!(out, "{}", entry(suggestion));
        }
    }
    if !suggestions.aliases.is_empty() {
        let _ = writeln!(out, "# ─── new spellings of listed entities ───");
        for alias in &suggestions.aliases {
            let _ = writeln!(
                out,
                "# [{}] in {}: add {} ({} mentions)",
                alias.entity,
                alias.kind.list_path().display(),
                quoted(&alias.alias),
                alias.count
            );
        }
    }
    out
}
