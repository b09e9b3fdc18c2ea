//! Reading the site's own text files (articles, entity lists, `site.toml`):
//! a size limit, a second read when a file changes while it is read (an
//! editor saving it in place), UTF-8 decoding, and control characters that
//! no page, feed or data file may carry taken out with a warning.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use crate::diagnostics::{Diagnostic, LineStarts, Location};

/// Larger files are not articles (a long news article is well under 1 MiB);
/// reading them would only exhaust memory. Entity lists and `site.toml` have
/// the same limit.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// How long a file that reads empty, or changes while it is read, is waited
/// for: the pauses between reads, doubling (an editor's truncate-then-write
/// takes well under a millisecond; a slow network drive more).
const SETTLE_PAUSES: [Duration; 5] = [
    Duration::from_millis(5),
    Duration::from_millis(10),
    Duration::from_millis(20),
    Duration::from_millis(40),
    Duration::from_millis(80),
];

/// How many files [`with_files_prefetched`] reads at once. A disk, real or
/// virtual, answers many requests in about the time of one; the build's own
/// threads, one per core, each wait for their file in turn.
const PREFETCH_READERS: usize = 16;

/// Runs `work` while threads of their own read the files `paths` (under
/// `root`) ahead of it, many at once, and drop what they read: the files are
/// then in the system's cache when `work` reads them. Reading 10,000
/// articles that were not yet in the cache cost a build's two threads about
/// 1.5 s; read 32 at a time, they took 0.4 s. Errors are left for `work` to
/// meet and report, and a reader the system cannot start is done without.
pub fn with_files_prefetched<R>(root: &Path, paths: &[PathBuf], work: impl FnOnce() -> R) -> R {
    let next = AtomicUsize::new(0);
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..PREFETCH_READERS.min(paths.len()) {
            let reader = std::thread::Builder::new().name("prefetch".into()).spawn_scoped(scope, || {
                let mut buffer = Vec::new();
                while !done.load(Ordering::Relaxed) {
                    let Some(path) = paths.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
                    if let Ok(file) = std::fs::File::open(root.join(path)) {
                        buffer.clear();
                        let _ = file.take(MAX_ARTICLE_BYTES).read_to_end(&mut buffer);
                    }
                }
            });
            // Without more threads, the work reads its files itself.
            if reader.is_err() {
                break;
            }
        }
        let result = work();
        // What is left unread is no longer needed ahead of anything.
        done.store(true, Ordering::Relaxed);
        result
    })
}

/// The contents of `path`, or `None` when it has more than `limit` bytes.
/// Reading stops at the limit, so a file that grows while it is read (or a
/// device) cannot exhaust memory.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    Ok(read_once(path, limit)?.map(|(bytes, _)| bytes))
}

/// What a file looked like when it was opened: its size and time of change.
type Stamp = (u64, Option<SystemTime>);

fn stamp(metadata: &std::fs::Metadata) -> Stamp {
    (metadata.len(), metadata.modified().ok())
}

/// One read, with the file's stamp before it; `None` when over `limit`.
fn read_once(path: &Path, limit: u64) -> io::Result<Option<(Vec<u8>, Stamp)>> {
    let file = std::fs::File::open(path)?;
    let before = stamp(&file.metadata()?);
    if before.0 > limit {
        return Ok(None);
    }
    // Room for what the file holds, and a byte to see that it grew.
    let mut bytes = Vec::with_capacity(before.0 as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some((bytes, before)))
}

/// Like [`read_limited`], but a file that reads empty, or whose size or time
/// of change differs after the read from before it, is read again after a
/// short pause: an editor saving it in place truncates it and then writes it,
/// and a read in between would take the article for empty or cut. What the
/// last read gave is returned when the file does not settle.
fn read_settled(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut pauses = SETTLE_PAUSES.iter();
    loop {
        let Some((bytes, before)) = read_once(path, limit)? else { return Ok(None) };
        let after = std::fs::metadata(path).map(|m| stamp(&m)).ok();
        let settled = !bytes.is_empty() && after == Some(before) && before.0 == bytes.len() as u64;
        match pauses.next() {
            Some(pause) if !settled => std::thread::sleep(*pause),
            _ => return Ok(Some(bytes)),
        }
    }
}

/// Reads a text file of the site (`path` on disk, `shown` in messages):
/// its text, and warnings about what was taken out of it.
pub fn read_text(path: &Path, shown: &Path) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let bytes = read_settled(path, MAX_ARTICLE_BYTES)
        .map_err(|err| unreadable(shown, &err))?
        .ok_or_else(|| too_large(shown))?;
    let text = decode(&bytes).map_err(|d| d.in_file(shown))?;
    let (text, warning) = without_controls(text);
    Ok((text, warning.map(|w| w.in_file(shown)).into_iter().collect()))
}

/// What to do about a folder of the site that cannot be read (walked).
pub const UNREADABLE_FOLDER_HELP: &str =
    "check that fihris may read and enter the folder (chmod a+rx) and that no link in it leads in a circle or nowhere";

/// The error for a file that cannot be read, with what to do about it.
pub fn unreadable(shown: &Path, err: &io::Error) -> Diagnostic {
    let help = match err.kind() {
        io::ErrorKind::PermissionDenied => {
            format!(
                "fihris may not read it: give it read permission (chmod a+r {}), or move it out of the site",
                shown.display()
            )
        }
        io::ErrorKind::NotFound => "it was deleted or renamed while the site was read; run fihris again".to_owned(),
        io::ErrorKind::IsADirectory => "a folder has the name of a file of the site; rename the folder".to_owned(),
        _ => "check that the file is a readable file on a working disk, then run fihris again".to_owned(),
    };
    Diagnostic::error(format!("cannot read the file: {err}")).in_file(shown).with_help(help)
}

/// The error for a file of the site over [`MAX_ARTICLE_BYTES`].
pub fn too_large(shown: &Path) -> Diagnostic {
    let limit = MAX_ARTICLE_BYTES / (1024 * 1024);
    Diagnostic::error(format!("the file is larger than {limit} MiB, the limit for a file of the site"))
        .in_file(shown)
        .with_help(format!("a file of content/ is at most {limit} MiB; split it, or move it out of content/"))
}

/// UTF-8 with or without BOM, with CRLF or CR line ends, as LF text.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Diagnostic::error("the file is binary, not text")
            .with_help("only Markdown articles belong in content/; move this file out"));
    }
    // Checked with vector instructions (several times faster than the
    // standard check on Arabic text), then copied.
    let text = simdutf8::compat::from_utf8(bytes).map_err(|err| {
        let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or_default();
        Diagnostic::error("the file is not valid UTF-8")
            .at(Location::at(valid, valid.len()))
            .with_help("save it as UTF-8; `fihris import` converts Windows-1256 and other legacy encodings")
    })?;
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() })
}

/// Characters XML 1.0 forbids (C0 controls other than tab and line feed,
/// U+FFFE, U+FFFF): one in a title or text would make every feed that
/// carries it ill-formed, and they are never text anyone meant to write
/// (scraped pages carry them from broken encodings and copy-paste).
pub fn is_forbidden_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Where the first byte is that may start a [forbidden
/// control](is_forbidden_control): one below 0x20 other than tab and line
/// feed, or 0xEF (U+FFFE, U+FFFF). Every article is read through this, so
/// bytes are tested a block at a time, without stopping inside a block,
/// which the compiler makes into vector instructions.
fn first_suspect_byte(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    let suspect = |b: &u8| (*b < 0x20 && *b != b'\n' && *b != b'\t') || *b == 0xEF;
    let mut offset = 0;
    for block in bytes.chunks(BLOCK) {
        if block.iter().fold(false, |any, b| any | suspect(b)) {
            return block.iter().position(suspect).map(|at| offset + at);
        }
        offset += block.len();
    }
    None
}

/// `text` without [forbidden controls](is_forbidden_control), and a warning
/// saying how many there were and where the first was (line and column in
/// the text as it was read).
fn without_controls(text: String) -> (String, Option<Diagnostic>) {
    let first = first_suspect_byte(text.as_bytes())
        .and_then(|from| text[from..].find(is_forbidden_control).map(|at| from + at));
    let Some(first) = first else { return (text, None) };
    let count = text.chars().filter(|&c| is_forbidden_control(c)).count();
    let location = Location::in_lines(&LineStarts::of(&text), &text, first);
    let code = text[first..].chars().next().map_or(0, u32::from);
    let cleaned: String = text.chars().filter(|&c| !is_forbidden_control(c)).collect();
    let what = if count == 1 { "a control character".to_owned() } else { format!("{count} control characters") };
    let warning = Diagnostic::warning(format!("{what} (the first U+{code:04X}) removed: no page or feed may carry them"))
        .at(location)
        .with_help("they are invisible and usually come from copying or a broken encoding; save the file without them to silence this");
    (cleaned, Some(warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBF---\r\ntitle: x\r\n").expect("valid"), "---\ntitle: x\n");
        assert_eq!(decode(b"a\rb").expect("valid"), "a\nb");
        assert!(decode(b"abc\0def").expect_err("binary").message.contains("binary"));
        let err = decode(b"line one\nab\xE1\xFF").expect_err("invalid");
        assert_eq!(err.location.map(|l| (l.line, l.column)), Some((2, 3)));
    }

    #[test]
    fn controls_are_removed_with_their_place() {
        // Text read, text kept, line and column of the first control.
        type Case<'a> = (&'a str, &'a str, Option<(usize, usize)>);
        let table: [Case; 8] = [
            ("نص عادي\tمع جدولة\n", "نص عادي\tمع جدولة\n", None),
            ("a\u{1}b", "ab", Some((1, 2))),
            ("سطر\nبو\u{8}تين\u{1B}\n", "سطر\nبوتين\n", Some((2, 3))),
            ("x\u{B}\u{C}\u{1F}", "x", Some((1, 2))),
            ("\u{FFFE}a\u{FFFF}", "a", Some((1, 1))),
            ("DEL\u{7F} and C1\u{85} stay", "DEL\u{7F} and C1\u{85} stay", None),
            // Presentation forms share the first byte of U+FFFE and U+FFFF.
            ("ﻻ ﻷ \u{FFFF}", "ﻻ ﻷ ", Some((1, 5))),
            ("ﻻ\tﻷ\n", "ﻻ\tﻷ\n", None),
        ];
        for (input, expected, place) in table {
            let (cleaned, warning) = without_controls(input.to_owned());
            assert_eq!(cleaned, expected, "{input:?}");
            let found = warning.as_ref().and_then(|w| w.location.as_ref()).map(|l| (l.line, l.column));
            assert_eq!(found, place, "{input:?}");
        }
    }

    #[test]
    fn suspect_bytes_are_found_in_any_block() {
        let long = "نص عادي\tو\n".repeat(40);
        assert_eq!(first_suspect_byte(long.as_bytes()), None);
        let boundary = |near: usize| (near..).find(|&at| long.is_char_boundary(at)).unwrap_or(long.len());
        for at in [0, boundary(63), boundary(64), boundary(65), boundary(130), long.len()] {
            let mut text = long.clone();
            text.insert(at, '\u{1}');
            assert_eq!(first_suspect_byte(text.as_bytes()), Some(at), "{at}");
        }
        assert_eq!(first_suspect_byte("ﻻ".as_bytes()), Some(0));
    }

    #[test]
    fn prefetching_leaves_what_work_reads_and_returns_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut paths: Vec<PathBuf> = (0..40).map(|i| PathBuf::from(format!("{i:02}.md"))).collect();
        for (i, path) in paths.iter().enumerate() {
            std::fs::write(dir.path().join(path), format!("مقال {i}")).expect("write");
        }
        // Missing files and folders are the work's to report, not the readers'.
        paths.push(PathBuf::from("missing.md"));
        std::fs::create_dir(dir.path().join("folder.md")).expect("mkdir");
        paths.push(PathBuf::from("folder.md"));
        let read = with_files_prefetched(dir.path(), &paths, || {
            paths.iter().map(|p| std::fs::read_to_string(dir.path().join(p)).ok()).collect::<Vec<_>>()
        });
        assert_eq!(read.len(), 42);
        assert_eq!(read[7].as_deref(), Some("مقال 7"));
        assert_eq!(read[40], None);
        assert_eq!(read[41], None);
        assert_eq!(with_files_prefetched(dir.path(), &[], || 5), 5);
    }

    #[test]
    fn a_file_emptied_for_a_moment_is_read_once_it_is_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        std::fs::write(&path, "").expect("truncated");
        let writer = {
            let path = path.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(8));
                std::fs::write(path, "---\ntitle: x\n---\n").expect("written");
            })
        };
        let bytes = read_settled(&path, MAX_ARTICLE_BYTES).expect("read").expect("small");
        writer.join().expect("the writer ends");
        assert_eq!(bytes, b"---\ntitle: x\n---\n");
        // A file that stays empty comes back empty, after the pauses.
        std::fs::write(&path, "").expect("emptied");
        assert_eq!(read_settled(&path, MAX_ARTICLE_BYTES).expect("read"), Some(Vec::new()));
    }
}
