//! The window of the sweep (`corpus::stories`): the grouped articles the pending ones can
//! meet, taken in as the sweep reaches their days and dropped as it leaves them, with their
//! index entries; the stories that pass out of it kept in brief (`digests`) when undated
//! articles wait; and the unit vector of an article's terms.

use std::collections::BTreeMap;

use rusqlite::{params, Connection};

use super::vectors::{add_vectors, bands, lookup_terms, norm, signature};
use super::{unlist, Doc, Grouping, Index, Pending, Stored, Story, SEED, UNDATED};
use crate::Result;

impl Grouping {
    /// The grouped articles the pending ones can meet, by day (undated last): ids and days
    /// only; the sweep reads each one's features when it reaches it.
    pub(super) fn context(
        &self,
        conn: &Connection,
        pending: &[Pending],
    ) -> Result<Vec<(i64, Option<i64>)>> {
        let (from, to) = self.reach(pending);
        let mut stmt = conn.prepare(include_str!("../sql/story_context.sql"))?;
        let rows = stmt.query_map(params![from, to, UNDATED as i64], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        let mut context: Vec<(i64, Option<i64>)> = rows.collect::<rusqlite::Result<_>>()?;
        if pending.iter().all(|p| p.day.is_some()) {
            context.retain(|(_, day)| day.is_some());
        }
        Ok(context)
    }

    /// The days the pending articles' windows cover (from > to when none is dated).
    pub(super) fn reach(&self, pending: &[Pending]) -> (i64, i64) {
        let days = pending.iter().filter_map(|p| p.day);
        let w = self.settings.window_days;
        let from = days.clone().min().map_or(i64::MAX, |d| d - w);
        let to = days.max().map_or(i64::MIN, |d| d + w);
        (from, to)
    }

    /// When undated articles wait, keeps the dated stories they may join in brief: those the
    /// sweep passes (as it passes them), and beforehand those of the last [`SEED`] grouped
    /// dated articles of other days (earlier loads').
    pub(super) fn seed(&mut self, conn: &Connection, pending: &[Pending]) -> Result<()> {
        self.undated_waiting = pending.iter().any(|p| p.day.is_none());
        if !self.undated_waiting {
            return Ok(());
        }
        let (from, to) = self.reach(pending);
        let mut sums: BTreeMap<i64, Vec<(u32, f32)>> = BTreeMap::new();
        let mut stmt = conn.prepare(include_str!("../sql/story_seed.sql"))?;
        let mut rows = stmt.query(params![from, to, SEED as i64])?;
        while let Some(row) = rows.next()? {
            let terms = self.parse_terms(&row.get::<_, String>(1)?);
            let vector = self.vector(&terms);
            let sum = sums.entry(row.get(0)?).or_default();
            *sum = add_vectors(sum, &vector);
        }
        for (story_id, sum) in sums {
            self.digests.add(story_id, &sum);
        }
        Ok(())
    }

    /// Moves the window to `day`: drops the docs and stories it has left, and takes in the
    /// grouped articles of `context` (from `next` on) that it reaches. Returns the next
    /// context article to take.
    pub(super) fn advance(
        &mut self,
        conn: &Connection,
        day: Option<i64>,
        context: &[(i64, Option<i64>)],
        mut next: usize,
    ) -> Result<usize> {
        let (w, span) = (self.settings.window_days, self.settings.story_days);
        let gone: Vec<Option<i64>> = match day {
            Some(day) => self
                .days
                .range(Some(i64::MIN)..Some(day - w))
                .map(|(d, _)| *d)
                .collect(),
            // Undated articles meet undated ones only.
            None => self.days.keys().filter(|d| d.is_some()).copied().collect(),
        };
        for d in gone {
            self.evict(d);
        }
        let mut passed = Vec::new();
        let keep_passed = self.undated_waiting;
        self.stories.retain(|&id, s| {
            let keep = match (day, s.first_day) {
                (Some(day), Some(first)) => day - first <= span,
                (None, Some(_)) => false,
                _ => true,
            };
            if !keep && keep_passed && s.first_day.is_some() {
                passed.push((id, std::mem::take(&mut s.sum)));
            }
            keep
        });
        passed.sort_unstable_by_key(|(id, _)| *id);
        for (id, sum) in passed {
            self.digests.add(id, &sum);
        }
        while let Some(&(article_id, at)) = context.get(next) {
            let reached = match (at, day) {
                (Some(at), Some(day)) => at <= day + w,
                (None, Some(_)) => false,
                (_, None) => true,
            };
            if !reached {
                break;
            }
            next += 1;
            let too_old = matches!((at, day), (Some(at), Some(day)) if at < day - w)
                || (at.is_some() && day.is_none());
            if too_old {
                continue;
            }
            let stored = self.stored(conn, article_id)?;
            let Some(story_id) = stored.story_id else {
                continue;
            };
            let terms = self.parse_terms(&stored.terms);
            let vector = self.vector(&terms);
            self.add(Doc {
                article_id,
                story_id,
                copy_of: stored.copy_of,
                day: at,
                vector,
                signature: stored.signature,
            });
        }
        Ok(next)
    }

    pub(super) fn stored(&self, conn: &Connection, article_id: i64) -> Result<Stored> {
        Ok(conn
            .prepare_cached(include_str!("../sql/story_features_of.sql"))?
            .query_row([article_id], |r| {
                Ok(Stored {
                    terms: r.get(0)?,
                    signature: signature(&r.get::<_, Vec<u8>>(1)?),
                    story_id: r.get(2)?,
                    copy_of: r.get(3)?,
                })
            })?)
    }

    /// Drops a day's docs and their index entries.
    pub(super) fn evict(&mut self, day: Option<i64>) {
        for slot in self.days.remove(&day).unwrap_or_default() {
            let Some(doc) = self.docs.remove(&slot) else {
                continue;
            };
            for id in lookup_terms(&doc.vector) {
                self.terms.remove(&(id, day));
            }
            for band in bands(&doc.signature) {
                self.bands.remove(&(band, day));
            }
        }
    }

    /// Keeps the last [`UNDATED`] undated docs: drops the oldest one and its index entries,
    /// and its story when no undated doc of it is left.
    pub(super) fn bound_undated(&mut self) {
        let Some(slots) = self.days.get_mut(&None) else {
            return;
        };
        if slots.len() <= UNDATED {
            return;
        }
        let slot = slots.remove(0);
        let Some(doc) = self.docs.remove(&slot) else {
            return;
        };
        for id in lookup_terms(&doc.vector) {
            unlist(&mut self.terms, (id, None), slot);
        }
        for band in bands(&doc.signature) {
            unlist(&mut self.bands, (band, None), slot);
        }
        if let Some(story) = self.stories.get_mut(&doc.story_id) {
            story.undated = story.undated.saturating_sub(1);
            if story.undated == 0 && story.first_day.is_none() {
                self.stories.remove(&doc.story_id);
            }
        }
    }

    /// The unit vector of an article's terms: (1 + ln count) × idf.
    pub(super) fn vector(&self, terms: &[(u32, u32)]) -> Vec<(u32, f32)> {
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

    pub(super) fn add(&mut self, doc: Doc) {
        let slot = self.next_slot;
        self.next_slot = self.next_slot.wrapping_add(1);
        for id in lookup_terms(&doc.vector) {
            self.terms.entry((id, doc.day)).or_default().push(slot);
        }
        for band in bands(&doc.signature) {
            self.bands.entry((band, doc.day)).or_default().push(slot);
        }
        let story = self.stories.entry(doc.story_id).or_insert(Story {
            sum: Vec::new(),
            norm: 0.0,
            first_day: doc.day,
            undated: 0,
        });
        if doc.day.is_none() {
            story.undated += 1;
        }
        story.first_day = match (story.first_day, doc.day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        story.sum = add_vectors(&story.sum, &doc.vector);
        story.norm = norm(&story.sum);
        let day = doc.day;
        self.days.entry(day).or_default().push(slot);
        self.docs.insert(slot, doc);
        if day.is_none() {
            self.bound_undated();
        }
    }

    /// The window's docs that share a key with this article, in the order they came.
    pub(super) fn candidates<K: std::hash::Hash + Eq + Copy>(
        &self,
        index: &Index<K>,
        keys: impl Iterator<Item = K>,
        day: Option<i64>,
    ) -> Vec<u32> {
        let w = self.settings.window_days;
        let days: Vec<Option<i64>> = match day {
            Some(day) => (day - w..=day + w).map(Some).collect(),
            None => vec![None],
        };
        let mut found: Vec<u32> = keys
            .flat_map(|k| days.iter().map(move |d| (k, *d)))
            .filter_map(|key| index.get(&key))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}
