//! Integration tests: small fixture sites under `fixtures/`, built through the
//! library (into memory) or the `fihris` binary (into a temp folder).

mod bad_files;
mod browser;
mod build;
mod data;
mod demo;
mod entities;
mod errors;
mod faults;
mod feeds;
mod fuzz_regressions;
mod harness;
mod heldout;
mod hostile;
mod import;
mod import_pages;
mod incremental;
mod init;
mod layout;
mod live_reload;
mod metadata;
mod output_folder;
mod preview;
mod properties;
mod quotes;
mod redirects;
mod search;
mod search_page;
mod stories;
mod urls;
