//! The normalize stage through the real binary (issue #19): a small damaged export —
//! mojibake (once and twice over), marks lost to `"?`, apostrophes lost to `"`, `<p>` tags,
//! `<q>`, entities, CRLF, no-break and zero-width characters — loads as clean text, with
//! its repairs counted in `article_repairs`, shown by `report article`, the fields as
//! received in `article_received`, and every stored offset still true. A clean article is
//! stored byte for byte and records nothing.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn db(dir: &Path) -> String {
    dir.join("corpus.db").display().to_string()
}

/// UTF-8 read as Windows-1252, as a careless export does.
fn mojibake(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            0x80..=0x9F => {
                const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
                HIGH.chars().nth(usize::from(b - 0x80)).unwrap()
            }
            _ => char::from(b),
        })
        .collect()
}

/// The body the damaged article was before the damage, as it must be stored.
const CLEAN_PARAGRAPHS: [&str; 3] = [
    "The minister\u{2019}s plan for the caf\u{e9}s drew fire on Monday.",
    "\u{201c}It is a worse choice,\u{201d} Sen. Warren said. \u{201c}We don\u{2019}t need it.\u{201d}",
    "Critics called it \u{201c}a disaster\u{201d} & more.",
];

#[test]
fn a_damaged_export_loads_repaired_and_says_what_was_repaired() {
    let dir = workdir();
    let d = dir.path();
    let body = format!(
        "<p>{}</p>\r\n<p>\"?It is a worse choice,\"?Sen. Warren said. \"?We don\"t need it.\"?</p>\r\n<p>Critics called it <q>a\u{a0}disaster</q> &amp; more.\u{200b}</p>",
        mojibake(CLEAN_PARAGRAPHS[0])
    );
    let damaged = serde_json::json!({
        "id": "damaged-1",
        "title": mojibake(&mojibake("The minister\u{2019}s \u{2018}plan\u{2019}")),
        "body": body,
        "source": "Example News",
    });
    let clean = serde_json::json!({
        "id": "clean-1",
        "title": "\"Why?\" she asked",
        "body": "\u{201c}Why?\u{201d} she asked. \"It's fine,\" he said. Who said \"no\"? Nobody.\n\nCaf\u{e9} owners in S\u{e3}o Paulo won't comment.",
        "source": "Example News",
    });
    fs::write(d.join("export.jsonl"), format!("{damaged}\n{clean}\n")).unwrap();
    ok(d, &["--db", &db(d), "load", "export.jsonl"]);
    let conn = open(&d.join("corpus.db"));

    // The stored text is the repaired text, the paragraphs where the <p> tags were.
    let id: i64 = conn
        .query_row(
            "SELECT id FROM articles WHERE external_id = 'damaged-1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let title: String = conn
        .query_row("SELECT title FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(title, "The minister\u{2019}s \u{2018}plan\u{2019}");
    let paragraphs = strings(
        &conn,
        &format!("SELECT text FROM paragraphs WHERE article_id = {id} AND kind <> 'title' ORDER BY position"),
    );
    assert_eq!(paragraphs, CLEAN_PARAGRAPHS);

    // The repairs, counted.
    let repairs = strings(
        &conn,
        &format!("SELECT repair || ' ' || count FROM article_repairs WHERE article_id = {id} ORDER BY repair"),
    );
    assert_eq!(
        repairs,
        [
            "html-break 6",
            "html-entity 1",
            "html-quote 2",
            "line-end 2",
            "lost-apostrophe 1",
            "lost-mark 4",
            "mojibake 5",
            "no-break-space 1",
            "zero-width 1",
        ]
    );
    // The fields as received.
    let received = strings(
        &conn,
        &format!("SELECT field FROM article_received WHERE article_id = {id} ORDER BY field"),
    );
    assert_eq!(received, ["text", "title"]);
    let as_received: String = conn
        .query_row(
            "SELECT text FROM article_received WHERE article_id = ?1 AND field = 'text'",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(as_received, body);

    // `report article` shows the repairs first, then the blocks.
    let report = ok(
        d,
        &[
            "--db",
            &db(d),
            "report",
            "article",
            "-p",
            &format!("id={id}"),
            "--format",
            "csv",
        ],
    );
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "position,kind,language,reason,text");
    assert_eq!(lines[1], ",repair,,html-break,6");
    assert!(lines.contains(&",repair,,mojibake,5"), "{report}");
    assert!(
        report.contains("Sen. Warren said"),
        "the blocks follow the repairs: {report}"
    );

    // Quotes found in the repaired text, and offsets true on the stored text.
    let quotes = strings(&conn, "SELECT text FROM quotes ORDER BY id");
    assert!(
        quotes.iter().any(|q| q.starts_with("It is a worse choice")),
        "{quotes:?}"
    );
    assert!(quotes.iter().all(|q| !q.starts_with('?')), "{quotes:?}");
    for (table, column) in [
        ("quotes", "text"),
        ("mentions", "text"),
        ("date_mentions", "text"),
    ] {
        let wrong = count(
            &conn,
            &format!(
                "SELECT count(*) FROM {table} x JOIN paragraphs p ON p.id = x.paragraph_id
                 WHERE substr(p.text, x.start + 1, x.\"end\" - x.start) <> x.{column}"
            ),
        );
        assert_eq!(wrong, 0, "{table} offsets");
    }
    assert!(sentence_invariant_violations(&conn)
        .iter()
        .all(|(_, n)| *n == 0));

    // The clean article: stored as it came, nothing recorded.
    let clean_id: i64 = conn
        .query_row(
            "SELECT id FROM articles WHERE external_id = 'clean-1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let clean_text = strings(
        &conn,
        &format!("SELECT text FROM paragraphs WHERE article_id = {clean_id} ORDER BY position"),
    );
    assert_eq!(
        clean_text,
        [
            "\"Why?\" she asked",
            "\u{201c}Why?\u{201d} she asked. \"It's fine,\" he said. Who said \"no\"? Nobody.",
            "Caf\u{e9} owners in S\u{e3}o Paulo won't comment.",
        ]
    );
    for table in ["article_repairs", "article_received"] {
        let n = count(
            &conn,
            &format!("SELECT count(*) FROM {table} WHERE article_id = {clean_id}"),
        );
        assert_eq!(n, 0, "{table}");
    }
}

#[test]
fn a_crlf_text_file_loads_like_its_lf_twin() {
    let dir = workdir();
    let d = dir.path();
    let lf = "A title\n\nThe first paragraph, with \u{201c}a quote,\u{201d} he said.\n\nThe second one.\n";
    fs::write(d.join("crlf.txt"), lf.replace('\n', "\r\n")).unwrap();
    ok(d, &["--db", &db(d), "load", "crlf.txt"]);
    let conn = open(&d.join("corpus.db"));
    let texts = strings(&conn, "SELECT text FROM paragraphs ORDER BY position");
    assert_eq!(
        texts,
        [
            "A title",
            "The first paragraph, with \u{201c}a quote,\u{201d} he said.",
            "The second one."
        ]
    );
    let repairs = strings(&conn, "SELECT repair || ' ' || count FROM article_repairs");
    assert_eq!(repairs, ["line-end 5"]);
    // Issue #19: CRLF line ends alone are recoverable from the count; no copy is kept.
    assert_eq!(count(&conn, "SELECT count(*) FROM article_received"), 0);
    // Loading the LF twin adds nothing: the same content.
    fs::write(d.join("lf.txt"), lf).unwrap();
    let out = ok(d, &["--db", &db(d), "load", "lf.txt"]);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 1, "{out}");
}
