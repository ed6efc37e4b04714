//! The baseline a user could write in an afternoon (issue #21), to compare grouping with:
//! TF-IDF over each article's title and text (scikit-learn's defaults: words of two or more
//! letters or digits, lower-cased, no stop words, raw counts × smooth idf, unit length), and
//! each article, in order of publication, joins the group of its most similar earlier
//! article when their cosine reaches [`THRESHOLD`] within [`DAYS`] days, or starts its own.
//! Undated articles come last and meet only undated ones (all of them: nothing tells them
//! apart in time), so a corpus with no dates (ECB+) is compared whole.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::Result;

/// Fixed in advance by the issue, not tuned.
pub const THRESHOLD: f64 = 0.3;
pub const DAYS: i64 = 3;

struct Doc {
    external_id: String,
    day: Option<i64>,
    /// (term, weight), unit length.
    vector: Vec<(u32, f32)>,
}

/// Groups the database's articles as the baseline does: external id → group number.
pub fn group(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT a.external_id, CAST(julianday(substr(a.published_at, 1, 10)) AS INTEGER),
                group_concat(p.text, char(10))
         FROM articles a JOIN paragraphs p ON p.article_id = a.id
         WHERE a.external_id IS NOT NULL AND p.kind IN ('title', 'dek', 'body')
         GROUP BY a.id ORDER BY a.id",
    )?;
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    // (external id, day, (term, count) sorted by term).
    type Counted = (String, Option<i64>, Vec<(u32, u32)>);
    let mut raw: Vec<Counted> = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text: String = row.get::<_, Option<String>>(2)?.unwrap_or_default();
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| w.chars().count() >= 2)
        {
            let next = ids.len() as u32;
            let id = *ids.entry(word.to_lowercase()).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            *counts.entry(id).or_default() += 1;
        }
        for id in counts.keys() {
            df[*id as usize] += 1;
        }
        let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        raw.push((row.get(0)?, row.get(1)?, counts));
    }
    let n = raw.len() as f64;
    let mut docs: Vec<Doc> = raw
        .into_iter()
        .map(|(external_id, day, counts)| {
            let mut vector: Vec<(u32, f32)> = counts
                .into_iter()
                .map(|(t, c)| {
                    let idf = ((1.0 + n) / (1.0 + f64::from(df[t as usize]))).ln() + 1.0;
                    (t, (f64::from(c) * idf) as f32)
                })
                .collect();
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            Doc {
                external_id,
                day,
                vector,
            }
        })
        .collect();
    // By day, undated last; the stored order among equals.
    docs.sort_by_key(|d| (d.day.is_none(), d.day));
    // Postings in processing order: (doc, weight) per term.
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    let mut group_of: Vec<u32> = Vec::with_capacity(docs.len());
    let mut scores: Vec<f32> = vec![0.0; docs.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (at, doc) in docs.iter().enumerate() {
        for &(t, w) in &doc.vector {
            let list = &postings[t as usize];
            // Earlier docs in the window are a suffix of the list (docs come by day).
            let start = list.partition_point(|&(d, _)| !in_window(&docs[d as usize], doc));
            for &(d, w2) in &list[start..] {
                if scores[d as usize] == 0.0 {
                    touched.push(d);
                }
                scores[d as usize] += w * w2;
            }
        }
        let best = touched
            .iter()
            .map(|&d| (scores[d as usize], d))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let group = match best {
            Some((s, d)) if f64::from(s) >= THRESHOLD => group_of[d as usize],
            _ => at as u32,
        };
        group_of.push(group);
        for d in touched.drain(..) {
            scores[d as usize] = 0.0;
        }
        for &(t, w) in &doc.vector {
            postings[t as usize].push((at as u32, w));
        }
    }
    Ok(docs
        .into_iter()
        .zip(group_of)
        .map(|(d, g)| (d.external_id, g.to_string()))
        .collect())
}

/// Whether an earlier doc can meet this one: both dated within [`DAYS`], or both undated.
/// Monotone along a term's postings (docs come by day, undated last), as the search needs.
fn in_window(earlier: &Doc, doc: &Doc) -> bool {
    match (earlier.day, doc.day) {
        (Some(a), Some(b)) => b - a <= DAYS,
        (None, None) => true,
        (Some(_), None) => false,
        (None, Some(_)) => true,
    }
}
