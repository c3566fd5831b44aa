//! One reader for every word list and table in `data/`.
//!
//! Input: a [`Source`] (a data file's name, its `include_str!`ed text and its [`Format`]).
//! Output: its rows ([`Row`], with the 1-based line number, the `## section` and the line
//! prefix they were read under) or, for a malformed row, a [`DataError`] naming the file and
//! line and saying what to fix. The engine's loaders take the good rows and skip the bad
//! ones (a data typo must never panic an analysis); `tests/data_files.rs` reports every
//! error and checks each file's declared order ([`Source::check`]).
//!
//! The file format, shared by all files (see `docs/data.md`):
//! - `#` starts a comment line; blank lines are ignored; `# order: …` declares the order.
//! - `## name` opens a section, in files whose format has sections (`given_names.txt`).
//! - `name:` at the start of a line is a prefix its format declares (`nat:`, `mod:`).
//! - a row is white-space separated words, one entry per line, or tab-separated columns.
//!
//! ```
//! use lede::lexicon::{Format, Source};
//! let src = Source::new("demo.txt", "# order: sorted\n## male\nAdam Bo\n", Format::WORDS.sections());
//! let row = src.rows().next().unwrap().unwrap();
//! assert_eq!((row.line, row.section, row.words().count()), (3, Some("male"), 2));
//! ```

use std::collections::HashSet;
use std::fmt;

/// How the entries of a row are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// White-space separated words, any number per line; each word is one entry.
    Words,
    /// One entry per line, which may hold spaces ("prime minister", "according to").
    Lines,
    /// Tab-separated columns: at least `min` (none of them empty), at most `max`
    /// (the ones past `min` may be empty: an open end date).
    Columns { min: usize, max: usize },
}

/// A data file's format: its row shape, whether it has `## sections`, and the line
/// prefixes it knows, each with the shape of the rest of its line.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    pub shape: Shape,
    pub sections: bool,
    pub prefixes: &'static [(&'static str, Shape)],
}

impl Format {
    pub const WORDS: Format = Format::of(Shape::Words);
    pub const LINES: Format = Format::of(Shape::Lines);

    pub const fn of(shape: Shape) -> Format {
        Format {
            shape,
            sections: false,
            prefixes: &[],
        }
    }

    pub const fn columns(min: usize, max: usize) -> Format {
        Format::of(Shape::Columns { min, max })
    }

    pub const fn sections(self) -> Format {
        Format {
            sections: true,
            ..self
        }
    }

    pub const fn prefixes(self, prefixes: &'static [(&'static str, Shape)]) -> Format {
        Format { prefixes, ..self }
    }
}

/// One data file.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// The file name inside `data/` ("given_names.txt").
    pub name: &'static str,
    pub text: &'static str,
    pub format: Format,
}

/// One row of a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    /// 1-based line number.
    pub line: usize,
    /// The `## section` the row is under, in files with sections.
    pub section: Option<&'a str>,
    /// The declared prefix the line starts with (without its colon).
    pub prefix: Option<&'static str>,
    /// The row after its prefix, trimmed.
    pub text: &'a str,
    shape: Shape,
}

impl<'a> Row<'a> {
    /// The row's white-space separated words.
    pub fn words(&self) -> std::str::SplitWhitespace<'a> {
        self.text.split_whitespace()
    }

    /// The row's tab-separated columns.
    pub fn cols(&self) -> std::str::Split<'a, char> {
        self.text.split('\t')
    }

    /// Column `i` (0-based), `""` when the row is shorter.
    pub fn col(&self, i: usize) -> &'a str {
        self.cols().nth(i).unwrap_or("")
    }

    /// The entries the order check compares: each word, the line, or the line's columns.
    fn entries(&self) -> Vec<&'a str> {
        match self.shape {
            Shape::Words => self.words().collect(),
            Shape::Lines | Shape::Columns { .. } => vec![self.text],
        }
    }
}

/// What is wrong with a data file, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// A tab-separated row has too few or too many columns: add or remove a tab.
    Columns {
        file: &'static str,
        line: usize,
        found: usize,
        min: usize,
        max: usize,
    },
    /// A required column is empty (two tabs in a row, or a missing value).
    EmptyColumn {
        file: &'static str,
        line: usize,
        column: usize,
    },
    /// A column starts or ends with spaces, which the loaders would read as part of it.
    Spaces {
        file: &'static str,
        line: usize,
        column: usize,
    },
    /// The line starts with `name:` that the file's format does not declare: a typo of a
    /// prefix, or a prefix the loader would not read.
    UnknownPrefix {
        file: &'static str,
        line: usize,
        prefix: String,
    },
    /// A row before the first `## section` header of a sectioned file: add the header.
    OutsideSection { file: &'static str, line: usize },
    /// A prefix with nothing after it.
    EmptyRow { file: &'static str, line: usize },
    /// The file has no `# order: …` line: declare "sorted" or say what its order means.
    NoOrder { file: &'static str },
    /// `sorted … by column N` names a column the rows do not have, or is unreadable.
    BadOrder {
        file: &'static str,
        line: usize,
        text: String,
    },
    /// An entry sorts before the one above it in its section and prefix group.
    Unsorted {
        file: &'static str,
        line: usize,
        entry: String,
        after: String,
    },
    /// An entry listed twice in one section and prefix group: remove one.
    Duplicate {
        file: &'static str,
        line: usize,
        entry: String,
        first_line: usize,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DataError::*;
        match self {
            Columns {
                file,
                line,
                found,
                min,
                max,
            } => write!(
                f,
                "data/{file}:{line}: {found} column(s), expected {min} to {max} (separated by tabs)"
            ),
            EmptyColumn { file, line, column } => {
                write!(f, "data/{file}:{line}: column {column} is empty")
            }
            Spaces { file, line, column } => write!(
                f,
                "data/{file}:{line}: column {column} starts or ends with spaces"
            ),
            UnknownPrefix { file, line, prefix } => write!(
                f,
                "data/{file}:{line}: unknown prefix \"{prefix}:\" (declare it in src/lexicon.rs or fix the typo)"
            ),
            OutsideSection { file, line } => {
                write!(f, "data/{file}:{line}: row before the first \"## section\"")
            }
            EmptyRow { file, line } => write!(f, "data/{file}:{line}: prefix with no entry"),
            NoOrder { file } => write!(
                f,
                "data/{file}: no \"# order:\" line (\"sorted\", \"sorted, case-folded\", or what the order means)"
            ),
            BadOrder { file, line, text } => {
                write!(f, "data/{file}:{line}: unreadable order \"{text}\"")
            }
            Unsorted {
                file,
                line,
                entry,
                after,
            } => write!(
                f,
                "data/{file}:{line}: \"{entry}\" is out of order (it comes after \"{after}\")"
            ),
            Duplicate {
                file,
                line,
                entry,
                first_line,
            } => write!(
                f,
                "data/{file}:{line}: \"{entry}\" is listed twice (first on line {first_line})"
            ),
        }
    }
}

impl std::error::Error for DataError {}

/// The order a file declares in its `# order:` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// `sorted[, case-folded][ by column N[, M…]]`: entries ascending (by Unicode scalar
    /// value, as Rust compares strings) within each section and prefix group, no two equal.
    /// Case-folded files compare lower-cased, for loaders that look words up lower-cased;
    /// case-sensitive ones keep "Plc" and "plc" apart because their loader does. `columns`
    /// (1-based) is the key of a table row: rows with equal keys are duplicates.
    Sorted {
        case_folded: bool,
        columns: Vec<usize>,
    },
    /// Any other text: the order carries meaning (chronology, first match wins) and is
    /// kept; only identical rows are reported.
    Meaningful(String),
}

impl Order {
    fn parse(text: &str) -> Option<Order> {
        let t = text.trim();
        let Some(rest) = t.strip_prefix("sorted") else {
            return Some(Order::Meaningful(t.to_string()));
        };
        // A closing remark in parentheses says why; it is not part of the order.
        let rest = match rest.split_once(" (") {
            Some((order, remark)) if remark.ends_with(')') => order,
            _ => rest,
        };
        let (flags, by) = match rest.split_once(" by column") {
            Some((flags, by)) => (flags, Some(by)),
            None => (rest, None),
        };
        let case_folded = match flags.trim() {
            "" => false,
            ", case-folded" => true,
            _ => return None,
        };
        let columns = match by {
            None => Vec::new(),
            Some(by) => {
                let by = by.strip_prefix('s').unwrap_or(by);
                let cols: Option<Vec<usize>> = by
                    .split(',')
                    .map(|c| c.trim().parse().ok().filter(|&c: &usize| c >= 1))
                    .collect();
                cols?
            }
        };
        Some(Order::Sorted {
            case_folded,
            columns,
        })
    }
}

impl Source {
    pub const fn new(name: &'static str, text: &'static str, format: Format) -> Source {
        Source { name, text, format }
    }

    /// Every row in file order; a malformed one is an error that names its line.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row<'static>, DataError>> + '_ {
        let file = self.name;
        let format = self.format;
        let mut section: Option<&'static str> = None;
        self.text.lines().enumerate().filter_map(move |(i, raw)| {
            let line = i + 1;
            let l = raw.trim();
            if format.sections {
                if let Some(s) = l.strip_prefix("##") {
                    section = Some(s.trim());
                    return None;
                }
            }
            if l.is_empty() || l.starts_with('#') {
                return None;
            }
            if format.sections && section.is_none() {
                return Some(Err(DataError::OutsideSection { file, line }));
            }
            Some(read_row(file, line, l, section, format))
        })
    }

    /// The rows a loader uses: the well-formed ones (the data test reports the others).
    pub fn ok_rows(&self) -> impl Iterator<Item = Row<'static>> + '_ {
        self.rows().filter_map(Result::ok)
    }

    /// Every word of every well-formed row, in file order.
    pub fn ok_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ok_rows().flat_map(|r| r.words())
    }

    /// The words of the file as a set (of `section` only, when given), as written.
    pub fn word_set(&self, section: Option<&str>) -> HashSet<&'static str> {
        self.ok_rows()
            .filter(|r| section.is_none() || r.section == section)
            .flat_map(|r| r.words())
            .collect()
    }

    /// The declared order, from the first `# order:` comment line.
    pub fn order(&self) -> Result<Order, DataError> {
        let file = self.name;
        for (i, l) in self.text.lines().enumerate() {
            if let Some(t) = l.trim().strip_prefix("# order:") {
                return Order::parse(t).ok_or_else(|| DataError::BadOrder {
                    file,
                    line: i + 1,
                    text: t.trim().to_string(),
                });
            }
        }
        Err(DataError::NoOrder { file })
    }

    /// Every problem of the file: malformed rows, a missing or unreadable order line,
    /// entries out of the declared order, duplicates. Empty when the file is clean.
    pub fn check(&self) -> Vec<DataError> {
        let mut errors = Vec::new();
        let mut rows = Vec::new();
        for r in self.rows() {
            match r {
                Ok(r) => rows.push(r),
                Err(e) => errors.push(e),
            }
        }
        match self.order() {
            Ok(order) => errors.extend(self.check_order(&rows, &order)),
            Err(e) => errors.push(e),
        }
        errors
    }

    fn check_order(&self, rows: &[Row], order: &Order) -> Vec<DataError> {
        use std::collections::HashMap;
        let file = self.name;
        let mut errors = Vec::new();
        // Per (section, prefix) group: the last key and every key seen, with its line.
        type Group<'r> = (Option<(String, &'r str)>, HashMap<String, usize>);
        let mut groups: HashMap<(Option<&str>, Option<&str>), Group> = HashMap::new();
        for r in rows {
            for entry in r.entries() {
                let key = match order {
                    Order::Sorted {
                        case_folded,
                        columns,
                    } => {
                        let k = if columns.is_empty() {
                            entry.to_string()
                        } else {
                            let cols: Vec<&str> = entry.split('\t').collect();
                            let mut picked = Vec::new();
                            for &c in columns {
                                match cols.get(c - 1) {
                                    Some(v) => picked.push(*v),
                                    None => {
                                        errors.push(DataError::BadOrder {
                                            file,
                                            line: r.line,
                                            text: format!("no column {c} in this row"),
                                        });
                                    }
                                }
                            }
                            picked.join("\t")
                        };
                        if *case_folded {
                            k.to_lowercase()
                        } else {
                            k
                        }
                    }
                    Order::Meaningful(_) => entry.to_string(),
                };
                let (last, seen) = groups.entry((r.section, r.prefix)).or_default();
                if let Some(&first_line) = seen.get(&key) {
                    errors.push(DataError::Duplicate {
                        file,
                        line: r.line,
                        entry: entry.to_string(),
                        first_line,
                    });
                    continue;
                }
                if let (Order::Sorted { .. }, Some((prev, prev_entry))) = (order, last.as_ref()) {
                    if key < *prev {
                        errors.push(DataError::Unsorted {
                            file,
                            line: r.line,
                            entry: entry.to_string(),
                            after: prev_entry.to_string(),
                        });
                    }
                }
                seen.insert(key.clone(), r.line);
                *last = Some((key, entry));
            }
        }
        errors
    }
}

/// Reads one non-comment line: its prefix, then its shape.
fn read_row(
    file: &'static str,
    line: usize,
    l: &'static str,
    section: Option<&'static str>,
    format: Format,
) -> Result<Row<'static>, DataError> {
    let mut shape = format.shape;
    let mut prefix = None;
    let mut text = l;
    if let Some((head, rest)) = split_prefix(l) {
        match format.prefixes.iter().find(|(p, _)| *p == head) {
            Some(&(p, s)) => {
                prefix = Some(p);
                shape = s;
                text = rest.trim();
                if text.is_empty() {
                    return Err(DataError::EmptyRow { file, line });
                }
            }
            None => {
                return Err(DataError::UnknownPrefix {
                    file,
                    line,
                    prefix: head.to_string(),
                })
            }
        }
    }
    if let Shape::Columns { min, max } = shape {
        let cols: Vec<&str> = text.split('\t').collect();
        if cols.len() < min || cols.len() > max {
            return Err(DataError::Columns {
                file,
                line,
                found: cols.len(),
                min,
                max,
            });
        }
        for (i, c) in cols.iter().enumerate() {
            if c.trim() != *c {
                return Err(DataError::Spaces {
                    file,
                    line,
                    column: i + 1,
                });
            }
            if c.is_empty() && i < min {
                return Err(DataError::EmptyColumn {
                    file,
                    line,
                    column: i + 1,
                });
            }
        }
    }
    Ok(Row {
        line,
        section,
        prefix,
        text,
        shape,
    })
}

/// `("nat", " Afghan …")` for a line starting with a lower-case word and a colon;
/// `None` otherwise (so "10:30" and "U.S.:" are not prefixes). As the loaders did before
/// this reader, no space is needed after the colon ("mod:former").
fn split_prefix(l: &str) -> Option<(&str, &str)> {
    let (head, rest) = l.split_once(':')?;
    let is_word = !head.is_empty() && head.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    is_word.then_some((head, rest))
}

mod shipped;
pub use shipped::shipped;

/// A data file as the engine compiles it in: the shipped copy `build.rs` writes into
/// `OUT_DIR` (the file's rows, its comment lines blanked; see [`shipped`]).
macro_rules! data {
    ($name:ident, $file:literal, $format:expr) => {
        pub const $name: Source = Source::new(
            $file,
            include_str!(concat!(env!("OUT_DIR"), "/data/", $file)),
            $format,
        );
    };
}

data!(GIVEN_NAMES, "given_names.txt", Format::WORDS.sections());
data!(HONORIFICS, "honorifics.txt", Format::columns(2, 2));
data!(
    TITLES,
    "titles.txt",
    Format::LINES.prefixes(&[
        ("mod", Shape::Lines),
        ("abbr", Shape::Lines),
        ("leader", Shape::Lines)
    ])
);
data!(
    PLACES,
    "places.txt",
    Format::WORDS.prefixes(&[("nat", Shape::Words)])
);
data!(ORG_WORDS, "org_words.txt", Format::WORDS);
data!(NOT_NAMES, "not_names.txt", Format::WORDS);
data!(RELATION_NOUNS, "relation_nouns.txt", Format::WORDS);
data!(THING_CUES, "thing_cues.txt", Format::WORDS.sections());
data!(
    REPORTING_VERBS,
    "reporting_verbs.txt",
    Format::LINES.prefixes(&[("noun", Shape::Lines), ("object", Shape::Lines)])
);
data!(TIME_WORDS, "time_words.tsv", Format::columns(3, 3));
data!(NOT_TIME_WORDS, "not_time_words.tsv", Format::columns(2, 2));
data!(CITY_ZONES, "city_zones.tsv", Format::columns(4, 4));
data!(LOCALE_ZONES, "locale_zones.tsv", Format::columns(2, 2));
data!(DURATION_HEADS, "duration_heads.tsv", Format::columns(2, 2));
data!(QUANTITY_HEADS, "quantity_heads.tsv", Format::columns(2, 2));
data!(
    TIMEFRAME_WORDS,
    "timeframe_words.tsv",
    Format::columns(2, 2)
);
data!(COUNTRY_NAMES, "country_names.tsv", Format::columns(2, 2));
data!(OFFICE_HOLDERS, "office_holders.tsv", Format::columns(5, 6));
data!(
    ROLE_POSTS,
    "role_posts.tsv",
    Format::columns(2, 3).prefixes(&[("area", Shape::Columns { min: 1, max: 8 })])
);
data!(EVENT_SYNONYMS, "event_synonyms.tsv", Format::LINES);
data!(ELAPSED_WORDS, "elapsed_words.txt", Format::WORDS.sections());
data!(IRREGULAR_PAST, "irregular_past.txt", Format::WORDS);
data!(NAME_PARTICLES, "name_particles.txt", Format::WORDS);
data!(KIN_WORDS, "kin_words.txt", Format::WORDS);
data!(NAMED_AFTER, "named_after.txt", Format::WORDS);
data!(POST_CHANGE_WORDS, "post_change_words.txt", Format::WORDS);
data!(VENUE_HEADS, "venue_heads.txt", Format::WORDS);
data!(EVENT_PHRASES, "event_phrases.tsv", Format::columns(2, 2));
data!(
    PROCEEDING_STAGES,
    "proceeding_stages.tsv",
    Format::columns(3, 3)
);
data!(SOURCE_NOUNS, "source_nouns.txt", Format::WORDS);
data!(TENSE_CUES, "tense_cues.txt", Format::WORDS.sections());
data!(TIME_GRAMMAR, "time_grammar.txt", Format::WORDS.sections());
data!(ABBREVIATIONS, "abbreviations.txt", Format::WORDS.sections());
data!(
    PEOPLE_GRAMMAR,
    "people_grammar.txt",
    Format::WORDS.sections()
);
data!(QUOTE_GRAMMAR, "quote_grammar.txt", Format::WORDS.sections());
data!(PAGE_WORDS, "page_words.txt", Format::WORDS.sections());
data!(VERB_KINDS, "verb_kinds.tsv", Format::columns(2, 2));
data!(
    IRREGULAR_FORMS,
    "irregular_forms.tsv",
    Format::columns(2, 2)
);
data!(FACT_GRAMMAR, "fact_grammar.txt", Format::WORDS.sections());
data!(CHECK_GRAMMAR, "check_grammar.txt", Format::WORDS.sections());

/// A grammar word set: the words under one `## section` of a sectioned data file, as a
/// `static` read on first use. The stages test membership (`SET.contains(&w)`), so a
/// list moves from code to `data/` without its call sites changing:
/// `word_set!(/// doc\n MODALS, crate::lexicon::TIME_GRAMMAR, "modals");`.
macro_rules! word_set {
    ($(#[$meta:meta])* $vis:vis $name:ident, $source:expr, $section:literal) => {
        $(#[$meta])*
        $vis static $name: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
            std::sync::LazyLock::new(|| $source.word_set(Some($section)));
    };
}
pub(crate) use word_set;

/// Every text data file, for the data test (which also checks that none in `data/` is
/// missing here). `ner.bin` is the tagger's binary table, read by [`crate::ner`].
pub const ALL: &[Source] = &[
    GIVEN_NAMES,
    HONORIFICS,
    TITLES,
    PLACES,
    ORG_WORDS,
    NOT_NAMES,
    RELATION_NOUNS,
    THING_CUES,
    REPORTING_VERBS,
    TIME_WORDS,
    NOT_TIME_WORDS,
    CITY_ZONES,
    LOCALE_ZONES,
    DURATION_HEADS,
    QUANTITY_HEADS,
    TIMEFRAME_WORDS,
    COUNTRY_NAMES,
    OFFICE_HOLDERS,
    ROLE_POSTS,
    VENUE_HEADS,
    EVENT_PHRASES,
    PROCEEDING_STAGES,
    EVENT_SYNONYMS,
    ELAPSED_WORDS,
    IRREGULAR_PAST,
    NAME_PARTICLES,
    KIN_WORDS,
    NAMED_AFTER,
    POST_CHANGE_WORDS,
    SOURCE_NOUNS,
    TENSE_CUES,
    TIME_GRAMMAR,
    ABBREVIATIONS,
    PEOPLE_GRAMMAR,
    QUOTE_GRAMMAR,
    PAGE_WORDS,
    FACT_GRAMMAR,
    CHECK_GRAMMAR,
    VERB_KINDS,
    IRREGULAR_FORMS,
];

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIXED: Format =
        Format::WORDS.prefixes(&[("nat", Shape::Words), ("noun", Shape::Lines)]);

    fn src(text: &'static str, format: Format) -> Source {
        Source::new("t.txt", text, format)
    }

    /// (text, format, expected rows as (line, section, prefix, text)).
    type Case = (
        &'static str,
        Format,
        &'static [(
            usize,
            Option<&'static str>,
            Option<&'static str>,
            &'static str,
        )],
    );

    #[test]
    fn reads_rows_with_lines_sections_and_prefixes() {
        let cases: &[Case] = &[
            ("# c\n\n a b \n", Format::WORDS, &[(3, None, None, "a b")]),
            (
                "## male\nAdam\n## any\nAlex Sam\n",
                Format::WORDS.sections(),
                &[
                    (2, Some("male"), None, "Adam"),
                    (4, Some("any"), None, "Alex Sam"),
                ],
            ),
            (
                "nat: French German\nParis\nnoun: according to\n",
                PREFIXED,
                &[
                    (1, None, Some("nat"), "French German"),
                    (2, None, None, "Paris"),
                    (3, None, Some("noun"), "according to"),
                ],
            ),
            // A colon after digits or capitals is no prefix; none is needed after it.
            (
                "10:30\tx\nU.S.: y\n",
                Format::columns(1, 2),
                &[(1, None, None, "10:30\tx"), (2, None, None, "U.S.: y")],
            ),
            ("nat:Czech\n", PREFIXED, &[(1, None, Some("nat"), "Czech")]),
            (
                "a\tb\t\n",
                Format::columns(2, 3),
                &[(1, None, None, "a\tb")],
            ),
        ];
        for (text, format, want) in cases {
            let got: Vec<_> = src(text, *format)
                .ok_rows()
                .map(|r| (r.line, r.section, r.prefix, r.text))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn malformed_rows_are_errors_with_their_line() {
        let file = "t.txt";
        let cases: &[(&str, Format, DataError)] = &[
            (
                "a\n",
                Format::columns(2, 2),
                DataError::Columns {
                    file,
                    line: 1,
                    found: 1,
                    min: 2,
                    max: 2,
                },
            ),
            (
                "#\na\t\tc\n",
                Format::columns(3, 3),
                DataError::EmptyColumn {
                    file,
                    line: 2,
                    column: 2,
                },
            ),
            (
                "a \tb\n",
                Format::columns(2, 2),
                DataError::Spaces {
                    file,
                    line: 1,
                    column: 1,
                },
            ),
            (
                "nta: French\n",
                PREFIXED,
                DataError::UnknownPrefix {
                    file,
                    line: 1,
                    prefix: "nta".into(),
                },
            ),
            ("nat:\n", PREFIXED, DataError::EmptyRow { file, line: 1 }),
            (
                "Adam\n## male\n",
                Format::WORDS.sections(),
                DataError::OutsideSection { file, line: 1 },
            ),
        ];
        for (text, format, want) in cases {
            let errs: Vec<_> = src(text, *format).rows().filter_map(Result::err).collect();
            assert_eq!(errs, vec![want.clone()], "{text:?}");
            assert!(want.to_string().starts_with("data/t.txt"), "{want}");
        }
    }

    #[test]
    fn parses_order_lines() {
        let cases: &[(&str, Option<Order>)] = &[
            (
                "sorted",
                Some(Order::Sorted {
                    case_folded: false,
                    columns: vec![],
                }),
            ),
            (
                " sorted, case-folded by column 1",
                Some(Order::Sorted {
                    case_folded: true,
                    columns: vec![1],
                }),
            ),
            (
                "sorted by columns 2, 1",
                Some(Order::Sorted {
                    case_folded: false,
                    columns: vec![2, 1],
                }),
            ),
            ("sorted, upside down", None),
            (
                "sorted, case-folded (one run per section)",
                Some(Order::Sorted {
                    case_folded: true,
                    columns: vec![],
                }),
            ),
            ("sorted by column 0", None),
            (
                "chronological",
                Some(Order::Meaningful("chronological".into())),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&Order::parse(text), want, "{text:?}");
        }
    }

    /// (file text, format, what the check reports, as display strings).
    #[test]
    fn checks_declared_order_and_duplicates() {
        let cases: &[(&str, Format, &[&str])] = &[
            ("# order: sorted\nb a\n", Format::WORDS, &["data/t.txt:2: \"a\" is out of order (it comes after \"b\")"]),
            ("# order: sorted\na b\nc\n", Format::WORDS, &[]),
            // Case-sensitive: "Plc" < "plc"; case-folded they are one entry.
            ("# order: sorted\nPlc plc\n", Format::WORDS, &[]),
            (
                "# order: sorted, case-folded\nPlc plc\n",
                Format::WORDS,
                &["data/t.txt:2: \"plc\" is listed twice (first on line 2)"],
            ),
            // Each section and prefix group is its own run.
            ("# order: sorted\n## a\nx y\n## b\nb x\n", Format::WORDS.sections(), &[]),
            ("# order: sorted\nnat: b\na c\nnat: c\n", PREFIXED, &[]),
            // A table sorted by a key column: equal keys are duplicates.
            (
                "# order: sorted by column 1\nb\t1\na\t2\nb\t3\n",
                Format::columns(2, 2),
                &[
                    "data/t.txt:3: \"a\t2\" is out of order (it comes after \"b\t1\")",
                    "data/t.txt:4: \"b\t3\" is listed twice (first on line 2)",
                ],
            ),
            // A meaningful order is kept; only identical rows are reported.
            (
                "# order: first match wins\nb\na\nb\n",
                Format::LINES,
                &["data/t.txt:4: \"b\" is listed twice (first on line 2)"],
            ),
            ("a\n", Format::WORDS, &["data/t.txt: no \"# order:\" line (\"sorted\", \"sorted, case-folded\", or what the order means)"]),
        ];
        for (text, format, want) in cases {
            let got: Vec<String> = src(text, *format)
                .check()
                .iter()
                .map(|e| e.to_string())
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn registered_files_have_distinct_names() {
        let mut names: Vec<&str> = ALL.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }
}
