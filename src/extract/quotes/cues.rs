//! Cues: the verbs and phrases from `cues.txt` that say someone said something, found in a
//! sentence, and the channel that relayed a quotation ("…, KCNA reported").

use super::*;

/// Cues in a sentence, in order; a cue word must be lower case ("Said" opening a sentence
/// is rare, "States" in "United States" is not a verb).
pub(super) fn find_cues(p: &Paragraph, sentence: Range<usize>) -> Vec<CueMatch> {
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        let t = &p.tokens[i];
        // "Said Comey, “…”": a verb that inverts may open the sentence, before a name;
        // "According to the agency, “…”" may open it too.
        let first = i == sentence.start;
        let opening = first && p.tokens.get(i + 1).is_some_and(names::is_name_word);
        let capital = t.is_word() && p.chars[t.start].is_uppercase();
        let fits = |cue: &&Cue| {
            if capital {
                cue.role == Role::According || (opening && cue.inverts)
            } else {
                !opening || cue.inverts
            }
        };
        if !t.is_word() || (capital && !first) {
            i += 1;
            continue;
        }
        let candidates = if t.has(class::CUE) {
            LEXICON.cues.get(&*p.lower(i))
        } else {
            None
        };
        let matched = candidates.and_then(|cues| {
            cues.iter()
                .filter(fits)
                .find_map(|cue| match_cue(p, i, sentence.end, &cue.words).map(|m| (m, cue)))
        });
        match matched {
            Some(((span, slot, text), cue)) => {
                i = span.end;
                out.push(CueMatch {
                    span,
                    slot,
                    role: cue.role,
                    inverts: cue.inverts,
                    text,
                });
            }
            None => i += 1,
        }
    }
    out
}

/// Matches cue words from token `start`; `*` takes one to six words. Returns the span, the
/// slot and the cue text without the slot.
pub(super) fn match_cue(
    p: &Paragraph,
    start: usize,
    end: usize,
    words: &[String],
) -> Option<(Range<usize>, Option<Range<usize>>, String)> {
    let mut i = start;
    let mut slot = None;
    let mut text = Vec::new();
    let mut w = 0;
    while w < words.len() {
        if words[w] == "*" {
            let next = words.get(w + 1)?;
            let from = i;
            let to = (from + 1..=(from + 6).min(end))
                .find(|&j| j < end && p.tokens[j].is_word() && p.lower(j) == *next)?;
            if p.tokens[from..to].iter().any(|t| !t.is_word()) {
                return None;
            }
            slot = Some(from..to);
            i = to;
            w += 1;
            continue;
        }
        if i >= end || !p.tokens[i].is_word() || p.lower(i) != words[w] {
            return None;
        }
        text.push(p.tokens[i].text(&p.chars));
        i += 1;
        w += 1;
    }
    Some((start..i, slot, text.join(" ")))
}

/// Whether the quotation at token `qi` hands on to its attribution: it ends in a comma, a
/// question or an exclamation mark inside its marks, or a comma follows it ("…,” he said").
pub(super) fn hands_on(p: &Paragraph, sentence: &Range<usize>, qi: usize) -> bool {
    let Some(q) = p.tokens[qi].quote().and_then(|n| p.quoted.get(n)) else {
        return false;
    };
    let last = p.chars[q.start..q.end]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace());
    let after = p.tokens.get(qi + 1).filter(|_| qi + 1 < sentence.end);
    matches!(last, Some(',' | '?' | '!')) || after.is_some_and(|t| t.is_punct(','))
}

/// A verb of saying that `cues.txt` does not list, in the past tense, right after a
/// quotation that ends in a comma, a question or an exclamation mark, with its subject
/// before or after it: "…,” scoffed Arianna Gil", "…?” Hannity pressed". Returns the
/// subject, its form, the verb's token and the rule.
pub(super) fn verb_after(
    p: &Paragraph,
    sentence: &Range<usize>,
    qi: usize,
    next: Option<&Range<usize>>,
) -> Option<(Range<usize>, Form, usize, &'static str)> {
    if !hands_on(p, sentence, qi) {
        return None;
    }
    // The rest of the sentence, or the next one when the quotation ends its own.
    let rest =
        (qi + 1..sentence.end).find(|&i| p.tokens[i].is_word() || p.tokens[i].quote().is_some());
    let (from, end) = match rest {
        Some(i) => (i, sentence.end),
        None => next.map(|n| (n.start, n.end))?,
    };
    let past = |i: usize| {
        i < end
            && p.tokens[i].is_word()
            && p.chars[p.tokens[i].start].is_lowercase()
            && !p.has(i, class::STOPWORD)
            && {
                let word = p.lower(i);
                word.len() > 4 && word.ends_with("ed")
            }
    };
    if past(from) {
        let (range, form) =
            phrase_after(p, from + 1, end).filter(|(_, form)| *form == Form::Name)?;
        return Some((range, form, from, "quote-cue-speaker"));
    }
    let (range, form) =
        phrase_after(p, from, end).filter(|(r, form)| *form != Form::Nominal && past(r.end))?;
    let verb = range.end;
    Some((range, form, verb, "quote-speaker-cue"))
}

/// The subject of a speech cue before the clause whose subject is `inner`, when that clause
/// is what the cue reports ("Kerr said [that] Garrick had called …"; "Kerr acknowledged
/// that Garrick …"): no quotation, no punctuation, no clause of its own ("… and Garrick
/// said", "… after Garrick said") between. Only a name or a pronoun: "officials said …" is too vague to
/// override a name.
pub(super) fn reporting_cue(
    p: &Paragraph,
    lo: usize,
    inner: &Range<usize>,
    cues: &[CueMatch],
) -> Option<(Range<usize>, Form)> {
    let cue = cues
        .iter()
        .rev()
        .find(|c| c.span.end <= inner.start && c.span.start >= lo)?;
    if cue.role != Role::Speech {
        return None;
    }
    let between = cue.span.end..inner.start;
    // A comma or a subordinating word between them ends what the earlier cue reports:
    // "After Kerr argued that …, Garrick said", "Kerr spoke after Garrick said".
    let joined = between.clone().any(|i| {
        let t = &p.tokens[i];
        t.quote().is_some()
            || (!t.is_word() && !t.is_punct('.'))
            || matches!(
                p.lower(i).as_str(),
                "after"
                    | "before"
                    | "when"
                    | "while"
                    | "as"
                    | "because"
                    | "since"
                    | "if"
                    | "until"
                    | "though"
                    | "although"
                    | "whereas"
                    | "and"
                    | "but"
                    | "which"
                    | "who"
            )
    });
    if joined {
        return None;
    }
    let (range, form) = subject_before(p, lo, cue.span.start)?;
    (form != Form::Nominal && range != *inner).then_some((range, form))
}

/// The name in an attribution set between commas with its verb first, before the quotation:
/// "The paradox of Nancy, says Carl Anthony, is that she was “…”".
pub(super) fn inverted_aside(p: &Paragraph, cue: &CueMatch, qi: usize) -> Option<Range<usize>> {
    let opens = cue.inverts && cue.span.start > 0 && p.tokens[cue.span.start - 1].is_punct(',');
    let (range, form) = phrase_after(p, cue.span.end, qi).filter(|_| opens)?;
    (form == Form::Name && p.tokens[range.end].is_punct(',')).then_some(range)
}

/// A channel named by another cue of the sentence: "…, according to KCNA", "Assad said,
/// KCNA reported".
pub(super) fn channel_in_sentence(
    p: &Paragraph,
    paragraph: usize,
    sentence: &Range<usize>,
    chosen: &CueMatch,
    cues: &[CueMatch],
    speaker: &Phrase,
) -> Option<Phrase> {
    cues.iter().filter(|c| c.span != chosen.span).find_map(|c| {
        let (range, form) = match c.role {
            Role::According => phrase_after(p, c.span.end, sentence.end)?,
            Role::Report if c.span.start > chosen.span.start => {
                phrase_before(p, chosen.span.end, c.span.start)?
            }
            _ => return None,
        };
        (range != speaker.tokens).then_some(Phrase {
            paragraph,
            tokens: range,
            form,
        })
    })
}

pub(super) fn is_cue_word(p: &Paragraph, i: usize) -> bool {
    p.tokens[i].is_word() && p.has(i, class::CUE)
}
