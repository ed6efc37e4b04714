//! Stories: articles about the same event, grouped at the end of each load.
//!
//! Each new article (and each stored one that has no story yet, such as those a killed load
//! left) is placed in turn, by day of publication (undated articles last, articles of the same
//! day in the order they were stored), among the articles already grouped, this load's and
//! earlier loads' alike. Earlier loads' articles take part when they were published within
//! [`WINDOW_DAYS`] of this load's first and last days, or have no date (all of them, when an
//! article waiting has no date):
//! - a **copy** repeats another article's text (MinHash resemblance of 5-word shingles at
//!   least [`COPY`], candidates found through LSH bands): wire copy, syndication, a
//!   republished piece. It joins that article's story and records `copy_of`;
//! - else its salient terms (title, body and entity terms, weighted by how rare they are in
//!   the corpus, `story_terms`) are compared by cosine with those of the articles published
//!   within [`WINDOW_DAYS`] of it (an article with no date, or a candidate with none, is
//!   compared whatever the dates), with a bonus when both carry the same quotation (a quote
//!   cluster); it joins the story of the most similar article when that reaches [`SIMILAR`]
//!   (for a dated article, only a story whose first day is at most [`STORY_DAYS`] from its
//!   own), or starts a story of its own.
//!
//! Grouping at the end of a load, rather than article by article, weighs terms with the
//! frequencies of the whole corpus so far, and places articles by date rather than in the
//! order they arrive: within a load, the order of the input decides only among articles of
//! the same day.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::link::story::{fnv1a, resemblance, SIGNATURE};
use crate::model::StoryFeatures;
use crate::Result;

/// Articles published this many days apart or less can be one story.
pub const WINDOW_DAYS: i64 = 3;
/// A story spans this many days at most: later articles start a story of their own.
pub const STORY_DAYS: i64 = 3;
/// Term cosine from which two articles are one story.
pub const SIMILAR: f64 = 0.35;
/// Shingle resemblance from which an article is a copy of another.
pub const COPY: f64 = 0.8;
/// Added to the cosine of two articles that carry the same quotation.
const QUOTE_BONUS: f64 = 0.15;
/// Terms of an article that look up candidates (the heaviest); all of them are compared.
const LOOKUP_TERMS: usize = 12;
/// LSH: the signature cut into bands of this many hashes; sharing one band makes a candidate.
const BAND: usize = 4;

/// An article waiting for its story. Its terms and signature are read again when it is
/// placed: held for every pending article at once, they took tens of megabytes after a
/// large first load.
struct Pending {
    article_id: i64,
    day: Option<i64>,
}

/// An article in the comparison: grouped already, or being grouped.
struct Doc {
    article_id: i64,
    story_id: i64,
    copy_of: Option<i64>,
    day: Option<i64>,
    /// (term id, weight), sorted by term id, unit length.
    vector: Vec<(u32, f32)>,
    signature: Vec<u32>,
    clusters: Vec<i64>,
}

/// What an article joined, and why.
struct Placement {
    story_id: Option<i64>,
    evidence: &'static str,
    matched: Option<i64>,
    similarity: Option<f64>,
    copy_of: Option<i64>,
}

/// Stores what grouping will compare for a stored article; its story follows when the load
/// ends ([`assign`]). Kept in the database, not in memory, so a load of any size holds none
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

/// Groups every article waiting for its story, and brings the counts of the stories that
/// changed (and of `touched`, stories that lost a replaced article) up to date.
pub fn assign(conn: &Connection, touched: &HashSet<i64>) -> Result<()> {
    let mut grouping = Grouping::new(conn)?;
    let pending = grouping.pending(conn)?;
    if pending.is_empty() && touched.is_empty() {
        return Ok(());
    }
    grouping.load_context(conn, &pending)?;
    let mut touched = touched.clone();
    for p in pending {
        touched.insert(grouping.place(conn, p)?);
    }
    let ids = serde_json::to_string(&touched.into_iter().collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    conn.execute(include_str!("sql/update_stories.sql"), [&ids])?;
    conn.execute(include_str!("sql/drop_empty_stories.sql"), [&ids])?;
    Ok(())
}

/// The signature as `story_articles` stores it: 32 little-endian u32.
fn signature(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

struct Grouping {
    /// Term ids, and in how many grouped articles each term occurs.
    term_ids: HashMap<String, u32>,
    df: Vec<u32>,
    articles: f64,
    docs: Vec<Doc>,
    /// The earliest day of each story seen: a story spans [`STORY_DAYS`] at most.
    first_day: HashMap<i64, i64>,
    /// Docs that have a term among their lookup terms: by (term id, day) for dated docs, by
    /// term for undated ones, and by term for all (which undated articles look up).
    dated: Postings<(u32, i64)>,
    undated: Postings<u32>,
    all: Postings<u32>,
    /// (band number, band hash) → docs.
    bands: Postings<(usize, u64)>,
}

/// Docs by key, each key's docs chained through one shared list. Most keys have one doc or
/// two: a vector per key cost more than its docs (about 90 MB for these indexes after a
/// 37k-article load, against 30 MB chained).
struct Postings<K> {
    heads: HashMap<K, u32>,
    /// (doc, the key's previous link or [`END`]).
    links: Vec<(u32, u32)>,
}

const END: u32 = u32::MAX;

impl<K: std::hash::Hash + Eq> Postings<K> {
    fn new() -> Self {
        Postings {
            heads: HashMap::new(),
            links: Vec::new(),
        }
    }

    fn push(&mut self, key: K, doc: usize) {
        let link = self.links.len() as u32;
        let previous = self.heads.insert(key, link).unwrap_or(END);
        self.links.push((doc as u32, previous));
    }

    /// The key's docs, the latest first.
    fn get(&self, key: &K) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.heads.get(key).copied().unwrap_or(END);
        std::iter::from_fn(move || {
            let &(doc, previous) = self.links.get(at as usize)?;
            at = previous;
            Some(doc as usize)
        })
    }
}

impl Grouping {
    /// Loads the terms' document frequencies.
    fn new(conn: &Connection) -> Result<Grouping> {
        let mut grouping = Grouping {
            term_ids: HashMap::new(),
            df: Vec::new(),
            articles: 0.0,
            docs: Vec::new(),
            first_day: HashMap::new(),
            dated: Postings::new(),
            undated: Postings::new(),
            all: Postings::new(),
            bands: Postings::new(),
        };
        let mut terms = conn.prepare(include_str!("sql/story_terms.sql"))?;
        let mut rows = terms.query([])?;
        while let Some(row) = rows.next()? {
            let id = grouping.term_id(row.get(0)?);
            grouping.df[id as usize] = row.get::<_, i64>(1)?.clamp(0, i64::from(u32::MAX)) as u32;
        }
        Ok(grouping)
    }

    fn term_id(&mut self, term: String) -> u32 {
        let next = self.term_ids.len() as u32;
        let id = *self.term_ids.entry(term).or_insert(next);
        if id == next {
            self.df.push(0);
        }
        id
    }

    /// "term:count ..." as `story_articles` stores it, as (term id, count).
    fn terms(&mut self, text: &str) -> Vec<(u32, u32)> {
        text.split_whitespace()
            .filter_map(|t| {
                let (term, count) = t.rsplit_once(':')?;
                let count = count.parse().ok()?;
                Some((self.term_id(term.to_string()), count))
            })
            .collect()
    }

    /// The articles waiting for their story, in order of publication; their terms are
    /// counted into `story_terms` and the frequencies.
    fn pending(&mut self, conn: &Connection) -> Result<Vec<Pending>> {
        let mut pending = Vec::new();
        let mut added: HashMap<u32, i64> = HashMap::new();
        let mut stmt = conn.prepare(include_str!("sql/pending_stories.sql"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            for (id, _) in self.terms(&row.get::<_, String>(2)?) {
                *added.entry(id).or_default() += 1;
            }
            pending.push(Pending {
                article_id: row.get(0)?,
                day: row.get(1)?,
            });
        }
        let names: HashMap<u32, &str> = self
            .term_ids
            .iter()
            .filter(|(_, id)| added.contains_key(id))
            .map(|(t, &id)| (id, t.as_str()))
            .collect();
        let mut added: Vec<(u32, i64)> = added.into_iter().collect();
        added.sort_unstable();
        let mut add_term = conn.prepare_cached(include_str!("sql/add_story_term.sql"))?;
        for &(id, n) in &added {
            add_term.execute(params![names.get(&id).copied().unwrap_or_default(), n])?;
        }
        for (id, n) in added {
            self.df[id as usize] = self.df[id as usize].saturating_add(n as u32);
        }
        self.articles = conn.query_row(include_str!("sql/count_story_articles.sql"), [], |r| {
            r.get::<_, i64>(0)
        })? as f64;
        Ok(pending)
    }

    /// The grouped articles the pending ones can meet: those published within the window of
    /// their days, and the undated ones (all of them, when one pending article is undated).
    fn load_context(&mut self, conn: &Connection, pending: &[Pending]) -> Result<()> {
        let days: Vec<i64> = pending.iter().filter_map(|p| p.day).collect();
        let (from, to) = if days.len() < pending.len() {
            (i64::MIN, i64::MAX)
        } else {
            (
                days.iter().min().map_or(i64::MAX, |d| d - WINDOW_DAYS),
                days.iter().max().map_or(i64::MIN, |d| d + WINDOW_DAYS),
            )
        };
        let mut near = conn.prepare(include_str!("sql/story_context.sql"))?;
        let mut rows = near.query(params![from, to])?;
        let mut clusters = conn.prepare_cached(include_str!("sql/article_clusters.sql"))?;
        while let Some(row) = rows.next()? {
            let article_id: i64 = row.get(0)?;
            let terms = self.terms(&row.get::<_, String>(4)?);
            let doc = Doc {
                article_id,
                story_id: row.get(1)?,
                copy_of: row.get(2)?,
                day: row.get(3)?,
                vector: self.vector(&terms),
                signature: signature(&row.get::<_, Vec<u8>>(5)?),
                clusters: clusters
                    .query_map([article_id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?,
            };
            self.add(doc);
        }
        Ok(())
    }

    /// The unit vector of an article's terms: (1 + ln count) × idf.
    fn vector(&self, terms: &[(u32, u32)]) -> Vec<(u32, f32)> {
        let mut vector: Vec<(u32, f64)> = terms
            .iter()
            .map(|&(id, count)| {
                let df = f64::from(self.df.get(id as usize).copied().unwrap_or(0));
                let idf = ((self.articles + 1.0) / (df + 1.0)).ln() + 1.0;
                (id, (1.0 + f64::from(count.max(1)).ln()) * idf)
            })
            .collect();
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        vector.sort_by_key(|(id, _)| *id);
        vector.dedup_by_key(|(id, _)| *id);
        vector.into_iter().map(|(id, w)| (id, w as f32)).collect()
    }

    fn add(&mut self, doc: Doc) {
        let at = self.docs.len();
        if let Some(day) = doc.day {
            let first = self.first_day.entry(doc.story_id).or_insert(day);
            *first = (*first).min(day);
        }
        for id in lookup_terms(&doc.vector) {
            match doc.day {
                Some(day) => self.dated.push((id, day), at),
                None => self.undated.push(id, at),
            }
            self.all.push(id, at);
        }
        for band in bands(&doc.signature) {
            self.bands.push(band, at);
        }
        self.docs.push(doc);
    }

    /// Finds the pending article's story, stores its row, and returns the story.
    fn place(&mut self, conn: &Connection, p: Pending) -> Result<i64> {
        let day = p.day;
        let (terms, signature) = conn
            .prepare_cached(include_str!("sql/story_features_of.sql"))?
            .query_row([p.article_id], |r| {
                Ok((r.get::<_, String>(0)?, signature(&r.get::<_, Vec<u8>>(1)?)))
            })?;
        let terms = self.terms(&terms);
        let vector = self.vector(&terms);
        let clusters: Vec<i64> = conn
            .prepare_cached(include_str!("sql/article_clusters.sql"))?
            .query_map([p.article_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let placement = self
            .copy(&signature)
            .unwrap_or_else(|| self.similar(day, &vector, &clusters));
        let story_id = match placement.story_id {
            Some(id) => id,
            None => {
                conn.prepare_cached(include_str!("sql/new_story.sql"))?
                    .execute([])?;
                conn.last_insert_rowid()
            }
        };
        conn.prepare_cached(include_str!("sql/set_story.sql"))?
            .execute(params![
                p.article_id,
                story_id,
                placement.evidence,
                placement.matched,
                placement.similarity,
                placement.copy_of,
            ])?;
        self.add(Doc {
            article_id: p.article_id,
            story_id,
            copy_of: placement.copy_of,
            day,
            vector,
            signature,
            clusters,
        });
        Ok(story_id)
    }

    /// The grouped article this signature copies, if any: the most resembling one (the
    /// earliest grouped among equals).
    fn copy(&self, signature: &[u32]) -> Option<Placement> {
        let mut candidates: Vec<usize> = bands(signature)
            .iter()
            .flat_map(|band| self.bands.get(band))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, usize)> = None;
        for at in candidates {
            let r = resemblance(signature, &self.docs[at].signature);
            if r >= COPY && best.is_none_or(|(b, _)| r > b) {
                best = Some((r, at));
            }
        }
        let (r, at) = best?;
        let doc = &self.docs[at];
        Some(Placement {
            story_id: Some(doc.story_id),
            evidence: "copy",
            matched: Some(doc.article_id),
            similarity: Some(r),
            copy_of: Some(doc.copy_of.unwrap_or(doc.article_id)),
        })
    }

    /// The story of the most similar grouped article within the window (any, for an undated
    /// article or an undated candidate: nothing tells them apart in time), if similar enough.
    fn similar(&self, day: Option<i64>, vector: &[(u32, f32)], clusters: &[i64]) -> Placement {
        let alone = Placement {
            story_id: None,
            evidence: "first",
            matched: None,
            similarity: None,
            copy_of: None,
        };
        let mut candidates = HashSet::new();
        for id in lookup_terms(vector) {
            let Some(day) = day else {
                candidates.extend(self.all.get(&id));
                continue;
            };
            for d in day - WINDOW_DAYS..=day + WINDOW_DAYS {
                candidates.extend(self.dated.get(&(id, d)));
            }
            candidates.extend(self.undated.get(&id));
        }
        let mut best: Option<(f64, bool, usize)> = None;
        let mut candidates: Vec<usize> = candidates.into_iter().collect();
        candidates.sort_unstable();
        for at in candidates {
            let doc = &self.docs[at];
            // Chained day after day, similar articles would make a topic of a story.
            if let (Some(day), Some(&first)) = (day, self.first_day.get(&doc.story_id)) {
                if (day - first).abs() > STORY_DAYS {
                    continue;
                }
            }
            let cosine = cosine(vector, &doc.vector);
            // A shared quotation ties articles of the same days; years apart it is a citation.
            let quoted = day.is_some()
                && doc.day.is_some()
                && doc.clusters.iter().any(|c| clusters.contains(c));
            let score = cosine + if quoted { QUOTE_BONUS } else { 0.0 };
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, quoted && cosine < SIMILAR, at));
            }
        }
        match best {
            Some((score, by_quote, at)) if score >= SIMILAR => {
                let doc = &self.docs[at];
                Placement {
                    story_id: Some(doc.story_id),
                    evidence: if by_quote { "quote" } else { "text" },
                    matched: Some(doc.article_id),
                    similarity: Some(score.min(1.0)),
                    copy_of: None,
                }
            }
            _ => alone,
        }
    }
}

/// The heaviest terms of a unit vector, which look up candidates.
fn lookup_terms(vector: &[(u32, f32)]) -> Vec<u32> {
    let mut terms: Vec<(u32, f32)> = vector.to_vec();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    terms
        .into_iter()
        .take(LOOKUP_TERMS)
        .map(|(id, _)| id)
        .collect()
}

/// Cosine of two unit vectors sorted by term id.
fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The LSH bands of a full signature (none for an empty one).
fn bands(signature: &[u32]) -> Vec<(usize, u64)> {
    if signature.len() != SIGNATURE {
        return Vec::new();
    }
    signature
        .chunks(BAND)
        .enumerate()
        .map(|(n, band)| (n, fnv1a(band.iter().flat_map(|x| x.to_le_bytes()))))
        .collect()
}

/// The Julian day number of an ISO date's first ten characters.
fn julian_day(date: Option<&str>) -> Option<i64> {
    let date = chrono::NaiveDate::parse_from_str(date?.get(..10)?, "%Y-%m-%d").ok()?;
    Some(i64::from(chrono::Datelike::num_days_from_ce(&date)) + 1_721_425)
}

/// The story of a stored article, if it has one (before it is replaced).
pub fn story_of(conn: &Connection, article_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(include_str!("sql/story_of.sql"))?
        .query_row([article_id], |r| r.get(0))
        .optional()?)
}
