//! Dated articles counted over time, for the charts of entity pages and of
//! the home page: buckets of weeks for a short span, months, or years for a
//! very long one. Pure functions of dates; the index says which articles,
//! the charts how they look.

use jiff::civil::Date;

/// The length of a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Weeks starting on Saturday, the first day of the week in most Arab countries.
    Week,
    Month,
    Year,
}

/// A span up to this many days is counted in weeks.
const WEEKS_UP_TO_DAYS: i32 = 91;
/// A span up to this many months is counted in months, a longer one in years.
const MONTHS_UP_TO: i32 = 120;

/// Counts of articles in consecutive buckets, the oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timeline {
    pub unit: Unit,
    /// The first day of the first bucket.
    pub start: Date,
    pub counts: Vec<u32>,
}

impl Timeline {
    /// The counts of `dates` from the first to the last, in the unit their
    /// span calls for; `None` without dates.
    pub fn of(dates: &[Date]) -> Option<Timeline> {
        let (first, last) = (*dates.iter().min()?, *dates.iter().max()?);
        let days = day_number(last) - day_number(first);
        let months = month_number(last) - month_number(first);
        let unit = if days <= WEEKS_UP_TO_DAYS {
            Unit::Week
        } else if months < MONTHS_UP_TO {
            Unit::Month
        } else {
            Unit::Year
        };
        Some(Timeline::over(unit, first, last, dates))
    }

    /// The counts of `dates` in the buckets of `unit` from the one holding
    /// `from` to the one holding `to`; dates outside are left out.
    pub fn over(unit: Unit, from: Date, to: Date, dates: &[Date]) -> Timeline {
        let start = bucket_start(unit, from);
        let mut counts = vec![0; bucket_of(unit, start, to).max(0) as usize + 1];
        for &date in dates {
            let bucket = bucket_of(unit, start, date);
            if let Some(count) = usize::try_from(bucket).ok().and_then(|b| counts.get_mut(b)) {
                *count += 1;
            }
        }
        Timeline { unit, start, counts }
    }

    /// The first day of bucket `n`.
    pub fn bucket(&self, n: usize) -> Date {
        let n = n as i64;
        let date = match self.unit {
            Unit::Week => self.start.checked_add(jiff::Span::new().days(n * 7)),
            Unit::Month => self.start.checked_add(jiff::Span::new().months(n)),
            Unit::Year => self.start.checked_add(jiff::Span::new().years(n)),
        };
        date.unwrap_or(self.start)
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The bucket with more articles than any other, if one has.
    pub fn peak(&self) -> Option<usize> {
        let max = *self.counts.iter().max()?;
        let mut at = self.counts.iter().enumerate().filter(|&(_, &c)| c == max).map(|(n, _)| n);
        match (at.next(), at.next()) {
            (Some(n), None) if max > 0 => Some(n),
            _ => None,
        }
    }
}

/// The first day of the bucket of `unit` that holds `date`.
fn bucket_start(unit: Unit, date: Date) -> Date {
    match unit {
        Unit::Week => {
            let since_saturday = (date.weekday().to_sunday_zero_offset() + 1) % 7;
            date.checked_sub(jiff::Span::new().days(since_saturday)).unwrap_or(date)
        }
        Unit::Month => date.first_of_month(),
        Unit::Year => date.first_of_year(),
    }
}

/// Which bucket after the one starting on `start` holds `date` (negative before it).
fn bucket_of(unit: Unit, start: Date, date: Date) -> i32 {
    match unit {
        Unit::Week => (day_number(date) - day_number(start)).div_euclid(7),
        Unit::Month => month_number(date) - month_number(start),
        Unit::Year => i32::from(date.year()) - i32::from(start.year()),
    }
}

/// Days since 1970-01-01.
pub fn day_number(date: Date) -> i32 {
    (date - jiff::civil::date(1970, 1, 1)).get_days()
}

fn month_number(date: Date) -> i32 {
    i32::from(date.year()) * 12 + i32::from(date.month()) - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_span_chooses_the_unit() {
        let table = [
            (vec![date(2024, 7, 25)], Unit::Week, 1),
            (vec![date(2024, 7, 1), date(2024, 9, 29)], Unit::Week, 14),
            (vec![date(2023, 3, 16), date(2024, 7, 25)], Unit::Month, 17),
            (vec![date(2010, 1, 1), date(2019, 12, 31)], Unit::Month, 120),
            (vec![date(2010, 1, 1), date(2020, 1, 1)], Unit::Year, 11),
        ];
        for (dates, unit, buckets) in table {
            let timeline = Timeline::of(&dates).expect("dates");
            assert_eq!((timeline.unit, timeline.counts.len()), (unit, buckets), "{dates:?}");
            assert_eq!(timeline.total(), dates.len() as u32);
        }
        assert!(Timeline::of(&[]).is_none());
    }

    #[test]
    fn day_numbers_are_consecutive() {
        assert_eq!(day_number(date(2024, 7, 28)) - day_number(date(2024, 7, 25)), 3);
        assert_eq!(day_number(date(1970, 1, 1)), 0);
    }

    #[test]
    fn weeks_start_on_saturday() {
        // 2024-07-25 is a Thursday; its week began on Saturday 20 July.
        let timeline = Timeline::of(&[date(2024, 7, 25), date(2024, 7, 27), date(2024, 7, 26)]).expect("dates");
        assert_eq!(timeline.start, date(2024, 7, 20));
        assert_eq!(timeline.counts, [2, 1]);
        assert_eq!(timeline.bucket(1), date(2024, 7, 27));
        let saturday = Timeline::of(&[date(2024, 7, 27)]).expect("a date");
        assert_eq!(saturday.start, date(2024, 7, 27));
    }

    #[test]
    fn months_and_the_peak() {
        let dates = [date(2023, 3, 16), date(2024, 7, 25), date(2024, 7, 1), date(2023, 5, 2)];
        let timeline = Timeline::of(&dates).expect("dates");
        assert_eq!(timeline.start, date(2023, 3, 1));
        assert_eq!(timeline.counts[0], 1);
        assert_eq!(timeline.counts[2], 1);
        assert_eq!(timeline.counts[16], 2);
        assert_eq!(timeline.peak(), Some(16));
        assert_eq!(timeline.bucket(16), date(2024, 7, 1));
        // A window leaves out what falls outside it.
        let window = Timeline::over(Unit::Month, date(2024, 1, 1), date(2024, 12, 31), &dates);
        assert_eq!((window.counts.len(), window.total()), (12, 2));
        assert_eq!(Timeline::over(Unit::Month, date(2024, 1, 1), date(2024, 2, 1), &[]).peak(), None);
        // No bucket stands out: no peak.
        assert_eq!(Timeline::of(&[date(2023, 3, 16), date(2024, 7, 25)]).expect("dates").peak(), None);
    }
}
