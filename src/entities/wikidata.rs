//! Reading a Wikidata query result (the query service's JSON or CSV
//! download) into entries for the lists. A query such as
//!
//! ```sparql
//! SELECT ?item ?itemLabel ?itemAltLabel ?itemDescription ?instanceOf WHERE {
//!   VALUES ?item { wd:Q7747 wd:Q44926 }
//!   OPTIONAL { ?item wdt:P31 ?instanceOf }
//!   SERVICE wikibase:label { bd:serviceParam wikibase:language "ar". }
//! }
//! ```
//!
//! gives, per row, the item, its Arabic label, its Arabic aliases (one cell,
//! comma-separated), its Arabic description and what it is an instance of;
//! an item with several `instanceOf` comes in several rows, which are merged.
//! The kind (person, place, source) and the subkind (country, city …
//! agency, newspaper …) come from `instanceOf`.

use std::path::Path;

use serde_json::Value;

use super::Kind;
use crate::diagnostics::{Diagnostic, Location};

/// One item of the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// `Q…`.
    pub id: String,
    pub label: String,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// `Q…` ids, or labels when the query asked for them.
    pub instance_of: Vec<String>,
    /// The line of its first row (CSV) or its first row's number (JSON).
    pub line: usize,
}

/// What an instance-of class makes an entity: its kind and subkind.
const CLASSES: &[(&str, Kind, Option<&str>)] = &[
    ("Q5", Kind::Person, None),
    ("Q6256", Kind::Place, Some("country")),
    ("Q3624078", Kind::Place, Some("country")),
    ("Q7275", Kind::Place, Some("country")),
    ("Q515", Kind::Place, Some("city")),
    ("Q1549591", Kind::Place, Some("city")),
    ("Q5119", Kind::Place, Some("city")),
    ("Q1637706", Kind::Place, Some("city")),
    ("Q486972", Kind::Place, Some("city")),
    ("Q3957", Kind::Place, Some("city")),
    ("Q532", Kind::Place, Some("city")),
    ("Q82794", Kind::Place, Some("region")),
    ("Q10864048", Kind::Place, Some("region")),
    ("Q107390", Kind::Place, Some("region")),
    ("Q34876", Kind::Place, Some("region")),
    ("Q1620908", Kind::Place, Some("region")),
    ("Q41176", Kind::Place, Some("site")),
    ("Q839954", Kind::Place, Some("site")),
    ("Q570116", Kind::Place, Some("site")),
    ("Q192283", Kind::Source, Some("agency")),
    ("Q11032", Kind::Source, Some("newspaper")),
    ("Q1110794", Kind::Source, Some("newspaper")),
    ("Q1153191", Kind::Source, Some("newspaper")),
    ("Q1002697", Kind::Source, Some("newspaper")),
    ("Q41298", Kind::Source, Some("newspaper")),
    ("Q2001305", Kind::Source, Some("channel")),
    ("Q1616075", Kind::Source, Some("channel")),
    ("Q14350", Kind::Source, Some("channel")),
    ("Q35127", Kind::Source, Some("website")),
    ("Q17232649", Kind::Source, Some("website")),
    ("Q2151232", Kind::Source, Some("think-tank")),
    // Labels, for queries that ask for ?instanceOfLabel.
    ("human", Kind::Person, None),
    ("إنسان", Kind::Person, None),
    ("country", Kind::Place, Some("country")),
    ("دولة", Kind::Place, Some("country")),
    ("city", Kind::Place, Some("city")),
    ("مدينة", Kind::Place, Some("city")),
    ("news agency", Kind::Source, Some("agency")),
    ("وكالة أنباء", Kind::Source, Some("agency")),
    ("newspaper", Kind::Source, Some("newspaper")),
    ("صحيفة", Kind::Source, Some("newspaper")),
    ("television channel", Kind::Source, Some("channel")),
    ("قناة تلفزيونية", Kind::Source, Some("channel")),
    ("website", Kind::Source, Some("website")),
    ("موقع ويب", Kind::Source, Some("website")),
];

impl Item {
    /// The kind and subkind its classes give, the first class that says.
    pub fn kind(&self) -> Option<(Kind, Option<&'static str>)> {
        self.instance_of
            .iter()
            .find_map(|class| CLASSES.iter().find(|(id, _, _)| id == class).map(|&(_, kind, sub)| (kind, sub)))
    }
}

/// The `Q…` id at the end of an entity URI, or the value itself.
fn entity_id(value: &str) -> String {
    value.rsplit('/').next().unwrap_or(value).trim().to_owned()
}

/// Column names the query service uses, and the short names people write.
fn field(column: &str) -> Option<&'static str> {
    Some(match column.trim().trim_start_matches('?') {
        "item" | "id" | "qid" => "item",
        "itemLabel" | "label" | "name" => "label",
        "itemAltLabel" | "altLabel" | "aliases" => "aliases",
        "itemDescription" | "description" => "description",
        "instanceOf" | "instance_of" | "instanceOfLabel" | "type" | "P31" => "instance",
        _ => return None,
    })
}

/// Reads a query result: JSON (the query service's SPARQL results, or its
/// plain array of rows) or CSV, told apart by the first character.
pub fn read(path: &Path, text: &str) -> Result<Vec<Item>, Diagnostic> {
    let text = text.trim_start_matches('\u{feff}');
    let rows = if text.trim_start().starts_with(['{', '[']) { json_rows(path, text)? } else { csv_rows(path, text)? };
    let mut items: Vec<Item> = Vec::new();
    for (line, row) in rows {
        let mut item = Item { line, ..Item::default() };
        for (column, value) in row {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match field(&column) {
                Some("item") => item.id = entity_id(value),
                Some("label") => item.label = value.to_owned(),
                Some("aliases") => {
                    item.aliases =
                        value.split([',', '،']).map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect()
                }
                Some("description") => item.description = Some(value.to_owned()),
                Some("instance") => item.instance_of.push(entity_id(value)),
                _ => {}
            }
        }
        if item.id.is_empty() {
            return Err(Diagnostic::error("a row has no `item`")
                .in_file(path)
                .at(Location::at_line(text, line, 1))
                .with_help(
                    "the query must select ?item (the Wikidata item, e.g. http://www.wikidata.org/entity/Q7747)",
                ));
        }
        match items.iter_mut().find(|known| known.id == item.id) {
            Some(known) => {
                for class in item.instance_of {
                    if !known.instance_of.contains(&class) {
                        known.instance_of.push(class);
                    }
                }
            }
            None => items.push(item),
        }
    }
    Ok(items)
}

type Row = (usize, Vec<(String, String)>);

fn csv_rows(path: &Path, text: &str) -> Result<Vec<Row>, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|err| csv_error(path, text, &err))?.clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| csv_error(path, text, &err))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((line, headers.iter().map(str::to_owned).zip(record.iter().map(str::to_owned)).collect()));
    }
    Ok(rows)
}

fn csv_error(path: &Path, text: &str, err: &csv::Error) -> Diagnostic {
    let line = err.position().map_or(1, |p| p.line() as usize);
    Diagnostic::error(format!("the CSV file cannot be read: {err}"))
        .in_file(path)
        .at(Location::at_line(text, line, 1))
        .with_help("download the result again as CSV from the query service")
}

fn json_rows(path: &Path, text: &str) -> Result<Vec<Row>, Diagnostic> {
    let value: Value = serde_json::from_str(text).map_err(|err| {
        Diagnostic::error(format!("the JSON file cannot be read: {err}"))
            .in_file(path)
            .at(Location::at_line(text, err.line(), err.column()))
            .with_help("download the result again as JSON from the query service")
    })?;
    // SPARQL results: {"results": {"bindings": [{"item": {"value": …}}]}};
    // the plain download: [{"item": "…", "itemLabel": "…"}].
    let rows = value.pointer("/results/bindings").or(Some(&value)).and_then(Value::as_array).ok_or_else(|| {
        Diagnostic::error("the JSON file is neither SPARQL results nor a list of rows")
            .in_file(path)
            .with_help("download the result as JSON from the Wikidata query service")
    })?;
    Ok(rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = row.as_object().into_iter().flatten().filter_map(|(column, cell)| {
                let value = cell.get("value").unwrap_or(cell);
                value.as_str().map(|v| (column.clone(), v.to_owned()))
            });
            (i + 1, cells.collect())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "item,itemLabel,itemAltLabel,itemDescription,instanceOf\n\
http://www.wikidata.org/entity/Q7747,فلاديمير بوتين,\"بوتين, بوتن\",رئيس روسيا,http://www.wikidata.org/entity/Q5\n\
http://www.wikidata.org/entity/Q3766,دمشق,الشام,عاصمة سوريا,http://www.wikidata.org/entity/Q5119\n\
http://www.wikidata.org/entity/Q3766,دمشق,الشام,عاصمة سوريا,http://www.wikidata.org/entity/Q515\n\
http://www.wikidata.org/entity/Q130879,رويترز,,وكالة أنباء,http://www.wikidata.org/entity/Q192283\n";

    #[test]
    fn reads_the_csv_download() {
        let items = read(Path::new("q.csv"), CSV).expect("valid");
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].id, "Q7747");
        assert_eq!(items[0].aliases, ["بوتين", "بوتن"]);
        assert_eq!(items[0].kind(), Some((Kind::Person, None)));
        assert_eq!(items[1].instance_of, ["Q5119", "Q515"]);
        assert_eq!(items[1].kind(), Some((Kind::Place, Some("city"))));
        assert_eq!(items[2].kind(), Some((Kind::Source, Some("agency"))));
        assert_eq!(items[2].line, 5);
    }

    #[test]
    fn reads_both_json_downloads() {
        let sparql = r#"{"head":{"vars":["item","itemLabel","instanceOf"]},"results":{"bindings":[
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q7747"},
             "itemLabel":{"xml:lang":"ar","type":"literal","value":"فلاديمير بوتين"},
             "instanceOf":{"type":"uri","value":"http://www.wikidata.org/entity/Q5"}}]}}"#;
        let plain = r#"[{"item":"http://www.wikidata.org/entity/Q7747","itemLabel":"فلاديمير بوتين","instanceOf":"http://www.wikidata.org/entity/Q5"}]"#;
        for text in [sparql, plain] {
            let items = read(Path::new("q.json"), text).expect("valid");
            assert_eq!(items.len(), 1);
            assert_eq!((items[0].id.as_str(), items[0].label.as_str()), ("Q7747", "فلاديمير بوتين"));
            assert_eq!(items[0].kind(), Some((Kind::Person, None)));
        }
    }

    #[test]
    fn bad_files_name_their_line() {
        let error = read(Path::new("q.json"), "{\n  \"results\": [,]\n}").expect_err("an error");
        assert_eq!(error.location.as_ref().map(|l| l.line), Some(2));
        let error = read(Path::new("q.csv"), "itemLabel\nدمشق\n").expect_err("an error");
        assert!(error.message.contains("item"), "{error}");
        assert_eq!(error.location.as_ref().map(|l| l.line), Some(2));
    }
}
