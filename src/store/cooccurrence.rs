//! The co-occurrence rollup, `cooccurrence_counts`: for each pair of entities mentioned in
//! one paragraph, the paragraphs, sentences and articles they share, plus each entity's own
//! totals (the row pairing it with itself). The writer adds each article's pairs as it
//! stores the article and takes a replaced article's away, and merging entities by alias
//! rules moves the pairs of the merged entities to the entity they join, so the table is
//! exact after every load without a pass over the corpus; counting a pair in SQL over all
//! mentions takes longer than the rest of a load.
//!
//! [`Rollup`] also carries the report rollups' changes ([`super::rollups`]): every place that
//! adds, takes away or merges an article's co-occurrences moves its share of those too.

use std::collections::HashMap;

use rusqlite::{named_params, Connection};

use super::rollups::{Facts, Rollups};
use crate::Result;

/// One mention as the rollup sees it: paragraph id, sentence position, entity id.
pub type Unit = (i64, Option<i64>, i64);

/// Counts waiting to be added to the table: (entity, other) with entity ≤ other →
/// [paragraphs, sentences, articles], negative for an article taken away.
#[derive(Default)]
pub struct Rollup {
    deltas: HashMap<(i64, i64), [i64; 3]>,
    reports: Rollups,
}

impl Rollup {
    /// Counts one article's mentions in (`sign` 1) or out (`sign` -1).
    pub fn add_article(&mut self, units: &mut [Unit], sign: i64) {
        self.add_pairs(units, sign, |_| true);
    }

    fn add_pairs(&mut self, units: &mut [Unit], sign: i64, keep: impl Fn((i64, i64)) -> bool) {
        for ((entity, other), [paragraphs, sentences]) in
            pairs(units).into_iter().filter(|&(pair, _)| keep(pair))
        {
            let d = self.deltas.entry((entity, other)).or_default();
            d[0] += sign * paragraphs;
            d[1] += sign * sentences;
            d[2] += sign;
        }
    }

    /// Counts an article already stored out before it is deleted, in every rollup.
    pub fn remove_stored(&mut self, conn: &Connection, article_id: i64) -> Result<()> {
        let mut units = stored_units(conn, article_id)?;
        self.add_article(&mut units, -1);
        self.reports.remove_stored(conn, article_id)
    }

    /// Counts an article just stored into the report rollups, from the share the writer
    /// gathered as it inserted the rows (its co-occurrences are counted by
    /// [`Rollup::add_article`], also from what the writer has at hand).
    pub fn add_to_reports(&mut self, facts: &Facts) {
        self.reports.add_new(facts);
    }

    /// The report rollups' changes, for a change to stored articles that is not a merge of
    /// entities (blocks set aside).
    pub fn reports(&mut self) -> &mut Rollups {
        &mut self.reports
    }

    /// Counts what merging the entities `from` into `into` changes in a stored article,
    /// read before the merge: its pairs of those entities out, and in again as `into`'s.
    /// No other pair changes (counting them out and in again would hold every pair of a
    /// large merge's articles in memory for nothing).
    pub fn add_merge(
        &mut self,
        conn: &Connection,
        article_id: i64,
        from: &[i64],
        into: i64,
    ) -> Result<()> {
        if let Some(before) = Facts::read(conn, article_id)? {
            self.reports.change(&before, &before.merged(from, into));
        }
        let mut units = stored_units(conn, article_id)?;
        let changes = |(entity, other): (i64, i64)| {
            [entity, other]
                .iter()
                .any(|id| *id == into || from.contains(id))
        };
        self.add_pairs(&mut units, -1, changes);
        for unit in &mut units {
            if from.contains(&unit.2) {
                unit.2 = into;
            }
        }
        self.add_pairs(&mut units, 1, changes);
        Ok(())
    }

    /// Writes the waiting counts into the table, in key order (the table's), and drops the
    /// pairs no stored article has any more; then the report rollups' changes.
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        self.reports.flush(conn)?;
        let mut deltas: Vec<_> = self.deltas.drain().filter(|(_, d)| *d != [0; 3]).collect();
        deltas.sort_unstable_by_key(|&(key, _)| key);
        let mut add = conn.prepare_cached(include_str!("sql/add_cooccurrence.sql"))?;
        let mut drop_empty =
            conn.prepare_cached(include_str!("sql/drop_empty_cooccurrence.sql"))?;
        for ((entity_id, other_id), [paragraphs, sentences, articles]) in deltas {
            add.execute(named_params! {
                ":entity_id": entity_id, ":other_id": other_id,
                ":paragraphs": paragraphs, ":sentences": sentences, ":articles": articles,
            })?;
            if paragraphs < 0 {
                drop_empty
                    .execute(named_params! { ":entity_id": entity_id, ":other_id": other_id })?;
            }
        }
        Ok(())
    }
}

/// A stored article's mentions as (paragraph, sentence, entity).
fn stored_units(conn: &Connection, article_id: i64) -> Result<Vec<Unit>> {
    let mut stmt = conn.prepare_cached(include_str!("sql/article_mentions.sql"))?;
    let units = stmt
        .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<Unit>, _>>()?;
    Ok(units)
}

/// The pairs among one article's mentions, each once with entity ≤ other (an entity pairs
/// with itself too: its own totals), with the paragraphs and sentences they share.
///
/// ```
/// use corpusdb::store::cooccurrence::pairs;
/// // Paragraph 10: entities 1 and 2 in sentence 0, entity 1 again in sentence 1.
/// // Paragraph 11: entities 2 and 3 in different sentences.
/// let mut units = vec![(10, Some(0), 1), (10, Some(0), 2), (10, Some(1), 1), (11, Some(0), 2), (11, Some(1), 3)];
/// let mut found = pairs(&mut units);
/// found.sort();
/// assert_eq!(found, [((1, 1), [1, 2]), ((1, 2), [1, 1]), ((2, 2), [2, 2]), ((2, 3), [1, 0]), ((3, 3), [1, 1])]);
/// ```
pub fn pairs(units: &mut [Unit]) -> Vec<((i64, i64), [i64; 2])> {
    // By paragraph, then entity, then sentence: each paragraph's entities in order, each
    // with its sorted, distinct sentences.
    units.sort_unstable_by_key(|&(paragraph, sentence, entity)| (paragraph, entity, sentence));
    let mut found: HashMap<(i64, i64), [i64; 2]> = HashMap::new();
    let mut rest = &units[..];
    while let Some(&(paragraph, _, _)) = rest.first() {
        let end = rest
            .iter()
            .position(|u| u.0 != paragraph)
            .unwrap_or(rest.len());
        let (here, next) = rest.split_at(end);
        rest = next;
        let mut entities: Vec<(i64, Vec<Option<i64>>)> = Vec::new();
        for &(_, sentence, entity) in here {
            match entities.last_mut() {
                Some((e, sentences)) if *e == entity => {
                    if sentences.last() != Some(&sentence) {
                        sentences.push(sentence);
                    }
                }
                _ => entities.push((entity, vec![sentence])),
            }
        }
        for (i, (entity, mine)) in entities.iter().enumerate() {
            for (other, theirs) in &entities[i..] {
                let shared = mine
                    .iter()
                    .filter(|s| theirs.binary_search(s).is_ok())
                    .count() as i64;
                let counts = found.entry((*entity, *other)).or_default();
                counts[0] += 1;
                counts[1] += shared;
            }
        }
    }
    found.into_iter().collect()
}
