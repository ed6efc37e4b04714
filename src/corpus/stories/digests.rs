//! Where an undated article that meets no undated story looks next: the dated stories the
//! sweep has passed, each kept as a digest (the heaviest terms of its centroid and the norm of
//! the whole) and looked up by its heaviest terms, in memory. Nothing places the article in
//! time, so it is compared with those stories as a whole and joins the closest from [`JOIN`],
//! a stricter bar than within a window.
//!
//! Bounded: the last [`KEPT`] dated stories are kept, and each term lists its last
//! [`POSTINGS`] stories, so placing an article compares it with at most [`QUERY_TERMS`] ×
//! [`POSTINGS`] digests of [`DIGEST_TERMS`] terms, however large the corpus. Reads nothing.

use std::collections::{HashMap, VecDeque};

use super::vectors::{add_vectors, cosine, lookup_terms};

/// Cosine with a dated story's centroid from which an undated article joins it.
pub const JOIN: f64 = 0.25;
/// Dated stories kept, the last the sweep passed.
pub const KEPT: usize = 50_000;
/// Terms of a story's centroid kept (the heaviest); the rest weigh too little to decide.
const DIGEST_TERMS: usize = 48;
/// Terms of a story that list it (its heaviest).
const INDEX_TERMS: usize = 8;
/// Terms of an article that look stories up (its heaviest).
const QUERY_TERMS: usize = 12;
/// Stories a term lists at most, the last added.
const POSTINGS: usize = 64;

/// A dated story in brief.
struct Digest {
    /// The heaviest terms of the sum of its members' vectors, sorted by term id.
    terms: Vec<(u32, f32)>,
    /// The squared norm of the whole sum.
    norm_sq: f64,
    /// The terms that list it.
    keys: Vec<u32>,
    /// When it was added (last), as counted by [`Digests::added`].
    added: u64,
}

/// The dated stories an undated article can join.
#[derive(Default)]
pub struct Digests {
    stories: HashMap<i64, Digest>,
    /// (story id, when added), the first added first.
    order: VecDeque<(i64, u64)>,
    /// Digests added so far.
    added: u64,
    /// The stories each term lists, the last added last.
    index: HashMap<u32, VecDeque<i64>>,
}

impl Digests {
    /// Adds what the sweep knows of a dated story (`sum`, the sum of its members' unit
    /// vectors there, sorted by term id): to its digest if it has one (its members seen
    /// apart), and drops the oldest story when more than [`KEPT`] are kept.
    pub fn add(&mut self, story_id: i64, sum: &[(u32, f32)]) {
        let mut norm_sq: f64 = sum.iter().map(|(_, w)| f64::from(*w).powi(2)).sum();
        let mut sum = sum.to_vec();
        if let Some(old) = self.remove(story_id) {
            norm_sq += old.norm_sq + 2.0 * cosine(&old.terms, &sum);
            sum = add_vectors(&old.terms, &sum);
        }
        let keys: Vec<u32> = lookup_terms(&sum).into_iter().take(INDEX_TERMS).collect();
        let heaviest = lookup_terms(&sum);
        let heaviest = &heaviest[..heaviest.len().min(DIGEST_TERMS)];
        sum.retain(|(id, _)| heaviest.contains(id));
        for &key in &keys {
            let listed = self.index.entry(key).or_default();
            listed.push_back(story_id);
            if listed.len() > POSTINGS {
                listed.pop_front();
            }
        }
        self.stories.insert(
            story_id,
            Digest {
                terms: sum,
                norm_sq,
                keys,
                added: self.added,
            },
        );
        self.order.push_back((story_id, self.added));
        self.added += 1;
        while self.stories.len() > KEPT {
            let Some((oldest, added)) = self.order.pop_front() else {
                break;
            };
            // An entry of a story added again since is stale.
            if self.stories.get(&oldest).is_some_and(|d| d.added == added) {
                self.remove(oldest);
            }
        }
    }

    /// Takes a story's digest out (its entry in `order` is stale from then on).
    fn remove(&mut self, story_id: i64) -> Option<Digest> {
        let digest = self.stories.remove(&story_id)?;
        for key in &digest.keys {
            if let Some(listed) = self.index.get_mut(key) {
                listed.retain(|&s| s != story_id);
                if listed.is_empty() {
                    self.index.remove(key);
                }
            }
        }
        Some(digest)
    }

    /// The story closest to a unit vector as a whole, with its score, if it reaches [`JOIN`].
    pub fn closest(&self, vector: &[(u32, f32)]) -> Option<(f64, i64)> {
        let mut seen: Vec<i64> = lookup_terms(vector)
            .into_iter()
            .take(QUERY_TERMS)
            .filter_map(|term| self.index.get(&term))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let mut best: Option<(f64, i64)> = None;
        for story_id in seen {
            let Some(digest) = self.stories.get(&story_id) else {
                continue;
            };
            if digest.norm_sq <= 0.0 {
                continue;
            }
            let score = cosine(vector, &digest.terms) / digest.norm_sq.sqrt();
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, story_id));
            }
        }
        best.filter(|(score, _)| *score >= JOIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_finds_the_story_it_is_close_to_and_the_oldest_story_leaves() {
        let mut digests = Digests::default();
        // Story 1 is about terms 1–3, story 2 about terms 7–9.
        digests.add(1, &[(1, 0.6), (2, 0.6), (3, 0.5)]);
        digests.add(2, &[(7, 0.6), (8, 0.6), (9, 0.5)]);
        let article = [(1, 0.7), (2, 0.7)];
        assert_eq!(digests.closest(&article).map(|(_, s)| s), Some(1));
        assert_eq!(digests.closest(&[(4, 1.0)]), None, "shares nothing");
        // The same story seen again adds to its digest: its norm is of the whole sum.
        digests.add(1, &[(1, 0.6), (2, 0.6), (3, 0.5)]);
        let (score, story) = digests.closest(&article).unwrap();
        assert_eq!(story, 1);
        assert!(
            (score - 0.7 * 1.2 * 2.0 / (2.0 * 0.97f64.sqrt())).abs() < 1e-3,
            "{score}"
        );
        // Past KEPT stories, the first added leaves.
        for n in 0..KEPT as i64 {
            digests.add(100 + n, &[(1_000 + n as u32, 1.0)]);
        }
        assert_eq!(digests.closest(&article), None);
        assert!(digests.stories.len() <= KEPT && digests.index.len() <= KEPT);
    }
}
