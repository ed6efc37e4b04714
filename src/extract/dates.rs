//! Date expressions in running text ("Sunday", "June 12", "30 May", "October 1973", "2007",
//! "July 27, 2017", "last week"), each resolved against the article's publication date when
//! it is known, to an ISO 8601 value with its granularity: `2017-07-27` (day), `2018-W22`
//! (ISO week), `1973-10` (month), `2007` (year).
//!
//! Pure: text in, spans out, offsets in code points (0-based, end exclusive).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::sync::LazyLock;

use crate::extract::ner::tokens::tokenize;
use crate::vocab::{words, List, Reader};

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }

    /// The granularity stored as `name` (the inverse of [`Granularity::as_str`]).
    pub fn parse(name: &str) -> Option<Granularity> {
        [
            Granularity::Day,
            Granularity::Week,
            Granularity::Month,
            Granularity::Year,
        ]
        .into_iter()
        .find(|g| g.as_str() == name)
    }
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Code points, 0-based, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The ISO value, or `None` when it depends on a publication date that is not known
    /// ("Sunday", "June 12", "last week" with no date).
    pub value: Option<String>,
    pub granularity: Granularity,
}

/// January to December, each month's spellings (vocabulary `months`).
static MONTHS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    words(List::Months, Reader::Dates)
        .map(|m| m.split_whitespace().collect())
        .collect()
});

/// The weekdays of the vocabulary, Monday first.
static WEEKDAYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(List::Weekdays, Reader::Dates).collect());

/// Words before a bare month that make it a date ("in May"), vocabulary
/// `month_prepositions`: a month name like "May" or "March" alone is too often a word.
static MONTH_PREPOSITIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(List::MonthPrepositions, Reader::Dates).collect());

/// Words before a four-digit number that make it a year even when a word follows ("in 2007
/// the plant..."), vocabulary `year_prepositions`.
static YEAR_PREPOSITIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(List::YearPrepositions, Reader::Dates).collect());

/// Words shortly before a bare weekday that put it in the future ("will meet on Sunday"),
/// vocabulary `future_cues`.
static FUTURE_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(List::FutureCues, Reader::Dates).collect());

/// Number words for "three days ago", zero first (vocabulary `number_words`).
static NUMBER_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(List::NumberWords, Reader::Dates).collect());

const FIRST_YEAR: i32 = 1000;
const LAST_YEAR: i32 = 2100;

/// Finds the date expressions in `text`. `published` is the article's date (ISO 8601,
/// `YYYY-MM-DD` or a longer date-time); relative and year-less expressions resolve against it.
///
/// ```
/// use corpusdb::extract::dates::{extract, Granularity};
/// let text = "KCNA reported Sunday that Assad met the envoy on 30 May; ties began in October 1973.";
/// let found = extract(text, Some("2018-06-03"));
/// let values: Vec<(&str, Option<&str>, Granularity)> =
///     found.iter().map(|d| (d.text.as_str(), d.value.as_deref(), d.granularity)).collect();
/// assert_eq!(values, [
///     ("Sunday", Some("2018-06-03"), Granularity::Day),
///     ("30 May", Some("2018-05-30"), Granularity::Day),
///     ("October 1973", Some("1973-10"), Granularity::Month),
/// ]);
/// // Offsets are code points into the text.
/// let chars: Vec<char> = text.chars().collect();
/// let s: String = chars[found[1].start..found[1].end].iter().collect();
/// assert_eq!(s, "30 May");
/// ```
pub fn extract(text: &str, published: Option<&str>) -> Vec<DateMention> {
    let anchor = published.and_then(parse_published);
    let ranges = tokenize(text);
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let cx = Context {
        words: &words,
        lower: &lower,
        anchor,
    };
    let mut found: Vec<(usize, usize, Option<String>, Granularity)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match cx.match_at(i) {
            Some((len, value, granularity)) => {
                found.push((i, i + len, value, granularity));
                i += len;
            }
            None => i += 1,
        }
    }
    // Byte offsets to code points, in one walk.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut to_chars = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        chars
    };
    found
        .into_iter()
        .map(|(first, end, value, granularity)| {
            let (b0, b1) = (ranges[first].start, ranges[end - 1].end);
            let (start, end) = (to_chars(b0), to_chars(b1));
            DateMention {
                start,
                end,
                text: text[b0..b1].to_string(),
                value,
                granularity,
            }
        })
        .collect()
}

/// The date part of an ISO 8601 date or date-time.
fn parse_published(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

struct Context<'a> {
    words: &'a [&'a str],
    lower: &'a [String],
    anchor: Option<NaiveDate>,
}

type Match = (usize, Option<String>, Granularity);

impl Context<'_> {
    fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn month(&self, i: usize) -> Option<u32> {
        let w = self.lower(i).trim_end_matches('.');
        // A month is capitalised: "may" and "march" in lower case are words.
        let capital = self.words.get(i)?.starts_with(char::is_uppercase);
        let m = MONTHS.iter().position(|names| names.contains(&w))?;
        capital.then_some(m as u32 + 1)
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let w = self.lower(i).trim_end_matches('.');
        let capital = self.words.get(i)?.starts_with(char::is_uppercase);
        // Full names only: "Sun", "Wed" and "Sat" are words and newspapers.
        let n = WEEKDAYS.iter().position(|name| *name == w)?;
        capital.then(|| Weekday::try_from(n as u8).ok()).flatten()
    }

    /// "12", "12th", "1st".
    fn day(&self, i: usize) -> Option<u32> {
        let w = self.lower(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            || digits.is_empty()
            || digits.len() > 2
        {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn year(&self, i: usize) -> Option<i32> {
        let w = self.lower(i);
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse()
            .ok()
            .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    /// The longest date expression starting at token `i`: its length in tokens, value
    /// and granularity.
    fn match_at(&self, i: usize) -> Option<Match> {
        if let Some(weekday) = self.weekday(i) {
            // "Monday, July 27, 2017": the weekday and the date are one expression.
            let skip = if self.is(i + 1, ",") { 2 } else { 1 };
            if let Some((len, value, Granularity::Day)) = self.full_date(i + skip) {
                return Some((skip + len, value, Granularity::Day));
            }
            return Some((1, self.resolve_weekday(i, weekday, None), Granularity::Day));
        }
        if let Some(m) = self.full_date(i) {
            return Some(m);
        }
        self.relative(i).or_else(|| self.bare_year(i))
    }

    /// Dates with a month: "July 27, 2017", "27 July 2017", "2017-07-27", "June 12",
    /// "30 May", "October 1973", "in May".
    fn full_date(&self, i: usize) -> Option<Match> {
        if let Ok(d) = NaiveDate::parse_from_str(self.words.get(i)?, "%Y-%m-%d") {
            return Some((1, Some(d.to_string()), Granularity::Day));
        }
        if let Some(month) = self.month(i) {
            if let Some(day) = self.day(i + 1) {
                let comma = usize::from(self.is(i + 2, ","));
                if let Some(year) = self.year(i + 2 + comma) {
                    return Some((3 + comma, day_value(year, month, day), Granularity::Day));
                }
                return Some((2, self.infer_year(month, day), Granularity::Day));
            }
            let of = usize::from(self.is(i + 1, "of") || self.is(i + 1, ","));
            if let Some(year) = self.year(i + 1 + of) {
                return Some((
                    2 + of,
                    Some(format!("{year:04}-{month:02}")),
                    Granularity::Month,
                ));
            }
            let before = i
                .checked_sub(1)
                .map(|p| self.lower(p).trim_end_matches('-'))
                .unwrap_or("");
            if MONTH_PREPOSITIONS.contains(&before) {
                let value = self.anchor.map(|a| {
                    let (y, _) = nearest_year(a, month, 15);
                    format!("{y:04}-{month:02}")
                });
                return Some((1, value, Granularity::Month));
            }
            return None;
        }
        let day = self.day(i)?;
        let of = usize::from(self.is(i + 1, "of"));
        let month = self.month(i + 1 + of)?;
        if let Some(year) = self.year(i + 2 + of) {
            return Some((3 + of, day_value(year, month, day), Granularity::Day));
        }
        Some((2 + of, self.infer_year(month, day), Granularity::Day))
    }

    /// "today", "yesterday", "last week", "this month", "next year", "last Sunday",
    /// "three days ago".
    fn relative(&self, i: usize) -> Option<Match> {
        let a = self.anchor;
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        match self.lower(i) {
            "today" | "tonight" => return Some((1, day(a), Granularity::Day)),
            "yesterday" => {
                return Some((
                    1,
                    day(a.and_then(|a| a.checked_sub_days(Days::new(1)))),
                    Granularity::Day,
                ))
            }
            "tomorrow" => {
                return Some((
                    1,
                    day(a.and_then(|a| a.checked_add_days(Days::new(1)))),
                    Granularity::Day,
                ))
            }
            _ => {}
        }
        let shift: i64 = match self.lower(i) {
            "last" | "past" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return self.ago(i),
        };
        if let Some(weekday) = self.weekday(i + 1) {
            return Some((
                2,
                self.resolve_weekday(i + 1, weekday, Some(shift)),
                Granularity::Day,
            ));
        }
        let (value, granularity) = match self.lower(i + 1) {
            "week" | "weekend" => (
                a.and_then(|a| a.checked_add_signed(chrono::Duration::weeks(shift)))
                    .map(week_value),
                Granularity::Week,
            ),
            "month" => (
                a.and_then(|a| add_months(a, shift))
                    .map(|d| format!("{:04}-{:02}", d.year(), d.month())),
                Granularity::Month,
            ),
            "year" => (
                a.map(|a| format!("{:04}", a.year() + shift as i32)),
                Granularity::Year,
            ),
            _ => return None,
        };
        Some((2, value, granularity))
    }

    /// "three days ago", "2 weeks ago".
    fn ago(&self, i: usize) -> Option<Match> {
        let w = self.lower(i);
        let n: i64 = w
            .parse()
            .ok()
            .or_else(|| NUMBER_WORDS.iter().position(|x| *x == w).map(|n| n as i64))?;
        if !self.is(i + 2, "ago") || !(0..=100).contains(&n) {
            return None;
        }
        let a = self.anchor;
        let (value, granularity) = match self.lower(i + 1).trim_end_matches('s') {
            "day" => (
                a.and_then(|a| a.checked_sub_days(Days::new(n as u64)))
                    .map(|d| d.to_string()),
                Granularity::Day,
            ),
            "week" => (
                a.and_then(|a| a.checked_sub_days(Days::new(7 * n as u64)))
                    .map(week_value),
                Granularity::Week,
            ),
            "month" => (
                a.and_then(|a| add_months(a, -n))
                    .map(|d| format!("{:04}-{:02}", d.year(), d.month())),
                Granularity::Month,
            ),
            "year" => (
                a.map(|a| format!("{:04}", a.year() - n as i32)),
                Granularity::Year,
            ),
            _ => return None,
        };
        Some((3, value, granularity))
    }

    /// A four-digit year standing as a year: after "in", "since" and the like, or
    /// followed by punctuation; not "2000 people".
    fn bare_year(&self, i: usize) -> Option<Match> {
        let year = self.year(i)?;
        let before = i
            .checked_sub(1)
            .map(|p| self.lower(p).trim_end_matches('-'))
            .unwrap_or("");
        let after = self.words.get(i + 1).copied().unwrap_or(".");
        let after_is_word = after.starts_with(|c: char| c.is_alphanumeric());
        let part_of_number = matches!(before, "$" | "£" | "€" | "#" | "no." | "number");
        if part_of_number || (!YEAR_PREPOSITIONS.contains(&before) && after_is_word) {
            return None;
        }
        Some((1, Some(format!("{year:04}")), Granularity::Year))
    }

    /// A weekday: "last" (shift -1) is the one before the anchor, "next"/"this" (1/0) the
    /// one after; alone it is the most recent one (the anchor day itself included) unless
    /// a word just before puts it in the future ("will meet on Sunday").
    fn resolve_weekday(&self, i: usize, weekday: Weekday, shift: Option<i64>) -> Option<String> {
        let a = self.anchor?;
        let today = a.weekday().num_days_from_monday() as i64;
        let target = weekday.num_days_from_monday() as i64;
        let back = (today - target).rem_euclid(7);
        let ahead = (target - today).rem_euclid(7);
        let future = match shift {
            Some(s) => s >= 0,
            None => {
                (i.saturating_sub(6)..i).any(|p| FUTURE_CUES.iter().any(|c| *c == self.lower(p)))
            }
        };
        let offset = match (shift, future) {
            (Some(-1), _) => -(if back == 0 { 7 } else { back }),
            (_, true) => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            (_, false) => -back,
        };
        a.checked_add_signed(chrono::Duration::days(offset))
            .map(|d| d.to_string())
    }

    /// A day and month with no year: the year that puts it nearest the anchor.
    fn infer_year(&self, month: u32, day: u32) -> Option<String> {
        let a = self.anchor?;
        let (year, _) = nearest_year(a, month, day);
        day_value(year, month, day)
    }
}

/// Of last year, this year and next year, the one whose `month`/`day` is nearest `anchor`.
fn nearest_year(anchor: NaiveDate, month: u32, day: u32) -> (i32, i64) {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| {
            NaiveDate::from_ymd_opt(y, month, day.clamp(1, 28))
                .map(|d| (y, (d - anchor).num_days().abs()))
        })
        .min_by_key(|&(_, distance)| distance)
        .unwrap_or((anchor.year(), 0))
}

fn day_value(year: i32, month: u32, day: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.to_string())
}

fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new((-n) as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, published: Option<&str>) -> Vec<(String, Option<String>, &'static str)> {
        extract(text, published)
            .into_iter()
            .map(|d| (d.text, d.value, d.granularity.as_str()))
            .collect()
    }

    fn one(text: &str, published: Option<&str>) -> (String, Option<String>, &'static str) {
        let mut all = found(text, published);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("This July 27, 2017 picture", None),
            ("July 27, 2017".into(), Some("2017-07-27".into()), "day")
        );
        assert_eq!(
            one("on 27 July 2017.", None).1.as_deref(),
            Some("2017-07-27")
        );
        assert_eq!(
            one("on Thursday, Jan. 4, 2018.", None),
            (
                "Thursday, Jan. 4, 2018".into(),
                Some("2018-01-04".into()),
                "day"
            )
        );
        assert_eq!(
            one("filed 2016-09-20 in court", None).1.as_deref(),
            Some("2016-09-20")
        );
        assert_eq!(
            one("war in October 1973.", None),
            ("October 1973".into(), Some("1973-10".into()), "month")
        );
        assert_eq!(
            one("since 2011, Kim", None),
            ("2011".into(), Some("2011".into()), "year")
        );
        assert_eq!(
            one("the 4th of July 1776", None).1.as_deref(),
            Some("1776-07-04")
        );
    }

    #[test]
    fn year_less_dates_take_the_nearest_year() {
        assert_eq!(
            one("summit on June 12, following", Some("2018-06-03"))
                .1
                .as_deref(),
            Some("2018-06-12")
        );
        assert_eq!(
            one("met on 30 May.", Some("2018-06-03")).1.as_deref(),
            Some("2018-05-30")
        );
        // Published in January, "December 20" was last year.
        assert_eq!(
            one("on December 20th", Some("2018-01-05")).1.as_deref(),
            Some("2017-12-20")
        );
        assert_eq!(one("June 12", None), ("June 12".into(), None, "day"));
        assert_eq!(
            one("expected in May", Some("2018-02-01")),
            ("May".into(), Some("2018-05".into()), "month")
        );
    }

    #[test]
    fn weekdays_resolve_to_the_past_unless_the_future_is_said() {
        let sunday = Some("2018-06-03");
        assert_eq!(
            one("state media reported Sunday", sunday).1.as_deref(),
            Some("2018-06-03")
        );
        assert_eq!(
            one("a meeting on Wednesday", sunday).1.as_deref(),
            Some("2018-05-30")
        );
        assert_eq!(
            one("he will fly on Wednesday", sunday).1.as_deref(),
            Some("2018-06-06")
        );
        assert_eq!(
            one("last Sunday", sunday),
            ("last Sunday".into(), Some("2018-05-27".into()), "day")
        );
        assert_eq!(one("next Friday", sunday).1.as_deref(), Some("2018-06-08"));
        assert_eq!(one("reported Sunday", None).1, None);
    }

    #[test]
    fn relative_expressions() {
        let d = Some("2018-06-03");
        assert_eq!(
            one("talks last week", d),
            ("last week".into(), Some("2018-W21".into()), "week")
        );
        assert_eq!(one("this week", d).1.as_deref(), Some("2018-W22"));
        assert_eq!(
            one("next month", d),
            ("next month".into(), Some("2018-07".into()), "month")
        );
        assert_eq!(
            one("last year", Some("2018-01-31")).1.as_deref(),
            Some("2017")
        );
        assert_eq!(one("yesterday", d).1.as_deref(), Some("2018-06-02"));
        assert_eq!(
            one("three days ago", d),
            ("three days ago".into(), Some("2018-05-31".into()), "day")
        );
        assert_eq!(
            one("2 months ago", Some("2018-01-15")).1.as_deref(),
            Some("2017-11")
        );
    }

    #[test]
    fn not_dates() {
        assert!(found("some 2000 people and 530 troops", None).is_empty());
        assert!(found("Theresa May said she may march in March", None)
            .iter()
            .all(|d| d.0 != "May" && d.0 != "may"));
        assert!(found("it cost $2012 and flight 1966 landed", None)
            .iter()
            .all(|d| d.0 != "2012"));
        assert!(found("the last one, this time", Some("2018-06-03")).is_empty());
        assert!(found("", Some("not a date")).is_empty());
        assert!(found("Smith and May said. The Sun reported", None).is_empty());
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Pyongyang’s “summit” — on Sunday…";
        let d = &extract(text, None)[0];
        let cut: String = text.chars().skip(d.start).take(d.end - d.start).collect();
        assert_eq!(cut, "Sunday");
    }
}
