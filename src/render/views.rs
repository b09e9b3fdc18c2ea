//! What templates see: small serializable views built from the index, never the
//! domain types themselves. These structs are the template contract documented
//! in the README; every field is listed there.

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::config::Config;
use crate::content::Published;
use crate::entities::{Entity, EntityId, Kind};
use crate::index::ArticleId;
use crate::site::Site;

use super::urls::Urls;

/// The default picture of link previews, a static file a site may replace.
pub const SOCIAL_IMAGE: &str = "social.png";

/// `site`: the same on every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub language: &'static str,
    pub dir: &'static str,
    pub nav: Vec<NavLink>,
    pub extra: &'a toml::Table,
    pub generator: &'static str,
    /// The site's feed (root-relative).
    pub feed_url: String,
    /// The default picture for link previews (absolute), and its description.
    pub image: String,
    pub image_alt: String,
}

#[derive(Debug, Serialize)]
pub struct NavLink {
    pub title: &'static str,
    pub url: String,
    /// The `page.section` this link is current on.
    pub section: &'static str,
}

impl<'a> SiteView<'a> {
    pub fn new(config: &'a Config, urls: &'a Urls) -> SiteView<'a> {
        let nav = [
            ("الرئيسية", "", "home"),
            ("الأشخاص", "people/", "people"),
            ("الأماكن", "places/", "places"),
            ("المصادر", "sources/", "sources"),
            ("البحث", crate::search::PAGE, "search"),
        ]
        .into_iter()
        .map(|(title, path, section)| NavLink { title, url: urls.url(path), section })
        .collect();
        SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            base_path: urls.base_path(),
            language: "ar",
            dir: "rtl",
            nav,
            extra: &config.extra,
            generator: concat!("fihris ", env!("CARGO_PKG_VERSION")),
            feed_url: urls.url(&Urls::feed("")),
            image: urls.permalink(SOCIAL_IMAGE),
            image_alt: format!("{}: أرشيف أخبار", config.title),
        }
    }
}

/// `page`: what every page says about itself (for the `<head>`).
#[derive(Debug, Serialize)]
pub struct PageView {
    /// home, article, entities, entity, 404
    pub kind: &'static str,
    /// The navigation section it belongs to: home, people, places, sources, or empty.
    pub section: &'static str,
    pub title: String,
    pub description: String,
    /// Root-relative link to this page.
    pub url: String,
    /// Absolute address (canonical).
    pub permalink: String,
    /// JSON-LD for the `<head>`, already escaped for a script element.
    pub jsonld: Option<String>,
    /// The page's own feed (entity pages), besides the site's.
    pub feed: Option<FeedLink>,
}

/// A feed to announce with `<link rel="alternate">`.
#[derive(Debug, Serialize)]
pub struct FeedLink {
    pub title: String,
    /// Root-relative.
    pub url: String,
}

/// A date as `<time datetime="{{ iso }}">{{ text }}</time>` needs it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

impl DateView {
    pub fn new(published: &Published, config: &Config) -> DateView {
        DateView { iso: published.rfc3339(), text: config.dates.format(published.date) }
    }
}

/// A link to an entity, with its number of articles.
#[derive(Debug, Clone, Serialize)]
pub struct EntityCard {
    pub key: String,
    /// person, place, source
    pub kind: Kind,
    pub name: String,
    pub url: String,
    pub article_count: usize,
    /// `article_count` in the site's digits.
    pub article_count_text: String,
}

/// A link to an entity, without its count (an article's source).
#[derive(Debug, Clone, Serialize)]
pub struct EntityLink {
    pub key: String,
    pub name: String,
    pub url: String,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCard {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub date: Option<DateView>,
    pub source: Option<EntityLink>,
    pub summary: String,
}

/// An entity with how often it appears next to another.
#[derive(Debug, Serialize)]
pub struct CountedCard<'a> {
    /// An [`EntityCard`].
    pub entity: &'a Value,
    pub count: u32,
    pub count_text: String,
}

/// Entity cards grouped by kind.
#[derive(Debug, Serialize)]
pub struct ByKind<T> {
    pub people: Vec<T>,
    pub places: Vec<T>,
    pub sources: Vec<T>,
}

impl<T> ByKind<T> {
    pub fn split(items: impl IntoIterator<Item = (Kind, T)>) -> ByKind<T> {
        let mut by_kind = ByKind { people: Vec::new(), places: Vec::new(), sources: Vec::new() };
        for (kind, item) in items {
            match kind {
                Kind::Person => by_kind.people.push(item),
                Kind::Place => by_kind.places.push(item),
                Kind::Source => by_kind.sources.push(item),
            }
        }
        by_kind
    }
}

/// `article`: the page of one article.
#[derive(Debug, Serialize)]
pub struct ArticleView<'a> {
    /// Its [`ArticleCard`].
    pub card: &'a Value,
    pub permalink: String,
    pub author: Option<&'a str>,
    /// Where it was first published.
    pub original_url: Option<&'a str>,
    pub tags: &'a [String],
    /// The body as HTML, with mentions linked.
    pub body_html: String,
    /// Its entities, most mentioned first.
    pub entities: ByKind<&'a Value>,
    /// Other coverage of the same story.
    pub related: Vec<&'a Value>,
    pub extra: &'a serde_json::Value,
}

/// `entity`: the page of one person, place or source.
#[derive(Debug, Serialize)]
pub struct EntityView<'a> {
    /// Its [`EntityCard`].
    pub card: &'a Value,
    pub permalink: String,
    /// الأشخاص, الأماكن, المصادر
    pub kind_title: &'static str,
    /// The link to the index of its kind.
    pub kind_url: String,
    pub description: Option<&'a str>,
    pub aliases: Vec<&'a str>,
    /// country, city, region, site; agency, newspaper, channel, website, think-tank
    pub subkind: Option<&'a str>,
    pub wikidata: Option<&'a str>,
    pub wikidata_url: Option<String>,
    pub website: Option<&'a str>,
    /// The place that contains it, and the places it contains.
    pub within: Option<&'a Value>,
    pub contains: Vec<&'a Value>,
    /// Who and what it is mentioned with most.
    pub mentioned_with: ByKind<CountedCard<'a>>,
}

/// `pagination` of an entity page.
#[derive(Debug, Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// One letter section of an index page.
#[derive(Debug, Serialize)]
pub struct LetterView<'a> {
    pub label: String,
    pub anchor: String,
    pub entities: Vec<&'a Value>,
}

/// The cards of every entity and article, made once per build. Pages take
/// them as template values, which are shared, not copied, so a card listed on
/// a thousand pages is serialized once.
pub struct Cards {
    pub entities: Vec<EntityCard>,
    pub articles: Vec<ArticleCard>,
    entity_values: Vec<Value>,
    article_values: Vec<Value>,
}

impl Cards {
    pub fn new(site: &Site, urls: &Urls) -> Cards {
        let entities: Vec<EntityCard> = site.catalog.ids().map(|id| entity_card(site, urls, id)).collect();
        let articles: Vec<ArticleCard> = (0..site.corpus.articles.len() as ArticleId)
            .into_par_iter()
            .map(|id| article_card(site, urls, id))
            .collect();
        let entity_values = entities.par_iter().map(Value::from_serializable).collect();
        let article_values = articles.par_iter().map(Value::from_serializable).collect();
        Cards { entities, articles, entity_values, article_values }
    }

    /// The card of an entity, as a template value.
    pub fn entity(&self, id: EntityId) -> &Value {
        &self.entity_values[id as usize]
    }

    /// The card of an article, as a template value.
    pub fn article(&self, id: ArticleId) -> &Value {
        &self.article_values[id as usize]
    }

    /// Remakes the card of entity `id` (its count changed).
    pub fn update_entity(&mut self, site: &Site, urls: &Urls, id: EntityId) {
        let card = entity_card(site, urls, id);
        self.entity_values[id as usize] = Value::from_serializable(&card);
        self.entities[id as usize] = card;
    }

    /// Remakes the card of article `id`, adding it if it is new.
    pub fn update_article(&mut self, site: &Site, urls: &Urls, id: ArticleId) {
        let card = article_card(site, urls, id);
        let value = Value::from_serializable(&card);
        match self.articles.get_mut(id as usize) {
            Some(slot) => {
                *slot = card;
                self.article_values[id as usize] = value;
            }
            None => {
                self.articles.push(card);
                self.article_values.push(value);
            }
        }
    }
}

fn entity_card(site: &Site, urls: &Urls, id: EntityId) -> EntityCard {
    let entity: &Entity = site.catalog.get(id);
    let count = site.index.articles_of[id as usize].len();
    EntityCard {
        key: entity.key.clone(),
        kind: entity.kind,
        name: entity.name.clone(),
        url: urls.url(&Urls::entity(entity)),
        article_count: count,
        article_count_text: count_text(&site.config, count),
    }
}

fn article_card(site: &Site, urls: &Urls, id: ArticleId) -> ArticleCard {
    let article = site.article(id);
    ArticleCard {
        slug: article.slug.clone(),
        title: article.title.clone(),
        url: urls.url(&Urls::article(&article.slug)),
        date: article.published.as_ref().map(|p| DateView::new(p, &site.config)),
        source: site.found[id as usize].source.map(|s| {
            let source = site.catalog.get(s);
            EntityLink { key: source.key.clone(), name: source.name.clone(), url: urls.url(&Urls::entity(source)) }
        }),
        summary: article.summary.clone(),
    }
}

/// The digits of the site for a count.
pub fn count_text(config: &Config, count: impl ToString) -> String {
    config.dates.digits.apply(&count.to_string())
}
