//! What a changed file means for the preview: a pure classification of paths,
//! so the server knows whether to re-render one article, the pages of one
//! template, copy a static file, or rebuild everything.

use std::path::{Component, Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::content::CONTENT_DIR;
use crate::render::assets::STATIC_DIR;
use crate::render::templates::TEMPLATES_DIR;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `site.toml`: everything may change.
    Config,
    /// An entity list: every article's mentions may change.
    EntityList,
    /// An article (path relative to the site's root).
    Article(PathBuf),
    /// A template, by its name under `templates/`.
    Template(String),
    /// A static file, by its path under `static/`.
    Static(String),
}

/// What a change to `path` means, or `None` when it does not concern the site
/// (the output folder, editors' temporary files, anything else).
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, rest) = parts.split_first()?;
    let name = parts.last()?;
    if is_temporary(name) {
        return None;
    }
    match (*first, rest) {
        (CONFIG_FILE, []) => Some(Change::Config),
        (CONTENT_DIR, [list]) if matches!(*list, "people.toml" | "places.toml" | "sources.toml") => {
            Some(Change::EntityList)
        }
        (CONTENT_DIR, [_, ..]) if name.ends_with(".md") => Some(Change::Article(relative.to_path_buf())),
        (TEMPLATES_DIR, [_, ..]) => Some(Change::Template(rest.join("/"))),
        (STATIC_DIR, [_, ..]) => Some(Change::Static(rest.join("/"))),
        _ => None,
    }
}

/// Hidden files, backups and the probes editors write before saving.
fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        let root = Path::new("/site");
        let table: [(&str, Option<Change>); 14] = [
            ("/site/site.toml", Some(Change::Config)),
            ("/site/content/people.toml", Some(Change::EntityList)),
            ("/site/content/sources.toml", Some(Change::EntityList)),
            ("/site/content/articles/a.md", Some(Change::Article(PathBuf::from("content/articles/a.md")))),
            ("/site/content/2024/07/b.md", Some(Change::Article(PathBuf::from("content/2024/07/b.md")))),
            ("/site/templates/article.html", Some(Change::Template("article.html".to_owned()))),
            ("/site/templates/partials/x.html", Some(Change::Template("partials/x.html".to_owned()))),
            ("/site/static/style.css", Some(Change::Static("style.css".to_owned()))),
            ("/site/public/index.html", None),
            ("/site/content/articles/.a.md.swp", None),
            ("/site/content/articles/a.md~", None),
            ("/site/content/articles/4913", None),
            ("/site/content/notes.txt", None),
            ("/elsewhere/site.toml", None),
        ];
        for (path, expected) in table {
            assert_eq!(classify(root, Path::new(path)), expected, "{path}");
        }
    }
}
