//! A build, one step after another on plain values: load (configuration,
//! templates, entity lists, articles) → analyse each article → index →
//! render what changed → output. `fihris build`, `fihris check` and the
//! preview server all run it; they differ only in the [`Output`] and in what
//! they remember of the previous build ([`Memory`]): the command-line build
//! keeps it on disk ([`crate::cache`]), the preview server in memory, `check`
//! nothing.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::analysis::{self, Analysis, Finder, Vocabulary};
use crate::config::Config;
use crate::content::{self, Article};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::matcher::Scratch;
use crate::entities::{Catalog, Matcher};
use crate::index::Remembered;
use crate::output::{NullOutput, Output};
use crate::plan::{self, Edited, Manifest, Plan};
use crate::render::templates::Templates;
use crate::render::{Renderer, Stats, write_error};
use crate::site::Site;

/// What a run was asked to do.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub root: PathBuf,
    /// Replaces `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// An article whose file reads empty keeps its remembered version
    /// (with a warning) rather than leaving the site: the preview server,
    /// whose files are most often empty because they are being saved.
    pub keep_last_good: bool,
}

/// Analysed articles by their path.
pub type Articles = indexmap::IndexMap<PathBuf, (Arc<Article>, Arc<Analysis>), rustc_hash::FxBuildHasher>;

/// What a build leaves for the next: each article's analysis by the path of
/// its file (with the hash of the text it was made from), valid while the
/// entity lists stay the same, the words their terms number, and the
/// manifest of the files it wrote.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Memory {
    /// A digest of the entity lists the analyses were made with.
    pub lists: u64,
    /// Shared with the site built from them, so that an unchanged article
    /// costs no copy; in the site's order after a build, which the next one
    /// then need not sort again. Kept apart by the cache (in shards, with
    /// the stamps).
    #[serde(skip)]
    pub articles: Articles,
    /// The size and time of the files that were not being written when they
    /// were read: a file with the same stamp is not read again.
    #[serde(skip)]
    pub stamps: FxHashMap<PathBuf, Stamp>,
    pub vocabulary: Arc<Vocabulary>,
    pub manifest: Manifest,
    /// What the last build's index kept: its stories and co-mentions.
    pub index: Remembered,
    /// The pages of the last build, with their paths (kept in memory only).
    #[serde(skip)]
    pub plan: Option<Plan>,
    /// The article files seen written since the last build, when nothing
    /// else changed (the preview's file watcher knows): the other article
    /// files are then taken as the last build left them, without looking at
    /// each. `None`: every file is looked at. Taken by the next build.
    #[serde(skip)]
    pub changed: Option<FxHashSet<PathBuf>>,
    /// The templates, configuration and entity lists of the last build that
    /// got that far (kept in memory only): a build told that only article
    /// files changed takes them instead of reading them again.
    #[serde(skip)]
    pub loaded: Option<Loaded>,
}

/// What a build reads besides the articles, and what reading it found.
#[derive(Clone)]
pub struct Loaded {
    /// `None` when they have errors (in `problems`).
    templates: Option<Templates>,
    /// With the base URL of the options set.
    config: Config,
    catalog: Catalog,
    problems: Vec<Diagnostic>,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded").field("entities", &self.catalog.len()).finish_non_exhaustive()
    }
}

impl Loaded {
    /// Reads the templates, the configuration and the entity lists; only the
    /// configuration's errors stop a build here (they come with the others).
    fn read(options: &SiteOptions) -> Result<Loaded, Vec<Diagnostic>> {
        let root = &options.root;
        let ((templates, config), (catalog, mut problems)) =
            rayon::join(|| (Templates::load(root), Config::load(root)), || Catalog::load(root));
        let templates = templates.map_err(|more| problems.extend(more)).ok();
        let mut config = match config {
            Ok(config) => config,
            Err(more) => {
                problems.extend(more);
                return Err(problems);
            }
        };
        problems.extend(config.warnings());
        if let Some(url) = &options.base_url
            && let Err(problem) = config.set_base_url(url)
        {
            problems.push(problem);
        }
        Ok(Loaded { templates, config, catalog, problems })
    }
}

/// A file's size, modification time and (on Unix) inode: a file replaced by
/// another is a new inode, a file written again has a new time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    /// Seconds and nanoseconds since 1970.
    modified: (u64, u32),
    inode: u64,
}

impl Stamp {
    fn of(path: &std::path::Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let modified = metadata.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp { len: metadata.len(), modified: (modified.as_secs(), modified.subsec_nanos()), inode })
    }

    /// Whether the file was last written well before `read_at`: a file
    /// written again in the same tick of a coarse clock would keep its stamp,
    /// so stamps from around the time of reading are not trusted.
    fn settled(&self, read_at: std::time::SystemTime) -> bool {
        let read_at = read_at.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        self.modified.0 + STAMP_MARGIN_SECONDS < read_at.as_secs()
    }
}

/// How long before a build a file must have been written for its stamp to be trusted.
const STAMP_MARGIN_SECONDS: u64 = 2;

/// What a successful run produced, and the warnings on the way.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub entities: usize,
    pub mentions: usize,
    /// Article files read (the others had the stamp of the last build).
    pub read: usize,
    /// Articles read and analysed anew (the others were remembered).
    pub analysed: usize,
    pub stats: Stats,
    /// Files of the previous build that this one no longer has; the output
    /// has been told to delete them.
    pub gone: Vec<String>,
    pub warnings: Diagnostics,
    pub timings: Vec<(&'static str, Duration)>,
}

impl Report {
    /// Whether the build read no article file and wrote or deleted no file:
    /// the output and what the last build remembered of it still agree, so
    /// neither need be written again.
    pub fn changed_nothing(&self) -> bool {
        self.read == 0 && self.stats.written == 0 && self.gone.is_empty()
    }
}

/// Times the steps of a run.
struct Clock {
    start: Instant,
    timings: Vec<(&'static str, Duration)>,
}

impl Clock {
    fn new() -> Clock {
        Clock { start: Instant::now(), timings: Vec::new() }
    }

    fn lap(&mut self, step: &'static str) {
        self.timings.push((step, self.start.elapsed()));
        self.start = Instant::now();
    }
}

/// A site read and analysed, with its templates: what rendering needs.
pub struct Analysed {
    pub site: Site,
    pub templates: Templates,
    /// How many article files were read, and how many analysed anew.
    pub read: usize,
    pub analysed: usize,
    /// The stamps of the article files, taken before they were read.
    pub stamps: FxHashMap<PathBuf, Stamp>,
    /// The articles whose text changed since the last build, as they were
    /// then; `None` when articles came or went, or the entity lists changed
    /// (every article is then new to the plan).
    pub edited: Option<Vec<(Arc<Article>, Arc<Analysis>)>>,
}

/// Reads and analyses the site at `options.root`, reusing the analyses in
/// `memory` of articles whose files did not change. Every problem of every
/// file is collected in `diagnostics`; `None` when nothing could be analysed.
/// The grouping of stories in `memory` becomes this site's.
pub fn analyse(options: &SiteOptions, memory: &mut Memory, diagnostics: &mut Diagnostics) -> Option<Analysed> {
    let root = &options.root;
    // Only article files were written since the last build: nothing else was.
    let last = memory.loaded.take().filter(|_| memory.changed.is_some());
    let loaded = match last.map_or_else(|| Loaded::read(options), Ok) {
        Ok(loaded) => loaded,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    diagnostics.extend(loaded.problems.iter().cloned());
    memory.loaded = Some(loaded.clone());
    let Loaded { templates, config, catalog, .. } = loaded;
    let matcher = Matcher::new(&catalog);
    let lists = lists_digest(&catalog);
    let remembered = (memory.lists == lists).then_some(&memory.articles);
    let stamps = &memory.stamps;
    let changed = memory
        .changed
        .take()
        .filter(|changed| remembered.is_some_and(|known| changed.iter().all(|path| known.contains_key(path))));
    let finder = Finder { catalog: &catalog, matcher: &matcher };
    let read_file = |scratch: &mut Scratch, path: &PathBuf| {
        let known = remembered.and_then(|m| m.get(path));
        let stamp = Stamp::of(&root.join(path));
        if let (Some(known), Some(stamp)) = (known, stamp)
            && stamps.get(path) == Some(&stamp)
        {
            return Read::Unread(known.clone(), stamp);
        }
        let (text, mut problems) = match content::read_article_text(root, path) {
            Ok(read) => read,
            Err(problem) if options.keep_last_good && content::is_empty_file(&problem) => {
                return match known {
                    Some(known) => Read::Analysed(known.clone(), None, vec![content::keeping_previous(problem)], None),
                    None => Read::Failed(vec![problem]),
                };
            }
            Err(problem) => return Read::Failed(vec![problem]),
        };
        if let Some(known) = known
            && known.0.hash == content::text_hash(&text)
        {
            return Read::Remembered(known.clone(), stamp, problems);
        }
        match content::parse_article(path, &text) {
            Ok(file) => {
                let (analysis, more) = analysis::analyze(&file, &finder, &memory.vocabulary, scratch);
                problems.extend(more);
                Read::Analysed(
                    (Arc::new(file.article), Arc::new(analysis)),
                    stamp,
                    problems,
                    known.cloned().map(Box::new),
                )
            }
            Err(problem) => {
                problems.push(problem);
                Read::Failed(problems)
            }
        }
    };
    // Told which files were written, the build reads those alone and takes
    // the others as they were, looking up none of them (10,000 paths hashed
    // cost the preview several milliseconds).
    let (results, mut articles, mut stamps) = match (&changed, remembered) {
        (Some(changed), Some(known)) => {
            let mut scratch = Scratch::default();
            let results: Vec<Read> = changed.iter().map(|path| read_file(&mut scratch, path)).collect();
            let read: Vec<usize> = changed.iter().filter_map(|path| known.get_index_of(path)).collect();
            let mut articles = Vec::with_capacity(known.len());
            articles.extend(known.values().enumerate().filter(|(i, _)| !read.contains(i)).map(|(_, e)| e.clone()));
            (results, articles, std::mem::take(&mut memory.stamps))
        }
        _ => {
            let (paths, walk_problems) = content::article_paths(root);
            diagnostics.extend(walk_problems);
            let read_all = || paths.par_iter().map_init(Scratch::default, read_file).collect();
            // Without a last build to compare with, every file is read: ahead
            // of the threads that analyse them. With one, most are not read.
            let results: Vec<Read> = match remembered {
                None => content::with_files_prefetched(root, &paths, read_all),
                Some(_) => read_all(),
            };
            (results, Vec::with_capacity(paths.len()), FxHashMap::default())
        }
    };
    let (mut read, mut analysed) = (0, 0);
    let mut edited = remembered.map(|_| Vec::new());
    for result in results {
        let (article, stamp) = match result {
            Read::Unread(article, stamp) => (article, Some(stamp)),
            Read::Remembered(article, stamp, problems) => {
                read += 1;
                diagnostics.extend(problems);
                (article, stamp)
            }
            Read::Analysed(article, stamp, problems, was) => {
                read += 1;
                analysed += 1;
                diagnostics.extend(problems);
                match (was, &mut edited) {
                    (Some(was), Some(edited)) => edited.push(*was),
                    (None, _) if stamp.is_some() => edited = None,
                    // An empty file keeping its last good version changed nothing.
                    _ => {}
                }
                (article, stamp)
            }
            Read::Failed(problems) => {
                read += 1;
                diagnostics.extend(problems);
                continue;
            }
        };
        if let Some(stamp) = stamp {
            stamps.insert(article.0.path.clone(), stamp);
        }
        articles.push(article);
    }
    if remembered.is_some_and(|known| known.len() != articles.len()) {
        edited = None;
    }
    memory.index.grouping.articles_edited(analysed > 0);
    let site = Site::new(
        root.clone(),
        config,
        (catalog, matcher),
        Arc::clone(&memory.vocabulary),
        articles,
        &mut memory.index,
    )
    .map_err(|problems| diagnostics.extend(problems))
    .ok()?;
    Some(Analysed { site, templates: templates?, read, analysed, stamps, edited })
}

/// What reading one article file gave.
enum Read {
    /// The file has the stamp it had: it was not read again.
    Unread((Arc<Article>, Arc<Analysis>), Stamp),
    /// The file has the text it had: its analysis is the remembered one.
    Remembered((Arc<Article>, Arc<Analysis>), Option<Stamp>, Vec<Diagnostic>),
    /// Read and analysed anew, with what it was at the last build, if it was in it.
    Analysed((Arc<Article>, Arc<Analysis>), Option<Stamp>, Vec<Diagnostic>, Option<Box<(Arc<Article>, Arc<Analysis>)>>),
    Failed(Vec<Diagnostic>),
}

/// A digest of everything an article's analysis depends on besides the
/// article: the entity lists (entity ids are positions in them), and the
/// version of fihris that analysed it.
fn lists_digest(catalog: &Catalog) -> u64 {
    let text = format!("{}{:?}", env!("CARGO_PKG_VERSION"), catalog.entities);
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// Runs the whole build into `output`, rendering only what changed since the
/// build `memory` remembers, and brings `memory` up to date. `between` runs
/// after the pages are written and before the site files (sitemap, data,
/// search index, static files) are: the preview server reloads open pages
/// then. Returns the report, or every error found (with the warnings) when
/// there was at least one: a site with errors is rendered into nothing, to
/// report template and link errors too, and never written; `memory` is then
/// left as it was.
pub fn run(
    options: &SiteOptions,
    memory: &mut Memory,
    output: &dyn Output,
    between: &mut dyn FnMut(&Stats),
) -> Result<Report, Diagnostics> {
    let mut clock = Clock::new();
    let started = std::time::SystemTime::now();
    let mut diagnostics = Diagnostics::default();
    // Stories the last build took although their articles had changed are grouped anew now.
    let regrouping = memory.index.grouping.is_stale();
    let analysed = analyse(options, memory, &mut diagnostics);
    clock.lap("read and analyse");
    let Some(Analysed { site, mut templates, read, analysed, stamps, edited }) = analysed else {
        return Err(finish(diagnostics));
    };
    clock.timings.push(("(grouping stories)", site.index.grouping));
    let failing = diagnostics.has_errors();
    let (target, previous): (&dyn Output, Manifest) =
        if failing { (&NullOutput, Manifest::default()) } else { (output, std::mem::take(&mut memory.manifest)) };
    let nothing_edited = edited.as_ref().is_some_and(Vec::is_empty) && !regrouping;
    let touched = edited.filter(|edited| !edited.is_empty()).and_then(|edited| {
        let edited: Vec<Edited> = edited
            .iter()
            .filter_map(|(was, analysis_was)| {
                let id = site.article_at(&was.path)?;
                Some(Edited { id, was, analysis_was })
            })
            .collect();
        plan::touched(&site, &edited)
    });
    // An edit the plan can follow leaves every address as it was.
    let last_plan = touched.as_ref().and_then(|_| memory.plan.take());
    let mut renderer = match Renderer::new(&site, &mut templates, last_plan) {
        Ok(renderer) => renderer,
        Err(problems) => {
            memory.manifest = previous;
            diagnostics.extend(problems);
            return Err(finish(diagnostics));
        }
    };
    let inputs = renderer.inputs();
    // No article, entity list, template, static file or setting changed: no file can.
    let unchanged =
        !failing && nothing_edited && inputs.is_some_and(|i| i == previous.inputs) && !previous.pages.is_empty();
    let (pages, groups, stats) = if unchanged {
        let (pages, stats) = renderer.keep_pages(&previous);
        between(&stats);
        let groups = previous.groups.clone();
        let kept = stats.kept + groups.values().map(|g| g.files.len()).sum::<usize>();
        clock.lap("render pages");
        (pages, groups, Stats { kept, ..stats })
    } else {
        let (first, rest) = renderer.split_jobs(touched.as_deref());
        let (mut pages, mut stats, problems) = renderer.render_pages(&previous, target, &first);
        diagnostics.extend(problems);
        if !rest.is_empty() {
            clock.lap("render touched pages");
        }
        if !diagnostics.has_errors() {
            between(&stats);
        }
        if !rest.is_empty() {
            let (more_pages, more_stats, problems) = renderer.render_pages(&previous, target, &rest);
            diagnostics.extend(problems);
            pages.extend(more_pages);
            stats.add(more_stats);
        }
        clock.lap("render pages");
        renderer.pages_rendered();
        let (groups, problems) = renderer.render_groups(&previous, target, &mut stats);
        diagnostics.extend(problems);
        clock.lap("render site files");
        (pages, groups, stats)
    };
    let manifest = Manifest { pages, groups, inputs: inputs.unwrap_or_default() };
    if diagnostics.has_errors() {
        if !failing {
            memory.manifest = previous;
        }
        return Err(finish(diagnostics));
    }
    let gone = previous.gone(&manifest);
    for path in &gone {
        if let Err(err) = output.remove(path) {
            diagnostics.push(write_error(path, &err));
        }
    }
    if diagnostics.has_errors() {
        memory.manifest = previous;
        return Err(finish(diagnostics));
    }
    let report = Report {
        articles: site.article_count(),
        entities: site.catalog.len(),
        mentions: site.analyses().iter().flat_map(|a| &a.mentions.entities).map(|&(_, n)| n as usize).sum(),
        read,
        analysed,
        stats,
        gone,
        warnings: finish(diagnostics),
        timings: Vec::new(),
    };
    memory.plan = Some(renderer.plan().clone());
    drop(renderer);
    memory.lists = lists_digest(&site.catalog);
    memory.articles =
        site.into_articles().map(|(article, analysis)| (article.path.clone(), (article, analysis))).collect();
    memory.manifest = manifest;
    memory.stamps = stamps.into_iter().filter(|(_, stamp)| stamp.settled(started)).collect();
    forget_unused_words(memory);
    clock.lap("remember");
    Ok(Report { timings: clock.timings, ..report })
}

/// Drops from the vocabulary the words no article uses any more (those of
/// deleted or edited articles), once they are half of it.
fn forget_unused_words(memory: &mut Memory) {
    let mut used = vec![false; memory.vocabulary.len()];
    for (_, analysis) in memory.articles.values() {
        for (id, _) in analysis.terms.iter() {
            if let Some(slot) = used.get_mut(id as usize) {
                *slot = true;
            }
        }
    }
    if used.iter().filter(|&&u| u).count() * 2 >= used.len() {
        return;
    }
    let (vocabulary, mapping) = memory.vocabulary.compacted(&used);
    for (_, analysis) in memory.articles.values_mut() {
        let analysis = Arc::make_mut(analysis);
        analysis.terms = analysis.terms.renumbered(&mapping);
    }
    memory.vocabulary = Arc::new(vocabulary);
}

pub fn finish(mut diagnostics: Diagnostics) -> Diagnostics {
    diagnostics.sort();
    diagnostics
}
