//! Which input column or JSON key fills which article field (id, title, dek, body, ...).
//! Common names work without configuration; `--field body=my_column` overrides one, and an
//! override naming a column the input lacks is an error, not a field left empty.

use std::collections::HashMap;

/// An article field that records can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Id,
    Title,
    Dek,
    Body,
    Date,
    Source,
    Domain,
    Url,
    Byline,
}

impl Target {
    pub const ALL: [Target; 9] = [
        Target::Id,
        Target::Title,
        Target::Dek,
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
            Target::Dek => "dek",
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
            // Not "summary": in the data sets that have one, someone else wrote it.
            Target::Dek => &[
                "dek",
                "subtitle",
                "subheadline",
                "sub_headline",
                "subhead",
                "standfirst",
                "description",
            ],
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

    /// The columns looked for to fill `target`, for a message: the override, or the defaults.
    pub fn looked_for(&self, target: Target) -> String {
        match self.override_for(target) {
            Some(column) => column.to_string(),
            None => target.defaults().join(", "),
        }
    }

    /// Checks an input's columns (a CSV header, the keys of its first JSON object) against the
    /// overrides: a `--field` naming a column the input lacks is a mistake to stop on, not a
    /// field to leave empty in every record.
    ///
    /// ```
    /// let map = corpusdb::read::FieldMap::parse(&["body=story".to_string()]).unwrap();
    /// assert!(map.check(&["title", "Story"]).is_ok());
    /// assert_eq!(
    ///     map.check(&["title", "text"]).unwrap_err(),
    ///     "--field body=story: the input has no column 'story' (its columns: title, text)"
    /// );
    /// ```
    pub fn check<S: AsRef<str>>(&self, columns: &[S]) -> Result<(), String> {
        for target in Target::ALL {
            let Some(column) = self.override_for(target) else {
                continue;
            };
            if self.column(target, columns).is_none() {
                let names: Vec<&str> = columns.iter().map(AsRef::as_ref).collect();
                return Err(format!(
                    "--field {}={column}: the input has no column '{column}' (its columns: {})",
                    target.name(),
                    names.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// The column that fills each field in an input with these columns, as JSON: what a load
    /// records of the mapping it used.
    pub fn mapping<S: AsRef<str>>(
        &self,
        columns: &[S],
    ) -> serde_json::Map<String, serde_json::Value> {
        Target::ALL
            .into_iter()
            .filter_map(|target| {
                let column = columns.get(self.column(target, columns)?)?.as_ref();
                Some((target.name().to_string(), column.into()))
            })
            .collect()
    }

    /// The overrides as JSON, field → column.
    pub fn overrides(&self) -> serde_json::Map<String, serde_json::Value> {
        Target::ALL
            .into_iter()
            .filter_map(|t| Some((t.name().to_string(), self.override_for(t)?.into())))
            .collect()
    }
}
