//! `fihris init DIR`: writes a new site that builds at once: a commented
//! `site.toml`, one sample article, the three entity lists with one entry
//! each, and the GitHub Pages workflow (the same file this repository
//! publishes its demo with). The files are compiled in from `starter/`.

use std::path::Path;

use crate::cli::InitArgs;
use crate::diagnostics::Diagnostic;

use super::Outcome;

/// The files of a new site, by path.
pub const STARTER: &[(&str, &str)] = &[
    ("site.toml", include_str!("../../starter/site.toml")),
    ("content/articles/first-article.md", include_str!("../../starter/content/articles/first-article.md")),
    ("content/people.toml", include_str!("../../starter/content/people.toml")),
    ("content/places.toml", include_str!("../../starter/content/places.toml")),
    ("content/sources.toml", include_str!("../../starter/content/sources.toml")),
    (".gitignore", include_str!("../../starter/.gitignore")),
    (".github/workflows/pages.yml", include_str!("../../.github/workflows/pages.yml")),
];

pub fn run(args: &InitArgs) -> Outcome {
    match write_site(&args.dir) {
        Ok(()) => {
            let dir = args.dir.display();
            let files: Vec<&str> = STARTER.iter().map(|(path, _)| *path).collect();
            let summary = format!(
                "wrote a new site in {dir}: {}\nnext: cd {dir} && fihris serve\nto publish it on GitHub Pages, push it to a repository on GitHub and choose Settings → Pages → Source: GitHub Actions (.github/workflows/pages.yml says more)",
                files.join(", ")
            );
            Outcome::Done { summary, warnings: Default::default(), all_warnings: false }
        }
        Err(problem) => Outcome::Failed([problem].into_iter().collect()),
    }
}

fn write_site(dir: &Path) -> Result<(), Diagnostic> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Diagnostic::error(format!("{} is a file, not a folder", dir.display()))
                .with_help("give the name of a new folder: fihris init my-archive"));
        }
        let mut entries = std::fs::read_dir(dir)
            .map_err(|err| Diagnostic::error(format!("cannot read the folder {}: {err}", dir.display())))?;
        if entries.next().is_some() {
            return Err(Diagnostic::error(format!("{} is not empty", dir.display()))
                .with_help("fihris init never overwrites files: give the name of a new or empty folder"));
        }
    }
    for (path, text) in STARTER {
        let target = dir.join(path);
        let written =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, text));
        written.map_err(|err| {
            Diagnostic::error(format!("cannot write {}: {err}", target.display()))
                .with_help("check that the folder is writable and the disk is not full")
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// Every option the starter's site.toml shows, uncommented, is valid.
    #[test]
    fn the_commented_options_are_valid() {
        let (_, text) = STARTER[0];
        let uncommented: String = text
            .lines()
            .map(|line| {
                let option = line.strip_prefix("# ").filter(|rest| {
                    rest.starts_with('[')
                        || rest
                            .split_once(" = ")
                            .is_some_and(|(key, _)| key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
                });
                option.unwrap_or(line)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config = Config::parse(&uncommented).unwrap_or_else(|problems| panic!("{problems:?}\n{uncommented}"));
        assert_eq!(config.domain.as_deref(), Some("archive.example.org"));
        assert_eq!(config.feed_entries, 20);
        assert!(config.extra.contains_key("contact"));
    }
}
