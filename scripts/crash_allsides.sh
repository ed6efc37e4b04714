#!/usr/bin/env bash
# Crash safety at scale: SIGKILL `corpusdb load` of allsides-37k (37,554 articles, 223 MB of
# text) at KILLS random moments, check the database after each kill (integrity_check,
# foreign_key_check, FTS5 integrity-check, no article half stored), then finish the load and
# compare every row with an uninterrupted load. It is tests/crash.rs with a real corpus.
#
#   scripts/crash_allsides.sh              # 25 kills; prints a report, keeps it in target/
#   KILLS=40 CRASH_SEED=123 scripts/crash_allsides.sh
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpora/allsides-37k.jsonl.gz
if [ ! -e "$corpus" ]; then
    echo "SKIPPED: $corpus is absent (this script needs ../shared beside the repo)"
    exit 0
fi
report=target/crash_allsides.txt
started=$(date +%s)
CRASH_INPUT="$(realpath "$corpus")" CRASH_KILLS="${KILLS:-25}" \
    cargo test --release --test crash -- --nocapture 2>&1 | grep --line-buffered -v '^\s*\(Compiling\|Finished\|Running\)' | tee "$report"
echo "total: $(( $(date +%s) - started )) s" | tee -a "$report"
