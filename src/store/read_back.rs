//! Stored articles read back as the load pipeline handed them to the writer: every
//! [`model::Article`](crate::model::Article) field from its rows (blocks with kind, reason,
//! language, text, line key and sentences; mentions, date mentions and quotes with their
//! entities; the warnings recorded for it; the normalize stage's repairs and the fields as
//! received), so that `merge` can write another database's
//! articles through the one [`Writer`](super::Writer) exactly as a load writes them.
//!
//! Three things the database keeps only in their corpus-wide form are put back as one
//! article had them:
//! - blocks the corpus-wide step set aside as `repeated` are `body` again (the writer's
//!   `finish` decides them anew, over the whole database written to);
//! - each mention's entity gets the name, country and coordinates this article resolved it
//!   to, by running the pure [`link::entities`] again on the stored mentions (the
//!   `entities` row keeps the first name seen in the corpus);
//! - a quote's speaker or channel that the article's mentions do not name gets the name the
//!   quote extractor gave it, by running the pure [`link::quotes`] again.
//!
//! The last two are done in `rederive`, and only when the re-run agrees with what is stored
//! (same entity kinds and keys, same quotes); otherwise the stored values stay and
//! [`Stored::names_kept`] says so. The story features, which the database keeps for grouping
//! only, are computed again from the article read back ([`link::story::features`], in
//! [`Reader::articles`]). Values corpusdb never writes (a block kind it does not know, a
//! negative offset) make the article unreadable, with a message, not an error of the whole
//! read.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, Row};

use super::entity_rules::Rules;
use crate::extract::dates::Granularity;
use crate::link;
use crate::model::EntityKind;
use crate::model::{
    Article, Block, DateMention, Entity, Kind, Mention, Origin, Problem, Quote, Repairs, Severity,
    Span,
};
use crate::Result;

/// One stored article, read back.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: i64,
    pub load_id: i64,
    pub origin: Origin,
    /// The article, or why it cannot be read back.
    pub article: Result<Article, String>,
    /// The names of its entities are the database's (first seen in the corpus) because
    /// running the link stage again did not give back what is stored: the article was
    /// stored by another version of corpusdb, or edited.
    pub names_kept: bool,
}

/// A recorded problem that no stored article claims as its own warning: a rejected
/// record, a conflict, a problem carried over by an earlier merge.
#[derive(Debug, Clone)]
pub struct StoredProblem {
    pub id: i64,
    pub load_id: i64,
    pub problem: Problem,
}

/// One row of `loads`.
#[derive(Debug, Clone)]
pub struct StoredLoad {
    pub id: i64,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub inputs: String,
    pub options: Option<String>,
    pub tool_version: String,
    /// The id of the last problem it recorded.
    pub problems_through: Option<i64>,
}

/// The load runs of a database, in order.
pub fn loads(conn: &Connection) -> Result<Vec<StoredLoad>> {
    let mut stmt = conn.prepare(include_str!("sql/read_loads.sql"))?;
    let rows = stmt.query_map([], |r| {
        Ok(StoredLoad {
            id: r.get(0)?,
            started_at: r.get(1)?,
            finished_at: r.get(2)?,
            inputs: r.get(3)?,
            options: r.get(4)?,
            tool_version: r.get(5)?,
            problems_through: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many articles a database holds.
pub fn article_count(conn: &Connection) -> Result<u64> {
    let count: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    Ok(count.max(0) as u64)
}

/// Reads one database's articles back, in the order they were stored, and then the problems
/// no article claimed.
pub struct Reader<'c> {
    conn: &'c Connection,
    problems: Vec<StoredProblem>,
    /// Warnings by load and origin: an article's own (a repaired decode, an unparsed date)
    /// are recorded at its origin in the load that stored it.
    warnings: HashMap<(i64, String), Vec<usize>>,
    claimed: HashSet<usize>,
    /// The database's alias rules: a stored entity may be the one a rule gave the name.
    rules: Rules,
}

impl<'c> Reader<'c> {
    /// Reads with `conn`, whose statements from here on get one query plan each (SQLite's
    /// query planner stability guarantee): otherwise a cached statement with a bound
    /// parameter in a join or an ORDER BY is prepared again on every use, as rusqlite
    /// clears its bindings when it goes back to the cache.
    pub fn new(conn: &'c Connection) -> Result<Self> {
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        let mut stmt = conn.prepare(include_str!("sql/read_problems.sql"))?;
        let problems: Vec<StoredProblem> = stmt
            .query_map([], |r| {
                let severity = if r.get::<_, String>(2)? == Severity::Warning.as_str() {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let origin = Origin {
                    file: r.get(3)?,
                    line: unsigned_opt(r, 4)?,
                    record: unsigned_opt(r, 5)?,
                };
                Ok(StoredProblem {
                    id: r.get(0)?,
                    load_id: r.get(1)?,
                    problem: Problem {
                        origin,
                        severity,
                        message: r.get(6)?,
                    },
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut warnings: HashMap<(i64, String), Vec<usize>> = HashMap::new();
        for (i, p) in problems
            .iter()
            .enumerate()
            .filter(|(_, p)| p.problem.severity == Severity::Warning)
        {
            warnings
                .entry((p.load_id, p.problem.origin.to_string()))
                .or_default()
                .push(i);
        }
        let rules = super::entity_rules::read(conn)?;
        Ok(Reader {
            conn,
            problems,
            warnings,
            claimed: HashSet::new(),
            rules,
        })
    }

    /// Calls `each` with every stored article, in id order, until it returns `false`.
    pub fn articles(&mut self, each: &mut dyn FnMut(Stored) -> bool) -> Result<()> {
        let conn = self.conn;
        let mut stmt = conn.prepare(include_str!("sql/read_articles.sql"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let load_id: i64 = row.get(1)?;
            let origin_text: String = row.get(2)?;
            // The article's own warnings, and with them its origin exactly as recorded.
            let mine = self
                .warnings
                .remove(&(load_id, origin_text.clone()))
                .unwrap_or_default();
            self.claimed.extend(&mine);
            let origin = mine.first().map_or_else(
                || parse_origin(&origin_text),
                |&i| self.problems[i].problem.origin.clone(),
            );
            let warnings: Vec<String> = mine
                .iter()
                .map(|&i| self.problems[i].problem.message.clone())
                .collect();
            let article = match read_article(conn, row, id, origin.clone(), warnings) {
                Ok(article) => Ok(article),
                Err(Unreadable::Invalid(why)) => Err(why),
                Err(Unreadable::Sql(e)) => return Err(e.into()),
            };
            let mut stored = Stored {
                id,
                load_id,
                origin,
                article,
                names_kept: false,
            };
            if let Ok(article) = &mut stored.article {
                stored.names_kept = !rederive(article, &self.rules);
                // What grouping into stories compares, from the article as its load had it
                // (blocks set aside as `repeated` came back as body, as they were then).
                article.story = link::story::features(article);
            }
            if !each(stored) {
                break;
            }
        }
        Ok(())
    }

    /// The problems recorded in the database that no article read so far claimed as its
    /// own warnings, in the order they were recorded.
    pub fn problems(self) -> Vec<StoredProblem> {
        let claimed = self.claimed;
        self.problems
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !claimed.contains(i))
            .map(|(_, p)| p)
            .collect()
    }
}

/// An origin as `Origin`'s `Display` wrote it: `file:line`, `file#record` or `file`.
fn parse_origin(text: &str) -> Origin {
    let number = |s: &str| {
        s.parse::<u64>()
            .ok()
            .filter(|_| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
    };
    if let Some((file, line)) = text
        .rsplit_once(':')
        .and_then(|(f, l)| Some((f, number(l)?)))
    {
        return Origin {
            file: file.to_string(),
            line: Some(line),
            record: None,
        };
    }
    if let Some((file, record)) = text
        .rsplit_once('#')
        .and_then(|(f, r)| Some((f, number(r)?)))
    {
        return Origin {
            file: file.to_string(),
            line: None,
            record: Some(record),
        };
    }
    Origin {
        file: text.to_string(),
        line: None,
        record: None,
    }
}

/// Why an article cannot be read back.
enum Unreadable {
    /// The database failed.
    Sql(rusqlite::Error),
    /// It holds a value corpusdb never writes (a hand edit): that spoils one article, not
    /// the read.
    Invalid(String),
}

impl From<rusqlite::Error> for Unreadable {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::Error::{
            FromSqlConversionFailure, IntegralValueOutOfRange, InvalidColumnType,
        };
        match e {
            FromSqlConversionFailure(..) | IntegralValueOutOfRange(..) | InvalidColumnType(..) => {
                Unreadable::Invalid(format!("a stored value corpusdb never writes: {e}"))
            }
            e => Unreadable::Sql(e),
        }
    }
}

impl From<String> for Unreadable {
    fn from(why: String) -> Self {
        Unreadable::Invalid(why)
    }
}

/// A count or offset: a non-negative integer.
fn unsigned<T: TryFrom<i64>>(r: &Row, at: usize) -> rusqlite::Result<T> {
    let value: i64 = r.get(at)?;
    T::try_from(value).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(at, value))
}

fn unsigned_opt<T: TryFrom<i64>>(r: &Row, at: usize) -> rusqlite::Result<Option<T>> {
    match r.get::<_, Option<i64>>(at)? {
        None => Ok(None),
        Some(_) => unsigned(r, at).map(Some),
    }
}

/// The span in columns `at` and `at + 1`.
fn span(r: &Row, at: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        start: unsigned(r, at)?,
        end: unsigned(r, at + 1)?,
    })
}

fn entity_kind(kind: &str) -> Result<EntityKind, String> {
    EntityKind::parse(kind)
        .ok_or_else(|| format!("an entity of kind {kind:?}, which corpusdb never writes"))
}

/// The entity in columns `at..at + 6` (kind, name, key, country, latitude, longitude), if any.
fn entity_at(r: &Row, at: usize) -> rusqlite::Result<Option<(String, Entity)>> {
    let Some(kind) = r.get::<_, Option<String>>(at)? else {
        return Ok(None);
    };
    let entity = Entity {
        kind: EntityKind::Misc,
        name: r.get(at + 1)?,
        key: r.get(at + 2)?,
        country: r.get(at + 3)?,
        latitude: r.get(at + 4)?,
        longitude: r.get(at + 5)?,
    };
    Ok(Some((kind, entity)))
}

/// Sets a read entity's kind, refusing one corpusdb does not know.
fn typed(entity: Option<(String, Entity)>) -> Result<Option<Entity>, String> {
    entity
        .map(|(kind, e)| {
            Ok(Entity {
                kind: entity_kind(&kind)?,
                ..e
            })
        })
        .transpose()
}

/// One article's rows as the writer was given them (before [`rederive`]).
fn read_article(
    conn: &Connection,
    row: &Row,
    id: i64,
    origin: Origin,
    warnings: Vec<String>,
) -> Result<Article, Unreadable> {
    let mut paragraphs = conn.prepare_cached(include_str!("sql/article_blocks.sql"))?;
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut blocks = Vec::new();
    let mut rows = paragraphs.query([id])?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let kind = Kind::parse(&kind)
            .ok_or_else(|| format!("a block of kind {kind:?}, which corpusdb never writes"))?;
        // Set aside by the corpus-wide step, from a body block with no reason.
        let (kind, reason) = if kind == Kind::Repeated {
            (Kind::Body, None)
        } else {
            (kind, r.get(2)?)
        };
        index.insert(r.get(0)?, blocks.len());
        blocks.push(Block {
            kind,
            reason,
            language: r.get(3)?,
            text: r.get(4)?,
            sentences: Vec::new(),
            line_key: r.get(5)?,
        });
    }
    drop(rows);
    // The joins below only name this article's blocks; the lookup maps their ids.
    let block_of = |paragraph_id: i64| {
        index
            .get(&paragraph_id)
            .copied()
            .ok_or_else(|| format!("paragraph {paragraph_id} is not one of its blocks"))
    };

    let mut sentences = conn.prepare_cached(include_str!("sql/read_sentences.sql"))?;
    let mut rows = sentences.query([id])?;
    while let Some(r) = rows.next()? {
        let block = block_of(r.get(0)?)?;
        blocks[block].sentences.push(span(r, 1)?);
    }

    let mut mentions = Vec::new();
    let mut stmt = conn.prepare_cached(include_str!("sql/read_mentions.sql"))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let entity =
            typed(entity_at(r, 4)?)?.ok_or_else(|| "a mention without an entity".to_string())?;
        let linked_kind = r
            .get::<_, Option<String>>(10)?
            .map(|k| entity_kind(&k))
            .transpose()?;
        let kind: String = r.get(11)?;
        let kind = EntityKind::parse(&kind)
            .ok_or_else(|| format!("a mention of kind {kind:?}, which corpusdb never writes"))?;
        mentions.push(Mention {
            kind,
            block: block_of(r.get(0)?)?,
            span: span(r, 1)?,
            text: r.get(3)?,
            entity,
            linked_kind,
        });
    }

    let mut dates = Vec::new();
    let mut stmt = conn.prepare_cached(include_str!("sql/read_dates.sql"))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let granularity: Option<String> = r.get(5)?;
        let granularity = granularity
            .as_deref()
            .and_then(Granularity::parse)
            .ok_or_else(|| {
                format!(
                    "a date mention of granularity {granularity:?}, which corpusdb never writes"
                )
            })?;
        dates.push(DateMention {
            block: block_of(r.get(0)?)?,
            span: span(r, 1)?,
            text: r.get(3)?,
            value: r.get(4)?,
            granularity: granularity.as_str(),
        });
    }

    let mut quotes = Vec::new();
    let mut stmt = conn.prepare_cached(include_str!("sql/read_quotes.sql"))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let (Some(rule), Some(echo_key)) = (
            r.get::<_, Option<String>>(8)?,
            r.get::<_, Option<String>>(9)?,
        ) else {
            return Err(Unreadable::Invalid(
                "a quote without a rule or an echo key".to_string(),
            ));
        };
        quotes.push(Quote {
            block: block_of(r.get(0)?)?,
            span: span(r, 1)?,
            text: r.get(3)?,
            speaker_text: r.get(4)?,
            speaker: typed(entity_at(r, 10)?)?,
            cue: r.get(5)?,
            via_text: r.get(6)?,
            via: typed(entity_at(r, 16)?)?,
            partial: r.get(7)?,
            rule,
            echo_key,
        });
    }
    drop(rows);
    let repairs = read_repairs(conn, id)?;

    Ok(Article {
        origin,
        external_id: row.get(3)?,
        title: row.get(4)?,
        dek: row.get(5)?,
        byline: row.get(6)?,
        url: row.get(7)?,
        source: row.get(8)?,
        source_raw: row.get(9)?,
        source_domain: row.get(10)?,
        published_at: row.get(11)?,
        published_raw: row.get(12)?,
        language: row.get(13)?,
        content_hash: row.get(14)?,
        received_hash: row.get(16)?,
        // The text the article holds: the bytes it was read from are not kept.
        bytes: blocks.iter().map(|b| b.text.len()).sum(),
        blocks,
        words: unsigned(row, 15)?,
        warnings,
        mentions,
        dates,
        quotes,
        story: Default::default(),
        repairs,
    })
}

/// The normalize stage's repairs of a stored article, and its fields as received.
fn read_repairs(conn: &Connection, id: i64) -> Result<Repairs, Unreadable> {
    let mut repairs = Repairs::default();
    let mut stmt = conn.prepare_cached(include_str!("sql/read_repairs.sql"))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        repairs.counts.push((r.get(0)?, unsigned(r, 1)?));
    }
    let mut stmt = conn.prepare_cached(include_str!("sql/read_received.sql"))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        repairs.received.push((r.get(0)?, r.get(1)?));
    }
    Ok(repairs)
}

/// Puts back what the link stage derived for this article alone and the database keeps only
/// corpus-wide, by running the link stage's pure functions again on the stored article.
/// What they give is used only when it agrees with what is stored (the same entity kinds
/// and keys, the same quotes); otherwise the stored values stay and this returns `false`.
fn rederive(article: &mut Article, rules: &Rules) -> bool {
    let genders: Vec<_> = article
        .mentions
        .iter()
        .map(|m| {
            let block = article.blocks.get(m.block).map_or("", |b| b.text.as_str());
            link::title_gender(block, m.span.start, &m.text)
        })
        .collect();
    let Some(entities) = resolve_again(&article.mentions, &genders, rules) else {
        return false;
    };
    for (mention, entity) in article.mentions.iter_mut().zip(entities) {
        // The article's own entity again: the database written to applies its rules.
        mention.entity = entity;
        mention.linked_kind = None;
    }
    // A speaker or channel the article's mentions name is that mention's entity; one they
    // do not name has the quote extractor's name for it, found by extracting again.
    let mut unnamed = false;
    let mentions = &article.mentions;
    for quote in &mut article.quotes {
        for entity in [&mut quote.speaker, &mut quote.via].into_iter().flatten() {
            match mentions
                .iter()
                .map(|m| &m.entity)
                .find(|e| e.key == entity.key)
            {
                Some(tagged) if tagged.kind == entity.kind => *entity = tagged.clone(),
                _ => unnamed = true,
            }
        }
    }
    if !unnamed {
        return true;
    }
    let again = link::quotes(article);
    let agrees = again.len() == article.quotes.len()
        && again
            .iter()
            .zip(&article.quotes)
            .all(|(a, b)| same_quote(a, b));
    if agrees {
        article.quotes = again;
    }
    agrees
}

/// At most this many texts get other kinds tried (4 kinds each) when the stored kinds do
/// not give the stored entities back.
const MAX_RETYPED: u32 = 3;

/// The entities [`link::entities`] gives the stored mentions, when they are the stored ones
/// (same kinds and keys, or the stored one is what an alias rule made of the name: the
/// article's own entity is returned, and the database written to applies its rules). The
/// kind the tagger gave a mention is not stored, only the kind of the entity it resolved to: an acronym joined to a longer name in the article takes that
/// name's kind, and resolved again with it may go elsewhere ("DACA" as an organisation is a
/// gazetteer spelling of Dhaka). So when the stored kinds do not agree, every kind is tried
/// for the mentions that came out otherwise, one kind for all of them with the same text
/// (the others of that text, which came out right, keep theirs).
fn resolve_again(
    mentions: &[Mention],
    genders: &[Option<link::Gender>],
    rules: &Rules,
) -> Option<Vec<Entity>> {
    // Linked again as the article linked them, before any rule gave them another kind.
    let kinds: Vec<EntityKind> = mentions
        .iter()
        .map(|m| m.linked_kind.unwrap_or(m.entity.kind))
        .collect();
    let ruled = |e: &Entity, m: &Mention| {
        rules
            .target(e)
            .is_some_and(|t| (t.kind, &t.key) == (m.entity.kind, &m.entity.key))
    };
    let differ = |e: &Entity, m: &Mention| {
        (e.kind, &e.key) != (m.entity.kind, &m.entity.key) && !ruled(e, m)
    };
    let agree = |entities: &[Entity]| {
        entities.len() == mentions.len()
            && !entities.iter().zip(mentions).any(|(e, m)| differ(e, m))
    };
    let mut names: Vec<(EntityKind, &str)> = kinds
        .iter()
        .zip(mentions)
        .map(|(&k, m)| (k, m.text.as_str()))
        .collect();
    let entities = link::entities_with(&names, genders);
    if agree(&entities) {
        return Some(entities);
    }
    let retyped: Vec<usize> = entities
        .iter()
        .zip(mentions)
        .enumerate()
        .filter(|(_, (e, m))| differ(e, m))
        .map(|(i, _)| i)
        .collect();
    let mut texts: Vec<&str> = retyped.iter().map(|&i| mentions[i].text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    let n = u32::try_from(texts.len())
        .ok()
        .filter(|&n| n <= MAX_RETYPED)?;
    let all = EntityKind::ALL;
    (0..(all.len() as u32).pow(n)).find_map(|combination| {
        for &i in &retyped {
            let j = texts
                .iter()
                .position(|t| *t == mentions[i].text)
                .unwrap_or(0) as u32;
            names[i].0 = all[(combination / (all.len() as u32).pow(j)) as usize % all.len()];
        }
        Some(link::entities_with(&names, genders)).filter(|e| agree(e))
    })
}

/// Whether two quotes are the same but for their entities' names and places.
fn same_quote(a: &Quote, b: &Quote) -> bool {
    let id = |e: &Option<Entity>| e.as_ref().map(|e| (e.kind, e.key.clone()));
    (
        a.block,
        a.span,
        &a.text,
        &a.speaker_text,
        &a.cue,
        &a.via_text,
        a.partial,
        &a.rule,
        &a.echo_key,
    ) == (
        b.block,
        b.span,
        &b.text,
        &b.speaker_text,
        &b.cue,
        &b.via_text,
        b.partial,
        &b.rule,
        &b.echo_key,
    ) && id(&a.speaker) == id(&b.speaker)
        && id(&a.via) == id(&b.via)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions as a load stores them: resolved from the tagger's kinds.
    fn stored(tagged: &[(EntityKind, &str)]) -> Vec<Mention> {
        tagged
            .iter()
            .zip(link::entities(tagged))
            .map(|(&(kind, text), entity)| Mention {
                kind,
                block: 0,
                span: Span { start: 0, end: 1 },
                text: text.to_string(),
                entity,
                linked_kind: None,
            })
            .collect()
    }

    #[test]
    fn entities_resolve_again_when_the_tagger_kind_was_another() {
        use EntityKind::{Org, Person};
        // The title's "DACA", tagged a person, joins the long name it abbreviates and takes
        // its kind, as the body's, tagged an organisation, does.
        let mentions = stored(&[
            (Person, "DACA"),
            (Org, "Deferred Action for Childhood Arrivals"),
            (Org, "DACA"),
        ]);
        assert_eq!(
            mentions[0].entity.name,
            "Deferred Action for Childhood Arrivals"
        );
        assert_eq!(mentions[2].entity.key, mentions[0].entity.key);
        let again = resolve_again(&mentions, &[], &Rules::default()).expect("resolved again");
        assert_eq!(
            again,
            mentions
                .iter()
                .map(|m| m.entity.clone())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn origins_read_back_as_written() {
        for origin in [
            Origin {
                file: "a/b.jsonl".into(),
                line: Some(12),
                record: None,
            },
            Origin {
                file: "x.json".into(),
                line: None,
                record: Some(3),
            },
            Origin {
                file: "bbc/tech/001.txt".into(),
                line: None,
                record: None,
            },
            Origin {
                file: "c:/odd#name.csv".into(),
                line: Some(1),
                record: None,
            },
            Origin {
                file: "-".into(),
                line: Some(7),
                record: None,
            },
        ] {
            assert_eq!(parse_origin(&origin.to_string()), origin);
        }
        // Text the Display never writes still reads back to the same text.
        for text in ["a:", "a:b", "a#", "#", ":12x"] {
            assert_eq!(parse_origin(text).to_string(), text);
        }
    }
}
