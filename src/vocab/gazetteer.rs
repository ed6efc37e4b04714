//! The gazetteer, a lookup table: countries (ISO codes, demonyms), cities (over 15,000 people,
//! or a seat of government) with coordinates and alternate names (GeoNames, CC BY: see
//! gazetteer/ATTRIBUTION.md), US states, world regions, organisations (international bodies,
//! news agencies and outlets, government bodies, parties, armed groups, companies and
//! platforms), and person titles. The tables are the TSV files in `gazetteer/` (the titles
//! those of `titles.txt` the gazetteer reads), embedded in the binary and parsed once on first
//! use. It knows nothing of its readers.
//!
//! Its readers: the tagger's features build their phrase index from [`Gazetteer::names`] (a
//! feature, never a decision); [`crate::extract::ner::aliases`] asks what a mention's text
//! names, for linking and for the names the corpus stage learns rules for; the quote extractor
//! asks whether a speaker label is a known name and whether a channel is a known outlet or
//! agency. [`Gazetteer::lookup`] maps an alias to canonical entries, best first.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{rows, titles, Reader};
use crate::model::EntityKind;

const COUNTRIES: &str = include_str!("gazetteer/countries.tsv");
const COUNTRY_EXTRAS: &str = include_str!("gazetteer/country_extras.tsv");
const CITIES: &str = include_str!("gazetteer/cities.tsv");
const US_STATES: &str = include_str!("gazetteer/us_states.tsv");
const REGIONS: &str = include_str!("gazetteer/regions.tsv");
const ORGS: &str = include_str!("gazetteer/orgs.tsv");

/// What kind of thing a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Country,
    City,
    UsState,
    Region,
    /// A nationality or people: "Syrian", "Americans".
    Demonym,
    International,
    Agency,
    Outlet,
    Government,
    Party,
    ArmedGroup,
    /// Companies and online platforms news names often: "Twitter", "Google".
    Company,
    /// An honorific or office before a name: "President", "Mr".
    Title,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Country => "country",
            Category::City => "city",
            Category::UsState => "us_state",
            Category::Region => "region",
            Category::Demonym => "demonym",
            Category::International => "international",
            Category::Agency => "agency",
            Category::Outlet => "outlet",
            Category::Government => "government",
            Category::Party => "party",
            Category::ArmedGroup => "armed group",
            Category::Company => "company",
            Category::Title => "title",
        }
    }

    fn from_org_column(s: &str) -> Option<Category> {
        Some(match s {
            "international" => Category::International,
            "agency" => Category::Agency,
            "outlet" => Category::Outlet,
            "government" => Category::Government,
            "party" => Category::Party,
            "armed group" => Category::ArmedGroup,
            "company" => Category::Company,
            _ => return None,
        })
    }

    /// Which entity kind a name of this category is, when it names one at all.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Category::Country | Category::City | Category::UsState | Category::Region => {
                Some(EntityKind::Place)
            }
            Category::Demonym => Some(EntityKind::Misc),
            Category::International
            | Category::Agency
            | Category::Outlet
            | Category::Government
            | Category::Party
            | Category::ArmedGroup
            | Category::Company => Some(EntityKind::Org),
            Category::Title => None,
        }
    }

    /// Order among entries sharing an alias: a country before a city of the same name,
    /// a city before a town.
    fn rank(self) -> u8 {
        match self {
            Category::Country => 0,
            Category::International | Category::Agency | Category::Outlet => 1,
            Category::Government | Category::Party | Category::ArmedGroup | Category::Company => 2,
            Category::UsState | Category::Region => 3,
            Category::City => 4,
            Category::Demonym => 5,
            Category::Title => 6,
        }
    }
}

/// One named thing the gazetteer knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The canonical name: "North Korea", "United Nations", "Pyongyang".
    pub name: String,
    pub category: Category,
    /// ISO 3166-1 alpha-2 code of the country it is (or lies in, or is based in).
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Population for places from GeoNames (0 when unknown): ranks same-named towns.
    pub population: u64,
}

impl Entry {
    pub fn kind(&self) -> Option<EntityKind> {
        self.category.kind()
    }
}

/// The loaded tables: entries and an alias index.
pub struct Gazetteer {
    entries: Vec<Entry>,
    aliases: HashMap<String, Vec<u32>>,
    /// Each entry's names as the tables write them (see [`Gazetteer::names`]).
    names: Vec<(String, u32)>,
}

/// The embedded gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::embedded)
}

/// The US state a short form names: its name ("Texas"), postal code ("NY", "N.Y."), or an
/// abbreviation of its name ("Calif.", "Ky.", "W.Va."; the letters in order, the first one
/// first), as in a lawmaker's party label.
///
/// ```
/// use corpusdb::vocab::gazetteer::us_state;
/// assert_eq!(us_state("N.Y."), Some("New York"));
/// assert_eq!(us_state("Calif"), Some("California"));
/// assert_eq!(us_state("Ky."), Some("Kentucky"));
/// assert_eq!(us_state("Day"), None);
/// ```
pub fn us_state(text: &str) -> Option<&'static str> {
    static STATES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let states = STATES.get_or_init(|| {
        rows(US_STATES)
            .map(|row| (column(&row, 0).to_string(), column(&row, 1).to_string()))
            .collect()
    });
    let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.chars().count() < 2 {
        return None;
    }
    let abbreviates = |name: &str| {
        let mut rest = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_lowercase());
        let mut wanted = letters.chars().map(|c| c.to_ascii_lowercase());
        rest.next() == wanted.next() && wanted.all(|w| rest.any(|c| c == w))
    };
    states
        .iter()
        .find(|(name, code)| letters.eq_ignore_ascii_case(name) || letters == *code)
        .or_else(|| states.iter().find(|(name, _)| abbreviates(name)))
        .map(|(name, _)| name.as_str())
}

/// The key under which aliases are compared: lower case, periods dropped, hyphens,
/// underscores and runs of white space as one space, curly apostrophes straight, common
/// Latin accents folded, and a leading "the" dropped.
///
/// ```
/// use corpusdb::vocab::gazetteer::alias_key;
/// assert_eq!(alias_key("Kim Jong-Un"), alias_key("Kim Jong Un"));
/// assert_eq!(alias_key("U.N."), "un");
/// assert_eq!(alias_key("Al-Assad"), alias_key("al Assad"));
/// assert_eq!(alias_key("The New York Times"), "new york times");
/// assert_eq!(alias_key("Médecins"), "medecins");
/// ```
pub fn alias_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '_') {
            space = !key.is_empty();
            continue;
        }
        if c == '.' {
            continue;
        }
        if space {
            key.push(' ');
            space = false;
        }
        let c = if c == '’' || c == '‘' {
            '\''
        } else {
            fold_accent(c)
        };
        key.extend(c.to_lowercase());
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

fn fold_accent(c: char) -> char {
    // Most characters are ASCII: they skip the scan below (gazetteer lookups fold every
    // candidate phrase of every sentence).
    if c.is_ascii() {
        return c;
    }
    const FROM: &str = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ";
    const TO: &str = "aaaaaaceeeeiiiinoooooouuuuyyAAAAAACEEEEIIIINOOOOOOUUUUY";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

impl Gazetteer {
    fn embedded() -> Gazetteer {
        let mut g = Builder::default();
        g.countries();
        g.cities();
        g.us_states();
        g.regions();
        g.orgs();
        g.titles();
        g.finish()
    }

    /// Every entry whose name or alias has the same [`alias_key`] as `text`, best first
    /// (countries before organisations before cities; larger cities first).
    ///
    /// ```
    /// use corpusdb::vocab::gazetteer::{gazetteer, Category};
    /// let g = gazetteer();
    /// let dprk = g.lookup("DPRK").next().unwrap();
    /// assert_eq!((dprk.name.as_str(), dprk.country.as_deref()), ("North Korea", Some("KP")));
    /// assert_eq!(g.lookup("U.N.").next().unwrap().name, "United Nations");
    /// let damascus = g.lookup("Damascus").next().unwrap();
    /// assert_eq!((damascus.category, damascus.country.as_deref()), (Category::City, Some("SY")));
    /// assert!(damascus.latitude.is_some());
    /// ```
    pub fn lookup(&self, text: &str) -> impl Iterator<Item = &Entry> {
        let ids = self
            .aliases
            .get(&alias_key(text))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        ids.iter().map(|&i| &self.entries[i as usize])
    }

    /// The best entry for `text` that names a thing of `kind`.
    pub fn best(&self, text: &str, kind: EntityKind) -> Option<&Entry> {
        self.lookup(text).find(|e| e.kind() == Some(kind))
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub fn country(&self, code: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.category == Category::Country && e.country.as_deref() == Some(code))
    }

    /// Whether `text` is a title or honorific ("President", "Mr.", "HE").
    pub fn is_title(&self, text: &str) -> bool {
        self.lookup(text).any(|e| e.category == Category::Title)
    }

    /// All entries, in table order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every entry's names as the tables write them, with the entry: canonical names, listed
    /// aliases and demonyms with their plurals, titles. The alternate spellings GeoNames gives
    /// cities are left out: they serve linking ([`Gazetteer::lookup`]) only.
    pub fn names(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.names
            .iter()
            .map(|(name, id)| (name.as_str(), &self.entries[*id as usize]))
    }
}

#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    aliases: HashMap<String, Vec<u32>>,
    names: Vec<(String, u32)>,
}

fn column<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("").trim()
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn number(cell: &str) -> Option<f64> {
    cell.parse().ok()
}

fn optional(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

impl Builder {
    /// Adds an entry under its name and `aliases`; `listed` says whether they are names the
    /// tables give it (see [`Gazetteer::names`]).
    fn add<'a>(
        &mut self,
        entry: Entry,
        aliases: impl IntoIterator<Item = &'a str>,
        listed: bool,
    ) -> u32 {
        let id = self.entries.len() as u32;
        let name = entry.name.clone();
        self.entries.push(entry);
        self.alias(id, &name, listed);
        for alias in aliases {
            self.alias(id, alias, listed);
        }
        id
    }

    fn alias(&mut self, id: u32, alias: &str, listed: bool) {
        let ids = self.aliases.entry(alias_key(alias)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
        if listed {
            self.names.push((alias.to_string(), id));
        }
    }

    fn countries(&mut self) {
        let mut extras: HashMap<&str, (Vec<&str>, Vec<&str>)> = HashMap::new();
        for row in rows(COUNTRY_EXTRAS) {
            extras.insert(
                column(&row, 0),
                (
                    list(column(&row, 1)).collect(),
                    list(column(&row, 2)).collect(),
                ),
            );
        }
        for row in rows(COUNTRIES) {
            let iso = column(&row, 0);
            let (extra_aliases, extra_demonyms) = extras.remove(iso).unwrap_or_default();
            let country = Some(iso.to_string());
            let entry = Entry {
                name: column(&row, 2).to_string(),
                category: Category::Country,
                country: country.clone(),
                latitude: number(column(&row, 4)),
                longitude: number(column(&row, 5)),
                population: column(&row, 8).parse().unwrap_or(0),
            };
            let population = entry.population;
            let aliases: Vec<&str> = list(column(&row, 7)).chain(extra_aliases).collect();
            self.add(entry, aliases, true);
            let demonyms: Vec<&str> = list(column(&row, 6)).chain(extra_demonyms).collect();
            let Some((&first, rest)) = demonyms.split_first() else {
                continue;
            };
            let entry = Entry {
                name: first.to_string(),
                category: Category::Demonym,
                country,
                latitude: None,
                longitude: None,
                population,
            };
            let plurals: Vec<String> = demonyms
                .iter()
                .filter(|d| {
                    !d.ends_with('s')
                        && !d.ends_with("ese")
                        && !d.ends_with("sh")
                        && !d.ends_with("ch")
                })
                .map(|d| format!("{d}s"))
                .collect();
            let id = self.add(entry, rest.iter().copied(), true);
            for plural in &plurals {
                self.alias(id, plural, true);
            }
        }
    }

    fn cities(&mut self) {
        for row in rows(CITIES) {
            let population = column(&row, 5).parse().unwrap_or(0);
            let entry = Entry {
                name: column(&row, 0).to_string(),
                category: Category::City,
                country: optional(column(&row, 1)),
                latitude: number(column(&row, 3)),
                longitude: number(column(&row, 4)),
                population,
            };
            let id = self.add(entry, [], true);
            // Alternate spellings serve linking only: as tagger features they are noise.
            for alias in list(column(&row, 7)) {
                self.alias(id, alias, false);
            }
        }
    }

    fn us_states(&mut self) {
        for row in rows(US_STATES) {
            let entry = Entry {
                name: column(&row, 0).to_string(),
                category: Category::UsState,
                country: Some("US".to_string()),
                latitude: None,
                longitude: None,
                population: 0,
            };
            self.add(entry, [], true);
        }
    }

    fn regions(&mut self) {
        for row in rows(REGIONS) {
            let entry = Entry {
                name: column(&row, 0).to_string(),
                category: Category::Region,
                country: optional(column(&row, 2)),
                latitude: number(column(&row, 3)),
                longitude: number(column(&row, 4)),
                population: 0,
            };
            self.add(entry, list(column(&row, 1)).collect::<Vec<_>>(), true);
        }
    }

    fn orgs(&mut self) {
        for row in rows(ORGS) {
            let Some(category) = Category::from_org_column(column(&row, 1)) else {
                continue;
            };
            let entry = Entry {
                name: column(&row, 0).to_string(),
                category,
                country: optional(column(&row, 3)),
                latitude: None,
                longitude: None,
                population: 0,
            };
            self.add(entry, list(column(&row, 2)).collect::<Vec<_>>(), true);
        }
    }

    fn titles(&mut self) {
        for title in titles(Reader::Gazetteer) {
            let entry = Entry {
                name: title.to_string(),
                category: Category::Title,
                country: None,
                latitude: None,
                longitude: None,
                population: 0,
            };
            self.add(entry, [], true);
        }
    }

    fn finish(mut self) -> Gazetteer {
        let entries = &self.entries;
        for ids in self.aliases.values_mut() {
            ids.sort_by(|&a, &b| {
                let (a, b) = (&entries[a as usize], &entries[b as usize]);
                a.category
                    .rank()
                    .cmp(&b.category.rank())
                    .then(b.population.cmp(&a.population))
            });
        }
        Gazetteer {
            entries: self.entries,
            aliases: self.aliases,
            names: self.names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_have_codes_demonyms_and_short_names() {
        let g = gazetteer();
        let us = g.best("U.S.", EntityKind::Place).unwrap();
        assert_eq!(
            (us.name.as_str(), us.country.as_deref()),
            ("United States", Some("US"))
        );
        let syrian = g.best("Syrian", EntityKind::Misc).unwrap();
        assert_eq!(
            (syrian.category, syrian.country.as_deref()),
            (Category::Demonym, Some("SY"))
        );
        assert_eq!(
            g.best("Americans", EntityKind::Misc)
                .unwrap()
                .country
                .as_deref(),
            Some("US")
        );
    }

    #[test]
    fn cities_rank_by_size_and_keep_alternate_names() {
        let g = gazetteer();
        assert_eq!(g.best("Bombay", EntityKind::Place).unwrap().name, "Mumbai");
        let py = g.best("Pyongyang", EntityKind::Place).unwrap();
        assert_eq!(py.country.as_deref(), Some("KP"));
        assert!((py.latitude.unwrap() - 39.03).abs() < 0.1);
        // Georgia the country before Georgia the US state.
        assert_eq!(
            g.lookup("Georgia").next().unwrap().category,
            Category::Country
        );
    }

    #[test]
    fn agencies_outlets_and_titles() {
        let g = gazetteer();
        assert_eq!(
            g.best("Korean Central News Agency", EntityKind::Org)
                .unwrap()
                .name,
            "KCNA"
        );
        assert_eq!(
            g.best("KCNA news agency", EntityKind::Org)
                .map(|e| e.name.as_str()),
            None
        );
        assert_eq!(
            g.best("MEE", EntityKind::Org).unwrap().name,
            "Middle East Eye"
        );
        assert!(g.is_title("President") && g.is_title("Mr.") && g.is_title("HE"));
        assert!(!g.is_title("Assad"));
    }

    #[test]
    fn names_leave_alternate_spellings_out() {
        let g = gazetteer();
        let names: Vec<&str> = g.names().map(|(n, _)| n).collect();
        assert!(names.contains(&"Mumbai") && !names.contains(&"Bombay"));
        assert!(names.contains(&"Syrians") && names.contains(&"HE"));
        assert!(g.lookup("Bombay").next().is_some());
    }
}
