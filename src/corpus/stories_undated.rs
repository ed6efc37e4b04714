//! Where an undated article that meets no undated story looks next: the dated stories whose
//! articles' titles its heaviest words find (`articles_fts`, best bm25 first, a few at most).
//! Nothing places it in time, so it is compared with those stories as a whole (the centroid
//! of their members) and joins the closest from [`JOIN`], a stricter bar than within a
//! window. The lookup is an index query per article: its cost and memory do not grow with the
//! corpus (`corpus::stories` holds no more than the window). Reads only.

use rusqlite::Connection;

use crate::Result;

/// Cosine with a dated story's centroid from which an undated article joins it.
pub const JOIN: f64 = 0.25;
/// Words of the article that make the title query.
const QUERY_WORDS: usize = 8;
/// Titles the query reads at most.
const CANDIDATES: i64 = 20;

/// The title query of an article's stored terms ("term:count …"): its plain words of most
/// weight (count × `rarity`, so that a word every title has neither finds nor costs much),
/// each quoted, any of them; none when it has no plain word.
///
/// ```
/// # use corpusdb::corpus::stories_undated::title_query;
/// let terms = "@person:ilhan_omar:8 omar:6 #2019:2 tweet:4 \"a1b2:4 apologizes:2 says:6";
/// let rarity = |w: &str| if w == "says" { 0.1 } else { 1.0 };
/// assert_eq!(title_query(terms, &rarity).as_deref(), Some("\"omar\" OR \"tweet\" OR \"apologizes\" OR \"says\""));
/// assert_eq!(title_query("@org:fbi:3 #20:1", &rarity), None);
/// ```
pub fn title_query(terms: &str, rarity: &dyn Fn(&str) -> f64) -> Option<String> {
    let mut words: Vec<(&str, f64)> = terms
        .split_whitespace()
        .filter_map(|t| t.rsplit_once(':'))
        .filter(|(t, _)| !t.is_empty() && t.chars().all(char::is_alphabetic))
        .map(|(t, n)| (t, n.parse::<f64>().unwrap_or(1.0) * rarity(t)))
        .collect();
    words.sort_by(|a, b| b.1.total_cmp(&a.1));
    let words: Vec<String> = words
        .into_iter()
        .take(QUERY_WORDS)
        .map(|(t, _)| format!("\"{t}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" OR "))
}

/// The dated stories whose articles' titles best match `query`, best first, each once.
pub fn dated_stories(conn: &Connection, query: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(include_str!("sql/dated_stories_by_title.sql"))?;
    let rows = stmt.query_map(rusqlite::params![query, CANDIDATES], |r| r.get(0))?;
    let mut stories: Vec<i64> = Vec::new();
    for story in rows {
        let story = story?;
        if !stories.contains(&story) {
            stories.push(story);
        }
    }
    Ok(stories)
}

/// The members of a story: (article id, stored terms).
pub fn members(conn: &Connection, story_id: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(include_str!("sql/story_members.sql"))?;
    let rows = stmt.query_map([story_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
