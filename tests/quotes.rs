//! Quote extraction on the example articles, on every text of the PolNeAR corpus (offsets,
//! no panics), and `corpusdb eval quotes` against its dev split.

mod common;

use common::*;
use corpusdb::extract::echo;
use corpusdb::extract::quotes::{extract, Kind, Quote};
use corpusdb::model::Kind as BlockKind;
use corpusdb::text::blocks::{split_blocks, structure_plain_text};
use serde_json::Value;

fn expected() -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

/// The body blocks of a seed file, as the loader classifies them.
fn body(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixtures().join("seeds").join(file)).expect("seed file");
    let rules = corpusdb::text::classify::Rules::builtin();
    structure_plain_text(&text, &rules)
        .into_iter()
        .filter(|b| b.kind == BlockKind::Body && rules.classify(&b.text).is_none())
        .map(|b| b.text)
        .collect()
}

fn trimmed(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphanumeric())
}

fn quotes_of(file: &str) -> (Vec<String>, Vec<Quote>) {
    let blocks = body(file);
    let paragraphs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let quotes = extract(&paragraphs);
    (blocks, quotes)
}

#[test]
fn seed_quotes_have_speaker_cue_channel_and_partial_flag() {
    let expected = expected();
    for (file, article) in expected["articles"].as_object().unwrap() {
        let (blocks, quotes) = quotes_of(file);
        let direct: Vec<&Quote> = quotes.iter().filter(|q| q.kind == Kind::Quote).collect();
        let wanted = article["quotes"].as_array().unwrap();
        assert_eq!(direct.len(), wanted.len(), "{file}: {direct:#?}");
        for want in wanted {
            let text = want["text"].as_str().unwrap();
            let q = direct
                .iter()
                .find(|q| trimmed(&q.text) == text)
                .unwrap_or_else(|| panic!("{file}: no quote {text:?} in {direct:#?}"));
            let speaker = q
                .speaker
                .as_ref()
                .unwrap_or_else(|| panic!("{file}: {text:?} has no speaker"));
            assert_eq!(
                speaker.name.as_deref(),
                want["speaker"].as_str(),
                "{file}: {text:?}"
            );
            assert_eq!(q.cue.as_deref(), want["cue"].as_str(), "{file}: {text:?}");
            assert_eq!(
                q.via.as_ref().and_then(|v| v.name.as_deref()),
                want["via"].as_str(),
                "{file}: {text:?}"
            );
            assert_eq!(
                q.partial,
                want["partial"].as_bool().unwrap_or(false),
                "{file}: {text:?}"
            );
            // Offsets cut the text out of its paragraph, and the speaker out of its own.
            let cut = |p: usize, s: usize, e: usize| {
                blocks[p].chars().skip(s).take(e - s).collect::<String>()
            };
            assert_eq!(cut(q.paragraph, q.start, q.end), q.text);
            assert_eq!(
                cut(speaker.paragraph, speaker.start, speaker.end),
                speaker.text
            );
        }
        for not in article
            .get("not_quotes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let not = not.as_str().unwrap();
            assert!(
                !direct.iter().any(|q| q.text.contains(not)),
                "{file}: {not:?} is not a quotation"
            );
        }
    }
}

#[test]
fn the_seed_echo_matches_across_the_two_articles() {
    let expected = expected();
    let variants: Vec<&str> = expected["cross_article"]["echoed_quote"]["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    // Found by the extractor in the two articles, not taken from the fixture.
    let found: Vec<Quote> = ["000_18912cdddedae764.txt", "002_c54f96b386a77b3c.txt"]
        .iter()
        .map(|f| {
            quotes_of(f)
                .1
                .into_iter()
                .find(|q| q.text.starts_with("I am going to visit"))
                .expect("the echoed quote")
        })
        .collect();
    assert_eq!(trimmed(&found[0].text), variants[0]);
    assert_eq!(trimmed(&found[1].text), variants[1]);
    assert_eq!(echo::key(&found[0].text), echo::key(&found[1].text));
    assert!(echo::similarity(&found[0].text, &found[1].text) >= echo::ECHO_SIMILARITY);
    // Two different quotations of the same speaker are no echo.
    let other = quotes_of("000_18912cdddedae764.txt")
        .1
        .into_iter()
        .find(|q| q.text.starts_with("The world welcomes"))
        .unwrap();
    assert!(echo::similarity(&found[0].text, &other.text) < echo::ECHO_SIMILARITY);
    assert_ne!(echo::key(&found[0].text), echo::key(&other.text));
}

#[test]
fn odd_input_never_panics_and_offsets_hold() {
    let odd = [
        "",
        "“",
        "”",
        "\"\"\"",
        "''",
        "' ' '",
        ",,,",
        "“,” said",
        "said “",
        ", said ,",
        "“A,” ,, said ,",
        "He, , said “x”",
        "“x” (R-Texas), said",
        "according to",
        "cited as saying “x”",
        "“x,” said the",
        "“…”",
        "« »",
        "„ja“",
        "‘’",
        "a-",
        "-“b”-",
        "“é,” dit Zoë Ça-Va, « ça »",
        "“Unclosed paragraph",
        "“Continued,” he said.",
    ];
    let paragraphs: Vec<&str> = odd.to_vec();
    for q in extract(&paragraphs) {
        let cut: String = paragraphs[q.paragraph]
            .chars()
            .skip(q.start)
            .take(q.end - q.start)
            .collect();
        assert_eq!(cut, q.text);
    }
    for p in &odd {
        extract(&[p]);
    }
}

/// Every text of the PolNeAR train split, cut as the loader cuts it: no panic, and every
/// quote's and speaker's offsets cut their text out of their paragraph.
#[test]
fn offsets_hold_on_a_real_corpus() {
    let Some(dir) = corpus("polnear/train/text") else {
        return;
    };
    let mut quotes = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let blocks = split_blocks(&text);
        let paragraphs: Vec<&str> = blocks.iter().map(String::as_str).collect();
        let chars: Vec<Vec<char>> = paragraphs.iter().map(|p| p.chars().collect()).collect();
        for q in extract(&paragraphs) {
            quotes += 1;
            assert_eq!(
                chars[q.paragraph][q.start..q.end]
                    .iter()
                    .collect::<String>(),
                q.text
            );
            for agent in q.speaker.iter().chain(&q.via) {
                assert_eq!(
                    chars[agent.paragraph][agent.start..agent.end]
                        .iter()
                        .collect::<String>(),
                    agent.text
                );
            }
        }
    }
    assert!(quotes > 8000, "{quotes} quotations in PolNeAR train");
}

/// `corpusdb eval quotes` on the dev split (never used to develop the rules): the scores
/// reached so far must not fall.
#[test]
fn eval_quotes_on_polnear_dev() {
    let Some(dev) = corpus("polnear/dev") else {
        return;
    };
    let scores = eval(&dev);
    assert!(scores["span F1, exact"] >= 0.95, "{scores:?}");
    assert!(scores["span F1, overlap 0.8"] >= 0.95, "{scores:?}");
    assert!(scores["named-speaker accuracy"] >= 0.85, "{scores:?}");
}

/// The targets of the Quotes issue. Not met yet (see the report in the issue); run with
/// `cargo test --release --test quotes -- --ignored` to see how far.
#[test]
#[ignore = "targets not met yet: span F1 0.955 and named-speaker accuracy 0.861 on dev"]
fn eval_quotes_meets_the_targets_on_polnear_dev() {
    let Some(dev) = corpus("polnear/dev") else {
        return;
    };
    let scores = eval(&dev);
    assert!(scores["span F1, exact"] >= 0.98, "{scores:?}");
    assert!(scores["named-speaker accuracy"] >= 0.90, "{scores:?}");
}

fn eval(dir: &std::path::Path) -> std::collections::BTreeMap<String, f64> {
    let out = ok(
        &repo(),
        &[
            "eval",
            "quotes",
            "--gold",
            dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let rows: Value = serde_json::from_str(&out).expect("json rows");
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["measure"].as_str().unwrap().to_string(),
                r["value"].as_f64().unwrap(),
            )
        })
        .collect()
}

// Attribution classes, on made-up paragraphs in ordinary news style.

/// The quotation whose text has `needle`, from the paragraphs read as one article.
fn quote_with(paragraphs: &[&str], needle: &str) -> Quote {
    let quotes = extract(paragraphs);
    quotes
        .iter()
        .find(|q| q.text.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no quote with {needle:?} in {quotes:#?}"))
}

/// The resolved name of the speaker of the quotation with `needle`.
fn speaker_of(paragraphs: &[&str], needle: &str) -> Option<String> {
    quote_with(paragraphs, needle).speaker.and_then(|s| s.name)
}

fn assert_speaker(paragraphs: &[&str], needle: &str, want: &str) {
    assert_eq!(
        speaker_of(paragraphs, needle).as_deref(),
        Some(want),
        "{paragraphs:?}"
    );
}

#[test]
fn a_name_of_a_place_is_the_person_not_the_place() {
    assert_speaker(
        &["“We will not back down on this,” former Gov. Tom Harlan of Ohio said on Monday."],
        "back down",
        "Tom Harlan",
    );
    assert_speaker(&["Maria Lopez of Austin, Texas says she will vote for whoever “speaks for working families.”"], "working families", "Maria Lopez");
    // "of" after a common noun is no "X of Place": the name after the comma speaks.
    assert_speaker(
        &["On the question of Iran, Smith added, “We need a tougher deal than this one.”"],
        "tougher deal",
        "Smith",
    );
}

#[test]
fn an_opening_phrase_that_ends_in_a_place_is_not_the_speaker() {
    assert_speaker(&["Worried by the protests in Ohio, Senator Mark Delaney, the majority whip, said the party faced a “real test of unity” this week."], "real test", "Mark Delaney");
    assert_speaker(&["At a rally in Dover, N.H., on Friday, Senator Ann Pruitt of Maine endorsed the governor, saying he would “make a fine president.”"], "fine president", "Ann Pruitt");
    assert_speaker(&["Speaking at a diner in Concord, New Hampshire, Walsh went after his rival, calling him “a total lightweight” on trade."], "lightweight", "Walsh");
    assert_speaker(&["In a statement released Thursday, Rep. Paul Greene (D-N.Y.) reacted to the ruling, saying: “This decision is a disgrace to the court.”"], "disgrace", "Paul Greene");
}

#[test]
fn a_speaker_before_but_now_said() {
    assert_speaker(&["Congressman Dale Hurst once backed the mayor, but now said the city needed “a fresh start and new leadership.”"], "fresh start", "Dale Hurst");
}

#[test]
fn a_partial_quotation_with_no_cue_is_its_subjects() {
    let p = ["Senator Ruth Avery spoke in Des Moines.", "Avery is praising the governor, who left the race on Saturday, as “a man who never took the low road.”"];
    let q = quote_with(&p, "low road");
    assert_eq!(q.rule, "subject");
    assert_eq!(
        q.speaker.and_then(|s| s.name).as_deref(),
        Some("Ruth Avery")
    );
    // A capitalised word that opens the sentence is no speaker unless it is someone's name.
    let p = [
        "“We sold out in an hour,” said promoter Carl Dunn.",
        "Audiences can expect the band to play with “more energy than ever before.”",
    ];
    assert_ne!(speaker_of(&p, "more energy").as_deref(), Some("Audiences"));
}

#[test]
fn a_paragraph_that_ends_in_a_colon_introduces_the_next() {
    let p = [
        "After the attack, Republican nominee Donald Trump issued the following statement:",
        "“Our prayers are with all those affected. This cannot continue.”",
        "“We must do everything in our power to stop it.”",
    ];
    assert_speaker(&p, "Our prayers", "Donald Trump");
    // A paragraph of quotation only after another keeps its speaker.
    assert_speaker(&p, "everything in our power", "Donald Trump");
    assert_speaker(&["Turnout was the story of the night. More from pollster Ann Kemp: “The electorate was younger than any model assumed.”"], "electorate", "Ann Kemp");
}

#[test]
fn a_past_tense_verb_not_in_the_cue_list_after_a_quotation() {
    let p = ["“Nobody here has ever seen a crowd like this,” beamed Linda Morrow of Tulsa."];
    let q = quote_with(&p, "crowd like this");
    assert_eq!(
        q.speaker.and_then(|s| s.name).as_deref(),
        Some("Linda Morrow")
    );
    assert_eq!(q.cue.as_deref(), Some("beamed"));
    assert_speaker(
        &[
            "Anchor Tom Briggs interviewed the mayor.",
            "“Would the tax be negotiable?” Briggs pressed.",
        ],
        "negotiable",
        "Tom Briggs",
    );
}

#[test]
fn a_clause_between_the_quotation_and_its_speaker() {
    assert_speaker(&["“He was going to put the family name on the skyline,” as his mother had hoped, Mr. Delgado said."], "skyline", "Delgado");
    assert_speaker(&["In explaining why those “common-sense reforms” had stalled, Warren described a system rigged against workers."], "common-sense", "Warren");
}

#[test]
fn subjects_after_an_opening_question_or_conjunction() {
    assert_speaker(&["When asked whom she supported, Ms. Patel smiled and said, “I am waiting for someone new to get in the race.”"], "waiting for someone", "Patel");
    assert_speaker(
        &[
            "Governor Ray Hollis had warned about the senator for weeks.",
            "And Mr. Hollis gloated: “I told you he would not be ready.”",
        ],
        "told you",
        "Ray Hollis",
    );
    assert_speaker(&["“Deep tax cuts do not work in an age of high debt,” Martin Cole of the Brookings Institution wrote recently."], "tax cuts", "Martin Cole");
}

#[test]
fn a_saying_with_a_participle_attributes_the_quotation_after_it() {
    assert_speaker(&["Senator Jim Bowers distanced himself from the group by saying he would help if asked. “I am going to support him, and support him fully.”"], "support him fully", "Jim Bowers");
}

#[test]
fn a_quotation_handed_over_by_a_comma_or_a_dash() {
    assert_speaker(
        &["Comedian Jill Baxter interjected, “Ladies and gentlemen, the next president.”"],
        "Ladies and gentlemen",
        "Jill Baxter",
    );
    assert_speaker(&["Senator Lou Marsh also embraced the plan -- “It is the best deal we will get this year.”"], "best deal", "Lou Marsh");
    assert_speaker(&["Still, the race “is a dead heat right now,” as Gov. Ann Ruiz said on the radio on Monday."], "dead heat", "Ann Ruiz");
    assert_speaker(&["The paradox of the first lady, says historian Carl Hooper, is that she was “one of the most powerful in the postwar era.”"], "most powerful", "Carl Hooper");
}

#[test]
fn a_pronoun_in_the_sentence_of_its_subject() {
    assert_speaker(&["Senator Mark Rubin said that in recent days he had begun to question Governor Tom Hale, whom he called “a con artist.”"], "con artist", "Mark Rubin");
    // The gender a title gives rules a person out.
    assert_speaker(&["Mr. Dale Pruitt said Ms. Ana Ortiz was wrong when she called the plan “a disaster for farmers.”"], "disaster for farmers", "Ana Ortiz");
}

#[test]
fn told_takes_an_object_not_a_speaker() {
    let p = ["Senator Lee Dorn did not name his rivals, but told his supporters, “our nation is in real trouble and we must not tear each other down.”"];
    let q = quote_with(&p, "real trouble");
    assert_eq!(q.speaker.and_then(|s| s.name).as_deref(), Some("Lee Dorn"));
}

#[test]
fn a_phrase_after_a_preposition_is_not_the_subject() {
    assert_speaker(&["The break was complete when Governor Sam Ortega in his opening speech called the rival plan “a disgrace to the state.”"], "disgrace to the state", "Sam Ortega");
}

#[test]
fn participles_joined_by_and_share_their_subject() {
    let p = ["Republicans were quick to respond, with Senator Kay Burns tweeting that the report was a “total disaster” and asking, “How can anyone trust this agency again?”"];
    assert_speaker(&p, "trust this agency", "Kay Burns");
    assert_speaker(&p, "total disaster", "Kay Burns");
}

#[test]
fn said_opening_a_sentence_before_the_name() {
    assert_speaker(&["The director spoke after the hearing. Said Raymond Kohl, “The thought that an error on our part played a role is painful.”"], "error on our part", "Raymond Kohl");
    assert_speaker(
        &[
            "Stated Roger Vance:",
            "“I think that the stakes are so high that they would do anything to stay in power.”",
        ],
        "stakes are so high",
        "Roger Vance",
    );
}

#[test]
fn an_opening_adverbial_word_is_no_speaker() {
    assert_speaker(&["Back in 1999, Mr. Hal Drummond praised the senator’s skills, telling reporters: “I wish I could campaign like that.”"], "campaign like that", "Hal Drummond");
    assert_speaker(&["Quickly seizing on the news, Governor Jane Tull blamed her rivals and stressed the threat that “reckless spending” poses to the state."], "reckless spending", "Jane Tull");
}

#[test]
fn a_quotation_paragraph_after_a_paragraph_about_a_person() {
    let p = [
        "Conservative organiser Richard Vail backed the senator early.",
        "Vail is upbeat about the senator’s chances in November, in part because he sees him as a uniter.",
        "“Not only can he win in November, he is the one with the best chance of winning.”",
    ];
    let q = quote_with(&p, "best chance");
    assert_eq!(q.rule, "previous-subject");
    assert_eq!(
        q.speaker.and_then(|s| s.name).as_deref(),
        Some("Richard Vail")
    );
}

#[test]
fn names_with_apostrophes_party_tags_and_openers() {
    assert_speaker(
        &["“Perpetual motion!” Rep. Glenn Tobin, R-Pa., said of the convention floor."],
        "Perpetual motion",
        "Glenn Tobin",
    );
    assert_speaker(
        &["“Our ideas of success are different,” agrees Michelle Stone, 30, of Gainesville, Fla."],
        "ideas of success",
        "Michelle Stone",
    );
    assert_speaker(&["O'Malley, who signed sweeping gun laws as governor, interjected to say: “They have both been inconsistent on this issue.”"], "inconsistent", "O'Malley");
    assert_speaker(&["And then Senator Roy Platt went fully on the attack, saying, “Is the president ever going to name the threat?”"], "name the threat", "Roy Platt");
}

#[test]
fn a_name_right_after_the_quotation_with_a_long_apposition() {
    assert_speaker(&["“The governor needs a plan for the suburbs,” Nate Hollins, the pollster who founded the survey site tweeted on Wednesday."], "plan for the suburbs", "Nate Hollins");
}

#[test]
fn a_wire_dateline_is_not_the_subject() {
    assert_speaker(&["Washington (AFP) – Democrat Hillary Clinton has taken a swipe at her rival, saying that “bombastic comments” do more harm than good."], "bombastic", "Hillary Clinton");
    assert_speaker(&["LONDON — Mayor Sadiq Khan on Monday rejected the offer, saying he was “not interested in being an exception.”"], "exception", "Sadiq Khan");
    assert_speaker(&["Hours later, Governor Bo Tate returned the compliment, telling Reuters, “We have been friends for a long time.”"], "friends for a long time", "Bo Tate");
}
