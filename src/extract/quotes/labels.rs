//! Speakers named without a cue: the subject before a colon, a transcript's label opening
//! the quotation ("“KERR: …”"), a name after a dash that follows it ("“…” — Ann Kerr").

use super::*;

/// Who speaks the quotation after the colon at token `colon`: a name that is all the words
/// before it ("Stated Stone:", "More from Jones:", "… - Philip Bump:"), else the clause's
/// subject ("She then addressed the supporters again:", "Trump issued this statement:").
pub(super) fn colon_subject(
    p: &Paragraph,
    start: usize,
    colon: usize,
) -> Option<(Range<usize>, Form)> {
    let alone =
        phrase_after(p, start, colon).filter(|(r, form)| *form == Form::Name && r.end == colon);
    let labelled = || {
        let label = |r: &Range<usize>| {
            r.start == start
                || matches!(
                    p.tokens[r.start - 1].kind,
                    TokenKind::Punct('-' | '—' | '–')
                )
                || p.lower(r.start - 1) == "from"
        };
        phrase_before(p, start, colon)
            .filter(|(r, form)| *form == Form::Name && r.end == colon && label(r))
    };
    alone
        .or_else(labelled)
        .or_else(|| opening_phrase(p, start, colon))
}

/// The label a transcript opens a quotation with, in code points of the paragraph: one to
/// three words in capitals, then a colon ("“PENCE: Well, …”", "“AMY GOODMAN: …”").
pub(super) fn label_in(chars: &[char], q: &Quoted) -> Option<Range<usize>> {
    let start = (q.start..q.end).find(|&i| !chars[i].is_whitespace())?;
    let colon = (start..q.end.min(start + LABEL_CHARS)).find(|&i| chars[i] == ':')?;
    let capitals = |w: &&[char]| {
        w.iter().filter(|c| c.is_alphabetic()).count() >= 2
            && w[0].is_uppercase()
            && w.iter()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let words = chars[start..colon].split(|c| *c == ' ');
    (words.clone().count() <= 3 && words.clone().all(|w| capitals(&w))).then_some(start..colon)
}

/// The transcript label of the quotation `q`, when it names a person: two or three words
/// that are none of the lexicon's words (titles, function words, "news") nor a place or an
/// organisation the gazetteer knows ("AMY GOODMAN", not "BREAKING NEWS" or "THE PRESIDENT"),
/// or one word that ends the name of a person named in the article ("PENCE" once "Mike
/// Pence" is written; not "UPDATE" or "GOP").
pub(super) fn speaker_label(p: &Paragraph, names: &Names, q: &Quoted) -> Option<Range<usize>> {
    let range = label_in(&p.chars, q)?;
    let label: String = p.chars[range.clone()].iter().collect();
    let known = |w: &str| {
        let w = w.to_lowercase();
        LEXICON.classes.contains_key(&w)
            || LEXICON.not_person.contains(&w)
            || LEXICON.not_speaker_labels.contains(&w)
    };
    let named = if label.contains(' ') {
        !label.split(' ').any(known) && gazetteer().lookup(&label).next().is_none()
    } else {
        names.person_ending_in(&label).is_some()
    };
    named.then_some(range)
}

/// The speaker after a dash that follows the quotation at token `qi`, and the outlet if
/// one is named with it: "“…” — Ann Kerr", "“…” -- Ann Kerr (@annkerr) May 2, 2016",
/// "“…” — Ann Kerr, The Harbour Gazette". The quotation opens its sentence or follows a
/// colon or another quotation's dash and name (not "the plan — “Vote Kerr” — Garrick has
/// …"). In a paragraph that is all
/// quotation the dash may open the next paragraph, a short one.
pub(super) fn dash_speaker(
    p: &Paragraph,
    paragraph: usize,
    sentence: &Range<usize>,
    qi: usize,
    next: Option<&Paragraph>,
    names: &Names,
) -> Option<(Phrase, Option<Phrase>)> {
    // Or follows another quotation's dash and name: quotations listed one after another
    // with their speakers ("“…” — Ann Kerr “…” — Tom Garrick") on a line whose breaks
    // were lost.
    let listed = || {
        let before = (sentence.start..qi)
            .rev()
            .find(|&i| p.tokens[i].quote().is_some())?;
        let (speaker, _) = after_dash(p, paragraph, before + 1, names)?;
        Some(speaker.tokens.end == qi)
    };
    let opens = qi == sentence.start || p.tokens[qi - 1].is_punct(':') || listed() == Some(true);
    let here = || after_dash(p, paragraph, qi + 1, names).filter(|_| opens);
    let line = || {
        let next = next.filter(|n| {
            n.tokens.len() <= ATTRIBUTION_LINE_TOKENS && p.tokens.iter().all(|t| !t.is_word())
        })?;
        after_dash(next, paragraph + 1, 0, names)
    };
    here().or_else(line)
}

/// The name of a person after the dash at token `at` ("— Ann Kerr"), titles and all
/// ("— Psychologist Ann Kerr"), and the outlet after a comma or "to" when it ends the
/// attribution and the gazetteer or a word such as "Times" says it is one ("— Ann Kerr to
/// the Harbour Times").
pub(super) fn after_dash(
    p: &Paragraph,
    paragraph: usize,
    at: usize,
    names: &Names,
) -> Option<(Phrase, Option<Phrase>)> {
    let dash = |i: usize| {
        p.tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if DASHES.contains(&c)))
    };
    if !dash(at) {
        return None;
    }
    // "--" is two tokens.
    let from = if dash(at + 1) { at + 2 } else { at + 1 };
    let end = p
        .sentences
        .iter()
        .find(|s| s.contains(&from))
        .map_or(p.tokens.len(), |s| s.end);
    let (range, form) = phrase_after(p, from, end)
        .filter(|(r, form)| *form == Form::Name && names_person(p, names, r))?;
    let speaker = Phrase {
        paragraph,
        tokens: range.clone(),
        form,
    };
    let outlet = |(r, _): &(Range<usize>, Form)| {
        let last = (r.end..end).all(|i| p.tokens[i].is_punct('.'))
            || (p.tokens[r.end].is_punct(',')
                && p.tokens
                    .get(r.end + 1)
                    .is_some_and(|t| p.chars[t.start].is_numeric()));
        let text: String = p.chars[p.tokens[r.start].start..p.tokens[r.end - 1].end]
            .iter()
            .collect();
        let known = || {
            gazetteer()
                .lookup(&text)
                .any(|e| matches!(e.category, Category::Outlet | Category::Agency))
        };
        last && (r.clone().any(|i| p.has(i, class::CHANNEL)) || known())
    };
    let linked =
        range.end < end && (p.tokens[range.end].is_punct(',') || p.lower(range.end) == "to");
    let via = linked
        .then(|| phrase_after(p, range.end + 1, end).filter(outlet))
        .flatten()
        .map(|(tokens, form)| Phrase {
            paragraph,
            tokens,
            form,
        });
    Some((speaker, via))
}

/// Whether a phrase after a dash names a person: a name of two words or more, or one word
/// after a capitalised title ("President Kerr", "Mr. Kerr") or that is a person's surname in
/// the article; no determiner ("the Authorization") and no headline in capitals.
pub(super) fn names_person(p: &Paragraph, names: &Names, range: &Range<usize>) -> bool {
    let first = &p.tokens[range.start];
    let headline = p.chars[first.start..p.tokens[range.end - 1].end]
        .iter()
        .all(|c| !c.is_lowercase());
    if headline || p.has(range.start, class::DETERMINER) {
        return false;
    }
    let Some(part) = names::run_before(&p.tokens[..range.end], range.end)
        .and_then(|run| names::name_part(&p.tokens, run))
    else {
        return false;
    };
    let titled = names::is_title(first) && p.chars[first.start].is_uppercase();
    part.len() > 1
        || titled
        || names
            .person_ending_in(&p.tokens[part.start].text(&p.chars))
            .is_some()
}

/// Whether a subject found by its place alone (no cue) names a person: a pronoun but "it",
/// a name of two words or more, or one capitalised word that is a person's surname
/// ("Cruz"; not "Audiences" or "Specifically" opening the sentence).
pub(super) fn is_person(
    p: &Paragraph,
    names: &Names,
    paragraph: usize,
    range: &Range<usize>,
    form: Form,
) -> bool {
    match form {
        Form::Pronoun => p.lower(range.start) != "it",
        Form::Nominal => false,
        Form::Name => {
            range.len() > 1 || names.is_surname(&p.tokens[range.start].text(&p.chars), paragraph)
        }
    }
}
