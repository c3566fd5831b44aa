//! Re-anchors "today"/"tomorrow"/"yesterday" said inside a quotation to the day the
//! quoted statement was made, when the text dates the statement.
//!
//! Stage: after [`super::resolve`] in [`super::find`]. Input: the text, the
//! expressions with their resolutions. Output: the same resolutions, with quoted
//! relative days counted from the statement's date. A statement is dated when a
//! speech word ("said", "posted", "statement", "address"…) stands within a few words
//! of a resolved day on or before the publication date. The quote's own sentence
//! wins; else the most recent dated statement in the text (an undated quote in a
//! news report is most likely from the latest statement it reports).
//!
//! Example (published Monday 2025-05-12): "In a statement posted late Sunday, she
//! said …" then "“A truce from tomorrow,” she said." → tomorrow = 2025-05-12.
//!
//! Also: a bare clock time takes the day its own sentence names ("flew Tuesday at
//! 18:00 UTC" → Tuesday's date, not the publication date).

use super::point::Point;
use super::resolve::{Basis, Resolved};
use super::sem::Sem;
use crate::span::Span;
use crate::text::Document;
use chrono::{Duration, NaiveDate};

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "wrote",
    "posted",
    "stated",
    "announced",
    "added",
    "tweeted",
    "statement",
    "address",
    "speech",
    "interview",
    "declared",
    "remarks",
    "insisted",
    "warned",
];

/// Spans inside quotation marks (“…”, "…", ``…''), per paragraph.
pub fn quote_spans(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let text = doc.slice(*p);
        let mut open: Option<usize> = None;
        let mut straight: Option<usize> = None;
        let mut prev = '\0';
        for (i, c) in text.char_indices() {
            let at = p.start + i;
            match c {
                '“' | '«' => open = Some(at),
                '”' | '»' => {
                    if let Some(s) = open.take() {
                        out.push(Span::new(s, at));
                    }
                }
                '"' => match straight.take() {
                    Some(s) => out.push(Span::new(s, at)),
                    None => straight = Some(at),
                },
                '`' if prev == '`' => open = Some(at),
                '\'' if prev == '\'' => {
                    if let Some(s) = open.take() {
                        out.push(Span::new(s, at));
                    }
                }
                _ => {}
            }
            prev = c;
        }
    }
    out.sort();
    out
}

fn relative_day(sem: &Sem) -> Option<i64> {
    match sem {
        Sem::RelDay(off) => Some(*off),
        Sem::Time { day: Some(d), .. } => relative_day(d),
        _ => None,
    }
}

/// True when a speech word stands within a few words of `expr` in its sentence
/// ("said late Sunday", "a statement posted on X late Sunday", "an address on
/// Saturday"), so the time dates the statement rather than its content.
fn dates_a_statement(doc: &Document, sentence: Span, expr: Span) -> bool {
    let words: Vec<(usize, &str)> = doc
        .slice(sentence)
        .split(|c: char| !c.is_alphabetic())
        .scan(sentence.start, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let first = words.iter().position(|(s, _)| *s >= expr.start);
    let last = words.iter().rposition(|(s, _)| *s < expr.end);
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    words.iter().enumerate().any(|(k, (_, w))| {
        let near = (k < first && first - k <= 7) || (k > last && k - last <= 3);
        near && SPEECH.contains(&w.to_ascii_lowercase().as_str())
    })
}

/// One expression as [`super::find`] holds it.
pub struct Item {
    pub span: Span,
    pub sem: Sem,
    pub resolved: Resolved,
}

/// Re-anchors quoted relative days (see the module doc).
pub fn anchor_quoted(doc: &Document, dct: Option<NaiveDate>, items: &mut [Item]) {
    let Some(dct) = dct else { return };
    let quotes = quote_spans(doc);
    let inside = |s: Span| quotes.iter().any(|q| q.start < s.start && s.end <= q.end);
    // Dated statements: (sentence index, day).
    let mut statements: Vec<(usize, NaiveDate)> = Vec::new();
    for it in items.iter() {
        let Some(Point::Day(day)) = it.resolved.point else {
            continue;
        };
        if day > dct || inside(it.span) || !matches!(it.resolved.basis, Basis::Published(..)) {
            continue;
        }
        if let Some(si) = doc.sentence_at(it.span.start) {
            if dates_a_statement(doc, doc.sentences[si], it.span) {
                statements.push((si, day));
            }
        }
    }
    let latest = statements.iter().map(|(_, d)| *d).max();
    for it in items.iter_mut() {
        let Some(off) = relative_day(&it.sem) else {
            continue;
        };
        if !inside(it.span) {
            continue;
        }
        let si = doc.sentence_at(it.span.start);
        let own = statements
            .iter()
            .find(|(s, _)| Some(*s) == si)
            .map(|(_, d)| *d);
        let Some(said_on) = own.or(latest) else {
            continue;
        };
        let Some(day) = said_on.checked_add_signed(Duration::days(off)) else {
            continue;
        };
        let r = &mut it.resolved;
        r.point = Some(Point::Day(day));
        r.value = match &r.time_of_day {
            Some(tod) => format!("{}T{tod}", day.format("%Y-%m-%d")),
            None => day.format("%Y-%m-%d").to_string(),
        };
        r.basis = Basis::Statement(said_on);
    }
}

/// Gives a bare clock time the day its own sentence names, the nearest one ("made
/// its first flight Tuesday … at 18:00 UTC", "at 10:35 a.m. (0735 GMT) Friday"),
/// instead of the publication date.
pub fn anchor_clock_times(doc: &Document, items: &mut [Item]) {
    let days: Vec<(usize, Span, NaiveDate)> = items
        .iter()
        .filter_map(|it| {
            let Some(Point::Day(day)) = it.resolved.point else {
                return None;
            };
            if !matches!(
                it.sem,
                Sem::Weekday { .. }
                    | Sem::Date { .. }
                    | Sem::WeekdayDate { .. }
                    | Sem::SlashDate { .. }
                    | Sem::RelDay(_)
            ) {
                return None;
            }
            Some((doc.sentence_at(it.span.start)?, it.span, day))
        })
        .collect();
    for it in items.iter_mut() {
        if !matches!(
            it.sem,
            Sem::Time {
                day: None,
                hour: Some(_),
                ..
            }
        ) || !matches!(it.resolved.basis, Basis::Published(..))
        {
            continue;
        }
        let Some(si) = doc.sentence_at(it.span.start) else {
            continue;
        };
        let gap = |s: Span| {
            if s.start >= it.span.end {
                s.start - it.span.end
            } else {
                it.span.start.saturating_sub(s.end)
            }
        };
        let Some(&(_, _, day)) = days
            .iter()
            .filter(|(s, _, _)| *s == si)
            .min_by_key(|(_, s, _)| gap(*s))
        else {
            continue;
        };
        let r = &mut it.resolved;
        let Some(t) = r.value.find('T') else {
            continue;
        };
        r.value = format!("{}{}", day.format("%Y-%m-%d"), &r.value[t..]);
        r.point = Some(Point::Day(day));
        r.basis = Basis::SameSentence(day);
    }
}

#[cfg(test)]
mod tests {
    use crate::text::Document;
    use chrono::NaiveDate;

    #[test]
    fn clock_times_take_their_sentences_day() {
        let text = "The glider flew Tuesday at 18:00 UTC. The hall opens at 9 a.m.";
        let doc = Document::new(text);
        let found = crate::time::find(&doc, NaiveDate::from_ymd_opt(2025, 5, 14));
        let values: Vec<&str> = found.iter().filter_map(|t| t.value.as_deref()).collect();
        assert_eq!(
            values,
            ["2025-05-13", "2025-05-13T18:00Z", "2025-05-14T09:00"]
        );
        assert_eq!(
            found[1].basis.as_deref(),
            Some("on the day its sentence names, Tuesday 13 May 2025")
        );
    }
}
