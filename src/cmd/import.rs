//! `fihris import`: pages, archives, feeds and text files in, articles out,
//! one report per article (text for people, JSON Lines for scripts).
//! Never overwrites an article unless `--force`; the same text imported
//! twice (under any file name or encoding) is found and skipped. Outlets
//! missing from `sources.toml` are added to it (unless `--no-new-sources`).
//! Every file is written whole or not at all (a temporary file renamed).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use walkdir::WalkDir;

use super::Outcome;
use crate::cli::{ImportArgs, ReportFormat};
use crate::content::front_matter;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::catalog::{Catalog, Kind};
use crate::import::sources_file::{self, NewSource};
use crate::import::{Image, Imported, Item, Lists, MAX_INPUT_BYTES, Outlet, read};

pub fn run(args: &ImportArgs) -> Outcome {
    let has_site = args.root.join("site.toml").is_file();
    if !has_site && args.into.is_none() {
        let problem = Diagnostic::error(format!(
            "there is no site in {} (it has no site.toml)",
            display_root(&args.root)
        ))
        .with_help(
            "run import in a site's folder, name the site with --root DIR, or say where to write with --into DIR",
        );
        return Outcome::Failed([problem].into_iter().collect());
    }
    let (files, mut problems) = input_files(&args.inputs);
    if problems.has_errors() {
        return Outcome::Failed(problems);
    }
    let into = args.into.clone().unwrap_or_else(|| args.root.join("content/articles"));
    let mut session = Session::new(args, has_site, &into);
    let progress = ProgressBar::new(files.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if files.len() < 2 || args.format == ReportFormat::Json {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    for file in &files {
        progress.set_message(file.path.display().to_string());
        progress.suspend(|| session.import_file(file));
        progress.inc(1);
    }
    progress.finish_and_clear();
    problems.extend(session.warnings.iter().cloned());
    if session.unreadable_in_folders > 0 {
        problems.push(Diagnostic::warning(format!(
            "{} files in the folders were not pages, archives, feeds or text (pictures, binaries): skipped",
            session.unreadable_in_folders
        )));
    }
    let verb = if args.dry_run { "would import" } else { "imported" };
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    let mut summary = format!(
        "{verb} {} from {} into {}",
        plural(session.written, "article"),
        plural(files.len(), "file"),
        into.display()
    );
    if !session.added_sources.is_empty() {
        let added = if args.dry_run { "would add" } else { "added" };
        let count = plural(session.added_sources.len(), "outlet");
        summary.push_str(&format!("; {added} {count} to sources.toml: {}", session.added_sources.join(", ")));
    }
    Outcome::Done { summary, warnings: problems, all_warnings: true }
}

fn display_root(root: &Path) -> String {
    if root == Path::new(".") { "this folder".to_owned() } else { root.display().to_string() }
}

/// A file to import, and whether it was named (not found in a folder).
struct Input {
    path: PathBuf,
    named: bool,
}

/// The files named, with the files of the folders named, in order. The
/// `NAME_files` folder that a browser saves beside `NAME.html` holds the
/// page's pictures and scripts: it is not walked.
fn input_files(inputs: &[PathBuf]) -> (Vec<Input>, Diagnostics) {
    let mut files = Vec::new();
    let mut problems = Diagnostics::default();
    for input in inputs {
        if input.is_dir() {
            let entries =
                WalkDir::new(input).sort_by_file_name().into_iter().filter_entry(|e| !is_page_resources(e.path()));
            files.extend(
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
                    .map(|e| Input { path: e.into_path(), named: false }),
            );
        } else if input.is_file() {
            files.push(Input { path: input.clone(), named: true });
        } else {
            problems.push(
                Diagnostic::error("no such file or folder")
                    .in_file(input)
                    .with_help("name saved pages, archives, feeds or text files, or folders of them"),
            );
        }
    }
    (files, problems)
}

fn is_page_resources(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let Some(stem) = name.strip_suffix("_files").or_else(|| name.strip_suffix("-Dateien")) else { return false };
    let parent = path.parent().unwrap_or(Path::new("."));
    ["html", "htm", "xhtml"].iter().any(|ext| parent.join(format!("{stem}.{ext}")).is_file())
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

/// Writes `contents` to `path` whole: into a temporary file beside it, then renamed.
fn write_whole(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, contents).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// What one run has done so far.
struct Session<'a> {
    args: &'a ImportArgs,
    into: PathBuf,
    lists: Lists,
    sources_path: Option<PathBuf>,
    /// The text of sources.toml as this run changed it (with --dry-run, never written).
    sources_text: Option<String>,
    /// New outlets' hosts and names (as keys) → the key they were added under.
    new_keys: HashMap<String, String>,
    added_sources: Vec<String>,
    /// Names of the outlets added in this run, by key.
    new_names: HashMap<String, String>,
    existing: HashMap<String, PathBuf>,
    /// The files this run wrote, with the digest of their input.
    written_now: HashMap<PathBuf, String>,
    written: usize,
    warnings: Diagnostics,
    unreadable_in_folders: usize,
}

impl<'a> Session<'a> {
    fn new(args: &'a ImportArgs, has_site: bool, into: &Path) -> Session<'a> {
        let (catalog, list_problems) =
            if has_site { Catalog::load(&args.root) } else { (Catalog::default(), Vec::new()) };
        let mut warnings = Diagnostics::default();
        if !list_problems.is_empty() {
            warnings.push(Diagnostic::warning(format!(
                "the site's entity lists have {} problems (see `fihris check`); outlets may go unrecognised",
                list_problems.len()
            )));
        }
        let sources_path = (has_site && !args.no_new_sources).then(|| args.root.join(Kind::Source.list_path()));
        Session {
            args,
            into: into.to_owned(),
            lists: Lists::new(catalog),
            sources_path,
            sources_text: None,
            new_keys: HashMap::new(),
            added_sources: Vec::new(),
            new_names: HashMap::new(),
            existing: existing_texts(into),
            written_now: HashMap::new(),
            written: 0,
            warnings,
            unreadable_in_folders: 0,
        }
    }

    fn import_file(&mut self, input: &Input) {
        let file = &input.path;
        let bytes = match crate::content::read_limited(file, MAX_INPUT_BYTES) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                let limit = MAX_INPUT_BYTES / (1024 * 1024);
                self.warnings.push(
                    Diagnostic::warning(format!(
                        "skipped: larger than {limit} MiB, more than a page, feed or archive should be"
                    ))
                    .in_file(file)
                    .with_help("split a large web archive into smaller files (warcio or similar tools do it)"),
                );
                return;
            }
            Err(err) => {
                self.warnings.push(Diagnostic::warning(format!("cannot read it: {err}")).in_file(file));
                return;
            }
        };
        let lists = std::mem::replace(&mut self.lists, Lists::new(Catalog::default()));
        let mut items = Vec::new();
        let result = read(&bytes, &lists, &mut |item| match item {
            Item::Article { part, article } => self.finish_article(input, &part, *article, &lists),
            Item::Skipped { part, why } => items.push((part, why)),
        });
        self.lists = lists;
        for (part, why) in items {
            let place = if part.is_empty() { String::new() } else { format!("{part}: ") };
            self.report_skip(file, &format!("{place}{why}"));
        }
        match result {
            Ok(_) => {}
            Err(crate::import::Unreadable::Binary | crate::import::Unreadable::Empty) if !input.named => {
                self.unreadable_in_folders += 1;
            }
            Err(why) => self.report_skip(file, &format!("skipped: {why}")),
        }
        // New outlets are in the lists for the next file.
        if self.sources_text.is_some() && !self.args.dry_run {
            let (catalog, _) = Catalog::load(&self.args.root);
            self.lists = Lists::new(catalog);
        }
    }

    fn report_skip(&mut self, file: &Path, why: &str) {
        if self.args.format == ReportFormat::Json {
            let line = serde_json::json!({"input": file.display().to_string(), "skipped": why});
            let _ = writeln!(std::io::stdout().lock(), "{line}");
        }
        self.warnings.push(
            Diagnostic::warning(why.to_owned())
                .in_file(file)
                .with_help("import takes saved web pages, web archives (WARC), feeds and article text"),
        );
    }

    /// Resolves the outlet (adding a new one), names the file, and writes it.
    fn finish_article(&mut self, input: &Input, part: &str, mut article: Imported, lists: &Lists) {
        let file = &input.path;
        let label = if part.is_empty() { file.display().to_string() } else { format!("{} ({part})", file.display()) };
        if article.blocks.is_empty() {
            self.report_skip(
                file,
                &format!(
                    "{}skipped: no article text found in it",
                    if part.is_empty() { String::new() } else { format!("{part}: ") }
                ),
            );
            return;
        }
        let mut new_source = false;
        match article.source.clone() {
            Some(Outlet::Unknown(name)) => {
                if let Some(key) = self.add_source(&name, &article) {
                    new_source = true;
                    article.source = Some(Outlet::Known(key));
                }
            }
            Some(Outlet::Known(key)) => {
                if let Some(spelling) = article.outlet.new_spelling.clone() {
                    self.add_spelling(&key, &spelling, lists);
                }
            }
            None => {}
        }
        if let Some(image) = article.image.take() {
            article.image = self.place_image(file, image, &mut article.notes);
        }
        article.slug = article.slug_for(4);
        let mut target = self.into.join(format!("{}.md", article.slug));
        let mut markdown = article.to_markdown();
        let body = fingerprint(front_matter::split(&target, &markdown).map_or("", |split| split.body));
        if let Some(earlier) = self.existing.get(&body).filter(|p| !self.args.force || **p != target) {
            let earlier = earlier.display().to_string();
            self.report_skip(
                file,
                &format!(
                    "{}skipped: the same article is already in {earlier}",
                    if part.is_empty() { String::new() } else { format!("{part}: ") }
                ),
            );
            return;
        }
        // Another article of this run under the same name: a longer hash tells them apart.
        for hash_len in [6, 8, 12, 64] {
            match self.written_now.get(&target) {
                Some(digest) if *digest != article.digest => {
                    article.slug = article.slug_for(hash_len);
                    target = self.into.join(format!("{}.md", article.slug));
                    markdown = article.to_markdown();
                }
                _ => break,
            }
        }
        if target.exists() && !self.args.force {
            self.warnings.push(
                Diagnostic::warning(format!("skipped: {} already exists", target.display()))
                    .in_file(file)
                    .with_help("pass --force to overwrite it"),
            );
            return;
        }
        if !self.args.dry_run
            && let Err(err) =
                std::fs::create_dir_all(&self.into).and_then(|()| write_whole(&target, markdown.as_bytes()))
        {
            self.warnings.push(Diagnostic::error(format!("cannot write {}: {err}", target.display())).in_file(file));
            return;
        }
        self.existing.insert(body, target.clone());
        self.written_now.insert(target.clone(), article.digest.clone());
        self.written += 1;
        self.report(&label, &target, &article, &markdown, new_source, lists);
    }

    /// Adds an outlet to sources.toml (once per run for each host or name);
    /// returns its key, or nothing when new outlets are not to be added.
    fn add_source(&mut self, name: &str, article: &Imported) -> Option<String> {
        let path = self.sources_path.clone()?;
        let name_key = format!("name:{}", crate::arabic::key(name));
        let host_key = article.outlet.host.as_ref().map(|h| format!("host:{h}"));
        if let Some(key) = host_key.iter().chain([&name_key]).find_map(|k| self.new_keys.get(k)) {
            return Some(key.clone());
        }
        let text = match &self.sources_text {
            Some(text) => text.clone(),
            None => match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
                Err(err) => {
                    self.warnings
                        .push(Diagnostic::warning(format!("cannot read it to add {name}: {err}")).in_file(&path));
                    return None;
                }
            },
        };
        let source = NewSource { name: name.to_owned(), host: article.outlet.host.clone(), kind: article.outlet.kind };
        let (text, key) = match sources_file::add_source(&text, &source) {
            Ok(added) => added,
            Err(why) => {
                self.warnings.push(
                    Diagnostic::warning(format!("cannot add the outlet {name}: {why}"))
                        .in_file(&path)
                        .with_help("fix the file (`fihris check` shows where), then import again"),
                );
                return None;
            }
        };
        if !self.args.dry_run
            && let Err(err) =
                path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| write_whole(&path, text.as_bytes()))
        {
            self.warnings.push(Diagnostic::warning(format!("cannot add the outlet {name}: {err}")).in_file(&path));
            return None;
        }
        self.sources_text = Some(text);
        for k in host_key.into_iter().chain([name_key]) {
            self.new_keys.insert(k, key.clone());
        }
        self.added_sources.push(format!("[{key}] {name}"));
        self.new_names.insert(key.clone(), name.to_owned());
        Some(key)
    }

    /// Adds a spelling the page gives a known outlet to its aliases.
    fn add_spelling(&mut self, key: &str, spelling: &str, lists: &Lists) {
        let Some(path) = self.sources_path.clone() else { return };
        let marker = format!("alias:{key}:{}", crate::arabic::key(spelling));
        if self.new_keys.contains_key(&marker) || lists.catalog().resolve(Kind::Source, spelling).is_some() {
            return;
        }
        let Some(text) = self.sources_text.clone().or_else(|| std::fs::read_to_string(&path).ok()) else { return };
        let Ok(text) = sources_file::add_alias(&text, key, spelling) else { return };
        if !self.args.dry_run && write_whole(&path, text.as_bytes()).is_err() {
            return;
        }
        self.sources_text = Some(text);
        self.new_keys.insert(marker, key.to_owned());
    }

    /// A lead image saved beside the page ("Web page, complete") is copied
    /// into the site's `static/images/`; an address is kept as it is.
    fn place_image(&self, file: &Path, image: Image, notes: &mut Vec<String>) -> Option<Image> {
        if image.address.contains("://") || image.address.starts_with("//") {
            return Some(image);
        }
        if image.address.starts_with("data:") {
            return None;
        }
        let decoded = percent_encoding::percent_decode_str(image.address.split(['?', '#']).next().unwrap_or(""))
            .decode_utf8_lossy()
            .into_owned();
        let local = file.parent().unwrap_or(Path::new(".")).join(&decoded);
        let extension = local
            .extension()
            .and_then(|e| e.to_str())
            .filter(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))?;
        if !local.is_file() || self.args.into.is_some() && !self.args.root.join("site.toml").is_file() {
            notes.push(format!("the lead image {} is not beside the page: left out", image.address));
            return None;
        }
        let digest = &crate::import::digest_hex(decoded.as_bytes())[..12];
        let name = format!("images/{digest}.{}", extension.to_ascii_lowercase());
        if !self.args.dry_run {
            let target = self.args.root.join("static").join(&name);
            let copied =
                target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::copy(&local, &target));
            if copied.is_err() {
                notes.push(format!("the lead image {} could not be copied into static/: left out", local.display()));
                return None;
            }
        }
        Some(Image { address: name, ..image })
    }

    fn report(&self, label: &str, target: &Path, article: &Imported, markdown: &str, new_source: bool, lists: &Lists) {
        let mut stdout = std::io::stdout().lock();
        if self.args.format == ReportFormat::Json {
            let _ = writeln!(stdout, "{}", json_report(label, target, article, lists, &self.new_names));
            return;
        }
        let _ = writeln!(stdout, "{}", summary_line(label, target, article, new_source));
        if self.args.dry_run {
            let _ = writeln!(stdout, "{markdown}");
        }
    }
}

fn source_name(article: &Imported, lists: &Lists) -> (Option<String>, Option<String>) {
    match &article.source {
        Some(Outlet::Known(key)) => {
            let name = lists.catalog().resolve(Kind::Source, key).map(|id| lists.catalog().get(id).name.clone());
            (Some(key.clone()), name)
        }
        Some(Outlet::Unknown(name)) => (None, Some(name.clone())),
        None => (None, None),
    }
}

fn json_report(
    label: &str,
    target: &Path,
    article: &Imported,
    lists: &Lists,
    new_names: &HashMap<String, String>,
) -> serde_json::Value {
    let (key, name) = source_name(article, lists);
    let added = key.as_ref().and_then(|k| new_names.get(k));
    let new_source = added.is_some();
    let name = name.or_else(|| added.cloned());
    serde_json::json!({
        "input": label,
        "format": article.format,
        "file": target.display().to_string(),
        "title": article.title,
        "date": article.date.map(|d| d.to_string()),
        "source": {"key": key, "name": name, "host": article.outlet.host, "new": new_source},
        "url": article.url,
        "author": article.author,
        "image": article.image.as_ref().map(|i| serde_json::json!({"address": i.address, "caption": i.caption, "credit": i.credit})),
        "encoding": article.encoding,
        "body": article.body_markdown(),
        "dropped": article.dropped_lines.iter().map(|d| serde_json::json!({"text": d.text, "why": d.why})).collect::<Vec<_>>(),
        "notes": article.notes,
    })
}

fn summary_line(label: &str, target: &Path, article: &Imported, new_source: bool) -> String {
    let title = article.title.as_deref().unwrap_or("(no title)");
    let date = article.date.map_or_else(|| "no date".to_owned(), |d| d.to_string());
    let source = match &article.source {
        Some(Outlet::Known(key)) if new_source => format!("{key} (new in sources.toml)"),
        Some(Outlet::Known(key)) => key.clone(),
        Some(Outlet::Unknown(name)) => format!("{name} (not in sources.toml)"),
        None => "no source".to_owned(),
    };
    let missing = article.missing();
    let mut note =
        if missing.is_empty() { String::new() } else { format!("\n  not found, left out: {}", missing.join(", ")) };
    for line in &article.notes {
        note.push_str(&format!("\n  note: {line}"));
    }
    format!(
        "{label} → {}\n  {title} · {date} · {source} · {} · {} · kept {} blocks, dropped {}{note}",
        target.display(),
        article.format,
        article.encoding,
        article.kept,
        article.dropped
    )
}
