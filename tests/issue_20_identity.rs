//! Identity inside one article (issue #20), on text written for these tests: a title with a
//! gender keeps a surname from a person of the other gender ("Mr. Obama" in an article that
//! names the first lady Michelle Obama), and an organisation named by the last words of a
//! longer name of the article is that organisation ("Policy Center" of the Tax Policy
//! Center).

mod common;

use common::*;
use corpusdb::extract::ner::EntityKind::{self, *};
use corpusdb::link::{self, Gender};

/// The entity names the link stage gives mentions as (kind, text, the words just before it).
fn linked(mentions: &[(EntityKind, &str, &str)]) -> Vec<String> {
    let names: Vec<(EntityKind, &str)> = mentions.iter().map(|&(k, t, _)| (k, t)).collect();
    let genders: Vec<Option<Gender>> = mentions
        .iter()
        .map(|&(_, text, before)| {
            let block = format!("{before}{text}");
            link::title_gender(&block, before.chars().count(), text)
        })
        .collect();
    link::entities_with(&names, &genders)
        .into_iter()
        .map(|e| e.name)
        .collect()
}

#[test]
fn issue_20_titles_say_the_gender_before_a_name() {
    let g = |before: &str, text: &str| {
        link::title_gender(&format!("{before}{text}"), before.chars().count(), text)
    };
    assert_eq!(g("polls show Mr. ", "Obama"), Some(Gender::Male));
    assert_eq!(g("as first lady ", "Michelle Obama"), Some(Gender::Female));
    assert_eq!(g("", "Mrs. Clinton"), Some(Gender::Female));
    assert_eq!(g("said President ", "Obama"), None);
    assert_eq!(g("", "Obama"), None);
    // A title word that is the whole name says nothing of a gender.
    assert_eq!(g("the band ", "Queen"), None);
    // Offsets are code points: an accented word before the title.
    assert_eq!(g("Café owner Mr. ", "Dupont"), Some(Gender::Male));
}

#[test]
fn issue_20_mr_obama_is_not_the_first_lady() {
    // An article about the president (named by title and surname only) that names the
    // first lady once in full: "Mr. Obama" is not her, and neither is the bare surname.
    let names = linked(&[
        (Person, "Obama", "A poll shows Mr. "),
        (Person, "Romney", "Mr. Obama and Mr. "),
        (Person, "Obama", "said President "),
        (Person, "Michelle Obama", "The first lady "),
        (Person, "Obama", ""),
    ]);
    assert_eq!(names[3], "Michelle Obama");
    for i in [0, 2, 4] {
        assert_eq!(names[i], "Obama", "{names:?}");
    }
    // Her own title joins her.
    let names = linked(&[
        (Person, "Michelle Obama", "The first lady "),
        (Person, "Obama", "said Mrs. "),
        (Person, "Obama", ""),
    ]);
    assert_eq!(names, ["Michelle Obama"; 3]);
    // Two full names: the title picks the one of its gender.
    let names = linked(&[
        (Person, "Bill Clinton", "Mr. "),
        (Person, "Hillary Clinton", "Mrs. "),
        (Person, "Clinton", "said Mrs. "),
        (Person, "Clinton", "said Mr. "),
        (Person, "Clinton", ""),
    ]);
    assert_eq!(names[2], "Hillary Clinton");
    assert_eq!(names[3], "Bill Clinton");
    assert_eq!(
        names[4], "Clinton",
        "two people: the bare surname stays apart"
    );
    // A man titled ten times, a woman twice, one full name that says neither: the name is
    // the man's, and the bare surname his; the woman stays apart.
    let mut mentions = vec![(Person, "Tony Blair", "Prime Minister ")];
    mentions.extend([(Person, "Blair", "said Mr ")].repeat(4));
    mentions.extend([(Person, "Blair", "and Mrs ")]);
    mentions.extend([(Person, "Blair", "")]);
    let names = linked(&mentions);
    assert_eq!(names[1..5], ["Tony Blair"; 4]);
    assert_eq!(names[5], "Blair");
    assert_eq!(names[6], "Tony Blair");
    // Without any title, a surname still joins the one full name.
    let names = linked(&[(Person, "Michelle Obama", ""), (Person, "Obama", "")]);
    assert_eq!(names, ["Michelle Obama"; 2]);
}

#[test]
fn issue_20_mr_obama_is_not_the_first_lady_when_loaded() {
    let dir = workdir();
    let text = "Poll shows a tie in Virginia\n\n\
        A poll released on Thursday shows Mr. Obama and Mr. Romney tied at 44 percent in Virginia.\n\n\
        Mr. Obama leads among women by five points, the poll found, and Mr. Romney among men.\n\n\
        First lady Michelle Obama will visit Richmond on Friday to open a campaign office.\n";
    std::fs::write(dir.path().join("poll.txt"), text).unwrap();
    ok(dir.path(), &["--db", "t.db", "load", "-q", "poll.txt"]);
    let conn = open(&dir.path().join("t.db"));
    let wrong = strings(
        &conn,
        "SELECT m.text FROM mentions m JOIN entities e ON e.id = m.entity_id \
         WHERE e.name = 'Michelle Obama' AND m.text NOT LIKE '%Michelle%'",
    );
    assert!(wrong.is_empty(), "joined to Michelle Obama: {wrong:?}");
    let michelle = count(
        &conn,
        "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id \
         WHERE e.name = 'Michelle Obama'",
    );
    assert_eq!(michelle, 1);
}

#[test]
fn issue_20_an_org_named_by_its_last_words_is_the_longer_name() {
    let names = linked(&[
        (Org, "Tax Policy Center", "The "),
        (Org, "Policy Center", "A "),
        (Org, "Senate Judiciary Committee", "the "),
        (Org, "Judiciary Committee", "the "),
    ]);
    assert_eq!(names[1], "Tax Policy Center");
    assert_eq!(names[3], "Senate Judiciary Committee");
    let names = linked(&[
        (Org, "Orbis Housing Policy Center", "the "),
        (Org, "Housing Policy Center", "the "),
    ]);
    assert_eq!(names[1], "Orbis Housing Policy Center");
    // One word and a two-word name: a person's shape, whatever kind the tagger read.
    let names = linked(&[(Org, "Elizabeth Warren", ""), (Org, "Warren", "")]);
    assert_eq!(names[1], "Warren");
    // One word stays itself (a generic one, or a whole name: "Reform" of a span
    // "Conservative and Reform"), and so does a name two longer names end with.
    let names = linked(&[
        (Org, "Tax Policy Center", ""),
        (Org, "Center", "the "),
        (Org, "House Judiciary Committee", ""),
        (Org, "Senate Judiciary Committee", ""),
        (Org, "Judiciary Committee", "the "),
        (Org, "Conservative and Reform", ""),
        (Org, "Reform", ""),
    ]);
    assert_eq!(names[1], "Center");
    assert_eq!(names[4], "Judiciary Committee");
    assert_eq!(names[6], "Reform");
    // A whole name of several words is not the tail of a longer span that took a word
    // before it, nor is an acronym, nor a person's surname.
    let names = linked(&[
        (Org, "Save Star Trek", ""),
        (Org, "Star Trek", "the "),
        (Org, "Acting IRS", ""),
        (Org, "IRS", "the "),
        (Person, "Donald Trump", ""),
        (Org, "Summer of Trump", ""),
        (Org, "Trump", ""),
    ]);
    assert_eq!(names[1], "Star Trek");
    assert_eq!(names[3], "IRS");
    assert_ne!(names[6], "Summer of Trump");
}
