//! Block classification: site chrome, promotion, captions, credits and footers told apart
//! from the story, each with a reason a person can read. The patterns are data
//! (`rules.tsv`, plus a user's file in the same format); this module applies them. It also
//! owns [`line_key`], the key by which lines repeated across an outlet's articles are found,
//! and [`pull_quotes`], the blocks that repeat the article's own words.

pub mod pull_quotes;

use regex::Regex;

use crate::model::Kind;

/// The built-in rules.
const BUILTIN: &str = include_str!("../rules.tsv");

/// What a rule says of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub kind: Kind,
    pub reason: String,
    /// The language of the rule's words, for blocks too short to identify otherwise.
    pub lang: Option<String>,
}

/// One rule: blocks up to `max_chars` long that match `pattern` are `kind` (`None`: a
/// `keep` rule, whose blocks are story text and are not tried against the later rules).
#[derive(Debug, Clone)]
struct Rule {
    kind: Option<Kind>,
    /// The language the pattern is written in, if it is one language's words.
    lang: Option<String>,
    max_chars: usize,
    /// The rule applies only to blocks at an article's edges (see [`EDGE_BLOCKS`]).
    edge_only: bool,
    /// The rule's match is chrome whatever surrounds it (`where` is `any-length`): it sets
    /// aside a block of running text too (see [`MIN_RUNNING_SENTENCES`]).
    any_length: bool,
    regex: Regex,
    /// The pattern has a group named `match`: its text, when it takes part, is the
    /// reason's `{match}` (the whole match otherwise).
    match_group: bool,
    reason: String,
}

/// A block is at an article's edge when it is one of the first this many after the title
/// (positions 1 to 3) or one of the last this many: where bylines, author bios and
/// contributor lines stand.
pub const EDGE_BLOCKS: usize = 3;

/// A set of classification rules, tried in order; the first that matches wins.
#[derive(Debug, Clone)]
pub struct Rules {
    rules: Vec<Rule>,
}

impl Rules {
    /// The rules that ship with corpusdb.
    pub fn builtin() -> Rules {
        // The built-in table is tested (`builtin_rules_parse`), so this cannot fail at run time.
        Rules::parse(BUILTIN, "built-in rules").unwrap_or_else(|e| panic!("{e}"))
    }

    /// The built-in rules followed by the rules in `text` (a user's `--rules` file).
    pub fn with_user_rules(text: &str, origin: &str) -> Result<Rules, String> {
        let mut rules = Rules::builtin().rules;
        rules.extend(Rules::parse(text, origin)?.rules);
        Ok(Rules { rules })
    }

    /// Parses rules in the `rules.tsv` format. Errors name the line.
    pub fn parse(text: &str, origin: &str) -> Result<Rules, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let (class, lang, max_chars, pattern, reason, place) = match fields[..] {
                [class, lang, max_chars, pattern, reason] => (class, lang, max_chars, pattern, reason, "anywhere"),
                [class, lang, max_chars, pattern, reason, place] => (class, lang, max_chars, pattern, reason, place),
                _ => return Err(format!("{origin}:{line_no}: expected 5 or 6 tab-separated fields (class, lang, max_chars, pattern, reason[, where]), found {}", fields.len())),
            };
            let kind = match class.trim() {
                "keep" => None,
                class => Some(
                    Kind::parse(class)
                        .filter(|k| matches!(k, Kind::Navigation | Kind::Promo | Kind::Caption | Kind::Credit | Kind::Footer))
                        .ok_or_else(|| format!("{origin}:{line_no}: unknown class '{class}' (navigation, promo, caption, credit, footer, keep)"))?,
                ),
            };
            let (edge_only, any_length) = match place.trim() {
                "" | "anywhere" => (false, false),
                "edge" => (true, false),
                "any-length" => (false, true),
                other => {
                    return Err(format!(
                        "{origin}:{line_no}: unknown where '{other}' (anywhere, edge, any-length)"
                    ))
                }
            };
            let max_chars = max_chars.trim().parse().map_err(|_| {
                format!("{origin}:{line_no}: max_chars '{max_chars}' is not a number")
            })?;
            // `\b` as an ASCII word boundary keeps matching on the fast DFA engines (a Unicode
            // one falls back to a slow engine on any non-ASCII text, such as curly quotes).
            let regex = regex::RegexBuilder::new(&pattern.replace(r"\b", r"(?-u:\b)"))
                .case_insensitive(true)
                .build()
                .map_err(|e| format!("{origin}:{line_no}: bad pattern: {e}"))?;
            let lang = Some(lang.trim().to_string()).filter(|l| !l.is_empty() && l != "*");
            let match_group = regex.capture_names().any(|name| name == Some("match"));
            rules.push(Rule {
                kind,
                lang,
                max_chars,
                edge_only,
                any_length,
                regex,
                match_group,
                reason: reason.trim().to_string(),
            });
        }
        Ok(Rules { rules })
    }

    /// The class of a block anywhere in an article and why, or `None` when no rule matches
    /// (or a `keep` rule matches first). Rules for the edges only are not tried.
    ///
    /// ```
    /// use corpusdb::model::Kind;
    /// let rules = corpusdb::text::classify::Rules::builtin();
    /// let verdict = rules.classify("Join Our Channels").unwrap();
    /// assert_eq!((verdict.kind, verdict.reason.as_str()), (Kind::Promo, "promotion 'Join Our Channels'"));
    /// let verdict = rules.classify("Leader Kim Jong-Un / AFP PHOTO / KCNA VIA KNS /").unwrap();
    /// assert_eq!(verdict.kind, Kind::Caption);
    /// assert!(rules.classify("The talks, officials said, will resume on Monday.").is_none());
    /// ```
    pub fn classify(&self, text: &str) -> Option<Verdict> {
        self.classify_at(text, false)
    }

    /// The class of a block and why; `at_edge` says whether the block stands at its
    /// article's edge, where the edge-only rules apply too.
    ///
    /// ```
    /// let rules = corpusdb::text::classify::Rules::builtin();
    /// let bio = "Jane Doe is a senior fellow at the Example Institute.";
    /// assert!(rules.classify_at(bio, true).is_some());
    /// assert!(rules.classify_at(bio, false).is_none());
    /// ```
    ///
    /// Precision first: a caption, credit or promo rule does not set aside a block of
    /// running text (see [`is_running_text`]) because one phrase in it matches, unless the
    /// rule says its match is chrome at any length; the later rules are tried instead.
    ///
    /// ```
    /// let rules = corpusdb::text::classify::Rules::builtin();
    /// let story = "The talks ended on Monday without a deal. Both sides said they would meet \
    ///              again in May. No one would say where. The ministers left on Tuesday (AFP/Reuters)";
    /// assert!(rules.classify(story).is_none());
    /// assert!(rules.classify("The ministers left the capital (AFP/Reuters)").is_some());
    /// ```
    pub fn classify_at(&self, text: &str, at_edge: bool) -> Option<Verdict> {
        let chars = text.chars().count();
        let (rule, found) = self
            .rules
            .iter()
            .filter(|r| (r.max_chars == 0 || chars <= r.max_chars) && (at_edge || !r.edge_only))
            .find_map(|r| {
                r.regex
                    .find(text)
                    .filter(|m| {
                        let guarded = !r.any_length
                            && matches!(r.kind, Some(Kind::Caption | Kind::Credit | Kind::Promo));
                        !guarded || !is_running_text(text, m.start()..m.start() + 1)
                    })
                    .map(|m| (r, m.as_str()))
            })?;
        // Only the rare rule with a `match` group pays for captures, and only on a block it matched.
        let group = rule
            .match_group
            .then(|| rule.regex.captures(text).and_then(|c| c.name("match")))
            .flatten();
        let found = group.map_or(found, |g| g.as_str()).trim();
        let found = shorten(found, 60);
        Some(Verdict {
            kind: rule.kind?,
            reason: rule.reason.replace("{match}", &found),
            lang: rule.lang.clone(),
        })
    }
}

/// A block with at least this many sentences of running text (see [`is_running_text`]) is
/// story text, not a caption, credit or promo, whatever phrase in it a rule matches.
pub const MIN_RUNNING_SENTENCES: usize = 3;
/// A sentence of running text has at least this many words.
const MIN_RUNNING_WORDS: usize = 5;

/// Whether `text` holds [`MIN_RUNNING_SENTENCES`] sentences of running text or more besides
/// those that overlap `matched` (a byte range: where a rule's match starts, since a pattern
/// may run on to the block's end): of [`MIN_RUNNING_WORDS`]
/// words or more, with words in lower case, ending as a sentence does (a full stop, a
/// question or an exclamation mark, maybe inside closing marks).
///
/// ```
/// use corpusdb::text::classify::is_running_text;
/// let text = "The mayor spoke for an hour. The council voted after her. It adjourned at noon on Monday.";
/// assert!(is_running_text(text, 0..0));
/// assert!(!is_running_text(text, 0..3));
/// assert!(!is_running_text("The mayor spoke for an hour. Crowds cheer. (AP Photo/Jane Roe)", 0..0));
/// ```
pub fn is_running_text(text: &str, matched: std::ops::Range<usize>) -> bool {
    // Three sentences of five words take more than this.
    if text.len() < 60 {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    let from = text.get(..matched.start).map_or(0, |t| t.chars().count());
    let to = text.get(..matched.end).map_or(0, |t| t.chars().count());
    crate::text::sentences::split(text)
        .iter()
        .filter(|s| {
            let overlaps = matched.end > 0 && s.start < to.max(from + 1) && from < s.end;
            let sentence: String = chars[s.start..s.end].iter().collect();
            let ends = sentence
                .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
                .ends_with(['.', '!', '?', '…']);
            !overlaps
                && ends
                && sentence.split_whitespace().count() >= MIN_RUNNING_WORDS
                && sentence.chars().any(char::is_lowercase)
        })
        .nth(MIN_RUNNING_SENTENCES - 1)
        .is_some()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// Blocks at most this long get a line key: boilerplate runs to a few sentences at most
/// (tag lines, promos, an author's bio, a syndication notice of 700 characters), and longer
/// paragraphs reused across articles are content.
pub const MAX_REPEATED_CHARS: usize = 800;
/// ...and at least this many letters: numbers, scores and times ("20,210", "1500 GMT") recur
/// by chance, not as boilerplate.
const MIN_REPEATED_LETTERS: usize = 8;

/// A key equal for one outlet's lines that differ only in case, digits, punctuation and
/// spacing ("Copyright © 2019 The Times" and "Copyright © 2020 The Times"), or `None` for
/// long blocks.
///
/// ```
/// use corpusdb::text::classify::line_key;
/// assert_eq!(line_key("Times", "Copyright © 2019 The Times."), line_key("Times", "COPYRIGHT © 2020  the times"));
/// assert_ne!(line_key("Times", "Story continued below"), line_key("Times", "Story continues below"));
/// assert_ne!(line_key("Times", "Advertisement"), line_key("Post", "Advertisement"));
/// assert_eq!(line_key("Times", &"long ".repeat(200)), None);
/// assert_eq!(line_key("Times", "20,210"), None);
/// ```
pub fn line_key(outlet: &str, text: &str) -> Option<i64> {
    if text.chars().count() > MAX_REPEATED_CHARS
        || text.chars().filter(|c| c.is_alphabetic()).count() < MIN_REPEATED_LETTERS
    {
        return None;
    }
    let mut normalized = String::with_capacity(outlet.len() + text.len() + 1);
    normalized.push_str(outlet);
    normalized.push('\x1f');
    normalized.extend(
        text.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase),
    );
    let hash = blake3::hash(normalized.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    // SQLite integers are signed 64-bit.
    Some(i64::from_le_bytes(first))
}

#[cfg(test)]
mod tests;
