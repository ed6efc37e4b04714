//! Noun phrases that may be a speaker: before a cue (with appositions, titles and party
//! tags), after it ("said Assad"), a clause's subject, the phrase that opens a sentence.

use super::*;

/// The noun phrase that ends just before token `end`, not reaching before `lo`: a name
/// with its titles, a pronoun or a phrase such as "the spokesman". Words such as "also" or
/// "has" between it and `end` are skipped, and so is an apposition between commas.
pub(super) fn phrase_before(p: &Paragraph, lo: usize, end: usize) -> Option<(Range<usize>, Form)> {
    let mut e = end;
    while e > lo {
        let n = skippable(p, lo, e);
        if n == 0 {
            break;
        }
        e -= n;
    }
    if e > lo && p.tokens[e - 1].is_punct(')') {
        let open = (lo..e - 1).rev().find(|&i| p.tokens[i].is_punct('('))?;
        e = open;
    }
    if e > lo && p.tokens[e - 1].is_punct(',') {
        // "Gov. John Kasich (R-OH), said": no apposition, a parenthesis before the comma.
        let parenthesis = e >= 2 && e - 2 > lo && p.tokens[e - 2].is_punct(')');
        return apposition_before(p, lo, e - 1).or_else(|| {
            if parenthesis {
                phrase_before(p, lo, e - 1)
            } else {
                None
            }
        });
    }
    if e <= lo {
        return None;
    }
    let last = e - 1;
    let t = &p.tokens[last];
    if p.has(last, class::PRONOUN) {
        if p.lower(last) == "who" {
            // "Trump, who …" : the phrase before the comma.
            return (last > lo && p.tokens[last - 1].is_punct(','))
                .then(|| phrase_before(p, lo, last - 1))
                .flatten();
        }
        return Some((last..e, Form::Pronoun));
    }
    if names::is_name_word(t) {
        let mut run = names::run_before(&p.tokens[..e], e)?;
        // The run that names the person: "Gov. Jeb Bush" in "Gov. Jeb Bush of Florida".
        let mut person = run.clone();
        // "Stacy Baker of Columbia, South Carolina says": a place, its comma and its state.
        if run.start >= 4 && run.start > lo + 3 && p.tokens[run.start - 1].is_punct(',') {
            let after_of = |r: &Range<usize>| {
                r.start > lo + 2
                    && p.has(r.start - 1, class::OF)
                    && names::is_name_word(&p.tokens[r.start - 2])
                    && !names::is_title(&p.tokens[r.start - 2])
            };
            if let Some(place) =
                names::run_before(&p.tokens[..run.start - 1], run.start - 1).filter(after_of)
            {
                run = place;
            }
        }
        // "Ann Kerr, president and CEO of the Harbour Trust said": an apposition whose
        // closing comma is missing ends in the organisation's name; the speaker is the name
        // before its opening comma, not the organisation (nor "CEO of the Harbour Trust").
        if let Some(found) = open_apposition(p, lo, e) {
            return Some(found);
        }
        // "Gov. Jeb Bush of Florida": the name before "of" and a place.
        // "James Pethokoukis of the American Enterprise Institute" too, and a chain of
        // them ("Archbishop Jan Kowal of the Polish Mission of Chicago"): the first name.
        for _ in 0..3 {
            let of = if run.start > lo + 2 && p.lower(run.start - 1) == "the" {
                run.start - 2
            } else {
                run.start.saturating_sub(1)
            };
            if !(of >= 1
                && of > lo
                && p.has(of, class::OF)
                && names::is_name_word(&p.tokens[of - 1])
                && !names::is_title(&p.tokens[of - 1]))
            {
                break;
            }
            let Some(found) = names::run_before(&p.tokens[..of], of) else {
                break;
            };
            person = found.clone();
            run = found.start..e;
        }
        let start = titles_before(p, lo.max(run.start.saturating_sub(4)), run.start);
        let start = start.max(lo);
        let has_name = names::name_part(&p.tokens, person).is_some();
        return Some((start..e, if has_name { Form::Name } else { Form::Nominal }));
    }
    if t.is_word() && !p.has(last, class::STOPWORD) && !is_cue_word(p, last) {
        // "the spokesman", "a senior administration official", "officials".
        let from = e.saturating_sub(NOMINAL_WORDS).max(lo);
        let mut i = last;
        while i > from {
            let prev = i - 1;
            let w = &p.tokens[prev];
            if p.has(prev, class::DETERMINER) {
                return Some((prev..e, Form::Nominal));
            }
            let inside = w.is_word()
                && (!p.has(prev, class::STOPWORD) || p.has(prev, class::OF))
                && !is_cue_word(p, prev);
            if !inside {
                break;
            }
            if w.is_possessive() {
                // "Clinton's spokesman", "the North's state-run agency": the possessor (and
                // its determiner) opens the phrase.
                let start = if prev > lo && p.has(prev - 1, class::DETERMINER) {
                    prev - 1
                } else {
                    prev
                };
                return Some((start..e, Form::Nominal));
            }
            i = prev;
        }
        // A bare plural ("officials said", "aides say").
        let word = p.lower(last);
        if word.ends_with('s') && !word.ends_with("ss") && i == last {
            return Some((last..e, Form::Nominal));
        }
    }
    None
}

/// The name before an apposition that opens with a comma and is not closed before `end`:
/// "Ann Kerr, president and CEO of the Harbour Trust" (said). The apposition is a role
/// (words in lower case, titles, acronyms) then a preposition ("of", "for", "at") and the
/// organisation's name, so that a list ("Kerr, Smith and Jones") or a clause ("Kerr, who
/// runs the Trust") is no apposition.
pub(super) fn open_apposition(
    p: &Paragraph,
    lo: usize,
    end: usize,
) -> Option<(Range<usize>, Form)> {
    let from = end.saturating_sub(APPOSITION_TOKENS).max(lo);
    let comma = (from..end).rev().find(|&j| !p.tokens[j].is_word())?;
    if !p.tokens[comma].is_punct(',') {
        return None;
    }
    let words = comma + 1..end;
    // The organisation: name words, "the", "of" after the last preposition.
    let link = words
        .clone()
        .rev()
        .find(|&j| matches!(p.lower(j).as_str(), "of" | "for" | "at"))?;
    let organisation = (link + 1..end)
        .all(|j| names::is_name_word(&p.tokens[j]) || matches!(p.lower(j).as_str(), "the" | "of"));
    // A role in lower case, or a title or an acronym in it ("president and CEO").
    let role_word = |j: usize| {
        let t = &p.tokens[j];
        let word = &p.chars[t.start..t.end];
        let lower = word[0].is_lowercase()
            || names::is_title(t)
            || (word.len() > 1 && word.iter().all(|c| c.is_uppercase()));
        lower
            && !is_cue_word(p, j)
            && !p.has(j, class::PRONOUN)
            && (!p.has(j, class::STOPWORD)
                || p.has(j, class::DETERMINER)
                || p.has(j, class::OF)
                || matches!(p.lower(j).as_str(), "and" | "for" | "at"))
    };
    let role = link > comma + 1 && (comma + 1..link).all(role_word);
    if !(organisation && role && link + 1 < end) {
        return None;
    }
    phrase_before(p, lo, comma).filter(|(r, form)| *form == Form::Name && r.end == comma)
}

/// The subject right before a verb at `end`: [`phrase_before`], but a noun phrase after a
/// preposition is no subject ("Trump in his announcement speech called": Trump).
pub(super) fn subject_before(p: &Paragraph, lo: usize, end: usize) -> Option<(Range<usize>, Form)> {
    let found = phrase_before(p, lo, end)?;
    let start = found.0.start;
    let preposition = found.1 == Form::Nominal
        && start > lo + 1
        && p.tokens[start - 1].is_word()
        && LEXICON.prepositions.contains(&*p.lower(start - 1));
    let adjacent = (found.0.end..end).all(|i| p.tokens[i].is_word());
    if preposition && adjacent {
        if let Some(subject) = phrase_before(p, lo, start - 1) {
            return Some(subject);
        }
    }
    Some(found)
}

/// The phrase before an apposition that ends with the comma at `comma`: "Mun Jong Nam, the
/// ambassador, said"; "Harry Bond, 30, of Raleigh, N.C., who was polled, said" (the
/// farthest comma that opens an apposition and follows a name or pronoun wins); or the
/// apposition itself when it is the name: "the F.B.I. director, James B. Comey, said".
pub(super) fn apposition_before(
    p: &Paragraph,
    lo: usize,
    comma: usize,
) -> Option<(Range<usize>, Form)> {
    let chars = &p.chars;
    let from = comma.saturating_sub(APPOSITION_TOKENS).max(lo);
    let commas: Vec<usize> = (from..comma)
        .filter(|&i| p.tokens[i].is_punct(','))
        .collect();
    let quoted_after = |c: usize| p.tokens[c..comma].iter().any(|t| t.quote().is_some());
    for &c in &commas {
        let inner = c + 1;
        let t = &p.tokens[inner];
        let apostrophe = p
            .tokens
            .get(inner + 1)
            .is_some_and(|n| n.is_punct('\'') || n.is_punct('’'));
        let opens = inner < comma
            && (p.has(inner, class::DETERMINER)
                || names::is_title(t)
                || chars[t.start].is_numeric()
                || t.is_possessive()
                || apostrophe
                || party_tag(&chars[t.start..t.end])
                || (t.is_word() && chars[t.start].is_lowercase()));
        // "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said":
        // a titled name between two commas is the subject, not an apposition of "Nevada".
        let next = commas.iter().copied().find(|&d| d > c).unwrap_or(comma);
        let subject = names::is_title(t)
            && phrase_after(p, inner, next)
                .is_some_and(|(r, form)| form == Form::Name && r.end == next);
        // "South Carolina, and uttering charges that Rush Limbaugh, for one, called": a
        // conjunction opens a clause or a list, no apposition.
        let conjunction = matches!(p.lower(inner).as_str(), "and" | "but" | "or");
        if !opens || subject || conjunction {
            continue;
        }
        if let Some(found) = phrase_before(p, lo, c).filter(|(_, form)| *form != Form::Nominal) {
            return Some(found);
        }
    }
    let nearest = *commas.last()?;
    let before_is_role = nearest > lo
        && p.tokens[nearest - 1].is_word()
        && chars[p.tokens[nearest - 1].start].is_lowercase();
    let run = names::run_from(&p.tokens[..comma], nearest + 1)
        .filter(|r| r.end == comma && names::name_part(&p.tokens, r.clone()).is_some());
    run.filter(|_| before_is_role && !quoted_after(nearest))
        .map(|r| (r, Form::Name))
}

/// A party and state after a name, as US news writes them: "R-Pa.", "D-N.Y.", "I-Vt.".
pub(super) fn party_tag(word: &[char]) -> bool {
    matches!(word, ['R' | 'D' | 'I', '-', c, ..] if c.is_uppercase())
}

/// Where the title words right before a name start ("Republican presidential candidate"
/// before "Ben Carson"), not before `lo`.
pub(super) fn titles_before(p: &Paragraph, lo: usize, start: usize) -> usize {
    let mut s = start;
    while s > lo && names::is_title(&p.tokens[s - 1]) {
        s -= 1;
    }
    s
}

/// The noun phrase that starts at token `start` (before `end`): a pronoun, a name with the
/// titles before it, or a determiner and the words after it.
pub(super) fn phrase_after(
    p: &Paragraph,
    start: usize,
    end: usize,
) -> Option<(Range<usize>, Form)> {
    let chars = &p.chars;
    if start >= end {
        return None;
    }
    if p.has(start, class::PRONOUN) && p.lower(start) != "who" {
        return Some((start..start + 1, Form::Pronoun));
    }
    let determiner = p.has(start, class::DETERMINER);
    // Runs of name words and title words, up to the last run that holds a name: "former
    // Obama adviser David Axelrod", "Concord resident Whit Symms".
    let mut i = start + usize::from(determiner);
    let mut found: Option<(usize, Form)> = None;
    while i < end {
        let t = &p.tokens[i];
        if let Some(run) = names::run_from(&p.tokens[..end], i) {
            let named = names::name_part(&p.tokens, run.clone()).is_some();
            if named || found.is_none() {
                found = Some((run.end, if named { Form::Name } else { Form::Nominal }));
            }
            if t.is_possessive() || p.tokens[run.end - 1].is_possessive() {
                found = None;
            }
            i = run.end;
        } else if names::is_title(t)
            || (t.is_word()
                && chars[t.start].is_lowercase()
                && !p.has(i, class::STOPWORD)
                && !is_cue_word(p, i)
                && found.is_some())
        {
            i += 1;
        } else {
            break;
        }
        if found.is_some_and(|(_, form)| form == Form::Name)
            && !p
                .tokens
                .get(i)
                .is_some_and(|n| names::is_title(n) || names::is_name_word(n))
        {
            break;
        }
    }
    if let Some((stop, form)) = found {
        return Some((start..stop, form));
    }
    if !determiner {
        return None;
    }
    let mut j = start + 1;
    while j < end && j - start <= NOMINAL_WORDS {
        let t = &p.tokens[j];
        let stop = !t.is_word()
            || is_cue_word(p, j)
            || (p.has(j, class::STOPWORD) && !p.has(j, class::OF));
        if stop {
            break;
        }
        j += 1;
    }
    (j > start + 1).then_some((start..j, Form::Nominal))
}

/// The subject of the clause that a participle or a second verb hangs on, before token
/// `end`: that of a speech cue before it in the sentence, else the phrase that opens it.
pub(super) fn clause_subject(
    p: &Paragraph,
    sentence: &Range<usize>,
    end: usize,
    cues: &[CueMatch],
) -> Option<(Range<usize>, Form)> {
    // "with Donald Trump tweeting that …": the name right before the participle. So after
    // a dash ("… a statement – Kerr saying she was “…”"), and after "and" when a participle
    // came before it ("Kerr saying … and Garrick calling it “…”"): each participle has its
    // own subject, so the subject of the main clause is not theirs.
    let participle_before = |at: usize| {
        cues.iter().any(|c| {
            c.role == Role::Participle && c.span.end <= at && c.span.start >= sentence.start
        })
    };
    let opens_clause = |r: &Range<usize>| {
        r.start == sentence.start
            || matches!(
                p.tokens[r.start - 1].kind,
                TokenKind::Punct(',' | '—' | '–' | ';')
            )
            || p.lower(r.start - 1) == "with"
            || (p.lower(r.start - 1) == "and" && participle_before(r.start - 1))
    };
    // An adverb may stand between ("with Garrick reportedly yelling").
    let adverbs = |r: &Range<usize>| {
        (r.end..end)
            .all(|i| p.tokens[i].is_word() && p.lower(i).ends_with("ly") && !is_cue_word(p, i))
    };
    if let Some(found) = phrase_before(p, sentence.start, end)
        .filter(|(r, form)| *form == Form::Name && adverbs(r) && opens_clause(r))
    {
        return Some(found);
    }
    let earlier = cues.iter().rev().find(|c| {
        c.span.end <= end
            && c.span.start >= sentence.start
            && matches!(c.role, Role::Speech | Role::Participle)
    });
    // "with Trump tweeting that … and asking": the subject of the participle before.
    let subject = |c: &CueMatch| match c.role {
        Role::Participle => clause_subject(p, sentence, c.span.start, cues),
        _ => phrase_before(p, sentence.start, c.span.start),
    };
    // "When asked whom she supported, Ms. Sherry smiled and said": no subject before "asked".
    earlier
        .and_then(subject)
        .or_else(|| opening_phrase(p, sentence.start, end))
}

/// The subject that opens a clause, for a participle ("Trump hit back on Twitter, saying"):
/// after an opening phrase that ends in a comma ("On Sunday, Trump …").
pub(super) fn opening_phrase(
    p: &Paragraph,
    start: usize,
    end: usize,
) -> Option<(Range<usize>, Form)> {
    let start = after_dateline(p, start, end);
    // A capitalised verb or contraction opening the sentence is no name ("Speaking to
    // reporters, …", "He’s …").
    let verb_like = |i: usize| {
        let word = p.lower(i);
        // A contraction, not a name such as "O'Malley".
        let contraction = word.rsplit(['\'', '’']).next().is_some_and(|end| {
            end.len() < word.len() && matches!(end, "s" | "re" | "ll" | "ve" | "d" | "m" | "t")
        });
        word.ends_with("ing") || word.ends_with("ed") || contraction
    };
    // A participle opens a phrase, as a function word does ("Asked about it, Trump said");
    // "Ted Cruz" does not.
    let participle = |i: usize| {
        let word = p.lower(i);
        word.len() >= 5
            && (word.ends_with("ing") || word.ends_with("ed"))
            && !p.tokens.get(i + 1).is_some_and(names::is_name_word)
    };
    // The sentence's start, or the start of what follows an opening phrase and its comma
    // ("On Thursday, after remaining neutral, Warren appeared …").
    // "Back in 1999, Mr. Trump …", "Hastily politicizing the tragedy, Trump …": one
    // capitalised word before a preposition or a participle, and a comma later.
    let adverb = || {
        let next = start + 1;
        let one_word = names::run_from(&p.tokens[..end], start).is_some_and(|r| r.len() == 1);
        // "Hours later, Trump …" too, but not "Kelly later said".
        let later = |i: usize| {
            p.has(i, class::SKIP) && p.tokens.get(i + 1).is_some_and(|t| t.is_punct(','))
        };
        one_word
            && next < end
            && p.tokens[next].is_word()
            && p.chars[p.tokens[next].start].is_lowercase()
            && (LEXICON.prepositions.contains(&*p.lower(next))
                || p.lower(next).ends_with("ing")
                || later(next))
            && (next..end).any(|i| p.tokens[i].is_punct(','))
    };
    let opens_with_phrase = start < end
        && ((p.has(start, class::STOPWORD)
            && !p.has(start, class::PRONOUN)
            && !p.has(start, class::DETERMINER))
            || (p.tokens[start].is_word() && participle(start))
            || adverb());
    // "And Mr. Christie gloated: …": the phrase after a conjunction that opens the sentence.
    // "And then Trump went on the attack", "Now Donald Trump … is promising": the words
    // between subject and verb ("then", "now") may open the sentence after a conjunction.
    let conjunction =
        start + 1 < end && matches!(p.lower(start).as_str(), "and" | "but" | "so" | "yet" | "or");
    let mut first = start + usize::from(conjunction);
    while first + 1 < end
        && p.tokens[first].is_word()
        && p.has(first, class::SKIP)
        && !p.has(first, class::PRONOUN)
    {
        first += 1;
    }
    let conjunction = first > start;
    let starts = std::iter::once(first)
        .filter(|_| conjunction || !opens_with_phrase)
        .chain(
            (start..end)
                .filter(|&i| p.tokens[i].is_punct(','))
                .map(|c| c + 1),
        );
    // Followed by its verb ("Sen. Ron Wyden (D-Ore.) said" too) wins; followed by an
    // apposition ("Mitch McConnell, R-Ky., delivered …") only when no phrase after it is.
    let mut apposed = None;
    for from in starts {
        if let Some((range, form)) = phrase_after(p, from, end)
            .filter(|(r, _)| r.end < end && !(r.len() == 1 && verb_like(r.start)))
        {
            let next = &p.tokens[range.end];
            if next.is_word() || next.is_punct('(') {
                return Some((range, form));
            }
            if next.is_punct(',') && apposed.is_none() {
                apposed = Some((range, form));
            }
        }
        if !opens_with_phrase && !conjunction {
            break;
        }
    }
    apposed
}

/// Where a sentence starts after a wire dateline: "WASHINGTON (AFP) – Democrat Hillary
/// Clinton has …", "PHILADELPHIA, July 25 (UPI) — The committee …", "LONDON — The …".
pub(super) fn after_dateline(p: &Paragraph, start: usize, end: usize) -> usize {
    let dash = (start + 1..end.min(start + DATELINE_TOKENS))
        .find(|&i| matches!(p.tokens[i].kind, TokenKind::Punct('-' | '—' | '–')));
    let Some(dash) = dash.filter(|&d| d + 1 < end) else {
        return start;
    };
    let agency = p.tokens[dash - 1].is_punct(')');
    let word = &p.tokens[start];
    let place = dash == start + 1
        && word.is_word()
        && word.end - word.start > 2
        && p.chars[word.start..word.end]
            .iter()
            .all(|c| !c.is_lowercase());
    if agency || place {
        dash + 1
    } else {
        start
    }
}

/// How many tokens before `end` are words that stand between a subject and its verb: "also",
/// "has", adverbs in -ly, a weekday, or a phrase such as "in a statement" or "on Twitter"
/// (`[adverbials]` in words.txt).
pub(super) fn skippable(p: &Paragraph, lo: usize, end: usize) -> usize {
    let i = end - 1;
    let t = &p.tokens[i];
    if !t.is_word() {
        return 0;
    }
    if t.has(class::WEEKDAY) {
        let on = i > lo && p.has(i - 1, class::SKIP_BEFORE_DAY);
        return 1 + usize::from(on);
    }
    if p.chars[t.start].is_uppercase() {
        return 0;
    }
    let ly = t.end - t.start > 4 && p.chars[t.end - 2] == 'l' && p.chars[t.end - 1] == 'y';
    if t.has(class::SKIP) || (ly && !t.has(class::TITLE)) {
        return 1;
    }
    LEXICON
        .adverbials
        .iter()
        .find(|phrase| {
            phrase.len() <= end - lo
                && phrase
                    .iter()
                    .rev()
                    .zip((0..end).rev())
                    .all(|(w, j)| p.tokens[j].is_word() && p.lower(j) == *w)
        })
        .map_or(0, Vec::len)
}
