//! Atom feeds: the site's newest articles (`/atom.xml`) and each entity's
//! (`/people/KEY/atom.xml` …), `feed_entries` of them, rendered through the
//! `atom.xml` template, which escapes every value. Undated articles are left
//! out: an Atom entry needs a time, and a made-up one would sort them wrongly
//! in readers.

use serde::Serialize;
use tera::Context;

use crate::entities::EntityId;
use crate::index::ArticleId;
use crate::site::Site;

use super::Renderer;
use crate::urls::Urls;

/// `feed`: what the `atom.xml` template receives.
#[derive(Debug, Serialize)]
pub struct FeedView<'a> {
    pub title: String,
    pub subtitle: String,
    /// The feed's own address: its Atom id and `rel="self"` link.
    pub permalink: String,
    /// The page it follows (`rel="alternate"`).
    pub page_permalink: String,
    /// The newest entry's time, or the site's newest article's for a feed
    /// without entries, so that a build of the same content gives the same file.
    pub updated: String,
    pub entries: Vec<FeedEntry<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FeedEntry<'a> {
    pub title: &'a str,
    pub permalink: String,
    /// RFC 3339 timestamp (midnight UTC for an article with a date only).
    pub published: String,
    pub summary: std::borrow::Cow<'a, str>,
    pub author: Option<&'a str>,
    /// The publishing outlet: `key` and `name`.
    pub source: Option<FeedSource<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FeedSource<'a> {
    pub key: &'a str,
    pub name: &'a str,
}

impl<'s> Renderer<'s> {
    /// The context of the site's feed (`entity` none) or an entity's.
    pub(super) fn feed(&self, entity: Option<EntityId>, path: &str, context: &mut Context) {
        let site = self.site;
        let config = &site.config;
        let (articles, title, subtitle, page) = match entity {
            None => {
                let subtitle = if config.description.is_empty() {
                    format!("أحدث المقالات في {}", config.title)
                } else {
                    config.description.clone()
                };
                (&site.index.newest_first, config.title.clone(), subtitle, String::new())
            }
            Some(id) => {
                let entity = site.catalog.get(id);
                let subtitle = entity.description.clone().unwrap_or_else(|| format!("مقالات تذكر {}", entity.name));
                let title = format!("{} | {}", entity.name, config.title);
                (&site.index.articles_of[id as usize], title, subtitle, Urls::entity(entity))
            }
        };
        let entries: Vec<FeedEntry> =
            dated(site, articles).take(config.feed_entries).map(|id| self.entry(id)).collect();
        let updated = entries
            .first()
            .map(|e| e.published.clone())
            .or_else(|| {
                dated(site, &site.index.newest_first)
                    .next()
                    .and_then(|id| site.article(id).published)
                    .map(|p| p.timestamp())
            })
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
        let feed = FeedView {
            title,
            subtitle,
            permalink: self.urls.permalink(path),
            page_permalink: self.urls.permalink(&page),
            updated,
            entries,
        };
        context.insert("feed", &feed);
    }

    fn entry(&self, id: ArticleId) -> FeedEntry<'s> {
        let site = self.site;
        let article = site.article(id);
        FeedEntry {
            title: &article.title,
            permalink: self.urls.permalink(&Urls::article(&article.slug)),
            published: article.published.map(|p| p.timestamp()).unwrap_or_default(),
            summary: std::borrow::Cow::Borrowed(&site.analysis(id).summary),
            author: article.author.as_deref(),
            source: site.mentions(id).source.map(|s| {
                let source = site.catalog.get(s);
                FeedSource { key: &source.key, name: &source.name }
            }),
        }
    }
}

/// The dated articles of a newest-first list (undated ones come last in it).
fn dated<'s>(site: &'s Site, articles: &'s [ArticleId]) -> impl Iterator<Item = ArticleId> + 's {
    articles.iter().copied().take_while(|&id| site.article(id).published.is_some())
}
