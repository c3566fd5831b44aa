//! Place claims: "event E happened at place P".
//!
//! Input: the document's sentences and tokens, the people stage's person mentions and
//! named things, the time stage's expressions (none of them can be a place), the quotes
//! stage's direct quotations (a claim inside one is marked quoted), the WordNet event
//! groups ([`super::events`]), the places lexicon (`people::lexicon`), the dateline cities
//! of `data/city_zones.tsv` and the venue words of `data/venue_heads.txt`.
//! Output: [`Claim`]s with a [`Place`] value, and [`containment`]: the pairs of names the
//! article itself nests ("a hotel in Singapore's Marina Bay district": Marina Bay in
//! Singapore).
//!
//! Three shapes are read, each bounded to one sentence:
//! - a preposition and a place: "at a filling station in Bela-Bela", "at the Memorial
//!   Domain", "in Singapore's Marina Bay district", "in the city's Almagro district" (the
//!   city read as the last city named before); the event is what the clause before it
//!   names ("gunmen blew open a van", "In the attack", "signed the agreement");
//! - a place name before an event noun: "the Kuala Lumpur signing";
//! - a place name before a noun and a "where" clause: "the Modimolle filling station where
//!   Thursday's robbery took place".
//!
//! Why tokens and not a regex on the raw text: the names are the capitalised runs the
//! people stage did not take as people, the times stage did not take as dates; those
//! decisions are already made on the tokens.

use super::events::{self, words_of};
use super::{Attribute, Claim, EventRef, Input, Place, Qualifier, Subject, Value};
use crate::model::EntityKind;
use crate::span::Span;
use crate::text::TokenKind;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words read back from the preposition for the event the place belongs to: enough for
/// "In the attack, gunmen blew open an armoured van at", short enough that a noun of
/// another clause is rarely taken for the event.
const CLAUSE_WORDS: usize = 9;
/// Lower-case words allowed between the preposition and "in <town>" ("a filling station").
const VENUE_NOUN_WORDS: usize = 4;
/// Claims kept per document (linear on hostile input; news has a handful).
const MAX_CLAIMS: usize = 200;
/// Words a place name can have ("Kuala Lumpur", "Rio Grande do Sul" is four with its
/// particle, which is not capitalised, so two runs). A longer run of capitalised words is a
/// headline or a list, not a place, and refusing it keeps reading names at every token of
/// the run linear (50,000 capitalised words took 17 s before).
const MAX_NAME_WORDS: usize = 6;

static VENUE_HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::VENUE_HEADS.word_set(None));

/// Cities (lower case) from the dateline zone table: a place known to be a city, so "the
/// city's" can point at it and two of them are two towns.
static CITIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::CITY_ZONES
        .ok_rows()
        .map(|r| r.col(0))
        .collect()
});

crate::lexicon::word_set!(
    DETERMINERS,
    crate::lexicon::FACT_GRAMMAR,
    "place_determiners"
);
crate::lexicon::word_set!(
    /// Words that cannot be part of a lower-case venue phrase ("a filling station").
    NOT_VENUE_WORDS,
    crate::lexicon::FACT_GRAMMAR,
    "not_venue_words"
);
crate::lexicon::word_set!(
    /// A sentence holding one of these tells a planned, conditional or reported-possible
    /// event: its places are not facts.
    HYPOTHETICAL,
    crate::lexicon::FACT_GRAMMAR,
    "place_hypothetical"
);
crate::lexicon::word_set!(
    /// A sentence holding one of these tells a change of place.
    MOVES,
    crate::lexicon::FACT_GRAMMAR,
    "place_moves"
);
crate::lexicon::word_set!(
    /// Generic town nouns a possessive may stand for ("the city's Almagro district").
    TOWN_NOUNS,
    crate::lexicon::FACT_GRAMMAR,
    "town_nouns"
);

pub fn is_venue_name(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| VENUE_HEADS.contains(w.to_lowercase().as_str()))
}

pub fn is_city(name: &str) -> bool {
    CITIES.contains(name.to_lowercase().as_str())
}

/// A place the lexicons know (a country, region or city): may contain an unknown name.
pub fn is_known_place(name: &str) -> bool {
    let lex = crate::people::lexicon::lexicon();
    is_city(name) || name.split_whitespace().all(|w| lex.is_place(w))
}

/// One sentence's tokens with the facts needed to read names.
struct Sent<'a> {
    text: &'a str,
    toks: Vec<(Span, TokenKind)>,
    /// Token is capitalised and free (no person, time or organisation holds it).
    free_cap: Vec<bool>,
}

impl<'a> Sent<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.1 == TokenKind::Word)
            .map(|t| t.0.text(self.text))
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn lower_word(&self, i: usize) -> Option<&'a str> {
        self.word(i)
            .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
    }
    fn punct(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.1 == TokenKind::Punct)
            .map(|t| t.0.text(self.text))
    }

    /// A run of free capitalised words from `i`: (name, end index exclusive, possessive).
    /// A possessive word ends the run ("Singapore's"); a run longer than `MAX_NAME_WORDS`
    /// is no name.
    fn name_at(&self, i: usize) -> Option<(String, usize, bool)> {
        let mut j = i;
        let mut parts: Vec<&str> = Vec::new();
        let mut possessive = false;
        while j < self.toks.len() && self.free_cap[j] {
            if parts.len() == MAX_NAME_WORDS {
                return None;
            }
            let w = self.word(j)?;
            if let Some(b) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
                parts.push(b);
                possessive = true;
                j += 1;
                break;
            }
            parts.push(w);
            j += 1;
        }
        (!parts.is_empty()).then(|| (parts.join(" "), j, possessive))
    }
}

/// A place phrase read at a token: the place and the index after it.
/// A place claim read at a token, before its qualifiers: the place, the event words
/// (all, and the definite ones), the event's passage and the claim's first token.
struct Read {
    found: Found,
    words: Vec<String>,
    definite: Vec<String>,
    event: Span,
    start: usize,
}

struct Found {
    place: Place,
    end: usize,
}

crate::lexicon::word_set!(
    /// Nouns that may follow an area's name and belong to the place phrase ("the Almagro
    /// district").
    AREA_NOUNS,
    crate::lexicon::FACT_GRAMMAR,
    "area_nouns"
);

/// The index after an area noun at `end`, or `end`.
fn area_noun(s: &Sent, end: usize) -> usize {
    if s.word(end).is_some_and(|w| AREA_NOUNS.contains(&w)) {
        end + 1
    } else {
        end
    }
}

/// Reads "in <Name>('s <Name>)" / "in the city's <Name>" at `k` (the word after "in").
fn town_phrase(s: &Sent, k: usize, last_city: &Option<String>) -> Option<(Place, usize)> {
    let mut p = Place::default();
    if s.is(k, "the") && s.word(k + 1).is_some_and(|w| TOWN_NOUNS.contains(&w)) {
        let city = last_city.clone()?;
        p.town_link = Some(format!(
            "“the {}” read as {city}, the city named just before",
            s.word(k + 1)?.trim_end_matches("'s").trim_end_matches("’s")
        ));
        p.town = Some(city);
        p.evidenced = true;
        let (area, end, _) = s.name_at(k + 2)?;
        p.area = Some(area);
        return Some((p, area_noun(s, end)));
    }
    let (name, end, possessive) = s.name_at(k)?;
    // "in U.S. history", "in Washington politics": the name modifies the noun after it.
    if !possessive && modifies_next(s, end) {
        return None;
    }
    if possessive {
        p.town = Some(name);
        p.evidenced = true;
        match s.name_at(end) {
            Some((inner, e2, false)) => {
                if is_venue_name(&inner) {
                    p.venue = Some(inner);
                } else {
                    p.area = Some(inner);
                }
                Some((p, area_noun(s, e2)))
            }
            _ => None,
        }
    } else if is_venue_name(&name) {
        p.venue = Some(name);
        p.evidenced = true;
        Some((p, end))
    } else {
        p.evidenced = is_known_place(&name);
        p.town = Some(name);
        Some((p, end))
    }
}

/// Whether the lower-case word at `end` (after a name) is a noun the name modifies:
/// any lower-case word but a function word or verb-like word that can follow a place.
fn modifies_next(s: &Sent, end: usize) -> bool {
    let mut k = end;
    // "U.S." is one token and a full stop: look past the stop.
    if s.punct(k) == Some(".") {
        k += 1;
    }
    s.lower_word(k).is_some_and(|w| {
        !NOT_VENUE_WORDS.contains(&w)
            && !events::AFTER_HEAD.contains(&w)
            && !AREA_NOUNS.contains(&w)
            && !w.ends_with("ed")
            && !w.ends_with("ly")
    })
}

/// Reads a place after "at"/"in" at `i`.
fn prepositional(s: &Sent, i: usize, last_city: &Option<String>) -> Option<Found> {
    let mut k = i + 1;
    let det = s.word(k).filter(|w| DETERMINERS.contains(w));
    if det.is_some() {
        k += 1;
    }
    // "at the Memorial Domain", "in Bela-Bela", "in Singapore's Marina Bay district"
    if s.free_cap.get(k).copied().unwrap_or(false) {
        let (mut place, mut end) = if det.is_some() {
            let (name, end, possessive) = s.name_at(k)?;
            if possessive || !(is_venue_name(&name) || is_known_place(&name)) {
                return None;
            }
            let mut p = Place {
                evidenced: true,
                ..Place::default()
            };
            if is_venue_name(&name) {
                p.venue = Some(name);
            } else {
                p.town = Some(name);
            }
            (p, end)
        } else {
            town_phrase(s, k, last_city)?
        };
        // "at the Memorial Domain in Ōtaki"
        if place.venue.is_some() && place.town.is_none() && s.is(end, "in") {
            if let Some((name, e2, false)) = s.name_at(end + 1) {
                place.town = Some(name);
                end = e2;
            }
        }
        let start = s.toks[i + 1].0.start;
        place.span = Span::new(start, s.toks[end - 1].0.end);
        return Some(Found { place, end });
    }
    // "at a filling station in Bela-Bela": a lower-case venue phrase, then the town.
    det?;
    let mut j = k;
    while j < k + VENUE_NOUN_WORDS
        && s.lower_word(j)
            .is_some_and(|w| !NOT_VENUE_WORDS.contains(&w))
    {
        j += 1;
    }
    if j == k || !s.is(j, "in") {
        return None;
    }
    let (mut place, end) = town_phrase(s, j + 1, last_city)?;
    place.evidenced = true;
    place.span = Span::new(s.toks[i].0.start, s.toks[end - 1].0.end);
    Some(Found { place, end })
}

/// The event words of tokens `from..to` (word tokens only), with the definite nouns apart.
fn event_words(s: &Sent, from: usize, to: usize) -> (Vec<String>, Vec<String>) {
    let mut all = Vec::new();
    let mut definite = Vec::new();
    for k in from..to {
        let Some(w) = s.lower_word(k) else { continue };
        let next = s.word(k + 1);
        let ws = words_of(w, next);
        // "the shootings in San Bernardino": a noun right before its place is made
        // definite by that place, not by an earlier mention, so it points back at nothing.
        // "The crowd at Porirua Park" is the exception: the people present at the event
        // told, placed there.
        let attendance = ws.iter().any(|l| l == events::ATTENDANCE);
        let det =
            k > from && (k + 1 < to || attendance) && s.word(k - 1).is_some_and(events::determines);
        if det {
            // A phrase's entry is definite with its determiner ("his final days").
            let phrased = next.is_some_and(|n| events::phrase(&format!("{w} {n}")).is_some());
            definite.extend(
                ws.iter()
                    .filter(|l| phrased || !l.starts_with('+'))
                    .cloned(),
            );
        }
        all.extend(ws);
    }
    (all, definite)
}

crate::lexicon::word_set!(
    /// Words that open a clause about another event ("after a disappointing finish in New
    /// Hampshire", "but the expectations are lower"): reading back for a place's event stops
    /// at them.
    CLAUSE_OPENERS,
    crate::lexicon::FACT_GRAMMAR,
    "place_clause_openers"
);

crate::lexicon::word_set!(
    /// Words of a predicate that does nothing but place its subject ("the final was played
    /// at", "the signing took place in", "the hearing was held at").
    LOCATIVE_WORDS,
    crate::lexicon::FACT_GRAMMAR,
    "locative_words"
);

/// Whether the clause `from..i` is a definite event noun and a locative predicate: only
/// then is a definite noun before "at"/"in" a reference back to an event already told,
/// rather than a noun of another clause ("his support of waterboarding … at a rally").
fn locative_predicate(s: &Sent, from: usize, i: usize) -> bool {
    let mut k = i;
    while k > from && s.word(k - 1).is_some_and(|w| LOCATIVE_WORDS.contains(&w)) {
        k -= 1;
    }
    // At least one predicate word, then the event noun, then its determiner.
    k < i
        && k >= from + 2
        && s.lower_word(k - 1).is_some()
        && s.word(k - 2).is_some_and(events::determines)
}

/// The start of the clause ending before token `i`, at most [`CLAUSE_WORDS`] words back
/// and never before `floor` (the end of the sentence's previous place); a semicolon or a
/// clause opener ends it.
fn clause_start(s: &Sent, i: usize, floor: usize) -> usize {
    let mut k = i;
    let mut words = 0;
    while k > floor && words < CLAUSE_WORDS {
        let prev = k - 1;
        if s.punct(prev) == Some(";") || s.word(prev).is_some_and(|w| CLAUSE_OPENERS.contains(&w)) {
            break;
        }
        if s.word(prev).is_some() {
            words += 1;
        }
        k = prev;
    }
    k
}

/// The end of a clause starting at `i`: a comma, full stop, semicolon or "said".
fn clause_end(s: &Sent, i: usize) -> usize {
    let mut k = i;
    while k < s.toks.len() {
        if matches!(s.punct(k), Some("," | "." | ";" | ":")) || s.is(k, "said") {
            break;
        }
        k += 1;
    }
    k
}

/// Qualifiers of a claim in sentence `s` with its place ending at token `end`.
fn qualifiers(
    s: &Sent,
    place: &Place,
    start_tok: usize,
    end: usize,
    quotes: &[Span],
) -> Vec<Qualifier> {
    let mut q = Vec::new();
    if quotes.iter().any(|qs| qs.contains(&place.span)) {
        q.push(Qualifier::Quoted);
    }
    // A modal or a move counts in the sentence up to the end of the place's clause ("A
    // wake would be held at …"), not in a later clause ("…, Tan said the group would
    // spend").
    let scope_end = clause_end(s, end);
    let words: Vec<String> = (0..scope_end)
        .filter_map(|k| s.word(k))
        .map(|w| w.to_lowercase())
        .collect();
    if words.iter().any(|w| HYPOTHETICAL.contains(&w.as_str())) {
        q.push(Qualifier::Hypothetical);
    }
    if words.iter().any(|w| MOVES.contains(&w.as_str())) {
        q.push(Qualifier::Moved);
    }
    // "in Polokwane and in a township", "in Singapore, Malaysia and Indonesia", "X or Y"
    // Only when the place ends in a name: after "the Kuala Lumpur signing" a comma and a
    // name are the next clause.
    let ends_in_name = end > 0 && s.free_cap.get(end - 1).copied().unwrap_or(false);
    let comma_list = s.punct(end) == Some(",")
        && s.name_at(end + 1).is_some_and(|(_, e2, _)| {
            matches!(s.word(e2), Some("and" | "or")) || s.punct(e2) == Some(",")
        });
    let listed_after = ends_in_name && (matches!(s.word(end), Some("and" | "or")) || comma_list);
    let listed_before =
        start_tok > 0 && matches!(s.word(start_tok - 1), Some("and" | "or" | "between"));
    if listed_after || listed_before {
        q.push(Qualifier::Listed);
    }
    q
}

/// `spans` sorted and merged into disjoint spans, for `overlaps_any`.
fn merged(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Whether `sp` (not empty: a token) overlaps one of the disjoint, sorted `spans`: a binary search, so reading
/// every token against every person's mention stays O(n log n) on a page of thousands.
fn overlaps_any(spans: &[Span], sp: &Span) -> bool {
    let k = spans.partition_point(|s| s.end <= sp.start);
    spans.get(k).is_some_and(|s| s.overlaps(sp))
}

/// Every place claim of the document, in text order.
pub fn find(input: &Input) -> Vec<Claim> {
    let doc = input.doc;
    let text = doc.text;
    let mut blocked: Vec<Span> = Vec::new();
    for p in input.people {
        blocked.extend(p.mentions.iter().map(|m| m.span));
    }
    blocked.extend(input.times.iter().map(|t| t.span));
    for e in input.entities {
        // A name ending in a venue word is a building or ground even when the people
        // stage files it as an organisation ("Memorial Domain", "St Mary's Hospital").
        let org = matches!(e.kind, EntityKind::Organisation) && !is_venue_name(&e.name);
        if org || matches!(e.kind, EntityKind::Product | EntityKind::Work) {
            blocked.extend(e.mentions.iter().copied());
        }
    }
    let blocked = merged(blocked);
    let quotes: Vec<Span> = input
        .quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| q.span)
        .collect();
    let lex = crate::people::lexicon::lexicon();
    let mut out = Vec::new();
    let mut last_city: Option<String> = None;
    for (si, sent) in doc.sentences.iter().enumerate() {
        let toks: Vec<(Span, TokenKind)> = doc
            .sentence_tokens(si)
            .iter()
            .map(|t| (t.span, t.kind))
            .collect();
        let free_cap = toks
            .iter()
            .enumerate()
            .map(|(k, (sp, kind))| {
                let w = sp.text(text);
                *kind == TokenKind::Word
                    && k > 0
                    && w.chars().next().is_some_and(|c| c.is_uppercase())
                    && !lex.is_nationality(w)
                    && !overlaps_any(&blocked, sp)
            })
            .collect();
        let s = Sent {
            text,
            toks,
            free_cap,
        };
        let mut i = 0;
        let mut floor = 0;
        while i < s.toks.len() && out.len() < MAX_CLAIMS {
            // The city "the city" points at is the last one named before this word.
            if s.free_cap[i] {
                if let Some((name, _, _)) = s.name_at(i) {
                    if is_city(&name) {
                        last_city = Some(name);
                    }
                }
            }
            let claim = if s.is(i, "at") || s.is(i, "in") {
                prepositional(&s, i, &last_city).and_then(|f| {
                    let from = clause_start(&s, i, floor);
                    let (words, mut definite) = event_words(&s, from, i);
                    if !locative_predicate(&s, from, i) {
                        definite.retain(|w| w == events::ATTENDANCE);
                    }
                    (!words.is_empty()).then(|| {
                        let ev = Span::new(s.toks[from].0.start, s.toks[i].0.start);
                        Read {
                            found: f,
                            words,
                            definite,
                            event: ev,
                            start: i,
                        }
                    })
                })
            } else if s.word(i).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                premodified(&s, i)
            } else {
                None
            };
            if let Some(Read {
                found,
                words,
                definite,
                event: ev_span,
                start: start_tok,
            }) = claim
            {
                let qualifiers = qualifiers(&s, &found.place, start_tok, found.end, &quotes);
                let evidence = ev_span.cover(&found.place.span);
                let restrictive = ev_span == found.place.span;
                out.push(Claim {
                    subject: Subject::Event(EventRef {
                        words,
                        definite,
                        restrictive,
                        span: ev_span,
                    }),
                    attribute: Attribute::Place,
                    value: Value::Place(found.place),
                    qualifiers,
                    evidence,
                    sentence: si,
                    confidence: 0.6,
                });
                i = found.end.max(i + 1);
                floor = i;
                continue;
            }
            let _ = sent;
            i += 1;
        }
    }
    out
}

/// "the Kuala Lumpur signing", "the Modimolle filling station where Thursday's robbery
/// took place" at `i` ("the"): (place, event words, definite words, event span, start).
fn premodified(s: &Sent, i: usize) -> Option<Read> {
    let (name, end, possessive) = s.name_at(i + 1)?;
    if possessive || is_venue_name(&name) {
        return None;
    }
    let mut j = end;
    while j < end + 3
        && s.lower_word(j)
            .is_some_and(|w| !NOT_VENUE_WORDS.contains(&w))
    {
        j += 1;
    }
    if j == end {
        return None;
    }
    let place = Place {
        town: Some(name.clone()),
        evidenced: true,
        span: Span::new(s.toks[i].0.start, s.toks[j - 1].0.end),
        ..Place::default()
    };
    if s.is(j, "where") {
        // The place's own noun is not the event; the where clause names it.
        let stop = clause_end(s, j + 1);
        let (words, definite) = event_words(s, j + 1, stop);
        if definite.is_empty() {
            return None;
        }
        let span = Span::new(s.toks[j].0.start, s.toks[stop - 1].0.end);
        let mut place = place;
        place.span = place.span.cover(&span);
        return Some(Read {
            found: Found { place, end: stop },
            words,
            definite,
            event: span,
            start: i,
        });
    }
    // The head noun itself names the event, determined by "the".
    let head = s.word(j - 1)?;
    let ws = words_of(&head.to_lowercase(), s.word(j));
    let definite: Vec<String> = ws.iter().filter(|l| !l.starts_with('+')).cloned().collect();
    // A known place name, or a gerund ("signing"): otherwise "the Labour government".
    if definite.is_empty() || !(is_known_place(&name) || head.ends_with("ing")) {
        return None;
    }
    let span = place.span;
    let mut place = place;
    // A gerund after an unknown name does not show it is a place ("the Fingersmith
    // casting").
    place.evidenced = is_known_place(&name);
    Some(Read {
        found: Found { place, end: j },
        words: ws,
        definite,
        event: span,
        start: i,
    })
}

/// Pairs of names the article nests or sets side by side as one place ("Singapore's
/// Marina Bay", "Ōtaki, New Zealand", "a hotel in Mayfair in London"), lower case.
pub fn containment(input: &Input, claims: &[Claim]) -> Vec<(String, String)> {
    let doc = input.doc;
    let text = doc.text;
    let mut pairs = Vec::new();
    for c in claims {
        let Some(p) = c.value.place() else { continue };
        let levels = [&p.town, &p.area, &p.venue];
        for a in levels.iter().copied().flatten() {
            for b in levels.iter().copied().flatten() {
                if a != b {
                    pairs.push((a.to_lowercase(), b.to_lowercase()));
                }
            }
        }
    }
    // Any "<Name>, <Name>", "<Name> in <Name>", "<Name>'s <Name>" in the article.
    for (si, _) in doc.sentences.iter().enumerate() {
        let toks: Vec<(Span, TokenKind)> = doc
            .sentence_tokens(si)
            .iter()
            .map(|t| (t.span, t.kind))
            .collect();
        let free_cap = toks
            .iter()
            .map(|(sp, kind)| {
                *kind == TokenKind::Word
                    && sp
                        .text(text)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase())
            })
            .collect();
        let s = Sent {
            text,
            toks,
            free_cap,
        };
        let mut i = 0;
        while i < s.toks.len() {
            let Some((a, end, possessive)) = s.name_at(i) else {
                i += 1;
                continue;
            };
            let next = if possessive {
                Some(end)
            } else if s.punct(end) == Some(",")
                || ["in", "near", "outside", "of"].iter().any(|w| s.is(end, w))
            {
                Some(end + 1)
            } else {
                None
            };
            if let Some((b, _, _)) = next.and_then(|n| s.name_at(n)) {
                pairs.push((a.to_lowercase(), b.to_lowercase()));
            }
            i = end;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn claims(text: &str) -> Vec<Claim> {
        let doc = Document::new(text);
        find(&Input {
            doc: &doc,
            people: &[],
            entities: &[],
            quotes: &[],
            times: &[],
        })
    }

    fn place(c: &Claim) -> &Place {
        c.value.place().unwrap()
    }

    #[test]
    fn a_venue_noun_in_a_town() {
        let cs = claims(
            "In the attack, gunmen blew open an armoured van at a filling station in Bela-Bela.",
        );
        assert_eq!(cs.len(), 1);
        assert_eq!(place(&cs[0]).town.as_deref(), Some("Bela-Bela"));
        let Subject::Event(e) = &cs[0].subject;
        assert!(e.words.contains(&"attack".to_string()));
        // Not a back-reference: the noun is not the subject of a placing predicate.
        assert!(e.definite.is_empty());
    }

    #[test]
    fn a_possessive_town_holds_an_area() {
        let cs = claims(
            "The two firms signed the agreement at a hotel in Singapore's Marina Bay district.",
        );
        let p = place(&cs[0]);
        assert_eq!(
            (p.town.as_deref(), p.area.as_deref()),
            (Some("Singapore"), Some("Marina Bay"))
        );
    }

    #[test]
    fn the_city_is_the_city_named_before() {
        let cs = claims("He played in the halls of Buenos Aires, and died on Saturday at his apartment in the city's Almagro district.");
        let p = place(cs.last().unwrap());
        assert_eq!(p.town.as_deref(), Some("Buenos Aires"));
        assert_eq!(p.area.as_deref(), Some("Almagro"));
        assert!(p.town_link.is_some());
    }

    #[test]
    fn a_premodified_gerund_and_a_where_clause() {
        let cs = claims("Speaking after the Kuala Lumpur signing, Tan said more.");
        assert_eq!(place(&cs[0]).town.as_deref(), Some("Kuala Lumpur"));
        let cs = claims("Shopkeepers near the Modimolle filling station where Thursday's robbery took place said it reopened.");
        assert_eq!(place(&cs[0]).town.as_deref(), Some("Modimolle"));
        let Subject::Event(e) = &cs[0].subject;
        assert_eq!(e.definite, vec!["robbery".to_string()]);
    }

    #[test]
    fn a_named_venue_stays_a_venue() {
        let cs = claims("The final was played at the Memorial Domain, the home ground.");
        let p = place(&cs[0]);
        assert_eq!(
            (p.venue.as_deref(), p.town.as_deref()),
            (Some("Memorial Domain"), None)
        );
    }

    #[test]
    fn qualifiers_mark_lists_moves_and_plans() {
        let cs = claims("Police made arrests in raids at houses in Polokwane and in a township.");
        assert!(cs.iter().all(|c| c.qualifiers.contains(&Qualifier::Listed)));
        let cs = claims("The wedding was later moved to a hotel in Durban.");
        assert!(cs[0].qualifiers.contains(&Qualifier::Moved));
        let cs = claims("A wake would be held on Monday at a hall in Rosario.");
        assert!(cs[0].qualifiers.contains(&Qualifier::Hypothetical));
    }

    #[test]
    fn containment_reads_the_articles_own_nesting() {
        let t = "The hotel is in Mayfair in London. OTAKI, New Zealand.";
        let doc = Document::new(t);
        let input = Input {
            doc: &doc,
            people: &[],
            entities: &[],
            quotes: &[],
            times: &[],
        };
        let pairs = containment(&input, &[]);
        assert!(pairs.contains(&("mayfair".into(), "london".into())));
    }

    #[test]
    fn a_run_longer_than_a_place_name_is_no_place() {
        let run = ["Amberlane"; MAX_NAME_WORDS + 1].join(" ");
        assert!(claims(&format!("The ferry docked in {run} on Monday.")).is_empty());
        let cs = claims("The ferry docked in Port Amberlane Quayside on Monday.");
        assert_eq!(
            place(&cs[0]).town.as_deref(),
            Some("Port Amberlane Quayside")
        );
    }

    #[test]
    fn overlap_with_merged_spans_matches_the_pairwise_test() {
        let spans = vec![
            Span::new(10, 14),
            Span::new(0, 3),
            Span::new(12, 20),
            Span::new(20, 22),
            Span::new(30, 30),
        ];
        let m = merged(spans.clone());
        assert_eq!(
            m,
            vec![Span::new(0, 3), Span::new(10, 22), Span::new(30, 30)]
        );
        for a in 0..34 {
            // Tokens are never empty; an empty query at a seam of two merged spans differs.
            for b in a + 1..36 {
                let t = Span::new(a, b);
                assert_eq!(
                    overlaps_any(&m, &t),
                    spans.iter().any(|s| s.overlaps(&t)),
                    "{a}..{b}"
                );
            }
        }
    }
}
