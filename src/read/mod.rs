//! Readers: files, directories, stdin, plain text, JSON Lines, JSON arrays, `.json` files of
//! objects one after another, CSV and TSV, plain or gzip (detected by its magic bytes) →
//! [`RawArticle`]s, or [`Problem`]s naming the file and line of bad input. One bad record
//! never stops the rest: every item is handed to `emit`. [`columns`] reads the columns of a
//! file's first record, so that a load can check its `--field` overrides before it writes; a
//! file whose first record lacks one is skipped.

mod decode;
mod fields;
mod records;

pub use decode::decode;
pub use fields::{FieldMap, Target};

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

use crate::model::{Layout, Origin, Problem, RawArticle, Severity};

/// What a reader hands on: an article, or a problem with the input.
pub type Item = std::result::Result<RawArticle, Problem>;

/// The most bytes one article (a text file, a JSON line, a CSV row, a JSON object) may take.
/// Real news articles are well under 1 MB; anything far larger is a concatenated dump or a
/// wrong file, and reading it whole would make memory grow with the input. Over this, the
/// record is skipped with a clear problem instead.
pub const MAX_ARTICLE_BYTES: usize = 32 << 20;

/// Bytes at the start of a file in which a NUL marks it as binary (git's rule).
const BINARY_SNIFF_BYTES: usize = 8000;

/// How to read the inputs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub fields: FieldMap,
    /// The outlet for records that name none (plain text usually doesn't).
    pub source: Option<String>,
}

/// The files a list of paths stands for: directories walked recursively in name order,
/// `-` for stdin. Paths that cannot be walked become problems.
pub fn expand(paths: &[PathBuf], emit: &mut dyn FnMut(Item)) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push((path.clone(), "-".to_string()));
            continue;
        }
        if !path.is_dir() {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            files.push((
                path.clone(),
                name.unwrap_or_else(|| path.display().to_string()),
            ));
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry.path().strip_prefix(path).unwrap_or(entry.path());
                    files.push((
                        entry.path().to_path_buf(),
                        relative.to_string_lossy().into_owned(),
                    ));
                }
                Ok(entry) if !entry.file_type().is_dir() => {
                    // A FIFO, socket or device found by a walk: opening a FIFO would block
                    // forever. (Named on the command line, a FIFO is read: `load <(zcat x)`.)
                    let message =
                        "not a regular file (a FIFO, socket or device); skipped".to_string();
                    emit(Err(Problem {
                        severity: Severity::Warning,
                        ..problem(&entry.path().display().to_string(), None, message)
                    }));
                }
                Ok(_) => {}
                Err(err) => {
                    let file = err.path().unwrap_or(path).display().to_string();
                    let message = match err.loop_ancestor() {
                        Some(ancestor) => {
                            format!("symbolic link loop back to {}; skipped", ancestor.display())
                        }
                        None => format!(
                            "cannot read: {}",
                            err.io_error().map_or(err.to_string(), ToString::to_string)
                        ),
                    };
                    emit(Err(problem(&file, None, message)));
                }
            }
        }
    }
    files
}

/// Reads one file (or stdin, for `-`), handing every article or problem to `emit`.
/// `name` is the file's name relative to the directory it was found in: the external id of
/// a plain-text article.
/// `read_bytes` counts the bytes taken from the file (compressed bytes for gzip), for
/// progress.
pub fn read_file(
    path: &Path,
    name: &str,
    options: &Options,
    read_bytes: &Arc<AtomicU64>,
    emit: &mut dyn FnMut(Item),
) {
    let file = path.display().to_string();
    let input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(err) => return emit(Err(problem(&file, None, format!("cannot open: {err}")))),
        }
    };
    let counted = Counting {
        inner: input,
        read: Arc::clone(read_bytes),
    };
    read_stream(counted, path, name, options, emit);
}

/// Reads one input already open: gzip or not, its format sniffed from `path`'s name and the
/// first bytes. [`read_file`] calls it; so do the fuzz targets, on bytes in memory.
pub fn read_stream(
    input: impl Read + 'static,
    path: &Path,
    name: &str,
    options: &Options,
    emit: &mut dyn FnMut(Item),
) {
    let file = path.display().to_string();
    let (reader, format) = match open_stream(input, path) {
        Ok(opened) => opened,
        Err(err) => return emit(Err(problem(&file, None, format!("cannot read: {err}")))),
    };
    let ctx = records::Context::new(&file, options);
    match format {
        Format::Empty => emit(Err(problem(&file, None, "empty file".to_string()))),
        Format::JsonLines => records::json_lines(reader, &ctx, emit),
        Format::JsonStream => records::json_stream(Capped::new(reader), &ctx, emit),
        Format::JsonArray => records::json_array(Capped::new(reader), &ctx, emit),
        Format::Csv(delimiter) => records::csv(Capped::new(reader), delimiter, &ctx, emit),
        Format::PlainText => plain_text(reader, name, &ctx, emit),
    }
}

/// The input decompressed when it is gzip, and its format.
fn open_stream(input: impl Read + 'static, path: &Path) -> io::Result<(Box<dyn BufRead>, Format)> {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let gzip = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead> = if gzip {
        Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    let format = sniff(&mut reader, path)?;
    Ok((reader, format))
}

/// The columns of a file of records: a CSV header, or the keys of the first JSON object.
/// `None` for plain text, and for a file that cannot be read or whose first record is
/// malformed (reading it says why, at its line).
pub fn columns(path: &Path) -> Option<Vec<String>> {
    let (reader, format) = open_stream(File::open(path).ok()?, path).ok()?;
    records::first_columns(reader, format)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Empty,
    PlainText,
    JsonLines,
    /// A `.json` file holding one object (one article), or several objects one after another.
    JsonStream,
    JsonArray,
    Csv(u8),
}

/// Decides the format from the name (without `.gz`) and the first bytes of the content.
fn sniff(reader: &mut dyn BufRead, path: &Path) -> io::Result<Format> {
    let name = path.to_string_lossy().to_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let head = reader.fill_buf()?;
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let Some(&first) = head.iter().find(|b| !b.is_ascii_whitespace()) else {
        return Ok(if head.is_empty() {
            Format::Empty
        } else {
            Format::PlainText
        });
    };
    Ok(if name.ends_with(".csv") {
        Format::Csv(b',')
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        // Named as JSON Lines: a bad first line must not turn the file into one bad array.
        Format::JsonLines
    } else if name.ends_with(".tsv") {
        Format::Csv(b'\t')
    } else if first == b'[' && !name.ends_with(".txt") {
        Format::JsonArray
    } else if first == b'{' && name.ends_with(".json") {
        Format::JsonStream
    } else if first == b'{' && !name.ends_with(".txt") {
        Format::JsonLines
    } else {
        Format::PlainText
    })
}

/// A scraped article as a text file: the whole file is one article.
fn plain_text(
    mut reader: Box<dyn BufRead>,
    name: &str,
    ctx: &records::Context,
    emit: &mut dyn FnMut(Item),
) {
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(err) => return emit(Err(problem(ctx.file, None, format!("cannot read: {err}")))),
    };
    let utf16 = encoding_rs::Encoding::for_bom(head)
        .filter(|(encoding, _)| *encoding != encoding_rs::UTF_8);
    // UTF-16 text (from Windows tools) is full of NUL bytes, but is text all the same.
    if utf16.is_none() {
        if let Some(at) = head.iter().take(BINARY_SNIFF_BYTES).position(|&b| b == 0) {
            let message = format!("binary file (a NUL byte at offset {at}); not loaded as text");
            return emit(Err(problem(ctx.file, None, message)));
        }
    }
    let mut bytes = Vec::new();
    if let Err(err) = reader
        .take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
    {
        return emit(Err(problem(ctx.file, None, format!("cannot read: {err}"))));
    }
    if bytes.len() > MAX_ARTICLE_BYTES {
        return emit(Err(problem(
            ctx.file,
            None,
            too_large("the file") + "; skipped",
        )));
    }
    let mut warnings = Vec::new();
    let mut text = match utf16 {
        Some((encoding, bom)) => encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned(),
        None => {
            let (text, warning) = decode(&bytes);
            warnings.extend(warning);
            text.into_owned()
        }
    };
    if let Some(at) = text.find('\0') {
        // SQLite's text functions and its shell stop at a NUL: it would break offsets.
        let line = 1 + text[..at].matches('\n').count();
        let removed = text.matches('\0').count();
        warnings.push(format!(
            "{removed} NUL character(s) removed, the first on line {line}"
        ));
        text.retain(|c| c != '\0');
    }
    emit(Ok(RawArticle {
        origin: Origin {
            file: ctx.file.to_string(),
            line: None,
            record: None,
        },
        layout: Layout::PlainText,
        external_id: Some(name.to_string()),
        title: None,
        dek: None,
        text,
        date: None,
        source: ctx.options.source.clone(),
        source_domain: None,
        url: None,
        byline: None,
        warnings,
    }));
}

/// The message for a record over [`MAX_ARTICLE_BYTES`].
pub(crate) fn too_large(what: &str) -> String {
    format!(
        "{what} is over {} MiB, the limit for one article",
        MAX_ARTICLE_BYTES >> 20
    )
}

pub(crate) fn problem(file: &str, line: Option<u64>, message: String) -> Problem {
    Problem {
        origin: Origin {
            file: file.to_string(),
            line,
            record: None,
        },
        severity: Severity::Error,
        message,
    }
}

/// Counts the bytes read through it.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A reader that fails with [`io::ErrorKind::FileTooLarge`] once one record has taken more
/// than [`MAX_ARTICLE_BYTES`], so that a parser buffering a record (CSV, JSON) cannot grow
/// without bound. The parser's loop calls [`Capped::next_record`] after each record.
pub(crate) struct Capped<R> {
    inner: R,
    used: std::rc::Rc<std::cell::Cell<usize>>,
}

impl<R> Capped<R> {
    fn new(inner: R) -> Self {
        Capped {
            inner,
            used: Default::default(),
        }
    }

    /// A handle that starts the count of the next record from zero.
    pub(crate) fn next_record(&self) -> impl Fn() + use<R> {
        let used = std::rc::Rc::clone(&self.used);
        move || used.set(0)
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.used.get() > MAX_ARTICLE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                too_large("one record"),
            ));
        }
        let n = self.inner.read(buf)?;
        self.used.set(self.used.get() + n);
        Ok(n)
    }
}
