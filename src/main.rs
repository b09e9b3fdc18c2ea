//! The `fihris` command: parse the arguments, run the command, print its
//! problems once, and exit 0 (done), 1 (problems in the site) or 2 (usage).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use fihris::cli::{Cli, Command};
use fihris::cmd::{self, Outcome};
use fihris::diagnostics::Diagnostics;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Serve(args) => fihris::serve::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::Entities(command) => cmd::entities::run(command),
    };
    let mut stderr = std::io::stderr().lock();
    match outcome {
        Outcome::Done { summary, warnings, all_warnings } => {
            let limit = if all_warnings { usize::MAX } else { MAX_WARNINGS_SHOWN };
            let shown = warnings.iter().take(limit);
            for warning in shown {
                let _ = writeln!(stderr, "{warning}");
            }
            if warnings.warning_count() > limit {
                let more = warnings.warning_count() - limit;
                let _ = writeln!(stderr, "… and {more} more warnings: `fihris check` lists them all\n");
            }
            let _ = writeln!(std::io::stdout().lock(), "{summary}");
            ExitCode::SUCCESS
        }
        Outcome::Failed(problems) => {
            let _ = write!(stderr, "{problems}");
            let _ = writeln!(stderr, "{}", tally(&problems));
            ExitCode::from(1)
        }
    }
}

/// A build prints this many warnings at most; `check` prints them all.
const MAX_WARNINGS_SHOWN: usize = 10;

fn tally(problems: &Diagnostics) -> String {
    let (errors, warnings) = (problems.error_count(), problems.warning_count());
    let plural = |n: usize, word: &str| {
        if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
    };
    format!("failed: {}, {}", plural(errors, "error"), plural(warnings, "warning"))
}
