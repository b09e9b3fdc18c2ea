//! The folders a build must not write: the site itself, a part of its
//! sources, or a folder that holds them.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The folders and file of the site that no build may replace or write into.
const SITE_OWN: [&str; 5] = ["content", "static", "templates", ".git", "site.toml"];

/// Refuses a destination that would replace the site, or a part of it, or
/// lie inside its sources.
pub fn refuse_site_folders(destination: &Path, site_root: &Path) -> Result<(), Diagnostic> {
    let destination_abs = resolved(destination);
    let root = resolved(site_root);
    let help = "write the site to a folder of its own, such as output_dir = \"public\" in site.toml or --out DIR (--force does not change this)";
    if root.starts_with(&destination_abs) {
        let what = if root == destination_abs { "is the site's own folder" } else { "holds the site's folder" };
        return Err(Diagnostic::error(format!(
            "the output folder {} {what} ({}): a build replaces the whole output folder, which would delete the site",
            destination.display(),
            site_root.display()
        ))
        .with_help(help));
    }
    for own in SITE_OWN {
        let own_path = root.join(own);
        if own_path.starts_with(&destination_abs) || destination_abs.starts_with(&own_path) {
            return Err(Diagnostic::error(format!(
                "the output folder {} would replace or lie inside the site's {own}",
                destination.display()
            ))
            .with_help(help));
        }
    }
    Ok(())
}

/// `path` made absolute with its symbolic links resolved, as far as it
/// exists; the rest (which cannot hold links yet) is joined as written, with
/// `..` taken away.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let base = loop {
        if let Ok(real) = existing.canonicalize() {
            break real;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break existing.to_path_buf(),
        }
    };
    let mut result = base;
    for part in rest.iter().rev() {
        result.push(part);
    }
    // `std::path::absolute` keeps `..` and `.`; what does not exist has no
    // links, so they are taken away by their names.
    let mut clean = PathBuf::new();
    for component in result.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}
