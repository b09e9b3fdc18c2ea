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
    (WORKFLOW, include_str!("../../.github/workflows/pages.yml")),
];

const WORKFLOW: &str = ".github/workflows/pages.yml";
/// The GitHub repository (OWNER/NAME) whose release this binary is, set by
/// the release workflow: a new site's workflow downloads fihris from there.
const RELEASED_FROM: Option<&str> = option_env!("FIHRIS_REPOSITORY");
/// Where the workflow names that repository: the `''` is filled in.
const WORKFLOW_REPOSITORY: &str = "FIHRIS_REPOSITORY: ${{ vars.FIHRIS_REPOSITORY || '' }}";

pub fn run(args: &InitArgs) -> Outcome {
    match write_site(&args.dir) {
        Ok(()) => {
            let files: Vec<&str> = STARTER.iter().map(|(path, _)| *path).collect();
            let summary = format!(
                "wrote a new site in {}: {}\nnext: cd {} && {} serve\nto publish it on GitHub Pages, push it to a repository on GitHub and choose Settings → Pages → Source: GitHub Actions (.github/workflows/pages.yml says more)",
                args.dir.display(),
                files.join(", "),
                shell_word(&args.dir.to_string_lossy()),
                this_command()
            );
            Outcome::Done { summary, warnings: Default::default(), all_warnings: false }
        }
        Err(problem) => Outcome::Failed([problem].into_iter().collect()),
    }
}

/// How to run this program in a shell, so that the printed next step works
/// as printed: `fihris` when that command is this program (installed with
/// `cargo install`), else its path (`cargo run -- init` runs it from target/).
fn this_command() -> String {
    let this = std::env::current_exe().and_then(|path| path.canonicalize()).ok();
    let name = if cfg!(windows) { "fihris.exe" } else { "fihris" };
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join(name)).find(|path| path.is_file())?.canonicalize().ok()
    });
    match this {
        Some(this) if on_path.as_ref() != Some(&this) => shell_word(&this.to_string_lossy()),
        _ => "fihris".to_owned(),
    }
}

/// `word` as one word for a shell: as it is when it is plain, else quoted.
fn shell_word(word: &str) -> String {
    let plain = |c: char| {
        c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ':' | '@') || (cfg!(windows) && c == '\\')
    };
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else if cfg!(windows) {
        format!("\"{word}\"")
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
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
        let text = match (*path, RELEASED_FROM) {
            (WORKFLOW, Some(repository)) => {
                let named = WORKFLOW_REPOSITORY.replace("''", &format!("'{repository}'"));
                text.replacen(WORKFLOW_REPOSITORY, &named, 1)
            }
            _ => (*text).to_owned(),
        };
        let written =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, &text));
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

    #[cfg(unix)]
    #[test]
    fn shell_words() {
        let table = [
            ("my-archive", "my-archive"),
            ("/home/user/أرشيف", "/home/user/أرشيف"),
            ("my archive", "'my archive'"),
            ("it's", "'it'\\''s'"),
            ("a;rm -rf x", "'a;rm -rf x'"),
            ("", "''"),
        ];
        for (word, shown) in table {
            assert_eq!(shell_word(word), shown, "{word}");
        }
    }

    /// The line a released binary fills in is in the workflow as written.
    #[test]
    fn the_workflow_names_its_repository_in_one_place() {
        let (_, workflow) = STARTER.iter().find(|(path, _)| *path == WORKFLOW).expect("the workflow");
        assert_eq!(workflow.matches(WORKFLOW_REPOSITORY).count(), 1);
        assert!(!workflow.contains("cargo install --locked fihris"), "fihris is not on crates.io");
    }

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
