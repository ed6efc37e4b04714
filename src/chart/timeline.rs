//! The timeline chart: the `timeline` report run for each entity, its periods laid on one
//! axis from the first to the last with the empty ones as 0, a line per entity.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use plotters::prelude::*;
use rusqlite::Connection;

use super::{drawing_error, Drawing, Rows, FONT, SIZE};
use crate::{Error, Result};

/// More periods than this make a line nobody can read: narrow the dates or widen the period.
const MAX_PERIODS: usize = 2000;

pub(super) fn draw(
    conn: &Connection,
    names: &[String],
    by: &str,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Drawing> {
    let mut series: Vec<(String, BTreeMap<String, f64>)> = Vec::new();
    for name in names {
        let rows = Rows::of(
            conn,
            "timeline",
            &[
                ("name", Some(name)),
                ("by", Some(by)),
                ("from", from),
                ("to", to),
            ],
        )?;
        let mut counts = BTreeMap::new();
        for i in 0..rows.len() {
            counts.insert(rows.text(i, "period")?, rows.number(i, "mentions")?);
        }
        series.push((name.clone(), counts));
    }
    // The axis runs over the dates asked for, if any, else from the first mention to the last.
    let bounds: Vec<String> = [(from, false), (to, true)]
        .into_iter()
        .filter_map(|(d, end)| crate::report::params::date(d?, end).ok())
        .filter_map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map(|d| label(d, by))
        .collect();
    let seen = series.iter().flat_map(|(_, c)| c.keys());
    let nothing = series.iter().all(|(_, c)| c.is_empty());
    let periods = if nothing {
        None
    } else {
        periods(seen.chain(bounds.iter()), by)?
    };
    let Some(periods) = periods else {
        return Ok(Drawing::Nothing(format!(
            "no dated mentions of {} to draw",
            names.join(", ")
        )));
    };
    let max = series
        .iter()
        .flat_map(|(_, c)| c.values())
        .fold(0.0_f64, |a, &b| a.max(b));
    let last = periods.len() as i32 - 1;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("Mentions per {by}: {}", names.join(", ")),
                (FONT, 22),
            )
            .margin(16)
            .margin_right(40)
            .x_label_area_size(50)
            .y_label_area_size(60)
            .build_cartesian_2d(0..last.max(1), 0.0..(max * 1.1).max(1.0))
            .map_err(drawing_error)?;
        let label = |x: &i32| {
            usize::try_from(*x)
                .ok()
                .and_then(|i| periods.get(i))
                .cloned()
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(periods.len().min(12))
            .x_label_formatter(&label)
            .y_label_formatter(&|y| format!("{y:.0}"))
            .x_desc(by)
            .y_desc("mentions")
            .label_style((FONT, 14))
            .draw()
            .map_err(drawing_error)?;
        for (i, (name, counts)) in series.iter().enumerate() {
            let color = Palette99::pick(i).to_rgba();
            let points: Vec<(i32, f64)> = periods
                .iter()
                .enumerate()
                .map(|(x, p)| (x as i32, counts.get(p).copied().unwrap_or(0.0)))
                .collect();
            let total: f64 = counts.values().sum();
            chart
                .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))
                .map_err(drawing_error)?
                .label(format!("{name} ({total} mentions)"))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
                });
            if periods.len() <= 120 {
                chart
                    .draw_series(points.iter().map(|&p| Circle::new(p, 3, color.filled())))
                    .map_err(drawing_error)?;
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font((FONT, 15))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(drawing_error)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(Drawing::Svg(svg))
}

/// Every period from the first to the last of `seen`, labelled as the report labels them
/// (`2018-03-02`, `2018-W09`, `2018-03`), or `None` when none was seen.
fn periods<'a>(seen: impl Iterator<Item = &'a String>, by: &str) -> Result<Option<Vec<String>>> {
    let days: Vec<NaiveDate> = seen.filter_map(|p| first_day(p, by)).collect();
    let (Some(&start), Some(&end)) = (days.iter().min(), days.iter().max()) else {
        return Ok(None);
    };
    let mut out: Vec<String> = Vec::new();
    for day in start.iter_days().take_while(|d| *d <= end) {
        let label = label(day, by);
        if out.last() != Some(&label) {
            out.push(label);
            if out.len() > MAX_PERIODS {
                return Err(Error::BadParam(format!(
                    "the mentions run from {start} to {end}: more than {MAX_PERIODS} {by}s to \
                     draw; narrow them with --from/--to or count by a longer period, e.g. \
                     --by month --from {}",
                    end.format("%Y-01-01")
                )));
            }
        }
    }
    Ok(Some(out))
}

/// The period `day` falls in, written as SQLite writes it in the timeline report.
fn label(day: NaiveDate, by: &str) -> String {
    let format = match by {
        "day" => "%Y-%m-%d",
        // strftime('%W'): weeks start on Monday, the days before the year's first one are week 00.
        "week" => "%Y-W%W",
        _ => "%Y-%m",
    };
    day.format(format).to_string()
}

/// The first day of a period as the report writes it.
fn first_day(period: &str, by: &str) -> Option<NaiveDate> {
    match by {
        "day" => NaiveDate::parse_from_str(period, "%Y-%m-%d").ok(),
        "week" => {
            let year: i32 = period.get(..4)?.parse().ok()?;
            let january = NaiveDate::from_ymd_opt(year, 1, 1)?;
            january
                .iter_days()
                .take(366)
                .find(|d| label(*d, by) == period)
        }
        _ => NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(seen: &[&str], by: &str) -> Vec<String> {
        let seen: Vec<String> = seen.iter().map(|s| s.to_string()).collect();
        periods(seen.iter(), by).unwrap().unwrap_or_default()
    }

    #[test]
    fn empty_periods_are_filled_in_the_reports_labels() {
        assert_eq!(
            all(&["2018-01", "2018-04"], "month"),
            ["2018-01", "2018-02", "2018-03", "2018-04"]
        );
        assert_eq!(
            all(&["2017-12-30", "2018-01-02"], "day"),
            ["2017-12-30", "2017-12-31", "2018-01-01", "2018-01-02"]
        );
        // 2018-01-01 is a Monday: week 01; 2017-12-31, a Sunday, is in 2017's week 52.
        assert_eq!(
            all(&["2017-W52", "2018-W02"], "week"),
            ["2017-W52", "2018-W01", "2018-W02"]
        );
        assert!(all(&[], "month").is_empty());
    }

    #[test]
    fn too_many_periods_is_a_usage_error_with_an_example() {
        let seen = ["0001-11-30".to_string(), "2018-03-02".to_string()];
        let err = periods(seen.iter(), "day").unwrap_err();
        assert!(
            err.is_usage() && err.to_string().contains("--from"),
            "{err}"
        );
    }
}
