//! The user's alias file (`--aliases`, issue #5) and the co-occurrence rollup it has to keep
//! exact: rules merge and split stored entities, persist for later loads, and bad files are
//! refused with their line.

mod common;

use common::*;

fn fixture(name: &str) -> String {
    fixtures().join("aliases").join(name).display().to_string()
}

/// (kind, name) of the entity of every mention written `text`, sorted and deduplicated.
fn entities_of(conn: &rusqlite::Connection, text: &str) -> Vec<String> {
    strings(conn, &format!(
        "SELECT DISTINCT e.kind || ':' || e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.text = '{text}' ORDER BY 1"
    ))
}

/// news.jsonl in `dir`: one article a body, numbered from 0, all from one outlet and day.
fn write_news(dir: &std::path::Path, bodies: &[String]) {
    let lines: Vec<String> = bodies.iter().enumerate().map(|(n, body)| {
        serde_json::json!({ "id": format!("a{n}"), "source": "Example News", "date": "2021-03-04", "title": format!("Budget talks, day {n}"), "body": body }).to_string()
    }).collect();
    std::fs::write(dir.join("news.jsonl"), lines.join("\n")).unwrap();
}

fn assert_rollup_exact(conn: &rusqlite::Connection) {
    let wrong = cooccurrence_mismatches(conn);
    assert!(
        wrong.is_empty(),
        "cooccurrence_counts differs from a fresh count (entity, other, kept, fresh): {wrong:?}"
    );
    assert!(
        count(
            conn,
            "SELECT count(*) FROM cooccurrence_counts WHERE entity_id < other_id"
        ) > 0
    );
}

#[test]
fn alias_rules_merge_and_split_stored_entities_and_later_loads_follow_them() {
    let d = workdir();
    let d = d.path();
    ok(
        d,
        &["--db", "c.db", "load", "--quiet", &fixture("news.jsonl")],
    );
    let conn = open(&d.join("c.db"));
    // Before: "Trump" alone is an entity of its own, Georgia is the country.
    assert_eq!(
        entities_of(&conn, "Trump"),
        ["person:Donald Trump", "person:Trump"]
    );
    assert_eq!(entities_of(&conn, "Georgia"), ["place:Georgia"]);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entities WHERE key = 'georgia' AND country = 'GE'"
        ),
        1
    );
    assert_rollup_exact(&conn);

    let said = ok(
        d,
        &[
            "--db",
            "c.db",
            "reclassify",
            "--aliases",
            &fixture("aliases.tsv"),
        ],
    );
    assert!(
        said.contains("alias rules stored") && said.contains("entities merged"),
        "{said}"
    );
    assert_eq!(entities_of(&conn, "Trump"), ["person:Donald Trump"]);
    assert_eq!(
        entities_of(&conn, "Georgia"),
        ["place:Georgia (U.S. state)"]
    );
    assert_eq!(
        entities_of(&conn, "NYT"),
        ["org:New York Times"],
        "the rule's spelling of the name wins"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entities WHERE key IN ('trump', 'georgia')"
        ),
        0,
        "merged entities are gone"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entities WHERE name = 'Georgia (U.S. state)' AND country IS NULL"
        ),
        1
    );
    // Quotes follow their speaker; aliases are kept on the entity.
    assert_eq!(strings(&conn, "SELECT DISTINCT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id WHERE q.speaker_text = 'Trump'"), ["Donald Trump"]);
    assert_eq!(strings(&conn, "SELECT alias FROM entity_aliases x JOIN entities e ON e.id = x.entity_id WHERE e.name = 'Donald Trump' ORDER BY alias"), ["Donald J. Trump", "Donald Trump", "Trump"]);
    assert_eq!(strings(&conn, "SELECT name || ' <- ' || alias || ' (' || origin || ')' FROM entity_rules WHERE key = 'trump'"),
        [format!("Donald Trump <- Trump ({}:2)", fixture("aliases.tsv"))]);
    assert_rollup_exact(&conn);
    let with = ok(
        d,
        &[
            "--db",
            "c.db",
            "report",
            "cooccurrence",
            "--param",
            "name=Trump",
            "--format",
            "csv",
        ],
    );
    assert!(
        with.lines()
            .any(|l| l.starts_with("Georgia (U.S. state),place,")),
        "{with}"
    );

    // A later load, without --aliases, follows the stored rules from its first mention.
    ok(
        d,
        &["--db", "c.db", "load", "--quiet", &fixture("later.jsonl")],
    );
    assert_eq!(entities_of(&conn, "Trump"), ["person:Donald Trump"]);
    assert_eq!(
        entities_of(&conn, "Georgia"),
        ["place:Georgia (U.S. state)"]
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entities WHERE key IN ('trump', 'georgia')"
        ),
        0
    );
    assert_rollup_exact(&conn);

    // Replacing an article takes its pairs out of the rollup before adding the new ones.
    ok(
        d,
        &[
            "--db",
            "c.db",
            "load",
            "--quiet",
            "--replace",
            &fixture("news_updated.jsonl"),
        ],
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 3);
    assert_rollup_exact(&conn);
    let entity = ok(
        d,
        &[
            "--db",
            "c.db",
            "report",
            "entity",
            "--param",
            "name=Trump",
            "--format",
            "csv",
        ],
    );
    assert!(
        entity.contains(
            "quote by,person: Donald Trump,\"This is a great state (Other Daily, 2020-01-07)\""
        ),
        "{entity}"
    );
    assert!(
        entity.contains("with,person: Donald Trump,person: Brian Kemp"),
        "{entity}"
    );

    // A merge carries the rules: the output maps the names the same way, now and later.
    ok(d, &["merge", "--quiet", "out.db", "c.db"]);
    let out = open(&d.join("out.db"));
    assert_eq!(entities_of(&out, "Trump"), ["person:Donald Trump"]);
    assert_eq!(
        count(&out, "SELECT count(*) FROM entity_rules"),
        count(&conn, "SELECT count(*) FROM entity_rules")
    );
    assert_rollup_exact(&out);
}

#[test]
fn a_load_with_aliases_applies_them_from_its_first_article() {
    let d = workdir();
    let d = d.path();
    let said = ok(
        d,
        &[
            "--db",
            "c.db",
            "load",
            "--aliases",
            &fixture("aliases.tsv"),
            &fixture("news.jsonl"),
            &fixture("later.jsonl"),
        ],
    );
    assert!(
        said.contains("aliases: 7 rules stored, 0 entities merged"),
        "{said}"
    );
    let conn = open(&d.join("c.db"));
    assert_eq!(entities_of(&conn, "Trump"), ["person:Donald Trump"]);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entities WHERE key IN ('trump', 'georgia')"
        ),
        0
    );
    assert_rollup_exact(&conn);
}

#[test]
fn a_bad_alias_file_is_refused_with_its_line_and_nothing_is_loaded() {
    let d = workdir();
    let d = d.path();
    std::fs::write(
        d.join("bad.tsv"),
        "person\tDonald Trump\tTrump\npersn\tKemp\n",
    )
    .unwrap();
    let out = run(
        d,
        &[
            "--db",
            "c.db",
            "load",
            "--aliases",
            "bad.tsv",
            &fixture("news.jsonl"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.tsv:2: unknown kind 'persn'"), "{err}");
    assert!(
        !d.join("c.db").exists(),
        "nothing is written when the rules are refused"
    );
    let out = run(
        d,
        &[
            "--db",
            "c.db",
            "load",
            "--aliases",
            "missing.tsv",
            &fixture("news.jsonl"),
        ],
    );
    assert!(
        text(&out.stderr).contains("reading aliases from missing.tsv"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_surname_the_corpus_gives_to_one_person_joins_that_person_and_an_ambiguous_one_stays_apart() {
    let d = workdir();
    let d = d.path();
    let mut bodies = Vec::new();
    // Jane Whitfield is the only Whitfield named in full; two Rahimis share theirs.
    for n in 0..60 {
        bodies.push(format!("Senator Jane Whitfield said on Tuesday that the budget talks had reached stage {n}. Whitfield added that a vote could come soon."));
    }
    for n in 60..100 {
        let first = if n % 2 == 0 { "Hafez" } else { "Bashar" };
        bodies.push(format!("Minister {first} Rahimi met the delegation for round {n} of the talks. Rahimi spoke for an hour."));
    }
    for n in 100..110 {
        bodies.push(format!("On Monday, Senator Whitfield and Minister Rahimi spoke by telephone about item {n} of the budget, officials said."));
    }
    // Standing alone, the surname as the tagger may read another kind.
    for n in 110..116 {
        bodies.push(format!("The Whitfield Plan, item {n}, would cut the deficit, according to the Whitfield campaign."));
    }
    write_news(d, &bodies);
    ok(d, &["--db", "c.db", "load", "--quiet", "news.jsonl"]);
    let conn = open(&d.join("c.db"));
    assert_eq!(
        entities_of(&conn, "Whitfield"),
        ["person:Jane Whitfield"],
        "the bare surname joins the one person of that name"
    );
    // Two people share the other surname: where an article gives no full name, it stays apart.
    let alone = strings(&conn, "SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN paragraphs p ON p.id = m.paragraph_id
                                JOIN articles a ON a.id = p.article_id WHERE m.text = 'Rahimi' AND CAST(substr(a.external_id, 2) AS INTEGER) >= 100");
    assert_eq!(alone, ["Rahimi"]);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entity_rules WHERE key = 'rahimi'"
        ),
        0
    );
    let origin: String = conn
        .query_row(
            "SELECT origin FROM entity_rules WHERE key = 'whitfield' AND only_kind IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        origin.starts_with("corpus: Jane Whitfield has 100% of the"),
        "{origin}"
    );
    assert_rollup_exact(&conn);
    // A user's rule for the name is never replaced by what the corpus says.
    std::fs::write(
        d.join("mine.tsv"),
        "person\tWhitfield (unknown)\tWhitfield\n",
    )
    .unwrap();
    ok(d, &["--db", "c.db", "reclassify", "--aliases", "mine.tsv"]);
    ok(
        d,
        &["--db", "c.db", "load", "--quiet", "--replace", "news.jsonl"],
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT name FROM entity_rules WHERE key = 'whitfield'"
        ),
        ["Whitfield (unknown)"]
    );
}

#[test]
fn a_middle_initial_the_corpus_gives_to_one_person_joins_the_name_without_it() {
    let d = workdir();
    let d = d.path();
    let mut bodies = Vec::new();
    // Some outlets write every name with its middle initial.
    for n in 0..8 {
        bodies.push(format!("Senator Jane K. Whitfield said on Tuesday that the budget talks had reached stage {n}."));
    }
    for n in 8..16 {
        bodies.push(format!(
            "Senator Jane Whitfield said on Wednesday that item {n} of the budget was settled."
        ));
    }
    // Two middle initials for one first and last name: two people, kept apart.
    for n in 16..30 {
        let initial = if n % 2 == 0 { "B." } else { "T." };
        bodies.push(format!("Minister Omar {initial} Rahimi met the delegation for round {n}, and Omar Rahimi of the party spoke later."));
    }
    write_news(d, &bodies);
    ok(d, &["--db", "c.db", "load", "--quiet", "news.jsonl"]);
    let conn = open(&d.join("c.db"));
    assert_eq!(
        entities_of(&conn, "Jane K. Whitfield"),
        ["person:Jane Whitfield"]
    );
    assert_eq!(
        entities_of(&conn, "Jane Whitfield"),
        ["person:Jane Whitfield"]
    );
    let origin: String = conn
        .query_row(
            "SELECT origin FROM entity_rules WHERE key = 'jane k whitfield'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        origin.starts_with("corpus: Jane K. Whitfield is the only middle initial"),
        "{origin}"
    );
    assert_eq!(
        entities_of(&conn, "Omar B. Rahimi"),
        ["person:Omar B. Rahimi"]
    );
    assert_eq!(
        entities_of(&conn, "Omar T. Rahimi"),
        ["person:Omar T. Rahimi"]
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entity_rules WHERE key LIKE 'omar%'"
        ),
        0
    );
    assert_rollup_exact(&conn);
}

#[test]
fn a_name_the_corpus_nearly_always_tags_one_kind_is_that_kind_where_the_tagger_read_it_otherwise() {
    let d = workdir();
    let d = d.path();
    let mut bodies = Vec::new();
    // "Shares of X rose" reads X as a company; everywhere else the corpus has a person.
    for n in 0..25 {
        bodies.push(format!("Austin Whitfield said in Boston on Tuesday that the budget talks had reached stage {n}."));
    }
    for n in 25..29 {
        bodies.push(format!(
            "Shares of Austin Whitfield rose {n} percent in Boston."
        ));
    }
    // Read both ways as often: the corpus cannot tell, and the two stay apart.
    for n in 29..39 {
        bodies.push(format!(
            "Austin Marlowe said in Boston on Wednesday that item {n} of the budget was settled."
        ));
    }
    for n in 39..49 {
        bodies.push(format!(
            "Shares of Austin Marlowe fell {n} percent in Boston."
        ));
    }
    write_news(d, &bodies);
    ok(d, &["--db", "c.db", "load", "--quiet", "news.jsonl"]);
    let conn = open(&d.join("c.db"));
    assert_eq!(
        entities_of(&conn, "Austin Whitfield"),
        ["person:Austin Whitfield"]
    );
    let origin: String = conn
        .query_row(
            "SELECT origin FROM entity_rules WHERE key = 'austin whitfield'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        origin,
        "corpus: Austin Whitfield is a person in 86% of the 29 paragraphs that name it"
    );
    // The mentions keep the kind their articles gave them, for `merge` to learn from again.
    assert_eq!(strings(&conn, "SELECT DISTINCT p.text || ' = ' || m.linked_kind FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE m.linked_kind IS NOT NULL ORDER BY 1"),
        (25..29).map(|n| format!("Shares of Austin Whitfield rose {n} percent in Boston. = org")).collect::<Vec<_>>());
    assert_eq!(
        entities_of(&conn, "Austin Marlowe"),
        ["org:Austin Marlowe", "person:Austin Marlowe"]
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entity_rules WHERE key = 'austin marlowe'"
        ),
        0
    );
    assert_rollup_exact(&conn);
}
