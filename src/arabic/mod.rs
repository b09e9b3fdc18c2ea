//! The Arabic rules of ARABIC.md as pure functions of strings: the matching key,
//! words and proclitics, collation, dates and slugs. Each is table-tested with
//! real inputs, most of them from the seed articles.

pub mod collate;
pub mod dates;
pub mod normalize;
pub mod plural;
pub mod slug;
pub mod stopwords;
pub mod tokens;

pub use normalize::key;
