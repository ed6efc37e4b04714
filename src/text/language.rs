//! Language identification of articles and blocks. Function words settle the common case
//! cheaply (a block in the article's language); whatlang's trigram models, offline, decide
//! the rest.

use std::collections::HashMap;
use std::sync::OnceLock;

use whatlang::{Detector, Lang};

/// Frequent function words of the languages most news comes in.
const FUNCTION_WORDS: &[(&str, &str)] = &[
    ("en", "the and of to a in is that for it was on with as he said by at his be are have from this not but they has were an who which will their would"),
    ("fr", "le la les de des du et un une est en que qui dans pour sur pas au aux avec par il elle ce sont ont plus ne se son sa"),
    ("es", "el la los las de del y que en un una es por con para se no al lo su como más pero fue sus le ha"),
    ("de", "der die das und ist nicht ein eine zu den dem mit von auf für sich auch es im des wird wurde sind sie er"),
    ("it", "il di che e la per un non sono della con del le si è una nel gli alla ha ma anche"),
    ("pt", "o de que e do da em um para com não uma os no se na por mais as dos foi ao"),
    ("nl", "de het een en van is dat op te in niet zijn met voor die er ook maar werd naar"),
];

/// Words of a block sampled for function words.
const SAMPLE_WORDS: usize = 60;

/// Blocks shorter than this many letters get no language of their own: too little to tell.
const MIN_LETTERS: usize = 12;
/// Below this many letters only function words (or a rule's language) name a block's
/// language: the trigram model is unreliable there and costs the most per letter.
const MIN_MODEL_LETTERS: usize = 40;
/// Enough text to identify a language; more only costs time.
const SAMPLE_CHARS: usize = 400;

/// The ISO 639-1 code of the text's language, when it can be told reliably.
///
/// ```
/// use corpusdb::text::language::detect;
/// assert_eq!(detect("Le ministre a déclaré que les négociations étaient dans une phase importante.").as_deref(), Some("fr"));
/// assert_eq!(detect("The first head of state to meet Kim could be Syria's Bashar al-Assad.").as_deref(), Some("en"));
/// assert_eq!(detect("OK"), None);
/// ```
pub fn detect(text: &str) -> Option<String> {
    let sample: String = text.chars().take(SAMPLE_CHARS).collect();
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = Detector::new().detect(&sample)?;
    // Short text: only a confident answer counts. Long text: whatlang is right even when it
    // rates its own confidence low.
    if !info.is_reliable() && sample.chars().count() < SAMPLE_CHARS {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

/// The language of a whole article: detected on its content blocks together, prose first
/// (an article may open with a list of place names or a dateline).
pub fn detect_article<'a>(blocks: impl Iterator<Item = &'a str> + Clone) -> Option<String> {
    let prose = |t: &&str| {
        t.chars()
            .filter(|c| c.is_alphabetic())
            .take(MIN_MODEL_LETTERS)
            .count()
            >= MIN_MODEL_LETTERS
    };
    let mut sample = String::with_capacity(SAMPLE_CHARS * 4);
    for text in blocks
        .clone()
        .filter(prose)
        .chain(blocks.filter(|t| !prose(t)))
    {
        sample.push_str(text);
        sample.push('\n');
        if sample.len() >= SAMPLE_CHARS * 4 {
            break;
        }
    }
    if let Some(lang) = by_function_words(&sample) {
        return Some(lang.to_string());
    }
    detect(&sample)
}

/// The language of a block in an article written in `article_lang`: the article's when the
/// block's function words say so, else whatever the trigram model finds.
///
/// ```
/// use corpusdb::text::language::detect_block;
/// assert_eq!(detect_block("He said the talks would go on.", Some("en")).as_deref(), Some("en"));
/// assert_eq!(detect_block("Pour en savoir plus sur la reprise de ce contenu, veuillez remplir ce formulaire.", Some("en")).as_deref(), Some("fr"));
/// let names = "Sylvain Marconnet (Stade Francais), Nicolas Mas (Perpignan), Olivier Milloud (Bourgoin).";
/// assert_eq!(detect_block(names, Some("en")), None);
/// ```
pub fn detect_block(text: &str, article_lang: Option<&str>) -> Option<String> {
    let counts = function_word_counts(text);
    let short = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_MODEL_LETTERS)
        .count()
        < MIN_MODEL_LETTERS;
    if let Some(article) = article_lang {
        let own = FUNCTION_WORDS.iter().position(|(lang, _)| *lang == article);
        if let Some(own) = own {
            let others = counts
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != own)
                .map(|(_, c)| *c)
                .max()
                .unwrap_or(0);
            // A short block needs only to lean the article's way; a long one must be clear.
            let agrees = if short {
                counts[own] >= 1 && counts[own] > others
            } else {
                counts[own] >= 3 && counts[own] > 2 * others
            };
            if agrees {
                return Some(article.to_string());
            }
        }
    }
    match dominant(&counts) {
        Some(found) => Some(found.to_string()),
        None if short => None,
        // The trigram model names a language with a function-word list: believe it only if
        // some of those words are there (a list of French names is not French prose).
        // Latin-script languages without a list are too easily confused with lists of names
        // to be named from trigrams alone; other scripts (Arabic, Cyrillic, …) are clear.
        None => {
            detect(text).filter(
                |lang| match FUNCTION_WORDS.iter().position(|(l, _)| l == lang) {
                    Some(i) => counts[i] >= 2,
                    None => {
                        whatlang::detect_script(text).is_some_and(|s| s != whatlang::Script::Latin)
                    }
                },
            )
        }
    }
}

/// The language whose function words clearly dominate the text's first words, if any.
fn by_function_words(text: &str) -> Option<&'static str> {
    dominant(&function_word_counts(text))
}

fn dominant(counts: &[u32; FUNCTION_WORDS.len()]) -> Option<&'static str> {
    let (best, &top) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
    let runner_up = counts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0);
    (top >= 3 && top > 2 * runner_up).then_some(FUNCTION_WORDS[best].0)
}

/// How many of the text's first words are function words of each language.
fn function_word_counts(text: &str) -> [u32; FUNCTION_WORDS.len()] {
    static INDEX: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, u8> = HashMap::new();
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for word in words.split(' ') {
                *index.entry(word).or_default() |= 1 << i;
            }
        }
        index
    });
    let mut counts = [0u32; FUNCTION_WORDS.len()];
    let mut word = String::new();
    for raw in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
    {
        word.clear();
        word.extend(raw.chars().flat_map(char::to_lowercase));
        if let Some(&langs) = index.get(word.as_str()) {
            for (i, count) in counts.iter_mut().enumerate() {
                *count += u32::from(langs >> i & 1);
            }
        }
    }
    counts
}

/// whatlang speaks ISO 639-3; people and BI tools mostly expect the two-letter codes.
fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Deu => "de",
        Lang::Ara => "ar",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Pol => "pl",
        Lang::Tur => "tr",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "no",
        Lang::Fin => "fi",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Hun => "hu",
        Lang::Ron => "ro",
        Lang::Bul => "bg",
        Lang::Ell => "el",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Slv => "sl",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Ind => "id",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Cat => "ca",
        Lang::Afr => "af",
        Lang::Epo => "eo",
        Lang::Aze => "az",
        Lang::Bel => "be",
        Lang::Kat => "ka",
        Lang::Hye => "hy",
        Lang::Tgl => "tl",
        Lang::Yid => "yi",
        Lang::Lat => "la",
        other => other.code(),
    }
}
