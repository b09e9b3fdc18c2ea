//! Where a build's files go: a folder on disk, memory (the preview server) or
//! nowhere (`check`). Build, serve and check share one rendering path through
//! [`Output`].
//!
//! On disk, a failed build leaves the previous site as it was. A build that
//! writes the whole site builds it in a fresh folder beside the old one and
//! swaps the two. A build that changes a few files of a site fihris wrote
//! before (its marker says which build) writes them beside the site, then
//! moves them in by a journal: the list of moves is written first, so that a
//! build killed while moving is completed by the next one. A folder on disk
//! is written only when fihris wrote it (it holds [`MARKER`]) or it is empty,
//! and never when it is the site's own: see [`DiskOutput::fresh`].

mod disk;
mod journal;
mod refusal;

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path};
use std::sync::{Arc, RwLock};

pub use disk::{DiskOutput, MARKER, Replace, is_full};

/// A sink for the files of a site, written from many threads at once.
pub trait Output: Sync {
    /// Writes `contents` at `path` (relative, `/`-separated).
    fn write(&self, path: &str, contents: &[u8]) -> io::Result<()>;
    /// Writes at `path` what `fill` writes, unless its content hash
    /// ([`crate::plan::content_hash`]) is `unchanged` (the file is as it
    /// was); returns the hash and whether the file was written. For a file
    /// too big to be held whole before it is written: held whole here, a
    /// disk output streams it.
    fn write_streamed(
        &self,
        path: &str,
        unchanged: Option<u64>,
        fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<(u64, bool)> {
        let mut contents = Vec::new();
        fill(&mut contents)?;
        let hash = crate::plan::content_hash(&contents);
        let write = unchanged != Some(hash);
        if write {
            self.write(path, &contents)?;
        }
        Ok((hash, write))
    }
    /// Deletes the file at `path`, which the site no longer has.
    fn remove(&self, path: &str) -> io::Result<()>;
}

/// A writer that hashes and counts what goes through it.
pub(crate) struct Hashing<W> {
    pub inner: W,
    pub hash: xxhash_rust::xxh3::Xxh3,
    pub length: u64,
}

impl<W> Hashing<W> {
    pub fn new(inner: W) -> Hashing<W> {
        Hashing { inner, hash: xxhash_rust::xxh3::Xxh3::new(), length: 0 }
    }
}

impl<W: io::Write> io::Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.hash.update(&bytes[..n]);
        self.length += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether `path` stays inside the output folder: relative, no `..`, no root.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\0')
        && !path.contains('\\')
        && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// A path as a case-insensitive file system that ignores Unicode
/// normalization (macOS, Windows) sees it: two paths with one fold are one
/// file there, even where they are two on Linux.
pub fn fold_path(path: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    path.nfc().flat_map(char::to_lowercase).nfc().collect()
}

pub(crate) fn check_path(path: &str) -> io::Result<()> {
    if is_safe_path(path) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: {path:?}"),
        ))
    }
}
/// Keeps the files in memory, readable while they are written (the preview
/// server answers requests from it while it rebuilds).
#[derive(Default)]
pub struct MemoryOutput {
    files: RwLock<BTreeMap<String, Arc<[u8]>>>,
}

impl MemoryOutput {
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        self.read().get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.read().contains_key(path)
    }

    pub fn paths(&self) -> Vec<String> {
        self.read().keys().cloned().collect()
    }

    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        let files = self.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.into_iter().map(|(path, bytes)| (path, bytes.to_vec())).collect()
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<String, Arc<[u8]>>> {
        self.files.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write_lock(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<String, Arc<[u8]>>> {
        self.files.write().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Output for MemoryOutput {
    fn write(&self, path: &str, contents: &[u8]) -> io::Result<()> {
        check_path(path)?;
        self.write_lock().insert(path.to_owned(), Arc::from(contents));
        Ok(())
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        self.write_lock().remove(path);
        Ok(())
    }
}

/// Discards everything (`check` renders to find template and link errors).
pub struct NullOutput;

impl Output for NullOutput {
    fn write(&self, path: &str, _contents: &[u8]) -> io::Result<()> {
        check_path(path)
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        check_path(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_refused() {
        for path in ["../x", "/etc/passwd", "a/../../b", "", "a\0b", "a\\..\\b", "./x"] {
            assert!(!is_safe_path(path), "{path:?}");
            assert!(MemoryOutput::default().write(path, b"x").is_err(), "{path:?}");
        }
        assert!(is_safe_path("articles/x/index.html"));
        assert!(is_safe_path(".nojekyll"));
    }

    #[test]
    fn folded_paths_ignore_case_and_normalization() {
        assert_eq!(fold_path("Articles/Cafe\u{301}/"), fold_path("articles/caf\u{e9}/"));
        assert_eq!(fold_path("ÉTÉ.html"), "été.html");
        assert_ne!(fold_path("articles/a/"), fold_path("articles/b/"));
    }
}
