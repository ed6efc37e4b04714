//! The hashes features are made of: a multiply-rotate mix, a final avalanche, a word's
//! lower-case hash, and a hasher for maps whose keys are such hashes already.

#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Final avalanche before the bucket is taken from the top bits.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A character in lower case, with typographic quotes and dashes as their ASCII forms.
#[inline]
pub(super) fn lower_char(c: char) -> u64 {
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u64;
    }
    match c {
        '’' | '‘' | '′' => '\'' as u64,
        '“' | '”' | '„' | '″' => '"' as u64,
        '–' | '—' | '‒' | '‐' | '‑' => '-' as u64,
        _ => c.to_lowercase().next().unwrap_or(c) as u64,
    }
}

/// Hash of a word in lower case.
pub(crate) fn hash_lower(word: &str) -> u64 {
    word.chars()
        .fold(0xcbf2_9ce4_8422_2325, |h, c| mix(h, lower_char(c)))
}

/// Keys that are hashes already: used as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
