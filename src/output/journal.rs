//! The journal of an update of a site on disk: the files to move in from the
//! staging folder and the files to delete, written down before any is moved,
//! so that a build killed halfway is finished by the next one.

use std::io;
use std::path::{Path, PathBuf};

use super::is_safe_path;

/// The moves of an update, written down before they are made.
pub struct Journal {
    pub staging: PathBuf,
    /// Files of the staging folder to move into the destination.
    pub moves: Vec<String>,
    /// Files of the destination to delete.
    pub removed: Vec<String>,
}

impl Journal {
    pub fn to_text(&self) -> String {
        let mut text = format!("staging {}\n", self.staging.display());
        for path in &self.moves {
            text.push_str(&format!("move {path}\n"));
        }
        for path in &self.removed {
            text.push_str(&format!("remove {path}\n"));
        }
        text
    }

    pub fn from_text(text: &str) -> Option<Journal> {
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
    pub fn carry_out(&self, destination: &Path) -> io::Result<()> {
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
