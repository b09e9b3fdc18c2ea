//! Adding an outlet to `sources.toml`, or a spelling to one it has, with a
//! format-preserving editor (`toml_edit`): the file's comments, order and
//! layout stay as the user wrote them; the new entry goes at the end.

use toml_edit::{Array, DocumentMut, Item, Table, value};

use crate::arabic::slug::slugify;

/// An outlet to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSource {
    pub name: String,
    /// Its site's host (`alwatan.example`), written as `url = "https://HOST"`.
    pub host: Option<String>,
    pub kind: Option<&'static str>,
}

/// A short key for a new outlet: its host without the top-level domain
/// (`alwatan-news.example` → `alwatan-news`, `news.example.co.uk` →
/// `news-example`), else its name made a slug (docs/arabic.md §4).
pub fn key_for(source: &NewSource) -> String {
    let from_host = source.host.as_deref().and_then(|host| {
        let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        labels.pop();
        if labels.len() > 1
            && labels.last().is_some_and(|l| ["com", "co", "net", "org", "gov", "edu", "ac"].contains(l))
        {
            labels.pop();
        }
        slugify(&labels.join("-"))
    });
    from_host.or_else(|| slugify(&source.name)).unwrap_or_else(|| "source".to_owned())
}

/// The file with `source` added under a key no entry has; returns it and the key.
pub fn add_source(text: &str, source: &NewSource) -> Result<(String, String), String> {
    let mut document: DocumentMut = text.parse().map_err(|err| format!("it is not valid TOML ({err})"))?;
    let base = key_for(source);
    let key = (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|k| !document.contains_key(k))
        .unwrap_or(base);
    let mut entry = Table::new();
    entry.insert("name", value(source.name.as_str()));
    if let Some(kind) = source.kind {
        entry.insert("kind", value(kind));
    }
    if let Some(host) = &source.host {
        entry.insert("url", value(format!("https://{host}")));
    }
    document.insert(&key, Item::Table(entry));
    Ok((document.to_string(), key))
}

/// The file with `spelling` added to the `aliases` of the entry `key`.
pub fn add_alias(text: &str, key: &str, spelling: &str) -> Result<String, String> {
    let mut document: DocumentMut = text.parse().map_err(|err| format!("it is not valid TOML ({err})"))?;
    let entry =
        document.get_mut(key).and_then(Item::as_table_like_mut).ok_or_else(|| format!("it has no entry [{key}]"))?;
    match entry.get_mut("aliases").and_then(Item::as_array_mut) {
        Some(aliases) => {
            if !aliases.iter().any(|a| a.as_str() == Some(spelling)) {
                aliases.push(spelling);
            }
        }
        None => {
            let mut aliases = Array::new();
            aliases.push(spelling);
            entry.insert("aliases", value(aliases));
        }
    }
    Ok(document.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# The outlets we follow\n\n[alhurra] # a channel\nname = \"الحرة\"\nurl = \"https://www.alhurra.com\"\n\n# Agencies\n[sana]\nname = \"سانا\"\naliases = [\"وكالة سانا\"]\n";

    #[test]
    fn a_new_outlet_goes_at_the_end_and_the_rest_stays_as_written() {
        let source =
            NewSource { name: "الوطن".into(), host: Some("alwatan-news.example".into()), kind: Some("newspaper") };
        let (text, key) = add_source(LIST, &source).expect("added");
        assert_eq!(key, "alwatan-news");
        assert!(text.starts_with(LIST), "{text}");
        assert!(
            text.ends_with(
                "[alwatan-news]\nname = \"الوطن\"\nkind = \"newspaper\"\nurl = \"https://alwatan-news.example\"\n"
            ),
            "{text}"
        );
        let (again, second) = add_source(&text, &source).expect("added");
        assert_eq!(second, "alwatan-news-2");
        assert!(again.contains("[alwatan-news-2]"));
    }

    #[test]
    fn keys_from_hosts_or_names() {
        let key = |name: &str, host: Option<&str>| {
            key_for(&NewSource { name: name.into(), host: host.map(Into::into), kind: None })
        };
        assert_eq!(key("x", Some("news.example.co.uk")), "news-example");
        assert_eq!(key("x", Some("sabq.org")), "sabq");
        assert_eq!(key("الديرة نيوز", None), "الديرة-نيوز");
    }

    #[test]
    fn a_spelling_joins_the_aliases() {
        let text = add_alias(LIST, "sana", "الوكالة العربية السورية للأنباء").expect("added");
        assert!(text.contains("aliases = [\"وكالة سانا\", \"الوكالة العربية السورية للأنباء\"]"), "{text}");
        let text = add_alias(&text, "alhurra", "قناة الحرة").expect("added");
        assert!(text.contains("[alhurra] # a channel\nname = \"الحرة\"\nurl = \"https://www.alhurra.com\"\naliases = [\"قناة الحرة\"]\n"), "{text}");
        assert!(add_alias(LIST, "missing", "x").is_err());
    }
}
