//! The averaged perceptron: hashed features index a flat table of weight rows (one weight
//! per label), training updates and averages them, and the trained table is quantised to
//! 16-bit integers and stored sparsely (only non-zero rows), gzip-compressed; tagging reads
//! it rounded to 8 bits.
//!
//! Decoding is a beam search, left to right: each hypothesis keeps its last two labels
//! (the only history features see), a token's label-independent features are scored once
//! for all hypotheses, and an I- or L- only continues a name of its type. Training is the
//! structured perceptron with early update (Collins & Roark 2004): when the gold labels
//! fall out of the beam, the prefix so far is learnt from and the sentence is left.

use std::io::{Read, Write};

use super::features::{
    allowed, context_features, features, finish, history_features, intrinsic_features,
    intrinsic_key, Hint, Label, TokenInfo, N_LABELS, O,
};

/// Names the format and the label set (BILOU, 17 labels).
const MAGIC: &[u8; 8] = b"CDBNER02";

/// Anything that scores a token's features for every label, adding to `out`.
pub(crate) trait Scorer {
    fn score(&self, feats: &[u64], out: &mut [f32; N_LABELS]);

    /// An identity under which scores may be cached, for weights that never change.
    fn cache_id(&self) -> Option<u64> {
        None
    }
}

/// Scores of words' intrinsic features for one model, by [`intrinsic_key`]: most tokens
/// are frequent words, whose dozen intrinsic features then cost one lookup in a small
/// table instead of a dozen in a large one.
struct Cache {
    owner: u64,
    last_used: u64,
    keys: Vec<u64>,
    scores: Vec<[f32; N_LABELS]>,
}

/// Entries of a [`Cache`] (direct-mapped): 4096 x 76 bytes stays in a core's L2 cache.
const CACHE_BITS: u32 = 12;

impl Cache {
    fn new() -> Cache {
        Cache {
            owner: 0,
            last_used: 0,
            keys: vec![0; 1 << CACHE_BITS],
            scores: vec![[0.0; N_LABELS]; 1 << CACHE_BITS],
        }
    }
}

#[inline]
fn bucket(feature: u64, bits: u32) -> usize {
    (finish(feature) >> (64 - bits)) as usize
}

/// [`allowed`] as a table: `ALLOWED[prev][label]`.
static ALLOWED: [[bool; N_LABELS]; N_LABELS] = {
    let mut t = [[false; N_LABELS]; N_LABELS];
    let mut p = 0;
    while p < N_LABELS {
        let mut l = 0;
        while l < N_LABELS {
            t[p][l] = allowed(p as Label, l as Label);
            l += 1;
        }
        p += 1;
    }
    t
};

/// One hypothesis: its score, its last two labels, where it came from (an index into the
/// beam's history), and whether it is the gold prefix (in training).
#[derive(Clone, Copy)]
struct Hypothesis {
    score: f32,
    prev: Label,
    prev2: Label,
    history: u32,
    gold: bool,
}

/// Buffers of the beam search, reused from one sentence to the next.
#[derive(Default)]
pub(crate) struct Beam {
    feats: Vec<u64>,
    /// One cache per model seen lately (the two passes).
    caches: Vec<Cache>,
    uses: u64,
    /// Label-independent scores per token of the sentence.
    base: Vec<[f32; N_LABELS]>,
    beam: Vec<Hypothesis>,
    next: Vec<Hypothesis>,
    /// (label, parent) for every hypothesis ever kept in this sentence.
    history: Vec<(Label, u32)>,
}

const ROOT: u32 = u32::MAX;

impl Beam {
    /// Tags `sentence` into `labels`. With `gold`, also returns the position at which the
    /// gold labels fell out of the beam (early update), or `None` when they stayed.
    fn search<S: Scorer>(
        &mut self,
        scorer: &S,
        sentence: &[TokenInfo],
        hints: Option<&[Hint]>,
        gold: Option<&[Label]>,
        labels: &mut [Label],
        width: usize,
    ) -> Option<usize> {
        self.beam.clear();
        self.history.clear();
        self.beam.push(Hypothesis {
            score: 0.0,
            prev: O,
            prev2: O,
            history: ROOT,
            gold: true,
        });
        let mut fell_out = None;
        // The label-independent scores of every token first: a tight loop of independent
        // memory loads, which the processor overlaps well.
        self.base.clear();
        let cache = scorer.cache_id().map(|id| self.cache_for(id));
        for i in 0..sentence.len() {
            let t = &sentence[i];
            let mut base = match cache {
                Some(c) => {
                    let key = intrinsic_key(t);
                    let slot = (finish(key) >> (64 - CACHE_BITS)) as usize;
                    let cache = &mut self.caches[c];
                    if cache.keys[slot] != key {
                        intrinsic_features(t, &mut self.feats);
                        let mut scores = [0.0; N_LABELS];
                        scorer.score(&self.feats, &mut scores);
                        cache.keys[slot] = key;
                        cache.scores[slot] = scores;
                    }
                    cache.scores[slot]
                }
                None => {
                    intrinsic_features(t, &mut self.feats);
                    let mut scores = [0.0; N_LABELS];
                    scorer.score(&self.feats, &mut scores);
                    scores
                }
            };
            context_features(sentence, i, hints.map(|h| &h[i]), &mut self.feats);
            scorer.score(&self.feats, &mut base);
            self.base.push(base);
        }
        for i in 0..sentence.len() {
            self.next.clear();
            for h in &self.beam {
                let mut total = self.base[i];
                scorer.score(&history_features(sentence, i, h.prev, h.prev2), &mut total);
                for l in 0..N_LABELS as Label {
                    if !ALLOWED[h.prev as usize][l as usize] {
                        continue;
                    }
                    let is_gold = h.gold && gold.is_some_and(|g| g[i] == l);
                    let candidate = Hypothesis {
                        score: h.score + total[l as usize],
                        prev: l,
                        prev2: h.prev,
                        history: h.history,
                        gold: is_gold,
                    };
                    keep(&mut self.next, candidate, width.max(1));
                }
            }
            // Record the kept hypotheses' labels, pointing back to their parents.
            for h in self.next.iter_mut() {
                self.history.push((h.prev, h.history));
                h.history = (self.history.len() - 1) as u32;
            }
            std::mem::swap(&mut self.beam, &mut self.next);
            if gold.is_some() && !self.beam.iter().any(|h| h.gold) {
                fell_out = Some(i);
                self.backtrack(0, i + 1, labels);
                return fell_out;
            }
        }
        self.backtrack(0, sentence.len(), labels);
        fell_out
    }

    /// The index of the cache for model `id`, emptying the least recently used one when
    /// the model is new.
    fn cache_for(&mut self, id: u64) -> usize {
        self.uses += 1;
        let c = match self.caches.iter().position(|c| c.owner == id) {
            Some(c) => c,
            None if self.caches.len() < 2 => {
                self.caches.push(Cache::new());
                self.caches.len() - 1
            }
            None => {
                let c = if self.caches[0].last_used <= self.caches[1].last_used {
                    0
                } else {
                    1
                };
                self.caches[c].keys.fill(0);
                c
            }
        };
        self.caches[c].owner = id;
        self.caches[c].last_used = self.uses;
        c
    }

    /// Writes the labels of the best hypothesis (the beam is kept sorted, best first) for
    /// tokens `from..to` into `labels`.
    fn backtrack(&self, from: usize, to: usize, labels: &mut [Label]) {
        let Some(best) = self.beam.first() else {
            return;
        };
        let mut at = best.history;
        for i in (from..to).rev() {
            let Some(&(label, parent)) = self.history.get(at as usize) else {
                break;
            };
            labels[i] = label;
            at = parent;
        }
    }
}

/// Adds a candidate to a beam kept sorted best first, at most `width` long. Two
/// hypotheses with the same last two labels score the future alike: only the better stays
/// (unless one is the gold prefix, which training must be able to find).
#[inline]
fn keep(beam: &mut Vec<Hypothesis>, c: Hypothesis, width: usize) {
    // Most candidates lose to a full beam's worst: one comparison turns them away.
    if beam.len() == width && beam[width - 1].score >= c.score {
        return;
    }
    if let Some(j) = beam
        .iter()
        .position(|h| h.prev == c.prev && h.prev2 == c.prev2 && h.gold == c.gold)
    {
        if beam[j].score >= c.score {
            return;
        }
        beam.remove(j);
    }
    let at = beam
        .iter()
        .position(|h| h.score < c.score)
        .unwrap_or(beam.len());
    beam.insert(at, c);
    beam.truncate(width);
}

/// Tags one sentence, keeping `width` hypotheses at each token.
pub(crate) fn decode<S: Scorer>(
    scorer: &S,
    sentence: &[TokenInfo],
    hints: Option<&[Hint]>,
    labels: &mut [Label],
    beam: &mut Beam,
    width: usize,
) {
    beam.search(scorer, sentence, hints, None, labels, width);
}

/// Weights while training: integer weights plus the running sums that give their average
/// without touching every weight at every step (w - u / c).
pub(crate) struct Trainer {
    bits: u32,
    weights: Vec<[i32; N_LABELS]>,
    sums: Vec<[i64; N_LABELS]>,
    step: i64,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        Trainer {
            bits,
            weights: vec![[0; N_LABELS]; 1 << bits],
            sums: vec![[0; N_LABELS]; 1 << bits],
            step: 1,
        }
    }

    /// Tags a sentence with the current weights and learns from the difference with the
    /// gold labels (up to where the gold fell out of the beam).
    pub fn learn(
        &mut self,
        sentence: &[TokenInfo],
        hints: Option<&[Hint]>,
        gold: &[Label],
        beam: &mut Beam,
        width: usize,
        guess: &mut Vec<Label>,
    ) {
        guess.clear();
        guess.resize(sentence.len(), O);
        let end = match beam.search(&*self, sentence, hints, Some(gold), guess, width) {
            Some(i) => i + 1,
            None => sentence.len(),
        };
        if guess[..end] != gold[..end] {
            for (labels, delta) in [(gold, 1), (&guess[..], -1)] {
                let (mut prev, mut prev2) = (O, O);
                for i in 0..end {
                    features(sentence, i, hints.map(|h| &h[i]), &mut beam.feats);
                    beam.feats
                        .extend(history_features(sentence, i, prev, prev2));
                    for &f in &beam.feats {
                        self.update(bucket(f, self.bits), labels[i] as usize, delta);
                    }
                    prev2 = prev;
                    prev = labels[i];
                }
            }
        }
        self.step += sentence.len() as i64;
    }

    fn update(&mut self, b: usize, label: usize, delta: i32) {
        self.weights[b][label] += delta;
        self.sums[b][label] += self.step * delta as i64;
    }

    /// The averaged weights, as the float table a [`Model`] is quantised from.
    pub fn averaged(&self) -> Averaged {
        let c = self.step as f64;
        let rows = self
            .weights
            .iter()
            .zip(&self.sums)
            .map(|(w, u)| std::array::from_fn(|l| (w[l] as f64 - u[l] as f64 / c) as f32))
            .collect();
        Averaged {
            bits: self.bits,
            rows,
        }
    }
}

impl Scorer for Trainer {
    fn score(&self, feats: &[u64], out: &mut [f32; N_LABELS]) {
        for &f in feats {
            let row = &self.weights[bucket(f, self.bits)];
            for l in 0..N_LABELS {
                out[l] += row[l] as f32;
            }
        }
    }
}

/// Averaged float weights.
pub(crate) struct Averaged {
    bits: u32,
    rows: Vec<[f32; N_LABELS]>,
}

impl Scorer for Averaged {
    fn score(&self, feats: &[u64], out: &mut [f32; N_LABELS]) {
        for &f in feats {
            let row = &self.rows[bucket(f, self.bits)];
            for l in 0..N_LABELS {
                out[l] += row[l];
            }
        }
    }
}

impl Averaged {
    /// The weights as stored: 16-bit, the largest at `i16::MAX`.
    fn stored(&self) -> Vec<Row16> {
        let max = self.rows.iter().flatten().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        self.rows
            .iter()
            .map(|r| std::array::from_fn(|l| (r[l] / scale).round() as i16))
            .collect()
    }

    /// The model that tags with these weights, exactly as it will after saving and loading.
    pub fn quantise(&self) -> Model {
        Model::from_stored(self.bits, &self.stored())
    }

    /// Serialises a sequence of models (first pass, second pass) compactly, with 16-bit
    /// weights: per model the hash width, the number of live rows (rows whose weights do
    /// not all round to zero), then each live row as the gap from the previous live row
    /// (LEB128) and its weights; the whole gzip-compressed.
    pub fn save_all(models: &[&Averaged]) -> std::io::Result<Vec<u8>> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.push(models.len() as u8);
        for m in models {
            let rows = m.stored();
            let live = |r: &&Row16| r.iter().any(|&w| w != 0);
            raw.push(m.bits as u8);
            raw.extend_from_slice(&(rows.iter().filter(live).count() as u32).to_le_bytes());
            let mut last = 0usize;
            for (i, r) in rows.iter().enumerate().filter(|(_, r)| live(r)) {
                leb128(&mut raw, (i - last) as u64);
                last = i;
                for w in r {
                    raw.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw)?;
        gz.finish()
    }
}

/// A row of weights as stored.
type Row16 = [i16; N_LABELS];

/// A trained model as it tags: one row of 8-bit weights per feature bucket.
///
/// The file keeps 16-bit weights; tagging reads them rounded to 8 bits. Scoring a token
/// reads a dozen rows at random from the table, so its size is what tagging waits on: at
/// 8 bits the table is half as large (4.5 MB instead of 9 per pass) and tagging about 19%
/// faster while a load keeps both cores busy, for 0.0007 less F1 on CoNLL eng.testa
/// (0.9304 against 0.9311).
pub(crate) struct Model {
    /// Unique among the models of this process: the key of its score caches.
    id: u64,
    bits: u32,
    rows: Vec<[i8; N_LABELS]>,
}

impl Scorer for Model {
    #[inline(always)]
    fn score(&self, feats: &[u64], out: &mut [f32; N_LABELS]) {
        let mut sum = [0i32; N_LABELS];
        for &f in feats {
            // In range: a bucket is the top `bits` bits of a hash.
            let row = &self.rows[bucket(f, self.bits)];
            for l in 0..N_LABELS {
                sum[l] += row[l] as i32;
            }
        }
        for l in 0..N_LABELS {
            out[l] += sum[l] as f32;
        }
    }

    fn cache_id(&self) -> Option<u64> {
        Some(self.id)
    }
}

fn next_model_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Model {
    /// The model of stored 16-bit rows: each weight scaled so the largest is `i8::MAX`.
    fn from_stored(bits: u32, stored: &[Row16]) -> Model {
        let max = stored
            .iter()
            .flatten()
            .fold(0i32, |m, &w| m.max(i32::from(w).abs()));
        let scale = if max > 0 {
            max as f32 / i8::MAX as f32
        } else {
            1.0
        };
        let rows = stored
            .iter()
            .map(|r| std::array::from_fn(|l| (r[l] as f32 / scale).round() as i8))
            .collect();
        Model {
            id: next_model_id(),
            bits,
            rows,
        }
    }

    /// Reads what [`Averaged::save_all`] wrote; the error says what is wrong with the bytes.
    pub fn load_all(bytes: &[u8]) -> Result<Vec<Model>, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| format!("not a gzip stream: {e}"))?;
        let mut r = Reader { bytes: &raw, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a corpusdb NER model (bad magic)".into());
        }
        let count = r.byte()?;
        let mut models = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let bits = r.byte()? as u32;
            if !(8..=26).contains(&bits) {
                return Err(format!("hash width {bits} out of range"));
            }
            let live = u32::from_le_bytes(r.array()?) as usize;
            let mut rows = vec![[0i16; N_LABELS]; 1 << bits];
            let mut at = 0usize;
            for _ in 0..live {
                at += r.leb128()? as usize;
                let row = rows.get_mut(at).ok_or("row index out of range")?;
                for w in row.iter_mut() {
                    *w = i16::from_le_bytes(r.array()?);
                }
            }
            models.push(Model::from_stored(bits, &rows));
        }
        Ok(models)
    }
}

fn leb128(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or("model file is truncated")?;
        self.at += n;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn leb128(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad row index".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_and_load_round_trip() {
        let mut a = Averaged {
            bits: 8,
            rows: vec![[0.0; N_LABELS]; 256],
        };
        a.rows[3][1] = 2.5;
        a.rows[200][8] = -1.0;
        a.rows[90][2] = 0.001; // rounds to zero at 8 bits, not at 16
        let bytes = Averaged::save_all(&[&a, &a]).unwrap();
        let back = Model::load_all(&bytes).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1].rows[3][1], i8::MAX);
        assert_eq!(
            back[1].rows[200][8],
            (-(i8::MAX as f32) / 2.5).round() as i8
        );
        assert_eq!(back[1].rows[90][2], 0);
        // What loads tags as what training scored.
        assert_eq!(back[0].rows, a.quantise().rows);
        assert!(Model::load_all(b"junk").is_err());
        assert!(Model::load_all(&bytes[..bytes.len() - 9]).is_err());
    }
}
