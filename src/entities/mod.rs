//! The people, places and sources of a site: their lists ([`Catalog`]), the
//! [`Matcher`] that finds their names in text, and the editing of the lists
//! by `entities suggest --write`, `add` and `import` ([`edit`], [`wikidata`]).

pub mod catalog;
pub mod edit;
mod lists;
pub mod matcher;
pub mod wikidata;
mod within;

pub use catalog::{Catalog, Entity, EntityId, Kind};
pub use matcher::Matcher;
