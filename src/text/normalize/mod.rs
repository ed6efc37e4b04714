//! Normalize: the first text stage. Repairs the damage text picks up on its way to us, where
//! the evidence is certain, and counts each repair: UTF-8 read as Windows-1252 or Latin-1
//! (`â€™`, `Ã©`, twice over too) in [`encoding`]; HTML remnants (tags, `<p>` and `<br>` as
//! breaks, `<q>` as a quotation, entities) in [`html`]; quotation marks and apostrophes lost
//! to `?` or `"?`, or doubled by a CSV export, in [`marks`]; and here CRLF and CR line ends,
//! non-breaking spaces and zero-width characters. Clean text comes back borrowed, unchanged:
//! each family first looks for its signal bytes and does nothing without them.

pub mod encoding;
pub mod html;
pub mod marks;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::model::{RawArticle, Repairs};

/// Counts of repairs by name (`mojibake`, `html-tag`, `lost-mark`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(BTreeMap<&'static str, u64>);

impl Counts {
    /// Adds `n` repairs of kind `name` (nothing when `n` is 0).
    pub fn add(&mut self, name: &'static str, n: u64) {
        if n > 0 {
            *self.0.entry(name).or_default() += n;
        }
    }

    /// How many repairs of kind `name` were made.
    pub fn get(&self, name: &str) -> u64 {
        self.0.get(name).copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each kind of repair with its count, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.0.iter().map(|(&k, &v)| (k, v))
    }
}

/// Repairs one text field, counting what it repaired in `counts`. Text with nothing to
/// repair comes back borrowed, byte for byte as it was.
///
/// ```
/// use corpusdb::text::normalize::{normalize, Counts};
///
/// let mut counts = Counts::default();
/// let text = "<p>Obama\u{e2}\u{20ac}\u{2122}s plan &amp; the \u{c3}\u{a9}lite,\"?Sen. Warren said.</p>\r\n";
/// assert_eq!(
///     normalize(text, &mut counts),
///     "\n\nObama\u{2019}s plan & the \u{e9}lite,\u{201d} Sen. Warren said.\n\n\n"
/// );
/// assert_eq!(counts.get("mojibake"), 2);
/// assert_eq!(counts.get("html-entity"), 1);
/// assert_eq!(counts.get("html-break"), 2);
/// assert_eq!(counts.get("lost-mark"), 1);
/// assert_eq!(counts.get("line-end"), 1);
///
/// // Clean text is not touched: straight quotes, a question before a mark, apostrophes.
/// let clean = "\"Why?\" she asked. \"It's fine,\" he said. Who said \"no\"?";
/// let mut counts = Counts::default();
/// assert!(matches!(normalize(clean, &mut counts), std::borrow::Cow::Borrowed(_)));
/// assert!(counts.is_empty());
/// ```
pub fn normalize<'a>(text: &'a str, counts: &mut Counts) -> Cow<'a, str> {
    let mut text = Cow::Borrowed(text);
    apply(&mut text, |t| line_ends(t, counts));
    apply(&mut text, |t| html::repair(t, counts));
    apply(&mut text, |t| encoding::repair(t, counts));
    apply(&mut text, |t| marks::repair(t, counts));
    apply(&mut text, |t| spaces(t, counts));
    text
}

/// Replaces `text` by what `repair` returns, when it returns something.
fn apply<'a>(text: &mut Cow<'a, str>, repair: impl FnOnce(&str) -> Option<String>) {
    if let Some(repaired) = repair(text) {
        *text = Cow::Owned(repaired);
    }
}

/// Normalizes a raw article's text fields (title, text, byline) in place and returns what
/// was repaired, with the fields it changed as they were received. A field whose only
/// repair was CRLF line ends, every one of them (see [`only_crlf_changed`]), is not kept as
/// received: it is the repaired text with each LF written CRLF, and the `line-end` count
/// says so; a copy would store a CRLF corpus twice.
pub fn normalize_article(raw: &mut RawArticle) -> Repairs {
    let mut counts = Counts::default();
    let mut received = Vec::new();
    let mut field = |name: &str, value: &mut String| {
        if let Cow::Owned(repaired) = normalize(value, &mut counts) {
            let as_received = std::mem::replace(value, repaired);
            if !only_crlf_changed(&as_received, value) {
                received.push((name.to_string(), as_received));
            }
        }
    };
    if let Some(title) = raw.title.as_mut() {
        field("title", title);
    }
    if let Some(dek) = raw.dek.as_mut() {
        field("dek", dek);
    }
    field("text", &mut raw.text);
    if let Some(byline) = raw.byline.as_mut() {
        field("byline", byline);
    }
    Repairs {
        counts: counts.iter().map(|(k, v)| (k.to_string(), v)).collect(),
        received,
    }
}

/// Whether `repaired` is `received` with its line ends written LF and nothing else changed,
/// and every line end of `received` was CRLF: then `received` is `repaired` with each LF
/// written CRLF again. Mixed or lone CR line ends are not recoverable that way.
///
/// ```
/// use corpusdb::text::normalize::only_crlf_changed;
/// assert!(only_crlf_changed("a\r\nb\r\n", "a\nb\n"));
/// assert!(!only_crlf_changed("a\r\nb\n", "a\nb\n"));
/// assert!(!only_crlf_changed("a\rb", "a\nb"));
/// assert!(!only_crlf_changed("a&amp;\r\nb", "a&\nb"));
/// ```
pub fn only_crlf_changed(received: &str, repaired: &str) -> bool {
    let uniform = !received.replace("\r\n", "").contains(['\r', '\n']);
    uniform && received.replace("\r\n", "\n") == repaired
}

/// Characters that are spaces in every way but the byte: no-break space, figure space,
/// narrow no-break space.
const NO_BREAK_SPACES: [char; 3] = ['\u{a0}', '\u{2007}', '\u{202f}'];
/// Characters that show nothing and only get in a search's way: zero-width space, word
/// joiner, byte order mark. The zero-width (non-)joiners are kept: they spell words in
/// Persian and Indic scripts and emoji sequences.
const ZERO_WIDTH: [char; 3] = ['\u{200b}', '\u{2060}', '\u{feff}'];

/// CRLF and lone CR line ends to LF (`line-end`).
fn line_ends(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains('\r') {
        return None;
    }
    let n = text.matches('\r').count() as u64;
    counts.add("line-end", n);
    Some(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// No-break spaces to spaces (`no-break-space`), zero-width characters removed
/// (`zero-width`).
fn spaces(text: &str, counts: &mut Counts) -> Option<String> {
    // Each of them starts with one of these bytes in UTF-8: look at those only.
    let bytes = text.as_bytes();
    let found = bytes.iter().enumerate().any(|(i, &b)| {
        matches!(b, 0xC2 | 0xE2 | 0xEF)
            && text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| NO_BREAK_SPACES.contains(&c) || ZERO_WIDTH.contains(&c))
    });
    if !found {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if NO_BREAK_SPACES.contains(&c) {
            counts.add("no-break-space", 1);
            out.push(' ');
        } else if ZERO_WIDTH.contains(&c) {
            counts.add("zero-width", 1);
        } else {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (String, Counts) {
        let mut counts = Counts::default();
        let out = normalize(text, &mut counts).into_owned();
        (out, counts)
    }

    #[test]
    fn line_ends_become_lf() {
        let (out, counts) = run("One\r\nTwo\rThree\n");
        assert_eq!(out, "One\nTwo\nThree\n");
        assert_eq!(counts.get("line-end"), 2);
    }

    #[test]
    fn no_break_and_zero_width_characters() {
        let (out, counts) = run("\u{feff}10\u{a0}km\u{200b} away, 5\u{202f}%");
        assert_eq!(out, "10 km away, 5 %");
        assert_eq!(counts.get("no-break-space"), 2);
        assert_eq!(counts.get("zero-width"), 2);
        // Joiners spell words and emoji: kept.
        let (out, counts) = run("\u{645}\u{200c}\u{6cc} and \u{1f468}\u{200d}\u{1f469}");
        assert_eq!(out, "\u{645}\u{200c}\u{6cc} and \u{1f468}\u{200d}\u{1f469}");
        assert!(counts.is_empty());
    }

    #[test]
    fn clean_text_is_borrowed() {
        for clean in [
            "\u{201c}Why?\u{201d} she asked. Caf\u{e9}, na\u{ef}ve, S\u{e3}o Paulo, \u{a3}5.",
            "He said \"yes\" -- and then \"no?\" It's 5 < 6 & 7 > 2.",
            "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}, \u{4e16}\u{754c}! \u{1f600}",
            "",
        ] {
            let mut counts = Counts::default();
            assert!(
                matches!(normalize(clean, &mut counts), Cow::Borrowed(_)),
                "{clean}"
            );
            assert!(counts.is_empty(), "{clean}: {counts:?}");
        }
    }

    /// A record with these text fields and nothing else.
    fn raw_article(
        title: Option<&str>,
        dek: Option<&str>,
        text: &str,
        byline: Option<&str>,
    ) -> RawArticle {
        RawArticle {
            origin: crate::model::Origin {
                file: "x".into(),
                line: None,
                record: None,
            },
            layout: crate::model::Layout::Record,
            external_id: None,
            title: title.map(str::to_string),
            dek: dek.map(str::to_string),
            text: text.to_string(),
            date: None,
            source: None,
            source_domain: None,
            url: None,
            byline: byline.map(str::to_string),
            warnings: Vec::new(),
        }
    }

    /// Issue #19: a field whose only repair is CRLF line ends is not stored twice.
    #[test]
    fn issue_19_crlf_only_repairs_keep_no_copy() {
        let mut raw = raw_article(
            Some("A title"),
            None,
            "One.\r\n\r\nTwo.\r\n",
            Some("Jane\r\nRoe &amp; John"),
        );
        let repairs = normalize_article(&mut raw);
        assert_eq!(raw.text, "One.\n\nTwo.\n");
        assert_eq!(
            repairs.counts,
            [("html-entity".to_string(), 1), ("line-end".to_string(), 4)]
        );
        // The text is recoverable from the count; the byline had another repair too.
        assert_eq!(
            repairs.received,
            [("byline".to_string(), "Jane\r\nRoe &amp; John".to_string())]
        );
    }

    #[test]
    fn an_article_keeps_the_fields_it_received() {
        let mut raw = raw_article(
            Some("Obama\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s plan"),
            Some("A dek\u{200b} in two"),
            "Clean body.",
            None,
        );
        let repairs = normalize_article(&mut raw);
        assert_eq!(raw.title.as_deref(), Some("Obama\u{2019}s plan"));
        assert_eq!(raw.dek.as_deref(), Some("A dek in two"));
        assert_eq!(raw.text, "Clean body.");
        let mut counts = repairs.counts.clone();
        counts.sort();
        assert_eq!(
            counts,
            [("mojibake".to_string(), 1), ("zero-width".to_string(), 1)]
        );
        assert_eq!(
            repairs.received,
            [
                (
                    "title".to_string(),
                    "Obama\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s plan".to_string()
                ),
                ("dek".to_string(), "A dek\u{200b} in two".to_string())
            ]
        );
    }
}
