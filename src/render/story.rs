//! A story's page, comparing its outlets (timeline, headlines and leads, who
//! names whom, shared text, differing figures, who said what in which
//! outlet). What the page compares comes from [`crate::stories::compare`];
//! here it becomes what the templates see. The list of stories and their
//! feed are in [`super::story_list`].

use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Value};

use crate::analysis::Analysis;
use crate::analysis::quotes::anchor;
use crate::analysis::signature::canonical;
use crate::arabic::key;
use crate::arabic::plural;
use crate::arabic::tokens::Words;
use crate::config::Config;
use crate::content::ArticleFile;
use crate::diagnostics::Diagnostic;
use crate::entities::{EntityId, Kind};
use crate::stories::StoryId;
use crate::stories::compare::{self, Speaker, Text};
use crate::urls::Urls;

use super::Renderer;
use super::cards::{one_an_outlet, outlet_count};
use super::structured;
use super::views::*;

/// Rows of the table of who names whom.
const MENTION_ROWS: usize = 30;
/// Rows of differing figures.
const FIGURE_ROWS: usize = 8;
/// Pairs of articles with shared text.
const SHARED_PAIRS: usize = 6;
/// Statements quoted.
const STATEMENTS: usize = 12;
/// A story's page compares at most this many of its articles.
pub const COMPARED_ARTICLES: usize = 12;
/// An outlet's name in the timeline chart is cut after this many characters.
const CHART_LABEL: usize = 18;

/// `story`: the page of one story.
#[derive(Debug, Serialize)]
pub struct StoryView<'a> {
    /// Its [`StoryCard`].
    pub card: &'a Value,
    pub permalink: String,
    /// The articles it compares, oldest first (undated last): the first of
    /// each outlet, at most [`COMPARED_ARTICLES`].
    pub articles: Vec<StoryArticle<'a>>,
    pub timeline: Timeline,
    pub mentions: MentionTable<'a>,
    pub shared: Vec<SharedView>,
    pub figures: Vec<FigureRow>,
    /// Who said what, in which of its articles: those most carried first.
    pub statements: Vec<StatementView<'a>>,
    /// Its articles that the page does not compare (an outlet's later ones,
    /// and all beyond the first of [`COMPARED_ARTICLES`] outlets), as cards.
    pub others: Vec<&'a Value>,
    /// How many of its articles name no outlet, and how many have no date.
    pub unnamed: usize,
    pub undated: usize,
}

/// One article of a story, as the page compares it.
#[derive(Debug, Serialize)]
pub struct StoryArticle<'a> {
    /// Its [`ArticleCard`].
    pub card: &'a Value,
    /// What the page calls it: its outlet, or "ناشر غير مذكور" (numbered when
    /// several articles name none).
    pub label: String,
    /// Whether it names its outlet.
    pub named: bool,
    /// Published before every other article of the story.
    pub first: bool,
    /// Its length in words, in the site's digits.
    pub words: u32,
    pub words_text: String,
}

/// The timeline chart: one row per article, its dot placed by time, the
/// earliest on the right (the page reads right to left). Coordinates are in
/// the units of the SVG's `viewBox` (`width` × `height`).
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub width: u32,
    pub height: u32,
    /// The track's ends and the axis line.
    pub track_start: u32,
    pub track_end: u32,
    pub axis_y: u32,
    pub rows: Vec<TimelineRow>,
    pub ticks: Vec<Tick>,
    /// What the chart shows, in a sentence (its text alternative).
    pub description: String,
}

#[derive(Debug, Serialize)]
pub struct TimelineRow {
    /// The dot's place (0 for an undated article, which has none).
    pub x: u32,
    pub dated: bool,
    pub y: u32,
    /// The outlet's name, cut to fit.
    pub label: String,
    pub first: bool,
}

#[derive(Debug, Serialize)]
pub struct Tick {
    pub x: u32,
    pub label: String,
    /// `start`, `middle` or `end` (right to left: `start` is the right).
    pub anchor: &'static str,
}

/// Who names whom: the story's people, places and sources against its articles.
#[derive(Debug, Serialize)]
pub struct MentionTable<'a> {
    pub rows: Vec<MentionRow<'a>>,
    /// How many more entities the articles name than the table shows.
    pub more: usize,
}

#[derive(Debug, Serialize)]
pub struct MentionRow<'a> {
    /// Its [`EntityLink`].
    pub entity: &'a Value,
    /// الأشخاص، الأماكن، المصادر
    pub kind_title: &'static str,
    /// For each article (in the order of `articles`): how often it names it,
    /// in the site's digits ("✓" when only its front matter does), or none.
    pub cells: Vec<Option<String>>,
    /// Named by every article.
    pub everywhere: bool,
}

/// Two articles that share passages word for word.
#[derive(Debug, Serialize)]
pub struct SharedView {
    pub first: String,
    pub first_url: String,
    pub second: String,
    pub second_url: String,
    /// The share of each article's words that the passages are, as "٨٠٪".
    pub first_share: String,
    pub second_share: String,
    /// The longest passages, as the first writes them.
    pub passages: Vec<String>,
}

/// One statement and the articles that quote it, each in its own words.
#[derive(Debug, Serialize)]
pub struct StatementView<'a> {
    /// The listed person who said it (an [`EntityLink`]), or none.
    pub speaker: Option<&'a Value>,
    /// The words that name the speaker, as the first article writes them.
    pub speaker_text: String,
    /// "في ٣ من ٤ مقالات"
    pub carried_text: String,
    pub quotes: Vec<StatementQuote>,
    /// The labels of the articles that do not quote it.
    pub missing: Vec<String>,
}

/// A statement as one article quotes it.
#[derive(Debug, Serialize)]
pub struct StatementQuote {
    /// The article's outlet (its label on the page).
    pub label: String,
    pub text: String,
    /// In the speaker's words, or reported.
    pub direct: bool,
    /// The quotation in its article.
    pub url: String,
}

/// Figures that articles attach to one word with different values.
#[derive(Debug, Serialize)]
pub struct FigureRow {
    /// The word, as an article writes it.
    pub word: String,
    /// For each article (in the order of `articles`).
    pub cells: Vec<Option<FigureCell>>,
}

#[derive(Debug, Serialize)]
pub struct FigureCell {
    /// The value in the site's digits.
    pub value: String,
    /// The words around it as the article writes them.
    pub snippet: String,
}

/// A share as a percentage in the site's digits.
fn percent(config: &Config, part: usize, whole: usize) -> String {
    let value = (part * 100 + whole / 2).checked_div(whole).unwrap_or(0);
    format!(
        "{}{}",
        count_text(config, value),
        if config.dates.digits == crate::arabic::dates::Digits::Arab { "٪" } else { "%" }
    )
}

/// What the page calls each article: its outlet's name, or a numbered
/// "ناشر غير مذكور" when several name none.
pub(super) fn labels(site: &crate::site::Site, ids: &[u32]) -> Vec<(String, bool)> {
    let unnamed = ids.iter().filter(|&&a| site.mentions(a).source.is_none()).count();
    let mut n = 0;
    ids.iter()
        .map(|&a| match site.mentions(a).source {
            Some(s) => (site.catalog.get(s).name.clone(), true),
            None => {
                n += 1;
                let label = if unnamed > 1 {
                    format!("ناشر غير مذكور {}", count_text(&site.config, n))
                } else {
                    "ناشر غير مذكور".to_owned()
                };
                (label, false)
            }
        })
        .collect()
}

/// `text` cut to `limit` characters with an ellipsis.
fn cut_label(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(limit - 1).collect::<String>())
    }
}

impl Renderer<'_> {
    /// The page of story `id`; returns the problems met reading its articles.
    pub(super) fn story(&self, id: StoryId, path: &str, context: &mut Context) -> Vec<Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let story = &site.index.stories[id as usize];
        // A story of hundreds of articles cannot be compared pair by pair, nor
        // read in a table of as many columns: the page compares the first
        // article of each outlet, and lists the others.
        let compared = one_an_outlet(site, &story.articles, None, COMPARED_ARTICLES);
        let others: Vec<&Value> =
            story.articles.iter().filter(|a| !compared.contains(a)).map(|&a| self.cards.article(a)).collect();
        let mut problems = Vec::new();
        let mut read: Vec<(ArticleFile, Arc<Analysis>)> = Vec::new();
        for &a in &compared {
            match site.read_article(a) {
                Ok(article) => read.push(article),
                Err(problem) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            return problems;
        }
        let labels = labels(site, &compared);
        let timeline = self.timeline(&compared, &labels);
        let firsts: Vec<bool> = timeline.rows.iter().map(|r| r.first).collect();
        let articles: Vec<StoryArticle> = compared
            .iter()
            .zip(&labels)
            .zip(&read)
            .zip(&firsts)
            .map(|(((&a, (label, named)), (_, analysis)), &first)| StoryArticle {
                card: self.cards.article(a),
                label: label.clone(),
                named: *named,
                first,
                words: analysis.words,
                words_text: count_text(config, analysis.words),
            })
            .collect();
        let texts: Vec<Text> = read.iter().map(|(file, _)| Text::read(&file.body)).collect();
        let shared = compare::shared_text(&texts, SHARED_PAIRS)
            .into_iter()
            .map(|pair| {
                let url = |n: usize| self.urls.url(&Urls::article(&site.article(compared[n]).slug));
                SharedView {
                    first: labels[pair.a].0.clone(),
                    first_url: url(pair.a),
                    second: labels[pair.b].0.clone(),
                    second_url: url(pair.b),
                    first_share: percent(config, pair.words_a, texts[pair.a].len()),
                    second_share: percent(config, pair.words_b, texts[pair.b].len()),
                    passages: pair.passages,
                }
            })
            .collect();
        let lists: Vec<&[crate::analysis::figures::Figure]> = read.iter().map(|(_, a)| a.figures.as_slice()).collect();
        let figures = compare::differing_figures(&lists, FIGURE_ROWS)
            .into_iter()
            .map(|row| FigureRow {
                word: written_word(row.word, row.figures.iter().flatten().map(|f| &*f.snippet)),
                cells: row
                    .figures
                    .iter()
                    .map(|f| {
                        f.map(|f| FigureCell {
                            value: config.dates.digits.apply(&f.value),
                            snippet: f.snippet.to_string(),
                        })
                    })
                    .collect(),
            })
            .collect();
        let statements = self.statements(&compared, &labels, &read);
        let view = StoryView {
            card: self.cards.story(id),
            permalink: self.urls.permalink(path),
            mentions: self.mention_table(&compared, &read),
            unnamed: labels.iter().filter(|(_, named)| !named).count(),
            undated: story.articles.iter().filter(|&&a| site.article(a).published.is_none()).count(),
            articles,
            timeline,
            shared,
            figures,
            statements,
            others,
        };
        let title = site.article(story.headline).title.clone();
        let description = format!(
            "{}: كيف غطّاها {} ({})",
            title,
            outlets_text(config, outlet_count(site, id)),
            counted(config, story.articles.len(), &plural::ARTICLES)
        );
        let mut page = self.page_view("story", "stories", title, description, path);
        page.feed = Some(FeedLink {
            title: format!("القصص | {}", config.title),
            url: self.urls.url(&Urls::feed(Urls::STORIES)),
        });
        page.jsonld =
            Some(structured::to_script(&structured::collection(&page.title, &page.description, &page.permalink)));
        context.insert("page", &page);
        context.insert("story", &view);
        problems
    }

    fn timeline(&self, ids: &[u32], labels: &[(String, bool)]) -> Timeline {
        const WIDTH: u32 = 400;
        const TRACK_START: u32 = 244;
        const TRACK_END: u32 = 24;
        const ROW: u32 = 30;
        let site = self.site;
        let config = &site.config;
        // Seconds since the epoch: the time when an article has one, else noon of its day.
        let when: Vec<Option<i64>> = ids
            .iter()
            .map(|&a| {
                site.article(a).published.map(|p| match p.instant {
                    Some(instant) => instant.as_second(),
                    None => i64::from(crate::stories::day_number(p.date)) * 86_400 + 43_200,
                })
            })
            .collect();
        let dated: Vec<i64> = when.iter().flatten().copied().collect();
        let (low, high) = (dated.iter().min().copied(), dated.iter().max().copied());
        let earliest = dated.iter().filter(|&&t| Some(t) == low).count();
        let x = |t: i64| -> u32 {
            match (low, high) {
                (Some(low), Some(high)) if high > low => {
                    let share = (t - low) as f64 / (high - low) as f64;
                    TRACK_START - (share * f64::from(TRACK_START - TRACK_END)).round() as u32
                }
                _ => (TRACK_START + TRACK_END) / 2,
            }
        };
        let rows: Vec<TimelineRow> = when
            .iter()
            .zip(labels)
            .enumerate()
            .map(|(n, (t, (label, _)))| TimelineRow {
                x: t.map(x).unwrap_or(0),
                dated: t.is_some(),
                y: 20 + n as u32 * ROW,
                label: cut_label(label, CHART_LABEL),
                first: earliest == 1 && *t == low && low.is_some(),
            })
            .collect();
        let axis_y = 20 + ids.len() as u32 * ROW - ROW / 2;
        let day_of = |t: i64| {
            let date =
                ids.iter().zip(&when).find(|(_, w)| **w == Some(t)).and_then(|(&a, _)| site.article(a).published);
            date.map(|p| config.dates.format(p.date)).unwrap_or_default()
        };
        let mut ticks = Vec::new();
        if let (Some(low), Some(high)) = (low, high) {
            // The chart inherits the page's right-to-left direction, where
            // `start` is the right: the earliest stands at the right end, its
            // label running left; the latest at the left end.
            ticks.push(Tick { x: x(low), label: day_of(low), anchor: if high > low { "start" } else { "middle" } });
            if day_of(high) != day_of(low) {
                ticks.push(Tick { x: x(high), label: day_of(high), anchor: "end" });
            }
        }
        let order: Vec<String> = ids
            .iter()
            .zip(labels)
            .filter_map(|(&a, (label, _))| {
                site.article(a).published.map(|p| format!("{} في {}", label, config.dates.format(p.date)))
            })
            .collect();
        let description = if order.is_empty() {
            "لا تاريخ لأي من مقالات القصة".to_owned()
        } else {
            format!("من نشر ومتى، بالترتيب: {}", order.join("، ثم "))
        };
        Timeline {
            width: WIDTH,
            height: axis_y + 34,
            track_start: TRACK_START,
            track_end: TRACK_END,
            axis_y,
            rows,
            ticks,
            description,
        }
    }

    /// The table of who names whom in the story's articles.
    fn mention_table(&self, ids: &[u32], read: &[(ArticleFile, Arc<Analysis>)]) -> MentionTable<'_> {
        let site = self.site;
        let mut named: Vec<(EntityId, Vec<Option<u32>>)> = Vec::new();
        for (n, (_, analysis)) in read.iter().enumerate() {
            for &(entity, count) in &analysis.mentions.entities {
                let at = match named.iter().position(|(e, _)| *e == entity) {
                    Some(at) => at,
                    None => {
                        named.push((entity, vec![None; ids.len()]));
                        named.len() - 1
                    }
                };
                named[at].1[n] = Some(count);
            }
        }
        let kind_order = |kind: Kind| Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        named.sort_by(|a, b| {
            let count = |cells: &[Option<u32>]| cells.iter().flatten().count();
            let (ea, eb) = (site.catalog.get(a.0), site.catalog.get(b.0));
            count(&b.1)
                .cmp(&count(&a.1))
                .then(kind_order(ea.kind).cmp(&kind_order(eb.kind)))
                .then_with(|| ea.name.cmp(&eb.name))
        });
        let more = named.len().saturating_sub(MENTION_ROWS);
        let rows = named
            .into_iter()
            .take(MENTION_ROWS)
            .map(|(entity, cells)| MentionRow {
                entity: self.cards.entity_link(entity),
                kind_title: site.catalog.get(entity).kind.title(),
                everywhere: cells.iter().all(Option::is_some),
                cells: cells
                    .into_iter()
                    .map(|c| c.map(|n| if n == 0 { "✓".to_owned() } else { count_text(&site.config, n) }))
                    .collect(),
            })
            .collect();
        MentionTable { rows, more }
    }

    /// Who said what in the articles `ids` (labelled `labels`, read as `read`).
    fn statements(
        &self,
        ids: &[u32],
        labels: &[(String, bool)],
        read: &[(ArticleFile, Arc<Analysis>)],
    ) -> Vec<StatementView<'_>> {
        let config = &self.site.config;
        let quotes: Vec<&crate::analysis::Quotes> = read.iter().map(|(_, analysis)| &analysis.quotes).collect();
        compare::statements(&quotes, STATEMENTS)
            .into_iter()
            .map(|statement| {
                let mut speaker_text = String::new();
                let mut carried = Vec::new();
                let mut missing = Vec::new();
                for (n, at) in statement.carried.iter().enumerate() {
                    let Some(&at) = at.as_ref() else {
                        missing.push(labels[n].0.clone());
                        continue;
                    };
                    let Some(quote) = quotes[n].get(at) else { continue };
                    if speaker_text.is_empty() {
                        speaker_text = quotes[n].speaker_text(quote).into_owned();
                    }
                    let article = self.urls.url(&Urls::article(&self.site.article(ids[n]).slug));
                    carried.push(StatementQuote {
                        label: labels[n].0.clone(),
                        text: quotes[n].text(quote).into_owned(),
                        direct: quote.direct,
                        url: format!("{article}#{}", anchor(at)),
                    });
                }
                StatementView {
                    speaker: match statement.speaker {
                        Speaker::Listed(person) => Some(self.cards.entity_link(person)),
                        Speaker::Named(_) => None,
                    },
                    speaker_text,
                    carried_text: format!(
                        "في {} من {}",
                        config.dates.digits.apply(&carried.len().to_string()),
                        counted(config, ids.len(), &plural::ARTICLES)
                    ),
                    quotes: carried,
                    missing,
                }
            })
            .collect()
    }
}

/// The word of `snippets` whose compared form is `form`, as written; else `form`.
fn written_word<'a>(form: &str, snippets: impl Iterator<Item = &'a str>) -> String {
    if form == "%" {
        return "٪".to_owned();
    }
    let mut words = Words::default();
    for snippet in snippets {
        words.fill(snippet);
        if let Some((word, _)) = words.iter().find(|(_, k)| canonical(k) == form) {
            return snippet[word.start..word.end].to_owned();
        }
    }
    key(form)
}
