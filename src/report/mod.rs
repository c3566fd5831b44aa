//! The JSON contract (`docs/json.md`): the one shape the CLI, the batch mode, the
//! wasm binding and the evaluation harness all read.
//!
//! The core works in byte offsets; this module converts them, once, to the unit the
//! consumer indexes strings with: Unicode code points (the CLI, Python, the
//! evaluation data) or UTF-16 code units (JavaScript).

mod offsets;

pub use offsets::{OffsetMap, Unit};

use crate::model::{Analysis, MentionKind};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Report {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Only for HTML input: the article text the offsets index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Only for HTML input: the author as the page's byline names them (never a person
    /// of the story).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Only for HTML input judged not to be an article: why ("mostly links"); the
    /// analysis is then empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_article: Option<String>,
    pub published: Option<PublishedOut>,
    pub people: Vec<PersonOut>,
    /// Named things that are not people (organisations, places, products, works).
    pub entities: Vec<EntityOut>,
    pub quotes: Vec<QuoteOut>,
    pub times: Vec<TimeOut>,
    pub flags: Vec<FlagOut>,
    /// The dated expressions in date order.
    pub timeline: Vec<EventOut>,
    /// Present when the input was cut: the offset up to which it was analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated_at: Option<usize>,
    /// Present when the time budget ran out before every stage ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<IncompleteOut>,
    /// Present when the caller's clock timed the stages (the wasm worker): milliseconds each.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage_ms: Option<StageTimesOut>,
}

/// Milliseconds per stage, to 0.1 ms (see [`crate::model::StageTimes`]).
#[derive(Debug, Serialize)]
pub struct StageTimesOut {
    pub text: f64,
    pub people: f64,
    pub quotes: f64,
    pub time: f64,
    pub checks: f64,
    pub timeline: f64,
}

impl From<&crate::model::StageTimes> for StageTimesOut {
    fn from(t: &crate::model::StageTimes) -> Self {
        let r = |ms: f64| (ms * 10.0).round() / 10.0;
        StageTimesOut {
            text: r(t.text),
            people: r(t.people),
            quotes: r(t.quotes),
            time: r(t.time),
            checks: r(t.checks),
            timeline: r(t.timeline),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct IncompleteOut {
    /// The first stage not run: "quotes", "time", "checks" or "timeline" (later ones skipped too).
    pub stopped_before: &'static str,
    pub elapsed_ms: f64,
    pub budget_ms: f64,
}

#[derive(Debug, Serialize)]
pub struct PublishedOut {
    pub value: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The source in a reader's words, for the chip ("the dateline opening the story").
    pub source_label: String,
    /// How far the source is trusted, 0–1.
    pub confidence: f64,
    /// How the local date was read from a timestamp, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
}

type Pair = [usize; 2];

#[derive(Debug, Serialize)]
pub struct PersonOut {
    pub name: String,
    pub roles: Vec<String>,
    pub mentions: Vec<Pair>,
    /// Where each role was stated (parallel to `roles`).
    pub role_spans: Vec<Pair>,
    /// "name" | "alias" | "pronoun" | "description", parallel to `mentions`.
    pub mention_kinds: Vec<&'static str>,
    pub honorifics: Vec<String>,
    /// Each mention with its kind, one object each (what `mentions` and `mention_kinds`
    /// say as two arrays paired by index; those stay, the contract never drops a field).
    pub mention_items: Vec<MentionOut>,
    /// Each role with where it is stated (`roles` and `role_spans` as one object each).
    pub role_items: Vec<RoleOut>,
}

/// One mention of a person.
#[derive(Debug, Serialize)]
pub struct MentionOut {
    pub span: Pair,
    /// "name" | "alias" | "pronoun" | "description".
    pub kind: &'static str,
}

/// One role of a person, as the article states it.
#[derive(Debug, Serialize)]
pub struct RoleOut {
    pub text: String,
    pub span: Pair,
}

#[derive(Debug, Serialize)]
pub struct EntityOut {
    pub name: String,
    /// "organisation" | "product" | "work" | "place" | "event" | "other".
    pub kind: &'static str,
    pub mentions: Vec<Pair>,
}

#[derive(Debug, Serialize)]
pub struct QuoteOut {
    pub span: Pair,
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    pub speaker_span: Option<Pair>,
    pub cue_span: Option<Pair>,
    pub direct: bool,
}

#[derive(Debug, Serialize)]
pub struct TimeOut {
    pub span: Pair,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: Option<String>,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    pub label: Option<String>,
    pub basis: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FlagOut {
    pub kind: String,
    pub message: String,
    pub reason: String,
    pub confidence: f32,
    pub evidence: Vec<Pair>,
    pub fact: Option<String>,
    pub links: Vec<String>,
}

/// One entry of the timeline: which time expression, the days it covers, its sentence.
#[derive(Debug, Serialize)]
pub struct EventOut {
    /// Index into `times`.
    pub time: usize,
    /// First and last day covered (inclusive), `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub sentence: Pair,
    /// The stretch in a reader's words ("11 May 2025", "May 2025", "1990–1999").
    pub heading: String,
}

fn mention_kind(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::Alias => "alias",
        MentionKind::Pronoun => "pronoun",
        MentionKind::Description => "description",
    }
}

impl Report {
    /// Builds the report for `analysis` of `text`, with offsets in `unit`.
    pub fn new(analysis: &Analysis, text: &str, unit: Unit) -> Report {
        Report::with_offsets(analysis, &OffsetMap::new(text, unit))
    }

    /// Builds the report with an offset table the caller also uses for its own offsets.
    pub fn with_offsets(analysis: &Analysis, map: &OffsetMap) -> Report {
        let sp = |s: &crate::Span| -> Pair { [map.get(s.start), map.get(s.end)] };
        Report {
            id: None,
            text: None,
            byline: None,
            not_article: None,
            published: analysis.published.as_ref().map(|p| PublishedOut {
                value: p.date.format("%Y-%m-%d").to_string(),
                source: p.source.clone(),
                modified: p.modified.map(|d| d.format("%Y-%m-%d").to_string()),
                source_label: p.source_label(),
                confidence: (f64::from(p.confidence) * 100.0).round() / 100.0,
                local: p.local.clone(),
            }),
            people: analysis
                .people
                .iter()
                .map(|p| PersonOut {
                    name: p.name.clone(),
                    roles: p.roles.iter().map(|r| r.text.clone()).collect(),
                    role_spans: p.roles.iter().map(|r| sp(&r.span)).collect(),
                    mentions: p.mentions.iter().map(|m| sp(&m.span)).collect(),
                    mention_kinds: p.mentions.iter().map(|m| mention_kind(m.kind)).collect(),
                    honorifics: p.honorifics.clone(),
                    mention_items: p
                        .mentions
                        .iter()
                        .map(|m| MentionOut {
                            span: sp(&m.span),
                            kind: mention_kind(m.kind),
                        })
                        .collect(),
                    role_items: p
                        .roles
                        .iter()
                        .map(|r| RoleOut {
                            text: r.text.clone(),
                            span: sp(&r.span),
                        })
                        .collect(),
                })
                .collect(),
            entities: analysis
                .entities
                .iter()
                .map(|e| EntityOut {
                    name: e.name.clone(),
                    kind: e.kind.as_str(),
                    mentions: e.mentions.iter().map(sp).collect(),
                })
                .collect(),
            quotes: analysis
                .quotes
                .iter()
                .map(|q| QuoteOut {
                    span: sp(&q.span),
                    speaker: q.speaker,
                    speaker_text: q.speaker_text.clone(),
                    speaker_span: q.speaker_span.as_ref().map(sp),
                    cue_span: q.cue_span.as_ref().map(sp),
                    direct: q.direct,
                })
                .collect(),
            times: analysis
                .times
                .iter()
                .map(|t| TimeOut {
                    span: sp(&t.span),
                    kind: t.kind.as_str(),
                    value: t.value.clone(),
                    modifier: t.modifier.clone(),
                    label: t.label.clone(),
                    basis: t.basis.clone(),
                })
                .collect(),
            flags: analysis
                .flags
                .iter()
                .map(|f| FlagOut {
                    kind: f.kind.clone(),
                    message: f.message.clone(),
                    reason: f.reason.clone(),
                    confidence: f.confidence,
                    evidence: f.evidence.iter().map(sp).collect(),
                    fact: f.fact.clone(),
                    links: f.links.clone(),
                })
                .collect(),
            timeline: analysis
                .timeline
                .iter()
                .map(|e| EventOut {
                    time: e.time,
                    from: e.from.format("%Y-%m-%d").to_string(),
                    to: e.to.format("%Y-%m-%d").to_string(),
                    sentence: sp(&e.sentence),
                    heading: e.heading.clone(),
                })
                .collect(),
            truncated_at: analysis.truncated_at.map(|b| map.get(b)),
            incomplete: analysis.incomplete.as_ref().map(|i| IncompleteOut {
                stopped_before: i.stopped_before,
                elapsed_ms: (i.elapsed_ms * 10.0).round() / 10.0,
                budget_ms: i.budget_ms,
            }),
            stage_ms: analysis.stage_ms.as_ref().map(StageTimesOut::from),
        }
    }
}
