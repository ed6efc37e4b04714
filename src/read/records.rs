//! Record formats: JSON Lines, JSON arrays and CSV. Each record's columns are mapped to
//! article fields by [`FieldMap`](super::FieldMap); a bad record is a problem at its line.

use std::fmt;
use std::io::BufRead;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{decode, problem, Item, Options, Target};
use crate::model::{Layout, Origin, Problem, RawArticle};

pub(super) struct Context<'a> {
    pub file: &'a str,
    pub options: &'a Options,
}

/// One JSON object per line; blank lines are skipped.
pub(super) fn json_lines(mut reader: Box<dyn BufRead>, ctx: &Context, emit: &mut dyn FnMut(Item)) {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => line_no += 1,
            Err(err) => {
                let at = line_no + 1;
                return emit(Err(problem(ctx.file, Some(at), format!("cannot read past line {line_no}: {err}"))));
            }
        }
        let bytes = buf.trim_ascii();
        if bytes.is_empty() {
            continue;
        }
        let (text, warning) = decode(bytes);
        let item = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(object)) => from_object(object, ctx, Some(line_no), None, warning),
            Ok(other) => Err(problem(ctx.file, Some(line_no), format!("expected a JSON object, found {}", type_name(&other)))),
            Err(err) => Err(problem(ctx.file, Some(line_no), format!("malformed JSON: {err}"))),
        };
        emit(item);
    }
}

/// JSON objects one after another, however they are laid out (a pretty-printed `.json`
/// file). A syntax error ends the file: there is no line to resynchronise on.
pub(super) fn json_stream(reader: Box<dyn BufRead>, ctx: &Context, emit: &mut dyn FnMut(Item)) {
    let mut count = 0;
    for value in serde_json::Deserializer::from_reader(reader).into_iter::<Value>() {
        count += 1;
        let item = match value {
            Ok(Value::Object(object)) => from_object(object, ctx, None, Some(count), None),
            Ok(other) => Err(at_record(problem(ctx.file, None, format!("expected a JSON object, found {}", type_name(&other))), count)),
            Err(err) => {
                let message = format!("malformed JSON: {err}; the rest of the file is skipped");
                return emit(Err(at_record(problem(ctx.file, Some(err.line() as u64), message), count)));
            }
        };
        emit(item);
    }
}

fn at_record(mut p: Problem, record: u64) -> Problem {
    p.origin.record = Some(record);
    p
}

/// A JSON array of objects, streamed element by element.
pub(super) fn json_array(reader: Box<dyn BufRead>, ctx: &Context, emit: &mut dyn FnMut(Item)) {
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let seed = ArraySeed { ctx, emit: &mut *emit, count: 0 };
    if let Err(err) = seed.deserialize(&mut deserializer) {
        emit(Err(problem(ctx.file, Some(err.line() as u64), format!("malformed JSON array: {err}"))));
    }
}

struct ArraySeed<'a, 'b> {
    ctx: &'a Context<'a>,
    emit: &'b mut dyn FnMut(Item),
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
            self.count += 1;
            let item = match value {
                Value::Object(object) => from_object(object, self.ctx, None, Some(self.count), None),
                other => Err(at_record(
                    problem(self.ctx.file, None, format!("expected a JSON object, found {}", type_name(&other))),
                    self.count,
                )),
            };
            (self.emit)(item);
        }
        Ok(())
    }
}

/// CSV (or TSV) with a header row naming the columns.
pub(super) fn csv(reader: Box<dyn BufRead>, delimiter: u8, ctx: &Context, emit: &mut dyn FnMut(Item)) {
    let mut csv = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(reader);
    let header: Vec<String> = match csv.byte_headers() {
        Ok(h) => h.iter().map(|c| decode(c).0.trim().to_string()).collect(),
        Err(err) => return emit(Err(problem(ctx.file, Some(1), format!("malformed CSV header: {err}")))),
    };
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line());
                let mut warning = None;
                let object: Map<String, Value> = header
                    .iter()
                    .zip(record.iter())
                    .map(|(name, cell)| {
                        let (text, w) = decode(cell);
                        warning = warning.take().or(w);
                        (name.clone(), Value::String(text.into_owned()))
                    })
                    .collect();
                emit(from_object(object, ctx, line, None, warning));
            }
            Err(err) => {
                let line = err.position().map(|p| p.line());
                let message = match err.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("ragged CSV row: {len} fields where the header has {expected_len}")
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
    let origin = Origin { file: ctx.file.to_string(), line, record };
    let keys: Vec<String> = object.keys().cloned().collect();
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
                let parts: Vec<String> = items.into_iter().filter_map(|v| match v {
                    Value::String(s) => Some(s),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                }).collect();
                Some(parts.join(", "))
            }
            Value::Object(_) => {
                warnings.push(format!("field '{key}' is an object, not text; ignored"));
                None
            }
        }
        .filter(|s| !s.trim().is_empty())
    };
    let title = take(Target::Title);
    let text = take(Target::Body);
    let article = RawArticle {
        external_id: take(Target::Id),
        date: take(Target::Date),
        source: take(Target::Source).or_else(|| ctx.options.source.clone()),
        source_domain: take(Target::Domain),
        url: take(Target::Url),
        byline: take(Target::Byline),
        layout: Layout::Record,
        title,
        text: text.unwrap_or_default(),
        origin,
        warnings,
    };
    if article.text.trim().is_empty() && article.title.is_none() {
        let body = fields.override_for(Target::Body).unwrap_or("text, body, content, ...");
        let p = problem(ctx.file, line, format!("record has no title and no text (looked for {body})"));
        return Err(Problem { origin: Origin { record, ..p.origin }, ..p });
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
