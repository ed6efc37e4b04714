//! CoNLL-2003 files (one token a line: word, POS, chunk, NER tag; blank lines between
//! sentences; `-DOCSTART-` between documents) and entity-level scoring as conlleval does it.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use super::features::{encode_name, label_type, name_end, Label, N_LABELS, O};
use crate::{Error, Result};

/// CoNLL type names, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A document of a CoNLL file, with its gold labels.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub words: Vec<String>,
    pub sentences: Vec<Range<usize>>,
    pub gold: Vec<Label>,
}

impl Document {
    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Reads a CoNLL-2003 file. Tags may be IOB1 or IOB2: an I- that starts an entity is read
/// as a B-, as conlleval reads it. Labels are stored BILOU (see [`super::features`]).
pub fn read(path: &Path) -> Result<Vec<Document>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&text).map_err(|(line, why)| Error::Input {
        path: path.to_path_buf(),
        line,
        why,
    })
}

/// An IOB tag: the type, and whether it is a B-.
type Tag = Option<(usize, bool)>;

/// Parses CoNLL text; the error is the 1-based line and what is wrong with it.
pub fn parse(text: &str) -> std::result::Result<Vec<Document>, (usize, String)> {
    let mut docs = Vec::new();
    let mut doc = Document::default();
    let mut tags: Vec<Tag> = Vec::new();
    let close_sentence = |doc: &mut Document, tags: &mut Vec<Tag>| {
        if !tags.is_empty() {
            let start = doc.gold.len();
            doc.sentences.push(start..start + tags.len());
            doc.gold.extend(encode(tags));
            tags.clear();
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            close_sentence(&mut doc, &mut tags);
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            close_sentence(&mut doc, &mut tags);
            if !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if cols.len() < 2 {
            return Err((n + 1, format!("expected a word and a tag, found {line:?}")));
        }
        let tag = cols[cols.len() - 1];
        tags.push(parse_tag(tag).ok_or_else(|| (n + 1, format!("unknown NER tag {tag:?}")))?);
        doc.words.push(cols[0].to_string());
    }
    close_sentence(&mut doc, &mut tags);
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// "O", "B-PER", "I-LOC", ...
fn parse_tag(tag: &str) -> Option<Tag> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, name) = tag.split_once('-')?;
    let k = TYPES.iter().position(|t| *t == name)?;
    match prefix {
        "B" => Some(Some((k, true))),
        "I" => Some(Some((k, false))),
        _ => None,
    }
}

/// IOB tags of a sentence as BILOU labels: a name starts at a B- or at an I- whose type
/// differs from the token before it.
fn encode(tags: &[Tag]) -> Vec<Label> {
    let mut labels = vec![O; tags.len()];
    let mut i = 0;
    while i < tags.len() {
        let Some((k, _)) = tags[i] else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tags.len() && tags[end] == Some((k, false)) {
            end += 1;
        }
        encode_name(k, &mut labels[i..end]);
        i = end;
    }
    labels
}

/// Entity spans (token ranges with a type) of a label sequence: a name starts at a B- or
/// U-, or at an I- or L- that does not continue the name before it, and ends after an L-
/// or U-, or where the next token does not continue it.
pub fn chunks(labels: &[Label], sentences: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    for s in sentences {
        let mut i = s.start;
        while i < s.end {
            match label_type(labels[i]) {
                Some(k) => {
                    let end = name_end(labels, i, s.end);
                    out.push((i..end, k));
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Entity counts for precision and recall, per type and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub gold: [usize; 4],
    pub predicted: [usize; 4],
    pub correct: [usize; 4],
    pub tokens: usize,
    pub tokens_correct: usize,
}

impl Score {
    /// Adds one document's gold and predicted labels.
    pub fn add(&mut self, gold: &[Label], predicted: &[Label], sentences: &[Range<usize>]) {
        let g = chunks(gold, sentences);
        let p = chunks(predicted, sentences);
        for (_, k) in &g {
            self.gold[*k] += 1;
        }
        for (_, k) in &p {
            self.predicted[*k] += 1;
        }
        // Both lists are in order: walk them together for exact matches.
        let mut j = 0;
        for (range, k) in &p {
            while j < g.len() && g[j].0.start < range.start {
                j += 1;
            }
            if j < g.len() && g[j].0 == *range && g[j].1 == *k {
                self.correct[*k] += 1;
            }
        }
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(predicted).filter(|(a, b)| a == b).count();
    }

    /// Adds one document's gold and predicted entities as (start, end, type) spans in any
    /// unit (code points of a text): exact span and type match, each distinct span once.
    pub fn add_spans(
        &mut self,
        gold: &[(usize, usize, usize)],
        mut predicted: Vec<(usize, usize, usize)>,
    ) {
        predicted.sort_unstable();
        predicted.dedup();
        for g in gold {
            self.gold[g.2] += 1;
        }
        for p in &predicted {
            self.predicted[p.2] += 1;
            if gold.contains(p) {
                self.correct[p.2] += 1;
            }
        }
    }

    /// (precision, recall, F1) of one type, or overall with `None`.
    pub fn prf(&self, k: Option<usize>) -> (f64, f64, f64) {
        let pick = |a: &[usize; 4]| k.map_or(a.iter().sum(), |k| a[k]) as f64;
        let (g, p, c) = (pick(&self.gold), pick(&self.predicted), pick(&self.correct));
        let precision = if p > 0.0 { c / p } else { 0.0 };
        let recall = if g > 0.0 { c / g } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        (precision, recall, f1)
    }

    pub fn f1(&self) -> f64 {
        self.prf(None).2
    }

    /// A conlleval-like table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8} {:>9} {:>9} {:>9} {:>7} {:>9} {:>7}",
            "type", "precision", "recall", "F1", "gold", "predicted", "correct"
        );
        let sum = |a: &[usize; 4]| a.iter().sum::<usize>();
        for k in (0..4).map(Some).chain([None]) {
            let (p, r, f) = self.prf(k);
            let (name, g, pr, c) = match k {
                Some(k) => (TYPES[k], self.gold[k], self.predicted[k], self.correct[k]),
                None => (
                    "overall",
                    sum(&self.gold),
                    sum(&self.predicted),
                    sum(&self.correct),
                ),
            };
            let _ = writeln!(
                s,
                "{name:<8} {:>9.4} {:>9.4} {:>9.4} {g:>7} {pr:>9} {c:>7}",
                p, r, f
            );
        }
        if self.tokens == 0 {
            return s; // scored by spans: no token accuracy
        }
        let accuracy = self.tokens_correct as f64 / self.tokens.max(1) as f64;
        let _ = writeln!(
            s,
            "token accuracy {accuracy:.4} over {} tokens",
            self.tokens
        );
        s
    }
}

const _: () = assert!(N_LABELS == 1 + 4 * TYPES.len());

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\
        call NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP I-LOC\n";

    fn bilou(k: usize, tags: &str) -> Vec<Label> {
        tags.chars()
            .map(|c| 1 + 4 * k as Label + "BILU".find(c).unwrap() as Label)
            .collect()
    }

    #[test]
    fn reads_documents_sentences_and_iob1() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences, [0..4, 4..6]);
        let mut gold = bilou(1, "U");
        gold.push(O);
        gold.extend(bilou(3, "U"));
        gold.push(O);
        gold.extend(bilou(0, "BL"));
        assert_eq!(docs[0].gold, gold);
        assert_eq!(
            docs[1].gold,
            bilou(2, "U"),
            "an I- that opens an entity starts it"
        );
        assert_eq!(parse("a B-XYZ\n").unwrap_err().0, 1);
    }

    #[test]
    fn conlleval_counts() {
        let sentences = std::slice::from_ref(&(0..5));
        let per = bilou(0, "BL");
        let gold = [per[0], per[1], O, bilou(2, "B")[0], bilou(2, "L")[0]];
        // Person right; place cut short; an extra org.
        let predicted = [per[0], per[1], bilou(1, "U")[0], bilou(2, "U")[0], O];
        let mut s = Score::default();
        s.add(&gold, &predicted, sentences);
        assert_eq!(
            (s.gold, s.predicted, s.correct),
            ([1, 0, 1, 0], [1, 1, 1, 0], [1, 0, 0, 0])
        );
        let (p, r, f) = s.prf(None);
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.4).abs() < 1e-9);
        // A name left open at the sentence's end, or cut by another type, still counts.
        assert_eq!(
            chunks(
                &[bilou(0, "B")[0], bilou(1, "I")[0], bilou(1, "I")[0]],
                std::slice::from_ref(&(0..3))
            ),
            [(0..1, 0), (1..3, 1)]
        );
        assert_eq!(
            encode(&[Some((0, false)), Some((0, false)), Some((0, true))]),
            [bilou(0, "BLU"), vec![]].concat()
        );
    }
}
