//! `fihris build`: the whole pipeline into the output folder, only over a
//! folder that fihris wrote (or an empty one). A site fihris wrote before is
//! updated file by file, using what the last build remembered (see
//! [`crate::cache`]); otherwise the site is built into a fresh folder and
//! swapped in. Either way, only a successful build changes the folder.

use std::fmt::Write;

use crate::build::{self, Memory, SiteOptions};
use crate::cache;
use crate::cli::BuildArgs;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{DiskOutput, NullOutput, Replace};

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
    let started = std::time::Instant::now();
    let (mut memory, updating) = match cache::load(&out) {
        Some((build, memory)) if DiskOutput::build_of(&out) == Some(build) => (memory, true),
        // The folder is not what the cache describes: the analyses still serve.
        Some((_, memory)) => (Memory { manifest: Default::default(), ..memory }, false),
        None => (Memory::default(), false),
    };
    let loaded = started.elapsed();
    let replace = if args.force { Replace::Anything } else { Replace::OnlyOurs };
    let disk = if updating {
        DiskOutput::update(&out, &options.root)
    } else {
        DiskOutput::fresh(&out, &options.root, replace)
    };
    let disk = match disk {
        Ok(disk) => disk,
        Err(refused) => {
            let mut problems = checked(&options, Some(refused));
            problems.push(Diagnostic::warning(format!("nothing was written: {} is as it was", out.display())));
            return Outcome::Failed(problems);
        }
    };
    match build::run(&options, &mut memory, &disk, &mut |_| {}) {
        Ok(mut report) if updating && report.changed_nothing() => {
            // The folder and the cache beside it stay as they are, the marker naming the same build.
            disk.abort();
            report.timings.insert(0, ("load the cache", loaded));
            Outcome::Done {
                summary: summary(&out, &report, args.timings),
                warnings: report.warnings,
                all_warnings: false,
            }
        }
        Ok(mut report) => {
            let build_id = cache::new_build_id();
            if let Err(err) = disk.commit(build_id) {
                let problem = Diagnostic::error(format!("cannot replace {}: {err}", out.display()))
                    .with_help("close programs that hold files in it, check permissions, and build again");
                return Outcome::Failed([problem].into_iter().collect());
            }
            let mut warnings = std::mem::take(&mut report.warnings);
            let saving = std::time::Instant::now();
            if let Err(err) = cache::save(&out, build_id, memory) {
                warnings.push(
                    Diagnostic::warning(format!(
                        "cannot remember this build in {}: {err}",
                        cache::path(&out).display()
                    ))
                    .with_help("the next build will build everything again; check that the folder is writable"),
                );
            }
            report.timings.insert(0, ("load the cache", loaded));
            report.timings.push(("save the cache", saving.elapsed()));
            Outcome::Done { summary: summary(&out, &report, args.timings), warnings, all_warnings: false }
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

/// What a build did, in a line, and with `timings` how long each step took.
fn summary(out: &std::path::Path, report: &build::Report, timings: bool) -> String {
    let stats = &report.stats;
    let mut summary = format!(
        "built {} articles, {} entities, {} mentions: {} pages and {} feeds in {} ({} files written, {} unchanged, {} deleted; {} articles read, {} analysed)",
        report.articles,
        report.entities,
        report.mentions,
        stats.pages,
        stats.feeds,
        out.display(),
        stats.written,
        stats.kept,
        report.gone.len(),
        report.read,
        report.analysed,
    );
    if timings {
        summary.push_str(&self::timings(&report.timings));
    }
    summary
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
fn checked(options: &SiteOptions, first: Option<Diagnostic>) -> Diagnostics {
    let mut problems: Diagnostics = first.into_iter().collect();
    if let Err(more) = build::run(options, &mut Memory::default(), &NullOutput, &mut |_| {}) {
        problems.extend(more);
    }
    problems
}
