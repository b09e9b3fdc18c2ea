//! What the build learns from each article, in one pass over its body: the
//! visible text ([`body`]), who it mentions and where ([`mentions`]), who
//! said what ([`quotes`]), its summary, its search terms ([`terms`]), and
//! what finding and comparing its story needs ([`signature`], [`figures`]).
//! Of the sentence that names each entity ([`excerpts`]) it keeps a digest:
//! only the articles on the first page of some entity show one, so its text
//! is made again from the body and the mentions when such a page is rendered.
//! A pure function of one article and the shared entity matcher, mapped over
//! the corpus in parallel; the index, the pages and the search files are all
//! made from its results.

pub mod body;
mod compact;
pub mod excerpts;
pub mod figures;
pub mod mentions;
pub mod quotes;
pub mod signature;
pub mod terms;
pub mod vocabulary;

use crate::arabic::tokens::Words;
use crate::content::ArticleFile;
use crate::content::markdown::Place;
use crate::diagnostics::Diagnostic;
use crate::entities::matcher::Scratch;
use body::Body;
pub use excerpts::{ExcerptDigests, Excerpts};
use mentions::Candidates;
pub use mentions::{Finder, LinkSite, Mention, MentionList, Mentions};
pub use quotes::{Quote, Quotes, Spot};
use serde::{Deserialize, Serialize};
use terms::TermCounter;
pub use vocabulary::{Terms, Vocabulary};

/// The analysis of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub mentions: Mentions,
    /// Who said what, in text order.
    pub quotes: Quotes,
    /// The sentence that first names each entity of the body, hashed.
    pub excerpts: ExcerptDigests,
    /// From `summary:`, else the first real paragraph of the body.
    pub summary: String,
    /// Search terms with their weights, as numbers into the archive's [`Vocabulary`].
    pub terms: Terms,
    /// How many words the body shows (its length, as outlets count it).
    pub words: u32,
    /// What the grouping of stories compares.
    pub signature: signature::Signature,
    /// Numbers in the text with their context, for comparing outlets.
    pub figures: Vec<figures::Figure>,
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
    let mut candidates = Candidates::default();
    let mut counter = TermCounter::default();
    let title = Words::of(&article.title);
    candidates.add(finder.matcher, (&article.title, title.all()), 0, None, Place::Heading, scratch);
    counter.add(title.all(), terms::TITLE_WEIGHT);
    let mut words = 0;
    for (n, (run, text, run_words)) in body.runs_with_words().enumerate() {
        candidates.add(finder.matcher, (text, run_words), run.start as usize, Some(n as u32), run.place, scratch);
        if terms::is_searchable(run.place) {
            words += counter.add(run_words, 1);
        }
    }
    let (mentions, problems) = mentions::find(article, candidates, finder);
    let listed = mentions.mentions.unpack();
    let quotes = quotes::find(&body, &listed, finder.catalog);
    let excerpts = excerpts::digests(&body, &listed);
    let summary = article.summary.clone().unwrap_or_else(|| body.summary());
    let terms = counter.finish();
    let signature = signature::signature(&terms, &body);
    let figures = figures::figures(&body);
    let terms = Terms::pack(vocabulary.intern(terms.iter().map(|(t, w)| (t.as_ref(), *w))));
    let mut analysis = Analysis { mentions, excerpts, quotes, summary, terms, words, signature, figures };
    analysis.shrink();
    (analysis, problems)
}

impl Analysis {
    /// Gives back the room its lists grew into while they were made: every
    /// analysis is kept for the whole build, and the spare room was a fifth
    /// of it (the list of entities was sized for one entry a mention).
    fn shrink(&mut self) {
        self.mentions.entities.shrink_to_fit();
        self.summary.shrink_to_fit();
        self.signature.marks.shrink_to_fit();
        self.signature.named_places.shrink_to_fit();
        self.figures.shrink_to_fit();
    }
}
