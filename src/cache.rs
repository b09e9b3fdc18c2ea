//! What `fihris build` remembers between runs: the [`Memory`] of the last
//! build (each article's analysis, the fingerprints of the files written), in
//! one file beside the output folder (`.public.fihris-cache` for `public/`).
//! It is used only while the output folder's marker names the build that
//! wrote it; a missing, stale or unreadable cache means a full build, never a
//! wrong one.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::build::Memory;

/// Changes when the cache's shape does; older caches are then ignored.
const FORMAT: u32 = 6;

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    version: String,
    /// The build that wrote the output folder this cache describes.
    build: u64,
    memory: Memory,
}

/// The cache of the site written to `destination`.
pub fn path(destination: &Path) -> PathBuf {
    let name = destination.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let parent = destination.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join(format!(".{name}.fihris-cache"))
}

/// The memory of the build that wrote `destination`, and that build's id;
/// `None` when there is no usable cache.
pub fn load(destination: &Path) -> Option<(u64, Memory)> {
    let bytes = std::fs::read(path(destination)).ok()?;
    let file: CacheFile = postcard::from_bytes(&bytes).ok()?;
    (file.format == FORMAT && file.version == env!("CARGO_PKG_VERSION")).then_some((file.build, file.memory))
}

/// Saves `memory` as the memory of build `build` of `destination`; written
/// aside and renamed, so a reader never sees half a cache. It is written as
/// it is encoded, not encoded whole first: the cache of a large archive is
/// hundreds of megabytes that the build would otherwise hold twice.
pub fn save(destination: &Path, build: u64, memory: Memory) -> io::Result<()> {
    let file = CacheFile { format: FORMAT, version: env!("CARGO_PKG_VERSION").to_owned(), build, memory };
    let target = path(destination);
    let temporary = target.with_extension("tmp");
    let writer = io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&temporary)?);
    postcard::to_io(&file, writer).map_err(io::Error::other)?.into_inner().map_err(io::IntoInnerError::into_error)?;
    std::fs::rename(&temporary, &target)
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

    #[test]
    fn a_saved_memory_loads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let mut memory = Memory { lists: 42, ..Memory::default() };
        memory.manifest.pages.insert("index.html".into(), 7);
        save(&public, 9, memory).expect("saved");
        let (build, loaded) = load(&public).expect("loads");
        assert_eq!(build, 9);
        assert_eq!((loaded.lists, loaded.manifest.pages.get("index.html")), (42, Some(&7)));
        std::fs::write(path(&public), b"garbage").expect("write");
        assert!(load(&public).is_none());
    }
}
