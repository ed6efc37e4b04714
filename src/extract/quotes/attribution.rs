//! Who said a quotation: the cues in its sentence, nearest first, and the speaker and
//! channel each cue's role points at (see the module above for the order of the search).

use super::*;

pub(super) fn attribute_paragraph(
    index: usize,
    p: &Paragraph,
    next_paragraph: Option<&Paragraph>,
    names: &Names,
    found: &mut Vec<Found>,
    said: &mut Vec<Said>,
) {
    let all_cues: Vec<Vec<CueMatch>> = p
        .sentences
        .iter()
        .map(|s| find_cues(p, s.clone()))
        .collect();
    for (s, sentence) in p.sentences.iter().enumerate() {
        let cues = &all_cues[s];
        if !p.tokens[sentence.clone()]
            .iter()
            .any(|t| t.quote().is_some())
        {
            said.extend(cues.iter().find_map(|cue| {
                let (range, form) = match cue.role {
                    // "Stated Stone:" too.
                    Role::Speech | Role::Report | Role::Passive => {
                        phrase_before(p, sentence.start, cue.span.start).or_else(|| {
                            phrase_after(p, cue.span.end, sentence.end)
                                .filter(|_| cue.inverts && cue.span.start == sentence.start)
                        })?
                    }
                    Role::Relay => phrase_after(p, cue.slot.clone()?.start, cue.slot.clone()?.end)?,
                    // "Bolton distanced himself by saying he would help. “…”"
                    Role::Participle => clause_subject(p, sentence, cue.span.start, cues)
                        .filter(|(_, form)| *form != Form::Nominal)?,
                    Role::According => return None,
                };
                let speaker = Phrase {
                    paragraph: index,
                    tokens: range,
                    form,
                };
                Some(Said {
                    paragraph: index,
                    at: p.tokens[cue.span.start].start,
                    speaker,
                    cue: Some(cue.text.clone()),
                })
            }));
            // "Trump issued the following statement:", with no cue: the subject introduces
            // the quotation that follows.
            let colon = sentence.end - 1;
            if cues.is_empty() && sentence.len() > 1 && p.tokens[colon].is_punct(':') {
                if let Some((range, form)) = colon_subject(p, sentence.start, colon)
                    .filter(|(r, form)| is_person(p, names, index, r, *form))
                {
                    let speaker = Phrase {
                        paragraph: index,
                        tokens: range,
                        form,
                    };
                    said.push(Said {
                        paragraph: index,
                        at: p.tokens[colon].start,
                        speaker,
                        cue: None,
                    });
                }
            }
            continue;
        }
        for qi in sentence.clone() {
            let Some(n) = p.tokens[qi].quote() else {
                continue;
            };
            let quoted = p.quoted[n];
            let partial = is_partial(p, sentence.clone(), qi);
            let mut f = Found {
                paragraph: index,
                quoted,
                partial,
                kind: Kind::Quote,
                speaker: None,
                cue: None,
                via: None,
                rule: "unattributed",
                continues: None,
                own: false,
            };
            let next = p.sentences.get(s + 1).zip(all_cues.get(s + 1));
            let attributed = attribute(p, index, sentence.clone(), qi, cues).or_else(|| {
                next.and_then(|(n, c)| attribute_from_next(p, index, sentence, qi, n, c))
            });
            let phrase = |(tokens, form): (Range<usize>, Form)| Phrase {
                paragraph: index,
                tokens,
                form,
            };
            // The subject of the sentence up to `end`, when it names a person.
            let subject = |end: usize| {
                opening_phrase(p, sentence.start, end)
                    .filter(|(r, form)| is_person(p, names, index, r, *form))
            };
            // "“…” — Ann Kerr": a name after a dash that follows the quotation.
            let dashed = || {
                dash_speaker(p, index, sentence, qi, next_paragraph, names)
                    .map(|(speaker, via)| (speaker, None, via, "dash-speaker"))
            };
            // "“PENCE: Well, look, …": a transcript's label names who speaks, unless a cue after
            // the quotation does ("“FACT CHECK: …,” the Gazette tweeted").
            let cue_after = attributed
                .as_ref()
                .is_some_and(|(cue, ..)| cue.span.start > qi);
            let own = if !cue_after && speaker_label(p, names, &quoted).is_some() {
                Some((
                    phrase((qi..qi + 1, Form::Name)),
                    None,
                    None,
                    "label-speaker",
                ))
            } else if let Some((cue, speaker, via, rule)) = attributed {
                Some((speaker, Some(cue.text.clone()), via, rule))
            } else if let Some((range, form, verb, rule)) =
                verb_after(p, sentence, qi, next.map(|(n, _)| n))
            {
                Some((
                    phrase((range, form)),
                    Some(p.tokens[verb].text(&p.chars)),
                    None,
                    rule,
                ))
            } else if qi > sentence.start && p.tokens[qi - 1].is_punct(':') {
                // "The surge does not surprise pollster Daron Shaw: “…”": when the subject is
                // no person, a full name right before the colon introduces the quotation.
                let named = || {
                    phrase_before(p, sentence.start, qi - 1)
                        .filter(|(r, form)| *form == Form::Name && r.end + 1 == qi && r.len() > 1)
                        .map(|found| (phrase(found), None, None, "name-colon-quote"))
                };
                colon_subject(p, sentence.start, qi - 1)
                    .filter(|(_, form)| *form != Form::Nominal)
                    .map(|found| (phrase(found), None, None, "speaker-colon-quote"))
                    .or_else(named)
                    .or_else(dashed)
            } else if let Some(found) = dashed() {
                Some(found)
            } else if qi > sentence.start
                && matches!(
                    p.tokens[qi - 1].kind,
                    TokenKind::Punct(',' | '—' | '–' | '-')
                )
                && !partial
            {
                // "Silverman interjected, “…”", "Trump also embraced the idea -- “…”": a
                // sentence with no cue that hands over to a quotation is its subject's.
                subject(qi - 1).map(|found| (phrase(found), None, None, "subject"))
            } else {
                None
            };
            if let Some((speaker, cue, via, rule)) = own {
                f.speaker = Some(speaker);
                f.cue = cue;
                f.via = via;
                f.rule = rule;
                f.own = true;
            }
            let near = cues
                .iter()
                .filter(|c| c.span.start > qi || qi - c.span.end <= CUE_REACH)
                .count();
            let reason = term_reason(p, qi, partial, near);
            // "Fiorina routinely casts herself as a “change warrior”": a few words in marks,
            // with no cue, in a sentence whose subject is a person are that person's words
            // more often than a scare quote ("it" is no person).
            let taken = subject(qi)
                .filter(|_| reason == Some(TermReason::Phrase) && partial && f.speaker.is_none());
            if let Some(found) = taken {
                f.rule = "subject-phrase";
                f.speaker = Some(phrase(found));
                f.own = true;
            } else if reason.is_some() {
                f.kind = Kind::Term;
                f.rule = "term";
                f.own = false;
                f.speaker = None;
                f.cue = None;
                f.via = None;
            } else if f.speaker.is_none() && partial {
                // "Cruz is praising Bush as “a man who didn’t go to the gutter”": a quoted
                // phrase inside a sentence with no cue is its subject's words.
                if let Some(found) = subject(qi) {
                    f.speaker = Some(phrase(found));
                    f.rule = "subject";
                    f.own = true;
                }
            }
            found.push(f);
        }
    }
}

/// The cue, speaker, channel and rule for the quotation at token `qi`, if a cue in its
/// sentence gives a speaker.
pub(super) fn attribute(
    p: &Paragraph,
    paragraph: usize,
    sentence: Range<usize>,
    qi: usize,
    cues: &[CueMatch],
) -> Option<(CueMatch, Phrase, Option<Phrase>, &'static str)> {
    let next_quote = (qi + 1..sentence.end)
        .find(|&i| p.tokens[i].quote().is_some())
        .unwrap_or(sentence.end);
    let prev_quote = (sentence.start..qi)
        .rev()
        .find(|&i| p.tokens[i].quote().is_some())
        .map_or(sentence.start, |i| i + 1);
    // Nearest first: after the quotation (up to the next one), before it, then the rest.
    let mut order: Vec<&CueMatch> = Vec::new();
    order.extend(
        cues.iter()
            .filter(|c| c.span.start > qi && c.span.start < next_quote),
    );
    order.extend(
        cues.iter()
            .rev()
            .filter(|c| c.span.end <= qi && c.span.start >= prev_quote),
    );
    order.extend(cues.iter().filter(|c| c.span.start >= next_quote));
    order.extend(
        cues.iter()
            .rev()
            .filter(|c| c.span.end <= qi && c.span.start < prev_quote),
    );
    // "Under what Ann Kerr called “the old model,” the club charged …": a speech cue right
    // before the quotation, in a relative clause whose subject is a name, is nearer to the
    // quotation than any cue after it. "that" after a cue is no relative ("said that").
    let relative = cues
        .iter()
        .find(|c| {
            c.role == Role::Speech
                && c.span.start >= prev_quote
                && (c.span.end == qi || (c.span.end + 1 == qi && p.lower(c.span.end) == "as"))
        })
        .and_then(|c| {
            let opens = |i: usize| match p.lower(i).as_str() {
                "what" | "which" => true,
                "that" => i == 0 || !is_cue_word(p, i - 1),
                _ => false,
            };
            let (range, form) =
                phrase_before(p, prev_quote, c.span.start).filter(|(r, form)| {
                    *form == Form::Name && r.start > prev_quote && opens(r.start - 1)
                })?;
            // "Kerr said she expected that voters would say “…”": still what Kerr reports.
            let (range, form) = reporting_cue(p, prev_quote, &range, cues).unwrap_or((range, form));
            Some((
                c.clone(),
                Phrase {
                    paragraph,
                    tokens: range,
                    form,
                },
                None,
                "speaker-cue-quote",
            ))
        });
    if relative.is_some() {
        return relative;
    }
    let speaking = |c: &&&CueMatch| c.role != Role::According;
    let according = |c: &&&CueMatch| c.role == Role::According;
    for cue in order
        .iter()
        .filter(speaking)
        .chain(order.iter().filter(according))
    {
        let after = cue.span.start > qi;
        // A cue far before the quotation is not its cue (a long caption with no full stops).
        if !after && qi - cue.span.end > CUE_REACH {
            continue;
        }
        let lo = match () {
            _ if after => qi + 1,
            _ if cue.span.start >= prev_quote => prev_quote,
            _ => sentence.start,
        };
        let Some((speaker, via, rule)) = speaker_of(p, paragraph, &sentence, lo, qi, cue, cues)
        else {
            continue;
        };
        let via = via.or_else(|| channel_in_sentence(p, paragraph, &sentence, cue, cues, &speaker));
        return Some(((*cue).clone(), speaker, via, rule));
    }
    None
}

/// For a quotation that ends its sentence (“I don't know.” Smith said.), the sentence after
/// it when that one opens with its speaker and cue ("Smith said", "said Smith", "he added").
pub(super) fn attribute_from_next(
    p: &Paragraph,
    paragraph: usize,
    sentence: &Range<usize>,
    qi: usize,
    next: &Range<usize>,
    cues: &[CueMatch],
) -> Option<(CueMatch, Phrase, Option<Phrase>, &'static str)> {
    let ends = p.tokens[qi + 1..sentence.end]
        .iter()
        .all(|t| !t.is_word() && t.quote().is_none());
    let cue = cues
        .first()
        .filter(|c| ends && matches!(c.role, Role::Speech | Role::Report))?;
    let phrase = |(tokens, form)| Phrase {
        paragraph,
        tokens,
        form,
    };
    // The sentence says no more than who said it, and perhaps where or when: "Smith said
    // in a statement." A cue with words of its own after it ("Smith said the plan was
    // …") reports something else, as does a sentence with a quotation of its own.
    let says_no_more = |from: usize| {
        let rest = &p.tokens[from.min(next.end)..next.end];
        rest.iter().all(|t| t.quote().is_none())
            && rest.iter().filter(|t| t.is_word()).count() <= MODIFIER_WORDS
    };
    if cue.span.start == next.start && cue.inverts {
        let found = phrase_after(p, cue.span.end, next.end)?;
        return says_no_more(found.0.end)
            .then(|| (cue.clone(), phrase(found), None, "quote-cue-speaker"));
    }
    let found =
        phrase_before(p, next.start, cue.span.start).filter(|(r, _)| r.start == next.start)?;
    says_no_more(cue.span.end).then(|| (cue.clone(), phrase(found), None, "quote-speaker-cue"))
}

/// The speaker a cue gives, the channel it names itself (relays) and the rule's name.
pub(super) fn speaker_of(
    p: &Paragraph,
    paragraph: usize,
    sentence: &Range<usize>,
    lo: usize,
    qi: usize,
    cue: &CueMatch,
    cues: &[CueMatch],
) -> Option<(Phrase, Option<Phrase>, &'static str)> {
    let phrase = |tokens: Range<usize>, form| Phrase {
        paragraph,
        tokens,
        form,
    };
    let after = cue.span.start > qi;
    match cue.role {
        Role::According => {
            let (range, form) = phrase_after(p, cue.span.end, sentence.end)?;
            Some((phrase(range, form), None, "according-to"))
        }
        Role::Relay => {
            let slot = cue.slot.clone()?;
            let (range, form) = phrase_after(p, slot.start, slot.end)?;
            let via = phrase_before(p, lo, cue.span.start).map(|(r, f)| phrase(r, f));
            Some((phrase(range, form), via, "relay"))
        }
        Role::Passive => {
            let (range, form) = phrase_before(p, lo, cue.span.start)?;
            Some((phrase(range, form), None, "passive"))
        }
        Role::Participle => {
            let (range, form) = clause_subject(p, sentence, cue.span.start, cues)?;
            // "“…” and Garrick calling it “…”": a participle after the quotation whose own
            // subject also follows it speaks the next quotation, not this one.
            if after
                && range.start > qi
                && p.tokens[qi + 1..range.start]
                    .iter()
                    .all(|t| t.quote().is_none())
                && p.tokens[qi + 1..range.start].iter().any(|t| t.is_word())
            {
                return None;
            }
            Some((phrase(range, form), None, "participle"))
        }
        Role::Speech | Role::Report => {
            if after {
                // "…,” said Assad": only punctuation between the quotation and the cue.
                // "…,” said Assad", or "…,” in sharp contrast to …, says Dante Scala".
                let adjacent = p.tokens[qi + 1..cue.span.start]
                    .iter()
                    .all(|t| !t.is_word())
                    || p.tokens[cue.span.start - 1].is_punct(',');
                if adjacent && cue.inverts {
                    if let Some((range, form)) = phrase_after(p, cue.span.end, sentence.end) {
                        return Some((phrase(range, form), None, "quote-cue-speaker"));
                    }
                }
                // "…,” Nate Silver, the polling guru who founded the site, tweeted": a name
                // right after the quotation, then an apposition that runs on to the cue.
                let lead = || {
                    let first = (qi + 1..cue.span.start).find(|&i| p.tokens[i].is_word())?;
                    let (range, form) = phrase_after(p, first, cue.span.start)
                        .filter(|(r, form)| *form == Form::Name && r.start == first)?;
                    let apposed = p.tokens[range.end].is_punct(',') || p.has(range.end, class::OF);
                    (apposed
                        && hands_on(p, sentence, qi)
                        && p.tokens[qi + 1..first].iter().all(|t| !t.is_word()))
                    .then(|| (phrase(range, form), None, "quote-speaker-cue"))
                };
                let Some((range, form)) = phrase_before(p, lo, cue.span.start) else {
                    return lead();
                };
                // The subject follows the quotation closely ("…,” Assad said"); words
                // between belong to its phrase ("…,” Sanders campaign manager Jeff Weaver
                // said", "…,” another New Hampshire Republican added").
                let first = (qi + 1..range.start)
                    .find(|&i| p.tokens[i].is_word())
                    .unwrap_or(range.start);
                let gap = &p.tokens[first..range.start];
                let in_phrase = gap.len() <= MODIFIER_WORDS
                    && (first..range.start).all(|i| {
                        p.tokens[i].is_word()
                            && !is_cue_word(p, i)
                            && (!p.has(i, class::STOPWORD) || p.has(i, class::DETERMINER))
                    });
                if in_phrase {
                    return Some((phrase(first..range.end, form), None, "quote-speaker-cue"));
                }
                // "…,” as Cruz said on the radio".
                if first + 1 == range.start && p.lower(first) == "as" && form != Form::Nominal {
                    return Some((phrase(range, form), None, "quote-speaker-cue"));
                }
                // "…,” as his father had hoped, Mr. Turry said": a clause between commas.
                // Or, for a quotation inside an opening clause ("In explaining why those
                // “common-sense solutions” failed, Clinton described …"), with no cue before it.
                let opening = cues.iter().all(|c| {
                    c.span.start > qi || matches!(c.role, Role::Participle | Role::According)
                });
                let aside = range.start > qi + 2
                    && p.tokens[range.start - 1].is_punct(',')
                    && (hands_on(p, sentence, qi) || opening)
                    && p.tokens[qi + 1..range.start]
                        .iter()
                        .all(|t| t.quote().is_none());
                (aside && form != Form::Nominal)
                    .then(|| (phrase(range, form), None, "quote-speaker-cue"))
                    .or_else(lead)
            } else if let Some(range) = inverted_aside(p, cue, qi) {
                // "The paradox, says historian Carl Anthony, is that she was “…”".
                Some((phrase(range, Form::Name), None, "cue-speaker-quote"))
            } else if let Some((range, form)) = subject_before(p, lo, cue.span.start) {
                // "Kerr said Garrick had called the plan “reckless”": a cue inside what an
                // earlier cue reports; the one who reports it is the source quoted.
                let outer = reporting_cue(p, lo, &range, cues).map(|(r, f)| phrase(r, f));
                Some((
                    outer.unwrap_or_else(|| phrase(range, form)),
                    None,
                    "speaker-cue-quote",
                ))
            } else if let Some((range, form)) =
                phrase_after(p, cue.span.end, qi).filter(|(r, _)| {
                    cue.inverts
                        && r.end + 1 == qi
                        && matches!(p.tokens[r.end].kind, TokenKind::Punct(':' | ','))
                })
            {
                // "In other words, explained CBS moderator Nancy Cordes: “…”".
                Some((phrase(range, form), None, "cue-speaker-quote"))
            } else {
                // "Trump referred to the massacre and said he would …", "Trump was prompted
                // to say …": the clause's subject.
                let conjunction = (lo..cue.span.start)
                    .rev()
                    .find(|&i| skippable(p, lo, i + 1) == 0)
                    .filter(|&i| matches!(p.lower(i).as_str(), "and" | "but" | "then" | "to"))?;
                let (range, form) = clause_subject(p, sentence, conjunction, cues)?;
                Some((phrase(range, form), None, "speaker-cue-quote"))
            }
        }
    }
}
