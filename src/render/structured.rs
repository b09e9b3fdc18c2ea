//! JSON-LD for search engines and other sites: `WebSite` on the home page,
//! `NewsArticle` with `mentions` on articles, `Person`, `Place` or
//! `Organization` on entity pages. Built with serde_json, so every value is
//! escaped, and `<` is written as `\u003c` so text can never close the script.

use serde_json::{Value, json};

use crate::entities::{Entity, Kind};

fn schema_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Place => "Place",
        Kind::Source => "Organization",
    }
}

/// A short description of an entity, linking to its page and to Wikidata.
pub fn entity_ref(entity: &Entity, permalink: &str) -> Value {
    let mut value = json!({ "@type": schema_type(entity.kind), "name": entity.name, "url": permalink });
    if let Some(q) = &entity.wikidata {
        value["sameAs"] = json!(format!("https://www.wikidata.org/wiki/{q}"));
    }
    value
}

/// The full description on an entity's own page.
pub fn entity_page(entity: &Entity, permalink: &str) -> Value {
    let mut value = entity_ref(entity, permalink);
    value["@context"] = json!("https://schema.org");
    let aliases: Vec<&str> = entity.aliases().collect();
    if !aliases.is_empty() {
        value["alternateName"] = json!(aliases);
    }
    if let Some(description) = &entity.description {
        value["description"] = json!(description);
    }
    value
}

/// What a `NewsArticle` says: what search engines read of one (headline,
/// date, author, publisher, image) and what it mentions. Not its
/// description, which the page's `<meta name="description">` and
/// `og:description` already carry, nor `mainEntityOfPage`, which would
/// repeat its `url`.
pub struct NewsArticle<'a> {
    pub headline: &'a str,
    pub permalink: &'a str,
    /// A picture for search results (the site's link-preview image).
    pub image: &'a str,
    pub date_published: Option<String>,
    pub author: Option<&'a str>,
    pub publisher: Value,
    pub mentions: Vec<Value>,
}

pub fn news_article(article: NewsArticle) -> Value {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "url": article.permalink,
        "image": article.image,
        "inLanguage": "ar",
        "publisher": article.publisher,
        "mentions": article.mentions,
    });
    if let Some(date) = article.date_published {
        value["datePublished"] = json!(date);
    }
    if let Some(author) = article.author {
        value["author"] = json!({ "@type": "Person", "name": author });
    }
    value
}

/// The site, with its search page as a `SearchAction` (`?q=` takes a query).
pub fn website(name: &str, description: &str, permalink: &str) -> Value {
    json!({
        "@context": "https://schema.org", "@type": "WebSite", "name": name, "description": description,
        "url": permalink, "inLanguage": "ar",
        "potentialAction": {
            "@type": "SearchAction",
            "target": format!("{permalink}{}?q={{search_term_string}}", crate::urls::Urls::SEARCH),
            "query-input": "required name=search_term_string"
        }
    })
}

pub fn search_page(name: &str, description: &str, permalink: &str) -> Value {
    json!({ "@context": "https://schema.org", "@type": "SearchResultsPage", "name": name, "description": description, "url": permalink, "inLanguage": "ar" })
}

pub fn collection(name: &str, description: &str, permalink: &str) -> Value {
    json!({ "@context": "https://schema.org", "@type": "CollectionPage", "name": name, "description": description, "url": permalink, "inLanguage": "ar" })
}

/// The JSON text to put inside `<script type="application/ld+json">`.
pub fn to_script(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_script() {
        let value = website("</script><script>alert(1)</script>", "a & b", "https://e.org/");
        let script = to_script(&value);
        assert!(!script.contains('<') && !script.contains('>'));
        let back: Value = serde_json::from_str(&script).expect("still JSON");
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
