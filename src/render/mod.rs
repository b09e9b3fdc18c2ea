//! Rendering: every page of the site from the index, through the templates, to
//! an [`Output`]. Pages are independent jobs rendered in parallel; what they
//! share (cards, entity links, the page list, the highlighter) is prepared
//! once in a [`Renderer`], which the preview server keeps and updates.

pub mod assets;
pub mod markdown;
mod pages;
pub mod structured;
pub mod templates;
pub mod urls;
pub mod views;

use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
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
    Entities(Kind),
    Article(ArticleId),
    /// Page `page` (1-based) of an entity's articles.
    Entity(EntityId, usize),
}

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
}

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
    let static_files = assets::static_files(root)?;
    assets::check_static_collisions(&renderer.pages, &static_files)?;
    let jobs = Renderer::jobs(site);
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
    Ok(Stats { pages: jobs.len(), files: static_files.len() + 3 })
}

pub fn write_error(path: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write {path}: {err}"))
        .with_help("check that the output folder is writable and the disk is not full")
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

    /// Every page, in a stable order.
    pub fn jobs(site: &Site) -> Vec<Job> {
        let mut jobs = vec![Job::Home, Job::NotFound];
        jobs.extend(Kind::ALL.map(Job::Entities));
        jobs.extend(site.index.newest_first.iter().map(|&id| Job::Article(id)));
        for id in site.catalog.ids() {
            jobs.extend(Renderer::entity_jobs(site, id));
        }
        jobs
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
            Job::Entities(kind) => format!("{}/", kind.section()),
            Job::Article(id) => Urls::article(&site.article(id).slug),
            Job::Entity(id, page) => Urls::paginated(&Urls::entity(site.catalog.get(id)), page),
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

    /// sitemap.xml, robots.txt, .nojekyll and CNAME.
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
            .filter(|&&job| job != Job::NotFound)
            .map(|&job| SitemapEntry {
                permalink: self.urls.permalink(&Renderer::path(site, job)),
                lastmod: lastmod(job),
            })
            .collect();
        let mut context = Context::new();
        context.insert("entries", &entries);
        context.insert("sitemap_url", &self.urls.permalink("sitemap.xml"));
        let mut problems = Vec::new();
        let mut files = vec![(".nojekyll", Vec::new())];
        for name in ["sitemap.xml", "robots.txt"] {
            match templates.render(name, &context) {
                Ok(bytes) => files.push((name, bytes)),
                Err(more) => problems.extend(more),
            }
        }
        if let Some(domain) = &site.config.domain {
            files.push(("CNAME", format!("{domain}\n").into_bytes()));
        }
        for (path, bytes) in files {
            if let Err(err) = output.write(path, &bytes) {
                problems.push(write_error(path, &err));
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
