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
    /// Build the site into memory, serve it on 127.0.0.1 and reload open pages when files change
    Serve(ServeArgs),
    /// Turn saved web pages, web archives (WARC), feeds and copied text into articles in content/articles/
    Import(ImportArgs),
    /// Write a new site into DIR: site.toml, a sample article, entity lists and a GitHub Pages workflow
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Saved pages (.html), web archives (.warc, .warc.gz), feeds (RSS, Atom, JSON), text files, or folders of them
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The site whose entity lists name the outlets and places (the one with site.toml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the articles (default: content/articles/ of the site)
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// Overwrite an article that already exists
    #[arg(long)]
    pub force: bool,
    /// Print what would be written instead of writing it
    #[arg(long)]
    pub dry_run: bool,
    /// How to report each article: `text` for people, `json` for scripts (one JSON object per line)
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Do not add outlets missing from sources.toml; name them in a comment of the article instead
    #[arg(long)]
    pub no_new_sources: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new site; it must not exist yet or be empty
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder (the one with site.toml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Use this base URL instead of the one in site.toml (e.g. https://example.org/fihris/);
    /// with serve, only its path is used (http://127.0.0.1:1111/fihris/ serves under /fihris/)
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

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port (default: 1111, or the next free one)
    #[arg(long)]
    pub port: Option<u16>,
    /// The address to listen on; the default serves this machine only
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
}

impl SiteArgs {
    pub fn options(&self) -> crate::site::SiteOptions {
        crate::site::SiteOptions { root: self.root.clone(), base_url: self.base_url.clone() }
    }
}
