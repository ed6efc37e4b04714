//! Resolves a quotation's speaker and channel to the best name written in the article.

use super::*;

/// Turns phrases into agents with names.
pub(super) struct Resolver<'a> {
    pub(super) parsed: &'a [Option<Paragraph>],
    pub(super) names: Names<'a>,
    /// Channels named so far: (paragraph, code point, name).
    pub(super) channels: Vec<((usize, usize), String)>,
    /// Named speakers so far: (paragraph, name).
    pub(super) speakers: Vec<(usize, String)>,
}

impl Resolver<'_> {
    pub(super) fn quote(&mut self, f: Found) -> Quote {
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
    pub(super) fn agent(&self, phrase: &Phrase) -> Option<(Agent, &Paragraph)> {
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

    pub(super) fn speaker(&self, phrase: &Phrase) -> Option<Agent> {
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
                // "the Delaware Democrat", "the Texas senator": a capitalised word that is no
                // title ties the description to something (a place, an outlet) the nearest
                // person need not have. It is a description, not a name: only a person the
                // article gives one of its titles ("Democrat Joe Biden") takes it.
                let qualified = p.tokens[phrase.tokens.clone()]
                    .iter()
                    .skip(1)
                    .any(|t| t.has(class::CAPITALIZED) && !t.has(class::TITLE | class::STOPWORD));
                if definite && LEXICON.titles.contains(&*head) {
                    self.names
                        .person_before(at, &titles)
                        .filter(|m| !qualified || m.titles.iter().any(|t| titles.contains(t)))
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
    pub(super) fn antecedent(&self, p: &Paragraph, phrase: &Phrase) -> Option<String> {
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
    pub(super) fn channel(&self, phrase: &Phrase) -> Option<Agent> {
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
    pub(super) fn channel_before(&self, at: (usize, usize)) -> Option<String> {
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
pub(super) fn title_case(text: &str) -> String {
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
pub(super) fn is_acronym(chars: &[char], t: &Token) -> bool {
    let word = &chars[t.start..t.end];
    t.is_word()
        && word.len() >= 2
        && word.iter().all(|c| c.is_uppercase() || *c == '.')
        && word.iter().filter(|c| c.is_uppercase()).count() >= 2
}

/// Trims white space, and a comma, colon or semicolon that ends the quoted text ("…Kim
/// Jong Un,”).
pub(super) fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
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
