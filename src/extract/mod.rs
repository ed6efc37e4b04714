//! Pure extraction stages over an article's body paragraphs: no I/O, spans out.
//! [`quotes`] finds direct quotations with their speaker, cue and channel; [`marks`] pairs
//! quotation marks; [`names`] reads person names and merges their spellings inside one
//! article; [`echo`] keys and compares quotes so the same words can be found across outlets.

pub mod echo;
mod lexicon;
pub mod marks;
pub mod names;
pub mod quotes;
mod tokens;
