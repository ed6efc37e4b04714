//! What the tagger looks at: each token's word, shape, affixes, capitalisation in its
//! sentence and document, gazetteer phrases around it, the labels already given to the
//! words before it, and (second pass) what the first pass said about the same word
//! elsewhere in the document. Features are 64-bit hashes, never strings: computing them
//! allocates nothing per token.
//!
//! [`labels`] are the BILOU labels; [`hash`] the hashes; [`token`] what is known of a token
//! before labelling; [`phrases`] the gazetteer phrases (the tagger's own index over the
//! gazetteer's names); [`hints`] the second pass's view of the first; [`templates`] the
//! features themselves.

mod hash;
mod hints;
mod labels;
mod phrases;
mod templates;
mod token;

use std::ops::Range;

use phrases::mark_phrases;
use token::{flag, is_title_case, token_info};

pub(crate) use hash::finish;
pub(crate) use hints::{hints, Hint};
pub use labels::{
    allowed, encode_name, is_begin, is_open, label_type, name_end, Label, N_LABELS, O,
};
pub(crate) use phrases::{extend_to_gazetteer, Phrases, PHRASES};
pub(crate) use templates::{
    context_features, features, history_features, intrinsic_features, intrinsic_key,
};
pub(crate) use token::{Scratch, TokenInfo};

/// Token information for a whole document: words, then sentence and document flags and
/// gazetteer phrases.
pub(crate) fn prepare(
    words: &[&str],
    sentences: &[Range<usize>],
    phrases: &Phrases,
    scratch: &mut Scratch,
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    out.extend(words.iter().map(|w| token_info(w)));
    scratch.lower_seen.clear();
    scratch.cap_seen.clear();
    for s in sentences {
        if is_title_case(&out[s.clone()]) {
            // Case tells nothing here, as in a headline in capitals: seen as one, it reads
            // as the model learnt such headlines.
            for i in s.clone() {
                out[i] = token_info(&words[i].to_uppercase());
            }
        }
        let sent = &mut out[s.clone()];
        let (mut caps, mut cased) = (0, 0);
        for t in sent.iter() {
            if t.flags & (flag::INIT_CAP | flag::ALL_LOWER) != 0 && t.len > 1 {
                cased += 1;
                if t.flags & flag::ALL_CAPS != 0 {
                    caps += 1;
                }
            }
        }
        let caps_sentence = cased >= 2 && caps * 10 >= cased * 8;
        let start = sent
            .iter()
            .position(|t| t.flags & flag::PUNCT == 0)
            .unwrap_or(0);
        if let Some(t) = sent.get_mut(start) {
            t.flags |= flag::SENT_START;
        }
        for t in sent.iter_mut() {
            let acronym = t.flags & flag::ALL_CAPS != 0 && t.len > 1 && !caps_sentence;
            t.word = if acronym { t.form } else { t.lower };
            if caps_sentence {
                t.flags |= flag::CAPS_SENT;
            } else if t.flags & flag::ALL_LOWER != 0 {
                scratch.lower_seen.insert(t.lower);
            } else if t.flags & flag::INIT_CAP != 0 && t.flags & flag::SENT_START == 0 {
                scratch.cap_seen.insert(t.lower);
            }
        }
        mark_phrases(sent, phrases);
    }
    for t in out.iter_mut() {
        if t.flags & flag::ALL_LOWER == 0 && scratch.lower_seen.contains(&t.lower) {
            t.flags |= flag::LOWER_SEEN;
        }
        if t.flags & flag::INIT_CAP != 0 && scratch.cap_seen.contains(&t.lower) {
            t.flags |= flag::CAP_SEEN;
        }
    }
}
