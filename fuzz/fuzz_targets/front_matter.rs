//! An article file's bytes: decoding, front matter (YAML and TOML), slug and
//! old paths. Whatever it reads must never name a path outside the site.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = fihris::content::decode(bytes) else { return };
    let Ok(article) = fihris::content::parse_article(Path::new("content/articles/fuzz.md"), &text) else { return };
    assert!(fihris::output::is_safe_path(&article.slug), "unsafe slug {:?}", article.slug);
    assert!(!article.slug.contains('/'), "slug with a slash {:?}", article.slug);
    for alias in &article.aliases {
        assert!(fihris::output::is_safe_path(&alias.value), "unsafe old path {:?}", alias.value);
    }
});
