//! Direct quotations in an article's body paragraphs, with who said them (the speaker),
//! the verb that says so (the cue) and who relayed them (the channel, "via").
//!
//! The paragraphs are read in order, as one article: a quotation may run over several
//! paragraphs, and "he said" or "the spokesman said" refers back to a person named earlier.
//! For each quotation (see [`marks`](super::marks)) the sentence around it is searched for
//! cues from `cues.txt`, nearest first: right after the quotation ("…,” Assad said",
//! "…,” said Assad"), then before it ("Assad said: “…”", "Assad also expressed confidence
//! that Kim would “…”"), then elsewhere in the sentence. The cue's role says where the
//! speaker is: its subject, the phrase after it ("according to X") or the phrase inside it
//! ("KCNA cited Assad as saying", where KCNA is the channel). Other cues in the sentence
//! give the channel ("Assad said, KCNA reported"; "…, according to KCNA"). A cue inside
//! what an earlier cue reports gives way to it: in "Kerr said Garrick had told the council
//! there would be “no new taxes”" the source quoted is Kerr. A cue in a relative clause
//! right before the quotation ("what Kerr called “…,” the council …") comes first.
//!
//! A transcript's label opening the quotation ("“PENCE: Well, …”") names its speaker, if
//! the label is a name (two words or more, or the surname of a person the article names;
//! not "“UPDATE: …”"); the quotation keeps the label in its text. A quotation followed by a
//! dash and a name ("“…” — Ann Kerr, The Harbour Gazette"), in its paragraph or on a short
//! line of its own, is that person's when no cue or colon says otherwise.
//!
//! A quotation with no cue in its sentence takes the speaker of the quotation it continues
//! (the previous paragraph left it open), of another quotation in its paragraph, or, when
//! the paragraph is all quotation, of the quotation that ends the paragraph before. A short
//! quoted phrase inside a sentence with no cue is a term or a title (a scare quote,
//! “Meet the Press”), not a quotation: it is returned with [`Kind::Term`]; unless the
//! sentence's subject is a person and the phrase is not title-cased ("Fiorina casts herself
//! as a “change warrior”"): news puts a person's own words in marks that way. A
//! title-cased quotation right after a kind of work ("her memoir, “Tough Roads,”") is its
//! title, cue or not.
//!
//! Speakers are resolved inside the article by [`Names`]: a name to the best full name
//! written ("Assad" → "Bashar al-Assad"), a pronoun or a title ("he", "the spokesman") to
//! the nearest person named before it.

use std::ops::Range;

use super::gazetteer::{gazetteer, Category};
use super::lexicon::{class, Cue, Role, LEXICON};
use super::marks::{self, Quoted};
use super::names::{self, Names};
use super::tokens::{self, Kind as TokenKind, Token};

/// A direct quotation, or a quoted term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Index of the paragraph in the slice given to [`extract`].
    pub paragraph: usize,
    /// The quoted text without its marks, in code points of the paragraph (end exclusive);
    /// white space and a trailing comma or colon inside the marks are left out.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    /// Part of a sentence that is not all quotation ("… that Kim would “achieve …”").
    pub partial: bool,
    pub speaker: Option<Agent>,
    /// The cue as written, without the speaker: "said", "cited as saying".
    pub cue: Option<String>,
    /// Who relayed the quotation: "KCNA" in "KCNA cited Assad as saying".
    pub via: Option<Agent>,
    /// The rule that attributed it (see [`RULES`]).
    pub rule: &'static str,
    /// Index (in the returned list) of the quotation this one continues from the previous
    /// paragraph.
    pub continues: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Words someone said or wrote.
    Quote,
    /// A scare quote or a title: a short quoted phrase with no one saying it.
    Term,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Term => "term",
        }
    }
}

/// A speaker or a channel: as written, where, and the name it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// As written: "Syrian President Bashar al-Assad", "he", "the North’s state-run KCNA
    /// news agency".
    pub text: String,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub form: Form,
    /// The best full name in the article ("Bashar al-Assad"; "KCNA" for a channel), or
    /// `None` when the text names no one that could be found.
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Pronoun,
    /// A noun phrase: "the spokesman", "state media".
    Nominal,
}

/// Every rule name a [`Quote`] may carry, with what it means.
pub const RULES: &[(&str, &str)] = &[
    ("quote-speaker-cue", "“…,” Assad said"),
    ("quote-cue-speaker", "“…,” said Assad"),
    ("speaker-cue-quote", "Assad said: “…” (or a partial quote after the cue; \"Kerr said Garrick had called it “…”\": Kerr; \"what Kerr called “…”\")"),
    ("cue-speaker-quote", "explained moderator Nancy Cordes: “…”"),
    ("speaker-colon-quote", "Assad then addressed the crowd: “…” (the clause's subject, no cue)"),
    ("name-colon-quote", "The surge does not surprise pollster Daron Shaw: “…” (a full name right before the colon, no cue)"),
    ("relay", "KCNA cited Assad as saying “…” (speaker inside the cue, channel its subject)"),
    ("passive", "Assad was quoted as saying “…”"),
    ("according-to", "“…,” according to Assad"),
    ("participle", "Assad hit back, saying “…” (the speaker is the clause's subject)"),
    ("subject", "Cruz praised Bush as “a man who …” (a partial quotation with no cue: the sentence's subject)"),
    ("subject-phrase", "Fiorina casts herself as a “change warrior” (a short quoted phrase with no cue: the sentence's subject, a person)"),
    ("label-speaker", "“KERR: We will …” (a transcript's label in capitals: a name of two words or more, or a person's surname)"),
    ("dash-speaker", "“…” — Ann Kerr (a name after a dash that follows the quotation, or on a short line of its own after it)"),
    ("continued", "a paragraph that goes on with the quotation the previous one left open"),
    ("same-paragraph", "a quotation with no cue of its own, attributed elsewhere in its paragraph"),
    ("previous-paragraph", "a paragraph of quotation only, after a paragraph whose last sentence attributes"),
    ("previous-subject", "a paragraph of quotation only, after a paragraph about a person named as its subject"),
    ("unattributed", "a quotation with no speaker found"),
    ("term", "a short quoted phrase with no cue: a scare quote or a title"),
];

/// Quoted phrases of at most this many words, in a sentence with no cue, are terms.
const TERM_WORDS: usize = 3;
/// Title-cased phrases (“Saturday Night Live”) of at most this many words too.
const TITLE_WORDS: usize = 6;
/// How many words a noun phrase ("the Republican presidential candidate") may have.
const NOMINAL_WORDS: usize = 7;
/// How many words may stand between a quotation and the name after it ("…,” Sanders
/// campaign manager Jeff Weaver said").
const MODIFIER_WORDS: usize = 5;
/// How many tokens may stand between a cue and the quotation after it.
const CUE_REACH: usize = 40;
/// How many tokens a wire dateline may have before its dash ("PHILADELPHIA, July 25 (UPI) —").
const DATELINE_TOKENS: usize = 10;
/// How many tokens an apposition between commas may have ("Mun Jong Nam, the ambassador,").
const APPOSITION_TOKENS: usize = 30;
/// How many characters a transcript's speaker label may have ("“AMY GOODMAN: …”").
const LABEL_CHARS: usize = 40;
/// How many tokens a line of its own that names a quotation's speaker after a dash may have
/// ("— Ann Kerr, 34, of Westland").
const ATTRIBUTION_LINE_TOKENS: usize = 16;
/// Dashes that may stand between a quotation and its speaker ("“…” — Ann Kerr").
const DASHES: [char; 4] = ['—', '―', '–', '-'];

/// Finds the quotations in an article's body paragraphs, in order.
///
/// ```
/// use corpusdb::extract::quotes::{extract, Kind};
/// let paragraphs = [
///     "Syrian President Bashar al-Assad said he plans to visit.",
///     "“I am going to visit the DPRK,” Assad said, the state-run KCNA news agency reported.",
/// ];
/// let quotes = extract(&paragraphs);
/// assert_eq!(quotes.len(), 1);
/// let q = &quotes[0];
/// assert_eq!((q.paragraph, q.text.as_str(), q.kind), (1, "I am going to visit the DPRK", Kind::Quote));
/// assert_eq!(q.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Bashar al-Assad"));
/// assert_eq!(q.cue.as_deref(), Some("said"));
/// assert_eq!(q.via.as_ref().and_then(|v| v.name.as_deref()), Some("KCNA"));
/// ```
pub fn extract(paragraphs: &[&str]) -> Vec<Quote> {
    let mut parsed: Vec<Option<Paragraph>> =
        paragraphs.iter().map(|p| Paragraph::parse(p)).collect();
    // A paragraph of quotation only may take its speaker from the paragraph before it,
    // which is then read too.
    for i in 1..parsed.len() {
        if parsed[i - 1].is_none() && all_quotation(&parsed, i) {
            parsed[i - 1] = Some(Paragraph::new(paragraphs[i - 1]));
        }
    }
    // So may a line after it that opens with a dash ("— Ann Kerr"): its speaker.
    for i in 1..parsed.len() {
        if parsed[i].is_none() && all_quotation(&parsed, i - 1) && paragraphs[i].starts_with(DASHES)
        {
            parsed[i] = Some(Paragraph::new(paragraphs[i]));
        }
    }
    if parsed.iter().all(Option::is_none) {
        return Vec::new();
    }
    let names = Names::new(paragraphs);
    let mut found: Vec<Found> = Vec::new();
    let mut said: Vec<Said> = Vec::new();
    for (index, paragraph) in parsed.iter().enumerate() {
        if let Some(p) = paragraph {
            let next = parsed.get(index + 1).and_then(Option::as_ref);
            attribute_paragraph(index, p, next, &names, &mut found, &mut said);
        }
    }
    inherit(&parsed, &names, &mut found, &said);
    if found.is_empty() {
        return Vec::new();
    }
    let mut resolver = Resolver {
        parsed: &parsed,
        names,
        channels: Vec::new(),
        speakers: Vec::new(),
    };
    found.into_iter().map(|f| resolver.quote(f)).collect()
}

/// A paragraph that has quotations, cut into tokens and sentences.
struct Paragraph {
    chars: Vec<char>,
    quoted: Vec<Quoted>,
    tokens: Vec<Token>,
    sentences: Vec<Range<usize>>,
}

impl Paragraph {
    fn parse(text: &str) -> Option<Paragraph> {
        if !marks::may_quote(text) {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        let quoted = marks::quotations(&chars);
        if quoted.is_empty() {
            return None;
        }
        Some(Paragraph::cut(chars, quoted))
    }

    /// Reads a paragraph whether it has quotations or not.
    fn new(text: &str) -> Paragraph {
        let chars: Vec<char> = text.chars().collect();
        let quoted = marks::quotations(&chars);
        Paragraph::cut(chars, quoted)
    }

    fn cut(chars: Vec<char>, quoted: Vec<Quoted>) -> Paragraph {
        let tokens = tokens::tokenize(&chars, &quoted);
        let sentences = tokens::sentences(&chars, &tokens);
        Paragraph {
            chars,
            quoted,
            tokens,
            sentences,
        }
    }

    fn lower(&self, i: usize) -> tokens::Small {
        self.tokens[i].lower(&self.chars)
    }

    /// Whether token `i` is a word with any of the `class` bits.
    fn has(&self, i: usize, bits: u32) -> bool {
        self.tokens[i].has(bits)
    }
}

/// A noun phrase: tokens of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    paragraph: usize,
    tokens: Range<usize>,
    form: Form,
}

/// A cue found in a sentence.
#[derive(Debug, Clone)]
struct CueMatch {
    /// First and last token, slot included.
    span: Range<usize>,
    slot: Option<Range<usize>>,
    role: Role,
    inverts: bool,
    text: String,
}

/// One quotation before its speaker is resolved.
#[derive(Debug, Clone)]
struct Found {
    paragraph: usize,
    quoted: Quoted,
    partial: bool,
    kind: Kind,
    speaker: Option<Phrase>,
    /// Where the speaker came from when it was inherited.
    cue: Option<String>,
    via: Option<Phrase>,
    rule: &'static str,
    continues: Option<usize>,
    /// The quotation has a cue in its own sentence (not inherited).
    own: bool,
}

/// Someone said something in a sentence with no quotation ("Ghazala Khan says she got a
/// call."): a speaker for the quotations around it that have no cue.
#[derive(Debug, Clone)]
struct Said {
    paragraph: usize,
    /// Code point of the cue.
    at: usize,
    speaker: Phrase,
    cue: Option<String>,
}

fn attribute_paragraph(
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

/// Who speaks the quotation after the colon at token `colon`: a name that is all the words
/// before it ("Stated Stone:", "More from Jones:", "… - Philip Bump:"), else the clause's
/// subject ("She then addressed the supporters again:", "Trump issued this statement:").
fn colon_subject(p: &Paragraph, start: usize, colon: usize) -> Option<(Range<usize>, Form)> {
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
fn label_in(chars: &[char], q: &Quoted) -> Option<Range<usize>> {
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
fn speaker_label(p: &Paragraph, names: &Names, q: &Quoted) -> Option<Range<usize>> {
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
/// colon (not "the plan — “Vote Kerr” — Garrick has …"). In a paragraph that is all
/// quotation the dash may open the next paragraph, a short one.
fn dash_speaker(
    p: &Paragraph,
    paragraph: usize,
    sentence: &Range<usize>,
    qi: usize,
    next: Option<&Paragraph>,
    names: &Names,
) -> Option<(Phrase, Option<Phrase>)> {
    let opens = qi == sentence.start || p.tokens[qi - 1].is_punct(':');
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
fn after_dash(
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
fn names_person(p: &Paragraph, names: &Names, range: &Range<usize>) -> bool {
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
fn is_person(
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

/// Cues in a sentence, in order; a cue word must be lower case ("Said" opening a sentence
/// is rare, "States" in "United States" is not a verb).
fn find_cues(p: &Paragraph, sentence: Range<usize>) -> Vec<CueMatch> {
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
fn match_cue(
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

/// The cue, speaker, channel and rule for the quotation at token `qi`, if a cue in its
/// sentence gives a speaker.
fn attribute(
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
fn attribute_from_next(
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
    if cue.span.start == next.start && cue.inverts {
        let found = phrase_after(p, cue.span.end, next.end)?;
        return Some((cue.clone(), phrase(found), None, "quote-cue-speaker"));
    }
    let found =
        phrase_before(p, next.start, cue.span.start).filter(|(r, _)| r.start == next.start)?;
    Some((cue.clone(), phrase(found), None, "quote-speaker-cue"))
}

/// Whether the quotation at token `qi` hands on to its attribution: it ends in a comma, a
/// question or an exclamation mark inside its marks, or a comma follows it ("…,” he said").
fn hands_on(p: &Paragraph, sentence: &Range<usize>, qi: usize) -> bool {
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
fn verb_after(
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

/// The speaker a cue gives, the channel it names itself (relays) and the rule's name.
fn speaker_of(
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

/// The subject of a speech cue before the clause whose subject is `inner`, when that clause
/// is what the cue reports ("Kerr said [that] Garrick had called …"; "Kerr acknowledged
/// that Garrick …"): no quotation, no punctuation, no clause of its own ("… and Garrick
/// said", "… after Garrick said") between. Only a name or a pronoun: "officials said …" is too vague to
/// override a name.
fn reporting_cue(
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
fn inverted_aside(p: &Paragraph, cue: &CueMatch, qi: usize) -> Option<Range<usize>> {
    let opens = cue.inverts && cue.span.start > 0 && p.tokens[cue.span.start - 1].is_punct(',');
    let (range, form) = phrase_after(p, cue.span.end, qi).filter(|_| opens)?;
    (form == Form::Name && p.tokens[range.end].is_punct(',')).then_some(range)
}

/// A channel named by another cue of the sentence: "…, according to KCNA", "Assad said,
/// KCNA reported".
fn channel_in_sentence(
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

/// The noun phrase that ends just before token `end`, not reaching before `lo`: a name
/// with its titles, a pronoun or a phrase such as "the spokesman". Words such as "also" or
/// "has" between it and `end` are skipped, and so is an apposition between commas.
fn phrase_before(p: &Paragraph, lo: usize, end: usize) -> Option<(Range<usize>, Form)> {
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
fn open_apposition(p: &Paragraph, lo: usize, end: usize) -> Option<(Range<usize>, Form)> {
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
fn subject_before(p: &Paragraph, lo: usize, end: usize) -> Option<(Range<usize>, Form)> {
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
fn apposition_before(p: &Paragraph, lo: usize, comma: usize) -> Option<(Range<usize>, Form)> {
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
fn party_tag(word: &[char]) -> bool {
    matches!(word, ['R' | 'D' | 'I', '-', c, ..] if c.is_uppercase())
}

/// Where the title words right before a name start ("Republican presidential candidate"
/// before "Ben Carson"), not before `lo`.
fn titles_before(p: &Paragraph, lo: usize, start: usize) -> usize {
    let mut s = start;
    while s > lo && names::is_title(&p.tokens[s - 1]) {
        s -= 1;
    }
    s
}

/// The noun phrase that starts at token `start` (before `end`): a pronoun, a name with the
/// titles before it, or a determiner and the words after it.
fn phrase_after(p: &Paragraph, start: usize, end: usize) -> Option<(Range<usize>, Form)> {
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
fn clause_subject(
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
fn opening_phrase(p: &Paragraph, start: usize, end: usize) -> Option<(Range<usize>, Form)> {
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
fn after_dateline(p: &Paragraph, start: usize, end: usize) -> usize {
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
fn skippable(p: &Paragraph, lo: usize, end: usize) -> usize {
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

fn is_cue_word(p: &Paragraph, i: usize) -> bool {
    p.tokens[i].is_word() && p.has(i, class::CUE)
}

/// Whether the quotation at token `qi` is part of a sentence rather than a sentence (or
/// more) of its own: it starts in lower case, or follows words that are not a cue, a colon
/// or a comma.
fn is_partial(p: &Paragraph, sentence: Range<usize>, qi: usize) -> bool {
    let q = p.quoted[p.tokens[qi].quote().unwrap_or(0)];
    let first = p.chars[q.start..q.end].iter().find(|c| c.is_alphanumeric());
    if first.is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    if qi == sentence.start {
        return false;
    }
    let prev = &p.tokens[qi - 1];
    !(matches!(
        prev.kind,
        TokenKind::Punct(':' | ',' | '—' | '–' | '-' | '(')
    ) || prev.quote().is_some()
        || is_cue_word(p, qi - 1))
}

/// Why a quoted stretch is a term or a title, not a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermReason {
    /// A number, a handle, a link, an attribute value: what embedded posts leave in the text.
    Code,
    /// A title-cased phrase: a show, a book, a slogan (“Meet the Press”).
    Title,
    /// A few words in lower case inside a sentence with no cue: a scare quote, or a phrase
    /// taken from someone (see [`attribute_paragraph`]).
    Phrase,
}

/// Whether the quotation at token `qi` is a term or title, and why: a code (a number, a
/// handle, a link), an attribute value (`tweet-date="…"`), a title (a title-cased phrase
/// after "on" or a possessive, or before "star" or "show": “Meet the Press”; after a kind
/// of work, with a comma or not, even when a cue is near: "her memoir, “Tough Roads”"), or a short
/// phrase inside a sentence that has no cue (a scare quote).
fn term_reason(p: &Paragraph, qi: usize, partial: bool, cues: usize) -> Option<TermReason> {
    let q = p.quoted[p.tokens[qi].quote().unwrap_or(0)];
    let text = &p.chars[q.start..q.end];
    let words: Vec<&[char]> = text
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .collect();
    if is_code(text) || (q.open > 0 && p.chars[q.open - 1] == '=') {
        return Some(TermReason::Code);
    }
    // Every word but short ones ("of", "the") capitalised.
    let title_case = words.iter().enumerate().all(|(i, w)| {
        let first = w
            .iter()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_numeric());
        first || (i > 0 && w.len() <= 4)
    });
    let before = qi.checked_sub(1).map(|i| &p.tokens[i]);
    let after = p.tokens.get(qi + 1);
    let titled = before.is_some_and(|t| t.is_possessive() || t.has(class::TITLE_BEFORE))
        || after.is_some_and(|t| t.has(class::TITLE_AFTER));
    // "her memoir, “Tough Roads,”": the kind of work, then (after a comma) its title.
    let work = |i: usize| p.tokens[i].has(class::WORK) && p.chars[p.tokens[i].start].is_lowercase();
    let after_work =
        qi > 0 && (work(qi - 1) || (qi > 1 && p.tokens[qi - 1].is_punct(',') && work(qi - 2)));
    if (partial || after_work) && title_case && (titled || after_work) && words.len() <= TITLE_WORDS
    {
        return Some(TermReason::Title);
    }
    // "according to “Hard Roads: A Mill Town's Long Decline” by …": a title with a subtitle
    // after a colon is a book's or a film's, however long, and so is not what someone said,
    // cue or not. Inside a sentence only: a sentence of its own opening "Kerr: …" is a
    // transcript's label and its words.
    let subtitled = words
        .iter()
        .take(words.len().saturating_sub(1))
        .any(|w| w.last() == Some(&':'));
    if (partial || after_work) && title_case && subtitled {
        return Some(TermReason::Title);
    }
    if cues > 0 {
        return None;
    }
    let limit = if partial { TERM_WORDS } else { 1 };
    if partial && title_case && words.len() <= TITLE_WORDS {
        Some(TermReason::Title)
    } else {
        (words.len() <= limit).then_some(TermReason::Phrase)
    }
}

/// One "word" with a digit, or starting with @ or #, or a link: "672138506081275904",
/// "@MissDBunker", "2015-12-02", "pic.twitter.com".
fn is_code(text: &[char]) -> bool {
    let word: Vec<char> = text
        .iter()
        .copied()
        .filter(|c| !matches!(c, ',' | '.' | ';' | ':'))
        .collect();
    let one_word = !word.is_empty() && !word.iter().any(|c| c.is_whitespace());
    let code = word.iter().any(char::is_ascii_digit)
        || matches!(word.first(), Some('@' | '#'))
        || text.iter().collect::<String>().contains(".com");
    one_word && code
}

/// Gives quotations with no cue of their own the speaker of the quotation they belong to:
/// the one the previous paragraph left open; else the nearest attributed quotation or
/// saying before it in its paragraph (after it if there is none before); else, for a
/// paragraph of quotation only, what the last sentence of the paragraph before attributes.
fn inherit(parsed: &[Option<Paragraph>], names: &Names, found: &mut [Found], said: &[Said]) {
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
fn last_subject(p: &Paragraph, names: &Names, paragraph: usize) -> Option<Phrase> {
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
struct Source {
    at: usize,
    speaker: Option<Phrase>,
    cue: Option<String>,
    via: Option<Phrase>,
}

/// The attributed quotations and sayings of a paragraph, by position.
fn sources(found: &[Found], said: &[Said], paragraph: usize) -> Vec<Source> {
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

fn give(
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
fn all_quotation(parsed: &[Option<Paragraph>], paragraph: usize) -> bool {
    parsed[paragraph]
        .as_ref()
        .is_some_and(|p| p.tokens.iter().all(|t| !t.is_word()))
}

/// Turns phrases into agents with names.
struct Resolver<'a> {
    parsed: &'a [Option<Paragraph>],
    names: Names<'a>,
    /// Channels named so far: (paragraph, code point, name).
    channels: Vec<((usize, usize), String)>,
    /// Named speakers so far: (paragraph, name).
    speakers: Vec<(usize, String)>,
}

impl Resolver<'_> {
    fn quote(&mut self, f: Found) -> Quote {
        let p = self.parsed[f.paragraph].as_ref();
        let (start, end) = p.map_or((f.quoted.start, f.quoted.end), |p| {
            trim(&p.chars, f.quoted.start, f.quoted.end)
        });
        let text = p
            .map(|p| p.chars[start..end].iter().collect())
            .unwrap_or_default();
        let speaker = f.speaker.as_ref().and_then(|s| self.speaker(s));
        if let Some(name) = speaker
            .as_ref()
            .filter(|s| s.form == Form::Name)
            .and_then(|s| s.name.clone())
        {
            self.speakers.push((f.paragraph, name));
        }
        let via = f.via.as_ref().and_then(|v| self.channel(v));
        if let Some(v) = via.as_ref() {
            if let Some(name) = &v.name {
                self.channels.push(((v.paragraph, v.start), name.clone()));
            }
        }
        Quote {
            paragraph: f.paragraph,
            start,
            end,
            text,
            kind: f.kind,
            partial: f.partial,
            speaker,
            cue: f.cue,
            via,
            rule: f.rule,
            continues: f.continues,
        }
    }

    /// The agent a phrase writes (phrases always come from parsed paragraphs); for a
    /// quotation's token, the speaker label it opens with.
    fn agent(&self, phrase: &Phrase) -> Option<(Agent, &Paragraph)> {
        let p = self.parsed.get(phrase.paragraph)?.as_ref()?;
        let first = p.tokens.get(phrase.tokens.start)?;
        let last = p.tokens.get(phrase.tokens.end.checked_sub(1)?)?;
        let (start, end) = match first.quote() {
            Some(n) => label_in(&p.chars, p.quoted.get(n)?).map(|r| (r.start, r.end))?,
            None => (first.start, last.end),
        };
        let text = p.chars[start..end].iter().collect();
        let agent = Agent {
            text,
            paragraph: phrase.paragraph,
            start,
            end,
            form: phrase.form,
            name: None,
        };
        Some((agent, p))
    }

    fn speaker(&self, phrase: &Phrase) -> Option<Agent> {
        let (mut agent, p) = self.agent(phrase)?;
        let at = (agent.paragraph, agent.start);
        let label = p.tokens[phrase.tokens.start].quote().is_some();
        agent.name = match agent.form {
            // "PENCE" → "Mike Pence"; "AMY GOODMAN" → "Amy Goodman" when no one else.
            Form::Name if label => Some(
                self.names
                    .person_ending_in(&agent.text)
                    .map_or_else(|| title_case(&agent.text), |m| m.name.clone()),
            ),
            Form::Name => names::proper_name(&agent.text).map(|n| self.names.best_name(&n, at)),
            Form::Pronoun => match agent.text.to_lowercase().as_str() {
                "he" | "she" => self.antecedent(p, phrase),
                _ => None,
            },
            Form::Nominal => {
                let words: Vec<String> = p.tokens[phrase.tokens.clone()]
                    .iter()
                    .map(|t| t.lower(&p.chars).to_string())
                    .collect();
                let definite = words
                    .first()
                    .is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "their"));
                let head = words.last().cloned().unwrap_or_default();
                let titles: Vec<String> = words
                    .iter()
                    .filter(|w| LEXICON.titles.contains(*w))
                    .cloned()
                    .collect();
                if definite && LEXICON.titles.contains(&*head) {
                    self.names
                        .person_before(at, &titles)
                        .map(|m| self.names.best_name(&m.name, (m.paragraph, m.start)))
                } else {
                    None
                }
            }
        };
        Some(agent)
    }

    /// The person "he" or "she" stands for: the nearest person named before it in its
    /// paragraph; else the last named speaker, if in this paragraph or the one before; else
    /// the nearest person named in the paragraphs before.
    fn antecedent(&self, p: &Paragraph, phrase: &Phrase) -> Option<String> {
        let at = phrase.tokens.start;
        // A title or honorific that gives the other gender rules a person out ("she" is not
        // "Mr. Trump", "he" not "Spokeswoman Haley Morris").
        let other = if p.lower(at) == "she" {
            &LEXICON.male
        } else {
            &LEXICON.female
        };
        let agrees = |titles: &[String]| !titles.iter().any(|t| other.contains(t));
        // "Rubio said that … Trump, whom he called a “con artist”": a pronoun inside a
        // sentence whose subject is a person named before it is that person.
        if let Some(sentence) = p.sentences.iter().find(|s| s.contains(&at)) {
            if let Some((range, _)) = opening_phrase(p, sentence.start, at)
                .filter(|(r, form)| *form == Form::Name && r.end < at)
            {
                let (first, last) = (&p.tokens[range.start], &p.tokens[range.end - 1]);
                let text: String = p.chars[first.start..last.end].iter().collect();
                let person = |name: &String| {
                    name.contains(' ') || self.names.is_surname(name, phrase.paragraph)
                };
                let words: Vec<String> = p.tokens[range.clone()]
                    .iter()
                    .map(|t| t.lower(&p.chars).to_string())
                    .collect();
                if let Some(name) = names::proper_name(&text)
                    .filter(person)
                    .filter(|_| agrees(&words))
                {
                    return Some(self.names.best_name(&name, (phrase.paragraph, first.start)));
                }
            }
        }
        let before = &p.tokens[..at];
        // A person here: a full name, or the last word of a speaker's name.
        let known = |m: &names::NameMention| {
            (m.person
                || self
                    .speakers
                    .iter()
                    .any(|(_, s)| names::same_person(s, &m.name) && !m.name.contains(' ')))
                && agrees(&m.titles)
        };
        let here = names::mentions_in(&p.chars, before, phrase.paragraph)
            .into_iter()
            .rev()
            .find(known);
        let person = match here {
            Some(m) => m,
            None => {
                let recent = self
                    .speakers
                    .last()
                    .filter(|(paragraph, _)| paragraph + 1 >= phrase.paragraph);
                if let Some((_, name)) = recent {
                    return Some(name.clone());
                }
                let start = p.tokens[phrase.tokens.start].start;
                self.names
                    .person_before((phrase.paragraph, start), &[])?
                    .clone()
            }
        };
        Some(
            self.names
                .best_name(&person.name, (person.paragraph, person.start)),
        )
    }

    /// A channel's name: the acronym or name in its phrase ("the North’s state-run KCNA news
    /// agency" → "KCNA"), or for "the report" or "state media" the channel named last before.
    fn channel(&self, phrase: &Phrase) -> Option<Agent> {
        let (mut agent, p) = self.agent(phrase)?;
        let tokens = &p.tokens[phrase.tokens.clone()];
        let acronym = tokens.iter().find(|t| is_acronym(&p.chars, t));
        agent.name = match acronym {
            Some(t) => Some(t.text(&p.chars)),
            None if agent.form == Form::Name => {
                names::proper_name(&agent.text).or_else(|| Some(agent.text.clone()))
            }
            None => self.channel_before((agent.paragraph, agent.start)),
        };
        Some(agent)
    }

    /// The channel named nearest before `at`: an earlier quotation's channel, or an acronym
    /// or name next to a word such as "agency" or "news".
    fn channel_before(&self, at: (usize, usize)) -> Option<String> {
        let earlier = self
            .channels
            .iter()
            .rev()
            .find(|(pos, _)| *pos < at)
            .map(|(_, n)| n.clone());
        earlier.or_else(|| self.names.channel_before(at))
    }
}

/// Each word with a capital then small letters: "AMY GOODMAN" → "Amy Goodman".
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut first = true;
    for c in text.chars() {
        if first {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphanumeric();
    }
    out
}

/// All capitals, two letters or more: "KCNA", "AFP".
fn is_acronym(chars: &[char], t: &Token) -> bool {
    let word = &chars[t.start..t.end];
    t.is_word()
        && word.len() >= 2
        && word.iter().all(|c| c.is_uppercase() || *c == '.')
        && word.iter().filter(|c| c.is_uppercase()).count() >= 2
}

/// Trims white space, and a comma, colon or semicolon that ends the quoted text ("…Kim
/// Jong Un,”).
fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start
        && (chars[end - 1].is_whitespace() || matches!(chars[end - 1], ',' | ';' | ':'))
    {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotation whose text starts with `start`.
    fn quote_at(paragraphs: &[&str], start: &str) -> Quote {
        let quotes = extract(paragraphs);
        let found = quotes.iter().find(|q| q.text.starts_with(start));
        found
            .cloned()
            .unwrap_or_else(|| panic!("no quotation starting {start:?} in {quotes:#?}"))
    }

    fn speaker_name(q: &Quote) -> Option<&str> {
        q.speaker.as_ref().and_then(|s| s.name.as_deref())
    }

    #[test]
    fn according_to_may_open_the_sentence() {
        let q = quote_at(&["According to the Harbour Gazette, “The mill will close in the spring and nobody has told the workers.”"], "The mill");
        assert_eq!(
            (q.rule, q.cue.as_deref()),
            ("according-to", Some("According to"))
        );
        assert_eq!(
            q.speaker.as_ref().map(|s| s.text.as_str()),
            Some("the Harbour Gazette")
        );
        // With a speaker of its own, the sentence's opening "according to" names the channel.
        let q = quote_at(&["According to the Harbour Gazette, Mayor Ellen Porter said the mill would “close in the spring, whatever the council votes.”"], "close");
        assert_eq!(
            (speaker_name(&q), q.cue.as_deref()),
            (Some("Ellen Porter"), Some("said"))
        );
        assert_eq!(
            q.via.as_ref().map(|v| v.text.as_str()),
            Some("the Harbour Gazette")
        );
    }

    #[test]
    fn a_short_phrase_in_a_sentence_about_a_person_is_theirs() {
        let paragraphs = [
            "Senator Maria Lindqvist spent the week touring the valley.",
            "Lindqvist keeps coming back to the “slow-motion robbery” of the middle class.",
        ];
        let q = quote_at(&paragraphs, "slow-motion");
        assert_eq!(
            (q.kind, q.rule, q.partial),
            (Kind::Quote, "subject-phrase", true)
        );
        assert_eq!(speaker_name(&q), Some("Maria Lindqvist"));
        let q = quote_at(
            &["She keeps coming back to the “slow-motion robbery” of the middle class."],
            "slow-motion",
        );
        assert_eq!((q.kind, q.rule), (Kind::Quote, "subject-phrase"));
        // No person as the subject, or a title: still a term.
        for paragraph in [
            "The vote ended in a “virtual tie” on Tuesday.",
            "It ended in a “virtual tie” on Tuesday.",
            "Lindqvist watched “Harbour Lights” twice.",
        ] {
            let q = quote_at(&[paragraph], "");
            assert_eq!((q.kind, q.rule), (Kind::Term, "term"), "{paragraph}");
        }
    }

    #[test]
    fn it_is_no_speaker() {
        // A sentence with no cue that hands over to a quotation is its subject's, if a person.
        let quotation = "“The mill will close in the spring and nobody will say why.”";
        let q = quote_at(
            &[&format!("She ended the meeting the same way, {quotation}")],
            "The mill",
        );
        assert_eq!(
            (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
            ("subject", Some("She"))
        );
        let q = quote_at(
            &[&format!("It ended the same way, {quotation}")],
            "The mill",
        );
        assert_eq!(
            (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
            ("unattributed", None)
        );
    }

    #[test]
    fn a_conjunction_opens_no_apposition() {
        for paragraph in [
            "Kerr toured the mill in Westland, and heard that Tom Garrick, for one, called the levy “a quiet robbery of the valley.”",
            "Kerr toured the mill in Westland, but Tom Garrick, for one, called the levy “a quiet robbery of the valley.”",
        ] {
            let q = quote_at(&[paragraph], "a quiet");
            assert_eq!((q.rule, speaker_name(&q)), ("speaker-cue-quote", Some("Tom Garrick")), "{paragraph}");
        }
    }

    #[test]
    fn a_title_after_a_kind_of_work() {
        // Even with a cue in the sentence, and after a comma.
        for (paragraph, start) in [
            (
                "Kerr told reporters that her memoir, “Tough Roads,” would be out in May.",
                "Tough",
            ),
            (
                "Garrick said on the podcast “Harbour Talk” that the mill would close.",
                "Harbour",
            ),
            (
                "The council aired an ad, “Vote For The Mill,” that Kerr called misleading.",
                "Vote",
            ),
        ] {
            let q = quote_at(&[paragraph], start);
            assert_eq!(
                (q.kind, q.rule, q.speaker.is_none()),
                (Kind::Term, "term", true),
                "{paragraph}"
            );
        }
        // Words in small letters are no title, nor is a capitalised "Book" opening a sentence.
        let q = quote_at(
            &["Kerr told reporters that her memoir, “a tough road to walk,” was done."],
            "a tough",
        );
        assert_eq!((q.kind, speaker_name(&q)), (Kind::Quote, Some("Kerr")));
        let q = quote_at(
            &["Mayor Ann Kerr said: “Tough Roads Ahead For The Mill.”"],
            "Tough",
        );
        assert_eq!((q.kind, speaker_name(&q)), (Kind::Quote, Some("Ann Kerr")));
    }

    #[test]
    fn a_title_with_a_subtitle_is_a_title_however_long() {
        for (paragraph, start) in [
            ("According to “Hard Roads: A Mill Town and the Long Decline of the Valley” by Ann Kerr, the mill closed twice.", "Hard"),
            ("Garrick said his book “Westland: The Rise and Fall of a River Town on the Edge” sold well.", "Westland"),
        ] {
            let q = quote_at(&[paragraph], start);
            assert_eq!((q.kind, q.rule), (Kind::Term, "term"), "{paragraph}");
        }
        // A sentence of quotation that opens with a label is no title.
        let q = quote_at(
            &["Mayor Ann Kerr said: “Westland: The Mill Will Stay Open For Good.”"],
            "Westland",
        );
        assert_eq!((q.kind, speaker_name(&q)), (Kind::Quote, Some("Ann Kerr")));
    }

    #[test]
    fn a_transcript_label_names_the_speaker() {
        let paragraphs = [
            "Senator Dana Whitfield sat down with host Marcus Obi on Sunday.",
            "“OBI: Will you run again?",
            "“WHITFIELD: Well, look, the voters will decide that.",
            "“And I trust them to.”",
            "“RIVA KOSTER: Thank you both.”",
            "“UPDATE: The interview ran long.”",
        ];
        let q = quote_at(&paragraphs, "WHITFIELD");
        assert_eq!(
            (q.rule, speaker_name(&q)),
            ("label-speaker", Some("Dana Whitfield"))
        );
        assert!(
            q.text.starts_with("WHITFIELD: Well"),
            "the label stays in the text"
        );
        let label = q.speaker.as_ref().unwrap();
        assert_eq!((label.text.as_str(), label.form), ("WHITFIELD", Form::Name));
        assert_eq!(
            paragraphs[2]
                .chars()
                .skip(label.start)
                .take(label.end - label.start)
                .collect::<String>(),
            "WHITFIELD"
        );
        assert_eq!(
            speaker_name(&quote_at(&paragraphs, "OBI")),
            Some("Marcus Obi")
        );
        let q = quote_at(&paragraphs, "And I trust");
        assert_eq!(
            (q.rule, speaker_name(&q)),
            ("continued", Some("Dana Whitfield"))
        );
        assert_eq!(
            speaker_name(&quote_at(&paragraphs, "RIVA")),
            Some("Riva Koster")
        );
        // One word that is no one's surname is no speaker; nor are words such as "news".
        assert_ne!(quote_at(&paragraphs, "UPDATE").rule, "label-speaker");
        assert_ne!(
            quote_at(&["“BREAKING NEWS: The mill will close.”"], "BREAKING").rule,
            "label-speaker"
        );
        // Nor are the labels of boxes and notes, or an unnamed audience member.
        for label in ["FACT CHECK", "EDITOR’S NOTE", "AUDIENCE MEMBER"] {
            assert_ne!(
                quote_at(&[&format!("“{label}: The levy is not new.”")], label).rule,
                "label-speaker",
                "{label}"
            );
        }
        // A cue after the quotation says who.
        let q = quote_at(
            &["“FACT CHECK: The levy is not new,” the Harbour Gazette tweeted."],
            "FACT",
        );
        assert_eq!(
            (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
            ("quote-speaker-cue", Some("the Harbour Gazette"))
        );
    }

    #[test]
    fn a_name_after_a_dash() {
        let q = quote_at(
            &["“The mill will close in the spring.” — Ann Kerr, The Harbour Gazette"],
            "The mill",
        );
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("dash-speaker", Some("Ann Kerr"), None)
        );
        assert_eq!(
            q.via.as_ref().and_then(|v| v.name.as_deref()),
            Some("Harbour Gazette")
        );
        let q = quote_at(
            &["\"We will not raise the levy.\" -- Councillor Tom Garrick (@tgarrick) May 2, 2016"],
            "We will",
        );
        assert_eq!(
            (q.rule, speaker_name(&q)),
            ("dash-speaker", Some("Tom Garrick"))
        );
        let q = quote_at(
            &["“Nobody told the workers.”― Economist Ellen Porter to Westland Radio"],
            "Nobody",
        );
        assert_eq!(
            (speaker_name(&q), q.via.as_ref().map(|v| v.text.as_str())),
            (Some("Ellen Porter"), Some("Westland Radio"))
        );
        // On a short line of its own after a paragraph of quotation.
        let q = quote_at(
            &[
                "“I am so tired of waiting for the council.”",
                "— Rosa Delgado",
            ],
            "I am",
        );
        assert_eq!(
            (q.rule, speaker_name(&q)),
            ("dash-speaker", Some("Rosa Delgado"))
        );
        // A colon before the quotation introduces its speaker; no person, no speaker.
        let q = quote_at(
            &["Kerr on the levy: “It is fair.” — Tom Garrick (@tgarrick)"],
            "It is",
        );
        assert_eq!(
            (q.rule, q.speaker.as_ref().map(|s| s.text.as_str())),
            ("speaker-colon-quote", Some("Kerr"))
        );
        for paragraph in [
            "“It is fair.” — the Harbour Levy Act",
            "“It is fair.” — HARBOUR LEVY PASSES",
        ] {
            assert_ne!(
                quote_at(&[paragraph], "It is").rule,
                "dash-speaker",
                "{paragraph}"
            );
        }
    }

    #[test]
    fn a_full_name_right_before_the_colon() {
        let q = quote_at(&["The late swing did not surprise the pollster Ann Whitcombe: “Turnout was always going to decide this one.”"], "Turnout");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("name-colon-quote", Some("Ann Whitcombe"), None)
        );
    }

    #[test]
    fn new_cue_words() {
        let q = quote_at(&["Councillor Tom Garrick retorted: “That is simply not true, and the minutes show it.”"], "That is");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("speaker-cue-quote", Some("Tom Garrick"), Some("retorted"))
        );
        let q = quote_at(
            &["The hall grew louder, with Dana Kessler yelling “Let the people vote on it!”"],
            "Let the",
        );
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("participle", Some("Dana Kessler"), Some("yelling"))
        );
        let q = quote_at(&["Engineers at the plant speculated that the pumps “had been failing quietly for months.”"], "had been");
        assert_eq!(
            (q.rule, q.cue.as_deref()),
            ("speaker-cue-quote", Some("speculated"))
        );
    }

    #[test]
    fn a_participle_with_its_own_subject() {
        let paragraph = "After the meeting the two leaders issued a joint statement – Ann Kerr saying she was “very encouraged” and Tom Garrick calling it a “productive first step.”";
        let q = quote_at(&[paragraph], "very encouraged");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("participle", Some("Ann Kerr"), Some("saying"))
        );
        let q = quote_at(&[paragraph], "productive");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("participle", Some("Tom Garrick"), Some("calling"))
        );
        let q = quote_at(&["Protesters filled the square, with Dana Kessler reportedly yelling: “Let the people vote on it!”"], "Let the");
        assert_eq!(
            (q.rule, speaker_name(&q)),
            ("participle", Some("Dana Kessler"))
        );
        // "and" with no participle before it joins objects: the main clause's subject speaks.
        let q = quote_at(&["Mayor Ellen Porter thanked the firefighters and Tom Garrick, calling them “the best of this town.”"], "the best");
        assert_eq!(speaker_name(&q), Some("Ellen Porter"));
    }

    #[test]
    fn a_cue_inside_what_an_earlier_cue_reports() {
        let q = quote_at(&["Councillor Ann Kerr said Mayor Tom Garrick had called the budget “a work of fiction.”"], "a work");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("speaker-cue-quote", Some("Ann Kerr"), Some("called"))
        );
        let q = quote_at(
            &["Ann Kerr said she expected that voters would say “enough” to the levy."],
            "enough",
        );
        assert_eq!(speaker_name(&q), Some("Ann Kerr"));
        // A clause of its own after a comma or a subordinating word keeps its subject.
        let q = quote_at(
            &["After Ann Kerr said the levy was fair, Tom Garrick called it “a tax on the poor.”"],
            "a tax",
        );
        assert_eq!(speaker_name(&q), Some("Tom Garrick"));
        let q = quote_at(
            &["Ann Kerr spoke after Tom Garrick said the levy was “a tax on the poor.”"],
            "a tax",
        );
        assert_eq!(speaker_name(&q), Some("Tom Garrick"));
    }

    #[test]
    fn a_cue_in_a_relative_clause_before_the_quotation() {
        let q = quote_at(&["Under what Ann Kerr called “the old model,” the Westland club charged members twice, Tom Garrick said."], "the old model");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("speaker-cue-quote", Some("Ann Kerr"), Some("called"))
        );
        let q = quote_at(
            &["The plan drew charges that Tom Garrick, for one, called “pure fantasy.”"],
            "pure fantasy",
        );
        assert_eq!(speaker_name(&q), Some("Tom Garrick"));
        let q = quote_at(
            &["Ann Kerr said she expected that Tom Garrick would say “no” to the levy."],
            "no",
        );
        assert_eq!(speaker_name(&q), Some("Ann Kerr"));
    }

    #[test]
    fn an_apposition_with_no_closing_comma() {
        let q = quote_at(&["Ann Kerr, president and CEO of the Harbour Valley Trust stated, “The figures do not add up.”"], "The figures");
        assert_eq!(
            (q.rule, speaker_name(&q), q.cue.as_deref()),
            ("speaker-cue-quote", Some("Ann Kerr"), Some("stated"))
        );
        let q = quote_at(&["Tom Garrick, the finance director for the Northfield County Council said: “We will not raise the levy.”"], "We will");
        assert_eq!(
            (q.rule, speaker_name(&q)),
            ("speaker-cue-quote", Some("Tom Garrick"))
        );
        // A chain of "of": the name before the first.
        let q = quote_at(&["As Bishop Piotr Nowak of the Polish Mission of Chicago told reporters, “We are tired of waiting.”"], "We are");
        assert_eq!(speaker_name(&q), Some("Piotr Nowak"));
        let q = quote_at(&["Ann Kerr, president and CEO of Westland Dairy Growers Association stated, “The figures do not add up.”"], "The figures");
        assert_eq!(speaker_name(&q), Some("Ann Kerr"));
        // A list is no apposition.
        let q = quote_at(&["Kerr, Garrick and members of the Harbour Valley Trust said the plan was “dead on arrival.”"], "dead");
        assert_ne!(speaker_name(&q), Some("Kerr"));
    }
}
