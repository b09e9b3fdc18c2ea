//! The command line: clap structures turned into the options of each command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "fihris", version, about = "فهرس — a static site generator for Arabic news archives", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into public/ (or --out DIR)
    Build(BuildArgs),
    /// Check articles, entity lists, templates and links without writing the site
    Check(SiteArgs),
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder (the one with site.toml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Use this base URL instead of the one in site.toml (e.g. https://example.org/fihris/)
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: output_dir of site.toml, else public/)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print how long each step took
    #[arg(long)]
    pub timings: bool,
}

impl SiteArgs {
    pub fn options(&self) -> crate::site::SiteOptions {
        crate::site::SiteOptions { root: self.root.clone(), base_url: self.base_url.clone() }
    }
}
