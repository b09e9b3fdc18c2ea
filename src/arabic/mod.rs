//! The Arabic rules of docs/arabic.md as pure functions of strings: the matching key,
//! words and proclitics, sentences, compound spacing, cue words, nisba
//! adjectives, collation, dates and slugs. Each is table-tested with
//! real inputs, most of them from the seed articles.

pub mod collate;
pub mod cues;
pub mod dates;
pub mod nisba;
pub mod normalize;
pub mod plural;
pub mod sentences;
pub mod slug;
pub mod spacing;
pub mod speech;
pub mod stopwords;
pub mod tokens;

pub use normalize::key;
