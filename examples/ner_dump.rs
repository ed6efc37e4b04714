use corpusdb::extract::ner::Tagger;
fn main() {
    let t = Tagger::embedded().unwrap();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let blocks = corpusdb::text::blocks::split_blocks(&text);
        for (b, ms) in blocks.iter().zip(t.tag_blocks(&blocks)) {
            let _ = b;
            for m in ms { print!("[{} {}] ", m.kind.as_str(), m.text); }
            println!();
        }
    }
}
