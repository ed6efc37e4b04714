//! Evaluation against annotated corpora: [`brat`] reads standoff annotations, [`quotes`]
//! scores quote extraction and attribution against them.

pub mod brat;
pub mod quotes;
