//! Grouping articles into stories: a deterministic single pass over the
//! articles in the order they were published, in the manner of the
//! topic-detection-and-tracking systems for news (Allan, Papka and Lavrenko,
//! "On-line New Event Detection and Tracking", SIGIR 1998). Each article is
//! compared with the stories still open, those whose latest article is at most
//! `days` days older; it joins the one whose centroid is most like it, if
//! that one is like it enough, or it starts a story of its own. A story's
//! window follows its newest article, so a story that develops over days stays
//! one, while the same people a month later make another.
//!
//! An article is a vector of its signature's terms and of the people and
//! places it names, weighted by tf-idf. Evidence beside the cosine:
//! fingerprints shared with a story (a reprinted passage) raise the score;
//! places named in both and none in common (a second earthquake in another
//! province) lower it. Only the stories that share one of an article's
//! rarest features or a fingerprint are scored, so the cost grows with the
//! number of articles, not with its square.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::signature::{Signature, place_level_of};

/// Similarity with a story's centroid from which an article joins it.
pub const JOIN: f32 = 0.25;
/// Fingerprints an article must share with a story for a reprint.
const REPRINT_MARKS: usize = 3;
/// What a reprint adds to the similarity.
const REPRINT_BONUS: f32 = 0.25;
/// What the similarity is multiplied by when the two name different places.
const OTHER_PLACES: f32 = 0.5;
/// The weight of a person or place named, against a term of the text.
const ENTITY_WEIGHT: f32 = 1.5;
/// The features of an article that find the stories to compare it with.
const PROBES: usize = 12;
/// A probe shared with more open stories than this says nothing about any.
const PROBE_LIMIT: usize = 400;
/// At most this many stories are scored for one article.
const CANDIDATES: usize = 48;
/// Documents that contain none of the terms, added to the count, so that in a
/// small archive a term shared by a few articles is not taken as common.
const PSEUDO_DOCUMENTS: f32 = 20.0;
/// A story spans at most this many days from its first article.
pub const MAX_SPAN_DAYS: i32 = 14;

/// What the grouping knows of one article.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// Days since 1970-01-01; `None` for an undated article.
    pub day: Option<i32>,
    pub signature: &'a Signature,
    /// The people and places of the entity lists it names, with how often.
    pub entities: &'a [(u32, u32)],
}

/// Articles whose vectors are made at once, in parallel. Only the article
/// being placed needs its vector, so they are made a block at a time rather
/// than all first (at 100,000 articles, all of them took some 0.2 GB).
const BLOCK: usize = 4096;

/// Groups `items`, given oldest first (undated ones anywhere), into stories
/// of at least two; each story lists its items' indexes in the given order.
pub fn group(items: &[Item], days: u32) -> Vec<Vec<usize>> {
    group_in_blocks(items, days, BLOCK)
}

/// [`group`], making the vectors of `block` articles at a time (which
/// changes nothing but how much is in memory at once).
pub(super) fn group_in_blocks(items: &[Item], days: u32, block: usize) -> Vec<Vec<usize>> {
    let weights = Weights::new(items);
    let mut grouper =
        Grouper { items, keys: Vec::with_capacity(items.len()), clusters: Vec::new(), index: FxHashMap::default() };
    let window = days as i32;
    let mut open: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    for (first, block) in items.chunks(block).enumerate().map(|(b, part)| (b * block, part)) {
        // Each article's vector and keys are its own: made in parallel, the pass below cannot be.
        let vectors: Vec<Vector> = block.par_iter().map(|item| weights.vector(item)).collect();
        grouper.keys.par_extend(block.par_iter().zip(&vectors).map(|(item, vector)| keys(item, vector)));
        for (n, (item, vector)) in (first..).zip(block.iter().zip(&vectors)) {
            let Some(day) = item.day else { continue };
            // Stories whose newest article is too old close (leave the index);
            // the queue is in the order of their newest articles.
            while let Some(&c) = open.front() {
                if grouper.clusters[c].last_day >= day - window {
                    break;
                }
                open.pop_front();
                grouper.unindex(c);
            }
            let joined = grouper.best(n, vector, |cluster| {
                cluster.last_day >= day - window && day - cluster.first_day <= MAX_SPAN_DAYS
            });
            let c = match joined {
                Some(c) => {
                    grouper.add(c, n, vector, day);
                    // A story that grew moves to the back of the queue.
                    if let Some(at) = open.iter().position(|&o| o == c) {
                        open.remove(at);
                    }
                    c
                }
                None => grouper.start(n, vector, day),
            };
            open.push_back(c);
        }
    }
    // Undated articles join the story they are most like, whenever it was,
    // with a stricter bar, or stories of their own.
    if items.iter().any(|i| i.day.is_none()) {
        grouper.index.clear();
        for c in 0..grouper.clusters.len() {
            grouper.reindex(c);
        }
        for (n, item) in items.iter().enumerate() {
            if item.day.is_some() {
                continue;
            }
            let vector = weights.vector(item);
            match grouper.best_undated(n, &vector) {
                Some(c) => grouper.add(c, n, &vector, grouper.clusters[c].last_day),
                None => {
                    grouper.start(n, &vector, i32::MIN);
                }
            }
        }
    }
    grouper.clusters.into_iter().filter(|c| c.members.len() >= 2).map(|c| c.members).collect()
}

/// A sparse vector, sorted by feature, of unit length.
type Vector = Vec<(u32, f32)>;

/// Inverse document frequencies.
struct Weights {
    idf: FxHashMap<u32, f32>,
    documents: f32,
}

/// Entity features live apart from term hashes: the top bit set.
fn entity_feature(entity: u32) -> u32 {
    entity | 0x8000_0000
}

impl Weights {
    fn new(items: &[Item]) -> Weights {
        let mut df: FxHashMap<u32, u32> = FxHashMap::default();
        for item in items {
            for &term in &item.signature.term_hashes {
                *df.entry(term & 0x7FFF_FFFF).or_default() += 1;
            }
            for &(entity, _) in item.entities {
                *df.entry(entity_feature(entity)).or_default() += 1;
            }
        }
        let documents = items.len() as f32 + PSEUDO_DOCUMENTS;
        // A feature of one article alone can make it like no other: it
        // would only lengthen its vector.
        let idf = df
            .into_iter()
            .map(|(f, n)| (f, if n < 2 { 0.0 } else { (documents / (n as f32 + 0.5)).ln().max(0.0) }))
            .collect();
        Weights { idf, documents }
    }

    fn idf(&self, feature: u32) -> f32 {
        self.idf.get(&feature).copied().unwrap_or_else(|| (self.documents / 0.5).ln())
    }

    fn vector(&self, item: &Item) -> Vector {
        let mut vector: Vector = item
            .signature
            .terms()
            .map(|(term, weight)| {
                let f = term & 0x7FFF_FFFF;
                (f, (1.0 + f32::from(weight).ln()) * self.idf(f))
            })
            .chain(item.entities.iter().map(|&(entity, count)| {
                let f = entity_feature(entity);
                (f, ENTITY_WEIGHT * (1.0 + (count.max(1) as f32).ln()) * self.idf(f))
            }))
            .filter(|&(_, w)| w > 0.0)
            .collect();
        vector.sort_unstable_by_key(|&(f, _)| f);
        vector.dedup_by_key(|&mut (f, _)| f);
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut vector {
                *w /= norm;
            }
        }
        vector
    }
}

/// The bit of a named place's level among a story's [`Cluster::place_levels`].
fn level_bit(place: u32) -> u16 {
    1 << place_level_of(place)
}

struct Cluster {
    members: Vec<usize>,
    centroid: FxHashMap<u32, f32>,
    /// The squared length of the centroid, kept up to date as members join
    /// (summing the whole centroid at each join made large stories cost the
    /// square of their size).
    norm_squared: f64,
    first_day: i32,
    last_day: i32,
    marks: FxHashSet<u32>,
    places: FxHashSet<u32>,
    /// The levels of its places, a bit each.
    place_levels: u16,
    /// The index keys it is listed under.
    keys: FxHashSet<u32>,
}

/// The keys an article is listed and looked up under: its heaviest features
/// and its fingerprints (marks have the top bit flipped apart from nothing:
/// they share the space; a collision only adds a candidate).
fn keys(item: &Item, vector: &Vector) -> Vec<u32> {
    let mut probes: Vec<(u32, f32)> = vector.clone();
    let heaviest_first = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    // Only the first PROBES are wanted in order: select them, then sort them.
    if probes.len() > PROBES {
        probes.select_nth_unstable_by(PROBES, heaviest_first);
        probes.truncate(PROBES);
    }
    probes.sort_unstable_by(heaviest_first);
    probes.into_iter().map(|(f, _)| f).chain(item.signature.marks.iter().map(|&m| m ^ 0x4000_0000)).collect()
}

struct Grouper<'a> {
    items: &'a [Item<'a>],
    /// Each article's [`keys`], for the articles placed so far.
    keys: Vec<Vec<u32>>,
    clusters: Vec<Cluster>,
    /// Probe feature or fingerprint → the open stories listed under it (a
    /// set: a story closes by leaving every list it is in).
    index: FxHashMap<u32, FxHashSet<usize>>,
}

impl Grouper<'_> {
    /// The places it names after their kind (ولاية ملاطية): catalog places
    /// are not used here, since one outlet may name a city and another its
    /// country.
    fn places(&self, n: usize) -> impl Iterator<Item = u32> + '_ {
        self.items[n].signature.named_places.iter().copied()
    }

    fn start(&mut self, n: usize, vector: &Vector, day: i32) -> usize {
        let c = self.clusters.len();
        self.clusters.push(Cluster {
            members: Vec::new(),
            centroid: FxHashMap::default(),
            norm_squared: 0.0,
            first_day: day,
            last_day: day,
            marks: FxHashSet::default(),
            places: FxHashSet::default(),
            place_levels: 0,
            keys: FxHashSet::default(),
        });
        self.add(c, n, vector, day);
        c
    }

    fn add(&mut self, c: usize, n: usize, vector: &Vector, day: i32) {
        let places: Vec<u32> = self.places(n).collect();
        let cluster = &mut self.clusters[c];
        cluster.members.push(n);
        cluster.last_day = cluster.last_day.max(day);
        for &(f, w) in vector {
            let weight = cluster.centroid.entry(f).or_default();
            let before = f64::from(*weight);
            *weight += w;
            cluster.norm_squared += f64::from(*weight).powi(2) - before * before;
        }
        cluster.marks.extend(self.items[n].signature.marks.iter().copied());
        cluster.place_levels |= places.iter().fold(0, |levels, &p| levels | level_bit(p));
        cluster.places.extend(places);
        for &key in &self.keys[n] {
            if cluster.keys.insert(key) {
                self.index.entry(key).or_default().insert(c);
            }
        }
    }

    fn unindex(&mut self, c: usize) {
        for key in std::mem::take(&mut self.clusters[c].keys) {
            if let Some(list) = self.index.get_mut(&key) {
                list.remove(&c);
                if list.is_empty() {
                    self.index.remove(&key);
                }
            }
        }
    }

    fn reindex(&mut self, c: usize) {
        let members = self.clusters[c].members.clone();
        self.clusters[c].keys.clear();
        for n in members {
            for &key in &self.keys[n] {
                if self.clusters[c].keys.insert(key) {
                    self.index.entry(key).or_default().insert(c);
                }
            }
        }
    }

    /// The stories that share a key with article `n` and pass `open`, most
    /// shared first.
    fn candidates(&self, n: usize, open: impl Fn(&Cluster) -> bool) -> Vec<usize> {
        let mut counts: FxHashMap<usize, u32> = FxHashMap::default();
        for key in &self.keys[n] {
            let Some(list) = self.index.get(key) else { continue };
            if list.len() > PROBE_LIMIT {
                continue;
            }
            for &c in list {
                *counts.entry(c).or_default() += 1;
            }
        }
        let mut found: Vec<(u32, usize)> =
            counts.into_iter().filter(|&(c, _)| open(&self.clusters[c])).map(|(c, k)| (k, c)).collect();
        found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(CANDIDATES);
        found.into_iter().map(|(_, c)| c).collect()
    }

    /// How much article `n`, of `vector`, is like story `c`.
    fn similarity(&self, n: usize, vector: &Vector, c: usize) -> f32 {
        let cluster = &self.clusters[c];
        let norm = cluster.norm_squared.max(0.0).sqrt() as f32;
        if norm == 0.0 {
            return 0.0;
        }
        let dot: f32 = vector.iter().filter_map(|(f, w)| cluster.centroid.get(f).map(|cw| w * cw)).sum();
        let mut similarity = dot / norm;
        let marks = &self.items[n].signature.marks;
        if marks.iter().filter(|m| cluster.marks.contains(m)).count() >= REPRINT_MARKS {
            similarity += REPRINT_BONUS;
        }
        if self.other_places(n, cluster) {
            similarity *= OTHER_PLACES;
        }
        similarity
    }

    /// Whether article `n` and story `cluster` name places of one level and
    /// none in common (two provinces, two cities): it names none of the
    /// story's places, and one of a level the story has.
    fn other_places(&self, n: usize, cluster: &Cluster) -> bool {
        let mut shares_a_level = false;
        for place in self.places(n) {
            if cluster.places.contains(&place) {
                return false;
            }
            shares_a_level |= cluster.place_levels & level_bit(place) != 0;
        }
        shares_a_level
    }

    /// The open story most like article `n`, if it is like it enough.
    fn best(&self, n: usize, vector: &Vector, open: impl Fn(&Cluster) -> bool) -> Option<usize> {
        self.candidates(n, open)
            .into_iter()
            .map(|c| (self.similarity(n, vector, c), c))
            .filter(|&(s, _)| s >= JOIN)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, c)| c)
    }

    /// The story most like undated article `n`, if it is like it well
    /// beyond the usual bar (nothing in time speaks for it).
    fn best_undated(&self, n: usize, vector: &Vector) -> Option<usize> {
        self.candidates(n, |_| true)
            .into_iter()
            .map(|c| (self.similarity(n, vector, c), c))
            .filter(|&(s, _)| s >= JOIN * 1.5)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, c)| c)
    }
}
