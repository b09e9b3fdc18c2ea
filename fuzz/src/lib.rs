//! What the fuzz targets share: the demo site's entity lists as a catalog,
//! so names the fuzzer finds or builds meet a realistic matcher.

use std::path::PathBuf;

use fihris::entities::{Catalog, Kind};

/// The entity lists of the demo site at the top of the repository.
pub fn demo_catalog() -> Catalog {
    let lists = [
        (Kind::Person, include_str!("../../content/people.toml")),
        (Kind::Place, include_str!("../../content/places.toml")),
        (Kind::Source, include_str!("../../content/sources.toml")),
    ];
    let lists: Vec<(Kind, PathBuf, String)> =
        lists.into_iter().map(|(kind, text)| (kind, kind.list_path(), text.to_owned())).collect();
    Catalog::from_lists(&lists).0
}
