//! `fihris build`: the whole pipeline into a fresh folder, swapped in only when
//! the build succeeded, and only over a folder that fihris wrote.

use std::fmt::Write;

use crate::cli::BuildArgs;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{DiskOutput, NullOutput, Replace};
use crate::site;

use super::Outcome;

pub fn run(args: &BuildArgs) -> Outcome {
    let options = args.site.options();
    let config = match Config::load(&options.root) {
        Ok(config) => config,
        // No output folder is touched, or named, when there is no site to
        // build; every other problem of the site is still reported.
        Err(_) => return Outcome::Failed(checked(&options, None)),
    };
    let out = args.out.clone().unwrap_or_else(|| options.root.join(&config.output_dir));
    let replace = if args.force { Replace::Anything } else { Replace::OnlyOurs };
    let disk = match DiskOutput::create(&out, &options.root, replace) {
        Ok(disk) => disk,
        Err(refused) => {
            let mut problems = checked(&options, Some(refused));
            problems.push(Diagnostic::warning(format!("nothing was written: {} is as it was", out.display())));
            return Outcome::Failed(problems);
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
                summary.push_str(&timings(&report.timings));
            }
            Outcome::Done { summary, warnings: report.warnings, all_warnings: false }
        }
        Err(mut problems) => {
            if let Some(full) = disk.full_disk() {
                let each_file = crate::render::disk_full();
                problems.retain(|problem| *problem != each_file);
                problems.push(full);
            }
            disk.abort();
            problems.push(Diagnostic::warning(format!("nothing was written: {} is as it was", out.display())));
            Outcome::Failed(problems)
        }
    }
}

/// How long each step took, a line each, for `--timings`.
pub fn timings(steps: &[(&'static str, std::time::Duration)]) -> String {
    let mut lines = String::new();
    for (step, took) in steps {
        let _ = write!(lines, "\n  {step:<18} {:>8.1} ms", took.as_secs_f64() * 1000.0);
    }
    lines
}

/// The problems of the site, found as `check` finds them, with `first` (why
/// the site is not written) before them.
fn checked(options: &site::SiteOptions, first: Option<Diagnostic>) -> Diagnostics {
    let mut problems: Diagnostics = first.into_iter().collect();
    if let Err(more) = site::run(options, &NullOutput) {
        problems.extend(more);
    }
    problems
}
