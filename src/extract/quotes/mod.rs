//! Direct quotations in an article's body paragraphs, with who said them (the speaker),
//! the verb that says so (the cue) and who relayed them (the channel, "via").
//!
//! The paragraphs are read in order, as one article: a quotation may run over several
//! paragraphs, and "he said" or "the spokesman said" refers back to a person named earlier.
//! For each quotation (see [`marks`]) the sentence around it is searched for
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
//! title, cue or not, and so is one of a list of them ("“Moonlight,” “Fences” and “Lion”").
//!
//! Speakers are resolved inside the article by [`Names`]: a name to the best full name
//! written ("Assad" → "Bashar al-Assad"), a pronoun or a title ("he", "the spokesman") to
//! the nearest person named before it.
//!
//! The parts: [`marks`] pairs quotation marks, damaged ones too (straight, mangled as `"?`,
//! apostrophes turned into `"`, unbalanced, a paragraph break lost); `cues` finds the
//! verbs that say who said it; `attribution` tries them in order; `labels` reads speakers
//! named with no cue (a colon, a transcript's label, a dash); `phrases` the noun phrases a
//! speaker may be; `terms` sets scare quotes and titles apart; `inherit` gives quotations
//! with no cue of their own a speaker from around them; `resolve` names speakers and
//! channels.

use std::ops::Range;

use super::names::{self, Names};
use super::tokens::{self, Kind as TokenKind, Token};
use crate::vocab::gazetteer::{gazetteer, Category};
use crate::vocab::lexicon::{class, Cue, Role, LEXICON};
use marks::Quoted;

mod attribution;
mod cues;
mod inherit;
mod labels;
pub mod marks;
mod phrases;
mod resolve;
mod terms;
#[cfg(test)]
mod tests;

use attribution::*;
use cues::*;
use inherit::*;
use labels::*;
use phrases::*;
use resolve::*;
use terms::*;

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
/// How many words a title in a list of titles may have (“The Girl with the Dragon Tattoo”).
const LIST_TITLE_WORDS: usize = 10;
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

    fn cut(mut chars: Vec<char>, quoted: Vec<Quoted>) -> Paragraph {
        // The `?` of a closing mark mangled as `"?` is part of the mark, not a question
        // mark ending the sentence: it is read as a space. It lies outside every quotation's
        // text, which is all the returned quotes take from `chars`.
        for q in &quoted {
            if let Some(close) = q.close {
                if close >= q.end + 2 && chars[close - 2] == '"' && chars[close - 1] == '?' {
                    chars[close - 1] = ' ';
                }
            }
        }
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
