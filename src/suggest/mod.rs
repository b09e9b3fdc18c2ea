//! `fihris entities suggest`: names in the articles that no list has yet,
//! and new spellings of the names the lists have. Candidates are found by
//! the evidence around them ([`candidates`], each name read from where its
//! evidence starts it by [`reading`]), their length settled over the
//! whole archive ([`extent`]), their spellings merged ([`variants`]), counted
//! with the build's matcher ([`count`]), ranked ([`rank`]) and written out as
//! TOML or JSON ([`output`]). The editor decides what goes into the lists.

mod agencies;
pub mod candidates;
mod count;
mod extent;
mod known_places;
mod outlets;
pub mod output;
mod people;
mod person_names;
mod places;
mod rank;
mod rare;
mod reading;
mod reason;
mod shapes;
mod spellings;
mod variants;
mod words;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::content::ArticleFile;
use crate::entities::{Catalog, Kind};
use candidates::{Occurrence, Reason};

/// What to propose.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only names of this kind (by its guess).
    pub kind: Option<Kind>,
    /// Only names found in at least this many articles.
    pub min_articles: usize,
}

/// A name to add to a list.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// A key for the list: the name's Arabic slug (docs/arabic.md §4).
    pub key: String,
    pub name: String,
    /// The kind guessed, `None` when nothing says (a hashtag alone).
    #[serde(serialize_with = "kind_or_unknown")]
    pub kind: Option<Kind>,
    /// Occurrences in the articles, and the articles they are in.
    pub count: usize,
    pub articles: usize,
    /// Other spellings found, most frequent first.
    pub variants: Vec<String>,
    /// Places that show the name in use.
    pub contexts: Vec<Context>,
    /// Why it was taken for a name, surest first.
    pub reasons: Vec<&'static str>,
}

/// A line of an article around a name (keyword in context).
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub file: PathBuf,
    pub line: usize,
    pub text: String,
}

/// A new spelling of an entity a list already has.
#[derive(Debug, Clone, Serialize)]
pub struct NewAlias {
    /// The entity's key.
    pub entity: String,
    pub kind: Kind,
    pub alias: String,
    pub count: usize,
}

/// Everything `entities suggest` proposes, best first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Suggestions {
    pub suggestions: Vec<Suggestion>,
    pub aliases: Vec<NewAlias>,
}

impl Suggestions {
    /// Adds new spellings, keeping one of each (the most used) and the order
    /// most used first.
    fn add_aliases(&mut self, more: impl IntoIterator<Item = NewAlias>) {
        self.aliases.extend(more);
        self.aliases.sort_by(|a, b| {
            (&a.entity, crate::arabic::key(&a.alias))
                .cmp(&(&b.entity, crate::arabic::key(&b.alias)))
                .then_with(|| b.count.cmp(&a.count))
        });
        self.aliases
            .dedup_by(|a, b| a.entity == b.entity && crate::arabic::key(&a.alias) == crate::arabic::key(&b.alias));
        self.aliases.sort_by(|a, b| {
            b.count.cmp(&a.count).then_with(|| a.entity.cmp(&b.entity)).then_with(|| a.alias.cmp(&b.alias))
        });
    }
}

fn kind_or_unknown<S: serde::Serializer>(kind: &Option<Kind>, serializer: S) -> Result<S::Ok, S::Error> {
    match kind {
        Some(kind) => kind.serialize(serializer),
        None => serializer.serialize_str("unknown"),
    }
}

/// One spelling of a name found.
#[derive(Debug, Clone)]
struct GroupSpelling {
    /// Word keys joined by single spaces.
    key: String,
    /// As written most often.
    written: String,
    /// How many finds had it.
    finds: usize,
}

impl GroupSpelling {
    /// Whether evidence found it, rather than [`variants::spelled_elsewhere`]
    /// adding it to be counted.
    fn found(&self) -> bool {
        self.finds > 0
    }
}

/// A name found, with its spellings (most found first) and its evidence.
#[derive(Debug, Clone)]
struct Group {
    spellings: Vec<GroupSpelling>,
    evidence: Vec<(u32, Reason)>,
}

impl Group {
    /// The kind its evidence points to most, article by article.
    fn kind(&self) -> Option<Kind> {
        rank::kind_of(&self.evidence)
    }

    fn absorb(&mut self, other: Group) {
        for spelling in other.spellings {
            match self.spellings.iter_mut().find(|s| s.key == spelling.key) {
                Some(known) => known.finds += spelling.finds,
                None => self.spellings.push(spelling),
            }
        }
        self.evidence.extend(other.evidence);
        self.spellings.sort_by(|a, b| b.finds.cmp(&a.finds).then_with(|| a.key.cmp(&b.key)));
    }
}

/// Finds the names in `corpus` that `catalog` does not list.
pub fn suggest(corpus: &[ArticleFile], catalog: &Catalog, options: &Options) -> Suggestions {
    let finds = corpus.par_iter().enumerate().map(|(i, article)| candidates::find(article, i as u32)).reduce(
        || candidates::Finds { occurrences: Vec::new(), vocabulary: Default::default() },
        |mut all, more| {
            all.occurrences.extend(more.occurrences);
            all.vocabulary.extend(more.vocabulary);
            all
        },
    );
    let mut occurrences = finds.occurrences;
    rare::drop_conjunctions(&mut occurrences, &finds.vocabulary);
    extent::settle(&mut occurrences, &finds.vocabulary);
    let (groups, mut pairs) = into_groups(occurrences);
    pairs.extend(agencies::pairs(&groups));
    let mut groups = variants::merge(groups, &pairs);
    variants::spelled_elsewhere(&mut groups, &finds.vocabulary);
    let tallies = count::count(corpus, &groups);
    let mut suggestions = rank::rank(corpus, catalog, groups, tallies, options);
    let found = spellings::find(corpus, catalog).into_iter().map(|f| {
        let entity = catalog.get(f.entity);
        NewAlias { entity: entity.key.clone(), kind: entity.kind, alias: f.written, count: f.count }
    });
    suggestions.add_aliases(found);
    suggestions
}

/// One group per spelling, and the pairs of groups that are one name (a
/// name and its abbreviation in parentheses).
fn into_groups(occurrences: Vec<Occurrence>) -> (Vec<Group>, Vec<(usize, usize)>) {
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut written: Vec<FxHashMap<String, usize>> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut pairs = Vec::new();
    let mut add = |words: &[candidates::NameWord], evidence: Option<(u32, Reason)>| -> usize {
        let key = words.iter().map(|w| &*w.key).collect::<Vec<_>>().join(" ");
        let shown = words.iter().map(|w| &*w.written).collect::<Vec<_>>().join(" ");
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                spellings: vec![GroupSpelling { key, written: String::new(), finds: 0 }],
                evidence: Vec::new(),
            });
            written.push(FxHashMap::default());
            groups.len() - 1
        });
        groups[at].spellings[0].finds += 1;
        *written[at].entry(shown).or_default() += 1;
        groups[at].evidence.extend(evidence);
        at
    };
    for occurrence in &occurrences {
        let name = add(&occurrence.words, Some((occurrence.article, occurrence.reason)));
        if let Some(abbreviation) = &occurrence.abbreviation {
            let short = add(abbreviation, None);
            pairs.push((name, short));
        }
    }
    for (group, forms) in groups.iter_mut().zip(written) {
        let mut forms: Vec<(String, usize)> = forms.into_iter().collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        group.spellings[0].written = forms.into_iter().next().map(|(w, _)| w).unwrap_or_default();
    }
    (groups, pairs)
}
