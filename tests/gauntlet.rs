//! The gauntlet (issue #19): PolNeAR dev quotations, CoNLL-2003 eng.testa entities and the
//! seed articles rewritten in each damaged shape, run through the real pipeline, scored
//! against the clean text. Needs ../shared (skips without it, fails under CI without it).
//!
//! The targets of issue #19 are asserted ([`ENFORCE_TARGETS`]): under every shape, quote span
//! F1 within 0.02 and named-speaker accuracy within 0.03 of the clean text, NER F1 within
//! 0.01. The test also checks that the instrument measures (gold carried through every
//! shape, clean scores at their known level) and prints the table and any misses.

mod common;

use corpusdb::eval::gauntlet::{self, Config, Shape};

/// On since every shape holds the targets. One-line NER F1 was the last (0.015 to 0.020
/// below clean): the eng.testa tables and lists whose line breaks were their only sentence
/// ends ran their rows together ("DETROIT CHICAGO"); the cutter now cuts flattened tables,
/// fixture lists and dated datelines apart (`text::blocks::rows`).
const ENFORCE_TARGETS: bool = true;

#[test]
fn damaged_shapes_cost_little() {
    let (Some(polnear), Some(conll), Some(_)) = (
        common::corpus("polnear/dev"),
        common::corpus("conll2003/eng.testa"),
        common::corpus("../seeds/expected.json"),
    ) else {
        return;
    };
    let config = Config {
        polnear: Some(polnear),
        conll: Some(conll),
        seeds: Some(common::repo().join("../shared/seeds")),
        limit: None,
        shapes: Vec::new(),
    };
    let started = std::time::Instant::now();
    let result = gauntlet::run(&config).expect("gauntlet runs");
    eprintln!("gauntlet: {:.1} s", started.elapsed().as_secs_f64());
    assert!(result.problems.is_empty(), "{:#?}", result.problems);
    // PolNeAR dev has 84 annotated articles, eng.testa 216 documents (about 5 s in all).
    assert!(result.quote_docs >= 80, "{}", result.quote_docs);
    assert!(result.entity_docs >= 200, "{}", result.entity_docs);
    assert_eq!(result.seed_docs, 2);
    eprintln!(
        "shape      quote F1  (Δ)      speakers (Δ)      NER F1   (Δ)      seeds: quotes, entities"
    );
    for r in result.rows() {
        eprintln!(
            "{:<10} {:.4}  ({:+.4})  {:.4}  ({:+.4})  {:.4}  ({:+.4})  {}/{} ({} speakers), {}/{}",
            r.shape,
            r.quote_f1,
            r.quote_f1_delta,
            r.speaker_accuracy,
            r.speaker_delta,
            r.ner_f1,
            r.ner_f1_delta,
            r.seed_quotes.0,
            r.seed_quotes.2,
            r.seed_quotes.1,
            r.seed_entities.0,
            r.seed_entities.1
        );
    }
    assert_eq!(result.shapes.len(), Shape::ALL.len());
    let clean = &result.shapes[0];
    assert_eq!(clean.shape, Shape::Clean);
    // The instrument: every shape carries the same gold, and nothing is rejected.
    for s in &result.shapes {
        assert_eq!(s.quotes.gold, clean.quotes.gold, "{}", s.shape.name());
        assert_eq!(s.quotes.named, clean.quotes.named, "{}", s.shape.name());
        assert_eq!(s.ner.gold, clean.ner.gold, "{}", s.shape.name());
        assert_eq!(s.seed_quotes.gold, 4, "{}", s.shape.name());
        assert_eq!(s.rejected, 0, "{}", s.shape.name());
    }
    assert!(clean.quotes.gold > 300, "{}", clean.quotes.gold);
    // The clean text scores as `eval quotes` and `eval ner` know it (0.96, 0.91, 0.80 on
    // the whole sets), and the seeds give up their quotations and nearly all entities.
    assert!(clean.quote_f1() > 0.92, "{}", clean.quote_f1());
    assert!(
        clean.speaker_accuracy() > 0.85,
        "{}",
        clean.speaker_accuracy()
    );
    assert!(clean.ner_f1() > 0.75, "{}", clean.ner_f1());
    assert_eq!(clean.seed_quotes.overlap, 4);
    assert!(clean.seed_entities.0 >= 30, "{:?}", clean.seed_entities);
    // Curly marks turned straight cost nothing today: the extractor reads both.
    let straight = &result.shapes[2];
    assert_eq!(straight.shape, Shape::Straight);
    assert!((straight.quote_f1() - clean.quote_f1()).abs() <= gauntlet::QUOTE_F1_TOLERANCE);

    let misses = result.misses();
    for miss in &misses {
        eprintln!("target missed: {miss}");
    }
    if ENFORCE_TARGETS {
        assert!(misses.is_empty(), "{} targets missed", misses.len());
    } else if !misses.is_empty() {
        eprintln!(
            "NOT ENFORCED: {} targets of issue #19 missed (set ENFORCE_TARGETS in tests/gauntlet.rs)",
            misses.len()
        );
    }
}
