use super::*;

fn texts(pieces: &[Piece]) -> Vec<&str> {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

const SENTENCE: &str = "The council met on Monday and talked about the new bridge for an hour. ";

#[test]
fn lost_paragraph_breaks_are_cut_first() {
    let one = SENTENCE.repeat(8);
    let flat = format!(
        "{}\"We will build it,\" she said.\"It is time.\"Others disagreed.{}",
        one.trim_end(),
        one.trim_end(),
    );
    let pieces = cut_long_blocks(vec![flat.clone()]);
    let got = texts(&pieces);
    let quote = got
        .iter()
        .position(|t| *t == "\"We will build it,\" she said.");
    let quote = quote.unwrap_or_else(|| panic!("{got:#?}"));
    assert_eq!(got[quote + 1], "\"It is time.\"");
    assert_eq!(got[quote + 2], "Others disagreed.");
    assert!(got[quote - 1].ends_with("for an hour."));
    // Nothing is lost: the pieces are the block's text, in order.
    assert_eq!(got.join(" ").replace(' ', ""), flat.replace(' ', ""));
    let reason = pieces[quote].reason.as_deref().unwrap_or_default();
    assert!(
        reason.ends_with("cut where a paragraph break was lost ('.' glued to the next sentence)"),
        "{reason}"
    );
    assert!(reason.contains(&format!(
        "of a block of {} characters",
        flat.chars().count()
    )));
    assert!(pieces
        .iter()
        .all(|p| p.reason.as_deref().is_some_and(is_cut_reason)));
}

#[test]
fn chrome_in_a_flattened_page_gets_blocks_of_its_own() {
    let story = SENTENCE.repeat(16);
    let flat = format!(
        "Facebook Twitter Google+ Email BEIJING (Reuters) - {story}READ MORE: Mayor backs the bridge. {story}Source: Al Jazeera and news agencies"
    );
    let got = cut_long_blocks(vec![flat]);
    let got = texts(&got);
    assert_eq!(got[0], "Facebook Twitter Google+ Email");
    assert!(
        got[1].starts_with("BEIJING (Reuters) - The council"),
        "{got:#?}"
    );
    assert!(
        got.contains(&"READ MORE: Mayor backs the bridge."),
        "{got:#?}"
    );
    assert_eq!(got.last(), Some(&"Source: Al Jazeera and news agencies"));
    let gallery = "Photos: The bridge The mayor opens it. Crowds cheer. Hide Caption 1 of 2 Photos: The bridge Boats pass under it at night. Hide Caption 2 of 2 ".repeat(10);
    let got = cut_long_blocks(vec![gallery]);
    assert_eq!(got.len(), 20);
    assert!(got.iter().all(|p| p.text.ends_with(" of 2")), "{got:#?}");
    let notice = format!("{story}Copyright © 2015 by Jane Roe. Reprinted with permission.");
    let got = cut_long_blocks(vec![notice]);
    assert_eq!(
        got.last().map(|p| p.text.as_str()),
        Some("Copyright © 2015 by Jane Roe. Reprinted with permission.")
    );
    let contributed = format!("{story}The Example Wire contributed to this report.");
    let got = cut_long_blocks(vec![contributed]);
    assert_eq!(
        got.last().map(|p| p.text.as_str()),
        Some("The Example Wire contributed to this report.")
    );
    let slashed = format!("The mayor speaks on Monday. / AFP PHOTO / KCNA VIA KNS / STR / {story}");
    let got = cut_long_blocks(vec![slashed]);
    assert_eq!(
        got[0].text,
        "The mayor speaks on Monday. / AFP PHOTO / KCNA VIA KNS / STR /"
    );
    let caption = format!("The mayor speaks on Monday. (AP Photo/Jane Roe) {story}");
    let got = cut_long_blocks(vec![caption]);
    assert_eq!(
        got[0].text,
        "The mayor speaks on Monday. (AP Photo/Jane Roe)"
    );
    let credit = format!("{story}(AFP/Reuters)");
    let got = cut_long_blocks(vec![credit]);
    assert_eq!(got.last().map(|p| p.text.as_str()), Some("(AFP/Reuters)"));
}

#[test]
fn a_quotation_of_several_sentences_stays_in_one_piece() {
    let quote = "\"We will build the bridge. It will take three years. It will cost a lot of money. We have the money. We will find the workers. We will open it in May.\"";
    let flat = format!(
        "{}{quote} the mayor said. {}",
        SENTENCE.repeat(6),
        SENTENCE.repeat(6)
    );
    let got = cut_long_blocks(vec![flat]);
    assert!(got.iter().any(|p| p.text.contains(quote)), "{got:#?}");
}

/// Issue #19: a quotation going on in a new paragraph whose break was lost ("… the city.
/// "They …", the mark reopening it with none closing it) is not cut inside; a cut at the
/// lost break puts the reopening mark with the sentence it opens.
#[test]
fn a_quotation_reopened_after_a_lost_break_is_not_cut_inside() {
    let quote = "\"The ferries have stopped. The bridge is closed to trucks. The trains are full every morning. \"We have asked the council for more buses. We have asked twice. Nobody has answered us,\" she said.";
    let flat = format!("{}{quote} {}", SENTENCE.repeat(8), SENTENCE.repeat(6));
    let got = cut_long_blocks(vec![flat]);
    assert!(
        got.iter()
            .all(|p| !p.text.ends_with(" \"") && !p.text.starts_with("We have asked")),
        "{got:#?}"
    );
    assert!(got.iter().any(|p| p.text.contains("\"We have asked the council for more buses. We have asked twice. Nobody has answered us,\" she said.")), "{got:#?}");
    // A curly mark (three bytes) before a sentence's start is no straight mark to move.
    let curly = format!(
        "{}“The bridge is closed,” she said. “It will open in May.” {}",
        SENTENCE.repeat(8),
        SENTENCE.repeat(6)
    );
    assert!(cut_long_blocks(vec![curly]).len() > 1);
    let quotes = quotations(quote);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(quote[quotes[1].clone()].starts_with("\"We have asked"));
}

/// Issue #19: a cut never parts a quotation from its attribution ("― Ann Kerr" after it,
/// "asked Kerr." after it) or from the quotation in marks that goes on after its cue
/// (“…,” said Kerr. “It is time.”): quotes reads those as one paragraph's.
#[test]
fn issue_19_a_quotation_stays_with_its_attribution() {
    let said = "“The ferries have stopped and the bridge is closed to trucks,” said Ann Kerr, who runs the harbour committee. “We have asked the council for more buses.” ";
    let flat = format!("{}{}", SENTENCE.repeat(6), said.repeat(8));
    let got = cut_long_blocks(vec![flat]);
    assert!(got.len() > 2, "{got:#?}");
    assert!(
        got.iter().all(|p| !p.text.starts_with("“We have asked")),
        "{got:#?}"
    );
    let dashed = "“The ferries have stopped. The bridge is closed to trucks and the trains are full every single morning.” ― Ann Kerr ";
    let flat = format!("{}{}", SENTENCE.repeat(6), dashed.repeat(10));
    let got = cut_long_blocks(vec![flat]);
    assert!(got.len() > 2, "{got:#?}");
    assert!(got[1..].iter().all(|p| p.text.starts_with('“')), "{got:#?}");
    assert!(
        got[1..].iter().all(|p| p.text.ends_with("― Ann Kerr")),
        "{got:#?}"
    );
    assert!(tied_to_quotation("“Why?” ", "asked Kerr."));
    assert!(!tied_to_quotation(
        "“Why?” asked Kerr.",
        "The vote is on Monday."
    ));
    assert!(!tied_to_quotation(
        "The vote is on Monday.",
        "“Why?” asked Kerr."
    ));
    assert!(tied_to_quotation("“Why?” asked Kerr.", "“It is late.”"));
    assert!(!tied_to_quotation("Kerr asked: “Why?”", "“It is late.”"));
}

#[test]
fn usual_paragraphs_and_a_long_one_among_long_ones_are_left_alone() {
    let paragraph = SENTENCE.repeat(3);
    let long = SENTENCE.repeat(16);
    let blocks = vec![
        paragraph.clone(),
        paragraph.clone(),
        paragraph.clone(),
        long.clone(),
    ];
    let got = cut_long_blocks(blocks);
    assert_eq!(got.len(), 6);
    assert!(got[..3].iter().all(|p| p.reason.is_none()));
    assert!(got[3..].iter().all(|p| p.text.len() >= MIN_LAST_CHARS));
    let blocks = vec![long.clone(), long.clone(), long.clone(), long];
    assert_eq!(cut_long_blocks(blocks).len(), 4);
    let short = vec!["Title".to_string(), SENTENCE.repeat(10)];
    assert_eq!(cut_long_blocks(short).len(), 2);
}

#[test]
fn abbreviations_and_initials_are_not_lost_breaks() {
    for text in [
        "in the U.S.The",
        "at 9 a.m. The",
        "J.R.R.Tolkien",
        "example.com",
    ] {
        assert!(glued_breaks(text).is_empty(), "{text}");
    }
}
