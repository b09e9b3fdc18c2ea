//! `site.toml`: the raw shape the file has, then a validated [`Config`] with every
//! default filled in. Only `title` and `base_url` are required.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::arabic::dates::{DateStyle, Digits, MonthNames};
use crate::diagnostics::{Diagnostic, Location};

/// Which mentions of an entity become links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkMentions {
    /// The first mention of each entity in an article.
    #[default]
    First,
    All,
    None,
}

/// `site.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    // Both required; optional here so that a missing one gets its own message.
    title: Option<String>,
    base_url: Option<String>,
    description: Option<String>,
    #[serde(default)]
    link_mentions: LinkMentions,
    /// One month column, or two joined by `/`: `"levant/egypt"`.
    date_months: Option<String>,
    date_digits: Option<Digits>,
    #[serde(default)]
    date_weekday: bool,
    output_dir: Option<PathBuf>,
    domain: Option<String>,
    story_days: Option<u32>,
    /// Older names: `related_days` is `story_days`; `related_max` has no
    /// use since an article shows its whole story.
    related_days: Option<u32>,
    related_max: Option<usize>,
    home_articles: Option<usize>,
    home_entities: Option<usize>,
    entity_page_size: Option<usize>,
    feed_entries: Option<usize>,
    sanitize_html: Option<bool>,
    #[serde(default)]
    remote_images: bool,
    #[serde(default)]
    extra: toml::Table,
}

/// The validated configuration of a site.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub description: String,
    pub link_mentions: LinkMentions,
    pub dates: DateStyle,
    pub output_dir: PathBuf,
    pub domain: Option<String>,
    /// A story stays open to a new article for this many days after its
    /// newest one.
    pub story_days: u32,
    /// Keys of `site.toml` that are no longer used, for a warning.
    pub retired: Vec<&'static str>,
    pub home_articles: usize,
    pub home_entities: usize,
    pub entity_page_size: usize,
    /// The newest this many articles are in each feed.
    pub feed_entries: usize,
    pub sanitize_html: bool,
    /// Show lead images that are on other hosts (each view tells that host
    /// who reads the archive); otherwise they become links.
    pub remote_images: bool,
    pub extra: toml::Table,
    /// What reading the file warned about (control characters taken out).
    warnings: Vec<Diagnostic>,
}

pub const CONFIG_FILE: &str = "site.toml";

impl Config {
    /// Reads and validates `ROOT/site.toml`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        if !path.exists() {
            return Err(vec![no_site_here(root)]);
        }
        let (text, warnings) = crate::content::read_text(&path, Path::new(CONFIG_FILE)).map_err(|d| vec![d])?;
        let mut config = Config::parse(&text)?;
        config.warnings = warnings;
        Ok(config)
    }

    /// Validates the text of a `site.toml`.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let file = Path::new(CONFIG_FILE);
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let raw: RawConfig = crate::parse::toml(file, text, text, 0).map_err(|d| vec![d])?;
        let mut problems = Vec::new();
        let at_key = |key: &str| {
            let offset = text.find(&format!("\n{key}")).map_or(0, |i| i + 1);
            Location::at(text, offset)
        };

        let base_url = match &raw.base_url {
            None => {
                problems.push(
                    Diagnostic::error("site.toml has no `base_url`: the address the site is published at")
                        .in_file(file)
                        .with_help("add a line such as base_url = \"https://USER.github.io/REPO/\" (or your domain); `fihris build --base-url URL` overrides it"),
                );
                String::from("https://example.org/")
            }
            Some(written) => normalize_base_url(written).unwrap_or_else(|help| {
                problems.push(
                    Diagnostic::error(format!("`base_url` is not an absolute http(s) URL: {written:?}"))
                        .in_file(file)
                        .at(at_key("base_url"))
                        .with_help(help),
                );
                String::from("https://example.org/")
            }),
        };
        let months = match raw.date_months.as_deref() {
            None => DateStyle::default().months,
            Some(spec) => parse_months(spec).unwrap_or_else(|| {
                problems.push(
                    Diagnostic::error(format!("unknown `date_months`: {spec:?}"))
                        .in_file(file)
                        .at(at_key("date_months"))
                        .with_help(
                            "use egypt, levant, maghreb or morocco, or two of them joined by `/` (\"levant/egypt\")",
                        ),
                );
                DateStyle::default().months
            }),
        };
        for (key, value) in [
            ("home_articles", raw.home_articles),
            ("entity_page_size", raw.entity_page_size),
            ("feed_entries", raw.feed_entries),
        ] {
            if value == Some(0) {
                problems.push(
                    Diagnostic::error(format!("`{key}` must be at least 1"))
                        .in_file(file)
                        .at(at_key(key))
                        .with_help("remove the line to use the default"),
                );
            }
        }
        match &raw.title {
            None => problems.push(
                Diagnostic::error("site.toml has no `title`")
                    .in_file(file)
                    .with_help("add a line with the site's name, such as title = \"أرشيف الأخبار\""),
            ),
            Some(title) if title.trim().is_empty() => problems.push(
                Diagnostic::error("`title` is empty")
                    .in_file(file)
                    .at(at_key("title"))
                    .with_help("give the site a name"),
            ),
            Some(_) => {}
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Config {
            title: raw.title.unwrap_or_default(),
            base_url,
            description: raw.description.unwrap_or_default(),
            link_mentions: raw.link_mentions,
            dates: DateStyle { months, digits: raw.date_digits.unwrap_or_default(), weekday: raw.date_weekday },
            output_dir: raw.output_dir.unwrap_or_else(|| PathBuf::from("public")),
            domain: raw.domain.filter(|d| !d.trim().is_empty()),
            story_days: raw.story_days.or(raw.related_days).unwrap_or(3),
            retired: [("related_days", raw.related_days.is_some()), ("related_max", raw.related_max.is_some())]
                .into_iter()
                .filter_map(|(key, set)| set.then_some(key))
                .collect(),
            home_articles: raw.home_articles.unwrap_or(20),
            home_entities: raw.home_entities.unwrap_or(10),
            entity_page_size: raw.entity_page_size.unwrap_or(50),
            feed_entries: raw.feed_entries.unwrap_or(20),
            sanitize_html: raw.sanitize_html.unwrap_or(true),
            remote_images: raw.remote_images,
            extra: raw.extra,
            warnings: Vec::new(),
        })
    }

    /// What a valid configuration still warns about: trusting article HTML,
    /// and what was taken out of the file when it was read.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let mut warnings = self.warnings.clone();
        for key in &self.retired {
            let help = match *key {
                "related_days" => "rename it `story_days`: articles about one event are now grouped into stories",
                _ => "remove it: an article's page now lists its whole story",
            };
            warnings.push(
                Diagnostic::warning(format!("`{key}` in {CONFIG_FILE} is no longer used"))
                    .in_file(CONFIG_FILE)
                    .with_help(help),
            );
        }
        if !self.sanitize_html {
            warnings.push(
                Diagnostic::warning("`sanitize_html = false`: HTML in articles is copied as it is, scripts included")
                    .in_file(CONFIG_FILE)
                    .with_help("keep it only for text you wrote yourself; scraped pages can carry scripts that would run on your site"),
            );
        }
        warnings
    }

    /// Replaces the base URL (the `--base-url` option).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        self.base_url = normalize_base_url(url).map_err(|help| {
            Diagnostic::error(format!("--base-url is not an absolute http(s) URL: {url:?}")).with_help(help)
        })?;
        Ok(())
    }

    /// The path part of the base URL, always starting and ending with `/`:
    /// `/` at a domain root, `/fihris/` for a project site.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |i| i + 3);
        let path_start = self.base_url[after_scheme..].find('/').map_or(self.base_url.len(), |i| after_scheme + i);
        &self.base_url[path_start..]
    }

    /// A configuration for tests.
    pub fn for_test() -> Config {
        Config::parse("title = \"أرشيف\"\nbase_url = \"https://example.org/\"\n")
            .expect("the test configuration is valid")
    }
}

/// The error for a folder without `site.toml`.
pub fn no_site_here(root: &Path) -> Diagnostic {
    let folder = if root.as_os_str().is_empty() || root == Path::new(".") {
        "this folder".to_owned()
    } else {
        root.display().to_string()
    };
    Diagnostic::error(format!("there is no site here: {folder} has no {CONFIG_FILE}"))
        .with_help("run fihris in the folder of a site (the one with site.toml), pass --root DIR, or create a site with `fihris init DIR`")
}

fn normalize_base_url(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("write the full address, e.g. https://example.org/ or https://USER.github.io/REPO/")?;
    if rest.is_empty() || rest.starts_with('/') || url.contains(['?', '#', ' ']) {
        return Err("write the full address, e.g. https://example.org/ or https://USER.github.io/REPO/");
    }
    let mut url = url.to_owned();
    if !rest.contains('/') || !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

fn parse_months(spec: &str) -> Option<Vec<MonthNames>> {
    spec.split('/')
        .map(|part| match part.trim() {
            "egypt" => Some(MonthNames::Egypt),
            "levant" => Some(MonthNames::Levant),
            "maghreb" => Some(MonthNames::Maghreb),
            "morocco" => Some(MonthNames::Morocco),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let config = Config::for_test();
        assert_eq!(config.link_mentions, LinkMentions::First);
        assert_eq!(config.output_dir, PathBuf::from("public"));
        assert_eq!(config.base_path(), "/");
        assert!(config.sanitize_html);
        assert!(!config.remote_images);
    }

    #[test]
    fn base_path_of_a_project_site() {
        let mut config = Config::for_test();
        config.set_base_url("https://example.org/fihris").expect("valid URL");
        assert_eq!(config.base_url, "https://example.org/fihris/");
        assert_eq!(config.base_path(), "/fihris/");
        config.set_base_url("http://127.0.0.1:1111").expect("valid URL");
        assert_eq!(config.base_path(), "/");
        assert!(config.set_base_url("example.org").is_err());
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let errors =
            Config::parse("title = \"x\"\nbase_url = \"https://e.org/\"\nlink_mention = \"all\"\n").expect_err("typo");
        assert_eq!(errors[0].location.as_ref().map(|l| l.line), Some(3));
        assert!(errors[0].help.as_deref().unwrap_or_default().contains("link_mentions"));
    }

    #[test]
    fn retired_keys_warn_and_related_days_still_counts() {
        let config = Config::parse("title = \"x\"\nbase_url = \"https://e.org/\"\nrelated_days = 5\nrelated_max = 2\n")
            .expect("valid");
        assert_eq!(config.story_days, 5);
        let warnings = config.warnings();
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].help.as_deref().unwrap_or_default().contains("story_days"));
        assert_eq!(Config::for_test().story_days, 3);
        assert!(Config::for_test().warnings().is_empty());
    }

    #[test]
    fn months_spec() {
        let config = Config::parse(
            "title = \"x\"\nbase_url = \"https://e.org/\"\ndate_months = \"maghreb\"\ndate_digits = \"arab\"\n",
        )
        .expect("valid");
        assert_eq!(config.dates.months, [MonthNames::Maghreb]);
        assert_eq!(config.dates.digits, Digits::Arab);
        assert!(Config::parse("title = \"x\"\nbase_url = \"https://e.org/\"\ndate_months = \"paris\"\n").is_err());
    }
}
