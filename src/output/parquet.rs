//! Parquet files from SQLite rows: the Arrow type of each column (ISO dates and times stored
//! as text become DATE and TIMESTAMP columns), the conversion of every SQLite value into it,
//! record batches of bounded size, and the file writer with its row group and compression
//! settings. What to export and where is `crate::export`'s business.

use std::borrow::Cow;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ::parquet::arrow::ArrowWriter;
use ::parquet::basic::{Compression, ZstdLevel};
use ::parquet::file::properties::WriterProperties;
use arrow_array::builder::{
    BinaryBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use rusqlite::types::ValueRef;

use crate::{Error, Result};

/// Rows in one record batch: the unit handed from SQLite to the Parquet encoder.
pub const BATCH_ROWS: usize = 8192;
/// A batch is also cut once its text and blob values reach this many bytes, so a table of
/// long texts never holds more than this in Arrow buffers at once.
const BATCH_BYTES: usize = 16 << 20;
/// Rows in one row group at most: DuckDB and Spark read a file in parallel by row group, and
/// about 128 Ki rows is what their own writers make (DuckDB's row group is 122,880 rows).
const ROW_GROUP_ROWS: usize = 1 << 17;
/// A row group is cut earlier when its encoded size reaches this, which bounds what the
/// writer buffers for tables of long texts (paragraphs) to about this much per open file.
const ROW_GROUP_BYTES: usize = 64 << 20;
/// zstd level 3, zstd's own default. On allsides-37k's tables, level 1 wrote 8 % more bytes
/// in about 20 % less time; no compression, 2.4 times the bytes and no time saved (the
/// export then waits on the disk).
const ZSTD_LEVEL: i32 = 3;

/// The Arrow type of a column, one per SQLite storage class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Int64.
    Integer,
    /// Float64.
    Real,
    /// Utf8.
    Text,
    /// Binary.
    Blob,
    /// Date32: text that is an ISO date (`2018-03-02`) in every row.
    Date,
    /// Timestamp in microseconds, in UTC (Arrow's zone-less timestamp, DuckDB's TIMESTAMP):
    /// text that is an ISO date and time (`2018-03-02T10:00:00Z`, or a date alone, taken as
    /// midnight) in every row. A time with an offset is moved to UTC; one without is taken
    /// as UTC.
    Timestamp,
}

impl Kind {
    /// The type a declared column type fixes, by SQLite's affinity rules (the first that
    /// matches: INT, then CHAR/CLOB/TEXT, then BLOB, then REAL/FLOA/DOUB), or `None` when
    /// the values must decide: no declared type (view columns computed by an expression) or
    /// NUMERIC affinity (NUMERIC, DECIMAL, BOOLEAN, DATE...), which stores integers, reals
    /// and text alike.
    pub fn declared(decl: &str) -> Option<Kind> {
        let decl = decl.to_ascii_uppercase();
        let has = |s: &str| decl.contains(s);
        if has("INT") {
            Some(Kind::Integer)
        } else if has("CHAR") || has("CLOB") || has("TEXT") {
            Some(Kind::Text)
        } else if has("BLOB") {
            Some(Kind::Blob)
        } else if has("REAL") || has("FLOA") || has("DOUB") {
            Some(Kind::Real)
        } else {
            None
        }
    }

    /// The type for a column whose values decide, from a sample of them: text if any is text
    /// (every value converts to text without loss), else real if any is real (integers
    /// convert), else integer, else blob; a column with no value at all is text.
    pub fn from_values<'a>(values: impl IntoIterator<Item = ValueRef<'a>>) -> Kind {
        let (mut integer, mut real, mut text, mut blob) = (false, false, false, false);
        for value in values {
            match value {
                ValueRef::Null => {}
                ValueRef::Integer(_) => integer = true,
                ValueRef::Real(_) => real = true,
                ValueRef::Text(_) => text = true,
                ValueRef::Blob(_) => blob = true,
            }
        }
        match (text, real, integer, blob) {
            (true, ..) => Kind::Text,
            (_, true, ..) => Kind::Real,
            (_, _, true, false) => Kind::Integer,
            // Numbers and blobs together: only text holds both.
            (_, _, true, true) => Kind::Text,
            (_, _, _, true) => Kind::Blob,
            _ => Kind::Text,
        }
    }

    /// A text column whose values are all dates, or all dates and times, is a DATE or a
    /// TIMESTAMP column; any other kind, or a column with no value, stays as it is. The
    /// values are a sample: a later value that is neither is counted as unfit, and the
    /// exporter then writes the column again as text.
    pub fn temporal<'a>(self, values: impl IntoIterator<Item = ValueRef<'a>>) -> Kind {
        if self != Kind::Text {
            return self;
        }
        let (mut dates, mut times) = (0usize, 0usize);
        for value in values {
            match value {
                ValueRef::Null => {}
                ValueRef::Text(t) => match std::str::from_utf8(t) {
                    Ok(t) if date(t).is_some() => dates += 1,
                    Ok(t) if timestamp(t).is_some() => times += 1,
                    _ => return Kind::Text,
                },
                _ => return Kind::Text,
            }
        }
        match (dates, times) {
            (0, 0) => Kind::Text,
            (_, 0) => Kind::Date,
            _ => Kind::Timestamp,
        }
    }

    /// Whether the kind was read from text (and may have to go back to it).
    pub fn is_temporal(self) -> bool {
        matches!(self, Kind::Date | Kind::Timestamp)
    }

    fn arrow(self) -> DataType {
        match self {
            Kind::Integer => DataType::Int64,
            Kind::Real => DataType::Float64,
            Kind::Text => DataType::Utf8,
            Kind::Blob => DataType::Binary,
            Kind::Date => DataType::Date32,
            Kind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
        }
    }
}

/// `YYYY-MM-DD`, a real calendar day, as days since 1970-01-01.
fn date(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    i32::try_from(day.signed_duration_since(NaiveDate::default()).num_days()).ok()
}

/// An ISO date and time (`T` or a space between them; seconds and their fraction optional;
/// `Z`, an offset or nothing after), or a date alone, as microseconds since 1970 in UTC.
fn timestamp(text: &str) -> Option<i64> {
    if let Some(days) = date(text) {
        return Some(i64::from(days) * 86_400_000_000);
    }
    date(text.get(..10)?)?;
    if !matches!(text.as_bytes().get(10), Some(b'T' | b' ')) {
        return None;
    }
    if let Ok(zoned) = DateTime::parse_from_rfc3339(text) {
        return Some(zoned.timestamp_micros());
    }
    let separator = &text[10..11];
    ["%H:%M:%S%.f", "%H:%M"].iter().find_map(|time| {
        let format = format!("%Y-%m-%d{separator}{time}");
        let naive = NaiveDateTime::parse_from_str(text, &format).ok()?;
        Some(naive.and_utc().timestamp_micros())
    })
}

/// One column of an exported table: its name and Arrow type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
}

/// The Arrow schema of `columns`. Every field is nullable, NOT NULL columns too: a value
/// that does not fit its column's type is written as null rather than failing the export.
pub fn schema(columns: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|c| Field::new(&c.name, c.kind.arrow(), true))
            .collect::<Vec<_>>(),
    ))
}

/// Rows being gathered into one record batch.
pub struct Batch {
    schema: SchemaRef,
    builders: Vec<Builder>,
    rows: usize,
    bytes: usize,
    /// Per column: values written as null or changed because they did not fit the type.
    unfit: Vec<u64>,
}

impl Batch {
    pub fn new(schema: SchemaRef) -> Self {
        let builders: Vec<Builder> = schema
            .fields()
            .iter()
            .map(|f| Builder::new(f.data_type()))
            .collect();
        let unfit = vec![0; builders.len()];
        Batch {
            schema,
            builders,
            rows: 0,
            bytes: 0,
            unfit,
        }
    }

    /// Adds one row; `values` has one value per column, in order.
    pub fn push(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        if values.len() != self.builders.len() {
            return Err(Error::Internal(format!(
                "a row of {} values for {} columns",
                values.len(),
                self.builders.len()
            )));
        }
        for ((builder, value), unfit) in self.builders.iter_mut().zip(values).zip(&mut self.unfit) {
            let (bytes, fit) = builder.append(*value);
            self.bytes += bytes;
            *unfit += u64::from(!fit);
        }
        self.rows += 1;
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Whether the batch should be written now.
    pub fn is_full(&self) -> bool {
        self.rows >= BATCH_ROWS || self.bytes >= BATCH_BYTES
    }

    /// The rows gathered so far as a record batch; the batch starts again empty.
    pub fn take(&mut self) -> Result<RecordBatch> {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        self.rows = 0;
        self.bytes = 0;
        Ok(RecordBatch::try_new(self.schema.clone(), arrays)?)
    }

    /// Per column, how many values so far did not fit its type.
    pub fn unfit(&self) -> &[u64] {
        &self.unfit
    }
}

/// A column builder, and the conversion of any SQLite value into its type.
enum Builder {
    Integer(Int64Builder),
    Real(Float64Builder),
    Text(StringBuilder),
    Blob(BinaryBuilder),
    Date(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
}

impl Builder {
    fn new(data_type: &DataType) -> Self {
        match data_type {
            DataType::Int64 => Builder::Integer(Int64Builder::with_capacity(BATCH_ROWS)),
            DataType::Float64 => Builder::Real(Float64Builder::with_capacity(BATCH_ROWS)),
            DataType::Binary => Builder::Blob(BinaryBuilder::new()),
            DataType::Date32 => Builder::Date(Date32Builder::with_capacity(BATCH_ROWS)),
            DataType::Timestamp(..) => {
                Builder::Timestamp(TimestampMicrosecondBuilder::with_capacity(BATCH_ROWS))
            }
            _ => Builder::Text(StringBuilder::new()),
        }
    }

    /// Appends `value` converted to the column's type: returns the bytes of variable-length
    /// data it added, and whether it fit. What does not fit is written as null (a number in
    /// a number column that is not one, a blob in one) or, in a text column, as lossy UTF-8.
    /// Conversions that lose nothing (an integer into text or real, text of digits into an
    /// integer column) fit.
    fn append(&mut self, value: ValueRef<'_>) -> (usize, bool) {
        match self {
            Builder::Integer(b) => {
                let n = match value {
                    ValueRef::Null => Some(None),
                    ValueRef::Integer(n) => Some(Some(n)),
                    ValueRef::Real(x) => exact_integer(x).map(Some),
                    ValueRef::Text(t) => parse(t).map(Some),
                    ValueRef::Blob(_) => None,
                };
                b.append_option(n.flatten());
                (0, n.is_some())
            }
            Builder::Real(b) => {
                let x = match value {
                    ValueRef::Null => Some(None),
                    // Exact up to 2^53, which covers every count and id a corpus holds.
                    ValueRef::Integer(n) => Some(Some(n as f64)),
                    ValueRef::Real(x) => Some(Some(x)),
                    ValueRef::Text(t) => parse(t).map(Some),
                    ValueRef::Blob(_) => None,
                };
                b.append_option(x.flatten());
                (0, x.is_some())
            }
            // SQLite does not check that text is UTF-8, so neither can this: text that is
            // not is written lossily, and counted.
            Builder::Text(b) => {
                let bytes = bytes_of(value);
                let text = bytes.as_deref().map(String::from_utf8_lossy);
                let fit = !matches!(text, Some(Cow::Owned(_)));
                b.append_option(text);
                (bytes.map_or(0, |b| b.len()), fit)
            }
            Builder::Blob(b) => {
                let bytes = bytes_of(value);
                let len = bytes.as_ref().map_or(0, |b| b.len());
                b.append_option(bytes);
                (len, true)
            }
            Builder::Date(b) => {
                let day = temporal(value, date);
                b.append_option(day.flatten());
                (0, day.is_some())
            }
            Builder::Timestamp(b) => {
                let micros = temporal(value, timestamp);
                b.append_option(micros.flatten());
                (0, micros.is_some())
            }
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Integer(b) => Arc::new(b.finish()),
            Builder::Real(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Blob(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::Timestamp(b) => Arc::new(b.finish()),
        }
    }
}

/// What a text or blob column stores for `value` (None for NULL): text and blobs as they
/// are (a blob in a text column is read as text, as SQLite's CAST does), numbers as text.
fn bytes_of(value: ValueRef<'_>) -> Option<Cow<'_, [u8]>> {
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(Cow::Owned(n.to_string().into_bytes())),
        // Debug prints the shortest text that reads back as the same number (2.0, 1e300).
        ValueRef::Real(x) => Some(Cow::Owned(format!("{x:?}").into_bytes())),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(Cow::Borrowed(t)),
    }
}

/// A date or time column's value: `Some(None)` for NULL, `None` for a value that is not one.
fn temporal<T>(value: ValueRef<'_>, parse: fn(&str) -> Option<T>) -> Option<Option<T>> {
    match value {
        ValueRef::Null => Some(None),
        ValueRef::Text(t) => parse(std::str::from_utf8(t).ok()?).map(Some),
        _ => None,
    }
}

/// Text that is a number, as that number.
fn parse<T: std::str::FromStr>(text: &[u8]) -> Option<T> {
    std::str::from_utf8(text).ok()?.trim().parse().ok()
}

/// `x` as an integer when it is one exactly.
fn exact_integer(x: f64) -> Option<i64> {
    // i64::MAX as f64 rounds up to 2^63, which is out of range: hence `<`.
    (x.fract() == 0.0 && x >= i64::MIN as f64 && x < i64::MAX as f64).then_some(x as i64)
}

/// One Parquet file being written.
pub struct File {
    writer: ArrowWriter<BufWriter<std::fs::File>>,
    path: PathBuf,
}

impl File {
    /// Creates the file (its folder must exist).
    pub fn create(path: &Path, schema: SchemaRef) -> Result<File> {
        let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
        let writer = ArrowWriter::try_new(
            BufWriter::with_capacity(1 << 20, file),
            schema,
            Some(properties()?),
        )?;
        Ok(File {
            writer,
            path: path.to_path_buf(),
        })
    }

    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        Ok(self.writer.write(batch)?)
    }

    /// Writes the footer and closes the file; returns its size in bytes.
    pub fn close(self) -> Result<u64> {
        let File { writer, path } = self;
        let out = writer.into_inner()?;
        let file = out
            .into_inner()
            .map_err(|e| Error::io(&path, e.into_error()))?;
        let meta = file.metadata().map_err(|e| Error::io(&path, e))?;
        Ok(meta.len())
    }
}

fn properties() -> Result<WriterProperties> {
    Ok(WriterProperties::builder()
        // zstd compresses ids, offsets and repeated words better than dictionary pages do:
        // without them every table of allsides-37k came out 3 to 20 % smaller.
        .set_dictionary_enabled(false)
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_created_by(format!("corpusdb {}", env!("CARGO_PKG_VERSION")))
        .build())
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};
    use arrow_array::Array;

    use super::*;

    #[test]
    fn declared_types_follow_sqlite_affinity() {
        assert_eq!(Kind::declared("INTEGER"), Some(Kind::Integer));
        assert_eq!(Kind::declared("bigint"), Some(Kind::Integer));
        // INT wins over CHAR, as in SQLite ("CHARINT" has integer affinity).
        assert_eq!(Kind::declared("CHARINT"), Some(Kind::Integer));
        assert_eq!(Kind::declared("VARCHAR(20)"), Some(Kind::Text));
        assert_eq!(Kind::declared("TEXT"), Some(Kind::Text));
        assert_eq!(Kind::declared("BLOB"), Some(Kind::Blob));
        assert_eq!(Kind::declared("DOUBLE PRECISION"), Some(Kind::Real));
        assert_eq!(Kind::declared("REAL"), Some(Kind::Real));
        assert_eq!(Kind::declared(""), None);
        assert_eq!(Kind::declared("NUMERIC"), None);
        assert_eq!(Kind::declared("DATE"), None);
    }

    #[test]
    fn values_decide_without_losing_any() {
        use ValueRef::{Blob, Integer, Null, Real, Text};
        assert_eq!(Kind::from_values([Null, Integer(3), Null]), Kind::Integer);
        assert_eq!(Kind::from_values([Integer(3), Real(0.5)]), Kind::Real);
        assert_eq!(
            Kind::from_values([Integer(3), Text(b"x"), Real(0.5)]),
            Kind::Text
        );
        assert_eq!(Kind::from_values([Blob(b"\x00")]), Kind::Blob);
        assert_eq!(Kind::from_values([Blob(b"\x00"), Integer(1)]), Kind::Text);
        assert_eq!(Kind::from_values([Null, Null]), Kind::Text);
        assert_eq!(Kind::from_values([]), Kind::Text);
    }

    #[test]
    fn mixed_values_convert_or_become_null_and_are_counted() {
        use ValueRef::{Blob, Integer, Null, Real, Text};
        let columns = [
            Column {
                name: "i".into(),
                kind: Kind::Integer,
            },
            Column {
                name: "r".into(),
                kind: Kind::Real,
            },
            Column {
                name: "t".into(),
                kind: Kind::Text,
            },
            Column {
                name: "b".into(),
                kind: Kind::Blob,
            },
        ];
        let mut batch = Batch::new(schema(&columns));
        batch
            .push(&[Integer(1), Integer(2), Integer(3), Integer(4)])
            .unwrap();
        batch
            .push(&[Real(5.0), Text(b" 2.5"), Real(2.0), Text(b"t")])
            .unwrap();
        batch
            .push(&[Real(5.5), Text(b"x"), Blob(b"\xff"), Null])
            .unwrap();
        batch
            .push(&[Text(b"12"), Blob(b"1"), Null, Real(0.5)])
            .unwrap();
        assert_eq!(batch.unfit(), &[1, 2, 1, 0]);
        let out = batch.take().unwrap();
        assert!(batch.is_empty());
        let i = out.column(0).as_primitive::<Int64Type>();
        assert_eq!(
            (i.value(0), i.value(1), i.is_null(2), i.value(3)),
            (1, 5, true, 12)
        );
        let r = out.column(1).as_primitive::<Float64Type>();
        assert_eq!(
            (r.value(0), r.value(1), r.is_null(2), r.is_null(3)),
            (2.0, 2.5, true, true)
        );
        let t = out.column(2).as_string::<i32>();
        assert_eq!(
            (t.value(0), t.value(1), t.value(2), t.is_null(3)),
            ("3", "2.0", "\u{fffd}", true)
        );
        let b = out.column(3).as_binary::<i32>();
        assert_eq!(
            (b.value(0), b.value(1), b.is_null(2), b.value(3)),
            (&b"4"[..], &b"t"[..], true, &b"0.5"[..])
        );
        assert_eq!(exact_integer(9.3e18), None);
        assert_eq!(exact_integer(-2.0), Some(-2));
    }

    #[test]
    fn iso_dates_and_times_in_text_are_dates_and_timestamps() {
        use ValueRef::{Integer, Null, Text};
        assert_eq!(Kind::Text.temporal([Null, Text(b"2018-03-02")]), Kind::Date);
        assert_eq!(
            Kind::Text.temporal([Text(b"2018-03-02"), Text(b"2018-03-02T10:00:00Z")]),
            Kind::Timestamp
        );
        for not in [
            &b"2018-02-30"[..],
            b"2018-3-2",
            b"March 3, 2018",
            b"2018",
            b"12",
        ] {
            assert_eq!(
                Kind::Text.temporal([Text(b"2018-03-02"), Text(not)]),
                Kind::Text,
                "{}",
                String::from_utf8_lossy(not)
            );
        }
        assert_eq!(Kind::Text.temporal([Null]), Kind::Text);
        assert_eq!(Kind::Text.temporal([Integer(2018)]), Kind::Text);
        assert_eq!(Kind::Integer.temporal([Text(b"2018-03-02")]), Kind::Integer);
        assert_eq!(date("1970-01-02"), Some(1));
        assert_eq!(date("0001-11-30").map(|d| d < 0), Some(true));
        let t = |s: &str| timestamp(s);
        assert_eq!(t("1970-01-01T00:00:01Z"), Some(1_000_000));
        assert_eq!(t("1970-01-01T01:00:01+01:00"), Some(1_000_000));
        assert_eq!(t("1970-01-01 00:00:01.5"), Some(1_500_000));
        assert_eq!(t("1970-01-01T00:01"), Some(60_000_000));
        assert_eq!(t("1970-01-02"), Some(86_400_000_000));
        assert_eq!(t("1970-01-01T"), None);
        assert_eq!(t("1970-01-01 noon"), None);

        let columns = [
            Column {
                name: "d".into(),
                kind: Kind::Date,
            },
            Column {
                name: "t".into(),
                kind: Kind::Timestamp,
            },
        ];
        let mut batch = Batch::new(schema(&columns));
        batch
            .push(&[Text(b"1970-01-03"), Text(b"1970-01-01T00:00:02Z")])
            .unwrap();
        batch.push(&[Text(b"2018-03"), Null]).unwrap();
        assert_eq!(batch.unfit(), &[1, 0]);
        let out = batch.take().unwrap();
        let d = out
            .column(0)
            .as_primitive::<arrow_array::types::Date32Type>();
        assert_eq!((d.value(0), d.is_null(1)), (2, true));
        let ts = out
            .column(1)
            .as_primitive::<arrow_array::types::TimestampMicrosecondType>();
        assert_eq!((ts.value(0), ts.is_null(1)), (2_000_000, true));
    }
}
