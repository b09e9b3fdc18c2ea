//! The site as the preview server holds it: built into memory, and built
//! again after each batch of file changes by the same build as `fihris
//! build`, which remembers the last one in memory: an edited article is read
//! and analysed again alone, and only the pages whose fingerprint changed are
//! rendered. The open pages are told to reload as soon as the pages are
//! written, before the site files (sitemap, data, search index) are, and
//! before the stories are grouped anew.

use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use std::time::Instant;

use crate::build::{self, Memory, SiteOptions};
use crate::diagnostics::Diagnostics;
use crate::output::MemoryOutput;
use crate::render::Stats;

/// What open pages should do after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reload {
    /// Reload every page (a static file, such as the stylesheet, changed).
    All,
    /// Reload the pages at these root-relative URLs.
    Pages(Vec<String>),
}

/// Something to tell the terminal and the open pages during a rebuild.
#[derive(Debug)]
pub struct Rebuilt {
    /// `None` when nothing should reload (the build failed).
    pub reload: Option<Reload>,
    /// The problems the site has now (errors and warnings).
    pub problems: Diagnostics,
    pub summary: String,
}

pub struct Preview {
    options: SiteOptions,
    memory: Memory,
    /// Whether the last build succeeded: only then does the memory hold
    /// every article file, for a build told which of them changed.
    built: bool,
    /// What the server answers with.
    pub files: Arc<MemoryOutput>,
}

impl Preview {
    /// An empty preview of the site; [`Preview::rebuild`] builds it.
    pub fn new(options: SiteOptions) -> Preview {
        Preview { options, memory: Memory::default(), built: false, files: Arc::new(MemoryOutput::default()) }
    }

    pub fn base_path(&self) -> String {
        let url = self.options.base_url.as_deref().unwrap_or("/");
        let after_scheme = url.find("://").map_or(0, |i| i + 3);
        url[after_scheme..].find('/').map_or("/".to_owned(), |i| url[after_scheme + i..].to_owned())
    }

    /// Builds the site again into memory, telling `announce` when the
    /// changed pages are in place and again when the build is done (or
    /// failed). A failed build leaves the last good pages served. Stories
    /// are grouped after the pages reload: the first build takes the last
    /// grouping when only what articles say changed, and a second one,
    /// right after, groups them anew and reloads the pages that changes.
    /// `changed` names the article files (relative to the site's root)
    /// written since the last rebuild when nothing else changed; `None`
    /// when that is not known, and every file is looked at.
    pub fn rebuild(&mut self, changed: Option<FxHashSet<PathBuf>>, announce: &mut dyn FnMut(Rebuilt)) {
        self.memory.index.grouping.defer();
        self.memory.changed = changed.filter(|_| self.built);
        self.built = self.build_once(announce);
        if self.built && self.memory.index.grouping.is_stale() {
            self.built = self.build_once(announce);
        }
    }

    /// One build; whether it succeeded.
    fn build_once(&mut self, announce: &mut dyn FnMut(Rebuilt)) -> bool {
        let started = Instant::now();
        let elapsed = || started.elapsed().as_secs_f64() * 1000.0;
        let mut announced: Option<usize> = None;
        let result = build::run(&self.options, &mut self.memory, &*self.files, &mut |stats: &Stats| {
            announced = Some(stats.written_pages.len());
            announce(Rebuilt {
                reload: Some(Reload::Pages(stats.written_pages.clone())),
                problems: Diagnostics::default(),
                summary: format!("rendered {} pages in {:.0} ms", stats.written, elapsed()),
            });
        });
        match result {
            Ok(report) => {
                // Pages written after the first reload: those an edit was not
                // known to touch, found when every page was fingerprinted.
                let later = &report.stats.written_pages[announced.unwrap_or(0)..];
                let reload = if report.stats.static_changed {
                    Some(Reload::All)
                } else {
                    (announced.is_some() && !later.is_empty()).then(|| Reload::Pages(later.to_vec()))
                };
                let summary = format!(
                    "built {} pages ({} written, {} articles analysed) in {:.0} ms",
                    report.stats.pages,
                    report.stats.written,
                    report.analysed,
                    elapsed()
                );
                if reload.is_some() || announced.is_none() || !report.warnings.is_empty() {
                    announce(Rebuilt { reload, problems: report.warnings, summary });
                }
                true
            }
            Err(problems) => {
                announce(Rebuilt {
                    reload: None,
                    problems,
                    summary: format!("build failed after {:.0} ms; still serving the last good pages", elapsed()),
                });
                false
            }
        }
    }
}
