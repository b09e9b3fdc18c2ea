//! The search index (docs/arabic.md §7), built with the site and read by the
//! search page's script, with no server.
//!
//! Every word of every title and text is indexed by its matching key and by
//! its forms with a proclitic chain removed, the same ones mention finding
//! uses, so موسكو finds بموسكو and لموسكو. The script gets the normalization
//! table and the proclitic letters from here, generated from the Rust rules,
//! so the two sides cannot drift apart.
//!
//! The index is split so that a query downloads only what it needs: terms
//! go to shards by their first letters (a shard that grows too big is split
//! by one more letter), the articles' titles and summaries to chunks of 100,
//! each entity's articles (for the filters) and the dates to files of their
//! own, and so do each person's quotations: a query that names a person shows
//! what they said. Stories go to chunks of their own, fetched for the stories
//! of a query's first results.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::analysis::body::cut;
use crate::analysis::quotes::anchor;
use crate::analysis::terms::MIN_TERM;
use crate::arabic::key;
use crate::arabic::stopwords::function_word_keys;
use crate::index::ArticleId;
use crate::site::Site;
use crate::urls::Urls;

const PAGE: &str = Urls::SEARCH;
/// Articles per chunk of titles and summaries.
const CHUNK: usize = 100;
/// A shard larger than this (bytes of JSON) is split by one more letter.
/// With posting lists written compactly, 16 KB hold about as many terms as
/// 64 KB of JSON numbers did: a query fetches no more than it did then,
/// gzipped (28 KiB on average for five queries at 10,000 articles, from 30).
const SHARD_LIMIT: usize = 16 * 1024;
/// Terms are at most this many letters into the shard name.
const MAX_PREFIX: usize = 5;
/// A person's newest quotations in the index, at most.
const QUOTES: usize = 50;
/// A quotation in the index is cut at a word near this many characters.
const QUOTE_CHARS: usize = 240;

/// The digits of a posting list ([`encode_postings`]): a digit among the
/// first 32 ends a number, one among the last 32 is followed by more. None
/// needs escaping in JSON or a URL.
const DIGITS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// The file the script reads first: tables, shard names, entities.
#[derive(Serialize)]
struct Manifest<'a> {
    /// 2: posting lists are strings of [`DIGITS`] (1 wrote them as JSON arrays of numbers).
    version: u32,
    digits: &'static str,
    /// Characters whose key differs from themselves, after NFKC (which the
    /// script applies with `String.prototype.normalize`); "" drops one.
    fold: BTreeMap<String, String>,
    clitics: Clitics,
    stop: Vec<String>,
    min_term: usize,
    /// Shards are named by a term's first 2 to `max_prefix` letters.
    max_prefix: usize,
    shards: Vec<String>,
    chunk: usize,
    docs: usize,
    /// Stories are in chunks of `chunk` too, under `s/`.
    stories: usize,
    /// `[name, url, kind, keys of every spelling, number of quotations]`.
    entities: Vec<(&'a str, String, &'static str, Vec<String>, usize)>,
}

/// The proclitic rules of docs/arabic.md §2.2, as `tokens::proclitic_variants` applies them.
#[derive(Serialize)]
struct Clitics {
    conjunctions: [&'static str; 2],
    prepositions: [&'static str; 3],
    article: &'static str,
    lam_lam: &'static str,
    min_letters: usize,
}

/// One article in a chunk: title, URL, ISO date or "", the date as pages
/// show it, source (entity index or -1), summary, story (index or -1).
type DocEntry<'a> = (&'a str, String, String, String, i64, &'a str, i64);

/// One story in a chunk of stories: title, URL, its outlets as pages say it.
type StoryEntry<'a> = (&'a str, String, String);

/// One quotation of a person: what was said (cut), its URL on the article's
/// page, the article's title, ISO date or "", the date as pages show it,
/// source (entity index or -1), 1 when in the speaker's own words.
type QuoteEntry<'a> = (String, String, &'a str, String, String, i64, u8);

/// Writes the index's files with `emit` (path under the site, bytes), each
/// as it is made: the shards of a large archive are tens of megabytes.
pub fn write_files(site: &Site, urls: &Urls, emit: &mut dyn FnMut(String, Vec<u8>)) {
    let articles: Vec<ArticleId> = site.index.newest_first.clone();
    let lengths = posting_lengths(site, &articles);
    let shard_names: Vec<String> = site.vocabulary.with_terms(|term| {
        let mut terms: Vec<(&str, usize, u32)> = lengths
            .iter()
            .enumerate()
            .filter(|&(_, &len)| len > 0)
            .map(|(id, &len)| (term(id as u32), len as usize, id as u32))
            .collect();
        terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        let sizes: Vec<(&str, usize)> = terms.iter().map(|&(term, len, _)| (term, len)).collect();
        let shards = shards(&sizes);
        for batch in batches(&shards, &sizes, POSTINGS_IN_MEMORY) {
            let first = batch[0].1.start;
            let lists = posting_lists(site, &articles, &terms[first..batch[batch.len() - 1].1.end], lengths.len());
            for (name, range) in batch {
                let shard: Vec<(&str, &str)> = range.clone().map(|n| (terms[n].0, lists[n - first].as_str())).collect();
                emit(format!("{PAGE}t/{}.json", file_name(name)), shard_json(&shard));
            }
        }
        shards.into_iter().map(|(name, _)| name).collect()
    });

    let docs: Vec<DocEntry> = articles
        .iter()
        .map(|&id| {
            let article = site.article(id);
            let date = article.published.map(|p| p.date);
            let iso = date.map(|d| d.to_string()).unwrap_or_default();
            let shown = date.map(|d| site.config.dates.format(d)).unwrap_or_default();
            let source = site.mentions(id).source.map_or(-1, i64::from);
            let url = urls.url(&Urls::article(&article.slug));
            let story = site.index.story_of[id as usize].map_or(-1, i64::from);
            (article.title.as_str(), url, iso, shown, source, site.analysis(id).summary.as_str(), story)
        })
        .collect();
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        emit(format!("{PAGE}d/{n}.json"), json(&chunk));
    }
    // Stories, offered beside the results whose articles they hold.
    let stories: Vec<StoryEntry> = site
        .index
        .stories
        .iter()
        .enumerate()
        .map(|(n, story)| {
            let outlets =
                crate::render::views::outlets_text(&site.config, crate::render::cards::outlet_count(site, n as u32));
            (site.article(story.headline).title.as_str(), urls.url(&Urls::story(&story.key)), outlets)
        })
        .collect();
    for (n, chunk) in stories.chunks(CHUNK).enumerate() {
        emit(format!("{PAGE}s/{n}.json"), json(&chunk));
    }
    let dates: Vec<u32> = docs.iter().map(|d| d.2.replace('-', "").parse().unwrap_or(0)).collect();
    emit(format!("{PAGE}dates.json"), json(&dates));
    let position: FxHashMap<ArticleId, u32> = articles.iter().enumerate().map(|(n, &id)| (id, n as u32)).collect();
    for entity in site.catalog.ids() {
        let mut docs: Vec<u32> = site.index.articles_of[entity as usize].iter().map(|id| position[id]).collect();
        docs.sort_unstable();
        emit(format!("{PAGE}e/{entity}.json"), json(&delta(&docs)));
    }
    for entity in site.catalog.ids() {
        let said = &site.index.quotes_of[entity as usize];
        if said.is_empty() {
            continue;
        }
        let entries: Vec<QuoteEntry> = said
            .iter()
            .take(QUOTES)
            .filter_map(|&(id, n)| {
                let article = site.article(id);
                let quotes = &site.analysis(id).quotes;
                let quote = quotes.get(n as usize)?;
                let date = article.published.map(|p| p.date);
                Some((
                    cut(&quotes.text(quote), QUOTE_CHARS),
                    format!("{}#{}", urls.url(&Urls::article(&article.slug)), anchor(n as usize)),
                    article.title.as_str(),
                    date.map(|d| d.to_string()).unwrap_or_default(),
                    date.map(|d| site.config.dates.format(d)).unwrap_or_default(),
                    site.mentions(id).source.map_or(-1, i64::from),
                    u8::from(quote.direct),
                ))
            })
            .collect();
        emit(format!("{PAGE}q/{entity}.json"), json(&entries));
    }
    let manifest = Manifest {
        version: 2,
        digits: DIGITS,
        fold: fold_table(),
        clitics: Clitics {
            conjunctions: ["و", "ف"],
            prepositions: ["ب", "ل", "ك"],
            article: "ال",
            lam_lam: "لل",
            min_letters: 3,
        },
        stop: function_word_keys().iter().cloned().collect::<std::collections::BTreeSet<_>>().into_iter().collect(),
        min_term: MIN_TERM,
        max_prefix: MAX_PREFIX,
        shards: shard_names,
        chunk: CHUNK,
        docs: articles.len(),
        stories: stories.len(),
        entities: site
            .catalog
            .entities
            .iter()
            .zip(&site.index.quotes_of)
            .map(|(e, said)| {
                let keys = e.spellings.iter().map(|s| key(&s.text)).collect();
                (e.name.as_str(), urls.url(&Urls::entity(e)), e.kind.section(), keys, said.len())
            })
            .collect(),
    };
    emit(format!("{PAGE}index.json"), json(&manifest));
}

/// Bytes of posting lists held in memory at once: the shards are written a
/// batch at a time, each batch's lists made in one more pass over the
/// articles' terms (at 100,000 articles, all the lists at once, grown by
/// doubling, were over 0.1 GB).
const POSTINGS_IN_MEMORY: usize = 32 << 20;

/// The length of each term's posting list ([`encode_postings`]), documents
/// numbered in the order of the articles given (newest first), as the
/// analyses found their terms.
fn posting_lengths(site: &Site, articles: &[ArticleId]) -> Vec<u32> {
    let terms = site.vocabulary.len();
    let (mut lengths, mut previous) = (vec![0u32; terms], vec![0; terms]);
    for (doc, &id) in articles.iter().enumerate() {
        for (term, weight) in site.analysis(id).terms.iter().filter(|&(term, _)| (term as usize) < terms) {
            let term = term as usize;
            lengths[term] += posting_len(&mut previous[term], doc as u32, weight) as u32;
        }
    }
    lengths
}

/// Consecutive shards whose posting lists together take at most `limit`
/// bytes (or a single shard that takes more).
fn batches<'a>(
    shards: &'a [(String, Range<usize>)],
    sizes: &[(&str, usize)],
    limit: usize,
) -> impl Iterator<Item = &'a [(String, Range<usize>)]> {
    let size = |shard: &(String, Range<usize>)| sizes[shard.1.clone()].iter().map(|&(_, len)| len).sum::<usize>();
    let mut rest = shards;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut total = size(&rest[0]);
        let mut end = 1;
        while end < rest.len() && total + size(&rest[end]) <= limit {
            total += size(&rest[end]);
            end += 1;
        }
        let (batch, after) = rest.split_at(end);
        rest = after;
        Some(batch)
    })
}

/// The posting lists of `terms` (term, list length, term id) of a
/// vocabulary of `vocabulary_len` terms, in their order, each written as its
/// documents come into a string of its length.
fn posting_lists(
    site: &Site,
    articles: &[ArticleId],
    terms: &[(&str, usize, u32)],
    vocabulary_len: usize,
) -> Vec<String> {
    let mut slot = vec![u32::MAX; vocabulary_len];
    for (n, &(_, _, id)) in terms.iter().enumerate() {
        slot[id as usize] = n as u32;
    }
    let mut lists: Vec<String> = terms.iter().map(|&(_, len, _)| String::with_capacity(len)).collect();
    let mut previous = vec![0; terms.len()];
    for (doc, &id) in articles.iter().enumerate() {
        for (term, weight) in site.analysis(id).terms.iter() {
            if let Some(&n) = slot.get(term as usize).filter(|&&n| n != u32::MAX) {
                push_posting(&mut lists[n as usize], &mut previous[n as usize], doc as u32, weight);
            }
        }
    }
    lists
}

/// Groups terms (sorted, with the lengths of their posting lists) into
/// shards by their first letters, splitting a shard that is too big by one
/// more letter: (shard name, its terms' range), in the order of the terms.
fn shards(terms: &[(&str, usize)]) -> Vec<(String, Range<usize>)> {
    let mut shards = Vec::new();
    split(terms, 0, 2, &mut shards);
    shards
}

/// A term's documents (sorted) and weights (at least 1) as a string of
/// [`DIGITS`]: each document as its distance from the one before, doubled,
/// plus 1 when its weight is not 1, and then that weight less 2. Most
/// distances are small and most weights 1, so most postings take one
/// character (as JSON numbers, `3,1,` took four).
#[cfg(test)]
fn encode_postings(list: &[(u32, u32)]) -> String {
    let (mut out, mut previous) = (String::new(), 0);
    for &(doc, weight) in list {
        push_posting(&mut out, &mut previous, doc, weight);
    }
    out
}

/// Adds one posting to a list written by [`encode_postings`], whose last
/// document is `previous`.
fn push_posting(out: &mut String, previous: &mut u32, doc: u32, weight: u32) {
    for n in posting_numbers(previous, doc, weight) {
        push_number(out, n);
    }
}

/// How many characters [`push_posting`] adds.
fn posting_len(previous: &mut u32, doc: u32, weight: u32) -> usize {
    posting_numbers(previous, doc, weight).map(digit_count).sum()
}

/// The numbers a posting is written as, given the list's last document
/// `previous`, which it moves on to `doc`.
fn posting_numbers(previous: &mut u32, doc: u32, weight: u32) -> impl Iterator<Item = u64> {
    let step = u64::from(doc - *previous) * 2;
    *previous = doc;
    match weight > 1 {
        true => [Some(step + 1), Some(u64::from(weight - 2))],
        false => [Some(step), None],
    }
    .into_iter()
    .flatten()
}

/// How many digits [`push_number`] writes for `n`.
fn digit_count(n: u64) -> usize {
    (64 - n.leading_zeros()).div_ceil(5).max(1) as usize
}

/// `n` in base 32, most significant digit first, every digit but the last
/// taken from the second half of [`DIGITS`].
fn push_number(out: &mut String, n: u64) {
    let digits = DIGITS.as_bytes();
    let groups = digit_count(n) as u32;
    for g in (0..groups).rev() {
        let value = ((n >> (5 * g)) & 31) as usize;
        out.push(char::from(digits[if g > 0 { value + 32 } else { value }]));
    }
}

fn split(terms: &[(&str, usize)], offset: usize, letters: usize, shards: &mut Vec<(String, Range<usize>)>) {
    let prefix = |term: &str| term.chars().take(letters).collect::<String>();
    let mut start = 0;
    while start < terms.len() {
        let name = prefix(terms[start].0);
        let end = start + terms[start..].iter().take_while(|(t, _)| prefix(t) == name).count();
        let group = &terms[start..end];
        let size: usize = group.iter().map(|(t, list)| t.len() + list + 6).sum();
        if size > SHARD_LIMIT && letters < MAX_PREFIX && group.iter().any(|(t, _)| t.chars().count() > letters) {
            // The term no longer than the prefix, which sorts first, stays
            // in this shard; the rest split further.
            let short = group.iter().take_while(|(t, _)| t.chars().count() <= letters).count();
            if short > 0 {
                shards.push((name, offset + start..offset + start + short));
            }
            split(&group[short..], offset + start + short, letters + 1, shards);
        } else {
            shards.push((name, offset + start..offset + end));
        }
        start = end;
    }
}

fn shard_json(terms: &[(&str, &str)]) -> Vec<u8> {
    let map: BTreeMap<&str, &str> = terms.iter().copied().collect();
    json(&map)
}

/// A shard's file name: its letters as code points, so that no file name
/// depends on how a server or file system treats Arabic.
pub fn file_name(shard: &str) -> String {
    shard.chars().map(|c| format!("{:x}", c as u32)).collect::<Vec<_>>().join("-")
}

fn delta(sorted: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    sorted
        .iter()
        .map(|&n| {
            let d = n - previous;
            previous = n;
            d
        })
        .collect()
}

/// Every character of the scripts articles are written in whose key is not
/// itself, with its key.
fn fold_table() -> BTreeMap<String, String> {
    let ranges = [
        0x00AD..=0x00AD,
        0x0600..=0x06FF,
        0x0750..=0x077F,
        0x08A0..=0x08FF,
        0x200B..=0x200F,
        0x202A..=0x202E,
        0x2066..=0x2069,
        0xFEFF..=0xFEFF,
    ];
    ranges
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .filter_map(|c| {
            let folded = key(&c.to_string());
            (folded != c.to_string()).then(|| (c.to_string(), folded))
        })
        .collect()
}

fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_table_is_the_key_of_each_character() {
        let table = fold_table();
        assert_eq!(table.get("أ").map(String::as_str), Some("ا"));
        assert_eq!(table.get("ة").map(String::as_str), Some("ه"));
        assert_eq!(table.get("ى").map(String::as_str), Some("ي"));
        assert_eq!(table.get("\u{064E}").map(String::as_str), Some(""), "fatha is dropped");
        assert_eq!(table.get("٣").map(String::as_str), Some("3"));
        assert!(!table.contains_key("ب"));
    }

    /// The script's reading of a posting list, in Rust: (document, weight) pairs.
    fn decode_postings(text: &str) -> Vec<(u32, u32)> {
        let (mut out, mut n, mut doc, mut weighted) = (Vec::new(), 0u64, 0u32, false);
        for c in text.chars() {
            let digit = DIGITS.find(c).expect("a digit") as u64;
            n = n * 32 + digit % 32;
            if digit >= 32 {
                continue;
            }
            if weighted {
                out.push((doc, n as u32 + 2));
                weighted = false;
            } else {
                doc += (n / 2) as u32;
                weighted = n % 2 == 1;
                if !weighted {
                    out.push((doc, 1));
                }
            }
            n = 0;
        }
        out
    }

    #[test]
    fn posting_lists_are_short_and_read_back() {
        for list in [
            vec![(0, 1)],
            vec![(0, 2), (1, 1), (2, 3)],
            vec![(5, 1), (20, 1), (21, 40), (1_000, 1), (1_000_000, 7), (4_000_000_000, 1)],
        ] {
            assert_eq!(decode_postings(&encode_postings(&list)), list);
        }
        // The lengths counted before the lists are written are theirs.
        let list = [(5, 1), (20, 1), (21, 40), (1_000, 1), (1_000_000, 7)];
        let mut previous = 0;
        let counted: usize = list.iter().map(|&(doc, weight)| posting_len(&mut previous, doc, weight)).sum();
        assert_eq!(counted, encode_postings(&list).len());
        // Neighbouring documents of weight 1 take a character each.
        assert_eq!(encode_postings(&[(3, 1), (4, 1), (6, 1)]), "624");
        assert_eq!(encode_postings(&[(3, 2)]), "70");
        // 40 = 1 × 32 + 8: a digit that goes on, then one that ends.
        assert_eq!(encode_postings(&[(20, 1)]), "X8");
        assert!(DIGITS.len() == 64 && DIGITS.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[test]
    fn big_shards_split_by_one_more_letter() {
        let terms: Vec<String> =
            (0..26u32).map(|n| format!("مو{}", char::from_u32(0x0621 + n).unwrap_or('ا'))).collect();
        let postings: FxHashMap<&str, Vec<(u32, u32)>> = (0..40_000u32)
            .map(|n| (terms[(n % 26) as usize].as_str(), n))
            .fold(FxHashMap::default(), |mut map, (term, doc)| {
                map.entry(term).or_insert_with(Vec::new).push((doc, 1));
                map
            });
        let encoded: Vec<(&str, String)> = postings.iter().map(|(term, list)| (*term, encode_postings(list))).collect();
        let mut terms: Vec<(&str, usize)> = encoded.iter().map(|(term, list)| (*term, list.len())).collect();
        terms.sort_unstable();
        let shards = shards(&terms);
        assert!(shards.len() > 1, "split into {} shards", shards.len());
        assert!(shards.iter().all(|(name, _)| name.starts_with("مو") && name.chars().count() == 3));
        let covered: Vec<usize> = shards.iter().flat_map(|(_, range)| range.clone()).collect();
        assert_eq!(covered, (0..terms.len()).collect::<Vec<_>>(), "each term in one shard, in order");
        assert_eq!(file_name("مو"), "645-648");
    }

    #[test]
    fn shards_are_made_in_batches_of_bounded_size() {
        let sizes = [("أ", 10), ("ب", 30), ("ت", 5), ("ث", 100), ("ج", 1)];
        let shards: Vec<(String, Range<usize>)> =
            sizes.iter().enumerate().map(|(n, (name, _))| ((*name).to_owned(), n..n + 1)).collect();
        let made: Vec<Vec<&str>> =
            batches(&shards, &sizes, 40).map(|batch| batch.iter().map(|(name, _)| name.as_str()).collect()).collect();
        // A shard larger than the bound is a batch of its own.
        assert_eq!(made, [vec!["أ", "ب"], vec!["ت"], vec!["ث"], vec!["ج"]]);
    }
}
