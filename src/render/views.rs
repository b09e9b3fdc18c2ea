//! What templates see: small serializable views built from the index, never the
//! domain types themselves. These structs are the template contract documented
//! in the README; every field is listed there.

use std::borrow::Cow;

use serde::Serialize;
use tera::Value;

use super::charts::Sparkline;
use super::images::ImageView;
use crate::plan::Order;

use crate::arabic::plural::{self, Noun};
use crate::config::Config;
use crate::content::Published;
use crate::entities::Kind;

use crate::urls::Urls;

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
            ("القصص", Urls::STORIES, "stories"),
            ("البحث", Urls::SEARCH, "search"),
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
    /// RFC 3339, with the time when the article gives one.
    pub iso: String,
    /// The day that `text` names (`2024-07-25`), for a `<time>` that shows only the day.
    pub day: String,
    pub text: String,
    /// With the weekday: الخميس 25 تموز/يوليو 2024.
    pub long: String,
}

impl DateView {
    pub fn new(published: &Published, config: &Config) -> DateView {
        DateView {
            iso: published.rfc3339(),
            day: published.date.to_string(),
            text: config.dates.format(published.date),
            long: config.dates.format_long(published.date),
        }
    }

    /// A day without a time.
    pub fn day(date: jiff::civil::Date, config: &Config) -> DateView {
        DateView {
            iso: date.to_string(),
            day: date.to_string(),
            text: config.dates.format(date),
            long: config.dates.format_long(date),
        }
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
    pub description: Option<String>,
    pub article_count: usize,
    /// `article_count` in the site's digits.
    pub article_count_text: String,
}

/// A link to an entity, without its count (an article's source, its panel).
#[derive(Debug, Clone, Serialize)]
pub struct EntityLink {
    pub key: String,
    /// person, place, source
    pub kind: Kind,
    pub name: String,
    pub url: String,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCard<'a> {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub date: Option<DateView>,
    /// An [`EntityLink`], the one value of its outlet that every card shares
    /// (made anew for each card, it was one more map in each).
    pub source: Option<&'a Value>,
    pub summary: String,
    /// The lead image, or none.
    pub image: Option<ImageView>,
}

/// An entity with how often it appears next to another (or in a time).
#[derive(Debug, Serialize)]
pub struct CountedCard<'a> {
    /// An [`EntityCard`].
    pub entity: &'a Value,
    pub count: u32,
    pub count_text: String,
    /// `count` as a percentage of the largest count of its list, in steps
    /// of 5 (the stylesheet has a class `wN` for each), for bars.
    pub share: u32,
}

/// An entity of the home page's most mentioned, with its recent count and
/// a sparkline of its months.
#[derive(Debug, Serialize)]
pub struct TopItem<'a> {
    /// An [`EntityCard`].
    pub entity: &'a Value,
    pub count: u32,
    /// How many articles, in words: 4 مقالات.
    pub count_text: String,
    pub spark: Sparkline,
}

/// The sentence that names an entity, in three parts: `before`, the `name`
/// as written (to mark), `after`.
#[derive(Debug, Serialize)]
pub struct ExcerptView {
    pub before: String,
    pub name: String,
    pub after: String,
}

impl ExcerptView {
    /// From an excerpt and the bytes of the name in it.
    pub fn new(text: &str, name: std::ops::Range<usize>) -> ExcerptView {
        let part = |range: std::ops::Range<usize>| text[range].to_owned();
        ExcerptView { before: part(0..name.start), name: part(name.clone()), after: part(name.end..text.len()) }
    }
}

/// One order of an index page, for the switch between them.
#[derive(Debug, Serialize)]
pub struct OrderLink {
    pub key: Order,
    pub title: &'static str,
    pub url: String,
    pub current: bool,
}

/// A group of the places' index by country: the place (none for places
/// in no known country) and the places within it.
#[derive(Debug, Serialize)]
pub struct CountryGroup<'a> {
    pub place: Option<&'a Value>,
    pub entities: Vec<&'a Value>,
}

/// A month the search can start or end at: `value` YYYY-MM, `name` in the
/// site's month names.
#[derive(Debug, Serialize)]
pub struct MonthOption {
    pub value: String,
    pub name: String,
}

/// The months of one year of the archive.
#[derive(Debug, Serialize)]
pub struct YearMonths {
    #[serde(skip)]
    pub number: i16,
    /// The year in the site's digits.
    pub year: String,
    pub months: Vec<MonthOption>,
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
    pub card: Value,
    pub permalink: String,
    pub author: Option<&'a str>,
    /// Where it was first published, and that address's host.
    pub original_url: Option<&'a str>,
    pub original_host: Option<&'a str>,
    pub tags: &'a [String],
    /// The body as HTML, with mentions linked.
    pub body_html: String,
    /// Its entities, most mentioned first, as [`EntityLink`]s.
    pub entities: ByKind<&'a Value>,
    /// The story it is part of.
    pub story: Option<StoryBox<'a>>,
    pub extra: &'a serde_json::Value,
}

/// A story in a list.
#[derive(Debug, Clone, Serialize)]
pub struct StoryCard {
    pub key: String,
    pub title: String,
    pub url: String,
    /// How many outlets covered it (an article that names none counts as one).
    pub outlets: usize,
    /// "مصدرين", "٤ مصادر", "١٢ مصدرًا": the count with its noun, in the site's digits.
    pub outlets_text: String,
    pub article_count: usize,
    /// "مقالان", "٤ مقالات", "١٢ مقالًا".
    pub articles_text: String,
    /// Its first and newest dated articles' dates.
    pub first_date: Option<DateView>,
    pub last_date: Option<DateView>,
}

/// An article's box of the story it is part of.
#[derive(Debug, Serialize)]
pub struct StoryBox<'a> {
    /// Its [`StoryCard`].
    pub story: &'a Value,
    /// One article an outlet, oldest first, as [`ArticleCard`]s: this page's
    /// (marked) and the first of each other outlet, at most
    /// ten in all; the story's page has every article.
    pub entries: Vec<StoryEntry<'a>>,
}

#[derive(Debug, Serialize)]
pub struct StoryEntry<'a> {
    pub article: &'a Value,
    pub current: bool,
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
    /// How many articles, in words: 45 مقالًا.
    pub count_text: String,
    /// The dates of its oldest and newest dated articles.
    pub first_date: Option<DateView>,
    pub last_date: Option<DateView>,
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
    /// The newest stories it appears in, as [`StoryCard`]s, and how many there are.
    pub stories: Vec<&'a Value>,
    pub story_count: usize,
}

/// A quotation on the page of the person who said it.
#[derive(Debug, Serialize)]
pub struct QuoteCard<'a> {
    /// What was said (without quotation marks).
    pub text: Cow<'a, str>,
    /// In the speaker's own words, or reported.
    pub direct: bool,
    /// The quotation on its article's page (the article's URL and the quotation's anchor).
    pub url: String,
    /// The words of the article that name the speaker.
    pub speaker_text: Cow<'a, str>,
    /// Its article's [`ArticleCard`] (title, date, publishing outlet).
    pub article: &'a Value,
    /// The source the statement was given to, as an [`EntityLink`], or none.
    pub outlet: Option<&'a Value>,
}

impl<'a> CountedCard<'a> {
    /// Cards for `items` (entity, count) with their shares of the largest count.
    pub fn list(config: &Config, items: Vec<(&'a Value, u32)>) -> Vec<CountedCard<'a>> {
        let max = items.iter().map(|&(_, n)| n).max().unwrap_or(0).max(1);
        items
            .into_iter()
            .map(|(entity, count)| CountedCard {
                entity,
                count,
                count_text: count_text(config, count),
                share: ((count * 20).div_ceil(max) * 5).max(5),
            })
            .collect()
    }
}

/// `pagination` of an entity's pages: its first page with the newest
/// articles, and archive pages counted from the oldest.
#[derive(Debug, Serialize)]
pub struct Pagination {
    /// The entity's own page (not an archive page).
    pub first: bool,
    /// The archive page's number (1 = the oldest), 0 on the first page.
    pub page: usize,
    /// `page` in the site's digits.
    pub page_text: String,
    /// How many archive pages there are.
    pub archive_pages: usize,
    /// Links to the page of newer and of older articles.
    pub newer: Option<String>,
    pub older: Option<String>,
}

/// One letter section of an index page.
#[derive(Debug, Serialize)]
pub struct LetterView<'a> {
    pub label: String,
    pub anchor: String,
    pub entities: Vec<&'a Value>,
}

/// A count of outlets with its noun as Arabic says it: مصدر واحد، مصدرين،
/// ٣ مصادر … ١٠ مصادر، ١١ مصدرًا، ١٠٠ مصدر.
pub fn outlets_text(config: &Config, count: usize) -> String {
    counted(config, count, &plural::OUTLETS)
}

/// `count` in the site's digits with `noun` in the form the number calls for.
pub fn counted(config: &Config, count: usize, noun: &Noun) -> String {
    plural::counted(count as u64, &count_text(config, count), noun)
}

/// The digits of the site for a count.
pub fn count_text(config: &Config, count: impl ToString) -> String {
    config.dates.digits.apply(&count.to_string())
}
