//! Stories: articles about one event, grouped ([`group`]) from what the
//! analysis found in each (its signature, its people and places) and when it
//! was published; and what a story page compares ([`compare`]). A story has at
//! least two articles, an article is in at most one, and a story's key is the
//! slug of its first article, so adding a later article never changes its
//! address.

pub mod compare;
pub mod group;
#[cfg(test)]
mod tests;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::Words;
use crate::content::Article;
use crate::entities::{Catalog, EntityId, Kind};
use crate::index::ArticleId;

/// A story's place among the site's stories, newest first, in one build.
pub type StoryId = u32;

/// Articles about one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The slug of its first article: its page is `/stories/KEY/`.
    pub key: String,
    /// Its articles, oldest first (undated last).
    pub articles: Vec<ArticleId>,
    /// The article whose headline names the story: the one whose headline
    /// shares the most words with the others' (the earliest among equals).
    pub headline: ArticleId,
}

impl Story {
    /// The article it starts with.
    pub fn first(&self) -> ArticleId {
        self.articles[0]
    }

    /// Its newest dated article, or its first.
    pub fn newest(&self, articles: &[Arc<Article>]) -> ArticleId {
        self.articles.iter().rev().copied().find(|&a| articles[a as usize].published.is_some()).unwrap_or(self.first())
    }
}

/// Days since 1970-01-01.
pub fn day_number(date: jiff::civil::Date) -> i32 {
    (date - jiff::civil::date(1970, 1, 1)).get_days()
}

/// Oldest first, undated last; ties by time when both have one, then by slug.
pub fn oldest_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    let when = |x: &Article| x.published.map(|p| (p.date, p.instant));
    match (when(a), when(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.slug.cmp(&b.slug))
}

/// The grouping of the last build, kept for the next: the members of each
/// story (places in publication order) and a digest of all that the grouping
/// read. Grouping compares every article with the stories still open, the
/// one step of indexing that grows faster than the archive; a build in
/// which no article's date, signature or people and places changed (nothing
/// changed, or an edit that leaves them so) takes it as it was.
///
/// The preview server may also take it when only what articles say changed
/// (the same articles, in the same order): it [`Grouping::defer`]s
/// regrouping, so that a saved article's page reloads without waiting for it,
/// and builds again right after with the stories grouped anew.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grouping {
    digest: Option<u64>,
    /// A digest of the articles' order and dates alone: while it holds, the
    /// members still name the same articles.
    order: Option<u64>,
    members: Vec<Vec<usize>>,
    /// Whether the next grouping may be put off (see [`Grouping::defer`]).
    #[serde(skip)]
    deferrable: bool,
    /// Whether the members are those of articles that have changed since.
    #[serde(skip)]
    stale: bool,
    /// Whether some article was analysed anew for this build.
    #[serde(skip)]
    edited: bool,
    /// Each story's headline (its place among the story's articles) by a
    /// digest of its articles' titles in order: choosing it splits every
    /// title into words, and most builds change no story's titles.
    headlines: FxHashMap<u64, u32>,
}

impl Grouping {
    /// Lets the next build take the last members when only the articles'
    /// texts changed, leaving them [`Grouping::is_stale`].
    pub fn defer(&mut self) {
        self.deferrable = true;
    }

    /// Whether the stories were taken from the last build although their
    /// articles changed: a build with grouping not deferred will set them right.
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    /// Tells the next build whether some article was read and analysed
    /// anew since the last one: a build that puts off grouping then leaves
    /// the stories [`Grouping::is_stale`] without reading every article to
    /// find out.
    pub fn articles_edited(&mut self, edited: bool) {
        self.edited = edited;
    }

    /// The last members, when grouping may be put off and the articles,
    /// their order and dates are as they were (`order` digests them).
    fn deferred(&mut self, order: u64) -> Option<Vec<Vec<usize>>> {
        let edited = std::mem::take(&mut self.edited);
        if !std::mem::take(&mut self.deferrable) || Some(order) != self.order {
            return None;
        }
        self.stale |= edited;
        Some(self.members.clone())
    }

    /// The members of the stories of `items` (the site's articles in the
    /// order `order` digests), grouped again only when they differ from the
    /// last time.
    fn of(&mut self, order: u64, items: &[group::Item], days: u32) -> Vec<Vec<usize>> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.write_u64(order);
        let mut bytes = Vec::new();
        for item in items {
            hasher.write_u64(content_digest(&mut bytes, item));
        }
        let digest = Some(hasher.finish());
        if digest != self.digest {
            let headlines = std::mem::take(&mut self.headlines);
            *self = Grouping {
                digest,
                order: Some(order),
                members: group::group(items, days),
                headlines,
                ..Grouping::default()
            };
        }
        self.stale = false;
        self.members.clone()
    }
}

/// A digest of what the grouping reads of an item besides its day, made from
/// its bytes at once (`bytes` is scratch): hashing each number on its own
/// took longer than the grouping it spared.
fn content_digest(bytes: &mut Vec<u8>, item: &group::Item) -> u64 {
    let signature = item.signature;
    bytes.clear();
    for list in [signature.marks.as_slice(), &signature.named_places] {
        bytes.extend_from_slice(&(list.len() as u32).to_le_bytes());
        bytes.extend(list.iter().flat_map(|n| n.to_le_bytes()));
    }
    bytes.extend_from_slice(&(signature.term_hashes.len() as u32).to_le_bytes());
    bytes.extend(signature.terms().flat_map(|(term, weight)| term.to_le_bytes().into_iter().chain([weight])));
    bytes.extend_from_slice(&signature.content_words.to_le_bytes());
    bytes.extend(
        item.entities.iter().flat_map(|&(entity, count)| entity.to_le_bytes().into_iter().chain(count.to_le_bytes())),
    );
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The stories of a site, newest first (by their newest article); `last`
/// is the grouping of the last build, and becomes this one's.
pub fn find(
    articles: &[Arc<Article>],
    analyses: &[Arc<Analysis>],
    catalog: &Catalog,
    days: u32,
    last: &mut Grouping,
) -> Vec<Story> {
    let mut order: Vec<ArticleId> = (0..articles.len() as ArticleId).collect();
    order.sort_by(|&a, &b| oldest_order(&articles[a as usize], &articles[b as usize]));
    let day = |id: ArticleId| articles[id as usize].published.map(|p| day_number(p.date));
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    (days, &order).hash(&mut hasher);
    for &id in &order {
        day(id).hash(&mut hasher);
    }
    let order_digest = hasher.finish();
    let members = match last.deferred(order_digest) {
        Some(members) => members,
        None => {
            // Sources are left out: two outlets covering one event differ in them by definition.
            let subjects: Vec<Vec<(EntityId, u32)>> = order
                .iter()
                .map(|&id| {
                    let found = &analyses[id as usize].mentions.entities;
                    found.iter().filter(|&&(e, _)| catalog.get(e).kind != Kind::Source).copied().collect()
                })
                .collect();
            let items: Vec<group::Item> = order
                .iter()
                .zip(&subjects)
                .map(|(&id, entities)| group::Item {
                    day: day(id),
                    signature: &analyses[id as usize].signature,
                    entities,
                })
                .collect();
            last.of(order_digest, &items, days)
        }
    };
    let known = std::mem::take(&mut last.headlines);
    let mut stories: Vec<Story> = members
        .into_iter()
        .map(|members| {
            let mut ids: Vec<ArticleId> = members.into_iter().map(|n| order[n]).collect();
            ids.sort_by(|&a, &b| oldest_order(&articles[a as usize], &articles[b as usize]));
            let mut titles = xxhash_rust::xxh3::Xxh3::new();
            for &id in &ids {
                articles[id as usize].title.hash(&mut titles);
            }
            let key = titles.finish();
            let at = known
                .get(&key)
                .copied()
                .filter(|&at| (at as usize) < ids.len())
                .unwrap_or_else(|| headline(articles, &ids));
            last.headlines.insert(key, at);
            let headline = ids[at as usize];
            Story { key: articles[ids[0] as usize].slug.clone(), articles: ids, headline }
        })
        .collect();
    stories.sort_by(|a, b| {
        let (x, y) = (&articles[a.newest(articles) as usize], &articles[b.newest(articles) as usize]);
        oldest_order(y, x).then_with(|| a.key.cmp(&b.key))
    });
    stories
}

/// The article whose headline shares the most words with the others'.
fn headline(articles: &[Arc<Article>], ids: &[ArticleId]) -> u32 {
    let mut words = Words::default();
    let sets: Vec<FxHashSet<String>> = ids
        .iter()
        .map(|&id| {
            words.fill(&articles[id as usize].title);
            words
                .iter()
                .filter(|(_, k)| !is_function_word(k))
                .map(|(_, k)| crate::analysis::signature::canonical(k).to_owned())
                .collect()
        })
        .collect();
    // How many headlines have each word: a headline shares each of its words
    // with the others that have it (counted once, not pair by pair).
    let mut headlines_with: FxHashMap<&str, usize> = FxHashMap::default();
    for word in sets.iter().flatten() {
        *headlines_with.entry(word).or_default() += 1;
    }
    let shared = |n: usize| -> usize { sets[n].iter().map(|word| headlines_with[word.as_str()] - 1).sum() };
    let best = (0..ids.len()).max_by(|&a, &b| shared(a).cmp(&shared(b)).then(b.cmp(&a))).unwrap_or(0);
    best as u32
}
