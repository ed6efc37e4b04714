//! Stories: articles about the same event, grouped after each load or merge has written.
//!
//! The articles waiting for their story (this load's, and any a killed run left) are placed
//! one by one in a sweep by day of publication (articles of one day in the order they were
//! stored), among the stories of their window only: the articles already grouped that were
//! published within [`Settings::window_days`] of them, earlier loads' and this one's alike.
//! What passes out of the window is dropped, so memory holds a few days of articles however
//! large the load, and the time to place one article does not grow with the database.
//!
//! An article is compared by its story features (`link::story`): what carries across
//! outlets' framing (entities by kind, days named in the text, numbers, quotations) and the
//! salient words of its title and lead above those of its body, each weighted by how rare it
//! is in the corpus (`story_terms`). It then
//! - joins the story of an article whose text it **copies** (MinHash resemblance of 5-word
//!   shingles at least [`COPY`], found through LSH bands): wire copy, syndication, a
//!   republished piece, recorded as `copy_of`;
//! - else joins the story it is closest to **as a whole**: the cosine with the story's
//!   centroid (the sum of its members' vectors), less [`Settings::per_day`] for each day
//!   between them, must reach [`Settings::join`] ([`Settings::quote_join`] when it quotes
//!   what a member quotes: the same statement), and the story must have begun within
//!   [`Settings::story_days`] of it. An article close to one member
//!   of a large story but not to the rest does not join it, so stories do not chain from one
//!   development to the next;
//! - else starts a story of its own.
//!
//! Undated articles come last and meet only the last [`UNDATED`] undated articles: nothing
//! places them in time, compared with the whole corpus one would pull stories of other years
//! together, and the bound keeps their cost per article flat. A small corpus with no dates at
//! all (ECB+) is compared whole. One that meets no undated story looks up the dated stories
//! kept in brief in memory (`digests`: those the sweep passed, and those of the last
//! `SEED` dated articles of earlier loads) and joins the closest as a whole when it is close
//! enough and half its members agree (`MEMBER_JOIN`); the lookup is bounded, so its cost
//! does not grow with the database either. `vectors` holds the arithmetic of term vectors.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use rusqlite::{params, Connection};

use crate::link::story::resemblance;
use crate::Result;
use digests::Digests;
use vectors::{bands, cosine, lookup_terms};

mod digests;
mod vectors;
mod window;

/// Shingle resemblance from which an article is a copy of another.
pub const COPY: f64 = 0.8;
/// Undated articles an undated article meets: the last this many grouped (stored) before it.
/// Nothing else places them in time, so the bound keeps their cost per article flat; a corpus
/// with no dates smaller than this (ECB+, 982) is still compared whole.
pub const UNDATED: usize = 1_000;
/// Grouped dated articles of other days whose stories a load's undated articles may join
/// (`Digests`), the last by day.
const SEED: usize = 20_000;
/// Cosine with a member from which it counts as agreeing that an undated article joins its
/// dated story (half of `digests::JOIN`).
const MEMBER_JOIN: f64 = 0.125;
/// Articles at each end of a sweep whose placing is timed ([`Timing`]).
pub const TIMED: usize = 5_000;

/// How close is close enough, and how far in time a story reaches.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Cosine with a story's centroid from which an article joins it.
    pub join: f64,
    /// Articles published this many days apart or less can meet.
    pub window_days: i64,
    /// A story spans this many days from its first at most.
    pub story_days: i64,
    /// Taken from the cosine for each day between the article and the story's first day:
    /// the further apart, the more the evidence must say.
    pub per_day: f64,
    /// Cosine with a story's centroid from which an article that quotes what one of its
    /// members quotes joins it (the same words quoted: the same statement).
    pub quote_join: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            join: 0.20,
            window_days: 3,
            story_days: 3,
            per_day: 0.0,
            quote_join: 0.10,
        }
    }
}

/// How long placing articles took: all of them, the first [`TIMED`] and the last.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timing {
    pub placed: usize,
    pub total: Duration,
    pub first: Duration,
    pub last: Duration,
    /// Articles in memory at most (in the window at once).
    pub peak_docs: usize,
}

/// Groups every article waiting for its story, and brings the counts of the stories that
/// changed (and of those that lost an article since) up to date.
pub fn assign(conn: &Connection) -> Result<Timing> {
    assign_with(conn, &Settings::default())
}

/// [`assign`] with other settings.
pub fn assign_with(conn: &Connection, settings: &Settings) -> Result<Timing> {
    let mut touched: HashSet<i64> = conn
        .prepare(include_str!("../sql/stale_stories.sql"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut grouping = Grouping::new(conn, *settings)?;
    let pending = grouping.pending(conn)?;
    let mut timing = Timing::default();
    if pending.is_empty() && touched.is_empty() {
        return Ok(timing);
    }
    let context = grouping.context(conn, &pending)?;
    grouping.seed(conn, &pending)?;
    let mut next = 0;
    let mut took = Vec::with_capacity(pending.len());
    for p in &pending {
        let started = Instant::now();
        next = grouping.advance(conn, p.day, &context, next)?;
        touched.insert(grouping.place(conn, p)?);
        took.push(started.elapsed());
        timing.peak_docs = timing.peak_docs.max(grouping.docs.len());
    }
    timing.placed = took.len();
    timing.total = took.iter().sum();
    timing.first = took.iter().take(TIMED).sum();
    timing.last = took.iter().rev().take(TIMED).sum();
    let ids = serde_json::to_string(&touched.into_iter().collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    conn.execute(include_str!("../sql/update_stories.sql"), [&ids])?;
    conn.execute(include_str!("../sql/drop_empty_stories.sql"), [&ids])?;
    Ok(timing)
}

/// Undoes every story and groups all articles again (after an upgrade of the grouping).
pub fn regroup(conn: &Connection, settings: &Settings) -> Result<Timing> {
    conn.execute_batch(include_str!("../sql/ungroup.sql"))?;
    assign_with(conn, settings)
}

/// An article waiting for its story.
struct Pending {
    article_id: i64,
    day: Option<i64>,
}

/// An article in the window: grouped already, or being grouped.
struct Doc {
    article_id: i64,
    story_id: i64,
    copy_of: Option<i64>,
    day: Option<i64>,
    /// (term id, weight), sorted by term id, unit length.
    vector: Vec<(u32, f32)>,
    signature: Vec<u32>,
}

/// A story in the window: the sum of its members' vectors, and its first day.
struct Story {
    sum: Vec<(u32, f32)>,
    norm: f64,
    first_day: Option<i64>,
    /// Its undated docs in the window.
    undated: usize,
}

/// What an article joined, and why.
struct Placement {
    story_id: Option<i64>,
    evidence: &'static str,
    matched: Option<i64>,
    similarity: Option<f64>,
    copy_of: Option<i64>,
}

struct Grouping {
    settings: Settings,
    /// Term ids, and in how many grouped articles each term occurs.
    term_ids: HashMap<String, u32>,
    df: Vec<u32>,
    /// Whether each term is a quotation's (`"hash`).
    quotation: Vec<bool>,
    articles: f64,
    /// The window's docs by slot, and the slots of each day (undated: `None`).
    docs: HashMap<u32, Doc>,
    next_slot: u32,
    days: BTreeMap<Option<i64>, Vec<u32>>,
    stories: HashMap<i64, Story>,
    /// Docs that have a term among their lookup terms, by (term, day).
    terms: Index<u32>,
    /// Docs by ((band number, band hash), day).
    bands: Index<(usize, u64)>,
    /// Whether undated articles wait: then the dated stories the sweep passes are kept in
    /// brief for them.
    undated_waiting: bool,
    digests: Digests,
}

/// The window's docs (slots) by key and day (`None`: undated).
type Index<K> = HashMap<(K, Option<i64>), Vec<u32>>;

/// What `story_articles` holds for a stored article: its terms, signature, story and copy.
struct Stored {
    terms: String,
    signature: Vec<u32>,
    story_id: Option<i64>,
    copy_of: Option<i64>,
}

impl Grouping {
    /// Loads the terms' document frequencies.
    fn new(conn: &Connection, settings: Settings) -> Result<Grouping> {
        let mut grouping = Grouping {
            settings,
            term_ids: HashMap::new(),
            df: Vec::new(),
            quotation: Vec::new(),
            articles: 0.0,
            docs: HashMap::new(),
            next_slot: 0,
            days: BTreeMap::new(),
            stories: HashMap::new(),
            terms: HashMap::new(),
            bands: HashMap::new(),
            undated_waiting: false,
            digests: Digests::default(),
        };
        let mut terms = conn.prepare(include_str!("../sql/story_terms.sql"))?;
        let mut rows = terms.query([])?;
        while let Some(row) = rows.next()? {
            let id = grouping.term_id(row.get(0)?);
            grouping.df[id as usize] = row.get::<_, i64>(1)?.clamp(0, i64::from(u32::MAX)) as u32;
        }
        Ok(grouping)
    }

    fn term_id(&mut self, term: String) -> u32 {
        let next = self.term_ids.len() as u32;
        let quotation = term.starts_with('"');
        let id = *self.term_ids.entry(term).or_insert(next);
        if id == next {
            self.df.push(0);
            self.quotation.push(quotation);
        }
        id
    }

    /// "term:count ..." as `story_articles` stores it, as (term id, count).
    fn parse_terms(&mut self, text: &str) -> Vec<(u32, u32)> {
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
        let mut stmt = conn.prepare(include_str!("../sql/pending_stories.sql"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            for (id, _) in self.parse_terms(&row.get::<_, String>(2)?) {
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
        let mut add_term = conn.prepare_cached(include_str!("../sql/add_story_term.sql"))?;
        for &(id, n) in &added {
            add_term.execute(params![names.get(&id).copied().unwrap_or_default(), n])?;
        }
        for (id, n) in added {
            self.df[id as usize] = self.df[id as usize].saturating_add(n as u32);
        }
        self.articles =
            conn.query_row(include_str!("../sql/count_story_articles.sql"), [], |r| {
                r.get::<_, i64>(0)
            })? as f64;
        Ok(pending)
    }

    /// Finds the pending article's story, stores its row, and returns the story.
    fn place(&mut self, conn: &Connection, p: &Pending) -> Result<i64> {
        let Stored {
            terms, signature, ..
        } = self.stored(conn, p.article_id)?;
        let terms = self.parse_terms(&terms);
        let vector = self.vector(&terms);
        let mut placement = self
            .copy(&signature, p.day)
            .unwrap_or_else(|| self.closest(p.day, &vector));
        if p.day.is_none() && placement.story_id.is_none() {
            for (score, story_id) in self.digests.closest(&vector) {
                if let Some(matched) = self.most_members(conn, story_id, &vector)? {
                    placement = Placement {
                        story_id: Some(story_id),
                        evidence: "text",
                        matched: Some(matched),
                        similarity: Some(score.min(1.0)),
                        copy_of: None,
                    };
                    break;
                }
            }
        }
        let story_id = match placement.story_id {
            Some(id) => id,
            None => {
                conn.prepare_cached(include_str!("../sql/new_story.sql"))?
                    .execute([])?;
                conn.last_insert_rowid()
            }
        };
        conn.prepare_cached(include_str!("../sql/set_story.sql"))?
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
            day: p.day,
            vector,
            signature,
        });
        Ok(story_id)
    }

    /// The member of a story most similar to a unit vector, if at least half its members
    /// reach [`MEMBER_JOIN`] with it (read back: only when an undated article is close to a
    /// dated story as a whole). A large story's centroid keeps what all its members share,
    /// the topic, and draws any article on the topic; its members do not.
    fn most_members(
        &mut self,
        conn: &Connection,
        story_id: i64,
        vector: &[(u32, f32)],
    ) -> Result<Option<i64>> {
        let mut stmt = conn.prepare_cached(include_str!("../sql/story_members.sql"))?;
        let members: Vec<(i64, String)> = stmt
            .query_map([story_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let (mut best, mut agree): (Option<(f64, i64)>, usize) = (None, 0);
        for (article_id, terms) in &members {
            let terms = self.parse_terms(terms);
            let c = cosine(vector, &self.vector(&terms));
            agree += usize::from(c >= MEMBER_JOIN);
            if best.is_none_or(|(b, _)| c > b) {
                best = Some((c, *article_id));
            }
        }
        Ok(best
            .filter(|_| 2 * agree >= members.len())
            .map(|(_, id)| id))
    }

    /// Whether a vector has a quotation's term that a story's sum has.
    fn shares_quotation(&self, vector: &[(u32, f32)], sum: &[(u32, f32)]) -> bool {
        vector.iter().any(|(id, _)| {
            self.quotation.get(*id as usize).copied().unwrap_or(false)
                && sum.binary_search_by_key(id, |(t, _)| *t).is_ok()
        })
    }

    /// The doc of the window this signature copies, if any: the most resembling one (the
    /// earliest grouped among equals).
    fn copy(&self, signature: &[u32], day: Option<i64>) -> Option<Placement> {
        let candidates = self.candidates(&self.bands, bands(signature).into_iter(), day);
        let mut best: Option<(f64, u32)> = None;
        for slot in candidates {
            let Some(doc) = self.docs.get(&slot) else {
                continue;
            };
            let r = resemblance(signature, &doc.signature);
            if r >= COPY && best.is_none_or(|(b, _)| r > b) {
                best = Some((r, slot));
            }
        }
        let (r, slot) = best?;
        let doc = self.docs.get(&slot)?;
        Some(Placement {
            story_id: Some(doc.story_id),
            evidence: "copy",
            matched: Some(doc.article_id),
            similarity: Some(r),
            copy_of: Some(doc.copy_of.unwrap_or(doc.article_id)),
        })
    }

    /// The story of the window closest to the article as a whole (its centroid), if close
    /// enough and begun recently enough.
    fn closest(&self, day: Option<i64>, vector: &[(u32, f32)]) -> Placement {
        let alone = Placement {
            story_id: None,
            evidence: "first",
            matched: None,
            similarity: None,
            copy_of: None,
        };
        let candidates = self.candidates(&self.terms, lookup_terms(vector).into_iter(), day);
        // Each candidate story, with its member most similar to the article.
        // Each candidate story, with its member most similar to the article.
        let mut stories: BTreeMap<i64, (f64, i64)> = BTreeMap::new();
        for slot in candidates {
            let Some(doc) = self.docs.get(&slot) else {
                continue;
            };
            let c = cosine(vector, &doc.vector);
            let best = stories.entry(doc.story_id).or_insert((c, doc.article_id));
            if c > best.0 {
                *best = (c, doc.article_id);
            }
        }
        let mut best: Option<(f64, i64, i64)> = None;
        for (story_id, (_, matched)) in stories {
            let Some(story) = self.stories.get(&story_id) else {
                continue; // begun too long ago
            };
            if let (Some(day), Some(first)) = (day, story.first_day) {
                if (day - first).abs() > self.settings.story_days {
                    continue;
                }
            }
            if story.norm <= 0.0 {
                continue;
            }
            let apart = match (day, story.first_day) {
                (Some(day), Some(first)) => (day - first).abs() as f64,
                _ => 0.0,
            };
            let score = cosine(vector, &story.sum) / story.norm - self.settings.per_day * apart;
            let bar = if self.shares_quotation(vector, &story.sum) {
                self.settings.quote_join.min(self.settings.join)
            } else {
                self.settings.join
            };
            if score >= bar && best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, story_id, matched));
            }
        }
        match best {
            Some((score, story_id, matched)) => Placement {
                story_id: Some(story_id),
                evidence: "text",
                matched: Some(matched),
                similarity: Some(score.min(1.0)),
                copy_of: None,
            },
            _ => alone,
        }
    }
}

/// Takes `slot` out of the index entry `key` (and the entry when it is left empty).
fn unlist<K: std::hash::Hash + Eq + Copy>(index: &mut Index<K>, key: (K, Option<i64>), slot: u32) {
    if let Some(slots) = index.get_mut(&key) {
        slots.retain(|&s| s != slot);
        if slots.is_empty() {
            index.remove(&key);
        }
    }
}
