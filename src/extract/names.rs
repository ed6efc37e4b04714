//! Names of people written in an article's paragraphs, as the quote extractor reads them for
//! speakers: a name is a run of capitalised words (with particles such as "al-" or "van",
//! initials and "Jr."), and the titles and honorifics before it come from `titles.txt` and
//! the vocabulary's honorifics ("Syrian President Bashar al-Assad" → "Bashar al-Assad").
//!
//! [`Names`] answers the questions quotes ask: the best full name for a short form ("Assad" →
//! "Bashar al-Assad"), the person a pronoun or "the spokesman" stands for, the outlet or agency
//! "the report" comes from. Entities are not found here: the tagger ([`super::ner`]) finds
//! them, and `link` gives a quote's speaker the tagged entity of the same name.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

use super::tokens::{self, Token};
use crate::vocab::lexicon::{class, LEXICON};

/// A name written in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    pub paragraph: usize,
    /// The name proper, in code points of its paragraph (titles and "'s" left out).
    pub start: usize,
    pub end: usize,
    /// The name as written, titles left out: "Bashar al-Assad".
    pub name: String,
    /// Title and role words written before it, lower case ("president", "spokeswoman").
    pub titles: Vec<String>,
    /// Looks like a person: it has a title or honorific, or two words or more and none
    /// that names a place or an organisation.
    pub person: bool,
    key: Vec<String>,
}

/// The names of an article, read paragraph by paragraph as questions need them: most
/// questions are answered by the paragraph asked about or the one before it, so the rest of
/// a long article is never read.
pub struct Names<'a> {
    paragraphs: &'a [&'a str],
    scans: Vec<OnceCell<Scan>>,
    /// The last person named in each paragraph, once asked.
    last_persons: Vec<OnceCell<Option<usize>>>,
    /// The names written around each place a word is written, once asked.
    around: RefCell<HashMap<String, Vec<NameMention>>>,
    /// The first paragraph where a word ends a person's name of two words or more, once
    /// asked.
    surnames: RefCell<HashMap<String, Option<usize>>>,
}

/// How many paragraphs back a pronoun or "the spokesman" may find the person it stands for.
pub const PERSON_REACH: usize = 4;

/// How far (in bytes) around a word the text is read for the name it belongs to.
const WINDOW: usize = 80;

/// What one paragraph names.
#[derive(Debug, Default)]
struct Scan {
    mentions: Vec<NameMention>,
    /// Outlets and agencies: (code point, name).
    channels: Vec<(usize, String)>,
}

impl<'a> Names<'a> {
    pub fn new(paragraphs: &'a [&'a str]) -> Names<'a> {
        Names {
            paragraphs,
            scans: paragraphs.iter().map(|_| OnceCell::new()).collect(),
            last_persons: paragraphs.iter().map(|_| OnceCell::new()).collect(),
            around: RefCell::default(),
            surnames: RefCell::default(),
        }
    }

    fn scan(&self, paragraph: usize) -> &Scan {
        self.scans[paragraph].get_or_init(|| scan(paragraph, self.paragraphs[paragraph]))
    }

    /// Every name in the article, in reading order.
    pub fn mentions(&self) -> impl Iterator<Item = &NameMention> {
        (0..self.paragraphs.len()).flat_map(|p| self.scan(p).mentions.iter())
    }

    /// Mentions before `at`, nearest first, in its paragraph and the `reach` before it
    /// whose text has `needle` (all of them with an empty needle).
    fn before(
        &self,
        at: (usize, usize),
        needle: &'a str,
        reach: usize,
    ) -> impl Iterator<Item = &NameMention> {
        let last = at.0.min(self.paragraphs.len().saturating_sub(1));
        (last.saturating_sub(reach)..=last)
            .rev()
            .filter(move |&p| p < self.paragraphs.len() && self.paragraphs[p].contains(needle))
            .flat_map(move |p| self.scan(p).mentions.iter().rev())
            .filter(move |m| (m.paragraph, m.start) < at)
    }

    /// The names around every place `word` is written as a word, each read from a short
    /// window of its paragraph, so that asking about a name does not read the article.
    fn around(&self, word: &str) -> std::cell::Ref<'_, [NameMention]> {
        if !self.around.borrow().contains_key(word) {
            let found: Vec<NameMention> = self
                .paragraphs
                .iter()
                .enumerate()
                .flat_map(|(p, text)| names_around(p, text, word))
                .collect();
            self.around.borrow_mut().insert(word.to_string(), found);
        }
        std::cell::Ref::map(self.around.borrow(), |around| {
            around.get(word).map_or(&[][..], Vec::as_slice)
        })
    }

    /// The outlet or agency named nearest before `at` ("KCNA" in "State news agency KCNA",
    /// "Korean Central News Agency"), for "the report" or "state media" to refer to.
    ///
    /// ```
    /// use corpusdb::extract::names::Names;
    /// let paragraphs = ["State news agency KCNA quoted Assad.", "The report said so."];
    /// let names = Names::new(&paragraphs);
    /// assert_eq!(names.channel_before((1, 0)).as_deref(), Some("KCNA"));
    /// ```
    pub fn channel_before(&self, at: (usize, usize)) -> Option<String> {
        let last = at.0.min(self.paragraphs.len().checked_sub(1)?);
        (0..=last).rev().find_map(|p| {
            self.scan(p)
                .channels
                .iter()
                .rev()
                .find(|(start, _)| (p, *start) < at)
                .map(|(_, name)| name.clone())
        })
    }

    /// The best full name in the article for a one-word `name` written at `at` (paragraph,
    /// code point): the nearest longer name before it (else the first after it) that ends in
    /// that word (with none, a person's name of three words that starts with it: "Kim Jong
    /// Un"); `name` itself when there is none or when it has two words or more.
    ///
    /// ```
    /// use corpusdb::extract::names::Names;
    /// let paragraphs = ["Syrian President Bashar al-Assad met Kim Jong Un.", "Assad and Kim spoke."];
    /// let names = Names::new(&paragraphs);
    /// assert_eq!(names.best_name("Assad", (1, 0)), "Bashar al-Assad");
    /// assert_eq!(names.best_name("Kim", (1, 10)), "Kim Jong Un");
    /// assert_eq!(names.best_name("Trump", (1, 0)), "Trump");
    /// ```
    pub fn best_name(&self, name: &str, at: (usize, usize)) -> String {
        let key = key_words(name);
        if key.len() > 1 {
            // A full name already; a longer one ("Hillary Rodham Clinton") is the same person.
            return name.to_string();
        }
        let Some(word) = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .rfind(|w| !w.is_empty())
        else {
            return name.to_string();
        };
        let around = self.around(word);
        let nearest = |matches: &dyn Fn(&NameMention) -> bool| {
            let before = around
                .iter()
                .filter(|m| (m.paragraph, m.start) < at && matches(m))
                .last();
            before.or_else(|| around.iter().find(|m| matches(m)))
        };
        // Family name first ("Kim" in "Kim Jong Un"): only for persons of three words.
        let found = nearest(&|m| m.key.len() > 1 && m.key.last() == key.last())
            .or_else(|| nearest(&|m| m.person && m.key.len() >= 3 && m.key.first() == key.first()));
        found.map_or_else(|| name.to_string(), |m| m.name.clone())
    }

    /// The nearest person named before `at`, in its paragraph or the few before it
    /// ([`PERSON_REACH`]); with `titles`, the nearest whose title words include one of them,
    /// if any does.
    ///
    /// ```
    /// use corpusdb::extract::names::Names;
    /// let paragraphs = ["Spokeswoman Haley Morris and Senator Ted Cruz spoke.", "Then Cruz left."];
    /// let names = Names::new(&paragraphs);
    /// assert_eq!(names.person_before((2, 0), &[]).map(|m| m.name.as_str()), Some("Cruz"));
    /// let titles = ["spokeswoman".to_string()];
    /// assert_eq!(names.person_before((2, 0), &titles).map(|m| m.name.as_str()), Some("Haley Morris"));
    /// ```
    pub fn person_before(&self, at: (usize, usize), titles: &[String]) -> Option<&NameMention> {
        if titles.is_empty() {
            // Within the paragraph, then the last person of each paragraph before (kept).
            let paragraph = at.0.min(self.paragraphs.len().checked_sub(1)?);
            let here = self
                .scan(paragraph)
                .mentions
                .iter()
                .rev()
                .find(|m| (m.paragraph, m.start) < at && self.is_person(m));
            return here.or_else(|| {
                (paragraph.saturating_sub(PERSON_REACH)..paragraph)
                    .rev()
                    .find_map(|p| self.last_person(p))
            });
        }
        let mut persons = self
            .before(at, "", PERSON_REACH)
            .filter(|m| self.is_person(m));
        let nearest = persons.next()?;
        let titled = std::iter::once(nearest)
            .chain(persons)
            .find(|m| m.titles.iter().any(|t| titles.contains(t)));
        Some(titled.unwrap_or(nearest))
    }

    /// The first person named anywhere in the article by a name of two words or more that
    /// ends in `words`, compared case-insensitively: "PENCE" or "Mike PENCE" → "Mike Pence".
    ///
    /// ```
    /// use corpusdb::extract::names::Names;
    /// let paragraphs = ["“KERR: We will not close the mill.”", "Mayor Ann Kerr spoke first."];
    /// let names = Names::new(&paragraphs);
    /// assert_eq!(names.person_ending_in("KERR").map(|m| m.name.as_str()), Some("Ann Kerr"));
    /// assert!(names.person_ending_in("MILL").is_none());
    /// ```
    pub fn person_ending_in(&self, words: &str) -> Option<&NameMention> {
        let key = key_words(words);
        let ends = |m: &&NameMention| m.person && m.key.len() > 1 && m.key.ends_with(&key);
        (!key.is_empty())
            .then(|| self.mentions().find(ends))
            .flatten()
    }

    fn last_person(&self, paragraph: usize) -> Option<&NameMention> {
        let index = *self.last_persons[paragraph].get_or_init(|| {
            self.scan(paragraph)
                .mentions
                .iter()
                .rposition(|m| self.is_person(m))
        });
        index.map(|i| &self.scan(paragraph).mentions[i])
    }

    /// A person's name, or one word that is the last of a person's name written in its
    /// paragraph or before ("Assad" once "Bashar al-Assad" is written).
    pub(crate) fn is_person(&self, m: &NameMention) -> bool {
        m.person || (m.key.len() == 1 && self.surname_of_person(m))
    }

    fn surname_of_person(&self, m: &NameMention) -> bool {
        let word = m
            .name
            .rsplit(|c: char| c.is_whitespace() || c == '-')
            .next()
            .unwrap_or_default();
        self.is_surname(word, m.paragraph)
    }

    /// Whether one word written in `paragraph` is a person's surname: it ends a name of two
    /// words or more written there or before ("Cruz" once "Ted Cruz" is written; not
    /// "Audiences" or "Specifically" opening a sentence).
    pub fn is_surname(&self, word: &str, paragraph: usize) -> bool {
        let Some(key) = key_words(word).pop() else {
            return false;
        };
        let known = self.surnames.borrow().get(&key).copied();
        let first = known.unwrap_or_else(|| {
            let first = if LEXICON.not_person.contains(&key) {
                None
            } else {
                self.paragraphs
                    .iter()
                    .position(|text| ends_a_name(text, word))
            };
            self.surnames.borrow_mut().insert(key, first);
            first
        });
        // The full name is written in this paragraph or an earlier one.
        first.is_some_and(|p| p <= paragraph)
    }
}

/// Whether `word` is written somewhere in `text` right after a capitalised word that is
/// neither a title nor a function word ("Donald Trump", "Bashar al-Assad"; not "President
/// Trump" or "When Trump"): a look at the word before, with no tokenizer.
fn ends_a_name(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let end = at + word.len();
        let bounded = !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        let mut before = text[..at].trim_end_matches(' ');
        if let Some(joined) = before.strip_suffix('-') {
            // "al-Assad": the particle, then the word before it.
            let particle = joined.rsplit(' ').next().unwrap_or_default();
            if !LEXICON.particles.contains(&particle.to_lowercase()) {
                return false;
            }
            before = joined[..joined.len() - particle.len()].trim_end_matches(' ');
        }
        let previous = before.rsplit(' ').next().unwrap_or_default();
        let capitalised = previous.chars().next().is_some_and(char::is_uppercase)
            && previous.chars().last().is_some_and(char::is_alphanumeric);
        let plain = || {
            LEXICON
                .classes
                .get(&previous.to_lowercase())
                .is_none_or(|c| c & (class::STOPWORD | class::TITLE | class::HONORIFIC) == 0)
        };
        bounded && capitalised && !previous.ends_with("'s") && !previous.ends_with("’s") && plain()
    })
}

/// The names written around each place `word` stands as a word in `text`.
fn names_around(paragraph: usize, text: &str, word: &str) -> Vec<NameMention> {
    let mut out = Vec::new();
    if word.is_empty() {
        return out;
    }
    for (at, _) in text.match_indices(word) {
        let end = at + word.len();
        let starts_word = !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let ends_word = !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if !(starts_word && ends_word) {
            continue;
        }
        // Only a capitalised word or a particle right before makes a longer name …
        let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
        let previous = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        let joined = previous.chars().next().is_some_and(char::is_uppercase)
            || (previous.len() <= 4 && LEXICON.particles.contains(&previous.to_lowercase()));
        // … or one right after ("Kim" in "Kim Jong Un").
        let followed = text[end..]
            .trim_start_matches([' ', '-'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !joined && !followed {
            continue;
        }
        let from = (at.saturating_sub(WINDOW)..=at)
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(at);
        let to = (end..=(end + WINDOW).min(text.len()))
            .rev()
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(end);
        let chars: Vec<char> = text[from..to].chars().collect();
        let mut tokens = Vec::new();
        tokens::words(&chars, 0, chars.len(), &mut tokens);
        let target = text[from..at].chars().count();
        let Some(k) = tokens
            .iter()
            .position(|t| t.start <= target && target < t.end)
        else {
            continue;
        };
        let Some(start) = run_before(&tokens, k + 1).map(|r| r.start) else {
            continue;
        };
        let Some(run) = run_from(&tokens, start) else {
            continue;
        };
        if let Some(mut m) = mention(&chars, &tokens, paragraph, run) {
            let offset = text[..from].chars().count();
            m.start += offset;
            m.end += offset;
            out.push(m);
        }
    }
    out
}

/// Reads the names and channels of one paragraph.
fn scan(paragraph: usize, text: &str) -> Scan {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    tokens::words(&chars, 0, chars.len(), &mut tokens);
    let mut out = Scan::default();
    for run in runs(&tokens) {
        if let Some(name) = channel(&chars, &tokens, run.clone()) {
            out.channels.push((tokens[run.start].start, name));
        }
        out.mentions
            .extend(mention(&chars, &tokens, paragraph, run));
    }
    out
}

/// The runs of name words among `tokens`, in order.
fn runs(tokens: &[Token]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < tokens.len() {
            if let Some(run) = run_from(tokens, i) {
                i = run.end;
                return Some(run);
            }
            i += 1;
        }
        None
    })
}

/// The names among tokens a caller has already cut (a paragraph with quotations).
pub(crate) fn mentions_in(chars: &[char], tokens: &[Token], paragraph: usize) -> Vec<NameMention> {
    runs(tokens)
        .filter_map(|run| mention(chars, tokens, paragraph, run))
        .collect()
}

/// The key two spellings of one person's name share: lower case, words split at spaces and
/// hyphens, dots and apostrophe styles ignored. The store can keep one person per key.
///
/// ```
/// use corpusdb::extract::names::person_key;
/// assert_eq!(person_key("Kim Jong-Un"), person_key("Kim Jong Un"));
/// assert_eq!(person_key("Martin O’Malley"), "martin o'malley");
/// ```
pub fn person_key(name: &str) -> String {
    key_words(name).join(" ")
}

/// Whether two names can be one person: the same last word and, when both have two words
/// or more, the same first word ("Trump" and "Donald Trump"; not "Eric Trump" and "Donald
/// Trump").
///
/// ```
/// use corpusdb::extract::names::same_person;
/// assert!(same_person("Trump", "Donald Trump"));
/// assert!(same_person("Hillary Rodham Clinton", "Hillary Clinton"));
/// assert!(!same_person("Eric Trump", "Donald Trump"));
/// assert!(!same_person("Clinton", "Sanders"));
/// ```
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (key_words(a), key_words(b));
    let both_long = a.len() > 1 && b.len() > 1;
    !a.is_empty() && a.last() == b.last() && (!both_long || a.first() == b.first())
}

/// The proper name a noun phrase ends in, titles and honorifics stripped; `None` when the
/// phrase does not name anyone ("the spokesman", "Clinton's campaign"). Text after a comma,
/// a parenthesis or "who" is an apposition and is ignored.
///
/// ```
/// use corpusdb::extract::names::proper_name;
/// assert_eq!(proper_name("Syrian President Bashar al-Assad").as_deref(), Some("Bashar al-Assad"));
/// assert_eq!(proper_name("Republican presidential candidate Ben Carson").as_deref(), Some("Ben Carson"));
/// assert_eq!(proper_name("Mun Jong Nam, the ambassador").as_deref(), Some("Mun Jong Nam"));
/// assert_eq!(proper_name("Mr. Trump").as_deref(), Some("Trump"));
/// assert_eq!(proper_name("former Gov. Jeb Bush of Florida").as_deref(), Some("Jeb Bush"));
/// assert_eq!(proper_name("Secretary of State John Kerry").as_deref(), Some("John Kerry"));
/// assert_eq!(proper_name("the Republican presidential candidate"), None);
/// assert_eq!(proper_name("O’Malley’s campaign"), None);
/// assert_eq!(proper_name("he"), None);
/// ```
pub fn proper_name(phrase: &str) -> Option<String> {
    let chars: Vec<char> = phrase.chars().collect();
    let mut tokens = Vec::new();
    tokens::words(&chars, 0, chars.len(), &mut tokens);
    // The head ends at a comma, a parenthesis, "who", or "of" after a name ("Jeb Bush of
    // Florida"; not "Secretary of State John Kerry").
    let head = (0..tokens.len())
        .find(|&i| {
            let t = &tokens[i];
            let of_place = t.has(class::OF)
                && i > 0
                && is_name_word(&tokens[i - 1])
                && !is_title(&tokens[i - 1]);
            t.is_punct(',')
                || t.is_punct('(')
                || of_place
                || matches!(t.lower(&chars).as_str(), "who" | "which")
        })
        .unwrap_or(tokens.len());
    let tokens = &tokens[..head];
    // The last run of name words must end the head.
    let run = run_before(tokens, tokens.len())?;
    if tokens[run.end - 1].is_possessive() {
        return None;
    }
    let start = run.start;
    let before_ok = tokens[..start]
        .iter()
        .all(|t| t.is_word() && (is_title(t) || t.has(class::DETERMINER)));
    if !before_ok {
        return None;
    }
    let part = name_part(tokens, run)?;
    Some(join(&chars, &tokens[part]))
}

/// Lower-case words of a name, split at spaces and hyphens, without dots and with one
/// apostrophe style.
fn key_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(|c| *c != '.')
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word that can be part of a name: capitalised and not a function word, or a particle
/// joined to a capitalised word ("al-Assad").
pub(crate) fn is_name_word(t: &Token) -> bool {
    t.is_word() && t.has(class::NAME)
}

pub(crate) fn is_title(t: &Token) -> bool {
    t.is_word() && t.has(class::TITLE | class::HONORIFIC)
}

/// Whether token `i` belongs to a name run: a name word, or a particle, "of" (in
/// "Secretary of State") or suffix between name words. A possessive ends a run (in
/// "Syria's Bashar al-Assad" the name is the second); the callers see to that.
fn continues_run(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if is_name_word(t) {
        return true;
    }
    let next_is_name = tokens.get(i + 1).is_some_and(is_name_word);
    let prev_is_name = i > 0 && is_name_word(&tokens[i - 1]);
    (t.has(class::PARTICLE) && next_is_name && prev_is_name)
        || (t.has(class::OF) && next_is_name && i > 0 && is_title(&tokens[i - 1]))
        || (t.has(class::SUFFIX) && prev_is_name)
}

/// The run of name words that starts at token `i`, if one does.
pub(crate) fn run_from(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    if !tokens.get(i).is_some_and(is_name_word) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && !tokens[end - 1].is_possessive() && continues_run(tokens, end) {
        end += 1;
    }
    Some(i..end)
}

/// The run of name words that ends just before token `end`.
pub(crate) fn run_before(tokens: &[Token], end: usize) -> Option<Range<usize>> {
    let mut start = end;
    while start > 0 && is_run_word(tokens, start - 1, end) {
        start -= 1;
    }
    (start < end).then_some(start..end)
}

fn is_run_word(tokens: &[Token], i: usize, end: usize) -> bool {
    let t = &tokens[i];
    if t.is_possessive() && i + 1 < end {
        return false;
    }
    continues_run(&tokens[..end], i)
}

/// The name proper inside a run: what follows its last title, honorific or affiliation.
pub(crate) fn name_part(tokens: &[Token], run: Range<usize>) -> Option<Range<usize>> {
    let mut start = run.start;
    for i in run.clone() {
        let t = &tokens[i];
        let of_title = t.has(class::OF) || (i > run.start && tokens[i - 1].has(class::OF));
        if is_title(t) || of_title {
            start = i + 1;
        }
    }
    (start < run.end).then_some(start..run.end)
}

fn mention(
    chars: &[char],
    tokens: &[Token],
    paragraph: usize,
    run: Range<usize>,
) -> Option<NameMention> {
    let part = name_part(tokens, run.clone())?;
    let mut titles: Vec<String> = tokens[run.start..part.start]
        .iter()
        .filter(|t| is_title(t))
        .map(|t| t.lower(chars).to_string())
        .collect();
    // Lower-case roles just before the run: "presidential candidate Ben Carson".
    let mut i = run.start;
    while i > 0
        && tokens[i - 1].is_word()
        && !chars[tokens[i - 1].start].is_uppercase()
        && is_title(&tokens[i - 1])
    {
        i -= 1;
        titles.push(tokens[i].lower(chars).to_string());
    }
    let name = join(chars, &tokens[part.clone()]);
    let key = key_words(&name);
    let named_thing = key.iter().any(|w| LEXICON.not_person.contains(w));
    let acronym = tokens[part.clone()]
        .iter()
        .any(|t| t.end - t.start > 1 && chars[t.start..t.end].iter().all(|c| !c.is_lowercase()));
    let person = !named_thing && !acronym && (!titles.is_empty() || key.len() > 1);
    let last = &tokens[part.end - 1];
    let end = if last.is_possessive() {
        last.end - 2
    } else {
        last.end
    };
    Some(NameMention {
        paragraph,
        start: tokens[part.start].start,
        end,
        name,
        titles,
        person,
        key,
    })
}

/// The channel a run of name words names: an acronym next to a word such as "agency"
/// ("news agency KCNA", "KCNA news agency"), or a run with such a word in it ("Korean
/// Central News Agency", shortened to the acronym in parentheses after it if there is one).
fn channel(chars: &[char], tokens: &[Token], run: Range<usize>) -> Option<String> {
    let is_channel_word = |t: &Token| t.is_word() && t.has(class::CHANNEL);
    let near = |i: usize| i < tokens.len() && is_channel_word(&tokens[i]);
    let is_acronym =
        |t: &Token| t.end - t.start >= 2 && chars[t.start..t.end].iter().all(|c| c.is_uppercase());
    if run.len() == 1 && is_acronym(&tokens[run.start]) {
        let beside = (run.start > 0 && near(run.start - 1)) || near(run.end);
        return beside.then(|| tokens[run.start].text(chars));
    }
    if !tokens[run.clone()].iter().any(is_channel_word) {
        return None;
    }
    let in_parens = tokens.get(run.end).is_some_and(|t| t.is_punct('('))
        && tokens.get(run.end + 2).is_some_and(|t| t.is_punct(')'));
    match tokens.get(run.end + 1) {
        Some(t) if in_parens && is_acronym(t) => Some(t.text(chars)),
        _ => Some(join(chars, &tokens[run])),
    }
}

/// The words of a name as written, one space between them, without a final "'s".
pub(crate) fn join(chars: &[char], tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        let end = if t.is_possessive() { t.end - 2 } else { t.end };
        out.extend(&chars[t.start..end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_strip_titles_and_possessives() {
        let paragraphs = ["Syria's Bashar al-Assad met North Korean Ambassador Mun Jong Nam and Secretary of State John Kerry."];
        let names = Names::new(&paragraphs);
        let found: Vec<&NameMention> = names.mentions().collect();
        let texts: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            texts,
            ["Syria", "Bashar al-Assad", "Mun Jong Nam", "John Kerry"]
        );
        let mun = found[2];
        assert!(mun.person);
        assert_eq!(mun.titles, ["north", "korean", "ambassador"]);
        assert!(
            !found[0].person,
            "one word and no title: not known as a person"
        );
    }

    #[test]
    fn offsets_cut_the_name() {
        let text = "Spokeswoman Haley Morris’s view";
        let paragraphs = [text];
        let names = Names::new(&paragraphs);
        let m = names.mentions().next().unwrap();
        let cut: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(cut, "Haley Morris");
    }

    #[test]
    fn places_and_organisations_are_not_persons() {
        let paragraphs = ["The White House and North Korea and the KCNA agency."];
        let names = Names::new(&paragraphs);
        assert!(names.mentions().all(|m| !m.person));
    }

    #[test]
    fn a_surname_is_a_person_once_the_full_name_is_written() {
        let paragraphs = [
            "Syrian President Bashar al-Assad spoke.",
            "Pyongyang and Assad agreed.",
        ];
        let names = Names::new(&paragraphs);
        assert_eq!(
            names.person_before((1, 100), &[]).map(|m| m.name.as_str()),
            Some("Assad")
        );
        assert_eq!(
            names.person_before((1, 5), &[]).map(|m| m.name.as_str()),
            Some("Bashar al-Assad")
        );
    }
}
