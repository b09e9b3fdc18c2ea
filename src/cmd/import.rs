//! `fihris import`: raw files in, articles out, one summary line per file.
//! Never overwrites an article unless `--force`; the same text imported twice
//! (under any file name or encoding) is found and skipped.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use walkdir::WalkDir;

use super::Outcome;
use crate::cli::ImportArgs;
use crate::content::front_matter;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::catalog::Catalog;
use crate::import::{Imported, Lists, Outlet, import};

pub fn run(args: &ImportArgs) -> Outcome {
    let (catalog, list_problems) = Catalog::load(&args.root);
    let mut warnings = Diagnostics::default();
    if !list_problems.is_empty() {
        warnings.push(Diagnostic::warning(format!(
            "the site's entity lists have {} problems (see `fihris check`); outlets may go unrecognised",
            list_problems.len()
        )));
    }
    let lists = Lists::new(catalog);
    let into = args.into.clone().unwrap_or_else(|| args.root.join("content/articles"));
    let (files, mut problems) = input_files(&args.inputs);
    if problems.has_errors() {
        return Outcome::Failed(problems);
    }
    let mut existing = existing_texts(&into);
    let progress = ProgressBar::new(files.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if files.len() < 2 {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut written = 0;
    for file in &files {
        progress.set_message(file.display().to_string());
        match import_one(file, &lists, &into, args, &mut existing) {
            Ok((line, article)) => {
                written += 1;
                progress.suspend(|| {
                    let mut stdout = std::io::stdout().lock();
                    let _ = writeln!(stdout, "{line}");
                    if let Some(article) = article {
                        let _ = writeln!(stdout, "{article}");
                    }
                });
            }
            Err(problem) => warnings.push(problem),
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    problems.extend(warnings.iter().cloned());
    let verb = if args.dry_run { "would import" } else { "imported" };
    Outcome::Done {
        summary: format!("{verb} {written} of {} files into {}", files.len(), into.display()),
        warnings: problems,
        all_warnings: true,
    }
}

/// The files named, with the text files of the folders named, in order.
fn input_files(inputs: &[PathBuf]) -> (Vec<PathBuf>, Diagnostics) {
    let mut files = Vec::new();
    let mut problems = Diagnostics::default();
    for input in inputs {
        if input.is_dir() {
            let entries = WalkDir::new(input).sort_by_file_name().into_iter().filter_map(Result::ok);
            files.extend(
                entries
                    .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
                    .map(|e| e.into_path()),
            );
        } else if input.is_file() {
            files.push(input.clone());
        } else {
            problems.push(
                Diagnostic::error("no such file or folder")
                    .in_file(input)
                    .with_help("name raw text files or folders of them"),
            );
        }
    }
    (files, problems)
}

/// The text of every article already in `into`, as a fingerprint, so the same
/// article imported again is recognised.
fn existing_texts(into: &Path) -> HashMap<String, PathBuf> {
    let Ok(entries) = std::fs::read_dir(into) else { return HashMap::new() };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let body = front_matter::split(&path, &text).ok()?.body;
            Some((fingerprint(body), path))
        })
        .collect()
}

fn fingerprint(body: &str) -> String {
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Imports one file; returns its summary line and, with `--dry-run`, the article.
fn import_one(
    file: &Path,
    lists: &Lists,
    into: &Path,
    args: &ImportArgs,
    existing: &mut HashMap<String, PathBuf>,
) -> Result<(String, Option<String>), Diagnostic> {
    let bytes = crate::content::read_limited(file, crate::content::MAX_ARTICLE_BYTES)
        .map_err(|err| Diagnostic::warning(format!("cannot read it: {err}")).in_file(file))?
        .ok_or_else(|| {
            let limit = crate::content::MAX_ARTICLE_BYTES / (1024 * 1024);
            Diagnostic::warning(format!("skipped: larger than {limit} MiB, too large for one article")).in_file(file)
        })?;
    let imported = import(&bytes, lists).map_err(|why| {
        Diagnostic::warning(format!("skipped: {why}")).in_file(file).with_help("import takes article text")
    })?;
    if imported.blocks.is_empty() {
        return Err(Diagnostic::warning("skipped: no article text found in it")
            .in_file(file)
            .with_help("import takes the text of one article as copied from a news page"));
    }
    let markdown = imported.to_markdown();
    let target = into.join(format!("{}.md", imported.slug));
    let body = front_matter::split(&target, &markdown).map_or("", |split| split.body);
    if let Some(earlier) = existing.get(&fingerprint(body)).filter(|p| !args.force || **p != target) {
        return Err(
            Diagnostic::warning(format!("skipped: the same article is already in {}", earlier.display())).in_file(file)
        );
    }
    if target.exists() && !args.force {
        return Err(Diagnostic::warning(format!("skipped: {} already exists", target.display()))
            .in_file(file)
            .with_help("pass --force to overwrite it"));
    }
    let line = summary_line(file, &target, &imported);
    if args.dry_run {
        return Ok((line, Some(markdown)));
    }
    std::fs::create_dir_all(into)
        .and_then(|()| std::fs::write(&target, &markdown))
        .map_err(|err| Diagnostic::error(format!("cannot write {}: {err}", target.display())).in_file(file))?;
    existing.insert(fingerprint(body), target);
    Ok((line, None))
}

fn summary_line(file: &Path, target: &Path, article: &Imported) -> String {
    let title = article.title.as_deref().unwrap_or("(no title)");
    let date = article.date.map_or_else(|| "no date".to_owned(), |d| d.to_string());
    let source = match &article.source {
        Some(Outlet::Known(key)) => key.clone(),
        Some(Outlet::Unknown(name)) => format!("{name} (not in sources.toml)"),
        None => "no source".to_owned(),
    };
    let missing = article.missing();
    let note =
        if missing.is_empty() { String::new() } else { format!("\n  not found, left out: {}", missing.join(", ")) };
    format!(
        "{} → {}\n  {title} · {date} · {source} · {} · kept {} lines, dropped {}{note}",
        file.display(),
        target.display(),
        article.encoding,
        article.kept,
        article.dropped
    )
}
