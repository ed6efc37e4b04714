//! Invariants over every corpus in ../shared/corpora (issue #19), each loaded through the
//! real binary (the corpora it cannot read converted by scripts/convert_corpus.py; allsides
//! as a fixed slice of its first records, to keep CI time down):
//!
//! - no caption, credit or promo block of three sentences or more of running story text set
//!   aside because one phrase in it matched (see [`long_set_aside`] for what that excludes);
//! - no quotation longer than 1,500 characters, unless it runs to the end of a paragraph
//!   the next of which opens with a quotation mark (a quotation over several paragraphs);
//! - no quotation starting or ending inside a word (`don"t`: the mark between two letters);
//! - every article with a URL has an outlet.
//!
//! Each test prints every violation (article id and text). An invariant is asserted on
//! every corpus when it is in [`ENFORCED`], and on one corpus when it held there already
//! ([`HOLD_ALREADY`]); the others are reported only, until the repairs of issue #19 that
//! make them hold are merged. Where a corpus has a judged sample (hyperpartisan, ecbplus,
//! gum-news, lee), its levels are checked too ([`JUDGED_LEVELS`]).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use corpusdb::text::classify::{is_running_text, Rules, EDGE_BLOCKS};
use rusqlite::Connection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Invariant {
    LongSetAside,
    LongQuote,
    QuoteInsideWord,
    UrlWithoutOutlet,
}

/// The invariants asserted on every corpus. Switch the others on as the repairs land (see
/// the module doc).
const ENFORCED: &[Invariant] = &[
    Invariant::LongSetAside,
    Invariant::LongQuote,
    Invariant::UrlWithoutOutlet,
];

/// Invariants that held on one corpus when this test was written: asserted there already, so
/// that nothing breaks them again.
const HOLD_ALREADY: &[(&str, Invariant)] = {
    use Invariant::*;
    &[
        ("bbc", QuoteInsideWord),
        ("allsides", QuoteInsideWord),
        ("hyperpartisan", QuoteInsideWord),
        ("gum-news", QuoteInsideWord),
        ("ecbplus", QuoteInsideWord),
        ("lee", QuoteInsideWord),
    ]
};

fn enforced(corpus: &str, invariant: Invariant) -> bool {
    ENFORCED.contains(&invariant) || HOLD_ALREADY.contains(&(corpus, invariant))
}

/// Records of allsides loaded.
const ALLSIDES_SLICE: usize = 1000;
/// Longest quotation allowed in one paragraph, in characters.
const MAX_QUOTE: usize = 1500;
/// Violations printed per invariant.
const SHOWN: usize = 15;

/// Quotation marks, and `?` as a lost encoding leaves them.
const MARKS: &str = "\"“”„‟'‘’‚‛«»?";
/// Marks that only open, and only close, a quotation: one of these glued to a word is a
/// typo in the source (`investigate“more`), not a mark read inside a word.
const OPENING: &str = "“„«‘";
const CLOSING: &str = "”»";

/// Letters of scripts written without spaces between words (CJK, kana, hangul), where a
/// mark always sits between two letters.
fn unspaced(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

fn letter(c: char) -> bool {
    c.is_alphanumeric() && !unspaced(c)
}

/// Loads `inputs` into a fresh database and checks every invariant on it.
fn check(corpus: &str, inputs: &[&Path]) {
    let dir = common::workdir();
    let db = dir.path().join("corpus.db");
    let started = std::time::Instant::now();
    let db = db.to_string_lossy().to_string();
    let inputs: Vec<String> = inputs
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    let mut args = vec!["load", "-q", "--db", db.as_str()];
    args.extend(inputs.iter().map(String::as_str));
    let out = common::run(dir.path(), &args);
    // Exit 3: some input rejected, the rest stored.
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "{corpus}: load failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = common::open(Path::new(&db));
    let articles = common::count(&conn, "SELECT count(*) FROM articles");
    assert!(articles > 0, "{corpus}: nothing loaded");
    let found = [
        (Invariant::LongSetAside, long_set_aside(&conn)),
        (Invariant::LongQuote, long_quotes(&conn)),
        (Invariant::QuoteInsideWord, quotes_inside_words(&conn)),
        (Invariant::UrlWithoutOutlet, urls_without_outlet(&conn)),
    ];
    eprintln!(
        "{corpus}: {articles} articles loaded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut failed = Vec::new();
    for (invariant, violations) in &found {
        eprintln!(
            "{corpus}: {invariant:?}: {} violation(s){}",
            violations.len(),
            if enforced(corpus, *invariant) {
                ""
            } else {
                " (not enforced yet)"
            }
        );
        for v in violations.iter().take(SHOWN) {
            eprintln!("    {v}");
        }
        if !violations.is_empty() && enforced(corpus, *invariant) {
            failed.push(format!("{invariant:?}: {}", violations.len()));
        }
    }
    judged_levels(&conn, corpus);
    assert!(failed.is_empty(), "{corpus}: {}", failed.join(", "));
}

/// The most set-aside blocks judged story text, and body blocks judged chrome, that each
/// judged sample of a corpus may hold (eval/clean_text/verdicts-CORPUS-seedN.tsv, up to 100
/// blocks of each side read by people; see eval/clean_text/README.md): corpus, seed, levels.
/// These are the levels the classifier reached when the samples were judged, or since: a
/// change may lower them, never raise them. Seed 1 was read to find rules; seed 2 is the
/// holdout drawn after issue #19's widget rules and pull quotes, judged with no rule changed;
/// seed 3 the holdout after its flattened tables (hyperpartisan and gum-news only), and seed 4
/// after session 4's widget, credit and quotation-box mechanisms (its one comments-widget
/// block then led to a rule: 5 judged, 4 now).
/// Issue #19's targets (set aside ≥ 98 % chrome, body ≤ 3 % chrome) are not met on all yet.
const JUDGED_LEVELS: &[(&str, u32, usize, usize)] = &[
    ("hyperpartisan", 1, 3, 8),
    ("hyperpartisan", 2, 0, 7),
    ("hyperpartisan", 3, 0, 0),
    ("hyperpartisan", 4, 0, 4),
    ("ecbplus", 1, 2, 0),
    ("ecbplus", 2, 0, 2),
    ("gum-news", 1, 0, 3),
    ("gum-news", 2, 0, 4),
    ("gum-news", 3, 0, 3),
    ("gum-news", 4, 0, 4),
    ("lee", 1, 0, 0),
    ("lee", 2, 0, 0),
];

/// Checks the judged samples of `corpus`, if it has any, against [`JUDGED_LEVELS`]: a block
/// judged story text that is still set aside, or judged chrome that is still body, counts.
fn judged_levels(conn: &Connection, corpus: &str) {
    for &(_, seed, max_aside_content, max_body_chrome) in
        JUDGED_LEVELS.iter().filter(|(name, ..)| *name == corpus)
    {
        judged_sample(conn, corpus, seed, max_aside_content, max_body_chrome);
    }
}

/// Checks one judged sample (see [`judged_levels`]).
fn judged_sample(
    conn: &Connection,
    corpus: &str,
    seed: u32,
    max_aside_content: usize,
    max_body_chrome: usize,
) {
    let path = common::repo().join(format!("eval/clean_text/verdicts-{corpus}-seed{seed}.tsv"));
    let verdicts = std::fs::read_to_string(&path).expect("verdict file");
    let (mut rows, mut found, mut aside_content, mut body_chrome) = (0, 0, 0, 0);
    for line in verdicts.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [_, _, id, position, _, verdict, ..] = cols[..] else {
            panic!("{}: bad line {line:?}", path.display());
        };
        rows += 1;
        let kind: Option<String> = conn
            .query_row(
                "SELECT p.kind FROM paragraphs p JOIN articles a ON a.id = p.article_id
                 WHERE a.external_id = ?1 AND p.position = ?2",
                rusqlite::params![id, position.parse::<i64>().expect("position")],
                |r| r.get(0),
            )
            .ok();
        let Some(kind) = kind else { continue };
        found += 1;
        let set_aside = !matches!(kind.as_str(), "title" | "dek" | "body");
        match verdict {
            "content" if set_aside => aside_content += 1,
            "chrome" if kind == "body" => body_chrome += 1,
            _ => {}
        }
    }
    eprintln!(
        "{corpus}: judged sample (seed {seed}): {aside_content} story blocks set aside, \
         {body_chrome} chrome blocks in the body ({found} of {rows} blocks found)"
    );
    // A change that moves blocks (a new cut) must re-key the verdicts, or they judge others.
    assert!(
        found * 100 >= rows * 95,
        "{corpus}: only {found} of {rows} judged blocks are still where they were judged"
    );
    assert!(
        aside_content <= max_aside_content && body_chrome <= max_body_chrome,
        "{corpus}: judged sample (seed {seed}) now has {aside_content} story blocks set aside \
         (at most {max_aside_content}) and {body_chrome} chrome blocks in the body (at most \
         {max_body_chrome})"
    );
}

fn clip(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out.replace('\n', " ")
}

/// Reasons of the mechanisms that set aside a block of running text without losing a word of
/// the story: a photo gallery's caption shown twice (its first copy is a caption too), and a
/// pull quote (its words stay in the paragraph it repeats).
const LOSSLESS: &[&str] = &["photo gallery caption, shown twice", "pull quote:"];

/// Caption, credit and promo blocks of three sentences or more of running story text (as the
/// classifier counts it, [`is_running_text`]: five words or more, in lower case, ending as a
/// sentence does) set aside because one phrase in them matched: blocks the rules alone would
/// not set aside (their guard keeps running text as body, unless the rule's match is chrome
/// at any length: a gallery's caption counter, a sign-up form, an agency's "FILE -" caption)
/// and no lossless mechanism ([`LOSSLESS`]) set aside. Multi-sentence captions and forms
/// that are chrome whatever their length are not violations; a story paragraph set aside
/// by its neighbours, or by a rule's match in one of its sentences, is.
fn long_set_aside(conn: &Connection) -> Vec<String> {
    let rules = Rules::builtin();
    let mut stmt = conn
        .prepare(
            "SELECT a.external_id, p.kind, coalesce(p.reason, ''), p.text, p.position,
                    (SELECT max(position) FROM paragraphs l WHERE l.article_id = p.article_id)
             FROM paragraphs p JOIN articles a ON a.id = p.article_id
             WHERE p.kind IN ('caption', 'credit', 'promo') ORDER BY p.id",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)? as usize,
                r.get::<_, i64>(5)? as usize,
            ))
        })
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    rows.into_iter()
        .filter(|(_, _, reason, text, position, last)| {
            let at_edge = *position <= EDGE_BLOCKS || position + EDGE_BLOCKS > *last;
            is_running_text(text, 0..0)
                && !LOSSLESS.iter().any(|l| reason.starts_with(l))
                && rules.classify_at(text, at_edge).is_none()
        })
        .map(|(id, kind, reason, text, _, _)| {
            format!("{id} [{kind}: {}] {}", clip(&reason, 60), clip(&text, 160))
        })
        .collect()
}

/// Every quotation with its paragraph's text and the next paragraph's first character.
fn quotes(conn: &Connection) -> Vec<(String, String, usize, usize, Option<String>)> {
    let mut stmt = conn
        .prepare(
            "SELECT a.external_id, p.text, q.start, q.\"end\",
                    (SELECT substr(n.text, 1, 1) FROM paragraphs n
                      WHERE n.article_id = p.article_id AND n.position = p.position + 1)
             FROM quotes q JOIN paragraphs p ON p.id = q.paragraph_id
             JOIN articles a ON a.id = p.article_id ORDER BY q.id",
        )
        .expect("prepare");
    stmt.query_map([], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            r.get(1)?,
            r.get::<_, i64>(2)? as usize,
            r.get::<_, i64>(3)? as usize,
            r.get(4)?,
        ))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

/// Quotations over [`MAX_QUOTE`] characters that do not go on into a marked paragraph.
fn long_quotes(conn: &Connection) -> Vec<String> {
    quotes(conn)
        .into_iter()
        .filter_map(|(id, text, start, end, next)| {
            let chars: Vec<char> = text.chars().collect();
            let end = end.min(chars.len());
            let to_paragraph_end = chars[end..]
                .iter()
                .all(|c| MARKS.contains(*c) || !c.is_alphanumeric());
            let next_marked = next.is_some_and(|n| {
                n.chars()
                    .next()
                    .is_some_and(|c| MARKS.contains(c) && c != '?')
            });
            (end.saturating_sub(start) > MAX_QUOTE && !(to_paragraph_end && next_marked)).then(
                || {
                    let quote: String = chars[start.min(end)..end].iter().collect();
                    format!("{id} ({} chars) {}", end - start, clip(&quote, 160))
                },
            )
        })
        .collect()
}

/// Quotations whose opening or closing mark sits between two letters or digits.
fn quotes_inside_words(conn: &Connection) -> Vec<String> {
    quotes(conn)
        .into_iter()
        .filter_map(|(id, text, start, end, _)| {
            let chars: Vec<char> = text.chars().collect();
            let (start, end) = (start.min(chars.len()), end.min(chars.len()));
            if start >= end {
                return None;
            }
            let mut before = start;
            while before > 0 && MARKS.contains(chars[before - 1]) {
                before -= 1;
            }
            let mut after = end;
            while after < chars.len() && MARKS.contains(chars[after]) {
                after += 1;
            }
            let opened = chars[before..start].iter().any(|c| OPENING.contains(*c));
            let closed = chars[end..after].iter().any(|c| CLOSING.contains(*c));
            let starts_inside =
                before > 0 && letter(chars[before - 1]) && letter(chars[start]) && !opened;
            let ends_inside =
                after < chars.len() && letter(chars[after]) && letter(chars[end - 1]) && !closed;
            (starts_inside || ends_inside).then(|| {
                let from = before.saturating_sub(20);
                let to = (after + 20).min(chars.len());
                let context: String = chars[from..to].iter().collect();
                let at = if starts_inside { "starts" } else { "ends" };
                format!("{id} {at} inside a word: …{}…", context.replace('\n', " "))
            })
        })
        .collect()
}

/// Articles with a URL and no outlet.
fn urls_without_outlet(conn: &Connection) -> Vec<String> {
    common::strings(
        conn,
        "SELECT coalesce(external_id, '') || ' ' || url FROM articles
         WHERE url IS NOT NULL AND trim(url) <> '' AND source_id IS NULL ORDER BY id",
    )
}

/// `python3 scripts/convert_corpus.py NAME SRC OUT`, into `dir`.
fn convert(name: &str, src: &Path, dir: &Path) -> PathBuf {
    let out = dir.join(format!("{name}.jsonl"));
    let status = Command::new("python3")
        .arg(common::repo().join("scripts/convert_corpus.py"))
        .args([name.as_ref(), src.as_os_str(), out.as_os_str()])
        .status()
        .expect("python3 runs");
    assert!(status.success(), "converting {name} failed");
    out
}

#[test]
fn bbc() {
    if let Some(path) = common::corpus("bbc") {
        check("bbc", &[&path]);
    }
}

#[test]
fn allsides_slice() {
    use std::io::{BufRead, BufReader, Write};
    let Some(path) = common::corpus("allsides-37k.jsonl.gz") else {
        return;
    };
    let dir = common::workdir();
    let slice = dir.path().join("allsides.jsonl");
    let file = std::fs::File::open(&path).expect("open allsides");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = std::fs::File::create(&slice).expect("create slice");
    for line in reader.lines().take(ALLSIDES_SLICE) {
        writeln!(out, "{}", line.expect("read allsides")).expect("write slice");
    }
    check("allsides", &[&slice]);
}

#[test]
fn polnear_texts() {
    let (Some(train), Some(dev)) = (
        common::corpus("polnear/train/text"),
        common::corpus("polnear/dev/text"),
    ) else {
        return;
    };
    check("polnear", &[&train, &dev]);
}

#[test]
fn converted_corpora() {
    let dir = common::workdir();
    for (name, corpus) in [
        ("hyperpartisan", "hyperpartisan"),
        ("gum", "gum-news"),
        ("ecbplus", "ecbplus"),
        ("lee", "lee"),
    ] {
        if let Some(src) = common::corpus(corpus) {
            let input = convert(name, &src, dir.path());
            check(corpus, &[&input]);
        }
    }
}
