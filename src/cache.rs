//! What `fihris build` remembers between runs: the [`Memory`] of the last
//! build (each article's analysis, the fingerprints of the files written), in
//! a folder beside the output folder (`.public.fihris-cache/` for `public/`).
//! It is used only while the output folder's marker names the build that
//! wrote it; a missing, stale or unreadable cache means a full build, never a
//! wrong one.
//!
//! The articles' analyses, most of the cache, are kept in [`SHARDS`] files
//! by a hash of their paths, each named by a digest of its bytes: a build
//! that edited one article writes one shard again, not the whole archive's
//! analyses. The file `memory` names the shards of its build; it is written
//! last and renamed into place, so a reader always finds a whole cache, the
//! old or the new.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::build::{Memory, Stamp};
use crate::content::Article;

/// Changes when the cache's shape does; older caches are then ignored.
const FORMAT: u32 = 8;

/// How many files the articles' analyses are spread over.
const SHARDS: u64 = 64;

/// The file that names the shards, written last.
const MEMORY_FILE: &str = "memory";

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    version: String,
    /// The build that wrote the output folder this cache describes.
    build: u64,
    /// Without its articles and stamps, which are in the shards.
    memory: Memory,
    /// The names of the shard files.
    shards: Vec<String>,
}

/// An article as a shard keeps it.
type Entry = (PathBuf, (Arc<Article>, Arc<Analysis>), Option<Stamp>);

/// An [`Entry`] borrowed from the memory being saved.
type EntryRef<'a> = (&'a PathBuf, &'a (Arc<Article>, Arc<Analysis>), Option<&'a Stamp>);

/// The cache of the site written to `destination`.
pub fn path(destination: &Path) -> PathBuf {
    let name = destination.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let parent = destination.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join(format!(".{name}.fihris-cache"))
}

/// The memory of the build that wrote `destination`, and that build's id;
/// `None` when there is no usable cache.
pub fn load(destination: &Path) -> Option<(u64, Memory)> {
    let folder = path(destination);
    let bytes = std::fs::read(folder.join(MEMORY_FILE)).ok()?;
    let file: CacheFile = postcard::from_bytes(&bytes).ok()?;
    if file.format != FORMAT || file.version != env!("CARGO_PKG_VERSION") {
        return None;
    }
    let shards: Vec<Vec<Entry>> = file
        .shards
        .par_iter()
        .map(|name| postcard::from_bytes(&std::fs::read(folder.join(name)).ok()?).ok())
        .collect::<Option<_>>()?;
    let mut memory = file.memory;
    let count = shards.iter().map(Vec::len).sum();
    memory.articles.reserve(count);
    memory.stamps.reserve(count);
    for (path, article, stamp) in shards.into_iter().flatten() {
        if let Some(stamp) = stamp {
            memory.stamps.insert(path.clone(), stamp);
        }
        memory.articles.insert(path, article);
    }
    Some((file.build, memory))
}

/// Saves `memory` as the memory of build `build` of `destination`. A shard
/// whose bytes a file of the cache already has is not written again; each
/// file is written aside and renamed, the shards before the file that names
/// them, and the shards no longer named are deleted last.
pub fn save(destination: &Path, build: u64, mut memory: Memory) -> io::Result<()> {
    let folder = path(destination);
    // A cache of an older shape may be a file of that name.
    if folder.is_file() {
        std::fs::remove_file(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    let articles = std::mem::take(&mut memory.articles);
    let stamps = std::mem::take(&mut memory.stamps);
    let mut shards: Vec<Vec<EntryRef>> = (0..SHARDS).map(|_| Vec::new()).collect();
    for (path, article) in &articles {
        let shard = xxhash_rust::xxh3::xxh3_64(path.as_os_str().as_encoded_bytes()) % SHARDS;
        shards[shard as usize].push((path, article, stamps.get(path)));
    }
    let names: Vec<String> = shards
        .into_par_iter()
        .enumerate()
        .map(|(n, mut entries)| {
            // In a set order: the same articles make the same bytes.
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let bytes = postcard::to_allocvec(&entries).map_err(io::Error::other)?;
            let name = format!("articles-{n:02}-{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes));
            if !folder.join(&name).is_file() {
                write_aside(&folder.join(&name), &bytes)?;
            }
            Ok(name)
        })
        .collect::<io::Result<_>>()?;
    let file =
        CacheFile { format: FORMAT, version: env!("CARGO_PKG_VERSION").to_owned(), build, memory, shards: names };
    write_aside(&folder.join(MEMORY_FILE), &postcard::to_allocvec(&file).map_err(io::Error::other)?)?;
    for entry in std::fs::read_dir(&folder)? {
        let name = entry?.file_name();
        if name != MEMORY_FILE && !file.shards.iter().any(|shard| name == shard.as_str()) {
            std::fs::remove_file(folder.join(&name))?;
        }
    }
    Ok(())
}

/// Writes `bytes` to a file beside `target` and renames it to `target`.
fn write_aside(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = target.with_extension("tmp");
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, target)
}

/// A new build id: different for every build, so that a cache can be matched
/// with the output folder it describes.
pub fn new_build_id() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let seed = format!("{}-{}", now.as_nanos(), std::process::id());
    xxhash_rust::xxh3::xxh3_64(seed.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, title: &str) -> (PathBuf, (Arc<Article>, Arc<Analysis>)) {
        let text = format!("---\ntitle: {title}\n---\n\nنص.\n");
        let file = crate::content::parse_article(Path::new(path), &text).expect("an article");
        (PathBuf::from(path), (Arc::new(file.article), Arc::new(Analysis::default())))
    }

    fn files(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("list")
            .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_saved_memory_loads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        // A cache of the older shape, one file, is replaced.
        std::fs::write(path(&public), b"older").expect("write");
        let mut memory = Memory { lists: 42, ..Memory::default() };
        memory.manifest.pages.insert("index.html".into(), 7);
        memory.articles.extend((0..200).map(|n| article(&format!("articles/{n}.md"), "عنوان")));
        save(&public, 9, memory).expect("saved");
        let (build, loaded) = load(&public).expect("loads");
        assert_eq!(build, 9);
        assert_eq!((loaded.lists, loaded.manifest.pages.get("index.html")), (42, Some(&7)));
        assert_eq!(loaded.articles.len(), 200);
        std::fs::write(path(&public).join(MEMORY_FILE), b"garbage").expect("write");
        assert!(load(&public).is_none());
    }

    #[test]
    fn an_edited_article_writes_its_shard_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let mut memory = Memory::default();
        memory.articles.extend((0..200).map(|n| article(&format!("articles/{n}.md"), "عنوان")));
        save(&public, 1, memory).expect("saved");
        let before = files(&path(&public));
        assert_eq!(before.len(), SHARDS as usize + 1, "{before:?}");
        let (_, mut memory) = load(&public).expect("loads");
        memory.articles.extend([article("articles/7.md", "عنوان آخر")]);
        save(&public, 2, memory).expect("saved");
        let after = files(&path(&public));
        let new: Vec<&String> = after.iter().filter(|name| !before.contains(name)).collect();
        assert_eq!(new.len(), 1, "one shard written again: {new:?}");
        assert_eq!(after.len(), before.len(), "the shard it replaces is gone");
        let (build, memory) = load(&public).expect("loads");
        assert_eq!((build, memory.articles[Path::new("articles/7.md")].0.title.as_str()), (2, "عنوان آخر"));
        // A damaged shard is no cache at all.
        std::fs::write(path(&public).join(new[0]), b"garbage").expect("write");
        assert!(load(&public).is_none());
    }
}
