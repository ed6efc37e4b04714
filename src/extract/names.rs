//! Names of people inside one article: where they are written, the name proper without its
//! titles ("Syrian President Bashar al-Assad" → "Bashar al-Assad"), and the best full name a
//! short form stands for ("Assad" → "Bashar al-Assad", "Mr. Trump" → "Donald Trump").
//!
//! There is no entity recogniser yet: a name is a run of capitalised words (with particles
//! such as "al-" or "van", initials and "Jr."), and the titles, honorifics and affiliations
//! that stand before it come from `titles.txt` and `honorifics.txt`. [`Names`] is the seam an
//! entity linker replaces: quotes ask it for the person a mention stands for.

use std::ops::Range;

use super::lexicon::LEXICON;
use super::marks;
use super::tokens::{self, Token};

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

/// Every name in an article, in reading order.
#[derive(Debug, Clone, Default)]
pub struct Names {
    mentions: Vec<NameMention>,
    /// Outlets and agencies: (paragraph, code point, name).
    channels: Vec<((usize, usize), String)>,
}

impl Names {
    /// Reads the names of an article's paragraphs.
    pub fn build(paragraphs: &[&str]) -> Names {
        let mut names = Names::default();
        for (paragraph, text) in paragraphs.iter().enumerate() {
            let chars: Vec<char> = text.chars().collect();
            let quoted = marks::quotations(&chars);
            let tokens = tokens::tokenize(&chars, &quoted);
            let mut i = 0;
            while i < tokens.len() {
                let Some(run) = run_from(&chars, &tokens, i) else {
                    i += 1;
                    continue;
                };
                if let Some(name) = channel(&chars, &tokens, run.clone()) {
                    names.channels.push(((paragraph, tokens[run.start].start), name));
                }
                if let Some(mention) = mention(&chars, &tokens, paragraph, run.clone()) {
                    names.mentions.push(mention);
                }
                i = run.end;
            }
        }
        // A one-word name is a person's when a person's full name ends in it ("Assad").
        let surnames: Vec<String> = names.mentions.iter().filter(|m| m.person && m.key.len() > 1).filter_map(|m| m.key.last().cloned()).collect();
        for m in &mut names.mentions {
            if m.key.len() == 1 && surnames.contains(&m.key[0]) {
                m.person = true;
            }
        }
        names
    }

    /// The outlet or agency named nearest before `at` ("KCNA" in "State news agency KCNA",
    /// "Korean Central News Agency"), for "the report" or "state media" to refer to.
    ///
    /// ```
    /// use corpusdb::extract::names::Names;
    /// let names = Names::build(&["State news agency KCNA quoted Assad.", "The report said so."]);
    /// assert_eq!(names.channel_before((1, 0)).as_deref(), Some("KCNA"));
    /// ```
    pub fn channel_before(&self, at: (usize, usize)) -> Option<String> {
        self.channels.iter().rev().find(|(pos, _)| *pos < at).map(|(_, name)| name.clone())
    }

    pub fn mentions(&self) -> &[NameMention] {
        &self.mentions
    }

    /// The best full name in the article for `name` written at `at` (paragraph, code
    /// point): the nearest mention before it (else the first after it) that has the same
    /// last word and more words (for a one-word name with none, a person's name of three
    /// words that starts with it: "Kim Jong Un"); `name` itself when there is none.
    ///
    /// ```
    /// use corpusdb::extract::names::Names;
    /// let names = Names::build(&["Syrian President Bashar al-Assad met Kim Jong Un.", "Assad and Kim spoke."]);
    /// assert_eq!(names.best_name("Assad", (1, 0)), "Bashar al-Assad");
    /// assert_eq!(names.best_name("Kim", (1, 10)), "Kim Jong Un");
    /// assert_eq!(names.best_name("Trump", (1, 0)), "Trump");
    /// ```
    pub fn best_name(&self, name: &str, at: (usize, usize)) -> String {
        let key = key_words(name);
        if key.is_empty() {
            return name.to_string();
        }
        let longer = |m: &&NameMention| m.key.len() > key.len();
        let by_last = |m: &&NameMention| m.key.last() == key.last() && (key.len() == 1 || m.key.first() == key.first());
        // Family name first ("Kim" in "Kim Jong Un"): only for persons of three words.
        let by_first = |m: &&NameMention| key.len() == 1 && m.person && m.key.len() >= 3 && m.key.first() == key.first();
        let nearest = |matches: &dyn Fn(&&NameMention) -> bool| {
            let before = self.mentions.iter().filter(|m| (m.paragraph, m.start) < at).filter(longer).filter(matches).last();
            before.or_else(|| self.mentions.iter().filter(longer).find(matches))
        };
        nearest(&by_last).or_else(|| nearest(&by_first)).map_or_else(|| name.to_string(), |m| m.name.clone())
    }

    /// The nearest person named before `at`; with `titles`, the nearest whose title words
    /// include one of them, if any does.
    pub fn person_before(&self, at: (usize, usize), titles: &[String]) -> Option<&NameMention> {
        let before = || self.mentions.iter().rev().filter(move |m| m.person && (m.paragraph, m.start) < at);
        let titled = before().find(|m| m.titles.iter().any(|t| titles.contains(t)));
        titled.or_else(|| before().next())
    }
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
            let of_place = t.lower(&chars) == "of" && i > 0 && is_name_word(&chars, &tokens[i - 1]) && !is_title(&chars, &tokens[i - 1]);
            t.is_punct(',') || t.is_punct('(') || of_place || matches!(t.lower(&chars).as_str(), "who" | "which")
        })
        .unwrap_or(tokens.len());
    let tokens = &tokens[..head];
    // The last run of name words must end the head.
    let run = run_before(&chars, tokens, tokens.len())?;
    if tokens[run.end - 1].is_possessive(&chars) {
        return None;
    }
    let start = run.start;
    let before_ok = tokens[..start].iter().all(|t| t.is_word() && (is_title(&chars, t) || LEXICON.determiners.contains(&t.lower(&chars))));
    if !before_ok {
        return None;
    }
    let part = name_part(&chars, tokens, run)?;
    Some(join(&chars, &tokens[part]))
}

/// Lower-case words of a name, split at spaces and hyphens, without dots and with one
/// apostrophe style.
fn key_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.chars().filter(|c| *c != '.').map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word that can be part of a name: capitalised and not a function word, or a particle
/// joined to a capitalised word ("al-Assad").
pub(crate) fn is_name_word(chars: &[char], t: &Token) -> bool {
    if !t.is_word() {
        return false;
    }
    let first = chars[t.start];
    if first.is_uppercase() {
        return !LEXICON.stopwords.contains(&t.lower(chars));
    }
    let text = t.text(chars);
    text.split_once('-').is_some_and(|(particle, rest)| {
        LEXICON.particles.contains(particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

pub(crate) fn is_title(chars: &[char], t: &Token) -> bool {
    t.is_word() && (LEXICON.titles.contains(&t.lower(chars)) || LEXICON.honorifics.contains(&t.text(chars)))
}

/// Whether token `i` belongs to a name run: a name word, or a particle, "of" (in
/// "Secretary of State") or suffix between name words. A possessive ends a run (in
/// "Syria's Bashar al-Assad" the name is the second); the callers see to that.
fn continues_run(chars: &[char], tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if is_name_word(chars, t) {
        return true;
    }
    let lower = t.lower(chars);
    let next_is_name = tokens.get(i + 1).is_some_and(|n| is_name_word(chars, n));
    let prev_is_name = i > 0 && is_name_word(chars, &tokens[i - 1]);
    (LEXICON.particles.contains(&lower) && next_is_name && prev_is_name)
        || (lower == "of" && next_is_name && i > 0 && is_title(chars, &tokens[i - 1]))
        || (LEXICON.name_suffixes.contains(&lower) && prev_is_name)
}

/// The run of name words that starts at token `i`, if one does.
pub(crate) fn run_from(chars: &[char], tokens: &[Token], i: usize) -> Option<Range<usize>> {
    if !is_name_word(chars, &tokens[i]) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && !tokens[end - 1].is_possessive(chars) && continues_run(chars, tokens, end) {
        end += 1;
    }
    Some(i..end)
}

/// The run of name words that ends just before token `end`.
pub(crate) fn run_before(chars: &[char], tokens: &[Token], end: usize) -> Option<Range<usize>> {
    let mut start = end;
    while start > 0 && is_run_word(chars, tokens, start - 1, end) {
        start -= 1;
    }
    (start < end).then_some(start..end)
}

fn is_run_word(chars: &[char], tokens: &[Token], i: usize, end: usize) -> bool {
    let t = &tokens[i];
    if t.is_possessive(chars) && i + 1 < end {
        return false;
    }
    continues_run(chars, &tokens[..end], i)
}

/// The name proper inside a run: what follows its last title, honorific or affiliation.
pub(crate) fn name_part(chars: &[char], tokens: &[Token], run: Range<usize>) -> Option<Range<usize>> {
    let mut start = run.start;
    for i in run.clone() {
        let t = &tokens[i];
        let of_title = t.lower(chars) == "of" || (i > run.start && tokens[i - 1].lower(chars) == "of");
        if is_title(chars, t) || of_title {
            start = i + 1;
        }
    }
    (start < run.end).then_some(start..run.end)
}

fn mention(chars: &[char], tokens: &[Token], paragraph: usize, run: Range<usize>) -> Option<NameMention> {
    let part = name_part(chars, tokens, run.clone())?;
    let mut titles: Vec<String> = tokens[run.start..part.start].iter().filter(|t| is_title(chars, t)).map(|t| t.lower(chars)).collect();
    // Lower-case roles just before the run: "presidential candidate Ben Carson".
    let mut i = run.start;
    while i > 0 && tokens[i - 1].is_word() && !chars[tokens[i - 1].start].is_uppercase() && is_title(chars, &tokens[i - 1]) {
        i -= 1;
        titles.push(tokens[i].lower(chars));
    }
    let name = join(chars, &tokens[part.clone()]);
    let key = key_words(&name);
    let named_thing = key.iter().any(|w| LEXICON.not_person.contains(w));
    let acronym = tokens[part.clone()].iter().any(|t| t.end - t.start > 1 && chars[t.start..t.end].iter().all(|c| !c.is_lowercase()));
    let person = !named_thing && !acronym && (!titles.is_empty() || key.len() > 1);
    let last = &tokens[part.end - 1];
    let end = if last.is_possessive(chars) { last.end - 2 } else { last.end };
    Some(NameMention { paragraph, start: tokens[part.start].start, end, name, titles, person, key })
}

/// The channel a run of name words names: an acronym next to a word such as "agency"
/// ("news agency KCNA", "KCNA news agency"), or a run with such a word in it ("Korean
/// Central News Agency", shortened to the acronym in parentheses after it if there is one).
fn channel(chars: &[char], tokens: &[Token], run: Range<usize>) -> Option<String> {
    let is_channel_word = |t: &Token| t.is_word() && LEXICON.channels.contains(&t.lower(chars));
    let near = |i: usize| i < tokens.len() && is_channel_word(&tokens[i]);
    let is_acronym = |t: &Token| t.end - t.start >= 2 && chars[t.start..t.end].iter().all(|c| c.is_uppercase());
    if run.len() == 1 && is_acronym(&tokens[run.start]) {
        let beside = (run.start > 0 && near(run.start - 1)) || near(run.end);
        return beside.then(|| tokens[run.start].text(chars));
    }
    if !tokens[run.clone()].iter().any(is_channel_word) {
        return None;
    }
    let in_parens = tokens.get(run.end).is_some_and(|t| t.is_punct('(')) && tokens.get(run.end + 2).is_some_and(|t| t.is_punct(')'));
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
        let end = if t.is_possessive(chars) { t.end - 2 } else { t.end };
        out.extend(&chars[t.start..end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_strip_titles_and_possessives() {
        let names = Names::build(&["Syria's Bashar al-Assad met North Korean Ambassador Mun Jong Nam and Secretary of State John Kerry."]);
        let found: Vec<&str> = names.mentions().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(found, ["Syria", "Bashar al-Assad", "Mun Jong Nam", "John Kerry"]);
        let mun = &names.mentions()[2];
        assert!(mun.person);
        assert_eq!(mun.titles, ["north", "korean", "ambassador"]);
        assert!(!names.mentions()[0].person, "one word and no title: not known as a person");
    }

    #[test]
    fn offsets_cut_the_name() {
        let text = "Spokeswoman Haley Morris’s view";
        let names = Names::build(&[text]);
        let m = &names.mentions()[0];
        let cut: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(cut, "Haley Morris");
    }

    #[test]
    fn places_and_organisations_are_not_persons() {
        let names = Names::build(&["The White House and North Korea and the KCNA agency."]);
        assert!(names.mentions().iter().all(|m| !m.person), "{:?}", names.mentions());
    }

    #[test]
    fn nearest_person_prefers_a_matching_title() {
        let names = Names::build(&["Spokeswoman Haley Morris and Senator Ted Cruz spoke."]);
        let at = (1, 0);
        assert_eq!(names.person_before(at, &[]).map(|m| m.name.as_str()), Some("Ted Cruz"));
        assert_eq!(names.person_before(at, &["spokeswoman".into()]).map(|m| m.name.as_str()), Some("Haley Morris"));
    }
}
