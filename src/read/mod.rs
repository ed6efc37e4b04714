//! Readers: files, directories, stdin, plain text, JSON Lines, JSON arrays and CSV, plain or
//! gzip (detected by its magic bytes) → [`RawArticle`]s, or [`Problem`]s naming the file and
//! line of bad input. One bad record never stops the rest: every item is handed to `emit`.

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
            files.push((path.clone(), name.unwrap_or_else(|| path.display().to_string())));
            continue;
        }
        let walk = walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name();
        for entry in walk {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry.path().strip_prefix(path).unwrap_or(entry.path());
                    files.push((entry.path().to_path_buf(), relative.to_string_lossy().into_owned()));
                }
                Ok(_) => {}
                Err(err) => {
                    let file = err.path().unwrap_or(path).display().to_string();
                    let message = match err.loop_ancestor() {
                        Some(ancestor) => format!("symbolic link loop back to {}; skipped", ancestor.display()),
                        None => format!("cannot read: {}", err.io_error().map_or(err.to_string(), ToString::to_string)),
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
pub fn read_file(path: &Path, name: &str, options: &Options, read_bytes: &Arc<AtomicU64>, emit: &mut dyn FnMut(Item)) {
    let file = path.display().to_string();
    let input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(err) => return emit(Err(problem(&file, None, format!("cannot open: {err}")))),
        }
    };
    let counted = Counting { inner: input, read: Arc::clone(read_bytes) };
    let mut reader = BufReader::with_capacity(1 << 16, counted);
    let gzip = match reader.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(err) => return emit(Err(problem(&file, None, format!("cannot read: {err}")))),
    };
    let mut reader: Box<dyn BufRead> = if gzip {
        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    };
    let format = match sniff(&mut reader, path) {
        Ok(format) => format,
        Err(err) => return emit(Err(problem(&file, None, format!("cannot read: {err}")))),
    };
    let ctx = records::Context { file: &file, options };
    match format {
        Format::Empty => emit(Err(problem(&file, None, "empty file".to_string()))),
        Format::JsonLines => records::json_lines(reader, &ctx, emit),
        Format::JsonStream => records::json_stream(reader, &ctx, emit),
        Format::JsonArray => records::json_array(reader, &ctx, emit),
        Format::Csv(delimiter) => records::csv(reader, delimiter, &ctx, emit),
        Format::PlainText => plain_text(reader, name, &ctx, emit),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
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
        return Ok(if head.is_empty() { Format::Empty } else { Format::PlainText });
    };
    Ok(if name.ends_with(".csv") {
        Format::Csv(b',')
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
fn plain_text(mut reader: Box<dyn BufRead>, name: &str, ctx: &records::Context, emit: &mut dyn FnMut(Item)) {
    let mut bytes = Vec::new();
    if let Err(err) = reader.read_to_end(&mut bytes) {
        return emit(Err(problem(ctx.file, None, format!("cannot read: {err}"))));
    }
    if bytes.contains(&0) {
        let message = "binary file (it contains NUL bytes); not loaded as text".to_string();
        return emit(Err(problem(ctx.file, None, message)));
    }
    let (text, warning) = decode(&bytes);
    emit(Ok(RawArticle {
        origin: Origin { file: ctx.file.to_string(), line: None, record: None },
        layout: Layout::PlainText,
        external_id: Some(name.to_string()),
        title: None,
        text: text.into_owned(),
        date: None,
        source: ctx.options.source.clone(),
        source_domain: None,
        url: None,
        byline: None,
        warnings: warning.into_iter().collect(),
    }));
}

pub(crate) fn problem(file: &str, line: Option<u64>, message: String) -> Problem {
    Problem {
        origin: Origin { file: file.to_string(), line, record: None },
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
