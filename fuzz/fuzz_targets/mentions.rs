//! Normalization and mention finding on any text: keys are idempotent, and
//! every mention is a range of whole characters inside the text, in order and
//! without overlap.
#![no_main]

use std::sync::OnceLock;

use fihris::arabic::key;
use fihris::entities::Catalog;
use fihris::entities::matcher::{Matcher, Scratch};
use libfuzzer_sys::fuzz_target;

fn shared() -> &'static (Catalog, Matcher) {
    static SHARED: OnceLock<(Catalog, Matcher)> = OnceLock::new();
    SHARED.get_or_init(|| {
        let catalog = fihris_fuzz::demo_catalog();
        let matcher = Matcher::new(&catalog);
        (catalog, matcher)
    })
}

fuzz_target!(|text: &str| {
    let once = key(text);
    assert_eq!(key(&once), once, "normalizing twice differs from once");
    let (_, matcher) = shared();
    let mut found = Vec::new();
    matcher.find(text, &mut Scratch::default(), &mut found);
    let mut end = 0;
    for mention in &found {
        assert!(mention.start >= end && mention.start < mention.end && mention.end <= text.len());
        assert!(text.is_char_boundary(mention.start) && text.is_char_boundary(mention.end));
        assert!(!mention.claimants.is_empty());
        end = mention.end;
    }
});
