//! The outlets chart: the `outlets` report as horizontal bars, one an outlet, each its share
//! of the outlet's articles (or mentions or quotes per 100 of them), so outlets of every size
//! compare; each bar is labelled with its count over the outlet's articles.

use plotters::prelude::*;
use rusqlite::Connection;

use super::{drawing_error, short, Drawing, Measure, Outlets, Rows, FONT, SIZE};
use crate::Result;

pub(super) fn draw(conn: &Connection, question: &Outlets) -> Result<Drawing> {
    let Outlets {
        name,
        query,
        measure,
        from,
        to,
        min,
        limit,
    } = question;
    let limit = limit.to_string();
    let rows = Rows::of(
        conn,
        "outlets",
        &[
            ("name", name.as_deref()),
            ("query", query.as_deref()),
            ("from", from.as_deref()),
            ("to", to.as_deref()),
            ("min", min.as_deref()),
            ("limit", Some(&limit)),
        ],
    )?;
    let topic = name.as_deref().or(query.as_deref()).unwrap_or_default();
    let (column, count, unit) = match measure {
        Measure::Share => ("share_pct", "articles_about", "% of its articles"),
        Measure::Mentions => ("mentions_per_100", "mentions", "mentions per 100 articles"),
        Measure::Quotes => ("quotes_per_100", "quotes", "quotes per 100 articles"),
    };
    // (outlet, value, "count/articles"), highest first, outlets with none left out.
    let mut bars = Vec::new();
    for i in 0..rows.len() {
        let value = rows.number(i, column)?;
        if value > 0.0 {
            let label = format!("{}/{}", rows.number(i, count)?, rows.number(i, "articles")?);
            bars.push((rows.text(i, "outlet")?, value, label));
        }
    }
    bars.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if bars.is_empty() {
        return Ok(Drawing::Nothing(format!(
            "no outlet's articles in the period are about {topic:?}: nothing to draw"
        )));
    }
    let n = bars.len() as i32;
    let max = bars.iter().fold(0.0_f64, |a, b| a.max(b.1));
    let height = SIZE.1.max(120 + 26 * bars.len() as u32);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIZE.0, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(format!("{topic}: {unit}, by outlet"), (FONT, 22))
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(230)
            .build_cartesian_2d(0.0..max * 1.25, (0..n - 1).into_segmented())
            .map_err(drawing_error)?;
        let outlet = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) => usize::try_from(*i)
                .ok()
                .and_then(|i| bars.get(bars.len().checked_sub(i + 1)?))
                .map(|b| short(&b.0, 32))
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(bars.len())
            .y_label_formatter(&outlet)
            .x_desc(unit)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .label_style((FONT, 14))
            .draw()
            .map_err(drawing_error)?;
        // The first bar at the top: row i from the bottom is bar n-1-i.
        chart
            .draw_series(bars.iter().enumerate().map(|(i, bar)| {
                let y = n - 1 - i as i32;
                let mut rect = Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(y)),
                        (bar.1, SegmentValue::Exact(y + 1)),
                    ],
                    Palette99::pick(0).filled(),
                );
                rect.set_margin(3, 3, 0, 0);
                rect
            }))
            .map_err(drawing_error)?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, bar)| {
                let y = n - 1 - i as i32;
                Text::new(
                    format!("{:.1} ({})", bar.1, bar.2),
                    (bar.1 + max * 0.01, SegmentValue::CenterOf(y)),
                    (FONT, 13).into_font().color(&BLACK),
                )
            }))
            .map_err(drawing_error)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(Drawing::Svg(svg))
}
