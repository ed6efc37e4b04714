//! Scores the entity tagger on a CoNLL-2003 file (entity-level precision, recall and F1 by
//! the conlleval definition, per type and overall: [`score_conll`]) and times it on real
//! news ([`bench`]). `corpusdb eval ner` prints what these return.

use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Instant;

use crate::extract::ner::{conll, tokens, EntityKind, Tagger};
use crate::model::Kind;
use crate::Result;

/// Tags every document of a CoNLL file (its own tokens and sentences) and scores the
/// labels against the gold ones. Returns the number of documents and the counts.
pub fn score_conll(tagger: &Tagger, path: &Path) -> Result<(usize, conll::Score)> {
    let docs = conll::read(path)?;
    let mut score = conll::Score::default();
    for d in &docs {
        let labels = tagger.label(&d.words(), &d.sentences);
        score.add(&d.gold, &labels, &d.sentences);
    }
    Ok((docs.len(), score))
}

/// What timing the tagger measured.
#[derive(Debug, Clone, Default)]
pub struct Bench {
    pub articles: usize,
    pub tokens: usize,
    pub bytes: usize,
    pub mentions: usize,
    /// Wall-clock seconds of tagging.
    pub seconds: f64,
    /// Seconds the thread was on a CPU (Linux only): on a shared machine the wall clock also
    /// counts time the thread waited for a core.
    pub cpu_seconds: Option<f64>,
}

/// Reads up to `limit` articles of `path` (any input `corpusdb load` reads), structures them
/// as a load does, then times tagging alone, on one thread, over their title, dek and body
/// blocks.
pub fn bench(tagger: &Tagger, path: &Path, limit: usize) -> Bench {
    let mut articles: Vec<Vec<String>> = Vec::new();
    let options = crate::read::Options::default();
    let rules = crate::text::classify::Rules::builtin();
    let read = Arc::new(AtomicU64::new(0));
    crate::read::read_file(
        path,
        &path.display().to_string(),
        &options,
        &read,
        &mut |item| {
            if articles.len() >= limit {
                return;
            }
            let Ok(raw) = item else { return };
            let Ok(article) = crate::text::process(raw, &rules) else {
                return;
            };
            let blocks = article
                .blocks
                .into_iter()
                .filter(|b| matches!(b.kind, Kind::Title | Kind::Dek | Kind::Body));
            articles.push(blocks.map(|b| b.text).collect());
        },
    );
    let bytes = articles.iter().flatten().map(String::len).sum();
    let tokens = articles
        .iter()
        .flatten()
        .map(|b| tokens::tokenize(b).len())
        .sum();
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut mentions = 0;
    for blocks in &articles {
        mentions += tagger
            .tag_blocks(blocks)
            .iter()
            .map(Vec::len)
            .sum::<usize>();
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = match (cpu_start, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    Bench {
        articles: articles.len(),
        tokens,
        bytes,
        mentions,
        seconds,
        cpu_seconds,
    }
}

/// This thread's time on a CPU, from Linux's /proc (None elsewhere).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// The database's mentions of a CoNLL file loaded through the whole pipeline, scored by the
/// kinds the database gives them: one score per reading of the kind (`entities.kind`, as
/// reports read it before V12, and `mentions.kind`, each mention's own).
#[derive(Debug, Clone, Default)]
pub struct ThroughDb {
    pub documents: usize,
    pub articles: usize,
    /// (the column the kind is read from, its score).
    pub scores: Vec<(&'static str, conll::Score)>,
}

/// Loads every document of the CoNLL file at `conll_path` through the full pipeline, as
/// `corpusdb load` loads a folder of text files (read → text → extract → link → store, and
/// the corpus-wide steps at the load's end), into a new database at `db`, then scores the
/// stored mentions against the gold entities by the conlleval definition (exact span and
/// type). Each document is written as a text file (its first sentence the title line, then
/// one sentence a paragraph, tokens joined as text: see `eval::gauntlet::data`) in the
/// folder `db` with the extension `docs`; the stored paragraphs are aligned with it by a
/// character diff, so a mention is mapped back to the document whatever the text stage
/// repaired. A gold entity in a block the text stage set aside counts as missed.
pub fn score_through_db(conll_path: &Path, db: &Path) -> Result<ThroughDb> {
    let docs = crate::eval::gauntlet::data::conll(conll_path, None)?;
    let folder = db.with_extension("docs");
    std::fs::create_dir_all(&folder).map_err(|e| crate::Error::io(&folder, e))?;
    for (n, doc) in docs.iter().enumerate() {
        let file = folder.join(format!("{:05}.txt", n + 1));
        std::fs::write(&file, &doc.text).map_err(|e| crate::Error::io(&file, e))?;
    }
    crate::load::run(
        db,
        std::slice::from_ref(&folder),
        &crate::load::Options::default(),
        &mut |_| {},
    )?;
    let _ = std::fs::remove_dir_all(&folder);
    let conn = crate::store::open_read(db)?;
    let columns = stored_kind_columns(&conn)?;
    let mut out = ThroughDb {
        documents: docs.len(),
        scores: columns
            .iter()
            .map(|&c| (c, conll::Score::default()))
            .collect(),
        ..ThroughDb::default()
    };
    let mut articles = conn.prepare("SELECT id, origin FROM articles ORDER BY id")?;
    let articles: Vec<(i64, String)> = articles
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    out.articles = articles.len();
    let mut blocks =
        conn.prepare("SELECT text FROM paragraphs WHERE article_id = ?1 ORDER BY position")?;
    let kinds = columns.join(", ");
    let mut mentions = conn.prepare(&format!(
        "SELECT p.position, m.start, m.\"end\", {kinds} FROM mentions m \
         JOIN paragraphs p ON p.id = m.paragraph_id JOIN entities e ON e.id = m.entity_id \
         WHERE p.article_id = ?1"
    ))?;
    let mut seen = vec![false; docs.len()];
    for (id, origin) in articles {
        // The document's number, from its file's name ("…/00012.txt").
        let Some(n) = origin
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".txt"))
            .and_then(|f| f.parse::<usize>().ok())
            .filter(|&n| n >= 1 && n <= docs.len())
        else {
            continue;
        };
        let doc = &docs[n - 1];
        seen[n - 1] = true;
        let texts: Vec<String> = blocks
            .query_map([id], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let map = crate::eval::gauntlet::align::align(
            &doc.text,
            texts.iter().map(String::as_str).collect(),
        );
        let rows: Vec<(usize, usize, usize, Vec<String>)> = mentions
            .query_map([id], |r| {
                let kinds = (0..columns.len())
                    .map(|i| {
                        r.get::<_, Option<String>>(3 + i)
                            .map(Option::unwrap_or_default)
                    })
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                let at = |i: usize| r.get::<_, i64>(i).map(|v| v.max(0) as usize);
                Ok((at(0)?, at(1)?, at(2)?, kinds))
            })?
            .collect::<std::result::Result<_, _>>()?;
        for (c, (_, score)) in out.scores.iter_mut().enumerate() {
            let predicted = rows.iter().filter_map(|(block, start, end, kinds)| {
                let span = map.get(*block).and_then(|m| {
                    let m = m.get(*start..(*end).min(m.len()))?;
                    let first = m.iter().find_map(|p| *p)?;
                    let last = m.iter().rev().find_map(|p| *p)?;
                    Some((first, last + 1))
                })?;
                let k = EntityKind::parse(&kinds[c])?;
                let k = EntityKind::ALL.iter().position(|&a| a == k)?;
                Some((span.0, span.1, k))
            });
            score.add_spans(&doc.gold, predicted.collect());
        }
    }
    // A document the load rejected (or stored as a copy of another) misses all its entities.
    for (doc, _) in docs.iter().zip(&seen).filter(|(_, &s)| !s) {
        for (_, score) in &mut out.scores {
            score.add_spans(&doc.gold, Vec::new());
        }
    }
    Ok(out)
}

/// The columns a stored mention's kind can be read from in this database: the entity's
/// kind, and the mention's own when the schema has it (migration V12).
fn stored_kind_columns(conn: &rusqlite::Connection) -> Result<Vec<&'static str>> {
    let own: bool = conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info('mentions') WHERE name = 'kind'",
        [],
        |r| r.get(0),
    )?;
    Ok(if own {
        vec!["e.kind", "m.kind"]
    } else {
        vec!["e.kind"]
    })
}
