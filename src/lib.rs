//! fihris (فهرس, "index"): a static site generator for Arabic news archives.
//!
//! A build is a pipeline of plain values, each step in its own module:
//! [`config`], [`content`] and [`entities`] load the site; [`analysis`] reads
//! each article once (who it names, its summary, its search terms); [`index`]
//! cross-links them into a [`site`]; [`plan`] lists every file with a
//! fingerprint of what it shows; [`render`] makes the files that changed and
//! [`output`] writes them. [`build`] runs the steps in order for `build`,
//! `check` and `serve`; [`cache`] remembers a build for the next.

pub mod analysis;
pub mod arabic;
pub mod build;
pub mod cache;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod entities;
pub mod import;
pub mod index;
pub mod output;
pub mod parse;
pub mod plan;
pub mod render;
pub mod serve;
pub mod site;
pub mod stories;
pub mod suggest;
pub mod timeline;
pub mod urls;
