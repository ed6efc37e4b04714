//! Stories: what the grouping of articles into stories compares, kept per stored article in
//! `story_articles` (its salient terms and MinHash signature, from `link::story`, and its
//! day). The grouping itself is the corpus stage's (`corpus::stories`), run after a load or
//! merge has written: an article's `story_id` stays NULL until then.

use rusqlite::{params, Connection};

use crate::model::StoryFeatures;
use crate::Result;

/// Stores what grouping will compare for a stored article; its story follows when the load
/// has written (`corpus::stories::assign`). Kept in the database, not in memory, so a load of any size holds none
/// of it, and a killed load's articles are grouped by the next one.
pub fn record(
    conn: &Connection,
    article_id: i64,
    published_at: Option<&str>,
    features: &StoryFeatures,
) -> Result<()> {
    let terms: Vec<String> = features
        .terms
        .iter()
        .map(|(t, n)| format!("{t}:{n}"))
        .collect();
    let signature: Vec<u8> = features
        .signature
        .iter()
        .flat_map(|h| h.to_le_bytes())
        .collect();
    conn.prepare_cached(include_str!("sql/insert_story_features.sql"))?
        .execute(params![
            article_id,
            julian_day(published_at),
            terms.join(" "),
            signature
        ])?;
    Ok(())
}

/// Whether a stored article has no story features yet (it was stored before stories).
pub fn unrecorded(conn: &Connection, article_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(include_str!("sql/unstoried.sql"))?
        .query_row([article_id], |r| r.get(0))?)
}

/// The Julian day number of an ISO date's first ten characters.
fn julian_day(date: Option<&str>) -> Option<i64> {
    let date = chrono::NaiveDate::parse_from_str(date?.get(..10)?, "%Y-%m-%d").ok()?;
    Some(i64::from(chrono::Datelike::num_days_from_ce(&date)) + 1_721_425)
}
