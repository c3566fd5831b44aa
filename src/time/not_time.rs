//! Phrases the grammar reads as times that are not: context decides.
//!
//! Stage: between [`super::detect`] and [`super::resolve`]. Input: the [`Tokens`] and
//! the [`Found`] expressions. Output: the expressions to keep. Each rule family looks
//! only at the expression's own tokens and its neighbours, so the pass is linear.
//! Word lists are in `data/not_time_words.tsv` (general English categories); every
//! family has its firing and non-firing cases in [`tests`].
//!
//! | family | fires on | does not fire on |
//! |---|---|---|
//! | counter | "Current Time 0:00", "Remaining Time -0:00" (player readouts) | "at 00:00", "0:30 a.m." |
//! | compound | "now-famous", "1960s-style", "Ash Wednesday-like" | "30-day", "2015-16", "2005-era" (the era is the year's) |
//! | title | "The World of Tomorrow", "30 Years at the Movies" (a time word capitalised mid-sentence) | "Tomorrow, the vote", "in May", "on Monday" |
//! | name | "Sunday Review", "Morning Edition", "World Drug Report 2014", "Russell 2000 Index" | "Sunday night", "in 2014", "Developers Conference 2010" |
//! | age | "55 years" in "difference in age is 55 years", "11 months of age" | "for 55 years", "a 27-year veteran" |
//! | temperature | "highs in the 60s", "the 60s degrees" | "in the 60s", "the 1960s", "a high in 1983" |
//! | money | "$2014", "£1990" | "in 2014" |
//! | idiom | "a thing of the past", "every now and then", "a day of judgment" | "in the past", "now", "that day" |

use super::lexicon::lexicon;
use super::scan::{Kind, Tokens};
use super::sem::{Found, Sem};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
use std::sync::LazyLock;

struct Words {
    idioms: AhoCorasick,
    name_heads: HashSet<&'static str>,
    suffixes: HashSet<&'static str>,
    ages: HashSet<&'static str>,
    temps: HashSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut idioms = Vec::new();
    let mut sets: [HashSet<&'static str>; 4] = Default::default();
    for row in crate::lexicon::NOT_TIME_WORDS.ok_rows() {
        let w = row.col(0);
        match row.col(1) {
            "idiom" => idioms.push(w),
            "name_head" => drop(sets[0].insert(w)),
            "suffix" => drop(sets[1].insert(w)),
            "age" => drop(sets[2].insert(w)),
            "temp" => drop(sets[3].insert(w)),
            _ => {}
        }
    }
    let [name_heads, suffixes, ages, temps] = sets;
    Words {
        idioms: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(idioms)
            .expect("idiom automaton"),
        name_heads,
        suffixes,
        ages,
        temps,
    }
});

/// Keeps the expressions that are times. `found` is in text order.
pub fn filter(t: &Tokens, found: Vec<Found>) -> Vec<Found> {
    let idioms = idiom_spans(t);
    let mut k = 0;
    found
        .into_iter()
        .filter(|f| {
            let (s, e) = (t.toks[f.start].start, t.toks[f.end - 1].end);
            while k < idioms.len() && idioms[k].1 <= s {
                k += 1;
            }
            // Overlap is enough: "about a day of judgment" holds the idiom's time word.
            let in_idiom = idioms.get(k).is_some_and(|&(a, _)| a < e);
            !in_idiom
                && !counter(t, f)
                && !compound(t, f)
                && !title(t, f)
                && !name(t, f)
                && !age(t, f)
                && !temperature(t, f)
                && !money(t, f)
        })
        .collect()
}

/// Byte spans of idioms that start and end on word boundaries, in text order.
fn idiom_spans(t: &Tokens) -> Vec<(usize, usize)> {
    let text = t.lower();
    let bytes = text.as_bytes();
    let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    WORDS
        .idioms
        .find_iter(text)
        .filter(|m| (m.start() == 0 || !word(m.start() - 1)) && !word(m.end()))
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// A media player's readout: "0:00" (a clock would write 00:00 or midnight).
fn counter(t: &Tokens, f: &Found) -> bool {
    matches!(
        f.sem,
        Sem::Time {
            hour: Some(0),
            min: 0,
            part: None,
            ..
        }
    ) && t.w(f.start) == "0"
        && t.digits(f.start) == 1
}

/// A time phrase hyphenated into an adjective: "now-famous", "1960s-era".
fn compound(t: &Tokens, f: &Found) -> bool {
    let (h, w) = (f.end, f.end + 1);
    t.w(h) == "-"
        && t.glued(h)
        && t.glued(w)
        && t.kind(w) == Some(Kind::Word)
        && (WORDS.suffixes.contains(t.w(w)) || f.end - f.start == 1 && t.w(f.start) == "now")
}

/// True when token `i` opens a sentence, a line, a quotation or a heading.
fn opens(t: &Tokens, i: usize) -> bool {
    if i == 0 || t.gap_before(i).contains('\n') {
        return true;
    }
    let prev = t.w(i - 1);
    // A closing quote or bracket after the end of a sentence: “… Evolution.” Last week
    let closed = matches!(prev, "”" | "’" | "\"" | "'" | ")")
        && i >= 2
        && matches!(t.w(i - 2), "." | "!" | "?");
    closed
        || matches!(
            prev,
            "." | "!" | "?" | ":" | ";" | "\"" | "“" | "‘" | "`" | "(" | "—" | "–" | "'" | "…"
        )
        || (prev == "-" && t.gap_before(i - 1).contains(' '))
}

/// Calendar names that are always capitalised (months, weekdays, holidays, time zones).
fn proper_time_word(w: &str) -> bool {
    let lex = lexicon();
    ["month", "weekday", "holiday", "zone"].iter().any(|c| {
        lex.get(c, w).is_some() || w.strip_suffix('s').is_some_and(|s| lex.get(c, s).is_some())
    })
}

/// A common time word capitalised where a sentence does not start: part of a title
/// or name ("The World of Tomorrow", "For Keeps: 30 Years at the Movies"); and a
/// capitalised "Current"/"Past" before a capitalised word: a label ("Current Time").
fn title(t: &Tokens, f: &Found) -> bool {
    let label = matches!(f.sem, Sem::Ref(_))
        && t.cap(f.start)
        && t.cap(f.end)
        && t.kind(f.end) == Some(Kind::Word)
        && t.w(f.end).len() > 1
        && !t.gap_before(f.end).contains('\n');
    label
        || (f.start..f.end).any(|i| {
            let w = t.w(i);
            // "Christmas Day", "New Year", "Election Day": a holiday's own name.
            let holiday_head =
                matches!(w, "day" | "eve" | "year" | "years") && i > 0 && t.cap(i - 1);
            t.kind(i) == Some(Kind::Word)
                && t.cap(i)
                && !t.all_caps(i)
                && !opens(t, i)
                && !proper_time_word(w)
                && !holiday_head
                && !matches!(w, "a" | "i")
        })
}

/// The name of a periodical, section, show or product: a time phrase followed by a
/// capitalised name head ("Sunday Review", "Morning Edition"), or a year after two
/// capitalised words that are not time words ("World Drug Report 2014").
fn name(t: &Tokens, f: &Found) -> bool {
    let next = f.end;
    if t.cap(next) && !t.gap_before(next).contains('\n') && WORDS.name_heads.contains(t.w(next)) {
        return true;
    }
    if !matches!(f.sem, Sem::Year(_)) || f.start < 2 {
        return false;
    }
    // The year of a publication's edition ("World Drug Report 2014"), not of an
    // event ("Developers Conference 2010", which TimeML dates).
    let (a, b) = (f.start - 2, f.start - 1);
    let named = |i: usize| {
        t.kind(i) == Some(Kind::Word) && t.cap(i) && !lexicon().knows(t.w(i)) && t.w(i).len() > 1
    };
    named(a) && named(b) && WORDS.name_heads.contains(t.w(b)) && !opens(t, b)
}

/// A count of years, months or weeks that is an age: "11 months of age", "aged 30
/// years", "the difference in age is 55 years".
fn age(t: &Tokens, f: &Found) -> bool {
    if !matches!(f.sem, Sem::Duration { .. }) {
        return false;
    }
    let after = t.w(f.end) == "of" && t.w(f.end + 1) == "age" || t.w(f.end) == "old";
    // "old" only counts after the number: "52 years old and a 27-year veteran".
    let before = (f.start.saturating_sub(3)..f.start)
        .any(|i| WORDS.ages.contains(t.w(i)) && t.w(i) != "old");
    after || before
}

/// A decade or count that is a temperature: "highs in the 60s", "the 60s degrees".
fn temperature(t: &Tokens, f: &Found) -> bool {
    // Only a decade without its century can be a temperature ("the 60s"); "a high in
    // 1983" is a year.
    if !matches!(f.sem, Sem::ShortDecade(_)) {
        return false;
    }
    let before = (f.start.saturating_sub(4)..f.start).any(|i| WORDS.temps.contains(t.w(i)));
    let after = WORDS.temps.contains(t.w(f.end)) || t.w(f.end) == "°";
    before || after
}

/// A sum of money: a number right after a currency sign.
fn money(t: &Tokens, f: &Found) -> bool {
    f.start > 0 && t.glued(f.start) && matches!(t.w(f.start - 1), "$" | "£" | "€" | "¥")
}

#[cfg(test)]
mod tests {
    use super::super::detect::detect;
    use super::*;

    fn kept(text: &str) -> Vec<String> {
        let t = Tokens::new(text);
        filter(&t, detect(&t))
            .into_iter()
            .map(|f| text[t.toks[f.start].start..t.toks[f.end - 1].end].to_string())
            .collect()
    }

    /// (text, the time expressions that must remain) for every family: firing cases
    /// drop the phrase, non-firing cases keep it.
    #[test]
    fn families_fire_and_do_not() {
        let cases: &[(&str, &[&str])] = &[
            // counter
            ("Play Video\nCurrent Time 0:00\nDuration Time 0:00", &[]),
            (
                "The polls closed at 00:00 and at 10:30 p.m.",
                &["00:00", "10:30 p.m."],
            ),
            // compound
            ("Her now-famous dress and a 1960s-style computer.", &[]),
            ("Course work of the 2005-era.", &["2005"]),
            ("An Ash Wednesday-like smear.", &[]),
            (
                "A 30-day truce for the 2015-16 season.",
                &["30-day", "2015"],
            ),
            ("The store is open now.", &["now"]),
            ("It streams on HBO Now. Now I understand.", &["Now"]),
            // title
            ("An exhibition heralded “The World of Tomorrow.”", &[]),
            ("Her anthology For Keeps: 30 Years at the Movies.", &[]),
            (
                "Tomorrow, the vote. The vote is tomorrow.",
                &["Tomorrow", "tomorrow"],
            ),
            ("They met in May and again on Monday.", &["May", "Monday"]),
            (
                "On the marketplace “Evolution.” Last week, it closed.",
                &["Last week"],
            ),
            (
                "They met on Christmas Day and at 9 a.m. EST.",
                &["Christmas Day", "9 a.m. EST"],
            ),
            // name
            ("She wrote for the Sunday Review and Morning Edition.", &[]),
            ("She wrote on Sunday night.", &["Sunday night"]),
            (
                "The World Drug Report 2014 says so, as it did in 2014.",
                &["2014"],
            ),
            // A stock or published index named with a number: "Russell 2000 Index".
            ("The Russell 2000 Index fell, as it did in 2000.", &["2000"]),
            // age
            (
                "The difference in age is 55 years, by 11 months of age.",
                &[],
            ),
            (
                "They were married for 55 years; 11 months ago it ended.",
                &["55 years", "11 months ago"],
            ),
            // temperature
            ("Expect highs in the 60s today.", &["today"]),
            ("Music of the 60s and the 1960s.", &["the 60s", "the 1960s"]),
            ("The stock hit a high in 1983.", &["1983"]),
            (
                "At the Worldwide Developers Conference 2010 it rained.",
                &["2010"],
            ),
            (
                "Reupke, 52 years old and a 27-year veteran, left.",
                &["27-year"],
            ),
            ("``Today, I am here,'' he said.", &["Today"]),
            // money
            ("It cost $2014 in 2014.", &["2014"]),
            // idiom
            ("Fares could become a thing of the past.", &[]),
            ("He writes every now and then about a day of judgment.", &[]),
            (
                "In the past, fares were set; that day it changed.",
                &["the past", "that day"],
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(text, want)| kept(text) != *want)
            .map(|(text, want)| format!("{text:?}: kept {:?}, want {want:?}", kept(text)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
