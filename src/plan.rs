//! The plan of a build: every file of the site as data. Pages, feeds and
//! redirects are [`Job`]s with a path and a template; the rest (sitemap, data,
//! search index, static files) come in [`Group`]s written together. Each file
//! gets a fingerprint of what it shows, and a [`Manifest`] remembers the
//! fingerprints of the files last written, so that a build renders and writes
//! only what changed. The command-line build keeps its manifest on disk, the
//! preview server in memory; both plan the same way.

use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::content::{Article, Located};
use crate::diagnostics::{Diagnostic, Location};
use crate::entities::{EntityId, Kind};
use crate::index::ArticleId;
use crate::site::Site;
use crate::stories::StoryId;
use crate::urls::Urls;

/// How many of an entity's stories its page shows.
pub const ENTITY_STORIES: usize = 10;

/// One page or feed of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Job {
    Home,
    NotFound,
    /// The search page (its index is a [`Group`]).
    Search,
    /// An index page of a kind of entity, in one of its orders.
    Entities(Kind, Order),
    Article(ArticleId),
    /// The page of an entity, with its newest articles.
    Entity(EntityId),
    /// Archive page `n` of an entity's articles, counted from the oldest.
    EntityArchive(EntityId, usize),
    /// The Atom feed of the whole site.
    SiteFeed,
    /// The Atom feed of an entity.
    EntityFeed(EntityId),
    /// The page of a story, comparing its outlets.
    Story(StoryId),
    /// The list of stories: page 0 the newest, then archive pages counted
    /// from the oldest.
    Stories(usize),
    /// The Atom feed of stories.
    StoriesFeed,
    /// A page that sends an old link on to the page it became.
    Redirect(OldPath),
}

/// The orders an index page of entities comes in, each a page of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Arabic alphabetical order under letter headings (the section's own page).
    Alphabetical,
    /// The most mentioned first.
    MostMentioned,
    /// Places under the country they are in (the places' index only).
    ByCountry,
}

impl Order {
    /// The file name of the page in this order, beside the section's own
    /// page. A file, so that it can never take the place of an entity's page.
    pub fn file_name(self) -> Option<&'static str> {
        match self {
            Order::Alphabetical => None,
            Order::MostMentioned => Some("most-mentioned.html"),
            Order::ByCountry => Some("by-country.html"),
        }
    }

    /// What the switch between orders calls it.
    pub fn title(self) -> &'static str {
        match self {
            Order::Alphabetical => "أبجديًّا",
            Order::MostMentioned => "الأكثر ذكرًا",
            Order::ByCountry => "حسب البلد",
        }
    }

    /// The orders the index of `kind` has in `site`: places are grouped by
    /// country only where the list says where some of them are.
    pub fn of(kind: Kind, site: &Site) -> Vec<Order> {
        let mut orders = vec![Order::Alphabetical, Order::MostMentioned];
        if kind == Kind::Place && site.catalog.entities.iter().any(|e| e.within.is_some()) {
            orders.push(Order::ByCountry);
        }
        orders
    }
}

/// An old path of a page: the `n`th of an article's `aliases` or of an
/// entity's `old_paths`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OldPath {
    Article(ArticleId, usize),
    Entity(EntityId, usize),
}

impl OldPath {
    /// The old page path and where it was written.
    pub fn located(self, site: &Site) -> &Located<String> {
        match self {
            OldPath::Article(id, n) => &site.article(id).aliases[n],
            OldPath::Entity(id, n) => &site.catalog.get(id).old_paths[n],
        }
    }

    /// The page it leads to.
    pub fn target(self) -> Job {
        match self {
            OldPath::Article(id, _) => Job::Article(id),
            OldPath::Entity(id, _) => Job::Entity(id),
        }
    }
}

/// Files made together from the whole site, rather than one page at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Group {
    /// sitemap.xml, robots.txt, .nojekyll, CNAME.
    Host,
    /// The archive as data, with the schemas.
    Data,
    /// The quotations as data (`data/quotes.json`): the largest data file,
    /// and the one an edit to a text changes most often.
    Quotes,
    /// The search index.
    Search,
    /// The site's own and the built-in static files.
    Static,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Host, Group::Data, Group::Quotes, Group::Search, Group::Static];
}

impl Job {
    /// Whether the sitemap lists it: pages people should find, not the 404
    /// page, archive pages, feeds or redirects.
    pub fn in_sitemap(self) -> bool {
        matches!(
            self,
            Job::Home
                | Job::Search
                | Job::Entities(..)
                | Job::Article(_)
                | Job::Entity(_)
                | Job::Story(_)
                | Job::Stories(0)
        )
    }

    pub fn is_feed(self) -> bool {
        matches!(self, Job::SiteFeed | Job::EntityFeed(_) | Job::StoriesFeed)
    }

    /// The template that renders it.
    pub fn template(self) -> &'static str {
        match self {
            Job::Home => "home.html",
            Job::NotFound => "404.html",
            Job::Search => "search.html",
            Job::Entities(..) => "entities.html",
            Job::Article(_) => "article.html",
            Job::Entity(_) | Job::EntityArchive(..) => "entity.html",
            Job::SiteFeed | Job::EntityFeed(_) | Job::StoriesFeed => "atom.xml",
            Job::Redirect(_) => "redirect.html",
            Job::Story(_) => "story.html",
            Job::Stories(_) => "stories.html",
        }
    }

    /// The page path (`""` is the home page); its file is [`Urls::file`].
    pub fn path(self, site: &Site) -> String {
        match self {
            Job::Home => String::new(),
            Job::NotFound => "404.html".to_owned(),
            Job::Search => Urls::SEARCH.to_owned(),
            Job::Entities(kind, order) => match order.file_name() {
                None => Urls::section(kind),
                Some(name) => format!("{}{name}", Urls::section(kind)),
            },
            Job::Article(id) => Urls::article(&site.article(id).slug),
            Job::Entity(id) => Urls::entity(site.catalog.get(id)),
            Job::EntityArchive(id, page) => Urls::archive(&Urls::entity(site.catalog.get(id)), page),
            Job::SiteFeed => Urls::feed(""),
            Job::EntityFeed(id) => Urls::feed(&Urls::entity(site.catalog.get(id))),
            Job::Redirect(old) => old.located(site).value.clone(),
            Job::Story(id) => Urls::story(&site.index.stories[id as usize].key),
            Job::Stories(0) => Urls::STORIES.to_owned(),
            Job::Stories(page) => Urls::archive(Urls::STORIES, page),
            Job::StoriesFeed => Urls::feed(Urls::STORIES),
        }
    }

    /// What writes this page, for an error naming both writers of one path:
    /// a description, and the file and place when it comes from one.
    fn origin(self, site: &Site) -> (String, Option<(PathBuf, Option<Location>)>) {
        match self {
            Job::Article(id) => {
                let path = &site.article(id).path;
                (format!("the article {}", path.display()), Some((path.clone(), None)))
            }
            Job::Entity(id) | Job::EntityArchive(id, _) | Job::EntityFeed(id) => {
                let entity = site.catalog.get(id);
                let list = entity.kind.list_path();
                (format!("[{}] in {}", entity.key, list.display()), Some((list, Some(entity.location.clone()))))
            }
            Job::Redirect(old) => {
                let located = old.located(site);
                let (what, file) = match old {
                    OldPath::Article(id, _) => ("`aliases`", site.article(id).path.clone()),
                    OldPath::Entity(id, _) => ("`old_paths`", site.catalog.get(id).kind.list_path()),
                };
                let owner = match old {
                    OldPath::Article(..) => file.display().to_string(),
                    OldPath::Entity(id, _) => format!("[{}] in {}", site.catalog.get(id).key, file.display()),
                };
                (format!("an old path in {what} of {owner}"), Some((file, Some(located.location.clone()))))
            }
            Job::Story(id) => {
                let path = &site.article(site.index.stories[id as usize].first()).path;
                (format!("the story that starts with {}", path.display()), Some((path.clone(), None)))
            }
            Job::Home
            | Job::NotFound
            | Job::Search
            | Job::Entities(..)
            | Job::SiteFeed
            | Job::Stories(_)
            | Job::StoriesFeed => ("a page of the site".to_owned(), None),
        }
    }
}

/// Every page and feed of `site`, in a stable order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let per_page = site.config.entity_page_size;
    let mut jobs = vec![Job::Home, Job::NotFound, Job::Search, Job::SiteFeed];
    for kind in Kind::ALL {
        jobs.extend(Order::of(kind, site).into_iter().map(|order| Job::Entities(kind, order)));
    }
    jobs.extend(site.index.newest_first.iter().map(|&id| Job::Article(id)));
    for id in site.catalog.ids() {
        jobs.push(Job::Entity(id));
        jobs.extend((1..=site.index.archive_pages(id, per_page)).map(|page| Job::EntityArchive(id, page)));
        jobs.push(Job::EntityFeed(id));
    }
    jobs.push(Job::Stories(0));
    let stories = site.index.stories.len();
    jobs.extend((1..=archive_pages(stories, per_page)).map(Job::Stories));
    jobs.push(Job::StoriesFeed);
    jobs.extend((0..stories as StoryId).map(Job::Story));
    for id in site.article_ids() {
        jobs.extend((0..site.article(id).aliases.len()).map(|n| Job::Redirect(OldPath::Article(id, n))));
    }
    for id in site.catalog.ids() {
        jobs.extend((0..site.catalog.get(id).old_paths.len()).map(|n| Job::Redirect(OldPath::Entity(id, n))));
    }
    jobs
}

/// An article whose text changed since the last build: its id in this
/// build, and the article and analysis it was then.
pub struct Edited<'a> {
    pub id: ArticleId,
    pub was: &'a Article,
    pub analysis_was: &'a Analysis,
}

/// The pages and feeds that an edit of the `edited` articles can change,
/// derived from what each article was and is (the entities it names, the
/// people it quotes, its story), so that a preview renders them first
/// without fingerprinting every page. `None` when an edit changes what the
/// plan is made of (an address, a date, old paths): then every page may
/// change. The pages are those whose fingerprint reads the article, its
/// card, its story's card, or the record of an entity it stops or starts
/// naming; a page left out is still found by fingerprinting every page
/// after, only later.
pub fn touched(site: &Site, edited: &[Edited]) -> Option<Vec<Job>> {
    let index = &site.index;
    let per_page = site.config.entity_page_size;
    let mut jobs = vec![Job::Home, Job::Search, Job::SiteFeed];
    let mut recounted: Vec<EntityId> = Vec::new();
    let mut stories: Vec<StoryId> = Vec::new();
    for edit in edited {
        let (id, now) = (edit.id, site.article(edit.id));
        let (was, is) = (edit.was, now);
        let aliases = |a: &Article| a.aliases.iter().map(|l| l.value.clone()).collect::<Vec<_>>();
        if was.slug != is.slug || was.published != is.published || aliases(was) != aliases(is) {
            return None;
        }
        jobs.push(Job::Article(id));
        jobs.extend((0..is.aliases.len()).map(|n| Job::Redirect(OldPath::Article(id, n))));
        let named = |analysis: &Analysis| {
            let mut named: Vec<EntityId> = analysis.mentions.entities.iter().map(|&(e, _)| e).collect();
            named.extend(analysis.quotes.iter().filter_map(|q| q.speaker));
            named.sort_unstable();
            named.dedup();
            named
        };
        let (before, after) = (named(edit.analysis_was), named(site.analysis(id)));
        let mut all = before.clone();
        all.extend(&after);
        all.sort_unstable();
        all.dedup();
        for entity in all {
            jobs.extend([Job::Entity(entity), Job::EntityFeed(entity)]);
            let list = &index.articles_of[entity as usize];
            let pages = archive_pages(list.len(), per_page);
            if before.binary_search(&entity).is_ok() == after.binary_search(&entity).is_ok() {
                // The article kept its place in the list: only its own archive page shows it.
                if let Some(at) = list.iter().position(|&a| a == id) {
                    let page = (list.len() - 1 - at) / per_page.max(1) + 1;
                    jobs.extend((page <= pages).then_some(Job::EntityArchive(entity, page)));
                }
            } else {
                recounted.push(entity);
                jobs.extend((1..=pages).map(|page| Job::EntityArchive(entity, page)));
            }
        }
        stories.extend(index.story_of[id as usize]);
        if index.newest_first.first() == Some(&id) {
            // Every feed is dated by the site's newest article.
            jobs.extend(site.catalog.ids().map(Job::EntityFeed));
        }
    }
    if !recounted.is_empty() {
        // Pages that show a recounted entity's record: the indexes of its
        // kind, and the pages of the entities mentioned with it.
        let mut kinds: Vec<Kind> = recounted.iter().map(|&e| site.catalog.get(e).kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            jobs.extend(Order::of(kind, site).into_iter().map(|order| Job::Entities(kind, order)));
        }
        for entity in site.catalog.ids() {
            if index.co_mentions[entity as usize].iter().any(|(other, _)| recounted.contains(other)) {
                jobs.push(Job::Entity(entity));
            }
        }
    }
    if !stories.is_empty() {
        jobs.push(Job::StoriesFeed);
        jobs.push(Job::Stories(0));
        let count = index.stories.len();
        for &story in &stories {
            jobs.push(Job::Story(story));
            // Its articles show its card in their story box.
            jobs.extend(index.stories[story as usize].articles.iter().map(|&a| Job::Article(a)));
            let page = (count - 1 - story as usize) / per_page.max(1) + 1;
            jobs.extend((page <= archive_pages(count, per_page)).then_some(Job::Stories(page)));
        }
        for entity in site.catalog.ids() {
            let shown = &index.stories_of[entity as usize];
            if shown.iter().take(ENTITY_STORIES).any(|s| stories.contains(s)) {
                jobs.push(Job::Entity(entity));
            }
        }
    }
    jobs.sort_unstable();
    jobs.dedup();
    Some(jobs)
}

/// The pages of a build with their paths: what rendering and the checking
/// of internal links go by. The preview keeps it for its next build, which
/// takes it while an edit leaves every address as it was, rather than making
/// and checking every path again.
#[derive(Debug, Default, Clone)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// Every page path.
    pub pages: Arc<FxHashSet<String>>,
    /// A digest of the stories' keys, which their paths are made of.
    stories: u64,
}

impl Plan {
    /// The plan of `site`; two pages with one path are errors. `last` is
    /// the plan of a build whose articles and entities had the addresses
    /// they have now: its paths are taken if it has the same pages.
    pub fn of(site: &Site, last: Option<Plan>) -> Result<Plan, Vec<Diagnostic>> {
        let jobs = jobs(site);
        let mut keys = xxhash_rust::xxh3::Xxh3::new();
        for story in &site.index.stories {
            std::hash::Hash::hash(&story.key, &mut keys);
        }
        let stories = std::hash::Hasher::finish(&keys);
        if let Some(last) = last.filter(|last| last.jobs == jobs && last.stories == stories) {
            return Ok(last);
        }
        let clashes = check_paths(site, &jobs);
        if !clashes.is_empty() {
            return Err(clashes);
        }
        let pages = jobs.iter().map(|job| job.path(site)).collect();
        Ok(Plan { jobs, pages: Arc::new(pages), stories })
    }
}

/// How many archive pages a newest-first list of `len` items has: its full
/// pages of `per_page` counted from the oldest, leaving out those whose items
/// are all on its first page (its newest `per_page`).
pub fn archive_pages(len: usize, per_page: usize) -> usize {
    len.saturating_sub(1) / per_page.max(1)
}

/// The items of archive page `page` (1 = the oldest) of a newest-first list.
pub fn archive_page<T>(all: &[T], page: usize, per_page: usize) -> &[T] {
    let end = all.len().saturating_sub((page - 1) * per_page);
    &all[end.saturating_sub(per_page)..end]
}

/// Two jobs writing one path is an error naming both; the index has
/// already told slugs and keys apart, so what is left is an old path equal to
/// a page, or to another old path. Paths that differ only in case or Unicode
/// normalization count as one: they are one file on macOS and Windows.
pub fn check_paths(site: &Site, jobs: &[Job]) -> Vec<Diagnostic> {
    let mut writers: FxHashMap<String, (String, Job)> = FxHashMap::default();
    let mut problems = Vec::new();
    for &job in jobs {
        let path = job.path(site);
        let Some((first_path, first)) = writers.insert(crate::output::fold_path(&path), (path.clone(), job)) else {
            continue;
        };
        let ((first_what, _), (what, place)) = (first.origin(site), job.origin(site));
        let message = if first_path == path {
            format!("/{path} is written twice: by {first_what} and by {what}")
        } else {
            format!(
                "/{first_path} and /{path} differ only in case or Unicode normalization, so they are one file on macOS and Windows: written by {first_what} and by {what}"
            )
        };
        let mut problem = Diagnostic::error(message).with_help(
            "an old path must lead to a page that moved, not be the address of another page; remove or change it",
        );
        if let Some((file, location)) = place {
            problem = problem.in_file(file);
            if let Some(location) = location {
                problem = problem.at(location);
            }
        }
        problems.push(problem);
    }
    problems
}

/// What the files of an output folder (or of the preview's memory) were made
/// from: each page's fingerprint by file path, and for each group the
/// fingerprint of its inputs and the content hash of each of its files.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub pages: FxHashMap<String, u64>,
    pub groups: FxHashMap<Group, GroupFiles>,
    /// What every file was made with besides the articles and entity lists
    /// (see `Renderer::inputs`).
    pub inputs: u64,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupFiles {
    pub inputs: u64,
    /// File path → hash of its bytes.
    pub files: FxHashMap<String, u64>,
}

impl Manifest {
    /// Every file it lists.
    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.pages.keys().chain(self.groups.values().flat_map(|g| g.files.keys()))
    }

    /// The files of `self` that `newer` no longer has, sorted.
    pub fn gone(&self, newer: &Manifest) -> Vec<String> {
        let mut gone: Vec<String> = self
            .paths()
            .filter(|p| !newer.pages.contains_key(*p) && !newer.groups.values().any(|g| g.files.contains_key(*p)))
            .cloned()
            .collect();
        gone.sort();
        gone
    }
}

/// A hash of bytes, as the manifest records files of groups.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gone_files_are_those_the_newer_manifest_lacks() {
        let mut old = Manifest::default();
        old.pages.insert("a/index.html".into(), 1);
        old.pages.insert("b/index.html".into(), 2);
        old.groups.insert(
            Group::Search,
            GroupFiles { inputs: 1, files: [("search/x.json".into(), 3)].into_iter().collect() },
        );
        let mut new = Manifest::default();
        new.pages.insert("a/index.html".into(), 5);
        new.groups.insert(
            Group::Search,
            GroupFiles { inputs: 2, files: [("search/y.json".into(), 3)].into_iter().collect() },
        );
        assert_eq!(old.gone(&new), ["b/index.html", "search/x.json"]);
        assert!(new.gone(&new).is_empty());
    }
}
