//! The context of each kind of page: what its template receives (see the
//! README's template contract), built from the site and the shared cards.

use std::cmp::Reverse;

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use tera::{Context, Value};

use crate::analysis::quotes::anchor;
use crate::diagnostics::Diagnostic;
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::plan::{Job, OldPath, Order};
use crate::timeline::{Timeline, Unit};
use crate::urls::Urls;

use super::Renderer;
use super::cards::article_card;
use super::charts;
use super::images;
use super::markdown::{self, BodyContext};
use super::structured;
use super::views::*;

/// At most this many quotations on a person's page, the newest (a person's page
/// with 50 articles stays under 60 KB; `data/quotes.json` has them all).
pub const QUOTES_ON_PAGE: usize = 10;

/// How many entities an article's JSON-LD lists in `mentions`.
const JSONLD_MENTIONS: usize = 12;

/// A page's context, and any problems found in its content.
pub(super) struct PageContext {
    pub context: Context,
    pub problems: Vec<Diagnostic>,
}

impl Renderer<'_> {
    pub(super) fn page_context(&self, job: Job, path: &str) -> PageContext {
        let site = self.site;
        let mut context = Context::new();
        let mut problems = Vec::new();
        match job {
            Job::Home => self.home(path, &mut context),
            Job::NotFound => {
                let description = format!("هذه الصفحة غير موجودة في {}", site.config.title);
                context.insert("page", &self.page_view("404", "", "الصفحة غير موجودة".to_owned(), description, path));
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
                context.insert("years", &self.search_months());
            }
            Job::Entities(kind, order) => self.entities(kind, order, path, &mut context),
            Job::Article(id) => problems = self.article(id, path, &mut context),
            Job::Entity(id) => self.entity(id, None, path, &mut context),
            Job::EntityArchive(id, page) => self.entity(id, Some(page), path, &mut context),
            Job::SiteFeed => self.feed(None, path, &mut context),
            Job::EntityFeed(id) => self.feed(Some(id), path, &mut context),
            Job::Redirect(old) => self.redirect(old, path, &mut context),
            Job::Story(id) => problems = self.story(id, path, &mut context),
            Job::Stories(page) => self.stories(page, path, &mut context),
            Job::StoriesFeed => self.stories_feed(path, &mut context),
        }
        PageContext { context, problems }
    }

    pub(super) fn page_view(
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

    /// A page that sends an old path on to the page it became.
    fn redirect(&self, old: OldPath, path: &str, context: &mut Context) {
        let site = self.site;
        let target = old.target();
        let title = match target {
            Job::Article(id) => site.article(id).title.clone(),
            Job::Entity(id) => site.catalog.get(id).name.clone(),
            _ => site.config.title.clone(),
        };
        let target_path = target.path(site);
        let view = RedirectView { url: self.urls.url(&target_path), permalink: self.urls.permalink(&target_path) };
        context.insert("page", &self.page_view("redirect", "", title, String::new(), path));
        context.insert("redirect", &view);
    }

    fn home(&self, path: &str, context: &mut Context) {
        let site = self.site;
        let config = &site.config;
        let articles: Vec<&Value> =
            site.index.newest_first.iter().take(config.home_articles).map(|&id| self.cards.article(id)).collect();
        let facts = self.home_facts();
        let top = ByKind::split(facts.top.into_iter().map(|(id, count, months)| {
            let item = TopItem {
                entity: self.cards.entity(id),
                count,
                count_text: charts::articles_text(config, count),
                spark: charts::sparkline(&months),
            };
            (site.catalog.get(id).kind, item)
        }));
        let chart = facts.archive.as_ref().filter(|t| t.counts.len() > 1).map(|timeline| {
            charts::bar_chart(config, "archive", charts::per_unit_title("المقالات", timeline.unit), timeline)
        });
        let description = if config.description.is_empty() {
            format!(
                "أرشيف أخبار: {} عن {} من الأشخاص والأماكن والمصادر",
                charts::articles_text(config, site.article_count() as u32),
                charts::names_text(config, site.catalog.len() as u32)
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
        let recent = facts.since.map(|(since, until)| Recent {
            days: count_text(config, RECENT_DAYS),
            since: DateView::day(since, config),
            until: DateView::day(until, config),
        });
        context.insert("recent", &recent);
        context.insert("chart", &chart);
    }

    /// What the home page counts, also hashed for its fingerprint: the most
    /// mentioned of each kind in the last [`RECENT_DAYS`] of the archive (or
    /// of all time, when no article is dated) with their articles per month
    /// over the last year, and the whole archive's timeline.
    pub(super) fn home_facts(&self) -> HomeFacts {
        let site = self.site;
        let config = &site.config;
        let newest = site.index.newest_first.first().and_then(|&id| site.article(id).published).map(|p| p.date);
        let dates_of = |ids: &mut dyn Iterator<Item = ArticleId>| -> Vec<Date> {
            ids.filter_map(|id| site.article(id).published.map(|p| p.date)).collect()
        };
        let Some(newest) = newest else {
            let top = Kind::ALL
                .into_iter()
                .flat_map(|kind| site.index.most_mentioned(&site.catalog, kind, config.home_entities))
                .map(|id| (id, site.index.articles_of[id as usize].len() as u32, Vec::new()))
                .collect();
            return HomeFacts { since: None, top, archive: None };
        };
        let since = newest.checked_sub(jiff::Span::new().days(RECENT_DAYS - 1)).unwrap_or(newest);
        let year_ago = newest.checked_sub(jiff::Span::new().months(11)).unwrap_or(newest);
        let top = Kind::ALL
            .into_iter()
            .flat_map(|kind| {
                site.index.most_mentioned_since(&site.catalog, site.articles(), kind, since, config.home_entities)
            })
            .map(|(id, count)| {
                let dates = dates_of(&mut site.index.articles_of[id as usize].iter().copied());
                (id, count, Timeline::over(Unit::Month, year_ago, newest, &dates).counts)
            })
            .collect();
        let archive = Timeline::of(&dates_of(&mut site.index.newest_first.iter().copied()));
        HomeFacts { since: Some((since, newest)), top, archive }
    }

    fn entities(&self, kind: Kind, order: Order, path: &str, context: &mut Context) {
        let site = self.site;
        let orders: Vec<OrderLink> = Order::of(kind, site)
            .into_iter()
            .map(|o| OrderLink {
                key: o,
                title: o.title(),
                url: self.urls.url(&Job::Entities(kind, o).path(site)),
                current: o == order,
            })
            .collect();
        match order {
            Order::Alphabetical => {
                let groups: Vec<LetterView> = site.index.letters[&kind]
                    .iter()
                    .map(|g| LetterView {
                        label: g.heading.label(),
                        anchor: g.heading.anchor(),
                        entities: g.entities.iter().map(|&e| self.cards.entity(e)).collect(),
                    })
                    .collect();
                context.insert("groups", &groups);
            }
            Order::MostMentioned => {
                let ranked: Vec<&Value> =
                    site.index.by_count(&site.catalog, kind).into_iter().map(|e| self.cards.entity(e)).collect();
                context.insert("ranked", &ranked);
            }
            Order::ByCountry => {
                let countries: Vec<CountryGroup> = site
                    .index
                    .by_country(&site.catalog)
                    .into_iter()
                    .map(|(place, within)| CountryGroup {
                        place: place.map(|p| self.cards.entity(p)),
                        entities: within.into_iter().map(|e| self.cards.entity(e)).collect(),
                    })
                    .collect();
                context.insert("countries", &countries);
            }
        }
        let title = match order {
            Order::Alphabetical => kind.title().to_owned(),
            _ => format!("{}: {}", kind.title(), order.title()),
        };
        let description = format!("{title} في {}", site.config.title);
        let mut page = self.page_view("entities", kind.section(), title, description, path);
        page.jsonld =
            Some(structured::to_script(&structured::collection(&page.title, &page.description, &page.permalink)));
        context.insert("page", &page);
        context.insert("kind", &KindView { key: kind, section: kind.section(), title: kind.title() });
        context.insert("order", &order);
        context.insert("orders", &orders);
    }

    /// The days of the oldest and the newest dated articles.
    pub(super) fn archive_span(&self) -> Option<(Date, Date)> {
        let site = self.site;
        let mut dated = site.index.newest_first.iter().filter_map(|&id| site.article(id).published.map(|p| p.date));
        let newest = dated.next()?;
        Some((dated.next_back().unwrap_or(newest), newest))
    }

    /// The months of the archive, by year, for the search page's date filters.
    fn search_months(&self) -> Vec<YearMonths> {
        let site = self.site;
        let Some((oldest, newest)) = self.archive_span() else { return Vec::new() };
        let timeline = Timeline::over(Unit::Month, oldest, newest, &[]);
        let mut years: Vec<YearMonths> = Vec::new();
        for n in 0..timeline.counts.len() {
            let month = timeline.bucket(n);
            let option = MonthOption {
                value: format!("{:04}-{:02}", month.year(), month.month()),
                name: site.config.dates.format_month(month),
            };
            match years.last_mut() {
                Some(year) if year.number == month.year() => year.months.push(option),
                _ => years.push(YearMonths {
                    number: month.year(),
                    year: count_text(&site.config, month.year()),
                    months: vec![option],
                }),
            }
        }
        years
    }

    /// The article page; returns the problems found in its body (broken
    /// links, a file that cannot be read again).
    fn article(&self, id: ArticleId, path: &str, context: &mut Context) -> Vec<Diagnostic> {
        let site = self.site;
        // The page shows the file as it is read now, whole, even if it
        // changed since the site was analysed.
        let (file, analysis) = match site.read_article(id) {
            Ok(read) => read,
            Err(problem) => return vec![problem],
        };
        let (article, found) = (&file.article, &analysis.mentions);
        let body = BodyContext {
            urls: &self.urls,
            entity_urls: &self.entity_urls,
            pages: &self.plan.pages,
            sanitize: site.config.sanitize_html,
            highlighter: &self.highlighter,
        };
        let links = found.links(site.config.link_mentions);
        let marks = markdown::Marks { links: &links, quotes: analysis.quotes.as_slice(), cite: article.url.as_deref() };
        let (body_html, mut problems) = markdown::render_body(&file, &marks, &body);
        let image = match images::lead_image(&site.root, &self.urls, site.config.remote_images, article) {
            Ok(image) => image,
            Err(problem) => {
                problems.push(problem);
                None
            }
        };
        let image_permalink = image.as_ref().and_then(|i| i.src.as_deref()).map(|src| match src.contains("://") {
            true => src.to_owned(),
            false => self.urls.permalink(article.image.as_deref().unwrap_or_default()),
        });
        let mut entities: Vec<(u32, EntityId)> = found.entities.iter().map(|&(e, n)| (n, e)).collect();
        entities.sort_by_key(|&(n, e)| (Reverse(n), e));
        let panel = ByKind::split(entities.iter().map(|&(_, e)| (site.catalog.get(e).kind, self.cards.entity_link(e))));
        let view = ArticleView {
            card: Value::from_serializable(&article_card(&self.cards, article, &analysis, image)),
            permalink: self.urls.permalink(path),
            author: article.author.as_deref(),
            original_url: article.url.as_deref(),
            original_host: article.url.as_deref().and_then(host),
            tags: &article.tags,
            body_html,
            entities: panel,
            story: self.cards.story_box(id),
            extra: &article.extra,
        };
        let mut page = self.page_view("article", "", article.title.clone(), analysis.summary.clone(), path);
        let permalink_of = |e: EntityId| self.urls.permalink(&Urls::entity(site.catalog.get(e)));
        let publisher = match found.source {
            Some(source) => structured::entity_ref(site.catalog.get(source), &permalink_of(source)),
            None => {
                serde_json::json!({ "@type": "Organization", "name": site.config.title, "url": site.config.base_url })
            }
        };
        // The entities its text names, most named first; a few are what a
        // reader of the data needs, and every page carries them.
        let mentions = entities
            .iter()
            .filter(|&&(n, _)| n > 0)
            .take(JSONLD_MENTIONS)
            .map(|&(_, e)| structured::entity_ref(site.catalog.get(e), &permalink_of(e)))
            .collect();
        page.jsonld = Some(structured::to_script(&structured::news_article(structured::NewsArticle {
            headline: &article.title,
            permalink: &page.permalink,
            image: &image_permalink.unwrap_or_else(|| self.urls.permalink(SOCIAL_IMAGE)),
            date_published: article.published.map(|p| p.rfc3339()),
            author: article.author.as_deref(),
            publisher,
            mentions,
        })));
        context.insert("page", &page);
        context.insert("article", &view);
        problems
    }

    /// The page of an entity (`archive` none) or one of its archive pages.
    fn entity(&self, id: EntityId, archive: Option<usize>, path: &str, context: &mut Context) {
        let site = self.site;
        let config = &site.config;
        let entity = site.catalog.get(id);
        let all = &site.index.articles_of[id as usize];
        let per_page = config.entity_page_size;
        let archive_pages = site.index.archive_pages(id, per_page);
        let base = Urls::entity(entity);
        let shown: Vec<ArticleId> = match archive {
            None => site.index.first_page(id, per_page).to_vec(),
            Some(page) => site.index.archive(id, page, per_page).collect(),
        };
        let articles: Vec<&Value> = shown.iter().map(|&a| self.cards.article(a)).collect();
        // Archive pages list the articles alone: an excerpt on each of their
        // cards was a third of their bytes, and the article is one link away.
        let excerpts: FxHashMap<&str, ExcerptView> = shown
            .iter()
            .filter(|_| archive.is_none())
            .filter_map(|&a| {
                let (text, name) = self.cards.excerpts(a)?.of(id)?;
                Some((site.article(a).slug.as_str(), ExcerptView::new(&text, name)))
            })
            .collect();
        let archive_url = |page: usize| self.urls.url(&Urls::archive(&base, page));
        let pagination = match archive {
            None => Pagination {
                first: true,
                page: 0,
                page_text: String::new(),
                archive_pages,
                newer: None,
                older: (archive_pages > 0).then(|| archive_url(archive_pages)),
            },
            Some(page) => Pagination {
                first: false,
                page,
                page_text: count_text(config, page),
                archive_pages,
                newer: Some(if page < archive_pages { archive_url(page + 1) } else { self.urls.url(&base) }),
                older: (page > 1).then(|| archive_url(page - 1)),
            },
        };
        let with = ByKind::split(
            site.index.co_mentions[id as usize]
                .iter()
                .map(|&(other, count)| (site.catalog.get(other).kind, (self.cards.entity(other), count))),
        );
        let mentioned_with = ByKind {
            people: CountedCard::list(config, with.people),
            places: CountedCard::list(config, with.places),
            sources: CountedCard::list(config, with.sources),
        };
        let dates = self.entity_dates(id);
        let view = EntityView {
            card: self.cards.entity(id),
            permalink: self.urls.permalink(&base),
            kind_title: entity.kind.title(),
            kind_url: self.urls.url(&Urls::section(entity.kind)),
            description: entity.description.as_deref(),
            count_text: charts::articles_text(config, all.len() as u32),
            first_date: dates.map(|(first, _)| DateView::day(first, config)),
            last_date: dates.map(|(_, last)| DateView::day(last, config)),
            aliases: entity.aliases().collect(),
            subkind: entity.subkind.as_deref(),
            wikidata: entity.wikidata.as_deref(),
            wikidata_url: entity.wikidata.as_ref().map(|q| format!("https://www.wikidata.org/wiki/{q}")),
            website: entity.url.as_deref(),
            within: entity.within.map(|p| self.cards.entity_link(p)),
            contains: site.index.contains[id as usize].iter().map(|&c| self.cards.entity_link(c)).collect(),
            mentioned_with,
            stories: site.index.stories_of[id as usize]
                .iter()
                .take(crate::plan::ENTITY_STORIES)
                .map(|&s| self.cards.story(s))
                .collect(),
            story_count: site.index.stories_of[id as usize].len(),
        };
        let title = match archive {
            Some(page) => format!("{} (أرشيف {})", entity.name, count_text(config, page)),
            None => entity.name.clone(),
        };
        let description = entity.description.clone().unwrap_or_else(|| {
            format!("{}: {} في {}", entity.name, charts::articles_text(config, all.len() as u32), config.title)
        });
        let mut page = self.page_view("entity", entity.kind.section(), title, description, path);
        page.feed = Some(FeedLink {
            title: format!("{} | {}", entity.name, config.title),
            url: self.urls.url(&Urls::feed(&base)),
        });
        page.jsonld = Some(structured::to_script(&structured::entity_page(entity, &view.permalink)));
        let said = &site.index.quotes_of[id as usize];
        let quotes: Vec<QuoteCard> = match archive {
            None => said.iter().take(QUOTES_ON_PAGE).filter_map(|&(article, n)| self.quote_card(article, n)).collect(),
            Some(_) => Vec::new(),
        };
        context.insert("page", &page);
        context.insert("entity", &view);
        context.insert("articles", &articles);
        context.insert("excerpts", &excerpts);
        context.insert("pagination", &pagination);
        context.insert("quotes", &quotes);
        context.insert("quote_count", &said.len());
        context.insert("quote_count_text", &count_text(config, said.len()));
        // One bucket would draw one bar: the sentence above says as much.
        // Archive pages draw none: making it for each of an entity's pages
        // grew with the square of its articles.
        let span = archive.is_none().then(|| self.entity_span(id)).flatten();
        let timeline = span.filter(|s| s.timeline.counts.len() > 1).map(|span| {
            let title = charts::per_unit_title(&format!("المقالات التي تذكر {}", entity.name), span.timeline.unit);
            charts::bar_chart(config, "timeline", title, &span.timeline)
        });
        context.insert("timeline", &timeline);
    }

    /// Quotation `n` of article `article`, for its speaker's page.
    fn quote_card(&self, article: ArticleId, n: u32) -> Option<QuoteCard<'_>> {
        let site = self.site;
        let quotes = &site.analysis(article).quotes;
        let quote = quotes.get(n as usize)?;
        let url = format!("{}#{}", self.urls.url(&Urls::article(&site.article(article).slug)), anchor(n as usize));
        Some(QuoteCard {
            text: quotes.text(quote),
            direct: quote.direct,
            url,
            speaker_text: quotes.speaker_text(quote),
            article: self.cards.article(article),
            outlet: quote.outlet.map(|o| self.cards.entity_link(o)),
        })
    }

    /// The days of entity `id`'s oldest and newest dated articles.
    fn entity_dates(&self, id: EntityId) -> Option<(Date, Date)> {
        let site = self.site;
        let dated = |&a: &ArticleId| site.article(a).published.map(|p| p.date);
        let newest_first = &site.index.articles_of[id as usize];
        Some((newest_first.iter().rev().find_map(dated)?, newest_first.iter().find_map(dated)?))
    }

    /// When entity `id` was mentioned: its oldest and newest dated articles
    /// and their timeline (hashed for the fingerprint too).
    pub(super) fn entity_span(&self, id: EntityId) -> Option<EntitySpan> {
        let site = self.site;
        let dates: Vec<Date> = site.index.articles_of[id as usize]
            .iter()
            .filter_map(|&a| site.article(a).published.map(|p| p.date))
            .collect();
        let timeline = Timeline::of(&dates)?;
        Some(EntitySpan { first: *dates.last()?, last: *dates.first()?, timeline })
    }
}

/// How many days back from the newest article the home page's most
/// mentioned are counted.
const RECENT_DAYS: i64 = 30;

/// See [`Renderer::home_facts`].
#[derive(Hash)]
pub(super) struct HomeFacts {
    /// The first and last days counted, when articles are dated.
    pub since: Option<(Date, Date)>,
    /// Entity, articles in the window, articles per month over the last year.
    pub top: Vec<(EntityId, u32, Vec<u32>)>,
    pub archive: Option<Timeline>,
}

/// See [`Renderer::entity_span`].
#[derive(Hash)]
pub(super) struct EntitySpan {
    pub first: Date,
    pub last: Date,
    pub timeline: Timeline,
}

/// The host of a web address, to name where a link leads.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    Some(host.strip_prefix("www.").unwrap_or(host)).filter(|h| !h.is_empty())
}

/// `recent`: the days the home page's most mentioned are counted over.
#[derive(serde::Serialize)]
struct Recent {
    days: String,
    since: DateView,
    until: DateView,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_addresses() {
        let table = [
            ("https://www.alhurra.com/syria/2024/07/25/x", Some("alhurra.com")),
            ("http://user@example.org:8080/a?b", Some("example.org:8080")),
            ("https://example.org", Some("example.org")),
            ("https://", None),
        ];
        for (url, expected) in table {
            assert_eq!(host(url), expected, "{url}");
        }
    }
}
