//! Issue #20: a description ("the Delaware Democrat", "the Kentucky Republican") is no name.
//! It never becomes the alias, nor the quote speaker, of a person the article does not tie to
//! it, however near that person is named. Text written for these tests.

mod common;

use common::*;

/// Loads `text` (written for the test) as one article into a new database in `dir`.
fn load_text(dir: &std::path::Path, text: &str) -> rusqlite::Connection {
    std::fs::write(dir.join("article.txt"), text).unwrap();
    ok(dir, &["load", "article.txt"]);
    open(&dir.join("corpus.db"))
}

/// (speaker text, speaker entity name or "") of every quote.
fn speakers(conn: &rusqlite::Connection) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT coalesce(q.speaker_text, ''), coalesce(e.name, '') FROM quotes q \
             LEFT JOIN entities e ON e.id = q.speaker_entity_id ORDER BY q.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn issue_20_a_place_and_party_description_is_no_alias_of_the_nearest_person() {
    let dir = workdir();
    let conn = load_text(
        dir.path(),
        "Senators trade barbs over the budget\n\n\
         Senator Joe Biden spoke in Wilmington on Tuesday about the budget.\n\n\
         President Donald Trump answered him hours later from the White House, calling the plan a disaster.\n\n\
         \"We will not back down on this,\" the Delaware Democrat said.\n\n\
         Trump said the talks would go on.\n",
    );
    let quotes = speakers(&conn);
    assert!(
        quotes
            .iter()
            .any(|(text, _)| text == "the Delaware Democrat"),
        "the quote is found with its speaker as written: {quotes:?}"
    );
    assert!(
        !quotes.iter().any(|(_, name)| name == "Donald Trump"),
        "the nearest person is not the Delaware Democrat: {quotes:?}"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entity_aliases WHERE alias LIKE '%Delaware Democrat%'"
        ),
        0,
        "a description is no alias"
    );
    // Donald Trump keeps his own spellings only.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM entity_aliases a JOIN entities e ON e.id = a.entity_id \
             WHERE e.name = 'Donald Trump' AND a.alias NOT IN ('Donald Trump', 'Trump')"
        ),
        0
    );
}

#[test]
fn issue_20_a_description_the_article_ties_to_a_person_still_names_them() {
    let dir = workdir();
    let conn = load_text(
        dir.path(),
        "Budget talks stall\n\n\
         Governor Ann Kerr met Senator Tom Vale in Frankfort on Monday.\n\n\
         Mayor Bill Ruiz said later that the city would wait.\n\n\
         \"We will not sign this budget,\" the Kentucky senator said.\n",
    );
    let quotes = speakers(&conn);
    assert!(
        quotes
            .iter()
            .any(|(text, name)| text == "the Kentucky senator" && name == "Tom Vale"),
        "the only senator named is the Kentucky senator: {quotes:?}"
    );
}
