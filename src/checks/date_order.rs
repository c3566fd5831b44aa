//! Check: the text orders two events ("only after X", "before Y", "following Z") but
//! the dates it gives them elsewhere run the other way.
//!
//! Input: the time stage's dated expressions (`ctx.times`, with resolved values), the
//! direct quotations (only narration is read). Output: a `date-order` flag naming the
//! ordering passage and the dated passage it contradicts. Example: "Lund opened the
//! bakery in 2015 after leaving her job at the mill." … "She quit the mill in the spring
//! of 2019" is flagged (the leaving, put before 2015, is dated 2019); "… quit the mill in
//! 2013" is not.
//!
//! An **ordering** is a clause with an order word (after, before, only once, following,
//! prior to) and the clause it governs ("M after S", "After S, M", "It was only after S
//! that M"). One side is dated in the sentence ("in 2018"; a date right after the
//! governed clause, ", in the summer of 2022", belongs to it); the other is matched with a
//! **dated event** elsewhere: a clause whose verb, just before its date, is of the same
//! kind (`data/verb_kinds.tsv`: leaving and quitting, beginning and starting…) and which shares a
//! content word with the side ("his job … at one of the big conglomerates" and "quit the
//! conglomerate"). A definite noun borrows the words of its earlier mention ("the
//! machine" after "their tunnel boring machine"), so "tunnelling began" meets "the machine
//! started work". Precision: narration only; silent when the side matches no dated event,
//! when any match fits the order, or when a side holds two dates. Dates compare as the
//! stretches of days their values cover ("2018" and "the spring of 2020" do not
//! overlap; "2020" and "March 2020" do, and never conflict).

use super::dated::{self, Word};
use super::event_groups;
use super::folded::lower;
use super::narration::Narration;
use super::{Check, Context};
use crate::model::Flag;
use crate::span::Span;
use crate::text::Pattern;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct DateOrder;

/// Kinds of event verbs (`data/verb_kinds.tsv`, form → kind): two clauses name one event
/// only when their verbs are of one kind. Why a small table: WordNet does not group "quit"
/// with "leave", and these are the moves a news story orders and dates (a job left, works
/// begun or finished, a firm founded).
static KINDS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    crate::lexicon::VERB_KINDS
        .ok_rows()
        .map(|r| (r.col(0), r.col(1)))
        .collect()
});

fn kind_of(w: &str) -> Option<&'static str> {
    KINDS.get(w).copied()
}

/// Irregular past and participle forms and their base (`data/irregular_forms.tsv`), so
/// "sold" meets "selling" (the WordNet groups undo only regular inflections).
static IRREGULAR: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    crate::lexicon::IRREGULAR_FORMS
        .ok_rows()
        .map(|r| (r.col(0), r.col(1)))
        .collect()
});

/// The event verb at `k` as a comparable key: its kind ("kind:leaving") when it has one,
/// else its `+lemma` for a past form, a participle or a gerund ("approved", "selling",
/// "sold" → "+approve", "+sell"). `None` for a word that is not such a verb, and for a
/// verb that only introduces another ("began seeing", "started to become"): the event is
/// the other verb's.
fn verb_at(words: &[Word], k: usize) -> Option<String> {
    let w = words.get(k)?.low.as_str();
    let catenative = words
        .get(k + 1)
        .is_some_and(|n| n.low == "to" || (n.low.len() > 4 && n.low.ends_with("ing")));
    if catenative {
        return None;
    }
    if let Some(kind) = kind_of(w) {
        return Some(format!("kind:{kind}"));
    }
    if let Some(base) = IRREGULAR.get(w) {
        return Some(format!("+{base}"));
    }
    let inflected = w.chars().count() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
    if !inflected || dated::key(w).is_none() {
        return None;
    }
    event_groups::verb_lemma(w)
}

/// Two events' verbs name one act: one verb (or kind) on both sides, or a side's event
/// noun derived from the other's verb ("his resignation" and "resigned").
fn same_act(u_verbs: &[String], u_nouns: &[String], e_verbs: &[String]) -> bool {
    let noun_of = |n: &str, v: &str| dated::related(n, v) || dated::derived(n, v);
    u_verbs.iter().any(|v| e_verbs.contains(v))
        || u_nouns.iter().any(|n| {
            e_verbs.iter().any(|v| v.starts_with('+') && noun_of(n, v))
                || e_verbs
                    .iter()
                    .filter_map(|v| v.strip_prefix("kind:"))
                    .any(|k| kind_lemmas(k).any(|l| noun_of(n, &l)))
        })
}

/// The `+lemma` entries of a kind's verbs ("leaving" → "+leave", "+quit", "+resign"…).
fn kind_lemmas(kind: &str) -> impl Iterator<Item = String> + '_ {
    KINDS
        .iter()
        .filter(move |(_, k)| **k == kind)
        .map(|(w, _)| *w)
        .map(|w| {
            event_groups::verb_lemma(w).unwrap_or_else(|| {
                // A verb the groups lack keeps its regular stem ("resigned" → "+resign").
                let stem = ["ing", "ed", "s"]
                    .iter()
                    .find_map(|suf| w.strip_suffix(suf))
                    .unwrap_or(w);
                format!("+{stem}")
            })
        })
}

crate::lexicon::word_set!(
    /// Words that end a verb's reach before its date: the date belongs to another clause.
    CLAUSE_TURNS,
    crate::lexicon::CHECK_GRAMMAR,
    "order_clause_turns"
);

/// Order words. "once" counts only after "only" ("only once the dam was finished"): alone
/// it often means "formerly".
static ORDER_RE: Pattern = Pattern::new(|| {
    r"(?-u:\b)(?:(?P<only>only|just|shortly|soon|long)\s+)?(?P<w>after|before|once|following|prior\s+to)(?-u:\b)".into()
});

crate::lexicon::word_set!(
    /// Units that make an order word a distance ("after two years", "a week before").
    UNITS,
    crate::lexicon::CHECK_GRAMMAR,
    "distance_units"
);

/// Bounds: words per side, ordering statements and dated events per document.
const SIDE_WORDS: usize = 14;
const MAX_ORDERS: usize = 60;
const MAX_EVENTS: usize = 300;

/// A dated expression: its span, the days it covers, whether its words state the year.
type Dates = (Span, NaiveDate, NaiveDate, bool);

/// A dated event: a verb of a known kind and the date just after it in its clause.
#[derive(Debug, Clone)]
struct Dated {
    /// The date's words state its year.
    stated: bool,
    /// The person the people stage finds nearest the verb.
    person: Option<usize>,
    verbs: Vec<String>,
    keys: Vec<String>,
    from: NaiveDate,
    to: NaiveDate,
    passage: Span,
    sentence: usize,
}

/// One side of an ordering.
#[derive(Debug, Clone)]
struct Side {
    span: Span,
    date: Option<(NaiveDate, NaiveDate)>,
    /// The date's own words hold its year ("in 2018", not "on Tuesday").
    stated: bool,
    /// The person the people stage finds nearest the side.
    person: Option<usize>,
    verbs: Vec<String>,
    keys: Vec<String>,
}

#[derive(Debug, Clone)]
struct Ordering {
    /// The main clause happened after the governed one ("M after S"), or before it.
    main_after: bool,
    main: Side,
    sub: Side,
    passage: Span,
    sentence: usize,
}

impl Check for DateOrder {
    fn id(&self) -> &'static str {
        "date-order"
    }

    fn description(&self) -> &'static str {
        "The text orders two events (after, before, only once) but dates them the other way round."
    }

    fn run(&self, ctx: &Context) -> Vec<Flag> {
        let text = ctx.doc.text;
        let narration = Narration::new(ctx.quotes);
        let index = dated::mention_index(ctx.people);
        // Dated expressions by start, for the dates inside a side.
        let mut dates: Vec<Dates> = ctx
            .times
            .iter()
            .filter(|t| dated::year_of(t).is_some())
            .filter_map(|t| {
                let (a, b) = dated::interval(t.value.as_deref()?)?;
                Some((t.span, a, b, dated::states_year(text, t)))
            })
            .collect();
        dates.sort_by_key(|d| d.0.start);
        // Earlier noun phrases: head noun → the words before it ("machine" → tunnel, boring).
        let mut phrases: HashMap<String, Vec<String>> = HashMap::new();
        let mut events: Vec<Dated> = Vec::new();
        let mut orders: Vec<Ordering> = Vec::new();
        for (si, sent) in ctx.doc.sentences.iter().enumerate() {
            let first = dates.partition_point(|d| d.0.start < sent.start);
            let here = &dates[first..dates.partition_point(|d| d.0.start < sent.end)];
            let raw = sent.text(text);
            let may_order = ["after", "before", "once", "following", "prior"]
                .iter()
                .any(|w| raw.contains(w) || raw.contains(&capitalised(w)));
            if here.is_empty() && !may_order {
                record_phrases(&mut phrases, raw);
                continue;
            }
            let low = lower(&narration.text(text, *sent)).into_owned();
            let view = View {
                sentence: dated::View {
                    low: &low,
                    base: sent.start,
                },
                orig: text,
                index: &index,
            };
            for &d in here.iter().take(16) {
                if events.len() >= MAX_EVENTS {
                    break;
                }
                if view.blank(d.0.start) {
                    continue;
                }
                if let Some(e) = dated_event(&view, *sent, d, si, &phrases) {
                    events.push(e);
                }
            }
            if may_order && orders.len() < MAX_ORDERS {
                orderings(&view, *sent, si, here, &phrases, &mut orders);
            }
            record_phrases(&mut phrases, raw);
        }
        orders.truncate(MAX_ORDERS);
        let mut flags = Vec::new();
        for o in &orders {
            let Some(found) = contradiction(o, &events) else {
                continue;
            };
            let (dated_side, other) = found;
            let order = if o.main_after { "after" } else { "before" };
            let message = match other {
                Some(e) => format!(
                    "“{}” puts one event {order} the other, but “{}” dates the undated one the other way round.",
                    o.passage.text(text),
                    e.passage.text(text)
                ),
                None => format!(
                    "“{}” puts one event {order} the other, but its own dates run the other way round.",
                    o.passage.text(text)
                ),
            };
            let mut evidence = vec![o.passage];
            if let Some(e) = other {
                evidence.push(e.passage);
            }
            let reason = match (dated_side, other) {
                (Some(w), Some(_)) => format!(
                    "the undated side and the dated passage name one event (a {} verb, and both speak of “{}”)",
                    o.undated()
                        .verbs
                        .first()
                        .map_or("matching", |v| v.trim_start_matches("kind:").trim_start_matches('+')),
                    w
                ),
                _ => "both sides of the order are dated in the same sentence".to_string(),
            };
            flags.push(Flag {
                kind: self.id().to_string(),
                message,
                reason,
                confidence: 0.55,
                evidence,
                fact: None,
                links: Vec::new(),
            });
        }
        flags
    }
}

impl Ordering {
    fn undated(&self) -> &Side {
        if self.main.date.is_none() {
            &self.main
        } else {
            &self.sub
        }
    }
}

/// Whether the main clause's days and the governed clause's days break the order.
fn breaks(main_after: bool, m: (NaiveDate, NaiveDate), s: (NaiveDate, NaiveDate)) -> bool {
    if main_after {
        m.1 < s.0
    } else {
        m.0 > s.1
    }
}

/// The contradiction an ordering holds, if any: `(Some(shared word), Some(event))` for a
/// side dated elsewhere, `(None, None)` for two dates in the sentence itself.
fn contradiction<'e>(
    o: &Ordering,
    events: &'e [Dated],
) -> Option<(Option<String>, Option<&'e Dated>)> {
    match (o.main.date, o.sub.date) {
        // Two dates in one sentence are judged only when both state their year: a weekday
        // or a named day ("after Super Tuesday") is the time stage's guess.
        (Some(m), Some(s)) => {
            (o.main.stated && o.sub.stated && breaks(o.main_after, m, s)).then_some((None, None))
        }
        (Some(_), None) | (None, Some(_)) => {
            // Only dates whose words state their year: a resolved "the previous weekend"
            // is the time stage's reading, not the writer's date.
            if !(o.main.stated || o.sub.stated) {
                return None;
            }
            let u = o.undated();
            let matches: Vec<(&Dated, &str)> = events
                .iter()
                .filter(|e| {
                    e.sentence != o.sentence && e.stated && same_act(&u.verbs, &u.keys, &e.verbs)
                })
                .filter(|e| match (u.person, e.person) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                })
                .filter_map(|e| {
                    let w = u.keys.iter().find(|k| e.keys.contains(k))?;
                    Some((e, w.as_str()))
                })
                .collect();
            if matches.is_empty() {
                return None;
            }
            let fits = |e: &Dated| {
                let d = (e.from, e.to);
                match (o.main.date, o.sub.date) {
                    (Some(m), None) => !breaks(o.main_after, m, d),
                    (None, Some(s)) => !breaks(o.main_after, d, s),
                    _ => true,
                }
            };
            if matches.iter().any(|(e, _)| fits(e)) {
                return None;
            }
            let (e, w) = matches
                .iter()
                .min_by_key(|(e, _)| e.sentence.abs_diff(o.sentence))?;
            Some((Some(w.to_string()), Some(*e)))
        }
        (None, None) => None,
    }
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

crate::lexicon::word_set!(
    /// Determiners that open a noun phrase whose words a later "the <noun>" may borrow.
    DETERMINERS,
    crate::lexicon::CHECK_GRAMMAR,
    "phrase_determiners"
);

/// Records the sentence's noun phrases "<determiner> w1 [w2] head": head → [w1, w2].
/// Bounded: at most three words after each determiner.
fn record_phrases(phrases: &mut HashMap<String, Vec<String>>, raw: &str) {
    let words: Vec<&str> = raw
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .collect();
    for (i, w) in words.iter().enumerate() {
        if !DETERMINERS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        let np: Vec<String> = words[i + 1..]
            .iter()
            .take(3)
            .take_while(|x| !x.is_empty() && x.chars().all(|c| !c.is_uppercase()))
            .map_while(|x| dated::key(x))
            .collect();
        if np.len() >= 2 {
            if let Some((head, mods)) = np.split_last() {
                phrases.insert(head.clone(), mods.to_vec());
            }
        }
    }
}

/// The keys of some words, with what a definite noun borrows from its earlier phrase,
/// without the words that only give the verb's kind and without names: a name says who
/// acted, not which of their acts ("Grayson" is in many clauses about Grayson).
fn side_keys(words: &[Word], phrases: &HashMap<String, Vec<String>>, view: &View) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for (j, w) in words.iter().enumerate() {
        // A gerund stays a content word too ("drilling under the river" and "their
        // drilling rig"); only the kind verbs, which many clauses share, are left out.
        if kind_of(&w.low).is_some() || (w.span.start != view.base && view.capitalised(w.span)) {
            continue;
        }
        let Some(k) = dated::key(&w.low) else {
            continue;
        };
        let definite = j > 0 && matches!(words[j - 1].low.as_str(), "the" | "this" | "that");
        if definite {
            if let Some(mods) = phrases.get(&k) {
                keys.extend(mods.iter().cloned());
            }
        }
        keys.push(k);
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A dated event: the nearest verb of a known kind before the date in its clause.
fn dated_event(
    view: &View,
    sent: Span,
    (date, from, to, stated): Dates,
    sentence: usize,
    phrases: &HashMap<String, Vec<String>>,
) -> Option<Dated> {
    let before = view.before(sent, date.start, 9);
    let k = (0..before.len())
        .rev()
        .find(|&k| verb_at(&before, k).is_some())?;
    if before[k + 1..]
        .iter()
        .any(|w| CLAUSE_TURNS.contains(&w.low.as_str()))
    {
        return None;
    }
    let verb = verb_at(&before, k)?;
    Some(Dated {
        stated,
        person: dated::person_near(view.index, sent, before[k].span.start),
        verbs: vec![verb],
        keys: side_keys(&before, phrases, view),
        from,
        to,
        passage: Span::new(before[k].span.start, date.end),
        sentence,
    })
}

/// The orderings of one sentence.
fn orderings(
    view: &View,
    sent: Span,
    sentence: usize,
    here: &[Dates],
    phrases: &HashMap<String, Vec<String>>,
    out: &mut Vec<Ordering>,
) {
    let low = view.get(sent.start, sent.end);
    for c in ORDER_RE.captures_iter(low) {
        if out.len() >= MAX_ORDERS {
            return;
        }
        let (Some(m), Some(w)) = (c.get(0), c.name("w")) else {
            continue;
        };
        let only = c.name("only").map(|o| o.as_str());
        if w.as_str() == "once" && only != Some("only") {
            continue;
        }
        let main_after = w.as_str() != "before" && !w.as_str().starts_with("prior");
        let (cs, ce) = (sent.start + m.start(), sent.start + m.end());
        let pre = view.before(sent, cs, SIDE_WORDS);
        let post = view.after(sent, ce, SIDE_WORDS);
        // "after two years", "before the end of the month": a distance or a span.
        if post
            .iter()
            .take(3)
            .any(|w| UNITS.contains(&w.low.as_str()) || w.low == "end")
        {
            continue;
        }
        // "two years after the flood": a distance from the event, not an order of two.
        if pre.last().is_some_and(|w| UNITS.contains(&w.low.as_str())) {
            continue;
        }
        let n = pre.len();
        let cleft =
            n >= 2 && pre[n - 2].low == "it" && matches!(pre[n - 1].low.as_str(), "was" | "is");
        let (main_words, sub_words) = if cleft {
            let Some(t) = post.iter().position(|w| w.low == "that") else {
                continue;
            };
            let rest = view.after(sent, post[t].span.end, SIDE_WORDS);
            (rest, post[..t].to_vec())
        } else if pre.is_empty() && !view.get(sent.start, cs).contains(',') {
            // "After S, M": the main clause follows the governed one's comma.
            let Some(last) = post.last() else { continue };
            let rest = view.get(last.span.end, sent.end);
            let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
            (
                view.after(sent, last.span.end + skip, SIDE_WORDS),
                post.clone(),
            )
        } else if pre.is_empty() {
            // "M, before S": the main clause is the one before the comma.
            let gap = view.get(sent.start, cs);
            let comma = sent.start + gap.trim_end().len().saturating_sub(1);
            (view.before(sent, comma, SIDE_WORDS), post.clone())
        } else {
            (pre.clone(), post.clone())
        };
        let (Some(m0), Some(m1), Some(s0), Some(s1)) = (
            main_words.first(),
            main_words.last(),
            sub_words.first(),
            sub_words.last(),
        ) else {
            continue;
        };
        let main_span = Span::new(m0.span.start, m1.span.end);
        let mut sub_span = Span::new(s0.span.start, s1.span.end);
        // ", in the summer of 2022" right after the governed clause dates it.
        let tail = view.get(sub_span.end, sent.end);
        if let Some(r) = tail
            .strip_prefix(", in ")
            .or_else(|| tail.strip_prefix(", on "))
        {
            let at = sub_span.end + (tail.len() - r.len());
            if let Some(d) = here
                .iter()
                .find(|d| d.0.start >= at && d.0.start <= at + 12)
            {
                sub_span = Span::new(sub_span.start, d.0.end);
            }
        }
        let Some(main_date) = side_date(here, main_span) else {
            continue;
        };
        let Some(sub_date) = side_date(here, sub_span) else {
            continue;
        };
        let side = |words: &[Word], span: Span, date: Option<(NaiveDate, NaiveDate)>| Side {
            span,
            date,
            stated: here.iter().any(|d| span.contains(&d.0) && d.3),
            person: dated::person_near(view.index, sent, span.start),
            verbs: (0..words.len()).filter_map(|k| verb_at(words, k)).collect(),
            keys: side_keys(words, phrases, view),
        };
        let main = side(&main_words, main_span, main_date);
        let sub = side(&sub_words, sub_span, sub_date);
        let passage = main.span.cover(&sub.span).cover(&Span::new(cs, ce));
        out.push(Ordering {
            main_after,
            main,
            sub,
            passage,
            sentence,
        });
    }
}

/// The one date inside a side: `Some(None)` when it has none, `None` when it has two
/// different ones (which of them the order speaks of is unclear).
fn side_date(here: &[Dates], span: Span) -> Option<Option<(NaiveDate, NaiveDate)>> {
    let mut inside = here
        .iter()
        .filter(|d| span.contains(&d.0))
        .map(|d| (d.1, d.2));
    let first = inside.next();
    if inside.any(|d| Some(d) != first) {
        return None;
    }
    Some(first)
}

/// A sentence's narration ([`dated::View`]) with what this check also reads of it.
struct View<'v> {
    sentence: dated::View<'v>,
    /// The whole document text, for the original case of a word.
    orig: &'v str,
    /// The people stage's mentions ([`dated::mention_index`]).
    index: &'v [(Span, usize)],
}

impl<'v> std::ops::Deref for View<'v> {
    type Target = dated::View<'v>;

    fn deref(&self) -> &dated::View<'v> {
        &self.sentence
    }
}

impl View<'_> {
    /// Whether the word at `span` starts with a capital in the original text.
    fn capitalised(&self, span: Span) -> bool {
        self.orig
            .get(span.start..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(text: &str) -> Vec<Flag> {
        crate::checks::testing::analyzed_flags(text, "2024-05-02", "date-order")
    }

    #[test]
    fn fires_when_the_undated_side_is_dated_elsewhere_the_other_way() {
        let t = "Ines Lund opened the bakery in 2015 after leaving her job at the flour mill.\n\nThe bakery now has 12 staff. Lund quit the mill in the spring of 2019, she said.";
        let f = flags(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].evidence.len(), 2);
        assert_eq!(
            f[0].evidence[1].text(t),
            "quit the mill in the spring of 2019"
        );
    }

    #[test]
    fn fires_through_an_earlier_noun_phrase_and_a_trailing_date() {
        let t = "Drilling under the river began only once the north shaft had been finished, in the autumn of 2021, engineers said.\n\nThe crew named their drilling rig Bess. The rig started work in May 2020.";
        assert_eq!(flags(t).len(), 1);
    }

    #[test]
    fn fires_on_a_comma_before_the_order_word_and_on_a_derived_noun() {
        for t in [
            "Construction began in 2019, before the council approved the plans.\n\nThe council approved the plans in March 2018.",
            "Following his resignation from the board, Dunn launched a rival firm in 2012.\n\nDunn resigned from the board in 2014.",
            "Vera Holm moved to Oslo in 2015 after selling her shop in Bergen. She sold the shop in 2017.",
        ] {
            assert_eq!(flags(t).len(), 1, "{t}");
        }
    }

    #[test]
    fn near_misses_stay_silent() {
        for t in [
            // The order fits the dates.
            "Ines Lund opened the bakery in 2015 after leaving her job at the flour mill. Lund quit the mill in 2013.",
            // Same year: the stretches overlap.
            "Ines Lund opened the bakery in 2015 after leaving her job at the flour mill. Lund quit the mill in March 2015.",
            // A catenative verb and a name are no link: "began seeing" is not the event.
            "After she began seeing Ruiz, his staff in 2014 kept her away. Ruiz started to become unpopular in 2012.",
            // Two dates in the sentence, one of them a weekday the time stage resolved.
            "Ruiz won the primary in February after the debate on Tuesday.",
            // No shared word: another leaving.
            "Ines Lund opened the bakery in 2015 after leaving her job at the flour mill. Her brother quit the army in 2019.",
            // A distance, not an order of two events.
            "Ines Lund opened the bakery in 2015, two years after a flood. She quit the mill in 2019.",
            // Another act of the same kind on the same board: resigning is not joining.
            "Following his resignation from the board, Dunn launched a rival firm in 2012. Dunn joined the board in 2014.",
            // Inside a quotation.
            "“I opened the bakery in 2015 after leaving the mill,” Lund said. She quit the mill in 2019.",
        ] {
            assert!(flags(t).is_empty(), "{t}");
        }
    }
}
