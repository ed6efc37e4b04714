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

pub(crate) use hash::finish;
pub(crate) use hints::{hints, Hint};
pub use labels::{
    allowed, encode_name, is_begin, is_open, label_type, name_end, Label, N_LABELS, O,
};
pub(crate) use phrases::{extend_to_gazetteer, Phrases, PHRASES};
pub(crate) use templates::{
    context_features, features, history_features, intrinsic_features, intrinsic_key,
};
pub(crate) use token::{prepare, Scratch, TokenInfo};
