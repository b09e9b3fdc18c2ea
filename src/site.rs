//! The build pipeline, one step after another on plain values:
//! load (config, articles, entity lists) → find mentions → index → render →
//! output. `build`, `check` and the preview server all run it; only the
//! [`Output`] differs, and the preview server keeps the analysed [`Site`] to
//! update it one article at a time.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Article, Corpus};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::matcher::Scratch;
use crate::entities::{Catalog, Matcher};
use crate::index::{ArticleId, Changed, Index};
use crate::mentions::{self, ArticleEntities, Finder};
use crate::output::{NullOutput, Output};
use crate::render::{self, Stats, templates::Templates};

/// What a run was asked to do.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub root: PathBuf,
    /// Replaces `base_url` of `site.toml`.
    pub base_url: Option<String>,
}

/// A site read and analysed: what rendering needs.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub corpus: Corpus,
    pub catalog: Catalog,
    pub matcher: Matcher,
    /// What each article mentions, parallel to `corpus.articles`.
    pub found: Vec<ArticleEntities>,
    pub index: Index,
}

impl Site {
    pub fn article(&self, id: ArticleId) -> &Article {
        &self.corpus.articles[id as usize]
    }

    /// The article read from `path` (relative to the root), if the site has it.
    pub fn article_at(&self, path: &Path) -> Option<ArticleId> {
        self.corpus.articles.iter().position(|a| a.path == path).map(|i| i as ArticleId)
    }

    /// Reads article `id` again from its file and updates everything that
    /// depends on it; returns what changed and the warnings about the file.
    /// On an error, or when the file is empty, the site is left as it was.
    pub fn reload_article(&mut self, id: ArticleId) -> Result<(Changed, Vec<Diagnostic>), Vec<Diagnostic>> {
        let path = self.article(id).path.clone();
        let (article, mut problems) = content::read_article(&self.root, &path).map_err(content::keeping_previous)?;
        let finder =
            Finder { catalog: &self.catalog, matcher: &self.matcher, link_mentions: self.config.link_mentions };
        let (found, more) = mentions::analyze(&article, &finder, &mut Scratch::default());
        problems.extend(more);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(problems);
        }
        let old_article = std::mem::replace(&mut self.corpus.articles[id as usize], article);
        let old_found = std::mem::replace(&mut self.found[id as usize], found);
        let updated = self.index.update_article(
            &self.config,
            &self.corpus,
            &self.catalog,
            &self.found,
            id,
            (&old_found, old_article.published),
        );
        if updated.is_err() {
            self.corpus.articles[id as usize] = old_article;
            self.found[id as usize] = old_found;
        }
        updated.map(|changed| (changed, problems))
    }
}

/// What a successful run produced, and the warnings on the way.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub entities: usize,
    pub mentions: usize,
    pub stats: Stats,
    pub warnings: Diagnostics,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Reads and analyses a site: configuration, articles and entity lists, then
/// mentions and the index, and its templates. Every problem of every file is
/// collected in `diagnostics`; `None` when nothing could be analysed.
/// `previous` is the corpus of the last good analysis, whose articles stand
/// in for files that read empty (the preview server; see [`content::load`]).
pub fn analyse(
    options: &SiteOptions,
    previous: Option<&Corpus>,
    diagnostics: &mut Diagnostics,
    timings: &mut Vec<(&'static str, Duration)>,
) -> Option<(Site, Option<Templates>)> {
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, Duration)>| {
        timings.push((name, clock.elapsed()));
        clock = Instant::now();
    };
    let root = &options.root;
    let templates = Templates::load(root).map_err(|problems| diagnostics.extend(problems)).ok();
    let mut config = match Config::load(root) {
        Ok(config) => config,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    diagnostics.extend(config.warnings());
    if let Some(url) = &options.base_url
        && let Err(problem) = config.set_base_url(url)
    {
        diagnostics.push(problem);
    }
    let ((corpus, article_problems), (catalog, list_problems)) =
        rayon::join(|| content::load(root, previous), || Catalog::load(root));
    diagnostics.extend(article_problems);
    diagnostics.extend(list_problems);
    lap("load", timings);

    let matcher = Matcher::new(&catalog);
    let finder = Finder { catalog: &catalog, matcher: &matcher, link_mentions: config.link_mentions };
    let results: Vec<(ArticleEntities, Vec<Diagnostic>)> = corpus
        .articles
        .par_iter()
        .map_init(Scratch::default, |scratch, article| mentions::analyze(article, &finder, scratch))
        .collect();
    let found: Vec<ArticleEntities> = results
        .into_iter()
        .map(|(found, problems)| {
            diagnostics.extend(problems);
            found
        })
        .collect();
    lap("find mentions", timings);

    let index =
        Index::build(&config, &corpus, &catalog, &found).map_err(|problems| diagnostics.extend(problems)).ok()?;
    lap("index", timings);
    Some((Site { root: root.clone(), config, corpus, catalog, matcher, found, index }, templates))
}

/// Runs the whole pipeline into `output`. Returns the report, or every error
/// found (with the warnings) when there was at least one: a site with errors
/// is rendered into nothing, to report template and link errors too, and
/// never written.
pub fn run(options: &SiteOptions, output: &dyn Output) -> Result<Report, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut timings = Vec::new();
    let Some((site, templates)) = analyse(options, None, &mut diagnostics, &mut timings) else {
        return Err(finish(diagnostics));
    };
    let Some(mut templates) = templates else {
        return Err(finish(diagnostics));
    };
    let clock = Instant::now();
    let target: &dyn Output = if diagnostics.has_errors() { &NullOutput } else { output };
    let rendered = render::render(&site, &mut templates, &options.root, target);
    timings.push(("render and write", clock.elapsed()));
    let stats = match rendered {
        Ok(stats) if !diagnostics.has_errors() => stats,
        Ok(_) => return Err(finish(diagnostics)),
        Err(problems) => {
            diagnostics.extend(problems);
            return Err(finish(diagnostics));
        }
    };
    Ok(Report {
        articles: site.corpus.articles.len(),
        entities: site.catalog.len(),
        mentions: site.found.iter().flat_map(|f| f.entities.iter()).map(|&(_, n)| n as usize).sum(),
        stats,
        warnings: finish(diagnostics),
        timings,
    })
}

pub fn finish(mut diagnostics: Diagnostics) -> Diagnostics {
    diagnostics.sort();
    diagnostics
}
