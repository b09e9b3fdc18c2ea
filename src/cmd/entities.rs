//! `fihris entities suggest|add|import`: growing the entity lists. Suggesting
//! is in [`crate::suggest`], writing the lists in [`crate::entities::edit`],
//! reading Wikidata results in [`crate::entities::wikidata`]; this module
//! reads the site, asks when told to, and reports.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use super::Outcome;
use crate::arabic::slug::slugify;
use crate::cli::{AddArgs, EntitiesCommand, SuggestArgs, SuggestFormat, WikidataArgs};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::edit::{ListEdit, NewEntity};
use crate::entities::{Catalog, Kind, wikidata};
use crate::suggest::{self, Suggestion, output};

pub fn run(command: &EntitiesCommand) -> Outcome {
    match command {
        EntitiesCommand::Suggest(args) => suggest(args),
        EntitiesCommand::Add(args) => add(args),
        EntitiesCommand::Import(args) => import(args),
    }
}

/// The lists, with their problems as warnings (a list that does not read
/// is empty here; `fihris check` says why).
fn load_catalog(root: &Path, warnings: &mut Diagnostics) -> Catalog {
    let (catalog, problems) = Catalog::load(root);
    warnings.extend(problems.into_iter().map(|mut d| {
        d.severity = crate::diagnostics::Severity::Warning;
        d
    }));
    catalog
}

fn suggest(args: &SuggestArgs) -> Outcome {
    let mut warnings = Diagnostics::default();
    let catalog = load_catalog(&args.root, &mut warnings);
    let (corpus, problems) = crate::content::load(&args.root);
    warnings.extend(problems.into_iter().map(|mut d| {
        d.severity = crate::diagnostics::Severity::Warning;
        d
    }));
    let options = suggest::Options { kind: args.kind.map(|k| k.kind()), min_articles: args.min };
    let mut found = suggest::suggest(&corpus, &catalog, &options);
    if let Some(limit) = args.limit {
        found.suggestions.truncate(limit);
    }
    if !args.write {
        let summary = match args.format {
            SuggestFormat::Toml => output::to_toml(&found),
            SuggestFormat::Json => output::to_json(&found),
        };
        return Outcome::Done { summary: summary.trim_end().to_owned(), warnings, all_warnings: false };
    }
    if args.pick && !std::io::stdin().is_terminal() {
        return Outcome::Failed(
            [Diagnostic::error("--pick asks in the terminal, and this is not one")
                .with_help("run it in a terminal, or choose with --kind, --min and --limit instead")]
            .into_iter()
            .collect(),
        );
    }
    match write_suggestions(&args.root, &found, args.pick) {
        Ok(summary) => Outcome::Done { summary, warnings, all_warnings: false },
        Err(problem) => Outcome::Failed([problem].into_iter().collect()),
    }
}

/// Asks about one item on the terminal: true to add it.
fn ask(question: &str) -> Option<bool> {
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{question}\nadd? [y]es, [n]o, [q]uit: ");
    let _ = stderr.flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer).ok()?;
    match answer.trim() {
        "y" | "Y" | "yes" | "نعم" => Some(true),
        "q" | "Q" | "quit" => None,
        _ => Some(false),
    }
}

fn write_suggestions(root: &Path, found: &suggest::Suggestions, pick: bool) -> Result<String, Diagnostic> {
    let mut lists: Vec<ListEdit> = Kind::ALL.iter().map(|&k| ListEdit::open(root, k)).collect::<Result<_, _>>()?;
    let list_of = |kind: Kind| Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    let (mut added, mut spellings, mut unknown) = (0, 0, 0);
    'names: {
        for suggestion in &found.suggestions {
            let Some(kind) = suggestion.kind else {
                unknown += 1;
                continue;
            };
            if pick {
                match ask(&output::entry(suggestion)) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => break 'names,
                }
            }
            if lists[list_of(kind)].add_entity(&new_entity(suggestion)) {
                added += 1;
            }
        }
        for alias in &found.aliases {
            if pick {
                let question = format!(
                    "# [{}] in {}: {:?} ({} mentions)",
                    alias.entity,
                    alias.kind.list_path().display(),
                    alias.alias,
                    alias.count
                );
                match ask(&question) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => break 'names,
                }
            }
            if lists[list_of(alias.kind)].add_alias(&alias.entity, &alias.alias) {
                spellings += 1;
            }
        }
    }
    let mut written = Vec::new();
    for list in &lists {
        if list.save()? {
            written.push(list.path.display().to_string());
        }
    }
    let unknown = if unknown > 0 {
        format!("; {unknown} names of unknown kind left out (add them with `fihris entities add`)")
    } else {
        String::new()
    };
    let into =
        if written.is_empty() { "nothing written".to_owned() } else { format!("written to {}", written.join(", ")) };
    Ok(format!("added {added} names and {spellings} spellings: {into}{unknown}"))
}

fn new_entity(suggestion: &Suggestion) -> NewEntity {
    let comment = format!(
        "suggested: {} mentions in {} articles; {}",
        suggestion.count,
        suggestion.articles,
        suggestion.reasons.join(", ")
    );
    NewEntity {
        key: suggestion.key.clone(),
        name: suggestion.name.clone(),
        aliases: suggestion.variants.clone(),
        comment: vec![comment],
        ..NewEntity::default()
    }
}

/// A spelling another entity has already: it would be ambiguous.
fn claimed(catalog: &Catalog, spelling: &str) -> Option<String> {
    let claimants = catalog.claimants(spelling);
    (!claimants.is_empty()).then(|| {
        claimants
            .iter()
            .map(|&id| {
                let entity = catalog.get(id);
                format!("[{}] in {}", entity.key, entity.kind.list_path().display())
            })
            .collect::<Vec<_>>()
            .join(" and ")
    })
}

fn add(args: &AddArgs) -> Outcome {
    let mut warnings = Diagnostics::default();
    let catalog = load_catalog(&args.root, &mut warnings);
    let kind = args.kind.kind();
    let fail = |d: Diagnostic| Outcome::Failed([d].into_iter().collect());
    let mut list = match ListEdit::open(&args.root, kind) {
        Ok(list) => list,
        Err(problem) => return fail(problem),
    };
    if list.has_key(&args.key) {
        return fail(
            Diagnostic::error(format!("[{}] is already in {}", args.key, list.path.display()))
                .with_help("choose another key, or edit that entry"),
        );
    }
    for spelling in std::iter::once(&args.name).chain(&args.aliases) {
        if let Some(who) = claimed(&catalog, spelling) {
            warnings.push(Diagnostic::warning(format!("{spelling:?} is also a spelling of {who}")).with_help(
                "it will count only where one of them is named otherwise; list it under --weak to say that is intended",
            ));
        }
    }
    let entity = NewEntity {
        key: args.key.clone(),
        name: args.name.clone(),
        aliases: args.aliases.clone(),
        weak: args.weak.clone(),
        description: args.description.clone(),
        wikidata: args.wikidata.clone(),
        subkind: args.subkind.clone(),
        comment: Vec::new(),
    };
    list.add_entity(&entity);
    if let Err(problem) = list.save() {
        return fail(problem);
    }
    // Read back, so that a bad value (a wrong subkind, a malformed Wikidata id) is said now.
    let (_, problems) = Catalog::load(&args.root);
    let mut problems: Diagnostics =
        problems.into_iter().filter(|d| d.path.as_deref() == Some(list.path.as_path())).collect();
    problems.extend(warnings.iter().cloned());
    Outcome::Done {
        summary: format!("added [{}] to {}", args.key, list.path.display()),
        warnings: problems,
        all_warnings: true,
    }
}

fn import(args: &WikidataArgs) -> Outcome {
    let mut warnings = Diagnostics::default();
    let fail = |d: Diagnostic| Outcome::Failed([d].into_iter().collect());
    let text = match std::fs::read(&args.file)
        .map_err(|err| err.to_string())
        .and_then(|b| String::from_utf8(b).map_err(|e| e.to_string()))
    {
        Ok(text) => text,
        Err(err) => return fail(Diagnostic::error(format!("cannot read it: {err}")).in_file(&args.file)),
    };
    let items = match wikidata::read(&args.file, &text) {
        Ok(items) => items,
        Err(problem) => return fail(problem),
    };
    let catalog = load_catalog(&args.root, &mut warnings);
    let mut lists: Vec<ListEdit> = match Kind::ALL.iter().map(|&k| ListEdit::open(&args.root, k)).collect() {
        Ok(lists) => lists,
        Err(problem) => return fail(problem),
    };
    let (mut added, mut existing, mut skipped) = (0, 0, 0);
    let mut lines = Vec::new();
    for item in &items {
        let at = |d: Diagnostic| d.in_file(&args.file).at(crate::diagnostics::Location::at_line(&text, item.line, 1));
        let Some((kind, subkind)) = item.kind().or(args.kind.map(|k| (k.kind(), None))) else {
            skipped += 1;
            warnings.push(
                at(Diagnostic::warning(format!(
                    "{} ({}): its instance-of says neither person, place nor source",
                    item.id, item.label
                )))
                .with_help("pass --kind person|place|source to put such items in one list"),
            );
            continue;
        };
        if item.label.is_empty() {
            skipped += 1;
            warnings.push(
                at(Diagnostic::warning(format!("{} has no Arabic label", item.id)))
                    .with_help("select ?itemLabel with the label service in Arabic"),
            );
            continue;
        }
        let listed = catalog.entities.iter().any(|e| e.wikidata.as_deref() == Some(item.id.as_str()));
        let key = slugify(&item.label).unwrap_or_else(|| item.id.to_lowercase());
        let list = &mut lists[Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)];
        if listed || list.has_key(&key) {
            existing += 1;
            continue;
        }
        if let Some(who) = claimed(&catalog, &item.label) {
            skipped += 1;
            warnings.push(at(Diagnostic::warning(format!("{} ({}): the name is already a spelling of {who}", item.id, item.label)))
                .with_help("if they are the same, add wikidata = \"…\" to that entry; if not, add this one by hand with a longer name"));
            continue;
        }
        let mut aliases = Vec::new();
        for alias in &item.aliases {
            match claimed(&catalog, alias) {
                Some(who) => warnings.push(at(Diagnostic::warning(format!(
                    "{} ({}): the alias {alias:?} is already a spelling of {who}; left out",
                    item.id, item.label
                )))),
                None if alias != &item.label && !aliases.contains(alias) => aliases.push(alias.clone()),
                None => {}
            }
        }
        let entity = NewEntity {
            key: key.clone(),
            name: item.label.clone(),
            aliases,
            description: item.description.clone(),
            wikidata: Some(item.id.clone()),
            subkind: subkind.map(str::to_owned),
            ..NewEntity::default()
        };
        lines.push(format!("{} [{key}] {} ({})", list.path.display(), item.label, item.id));
        list.add_entity(&entity);
        added += 1;
    }
    if !args.dry_run {
        for list in &lists {
            if let Err(problem) = list.save() {
                return fail(problem);
            }
        }
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    lines.push(format!("{verb} {added} of {} items; {existing} already listed, {skipped} skipped", items.len()));
    Outcome::Done { summary: lines.join("\n"), warnings, all_warnings: true }
}
