//! Record formats: JSON Lines, JSON arrays, JSON objects one after another (a `.json` file),
//! CSV and TSV. Each record's columns are mapped to article fields by
//! [`FieldMap`](super::FieldMap); a bad record is a problem at its line.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead};

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{decode, problem, too_large, Capped, Format, Item, Options, Target, MAX_ARTICLE_BYTES};
use crate::model::{Layout, Origin, Problem, RawArticle};

pub(super) struct Context<'a> {
    pub file: &'a str,
    pub options: &'a Options,
    /// Whether the file's first record is still to come: its columns are checked against
    /// the `--field` overrides.
    pub first: Cell<bool>,
    /// Set when the rest of the file is to be skipped (an override names a missing column).
    pub stop: Cell<bool>,
}

impl<'a> Context<'a> {
    pub fn new(file: &'a str, options: &'a Options) -> Self {
        Context {
            file,
            options,
            first: Cell::new(true),
            stop: Cell::new(false),
        }
    }

    /// Checks the first record's columns; on a missing one, the problem that skips the file.
    fn check_first<S: AsRef<str>>(&self, columns: &[S], line: Option<u64>) -> Option<Problem> {
        if !self.first.replace(false) {
            return None;
        }
        let message = self.options.fields.check(columns).err()?;
        self.stop.set(true);
        Some(problem(
            self.file,
            line,
            format!("{message}; the file is skipped"),
        ))
    }
}

/// The columns of a file's first record, for the `--field` check before a load writes:
/// `None` for plain text and when the first record is not a readable object.
pub(super) fn first_columns(mut reader: Box<dyn BufRead>, format: Format) -> Option<Vec<String>> {
    let keys = |value: Value| match value {
        Value::Object(object) => Some(object.keys().cloned().collect()),
        _ => None,
    };
    let first = |reader| {
        let mut values = serde_json::Deserializer::from_reader(Capped::new(reader)).into_iter();
        values.next()?.ok().and_then(keys)
    };
    match format {
        Format::JsonLines => {
            let mut buf = Vec::new();
            loop {
                buf.clear();
                if read_line(&mut reader, &mut buf).ok()?? > MAX_ARTICLE_BYTES {
                    return None;
                }
                let bytes = buf.trim_ascii();
                if !bytes.is_empty() {
                    return keys(serde_json::from_str(&decode(bytes).0).ok()?);
                }
            }
        }
        Format::JsonStream => first(reader),
        Format::JsonArray => {
            // Past the opening bracket, the first element is a value like any other.
            reader.read_until(b'[', &mut Vec::new()).ok()?;
            first(reader)
        }
        Format::Csv(delimiter) => {
            let mut csv = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .from_reader(Capped::new(reader));
            let header = csv.byte_headers().ok()?;
            Some(
                header
                    .iter()
                    .map(|c| decode(c).0.trim().to_string())
                    .collect(),
            )
        }
        Format::Empty | Format::PlainText => None,
    }
}

/// One JSON object per line; blank lines are skipped. A line over the size limit is skipped
/// without being held in memory, and the next line is read as usual.
pub(super) fn json_lines(mut reader: Box<dyn BufRead>, ctx: &Context, emit: &mut dyn FnMut(Item)) {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        match read_line(&mut reader, &mut buf) {
            Ok(None) => break,
            Ok(Some(length)) => {
                line_no += 1;
                if length > MAX_ARTICLE_BYTES {
                    emit(Err(problem(
                        ctx.file,
                        Some(line_no),
                        too_large(&format!("the line ({} MiB)", length >> 20)) + "; skipped",
                    )));
                    continue;
                }
            }
            Err(err) => {
                let at = line_no + 1;
                return emit(Err(problem(
                    ctx.file,
                    Some(at),
                    format!("cannot read past line {line_no}: {err}"),
                )));
            }
        }
        let bytes = buf.trim_ascii();
        if bytes.is_empty() {
            continue;
        }
        let (text, warning) = decode(bytes);
        let item = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(object)) => from_object(object, ctx, Some(line_no), None, warning),
            Ok(other) => Err(problem(
                ctx.file,
                Some(line_no),
                format!("expected a JSON object, found {}", type_name(&other)),
            )),
            Err(err) => Err(problem(
                ctx.file,
                Some(line_no),
                format!("malformed JSON: {err}"),
            )),
        };
        emit(item);
        if ctx.stop.get() {
            break;
        }
    }
}

/// Reads one line into `buf`, keeping at most [`MAX_ARTICLE_BYTES`] + 1 of it, and returns
/// the line's whole length (`None` at the end of the input).
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<Option<usize>> {
    let mut length = 0;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if chunk.is_empty() {
            return Ok((length > 0).then_some(length));
        }
        let (take, ends) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        if length + take <= MAX_ARTICLE_BYTES + 1 {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf.clear();
        }
        length += take;
        reader.consume(take);
        if ends {
            return Ok(Some(length));
        }
    }
}

/// JSON objects one after another, however they are laid out (a pretty-printed `.json`
/// file). A syntax error ends the file: there is no line to resynchronise on.
pub(super) fn json_stream(
    reader: Capped<Box<dyn BufRead>>,
    ctx: &Context,
    emit: &mut dyn FnMut(Item),
) {
    let mut count = 0;
    let next_record = reader.next_record();
    for value in serde_json::Deserializer::from_reader(reader).into_iter::<Value>() {
        next_record();
        count += 1;
        let item = match value {
            Ok(Value::Object(object)) => from_object(object, ctx, None, Some(count), None),
            Ok(other) => Err(at_record(
                problem(
                    ctx.file,
                    None,
                    format!("expected a JSON object, found {}", type_name(&other)),
                ),
                count,
            )),
            Err(err) => {
                let message = format!("{}; the rest of the file is skipped", json_error(&err));
                return emit(Err(at_record(
                    problem(ctx.file, Some(err.line() as u64), message),
                    count,
                )));
            }
        };
        emit(item);
        if ctx.stop.get() {
            break;
        }
    }
}

fn at_record(mut p: Problem, record: u64) -> Problem {
    p.origin.record = Some(record);
    p
}

/// A JSON array of objects, streamed element by element.
pub(super) fn json_array(
    reader: Capped<Box<dyn BufRead>>,
    ctx: &Context,
    emit: &mut dyn FnMut(Item),
) {
    let next_record = reader.next_record();
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let seed = ArraySeed {
        ctx,
        emit: &mut *emit,
        next_record: &next_record,
        count: 0,
    };
    if let Err(err) = seed.deserialize(&mut deserializer) {
        let message = format!("{}; the rest of the file is skipped", json_error(&err));
        emit(Err(problem(ctx.file, Some(err.line() as u64), message)));
    }
}

/// A JSON error as a message: the size limit said as such, anything else as malformed JSON.
fn json_error(err: &serde_json::Error) -> String {
    match err.io_error_kind() {
        Some(io::ErrorKind::FileTooLarge) => too_large("one record"),
        _ => format!("malformed JSON: {err}"),
    }
}

struct ArraySeed<'a, 'b> {
    ctx: &'a Context<'a>,
    emit: &'b mut dyn FnMut(Item),
    next_record: &'b dyn Fn(),
    count: u64,
}

impl<'de> DeserializeSeed<'de> for ArraySeed<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ArraySeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of article objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            (self.next_record)();
            self.count += 1;
            let item = match value {
                Value::Object(object) => {
                    from_object(object, self.ctx, None, Some(self.count), None)
                }
                other => Err(at_record(
                    problem(
                        self.ctx.file,
                        None,
                        format!("expected a JSON object, found {}", type_name(&other)),
                    ),
                    self.count,
                )),
            };
            (self.emit)(item);
            if self.ctx.stop.get() {
                // The rest of the array is read past, not mapped: the file is skipped.
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            }
        }
        Ok(())
    }
}

/// CSV (or TSV) with a header row naming the columns.
pub(super) fn csv(
    mut reader: Capped<Box<dyn BufRead>>,
    delimiter: u8,
    ctx: &Context,
    emit: &mut dyn FnMut(Item),
) {
    let next_record = reader.next_record();
    // Records end at a newline, CRLF or not: the csv crate's own CRLF terminator ends a
    // record at the CR and counts its LF into the next record's position, one line short.
    // The CR left at the end of a record's last cell is taken off below. A file with no LF
    // in its first block ends its lines with CR alone (classic Mac): the crate's way then.
    let lf = reader
        .inner
        .fill_buf()
        .is_ok_and(|head| head.contains(&b'\n'));
    let mut builder = csv::ReaderBuilder::new();
    if lf {
        builder.terminator(csv::Terminator::Any(b'\n'));
    }
    // Row lengths are checked below, where a CRLF blank line (one cell, a CR) is told apart.
    let mut csv = builder
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(reader);
    let header: Vec<String> = match csv.byte_headers() {
        Ok(h) => h.iter().map(|c| decode(c).0.trim().to_string()).collect(),
        Err(err) => {
            return emit(Err(problem(
                ctx.file,
                Some(1),
                format!("malformed CSV header: {err}"),
            )))
        }
    };
    if let Some(p) = ctx.check_first(&header, Some(1)) {
        return emit(Err(p));
    }
    let mut record = csv::ByteRecord::new();
    loop {
        let read = csv.read_byte_record(&mut record);
        next_record();
        match read {
            Ok(false) => break,
            Ok(true) if lf && record.len() == 1 && record.get(0) == Some(b"\r") => continue,
            Ok(true) if record.len() != header.len() => {
                let line = record.position().map(|p| p.line());
                let (expected, len) = (header.len(), record.len());
                let message =
                    format!("ragged CSV row: {len} fields where the header has {expected}");
                emit(Err(problem(ctx.file, line, message)));
            }
            Ok(true) => {
                let line = record.position().map(|p| p.line());
                let mut warning = None;
                let last = record.len().saturating_sub(1);
                let object: Map<String, Value> = header
                    .iter()
                    .zip(record.iter())
                    .enumerate()
                    .map(|(i, (name, cell))| {
                        let cell = match cell.strip_suffix(b"\r") {
                            Some(cut) if lf && i == last => cut,
                            _ => cell,
                        };
                        let (text, w) = decode(cell);
                        warning = warning.take().or(w);
                        (name.clone(), Value::String(text.into_owned()))
                    })
                    .collect();
                emit(from_object(object, ctx, line, None, warning));
            }
            Err(err) => {
                // An I/O error has no position of its own: it is in the record being read.
                let line = Some(err.position().unwrap_or(csv.position()).line());
                let message = match err.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("ragged CSV row: {len} fields where the header has {expected_len}")
                    }
                    csv::ErrorKind::Io(e) if e.kind() == io::ErrorKind::FileTooLarge => {
                        format!("{e}; the rest of the file is skipped")
                    }
                    _ => format!("malformed CSV: {err}"),
                };
                emit(Err(problem(ctx.file, line, message)));
                if matches!(err.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
}

/// Maps one record's columns to an article.
fn from_object(
    mut object: Map<String, Value>,
    ctx: &Context,
    line: Option<u64>,
    record: Option<u64>,
    decode_warning: Option<String>,
) -> Item {
    let origin = Origin {
        file: ctx.file.to_string(),
        line,
        record,
    };
    let keys: Vec<String> = object.keys().cloned().collect();
    if let Some(p) = ctx.check_first(&keys, line) {
        return Err(Problem {
            origin: Origin { record, ..p.origin },
            ..p
        });
    }
    let mut warnings: Vec<String> = decode_warning.into_iter().collect();
    let fields = &ctx.options.fields;
    let mut take = |target: Target| -> Option<String> {
        let key = &keys[fields.column(target, &keys)?];
        match object.remove(key)? {
            Value::Null => None,
            Value::String(s) => Some(s),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(items) => {
                let parts: Vec<String> = items
                    .into_iter()
                    .filter_map(|v| match v {
                        Value::String(s) => Some(s),
                        Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
                    .collect();
                Some(parts.join(", "))
            }
            Value::Object(_) => {
                warnings.push(format!("field '{key}' is an object, not text; ignored"));
                None
            }
        }
        .map(|s| {
            if !s.contains('\0') {
                return s;
            }
            // SQLite's length() and the shell stop at a NUL, which would break offsets.
            warnings.push(format!("field '{key}' contains NUL characters; removed"));
            s.replace('\0', "")
        })
        .filter(|s| !s.trim().is_empty())
    };
    let title = take(Target::Title);
    let dek = take(Target::Dek);
    let text = take(Target::Body);
    let mut article = RawArticle {
        external_id: take(Target::Id),
        date: take(Target::Date),
        source: take(Target::Source).or_else(|| ctx.options.source.clone()),
        source_domain: take(Target::Domain),
        url: take(Target::Url),
        byline: take(Target::Byline),
        layout: Layout::Record,
        title,
        dek,
        text: text.unwrap_or_default(),
        origin,
        warnings,
    };
    let body = fields.looked_for(Target::Body);
    if article.text.trim().is_empty() && article.title.is_none() {
        let p = problem(
            ctx.file,
            line,
            format!("record has no title and no text (looked for {body})"),
        );
        return Err(Problem {
            origin: Origin { record, ..p.origin },
            ..p
        });
    }
    if article.text.trim().is_empty() {
        article.warnings.push(format!(
            "record has no body text (looked for {body}); stored with its title only"
        ));
    }
    Ok(article)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
