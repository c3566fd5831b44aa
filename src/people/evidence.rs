//! Document-level evidence: rules and the learned tagger decide together who is a person.
//!
//! Input: the name candidates, their rule verdicts, the tagger's per-token scores and the
//! alias clusters. Output: which clusters are people, and the non-people as [`Entity`]s.
//!
//! A cluster is a person when any of its mentions carries person-only context (an honorific,
//! a title right before it, a reporting verb right after it, an age in commas, a lower-case
//! role word before it): that holds for every mention in the article. Without such context
//! the tagger's person margin, averaged over all the cluster's mentions, decides, so a product
//! or a game title written like a name ("Killer Instinct") is dropped even though its words
//! are capitalised; a known given name first adds [`GIVEN_BONUS`]. A name made only of words
//! the tagger's training text writes in lower case ("Dark Knight") needs person context; one
//! with no common word gets [`RARE_BONUS`]. Before clustering, [`promote`] turns a lone rare
//! word the rules left undecided into a person when the tagger is confident.
//!
//! Example: "Dolby Atmos" (no person context, tagger: organisation) → an organisation entity;
//! "Ana Ruiz" in "Ana Ruiz, 45, said" → a person whatever the tagger says.

use super::aliases::Cluster;
use super::filter::Verdict;
use super::lexicon::lexicon;
use super::names::{is_cap_word, NameCandidate};
use super::things;
use crate::model::{Entity, EntityKind};
use crate::ner::{Class, TokenTag, CLASSES};
use crate::text::{Document, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A cluster without person context is kept when the tagger's mean person margin over its
/// mentions is at least this (margins are in the table's weight units; 0 = undecided).
pub const KEEP_MARGIN: f32 = -0.5;
/// What a known given name as the first word adds to the margin.
pub const GIVEN_BONUS: f32 = 40.0;
/// What a multi-word name none of whose words is a common word adds to the margin.
pub const RARE_BONUS: f32 = 20.0;
/// Added for a two-word name whose first word only is no ordinary word (see `keep_people`).
pub const RARE_FIRST_BONUS: f32 = 15.0;
/// Kinship and relation nouns (`data/relation_nouns.txt`).
fn relation_nouns() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::lexicon::RELATION_NOUNS.ok_words().collect())
}

/// Is `w` a kinship or relation noun ("brother", "colleague")?
pub fn relation_noun(w: &str) -> bool {
    relation_nouns().contains(w)
}

/// Context around one candidate that only people take.
pub fn person_context(doc: &Document, c: &NameCandidate) -> bool {
    c.honorific.is_some() || person_context_beside_honorific(doc, c)
}

/// [`person_context`] other than an honorific: an honorific can open a title ("Lady X", the
/// name of a film), so the people stage counts it once per name, these once per mention.
pub fn person_context_beside_honorific(doc: &Document, c: &NameCandidate) -> bool {
    let lex = lexicon();
    let text = doc.text;
    if c.lead.last().is_some_and(|&t| {
        let s = doc.tokens[t].text(text);
        lex.is_role_head(s) || lex.is_title_abbr(s)
    }) {
        return true;
    }
    let (Some(&first), Some(&last)) = (c.core.first(), c.core.last()) else {
        return false;
    };
    let at = |i: usize| doc.tokens.get(i).map(|t| t.text(text));
    // "Ruiz said", "Ruiz told reporters": not after "the"/"of" ("the Ministry said").
    let after_article = first > 0 && matches!(at(first - 1), Some("the" | "The" | "of"));
    if at(last + 1).is_some_and(|n| matches!(n, "said" | "says" | "told" | "asked" | "added"))
        && !after_article
        && !c.headline
    {
        return true;
    }
    // "“…” ― Ana Ruiz": a quotation signed with a dash.
    if first >= 2
        && at(first - 1).is_some_and(|d| matches!(d, "―" | "—" | "–" | "-"))
        && at(first - 2).is_some_and(|q| matches!(q, "”" | "\"" | "’"))
    {
        return true;
    }
    // "Ruiz, who …", "Ruiz, whose …": a relative pronoun only people take.
    if at(last + 1) == Some(",")
        && at(last + 2).is_some_and(|n| matches!(n, "who" | "whose" | "whom"))
    {
        return true;
    }
    // "Ruiz, 45,": an age in commas.
    if at(last + 1) == Some(",")
        && at(last + 3) == Some(",")
        && at(last + 2).is_some_and(|n| n.parse::<u32>().is_ok_and(|a| (1..=115).contains(&a)))
    {
        return true;
    }
    // "spokesman Ruiz": a lower-case role word right before the name.
    if first > 0 {
        let prev = &doc.tokens[first - 1];
        if prev.kind == TokenKind::Word
            && !is_cap_word(prev, text)
            && lex.is_role_head(prev.text(text))
            && !role_word_is_verb(doc, first)
        {
            return true;
        }
    }
    // "her brother Tomas Hale", "his friend Ana Ruiz": a relation noun right before it.
    if first > 0 {
        let prev = doc.tokens[first - 1].text(text);
        if relation_nouns().contains(prev) {
            return true;
        }
    }
    // "said Ruiz": a reporting verb right before a name that ends its clause.
    if first > 0
        && at(first - 1).is_some_and(|p| matches!(p, "said" | "says"))
        && at(last + 1).is_none_or(|n| matches!(n, "." | "," | ";"))
    {
        return true;
    }
    false
}

/// Whether the role word right before the name at token `first` is a verb: after "to" or a
/// modal ("able to engineer X", "will host X"), it takes an object, not a person's title.
pub fn role_word_is_verb(doc: &Document, first: usize) -> bool {
    first >= 2
        && matches!(
            doc.tokens[first - 2].text(doc.text),
            "to" | "will" | "would" | "can" | "could" | "may" | "might" | "must" | "should"
        )
}

/// The tagger's mean person margin over a candidate's name tokens.
fn margin(tags: &[TokenTag], c: &NameCandidate) -> f32 {
    let ms: Vec<f32> = c
        .core
        .iter()
        .filter_map(|&i| tags.get(i).map(TokenTag::person_margin))
        .collect();
    if ms.is_empty() {
        0.0
    } else {
        ms.iter().sum::<f32>() / ms.len() as f32
    }
}

/// A lone word the rules left undecided becomes a person above this margin, when it is
/// neither a common word nor a given name (a given name alone is an alias or ambiguous).
pub const PROMOTE_MARGIN: f32 = 20.0;

/// Rule verdicts adjusted by the tagger: a confident person margin turns an undecided lone
/// rare word ("Lizarazu" in a line-up) into a person.
pub fn promote(tags: &[TokenTag], cands: &[NameCandidate], verdicts: &mut [Verdict]) {
    let Some(m) = crate::ner::model() else {
        return;
    };
    if tags.is_empty() {
        return;
    }
    for (c, v) in cands.iter().zip(verdicts.iter_mut()) {
        if *v == Verdict::MaybeAlias
            && !c.headline
            && !c.sentence_initial
            && c.words.len() == 1
            && !m.is_common_word(&c.words[0])
            && !lexicon().is_given(&c.words[0])
            && margin(tags, c) >= PROMOTE_MARGIN
        {
            *v = Verdict::Person;
        }
    }
}

/// Person and thing votes of one cluster: each mention with person-only context gives one
/// person vote (an honorific alone, once per cluster), each person description one more;
/// thing votes come from [`things::votes`].
/// Returns (person votes, thing votes, person votes from the mentions' contexts).
fn cluster_votes(doc: &Document, cands: &[NameCandidate], cl: &Cluster) -> (u32, u32, u32) {
    let mut person = 0u32;
    let mut thing = 0u32;
    let mut honorific_counted = false;
    let mut determiner_counted = false;
    // A known given name before a surname is a person's name on its own evidence: one vote,
    // which a weak cue alone ("the Ruiz email matter") does not outweigh.
    let given = u32::from(cl.words.len() >= 2 && lexicon().is_given(&cl.words[0]));
    for &m in &cl.members {
        let c = &cands[m];
        if person_context_beside_honorific(doc, c) {
            person += 1;
        } else if c.honorific.is_some() && !honorific_counted {
            person += 1;
            honorific_counted = true;
        }
        let v = things::votes(doc, c);
        if v.determiner && !determiner_counted {
            thing += 1;
            determiner_counted = true;
        }
        thing += v.thing;
        person += u32::from(v.person);
    }
    (person + given, thing, person)
}

/// How many items of a comma list ("A, B and C") on each side of a mention are read.
const LIST_ITEMS: usize = 4;
/// A list with this many non-person names around a name is strong evidence against it.
const LONG_LIST: u32 = 3;
/// How many tokens one list item may hold.
const LIST_ITEM_TOKENS: usize = 3;

/// The list around candidate `c`: (items that are people, items that are not), from the
/// people kept so far (`person_at[token]`). Items are separated by ",", "and", "or".
fn list_items(doc: &Document, c: &NameCandidate, person_at: &[bool]) -> (u32, u32) {
    let (Some(&first), Some(&last)) = (c.core.first(), c.core.last()) else {
        return (0, 0);
    };
    let Some(si) = doc.sentence_at(doc.tokens[first].span.start) else {
        return (0, 0);
    };
    let range = doc.sentence_tokens.get(si).cloned().unwrap_or(0..0);
    let sep = |i: usize| matches!(doc.tokens[i].text(doc.text), "," | "and" | "or" | "&");
    let mut people = 0;
    let mut others = 0;
    // An item is name-like when each of its words has a capital or a digit ("ReactJS",
    // "Angular2", "openSUSE"); any other item means the commas do not join names.
    let name_like = |item: &[usize]| {
        !item.is_empty()
            && item.iter().all(|&i| {
                let t = &doc.tokens[i];
                let w = t.text(doc.text);
                t.kind == TokenKind::Word && w.chars().any(char::is_uppercase)
                    || t.kind == TokenKind::Word
                        && w.chars().any(|ch| ch.is_ascii_digit())
                        && w.chars().any(char::is_alphabetic)
            })
    };
    let mut judge = |item: &[usize]| -> bool {
        if !name_like(item) {
            return false;
        }
        if item
            .iter()
            .any(|&i| person_at.get(i).copied().unwrap_or(false))
        {
            people += 1;
        } else {
            others += 1;
        }
        true
    };
    let word_like = |i: usize| name_like(&[i]) && doc.tokens[i].kind == TokenKind::Word;
    // Rightwards: after each separator, the run of name-like words that follows is an item;
    // a run that does not end at a separator ends the list.
    let mut k = last + 1;
    for _ in 0..LIST_ITEMS {
        if k >= range.end || !sep(k) {
            break;
        }
        while k < range.end && sep(k) {
            k += 1;
        }
        let start = k;
        while k < range.end && k - start < LIST_ITEM_TOKENS && word_like(k) {
            k += 1;
        }
        let item: Vec<usize> = (start..k).collect();
        if !judge(&item) {
            break;
        }
    }
    // Leftwards, the same. A name after "Title:" inside the list ("…, Night Train: Ana
    // Ruiz, …") is a subtitle: its item starts at the title.
    let mut k = first;
    if k > range.start + 1 && doc.tokens[k - 1].text(doc.text) == ":" {
        let end = k - 1;
        let mut j = end;
        while j > range.start && end - j < LIST_ITEM_TOKENS && word_like(j - 1) {
            j -= 1;
        }
        if j < end && j > range.start && sep(j - 1) {
            k = j;
        }
    }
    for _ in 0..LIST_ITEMS {
        if k <= range.start || !sep(k - 1) {
            break;
        }
        while k > range.start && sep(k - 1) {
            k -= 1;
        }
        let end = k;
        while k > range.start && end - k < LIST_ITEM_TOKENS && word_like(k - 1) {
            k -= 1;
        }
        let item: Vec<usize> = (k..end).collect();
        if !judge(&item) {
            break;
        }
    }
    (people, others)
}

/// "Bobby (a splendid Willem Dafoe)": a name followed by a parenthesis that ends with another
/// person's name is a character that person plays. `person_of[token]` is the kept cluster a
/// token names; `own` is this candidate's cluster.
fn played_by(doc: &Document, c: &NameCandidate, person_of: &[Option<usize>], own: usize) -> bool {
    let Some(&last) = c.core.last() else {
        return false;
    };
    let tok = |i: usize| doc.tokens.get(i).map(|t| t.text(doc.text));
    if tok(last + 1) != Some("(") {
        return false;
    }
    let close = (last + 2..(last + 12).min(doc.tokens.len())).find(|&k| tok(k) == Some(")"));
    let Some(close) = close else {
        return false;
    };
    close >= last + 3
        && person_of
            .get(close - 1)
            .copied()
            .flatten()
            .is_some_and(|p| p != own)
}

/// Splits clusters into people (kept, in order) and dropped ones; returns the people.
///
/// A cluster whose thing votes outnumber its person votes is dropped whatever the tagger
/// says. A second reading, once the first has decided who the people are, adds thing votes
/// for a character ("Bobby (Willem Dafoe)") and for a name listed among things ("ReactJS,
/// Docker and Ansible"), the latter only for a name no context marks as a person.
pub fn keep_people(
    doc: &Document,
    tags: &[TokenTag],
    cands: &[NameCandidate],
    clusters: Vec<Cluster>,
    dropped: &mut Vec<usize>,
) -> Vec<Cluster> {
    if tags.is_empty() {
        return clusters;
    }
    let lex = lexicon();
    let mut keep: Vec<bool> = Vec::with_capacity(clusters.len());
    let mut votes: Vec<(u32, u32, u32)> = Vec::with_capacity(clusters.len());
    for cl in &clusters {
        let (person, thing, context) = cluster_votes(doc, cands, cl);
        votes.push((person, thing, context));
        let context = context > 0;
        let mean = cl
            .members
            .iter()
            .map(|&m| margin(tags, &cands[m]))
            .sum::<f32>()
            / cl.members.len().max(1) as f32;
        // A known given name first ("Florence Pugh") is evidence the tagger, trained on
        // news where such words are often places, underrates.
        // So is an initial first ("A. Dale" on a scorecard).
        let given = cl.words.len() >= 2
            && (lex.is_given(&cl.words[0]) || cl.members.iter().any(|&m| cands[m].initial_first));
        // No word of the name is an ordinary word ("Steffi Graf", "Ogun Temizkanoglu"): the
        // tagger has rarely seen such words, and its margin there means less.
        let rare = cl.words.len() >= 2
            && crate::ner::model().is_some_and(|m| {
                cl.words
                    .iter()
                    .all(|w| !m.is_common_word(w) && !w.ends_with('.'))
            });
        // A first word that is no ordinary word, before a surname that is one ("Ayn Rand",
        // "Claes Bang"): given names from outside our list look like this, organisations and
        // titles rarely do (their first word is usually an ordinary or a known word).
        let rare_first = !given
            && !rare
            && cl.words.len() == 2
            && crate::ner::model()
                .is_some_and(|m| !m.is_common_word(&cl.words[0]) && !cl.words[0].ends_with('.'));
        let score = mean
            + if given { GIVEN_BONUS } else { 0.0 }
            + if rare { RARE_BONUS } else { 0.0 }
            + if rare_first { RARE_FIRST_BONUS } else { 0.0 };
        // Every word an ordinary lower-case word of the training text ("Killer Instinct",
        // "Dark Knight"): a title or a product, unless the text treats it as a person.
        let common = !given
            && cl.words.len() >= 2
            && crate::ner::model().is_some_and(|m| cl.words.iter().all(|w| m.is_common_word(w)));
        let kept = thing <= person && (context || score >= KEEP_MARGIN && !common);
        keep.push(kept);
    }
    // Second reading, against the people of the first.
    let mut person_of: Vec<Option<usize>> = vec![None; doc.tokens.len()];
    for (ci, cl) in clusters.iter().enumerate() {
        if keep[ci] {
            for &m in &cl.members {
                for &t in &cands[m].core {
                    if let Some(p) = person_of.get_mut(t) {
                        *p = Some(ci);
                    }
                }
            }
        }
    }
    let person_at: Vec<bool> = person_of.iter().map(Option::is_some).collect();
    let families = thing_families(cands, &clusters, &keep, dropped);
    let lower_words = lower_case_words(doc);
    let mut second = keep.clone();
    for (ci, cl) in clusters.iter().enumerate() {
        if !keep[ci] {
            continue;
        }
        let (person, mut thing, context) = votes[ci];
        if context == 0 && of_thing_family(&cl.words, &families) {
            thing += things::STRONG;
        }
        if context == 0 && plural_of_common_noun(&cl.words, &lower_words) {
            thing += things::STRONG;
        }
        for &m in &cl.members {
            let c = &cands[m];
            if played_by(doc, c, &person_of, ci) {
                thing += things::STRONG;
            }
            if context == 0 {
                let (people, others) = list_items(doc, c, &person_at);
                if people == 0 && others >= 2 {
                    thing += if others >= LONG_LIST {
                        things::STRONG
                    } else {
                        1
                    };
                }
            }
        }
        second[ci] = thing <= person;
    }
    let mut out = Vec::with_capacity(clusters.len());
    for (cl, k) in clusters.into_iter().zip(second) {
        if k {
            out.push(cl);
        } else {
            dropped.extend(cl.members.iter().copied());
        }
    }
    out
}

/// The first words of the article's multi-word names that are not people ("Chozo" of
/// "Chozo Colony", "Metroid" of "Metroid Prime"), known given names left out ("Al" of "Al
/// Jazeera" still starts "Al Gore").
fn thing_families(
    cands: &[NameCandidate],
    clusters: &[Cluster],
    keep: &[bool],
    dropped: &[usize],
) -> HashSet<String> {
    let lex = lexicon();
    let dropped_clusters = clusters
        .iter()
        .zip(keep)
        .filter(|(_, &k)| !k)
        .flat_map(|(cl, _)| cl.members.iter().copied());
    dropped
        .iter()
        .copied()
        .chain(dropped_clusters)
        .filter_map(|i| {
            let w = &cands[i].words;
            (w.len() >= 2 && !lex.is_given(&w[0]) && !w[0].ends_with('.')).then(|| w[0].clone())
        })
        .collect()
}

/// A name of a thing's family: its first word starts a name the article gives a thing
/// ("Chozo Warriors" beside "Chozo Colony"), or one of its words is that first word in the
/// plural ("Omega Metroids" beside "Metroid Prime"). People's names do not share a first
/// word that is no given name with organisations, games or places, and they are not
/// written in the plural of one.
fn of_thing_family(words: &[String], families: &HashSet<String>) -> bool {
    let lex = lexicon();
    let Some(first) = words.first() else {
        return false;
    };
    !lex.is_given(first) && families.contains(first)
        || words
            .iter()
            .any(|w| w.strip_suffix('s').is_some_and(|x| families.contains(x)))
}

/// The words the document writes in lower case (its ordinary words).
fn lower_case_words<'a>(doc: &Document<'a>) -> HashSet<&'a str> {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(doc.text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// "Hatchling Eggs", "Omega Drones": a name without a known given name whose last word is
/// the plural of a noun the same text writes in lower case ("the eggs", "a drone") names a
/// group of things or creatures, when its first word is an ordinary word too. A surname in
/// the plural form of an ordinary noun ("Woods", "Banks") comes after a given name, or
/// takes person context, which this does not read.
fn plural_of_common_noun(words: &[String], lower: &HashSet<&str>) -> bool {
    let lex = lexicon();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // The first word an ordinary word too ("Hatchling", "Omega"): a rare first word is a
    // given name from outside our list ("Jearl Miles").
    if words.len() < 2
        || lex.is_given(first)
        || !crate::ner::model().is_some_and(|m| m.is_common_word(first))
    {
        return false;
    }
    let l = last.to_lowercase();
    let Some(singular) = l.strip_suffix('s').filter(|s| s.chars().count() >= 3) else {
        return false;
    };
    !l.ends_with("ss") && (lower.contains(l.as_str()) || lower.contains(singular))
}

/// What the tagger says a non-person candidate is, when it says it is a name at all.
fn kind_of(tags: &[TokenTag], c: &NameCandidate) -> Option<EntityKind> {
    let mut sum = [0.0f32; CLASSES];
    for &i in &c.core {
        if let Some(t) = tags.get(i) {
            for (s, x) in sum.iter_mut().zip(t.scores) {
                *s += x;
            }
        }
    }
    let best = crate::ner::model::argmax(&sum);
    match Class::from_index(best) {
        Class::Org => Some(EntityKind::Organisation),
        Class::Loc => Some(EntityKind::Place),
        Class::Misc => Some(EntityKind::Other),
        // The tagger prefers "person", but the rules or the document said otherwise.
        Class::Per => Some(EntityKind::Other),
        Class::O => None,
    }
}

/// The named things that are not people: candidates the rules rejected or whose cluster was
/// dropped, which the tagger (or an organisation word) marks as names; one entity per name.
pub fn entities(
    doc: &Document,
    tags: &[TokenTag],
    cands: &[NameCandidate],
    not_people: &[usize],
) -> Vec<Entity> {
    let lex = lexicon();
    let mut out: Vec<Entity> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut ids: Vec<usize> = not_people.to_vec();
    ids.sort_by_key(|&i| cands[i].span.start);
    ids.dedup();
    for i in ids {
        let c = &cands[i];
        let org_word = c.words.last().is_some_and(|w| lex.is_org_word(w));
        let kind = match kind_of(tags, c) {
            Some(k) => k,
            None if org_word => EntityKind::Organisation,
            None => continue,
        };
        let name = doc.slice(c.span).to_string();
        let key = name.to_lowercase();
        match by_name.get(&key) {
            Some(&e) => out[e].mentions.push(c.span),
            None => {
                by_name.insert(key, out.len());
                out.push(Entity {
                    name,
                    kind,
                    mentions: vec![c.span],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::names::candidates;

    fn context_of(s: &str, name: &str) -> bool {
        let d = Document::new(s);
        let c = candidates(&d)
            .into_iter()
            .find(|c| c.words.join(" ") == name)
            .unwrap_or_else(|| panic!("no candidate {name}"));
        person_context(&d, &c)
    }

    #[test]
    fn person_only_contexts() {
        assert!(context_of("It is over, Tomas Hale said.", "Tomas Hale"));
        assert!(context_of("Then Tomas Hale, 45, left.", "Tomas Hale"));
        assert!(context_of("We met spokesman Hale there.", "Hale"));
        assert!(context_of("We met Dr. Hale there.", "Hale"));
        assert!(context_of("Her brother Tomas Hale came.", "Tomas Hale"));
        assert!(context_of("“No,” said Tomas Hale.", "Tomas Hale"));
        assert!(context_of(
            "We met Tomas Hale, who was there.",
            "Tomas Hale"
        ));
        assert!(context_of("“It hurts.” ― Tomas Hale", "Tomas Hale"));
        assert!(!context_of("Shares of Vanta Sound rose.", "Vanta Sound"));
        assert!(!context_of("Then Vanta Sound, 2024, left.", "Vanta Sound"));
    }

    fn people_of(s: &str) -> Vec<String> {
        let d = Document::new(s);
        crate::people::find(&d)
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn thing_votes_outweigh_a_stray_said() {
        // A company that "said" once, but takes a legal form and a describing noun.
        let names = people_of(
            "Norvik Kraft, a mid-sized utility, rose. Norvik Kraft said on Monday it would buy \
             Vanta Sound LLC. Vanta Sound said it agreed. Ana Ruiz, 45, said the deal was good.",
        );
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Norvik") || n.contains("Vanta")),
            "{names:?}"
        );
        assert!(names.contains(&"Ana Ruiz".to_string()), "{names:?}");
        // A person who also modifies a noun once ("the Ruiz email matter") stays a person.
        let names = people_of(
            "Ana Ruiz spoke on Monday. Critics raised the Ruiz email matter again. Ruiz said \
             it was closed.",
        );
        assert_eq!(names, vec!["Ana Ruiz".to_string()]);
    }

    #[test]
    fn characters_and_names_listed_among_things() {
        // "Bobby (Tomas Hale)": Bobby is the part Tomas Hale plays.
        let names = people_of(
            "The film follows hotel manager Bobby (a warm Tomas Hale), who runs the place. \
             Tomas Hale said he loved it.",
        );
        assert_eq!(names, vec!["Tomas Hale".to_string()]);
        // A rare word listed among other tools is a tool.
        let d = Document::new("The survey ranks ReactJS, Vextor, and Angular2 at the top.");
        assert!(crate::people::find(&d).is_empty());
        // A list of people keeps them all.
        let names = people_of("The panel heard Ana Ruiz, Tomas Hale and Ines Duarte on Monday.");
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn named_things_without_person_context_are_entities() {
        let d = Document::new(
            "Shares of Norvik Holdings rose on Monday. Analysts said Norvik Holdings would \
             buy a stake in the Cadwell Group.",
        );
        let (people, entities) = crate::people::find_all(&d, &[]);
        assert!(people.is_empty(), "{people:?}");
        assert!(entities.iter().any(|e| e.name == "Norvik Holdings"
            && e.kind == EntityKind::Organisation
            && e.mentions.len() == 2));
    }

    #[test]
    fn a_rejected_word_yields_to_person_context() {
        // "King" is a title word, but "captain … said" makes the whole name a person, and the
        // bare surname then follows it.
        let d = Document::new(
            "“We will win,” team captain Ines Torre King said on Monday. Later King said the \
             draw was fair.",
        );
        let p = crate::people::find(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Ines Torre King");
        assert_eq!(p[0].mentions.len(), 2, "{p:?}");
    }

    #[test]
    fn lists_titles_and_verbs_of_things() {
        // Every item of "films such as A and B" is a film, a possessive name included.
        let names = people_of(
            "Critics loved films such as The Quiet Shore and Tomas Hale’s Long Night. Ana \
             Ruiz, 45, said so.",
        );
        assert_eq!(names, vec!["Ana Ruiz".to_string()]);
        // A modal, then a verb only shows take.
        let names = people_of("Vel Ardo will air on public television in May, Ana Ruiz said.");
        assert_eq!(names, vec!["Ana Ruiz".to_string()]);
        // "Title: Subtitle" inside a list of titles.
        let names = people_of(
            "Also good: Night Train, Pale Shore, Long Road: Ana Ruiz, Blue Hour, The Last Bell.",
        );
        assert!(names.is_empty(), "{names:?}");
        // A role word after "to" is a verb: "engineer" takes an object here.
        assert!(!context_of(
            "The makers were able to engineer Vextor Hale in a week.",
            "Vextor Hale"
        ));
        assert!(context_of("We met engineer Vextor Hale.", "Vextor Hale"));
    }

    #[test]
    fn a_plural_of_an_ordinary_noun_is_a_group_of_things() {
        let lower: HashSet<&str> = ["drones", "egg"].into();
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(plural_of_common_noun(&w("Omega Drones"), &lower));
        assert!(plural_of_common_noun(&w("Golden Eggs"), &lower));
        // A given name first, or a rare first word, is a person's name.
        assert!(!plural_of_common_noun(&w("Ana Drones"), &lower));
        assert!(!plural_of_common_noun(&w("Jearvo Eggs"), &lower));
        assert!(!plural_of_common_noun(&w("Omega Glass"), &lower));
    }

    #[test]
    fn names_of_a_things_family_are_not_people() {
        let fam: HashSet<String> = ["Chozo".to_string(), "Metroid".to_string()].into();
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(of_thing_family(&w("Chozo Warriors"), &fam));
        assert!(of_thing_family(&w("Omega Metroids"), &fam));
        assert!(!of_thing_family(&w("Samus Aran"), &fam));
        // A given name first is a person's name whatever shares it.
        let fam: HashSet<String> = ["Ana".to_string()].into();
        assert!(!of_thing_family(&w("Ana Ruiz"), &fam));
        // Person context outweighs the family: "Vell Ardo, 45, said" beside "Vell Institute".
        let names = people_of(
            "The Vell Institute opened on Monday. Vell Ardo, 45, said the Vell Institute \
             would hire.",
        );
        assert!(names.iter().any(|n| n == "Vell Ardo"), "{names:?}");
    }
}
