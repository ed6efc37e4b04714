//! The word lists the quote rules read, parsed once from the data files beside this module
//! (`cues.txt`, `titles.txt`, `honorifics.txt`, `words.txt`). The rules live in code; what
//! counts as a cue verb, a title or a pronoun lives in those files.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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

/// Every list, parsed.
pub struct Lexicon {
    /// Cues by their first word, longest first.
    pub cues: HashMap<String, Vec<Cue>>,
    pub titles: HashSet<String>,
    pub honorifics: HashSet<String>,
    pub pronouns: HashSet<String>,
    pub determiners: HashSet<String>,
    pub skip: HashSet<String>,
    pub particles: HashSet<String>,
    pub name_suffixes: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub channels: HashSet<String>,
    pub stopwords: HashSet<String>,
    pub not_person: HashSet<String>,
    pub title_before: HashSet<String>,
    pub title_after: HashSet<String>,
    pub weekdays: HashSet<String>,
    pub skip_before_day: HashSet<String>,
    /// Phrases, each as its words.
    pub adverbials: Vec<Vec<String>>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let sections = sections(include_str!("words.txt"));
    let section = |name: &str| sections.get(name).cloned().unwrap_or_default();
    Lexicon {
        cues: cues(include_str!("cues.txt")),
        titles: lines(include_str!("titles.txt")).map(str::to_lowercase).collect(),
        honorifics: lines(include_str!("honorifics.txt")).map(str::to_string).collect(),
        pronouns: section("pronouns"),
        determiners: section("determiners"),
        skip: section("skip"),
        particles: section("particles"),
        name_suffixes: section("name_suffixes"),
        abbreviations: section("abbreviations"),
        channels: section("channels"),
        stopwords: section("stopwords"),
        not_person: section("not_person"),
        title_before: section("title_before"),
        title_after: section("title_after"),
        weekdays: section("weekdays"),
        skip_before_day: section("skip_before_day"),
        adverbials: section("adverbials").iter().map(|p| p.split_whitespace().map(str::to_string).collect()).collect(),
    }
});

/// The non-blank lines of a data file that are not comments, trimmed.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn sections(text: &str) -> HashMap<String, HashSet<String>> {
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    let mut current = String::new();
    for line in lines(text) {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name.to_string(),
            None => {
                out.entry(current.clone()).or_default().insert(line.to_lowercase());
            }
        }
    }
    out
}

fn cues(text: &str) -> HashMap<String, Vec<Cue>> {
    let mut out: HashMap<String, Vec<Cue>> = HashMap::new();
    for line in lines(text) {
        let mut columns = line.split('\t');
        let (Some(words), Some(role)) = (columns.next(), columns.next()) else { continue };
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
            out.entry(first.clone()).or_default().push(Cue { words, role, inverts });
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
        let cue_lines = lines(include_str!("cues.txt")).count();
        let parsed: usize = LEXICON.cues.values().map(Vec::len).sum();
        assert_eq!(parsed, cue_lines, "every line of cues.txt has a known role");
        assert!(LEXICON.cues["cited"].iter().any(|c| c.words == ["cited", "*", "as", "saying"] && c.role == Role::Relay));
        assert!(LEXICON.cues["said"].iter().any(|c| c.inverts) && !LEXICON.cues["told"].iter().any(|c| c.inverts));
        assert!(LEXICON.titles.contains("president") && LEXICON.titles.contains("sen."));
        assert!(LEXICON.honorifics.contains("HE") && !LEXICON.honorifics.contains("he"));
        assert!(LEXICON.pronouns.contains("he") && LEXICON.particles.contains("al"));
    }

    #[test]
    fn longer_cues_are_tried_first() {
        let said = &LEXICON.cues["said"];
        assert_eq!(said.last().map(|c| c.words.len()), Some(1));
        assert!(said[0].words.len() > 1);
    }
}
