//! Raw scraped bytes through `fihris import`: decoding any encoding,
//! boilerplate removal and guesses; what it writes reads back as an article.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use fihris::import::{Lists, import};
use libfuzzer_sys::fuzz_target;

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists::new(fihris_fuzz::demo_catalog()))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(imported) = import(bytes, lists()) else { return };
    let markdown = imported.to_markdown();
    if imported.title.is_some() {
        let read = fihris::content::parse_article(Path::new("content/articles/fuzz.md"), &markdown);
        assert!(read.is_ok(), "imported text does not read back: {read:?}\n{markdown}");
    }
});
