//! The analysis result: plain data produced by the pipeline stages.
//!
//! All spans are byte spans into the analysed text (see [`crate::span`]). The JSON
//! contract (`docs/json.md`) is produced from these types by [`crate::report`].

use crate::span::Span;
use chrono::NaiveDate;

/// The publication date and where it was found ("cli", "json-ld datePublished",
/// "meta article:published_time", "byline", "url", …).
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub date: NaiveDate,
    pub source: String,
    /// A later "updated"/"modified" date when the page states one.
    pub modified: Option<NaiveDate>,
    /// How far the source is trusted, 0–1 (1 for a date the caller gave).
    pub confidence: f32,
    /// How the local date was decided from a timestamp ("the timestamp's own offset
    /// (UTC−04:00)", "UTC time moved to the dateline city PARIS (Europe/Paris)"); None
    /// for a plain date.
    pub local: Option<String>,
}

impl Published {
    /// A date the caller states: fully trusted, no local-time reading.
    pub fn given(date: NaiveDate, source: &str) -> Published {
        Published {
            date,
            source: source.to_string(),
            modified: None,
            confidence: 1.0,
            local: None,
        }
    }

    /// The source in a reader's words ("the dateline opening the story").
    pub fn source_label(&self) -> String {
        crate::article::published::source_label(&self.source)
    }
}

/// How a mention names its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// The full name as first given ("Keir Starmer", "Sir Keir Starmer").
    Name,
    /// A shorter alias: surname, given name, title + surname ("Starmer", "Sir Keir").
    Alias,
    /// A pronoun resolved to this person ("he").
    Pronoun,
    /// A description resolved to this person ("the Ukrainian leader").
    Description,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

/// A role as the article states it ("Ukrainian President"), with the span it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub text: String,
    pub span: Span,
}

/// One person the article names. `mentions` are in text order; the first is the first mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Canonical full name, without honorifics ("Keir Starmer").
    pub name: String,
    /// Honorifics seen with the name ("Sir", "Dr").
    pub honorifics: Vec<String>,
    pub roles: Vec<Role>,
    pub mentions: Vec<Mention>,
}

/// What a named thing that is not a person is. The people stage decides this; later
/// stages (the speaker stage, the fact stage, the checks) read it instead of guessing
/// from the raw text again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Organisation,
    Product,
    Work,
    Place,
    Event,
    /// Capitalised and not a person, but of no clearer kind.
    Other,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Organisation => "organisation",
            EntityKind::Product => "product",
            EntityKind::Work => "work",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
}

/// A named thing that is not a person ("Prairie Ridge Credit Union", "Vision Pro"):
/// kept so that the speaker stage and the checks can use it, never shown as a person.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The name as first given.
    pub name: String,
    pub kind: EntityKind,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A quotation or an attribution of speech.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words (inside the marks for direct quotes; the reported clause for indirect ones).
    pub span: Span,
    /// Index into `Analysis::people` when the speaker is a person.
    pub speaker: Option<usize>,
    /// The speaker as the text names it where it is attributed ("he", "the Kremlin", "Sir Keir").
    pub speaker_text: Option<String>,
    pub speaker_span: Option<Span>,
    /// The cue ("said", "told", "according to").
    pub cue_span: Option<Span>,
    /// True for words in quotation marks (or set as a block quotation), false for indirect speech.
    pub direct: bool,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimeType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A time expression with its TIMEX3 normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub span: Span,
    pub kind: TimeType,
    /// TIMEX3 value (`2025-05-11`, `XXXX-WXX-7`, `P3Y`, `PRESENT_REF`…); None when unknown.
    pub value: Option<String>,
    /// TIMEX3 `mod` (START, END, APPROX, MORE_THAN…).
    pub modifier: Option<String>,
    /// A human reading of the value ("Sunday 11 May 2025, evening").
    pub label: Option<String>,
    /// How the value was obtained ("stated", or "resolved from the publication date 2025-05-12, past tense").
    pub basis: Option<String>,
}

/// A passage where the article contradicts itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    /// Stable kind id ("duration-conflict", "office-holder", …).
    pub kind: String,
    /// One sentence a reader understands.
    pub message: String,
    /// Why the passages were compared ("both describe the war's duration").
    pub reason: String,
    /// 0..=1.
    pub confidence: f32,
    /// Every passage involved, in text order.
    pub evidence: Vec<Span>,
    /// The outside fact the flag rests on, when it rests on one.
    pub fact: Option<String>,
    /// Each link between passages the check assumed, in a reader's words ("‘the
    /// 52-year-old’ read as Marta Ruiz, the person described just before"), so the card
    /// can say it. Empty when the passages name their subject outright.
    pub links: Vec<String>,
}

/// Everything the engine found in one text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub published: Option<Published>,
    pub people: Vec<Person>,
    /// Named things that are not people (organisations, products, works, places).
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub times: Vec<TimeExpr>,
    pub flags: Vec<Flag>,
    /// The dated expressions in date order (see [`crate::time::timeline`]).
    pub timeline: Vec<crate::time::timeline::Event>,
    /// Set when the input was cut to the engine's limit: how many bytes were analysed.
    pub truncated_at: Option<usize>,
    /// Set when the time budget ran out: the stages from `stopped_before` on were skipped.
    pub incomplete: Option<Incomplete>,
    /// Milliseconds each stage took, read off the budget's clock; only when the caller gave a
    /// budget (the wasm worker does, the CLI does not, so its output stays deterministic).
    pub stage_ms: Option<StageTimes>,
}

/// Wall time per pipeline stage in milliseconds (a stage skipped by the budget counts 0).
/// `text` is the tokenisation every stage shares.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    pub text: f64,
    pub people: f64,
    pub quotes: f64,
    pub time: f64,
    pub checks: f64,
    pub timeline: f64,
}

/// An analysis that stopped at its time budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Incomplete {
    /// The first stage not run ("quotes", "time", "checks", "timeline"); later ones were
    /// skipped too.
    pub stopped_before: &'static str,
    /// Milliseconds spent when it stopped.
    pub elapsed_ms: f64,
    /// The budget it had.
    pub budget_ms: f64,
}
