//! `corpusdb chart` (issue #23), through the real binary: each chart drawn from
//! corpus.db.example (and from a slice of allsides when ../shared is there) is rendered to
//! pixels by resvg with the system's fonts and must not be blank (the pixels vary, a fair
//! share is not background) and must carry the expected names as text that was drawn (the
//! name is a text element of the SVG, and the box resvg lays it out in holds ink). Bad
//! parameters exit 2 naming the parameter with an example; nothing to draw says so.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use resvg::{tiny_skia, usvg};

/// A chart rendered: its SVG, its pixels, and each text element's string and laid-out box.
struct Picture {
    svg: String,
    pixmap: tiny_skia::Pixmap,
    texts: Vec<(String, usvg::Rect)>,
}

fn render(svg: &str) -> Picture {
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let fonts = options.fontdb_mut();
    if !fonts
        .faces()
        .any(|f| f.families.iter().any(|(n, _)| n == "DejaVu Sans"))
    {
        panic!("the chart tests need the DejaVu fonts (Debian: fonts-dejavu-core)");
    }
    fonts.set_sans_serif_family("DejaVu Sans");
    let tree = usvg::Tree::from_str(svg, &options).expect("the chart is valid SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).expect("size");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let mut texts = Vec::new();
    collect_texts(tree.root(), &mut texts);
    Picture {
        svg: svg.to_string(),
        pixmap,
        texts,
    }
}

fn collect_texts(group: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_texts(g, out),
            usvg::Node::Text(t) => {
                let text: String = t.chunks().iter().map(|c| c.text()).collect();
                out.push((text, t.abs_bounding_box()));
            }
            _ => {}
        }
    }
}

/// Luminance of each pixel (0 black, 255 white), row by row.
fn luminance(pixmap: &tiny_skia::Pixmap) -> Vec<f64> {
    pixmap
        .pixels()
        .iter()
        .map(|p| {
            let c = p.demultiply();
            0.299 * f64::from(c.red()) + 0.587 * f64::from(c.green()) + 0.114 * f64::from(c.blue())
        })
        .collect()
}

impl Picture {
    /// Not blank: the pixels vary and between 1 % and 90 % of them are not white background.
    fn assert_drawn(&self, what: &str) {
        let lum = luminance(&self.pixmap);
        let n = lum.len() as f64;
        let mean = lum.iter().sum::<f64>() / n;
        let variance = lum.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / n;
        let ink = lum.iter().filter(|l| **l < 250.0).count() as f64 / n;
        assert!(variance > 50.0, "{what}: pixel variance {variance:.1}");
        assert!(
            (0.01..0.9).contains(&ink),
            "{what}: non-background share {ink:.3}"
        );
    }

    /// `name` is a text element of the SVG and the box it was laid out in holds dark ink.
    fn assert_label(&self, what: &str, name: &str) {
        assert!(
            self.svg.contains(name),
            "{what}: {name:?} is not in the SVG"
        );
        let (_, rect) = self
            .texts
            .iter()
            .find(|(t, _)| t.contains(name))
            .unwrap_or_else(|| {
                panic!(
                    "{what}: no text element holds {name:?}; texts: {:?}",
                    self.texts.iter().map(|t| &t.0).collect::<Vec<_>>()
                )
            });
        let lum = luminance(&self.pixmap);
        let width = self.pixmap.width() as usize;
        let height = self.pixmap.height() as usize;
        let (x0, y0) = (rect.left().max(0.0) as usize, rect.top().max(0.0) as usize);
        let x1 = (rect.right().ceil() as usize).min(width);
        let y1 = (rect.bottom().ceil() as usize).min(height);
        let dark = (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| y * width + x))
            .filter(|&i| lum[i] < 160.0)
            .count();
        assert!(
            x1 > x0 && y1 > y0 && dark >= 10,
            "{what}: the box of {name:?} ({rect:?}) holds {dark} dark pixels"
        );
    }
}

/// `corpusdb --db DB chart ARGS -o OUT`: the SVG drawn, after checking it was written.
fn chart(dir: &Path, db: &str, args: &[&str], out: &str) -> Picture {
    let mut all = vec!["--db", db, "chart"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out]);
    let stderr = text(&run_ok(dir, &all).stderr);
    assert!(stderr.contains(&format!("wrote {out}")), "{stderr}");
    render(&fs::read_to_string(dir.join(out)).expect("the SVG was written"))
}

fn run_ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "corpusdb {args:?}: {}\n{}",
        out.status,
        text(&out.stderr)
    );
    out
}

fn example(dir: &Path) -> String {
    fs::copy(repo().join("corpus.db.example"), dir.join("ex.db")).expect("copy the example");
    "ex.db".to_string()
}

/// Three dated articles from three outlets, January, April and May 2018 (February and March
/// empty), each carrying the same quotation.
const DATED: &str = r#"{"title": "Kim visits Seoul", "text": "Kim Jong Un visited Seoul on Monday, officials said.\n\n\"We will open a new era of peace on the peninsula,\" Kim Jong Un said.", "source": "Fox News", "date": "2018-01-15"}
{"title": "Summit ends", "text": "The summit between Kim Jong Un and Moon Jae-in ended in Seoul.\n\n\"We will open a new era of peace on the peninsula,\" Kim Jong Un told reporters.", "source": "CNN", "date": "2018-04-20"}
{"title": "Moon returns", "text": "Moon Jae-in returned to Seoul after his talks with Kim Jong Un.\n\n\"We will open a new era of peace on the peninsula,\" Kim Jong Un said on Friday.", "source": "Reuters", "date": "2018-05-04"}
"#;

/// `corpusdb --db DB report ARGS --tsv --no-headers`: the first row's first cell.
fn first_cell(dir: &Path, db: &str, args: &[&str]) -> String {
    let mut all = vec!["--db", db, "report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--tsv", "--no-headers"]);
    let out = text(&run_ok(dir, &all).stdout);
    let cell = out
        .lines()
        .next()
        .and_then(|l| l.split('\t').next())
        .unwrap_or_default();
    assert!(!cell.is_empty(), "report {args:?} has no rows");
    cell.to_string()
}

#[test]
fn issue_23_the_examples_outlets_story_and_network_are_drawn_with_their_names() {
    let dir = workdir();
    let d = dir.path();
    let db = example(d);

    let p = chart(d, &db, &["outlets", "kim jong un"], "outlets.svg");
    p.assert_drawn("outlets");
    p.assert_label("outlets", "Middle East Eye");
    p.assert_label("outlets", "kim jong un");

    let p = chart(d, &db, &["story", "1"], "story.svg");
    p.assert_drawn("story");
    p.assert_label("story", "Middle East Eye");
    p.assert_label("story", "Kim Jong Un");

    let p = chart(d, &db, &["cooccurrence", "Kim Jong Un"], "network.svg");
    p.assert_drawn("cooccurrence");
    p.assert_label("cooccurrence", "Kim Jong Un");
    p.assert_label("cooccurrence", "North Korea");
}

#[test]
fn issue_23_timeline_and_echo_of_dated_articles_fill_empty_months_and_name_the_outlets() {
    let dir = workdir();
    let d = dir.path();
    fs::write(d.join("dated.jsonl"), DATED).unwrap();
    run_ok(d, &["--db", "d.db", "load", "--quiet", "dated.jsonl"]);

    let p = chart(
        d,
        "d.db",
        &["timeline", "Kim Jong Un", "moon jae-in", "--by", "month"],
        "timeline.svg",
    );
    p.assert_drawn("timeline");
    p.assert_label("timeline", "Kim Jong Un");
    p.assert_label("timeline", "moon jae-in");
    // February and March have no article: they are on the axis, as zeros.
    for month in ["2018-01", "2018-02", "2018-03", "2018-04", "2018-05"] {
        p.assert_label("timeline", month);
    }

    let cluster = first_cell(d, "d.db", &["echoes"]);
    let p = chart(d, "d.db", &["echo", &cluster], "echo.svg");
    p.assert_drawn("echo");
    for outlet in ["Fox News", "CNN", "Reuters"] {
        p.assert_label("echo", outlet);
    }
    p.assert_label("echo", "We will open a new era of peace");
    p.assert_label("echo", "first by Fox News");
}

#[test]
fn issue_23_a_png_is_written_when_asked() {
    let dir = workdir();
    let d = dir.path();
    let db = example(d);
    run_ok(
        d,
        &[
            "--db",
            &db,
            "chart",
            "cooccurrence",
            "Kim Jong Un",
            "-o",
            "t.png",
        ],
    );
    let bytes = fs::read(d.join("t.png")).expect("the PNG was written");
    let pixmap = tiny_skia::Pixmap::decode_png(&bytes).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (900, 900));
    let svg = text(
        &run_ok(
            d,
            &[
                "--db",
                &db,
                "chart",
                "cooccurrence",
                "Kim Jong Un",
                "-o",
                "-",
            ],
        )
        .stdout,
    );
    assert!(
        svg.starts_with("<svg") && svg.contains("Kim Jong Un"),
        "{svg}"
    );
}

#[test]
fn issue_23_charts_check_their_parameters_and_say_when_there_is_nothing_to_draw() {
    let dir = workdir();
    let d = dir.path();
    let db = example(d);
    // (arguments, what stderr must say)
    let matrix: &[(&[&str], &[&str])] = &[
        (
            &["timeline", "Kim Jong Unn"],
            &[
                "no entity matches name=\"Kim Jong Unn\"",
                "closest: \"Kim Jong Un\"",
                "a chart example: corpusdb chart timeline",
            ],
        ),
        (
            &["timeline", "Kim Jong Un", "--by", "year"],
            &["by=\"year\" is not one of day, week, month"],
        ),
        (
            &["timeline", "Kim Jong Un", "--from", "2018-13-45"],
            &["from=\"2018-13-45\" is not a date"],
        ),
        (&["story", "999"], &["there is no story with id=999"]),
        (&["echo", "abc"], &["cluster=\"abc\" is not a number"]),
        (
            &["outlets", "Kim Jong Un", "--min", "some"],
            &["min=\"some\" is not a whole number"],
        ),
        (
            &["cooccurrence", "Nobody At All"],
            &["no entity matches name=\"Nobody At All\""],
        ),
        (
            &["cooccurrence", "Kim Jong Un", "--scope", "page"],
            &["scope=\"page\" is not one of sentence, paragraph"],
        ),
        (&["outlets"], &["ENTITY"]),
    ];
    for (args, wanted) in matrix {
        let mut all = vec!["--db", db.as_str(), "chart"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", "x.svg"]);
        let out = run(d, &all);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        for w in *wanted {
            assert!(stderr.contains(w), "{args:?}: {w:?} not in {stderr}");
        }
        assert!(!d.join("x.svg").exists(), "{args:?} wrote a file");
    }
    // Valid questions with nothing to draw: exit 0, say so, write nothing.
    for args in [
        // The example's articles have no date: nothing to lay out in time.
        &["timeline", "Kim Jong Un"][..],
        &["echo", "1"][..],
        // A quotation in one article only is no echo.
        &["echo", "3"][..],
    ] {
        let mut all = vec!["--db", db.as_str(), "chart"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", "x.svg"]);
        let out = run(d, &all);
        let stderr = text(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(stderr.contains("nothing to draw"), "{args:?}: {stderr}");
        assert!(!d.join("x.svg").exists(), "{args:?} wrote a file");
    }
}

#[test]
fn issue_23_charts_of_a_real_corpus_name_its_outlets_and_entities() {
    let dir = workdir();
    let d = dir.path();
    // The first 400 records: dozens of outlets over several years.
    let Some(slice) = allsides_slice(d, 400) else {
        return;
    };
    let slice = slice.to_str().expect("a UTF-8 path");
    run_ok(d, &["--db", "a.db", "load", "--quiet", slice]);
    let conn = open(&d.join("a.db"));

    let p = chart(
        d,
        "a.db",
        &[
            "timeline",
            "Donald Trump",
            "Hillary Clinton",
            "--by",
            "month",
            "--from",
            "2016-01",
            "--to",
            "2016-12",
        ],
        "t.svg",
    );
    p.assert_drawn("timeline");
    p.assert_label("timeline", "Donald Trump");
    p.assert_label("timeline", "Hillary Clinton");
    // The axis runs over the months asked for, from January to December.
    p.assert_label("timeline", "2016-01");
    p.assert_label("timeline", "2016-12");

    // The outlet the outlets report puts first (the largest share of its articles).
    let p = chart(
        d,
        "a.db",
        &["outlets", "Donald Trump", "--min", "5"],
        "o.svg",
    );
    p.assert_drawn("outlets");
    let top = first_cell(
        d,
        "a.db",
        &["outlets", "-p", "name=Donald Trump", "-p", "min=5"],
    );
    p.assert_label("outlets", &top);

    let story = strings(
        &conn,
        "SELECT CAST(story_id AS TEXT) FROM story_articles GROUP BY story_id
         ORDER BY count(*) DESC, story_id LIMIT 1",
    );
    let p = chart(d, "a.db", &["story", &story[0]], "s.svg");
    p.assert_drawn("story");

    let cluster = first_cell(d, "a.db", &["echoes"]);
    let p = chart(d, "a.db", &["echo", &cluster], "e.svg");
    p.assert_drawn("echo");

    let p = chart(d, "a.db", &["cooccurrence", "Donald Trump"], "c.svg");
    p.assert_drawn("cooccurrence");
    let partner = first_cell(d, "a.db", &["cooccurrence", "-p", "name=Donald Trump"]);
    p.assert_label("cooccurrence", &partner);
}
