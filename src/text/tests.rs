//! Tests of the text stage as a whole: `process`, `clean` and the passes that look at a
//! block's neighbours.

use super::context::title::{
    caption_then_headline, headline_reworded, CAPTION_AND_HEADLINE, HEADLINE_REWORDED, TITLE_AGAIN,
};
use super::context::SERIES_REASON;
use super::*;

fn body(text: &str) -> Block {
    Block {
        kind: Kind::Body,
        reason: None,
        language: None,
        text: text.to_string(),
        sentences: Vec::new(),
        line_key: None,
    }
}

/// An article of these blocks, the first its title, classified by the built-in rules.
fn reclassified(texts: &[&str]) -> Vec<Block> {
    let mut blocks: Vec<Block> = texts.iter().map(|t| body(t)).collect();
    if let Some(title) = blocks.first_mut() {
        title.kind = Kind::Title;
    }
    reclassify(&mut blocks, &Rules::builtin(), None, None);
    blocks
}

fn kinds(blocks: &[Block]) -> Vec<Kind> {
    blocks.iter().map(|b| b.kind).collect()
}

const LINK: &str = "CITY COUNCIL VOTES TO RENAME THE OLD HARBOUR BRIDGE AFTER A LOCAL NURSE";

/// Issue #3: `corpusdb reclassify` put the cards cut out at load back into the body
/// (6,793 blocks of allsides-37k), where they counted as the story again.
#[test]
fn issue_3_reclassify_keeps_the_cards_cut_out_at_load() {
    let text = "Democratic nominee Hillary Clinton Hillary Diane Rodham ClintonGiuliani consulted \
                with Manafort on Ukraine info: report Sanders heart procedures shines spotlight \
                on age of top Democrats MORE leads in a new poll.";
    let mut blocks = blocks::structure_record(Some("A poll"), text);
    blocks = cut_out_cards(blocks);
    assert_eq!(blocks.len(), 3);
    assert_eq!(
        (blocks[1].kind, blocks[1].text.as_str()),
        (
            Kind::Body,
            "Democratic nominee Hillary Clinton leads in a new poll."
        )
    );
    assert_eq!(
        (blocks[2].kind, blocks[2].reason.as_deref()),
        (Kind::Promo, Some(CARD_REASON))
    );
    reclassify(&mut blocks, &Rules::builtin(), Some("en"), None);
    let kinds: Vec<Kind> = blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [Kind::Title, Kind::Body, Kind::Promo]);
    assert_eq!(blocks[2].reason.as_deref(), Some(CARD_REASON));
}

#[test]
fn links_to_the_parts_of_a_series_are_set_aside_its_own_parts_stay() {
    let blocks = reclassified(&[
        "A title",
        "Part 1: A heading of the article's own",
        "The council met on Monday.",
        "Part 2: Another heading of its own",
        "It adjourned at noon.",
        "Part 1: The bridge that split a town",
        "Part 2: Can the river be tamed?",
        "Part 3: A mayor's last stand",
    ]);
    assert_eq!(
        kinds(&blocks),
        [
            Kind::Title,
            Kind::Body,
            Kind::Body,
            Kind::Body,
            Kind::Body,
            Kind::Promo,
            Kind::Promo,
            Kind::Promo
        ]
    );
    assert_eq!(blocks[5].reason.as_deref(), Some(SERIES_REASON));
}

#[test]
fn a_charts_labels_spilled_one_per_block_are_set_aside_a_table_and_a_list_stay() {
    let chart = [
        "A title",
        "The tax rate fell.",
        "Rates by decade",
        "40",
        "30",
        "20",
        "’60",
        "from 39.6%",
        "It rose again.",
    ];
    let blocks = reclassified(&chart);
    assert_eq!(kinds(&blocks)[2..8], [Kind::Caption; 6]);
    assert_eq!((blocks[1].kind, blocks[8].kind), (Kind::Body, Kind::Body));
    assert!(
        blocks[3]
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("label of a chart or map")),
        "{:?}",
        blocks[3].reason
    );
    let table = [
        "A title",
        "Life expectancy:",
        "2009 78 2041",
        "2011 78 2037",
        "2017 79 2034",
        "2018 77 2034",
    ];
    let poll = [
        "A title",
        "The poll:",
        "Smith 16%",
        "Doe 13%",
        "Roe 8%",
        "Poe 7%",
    ];
    let list = [
        "A title",
        "The cases:",
        "1. Ohio",
        "2. Iowa",
        "3. Utah",
        "4. Maine",
    ];
    let recipe = [
        "A title",
        "The drink:",
        "1 oz fresh lemon juice",
        "1 oz orange juice",
        "1 oz grenadine",
        ".5 oz simple syrup",
    ];
    for texts in [&table[..], &poll, &list, &recipe] {
        assert!(
            kinds(&reclassified(texts))[1..]
                .iter()
                .all(|k| *k == Kind::Body),
            "{texts:?}"
        );
    }
}

#[test]
fn the_authors_name_box_is_set_aside_a_speakers_name_and_a_signature_stay() {
    let with_byline = |texts: &[&str], byline: &str| {
        let mut blocks: Vec<Block> = texts.iter().map(|t| body(t)).collect();
        blocks[0].kind = Kind::Title;
        reclassify(&mut blocks, &Rules::builtin(), None, Some(byline));
        kinds(&blocks)
    };
    let opinion = [
        "A title",
        "The bridge is a mistake.",
        "Jane Roe",
        "It will cost too much.",
    ];
    assert_eq!(
        with_byline(&opinion, "Jane Roe, Special to Example News"),
        [Kind::Title, Kind::Body, Kind::Credit, Kind::Body]
    );
    assert_eq!(
        with_byline(&opinion, "John Doe"),
        [Kind::Title, Kind::Body, Kind::Body, Kind::Body]
    );
    // A transcript names its speakers again and again; a symposium lists many writers.
    let transcript = [
        "A title",
        "Jane Roe",
        "Why the bridge?",
        "John Doe",
        "Because.",
        "Jane Roe",
        "I see.",
    ];
    assert!(with_byline(&transcript, "Jane Roe")[1..]
        .iter()
        .all(|k| *k == Kind::Body));
    assert_eq!(
        with_byline(&opinion, "Ann Poe, Jane Roe, John Doe")[2],
        Kind::Body
    );
    let letter = [
        "A title",
        "The bridge is a mistake.",
        "Sincerely,",
        "Jane Roe",
    ];
    assert_eq!(with_byline(&letter, "Jane Roe")[3], Kind::Body);
}

#[test]
fn the_title_scraped_again_under_it_is_a_title_not_the_body() {
    // Further down, the same words are the story's (a heading, a closing line).
    let blocks = reclassified(&[
        "Council Votes on the Bridge",
        "Council votes on the bridge.",
        "It met on Monday.",
        "It voted at noon.",
        "It adjourned.",
        "Council votes on the bridge",
    ]);
    assert_eq!(
        kinds(&blocks),
        [
            Kind::Title,
            Kind::Title,
            Kind::Body,
            Kind::Body,
            Kind::Body,
            Kind::Body
        ]
    );
    assert_eq!(blocks[1].reason.as_deref(), Some(TITLE_AGAIN));
}

#[test]
fn the_headline_worded_differently_under_the_title_is_a_title() {
    let title = "Obama To Press Congress On Student Loan Rates";
    let blocks = reclassified(&[
        title,
        "Obama Presses Congress On Student Loan Rates",
        "The president spoke on Monday.",
    ]);
    assert_eq!(kinds(&blocks), [Kind::Title, Kind::Title, Kind::Body]);
    assert_eq!(blocks[1].reason.as_deref(), Some(HEADLINE_REWORDED));
    // A first paragraph, a dek in sentence case, a subheading of other words, or the
    // same headline further down stays.
    for story in [
        "Obama Presses Congress On Student Loan Rates.",
        "Obama presses Congress on student loan rates as the deadline nears",
        "The Numbers Behind The Fight",
    ] {
        assert!(!headline_reworded(story, title), "{story}");
    }
    let blocks = reclassified(&[
        title,
        "The president spoke on Monday.",
        "Obama Presses Congress On Student Loan Rates",
    ]);
    assert_eq!(blocks[2].kind, Kind::Body);
}

#[test]
fn a_caption_glued_to_the_headline_under_the_title_is_a_caption() {
    let title = "Mayor backs the new bridge plan";
    let blocks = reclassified(&[
        title,
        "The mayor spoke for an hour on Monday, the author writes. Mayor backs bridge plan",
        "The council met.",
    ]);
    assert_eq!(kinds(&blocks), [Kind::Title, Kind::Caption, Kind::Body]);
    assert_eq!(blocks[1].reason.as_deref(), Some(CAPTION_AND_HEADLINE));
    assert!(caption_then_headline(
        "Roe said the bridge will open in May. | Jane Roe/Example Times Mayor backs bridge plan",
        title
    ));
    // A first paragraph, a quote, an abbreviation, or an excerpt with its source stays.
    for story in [
        "The mayor backs the new bridge plan. He said so on Monday.",
        "\"I back the new bridge plan,\" the mayor said. Mayor backs bridge plan",
        "The plan was drawn up by Gov. Mayor backs the bridge plan",
        "On Monday the council voted for the new bridge plan, the Example Times reports. Example Times",
    ] {
        assert!(!caption_then_headline(story, title), "{story}");
    }
}

#[test]
fn names_split_from_their_contributor_line_go_with_it() {
    let blocks = reclassified(&[
        "A title",
        "The council met on Monday.",
        "—Jane Roe,",
        "John Doe and Ann Poe",
        "contributed to this article.",
    ]);
    assert_eq!(
        kinds(&blocks),
        [
            Kind::Title,
            Kind::Body,
            Kind::Footer,
            Kind::Credit,
            Kind::Footer
        ]
    );
    assert_eq!(blocks[2].reason, blocks[4].reason);
    // A sentence before it is the story's.
    let blocks = reclassified(&[
        "A title",
        "The council met on Monday.",
        "It adjourned at noon.",
        "—Jane Roe",
        "contributed to this article.",
    ]);
    assert_eq!(
        kinds(&blocks),
        [
            Kind::Title,
            Kind::Body,
            Kind::Body,
            Kind::Footer,
            Kind::Footer
        ]
    );
}

#[test]
fn a_few_lines_in_capitals_are_links_to_other_stories() {
    let blocks = reclassified(&[
        "A title",
        "The council met on Monday.",
        LINK,
        "It adjourned at noon.",
    ]);
    assert_eq!(blocks[2].kind, Kind::Promo);
    assert!(
        blocks[2]
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with(CAPITALS_HEADLINE)),
        "{:?}",
        blocks[2].reason
    );
    assert_eq!(blocks[1].kind, Kind::Body);
}

#[test]
fn captions_of_a_photo_gallery_come_twice_and_are_set_aside() {
    let captions = [
        "The mayor opens the new bridge on Monday morning.",
        "Crowds gather on the river bank to watch the boats.",
        "A band plays on the old quay after the ceremony.",
    ];
    let mut blocks = vec![
        body("A title"),
        body("The council met on Monday."),
        body("Zoom."),
        body("Zoom."),
    ];
    blocks[0].kind = Kind::Title;
    for caption in captions {
        blocks.push(body(caption));
        blocks.push(body(caption));
    }
    blocks.push(body("It adjourned at noon."));
    reclassify(&mut blocks, &Rules::builtin(), None, None);
    let kinds: Vec<Kind> = blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[1..4], [Kind::Body; 3], "{blocks:?}");
    assert_eq!(kinds[4..10], [Kind::Caption; 6], "{blocks:?}");
    assert_eq!(kinds[10], Kind::Body);
    assert_eq!(
        blocks[4].reason.as_deref(),
        Some("photo gallery caption, shown twice (as 3 captions of this article are)")
    );

    // One paragraph scraped twice, with fewer doubled blocks than a gallery has: story text.
    let blocks = reclassified(&[
        "A title",
        captions[0],
        captions[0],
        captions[1],
        captions[1],
    ]);
    assert!(
        blocks[1..].iter().all(|b| b.kind == Kind::Body),
        "{blocks:?}"
    );
}

#[test]
fn a_box_under_an_editors_note_label_is_set_aside_with_it() {
    let blocks = reclassified(&[
        "A title",
        "The council met on Monday.",
        "Editor's Note:",
        "Weird Trick Cuts Your Water Bill in Half",
        "The bridge is open again! — Jane Roe (@janeroe) May 2, 2019",
        "It adjourned at noon, and the vote was put off to May.",
        "Editor’s Note:",
        "As this story was about to be published, the council said the meeting would be held again on Friday.",
    ]);
    // The embedded tweet under the box is quoted in the story: it stays.
    assert_eq!(
        kinds(&blocks),
        [
            Kind::Title,
            Kind::Body,
            Kind::Promo,
            Kind::Promo,
            Kind::Body,
            Kind::Body,
            Kind::Promo,
            Kind::Body
        ],
        "{blocks:?}"
    );
    assert_eq!(
        blocks[3].reason.as_deref(),
        Some("related link under a related-links heading")
    );
}

#[test]
fn many_lines_in_capitals_are_the_articles_own_subheadings() {
    let mut blocks = vec![body("A title")];
    blocks[0].kind = Kind::Title;
    // One long subheading, and short ones (no rule sets those aside) that say what the
    // article's lines in capitals are.
    blocks.push(body(LINK));
    for _ in 0..MAX_CAPITALS_LINES {
        blocks.push(body("A paragraph of the newsletter's section."));
        blocks.push(body("SHORT SECTION HEADING"));
    }
    reclassify(&mut blocks, &Rules::builtin(), None, None);
    assert!(
        blocks
            .iter()
            .skip(1)
            .all(|b| b.kind == Kind::Body && b.reason.is_none()),
        "{blocks:?}"
    );
}
