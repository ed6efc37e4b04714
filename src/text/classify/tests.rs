//! The rules' tests: made-up blocks in the shape of what the corpora carry, with the class and
//! reason each gets, and story text no rule may set aside.

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

/// News-agency captions, notices about the article's versions,
/// pointers and broadcast promotions, contact and assistance lines, bios with the role in
/// capitals; made-up lines in the shape of what the corpora carry, each with its class and
/// reason, then story text of the same shapes that must stay body.
#[test]
fn agency_captions_notices_pointers_and_bios_beside_story_text() {
    let rules = Rules::builtin();
    let chrome = [
        ("FILE - In this May 2, 2019, file photo, the mayor speaks at the harbour. The council voted on Monday to rename the bridge. (Example Wire Photo/Jane Roe, File)", false, Kind::Caption, "photo caption with credit '(Example Wire Photo/Jane Roe, File)'"),
        ("FILE - In this May 2, 2019, file photo, the mayor speaks at the harbour. The council voted on Monday.", false, Kind::Caption, "news agency photo caption 'FILE - In'"),
        ("This undated photo provided by the county police shows John Doe. He was arrested on Friday.", false, Kind::Caption, "news agency photo caption 'This undated photo provided'"),
        ("In this image from video, the mayor speaks during the council meeting in Exampleton, Monday, May 4, 2020.", false, Kind::Caption, "news agency photo caption 'In this image from'"),
        ("In this March 7, 2016, photo, the mayor waves to supporters in Exampleton.", false, Kind::Caption, "news agency photo caption 'In this March 7, 2016, photo,'"),
        ("EXAMPLETON, OHIO - JUNE 27: The candidates take part in the second debate.", false, Kind::Caption, "news agency photo caption 'EXAMPLETON, OHIO - JUNE 27: T'"),
        ("The mayor on the new bridge, May 2019. (Example Wire photo: Jane Roe)", false, Kind::Caption, "photo caption with credit '(Example Wire photo: Jane Roe)'"),
        ("The mayor at the opening. (Example Images)", false, Kind::Caption, "photo caption with credit '(Example Images)'"),
        ("(This story corrects the date of the vote in paragraph 4)", false, Kind::Footer, "editorial notice '(This story corrects the date of the vote in paragraph 4)'"),
        ("(We most recently updated this post at 9:10 a.m. ET.)", false, Kind::Footer, "editorial notice '(We most recently updated this post at 9:10 a.m. ET.)'"),
        ("Editor's note: This article has been updated since it was first published.", false, Kind::Footer, "editorial notice 'Editor's note: This article has been updated since it was f…'"),
        ("Editor’s note: As a public service, all our flood coverage is free.", false, Kind::Promo, "free-access notice 'all our flood coverage is free'"),
        ("For more on the city budget, click here.", false, Kind::Promo, "related coverage pointer 'For more on the city budget, click'"),
        ("To learn more about the bridge, read our full explainer.", false, Kind::Promo, "related coverage pointer 'To learn more about the bridge, read'"),
        ("- Check out our election map and game out your own strategy.", false, Kind::Promo, "link set as a list item '- Check out'"),
        ("Watch the full interview with the mayor on Sunday at 9 p.m. ET.", false, Kind::Promo, "promotion of a broadcast 'Watch the full interview with the mayor on Sunday at 9 p.m.…'"),
        ("Listen to the full interview on Example Radio from 1900 GMT.", false, Kind::Promo, "promotion of a broadcast 'Listen to the full interview on Example Radio from 1900 GMT'"),
        ("To contact the reporter on this story:", false, Kind::Footer, "reporter contact line 'To contact the reporter on this story:'"),
        ("Jane Roe in Exampleton at jroe@example.com", false, Kind::Footer, "reporter contact line 'Jane Roe in Exampleton at jroe@example.com'"),
        ("— With assistance by Jane Roe and John Doe", false, Kind::Footer, "reporting credit '— With assistance by Jane Roe and John Doe'"),
        ("By: Jane Roe and John Doe, Example News", false, Kind::Credit, "byline 'By: Jane Roe and John Doe, Example News'"),
        ("Jane Roe is Senior Editor-at-Large at Example News. Her new book is out in May.", true, Kind::Footer, "author bio 'Jane Roe is Senior Editor'"),
        ("The mayor opens the bridge on Monday. | AP Photo Council votes to rename the bridge", false, Kind::Caption, "photo caption with credit 'AP Photo'"),
        ("The mayor at the opening of the bridge, May 4, 2020. Jane Roe | Getty Images", false, Kind::Caption, "photo caption with credit 'Getty Images'"),
        ("Jane Roe/Example Wire The mayor opens the bridge on Monday, May 4, 2020.", false, Kind::Caption, "photo caption with the credit first 'Jane Roe/Example Wire'"),
        ("Jane Roe/Staff/File “The bridge is ours,” says the mayor.", false, Kind::Caption, "photo caption with the credit first 'Jane Roe/Staff/File'"),
        ("J. Scott Doe/AP, FILE", false, Kind::Caption, "photo caption with the credit first 'J. Scott Doe/AP, FILE'"),
        ("Editor's Note:", false, Kind::Promo, "related-links heading (a box label) 'Editor's Note:'"),
        ("(Graphic: Rents in the city since 2010, here)", false, Kind::Promo, "link to a graphic or a related story '(Graphic: Rents in the city since 2010, here)'"),
        ("(SEE RELATED: Council votes to rename the bridge)", false, Kind::Promo, "link to a graphic or a related story '(SEE RELATED: Council votes to rename the bridge)'"),
        ("Illustration by Jane Roe", false, Kind::Credit, "illustration credit 'Illustration by Jane Roe'"),
        ("Example News's editorial opinions are decided by its Editorial Board, separate from the news staff.", false, Kind::Footer, "editorial policy notice 'editorial opinions are decided by'"),
        ("What do you think of the new bridge? Let us know in the comments!", false, Kind::Promo, "call for comments 'Let us know in the comments'"),
        ("Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. Invalid email address.", false, Kind::Promo, "newsletter sign-up form 'Please verify you're not a robot'"),
    ];
    assert_verdicts(&rules, &chrome);
    let story = [
        ("This photograph was taken a month earlier at a protest in another city.", false),
        ("In this case, the picture is the map below: the blue path is the one the marchers took.", false),
        ("Police are taking measures, he said. (PICTURES: The Old Town A Ghost Town As People Stay Home)", false),
        ("This story has a happy ending: the bridge was updated and reopened in May.", false),
        ("For more than a decade the bridge was closed, and residents had to see the river from the quay.", false),
        ("• Watch the vote in the suburbs around Exampleton and in the north of the county. These are two early-closing counties; if the mayor is holding her own there, we have a race, and the count may run late into the night.", false),
        ("Watch for ice on the bridge on Monday morning, the council warned.", false),
        ("Jane Roe is Senior Editor-at-Large at Example News.", false),
        ("Jane Roe is the Director of the Example Institute.", true),
        ("By 2019, the bridge was closed.", true),
        ("Reporting from the harbour, she said, is her favourite part of the job.", false),
        ("Example News/City Post poll Sunday found the mayor ahead by nine points.", false),
        ("City Post/Example News:", false),
        ("The mayor and/or the council will decide.", false),
        ("(The council, by the way, has not met since May.)", false),
        ("Illustration by illustration, the book builds its case.", false),
        ("Exampleton County Judge/Executive Jane Roe, who asked for the grant, said she met the mayor.", false),
        ("Senator Jane Roe Jane Ann RoeCouncil moves the harbour office | Mayor opens the bridge | EPA rule would expand the port MORE said on Monday.", false),
    ];
    assert_story_text(&rules, &story);
}

/// Captions with a credit of several slashed parts, a "FILE
/// PHOTO:" opening or a bracketed credit ending with an agency, name boxes, labels of
/// graphics, maps, quizzes and live pages, pointers to stories listed under them, and
/// video captions credited to YouTube; made-up lines, then story text of the same shapes.
#[test]
fn slashed_credits_name_boxes_labels_and_pointers_beside_story_text() {
    let rules = Rules::builtin();
    let chrome = [
        ("The mayor speaks at the harbour, May 2, 2019. Jane Roe/Example Times/Pool via REUTERS", false, Kind::Caption, "photo caption with credit '. Jane Roe/Example Times/Pool via REUTERS'"),
        ("The bridge at dusk, June 1, 2020. John Doe/Example Herald/via REUTERS", false, Kind::Caption, "photo caption with credit '. John Doe/Example Herald/via REUTERS'"),
        ("FILE PHOTO: The mayor speaks at the harbour in Exampleton, May 2, 2019.", false, Kind::Caption, "news agency photo caption 'FILE PHOTO:'"),
        ("Jane Roe, Example News economics correspondent", false, Kind::Credit, "name box (name and role) 'Jane Roe, Example News economics correspondent'"),
        ("Jane Roe, Example News, White House Reporter", false, Kind::Credit, "name box (name and role) 'Jane Roe, Example News, White House Reporter'"),
        ("John Doe, opinion editor", false, Kind::Credit, "name box (name and role) 'John Doe, opinion editor'"),
        ("Map: The flooded towns", false, Kind::Promo, "link to a graphic, map, quiz or live page 'Map: The flooded towns'"),
        ("( QUIZ: How well do you know the mayor?)", false, Kind::Promo, "link to a graphic, map, quiz or live page '( QUIZ: How well do you know the mayor?)'"),
        ("GRAPHIC: Rents in the city since 2010 - here", false, Kind::Promo, "link to a graphic, map, quiz or live page 'GRAPHIC: Rents in the city since 2010 - here'"),
        ("Timeline: The Bridge Through the Years", false, Kind::Promo, "link to a graphic, map, quiz or live page 'Timeline: The Bridge Through the Years'"),
        ("Live blog: Election night in Exampleton", false, Kind::Promo, "link to a graphic, map, quiz or live page 'Live blog: Election night in Exampleton'"),
        ("For another preview of the vote, check this post from our politics blog:", false, Kind::Promo, "related-links heading (a pointer) 'For another preview of the vote, check this post from our p…'"),
        ("For more on the bridge, see these earlier articles:", false, Kind::Promo, "related-links heading (a pointer) 'For more on the bridge, see these earlier articles:'"),
        ("Police search the harbour in Exampleton on Monday [Example Agency via Reuters]", false, Kind::Caption, "photo caption with agency credit '[Example Agency via Reuters]'"),
        ("The mayor opens the bridge [Jane Roe/Pool/Reuters]", false, Kind::Caption, "photo caption with agency credit '[Jane Roe/Pool/Reuters]'"),
        ("Protesters gather in the square, May 2, 2019 [AFP]", false, Kind::Caption, "photo caption with agency credit '[AFP]'"),
        ("The candidates faced off on Thursday in the second debate. YouTube", false, Kind::Caption, "video caption with credit 'YouTube'"),
        ("Jane Roe, the mayor of Exampleton. (YouTube)", false, Kind::Caption, "video caption with credit 'YouTube'"),
    ];
    assert_verdicts(&rules, &chrome);
    let story = [
        ("Timeline: The council said it aims to open the bridge between March 2021 and May 2021.", false),
        ("TIMELINE: May, 2014 - June, 2016", false),
        ("Jane Roe, 59, editor and community reporter", false),
        ("Jane Roe, the paper's editor, said the bridge would open in May.", false),
        ("The map: a bridge, a road and a river.", false),
        ("He said he would read this story to his children:", true),
        ("An Example News/City Post/Example Radio poll found the bridge plan ahead by nine points.", false),
        ("Leaking the mayor's calls is what police states do. [Bloomberg]", false),
        ("The mayor posted the video on YouTube", false),
        ("Her channel has 2 million followers. She began on YouTube.", false),
    ];
    assert_story_text(&rules, &story);
}

/// Captions whose credit in parentheses goes through an agency or
/// ends with one, credits in capitals opening the caption, uncredited agency captions (a
/// scene and its weekday and full date), links to a graphic alone in their block, and
/// videos credited to a channel on YouTube; made-up lines, then story text of the same shapes.
#[test]
fn agency_credited_captions_and_graphic_links_beside_story_text() {
    let rules = Rules::builtin();
    let chrome = [
        ("The mayor opens the bridge in Exampleton on Tuesday. (Jane Roe/Example Journal via AP)", false, Kind::Caption, "photo caption with credit 'Jane Roe/Example Journal via AP'"),
        ("Police at the harbour after the storm. (John Doe/dpa via AP)", false, Kind::Caption, "photo caption with credit 'John Doe/dpa via AP'"),
        ("The council meets in the old hall, May 2, 2019. (Example Daily/via Reuters)", false, Kind::Caption, "photo caption with credit 'Example Daily/via Reuters'"),
        ("Jane Roe listens to the closing arguments. (John Doe/The Example News via AP, Pool)", false, Kind::Caption, "photo caption with credit 'John Doe/The Example News via AP, Pool'"),
        ("The mayor in 2019 (Jane Roe/Example Agency/Handout via Reuters)", false, Kind::Caption, "photo caption with credit 'Jane Roe/Example Agency/Handout via Reuters'"),
        ("A barge on the river, with the refinery behind it. (Jane Roe / Flickr)", false, Kind::Caption, "photo caption with agency credit 'Jane Roe / Flickr'"),
        ("The harbour at dusk. (jdoe / Flickr)", false, Kind::Caption, "photo caption with agency credit 'jdoe / Flickr'"),
        ("The mayor speaks to the council, June 2, 2020. (John Doe/Reuters )", false, Kind::Caption, "photo caption with agency credit 'John Doe/Reuters'"),
        ("The mayor hugs her brother after the verdict. (Jane Roe / Staff Photographer)", false, Kind::Caption, "photo caption with agency credit 'Jane Roe / Staff Photographer'"),
        ("(For a graphic on the floods, click example.rs/2abcD)", false, Kind::Promo, "link to a graphic or a document 'For a graphic on the floods, click example.rs/2abcD'"),
        ("(Open example.rs/2abcD in an external browser for an interactive)", false, Kind::Promo, "link to a graphic or a document 'Open example.rs/2abcD in an external browser for an interac…'"),
        ("JANE ROE/EXAMPLE NEWS The mayor opens the bridge over the river.", false, Kind::Caption, "photo caption with the credit first 'JANE ROE/EXAMPLE NEWS'"),
        ("JOHN DOE/GETTY IMAGES/THE EXAMPLE MONITOR \u{201c}If you go there now, people ask for schools.\u{201d}", false, Kind::Caption, "photo caption with the credit first 'JOHN DOE/GETTY IMAGES/THE EXAMPLE MONITOR'"),
        ("JOHN DOE/AP", false, Kind::Caption, "photo caption with the credit first 'JOHN DOE/AP'"),
        ("The mayor speaks at the harbour, Tuesday, May 2, 2019, in Exampleton.", false, Kind::Caption, "news agency photo caption (a scene and its date) 'Tuesday, May 2, 2019'"),
        ("Firefighters battle a fire on Saturday, July 6, 2019 in Exampleton, the morning after the storm.", false, Kind::Caption, "news agency photo caption (a scene and its date) 'Saturday, July 6, 2019'"),
        ("People line up to vote at the school in Exampleton on Tuesday, April 7, 2020.", false, Kind::Caption, "news agency photo caption (a scene and its date) 'Tuesday, April 7, 2020'"),
        ("YouTube", false, Kind::Caption, "credit line of an embedded video 'YouTube'"),
        ("Example News YouTube", false, Kind::Caption, "credit line of an embedded video 'Example News YouTube'"),
        ("Jane Roe via YouTube", false, Kind::Caption, "credit line of an embedded video 'Jane Roe via YouTube'"),
        ("examplechannel YouTube", false, Kind::Caption, "credit line of an embedded video 'examplechannel YouTube'"),
        ("The mayor opens the bridge on Tuesday. Example News YouTube", false, Kind::Caption, "video caption with credit 'Example News YouTube'"),
        ("Jane Roe on the Example Show in 2015 (via YouTube)", false, Kind::Caption, "video caption with credit 'YouTube'"),
        ("The mayor on the radio (Example News via YouTube)", false, Kind::Caption, "video caption with credit 'YouTube'"),
        ("The mayor speaks in 2017. (Image via YouTube)", false, Kind::Caption, "video caption with credit 'YouTube'"),
    ];
    assert_verdicts(&rules, &chrome);
    let story = [
        ("(Democrat up 47-45 in Example Today / City poll)", false),
        ("(Bureau Of Statistics, Accessed 9/6/12)", false),
        ("(H/T: Example Wire)", false),
        ("(To keep it short, I'll say DAPA instead of DAPA/DACA+ from here on.)", false),
        ("The mayor's lead grew to nine points (Ipsos/Reuters).", false),
        ("The clerk joined the meeting from home (Jane Roe via Zoom)", false),
        ("More than 30,000 people have died in the country. (Graphic: example.rs/2abcD)", false),
        ("SAN FRANCISCO/WASHINGTON (Example Wire) - The mayor said on Tuesday the bridge would open.", false),
        ("A EXN/ORC survey released Monday showed the mayor ahead.", false),
        ("IN FOCUS/SHARP TAKES", false),
        ("The talks began on Tuesday, May 2, 2019, in Exampleton.", false),
        ("The talks with the council resumed on Tuesday, May 2, 2019.", false),
        ("The signs went up on Monday, June 1, 2020, along the road.", false),
        ("Senate holds on the nominees lasted until Friday, May 5, 2017.", false),
        ("This happened on the morning of Sunday, November 19, 2017.", false),
        ("The caption read: \"The mayor speaks at the harbour, Tuesday, May 2, 2019.\"", false),
        ("On YouTube", false),
        ("Why I Left YouTube", false),
        ("\"It is too hard,\" the mayor said at the meeting. Example News YouTube", false),
        ("He said so on his show. (via YouTube)", false),
        ("The mayor posted the video on YouTube", false),
    ];
    assert_story_text(&rules, &story);
}

/// Links to stories, documents and clips set in the story, wire datelines, chart labels
/// and name boxes; made-up lines, then story text of the same shapes.
#[test]
fn story_links_datelines_and_labels_beside_story_text() {
    let rules = Rules::builtin();
    let chrome = [
        (
            "Read: The quiet crisis in the harbour",
            false,
            Kind::Promo,
            "related link 'Read: The quiet crisis in the harbour'",
        ),
        (
            "NOW WATCH: 'Five things to know about the bridge'",
            false,
            Kind::Promo,
            "related link 'NOW WATCH: 'Five things to know about the bridge''",
        ),
        (
            "READ THE COUNCIL'S LETTER",
            false,
            Kind::Promo,
            "link to a document or another story 'READ THE COUNCIL'S LETTER'",
        ),
        (
            "Read more about the bridge here.",
            false,
            Kind::Promo,
            "link to a document or another story 'Read more about the bridge here.'",
        ),
        (
            "Watch the full interview below:",
            false,
            Kind::Promo,
            "link to a video or audio clip 'Watch the full interview below:'",
        ),
        (
            "Listen to the latest episode of our podcast.",
            false,
            Kind::Promo,
            "link to a video or audio clip 'Listen to the latest episode of our podcast.'",
        ),
        (
            "( See more from Example's Polling Center)",
            false,
            Kind::Promo,
            "related coverage pointer '( See more from Example's Polling Center)'",
        ),
        (
            "More On This... Council approves the bridge",
            false,
            Kind::Promo,
            "related link 'More On This... Council approves the bridge'",
        ),
        (
            "More Great Stories From Example Fair",
            false,
            Kind::Promo,
            "related-links heading 'More Great Stories From Example Fair'",
        ),
        (
            "-- \"Bridge talks stall.\" (The Example Times)",
            false,
            Kind::Promo,
            "link to another outlet's story '-- \"Bridge talks stall.\" (The Example Times)'",
        ),
        (
            "From 'Morning Edition': Jane Roe reports Listen",
            false,
            Kind::Promo,
            "audio player label 'From 'Morning Edition': Jane Roe reports Listen'",
        ),
        (
            "poster=\"http://video.example.com/1.jpg\"",
            false,
            Kind::Promo,
            "video player markup 'poster=\"http://video.example.com/1.jpg\"'",
        ),
        (
            "Editor's note: As a public service, we've removed the paywall for our coverage.",
            false,
            Kind::Promo,
            "free-access notice 'removed the paywall'",
        ),
        (
            "Roe reported from Exampleton.",
            true,
            Kind::Footer,
            "reporter's dateline 'Roe reported from Exampleton.'",
        ),
        (
            "Jane Roe reported from Paris and John Doe from Rome. Contributing: Ann Poe",
            true,
            Kind::Footer,
            "reporter's dateline 'Jane Roe reported from Paris and John Doe from Rome. Contri…'",
        ),
        (
            "This report includes material from the Example Press.",
            true,
            Kind::Footer,
            "reporting credit 'This report includes material from the Example Press.'",
        ),
        (
            "This article contains material from the Example Press.",
            true,
            Kind::Footer,
            "reporting credit 'This article contains material from the Example Press.'",
        ),
        (
            "(Material from Example Wire and the Example Press was used in this story.)",
            false,
            Kind::Footer,
            "reporting credit '(Material from Example Wire and the Example Press was used …'",
        ),
        (
            "From the October 2018 issue: Jane Roe on why bridges fall",
            false,
            Kind::Promo,
            "link to an archive story 'From the October 2018 issue: Jane Roe on why bridges fall'",
        ),
    ];
    assert_verdicts(&rules, &chrome);
    let story = [
        ("Read his full statement below:", false),
        ("Read on for the council's five options.", false),
        ("READ MY LIPS: NO NEW TOLLS", false),
        ("Watch for the vote to be close.", false),
        (
            "\"Listen, this is a very tight race,\" the mayor said.",
            false,
        ),
        (
            "(See the bottom of this post for the full list of votes.)",
            false,
        ),
        ("The mayor asked residents to listen", false),
        (
            "Roe reported from Exampleton for ten years before joining the council.",
            false,
        ),
        (
            "Jane Roe, who has reported from Paris, said the bridge would open.",
            true,
        ),
        (
            "From 2011: the year the bridge closed. It never reopened.",
            false,
        ),
    ];
    assert_story_text(&rules, &story);
}

/// Captions with trailing or piped credits, bylines, contributor and contact lines, time
/// stamps and labelled links; made-up lines, then story text of the same shapes.
#[test]
fn credits_bylines_contacts_and_time_stamps_beside_story_text() {
    let rules = Rules::builtin();
    let chrome = [
        (
            "Shoppers wait outside a store in Exampleton, March 25, 2020. Jane Roe/AP, FILE",
            false,
            Kind::Caption,
            "photo caption with credit 'AP, FILE'",
        ),
        (
            "The mayor opens the bridge. | Jane Roe/AP Photo",
            false,
            Kind::Caption,
            "photo caption with credit 'Jane Roe/AP Photo'",
        ),
        (
            "The bridge at dawn, March 2, 2019. REUTERS/ Jane Roe",
            false,
            Kind::Caption,
            "photo caption with credit 'REUTERS/ Jane Roe'",
        ),
        (
            "Tanks at the harbour on May 21. Photo: jane roe/Reuters",
            false,
            Kind::Caption,
            "photo caption with credit 'Photo: jane roe/Reuters'",
        ),
        (
            "Photograph by Jane Roe/Example/Getty Images.",
            false,
            Kind::Caption,
            "photo credit 'Photograph by Jane Roe/Example/Getty Images.'",
        ),
        (
            "The mayor at the harbour (Reuters: Jane Roe)",
            false,
            Kind::Caption,
            "photo caption with credit 'Reuters: Jane Roe'",
        ),
        (
            "Facebook Twitter Pinterest The bridge at night. Photograph: Jane Roe",
            false,
            Kind::Caption,
            "share buttons and a photo caption 'Facebook Twitter Pinterest'",
        ),
        (
            "Workers on the bridge in Exampleton, Florida. Jane Roe, USA TODAY",
            false,
            Kind::Caption,
            "photo caption with credit 'Jane Roe, USA TODAY'",
        ),
        (
            "Jane Roe and John Doe and Ann Poe",
            true,
            Kind::Credit,
            "byline 'Jane Roe and John Doe and Ann Poe'",
        ),
        (
            "Jane Roe, USA TODAY",
            true,
            Kind::Credit,
            "byline 'Jane Roe, USA TODAY'",
        ),
        (
            "By Jane Roe/Staff writer",
            false,
            Kind::Credit,
            "byline 'By Jane Roe/Staff writer'",
        ),
        (
            "AP Business Writer Jane Roe contributed.",
            false,
            Kind::Footer,
            "contributor line 'AP Business Writer Jane Roe contributed.'",
        ),
        (
            "Jane Roe contributed to this story, which was updated at 8:16 a.m.",
            false,
            Kind::Footer,
            "contributor line 'contributed to this story,'",
        ),
        (
            "Reach Jane Roe on Twitter @janeroe",
            false,
            Kind::Footer,
            "reporter contact line 'Reach Jane Roe on Twitter'",
        ),
        (
            "Jane Roe contributed to this story which was updated at noon.",
            false,
            Kind::Footer,
            "contributor line 'contributed to this story which'",
        ),
        (
            "Follow Jane Roe at https://twitter.com/janeroe",
            false,
            Kind::Footer,
            "reporter contact line 'Follow Jane Roe at https://twitter.com'",
        ),
        (
            "Send tips to jane@example.org.",
            false,
            Kind::Footer,
            "reporter contact line 'Send tips to jane@'",
        ),
        (
            "• Jane Roe, a former judge, is a regular contributor to The Example Times.",
            false,
            Kind::Footer,
            "author bio '• Jane Roe, a former judge, is a'",
        ),
        (
            "— John Doe is the publisher of the Example.",
            false,
            Kind::Footer,
            "author bio '— John Doe is the publisher'",
        ),
        (
            "This article is republished from The Example under a Creative Commons license.",
            false,
            Kind::Footer,
            "syndication note 'republished from The Example under a Creative Commons'",
        ),
        (
            "Updated at 5 a.m. ET Sunday",
            false,
            Kind::Navigation,
            "time stamp 'Updated at 5 a.m. ET Sunday'",
        ),
        (
            "Twitter",
            false,
            Kind::Navigation,
            "sharing button 'Twitter'",
        ),
        (
            "See: Council says the bridge will cost more",
            false,
            Kind::Promo,
            "related link 'See: Council says the bridge will cost more'",
        ),
        (
            "► March 26: Council votes on the bridge",
            false,
            Kind::Promo,
            "related link '► March 26:'",
        ),
        (
            "Click for more from Example.com.",
            false,
            Kind::Promo,
            "related coverage pointer 'Click for more from'",
        ),
        (
            "( Sign up for Example's Morning Bridge tip sheet)",
            false,
            Kind::Promo,
            "newsletter promotion '( Sign up for Example's Morning Bridge tip sheet'",
        ),
        (
            "Catch up on the campaign with our weekly politics podcast",
            false,
            Kind::Promo,
            "podcast promotion 'Catch up on the campaign with our weekly politics podcast'",
        ),
        (
            "COUNCIL DEMS BLAST MAYOR OVER BRIDGE COSTS",
            false,
            Kind::Promo,
            "headline of another story, in capitals 'COUNCIL DEMS BLAST MAYOR OVER BRIDGE COSTS'",
        ),
    ];
    assert_verdicts(&rules, &chrome);
    let story = [
        ("A LOOK AT THE HISTORICAL CONTEXT", false),
        ("TOO FAST TOO FURIOUS (DIGITAL BRIDGES)", false),
        ("WITH YOUR SECOND CUP OF COFFEE…", false),
        ("Don't Hurt People and Don't Take Their Stuff", true),
        (
            "► We know that the council discussed the bridge before the vote.",
            false,
        ),
        ("Jane Roe, US District Court for DC", true),
        ("Updated at 10:20 p.m. -- Council concedes the vote", false),
        (
            "Jane Roe is a teacher in Exampleton who opposes the bridge.",
            false,
        ),
        ("See the full list of votes below.", false),
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
