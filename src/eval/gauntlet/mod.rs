//! The gauntlet: annotated news rewritten in the damaged shapes users bring ([`Shape`]:
//! bodies on one line, straight or mangled marks, mojibake, `<p>` tags with entities and
//! CRLF, and all at once), run through the real pipeline ([`align::process`]) and scored
//! against the gold offsets carried through each rewrite ([`rewrite::Chain`]).
//!
//! Measures, per shape: quote span F1 (overlap 0.8) and named-speaker accuracy as
//! [`crate::eval::quotes`] defines them, on PolNeAR; entity F1 by the conlleval definition
//! (exact span and type), per type and overall, on CoNLL-2003; and, on the seed articles,
//! the quotations `expected.json` lists (with their speakers) and the entities it names
//! that the article's canonical entities include. [`Gauntlet::misses`] compares each shape
//! with the clean text against the targets.

pub mod align;
pub mod data;
pub mod rewrite;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::eval::quotes::{self, f1, ratio, Span};
use crate::extract::ner::conll;
use crate::text::classify::Rules;
use crate::Result;

use data::{EntityDoc, QuoteDoc, SeedDoc};
pub use rewrite::Shape;

/// Largest drop from the clean text allowed under any shape.
pub const QUOTE_F1_TOLERANCE: f64 = 0.02;
pub const SPEAKER_TOLERANCE: f64 = 0.03;
pub const NER_F1_TOLERANCE: f64 = 0.01;

/// What to run on. A missing data set is skipped.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// PolNeAR-layout directory (`text/`, `attributions/`).
    pub polnear: Option<PathBuf>,
    /// A CoNLL-2003 file.
    pub conll: Option<PathBuf>,
    /// A directory with `expected.json` and the articles it names.
    pub seeds: Option<PathBuf>,
    /// At most this many documents of each data set (the first by name or order).
    pub limit: Option<usize>,
    /// Only these shapes (all when empty); the clean text is always run.
    pub shapes: Vec<Shape>,
}

/// One shape's counts.
#[derive(Debug, Clone)]
pub struct ShapeScores {
    pub shape: Shape,
    pub quotes: quotes::Scores,
    pub ner: conll::Score,
    pub seed_quotes: quotes::Scores,
    /// Expected seed entities found, and expected.
    pub seed_entities: (usize, usize),
    /// Documents the pipeline rejected.
    pub rejected: usize,
}

impl ShapeScores {
    pub fn quote_f1(&self) -> f64 {
        let q = &self.quotes;
        f1(q.overlap, q.predicted, q.gold)
    }

    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.quotes.named_correct, self.quotes.named)
    }

    pub fn ner_f1(&self) -> f64 {
        self.ner.f1()
    }
}

/// Every shape's scores, the clean text first.
#[derive(Debug, Clone)]
pub struct Gauntlet {
    pub shapes: Vec<ShapeScores>,
    /// Documents and data sets that could not be read or aligned.
    pub problems: Vec<String>,
    pub quote_docs: usize,
    pub entity_docs: usize,
    pub seed_docs: usize,
}

/// Reads the data sets and runs every shape.
pub fn run(config: &Config) -> Result<Gauntlet> {
    let mut problems = Vec::new();
    let polnear = match &config.polnear {
        Some(dir) => data::polnear(dir, config.limit, &mut problems)?,
        None => Vec::new(),
    };
    let conll = match &config.conll {
        Some(path) => data::conll(path, config.limit)?,
        None => Vec::new(),
    };
    let seeds = match &config.seeds {
        Some(dir) => data::seeds(dir, &mut problems)?,
        None => Vec::new(),
    };
    let rules = Rules::builtin();
    let shapes = Shape::ALL
        .into_iter()
        .filter(|&s| s == Shape::Clean || config.shapes.is_empty() || config.shapes.contains(&s))
        .map(|shape| run_shape(shape, &polnear, &conll, &seeds, &rules))
        .collect();
    Ok(Gauntlet {
        shapes,
        problems,
        quote_docs: polnear.len(),
        entity_docs: conll.len(),
        seed_docs: seeds.len(),
    })
}

fn run_shape(
    shape: Shape,
    polnear: &[QuoteDoc],
    conll: &[EntityDoc],
    seeds: &[SeedDoc],
    rules: &Rules,
) -> ShapeScores {
    let mut rejected = 0;
    let mut quotes = quotes::Scores::default();
    let scored: Vec<Option<quotes::Article>> = polnear
        .par_iter()
        .map(|doc| quote_article(shape, doc, rules).map(|(a, _)| a))
        .collect();
    for article in scored {
        match article {
            Some(a) => quotes::score(&a, &mut quotes),
            None => rejected += 1,
        }
    }
    let mut ner = conll::Score::default();
    let tagged: Vec<Option<NerCounts>> = conll
        .par_iter()
        .map(|doc| entity_counts(shape, doc, rules))
        .collect();
    for counts in tagged {
        match counts {
            Some(c) => {
                for k in 0..4 {
                    ner.gold[k] += c.gold[k];
                    ner.predicted[k] += c.predicted[k];
                    ner.correct[k] += c.correct[k];
                }
            }
            None => rejected += 1,
        }
    }
    let mut seed_quotes = quotes::Scores::default();
    let mut seed_entities = (0, 0);
    for seed in seeds {
        let Some((article, processed)) = quote_article(shape, &seed.quotes, rules) else {
            rejected += 1;
            continue;
        };
        quotes::score(&article, &mut seed_quotes);
        let found =
            |kind: &str, name: &str| {
                processed.article.mentions.iter().any(|m| {
                    m.entity.kind.as_str() == kind && m.entity.name.eq_ignore_ascii_case(name)
                })
            };
        seed_entities.1 += seed.entities.len();
        seed_entities.0 += seed
            .entities
            .iter()
            .filter(|(kind, name)| found(kind, name))
            .count();
    }
    ShapeScores {
        shape,
        quotes,
        ner,
        seed_quotes,
        seed_entities,
        rejected,
    }
}

/// A document rewritten in `shape`, run through the pipeline, its gold and predicted
/// quotations both in code points of the rewritten text.
fn quote_article(
    shape: Shape,
    doc: &QuoteDoc,
    rules: &Rules,
) -> Option<(quotes::Article, align::Processed)> {
    let chain = shape.rewrite(&doc.text);
    let chars: Vec<char> = chain.text.chars().collect();
    let text_of = |s: usize, e: usize| chars[s.min(e)..e].iter().collect::<String>();
    let gold = doc
        .gold
        .iter()
        .map(|g| {
            let (start, end) = (chain.start(g.start), chain.end(g.end));
            Span {
                start,
                end,
                text: text_of(start, end),
                ..g.clone()
            }
        })
        .collect();
    let processed = align::process(&doc.name, &chain.text, rules)?;
    let predicted = processed
        .article
        .quotes
        .iter()
        .filter_map(|q| {
            let (start, end) = processed.span(q.block, q.span.start, q.span.end, true)?;
            let speaker = q
                .speaker
                .as_ref()
                .map(|e| e.name.clone())
                .or_else(|| q.speaker_text.clone());
            Some(Span {
                start,
                end,
                text: text_of(start, end),
                speaker,
                rule: None,
            })
        })
        .collect();
    let article = quotes::Article {
        name: doc.name.clone(),
        annotator: String::new(),
        gold,
        predicted,
    };
    Some((article, processed))
}

/// Entity counts by CoNLL type (PER, ORG, LOC, MISC).
struct NerCounts {
    gold: [usize; 4],
    predicted: [usize; 4],
    correct: [usize; 4],
}

/// Entities of a document rewritten in `shape`: the gold ones carried through the rewrite,
/// the mentions the pipeline stored in its content blocks and captions, matched on exact
/// span and type.
fn entity_counts(shape: Shape, doc: &EntityDoc, rules: &Rules) -> Option<NerCounts> {
    let chain = shape.rewrite(&doc.text);
    let processed = align::process(&doc.name, &chain.text, rules)?;
    let mut counts = NerCounts {
        gold: [0; 4],
        predicted: [0; 4],
        correct: [0; 4],
    };
    let gold: Vec<(usize, usize, usize)> = doc
        .gold
        .iter()
        .map(|&(s, e, k)| (chain.start(s), chain.end(e), k))
        .collect();
    for g in &gold {
        counts.gold[g.2] += 1;
    }
    let mut predicted: Vec<(usize, usize, usize)> = processed
        .article
        .mentions
        .iter()
        .filter_map(|m| {
            let k = m.entity.kind.index();
            let (s, e) = processed.span(m.block, m.span.start, m.span.end, false)?;
            Some((s, e, k))
        })
        .collect();
    predicted.sort_unstable();
    predicted.dedup();
    for p in &predicted {
        counts.predicted[p.2] += 1;
        if gold.contains(p) {
            counts.correct[p.2] += 1;
        }
    }
    Some(counts)
}

/// One line of the gauntlet's table.
#[derive(Debug, Clone)]
pub struct Row {
    pub shape: &'static str,
    pub quote_f1: f64,
    pub quote_f1_delta: f64,
    pub speaker_accuracy: f64,
    pub speaker_delta: f64,
    pub ner_f1: f64,
    pub ner_f1_delta: f64,
    /// Entity F1 per CoNLL type: PER, ORG, LOC, MISC.
    pub ner_f1_by_type: [f64; 4],
    /// Seed quotations found (overlap rule), their speakers right, out of.
    pub seed_quotes: (usize, usize, usize),
    pub seed_entities: (usize, usize),
    pub rejected: usize,
    /// Within the targets' distance of the clean text.
    pub on_target: bool,
}

impl Gauntlet {
    fn clean(&self) -> Option<&ShapeScores> {
        self.shapes.iter().find(|s| s.shape == Shape::Clean)
    }

    /// The table: one row per shape, deltas from the clean text.
    pub fn rows(&self) -> Vec<Row> {
        let Some(clean) = self.clean() else {
            return Vec::new();
        };
        self.shapes
            .iter()
            .map(|s| Row {
                shape: s.shape.name(),
                quote_f1: s.quote_f1(),
                quote_f1_delta: s.quote_f1() - clean.quote_f1(),
                speaker_accuracy: s.speaker_accuracy(),
                speaker_delta: s.speaker_accuracy() - clean.speaker_accuracy(),
                ner_f1: s.ner_f1(),
                ner_f1_delta: s.ner_f1() - clean.ner_f1(),
                ner_f1_by_type: [0, 1, 2, 3].map(|k| s.ner.prf(Some(k)).2),
                seed_quotes: (
                    s.seed_quotes.overlap,
                    s.seed_quotes.named_correct,
                    s.seed_quotes.gold,
                ),
                seed_entities: s.seed_entities,
                rejected: s.rejected,
                on_target: self.misses_of(s, clean).is_empty(),
            })
            .collect()
    }

    /// Every shape's measure further from the clean text than its target allows.
    pub fn misses(&self) -> Vec<String> {
        let Some(clean) = self.clean() else {
            return Vec::new();
        };
        self.shapes
            .iter()
            .flat_map(|s| self.misses_of(s, clean))
            .collect()
    }

    fn misses_of(&self, s: &ShapeScores, clean: &ShapeScores) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |measure: &str, value: f64, base: f64, tolerance: f64, has: bool| {
            if has && base - value > tolerance {
                out.push(format!(
                    "{}: {measure} {value:.4}, {:.4} below the clean text's {base:.4} (target: within {tolerance})",
                    s.shape.name(),
                    base - value
                ));
            }
        };
        let quotes = self.quote_docs > 0;
        let ner = self.entity_docs > 0;
        check(
            "quote span F1",
            s.quote_f1(),
            clean.quote_f1(),
            QUOTE_F1_TOLERANCE,
            quotes,
        );
        let speakers = s.speaker_accuracy();
        check(
            "named-speaker accuracy",
            speakers,
            clean.speaker_accuracy(),
            SPEAKER_TOLERANCE,
            quotes,
        );
        check("NER F1", s.ner_f1(), clean.ner_f1(), NER_F1_TOLERANCE, ner);
        out
    }
}
