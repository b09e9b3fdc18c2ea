//! `fihris init DIR` writes a site that builds at once, with no templates
//! folder, and never writes into a folder that has files.

use crate::harness::*;

#[test]
fn a_new_site_builds_at_once() {
    let parent = tempfile::tempdir().expect("temp dir");
    let dir = parent.path().join("archive");
    let init = fihris(&["init", dir.to_str().expect("UTF-8 path")]);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    for file in [
        "site.toml",
        "content/articles/first-article.md",
        "content/people.toml",
        "content/places.toml",
        "content/sources.toml",
        ".github/workflows/pages.yml",
    ] {
        assert!(dir.join(file).is_file(), "init did not write {file}");
    }
    assert!(!dir.join("templates").exists());
    let workflow = std::fs::read_to_string(dir.join(".github/workflows/pages.yml")).expect("read");
    assert_eq!(
        workflow,
        std::fs::read_to_string(demo().join(".github/workflows/pages.yml")).expect("read"),
        "the same workflow as the demo's"
    );

    let build = fihris_in(&dir, &["build"]);
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "the new site has warnings: {stderr}");
    let page =
        std::fs::read_to_string(dir.join("public/articles/first-article/index.html")).expect("the sample article");
    for link in ["href=\"/people/mahfouz/\"", "href=\"/places/cairo/\"", "href=\"/sources/al-ahram/\""] {
        assert!(page.contains(link), "the sample article lacks {link}");
    }
    assert!(dir.join("public/people/mahfouz/atom.xml").is_file());
    let check = fihris_in(&dir, &["check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn init_refuses_a_folder_with_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let init = fihris(&["init", dir.path().to_str().expect("UTF-8 path")]);
    assert_eq!(init.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&init.stderr);
    assert!(stderr.contains("is not empty") && stderr.contains("never overwrites"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("notes.txt")).expect("read"), "mine");
    assert!(!dir.path().join("site.toml").exists());
}

#[test]
fn an_empty_folder_is_fine_and_a_missing_config_points_at_init() {
    let dir = tempfile::tempdir().expect("temp dir");
    let build = fihris_in(dir.path(), &["build"]);
    assert_eq!(build.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&build.stderr).contains("fihris init DIR"));
    let init = fihris(&["init", dir.path().to_str().expect("UTF-8 path")]);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    assert!(fihris_in(dir.path(), &["build"]).status.success());
}

/// Issue 11: the "next:" line `init` prints works as printed, in the folder
/// `init` ran in, also where `fihris` is not an installed command (as here:
/// the tests run the binary in target/).
#[cfg(unix)]
#[test]
fn the_printed_next_step_works_as_printed() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::CommandExt;
    let parent = tempfile::tempdir().expect("temp dir");
    let init = fihris_in(parent.path(), &["init", "my archive"]);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    let stdout = String::from_utf8_lossy(&init.stdout);
    let next = stdout.lines().find_map(|line| line.strip_prefix("next: ")).expect("a next: line");
    assert!(next.ends_with(" serve"), "{next}");
    let port = crate::browser::free_port().to_string();
    let mut shell = std::process::Command::new("sh")
        .args(["-c", &format!("{next} --port {port}")])
        .current_dir(parent.path())
        .env("PATH", "/usr/bin:/bin")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("sh runs");
    let serving = BufReader::new(shell.stdout.take().expect("stdout"))
        .lines()
        .map_while(Result::ok)
        .any(|line| line.starts_with("serving"));
    let home = serving.then(|| crate::preview::get(port.parse().expect("a port"), "127.0.0.1", "/").1);
    // The shell and the server it started are one process group: stop both.
    let _ = std::process::Command::new("kill").args(["-TERM", "--", &format!("-{}", shell.id())]).status();
    let _ = shell.wait();
    let mut stderr = String::new();
    let _ = std::io::Read::read_to_string(&mut shell.stderr.take().expect("stderr"), &mut stderr);
    assert!(serving, "`{next}` did not serve: {stderr}");
    assert!(home.is_some_and(|page| page.contains("أرشيف الأخبار")), "it serves the new site");
}
