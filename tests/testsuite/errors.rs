//! Bad input: every problem of a build reported together, each with its file,
//! line, column and a help line; exit 1; the previous output left untouched.

use crate::harness::*;

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let problems = build(&fixture("errors"), None).err().expect("the build fails");
    let text = problems.to_string();
    for expected in [
        "content/articles/unclosed.md:1:1",
        "content/articles/unknown-key.md:4:1",
        "content/articles/bad-date.md:3:1",
        "content/articles/unknown-entity.md:4:10",
        "content/articles/unknown-entity.md:5:9",
        "content/articles/no-title.md:2:1",
        "content/articles/empty.md",
        "content/people.toml:6:9",
        "content/people.toml:10:12",
        "content/places.toml:3:6",
        "content/sources.toml:4:2",
    ] {
        assert!(text.contains(expected), "no problem at {expected} in:\n{text}");
    }
    assert!(
        problems.iter().all(|p| p.help.is_some() || p.message.contains("skipped")),
        "every problem says how to fix it:\n{text}"
    );
    assert!(problems.error_count() >= 9);
    insta::assert_snapshot!("errors_fixture", text);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let public = dir.path().join("public");
    std::fs::create_dir_all(&public).expect("mkdir");
    std::fs::write(public.join("index.html"), "previous site").expect("write");
    let root = fixture("errors");
    let result = fihris(&["build", "--root", root.to_str().expect("utf-8"), "--out", public.to_str().expect("utf-8")]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("error: the front matter is not closed"), "{stderr}");
    assert!(stderr.contains("help: "), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("still there"), "previous site");
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(entries, ["public"], "no staging folder is left behind");
    let check = fihris(&["check", "--root", root.to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(1));
}

#[test]
fn two_articles_with_one_slug_are_an_error_naming_both() {
    let dir = copy_fixture("basic");
    std::fs::write(dir.path().join("content/articles/copy.md"), "---\ntitle: نسخة\nslug: assad-visit\n---\nنص\n")
        .expect("write");
    let problems = build(dir.path(), None).err().expect("the build fails");
    let text = problems.to_string();
    assert!(text.contains("two articles have the URL /articles/assad-visit/: content/articles/assad-visit.md and content/articles/copy.md"), "{text}");
}

#[test]
fn a_template_error_names_the_template_line() {
    let dir = copy_fixture("basic");
    std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/home.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{{ articles | nonexistent_filter }}\n{% endblock main %}\n",
    )
    .expect("write");
    let problems = build(dir.path(), None).err().expect("the build fails");
    let text = problems.to_string();
    assert!(text.contains("templates/home.html:3:"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(fihris(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert!(fihris(&["--help"]).status.success());
    assert!(fihris(&["build", "--help"]).status.success());
}
