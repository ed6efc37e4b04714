//! The bad-input matrix, each case run through the real binary: every bad input gives a
//! clear message naming its file (and line, where a file has lines) in `load_errors`, the
//! rest of the load goes on, nothing panics, and memory stays bounded however large the
//! input is. Odd but valid input (a 1 MB line, 10,000 quotation marks) is stored whole.

mod common;
#[path = "common/unprivileged.rs"]
mod unprivileged;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;
use rusqlite::Connection;

/// One `load_errors` row, flattened for matching.
#[derive(Debug)]
struct Row {
    severity: String,
    file: String,
    line: Option<i64>,
    message: String,
}

fn error_rows(conn: &Connection) -> Vec<Row> {
    let mut stmt = conn
        .prepare("SELECT severity, file, line, message FROM load_errors ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Row {
            severity: r.get(0)?,
            file: r.get(1)?,
            line: r.get(2)?,
            message: r.get(3)?,
        })
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// Asserts that exactly one row is about `file` (its path ends so), with this severity, line
/// and a message containing `says`.
#[track_caller]
fn expect(rows: &[Row], severity: &str, file: &str, line: Option<i64>, says: &str) {
    let found: Vec<&Row> = rows.iter().filter(|r| r.file.ends_with(file)).collect();
    assert_eq!(found.len(), 1, "one row for {file}: {rows:#?}");
    let row = found[0];
    assert_eq!(
        (row.severity.as_str(), row.line),
        (severity, line),
        "{row:#?}"
    );
    assert!(
        row.message.contains(says),
        "{file}: {:?} should say {says:?}",
        row.message
    );
}

fn assert_no_panic(out: &Output) {
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A real 2×2 RGB PNG: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC.
fn png() -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut typed = kind.to_vec();
        typed.extend(data);
        out.extend(&typed);
        out.extend(crc32(&typed).to_be_bytes());
    }
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&[0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
        .unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    chunk(&mut out, b"IDAT", &zlib.finish().unwrap());
    chunk(&mut out, b"IEND", &[]);
    out
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn every_bad_input_is_recorded_with_its_file_and_line_and_the_rest_loads() {
    let dir = workdir();
    let d = dir.path();
    let input = d.join("in");
    fs::create_dir(&input).unwrap();
    let put = |name: &str, bytes: &[u8]| fs::write(input.join(name), bytes).unwrap();

    put("01_good.txt", b"Good first\n\nA body that loads.\n");
    put("02_empty.txt", b"");
    put("03_image.png", &png());
    // A NUL past the first 8,000 bytes: text with a stray NUL, repaired with a warning.
    let late_nul = format!("Late NUL\n\n{}\0tail.\n", "word ".repeat(2000));
    put("04_nul_late.txt", late_nul.as_bytes());
    put(
        "05_utf16.txt",
        &utf16le_with_bom("Titre en UTF-16\n\nCorps du texte, été.\n"),
    );
    let mut lines: Vec<Vec<u8>> = vec![
        br#"{"title": "Escaped NUL", "text": "before\u0000after"}"#.to_vec(),
        b"{\"title\": \"Raw NUL\", \"text\": \"a\0b\"}".to_vec(),
        b"{\"title\": \"Bad UTF-8\", \"text\": \"caf\xe9 \xff\xfe au lait\"}".to_vec(),
        br#"{"title": 123, "text": ["one", 2, {"x": 1}], "date": true, "source": {"name": "S"}, "id": null}"#.to_vec(),
        br#"{"text": {"nested": "object"}}"#.to_vec(),
        b"[".to_vec(),
        br#"{"title": "Last of the lines", "text": "Still loaded."}"#.to_vec(),
    ];
    lines.iter_mut().for_each(|l| l.push(b'\n'));
    put("06_strings.jsonl", &lines.concat());
    put(
        "07_first_line_bad.jsonl",
        b"[1, 2\n{\"title\": \"After a bad first line\", \"text\": \"Loaded.\"}\n",
    );
    put(
        "08_ragged.csv",
        b"title,text\nA,Body a.\nB,Body b.,extra\nC\nD,\"Body, d.\"\n",
    );
    let records: String = (1..=300)
        .map(|i| {
            format!(
                "{{\"title\": \"Gz {i}\", \"text\": \"Body {i}. {}\"}}\n",
                "filler ".repeat(40 + i % 7)
            )
        })
        .collect();
    let gz = gzip(records.as_bytes());
    put("09_cut.jsonl.gz", &gz[..gz.len() / 2]);
    put(
        "10_deep.json",
        format!(
            "[{{\"title\": \"Before the deep one\", \"text\": \"Kept.\"}}, {}1{}]",
            "[".repeat(10_000),
            "]".repeat(10_000)
        )
        .as_bytes(),
    );
    let long_line = "word ".repeat(200_000);
    put(
        "11_long_line.txt",
        format!("A long line\n\n{}\n", long_line.trim_end()).as_bytes(),
    );
    let quotes = format!(
        "Ten thousand quotes\n\n{}\n\nHe said \"this quote is never closed. Then life went on.\n\n\
         She replied “nested ‘inner “deep” quote’ end” and left.\n\n\"\"\"\n\n”backwards“ and ' stray '' marks.\n",
        "\"".repeat(10_000)
    );
    put("12_quotes.txt", quotes.as_bytes());
    assert!(Command::new("mkfifo")
        .arg(input.join("13_fifo"))
        .status()
        .unwrap()
        .success());
    let proc_mem = Path::new("/proc/self/mem").exists();
    if proc_mem {
        // Opens, then fails on read (EIO): an unreadable file even for root.
        std::os::unix::fs::symlink("/proc/self/mem", input.join("14_mem.txt")).unwrap();
    }
    fs::create_dir_all(input.join("15_loop/sub")).unwrap();
    std::os::unix::fs::symlink("..", input.join("15_loop/sub/up")).unwrap();
    fs::write(
        input.join("15_loop/inside.txt"),
        "Inside the loop dir\n\nLoaded once.\n",
    )
    .unwrap();
    put(
        "zz_good.jsonl",
        b"{\"title\": \"Good last\", \"text\": \"The load went on to the end.\"}\n",
    );

    // The database lives inside the folder being loaded: its own files are not input.
    let db = input.join("corpus.db");
    let elf = env!("CARGO_BIN_EXE_corpusdb");
    let out = run(
        d,
        &[
            "--db",
            db.to_str().unwrap(),
            "load",
            "in",
            "does-not-exist.txt",
            elf,
        ],
    );
    assert_no_panic(&out);
    assert_eq!(
        out.status.code(),
        Some(3),
        "stored what it could, rejected some: {}",
        text(&out.stderr)
    );

    let conn = open(&db);
    let rows = error_rows(&conn);
    expect(&rows, "error", "02_empty.txt", None, "empty file");
    expect(
        &rows,
        "error",
        "03_image.png",
        None,
        "binary file (a NUL byte at offset 8)",
    );
    expect(
        &rows,
        "warning",
        "04_nul_late.txt",
        None,
        "1 NUL character(s) removed, the first on line 3",
    );
    let strings_rows: Vec<_> = rows
        .iter()
        .filter(|r| r.file.ends_with("06_strings.jsonl"))
        .map(|r| (r.severity.as_str(), r.line, r.message.as_str()))
        .collect();
    let has = |severity: &str, line: i64, says: &str| {
        strings_rows
            .iter()
            .any(|(s, l, m)| *s == severity && *l == Some(line) && m.contains(says))
    };
    assert!(
        has(
            "warning",
            1,
            "field 'text' contains NUL characters; removed"
        ),
        "{strings_rows:#?}"
    );
    assert!(
        has("error", 2, "malformed JSON: control character"),
        "{strings_rows:#?}"
    );
    assert!(has("warning", 3, "not valid UTF-8"), "{strings_rows:#?}");
    assert!(
        has(
            "warning",
            4,
            "field 'source' is an object, not text; ignored"
        ),
        "{strings_rows:#?}"
    );
    assert!(
        has("warning", 4, "date \"true\" does not parse"),
        "{strings_rows:#?}"
    );
    assert!(
        has("error", 5, "record has no title and no text"),
        "{strings_rows:#?}"
    );
    assert!(
        has("error", 6, "malformed JSON: EOF while parsing a list"),
        "{strings_rows:#?}"
    );
    assert_eq!(strings_rows.len(), 7, "{strings_rows:#?}");
    expect(
        &rows,
        "error",
        "07_first_line_bad.jsonl",
        Some(1),
        "malformed JSON",
    );
    let ragged: Vec<_> = rows
        .iter()
        .filter(|r| r.file.ends_with("08_ragged.csv"))
        .map(|r| (r.line, r.message.as_str()))
        .collect();
    assert_eq!(
        ragged,
        [
            (Some(3), "ragged CSV row: 3 fields where the header has 2"),
            (Some(4), "ragged CSV row: 1 fields where the header has 2")
        ]
    );
    let cut = rows
        .iter()
        .find(|r| r.file.ends_with("09_cut.jsonl.gz"))
        .expect("a row for the cut gzip");
    assert!(
        cut.message.contains("cannot read past line") && cut.message.contains("deflate"),
        "{cut:?}"
    );
    let cut_line = cut.line.unwrap();
    expect(
        &rows,
        "error",
        "10_deep.json",
        Some(1),
        "recursion limit exceeded",
    );
    expect(&rows, "warning", "13_fifo", None, "not a regular file");
    if proc_mem {
        expect(
            &rows,
            "error",
            "14_mem.txt",
            None,
            "cannot read: Input/output error",
        );
    }
    expect(&rows, "error", "15_loop/sub/up", None, "symbolic link loop");
    expect(
        &rows,
        "error",
        "does-not-exist.txt",
        None,
        "cannot open: No such file or directory",
    );
    expect(
        &rows,
        "error",
        elf,
        None,
        "binary file (a NUL byte at offset",
    );
    assert!(
        !rows.iter().any(|r| r.file.contains("corpus.db")),
        "the database's own files were read: {rows:#?}"
    );
    for good in [
        "01_good.txt",
        "05_utf16.txt",
        "11_long_line.txt",
        "12_quotes.txt",
        "zz_good.jsonl",
        "15_loop/inside.txt",
    ] {
        assert!(
            !rows.iter().any(|r| r.file.ends_with(good)),
            "{good}: {rows:#?}"
        );
    }

    // What was stored, in input order: every good record, and the good parts of bad files.
    let titles = strings(
        &conn,
        "SELECT coalesce(title, '(none)') FROM articles ORDER BY id",
    );
    let gz_titles: Vec<String> = (1..cut_line).map(|i| format!("Gz {i}")).collect();
    let mut expected: Vec<String> = [
        "Good first",
        "Late NUL",
        "Titre en UTF-16",
        "Escaped NUL",
        "Bad UTF-8",
        "123",
        "Last of the lines",
        "After a bad first line",
        "A",
        "D",
    ]
    .map(String::from)
    .to_vec();
    expected.extend(gz_titles);
    expected.extend(
        [
            "Before the deep one",
            "A long line",
            "Ten thousand quotes",
            "Inside the loop dir",
            "Good last",
        ]
        .map(String::from),
    );
    assert_eq!(titles, expected);
    assert!(
        cut_line > 50,
        "half the gzip holds more than 50 whole records; cut at {cut_line}"
    );

    let body = |title: &str| {
        strings(&conn, &format!("SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.title = '{title}' AND p.kind = 'body' ORDER BY p.position"))
    };
    assert_eq!(body("Late NUL"), [format!("{}tail.", "word ".repeat(2000))]);
    assert_eq!(body("Titre en UTF-16"), ["Corps du texte, été."]);
    assert_eq!(body("Escaped NUL"), ["beforeafter"]);
    assert_eq!(body("Bad UTF-8"), ["café ÿþ au lait"]);
    assert_eq!(body("123"), ["one, 2"]);
    assert_eq!(body("D"), ["Body, d."]);
    assert_eq!(body("A long line"), [long_line.trim_end()]);
    let quote_blocks = body("Ten thousand quotes");
    assert_eq!(quote_blocks[0], "\"".repeat(10_000));
    assert_eq!(quote_blocks.len(), 4, "{quote_blocks:#?}");
    // Three marks alone are stored too, set aside as a separator (punctuation only).
    assert_eq!(
        strings(&conn, "SELECT p.kind || ' ' || p.reason FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.title = 'Ten thousand quotes' AND p.text = '\"\"\"'"),
        ["navigation separator '\"\"\"'"]
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM paragraphs WHERE instr(text, char(0)) > 0"
        ),
        0,
        "no NUL is stored"
    );
    assert_eq!(count(&conn, "SELECT published_raw = 'true' AND published_at IS NULL FROM articles WHERE title = '123'"), 1);
    for (check, bad) in sentence_invariant_violations(&conn) {
        assert_eq!(bad, 0, "{check}");
    }
    // The summary the user sees agrees with the rows.
    let failed = count(
        &conn,
        "SELECT count(*) FROM load_errors WHERE severity = 'error'",
    );
    assert_eq!(count(&conn, "SELECT failed FROM loads"), failed);
    assert!(
        text(&out.stdout).contains(&format!("{failed} failed")),
        "{}",
        text(&out.stdout)
    );
}

/// Peak resident memory of `corpusdb ARGS` in KB, from GNU time (None, with a note, when
/// /usr/bin/time is absent).
fn run_measured(dir: &Path, args: &[&str]) -> (Output, Option<u64>) {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("NOTE: /usr/bin/time is absent; peak memory not checked");
        return (run(dir, args), None);
    }
    let report = dir.join("time.txt");
    let out = Command::new(time)
        .args([
            "-f",
            "%M",
            "-o",
            report.to_str().unwrap(),
            env!("CARGO_BIN_EXE_corpusdb"),
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("CORPUSDB_DB")
        .output()
        .unwrap();
    let kb = fs::read_to_string(&report)
        .unwrap()
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok());
    (out, kb)
}

/// Writes `size` bytes of plausible prose to `out`, in paragraphs.
fn prose(out: &mut impl Write, size: usize, separator: &str) {
    let paragraph = format!(
        "{}{separator}",
        "The minister said a new policy would follow talks on Monday. ".repeat(12)
    );
    for _ in 0..size / paragraph.len() + 1 {
        out.write_all(paragraph.as_bytes()).unwrap();
    }
}

#[test]
fn a_100_mb_article_is_refused_in_bounded_memory_and_the_next_record_loads() {
    let dir = workdir();
    let d = dir.path();
    const MB: usize = 1 << 20;
    let mut txt = std::io::BufWriter::new(fs::File::create(d.join("huge.txt")).unwrap());
    txt.write_all(b"A very long article\n\n").unwrap();
    prose(&mut txt, 100 * MB, "\n\n");
    txt.flush().unwrap();
    drop(txt);
    let mut jsonl = std::io::BufWriter::new(fs::File::create(d.join("huge.jsonl")).unwrap());
    jsonl.write_all(b"{\"title\": \"Small before\", \"text\": \"Fine.\"}\n{\"title\": \"Huge\", \"text\": \"").unwrap();
    prose(&mut jsonl, 100 * MB, "\\n\\n");
    jsonl
        .write_all(b"\"}\n{\"title\": \"Small after\", \"text\": \"Still loaded.\"}\n")
        .unwrap();
    jsonl.flush().unwrap();
    drop(jsonl);
    // A CSV cell and a JSON array element over the limit: the parser cannot find the next
    // record without reading this one, so the rest of the file is skipped.
    let mut csv = b"title,text\nFirst row,Fine.\nBig row,\"".to_vec();
    prose(&mut csv, 40 * MB, " ");
    csv.extend(b"\"\nLast row,Skipped with the rest.\n");
    fs::write(d.join("huge.csv"), csv).unwrap();
    let mut json =
        b"[{\"title\": \"First element\", \"text\": \"Fine.\"}, {\"title\": \"Big\", \"text\": \""
            .to_vec();
    prose(&mut json, 40 * MB, " ");
    json.extend(b"\"}]");
    fs::write(d.join("huge.json"), json).unwrap();
    // A gzip bomb: 200 MB of text in a few hundred KB, as a text file and as one JSON line.
    for (name, head) in [
        ("bomb.txt.gz", &b"Bomb\n\n"[..]),
        ("bomb.jsonl.gz", &b"{\"title\": \"Bomb\", \"text\": \""[..]),
    ] {
        let mut gz = flate2::write::GzEncoder::new(
            fs::File::create(d.join(name)).unwrap(),
            flate2::Compression::fast(),
        );
        gz.write_all(head).unwrap();
        let block = vec![b'a'; MB];
        for _ in 0..200 {
            gz.write_all(&block).unwrap();
        }
        gz.finish().unwrap();
    }
    fs::write(d.join("after.txt"), "After the huge files\n\nLoaded.\n").unwrap();

    let started = std::time::Instant::now();
    let (out, peak_kb) = run_measured(
        d,
        &[
            "--db",
            "t.db",
            "load",
            "huge.txt",
            "huge.jsonl",
            "huge.csv",
            "huge.json",
            "bomb.txt.gz",
            "bomb.jsonl.gz",
            "after.txt",
        ],
    );
    let secs = started.elapsed().as_secs_f64();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    eprintln!("300 MB of oversized records and 400 MB of gzip bombs: {secs:.1} s, peak RSS {peak_kb:?} KB");
    if let Some(kb) = peak_kb {
        // The limit is 32 MiB per record; reading never holds much more than one record.
        assert!(kb < 160_000, "peak RSS {kb} KB: memory grew with the input");
    }
    let conn = open(&d.join("t.db"));
    assert_eq!(
        strings(&conn, "SELECT title FROM articles ORDER BY id"),
        [
            "Small before",
            "Small after",
            "First row",
            "First element",
            "After the huge files"
        ]
    );
    let rows = error_rows(&conn);
    expect(
        &rows,
        "error",
        "huge.txt",
        None,
        "the file is over 32 MiB, the limit for one article; skipped",
    );
    expect(
        &rows,
        "error",
        "huge.jsonl",
        Some(2),
        "the line (100 MiB) is over 32 MiB",
    );
    expect(
        &rows,
        "error",
        "huge.csv",
        Some(3),
        "one record is over 32 MiB, the limit for one article; the rest of the file is skipped",
    );
    expect(
        &rows,
        "error",
        "huge.json",
        Some(1),
        "one record is over 32 MiB",
    );
    expect(
        &rows,
        "error",
        "bomb.txt.gz",
        None,
        "the file is over 32 MiB",
    );
    expect(
        &rows,
        "error",
        "bomb.jsonl.gz",
        Some(1),
        "the line (200 MiB) is over 32 MiB",
    );
}

/// Unreadable files and folders (mode 000), loaded by a user for whom modes count.
#[test]
fn unreadable_files_and_folders_are_recorded_and_the_rest_loads() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workdir();
    let d = dir.path();
    fs::set_permissions(d, fs::Permissions::from_mode(0o777)).unwrap();
    let input = d.join("in");
    fs::create_dir_all(input.join("locked")).unwrap();
    fs::write(input.join("a.txt"), "Readable\n\nLoaded.\n").unwrap();
    fs::write(input.join("secret.txt"), "Secret\n\nNot readable.\n").unwrap();
    fs::write(
        input.join("locked/inside.txt"),
        "Inside\n\nNot reachable.\n",
    )
    .unwrap();
    fs::write(input.join("z.txt"), "Also readable\n\nLoaded too.\n").unwrap();
    fs::set_permissions(input.join("secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(input.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged::corpusdb(d)
        .args(["--db", "t.db", "load", "in"])
        .output()
        .unwrap();
    fs::set_permissions(input.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let conn = open(&d.join("t.db"));
    assert_eq!(
        strings(&conn, "SELECT title FROM articles ORDER BY id"),
        ["Readable", "Also readable"]
    );
    let rows = error_rows(&conn);
    expect(
        &rows,
        "error",
        "in/secret.txt",
        None,
        "cannot open: Permission denied",
    );
    expect(
        &rows,
        "error",
        "in/locked",
        None,
        "cannot read: Permission denied",
    );
}

#[test]
fn a_missing_or_unusable_database_path_is_a_clear_error() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("a.txt"), "Title\n\nBody.\n").unwrap();
    fs::create_dir(d.join("a-folder")).unwrap();
    let cases: [(PathBuf, &str); 2] = [
        (d.join("no/such/dir/t.db"), "the folder"),
        (
            d.join("a-folder"),
            "is not a corpusdb database: it is a folder",
        ),
    ];
    for (db, says) in cases {
        let out = run(d, &["--db", db.to_str().unwrap(), "load", "a.txt"]);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(says) && stderr.contains(db.to_str().unwrap()),
            "{stderr}"
        );
    }
}
