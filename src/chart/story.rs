//! The story chart: the `story` report laid out with its articles as columns (labelled with
//! their outlet and day) and the entities they name as rows, most widely named first: a
//! filled dot where the article names the entity in its lead, a ring where only further down,
//! nothing where it leaves it out.

use std::collections::HashMap;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rusqlite::Connection;

use super::{drawing_error, short, Drawing, Rows, FONT};
use crate::Result;

/// Articles drawn at most: a column each.
const MAX_COLUMNS: usize = 40;

/// One article of the story: its label and the entities it names, lead first.
struct Column {
    label: String,
    lead: Vec<String>,
    late: Vec<String>,
}

pub(super) fn draw(conn: &Connection, id: &str, max_rows: usize) -> Result<Drawing> {
    let rows = Rows::of(conn, "story", &[("id", Some(id))])?;
    let mut columns: Vec<Column> = Vec::new();
    let mut by_article: HashMap<String, usize> = HashMap::new();
    for i in 0..rows.len() {
        let article = rows.text(i, "article_id")?;
        let at = *by_article.entry(article).or_insert_with(|| {
            columns.push(Column {
                label: String::new(),
                lead: Vec::new(),
                late: Vec::new(),
            });
            columns.len() - 1
        });
        let names =
            |item: String| -> Vec<String> { item.split("; ").map(str::to_string).collect() };
        let column = &mut columns[at];
        match rows.text(i, "what")?.as_str() {
            "article" => {
                let outlet = rows.text(i, "outlet")?;
                let outlet = if outlet.is_empty() {
                    "(no outlet)".into()
                } else {
                    outlet
                };
                let date = rows.text(i, "date")?;
                column.label =
                    format!("{} {}", short(&outlet, 22), date.get(..10).unwrap_or(&date));
            }
            "lead entities" => column.lead = names(rows.text(i, "item")?),
            "late entities" => column.late = names(rows.text(i, "item")?),
            _ => {}
        }
    }
    let total = columns.len();
    columns.truncate(MAX_COLUMNS);
    // Entities by how many articles name them (a lead counts a little more), then by name.
    let mut score: HashMap<&str, (usize, usize)> = HashMap::new();
    for c in &columns {
        for name in &c.lead {
            let s = score.entry(name).or_default();
            s.0 += 1;
            s.1 += 1;
        }
        for name in &c.late {
            score.entry(name).or_default().0 += 1;
        }
    }
    let mut entities: Vec<(&str, (usize, usize))> = score.into_iter().collect();
    entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    entities.truncate(max_rows.max(1));
    if entities.is_empty() {
        return Ok(Drawing::Nothing(format!(
            "story {id}'s articles name no entity: nothing to draw"
        )));
    }
    let (nx, ny) = (columns.len() as i32, entities.len() as i32);
    let width = (300 + 34 * columns.len() as u32).max(640);
    let height = 260 + 24 * entities.len() as u32;
    let title = if total > columns.len() {
        format!(
            "Story {id}: who each article names (its first {} of {total} articles)",
            columns.len()
        )
    } else {
        format!("Story {id}: who each article names")
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 20))
            .margin(12)
            .x_label_area_size(190)
            .y_label_area_size(220)
            .build_cartesian_2d((0..nx - 1).into_segmented(), (0..ny - 1).into_segmented())
            .map_err(drawing_error)?;
        // The first entity at the top.
        let row_label = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) => usize::try_from(ny - 1 - *i)
                .ok()
                .and_then(|i| entities.get(i))
                .map(|e| short(e.0, 30))
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .x_labels(columns.len())
            .y_labels(entities.len())
            // Column labels are drawn below, turned to read downwards.
            .x_label_formatter(&|_| String::new())
            .y_label_formatter(&row_label)
            .y_label_style((FONT, 13))
            .light_line_style(WHITE)
            .bold_line_style(BLACK.mix(0.1))
            .draw()
            .map_err(drawing_error)?;
        let color = Palette99::pick(4).to_rgba();
        let mut dots = Vec::new();
        for (x, column) in columns.iter().enumerate() {
            for (y, (name, _)) in entities.iter().enumerate() {
                let at = (
                    SegmentValue::CenterOf(x as i32),
                    SegmentValue::CenterOf(ny - 1 - y as i32),
                );
                if column.lead.iter().any(|n| n == name) {
                    dots.push(Circle::new(at, 7, color.filled()));
                } else if column.late.iter().any(|n| n == name) {
                    dots.push(Circle::new(at, 6, color.stroke_width(2)));
                }
            }
        }
        chart.draw_series(dots).map_err(drawing_error)?;
        let bottom = chart.plotting_area().get_pixel_range().1.end;
        let turned = TextStyle::from((FONT, 13).into_font().transform(FontTransform::Rotate90))
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (x, column) in columns.iter().enumerate() {
            let (px, _) =
                chart.backend_coord(&(SegmentValue::CenterOf(x as i32), SegmentValue::CenterOf(0)));
            root.draw(&Text::new(
                column.label.clone(),
                (px, bottom + 8),
                turned.clone(),
            ))
            .map_err(drawing_error)?;
        }
        root.draw(&Text::new(
            "filled: named in the lead (title, dek, first two paragraphs); ring: named only further down",
            (12, height as i32 - 18),
            (FONT, 13),
        ))
        .map_err(drawing_error)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(Drawing::Svg(svg))
}
