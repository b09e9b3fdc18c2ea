//! The cards pages show of entities, articles and stories, made once per
//! build and shared by every page that lists them, and the choice of a
//! story's articles to show side by side.

use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use tera::Value;

use super::images::{self, ImageView};
use super::views::*;
use crate::analysis::{Analysis, Excerpts};
use crate::arabic::plural;
use crate::content::Article;
use crate::entities::{Entity, EntityId};
use crate::index::ArticleId;
use crate::site::Site;
use crate::stories::StoryId;
use crate::urls::Urls;

/// Articles in an article's story box at most: a big story repeated whole
/// on each of its articles' pages would be most of the site's bytes.
const STORY_BOX_ENTRIES: usize = 10;

/// The cards of every entity and article, each made the first time a page
/// of the build shows it. Pages take them as template values, which are
/// shared, not copied, so a card listed on a thousand pages is serialized once.
pub struct Cards<'s> {
    site: &'s Site,
    urls: Urls,
    /// Each article's lead image, if it can be shown (its own page says
    /// why one cannot); boxed, as most articles of an archive may have none.
    images: Vec<Option<Box<ImageView>>>,
    entities: Vec<OnceLock<Value>>,
    entity_links: Vec<OnceLock<Value>>,
    articles: Vec<OnceLock<Value>>,
    stories: Vec<OnceLock<Value>>,
    /// Each article's excerpts, `None` when its file cannot be read again.
    excerpts: Vec<OnceLock<Option<Excerpts>>>,
    /// The entities whose first page lists each article, sorted: the ones
    /// of its excerpts that a page shows (the others were made and kept
    /// for nothing).
    first_pages: FxHashMap<ArticleId, Vec<EntityId>>,
}

impl<'s> Cards<'s> {
    /// The cards of `site`; the articles' lead images are looked at now.
    pub fn new(site: &'s Site, urls: Urls) -> Cards<'s> {
        let images = site
            .articles()
            .par_iter()
            .map(|a| images::lead_image(&site.root, &urls, site.config.remote_images, a).ok().flatten().map(Box::new))
            .collect();
        let entities = (0..site.catalog.len()).map(|_| OnceLock::new()).collect();
        let entity_links = (0..site.catalog.len()).map(|_| OnceLock::new()).collect();
        let articles = (0..site.article_count()).map(|_| OnceLock::new()).collect();
        let stories = (0..site.index.stories.len()).map(|_| OnceLock::new()).collect();
        let excerpts = (0..site.article_count()).map(|_| OnceLock::new()).collect();
        let mut first_pages: FxHashMap<ArticleId, Vec<EntityId>> = FxHashMap::default();
        for entity in site.catalog.ids() {
            for &id in site.index.first_page(entity, site.config.entity_page_size) {
                first_pages.entry(id).or_default().push(entity);
            }
        }
        Cards { site, urls, images, entities, entity_links, articles, stories, excerpts, first_pages }
    }

    /// Drops the cards and excerpts made so far, to be made again if asked
    /// for: the site files use none of them, and they are most of what
    /// rendering the pages adds to a build's memory, which the site files
    /// then added to.
    pub fn forget(&mut self) {
        for cell in self.articles.iter_mut().chain(&mut self.stories) {
            cell.take();
        }
        for cell in &mut self.excerpts {
            cell.take();
        }
    }

    /// The lead image of article `id`, if it has one that can be shown.
    pub fn image(&self, id: ArticleId) -> Option<&ImageView> {
        self.images[id as usize].as_deref()
    }

    /// A link to an entity without its count, as a template value.
    pub fn entity_link(&self, id: EntityId) -> &Value {
        self.entity_links[id as usize].get_or_init(|| Value::from_serializable(&entity_link(self.site, &self.urls, id)))
    }

    /// The card of an entity, as a template value.
    pub fn entity(&self, id: EntityId) -> &Value {
        self.entities[id as usize].get_or_init(|| Value::from_serializable(&entity_card(self.site, &self.urls, id)))
    }

    /// The card of an article, as a template value.
    pub fn article(&self, id: ArticleId) -> &Value {
        self.articles[id as usize].get_or_init(|| {
            let site = self.site;
            let image = self.image(id).cloned();
            Value::from_serializable(&article_card(self, site.article(id), site.analysis(id), image))
        })
    }

    /// The excerpts of article `id` that the first pages of entities show,
    /// made from its file the first time a page shows one (a file that
    /// cannot be read again has none here; its own page reports why).
    pub fn excerpts(&self, id: ArticleId) -> Option<&Excerpts> {
        let shown = self.first_pages.get(&id).map_or(&[][..], Vec::as_slice);
        self.excerpts[id as usize].get_or_init(|| self.site.excerpts(id, |e| shown.contains(&e)).ok()).as_ref()
    }

    /// The card of a story, as a template value.
    pub fn story(&self, id: StoryId) -> &Value {
        self.stories[id as usize].get_or_init(|| Value::from_serializable(&story_card(self.site, &self.urls, id)))
    }
}

/// How many outlets covered story `id`: the named ones, and each article
/// that names none (it may be any outlet).
pub fn outlet_count(site: &Site, id: StoryId) -> usize {
    let story = &site.index.stories[id as usize];
    let mut named: Vec<EntityId> = story.articles.iter().filter_map(|&a| site.mentions(a).source).collect();
    let unnamed = story.articles.len() - named.len();
    named.sort_unstable();
    named.dedup();
    named.len() + unnamed
}

fn story_card(site: &Site, urls: &Urls, id: StoryId) -> StoryCard {
    let story = &site.index.stories[id as usize];
    let dates: Vec<DateView> = story
        .articles
        .iter()
        .filter_map(|&a| site.article(a).published.as_ref())
        .map(|p| DateView::new(p, &site.config))
        .collect();
    let outlets = outlet_count(site, id);
    StoryCard {
        key: story.key.clone(),
        title: site.article(story.headline).title.clone(),
        url: urls.url(&Urls::story(&story.key)),
        outlets,
        outlets_text: outlets_text(&site.config, outlets),
        article_count: story.articles.len(),
        articles_text: counted(&site.config, story.articles.len(), &plural::ARTICLES),
        first_date: dates.first().cloned(),
        last_date: dates.last().cloned(),
    }
}

impl Cards<'_> {
    /// The box of the story of article `id`, if it has one.
    pub fn story_box(&self, id: ArticleId) -> Option<StoryBox<'_>> {
        let site = self.site;
        let story = site.index.story_of[id as usize]?;
        let articles = &site.index.stories[story as usize].articles;
        let entries = one_an_outlet(site, articles, Some(id), STORY_BOX_ENTRIES)
            .into_iter()
            .map(|a| StoryEntry { article: self.article(a), current: a == id })
            .collect();
        Some(StoryBox { story: self.story(story), entries })
    }
}

/// Of a story's `articles` (oldest first), those to show side by side: one
/// an outlet, the first it published (an article naming no outlet counts as
/// an outlet of its own, as in `outlet_count`), at most `limit`, with `keep`
/// always among them.
pub fn one_an_outlet(site: &Site, articles: &[ArticleId], keep: Option<ArticleId>, limit: usize) -> Vec<ArticleId> {
    let mut outlets_shown: Vec<EntityId> = keep.and_then(|k| site.mentions(k).source).into_iter().collect();
    let mut others = limit.saturating_sub(usize::from(keep.is_some()));
    articles
        .iter()
        .copied()
        .filter(|&a| {
            if Some(a) == keep {
                return true;
            }
            let outlet = site.mentions(a).source;
            if others == 0 || outlet.is_some_and(|o| outlets_shown.contains(&o)) {
                return false;
            }
            outlets_shown.extend(outlet);
            others -= 1;
            true
        })
        .collect()
}

fn entity_card(site: &Site, urls: &Urls, id: EntityId) -> EntityCard {
    let entity: &Entity = site.catalog.get(id);
    let count = site.index.articles_of[id as usize].len();
    EntityCard {
        key: entity.key.clone(),
        kind: entity.kind,
        name: entity.name.clone(),
        url: urls.url(&Urls::entity(entity)),
        description: entity.description.clone(),
        article_count: count,
        article_count_text: count_text(&site.config, count),
    }
}

fn entity_link(site: &Site, urls: &Urls, id: EntityId) -> EntityLink {
    let entity = site.catalog.get(id);
    EntityLink {
        key: entity.key.clone(),
        kind: entity.kind,
        name: entity.name.clone(),
        url: urls.url(&Urls::entity(entity)),
    }
}

/// The card of an article with its analysis (of the site, or read anew).
pub fn article_card<'c>(
    cards: &'c Cards,
    article: &Article,
    analysis: &Analysis,
    image: Option<ImageView>,
) -> ArticleCard<'c> {
    ArticleCard {
        slug: article.slug.clone(),
        title: article.title.clone(),
        url: cards.urls.url(&Urls::article(&article.slug)),
        date: article.published.as_ref().map(|p| DateView::new(p, &cards.site.config)),
        source: analysis.mentions.source.map(|s| cards.entity_link(s)),
        summary: analysis.summary.clone(),
        image,
    }
}
