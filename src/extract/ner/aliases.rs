//! Aliases inside one article: which mentions name the same thing, and by what canonical
//! name. Pure: mention texts in, one resolution per mention out.
//!
//! - Each name is one kind in the article: a name the tagger gave another kind is a person
//!   when the article tags the same name as a person or it is the surname of a person of
//!   the article ("the Trump administration"), unless the gazetteer knows it as a country,
//!   state, region, nationality, organisation or large city; a person named by one word the
//!   gazetteer knows as an organisation ("Twitter", "Reuters") is that organisation when no
//!   person of the article has the name; a court case ("Roe v. Wade") is misc.
//! - Titles, honorifics and nationalities before a person's name stay in the mention and
//!   leave the name ("Syrian President Bashar al-Assad", "HE Kim Jong Un"). Other names keep
//!   such words ("Justice Department", "Saudi Arabia", "American Civil Liberties Union");
//!   only a country's abbreviation before them goes ("U.S. Supreme Court" → "Supreme Court").
//! - Spellings that differ only in case, hyphens, periods or accents are one name ("Kim
//!   Jong-Un", "Kim Jong-un", "Kim Jong Un"); the canonical spelling is the one without
//!   hyphens between name parts, else the most frequent.
//! - A person's partial name joins the one full name in the article that starts or ends
//!   with it ("Assad" → "Bashar al-Assad", "Kim" → "Kim Jong Un"); with two candidates it
//!   joins the one the article writes in full three times as often as the other (an article
//!   about Hillary Clinton that names Bill Clinton in passing), else it stays apart; titles
//!   with a gender are evidence, and an organisation named by the last words of one longer
//!   organisation name joins it ([`super::identity`]).
//! - The gazetteer is a prior, never an override of the mention's own kind: an organisation,
//!   place or nationality goes to its gazetteer entry when the entry is of the kind the
//!   mention has ("DPRK" → North Korea, "UN" → United Nations, "Korean Central News Agency"
//!   → KCNA); a name the gazetteer knows as another kind keeps the mention's kind under its
//!   own name (a club named after its city, "Leeds" read as an organisation, is no city). A
//!   nationality ("Israeli bombing", "Uzbeks") is a misc mention of the nationality, which
//!   carries its country's code, whatever kind the tagger gave it.
//! - An acronym joins the longer name in the article whose initials it is.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::tokens::tokenize;
use super::EntityKind;
use crate::vocab::gazetteer::{alias_key, gazetteer, Category, Entry};
use crate::vocab::{self, List, Reader};

pub use super::identity::Gender;
use super::identity::{join_org_tails, join_partial_names};

/// Generic words after an organisation's name that are not part of it ("KCNA news agency"),
/// longest first (vocabulary `generic_tails`).
pub(super) static GENERIC_TAILS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::words(List::GenericTails, Reader::Link).collect());

/// What a mention names.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The canonical name: "Bashar al-Assad", "North Korea", "KCNA".
    pub name: String,
    pub kind: EntityKind,
    /// The gazetteer entry when the name is a known one (country code, coordinates).
    pub entry: Option<&'static Entry>,
}

impl Resolved {
    /// The key that identifies the entity: kind and normalised name.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.entity_key())
    }

    /// The normalised name the corpus merges on (with the kind): [`alias_key`], and for a
    /// person its given names' transliterations folded ([`person_key`]).
    pub fn entity_key(&self) -> String {
        let key = alias_key(&self.name);
        if self.kind == EntityKind::Person {
            person_key(&key)
        } else {
            key
        }
    }
}

/// Resolves every mention of one article (kind and text, in any order), returning one
/// [`Resolved`] per mention, in the same order.
///
/// ```
/// use corpusdb::extract::ner::{aliases::resolve, EntityKind::*};
/// let found = resolve(&[
///     (Person, "Syrian President Bashar al-Assad"), (Person, "Kim Jong-Un"),
///     (Person, "Assad"), (Person, "Kim"), (Person, "HE Kim Jong Un"), (Place, "DPRK"),
/// ]);
/// let names: Vec<&str> = found.iter().map(|r| r.name.as_str()).collect();
/// assert_eq!(names, ["Bashar al-Assad", "Kim Jong Un", "Bashar al-Assad", "Kim Jong Un", "Kim Jong Un", "North Korea"]);
/// assert_eq!(found[5].entry.and_then(|e| e.country.as_deref()), Some("KP"));
/// ```
pub fn resolve(mentions: &[(EntityKind, &str)]) -> Vec<Resolved> {
    resolve_with(mentions, &[])
}

/// [`resolve`], with the gender the title at each mention gives (`genders[i]` for
/// `mentions[i]`; missing ones are `None`): a partial name with a title of one gender joins
/// no full name that the article gives only titles of the other, and a surname that the
/// article gives to a man and to a woman is no one's when it stands bare.
pub fn resolve_with(mentions: &[(EntityKind, &str)], genders: &[Option<Gender>]) -> Vec<Resolved> {
    // Read as a person's name first: a mention the tagger gave another kind may be a person's.
    let persons: Vec<&str> = mentions
        .iter()
        .map(|&(_, text)| bare_name(text, true))
        .collect();
    let kinds = article_kinds(mentions, &persons);
    let bare: Vec<&str> = kinds
        .iter()
        .zip(mentions)
        .zip(&persons)
        .map(|((&kind, &(_, text)), &person)| {
            if kind == EntityKind::Person {
                person
            } else {
                bare_name(text, false)
            }
        })
        .collect();
    let mut out: Vec<Resolved> = kinds
        .into_iter()
        .zip(&bare)
        .map(|(kind, name)| first_guess(kind, name))
        .collect();
    let written: Vec<String> = out.iter().map(|r| r.name.clone()).collect();
    let genders: Vec<Option<Gender>> = (0..out.len())
        .map(|i| genders.get(i).copied().flatten())
        .collect();
    join_partial_names(&mut out, &genders);
    join_org_tails(&mut out);
    join_acronyms(&mut out);
    pick_spellings(&mut out, &written);
    out
}

/// The name a mention gives, without a possessive; a person's also without the titles and
/// nationalities before it ("Syrian President Bashar al-Assad's" → "Bashar al-Assad"),
/// another's only without a country's abbreviation ("U.S. Justice Department's" → "Justice
/// Department"): in "Justice Department", "Saudi Arabia" or "American Enterprise Institute"
/// the first word is part of the name.
fn bare_name(text: &str, person: bool) -> &str {
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    let name = if person {
        strip_qualifiers(text)
    } else {
        strip_country_abbreviation(text)
    };
    name.strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name)
}

/// Drops a leading country abbreviation ("U.S.", "UK") when what follows is a name in its
/// own right: two words or more, or a name the gazetteer knows. "U.S. Army" stays whole.
fn strip_country_abbreviation(text: &str) -> &str {
    let tokens = tokenize(text);
    let (Some(first), Some(second)) = (tokens.first(), tokens.get(1)) else {
        return text;
    };
    let word = &text[first.start..first.end];
    let abbreviation = word.chars().filter(char::is_ascii_uppercase).count() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    let country = abbreviation
        && gazetteer()
            .lookup(word)
            .any(|e| matches!(e.category, Category::Country | Category::Demonym));
    let rest = &text[second.start..];
    if country && (tokens.len() > 2 || known(rest).is_some()) {
        rest
    } else {
        text
    }
}

/// The gazetteer for non-persons, as a prior to the mention's own kind: a name it knows as
/// the kind the mention has goes to its entry ("DPRK" → North Korea, "UN" → United
/// Nations); a name it knows as another kind keeps the mention's kind, under its own name
/// (a club named after its city, "Leeds" read as an organisation, is not the city). A
/// nationality ("Syrian", "Uzbeks") is a misc mention of the nationality, which carries its
/// country's code, whatever kind the tagger gave it. An acronym the tagger did not read as
/// a place is not a town's other spelling ("DACA", the programme, is not "Daca", Dhaka).
fn first_guess(kind: EntityKind, name: &str) -> Resolved {
    if kind != EntityKind::Person {
        if let Some(entry) = nationality(name) {
            return from_entry(entry);
        }
        let acronym = name.len() >= 3 && name.chars().all(|c| c.is_ascii_uppercase());
        if let Some(entry) = known(name)
            .filter(|e| !(acronym && kind != EntityKind::Place && e.category == Category::City))
            .filter(|e| e.kind() == Some(kind))
        {
            return from_entry(entry);
        }
    }
    Resolved {
        name: name.to_string(),
        kind,
        entry: None,
    }
}

/// The gazetteer's nationality entry when that is what the name is first ("Syrian",
/// "Uzbeks"; not "U.S.", a country first).
fn nationality(name: &str) -> Option<&'static Entry> {
    gazetteer()
        .lookup(name)
        .find(|e| e.kind().is_some())
        .filter(|e| e.category == Category::Demonym)
}

/// Cities at least this large keep their place when a person of the article has the name
/// ("Washington", "Paris"); smaller ones named like a person of the article are that person
/// ("Warren" with Elizabeth Warren, "Obama" with Barack Obama).
const CITY_OVER_PERSON: u64 = 1_000_000;

/// The kind of each mention, made consistent within the article: a name the tagger gave
/// another kind (the "Trump" of "the Trump administration", "Obama" read as the Japanese
/// town) is a person when the article tags the same name as a person, or when it is the
/// surname of a person of the article; unless it is a name the gazetteer knows as a country,
/// state, region, nationality, organisation or large city. And a person named by one word
/// that the gazetteer knows as an organisation ("Twitter", "Reuters") is that organisation
/// when no person of the article has the name.
fn article_kinds(mentions: &[(EntityKind, &str)], bare: &[&str]) -> Vec<EntityKind> {
    let keys: Vec<String> = bare.iter().map(|name| alias_key(name)).collect();
    // Tagged a person, and a name the gazetteer knows as an organisation.
    let org_person: Vec<bool> = mentions
        .iter()
        .zip(bare)
        .map(|(&(kind, _), name)| kind == EntityKind::Person && known_org(name).is_some())
        .collect();
    // What the name's last word makes it, whatever the tagger said: "Trump Tower" a place,
    // "Acme Holdings" or "the Trump Administration" an organisation.
    // Only a person's reading is overridden, and a place's by a company's last word: an
    // organisation or a work keeps its kind ("University of the Highlands and Islands").
    let heads: Vec<Option<EntityKind>> = mentions
        .iter()
        .zip(bare)
        .map(|(&(kind, _), name)| {
            head_kind(name).filter(|&head| match kind {
                EntityKind::Person => true,
                EntityKind::Place => head == EntityKind::Org,
                _ => false,
            })
        })
        .collect();
    let cases: Vec<bool> = mentions.iter().map(|&(_, text)| court_case(text)).collect();
    let mut people: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, &(kind, _)) in mentions.iter().enumerate() {
        if kind == EntityKind::Person && !org_person[i] && !cases[i] && heads[i].is_none() {
            people.insert(&keys[i]);
            if let Some((_, surname)) = keys[i].rsplit_once(' ') {
                people.insert(surname);
            }
        }
    }
    mentions
        .iter()
        .enumerate()
        .map(|(i, &(kind, _))| {
            let person = people.contains(keys[i].as_str());
            match kind {
                _ if cases[i] => EntityKind::Misc,
                _ if heads[i].is_some() => heads[i].unwrap_or(kind),
                EntityKind::Person if !person && org_person[i] => EntityKind::Org,
                EntityKind::Person => kind,
                _ if person && yields_to_person(bare[i]) => EntityKind::Person,
                _ => kind,
            }
        })
        .collect()
}

/// Whether a name is a court case's ("Roe v. Wade", "Citizens United v. FEC"), which the
/// tagger reads as a person or an organisation for the names on either side.
fn court_case(text: &str) -> bool {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let versus = |w: &str| {
        ["v.", "v", "vs.", "vs", "versus"]
            .iter()
            .any(|v| w.eq_ignore_ascii_case(v))
    };
    let mut words = text.split_whitespace();
    let (Some(mut before), Some(mut word)) = (words.next(), words.next()) else {
        return false;
    };
    for after in words {
        if versus(word) && capitalised(before) && capitalised(after) {
            return true;
        }
        (before, word) = (word, after);
    }
    false
}

/// A name the gazetteer knows as an organisation ("Reuters", "Al Jazeera").
fn known_org(name: &str) -> Option<&'static Entry> {
    known(name).filter(|e| e.kind() == Some(EntityKind::Org))
}

/// Last words that make a name of two words or more a place, whoever's name comes first
/// ("Trump Tower", "Kennedy Airport"), vocabulary `place_heads`.
pub(super) static PLACE_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::words(List::PlaceHeads, Reader::Link).collect());
/// Last words that make such a name an organisation ("Acme Holdings", "the Trump
/// Administration"), vocabulary `org_heads`.
pub(super) static ORG_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::words(List::OrgHeads, Reader::Link).collect());
/// One word that names a kind of organisation (vocabulary `generic_orgs`).
pub(super) static GENERIC_ORGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::words(List::GenericOrgs, Reader::Link).collect());
/// Lower-case words inside names that matching leaves out ("al", "bin"): the vocabulary's
/// `particles` for every reader.
static PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::words(List::Particles, Reader::Link).collect());

/// The kind a name's last word gives it (a place or an organisation); `None` for one word, or
/// a last word that says nothing.
fn head_kind(name: &str) -> Option<EntityKind> {
    let (_, last) = name.trim_end_matches('.').rsplit_once(' ')?;
    let last = last.to_lowercase();
    if PLACE_HEADS.iter().any(|h| *h == last) {
        Some(EntityKind::Place)
    } else if ORG_HEADS.iter().any(|h| *h == last) {
        Some(EntityKind::Org)
    } else {
        None
    }
}

/// The kind the gazetteer gives a name (a nationality: its country's place), if it knows it.
pub fn known_kind(name: &str) -> Option<EntityKind> {
    known(name).and_then(Entry::kind)
}

/// A person's key with its given names' transliteration variants folded, so that the
/// spellings of one name across articles are one entity ("sergey lavrov" and "sergei
/// lavrov" → "sergei lavrov"; "yuriy" → "yuri", "nikolay" → "nikolai"): a final "iy" or "y"
/// of every word but the last reads "i". The surname is left alone.
pub fn person_key(key: &str) -> String {
    let words: Vec<&str> = key.split(' ').collect();
    let Some((surname, given)) = words.split_last() else {
        return key.to_string();
    };
    let mut out = String::with_capacity(key.len());
    for word in given {
        let folded = match word.strip_suffix("iy") {
            Some(stem) if stem.len() >= 2 => format!("{stem}i"),
            _ => match word.strip_suffix('y') {
                Some(stem) if stem.len() >= 3 => format!("{stem}i"),
                _ => word.to_string(),
            },
        };
        out.push_str(&folded);
        out.push(' ');
    }
    out.push_str(surname);
    out
}

/// Whether a non-person name may be a person's: unknown to the gazetteer, or a town.
pub fn yields_to_person(name: &str) -> bool {
    match known(name) {
        None => true,
        Some(e) => e.category == Category::City && e.population < CITY_OVER_PERSON,
    }
}

/// Whether the gazetteer knows a name as an organisation, place or nationality.
pub fn is_known(name: &str) -> bool {
    known(name).is_some()
}

/// The gazetteer's entry for an organisation, place or nationality name (also with a
/// generic tail such as "news agency" dropped); a nationality gives its country.
fn known(name: &str) -> Option<&'static Entry> {
    let g = gazetteer();
    let lookup = |n: &str| g.lookup(n).find(|e| e.kind().is_some());
    let entry = lookup(name).or_else(|| {
        let lower = name.to_lowercase();
        GENERIC_TAILS.iter().find_map(|tail| {
            let head = lower.strip_suffix(tail)?.trim_end();
            (!head.is_empty())
                .then(|| lookup(&name[..head.len()]))
                .flatten()
        })
    })?;
    if entry.category == Category::Demonym {
        return g.country(entry.country.as_deref()?);
    }
    Some(entry)
}

fn from_entry(entry: &'static Entry) -> Resolved {
    let kind = entry.kind().unwrap_or(EntityKind::Misc);
    Resolved {
        name: entry.name.clone(),
        kind,
        entry: Some(entry),
    }
}

/// Drops leading titles and nationalities: "Syrian President Bashar al-Assad" → "Bashar
/// al-Assad". A mention that is nothing but qualifiers is kept whole.
fn strip_qualifiers(text: &str) -> &str {
    let g = gazetteer();
    let tokens = tokenize(text);
    let mut first = 0;
    let mut title = false;
    'outer: while first < tokens.len() {
        // The longest qualifier of up to three words ("Deputy Prime Minister").
        for n in (1..=3.min(tokens.len() - first)).rev() {
            let phrase = &text[tokens[first].start..tokens[first + n - 1].end];
            let found = g
                .lookup(phrase)
                .map(|e| e.category)
                .find(|c| matches!(c, Category::Title | Category::Demonym));
            if found.is_some() && first + n < tokens.len() {
                title |= found == Some(Category::Title);
                first += n;
                continue 'outer;
            }
        }
        break;
    }
    // A nationality before one word, with no title, is a nickname or a description ("Dutch
    // Trump" of a Dutch politician), not that word's person: the mention stays whole.
    if first > 0 && !title && first + 1 == tokens.len() {
        return text;
    }
    match tokens.get(first) {
        Some(t) => &text[t.start..],
        None => text,
    }
}

/// Name parts for matching: the normalised key's words, particles ("al", "bin") dropped.
pub(super) fn parts(name: &str) -> Vec<String> {
    alias_key(name)
        .split(' ')
        .filter(|p| !PARTICLES.iter().any(|q| q == p))
        .map(str::to_string)
        .collect()
}

/// An all-capitals name that is the initials of a longer name of the article joins it.
fn join_acronyms(out: &mut [Resolved]) {
    let mut updates = Vec::new();
    for (i, r) in out.iter().enumerate() {
        let is_acronym = r.entry.is_none()
            && r.name.len() >= 2
            && r.name.chars().all(|c| c.is_uppercase() || c == '.');
        if !is_acronym {
            continue;
        }
        let letters: String = r.name.chars().filter(|c| c.is_alphabetic()).collect();
        let long = out
            .iter()
            .position(|o| o.name.contains(' ') && initials(&o.name) == letters);
        if let Some(j) = long {
            updates.push((i, j));
        }
    }
    for (i, j) in updates {
        out[i] = out[j].clone();
    }
}

/// Initials of the capitalised words of a name: "Syrian Arab News Agency" → "SANA".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// One spelling per name (same key): fewest hyphens between capitalised parts ("Kim Jong
/// Un" over "Kim Jong-Un"; "al-Assad" keeps its particle's), then the most frequent, then
/// the first. Only the full name as written votes (`written`: each mention's own name), not
/// a partial name that joined it. Gazetteer names are canonical already.
fn pick_spellings(out: &mut [Resolved], written: &[String]) {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in out.iter().enumerate() {
        if r.entry.is_none() {
            groups.entry(r.key()).or_default().push(i);
        }
    }
    for members in groups.values() {
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        for &i in members {
            let own = written[i].as_str();
            if alias_key(own) != alias_key(&out[i].name) {
                continue;
            }
            match counts.iter_mut().find(|(n, _, _)| *n == own) {
                Some(c) => c.1 += 1,
                None => counts.push((own, 1, i)),
            }
        }
        let best = counts
            .iter()
            .min_by_key(|&&(name, count, first)| {
                (name_hyphens(name), std::cmp::Reverse(count), first)
            })
            .map(|&(name, _, _)| name.to_string());
        if let Some(best) = best {
            for &i in members {
                out[i].name = best.clone();
            }
        }
    }
}

/// Hyphens joining two capitalised parts of a name ("Jong-Un", "Jong-un"), not a
/// particle's ("al-Assad").
fn name_hyphens(name: &str) -> usize {
    name.split(' ')
        .filter(|w| {
            w.split_once('-')
                .is_some_and(|(a, _)| a.starts_with(char::is_uppercase))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn names(mentions: &[(EntityKind, &str)]) -> Vec<String> {
        resolve(mentions).into_iter().map(|r| r.name).collect()
    }

    #[test]
    fn ambiguous_surnames_stay_apart() {
        let n = names(&[
            (Person, "Bashar al-Assad"),
            (Person, "Hafez al-Assad"),
            (Person, "Assad"),
        ]);
        assert_eq!(n[2], "Assad");
    }

    #[test]
    fn particle_spellings_are_one_name() {
        let n = names(&[
            (Person, "Bashar Al Assad"),
            (Person, "Bashar al-Assad"),
            (Person, "al-Assad"),
            (Person, "Bashar al-Assad"),
        ]);
        assert_eq!(n, ["Bashar al-Assad"; 4]);
    }

    #[test]
    fn nested_names_join_the_longest() {
        let n = names(&[
            (Person, "Kim Jong Un"),
            (Person, "Jong Un"),
            (Person, "Kim"),
        ]);
        assert_eq!(n, ["Kim Jong Un", "Kim Jong Un", "Kim Jong Un"]);
    }

    #[test]
    fn acronyms_gazetteer_and_generic_tails() {
        let r = resolve(&[
            (Org, "KCNA news agency"),
            (Org, "U.N."),
            (Misc, "Israeli"),
            (Org, "Free Syrian Army"),
            (Org, "FSA"),
        ]);
        assert_eq!(r[0].name, "KCNA");
        assert_eq!(r[1].name, "United Nations");
        // A nationality is a misc mention of the nationality, which carries its country.
        assert_eq!((r[2].name.as_str(), r[2].kind), ("Israeli", Misc));
        assert_eq!(r[2].entry.and_then(|e| e.country.as_deref()), Some("IL"));
        assert_eq!(r[4].name, "Free Syrian Army");
        assert_eq!(r[4].key(), r[3].key());
    }

    #[test]
    fn a_name_tagged_as_a_person_in_the_article_is_a_person_throughout() {
        // "the Trump administration" tagged as an organisation; "Obama" read as the Japanese town.
        let r = resolve(&[
            (Person, "Donald Trump"),
            (Org, "Trump"),
            (Misc, "Trump"),
            (Place, "Obama"),
            (Person, "Barack Obama"),
        ]);
        let got: Vec<(&str, EntityKind)> = r.iter().map(|r| (r.name.as_str(), r.kind)).collect();
        assert_eq!(
            got,
            [
                ("Donald Trump", Person),
                ("Donald Trump", Person),
                ("Donald Trump", Person),
                ("Barack Obama", Person),
                ("Barack Obama", Person)
            ]
        );
        // With no such person in the article, the tagger's kind stands.
        assert_eq!(resolve(&[(Place, "Obama")])[0].kind, Place);
    }

    #[test]
    fn countries_states_and_large_cities_keep_their_kind_beside_a_namesake() {
        let r = resolve(&[
            (Person, "George Washington"),
            (Place, "Washington"),
            (Person, "Paris Hilton"),
            (Place, "Paris"),
            (Person, "Michael Jordan"),
            (Place, "Jordan"),
        ]);
        assert_eq!(
            r.iter().map(|r| r.kind).collect::<Vec<_>>(),
            [Person, Place, Person, Place, Person, Place]
        );
    }

    #[test]
    fn a_one_word_person_the_gazetteer_knows_as_an_organisation_is_that_organisation() {
        let r = resolve(&[(Person, "Twitter"), (Person, "Reuters")]);
        assert_eq!(
            r.iter()
                .map(|r| (r.name.as_str(), r.kind))
                .collect::<Vec<_>>(),
            [("Twitter", Org), ("Reuters", Org)]
        );
        // Unless a person of the article has the name.
        let r = resolve(&[(Person, "Nikola Tesla"), (Person, "Tesla")]);
        assert_eq!((r[1].name.as_str(), r[1].kind), ("Nikola Tesla", Person));
    }

    #[test]
    fn a_court_case_is_misc_whatever_the_tagger_said() {
        let r = resolve(&[
            (Person, "Roe v. Wade"),
            (Org, "Citizens United v. FEC"),
            (Place, "Wade"),
        ]);
        let found: Vec<(&str, EntityKind)> = r.iter().map(|r| (r.name.as_str(), r.kind)).collect();
        assert_eq!(
            found,
            [
                ("Roe v. Wade", Misc),
                ("Citizens United v. FEC", Misc),
                ("Wade", Place)
            ],
            "the case names no person Wade"
        );
    }

    #[test]
    fn an_acronym_not_tagged_as_a_place_is_not_a_town() {
        let r = resolve(&[(Org, "DACA"), (Place, "NYC")]);
        assert_eq!((r[0].name.as_str(), r[0].kind), ("DACA", Org));
        assert_eq!(r[1].kind, Place);
    }

    #[test]
    fn only_a_persons_name_loses_its_titles_and_nationality() {
        let got = names(&[
            (Org, "Justice Department"),
            (Place, "Saudi Arabia"),
            (Org, "American Civil Liberties Union"),
            (Org, "General Motors"),
        ]);
        // (The gazetteer knows the Justice Department by its full name.)
        assert_eq!(
            got,
            [
                "Department of Justice",
                "Saudi Arabia",
                "American Civil Liberties Union",
                "General Motors"
            ]
        );
        // A country's abbreviation goes when a name is left.
        assert_eq!(
            names(&[(Org, "U.S. Enterprise Institute's"), (Org, "U.S. Army")]),
            ["Enterprise Institute", "U.S. Army"]
        );
        // A title before a person of the article, whatever the tagger said.
        let r = resolve(&[(Person, "Anthony Kennedy"), (Org, "Justice Kennedy")]);
        assert_eq!((r[1].name.as_str(), r[1].kind), ("Anthony Kennedy", Person));
    }

    #[test]
    fn titles_only_mentions_are_kept() {
        assert_eq!(names(&[(Person, "President")]), ["President"]);
        assert_eq!(
            names(&[(Person, "Mr. Trump"), (Person, "Donald Trump")]),
            ["Donald Trump", "Donald Trump"]
        );
    }
}
