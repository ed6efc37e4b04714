//! Training the two-pass tagger from CoNLL data, reproducibly (a fixed seed shuffles the
//! documents each epoch), with the number of epochs chosen on a development file.
//!
//! 1. The first pass is trained on the training documents; the epoch with the best
//!    development F1 is kept.
//! 2. The second pass needs first-pass labels of the training documents that are as wrong
//!    as they will be on unseen text, so they come from jackknifing: each of `folds` parts
//!    is labelled by a first-pass model trained on the other parts.
//! 3. The second pass is trained on those hints; its epochs are chosen on the development
//!    file tagged end to end with the quantised models, as the embedded tagger will run.

use std::ops::Range;

use super::conll::{Document, Score};
use super::features::{hints, prepare, Hint, Label, Scratch, TokenInfo, PHRASES};
use super::perceptron::{Averaged, Beam, Scorer, Trainer};
use super::{one_pass, two_passes, Buffers, Tagger, FIRST_BEAM, SECOND_BEAM};

/// How to train.
#[derive(Debug, Clone)]
pub struct Options {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    pub max_epochs: usize,
    /// Stop after this many epochs without a better development F1.
    pub patience: usize,
    pub folds: usize,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bits: 18,
            max_epochs: 40,
            patience: 4,
            folds: 5,
            seed: 1,
        }
    }
}

/// What training found, for the log and the report.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The model file's bytes (gzip).
    pub model: Vec<u8>,
    pub first_epochs: usize,
    pub second_epochs: usize,
    /// Development scores: first pass alone, and both passes with the quantised models.
    pub dev_first: Score,
    pub dev: Score,
}

/// A CoNLL document with its token information computed once.
struct Prepared {
    info: Vec<TokenInfo>,
    sentences: Vec<Range<usize>>,
    gold: Vec<Label>,
    hints: Vec<Hint>,
}

fn prepare_all(docs: &[Document]) -> Vec<Prepared> {
    let g = &*PHRASES;
    let mut scratch = Scratch::default();
    docs.iter()
        .map(|d| {
            let mut info = Vec::new();
            prepare(&d.words(), &d.sentences, g, &mut scratch, &mut info);
            Prepared {
                info,
                sentences: d.sentences.clone(),
                gold: d.gold.clone(),
                hints: Vec::new(),
            }
        })
        .collect()
}

/// A small deterministic generator (xorshift64*), so runs repeat exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One epoch over `docs` (in shuffled order), first or second pass.
fn epoch(trainer: &mut Trainer, docs: &[&Prepared], second: bool, rng: &mut Rng, beam: &mut Beam) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    rng.shuffle(&mut order);
    let mut guess = Vec::new();
    for &d in &order {
        let doc = docs[d];
        for s in &doc.sentences {
            let hints = second.then(|| &doc.hints[s.clone()]);
            let width = if second { SECOND_BEAM } else { FIRST_BEAM };
            trainer.learn(
                &doc.info[s.clone()],
                hints,
                &doc.gold[s.clone()],
                beam,
                width,
                &mut guess,
            );
        }
    }
}

fn score_first<S: Scorer>(scorer: &S, docs: &[Prepared]) -> Score {
    let mut score = Score::default();
    let mut beam = Beam::default();
    let mut labels = Vec::new();
    for d in docs {
        one_pass(scorer, &d.info, &d.sentences, None, &mut beam, &mut labels);
        score.add(&d.gold, &labels, &d.sentences);
    }
    score
}

fn score_both<A: Scorer, B: Scorer>(first: &A, second: &B, docs: &[Prepared]) -> Score {
    let mut score = Score::default();
    let mut buffers = Buffers::default();
    let mut labels = Vec::new();
    for d in docs {
        two_passes(
            first,
            second,
            &d.info,
            &d.sentences,
            &mut buffers,
            &mut labels,
        );
        score.add(&d.gold, &labels, &d.sentences);
    }
    score
}

/// Trains for up to `max_epochs`, keeping the averaged weights of the best epoch by `eval`.
fn train_best(
    docs: &[&Prepared],
    second: bool,
    options: &Options,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
    mut eval: impl FnMut(&Averaged) -> Score,
) -> (Averaged, usize, Score) {
    let mut trainer = Trainer::new(options.bits);
    let mut beam = Beam::default();
    let mut best: Option<(Averaged, usize, Score)> = None;
    for e in 1..=options.max_epochs {
        epoch(&mut trainer, docs, second, rng, &mut beam);
        let averaged = trainer.averaged();
        let score = eval(&averaged);
        log(&format!("  epoch {e}: dev F1 {:.4}", score.f1()));
        let better = best.as_ref().is_none_or(|(_, _, s)| score.f1() > s.f1());
        if better {
            best = Some((averaged, e, score));
        } else if best
            .as_ref()
            .is_some_and(|(_, b, _)| e >= b + options.patience)
        {
            break;
        }
    }
    best.unwrap_or_else(|| (trainer.averaged(), 0, Score::default()))
}

/// Trains both passes on `train`, choosing epochs on `dev`. `log` hears progress.
pub fn train(
    train: &[Document],
    dev: &[Document],
    options: &Options,
    log: &mut dyn FnMut(&str),
) -> std::io::Result<Outcome> {
    let mut rng = Rng(options.seed.max(1));
    let mut train = prepare_all(train);
    let mut dev = prepare_all(dev);

    log("first pass");
    let all: Vec<&Prepared> = train.iter().collect();
    let (first_weights, first_epochs, _) = train_best(&all, false, options, &mut rng, log, |a| {
        score_first(a, &dev)
    });
    let first = first_weights.quantise();
    let dev_first = score_first(&first, &dev);
    log(&format!(
        "first pass: {first_epochs} epochs, dev F1 {:.4} (quantised)",
        dev_first.f1()
    ));

    log(&format!(
        "jackknife: {} folds of {first_epochs} epochs",
        options.folds
    ));
    let folds = options.folds.max(2);
    let mut jack_labels: Vec<Vec<Label>> = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let rest: Vec<&Prepared> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, d)| d)
            .collect();
        let mut trainer = Trainer::new(options.bits);
        let mut beam = Beam::default();
        for _ in 0..first_epochs {
            epoch(&mut trainer, &rest, false, &mut rng, &mut beam);
        }
        let model = trainer.averaged();
        for (i, d) in train.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            one_pass(
                &model,
                &d.info,
                &d.sentences,
                None,
                &mut beam,
                &mut jack_labels[i],
            );
        }
        log(&format!("  fold {} labelled", fold + 1));
    }
    let mut scratch = Scratch::default();
    for (d, labels) in train.iter_mut().zip(&jack_labels) {
        hints(&d.info, &d.sentences, labels, &mut scratch, &mut d.hints);
    }
    let mut beam = Beam::default();
    let mut labels = Vec::new();
    for d in dev.iter_mut() {
        one_pass(&first, &d.info, &d.sentences, None, &mut beam, &mut labels);
        hints(&d.info, &d.sentences, &labels, &mut scratch, &mut d.hints);
    }

    log("second pass");
    let all: Vec<&Prepared> = train.iter().collect();
    let (second_weights, second_epochs, _) = train_best(&all, true, options, &mut rng, log, |a| {
        score_both(&first, a, &dev)
    });
    let second = second_weights.quantise();
    let dev_score = score_both(&first, &second, &dev);
    log(&format!(
        "second pass: {second_epochs} epochs, dev F1 {:.4} (quantised)",
        dev_score.f1()
    ));
    let model = Averaged::save_all(&[&first_weights, &second_weights])?;
    // What is saved must tag as what was scored.
    let reloaded = Tagger::from_bytes(&model).map_err(std::io::Error::other)?;
    if score_both(&reloaded.first, &reloaded.second, &dev) != dev_score {
        return Err(std::io::Error::other(
            "the saved model does not reproduce its development score",
        ));
    }
    Ok(Outcome {
        model,
        first_epochs,
        second_epochs,
        dev_first,
        dev: dev_score,
    })
}
