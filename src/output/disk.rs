//! Writing a site into a folder on disk, so that a failed or killed build
//! leaves the previous site whole: a fresh folder swapped in, or changed
//! files moved in by a [`Journal`]; folders fihris did not write, and the
//! site's own, are refused ([`super::refusal`]).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::journal::Journal;
use super::refusal::refuse_site_folders;
use super::{Hashing, Output, check_path};
use crate::diagnostics::Diagnostic;

/// Writes a site into a folder. A [`DiskOutput::fresh`] output writes every
/// file into a new folder that [`DiskOutput::commit`] swaps in (a build killed
/// at any moment leaves the destination as it was, or, after the swap, the
/// new site: on Linux the two folders trade places in one atomic rename;
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
    /// Set by the first write that found the disk full; later writes are
    /// not tried, only counted, so that the error can say how much is needed.
    full: AtomicBool,
    written_bytes: AtomicU64,
    unwritten_bytes: AtomicU64,
}

/// The kinds of folder and file a build leaves beside the destination while it runs.
const STAGING_MARK: &str = "fihris-new";
const OLD_MARK: &str = "fihris-old";
const JOURNAL_MARK: &str = "fihris-journal";

/// The file every output folder holds: a folder with it was written by
/// fihris, and the next build may change or replace it. It also names the
/// build that wrote the folder, for the next build to tell whether what it
/// remembers (see `crate::cache`) describes the folder.
pub const MARKER: &str = ".fihris-output";
const MARKER_TEXT: &str = "This folder was written by `fihris build`, which changes or replaces it on the next build.\nDelete this file to keep fihris from replacing the folder.\n";

/// Whether a build may replace a folder that fihris did not write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Only a folder fihris wrote, or an empty one.
    OnlyOurs,
    /// Any folder except the site's own (`--force`).
    Anything,
}

impl DiskOutput {
    /// Prepares to write the whole site of `site_root` into a new folder that
    /// replaces `destination`. Refused (nothing is touched) when the
    /// destination is the site's folder, holds it, or is or holds or lies in
    /// its `content/`, `static/`, `templates/`, `.git/` or `site.toml`,
    /// whatever `replace` says; and when it is a folder that fihris did not
    /// write and is not empty, unless `replace` is [`Replace::Anything`].
    pub fn fresh(destination: &Path, site_root: &Path, replace: Replace) -> Result<DiskOutput, Diagnostic> {
        DiskOutput::create(destination, site_root, replace, false)
    }

    /// Prepares to change some files of the site at `destination`, which
    /// fihris wrote ([`DiskOutput::build_of`] names the build), under the
    /// same refusals as [`DiskOutput::fresh`].
    pub fn update(destination: &Path, site_root: &Path) -> Result<DiskOutput, Diagnostic> {
        DiskOutput::create(destination, site_root, Replace::OnlyOurs, true)
    }

    fn create(
        destination: &Path,
        site_root: &Path,
        replace: Replace,
        updating: bool,
    ) -> Result<DiskOutput, Diagnostic> {
        refuse_site_folders(destination, site_root)?;
        if destination.exists() && !destination.is_dir() {
            return Err(Diagnostic::error(format!(
                "the output folder {} is a file, not a folder; the site is written into a folder",
                destination.display()
            ))
            .with_help("choose another folder with --out DIR (or output_dir in site.toml), or move the file away"));
        }
        if replace == Replace::OnlyOurs && !is_replaceable(destination) {
            return Err(Diagnostic::error(format!(
                "the output folder {} was not written by fihris (it has no {MARKER} file) and is not empty: a build replaces all of it, so its files would be lost",
                destination.display()
            ))
            .with_help("choose another folder with --out DIR (or output_dir in site.toml), empty it yourself, or build with --force to replace it"));
        }
        let cannot = |err: io::Error| {
            Diagnostic::error(format!("cannot create the output folder {}: {err}", destination.display()))
                .with_help("check that its parent folder exists and is writable, or choose another with --out DIR")
        };
        let parent = parent_of(destination);
        std::fs::create_dir_all(parent).map_err(|err| cannot(in_folder(err, parent)))?;
        recover_leftovers(destination, parent).map_err(cannot)?;
        let staging = sibling(destination, STAGING_MARK, std::process::id());
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(cannot)?;
        }
        std::fs::create_dir_all(&staging).map_err(|err| cannot(in_folder(err, parent)))?;
        Ok(DiskOutput {
            destination: destination.to_path_buf(),
            staging,
            updating,
            removed: Mutex::new(Vec::new()),
            full: AtomicBool::new(false),
            written_bytes: AtomicU64::new(0),
            unwritten_bytes: AtomicU64::new(0),
        })
    }

    /// The build id in the marker of the site at `destination`, if fihris wrote it.
    pub fn build_of(destination: &Path) -> Option<u64> {
        let text = std::fs::read_to_string(destination.join(MARKER)).ok()?;
        let id = text.lines().find_map(|line| line.strip_prefix("build "))?;
        u64::from_str_radix(id.trim(), 16).ok()
    }

    /// The error for a build that found the disk full, naming the folder and
    /// what it needed; `None` when the disk did not fill.
    pub fn full_disk(&self) -> Option<Diagnostic> {
        if !self.full.load(Ordering::Relaxed) {
            return None;
        }
        let written = self.written_bytes.load(Ordering::Relaxed);
        let unwritten = self.unwritten_bytes.load(Ordering::Relaxed);
        Some(
            Diagnostic::error(format!(
                "the disk is full: the site could not be written to {} ({} written, {} more to write, {} in all)",
                self.destination.display(),
                size(written),
                size(unwritten),
                size(written + unwritten)
            ))
            .with_help(format!(
                "free at least {} on the disk that holds {}, or write the site to another disk with --out DIR",
                size(unwritten),
                parent_of(&self.destination).display()
            )),
        )
    }

    /// Puts the new site in place, marked as written by build `build`.
    pub fn commit(self, build: u64) -> io::Result<()> {
        self.write(MARKER, format!("{MARKER_TEXT}build {build:016x}\n").as_bytes())?;
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

impl DiskOutput {
    /// Where the file at `path` goes, its folder made; refused, with its
    /// `length` counted, once the disk is full.
    fn target(&self, path: &str, length: u64) -> io::Result<PathBuf> {
        check_path(path)?;
        if self.full.load(Ordering::Relaxed) {
            self.unwritten_bytes.fetch_add(length, Ordering::Relaxed);
            return Err(io::ErrorKind::StorageFull.into());
        }
        let target = self.staging.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        Ok(target)
    }

    /// Counts the `length` bytes of a write that ended with `written`.
    fn count(&self, written: io::Result<()>, length: u64) -> io::Result<()> {
        match written {
            Ok(()) => {
                self.written_bytes.fetch_add(length, Ordering::Relaxed);
                Ok(())
            }
            Err(err) => {
                if is_full(&err) {
                    self.full.store(true, Ordering::Relaxed);
                    self.unwritten_bytes.fetch_add(length, Ordering::Relaxed);
                }
                Err(err)
            }
        }
    }
}

impl Output for DiskOutput {
    fn write(&self, path: &str, contents: &[u8]) -> io::Result<()> {
        let target = self.target(path, contents.len() as u64)?;
        let written = std::fs::write(&target, contents);
        self.count(written, contents.len() as u64)
    }

    fn write_streamed(
        &self,
        path: &str,
        unchanged: Option<u64>,
        fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<(u64, bool)> {
        let target = self.target(path, 0)?;
        let mut writer = None;
        let written = std::fs::File::create(&target).and_then(|file| {
            let writer = writer.insert(Hashing::new(io::BufWriter::new(file)));
            fill(writer)?;
            io::Write::flush(&mut writer.inner)
        });
        self.count(written, writer.as_ref().map_or(0, |w| w.length))?;
        let hash = writer.map_or(0, |w| w.hash.digest());
        // Known only once written: a file as it was is taken back out of
        // what the build changes (an update's staging holds changes only).
        if unchanged == Some(hash) {
            std::fs::remove_file(&target)?;
            return Ok((hash, false));
        }
        Ok((hash, true))
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        check_path(path)?;
        if let Ok(mut removed) = self.removed.lock() {
            removed.push(path.to_owned());
        }
        Ok(())
    }
}

/// Whether `err` says the disk (or the user's quota on it) is full.
pub fn is_full(err: &io::Error) -> bool {
    matches!(err.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded)
}

/// A number of bytes for people: `12.3 MB`.
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

/// Whether a build may replace `destination` without `--force`: it does not
/// exist, is empty, or holds [`MARKER`].
fn is_replaceable(destination: &Path) -> bool {
    match std::fs::read_dir(destination) {
        Ok(mut entries) => entries.next().is_none() || destination.join(MARKER).is_file(),
        Err(_) => !destination.exists(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder beside the output folders of a test.
    fn site(dir: &Path) -> PathBuf {
        let site = dir.join("site");
        std::fs::create_dir_all(site.join("content")).expect("mkdir");
        site
    }

    /// How many files and folders `folder` holds.
    fn entries(folder: &Path) -> usize {
        std::fs::read_dir(folder).expect("list").count()
    }

    fn create(destination: &Path, site_root: &Path) -> Result<DiskOutput, Diagnostic> {
        DiskOutput::fresh(destination, site_root, Replace::OnlyOurs)
    }

    #[test]
    fn a_committed_folder_replaces_the_old_one_and_an_aborted_one_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        std::fs::create_dir_all(&public).expect("mkdir");
        std::fs::write(public.join("old.html"), "old").expect("write");
        std::fs::write(public.join(MARKER), "").expect("write");
        let site = site(dir.path());

        let aborted = create(&public, &site).expect("staging");
        aborted.write("index.html", b"new").expect("write");
        aborted.abort();
        assert!(public.join("old.html").exists());

        let committed = create(&public, &site).expect("staging");
        committed.write("index.html", b"new").expect("write");
        committed.commit(7).expect("swap");
        assert!(!public.join("old.html").exists());
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("read"), "new");
        assert!(public.join(MARKER).is_file(), "the new folder is marked as written by fihris");
        assert_eq!(DiskOutput::build_of(&public), Some(7));
        let mut left: Vec<_> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        left.sort();
        assert_eq!(left, ["public", "site"], "only public/ remains beside the site");
    }

    #[test]
    fn an_update_moves_in_changed_files_and_deletes_gone_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let site = site(dir.path());
        let first = create(&public, &site).expect("staging");
        for path in ["index.html", "a/index.html", "b/index.html"] {
            first.write(path, b"one").expect("write");
        }
        first.commit(1).expect("commit");
        let update = DiskOutput::update(&public, &site).expect("staging");
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
        assert_eq!(entries(dir.path()), 2, "only public/ remains beside the site");
    }

    #[test]
    fn a_streamed_file_is_hashed_as_written_and_left_out_of_an_update_when_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let site = site(dir.path());
        let first = create(&public, &site).expect("staging");
        let (hash, written) =
            first.write_streamed("data/big.json", None, &mut |out| out.write_all(b"[1,2,3]")).expect("write");
        assert!(written);
        assert_eq!(hash, crate::plan::content_hash(b"[1,2,3]"), "the hash of the bytes as a whole");
        first.commit(1).expect("commit");
        let update = DiskOutput::update(&public, &site).expect("staging");
        let same = update.write_streamed("data/big.json", Some(hash), &mut |out| out.write_all(b"[1,2,3]"));
        assert_eq!(same.expect("write"), (hash, false));
        assert!(!update.staging.join("data/big.json").exists(), "an unchanged file is not staged");
        let other = update.write_streamed("data/big.json", Some(hash), &mut |out| out.write_all(b"[4]"));
        assert!(other.expect("write").1);
        update.commit(2).expect("commit");
        assert_eq!(std::fs::read_to_string(public.join("data/big.json")).ok().as_deref(), Some("[4]"));
    }

    #[test]
    fn an_interrupted_update_is_finished_by_the_next_build() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let site = site(dir.path());
        std::fs::create_dir_all(public.join("gone")).expect("mkdir");
        std::fs::write(public.join(MARKER), "").expect("write");
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
        create(&public, &site).expect("recovers").abort();
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("read"), "new");
        assert_eq!(std::fs::read_to_string(public.join("new/index.html")).expect("read"), "new");
        assert!(!public.join("gone").exists());
        assert_eq!(entries(dir.path()), 2, "journal and staging are gone");
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
        let output = create(&public, &site(dir.path())).expect("staging");
        assert_eq!(std::fs::read_to_string(public.join("index.html")).expect("put back"), "previous");
        assert!(!old.exists() && !stale.exists());
        output.abort();
        assert_eq!(entries(dir.path()), 2, "only public/ remains beside the site");
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = site(dir.path());
        let file = dir.path().join("public");
        std::fs::write(&file, "x").expect("write");
        let err = create(&file, &site).err().expect("refused");
        assert!(err.message.contains("is a file"), "{err}");
        let err = create(&file.join("site"), &site).err().expect("refused");
        assert!(err.message.contains(&dir.path().join("public").display().to_string()), "{err}");
    }

    /// Issue 11: `output_dir = "content"` (and the like) deleted the site's
    /// own files; a folder fihris did not write is replaced only with --force.
    #[test]
    fn the_site_and_folders_fihris_did_not_write_are_never_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = site(dir.path());
        std::fs::write(site.join("content/a.md"), "article").expect("write");
        for own in ["", ".", "content", "content/articles", "static", "templates", ".git", "..", "../.."] {
            let destination = site.join(own);
            for replace in [Replace::OnlyOurs, Replace::Anything] {
                let err =
                    DiskOutput::fresh(&destination, &site, replace).err().unwrap_or_else(|| panic!("{own:?} refused"));
                assert!(err.help.as_deref().unwrap_or_default().contains("--force does not change this"), "{err}");
            }
        }
        let theirs = dir.path().join("home");
        std::fs::create_dir_all(theirs.join(".git")).expect("mkdir");
        std::fs::write(theirs.join("notes.txt"), "mine").expect("write");
        let err = create(&theirs, &site).err().expect("refused");
        assert!(
            err.message.contains("was not written by fihris")
                && err.help.as_deref().unwrap_or_default().contains("--force"),
            "{err}"
        );
        let forced = DiskOutput::fresh(&theirs, &site, Replace::Anything).expect("--force replaces it");
        forced.abort();
        assert_eq!(std::fs::read_to_string(site.join("content/a.md")).expect("kept"), "article");
        assert_eq!(std::fs::read_to_string(theirs.join("notes.txt")).expect("kept"), "mine");
        // An empty folder, or one that does not exist yet, is fine.
        let empty = dir.path().join("empty");
        std::fs::create_dir_all(&empty).expect("mkdir");
        create(&empty, &site).expect("an empty folder").abort();
        create(&dir.path().join("new/public"), &site).expect("a new folder").abort();
        create(&site.join("public"), &site).expect("public/ in the site").abort();
    }

    /// Issue 11: a full disk made one error per file (9,368 for a 20 MB
    /// tmpfs). The first full write stops the writing; the error says how much
    /// was needed. /dev/full answers every write with "no space left".
    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_one_error_with_the_size_needed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let output = create(&public, &site(dir.path())).expect("staging");
        assert!(output.full_disk().is_none());
        output.write("a.html", &[b'a'; 1500]).expect("room for it");
        std::os::unix::fs::symlink("/dev/full", output.staging.join("b.html")).expect("a link to /dev/full");
        let err = output.write("b.html", &[b'b'; 2000]).expect_err("the disk is full");
        assert!(is_full(&err), "{err}");
        let later = output.write("c/index.html", &[b'c'; 3000]).expect_err("not tried");
        assert!(is_full(&later));
        assert!(!output.staging.join("c").exists(), "nothing more is written");
        let full = output.full_disk().expect("the disk filled");
        assert!(full.message.contains(&size(1500)) && full.message.contains("5.0 kB more"), "{full}");
        assert!(full.help.as_deref().unwrap_or_default().contains("free at least 5.0 kB"), "{full}");
        output.abort();
    }
}
