//! Lede's analysis core: who speaks, when things happen, and where an article
//! contradicts itself. Pure Rust, no browser dependency.
//!
//! Pipeline (each stage a function of the earlier ones, no global state):
//!
//! ```text
//! text ──► text::Document (paragraphs, sentences, tokens)
//!      ──► people::find      (names, honorifics, roles, aliases)
//!      ──► quotes::find      (quotation marks, cues, speakers; the pronoun mentions it resolves join the people)
//!      ──► time::find        (time expressions, TIMEX3 values, resolved against the publication date)
//!      ──► facts::find       (typed claims: where events happened)
//!      ──► checks::run       (inconsistency flags with evidence)
//!      ──► report            (the JSON contract; offsets converted once)
//! ```
//!
//! HTML pages first go through [`article`], which picks the article body from a
//! list of blocks (built by the CLI's HTML parser or by the extension's DOM walk)
//! and finds the publication date in the page's metadata.
//!
//! ```
//! let options = lede::Options::with_published("2031-03-10", "given").unwrap();
//! let a = lede::analyze("“We will win,” Ana Ortiz said on Monday.", &options).unwrap();
//! for person in &a.people {
//!     println!("{} ({} mentions)", person.name, person.mentions.len());
//! }
//! ```

pub mod article;
pub mod budget;
pub mod checks;
pub mod error;
pub mod facts;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod people;
pub mod quotes;
pub mod report;
pub mod span;
pub mod text;
pub mod time;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
pub use model::*;
pub use span::Span;

use chrono::NaiveDate;

/// The most text analysed in one call (bytes). Longer input is cut at a paragraph
/// boundary before this limit and the cut is reported in [`Analysis::truncated_at`],
/// so a 200,000-word page still gets an answer in bounded time.
pub const MAX_TEXT_BYTES: usize = 2_000_000;

/// What the caller knows besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The article's publication date, when known, and where it came from.
    pub published: Option<Published>,
    /// A time limit: past it, the remaining stages are skipped and
    /// [`Analysis::incomplete`] says which. `None`: no limit.
    pub budget: Option<budget::Budget>,
    /// Spans of the text that are about the article rather than its story (a page's
    /// byline, photo credits, author bio: [`article::Extracted::asides`]); names there are
    /// never people.
    pub asides: Vec<Span>,
    /// The prose paragraphs of each block quotation in the text (a page's `<blockquote>`s:
    /// [`article::Extracted::block_quotes`]): quotations without marks, spoken by whoever
    /// the paragraph before them quotes.
    pub block_quotes: Vec<Vec<Span>>,
}

impl Options {
    /// Options with a publication date given as `YYYY-MM-DD` (or a longer ISO timestamp).
    pub fn with_published(date: &str, source: &str) -> Result<Options, Error> {
        let date = parse_date(date)?;
        Ok(Options {
            published: Some(Published::given(date, source)),
            budget: None,
            asides: Vec::new(),
            block_quotes: Vec::new(),
        })
    }
}

impl Options {
    /// The same options with a time budget of `limit_ms` milliseconds from now.
    pub fn with_budget(mut self, limit_ms: f64, clock: budget::Clock) -> Options {
        self.budget = Some(budget::Budget::new(limit_ms, clock));
        self
    }

    /// Options for a publication date the caller gave (`YYYY-MM-DD`), or else `fallback`
    /// (for a page: the date article finding read from its metadata). One rule for the
    /// CLI, the batch mode and the wasm binding: a given date always wins.
    pub fn given_or(
        published: Option<&str>,
        fallback: Option<Published>,
    ) -> Result<Options, Error> {
        match published {
            Some(d) => Options::with_published(d, "given"),
            None => Ok(Options {
                published: fallback,
                budget: None,
                asides: Vec::new(),
                block_quotes: Vec::new(),
            }),
        }
    }
}

/// Parses `YYYY-MM-DD`, also at the start of a timestamp (`2025-05-12T10:00:00Z`).
pub fn parse_date(s: &str) -> Result<NaiveDate, Error> {
    let head = s.trim().get(..10).unwrap_or(s.trim());
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .map_err(|_| Error::InvalidPublishedDate(s.to_string()))
}

/// Analyses one article text.
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    analyze_observed(text, options, &mut |_| {})
}

/// [`analyze`], handing the checks' input to `before_checks` just before the checks run.
/// For profiling tools (`examples/stage_times.rs`, `src/bin/linear_time.rs`), which time
/// each check alone on exactly the input the real analysis gives them; the time spent in
/// the hook is left out of [`Analysis::stage_ms`].
pub fn analyze_observed(
    text: &str,
    options: &Options,
    before_checks: &mut dyn FnMut(&checks::Context),
) -> Result<Analysis, Error> {
    let (text, truncated_at) = cap_length(text);
    let budget = options.budget;
    // Past the budget, the stages after the one running are skipped (in order).
    let over = |stage: &'static str| -> Option<Incomplete> {
        budget.filter(|b| b.spent()).map(|b| Incomplete {
            stopped_before: stage,
            elapsed_ms: b.elapsed_ms(),
            budget_ms: b.limit_ms(),
        })
    };
    // Each stage's time, as the difference between two readings of the budget's clock.
    let mut lap = budget.map(|b| (b, b.elapsed_ms()));
    let mut stage_ms = StageTimes::default();
    let mut took = |slot: &mut f64| {
        if let Some((b, last)) = lap.as_mut() {
            let now = b.elapsed_ms();
            *slot = now - *last;
            *last = now;
        }
    };
    let doc = text::Document::new(text);
    took(&mut stage_ms.text);
    // People, and the named things the people stage decided are not people.
    let (mut people, entities) = people::find_all(&doc, &options.asides);
    took(&mut stage_ms.people);
    let mut incomplete = over("quotes");
    let quotes = if incomplete.is_none() {
        let found = quotes::find_in(&doc, &people, &entities, &options.block_quotes);
        quotes::add_mentions(&mut people, found.mentions);
        found.quotes
    } else {
        Vec::new()
    };
    took(&mut stage_ms.quotes);
    // Without a date from the caller, the text's own opening date line or dateline
    // anchors it ("September 01, 2007" under a pasted headline).
    let published = options
        .published
        .clone()
        .or_else(|| article::published::from_text_opening(text));
    incomplete = incomplete.or_else(|| over("time"));
    let times = if incomplete.is_none() {
        time::find(&doc, published.as_ref().map(|p| p.date))
    } else {
        Vec::new()
    };
    took(&mut stage_ms.time);
    incomplete = incomplete.or_else(|| over("checks"));
    let flags = if incomplete.is_none() {
        // The fact stage: typed claims the checks compare (today, where events happened).
        let facts = facts::find(&facts::Input {
            doc: &doc,
            people: &people,
            entities: &entities,
            quotes: &quotes,
            times: &times,
        });
        let context = checks::Context {
            doc: &doc,
            people: &people,
            entities: &entities,
            quotes: &quotes,
            times: &times,
            published: published.as_ref().map(|p| p.date),
            facts: &facts,
        };
        let hook_from = budget.map(|b| b.elapsed_ms());
        before_checks(&context);
        let hook_ms = budget
            .zip(hook_from)
            .map_or(0.0, |(b, from)| b.elapsed_ms() - from);
        let flags = checks::run(&context);
        took(&mut stage_ms.checks);
        stage_ms.checks -= hook_ms;
        flags
    } else {
        took(&mut stage_ms.checks);
        Vec::new()
    };
    incomplete = incomplete.or_else(|| over("timeline"));
    let timeline = if incomplete.is_none() {
        time::timeline::build(&doc, &times)
    } else {
        Vec::new()
    };
    took(&mut stage_ms.timeline);
    Ok(Analysis {
        published,
        people,
        entities,
        quotes,
        times,
        flags,
        timeline,
        truncated_at,
        incomplete,
        stage_ms: budget.map(|_| stage_ms),
    })
}

/// A page's analysis: what article finding found (text, blocks, date, title, byline,
/// asides) and the analysis of that text.
#[derive(Debug, Clone)]
pub struct PageAnalysis {
    pub extracted: article::Extracted,
    pub analysis: Analysis,
}

/// The one page pipeline: article finding, then the verdict on whether the chosen text is
/// an article ([`article::verdict`]), then, for an article, the analysis of its text with the
/// page's own publication date (unless `published`, `YYYY-MM-DD`, overrides it) and with
/// bylines, credits and bios kept out of the people. A page that is not an article gets an
/// empty analysis (its date only). The CLI and the wasm binding only convert the result.
pub fn analyze_page(page: &article::Page, published: Option<&str>) -> Result<PageAnalysis, Error> {
    analyze_page_within(page, published, None)
}

/// [`analyze_page`] with a time budget for the analysis (see [`Options::budget`]).
pub fn analyze_page_within(
    page: &article::Page,
    published: Option<&str>,
    budget: Option<budget::Budget>,
) -> Result<PageAnalysis, Error> {
    let extracted = article::extract(page);
    let mut options = Options::given_or(published, extracted.published.clone())?;
    options.asides = extracted.asides.clone();
    options.block_quotes = extracted.block_quotes.clone();
    options.budget = budget;
    let analysis = if extracted.verdict.article {
        analyze(&extracted.text, &options)?
    } else {
        Analysis {
            published: options.published,
            ..Analysis::default()
        }
    };
    Ok(PageAnalysis {
        extracted,
        analysis,
    })
}

/// Cuts text longer than [`MAX_TEXT_BYTES`] at the last line break before the limit.
fn cap_length(text: &str) -> (&str, Option<usize>) {
    if text.len() <= MAX_TEXT_BYTES {
        return (text, None);
    }
    let mut cut = MAX_TEXT_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(nl) = text[..cut].rfind('\n') {
        if nl > MAX_TEXT_BYTES / 2 {
            cut = nl;
        }
    }
    (&text[..cut], Some(cut))
}
