//! Check: a count or share that disagrees with its own breakdown or restatement.
//!
//! Input: the sentences of the text (this check reads numbers the earlier stages do not
//! collect). An *enumeration* is a run of two or more numbers in one sentence that each
//! open a list item (after the sentence start, a comma, a colon, a dash, "and", "while")
//! with "and" before the last one: "five in Tema, four in Ho and two in Accra",
//! "58% melted, 31% broke off and 17% …". Four rules use them:
//! - *shares over the whole*: an enumeration of percentages of one whole (the sentence
//!   opens with a partitive "Of …," or the list follows a colon or dash) adds up to more
//!   than 100% (plus half a point per item for rounding);
//! - *parts over the stated total*: "N <things> …: a …, b … and c …" where the parts do
//!   not add up to N; after a partitive "Of the N <things>, a … and b …" only parts that
//!   exceed N are flagged (the rest may be unlisted);
//! - *a casualty breakdown against the toll*: a list after a colon or dash whose lead-in
//!   names the dead (or the injured) and no total of its own, against the one toll the
//!   rest of the article gives for them;
//! - *transposed digits*: one amount restated with two adjacent digits swapped
//!   (3.47 billion pesos … the 3.74-billion-peso deal), same unit and scale, the later
//!   mention pointing back (a definite article or a compound adjective).
//!
//! Silent when the sentence says the list is partial ("including", "among them", "such
//! as", "at least", "more than", "others", "the rest"), when a value is approximate, when
//! a toll is given more than one value, and on changes ("rose from", "up from", "to").
//! Output: a `number-breakdown` flag whose evidence is the total (or first mention) and
//! the list. Example: "Twelve people were hurt: five in Ostra, four in Lind and two in
//! Vale." is flagged (5 + 4 + 2 = 11); "Twelve people were hurt, including five in Ostra
//! and four in Lind." is not. Linear: one pass per sentence, tolls and amounts collected
//! once per article, restatements compared within a bucket of the same unit and scale,
//! capped.

use super::bounded::captures_where;
use super::folded::lower;
use super::lexicon::parse_number;
use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use crate::text::Pattern;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct NumberBreakdown;

/// Numbers an item may open with: digits (with thousands commas or a decimal part) or
/// number words (not "a"/"an", which open ordinary noun phrases).
const NUM: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

/// Words that make a value approximate: its sum is not checked.
const APPROX: &str = r"about|around|some|nearly|almost|roughly|approximately|an estimated|just over|just under|more than|at least|over|up to|fewer than|less than|under";

/// A number opening a list item, matched on the lower-cased sentence. `d` is the
/// delimiter before it; `q` an approximation word.
static ITEM_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?P<d>^|[,;:]\s+|\s*[—–]\s*|\s-\s|,?\s+(?:and|while|whereas)\s+)(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})(?P<pct>\s?%|\s(?:per\s?cent|percent)(?-u:\b))?"
    )
});

/// The sentence says its list is partial or overlapping, so sums prove nothing.
static PARTIAL_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:including|include[sd]?|among them|among whom|such as|at least|more than|others|the rest|remaining|remainder|respectively|each|both|either)(?-u:\b)".into()
});

/// Change, rate or alternative words in the lead-in or the list: the numbers are moments,
/// rates or options, not parts of one whole.
static CHANGE_LIST_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:rose|fell|increased|decreased|grew|dropped|up from|down from|compared|from|between|per|or|a day|a year|a week|every)(?-u:\b)".into()
});

/// A partitive opening: the sentence divides one whole ("Of the 40 buses, …").
static PARTITIVE_RE: Pattern = Pattern::new(|| r"^(?:of|among)\s".into());

/// Words naming the dead and the injured: the two tolls a breakdown is compared with.
static DEAD_WORD_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:the dead|deaths|fatalities|bodies|were killed|died)(?-u:\b)".into()
});
static HURT_WORD_RE: Pattern =
    Pattern::new(|| r"(?-u:\b)(?:the injured|the wounded|injuries)(?-u:\b)".into());

/// A toll in the article: "the death toll … climbed to 23", "23 people were killed",
/// "killed 23 people". Gap words bounded by [`captures_where`].
static DEAD_TOLL_RES: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    [
        format!(r"(?-u:\b)(?:death toll|number of (?:dead|deaths))(?P<gap>[^.;]*?)(?-u:\b)(?:to|at|of|reached|hit|was|is)\s+(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})(?-u:\b)"),
        format!(r"(?-u:\b)(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})\s+(?:(?:people|persons|of them)\s+)?(?:(?:were|have been|had been|are|are confirmed|were confirmed)\s+)?(?:killed|dead|died)(?-u:\b)"),
        format!(r"(?-u:\b)killed\s+(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})\s+(?:people|persons)(?-u:\b)"),
    ]
    .iter()
    .map(|p| Pattern::from_text(p.as_str()))
    .collect()
});
static HURT_TOLL_RES: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    [
        format!(r"(?-u:\b)(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})\s+(?:(?:people|persons|others|of them)\s+)?(?:(?:were|have been|had been|are)\s+)?(?:injured|hurt|wounded)(?-u:\b)"),
        format!(r"(?-u:\b)(?:injured|wounded)\s+(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})\s+(?:people|persons|others)(?-u:\b)"),
    ]
    .iter()
    .map(|p| Pattern::from_text(p.as_str()))
    .collect()
});

/// A toll given with its earlier value ("up from 12", "from 12 to 19").
static TOLL_CHANGE_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:up from|down from|from [0-9a-z,]+ to|previous|earlier|revised)(?-u:\b)".into()
});

/// An amount with a unit: "3.47 billion pesos", "$2.16m", "the 3.74-billion-peso deal",
/// "1,874 workers". `cur` a currency sign, `sc` a scale word, `u` the unit or head word.
static AMOUNT_RE: Pattern = Pattern::new(|| {
    r"(?P<cur>[$£€¥₹])?(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+\.[0-9]+|[0-9]{3,})(?:[- ](?P<sc>million|billion|trillion|bn|m)(?-u:\b))?[- ](?P<u>[a-z]{3,})(?-u:\b)".into()
});

/// Change words in a sentence: two values there are two moments, not a restatement.
static CHANGE_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:from\s+[$£€¥₹]?[0-9]|rose|fell|up from|down from|increase[ds]?|decrease[ds]?|grew|dropped|climbed|raised|compared|previous|earlier|last year|revised|instead|rival|another|other)(?-u:\b)".into()
});

crate::lexicon::word_set!(
    /// Words after a number that are no unit ("in 2019 the", "410 and").
    FUNCTION_WORDS,
    crate::lexicon::CHECK_GRAMMAR,
    "not_unit_words"
);

/// Longest sentence whose lists are read, in bytes, and most lists read in one sentence.
const MAX_SENTENCE: usize = 1500;
const MAX_RUNS: usize = 4;

/// At most this many amounts per unit are compared pairwise.
const MAX_PER_UNIT: usize = 24;

#[derive(Debug, Clone)]
struct Item {
    value: f64,
    pct: bool,
    approx: bool,
    /// The delimiter before the number ("and", ":", "—", ",", or "" at the start).
    delim: String,
    /// Byte span of the number (with its % sign) in the text.
    span: Span,
    /// The first word after the number, to tell parallel answers apart.
    next_word: String,
}

/// The list items of one sentence (`low` is its lower-cased text, starting at `base`).
fn items(low: &str, base: usize) -> Vec<Item> {
    let mut out = Vec::new();
    for c in ITEM_RE.captures_iter(low) {
        let (Some(n), Some(d)) = (c.name("n"), c.name("d")) else {
            continue;
        };
        let end = c.name("pct").map(|p| p.end()).unwrap_or(n.end());
        let rest = low.get(end..).unwrap_or("");
        // A number glued to more digits or letters ("5:15", "3rd", "10-year") is not a count.
        if rest.starts_with(|ch: char| ch.is_alphanumeric() || ch == ':' || ch == '-')
            || (rest.starts_with([',', '.'])
                && rest[1..].starts_with(|ch: char| ch.is_ascii_digit()))
        {
            continue;
        }
        let Some(value) = parse_number(n.as_str()) else {
            continue;
        };
        let digits = n.as_str();
        // Years are dates, not counts.
        if digits.len() == 4
            && digits.chars().all(|ch| ch.is_ascii_digit())
            && (1800.0..=2100.0).contains(&value)
        {
            continue;
        }
        let next_word = rest
            .split(|ch: char| !ch.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_string();
        out.push(Item {
            value,
            pct: c.name("pct").is_some(),
            approx: c.name("q").is_some(),
            delim: d.as_str().trim().trim_start_matches(',').trim().to_string(),
            span: Span::new(base + n.start(), base + end),
            next_word,
        });
    }
    out
}

/// Runs of two or more items of one type closed by an "and" item.
fn enumerations(items: &[Item]) -> Vec<&[Item]> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut end = start + 1;
        // A colon or dash opens a new list: what precedes it is the lead-in.
        while end < items.len()
            && items[end].pct == items[start].pct
            && items[end - 1].delim != "and"
            && !matches!(items[end].delim.as_str(), ":" | "—" | "–" | "-")
        {
            end += 1;
        }
        let run = &items[start..end];
        if run.len() >= 2 && run.last().is_some_and(|i| i.delim == "and") {
            out.push(run);
        }
        start = end;
    }
    out
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn sum_text(run: &[Item]) -> String {
    run.iter()
        .map(|i| fmt(i.value))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// One toll mention: its value, the number's span, its sentence, and whether it is a
/// fixed figure (not approximate, not given beside an earlier value).
type Toll = (Option<f64>, Span, Option<usize>, bool);

/// At most this many toll mentions are read per article; more and no toll is trusted.
const MAX_TOLLS: usize = 64;

/// Every toll mention of one class, read once per article.
fn tolls(res: &[Pattern], ctx: &Context, low: &str) -> Vec<Toll> {
    let mut found: Vec<Toll> = Vec::new();
    for re in res {
        for c in captures_where(re, low, |c| c.name("gap").is_none_or(|g| g.len() <= 90)) {
            let Some(n) = c.name("n") else { continue };
            let span = Span::new(n.start(), n.end());
            let sentence = ctx.doc.sentence_at(span.start);
            let stext = sentence
                .and_then(|i| ctx.doc.sentences.get(i))
                .and_then(|s| low.get(s.start..s.end))
                .unwrap_or("");
            // An approximate toll, or one given with its earlier value, is no fixed total.
            let fixed = c.name("q").is_none() && !TOLL_CHANGE_RE.is_match(stext);
            found.push((parse_number(n.as_str()), span, sentence, fixed));
            if found.len() > MAX_TOLLS {
                return found;
            }
        }
    }
    found
}

/// The one fixed toll the article gives outside sentence `skip`, when it gives exactly
/// one value there.
fn one_toll(tolls: &[Toll], skip: usize) -> Option<(f64, Span)> {
    if tolls.len() > MAX_TOLLS {
        return None;
    }
    let mut first: Option<(f64, Span)> = None;
    for (v, span, sentence, fixed) in tolls {
        if *sentence == Some(skip) {
            continue;
        }
        let v = (*v)?;
        if !fixed || first.is_some_and(|(f, _)| f != v) {
            return None;
        }
        first.get_or_insert((v, *span));
    }
    first
}

/// Two digit strings of one length that differ by one swap of two adjacent, different digits.
fn transposed(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < 3 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
        && a[diff[0]].is_ascii_digit()
        && a[diff[1]].is_ascii_digit()
}

impl NumberBreakdown {
    fn flag(&self, message: String, reason: String, evidence: Vec<Span>, confidence: f32) -> Flag {
        Flag {
            links: Vec::new(),
            kind: self.id().into(),
            message,
            reason,
            confidence,
            evidence,
            fact: None,
        }
    }

    fn enumeration_flags(&self, ctx: &Context, low: &str) -> Vec<Flag> {
        let mut flags = Vec::new();
        // The article's tolls, read once, when a breakdown first needs them.
        let (mut dead, mut hurt): (Option<Vec<Toll>>, Option<Vec<Toll>>) = (None, None);
        for (si, s) in ctx.doc.sentences.iter().enumerate() {
            let Some(sl) = low.get(s.start..s.end) else {
                continue;
            };
            // Each list rescans its sentence; bounding the sentence and the lists keeps
            // that constant per sentence (a breakdown sentence in news is far shorter).
            if sl.len() > MAX_SENTENCE {
                continue;
            }
            let all = items(sl, s.start);
            for run in enumerations(&all).into_iter().take(MAX_RUNS) {
                if run.iter().any(|i| i.approx) {
                    continue;
                }
                let first = run[0].span.start;
                let last = run.last().map(|i| i.span.end).unwrap_or(first);
                let list = Span::new(first, last);
                let lead = low.get(s.start..first).unwrap_or("");
                let listed = low.get(first..last).unwrap_or("");
                let introduced = matches!(run[0].delim.as_str(), ":" | "—" | "–" | "-");
                let partitive = PARTITIVE_RE.is_match(sl.trim_start());
                let partial = PARTIAL_RE.is_match(sl)
                    || CHANGE_LIST_RE.is_match(lead)
                    || CHANGE_LIST_RE.is_match(listed);
                let sum: f64 = run.iter().map(|i| i.value).sum();
                if run[0].pct {
                    // Parallel answers ("60% said yes, 55% said …") may overlap.
                    let mut words: Vec<&str> = run.iter().map(|i| i.next_word.as_str()).collect();
                    words.sort_unstable();
                    words.dedup();
                    let tolerance = 100.0 + 0.5 * run.len() as f64;
                    if (partitive || introduced)
                        && !partial
                        && words.len() == run.len()
                        && sum > tolerance
                    {
                        flags.push(self.flag(
                            format!("The shares listed ({}%) add up to {}%, more than the whole.", sum_text(run).replace(" + ", "% + "), fmt(sum)),
                            "the percentages are listed as parts of one whole (a partitive “of …” or a list after a colon or dash)".into(),
                            vec![list],
                            0.6,
                        ));
                    }
                    continue;
                }
                let lead_items: Vec<&Item> = all
                    .iter()
                    .filter(|i| i.span.end <= first && !i.pct)
                    .collect();
                // The stated total: the last count of the lead-in that is not the number of
                // items itself ("in three districts — 11 …, 7 … and 3 …").
                let total = lead_items
                    .iter()
                    .rev()
                    .find(|i| i.value != run.len() as f64)
                    .map(|i| (i.value, i.span, i.approx))
                    .or_else(|| {
                        // Counts the item regex skips (after a verb): "12 people were hurt: …".
                        let lead_raw = low.get(s.start..first).unwrap_or("");
                        let re = LEAD_TOTAL_RE.captures_iter(lead_raw).last()?;
                        let n = re.name("n")?;
                        let v = parse_number(n.as_str())?;
                        (v != run.len() as f64 && re.name("q").is_none())
                            .then(|| (v, Span::new(s.start + n.start(), s.start + n.end()), false))
                    });
                if partial {
                    continue;
                }
                if let Some((t, tspan, approx)) = total {
                    if approx {
                        continue;
                    }
                    let wrong = if partitive {
                        sum > t
                    } else {
                        introduced && sum != t
                    };
                    if wrong {
                        flags.push(self.flag(
                            format!("The parts ({}) add up to {}, not the {} stated.", sum_text(run), fmt(sum), fmt(t)),
                            if partitive {
                                "the parts are shares of the one whole the sentence opens with (“of the …”)".into()
                            } else {
                                "the list after the colon or dash breaks down the count before it".into()
                            },
                            vec![tspan, list],
                            0.6,
                        ));
                    }
                    continue;
                }
                if !introduced {
                    continue;
                }
                // No total of its own: a breakdown of the dead or the injured is compared
                // with the article's one toll for them.
                let known = if DEAD_WORD_RE.is_match(lead) {
                    dead.get_or_insert_with(|| tolls(&DEAD_TOLL_RES, ctx, low))
                } else if HURT_WORD_RE.is_match(lead) {
                    hurt.get_or_insert_with(|| tolls(&HURT_TOLL_RES, ctx, low))
                } else {
                    continue;
                };
                if let Some((t, tspan)) = one_toll(known, si) {
                    if t != sum {
                        flags.push(self.flag(
                            format!("The breakdown ({}) adds up to {}, not the toll of {} given elsewhere.", sum_text(run), fmt(sum), fmt(t)),
                            "the list breaks down the same casualties as the article's only toll".into(),
                            vec![tspan, list],
                            0.5,
                        ));
                    }
                }
            }
        }
        flags
    }

    fn transposition_flags(&self, ctx: &Context, low: &str) -> Vec<Flag> {
        struct Amount {
            digits: String,
            span: Span,
            sentence: usize,
            back_ref: bool,
        }
        let mut by_unit: HashMap<String, Vec<Amount>> = HashMap::new();
        let mut changing: Option<(usize, bool)> = None;
        for c in AMOUNT_RE.captures_iter(low) {
            let (Some(m), Some(n), Some(u)) = (c.get(0), c.name("n"), c.name("u")) else {
                continue;
            };
            let Some(sentence) = ctx.doc.sentence_at(m.start()) else {
                continue;
            };
            // Whether the sentence speaks of a change, read once per sentence: amounts come
            // in text order, so a sentence packed with amounts is scanned once, not per amount.
            if changing.is_none_or(|(i, _)| i != sentence) {
                let sl = ctx
                    .doc
                    .sentences
                    .get(sentence)
                    .and_then(|s| low.get(s.start..s.end))
                    .unwrap_or("");
                changing = Some((sentence, CHANGE_RE.is_match(sl)));
            }
            if changing.is_some_and(|(_, c)| c) {
                continue;
            }
            let before = low.get(..m.start()).unwrap_or("").trim_end();
            let det = before
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            let compound = m.as_str().contains(&format!("-{}", u.as_str()));
            let unit = u.as_str().trim_end_matches('s');
            let plain = c.name("cur").is_none() && c.name("sc").is_none();
            // A bare year or a number before a function word is not an amount of anything.
            if plain
                && (FUNCTION_WORDS.contains(&u.as_str())
                    || parse_number(n.as_str())
                        .is_some_and(|v| (1800.0..=2100.0).contains(&v) && n.as_str().len() == 4))
            {
                continue;
            }
            let key = format!(
                "{} {} {unit}",
                c.name("cur").map(|x| x.as_str()).unwrap_or(""),
                c.name("sc").map(|x| x.as_str()).unwrap_or("")
            );
            let bucket = by_unit.entry(key).or_default();
            if bucket.len() < MAX_PER_UNIT {
                bucket.push(Amount {
                    digits: n.as_str().replace(',', ""),
                    span: Span::new(m.start(), m.end()),
                    sentence,
                    back_ref: compound || matches!(det, "the" | "this" | "that" | "its"),
                });
            }
        }
        let mut flags = Vec::new();
        let mut keys: Vec<&String> = by_unit.keys().collect();
        keys.sort();
        for k in keys {
            let v = &by_unit[k];
            for (i, a) in v.iter().enumerate() {
                let Some(b) = v[i + 1..].iter().find(|b| {
                    b.sentence != a.sentence && b.back_ref && transposed(&a.digits, &b.digits)
                }) else {
                    continue;
                };
                if v.iter()
                    .any(|x| x.digits == b.digits && x.sentence != b.sentence)
                {
                    // The second value is stated again on its own: two amounts, not a slip.
                    continue;
                }
                flags.push(self.flag(
                    format!("“{}” is restated as “{}”, the same digits with two swapped.", a.span.text(ctx.doc.text), b.span.text(ctx.doc.text)),
                    "the later mention points back to the amount (same unit and scale, definite or as a modifier)".into(),
                    vec![a.span, b.span],
                    0.5,
                ));
                break;
            }
        }
        flags
    }
}

/// The last count before a verb in a list's lead-in: "12 people were hurt".
static LEAD_TOTAL_RE: Pattern =
    Pattern::new(|| format!(r"(?-u:\b)(?:(?P<q>{APPROX})\s+)?(?P<n>{NUM})\s+[a-z]+"));

impl Check for NumberBreakdown {
    fn id(&self) -> &'static str {
        "number-breakdown"
    }

    fn description(&self) -> &'static str {
        "A total disagrees with its own breakdown, shares exceed the whole, or an amount is restated with swapped digits."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let low = lower(ctx.doc.text);
        let mut flags = self.enumeration_flags(ctx, &low);
        flags.extend(self.transposition_flags(ctx, &low));
        let found = super::number_parts::complements(&low)
            .into_iter()
            .chain(super::number_parts::valid_votes(&low, &ctx.doc.sentences));
        for f in found {
            flags.push(self.flag(f.message, f.reason, f.evidence, 0.6));
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;

    fn flags(t: &str) -> Vec<Flag> {
        run_on(&NumberBreakdown, t, &[], Some("2025-03-01"))
    }

    #[test]
    fn parts_that_do_not_add_up_to_the_stated_total() {
        let t = "Twelve people were hurt: five in Ostra, four in Lind and two in Vale.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec!["Twelve", "five in Ostra, four in Lind and two"]
        );
        let t = "Of the 40 buses inspected, 25 failed the brake test and 22 had worn tyres.";
        assert_eq!(flags(t).len(), 1);
    }

    #[test]
    fn shares_over_the_whole() {
        let t = "Of the water used, 64% went to farms, 29% was piped to homes and 15% cooled power plants.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("108%"));
    }

    #[test]
    fn casualty_breakdown_against_the_toll() {
        let t = "The death toll from the storm rose to 19 on Friday.\n\nOfficials said the dead were found in three towns — eight in Arden, six in Bree and three in Colm.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(evidence(t, &f[0])[0], "19");
    }

    #[test]
    fn transposed_digits_in_a_restated_amount() {
        let t = "Halvor Foods agreed to buy the dairy for 2.47 billion pesos.\n\nThe 2.74-billion-peso purchase needs approval.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            "Twelve people were hurt: five in Ostra, four in Lind and three in Vale.",
            "Twelve people were hurt, including five in Ostra and four in Lind.",
            "Of the 40 buses inspected, 25 failed the brake test and 12 had worn tyres.",
            "Of the 40 buses, at least 25 failed and 22 passed.",
            "Of those asked, 64% said they cycle, 59% said they walk and 30% said they drive.",
            "In the survey, 58% backed the plan, 35% opposed it and the rest were unsure.",
            "Sales rose 64% in Oslo, 45% in Bergen and 30% in Bodø.",
            "The death toll rose to 19 on Friday, up from 12.\n\nThe dead were found in three towns — eight in Arden, six in Bree and three in Colm.",
            "The death toll stood at 19.\n\nThe dead were found in three towns — eight in Arden, six in Bree and five in Colm.",
            "Revenue rose from 2.47 billion kroner to 2.74 billion kroner.",
            "It paid 2.47 billion kroner for the dairy.\n\nA rival had offered 2.74 billion kroner.",
            "The fine was $1,874,000.\n\nThe about $1.9 million fine was paid.",
            "She left home at 5:15 a.m., at 6:30 and 7:45.",
        ] {
            assert!(flags(t).is_empty(), "{t}: {:?}", flags(t));
        }
    }
}
