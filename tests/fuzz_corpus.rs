//! The fuzz smoke run of every `cargo test`: the inputs the fuzzers kept (fuzz/corpus, each
//! one reached new code) and a few thousand mutations of them go through the same checks as
//! the fuzz targets (fuzz/checks.rs). The long runs are `cargo fuzz run` (fuzz/README.md).

#[path = "../fuzz/checks.rs"]
mod checks;
mod common;
#[path = "common/generated.rs"]
mod generated;

use std::fs;

use generated::Rng;

/// Mutations per target: a few seconds in all.
const MUTATIONS: usize = 10_000;

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = common::repo().join("fuzz/corpus").join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|f| fs::read(f).unwrap()).collect()
}

/// libFuzzer's simplest moves: flip, insert, delete, duplicate a run, splice two inputs.
fn mutate(rng: &mut Rng, inputs: &[Vec<u8>]) -> Vec<u8> {
    let mut data = inputs[rng.below(inputs.len() as u64) as usize].clone();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() as u64 + 1) as usize;
        match rng.below(5) {
            0 if at < data.len() => data[at] ^= 1 << rng.below(8),
            1 => data.insert(
                at,
                [b'"', b'\n', b'{', b',', 0, 0xff, b'\\', b'.'][rng.below(8) as usize],
            ),
            2 if at < data.len() => {
                data.remove(at);
            }
            3 => {
                let end = (at + rng.below(16) as usize).min(data.len());
                let run = data[at..end].to_vec();
                data.splice(at..at, run);
            }
            _ => {
                let other = &inputs[rng.below(inputs.len() as u64) as usize];
                let from = rng.below(other.len() as u64 + 1) as usize;
                data.truncate(at);
                data.extend_from_slice(&other[from..]);
            }
        }
    }
    data
}

fn smoke(target: &str, check: fn(&[u8])) {
    let inputs = corpus(target);
    assert!(!inputs.is_empty(), "fuzz/corpus/{target} is empty");
    for input in &inputs {
        check(input);
    }
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    let mut rng = Rng(seed);
    for n in 0..MUTATIONS {
        let data = mutate(&mut rng, &inputs);
        let caught = std::panic::catch_unwind(|| check(&data));
        assert!(
            caught.is_ok(),
            "{target}: mutation {n} of FUZZ_SEED={seed} failed its checks; input: {data:?}"
        );
    }
    eprintln!(
        "{target}: {} kept inputs and {MUTATIONS} mutations (FUZZ_SEED={seed}) pass",
        inputs.len()
    );
}

#[test]
fn readers_keep_their_promises_on_the_fuzz_corpus_and_mutations() {
    smoke("read", checks::read);
}

#[test]
fn text_stages_keep_their_promises_on_the_fuzz_corpus_and_mutations() {
    smoke("text", checks::text);
}

#[test]
fn extractors_keep_their_promises_on_the_fuzz_corpus_and_mutations() {
    smoke("extract", checks::extract);
}
