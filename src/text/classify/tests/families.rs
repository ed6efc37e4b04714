//! Families of chrome the corpora showed (agency captions, notices, pointers, bios, credits,
//! name boxes, labels, datelines, bylines, contact lines, time stamps), each beside story text
//! of the same shape that must stay body.

use super::*;

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
