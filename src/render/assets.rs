//! Static files: the defaults compiled into the binary (stylesheet, fonts and
//! their licence) and a site's own `static/` folder, whose files override the
//! defaults by name and may not take the place of a generated page.

use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::output::fold_path;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

/// The default static files, compiled into the binary; a site's `static/`
/// files override them by name.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    ("search.js", include_bytes!("../../static/search.js")),
    ("social.png", include_bytes!("../../static/social.png")),
    ("fonts/OFL.txt", include_bytes!("../../static/fonts/OFL.txt")),
    (
        "fonts/noto-naskh-arabic-arabic-400-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-arabic-400-normal.woff2"),
    ),
    (
        "fonts/noto-naskh-arabic-arabic-700-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-arabic-700-normal.woff2"),
    ),
    (
        "fonts/noto-naskh-arabic-latin-400-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-latin-400-normal.woff2"),
    ),
    (
        "fonts/noto-naskh-arabic-latin-700-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-latin-700-normal.woff2"),
    ),
];
pub const STATIC_DIR: &str = "static";

/// The site's own `static/` files and the defaults it does not override.
pub fn static_files(root: &Path) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let mut files: Vec<(String, Vec<u8>)> = DEFAULT_STATIC.iter().map(|(p, b)| ((*p).to_owned(), b.to_vec())).collect();
    let dir = root.join(STATIC_DIR);
    if !dir.is_dir() {
        return Ok(files);
    }
    let mut problems = Vec::new();
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(
                    Diagnostic::error(format!("cannot read the static folder: {err}"))
                        .in_file(STATIC_DIR)
                        .with_help(crate::content::UNREADABLE_FOLDER_HELP),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let Some(name) = relative.to_str().map(|s| s.replace('\\', "/")) else {
            problems.push(
                Diagnostic::error("a static file name is not valid UTF-8")
                    .in_file(entry.path())
                    .with_help("rename the file"),
            );
            continue;
        };
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.retain(|(p, _)| *p != name);
                files.push((name, bytes));
            }
            Err(err) => problems.push(crate::content::unreadable(&Path::new(STATIC_DIR).join(relative), &err)),
        }
    }
    if problems.is_empty() { Ok(files) } else { Err(problems) }
}

/// A static file may not take the place of a generated file (`generated`:
/// their paths), nor of another static file whose name differs only in case
/// or Unicode normalization (one file on macOS and Windows).
pub fn check_static_collisions<'g>(
    generated: impl Iterator<Item = &'g String>,
    static_files: &[(String, Vec<u8>)],
) -> Result<(), Vec<Diagnostic>> {
    let generated: FxHashSet<String> = generated.map(|p| fold_path(p)).collect();
    let mut seen: FxHashMap<String, &str> = FxHashMap::default();
    let mut problems = Vec::new();
    for (path, _) in static_files {
        let folded = fold_path(path);
        let message = if generated.contains(&folded) {
            format!("static/{path} and a generated page both write {path}")
        } else if let Some(first) = seen.insert(folded, path) {
            format!(
                "static/{first} and static/{path} differ only in case or Unicode normalization, so they are one file on macOS and Windows"
            )
        } else {
            continue;
        };
        problems.push(
            Diagnostic::error(message)
                .in_file(Path::new(STATIC_DIR).join(path))
                .with_help("rename or remove the static file"),
        );
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}
