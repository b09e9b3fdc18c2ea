//! Where a build's files go: a folder on disk (built beside the old one, then
//! swapped in, so a failed build leaves the previous site as it was), memory
//! (the preview server) or nowhere (`check`). Build, serve and check share one
//! rendering path through [`Output`].

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};

/// A sink for the files of a site, written from many threads at once.
pub trait Output: Sync {
    /// Writes `contents` at `path` (relative, `/`-separated).
    fn write(&self, path: &str, contents: &[u8]) -> io::Result<()>;
}

/// Whether `path` stays inside the output folder: relative, no `..`, no root.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\0')
        && !path.contains('\\')
        && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

fn check_path(path: &str) -> io::Result<()> {
    if is_safe_path(path) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: {path:?}"),
        ))
    }
}

/// Writes into a fresh folder next to the destination; [`DiskOutput::commit`]
/// swaps it in.
pub struct DiskOutput {
    destination: PathBuf,
    staging: PathBuf,
}

impl DiskOutput {
    pub fn create(destination: &Path) -> io::Result<DiskOutput> {
        let parent = destination.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name =
            destination.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".to_owned());
        let staging = parent.join(format!(".{name}.fihris-new-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging)?;
        Ok(DiskOutput { destination: destination.to_path_buf(), staging })
    }

    /// Replaces the destination with the new folder.
    pub fn commit(self) -> io::Result<()> {
        let parent = self.staging.parent().unwrap_or(Path::new("."));
        let name = self.destination.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let old = parent.join(format!(".{name}.fihris-old-{}", std::process::id()));
        let had_old = self.destination.exists();
        if had_old {
            if old.exists() {
                std::fs::remove_dir_all(&old)?;
            }
            std::fs::rename(&self.destination, &old)?;
        }
        if let Err(err) = std::fs::rename(&self.staging, &self.destination) {
            if had_old {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&old, &self.destination);
            }
            return Err(err);
        }
        if had_old {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Deletes the new folder; the destination is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

impl Output for DiskOutput {
    fn write(&self, path: &str, contents: &[u8]) -> io::Result<()> {
        check_path(path)?;
        let target = self.staging.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(target, contents)
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

    pub fn remove(&self, path: &str) {
        self.write_lock().remove(path);
    }

    /// Replaces every file with those of `other`.
    pub fn replace_all(&self, other: MemoryOutput) {
        *self.write_lock() = other.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
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
}

/// Discards everything (`check` renders to find template and link errors).
pub struct NullOutput;

impl Output for NullOutput {
    fn write(&self, path: &str, _contents: &[u8]) -> io::Result<()> {
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
    fn a_committed_folder_replaces_the_old_one_and_an_aborted_one_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        std::fs::create_dir_all(&public).expect("mkdir");
        std::fs::write(public.join("old.html"), "old").expect("write");

        let aborted = DiskOutput::create(&public).expect("staging");
        aborted.write("index.html", b"new").expect("write");
        aborted.abort();
        assert!(public.join("old.html").exists());

        let committed = DiskOutput::create(&public).expect("staging");
        committed.write("index.html", b"new").expect("write");
        committed.commit().expect("swap");
        assert!(!public.join("old.html").exists());
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("read"), "new");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }
}
