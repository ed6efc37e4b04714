//! Evaluation against annotated corpora: [`brat`] reads standoff annotations, [`quotes`]
//! scores quote extraction and attribution against them, [`ner`] scores and times the
//! entity tagger on CoNLL-2003, and [`gauntlet`] measures both on annotated news rewritten in
//! the damaged shapes users bring; [`stories`] scores story grouping against gold labels,
//! and [`entities`] a database's entity mentions against hand-judged verdicts.

pub mod brat;
pub mod entities;
pub mod gauntlet;
pub mod ner;
pub mod quotes;
pub mod stories;
