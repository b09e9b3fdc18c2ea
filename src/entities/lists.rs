//! Reading the entity lists `content/{people,places,sources}.toml` into a
//! [`Catalog`], and checking what the matcher relies on: no spelling claimed
//! by two entities, no role title or function word as an alias; `in` is
//! resolved once every list is read ([`super::within`]). Every problem names
//! its list, line and column.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::catalog::{Catalog, Entity, EntityId, Kind, Spelling, spelling_key};
use super::within::PendingWithin;
use crate::arabic::{key, slug::slugify};
use crate::content::{Located, old_path};
use crate::diagnostics::{Diagnostic, LineStarts, Location};

/// One entry of an entity list, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    weak: Vec<Spanned<String>>,
    description: Option<String>,
    wikidata: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(rename = "in")]
    within: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    sort: Option<String>,
    /// Old page paths that redirect to the entity's page (`aliases` means
    /// other spellings here, so old links have a name of their own).
    #[serde(default)]
    old_paths: Vec<Spanned<String>>,
}

/// Words that start role titles: an alias beginning with one names an office,
/// not a person (docs/arabic.md §2.5).
const TITLE_WORDS: [&str; 7] = ["الرئيس", "رئيس", "وزير", "الملك", "الأمير", "المتحدث", "السفير"];

/// Where things are written in one list, found in time of the list's
/// length: an entry's `[key]` line and the spellings in it.
struct ListText<'t> {
    kind: Kind,
    path: &'t Path,
    text: &'t str,
    lines: LineStarts,
}

impl ListText<'_> {
    fn at(&self, offset: usize) -> Location {
        Location::in_lines(&self.lines, self.text, offset)
    }
}

/// An entry that passed its checks.
struct Checked {
    entity: Entity,
    within: Option<Spanned<String>>,
    /// Where each of `entity.spellings` is written in the list.
    spelling_offsets: Vec<usize>,
}

impl Catalog {
    /// Reads the three lists under `ROOT/content`; a missing list is empty.
    pub fn load(root: &Path) -> (Catalog, Vec<Diagnostic>) {
        let mut lists = Vec::new();
        let mut diagnostics = Vec::new();
        for kind in Kind::ALL {
            let path = kind.list_path();
            let full = root.join(&path);
            if !full.exists() {
                continue;
            }
            match crate::content::read_text(&full, &path) {
                Ok((text, warnings)) => {
                    diagnostics.extend(warnings);
                    lists.push((kind, path, text));
                }
                Err(problem) => diagnostics.push(problem),
            }
        }
        let (catalog, more) = Catalog::from_lists(&lists);
        diagnostics.extend(more);
        (catalog, diagnostics)
    }

    /// Builds a catalog from `(kind, path, text)` of each list. Every entry
    /// of every list is checked, so all the problems of a list are reported
    /// at once; loading takes time and memory linear in the lists' size.
    pub fn from_lists(lists: &[(Kind, PathBuf, String)]) -> (Catalog, Vec<Diagnostic>) {
        let mut catalog = Catalog::default();
        let mut diagnostics = Vec::new();
        let mut pending_within = Vec::new();
        // Where each entity's spellings are written: (its list, byte offsets).
        let mut spelling_offsets: Vec<(usize, Vec<usize>)> = Vec::new();
        let texts: Vec<ListText> = lists
            .iter()
            .map(|(kind, path, text)| ListText { kind: *kind, path, text, lines: LineStarts::of(text) })
            .collect();
        for (list_index, list) in texts.iter().enumerate() {
            let (table, syntax_errors) = toml::de::DeTable::parse_recoverable(list.text);
            if !syntax_errors.is_empty() {
                // A list that does not parse is not read further: what the
                // parser recovered could report problems that are not there.
                diagnostics.extend(
                    first_of_each_table(list.text, &syntax_errors)
                        .map(|err| crate::parse::toml_error(list.path, err, |at| list.at(at))),
                );
                continue;
            }
            for (entity_key, value) in table.into_inner() {
                // The entry is shown from the start of its `[key]` line.
                let key_start = entity_key.span().start;
                let location = Location { column: 1, ..list.at(key_start) };
                let entity_key = entity_key.get_ref().as_ref();
                let raw = match RawEntity::deserialize(toml::de::ValueDeserializer::from(value)) {
                    Ok(raw) => raw,
                    Err(err) => {
                        // A missing key has no place of its own: the entry's.
                        let place = |at| list.at(if err.span().is_some() { at } else { key_start });
                        diagnostics.push(crate::parse::toml_error(list.path, &err, place));
                        continue;
                    }
                };
                if let Some(checked) = catalog.check_entry(list, entity_key, raw, location, &mut diagnostics) {
                    let id = catalog.entities.len() as EntityId;
                    if let Some(within) = checked.within {
                        let location = list.at(within.span().start);
                        pending_within.push(PendingWithin {
                            place: id,
                            written: within.into_inner(),
                            path: list.path,
                            location,
                        });
                    }
                    catalog.by_key.insert((list.kind, checked.entity.key.clone()), id);
                    catalog.entities.push(checked.entity);
                    spelling_offsets.push((list_index, checked.spelling_offsets));
                }
            }
        }
        catalog.index_spellings(&texts, &spelling_offsets, &mut diagnostics);
        catalog.resolve_within(pending_within, &mut diagnostics);
        (catalog, diagnostics)
    }

    fn check_entry(
        &self,
        list: &ListText,
        entity_key: &str,
        raw: RawEntity,
        location: Location,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Checked> {
        let (kind, path) = (list.kind, list.path);
        let at = |span: std::ops::Range<usize>| list.at(span.start);
        let Some(slug) = slugify(entity_key) else {
            diagnostics.push(
                Diagnostic::error(format!("the key [{entity_key}] has no letters or digits to make a URL from"))
                    .in_file(path)
                    .at(location)
                    .with_help("use a short ASCII key such as [putin]"),
            );
            return None;
        };
        let name = raw.name.get_ref().trim().to_owned();
        if name.is_empty() || spelling_key(&name).is_empty() {
            diagnostics.push(
                Diagnostic::error(format!("[{entity_key}] has an empty `name`"))
                    .in_file(path)
                    .at(at(raw.name.span()))
                    .with_help("write the entity's name as it is shown, e.g. name = \"فلاديمير بوتين\""),
            );
            return None;
        }
        if let Some(sub) = &raw.kind {
            let allowed = kind.allowed_kinds();
            if !allowed.contains(&sub.get_ref().as_str()) {
                let help = if allowed.is_empty() {
                    format!("{} have no `kind`; remove the line", kind.section())
                } else {
                    format!("use one of: {}", allowed.join(", "))
                };
                diagnostics.push(
                    Diagnostic::error(format!("unknown kind {:?} for [{entity_key}]", sub.get_ref()))
                        .in_file(path)
                        .at(at(sub.span()))
                        .with_help(help),
                );
            }
        }
        if let Some(wikidata) = &raw.wikidata {
            let id = wikidata.get_ref();
            if !(id.starts_with('Q') && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())) {
                diagnostics.push(
                    Diagnostic::error(format!("{id:?} is not a Wikidata id"))
                        .in_file(path)
                        .at(at(wikidata.span()))
                        .with_help("write the item id, e.g. wikidata = \"Q7747\""),
                );
            }
        }
        if raw.within.is_some() && kind != Kind::Place {
            diagnostics.push(
                Diagnostic::error(format!("`in` is only for places; [{entity_key}] is in {}", kind.section()))
                    .in_file(path)
                    .at(location.clone())
                    .with_help("remove the `in` line"),
            );
        }

        let weak_keys: Vec<String> = raw.weak.iter().map(|w| spelling_key(w.get_ref())).collect();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut spelling_offsets = Vec::new();
        let mut seen_keys: Vec<String> = Vec::new();
        let all = std::iter::once(&raw.name).chain(&raw.aliases).chain(&raw.weak);
        for spelling in all {
            let written = spelling.get_ref().trim();
            let spelling_key = spelling_key(written);
            if spelling_key.is_empty() {
                diagnostics.push(
                    Diagnostic::error(format!("an alias of [{entity_key}] has no letters"))
                        .in_file(path)
                        .at(at(spelling.span()))
                        .with_help("remove the empty alias"),
                );
                continue;
            }
            if seen_keys.contains(&spelling_key) {
                continue;
            }
            let weak = weak_keys.contains(&spelling_key);
            let first_word = spelling_key.split(' ').next().unwrap_or_default();
            if TITLE_WORDS.iter().any(|t| key(t) == first_word) {
                diagnostics.push(
                    Diagnostic::warning(format!("the alias {written:?} of [{entity_key}] starts with a title"))
                        .in_file(path)
                        .at(at(spelling.span()))
                        .with_help("roles name whoever holds the office (الرئيس السوري was الأسد in 2024 and الشرع in 2025); list the person's own names only"),
                );
            }
            if !weak
                && !spelling_key.contains(' ')
                && crate::arabic::stopwords::FUNCTION_WORDS.iter().any(|w| key(w) == spelling_key)
            {
                diagnostics.push(
                    Diagnostic::error(format!("the alias {written:?} of [{entity_key}] is also a common word"))
                        .in_file(path)
                        .at(at(spelling.span()))
                        .with_help(format!(
                            "it would match everywhere: list it under `weak = [{written:?}]`, or use a longer form"
                        )),
                );
                continue;
            }
            seen_keys.push(spelling_key);
            spellings.push(Spelling { text: written.to_owned(), weak });
            spelling_offsets.push(spelling.span().start);
        }
        let url = raw.url.as_ref().and_then(|written| {
            let address = crate::content::web_address(written.get_ref());
            if address.is_none() {
                diagnostics.push(
                    Diagnostic::error(format!(
                        "the `url` of [{entity_key}] is not a web address: {:?}",
                        written.get_ref()
                    ))
                    .in_file(path)
                    .at(at(written.span()))
                    .with_help("write the outlet's site, starting with https:// or http://"),
                );
            }
            address
        });
        let mut old_paths = Vec::with_capacity(raw.old_paths.len());
        for written in &raw.old_paths {
            match old_path(written.get_ref()) {
                Ok(value) => old_paths.push(Located { value, location: at(written.span()) }),
                Err(help) => diagnostics.push(
                    Diagnostic::error(format!(
                        "the old path {:?} of [{entity_key}] cannot be redirected",
                        written.get_ref()
                    ))
                    .in_file(path)
                    .at(at(written.span()))
                    .with_help(help),
                ),
            }
        }
        let entity = Entity {
            kind,
            key: entity_key.to_owned(),
            slug,
            name,
            spellings,
            description: raw.description.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()),
            wikidata: raw.wikidata.map(Spanned::into_inner),
            subkind: raw.kind.map(Spanned::into_inner),
            within: None,
            url,
            sort: raw.sort,
            old_paths,
            location,
        };
        Some(Checked { entity, within: raw.within, spelling_offsets })
    }

    /// Records who claims each spelling. A spelling claimed by several entities
    /// (two people with one family name, a town and a channel called الميادين)
    /// is ambiguous: the matcher counts it only where the article names exactly
    /// one of the claimants otherwise. Two entities of one kind with the same
    /// name cannot be told apart anywhere, which is an error.
    fn index_spellings(
        &mut self,
        lists: &[ListText],
        spelling_offsets: &[(usize, Vec<usize>)],
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for (id, entity) in self.entities.iter().enumerate() {
            for spelling in &entity.spellings {
                self.by_spelling.entry(spelling_key(&spelling.text)).or_default().push(id as EntityId);
            }
        }
        let mut shared: Vec<(&String, &Vec<EntityId>)> =
            self.by_spelling.iter().filter(|(_, ids)| ids.len() > 1).collect();
        shared.sort();
        for (spelling_key, ids) in shared {
            let first = &self.entities[ids[0] as usize];
            for &other in &ids[1..] {
                let entity = &self.entities[other as usize];
                let position = entity.spellings.iter().position(|s| self::spelling_key(&s.text) == *spelling_key);
                let spelling = position.map_or("", |i| entity.spellings[i].text.as_str());
                let (list_index, offsets) = &spelling_offsets[other as usize];
                let list = &lists[*list_index];
                let location = match position {
                    Some(i) => {
                        // Inside the quotes, where the spelling itself starts.
                        let start = offsets[i];
                        list.at(start + list.text[start..].bytes().take_while(|b| matches!(b, b'"' | b'\'')).count())
                    }
                    None => entity.location.clone(),
                };
                let claimants = format!(
                    "[{}] in {} and [{}] in {}",
                    first.key,
                    first.kind.list_path().display(),
                    entity.key,
                    entity.kind.list_path().display()
                );
                let same_name = first.kind == entity.kind
                    && self::spelling_key(&first.name) == *spelling_key
                    && self::spelling_key(&entity.name) == *spelling_key;
                let acknowledged =
                    |e: &Entity| e.spellings.iter().any(|s| s.weak && self::spelling_key(&s.text) == *spelling_key);
                if same_name {
                    diagnostics.push(
                        Diagnostic::error(format!("two entities have the same name {spelling:?}: {claimants}"))
                            .in_file(list.path)
                            .at(location)
                            .with_help("their pages could not be told apart; add what distinguishes them to one name, or merge them"),
                    );
                } else if !(acknowledged(first) && acknowledged(entity)) {
                    diagnostics.push(
                        Diagnostic::warning(format!("{spelling:?} is claimed by two entities: {claimants}"))
                            .in_file(list.path)
                            .at(location)
                            .with_help("it will count only in articles that name one of them in another way; if that is intended, list it under `weak` in both to silence this, otherwise remove it from one"),
                    );
                }
            }
        }
    }
}

/// The syntax errors of a list without those that follow from another: a
/// table written twice makes every key in it a duplicate too, so an error
/// with the message of the one before it, in the same table, is left out.
fn first_of_each_table<'e>(text: &str, errors: &'e [toml::de::Error]) -> impl Iterator<Item = &'e toml::de::Error> {
    let start = |err: &toml::de::Error| err.span().map_or(0, |s| s.start).min(text.len());
    let mut previous: Option<&toml::de::Error> = None;
    errors.iter().filter(move |err| {
        let follows = previous.is_some_and(|before| {
            let between = text.get(start(before)..start(err)).unwrap_or_default();
            before.message() == err.message() && !between.lines().skip(1).any(|line| line.trim_start().starts_with('['))
        });
        previous = Some(err);
        !follows
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::entities) fn catalog(people: &str, places: &str) -> (Catalog, Vec<Diagnostic>) {
        Catalog::from_lists(&[
            (Kind::Person, Kind::Person.list_path(), people.to_owned()),
            (Kind::Place, Kind::Place.list_path(), places.to_owned()),
        ])
    }

    #[test]
    fn a_shared_alias_is_a_warning_at_the_second_claimant() {
        let (c, d) = catalog(
            "[a]\nname = \"أحمد منصور\"\naliases = [\"منصور\"]\n\n[b]\nname = \"مريم منصور\"\naliases = [\"منصور\"]\n",
            "",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(!d[0].is_error());
        assert!(d[0].message.contains("[a]") && d[0].message.contains("[b]"), "{}", d[0]);
        assert_eq!(d[0].location.as_ref().map(|l| (l.line, l.column)), Some((7, 13)));
        // An ambiguous spelling names no one in front matter.
        assert_eq!(c.resolve(Kind::Person, "منصور"), None);
        // Listed as weak by both, it is acknowledged: no warning.
        let (_, quiet) = catalog(
            "[a]\nname = \"أحمد منصور\"\nweak = [\"منصور\"]\n\n[b]\nname = \"مريم منصور\"\nweak = [\"منصور\"]\n",
            "",
        );
        assert!(quiet.is_empty(), "{quiet:?}");
    }

    #[test]
    fn two_entities_with_one_name_in_one_list_are_an_error() {
        let (_, d) = catalog("[a]\nname = \"أحمد\"\n\n[b]\nname = \"احمد\"\n", "");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].is_error() && d[0].message.contains("same name"), "{}", d[0]);
        assert_eq!(d[0].location.as_ref().map(|l| (l.line, l.column)), Some((5, 9)));
        // A town and a channel may share a name: that is only ambiguous.
        let (_, d) = Catalog::from_lists(&[
            (Kind::Place, Kind::Place.list_path(), "[mayadin]\nname = \"الميادين\"\n".to_owned()),
            (Kind::Source, Kind::Source.list_path(), "[mayadeen]\nname = \"الميادين\"\n".to_owned()),
        ]);
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
    }

    #[test]
    fn roles_warn_and_function_words_fail() {
        let (_, d) = catalog(
            "[assad]\nname = \"بشار الأسد\"\naliases = [\"الرئيس بشار الأسد\"]\n\n[ali]\nname = \"علي حسن\"\naliases = [\"على\"]\n",
            "",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        let role = d.iter().find(|d| d.message.contains("title")).expect("a role warning");
        assert!(!role.is_error());
        let word = d.iter().find(|d| d.message.contains("common word")).expect("a function-word error");
        assert!(word.is_error() && word.help.as_deref().unwrap_or_default().contains("weak"));
    }

    #[test]
    fn unknown_keys_and_bad_kinds_are_reported() {
        let (_, d) = catalog("[x]\nname = \"س\"\nalias = [\"ص\"]\n", "[y]\nname = \"ي\"\nkind = \"planet\"\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.contains("alias"));
        assert!(d[1].message.contains("planet"));
    }

    /// Issue 11: a list with several mistakes reported only the first.
    #[test]
    fn every_error_of_a_list_is_reported() {
        let people = "[a]\nname = \"ألف\"\nalias = [\"ص\"]\n\n[b]\nname = 3\n\n[c]\naliases = [\"جيم\"]\n\n[d]\nname = \"دال\"\nwikidata = \"x\"\n";
        let (c, d) = catalog(people, "");
        let places: Vec<(usize, &str)> =
            d.iter().map(|d| (d.location.as_ref().map_or(0, |l| l.line), d.message.as_str())).collect();
        assert_eq!(places.len(), 4, "{places:?}");
        assert!(places[0].0 == 3 && places[0].1.contains("unknown key `alias`"), "{places:?}");
        assert!(places[1].0 == 6 && places[1].1.contains("`name` must be text"), "{places:?}");
        assert!(places[2].0 >= 8 && places[2].0 <= 9 && places[2].1.contains("`name` is missing"), "{places:?}");
        assert!(places[3].0 == 13 && places[3].1.contains("Wikidata"), "{places:?}");
        assert!(d.iter().all(|d| d.help.is_some()));
        // Syntax errors too, all of them.
        let (_, d) = catalog("[a]\nname = \"ألف\nx = = 1\n\n[b]\nname = \"باء\"\ny = \n", "");
        assert!(d.len() >= 2, "{d:?}");
        assert!(c.resolve(Kind::Person, "d").is_some(), "the good entries are kept");
    }

    /// Issue 11: `in = "روسيا"` (a name, not a key) resolves as a front-matter
    /// reference does; what names no place gets "did you mean the key …".
    /// Issue 11: loading was quadratic (each entry's line was found by
    /// reading the list from its start; each `in` copied the list): 10,000
    /// people took 26 s in a release build. A debug build reads 10,000 people
    /// and 10,000 places, each `in` the one before, in a few seconds (the
    /// limit leaves room for a busy machine).
    #[test]
    fn loading_is_linear() {
        let mut people = String::new();
        let mut places = String::new();
        for n in 0..10_000 {
            people.push_str(&format!("[p{n}]\nname = \"شخص {n}\"\naliases = [\"الشخص {n}\"]\n\n"));
            let within = if n == 0 { String::new() } else { format!("in = \"c{}\"\n", n - 1) };
            places.push_str(&format!("[c{n}]\nname = \"مكان {n}\"\n{within}\n"));
        }
        let started = std::time::Instant::now();
        let (c, d) = catalog(&people, &places);
        let took = started.elapsed();
        assert!(d.is_empty(), "{:?}", &d[..d.len().min(3)]);
        assert_eq!(c.len(), 20_000);
        let last = c.resolve(Kind::Place, "c9999").expect("the last place");
        assert_eq!(c.get(last).within, c.resolve(Kind::Place, "c9998"));
        assert!(took < std::time::Duration::from_secs(60), "{took:?}");
    }
}
