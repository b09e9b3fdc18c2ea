//! Counting the names found over the whole archive, with the matcher the
//! build uses (so proclitics, spacings, cue words and nisba adjectives are
//! read as the build will read them): how often each spelling occurs, in
//! which articles, the first places to quote, how often the same word
//! occurs with the article added or removed (الوقت beside وقت: an ordinary
//! word, not a name), and where a person's family name stands alone.

use pulldown_cmark::Event;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Group;
use super::person_names::family_name;
use crate::arabic::tokens::proclitic_variants;
use crate::content::ArticleFile;
use crate::content::markdown::{self, Place, PlaceTracker};
use crate::entities::Kind;
use crate::entities::catalog::spelling_key;
use crate::entities::matcher::{Claimant, Found, Matcher, Scratch};

/// What the archive says of one group.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub count: usize,
    /// Articles that name it, in corpus order.
    pub articles: Vec<u32>,
    /// Occurrences of each of the group's spellings.
    pub spellings: Vec<usize>,
    /// Each spelling as first written, for those no evidence found.
    pub written: Vec<String>,
    /// The first occurrences in article bodies: (article, text as written).
    pub quotes: Vec<(u32, String)>,
    /// Occurrences of the one-word name with the article added or removed.
    pub alternates: usize,
    /// For a person's name, the articles that write its family name alone
    /// (رانغنيك after رالف رانغنيك), in corpus order.
    pub alone: Vec<u32>,
    /// Whether that family name also occurs with the article added or removed.
    pub family_alternates: bool,
}

/// How many places to quote for each name.
pub const QUOTES: usize = 2;

/// The forms of a one-word name that make it an ordinary word when they
/// occur: with the article added or removed (الوقت / وقت), and a feminine
/// nisba's masculine (ساحلية / ساحلي).
fn alternates(key: &str) -> Vec<String> {
    if key.contains(' ') {
        return Vec::new();
    }
    let mut forms = Vec::new();
    match key.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => forms.push(rest.to_owned()),
        Some(_) => {}
        None => forms.push(format!("ال{key}")),
    }
    if let Some(masculine) = key.strip_suffix("يه").filter(|stem| stem.chars().count() >= 3) {
        forms.push(format!("{masculine}ي"));
    }
    forms
}

/// Counts every spelling of every group in every article.
pub fn count(corpus: &[ArticleFile], groups: &[Group]) -> Vec<Tally> {
    let n = groups.len() as u32;
    let alternates: Vec<(u32, String)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.spellings.iter().filter(|s| s.found()).count() == 1)
        .flat_map(|(i, g)| alternates(&g.spellings[0].key).into_iter().map(move |a| (n + i as u32, a)))
        .collect();
    // Each name is counted as the build would count it in the list of its
    // kind, cue words included (قناة الجزيرة is not the island).
    let spellings = groups.iter().enumerate().flat_map(|(i, g)| {
        let kind = g.kind().unwrap_or(Kind::Person);
        g.spellings.iter().map(move |s| (s.key.as_str(), Claimant { entity: i as u32, kind, weak: false }))
    });
    let alternate_spellings = alternates.iter().map(|(id, a)| {
        let kind = groups[(*id - n) as usize].kind().unwrap_or(Kind::Person);
        (a.as_str(), Claimant { entity: *id, kind, weak: false })
    });
    // A person's family name alone counts the person's articles, unless the
    // archive also writes it with the article added or removed (إطلاق and
    // الإطلاق): then it is an ordinary word.
    let families: Vec<(u32, String)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind() == Some(Kind::Person))
        .filter_map(|(i, g)| family_name(&g.spellings[0].key).map(|f| (i as u32, f.to_owned())))
        .flat_map(|(i, family)| {
            let forms = self::alternates(&family).into_iter().map(move |a| (3 * n + i, a));
            std::iter::once((2 * n + i, family)).chain(forms)
        })
        .collect();
    let family_spellings =
        families.iter().map(|(id, form)| (form.as_str(), Claimant { entity: *id, kind: Kind::Person, weak: false }));
    let matcher = Matcher::from_spellings(spellings.chain(alternate_spellings).chain(family_spellings));
    let spelling_index: Vec<FxHashMap<&str, usize>> =
        groups.iter().map(|g| g.spellings.iter().enumerate().map(|(i, s)| (s.key.as_str(), i)).collect()).collect();

    let per_article: Vec<Vec<Hit>> =
        corpus.par_iter().map_init(Scratch::default, |scratch, article| hits(article, &matcher, scratch)).collect();
    let mut tallies: Vec<Tally> = groups
        .iter()
        .map(|g| Tally {
            spellings: vec![0; g.spellings.len()],
            written: vec![String::new(); g.spellings.len()],
            ..Tally::default()
        })
        .collect();
    for (article, hits) in per_article.into_iter().enumerate() {
        let article = article as u32;
        for hit in hits {
            if hit.group >= 3 * n {
                tallies[(hit.group - 3 * n) as usize].family_alternates = true;
                continue;
            }
            if hit.group >= 2 * n {
                let alone = &mut tallies[(hit.group - 2 * n) as usize].alone;
                if alone.last() != Some(&article) {
                    alone.push(article);
                }
                continue;
            }
            if hit.group >= n {
                tallies[(hit.group - n) as usize].alternates += 1;
                continue;
            }
            let tally = &mut tallies[hit.group as usize];
            tally.count += 1;
            if tally.articles.last() != Some(&article) {
                tally.articles.push(article);
            }
            let spelling = which_spelling(&spelling_index[hit.group as usize], &hit.key);
            tally.spellings[spelling] += 1;
            // As written without a proclitic (أغادير, not بأغادير).
            let bare = spelling_index[hit.group as usize].get(hit.key.as_str()) == Some(&spelling);
            if bare && tally.written[spelling].is_empty() {
                tally.written[spelling].clone_from(&hit.written);
            }
            if hit.in_body && tally.quotes.len() < QUOTES && tally.quotes.iter().all(|(a, _)| *a != article) {
                tally.quotes.push((article, hit.written));
            }
        }
    }
    for tally in &mut tallies {
        if tally.family_alternates {
            tally.alone.clear();
        }
    }
    tallies
}

struct Hit {
    group: u32,
    key: String,
    written: String,
    in_body: bool,
}

fn hits(article: &ArticleFile, matcher: &Matcher, scratch: &mut Scratch) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut record = |text: &str, found: &mut Vec<Found>, in_body: bool| {
        for f in found.drain(..) {
            for claimant in f.eligible() {
                let written = &text[f.start..f.end];
                hits.push(Hit {
                    group: claimant.entity,
                    key: spelling_key(written),
                    written: written.to_owned(),
                    in_body,
                });
            }
        }
    };
    matcher.find(&article.article.title, scratch, &mut found);
    record(&article.article.title, &mut found, false);
    let mut tracker = PlaceTracker::default();
    for event in markdown::events(&article.body) {
        tracker.step(&event);
        if let Event::Text(text) = &event
            && !matches!(tracker.place(), Place::Code | Place::Image)
        {
            matcher.find(text, scratch, &mut found);
            record(text, &mut found, true);
        }
    }
    hits
}

/// Which of a group's spellings a match is: its key, or its key with the
/// first word's proclitics removed; the first spelling when neither.
fn which_spelling(index: &FxHashMap<&str, usize>, key: &str) -> usize {
    if let Some(&i) = index.get(key) {
        return i;
    }
    let (first, rest) = key.split_once(' ').unwrap_or((key, ""));
    let mut variants = Vec::new();
    proclitic_variants(first, &mut variants);
    let mut buf = String::new();
    variants
        .into_iter()
        .find_map(|v| {
            let form = v.write(first, &mut buf);
            let full = if rest.is_empty() { form.to_owned() } else { format!("{form} {rest}") };
            index.get(full.as_str()).copied()
        })
        .unwrap_or(0)
}
