//! `fihris entities suggest|add|import` on a small site whose lists know one
//! person: what is proposed, what `--write` writes (comments kept, the site
//! still checks), adding one entity, and importing Wikidata results.

use std::path::{Path, PathBuf};

use crate::harness::{fihris, fixture};

/// A copy of the fixture site in a temporary folder.
fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("site");
    copy(&fixture("entities/site"), &root);
    (dir, root)
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("a readable fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

fn run(root: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all: Vec<&str> = args.to_vec();
    let root = root.to_str().expect("a UTF-8 path");
    all.extend(["--root", root]);
    let output = fihris(&all);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn list(root: &Path, name: &str) -> String {
    std::fs::read_to_string(root.join("content").join(name)).unwrap_or_default()
}

#[test]
fn suggest_proposes_names_with_kinds_spellings_and_contexts() {
    let (_dir, root) = site();
    let (ok, out, err) = run(&root, &["entities", "suggest", "--format", "json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let suggestions = json["suggestions"].as_array().expect("a list");
    let find = |name: &str| {
        suggestions.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("{name} not proposed in {out}"))
    };
    for (name, kind) in [
        ("محمد شياع السوداني", "person"),
        ("دميتري بيسكوف", "person"),
        ("البصرة", "place"),
        ("بغداد", "place"),
        ("النهار", "source"),
        ("وكالة الأنباء العراقية", "source"),
        ("رويترز", "source"),
    ] {
        assert_eq!(find(name)["kind"], kind, "{name}");
    }
    // Spellings merged, contexts given, listed names left out.
    assert_eq!(find("دميتري بيسكوف")["variants"], serde_json::json!(["بيسكوف"]));
    assert_eq!(find("وكالة الأنباء العراقية")["variants"], serde_json::json!(["واع"]));
    let contexts = find("البصرة")["contexts"].as_array().expect("contexts").clone();
    assert_eq!(contexts.len(), 2);
    assert!(contexts[0]["text"].as_str().unwrap_or_default().contains("البصرة"));
    assert!(suggestions.iter().all(|s| s["name"] != "فلاديمير بوتين" && s["name"] != "بوتين"));
    // A new spelling of a listed person.
    let aliases = json["aliases"].as_array().expect("aliases");
    assert!(aliases.iter().any(|a| a["entity"] == "putin" && a["alias"] == "بوتن"), "{aliases:?}");
    // --kind and --min filter.
    let (_, out, _) = run(&root, &["entities", "suggest", "--format", "json", "--kind", "place", "--min", "3"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let names: Vec<&str> =
        json["suggestions"].as_array().expect("a list").iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(names, ["البصرة"]);
}

#[test]
fn suggest_writes_toml_that_reads_as_lists() {
    let (_dir, root) = site();
    let (ok, out, err) = run(&root, &["entities", "suggest"]);
    assert!(ok, "{err}");
    let table: toml::Table = toml::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert!(table.contains_key("محمد-شياع-السوداني"), "{out}");
    assert!(out.contains("# ─── content/people.toml"));
    assert!(out.contains("# [putin] in content/people.toml: add \"بوتن\""));
}

#[test]
fn write_adds_to_the_lists_and_keeps_their_comments() {
    let (_dir, root) = site();
    let (ok, out, err) = run(&root, &["entities", "suggest", "--write", "--min", "2"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("added "), "{out}");
    let people = list(&root, "people.toml");
    assert!(
        people.starts_with("# People of the archive.\n\n[putin]\nname = \"فلاديمير بوتين\"   # the president\n"),
        "{people}"
    );
    assert!(people.contains("aliases = [\"بوتين\", \"بوتن\"]"), "{people}");
    assert!(people.contains("name = \"محمد شياع السوداني\""), "{people}");
    assert!(list(&root, "places.toml").starts_with("# Places.\n"));
    assert!(list(&root, "sources.toml").contains("name = \"النهار\""));
    // The site still checks, and the new names are found by the build.
    let (ok, _, err) = run(&root, &["check"]);
    assert!(ok, "{err}");
    // Run again: nothing left to propose above --min.
    let (_, out, _) = run(&root, &["entities", "suggest", "--min", "2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["suggestions"].as_array().map(Vec::len), Some(0), "{out}");
}

#[test]
fn pick_needs_a_terminal() {
    let (_dir, root) = site();
    let (ok, _, err) = run(&root, &["entities", "suggest", "--write", "--pick"]);
    assert!(!ok);
    assert!(err.contains("--pick asks in the terminal"), "{err}");
}

#[test]
fn add_appends_one_entity_and_refuses_a_taken_key() {
    let (_dir, root) = site();
    let args =
        ["entities", "add", "person", "netanyahu", "بنيامين نتنياهو", "--alias", "نتنياهو", "--wikidata", "Q43723"];
    let (ok, out, err) = run(&root, &args);
    assert!(ok, "{err}");
    assert!(out.contains("added [netanyahu] to content/people.toml"), "{out}");
    assert!(
        list(&root, "people.toml")
            .ends_with("\n[netanyahu]\nname = \"بنيامين نتنياهو\"\naliases = [\"نتنياهو\"]\nwikidata = \"Q43723\"\n"),
        "{}",
        list(&root, "people.toml")
    );
    let (ok, _, err) = run(&root, &args);
    assert!(!ok);
    assert!(err.contains("[netanyahu] is already in content/people.toml"), "{err}");
    // A spelling another entity has is said, and a bad value is reported at once.
    let (ok, _, err) = run(&root, &["entities", "add", "place", "x", "بوتين", "--subkind", "planet"]);
    assert!(ok);
    assert!(err.contains("also a spelling of [putin]"), "{err}");
    assert!(err.contains("unknown kind \"planet\""), "{err}");
}

#[test]
fn import_reads_wikidata_results_and_reports_conflicts() {
    let (_dir, root) = site();
    let csv = fixture("entities/wikidata.csv");
    let (ok, out, err) = run(&root, &["entities", "import", csv.to_str().expect("UTF-8")]);
    assert!(ok, "{err}");
    assert!(out.contains("added 2 of 5 items; 0 already listed, 3 skipped"), "{out}");
    let places = list(&root, "places.toml");
    assert!(places.contains("[\"دمشق\"]\nname = \"دمشق\"\naliases = [\"الشام\"]\nkind = \"city\"\ndescription = \"عاصمة سوريا\"\nwikidata = \"Q3766\"\n"), "{places}");
    assert!(list(&root, "sources.toml").contains("kind = \"agency\""));
    // Putin's name is claimed by [putin]; Q2 is an organisation.
    assert!(err.contains("Q7747 (فلاديمير بوتين): the name is already a spelling of [putin]"), "{err}");
    assert!(err.contains("Q2 (شيء): its instance-of says neither"), "{err}");
    // Again: what was added is there already.
    let (_, out, _) = run(&root, &["entities", "import", csv.to_str().expect("UTF-8")]);
    assert!(out.contains("added 0 of 5 items; 2 already listed"), "{out}");
    // The SPARQL JSON result, two rows for one item; --dry-run writes nothing.
    let json = fixture("entities/wikidata.json");
    let (ok, out, _) = run(&root, &["entities", "import", json.to_str().expect("UTF-8"), "--dry-run"]);
    assert!(ok);
    assert!(out.contains("would add 1 of 1 items"), "{out}");
    assert!(!list(&root, "places.toml").contains("بغداد"));
    let (ok, _, err) = run(&root, &["check"]);
    assert!(ok, "{err}");
}
