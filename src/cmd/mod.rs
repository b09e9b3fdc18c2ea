//! One module per command; each is thin and returns what `main` prints.

pub mod build;
pub mod check;
pub mod entities;
pub mod import;
pub mod init;

use crate::diagnostics::Diagnostics;

/// How a command ended, for `main` to print and turn into an exit code.
pub enum Outcome {
    /// Done; a summary line and any warnings (all of them, or the first few).
    Done { summary: String, warnings: Diagnostics, all_warnings: bool },
    /// Problems in the user's site (exit 1).
    Failed(Diagnostics),
}
