//! brat standoff annotations (`.ann` files): text-bound spans (`T` lines) and the events
//! that tie them together (`E` lines). Notes and other line types are skipped, and so are
//! the stray lines a span's text leaves when it contains a line break.

use std::collections::HashMap;

/// A text-bound annotation: a label and its code-point ranges (several when discontinuous).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub label: String,
    pub ranges: Vec<(usize, usize)>,
}

/// An event: its arguments as (role, span id), trigger first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub args: Vec<(String, String)>,
}

impl Event {
    /// The span id of the first argument with `role`.
    pub fn arg(&self, role: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(r, _)| r == role)
            .map(|(_, id)| id.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotation {
    pub spans: HashMap<String, Span>,
    pub events: Vec<Event>,
}

/// Parses an `.ann` file. Lines that look like annotations but do not parse are returned as
/// problems (1-based line number, message) and left out; the rest is kept.
///
/// ```
/// use corpusdb::eval::brat::parse;
/// let ann = "T1\tSource 0 5\tAssad\nT2\tContent 12 20;21 25\tI am going\nE1\tAttribution:T3 Content:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
/// let (a, problems) = parse(ann);
/// assert!(problems.is_empty());
/// assert_eq!(a.spans["T2"].ranges, [(12, 20), (21, 25)]);
/// assert_eq!(a.events[0].arg("Source"), Some("T1"));
/// ```
pub fn parse(text: &str) -> (Annotation, Vec<(usize, String)>) {
    let mut out = Annotation::default();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let body = fields.next().unwrap_or_default();
        match id.chars().next() {
            Some('T') if is_id(id) => match span(body) {
                Some(s) => {
                    out.spans.insert(id.to_string(), s);
                }
                None => problems.push((
                    n + 1,
                    format!("text-bound annotation {id} has no label and offsets: {body:?}"),
                )),
            },
            Some('E') if is_id(id) => {
                let args = body
                    .split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .map(|(role, id)| (role.to_string(), id.to_string()))
                    .collect();
                out.events.push(Event { args });
            }
            _ => {}
        }
    }
    (out, problems)
}

/// "T12", "E3": a letter and digits (a wrapped span text is neither).
fn is_id(id: &str) -> bool {
    id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
}

fn span(body: &str) -> Option<Span> {
    let (label, offsets) = body.split_once(' ')?;
    let ranges = offsets
        .split(';')
        .map(|r| {
            let (a, b) = r.trim().split_once(' ')?;
            let (a, b) = (a.parse().ok()?, b.parse().ok()?);
            (a <= b).then_some((a, b))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Span {
        label: label.to_string(),
        ranges,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_offsets_are_problems_with_their_line() {
        let (a, problems) = parse("T1\tSource 5 x\tAssad\nT2\tCue 6 10\tsaid\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, 1);
        assert!(a.spans.contains_key("T2") && !a.spans.contains_key("T1"));
    }

    #[test]
    fn wrapped_span_text_is_skipped() {
        let (a, problems) =
            parse("T1\tContent 0 30\tfirst line\nsecond line of the text\nT2\tCue 31 35\tsaid\n");
        assert!(problems.is_empty());
        assert_eq!(a.spans.len(), 2);
    }
}
