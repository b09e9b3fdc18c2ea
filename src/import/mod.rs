//! What people collect, turned into articles: saved web pages (HTML in any
//! encoding), web archives (WARC), RSS, Atom and JSON feeds, and raw copied
//! text. Each input is recognised by its content, not its name; the article
//! is found among the page's boilerplate, its title, date, author and outlet
//! read from the page's metadata and from what it shows, and it becomes
//! Markdown with front matter that `fihris build` reads back as written.
//!
//! Names of outlets and datelines are looked up in the site's own entity
//! lists, so an imported article links its source from the start. Nothing is
//! invented: what cannot be found is left out and reported. Adding a new
//! outlet to `sources.toml` is the command's job (`cmd/import.rs`), with
//! [`sources_file`]; this module only says what it found.

mod article;
pub mod decode;
mod detect;
mod extract;
mod feed;
mod html;
mod lines;
mod outlet;
pub mod sources_file;
mod warc;

use sha2::{Digest, Sha256};

pub use article::{Block, Dropped, Image, Imported, Outlet, OutletDetails};
use decode::Decoded;
pub use decode::Unreadable;
pub use detect::Format;

use crate::entities::catalog::{Catalog, EntityId, Kind};
use crate::entities::matcher::{Matcher, Scratch};

/// The most a compressed input may grow to when decompressed, and the most
/// one page, feed or archive may hold: larger ones are refused, so a small
/// file that decompresses to gigabytes (a "gzip bomb") cannot exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The site's entity lists, for naming outlets and places.
pub struct Lists {
    catalog: Catalog,
    matcher: Matcher,
    /// Host of each source's `url` (`www.` left out) → the source.
    hosts: Vec<(String, EntityId)>,
}

impl Lists {
    pub fn new(catalog: Catalog) -> Lists {
        let matcher = Matcher::new(&catalog);
        let hosts = catalog
            .ids()
            .filter(|&id| catalog.get(id).kind == Kind::Source)
            .filter_map(|id| Some((outlet::site_host(catalog.get(id).url.as_deref()?)?, id)))
            .collect();
        Lists { catalog, matcher, hosts }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The entities of `kind` named in `text`, in order of appearance.
    fn named_in(&self, text: &str, kind: Kind) -> Vec<EntityId> {
        let mut found = Vec::new();
        self.matcher.find(text, &mut Scratch::default(), &mut found);
        found.iter().filter_map(|f| self.catalog.sole(kind, f.claimants.iter().map(|c| c.entity))).collect()
    }

    /// A source's key from a name as the text writes it (`موقع المونيتور الأمريكي`).
    fn source_key(&self, name: &str) -> Option<String> {
        let id =
            self.catalog.resolve(Kind::Source, name).or_else(|| self.named_in(name, Kind::Source).first().copied())?;
        Some(self.catalog.get(id).key.clone())
    }

    /// The source whose `url` is on `host`.
    fn source_of_host(&self, host: &str) -> Option<EntityId> {
        let host = outlet::site_host(host)?;
        self.hosts.iter().find(|(h, _)| *h == host).map(|&(_, id)| id)
    }

    /// Whether `text` is exactly the name of a known place.
    fn is_place(&self, text: &str) -> bool {
        self.catalog.resolve(Kind::Place, text).is_some()
    }
}

/// What one input gave: an article, or something in it that was not one.
#[derive(Debug)]
pub enum Item {
    /// `part` names the record or item inside an archive or feed (empty for a page or text file).
    Article {
        part: String,
        article: Box<Imported>,
    },
    Skipped {
        part: String,
        why: String,
    },
}

/// Where a page came from, when an archive or a feed says.
#[derive(Debug, Default, Clone)]
pub struct Origin {
    /// The address it was fetched from.
    pub address: Option<String>,
    /// The charset its HTTP headers named.
    pub charset: Option<String>,
}

/// Imports one page or text file (HTML is recognised by its content).
pub fn import(bytes: &[u8], lists: &Lists) -> Result<Imported, Unreadable> {
    match detect::sniff(bytes) {
        Format::Html => html::import(bytes, &Origin::default(), lists),
        _ => import_text(bytes, lists),
    }
}

/// Reads any input: a page, a text file, an archive of pages, a feed, or any
/// of these gzipped. Each article, and each part that is not one, is handed
/// to `each` as soon as it is read, so an archive of any size is read in
/// bounded memory. Returns what the input was.
pub fn read(bytes: &[u8], lists: &Lists, each: &mut dyn FnMut(Item)) -> Result<Format, Unreadable> {
    let inflated;
    let bytes = if detect::is_gzip(bytes) {
        inflated = detect::gunzip(bytes, MAX_INPUT_BYTES)?;
        if detect::sniff(&inflated) != Format::Warc {
            &inflated[..]
        } else {
            // A gzipped archive is read record by record from the compressed file.
            return warc::read(detect::gunzip_reader(bytes, MAX_INPUT_BYTES), lists, each).map(|()| Format::Warc);
        }
    } else {
        bytes
    };
    let format = detect::sniff(bytes);
    match format {
        Format::Warc => warc::read(std::io::BufReader::new(bytes), lists, each)?,
        Format::Feed => feed::read(bytes, lists, each)?,
        Format::Html => {
            let article = html::import(bytes, &Origin::default(), lists)?;
            each(Item::Article { part: String::new(), article: Box::new(article) });
        }
        Format::Text => {
            let article = import_text(bytes, lists)?;
            each(Item::Article { part: String::new(), article: Box::new(article) });
        }
    }
    Ok(format)
}

/// SHA-256 of `bytes` in hex.
pub fn digest_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Raw copied text: one article per file.
fn import_text(bytes: &[u8], lists: &Lists) -> Result<Imported, Unreadable> {
    let Decoded { text, encoding } = decode::decode(bytes)?;
    let text = decode::strip_tags(&text);
    let mut found = extract::extract(&text);
    let explicit = found.outlet.as_deref().map(|name| match lists.source_key(name) {
        Some(key) => Outlet::Known(key),
        None => Outlet::Unknown(name.to_owned()),
    });
    // Else the one known outlet named over the text (its masthead), or in the copyright line.
    let named_once = |lines: &[String]| {
        let mut named: Vec<EntityId> = lines.iter().flat_map(|line| lists.named_in(line, Kind::Source)).collect();
        named.sort();
        named.dedup();
        match named[..] {
            [only] => Some(Outlet::Known(lists.catalog.get(only).key.clone())),
            _ => None,
        }
    };
    let known = explicit.or_else(|| named_once(&found.masthead)).or_else(|| named_once(&found.copyright));
    // Else what the page prints of its outlet: a credit line, the copyright
    // line, and the host it shows (a link line, `www.…` in the footer).
    let shown_host = found.url.as_deref().and_then(outlet::site_host).or_else(|| {
        found.masthead.iter().chain(&found.copyright).chain(&found.footer).find_map(|l| html::shown_host(l))
    });
    let evidence = outlet::Evidence {
        host: shown_host,
        printed: found
            .credit
            .iter()
            .cloned()
            .chain(found.copyright.iter().chain(&found.footer).filter_map(|l| html::copyright_name(l)))
            .collect(),
        ..outlet::Evidence::default()
    };
    let (resolved, details) = outlet::resolve(lists, &evidence);
    let source = known.or(resolved);
    let sources = found.origin.iter().filter_map(|name| lists.source_key(name)).collect();
    if let Some(dateline) = found.dateline.take().filter(|d| lists.is_place(d)) {
        found.blocks.insert(0, Block::Paragraph(dateline));
    }
    check_date(&mut found);
    let (summary, tags) = found.summary.as_deref().map_or((None, Vec::new()), split_hashtags);
    let kept = found.blocks.len();
    let mut article = Imported {
        title: found.title,
        date: found.date,
        source,
        sources,
        url: found.url,
        author: found.author,
        summary,
        tags,
        blocks: found.blocks,
        outlet: details,
        digest: digest_hex(bytes),
        encoding,
        format: "text",
        kept,
        dropped: found.dropped.len(),
        dropped_lines: found.dropped,
        notes: found.notes,
        ..Imported::default()
    };
    article.slug = article.slug_for(4);
    Ok(article)
}

/// The date of a text page checked against what else it says: the date in
/// its address is a fallback, and a date whose weekday contradicts the
/// text's «اليوم الأحد» loses to the address's date when that one agrees.
fn check_date(found: &mut extract::Extracted) {
    let in_address = found.url.as_deref().and_then(html::date_in_address);
    let said = found.blocks.iter().take(2).find_map(|b| weekday_said(&b.text()));
    match (found.date, in_address) {
        (None, Some(date)) => {
            found.date = Some(date);
            found.notes.push(format!("the date {date} is read from the address"));
        }
        (Some(date), Some(other)) if date != other => {
            if said.is_some_and(|day| day != date.weekday() && day == other.weekday()) {
                found.notes.push(format!(
                    "the text says «اليوم» is a {:?}, which {date} is not: the address's date {other} is kept",
                    other.weekday()
                ));
                found.date = Some(other);
            } else {
                found.notes.push(format!("the address carries the date {other}, the page {date}"));
            }
        }
        (Some(date), _) if said.is_some_and(|day| day != date.weekday()) => {
            found.notes.push(format!("the text's «اليوم» names another weekday than that of {date}"));
        }
        _ => {}
    }
}

/// The weekday a text names as today (`اليوم الأحد`, `يوم الأحد`).
fn weekday_said(text: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday;
    const DAYS: [(&str, Weekday); 7] = [
        ("الاحد", Weekday::Sunday),
        ("الاثنين", Weekday::Monday),
        ("الثلاثاء", Weekday::Tuesday),
        ("الاربعاء", Weekday::Wednesday),
        ("الخميس", Weekday::Thursday),
        ("الجمعه", Weekday::Friday),
        ("السبت", Weekday::Saturday),
    ];
    let text_key = crate::arabic::key(text);
    let after = text_key.split_once("اليوم ").map(|(_, rest)| rest)?;
    let word = after.split_whitespace().next()?;
    DAYS.iter().find(|(name, _)| *name == word).map(|&(_, day)| day)
}

/// Splits the hashtags off the end of a line: the text, and the tags.
fn split_hashtags(line: &str) -> (Option<String>, Vec<String>) {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let mut tags = Vec::new();
    while let Some(tag) = words
        .last()
        .and_then(|w| w.strip_prefix('#'))
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        tags.insert(0, tag.replace('_', " "));
        words.pop();
    }
    let text = if tags.is_empty() { line.trim().to_owned() } else { words.join(" ") };
    (Some(text).filter(|t| !t.is_empty()), tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_and_the_weekday_check_a_text_pages_date() {
        let page = |date_line: &str, url: &str| {
            let text = format!(
                "افتتاح جسر جديد في المدينة\n{date_line}\nأعلنت البلدية اليوم الأحد افتتاح جسر جديد يربط جانبي المدينة، في مشروع استمر ثلاث سنوات وكلف مبالغ كبيرة.\nوقال رئيس البلدية إن الجسر سيخفف الازدحام في ساعات الذروة التي تشهدها الطرق القديمة كل يوم.\nالرابط: {url}\n"
            );
            import_text(text.as_bytes(), &Lists::new(Catalog::default())).expect("text")
        };
        let undated = page("", "https://example.org/2024/11/17/bridge");
        assert_eq!(undated.date, jiff::civil::Date::new(2024, 11, 17).ok());
        // 18 November 2024 is a Monday; the text says today is Sunday, as the address's date is.
        let contradicted = page("18 نوفمبر 2024", "https://example.org/2024/11/17/bridge");
        assert_eq!(contradicted.date, jiff::civil::Date::new(2024, 11, 17).ok(), "{:?}", contradicted.notes);
        let agreed = page("17 نوفمبر 2024", "https://example.org/news/bridge");
        assert_eq!(agreed.date, jiff::civil::Date::new(2024, 11, 17).ok());
    }

    #[test]
    fn hashtags_closing_a_standfirst_become_tags() {
        let (text, tags) = split_hashtags("تفاصيل اللقاء وتأثيره على المنطقة. #سوريا #روسيا");
        assert_eq!(
            (text.as_deref(), tags),
            (Some("تفاصيل اللقاء وتأثيره على المنطقة."), vec!["سوريا".to_owned(), "روسيا".to_owned()])
        );
        assert_eq!(split_hashtags("لا وسوم هنا").1, Vec::<String>::new());
    }
}
