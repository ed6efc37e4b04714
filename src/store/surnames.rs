//! Surnames across the corpus. Within an article "Trump" joins "Donald Trump"; an article
//! that never gives the full name leaves a person "Trump" of its own, and across articles a
//! surname alone is not merged without evidence ("Assad": Bashar or Hafez). The evidence
//! is the corpus: when the people named in full with that surname are, nearly always, one
//! person (by the paragraphs that name them), the bare surname is that person, whatever
//! kind the tagger gave it where it stands alone ("Obama" read as the Japanese town, "Trump"
//! of "the Trump administration" as an organisation): a surname is only learned when the
//! gazetteer knows no country, state, region, organisation or large city of that name. What
//! is learned becomes an alias rule (`entity_rules`, with the evidence as its origin), so
//! later loads link the name as they store it, and a user's rule for the same name is never
//! replaced.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::extract::ner::aliases::yields_to_person;
use crate::extract::ner::EntityKind;
use crate::link::alias_rules::{target, AliasRule, LEARNED};
use crate::Result;

/// Paragraphs naming people in full with a surname before a bare mention of it can be linked:
/// a small corpus says too little.
const MIN_PARAGRAPHS: i64 = 50;
/// The share of those paragraphs one person must have.
const MIN_SHARE: f64 = 0.9;

/// Rules for the bare surnames the corpus now attributes to one person, skipping names that
/// have a user's rule. Rules learned before are learned again (a rule that applied to people
/// only, before surnames applied to every kind, is replaced).
pub fn learn(conn: &Connection) -> Result<Vec<AliasRule>> {
    let ruled: HashSet<String> = super::entity_rules::stored(conn)?.into_iter().filter(|r| !r.learned()).map(|r| r.key).collect();
    let mut stmt = conn.prepare(include_str!("sql/person_weights.sql"))?;
    let people = stmt
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(surname_rules(&people, &ruled))
}

/// The rules, from people as (key, name, paragraphs).
///
/// ```
/// use std::collections::HashSet;
/// use corpusdb::store::surnames::surname_rules;
/// let people = [
///     ("donald trump", "Donald Trump", 950), ("melania trump", "Melania Trump", 30), ("trump", "Trump", 400),
///     ("bashar al assad", "Bashar al-Assad", 60), ("hafez al assad", "Hafez al-Assad", 40), ("assad", "Assad", 90),
/// ];
/// let people: Vec<(String, String, i64)> = people.iter().map(|&(k, n, p)| (k.into(), n.into(), p)).collect();
/// let rules = surname_rules(&people, &HashSet::new());
/// assert_eq!(rules.len(), 1, "Assad stays apart: two people share the surname");
/// assert_eq!((rules[0].key.as_str(), rules[0].entity.name.as_str()), ("trump", "Donald Trump"));
/// assert!(rules[0].learned());
/// ```
pub fn surname_rules(people: &[(String, String, i64)], ruled: &HashSet<String>) -> Vec<AliasRule> {
    // Full names by surname (the last word of the key), with their paragraphs.
    let mut by_surname: HashMap<&str, Vec<(&str, i64)>> = HashMap::new();
    for (key, name, paragraphs) in people {
        if let Some((_, surname)) = key.rsplit_once(' ') {
            by_surname.entry(surname).or_default().push((name.as_str(), *paragraphs));
        }
    }
    let mut rules = Vec::new();
    for (key, name, _) in people {
        if key.contains(' ') || ruled.contains(key) || !yields_to_person(name) {
            continue;
        }
        let Some(full) = by_surname.get(key.as_str()) else { continue };
        let total: i64 = full.iter().map(|&(_, p)| p).sum();
        let Some(&(best, most)) = full.iter().max_by_key(|&&(n, p)| (p, std::cmp::Reverse(n))) else { continue };
        let share = most as f64 / total.max(1) as f64;
        if total >= MIN_PARAGRAPHS && share >= MIN_SHARE {
            rules.push(AliasRule {
                alias: name.clone(),
                key: key.clone(),
                entity: target(EntityKind::Person, best),
                origin: format!("{LEARNED}{best} has {:.0}% of the {total} paragraphs that give {name} in full", share * 100.0),
            });
        }
    }
    rules.sort_by(|a, b| a.key.cmp(&b.key));
    rules
}
