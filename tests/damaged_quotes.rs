//! Quotations in text whose marks were damaged on the way (issue #19): straight marks,
//! closing marks mangled by a lost encoding (`"?`), apostrophes turned into `"`, paragraph
//! breaks lost, stray marks; and titles listed in marks. Made-up sentences, one per shape.

use corpusdb::extract::quotes::{extract, Kind, Quote};

fn assert_speaker(paragraphs: &[&str], needle: &str, want: &str) {
    let quotes = extract(paragraphs);
    let q = quotes
        .iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?} in {quotes:#?}"));
    assert_eq!(
        q.speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some(want),
        "{paragraphs:?}"
    );
}

/// The quotations (not terms) of an article, as their texts.
fn quote_texts(paragraphs: &[&str]) -> Vec<String> {
    extract(paragraphs)
        .into_iter()
        .filter(|q| q.kind == Kind::Quote)
        .map(|q| q.text)
        .collect()
}

/// No quotation starts or ends inside a word, and each is its paragraph's text.
fn assert_word_edges(paragraphs: &[&str]) {
    for q in extract(paragraphs) {
        let chars: Vec<char> = paragraphs[q.paragraph].chars().collect();
        assert_eq!(
            chars[q.start..q.end].iter().collect::<String>(),
            q.text,
            "{q:?}"
        );
        let mark = |c: char| "\"“”'‘’«»„".contains(c);
        let mut i = q.start;
        while i > 0 && mark(chars[i - 1]) {
            i -= 1;
        }
        assert!(
            !(i > 0
                && i < q.start
                && chars[i - 1].is_alphanumeric()
                && chars[q.start].is_alphanumeric()),
            "starts inside a word: {q:?}"
        );
        let mut j = q.end;
        while j < chars.len() && mark(chars[j]) {
            j += 1;
        }
        assert!(
            !(j < chars.len()
                && j > q.end
                && chars[j].is_alphanumeric()
                && chars[q.end - 1].is_alphanumeric()),
            "ends inside a word: {q:?}"
        );
    }
}

#[test]
fn a_double_mark_between_letters_is_an_apostrophe() {
    let p = ["\"We don\"t know what the council wants and it\"s late,\" Mayor Ellen Porter said."];
    assert_eq!(
        quote_texts(&p),
        ["We don\"t know what the council wants and it\"s late"]
    );
    assert_speaker(&p, "We don", "Ellen Porter");
    assert_word_edges(&p);
}

#[test]
fn a_closing_mark_mangled_to_mark_and_question_mark_closes() {
    // ” read as Windows-1252: `"?`, with the space after it kept or lost.
    for p in [
        "\"The mill will close in the spring,\"? Mayor Ellen Porter said on Tuesday.",
        "\"The mill will close in the spring,\"?Mayor Ellen Porter said on Tuesday.",
    ] {
        let quotes: Vec<Quote> = extract(&[p]);
        assert_eq!(quotes.len(), 1, "{p}");
        assert_eq!(quotes[0].text, "The mill will close in the spring");
        assert_speaker(&[p], "The mill", "Ellen Porter");
    }
    // In a paragraph with a certain one, the others are read the same way, and none of
    // the quotation's text is left with a stray `?`.
    let p = "Porter called the plan \"a mistake\"? and the council \"a disgrace,\"?Garrick said.";
    let texts = quote_texts(&[p]);
    assert!(texts.iter().all(|t| !t.starts_with('?')), "{texts:?}");
    // A question about a quotation is still a question.
    assert_eq!(
        quote_texts(&["Did Porter really say \"the mill will close\"? Nobody asked her."]).len(),
        1
    );
}

#[test]
fn a_lost_paragraph_break_ends_the_open_quotation() {
    // Two paragraphs of one quotation, their break lost: each opens with a mark.
    let p = ["\"The first part of the plan is done and paid for. \"The second part starts in June, when the council votes,\" Mayor Ellen Porter said. The council meets on Monday."];
    assert_eq!(
        quote_texts(&p),
        [
            "The first part of the plan is done and paid for.",
            "The second part starts in June, when the council votes"
        ]
    );
    assert_speaker(&p, "The second", "Ellen Porter");
    assert_word_edges(&p);
}

#[test]
fn a_quotation_never_runs_past_its_paragraph_or_1500_characters() {
    // A mark left open at the end of a paragraph the next does not take up: the quotation
    // stays in its paragraph.
    let p = [
        "Mayor Ellen Porter said: \"The mill will close in the spring.",
        "The council meets on Monday to discuss the budget.",
    ];
    let quotes = extract(&p);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].paragraph, 0);
    // A stray mark in a long body on one line does not swallow the rest of the article.
    let long = format!(
        "The council met in the \"new hall on Monday. {}",
        "The budget was read line by line and nobody spoke against it. ".repeat(40)
    );
    let quotes = extract(&[long.as_str()]);
    assert!(quotes.iter().all(|q| q.end - q.start <= 1500), "{quotes:?}");
    // Nor does a stray mark that pairs with one far away.
    let far = format!(
        "The \"new hall opened. {}Porter called it \"a triumph,\" Garrick said.",
        "The budget was read line by line and nobody spoke against it. ".repeat(40)
    );
    let quotes = extract(&[far.as_str()]);
    assert!(quotes.iter().all(|q| q.end - q.start <= 1500), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.text == "a triumph"), "{quotes:?}");
}

#[test]
fn straight_marks_pair_as_curly_ones_do() {
    let curly = ["“We will win,” Mayor Ellen Porter said, “and we will win soon.”"];
    let straight = ["\"We will win,\" Mayor Ellen Porter said, \"and we will win soon.\""];
    assert_eq!(quote_texts(&curly), quote_texts(&straight));
    assert_speaker(&straight, "and we", "Ellen Porter");
}

#[test]
fn titles_in_a_list_are_terms() {
    let p = ["The jury gave its awards to “Harbour Lights,” “The Long Mill” and “Winter Roads,” the festival said on Sunday."];
    let quotes = extract(&p);
    assert_eq!(quotes.len(), 3);
    assert!(quotes.iter().all(|q| q.kind == Kind::Term), "{quotes:?}");
    let p = ["Garrick said he had read the books \"Dark Harbour\" and \"Mill Town\" twice."];
    assert!(extract(&p).iter().all(|q| q.kind == Kind::Term));
    // What someone says in two quoted sentences is no list of titles.
    let p = ["“We Will Win,” and “We Will Win Soon,” Mayor Ellen Porter said."];
    assert!(extract(&p).iter().any(|q| q.kind == Kind::Quote));
}
