//! Outlets: one canonical name for the many ways inputs spell an outlet ("New York Times -
//! News", "NYT", "nytimes.com" → "New York Times"), and the outlet a plain-text article names
//! in its footer when the input carries no metadata. The names are data (`outlets.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

const TABLE: &str = include_str!("outlets.tsv");

/// Section and edition suffixes that name a part of an outlet, not another outlet.
const SECTION_SUFFIXES: &[&str] = &[
    " - News",
    " - Opinion",
    " - Editorial",
    " - Editorials",
    " (Online News)",
    " (Web News)",
    " (News)",
    " (Opinion)",
    " (Online)",
    " Online News",
    " Editorial Board",
    " - Online",
];

struct Table {
    /// Lower-cased alias or canonical name → canonical name.
    canonical: HashMap<String, &'static str>,
    /// Full names (not abbreviations or domains), to find in footer text.
    names: AhoCorasick,
    name_targets: Vec<&'static str>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut canonical = HashMap::new();
        let mut patterns = Vec::new();
        let mut name_targets = Vec::new();
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (name, aliases) = line.split_once('\t').unwrap_or((line, ""));
            for alias in std::iter::once(name)
                .chain(aliases.split('|'))
                .filter(|a| !a.is_empty())
            {
                canonical.insert(alias.to_lowercase(), name);
                // Only multi-word names are safe to look for in running text.
                if alias.contains(' ') && !alias.contains('.') {
                    patterns.push(alias);
                    name_targets.push(name);
                }
            }
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("outlet names: {e}"));
        Table {
            canonical,
            names,
            name_targets,
        }
    })
}

/// The canonical name of an outlet as an input names it.
///
/// ```
/// use corpusdb::text::outlets::canonical;
/// assert_eq!(canonical("New York Times - News"), "New York Times");
/// assert_eq!(canonical("NYT"), "New York Times");
/// assert_eq!(canonical("www.nytimes.com"), "New York Times");
/// assert_eq!(canonical("New York Post (Opinion)"), "New York Post");
/// assert_eq!(canonical("Kalamazoo Gazette"), "Kalamazoo Gazette");
/// ```
pub fn canonical(raw: &str) -> String {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let table = table();
    if let Some(found) = table.canonical.get(&name.to_lowercase()) {
        return found.to_string();
    }
    let stem = SECTION_SUFFIXES
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .map_or(name.as_str(), str::trim);
    match table.canonical.get(&stem.to_lowercase()) {
        Some(found) => found.to_string(),
        None => stem.to_string(),
    }
}

/// The outlet named in a footer or byline block, if a known one is.
///
/// ```
/// use corpusdb::text::outlets::named_in;
/// assert_eq!(named_in("Middle East Eye propose une couverture indépendante"), Some("Middle East Eye"));
/// assert_eq!(named_in("Nothing to see here"), None);
/// ```
pub fn named_in(text: &str) -> Option<&'static str> {
    let table = table();
    table.names.find_iter(text).find_map(|m| {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let word_edges =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        word_edges.then(|| table.name_targets[m.pattern().as_usize()])
    })
}
