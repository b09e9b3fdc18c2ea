//! An incremental build (the last build remembered, only the pages whose
//! fingerprint changed rendered) writes exactly what a clean build writes,
//! whatever changed: articles edited, added, deleted or broken, quotations
//! and their speakers, entity lists, templates, static files, the
//! configuration. And it does little work when
//! little changed.

use std::collections::BTreeMap;
use std::path::Path;

use fihris::build::{self, Memory, Report, SiteOptions};
use fihris::diagnostics::Diagnostics;
use fihris::output::MemoryOutput;

use crate::harness::*;

fn options(root: &Path) -> SiteOptions {
    SiteOptions { root: root.to_path_buf(), base_url: None, keep_last_good: false }
}

fn clean(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let output = MemoryOutput::default();
    build::run(&options(root), &mut Memory::default(), &output, &mut |_| {}).expect("a clean build");
    output.into_files()
}

/// A site built again and again, as the preview server and `fihris build` do.
#[derive(Default)]
struct Incremental {
    memory: Memory,
    output: MemoryOutput,
    /// The pages the last build wrote after the preview would have reloaded:
    /// those the plan did not know an edit touches.
    late: Vec<String>,
}

impl Incremental {
    fn build(&mut self, root: &Path) -> Result<Report, Diagnostics> {
        let mut before_reload = 0;
        let report = build::run(&options(root), &mut self.memory, &self.output, &mut |stats| {
            before_reload = stats.written_pages.len();
        })?;
        self.late = report.stats.written_pages[before_reload..].to_vec();
        Ok(report)
    }

    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        self.output.paths().into_iter().map(|p| (p.clone(), self.output.get(&p).expect("listed").to_vec())).collect()
    }
}

fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let file = root.join(path);
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains(from), "{path} has {from:?}");
    std::fs::write(&file, text.replacen(from, to, 1)).expect("write");
}

fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
    std::fs::write(file, text).expect("write");
}

/// The header of a PNG of `width` × `height`: all that is read of it.
fn write_png(root: &Path, path: &str, width: u8, height: u8) {
    let header = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, width, 0, 0, 0,
        height, 8, 2, 0, 0, 0,
    ];
    let file = root.join(path);
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
    std::fs::write(file, header).expect("write");
}

fn assert_same(incremental: &Incremental, root: &Path, after: &str) {
    let (now, expected) = (incremental.files(), clean(root));
    let differing: Vec<&String> = expected.keys().filter(|p| now.get(*p) != expected.get(*p)).collect();
    let extra: Vec<&String> = now.keys().filter(|p| !expected.contains_key(*p)).collect();
    assert!(
        differing.is_empty() && extra.is_empty(),
        "after {after}: differing {differing:?}, not in a clean build {extra:?}"
    );
}

/// A change to the files of a site.
type Step = Box<dyn Fn(&Path)>;

#[test]
fn incremental_builds_write_what_clean_builds_write() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let mut site = Incremental::default();
    site.build(root).expect("first build");
    assert_same(&site, root, "the first build");
    let article = "content/articles/tartus-base.md";
    let steps: Vec<(&str, Step)> = vec![
        ("a new mention in a body", Box::new(|r| edit(r, article, "وأعرب إردوغان", "وأعرب بوتين في موسكو وإردوغان"))),
        // The sentence that names Cairo on its page.
        (
            "a sentence that names an entity",
            Box::new(|r| edit(r, article, "زئير الأسد في حديقة", "سُمع زئير الأسد في حديقة")),
        ),
        (
            "a lead image",
            Box::new(|r| {
                write_png(r, "static/images/base.png", 30, 20);
                edit(r, article, "tags = ", "image = \"images/base.png\"\nimage_caption = \"الميناء\"\ntags = ");
            }),
        ),
        ("a lead image's size", Box::new(|r| write_png(r, "static/images/base.png", 60, 20))),
        (
            "a description",
            Box::new(|r| {
                edit(r, "content/places.toml", "name = \"القاهرة\"", "name = \"القاهرة\"\ndescription = \"عاصمة مصر\"")
            }),
        ),
        ("a place's country", Box::new(|r| edit(r, "content/places.toml", "in = \"syria\"\n", ""))),
        ("no place in a country", Box::new(|r| edit(r, "content/places.toml", "in = \"russia\"\n", ""))),
        ("new tags", Box::new(|r| edit(r, article, "tags = [\"سوريا\"]", "tags = [\"سوريا\", \"روسيا\"]"))),
        ("a new date", Box::new(|r| edit(r, article, "date = 2023-03-16", "date = 2024-07-27"))),
        ("a new title", Box::new(|r| edit(r, article, "القاعدة الروسية في طرطوس", "القاعدة البحرية الروسية في طرطوس"))),
        (
            "a new article",
            Box::new(|r| {
                write(
                    r,
                    "content/articles/new.md",
                    "---\ntitle: بوتين في دمشق\ndate: 2024-07-28\nsource: sana\n---\n\nزار بوتين دمشق والتقى الأسد.\n",
                )
            }),
        ),
        (
            "an old path",
            Box::new(|r| {
                edit(r, "content/articles/new.md", "source: sana\n", "source: sana\naliases: [\"/old/new/\"]\n")
            }),
        ),
        (
            "an article joining a story",
            Box::new(|r| {
                write(
                    r,
                    "content/articles/story-later.md",
                    "---\ntitle: الأسد في موسكو للقاء بوتين\ndate: 2024-07-29\nsource: sana\n---\n\nزار بوتين دمشق والتقى الأسد في قصر الشعب، وبحث الرئيسان العلاقات الثنائية.\n",
                )
            }),
        ),
        (
            "a story's article edited",
            Box::new(|r| {
                edit(r, "content/articles/story-later.md", "العلاقات الثنائية", "العلاقات الثنائية و12 اتفاقية")
            }),
        ),
        (
            "a story's article's title",
            Box::new(|r| {
                edit(r, "content/articles/story-later.md", "الأسد في موسكو للقاء بوتين", "بوتين يستقبل الأسد في موسكو")
            }),
        ),
        (
            "a story's article deleted",
            Box::new(|r| std::fs::remove_file(r.join("content/articles/story-later.md")).expect("rm")),
        ),
        ("an article deleted", Box::new(|r| std::fs::remove_file(r.join("content/articles/new.md")).expect("rm"))),
        (
            "a quotation",
            Box::new(|r| edit(r, article, "زئير الأسد", "وقال بوتين لوكالة فرانس برس: «القاعدة باقية».\n\nزئير الأسد")),
        ),
        ("a quotation's words", Box::new(|r| edit(r, article, "«القاعدة باقية»", "«القاعدة باقية هنا»"))),
        ("a quotation's speaker", Box::new(|r| edit(r, article, "وقال بوتين لوكالة", "وقال إردوغان لوكالة"))),
        ("reported speech", Box::new(|r| edit(r, article, "وأعرب بوتين", "وقال بوتين إن القاعدة مهمة. وأعرب بوتين"))),
        (
            "a speaker's name in the lists",
            Box::new(|r| edit(r, "content/people.toml", "name = \"رجب طيب أردوغان\"", "name = \"رجب أردوغان\"")),
        ),
        (
            "a quotation template",
            Box::new(|r| {
                write(
                    r,
                    "templates/partials/quotes.html",
                    "<ul>{% for q in quotes %}<li>{{ q.text }}</li>{% endfor %}</ul>\n",
                )
            }),
        ),
        (
            "an entity list",
            Box::new(|r| {
                edit(r, "content/people.toml", "[putin]", "[erdogan_bis]\nname = \"إردوغان الابن\"\n\n[putin]")
            }),
        ),
        (
            "a template",
            Box::new(|r| {
                write(
                    r,
                    "templates/partials/article_list.html",
                    "<ul>{% for item in list %}<li>{{ item.title }}</li>{% endfor %}</ul>\n",
                )
            }),
        ),
        ("a static file", Box::new(|r| write(r, "static/extra.txt", "x"))),
        ("the configuration", Box::new(|r| edit(r, "site.toml", "أرشيف الاختبار", "أرشيف آخر"))),
    ];
    let mut with_stories = 0;
    for (what, step) in steps {
        step(root);
        site.build(root).unwrap_or_else(|problems| panic!("after {what}: {problems}"));
        assert_same(&site, root, what);
        assert!(site.late.is_empty(), "after {what}: written after the reload {:?}", site.late);
        with_stories += usize::from(
            site.files()
                .keys()
                .any(|p| p.starts_with("stories/") && p.ends_with("/index.html") && p != "stories/index.html"),
        );
    }
    assert!(with_stories >= 3, "the steps cover story pages ({with_stories} builds had one)");
    // A broken article fails the build and changes nothing; fixed, all is as a clean build.
    let before = site.files();
    edit(root, article, "title", "title: [broken\nx");
    assert!(site.build(root).is_err());
    assert_eq!(site.files(), before);
    edit(root, article, "title: [broken\nx", "title");
    site.build(root).expect("fixed");
    assert_same(&site, root, "a broken article fixed");
}

#[test]
fn nothing_changed_renders_nothing_and_one_edit_renders_what_shows_it() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let mut site = Incremental::default();
    let first = site.build(root).expect("first build");
    assert_eq!(first.analysed, 3);
    let again = site.build(root).expect("again");
    assert_eq!((again.analysed, again.stats.written), (0, 0), "{:?}", again.stats.written_pages);
    assert_eq!(again.stats.kept, first.stats.written);
    // Nothing it is made from changed: no page was even fingerprinted, no site file made.
    assert!(!again.timings.iter().any(|(step, _)| *step == "render site files"), "{:?}", again.timings);

    // A sentence without names after the first paragraph (the summary): the
    // article's page alone changes, and its search terms.
    edit(
        root,
        "content/articles/tartus-base.md",
        "لا علاقة له بالسياسة.",
        "لا علاقة له بالسياسة. وقال مراقبون إن الأمر عادي.",
    );
    let edited = site.build(root).expect("edited");
    assert_eq!(edited.analysed, 1);
    // The plan knew which pages the edit touches: they were rendered first, alone.
    assert!(edited.timings.iter().any(|(step, _)| *step == "render touched pages"), "{:?}", edited.timings);
    assert_eq!(edited.stats.written_pages, ["/articles/tartus-base/"]);
    let search = |p: &String| p.starts_with("search/");
    assert!(edited.stats.written > 1 && edited.stats.written < 10, "{} files written", edited.stats.written);
    assert!(site.files().keys().any(search));
}

#[test]
fn files_written_well_before_a_build_are_not_read_again_until_they_change() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    age_articles(root);
    let mut site = Incremental::default();
    assert_eq!(site.build(root).expect("first").read, 3);
    assert_eq!(site.build(root).expect("second").read, 0, "nothing read: every stamp is as it was");
    // A file written now is read (and its stamp, too fresh to trust, keeps it read).
    edit(root, "content/articles/tartus-base.md", "لا علاقة له", "لا صلة له");
    let third = site.build(root).expect("third");
    assert_eq!((third.read, third.analysed), (1, 1));
    assert_same(&site, root, "an edit after stamps were trusted");
    assert_eq!(site.build(root).expect("fourth").read, 1);
}

/// The preview's watcher names the article files written in place: the
/// build looks at no other file, and writes what a clean build writes.
#[test]
fn a_build_told_which_articles_changed_looks_at_no_other() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    age_articles(root);
    let mut site = Incremental::default();
    site.build(root).expect("first build");
    let article = "content/articles/tartus-base.md";
    edit(root, article, "وأعرب إردوغان", "وأعرب بوتين في موسكو وإردوغان");
    site.memory.changed = Some([std::path::PathBuf::from(article)].into_iter().collect());
    let report = site.build(root).expect("edited");
    assert_eq!((report.read, report.analysed), (1, 1));
    assert!(site.memory.changed.is_none(), "taken by the build");
    assert_same(&site, root, "an edit the watcher named");
}

/// A build told that only article files changed takes the last build's
/// templates, settings and entity lists instead of reading them again, and
/// reports the lists' warnings as a build that reads them does.
#[test]
fn a_build_told_which_articles_changed_keeps_the_lists_and_their_warnings() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    age_articles(root);
    // A spelling two people claim: a warning of the lists.
    edit(
        root,
        "content/people.toml",
        r#"aliases = ["أردوغان", "إردوغان"]"#,
        r#"aliases = ["أردوغان", "إردوغان", "بوتن"]"#,
    );
    let claimed = |report: &Report| report.warnings.iter().filter(|w| w.message.contains("بوتن")).count();
    let mut site = Incremental::default();
    assert_eq!(claimed(&site.build(root).expect("first build")), 1);
    let article = "content/articles/tartus-base.md";
    edit(root, article, "وأعرب إردوغان", "وأعرب بوتين في موسكو وإردوغان");
    // Broken behind the watcher's back: a build told only of the article does not read it.
    write(root, "content/places.toml", "[broken\n");
    site.memory.changed = Some([std::path::PathBuf::from(article)].into_iter().collect());
    let edited = site.build(root).expect("built with the lists of the last build");
    assert_eq!((edited.read, edited.analysed), (1, 1));
    assert_eq!(claimed(&edited), 1, "the lists' warnings are reported again");
    let told_nothing = site.build(root).expect_err("a build told nothing reads the lists");
    assert!(told_nothing.iter().any(|d| d.path.as_deref() == Some(std::path::Path::new("content/places.toml"))));
}
