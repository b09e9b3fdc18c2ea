//! Faults: a build killed at any moment, an output folder that cannot be
//! written, files that change while a build reads them. The previous site is
//! never lost and a new one is never half written.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::harness::*;

/// Writes `count` articles of a few paragraphs into `dir`'s content, each
/// naming some of the basic fixture's people and places; `version` changes
/// every title, so a rebuild changes every article page.
fn generate_articles(dir: &Path, count: usize, version: &str) {
    let articles = dir.join("content/articles/generated");
    std::fs::create_dir_all(&articles).expect("mkdir");
    let names = ["بوتين", "الأسد", "أردوغان", "موسكو", "طرطوس", "دمشق"];
    for n in 0..count {
        let mut body = String::new();
        for p in 0..6 {
            let a = names[(n + p) % names.len()];
            let b = names[(n * 7 + p) % names.len()];
            body.push_str(&format!(
                "قال مصدر إن {a} ناقش مع وفد من {b} ملفات المنطقة في الفقرة {p} من التقرير رقم {n}، وأضاف أن المحادثات ستستمر.\n\n"
            ));
        }
        let day = 1 + n % 28;
        let text = format!("---\ntitle: \"تقرير {n} {version}\"\ndate: 2024-06-{day:02}\n---\n\n{body}");
        std::fs::write(articles.join(format!("report-{n:05}.md")), text).expect("write");
    }
}

/// Every file under `dir` with its bytes, but the marker naming the build
/// that wrote them.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("readable"))
        .filter(|e| e.file_type().is_file() && e.file_name() != fihris::output::MARKER)
        .map(|e| {
            let path = e.path().strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
            (path, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

fn build_into(root: &Path, out: &Path) -> std::process::Output {
    fihris(&["build", "--root", &root.to_string_lossy(), "--out", &out.to_string_lossy()])
}

/// Folders and journals a build leaves beside `out` while it runs (the
/// cache of the last build stays, by design).
fn leftovers(out: &Path) -> Vec<String> {
    let parent = out.parent().expect("a parent");
    std::fs::read_dir(parent)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".fihris-") && !name.ends_with(".fihris-cache"))
        .collect()
}

#[test]
fn builds_killed_at_random_moments_leave_the_previous_output_byte_identical() {
    let dir = copy_fixture("basic");
    generate_articles(dir.path(), 1500, "أ");
    let work = tempfile::tempdir().expect("temp dir");
    let out = work.path().join("public");
    assert!(build_into(dir.path(), &out).status.success());
    let previous = snapshot(&out);

    // The next build would change every article page; build it elsewhere
    // once to know what it writes and how long it takes.
    generate_articles(dir.path(), 1500, "ب");
    let reference = work.path().join("reference");
    let clock = Instant::now();
    assert!(build_into(dir.path(), &reference).status.success());
    let full_build = clock.elapsed();
    let next = snapshot(&reference);
    assert_ne!(previous, next);

    let seed = SystemTime::now().duration_since(UNIX_EPOCH).map_or(7, |d| d.subsec_nanos());
    let mut current = previous.clone();
    let mut kept_while_running = 0;
    // Kills go on until three have landed during a build: under load a
    // build may finish before its kill, or run faster once the first is done.
    for kill in 0..12u32 {
        if kept_while_running >= 3 {
            break;
        }
        // Somewhere between 5% and 85% of a full build, differently each run.
        let fraction = 0.05 + f64::from((seed / (kill + 1)) % 80) / 100.0;
        let mut child = Command::new(env!("CARGO_BIN_EXE_fihris"))
            .args(["build", "--root", &dir.path().to_string_lossy(), "--out", &out.to_string_lossy()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("fihris starts");
        std::thread::sleep(full_build.mul_f64(fraction));
        let running = child.try_wait().expect("status").is_none();
        child.kill().expect("SIGKILL"); // Child::kill is kill -9 on Unix
        child.wait().expect("reaped");
        let now = snapshot(&out);
        // Either the site as it was, or (a build that had finished, or was
        // killed during its one atomic swap) the whole new one; or a build
        // killed while moving changed files in, whose journal says what is
        // left to move: the next build finishes it.
        let journal = leftovers(&out).iter().any(|name| name.contains("fihris-journal"));
        assert!(
            now == current || now == next || journal,
            "kill {kill} at {fraction:.2} of a build left a mixed output folder and no journal"
        );
        if running && now == current {
            kept_while_running += 1;
        }
        current = now;
    }
    assert!(kept_while_running >= 3, "too few kills landed during a build; make the site bigger");

    // The next build tidies what the killed ones left and swaps in the new site.
    assert!(build_into(dir.path(), &out).status.success());
    assert!(snapshot(&out) == next, "the completed build wrote what the reference build wrote");
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn an_output_folder_that_cannot_be_created_is_a_clear_error() {
    let dir = copy_fixture("basic");
    let work = tempfile::tempdir().expect("temp dir");
    // Tests may run as root, whom permissions do not stop; a regular file
    // where a folder must be stops everyone.
    let file = work.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    let result = build_into(dir.path(), &file.join("public"));
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("error: cannot create the output folder"), "{stderr}");
    assert!(stderr.contains("not-a-folder: Not a directory") || stderr.contains("not-a-folder: "), "{stderr}");
    assert!(stderr.contains("help: check that its parent folder exists and is writable"), "{stderr}");

    let result = build_into(dir.path(), &file);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("is a file, not a folder"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).expect("untouched"), "x");
}

#[cfg(unix)]
#[test]
fn a_read_only_parent_folder_is_a_clear_error_and_keeps_the_site() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_fixture("basic");
    let work = tempfile::tempdir().expect("temp dir");
    let locked = work.path().join("locked");
    let out = locked.join("public");
    assert!(build_into(dir.path(), &out).status.success());
    let previous = snapshot(&out);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root writes anyway: then this case cannot be shown here (the test
    // above shows the error with a file in the way).
    let writable = std::fs::write(locked.join("probe"), "x").is_ok();
    if !writable {
        let result = build_into(dir.path(), &out);
        assert_eq!(result.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains("error: cannot create the output folder"), "{stderr}");
        assert!(stderr.contains("Permission denied"), "{stderr}");
        assert_eq!(snapshot(&out), previous);
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
}

#[test]
fn files_changing_during_builds_never_make_a_mixed_page() {
    let dir = copy_fixture("basic");
    generate_articles(dir.path(), 200, "أ");
    let saved = dir.path().join("content/articles/saved.md");
    let rewritten = dir.path().join("content/articles/rewritten.md");
    let version = |v: &str| format!("---\ntitle: \"نسخة {v}\"\ndate: 2024-07-01\n---\n\nنص النسخة {v} عن بوتين.\n");
    std::fs::write(&saved, version("أولى")).expect("write");
    std::fs::write(&rewritten, version("أولى")).expect("write");

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, saved, rewritten) = (stop.clone(), saved.clone(), rewritten.clone());
        let versions = [version("أولى"), version("ثانية")];
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let text = &versions[n % 2];
                // How editors save: a new file renamed over the old one.
                let temp = saved.with_extension("md.tmp");
                std::fs::write(&temp, text).expect("write");
                std::fs::rename(&temp, &saved).expect("rename");
                // And in place, truncated then written, as some tools do.
                std::fs::write(&rewritten, text).expect("write");
                n += 1;
            }
        })
    };
    let mut built = 0;
    for _ in 0..8 {
        match build(dir.path(), None) {
            Ok(site) => {
                built += 1;
                let page = site.page("articles/saved/index.html");
                let main = main_of(&page);
                let first = main.contains("نسخة أولى") && main.contains("نص النسخة أولى");
                let second = main.contains("نسخة ثانية") && main.contains("نص النسخة ثانية");
                assert!(first != second, "one version, whole: {main}");
                assert_eq!(site.files.keys().filter(|p| p.starts_with("articles/report-")).count(), 200);
            }
            // A file caught empty or cut short is a problem in that file.
            Err(problems) => {
                let text = problems.to_string();
                assert!(text.contains("content/articles/rewritten.md"), "{text}");
            }
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().expect("the writer ran");
    assert!(built > 0, "no build succeeded");
}
