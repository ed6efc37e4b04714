//! Scores quote extraction against attribution annotations in brat standoff, laid out as
//! PolNeAR is: `DIR/text/NAME.txt` and `DIR/attributions/NAME_<annotator>.ann`.
//!
//! Gold quotations are the quoted stretches of the text (double marks “ ” " „ « » '' paired
//! in order, by a scanner of their own, not the extractor's) that annotated `Content` spans
//! cover at least half of, and Content spans wrapped whole in single marks; their speaker is
//! the attribution's `Source` as written. Annotators often cut one quotation into several
//! Content spans (a sentence each), so the quotation, not the span, is the unit. Text
//! files are cut into blocks as the loader cuts them ([`split_blocks`]), the title (with a
//! subtitle on its second line, as some USA Today files have) and dek are set aside, and
//! only quotations in body blocks count, gold and predicted alike. When an article has
//! several annotators, the first by annotator code is used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::extract::names::{proper_name, same_person};
use crate::extract::quotes::{extract, Kind as QuoteKind, Quote};
use crate::model::Kind;
use crate::text::blocks::{split_blocks, structure_plain_text};
use crate::text::classify::Rules;
use crate::{Error, Result};

use super::brat::{self, Annotation};

/// Two spans overlap enough to match when the shared part is this share of the longer.
pub const MIN_OVERLAP: f64 = 0.8;

/// A quotation in a file: code points of the text file, trimmed of marks and edge
/// punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Gold: the Source as written. Predicted: the speaker's resolved name, else as written.
    pub speaker: Option<String>,
    /// Predicted only: the rule that fired.
    pub rule: Option<&'static str>,
}

/// One article's gold and predicted quotations.
#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    pub annotator: String,
    pub gold: Vec<Span>,
    pub predicted: Vec<Span>,
}

/// What a mismatch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// A gold quotation no predicted one matches (overlap rule).
    Missed,
    /// A predicted quotation no gold one matches.
    Spurious,
    /// Matched, the gold speaker is a name, and the predicted speaker is not that person.
    Speaker,
}

impl Miss {
    pub fn as_str(self) -> &'static str {
        match self {
            Miss::Missed => "missed",
            Miss::Spurious => "spurious",
            Miss::Speaker => "speaker",
        }
    }
}

/// A mismatch, for `--errors`.
#[derive(Debug, Clone)]
pub struct Mismatch {
    pub article: String,
    pub miss: Miss,
    pub gold: Option<Span>,
    pub predicted: Option<Span>,
}

/// Counts for the whole directory.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    pub exact: usize,
    pub overlap: usize,
    /// Gold quotations whose speaker is a name, and those a matched prediction gives to the
    /// same person.
    pub named: usize,
    pub named_correct: usize,
    pub errors: Vec<Mismatch>,
    /// Lines of annotation files that did not parse, and files that could not be aligned.
    pub problems: Vec<String>,
}

impl Scores {
    /// What `eval quotes` reports: (measure, value, count, out of).
    pub fn measures(&self) -> Vec<(&'static str, f64, usize, usize)> {
        let (e, o, p, g) = (self.exact, self.overlap, self.predicted, self.gold);
        let (n, nc) = (self.named, self.named_correct);
        vec![
            ("span precision, exact", ratio(e, p), e, p),
            ("span recall, exact", ratio(e, g), e, g),
            ("span F1, exact", f1(e, p, g), e, g),
            ("span precision, overlap 0.8", ratio(o, p), o, p),
            ("span recall, overlap 0.8", ratio(o, g), o, g),
            ("span F1, overlap 0.8", f1(o, p, g), o, g),
            ("named-speaker accuracy", ratio(nc, n), nc, n),
        ]
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// F1 of precision and recall counts.
pub fn f1(matched: usize, predicted: usize, gold: usize) -> f64 {
    let (p, r) = (ratio(matched, predicted), ratio(matched, gold));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Reads every article of `dir`, extracts its quotations and scores them. Damaged copies of
/// the articles are scored by the gauntlet (`eval::gauntlet`), which rewrites them itself.
pub fn evaluate(dir: &Path) -> Result<Scores> {
    let mut scores = Scores::default();
    for (name, (text_path, ann_path, annotator)) in articles(dir)? {
        let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        let Some(body) = body_blocks(&text) else {
            scores.problems.push(format!(
                "{}: its blocks could not be found in the file",
                text_path.display()
            ));
            continue;
        };
        let ann_text = std::fs::read_to_string(&ann_path).map_err(|e| Error::io(&ann_path, e))?;
        let (ann, problems) = brat::parse(&ann_text);
        for (line, message) in problems {
            scores
                .problems
                .push(format!("{}:{line}: {message}", ann_path.display()));
        }
        let article = Article {
            gold: gold_quotes(&text, &ann, &body),
            predicted: predicted_quotes(&text, &body),
            name,
            annotator,
        };
        score(&article, &mut scores);
    }
    Ok(scores)
}

/// Articles by name: the text file, the annotation file of the first annotator (by code),
/// and that code.
pub fn articles(dir: &Path) -> Result<BTreeMap<String, (PathBuf, PathBuf, String)>> {
    let read = |sub: &str| -> Result<Vec<PathBuf>> {
        let path = dir.join(sub);
        let entries = std::fs::read_dir(&path).map_err(|e| Error::io(&path, e))?;
        Ok(entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
    };
    let mut out = BTreeMap::new();
    let texts = read("text")?;
    let anns = read("attributions")?;
    for text in texts
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let Some(name) = text
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let prefix = format!("{name}_");
        let first = anns
            .iter()
            .filter_map(|a| {
                let file = a.file_name()?.to_str()?;
                let annotator = file.strip_prefix(&prefix)?.strip_suffix(".ann")?;
                (!annotator.contains('_')).then(|| (annotator.to_string(), a.clone()))
            })
            .min();
        if let Some((annotator, ann)) = first {
            out.insert(name, (text, ann, annotator));
        }
    }
    if out.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no text/NAME.txt with attributions/NAME_<annotator>.ann found",
            dir.display()
        )));
    }
    Ok(out)
}

/// A body block: its text and, for each of its characters, the code point of the file it
/// comes from.
pub struct Block {
    pub text: String,
    pub offsets: Vec<usize>,
}

/// The body blocks of a text file, as the loader classifies them, with their offsets in the
/// file; `None` if a block cannot be found in the file (which would be a bug).
pub fn body_blocks(text: &str) -> Option<Vec<Block>> {
    let texts = split_blocks(text);
    // Compiling the rules costs more than classifying an article: once per process.
    static RULES: OnceLock<Rules> = OnceLock::new();
    let rules = RULES.get_or_init(Rules::builtin);
    let kinds: Vec<Kind> = structure_plain_text(text, rules)
        .iter()
        .map(|b| match b.kind {
            Kind::Body => rules.classify(&b.text).map_or(Kind::Body, |v| v.kind),
            kind => kind,
        })
        .collect();
    if kinds.len() != texts.len() {
        return None;
    }
    let file: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut out = Vec::new();
    for (block, kind) in texts.into_iter().zip(kinds) {
        let mut offsets = Vec::with_capacity(block.len());
        for c in block.chars() {
            // Blocks are the file's characters in order, less trimmed white space and line
            // breaks; a line break may have become a space.
            while at < file.len() && file[at] != c && !(c == ' ' && file[at].is_whitespace()) {
                at += 1;
            }
            if at == file.len() {
                return None;
            }
            offsets.push(at);
            at += 1;
        }
        if kind == Kind::Body {
            out.push(Block {
                text: block,
                offsets,
            });
        }
    }
    Some(out)
}

/// The extractor's quotations (not terms) in file offsets, trimmed.
pub fn predicted_quotes(text: &str, body: &[Block]) -> Vec<Span> {
    let file: Vec<char> = text.chars().collect();
    let paragraphs: Vec<&str> = body.iter().map(|b| b.text.as_str()).collect();
    extract(&paragraphs)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Quote && q.end > q.start)
        .filter_map(|q: Quote| {
            let offsets = &body[q.paragraph].offsets;
            let (start, end) = (offsets[q.start], offsets[q.end - 1] + 1);
            let speaker = q.speaker.map(|s| s.name.unwrap_or(s.text));
            span(&file, start, end, speaker, Some(q.rule))
        })
        .collect()
}

/// A span trimmed of non-alphanumeric characters at both ends, or `None` if nothing is left.
fn span(
    file: &[char],
    mut start: usize,
    mut end: usize,
    speaker: Option<String>,
    rule: Option<&'static str>,
) -> Option<Span> {
    while start < end && !file[start].is_alphanumeric() {
        start += 1;
    }
    while end > start && !file[end - 1].is_alphanumeric() {
        end -= 1;
    }
    (start < end).then(|| Span {
        start,
        end,
        text: file[start..end].iter().collect(),
        speaker,
        rule,
    })
}

/// Gold quotations: the quoted stretches of body blocks (double marks paired in order; see
/// [`quoted_stretches`]) of which Content spans cover at least half, plus Content spans
/// wrapped whole in single marks. The speaker is the Source of the attribution whose Content
/// covers most of the stretch (the shortest Content on a tie: the innermost attribution).
pub fn gold_quotes(text: &str, ann: &Annotation, body: &[Block]) -> Vec<Span> {
    let file: Vec<char> = text.chars().collect();
    // Each Content span: its ranges, its size and its attribution's Source.
    type Content = (Vec<(usize, usize)>, usize, Option<String>);
    let contents: Vec<Content> = ann
        .events
        .iter()
        .filter_map(|event| {
            let content = ann.spans.get(event.arg("Content")?)?;
            let speaker = event
                .arg("Source")
                .and_then(|id| ann.spans.get(id))
                .and_then(|s| {
                    let &(a, b) = s.ranges.first()?;
                    (b <= file.len()).then(|| file[a..b].iter().collect::<String>())
                });
            let size = content.ranges.iter().map(|(a, b)| b - a).sum();
            Some((content.ranges.clone(), size, speaker))
        })
        .collect();
    let covered = |s: usize, e: usize, ranges: &[(usize, usize)]| -> usize {
        ranges
            .iter()
            .map(|&(a, b)| e.min(b).saturating_sub(s.max(a)))
            .sum()
    };
    let mut out: Vec<Span> = Vec::new();
    for block in body {
        let (Some(&bs), Some(&last)) = (block.offsets.first(), block.offsets.last()) else {
            continue;
        };
        let mut stretches = quoted_stretches(&file, bs, last + 1);
        for (ranges, _, _) in &contents {
            for &(a, b) in ranges {
                stretches.extend(single_marked(&file, a.max(bs), b.min(last + 1)));
            }
        }
        for (s, e) in stretches {
            let best = contents
                .iter()
                .map(|(ranges, size, speaker)| (covered(s, e, ranges), *size, speaker))
                .filter(|(c, _, _)| *c > 0)
                .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
            let Some((cover, _, speaker)) = best else {
                continue;
            };
            let all: usize = (s..e)
                .filter(|&i| {
                    contents
                        .iter()
                        .any(|(r, _, _)| r.iter().any(|&(a, b)| a <= i && i < b))
                })
                .count();
            if 2 * all.max(cover) < e - s {
                continue;
            }
            if let Some(span) = span(&file, s, e, speaker.clone(), None) {
                if !out
                    .iter()
                    .any(|o| o.start == span.start && o.end == span.end)
                {
                    out.push(span);
                }
            }
        }
    }
    out
}

/// The double-quoted stretches of `file[from..to]`: marks (“ ” " „ « » and '') paired in
/// the order they come, a closing mark with nothing open ignored, an opening mark left over
/// running to the end.
fn quoted_stretches(file: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = from;
    while i < to {
        let width = match file[i] {
            '“' | '”' | '"' | '„' | '«' | '»' => 1,
            '\'' if i + 1 < to && file[i + 1] == '\'' => 2,
            _ => {
                i += 1;
                continue;
            }
        };
        match open {
            Some(o) => {
                out.push((o, i));
                open = None;
            }
            None if matches!(file[i], '”' | '»') => {}
            None => open = Some(i + width),
        }
        i += width;
    }
    out.extend(open.map(|o| (o, to)));
    out
}

/// A span wrapped whole in single marks (‘Who cares?’), once white space and a final comma
/// or full stop are set aside: the text inside.
fn single_marked(file: &[char], a: usize, b: usize) -> Option<(usize, usize)> {
    let first = (a..b).find(|&i| !file[i].is_whitespace())?;
    let last = (a..b)
        .rev()
        .find(|&i| !file[i].is_whitespace() && !matches!(file[i], ',' | '.'))?;
    (last > first + 1
        && matches!(file[first], '‘' | '\'')
        && matches!(file[last], '’' | '\'')
        && file[first + 1] != '\'')
        .then_some((first + 1, last))
}

/// Matches predictions to gold (one to one, best overlap first) and counts.
pub fn score(article: &Article, scores: &mut Scores) {
    scores.articles += 1;
    scores.gold += article.gold.len();
    scores.predicted += article.predicted.len();
    scores.exact += article
        .gold
        .iter()
        .filter(|g| {
            article
                .predicted
                .iter()
                .any(|p| p.start == g.start && p.end == g.end)
        })
        .count();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in article.gold.iter().enumerate() {
        for (pi, p) in article.predicted.iter().enumerate() {
            let shared = g.end.min(p.end).saturating_sub(g.start.max(p.start));
            let share = shared as f64 / (g.end - g.start).max(p.end - p.start) as f64;
            if share >= MIN_OVERLAP {
                pairs.push((share, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut gold_match = vec![None; article.gold.len()];
    let mut taken = vec![false; article.predicted.len()];
    for (_, gi, pi) in pairs {
        if gold_match[gi].is_none() && !taken[pi] {
            gold_match[gi] = Some(pi);
            taken[pi] = true;
        }
    }
    let error = |miss, gold: Option<&Span>, predicted: Option<&Span>| Mismatch {
        article: article.name.clone(),
        miss,
        gold: gold.cloned(),
        predicted: predicted.cloned(),
    };
    for (gi, g) in article.gold.iter().enumerate() {
        let p = gold_match[gi].map(|pi| &article.predicted[pi]);
        if p.is_some() {
            scores.overlap += 1;
        } else {
            scores.errors.push(error(Miss::Missed, Some(g), None));
        }
        let Some(gold_name) = g.speaker.as_deref().and_then(proper_name) else {
            continue;
        };
        scores.named += 1;
        let right = p
            .and_then(|p| p.speaker.as_deref())
            .is_some_and(|s| same_person(&gold_name, s));
        if right {
            scores.named_correct += 1;
        } else if p.is_some() {
            scores.errors.push(error(Miss::Speaker, Some(g), p));
        }
    }
    for (pi, p) in article.predicted.iter().enumerate() {
        if !taken[pi] {
            scores.errors.push(error(Miss::Spurious, None, Some(p)));
        }
    }
}

#[cfg(test)]
mod tests;
