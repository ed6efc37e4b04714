//! The echo chart: one quotation's cluster from the `echoes` report, its outlets as rows in
//! the order they first ran it and its articles as dots along the publication dates; the
//! first article is drawn larger, in another colour.

use chrono::NaiveDate;
use plotters::prelude::*;
use rusqlite::Connection;

use super::{drawing_error, short, Drawing, Rows, FONT, SIZE};
use crate::Result;

pub(super) fn draw(conn: &Connection, cluster: &str) -> Result<Drawing> {
    let rows = Rows::of(conn, "echoes", &[("cluster", Some(cluster))])?;
    if rows.is_empty() {
        return Ok(Drawing::Nothing(format!(
            "quote cluster {cluster} has no quotes: nothing to draw"
        )));
    }
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    // (outlet, day number) of each dated article; the rows come by date.
    let mut dots: Vec<(String, i64)> = Vec::new();
    let mut undated = 0;
    for i in 0..rows.len() {
        let date = rows.text(i, "date")?;
        let day = date
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let outlet = rows.text(i, "outlet")?;
        let outlet = if outlet.is_empty() {
            "(no outlet)".to_string()
        } else {
            outlet
        };
        match day {
            Some(day) => dots.push((outlet, (day - epoch).num_days())),
            None => undated += 1,
        }
    }
    let variant = rows.text(0, "variant")?;
    let speaker = rows.text(0, "speaker")?;
    if dots.is_empty() {
        return Ok(Drawing::Nothing(format!(
            "none of quote cluster {cluster}'s articles has a date: nothing to draw"
        )));
    }
    dots.sort_by_key(|d| d.1);
    let mut outlets: Vec<&str> = Vec::new();
    for (outlet, _) in &dots {
        if !outlets.contains(&outlet.as_str()) {
            outlets.push(outlet);
        }
    }
    let (first, last) = (dots[0].1, dots[dots.len() - 1].1);
    let pad = ((last - first) / 20).max(1);
    let ny = outlets.len() as i32;
    let height = SIZE.1.max(160 + 28 * outlets.len() as u32);
    let mut title = format!("\u{201c}{}\u{201d}", short(&variant, 70));
    if !speaker.is_empty() {
        title.push_str(&format!(" ({})", short(&speaker, 30)));
    }
    let mut subtitle = format!(
        "run {} times by {} outlets, first by {}",
        dots.len(),
        outlets.len(),
        outlets[0]
    );
    if undated > 0 {
        subtitle.push_str(&format!("; {undated} undated not drawn"));
    }

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIZE.0, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        let (top, body) = root.split_vertically(60);
        top.draw(&Text::new(title, (16, 8), (FONT, 20)))
            .map_err(drawing_error)?;
        top.draw(&Text::new(subtitle, (16, 36), (FONT, 14)))
            .map_err(drawing_error)?;
        let mut chart = ChartBuilder::on(&body)
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(220)
            .build_cartesian_2d((first - pad)..(last + pad), (0..ny - 1).into_segmented())
            .map_err(drawing_error)?;
        let day = |d: &i64| {
            (epoch + chrono::Days::new(u64::try_from(*d).unwrap_or(0)))
                .format("%Y-%m-%d")
                .to_string()
        };
        let outlet = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) => usize::try_from(ny - 1 - *i)
                .ok()
                .and_then(|i| outlets.get(i))
                .map(|o| short(o, 30))
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .x_labels(8)
            .x_label_formatter(&day)
            .y_labels(outlets.len())
            .y_label_formatter(&outlet)
            .x_desc("publication date")
            .label_style((FONT, 14))
            .draw()
            .map_err(drawing_error)?;
        let row = |name: &str| ny - 1 - outlets.iter().position(|o| *o == name).unwrap_or(0) as i32;
        let color = Palette99::pick(0).to_rgba();
        chart
            .draw_series(dots.iter().enumerate().map(|(i, (name, d))| {
                let at = (*d, SegmentValue::CenterOf(row(name)));
                if i == 0 {
                    Circle::new(at, 9, RED.filled())
                } else {
                    Circle::new(at, 6, color.filled())
                }
            }))
            .map_err(drawing_error)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(Drawing::Svg(svg))
}
