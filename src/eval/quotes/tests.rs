//! Unit tests of quote scoring.

use super::*;

fn stretches(text: &str) -> Vec<String> {
    let file: Vec<char> = text.chars().collect();
    quoted_stretches(&file, 0, file.len())
        .into_iter()
        .map(|(s, e)| file[s..e].iter().collect())
        .collect()
}

#[test]
fn quoted_stretches_pair_in_order() {
    assert_eq!(
        stretches("He said “A” and \"B\" and ''C'' and «E» and ”not“F"),
        ["A", "B", "C", "E", "F"]
    );
}

#[test]
fn gold_is_what_content_spans_cover() {
    let text = "Title\n\n“One. Two,” she said.\n\nHe called it “Fine,” and a “term” too.\n\n‘Who cares?’ he asked.\n";
    let body = body_blocks(text).unwrap();
    let at = |s: &str| {
        text.chars()
            .collect::<String>()
            .find(s)
            .map(|b| text[..b].chars().count())
            .unwrap()
    };
    let len = |s: &str| s.chars().count();
    // Content covers "Two," (more than half of the quotation) and 'Fine' and 'Who cares?'.
    let ann = format!(
        "T1\tContent {} {}\tTwo\nT2\tContent {} {}\tOne\nT3\tSource {} {}\tshe\nE1\tAttribution:T9 Content:T1 Source:T3\nE2\tAttribution:T8 Content:T2\n\
         T4\tContent {} {}\tFine\nE3\tAttribution:T7 Content:T4\nT5\tContent {} {}\tWho\nE4\tAttribution:T6 Content:T5\n",
        at("Two"), at("Two") + 4, at("One"), at("One") + 3, at("she"), at("she") + 3,
        at("it “Fine"), at("it “Fine") + len("it “Fine,”"), at("‘Who"), at("‘Who") + len("‘Who cares?’"),
    );
    let (ann, problems) = brat::parse(&ann);
    assert!(problems.is_empty());
    let gold = gold_quotes(text, &ann, &body);
    let found: Vec<(&str, Option<&str>)> = gold
        .iter()
        .map(|g| (g.text.as_str(), g.speaker.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("One. Two", Some("she")),
            ("Fine", None),
            ("Who cares", None)
        ]
    );
}

#[test]
fn blocks_map_back_to_the_file() {
    let text = "Title; \nSubtitle 'a'.\n\nFirst “body” line\nwrapped, and\ncontinued.\n\nLast.";
    let body = body_blocks(text).unwrap();
    let file: Vec<char> = text.chars().collect();
    assert_eq!(
        body.len(),
        2,
        "the title and its subtitle are one title block"
    );
    for b in &body {
        for (c, &at) in b.text.chars().zip(&b.offsets) {
            assert!(c == file[at] || (c == ' ' && file[at].is_whitespace()));
        }
    }
    assert_eq!(body[0].text, "First “body” line wrapped, and continued.");
}

#[test]
fn overlap_matching_and_speakers() {
    let s = |start, end, speaker: &str| Span {
        start,
        end,
        text: String::new(),
        speaker: Some(speaker.into()),
        rule: None,
    };
    let article = Article {
        name: "a".into(),
        annotator: "x".into(),
        gold: vec![
            s(0, 100, "Mr. Trump"),
            s(200, 210, "he"),
            s(300, 310, "Clinton"),
        ],
        predicted: vec![
            s(5, 100, "Donald Trump"),
            s(200, 210, "Donald Trump"),
            s(400, 410, "Sanders"),
        ],
    };
    let mut scores = Scores::default();
    score(&article, &mut scores);
    assert_eq!(
        (scores.gold, scores.predicted, scores.exact, scores.overlap),
        (3, 3, 1, 2)
    );
    // "he" is not a name; Clinton was missed, so her speaker counts as wrong.
    assert_eq!((scores.named, scores.named_correct), (2, 1));
    assert_eq!(
        scores
            .errors
            .iter()
            .filter(|e| e.miss == Miss::Spurious)
            .count(),
        1
    );
}
