//! Unit tests of the quotation extractor.

use super::*;

/// The quotation whose text starts with `start`.
fn quote_at(paragraphs: &[&str], start: &str) -> Quote {
    let quotes = extract(paragraphs);
    let found = quotes.iter().find(|q| q.text.starts_with(start));
    found
        .cloned()
        .unwrap_or_else(|| panic!("no quotation starting {start:?} in {quotes:#?}"))
}

fn speaker_name(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().and_then(|s| s.name.as_deref())
}

#[test]
fn according_to_may_open_the_sentence() {
    let q = quote_at(&["According to the Harbour Gazette, “The mill will close in the spring and nobody has told the workers.”"], "The mill");
    assert_eq!(
        (q.rule, q.cue.as_deref()),
        ("according-to", Some("According to"))
    );
    assert_eq!(
        q.speaker.as_ref().map(|s| s.text.as_str()),
        Some("the Harbour Gazette")
    );
    // With a speaker of its own, the sentence's opening "according to" names the channel.
    let q = quote_at(&["According to the Harbour Gazette, Mayor Ellen Porter said the mill would “close in the spring, whatever the council votes.”"], "close");
    assert_eq!(
        (speaker_name(&q), q.cue.as_deref()),
        (Some("Ellen Porter"), Some("said"))
    );
    assert_eq!(
        q.via.as_ref().map(|v| v.text.as_str()),
        Some("the Harbour Gazette")
    );
}

#[test]
fn a_short_phrase_in_a_sentence_about_a_person_is_theirs() {
    let paragraphs = [
        "Senator Maria Lindqvist spent the week touring the valley.",
        "Lindqvist keeps coming back to the “slow-motion robbery” of the middle class.",
    ];
    let q = quote_at(&paragraphs, "slow-motion");
    assert_eq!(
        (q.kind, q.rule, q.partial),
        (Kind::Quote, "subject-phrase", true)
    );
    assert_eq!(speaker_name(&q), Some("Maria Lindqvist"));
    let q = quote_at(
        &["She keeps coming back to the “slow-motion robbery” of the middle class."],
        "slow-motion",
    );
    assert_eq!((q.kind, q.rule), (Kind::Quote, "subject-phrase"));
    // No person as the subject, or a title: still a term.
    for paragraph in [
        "The vote ended in a “virtual tie” on Tuesday.",
        "It ended in a “virtual tie” on Tuesday.",
        "Lindqvist watched “Harbour Lights” twice.",
    ] {
        let q = quote_at(&[paragraph], "");
        assert_eq!((q.kind, q.rule), (Kind::Term, "term"), "{paragraph}");
    }
}

#[test]
fn it_is_no_speaker() {
    // A sentence with no cue that hands over to a quotation is its subject's, if a person.
    let quotation = "“The mill will close in the spring and nobody will say why.”";
    let q = quote_at(
        &[&format!("She ended the meeting the same way, {quotation}")],
        "The mill",
    );
    assert_eq!(
        (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
        ("subject", Some("She"))
    );
    let q = quote_at(
        &[&format!("It ended the same way, {quotation}")],
        "The mill",
    );
    assert_eq!(
        (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
        ("unattributed", None)
    );
}

#[test]
fn a_conjunction_opens_no_apposition() {
    for paragraph in [
        "Kerr toured the mill in Westland, and heard that Tom Garrick, for one, called the levy “a quiet robbery of the valley.”",
        "Kerr toured the mill in Westland, but Tom Garrick, for one, called the levy “a quiet robbery of the valley.”",
    ] {
        let q = quote_at(&[paragraph], "a quiet");
        assert_eq!((q.rule, speaker_name(&q)), ("speaker-cue-quote", Some("Tom Garrick")), "{paragraph}");
    }
}

#[test]
fn a_title_after_a_kind_of_work() {
    // Even with a cue in the sentence, and after a comma.
    for (paragraph, start) in [
        (
            "Kerr told reporters that her memoir, “Tough Roads,” would be out in May.",
            "Tough",
        ),
        (
            "Garrick said on the podcast “Harbour Talk” that the mill would close.",
            "Harbour",
        ),
        (
            "The council aired an ad, “Vote For The Mill,” that Kerr called misleading.",
            "Vote",
        ),
    ] {
        let q = quote_at(&[paragraph], start);
        assert_eq!(
            (q.kind, q.rule, q.speaker.is_none()),
            (Kind::Term, "term", true),
            "{paragraph}"
        );
    }
    // Words in small letters are no title, nor is a capitalised "Book" opening a sentence.
    let q = quote_at(
        &["Kerr told reporters that her memoir, “a tough road to walk,” was done."],
        "a tough",
    );
    assert_eq!((q.kind, speaker_name(&q)), (Kind::Quote, Some("Kerr")));
    let q = quote_at(
        &["Mayor Ann Kerr said: “Tough Roads Ahead For The Mill.”"],
        "Tough",
    );
    assert_eq!((q.kind, speaker_name(&q)), (Kind::Quote, Some("Ann Kerr")));
}

#[test]
fn a_title_with_a_subtitle_is_a_title_however_long() {
    for (paragraph, start) in [
        ("According to “Hard Roads: A Mill Town and the Long Decline of the Valley” by Ann Kerr, the mill closed twice.", "Hard"),
        ("Garrick said his book “Westland: The Rise and Fall of a River Town on the Edge” sold well.", "Westland"),
    ] {
        let q = quote_at(&[paragraph], start);
        assert_eq!((q.kind, q.rule), (Kind::Term, "term"), "{paragraph}");
    }
    // A sentence of quotation that opens with a label is no title.
    let q = quote_at(
        &["Mayor Ann Kerr said: “Westland: The Mill Will Stay Open For Good.”"],
        "Westland",
    );
    assert_eq!((q.kind, speaker_name(&q)), (Kind::Quote, Some("Ann Kerr")));
}

#[test]
fn a_transcript_label_names_the_speaker() {
    let paragraphs = [
        "Senator Dana Whitfield sat down with host Marcus Obi on Sunday.",
        "“OBI: Will you run again?",
        "“WHITFIELD: Well, look, the voters will decide that.",
        "“And I trust them to.”",
        "“RIVA KOSTER: Thank you both.”",
        "“UPDATE: The interview ran long.”",
    ];
    let q = quote_at(&paragraphs, "WHITFIELD");
    assert_eq!(
        (q.rule, speaker_name(&q)),
        ("label-speaker", Some("Dana Whitfield"))
    );
    assert!(
        q.text.starts_with("WHITFIELD: Well"),
        "the label stays in the text"
    );
    let label = q.speaker.as_ref().unwrap();
    assert_eq!((label.text.as_str(), label.form), ("WHITFIELD", Form::Name));
    assert_eq!(
        paragraphs[2]
            .chars()
            .skip(label.start)
            .take(label.end - label.start)
            .collect::<String>(),
        "WHITFIELD"
    );
    assert_eq!(
        speaker_name(&quote_at(&paragraphs, "OBI")),
        Some("Marcus Obi")
    );
    let q = quote_at(&paragraphs, "And I trust");
    assert_eq!(
        (q.rule, speaker_name(&q)),
        ("continued", Some("Dana Whitfield"))
    );
    assert_eq!(
        speaker_name(&quote_at(&paragraphs, "RIVA")),
        Some("Riva Koster")
    );
    // One word that is no one's surname is no speaker; nor are words such as "news".
    assert_ne!(quote_at(&paragraphs, "UPDATE").rule, "label-speaker");
    assert_ne!(
        quote_at(&["“BREAKING NEWS: The mill will close.”"], "BREAKING").rule,
        "label-speaker"
    );
    // Nor are the labels of boxes and notes, or an unnamed audience member.
    for label in ["FACT CHECK", "EDITOR’S NOTE", "AUDIENCE MEMBER"] {
        assert_ne!(
            quote_at(&[&format!("“{label}: The levy is not new.”")], label).rule,
            "label-speaker",
            "{label}"
        );
    }
    // A cue after the quotation says who.
    let q = quote_at(
        &["“FACT CHECK: The levy is not new,” the Harbour Gazette tweeted."],
        "FACT",
    );
    assert_eq!(
        (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
        ("quote-speaker-cue", Some("the Harbour Gazette"))
    );
}

#[test]
fn a_name_after_a_dash() {
    let q = quote_at(
        &["“The mill will close in the spring.” — Ann Kerr, The Harbour Gazette"],
        "The mill",
    );
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("dash-speaker", Some("Ann Kerr"), None)
    );
    assert_eq!(
        q.via.as_ref().and_then(|v| v.name.as_deref()),
        Some("Harbour Gazette")
    );
    let q = quote_at(
        &["\"We will not raise the levy.\" -- Councillor Tom Garrick (@tgarrick) May 2, 2016"],
        "We will",
    );
    assert_eq!(
        (q.rule, speaker_name(&q)),
        ("dash-speaker", Some("Tom Garrick"))
    );
    let q = quote_at(
        &["“Nobody told the workers.”― Economist Ellen Porter to Westland Radio"],
        "Nobody",
    );
    assert_eq!(
        (speaker_name(&q), q.via.as_ref().map(|v| v.text.as_str())),
        (Some("Ellen Porter"), Some("Westland Radio"))
    );
    // On a short line of its own after a paragraph of quotation.
    let q = quote_at(
        &[
            "“I am so tired of waiting for the council.”",
            "— Rosa Delgado",
        ],
        "I am",
    );
    assert_eq!(
        (q.rule, speaker_name(&q)),
        ("dash-speaker", Some("Rosa Delgado"))
    );
    // A colon before the quotation introduces its speaker; no person, no speaker.
    let q = quote_at(
        &["Kerr on the levy: “It is fair.” — Tom Garrick (@tgarrick)"],
        "It is",
    );
    assert_eq!(
        (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
        ("speaker-colon-quote", Some("Kerr"))
    );
    for paragraph in [
        "“It is fair.” — the Harbour Levy Act",
        "“It is fair.” — HARBOUR LEVY PASSES",
    ] {
        assert_ne!(
            quote_at(&[paragraph], "It is").rule,
            "dash-speaker",
            "{paragraph}"
        );
    }
}

#[test]
fn a_full_name_right_before_the_colon() {
    let q = quote_at(&["The late swing did not surprise the pollster Ann Whitcombe: “Turnout was always going to decide this one.”"], "Turnout");
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("name-colon-quote", Some("Ann Whitcombe"), None)
    );
}

#[test]
fn new_cue_words() {
    let q = quote_at(
        &["Councillor Tom Garrick retorted: “That is simply not true, and the minutes show it.”"],
        "That is",
    );
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("speaker-cue-quote", Some("Tom Garrick"), Some("retorted"))
    );
    let q = quote_at(
        &["The hall grew louder, with Dana Kessler yelling “Let the people vote on it!”"],
        "Let the",
    );
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("participle", Some("Dana Kessler"), Some("yelling"))
    );
    let q = quote_at(&["Engineers at the plant speculated that the pumps “had been failing quietly for months.”"], "had been");
    assert_eq!(
        (q.rule, q.cue.as_deref()),
        ("speaker-cue-quote", Some("speculated"))
    );
}

#[test]
fn a_participle_with_its_own_subject() {
    let paragraph = "After the meeting the two leaders issued a joint statement – Ann Kerr saying she was “very encouraged” and Tom Garrick calling it a “productive first step.”";
    let q = quote_at(&[paragraph], "very encouraged");
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("participle", Some("Ann Kerr"), Some("saying"))
    );
    let q = quote_at(&[paragraph], "productive");
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("participle", Some("Tom Garrick"), Some("calling"))
    );
    let q = quote_at(&["Protesters filled the square, with Dana Kessler reportedly yelling: “Let the people vote on it!”"], "Let the");
    assert_eq!(
        (q.rule, speaker_name(&q)),
        ("participle", Some("Dana Kessler"))
    );
    // "and" with no participle before it joins objects: the main clause's subject speaks.
    let q = quote_at(&["Mayor Ellen Porter thanked the firefighters and Tom Garrick, calling them “the best of this town.”"], "the best");
    assert_eq!(speaker_name(&q), Some("Ellen Porter"));
}

#[test]
fn a_cue_inside_what_an_earlier_cue_reports() {
    let q = quote_at(
        &["Councillor Ann Kerr said Mayor Tom Garrick had called the budget “a work of fiction.”"],
        "a work",
    );
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("speaker-cue-quote", Some("Ann Kerr"), Some("called"))
    );
    let q = quote_at(
        &["Ann Kerr said she expected that voters would say “enough” to the levy."],
        "enough",
    );
    assert_eq!(speaker_name(&q), Some("Ann Kerr"));
    // A clause of its own after a comma or a subordinating word keeps its subject.
    let q = quote_at(
        &["After Ann Kerr said the levy was fair, Tom Garrick called it “a tax on the poor.”"],
        "a tax",
    );
    assert_eq!(speaker_name(&q), Some("Tom Garrick"));
    let q = quote_at(
        &["Ann Kerr spoke after Tom Garrick said the levy was “a tax on the poor.”"],
        "a tax",
    );
    assert_eq!(speaker_name(&q), Some("Tom Garrick"));
}

#[test]
fn a_cue_in_a_relative_clause_before_the_quotation() {
    let q = quote_at(&["Under what Ann Kerr called “the old model,” the Westland club charged members twice, Tom Garrick said."], "the old model");
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("speaker-cue-quote", Some("Ann Kerr"), Some("called"))
    );
    let q = quote_at(
        &["The plan drew charges that Tom Garrick, for one, called “pure fantasy.”"],
        "pure fantasy",
    );
    assert_eq!(speaker_name(&q), Some("Tom Garrick"));
    let q = quote_at(
        &["Ann Kerr said she expected that Tom Garrick would say “no” to the levy."],
        "no",
    );
    assert_eq!(speaker_name(&q), Some("Ann Kerr"));
}

#[test]
fn an_apposition_with_no_closing_comma() {
    let q = quote_at(&["Ann Kerr, president and CEO of the Harbour Valley Trust stated, “The figures do not add up.”"], "The figures");
    assert_eq!(
        (q.rule, speaker_name(&q), q.cue.as_deref()),
        ("speaker-cue-quote", Some("Ann Kerr"), Some("stated"))
    );
    let q = quote_at(&["Tom Garrick, the finance director for the Northfield County Council said: “We will not raise the levy.”"], "We will");
    assert_eq!(
        (q.rule, speaker_name(&q)),
        ("speaker-cue-quote", Some("Tom Garrick"))
    );
    // A chain of "of": the name before the first.
    let q = quote_at(&["As Bishop Piotr Nowak of the Polish Mission of Chicago told reporters, “We are tired of waiting.”"], "We are");
    assert_eq!(speaker_name(&q), Some("Piotr Nowak"));
    let q = quote_at(&["Ann Kerr, president and CEO of Westland Dairy Growers Association stated, “The figures do not add up.”"], "The figures");
    assert_eq!(speaker_name(&q), Some("Ann Kerr"));
    // A list is no apposition.
    let q = quote_at(&["Kerr, Garrick and members of the Harbour Valley Trust said the plan was “dead on arrival.”"], "dead");
    assert_ne!(speaker_name(&q), Some("Kerr"));
}
