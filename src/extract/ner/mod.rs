//! Named entities: mentions of people, organisations, places and misc (nationalities,
//! events, works) in text, with code-point offsets.
//!
//! A statistical tagger, trained in this repo on CoNLL-2003 English (`corpusdb train ner`,
//! see [`train`]): an averaged structured perceptron over hashed features (word, shape,
//! affixes, capitalisation in the sentence and document, gazetteer phrases, previous
//! labels), BILOU labels, decoded by beam search in two passes: the second pass also sees
//! what the first said about the same word elsewhere in the article, so "Kim" is tagged
//! alike throughout. The trained model is embedded in the binary (`model.bin.gz`: 16-bit
//! weights, sparse, gzip); tagging reads the weights rounded to 8 bits, 4.5 MB per pass.
//!
//! In a load, [`crate::link::enrich`] takes [`Tagger::embedded`] (read once) and calls
//! [`Tagger::tag_blocks`] per article over its title, dek, body and caption blocks (offsets
//! into each block); [`crate::link::entities`] runs [`aliases::resolve`] over the article's
//! mentions for canonical names, with country codes and coordinates from
//! [`crate::vocab::gazetteer`]. Dates are not found here: `link` runs
//! [`crate::extract::dates::extract`] per block.
//!
//! ```
//! use corpusdb::extract::ner::Tagger;
//! use corpusdb::model::EntityKind;
//! let tagger = Tagger::embedded().unwrap();
//! let text = "Syrian President Bashar al-Assad will visit Pyongyang, KCNA reported.";
//! let mentions = tagger.tag(text);
//! let found: Vec<(EntityKind, &str)> =
//!     mentions.iter().map(|m| (m.kind, m.text.as_str())).collect();
//! assert!(found.contains(&(EntityKind::Person, "Bashar al-Assad")));
//! assert!(found.contains(&(EntityKind::Place, "Pyongyang")));
//! ```

pub mod aliases;
pub mod conll;
pub mod features;
pub mod identity;
mod perceptron;
pub mod tokens;
pub mod train;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use crate::{Error, Result};
use features::{
    extend_to_gazetteer, hints, prepare, Hint, Label, Phrases, Scratch, TokenInfo, O, PHRASES,
};
use perceptron::{decode, Beam, Model, Scorer};

/// Hypotheses the beam search keeps per token, in the first and second pass.
pub(crate) const FIRST_BEAM: usize = 4;
pub(crate) const SECOND_BEAM: usize = 4;

/// The model trained by `corpusdb train ner` (see README), embedded at build time.
const EMBEDDED_MODEL: &[u8] = include_bytes!("model.bin.gz");

pub use crate::model::EntityKind;

/// One mention of an entity: its kind, its span in code points (0-based, end exclusive)
/// into the text it was found in, and that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The two-pass tagger. Cheap to share: tagging takes `&self` and keeps its buffers per thread.
pub struct Tagger {
    first: Model,
    second: Model,
    phrases: &'static Phrases,
}

/// Per-thread buffers reused from one document to the next.
#[derive(Default)]
struct Work {
    info: Vec<TokenInfo>,
    passes: Buffers,
    tokens: Vec<Range<usize>>,
    block_sentences: Vec<Range<usize>>,
}

/// What the two passes reuse.
#[derive(Default)]
pub(crate) struct Buffers {
    scratch: Scratch,
    hints: Vec<Hint>,
    first: Vec<Label>,
    beam: Beam,
}

thread_local! {
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

impl Tagger {
    /// The embedded model, loaded once.
    pub fn embedded() -> Result<&'static Tagger> {
        static TAGGER: OnceLock<std::result::Result<Tagger, String>> = OnceLock::new();
        TAGGER
            .get_or_init(|| Tagger::from_bytes(EMBEDDED_MODEL).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Error::Model(e.clone()))
    }

    /// A tagger from a model file's bytes (as `corpusdb train ner` writes them).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger> {
        let mut models = Model::load_all(bytes).map_err(Error::Model)?;
        if models.len() != 2 {
            return Err(Error::Model(format!(
                "expected 2 models (two passes), found {}",
                models.len()
            )));
        }
        let second = models.pop().unwrap_or_else(|| unreachable!());
        let first = models.pop().unwrap_or_else(|| unreachable!());
        Ok(Tagger {
            first,
            second,
            phrases: &PHRASES,
        })
    }

    /// Mentions in one block of text, which is read as a document of its own.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        self.tag_blocks(&[text]).pop().unwrap_or_default()
    }

    /// Mentions in each block of one article (title, dek, paragraphs). The blocks are one
    /// document for consistency (a name tagged in one paragraph informs the others); offsets
    /// are into each block's own text.
    pub fn tag_blocks<S: AsRef<str>>(&self, blocks: &[S]) -> Vec<Vec<Mention>> {
        WORK.with(|work| {
            let work = &mut *work.borrow_mut();
            let mut words: Vec<&str> = Vec::new();
            let mut ranges: Vec<Range<usize>> = Vec::new();
            let mut sentences: Vec<Range<usize>> = Vec::new();
            let mut block_tokens: Vec<Range<usize>> = Vec::with_capacity(blocks.len());
            for block in blocks {
                let text = block.as_ref();
                let first = words.len();
                tokens::tokenize_into(text, &mut work.tokens);
                tokens::sentences(text, &work.tokens, &mut work.block_sentences);
                sentences.extend(
                    work.block_sentences
                        .iter()
                        .map(|s| s.start + first..s.end + first),
                );
                words.extend(work.tokens.iter().map(|r| &text[r.clone()]));
                ranges.extend(work.tokens.iter().cloned());
                block_tokens.push(first..words.len());
            }
            let mut labels = Vec::new();
            self.label_with(&words, &sentences, work, &mut labels);
            let spans = conll::chunks(&labels, &sentences);
            let mut out: Vec<Vec<Mention>> = vec![Vec::new(); blocks.len()];
            let mut b = 0;
            for (span, k) in spans {
                while b < block_tokens.len() && block_tokens[b].end <= span.start {
                    b += 1;
                }
                let Some(block) = blocks.get(b) else { break };
                let text = block.as_ref();
                let bytes = ranges[span.start].start..ranges[span.end - 1].end;
                out[b].push(Mention {
                    kind: EntityKind::ALL[k.min(3)],
                    start: 0,
                    end: 0,
                    text: text[bytes.clone()].to_string(),
                });
                // Code points are filled in below, per block, in one walk over the text.
                let last = out[b].len() - 1;
                out[b][last].start = bytes.start;
                out[b][last].end = bytes.end;
            }
            for (mentions, block) in out.iter_mut().zip(blocks) {
                to_code_points(block.as_ref(), mentions);
            }
            out
        })
    }

    /// Labels for pre-tokenised words (as in a CoNLL file), sentences given as token ranges
    /// that cover the words in order (otherwise the words are read as one sentence). Labels are O, then B-, I-, L-, U- for PER, ORG, LOC,
    /// MISC (see [`features::N_LABELS`]); [`conll::chunks`] turns them into names.
    pub fn label(&self, words: &[&str], sentences: &[Range<usize>]) -> Vec<Label> {
        let mut labels = Vec::new();
        WORK.with(|work| self.label_with(words, sentences, &mut work.borrow_mut(), &mut labels));
        labels
    }

    fn label_with(
        &self,
        words: &[&str],
        sentences: &[Range<usize>],
        work: &mut Work,
        labels: &mut Vec<Label>,
    ) {
        let covering = sentences.iter().try_fold(0, |at, s| {
            (s.start == at && s.end > s.start).then_some(s.end)
        }) == Some(words.len());
        let whole = 0..words.len();
        let sentences = match (covering, words.is_empty()) {
            (true, _) => sentences,
            (false, true) => &[],
            (false, false) => std::slice::from_ref(&whole),
        };
        prepare(
            words,
            sentences,
            self.phrases,
            &mut work.passes.scratch,
            &mut work.info,
        );
        two_passes(
            &self.first,
            &self.second,
            &work.info,
            sentences,
            &mut work.passes,
            labels,
        );
    }
}

/// First pass, hints from it, second pass: the whole tagging of a prepared document.
pub(crate) fn two_passes<A: Scorer, B: Scorer>(
    first: &A,
    second: &B,
    info: &[TokenInfo],
    sentences: &[Range<usize>],
    work: &mut Buffers,
    labels: &mut Vec<Label>,
) {
    one_pass(
        first,
        info,
        sentences,
        None,
        &mut work.beam,
        &mut work.first,
    );
    hints(
        info,
        sentences,
        &work.first,
        &mut work.scratch,
        &mut work.hints,
    );
    one_pass(
        second,
        info,
        sentences,
        Some(&work.hints),
        &mut work.beam,
        labels,
    );
    extend_to_gazetteer(info, sentences, labels);
}

pub(crate) fn one_pass<S: Scorer>(
    scorer: &S,
    info: &[TokenInfo],
    sentences: &[Range<usize>],
    hints: Option<&[Hint]>,
    beam: &mut Beam,
    labels: &mut Vec<Label>,
) {
    labels.clear();
    labels.resize(info.len(), O);
    // The first pass only informs the second: one hypothesis is enough for it.
    let width = if hints.is_some() {
        SECOND_BEAM
    } else {
        FIRST_BEAM
    };
    for s in sentences {
        decode(
            scorer,
            &info[s.clone()],
            hints.map(|h| &h[s.clone()]),
            &mut labels[s.clone()],
            beam,
            width,
        );
    }
}

/// Turns the byte offsets in `mentions` (in order) into code-point offsets.
fn to_code_points(text: &str, mentions: &mut [Mention]) {
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut advance = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        chars
    };
    for m in mentions {
        m.start = advance(m.start);
        m.end = advance(m.end);
    }
}
