//! Writing to the entity lists without disturbing them: new entries are
//! appended and new spellings added to an entry's `aliases`, with every
//! comment, blank line and the order of what was there kept (a
//! format-preserving TOML editor, `toml_edit`). Used by `entities suggest
//! --write`, `entities add` and `entities import`; reading the lists for a
//! build stays in `lists.rs`.

use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use super::Kind;
use crate::diagnostics::{Diagnostic, Location};

/// A new entry of a list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEntity {
    pub key: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub weak: Vec<String>,
    pub description: Option<String>,
    pub wikidata: Option<String>,
    /// `kind` in the list: country, city … agency, newspaper ….
    pub subkind: Option<String>,
    /// Comment lines written above the entry (without `#`).
    pub comment: Vec<String>,
}

/// One list, read for editing.
pub struct ListEdit {
    /// The list's path relative to the site.
    pub path: PathBuf,
    full_path: PathBuf,
    document: DocumentMut,
    changed: bool,
}

impl ListEdit {
    /// Reads the list of `kind` under `root` (a missing list is empty).
    pub fn open(root: &Path, kind: Kind) -> Result<ListEdit, Diagnostic> {
        let path = kind.list_path();
        let full_path = root.join(&path);
        let text = match std::fs::read(&full_path) {
            Ok(bytes) => crate::content::decode(&bytes).map_err(|d| d.in_file(&path))?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(err) => return Err(Diagnostic::error(format!("cannot read the list: {err}")).in_file(&path)),
        };
        let document: DocumentMut = text.parse().map_err(|err: toml_edit::TomlError| {
            let location = err.span().map(|span| Location::at(&text, span.start));
            let diagnostic = Diagnostic::error(format!("the list is not valid TOML: {}", err.message()))
                .in_file(&path)
                .with_help("fix the list first (`fihris check` shows where), then run this again");
            match location {
                Some(location) => diagnostic.at(location),
                None => diagnostic,
            }
        })?;
        Ok(ListEdit { path, full_path, document, changed: false })
    }

    pub fn has_key(&self, key: &str) -> bool {
        self.document.contains_key(key)
    }

    /// Appends an entry at the end of the list; false when its key is taken.
    pub fn add_entity(&mut self, entity: &NewEntity) -> bool {
        if self.has_key(&entity.key) {
            return false;
        }
        let mut table = Table::new();
        table.insert("name", Item::Value(entity.name.as_str().into()));
        if !entity.aliases.is_empty() {
            table.insert("aliases", Item::Value(Value::Array(array(&entity.aliases))));
        }
        if !entity.weak.is_empty() {
            table.insert("weak", Item::Value(Value::Array(array(&entity.weak))));
        }
        let optional =
            [("kind", &entity.subkind), ("description", &entity.description), ("wikidata", &entity.wikidata)];
        for (field, value) in optional {
            if let Some(value) = value {
                table.insert(field, Item::Value(value.as_str().into()));
            }
        }
        let comment: String = entity.comment.iter().map(|line| format!("# {line}\n")).collect();
        // A list of comments only keeps them in the document's trailing text,
        // which would end up after the new entry: they go before it instead.
        let separator = if self.document.as_table().is_empty() {
            let leading = self.document.trailing().as_str().unwrap_or("").trim_end().to_owned();
            self.document.set_trailing("");
            if leading.is_empty() { String::new() } else { format!("{leading}\n\n") }
        } else {
            "\n".to_owned()
        };
        table.decor_mut().set_prefix(format!("{separator}{comment}"));
        self.document.insert(&entity.key, Item::Table(table));
        self.changed = true;
        true
    }

    /// Adds `alias` to the `aliases` of entry `key`; false when there is no
    /// such entry or it has the spelling already.
    pub fn add_alias(&mut self, key: &str, alias: &str) -> bool {
        let Some(table) = self.document.get_mut(key).and_then(Item::as_table_mut) else {
            return false;
        };
        let aliases = table.entry("aliases").or_insert(Item::Value(Value::Array(Array::new())));
        let Some(array) = aliases.as_array_mut() else { return false };
        if array.iter().any(|v| v.as_str() == Some(alias)) {
            return false;
        }
        array.push(alias);
        self.changed = true;
        true
    }

    /// Writes the list back if anything changed: to a temporary file beside
    /// it, then renamed over it, so that a failure leaves the list as it was.
    pub fn save(&self) -> Result<bool, Diagnostic> {
        if !self.changed {
            return Ok(false);
        }
        let write = || -> std::io::Result<()> {
            if let Some(parent) = self.full_path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let temporary = self.full_path.with_extension("toml.tmp");
            std::fs::write(&temporary, self.document.to_string())?;
            std::fs::rename(&temporary, &self.full_path)
        };
        write().map_err(|err| {
            Diagnostic::error(format!("cannot write the list: {err}"))
                .in_file(&self.path)
                .with_help("check that the folder is writable; the list was left as it was")
        })?;
        Ok(true)
    }
}

fn array(values: &[String]) -> Array {
    values.iter().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# People of the archive.\n\n[putin]\nname = \"فلاديمير بوتين\"   # the president\naliases = [\"بوتين\"]\n\n# Syria\n[assad]\nname = \"بشار الأسد\"\n";

    fn edit(text: &str) -> (tempfile::TempDir, ListEdit) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(Kind::Person.list_path());
        std::fs::create_dir_all(path.parent().expect("content/")).expect("content/");
        std::fs::write(&path, text).expect("the list");
        let edit = ListEdit::open(dir.path(), Kind::Person).expect("a valid list");
        (dir, edit)
    }

    #[test]
    fn appending_keeps_comments_and_order() {
        let (dir, mut list) = edit(LIST);
        let entity = NewEntity {
            key: "نتنياهو".into(),
            name: "بنيامين نتنياهو".into(),
            aliases: vec!["نتنياهو".into()],
            wikidata: Some("Q43723".into()),
            comment: vec!["person: 12 mentions in 5 articles".into()],
            ..NewEntity::default()
        };
        assert!(list.add_entity(&entity));
        assert!(!list.add_entity(&NewEntity { key: "putin".into(), name: "x".into(), ..NewEntity::default() }));
        assert!(list.add_alias("putin", "بوتن"));
        assert!(!list.add_alias("putin", "بوتن"));
        assert!(list.add_alias("assad", "الأسد"));
        assert!(!list.add_alias("nobody", "x"));
        assert!(list.save().expect("written"));
        let written = std::fs::read_to_string(dir.path().join(Kind::Person.list_path())).expect("the list");
        assert_eq!(
            written,
            "# People of the archive.\n\n[putin]\nname = \"فلاديمير بوتين\"   # the president\naliases = [\"بوتين\", \"بوتن\"]\n\n# Syria\n[assad]\nname = \"بشار الأسد\"\naliases = [\"الأسد\"]\n\n# person: 12 mentions in 5 articles\n[\"نتنياهو\"]\nname = \"بنيامين نتنياهو\"\naliases = [\"نتنياهو\"]\nwikidata = \"Q43723\"\n"
        );
        // What was written reads back as a list.
        let (catalog, problems) = crate::entities::Catalog::load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(catalog.len(), 3);
    }

    #[test]
    fn a_list_of_comments_only_keeps_them_first() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(Kind::Place.list_path());
        std::fs::create_dir_all(path.parent().expect("content/")).expect("content/");
        std::fs::write(&path, "# Places.\n").expect("the list");
        let mut list = ListEdit::open(dir.path(), Kind::Place).expect("a valid list");
        assert!(list.add_entity(&NewEntity { key: "damascus".into(), name: "دمشق".into(), ..NewEntity::default() }));
        list.save().expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("the list"), "# Places.\n\n[damascus]\nname = \"دمشق\"\n");
    }

    #[test]
    fn a_missing_list_is_created_and_a_broken_one_is_an_error() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut list = ListEdit::open(dir.path(), Kind::Place).expect("an empty list");
        assert!(list.add_entity(&NewEntity { key: "damascus".into(), name: "دمشق".into(), ..NewEntity::default() }));
        list.save().expect("written");
        let written = std::fs::read_to_string(dir.path().join(Kind::Place.list_path())).expect("the list");
        assert_eq!(written, "[damascus]\nname = \"دمشق\"\n");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(Kind::Person.list_path());
        std::fs::create_dir_all(path.parent().expect("content/")).expect("content/");
        std::fs::write(&path, "[putin\nname = 1\n").expect("the list");
        let Err(error) = ListEdit::open(dir.path(), Kind::Person) else { panic!("a broken list opened") };
        assert_eq!(error.location.as_ref().map(|l| l.line), Some(1));
    }
}
