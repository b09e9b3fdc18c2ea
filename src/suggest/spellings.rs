//! New spellings of listed names, wherever they stand: a word of the
//! articles that no list has, one letter from a listed one-word spelling with
//! the same consonants (بوتن beside بوتين, ترمب beside ترامب), is proposed as
//! an alias of that entity. Proclitics are looked through (لبوتن).

use pulldown_cmark::Event;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::strip_written_proclitics;
use super::variants::{close, loose_key};
use crate::arabic::normalize::letter_count;
use crate::arabic::tokens::{Words, proclitic_variants};
use crate::content::ArticleFile;
use crate::content::markdown::{self, Place, PlaceTracker};
use crate::entities::catalog::spelling_key;
use crate::entities::{Catalog, EntityId};

/// The shortest word looked at: shorter names are too close to other words.
const MIN_LETTERS: usize = 4;

/// A new spelling: the entity, the spelling as written most often, how often.
pub struct Found {
    pub entity: EntityId,
    pub written: String,
    pub count: usize,
}

/// One-word spellings of the lists by loose key.
struct Index {
    listed: FxHashSet<String>,
    by_loose: FxHashMap<String, Vec<(String, EntityId)>>,
}

impl Index {
    fn new(catalog: &Catalog) -> Index {
        let mut index = Index { listed: FxHashSet::default(), by_loose: FxHashMap::default() };
        for id in catalog.ids() {
            for spelling in &catalog.get(id).spellings {
                let key = spelling_key(&spelling.text);
                index.listed.insert(key.clone());
                if !key.contains(' ') && letter_count(&key) >= MIN_LETTERS {
                    index.by_loose.entry(loose_key(&key)).or_default().push((key, id));
                }
            }
        }
        index
    }

    /// The one entity whose listed spelling `key` is close to.
    fn entity_of(&self, key: &str) -> Option<EntityId> {
        if self.listed.contains(key) || letter_count(key) < MIN_LETTERS {
            return None;
        }
        let mut who =
            self.by_loose.get(&loose_key(key))?.iter().filter(|(listed, _)| close(listed, key)).map(|&(_, id)| id);
        let first = who.next()?;
        who.all(|id| id == first).then_some(first)
    }
}

/// Every new spelling of a listed one-word name in `corpus`, most used first.
pub fn find(corpus: &[ArticleFile], catalog: &Catalog) -> Vec<Found> {
    let index = Index::new(catalog);
    if index.by_loose.is_empty() {
        return Vec::new();
    }
    let per_article: Vec<Vec<(EntityId, String, String)>> =
        corpus.par_iter().map(|article| in_article(article, &index)).collect();
    let mut counts: FxHashMap<(EntityId, String), FxHashMap<String, usize>> = FxHashMap::default();
    for (entity, key, written) in per_article.into_iter().flatten() {
        *counts.entry((entity, key)).or_default().entry(written).or_default() += 1;
    }
    let mut found: Vec<Found> = counts
        .into_iter()
        .map(|((entity, _), forms)| {
            let count = forms.values().sum();
            let written = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(w, _)| w)
                .unwrap_or_default();
            Found { entity, written, count }
        })
        .collect();
    found.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.written.cmp(&b.written)));
    found
}

fn in_article(article: &ArticleFile, index: &Index) -> Vec<(EntityId, String, String)> {
    let mut found = Vec::new();
    let mut words = Words::default();
    let mut variants = Vec::new();
    let mut buf = String::new();
    let mut look = |text: &str| {
        words.fill(text);
        for (word, key) in words.iter() {
            if index.listed.contains(key) {
                continue;
            }
            if let Some(entity) = index.entity_of(key) {
                found.push((entity, key.to_owned(), text[word.start..word.end].to_owned()));
                continue;
            }
            variants.clear();
            proclitic_variants(key, &mut variants);
            for variant in &variants {
                let form = variant.write(key, &mut buf);
                if index.listed.contains(form) {
                    break; // لبوتين: a listed spelling after all.
                }
                if let Some(entity) = index.entity_of(form) {
                    let written = strip_written_proclitics(&text[word.start..word.end], key, form);
                    found.push((entity, form.to_owned(), written));
                    break;
                }
            }
        }
    };
    look(&article.article.title);
    let mut tracker = PlaceTracker::default();
    for event in markdown::events(&article.body) {
        tracker.step(&event);
        if let Event::Text(text) = &event
            && !matches!(tracker.place(), Place::Code | Place::Image)
        {
            look(text);
        }
    }
    found
}
