//! Lines a flattened page ran together with no sentence end between them: the rows of a
//! table or a results list ("BALTIMORE 70 63 .526 4 BOSTON 69 65 .515 5 1/2 TORONTO …",
//! "Plymouth 2 Preston 1 Bury 1 Wigan 0"), and a dateline line that carries its date
//! ("NEW YORK 1996-08-30 Major League Baseball standings …"). A sentence splitter finds no
//! boundary there, so the names of one row run into the next ("DETROIT CHICAGO"); these are
//! the places to cut.
//!
//! A row ends with numbers (scores, times, percentages, a dash for none) and the next one
//! starts with a capitalised word. Where a number is followed by a capitalised word is only a
//! candidate: prose has that too ("in 2016 President Obama"). A candidate is taken only inside
//! a run of at least [`MIN_ROWS`] rows in a row, each short, with no word in lower case.
//! A fixture list run together ("KANSAS CITY AT DETROIT CHICAGO AT TORONTO …") is cut where
//! its pairs of names are certain ([`fixture_starts`]), and a photo site's credits glued to a
//! list article's items where they start and end ([`credit_edges`]).
//! Pure: text in, byte offsets out.

use std::sync::OnceLock;

use regex::Regex;

/// A flattened table shows at least this many rows in a row...
pub const MIN_ROWS: usize = 3;
/// ...each at most this long (in characters)...
const MAX_ROW_CHARS: usize = 80;
/// ...with at least this many numbers: a table's columns. A results list ("Plymouth 2
/// Preston 1 Bury 1 Wigan 0") pairs its names by rows the text does not show, and cutting
/// after each number would part the two sides of a match. A row has no word in lower case.
const MIN_ROW_NUMBERS: usize = 2;

/// A token that is a row's number: digits with the punctuation of scores, times, fractions
/// and percentages ("3:31.526", ".556", "1/2", "2-0", "(5)", "12%").
fn is_number(token: &str) -> bool {
    let core = token.trim_matches(|c: char| "()[]".contains(c));
    core.chars().any(|c| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || ".,:/-–%+".contains(c))
        && !core.ends_with([',', ':'])
}

/// Whether the token at `i` is a row's number, or a dash standing for none in a column of
/// numbers (".556 - BALTIMORE"; not the dash of "SOCCER - FRANCE").
fn is_number_at(tokens: &[(usize, &str)], i: usize) -> bool {
    let token = tokens[i].1;
    is_number(token) || (matches!(token, "-" | "–" | "—") && i > 0 && is_number(tokens[i - 1].1))
}

/// A token that starts a row: a capitalised word, maybe in brackets or marks.
fn is_capitalised(token: &str) -> bool {
    token
        .trim_start_matches(|c: char| "([\"“'‘".contains(c))
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// A list item's number ("3." before "Marion Clignet (France) 3:31.674"): it starts the row.
fn is_item_number(token: &str) -> bool {
    token
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a stretch of text reads as one row: short, with a letter, no word in lower case,
/// and ending with a number (a headline in capitals, "WIGAN BEAT BRADFORD 42-36 IN
/// SEMIFINAL.", ends with words).
fn is_row(text: &str) -> bool {
    let text = text.trim();
    let tokens: Vec<(usize, &str)> = text.split_whitespace().map(|t| (0, t)).collect();
    if tokens.is_empty() || !is_number_at(&tokens, tokens.len() - 1) {
        return false;
    }
    // Punctuation the text kept between words ("Justin Swart, 13 -"), or a bracket left
    // open, is a list in a sentence.
    let numbers = (0..tokens.len())
        .filter(|&i| is_number_at(&tokens, i))
        .count();
    if numbers < MIN_ROW_NUMBERS {
        return false;
    }
    let kept = text.contains(", ") || text.contains("; ") || text.contains(": ");
    if kept || text.matches('(').count() != text.matches(')').count() {
        return false;
    }
    let lower = text
        .split_whitespace()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
        .count();
    !text.is_empty()
        && text.chars().count() <= MAX_ROW_CHARS
        && text.chars().any(char::is_alphabetic)
        && lower == 0
}

/// Where the rows of flattened tables start in `text` (byte offsets, in order): the
/// candidates (see the module's header) that bound a run of at least [`MIN_ROWS`] rows.
///
/// ```
/// use corpusdb::text::blocks::rows::row_starts;
/// let text = "Standings after Thursday: BALTIMORE 70 63 .526 4 BOSTON 69 65 .515 5 1/2 TORONTO 63 71 .470 11 1/2 DETROIT 48 86 .358 26";
/// let rows: Vec<&str> = row_starts(text).windows(2).map(|w| text[w[0]..w[1]].trim()).collect();
/// assert_eq!(rows, ["BOSTON 69 65 .515 5 1/2", "TORONTO 63 71 .470 11 1/2"]);
/// assert!(text[row_starts(text)[2]..].starts_with("DETROIT"));
/// assert!(row_starts("In 2016 President Obama spoke. In 2017 Trump did.").is_empty());
/// ```
pub fn row_starts(text: &str) -> Vec<usize> {
    let tokens: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
        .collect();
    // Candidates: the start of a capitalised token after a row's number, or of the item
    // number before it.
    let mut candidates = vec![0];
    for i in 1..tokens.len() {
        let (at, token) = tokens[i];
        if !is_capitalised(token) || !is_number_at(&tokens, i - 1) {
            continue;
        }
        let item = i >= 2 && is_item_number(tokens[i - 1].1) && is_number(tokens[i - 2].1);
        candidates.push(if item { tokens[i - 1].0 } else { at });
    }
    candidates.push(text.len());
    let rows: Vec<bool> = candidates
        .windows(2)
        .map(|w| is_row(&text[w[0]..w[1]]))
        .collect();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let run = rows[i..].iter().take_while(|&&r| r).count();
        if run >= MIN_ROWS {
            // The bounds of each row of the run: its first row's start to its last row's end;
            // a heading in capitals before the first row stays with it (on its own it would
            // read as another story's headline).
            let heading =
                i > 0 && !text[candidates[i - 1]..candidates[i]].contains(char::is_lowercase);
            let first = if heading { i + 1 } else { i };
            starts.extend(&candidates[first..=i + run]);
        }
        i += run.max(1);
    }
    starts.retain(|&at| at > 0 && at < text.len());
    starts.dedup();
    starts
}

/// The words that pair two sides in a fixture list ("KANSAS CITY AT DETROIT", "Leeds v
/// Chelsea").
const FIXTURE_WORDS: [&str; 8] = ["at", "AT", "v", "V", "vs", "VS", "vs.", "v."];
/// A fixture list run together shows at least this many fixtures in a row.
const MIN_FIXTURES: usize = 3;

/// Where the fixtures of a flattened fixture list start ("KANSAS CITY AT DETROIT CHICAGO AT
/// TORONTO MINNESOTA AT MILWAUKEE"): between two pairing words with nothing but two
/// capitalised words between them, the second starts a fixture. With more words between,
/// where one name ends is not certain, and nothing is cut there.
///
/// ```
/// use corpusdb::text::blocks::rows::fixture_starts;
/// let text = "KANSAS CITY AT DETROIT CHICAGO AT TORONTO MINNESOTA AT MILWAUKEE";
/// let starts: Vec<&str> = fixture_starts(text).iter().map(|&at| &text[at..]).collect();
/// assert_eq!(starts, ["CHICAGO AT TORONTO MINNESOTA AT MILWAUKEE", "MINNESOTA AT MILWAUKEE"]);
/// // A name the text's own table lists says where a longer pair splits.
/// let text = "TEXAS 75 58 .564 - NEW YORK 74 59 .556 - BOSTON 69 65 .515 5 BOSTON AT OAKLAND TEXAS NEW YORK AT CALIFORNIA BOSTON AT OAKLAND";
/// assert!(fixture_starts(text).iter().any(|&at| text[at..].starts_with("NEW YORK AT")));
/// assert!(fixture_starts("Ireland v Cyprus; France v Israel; Spain v Malta.").is_empty());
/// assert!(fixture_starts("He met Smith at Downing Street and Jones at home at noon.").is_empty());
/// ```
pub fn fixture_starts(text: &str) -> Vec<usize> {
    let tokens: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
        .collect();
    // Punctuation kept after a name ("Cyprus; France v Israel") parts the fixtures already.
    let name = |t: &str| {
        is_capitalised(t)
            && !t.chars().any(|c| c.is_ascii_digit())
            && !t.ends_with([',', ';', ':', '.'])
    };
    let pairing: Vec<usize> = (0..tokens.len())
        .filter(|&i| FIXTURE_WORDS.contains(&tokens[i].1))
        .collect();
    let mut starts = Vec::new();
    // Runs of pairing words with only names (one to four words) between each two.
    let mut run: Vec<usize> = Vec::new();
    // The names the text's own table rows carry ("NEW YORK 74 59 .556 -"): where more than
    // two words stand between two pairing words, one of them, in full, on either side of a
    // split says where one side ends.
    let known = row_names(text);
    let split = |from: usize, to: usize| -> Option<usize> {
        if to - from == 2 {
            return Some(from + 1);
        }
        let words = |a: usize, b: usize| {
            tokens[a..b]
                .iter()
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let fits: Vec<usize> = (from + 1..to)
            .filter(|&k| known.contains(&words(from, k)) || known.contains(&words(k, to)))
            .collect();
        match fits[..] {
            [k] => Some(k),
            _ => None,
        }
    };
    let flush = |run: &mut Vec<usize>, starts: &mut Vec<usize>| {
        if run.len() >= MIN_FIXTURES {
            for pair in run.windows(2) {
                if let Some(k) = split(pair[0] + 1, pair[1]) {
                    starts.push(tokens[k].0);
                }
            }
        }
        run.clear();
    };
    for &i in &pairing {
        let joined = run.last().is_some_and(|&j| {
            (2..=5).contains(&(i - j)) && tokens[j + 1..i].iter().all(|(_, t)| name(t))
        });
        let named_before =
            i > 0 && name(tokens[i - 1].1) && i + 1 < tokens.len() && name(tokens[i + 1].1);
        if !joined {
            flush(&mut run, &mut starts);
        }
        if named_before {
            run.push(i);
        }
    }
    flush(&mut run, &mut starts);
    starts
}

/// The names of the rows of the flattened tables in `text`: each row's words before its
/// first number.
fn row_names(text: &str) -> Vec<String> {
    let mut bounds = vec![0];
    bounds.extend(row_starts(text));
    bounds.push(text.len());
    bounds
        .windows(2)
        .filter(|w| is_row(&text[w[0]..w[1]]))
        .map(|w| {
            text[w[0]..w[1]]
                .split_whitespace()
                .take_while(|t| !is_number(t))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The line of a dateline that carries its date at the start of `text`, maybe after the
/// writer's name ("NEW YORK 1996-08-30 Major League …", "Jane Roe LONDON, Aug 30 1996
/// Shares …"): a place in capitals, then an ISO or written date, then a capitalised word,
/// with no dash or agency between them (the "WASHINGTON (Reuters) - …" dateline leads into
/// its sentence and stays). Returns where the dateline starts (after the name, if any) and
/// where the story after it starts.
pub fn dated_dateline(text: &str) -> Option<(usize, usize)> {
    static DATELINE: OnceLock<Regex> = OnceLock::new();
    let dateline = DATELINE.get_or_init(|| {
        Regex::new(
            r"^\s*(?:\p{Lu}\p{Ll}+(?: \p{Lu}\.)?(?: \p{Lu}\p{Ll}+){1,2} )?(\p{Lu}[\p{Lu}'-]{2,}(?:[ .'-]+\p{Lu}[\p{Lu}.'-]*){0,3}(?:, \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})?,? (?:\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4})\s+)\p{Lu}",
        )
        .expect("a valid pattern")
    });
    let line = dateline.captures(text)?.get(1)?;
    Some((line.start(), line.end()))
}

/// A photo site's credit glued to a numbered list's items, in a list article whose photos
/// each carry one: "1. The girl with bunny ears. Reddit | Eeli100 2. The car that …",
/// "Flickr | Jane Roe 5. Left-Handers Are …", "… Arrivals by Jane Roe / Getty Images
/// Entertainment 6. Left-Handedness …". Returns where each credit starts (a site and its
/// user) and where the list item after a credit starts, so that the credit stands alone (and
/// is set aside by the rules) and the item's heading stays.
pub fn credit_edges(text: &str) -> Vec<usize> {
    // Every credit has a `|` or "Getty Images", and the pattern's Unicode word boundaries
    // keep the regex engine off its fast path on text that is not ASCII: look first.
    if !text.contains('|') && !text.contains("Getty Images") {
        return Vec::new();
    }
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    let credit = CREDIT.get_or_init(|| {
        Regex::new(
            r"(?-i)(?:\b(?P<site>Reddit|Imgur|Flickr|Instagram|Twitter|Facebook|YouTube|Giphy|Tumblr|Pinterest|Wikimedia Commons|Getty Images|Shutterstock) \| ?\S+(?: \p{Lu}[\w'’-]*){0,2}|\bby \p{Lu}[\w.'’-]*(?: \p{Lu}[\w.'’-]*){0,3} ?/ ?Getty Images(?: Entertainment| News| Sport)?)(?P<item>\s+\d{1,2}\.\s+\p{Lu})?",
        )
        .expect("a valid pattern")
    });
    let mut edges = Vec::new();
    for c in credit.captures_iter(text) {
        if let Some(site) = c.name("site") {
            edges.push(site.start());
        }
        if let Some(item) = c.name("item") {
            // The item's number, after the spaces.
            edges.push(item.start() + item.as_str().len() - item.as_str().trim_start().len());
        }
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<&str> {
        let mut bounds = vec![0];
        bounds.extend(row_starts(text));
        bounds.push(text.len());
        bounds.windows(2).map(|w| text[w[0]..w[1]].trim()).collect()
    }

    #[test]
    fn standings_and_ranked_lists_are_cut_into_rows() {
        let standings = "Standings (tabulate under won, drawn, lost, points): Red Star 4 4 0 12 Partizan 4 3 1 10 Mladost (L) 4 2 1 7 Vojvodina 4 2 1 7";
        assert_eq!(
            rows(standings),
            [
                "Standings (tabulate under won, drawn, lost, points): Red Star 4 4 0 12",
                "Partizan 4 3 1 10",
                "Mladost (L) 4 2 1 7",
                "Vojvodina 4 2 1 7"
            ]
        );
        // A results list pairs its names in rows the text does not show: left alone.
        let results =
            "Results on Friday: Division two Plymouth 2 Preston 1 Bury 1 Wigan 0 Hull 3 Exeter 3";
        assert!(row_starts(results).is_empty());
        let list = "Results: 1. Antonella Bellutti (Italy) 3:31.526 (world record) 2. Marion Clignet (France) 3:31.674 3. Lucy Tyler-Sharman (Australia) 3:31.830 4. Yvonne McGregor (Britain) 3:41.823 5. Natalia Karimova (Russia) 3:45.061";
        let got = rows(list);
        assert!(
            got.contains(&"3. Lucy Tyler-Sharman (Australia) 3:31.830"),
            "{got:#?}"
        );
        assert_eq!(got.last(), Some(&"5. Natalia Karimova (Russia) 3:45.061"));
    }

    #[test]
    fn prose_with_numbers_is_left_alone() {
        for text in [
            "In 2016 President Obama spoke. By 2017 Trump had won 304 Electoral votes and 30 States.",
            "The Dow rose 12 points to 18,000 Tuesday. Shares of Apple gained 2 percent.",
            "Scores: Smith 4 Jones 3, then the rain came and play was stopped for the day.",
        ] {
            assert!(row_starts(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_dateline_with_its_date_ends_before_the_story() {
        let text = "NEW YORK 1996-08-30 Major League Baseball standings after games";
        assert_eq!(dated_dateline(text), Some((0, 20)));
        let text = "Jane Roe LONDON, Aug 30 1996 Shares fell on Friday.";
        let (start, end) = dated_dateline(text).expect("a dateline after a name");
        assert_eq!(&text[start..end], "LONDON, Aug 30 1996 ");
        let text = "Sami Aboudi AL-RAM, West Bank 1996-08-30 Kamil Jamil didn't have a prayer.";
        let (start, end) = dated_dateline(text).expect("a dateline with its region");
        assert_eq!(&text[start..end], "AL-RAM, West Bank 1996-08-30 ");
        assert!(dated_dateline("WASHINGTON (Reuters) - The Senate voted").is_none());
        assert!(dated_dateline("NEW YORK 1996-08-30").is_none());
        assert!(dated_dateline("The NEW YORK 1996-08-30 Major").is_none());
    }

    #[test]
    fn a_photo_sites_credit_glued_to_list_items_is_cut_out() {
        let text =
            "1. The girl with bunny ears. Reddit | Eeli100 2. The car that drove off. Imgur | jroe";
        let mut bounds = vec![0];
        bounds.extend(credit_edges(text));
        bounds.push(text.len());
        let pieces: Vec<&str> = bounds.windows(2).map(|w| text[w[0]..w[1]].trim()).collect();
        assert_eq!(
            pieces,
            [
                "1. The girl with bunny ears.",
                "Reddit | Eeli100",
                "2. The car that drove off.",
                "Imgur | jroe"
            ]
        );
        let getty = "Los Angeles Gala - Arrivals by Jane Roe / Getty Images Entertainment 6. Lefties Are Born In Spring";
        let at = credit_edges(getty);
        assert_eq!(at.len(), 1);
        assert_eq!(&getty[at[0]..], "6. Lefties Are Born In Spring");
        assert!(credit_edges("He posted it on Reddit, where 2. million saw it.").is_empty());
    }
}
