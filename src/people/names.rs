//! Capitalised name sequences: the raw material for people.
//!
//! Input: a [`Document`]. Output: [`NameCandidate`]s, one per run of capitalised words in a
//! sentence, split into the words that lead it (titles, nationalities: "French President"),
//! an honorific ("Sir", "Dr."), and the core that may be a name ("Keir Starmer").
//! Runs take initials with their dots ("J.D. Vance", "R. Kettleborough"), particles between
//! name words ("Charles de Gaulle", "Ana van der Berg"), prefixed names ("al-Assad"),
//! and end at a possessive ("Putin's", "Putin’s"), which stays out of the span.
//! ALL-CAPS words (datelines like "LONDON (Reuters) -", headlines) never start a run.

use super::lexicon::lexicon;
use crate::span::Span;
use crate::text::{Document, Token, TokenKind};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Lower-case words that may sit inside a name ("de", "van", "bin"):
/// `data/name_particles.txt`.
static PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::NAME_PARTICLES.word_set(None));

/// One capitalised sequence and how it splits.
#[derive(Debug, Clone)]
pub struct NameCandidate {
    pub sentence: usize,
    /// Token indices of leading title/qualifier words inside the run ("French", "President").
    pub lead: Vec<usize>,
    /// Token index of the honorific, if any.
    pub honorific: Option<usize>,
    /// Token indices of the name core ("Keir", "Starmer").
    pub core: Vec<usize>,
    /// The core's words as written, possessive removed; initials keep their dots ("J.D.").
    pub words: Vec<String>,
    /// Byte span of the core, possessive excluded.
    pub span: Span,
    /// The run starts the sentence (so its first word's capital proves nothing).
    pub sentence_initial: bool,
    /// The sentence is a title-case headline: capitals prove little there.
    pub headline: bool,
    /// The core starts with an initial ("J.D.", "R.").
    pub initial_first: bool,
    /// The run follows a naming verb ("someone named Man Haron Monis"): the name as given.
    pub named: bool,
}

/// A word written with a capital and not in ALL CAPS ("Putin", "O'Neill", "McDonald").
pub fn is_cap_word(t: &Token, text: &str) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let s = t.text(text);
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return is_prefixed_name(s);
    }
    // "GDRs", "CEOs": a plural acronym, not a name.
    let bare = s.strip_suffix('s').unwrap_or(s);
    if bare.chars().count() >= 2 && bare.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
        return false;
    }
    s.chars().any(|c| c.is_lowercase())
}

/// "al-Assad", "el-Sisi", "bin-Salman": a lower-case prefix joined to a capitalised name.
fn is_prefixed_name(s: &str) -> bool {
    match s.split_once('-') {
        Some((pre, rest)) => {
            matches!(
                pre,
                "al" | "el" | "ad" | "ash" | "as" | "at" | "ar" | "an" | "bin" | "abu"
            ) && rest.chars().next().is_some_and(|c| c.is_uppercase())
        }
        None => false,
    }
}

/// The name without its joined lower-case prefix ("al-Bashir" → "Bashir"): the same
/// person is written both ways ("Omar al-Bashir", "Mr. Bashir").
pub fn without_name_prefix(s: &str) -> &str {
    if is_prefixed_name(s) {
        s.split_once('-').map_or(s, |(_, rest)| rest)
    } else {
        s
    }
}

/// "J", "J.D", "A" (one to three single capitals joined by dots).
fn is_initial_text(s: &str) -> bool {
    s.len() <= 8
        && s.split('.').count() <= 3
        && s.split('.').all(|p| {
            let mut c = p.chars();
            matches!((c.next(), c.next()), (Some(x), None) if x.is_uppercase())
        })
}

/// Index of the full stop that directly follows token `i`, if any.
fn dot_after(doc: &Document, i: usize) -> Option<usize> {
    let t = doc.tokens.get(i)?;
    let n = doc.tokens.get(i + 1)?;
    (n.span.start == t.span.end && n.text(doc.text) == ".").then_some(i + 1)
}

/// Strips a possessive ending; returns the bare word and whether one was removed.
pub fn strip_possessive(s: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = s.strip_suffix(suf) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    (s, false)
}

/// Shortest reporting verb read as glued to a name: shorter ones end real surnames
/// ("Castells" ends in "tells").
const MIN_GLUED_VERB: usize = 6;

/// The name part of a word that a page glued to the reporting verb after it, when a link
/// ends right before the verb ("<a>Alexis Madrigal</a>reports" reads "Madrigalreports"): a
/// capitalised head of three or more letters, then a lower-case reporting verb of at least
/// [`MIN_GLUED_VERB`] letters.
fn glued_verb_head(w: &str) -> Option<&str> {
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    w.char_indices().skip(3).find_map(|(i, _)| {
        let tail = &w[i..];
        (tail.len() >= MIN_GLUED_VERB
            && tail.chars().all(char::is_lowercase)
            && w[..i].chars().last().is_some_and(char::is_lowercase)
            && crate::quotes::cues::is_cue(tail))
        .then(|| &w[..i])
    })
}

crate::lexicon::word_set!(
    /// Nouns for a person that a naming verb may follow ("a man named …").
    PERSON_NOUNS,
    crate::lexicon::PEOPLE_GRAMMAR,
    "person_nouns"
);

crate::lexicon::word_set!(
    /// Capitalised function words (articles, prepositions, conjunctions, auxiliaries). A
    /// title-case headline capitalises them; no personal name is made of them.
    FUNCTION_WORDS,
    crate::lexicon::PEOPLE_GRAMMAR,
    "function_words"
);

crate::lexicon::word_set!(
    /// Words that open a clause and never continue a name after an initial: when "S." or
    /// "X." is followed by one of these ("the One S. The company …", "the One X. And …"), the
    /// full stop ended a sentence the splitter read as an initial's.
    CLAUSE_OPENERS,
    crate::lexicon::PEOPLE_GRAMMAR,
    "clause_openers"
);

/// A capitalised word that is grammar, not a name: an article, preposition or clause
/// opener ("The", "From", "This").
pub fn is_function_word(s: &str) -> bool {
    FUNCTION_WORDS.contains(&s) || CLAUSE_OPENERS.contains(&s)
}

fn is_particle(s: &str) -> bool {
    PARTICLES.contains(s)
}

/// Title-case headline: most words of a sentence of four or more words are capitalised.
fn is_headline(doc: &Document, si: usize) -> bool {
    let toks = doc.sentence_tokens(si);
    let mut words = 0;
    let mut caps = 0;
    // A title-case headline capitalises its function words too ("Talks Set To Resume");
    // a list of names ("Ana Ruiz , Tom Hale , …") does not.
    let mut function_caps = 0;
    for (k, t) in toks.iter().enumerate() {
        let s = t.text(doc.text);
        if t.kind == TokenKind::Word && s.chars().next().is_some_and(char::is_alphabetic) {
            words += 1;
            if s.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
                if k > 0 && FUNCTION_WORDS.contains(&s) {
                    function_caps += 1;
                }
            }
        }
    }
    words >= 4 && caps * 10 >= words * 7 && function_caps > 0
}

/// The longest capitalised run that can still be a name with its titles
/// ("Former Norlandic Deputy Prime Minister Sir Eira Maria van der Holm" is 11). Longer
/// runs are skipped: they are not names, and the later stages' work on one candidate
/// grows with the square of its length (a 50,000-word run took minutes).
const MAX_RUN_TOKENS: usize = 16;

/// Every capitalised run of the document, split into lead / honorific / core.
pub fn candidates(doc: &Document) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    for si in 0..doc.sentences.len() {
        let range = doc.sentence_tokens[si].clone();
        let headline = is_headline(doc, si);
        // The first word token of the sentence (after opening quotes or brackets).
        let first_word = range
            .clone()
            .find(|&i| doc.tokens[i].kind != TokenKind::Punct);
        let mut i = range.start;
        while i < range.end {
            let Some((run, next)) = scan_run(doc, i, range.end) else {
                i += 1;
                continue;
            };
            if run.len() > MAX_RUN_TOKENS {
                // A headline in capitals, a list without commas, or hostile filler: not a name.
                i = next.max(i + 1);
                continue;
            }
            let initial = first_word == run.first().copied();
            if let Some(c) = split_run(doc, si, &run, initial, headline) {
                out.push(c);
            }
            i = next.max(i + 1);
        }
    }
    out
}

/// Collects one run starting at token `i`; returns its word-token indices and the index after it.
fn scan_run(doc: &Document, i: usize, end: usize) -> Option<(Vec<usize>, usize)> {
    let text = doc.text;
    let lex = lexicon();
    let mut run = Vec::new();
    let mut j = i;
    while j < end {
        let t = &doc.tokens[j];
        let s = t.text(text);
        if t.kind != TokenKind::Word {
            break;
        }
        let cap = is_cap_word(t, text);
        let initial = is_initial_text(s) && dot_after(doc, j).is_some();
        // Particles may chain ("de la Cruz", "van der Berg") but must lead to a name word.
        let leads_to_name = || {
            let mut n = j + 1;
            while n < end && n < j + 3 && is_particle(doc.tokens[n].text(text)) {
                n += 1;
            }
            n < end && is_cap_word(&doc.tokens[n], text)
        };
        let particle = !run.is_empty() && is_particle(s) && leads_to_name();
        let particle_start = run.is_empty()
            && is_particle(s)
            && leads_to_name()
            && s != "y"
            && s != "la"
            && s != "le";
        if !(cap || initial || particle || particle_start) {
            break;
        }
        let after_initial = run
            .last()
            .is_some_and(|&l: &usize| is_initial_text(doc.tokens[l].text(text)));
        if after_initial && (FUNCTION_WORDS.contains(&s) || CLAUSE_OPENERS.contains(&s)) {
            break;
        }
        run.push(j);
        let (_, poss) = strip_possessive(s);
        if poss {
            j += 1;
            break;
        }
        // Keep the full stop of an initial or an abbreviated title inside the run.
        if initial
            || ((lex.honorific(s).is_some() || lex.is_title_abbr(s)) && dot_after(doc, j).is_some())
        {
            if let Some(d) = dot_after(doc, j) {
                j = d;
            }
        }
        j += 1;
    }
    // A run must end on a proper capitalised word, not on an initial or a particle.
    while let Some(&last) = run.last() {
        let t = &doc.tokens[last];
        if is_cap_word(t, text) && !is_initial_text(t.text(text)) {
            break;
        }
        run.pop();
    }
    if run.is_empty() {
        None
    } else {
        Some((run, j))
    }
}

fn split_run(
    doc: &Document,
    si: usize,
    run: &[usize],
    sentence_initial: bool,
    headline: bool,
) -> Option<NameCandidate> {
    let text = doc.text;
    let lex = lexicon();
    let word = |k: usize| strip_possessive(doc.tokens[run[k]].text(text)).0;
    let mut k = 0;
    let mut lead = Vec::new();
    let mut honorific = None;
    // "Someone named Man Haron Monis": after a person noun and a naming verb the run is the
    // name as given, so an ordinary word first ("Man", "Grand") is part of it; titles still
    // lead. Things are named too ("a band called Arctic Monkeys"), hence the person noun.
    let as_named = run[0] > 1
        && matches!(
            doc.tokens[run[0] - 1].text(text),
            "named" | "called" | "nicknamed"
        )
        && {
            let who = doc.tokens[run[0] - 2].text(text).to_lowercase();
            PERSON_NOUNS.contains(&who.as_str())
                || super::evidence::relation_noun(&who)
                || lex.is_role_head(&who)
        };
    while k + 1 < run.len() {
        let w = word(k);
        let next = word(k + 1);
        if as_named
            && lex.honorific(w).is_none()
            && !lex.is_role_head(w)
            && !lex.is_role_mod(w)
            && !lex.is_title_abbr(w)
        {
            break;
        }
        if lex.honorific(w).is_some()
            && !(lex.is_given(w) && !lex.is_non_person_word(next) && k > 0)
        {
            honorific = Some(run[k]);
            k += 1;
            break;
        }
        let titleish = lex.is_non_person_word(w) || lex.is_role_mod(w) || lex.is_title_abbr(w);
        // "Chelsea Clinton": a given name followed by a plain name word stays in the core.
        let given_start =
            lex.is_given(w) && !lex.is_non_person_word(next) && !lex.is_role_mod(next);
        // "Ask Bashar al-Assad": a sentence-opening word before a given name is not part of it.
        let opener =
            sentence_initial && k == 0 && run.len() >= 3 && !lex.is_given(w) && lex.is_given(next);
        if (titleish || opener) && !given_start {
            lead.push(run[k]);
            k += 1;
            continue;
        }
        break;
    }
    // "Former Norlandic Prime Minister Eira Holm": everything up to the last title word leads.
    if honorific.is_none() {
        if let Some(h) = (k..run.len().saturating_sub(1)).rev().find(|&x| {
            let w = word(x);
            (lex.is_role_head(w) || lex.is_title_abbr(w)) && !lex.is_given(w)
        }) {
            while k <= h {
                lead.push(run[k]);
                k += 1;
            }
            if k + 1 < run.len() && lex.honorific(word(k)).is_some() {
                honorific = Some(run[k]);
                k += 1;
            }
        }
    }
    let core: Vec<usize> = run[k..].to_vec();
    let first = *core.first()?;
    let last = *core.last()?;
    let mut words = Vec::with_capacity(core.len());
    for &c in &core {
        // The name as read: invisible marks (soft hyphens) dropped.
        let s = crate::text::visible(strip_possessive(doc.tokens[c].text(text)).0);
        if is_initial_text(&s) {
            words.push(format!("{s}."));
        } else {
            words.push(s.into_owned());
        }
    }
    let mut last_word = strip_possessive(doc.tokens[last].text(text)).0;
    // "Alexis Madrigalreports": a link's text glued to the verb after it.
    if let Some(head) = glued_verb_head(last_word) {
        last_word = head;
        if let Some(w) = words.last_mut() {
            *w = crate::text::visible(head).into_owned();
        }
    }
    let span = Span::new(
        doc.tokens[first].span.start,
        doc.tokens[last].span.start + last_word.len(),
    );
    let initial_first = is_initial_text(doc.tokens[first].text(text));
    Some(NameCandidate {
        sentence: si,
        lead,
        honorific,
        core,
        words,
        span,
        sentence_initial: sentence_initial && k == 0,
        headline,
        initial_first,
        named: as_named,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_given_after_a_person_noun_keeps_its_ordinary_first_word() {
        let names = |t: &str| -> Vec<String> {
            crate::people::find(&Document::new(t))
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(
            names("Someone named Man Haron Monis seized hostages. Monis died."),
            vec!["Man Haron Monis".to_string()]
        );
        // Things are named too: no person noun, no person.
        assert_eq!(glued_verb_head("Madrigalreports"), Some("Madrigal"));
        assert_eq!(glued_verb_head("Castells"), None);
        assert_eq!(glued_verb_head("Madrigal"), None);
        assert!(names("They formed a band called Arctic Monkeys in 2002.").is_empty());
    }

    fn cores(s: &str) -> Vec<String> {
        let d = Document::new(s);
        candidates(&d).iter().map(|c| c.words.join(" ")).collect()
    }

    #[test]
    fn runs_with_particles_initials_possessives() {
        assert_eq!(
            cores("They met Charles de Gaulle there."),
            vec!["They", "Charles de Gaulle"]
        );
        assert_eq!(cores("Then J.D. Vance spoke."), vec!["J.D. Vance"]);
        assert_eq!(
            cores("It was Putin’s plan and Ortiz's."),
            vec!["It", "Putin", "Ortiz"]
        );
        assert_eq!(cores("Ask Bashar al-Assad now."), vec!["Bashar al-Assad"]);
    }

    #[test]
    fn an_initial_never_joins_the_clause_opener_after_it() {
        // The splitter may read "S." as an initial; "The" after it opens a new sentence.
        let got = cores("It beat the Model S. The company said so. Beside the Mark X. And then.");
        assert!(
            got.iter()
                .all(|c| !c.contains(". The") && !c.contains(". And")),
            "{got:?}"
        );
        assert!(cores("Then J. R. Tolkien wrote.").contains(&"J. R. Tolkien".to_string()));
    }

    #[test]
    fn leads_and_honorifics_split_off() {
        let d = Document::new("They saw French President Ana Ruiz and Sir Tom Hale and Dr. Ng.");
        let c = candidates(&d);
        let ruiz = c.iter().find(|c| c.words == ["Ana", "Ruiz"]).unwrap();
        assert_eq!(ruiz.lead.len(), 2);
        let hale = c.iter().find(|c| c.words == ["Tom", "Hale"]).unwrap();
        assert!(hale.honorific.is_some());
        let ng = c.iter().find(|c| c.words == ["Ng"]).unwrap();
        assert_eq!(d.slice(ng.span), "Ng");
        assert!(ng.honorific.is_some());
    }

    #[test]
    fn overlong_capitalised_runs_are_not_names() {
        let filler = "Alder Birch Cedar Dove Elm Fir Gale Hazel ".repeat(3);
        let text = format!("{filler}met Ana Ruiz today.");
        let d = Document::new(&text);
        assert_eq!(cores(&text), vec!["Ana Ruiz".to_string()]);
        assert!(candidates(&d).iter().all(|c| c.span.len() < 40));
    }

    #[test]
    fn all_caps_dateline_is_not_a_run() {
        assert_eq!(
            cores("OSLO (Newswire) - Ana Ruiz left."),
            vec!["Newswire", "Ana Ruiz"]
        );
    }
}
