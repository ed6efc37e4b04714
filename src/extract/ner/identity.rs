//! Identity inside one article, after [`super::aliases`] has read each mention's name and
//! kind: which partial names join which full names. A person's partial name joins the one
//! full name of the article that starts or ends with it, with the titles' genders as
//! evidence ("Mr. Obama" is not the first lady Michelle Obama); an organisation named by
//! the last words of one longer organisation name is that organisation ("Judiciary
//! Committee" of the Senate Judiciary Committee). Pure.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::aliases::{parts, Resolved, GENERIC_ORGS, GENERIC_TAILS, ORG_HEADS, PLACE_HEADS};
use super::EntityKind;
use crate::vocab::gazetteer::alias_key;
use crate::vocab::{self, List, Reader};

/// A person's gender as a title says it ("Mr.", "Mrs.", "first lady"): the vocabulary's
/// `male` and `female` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::Female => Gender::Male,
            Gender::Male => Gender::Female,
        }
    }
}

/// A person named by part of a longer name in the article takes that name, when exactly
/// one longer name starts or ends with it (or nests the others), or one of them is
/// [`dominant`]. Titles with a gender ([`Gender`], `genders[i]` for `out[i]`) are evidence:
/// a full name's gender is that of the titles at its own mentions ("first lady Michelle
/// Obama"); a partial name with a title of one gender ("Mr. Obama") takes no full name whose
/// titles are all of the other (of Bill and Hillary Clinton, titled so, "Mrs. Clinton" is
/// hers; of Tony Blair and Sir Ian Blair, "Mr Blair" is not Sir Ian's by the title alone); and
/// when the article gives the partial name to someone the full names cannot be (only full
/// names of the other gender; or a man and a woman with one full name between them that
/// says neither, unless one gender's titles outnumber the other's [`DOMINANT`] times, which
/// makes that name theirs), its mentions without a title stay apart: the article names two
/// people by that name.
pub(super) fn join_partial_names(out: &mut [Resolved], genders: &[Option<Gender>]) {
    let full: Vec<(usize, Vec<String>)> = out
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Person)
        .map(|(i, r)| (i, parts(&r.name)))
        .collect();
    // The genders the titles give each name as written (full or partial), by its parts.
    let mut titled: HashMap<&[String], Vec<Gender>> = HashMap::new();
    for (i, p) in &full {
        if let Some(g) = genders[*i] {
            let seen = titled.entry(p.as_slice()).or_default();
            if !seen.contains(&g) {
                seen.push(g);
            }
        }
    }
    let evidence = |p: &[String]| titled.get(p).map(Vec::as_slice).unwrap_or(&[]);
    // Only the other gender's titles: no one the title `g` gives.
    let other_only = |p: &[String], g: Gender| evidence(p) == [g.other()];
    let mut updates = Vec::new();
    for (i, short) in &full {
        let mut candidates: Vec<usize> = full
            .iter()
            .filter(|(_, long)| {
                long.len() > short.len() && (long.starts_with(short) || long.ends_with(short))
            })
            .map(|&(j, _)| j)
            .collect();
        candidates.sort_by_key(|&j| alias_key(&out[j].name));
        candidates.dedup_by_key(|j| alias_key(&out[*j].name));
        if candidates.is_empty() {
            continue;
        }
        let parts_of = |j: usize| {
            full.iter()
                .find(|(k, _)| *k == j)
                .map(|(_, p)| p.as_slice())
        };
        let short_genders = evidence(short);
        // A man and a woman titled by this name, one full name that says neither: it is the
        // one the titles name DOMINANT times as often as the other ("Mr Blair" ten times,
        // "Mrs Blair" twice, beside "Tony Blair"), else no one can tell.
        let unsaid = |j: usize| parts_of(j).is_some_and(|p| evidence(p).is_empty());
        let titled_as = |g: Gender| {
            full.iter()
                .filter(|(k, p)| p == short && genders[*k] == Some(g))
                .count()
        };
        let majority = |g: Gender| titled_as(g) >= DOMINANT * titled_as(g.other());
        let both_one_unsaid =
            short_genders.len() == 2 && matches!(candidates.as_slice(), [j] if unsaid(*j));
        // Someone the article titles by this name whom no full name can be.
        let uncovered =
            short_genders.iter().any(|&g| {
                candidates
                    .iter()
                    .all(|&j| parts_of(j).is_some_and(|p| other_only(p, g)))
            }) || (both_one_unsaid && !majority(Gender::Female) && !majority(Gender::Male));
        match genders[*i] {
            Some(g) => {
                candidates.retain(|&j| !parts_of(j).is_some_and(|p| other_only(p, g)));
                if both_one_unsaid && !majority(g) {
                    continue;
                }
            }
            None if uncovered => continue,
            None => {}
        }
        // A longer name may itself be partial ("Jong Un" within "Kim Jong Un"): keep the
        // longest of the candidates that nest in one another.
        let longest = candidates
            .iter()
            .copied()
            .max_by_key(|&j| parts(&out[j].name).len());
        if let Some(l) = longest {
            let lp = parts(&out[l].name);
            let nested = candidates.iter().all(|&j| {
                let p = parts(&out[j].name);
                lp.windows(p.len()).any(|w| w == p.as_slice())
            });
            if nested {
                updates.push((*i, l));
            } else if let Some(d) = dominant(out, &candidates) {
                updates.push((*i, d));
            }
        }
    }
    for (i, j) in updates {
        out[i].name = out[j].name.clone();
    }
}

/// An organisation named by the last words of one longer organisation name of the article
/// takes that name ("Judiciary Committee" → Senate Judiciary Committee, "Policy Center" →
/// Tax Policy Center): the tagger left the first words out, or the article shortens the
/// name as it goes on. Precision first, as a wrong longer span is common ("Bannon
/// co-founded Cambridge Analytica", "Save Star Trek", "Conservative and Reform"): only a
/// name of two words or more that ends with a word naming a kind of organisation
/// ([`generic_org_word`]: "Committee", "Center", "Caucus"), a name incomplete by nature,
/// where "Star Trek" or "Reform" is whole; not an acronym, not a name the gazetteer knows,
/// not a word of a person of the article; the longer name's other words are capitalised
/// name words (or "the", and "of" or "and" between them, not "of" last: "University of
/// Hull"), none a stop word, a title, a month or weekday, or a word of a person of the
/// article; and only one longer name ends with it ("Judiciary Committee" with the House's
/// and the Senate's stays apart).
pub(super) fn join_org_tails(out: &mut [Resolved]) {
    let words = |r: &Resolved| -> Vec<String> {
        alias_key(&r.name).split(' ').map(str::to_string).collect()
    };
    let person_words: HashSet<String> = out
        .iter()
        .filter(|r| r.kind == EntityKind::Person)
        .flat_map(words)
        .collect();
    let orgs: Vec<(usize, Vec<String>)> = out
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Org)
        .map(|(i, r)| (i, words(r)))
        .collect();
    let acronym = |name: &str| {
        name.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !name.chars().any(char::is_lowercase)
    };
    let mut updates = Vec::new();
    for (i, short) in &orgs {
        let r = &out[*i];
        if r.entry.is_some()
            || acronym(&r.name)
            || !r.name.starts_with(char::is_uppercase)
            || short.len() < 2
            || !short.last().is_some_and(|w| generic_org_word(w))
            || short.iter().any(|w| person_words.contains(w))
        {
            continue;
        }
        let mut candidates: Vec<usize> = orgs
            .iter()
            .filter(|(j, long)| {
                long.len() > short.len()
                    && long.ends_with(short)
                    && name_words_before(&out[*j].name, long.len() - short.len(), &person_words)
            })
            .map(|&(j, _)| j)
            .collect();
        candidates.sort_by_key(|&j| out[j].key());
        candidates.dedup_by_key(|j| out[*j].key());
        if let [j] = candidates.as_slice() {
            updates.push((*i, *j));
        }
    }
    for (i, j) in updates {
        out[i] = out[j].clone();
    }
}

/// Whether the first `n` words of a name are name words, the last not "of" ("University of
/// Hull" is no Hull): capitalised, "the", or "of" or "and" after the first; none a stop word, a title, or a word of a person's name
/// (`person_words`, normalised keys).
fn name_words_before(name: &str, n: usize, person_words: &HashSet<String>) -> bool {
    static STOP: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        vocab::words(List::Stopwords, Reader::Link)
            .chain(vocab::titles(Reader::Link))
            .chain(vocab::words(List::Weekdays, Reader::Link))
            .chain(vocab::words(List::Months, Reader::Link).flat_map(|m| m.split_whitespace()))
            .collect()
    });
    let words: Vec<&str> = name.split_whitespace().collect();
    // "University of Hull", "Summer of Trump": something of the shorter name, not it.
    if n == 0
        || words
            .get(n - 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("of"))
    {
        return false;
    }
    words.iter().take(n).enumerate().all(|(k, w)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let joiner = lower == "the" || (k > 0 && matches!(lower.as_str(), "of" | "and"));
        joiner
            || (bare.starts_with(char::is_uppercase)
                && !STOP.iter().any(|s| s.eq_ignore_ascii_case(bare))
                && !person_words.contains(&alias_key(bare)))
    })
}

/// One word that names a kind of organisation, not one organisation: the heads and tails of
/// names ([`ORG_HEADS`], [`PLACE_HEADS`], [`GENERIC_TAILS`]) and [`GENERIC_ORGS`].
fn generic_org_word(word: &str) -> bool {
    let w = word.to_lowercase();
    ORG_HEADS.iter().any(|h| *h == w)
        || PLACE_HEADS.iter().any(|h| *h == w)
        || GENERIC_TAILS.iter().any(|h| *h == w)
        || GENERIC_ORGS.iter().any(|h| *h == w)
}

/// Of several full names a partial name could be ("Clinton" with Hillary Clinton and Bill
/// Clinton), the one the article writes in full at least this many times as often as each
/// other takes it: the article is about that person, the other is named in passing.
const DOMINANT: usize = 3;

/// The candidate written in full [`DOMINANT`] times as often as every other candidate, if
/// one is.
fn dominant(out: &[Resolved], candidates: &[usize]) -> Option<usize> {
    let written = |j: usize| {
        let key = alias_key(&out[j].name);
        out.iter().filter(|r| alias_key(&r.name) == key).count()
    };
    let mut counts: Vec<(usize, usize)> = candidates.iter().map(|&j| (written(j), j)).collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    match counts.as_slice() {
        [(most, j), (next, _), ..] if *most >= DOMINANT * next => Some(*j),
        _ => None,
    }
}
