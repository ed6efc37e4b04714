//! Quotations with no cue of their own take a speaker from around them: the quotation they
//! continue, another in their paragraph, or the paragraph before.

use super::*;

/// Gives quotations with no cue of their own the speaker of the quotation they belong to:
/// the one the previous paragraph left open; else the nearest attributed quotation or
/// saying before it in its paragraph (after it if there is none before); else, for a
/// paragraph of quotation only, what the last sentence of the paragraph before attributes.
pub(super) fn inherit(
    parsed: &[Option<Paragraph>],
    names: &Names,
    found: &mut [Found],
    said: &[Said],
) {
    for i in 0..found.len() {
        if found[i].own || found[i].kind == Kind::Term {
            continue;
        }
        let (paragraph, at) = (found[i].paragraph, found[i].quoted.open);
        let opens_paragraph = parsed[paragraph]
            .as_ref()
            .is_some_and(|p| p.tokens.first().is_some_and(|t| t.quote() == Some(0)));
        let first_in_paragraph = i == 0 || found[i - 1].paragraph != paragraph;
        let open_before = (0..i).rev().find(|&j| {
            found[j].kind == Kind::Quote
                && found[j].paragraph + 1 == paragraph
                && found[j].quoted.close.is_none()
        });
        if let Some(j) = open_before.filter(|_| opens_paragraph && first_in_paragraph) {
            found[i].continues = Some(j);
            let source = found[j].clone();
            give(
                &mut found[i],
                source.speaker,
                source.cue,
                source.via,
                "continued",
            );
            continue;
        }
        let here = sources(found, said, paragraph);
        let nearest = here
            .iter()
            .rev()
            .find(|s| s.at < at)
            .or_else(|| here.iter().find(|s| s.at > at));
        if let Some(s) = nearest.cloned() {
            give(&mut found[i], s.speaker, s.cue, s.via, "same-paragraph");
        } else if paragraph > 0 && all_quotation(parsed, paragraph) {
            // What the paragraph before attributes; or, when it is all quotation too, the
            // speaker its last quotation was given.
            let before = sources(found, said, paragraph - 1).pop().or_else(|| {
                let last = (0..i).rev().find(|&j| {
                    found[j].paragraph + 1 == paragraph && found[j].kind == Kind::Quote
                })?;
                let f = &found[last];
                (all_quotation(parsed, paragraph - 1) && f.speaker.is_some()).then(|| Source {
                    at: f.quoted.open,
                    speaker: f.speaker.clone(),
                    cue: f.cue.clone(),
                    via: f.via.clone(),
                })
            });
            if let Some(s) = before {
                give(&mut found[i], s.speaker, s.cue, s.via, "previous-paragraph");
            } else if let Some(speaker) = parsed[paragraph - 1]
                .as_ref()
                .and_then(|p| last_subject(p, names, paragraph - 1))
            {
                // "Viguerie is upbeat about Cruz’s chances." then “Not only can Cruz win …”:
                // the person the paragraph before is about.
                give(&mut found[i], Some(speaker), None, None, "previous-subject");
            }
        }
    }
}

/// The person named as the subject of a paragraph's last sentence, when it has no
/// quotation.
pub(super) fn last_subject(p: &Paragraph, names: &Names, paragraph: usize) -> Option<Phrase> {
    let sentence = p.sentences.last()?;
    if p.tokens[sentence.clone()]
        .iter()
        .any(|t| t.quote().is_some())
    {
        return None;
    }
    let (range, form) = opening_phrase(p, sentence.start, sentence.end)
        .filter(|(r, form)| *form == Form::Name && is_person(p, names, paragraph, r, *form))?;
    Some(Phrase {
        paragraph,
        tokens: range,
        form,
    })
}

/// Who said something at a place in a paragraph: an attributed quotation or a saying.
#[derive(Clone)]
pub(super) struct Source {
    at: usize,
    speaker: Option<Phrase>,
    cue: Option<String>,
    via: Option<Phrase>,
}

/// The attributed quotations and sayings of a paragraph, by position.
pub(super) fn sources(found: &[Found], said: &[Said], paragraph: usize) -> Vec<Source> {
    let quotes = found
        .iter()
        .filter(|f| f.paragraph == paragraph && f.own)
        .map(|f| Source {
            at: f.quoted.open,
            speaker: f.speaker.clone(),
            cue: f.cue.clone(),
            via: f.via.clone(),
        });
    let sayings = said
        .iter()
        .filter(|s| s.paragraph == paragraph)
        .map(|s| Source {
            at: s.at,
            speaker: Some(s.speaker.clone()),
            cue: s.cue.clone(),
            via: None,
        });
    let mut all: Vec<Source> = quotes.chain(sayings).collect();
    all.sort_by_key(|s| s.at);
    all
}

pub(super) fn give(
    f: &mut Found,
    speaker: Option<Phrase>,
    cue: Option<String>,
    via: Option<Phrase>,
    rule: &'static str,
) {
    if speaker.is_some() || rule == "continued" {
        f.rule = rule;
    }
    f.speaker = speaker;
    f.cue = cue;
    f.via = via;
}

/// A paragraph whose words are all inside quotation marks.
pub(super) fn all_quotation(parsed: &[Option<Paragraph>], paragraph: usize) -> bool {
    parsed[paragraph]
        .as_ref()
        .is_some_and(|p| p.tokens.iter().all(|t| !t.is_word()))
}
