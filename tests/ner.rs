//! Entities and dates: the tagger, the alias resolver and the date extractor on the example
//! articles (against expected.json), on real news (offsets), and on CoNLL-2003 (F1).

mod common;

use std::collections::BTreeSet;

use common::*;
use corpusdb::extract::dates;
use corpusdb::extract::ner::{aliases, conll, train, EntityKind, Mention, Tagger};
use corpusdb::text::blocks::split_blocks;
use serde_json::Value;

fn expected() -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

fn seed_blocks(file: &str) -> Vec<String> {
    split_blocks(&std::fs::read_to_string(fixtures().join("seeds").join(file)).expect("seed file"))
}

fn kind_named(name: &str) -> EntityKind {
    match name {
        "person" => EntityKind::Person,
        "org" => EntityKind::Org,
        "place" => EntityKind::Place,
        _ => EntityKind::Misc,
    }
}

/// The article's mentions, as (kind, text), in order.
fn article_mentions(file: &str) -> Vec<(EntityKind, String)> {
    let tagger = Tagger::embedded().expect("embedded model");
    tagger
        .tag_blocks(&seed_blocks(file))
        .into_iter()
        .flatten()
        .map(|m| (m.kind, m.text))
        .collect()
}

fn resolve(mentions: &[(EntityKind, String)]) -> Vec<aliases::Resolved> {
    let refs: Vec<(EntityKind, &str)> = mentions.iter().map(|(k, t)| (*k, t.as_str())).collect();
    aliases::resolve(&refs)
}

#[test]
fn seed_entities_are_found_with_their_kind_and_canonical_name() {
    let expected = expected();
    for (file, article) in expected["articles"].as_object().unwrap() {
        let resolved = resolve(&article_mentions(file));
        let found: BTreeSet<(EntityKind, String)> =
            resolved.iter().map(|r| (r.kind, r.name.clone())).collect();
        // A country the article names only by its nationality ("Israeli") is there as the
        // nationality, a misc entity that carries the country's code (issue #20).
        let nationality_of = |country: &str| {
            let code = corpusdb::vocab::gazetteer::gazetteer()
                .lookup(country)
                .find_map(|e| e.country.clone());
            resolved.iter().any(|r| {
                r.kind == EntityKind::Misc
                    && code.is_some()
                    && r.entry.and_then(|e| e.country.clone()) == code
            })
        };
        for (kind, names) in article["entities"].as_object().unwrap() {
            for name in names.as_array().unwrap() {
                let name = name.as_str().unwrap().to_string();
                assert!(
                    found.contains(&(kind_named(kind), name.clone()))
                        || (kind == "place" && nationality_of(&name)),
                    "{file}: {kind} {name:?} not found in {found:?}"
                );
            }
        }
    }
}

#[test]
fn seed_aliases_resolve_to_their_entity() {
    let expected = expected();
    let articles = expected["articles"].as_object().unwrap();
    for (canonical, spellings) in expected["aliases"].as_object().unwrap() {
        // In an article that names the entity, each spelling must resolve to it.
        let (file, kind) = articles
            .iter()
            .find_map(|(file, a)| {
                a["entities"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .find_map(|(kind, names)| {
                        names
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|n| n == canonical.as_str())
                            .then(|| (file.clone(), kind_named(kind)))
                    })
            })
            .unwrap_or_else(|| panic!("{canonical} is in no article's entities"));
        let mentions = article_mentions(&file);
        for spelling in spellings
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
        {
            let mut with = mentions.clone();
            with.push((kind, spelling.to_string()));
            let resolved = resolve(&with);
            let last = resolved.last().unwrap();
            assert_eq!(
                (last.kind, last.name.as_str()),
                (kind, canonical.as_str()),
                "{file}: {spelling:?}"
            );
        }
    }
}

#[test]
fn seed_dates_are_found() {
    let expected = expected();
    for (file, article) in expected["articles"].as_object().unwrap() {
        let found: BTreeSet<String> = seed_blocks(file)
            .iter()
            .flat_map(|b| dates::extract(b, None))
            .map(|d| d.text)
            .collect();
        for date in article["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap())
        {
            assert!(
                found.contains(date),
                "{file}: date {date:?} not found in {found:?}"
            );
        }
    }
    // With a publication date, the seed's relative dates resolve.
    let blocks = seed_blocks("002_c54f96b386a77b3c.txt");
    let values: Vec<(String, Option<String>)> = blocks
        .iter()
        .flat_map(|b| dates::extract(b, Some("2018-06-03")))
        .map(|d| (d.text, d.value))
        .collect();
    assert!(
        values.contains(&("Sunday".into(), Some("2018-06-03".into()))),
        "{values:?}"
    );
    assert!(
        values.contains(&("30 May".into(), Some("2018-05-30".into()))),
        "{values:?}"
    );
}

/// `text[start..end]` in code points.
fn cut(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn offsets_cut_the_mention_out_of_real_news() {
    let Some(bbc) = corpus("bbc") else { return };
    let tagger = Tagger::embedded().unwrap();
    let mut files: Vec<_> = walk(&bbc.join("politics"));
    files.truncate(60);
    let (mut mentions, mut dates_found) = (0, 0);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let blocks = split_blocks(&text);
        for (block, found) in blocks.iter().zip(tagger.tag_blocks(&blocks)) {
            for Mention {
                start, end, text, ..
            } in found
            {
                assert_eq!(cut(block, start, end), text, "{}", path.display());
                assert!(!text.trim().is_empty() && text.trim() == text);
                mentions += 1;
            }
            for d in dates::extract(block, Some("2005-03-01")) {
                assert_eq!(cut(block, d.start, d.end), d.text);
                dates_found += 1;
            }
        }
    }
    assert!(
        mentions > 1000 && dates_found > 20,
        "{mentions} mentions, {dates_found} dates"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn known_names_in_plain_news_sentences() {
    let tagger = Tagger::embedded().unwrap();
    let text = "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday, \
                the Associated Press reported, before both flew to Brussels for a European Union summit.";
    let found: Vec<(EntityKind, String)> = tagger
        .tag(text)
        .into_iter()
        .map(|m| (m.kind, m.text))
        .collect();
    for want in [
        (EntityKind::Person, "Angela Merkel"),
        (EntityKind::Person, "Emmanuel Macron"),
        (EntityKind::Place, "Paris"),
        (EntityKind::Place, "Brussels"),
        (EntityKind::Org, "Associated Press"),
        (EntityKind::Org, "European Union"),
    ] {
        assert!(
            found.contains(&(want.0, want.1.to_string())),
            "{want:?} not in {found:?}"
        );
    }
    assert!(
        !found.iter().any(|(_, t)| t == "Monday"),
        "a weekday is a date, not an entity: {found:?}"
    );
}

#[test]
fn eval_ner_on_conll_testa_meets_the_target() {
    let Some(testa) = corpus("conll2003/eng.testa") else {
        return;
    };
    let out = ok(
        &repo(),
        &["eval", "ner", "--conll", testa.to_str().unwrap()],
    );
    let f1 = |name: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} line in {out}"));
        line.split_whitespace().nth(3).unwrap().parse().unwrap()
    };
    for t in ["PER", "ORG", "LOC", "MISC"] {
        assert!(f1(t) > 0.75, "{t}: {out}");
    }
    assert!(f1("overall") >= 0.88, "{out}");
    assert!(out.contains("(216 documents)"), "{out}");
}

#[test]
fn eval_ner_reports_bad_input_with_file_and_line() {
    let dir = workdir();
    std::fs::write(
        dir.path().join("bad.conll"),
        "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP B-WHAT\n",
    )
    .unwrap();
    let out = run(dir.path(), &["eval", "ner", "--conll", "bad.conll"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.conll:4") && err.contains("B-WHAT"),
        "{err}"
    );
    let out = run(dir.path(), &["eval", "ner", "--conll", "missing.conll"]);
    assert!(!out.status.success() && text(&out.stderr).contains("missing.conll"));
}

#[test]
fn training_is_reproducible_and_learns() {
    let Some(train_path) = corpus("conll2003/eng.train") else {
        return;
    };
    let Some(dev_path) = corpus("conll2003/eng.testa") else {
        return;
    };
    let mut docs = conll::read(&train_path).unwrap();
    docs.truncate(150);
    let mut dev = conll::read(&dev_path).unwrap();
    dev.truncate(40);
    let options = train::Options {
        bits: 16,
        max_epochs: 3,
        patience: 1,
        folds: 2,
        seed: 7,
    };
    let a = train::train(&docs, &dev, &options, &mut |_| {}).unwrap();
    let b = train::train(&docs, &dev, &options, &mut |_| {}).unwrap();
    assert_eq!(a.model, b.model, "same data and seed, same bytes");
    // A model from a sixth of the data is far from the target but far above chance.
    assert!(a.dev.f1() > 0.5, "{}", a.dev.table());
    let tagger = Tagger::from_bytes(&a.model).unwrap();
    let mut score = conll::Score::default();
    for d in &dev {
        score.add(
            &d.gold,
            &tagger.label(&d.words(), &d.sentences),
            &d.sentences,
        );
    }
    assert_eq!(score, a.dev, "the saved model scores as training reported");
    assert!(Tagger::from_bytes(&a.model[..a.model.len() / 2]).is_err());
}

#[test]
fn bench_reports_tokens_per_second() {
    let Some(allsides) = corpus("allsides-37k.jsonl.gz") else {
        return;
    };
    let out = ok(
        &repo(),
        &[
            "eval",
            "ner",
            "--bench",
            allsides.to_str().unwrap(),
            "--limit",
            "200",
        ],
    );
    assert!(
        out.starts_with("200 articles, ") && out.contains(" tokens/s"),
        "{out}"
    );
    let rate: f64 = out
        .split(" = ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(rate > 0.0, "{out}");
}

#[test]
fn odd_input_never_panics_and_offsets_stay_valid() {
    let tagger = Tagger::embedded().unwrap();
    let long_word = "A".repeat(5000);
    let many_names = "Kim Jong Un ".repeat(400);
    let inputs = [
        "",
        " ",
        "'",
        "’s",
        "n't",
        "...",
        "…",
        "\u{200b}",
        "-",
        "--",
        "“”",
        "'90s",
        "U.S.",
        "al-",
        "al-Assad's",
        "Ünïcödé Çafé in Zürich, Köln und Genf.",
        "مرحبا بشار الأسد في دمشق",
        "🇰🇵 Kim 🚀 launched",
        "e\u{301}cole Paris",
        "ALL CAPS HEADLINE FROM PYONGYANG",
        "a\tb\nc\r\nd",
        long_word.as_str(),
        many_names.as_str(),
        "1,000.5 - 3:30 p.m. on 2/3/17",
    ];
    for text in inputs {
        for m in tagger.tag(text) {
            assert_eq!(cut(text, m.start, m.end), m.text, "{text:?}");
        }
        for d in dates::extract(text, Some("2018-06-03")) {
            assert_eq!(cut(text, d.start, d.end), d.text, "{text:?}");
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        // Sentences that do not cover the words are read as one sentence.
        assert_eq!(
            tagger.label(&words, std::slice::from_ref(&(0..1))).len(),
            words.len()
        );
    }
    assert!(dates::extract("June 12", Some("2018-13-45"))
        .iter()
        .all(|d| d.value.is_none()));
}
