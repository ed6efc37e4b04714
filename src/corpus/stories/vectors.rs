//! Sparse term vectors as the grouping compares them: (term id, weight) sorted by term id.
//! Their dot product, sum and norm, the heaviest terms that look candidates up, and the
//! MinHash signature and its LSH bands as `story_articles` stores them.

use crate::link::story::{fnv1a, SIGNATURE};

/// Terms of an article that look up candidates (the heaviest); all of them are compared.
pub const LOOKUP_TERMS: usize = 32;
/// LSH: the signature cut into bands of this many hashes; sharing one band makes a candidate.
const BAND: usize = 4;

/// The signature as `story_articles` stores it: 32 little-endian u32.
pub fn signature(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// The heaviest terms of a unit vector, which look up candidates.
pub fn lookup_terms(vector: &[(u32, f32)]) -> Vec<u32> {
    heaviest(vector, LOOKUP_TERMS)
}

/// The `n` heaviest terms of a vector, the heaviest first (the lowest id among equals).
pub fn heaviest(vector: &[(u32, f32)], n: usize) -> Vec<u32> {
    let mut terms: Vec<(u32, f32)> = vector.to_vec();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.into_iter().take(n).map(|(id, _)| id).collect()
}

/// The dot product of two vectors sorted by term id (their cosine when of unit length).
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The sum of two vectors sorted by term id.
pub fn add_vectors(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut sum = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                sum.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                sum.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                sum.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                sum.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    sum
}

/// The LSH bands of a full signature (none for an empty one).
pub fn bands(signature: &[u32]) -> Vec<(usize, u64)> {
    if signature.len() != SIGNATURE {
        return Vec::new();
    }
    signature
        .chunks(BAND)
        .enumerate()
        .map(|(n, band)| (n, fnv1a(band.iter().flat_map(|x| x.to_le_bytes()))))
        .collect()
}

/// The Euclidean norm of a vector.
pub fn norm(vector: &[(u32, f32)]) -> f64 {
    vector
        .iter()
        .map(|(_, w)| f64::from(*w) * f64::from(*w))
        .sum::<f64>()
        .sqrt()
}
