//! Damaged copies of an article's text, the shapes users bring news in, each built as a list
//! of edits so that gold offsets can follow the text into its damaged copy ([`Chain::start`],
//! [`Chain::end`]).
//!
//! A text is laid out as the annotated files are: a head (the title, and a subtitle when the
//! next line has one) up to the first blank line, then body paragraphs separated by blank
//! lines. The head stays on its own line in every shape, as an export keeps the title in a
//! field of its own.

use encoding_rs::WINDOWS_1252;

/// A damaged shape of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The text as annotated.
    Clean,
    /// The body's paragraphs joined by a space on one line.
    OneLine,
    /// Curly marks and apostrophes turned straight.
    Straight,
    /// Marks lost to an encoding: a closing double mark becomes `"?` (eating the space after
    /// it: `DeVos"?highly`), an opening one `"`, a right single mark `"` or `?` in turn
    /// (`don"t`, `don?t`), a left one `'`.
    Mangled,
    /// UTF-8 read as Windows-1252: `“` becomes `â€œ`, `é` `Ã©`.
    Mojibake,
    /// Body paragraphs as `<p>` elements, marks and dashes as HTML entities, CRLF line ends.
    Html,
    /// Mangled marks, then `<p>` elements with no line break between them, then mojibake.
    Combined,
}

impl Shape {
    pub const ALL: [Shape; 7] = [
        Shape::Clean,
        Shape::OneLine,
        Shape::Straight,
        Shape::Mangled,
        Shape::Mojibake,
        Shape::Html,
        Shape::Combined,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Clean => "clean",
            Shape::OneLine => "one-line",
            Shape::Straight => "straight",
            Shape::Mangled => "mangled",
            Shape::Mojibake => "mojibake",
            Shape::Html => "html",
            Shape::Combined => "combined",
        }
    }

    /// The shape [`Shape::name`] names.
    pub fn parse(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The text rewritten in this shape, with the map of its positions.
    pub fn rewrite(self, text: &str) -> Chain {
        let mut chain = Chain {
            text: text.to_string(),
            steps: Vec::new(),
        };
        let steps: &[Step] = match self {
            Shape::Clean => &[],
            Shape::OneLine => &[one_line],
            Shape::Straight => &[straight],
            Shape::Mangled => &[mangled],
            Shape::Mojibake => &[mojibake],
            Shape::Html => &[|t| html(t, "\r\n")],
            Shape::Combined => &[mangled, |t| html(t, ""), mojibake],
        };
        for step in steps {
            let chars: Vec<char> = chain.text.chars().collect();
            let rewrite = Rewrite::apply(&chars, step(&chars));
            chain.text = rewrite.text.clone();
            chain.steps.push(rewrite);
        }
        chain
    }
}

/// One rewrite of a text: the edits it makes.
type Step = fn(&[char]) -> Vec<Edit>;

/// Replace the source's code points `start..end` by `with` (an insertion when they are
/// equal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub with: String,
}

fn edit(start: usize, end: usize, with: impl Into<String>) -> Edit {
    Edit {
        start,
        end,
        with: with.into(),
    }
}

/// One rewrite: its text and, for each edit in order, (source start, source end, output
/// start, output end).
#[derive(Debug, Clone)]
pub struct Rewrite {
    pub text: String,
    edits: Vec<(usize, usize, usize, usize)>,
}

impl Rewrite {
    /// Applies edits (sorted here; one overlapping an earlier one is dropped).
    pub fn apply(source: &[char], mut edits: Vec<Edit>) -> Rewrite {
        edits.sort_by_key(|e| (e.start, e.end));
        let mut text = String::new();
        let mut out_len = 0;
        let mut at = 0;
        let mut spans = Vec::new();
        for e in edits {
            if e.start < at || e.end > source.len() || e.end < e.start {
                continue;
            }
            text.extend(&source[at..e.start]);
            out_len += e.start - at;
            let out_start = out_len;
            text.push_str(&e.with);
            out_len += e.with.chars().count();
            spans.push((e.start, e.end, out_start, out_len));
            at = e.end;
        }
        text.extend(&source[at..]);
        Rewrite { text, edits: spans }
    }

    /// Where source code point `p` went: the start of its replacement when it was edited.
    pub fn start(&self, p: usize) -> usize {
        let i = self.edits.partition_point(|e| e.0 <= p);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            None => p,
            Some((s, e, os, oe)) => {
                if p < e {
                    debug_assert!(s <= p);
                    os
                } else {
                    oe + (p - e)
                }
            }
        }
    }

    /// Where the boundary after source code point `p - 1` went (an end-exclusive offset): the
    /// end of its replacement when it was edited.
    pub fn end(&self, p: usize) -> usize {
        let Some(q) = p.checked_sub(1) else {
            return self.start(0);
        };
        let i = self.edits.partition_point(|e| e.0 <= q);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            Some((_, e, _, oe)) if q < e => oe,
            _ => self.start(q) + 1,
        }
    }
}

/// Rewrites applied one after the other.
#[derive(Debug, Clone)]
pub struct Chain {
    pub text: String,
    steps: Vec<Rewrite>,
}

impl Chain {
    /// Where the source's code point `p` went.
    pub fn start(&self, p: usize) -> usize {
        self.steps.iter().fold(p, |p, s| s.start(p))
    }

    /// Where an end-exclusive offset of the source went.
    pub fn end(&self, p: usize) -> usize {
        self.steps.iter().fold(p, |p, s| s.end(p))
    }
}

/// The head (title and subtitle: up to the first blank line) and the body's paragraphs, as
/// ranges of code points trimmed of white space.
fn layout(text: &[char]) -> (usize, Vec<(usize, usize)>) {
    let blank_after = |i: usize| -> Option<usize> {
        // A line break at i followed by white space holding another line break: the end of
        // that run of white space.
        let mut j = i + 1;
        let mut breaks = 1;
        while j < text.len() && text[j].is_whitespace() {
            breaks += usize::from(text[j] == '\n');
            j += 1;
        }
        (breaks >= 2).then_some(j)
    };
    let mut i = 0;
    let mut head_end = text.len();
    while i < text.len() {
        if text[i] == '\n' && blank_after(i).is_some() {
            head_end = i;
            break;
        }
        i += 1;
    }
    while head_end > 0 && text[head_end - 1].is_whitespace() {
        head_end -= 1;
    }
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut last = head_end;
    let mut i = head_end;
    while i < text.len() {
        let c = text[i];
        if c == '\n' {
            if let Some(next) = blank_after(i) {
                if let Some(s) = start.take() {
                    paragraphs.push((s, last));
                }
                i = next;
                continue;
            }
        }
        if !c.is_whitespace() {
            start.get_or_insert(i);
            last = i + 1;
        }
        i += 1;
    }
    if let Some(s) = start {
        paragraphs.push((s, last));
    }
    (head_end, paragraphs)
}

/// Line breaks inside the body and between its paragraphs become one space.
fn one_line(text: &[char]) -> Vec<Edit> {
    let (_, paragraphs) = layout(text);
    let mut edits = Vec::new();
    for pair in paragraphs.windows(2) {
        edits.push(edit(pair[0].1, pair[1].0, " "));
    }
    for &(s, e) in &paragraphs {
        let mut i = s;
        while i < e {
            if text[i] == '\n' || text[i] == '\r' {
                let mut j = i;
                while j < e && text[j].is_whitespace() {
                    j += 1;
                }
                edits.push(edit(i, j, " "));
                i = j;
            } else {
                i += 1;
            }
        }
    }
    edits
}

fn straight(text: &[char]) -> Vec<Edit> {
    text.iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            '“' | '”' | '„' | '‟' => Some(edit(i, i + 1, "\"")),
            '‘' | '’' | '‚' | '‛' => Some(edit(i, i + 1, "'")),
            _ => None,
        })
        .collect()
}

fn mangled(text: &[char]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut right_singles = 0;
    for (i, &c) in text.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| text[j]);
        let opens = || before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
        match c {
            '”' => edits.push(closing(text, i)),
            '"' if !opens() => edits.push(closing(text, i)),
            '“' | '„' => edits.push(edit(i, i + 1, "\"")),
            '’' => {
                right_singles += 1;
                let with = if right_singles % 2 == 1 { "\"" } else { "?" };
                edits.push(edit(i, i + 1, with));
            }
            '‘' => edits.push(edit(i, i + 1, "'")),
            _ => {}
        }
    }
    edits
}

/// A closing double mark lost to `"?`, with the space after it.
fn closing(text: &[char], i: usize) -> Edit {
    let end = if text.get(i + 1) == Some(&' ') {
        i + 2
    } else {
        i + 1
    };
    edit(i, end, "\"?")
}

fn mojibake(text: &[char]) -> Vec<Edit> {
    text.iter()
        .enumerate()
        .filter(|(_, c)| !c.is_ascii())
        .map(|(i, c)| {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let (read, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            edit(i, i + 1, read.into_owned())
        })
        .collect()
}

/// Body paragraphs as `<p>…</p>` joined by `separator`, CRLF line ends, and marks, dashes,
/// `&`, `<` and `>` as entities.
fn html(text: &[char], separator: &str) -> Vec<Edit> {
    let (head_end, paragraphs) = layout(text);
    let mut edits = Vec::new();
    for (i, &c) in text[..head_end].iter().enumerate() {
        if c == '\n' {
            edits.push(edit(i, i + 1, "\r\n"));
        }
    }
    if let Some(&(first, _)) = paragraphs.first() {
        edits.push(edit(head_end, first, "\r\n"));
    }
    for (n, &(s, e)) in paragraphs.iter().enumerate() {
        edits.push(edit(s, s, "<p>"));
        edits.push(edit(e, e, "</p>"));
        if let Some(&(next, _)) = paragraphs.get(n + 1) {
            edits.push(edit(e, next, separator));
        }
        for (i, &c) in text.iter().enumerate().take(e).skip(s) {
            let entity = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '“' => "&ldquo;",
                '”' => "&rdquo;",
                '‘' => "&lsquo;",
                '’' => "&#8217;",
                '—' => "&mdash;",
                '\u{a0}' => "&nbsp;",
                '\n' => "\r\n",
                _ => continue,
            };
            edits.push(edit(i, i + 1, entity));
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "A title’s “head”\n\nHe said “it’s fine,” she\nwrote.\n\n\nCafé & “more” — \"x\" here.\n";

    /// The damaged text of a span of TEXT, by the chain's map.
    fn follow(chain: &Chain, part: &str) -> String {
        let chars: Vec<char> = TEXT.chars().collect();
        let byte = TEXT.find(part).expect("part of TEXT");
        let start = TEXT[..byte].chars().count();
        let end = start + part.chars().count();
        assert_eq!(chars[start..end].iter().collect::<String>(), part);
        let out: Vec<char> = chain.text.chars().collect();
        out[chain.start(start)..chain.end(end)].iter().collect()
    }

    #[test]
    fn clean_is_the_text() {
        let chain = Shape::Clean.rewrite(TEXT);
        assert_eq!(chain.text, TEXT);
        assert_eq!(follow(&chain, "it’s fine"), "it’s fine");
    }

    #[test]
    fn one_line_keeps_the_head() {
        let chain = Shape::OneLine.rewrite(TEXT);
        assert_eq!(
            chain.text,
            "A title’s “head”\n\nHe said “it’s fine,” she wrote. Café & “more” — \"x\" here.\n"
        );
        assert_eq!(follow(&chain, "she\nwrote"), "she wrote");
        assert_eq!(follow(&chain, "Café"), "Café");
    }

    #[test]
    fn straight_and_mangled_marks() {
        let chain = Shape::Straight.rewrite(TEXT);
        assert_eq!(follow(&chain, "“it’s fine,” she"), "\"it's fine,\" she");
        let chain = Shape::Mangled.rewrite(TEXT);
        assert!(chain
            .text
            .starts_with("A title\"s \"head\"?\n\nHe said \"it?s fine,\"?she"));
        assert_eq!(follow(&chain, "it’s fine"), "it?s fine");
        // A closing mark eats the space after it: the next word starts right after `"?`.
        assert_eq!(follow(&chain, "she"), "she");
        assert_eq!(follow(&chain, "fine,” she"), "fine,\"?she");
        assert_eq!(follow(&chain, "\"x\" here"), "\"x\"?here");
    }

    #[test]
    fn mojibake_is_utf8_read_as_windows_1252() {
        let chain = Shape::Mojibake.rewrite(TEXT);
        assert_eq!(follow(&chain, "Café"), "CafÃ©");
        assert_eq!(follow(&chain, "“more”"), "â€œmoreâ€\u{9d}");
        assert_eq!(follow(&chain, "more"), "more");
        assert_eq!(follow(&chain, "title’s"), "titleâ€™s");
    }

    #[test]
    fn html_paragraphs_entities_and_crlf() {
        let chain = Shape::Html.rewrite(TEXT);
        assert_eq!(
            chain.text,
            "A title’s “head”\r\n<p>He said &ldquo;it&#8217;s fine,&rdquo; she\r\nwrote.</p>\r\n\
             <p>Café &amp; &ldquo;more&rdquo; &mdash; &quot;x&quot; here.</p>\n"
        );
        assert_eq!(follow(&chain, "He said"), "He said");
        assert_eq!(follow(&chain, "here."), "here.");
        assert_eq!(follow(&chain, "“more”"), "&ldquo;more&rdquo;");
    }

    #[test]
    fn combined_chains_the_maps() {
        let chain = Shape::Combined.rewrite(TEXT);
        assert_eq!(
            chain.text,
            "A title\"s \"head\"?\r\n<p>He said &quot;it?s fine,&quot;?she\r\nwrote.</p>\
             <p>CafÃ© &amp; &quot;more&quot;?&mdash; &quot;x&quot;?here.</p>\n"
        );
        assert_eq!(follow(&chain, "Café"), "CafÃ©");
        assert_eq!(follow(&chain, "wrote."), "wrote.");
        assert_eq!(follow(&chain, "more"), "more");
    }

    #[test]
    fn insertions_and_edits_at_one_place() {
        let source: Vec<char> = "abc".chars().collect();
        let r = Rewrite::apply(
            &source,
            vec![edit(1, 2, "XY"), edit(1, 1, "<"), edit(3, 3, ">")],
        );
        assert_eq!(r.text, "a<XYc>");
        assert_eq!((r.start(0), r.end(1)), (0, 1));
        assert_eq!((r.start(1), r.end(2)), (2, 4));
        assert_eq!((r.start(2), r.end(3)), (4, 5));
    }
}
