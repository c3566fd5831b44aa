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

crate::lexicon::word_set!(SPEECH, crate::lexicon::TIME_GRAMMAR, "speech");

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
    // Only a window around the expression is split into words: splitting the whole
    // sentence for every expression was quadratic on a sentence of thousands of dates.
    let s = doc.slice(sentence);
    let mut a = expr.start.saturating_sub(sentence.start).min(s.len());
    let mut b = expr.end.saturating_sub(sentence.start).min(s.len()).max(a);
    let mut lo = a.saturating_sub(WINDOW_BYTES);
    let mut hi = b.saturating_add(WINDOW_BYTES).min(s.len());
    while !s.is_char_boundary(lo) {
        lo -= 1;
    }
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    while !s.is_char_boundary(b) {
        b += 1;
    }
    while !s.is_char_boundary(hi) {
        hi += 1;
    }
    let (Some(before), Some(after)) = (s.get(lo..a), s.get(b..hi)) else {
        return false;
    };
    let speech = |w: &str| SPEECH.contains(&w.to_ascii_lowercase().as_str());
    // Seven words before the expression, three after.
    before
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(7)
        .any(speech)
        || after
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(speech)
}

/// How far (bytes) around an expression [`dates_a_statement`] looks for a speech word:
/// seven words of any plausible length.
const WINDOW_BYTES: usize = 160;

/// One expression as [`super::find`] holds it.
pub struct Item {
    pub span: Span,
    pub sem: Sem,
    pub resolved: Resolved,
}

/// Re-anchors quoted relative days (see the module doc).
pub fn anchor_quoted(doc: &Document, dct: Option<NaiveDate>, items: &mut [Item]) {
    let Some(dct) = dct else { return };
    // "Is this span inside some quote?" by binary search: quotes sorted by start, with the
    // furthest end among each prefix (one pass per expression over every quote was
    // quadratic on a text with thousands of both).
    let mut quotes = quote_spans(doc);
    quotes.sort_by_key(|q| q.start);
    let reach: Vec<usize> = quotes
        .iter()
        .scan(0, |m, q| {
            *m = (*m).max(q.end);
            Some(*m)
        })
        .collect();
    let inside = |s: Span| {
        let n = quotes.partition_point(|q| q.start < s.start);
        n > 0 && reach[n - 1] >= s.end
    };
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
    // The first dated statement of each sentence.
    let mut statement_on = std::collections::HashMap::new();
    for (si, d) in &statements {
        statement_on.entry(*si).or_insert(*d);
    }
    for it in items.iter_mut() {
        let Some(off) = relative_day(&it.sem) else {
            continue;
        };
        if !inside(it.span) {
            continue;
        }
        let own = doc
            .sentence_at(it.span.start)
            .and_then(|si| statement_on.get(&si).copied());
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
    let mut days: Vec<(usize, Span, NaiveDate)> = items
        .iter()
        .filter_map(|it| {
            let Some(Point::Day(day)) = it.resolved.point else {
                return None;
            };
            let is_day = |s: &Sem| {
                matches!(
                    s,
                    Sem::Weekday { .. }
                        | Sem::Date { .. }
                        | Sem::WeekdayDate { .. }
                        | Sem::SlashDate { .. }
                        | Sem::RelDay(_)
                )
            };
            // A clock time on a named day lends its day too: "between 8 AM and 9 PM
            // Wednesday".
            let day_of_time = matches!(&it.sem, Sem::Time { day: Some(d), .. } if is_day(d));
            if !is_day(&it.sem) && !day_of_time {
                return None;
            }
            Some((doc.sentence_at(it.span.start)?, it.span, day))
        })
        .collect();
    days.sort_by_key(|(s, span, _)| (*s, span.start));
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
        // The sentence's days, by position: the nearest is the last one before the time
        // or the first one after it (a scan of every day per time was quadratic on a
        // sentence of thousands of "Tuesday at 18:00").
        let lo = days.partition_point(|(s, _, _)| *s < si);
        let hi = days.partition_point(|(s, _, _)| *s <= si);
        let here = &days[lo..hi];
        let j = here.partition_point(|(_, s, _)| s.start < it.span.start);
        let Some(&(_, _, day)) = [j.checked_sub(1), Some(j)]
            .into_iter()
            .flatten()
            .filter_map(|k| here.get(k))
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
    use super::*;
    use chrono::NaiveDate;

    fn statement(text: &str, expr: &str) -> bool {
        let doc = Document::new(text);
        let at = text.find(expr).unwrap();
        let e = Span::new(at, at + expr.len());
        let si = doc.sentence_at(at).unwrap();
        dates_a_statement(&doc, doc.sentences[si], e)
    }

    #[test]
    fn a_speech_word_near_the_time_dates_a_statement() {
        assert!(statement(
            "She said late Sunday that it was over.",
            "late Sunday"
        ));
        assert!(statement(
            "In an address on Saturday, he spoke of peace.",
            "on Saturday"
        ));
        assert!(statement("The crews met on Monday, she said.", "on Monday"));
        assert!(!statement(
            "The ferry sails on Monday and the union met.",
            "on Monday"
        ));
        // Eight words between the speech word and the time: too far.
        assert!(!statement(
            "She said the crews of the old ferry would finally sail on Monday.",
            "on Monday"
        ));
    }

    #[test]
    fn a_range_shares_its_day() {
        let text = "It was taken between 8 AM and 9 PM Wednesday.";
        let doc = Document::new(text);
        let found = crate::time::find(&doc, NaiveDate::from_ymd_opt(2015, 2, 26));
        let values: Vec<&str> = found.iter().filter_map(|t| t.value.as_deref()).collect();
        assert_eq!(values, ["2015-02-25T08:00", "2015-02-25T21:00"]);
    }

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
