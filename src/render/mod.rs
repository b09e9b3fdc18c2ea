//! Rendering: every page of the site from the index, through the templates, to
//! an [`Output`]. Pages are independent jobs rendered in parallel; what they
//! share (templates, cards, entity links, the highlighter) is built once.

pub mod markdown;
pub mod structured;
pub mod templates;
pub mod urls;
pub mod views;

use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::Serialize;
use tera::Context;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::output::Output;
use crate::site::Site;
use markdown::{BodyContext, Highlighter};
use templates::Templates;
use urls::Urls;
use views::*;

/// The default static files, compiled into the binary; a site's `static/`
/// files override them by name.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("fonts/OFL.txt", include_bytes!("../../static/fonts/OFL.txt")),
    (
        "fonts/noto-naskh-arabic-arabic-400-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-arabic-400-normal.woff2"),
    ),
    (
        "fonts/noto-naskh-arabic-arabic-700-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-arabic-700-normal.woff2"),
    ),
    (
        "fonts/noto-naskh-arabic-latin-400-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-latin-400-normal.woff2"),
    ),
    (
        "fonts/noto-naskh-arabic-latin-700-normal.woff2",
        include_bytes!("../../static/fonts/noto-naskh-arabic-latin-700-normal.woff2"),
    ),
];
pub const STATIC_DIR: &str = "static";

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Job {
    Home,
    Article(ArticleId),
    Entities(Kind),
    /// Page `page` (1-based) of an entity's articles.
    Entity(EntityId, usize),
    NotFound,
}

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
}

/// Renders every page of `site` into `output`. All problems are returned
/// together; pages without problems are still written.
pub fn render(
    site: &Site,
    templates: &mut Templates,
    root: &Path,
    output: &dyn Output,
) -> Result<Stats, Vec<Diagnostic>> {
    let config = &site.config;
    let urls = Urls::new(&config.base_url, config.base_path());
    let cards = Cards::new(site, &urls);
    let jobs = jobs(site);
    let mut globals = Context::new();
    globals.insert("site", &SiteView::new(config, &urls));
    templates.set_globals(globals);

    let pages: FxHashSet<String> = jobs.iter().map(|&job| path_of(site, job)).collect();
    let static_files = static_files(root)?;
    check_static_collisions(&pages, &static_files)?;
    let entity_urls: Vec<String> = cards.entities.iter().map(|c| c.url.clone()).collect();
    let highlighter = Highlighter::default();
    let body_context = BodyContext {
        urls: &urls,
        catalog: &site.catalog,
        entity_urls: &entity_urls,
        pages: &pages,
        sanitize: config.sanitize_html,
        highlighter: &highlighter,
    };
    let renderer = Renderer { site, templates, urls: &urls, cards: &cards, body: &body_context };

    let mut problems: Vec<Diagnostic> = jobs
        .par_iter()
        .flat_map_iter(|&job| {
            let path = path_of(site, job);
            match renderer.page(job, &path) {
                Ok((html, mut problems)) => {
                    if let Err(err) = output.write(&Urls::file(&path), &html) {
                        problems.push(write_error(&path, &err));
                    }
                    problems
                }
                Err(problems) => problems,
            }
        })
        .collect();

    let site_files = renderer.site_files(&jobs).unwrap_or_else(|more| {
        problems.extend(more);
        Vec::new()
    });
    let mut files = 0;
    for (path, bytes) in site_files.iter().chain(&static_files) {
        files += 1;
        if let Err(err) = output.write(path, bytes) {
            problems.push(write_error(path, &err));
        }
    }
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    Ok(Stats { pages: jobs.len(), files })
}

fn write_error(path: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write {path}: {err}"))
        .with_help("check that the output folder is writable and the disk is not full")
}

/// Every page, in a stable order.
fn jobs(site: &Site) -> Vec<Job> {
    let per_page = site.config.entity_page_size;
    let mut jobs = vec![Job::Home, Job::NotFound];
    jobs.extend(Kind::ALL.map(Job::Entities));
    jobs.extend(site.index.newest_first.iter().map(|&id| Job::Article(id)));
    for id in site.catalog.ids() {
        let pages = site.index.articles_of[id as usize].len().div_ceil(per_page).max(1);
        jobs.extend((1..=pages).map(|page| Job::Entity(id, page)));
    }
    jobs
}

/// The page path of a job (`""` is the home page).
fn path_of(site: &Site, job: Job) -> String {
    match job {
        Job::Home => String::new(),
        Job::NotFound => "404.html".to_owned(),
        Job::Entities(kind) => format!("{}/", kind.section()),
        Job::Article(id) => Urls::article(&site.article(id).slug),
        Job::Entity(id, page) => Urls::paginated(&Urls::entity(site.catalog.get(id)), page),
    }
}

/// The site's own `static/` files and the defaults it does not override.
fn static_files(root: &Path) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let mut files: Vec<(String, Vec<u8>)> = DEFAULT_STATIC.iter().map(|(p, b)| ((*p).to_owned(), b.to_vec())).collect();
    let dir = root.join(STATIC_DIR);
    if !dir.is_dir() {
        return Ok(files);
    }
    let mut problems = Vec::new();
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(Diagnostic::error(format!("cannot read the static folder: {err}")).in_file(STATIC_DIR));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let Some(name) = relative.to_str().map(|s| s.replace('\\', "/")) else {
            problems.push(
                Diagnostic::error("a static file name is not valid UTF-8")
                    .in_file(entry.path())
                    .with_help("rename the file"),
            );
            continue;
        };
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.retain(|(p, _)| *p != name);
                files.push((name, bytes));
            }
            Err(err) => problems.push(
                Diagnostic::error(format!("cannot read the file: {err}")).in_file(Path::new(STATIC_DIR).join(relative)),
            ),
        }
    }
    if problems.is_empty() { Ok(files) } else { Err(problems) }
}

/// A static file may not take the place of a page.
fn check_static_collisions(
    pages: &FxHashSet<String>,
    static_files: &[(String, Vec<u8>)],
) -> Result<(), Vec<Diagnostic>> {
    let page_files: FxHashSet<String> = pages.iter().map(|p| Urls::file(p)).collect();
    let reserved = ["sitemap.xml", "robots.txt", ".nojekyll", "CNAME"];
    let problems: Vec<Diagnostic> = static_files
        .iter()
        .filter(|(path, _)| page_files.contains(path) || reserved.contains(&path.as_str()))
        .map(|(path, _)| {
            Diagnostic::error(format!("static/{path} and a generated page both write {path}"))
                .in_file(Path::new(STATIC_DIR).join(path))
                .with_help("rename or remove the static file")
        })
        .collect();
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    urls: &'a Urls,
    cards: &'a Cards,
    body: &'a BodyContext<'a>,
}

#[derive(Serialize)]
struct SitemapEntry {
    permalink: String,
    lastmod: Option<String>,
}

impl Renderer<'_> {
    fn page_view(
        &self,
        kind: &'static str,
        section: &'static str,
        title: String,
        description: String,
        path: &str,
    ) -> PageView {
        PageView {
            kind,
            section,
            title,
            description,
            url: self.urls.url(path),
            permalink: self.urls.permalink(path),
            jsonld: None,
        }
    }

    /// Renders one page: its HTML and any problems found in its content.
    fn page(&self, job: Job, path: &str) -> Result<(Vec<u8>, Vec<Diagnostic>), Vec<Diagnostic>> {
        let site = self.site;
        let config = &site.config;
        let mut context = Context::new();
        let mut problems = Vec::new();
        let template = match job {
            Job::Home => {
                let articles: Vec<&tera::Value> = site
                    .index
                    .newest_first
                    .iter()
                    .take(config.home_articles)
                    .map(|&id| self.cards.article(id))
                    .collect();
                let top = ByKind::split(Kind::ALL.into_iter().flat_map(|kind| {
                    site.index
                        .most_mentioned(&site.catalog, kind, config.home_entities)
                        .into_iter()
                        .map(move |id| (kind, self.cards.entity(id)))
                }));
                let description = if config.description.is_empty() {
                    format!(
                        "أرشيف أخبار: {} مقالًا عن {} شخصًا ومكانًا ومصدرًا",
                        count_text(config, site.corpus.articles.len()),
                        count_text(config, site.catalog.len())
                    )
                } else {
                    config.description.clone()
                };
                let mut page = self.page_view("home", "home", config.title.clone(), description, path);
                page.jsonld = Some(structured::to_script(&structured::website(
                    &config.title,
                    &page.description,
                    &page.permalink,
                )));
                context.insert("page", &page);
                context.insert("articles", &articles);
                context.insert("top", &top);
                "home.html"
            }
            Job::NotFound => {
                context.insert(
                    "page",
                    &self.page_view(
                        "404",
                        "",
                        "الصفحة غير موجودة".to_owned(),
                        format!("هذه الصفحة غير موجودة في {}", config.title),
                        path,
                    ),
                );
                "404.html"
            }
            Job::Entities(kind) => {
                let groups: Vec<LetterView> = site.index.letters[&kind]
                    .iter()
                    .map(|g| LetterView {
                        label: g.heading.label(),
                        anchor: g.heading.anchor(),
                        entities: g.entities.iter().map(|&e| self.cards.entity(e)).collect(),
                    })
                    .collect();
                let description = format!("{} في {}", kind.title(), config.title);
                let mut page = self.page_view("entities", kind.section(), kind.title().to_owned(), description, path);
                page.jsonld = Some(structured::to_script(&structured::collection(
                    kind.title(),
                    &page.description,
                    &page.permalink,
                )));
                context.insert("page", &page);
                context.insert("kind", &KindView { key: kind, section: kind.section(), title: kind.title() });
                context.insert("groups", &groups);
                "entities.html"
            }
            Job::Article(id) => {
                let article = site.article(id);
                let found = &site.found[id as usize];
                let (body_html, body_problems) = markdown::render_body(article, &found.links, self.body);
                problems = body_problems;
                let card = &self.cards.articles[id as usize];
                let mut entities: Vec<(u32, EntityId)> = found.entities.iter().map(|&(e, n)| (n, e)).collect();
                entities.sort_by_key(|&(n, e)| (std::cmp::Reverse(n), e));
                let view = ArticleView {
                    card: self.cards.article(id),
                    permalink: self.urls.permalink(path),
                    author: article.author.as_deref(),
                    original_url: article.url.as_deref(),
                    tags: &article.tags,
                    body_html,
                    entities: ByKind::split(
                        entities.into_iter().map(|(_, e)| (site.catalog.get(e).kind, self.cards.entity(e))),
                    ),
                    related: site.index.related[id as usize].iter().map(|&r| self.cards.article(r)).collect(),
                    extra: &article.extra,
                };
                let mut page = self.page_view("article", "", article.title.clone(), card.summary.clone(), path);
                let publisher = match found.source {
                    Some(source) => structured::entity_ref(
                        site.catalog.get(source),
                        &self.urls.permalink(&Urls::entity(site.catalog.get(source))),
                    ),
                    None => {
                        serde_json::json!({ "@type": "Organization", "name": config.title, "url": config.base_url })
                    }
                };
                let mentions = found
                    .entities
                    .iter()
                    .map(|&(e, _)| {
                        structured::entity_ref(
                            site.catalog.get(e),
                            &self.urls.permalink(&Urls::entity(site.catalog.get(e))),
                        )
                    })
                    .collect();
                page.jsonld = Some(structured::to_script(&structured::news_article(structured::NewsArticle {
                    headline: &article.title,
                    description: &card.summary,
                    permalink: &page.permalink,
                    date_published: article.published.map(|p| p.rfc3339()),
                    author: article.author.as_deref(),
                    publisher,
                    mentions,
                })));
                context.insert("page", &page);
                context.insert("article", &view);
                "article.html"
            }
            Job::Entity(id, page) => {
                let entity = site.catalog.get(id);
                let card = self.cards.entity(id);
                let all = &site.index.articles_of[id as usize];
                let per_page = config.entity_page_size;
                let total = all.len().div_ceil(per_page).max(1);
                let base = Urls::entity(entity);
                let articles: Vec<&tera::Value> =
                    all.iter().skip((page - 1) * per_page).take(per_page).map(|&a| self.cards.article(a)).collect();
                let pagination = Pagination {
                    current: page,
                    total,
                    previous: (page > 1).then(|| self.urls.url(&Urls::paginated(&base, page - 1))),
                    next: (page < total).then(|| self.urls.url(&Urls::paginated(&base, page + 1))),
                };
                let mentioned_with =
                    ByKind::split(site.index.co_mentions[id as usize].iter().map(|&(other, count)| {
                        (
                            site.catalog.get(other).kind,
                            CountedCard {
                                entity: self.cards.entity(other),
                                count,
                                count_text: count_text(config, count),
                            },
                        )
                    }));
                let view = EntityView {
                    card,
                    permalink: self.urls.permalink(&base),
                    kind_title: entity.kind.title(),
                    kind_url: self.urls.url(&format!("{}/", entity.kind.section())),
                    description: entity.description.as_deref(),
                    aliases: entity.aliases().collect(),
                    subkind: entity.subkind.as_deref(),
                    wikidata: entity.wikidata.as_deref(),
                    wikidata_url: entity.wikidata.as_ref().map(|q| format!("https://www.wikidata.org/wiki/{q}")),
                    website: entity.url.as_deref(),
                    within: entity.within.map(|p| self.cards.entity(p)),
                    contains: site
                        .catalog
                        .ids()
                        .filter(|&c| site.catalog.get(c).within == Some(id))
                        .map(|c| self.cards.entity(c))
                        .collect(),
                    mentioned_with,
                };
                let title = if page > 1 {
                    format!("{} (صفحة {})", entity.name, count_text(config, page))
                } else {
                    entity.name.clone()
                };
                let description = entity.description.clone().unwrap_or_else(|| {
                    format!("{}: {} في {}", entity.name, count_text(config, all.len()), config.title)
                });
                let mut page = self.page_view("entity", entity.kind.section(), title, description, path);
                page.jsonld = Some(structured::to_script(&structured::entity_page(entity, &view.permalink)));
                context.insert("page", &page);
                context.insert("entity", &view);
                context.insert("articles", &articles);
                context.insert("pagination", &pagination);
                "entity.html"
            }
        };
        let html = self.templates.render(template, &context)?;
        Ok((html, problems))
    }

    /// sitemap.xml, robots.txt, .nojekyll and CNAME.
    fn site_files(&self, jobs: &[Job]) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
        let site = self.site;
        let lastmod = |job: Job| match job {
            Job::Article(id) => site.article(id).published.map(|p| p.date.to_string()),
            _ => None,
        };
        let entries: Vec<SitemapEntry> = jobs
            .iter()
            .filter(|&&job| job != Job::NotFound)
            .map(|&job| SitemapEntry { permalink: self.urls.permalink(&path_of(site, job)), lastmod: lastmod(job) })
            .collect();
        let mut context = Context::new();
        context.insert("entries", &entries);
        context.insert("sitemap_url", &self.urls.permalink("sitemap.xml"));
        let mut files = vec![
            ("sitemap.xml".to_owned(), self.templates.render("sitemap.xml", &context)?),
            ("robots.txt".to_owned(), self.templates.render("robots.txt", &context)?),
            (".nojekyll".to_owned(), Vec::new()),
        ];
        if let Some(domain) = &site.config.domain {
            files.push(("CNAME".to_owned(), format!("{domain}\n").into_bytes()));
        }
        Ok(files)
    }
}

#[derive(Serialize)]
struct KindView {
    key: Kind,
    section: &'static str,
    title: &'static str,
}
