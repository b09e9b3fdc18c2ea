//! `data/articles.json`, `data/entities.json` and `data/quotes.json`: valid
//! against the JSON Schemas shipped beside them, and saying what the site says.

use serde_json::Value;

use crate::harness::*;

fn json(site: &Built, path: &str) -> Value {
    serde_json::from_str(&site.page(path)).unwrap_or_else(|err| panic!("{path} is not JSON: {err}"))
}

fn assert_valid(site: &Built, data: &str, schema: &str) {
    let schema = json(site, schema);
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let instance = json(site, data);
    let errors: Vec<String> =
        validator.iter_errors(&instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{data} does not follow its schema: {errors:#?}");
    let mut changed = instance;
    changed["version"] = (changed["version"].as_u64().expect("a version") + 1).into();
    assert!(!validator.is_valid(&changed), "the schema pins the version");
}

#[test]
fn the_data_files_follow_their_schemas() {
    for root in [fixture("basic"), fixture("quotes"), demo()] {
        let site = build_ok(&root);
        assert_valid(&site, "data/articles.json", "data/articles.schema.json");
        assert_valid(&site, "data/entities.json", "data/entities.schema.json");
        assert_valid(&site, "data/quotes.json", "data/quotes.schema.json");
        assert_valid(&site, "data/stories.json", "data/stories.schema.json");
    }
}

#[test]
fn the_schemas_in_the_repository_are_the_ones_shipped() {
    let site = build_ok(&fixture("basic"));
    for name in ["articles", "entities", "quotes", "stories"] {
        let in_repo = std::fs::read_to_string(demo().join(format!("schemas/{name}.schema.json"))).expect("read");
        assert_eq!(site.page(&format!("data/{name}.schema.json")), in_repo);
    }
}

#[test]
fn articles_json_has_each_articles_url_date_source_and_entities() {
    let site = build(&fixture("basic"), Some("https://example.org/fihris/")).expect("builds");
    let data = json(&site, "data/articles.json");
    assert_eq!(data["version"], 2);
    assert_eq!(data["$schema"], "https://example.org/fihris/data/articles.schema.json");
    let articles = data["articles"].as_array().expect("a list");
    assert_eq!(articles.len(), 3);
    let first = &articles[0];
    assert_eq!(first["url"], "https://example.org/fihris/articles/assad-visit/");
    assert_eq!(first["title"], "الأسد في زيارة عمل إلى روسيا");
    assert_eq!(first["date"], "2024-07-26T09:30:00Z");
    assert_eq!(first["source"], "sana");
    // [key, mentions] pairs, most mentioned first.
    let people: Vec<(&str, u64)> = first["entities"]["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|m| (m[0].as_str().expect("a key"), m[1].as_u64().expect("a count")))
        .collect();
    assert!(people.iter().any(|&(key, n)| key == "putin" && n > 0), "{people:?}");
    assert!(people.iter().any(|&(key, _)| key == "assad"), "{people:?}");
    assert!(people.windows(2).all(|w| w[0].1 >= w[1].1), "most mentioned first: {people:?}");
    assert_eq!(articles[1]["date"], "2024-07-25");
}

#[test]
fn entities_json_has_names_aliases_counts_and_wikidata() {
    let site = build_ok(&fixture("basic"));
    let data = json(&site, "data/entities.json");
    assert_eq!(data["version"], 2);
    let entities = data["entities"].as_array().expect("a list");
    let putin = entities.iter().find(|e| e["kind"] == "person" && e["key"] == "putin").expect("putin");
    assert_eq!(putin["url"], "https://example.org/people/putin/");
    assert_eq!(putin["feed"], "https://example.org/people/putin/atom.xml");
    assert_eq!(putin["name"], "فلاديمير بوتين");
    assert_eq!(putin["aliases"], serde_json::json!(["بوتين", "بوتن"]));
    assert_eq!(putin["wikidata"], "Q7747");
    assert_eq!(putin["article_count"], 2);
    assert!(putin["mention_count"].as_u64().is_some_and(|n| n >= 4), "{putin}");
    let moscow = entities.iter().find(|e| e["key"] == "moscow").expect("moscow");
    assert_eq!(moscow["within"], "russia");
    assert_eq!(moscow["subkind"], "city");
}

#[test]
fn quotes_json_says_who_said_what_where() {
    let site = build_ok(&fixture("quotes"));
    let data = json(&site, "data/quotes.json");
    assert_eq!(data["version"], 2);
    assert_eq!(data["$schema"], "https://example.org/data/quotes.schema.json");
    // Grouped by article, newest first; an article's quotations in text order, the n-th at #q-n.
    let articles = data["articles"].as_array().expect("a list");
    let quotes: Vec<(&str, String, &Value)> = articles
        .iter()
        .flat_map(|a| {
            let slug = a["article"].as_str().expect("a slug");
            let quotes = a["quotes"].as_array().expect("its quotations");
            quotes.iter().enumerate().map(move |(n, q)| (slug, format!("q-{}", n + 1), q))
        })
        .collect();
    // article, anchor, speaker, speaker_text, direct, outlet
    type Row<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, bool, Option<&'a str>);
    let rows: Vec<Row> = quotes
        .iter()
        .map(|(article, anchor, q)| {
            (
                *article,
                anchor.as_str(),
                q["speaker"].as_str(),
                q["speaker_text"].as_str().expect("text"),
                q["direct"].as_bool().expect("a flag"),
                q["outlet"].as_str(),
            )
        })
        .collect();
    // The book title is none.
    assert_eq!(
        rows,
        [
            ("talks", "q-1", Some("attaf"), "عطاف", true, None),
            ("talks", "q-2", None, "متحدث باسم الجيش", false, None),
            ("talks", "q-3", Some("erdogan"), "أردوغان", true, None),
            ("attaf-algiers", "q-1", Some("attaf"), "وزير الخارجية أحمد عطاف", true, None),
            ("attaf-algiers", "q-2", Some("attaf"), "عطاف", false, Some("reuters")),
        ]
    );
    assert_eq!(quotes[0].2["text"], "نحن مستعدون للحوار مع جميع الأطراف");
    assert_eq!(quotes[4].2["text"], "الحوار هو السبيل الوحيد لحل الأزمة");
    // The article's date and outlet are in articles.json, joined by the slug.
    let listed = json(&site, "data/articles.json");
    let talks = listed["articles"].as_array().expect("a list").iter().find(|a| a["slug"] == "talks").expect("talks");
    assert_eq!((&talks["date"], &talks["source"]), (&Value::from("2024-05-03"), &Value::from("reuters")));
}
