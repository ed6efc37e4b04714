//! The co-occurrence network: the `cooccurrence` report's strongest partners of one entity,
//! on a circle around it, and the same report run for each partner to find the links among
//! them (the strongest, twice as many as partners). A line's width is how often the two are named together; a node's size, how often
//! it is named with the centre.

use std::collections::HashMap;
use std::f64::consts::TAU;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rusqlite::Connection;

use super::{drawing_error, short, Drawing, Rows, FONT};
use crate::Result;

/// The picture is square.
const SIDE: u32 = 900;

pub(super) fn draw(
    conn: &Connection,
    name: &str,
    scope: Option<&str>,
    limit: usize,
) -> Result<Drawing> {
    let limit = limit.clamp(1, 40);
    let mut partners = together(conn, name, scope, limit)?;
    // Two entities of one name (a person and a place) are one node: the stronger.
    let mut seen = std::collections::HashSet::new();
    partners.retain(|(n, _)| seen.insert(n.clone()));
    if partners.is_empty() {
        return Ok(Drawing::Nothing(format!(
            "no entity is named with {name:?}: nothing to draw"
        )));
    }
    // The links among the partners: each partner's own report, kept to the partners.
    let mut links: HashMap<(usize, usize), f64> = HashMap::new();
    let index: HashMap<&str, usize> = partners
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (n.as_str(), i))
        .collect();
    for (i, (partner, _)) in partners.iter().enumerate() {
        for (other, n) in together(conn, partner, scope, 100)? {
            if let Some(&j) = index.get(other.as_str()) {
                if i != j {
                    links.insert((i.min(j), i.max(j)), n);
                }
            }
        }
    }
    // The strongest links only, twice as many as partners: all of them would be a hairball.
    let mut links: Vec<((usize, usize), f64)> = links.into_iter().collect();
    links.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    links.truncate(2 * partners.len());
    let strongest = partners.iter().fold(1.0_f64, |a, p| a.max(p.1));
    let place = |i: usize| {
        let angle = TAU * i as f64 / partners.len() as f64 - TAU / 4.0;
        (angle.cos(), angle.sin())
    };
    let scope = scope.unwrap_or("paragraph");

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIDE, SIDE)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(format!("Named in the same {scope} as {name}"), (FONT, 22))
            .margin(20)
            .build_cartesian_2d(-1.45..1.45, -1.3..1.3)
            .map_err(drawing_error)?;
        let grey = BLACK.mix(0.25);
        let width = |n: f64| (1.0 + 9.0 * n / strongest).round() as u32;
        chart
            .draw_series(links.iter().map(|&((i, j), n)| {
                PathElement::new(vec![place(i), place(j)], grey.stroke_width(width(n).min(6)))
            }))
            .map_err(drawing_error)?;
        let color = Palette99::pick(0).to_rgba();
        chart
            .draw_series(partners.iter().enumerate().map(|(i, (_, n))| {
                PathElement::new(
                    vec![(0.0, 0.0), place(i)],
                    color.mix(0.6).stroke_width(width(*n)),
                )
            }))
            .map_err(drawing_error)?;
        chart
            .draw_series(partners.iter().enumerate().map(|(i, (_, n))| {
                Circle::new(place(i), 6 + (12.0 * n / strongest) as i32, color.filled())
            }))
            .map_err(drawing_error)?;
        chart
            .draw_series(std::iter::once(Circle::new((0.0, 0.0), 22, RED.filled())))
            .map_err(drawing_error)?;
        // Names outside their node, on the side away from the centre.
        chart
            .draw_series(partners.iter().enumerate().map(|(i, (partner, n))| {
                let (x, y) = place(i);
                let h = if x > 0.2 {
                    HPos::Left
                } else if x < -0.2 {
                    HPos::Right
                } else {
                    HPos::Center
                };
                let v = if y > 0.2 {
                    VPos::Bottom
                } else if y < -0.2 {
                    VPos::Top
                } else {
                    VPos::Center
                };
                Text::new(
                    format!("{} ({n})", short(partner, 28)),
                    (x * 1.09, y * 1.09),
                    TextStyle::from((FONT, 15).into_font()).pos(Pos::new(h, v)),
                )
            }))
            .map_err(drawing_error)?;
        chart
            .draw_series(std::iter::once(Text::new(
                short(name, 30),
                (0.0, -0.1),
                TextStyle::from((FONT, 18).into_font().style(FontStyle::Bold))
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            )))
            .map_err(drawing_error)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(Drawing::Svg(svg))
}

/// The `cooccurrence` report for `name`: each partner's name and how often they are together.
fn together(
    conn: &Connection,
    name: &str,
    scope: Option<&str>,
    limit: usize,
) -> Result<Vec<(String, f64)>> {
    let limit = limit.to_string();
    let rows = Rows::of(
        conn,
        "cooccurrence",
        &[
            ("name", Some(name)),
            ("scope", scope),
            ("limit", Some(&limit)),
        ],
    )?;
    (0..rows.len())
        .map(|i| Ok((rows.text(i, "name")?, rows.number(i, "together")?)))
        .collect()
}
