//! What finding quotations costs: reads a site (a corpus made by
//! make-corpus.py), analyses every article on one thread as a build does,
//! and times quote finding apart from the rest of the analysis (reading the
//! body, finding mentions). Prints the times, how many quotations were found,
//! and what they add to the analyses the build caches (postcard bytes).
//!
//! `cargo bench --bench quotes_cost -- SITE` (`bench/quotes_cost.py` makes
//! the corpus and runs it).

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a benchmark prints its figures")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fihris::analysis::body::Body;
use fihris::analysis::{Finder, Vocabulary, analyze, mentions, quotes};
use fihris::content::{ArticleFile, article_paths, parse_article, read_text};
use fihris::entities::matcher::Scratch;
use fihris::entities::{Catalog, Matcher};

/// Each measure is the median of this many passes over the corpus.
const PASSES: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let Some(root) = std::env::args().skip(1).find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench quotes_cost -- SITE");
        std::process::exit(2);
    };
    let (catalog, _) = Catalog::load(&root);
    let matcher = Matcher::new(&catalog);
    let finder = Finder { catalog: &catalog, matcher: &matcher };
    let (paths, _) = article_paths(&root);
    let files: Vec<ArticleFile> = paths
        .iter()
        .filter_map(|p| read_text(&root, p).ok().and_then(|(text, _)| parse_article(p, &text).ok()))
        .collect();
    let mut scratch = Scratch::default();
    let vocabulary = Vocabulary::default();
    // The bodies read and their mentions found, once, for quote finding alone.
    let read: Vec<(Body, Vec<mentions::Mention>)> = files
        .iter()
        .map(|f| {
            let (analysis, _) = analyze(f, &finder, &vocabulary, &mut scratch);
            (Body::read(&f.body), analysis.mentions.mentions.unpack())
        })
        .collect();
    let (mut analysis_times, mut quote_times) = (Vec::new(), Vec::new());
    let mut found = 0;
    for _ in 0..PASSES {
        let start = Instant::now();
        for file in &files {
            std::hint::black_box(analyze(file, &finder, &vocabulary, &mut scratch));
        }
        analysis_times.push(start.elapsed());
        let start = Instant::now();
        found = 0;
        for (body, mentions) in &read {
            found += std::hint::black_box(quotes::find(body, mentions, &catalog)).len();
        }
        quote_times.push(start.elapsed());
    }
    let (mut bytes, mut direct, mut attributed) = (0usize, 0usize, 0usize);
    for file in &files {
        let (analysis, _) = analyze(file, &finder, &vocabulary, &mut scratch);
        bytes += postcard::to_allocvec(&analysis.quotes).map_or(0, |b| b.len());
        direct += analysis.quotes.iter().filter(|q| q.direct).count();
        attributed += analysis.quotes.iter().filter(|q| q.speaker.is_some()).count();
    }
    let (analysis, quoting) = (median(analysis_times), median(quote_times));
    let articles = files.len().max(1);
    println!("articles: {}", files.len());
    println!("quotations: {found} ({direct} direct, {attributed} with a listed speaker)");
    println!(
        "whole analysis, one thread: {:.3} s ({:.1} µs an article)",
        analysis.as_secs_f64(),
        analysis.as_micros() as f64 / articles as f64
    );
    println!(
        "of which quote finding: {:.3} s ({:.1} µs an article, {:.1}% of the analysis)",
        quoting.as_secs_f64(),
        quoting.as_micros() as f64 / articles as f64,
        100.0 * quoting.as_secs_f64() / analysis.as_secs_f64()
    );
    println!(
        "quotations in the cached analyses: {bytes} bytes ({:.0} an article; {:.1} MiB for 100,000 articles)",
        bytes as f64 / articles as f64,
        bytes as f64 / articles as f64 * 100_000.0 / (1024.0 * 1024.0)
    );
}
