//! Where a build's files go: a folder on disk, memory (the preview server) or
//! nowhere (`check`). Build, serve and check share one rendering path through
//! [`Output`].
//!
//! On disk, a failed build leaves the previous site as it was. A build that
//! writes the whole site builds it in a fresh folder beside the old one and
//! swaps the two. A build that changes a few files of a site fihris wrote
//! before (its marker file says which build) writes them beside the site,
//! then moves them in by a journal: the list of moves is written first, so
//! that a build killed while moving is completed by the next one.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

/// A sink for the files of a site, written from many threads at once.
pub trait Output: Sync {
    /// Writes `contents` at `path` (relative, `/`-separated).
    fn write(&self, path: &str, contents: &[u8]) -> io::Result<()>;
    /// Deletes the file at `path`, which the site no longer has.
    fn remove(&self, path: &str) -> io::Result<()>;
}

/// The file fihris leaves in every site it writes: which build wrote it.
pub const MARKER: &str = ".fihris";

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

/// Writes a site into a folder. A [`DiskOutput::fresh`] output writes every
/// file into a new folder that [`DiskOutput::commit`] swaps in (a build killed
/// at any moment leaves the destination as it was, or, after the swap, the new
/// site: on Linux the two folders trade places in one atomic rename;
/// elsewhere, a destination caught between two renames is put back by the
/// next build). An [`DiskOutput::update`] output writes only what changed,
/// beside the destination, and moves it in by a journal at commit.
pub struct DiskOutput {
    destination: PathBuf,
    staging: PathBuf,
    /// Updating the destination in place rather than replacing it.
    updating: bool,
    /// Files to delete at commit (updates only).
    removed: Mutex<Vec<String>>,
}

/// The kinds of folder and file a build leaves beside the destination while it runs.
const STAGING_MARK: &str = "fihris-new";
const OLD_MARK: &str = "fihris-old";
const JOURNAL_MARK: &str = "fihris-journal";

impl DiskOutput {
    /// An output that writes the whole site into a new folder.
    pub fn fresh(destination: &Path) -> io::Result<DiskOutput> {
        DiskOutput::create(destination, false)
    }

    /// An output that changes some files of the site already at
    /// `destination` (which [`DiskOutput::build_of`] says fihris wrote).
    pub fn update(destination: &Path) -> io::Result<DiskOutput> {
        DiskOutput::create(destination, true)
    }

    fn create(destination: &Path, updating: bool) -> io::Result<DiskOutput> {
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
        Ok(DiskOutput { destination: destination.to_path_buf(), staging, updating, removed: Mutex::new(Vec::new()) })
    }

    /// The build id in the marker of the site at `destination`, if fihris wrote it.
    pub fn build_of(destination: &Path) -> Option<u64> {
        let text = std::fs::read_to_string(destination.join(MARKER)).ok()?;
        let id = text.lines().find_map(|line| line.strip_prefix("build "))?;
        u64::from_str_radix(id.trim(), 16).ok()
    }

    /// Puts the new site in place, marked as written by build `build`.
    pub fn commit(self, build: u64) -> io::Result<()> {
        std::fs::write(self.staging.join(MARKER), format!("fihris\nbuild {build:016x}\n"))?;
        if self.updating && self.destination.is_dir() {
            return self.apply_journal();
        }
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

    /// Writes the journal of the update (the files to move in, the files to
    /// delete), then carries it out.
    fn apply_journal(self) -> io::Result<()> {
        let mut moves: Vec<String> = Vec::new();
        for entry in walkdir::WalkDir::new(&self.staging).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            if entry.file_type().is_file() {
                let relative = entry.path().strip_prefix(&self.staging).map_err(io::Error::other)?;
                moves.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
        let removed = self.removed.lock().map(|r| r.clone()).unwrap_or_default();
        let journal = Journal { staging: self.staging.clone(), moves, removed };
        let path = sibling(&self.destination, JOURNAL_MARK, std::process::id());
        let temporary = path.with_extension("tmp");
        std::fs::write(&temporary, journal.to_text())?;
        std::fs::File::open(&temporary)?.sync_all()?;
        std::fs::rename(&temporary, &path)?;
        journal.carry_out(&self.destination)?;
        std::fs::remove_file(&path)
    }

    /// Deletes the new folder; the destination is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// The moves of an update, written down before they are made.
struct Journal {
    staging: PathBuf,
    /// Files of the staging folder to move into the destination.
    moves: Vec<String>,
    /// Files of the destination to delete.
    removed: Vec<String>,
}

impl Journal {
    fn to_text(&self) -> String {
        let mut text = format!("staging {}\n", self.staging.display());
        for path in &self.moves {
            text.push_str(&format!("move {path}\n"));
        }
        for path in &self.removed {
            text.push_str(&format!("remove {path}\n"));
        }
        text
    }

    fn from_text(text: &str) -> Option<Journal> {
        let mut lines = text.lines();
        let staging = PathBuf::from(lines.next()?.strip_prefix("staging ")?);
        let (mut moves, mut removed) = (Vec::new(), Vec::new());
        for line in lines {
            match line.split_once(' ') {
                Some(("move", path)) if is_safe_path(path) => moves.push(path.to_owned()),
                Some(("remove", path)) if is_safe_path(path) => removed.push(path.to_owned()),
                _ => return None,
            }
        }
        Some(Journal { staging, moves, removed })
    }

    /// Makes the moves and deletions; done again after an interruption, it
    /// finishes what is left (a file already moved is no longer staged).
    fn carry_out(&self, destination: &Path) -> io::Result<()> {
        for path in &self.moves {
            let from = self.staging.join(path);
            if !from.exists() {
                continue;
            }
            let to = destination.join(path);
            if let Some(dir) = to.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::rename(&from, &to)?;
        }
        for path in &self.removed {
            let file = destination.join(path);
            match std::fs::remove_file(&file) {
                Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
                _ => {}
            }
            // Folders left empty go too (a page is a folder with its index.html).
            let mut dir = file.parent();
            while let Some(folder) = dir.filter(|d| *d != destination) {
                if std::fs::remove_dir(folder).is_err() {
                    break;
                }
                dir = folder.parent();
            }
        }
        let _ = std::fs::remove_dir_all(&self.staging);
        Ok(())
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

/// Tidies up after builds that were killed: an update's journal is carried
/// out to its end, a destination left between the two renames of
/// [`DiskOutput::commit`] is put back, and the folders of builds that are no
/// longer running are deleted.
fn recover_leftovers(destination: &Path, parent: &Path) -> io::Result<()> {
    let Some(name) = destination.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Ok(()) };
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
    let mut entries: Vec<std::fs::DirEntry> = entries.flatten().collect();
    // Journals first: they name staging folders that must not be deleted before.
    entries.sort_by_key(|e| !e.file_name().to_string_lossy().contains(JOURNAL_MARK));
    for entry in entries {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else { continue };
        let Some((mark, pid)) = rest.rsplit_once('-') else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid == std::process::id() || is_running(pid) {
            continue;
        }
        match mark {
            JOURNAL_MARK => {
                if let Some(journal) = std::fs::read_to_string(entry.path()).ok().and_then(|t| Journal::from_text(&t))
                    && destination.is_dir()
                {
                    journal.carry_out(destination)?;
                }
                std::fs::remove_file(entry.path())?;
            }
            OLD_MARK if !destination.exists() => std::fs::rename(entry.path(), destination)?,
            STAGING_MARK | OLD_MARK => {
                let _ = std::fs::remove_dir_all(entry.path());
            }
            _ => {}
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

    fn remove(&self, path: &str) -> io::Result<()> {
        check_path(path)?;
        if let Ok(mut removed) = self.removed.lock() {
            removed.push(path.to_owned());
        }
        Ok(())
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

    #[test]
    fn a_committed_folder_replaces_the_old_one_and_an_aborted_one_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        std::fs::create_dir_all(&public).expect("mkdir");
        std::fs::write(public.join("old.html"), "old").expect("write");

        let aborted = DiskOutput::fresh(&public).expect("staging");
        aborted.write("index.html", b"new").expect("write");
        aborted.abort();
        assert!(public.join("old.html").exists());

        let committed = DiskOutput::fresh(&public).expect("staging");
        committed.write("index.html", b"new").expect("write");
        committed.commit(7).expect("swap");
        assert!(!public.join("old.html").exists());
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("read"), "new");
        assert_eq!(DiskOutput::build_of(&public), Some(7));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }

    #[test]
    fn an_update_moves_in_changed_files_and_deletes_gone_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let first = DiskOutput::fresh(&public).expect("staging");
        for path in ["index.html", "a/index.html", "b/index.html"] {
            first.write(path, b"one").expect("write");
        }
        first.commit(1).expect("commit");
        let update = DiskOutput::update(&public).expect("staging");
        update.write("a/index.html", b"two").expect("write");
        update.write("c/index.html", b"new").expect("write");
        update.remove("b/index.html").expect("remove");
        update.commit(2).expect("commit");
        let read = |p: &str| std::fs::read_to_string(public.join(p)).ok();
        assert_eq!(read("index.html").as_deref(), Some("one"));
        assert_eq!(read("a/index.html").as_deref(), Some("two"));
        assert_eq!(read("c/index.html").as_deref(), Some("new"));
        assert!(!public.join("b").exists(), "the emptied folder goes too");
        assert_eq!(DiskOutput::build_of(&public), Some(2));
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "only public/ remains");
    }

    #[test]
    fn an_interrupted_update_is_finished_by_the_next_build() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        std::fs::create_dir_all(public.join("gone")).expect("mkdir");
        std::fs::write(public.join("gone/index.html"), "old").expect("write");
        std::fs::write(public.join("index.html"), "old").expect("write");
        // A build that died after writing its journal and moving nothing.
        let staging = sibling(&public, STAGING_MARK, 999_999_997);
        std::fs::create_dir_all(staging.join("new")).expect("mkdir");
        std::fs::write(staging.join("index.html"), "new").expect("write");
        std::fs::write(staging.join("new/index.html"), "new").expect("write");
        let journal = Journal {
            staging: staging.clone(),
            moves: vec!["index.html".into(), "new/index.html".into()],
            removed: vec!["gone/index.html".into()],
        };
        std::fs::write(sibling(&public, JOURNAL_MARK, 999_999_997), journal.to_text()).expect("journal");
        DiskOutput::fresh(&public).expect("recovers").abort();
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("read"), "new");
        assert_eq!(std::fs::read_to_string(public.join("new/index.html")).expect("read"), "new");
        assert!(!public.join("gone").exists());
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "journal and staging are gone");
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
        let output = DiskOutput::fresh(&public).expect("staging");
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
        let err = DiskOutput::fresh(&file).err().expect("refused");
        assert!(err.to_string().contains("is a file"), "{err}");
        let err = DiskOutput::fresh(&file.join("site")).err().expect("refused");
        assert!(err.to_string().starts_with(&dir.path().join("public").display().to_string()), "{err}");
    }
}
