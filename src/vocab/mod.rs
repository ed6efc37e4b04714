//! The vocabulary: every word list the pipeline reads, in the data files of this folder, with
//! the one parser that reads them. Pure data, parsed once on first use (`LazyLock`); it uses
//! only [`crate::model`], and every stage that needs a word list reads it from here.
//!
//! - `words.txt`: closed word classes under `[section]`s, one entry a line ([`List`]): pronouns,
//!   stop words, abbreviations, weekdays, particles, honorifics, names that are no names,
//!   groups of people, months and number words for dates, the words of a line that speaks
//!   to the reader, the heads and tails of organisation and place names, …
//! - `titles.txt`: titles, honorifics and roles before a name ([`titles`]).
//! - `cues.txt`: the quote cues, a tab-separated table read by [`lexicon`].
//! - `gazetteer/*.tsv`: countries, cities, US states, regions and organisations, read by
//!   [`gazetteer`] (a lookup table: the tagger's features read it, never the other way round).
//!
//! The format, in every file: blank lines and lines starting with `#` are skipped and entries
//! are trimmed. In a word list, a tab after an entry and a [`Reader`]'s name make the entry
//! that reader's only ("today<TAB>quotes"): one list holds what several stages call by one
//! name, and says where they differ (the tagger was trained with its own abbreviations and
//! titles, which must not move under it). [`lexicon`] builds the quote rules' lookups from
//! these lists. A tag may name several readers, separated by spaces ("de<TAB>quotes cards").

pub mod gazetteer;
pub mod lexicon;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

pub use lexicon::{Words, LEXICON};

const WORDS: &str = include_str!("words.txt");
const TITLES: &str = include_str!("titles.txt");
pub(crate) const CUES: &str = include_str!("cues.txt");

/// Who reads a word list: a list entry tagged with one reader's name is that reader's only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The quote rules and the speaker names ([`lexicon`]).
    Quotes,
    /// The tagger's tokenizer and features (trained with exactly these entries).
    Tagger,
    /// Story grouping's word weights.
    Stories,
    /// The gazetteer's titles.
    Gazetteer,
    /// Date expressions.
    Dates,
    /// Linking inside an article.
    Link,
    /// Cutting related-story cards glued to a name (`text::cards`).
    Cards,
    /// The corpus-wide boilerplate pass (`store::clean`).
    Clean,
}

impl Reader {
    fn tag(self) -> &'static str {
        match self {
            Reader::Quotes => "quotes",
            Reader::Tagger => "tagger",
            Reader::Stories => "stories",
            Reader::Gazetteer => "gazetteer",
            Reader::Dates => "dates",
            Reader::Link => "link",
            Reader::Cards => "cards",
            Reader::Clean => "clean",
        }
    }

    #[cfg(test)]
    const ALL: [Reader; 8] = [
        Reader::Quotes,
        Reader::Tagger,
        Reader::Stories,
        Reader::Gazetteer,
        Reader::Dates,
        Reader::Link,
        Reader::Cards,
        Reader::Clean,
    ];
}

/// The sections of `words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Pronouns,
    Determiners,
    Skip,
    Particles,
    NameSuffixes,
    Abbreviations,
    Channels,
    Stopwords,
    NotPerson,
    NotSpeakerLabels,
    TitleBefore,
    TitleAfter,
    Works,
    /// Monday to Sunday in this order, then words of the same use for the quote rules.
    Weekdays,
    SkipBeforeDay,
    Adverbials,
    Female,
    Male,
    Prepositions,
    /// Case counts ("HE" is His Excellency, "he" a pronoun).
    Honorifics,
    NotNames,
    Groups,
    /// January to December, each entry one month's spellings separated by spaces.
    Months,
    MonthPrepositions,
    YearPrepositions,
    FutureCues,
    /// Zero to twelve in this order.
    NumberWords,
    ReaderWords,
    PlaceHeads,
    OrgHeads,
    GenericTails,
    GenericOrgs,
}

impl List {
    pub const ALL: [List; 32] = [
        List::Pronouns,
        List::Determiners,
        List::Skip,
        List::Particles,
        List::NameSuffixes,
        List::Abbreviations,
        List::Channels,
        List::Stopwords,
        List::NotPerson,
        List::NotSpeakerLabels,
        List::TitleBefore,
        List::TitleAfter,
        List::Works,
        List::Weekdays,
        List::SkipBeforeDay,
        List::Adverbials,
        List::Female,
        List::Male,
        List::Prepositions,
        List::Honorifics,
        List::NotNames,
        List::Groups,
        List::Months,
        List::MonthPrepositions,
        List::YearPrepositions,
        List::FutureCues,
        List::NumberWords,
        List::ReaderWords,
        List::PlaceHeads,
        List::OrgHeads,
        List::GenericTails,
        List::GenericOrgs,
    ];

    /// The section's name in `words.txt`.
    pub fn name(self) -> &'static str {
        match self {
            List::Pronouns => "pronouns",
            List::Determiners => "determiners",
            List::Skip => "skip",
            List::Particles => "particles",
            List::NameSuffixes => "name_suffixes",
            List::Abbreviations => "abbreviations",
            List::Channels => "channels",
            List::Stopwords => "stopwords",
            List::NotPerson => "not_person",
            List::NotSpeakerLabels => "not_speaker_labels",
            List::TitleBefore => "title_before",
            List::TitleAfter => "title_after",
            List::Works => "works",
            List::Weekdays => "weekdays",
            List::SkipBeforeDay => "skip_before_day",
            List::Adverbials => "adverbials",
            List::Female => "female",
            List::Male => "male",
            List::Prepositions => "prepositions",
            List::Honorifics => "honorifics",
            List::NotNames => "not_names",
            List::Groups => "groups",
            List::Months => "months",
            List::MonthPrepositions => "month_prepositions",
            List::YearPrepositions => "year_prepositions",
            List::FutureCues => "future_cues",
            List::NumberWords => "number_words",
            List::ReaderWords => "reader_words",
            List::PlaceHeads => "place_heads",
            List::OrgHeads => "org_heads",
            List::GenericTails => "generic_tails",
            List::GenericOrgs => "generic_orgs",
        }
    }
}

/// One entry of a word list: its text as written and the only reader it is for, if any.
#[derive(Debug, Clone, Copy)]
struct Entry {
    text: &'static str,
    only: Option<&'static str>,
}

impl Entry {
    fn for_reader(self, reader: Reader) -> bool {
        self.only
            .is_none_or(|tags| tags.split_whitespace().any(|t| t == reader.tag()))
    }
}

static SECTIONS: LazyLock<HashMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    let mut out: HashMap<&'static str, Vec<Entry>> = HashMap::new();
    let mut current = "";
    for line in lines(WORDS) {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name,
            None => out.entry(current).or_default().push(entry(line)),
        }
    }
    out
});

static TITLE_ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| lines(TITLES).map(entry).collect());

/// The entries of a list that `reader` reads, as written, in file order.
pub fn words(list: List, reader: Reader) -> impl Iterator<Item = &'static str> {
    SECTIONS
        .get(list.name())
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .filter(move |e| e.for_reader(reader))
        .map(|e| e.text)
}

/// The titles `reader` reads, as written, in file order.
pub fn titles(reader: Reader) -> impl Iterator<Item = &'static str> {
    TITLE_ENTRIES
        .iter()
        .filter(move |e| e.for_reader(reader))
        .map(|e| e.text)
}

/// The non-blank lines of a data file that are not comments, trimmed.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn entry(line: &'static str) -> Entry {
    match line.split_once('\t') {
        Some((text, tag)) => Entry {
            text: text.trim(),
            only: Some(tag.trim()),
        },
        None => Entry {
            text: line,
            only: None,
        },
    }
}

/// Rows of a TSV table: comment lines (`#`) and the header skipped, columns split on tabs
/// (a row's first column may be empty, so rows are not trimmed).
pub(crate) fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// FxHash (as in rustc): a multiply-rotate hash, eight bytes at a time. Word lists are looked
/// up for nearly every word of a text, and their keys are our own data, not input.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by words, hashed with [`WordHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_a_list_and_every_tag_a_reader() {
        let names: Vec<&str> = List::ALL.iter().map(|l| l.name()).collect();
        for section in SECTIONS.keys() {
            assert!(names.contains(section), "[{section}] has no List");
        }
        for list in List::ALL {
            assert!(
                SECTIONS.contains_key(list.name()),
                "{list:?} has no section"
            );
        }
        let tags: Vec<&str> = Reader::ALL.iter().map(|r| r.tag()).collect();
        for e in SECTIONS.values().flatten().chain(TITLE_ENTRIES.iter()) {
            assert!(
                e.only
                    .is_none_or(|t| t.split_whitespace().all(|t| tags.contains(&t))),
                "{e:?}"
            );
        }
    }

    #[test]
    fn one_list_serves_its_readers() {
        let stop = |r| words(List::Stopwords, r).collect::<Vec<_>>();
        assert!(stop(Reader::Quotes).contains(&"the") && stop(Reader::Stories).contains(&"the"));
        assert!(!stop(Reader::Quotes).contains(&"may") && stop(Reader::Stories).contains(&"may"));
        let days: Vec<&str> = words(List::Weekdays, Reader::Dates).collect();
        assert_eq!(days.len(), 7);
        assert_eq!((days[0], days[6]), ("monday", "sunday"));
        assert!(words(List::Abbreviations, Reader::Tagger).any(|a| a == "Mr."));
        assert!(!words(List::Abbreviations, Reader::Tagger).any(|a| a == "calif."));
        assert!(titles(Reader::Gazetteer).any(|t| t == "HE"));
        assert!(titles(Reader::Quotes).any(|t| t == "President"));
        assert!(!titles(Reader::Quotes).any(|t| t == "Prime Minister"));
    }
}
