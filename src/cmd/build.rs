//! `fihris build`: the whole pipeline into a fresh folder, swapped in only when
//! the build succeeded.

use std::fmt::Write;

use crate::cli::BuildArgs;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::DiskOutput;
use crate::site;

use super::Outcome;

pub fn run(args: &BuildArgs) -> Outcome {
    let options = args.site.options();
    let out = match &args.out {
        Some(out) => out.clone(),
        None => {
            options.root.join(Config::load(&options.root).map(|c| c.output_dir).unwrap_or_else(|_| "public".into()))
        }
    };
    let disk = match DiskOutput::create(&out) {
        Ok(disk) => disk,
        Err(err) => {
            let problem = Diagnostic::error(format!("cannot create the output folder {}: {err}", out.display()))
                .with_help("check that its parent folder exists and is writable, or choose another with --out DIR");
            return Outcome::Failed([problem].into_iter().collect());
        }
    };
    match site::run(&options, &disk) {
        Ok(report) => {
            if let Err(err) = disk.commit() {
                let problem = Diagnostic::error(format!("cannot replace {}: {err}", out.display()))
                    .with_help("close programs that hold files in it, check permissions, and build again");
                return Outcome::Failed([problem].into_iter().collect());
            }
            let mut summary = format!(
                "built {} articles, {} entities, {} mentions: {} pages and {} feeds in {}",
                report.articles,
                report.entities,
                report.mentions,
                report.stats.pages,
                report.stats.feeds,
                out.display()
            );
            if args.timings {
                for (step, took) in &report.timings {
                    let _ = write!(summary, "\n  {step:<18} {:>8.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            Outcome::Done { summary, warnings: report.warnings, all_warnings: false }
        }
        Err(problems) => {
            disk.abort();
            let mut problems: Diagnostics = problems;
            problems.push(Diagnostic::warning(format!("nothing was written: {} is as it was", out.display())));
            Outcome::Failed(problems)
        }
    }
}
