//! The report rollups of migration V14 (`entity_totals`, `entity_kind_totals`,
//! `entity_days`, `source_days`, `speaker_sources`, `block_counts`), which the views and
//! reports read so that they answer in milliseconds at any size. Each stored article has a
//! share of every rollup ([`Facts`]: gathered by the writer from the rows it inserts, or read
//! back from the stored rows); [`Rollups`] adds an article's
//! share as it is stored, takes it away when the article is replaced, and moves it when
//! merging entities or setting lines aside changes the article (its share before and after),
//! holding the changes of a batch in memory and writing them with the batch, in key order.
//! What a count cannot carry (a first date, an example block) is read again from the stored
//! rows when the article that held it is taken away. [`rebuild`] counts everything again.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

/// Block classes that are the story, not set aside: the boilerplate report shows no example
/// of them, so their rollup keeps none.
const STORY_KINDS: [&str; 3] = ["title", "dek", "body"];

/// One stored article's share of the rollups.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The outlet's id, 0 for none.
    source: i64,
    /// The day of publication ('YYYY-MM-DD'), '' for none.
    day: String,
    published_at: Option<String>,
    words: i64,
    /// Blocks: paragraph id and class.
    blocks: Vec<(i64, String)>,
    /// Mentions: entity id and the mention's kind.
    mentions: Vec<(i64, String)>,
    /// Quotes: the speaker's entity, if one.
    speakers: Vec<Option<i64>>,
}

impl Facts {
    /// An article about to be stored, with no blocks, mentions or quotes yet: the writer
    /// adds each as it inserts it ([`Facts::block`], [`Facts::mention`], [`Facts::quote`]),
    /// so the share equals what [`Facts::read`] would read back, without reading.
    pub fn new(source: Option<i64>, published_at: Option<&str>, words: i64) -> Facts {
        Facts {
            source: source.unwrap_or(0),
            day: published_at
                .map(|d| d.chars().take(10).collect())
                .unwrap_or_default(),
            published_at: published_at.map(str::to_string),
            words,
            ..Facts::default()
        }
    }

    /// A stored block: its paragraph id and class.
    pub fn block(&mut self, paragraph_id: i64, kind: &str) {
        self.blocks.push((paragraph_id, kind.to_string()));
    }

    /// A stored mention: its entity and the mention's kind.
    pub fn mention(&mut self, entity_id: i64, kind: &str) {
        self.mentions.push((entity_id, kind.to_string()));
    }

    /// A stored quote: its speaker's entity, if one.
    pub fn quote(&mut self, speaker: Option<i64>) {
        self.speakers.push(speaker);
    }

    /// Reads a stored article's share (none for an article that is not stored).
    pub fn read(conn: &Connection, article_id: i64) -> Result<Option<Facts>> {
        let Some((source, day, published_at, words)) = conn
            .prepare_cached(include_str!("sql/rollup_article.sql"))?
            .query_row([article_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?
        else {
            return Ok(None);
        };
        let blocks = conn
            .prepare_cached(include_str!("sql/rollup_blocks_of.sql"))?
            .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mentions = conn
            .prepare_cached(include_str!("sql/rollup_mentions_of.sql"))?
            .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let speakers = conn
            .prepare_cached(include_str!("sql/rollup_speakers_of.sql"))?
            .query_map([article_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(Some(Facts {
            source,
            day,
            published_at,
            words,
            blocks,
            mentions,
            speakers,
        }))
    }

    /// The same article with the entities `from` merged into `into`.
    pub fn merged(&self, from: &[i64], into: i64) -> Facts {
        let map = |id: i64| if from.contains(&id) { into } else { id };
        let mut after = self.clone();
        for (entity, _) in &mut after.mentions {
            *entity = map(*entity);
        }
        for speaker in after.speakers.iter_mut().flatten() {
            *speaker = map(*speaker);
        }
        after
    }

    /// Entities mentioned, with their mentions.
    fn entities(&self) -> HashMap<i64, i64> {
        count(self.mentions.iter().map(|(e, _)| *e))
    }

    /// Blocks per class, with the highest paragraph id of each.
    fn classes(&self) -> HashMap<&str, (i64, i64)> {
        let mut found: HashMap<&str, (i64, i64)> = HashMap::new();
        for (id, kind) in &self.blocks {
            let c = found.entry(kind.as_str()).or_insert((0, *id));
            c.0 += 1;
            c.1 = c.1.max(*id);
        }
        found
    }
}

fn count<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> HashMap<K, i64> {
    let mut found = HashMap::new();
    for key in keys {
        *found.entry(key).or_insert(0) += 1;
    }
    found
}

/// Changes to the rollups waiting to be written: counts to add (negative to take away).
#[derive(Default)]
pub struct Rollups {
    /// entity → mentions, articles, first and last date added.
    entities: HashMap<i64, (i64, i64, Option<String>, Option<String>)>,
    kinds: HashMap<(i64, String), [i64; 2]>,
    days: HashMap<(i64, String, String), [i64; 2]>,
    /// (outlet, day) → articles, words, quotes, body paragraphs.
    sources: HashMap<(i64, String), [i64; 4]>,
    /// (speaker, outlet) → quotes, articles.
    speakers: HashMap<(i64, i64), [i64; 2]>,
    /// (outlet, class) → blocks, articles, the highest block id added.
    blocks: HashMap<(i64, String), (i64, i64, Option<i64>)>,
    /// Entities whose first or last date may have been taken away.
    stale_dates: HashSet<i64>,
    /// Classes whose example block may have been taken away.
    stale_examples: HashSet<(i64, String)>,
}

impl Rollups {
    /// Adds the share of an article just stored, as the writer gathered it.
    pub fn add_new(&mut self, facts: &Facts) {
        self.add(facts, 1);
    }

    /// Takes a stored article's share away (it is about to be deleted).
    pub fn remove_stored(&mut self, conn: &Connection, article_id: i64) -> Result<()> {
        if let Some(facts) = Facts::read(conn, article_id)? {
            self.add(&facts, -1);
            self.stale_dates.extend(facts.entities().into_keys());
            for kind in facts.classes().into_keys() {
                self.stale_examples.insert((facts.source, kind.to_string()));
            }
        }
        Ok(())
    }

    /// Replaces an article's share `before` with its share `after` a change in place (merged
    /// entities, blocks set aside).
    pub fn change(&mut self, before: &Facts, after: &Facts) {
        self.add(before, -1);
        self.add(after, 1);
        let kept = after.entities();
        self.stale_dates.extend(
            before
                .entities()
                .into_keys()
                .filter(|e| !kept.contains_key(e)),
        );
        let classes = after.classes();
        for (kind, (blocks, _)) in before.classes() {
            if classes.get(kind).is_none_or(|c| c.0 < blocks) {
                self.stale_examples
                    .insert((before.source, kind.to_string()));
            }
        }
    }

    fn add(&mut self, facts: &Facts, sign: i64) {
        let date = || (sign > 0).then(|| facts.published_at.clone()).flatten();
        for (entity, mentions) in facts.entities() {
            let e = self.entities.entry(entity).or_default();
            e.0 += sign * mentions;
            e.1 += sign;
            if let Some(date) = date() {
                if e.2.as_ref().is_none_or(|d| date < *d) {
                    e.2 = Some(date.clone());
                }
                if e.3.as_ref().is_none_or(|d| date > *d) {
                    e.3 = Some(date);
                }
            }
        }
        for ((entity, kind), mentions) in count(facts.mentions.iter().map(|(e, k)| (*e, k))) {
            let k = self.kinds.entry((entity, kind.clone())).or_default();
            k[0] += sign * mentions;
            k[1] += sign;
            if !facts.day.is_empty() {
                let d = self
                    .days
                    .entry((entity, kind.clone(), facts.day.clone()))
                    .or_default();
                d[0] += sign * mentions;
                d[1] += sign;
            }
        }
        let body = facts.blocks.iter().filter(|(_, k)| k == "body").count() as i64;
        let s = self
            .sources
            .entry((facts.source, facts.day.clone()))
            .or_default();
        s[0] += sign;
        s[1] += sign * facts.words;
        s[2] += sign * facts.speakers.len() as i64;
        s[3] += sign * body;
        for (speaker, quotes) in count(facts.speakers.iter().flatten().copied()) {
            let q = self.speakers.entry((speaker, facts.source)).or_default();
            q[0] += sign * quotes;
            q[1] += sign;
        }
        for (kind, (blocks, highest)) in facts.classes() {
            let b = self
                .blocks
                .entry((facts.source, kind.to_string()))
                .or_default();
            b.0 += sign * blocks;
            b.1 += sign;
            if sign > 0 && !STORY_KINDS.contains(&kind) {
                b.2 = b.2.max(Some(highest));
            }
        }
    }

    /// Writes the waiting changes into the rollups, in key order; deletes a row taken down
    /// to no article, and reads again what a taken-away article may have
    /// held (first and last dates, example blocks).
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        let mut entities: Vec<_> = self.entities.drain().collect();
        entities.sort_unstable_by_key(|(k, _)| *k);
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_entity.sql"))?;
        for (entity, (mentions, articles, first, last)) in entities {
            if (mentions, articles) != (0, 0) || first.is_some() {
                stmt.execute(params![entity, mentions, articles, first, last])?;
                if articles < 0 {
                    conn.prepare_cached(
                        "DELETE FROM entity_totals WHERE entity_id = ?1 AND articles <= 0",
                    )?
                    .execute(params![entity])?;
                }
            }
        }
        let mut kinds: Vec<_> = self.kinds.drain().filter(|(_, d)| *d != [0; 2]).collect();
        kinds.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_entity_kind.sql"))?;
        for ((entity, kind), [mentions, articles]) in kinds {
            stmt.execute(params![entity, kind, mentions, articles])?;
            if articles < 0 {
                conn.prepare_cached("DELETE FROM entity_kind_totals WHERE entity_id = ?1 AND kind = ?2 AND articles <= 0")?
                    .execute(params![entity, kind])?;
            }
        }
        let mut days: Vec<_> = self.days.drain().filter(|(_, d)| *d != [0; 2]).collect();
        days.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_entity_day.sql"))?;
        for ((entity, kind, day), [mentions, articles]) in days {
            stmt.execute(params![entity, kind, day, mentions, articles])?;
            if articles < 0 {
                conn.prepare_cached("DELETE FROM entity_days WHERE entity_id = ?1 AND kind = ?2 AND day = ?3 AND articles <= 0")?
                    .execute(params![entity, kind, day])?;
            }
        }
        let mut sources: Vec<_> = self.sources.drain().filter(|(_, d)| *d != [0; 4]).collect();
        sources.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_source_day.sql"))?;
        for ((source, day), [articles, words, quotes, paragraphs]) in sources {
            stmt.execute(params![source, day, articles, words, quotes, paragraphs])?;
            if articles < 0 {
                conn.prepare_cached(
                    "DELETE FROM source_days WHERE source_id = ?1 AND day = ?2 AND articles <= 0",
                )?
                .execute(params![source, day])?;
            }
        }
        let mut speakers: Vec<_> = self
            .speakers
            .drain()
            .filter(|(_, d)| *d != [0; 2])
            .collect();
        speakers.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_speaker.sql"))?;
        for ((speaker, source), [quotes, articles]) in speakers {
            stmt.execute(params![speaker, source, quotes, articles])?;
            if articles < 0 {
                conn.prepare_cached("DELETE FROM speaker_sources WHERE entity_id = ?1 AND source_id = ?2 AND articles <= 0")?
                    .execute(params![speaker, source])?;
            }
        }
        let mut blocks: Vec<_> = self
            .blocks
            .drain()
            .filter(|(_, d)| *d != (0, 0, None))
            .collect();
        blocks.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_blocks.sql"))?;
        for ((source, kind), (count, articles, example)) in blocks {
            stmt.execute(params![source, kind, count, articles, example])?;
            if articles < 0 {
                conn.prepare_cached(
                    "DELETE FROM block_counts WHERE source_id = ?1 AND kind = ?2 AND articles <= 0",
                )?
                .execute(params![source, kind])?;
            }
        }
        let mut stale: Vec<_> = self.stale_dates.drain().collect();
        stale.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_entity_dates.sql"))?;
        for entity in stale {
            stmt.execute([entity])?;
        }
        let mut stale: Vec<_> = self.stale_examples.drain().collect();
        stale.sort_unstable();
        let mut stmt = conn.prepare_cached(include_str!("sql/rollup_block_example.sql"))?;
        for (source, kind) in stale {
            if !STORY_KINDS.contains(&kind.as_str()) {
                stmt.execute(params![source, kind])?;
            }
        }
        Ok(())
    }
}

/// Counts every rollup again from the stored rows (after `corpusdb reclassify`, which
/// changes the class of blocks across the whole corpus).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(include_str!("sql/rebuild_rollups.sql"))?;
    Ok(())
}
