//! The article in a page of lines: where its title is, where its text starts
//! and ends, and the metadata printed around it.
//!
//! The text is the run of prose that follows the title (jusText's "good"
//! lines, with the short lines between them kept as headings or paragraphs,
//! as jusText's context rule keeps short blocks between good ones); it ends at
//! the first marker of what follows articles (related links, comments, a
//! source line, a second article's date). Noise lines are dropped wherever
//! they stand.

use jiff::civil::Date;

use super::article::{Block, Dropped};
use super::lines::{DateLabel, Kind, Line, Meta, Quality, classify, url_in};
use crate::arabic::key;
use crate::arabic::stopwords::is_function_word;
use crate::arabic::tokens::Words;

/// What was found in the page, before names are looked up in the site's lists.
#[derive(Debug, Default)]
pub struct Extracted {
    pub title: Option<String>,
    /// A standfirst under the title that restates it.
    pub summary: Option<String>,
    pub date: Option<Date>,
    /// How the date was labelled on the page.
    pub date_label: Option<DateLabel>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Who published it: a translator, a signing outlet, or `المصدر`.
    pub outlet: Option<String>,
    /// Where a translated or reprinted text first appeared, when that differs.
    pub origin: Option<String>,
    /// Lines above the text, where the outlet's name may stand as a masthead.
    pub masthead: Vec<String>,
    /// Copyright lines below the text, which name the outlet too.
    pub copyright: Vec<String>,
    /// The lines below the text (where a site prints its address).
    pub footer: Vec<String>,
    pub blocks: Vec<Block>,
    /// A short line just above the text that may be a dateline (`موسكو`); kept
    /// only if the site's lists know it as a place.
    pub dateline: Option<String>,
    /// An outlet named in a credit line (`المواطن ـ محمد سلام`, a closing `الأناضول`).
    pub credit: Option<String>,
    /// The page's lines that are not in the article, and why.
    pub dropped: Vec<Dropped>,
    /// Choices worth telling the user about.
    pub notes: Vec<String>,
}

pub fn extract(text: &str) -> Extracted {
    let mut lines: Vec<Line> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(classify).collect();
    drop_teasers(&mut lines);
    drop_linked_headlines(&mut lines);
    let mut found = Extracted::default();
    let first_prose = (0..lines.len()).find(|&i| lines[i].is_prose() && !is_title_over_meta(&lines, i));
    let header_end = first_prose.unwrap_or(lines.len());
    let mut title_at = choose_title(&lines[..header_end]);
    if let Some(first) = first_prose
        && title_at.is_none_or(|t| !is_certain_title(&lines, t))
        && is_one_sentence(lines[first].text)
        && lines[first + 1..].iter().any(Line::is_prose)
        && (title_at.is_none() || !ends_sentence(lines[first].text))
    {
        // The first line of prose is the headline when nothing above is
        // surely one and it has no full stop (or nothing above is one at all).
        title_at = Some(first);
    }
    found.title = title_at.map(|i| clean_title(lines[i].text));
    let after_title = title_at.map_or(0, |t| t + 1);
    let Some(mut start) = (after_title..lines.len()).find(|&i| lines[i].is_prose()) else {
        collect_meta(&mut found, &lines);
        found.dropped = dropped_lines(&lines, &found, lines.len(), lines.len());
        return found;
    };
    // A standfirst restates the headline and stands apart from the text, over
    // its first sub-heading; a lede that restates it runs on into the text.
    if let Some(title) = &found.title
        && restates(lines[start].text, title)
        && let Some(next) = (start + 1..lines.len()).find(|&i| lines[i].is_prose() || lines[i].is_heading_like())
        && !lines[next].is_prose()
    {
        found.summary = Some(lines[start].text.to_owned());
        start = next;
    }
    // A line of prose between the headline and its date or byline is a
    // standfirst: the text begins after them.
    let next_kept = (start + 1..lines.len()).find(|&i| lines[i].kind != Kind::Noise);
    if let Some(meta) = next_kept.filter(|&i| matches!(lines[i].kind, Kind::Meta(Meta::Date { .. } | Meta::Author(_))))
        && let Some(next) = (meta + 1..lines.len()).find(|&i| lines[i].is_prose())
    {
        found.summary.get_or_insert_with(|| lines[start].text.to_owned());
        start = next;
    }
    if start > after_title {
        let above = &lines[start - 1];
        if matches!(above.kind, Kind::Text(_)) && above.words <= 3 && !above.text.ends_with(['.', ':']) {
            found.dateline = Some(above.text.to_owned());
        }
    }
    let end = body(&lines, start, &mut found.blocks);
    // The frame: the header (an `X:` masthead only above the title), links and
    // bylines among the paragraphs, and the footer up to where other pages'
    // text begins.
    let title_index = title_at.unwrap_or(0);
    let header = lines[..start].iter().enumerate().filter(|&(i, line)| {
        Some(i) != title_at && (i < title_index || !matches!(line.kind, Kind::Meta(Meta::Masthead(_))))
    });
    let among = lines[start..end].iter().filter(|l| matches!(l.kind, Kind::Meta(Meta::Url(_) | Meta::Author(_))));
    let footer_end = (end..lines.len()).find(|&i| matches!(lines[i].kind, Kind::Text(_))).unwrap_or(lines.len());
    let links_below = lines[footer_end..].iter().filter(|l| matches!(l.kind, Kind::Meta(Meta::Url(_))));
    let frame: Vec<Line> =
        header.map(|(_, l)| l).chain(among).chain(&lines[end..footer_end]).chain(links_below).cloned().collect();
    found.masthead = lines[..start]
        .iter()
        .filter(|l| !matches!(l.kind, Kind::Text(Quality::Good | Quality::NearGood)))
        .map(|l| l.text.to_owned())
        .collect();
    found.masthead.retain(|t| Some(t.as_str()) != found.title.as_deref());
    // A copyright line may stand after text that did not end the article (a list of headlines).
    found.copyright = lines[start..].iter().filter(|l| is_copyright(l.text)).map(|l| l.text.to_owned()).collect();
    found.footer = lines.iter().rev().take(15).map(|l| l.text.to_owned()).collect();
    found.credit = credit_line(&lines, start);
    collect_meta(&mut found, &frame);
    // A date in the dateline beats a bare date at the top of the page, which
    // is often the day it was viewed (docs/arabic.md §5), but not a labelled one.
    if found.date_label.is_none_or(|label| label < DateLabel::Published)
        && let Some(date) = dateline_date(&found.blocks)
    {
        found.date = Some(date);
    }
    drop_pull_quotes(&mut found.blocks);
    found.dropped = dropped_lines(&lines, &found, start, end);
    found
}

/// An outlet signing the text's first line (`عين الرياض ـ سعد القحطاني`,
/// `الدوحة - الملعب القطري`): the words before or after a dash that are
/// not the dateline's place, when the line is a short credit, not prose.
fn credit_line(lines: &[Line], start: usize) -> Option<String> {
    let line = lines.get(start.checked_sub(1)?)?;
    if !matches!(line.kind, Kind::Text(_)) || line.words > 6 || line.text.ends_with(['.', ':', '؟']) {
        return None;
    }
    let (before, after) = line.text.split_once(['ـ', '-', '–', '—'])?;
    let (before, after) = (before.trim(), after.trim());
    if before.is_empty() || after.is_empty() {
        return None;
    }
    // `المكان - المنفذ` or `المنفذ ـ المراسل`: the outlet is the part that is
    // not a person's two or three names; a tatweel dash joins outlet and reporter.
    if line.text.contains('ـ') { Some(before.to_owned()) } else { Some(after.to_owned()) }
}

/// Every line that is not the title, the standfirst or a block of the text, with why.
fn dropped_lines(lines: &[Line], found: &Extracted, start: usize, end: usize) -> Vec<Dropped> {
    let kept: Vec<String> = found
        .blocks
        .iter()
        .map(Block::text)
        .chain(found.title.clone())
        .chain(found.summary.clone())
        .chain(found.dateline.clone())
        .collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !kept.iter().any(|k| k == line.text || clean_title(line.text) == *k))
        .map(|(i, line)| {
            let why = match &line.kind {
                Kind::Noise => "boilerplate (menu, share bar, read-more link, relative time)",
                Kind::End => "the article ends here (related links, comments, tags)",
                Kind::Meta(Meta::Date { .. }) => "a date line",
                Kind::Meta(Meta::Author(_)) => "the byline",
                Kind::Meta(Meta::Url(_)) => "a link line",
                Kind::Meta(_) => "a line naming the outlet or the origin",
                Kind::Text(_) if i < start => "above the article (header, menu, headlines)",
                Kind::Text(_) if i >= end => "below the article",
                Kind::Text(_) => "between paragraphs: not prose (captions, link lists)",
            };
            Dropped { text: line.text.to_owned(), why }
        })
        .collect()
}

/// Walks the text from its first prose line; returns where it ended.
fn body(lines: &[Line], start: usize, blocks: &mut Vec<Block>) -> usize {
    let mut pending: Vec<&Line> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start) {
        match &line.kind {
            Kind::End | Kind::Meta(Meta::Date { .. } | Meta::Origin(_) | Meta::Translator(_) | Meta::Outlet(_)) => {
                return i;
            }
            Kind::Noise | Kind::Meta(Meta::Author(_) | Meta::Url(_)) => {}
            Kind::Text(_) if line.is_prose() => {
                // One short line between paragraphs is a sub-heading (jusText
                // keeps short blocks between good ones); several in a row are
                // a gallery's captions, a video box or a list of links.
                if let [short] = pending[..] {
                    blocks.push(if short.is_heading_like() {
                        Block::Heading(short.text.to_owned())
                    } else {
                        Block::Paragraph(short.text.to_owned())
                    });
                }
                pending.clear();
                blocks.push(Block::Paragraph(line.text.to_owned()));
            }
            Kind::Text(_) | Kind::Meta(Meta::Masthead(_)) if line.is_heading_like() || line.words <= 4 => {
                pending.push(line)
            }
            Kind::Meta(Meta::Masthead(_)) => {}
            Kind::Text(_) => {}
        }
    }
    lines.len()
}

/// The headline among the lines above the text, by how surely it is one:
/// over its publication date or byline; printed twice (the page's title and
/// its headline); over a bare date, below the masthead's first lines (where a
/// site prints today's date under its name); else the last headline-like line
/// of four words or more, else the last one (site taglines and menus come
/// first). Among equals, the one nearest the text.
fn choose_title(header: &[Line]) -> Option<usize> {
    let eligible = (0..header.len()).filter(|&i| is_title_like(&header[i]));
    let chosen = eligible.max_by_key(|&i| (title_evidence(header, i), header[i].words >= 4, i))?;
    // A shorter headline-like line just above is the headline, and the chosen
    // one its standfirst (a standfirst says more than its headline).
    match chosen.checked_sub(1) {
        // (A standfirst is long: a headline of a few words over the date is the headline.)
        Some(above)
            if is_title_like(&header[above])
                && header[above].words >= 5
                && header[above].words < header[chosen].words
                && (header[chosen].words >= 9 || title_evidence(header, chosen) < 3) =>
        {
            Some(above)
        }
        _ => Some(chosen),
    }
}

fn title_evidence(lines: &[Line], i: usize) -> u8 {
    let next = lines.get(i + 1);
    let over = |wanted: fn(&Line) -> bool| next.is_some_and(wanted);
    if over(|l| {
        matches!(l.kind, Kind::Meta(Meta::Date { label: DateLabel::Published, .. } | Meta::Author(_))) || is_byline(l)
    }) {
        3
    } else if lines[i + 1..].iter().any(|l| l.text == lines[i].text) {
        2
    } else if i >= 2 && over(|l| matches!(l.kind, Kind::Meta(Meta::Date { .. }))) {
        1
    } else {
        0
    }
}

/// Whether the headline at `i` is surely one (see [`title_evidence`]).
fn is_certain_title(lines: &[Line], i: usize) -> bool {
    is_title_like(&lines[i]) && title_evidence(lines, i) > 0
}

/// `أبوظبي: غدير المنصوري`: a place and a reporter's name, with no label.
fn is_byline(line: &Line) -> bool {
    // `عين الرياض ـ سعد القحطاني`, `الدوحة - الملعب القطري`: an outlet or a
    // place and a name, joined by a dash.
    let dashed = [" ـ ", "ـ ", " ـ", " - ", " – ", " — "].iter().find_map(|dash| line.text.split_once(dash));
    let Some((place, name)) = line.text.split_once(':').or(dashed) else { return false };
    let words = |t: &str| t.split_whitespace().count();
    matches!(line.kind, Kind::Text(_))
        && (1..=2).contains(&words(place))
        && (2..=3).contains(&words(name))
        && !line.text.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | '،' | '؟'))
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '؟', '?', '"', '”', '»'])
}

fn is_copyright(text: &str) -> bool {
    let text_key = key(text);
    text.contains('©') || text_key.contains("الحقوق محفوظه") || text_key.contains("حقوق النشر")
}

/// The headline after a read-more marker that stands alone (`شاهد أيضاً`, then
/// the linked headline): a line of five words or more that is no sentence.
/// Shorter lines there are the article's own sub-headings, as in seed 004
/// where the link's text was lost in scraping.
fn drop_linked_headlines(lines: &mut [Line]) {
    for i in 1..lines.len() {
        let after_marker = lines[i - 1].is_bare_marker() && is_read_more(lines[i - 1].text);
        if after_marker
            && matches!(lines[i].kind, Kind::Text(_))
            && lines[i].words >= 5
            && !ends_sentence(lines[i].text)
        {
            lines[i].kind = Kind::Noise;
        }
    }
}

fn is_read_more(text: &str) -> bool {
    let text_key = key(text);
    ["اقرا", "شاهد", "طالع"].iter().any(|verb| text_key.starts_with(verb))
}

/// A cut-off preview of a paragraph (`ارتفعت صادرات …`) over the paragraph itself.
fn drop_teasers(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let Some(stem) = lines[i].text.strip_suffix("...").or_else(|| lines[i].text.strip_suffix('…')) else {
            continue;
        };
        let stem = stem.trim_end();
        if stem.chars().count() >= 20
            && lines[i + 1..].iter().any(|l| l.text.starts_with(stem) && l.text.len() > stem.len() + 3)
        {
            lines[i].kind = Kind::Noise;
        }
    }
}

/// A line that can be a headline: not a byline, a copyright line, a clock
/// bar or a greeting.
fn is_title_like(line: &Line) -> bool {
    let line_key = key(line.text);
    let never = (line.words <= 6 && is_byline(line))
        || line.text.starts_with('©')
        || ["التوقيت", "مرحبا بك", "اهلا بك"].iter().any(|w| line_key.starts_with(&key(w)));
    matches!(line.kind, Kind::Text(_))
        && !never
        && line.words >= 3
        && line.text.chars().count() <= 250
        && !line.text.ends_with(':')
        && is_one_sentence(line.text)
}

/// A headline-like line directly followed by a date or a byline.
fn is_title_over_meta(lines: &[Line], i: usize) -> bool {
    is_title_like(&lines[i])
        && lines.get(i + 1).is_some_and(|next| matches!(next.kind, Kind::Meta(Meta::Date { .. } | Meta::Author(_))))
}

/// No full stop inside (`..`, which headlines use as a dash, is not one).
fn is_one_sentence(text: &str) -> bool {
    let inner = text.trim_end_matches(['.', '!', '؟', '?']);
    let stops = inner.match_indices(". ").filter(|&(at, _)| !inner[..at].ends_with('.'));
    inner.chars().count() <= 200 && stops.count() == 0 && !inner.contains("؟ ")
}

/// A headline as written, without a closing full stop or the site's name after a bar.
fn clean_title(text: &str) -> String {
    let title = text.split(" | ").next().unwrap_or(text);
    title.trim().trim_end_matches('.').trim().to_owned()
}

/// Whether `line` repeats most of the title's content words: a standfirst.
fn restates(line: &str, title: &str) -> bool {
    let content = |text: &str| -> Vec<String> {
        let words = Words::of(text);
        words.iter().map(|(_, k)| k.to_owned()).filter(|k| !is_function_word(k)).collect()
    };
    let title_words = content(title);
    let line_words = content(line);
    let shared = title_words.iter().filter(|w| line_words.contains(w)).count();
    title_words.len() >= 3 && key(line) != key(title) && shared * 5 >= title_words.len() * 3
}

fn collect_meta(found: &mut Extracted, frame: &[Line]) {
    let mut best_date: Option<(DateLabel, Date)> = None;
    let mut origin = None;
    let mut outlet = None;
    let mut translator = None;
    for line in frame {
        match &line.kind {
            Kind::Meta(Meta::Date { date, label }) => {
                if best_date.is_none_or(|(best, _)| *label > best) {
                    best_date = Some((*label, *date));
                }
            }
            Kind::Meta(Meta::Author(name)) => {
                found.author.get_or_insert_with(|| name.clone());
            }
            Kind::Meta(Meta::Url(url)) => {
                // Of a short link and a permanent one, the permanent one is longer.
                if found.url.as_ref().is_none_or(|u| u.len() < url.len()) {
                    found.url = Some(url.clone());
                }
            }
            Kind::Meta(Meta::Origin(name)) => {
                origin.get_or_insert_with(|| name.clone());
            }
            Kind::Meta(Meta::Outlet(name) | Meta::Masthead(name)) => {
                outlet.get_or_insert_with(|| name.clone());
            }
            Kind::Meta(Meta::Translator(name)) => {
                translator.get_or_insert_with(|| name.clone());
            }
            _ => {
                if found.url.is_none() {
                    found.url = url_in(line.text).filter(|_| line.words <= 12);
                }
            }
        }
    }
    found.date = best_date.map(|(_, date)| date);
    found.date_label = best_date.map(|(label, _)| label);
    // A translator publishes the text; `المصدر` then names the original.
    found.outlet = translator.or(outlet).or_else(|| origin.clone());
    found.origin = origin.filter(|o| Some(o) != found.outlet.as_ref());
}

/// A pull quote: a paragraph that repeats words of another, set apart in
/// quotation marks.
pub fn drop_pull_quotes(blocks: &mut Vec<Block>) {
    let texts: Vec<String> = blocks.iter().map(Block::text).collect();
    let mut index = 0;
    blocks.retain(|block| {
        let text = block.text();
        let inner = text.trim_matches(|c: char| matches!(c, '«' | '»' | '"' | '“' | '”' | ' '));
        let repeated = inner.chars().count() >= 30
            && texts
                .iter()
                .enumerate()
                .any(|(other, text)| other != index && text.len() > inner.len() && text.contains(inner));
        index += 1;
        !repeated
    });
}

/// A date in the dateline that opens the first paragraph (`القاهرة في 25 يوليو
/// 2024 -`, `قلقيلية 12-1-2025 كرمل-`): within its first 60 characters.
fn dateline_date(blocks: &[Block]) -> Option<Date> {
    let Some(Block::Paragraph(first)) = blocks.first() else { return None };
    let head: String = first.chars().take(60).collect();
    crate::arabic::dates::find_dates(&head).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_between_a_menu_and_the_comments() {
        let page = "الرئيسية أخبار رياضة\n\
            جريدة الغد الإلكترونية\n\
            ارتفاع أسعار الذهب في الأسواق المحلية\n\
            نشر في: 3 مارس 2025\n\
            ارتفعت أسعار الذهب في الأسواق المحلية اليوم بعد أن سجلت الأوقية مستوى قياسيا جديدا في البورصات العالمية.\n\
            شارك فيسبوك تويتر واتساب\n\
            وقال تجار إن الطلب على المشغولات الذهبية تراجع خلال الأسبوع الماضي بسبب هذه الزيادات المتتالية في الأسعار.\n\
            توقعات الأسبوع المقبل\n\
            ويتوقع محللون أن تواصل الأسعار ارتفاعها في ظل حالة عدم اليقين التي تسود الاقتصاد العالمي في هذه الفترة.\n\
            اضف تعليقك\n\
            الاسم:\n";
        let found = extract(page);
        assert_eq!(found.title.as_deref(), Some("ارتفاع أسعار الذهب في الأسواق المحلية"));
        assert_eq!(found.date, Date::new(2025, 3, 3).ok());
        assert_eq!(found.blocks.len(), 4, "{:?}", found.blocks);
        assert_eq!(found.blocks[2], Block::Heading("توقعات الأسبوع المقبل".to_owned()));
    }
}
