//! Linking inside one article: the extractors run over its content blocks (title, dek,
//! body, and captions for entities and dates), and what they find is tied together: every mention of a person, organisation or
//! place gets the canonical entity it names in this article ("Assad" → Bashar al-Assad,
//! "DPRK" → North Korea), date expressions resolve against the publication date, and each
//! quote's speaker and channel become entities too. Pure: the store merges the entities
//! across the corpus by kind and key.

use crate::extract::dates;
use crate::extract::gazetteer::alias_key;
use crate::extract::ner::{aliases, Tagger};
use crate::model::{Article, DateMention, Entity, Kind, Mention, Span};

/// Adds mentions, date mentions and quotes to an article structured by `text::process`.
/// Entities and dates are read in the content blocks and in captions (a caption names the
/// people and places in the picture, and when it was taken).
pub fn enrich(article: &mut Article) {
    let content: Vec<usize> = (0..article.blocks.len())
        .filter(|&i| article.blocks[i].kind.is_content() || article.blocks[i].kind == Kind::Caption)
        .collect();
    let texts: Vec<&str> = content.iter().map(|&i| article.blocks[i].text.as_str()).collect();
    if let Ok(tagger) = Tagger::embedded() {
        let found: Vec<(usize, crate::extract::ner::Mention)> = tagger
            .tag_blocks(&texts)
            .into_iter()
            .enumerate()
            .flat_map(|(i, mentions)| {
                let block = content[i];
                mentions.into_iter().map(move |m| (block, m))
            })
            .collect();
        let names: Vec<_> = found.iter().map(|(_, m)| (m.kind, m.text.as_str())).collect();
        let resolved = aliases::resolve(&names);
        article.mentions = found
            .into_iter()
            .zip(resolved)
            .map(|((block, m), r)| Mention {
                block,
                span: Span { start: m.start, end: m.end },
                text: m.text,
                entity: Entity {
                    kind: r.kind.as_str(),
                    key: alias_key(&r.name),
                    country: r.entry.and_then(|e| e.country.clone()),
                    latitude: r.entry.and_then(|e| e.latitude),
                    longitude: r.entry.and_then(|e| e.longitude),
                    name: r.name,
                },
            })
            .collect();
    }
    let published = article.published_at.clone();
    article.dates = content
        .iter()
        .flat_map(|&block| {
            dates::extract(&article.blocks[block].text, published.as_deref()).into_iter().map(move |d| DateMention {
                block,
                span: Span { start: d.start, end: d.end },
                text: d.text,
                value: d.value,
                granularity: d.granularity.as_str(),
            })
        })
        .collect();
}
