//! The index of a site: who is mentioned where, newest first; what each
//! person said; who is mentioned with whom; the stories (grouped by [`crate::stories`]) and who appears in
//! which; the order of the entity indexes; and the permalink of every page,
//! with collisions reported. Built from the analysed articles, read-only
//! afterwards.

use std::cmp::Reverse;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::arabic::collate::{ArabicCollator, Heading, filing_name};
use crate::config::Config;
use crate::content::Article;
use crate::diagnostics::Diagnostic;
use crate::entities::{Catalog, EntityId, Kind};
use crate::stories::{Grouping, Story, StoryId};

/// An article's place among the site's articles in file-name order (see
/// [`crate::site::Site`]); it holds for one build only, the path for all.
pub type ArticleId = u32;

/// How many co-mentioned entities an entity page lists, per kind.
const CO_MENTIONS_PER_KIND: usize = 10;

/// One letter section of an entity index page.
#[derive(Debug, Clone)]
pub struct LetterGroup {
    pub heading: Heading,
    pub entities: Vec<EntityId>,
}

/// What the analysed articles add up to; derived data only, computed from a
/// [`crate::site::Site`]'s corpus, catalog and mentions.
pub struct Index {
    /// All articles, newest first (undated last).
    pub newest_first: Vec<ArticleId>,
    /// Entity → its articles, newest first. Its pages beyond the first are
    /// counted from the oldest ([`Index::archive`]), so that a new article
    /// changes the first page and the newest, not all of them.
    pub articles_of: Vec<Vec<ArticleId>>,
    /// Person → what they said: (article, quotation's place among the
    /// article's quotations), newest article first.
    pub quotes_of: Vec<Vec<(ArticleId, u32)>>,
    /// Entity → the entities mentioned in the same articles, with how many.
    pub co_mentions: Vec<Vec<(EntityId, u32)>>,
    /// Stories, newest first.
    pub stories: Vec<Story>,
    /// Article → its story.
    pub story_of: Vec<Option<StoryId>>,
    /// Entity → the stories whose articles name it, newest first.
    pub stories_of: Vec<Vec<StoryId>>,
    /// How long grouping the stories took (for `--timings`).
    pub grouping: std::time::Duration,
    /// Place → the places that are `in` it.
    pub contains: Vec<Vec<EntityId>>,
    /// Kind → its entities in Arabic alphabetical order, by letter.
    pub letters: FxHashMap<Kind, Vec<LetterGroup>>,
}

impl Index {
    pub fn build(
        config: &Config,
        articles: &[Arc<Article>],
        analyses: &[Arc<Analysis>],
        catalog: &Catalog,
        last: &mut Remembered,
    ) -> Result<Index, Vec<Diagnostic>> {
        check_collisions(articles, catalog)?;
        let found: Vec<&crate::analysis::Mentions> = analyses.iter().map(|a| &a.mentions).collect();
        let found = &found[..];
        let mut newest_first: Vec<ArticleId> = (0..articles.len() as ArticleId).collect();
        newest_first.sort_by(|&a, &b| newest_order(&articles[a as usize], &articles[b as usize]));

        // Grouping stories reads neither who is named where nor who said
        // what: the two are worked out side by side.
        let Remembered { grouping: last_grouping, co_mentions: last_co_mentions } = last;
        let ((articles_of, quotes_of, co_mentions), (stories, grouping)) = rayon::join(
            || {
                let mut articles_of: Vec<Vec<ArticleId>> = vec![Vec::new(); catalog.len()];
                for &id in &newest_first {
                    for &(entity, _) in &found[id as usize].entities {
                        articles_of[entity as usize].push(id);
                    }
                }
                let mut quotes_of: Vec<Vec<(ArticleId, u32)>> = vec![Vec::new(); catalog.len()];
                for &id in &newest_first {
                    for (n, quote) in analyses[id as usize].quotes.iter().enumerate() {
                        if let Some(speaker) = quote.speaker {
                            quotes_of[speaker as usize].push((id, n as u32));
                        }
                    }
                }
                let co_mentions = last_co_mentions.of(catalog, found, &articles_of);
                (articles_of, quotes_of, co_mentions)
            },
            || {
                let started = std::time::Instant::now();
                let stories = crate::stories::find(articles, analyses, catalog, config.story_days, last_grouping);
                (stories, started.elapsed())
            },
        );
        let mut story_of = vec![None; articles.len()];
        let mut stories_of: Vec<Vec<StoryId>> = vec![Vec::new(); catalog.len()];
        for (n, story) in stories.iter().enumerate() {
            let mut named: Vec<EntityId> = Vec::new();
            for &id in &story.articles {
                story_of[id as usize] = Some(n as StoryId);
                named.extend(found[id as usize].entities.iter().map(|&(e, _)| e));
            }
            named.sort_unstable();
            named.dedup();
            for entity in named {
                stories_of[entity as usize].push(n as StoryId);
            }
        }
        let letters = letters(catalog);
        let mut contains = vec![Vec::new(); catalog.len()];
        for id in catalog.ids() {
            if let Some(outer) = catalog.get(id).within {
                contains[outer as usize].push(id);
            }
        }
        Ok(Index {
            newest_first,
            articles_of,
            quotes_of,
            co_mentions,
            stories,
            story_of,
            stories_of,
            grouping,
            contains,
            letters,
        })
    }

    /// How many archive pages entity `entity` has: its full pages of
    /// `per_page` articles counted from the oldest, leaving out those whose
    /// articles are all on its first page (its newest `per_page`).
    pub fn archive_pages(&self, entity: EntityId, per_page: usize) -> usize {
        crate::plan::archive_pages(self.articles_of[entity as usize].len(), per_page)
    }

    /// The articles of the first page of `entity`: its newest `per_page`,
    /// newest first.
    pub fn first_page(&self, entity: EntityId, per_page: usize) -> &[ArticleId] {
        let all = &self.articles_of[entity as usize];
        &all[..all.len().min(per_page)]
    }

    /// The articles of archive page `page` (1 = the oldest) of `entity`,
    /// newest first.
    pub fn archive(&self, entity: EntityId, page: usize, per_page: usize) -> impl Iterator<Item = ArticleId> + '_ {
        crate::plan::archive_page(&self.articles_of[entity as usize], page, per_page).iter().copied()
    }

    /// The entities of `kind`, those with the most articles first (ties in
    /// the order of the lists).
    pub fn by_count(&self, catalog: &Catalog, kind: Kind) -> Vec<EntityId> {
        let mut ids: Vec<EntityId> = catalog.ids().filter(|&e| catalog.get(e).kind == kind).collect();
        ids.sort_by_key(|&e| (Reverse(self.articles_of[e as usize].len()), e));
        ids
    }

    /// The entities of `kind` with the most articles, most first.
    pub fn most_mentioned(&self, catalog: &Catalog, kind: Kind, limit: usize) -> Vec<EntityId> {
        let mut ids = self.by_count(catalog, kind);
        ids.retain(|&e| !self.articles_of[e as usize].is_empty());
        ids.truncate(limit);
        ids
    }

    /// The entities of `kind` with the most articles dated `since` or later,
    /// with how many, most first.
    pub fn most_mentioned_since(
        &self,
        catalog: &Catalog,
        articles: &[Arc<Article>],
        kind: Kind,
        since: jiff::civil::Date,
        limit: usize,
    ) -> Vec<(EntityId, u32)> {
        let recent = |id: ArticleId| articles[id as usize].published.is_some_and(|p| p.date >= since);
        let mut counted: Vec<(EntityId, u32)> = catalog
            .ids()
            .filter(|&e| catalog.get(e).kind == kind)
            // Newest first: the recent articles are at the front.
            .map(|e| (e, self.articles_of[e as usize].iter().take_while(|&&a| recent(a)).count() as u32))
            .filter(|&(_, n)| n > 0)
            .collect();
        counted.sort_by_key(|&(e, n)| (Reverse(n), e));
        counted.truncate(limit);
        counted
    }

    /// The places grouped under the outermost place that holds them (a
    /// country, where the list says so), in alphabetical order: each group's
    /// place and the places within it at any depth. Places that hold none
    /// and are in none come last, under `None`.
    pub fn by_country(&self, catalog: &Catalog) -> Vec<(Option<EntityId>, Vec<EntityId>)> {
        let outermost = |mut id: EntityId| {
            // The lists are checked for cycles; the bound only guards the loop.
            for _ in 0..catalog.len() {
                match catalog.get(id).within {
                    Some(outer) => id = outer,
                    None => break,
                }
            }
            id
        };
        let alphabetical: Vec<EntityId> =
            self.letters.get(&Kind::Place).into_iter().flatten().flat_map(|g| g.entities.iter().copied()).collect();
        let mut groups: FxHashMap<EntityId, Vec<EntityId>> = FxHashMap::default();
        for &id in &alphabetical {
            let top = outermost(id);
            if top != id {
                groups.entry(top).or_default().push(id);
            }
        }
        let mut ordered: Vec<(Option<EntityId>, Vec<EntityId>)> = Vec::new();
        let mut alone = Vec::new();
        for &id in &alphabetical {
            if catalog.get(id).within.is_some() {
                continue;
            }
            match groups.remove(&id) {
                Some(within) => ordered.push((Some(id), within)),
                None => alone.push(id),
            }
        }
        if !alone.is_empty() {
            ordered.push((None, alone));
        }
        ordered
    }
}

/// Newest first; undated articles last; ties by slug so the order is stable.
fn newest_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    match (&a.published, &b.published) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.slug.cmp(&b.slug))
}

/// Two items writing the same page is an error naming both.
fn check_collisions(articles: &[Arc<Article>], catalog: &Catalog) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut slugs: FxHashMap<&str, &Article> = FxHashMap::default();
    for article in articles {
        if let Some(first) = slugs.insert(&article.slug, article) {
            problems.push(
                Diagnostic::error(format!(
                    "two articles have the URL /articles/{}/: {} and {}",
                    article.slug,
                    first.path.display(),
                    article.path.display()
                ))
                .in_file(&article.path)
                .with_help("give one of them another `slug:` in its front matter"),
            );
        }
    }
    let mut entity_slugs: FxHashMap<(Kind, &str), EntityId> = FxHashMap::default();
    for id in catalog.ids() {
        let entity = catalog.get(id);
        if let Some(first) = entity_slugs.insert((entity.kind, &entity.slug), id) {
            let first = catalog.get(first);
            problems.push(
                Diagnostic::error(format!(
                    "[{}] and [{}] have the same URL /{}/{}/",
                    first.key,
                    entity.key,
                    entity.kind.section(),
                    entity.slug
                ))
                .in_file(entity.kind.list_path())
                .at(entity.location.clone())
                .with_help("keys that differ only in case or punctuation make the same URL; rename one"),
            );
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// For each entity, the others that share its articles, most shared first, the
/// top few of each kind; in parallel, each thread with one dense counter.
/// What the last build's index kept for the next: the parts that read the
/// whole archive, taken as they were while what they read is unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    pub grouping: Grouping,
    pub co_mentions: CoMentions,
}

/// Who is mentioned with whom, as the last build counted it. Counting reads
/// every pair of entities of every article, and most builds (nothing changed,
/// an edit that names no one new) leave who is named where as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoMentions {
    /// A digest of the entities' kinds and of the entities each article names.
    digest: Option<u64>,
    lists: Vec<Vec<(EntityId, u32)>>,
}

impl CoMentions {
    /// Entity → the entities mentioned in the same articles, counted again
    /// only when who is named where changed.
    fn of(
        &mut self,
        catalog: &Catalog,
        found: &[&crate::analysis::Mentions],
        articles_of: &[Vec<ArticleId>],
    ) -> Vec<Vec<(EntityId, u32)>> {
        // The numbers put in bytes and hashed at once: hashing each on its
        // own took longer than most of the counting it spares.
        let mut bytes: Vec<u8> = catalog.ids().map(|id| catalog.get(id).kind as u8).collect();
        for mentions in found {
            bytes.extend_from_slice(&(mentions.entities.len() as u32).to_le_bytes());
            bytes.extend(mentions.entities.iter().flat_map(|&(entity, _)| entity.to_le_bytes()));
        }
        let digest = Some(xxhash_rust::xxh3::xxh3_64(&bytes));
        if digest != self.digest {
            *self = CoMentions { digest, lists: co_mentions(catalog, found, articles_of) };
        }
        self.lists.clone()
    }
}

fn co_mentions(
    catalog: &Catalog,
    found: &[&crate::analysis::Mentions],
    articles_of: &[Vec<ArticleId>],
) -> Vec<Vec<(EntityId, u32)>> {
    (0..catalog.len() as EntityId)
        .into_par_iter()
        .map_init(
            || vec![0u32; catalog.len()],
            |counts, entity| co_mentions_of(catalog, found, articles_of, entity, counts),
        )
        .collect()
}

/// The co-mentions of one entity; `counts` is all zeros, and left so.
fn co_mentions_of(
    catalog: &Catalog,
    found: &[&crate::analysis::Mentions],
    articles_of: &[Vec<ArticleId>],
    entity: EntityId,
    counts: &mut [u32],
) -> Vec<(EntityId, u32)> {
    let mut touched: Vec<EntityId> = Vec::new();
    for &article in &articles_of[entity as usize] {
        for &(other, _) in &found[article as usize].entities {
            if other != entity {
                if counts[other as usize] == 0 {
                    touched.push(other);
                }
                counts[other as usize] += 1;
            }
        }
    }
    let mut list: Vec<(EntityId, u32)> =
        touched.iter().map(|&e| (e, std::mem::take(&mut counts[e as usize]))).collect();
    list.sort_by_key(|&(e, n)| (Reverse(n), e));
    let mut per_kind: FxHashMap<Kind, usize> = FxHashMap::default();
    list.retain(|&(e, _)| {
        let n = per_kind.entry(catalog.get(e).kind).or_default();
        *n += 1;
        *n <= CO_MENTIONS_PER_KIND
    });
    list
}

/// Every kind's entities sorted by CLDR Arabic collation of their filing name,
/// grouped by letter (docs/arabic.md §3).
fn letters(catalog: &Catalog) -> FxHashMap<Kind, Vec<LetterGroup>> {
    let collator = ArabicCollator::new();
    let filing = |e: EntityId| {
        let entity = catalog.get(e);
        filing_name(entity.sort.as_deref().unwrap_or(&entity.name)).to_owned()
    };
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let mut ids: Vec<(Heading, String, EntityId)> = catalog
                .ids()
                .filter(|&e| catalog.get(e).kind == kind)
                .map(|e| {
                    let name = filing(e);
                    (Heading::of(&name), name, e)
                })
                .collect();
            ids.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| collator.compare(&a.1, &b.1)).then(a.2.cmp(&b.2)));
            let mut groups: Vec<LetterGroup> = Vec::new();
            for (heading, _, id) in ids {
                match groups.last_mut() {
                    Some(group) if group.heading == heading => group.entities.push(id),
                    _ => groups.push(LetterGroup { heading, entities: vec![id] }),
                }
            }
            (kind, groups)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_pages_are_counted_from_the_oldest() {
        let index = Index {
            newest_first: Vec::new(),
            articles_of: vec![(0..7).rev().collect(), vec![0, 1, 2], vec![]],
            quotes_of: Vec::new(),
            co_mentions: Vec::new(),
            stories: Vec::new(),
            story_of: Vec::new(),
            stories_of: Vec::new(),
            grouping: std::time::Duration::ZERO,
            contains: Vec::new(),
            letters: FxHashMap::default(),
        };
        // Seven articles, three a page: the first page shows 6, 5, 4; the
        // archive holds 2, 1, 0 and 5, 4, 3 (the newest three are on the
        // first page, but a full page of the archive stays as it is).
        assert_eq!(index.archive_pages(0, 3), 2);
        assert_eq!(index.archive(0, 1, 3).collect::<Vec<_>>(), [2, 1, 0]);
        assert_eq!(index.archive(0, 2, 3).collect::<Vec<_>>(), [5, 4, 3]);
        // All on the first page: no archive.
        assert_eq!(index.archive_pages(1, 3), 0);
        assert_eq!(index.archive_pages(2, 3), 0);
    }
}
