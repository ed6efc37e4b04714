//! Quotation marks and apostrophes that an export mangled, where the context says for certain
//! what they were:
//!
//! - `csv-quote`: every mark doubled by a CSV writer whose quoting was never undone
//!   (`He said ""no""`), undone only when every mark in the text is doubled (a field's own
//!   enclosing marks aside);
//! - `lost-mark`: a curly double mark that came out as `"?`, the `?` standing for the bytes
//!   the mark lost. After a space or at the start it opened (`said "?We` → `said “We`); after
//!   a clause's punctuation it closed, and the space after it was lost too
//!   (`choice,"?Sen.` → `choice,” Sen.`); between two letters (`DeVos"?highly`) it closes a
//!   quotation that is open in the paragraph and opens one otherwise. After a word and before
//!   a comma, semicolon or colon it closed (`"sad"?, he said`), and anywhere it closed a
//!   quotation that a lost mark opened (`"?night vision"? I began`); else, before a space, a
//!   bracket or the paragraph's end, it may be a question about a quoted word (`Who said
//!   "no"? Nobody.`, `"Is it correct"? asked one`, `(or is it "bigly"?)`) and stays;
//! - `lost-apostrophe`: an apostrophe that came out as `?` or `"` between a word and the end
//!   of a contraction or possessive (`don?t`, `Trump?s`, `don"t`, `O"Brien`) becomes `’`.

use std::sync::OnceLock;

use regex::{Captures, Regex};

use super::Counts;

/// Repairs mangled marks (see the module's header). `None` when there is nothing to repair.
///
/// ```
/// use corpusdb::text::normalize::{marks, Counts};
/// let mut counts = Counts::default();
/// let fixed = marks::repair("a worse choice,\"?Sen. Warren said. I don\"t know.", &mut counts);
/// assert_eq!(fixed.as_deref(), Some("a worse choice,\u{201d} Sen. Warren said. I don\u{2019}t know."));
/// assert_eq!(marks::repair("\"Why?\" she asked. Who said \"no\"? Nobody.", &mut counts), None);
/// ```
pub fn repair(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains(['"', '?']) {
        return None;
    }
    let mut current: Option<String> = None;
    let steps: [fn(&str, &mut Counts) -> Option<String>; 3] =
        [csv_doubled, lost_marks, lost_apostrophes];
    for step in steps {
        if let Some(fixed) = step(current.as_deref().unwrap_or(text), counts) {
            current = Some(fixed);
        }
    }
    current
}

/// Undoes CSV doubling when every run of marks inside the text is of even length; a run of
/// odd length at either end holds the field's enclosing mark, which goes too.
fn csv_doubled(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains("\"\"") {
        return None;
    }
    let trimmed = text.trim();
    let runs: Vec<(usize, usize)> = {
        let bytes = trimmed.as_bytes();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'"' {
                let start = i;
                while i < bytes.len() && bytes[i] == b'"' {
                    i += 1;
                }
                runs.push((start, i - start));
            } else {
                i += 1;
            }
        }
        runs
    };
    let at_edge = |&(start, len): &(usize, usize)| start == 0 || start + len == trimmed.len();
    if runs.iter().any(|r| r.1 % 2 == 1 && !at_edge(r)) {
        return None;
    }
    // A field's enclosing marks come in a pair: odd runs at both ends, or at neither.
    let odd_edges = runs.iter().filter(|r| r.1 % 2 == 1).count();
    if odd_edges == 1 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut pairs = 0;
    let mut i = 0;
    let bytes = trimmed.as_bytes();
    let lead = text.len() - text.trim_start().len();
    out.push_str(&text[..lead]);
    while i < bytes.len() {
        if bytes[i] != b'"' {
            let next = trimmed[i..].find('"').map_or(trimmed.len(), |j| i + j);
            out.push_str(&trimmed[i..next]);
            i = next;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'"' {
            i += 1;
        }
        let len = i - start;
        pairs += len / 2;
        out.extend(std::iter::repeat_n('"', len / 2));
    }
    out.push_str(&text[lead + trimmed.len()..]);
    counts.add("csv-quote", pairs as u64);
    Some(out)
}

/// Whether `c` opens something a quotation can start right after.
fn opens(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '/')
}

/// Replaces `"?` marks by curly ones, by context.
fn lost_marks(text: &str, counts: &mut Counts) -> Option<String> {
    if !text.contains("\"?") {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut open = false; // a quotation is open in this paragraph
                          // ... and its opening mark was a lost one: the text marks its quotations with `"?`.
    let mut opened_lost = false;
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            open = false;
        }
        if !(c == '"' && chars.get(i + 1) == Some(&'?')) {
            // A mark between two letters is a lost apostrophe (`Clinton"s`, repaired
            // next), not a quotation's edge.
            let apostrophe = i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|a| a.is_alphanumeric());
            match c {
                '"' if apostrophe => {}
                '"' => (open, opened_lost) = (!open, false),
                '\u{201c}' => (open, opened_lost) = (true, false),
                '\u{201d}' => open = false,
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 2).copied();
        let starts_word = after.is_some_and(|a| a.is_alphanumeric() || "'‘$([".contains(a));
        let ends_here =
            after.is_none_or(|a| a.is_whitespace() || ".,;:!?)\u{2014}\u{2013}".contains(a));
        // After a clause's punctuation or a closing single mark, a double mark closes.
        let after_clause = before.is_some_and(|b| ".,;:!?’'".contains(b));
        let after_word = before.is_some_and(|b| b.is_alphanumeric() || ")%’'".contains(b));
        // A clause goes on right after it: then the `?` ended no question (`"no"?, he
        // said`). Before a space, a dash, a bracket or a lower-case word it may well have
        // (`"Is it correct"? asked one`, `(or is it "bigly"?)`): those stay.
        let goes_on = after.is_some_and(|a| ",;:".contains(a));
        let repaired = match (before, starts_word, ends_here) {
            (None, true, _) => Some("\u{201c}"),
            (Some(b), true, _) if opens(b) => Some("\u{201c}"),
            (_, true, _) if after_clause => Some("\u{201d} "),
            (_, true, _) if after_word && open => Some("\u{201d} "),
            (_, true, _) if after_word => Some(" \u{201c}"),
            (_, false, true) if after_clause || (after_word && goes_on) => Some("\u{201d}"),
            // Closing a quotation that a lost mark opened: the `?` is the lost mark's too.
            (_, false, _) if after_word && open && opened_lost => Some("\u{201d}"),
            _ => None,
        };
        match repaired {
            Some(mark) => {
                open = mark.contains('\u{201c}');
                opened_lost = open;
                out.push_str(mark);
                n += 1;
                i += 2;
            }
            None => {
                (open, opened_lost) = (!open, false);
                out.push(c);
                i += 1;
            }
        }
    }
    counts.add("lost-mark", n);
    (n > 0).then_some(out)
}

fn apostrophe_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A word, the lost mark and the end of a contraction or possessive; or an O', d', l'
        // before a capitalised name.
        Regex::new(r#"\b(\p{L}+)["?](s|t|re|ve|ll|d|m)\b|\b([OoDdLl])"(\p{Lu}\p{Ll}+)"#)
            .expect("valid apostrophe pattern")
    })
}

/// Replaces a `?` or `"` standing for an apostrophe by `’`, unless the word is part of a
/// web address or a file name (`page.php?s=1`).
fn lost_apostrophes(text: &str, counts: &mut Counts) -> Option<String> {
    // Cheap first: a mark right after a letter (or a non-ASCII byte) and right before a
    // contraction's first letter or a capital.
    let bytes = text.as_bytes();
    let candidate = (1..bytes.len().saturating_sub(1)).any(|i| {
        matches!(bytes[i], b'"' | b'?')
            && (bytes[i - 1].is_ascii_alphabetic() || bytes[i - 1] >= 0x80)
            && (b"strvldm".contains(&bytes[i + 1]) || bytes[i + 1].is_ascii_uppercase())
    });
    if !candidate {
        return None;
    }
    let mut n = 0;
    let once = replace_apostrophes(text, &mut n);
    // An O’ before a name can hide the possessive after it (`O"Malley"s`): once more.
    let twice = replace_apostrophes(once.as_deref().unwrap_or(text), &mut n);
    counts.add("lost-apostrophe", n);
    twice.or(once)
}

/// One pass of [`lost_apostrophes`], counting in `n`.
fn replace_apostrophes(text: &str, n: &mut u64) -> Option<String> {
    let before_n = *n;
    let out = apostrophe_re().replace_all(text, |c: &Captures| {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let before = text[..whole.start].chars().next_back();
        let after = text[whole.end..].chars().next();
        let in_address = before.is_some_and(|b| "./?=&_@#:".contains(b))
            || after.is_some_and(|a| "=&/_@".contains(a));
        if in_address {
            return c[0].to_string();
        }
        *n += 1;
        match (c.get(1), c.get(3)) {
            (Some(word), _) => format!("{}\u{2019}{}", word.as_str(), &c[2]),
            (None, Some(letter)) => format!("{}\u{2019}{}", letter.as_str(), &c[4]),
            (None, None) => c[0].to_string(),
        }
    });
    (*n > before_n).then(|| out.into_owned())
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
    fn lost_marks_open_and_close_by_context() {
        let (out, counts) = fix("She said \"?We will win,\"?and left. \"?Never again.\"? Then: DeVos\"?highly qualified.");
        assert_eq!(
            out,
            "She said \u{201c}We will win,\u{201d} and left. \u{201c}Never again.\u{201d} Then: DeVos \u{201c}highly qualified."
        );
        assert_eq!(counts.get("lost-mark"), 5);
        // Between letters, a quotation open in the paragraph closes.
        let (out, _) = fix("He called it \"?a disaster\"?yesterday.");
        assert_eq!(out, "He called it \u{201c}a disaster\u{201d} yesterday.");
        // Issue #19: a lost apostrophe before it (`Clinton"s`) is no quotation's edge.
        let (out, _) = fix("Clinton\"s aides were \"duped\"?by \"a con\"?and left.");
        assert_eq!(
            out,
            "Clinton\u{2019}s aides were \"duped\u{201d} by \"a con\u{201d} and left."
        );
        // Before a bracket, after a closing single mark, after a clause and before a dash.
        let (out, _) =
            fix("\"?[He] said \u{2018}no.\u{2019}\"? It was \"?plain.\"?\u{2014}and so.");
        assert_eq!(
            out,
            "\u{201c}[He] said \u{2018}no.\u{2019}\u{201d} It was \u{201c}plain.\u{201d}\u{2014}and so."
        );
        // A quotation a lost mark opened is closed by the next one.
        let (out, _) = fix("this \"?night vision\"? I began, and \"?weapons\"?\u{2013}were.");
        assert_eq!(
            out,
            "this \u{201c}night vision\u{201d} I began, and \u{201c}weapons\u{201d}\u{2013}were."
        );
        // Before a comma the `?` asked nothing.
        let (out, _) = fix("He left, \"?sad\"?, he said.");
        assert_eq!(out, "He left, \u{201c}sad\u{201d}, he said.");
    }

    #[test]
    fn questions_about_quoted_words_stay() {
        for clean in [
            "Who coined \"fake news\"? Nobody knows.",
            "\"Why?\" she asked. \"Is it?\"",
            "Did he say \"no\"?",
            "\"Is it correct\"? asked one. (Or is it \"bigly\"?) Is it \"green\"?! See \"x\"? \u{2014} no.",
            "What? Really? index.php?id=3 and page?s=1",
        ] {
            let (out, counts) = fix(clean);
            assert_eq!(out, clean);
            assert!(counts.is_empty(), "{clean}: {counts:?}");
        }
    }

    #[test]
    fn apostrophes_lost_to_question_marks_and_double_marks() {
        let (out, _) = fix("O\"Malley\"s and Dodd-Frank\"s rules");
        assert_eq!(
            out,
            "O\u{2019}Malley\u{2019}s and Dodd-Frank\u{2019}s rules"
        );
        let (out, counts) = fix("I don?t know what Trump?s plan is; we?ll see. Don\"t ask O\"Brien in C\u{f4}te d\"Ivoire.");
        assert_eq!(
            out,
            "I don\u{2019}t know what Trump\u{2019}s plan is; we\u{2019}ll see. Don\u{2019}t ask O\u{2019}Brien in C\u{f4}te d\u{2019}Ivoire."
        );
        assert_eq!(counts.get("lost-apostrophe"), 6);
        // Straight marks around words are quotations, not apostrophes.
        let clean = "He said \"stop\" and \"go\"; the \"s\" stands for \"soon\".";
        assert_eq!(fix(clean).0, clean);
    }

    #[test]
    fn csv_doubled_marks() {
        let (out, counts) = fix("He said \"\"no\"\" and \"\"yes.\"\"");
        assert_eq!(out, "He said \"no\" and \"yes.\"");
        assert_eq!(counts.get("csv-quote"), 4);
        // The field's own enclosing marks go too.
        let (out, _) = fix("\"He said \"\"no.\"\"\"");
        assert_eq!(out, "He said \"no.\"");
        // One doubled mark among single ones is not CSV doubling.
        let clean = "He said \"\"no\" and \"yes\".";
        assert_eq!(fix(clean).0, clean);
    }
}
