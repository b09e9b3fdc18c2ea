//! Where every page lives: the relative path of each page (from its slug or key
//! only, so permalinks never change with a title or a date), the link to it under
//! the base path (root-relative, so a site works at a domain root and under
//! `/REPO/`), its absolute permalink, and the file it is written to. The one
//! place that spells out the site's sections and paths.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::entities::{Entity, Kind};

/// Characters encoded in a path (RFC 3986): everything but unreserved ASCII and `/`.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']');

#[derive(Debug, Clone)]
pub struct Urls {
    base_url: String,
    base_path: String,
}

impl Urls {
    pub fn new(base_url: &str, base_path: &str) -> Urls {
        Urls { base_url: base_url.to_owned(), base_path: base_path.to_owned() }
    }

    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The search page, and the folder its index is written to beside it.
    pub const SEARCH: &str = "search/";

    pub fn article(slug: &str) -> String {
        format!("articles/{slug}/")
    }

    /// The list of stories.
    pub const STORIES: &str = "stories/";

    /// A story's page, by its key (the slug of its first article).
    pub fn story(key: &str) -> String {
        format!("stories/{key}/")
    }

    /// The index page of a kind of entity.
    pub fn section(kind: Kind) -> String {
        format!("{}/", kind.section())
    }

    pub fn entity(entity: &Entity) -> String {
        format!("{}/{}/", entity.kind.section(), entity.slug)
    }

    /// The Atom feed beside the page at `path` (`""` for the site's).
    pub fn feed(path: &str) -> String {
        format!("{path}atom.xml")
    }

    /// The path of archive page `page` (1 = the oldest) of the list at `path`.
    pub fn archive(path: &str, page: usize) -> String {
        format!("{path}page/{page}/")
    }

    /// The link to `path` from any page of the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, utf8_percent_encode(path, PATH))
    }

    /// The absolute address of `path`, for canonical links, feeds and sitemaps.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, utf8_percent_encode(path, PATH))
    }

    /// The file a page path is written to: `articles/x/` → `articles/x/index.html`.
    pub fn file(path: &str) -> String {
        if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_under_a_sub_path_are_encoded() {
        let urls = Urls::new("https://example.org/fihris/", "/fihris/");
        assert_eq!(urls.url("articles/x/"), "/fihris/articles/x/");
        assert_eq!(urls.url(""), "/fihris/");
        assert_eq!(urls.url("people/بوتين/"), "/fihris/people/%D8%A8%D9%88%D8%AA%D9%8A%D9%86/");
        assert_eq!(urls.permalink("people/putin/"), "https://example.org/fihris/people/putin/");
        assert_eq!(Urls::file("people/putin/"), "people/putin/index.html");
        assert_eq!(Urls::file(""), "index.html");
        assert_eq!(Urls::file("sitemap.xml"), "sitemap.xml");
        assert_eq!(Urls::archive("people/putin/", 2), "people/putin/page/2/");
    }
}
