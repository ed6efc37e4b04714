//! Outlets: one canonical name for the many ways inputs spell an outlet ("New York Times -
//! News", "NYT", "nytimes.com" → "New York Times"), the outlet an article's URL names when the
//! input names none (`www.aljazeera.com` and `aljazeera.com` are one outlet, by the host's
//! registrable domain under the Public Suffix List), and the outlet a plain-text article names
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

/// An outlet an article's URL (or the input's domain column) names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlOutlet {
    /// The host as the URL spells it, lower-cased ("www.aljazeera.com"): kept as the spelling.
    pub host: String,
    /// The canonical name: `outlets.tsv`'s for the host or one of its parent domains, else the
    /// registrable domain itself ("aljazeera.com"), else the host.
    pub name: String,
    /// The domain the name was found for ("abcnews.go.com", "aljazeera.com").
    pub domain: String,
}

/// The outlet an article's URL names, or failing that its domain column (a host or a URL).
/// `None` when neither has a host name.
///
/// ```
/// use corpusdb::text::outlets::of_url;
/// let name = |url| of_url(Some(url), None).map(|o| o.name);
/// assert_eq!(name("https://www.aljazeera.com/news/2018/1/1/x.html").as_deref(), Some("Al Jazeera"));
/// assert_eq!(name("http://aljazeera.com/x").as_deref(), Some("Al Jazeera"));
/// assert_eq!(name("https://edition.cnn.com/2018/x").as_deref(), Some("CNN"));
/// assert_eq!(name("http://abcnews.go.com/Politics/x").as_deref(), Some("ABC News"));
/// assert_eq!(name("https://news.example-gazette.co.uk/a?b=c").as_deref(), Some("example-gazette.co.uk"));
/// assert_eq!(name("www.tass.com/world/1").as_deref(), Some("TASS"));
/// assert_eq!(of_url(Some("n/a"), None), None);
/// assert_eq!(of_url(None, Some("www.dw.com")).map(|o| o.name).as_deref(), Some("Deutsche Welle"));
/// ```
pub fn of_url(url: Option<&str>, domain: Option<&str>) -> Option<UrlOutlet> {
    let host = url.and_then(host_of).or_else(|| domain.and_then(host_of))?;
    let table = table();
    // The host, then each parent down to the registrable domain: a section's host
    // (edition.cnn.com) is its outlet's, but go.com is not abcnews.go.com.
    let registrable = match host.parse::<std::net::IpAddr>() {
        Ok(_) => host.clone(),
        Err(_) => psl::domain_str(&host).unwrap_or(&host).to_string(),
    };
    let mut candidate = host.as_str();
    loop {
        if let Some(name) = table.canonical.get(candidate) {
            return Some(UrlOutlet {
                name: name.to_string(),
                domain: candidate.trim_start_matches("www.").to_string(),
                host,
            });
        }
        match candidate.split_once('.') {
            Some((_, parent)) if candidate.len() > registrable.len() => candidate = parent,
            _ => break,
        }
    }
    Some(UrlOutlet {
        name: registrable.clone(),
        domain: registrable,
        host,
    })
}

/// The host of a URL, lower-cased, without a trailing dot. A URL without a scheme
/// ("www.tass.com/world") counts when its host ends in a known public suffix.
fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (parsed, schemeless) = match url::Url::parse(url) {
        Ok(parsed) => (parsed, false),
        Err(_) if !url.contains("://") => (url::Url::parse(&format!("http://{url}")).ok()?, true),
        Err(_) => return None,
    };
    let host = match parsed.host()? {
        url::Host::Domain(domain) => domain.trim_end_matches('.').to_lowercase(),
        // An address names a server, and nothing better names the outlet.
        url::Host::Ipv4(ip) => return Some(ip.to_string()),
        url::Host::Ipv6(ip) => return Some(ip.to_string()),
    };
    let known = || host.contains('.') && psl::suffix(host.as_bytes()).is_some_and(|s| s.is_known());
    (!host.is_empty() && (!schemeless || known())).then_some(host)
}
