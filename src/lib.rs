//! fihris (فهرس, "index"): a static site generator for Arabic news archives.
//!
//! A build is a pipeline of plain values, each step in its own module:
//! [`config`] and [`content`] and [`entities`] load the site, [`mentions`] finds
//! who each article names, [`index`] cross-links them, [`render`] makes the
//! pages and [`output`] writes them. [`site`] runs the steps in order.

pub mod arabic;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod entities;
pub mod import;
pub mod index;
pub mod mentions;
pub mod output;
pub mod parse;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod suggest;
