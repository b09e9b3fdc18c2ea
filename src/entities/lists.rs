//! Reading the entity lists `content/{people,places,sources}.toml` into a
//! [`Catalog`], and checking what the matcher relies on: no spelling claimed
//! by two entities, no role title or function word as an alias, `in`
//! pointing at a known place without cycles. Every problem names its list,
//! line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::catalog::{Catalog, Entity, EntityId, Kind, Spelling, spelling_key};
use crate::arabic::{key, slug::slugify};
use crate::content::{Located, old_path};
use crate::diagnostics::{Diagnostic, Location};

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
/// not a person (ARABIC.md §2, "Roles are not aliases").
const TITLE_WORDS: [&str; 7] = ["الرئيس", "رئيس", "وزير", "الملك", "الأمير", "المتحدث", "السفير"];

impl Catalog {
    /// Reads the three lists under `ROOT/content`; a missing list is empty.
    pub fn load(root: &Path) -> (Catalog, Vec<Diagnostic>) {
        let mut lists = Vec::new();
        let mut diagnostics = Vec::new();
        for kind in Kind::ALL {
            let path = kind.list_path();
            match crate::content::read_limited(&root.join(&path), crate::content::MAX_ARTICLE_BYTES) {
                Ok(None) => diagnostics.push(crate::content::too_large(&path)),
                Ok(Some(bytes)) => match crate::content::decode(&bytes) {
                    Ok(text) => lists.push((kind, path, text)),
                    Err(d) => diagnostics.push(d.in_file(&path)),
                },
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => diagnostics.push(Diagnostic::error(format!("cannot read the list: {err}")).in_file(&path)),
            }
        }
        let (catalog, more) = Catalog::from_lists(&lists);
        diagnostics.extend(more);
        (catalog, diagnostics)
    }

    /// Builds a catalog from `(kind, path, text)` of each list.
    pub fn from_lists(lists: &[(Kind, PathBuf, String)]) -> (Catalog, Vec<Diagnostic>) {
        let mut catalog = Catalog::default();
        let mut diagnostics = Vec::new();
        let mut pending_within = Vec::new();
        for (kind, path, text) in lists {
            // One error in a list stops that list only; the other lists are still read.
            let entries: BTreeMap<String, RawEntity> = match crate::parse::toml(path, text, text, 0) {
                Ok(entries) => entries,
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            };
            for (entity_key, entry) in entries {
                let entity_key = entity_key.as_str();
                let location = locate_table(text, entity_key);
                if let Some((entity, within)) =
                    catalog.check_entry(*kind, path, text, entity_key, entry, location, &mut diagnostics)
                {
                    let id = catalog.entities.len() as EntityId;
                    if let Some(within) = within {
                        pending_within.push((id, within, path.clone(), text.clone()));
                    }
                    catalog.by_key.insert((*kind, entity.key.clone()), id);
                    catalog.entities.push(entity);
                }
            }
        }
        catalog.index_spellings(lists, &mut diagnostics);
        catalog.resolve_within(pending_within, &mut diagnostics);
        (catalog, diagnostics)
    }

    #[allow(clippy::too_many_arguments)]
    fn check_entry(
        &self,
        kind: Kind,
        path: &Path,
        text: &str,
        entity_key: &str,
        raw: RawEntity,
        location: Location,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<(Entity, Option<Spanned<String>>)> {
        let at = |span: std::ops::Range<usize>| Location::at(text, span.start);
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
        Some((entity, raw.within))
    }

    /// Records who claims each spelling. A spelling claimed by several entities
    /// (two people with one family name, a town and a channel called الميادين)
    /// is ambiguous: the matcher counts it only where the article names exactly
    /// one of the claimants otherwise. Two entities of one kind with the same
    /// name cannot be told apart anywhere, which is an error.
    fn index_spellings(&mut self, lists: &[(Kind, PathBuf, String)], diagnostics: &mut Vec<Diagnostic>) {
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
                let spelling = entity
                    .spellings
                    .iter()
                    .find(|s| self::spelling_key(&s.text) == *spelling_key)
                    .map_or("", |s| s.text.as_str());
                let (_, path, text) =
                    lists.iter().find(|(k, _, _)| *k == entity.kind).expect("entities come from the lists");
                let location = locate_spelling(text, &entity.key, spelling).unwrap_or_else(|| entity.location.clone());
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
                            .in_file(path)
                            .at(location)
                            .with_help("their pages could not be told apart; add what distinguishes them to one name, or merge them"),
                    );
                } else if !(acknowledged(first) && acknowledged(entity)) {
                    diagnostics.push(
                        Diagnostic::warning(format!("{spelling:?} is claimed by two entities: {claimants}"))
                            .in_file(path)
                            .at(location)
                            .with_help("it will count only in articles that name one of them in another way; if that is intended, list it under `weak` in both to silence this, otherwise remove it from one"),
                    );
                }
            }
        }
    }

    /// Resolves `in = "KEY"` of places, rejecting unknown keys and cycles.
    fn resolve_within(
        &mut self,
        pending: Vec<(EntityId, Spanned<String>, PathBuf, String)>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for (id, within, path, text) in pending {
            let location = Location::at(&text, within.span().start);
            match self.by_key.get(&(Kind::Place, within.get_ref().clone())) {
                Some(&parent) if parent == id => diagnostics.push(
                    Diagnostic::error(format!("[{}] is `in` itself", self.entities[id as usize].key))
                        .in_file(&path)
                        .at(location)
                        .with_help("point `in` at the place that contains this one"),
                ),
                Some(&parent) => self.entities[id as usize].within = Some(parent),
                None => {
                    let keys = self.keys_of(Kind::Place);
                    let help = match crate::diagnostics::closest(within.get_ref(), keys.iter().map(String::as_str)) {
                        Some(near) => {
                            format!("did you mean \"{near}\"? `in` takes the key of another place in places.toml")
                        }
                        None => "`in` takes the key of another place in places.toml; add that place first".to_owned(),
                    };
                    diagnostics.push(
                        Diagnostic::error(format!("unknown place {:?} in `in`", within.get_ref()))
                            .in_file(&path)
                            .at(location)
                            .with_help(help),
                    );
                }
            }
        }
        for id in 0..self.entities.len() {
            let mut seen = vec![id as EntityId];
            let mut current = self.entities[id].within;
            while let Some(parent) = current {
                if seen.contains(&parent) {
                    let entity = &self.entities[id];
                    diagnostics.push(
                        Diagnostic::error(format!("the places containing [{}] form a cycle", entity.key))
                            .in_file(entity.kind.list_path())
                            .at(entity.location.clone())
                            .with_help("a place cannot be inside a place that it contains; fix one of the `in` lines"),
                    );
                    self.entities[id].within = None;
                    break;
                }
                seen.push(parent);
                current = self.entities[parent as usize].within;
            }
        }
    }
}

/// The line of `[key]` in a list.
fn locate_table(text: &str, entity_key: &str) -> Location {
    let candidates = [format!("[{entity_key}]"), format!("[\"{entity_key}\"]"), format!("['{entity_key}']")];
    let offset = text
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line.trim()))
        })
        .find(|(_, line)| candidates.iter().any(|c| line.starts_with(c.as_str())))
        .map_or(0, |(start, _)| start);
    Location::at(text, offset)
}

/// Where `spelling` is written inside the entry `[key]`.
fn locate_spelling(text: &str, entity_key: &str, spelling: &str) -> Option<Location> {
    let table = locate_table(text, entity_key);
    let start: usize = text.lines().take(table.line - 1).map(|l| l.len() + 1).sum();
    let found = text[start..].find(&format!("\"{spelling}\""))?;
    Some(Location::at(text, start + found + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(people: &str, places: &str) -> (Catalog, Vec<Diagnostic>) {
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
    fn within_must_exist_and_not_cycle() {
        let places = "[a]\nname = \"ألف\"\nin = \"b\"\n\n[b]\nname = \"باء\"\nin = \"a\"\n\n[c]\nname = \"جيم\"\nin = \"syira\"\n\n[syria]\nname = \"سوريا\"\n";
        let (c, d) = catalog("", places);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("unknown place \"syira\"")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("cycle")), "{messages:?}");
        assert!(d.iter().any(|d| d.help.as_deref().unwrap_or_default().contains("\"syria\"")));
        assert!(c.ids().all(|id| c.get(id).within != Some(id)));
    }

    #[test]
    fn unknown_keys_and_bad_kinds_are_reported() {
        let (_, d) = catalog("[x]\nname = \"س\"\nalias = [\"ص\"]\n", "[y]\nname = \"ي\"\nkind = \"planet\"\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.contains("alias"));
        assert!(d[1].message.contains("planet"));
    }
}
