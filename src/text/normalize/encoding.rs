//! Encoding damage: UTF-8 that was read as Windows-1252 or Latin-1 (mojibake), the ftfy way.
//! A run of characters that each stand for one byte of 0x80 or more in Windows-1252 (or
//! Latin-1, for the C1 controls) is turned back into those bytes, and the byte sequences that
//! form valid multi-byte UTF-8 are decoded, when the evidence is certain:
//!
//! - three or four bytes (`â€™`, `ðŸ˜€`) that decode to punctuation, a currency or letterlike
//!   symbol, an emoji, or that come two or more in a row (`ä¸­æ–‡`);
//! - two bytes led by `Â` or `Ã` (`Â£`, `Ã©`): those letters never stand before such
//!   characters in text;
//! - two bytes with another lead only two or more in a row (`Ð¿Ñ€`), or inside a word
//!   (`PrzemysÅ‚aw`) for the Latin, Greek and Cyrillic leads.
//!
//! A run is decoded again while that finds more (text damaged twice: `Ã¢â‚¬â„¢`). A `â€`
//! whose third byte was lost (Windows-1252 has no character for 0x9D) was a closing double
//! mark: it becomes `”`. C1 controls left alone in text (`&#146;` decoded) are Windows-1252
//! bytes read as Latin-1 and become the Windows-1252 character (`c1-control`).
//!
//! The Windows-1252 table is encoding_rs's (the WHATWG one).

use std::sync::OnceLock;

use super::Counts;

/// Repairs mojibake (`mojibake`, one per character repaired) and C1 controls
/// (`c1-control`). `None` when there is nothing to repair.
///
/// ```
/// use corpusdb::text::normalize::{encoding, Counts};
/// let mut counts = Counts::default();
/// let fixed = encoding::repair("Caf\u{c3}\u{a9} \u{e2}\u{20ac}\u{153}chic\u{e2}\u{20ac}\u{9d}", &mut counts);
/// assert_eq!(fixed.as_deref(), Some("Caf\u{e9} \u{201c}chic\u{201d}"));
/// assert_eq!(counts.get("mojibake"), 3);
/// assert_eq!(encoding::repair("Caf\u{e9} \u{201c}chic\u{201d}", &mut counts), None);
/// ```
pub fn repair(text: &str, counts: &mut Counts) -> Option<String> {
    // Every mojibake run starts with a character from U+00C2 to U+00F4 (UTF-8 C3 xx), and
    // C1 controls are C2 80 to C2 9F.
    let bytes = text.as_bytes();
    let has_lead = bytes
        .windows(2)
        .any(|w| (w[0] == 0xC3 && (0x82..=0xB4).contains(&w[1])) || (w[0] == 0xC2 && w[1] < 0xA0));
    if !has_lead {
        return None;
    }
    // A lead followed by a byte that continues it, or a C1 control: else nothing to do.
    let mut pairs = text.chars().zip(text.chars().skip(1));
    let candidate = pairs.any(|(a, b)| {
        ('\u{80}'..='\u{9f}').contains(&a)
            || (('\u{c2}'..='\u{f4}').contains(&a)
                && byte_of(b).is_some_and(|b| (0x80..=0xBF).contains(&b)))
    }) || text.ends_with(|c| ('\u{80}'..='\u{9f}').contains(&c));
    if !candidate {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut scan = scan(&chars, false);
    // Certain damage elsewhere in the text vouches for the two-byte sequences that are
    // letters but were not certain alone (`Milo\u{c5}\u{a1}`: š at a word's end).
    if scan.repaired > 0 && scan.doubtful > 0 {
        scan = self::scan(&chars, true);
    }
    let (out, c1) = windows_1252_controls(scan.text.as_deref().unwrap_or(text));
    counts.add("mojibake", scan.repaired);
    counts.add("c1-control", c1);
    (scan.repaired > 0 || c1 > 0).then_some(out)
}

/// What a scan of a text found: the repaired text (if any), how many characters it
/// repaired, and how many sequences it left because they were not certain alone.
struct Scan {
    text: Option<String>,
    repaired: u64,
    doubtful: u64,
}

/// Finds the runs of byte-standing characters and repairs them. `trusted`: the text is known
/// to be damaged, and every valid sequence that decodes to a letter is repaired.
fn scan(chars: &[char], trusted: bool) -> Scan {
    let mut out = String::with_capacity(chars.len() + 8);
    let (mut repaired, mut doubtful) = (0, 0);
    let mut i = 0;
    while i < chars.len() {
        if byte_of(chars[i]).is_none() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && byte_of(chars[i]).is_some() {
            i += 1;
        }
        let run = &chars[start..i];
        let context = Context {
            before: start.checked_sub(1).map(|j| chars[j]),
            after: chars.get(i).copied(),
            trusted,
        };
        let (text, n, left) = repair_run(run, &context);
        doubtful += left;
        if n > 0 {
            repaired += n;
            out.push_str(&text);
            // The byte Windows-1252 could not show, shown as the replacement character.
            if context.after == Some('\u{fffd}') && ends_in_lost_byte(run) {
                i += 1;
            }
        } else {
            out.extend(run);
        }
    }
    Scan {
        text: (repaired > 0).then_some(out),
        repaired,
        doubtful,
    }
}

/// The characters around a run, and whether the text is known to be damaged.
struct Context {
    before: Option<char>,
    after: Option<char>,
    trusted: bool,
}

/// `â€`, or `â€Â` (read twice), at the end of a run: a three-byte character's last byte lost.
const LOST_THIRD_BYTE: [&str; 2] = ["\u{e2}\u{20ac}\u{c2}", "\u{e2}\u{20ac}"];

fn ends_in_lost_byte(run: &[char]) -> bool {
    let s: String = run.iter().collect();
    LOST_THIRD_BYTE.iter().any(|lost| s.ends_with(lost))
}

/// Decodes one run of byte-standing characters, again while that finds more (text damaged
/// twice). Returns the text, how many characters were repaired (0: leave the run as it is)
/// and how many sequences were left as doubtful.
fn repair_run(run: &[char], context: &Context) -> (String, u64, u64) {
    let mut current: Vec<char> = run.to_vec();
    let (mut repaired, mut doubtful) = (0, 0);
    for pass in 0..3 {
        let (next, n, left) = decode_pass(&current, context);
        if pass == 0 {
            doubtful = left;
        }
        if n == 0 {
            break;
        }
        repaired = n;
        current = next;
    }
    let mut text: String = current.iter().collect();
    // A closing double mark whose third byte Windows-1252 could not show (0x9D).
    for lost in LOST_THIRD_BYTE {
        let n = text.matches(lost).count() as u64;
        if n > 0 {
            text = text.replace(lost, "\u{201d}");
            repaired += n;
        }
    }
    (text, repaired, doubtful)
}

/// One pass over a run: the byte sequences that are valid UTF-8 and certain, decoded.
/// Characters that no longer stand for a byte (decoded by an earlier pass) stand between
/// sequences. Returns the run, how many it decoded and how many it left as doubtful.
fn decode_pass(run: &[char], context: &Context) -> (Vec<char>, u64, u64) {
    let bytes: Vec<u8> = run.iter().map(|&c| byte_of(c).unwrap_or(b' ')).collect();
    // Candidates: (start, length, decoded).
    let mut found: Vec<(usize, usize, char)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let len = match bytes[i] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len > 0 && i + len <= bytes.len() {
            if let Some(c) = std::str::from_utf8(&bytes[i..i + len])
                .ok()
                .and_then(|s| s.chars().next())
            {
                found.push((i, len, c));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    let in_a_row = |k: usize| {
        let (s, l, _) = found[k];
        let prev = k > 0 && found[k - 1].0 + found[k - 1].1 == s;
        let next = found.get(k + 1).is_some_and(|n| n.0 == s + l);
        prev || next
    };
    let mut out = Vec::with_capacity(run.len());
    let (mut n, mut doubtful) = (0, 0);
    let mut next = 0;
    for (k, &(s, len, c)) in found.iter().enumerate() {
        let certain = match len {
            4 => true,
            3 => is_symbol(c) || in_a_row(k),
            _ => {
                let lead = bytes[s];
                let left = if s == 0 {
                    context.before
                } else {
                    Some(run[s - 1])
                };
                let right = run.get(s + len).copied().or(context.after);
                let in_word =
                    left.is_some_and(char::is_alphabetic) && right.is_some_and(char::is_alphabetic);
                // A Latin, Greek or Cyrillic letter's second byte that is itself a letter
                // or a control never follows such a capital in clean text.
                let second = run[s + 1];
                let odd_second = second.is_alphabetic() || second.is_control();
                matches!(lead, 0xC2 | 0xC3)
                    || in_a_row(k)
                    || (matches!(lead, 0xC4..=0xC5 | 0xCE..=0xD3) && (in_word || odd_second))
                    || (context.trusted && c.is_alphabetic())
            }
        };
        if !certain {
            doubtful += 1;
            continue;
        }
        out.extend_from_slice(&run[next..s]);
        out.push(c);
        n += 1;
        next = s + len;
    }
    out.extend_from_slice(&run[next..]);
    (out, n, doubtful)
}

/// Punctuation, currency and letterlike symbols, the byte order mark: what three bytes of
/// mojibake in news most often were.
fn is_symbol(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x218F | 0xFEFF)
}

/// The byte a character stands for in text decoded as Windows-1252 (or Latin-1), if it is
/// 0x80 or more.
pub fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xFF => Some(c as u32 as u8),
        0x152..=0x2122 => windows_1252_upper()
            .iter()
            .find(|&&(ch, _)| ch == c)
            .map(|&(_, b)| b),
        _ => None,
    }
}

/// The characters Windows-1252 puts at 0x80 to 0x9F where Latin-1 has C1 controls, from
/// encoding_rs's table.
fn windows_1252_upper() -> &'static [(char, u8)] {
    static TABLE: OnceLock<Vec<(char, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80u8..=0x9F)
            .filter_map(|b| {
                let byte = [b];
                let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                let c = s.chars().next()?;
                (c as u32 > 0xFF).then_some((c, b))
            })
            .collect()
    })
}

/// C1 controls (U+0080 to U+009F) standing alone (`not \u{96} especially`, `it\u{92}s`) as
/// the Windows-1252 characters they were. One next to other damage that the scan could not
/// repair (`A\u{303}\u{83}A\u{302}§`: mojibake whose letters were later decomposed) stays:
/// replacing it would not make that text any more readable. Returns the text and how many
/// were replaced.
fn windows_1252_controls(text: &str) -> (String, u64) {
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !text.contains(is_c1) {
        return (text.to_string(), 0);
    }
    // Damage around: a byte-standing character or a combining mark.
    let damaged = |c: Option<&char>| {
        c.is_some_and(|&c| byte_of(c).is_some() || ('\u{300}'..='\u{36f}').contains(&c))
    };
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    let out = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let alone =
                !damaged(i.checked_sub(1).and_then(|j| chars.get(j))) && !damaged(chars.get(i + 1));
            if !is_c1(c) || !alone {
                return c;
            }
            match windows_1252_upper()
                .iter()
                .find(|&&(_, b)| u32::from(b) == c as u32)
            {
                Some(&(ch, _)) => {
                    n += 1;
                    ch
                }
                None => c,
            }
        })
        .collect();
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> (String, u64) {
        let mut counts = Counts::default();
        let out = repair(text, &mut counts).unwrap_or_else(|| text.to_string());
        (out, counts.get("mojibake") + counts.get("c1-control"))
    }

    /// The text as a program that read UTF-8 as Windows-1252 would show it.
    fn damage(text: &str) -> String {
        text.bytes()
            .map(|b| {
                if b < 0x80 {
                    b as char
                } else {
                    let byte = [b];
                    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                    s.chars().next().unwrap_or('?')
                }
            })
            .collect()
    }

    #[test]
    fn utf8_read_as_windows_1252_is_decoded() {
        for clean in [
            "Obama\u{2019}s \u{201c}plan\u{201d} \u{2014} na\u{ef}ve caf\u{e9}s, \u{a3}5, 20\u{b0}C",
            "\u{c9}cole, Stra\u{df}e, \u{141}\u{f3}d\u{17a} and Przemys\u{142}aw",
            "Erdo\u{11f}an, K\u{131}l\u{131}\u{e7}daro\u{11f}lu, Wa\u{142}\u{119}sa",
            "Milo\u{161} Zeman\u{2019}s",
            "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442} \u{43c}\u{438}\u{440}, \u{4e2d}\u{6587}, \u{1f600}",
            "\u{20ac}100 \u{2122} \u{2026}",
        ] {
            let damaged = damage(clean);
            assert_ne!(damaged, clean);
            assert_eq!(fix(&damaged).0, clean, "{damaged}");
        }
    }

    #[test]
    fn text_damaged_twice_is_decoded_twice() {
        let twice = damage(&damage("Obama\u{2019}s \u{2018}tested\u{2019} plan"));
        let (out, n) = fix(&twice);
        assert_eq!(out, "Obama\u{2019}s \u{2018}tested\u{2019} plan");
        assert_eq!(n, 3);
    }

    #[test]
    fn a_lost_third_byte_was_a_closing_mark() {
        // 0x9D has no Windows-1252 character: dropped, or shown as U+FFFD.
        assert_eq!(
            fix("New \u{e2}\u{20ac}\u{153}fiscal cliff\u{e2}\u{20ac} idea").0,
            "New \u{201c}fiscal cliff\u{201d} idea"
        );
        assert_eq!(
            fix("cliff\u{e2}\u{20ac}\u{fffd} idea").0,
            "cliff\u{201d} idea"
        );
        // Read twice: `Ã¢â‚¬Â` and the byte lost.
        let twice = "New \u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{c5}\u{201c}fiscal cliff\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{c2} compromise";
        assert_eq!(fix(twice).0, "New \u{201c}fiscal cliff\u{201d} compromise");
    }

    #[test]
    fn latin_1_reading_and_c1_controls() {
        // Read as Latin-1: the C1 controls stand for the bytes.
        assert_eq!(fix("it\u{e2}\u{80}\u{99}s").0, "it\u{2019}s");
        // A numeric reference to a Windows-1252 byte, decoded as a C1 control.
        assert_eq!(fix("it\u{92}s").0, "it\u{2019}s");
        assert_eq!(fix("not \u{96} especially").0, "not \u{2013} especially");
        // Next to damage the scan cannot repair (decomposed letters), it stays.
        let garbled = "FranA\u{303}\u{83}A\u{302}\u{a7}ois";
        assert_eq!(fix(garbled), (garbled.to_string(), 0));
    }

    #[test]
    fn real_accents_and_symbols_are_left_alone() {
        for clean in [
            "S\u{e3}o Paulo, JO\u{c3}O, A\u{c7}\u{c3}O, na\u{ef}ve, \u{e0} la carte",
            "CAF\u{c9}\u{201d} and PEL\u{c9}\u{2019}s goal, \u{c5}\u{2019}s",
            "d\u{e9}j\u{e0} vu\u{2026}\u{bb} \u{ab}caf\u{e9}\u{2026}\u{bb}",
            "\u{d7}2 \u{b1}3 \u{bd}\u{bc} \u{a9}2020 \u{ae} \u{b0}F",
            "M\u{fc}ller\u{2019}s \u{d6}zil\u{2019}s Bj\u{f6}rk\u{2019}s",
        ] {
            let (out, n) = fix(clean);
            assert_eq!((out.as_str(), n), (clean, 0));
        }
    }
}
