//! Re-loading what is stored (issue #22): a record whose received hash is stored is skipped
//! before it is structured, so a second load of the same file costs only the reading.

mod common;

use common::{count, ok, open, workdir};

/// Regression test for issue #22: the received hash, not the content hash, skips a record
/// an earlier load stored. The stored content hashes are overwritten after the first load:
/// a record that reached the writer would no longer match by content, and would be reported
/// as an id conflict; a record skipped by its received hash never gets there.
#[test]
fn issue_22_reload_skips_stored_records_before_structuring() {
    let dir = workdir();
    // Every record distinct: a record skipped as a copy of another's content in the first
    // load is not stored under its own received hash, and is compared by content again.
    let lines: Vec<String> = (0..60)
        .map(|i| {
            serde_json::json!({
                "id": format!("r{i}"),
                "title": format!("Council meeting number {i} ends in a vote"),
                "text": format!(
                    "The council met for the {i}th time on Tuesday.\n\n\"We will vote on item {i}\", the mayor said."
                ),
            })
            .to_string()
        })
        .collect();
    std::fs::write(dir.path().join("news.jsonl"), lines.join("\n") + "\n").expect("write");
    ok(dir.path(), &["--db", "c.db", "load", "news.jsonl"]);
    let db = dir.path().join("c.db");
    let conn = open(&db);
    let stored = count(&conn, "SELECT count(*) FROM articles");
    assert_eq!(stored, 60, "the first load stores every article");
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT received_hash) FROM articles"),
        stored,
        "every article loaded records its own received hash"
    );
    conn.execute("UPDATE articles SET content_hash = 'changed-' || id", [])
        .expect("overwrite content hashes");
    let errors_before = count(&conn, "SELECT count(*) FROM load_errors");
    drop(conn);

    ok(dir.path(), &["--db", "c.db", "load", "news.jsonl"]);
    let conn = open(&db);
    let (added, updated, skipped): (i64, i64, i64) = conn
        .query_row(
            "SELECT added, updated, skipped FROM loads ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the second load's row");
    assert_eq!((added, updated), (0, 0));
    assert_eq!(skipped, stored);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), stored);
    let new_errors: Vec<String> = common::strings(
        &conn,
        &format!("SELECT message FROM load_errors LIMIT -1 OFFSET {errors_before}"),
    );
    assert!(
        new_errors
            .iter()
            .all(|m| !m.contains("already stored with other content")),
        "stored records reached the writer: {new_errors:?}"
    );
}

/// A record that differs from the stored one in any field is not skipped by its received
/// hash: here its title changed, so it reaches the writer, which finds the id stored with
/// other content.
#[test]
fn issue_22_a_changed_field_is_not_taken_for_stored() {
    let dir = workdir();
    let first = r#"{"id": "a1", "title": "Council votes on the budget", "text": "The council voted on Tuesday to approve the budget after a long debate.\n\nThe mayor said the vote was a relief."}"#;
    std::fs::write(dir.path().join("one.jsonl"), format!("{first}\n")).expect("write");
    ok(dir.path(), &["--db", "c.db", "load", "one.jsonl"]);
    let retitled = first.replace("Council votes on the budget", "Council approves the budget");
    std::fs::write(dir.path().join("two.jsonl"), format!("{retitled}\n")).expect("write");
    ok(dir.path(), &["--db", "c.db", "load", "two.jsonl"]);
    let conn = open(&dir.path().join("c.db"));
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM load_errors WHERE message LIKE '%already stored with other content%'"
        ),
        1,
        "the retitled record was compared by content"
    );
    assert_eq!(
        common::strings(&conn, "SELECT title FROM articles"),
        vec!["Council votes on the budget".to_string()]
    );
}
