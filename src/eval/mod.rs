//! Evaluation against annotated corpora: [`brat`] reads standoff annotations, [`quotes`]
//! scores quote extraction and attribution against them, [`ner`] scores and times the
//! entity tagger on CoNLL-2003.

pub mod brat;
pub mod ner;
pub mod quotes;
