//! Rendering: every page of the site from the index, through the templates, to
//! an [`Output`]. Pages are independent jobs rendered in parallel; what they
//! share (cards, entity links, the page list, the highlighter) is prepared
//! once in a [`Renderer`], which the preview server keeps and updates.

pub mod assets;
pub mod data;
mod feeds;
pub mod markdown;
mod pages;
pub mod structured;
pub mod templates;
pub mod urls;
pub mod views;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use tera::Context;

use crate::content::Article;
use crate::content::Located;
use crate::diagnostics::{Diagnostic, Location};
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::output::Output;
use crate::site::Site;
use markdown::Highlighter;
use templates::Templates;
use urls::Urls;
use views::{Cards, SiteView};

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Job {
    Home,
    NotFound,
    /// The search page (its index is among the site files).
    Search,
    Entities(Kind),
    Article(ArticleId),
    /// Page `page` (1-based) of an entity's articles.
    Entity(EntityId, usize),
    /// The Atom feed of the whole site.
    SiteFeed,
    /// The Atom feed of an entity.
    EntityFeed(EntityId),
    /// A page that sends an old link on to the page it became.
    Redirect(OldPath),
}

/// An old path of a page: the `n`th of an article's `aliases` or of an
/// entity's `old_paths`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OldPath {
    Article(ArticleId, usize),
    Entity(EntityId, usize),
}

impl OldPath {
    /// The old page path and where it was written.
    fn located(self, site: &Site) -> &Located<String> {
        match self {
            OldPath::Article(id, n) => &site.article(id).aliases[n],
            OldPath::Entity(id, n) => &site.catalog.get(id).old_paths[n],
        }
    }

    /// The page it leads to.
    fn target(self) -> Job {
        match self {
            OldPath::Article(id, _) => Job::Article(id),
            OldPath::Entity(id, _) => Job::Entity(id, 1),
        }
    }
}

impl Job {
    /// Whether the sitemap lists it: pages people should find, not the 404
    /// page, feeds or redirects.
    pub fn in_sitemap(self) -> bool {
        matches!(self, Job::Home | Job::Search | Job::Entities(_) | Job::Article(_) | Job::Entity(..))
    }

    /// What writes this page, for an error naming both writers of one path:
    /// a description, and the file and place when it comes from one.
    fn origin(self, site: &Site) -> (String, Option<(PathBuf, Option<Location>)>) {
        match self {
            Job::Article(id) => {
                let path = &site.article(id).path;
                (format!("the article {}", path.display()), Some((path.clone(), None)))
            }
            Job::Entity(id, _) | Job::EntityFeed(id) => {
                let entity = site.catalog.get(id);
                let list = entity.kind.list_path();
                (format!("[{}] in {}", entity.key, list.display()), Some((list, Some(entity.location.clone()))))
            }
            Job::Redirect(old) => {
                let located = old.located(site);
                let (what, file) = match old {
                    OldPath::Article(id, _) => ("`aliases`", site.article(id).path.clone()),
                    OldPath::Entity(id, _) => ("`old_paths`", site.catalog.get(id).kind.list_path()),
                };
                let owner = match old {
                    OldPath::Article(..) => file.display().to_string(),
                    OldPath::Entity(id, _) => format!("[{}] in {}", site.catalog.get(id).key, file.display()),
                };
                (format!("an old path in {what} of {owner}"), Some((file, Some(located.location.clone()))))
            }
            Job::Home | Job::NotFound | Job::Search | Job::Entities(_) | Job::SiteFeed => {
                ("a page of the site".to_owned(), None)
            }
        }
    }
}

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// HTML pages, redirects included.
    pub pages: usize,
    pub feeds: usize,
}

/// The files [`Renderer::render_site_files`] may write, which a static file
/// may not replace.
pub const SITE_FILES: [&str; 8] = [
    ".nojekyll",
    "CNAME",
    "sitemap.xml",
    "robots.txt",
    data::ARTICLES_PATH,
    data::ENTITIES_PATH,
    data::ARTICLES_SCHEMA_PATH,
    data::ENTITIES_SCHEMA_PATH,
];

/// What every page shares, prepared once per build.
pub struct Renderer {
    urls: Urls,
    cards: Cards,
    entity_urls: Vec<String>,
    /// Every page path, for checking internal links.
    pages: FxHashSet<String>,
    highlighter: Highlighter,
}

/// Renders every page of `site`, its host files and static files into
/// `output`. All problems are returned together.
pub fn render(
    site: &Site,
    templates: &mut Templates,
    root: &Path,
    output: &dyn Output,
) -> Result<Stats, Vec<Diagnostic>> {
    let renderer = Renderer::new(site, templates);
    let jobs = Renderer::jobs(site);
    let clashes = Renderer::check_paths(site, &jobs);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    let static_files = assets::static_files(root)?;
    assets::check_static_collisions(&renderer.pages, &static_files)?;
    let mut problems = renderer.render_pages(site, templates, &jobs, output);
    problems.extend(renderer.render_site_files(site, templates, &jobs, output));
    for (path, bytes) in &static_files {
        if let Err(err) = output.write(path, bytes) {
            problems.push(write_error(path, &err));
        }
    }
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    let feeds = jobs.iter().filter(|job| matches!(job, Job::SiteFeed | Job::EntityFeed(_))).count();
    Ok(Stats { pages: jobs.len() - feeds, feeds })
}

/// The error for a file that could not be written. A full disk fails every
/// file alike, so it is one error for all of them (the output says more).
pub fn write_error(path: &str, err: &std::io::Error) -> Diagnostic {
    if crate::output::is_full(err) {
        return disk_full();
    }
    Diagnostic::error(format!("cannot write {path}: {err}"))
        .with_help("check that the output folder is writable and the disk is not full")
}

/// What [`write_error`] says for every file a full disk refused.
pub fn disk_full() -> Diagnostic {
    Diagnostic::error("the disk is full").with_help("free some space on the disk, or write the site to another one")
}

impl Renderer {
    /// Prepares the cards and links of `site` and gives the templates `site`.
    pub fn new(site: &Site, templates: &mut Templates) -> Renderer {
        let urls = Urls::new(&site.config.base_url, site.config.base_path());
        let mut globals = Context::new();
        globals.insert("site", &SiteView::new(&site.config, &urls));
        templates.set_globals(globals);
        let cards = Cards::new(site, &urls);
        let entity_urls = cards.entities.iter().map(|c| c.url.clone()).collect();
        let pages = Renderer::jobs(site).into_iter().map(|job| Renderer::path(site, job)).collect();
        Renderer { urls, cards, entity_urls, pages, highlighter: Highlighter::default() }
    }

    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// Every page and feed, in a stable order.
    pub fn jobs(site: &Site) -> Vec<Job> {
        let mut jobs = vec![Job::Home, Job::NotFound, Job::Search, Job::SiteFeed];
        jobs.extend(Kind::ALL.map(Job::Entities));
        jobs.extend(site.index.newest_first.iter().map(|&id| Job::Article(id)));
        for id in site.catalog.ids() {
            jobs.extend(Renderer::entity_jobs(site, id));
            jobs.push(Job::EntityFeed(id));
        }
        for (id, article) in site.corpus.articles.iter().enumerate() {
            jobs.extend(Renderer::redirect_jobs(id as ArticleId, article));
        }
        for id in site.catalog.ids() {
            jobs.extend((0..site.catalog.get(id).old_paths.len()).map(|n| Job::Redirect(OldPath::Entity(id, n))));
        }
        jobs
    }

    /// The redirects to an article from its old paths.
    pub fn redirect_jobs(id: ArticleId, article: &Article) -> impl Iterator<Item = Job> {
        (0..article.aliases.len()).map(move |n| Job::Redirect(OldPath::Article(id, n)))
    }

    /// Two jobs writing one path is an error naming both; the index has
    /// already told slugs and keys apart, so what is left is an old path
    /// equal to a page, or to another old path. Paths that differ only in
    /// case or Unicode normalization count as one: they are one file on
    /// macOS and Windows.
    pub fn check_paths(site: &Site, jobs: &[Job]) -> Vec<Diagnostic> {
        let mut writers: FxHashMap<String, (String, Job)> = FxHashMap::default();
        let mut problems = Vec::new();
        for &job in jobs {
            let path = Renderer::path(site, job);
            let Some((first_path, first)) = writers.insert(crate::output::fold_path(&path), (path.clone(), job)) else {
                continue;
            };
            let ((first_what, _), (what, place)) = (first.origin(site), job.origin(site));
            let message = if first_path == path {
                format!("/{path} is written twice: by {first_what} and by {what}")
            } else {
                format!(
                    "/{first_path} and /{path} differ only in case or Unicode normalization, so they are one file on macOS and Windows: written by {first_what} and by {what}"
                )
            };
            let mut problem = Diagnostic::error(message).with_help(
                "an old path must lead to a page that moved, not be the address of another page; remove or change it",
            );
            if let Some((file, location)) = place {
                problem = problem.in_file(file);
                if let Some(location) = location {
                    problem = problem.at(location);
                }
            }
            problems.push(problem);
        }
        problems
    }

    /// The pages of one entity.
    pub fn entity_jobs(site: &Site, id: EntityId) -> impl Iterator<Item = Job> {
        let pages = site.index.articles_of[id as usize].len().div_ceil(site.config.entity_page_size).max(1);
        (1..=pages).map(move |page| Job::Entity(id, page))
    }

    /// The page path of a job (`""` is the home page).
    pub fn path(site: &Site, job: Job) -> String {
        match job {
            Job::Home => String::new(),
            Job::NotFound => "404.html".to_owned(),
            Job::Search => crate::search::PAGE.to_owned(),
            Job::Entities(kind) => format!("{}/", kind.section()),
            Job::Article(id) => Urls::article(&site.article(id).slug),
            Job::Entity(id, page) => Urls::paginated(&Urls::entity(site.catalog.get(id)), page),
            Job::SiteFeed => Urls::feed(""),
            Job::EntityFeed(id) => Urls::feed(&Urls::entity(site.catalog.get(id))),
            Job::Redirect(old) => old.located(site).value.clone(),
        }
    }

    /// Renders `jobs` in parallel into `output`.
    pub fn render_pages(
        &self,
        site: &Site,
        templates: &Templates,
        jobs: &[Job],
        output: &dyn Output,
    ) -> Vec<Diagnostic> {
        jobs.par_iter()
            .flat_map_iter(|&job| {
                let path = Renderer::path(site, job);
                let page = self.page_context(site, job, &path);
                let mut problems = page.problems;
                match templates.render(page.template, &page.context) {
                    Ok(html) => {
                        if let Err(err) = output.write(&Urls::file(&path), &html) {
                            problems.push(write_error(&path, &err));
                        }
                    }
                    Err(more) => problems.extend(more),
                }
                problems
            })
            .collect()
    }

    /// The files of the whole site that are not pages: sitemap.xml,
    /// robots.txt, .nojekyll, CNAME, and the data files with their schemas.
    pub fn render_site_files(
        &self,
        site: &Site,
        templates: &Templates,
        jobs: &[Job],
        output: &dyn Output,
    ) -> Vec<Diagnostic> {
        let lastmod = |job: Job| match job {
            Job::Article(id) => site.article(id).published.map(|p| p.date.to_string()),
            _ => None,
        };
        let entries: Vec<SitemapEntry> = jobs
            .iter()
            .filter(|job| job.in_sitemap())
            .map(|&job| SitemapEntry {
                permalink: self.urls.permalink(&Renderer::path(site, job)),
                lastmod: lastmod(job),
            })
            .collect();
        let mut context = Context::new();
        context.insert("entries", &entries);
        context.insert("sitemap_url", &self.urls.permalink("sitemap.xml"));
        let mut problems = Vec::new();
        let mut files = vec![
            (".nojekyll", Vec::new()),
            (data::ARTICLES_PATH, data::articles_json(site, &self.urls)),
            (data::ENTITIES_PATH, data::entities_json(site, &self.urls)),
        ];
        files.extend(data::SCHEMAS.map(|(path, text)| (path, text.as_bytes().to_vec())));
        for name in ["sitemap.xml", "robots.txt"] {
            match templates.render(name, &context) {
                Ok(bytes) => files.push((name, bytes)),
                Err(more) => problems.extend(more),
            }
        }
        if let Some(domain) = &site.config.domain {
            files.push(("CNAME", format!("{domain}\n").into_bytes()));
        }
        let search_files = crate::search::files(site, &self.urls);
        let all = files.into_iter().map(|(path, bytes)| (path.to_owned(), bytes)).chain(search_files);
        for (path, bytes) in all {
            if let Err(err) = output.write(&path, &bytes) {
                problems.push(write_error(&path, &err));
            }
        }
        problems
    }

    /// Brings the cards and page list up to date after `articles` and
    /// `entities` changed (the preview server's incremental rebuild).
    pub fn refresh(&mut self, site: &Site, articles: &[ArticleId], entities: &[EntityId]) {
        for &id in entities {
            self.cards.update_entity(site, &self.urls, id);
        }
        for &id in articles {
            self.cards.update_article(site, &self.urls, id);
        }
        self.pages = Renderer::jobs(site).into_iter().map(|job| Renderer::path(site, job)).collect();
    }
}

#[derive(Serialize)]
struct SitemapEntry {
    permalink: String,
    lastmod: Option<String>,
}
