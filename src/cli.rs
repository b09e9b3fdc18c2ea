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
    Check(CheckArgs),
    /// Build the site into memory, serve it on 127.0.0.1 and reload open pages when files change
    Serve(ServeArgs),
    /// Turn raw scraped article text into articles in content/articles/
    Import(ImportArgs),
    /// Write a new site into DIR: site.toml, a sample article, entity lists and a GitHub Pages workflow
    Init(InitArgs),
    /// Grow the entity lists: names the articles use that no list has, one entity, or a Wikidata query result
    #[command(subcommand)]
    Entities(EntitiesCommand),
}

#[derive(Debug, Subcommand)]
pub enum EntitiesCommand {
    /// Names in the articles that are in no list, best first, with kind, counts, spellings and contexts,
    /// as TOML to paste or JSON; new spellings of listed entities; --write adds them to the lists
    Suggest(SuggestArgs),
    /// Add one entity to its list (comments and order of the list are kept)
    Add(AddArgs),
    /// Add the entities of a Wikidata query result (the query service's JSON or CSV download):
    /// item, Arabic label, aliases, description and instance-of
    Import(WikidataArgs),
}

/// A list: people, places or sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Person,
    Place,
    Source,
}

impl KindArg {
    pub fn kind(self) -> crate::entities::Kind {
        match self {
            KindArg::Person => crate::entities::Kind::Person,
            KindArg::Place => crate::entities::Kind::Place,
            KindArg::Source => crate::entities::Kind::Source,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SuggestFormat {
    Toml,
    Json,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The site's folder (the one with site.toml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Only names guessed to be of this kind
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only names found in at least N articles (1 also lists names found once, which are
    /// ordinary phrases about as often as names)
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min: usize,
    /// Show (and with --write add) at most N names, the best
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// toml: ready to paste into the lists; json: for other tools
    #[arg(long, value_enum, default_value = "toml")]
    pub format: SuggestFormat,
    /// Add the names proposed (after --kind, --min, --limit) and the new spellings to the lists,
    /// keeping their comments and order; names of unknown kind are left out
    #[arg(long)]
    pub write: bool,
    /// With --write: ask in the terminal about each name (y adds it, n skips it, q stops)
    #[arg(long, requires = "write")]
    pub pick: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The list: person, place or source
    #[arg(value_enum)]
    pub kind: KindArg,
    /// The key: the page's address (/people/KEY/); short ASCII keys read best in links
    pub key: String,
    /// The name as it is shown
    pub name: String,
    /// Another spelling that occurs (repeat for several)
    #[arg(long = "alias", value_name = "SPELLING")]
    pub aliases: Vec<String>,
    /// A spelling that is also an ordinary word: it counts only where the entity is named otherwise
    #[arg(long = "weak", value_name = "SPELLING")]
    pub weak: Vec<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// The Wikidata item, e.g. Q7747
    #[arg(long)]
    pub wikidata: Option<String>,
    /// Places: country, city, region, site; sources: agency, newspaper, channel, website, think-tank
    #[arg(long)]
    pub subkind: Option<String>,
    /// The site's folder (the one with site.toml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct WikidataArgs {
    /// The query result, downloaded from the Wikidata query service as JSON or CSV
    pub file: PathBuf,
    /// The list for items whose instance-of does not say (default: such items are skipped)
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Print what would be added instead of adding it
    #[arg(long)]
    pub dry_run: bool,
    /// The site's folder (the one with site.toml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Raw text files, or folders of them
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
    /// Replace the output folder even if fihris did not write it (never the site's own folders)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
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
    pub fn options(&self) -> crate::build::SiteOptions {
        crate::build::SiteOptions { root: self.root.clone(), base_url: self.base_url.clone(), keep_last_good: false }
    }
}
