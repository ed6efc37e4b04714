//! Alias rules learned from the corpus, for what one article cannot tell.
//!
//! Surnames. Within an article "Trump" joins "Donald Trump"; an article
//! that never gives the full name leaves a person "Trump" of its own, and across articles a
//! surname alone is not merged without evidence ("Assad": Bashar or Hafez). The evidence
//! is the corpus: when the people named in full with that surname are, nearly always, one
//! person (by the paragraphs that name them), the bare surname is that person, whatever
//! kind the tagger gave it where it stands alone ("Obama" read as the Japanese town, "Trump"
//! of "the Trump administration" as an organisation): a surname is only learned when the
//! gazetteer knows no country, state, region, organisation or large city of that name.
//!
//! Middle initials are learned the same way: "Donald J. Trump" and "John A. Boehner" (as
//! some outlets write every name) are "Donald Trump" and "John Boehner" when the corpus
//! names the person without the initial too and gives that first and last name no other
//! middle initial ("George W. Bush" stays apart while "George H. W. Bush" is in the corpus
//! as well). Their paragraphs count for the full name when surnames are weighed.
//!
//! Kinds. Within an article one name is one kind, but an article that only says "the
//! Elizabeth Warren campaign" leaves an organisation "Elizabeth Warren" beside the person
//! the rest of the corpus names. A name the gazetteer does not know that the tagger gives
//! one kind in nearly all the paragraphs naming it is that kind everywhere. The gazetteer
//! is a prior: a name it knows ("Al Jazeera") read as a person and as the gazetteer's kind
//! is of the gazetteer's kind when that kind has at least half its paragraphs; a known name
//! read as two kinds other than a person ("Leeds", the city and the club) stays two. Each
//! mention keeps its own kind (`mentions.kind`) when a rule moves it.
//!
//! What is learned becomes an alias rule ([`super::entity_rules`], with the evidence as its
//! origin),
//! so later loads link the name as they store it, and a user's rule for the same name is
//! never replaced.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::extract::ner::aliases::{is_known, known_kind, yields_to_person};
use crate::link::alias_rules::{target, AliasRule, LEARNED};
use crate::model::EntityKind;
use crate::Result;

/// Paragraphs naming people in full with a surname before a bare mention of it can be linked:
/// a small corpus says too little.
const MIN_PARAGRAPHS: i64 = 50;
/// The share of those paragraphs one person must have; also the share of a name's
/// paragraphs with a middle initial that one initial must have.
const MIN_SHARE: f64 = 0.9;
/// Paragraphs naming a name, of all kinds, before its kind is learned, and the share one
/// kind must have: the tagger's kind is wrong in about one mention in fifteen, and wrong
/// the same way wherever a name stands in the same phrase ("the Warren campaign"), so a
/// name read one way four times in five is that kind.
const MIN_KIND_PARAGRAPHS: i64 = 20;
const MIN_KIND_SHARE: f64 = 0.8;
/// Paragraphs naming a person with and without a middle initial before the two are one (a
/// full name is far less ambiguous than a surname, but two mentions say too little); and
/// the paragraphs another middle initial of the name may have for them still to be one.
const MIN_INITIAL_PARAGRAPHS: i64 = 10;

/// The rules the corpus now supports (middle initials, bare surnames, then kinds), skipping
/// names that have a user's rule. Rules learned before are learned again (a rule that
/// applied to people only, before surnames applied to every kind, is replaced).
pub fn learn(conn: &Connection) -> Result<Vec<AliasRule>> {
    let mut ruled: HashSet<String> = crate::store::entity_rules::stored(conn)?
        .into_iter()
        .filter(|r| !r.learned())
        .map(|r| r.key)
        .collect();
    let mut stmt = conn.prepare(include_str!("sql/name_weights.sql"))?;
    let names = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(learn_from(names, &mut ruled))
}

/// The rules names as (key, kind, name, paragraphs) support, skipping names in `ruled`
/// (which gets the learned ones).
fn learn_from(
    mut names: Vec<(String, String, String, i64)>,
    ruled: &mut HashSet<String>,
) -> Vec<AliasRule> {
    // What one round's rules merge can make another rule hold ("Monday" given to the person
    // "Smith Monday" makes that name a person in more of its paragraphs): rounds go on, on
    // the names as the rules will have merged them, until one learns nothing new, so that
    // the next load, which sees the merged entities, learns nothing new either.
    let mut rules = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let learned = round(&names, ruled);
        if learned.is_empty() {
            break;
        }
        ruled.extend(learned.iter().map(|r| r.key.clone()));
        names = merged(names, &learned);
        rules.extend(learned);
    }
    rules
}

/// A bound on the rounds of learning (each round only adds rules, for names not yet ruled).
const MAX_ROUNDS: usize = 5;

/// One round: middle initials, bare surnames, then kinds, from names as (key, kind, name,
/// paragraphs), skipping names in `ruled`.
fn round(names: &[(String, String, String, i64)], ruled: &HashSet<String>) -> Vec<AliasRule> {
    let people: Vec<(String, String, i64)> = names
        .iter()
        .filter(|n| n.1 == EntityKind::Person.as_str())
        .map(|(key, _, name, paragraphs)| (key.clone(), name.clone(), *paragraphs))
        .collect();
    let initials = initial_rules(&people, ruled);
    // Surnames weigh the initials' paragraphs in this round, not the next: by then a kind rule
    // for the bare surname ("Boehner" is a person) would have settled it.
    let people = fold(people, &initials);
    let mut rules = initials;
    rules.extend(surname_rules(&people, &(ruled | &not_surnames(names))));
    // A name an initial or a surname rule gives to a person is settled.
    let settled: HashSet<&str> = rules.iter().map(|r| r.key.as_str()).collect();
    let kinds: Vec<AliasRule> = kind_rules(names, ruled)
        .into_iter()
        .filter(|r| !settled.contains(r.key.as_str()))
        .collect();
    rules.extend(kinds);
    rules
}

/// The names as the rules leave them: each name a rule gives to an entity counts, with all
/// its kinds, as that entity.
fn merged(
    names: Vec<(String, String, String, i64)>,
    rules: &[AliasRule],
) -> Vec<(String, String, String, i64)> {
    let into: HashMap<&str, &AliasRule> = rules.iter().map(|r| (r.key.as_str(), r)).collect();
    // By target key: (kind, name, paragraphs moved there).
    let mut moved: HashMap<String, Vec<(EntityKind, String, i64)>> = HashMap::new();
    let mut kept = Vec::with_capacity(names.len());
    for (key, kind, name, paragraphs) in names {
        let Some(rule) = into.get(key.as_str()) else {
            kept.push((key, kind, name, paragraphs));
            continue;
        };
        let targets = moved.entry(rule.entity.key.clone()).or_default();
        match targets.iter_mut().find(|t| t.0 == rule.entity.kind) {
            Some(target) => target.2 += paragraphs,
            None => targets.push((rule.entity.kind, rule.entity.name.clone(), paragraphs)),
        }
    }
    for (key, kind, _, paragraphs) in &mut kept {
        if let Some(target) = moved
            .get_mut(key.as_str())
            .and_then(|ts| ts.iter_mut().find(|t| t.0.as_str() == kind.as_str()))
        {
            *paragraphs += std::mem::take(&mut target.2);
        }
    }
    kept.extend(moved.into_iter().flat_map(|(key, targets)| {
        targets
            .into_iter()
            .filter(|t| t.2 > 0)
            .map(move |(kind, name, paragraphs)| (key.clone(), kind.to_string(), name, paragraphs))
    }));
    kept
}

/// One-word names read as no person in more paragraphs than people with that surname are
/// named in full: whatever person an article made of one ("Ten Navy sailors" gives a "Ten
/// Navy"), "the Navy" is no surname; "Priebus" read as an organisation now and then still is.
fn not_surnames(names: &[(String, String, String, i64)]) -> HashSet<String> {
    let person = EntityKind::Person.as_str();
    let mut in_full: HashMap<&str, i64> = HashMap::new();
    let mut otherwise: HashMap<&str, i64> = HashMap::new();
    for (key, kind, _, paragraphs) in names {
        match key.rsplit_once(' ') {
            Some((_, surname)) if kind == person => {
                *in_full.entry(surname).or_default() += paragraphs
            }
            None if kind != person => *otherwise.entry(key.as_str()).or_default() += paragraphs,
            _ => {}
        }
    }
    otherwise
        .into_iter()
        .filter(|&(key, n)| n > in_full.get(key).copied().unwrap_or(0))
        .map(|(key, _)| key.to_string())
        .collect()
}

/// Rules that give a name tagged with several kinds across the corpus the kind nearly all
/// its paragraphs have, from names as (key, kind, name, paragraphs); names with a rule
/// already, and names the gazetteer knows (it decides those in each article), are skipped.
///
/// ```
/// use std::collections::HashSet;
/// use corpusdb::corpus::learned::kind_rules;
/// let names = [
///     ("ann kerr", "person", "Ann Kerr", 90), ("ann kerr", "org", "Ann Kerr", 12),
///     ("harbour trust", "org", "Harbour Trust", 30), ("harbour trust", "person", "Harbour Trust", 15),
///     ("jordan", "place", "Jordan", 300), ("jordan", "person", "Jordan", 20),
///     ("bo lee", "person", "Bo Lee", 9), ("bo lee", "place", "Bo Lee", 1),
/// ];
/// let names: Vec<(String, String, String, i64)> = names.iter().map(|&(k, c, n, p)| (k.into(), c.into(), n.into(), p)).collect();
/// let rules = kind_rules(&names, &HashSet::new());
/// assert_eq!(rules.len(), 1, "the Harbour Trust is read two ways; Jordan is in the gazetteer; too little said of Bo Lee");
/// assert_eq!((rules[0].key.as_str(), rules[0].entity.kind.as_str(), rules[0].entity.name.as_str()), ("ann kerr", "person", "Ann Kerr"));
/// ```
pub fn kind_rules(
    names: &[(String, String, String, i64)],
    ruled: &HashSet<String>,
) -> Vec<AliasRule> {
    let mut by_key: HashMap<&str, Vec<(&str, &str, i64)>> = HashMap::new();
    for (key, kind, name, paragraphs) in names {
        by_key
            .entry(key.as_str())
            .or_default()
            .push((kind.as_str(), name.as_str(), *paragraphs));
    }
    let mut rules = Vec::new();
    for (key, kinds) in by_key {
        let total: i64 = kinds.iter().map(|&(_, _, p)| p).sum();
        let Some(&(kind, name, most)) = kinds
            .iter()
            .max_by_key(|&&(k, _, p)| (p, std::cmp::Reverse(k)))
        else {
            continue;
        };
        let share = most as f64 / total.max(1) as f64;
        let Some(kind) = EntityKind::parse(kind) else {
            continue;
        };
        if kinds.len() < 2 || ruled.contains(key) || total < MIN_KIND_PARAGRAPHS {
            continue;
        }
        // The gazetteer is a prior: an organisation it knows ("Al Jazeera", an outlet) that
        // the tagger also read as a person is an organisation when that reading has at least
        // half its paragraphs. Its other readings (a club named after its city, an
        // organisation beside a place) are other contexts, and stay apart; so does a person
        // named like a place ("Jordan"), which is a person as often as not.
        let of = |k: EntityKind| -> i64 {
            kinds
                .iter()
                .filter(|&&(c, _, _)| c == k.as_str())
                .map(|&(_, _, p)| p)
                .sum()
        };
        let person = EntityKind::Person;
        let prior = known_kind(name).filter(|&g| {
            g == EntityKind::Org
                && 2 * of(g) >= total
                && of(g) + of(person) == total
                && of(person) > 0
        });
        let (kind, share) = match prior {
            Some(g) => (g, of(g) as f64 / total as f64),
            None if share < MIN_KIND_SHARE || is_known(name) => continue,
            None => (kind, share),
        };
        let name = kinds
            .iter()
            .find(|&&(k, _, _)| k == kind.as_str())
            .map_or(name, |&(_, n, _)| n);
        let article = if kind == EntityKind::Org { "an" } else { "a" };
        let origin = format!(
            "{name} is {article} {} in {:.0}% of the {total} paragraphs that name it",
            kind.as_str(),
            share * 100.0
        );
        rules.push(learned_rule(key, name, kind, name, origin));
    }
    rules.sort_by(|a, b| a.key.cmp(&b.key));
    rules
}

/// The first name, middle initials and last name of a key such as "george h w bush".
fn with_initials(key: &str) -> Option<(&str, &str)> {
    let words: Vec<&str> = key.split(' ').collect();
    let (&first, rest) = words.split_first()?;
    let (&last, middle) = rest.split_last()?;
    let initials =
        !middle.is_empty() && middle.len() <= 2 && middle.iter().all(|w| w.chars().count() == 1);
    (initials && first.chars().count() > 1 && last.chars().count() > 1).then_some((first, last))
}

/// Rules that give a person named with a middle initial to the same first and last name
/// without it, from people as (key, name, paragraphs); names with a user's rule are skipped.
///
/// ```
/// use std::collections::HashSet;
/// use corpusdb::corpus::learned::initial_rules;
/// let people = [
///     ("donald trump", "Donald Trump", 950), ("donald j trump", "Donald J. Trump", 40),
///     ("george bush", "George Bush", 30), ("george w bush", "George W. Bush", 900), ("george h w bush", "George H. W. Bush", 60),
///     ("ann e smith", "Ann E. Smith", 4), ("ann smith", "Ann Smith", 3),
/// ];
/// let people: Vec<(String, String, i64)> = people.iter().map(|&(k, n, p)| (k.into(), n.into(), p)).collect();
/// let rules = initial_rules(&people, &HashSet::new());
/// assert_eq!(rules.len(), 1, "two Bushes; too little said of Ann Smith");
/// assert_eq!((rules[0].key.as_str(), rules[0].entity.name.as_str()), ("donald j trump", "Donald Trump"));
/// ```
pub fn initial_rules(people: &[(String, String, i64)], ruled: &HashSet<String>) -> Vec<AliasRule> {
    let plain: HashMap<&str, &(String, String, i64)> =
        people.iter().map(|p| (p.0.as_str(), p)).collect();
    // Paragraphs with any middle initial, by first and last name.
    let mut initialed: HashMap<(&str, &str), i64> = HashMap::new();
    for (key, _, paragraphs) in people {
        if let Some(names) = with_initials(key) {
            *initialed.entry(names).or_default() += paragraphs;
        }
    }
    let mut rules = Vec::new();
    for (key, name, paragraphs) in people {
        let Some((first, last)) = with_initials(key) else {
            continue;
        };
        let Some((_, without, plain_paragraphs)) = plain.get(format!("{first} {last}").as_str())
        else {
            continue;
        };
        let others = initialed[&(first, last)] - paragraphs;
        let share = *paragraphs as f64 / (paragraphs + others).max(1) as f64;
        // "George W. Bush" beside 124 paragraphs of "George H. W. Bush": the name without an
        // initial may be either, however few the other's paragraphs are next to his.
        let alone = share >= MIN_SHARE && others < MIN_INITIAL_PARAGRAPHS;
        if ruled.contains(key) || !alone || paragraphs + plain_paragraphs < MIN_INITIAL_PARAGRAPHS {
            continue;
        }
        let origin = format!("{name} is the only middle initial the corpus gives {without} ({:.0}% of such paragraphs)", share * 100.0);
        rules.push(learned_rule(key, name, EntityKind::Person, without, origin));
    }
    rules.sort_by(|a, b| a.key.cmp(&b.key));
    rules
}

/// A learned rule giving the name `alias` (keyed `key`) to the entity `kind` `name`.
fn learned_rule(
    key: &str,
    alias: &str,
    kind: EntityKind,
    name: &str,
    evidence: String,
) -> AliasRule {
    AliasRule {
        alias: alias.to_string(),
        key: key.to_string(),
        entity: target(kind, name),
        origin: format!("{LEARNED}{evidence}"),
    }
}

/// `people` with each name that a rule gives to another person counted as that person.
fn fold(mut people: Vec<(String, String, i64)>, rules: &[AliasRule]) -> Vec<(String, String, i64)> {
    let into: HashMap<&str, &str> = rules
        .iter()
        .map(|r| (r.key.as_str(), r.entity.key.as_str()))
        .collect();
    let mut moved: HashMap<String, i64> = HashMap::new();
    for (key, _, paragraphs) in &people {
        if let Some(&target) = into.get(key.as_str()) {
            *moved.entry(target.to_string()).or_default() += paragraphs;
        }
    }
    people.retain(|(key, _, _)| !into.contains_key(key.as_str()));
    for (key, _, paragraphs) in &mut people {
        *paragraphs += moved.get(key.as_str()).copied().unwrap_or(0);
    }
    people
}

/// The rules, from people as (key, name, paragraphs).
///
/// ```
/// use std::collections::HashSet;
/// use corpusdb::corpus::learned::surname_rules;
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
            by_surname
                .entry(surname)
                .or_default()
                .push((name.as_str(), *paragraphs));
        }
    }
    let mut rules = Vec::new();
    for (key, name, _) in people {
        if key.contains(' ') || ruled.contains(key) || !yields_to_person(name) {
            continue;
        }
        let Some(full) = by_surname.get(key.as_str()) else {
            continue;
        };
        let total: i64 = full.iter().map(|&(_, p)| p).sum();
        let Some(&(best, most)) = full.iter().max_by_key(|&&(n, p)| (p, std::cmp::Reverse(n)))
        else {
            continue;
        };
        let share = most as f64 / total.max(1) as f64;
        if total >= MIN_PARAGRAPHS && share >= MIN_SHARE {
            let origin = format!(
                "{best} has {:.0}% of the {total} paragraphs that give {name} in full",
                share * 100.0
            );
            rules.push(learned_rule(key, name, EntityKind::Person, best, origin));
        }
    }
    rules.sort_by(|a, b| a.key.cmp(&b.key));
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(rows: &[(&str, &str, &str, i64)]) -> Vec<(String, String, String, i64)> {
        rows.iter()
            .map(|&(k, c, n, p)| (k.into(), c.into(), n.into(), p))
            .collect()
    }

    #[test]
    fn learning_again_on_what_the_rules_merged_learns_nothing_new() {
        // Read as a person in 70% of its paragraphs, too few for its kind; once the bare
        // surname joins it, in 81%.
        let rows = names(&[
            ("ann kerr", "person", "Ann Kerr", 70),
            ("ann kerr", "org", "Ann Kerr", 30),
            ("kerr", "person", "Kerr", 60),
        ]);
        let rules = learn_from(rows.clone(), &mut HashSet::new());
        let learned: Vec<(&str, &str)> = rules
            .iter()
            .map(|r| (r.key.as_str(), r.entity.kind.as_str()))
            .collect();
        assert_eq!(learned, [("kerr", "person"), ("ann kerr", "person")]);
        let mut ruled: HashSet<String> = rules.iter().map(|r| r.key.clone()).collect();
        let after = merged(rows, &rules);
        assert_eq!(after, names(&[("ann kerr", "person", "Ann Kerr", 160)]));
        assert!(learn_from(after, &mut ruled).is_empty());
    }

    #[test]
    fn a_word_mostly_read_as_no_person_is_no_surname() {
        let names = [
            ("navy", "org", 300),
            ("navy", "person", 20),
            ("ten navy", "person", 60),
            ("priebus", "org", 30),
            ("priebus", "person", 28),
            ("reince priebus", "person", 900),
        ];
        let names: Vec<(String, String, String, i64)> = names
            .iter()
            .map(|&(k, c, p)| (k.into(), c.into(), k.into(), p))
            .collect();
        assert_eq!(not_surnames(&names), HashSet::from(["navy".to_string()]));
        let people: Vec<(String, String, i64)> = names
            .iter()
            .filter(|n| n.1 == "person")
            .map(|n| (n.0.clone(), n.2.clone(), n.3))
            .collect();
        assert_eq!(
            surname_rules(&people, &HashSet::new()).len(),
            2,
            "without the guard, 'navy' goes to 'ten navy'"
        );
        let rules = surname_rules(&people, &not_surnames(&names));
        assert_eq!(
            rules
                .iter()
                .map(|r| r.entity.name.as_str())
                .collect::<Vec<_>>(),
            ["reince priebus"]
        );
    }
}
