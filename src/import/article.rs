//! An imported article as a value ([`Imported`]), and its file: YAML front
//! matter that `fihris build` reads back as written, then Markdown.

use jiff::civil::Date;

/// A block of the article's text, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    List {
        ordered: bool,
        items: Vec<String>,
    },
    /// A quotation; an embedded post keeps the link to it.
    Quote {
        text: String,
        link: Option<String>,
    },
    Table(Vec<Vec<String>>),
    /// A link that stands for something the page embedded (a video player).
    Link {
        label: String,
        address: String,
    },
}

impl Block {
    /// The block's text, for comparing and counting.
    pub fn text(&self) -> String {
        match self {
            Block::Heading(text) | Block::Paragraph(text) | Block::Quote { text, .. } => text.clone(),
            Block::List { items, .. } => items.join("\n"),
            Block::Table(rows) => rows.iter().map(|row| row.join(" ")).collect::<Vec<_>>().join("\n"),
            Block::Link { label, .. } => label.clone(),
        }
    }
}

/// The publishing outlet: a key of the site's sources, or a name it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outlet {
    Known(String),
    Unknown(String),
}

/// What else is known of the outlet, to add it to `sources.toml` when new
/// (or a spelling of a known one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutletDetails {
    /// The site's host (`www.example.org`), when the article came from a web page.
    pub host: Option<String>,
    /// `agency`, `newspaper`, `channel` or `website`, when the page says.
    pub kind: Option<&'static str>,
    /// A name the page gives a known outlet that its list does not have.
    pub new_spelling: Option<String>,
}

/// A lead image: a file beside the saved page, or an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub address: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// A line (or block) of the input that is not in the article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub text: String,
    pub why: &'static str,
}

/// An article made from one input (a file, an archive's record, a feed's item).
#[derive(Debug, Default)]
pub struct Imported {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<Outlet>,
    pub outlet: OutletDetails,
    /// Other sources credited (the original of a translation).
    pub sources: Vec<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    /// Hashtags that close the standfirst (`#سوريا #روسيا`).
    pub tags: Vec<String>,
    pub image: Option<Image>,
    pub blocks: Vec<Block>,
    /// The file name and `slug:` (see [`Imported::slug_for`]).
    pub slug: String,
    /// SHA-256 of the input, in hex: the end of the file name.
    pub digest: String,
    pub encoding: &'static str,
    /// What the input was: `text`, `HTML`, …
    pub format: &'static str,
    /// Blocks kept in the body, and the input's lines or blocks left out.
    pub kept: usize,
    pub dropped: usize,
    pub dropped_lines: Vec<Dropped>,
    /// Where the page's metadata and its visible text disagreed, and what was kept.
    pub notes: Vec<String>,
}

impl Imported {
    /// The file name and `slug:`: `YYYY-MM-DD-SOURCEKEY-XXXX`, or without the
    /// date when there is none (a date added later then leaves it as it is).
    /// `hash_len` hex digits of the digest (4, more when two articles would
    /// meet); the source key is the user's text, so it is slugified.
    pub fn slug_for(&self, hash_len: usize) -> String {
        let hash = &self.digest[..hash_len.min(self.digest.len())];
        let date = self.date.map(|d| d.to_string());
        let key = match &self.source {
            Some(Outlet::Known(key)) => Some(key.as_str()),
            _ => None,
        };
        let joined: Vec<&str> = [date.as_deref(), key, Some(hash)].into_iter().flatten().collect();
        crate::arabic::slug::slugify(&joined.join("-")).unwrap_or_else(|| hash.to_owned())
    }

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
        if let Some(image) = &self.image {
            out.push_str(&format!("image: {}\n", quoted(&image.address)));
            if let Some(caption) = &image.caption {
                out.push_str(&format!("image_caption: {}\n", quoted(caption)));
            }
            if let Some(credit) = &image.credit {
                out.push_str(&format!("image_credit: {}\n", quoted(credit)));
            }
        }
        out.push_str(&format!("slug: {}\n", self.slug));
        if !self.tags.is_empty() {
            out.push_str(&format!("tags: [{}]\n", self.tags.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", ")));
        }
        if !self.sources.is_empty() {
            out.push_str(&format!("sources: [{}]\n", self.sources.join(", ")));
        }
        out.push_str("---\n");
        for block in &self.blocks {
            out.push('\n');
            out.push_str(&block_markdown(block));
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

    /// The body as it is written to the file.
    pub fn body_markdown(&self) -> String {
        self.blocks.iter().map(block_markdown).collect::<Vec<_>>().join("\n")
    }
}

fn block_markdown(block: &Block) -> String {
    match block {
        Block::Heading(text) => format!("## {}\n", escape_inline(text)),
        Block::Paragraph(text) => format!("{}\n", escape_block_start(&escape_inline(text))),
        Block::List { ordered, items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let marker = if *ordered { format!("{}.", i + 1) } else { "-".to_owned() };
                format!("{marker} {}\n", escape_block_start(&escape_inline(item)))
            })
            .collect(),
        Block::Quote { text, link } => {
            let mut quote = format!("> {}\n", escape_block_start(&escape_inline(text)));
            if let Some(link) = link {
                quote.push_str(&format!(">\n> <{}>\n", link.replace(['<', '>', ' '], "")));
            }
            quote
        }
        Block::Table(rows) => {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            let row = |cells: &[String]| {
                let mut line = String::from("|");
                for i in 0..width {
                    let cell = cells.get(i).map(String::as_str).unwrap_or("");
                    line.push_str(&format!(" {} |", escape_inline(cell).replace('|', "\\|")));
                }
                line.push('\n');
                line
            };
            let mut table = String::new();
            for (i, cells) in rows.iter().enumerate() {
                table.push_str(&row(cells));
                if i == 0 {
                    table.push('|');
                    table.push_str(&" --- |".repeat(width));
                    table.push('\n');
                }
            }
            table
        }
        Block::Link { label, address } => {
            format!("[{}](<{}>)\n", escape_inline(label), address.replace(['<', '>', ' '], ""))
        }
    }
}

/// `text` as a YAML double-quoted string: JSON's escapes, and `\u` escapes
/// for what YAML does not allow unescaped (DEL, C1 controls, non-characters),
/// which scraped text can carry.
pub fn yaml_quoted(text: &str) -> String {
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

/// Text never becomes markup: a `<` that would open a tag and a `\` are escaped.
fn escape_inline(text: &str) -> String {
    text.replace('\\', "\\\\").replace('<', "\\<")
}

/// A paragraph that starts like Markdown syntax (`# `, `> `, `- `, `1. `) would
/// not read back as the text it is; a backslash keeps it text.
fn escape_block_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &text[digits..];
    let list_number = digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") "));
    let marker = text.starts_with(['#', '>', '|', '=', '`', '~'])
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
    fn markdown_syntax_at_the_start_of_a_paragraph_stays_text() {
        assert_eq!(escape_block_start("# ليس عنوانا"), "\\# ليس عنوانا");
        assert_eq!(escape_block_start("1. أولا"), "1\\. أولا");
        assert_eq!(escape_block_start("- بند"), "\\- بند");
        assert_eq!(escape_block_start("وقال 1. شيئا"), "وقال 1. شيئا");
        assert_eq!(escape_inline("a <script> b"), "a \\<script> b");
    }

    #[test]
    fn lists_quotes_and_tables_in_markdown() {
        let article = Imported {
            blocks: vec![
                Block::List { ordered: true, items: vec!["أولا".into(), "ثانيا".into()] },
                Block::Quote { text: "نص التغريدة".into(), link: Some("https://x.com/a/status/1".into()) },
                Block::Table(vec![vec!["الفريق".into(), "النقاط".into()], vec!["الهلال".into(), "30".into()]]),
            ],
            digest: "abcdef".into(),
            ..Imported::default()
        };
        let markdown = article.to_markdown();
        assert!(markdown.contains("1. أولا\n2. ثانيا\n"), "{markdown}");
        assert!(markdown.contains("> نص التغريدة\n>\n> <https://x.com/a/status/1>\n"), "{markdown}");
        assert!(markdown.contains("| الفريق | النقاط |\n| --- | --- |\n| الهلال | 30 |\n"), "{markdown}");
    }

    #[test]
    fn undated_slugs_have_no_undated_prefix() {
        let article =
            Imported { digest: "62f0aa".into(), source: Some(Outlet::Known("alhurra".into())), ..Imported::default() };
        assert_eq!(article.slug_for(4), "alhurra-62f0");
        let dated = Imported { date: Date::new(2024, 7, 25).ok(), ..article };
        assert_eq!(dated.slug_for(4), "2024-07-25-alhurra-62f0");
    }
}
