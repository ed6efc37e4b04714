#![allow(dead_code)] // each target uses one of the checks
//! What the fuzz targets check, shared with `tests/fuzz_corpus.rs`, which replays the kept
//! corpus (and generated inputs) through the same checks in every `cargo test`. A check
//! fails by panicking, which is what libFuzzer reports.
//!
//! `read`: bytes, read as a file of each format → raw articles or problems; every article
//! is then structured as the loader would. `text`: any UTF-8 → the segmenter, the sentence
//! splitter, date normalisation and the whole text stage with the extractors (entities,
//! dates, quotes), both layouts.

use std::path::Path;

use std::sync::OnceLock;

use corpusdb::link;
use corpusdb::model::{Article, Layout, Origin, RawArticle, Span};
use corpusdb::read::{self, Options};
use corpusdb::text::{self, classify::Rules};

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(Rules::builtin)
}

/// The text stage and the extractors, as the loader runs them.
fn structure(raw: RawArticle) -> Option<Article> {
    let mut article = text::process(raw, rules()).ok()?;
    link::enrich(&mut article);
    Some(article)
}

/// The names a file can have, which decide how its bytes are read; the input's first byte
/// picks one.
const NAMES: [&str; 7] = [
    "x.jsonl",
    "x.json",
    "x.csv",
    "x.tsv",
    "x.txt",
    "x",
    "x.jsonl.gz",
];

pub fn read(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let mut items = Vec::new();
    read::read_stream(
        std::io::Cursor::new(bytes.to_vec()),
        Path::new(name),
        name,
        &Options::default(),
        &mut |item| items.push(item),
    );
    for item in items {
        match item {
            Ok(raw) => {
                assert_eq!(raw.origin.file, name);
                // NULs are removed or the input refused: SQLite's text functions stop at them.
                assert!(
                    !raw.text.contains('\0') && !raw.title.as_deref().unwrap_or("").contains('\0'),
                    "a NUL got through: {raw:?}"
                );
                if let Some(article) = structure(raw) {
                    check_article(&article);
                }
            }
            Err(problem) => {
                assert_eq!(problem.origin.file, name);
                assert!(!problem.message.is_empty());
            }
        }
    }
}

pub fn text(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    check_sentences(input, &text::sentences::split(input));
    for block in text::blocks::split_blocks(input) {
        assert!(!block.trim().is_empty(), "an empty block from {input:?}");
        assert!(
            !block.contains('\n'),
            "a block keeps a line break: {block:?}"
        );
    }
    let _ = text::dates::normalize(input);
    let (first_line, rest) = input.split_once('\n').unwrap_or((input, ""));
    for layout in [Layout::PlainText, Layout::Record] {
        let raw = RawArticle {
            dek: None,
            origin: Origin {
                file: "x".into(),
                line: Some(1),
                record: None,
            },
            layout,
            external_id: None,
            title: (layout == Layout::Record).then(|| first_line.to_string()),
            text: if layout == Layout::Record {
                rest.to_string()
            } else {
                input.to_string()
            },
            date: Some(first_line.to_string()),
            source: None,
            source_domain: None,
            url: None,
            byline: None,
            warnings: Vec::new(),
        };
        if let Some(article) = structure(raw) {
            check_article(&article);
        }
    }
}

/// An article as the store needs it: blocks with text, each cut into sentences that hold
/// all of its text.
fn check_article(article: &Article) {
    assert!(!article.blocks.is_empty());
    assert_eq!(article.content_hash.len(), 64);
    for block in &article.blocks {
        check_sentences(&block.text, &block.sentences);
    }
    // Every extracted span cuts its own text out of its block (code points, end exclusive).
    let spans = article
        .mentions
        .iter()
        .map(|m| (m.block, m.span, m.text.as_str()))
        .chain(
            article
                .dates
                .iter()
                .map(|d| (d.block, d.span, d.text.as_str())),
        )
        .chain(
            article
                .quotes
                .iter()
                .map(|q| (q.block, q.span, q.text.as_str())),
        );
    for (block, Span { start, end }, text) in spans {
        let block = &article.blocks[block].text;
        let cut: String = block
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        assert!(
            start < end && end <= block.chars().count(),
            "span {start}..{end} outside {block:?}"
        );
        assert_eq!(cut, text, "span {start}..{end} of {block:?}");
    }
}

/// Sentence spans are code points, non-empty, in order, without overlap, trimmed, and
/// leave only white space between them: `substr()` in SQL returns each sentence.
fn check_sentences(text: &str, spans: &[corpusdb::model::Span]) {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    for span in spans {
        assert!(
            at <= span.start && span.start < span.end && span.end <= chars.len(),
            "bad span {span:?} in {text:?}"
        );
        assert!(
            chars[at..span.start].iter().all(|c| c.is_whitespace()),
            "text lost between sentences in {text:?}"
        );
        let sentence: String = chars[span.start..span.end].iter().collect();
        assert_eq!(
            sentence.trim(),
            sentence,
            "an untrimmed sentence in {text:?}"
        );
        at = span.end;
    }
    assert!(
        chars[at..].iter().all(|c| c.is_whitespace()),
        "text lost after the last sentence in {text:?}"
    );
}

/// `extract`: any UTF-8, one paragraph a line → the quote, entity and date extractors and the
/// story features directly (the `text` target reaches them through the whole text stage, at
/// a tenth of the speed): no panic, every span cuts its own text out of its paragraph.
pub fn extract(data: &[u8]) {
    use corpusdb::extract::{dates, ner::Tagger, quotes};
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let paragraphs: Vec<&str> = input.lines().collect();
    let cut = |paragraph: &str, start: usize, end: usize, text: &str| {
        let chars = paragraph.chars().count();
        assert!(
            start <= end && end <= chars,
            "span {start}..{end} outside {paragraph:?}"
        );
        let found: String = paragraph.chars().skip(start).take(end - start).collect();
        assert_eq!(found, text, "span {start}..{end} of {paragraph:?}");
    };
    let found = quotes::extract(&paragraphs);
    for (i, q) in found.iter().enumerate() {
        let paragraph = paragraphs
            .get(q.paragraph)
            .expect("a quote's paragraph exists");
        cut(paragraph, q.start, q.end, &q.text);
        assert!(
            q.continues.is_none_or(|c| c < i),
            "quote {i} continues a later one: {q:?}"
        );
    }
    if let Ok(tagger) = Tagger::embedded() {
        let tagged = tagger.tag_blocks(&paragraphs);
        assert_eq!(tagged.len(), paragraphs.len());
        for (paragraph, mentions) in paragraphs.iter().zip(tagged) {
            for m in mentions {
                cut(paragraph, m.start, m.end, &m.text);
            }
        }
    }
    let published = paragraphs.first().copied();
    for paragraph in &paragraphs {
        for d in dates::extract(paragraph, published) {
            cut(paragraph, d.start, d.end, &d.text);
        }
    }
    let words: Vec<String> = input.split_whitespace().map(str::to_lowercase).collect();
    assert_eq!(
        corpusdb::link::story::signature(&words).len(),
        corpusdb::link::story::SIGNATURE
    );
}
