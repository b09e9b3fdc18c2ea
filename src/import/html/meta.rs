//! What a page says about itself in its markup: JSON-LD (`NewsArticle` and
//! its kin, also inside `@graph`), Open Graph and `article:*` meta tags,
//! other common meta names, the canonical link and `<title>`. These are
//! claims; `super` weighs them against what the page shows.

use jiff::civil::Date;
use scraper::{Html, Node};
use serde_json::Value;

use super::{attr, blocks::plain_text, tag};

/// Types of JSON-LD objects that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "SocialMediaPosting",
];
const ORGANIZATION_TYPES: &[&str] = &["Organization", "NewsMediaOrganization", "Corporation", "WebSite"];

/// A lead image as the metadata gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageMeta {
    pub address: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Debug, Default)]
pub struct Metadata {
    /// `<title>` as written.
    pub title: Option<String>,
    /// JSON-LD `headline`, then `og:title`, then `twitter:title`.
    pub headline: Option<String>,
    /// JSON-LD `publisher.name`.
    pub publisher: Option<String>,
    /// `og:site_name`, `application-name`, JSON-LD `WebSite.name`.
    pub site_name: Option<String>,
    /// The publication date and where it was read.
    pub published: Option<(Date, &'static str)>,
    /// `dateModified` and its kin, reported, never taken as the publication date.
    pub modified: Option<Date>,
    pub canonical: Option<String>,
    /// `og:url`, JSON-LD `url` or `mainEntityOfPage`.
    pub address: Option<String>,
    pub author: Option<String>,
    pub image: Option<ImageMeta>,
    pub description: Option<String>,
    /// `article:section` or JSON-LD `articleSection`.
    pub section: Option<String>,
    /// An organization type of the publisher that says what kind of outlet it is.
    pub publisher_type: Option<String>,
}

pub fn read(html: &Html) -> Metadata {
    let mut found = Metadata::default();
    let mut og_title = None;
    let mut twitter_title = None;
    let mut meta_dates: Vec<(Date, &'static str)> = Vec::new();
    for node in html.tree.root().descendants() {
        match tag(&node) {
            Some("title") if found.title.is_none() => found.title = Some(plain_text(&node)).filter(|t| !t.is_empty()),
            Some("link") => {
                let rel = attr(&node, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    found.canonical = found.canonical.or_else(|| attr(&node, "href").map(|h| h.trim().to_owned()));
                }
            }
            Some("meta") => {
                let name = attr(&node, "property")
                    .or_else(|| attr(&node, "name"))
                    .or_else(|| attr(&node, "itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = attr(&node, "content").map(str::trim).filter(|c| !c.is_empty()) else { continue };
                let content = content.to_owned();
                match name.as_str() {
                    "og:title" => og_title = og_title.or(Some(content)),
                    "twitter:title" => twitter_title = twitter_title.or(Some(content)),
                    "og:site_name" | "application-name" => found.site_name = found.site_name.or(Some(content)),
                    "og:url" => found.address = found.address.or(Some(content)),
                    "og:image" | "og:image:url" | "og:image:secure_url" | "twitter:image" if found.image.is_none() => {
                        found.image = Some(ImageMeta { address: content, ..ImageMeta::default() });
                    }
                    "og:description" | "description" => found.description = found.description.or(Some(content)),
                    "article:section" => found.section = found.section.or(Some(content)),
                    "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author" | "parsely-author"
                        if !content.starts_with("http") =>
                    {
                        found.author = found.author.or(Some(content));
                    }
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "publish_date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "dcterms.issued"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "og:published_time"
                    | "article:published" => {
                        if let Some(date) = date_of(&content) {
                            meta_dates.push((date, "meta"));
                        }
                    }
                    "article:modified_time" | "og:updated_time" | "datemodified" | "last-modified" => {
                        found.modified = found.modified.or_else(|| date_of(&content));
                    }
                    _ => {}
                }
            }
            Some("script")
                if attr(&node, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let text: String = node
                    .children()
                    .filter_map(|c| match c.value() {
                        Node::Text(t) => Some(&**t),
                        _ => None,
                    })
                    .collect();
                read_json_ld(&text, &mut found, &mut meta_dates);
            }
            Some(_) if attr(&node, "itemprop") == Some("datePublished") => {
                // Microdata (`<abbr itemprop="datePublished" title="…">`, `<time itemprop=…>`).
                let stamp = ["datetime", "content", "title"].iter().find_map(|a| attr(&node, a)).map(str::to_owned);
                if let Some(date) = date_of(&stamp.unwrap_or_else(|| plain_text(&node))) {
                    meta_dates.push((date, "microdata"));
                }
            }
            _ => {}
        }
    }
    // JSON-LD first (it is the most specific), then meta tags.
    meta_dates.sort_by_key(|(_, from)| if *from == "JSON-LD" { 0 } else { 1 });
    found.published = meta_dates.into_iter().next();
    found.headline = found.headline.or(og_title).or(twitter_title);
    found
}

/// The date at the start of an ISO 8601 timestamp, or any date form docs/arabic.md §5 reads.
pub fn date_of(text: &str) -> Option<Date> {
    text.trim()
        .get(..10)
        .and_then(|head| head.parse::<Date>().ok())
        .or_else(|| crate::arabic::dates::find_dates(text).into_iter().next())
}

fn read_json_ld(text: &str, found: &mut Metadata, dates: &mut Vec<(Date, &'static str)>) {
    let cleaned = text.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    let cleaned = cleaned.trim_start_matches("//<![CDATA[").trim_end_matches("//]]>").trim();
    let Ok(value) = serde_json::from_str::<Value>(cleaned) else { return };
    let mut objects = Vec::new();
    flatten(&value, &mut objects, 0);
    let by_id = |id: &str| objects.iter().find(|o| o.get("@id").and_then(Value::as_str) == Some(id)).copied();
    for object in &objects {
        if has_type(object, &["WebSite"]) {
            found.site_name = found.site_name.take().or_else(|| string(object.get("name")));
        }
    }
    let Some(article) = objects.iter().find(|o| has_type(o, ARTICLE_TYPES)).copied() else {
        // No article: the organization that runs the site still names the outlet.
        if let Some(org) = objects.iter().find(|o| has_type(o, &ORGANIZATION_TYPES[..3])) {
            found.publisher = found.publisher.take().or_else(|| string(org.get("name")));
        }
        return;
    };
    if found.headline.is_none() {
        found.headline = string(article.get("headline")).or_else(|| string(article.get("name")));
    }
    if let Some(date) = string(article.get("datePublished")).and_then(|d| date_of(&d)) {
        dates.push((date, "JSON-LD"));
    }
    if found.modified.is_none() {
        found.modified = string(article.get("dateModified")).and_then(|d| date_of(&d));
    }
    let resolve = |value: Option<&'_ Value>| -> Option<Value> {
        let value = first(value?)?;
        match value.get("@id").and_then(Value::as_str) {
            Some(id) if value.get("name").is_none() => by_id(id).cloned(),
            _ => Some(value.clone()),
        }
    };
    if let Some(publisher) = resolve(article.get("publisher")) {
        found.publisher =
            found.publisher.take().or_else(|| string(publisher.get("name")).or_else(|| string(Some(&publisher))));
        found.publisher_type = string(publisher.get("@type"));
    }
    if found.author.is_none() {
        found.author = resolve(article.get("author"))
            .and_then(|a| string(a.get("name")).or_else(|| string(Some(&a))))
            .filter(|a| !a.starts_with("http"));
    }
    if found.address.is_none() {
        found.address = string(article.get("url")).or_else(|| {
            let page = article.get("mainEntityOfPage")?;
            string(page.get("@id")).or_else(|| string(Some(page)))
        });
    }
    if found.section.is_none() {
        found.section = string(article.get("articleSection"));
    }
    if let Some(image) = resolve(article.get("image")) {
        let address =
            string(image.get("url")).or_else(|| string(image.get("contentUrl"))).or_else(|| string(Some(&image)));
        if let Some(address) = address {
            let caption = string(image.get("caption")).or_else(|| string(image.get("description")));
            let credit = string(image.get("creditText"))
                .or_else(|| {
                    image.get("copyrightHolder").and_then(|h| string(h.get("name")).or_else(|| string(Some(h))))
                })
                .or_else(|| image.get("author").and_then(|h| string(h.get("name")).or_else(|| string(Some(h)))));
            let from_json = ImageMeta { address, caption, credit };
            found.image = Some(match found.image.take() {
                // Open Graph's picture is usually the same; JSON-LD adds its caption.
                Some(og) if og.address != from_json.address && from_json.caption.is_none() => og,
                _ => from_json,
            });
        }
    }
}

/// Every object in a JSON-LD value: arrays and `@graph` opened.
fn flatten<'v>(value: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|item| flatten(item, out, depth + 1)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn has_type(object: &Value, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(items)) => items.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

fn first(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.first(),
        other => Some(other),
    }
}

/// A string, or the first string of a list.
fn string(value: Option<&Value>) -> Option<String> {
    match first(value?)? {
        Value::String(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_in_a_graph_and_open_graph() {
        let page = r##"<html><head><title>العنوان | الموقع</title>
            <meta property="og:site_name" content="الشروق">
            <meta property="og:title" content="عنوان أوبن غراف">
            <meta property="article:modified_time" content="2024-07-27T10:00:00+03:00">
            <link rel="canonical" href="https://example.org/news/1">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"#org","name":"دار الشروق"},
              {"@type":["NewsArticle"],"headline":"العنوان من JSON-LD","datePublished":"2024-07-25T21:10:59+03:00",
               "dateModified":"2024-07-26","publisher":{"@id":"#org"},"author":[{"@type":"Person","name":"محمد علي"}],
               "image":{"@type":"ImageObject","url":"https://example.org/a.jpg","caption":"الصورة","creditText":"أ ف ب"}}]}
            </script></head><body></body></html>"##;
        let found = read(&Html::parse_document(page));
        assert_eq!(found.headline.as_deref(), Some("العنوان من JSON-LD"));
        assert_eq!(found.publisher.as_deref(), Some("دار الشروق"));
        assert_eq!(found.site_name.as_deref(), Some("الشروق"));
        assert_eq!(found.published, Some((Date::new(2024, 7, 25).expect("date"), "JSON-LD")));
        assert_eq!(found.modified, Date::new(2024, 7, 27).ok());
        assert_eq!(found.canonical.as_deref(), Some("https://example.org/news/1"));
        assert_eq!(found.author.as_deref(), Some("محمد علي"));
        let image = found.image.expect("an image");
        assert_eq!((image.caption.as_deref(), image.credit.as_deref()), (Some("الصورة"), Some("أ ف ب")));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let page = r#"<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
            <meta name="pubdate" content="2025-02-16">"#;
        let found = read(&Html::parse_document(page));
        assert_eq!((found.headline, found.published), (None, Some((Date::new(2025, 2, 16).expect("date"), "meta"))));
    }
}
