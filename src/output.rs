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

/// A path as a case-insensitive file system that ignores Unicode
/// normalization (macOS, Windows) sees it: two paths with one fold are one
/// file there, even where they are two on Linux.
pub fn fold_path(path: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    path.nfc().flat_map(char::to_lowercase).nfc().collect()
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
/// swaps it in. A build killed at any moment leaves the destination as it was
/// (or, after the swap, the new site): on Linux the two folders trade places
/// in one atomic rename; elsewhere, a destination caught between two renames
/// is put back by the next build.
pub struct DiskOutput {
    destination: PathBuf,
    staging: PathBuf,
}

/// The two kinds of folder a build leaves beside the destination while it runs.
const STAGING_MARK: &str = "fihris-new";
const OLD_MARK: &str = "fihris-old";

impl DiskOutput {
    pub fn create(destination: &Path) -> io::Result<DiskOutput> {
        let parent = parent_of(destination);
        std::fs::create_dir_all(parent).map_err(|err| in_folder(err, parent))?;
        if destination.exists() && !destination.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is a file, not a folder; the site is written into a folder", destination.display()),
            ));
        }
        recover_leftovers(destination, parent)?;
        let staging = sibling(destination, STAGING_MARK, std::process::id());
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging).map_err(|err| in_folder(err, parent))?;
        Ok(DiskOutput { destination: destination.to_path_buf(), staging })
    }

    /// Replaces the destination with the new folder.
    pub fn commit(self) -> io::Result<()> {
        if !self.destination.exists() {
            return std::fs::rename(&self.staging, &self.destination);
        }
        if exchange(&self.staging, &self.destination).is_ok() {
            // The staging path now holds the previous site; deleting it is
            // tidying only, and a later build finishes it if this one cannot.
            let _ = std::fs::remove_dir_all(&self.staging);
            return Ok(());
        }
        let old = sibling(&self.destination, OLD_MARK, std::process::id());
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        std::fs::rename(&self.destination, &old)?;
        if let Err(err) = std::fs::rename(&self.staging, &self.destination) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, &self.destination);
            return Err(err);
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }

    /// Deletes the new folder; the destination is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

fn parent_of(destination: &Path) -> &Path {
    destination.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// `.NAME.MARK-PID` beside `destination`.
fn sibling(destination: &Path, mark: &str, pid: u32) -> PathBuf {
    let name = destination.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".to_owned());
    parent_of(destination).join(format!(".{name}.{mark}-{pid}"))
}

/// An error creating something in `folder`, saying which folder.
fn in_folder(err: io::Error, folder: &Path) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", folder.display()))
}

/// Tidies up after builds that were killed: a destination left between the
/// two renames of [`DiskOutput::commit`] is put back, and the folders of
/// builds that are no longer running are deleted.
fn recover_leftovers(destination: &Path, parent: &Path) -> io::Result<()> {
    let Some(name) = destination.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Ok(()) };
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else { continue };
        let Some((mark, pid)) = rest.rsplit_once('-') else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if mark == OLD_MARK && !destination.exists() {
            std::fs::rename(entry.path(), destination)?;
        } else if (mark == STAGING_MARK || mark == OLD_MARK) && pid != std::process::id() && !is_running(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

/// Whether process `pid` still runs; where that cannot be told, it is taken
/// to run, so that its folders are left alone.
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Trades the places of two folders in one step, where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no atomic exchange"))
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
    fn folded_paths_ignore_case_and_normalization() {
        assert_eq!(fold_path("Articles/Cafe\u{301}/"), fold_path("articles/caf\u{e9}/"));
        assert_eq!(fold_path("ÉTÉ.html"), "été.html");
        assert_ne!(fold_path("articles/a/"), fold_path("articles/b/"));
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

    #[test]
    fn a_destination_caught_between_two_renames_is_put_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let old = sibling(&public, OLD_MARK, 999_999_999);
        let stale = sibling(&public, STAGING_MARK, 999_999_998);
        for folder in [&old, &stale] {
            std::fs::create_dir_all(folder).expect("mkdir");
        }
        std::fs::write(old.join("index.html"), "previous").expect("write");
        let output = DiskOutput::create(&public).expect("staging");
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("put back"), "previous");
        assert!(!old.exists() && !stale.exists());
        output.abort();
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "only public/ remains");
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("public");
        std::fs::write(&file, "x").expect("write");
        let err = DiskOutput::create(&file).err().expect("refused");
        assert!(err.to_string().contains("is a file"), "{err}");
        let err = DiskOutput::create(&file.join("site")).err().expect("refused");
        assert!(err.to_string().starts_with(&dir.path().join("public").display().to_string()), "{err}");
    }
}
