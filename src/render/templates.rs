//! The Tera templates of a build: the defaults compiled into the binary, with a
//! site's own `templates/` files overriding them by name. Parsed once per build.

use std::path::{Path, PathBuf};

use tera::{Context, ErrorKind, Tera};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Location};

/// The default templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("entities.html", include_str!("../../templates/entities.html")),
    ("entity.html", include_str!("../../templates/entity.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("redirect.html", include_str!("../../templates/redirect.html")),
    ("atom.xml", include_str!("../../templates/atom.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    ("sitemap_index.xml", include_str!("../../templates/sitemap_index.xml")),
    ("robots.txt", include_str!("../../templates/robots.txt")),
    ("partials/article_list.html", include_str!("../../templates/partials/article_list.html")),
    ("partials/entity_list.html", include_str!("../../templates/partials/entity_list.html")),
    ("partials/story_box.html", include_str!("../../templates/partials/story_box.html")),
    ("partials/story_list.html", include_str!("../../templates/partials/story_list.html")),
    ("partials/story_meta.html", include_str!("../../templates/partials/story_meta.html")),
    ("partials/entity_stories.html", include_str!("../../templates/partials/entity_stories.html")),
    ("story.html", include_str!("../../templates/story.html")),
    ("stories.html", include_str!("../../templates/stories.html")),
    ("partials/quotes.html", include_str!("../../templates/partials/quotes.html")),
    ("partials/chart.html", include_str!("../../templates/partials/chart.html")),
    ("partials/entity_facts.html", include_str!("../../templates/partials/entity_facts.html")),
    ("partials/entity_rows.html", include_str!("../../templates/partials/entity_rows.html")),
    ("partials/home_latest.html", include_str!("../../templates/partials/home_latest.html")),
    ("partials/home_top.html", include_str!("../../templates/partials/home_top.html")),
    ("partials/index_orders.html", include_str!("../../templates/partials/index_orders.html")),
    ("partials/lead_image.html", include_str!("../../templates/partials/lead_image.html")),
    ("partials/mentioned_with.html", include_str!("../../templates/partials/mentioned_with.html")),
    ("partials/month_options.html", include_str!("../../templates/partials/month_options.html")),
];

pub const TEMPLATES_DIR: &str = "templates";

/// The templates that pages and files are rendered with; the others are
/// extended or included by them.
const PAGE_TEMPLATES: [&str; 13] = [
    "home.html",
    "story.html",
    "stories.html",
    "article.html",
    "entities.html",
    "entity.html",
    "404.html",
    "search.html",
    "redirect.html",
    "atom.xml",
    "sitemap.xml",
    "sitemap_index.xml",
    "robots.txt",
];

#[derive(Clone)]
pub struct Templates {
    tera: Tera,
    /// Every template's name and text, for the lines shown in error messages.
    sources: Vec<(String, String)>,
    /// Names overridden by the site, for error messages that name the right file.
    overridden: Vec<String>,
}

impl Templates {
    /// The defaults with `ROOT/templates/**` on top.
    pub fn load(root: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: Vec<(String, String)> =
            DEFAULTS.iter().map(|(n, s)| ((*n).to_owned(), (*s).to_owned())).collect();
        let mut overridden = Vec::new();
        let mut problems = Vec::new();
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let name = entry.path().strip_prefix(&dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
                if name.starts_with('.') || name.contains("/.") {
                    continue;
                }
                let shown = PathBuf::from(TEMPLATES_DIR).join(&name);
                match std::fs::read(entry.path())
                    .map_err(|e| e.to_string())
                    .and_then(|b| String::from_utf8(b).map_err(|_| "it is not UTF-8".to_owned()))
                {
                    Ok(text) => {
                        sources.retain(|(n, _)| *n != name);
                        sources.push((name.clone(), text.replace("\r\n", "\n")));
                        overridden.push(name);
                    }
                    Err(err) => problems.push(
                        Diagnostic::error(format!("cannot read the template: {err}"))
                            .in_file(shown)
                            .with_help("save it as UTF-8 text that fihris may read (chmod a+r), or remove it to use the built-in one"),
                    ),
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let added = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())));
        let templates = Templates { tera, sources, overridden };
        match added {
            Ok(()) => Ok(templates),
            Err(err) => Err(templates.diagnostics(&err, "")),
        }
    }

    /// Renders template `name` into bytes (a page is written as it is, so it
    /// is not checked again as a `String`).
    pub fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let mut out = Vec::with_capacity(32 * 1024);
        self.tera.render_to(name, context, &mut out).map_err(|err| self.diagnostics(&err, name))?;
        Ok(out)
    }

    /// A hash of each template a page or file is rendered with (its own
    /// text; what it includes is in [`Templates::shared_digest`]).
    pub fn page_digests(&self) -> Vec<(String, u64)> {
        self.sources
            .iter()
            .filter(|(name, _)| PAGE_TEMPLATES.contains(&name.as_str()))
            .map(|(name, text)| (name.clone(), xxhash_rust::xxh3::xxh3_64(text.as_bytes())))
            .collect()
    }

    /// A hash of the templates pages share (base, partials, the site's own).
    pub fn shared_digest(&self) -> u64 {
        let mut shared: Vec<&(String, String)> =
            self.sources.iter().filter(|(name, _)| !PAGE_TEMPLATES.contains(&name.as_str())).collect();
        shared.sort();
        let text: String = shared.iter().map(|(name, text)| format!("{name}\0{text}\0")).collect();
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    }

    /// Sets what every template sees (`site`).
    pub fn set_globals(&mut self, globals: Context) {
        *self.tera.global_context() = globals;
    }

    /// A Tera error as diagnostics in the template's file. Syntax and
    /// rendering errors carry their position; validation errors (an unknown
    /// filter, say) come as rendered reports, one per problem, which are read
    /// back for their message and position.
    fn diagnostics(&self, err: &tera::Error, rendering: &str) -> Vec<Diagnostic> {
        match err.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let name = Some(report.filename()).filter(|n| !n.is_empty()).unwrap_or(rendering);
                let span = report.span();
                vec![self.diagnostic(report.message(), name, Some((span.start_line, span.start_col + 1)))]
            }
            ErrorKind::Msg(text) if text.contains(" --> ") => text
                .split("error: ")
                .filter(|b| !b.trim().is_empty())
                .map(|block| self.report_block(block, rendering))
                .collect(),
            _ => vec![self.diagnostic(&err.to_string(), rendering, None)],
        }
    }

    /// Reads "MESSAGE\n --> NAME:LINE:COL\n…" as Tera renders its reports.
    fn report_block(&self, block: &str, rendering: &str) -> Diagnostic {
        let message = block.lines().next().unwrap_or_default().trim();
        let place = block.lines().find_map(|l| l.trim_start().strip_prefix("--> "));
        let parsed = place.and_then(|p| {
            let mut parts = p.trim().rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_owned(), line, column))
        });
        match parsed {
            Some((name, line, column)) => self.diagnostic(message, &name, Some((line, column))),
            None => self.diagnostic(message, rendering, None),
        }
    }

    fn diagnostic(&self, message: &str, name: &str, position: Option<(usize, usize)>) -> Diagnostic {
        let shown = if self.overridden.iter().any(|o| o == name) {
            PathBuf::from(TEMPLATES_DIR).join(name)
        } else {
            PathBuf::from(format!("(built-in template) {name}"))
        };
        let mut diagnostic = Diagnostic::error(format!("template error: {}", message.trim_start_matches("error: ")))
            .in_file(shown)
            .with_help("fix the template; `fihris check` shows all template errors without writing the site");
        if let Some((line, column)) = position {
            let source = self.sources.iter().find(|(n, _)| n == name).map(|(_, s)| s.as_str()).unwrap_or_default();
            diagnostic = diagnostic.at(Location::at_line(source, line, column));
        }
        diagnostic
    }
}
