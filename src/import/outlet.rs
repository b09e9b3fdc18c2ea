//! Who published an article, from everything that names it: the page's
//! host matched against the `url` of the site's sources, JSON-LD's
//! `publisher`, `og:site_name`, and names the page prints (masthead,
//! byline and credit lines, copyright). A known source wins wherever it is
//! named; else the best name found is a new outlet, with its host and kind.

use super::Lists;
use super::article::{Outlet, OutletDetails};
use crate::arabic::key;
use crate::entities::catalog::Kind;

/// The names of the outlet a page gives, strongest first.
#[derive(Debug, Default)]
pub struct Evidence {
    pub host: Option<String>,
    pub publisher: Option<String>,
    pub site_name: Option<String>,
    /// Names printed on the page: masthead, credit line, copyright.
    pub printed: Vec<String>,
    /// A schema.org type of the publisher (`NewsMediaOrganization`, …).
    pub publisher_type: Option<String>,
}

/// A host as sources are matched by: lower case, without `www.`, `m.`, `amp.`
/// or `mobile.` (one outlet's desktop, mobile and AMP pages are one outlet).
pub fn site_host(address_or_host: &str) -> Option<String> {
    let text = address_or_host.trim();
    let host = if text.contains("://") {
        url::Url::parse(text).ok()?.host_str()?.to_owned()
    } else {
        text.split(['/', ':']).next()?.to_owned()
    };
    let mut host = host.to_ascii_lowercase();
    while let Some(rest) = ["www.", "m.", "amp.", "mobile."].iter().find_map(|p| host.strip_prefix(p)) {
        host = rest.to_owned();
    }
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// A name as the outlet's: a site name with its Latin or Arabic twin after a
/// bar (`الشروق - Echorouk`) loses the twin; a leading `لـ`/`ل` that the text
/// put before it (`لبوابة النيل`) is left to the lists to resolve.
pub fn clean_name(name: &str) -> Option<String> {
    let name = name.trim();
    let parts: Vec<&str> =
        name.split(['|', '–', '—']).flat_map(|p| p.split(" - ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    let arabic = parts.iter().find(|p| p.chars().any(super::lines::is_arabic_letter));
    let chosen = arabic.or(parts.first()).copied().unwrap_or(name);
    let chosen = chosen.trim_matches(|c: char| c.is_whitespace() || matches!(c, '©' | ':' | '.' | '*'));
    (!chosen.is_empty() && chosen.chars().count() <= 80).then(|| chosen.to_owned())
}

/// The kind of outlet a name or a schema.org type says it is.
fn kind_of(name: &str, publisher_type: Option<&str>) -> Option<&'static str> {
    let first = key(name.split_whitespace().next().unwrap_or(""));
    let kind = match first.as_str() {
        "وكاله" => Some("agency"),
        "قناه" | "تلفزيون" | "اذاعه" | "راديو" => Some("channel"),
        "صحيفه" | "جريده" | "مجله" | "يوميه" => Some("newspaper"),
        "موقع" | "بوابه" | "شبكه" => Some("website"),
        _ => None,
    };
    kind.or(match publisher_type {
        Some("NewsMediaOrganization") | Some("WebSite") => Some("website"),
        _ => None,
    })
}

/// The outlet of a page: a known source (by host, then by each name in
/// turn), or a new one named by the strongest name (else its host).
pub fn resolve(lists: &Lists, evidence: &Evidence) -> (Option<Outlet>, OutletDetails) {
    let host = evidence.host.as_deref().and_then(site_host);
    let names: Vec<String> = [evidence.publisher.as_deref(), evidence.site_name.as_deref()]
        .into_iter()
        .flatten()
        .map(str::to_owned)
        .chain(evidence.printed.iter().cloned())
        .filter_map(|n| clean_name(&n))
        .collect();
    let mut details = OutletDetails { host: host.clone(), ..OutletDetails::default() };
    let by_host = host.as_deref().and_then(|h| lists.source_of_host(h));
    let by_names = names.iter().find_map(|n| lists.source_key(n));
    let known = by_host.map(|id| lists.catalog.get(id).key.clone()).or(by_names);
    if let Some(key) = known {
        // A name the page gives that the list lacks becomes one of its spellings.
        if let Some(id) = lists.catalog.resolve(Kind::Source, &key) {
            let spelled = |n: &str| lists.catalog.resolve(Kind::Source, n) == Some(id);
            details.new_spelling =
                names.iter().take(2).find(|n| !spelled(n) && lists.catalog.resolve(Kind::Source, n).is_none()).cloned();
        }
        return (Some(Outlet::Known(key)), details);
    }
    let name = names.first().cloned().or_else(|| host.clone());
    details.kind = name.as_deref().and_then(|n| kind_of(n, evidence.publisher_type.as_deref()));
    if details.kind.is_none() && host.is_some() {
        details.kind = Some("website");
    }
    (name.map(Outlet::Unknown), details)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::catalog::Catalog;

    fn lists() -> Lists {
        let list = "[shorouk]\nname = \"الشروق\"\nurl = \"https://www.shorouknews.example\"\n";
        let (catalog, problems) = Catalog::from_lists(&[(Kind::Source, Kind::Source.list_path(), list.to_owned())]);
        assert!(problems.is_empty(), "{problems:?}");
        Lists::new(catalog)
    }

    #[test]
    fn hosts_are_compared_without_www_or_mobile() {
        assert_eq!(site_host("https://m.Shorouknews.example/news/1").as_deref(), Some("shorouknews.example"));
        assert_eq!(site_host("www.example.org").as_deref(), Some("example.org"));
        assert_eq!(site_host("localhost"), None);
    }

    #[test]
    fn a_known_host_wins_and_its_other_spelling_is_offered() {
        let evidence = Evidence {
            host: Some("amp.shorouknews.example".into()),
            site_name: Some("بوابة الشروق".into()),
            ..Evidence::default()
        };
        let (outlet, details) = resolve(&lists(), &evidence);
        assert_eq!(outlet, Some(Outlet::Known("shorouk".into())));
        assert_eq!(details.new_spelling.as_deref(), Some("بوابة الشروق"));
    }

    #[test]
    fn a_new_outlet_by_its_strongest_name() {
        let evidence = Evidence {
            host: Some("www.alwatan-news.example".into()),
            publisher: Some("صحيفة الوطن - Al Watan".into()),
            printed: vec!["© الوطن 2025".into()],
            ..Evidence::default()
        };
        let (outlet, details) = resolve(&lists(), &evidence);
        assert_eq!(outlet, Some(Outlet::Unknown("صحيفة الوطن".into())));
        assert_eq!((details.host.as_deref(), details.kind), (Some("alwatan-news.example"), Some("newspaper")));
        let bare =
            resolve(&lists(), &Evidence { host: Some("https://news.example.org/a".into()), ..Evidence::default() });
        assert_eq!(bare.0, Some(Outlet::Unknown("news.example.org".into())));
    }
}
