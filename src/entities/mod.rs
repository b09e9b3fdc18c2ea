//! The people, places and sources of a site: their lists ([`Catalog`]) and the
//! [`Matcher`] that finds their names in text.

pub mod catalog;
mod lists;
pub mod matcher;

pub use catalog::{Catalog, Entity, EntityId, Kind};
pub use matcher::Matcher;
