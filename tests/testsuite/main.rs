//! Integration tests: small fixture sites under `fixtures/`, built through the
//! library (into memory) or the `fihris` binary (into a temp folder).

mod browser;
mod build;
mod demo;
mod errors;
mod harness;
mod import;
mod incremental;
mod layout;
mod live_reload;
mod properties;
mod urls;
