//! Feeds (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed, read by `feed-rs`): each
//! item that carries its article's full text becomes an article; an item with
//! only a summary is reported, not imported (its link leads to the article).

use super::{Item, Lists, Unreadable, html};

/// A description (RSS's place for a summary) shorter than this is a summary, not the article.
const MIN_FULL_TEXT_CHARS: usize = 400;

/// What a feed item says of itself, for the page made of its content.
#[derive(Debug, Default)]
pub struct ItemMeta {
    pub title: Option<String>,
    pub date: Option<jiff::civil::Date>,
    pub address: Option<String>,
    pub author: Option<String>,
    /// The feed's title: its outlet.
    pub outlet: Option<String>,
}

pub fn read(bytes: &[u8], lists: &Lists, each: &mut dyn FnMut(Item)) -> Result<(), Unreadable> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|err| Unreadable::Damaged(format!("the feed cannot be read ({err})")))?;
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty());
    let mut summaries = 0;
    for (index, entry) in feed.entries.iter().enumerate() {
        let address = entry.links.first().map(|l| l.href.clone());
        let part = address.clone().unwrap_or_else(|| format!("item {}", index + 1));
        let full = entry.content.as_ref().and_then(|c| c.body.clone()).filter(|b| !b.trim().is_empty());
        let is_full = full.is_some();
        let content = full.or_else(|| entry.summary.as_ref().map(|s| s.content.clone())).unwrap_or_default();
        let meta = ItemMeta {
            title: entry.title.as_ref().map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty()),
            date: entry.published.or(entry.updated).and_then(|d| d.format("%Y-%m-%d").to_string().parse().ok()),
            address,
            author: entry
                .authors
                .first()
                .and_then(|a| a.name.as_deref())
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty()),
            outlet: outlet.clone(),
        };
        match html::import_fragment(&content, &meta, lists) {
            // A description may hold the whole text too, when it is long.
            Ok(article)
                if !article.blocks.is_empty()
                    && (is_full
                        || (article.blocks.len() >= 2
                            && article.blocks.iter().map(|b| b.text().chars().count()).sum::<usize>()
                                >= MIN_FULL_TEXT_CHARS)) =>
            {
                each(Item::Article { part, article: Box::new(article) });
            }
            Ok(_) | Err(Unreadable::Empty) => summaries += 1,
            Err(why) => each(Item::Skipped { part, why: why.to_string() }),
        }
    }
    if summaries > 0 {
        each(Item::Skipped {
            part: String::new(),
            why: format!(
                "{summaries} items carry only a summary, not the article's text: import their pages (the links) instead"
            ),
        });
    }
    Ok(())
}
