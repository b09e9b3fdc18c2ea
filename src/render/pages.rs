//! The context of each kind of page: what its template receives (see the
//! README's template contract), built from the site and the shared cards.

use std::cmp::Reverse;

use tera::{Context, Value};

use crate::diagnostics::Diagnostic;
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::site::Site;

use super::markdown::{self, BodyContext};
use super::structured;
use super::urls::Urls;
use super::views::*;
use super::{Job, Renderer};

/// A page's template and context, and any problems found in its content.
pub(super) struct PageContext {
    pub template: &'static str,
    pub context: Context,
    pub problems: Vec<Diagnostic>,
}

impl Renderer {
    pub(super) fn page_context(&self, site: &Site, job: Job, path: &str) -> PageContext {
        let mut context = Context::new();
        let mut problems = Vec::new();
        let template = match job {
            Job::Home => self.home(site, path, &mut context),
            Job::NotFound => {
                let description = format!("هذه الصفحة غير موجودة في {}", site.config.title);
                context.insert("page", &self.page_view("404", "", "الصفحة غير موجودة".to_owned(), description, path));
                "404.html"
            }
            Job::Search => {
                let description = format!("ابحث في مقالات {} وأسماء الأشخاص والأماكن والمصادر", site.config.title);
                let mut page = self.page_view("search", "search", "البحث".to_owned(), description, path);
                page.jsonld = Some(structured::to_script(&structured::search_page(
                    &page.title,
                    &page.description,
                    &page.permalink,
                )));
                context.insert("page", &page);
                "search.html"
            }
            Job::Entities(kind) => self.entities(site, kind, path, &mut context),
            Job::Article(id) => {
                problems = self.article(site, id, path, &mut context);
                "article.html"
            }
            Job::Entity(id, page) => self.entity(site, id, page, path, &mut context),
            Job::SiteFeed => {
                self.feed(site, None, path, &mut context);
                "atom.xml"
            }
            Job::EntityFeed(id) => {
                self.feed(site, Some(id), path, &mut context);
                "atom.xml"
            }
            Job::Redirect(old) => self.redirect(site, old.target(), path, &mut context),
        };
        PageContext { template, context, problems }
    }

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
            feed: None,
        }
    }

    /// A page that sends an old path on to `target`.
    fn redirect(&self, site: &Site, target: Job, path: &str, context: &mut Context) -> &'static str {
        let title = match target {
            Job::Article(id) => site.article(id).title.clone(),
            Job::Entity(id, _) => site.catalog.get(id).name.clone(),
            _ => site.config.title.clone(),
        };
        let target_path = Renderer::path(site, target);
        let view = RedirectView { url: self.urls.url(&target_path), permalink: self.urls.permalink(&target_path) };
        context.insert("page", &self.page_view("redirect", "", title, String::new(), path));
        context.insert("redirect", &view);
        "redirect.html"
    }

    fn home(&self, site: &Site, path: &str, context: &mut Context) -> &'static str {
        let config = &site.config;
        let articles: Vec<&Value> =
            site.index.newest_first.iter().take(config.home_articles).map(|&id| self.cards.article(id)).collect();
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
        page.jsonld =
            Some(structured::to_script(&structured::website(&config.title, &page.description, &page.permalink)));
        context.insert("page", &page);
        context.insert("articles", &articles);
        context.insert("top", &top);
        "home.html"
    }

    fn entities(&self, site: &Site, kind: Kind, path: &str, context: &mut Context) -> &'static str {
        let groups: Vec<LetterView> = site.index.letters[&kind]
            .iter()
            .map(|g| LetterView {
                label: g.heading.label(),
                anchor: g.heading.anchor(),
                entities: g.entities.iter().map(|&e| self.cards.entity(e)).collect(),
            })
            .collect();
        let description = format!("{} في {}", kind.title(), site.config.title);
        let mut page = self.page_view("entities", kind.section(), kind.title().to_owned(), description, path);
        page.jsonld =
            Some(structured::to_script(&structured::collection(kind.title(), &page.description, &page.permalink)));
        context.insert("page", &page);
        context.insert("kind", &KindView { key: kind, section: kind.section(), title: kind.title() });
        context.insert("groups", &groups);
        "entities.html"
    }

    /// The article page; returns the problems found in its body (broken links).
    fn article(&self, site: &Site, id: ArticleId, path: &str, context: &mut Context) -> Vec<Diagnostic> {
        let article = site.article(id);
        let found = &site.found[id as usize];
        let body = BodyContext {
            urls: &self.urls,
            catalog: &site.catalog,
            entity_urls: &self.entity_urls,
            pages: &self.pages,
            sanitize: site.config.sanitize_html,
            highlighter: &self.highlighter,
        };
        let (body_html, problems) = markdown::render_body(article, &found.links, &body);
        let mut entities: Vec<(u32, EntityId)> = found.entities.iter().map(|&(e, n)| (n, e)).collect();
        entities.sort_by_key(|&(n, e)| (Reverse(n), e));
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
        let mut page = self.page_view("article", "", article.title.clone(), article.summary.clone(), path);
        let permalink_of = |e: EntityId| self.urls.permalink(&Urls::entity(site.catalog.get(e)));
        let publisher = match found.source {
            Some(source) => structured::entity_ref(site.catalog.get(source), &permalink_of(source)),
            None => {
                serde_json::json!({ "@type": "Organization", "name": site.config.title, "url": site.config.base_url })
            }
        };
        let mentions = found
            .entities
            .iter()
            .map(|&(e, _)| structured::entity_ref(site.catalog.get(e), &permalink_of(e)))
            .collect();
        page.jsonld = Some(structured::to_script(&structured::news_article(structured::NewsArticle {
            headline: &article.title,
            description: &article.summary,
            permalink: &page.permalink,
            image: &self.urls.permalink(SOCIAL_IMAGE),
            date_published: article.published.map(|p| p.rfc3339()),
            author: article.author.as_deref(),
            publisher,
            mentions,
        })));
        context.insert("page", &page);
        context.insert("article", &view);
        problems
    }

    fn entity(&self, site: &Site, id: EntityId, page_number: usize, path: &str, context: &mut Context) -> &'static str {
        let config = &site.config;
        let entity = site.catalog.get(id);
        let all = &site.index.articles_of[id as usize];
        let per_page = config.entity_page_size;
        let total = all.len().div_ceil(per_page).max(1);
        let base = Urls::entity(entity);
        let articles: Vec<&Value> =
            all.iter().skip((page_number - 1) * per_page).take(per_page).map(|&a| self.cards.article(a)).collect();
        let pagination = Pagination {
            current: page_number,
            total,
            previous: (page_number > 1).then(|| self.urls.url(&Urls::paginated(&base, page_number - 1))),
            next: (page_number < total).then(|| self.urls.url(&Urls::paginated(&base, page_number + 1))),
        };
        let mentioned_with = ByKind::split(site.index.co_mentions[id as usize].iter().map(|&(other, count)| {
            let card = CountedCard { entity: self.cards.entity(other), count, count_text: count_text(config, count) };
            (site.catalog.get(other).kind, card)
        }));
        let view = EntityView {
            card: self.cards.entity(id),
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
        let title = if page_number > 1 {
            format!("{} (صفحة {})", entity.name, count_text(config, page_number))
        } else {
            entity.name.clone()
        };
        let description = entity
            .description
            .clone()
            .unwrap_or_else(|| format!("{}: {} في {}", entity.name, count_text(config, all.len()), config.title));
        let mut page = self.page_view("entity", entity.kind.section(), title, description, path);
        page.feed = Some(FeedLink {
            title: format!("{} | {}", entity.name, config.title),
            url: self.urls.url(&Urls::feed(&base)),
        });
        page.jsonld = Some(structured::to_script(&structured::entity_page(entity, &view.permalink)));
        context.insert("page", &page);
        context.insert("entity", &view);
        context.insert("articles", &articles);
        context.insert("pagination", &pagination);
        "entity.html"
    }
}

#[derive(serde::Serialize)]
struct RedirectView {
    /// The link to the page (root-relative).
    url: String,
    /// Its absolute address (canonical).
    permalink: String,
}

#[derive(serde::Serialize)]
struct KindView {
    key: Kind,
    section: &'static str,
    title: &'static str,
}
