//! `fihris build`: the whole pipeline into the output folder. A site fihris
//! wrote before is updated file by file, using what the last build remembered
//! (see [`crate::cache`]); otherwise the site is built into a fresh folder
//! and swapped in. Either way, only a successful build changes the folder.

use std::fmt::Write;

use crate::build::{self, Memory};
use crate::cache;
use crate::cli::BuildArgs;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::DiskOutput;

use super::Outcome;

pub fn run(args: &BuildArgs) -> Outcome {
    let options = args.site.options();
    let out = match &args.out {
        Some(out) => out.clone(),
        None => {
            options.root.join(Config::load(&options.root).map(|c| c.output_dir).unwrap_or_else(|_| "public".into()))
        }
    };
    let (mut memory, updating) = match cache::load(&out) {
        Some((build, memory)) if DiskOutput::build_of(&out) == Some(build) => (memory, true),
        // The folder is not what the cache describes: analyses still serve.
        Some((_, memory)) => (Memory { manifest: Default::default(), ..memory }, false),
        None => (Memory::default(), false),
    };
    let disk = if updating { DiskOutput::update(&out) } else { DiskOutput::fresh(&out) };
    let disk = match disk {
        Ok(disk) => disk,
        Err(err) => {
            let problem = Diagnostic::error(format!("cannot create the output folder {}: {err}", out.display()))
                .with_help("check that its parent folder exists and is writable, or choose another with --out DIR");
            return Outcome::Failed([problem].into_iter().collect());
        }
    };
    match build::run(&options, &mut memory, &disk, &mut |_| {}) {
        Ok(report) => {
            let build_id = cache::new_build_id();
            if let Err(err) = disk.commit(build_id) {
                let problem = Diagnostic::error(format!("cannot replace {}: {err}", out.display()))
                    .with_help("close programs that hold files in it, check permissions, and build again");
                return Outcome::Failed([problem].into_iter().collect());
            }
            let mut warnings = report.warnings;
            if let Err(err) = cache::save(&out, build_id, memory) {
                warnings.push(
                    Diagnostic::warning(format!(
                        "cannot remember this build in {}: {err}",
                        cache::path(&out).display()
                    ))
                    .with_help("the next build will build everything again; check that the folder is writable"),
                );
            }
            let stats = &report.stats;
            let mut summary = format!(
                "built {} articles, {} entities, {} mentions: {} pages and {} feeds in {} ({} files written, {} unchanged, {} deleted; {} articles analysed)",
                report.articles,
                report.entities,
                report.mentions,
                stats.pages,
                stats.feeds,
                out.display(),
                stats.written,
                stats.kept,
                report.gone.len(),
                report.analysed,
            );
            if args.timings {
                for (step, took) in &report.timings {
                    let _ = write!(summary, "\n  {step:<18} {:>8.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            Outcome::Done { summary, warnings, all_warnings: false }
        }
        Err(problems) => {
            disk.abort();
            let mut problems: Diagnostics = problems;
            problems.push(Diagnostic::warning(format!("nothing was written: {} is as it was", out.display())));
            Outcome::Failed(problems)
        }
    }
}
