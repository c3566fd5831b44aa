//! Check: a person's age stated twice differently, or against a stated birth year.
//!
//! Input: the text (ages written with names: "Ana Ortiz, 45,", "47-year-old Ana Ortiz",
//! "Ortiz, a 47-year-old teacher", "Ana Ortiz (45)", "Ana Ortiz, aged 45"; with the people
//! stage also "the 47-year-old" right after a sentence naming one person; birth years
//! "Ana Ortiz, born in 1978,"), the people, the publication date. Output: an
//! `age-conflict` flag. Example: "Ana Ortiz, 45, …" and later "the 47-year-old Ortiz" is
//! flagged; "Ortiz, 45, … when she was 30" is not (an age at another time).

use super::event_groups;
use super::folded::lower;
use super::lexicon::fold;
use super::{Check, Context};
use crate::model::{Flag, MentionKind};
use crate::people::{gender, Gender};
use crate::span::Span;
use crate::text::Pattern;
use crate::time::calendar;
use chrono::Datelike;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub struct AgeConflict;

const NAME: &str = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+|[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+){1,3}|[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+)";

static AGE_RES: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    [
        format!(r"(?-u:\b)(?P<name>{NAME}),\s+(?P<age>[0-9]{{1,3}}),"),
        format!(r"(?-u:\b)(?P<name>{NAME})\s+\((?P<age>[0-9]{{1,3}})\)"),
        format!(r"(?-u:\b)(?P<name>{NAME}),\s+aged\s+(?P<age>[0-9]{{1,3}})(?-u:\b)"),
        format!(
            r"(?-u:\b)(?P<name>{NAME}),\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?P<age>[0-9]{{1,3}})-year-old(?-u:\b)"
        ),
        format!(r"(?-u:\b)(?P<age>[0-9]{{1,3}})-year-old\s+(?:[a-z]+\s+){{0,3}}?(?P<name>{NAME})"),
    ]
    .iter()
    .map(|r| Pattern::from_text(r.as_str()))
    .collect()
});

/// "the 47-year-old" standing for someone named just before.
static BARE_AGE_RE: Pattern =
    Pattern::new(|| r"(?-u:\b)[Tt]he\s+(?P<age>[0-9]{1,3})-year-old(?-u:\b)".into());

static BORN_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)(?P<name>{NAME}),?\s+(?:\(|who was\s+|was\s+)?born\s+(?:in\s+|on\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ]+\s+[0-9]{{1,2}},?\s+|[0-9]{{1,2}}\s+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ]+\s+)?(?P<y>(?:19|20)[0-9][0-9])(?-u:\b)"
    )
});

/// A fronted birth clause: "Born on 3 February 2002 in Mandeville, Blackwood played…".
static FRONT_BORN_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)Born\s+(?:in\s+|on\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ]+\s+[0-9]{{1,2}},?\s+|[0-9]{{1,2}}\s+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ]+\s+)?(?P<y>(?:19|20)[0-9][0-9])(?:\s+(?:in|at|near)\s+[^,.;]+)?,\s+(?P<name>{NAME})"
    )
});

/// "her 60th birthday": an age reached, read only with a cue that it has just passed.
static BIRTHDAY_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:[Hh]is|[Hh]er)\s+(?P<age>[0-9]{1,3})(?:st|nd|rd|th)\s+birthday(?-u:\b)".into()
});

/// A birthday just passed ("last month", "on Sunday"): the age it gives is the age now.
/// Anything else ("next month", "when", a year) leaves it unread.
static RECENT_RE: Pattern = Pattern::new(|| {
    format!(
        r"(?-u:\b)(?:celebrated|marked)\s+(?:[a-z0-9]+\s+){{0,2}}birthday\s+(?:last\s+(?:week|month|weekend)|earlier\s+this\s+(?:week|month|year)|this\s+(?:week|month)|on\s+(?:{})|yesterday)(?-u:\b)",
        calendar::weekday_alternation(false)
    )
});

/// Sentences that speak of another time, where a different age is expected.
static OTHER_TIME_RE: Pattern = Pattern::new(|| {
    // Appositive ages ("Ana Ortiz, 45,") are current ages even in a sentence about a past
    // event; only explicit talk of another age ("when she was", "turned") is excluded.
    r"(?-u:\b)(?:when|turned|turns|turning|birthday|at the time|at age|aged [0-9]+ when)(?-u:\b)"
        .into()
});

/// Family words: relatives share a surname, so a surname alone no longer identifies.
static KIN_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:daughters?|sons?|wife|husband|mother|father|brothers?|sisters?|child|children|grand(?:son|daughter|mother|father)s?|family|widow(?:er)?|parents?|twins?|cousins?|nephew|niece|uncle|aunt)(?-u:\b)".into()
});

/// Words that start a capitalised run without being a name.
fn is_not_name_start(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "For"
            | "Of"
            | "When"
            | "After"
            | "Before"
            | "While"
    ) || calendar::WEEKDAYS.contains(&w)
        || calendar::MONTHS.contains(&w)
}

#[derive(Debug, Clone)]
pub(super) struct Stated {
    /// Person index when the people stage knows the name, else the folded surname.
    pub(super) key: String,
    pub(super) first: Option<String>,
    /// Age, or birth year when `born`.
    pub(super) value: i32,
    pub(super) born: bool,
    pub(super) passage: Span,
    pub(super) sentence: usize,
    /// How the passage was tied to its person when it does not name them ("‘the
    /// 53-year-old’ read as …"), for the flag card.
    pub(super) link: Option<String>,
}

fn key_of(ctx: &Context, name: &str, span: Span) -> (String, Option<String>) {
    let tokens: Vec<&str> = name
        .split_whitespace()
        .filter(|t| {
            !matches!(
                t.trim_end_matches('.'),
                "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Dame"
            )
        })
        .collect();
    // The word before the surname: "Musician Alan Wass" and "Alan Wass" agree on "alan".
    let first = (tokens.len() >= 2).then(|| fold(tokens[tokens.len() - 2]).to_lowercase());
    if let Some(i) = ctx
        .people
        .iter()
        .position(|p| p.mentions.iter().any(|m| m.span.overlaps(&span)))
    {
        return (format!("#{i}"), first);
    }
    let last = tokens
        .last()
        .map(|t| fold(t).to_lowercase())
        .unwrap_or_default();
    (last, first)
}

fn stated(ctx: &Context) -> Vec<Stated> {
    let text = ctx.doc.text;
    let mut out: Vec<Stated> = Vec::new();
    let push =
        |out: &mut Vec<Stated>, name: regex::Match, value: i32, born: bool, passage: Span| {
            let first_word = name.as_str().split_whitespace().next().unwrap_or("");
            if is_not_name_start(first_word) || out.iter().any(|s| s.passage.overlaps(&passage)) {
                return;
            }
            let Some(sentence) = ctx.doc.sentence_at(passage.start) else {
                return;
            };
            let span = Span::new(name.start(), name.end());
            let (key, first) = key_of(ctx, name.as_str(), span);
            // A lone capitalised word is a name only when the people stage read it as one.
            if !name.as_str().contains(char::is_whitespace) && !key.starts_with('#') {
                return;
            }
            out.push(Stated {
                key,
                first,
                value,
                born,
                passage,
                sentence,
                link: None,
            });
        };
    for re in AGE_RES.iter() {
        for c in re.captures_iter(text) {
            let (Some(m), Some(name), Some(age)) = (c.get(0), c.name("name"), c.name("age")) else {
                continue;
            };
            let Ok(age) = age.as_str().parse::<i32>() else {
                continue;
            };
            if !(1..=110).contains(&age) {
                continue;
            }
            let end = m.as_str().trim_end_matches(',').len() + m.start();
            push(&mut out, name, age, false, Span::new(m.start(), end));
        }
    }
    // A birth year after the name ("Ortiz, born in 1979") or fronted before it.
    for c in BORN_RE
        .captures_iter(text)
        .chain(FRONT_BORN_RE.captures_iter(text))
    {
        let (Some(m), Some(name), Some(y)) = (c.get(0), c.name("name"), c.name("y")) else {
            continue;
        };
        let Ok(y) = y.as_str().parse::<i32>() else {
            continue;
        };
        push(&mut out, name, y, true, Span::new(m.start(), m.end()));
    }
    // "She celebrated her 60th birthday last month": the person just named, now 60.
    for c in BIRTHDAY_RE.captures_iter(text) {
        let (Some(m), Some(age)) = (c.get(0), c.name("age")) else {
            continue;
        };
        let Ok(age) = age.as_str().parse::<i32>() else {
            continue;
        };
        let Some(si) = ctx.doc.sentence_at(m.start()) else {
            continue;
        };
        let recent = ctx.doc.sentences.get(si).is_some_and(|sp| {
            RECENT_RE.find_iter(sp.text(text)).any(|r| {
                let r = Span::new(sp.start + r.start(), sp.start + r.end());
                r.overlaps(&Span::new(m.start(), m.end()))
            })
        });
        if !recent {
            continue;
        }
        if let Some(i) = only_person_before(ctx, si, m.start()) {
            out.push(Stated {
                key: format!("#{i}"),
                first: None,
                value: age,
                born: false,
                passage: Span::new(m.start(), m.end()),
                sentence: si,
                link: ctx.people.get(i).map(|p| {
                    format!(
                        "“{}” read as {}, the person named just before",
                        m.as_str(),
                        p.name
                    )
                }),
            });
        }
    }
    // "the 47-year-old": only when the people stage says exactly one person was just named.
    let mut back_tries = 0;
    for c in BARE_AGE_RE.captures_iter(text) {
        let (Some(m), Some(age)) = (c.get(0), c.name("age")) else {
            continue;
        };
        if out
            .iter()
            .any(|s| s.passage.overlaps(&Span::new(m.start(), m.end())))
        {
            continue;
        }
        let Ok(age) = age.as_str().parse::<i32>() else {
            continue;
        };
        if !stands_alone(text.get(m.end()..).unwrap_or("")) {
            // "the 60-year-old firm": an adjective on a noun, not a person.
            continue;
        }
        let Some(si) = ctx.doc.sentence_at(m.start()) else {
            continue;
        };
        let named =
            only_person_before(ctx, si, m.start()).map(|i| (i, "the person named just before"));
        // A paragraph that opens on the epithet, with nobody named in the window, points
        // back past the last names: writers use "the 53-year-old" for a person whose age
        // they gave, so the one person of the epithet's pronoun ("he … his sentence") whose
        // age the article states is the one meant.
        let opens_paragraph = m.start() == 0
            || text
                .get(..m.start())
                .unwrap_or("")
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        let try_back = opens_paragraph && back_tries < MAX_EPITHETS_BACK;
        back_tries += usize::from(try_back);
        let back = (try_back && nobody_named_before(ctx, si, m.start()))
            .then(|| aged_person_of_pronoun(ctx, &out, si))
            .flatten()
            .map(|(i, g)| {
                (
                    i,
                    if g == Gender::Male {
                        "the only man whose age the article gives"
                    } else {
                        "the only woman whose age the article gives"
                    },
                )
            });
        let named = back.or(named);
        if let Some((i, how)) = named {
            out.push(Stated {
                key: format!("#{i}"),
                first: None,
                value: age,
                born: false,
                passage: Span::new(m.start(), m.end()),
                sentence: si,
                link: ctx
                    .people
                    .get(i)
                    .map(|p| format!("“{}” read as {}, {how}", m.as_str(), p.name)),
            });
        }
    }
    super::age_readings::add(ctx, &mut out);
    out.sort_by_key(|s| s.passage.start);
    out
}

/// Whether no person is named (by name, not pronoun) in sentence `si` before `at` nor in
/// the sentence before.
fn nobody_named_before(ctx: &Context, si: usize, at: usize) -> bool {
    let Some(from) = ctx.doc.sentences.get(si.saturating_sub(1)).map(|s| s.start) else {
        return true;
    };
    !ctx.people.iter().any(|p| {
        p.mentions.iter().any(|x| {
            matches!(x.kind, MentionKind::Name | MentionKind::Alias)
                && x.span.start >= from
                && x.span.end <= at
        })
    })
}

/// The pronoun gender one word names, if it names one.
fn pronoun_gender(w: &str) -> Option<Gender> {
    match w.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Pronoun genders in `t` up to the first quotation mark (a quote's pronouns are the
/// speaker's, about anyone).
fn pronouns(t: &str) -> impl Iterator<Item = Gender> + '_ {
    let narrated = t.split(['"', '“', '”']).next().unwrap_or("");
    narrated
        .split(|c: char| !c.is_alphabetic())
        .filter_map(pronoun_gender)
}

/// A person's gender: from the title or given name when the lexicons know it, else from
/// the narration's pronouns that can only be theirs (after a mention in a sentence naming
/// no one else, or opening the sentence after one that starts with their name), when
/// those agree.
fn person_gender(ctx: &Context, i: usize) -> Option<Gender> {
    let p = ctx.people.get(i)?;
    let g = gender(p);
    if g != Gender::Unknown {
        return Some(g);
    }
    let text = ctx.doc.text;
    let (mut male, mut female) = (0, 0);
    let mut vote = |g: Gender| match g {
        Gender::Male => male += 1,
        Gender::Female => female += 1,
        Gender::Unknown => {}
    };
    for m in p.mentions.iter().take(MAX_GENDER_MENTIONS) {
        let Some(si) = ctx.doc.sentence_at(m.span.start) else {
            continue;
        };
        let Some(sent) = ctx.doc.sentences.get(si) else {
            continue;
        };
        let others = |sp: &Span| {
            ctx.people.iter().enumerate().any(|(j, q)| {
                j != i && {
                    // Mentions are in text order: find the first at or after the sentence.
                    let k = q.mentions.partition_point(|x| x.span.start < sp.start);
                    q.mentions.get(k).is_some_and(|x| x.span.end <= sp.end)
                }
            })
        };
        if !others(sent) {
            pronouns(text.get(m.span.end..sent.end).unwrap_or("")).for_each(&mut vote);
        } else {
            continue;
        }
        let opens = text
            .get(sent.start..m.span.start)
            .is_some_and(|b| b.trim().is_empty());
        if let (true, Some(next)) = (opens, ctx.doc.sentences.get(si + 1)) {
            let first = next.text(text).split(|c: char| !c.is_alphabetic()).next();
            if let Some(g) = first.and_then(pronoun_gender) {
                vote(g);
            }
        }
    }
    match (male, female) {
        (m, 0) if m > 0 => Some(Gender::Male),
        (0, f) if f > 0 => Some(Gender::Female),
        _ => None,
    }
}

/// Mentions per person read for pronoun evidence of their gender.
const MAX_GENDER_MENTIONS: usize = 12;

/// Epithets per article sent back past the last names (each weighs the aged people's
/// pronouns).
const MAX_EPITHETS_BACK: usize = 8;

/// The person meant by an epithet in sentence `si`: the pronouns of the sentence give one
/// gender, and exactly one person of that gender (by given name) has an age stated in
/// `out`.
fn aged_person_of_pronoun(ctx: &Context, out: &[Stated], si: usize) -> Option<(usize, Gender)> {
    let sent = ctx.doc.sentences.get(si)?.text(ctx.doc.text);
    let (mut male, mut female) = (false, false);
    for w in sent.split(|c: char| !c.is_alphabetic()) {
        match w.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => male = true,
            "she" | "her" | "hers" | "herself" => female = true,
            _ => {}
        }
    }
    let g = match (male, female) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => return None,
    };
    let mut aged: Vec<usize> = out
        .iter()
        .filter(|st| !st.born)
        .filter_map(|st| st.key.strip_prefix('#')?.parse::<usize>().ok())
        .filter(|&i| person_gender(ctx, i) == Some(g))
        .collect();
    aged.sort_unstable();
    aged.dedup();
    (aged.len() == 1).then(|| (aged[0], g))
}

/// Whether "the 47-year-old" stands for a person: what follows is punctuation, a
/// function word, or a verb ("will", "pleaded", "denies"), not the noun it would
/// describe ("the 60-year-old firm", "the 47-year-old oven").
fn stands_alone(after: &str) -> bool {
    let rest = after.trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .collect();
    if word.is_empty() {
        return true;
    }
    let w = word.to_lowercase();
    let function = matches!(
        w.as_str(),
        "is" | "was"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "did"
            | "does"
            | "who"
            | "and"
            | "also"
            | "then"
            | "now"
            | "later"
            | "still"
            | "never"
            | "told"
            | "said"
            | "says"
    );
    function || ((w.ends_with("ed") || w.ends_with('s')) && event_groups::verb_lemma(&w).is_some())
}

/// The one person the people stage finds named in sentence `si` before `at` or in the
/// sentence before it; none when nobody or more than one person is.
fn only_person_before(ctx: &Context, si: usize, at: usize) -> Option<usize> {
    let window_start = ctx.doc.sentences.get(si.saturating_sub(1))?.start;
    let mut named = ctx.people.iter().enumerate().filter(|(_, p)| {
        p.mentions
            .iter()
            .any(|x| x.span.start >= window_start && x.span.end <= at)
    });
    let (i, _) = named.next()?;
    named.next().is_none().then_some(i)
}

/// The most distinct statements kept per person for comparison (ages and birth years).
const MAX_DISTINCT_PER_PERSON: usize = 64;

impl Check for AgeConflict {
    fn id(&self) -> &'static str {
        "age-conflict"
    }

    fn description(&self) -> &'static str {
        "A person's age is stated twice differently, or does not fit a stated birth year."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let all = stated(ctx);
        // Per statement, read once: whether its sentence speaks of another time ("in 2010,
        // aged 40") or of kin (a father and son sharing a name). Reading them per pair made
        // the check quadratic on long text.
        let sentence_of = |st: &Stated| ctx.doc.sentences.get(st.sentence);
        let other: Vec<bool> = all
            .iter()
            .map(|st| {
                sentence_of(st).is_some_and(|sp| {
                    OTHER_TIME_RE
                        .is_match(&lower(&sp.text(text).replace(st.passage.text(text), " ")))
                })
            })
            .collect();
        let kin: Vec<bool> = all
            .iter()
            .map(|st| sentence_of(st).is_some_and(|sp| KIN_RE.is_match(&lower(sp.text(text)))))
            .collect();
        // Statements of one person (key), and the distinct first names given for each.
        let mut firsts: HashMap<&str, HashSet<&String>> = HashMap::new();
        for st in &all {
            let entry = firsts.entry(st.key.as_str()).or_default();
            if let Some(f) = &st.first {
                entry.insert(f);
            }
        }
        // The earlier statements a later one is compared with: per key, the first of each
        // distinct (first name, value, born, kin) — a repeat adds nothing new to compare
        // with — and at most MAX_DISTINCT_PER_PERSON of them, so the work stays linear.
        let mut earlier: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut seen: HashSet<(&str, Option<&String>, i32, bool, bool)> = HashSet::new();
        let mut flags = Vec::new();
        let mut done: HashSet<&str> = HashSet::new();
        for (j, b) in all.iter().enumerate() {
            let reps = earlier.entry(b.key.as_str()).or_default();
            let candidates = reps.clone();
            if !other[j]
                && reps.len() < MAX_DISTINCT_PER_PERSON
                && seen.insert((b.key.as_str(), b.first.as_ref(), b.value, b.born, kin[j]))
            {
                reps.push(j);
            }
            if done.contains(b.key.as_str()) || other[j] {
                continue;
            }
            // Two people sharing a surname: compare only when the first names cannot differ.
            let n_firsts = firsts.get(b.key.as_str()).map_or(0, HashSet::len);
            let same = |i: usize| {
                let a = &all[i];
                a.key == b.key
                    && match (&a.first, &b.first) {
                        (Some(x), Some(y)) => x == y,
                        _ => n_firsts <= 1 && !kin[i] && !kin[j],
                    }
            };
            let conflict = candidates.into_iter().find(|&i| {
                let a = &all[i];
                if !same(i) || other[i] {
                    return false;
                }
                match (a.born, b.born) {
                    (false, false) => a.value != b.value,
                    (true, true) => false,
                    (true, false) | (false, true) => {
                        let (age, year) = if a.born {
                            (b.value, a.value)
                        } else {
                            (a.value, b.value)
                        };
                        ctx.published.is_some_and(|p| {
                            let y = p.year();
                            age != y - year && age != y - year - 1
                        })
                    }
                }
            });
            let conflict = conflict.map(|i| &all[i]);
            let Some(a) = conflict else { continue };
            // An epithet tied by position alone ("the 53-year-old") whose age is someone
            // else's stated age names that someone, not a second age.
            let someone_else = |st: &Stated| {
                st.link.is_some()
                    && !st.born
                    && all
                        .iter()
                        .any(|o| o.key != st.key && !o.born && o.value == st.value)
            };
            if someone_else(a) || someone_else(b) {
                continue;
            }
            done.insert(b.key.as_str());
            let links: Vec<String> = [a, b].iter().filter_map(|st| st.link.clone()).collect();
            let linked = !links.is_empty();
            let (message, fact) = if a.born || b.born {
                (
                    format!(
                        "The age in “{}” does not fit the birth year in “{}” for an article published in {}.",
                        if a.born { b.passage.text(text) } else { a.passage.text(text) },
                        if a.born { a.passage.text(text) } else { b.passage.text(text) },
                        ctx.published.map(|p| p.year()).unwrap_or_default()
                    ),
                    ctx.published.map(|p| format!("published {p}")),
                )
            } else {
                (
                    format!(
                        "The same person is given two ages: {} in “{}” and {} in “{}”.",
                        a.value,
                        a.passage.text(text),
                        b.value,
                        b.passage.text(text)
                    ),
                    None,
                )
            };
            flags.push(Flag {
                links,
                kind: self.id().into(),
                message,
                reason: "both state the same person's age".into(),
                confidence: if (a.value - b.value).abs() == 1 && !a.born && !b.born {
                    0.6
                } else if linked {
                    0.65
                } else {
                    0.75
                },
                evidence: vec![a.passage, b.passage],
                fact,
            });
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{evidence, run_on};
    use super::*;
    use crate::model::{Mention, MentionKind, Person};

    #[test]
    fn fires_on_two_ages() {
        let t = "Ana Ortiz, 45, runs the bakery.\nCustomers love the 47-year-old Ana Ortiz and her bread.";
        let f = run_on(&AgeConflict, t, &[], None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            evidence(t, &f[0]),
            vec!["Ana Ortiz, 45", "47-year-old Ana Ortiz"]
        );
    }

    #[test]
    fn fires_with_people_for_bare_age_and_on_birth_year() {
        let t = "Ana Ortiz, 45, runs the bakery. The 47-year-old opened it herself.";
        let s = t.find("Ana Ortiz").unwrap();
        let p = Person {
            name: "Ana Ortiz".into(),
            honorifics: vec![],
            roles: vec![],
            mentions: vec![Mention {
                span: Span::new(s, s + 9),
                kind: MentionKind::Name,
            }],
        };
        assert_eq!(run_on(&AgeConflict, t, &[p], None).len(), 1);
        let t = "Ana Ortiz, born in 1970, runs the bakery. Customers love Ana Ortiz, 45, and her bread.";
        assert_eq!(run_on(&AgeConflict, t, &[], Some("2025-05-01")).len(), 1);
        assert!(run_on(&AgeConflict, t, &[], Some("2015-05-01")).is_empty());
    }

    fn person(t: &str, names: &[&str]) -> Person {
        let mentions = names
            .iter()
            .flat_map(|n| t.match_indices(n).map(|(s, n)| (s, n.len())))
            .map(|(s, l)| Mention {
                span: Span::new(s, s + l),
                kind: MentionKind::Name,
            })
            .collect();
        Person {
            name: names[0].into(),
            honorifics: vec![],
            roles: vec![],
            mentions,
        }
    }

    #[test]
    fn reads_surname_births_fronted_births_and_recent_birthdays() {
        let t = "Kenji Morimoto, a 67-year-old fossil hunter, found the skull.\nMorimoto was born in 1961 near Rumoi.";
        let p = person(t, &["Kenji Morimoto", "Morimoto"]);
        assert_eq!(run_on(&AgeConflict, t, &[p], Some("2024-01-25")).len(), 1);
        let t = "Tara Bell, 19, won the final.\nBorn on 3 February 2002 in Mandeville, Bell played netball first.";
        let p = person(t, &["Tara Bell", "Bell"]);
        assert_eq!(run_on(&AgeConflict, t, &[p], Some("2024-06-30")).len(), 1);
        let t = "Lan Vo, 58, teaches at home.\nLan has retired from the school. She celebrated her 60th birthday last month.";
        let p = person(t, &["Lan Vo", "Lan"]);
        assert_eq!(run_on(&AgeConflict, t, &[p], Some("2024-05-14")).len(), 1);
    }

    #[test]
    fn a_paragraph_opening_epithet_goes_back_to_the_aged_person_of_its_pronoun() {
        let t = "Piet Vos, 61, was jailed on Monday. He had stolen the funds.\n\nMaud Kerr, 70, lost her savings. The bank's head, Ian Roe, spoke. He said rules changed.\n\nThe 66-year-old can seek parole after serving a third of his term.";
        let people = [
            person(t, &["Piet Vos"]),
            person(t, &["Maud Kerr"]),
            person(t, &["Ian Roe"]),
        ];
        let f = run_on(&AgeConflict, t, &people, None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(evidence(t, &f[0]), vec!["Piet Vos, 61", "The 66-year-old"]);
        assert!(f[0].links[0].contains("Piet Vos"), "{:?}", f[0].links);
        // The epithet's age is someone else's: it names them. Two men with ages: no one.
        for t in [
            "Piet Vos, 61, was jailed on Monday.\n\nMaud Kerr, 70, lost her savings.\n\nThe 70-year-old said she would appeal.",
            "Piet Vos, 61, was jailed on Monday.\n\nJan Kerr, 70, lost his savings. Rules changed.\n\nThe 66-year-old said he would appeal.",
        ] {
            let people = [person(t, &["Piet Vos"]), person(t, &["Maud Kerr", "Jan Kerr"])];
            assert!(run_on(&AgeConflict, t, &people, None).is_empty(), "{t}");
        }
    }

    #[test]
    fn birthdays_to_come_and_aged_things_stay_silent() {
        for t in [
            "Lan Vo, 58, teaches at home.\nLan has retired. She will celebrate her 60th birthday next year.",
            "Lan Vo, 58, teaches at home.\nShe joined the 60-year-old firm in 1990.",
            "Lan Vo, 58, teaches at home.\nLan was born in 1966, her sister in 1961.",
        ] {
            let p = person(t, &["Lan Vo", "Lan"]);
            assert!(
                run_on(&AgeConflict, t, &[p], Some("2024-05-14")).is_empty(),
                "{t}"
            );
        }
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            "Ana Ortiz, 45, runs the bakery. Ana Ortiz, 45, also sings.",
            "Ana Ortiz, 45, runs the bakery. Luis Ortiz, 47, bakes.",
            "Baker Ana Ortiz, 45, runs the bakery. Luis Ortiz, 47, bakes.",
            "Ms Ortiz, 45, runs the bakery with her 17-year-old daughter Maria Ortiz.",
            "Ms Ortiz, 45, runs the bakery.\nHer daughter, Maria Ortiz, 17, bakes.",
            "Ana Ortiz, 45, runs the bakery. She opened it when Ortiz, 30, had just moved.",
            "Ana Ortiz, 45, runs the bakery. The 47-year-old oven still works.",
        ] {
            assert!(run_on(&AgeConflict, t, &[], None).is_empty(), "{t}");
        }
    }
}
