//! Inputs the fuzz targets in `fuzz/` found (see the README, "Robustness"),
//! each kept as a test of what the target checks. The files are under
//! `fixtures/fuzz/`, byte for byte as the fuzzer wrote them.

use std::path::Path;

use fihris::entities::Catalog;
use fihris::import::{Lists, import};

use crate::harness::*;

/// `mentions`: dropping the tatweel between two Syriac marks left them out of
/// canonical order, so normalizing the key again reordered them.
#[test]
fn a_key_of_a_key_is_the_key_when_dropped_marks_leave_marks_out_of_order() {
    for text in ["\u{740}\u{640}\u{742}", "ب\u{740}\u{64E}\u{742}ت", "\u{742}\u{740}"] {
        let once = fihris::arabic::key(text);
        assert_eq!(fihris::arabic::key(&once), once, "{text:?}");
    }
}

/// `import`: a title with DEL characters was written into a YAML string as
/// they were, which YAML does not allow, so the article did not read back.
#[test]
fn control_characters_in_imported_fields_are_escaped() {
    let bytes = std::fs::read(fixture("fuzz/import-del-in-title.txt")).expect("fixture");
    let lists = Lists::new(Catalog::default());
    let imported = import(&bytes, &lists).expect("text");
    let title = imported.title.clone().expect("a title");
    assert!(title.contains('\u{7f}'), "{title:?}");
    let markdown = imported.to_markdown();
    assert!(markdown.contains("\\u007F"), "{markdown}");
    let file = fihris::content::parse_article(Path::new("content/articles/x.md"), &markdown).expect("reads back");
    assert_eq!(file.article.title, title);
}

/// `markdown`: not a fault of fihris but of the target's first check, kept
/// as an example: `<a #href="JaVaScRiPt:…">` is no HTML tag, so it stays
/// text, and the sanitizer writes text quotes unescaped.
#[test]
fn a_tag_with_a_bad_attribute_name_stays_text() {
    let dir = copy_fixture("basic");
    let body = std::fs::read_to_string(fixture("fuzz/markdown-escaped-attribute.md")).expect("fixture");
    std::fs::write(dir.path().join("content/articles/fuzz.md"), format!("---\ntitle: fuzz\n---\n{body}"))
        .expect("write");
    let site = build_ok(dir.path());
    let html = site.page("articles/fuzz/index.html");
    let main = main_of(&html);
    assert!(main.contains("&lt;a #href=\"JaVaScRiPt:alert(1)\"&gt;y"), "{main}");
    assert!(main.contains("<a>x</a>") && main.contains("<img src=\"x\">"), "{main}");
}

/// `markdown`: `JaVaScRiP` and controls then `t:` is no `javascript:` link.
/// The check first dropped every control character; a browser (the WHATWG
/// URL parser) drops only tabs and line breaks, so the controls made the
/// scheme invalid and the link a relative path. Now the loader takes the
/// controls out, the scheme is `javascript:` again, and the sanitizer drops
/// the target: no target runs code either way.
#[test]
fn controls_inside_a_scheme_make_no_script_link() {
    let dir = copy_fixture("basic");
    let body = std::fs::read(fixture("fuzz/markdown-controls-in-scheme.md")).expect("fixture");
    // The target reads its bytes as their longest UTF-8 prefix; a file with
    // NUL is binary to the loader, and the link holds none.
    let valid = std::str::from_utf8(&body).map_or_else(|e| e.valid_up_to(), str::len);
    let body = std::str::from_utf8(&body[..valid]).expect("UTF-8").replace('\0', " ");
    std::fs::write(dir.path().join("content/articles/fuzz.md"), format!("---\ntitle: fuzz\n---\n{body}"))
        .expect("write");
    let site = build(dir.path(), None);
    let html = match site {
        Ok(site) => site.page("articles/fuzz/index.html"),
        Err(problems) => panic!("{problems}"),
    };
    // Since issue 11 the controls are taken out as the file is read, so the
    // scheme is whole again, and the sanitizer drops the target.
    assert!(!html.contains('\u{e}'), "{html}");
    assert!(!html.contains("alert(1)\""), "{html}");
    for value in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
        let browser_view: String = value
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(!browser_view.starts_with("javascript:") && !browser_view.starts_with("data:"), "{value:?}");
    }
}
