//! Where an undated article that meets no undated story looks next: the dated stories the
//! sweep has passed, each kept as a digest (the heaviest terms of its centroid and the norm of
//! the whole) and looked up by its heaviest terms, in memory. Nothing places the article in
//! time, so it is compared with those stories as a whole: the [`TRIED`] closest from [`JOIN`],
//! a stricter bar than within a window, go to `corpus::stories`, which reads their members.
//!
//! Bounded: the last [`KEPT`] dated stories are kept, and each term lists its last
//! [`POSTINGS`] stories, so placing an article compares it with at most [`QUERY_TERMS`] ×
//! [`POSTINGS`] digests of [`DIGEST_TERMS`] terms, however large the corpus. Reads nothing.

use std::collections::{HashMap, HashSet, VecDeque};

use super::vectors::{add_vectors, cosine, heaviest};

/// Cosine with a dated story's centroid from which an undated article joins it.
pub const JOIN: f64 = 0.25;
/// Dated stories kept, the last the sweep passed.
pub const KEPT: usize = 50_000;
/// Terms of a story's centroid kept (the heaviest): as many as an article keeps
/// (`link::story::TERMS`) and more, so that a story of a few members is kept nearly whole
/// (48 lost a tenth of the joins on allsides).
const DIGEST_TERMS: usize = 128;
/// Terms of a story that list it (its heaviest).
const INDEX_TERMS: usize = 8;
/// Terms of an article that look stories up (its heaviest).
const QUERY_TERMS: usize = 12;
/// Stories a term lists at most, the last added.
const POSTINGS: usize = 64;
/// Stories close enough as a whole that are read back to see if most members agree.
pub const TRIED: usize = 3;

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
        let kept = heaviest(&sum, DIGEST_TERMS);
        let keys: Vec<u32> = kept.iter().take(INDEX_TERMS).copied().collect();
        let kept: HashSet<u32> = kept.into_iter().collect();
        sum.retain(|(id, _)| kept.contains(id));
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

    /// The [`TRIED`] stories closest to a unit vector as a whole that reach [`JOIN`], with
    /// their scores, the closest first.
    pub fn closest(&self, vector: &[(u32, f32)]) -> Vec<(f64, i64)> {
        let mut seen: Vec<i64> = heaviest(vector, QUERY_TERMS)
            .into_iter()
            .filter_map(|term| self.index.get(&term))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let mut found: Vec<(f64, i64)> = Vec::new();
        for story_id in seen {
            let Some(digest) = self.stories.get(&story_id) else {
                continue;
            };
            if digest.norm_sq <= 0.0 {
                continue;
            }
            let score = cosine(vector, &digest.terms) / digest.norm_sq.sqrt();
            if score >= JOIN {
                found.push((score, story_id));
            }
        }
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(TRIED);
        found
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
        assert_eq!(digests.closest(&article).first().map(|(_, s)| *s), Some(1));
        assert_eq!(digests.closest(&[(4, 1.0)]), [], "shares nothing");
        // The same story seen again adds to its digest: its norm is of the whole sum.
        digests.add(1, &[(1, 0.6), (2, 0.6), (3, 0.5)]);
        let (score, story) = digests.closest(&article)[0];
        assert_eq!(story, 1);
        assert!(
            (score - 0.7 * 1.2 * 2.0 / (2.0 * 0.97f64.sqrt())).abs() < 1e-3,
            "{score}"
        );
        // Past KEPT stories, the first added leaves.
        for n in 0..KEPT as i64 {
            digests.add(100 + n, &[(1_000 + n as u32, 1.0)]);
        }
        assert_eq!(digests.closest(&article), []);
        assert!(digests.stories.len() <= KEPT && digests.index.len() <= KEPT);
    }
}
