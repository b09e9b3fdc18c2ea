//! Stories: the grouping of a held-out corpus scored against its labels
//! (fixtures/stories, see its README), and the demo's story.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::harness::*;

/// Every pair of items that share a group.
fn pairs<'a>(groups: impl Iterator<Item = Vec<&'a str>>) -> BTreeSet<(&'a str, &'a str)> {
    let mut found = BTreeSet::new();
    for mut group in groups {
        group.sort_unstable();
        for (n, a) in group.iter().enumerate() {
            for b in &group[n + 1..] {
                found.insert((*a, *b));
            }
        }
    }
    found
}

#[test]
fn the_held_out_corpus_groups_with_f1_over_0_95() {
    let site = build_ok(&fixture("stories"));
    let stories: Value = serde_json::from_str(&site.page("data/stories.json")).expect("JSON");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("stories").join("truth.json")).expect("read"))
            .expect("JSON");
    let predicted = pairs(
        stories["stories"]
            .as_array()
            .expect("stories")
            .iter()
            .map(|s| s["articles"].as_array().expect("articles").iter().filter_map(Value::as_str).collect()),
    );
    let mut labelled: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for article in truth["articles"].as_array().expect("articles") {
        if let (Some(story), Some(file)) = (article["story"].as_str(), article["file"].as_str()) {
            labelled.entry(story).or_default().push(file.trim_end_matches(".md"));
        }
    }
    let expected = pairs(labelled.into_values());
    let right = predicted.intersection(&expected).count() as f64;
    let (precision, recall) = (right / predicted.len() as f64, right / expected.len() as f64);
    let f1 = 2.0 * precision * recall / (precision + recall);
    let wrong: Vec<_> = predicted.symmetric_difference(&expected).collect();
    assert!(f1 >= 0.95, "precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}; wrong pairs: {wrong:?}");
    assert!(precision >= 0.95 && recall >= 0.95, "precision {precision:.3}, recall {recall:.3}");
}
