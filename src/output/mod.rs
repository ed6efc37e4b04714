//! Writers for result rows: an aligned table for people, CSV, TSV, a JSON array or NDJSON for
//! programs, as sqlite-utils writes them (JSON objects keep the query's column order; the
//! header can be left out). Everything but the table streams, so a large report never sits
//! in memory; the table is laid out at the end, its columns fitted to a width (long cells
//! wrapped, word by word) unless it is told to show every cell whole. [`parquet`] writes
//! whole tables as Parquet files, for `corpusdb export`.

pub mod parquet;

use std::io::Write;

use crate::report::{Sink, Value};
use crate::{Error, Result};

/// Narrowest a table column is squeezed to when the table is fitted to a width.
const MIN_COLUMN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Ndjson,
}

/// Prints rows in one format to a writer.
pub struct Printer<W: Write> {
    format: Format,
    out: W,
    headers: bool,
    /// The table's widest line, when it is fitted.
    width: Option<usize>,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    count: usize,
}

impl<W: Write> Printer<W> {
    /// A printer with a header line and a table as wide as its cells.
    pub fn new(format: Format, out: W) -> Self {
        Printer {
            format,
            out,
            headers: true,
            width: None,
            columns: Vec::new(),
            rows: Vec::new(),
            count: 0,
        }
    }

    /// Whether CSV, TSV and the table start with the column names (they do by default).
    pub fn headers(mut self, headers: bool) -> Self {
        self.headers = headers;
        self
    }

    /// Fits the table to `width` characters a line (long cells are wrapped); `None` shows
    /// every cell whole.
    pub fn width(mut self, width: Option<usize>) -> Self {
        self.width = width;
        self
    }

    pub fn columns(&mut self, columns: &[String]) -> Result<()> {
        self.columns = columns.to_vec();
        match self.format {
            Format::Csv | Format::Tsv if self.headers => {
                self.csv_line(columns.iter().map(String::as_str))
            }
            Format::Json => self.write(b"["),
            Format::Table | Format::Ndjson | Format::Csv | Format::Tsv => Ok(()),
        }
    }

    pub fn row(&mut self, values: &[Value]) -> Result<()> {
        self.count += 1;
        match self.format {
            Format::Table => {
                self.rows
                    .push(values.iter().map(|v| cell(v, true)).collect());
                Ok(())
            }
            Format::Csv | Format::Tsv => {
                let cells: Vec<String> = values.iter().map(|v| cell(v, false)).collect();
                self.csv_line(cells.iter().map(String::as_str))
            }
            Format::Json | Format::Ndjson => {
                // An object written key by key: in the query's column order.
                let mut text = String::from("{");
                for (i, (name, value)) in self.columns.iter().zip(values).enumerate() {
                    if i > 0 {
                        text.push(',');
                    }
                    text.push_str(&serde_json::Value::from(name.as_str()).to_string());
                    text.push(':');
                    text.push_str(&json(value).to_string());
                }
                text.push('}');
                let sep: &[u8] = match (self.format, self.count) {
                    (Format::Ndjson, _) => b"",
                    (_, 1) => b"\n",
                    _ => b",\n",
                };
                self.write(sep)?;
                self.write(text.as_bytes())?;
                if self.format == Format::Ndjson {
                    self.write(b"\n")?;
                }
                Ok(())
            }
        }
    }

    /// Ends the output (the table is printed here, once its widths are known).
    pub fn finish(mut self) -> Result<usize> {
        match self.format {
            Format::Table => self.table()?,
            Format::Json => self.write(if self.count == 0 { b"]\n" } else { b"\n]\n" })?,
            Format::Csv | Format::Tsv | Format::Ndjson => {}
        }
        self.out.flush().map_err(Error::Write)?;
        Ok(self.count)
    }

    fn table(&mut self) -> Result<()> {
        let mut widths: Vec<usize> = self.columns.iter().map(|c| text_width(c)).collect();
        for row in &self.rows {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(text_width(c));
            }
        }
        if let Some(width) = self.width {
            fit(&mut widths, width);
        }
        let rows = std::mem::take(&mut self.rows);
        if self.headers {
            let header = self.columns.clone();
            self.table_line(&header, &widths)?;
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            self.table_line(&rule, &widths)?;
        }
        for row in &rows {
            self.table_line(row, &widths)?;
        }
        Ok(())
    }

    /// One row of the table: each cell wrapped to its column's width, the row as many lines
    /// high as its tallest cell.
    fn table_line(&mut self, cells: &[String], widths: &[usize]) -> Result<()> {
        let wrapped: Vec<Vec<std::borrow::Cow<str>>> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| {
                if text_width(c) <= *w {
                    vec![std::borrow::Cow::Borrowed(c.as_str())]
                } else {
                    textwrap::wrap(c, textwrap::Options::new(*w).break_words(true))
                }
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut text = String::new();
        for line in 0..height {
            let mut out = String::new();
            for (i, (lines, w)) in wrapped.iter().zip(widths).enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                let part = lines.get(line).map_or("", |l| l.as_ref());
                out.push_str(part);
                out.extend(std::iter::repeat_n(' ', w.saturating_sub(text_width(part))));
            }
            text.push_str(out.trim_end());
            text.push('\n');
        }
        self.write(text.as_bytes())
    }

    fn csv_line<'a>(&mut self, cells: impl Iterator<Item = &'a str>) -> Result<()> {
        let delimiter = if self.format == Format::Tsv {
            b'\t'
        } else {
            b','
        };
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(Vec::new());
        w.write_record(cells).map_err(|e| Error::Write(e.into()))?;
        let bytes = w.into_inner().map_err(|e| Error::Write(e.into_error()))?;
        self.write(&bytes)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(Error::Write)
    }
}

impl<W: Write> Sink for Printer<W> {
    fn columns(&mut self, names: &[String]) -> Result<()> {
        Printer::columns(self, names)
    }
    fn row(&mut self, values: &[Value]) -> Result<()> {
        Printer::row(self, values)
    }
}

/// A value as CSV text, or as a table cell (on one line) when `one_line`.
fn cell(value: &Value, one_line: bool) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(n) => n.to_string(),
        // As the sqlite3 shell prints a real: 100.0, not 100.
        Value::Real(x) => format!("{x:?}"),
        Value::Text(t) if one_line => t.replace(['\n', '\r', '\t'], " "),
        Value::Text(t) => t.clone(),
    }
}

/// Columns on a terminal.
fn text_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// Narrows the widest columns until the table's lines (two spaces between columns) fit in
/// `width`, no column under [`MIN_COLUMN`] (or its own width, if less). Narrow columns keep
/// their width: ids, dates and counts stay whole while the text beside them wraps.
fn fit(widths: &mut [usize], width: usize) {
    let gaps = 2 * widths.len().saturating_sub(1);
    let total = |ws: &[usize]| ws.iter().sum::<usize>() + gaps;
    if total(widths) <= width {
        return;
    }
    let natural = widths.to_vec();
    // The largest cap on any column's width with which the table fits.
    let mut cap = natural.iter().copied().max().unwrap_or(0);
    while cap > MIN_COLUMN {
        let capped: Vec<usize> = natural.iter().map(|w| (*w).min(cap)).collect();
        if total(&capped) <= width {
            break;
        }
        cap -= 1;
    }
    for (w, n) in widths.iter_mut().zip(&natural) {
        *w = (*n).min(cap.max(MIN_COLUMN));
    }
}

fn json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(n) => (*n).into(),
        Value::Real(x) => {
            serde_json::Number::from_f64(*x).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Text(t) => t.clone().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(format: Format, width: Option<usize>, headers: bool, rows: &[&[Value]]) -> String {
        let mut p = Printer::new(format, Vec::new())
            .width(width)
            .headers(headers);
        p.columns(&["zeta".to_string(), "alpha".to_string()])
            .unwrap();
        for row in rows {
            p.row(row).unwrap();
        }
        p.flush_into_string()
    }

    impl Printer<Vec<u8>> {
        fn flush_into_string(mut self) -> String {
            match self.format {
                Format::Table => self.table().unwrap(),
                Format::Json => self.write(b"\n]\n").unwrap(),
                _ => {}
            }
            String::from_utf8(self.out).unwrap()
        }
    }

    #[test]
    fn json_keeps_column_order_and_tsv_and_no_headers_work() {
        let row: &[Value] = &[Value::Integer(1), Value::Text("a\tb".into())];
        assert_eq!(
            printed(Format::Json, None, true, &[row]),
            "[\n{\"zeta\":1,\"alpha\":\"a\\tb\"}\n]\n"
        );
        assert_eq!(
            printed(Format::Ndjson, None, true, &[row]),
            "{\"zeta\":1,\"alpha\":\"a\\tb\"}\n"
        );
        assert_eq!(
            printed(Format::Tsv, None, true, &[row]),
            "zeta\talpha\n1\t\"a\tb\"\n"
        );
        assert_eq!(printed(Format::Csv, None, false, &[row]), "1,a\tb\n");
    }

    #[test]
    fn the_table_fits_its_width_by_wrapping_the_widest_column() {
        let long = "word ".repeat(40);
        let row: &[Value] = &[Value::Integer(12345), Value::Text(long.trim().into())];
        let table = printed(Format::Table, Some(40), true, &[row]);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{table}");
        assert_eq!(lines[0], "zeta   alpha");
        assert!(lines[2].starts_with("12345  word word"), "{table}");
        // Every word is still there, over several lines.
        assert_eq!(table.matches("word").count(), 40, "{table}");
        let wide = printed(Format::Table, None, false, &[row]);
        assert_eq!(wide.lines().count(), 1);
        assert!(wide.contains(long.trim()), "{wide}");
    }
}
