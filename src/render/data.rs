//! The archive as data for other sites and tools: `data/articles.json`,
//! `data/entities.json`, `data/stories.json` and `data/quotes.json`,
//! serialized from the structs below, and their JSON Schemas
//! (`schemas/*.schema.json`, shipped beside them). The structs and the
//! schemas change together; `DATA_VERSION` changes when a field is removed or
//! changes meaning (adding one does not).

use std::borrow::Cow;
use std::io::{self, Write};

use rayon::prelude::*;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::site::Site;

use crate::urls::Urls;

/// The version of the files' shape, written in each as `"version"`. Version
/// 2 left out of `quotes.json` what `articles.json` says of each article (its
/// URL, date and outlet), grouping the quotations by article, and wrote an
/// article's entities in `articles.json` as `[key, mentions]` pairs.
pub const DATA_VERSION: u32 = 2;

pub const ARTICLES_PATH: &str = "data/articles.json";
pub const ENTITIES_PATH: &str = "data/entities.json";
pub const ARTICLES_SCHEMA_PATH: &str = "data/articles.schema.json";
pub const ENTITIES_SCHEMA_PATH: &str = "data/entities.schema.json";
pub const STORIES_PATH: &str = "data/stories.json";
pub const STORIES_SCHEMA_PATH: &str = "data/stories.schema.json";
pub const QUOTES_PATH: &str = "data/quotes.json";
pub const QUOTES_SCHEMA_PATH: &str = "data/quotes.schema.json";

/// The schemas, as published with every site.
pub const SCHEMAS: [(&str, &str); 4] = [
    (ARTICLES_SCHEMA_PATH, include_str!("../../schemas/articles.schema.json")),
    (ENTITIES_SCHEMA_PATH, include_str!("../../schemas/entities.schema.json")),
    (STORIES_SCHEMA_PATH, include_str!("../../schemas/stories.schema.json")),
    (QUOTES_SCHEMA_PATH, include_str!("../../schemas/quotes.schema.json")),
];

/// A list written out as its items are made, one at a time, without
/// collecting them first. The function gives the items afresh on each call.
struct Streamed<F>(F);

impl<F, I> Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator<Item: Serialize>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct ArticlesFile<'a, A> {
    #[serde(rename = "$schema")]
    schema: String,
    version: u32,
    site: SiteInfo<'a>,
    /// [`ArticleRecord`]s, newest first; undated last.
    articles: A,
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    /// RFC 3339: a date, or a date and time when the front matter has one.
    date: Option<String>,
    /// The key of the publishing outlet in `entities.json`.
    source: Option<&'a str>,
    summary: &'a str,
    author: Option<&'a str>,
    original_url: Option<&'a str>,
    tags: &'a [String],
    entities: MentionsByKind<'a>,
}

#[derive(Serialize, Default)]
struct MentionsByKind<'a> {
    people: Vec<Mention<'a>>,
    places: Vec<Mention<'a>>,
    sources: Vec<Mention<'a>>,
}

/// `[key, mentions]`: the entity's key and how often the text names it (0
/// when only the front matter adds it). A pair rather than an object: an
/// archive has hundreds of thousands of them.
type Mention<'a> = (&'a str, u32);

#[derive(Serialize)]
struct EntitiesFile<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    version: u32,
    site: SiteInfo<'a>,
    entities: Vec<EntityRecord<'a>>,
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    kind: Kind,
    key: &'a str,
    url: String,
    feed: String,
    name: &'a str,
    aliases: Vec<&'a str>,
    description: Option<&'a str>,
    wikidata: Option<&'a str>,
    /// country, city, region, site; agency, newspaper, channel, website, think-tank
    subkind: Option<&'a str>,
    /// The key of the place that contains it.
    within: Option<&'a str>,
    website: Option<&'a str>,
    article_count: usize,
    mention_count: u64,
}

#[derive(Serialize)]
struct StoriesFile<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    version: u32,
    site: SiteInfo<'a>,
    /// Newest first (by their newest article).
    stories: Vec<StoryRecord<'a>>,
}

#[derive(Serialize)]
struct StoryRecord<'a> {
    /// The slug of its first article.
    key: &'a str,
    url: String,
    title: &'a str,
    /// The dates of its first and newest dated articles.
    first_date: Option<String>,
    last_date: Option<String>,
    /// The keys of the outlets that published its articles.
    sources: Vec<&'a str>,
    /// Its articles' slugs, oldest first (undated last).
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct QuotesFile<'a, A> {
    #[serde(rename = "$schema")]
    schema: String,
    version: u32,
    site: SiteInfo<'a>,
    /// The articles that quote someone ([`QuotingArticle`]s), newest first, as in `articles.json`.
    articles: A,
}

/// An article's quotations. Its URL, date and outlet are in `articles.json`.
#[derive(Serialize)]
struct QuotingArticle<'a, Q> {
    /// The slug of the article in `articles.json`.
    article: &'a str,
    /// [`QuoteRecord`]s in text order: the first is at `#q-1` on the article's page, the second at `#q-2`, …
    quotes: Q,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    /// The key of the person who said it, or null.
    speaker: Option<&'a str>,
    speaker_text: Cow<'a, str>,
    text: Cow<'a, str>,
    direct: bool,
    /// The key of the source the statement was given to, or null.
    outlet: Option<&'a str>,
}

/// Writes one data file of a site as it is made: the data of a large
/// archive is hundreds of megabytes.
pub type WriteFile = fn(&Site, &Urls, &mut dyn Write) -> io::Result<()>;

/// The data files but `quotes.json` (a group of its own, [`QUOTES`]) by
/// their paths; their schemas are [`SCHEMAS`].
pub const FILES: [(&str, WriteFile); 3] =
    [(ARTICLES_PATH, write_articles_json), (ENTITIES_PATH, write_entities_json), (STORIES_PATH, write_stories_json)];

/// `quotes.json`, which changes with the quotations alone.
pub const QUOTES: (&str, WriteFile) = (QUOTES_PATH, write_quotes_json);

/// A list of at most one record per article, in the order of `ids`, made
/// and serialized in parallel a block at a time and written in order: the
/// records of a large archive are the longest part of its data files to
/// make, and a block's worth is all that is held at once besides the file.
struct ByArticle<'a, F> {
    ids: &'a [ArticleId],
    make: F,
}

/// Articles made in parallel at a time by [`ByArticle`].
const BLOCK: usize = 1024;

impl<F, R> Serialize for ByArticle<'_, F>
where
    F: Fn(ArticleId) -> Option<R> + Sync,
    R: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let records = self.ids.chunks(BLOCK).flat_map(|block| {
            let made: Vec<Box<RawValue>> = block
                .par_iter()
                .filter_map(|&id| {
                    let record = (self.make)(id)?;
                    Some(serde_json::value::to_raw_value(&record).expect("plain structs serialize"))
                })
                .collect();
            made
        });
        serializer.collect_seq(records)
    }
}

/// `data/articles.json`.
fn write_articles_json(site: &Site, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let articles = ByArticle {
        ids: &site.index.newest_first,
        make: |id| {
            let article = site.article(id);
            let found = site.mentions(id);
            let mut entities = MentionsByKind::default();
            let mut by_count: Vec<(EntityId, u32)> = found.entities.clone();
            by_count.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
            for (entity, mentions) in by_count {
                let entity = site.catalog.get(entity);
                let list = match entity.kind {
                    Kind::Person => &mut entities.people,
                    Kind::Place => &mut entities.places,
                    Kind::Source => &mut entities.sources,
                };
                list.push((&entity.key, mentions));
            }
            Some(ArticleRecord {
                slug: &article.slug,
                url: urls.permalink(&Urls::article(&article.slug)),
                title: &article.title,
                date: article.published.map(|p| p.rfc3339()),
                source: found.source.map(|s| site.catalog.get(s).key.as_str()),
                summary: &site.analysis(id).summary,
                author: article.author.as_deref(),
                original_url: article.url.as_deref(),
                tags: &article.tags,
                entities,
            })
        },
    };
    let file = ArticlesFile {
        schema: urls.permalink(ARTICLES_SCHEMA_PATH),
        version: DATA_VERSION,
        site: SiteInfo { title: &site.config.title, url: &site.config.base_url },
        articles,
    };
    serde_json::to_writer(out, &file).map_err(io::Error::from)
}

/// `data/entities.json`.
fn write_entities_json(site: &Site, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let mut mention_counts = vec![0u64; site.catalog.len()];
    for analysis in site.analyses() {
        for &(entity, n) in &analysis.mentions.entities {
            mention_counts[entity as usize] += u64::from(n);
        }
    }
    let entities = site
        .catalog
        .ids()
        .map(|id| {
            let entity = site.catalog.get(id);
            let page = Urls::entity(entity);
            EntityRecord {
                kind: entity.kind,
                key: &entity.key,
                url: urls.permalink(&page),
                feed: urls.permalink(&Urls::feed(&page)),
                name: &entity.name,
                aliases: entity.aliases().collect(),
                description: entity.description.as_deref(),
                wikidata: entity.wikidata.as_deref(),
                subkind: entity.subkind.as_deref(),
                within: entity.within.map(|p| site.catalog.get(p).key.as_str()),
                website: entity.url.as_deref(),
                article_count: site.index.articles_of[id as usize].len(),
                mention_count: mention_counts[id as usize],
            }
        })
        .collect();
    let file = EntitiesFile {
        schema: urls.permalink(ENTITIES_SCHEMA_PATH),
        version: DATA_VERSION,
        site: SiteInfo { title: &site.config.title, url: &site.config.base_url },
        entities,
    };
    serde_json::to_writer(out, &file).map_err(io::Error::from)
}

/// `data/stories.json`.
fn write_stories_json(site: &Site, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let stories = site
        .index
        .stories
        .iter()
        .map(|story| {
            let dates: Vec<String> =
                story.articles.iter().filter_map(|&a| site.article(a).published).map(|p| p.rfc3339()).collect();
            let mut sources: Vec<&str> = story
                .articles
                .iter()
                .filter_map(|&a| site.mentions(a).source)
                .map(|s| site.catalog.get(s).key.as_str())
                .collect();
            sources.sort_unstable();
            sources.dedup();
            StoryRecord {
                key: &story.key,
                url: urls.permalink(&Urls::story(&story.key)),
                title: &site.article(story.headline).title,
                first_date: dates.first().cloned(),
                last_date: dates.last().cloned(),
                sources,
                articles: story.articles.iter().map(|&a| site.article(a).slug.as_str()).collect(),
            }
        })
        .collect();
    let file = StoriesFile {
        schema: urls.permalink(STORIES_SCHEMA_PATH),
        version: DATA_VERSION,
        site: SiteInfo { title: &site.config.title, url: &site.config.base_url },
        stories,
    };
    serde_json::to_writer(out, &file).map_err(io::Error::from)
}

/// `data/quotes.json`.
fn write_quotes_json(site: &Site, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let key = |e: Option<EntityId>| e.map(|e| site.catalog.get(e).key.as_str());
    let articles = ByArticle {
        ids: &site.index.newest_first,
        make: |id| {
            let quotes = &site.analysis(id).quotes;
            (!quotes.is_empty()).then(|| QuotingArticle {
                article: &site.article(id).slug,
                quotes: Streamed(move || {
                    quotes.iter().map(move |quote| QuoteRecord {
                        speaker: key(quote.speaker),
                        speaker_text: quotes.speaker_text(quote),
                        text: quotes.text(quote),
                        direct: quote.direct,
                        outlet: key(quote.outlet),
                    })
                }),
            })
        },
    };
    let file = QuotesFile {
        schema: urls.permalink(QUOTES_SCHEMA_PATH),
        version: DATA_VERSION,
        site: SiteInfo { title: &site.config.title, url: &site.config.base_url },
        articles,
    };
    serde_json::to_writer(out, &file).map_err(io::Error::from)
}
