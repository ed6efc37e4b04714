//! The user's alias file (`corpusdb load --aliases FILE`): which names stand for which
//! entity, across the whole corpus. Pure: the file's text in, rules out; the store keeps
//! them and applies them to what is stored and to every later load.
//!
//! One entity a line, tab-separated: its kind (person, org, place or misc), its canonical
//! name, then any number of aliases. Blank lines and lines starting with `#` are skipped.
//!
//! ```text
//! person	Donald Trump	Trump	Donald J. Trump
//! org	New York Times	NYT	nytimes.com
//! place	Georgia (U.S. state)	Georgia
//! ```
//!
//! A rule merges: every name on the line becomes the one entity, whatever kind the tagger
//! gave the name ("Trump" tagged as an organisation becomes the person). It also splits: a
//! name the built-in linking gives to one entity (here "Georgia", the country in the
//! gazetteer) goes to the entity the line names instead. Names match on their key, as
//! entities merge across the corpus: case, accents, hyphens and periods aside. A later rule
//! for the same name replaces an earlier one.

// The example above is the file format itself: its separators are real tabs, which a
// reader copies into their own rules file, so clippy's advice to use spaces would break it.
#![allow(clippy::tabs_in_doc_comments)]

use crate::model::Entity;
use crate::model::EntityKind;
use crate::vocab::gazetteer::alias_key;

/// One name and the entity it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasRule {
    /// The name as the file wrote it.
    pub alias: String,
    /// Its key, as `entities.key`.
    pub key: String,
    /// What the name becomes, whatever kind the tagger gave it.
    pub entity: Entity,
    /// `file:line` of the user's rule, or the evidence for a learned one (`corpus: …`).
    pub origin: String,
}

impl AliasRule {
    /// Whether the rule was learned from the corpus rather than given by a user.
    pub fn learned(&self) -> bool {
        self.origin.starts_with(LEARNED)
    }
}

/// How the origin of a rule learned from the corpus starts.
pub const LEARNED: &str = "corpus: ";

/// Parses an alias file; `origin` names it in errors, which give the line.
///
/// ```
/// use corpusdb::link::alias_rules::parse;
/// use corpusdb::model::EntityKind;
/// let rules = parse("# people\nperson\tDonald Trump\tTrump\n", "mine.tsv").unwrap();
/// let keys: Vec<&str> = rules.iter().map(|r| r.key.as_str()).collect();
/// assert_eq!(keys, ["donald trump", "trump"]);
/// assert!(rules.iter().all(|r| r.entity.name == "Donald Trump" && r.entity.kind == EntityKind::Person));
/// assert_eq!(rules[1].origin, "mine.tsv:2");
/// assert!(parse("people\tX\n", "mine.tsv").unwrap_err().starts_with("mine.tsv:1: unknown kind 'people'"));
/// ```
pub fn parse(text: &str, origin: &str) -> Result<Vec<AliasRule>, String> {
    let mut rules = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = format!("{origin}:{}", n + 1);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let kind = EntityKind::parse(fields[0]).ok_or_else(|| {
            format!(
                "{at}: unknown kind '{}' (person, org, place or misc, then a tab)",
                fields[0]
            )
        })?;
        let name = fields
            .get(1)
            .copied()
            .filter(|n| !alias_key(n).is_empty())
            .ok_or_else(|| {
                format!("{at}: no canonical name after the kind (fields are tab-separated)")
            })?;
        let entity = target(kind, name);
        for alias in &fields[1..] {
            let key = alias_key(alias);
            if key.is_empty() {
                continue;
            }
            rules.push(AliasRule {
                alias: alias.to_string(),
                key,
                entity: entity.clone(),
                origin: at.clone(),
            });
        }
    }
    Ok(rules)
}

/// The entity a rule names: the user's name and kind, with the gazetteer's country and
/// coordinates when it knows the name.
pub fn target(kind: EntityKind, name: &str) -> Entity {
    let known = super::entities(&[(kind, name)]).pop();
    let (country, latitude, longitude) =
        known.map_or((None, None, None), |e| (e.country, e.latitude, e.longitude));
    Entity {
        kind,
        name: name.to_string(),
        key: alias_key(name),
        country,
        latitude,
        longitude,
    }
}
