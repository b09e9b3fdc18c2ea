//! The fingerprint of each page: a hash of everything the page shows, made
//! without rendering it, so that a build renders only pages whose fingerprint
//! changed. Each kind of page hashes here what its context in `pages.rs`
//! shows; a field added to a page's context must be added to its fingerprint
//! (the test that an incremental build writes what a clean one writes keeps
//! the two in step).

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use xxhash_rust::xxh3::Xxh3;

use super::Renderer;
use super::cards::Cards;
use super::pages::QUOTES_ON_PAGE;
use super::templates::Templates;
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::plan::{Group, Job, Order, archive_page};
use crate::site::Site;
use crate::stories::StoryId;

/// Hashes of what many pages show, each made the first time a page of the
/// build needs it: a preview that fingerprints only the pages an edit
/// touches hashes only what those pages show.
pub struct Digests {
    /// The configuration (every page shows some of it).
    config: u64,
    /// Templates shared by pages (base, partials, the site's own).
    shared_templates: u64,
    /// What an article's card shows: title, date, source, summary, author,
    /// address, lead image.
    articles: Vec<OnceLock<u64>>,
    /// What a link to an entity shows: key, kind, name, address, Wikidata item.
    entity_links: Vec<OnceLock<u64>>,
    /// Everything of an entity's entry, with its number of articles.
    entity_records: Vec<OnceLock<u64>>,
    /// What a story's card shows: its key and its articles' cards.
    stories: Vec<OnceLock<u64>>,
    /// What an article's quotations are: where, what, by whom, to whom.
    quotes: Vec<OnceLock<u64>>,
    templates: Vec<(String, u64)>,
}

fn hasher() -> Xxh3 {
    Xxh3::new()
}

fn write_str(h: &mut Xxh3, text: &str) {
    h.write_usize(text.len());
    h.write(text.as_bytes());
}

fn write_opt(h: &mut Xxh3, text: Option<&str>) {
    match text {
        Some(text) => {
            h.write_u8(1);
            write_str(h, text);
        }
        None => h.write_u8(0),
    }
}

fn unset(n: usize) -> Vec<OnceLock<u64>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

impl Digests {
    pub fn new(site: &Site, templates: &Templates) -> Digests {
        let mut config = hasher();
        write_str(&mut config, &format!("{:?}", site.config));
        Digests {
            config: config.digest(),
            shared_templates: templates.shared_digest(),
            articles: unset(site.article_count()),
            entity_links: unset(site.catalog.len()),
            entity_records: unset(site.catalog.len()),
            stories: unset(site.index.stories.len()),
            quotes: unset(site.article_count()),
            templates: templates.page_digests(),
        }
    }

    /// The digests, with what they are made from.
    fn of<'a>(&'a self, site: &'a Site, cards: &'a Cards<'a>) -> Digesting<'a> {
        Digesting { digests: self, site, cards }
    }

    /// What every page is made with: the configuration and the templates.
    pub fn every_page(&self) -> u64 {
        let mut h = hasher();
        h.write_u64(self.config);
        h.write_u64(self.shared_templates);
        for (name, digest) in &self.templates {
            write_str(&mut h, name);
            h.write_u64(*digest);
        }
        h.digest()
    }

    fn template(&self, name: &str) -> u64 {
        self.templates.iter().find(|(n, _)| n == name).map_or(0, |(_, d)| *d)
    }

    /// The inputs of a group of site files.
    pub fn group(&self, site: &Site, cards: &Cards, group: Group) -> u64 {
        self.of(site, cards).group(group)
    }
}

/// [`Digests`] with the site and cards they are made from.
struct Digesting<'a> {
    digests: &'a Digests,
    site: &'a Site,
    cards: &'a Cards<'a>,
}

impl std::ops::Deref for Digesting<'_> {
    type Target = Digests;

    fn deref(&self) -> &Digests {
        self.digests
    }
}

impl Digesting<'_> {
    /// What a link to entity `id` shows.
    fn entity_link(&self, id: EntityId) -> u64 {
        *self.digests.entity_links[id as usize].get_or_init(|| {
            let e = self.site.catalog.get(id);
            let mut h = hasher();
            for text in [e.key.as_str(), e.kind.section(), e.name.as_str(), e.slug.as_str()] {
                write_str(&mut h, text);
            }
            write_opt(&mut h, e.wikidata.as_deref());
            h.digest()
        })
    }

    /// Everything of entity `id`'s entry, with its number of articles.
    fn entity_record(&self, id: EntityId) -> u64 {
        *self.digests.entity_records[id as usize].get_or_init(|| {
            let site = self.site;
            let e = site.catalog.get(id);
            let mut h = hasher();
            h.write_u64(self.entity_link(id));
            for spelling in &e.spellings {
                write_str(&mut h, &spelling.text);
                h.write_u8(u8::from(spelling.weak));
            }
            for text in [&e.description, &e.subkind, &e.url, &e.sort] {
                write_opt(&mut h, text.as_deref());
            }
            write_opt(&mut h, e.within.map(|w| site.catalog.get(w).key.as_str()));
            for old in &e.old_paths {
                write_str(&mut h, &old.value);
            }
            h.write_usize(site.index.articles_of[id as usize].len());
            h.digest()
        })
    }

    /// What article `id`'s card shows.
    fn article(&self, id: ArticleId) -> u64 {
        *self.digests.articles[id as usize].get_or_init(|| {
            let site = self.site;
            let (article, analysis) = (site.article(id), site.analysis(id));
            let mut h = hasher();
            for text in [&article.slug, &article.title, &analysis.summary] {
                write_str(&mut h, text);
            }
            // What the cards write of the date (its timestamp, its RFC 3339 form) is made from these.
            article.published.map(|p| (p.date, p.instant)).hash(&mut h);
            write_opt(&mut h, article.author.as_deref());
            write_opt(&mut h, article.url.as_deref());
            h.write_u64(analysis.mentions.source.map_or(0, |s| self.entity_link(s)));
            self.cards.image(id).hash(&mut h);
            h.digest()
        })
    }

    /// What story `id`'s card shows.
    fn story(&self, id: StoryId) -> u64 {
        *self.digests.stories[id as usize].get_or_init(|| {
            let story = &self.site.index.stories[id as usize];
            let mut h = hasher();
            write_str(&mut h, &story.key);
            h.write_u32(story.headline);
            for &a in &story.articles {
                h.write_u64(self.article(a));
            }
            h.digest()
        })
    }

    /// What article `id`'s quotations are.
    fn quotes(&self, id: ArticleId) -> u64 {
        *self.digests.quotes[id as usize].get_or_init(|| {
            let mut h = hasher();
            let quotes = &self.site.analysis(id).quotes;
            for quote in quotes.iter() {
                for spot in [quote.from, quote.to] {
                    h.write_u32(spot.run);
                    h.write_u32(spot.at);
                }
                h.write_u8(u8::from(quote.direct) | u8::from(quote.whole_block) << 1);
                for entity in [quote.speaker, quote.outlet] {
                    h.write_u64(entity.map_or(0, |e| self.entity_link(e)));
                }
                quotes.hash_texts(quote, &mut h);
            }
            h.digest()
        })
    }

    /// The inputs of a group of site files.
    fn group(&self, group: Group) -> u64 {
        let site = self.site;
        let mut h = hasher();
        h.write_u64(self.config);
        match group {
            Group::Host => {
                h.write_u64(self.template("sitemap.xml"));
                h.write_u64(self.template("sitemap_index.xml"));
                h.write_u64(self.template("robots.txt"));
                for &id in &site.index.newest_first {
                    h.write_u64(self.article(id));
                }
                for id in site.catalog.ids() {
                    h.write_u64(self.entity_link(id));
                }
                // The orders of the index pages, which the sitemap lists.
                for kind in Kind::ALL {
                    Order::of(kind, site).hash(&mut h);
                }
                for id in site.article_ids() {
                    for old in &site.article(id).aliases {
                        write_str(&mut h, &old.value);
                    }
                }
                for id in 0..site.index.stories.len() as StoryId {
                    h.write_u64(self.story(id));
                }
            }
            Group::Data | Group::Search => {
                h.write_u8(group as u8);
                for id in 0..site.index.stories.len() as StoryId {
                    h.write_u64(self.story(id));
                }
                for id in site.catalog.ids() {
                    h.write_u64(self.entity_record(id));
                }
                for &id in &site.index.newest_first {
                    let article = site.article(id);
                    // The data files hold what the cards show and the tags,
                    // not the text: an edit to the text alone leaves them as
                    // they were.
                    match group {
                        Group::Search => {
                            h.write_u64(article.hash);
                            h.write_u64(self.quotes(id));
                        }
                        _ => article.tags.hash(&mut h),
                    }
                    h.write_u64(self.article(id));
                    for &(entity, count) in &site.mentions(id).entities {
                        h.write_u32(entity);
                        h.write_u32(count);
                    }
                }
            }
            Group::Quotes => {
                for &id in &site.index.newest_first {
                    h.write_u64(self.article(id));
                    h.write_u64(self.quotes(id));
                }
            }
            Group::Static => {}
        }
        h.digest()
    }
}

/// The digest of a set of files (the static files).
pub fn files_digest(files: &[(String, Vec<u8>)]) -> u64 {
    let mut h = hasher();
    for (path, bytes) in files {
        write_str(&mut h, path);
        h.write_usize(bytes.len());
        h.write(bytes);
    }
    h.digest()
}

impl Renderer<'_> {
    /// The fingerprint of page `job`.
    pub(super) fn fingerprint(&self, job: Job) -> u64 {
        let (site, d) = (self.site, self.digests.of(self.site, &self.cards));
        let config = &site.config;
        let mut h = hasher();
        h.write_u64(d.config);
        h.write_u64(d.shared_templates);
        h.write_u64(d.template(job.template()));
        let articles = |h: &mut Xxh3, ids: &mut dyn Iterator<Item = ArticleId>| {
            for id in ids {
                h.write_u64(d.article(id));
            }
        };
        // The sentences that name `entity` in articles `ids`.
        let excerpts = |h: &mut Xxh3, entity: EntityId, ids: &mut dyn Iterator<Item = ArticleId>| {
            for id in ids {
                site.analysis(id).excerpts.of(entity).hash(h);
            }
        };
        let links = |h: &mut Xxh3, ids: &mut dyn Iterator<Item = EntityId>| {
            for id in ids {
                h.write_u64(d.entity_link(id));
            }
        };
        match job {
            Job::Home => {
                articles(&mut h, &mut site.index.newest_first.iter().take(config.home_articles).copied());
                let facts = self.home_facts();
                for &(id, _, _) in &facts.top {
                    h.write_u64(d.entity_record(id));
                }
                facts.hash(&mut h);
                h.write_usize(site.article_count());
                h.write_usize(site.catalog.len());
            }
            Job::NotFound => {}
            Job::Search => {
                self.archive_span().hash(&mut h);
            }
            Job::Entities(kind, order) => {
                Order::of(kind, site).hash(&mut h);
                match order {
                    Order::Alphabetical => {
                        for group in &site.index.letters[&kind] {
                            write_str(&mut h, &group.heading.label());
                            for &id in &group.entities {
                                h.write_u64(d.entity_record(id));
                            }
                        }
                    }
                    Order::MostMentioned => {
                        for id in site.index.by_count(&site.catalog, kind) {
                            h.write_u64(d.entity_record(id));
                        }
                    }
                    Order::ByCountry => {
                        for (place, within) in site.index.by_country(&site.catalog) {
                            h.write_u64(place.map_or(0, |p| d.entity_record(p)));
                            for id in within {
                                h.write_u64(d.entity_record(id));
                            }
                        }
                    }
                }
            }
            Job::Article(id) => {
                let (article, mentions) = (site.article(id), site.mentions(id));
                h.write_u64(article.hash);
                h.write_u64(d.article(id));
                h.write_u64(d.quotes(id));
                for &(entity, count) in &mentions.entities {
                    h.write_u64(d.entity_link(entity));
                    h.write_u32(count);
                }
                if let Some(story) = site.index.story_of[id as usize] {
                    h.write_u64(d.story(story));
                    h.write_usize(super::cards::outlet_count(site, story));
                }
            }
            Job::Entity(id) => {
                h.write_u64(d.entity_record(id));
                let entity = site.catalog.get(id);
                links(&mut h, &mut entity.within.into_iter());
                links(&mut h, &mut site.index.contains[id as usize].iter().copied());
                let first = site.index.first_page(id, config.entity_page_size);
                articles(&mut h, &mut first.iter().copied());
                excerpts(&mut h, id, &mut first.iter().copied());
                self.entity_span(id).hash(&mut h);
                h.write_usize(site.index.archive_pages(id, config.entity_page_size));
                for &(other, count) in &site.index.co_mentions[id as usize] {
                    h.write_u64(d.entity_record(other));
                    h.write_u32(count);
                }
                let stories = &site.index.stories_of[id as usize];
                h.write_usize(stories.len());
                for &story in stories.iter().take(crate::plan::ENTITY_STORIES) {
                    h.write_u64(d.story(story));
                }
                let said = &site.index.quotes_of[id as usize];
                h.write_usize(said.len());
                for &(article, n) in said.iter().take(QUOTES_ON_PAGE) {
                    h.write_u64(d.article(article));
                    h.write_u64(d.quotes(article));
                    h.write_u32(n);
                }
            }
            Job::EntityArchive(id, page) => {
                h.write_u64(d.entity_record(id));
                h.write_usize(page);
                // Its link to newer articles leads to the next archive page or the first page.
                h.write_u8(u8::from(page < site.index.archive_pages(id, config.entity_page_size)));
                articles(&mut h, &mut site.index.archive(id, page, config.entity_page_size));
            }
            Job::SiteFeed | Job::EntityFeed(_) => {
                let list = match job {
                    Job::EntityFeed(id) => {
                        h.write_u64(d.entity_record(id));
                        &site.index.articles_of[id as usize]
                    }
                    _ => &site.index.newest_first,
                };
                let mut entries =
                    list.iter().copied().take_while(|&a| site.article(a).published.is_some()).take(config.feed_entries);
                articles(&mut h, &mut entries);
                // A feed without entries is dated by the site's newest article.
                let newest = site.index.newest_first.first().copied();
                articles(&mut h, &mut newest.filter(|&a| site.article(a).published.is_some()).into_iter());
            }
            Job::Story(id) => {
                let story = &site.index.stories[id as usize];
                h.write_u64(d.story(id));
                // The page compares the articles' texts, figures, quotations and entities.
                for &a in &story.articles {
                    h.write_u64(site.article(a).hash);
                    h.write_u64(d.quotes(a));
                    for &(entity, count) in &site.mentions(a).entities {
                        h.write_u64(d.entity_link(entity));
                        h.write_u32(count);
                    }
                }
            }
            Job::Stories(page) => {
                let per_page = config.entity_page_size;
                let all: Vec<StoryId> = (0..site.index.stories.len() as StoryId).collect();
                h.write_usize(page);
                h.write_usize(all.len());
                let shown =
                    if page == 0 { &all[..all.len().min(per_page)] } else { archive_page(&all, page, per_page) };
                for &story in shown {
                    h.write_u64(d.story(story));
                }
            }
            Job::StoriesFeed => {
                let dated = (0..site.index.stories.len() as StoryId).filter(|&id| {
                    site.article(site.index.stories[id as usize].newest(site.articles())).published.is_some()
                });
                for story in dated.take(config.feed_entries) {
                    h.write_u64(d.story(story));
                }
            }
            Job::Redirect(old) => {
                write_str(&mut h, &old.located(site).value);
                match old.target() {
                    Job::Article(id) => h.write_u64(d.article(id)),
                    Job::Entity(id) => h.write_u64(d.entity_link(id)),
                    _ => {}
                }
            }
        }
        h.digest()
    }
}
