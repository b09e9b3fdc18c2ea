//! Raw scraped text to an article: decoding, the article found among the
//! page's boilerplate, its title, date and outlet guessed, and Markdown with
//! front matter that `fihris build` reads back as it was written.
//!
//! Names of outlets and datelines are looked up in the site's own entity
//! lists, so an imported article links its source from the start. Nothing is
//! invented: what cannot be found is left out and reported.

pub mod decode;
mod extract;
mod lines;

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::entities::catalog::{Catalog, EntityId, Kind};
use crate::entities::matcher::{Matcher, Scratch};
pub use decode::Unreadable;
pub use extract::Block;

/// The site's entity lists, for naming outlets and places.
pub struct Lists {
    catalog: Catalog,
    matcher: Matcher,
}

impl Lists {
    pub fn new(catalog: Catalog) -> Lists {
        let matcher = Matcher::new(&catalog);
        Lists { catalog, matcher }
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

    /// Whether `text` is exactly the name of a known place.
    fn is_place(&self, text: &str) -> bool {
        self.catalog.resolve(Kind::Place, text).is_some()
    }
}

/// The publishing outlet: a key of the site's sources, or a name it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outlet {
    Known(String),
    Unknown(String),
}

/// An article made from a raw file.
#[derive(Debug)]
pub struct Imported {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<Outlet>,
    /// Other sources credited (the original of a translation).
    pub sources: Vec<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    /// Hashtags that close the standfirst (`#سوريا #روسيا`).
    pub tags: Vec<String>,
    pub slug: String,
    pub blocks: Vec<Block>,
    pub encoding: &'static str,
    /// Non-empty lines kept in the body, and the others (title and metadata aside).
    pub kept: usize,
    pub dropped: usize,
}

pub fn import(bytes: &[u8], lists: &Lists) -> Result<Imported, Unreadable> {
    let decoded = decode::decode(bytes)?;
    let mut found = extract::extract(&decoded.text);
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
    let source = explicit.or_else(|| named_once(&found.masthead)).or_else(|| named_once(&found.copyright));
    let sources = found.origin.iter().filter_map(|name| lists.source_key(name)).collect();
    if let Some(dateline) = found.dateline.take().filter(|d| lists.is_place(d)) {
        found.blocks.insert(0, Block::Paragraph(dateline));
    }
    let (summary, tags) = found.summary.as_deref().map_or((None, Vec::new()), split_hashtags);
    let kept = found.blocks.len();
    let used = kept + usize::from(found.title.is_some()) + usize::from(found.summary.is_some());
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(2).map(|b| format!("{b:02x}")).collect();
    let source_key = match &source {
        Some(Outlet::Known(key)) => Some(key.as_str()),
        _ => None,
    };
    let date_part = found.date.map_or_else(|| "undated".to_owned(), |d| d.to_string());
    // The file name: a source key is the user's text, so it is made a slug too.
    let joined = [Some(date_part.as_str()), source_key, Some(hash.as_str())].into_iter().flatten().collect::<Vec<_>>();
    let slug = crate::arabic::slug::slugify(&joined.join("-")).unwrap_or_else(|| hash.clone());
    Ok(Imported {
        title: found.title,
        date: found.date,
        source,
        sources,
        url: found.url,
        author: found.author,
        summary,
        tags,
        slug,
        blocks: found.blocks,
        encoding: decoded.encoding,
        kept,
        dropped: found.lines.saturating_sub(used),
    })
}

impl Imported {
    /// The article file: YAML front matter, then the text. Values are written
    /// as JSON strings, which YAML reads as they are.
    pub fn to_markdown(&self) -> String {
        let quoted = yaml_quoted;
        let mut out = String::from("---\n");
        if let Some(title) = &self.title {
            out.push_str(&format!("title: {}\n", quoted(title)));
        }
        if let Some(date) = self.date {
            out.push_str(&format!("date: {date}\n"));
        }
        match &self.source {
            Some(Outlet::Known(key)) if key.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') => {
                out.push_str(&format!("source: {key}\n"));
            }
            Some(Outlet::Known(key)) => out.push_str(&format!("source: {}\n", quoted(key))),
            Some(Outlet::Unknown(name)) => out.push_str(&format!(
                "# source: {}  # not in content/sources.toml: add it there, then remove the first #\n",
                quoted(name)
            )),
            None => {}
        }
        if let Some(url) = &self.url {
            out.push_str(&format!("url: {}\n", quoted(url)));
        }
        if let Some(author) = &self.author {
            out.push_str(&format!("author: {}\n", quoted(author)));
        }
        if let Some(summary) = &self.summary {
            out.push_str(&format!("summary: {}\n", quoted(summary)));
        }
        out.push_str(&format!("slug: {}\n", self.slug));
        if !self.tags.is_empty() {
            out.push_str(&format!("tags: [{}]\n", self.tags.join(", ")));
        }
        if !self.sources.is_empty() {
            out.push_str(&format!("sources: [{}]\n", self.sources.join(", ")));
        }
        out.push_str("---\n");
        for block in &self.blocks {
            out.push('\n');
            match block {
                Block::Heading(text) => out.push_str(&format!("## {text}\n")),
                Block::Paragraph(text) => out.push_str(&format!("{}\n", escape_block_start(text))),
            }
        }
        out
    }

    /// What could not be found, for the summary line.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.title.is_none() {
            missing.push("title");
        }
        if self.date.is_none() {
            missing.push("date");
        }
        if self.source.is_none() {
            missing.push("source");
        }
        if self.blocks.is_empty() {
            missing.push("text");
        }
        missing
    }
}

/// `text` as a YAML double-quoted string: JSON's escapes, and `\u` escapes
/// for what YAML does not allow unescaped (DEL, C1 controls, non-characters),
/// which scraped text can carry.
fn yaml_quoted(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let printable = matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
            && c != '\u{FEFF}';
        if printable {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{:04X}", c as u32));
        }
    }
    out
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

/// A paragraph that starts like Markdown syntax (`# `, `> `, `- `, `1. `) would
/// not read back as the text it is; a backslash keeps it text.
fn escape_block_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &text[digits..];
    let list_number = digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") "));
    let marker = text.starts_with(['#', '>', '<', '|', '=', '`', '~'])
        || ["- ", "+ ", "* "].iter().any(|m| text.starts_with(m))
        || text == "-"
        || text.starts_with("***")
        || text.starts_with("___");
    if list_number {
        format!("{}\\{}", &text[..digits], after_digits)
    } else if marker {
        format!("\\{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_closing_a_standfirst_become_tags() {
        let (text, tags) = split_hashtags("تفاصيل اللقاء وتأثيره على المنطقة. #سوريا #روسيا");
        assert_eq!(
            (text.as_deref(), tags),
            (Some("تفاصيل اللقاء وتأثيره على المنطقة."), vec!["سوريا".to_owned(), "روسيا".to_owned()])
        );
        assert_eq!(split_hashtags("لا وسوم هنا").1, Vec::<String>::new());
    }

    #[test]
    fn markdown_syntax_at_the_start_of_a_paragraph_stays_text() {
        assert_eq!(escape_block_start("# ليس عنوانا"), "\\# ليس عنوانا");
        assert_eq!(escape_block_start("1. أولا"), "1\\. أولا");
        assert_eq!(escape_block_start("- بند"), "\\- بند");
        assert_eq!(escape_block_start("وقال 1. شيئا"), "وقال 1. شيئا");
    }
}
