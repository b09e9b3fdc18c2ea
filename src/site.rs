//! The build pipeline, one step after another on plain values:
//! load (config, articles, entity lists) → find mentions → index → render →
//! output. `build`, `check` and the preview server all run it; only the
//! [`Output`] differs.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Article;
use crate::content::{self, Corpus};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::entities::matcher::Scratch;
use crate::entities::{Catalog, Matcher};
use crate::index::{ArticleId, Index};
use crate::mentions::{self, ArticleEntities, Finder};
use crate::output::Output;
use crate::render::{self, Stats, templates::Templates};

/// What a run was asked to do.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub root: PathBuf,
    /// Replaces `base_url` of `site.toml`.
    pub base_url: Option<String>,
}

/// A site read from disk, before any analysis.
pub struct Loaded {
    pub config: Config,
    pub corpus: Corpus,
    pub catalog: Catalog,
}

/// A site read and analysed: what rendering needs.
pub struct Site {
    pub config: Config,
    pub corpus: Corpus,
    pub catalog: Catalog,
    /// What each article mentions, parallel to `corpus.articles`.
    pub found: Vec<ArticleEntities>,
    pub index: Index,
}

impl Site {
    pub fn article(&self, id: ArticleId) -> &Article {
        &self.corpus.articles[id as usize]
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

/// Reads the configuration, the articles and the entity lists. Every problem
/// of every file is collected before giving up.
pub fn load(options: &SiteOptions, diagnostics: &mut Diagnostics) -> Option<Loaded> {
    let root = &options.root;
    let mut config = match Config::load(root) {
        Ok(config) => config,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    if let Some(url) = &options.base_url
        && let Err(problem) = config.set_base_url(url)
    {
        diagnostics.push(problem);
    }
    let ((corpus, article_problems), (catalog, list_problems)) =
        rayon::join(|| content::load(root), || Catalog::load(root));
    diagnostics.extend(article_problems);
    diagnostics.extend(list_problems);
    Some(Loaded { config, corpus, catalog })
}

/// Finds the entities of every article, in parallel.
pub fn find_mentions(loaded: &Loaded, diagnostics: &mut Diagnostics) -> Vec<ArticleEntities> {
    let matcher = Matcher::new(&loaded.catalog);
    let finder = Finder { catalog: &loaded.catalog, matcher: &matcher, link_mentions: loaded.config.link_mentions };
    let results: Vec<(ArticleEntities, Vec<Diagnostic>)> = loaded
        .corpus
        .articles
        .par_iter()
        .map_init(Scratch::default, |scratch, article| mentions::analyze(article, &finder, scratch))
        .collect();
    results
        .into_iter()
        .map(|(found, problems)| {
            diagnostics.extend(problems);
            found
        })
        .collect()
}

/// Runs the whole pipeline into `output`. Returns the report, or every error
/// found (with the warnings) when there was at least one.
pub fn run(options: &SiteOptions, output: &dyn Output) -> Result<Report, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, Duration)>| {
        timings.push((name, clock.elapsed()));
        clock = Instant::now();
    };

    let templates = Templates::load(&options.root);
    let loaded = load(options, &mut diagnostics);
    let mut templates = match templates {
        Ok(templates) => Some(templates),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    let Some(loaded) = loaded else {
        return Err(finish(diagnostics));
    };
    lap("load", &mut timings);

    let found = find_mentions(&loaded, &mut diagnostics);
    lap("find mentions", &mut timings);
    let mentions = found.iter().flat_map(|f| f.entities.iter()).map(|&(_, n)| n as usize).sum();

    let index = match Index::build(&loaded.config, &loaded.corpus, &loaded.catalog, &found) {
        Ok(index) => index,
        Err(problems) => {
            diagnostics.extend(problems);
            return Err(finish(diagnostics));
        }
    };
    let Loaded { config, corpus, catalog } = loaded;
    let site = Site { config, corpus, catalog, found, index };
    lap("index", &mut timings);
    let Some(templates) = templates.as_mut() else {
        return Err(finish(diagnostics));
    };
    if diagnostics.has_errors() {
        // Render anyway to report template and link errors in the same run,
        // but into nothing: a site with errors is never written.
        let _ = render::render(&site, templates, &options.root, &crate::output::NullOutput)
            .map_err(|p| diagnostics.extend(p));
        return Err(finish(diagnostics));
    }
    let stats = match render::render(&site, templates, &options.root, output) {
        Ok(stats) => stats,
        Err(problems) => {
            diagnostics.extend(problems);
            return Err(finish(diagnostics));
        }
    };
    lap("render and write", &mut timings);
    Ok(Report {
        articles: site.corpus.articles.len(),
        entities: site.catalog.len(),
        mentions,
        stats,
        warnings: finish(diagnostics),
        timings,
    })
}

fn finish(mut diagnostics: Diagnostics) -> Diagnostics {
    diagnostics.sort();
    diagnostics
}
