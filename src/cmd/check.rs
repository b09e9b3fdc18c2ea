//! `fihris check`: the whole pipeline into nothing, reporting every problem.

use crate::build::{self, Memory};
use crate::cli::CheckArgs;
use crate::output::NullOutput;

use super::Outcome;

pub fn run(args: &CheckArgs) -> Outcome {
    match build::run(&args.site.options(), &mut Memory::default(), &NullOutput, &mut |_| {}) {
        Ok(report) => {
            let mut summary =
                format!("checked {} articles and {} entities: no errors", report.articles, report.entities);
            if args.timings {
                summary.push_str(&super::build::timings(&report.timings));
            }
            Outcome::Done { summary, warnings: report.warnings, all_warnings: true }
        }
        Err(problems) => Outcome::Failed(problems),
    }
}
