//! The people, places and sources of a site as the rest of the build sees
//! them: a [`Catalog`] of [`Entity`] values, found by key or by a spelling
//! only one of them has. Reading and checking the lists is in `lists.rs`.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::arabic::tokens::Words;
use crate::content::{CONTENT_DIR, Located};
use crate::diagnostics::Location;

/// Index of an entity in [`Catalog::entities`].
pub type EntityId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Person, Kind::Place, Kind::Source];

    /// The URL section and list file stem: `people`, `places`, `sources`.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Person => "people",
            Kind::Place => "places",
            Kind::Source => "sources",
        }
    }

    /// The plural heading shown on pages.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Person => "الأشخاص",
            Kind::Place => "الأماكن",
            Kind::Source => "المصادر",
        }
    }

    pub(super) fn allowed_kinds(self) -> &'static [&'static str] {
        match self {
            Kind::Person => &[],
            Kind::Place => &["country", "city", "region", "site"],
            Kind::Source => &["agency", "newspaper", "channel", "website", "think-tank"],
        }
    }

    pub fn list_path(self) -> PathBuf {
        Path::new(CONTENT_DIR).join(format!("{}.toml", self.section()))
    }
}

/// A spelling of an entity's name that the matcher looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    pub text: String,
    /// Counts only where a non-weak spelling of the same entity is in the article.
    pub weak: bool,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Kind,
    pub key: String,
    /// The URL segment made from the key.
    pub slug: String,
    pub name: String,
    /// Every spelling, the name first.
    pub spellings: Vec<Spelling>,
    pub description: Option<String>,
    pub wikidata: Option<String>,
    /// `kind` in the list: country, city, agency, channel …
    pub subkind: Option<String>,
    /// The place that contains this one.
    pub within: Option<EntityId>,
    pub url: Option<String>,
    /// What the indexes sort by, when not the name.
    pub sort: Option<String>,
    /// Old page paths (`old/path/` or `old.html`) that redirect to its page.
    pub old_paths: Vec<Located<String>>,
    /// Where the entry starts in its list.
    pub location: Location,
}

impl Entity {
    /// The spellings other than the name, for pages and data.
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.spellings.iter().skip(1).map(|s| s.text.as_str()).filter(move |s| *s != self.name)
    }
}

/// All entities of a site.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    pub entities: Vec<Entity>,
    pub(super) by_key: FxHashMap<(Kind, String), EntityId>,
    /// Key of every spelling (words joined by one space) → who claims it.
    pub(super) by_spelling: FxHashMap<String, Vec<EntityId>>,
}

/// Joins the word keys of a spelling with single spaces.
pub fn spelling_key(text: &str) -> String {
    let words = Words::of(text);
    let keys: Vec<&str> = words.iter().map(|(_, k)| k).collect();
    keys.join(" ")
}

impl Catalog {
    pub fn get(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = EntityId> + '_ {
        (0..self.entities.len()).map(|i| i as EntityId)
    }

    pub fn keys_of(&self, kind: Kind) -> Vec<String> {
        self.entities.iter().filter(|e| e.kind == kind).map(|e| e.key.clone()).collect()
    }

    /// Finds an entity of `kind` by its key, or by its name or an alias that
    /// only it has.
    pub fn resolve(&self, kind: Kind, reference: &str) -> Option<EntityId> {
        let reference = reference.trim();
        if let Some(&id) = self.by_key.get(&(kind, reference.to_owned())) {
            return Some(id);
        }
        let claimants = self.by_spelling.get(&spelling_key(reference))?;
        self.sole(kind, claimants.iter().copied())
    }

    /// The entities that claim a spelling (any of its written forms).
    pub fn claimants(&self, spelling: &str) -> &[EntityId] {
        self.by_spelling.get(&spelling_key(spelling)).map_or(&[], Vec::as_slice)
    }

    /// The one entity of `kind` among `claimants` of a spelling, if exactly one.
    pub fn sole(&self, kind: Kind, claimants: impl IntoIterator<Item = EntityId>) -> Option<EntityId> {
        let mut of_kind = claimants.into_iter().filter(|&id| self.get(id).kind == kind);
        match (of_kind.next(), of_kind.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    fn catalog(people: &str, places: &str) -> (Catalog, Vec<Diagnostic>) {
        Catalog::from_lists(&[
            (Kind::Person, Kind::Person.list_path(), people.to_owned()),
            (Kind::Place, Kind::Place.list_path(), places.to_owned()),
        ])
    }

    #[test]
    fn resolves_keys_names_and_aliases() {
        let (c, d) = catalog(
            "[putin]\nname = \"فلاديمير بوتين\"\naliases = [\"بوتين\", \"بوتن\"]\n",
            "[moscow]\nname = \"موسكو\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let putin = c.resolve(Kind::Person, "putin").expect("by key");
        assert_eq!(c.resolve(Kind::Person, "بوتن"), Some(putin));
        assert_eq!(c.resolve(Kind::Person, "فلاديمير بُوتين"), Some(putin));
        assert_eq!(c.resolve(Kind::Place, "putin"), None);
        assert_eq!(c.get(putin).aliases().collect::<Vec<_>>(), ["بوتين", "بوتن"]);
    }
}
