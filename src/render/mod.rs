//! Rendering: the pages of the [`plan`](crate::plan) through the templates,
//! and the groups of site files, into an [`Output`]. Each page first gets its
//! fingerprint (what it shows, hashed: cheap, no rendering); only pages whose
//! fingerprint differs from the last build's are rendered and written. Pages
//! are independent jobs rendered in parallel; what they share (cards, entity
//! links, the page list, the highlighter) is prepared once in a [`Renderer`].

pub mod assets;
pub mod cards;
pub mod charts;
pub mod data;
mod feeds;
mod fingerprint;
pub mod images;
pub mod markdown;
mod marking;
mod pages;
pub mod search;
mod story;
mod story_list;
pub mod structured;
pub mod templates;
pub mod views;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::output::Output;
use crate::plan::{self, Group, GroupFiles, Job, Manifest, Plan};
use crate::site::Site;
use crate::urls::Urls;
use cards::Cards;
use fingerprint::Digests;
use markdown::Highlighter;
use templates::Templates;
use views::SiteView;

/// What a build rendered and wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// HTML pages, redirects included.
    pub pages: usize,
    pub feeds: usize,
    /// Files written because their bytes changed (or were new).
    pub written: usize,
    /// Files of the last build that were left as they were.
    pub kept: usize,
    /// The root-relative URLs of the pages written, for the preview to reload.
    pub written_pages: Vec<String>,
    /// Whether a static file (the stylesheet, say) was written.
    pub static_changed: bool,
}

/// What every page shares, prepared once per build.
pub struct Renderer<'s> {
    site: &'s Site,
    templates: &'s Templates,
    urls: Urls,
    cards: Cards<'s>,
    digests: Digests,
    plan: Plan,
    /// The site's own and the built-in static files, or why they cannot be read.
    statics: Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>>,
    /// The link of every entity's page.
    entity_urls: Vec<String>,
    highlighter: Highlighter,
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

impl Stats {
    /// Adds what another part of the build rendered and wrote.
    pub fn add(&mut self, more: Stats) {
        self.pages += more.pages;
        self.feeds += more.feeds;
        self.written += more.written;
        self.kept += more.kept;
        self.written_pages.extend(more.written_pages);
        self.static_changed |= more.static_changed;
    }
}

impl<'s> Renderer<'s> {
    /// Plans the pages of `site` (see [`Plan::of`] for `last`) and gives the
    /// templates `site`. Two pages with one path are errors.
    pub fn new(
        site: &'s Site,
        templates: &'s mut Templates,
        last: Option<Plan>,
    ) -> Result<Renderer<'s>, Vec<Diagnostic>> {
        let urls = Urls::new(&site.config.base_url, site.config.base_path());
        let mut globals = Context::new();
        globals.insert("site", &SiteView::new(&site.config, &urls));
        templates.set_globals(globals);
        let plan = Plan::of(site, last)?;
        let entity_urls = site.catalog.entities.iter().map(|e| urls.url(&Urls::entity(e))).collect();
        let templates: &'s Templates = templates;
        let cards = Cards::new(site, urls.clone());
        Ok(Renderer {
            site,
            templates,
            entity_urls,
            digests: Digests::new(site, templates),
            cards,
            urls,
            plan,
            statics: assets::static_files(&site.root),
            highlighter: Highlighter::default(),
        })
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// A digest of what every file of the site is made with besides the
    /// articles and entity lists: the configuration, the templates and the
    /// static files (lead images among them); `None` when the static files
    /// cannot be read.
    pub fn inputs(&self) -> Option<u64> {
        let statics = fingerprint::files_digest(self.statics.as_ref().ok()?);
        Some(xxhash_rust::xxh3::xxh3_64(&[self.digests.every_page().to_le_bytes(), statics.to_le_bytes()].concat()))
    }

    /// The pages of `previous`, kept as they are: what a build whose inputs
    /// and articles are all as they were renders.
    pub fn keep_pages(&self, previous: &Manifest) -> (FxHashMap<String, u64>, Stats) {
        let feeds = self.plan.jobs.iter().filter(|job| job.is_feed()).count();
        let stats =
            Stats { pages: self.plan.jobs.len() - feeds, feeds, kept: previous.pages.len(), ..Stats::default() };
        (previous.pages.clone(), stats)
    }

    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// The pages of the plan in two lists: those of `first` (all when it is
    /// `None`), then the others, each in the plan's order.
    pub fn split_jobs(&self, first: Option<&[Job]>) -> (Vec<Job>, Vec<Job>) {
        match first {
            None => (self.plan.jobs.clone(), Vec::new()),
            Some(first) => {
                let first: FxHashSet<Job> = first.iter().copied().collect();
                self.plan.jobs.iter().partition(|job| first.contains(job))
            }
        }
    }

    /// Renders every page of `jobs` whose fingerprint is not the one
    /// `previous` has for its file, into `output`, in parallel. Returns the
    /// fingerprints of those pages, what was written, and the problems found.
    pub fn render_pages(
        &self,
        previous: &Manifest,
        output: &dyn Output,
        jobs: &[Job],
    ) -> (FxHashMap<String, u64>, Stats, Vec<Diagnostic>) {
        let results: Vec<(String, u64, Option<String>, Vec<Diagnostic>)> = jobs
            .par_iter()
            .map(|&job| {
                let path = job.path(self.site);
                let file = Urls::file(&path);
                let fingerprint = self.fingerprint(job);
                if previous.pages.get(&file) == Some(&fingerprint) {
                    return (file, fingerprint, None, Vec::new());
                }
                let page = self.page_context(job, &path);
                let mut problems = page.problems;
                match self.templates.render(job.template(), &page.context) {
                    Ok(bytes) => {
                        if let Err(err) = output.write(&file, &bytes) {
                            problems.push(write_error(&path, &err));
                        }
                    }
                    Err(more) => problems.extend(more),
                }
                (file, fingerprint, Some(self.urls.url(&path)), problems)
            })
            .collect();
        let mut stats = Stats::default();
        let mut fingerprints = FxHashMap::default();
        let mut problems = Vec::new();
        for (&job, (file, fingerprint, written, more)) in jobs.iter().zip(results) {
            if job.is_feed() {
                stats.feeds += 1;
            } else {
                stats.pages += 1;
            }
            match written {
                Some(url) => {
                    stats.written += 1;
                    stats.written_pages.push(url);
                }
                None => stats.kept += 1,
            }
            fingerprints.insert(file, fingerprint);
            problems.extend(more);
        }
        (fingerprints, stats, problems)
    }

    /// Frees what only pages need, once they are all rendered.
    pub fn pages_rendered(&mut self) {
        self.cards.forget();
    }

    /// Makes the groups of site files whose inputs changed since `previous`
    /// and writes those of their files whose bytes changed, counting them in
    /// `stats`. Returns the groups' part of the manifest and the problems found.
    pub fn render_groups(
        &self,
        previous: &Manifest,
        output: &dyn Output,
        stats: &mut Stats,
    ) -> (FxHashMap<Group, GroupFiles>, Vec<Diagnostic>) {
        // The generated groups are made side by side (an edit makes the
        // search index and the quotations again at once); the static files
        // after them, checked against every name the site generates.
        let made: Vec<(Group, GroupFiles, Stats, Vec<Diagnostic>)> = Group::ALL
            .par_iter()
            .filter(|&&group| group != Group::Static)
            .map(|&group| {
                let (mut stats, mut problems) = (Stats::default(), Vec::new());
                let files = self.render_group(group, previous, output, Vec::new(), &mut stats, &mut problems);
                (group, files, stats, problems)
            })
            .collect();
        let mut groups = FxHashMap::default();
        let mut problems = Vec::new();
        for (group, files, made_stats, made_problems) in made {
            stats.kept += made_stats.kept;
            stats.written += made_stats.written;
            problems.extend(made_problems);
            groups.insert(group, files);
        }
        let statics = match &self.statics {
            Ok(files) => files.clone(),
            Err(more) => {
                problems.extend(more.iter().cloned());
                Vec::new()
            }
        };
        let generated: Vec<String> = self
            .plan
            .jobs
            .iter()
            .map(|job| Urls::file(&job.path(self.site)))
            .chain(groups.values().flat_map(|g: &GroupFiles| g.files.keys().cloned()))
            .collect();
        match assets::check_static_collisions(generated.iter(), &statics) {
            Ok(()) => {
                let files = self.render_group(Group::Static, previous, output, statics, stats, &mut problems);
                groups.insert(Group::Static, files);
            }
            Err(more) => problems.extend(more),
        }
        (groups, problems)
    }

    /// Makes group `group` (its files are `statics` for the static files)
    /// if its inputs changed since `previous`, and writes those of its files
    /// whose bytes changed.
    fn render_group(
        &self,
        group: Group,
        previous: &Manifest,
        output: &dyn Output,
        statics: Vec<(String, Vec<u8>)>,
        stats: &mut Stats,
        problems: &mut Vec<Diagnostic>,
    ) -> GroupFiles {
        let inputs = match group {
            Group::Static => fingerprint::files_digest(&statics),
            _ => self.digests.group(self.site, &self.cards, group),
        };
        let old = previous.groups.get(&group);
        if let Some(old) = old.filter(|old| old.inputs == inputs) {
            stats.kept += old.files.len();
            return old.clone();
        }
        let mut hashes = FxHashMap::default();
        // The data files are written as they are made: those of a large
        // archive are hundreds of megabytes together.
        let streamed: &[(&str, data::WriteFile)] = match group {
            Group::Data => &data::FILES,
            Group::Quotes => std::slice::from_ref(&data::QUOTES),
            _ => &[],
        };
        for &(path, write) in streamed {
            let unchanged = old.and_then(|old| old.files.get(path)).copied();
            match output.write_streamed(path, unchanged, &mut |out| write(self.site, &self.urls, out)) {
                Ok((hash, written)) => {
                    if written {
                        stats.written += 1;
                    } else {
                        stats.kept += 1;
                    }
                    hashes.insert(path.to_owned(), hash);
                }
                Err(err) => problems.push(write_error(path, &err)),
            }
        }
        // The others are written one by one as they are made.
        let files: Box<dyn Iterator<Item = (String, Vec<u8>)>> = match group {
            Group::Host => Box::new(self.host_files(problems).into_iter()),
            Group::Data => {
                Box::new(data::SCHEMAS.iter().map(|(path, text)| ((*path).to_owned(), text.as_bytes().to_vec())))
            }
            Group::Static => Box::new(statics.into_iter()),
            Group::Quotes | Group::Search => Box::new(std::iter::empty()),
        };
        let mut write = |path: String, bytes: Vec<u8>| {
            let hash = plan::content_hash(&bytes);
            if old.and_then(|old| old.files.get(&path)) == Some(&hash) {
                stats.kept += 1;
            } else if let Err(err) = output.write(&path, &bytes) {
                problems.push(write_error(&path, &err));
            } else {
                stats.written += 1;
                stats.static_changed |= group == Group::Static;
            }
            hashes.insert(path, hash);
        };
        files.for_each(|(path, bytes)| write(path, bytes));
        if group == Group::Search {
            search::write_files(self.site, &self.urls, &mut write);
        }
        GroupFiles { inputs, files: hashes }
    }

    /// sitemap.xml, robots.txt, .nojekyll and CNAME.
    fn host_files(&self, problems: &mut Vec<Diagnostic>) -> Vec<(String, Vec<u8>)> {
        let site = self.site;
        let lastmod = |job: Job| match job {
            Job::Article(id) => site.article(id).published.map(|p| p.date.to_string()),
            _ => None,
        };
        let entries: Vec<SitemapEntry> = self
            .plan
            .jobs
            .iter()
            .filter(|job| job.in_sitemap())
            .map(|&job| SitemapEntry { permalink: self.urls.permalink(&job.path(site)), lastmod: lastmod(job) })
            .collect();
        let mut files = vec![(".nojekyll".to_owned(), Vec::new())];
        let mut render = |name: &str, context: &Context| match self.templates.render(name, context) {
            Ok(bytes) => Some(bytes),
            Err(more) => {
                problems.extend(more);
                None
            }
        };
        files.extend(sitemaps(&entries, SITEMAP_URLS, &self.urls, &mut render));
        let mut context = Context::new();
        context.insert("sitemap_url", &self.urls.permalink("sitemap.xml"));
        files.extend(render("robots.txt", &context).map(|bytes| ("robots.txt".to_owned(), bytes)));
        if let Some(domain) = &site.config.domain {
            files.push(("CNAME".to_owned(), format!("{domain}\n").into_bytes()));
        }
        files
    }
}

/// Pages in one sitemap file at most: the protocol's limit (sitemaps.org).
const SITEMAP_URLS: usize = 50_000;

/// The sitemap of `entries`, rendered with `render` (template, context): one
/// `sitemap.xml`, or, with more than `per_file` pages, `sitemap-1.xml`,
/// `sitemap-2.xml` … of `per_file` pages each and `sitemap.xml` the index of
/// them, as crawlers read a large site's. Each file's template values are
/// made and dropped in turn (those of 150,000 pages at once took 0.1 GB).
fn sitemaps(
    entries: &[SitemapEntry],
    per_file: usize,
    urls: &Urls,
    render: &mut dyn FnMut(&str, &Context) -> Option<Vec<u8>>,
) -> Vec<(String, Vec<u8>)> {
    let mut context = Context::new();
    if entries.len() <= per_file {
        context.insert("entries", entries);
        return render("sitemap.xml", &context).map(|bytes| ("sitemap.xml".to_owned(), bytes)).into_iter().collect();
    }
    let mut files = Vec::new();
    let mut index = Vec::new();
    for (n, part) in entries.chunks(per_file).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        context.insert("entries", part);
        files.extend(render("sitemap.xml", &context).map(|bytes| (name.clone(), bytes)));
        index.push(urls.permalink(&name));
    }
    let mut context = Context::new();
    context.insert("sitemaps", &index);
    files.extend(render("sitemap_index.xml", &context).map(|bytes| ("sitemap.xml".to_owned(), bytes)));
    files
}

#[derive(Serialize)]
struct SitemapEntry {
    permalink: String,
    lastmod: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sitemap of more pages than a file may list is split, and
    /// `sitemap.xml` becomes the index of its parts.
    #[test]
    fn a_large_sitemap_is_split_under_an_index() {
        let templates = Templates::load(std::path::Path::new("no-such-site")).expect("the default templates");
        let urls = Urls::new("https://example.org/", "/");
        let entries: Vec<SitemapEntry> = (1..=5)
            .map(|n| SitemapEntry { permalink: format!("https://example.org/articles/{n}/"), lastmod: None })
            .collect();
        let mut render = |name: &str, context: &Context| templates.render(name, context).ok();
        let text = |files: &[(String, Vec<u8>)], name: &str| {
            let (_, bytes) = files.iter().find(|(n, _)| n == name).expect("the file");
            String::from_utf8(bytes.clone()).expect("UTF-8")
        };
        let whole = sitemaps(&entries, 5, &urls, &mut render);
        assert_eq!(whole.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["sitemap.xml"]);
        assert_eq!(text(&whole, "sitemap.xml").matches("<url>").count(), 5);

        let split = sitemaps(&entries, 2, &urls, &mut render);
        let names: Vec<&str> = split.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]);
        let index = text(&split, "sitemap.xml");
        assert!(index.contains("<sitemapindex"), "{index}");
        assert!(index.contains("<loc>https://example.org/sitemap-3.xml</loc>"), "{index}");
        assert_eq!(text(&split, "sitemap-3.xml").matches("<url>").count(), 1);
        assert!(text(&split, "sitemap-2.xml").contains("<loc>https://example.org/articles/4/</loc>"));
    }
}
