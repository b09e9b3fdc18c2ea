//! `fihris check`: the whole pipeline into nothing, reporting every problem.

use crate::cli::SiteArgs;
use crate::output::NullOutput;
use crate::site;

use super::Outcome;

pub fn run(args: &SiteArgs) -> Outcome {
    match site::run(&args.options(), &NullOutput) {
        Ok(report) => Outcome::Done {
            summary: format!("checked {} articles and {} entities: no errors", report.articles, report.entities),
            warnings: report.warnings,
            all_warnings: true,
        },
        Err(problems) => Outcome::Failed(problems),
    }
}
