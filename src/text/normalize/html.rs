//! HTML remnants in text: tags of known HTML elements, comments, scripts and styles, and
//! character entities. Block elements (`<p>`, `<div>`, headings, list items, …) become
//! paragraph breaks and `<br>` a line break, so the blocks stage sees the paragraphs the
//! page had; `<q>` becomes a quotation in curly marks; other tags go, their text stays.
//! Entities are decoded with html-escape (named, decimal and hexadecimal, ending in `;`),
//! again while that finds more (`&amp;amp;`), and tags that decoding revealed
//! (`&lt;a href…&gt;`) go too. A `<` that does not open a known element's tag (`x <y`) is
//! text and stays.

use std::sync::OnceLock;

use regex::{Captures, Regex};

use super::Counts;

/// Block elements: a paragraph break where their tags were.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Inline and empty elements: their tags go, their text stays.
const INLINE: &[&str] = &[
    "a", "abbr", "audio", "b", "bdi", "bdo", "big", "button", "canvas", "cite", "code", "col",
    "colgroup", "data", "del", "dfn", "em", "embed", "font", "i", "iframe", "img", "input", "ins",
    "kbd", "label", "legend", "link", "mark", "meta", "noscript", "object", "picture", "s", "samp",
    "small", "source", "span", "strike", "strong", "sub", "sup", "td", "th", "time", "tt", "track",
    "u", "var", "video", "wbr",
];

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?is)<!--.*?-->|<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<(/?)([a-z][a-z0-9]*)(?:\s[^<>]*)?/?>",
        )
        .expect("valid tag pattern")
    })
}

fn entity_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
            .expect("valid entity pattern")
    })
}

/// Strips tags and decodes entities, counting `html-tag`, `html-break`, `html-quote`,
/// `html-comment` (scripts and styles too) and `html-entity`. `None` when there is nothing.
///
/// ```
/// use corpusdb::text::normalize::{html, Counts};
/// let mut counts = Counts::default();
/// let fixed = html::repair("<p>He said <q>no</q> to <a href=\"x\">AT&amp;T</a>.</p>", &mut counts);
/// assert_eq!(fixed.as_deref(), Some("\n\nHe said \u{201c}no\u{201d} to AT&T.\n\n"));
/// assert_eq!(html::repair("if x <y and z> w, R&D; AT&T", &mut counts), None);
/// ```
pub fn repair(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains(['<', '&']) {
        return None;
    }
    let mut current = strip_tags(text, counts);
    let decoded = decode_entities(current.as_deref().unwrap_or(text), counts);
    if let Some(decoded) = decoded {
        // Tags the entities spelled out.
        current = Some(strip_tags(&decoded, counts).unwrap_or(decoded));
    }
    current
}

/// Removes the tags of known elements (see the module's header).
fn strip_tags(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains('<') {
        return None;
    }
    let mut depth = 0usize; // of <q> elements
    let out = tag_re().replace_all(text, |c: &Captures| {
        let whole = &c[0];
        let Some(name) = c.get(2).map(|m| m.as_str().to_ascii_lowercase()) else {
            // A comment, a script or a style.
            counts.add("html-comment", 1);
            return String::new();
        };
        let closing = !c[1].is_empty();
        if name == "q" {
            counts.add("html-quote", 1);
            return if closing {
                depth = depth.saturating_sub(1);
                if depth == 0 { "\u{201d}" } else { "\u{2019}" }.to_string()
            } else {
                depth += 1;
                if depth == 1 { "\u{201c}" } else { "\u{2018}" }.to_string()
            };
        }
        if name == "br" {
            counts.add("html-break", 1);
            return "\n".to_string();
        }
        if BLOCK.contains(&name.as_str()) {
            counts.add("html-break", 1);
            return "\n\n".to_string();
        }
        if INLINE.contains(&name.as_str()) {
            counts.add("html-tag", 1);
            return String::new();
        }
        whole.to_string()
    });
    // Unknown elements' tags are kept as they were: compare.
    match out {
        std::borrow::Cow::Owned(s) if s != text => Some(s),
        _ => None,
    }
}

/// Decodes entities, again while that finds more. Counts the first pass's.
fn decode_entities(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains('&') {
        return None;
    }
    let mut current: Option<String> = None;
    for pass in 0..16 {
        let input = current.as_deref().unwrap_or(text);
        let mut n = 0;
        let out = entity_re().replace_all(input, |c: &Captures| {
            let decoded = html_escape::decode_html_entities(&c[0]);
            if decoded != c[0] {
                n += 1;
            }
            decoded.into_owned()
        });
        if n == 0 {
            break;
        }
        if pass == 0 {
            counts.add("html-entity", n);
        }
        current = Some(out.into_owned());
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> (String, Counts) {
        let mut counts = Counts::default();
        let out = repair(text, &mut counts).unwrap_or_else(|| text.to_string());
        (out, counts)
    }

    #[test]
    fn paragraphs_and_breaks() {
        let (out, counts) = fix("Intro <p>One.</p> <p>Two<br>lines</p>");
        assert_eq!(out, "Intro \n\nOne.\n\n \n\nTwo\nlines\n\n");
        assert_eq!(counts.get("html-break"), 5);
    }

    #[test]
    fn quotations_nest() {
        let (out, counts) = fix("<q>He said <q>no</q>, twice</q>");
        assert_eq!(out, "\u{201c}He said \u{2018}no\u{2019}, twice\u{201d}");
        assert_eq!(counts.get("html-quote"), 4);
    }

    #[test]
    fn inline_tags_comments_and_scripts() {
        let (out, counts) = fix(
            "<SPAN class=\"x\">Bold</SPAN> <img src=\"a.jpg\" alt=\"\"/>move<!-- ad -->\
             <script type=\"text/javascript\">var a = 1 < 2;</script><style>p{}</style>.",
        );
        assert_eq!(out, "Bold move.");
        assert_eq!(counts.get("html-tag"), 3);
        assert_eq!(counts.get("html-comment"), 3);
    }

    #[test]
    fn entities_once_twice_and_spelled_tags() {
        let (out, counts) = fix("AT&amp;T &#8220;hi&#x201D; &eacute; &amp;amp;amp;amp; &nbsp;");
        assert_eq!(out, "AT&T \u{201c}hi\u{201d} \u{e9} & \u{a0}");
        assert_eq!(counts.get("html-entity"), 6);
        let (out, _) = fix("Watch at &lt;a href=\"http://v.com\"&gt;v.com&lt;/a&gt;");
        assert_eq!(out, "Watch at v.com");
    }

    #[test]
    fn text_that_only_looks_like_html_stays() {
        for clean in [
            "if x <y and z> w",
            "R&D, AT&T, Q&A; Johnson & Johnson",
            "3 < 4 > 2, <unknown> tag, <3, &unknownentity;",
            "a <= b, <<quoted>>",
        ] {
            let (out, counts) = fix(clean);
            assert_eq!(out, clean);
            assert!(counts.is_empty(), "{clean}: {counts:?}");
        }
    }
}
