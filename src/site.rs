//! The site as rendering sees it: its configuration, its entity lists, its
//! articles with their analyses, and the index made from them. A plain value,
//! built by [`crate::build`] and read-only afterwards; articles are found by
//! their [`ArticleId`] (their place in file-name order in this build) or by
//! their path, which stays the same from build to build.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::body::Body;
use crate::analysis::{self, Analysis, Excerpts, Finder, Mentions, Vocabulary};
use crate::config::Config;
use crate::content::{self, Article, ArticleFile};
use crate::diagnostics::Diagnostic;
use crate::entities::matcher::Scratch;
use crate::entities::{Catalog, EntityId, Matcher};
use crate::index::{ArticleId, Index, Remembered};

pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub catalog: Catalog,
    pub matcher: Matcher,
    /// The words of the archive, which articles' terms number.
    pub vocabulary: Arc<Vocabulary>,
    articles: Vec<Arc<Article>>,
    analyses: Vec<Arc<Analysis>>,
    pub index: Index,
}

impl Site {
    /// Puts the analysed articles together (in any order: they are kept in
    /// the order of their paths) and builds the index, with the grouping of
    /// stories of the last build; two articles or two entities with one URL
    /// are errors.
    pub fn new(
        root: PathBuf,
        config: Config,
        (catalog, matcher): (Catalog, Matcher),
        vocabulary: Arc<Vocabulary>,
        mut articles: Vec<(Arc<Article>, Arc<Analysis>)>,
        remembered: &mut Remembered,
    ) -> Result<Site, Vec<Diagnostic>> {
        // Mostly in order already (the walk's, or the last build's with the
        // edited articles last), which this sort takes in one pass.
        articles.sort_by(|a, b| path_order(&a.0.path, &b.0.path));
        let (articles, analyses): (Vec<Arc<Article>>, Vec<Arc<Analysis>>) = articles.into_iter().unzip();
        let index = Index::build(&config, &articles, &analyses, &catalog, remembered)?;
        Ok(Site { root, config, catalog, matcher, vocabulary, articles, analyses, index })
    }

    /// Reads article `id` again for its page. A file changed since it was
    /// analysed is taken as it is now, analysed again, so that its page is
    /// whole (the lists of other pages catch up at the next build).
    pub fn read_article(&self, id: ArticleId) -> Result<(ArticleFile, Arc<Analysis>), Diagnostic> {
        let article = self.article(id);
        let (text, _) = content::read_article_text(&self.root, &article.path)?;
        if content::text_hash(&text) == article.hash
            && let Some(split) = content::front_matter::split(&article.path, &text).ok()
        {
            let file = ArticleFile { article: article.clone(), body: split.body.to_owned() };
            return Ok((file, Arc::clone(&self.analyses[id as usize])));
        }
        let file = content::parse_article(&article.path, &text)?;
        let finder = Finder { catalog: &self.catalog, matcher: &self.matcher };
        let (analysis, _) = analysis::analyze(&file, &finder, &self.vocabulary, &mut Scratch::default());
        Ok((file, Arc::new(analysis)))
    }

    /// The excerpts of article `id` for the entities `wanted` keeps, from its
    /// file as [`Site::read_article`] reads it.
    pub fn excerpts(&self, id: ArticleId, wanted: impl Fn(EntityId) -> bool) -> Result<Excerpts, Diagnostic> {
        let (file, analysis) = self.read_article(id)?;
        Ok(analysis::excerpts::excerpts(&Body::read_text(&file.body), &analysis.mentions.mentions.unpack(), wanted))
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id as usize]
    }

    pub fn analysis(&self, id: ArticleId) -> &Analysis {
        &self.analyses[id as usize]
    }

    /// Who article `id` mentions.
    pub fn mentions(&self, id: ArticleId) -> &Mentions {
        &self.analyses[id as usize].mentions
    }

    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    pub fn analyses(&self) -> &[Arc<Analysis>] {
        &self.analyses
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    pub fn article_ids(&self) -> impl Iterator<Item = ArticleId> + use<> {
        0..self.articles.len() as ArticleId
    }

    /// The article read from `path` (relative to the root), if the site has it.
    pub fn article_at(&self, path: &Path) -> Option<ArticleId> {
        self.articles.binary_search_by(|a| path_order(&a.path, path)).ok().map(|i| i as ArticleId)
    }

    /// The analysed articles, for the next build to reuse what did not change.
    pub fn into_articles(self) -> impl Iterator<Item = (Arc<Article>, Arc<Analysis>)> {
        self.articles.into_iter().zip(self.analyses)
    }
}

/// The order of paths by their components (`a/b` before `a-b`), as
/// `Path::cmp` gives it for the paths of a walk (no `.` or doubled
/// separator in them), comparing bytes with the separator lowest:
/// `Path::cmp` parses components at each comparison, which made sorting
/// 10,000 articles take 15 ms.
fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    fn bytes(p: &Path) -> impl Iterator<Item = u8> + '_ {
        p.as_os_str().as_encoded_bytes().iter().map(|&b| if std::path::is_separator(b as char) { 0 } else { b })
    }
    bytes(a).cmp(bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paths of a walk sort as `Path::cmp` sorts them, `a/b` before `a-b`.
    #[test]
    fn paths_sort_by_their_components() {
        let mut paths: Vec<PathBuf> = [
            "content/articles/a-b.md",
            "content/articles/a/b.md",
            "content/articles/a.md",
            "content/articles/a/b/c.md",
            "content/articles-2/x.md",
            "content/articles/ب.md",
            "content/articles/A.md",
            "content/z.md",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let mut by_components = paths.clone();
        by_components.sort();
        paths.sort_by(|a, b| path_order(a, b));
        assert_eq!(paths, by_components);
        assert_eq!(path_order(Path::new("a/b"), Path::new("a-b")), std::cmp::Ordering::Less);
    }
}
