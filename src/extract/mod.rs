//! Pure extraction stages over an article's text: no I/O, spans out.
//! [`ner`] tags person, organisation, place and misc mentions (with the gazetteer of
//! [`crate::vocab`]);
//! [`dates`] finds date expressions; [`quotes`] finds direct quotations with their speaker,
//! cue and channel, [`marks`] pairs quotation marks, [`names`] reads person names for quote
//! speakers, and [`echo`] keys quotes so the same words can be found across outlets.

pub mod dates;
pub mod echo;
pub mod names;
pub mod ner;
pub mod quotes;
pub use quotes::marks;
mod tokens;
