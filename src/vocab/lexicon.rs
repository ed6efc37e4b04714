//! The word lists the quote rules read, as lookups built once from the vocabulary (`cues.txt`,
//! `titles.txt` and the sections of `words.txt`, the entries for [`Reader::Quotes`]). The rules
//! live in code; what counts as a cue verb, a title or a pronoun lives in those files.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::{lines, titles, words, List, Reader, WordHasher, WordMap as Map, CUES};

/// A word list. Looked up for nearly every word of a paragraph with quotations, so hashed
/// with a fast non-cryptographic hash (the keys are our own data, not input).
pub type Words = HashSet<String, BuildHasherDefault<WordHasher>>;

/// What a cue tells about the words around it (see `cues.txt` for each role).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Speech,
    Participle,
    According,
    Relay,
    Passive,
    Report,
}

/// One cue: its words (lower case; `*` a noun-phrase slot) and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub words: Vec<String>,
    pub role: Role,
    /// The subject may follow the verb after a quotation ("…,” said Assad").
    pub inverts: bool,
}

/// What a word is, as bits, so that one lookup per word tells every list it is in. The
/// tokenizer sets the last four from the word's shape.
pub mod class {
    pub const TITLE: u32 = 1;
    pub const STOPWORD: u32 = 1 << 1;
    pub const PRONOUN: u32 = 1 << 2;
    pub const DETERMINER: u32 = 1 << 3;
    pub const SKIP: u32 = 1 << 4;
    pub const PARTICLE: u32 = 1 << 5;
    pub const SUFFIX: u32 = 1 << 6;
    pub const CHANNEL: u32 = 1 << 7;
    pub const TITLE_BEFORE: u32 = 1 << 8;
    pub const TITLE_AFTER: u32 = 1 << 9;
    pub const WEEKDAY: u32 = 1 << 10;
    pub const SKIP_BEFORE_DAY: u32 = 1 << 11;
    /// The first word of a cue.
    pub const CUE: u32 = 1 << 12;
    /// "of", which joins "Secretary of State" and ends "Jeb Bush of Florida".
    pub const OF: u32 = 1 << 13;
    /// A kind of work ("show", "book", "memoir"): a title-cased quotation after it is its title.
    pub const WORK: u32 = 1 << 14;
    pub const HONORIFIC: u32 = 1 << 16;
    pub const CAPITALIZED: u32 = 1 << 17;
    /// Can be part of a name: capitalised and no stopword, or "al-Assad".
    pub const NAME: u32 = 1 << 18;
    pub const POSSESSIVE: u32 = 1 << 19;
}

/// Every list, parsed.
pub struct Lexicon {
    /// Lower-case word → its `class` bits.
    pub classes: Map<u32>,
    /// The longest word in `classes` and in `honorifics`, in characters: longer words are
    /// not looked up.
    pub longest_class: usize,
    pub longest_honorific: usize,
    /// Cues by their first word, longest first.
    pub cues: Map<Vec<Cue>>,
    pub titles: Words,
    pub honorifics: Words,
    pub particles: Words,
    pub abbreviations: Words,
    pub not_person: Words,
    /// Words of the labels in capitals that open boxes and notes ("FACT CHECK:", "EDITOR'S
    /// NOTE:"), which are no transcript's speaker.
    pub not_speaker_labels: Words,
    /// Honorifics and titles that mark a woman, or a man (for "she" and "he").
    pub female: Words,
    pub male: Words,
    pub prepositions: Words,
    /// Phrases, each as its words.
    pub adverbials: Vec<Vec<String>>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let section =
        |list: List| -> Words { words(list, Reader::Quotes).map(str::to_lowercase).collect() };
    let cues = cues(CUES);
    let titles: Words = titles(Reader::Quotes).map(str::to_lowercase).collect();
    let mut classes: Map<u32> = Map::default();
    let mut mark = |words: &mut dyn Iterator<Item = &String>, bit: u32| {
        for w in words {
            *classes.entry(w.clone()).or_default() |= bit;
        }
    };
    mark(&mut titles.iter(), class::TITLE);
    mark(&mut cues.keys(), class::CUE);
    mark(&mut ["of".to_string()].iter(), class::OF);
    for (list, bit) in [
        (List::Stopwords, class::STOPWORD),
        (List::Pronouns, class::PRONOUN),
        (List::Determiners, class::DETERMINER),
        (List::Skip, class::SKIP),
        (List::Particles, class::PARTICLE),
        (List::NameSuffixes, class::SUFFIX),
        (List::Channels, class::CHANNEL),
        (List::TitleBefore, class::TITLE_BEFORE),
        (List::TitleAfter, class::TITLE_AFTER),
        (List::Works, class::WORK),
        (List::Weekdays, class::WEEKDAY),
        (List::SkipBeforeDay, class::SKIP_BEFORE_DAY),
    ] {
        mark(&mut section(list).iter(), bit);
    }
    let honorifics: Words = words(List::Honorifics, Reader::Quotes)
        .map(str::to_string)
        .collect();
    Lexicon {
        longest_class: classes.keys().map(|k| k.chars().count()).max().unwrap_or(0),
        longest_honorific: honorifics
            .iter()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0),
        classes,
        cues,
        titles,
        honorifics,
        particles: section(List::Particles),
        abbreviations: section(List::Abbreviations),
        not_person: section(List::NotPerson),
        not_speaker_labels: section(List::NotSpeakerLabels),
        female: section(List::Female),
        male: section(List::Male),
        prepositions: section(List::Prepositions),
        adverbials: section(List::Adverbials)
            .iter()
            .map(|p| p.split_whitespace().map(str::to_string).collect())
            .collect(),
    }
});

fn cues(text: &str) -> Map<Vec<Cue>> {
    let mut out: Map<Vec<Cue>> = Map::default();
    for line in lines(text) {
        let mut columns = line.split('\t');
        let (Some(words), Some(role)) = (columns.next(), columns.next()) else {
            continue;
        };
        let inverts = columns.next().is_some_and(|c| c.trim() == "inverts");
        let role = match role.trim() {
            "speech" => Role::Speech,
            "participle" => Role::Participle,
            "according" => Role::According,
            "relay" => Role::Relay,
            "passive" => Role::Passive,
            "report" => Role::Report,
            _ => continue,
        };
        let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
        if let Some(first) = words.first() {
            out.entry(first.clone()).or_default().push(Cue {
                words,
                role,
                inverts,
            });
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        // A line with an unknown role or no tab would be dropped silently: count them.
        let cue_lines = lines(CUES).count();
        let parsed: usize = LEXICON.cues.values().map(Vec::len).sum();
        assert_eq!(parsed, cue_lines, "every line of cues.txt has a known role");
        assert!(LEXICON.cues["cited"]
            .iter()
            .any(|c| c.words == ["cited", "*", "as", "saying"] && c.role == Role::Relay));
        assert!(
            LEXICON.cues["said"].iter().any(|c| c.inverts)
                && !LEXICON.cues["told"].iter().any(|c| c.inverts)
        );
        assert!(LEXICON.titles.contains("president") && LEXICON.titles.contains("sen."));
        assert!(LEXICON.honorifics.contains("HE") && !LEXICON.honorifics.contains("he"));
        assert_eq!(LEXICON.classes["he"] & class::PRONOUN, class::PRONOUN);
        assert!(LEXICON.particles.contains("al"));
        assert_eq!(
            LEXICON.classes["of"] & (class::STOPWORD | class::OF),
            class::STOPWORD | class::OF
        );
    }

    #[test]
    fn longer_cues_are_tried_first() {
        let said = &LEXICON.cues["said"];
        assert_eq!(said.last().map(|c| c.words.len()), Some(1));
        assert!(said[0].words.len() > 1);
    }
}
