//! Which input column or JSON key fills which article field. Common names work without
//! configuration; `--field body=my_column` overrides one.

use std::collections::HashMap;

/// An article field that records can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Id,
    Title,
    Body,
    Date,
    Source,
    Domain,
    Url,
    Byline,
}

impl Target {
    pub const ALL: [Target; 8] = [
        Target::Id,
        Target::Title,
        Target::Body,
        Target::Date,
        Target::Source,
        Target::Domain,
        Target::Url,
        Target::Byline,
    ];

    /// The name used in `--field NAME=column`.
    pub fn name(self) -> &'static str {
        match self {
            Target::Id => "id",
            Target::Title => "title",
            Target::Body => "body",
            Target::Date => "date",
            Target::Source => "source",
            Target::Domain => "domain",
            Target::Url => "url",
            Target::Byline => "byline",
        }
    }

    /// Column names recognised without configuration, most specific first.
    fn defaults(self) -> &'static [&'static str] {
        match self {
            Target::Id => &["id", "article_id", "external_id", "guid", "uuid"],
            Target::Title => &["title", "headline", "heading"],
            Target::Body => &[
                "text",
                "body",
                "content",
                "content_original",
                "article",
                "full_text",
                "maintext",
            ],
            Target::Date => &[
                "published_at",
                "publish_date",
                "published",
                "date",
                "pubdate",
                "date_publish",
                "datetime",
                "timestamp",
            ],
            Target::Source => &[
                "source",
                "outlet",
                "publication",
                "publisher",
                "site",
                "source_name",
                "media",
            ],
            Target::Domain => &["source_url", "domain", "source_domain", "hostname"],
            Target::Url => &["url", "link", "article_url", "permalink"],
            Target::Byline => &["byline", "author", "authors", "writer"],
        }
    }
}

/// The mapping from article fields to input column names.
#[derive(Debug, Clone, Default)]
pub struct FieldMap {
    overrides: HashMap<Target, String>,
}

impl FieldMap {
    /// Parses `FIELD=column` overrides, e.g. `body=my_column`.
    ///
    /// ```
    /// let map = corpusdb::read::FieldMap::parse(&["body=story".to_string()]).unwrap();
    /// let columns = ["ID", "story", "text"];
    /// assert_eq!(map.column(corpusdb::read::Target::Body, &columns), Some(1));
    /// assert_eq!(map.column(corpusdb::read::Target::Id, &columns), Some(0));
    /// assert!(corpusdb::read::FieldMap::parse(&["bogus=x".to_string()]).is_err());
    /// ```
    pub fn parse(specs: &[String]) -> Result<Self, String> {
        let mut overrides = HashMap::new();
        for spec in specs {
            let (field, column) = spec
                .split_once('=')
                .ok_or_else(|| format!("--field {spec:?}: expected FIELD=column"))?;
            let target = Target::ALL
                .into_iter()
                .find(|t| t.name() == field.trim())
                .ok_or_else(|| {
                    let names: Vec<_> = Target::ALL.iter().map(|t| t.name()).collect();
                    format!(
                        "--field {spec:?}: unknown field '{field}' (known: {})",
                        names.join(", ")
                    )
                })?;
            overrides.insert(target, column.trim().to_string());
        }
        Ok(FieldMap { overrides })
    }

    /// The index of the column that fills `target`: the override when one is given, else the
    /// first default name present (exact, then ignoring case).
    pub fn column<S: AsRef<str>>(&self, target: Target, columns: &[S]) -> Option<usize> {
        let find = |name: &str| {
            columns.iter().position(|c| c.as_ref() == name).or_else(|| {
                columns
                    .iter()
                    .position(|c| c.as_ref().eq_ignore_ascii_case(name))
            })
        };
        match self.overrides.get(&target) {
            Some(name) => find(name),
            None => target.defaults().iter().find_map(|name| find(name)),
        }
    }

    /// The override for `target`, if any (to report a column that is missing).
    pub fn override_for(&self, target: Target) -> Option<&str> {
        self.overrides.get(&target).map(String::as_str)
    }
}
