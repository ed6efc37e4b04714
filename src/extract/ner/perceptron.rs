//! The averaged perceptron: hashed features index a flat table of weight rows (one weight
//! per label), training updates and averages them, and the trained table is quantised to
//! 16-bit integers and stored sparsely (only non-zero rows), gzip-compressed.
//!
//! Decoding is greedy, left to right: each token takes the best label the previous labels
//! allow (an I- only continues its own type), so tagging costs one row lookup per feature.

use std::io::{Read, Write};

use super::features::{allowed, features, finish, Hint, Label, TokenInfo, N_LABELS, O};

const MAGIC: &[u8; 8] = b"CDBNER01";

/// Anything that scores a token's features for every label.
pub(crate) trait Scorer {
    fn score(&self, feats: &[u64], out: &mut [f32; N_LABELS]);
}

#[inline]
fn bucket(feature: u64, bits: u32) -> usize {
    (finish(feature) >> (64 - bits)) as usize
}

/// Tags one sentence greedily. `hints` is the second pass's per-token input.
pub(crate) fn decode<S: Scorer>(
    scorer: &S,
    sentence: &[TokenInfo],
    hints: Option<&[Hint]>,
    labels: &mut [Label],
    feats: &mut Vec<u64>,
) {
    let (mut prev, mut prev2) = (O, O);
    for i in 0..sentence.len() {
        features(sentence, i, prev, prev2, hints.map(|h| &h[i]), feats);
        let mut scores = [0.0; N_LABELS];
        scorer.score(feats, &mut scores);
        labels[i] = best(prev, &scores);
        prev2 = prev;
        prev = labels[i];
    }
}

fn best(prev: Label, scores: &[f32; N_LABELS]) -> Label {
    let mut best = O;
    for l in 1..N_LABELS as Label {
        if allowed(prev, l) && scores[l as usize] > scores[best as usize] {
            best = l;
        }
    }
    best
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
        Trainer { bits, weights: vec![[0; N_LABELS]; 1 << bits], sums: vec![[0; N_LABELS]; 1 << bits], step: 1 }
    }

    /// Tags a sentence with the current weights, learning from each wrong label.
    pub fn learn(&mut self, sentence: &[TokenInfo], hints: Option<&[Hint]>, gold: &[Label], feats: &mut Vec<u64>) {
        let (mut prev, mut prev2) = (O, O);
        for i in 0..sentence.len() {
            features(sentence, i, prev, prev2, hints.map(|h| &h[i]), feats);
            let mut scores = [0.0; N_LABELS];
            self.score(feats, &mut scores);
            let guess = best(prev, &scores);
            if guess != gold[i] {
                for &f in feats.iter() {
                    let b = bucket(f, self.bits);
                    self.update(b, gold[i] as usize, 1);
                    self.update(b, guess as usize, -1);
                }
            }
            self.step += 1;
            prev2 = prev;
            prev = guess;
        }
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
        Averaged { bits: self.bits, rows }
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
    /// Quantises to 16-bit weights. Rows whose weights all round to zero are dropped.
    pub fn quantise(&self) -> Model {
        let max = self.rows.iter().flatten().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let rows = self
            .rows
            .iter()
            .map(|r| std::array::from_fn(|l| (r[l] / scale).round() as i16))
            .collect();
        Model { bits: self.bits, rows }
    }
}

/// A trained, quantised model: one row of 16-bit weights per feature bucket.
pub(crate) struct Model {
    bits: u32,
    rows: Vec<[i16; N_LABELS]>,
}

impl Scorer for Model {
    #[inline]
    fn score(&self, feats: &[u64], out: &mut [f32; N_LABELS]) {
        let mut sum = [0i32; N_LABELS];
        for &f in feats {
            // The bucket is always in range: it is the top `bits` bits of the hash.
            let row = &self.rows[bucket(f, self.bits)];
            for l in 0..N_LABELS {
                sum[l] += row[l] as i32;
            }
        }
        for l in 0..N_LABELS {
            out[l] = sum[l] as f32;
        }
    }
}

impl Model {
    /// Rows with at least one non-zero weight.
    pub fn live_rows(&self) -> usize {
        self.rows.iter().filter(|r| r.iter().any(|&w| w != 0)).count()
    }

    /// Serialises a sequence of models (first pass, second pass) compactly: per model the
    /// hash width, the number of live rows, then each live row as the gap from the previous
    /// live row (LEB128) and its weights; the whole gzip-compressed.
    pub fn save_all(models: &[&Model]) -> std::io::Result<Vec<u8>> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.push(models.len() as u8);
        for m in models {
            raw.push(m.bits as u8);
            raw.extend_from_slice(&(m.live_rows() as u32).to_le_bytes());
            let mut last = 0usize;
            for (i, r) in m.rows.iter().enumerate() {
                if r.iter().all(|&w| w == 0) {
                    continue;
                }
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

    /// Reads what [`Model::save_all`] wrote; the error says what is wrong with the bytes.
    pub fn load_all(bytes: &[u8]) -> Result<Vec<Model>, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw).map_err(|e| format!("not a gzip stream: {e}"))?;
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
            models.push(Model { bits, rows });
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
        let s = self.bytes.get(self.at..self.at + n).ok_or("model file is truncated")?;
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
        let mut a = Averaged { bits: 8, rows: vec![[0.0; N_LABELS]; 256] };
        a.rows[3][1] = 2.5;
        a.rows[200][8] = -1.0;
        let m = a.quantise();
        let bytes = Model::save_all(&[&m, &m]).unwrap();
        let back = Model::load_all(&bytes).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1].rows[3][1], i16::MAX);
        assert_eq!(back[1].rows[200][8], (-(i16::MAX as f32) / 2.5).round() as i16);
        assert_eq!(back[0].live_rows(), 2);
        assert!(Model::load_all(b"junk").is_err());
        assert!(Model::load_all(&bytes[..bytes.len() - 9]).is_err());
    }
}
