//! The site as the preview server holds it: analysed, rendered into memory,
//! and brought up to date by each batch of file changes. An edited article
//! re-renders that article, the entity pages that list it, the articles whose
//! related coverage it is part of, and the home and index pages; a template
//! re-renders the pages that use it; a static file is copied; the
//! configuration or an entity list rebuilds everything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::output::{MemoryOutput, Output};
use crate::render::templates::Templates;
use crate::render::urls::Urls;
use crate::render::{Job, Renderer, assets, write_error};
use crate::site::{self, Site, SiteOptions};

use super::changes::Change;

/// What open pages should do after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reload {
    /// Reload every page.
    All,
    /// Reload the pages at these paths (root-relative URLs).
    Pages(Vec<String>),
}

/// The result of a (re)build, for the terminal and the browser.
#[derive(Debug)]
pub struct Rebuilt {
    /// `None` when nothing was rendered (the build failed).
    pub reload: Option<Reload>,
    /// The problems the site has now (errors and warnings).
    pub problems: Diagnostics,
    pub summary: String,
}

struct Built {
    site: Site,
    templates: Templates,
    renderer: Renderer,
}

pub struct Preview {
    options: SiteOptions,
    built: Option<Built>,
    /// What the server answers with.
    pub files: Arc<MemoryOutput>,
    /// Problems of the last full build, and of articles edited since, by file.
    problems: Vec<Diagnostic>,
    static_paths: BTreeSet<String>,
    /// The sitemap and data files wait until the open pages have reloaded.
    site_files_stale: bool,
}

impl Preview {
    /// Builds the site into memory.
    pub fn new(options: SiteOptions) -> (Preview, Rebuilt) {
        let mut preview = Preview {
            options,
            built: None,
            files: Arc::new(MemoryOutput::default()),
            problems: Vec::new(),
            static_paths: BTreeSet::new(),
            site_files_stale: false,
        };
        let rebuilt = preview.rebuild_all();
        (preview, rebuilt)
    }

    pub fn base_path(&self) -> String {
        match &self.built {
            Some(built) => built.site.config.base_path().to_owned(),
            None => "/".to_owned(),
        }
    }

    /// Applies a batch of changes (several quick saves make one batch).
    pub fn apply(&mut self, mut changes: Vec<Change>) -> Rebuilt {
        changes.sort();
        changes.dedup();
        let needs_everything = self.built.is_none()
            || changes.iter().any(|c| match c {
                Change::Config | Change::EntityList => true,
                // A new or deleted article changes every list.
                Change::Article(path) => {
                    let on_disk = self.options.root.join(path).is_file();
                    let known = self.built.as_ref().and_then(|b| b.site.article_at(path)).is_some();
                    on_disk != known
                }
                _ => false,
            });
        if needs_everything {
            return self.rebuild_all();
        }
        let started = Instant::now();
        let mut reload = Vec::new();
        let mut all = false;
        let mut rendered = 0;
        let templates: Vec<&String> =
            changes.iter().filter_map(|c| if let Change::Template(n) = c { Some(n) } else { None }).collect();
        if !templates.is_empty() {
            match self.reload_templates(&templates) {
                Ok(count) => {
                    rendered += count;
                    all = true;
                }
                Err(problems) => return self.failed(problems, started),
            }
        }
        if changes.iter().any(|c| matches!(c, Change::Static(_))) {
            self.copy_static();
            all = true;
        }
        let articles: Vec<PathBuf> =
            changes.iter().filter_map(|c| if let Change::Article(p) = c { Some(p.clone()) } else { None }).collect();
        for path in articles {
            let (count, pages) = self.reload_article(&path);
            rendered += count;
            reload.extend(pages);
        }
        let reload = if all { Reload::All } else { Reload::Pages(reload) };
        Rebuilt {
            reload: Some(reload),
            problems: self.problems(),
            summary: format!("rebuilt {rendered} pages in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0),
        }
    }

    /// Renders the sitemap and the data files again after articles changed:
    /// they cover the whole site, and no open page shows them, so this runs
    /// after the reload message has gone out. Returns their problems, if any.
    pub fn refresh_site_files(&mut self) -> Option<Rebuilt> {
        if !std::mem::take(&mut self.site_files_stale) {
            return None;
        }
        let built = self.built.as_ref()?;
        let site = &built.site;
        let problems = built.renderer.render_site_files(site, &built.templates, &Renderer::jobs(site), &*self.files);
        if problems.is_empty() {
            return None;
        }
        self.problems.extend(problems);
        Some(Rebuilt { reload: None, problems: self.problems(), summary: "the site's data files failed".to_owned() })
    }

    fn problems(&self) -> Diagnostics {
        site::finish(self.problems.iter().cloned().collect())
    }

    fn failed(&mut self, problems: Vec<Diagnostic>, started: Instant) -> Rebuilt {
        self.problems = problems;
        Rebuilt {
            reload: None,
            problems: self.problems(),
            summary: format!(
                "build failed after {:.0} ms; still serving the last good pages",
                started.elapsed().as_secs_f64() * 1000.0
            ),
        }
    }

    /// Analyses and renders everything again.
    fn rebuild_all(&mut self) -> Rebuilt {
        let started = Instant::now();
        let mut diagnostics = Diagnostics::default();
        let previous = self.built.as_ref().map(|built| &built.site.corpus);
        let analysed = site::analyse(&self.options, previous, &mut diagnostics, &mut Vec::new());
        let (site, templates) = match analysed {
            Some((site, Some(templates))) if !diagnostics.has_errors() => (site, templates),
            _ => return self.failed(diagnostics.into_iter().collect(), started),
        };
        let mut templates = templates;
        let renderer = Renderer::new(&site, &mut templates);
        let files = MemoryOutput::default();
        let jobs = Renderer::jobs(&site);
        let mut problems = Renderer::check_paths(&site, &jobs);
        problems.extend(renderer.render_pages(&site, &templates, &jobs, &files));
        problems.extend(renderer.render_site_files(&site, &templates, &jobs, &files));
        match assets::static_files(&self.options.root) {
            Ok(statics) => {
                self.static_paths = statics.iter().map(|(p, _)| p.clone()).collect();
                for (path, bytes) in statics {
                    if let Err(err) = files.write(&path, &bytes) {
                        problems.push(write_error(&path, &err));
                    }
                }
            }
            Err(more) => problems.extend(more),
        }
        problems.extend(diagnostics);
        if problems.iter().any(Diagnostic::is_error) {
            return self.failed(problems, started);
        }
        self.files.replace_all(files);
        self.problems = problems;
        self.built = Some(Built { site, templates, renderer });
        Rebuilt {
            reload: Some(Reload::All),
            problems: self.problems(),
            summary: format!("built {} pages in {:.0} ms", jobs.len(), started.elapsed().as_secs_f64() * 1000.0),
        }
    }

    /// Reads the templates again and re-renders the pages that use them.
    fn reload_templates(&mut self, names: &[&String]) -> Result<usize, Vec<Diagnostic>> {
        let built = self.built.as_mut().expect("checked by apply");
        let mut templates = Templates::load(&self.options.root)?;
        built.renderer = Renderer::new(&built.site, &mut templates);
        built.templates = templates;
        let jobs: Vec<Job> = Renderer::jobs(&built.site)
            .into_iter()
            .filter(|job| names.iter().any(|name| uses_template(*job, name)))
            .collect();
        let mut problems = built.renderer.render_pages(&built.site, &built.templates, &jobs, &*self.files);
        if names.iter().any(|n| matches!(n.as_str(), "sitemap.xml" | "robots.txt")) {
            problems.extend(built.renderer.render_site_files(
                &built.site,
                &built.templates,
                &Renderer::jobs(&built.site),
                &*self.files,
            ));
        }
        if problems.iter().any(Diagnostic::is_error) {
            return Err(problems);
        }
        self.problems.retain(|p| {
            !p.path.as_ref().is_some_and(|path| path.starts_with("templates") || path.starts_with("(built-in"))
        });
        Ok(jobs.len())
    }

    /// Copies the static files again, removing those that are gone.
    fn copy_static(&mut self) {
        match assets::static_files(&self.options.root) {
            Ok(statics) => {
                let now: BTreeSet<String> = statics.iter().map(|(p, _)| p.clone()).collect();
                for gone in self.static_paths.difference(&now) {
                    self.files.remove(gone);
                }
                for (path, bytes) in &statics {
                    if let Err(err) = self.files.write(path, bytes) {
                        self.problems.push(write_error(path, &err));
                    }
                }
                self.static_paths = now;
            }
            Err(problems) => self.problems.extend(problems),
        }
    }

    /// Re-reads one article and re-renders what shows it. Returns how many
    /// pages were rendered and their URLs.
    fn reload_article(&mut self, path: &Path) -> (usize, Vec<String>) {
        let built = self.built.as_mut().expect("checked by apply");
        let Some(id) = built.site.article_at(path) else { return (0, Vec::new()) };
        let old_path = Renderer::path(&built.site, Job::Article(id));
        let (changed, warnings) = match built.site.reload_article(id) {
            Ok(reloaded) => reloaded,
            Err(problems) => {
                self.problems.retain(|p| p.path.as_deref() != Some(path));
                self.problems.extend(problems);
                return (0, Vec::new());
            }
        };
        self.problems.retain(|p| p.path.as_deref() != Some(path));
        self.problems.extend(warnings);
        let site = &built.site;
        let before: BTreeSet<String> = built.renderer_pages(site);
        let entities: Vec<_> = changed.entities.iter().map(|(e, _)| *e).collect();
        built.renderer.refresh(site, &changed.articles, &entities);
        let mut jobs: Vec<Job> = vec![Job::Home, Job::SiteFeed];
        jobs.extend(Kind::ALL.map(Job::Entities));
        jobs.extend(changed.articles.iter().map(|&a| Job::Article(a)));
        jobs.extend(Renderer::redirect_jobs(id, site.article(id)));
        for (entity, previous) in &changed.entities {
            jobs.extend(changed_entity_pages(site, *entity, previous, id));
            jobs.push(Job::EntityFeed(*entity));
        }
        let moved = old_path != Renderer::path(site, Job::Article(id)) || !site.article(id).aliases.is_empty();
        // Only a new slug or old path can make two things write one path.
        let mut problems = if moved { Renderer::check_paths(site, &Renderer::jobs(site)) } else { Vec::new() };
        problems.extend(built.renderer.render_pages(site, &built.templates, &jobs, &*self.files));
        self.problems.extend(problems);
        self.site_files_stale = true;
        // Pages that no longer exist (a new slug, fewer pages of an entity).
        let after = built.renderer_pages(site);
        let mut urls: Vec<String> = Vec::new();
        for gone in before.difference(&after) {
            self.files.remove(&Urls::file(gone));
            urls.push(built.renderer.urls().url(gone));
        }
        if old_path != Renderer::path(site, Job::Article(id)) {
            urls.push(built.renderer.urls().url(&old_path));
        }
        urls.extend(jobs.iter().map(|&job| built.renderer.urls().url(&Renderer::path(site, job))));
        (jobs.len(), urls)
    }
}

/// The pages of `entity` that show something else now that `article`
/// changed: the first (its count and co-mentions), and those whose slice of
/// the list differs or holds the article; all of them when their number did.
fn changed_entity_pages(site: &Site, entity: EntityId, previous: &[ArticleId], article: ArticleId) -> Vec<Job> {
    let per_page = site.config.entity_page_size;
    let now = &site.index.articles_of[entity as usize];
    let pages = |list: &[ArticleId]| list.len().div_ceil(per_page).max(1);
    if pages(now) != pages(previous) {
        return Renderer::entity_jobs(site, entity).collect();
    }
    let slice = |list: &[ArticleId], page: usize| -> Vec<ArticleId> {
        list.iter().skip((page - 1) * per_page).take(per_page).copied().collect()
    };
    (1..=pages(now))
        .filter(|&page| page == 1 || slice(now, page) != slice(previous, page) || slice(now, page).contains(&article))
        .map(|page| Job::Entity(entity, page))
        .collect()
}

impl Built {
    fn renderer_pages(&self, site: &Site) -> BTreeSet<String> {
        Renderer::jobs(site).into_iter().map(|job| Renderer::path(site, job)).collect()
    }
}

/// Whether the page of `job` is rendered with template `name` (base and
/// partials, and any template of the site's own, are taken as used by all).
pub fn uses_template(job: Job, name: &str) -> bool {
    match name {
        "home.html" => job == Job::Home,
        "404.html" => job == Job::NotFound,
        "article.html" => matches!(job, Job::Article(_)),
        "entity.html" => matches!(job, Job::Entity(..)),
        "entities.html" => matches!(job, Job::Entities(_)),
        "atom.xml" => matches!(job, Job::SiteFeed | Job::EntityFeed(_)),
        "redirect.html" => matches!(job, Job::Redirect(_)),
        "sitemap.xml" | "robots.txt" => false,
        _ => true,
    }
}
