//! Writers for result rows: an aligned table for people, CSV, a JSON array or NDJSON for
//! programs. Everything but the table streams, so a large report never sits in memory.
//! [`parquet`] writes whole tables as Parquet files, for `corpusdb export`.

pub mod parquet;

use std::io::Write;

use crate::report::{Sink, Value};
use crate::{Error, Result};

/// Widest a table cell gets before it is cut with an ellipsis.
const MAX_CELL: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Ndjson,
}

/// Prints rows in one format to a writer.
pub struct Printer<W: Write> {
    format: Format,
    out: W,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    count: usize,
}

impl<W: Write> Printer<W> {
    pub fn new(format: Format, out: W) -> Self {
        Printer {
            format,
            out,
            columns: Vec::new(),
            rows: Vec::new(),
            count: 0,
        }
    }

    pub fn columns(&mut self, columns: &[String]) -> Result<()> {
        self.columns = columns.to_vec();
        match self.format {
            Format::Csv => self.csv_line(columns.iter().map(String::as_str)),
            Format::Json => self.write(b"["),
            Format::Table | Format::Ndjson => Ok(()),
        }
    }

    pub fn row(&mut self, values: &[Value]) -> Result<()> {
        self.count += 1;
        match self.format {
            Format::Table => {
                self.rows
                    .push(values.iter().map(|v| cell(v, MAX_CELL)).collect());
                Ok(())
            }
            Format::Csv => {
                let cells: Vec<String> = values.iter().map(|v| cell(v, usize::MAX)).collect();
                self.csv_line(cells.iter().map(String::as_str))
            }
            Format::Json | Format::Ndjson => {
                let object: serde_json::Map<String, serde_json::Value> = self
                    .columns
                    .iter()
                    .cloned()
                    .zip(values.iter().map(json))
                    .collect();
                let text = serde_json::Value::Object(object).to_string();
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
            Format::Csv | Format::Ndjson => {}
        }
        self.out.flush().map_err(Error::Write)?;
        Ok(self.count)
    }

    fn table(&mut self) -> Result<()> {
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for row in &self.rows {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let rows = std::mem::take(&mut self.rows);
        let header = self.columns.clone();
        self.table_line(&header, &widths)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        self.table_line(&rule, &widths)?;
        for row in &rows {
            self.table_line(row, &widths)?;
        }
        Ok(())
    }

    fn table_line(&mut self, cells: &[String], widths: &[usize]) -> Result<()> {
        let mut line = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(c);
            if i + 1 < cells.len() {
                line.extend(std::iter::repeat_n(
                    ' ',
                    w.saturating_sub(c.chars().count()),
                ));
            }
        }
        line.push('\n');
        self.write(line.as_bytes())
    }

    fn csv_line<'a>(&mut self, cells: impl Iterator<Item = &'a str>) -> Result<()> {
        let mut w = csv::Writer::from_writer(Vec::new());
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

/// A value as table or CSV text, one line, cut to `max` characters.
fn cell(value: &Value, max: usize) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::Integer(n) => n.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(t) if max == usize::MAX => return t.clone(),
        Value::Text(t) => t.replace(['\n', '\r', '\t'], " "),
    };
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
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
