//! CoNLL-2003 files (one token a line: word, POS, chunk, NER tag; blank lines between
//! sentences; `-DOCSTART-` between documents) and entity-level scoring as conlleval does it.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use super::features::{is_begin, label_type, Label, N_LABELS, O};
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
/// as a B-, as conlleval reads it.
pub fn read(path: &Path) -> Result<Vec<Document>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&text).map_err(|(line, why)| Error::Input { path: path.to_path_buf(), line, why })
}

/// Parses CoNLL text; the error is the 1-based line and what is wrong with it.
pub fn parse(text: &str) -> std::result::Result<Vec<Document>, (usize, String)> {
    let mut docs = Vec::new();
    let mut doc = Document::default();
    let mut sentence_start = 0;
    let close_sentence = |doc: &mut Document, start: &mut usize| {
        if doc.words.len() > *start {
            doc.sentences.push(*start..doc.words.len());
        }
        *start = doc.words.len();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            close_sentence(&mut doc, &mut sentence_start);
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            close_sentence(&mut doc, &mut sentence_start);
            if !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sentence_start = 0;
            continue;
        }
        if cols.len() < 2 {
            return Err((n + 1, format!("expected a word and a tag, found {line:?}")));
        }
        let tag = cols[cols.len() - 1];
        let mut label = parse_tag(tag).ok_or_else(|| (n + 1, format!("unknown NER tag {tag:?}")))?;
        let prev = if doc.words.len() > sentence_start { doc.gold.last().copied().unwrap_or(O) } else { O };
        if label != O && !is_begin(label) && label_type(prev) != label_type(label) {
            label -= 1;
        }
        doc.words.push(cols[0].to_string());
        doc.gold.push(label);
    }
    close_sentence(&mut doc, &mut sentence_start);
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// "O", "B-PER", "I-LOC", ... as a label.
pub fn parse_tag(tag: &str) -> Option<Label> {
    if tag == "O" {
        return Some(O);
    }
    let (prefix, name) = tag.split_once('-')?;
    let k = TYPES.iter().position(|t| *t == name)? as Label;
    match prefix {
        "B" => Some(1 + 2 * k),
        "I" => Some(2 + 2 * k),
        _ => None,
    }
}

/// Entity spans (token ranges with a type) of a label sequence, conlleval's way: a chunk
/// starts at a B-, or at an I- whose type differs from the token before it.
pub fn chunks(labels: &[Label], sentences: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    for s in sentences {
        let mut open: Option<(usize, usize)> = None;
        for i in s.clone() {
            let l = labels[i];
            let t = label_type(l);
            let continues = matches!((open, t), (Some((_, k)), Some(tk)) if k == tk && !is_begin(l));
            if continues {
                continue;
            }
            if let Some((start, k)) = open.take() {
                out.push((start..i, k));
            }
            if let Some(k) = t {
                open = Some((i, k));
            }
        }
        if let Some((start, k)) = open {
            out.push((start..s.end, k));
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

    /// (precision, recall, F1) of one type, or overall with `None`.
    pub fn prf(&self, k: Option<usize>) -> (f64, f64, f64) {
        let pick = |a: &[usize; 4]| k.map_or(a.iter().sum(), |k| a[k]) as f64;
        let (g, p, c) = (pick(&self.gold), pick(&self.predicted), pick(&self.correct));
        let precision = if p > 0.0 { c / p } else { 0.0 };
        let recall = if g > 0.0 { c / g } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        (precision, recall, f1)
    }

    pub fn f1(&self) -> f64 {
        self.prf(None).2
    }

    /// A conlleval-like table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{:<8} {:>9} {:>9} {:>9} {:>7} {:>9} {:>7}", "type", "precision", "recall", "F1", "gold", "predicted", "correct");
        let sum = |a: &[usize; 4]| a.iter().sum::<usize>();
        for k in (0..4).map(Some).chain([None]) {
            let (p, r, f) = self.prf(k);
            let (name, g, pr, c) = match k {
                Some(k) => (TYPES[k], self.gold[k], self.predicted[k], self.correct[k]),
                None => ("overall", sum(&self.gold), sum(&self.predicted), sum(&self.correct)),
            };
            let _ = writeln!(s, "{name:<8} {:>9.4} {:>9.4} {:>9.4} {g:>7} {pr:>9} {c:>7}", p, r, f);
        }
        let accuracy = self.tokens_correct as f64 / self.tokens.max(1) as f64;
        let _ = writeln!(s, "token accuracy {accuracy:.4} over {} tokens", self.tokens);
        s
    }
}

const _: () = assert!(N_LABELS == 1 + 2 * TYPES.len());

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\
        call NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP I-LOC\n";

    #[test]
    fn reads_documents_sentences_and_iob1() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences, [0..4, 4..6]);
        assert_eq!(docs[0].gold, [3, 0, 7, 0, 1, 2]);
        assert_eq!(docs[1].gold, [5], "an I- that opens an entity is a B-");
        assert_eq!(parse("a B-XYZ\n").unwrap_err().0, 1);
    }

    #[test]
    fn conlleval_counts() {
        let sentences = [0..5];
        let gold = [1, 2, 0, 5, 6];
        // Person right; place cut short; an extra org.
        let predicted = [1, 2, 3, 5, 0];
        let mut s = Score::default();
        s.add(&gold, &predicted, &sentences);
        assert_eq!((s.gold, s.predicted, s.correct), ([1, 0, 1, 0], [1, 1, 1, 0], [1, 0, 0, 0]));
        let (p, r, f) = s.prf(None);
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.4).abs() < 1e-9);
        // An I- after a different type opens a new chunk.
        assert_eq!(chunks(&[1, 4, 4], &[0..3]), [(0..1, 0), (1..3, 1)]);
    }
}
