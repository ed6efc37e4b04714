//! Issue #19: running text kept as body when one phrase matches a rule, date lines alone at
//! the edges, captions ending in a credit label.

use super::*;

/// Issue #19: whole articles were filed as photo captions because a credit appears
/// somewhere in them ("… (AFP/Reuters)").
#[test]
fn issue_19_running_text_is_not_set_aside_for_one_phrase() {
    let rules = Rules::builtin();
    for story in [
        "Leaders met in the capital on Monday to discuss the border. The talks lasted for six hours behind closed doors. Neither side gave details of what was agreed. The next round is due in May (AFP/Reuters)",
        "The council voted on Monday to build the bridge over the river. Work starts in May and should take three years. The mayor said the vote was a good day for the town. (Jane Roe/Example News)",
        "READ MORE: the council met on Monday and voted for the bridge. Work starts in May and will take three years. The mayor called it a good day for the town. The vote was close on the night.",
    ] {
        assert_eq!(rules.classify(story), None, "{story}");
    }
    // A caption of two sentences, and a gallery's or an agency's caption however long, are
    // set aside.
    let agency = "FILE - In this May 2, 2019 file photo, the mayor speaks at the harbour. The council voted for the bridge on Monday. Work on it starts in May and will take three years. (AP Photo/Jane Roe, File)";
    assert_eq!(rules.classify(agency).map(|v| v.kind), Some(Kind::Caption));
    assert_eq!(
        rules
            .classify(
                "The mayor opens the bridge on Monday. Crowds cheer on the bank. (Photo: Jane Roe)"
            )
            .map(|v| v.kind),
        Some(Kind::Caption)
    );
    let gallery = "Photos: The bridge The mayor opens the bridge on Monday morning. Crowds gather on the river bank to watch the boats go by. A band plays on the old quay after the ceremony. Children run along the quay. Hide Caption 3 of 12";
    assert_eq!(rules.classify(gallery).map(|v| v.kind), Some(Kind::Caption));
    // Rules whose classes are not guarded (an author's bio at the edge) still apply.
    let bio = "Jane Roe is a reporter for the Example Times. She covers the city council and its budget. She has lived in the town for twenty years.";
    assert_eq!(
        rules.classify_at(bio, true).map(|v| v.kind),
        Some(Kind::Footer)
    );
    // The chrome the cutter (text/blocks/cut.rs) gives blocks of their own.
    assert_verdicts(
        &rules,
        &[
            (
                "Facebook Twitter Google+ Email",
                false,
                Kind::Navigation,
                "sharing buttons 'Facebook Twitter Google+ Email'",
            ),
            (
                "Share Tweet Email Newsvine Permalink",
                false,
                Kind::Navigation,
                "sharing buttons 'Share Tweet Email Newsvine Permalink'",
            ),
            (
                "Source: Al Jazeera and news agencies",
                false,
                Kind::Footer,
                "the story's sources 'Source: Al Jazeera and news agencies'",
            ),
        ],
    );
    assert_story_text(
        &rules,
        &[
            ("Source: A poll of 1,000 voters by Example News", false),
            ("Facebook and Twitter said they would comply.", false),
        ],
    );
}

/// Issue #19: a date or time stamp standing alone at an article's edge is set aside; the same
/// date in the middle (a timeline's entry), a time alone (a live blog's entry), a date leading
/// into what follows, and story sentences with dates in them are not.
#[test]
fn issue_19_date_lines_alone_at_the_edges_are_time_stamps() {
    let rules = Rules::builtin();
    let stamp = |s: &str| format!("time stamp '{s}'");
    let cases: Vec<(&str, String)> = [
        "Monday, March 3, 2031",
        "3 March 2031 Last updated at 10:15 GMT",
        "Mar. 3, 2031, 4:05 PM",
        "11:20 AM, TUE 4 MAR 2031",
        "Published Wednesday, March 5, 2031 at 9:12 PM",
        "posted Mar 6th, 2031 at 1:23 PM",
    ]
    .iter()
    .map(|s| (*s, stamp(s)))
    .collect();
    let cases: Vec<_> = cases
        .iter()
        .map(|(t, r)| (*t, true, Kind::Navigation, r.as_str()))
        .collect();
    assert_verdicts(&rules, &cases);
    assert_story_text(
        &rules,
        &[
            ("Monday, March 3, 2031", false),
            ("March, 2031", false),
            ("8:20 a.m.", true),
            ("Saturday, March 8:", true),
            ("The council meets on Monday, March 3, 2031.", true),
            ("March on the capital", true),
            ("May 2031 be a better year", true),
        ],
    );
}

/// Issue #19: a caption ending in a credit label with no parentheses ("Image: Jane Roe.") is
/// a caption; a story sentence naming a photo or an image is not.
#[test]
fn issue_19_captions_ending_in_a_credit_label() {
    let rules = Rules::builtin();
    assert_verdicts(
        &rules,
        &[
            (
                "The far end of the fair's hall, shortly after opening on Friday. Image: Jane Roe.",
                false,
                Kind::Caption,
                "photo caption with credit 'Image: Jane Roe.'",
            ),
            (
                "A robot at the Example Labs booth Photo: Example News",
                false,
                Kind::Caption,
                "photo caption with credit 'Photo: Example News'",
            ),
            (
                "The mayor at the bridge. Photograph: Example Wire",
                false,
                Kind::Caption,
                "photo caption with credit 'Photograph: Example Wire'",
            ),
        ],
    );
    assert_story_text(
        &rules,
        &[
            (
                "The mayor posted the image: a bridge at dawn, lit in blue.",
                false,
            ),
            (
                "The label read Image: Jane Roe, and nobody knew who she was. The fair went on.",
                false,
            ),
        ],
    );
}
