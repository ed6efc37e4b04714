//! The gauntlet's annotated documents, each as a clean text with its gold in code points of
//! that text: PolNeAR quotations (gold as `eval quotes` defines it), CoNLL-2003 entities
//! (each document's tokens laid out as an article: its first sentence the title, then one
//! sentence a paragraph), and the seed articles with what `expected.json` says a careful
//! reader finds in them.

use std::path::Path;

use crate::eval::brat;
use crate::eval::quotes::{self, Span};
use crate::extract::ner::conll;
use crate::{Error, Result};

/// A document with gold quotations.
pub struct QuoteDoc {
    pub name: String,
    pub text: String,
    pub gold: Vec<Span>,
}

/// A document with gold entities: (start, end, CoNLL type index) in code points.
pub struct EntityDoc {
    pub name: String,
    pub text: String,
    pub gold: Vec<(usize, usize, usize)>,
}

/// A seed article: gold quotations (speaker as a name) and the entities expected in it, as
/// (kind as stored: person, org, place; canonical name).
pub struct SeedDoc {
    pub quotes: QuoteDoc,
    pub entities: Vec<(String, String)>,
}

/// PolNeAR's articles in `dir` (`text/`, `attributions/`), up to `limit`.
pub fn polnear(
    dir: &Path,
    limit: Option<usize>,
    problems: &mut Vec<String>,
) -> Result<Vec<QuoteDoc>> {
    let mut out = Vec::new();
    for (name, (text_path, ann_path, _)) in quotes::articles(dir)?
        .into_iter()
        .take(limit.unwrap_or(usize::MAX))
    {
        let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        let ann = std::fs::read_to_string(&ann_path).map_err(|e| Error::io(&ann_path, e))?;
        let (ann, _) = brat::parse(&ann);
        let Some(body) = quotes::body_blocks(&text) else {
            problems.push(format!("{}: blocks not found", text_path.display()));
            continue;
        };
        let gold = quotes::gold_quotes(&text, &ann, &body);
        out.push(QuoteDoc { name, text, gold });
    }
    Ok(out)
}

/// The documents of a CoNLL file, up to `limit`, laid out as articles.
pub fn conll(path: &Path, limit: Option<usize>) -> Result<Vec<EntityDoc>> {
    let docs = conll::read(path)?;
    Ok(docs
        .iter()
        .take(limit.unwrap_or(usize::MAX))
        .enumerate()
        .map(|(n, d)| render(&format!("{}#{}", path.display(), n + 1), d))
        .collect())
}

/// Tokens joined as text: no space before closing punctuation and after opening, the
/// straight `"` tokens paired as curly marks; the first sentence a title line, every other
/// sentence a paragraph.
fn render(name: &str, doc: &conll::Document) -> EntityDoc {
    let mut text = String::new();
    let mut len = 0;
    let mut starts = vec![0; doc.words.len()];
    let mut open_mark = false;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if s > 0 {
            text.push_str("\n\n");
            len += 2;
        }
        let mut glue = true;
        for i in sentence.clone() {
            let mut word = doc.words[i].as_str();
            let closing = matches!(
                word,
                "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "'"
            );
            if word == "\"" {
                word = if open_mark { "”" } else { "“" };
                open_mark = !open_mark;
                glue = glue || word == "”";
            }
            if !glue && !closing {
                text.push(' ');
                len += 1;
            }
            starts[i] = len;
            text.push_str(word);
            len += word.chars().count();
            glue = matches!(word, "(" | "[" | "$" | "“");
        }
    }
    let ends: Vec<usize> = (0..doc.words.len())
        .map(|i| starts[i] + doc.words[i].chars().count())
        .collect();
    let gold = conll::chunks(&doc.gold, &doc.sentences)
        .into_iter()
        .filter(|(r, _)| !r.is_empty())
        .map(|(r, k)| (starts[r.start], ends[r.end - 1], k))
        .collect();
    EntityDoc {
        name: name.to_string(),
        text,
        gold,
    }
}

/// The seed articles named in `dir/expected.json`.
pub fn seeds(dir: &Path, problems: &mut Vec<String>) -> Result<Vec<SeedDoc>> {
    let path = dir.join("expected.json");
    let json = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let expected: serde_json::Value = serde_json::from_str(&json).map_err(|e| Error::Input {
        path: path.clone(),
        line: e.line(),
        why: e.to_string(),
    })?;
    let mut out = Vec::new();
    let Some(articles) = expected["articles"].as_object() else {
        return Ok(out);
    };
    for (file, article) in articles {
        let text_path = dir.join(file);
        let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        let mut gold = Vec::new();
        for quote in article["quotes"].as_array().into_iter().flatten() {
            let (Some(said), speaker) = (quote["text"].as_str(), quote["speaker"].as_str()) else {
                continue;
            };
            let Some(byte) = text.find(said) else {
                problems.push(format!("{file}: quote {said:?} not found in the text"));
                continue;
            };
            let start = text[..byte].chars().count();
            gold.push(Span {
                start,
                end: start + said.chars().count(),
                text: said.to_string(),
                speaker: speaker.map(str::to_string),
                rule: None,
            });
        }
        let mut entities = Vec::new();
        if let Some(kinds) = article["entities"].as_object() {
            for (kind, names) in kinds {
                for name in names
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|n| n.as_str())
                {
                    entities.push((kind.clone(), name.to_string()));
                }
            }
        }
        out.push(SeedDoc {
            quotes: QuoteDoc {
                name: file.clone(),
                text,
                gold,
            },
            entities,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_documents_become_articles_with_their_entities() {
        let docs = conll::parse(
            "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\" \" O O\nGerman JJ B-NP B-MISC\n\" \" O O\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n( ( O O\nLondon NNP B-NP B-LOC\n) ) O O\n",
        )
        .expect("parses");
        let doc = render("x", &docs[0]);
        assert_eq!(
            doc.text,
            "EU rejects “German” call.\n\nPeter Blackburn (London)"
        );
        let names: Vec<(String, usize)> = doc
            .gold
            .iter()
            .map(|&(s, e, k)| (doc.text.chars().skip(s).take(e - s).collect(), k))
            .collect();
        assert_eq!(
            names,
            [
                ("EU".to_string(), 1),
                ("German".to_string(), 3),
                ("Peter Blackburn".to_string(), 0),
                ("London".to_string(), 2)
            ]
        );
    }
}
