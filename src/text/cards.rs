//! Cards of related headlines that some sites show beside a person's name, which scrapers
//! flatten into the sentence: "… told Donald Trump Donald John TrumpGOP senators balk at
//! impeachment trial Warren goes local in race MORE on Monday …". The card repeats the name
//! in full, glued to its first headline, and ends with "MORE". Left in, its headlines read
//! as the article's own words: people, quotes and co-mentions that are not in the story.
//! Pure: a paragraph's text in, the cards' byte ranges out.

use std::ops::Range;
use std::sync::LazyLock;

use crate::vocab::{List, Reader};

/// A card is at most this long (three headlines and a name).
const MAX_CARD_BYTES: usize = 1200;
/// Words of a full name between the name as written and the glued surname ("Hillary Diane
/// Rodham ClintonGiuliani …": three).
const MAX_NAME_WORDS: usize = 6;
/// Lower-case words inside names (the vocabulary's `particles` that cards read).
static PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::vocab::words(List::Particles, Reader::Cards).collect());

/// The byte ranges of the cards in `text`, in order: each from the space after the name as
/// written through its "MORE", so that cutting them leaves the sentence.
///
/// ```
/// use corpusdb::text::cards::find;
/// let text = "Democratic nominee Hillary Clinton Hillary Diane Rodham ClintonGiuliani consulted \
///             with Manafort on Ukraine info: report Sanders heart procedures shines spotlight \
///             on age of top Democrats MORE leads in a new poll.";
/// let cards = find(text);
/// assert_eq!(cards.len(), 1);
/// let mut kept = text.to_string();
/// kept.replace_range(cards[0].clone(), "");
/// assert_eq!(kept, "Democratic nominee Hillary Clinton leads in a new poll.");
/// // Without the name written out in full and glued to a headline, MORE is just a word.
/// assert!(find("Voters want MORE jobs, Clinton ClintonGiuliani said.").is_empty());
/// ```
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut cards: Vec<Range<usize>> = Vec::new();
    for (at, marker) in text.match_indices(" MORE") {
        let end = at + marker.len();
        let done = cards.last().map_or(0, |c| c.end);
        if at < done || text[end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let mut from = at.saturating_sub(MAX_CARD_BYTES).max(done);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if let Some(start) = card_start(&text[from..at]) {
            cards.push(from + start..end);
        }
    }
    cards
}

/// Where the card starts in `before` (the text up to its "MORE"): right after the name as
/// written, whose surname comes again at the end of the full name. Most often that surname
/// is glued to the first headline ("Donald Trump Donald John TrumpGOP senators …"),
/// sometimes the name as written is glued to the full name ("Jason CrowJason CrowHouse
/// delivers …"), and sometimes nothing is glued ("Paul Ryan Paul Davis Ryan Retirees …").
fn card_start(before: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = before
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .collect();
    let start = glued_card(&words)
        .or_else(|| unglued_card(&words).filter(|&at| !ends_sentence(&before[at..])))?;
    // A name glued to its own "MORE" ("… PoeMORE") closes a card before this one.
    let glued_more = before[start..].split(' ').any(|w| {
        w.strip_suffix("MORE")
            .is_some_and(|name| name.ends_with(char::is_lowercase))
    });
    (!glued_more).then_some(start)
}

/// Whether `text` has a sentence's end in it, a word in lower case, a full stop, a question
/// or exclamation mark, and a capital after a space: a card with nothing glued in it is a
/// name and headlines, which do not end as sentences do.
fn ends_sentence(text: &str) -> bool {
    text.split(' ')
        .zip(text.split(' ').skip(1))
        .any(|(word, next)| {
            let word = word.trim_end_matches(['"', '”', '’', '\'']);
            word.ends_with(['.', '!', '?'])
                && word
                    .chars()
                    .rev()
                    .skip(1)
                    .take(3)
                    .filter(|c| c.is_lowercase())
                    .count()
                    == 3
                && next.starts_with(char::is_uppercase)
        })
}

/// A card whose full name ends in a surname glued to what follows it.
fn glued_card(words: &[(usize, &str)]) -> Option<usize> {
    for (i, &(_, word)) in words.iter().enumerate() {
        // A surname glued to "MORE" closes a card of its own, with no headline in it.
        for surname in glued_surnames(word)
            .into_iter()
            .filter(|s| !word[s.len()..].starts_with("MORE"))
        {
            for k in (i.saturating_sub(MAX_NAME_WORDS + 1)..i).rev() {
                let (start, written) = words[k];
                if written == surname && k + 1 < i {
                    return Some(start + written.len());
                }
                // The name as written glued to the full name's first word.
                if written
                    .strip_prefix(surname)
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase))
                {
                    return Some(start + surname.len());
                }
                if !name_word(written) {
                    break;
                }
            }
        }
    }
    None
}

/// A card with nothing glued: a word, up to [`MAX_NAME_WORDS`] name words, and the same word
/// again. Of overlapping such pairs ("Paul Ryan Paul Davis Ryan": Paul…Paul and Ryan…Ryan)
/// the one that ends last spans the full name.
fn unglued_card(words: &[(usize, &str)]) -> Option<usize> {
    let mut found: Option<(usize, usize)> = None;
    for k in 0..words.len() {
        if found.is_some_and(|(_, end)| k > end) {
            break;
        }
        let written = words[k].1;
        if !written.starts_with(char::is_uppercase) || !name_word(written) {
            continue;
        }
        for i in k + 2..words.len().min(k + MAX_NAME_WORDS + 2) {
            if !name_word(words[i - 1].1) {
                break;
            }
            if words[i].1 == written && found.is_none_or(|(_, end)| i > end) {
                found = Some((k, i));
            }
        }
    }
    found.map(|(k, _)| words[k].0 + words[k].1.len())
}

/// The capitalised starts of a word that run into a capital, a digit or a quotation mark,
/// longest first: the surname a full name may end with ("McConnellGOP" → "McConnell", "Mc";
/// "Sanders2020" → "Sanders").
fn glued_surnames(word: &str) -> Vec<&str> {
    if !word.starts_with(char::is_uppercase) {
        return Vec::new();
    }
    let mut found: Vec<&str> = word
        .char_indices()
        .zip(word.chars().skip(1))
        .filter(|&((_, previous), c)| {
            previous.is_lowercase()
                && (c.is_uppercase() || c.is_ascii_digit() || "'‘\"“".contains(c))
        })
        .map(|((i, previous), _)| &word[..i + previous.len_utf8()])
        .collect();
    found.reverse();
    found
}

/// A word of a full name: capitalised ("Diane", "J."), a nickname in brackets ("(Mike)"),
/// or a particle ("de").
///
/// Not a word that ends a sentence ("Singh." of "… Rajwinder Singh. Rajwinder is the
/// president …"; an initial or "Jr." has two letters at most), nor one in capitals (a
/// headline or a transcript in capitals: "REST OF THE WORLD …").
fn name_word(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let ends_sentence = word.ends_with(['.', '!', '?', ':', ';']) && letters > 2;
    let capitals = letters > 1 && !word.chars().any(char::is_lowercase);
    !ends_sentence
        && !capitals
        && (word.starts_with(|c: char| c.is_uppercase() || c == '(') || PARTICLES.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> String {
        let mut kept = text.to_string();
        for card in find(text).into_iter().rev() {
            kept.replace_range(card, "");
        }
        kept
    }

    #[test]
    fn cards_after_names_are_cut_and_the_sentence_stays() {
        assert_eq!(
            cut("Donald Trump Donald John TrumpSessions says he still supports Trump House Republicans voice concerns MORE’s campaign worries Paul Ryan Paul Davis RyanAmash: Trump incorrect in claiming Three-way clash set to dominate MORE."),
            "Donald Trump’s campaign worries Paul Ryan."
        );
        // A nickname in brackets, a surname glued to a digit, a surname with a capital inside,
        // a full name not glued to its headline, a name as written glued to the full name.
        assert_eq!(cut("leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators balk MORE (R-Ky.)"), "leader Mitch McConnell (R-Ky.)");
        assert_eq!(
            cut("Speaker Paul Ryan Paul Davis Ryan Retirees should say no thanks MORE said"),
            "Speaker Paul Ryan said"
        );
        assert_eq!(
            cut("and Jason CrowJason CrowHouse delivers impeachment articles MORE (Colo.)"),
            "and Jason Crow (Colo.)"
        );
        assert_eq!(cut("said Sen. Ted Cruz Rafael (Ted) Edward CruzCruz, Graham send well wishes MORE (R-Texas)."), "said Sen. Ted Cruz (R-Texas).");
        assert_eq!(cut("a debate against Bernie Sanders Bernie Sanders2020 Democrats push for gun control MORE, although"), "a debate against Bernie Sanders, although");
    }

    #[test]
    fn text_without_a_card_is_left_alone() {
        for text in [
            "The company said it would hire MORE workers in Ohio.",
            "McCarthy told reporters: we need MORE, not less.",
            "Trump’s MOREOVER campaign",
            "",
            " MORE",
            // Issue #19: a sentence's end between a name and the same name again, a
            // headline in capitals, a card glued to its "MORE" before the story goes on.
            "said Rajwinder Singh. Rajwinder is the president of the council and wants MORE homes.",
            "NEW YORK TIMES TO MEET WITH THE MAYOR FOR MORE",
            "Ann Poe Ann Mary PoeMORE is in over her head, voters want MORE, said Ann Poe Jr.",
            "Ann Poe Ann Mary Poe was here. Bridge talks stall MORE",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }
}
