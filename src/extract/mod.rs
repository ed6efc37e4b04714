//! Pure extraction stages over text: spans out, no I/O, no database.

pub mod dates;
pub mod gazetteer;
pub mod ner;
