//! Publication dates: the many ways inputs write them, normalised to ISO 8601.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};

/// Date-only layouts, tried in order. US month-first for slashes, as news exports use it;
/// two-digit years before four (chrono's %Y also reads `17` as the year 17).
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%Y/%m/%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%a, %b %d, %Y",
    "%B %d %Y",
    "%Y%m%d",
];

/// Date-time layouts without a zone, read as UTC.
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
];

/// Years outside this range are typos or placeholders (`0001-11-30`), not publication dates.
const FIRST_YEAR: i32 = 1800;

/// Normalises a date to ISO 8601: `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SSZ` (UTC) when
/// a time is given. The error says why the text is not a usable date.
///
/// ```
/// use corpusdb::text::dates::normalize;
/// assert_eq!(normalize("2016-09-20").unwrap(), "2016-09-20");
/// assert_eq!(normalize("9/6/17").unwrap(), "2017-09-06");
/// assert_eq!(normalize("Sun, 03 Jun 2018 10:00:00 GMT").unwrap(), "2018-06-03T10:00:00Z");
/// assert_eq!(normalize("June 3, 2018").unwrap(), "2018-06-03");
/// assert!(normalize("0001-11-30").is_err());
/// assert!(normalize("last Tuesday").is_err());
/// ```
pub fn normalize(raw: &str) -> Result<String, &'static str> {
    let text = raw.trim();
    let parsed = parse(text).ok_or("does not parse as a date")?;
    let year = match &parsed {
        Parsed::Date(d) => d.year(),
        Parsed::DateTime(dt) => dt.year(),
    };
    if year < FIRST_YEAR || year > Utc::now().year() + 1 {
        return Err("is out of the plausible range of publication dates");
    }
    Ok(match parsed {
        Parsed::Date(d) => d.format("%Y-%m-%d").to_string(),
        Parsed::DateTime(dt) => dt.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })
}

enum Parsed {
    Date(NaiveDate),
    DateTime(DateTime<Utc>),
}

fn parse(text: &str) -> Option<Parsed> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(Parsed::DateTime(dt.with_timezone(&Utc)));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(text) {
        return Some(Parsed::DateTime(dt.with_timezone(&Utc)));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(text, format) {
            return Some(Parsed::DateTime(dt.with_timezone(&Utc)));
        }
    }
    for format in DATETIME_FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, format) {
            return Some(Parsed::DateTime(dt.and_utc()));
        }
    }
    DATE_FORMATS
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        .map(Parsed::Date)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn offsets_are_converted_to_utc() {
        assert_eq!(
            normalize("2018-06-03T12:00:00+02:00").unwrap(),
            "2018-06-03T10:00:00Z"
        );
        assert_eq!(
            normalize("2018-06-03 12:30:00").unwrap(),
            "2018-06-03T12:30:00Z"
        );
    }

    #[test]
    fn more_layouts() {
        assert_eq!(normalize("3 June 2018").unwrap(), "2018-06-03");
        assert_eq!(normalize("Jun 3, 2018").unwrap(), "2018-06-03");
        assert_eq!(normalize("12/30/2017").unwrap(), "2017-12-30");
        assert_eq!(normalize("7/23/17").unwrap(), "2017-07-23");
        assert_eq!(normalize(" 2018/06/03 ").unwrap(), "2018-06-03");
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(normalize("2/30/17").is_err());
        assert!(normalize("").is_err());
        assert!(normalize("3000-01-01").is_err());
    }
}
