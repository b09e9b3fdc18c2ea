//! Which changed files concern the preview: a pure classification of paths,
//! so that the server rebuilds for the site's own files and not for the
//! output folder, editors' temporary files or anything else. What a change
//! touches is then the build's to find out.

use std::path::{Component, Path};

use crate::config::CONFIG_FILE;
use crate::content::CONTENT_DIR;
use crate::render::assets::STATIC_DIR;
use crate::render::templates::TEMPLATES_DIR;

/// Whether a change to `path` concerns the site: its configuration, an
/// article or entity list, a template or a static file.
pub fn concerns_site(root: &Path, path: &Path) -> bool {
    classify(root, path).is_some()
}

fn classify(root: &Path, path: &Path) -> Option<()> {
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
    let concerns = match (*first, rest) {
        (CONFIG_FILE, []) => true,
        (CONTENT_DIR, [list]) if matches!(*list, "people.toml" | "places.toml" | "sources.toml") => true,
        (CONTENT_DIR, [_, ..]) => name.ends_with(".md"),
        (TEMPLATES_DIR, [_, ..]) | (STATIC_DIR, [_, ..]) => true,
        _ => false,
    };
    concerns.then_some(())
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
        let table: [(&str, bool); 14] = [
            ("/site/site.toml", true),
            ("/site/content/people.toml", true),
            ("/site/content/sources.toml", true),
            ("/site/content/articles/a.md", true),
            ("/site/content/2024/07/b.md", true),
            ("/site/templates/article.html", true),
            ("/site/templates/partials/x.html", true),
            ("/site/static/style.css", true),
            ("/site/public/index.html", false),
            ("/site/content/articles/.a.md.swp", false),
            ("/site/content/articles/a.md~", false),
            ("/site/content/articles/4913", false),
            ("/site/content/notes.txt", false),
            ("/elsewhere/site.toml", false),
        ];
        for (path, expected) in table {
            assert_eq!(concerns_site(root, Path::new(path)), expected, "{path}");
        }
    }
}
