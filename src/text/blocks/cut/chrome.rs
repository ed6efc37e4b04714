//! Where a flattened page's chrome sits in a long block (a label such as "READ MORE:", a
//! wire story's sources, a run of share buttons, a gallery's caption counter, a dateline, a
//! copyright notice, a contributor line, a photo's credit) and where paragraph breaks were
//! lost with no space left: the cutter's hard cuts.

use std::sync::OnceLock;

use regex::Regex;

use super::Cut;

/// The chrome a label ("READ MORE:") starts: its piece ends with its first sentence.
pub(super) const LABEL: &str = "a label of a link to another story";

/// A gallery's caption counter ends the caption: the cut is after it only.
const GALLERY: &str = "the end of a gallery's caption";

/// A copyright notice: its pattern, like the dateline's and the credit's, begins with the
/// end of the sentence before it.
const COPYRIGHT: &str = "a copyright notice";

/// A contributor line: its pattern begins with the end of the sentence before it.
const CONTRIBUTOR: &str = "a contributor line";
/// A photo's credit in brackets ends a caption: the cut is after it only.
const PHOTO_CREDIT: &str = "the end of a photo's caption";

/// Where paragraph breaks were lost with no space left: a sentence that ends after a word in
/// lower case, glued to the next one ("the White House.While Obama", "his own."Having",
/// "has been.""Everybody"). A straight quotation mark at the join belongs to the sentence
/// before when it closes a quotation (an odd count of marks before it), to the next when it
/// opens one.
pub(super) fn glued_breaks(text: &str) -> Vec<usize> {
    static GLUED: OnceLock<Regex> = OnceLock::new();
    let glued = GLUED.get_or_init(|| {
        Regex::new(r#"\p{Ll}{2}[.!?](["”’]?)["“]?\p{Lu}"#).expect("a valid pattern")
    });
    let mut cuts = Vec::new();
    for m in glued.find_iter(text) {
        let s = m.as_str();
        // The byte after the sentence's full stop (letters are 1 byte each only in ASCII).
        let stop = m.start() + s.char_indices().nth(3).map_or(s.len(), |(b, _)| b);
        let after = &text[stop..];
        let cut = if let Some(rest) = after.strip_prefix('"') {
            let before = text[..stop].matches('"').count();
            if before % 2 == 1 || rest.starts_with(['"', '“']) {
                stop + 1
            } else {
                stop
            }
        } else if let Some(c) = after.chars().next().filter(|c| "”’".contains(*c)) {
            stop + c.len_utf8()
        } else {
            stop
        };
        cuts.push(cut);
    }
    cuts
}

/// The edges of chrome that flattened pages leave in a block: where each starts and, when
/// it is certain, where it ends.
pub(super) fn chrome_edges(text: &str) -> Vec<(usize, Cut)> {
    static MARKS: OnceLock<Vec<(Regex, &'static str, bool)>> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        // (pattern, what, whether the match's end is the chrome's end)
        [
            // A label before a link to another story: "READ MORE: …", "Related: …".
            (
                r"(?-i)\b(READ MORE|Read [Mm]ore|READ ALSO|Read [Aa]lso|ALSO READ|Also [Rr]ead|RELATED|Related|SEE ALSO|See [Aa]lso|WATCH|MORE)\s*:\s",
                LABEL,
                false,
            ),
            // The sources of a wire story, at its end: "Source: Al Jazeera and news agencies".
            (
                r"(?-i)\bSource\s*:\s[^.!?]{0,80}?\b(news agencies|agencies)\b\W?",
                "the story's sources",
                true,
            ),
            // A run of share buttons: "Facebook Twitter Google+ Email", "Share Tweet Email".
            (
                r"(?-i)\b(?:(?:Share|SHARE|Tweet|TWEET|Facebook|FACEBOOK|Twitter|TWITTER|Google\+?|GOOGLE\+?|Email|EMAIL|E-mail|WhatsApp|WHATSAPP|LinkedIn|LINKEDIN|Pinterest|PINTEREST|Reddit|REDDIT|Print|PRINT|Newsvine|Permalink|Messenger|Flipboard|Comments?|Copy [Ll]ink)(?:[ \t]*[|·•/]?[ \t]*|$)){3,}",
                "a run of share buttons",
                true,
            ),
            // A gallery's caption counter, the caption's last words.
            (
                r"(?-i)\bHide Caption \d+ of \d+\b",
                GALLERY,
                true,
            ),
            // A dateline after the text before it: "… page. WASHINGTON (Reuters) - The …".
            (
                r"(?-i)[.!?”\x22)]\s+[A-Z]{3,}(?:[ ,.'-]+[A-Z][A-Za-z.'-]*){0,3}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? ?(?:\([A-Za-z .]{2,20}\))? ?(?:-{1,2}|–|—) ",
                "a dateline",
                false,
            ),
            // A copyright notice after the text: "… at home. Copyright © 2015 by Jane Roe."
            (
                r"(?-i)[.!?”\x22]\s+(?:Copyright|COPYRIGHT|©)\s*(?:©\s*)?(?:\d{4}|by)\b",
                COPYRIGHT,
                false,
            ),
            // A contributor line after the story: "… in May. The Associated Press contributed
            // to this report."
            (
                r"(?-i)[.!?”\x22]\s+[^.!?]{0,120}?\bcontributed (?:reporting )?to this (?:report|story|article)\b",
                CONTRIBUTOR,
                false,
            ),
            // A photo's credit ends its caption: "… speaks. (AP Photo/Jane Roe) The story …".
            (
                r"(?-i)\((?:AP |AFP |Reuters |REUTERS |EPA )?(?:Photo|PHOTO|Photograph)\b[^()]{0,60}\)",
                PHOTO_CREDIT,
                true,
            ),
            // A photo's credit in slashes ends its caption: "… Donald Trump. / AFP PHOTO /
            // KCNA VIA KNS / STR / Syrian President …".
            (
                r"(?-i)/[ \t]*(?:AFP|AP|EPA|Reuters|REUTERS|Getty Images|GETTY IMAGES|dpa|DPA|Xinhua|XINHUA|ANP|AAP|Anadolu)[ \t]+(?:PHOTO|Photo|FILES|Files|POOL|Pool)\b(?:[ \t]*/[^/.!?]{1,40}?)*[ \t]*/",
                PHOTO_CREDIT,
                true,
            ),
            // An agency's credit closing the text: "… talks. (AFP/Reuters)".
            (
                r"(?-i)[.!?”\x22]\s*\((?:AFP|AP|Reuters|REUTERS|EPA|dpa|DPA|Xinhua|TASS|Tass|UPI|ANI|PTI|IANS|Yonhap|Kyodo|Bernama|AAP|Anadolu)(?:\s*/\s*[A-Z][\w.&' -]{1,30}){0,3}\)\s*$",
                "an agency's credit",
                false,
            ),
        ]
        .into_iter()
        .map(|(p, what, ends)| (Regex::new(p).expect("a valid pattern"), what, ends))
        .collect()
    });
    let mut edges = Vec::new();
    for (regex, what, ends) in marks {
        for m in regex.find_iter(text) {
            // The dateline's and the credit's patterns begin with the sentence's end before.
            let start = match *what {
                "a dateline" | "an agency's credit" | COPYRIGHT | CONTRIBUTOR => {
                    m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8)
                }
                _ => m.start(),
            };
            if *what != GALLERY && *what != PHOTO_CREDIT {
                edges.push((start, Cut::Chrome(what)));
            }
            if *ends {
                edges.push((m.end(), Cut::Chrome(what)));
            }
        }
    }
    edges
}
