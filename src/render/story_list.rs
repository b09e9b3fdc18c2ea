//! The list of stories (newest first, then archive pages numbered from the
//! oldest) and the feed of the newest stories.

use std::borrow::Cow;

use tera::{Context, Value};

use crate::arabic::plural;
use crate::plan::{archive_page, archive_pages};
use crate::stories::StoryId;
use crate::urls::Urls;

use super::Renderer;
use super::cards::outlet_count;
use super::feeds::{FeedEntry, FeedView};
use super::story::labels;
use super::structured;
use super::views::*;

impl Renderer<'_> {
    /// The list of stories: `page` 0 the newest, then archive pages.
    pub(super) fn stories(&self, page: usize, path: &str, context: &mut Context) {
        let site = self.site;
        let config = &site.config;
        let per_page = config.entity_page_size;
        let all: Vec<StoryId> = (0..site.index.stories.len() as StoryId).collect();
        let pages = archive_pages(all.len(), per_page);
        let shown: &[StoryId] =
            if page == 0 { &all[..all.len().min(per_page)] } else { archive_page(&all, page, per_page) };
        let stories: Vec<&Value> = shown.iter().map(|&s| self.cards.story(s)).collect();
        let archive_url = |n: usize| self.urls.url(&Urls::archive(Urls::STORIES, n));
        let pagination = Pagination {
            first: page == 0,
            page,
            page_text: count_text(config, page),
            archive_pages: pages,
            newer: (page > 0).then(|| if page < pages { archive_url(page + 1) } else { self.urls.url(Urls::STORIES) }),
            older: match page {
                0 => (pages > 0).then(|| archive_url(pages)),
                1 => None,
                n => Some(archive_url(n - 1)),
            },
        };
        let title = if page == 0 {
            "القصص".to_owned()
        } else {
            format!("القصص (أرشيف {})", count_text(config, page))
        };
        let description = format!(
            "أحداث غطّتها عدة مصادر في {}، مع مقارنة تغطياتها: {} قصة",
            config.title,
            count_text(config, all.len())
        );
        let mut view = self.page_view("stories", "stories", title, description, path);
        view.feed = Some(FeedLink {
            title: format!("القصص | {}", config.title),
            url: self.urls.url(&Urls::feed(Urls::STORIES)),
        });
        view.jsonld =
            Some(structured::to_script(&structured::collection(&view.title, &view.description, &view.permalink)));
        context.insert("page", &view);
        context.insert("stories", &stories);
        context.insert("pagination", &pagination);
    }

    /// The feed of the newest stories.
    pub(super) fn stories_feed(&self, path: &str, context: &mut Context) {
        let site = self.site;
        let config = &site.config;
        let entries: Vec<FeedEntry> = site
            .index
            .stories
            .iter()
            .enumerate()
            .filter_map(|(n, story)| {
                let newest = site.article(story.newest(site.articles())).published?;
                let (labels, headline) = (labels(site, &story.articles), site.article(story.headline));
                let names: Vec<String> = labels.into_iter().map(|(label, _)| label).collect();
                Some(FeedEntry {
                    title: &headline.title,
                    permalink: self.urls.permalink(&Urls::story(&story.key)),
                    published: newest.timestamp(),
                    summary: Cow::Owned(format!(
                        "{} من {}: {}",
                        counted(config, story.articles.len(), &plural::ARTICLES),
                        outlets_text(config, outlet_count(site, n as StoryId)),
                        names.join("، ")
                    )),
                    author: None,
                    source: None,
                })
            })
            .take(config.feed_entries)
            .collect();
        let updated = entries.first().map(|e| e.published.clone()).unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
        context.insert(
            "feed",
            &FeedView {
                title: format!("القصص | {}", config.title),
                subtitle: format!("أحداث غطّتها عدة مصادر في {}", config.title),
                permalink: self.urls.permalink(path),
                page_permalink: self.urls.permalink(Urls::STORIES),
                updated,
                entries,
            },
        );
    }
}
