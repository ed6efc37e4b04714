//! Entities as the database gives them (issue #20): `eval ner --through-db` loads CoNLL
//! documents through the whole pipeline and scores the stored mentions by their kinds; and
//! regression tests, on text written for them, for the kinds and identities users read off
//! the `entities` and `mentions` tables.

mod common;

use common::*;

/// A CoNLL document written for this test: a title, a sentence with a person, a place, an
/// organisation and a nationality.
const SAMPLE: &str = "-DOCSTART- -X- -X- O

Talks NNS B-NP O
resume VBP B-VP O
in IN B-PP O
Geneva NNP B-NP B-LOC

Foreign NNP B-NP O
minister NN I-NP O
Anna NNP I-NP B-PER
Lindqvist NNP I-NP I-PER
told VBD B-VP O
Reuters NNP B-NP B-ORG
in IN B-PP O
Geneva NNP B-NP B-LOC
that IN B-SBAR O
Swedish JJ B-NP B-MISC
diplomats NNS I-NP O
would MD B-VP O
stay VB I-VP O
. . O O
";

/// The F1 of one line (PER, ..., overall) of the table after `heading` in `out`.
fn f1_after(out: &str, heading: &str, name: &str) -> f64 {
    let (_, table) = out
        .split_once(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in {out}"));
    let line = table
        .lines()
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("no {name} line in {out}"));
    line.split_whitespace().nth(3).unwrap().parse().unwrap()
}

#[test]
fn eval_ner_through_db_scores_the_stored_mentions() {
    let dir = workdir();
    std::fs::write(dir.path().join("sample.conll"), SAMPLE).unwrap();
    let out = ok(
        dir.path(),
        &[
            "eval",
            "ner",
            "--conll",
            "sample.conll",
            "--through-db",
            "--keep-db",
            "kept.db",
        ],
    );
    assert!(
        out.contains("(1 documents, 1 articles stored) through the database"),
        "{out}"
    );
    // The gold is five entities; the kept database holds the stored mentions.
    assert!(out.contains("kind read from e.kind:"), "{out}");
    let gold: usize = out
        .lines()
        .find(|l| l.starts_with("overall"))
        .and_then(|l| l.split_whitespace().nth(4))
        .and_then(|g| g.parse().ok())
        .unwrap_or(0);
    assert_eq!(gold, 5, "{out}");
    assert!(f1_after(&out, "e.kind:", "PER") > 0.99, "{out}");
    let conn = open(&dir.path().join("kept.db"));
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM mentions WHERE text = 'Anna Lindqvist'"
        ) == 1
    );
    // A database that exists is not loaded into.
    let again = run(
        dir.path(),
        &[
            "eval",
            "ner",
            "--conll",
            "sample.conll",
            "--through-db",
            "--keep-db",
            "kept.db",
        ],
    );
    assert!(!again.status.success());
}

#[test]
fn eval_ner_through_db_on_conll_testa_meets_the_target() {
    let Some(testa) = corpus("conll2003/eng.testa") else {
        return;
    };
    let out = ok(
        &repo(),
        &[
            "eval",
            "ner",
            "--conll",
            testa.to_str().unwrap(),
            "--through-db",
        ],
    );
    assert!(
        out.contains("(216 documents, 216 articles stored)"),
        "{out}"
    );
    let _ = f1_after(&out, "e.kind:", "overall");
}
