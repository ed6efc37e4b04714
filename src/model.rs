//! Plain data passed between the stages: raw records from `read`, structured articles from
//! `text` with what `link` adds to them (entity mentions, date mentions, quotes, story
//! features), the spans inside them, and the problems a load records. No behaviour beyond
//! small helpers.

use std::fmt;

/// Where a record came from: a file (or `-` for stdin) and, for multi-record files, the line
/// or record number (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: Option<u64>,
    pub record: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.record) {
            (Some(line), _) => write!(f, "{}:{}", self.file, line),
            (None, Some(record)) => write!(f, "{}#{}", self.file, record),
            (None, None) => f.write_str(&self.file),
        }
    }
}

/// A problem found in the input, tied to where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub origin: Origin,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The record was rejected.
    Error,
    /// The record was stored, but something in it was repaired or left raw.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// How the article's text is laid out, which decides how its title is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A scraped text file: the title is the first line that is not site chrome.
    PlainText,
    /// A record with its own title field; the text is the body.
    Record,
}

/// One article as read, before any text processing.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    pub origin: Origin,
    pub layout: Layout,
    pub external_id: Option<String>,
    pub title: Option<String>,
    /// The subtitle (dek, standfirst) when the input gives it in a field of its own.
    pub dek: Option<String>,
    pub text: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub source_domain: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// Repairs made while reading (e.g. a Windows-1252 decode), stored as warnings.
    pub warnings: Vec<String>,
}

impl RawArticle {
    /// Bytes of text read for this article (title, dek and text).
    pub fn bytes(&self) -> usize {
        self.text.len()
            + self.title.as_ref().map_or(0, String::len)
            + self.dek.as_ref().map_or(0, String::len)
    }

    /// A hash of every field as received (not where it came from, and not the reader's
    /// notes): two records with the same hash structure into the same article.
    pub fn received_hash(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(match self.layout {
            Layout::PlainText => b"text".as_slice(),
            Layout::Record => b"record",
        });
        for field in [
            self.external_id.as_deref(),
            self.title.as_deref(),
            self.dek.as_deref(),
            Some(self.text.as_str()),
            self.date.as_deref(),
            self.source.as_deref(),
            self.source_domain.as_deref(),
            self.url.as_deref(),
            self.byline.as_deref(),
        ] {
            // A field's absence and its emptiness hash differently; a separator byte that
            // UTF-8 text cannot hold keeps fields from running into each other.
            match field {
                None => hasher.update(b"\xff0"),
                Some(value) => hasher.update(b"\xff1").update(value.as_bytes()),
            };
        }
        hasher.finalize().to_hex().to_string()
    }
}

/// A span of text: Unicode code points, 0-based, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What a block of text is. Analytics read `Title`, `Dek` and `Body`; the other kinds are
/// set aside, with a reason, and stay searchable on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Title,
    Dek,
    Body,
    /// Site chrome: skip links, menus, sharing buttons, time stamps.
    Navigation,
    /// Newsletter, app and social-media promotion, advertising markers, "read more" links.
    Promo,
    /// A photo or video caption (often with its credit).
    Caption,
    /// A bare photo credit or media placeholder.
    Credit,
    /// Copyright lines, reprint and publisher notices, contributor lines.
    Footer,
    /// Chrome in another language than the article's (before its start or after its end).
    OtherLanguage,
    /// A line that recurs across many articles of one outlet (learned from the corpus).
    Repeated,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Title,
        Kind::Dek,
        Kind::Body,
        Kind::Navigation,
        Kind::Promo,
        Kind::Caption,
        Kind::Credit,
        Kind::Footer,
        Kind::OtherLanguage,
        Kind::Repeated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Dek => "dek",
            Kind::Body => "body",
            Kind::Navigation => "navigation",
            Kind::Promo => "promo",
            Kind::Caption => "caption",
            Kind::Credit => "credit",
            Kind::Footer => "footer",
            Kind::OtherLanguage => "other-language",
            Kind::Repeated => "repeated",
        }
    }

    /// The kind called `name` (as stored in `paragraphs.kind`).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether analytics read this kind by default.
    pub fn is_content(self) -> bool {
        matches!(self, Kind::Title | Kind::Dek | Kind::Body)
    }
}

/// One block of an article's text, with its sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    /// Why the block got its kind, for a person reading the database.
    pub reason: Option<String>,
    /// ISO 639-1 code, when the block has enough text to tell.
    pub language: Option<String>,
    pub text: String,
    pub sentences: Vec<Span>,
    /// For short blocks: a key that is equal for lines that differ only in case, digits and
    /// spacing, to find lines repeated across an outlet's articles.
    pub line_key: Option<i64>,
}

/// What an entity is (the one typed kind every stage uses; stored as its `as_str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Org,
    Place,
    /// Nationalities and peoples, events, works, and other names.
    Misc,
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl EntityKind {
    /// The name stored in the database: person, org, place, misc.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Misc => "misc",
        }
    }

    /// Every kind, in the order of the CoNLL types.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Place,
        EntityKind::Misc,
    ];

    /// The kind stored as `name` (the inverse of [`EntityKind::as_str`]).
    pub fn parse(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The index of the kind in [`EntityKind::ALL`] (the CoNLL type: PER, ORG, LOC, MISC).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A real-world thing an article mentions, as the extractors name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// person, org, place or misc.
    pub kind: EntityKind,
    /// The canonical name: "Bashar al-Assad", "North Korea".
    pub name: String,
    /// The normalised name the corpus merges on (with `kind`).
    pub key: String,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// A mention of an entity in one block.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub block: usize,
    pub span: Span,
    pub text: String,
    pub entity: Entity,
    /// The kind the mention's own context gives it (the tagger's reading, made consistent
    /// within the article by linking): stored as `mentions.kind` whatever entity it joins.
    pub kind: EntityKind,
    /// The kind the article's linking gave the mention, when an alias rule has since given
    /// it an entity of another kind (read back from a database; `None` from linking).
    pub linked_kind: Option<EntityKind>,
}

/// A date expression in one block, resolved when it can be.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub block: usize,
    pub span: Span,
    pub text: String,
    pub value: Option<String>,
    pub granularity: &'static str,
}

/// A direct quotation in one block, with who said it and through whom.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub block: usize,
    /// The quoted text without its marks.
    pub span: Span,
    pub text: String,
    pub speaker_text: Option<String>,
    /// The person the speaker resolves to in the article.
    pub speaker: Option<Entity>,
    pub cue: Option<String>,
    pub via_text: Option<String>,
    pub via: Option<Entity>,
    pub partial: bool,
    pub rule: String,
    /// Equal for the same quote across articles (ellipses and honorifics aside).
    pub echo_key: String,
}

/// An article ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub origin: Origin,
    pub external_id: Option<String>,
    pub title: Option<String>,
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// The outlet's canonical name, and the name as the input gave it (or as found in the text).
    pub source: Option<String>,
    pub source_raw: Option<String>,
    pub source_domain: Option<String>,
    /// ISO 8601 when the raw date parsed.
    pub published_at: Option<String>,
    pub published_raw: Option<String>,
    pub language: Option<String>,
    pub content_hash: String,
    /// A hash of the record as received, before any stage changed it (set by `load`).
    pub received_hash: Option<String>,
    pub blocks: Vec<Block>,
    /// Words in the title, dek and body blocks.
    pub words: usize,
    pub warnings: Vec<String>,
    /// Bytes of text read for this article.
    pub bytes: usize,
    pub mentions: Vec<Mention>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    /// What grouping into stories compares (filled by `link`).
    pub story: StoryFeatures,
    /// What the normalize stage repaired, and the fields it changed as received.
    pub repairs: Repairs,
}

/// What the normalize stage repaired in an article (see `text::normalize`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Each kind of repair made (`mojibake`, `html-tag`, `lost-mark`, …) with how many, in
    /// name order.
    pub counts: Vec<(String, u64)>,
    /// The fields the repairs changed (`title`, `text`, `byline`), as they were received.
    pub received: Vec<(String, String)>,
}

/// An article's salient terms, with weighted counts, and the MinHash signature of its
/// body's shingles (see `link::story`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryFeatures {
    pub terms: Vec<(String, u32)>,
    pub signature: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(title: Option<&str>, text: &str) -> RawArticle {
        RawArticle {
            origin: Origin {
                file: "a.jsonl".into(),
                line: Some(1),
                record: None,
            },
            layout: Layout::Record,
            external_id: None,
            title: title.map(str::to_string),
            dek: None,
            text: text.to_string(),
            date: None,
            source: None,
            source_domain: None,
            url: None,
            byline: None,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn received_hash_keeps_fields_apart_and_ignores_where_a_record_came_from() {
        let hash = |r: &RawArticle| r.received_hash();
        // The same characters split differently between two fields are two records.
        assert_ne!(hash(&raw(Some("ab"), "c")), hash(&raw(Some("a"), "bc")));
        // An empty title is not a missing one.
        assert_ne!(hash(&raw(Some(""), "c")), hash(&raw(None, "c")));
        // The same record read from another file or line is the same record.
        let mut moved = raw(Some("a"), "bc");
        moved.origin.line = Some(9);
        moved.origin.file = "b.jsonl".into();
        assert_eq!(hash(&moved), hash(&raw(Some("a"), "bc")));
        let mut plain = raw(Some("a"), "bc");
        plain.layout = Layout::PlainText;
        assert_ne!(hash(&plain), hash(&raw(Some("a"), "bc")));
    }
}
