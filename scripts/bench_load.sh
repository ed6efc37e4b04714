#!/usr/bin/env bash
# bench_load.sh: how fast does `corpusdb load` build a searchable SQLite database, compared
# with what a user would do instead and with a bare-SQLite ceiling?
#
# Usage (from the repo root):  bash scripts/bench_load.sh
# Env:  CORPUS=path/to/allsides-37k.jsonl.gz  (default: $REPO/../shared/corpora/allsides-37k.jsonl.gz)
#       SQLITE_UTILS_VERSION=4.2.1   SQLITE3=/usr/bin/sqlite3   PYTHON=python3
#       BENCH_SKIP_CORPUSDB=1        (skip (a): no cargo build)
#       BASELINE=REV                 (also time (d): corpusdb built from git revision REV, to
#                                     measure what later work added to the load time)
#
# One run, three loads of the same corpus (37,554 articles), one after the other:
#  (a) corpusdb:     target/release/corpusdb load --db DB CORPUS.jsonl.gz
#                    (reads the .gz itself: decompression, JSON parsing, paragraph splitting
#                    and indexing are all inside its time). Skipped with a message if
#                    `cargo build --release` or the load itself fails.
#  (b) sqlite-utils: `sqlite-utils insert DB articles FILE.jsonl --nl &&
#                    sqlite-utils enable-fts DB articles title content_original`, timed together.
#                    The venv install and the gunzip to FILE.jsonl are NOT timed. One row per
#                    article, no paragraph table, FTS5 with the default unicode61 tokenizer.
#  (c) ceiling:      the stock sqlite3 shell (no Rust, no Python, no parsing): .import of a
#                    prepared paragraphs CSV (id,article_id,position,text) into
#                    paragraphs(...) plus an FTS5 'rebuild' (porter unicode61
#                    remove_diacritics 2), journal_mode=WAL, synchronous=NORMAL. Preparing the
#                    CSV (scripts/bench_ceiling.py) is NOT timed. Roughly the least work any
#                    loader must do to get the same paragraphs into FTS5.
#
# Measures, for each: wall time (s) and peak RSS from `/usr/bin/time -v` (Elapsed, Maximum
# resident set size; for (b) the max over its two commands), and MB/s = total UTF-8 bytes of
# all content_original fields / wall time. MB = 10^6 bytes everywhere, RSS included.
#
# How to read it: higher MB/s is better. "vs sqlite-utils" > 1 means corpusdb is faster than
# the tool a user would reach for; "vs ceiling" is the fraction of bare SQLite speed corpusdb
# reaches (1.0 = no overhead beyond SQLite itself; the ceiling parses nothing and gets its
# paragraphs for free, so corpusdb will be below it). Row counts at the end are a sanity check
# that every tool loaded everything (articles: 37,554). Runs are sequential on a warm page
# cache, each after a `sync`; repeat the script to see the run-to-run noise, which is large for
# short runs: sqlite-utils' insert alone varied 1.6-4.0 s here on a 2-core VM.
# All scratch files live in one mktemp -d directory, removed on exit.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${CORPUS:-$REPO/../shared/corpora/allsides-37k.jsonl.gz}
SQLITE_UTILS_VERSION=${SQLITE_UTILS_VERSION:-4.2.1}
SQLITE3=${SQLITE3:-/usr/bin/sqlite3}
PYTHON=${PYTHON:-python3}
TIME=/usr/bin/time

die() { echo "bench_load: $*" >&2; exit 1; }

[ -f "$CORPUS" ] || die "corpus not found: $CORPUS
  (expected \$REPO/../shared/corpora/allsides-37k.jsonl.gz; set CORPUS=... to point elsewhere)"
CORPUS=$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")
[ -x "$TIME" ] || die "$TIME is missing: install GNU time with  apt-get update && apt-get install -y time"
# grep reads all of it: grep -q would stop early, and under pipefail time's SIGPIPE failed the check at random.
"$TIME" -v true 2>&1 | grep 'Maximum resident set size' >/dev/null \
    || die "$TIME is not GNU time (no -v): apt-get install -y time"
command -v "$SQLITE3" >/dev/null || die "sqlite3 shell not found ($SQLITE3): apt-get install -y sqlite3"
command -v "$PYTHON" >/dev/null || die "$PYTHON not found"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench_load.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# --- helpers ---------------------------------------------------------------------------------
# timed NAME CMD...: runs CMD under GNU time; stdout/stderr to $TMP/NAME.{out,err};
# sets WALL_<NAME> (s) and RSS_<NAME> (MB). Returns CMD's status.
timed() {
    local name=$1; shift
    local rc=0
    sync  # flush earlier steps' dirty pages (scratch files, cargo build) so their writeback isn't timed
    "$TIME" -v -o "$TMP/$name.time" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || rc=$?
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
              n = split($NF, t, ":"); s = 0
              for (i = 1; i <= n; i++) s = s * 60 + t[i]
              printf "%.2f", s }' "$TMP/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $NF * 1024 / 1e6 }' "$TMP/$name.time")
    printf -v "WALL_$name" '%s' "$wall"
    printf -v "RSS_$name" '%s' "$rss"
    return $rc
}
count() { # count DB TABLE -> row count, or n/a
    "$SQLITE3" "$1" "select count(*) from $2" 2>/dev/null || echo "n/a"
}
mbps() { awk -v b="$TEXT_BYTES" -v s="$1" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s; else print "n/a" }'; }
fail_tail() { echo "  --- last lines of $1 ---"; tail -n 15 "$1" | sed 's/^/  /'; }

echo "== bench_load: $(nproc) cores, corpus $CORPUS"
echo "   scratch: $TMP"

# --- untimed preparation ---------------------------------------------------------------------
echo "-- preparing (not timed): decompressed .jsonl, paragraphs CSV, text byte count"
PREP=$("$PYTHON" "$REPO/scripts/bench_ceiling.py" "$CORPUS" \
        --jsonl "$TMP/articles.jsonl" --csv "$TMP/paragraphs.csv")
eval "$(echo "$PREP" | tr ' ' '\n' | grep -E '^(articles|paragraphs|text_bytes)=[0-9]+$' \
        | sed 's/^articles=/N_ARTICLES=/; s/^paragraphs=/N_PARAGRAPHS=/; s/^text_bytes=/TEXT_BYTES=/')"
: "${N_ARTICLES:?prep failed}" "${N_PARAGRAPHS:?prep failed}" "${TEXT_BYTES:?prep failed}"
echo "   articles=$N_ARTICLES paragraphs=$N_PARAGRAPHS article text=$(awk -v b="$TEXT_BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB"

echo "-- installing sqlite-utils==$SQLITE_UTILS_VERSION into a scratch venv (not timed)"
"$PYTHON" -m venv "$TMP/venv"
"$TMP/venv/bin/pip" install --quiet --disable-pip-version-check "sqlite-utils==$SQLITE_UTILS_VERSION" \
    >"$TMP/pip.log" 2>&1 || { fail_tail "$TMP/pip.log"; die "pip install sqlite-utils==$SQLITE_UTILS_VERSION failed"; }
SQLITE_UTILS="$TMP/venv/bin/sqlite-utils"

# --- (a) corpusdb ----------------------------------------------------------------------------
RAN_A=0; SKIP_A=""
if [ "${BENCH_SKIP_CORPUSDB:-0}" = 1 ]; then
    SKIP_A="BENCH_SKIP_CORPUSDB=1"
else
    echo "-- (a) cargo build --release (not timed)"
    if (cd "$REPO" && cargo build --release) >"$TMP/cargo.log" 2>&1 && [ -x "$REPO/target/release/corpusdb" ]; then
        echo "-- (a) corpusdb load (timed)"
        if timed a "$REPO/target/release/corpusdb" load --db "$TMP/corpusdb.db" "$CORPUS"; then
            RAN_A=1
        else
            SKIP_A="corpusdb load failed"; fail_tail "$TMP/a.err"
        fi
    else
        SKIP_A="cargo build --release failed"; fail_tail "$TMP/cargo.log"
    fi
fi
[ -n "$SKIP_A" ] && echo "   (a) SKIPPED: $SKIP_A"

# --- (d) corpusdb at a baseline revision (optional) ------------------------------------------
RAN_D=0
if [ -n "${BASELINE:-}" ]; then
    echo "-- (d) building corpusdb at $BASELINE (not timed)"
    if git -C "$REPO" worktree add --detach "$TMP/baseline" "$BASELINE" >"$TMP/baseline.log" 2>&1 \
        && (cd "$TMP/baseline" && CARGO_TARGET_DIR="$TMP/baseline-target" cargo build --release) >>"$TMP/baseline.log" 2>&1; then
        echo "-- (d) corpusdb@$BASELINE load (timed)"
        timed d "$TMP/baseline-target/release/corpusdb" load --db "$TMP/baseline.db" "$CORPUS" && RAN_D=1 || fail_tail "$TMP/d.err"
    else
        fail_tail "$TMP/baseline.log"
    fi
    git -C "$REPO" worktree remove --force "$TMP/baseline" >/dev/null 2>&1 || true
fi

# --- (b) sqlite-utils ------------------------------------------------------------------------
echo "-- (b) sqlite-utils insert --nl && enable-fts (timed together)"
timed b sh -c '"$1" insert "$2" articles "$3" --nl && "$1" enable-fts "$2" articles title content_original' \
    sh "$SQLITE_UTILS" "$TMP/sqlite-utils.db" "$TMP/articles.jsonl" \
    || { fail_tail "$TMP/b.err"; die "(b) sqlite-utils failed"; }

# --- (c) ceiling: sqlite3 shell --------------------------------------------------------------
echo "-- (c) sqlite3 shell .import + FTS5 rebuild (timed)"
cat >"$TMP/ceiling.sql" <<EOF
.bail on
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE paragraphs(id INTEGER PRIMARY KEY, article_id INTEGER, position INTEGER, text TEXT);
.import --csv --skip 1 $TMP/paragraphs.csv paragraphs
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content="paragraphs", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2");
INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('rebuild');
EOF
timed c "$SQLITE3" "$TMP/ceiling.db" ".read $TMP/ceiling.sql" \
    || { fail_tail "$TMP/c.err"; die "(c) sqlite3 ceiling failed"; }
if [ -s "$TMP/c.err" ]; then echo "   (c) sqlite3 printed warnings:"; fail_tail "$TMP/c.err"; fi

# --- report ----------------------------------------------------------------------------------
MBPS_b=$(mbps "$WALL_b"); MBPS_c=$(mbps "$WALL_c")
echo
echo "### Load benchmark: $N_ARTICLES articles, $N_PARAGRAPHS paragraphs, $(awk -v b="$TEXT_BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB of article text, $(nproc) cores"
echo
echo "| tool | wall s | MB/s | peak RSS MB |"
echo "| --- | ---: | ---: | ---: |"
if [ "$RAN_A" = 1 ]; then
    MBPS_a=$(mbps "$WALL_a")
    echo "| (a) corpusdb load | $WALL_a | $MBPS_a | $RSS_a |"
else
    echo "| (a) corpusdb load | skipped: $SKIP_A | | |"
fi
[ "$RAN_D" = 1 ] && echo "| (d) corpusdb at $BASELINE | $WALL_d | $(mbps "$WALL_d") | $RSS_d |"
echo "| (b) sqlite-utils $SQLITE_UTILS_VERSION insert + enable-fts | $WALL_b | $MBPS_b | $RSS_b |"
echo "| (c) ceiling: sqlite3 $("$SQLITE3" --version | cut -d' ' -f1) .import + FTS5 rebuild | $WALL_c | $MBPS_c | $RSS_c |"
echo
if [ "$RAN_A" = 1 ]; then
    awk -v a="$WALL_a" -v b="$WALL_b" -v c="$WALL_c" 'BEGIN {
        printf "- corpusdb speed / sqlite-utils speed: %.2fx\n", b / a
        printf "- corpusdb speed / ceiling speed: %.2fx\n", c / a }'
    [ "$RAN_D" = 1 ] && awk -v a="$WALL_a" -v d="$WALL_d" 'BEGIN {
        printf "- load time now / at the baseline: %.2fx (%+.0f %%)\n", a / d, (a / d - 1) * 100 }'
else
    echo "- ratios: n/a ((a) skipped)"
fi
echo
echo "Row counts (sanity check; expected articles=$N_ARTICLES, paragraphs=$N_PARAGRAPHS):"
if [ "$RAN_A" = 1 ]; then
    echo "- (a) corpusdb: articles=$(count "$TMP/corpusdb.db" articles) paragraphs=$(count "$TMP/corpusdb.db" paragraphs)"
fi
echo "- (b) sqlite-utils: articles=$(count "$TMP/sqlite-utils.db" articles) articles_fts=$(count "$TMP/sqlite-utils.db" articles_fts)"
C_ROWS=$(count "$TMP/ceiling.db" paragraphs)
echo "- (c) ceiling: paragraphs=$C_ROWS"
if [ "$C_ROWS" != "$N_PARAGRAPHS" ]; then
    die "(c) imported $C_ROWS rows but the CSV has $N_PARAGRAPHS paragraphs: the ceiling is invalid"
fi
