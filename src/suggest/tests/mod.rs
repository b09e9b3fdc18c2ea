//! The rules of `entities suggest`, each with sentences of news prose that
//! show it (written for these tests): what a small archive of them proposes,
//! with which kind, and what it does not propose.

use std::path::Path;

use super::{Options, Suggestion, suggest};
use crate::entities::{Catalog, Kind};

/// What `suggest` proposes for articles with these bodies (with empty lists,
/// names found in one article included).
pub(super) fn proposals(bodies: &[&str]) -> Vec<Suggestion> {
    let corpus: Vec<_> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let text = format!("---\ntitle: \"خبر {i}\"\n---\n\n{body}\n");
            crate::content::parse_article(Path::new(&format!("{i}.md")), &text).expect("an article")
        })
        .collect();
    suggest(&corpus, &Catalog::default(), &Options { kind: None, min_articles: 1 }).suggestions
}

/// A case: the articles, the names (with their kind) that must be proposed,
/// and the names that must not be.
pub(super) struct Case {
    pub rule: &'static str,
    pub articles: &'static [&'static str],
    pub proposed: &'static [(&'static str, Kind)],
    pub not_proposed: &'static [&'static str],
}

pub(super) fn check(cases: &[Case]) {
    for case in cases {
        let found = proposals(case.articles);
        let names: Vec<String> = found.iter().map(|s| format!("{} ({:?}) {:?}", s.name, s.kind, s.variants)).collect();
        for (name, kind) in case.proposed {
            let hit = found.iter().find(|s| s.name == *name || s.variants.iter().any(|v| v == name));
            assert!(hit.is_some(), "{}: {name} not proposed; proposed: {names:?}", case.rule);
            assert_eq!(hit.and_then(|s| s.kind), Some(*kind), "{}: kind of {name}", case.rule);
        }
        for name in case.not_proposed {
            assert!(
                found.iter().all(|s| s.name != *name && s.variants.iter().all(|v| v != name)),
                "{}: {name} proposed; proposed: {names:?}",
                case.rule
            );
        }
    }
}

/// Two names are proposed as one, the second a spelling of the first.
pub(super) fn assert_one_name(bodies: &[&str], a: &str, b: &str) {
    let found = proposals(bodies);
    let names: Vec<String> = found.iter().map(|s| format!("{} {:?}", s.name, s.variants)).collect();
    let with_a = found.iter().find(|s| s.name == a || s.variants.iter().any(|v| v == a));
    assert!(
        with_a.is_some_and(|s| s.name == b || s.variants.iter().any(|v| v == b)),
        "{a} and {b} are not one name: {names:?}"
    );
}

mod outlets;
mod people;
mod places;
mod rare;

/// A spelling that no evidence found, a transliteration away from a name
/// found elsewhere, is counted for the name, as written.
#[test]
fn a_spelling_found_without_evidence_counts_for_the_name() {
    let found = proposals(&[
        "وقال المدرب الأمريكي بوب بافيرت إن الجواد جاهز للسباق، وإن ميناء أكادير استقبل الخيول.",
        "وأبدى بوب بافرت رضاه عن أداء الجواد، فيما تستعد أغادير لاستقبال السياح.",
    ]);
    let names: Vec<String> = found.iter().map(|s| format!("{} {:?} {}", s.name, s.variants, s.articles)).collect();
    for (name, variant) in [("بوب بافيرت", "بوب بافرت"), ("أكادير", "أغادير")] {
        let hit = found.iter().find(|s| s.name == name || s.variants.iter().any(|v| v == name));
        assert!(
            hit.is_some_and(|s| s.articles == 2 && (s.name == variant || s.variants.iter().any(|v| v == variant))),
            "{variant} not counted for {name}: {names:?}"
        );
    }
    // A word of ordinary text is not a spelling of a name (تيارات beside تيارت).
    let found = proposals(&["وصل الوفد إلى ولاية تيارت مساء أمس.", "وتتنافس تيارات سياسية عدة في الانتخابات."]);
    let names: Vec<String> = found.iter().map(|s| format!("{} {:?} {}", s.name, s.variants, s.articles)).collect();
    assert!(found.iter().any(|s| s.name == "تيارت" && s.articles == 1 && s.variants.is_empty()), "{names:?}");
}
