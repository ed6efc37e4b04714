//! Linking inside one article: the extractors run over its blocks and what they find is tied
//! together. Entities and dates are read in the content blocks (title, dek, body) and in
//! captions, quotes in the body blocks only.
//!
//! Each tagged mention is screened first: a name in the vocabulary's `not_names` or a lawmaker's party
//! label ("D-N.Y.") names no entity, and a group of people in its `groups` ("Muslims") is misc
//! whatever kind the tagger gave it. Every other mention of a person, organisation or place
//! gets the canonical entity it names in this article ("Assad" → Bashar al-Assad, "DPRK" →
//! North Korea), and date expressions resolve against the publication date. Each quote's
//! speaker and channel become entities too (the tagged entity of the same name when there is
//! one; for a pronoun speaker only when that entity is a person), and each quote gets the echo
//! key that finds the same words across outlets. Last, the article's story features
//! ([`story`]) are computed for grouping stories. [`alias_rules`] reads the user's alias
//! file. Each mention carries the kind its context gives it (stored as `mentions.kind`).
//! Pure: the store merges the entities across the corpus by kind and key.

pub mod alias_rules;
pub mod story;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::extract::dates;
use crate::extract::echo;
pub use crate::extract::ner::aliases::Gender;
use crate::extract::ner::{aliases, EntityKind, Tagger};
use crate::extract::quotes::{self, Agent};
use crate::model::{Article, DateMention, Entity, Kind, Mention, Quote, Span};
use crate::vocab::gazetteer::{alias_key, us_state};
use crate::vocab::{self, List, Reader};

/// Adds mentions, date mentions and quotes to an article structured by `text::process`.
/// Entities and dates are read in the content blocks and in captions (a caption names the
/// people and places in the picture, and when it was taken).
pub fn enrich(article: &mut Article) {
    let content: Vec<usize> = (0..article.blocks.len())
        .filter(|&i| article.blocks[i].kind.is_content() || article.blocks[i].kind == Kind::Caption)
        .collect();
    let texts: Vec<&str> = content
        .iter()
        .map(|&i| article.blocks[i].text.as_str())
        .collect();
    if let Ok(tagger) = Tagger::embedded() {
        let found: Vec<(usize, crate::extract::ner::Mention)> = tagger
            .tag_blocks(&texts)
            .into_iter()
            .enumerate()
            .flat_map(|(i, mentions)| {
                let block = content[i];
                mentions
                    .into_iter()
                    .filter(|m| m.start < m.end)
                    .filter_map(screened)
                    .map(move |m| (block, m))
            })
            .collect();
        let names: Vec<_> = found
            .iter()
            .map(|(_, m)| (m.kind, m.text.as_str()))
            .collect();
        let genders: Vec<Option<Gender>> = found
            .iter()
            .map(|(block, m)| title_gender(&article.blocks[*block].text, m.start, &m.text))
            .collect();
        let resolved = entities_with(&names, &genders);
        article.mentions = found
            .into_iter()
            .zip(resolved)
            .map(|((block, m), entity)| Mention {
                kind: entity.kind,
                block,
                span: Span {
                    start: m.start,
                    end: m.end,
                },
                text: m.text,
                entity,
                linked_kind: None,
            })
            .collect();
    }
    article.quotes = quotes(article);
    let published = article.published_at.clone();
    article.dates = content
        .iter()
        .flat_map(|&block| {
            dates::extract(&article.blocks[block].text, published.as_deref())
                .into_iter()
                .filter(|d| d.start < d.end)
                .map(move |d| DateMention {
                    block,
                    span: Span {
                        start: d.start,
                        end: d.end,
                    },
                    text: d.text,
                    value: d.value,
                    granularity: d.granularity.as_str(),
                })
        })
        .collect();
    article.story = story::features(article);
}

/// The words of a word-list data file: one a line, `#` comments and blank lines skipped.
fn word_set(list: List, reader: Reader) -> HashSet<&'static str> {
    vocab::words(list, reader).collect()
}

/// A tagged mention as linking takes it: none when it names no entity (vocabulary `not_names`, or
/// a lawmaker's party label, "Chuck Schumer, D-N.Y.", "(R-Ky.)", which says who a person is,
/// not where the story is), misc when it names a group of people (vocabulary `groups`: "Muslims",
/// "Latinos") whatever kind the tagger gave it.
fn screened(mut mention: crate::extract::ner::Mention) -> Option<crate::extract::ner::Mention> {
    static NOT_NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static GROUPS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let text = mention.text.trim_matches(|c: char| !c.is_alphanumeric());
    let party_label = text.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "D" | "R" | "I") && us_state(state).is_some()
    });
    // "the Kentucky Republican said": a description of a lawmaker, not a name.
    let party_member = text.rsplit_once(' ').is_some_and(|(state, party)| {
        matches!(
            party,
            "Republican" | "Democrat" | "Democratic" | "Independent"
        ) && us_state(state) == Some(state)
    });
    let key = alias_key(text);
    if party_label
        || party_member
        || NOT_NAMES
            .get_or_init(|| word_set(List::NotNames, Reader::Link))
            .contains(key.as_str())
    {
        return None;
    }
    if GROUPS
        .get_or_init(|| word_set(List::Groups, Reader::Link))
        .contains(key.as_str())
    {
        mention.kind = EntityKind::Misc;
    }
    Some(mention)
}

/// The canonical entity of each of one article's mentions (kind and text as tagged, in
/// order): the names resolved across the article, their keys and, for names the gazetteer
/// knows, country and coordinates. Also run again on stored mentions by
/// [`crate::store::read_back`] (the database keeps no per-article name).
pub fn entities(mentions: &[(EntityKind, &str)]) -> Vec<Entity> {
    entities_with(mentions, &[])
}

/// [`entities`], with the gender the title at each mention gives ([`title_gender`]).
pub fn entities_with(mentions: &[(EntityKind, &str)], genders: &[Option<Gender>]) -> Vec<Entity> {
    aliases::resolve_with(mentions, genders)
        .into_iter()
        .map(|r| Entity {
            kind: r.kind,
            key: r.entity_key(),
            country: r.entry.and_then(|e| e.country.clone()),
            latitude: r.entry.and_then(|e| e.latitude),
            longitude: r.entry.and_then(|e| e.longitude),
            name: r.name,
        })
        .collect()
}

/// The gender a title gives the mention at `start` (a code point offset) of a block: the
/// one or two words just before it, or the words at its head before a name ("Mr. Obama",
/// "first lady Michelle Obama", "Mrs. Clinton"), in the vocabulary's `female` or `male`
/// list. `None` when no such title is there.
pub fn title_gender(block: &str, start: usize, text: &str) -> Option<Gender> {
    static LISTS: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    let (female, male) = LISTS.get_or_init(|| {
        (
            word_set(List::Female, Reader::Link),
            word_set(List::Male, Reader::Link),
        )
    });
    let gender = |words: &[&str]| -> Option<Gender> {
        let phrase = words
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if female.contains(phrase.as_str()) {
            Some(Gender::Female)
        } else if male.contains(phrase.as_str()) {
            Some(Gender::Male)
        } else {
            None
        }
    };
    let at = block
        .char_indices()
        .nth(start)
        .map_or(block.len(), |(b, _)| b);
    let before: Vec<&str> = block[..at].split_whitespace().rev().take(2).collect();
    let head: Vec<&str> = text.split_whitespace().collect();
    let last_before = before.first().map(|w| vec![*w]).unwrap_or_default();
    let two_before: Vec<&str> = before.iter().rev().copied().collect();
    let mut tries = vec![];
    if two_before.len() == 2 {
        tries.push(two_before);
    }
    tries.push(last_before);
    // A title inside the mention, with a name after it.
    if head.len() > 2 {
        tries.push(head[..2].to_vec());
    }
    if head.len() > 1 {
        tries.push(head[..1].to_vec());
    }
    tries
        .iter()
        .filter(|words| !words.is_empty())
        .find_map(|words| gender(words))
}

/// Direct quotations in the body blocks (not scare quotes or titles), with the speaker and
/// the channel as entities: the names the quote extractor resolved in the article, of the
/// kind the entity tagger gave the same name when it did (else a person and an organisation).
/// Reads `article.mentions`, so runs after them.
pub fn quotes(article: &Article) -> Vec<Quote> {
    let body: Vec<usize> = (0..article.blocks.len())
        .filter(|&i| article.blocks[i].kind == Kind::Body)
        .collect();
    let texts: Vec<&str> = body
        .iter()
        .map(|&i| article.blocks[i].text.as_str())
        .collect();
    let entity = |agent: &Agent, default_kind: EntityKind| -> Option<Entity> {
        let name = agent.name.as_deref()?;
        let key = alias_key(name);
        let tagged = article
            .mentions
            .iter()
            .map(|m| &m.entity)
            .find(|e| e.key == key);
        Some(match tagged {
            Some(e) => e.clone(),
            None => Entity {
                kind: default_kind,
                name: name.to_string(),
                key,
                country: None,
                latitude: None,
                longitude: None,
            },
        })
    };
    quotes::extract(&texts)
        .into_iter()
        // An empty quotation ("" or marks around white space) says nothing.
        .filter(|q| q.kind == quotes::Kind::Quote && q.start < q.end && !q.text.trim().is_empty())
        .map(|q| Quote {
            block: body[q.paragraph],
            span: Span {
                start: q.start,
                end: q.end,
            },
            echo_key: echo::key(&q.text),
            speaker_text: q.speaker.as_ref().map(|a| a.text.clone()),
            // A pronoun stands for a person: one resolved to a group, a place or a
            // nationality ("she" to "Koreans") gives the quote no speaker entity.
            speaker: q.speaker.as_ref().and_then(|a| {
                entity(a, EntityKind::Person)
                    .filter(|e| a.form != quotes::Form::Pronoun || e.kind == EntityKind::Person)
            }),
            cue: q.cue.clone(),
            via_text: q.via.as_ref().map(|a| a.text.clone()),
            via: q.via.as_ref().and_then(|a| entity(a, EntityKind::Org)),
            partial: q.partial,
            rule: q.rule.to_string(),
            text: q.text,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: EntityKind, text: &str) -> crate::extract::ner::Mention {
        crate::extract::ner::Mention {
            kind,
            start: 0,
            end: text.chars().count(),
            text: text.to_string(),
        }
    }

    fn is_not_a_name(text: &str) -> bool {
        screened(mention(EntityKind::Org, text)).is_none()
    }

    #[test]
    fn page_furniture_and_bare_generic_heads_are_not_names() {
        for text in [
            "Photos",
            "PHOTOS:",
            "Hide Caption",
            "Image",
            "Department",
            "D-N.Y.",
            "R-Ky",
            "I-Vt.",
            "R-Texas",
            "D-CA",
            "Kentucky Republican",
            "New York Democrat",
        ] {
            assert!(is_not_a_name(text), "{text}");
        }
        for text in [
            "State Department",
            "Photos Inc",
            "Getty Images",
            "Trump",
            "D-Day",
            "I-95",
            "R-Rated",
            "Republican",
            "Kentucky",
            "Ky. Republican Party",
        ] {
            assert!(!is_not_a_name(text), "{text}");
        }
    }

    #[test]
    fn a_group_of_people_is_misc_whatever_the_tagger_said() {
        let kind = |text: &str| screened(mention(EntityKind::Person, text)).map(|m| m.kind);
        assert_eq!(kind("Muslims"), Some(EntityKind::Misc));
        assert_eq!(kind("African-Americans"), Some(EntityKind::Misc));
        assert_eq!(kind("Ann Kerr"), Some(EntityKind::Person));
    }
}
