//! Charts as pages draw them, with no script: a [`Timeline`] as bars (one SVG
//! path for all of them, so a chart of ten years weighs about two kilobytes),
//! with a title, a sentence that says what it shows, and its numbers for
//! screen readers; and sparklines, one line each. Time runs from right to
//! left, as the page reads. The templates draw the elements
//! (`partials/chart.html`); this module gives them the geometry and words.

use std::fmt::Write;

use serde::Serialize;

use super::views::{count_text, counted};
use crate::arabic::plural;
use crate::config::Config;
use crate::timeline::{Timeline, Unit};

/// The width of a bar and of the gap after it, in the SVG's units.
const BAR: usize = 8;
const STEP: usize = 10;
/// The narrowest a chart is drawn, in CSS pixels (room for its two labels).
const MIN_PIXELS: usize = 288;
/// Bars fill their places from this many on; fewer are drawn thinner.
const FULL_BARS: usize = 12;
/// The height of the chart in the SVG's units.
const HEIGHT: u32 = 100;

/// `chart` of the templates: a bar chart of a timeline.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// A prefix for the ids of its elements, unique in the page.
    pub id: &'static str,
    /// What it counts (the SVG's `<title>`).
    pub title: String,
    /// A sentence that says what it shows.
    pub summary: String,
    /// The bars, as SVG path data, in a box `width` × 100.
    pub path: String,
    pub width: usize,
    /// How wide it would like to be, in CSS pixels: few bars make a narrow chart.
    pub pixels: usize,
    pub bars: usize,
    /// The names of the first (oldest) and last buckets.
    pub first: String,
    pub last: String,
    /// The heading of the buckets' column in the table: الشهر, الأسبوع, السنة.
    pub unit: &'static str,
    /// The buckets that have articles, oldest first, for the table.
    pub rows: Vec<ChartRow>,
}

#[derive(Debug, Serialize)]
pub struct ChartRow {
    pub label: String,
    pub count: String,
}

/// The name of bucket `n` of `timeline`: تموز/يوليو 2024, أسبوع 20 تموز 2024, 2024.
pub fn bucket_label(config: &Config, timeline: &Timeline, n: usize) -> String {
    let date = timeline.bucket(n);
    match timeline.unit {
        Unit::Week => format!("أسبوع {}", config.dates.format_day(date)),
        Unit::Month => config.dates.format_month(date),
        Unit::Year => config.dates.digits.apply(&date.year().to_string()),
    }
}

/// "WHAT في كل شهر" (or week, or year), the title of a chart of `unit`s.
pub fn per_unit_title(what: &str, unit: Unit) -> String {
    let unit = match unit {
        Unit::Week => "أسبوع",
        Unit::Month => "شهر",
        Unit::Year => "سنة",
    };
    format!("{what} في كل {unit}")
}

/// `count` articles, in the site's digits.
pub fn articles_text(config: &Config, count: u32) -> String {
    counted(config, count as usize, &plural::ARTICLES)
}

/// `count` names (of people, places and sources), in the site's digits.
pub fn names_text(config: &Config, count: u32) -> String {
    counted(config, count as usize, &plural::NAMES)
}

/// The bar chart of `timeline`; `title` says what is counted.
pub fn bar_chart(config: &Config, id: &'static str, title: String, timeline: &Timeline) -> ChartView {
    let bars = timeline.counts.len();
    let max = timeline.counts.iter().copied().max().unwrap_or(0).max(1);
    // A chart is never narrower than its labels need, so few bars are drawn
    // thinner, each in the middle of its place, rather than stretched.
    let bar = BAR as f64 * (bars as f64 / FULL_BARS as f64).min(1.0);
    let mut path = String::new();
    for (n, &count) in timeline.counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        // The oldest bucket at the right: time runs as the page reads.
        let x = ((bars - 1 - n) * STEP) as f64 + (STEP as f64 - bar) / 2.0;
        let height = (count * HEIGHT).div_ceil(max).max(2);
        let _ = write!(path, "M{} {HEIGHT}v-{height}h{}v{height}z", decimal(x), decimal(bar));
    }
    let label = |n: usize| bucket_label(config, timeline, n);
    let rows = timeline
        .counts
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .map(|(n, &count)| ChartRow { label: label(n), count: count_text(config, count) })
        .collect();
    let (first, last) = (label(0), label(bars.saturating_sub(1)));
    let total = articles_text(config, timeline.total());
    let mut summary =
        if bars > 1 { format!("{total} بين {first} و{last}") } else { format!("{total} في {first}") };
    if let Some(peak) = timeline.peak().filter(|_| bars > 1) {
        let _ = write!(summary, "، أكثرها في {} ({})", label(peak), articles_text(config, timeline.counts[peak]));
    }
    summary.push('.');
    let unit = match timeline.unit {
        Unit::Week => "الأسبوع",
        Unit::Month => "الشهر",
        Unit::Year => "السنة",
    };
    let pixels = (bars * 40).clamp(MIN_PIXELS, 1600);
    ChartView { id, title, summary, path, width: bars * STEP, pixels, bars, first, last, unit, rows }
}

/// `x` with at most two decimals, and none when it is whole.
fn decimal(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A sparkline of `counts` (oldest first) as SVG path data in a box
/// `width` × 20, the oldest at the right.
#[derive(Debug, Serialize)]
pub struct Sparkline {
    pub path: String,
    pub width: usize,
}

pub fn sparkline(counts: &[u32]) -> Sparkline {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let last = counts.len().saturating_sub(1);
    let y = |count: u32| 19 - count * 18 / max;
    let mut path = String::new();
    for (n, &count) in counts.iter().enumerate() {
        // A point in the middle of a flat stretch adds nothing to the line.
        let flat = n > 0 && n < last && y(counts[n - 1]) == y(count) && y(counts[n + 1]) == y(count);
        if !flat {
            let _ = write!(path, "{}{} {}", if n == 0 { 'M' } else { 'L' }, (last - n) * STEP, y(count));
        }
    }
    Sparkline { path, width: last * STEP }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn bars_are_one_path_with_the_oldest_at_the_right() {
        let config = Config::for_test();
        let dates = [date(2023, 3, 16), date(2024, 7, 25), date(2024, 7, 24), date(2024, 7, 1)];
        let timeline = Timeline::of(&dates).expect("dates");
        let chart = bar_chart(&config, "t", "مقالات".to_owned(), &timeline);
        assert_eq!((chart.bars, chart.width), (17, 170));
        // Two bars: March 2023 at the right (x = 161), July 2024 at the left (x = 1), full height.
        assert_eq!(chart.path, "M161 100v-34h8v34zM1 100v-100h8v100z");
        assert_eq!(chart.pixels, 680);
        assert_eq!((chart.first.as_str(), chart.last.as_str()), ("آذار/مارس 2023", "تموز/يوليو 2024"));
        assert_eq!(chart.rows.len(), 2);
        assert_eq!(chart.rows[1].count, "3");
        assert_eq!(chart.summary, "4 مقالات بين آذار/مارس 2023 وتموز/يوليو 2024، أكثرها في تموز/يوليو 2024 (3 مقالات).");
        let one = Timeline::of(&[date(2024, 7, 25)]).expect("a date");
        let chart = bar_chart(&config, "t", "مقالات".to_owned(), &one);
        assert_eq!(chart.summary, "مقال واحد في أسبوع 20 تموز/يوليو 2024.");
        // One bar is drawn thin in the middle, not stretched over the chart.
        assert_eq!((chart.path.as_str(), chart.pixels), ("M4.67 100v-100h0.67v100z", MIN_PIXELS));
    }

    #[test]
    fn sparklines() {
        let line = sparkline(&[0, 2, 1]);
        assert_eq!((line.path.as_str(), line.width), ("M20 19L10 1L0 10", 20));
        assert_eq!(sparkline(&[0, 0]).path, "M10 19L0 19");
        // Flat stretches are one segment.
        assert_eq!(sparkline(&[0, 0, 0, 0, 3]).path, "M40 19L10 19L0 1");
    }
}
