//! The output folder (issue 11): a build never deletes what fihris did not
//! write. The site's own folders are refused whatever the flags; a folder
//! without fihris's marker is replaced only with `--force`; a full disk is
//! one clear error and leaves the previous site.

use std::path::Path;

use crate::harness::*;

/// A new site made by `fihris init` in a temp folder.
fn new_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let parent = tempfile::tempdir().expect("temp dir");
    let site = parent.path().join("site");
    let init = fihris(&["init", &site.to_string_lossy()]);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    (parent, site)
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("readable"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// The reproduction of the issue: `output_dir = "content"` deleted the
/// articles and entity lists and exited 0.
#[test]
fn output_dir_set_to_the_site_s_own_folders_is_refused() {
    for output_dir in ["content", "content/articles", "static", "templates", "", ".", ".."] {
        let (_parent, site) = new_site();
        std::fs::create_dir_all(site.join("static")).expect("mkdir");
        std::fs::write(site.join("static/logo.svg"), "<svg/>").expect("write");
        let before = files_under(&site);
        let config = std::fs::read_to_string(site.join("site.toml")).expect("read");
        std::fs::write(site.join("site.toml"), format!("output_dir = {output_dir:?}\n{config}")).expect("write");
        for args in [&["build"][..], &["build", "--force"][..]] {
            let result = fihris_in(&site, args);
            let stderr = String::from_utf8_lossy(&result.stderr);
            assert_eq!(result.status.code(), Some(1), "output_dir = {output_dir:?} {args:?}: {stderr}");
            assert!(stderr.contains("error: the output folder"), "{stderr}");
            assert!(stderr.contains("--force does not change this"), "{stderr}");
            assert_eq!(files_under(&site), before, "output_dir = {output_dir:?} {args:?} changed the site");
        }
    }
}

#[test]
fn a_folder_fihris_did_not_write_is_replaced_only_with_force() {
    let (parent, site) = new_site();
    let theirs = parent.path().join("documents");
    std::fs::create_dir_all(theirs.join(".git")).expect("mkdir");
    std::fs::write(theirs.join("thesis.txt"), "three years of work").expect("write");
    let out = theirs.to_string_lossy().into_owned();

    let refused = fihris_in(&site, &["build", "--out", &out]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("was not written by fihris") && stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(theirs.join("thesis.txt")).expect("kept"), "three years of work");

    let forced = fihris_in(&site, &["build", "--out", &out, "--force"]);
    assert!(forced.status.success(), "{}", String::from_utf8_lossy(&forced.stderr));
    assert!(theirs.join("index.html").is_file() && !theirs.join("thesis.txt").exists());
    // Now fihris wrote it: the next build replaces it without --force.
    let again = fihris_in(&site, &["build", "--out", &out]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
}

#[test]
fn builds_replace_their_own_output_and_empty_folders() {
    let (_parent, site) = new_site();
    for _ in 0..2 {
        let build = fihris_in(&site, &["build"]);
        assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    }
    assert!(site.join("public").join(fihris::output::MARKER).is_file());
    let empty = site.join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let build = fihris_in(&site, &["build", "--out", "empty"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(empty.join("index.html").is_file());
}

/// Without site.toml there is no site: the message says so, and no output
/// folder is named or made.
#[test]
fn build_without_a_site_says_there_is_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    for command in ["build", "check"] {
        let result = fihris_in(dir.path(), &[command]);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("there is no site here: this folder has no site.toml"), "{stderr}");
        assert!(stderr.contains("fihris init DIR"), "{stderr}");
        assert!(!stderr.contains("public"), "{stderr}");
    }
    assert_eq!(files_under(dir.path()), ["notes.txt"]);
}

/// A 1 MiB tmpfs fills up during the build: one error naming the folder and
/// the size needed (it was one line per file), and the previous site stays.
#[test]
#[ignore = "mounts a 1 MiB tmpfs, which needs root; CI runs it (cargo test -- --include-ignored)"]
fn a_full_disk_is_one_error_and_keeps_the_previous_site() {
    let (parent, site) = new_site();
    let disk = parent.path().join("disk");
    std::fs::create_dir_all(&disk).expect("mkdir");
    let mount = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs", &disk.to_string_lossy()])
        .status()
        .expect("mount runs");
    assert!(mount.success(), "cannot mount a tmpfs: run this test as root");
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(&disk);
    let out = disk.join("public");
    let out_arg = out.to_string_lossy().into_owned();
    let first = fihris_in(&site, &["build", "--out", &out_arg]);
    assert!(first.status.success(), "the small site fits: {}", String::from_utf8_lossy(&first.stderr));
    let previous = files_under(&out);
    // Articles with enough text that the site no longer fits in 1 MiB.
    let paragraph = "ذكرت صحيفة الأهرام أن معرضًا عن الأديب نجيب محفوظ افتتح في القاهرة. ".repeat(40);
    for n in 0..60 {
        let article = format!("---\ntitle: مقال {n}\ndate: 2025-01-01\n---\n\n{paragraph}\n");
        std::fs::write(site.join(format!("content/articles/a{n}.md")), article).expect("write");
    }
    let full = fihris_in(&site, &["build", "--out", &out_arg]);
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 1, "one error: {stderr}");
    assert!(
        stderr.contains(&format!("error: the disk is full: the site could not be written to {out_arg}")),
        "{stderr}"
    );
    assert!(stderr.contains("more to write") && stderr.contains("help: free at least"), "{stderr}");
    assert_eq!(files_under(&out), previous, "the previous site stays");
    let mut beside: Vec<_> = std::fs::read_dir(&disk)
        .expect("list")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    beside.sort();
    // What the first build remembered stays beside the site it describes.
    assert_eq!(beside, [".public.fihris-cache", "public"], "the half-written folder is gone");
}

/// A build that finds nothing changed (no article file read, no file to
/// write) leaves the folder, its marker and the cache beside it as they
/// were: rewriting the cache of a large archive took longer than the build.
#[test]
fn a_build_that_changes_nothing_writes_nothing() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    age_articles(root);
    let (cache, marker) = (root.join(".public.fihris-cache"), root.join("public").join(fihris::output::MARKER));
    let state = || {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).expect("written");
        let mut cached: Vec<_> = std::fs::read_dir(&cache)
            .expect("the cache")
            .map(|e| {
                let path = e.expect("entry").path();
                let when = modified(&path);
                (path, when)
            })
            .collect();
        cached.sort();
        (std::fs::read(&marker).expect("marker"), cached, modified(&marker))
    };
    let build = || {
        let out = fihris_in(root, &["build"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    build();
    let first = state();
    let again = build();
    assert!(again.contains("0 files written") && again.contains("0 articles read"), "{again}");
    assert_eq!(state(), first, "the marker and the cache are as the first build left them");
    let article = root.join("content/articles/tartus-base.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, text.replacen("لا علاقة له", "لا صلة له", 1)).expect("write");
    build();
    assert_ne!(state().0, first.0, "an edit is a new build");
}
