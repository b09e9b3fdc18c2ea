//! The places that contain places: each place's `in` (a key, or a name or
//! alias only one place has, as in front matter) resolved once every list is
//! read, unknown places and cycles reported where they are written.

use std::path::Path;

use super::catalog::{Catalog, Entity, EntityId, Kind, spelling_key};
use crate::diagnostics::{Diagnostic, Location};

/// A place's `in` as written, with where.
pub(super) struct PendingWithin<'a> {
    pub place: EntityId,
    pub written: String,
    pub path: &'a Path,
    pub location: Location,
}

impl Catalog {
    /// Resolves `in` of places as front matter resolves a reference (a key,
    /// or a name or alias only one place has), rejecting unknown places and
    /// cycles.
    pub(super) fn resolve_within(&mut self, pending: Vec<PendingWithin>, diagnostics: &mut Vec<Diagnostic>) {
        for PendingWithin { place, written, path, location } in pending {
            match self.resolve(Kind::Place, &written) {
                Some(parent) if parent == place => diagnostics.push(
                    Diagnostic::error(format!("[{}] is `in` itself", self.entities[place as usize].key))
                        .in_file(path)
                        .at(location)
                        .with_help("point `in` at the place that contains this one"),
                ),
                Some(parent) => self.entities[place as usize].within = Some(parent),
                None => diagnostics.push(
                    Diagnostic::error(format!("unknown place {written:?} in `in`"))
                        .in_file(path)
                        .at(location)
                        .with_help(self.place_hint(&written)),
                ),
            }
        }
        self.break_cycles(diagnostics);
    }

    /// What to write in `in` instead of `written`, which names no one place.
    fn place_hint(&self, written: &str) -> String {
        const WHAT: &str = "`in` takes the key (or the name) of another place in places.toml";
        let places = || self.entities.iter().filter(|e| e.kind == Kind::Place);
        let written_key = spelling_key(written);
        let named: Vec<&str> = places()
            .filter(|e| e.spellings.iter().any(|s| spelling_key(&s.text) == written_key))
            .map(|e| e.key.as_str())
            .collect();
        if named.len() > 1 {
            return format!(
                "{written:?} is a name of several places ([{}]): write the key of the one you mean",
                named.join("], [")
            );
        }
        let near_key = crate::diagnostics::closest(written, places().map(|e| e.key.as_str()));
        let near_name = || {
            let names: Vec<(String, &str)> = places().map(|e| (spelling_key(&e.name), e.key.as_str())).collect();
            let near = crate::diagnostics::closest(&written_key, names.iter().map(|(name, _)| name.as_str()))?;
            names.iter().find(|(name, _)| name == near).map(|&(_, key)| key)
        };
        match near_key.or_else(near_name) {
            Some(key) => format!("did you mean the key `{key}`? {WHAT}"),
            None => format!("{WHAT}; add that place first"),
        }
    }

    /// Finds places that contain themselves through their `in`s, in one pass
    /// over the chains: each is reported at the place whose `in` closes the
    /// circle, and that `in` is dropped.
    fn break_cycles(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        #[derive(Clone, Copy, PartialEq)]
        enum Seen {
            Not,
            OnPath,
            Done,
        }
        let mut seen = vec![Seen::Not; self.entities.len()];
        let mut path = Vec::new();
        for start in 0..self.entities.len() {
            let mut current = Some(start as EntityId);
            while let Some(id) = current {
                match seen[id as usize] {
                    Seen::Done => break,
                    Seen::OnPath => {
                        let closing = *path.last().expect("a place on the path leads here");
                        let entity: &mut Entity = &mut self.entities[closing as usize];
                        diagnostics.push(
                            Diagnostic::error(format!("the places containing [{}] form a cycle", entity.key))
                                .in_file(entity.kind.list_path())
                                .at(entity.location.clone())
                                .with_help(
                                    "a place cannot be inside a place that it contains; fix one of the `in` lines",
                                ),
                        );
                        entity.within = None;
                        break;
                    }
                    Seen::Not => {
                        seen[id as usize] = Seen::OnPath;
                        path.push(id);
                        current = self.entities[id as usize].within;
                    }
                }
            }
            for id in path.drain(..) {
                seen[id as usize] = Seen::Done;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lists::tests::catalog;
    use super::*;

    #[test]
    fn within_must_exist_and_not_cycle() {
        let places = "[a]\nname = \"ألف\"\nin = \"b\"\n\n[b]\nname = \"باء\"\nin = \"a\"\n\n[c]\nname = \"جيم\"\nin = \"syira\"\n\n[syria]\nname = \"سوريا\"\n";
        let (c, d) = catalog("", places);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("unknown place \"syira\"")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("cycle")), "{messages:?}");
        assert!(d.iter().any(|d| d.help.as_deref().unwrap_or_default().contains("the key `syria`")));
        assert!(c.ids().all(|id| c.get(id).within != Some(id)));
    }

    #[test]
    fn within_takes_a_name_like_front_matter() {
        let places = "[russia]\nname = \"روسيا\"\naliases = [\"روسيا الاتحادية\"]\n\n[moscow]\nname = \"موسكو\"\nin = \"روسيا\"\n\n[kazan]\nname = \"قازان\"\nin = \"روسيا الإتحادية\"\n\n[sochi]\nname = \"سوتشي\"\nin = \"روسيه\"\n\n[omsk]\nname = \"أومسك\"\nin = \"rusia\"\n";
        let (c, d) = catalog("", places);
        let russia = c.resolve(Kind::Place, "russia").expect("russia");
        for city in ["moscow", "kazan"] {
            let id = c.resolve(Kind::Place, city).expect("a city");
            assert_eq!(c.get(id).within, Some(russia), "{city}");
        }
        assert_eq!(d.len(), 2, "{d:?}");
        for problem in &d {
            assert!(
                problem.help.as_deref().unwrap_or_default().contains("did you mean the key `russia`?"),
                "{problem}"
            );
        }
    }
}
