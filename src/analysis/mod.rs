//! What the build learns from each article, in one pass over its body: the
//! visible text ([`body`]), who it mentions and where ([`mentions`]), the
//! sentence that names each entity ([`excerpts`]), its summary, and its search
//! terms ([`terms`]). A pure function of one article
//! and the shared entity matcher, mapped over the corpus in parallel; the
//! index, the pages and the search files are all made from its results.

pub mod body;
pub mod excerpts;
pub mod mentions;
pub mod terms;
pub mod vocabulary;

use crate::content::ArticleFile;
use crate::diagnostics::Diagnostic;
use crate::entities::matcher::Scratch;
use body::Body;
pub use excerpts::Excerpts;
pub use mentions::{Finder, LinkSite, Mention, Mentions};
use serde::{Deserialize, Serialize};
pub use vocabulary::{Terms, Vocabulary};

/// The analysis of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub mentions: Mentions,
    /// The sentence that first names each entity of the body.
    pub excerpts: Excerpts,
    /// From `summary:`, else the first real paragraph of the body.
    pub summary: String,
    /// Search terms with their weights, as numbers into the archive's [`Vocabulary`].
    pub terms: Terms,
    /// How many words the body shows (its length, as outlets count it).
    pub words: u32,
}

/// Analyses `article`, numbering its terms in `vocabulary`; unknown
/// references in its front matter come back as errors (the rest is still
/// analysed).
pub fn analyze(
    file: &ArticleFile,
    finder: &Finder,
    vocabulary: &Vocabulary,
    scratch: &mut Scratch,
) -> (Analysis, Vec<Diagnostic>) {
    let article = &file.article;
    let body = Body::read(&file.body);
    let (mentions, problems) = mentions::find(article, &body, finder, scratch);
    let excerpts = excerpts::excerpts(&body, &mentions);
    let summary = article.summary.clone().unwrap_or_else(|| body.summary());
    let (terms, words) = terms::terms(&article.title, &body);
    let terms = Terms::pack(vocabulary.intern(terms.iter().map(|(t, w)| (&**t, *w))));
    (Analysis { mentions, excerpts, summary, terms, words }, problems)
}
