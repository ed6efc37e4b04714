//! The rules' tests: made-up blocks in the shape of what the corpora carry, with the class and
//! reason each gets, and story text no rule may set aside. Captions, credits and the other
//! families the corpora showed are in [`families`]; the cases issue #19 brought, in [`issue_19`].

mod families;
mod issue_19;

use super::*;

/// Each made-up block (text, at an edge) gets the class and reason given with it.
fn assert_verdicts(rules: &Rules, cases: &[(&str, bool, Kind, &str)]) {
    let wrong: Vec<_> = cases
        .iter()
        .filter_map(|&(text, at_edge, kind, reason)| {
            let verdict = rules.classify_at(text, at_edge).map(|v| (v.kind, v.reason));
            (verdict.as_ref().map(|(k, r)| (*k, r.as_str())) != Some((kind, reason)))
                .then(|| format!("{text}: {verdict:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// No rule sets aside any of these made-up blocks of story text (text, at an edge).
fn assert_story_text(rules: &Rules, cases: &[(&str, bool)]) {
    let wrong: Vec<_> = cases
        .iter()
        .filter_map(|&(text, at_edge)| {
            rules
                .classify_at(text, at_edge)
                .map(|v| format!("{text}: {v:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn builtin_rules_parse() {
    assert!(Rules::parse(BUILTIN, "rules.tsv").is_ok());
}

#[test]
fn chrome_in_several_languages() {
    let rules = Rules::builtin();
    let cases = [
        ("Aller au contenu principal", Kind::Navigation),
        ("Skip to main content", Kind::Navigation),
        ("Ir al contenido principal", Kind::Navigation),
        ("Zum Inhalt springen", Kind::Navigation),
        ("الانتقال إلى المحتوى الرئيسي", Kind::Navigation),
        (
            "Sign up for Daily Newsletters Manage Newsletters",
            Kind::Promo,
        ),
        ("ADVERTISEMENT", Kind::Promo),
        ("Story Continued Below", Kind::Promo),
        ("CLICK HERE TO GET THE FOX NEWS APP", Kind::Promo),
        (
            "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
            Kind::Footer,
        ),
        (
            "The Associated Press contributed to this report.",
            Kind::Footer,
        ),
        ("Tous droits réservés", Kind::Footer),
        ("Image copyright Getty Images", Kind::Credit),
        (
            "The Syrian president meets with North Korea's ambassador in Damascus (SANA/AFP)",
            Kind::Caption,
        ),
        (
            "Enlarge this image toggle caption J. Scott Applewhite/AP J. Scott Applewhite/AP",
            Kind::Caption,
        ),
        ("6 years ago", Kind::Navigation),
        (
            "- Follow the Ticker on Twitter: @PoliticalTicker",
            Kind::Promo,
        ),
        (
            "( Also on POLITICO: Rise of the Rust Belt Republicans)",
            Kind::Promo,
        ),
        ("Write to Jane Doe at jane.doe@example.com", Kind::Footer),
        ("READ MORE:", Kind::Promo),
        ("Do You Support the Plan? Vote Here Now", Kind::Promo),
    ];
    for (text, kind) in cases {
        assert_eq!(rules.classify(text).map(|v| v.kind), Some(kind), "{text}");
    }
}

#[test]
fn story_text_is_left_alone() {
    let rules = Rules::builtin();
    for text in [
        "Syria opened its mission in Pyongyang in 1969.",
        "He said he would follow the talks closely (and/or report back).",
        "The photo, released by AFP, showed the leader at a missile test.",
        "“Read more books,” she told the students.",
        "Like many Americans, she voted early this year.",
        "Tory leader Michael Howard has dismissed the Budget as \"vote now, pay later\" spending plans.",
        "Read: the full text of the speech is below.",
        "Follow-up talks are planned for next week.",
        "The company’s advertising revenue fell by 10 percent in the quarter, the report said, as brands moved to social media and other platforms.",
    ] {
        assert_eq!(rules.classify(text), None, "{text}");
    }
}

/// Each rule added for body blocks that were chrome, with the class and reason it gives;
/// the lines are made up in the shape of what the corpora carry.
#[test]
fn chrome_that_read_as_body() {
    let rules = Rules::builtin();
    let cases = [
        ("Mayor promises new bus lanes for the east side Read more", false, Kind::Promo, "related link 'Read more'"),
        ("see also Storm closes schools across the county Schools in three towns will...", false, Kind::Promo, "related link 'see also'"),
        ("[Watch the mayor answer readers' questions at noon]", false, Kind::Promo, "bracketed link '[Watch the mayor answer readers' questions at noon]'"),
        ("[Read more about how the budget was drawn up.]", false, Kind::Promo, "bracketed link '[Read more about how the budget was drawn up.]'"),
        ("Go deeper: What the new budget means for schools", false, Kind::Promo, "related link 'Go deeper:'"),
        ("For more coverage of the city budget, visit our politics page.", false, Kind::Promo, "related coverage pointer 'For more coverage'"),
        ("Welcome to the Evening Note! Our newsletter gets you up to speed on the day's news.", false, Kind::Promo, "newsletter promotion 'Our newsletter gets you up to speed'"),
        ("To keep this reporting free, become a member and sign up for our newsletter, City Daily.", false, Kind::Promo, "newsletter promotion 'sign up for our newsletter'"),
        ("The Morning Brief Get the day's top stories first. This site is protected by recaptcha", false, Kind::Promo, "newsletter promotion 'This site is protected by recaptcha'"),
        ("Local Politics How The Bus Plan Was Made How The Bus Plan Was Made Listen · 4:12 4:12", false, Kind::Promo, "audio or video player 'Listen · 4:12'"),
        ("Mayor answers questions about the bus plan youtu.be", false, Kind::Promo, "audio or video player 'youtu.be'"),
        ("Residents gather outside the town hall on Monday [File: Jane Roe/Reuters]", false, Kind::Caption, "photo caption with agency credit '[File: Jane Roe/Reuters]'"),
        ("Volunteers fill sandbags by the river [John Doe/Example News] [-]", false, Kind::Caption, "photo caption with agency credit '[John Doe/Example News] [-]'"),
        ("[embedtweet id=12345]", false, Kind::Credit, "media placeholder '[embedtweet id=12345]'"),
        ("Photo credit: Jane Roe / Example Images", false, Kind::Credit, "photo credit 'Photo credit: J'"),
        ("Jane Roe, John Doe and Ann Example", true, Kind::Credit, "byline (names only) 'Jane Roe, John Doe and Ann Example'"),
        ("https://example.com/status/12345", false, Kind::Navigation, "bare link 'https://example.com/status/12345'"),
        ("Jane Roe contributed to this report, which was updated at 9:15 a.m.", false, Kind::Footer, "contributor line 'contributed to this report,'"),
        ("• Jane Roe is a senior fellow at the Example Institute.", true, Kind::Footer, "author bio '• Jane Roe is a senior fellow'"),
        ("Read more from our transport correspondent", false, Kind::Promo, "related link 'Read more from our transport correspondent'"),
        ("The mayor at the opening of the bridge, May 2, 2019. Jane Roe/Example Images via Getty Images", false, Kind::Caption, "photo caption with credit '. Jane Roe/Example Images via Getty Images'"),
        ("A tenant outside her flat. (Jane Roe for Example News)", false, Kind::Caption, "photo caption with credit '(Jane Roe for Example News)'"),
        ("'NO MORE TOLLS' CAMPAIGN WINS THE VOTE ON THE OLD HARBOUR BRIDGE", false, Kind::Promo, "headline of another story, in capitals ''NO MORE TOLLS' CAMPAIGN WINS THE VOTE ON THE OLD HARBOUR B…'"),
        ("CITY COUNCIL VOTES TO RENAME THE OLD HARBOUR BRIDGE AFTER A LOCAL NURSE", false, Kind::Promo, "headline of another story, in capitals 'CITY COUNCIL VOTES TO RENAME THE OLD HARBOUR BRIDGE AFTER A…'"),
        ("Before You Go If you value our journalism, become a member today and get every issue.", false, Kind::Promo, "membership promotion 'If you value our journalism'"),
    ];
    assert_verdicts(&rules, &cases);
}

/// What the new rules must leave alone: story text of the same shapes.
#[test]
fn story_text_like_the_new_rules_stays_body() {
    let rules = Rules::builtin();
    let story = [
        (
            "She told reporters to read more before they judge the plan.",
            false,
        ),
        ("[The mayor later said the figure was wrong.]", false),
        ("Andrew Jackson and John Quincy Adams", false),
        ("Jane Roe and John Doe", false),
        ("Jane Roe", true),
        (
            "4. WHAT THE COUNCIL WILL DO WITH THE OLD HARBOUR BRIDGE NEXT",
            false,
        ),
        (
            "WILL THE COUNCIL RENAME THE OLD HARBOUR BRIDGE AFTER A LOCAL NURSE?",
            false,
        ),
        (
            "“WE WILL NOT RENAME THE OLD HARBOUR BRIDGE AFTER ANYONE AT ALL”",
            false,
        ),
        (
            "An Example News/City Post poll found the bridge plan ahead by nine points.",
            false,
        ),
        ("The Smith/Jones ticket went on to lose the race.", false),
        (
            "He said the bridge would open in May (Jane Roe for Mayor).",
            false,
        ),
        (
            "‘WE WILL NOT RENAME THE OLD HARBOUR BRIDGE AFTER ANYONE AT ALL’",
            false,
        ),
        ("1 2 3 4 5 6 7 8 9 10", false),
        (
            "Jane Roe is a senior fellow at the Example Institute.",
            false,
        ),
        ("The newsletter was first sent in 1998.", false),
        ("Listen to the council: it says the bridge is safe.", false),
    ];
    assert_story_text(&rules, &story);
}

#[test]
fn user_rules_extend_and_bad_lines_are_named() {
    let rules = Rules::with_user_rules(
        "promo\ten\t0\t^Buy the paper\tshop link '{match}'\n",
        "mine.tsv",
    )
    .unwrap();
    assert_eq!(
        rules.classify("Buy the paper today").map(|v| v.kind),
        Some(Kind::Promo)
    );
    let err = Rules::with_user_rules("promo\ten\t0\t(unclosed\tx\n", "mine.tsv").unwrap_err();
    assert!(err.starts_with("mine.tsv:1: bad pattern"), "{err}");
    let err = Rules::with_user_rules("body\ten\t0\tx\ty\n", "mine.tsv").unwrap_err();
    assert!(err.contains("unknown class 'body'"), "{err}");
    let err = Rules::with_user_rules("promo\ten\t0\tx\ty\tmiddle\n", "mine.tsv").unwrap_err();
    assert!(err.contains("unknown where 'middle'"), "{err}");
}
