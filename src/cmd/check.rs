//! `fihris check`: the whole pipeline into nothing, reporting every problem.

use crate::build::{self, Memory};
use crate::cli::SiteArgs;
use crate::output::NullOutput;

use super::Outcome;

pub fn run(args: &SiteArgs) -> Outcome {
    match build::run(&args.options(), &mut Memory::default(), &NullOutput, &mut |_| {}) {
        Ok(report) => Outcome::Done {
            summary: format!("checked {} articles and {} entities: no errors", report.articles, report.entities),
            warnings: report.warnings,
            all_warnings: true,
        },
        Err(problems) => Outcome::Failed(problems),
    }
}
