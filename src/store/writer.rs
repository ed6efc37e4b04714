//! The one writer: stores articles in batched transactions with their blocks, sentences and
//! full-text rows, the normalize stage's repairs (and the fields as received, where something
//! was repaired), their outlet, their story features, and what linking found in them: entity
//! mentions (their entities and aliases created or found by kind and key, or as an alias rule
//! says), date mentions, and quotes with their speaker and channel entities, each quote in the
//! cluster of quotes with its echo key. It keeps the co-occurrence counts in step, records the
//! load and its problems, and never stores one article twice.
//!
//! [`Writer::finish`] sets aside the lines that became repeated ([`super::clean`]) in the
//! load's last transaction. When the corpus changed it leaves the load unfinished: the corpus
//! stage (`corpus::after_write`) learns alias rules from the corpus, merges the entities they
//! name and marks the load finished in one transaction of its own, so a run killed between the
//! two leaves a load the next run finishes. Stories are grouped after it.

use std::collections::{HashMap, HashSet};

use rusqlite::{named_params, params, Connection, OptionalExtension};

use super::cooccurrence::{Rollup, Unit};
use super::rollups::Facts;
use super::{entity_rules, stories};
use crate::model::{Article, Block, Entity, EntityKind, Problem, Severity, Span};
use crate::Result;

/// Commit after this many articles or this many bytes of text, whichever comes first: big
/// enough to amortise the commit, small enough that memory and a lost batch stay small.
const BATCH_ARTICLES: usize = 2_000;
const BATCH_BYTES: usize = 16 << 20;

/// The position of the sentence holding `span` in its block, if one does.
fn sentence_of(block: &Block, span: Span) -> Option<i64> {
    let i = block.sentences.partition_point(|s| s.end <= span.start);
    block
        .sentences
        .get(i)
        .filter(|s| s.start <= span.start)
        .map(|_| i as i64)
}

/// Returns to the system the memory that is free but still held by the allocator. glibc
/// keeps a heap per thread: what the structuring threads freed stays theirs, and the peak of
/// a load (the grouping of stories at its end) was that memory plus what the end needs.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Added,
    /// Replaced an earlier version with the same id (or url) under `--replace`.
    Updated,
    /// Already stored with the same content.
    Skipped,
    /// An article with the same id is stored with other content and `--replace` was not given.
    Conflict,
}

/// Counts for one load.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub added: u64,
    pub updated: u64,
    pub skipped: u64,
    pub failed: u64,
    pub warnings: u64,
    pub bytes: u64,
}

pub struct Writer {
    conn: Connection,
    load_id: i64,
    replace: bool,
    counts: Counts,
    sources: HashMap<String, i64>,
    /// Entity ids by (kind, key), and the aliases already recorded (entity id and a hash of
    /// the spelling: no allocation per mention), for this load.
    entities: HashMap<(EntityKind, String), i64>,
    aliases: HashSet<(i64, u64)>,
    /// Alias rules: the entity a name stands for.
    rules: entity_rules::Rules,
    /// This batch's co-occurrence counts, written with it.
    rollup: Rollup,
    in_batch: usize,
    batch_bytes: usize,
    /// Entities changed before the first batch (alias rules applied by the caller).
    entities_changed: bool,
}

impl Writer {
    /// Starts a load: records it in `loads` (committed at once, so a killed load still
    /// shows), then opens the first batch.
    pub fn begin(
        conn: Connection,
        inputs: &[String],
        options: &serde_json::Value,
        replace: bool,
    ) -> Result<Self> {
        conn.execute(
            include_str!("sql/insert_load.sql"),
            named_params! {
                ":inputs": serde_json::to_string(inputs).unwrap_or_default(),
                ":options": options.to_string(),
                ":tool_version": env!("CARGO_PKG_VERSION"),
            },
        )?;
        let load_id = conn.last_insert_rowid();
        let rules = entity_rules::read(&conn)?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(Writer {
            conn,
            load_id,
            replace,
            counts: Counts::default(),
            sources: HashMap::new(),
            entities: HashMap::new(),
            aliases: HashSet::new(),
            rules,
            rollup: Rollup::default(),
            in_batch: 0,
            batch_bytes: 0,
            entities_changed: false,
        })
    }

    pub fn load_id(&self) -> i64 {
        self.load_id
    }

    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// Stores one article, unless it is already stored.
    /// Counts an article that an earlier load stored under the same received hash, found
    /// before it was structured: skipped, as [`Writer::write`] skips one by its content.
    pub fn stored_already(&mut self, bytes: usize) {
        self.counts.bytes += bytes as u64;
        self.counts.skipped += 1;
    }

    pub fn write(&mut self, article: &Article) -> Result<Outcome> {
        self.counts.bytes += article.bytes as u64;
        let outcome = self.store(article)?;
        match outcome {
            Outcome::Added => self.counts.added += 1,
            Outcome::Updated => self.counts.updated += 1,
            Outcome::Skipped | Outcome::Conflict => self.counts.skipped += 1,
        }
        if matches!(outcome, Outcome::Added | Outcome::Updated) {
            for warning in &article.warnings {
                self.problem(&Problem {
                    origin: article.origin.clone(),
                    severity: Severity::Warning,
                    message: warning.clone(),
                })?;
            }
        }
        if outcome == Outcome::Conflict {
            let id = article
                .external_id
                .as_deref()
                .or(article.url.as_deref())
                .unwrap_or("?");
            let message = format!("an article with id {id:?} is already stored with other content; skipped (use --replace to update it)");
            self.problem(&Problem {
                origin: article.origin.clone(),
                severity: Severity::Warning,
                message,
            })?;
        }
        self.in_batch += 1;
        self.batch_bytes += article.bytes;
        if self.in_batch >= BATCH_ARTICLES || self.batch_bytes >= BATCH_BYTES {
            self.commit_batch()?;
        }
        Ok(outcome)
    }

    /// Records a rejected record or a warning.
    pub fn problem(&mut self, problem: &Problem) -> Result<()> {
        match problem.severity {
            Severity::Error => self.counts.failed += 1,
            Severity::Warning => self.counts.warnings += 1,
        }
        let origin = &problem.origin;
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/insert_load_error.sql"))?;
        stmt.execute(params![
            self.load_id,
            problem.severity.as_str(),
            origin.file,
            origin.line.map(|l| l as i64),
            origin.record.map(|r| r as i64),
            problem.message,
        ])?;
        Ok(())
    }

    /// Says that the caller changed entities before this load's first batch (alias rules
    /// stored or applied), so the corpus-wide passes at the end must run.
    pub fn entities_changed(&mut self) {
        self.entities_changed = true;
    }

    /// Whether the corpus may differ from what the last finished load left: this load
    /// stored or replaced articles or changed entities, or the load before it was stopped
    /// before its end (its corpus-wide passes never ran).
    fn corpus_changed(&self) -> Result<bool> {
        if self.counts.added + self.counts.updated > 0 || self.entities_changed {
            return Ok(true);
        }
        let previous_finished: Option<bool> = self
            .conn
            .query_row(
                "SELECT finished_at IS NOT NULL FROM loads WHERE id < ?1 ORDER BY id DESC LIMIT 1",
                [self.load_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(previous_finished == Some(false))
    }

    /// Commits the last batch. Marks the load finished when the corpus did not change; else
    /// the corpus stage does, after learning from it.
    ///
    /// Hands back the connection for the corpus stage: the database must stay open by the
    /// loader until that stage is done. Were it closed in between, a reader closing then would
    /// be the file's last connection and checkpoint the WAL under an exclusive lock, which a
    /// reader opening at that moment (the sqlite3 shell has no busy timeout) meets as
    /// "database is locked"; a read-only connection closing last also leaves the WAL behind.
    pub fn finish(mut self) -> Result<(Counts, Connection)> {
        if !self.corpus_changed()? {
            // Every record was stored already: the corpus-wide passes would find just what
            // the last finished load's found, at a cost that grows with the corpus.
            self.update_load(true)?;
            self.conn.execute_batch("COMMIT")?;
            return Ok((self.counts, self.conn));
        }
        self.rollup.flush(&self.conn)?;
        // The corpus stage needs memory of its own: hand back what the load's caches held
        // (the entity maps, SQLite's page cache) before it starts.
        self.entities = HashMap::new();
        self.aliases = HashSet::new();
        self.conn.execute_batch("PRAGMA shrink_memory")?;
        release_freed_memory();
        // Lines that became frequent with this load's articles are set aside in the same
        // transaction as its last batch.
        super::clean::mark_repeated(&self.conn, self.rollup.reports())?;
        self.rollup.flush(&self.conn)?;
        // Finished by the corpus stage, once it has learned from the corpus.
        self.update_load(false)?;
        self.conn.execute_batch("COMMIT")?;
        // No `PRAGMA optimize` here: statistics taken after a small first load, and never
        // refreshed when a later load is killed, made SQLite plan searches paragraphs-first
        // (minutes instead of milliseconds). Without statistics the plans are the right ones.
        // No checkpoint either: the corpus stage writes next and checkpoints once, after it.
        Ok((self.counts, self.conn))
    }

    fn commit_batch(&mut self) -> Result<()> {
        self.rollup.flush(&self.conn)?;
        self.update_load(false)?;
        self.conn.execute_batch("COMMIT; BEGIN IMMEDIATE")?;
        self.in_batch = 0;
        self.batch_bytes = 0;
        Ok(())
    }

    fn update_load(&self, finished: bool) -> Result<()> {
        let c = &self.counts;
        self.conn.execute(
            include_str!("sql/update_load.sql"),
            named_params! {
                ":added": c.added as i64, ":updated": c.updated as i64, ":skipped": c.skipped as i64,
                ":failed": c.failed as i64, ":warnings": c.warnings as i64, ":bytes": c.bytes as i64,
                ":finished": finished, ":load_id": self.load_id,
            },
        )?;
        Ok(())
    }

    fn store(&mut self, article: &Article) -> Result<Outcome> {
        let by_hash = self
            .conn
            .prepare_cached(include_str!("sql/find_by_hash.sql"))?
            .query_row([&article.content_hash], |r| r.get::<_, i64>(0))
            .optional()?;
        if let Some(id) = by_hash {
            // Stored before stories existed: it joins one now.
            if stories::unrecorded(&self.conn, id)? {
                stories::record(
                    &self.conn,
                    id,
                    article.published_at.as_deref(),
                    &article.story,
                )?;
            }
            return Ok(Outcome::Skipped);
        }
        let source_id = self.source_id(article)?;
        let mut outcome = Outcome::Added;
        let earlier = match (&article.external_id, &article.url) {
            (Some(id), _) => self
                .conn
                .prepare_cached(include_str!("sql/find_by_id.sql"))?
                .query_row(
                    named_params! { ":source_id": source_id, ":external_id": id },
                    |r| r.get::<_, i64>(0),
                )
                .optional()?,
            (None, Some(url)) => self
                .conn
                .prepare_cached(include_str!("sql/find_by_url.sql"))?
                .query_row(
                    named_params! { ":source_id": source_id, ":url": url },
                    |r| r.get::<_, i64>(0),
                )
                .optional()?,
            (None, None) => None,
        };
        if let Some(earlier) = earlier {
            if !self.replace {
                return Ok(Outcome::Conflict);
            }
            self.rollup.remove_stored(&self.conn, earlier)?;
            self.conn
                .prepare_cached(include_str!("sql/delete_article.sql"))?
                .execute([earlier])?;
            outcome = Outcome::Updated;
        }
        self.insert(article, source_id)?;
        Ok(outcome)
    }

    fn insert(&mut self, article: &Article, source_id: Option<i64>) -> Result<()> {
        let conn = &self.conn;
        conn.prepare_cached(include_str!("sql/insert_article.sql"))?
            .execute(named_params! {
                ":source_id": source_id,
                ":external_id": article.external_id,
                ":url": article.url,
                ":title": article.title,
                ":dek": article.dek,
                ":byline": article.byline,
                ":published_at": article.published_at,
                ":published_raw": article.published_raw,
                ":language": article.language,
                ":source_raw": article.source_raw,
                ":content_hash": article.content_hash,
                ":origin": article.origin.to_string(),
                ":load_id": self.load_id,
                ":words": article.words as i64,
                ":received_hash": article.received_hash,
            })?;
        let article_id = conn.last_insert_rowid();
        conn.prepare_cached(include_str!("sql/index_article.sql"))?
            .execute(params![article_id, article.title])?;
        // What the normalize stage repaired, and what it changed as received (migration V10).
        for (repair, count) in &article.repairs.counts {
            conn.prepare_cached(include_str!("sql/insert_repair.sql"))?
                .execute(params![article_id, repair, *count as i64])?;
        }
        for (field, text) in &article.repairs.received {
            conn.prepare_cached(include_str!("sql/insert_received.sql"))?
                .execute(params![article_id, field, text])?;
        }
        let mut facts = Facts::new(
            source_id,
            article.published_at.as_deref(),
            article.words as i64,
        );
        let mut paragraph_ids = Vec::with_capacity(article.blocks.len());
        let mut paragraph = conn.prepare_cached(include_str!("sql/insert_paragraph.sql"))?;
        let mut index = conn.prepare_cached(include_str!("sql/index_paragraph.sql"))?;
        let mut sentence = conn.prepare_cached(include_str!("sql/insert_sentence.sql"))?;
        for (position, block) in article.blocks.iter().enumerate() {
            paragraph.execute(named_params! {
                ":article_id": article_id,
                ":position": position as i64,
                ":kind": block.kind.as_str(),
                ":reason": block.reason,
                ":language": block.language,
                ":text": block.text,
                ":line_key": block.line_key,
            })?;
            let paragraph_id = conn.last_insert_rowid();
            paragraph_ids.push(paragraph_id);
            facts.block(paragraph_id, block.kind.as_str());
            index.execute(params![paragraph_id, block.text])?;
            for (n, span) in block.sentences.iter().enumerate() {
                sentence.execute(params![
                    paragraph_id,
                    n as i64,
                    span.start as i64,
                    span.end as i64
                ])?;
            }
        }
        drop((paragraph, index, sentence));
        stories::record(
            conn,
            article_id,
            article.published_at.as_deref(),
            &article.story,
        )?;
        self.insert_extracted(article, article_id, source_id, &paragraph_ids, &mut facts)?;
        self.rollup.add_to_reports(&facts);
        Ok(())
    }

    /// Mentions, date mentions and quotes of a stored article's blocks, each added to the
    /// article's share of the report rollups as it is inserted.
    fn insert_extracted(
        &mut self,
        article: &Article,
        article_id: i64,
        source_id: Option<i64>,
        paragraph_ids: &[i64],
        facts: &mut Facts,
    ) -> Result<()> {
        let mut units: Vec<Unit> = Vec::with_capacity(article.mentions.len());
        for m in &article.mentions {
            let (Some(&paragraph_id), Some(block)) =
                (paragraph_ids.get(m.block), article.blocks.get(m.block))
            else {
                continue;
            };
            let entity_id = self.entity_id(&m.entity, &m.text)?;
            let sentence = sentence_of(block, m.span);
            let retyped = self
                .rules
                .target(&m.entity)
                .is_some_and(|t| t.kind != m.entity.kind);
            let linked_kind = m.linked_kind.or(retyped.then_some(m.entity.kind));
            self.conn
                .prepare_cached(include_str!("sql/insert_mention.sql"))?
                .execute(params![
                    entity_id,
                    paragraph_id,
                    sentence,
                    m.span.start as i64,
                    m.span.end as i64,
                    m.text,
                    linked_kind.map(EntityKind::as_str),
                    m.kind.as_str()
                ])?;
            units.push((paragraph_id, sentence, entity_id));
            facts.mention(entity_id, m.kind.as_str());
        }
        self.rollup.add_article(&mut units, 1);
        for d in &article.dates {
            let Some(&paragraph_id) = paragraph_ids.get(d.block) else {
                continue;
            };
            self.conn
                .prepare_cached(include_str!("sql/insert_date_mention.sql"))?
                .execute(params![
                    paragraph_id,
                    d.span.start as i64,
                    d.span.end as i64,
                    d.text,
                    d.value,
                    d.granularity
                ])?;
        }
        for q in &article.quotes {
            let Some(&paragraph_id) = paragraph_ids.get(q.block) else {
                continue;
            };
            let speaker = match &q.speaker {
                Some(e) => Some(self.entity_id(e, q.speaker_text.as_deref().unwrap_or(&e.name))?),
                None => None,
            };
            let via = match &q.via {
                Some(e) => Some(self.entity_id(e, q.via_text.as_deref().unwrap_or(&e.name))?),
                None => None,
            };
            let cluster_id = self.cluster_id(&q.echo_key)?;
            let seen: bool = self
                .conn
                .prepare_cached(include_str!("sql/cluster_has_article.sql"))?
                .query_row(params![cluster_id, article_id], |r| r.get(0))?;
            self.conn.prepare_cached(include_str!("sql/insert_quote.sql"))?.execute(named_params! {
                ":paragraph_id": paragraph_id, ":start": q.span.start as i64, ":end": q.span.end as i64, ":text": q.text,
                ":speaker_text": q.speaker_text, ":speaker_entity_id": speaker, ":cue": q.cue,
                ":via_text": q.via_text, ":via_entity_id": via, ":partial": q.partial, ":rule": q.rule,
                ":echo_key": q.echo_key, ":cluster_id": cluster_id, ":article_id": article_id,
            })?;
            let quote_id = self.conn.last_insert_rowid();
            facts.quote(speaker);
            // Indexed here, not by a trigger: see migration V8.
            self.conn
                .prepare_cached(include_str!("sql/index_quote.sql"))?
                .execute(params![quote_id, q.text])?;
            self.conn.prepare_cached(include_str!("sql/count_in_cluster.sql"))?.execute(named_params! {
                ":new_article": i64::from(!seen), ":date": article.published_at, ":quote_id": quote_id,
                ":article_id": article_id, ":source_id": source_id, ":cluster_id": cluster_id,
            })?;
        }
        Ok(())
    }

    /// The cluster of quotes with this echo key, created empty the first time.
    fn cluster_id(&self, echo_key: &str) -> Result<i64> {
        let found = self
            .conn
            .prepare_cached(include_str!("sql/find_cluster.sql"))?
            .query_row([echo_key], |r| r.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.conn
            .prepare_cached(include_str!("sql/insert_cluster.sql"))?
            .execute([echo_key])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The id of an entity (created the first time its kind and key are seen, or the one a
    /// user's alias rule names), recording `spelling` as one of its aliases.
    fn entity_id(&mut self, entity: &Entity, spelling: &str) -> Result<i64> {
        let entity = self.rules.target(entity).unwrap_or(entity);
        let cache_key = (entity.kind, entity.key.clone());
        let id = match self.entities.get(&cache_key) {
            Some(&id) => id,
            None => {
                let id = entity_rules::upsert(&self.conn, entity)?;
                self.entities.insert(cache_key, id);
                id
            }
        };
        for alias in [entity.name.as_str(), spelling] {
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(alias, &mut hasher);
            if self
                .aliases
                .insert((id, std::hash::Hasher::finish(&hasher)))
            {
                self.conn
                    .prepare_cached(include_str!("sql/insert_entity_alias.sql"))?
                    .execute(params![id, alias])?;
            }
        }
        Ok(id)
    }

    /// The outlet's id, creating it (under its canonical name) and recording the input's
    /// spelling as an alias the first time it is seen.
    fn source_id(&mut self, article: &Article) -> Result<Option<i64>> {
        let Some(name) = article
            .source
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        else {
            return Ok(None);
        };
        let spelling = article.source_raw.as_deref().map_or(name, str::trim);
        if let Some(&id) = self.sources.get(spelling) {
            return Ok(Some(id));
        }
        self.conn
            .prepare_cached(include_str!("sql/insert_source.sql"))?
            .execute(named_params! { ":name": name, ":domain": article.source_domain })?;
        let id: i64 = self
            .conn
            .prepare_cached(include_str!("sql/find_source.sql"))?
            .query_row([name], |r| r.get(0))?;
        let mut alias = self
            .conn
            .prepare_cached(include_str!("sql/insert_source_alias.sql"))?;
        alias.execute(params![name, id])?;
        alias.execute(params![spelling, id])?;
        self.sources.insert(spelling.to_string(), id);
        Ok(Some(id))
    }
}
