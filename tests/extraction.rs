//! Quotes, entities and dates in the stored database: the example articles against
//! expected.json, and the offsets of every span in SQL.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixtures().join("expected.json")).unwrap())
        .unwrap()
}

fn seeds(dir: &Path) -> rusqlite::Connection {
    let db = dir.join("seeds.db");
    ok(
        &repo(),
        &["--db", db.to_str().unwrap(), "load", "tests/fixtures/seeds"],
    );
    open(&db)
}

/// Trims what expected.json leaves off quote texts: edge punctuation and white space.
fn trim_quote(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
}

/// Every span's offsets cut its stored text out of its paragraph.
pub fn span_violations(conn: &rusqlite::Connection) -> Vec<(&'static str, i64)> {
    ["mentions", "quotes", "date_mentions"]
        .into_iter()
        .map(|table| {
            let sql = format!(
                "SELECT count(*) FROM {table} x JOIN paragraphs p ON p.id = x.paragraph_id
                 WHERE x.start < 0 OR x.\"end\" <= x.start OR substr(p.text, x.start + 1, x.\"end\" - x.start) IS NOT x.text"
            );
            (table, count(conn, &sql))
        })
        .collect()
}

/// A stored quote: its text, speaker, cue, via and whether it is partial.
type QuoteRow = (String, Option<String>, Option<String>, Option<String>, bool);

#[test]
fn seed_quotes_have_speaker_cue_via_and_partial() {
    let dir = workdir();
    let conn = seeds(dir.path());
    for (file, article) in expected()["articles"].as_object().unwrap() {
        for q in article["quotes"].as_array().unwrap() {
            let want = q["text"].as_str().unwrap();
            let rows: Vec<QuoteRow> = conn
                .prepare(
                    "SELECT q.text, sp.name, q.cue, v.name, q.partial FROM quotes q
                     JOIN paragraphs p ON p.id = q.paragraph_id JOIN articles a ON a.id = p.article_id
                     LEFT JOIN entities sp ON sp.id = q.speaker_entity_id LEFT JOIN entities v ON v.id = q.via_entity_id
                     WHERE a.external_id = ?1",
                )
                .unwrap()
                .query_map([file], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let found = rows
                .iter()
                .find(|r| trim_quote(&r.0) == want)
                .unwrap_or_else(|| panic!("{file}: no quote {want:?} in {rows:#?}"));
            assert_eq!(
                found.1.as_deref(),
                q["speaker"].as_str(),
                "{file}: speaker of {want:?}"
            );
            assert_eq!(
                found.2.as_deref(),
                q["cue"].as_str(),
                "{file}: cue of {want:?}"
            );
            assert!(
                found
                    .3
                    .as_deref()
                    .is_some_and(|v| v == "KCNA" || v == "Korean Central News Agency"),
                "{file}: via of {want:?}: {:?}",
                found.3
            );
            assert_eq!(
                found.4,
                q["partial"].as_bool().unwrap_or(false),
                "{file}: partial of {want:?}"
            );
        }
    }
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM quotes WHERE text LIKE '%AFP PHOTO%'"
        ),
        0
    );
    for (table, bad) in span_violations(&conn) {
        assert_eq!(bad, 0, "{table}");
    }
}

#[test]
fn the_visit_quote_echoes_across_the_two_articles() {
    let dir = workdir();
    let conn = seeds(dir.path());
    let variants = expected()["cross_article"]["echoed_quote"]["variants"].clone();
    let clusters: Vec<i64> = variants
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            conn.query_row(
                "SELECT cluster_id FROM quotes WHERE rtrim(text, ',') = ?1",
                [v.as_str().unwrap()],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{v}: {e}"))
        })
        .collect();
    assert_eq!(clusters[0], clusters[1]);
    let (articles, first): (i64, i64) = conn
        .query_row(
            "SELECT articles, first_article_id FROM quote_clusters WHERE id = ?1",
            [clusters[0]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(articles, 2);
    assert!(first == 1 || first == 2);
    assert_eq!(
        count(
            &conn,
            &format!(
                "SELECT count(DISTINCT article_id) FROM quote_echoes WHERE cluster_id = {}",
                clusters[0]
            )
        ),
        2
    );
}

#[test]
fn seed_entities_aliases_and_dates() {
    let dir = workdir();
    let conn = seeds(dir.path());
    let expected = expected();
    for (file, article) in expected["articles"].as_object().unwrap() {
        for (kind, names) in article["entities"].as_object().unwrap() {
            for name in names.as_array().unwrap() {
                let name = name.as_str().unwrap();
                // Mentioned in the article's text, or (an outlet) the article's own source.
                let n = conn
                    .query_row(
                        "SELECT (SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN paragraphs p ON p.id = m.paragraph_id
                                 JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND e.kind = ?2 AND e.name = ?3)
                              + (SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.external_id = ?1 AND ?2 = 'org' AND s.name = ?3)",
                        [file.as_str(), kind.as_str(), name],
                        |r| r.get::<_, i64>(0),
                    )
                    .unwrap();
                // A country the article names only by its nationality ("Israeli") is there
                // as the nationality: a misc mention of an entity with the country's code
                // (issue #20), one query away from the place.
                let nationality = kind == "place"
                    && corpusdb::vocab::gazetteer::gazetteer()
                        .lookup(name)
                        .find_map(|e| e.country.clone())
                        .is_some_and(|code| {
                            conn.query_row(
                                "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN paragraphs p ON p.id = m.paragraph_id
                                 JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND m.kind = 'misc' AND e.country = ?2",
                                [file.as_str(), code.as_str()],
                                |r| r.get::<_, i64>(0),
                            )
                            .unwrap()
                                > 0
                        });
                assert!(n > 0 || nationality, "{file}: {kind} {name:?} not found");
            }
        }
        for date in article["dates"].as_array().unwrap() {
            let date = date.as_str().unwrap();
            let n = conn
                .query_row(
                    "SELECT count(*) FROM date_mentions d JOIN paragraphs p ON p.id = d.paragraph_id JOIN articles a ON a.id = p.article_id WHERE a.external_id = ?1 AND d.text = ?2",
                    [file.as_str(), date],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap();
            assert!(n > 0, "{file}: date {date:?} not found");
        }
    }
    // Aliases: a spelling stored as a mention is an alias of its entity in the database; any
    // other (a title with the name, a spelling the articles never use) resolves, through the
    // same linking, to the same name.
    for (name, aliases) in expected["aliases"].as_object().unwrap() {
        let kind: Option<String> = conn
            .query_row("SELECT kind FROM entities WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .ok();
        let Some(kind) = kind else {
            // An outlet known only as a source: its aliases are outlet aliases.
            assert_eq!(
                count(
                    &conn,
                    &format!(
                        "SELECT count(*) FROM sources WHERE name = '{}'",
                        name.replace('\'', "''")
                    )
                ),
                1,
                "{name}"
            );
            for alias in aliases.as_array().unwrap() {
                assert_eq!(
                    corpusdb::text::outlets::canonical(alias.as_str().unwrap()),
                    *name
                );
            }
            continue;
        };
        for alias in aliases.as_array().unwrap() {
            let alias = alias.as_str().unwrap();
            let names = strings(&conn, &format!("SELECT DISTINCT e.name FROM entity_aliases x JOIN entities e ON e.id = x.entity_id WHERE x.alias = '{}'", alias.replace('\'', "''")));
            if !names.is_empty() {
                assert!(
                    names.iter().any(|n| n == name),
                    "alias {alias:?} → {names:?}, want {name:?}"
                );
            } else {
                let kind = match kind.as_str() {
                    "person" => corpusdb::extract::ner::EntityKind::Person,
                    "org" => corpusdb::extract::ner::EntityKind::Org,
                    "place" => corpusdb::extract::ner::EntityKind::Place,
                    _ => corpusdb::extract::ner::EntityKind::Misc,
                };
                let resolved = corpusdb::extract::ner::aliases::resolve(&[(kind, alias)]);
                assert_eq!(
                    resolved[0].name, *name,
                    "alias {alias:?} (not in the articles)"
                );
            }
        }
    }
}
