//! Quotation marks: which marks in a paragraph open and close a quotation, and so which
//! stretches of it are quoted.
//!
//! Double marks (“ ” " „ « » and the typewriter '' used by some wires) are paired first;
//! single marks (‘ ’ ' ‹ ›) after them, so that an apostrophe ("don't", "'90s", "voters'")
//! can never swallow a double-quoted quotation. A mark opens when it stands before a word
//! and after a space or punctuation, and closes when it stands after a word and before a
//! space, punctuation or the end; the glyph (“ or ”) only decides when the context does not.
//! Marks inside a quotation nest; only the outermost quotations are returned. A double mark
//! left open at the end of the paragraph makes a quotation that runs to the end (news
//! style for a quotation that goes on in the next paragraph).
//!
//! Damaged marks pair too. A mark between two letters or digits is an apostrophe whatever
//! its glyph (`don"t` from a lost encoding), never a quotation's edge. `"?` is a closing
//! mark ” read as Windows-1252, where its last byte has no character and shows as `?`
//! (`choice,"?Sen. Warren said`): one mark that closes, the `?` with it. A mark that can
//! only open, after a sentence's end, while a quotation is open, starts a new quotation and
//! ends the open one there: a paragraph break was lost between them (news style opens each
//! paragraph of a long quotation with a mark). A pairing that yields a quotation longer
//! than [`MAX_QUOTATION`] takes its opening mark for a stray one and pairs again without it.

/// Longest quotation, in code points, that one paragraph may hold; a longer one comes from
/// a stray or lost mark.
pub const MAX_QUOTATION: usize = 1500;

/// One outermost quotation in a paragraph, in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// Where the opening mark starts.
    pub open: usize,
    /// The text inside the marks: `start..end`.
    pub start: usize,
    pub end: usize,
    /// Where the closing mark ends; `None` when the quotation runs to the paragraph's end.
    pub close: Option<usize>,
    /// Delimited by single marks (‘ ’).
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
    SingleGuillemet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Opening,
    Closing,
    Neutral,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
}

/// Whether a paragraph has a character that may open a quotation; a cheap test that lets
/// most paragraphs skip the full scan.
///
/// ```
/// use corpusdb::extract::marks::may_quote;
/// assert!(may_quote("He said “yes”."));
/// assert!(may_quote("''Yes,'' he said."));
/// assert!(!may_quote("It's the voters' choice, isn’t it?"));
/// ```
pub fn may_quote(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'"' | b'`' => true,
        b'\'' => i == 0 || !bytes[i - 1].is_ascii_alphanumeric(),
        // « » (C2 AB, C2 BB); “ ” „ ‘ ‹ › (E2 80 9C, 9D, 9E, 98, B9, BA)
        0xC2 => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
        0xE2 => {
            bytes.get(i + 1) == Some(&0x80)
                && matches!(
                    bytes.get(i + 2),
                    Some(0x98 | 0x9C | 0x9D | 0x9E | 0xB9 | 0xBA)
                )
        }
        _ => false,
    })
}

/// The outermost quotations of a paragraph, in order.
///
/// ```
/// use corpusdb::extract::marks::quotations;
/// let text: Vec<char> = "“I won’t go,” she said, “and the ‘experts’ agree.” It's \"late".chars().collect();
/// let cut: Vec<String> = quotations(&text).iter().map(|q| text[q.start..q.end].iter().collect()).collect();
/// assert_eq!(cut, ["I won’t go,", "and the ‘experts’ agree.", "late"]);
/// assert_eq!(quotations(&text)[2].close, None); // runs on into the next paragraph
/// ```
pub fn quotations(chars: &[char]) -> Vec<Quoted> {
    let marks = find_marks(chars);
    let mut found = pair_within(
        chars,
        marks
            .iter()
            .filter(|m| matches!(m.family, Family::Double | Family::Guillemet))
            .copied()
            .collect(),
        true,
    );
    let singles = pair_within(
        chars,
        marks
            .iter()
            .filter(|m| matches!(m.family, Family::Single | Family::SingleGuillemet))
            .copied()
            .collect(),
        false,
    );
    // A single-quoted stretch inside a double-quoted one is nested; one that encloses
    // double-quoted stretches (British style) is the outer quotation.
    for single in singles {
        if found
            .iter()
            .any(|d| d.open < single.open && single.open < d.end)
        {
            continue;
        }
        let inner_end = single.close.unwrap_or(chars.len());
        found.retain(|d| !(single.open < d.open && d.open < inner_end));
        found.push(single);
    }
    found.sort_by_key(|q| q.open);
    found
}

/// Pairs `marks` as [`pair`] does; while a quotation comes out longer than
/// [`MAX_QUOTATION`], its opening mark is taken for a stray one and left out.
fn pair_within(chars: &[char], mut marks: Vec<Mark>, open_at_end: bool) -> Vec<Quoted> {
    loop {
        let found = pair(chars, &marks, open_at_end);
        let Some(long) = found.iter().find(|q| q.end - q.start > MAX_QUOTATION) else {
            return found;
        };
        let open = long.open;
        marks.retain(|m| m.at != open);
    }
}

/// Whether `"` at `i`, with `?` after it, is a closing mark ” mangled by a lost encoding:
/// certainly when a letter or digit follows the `?` (`DeVos"?highly`) or the quotation's
/// own punctuation comes before the mark (`choice,"?`, `why?"?`); when `lost` (the
/// paragraph has a certain one), also before a space or the end.
fn mangled_close(chars: &[char], i: usize, lost: bool) -> bool {
    if chars.get(i) != Some(&'"') || chars.get(i + 1) != Some(&'?') {
        return false;
    }
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 2).copied();
    if after.is_some_and(char::is_alphanumeric)
        || before.is_some_and(|b| matches!(b, ',' | '.' | '!' | '?' | ';' | ':' | '…'))
    {
        return true;
    }
    lost && before.is_some_and(|b| !b.is_whitespace())
        && !after.is_some_and(|a| matches!(a, '"' | '?'))
}

fn find_marks(chars: &[char]) -> Vec<Mark> {
    let lost = (0..chars.len()).any(|i| mangled_close(chars, i, false));
    let mut marks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let mangled = c == '"' && mangled_close(chars, i, lost);
        let (family, glyph, len) = match c {
            _ if mangled => (Family::Double, Glyph::Closing, 2),
            '\'' if next == Some('\'') => (Family::Double, Glyph::Neutral, 2),
            '`' if next == Some('`') => (Family::Double, Glyph::Opening, 2),
            '“' | '„' | '‟' => (Family::Double, Glyph::Opening, 1),
            '”' => (Family::Double, Glyph::Closing, 1),
            '"' => (Family::Double, Glyph::Neutral, 1),
            '«' => (Family::Guillemet, Glyph::Opening, 1),
            '»' => (Family::Guillemet, Glyph::Closing, 1),
            '‘' => (Family::Single, Glyph::Opening, 1),
            '’' => (Family::Single, Glyph::Closing, 1),
            '\'' | '`' => (Family::Single, Glyph::Neutral, 1),
            '‹' => (Family::SingleGuillemet, Glyph::Opening, 1),
            '›' => (Family::SingleGuillemet, Glyph::Closing, 1),
            _ => {
                i += 1;
                continue;
            }
        };
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + len).copied();
        // Stands before a word, after a space or punctuation (or the start).
        let left =
            after.is_some_and(|a| !a.is_whitespace()) && !before.is_some_and(char::is_alphanumeric);
        // Stands after a word, before a space or punctuation (or the end).
        let right =
            before.is_some_and(|b| !b.is_whitespace()) && !after.is_some_and(char::is_alphanumeric);
        let single = matches!(family, Family::Single | Family::SingleGuillemet);
        let (can_open, can_close) = match glyph {
            // Guillemets and French spacing: the glyph decides.
            _ if family == Family::Guillemet || family == Family::SingleGuillemet => {
                (glyph == Glyph::Opening, glyph == Glyph::Closing)
            }
            // ’ opening a quotation is rare, and as an apostrophe ("’90s") it is common.
            Glyph::Closing if single => (false, right),
            Glyph::Opening => (left || !right, right && !left),
            // ”After a full stop or comma it closes even with no space after it
            // ("… so do voters!”After his rally").
            Glyph::Closing => (
                left && !right,
                right || !left || before.is_some_and(|b| matches!(b, '.' | ',' | '!' | '?' | '…')),
            ),
            Glyph::Neutral if single => (left && !right, right && !left),
            Glyph::Neutral => (left || !right, right || !left),
        };
        // A mangled ” only closes.
        let (can_open, can_close) = if mangled {
            (false, true)
        } else {
            (can_open, can_close)
        };
        // A mark between two letters or digits is an apostrophe, whatever its glyph
        // (`don"t` from a lost encoding); guillemets aside.
        let apostrophe = family != Family::Guillemet
            && family != Family::SingleGuillemet
            && !mangled
            && before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric);
        if !apostrophe {
            marks.push(Mark {
                at: i,
                len,
                family,
                can_open,
                can_close,
            });
        }
        i += len;
    }
    marks
}

/// Pairs marks of one kind with a stack: a mark that may close closes the innermost open
/// mark of its family; otherwise, if it may open, it opens. Returns the outermost pairs,
/// and (for double marks) a quotation left open at the end. A double mark that can only
/// open, after the end of a sentence, while one quotation (and nothing inside it) is open,
/// ends that quotation before it with no closing mark (`close` is its `end`): the
/// paragraph break between them was lost.
fn pair(chars: &[char], marks: &[Mark], open_at_end: bool) -> Vec<Quoted> {
    let len = chars.len();
    let mut stack: Vec<Mark> = Vec::new();
    let mut out = Vec::new();
    for &mark in marks {
        let open_index = stack.iter().rposition(|o| o.family == mark.family);
        if open_at_end && stack.len() == 1 && mark.can_open && !mark.can_close {
            let opened = stack[0];
            let mut end = mark.at;
            while end > opened.at + opened.len && chars[end - 1].is_whitespace() {
                end -= 1;
            }
            if end > opened.at + opened.len
                && end < mark.at
                && matches!(chars[end - 1], '.' | '!' | '?' | '…')
            {
                out.push(Quoted {
                    open: opened.at,
                    start: opened.at + opened.len,
                    end,
                    close: Some(end),
                    single: false,
                });
                stack[0] = mark;
                continue;
            }
        }
        match open_index {
            Some(index) if mark.can_close => {
                let opened = stack[index];
                stack.truncate(index);
                if stack.is_empty() {
                    out.push(Quoted {
                        open: opened.at,
                        start: opened.at + opened.len,
                        end: mark.at,
                        close: Some(mark.at + mark.len),
                        single: !open_at_end,
                    });
                }
            }
            _ if mark.can_open => stack.push(mark),
            _ => {}
        }
    }
    if open_at_end {
        if let Some(opened) = stack.first() {
            out.push(Quoted {
                open: opened.at,
                start: opened.at + opened.len,
                end: len,
                close: None,
                single: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        quotations(&chars)
            .iter()
            .map(|q| chars[q.start..q.end].iter().collect())
            .collect()
    }

    #[test]
    fn curly_straight_and_typewriter_marks() {
        assert_eq!(
            cut("“A,” he said. \"B,\" she said. ''C,'' they said."),
            ["A,", "B,", "C,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            cut("It's the voters' choice in the '90s, isn’t it? ’Tis so."),
            Vec::<String>::new()
        );
        assert_eq!(cut("Trump's “plan” isn't done."), ["plan"]);
    }

    #[test]
    fn single_quotes_quote_when_paired() {
        assert_eq!(
            cut("Talk compared to 'working the referees' at a game."),
            ["working the referees"]
        );
        assert_eq!(cut("He called it ‘a disaster’ on Monday."), ["a disaster"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            cut("“He told me, ‘I will win,’ and he did,” she said."),
            ["He told me, ‘I will win,’ and he did,"]
        );
        assert_eq!(
            cut("“He said “no” to me,” she said."),
            ["He said “no” to me,"]
        );
    }

    #[test]
    fn guillemets_and_low_marks() {
        assert_eq!(
            cut("Il a dit « non » hier, und „ja“ heute."),
            [" non ", "ja"]
        );
        assert_eq!(cut("‹ oui › dit-il"), [" oui "]);
    }

    #[test]
    fn open_quotation_runs_to_the_end() {
        let chars: Vec<char> = "“The first part, and".chars().collect();
        let q = quotations(&chars);
        assert_eq!(q.len(), 1);
        assert_eq!((q[0].start, q[0].end, q[0].close), (1, chars.len(), None));
    }

    #[test]
    fn a_closing_glyph_after_punctuation_closes_with_no_space_after_it() {
        assert_eq!(
            cut("“We will win!”After the rally he left. “Good,”Smith said."),
            ["We will win!", "Good,"]
        );
    }

    #[test]
    fn a_mismatched_glyph_still_closes() {
        assert_eq!(cut("“Yes“ he said."), ["Yes"]);
    }

    #[test]
    fn measurements_are_not_quotes() {
        assert_eq!(cut("He is 6'2\" tall and 5' wide."), Vec::<String>::new());
    }
}
