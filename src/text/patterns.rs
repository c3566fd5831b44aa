//! Regexes that cost nothing until a text could match them.
//!
//! Building a `regex::Regex` is the engine's biggest first-use cost: in the wasm module the
//! checks' ~55 patterns took ~85% of a fresh process's first analysis (issue 16,
//! docs/performance.md), while most documents can match only a few of them. A [`Pattern`]
//! reads its pattern's *required literals* from the parsed syntax (strings one of which every
//! match must contain: `born` in `born\s+in\s+(?P<y>[0-9]{4})`, either `killed` or `died` in
//! `(?:killed|died)`) and builds the regex only for the first haystack that holds one of
//! them. For any other haystack it answers as the regex would: no match. The test is sound by
//! construction (a match contains one of the literals, so a haystack without any cannot
//! match), so results are byte-identical to searching with the regex; a pattern whose every
//! match need not contain a literal of three bytes or more is simply built on first use.
//!
//! Input: the pattern text. Output: the `regex::Regex` methods the stages use, with the same
//! results. Example: `Pattern::new(|| r"(?-u:\b)born\s+in".into()).is_match("He left.")`
//! is `false` without compiling the regex.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use regex_syntax::ast::{self, Ast};

/// Literals shorter than this are too common to rule a haystack out: build the regex.
const MIN_NEEDLE: usize = 3;
/// More alternatives than this and the test costs about what it saves.
const MAX_NEEDLES: usize = 96;

/// A regex built on the first haystack that could match it (see the module docs).
pub struct Pattern {
    source: Source,
    gate: OnceLock<Option<AhoCorasick>>,
    regex: OnceLock<Regex>,
}

enum Source {
    Make(fn() -> String),
    Text(String),
}

impl Pattern {
    /// A pattern whose text `make` produces (called once, on first use); for a `static`.
    pub const fn new(make: fn() -> String) -> Self {
        Pattern {
            source: Source::Make(make),
            gate: OnceLock::new(),
            regex: OnceLock::new(),
        }
    }

    /// A pattern from text already at hand (one of a list of patterns).
    pub fn from_text(text: impl Into<String>) -> Self {
        Pattern {
            source: Source::Text(text.into()),
            gate: OnceLock::new(),
            regex: OnceLock::new(),
        }
    }

    fn text(&self) -> std::borrow::Cow<'_, str> {
        match &self.source {
            Source::Make(make) => make().into(),
            Source::Text(t) => t.as_str().into(),
        }
    }

    /// The compiled regex, built now if it was not yet. The patterns are the engine's own
    /// constants, covered by every check's tests: one that does not compile is a bug in
    /// this crate, reported with the pattern text.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            let text = self.text();
            Regex::new(&text).unwrap_or_else(|e| panic!("static pattern {text:?}: {e}"))
        })
    }

    /// The regex if `haystack` could hold a match, else `None` (and no match is possible).
    fn for_haystack(&self, haystack: &str) -> Option<&Regex> {
        if let Some(re) = self.regex.get() {
            return Some(re);
        }
        let gate = self.gate.get_or_init(|| gate_for(&self.text()));
        match gate {
            Some(needles) if !needles.is_match(haystack) => None,
            _ => Some(self.regex()),
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.for_haystack(haystack)
            .is_some_and(|re| re.is_match(haystack))
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.for_haystack(haystack).and_then(|re| re.find(haystack))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.for_haystack(haystack)
            .and_then(|re| re.captures(haystack))
    }

    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        // The gate looks at the whole haystack: a superset of what a search from `start`
        // (which may look one byte back for `\b`) reads, so it stays sound.
        self.for_haystack(haystack)
            .and_then(|re| re.captures_at(haystack, start))
    }

    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> CaptureMatches<'r, 'h> {
        match self.for_haystack(haystack) {
            Some(re) => re.captures_iter(haystack),
            None => never().captures_iter(haystack),
        }
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Matches<'r, 'h> {
        match self.for_haystack(haystack) {
            Some(re) => re.find_iter(haystack),
            None => never().find_iter(haystack),
        }
    }

    pub fn replace<'h, R: regex::Replacer>(
        &self,
        haystack: &'h str,
        rep: R,
    ) -> std::borrow::Cow<'h, str> {
        match self.for_haystack(haystack) {
            Some(re) => re.replace(haystack, rep),
            None => std::borrow::Cow::Borrowed(haystack),
        }
    }
}

/// What `checks::bounded` searches with: a `Regex`, or a [`Pattern`] (which may rule the
/// haystack out without building its regex).
pub trait CapturesAt {
    fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>>;
}

impl CapturesAt for Regex {
    fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        Regex::captures_at(self, haystack, start)
    }
}

impl CapturesAt for Pattern {
    fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        Pattern::captures_at(self, haystack, start)
    }
}

/// A regex that matches nothing, cheap to build: what a ruled-out pattern iterates with.
fn never() -> &'static Regex {
    static NEVER: OnceLock<Regex> = OnceLock::new();
    NEVER.get_or_init(|| Regex::new(r"[a&&b]").expect("empty class"))
}

/// The searcher for a pattern's required literals, or `None` when it has none worth testing
/// (or does not parse: then `regex()` reports the error). Only the syntax tree is built (no
/// Unicode tables, no automata): a small part of what compiling the regex costs.
fn gate_for(pattern: &str) -> Option<AhoCorasick> {
    let ast = ast::parse::Parser::new().parse(pattern).ok()?;
    let needles = required(&ast, items_set_i(&ast))?;
    if needles.is_empty()
        || needles.len() > MAX_NEEDLES
        || needles.iter().any(|n| n.len() < MIN_NEEDLE)
    {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&needles)
        .ok()
}

/// Byte strings (ASCII lower-cased) one of which, compared ASCII case insensitively, every
/// match of `ast` contains; `None` when no such set is known. `ci`: a case-insensitive flag
/// may be in force (then only characters whose every case variant is ASCII are exact).
fn required(ast: &Ast, ci: bool) -> Option<Vec<Vec<u8>>> {
    match ast {
        Ast::Literal(_) | Ast::ClassBracketed(_) => exact(ast, ci).map(|b| vec![b]),
        Ast::Group(g) => required(&g.ast, ci || sets_case_insensitive(g)),
        Ast::Repetition(r) if min_repeats(&r.op.kind) >= 1 => required(&r.ast, ci),
        Ast::Concat(c) => best_of_concat(&c.asts, ci),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            for sub in &a.asts {
                all.extend(required(sub, ci)?);
                if all.len() > MAX_NEEDLES {
                    return None;
                }
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        _ => None,
    }
}

fn min_repeats(kind: &ast::RepetitionKind) -> u32 {
    use ast::{RepetitionKind as K, RepetitionRange as R};
    match kind {
        K::ZeroOrOne | K::ZeroOrMore => 0,
        K::OneOrMore => 1,
        K::Range(R::Exactly(n) | R::AtLeast(n) | R::Bounded(n, _)) => *n,
    }
}

/// Whether a case-insensitive flag may be in force anywhere in the group: set by the group
/// itself (`(?i:…)`) or by a `(?i)` among its items.
fn sets_case_insensitive(g: &ast::Group) -> bool {
    if let ast::GroupKind::NonCapturing(flags) = &g.kind {
        if has_i(flags) {
            return true;
        }
    }
    items_set_i(&g.ast)
}

/// Whether a `(?i)` stands among the items of a group's (or the whole pattern's) content: it
/// holds to the group's end, across `|` too. Conservative: any `i` counts, even one negated
/// later.
fn items_set_i(content: &Ast) -> bool {
    let items: &[Ast] = match content {
        Ast::Concat(c) => &c.asts,
        Ast::Alternation(a) => &a.asts,
        other => std::slice::from_ref(other),
    };
    items.iter().any(|item| match item {
        Ast::Flags(set) => has_i(&set.flags),
        Ast::Concat(c) => c
            .asts
            .iter()
            .any(|a| matches!(a, Ast::Flags(set) if has_i(&set.flags))),
        _ => false,
    })
}

fn has_i(flags: &ast::Flags) -> bool {
    flags.flag_state(ast::Flag::CaseInsensitive) == Some(true)
}

/// In a concatenation, runs of exact pieces join into one literal; of those and each other
/// piece's set, the one whose shortest literal is longest (the rarest test) is required.
fn best_of_concat(subs: &[Ast], ci: bool) -> Option<Vec<Vec<u8>>> {
    let mut best: Option<Vec<Vec<u8>>> = None;
    let mut run: Vec<u8> = Vec::new();
    let consider = |set: Vec<Vec<u8>>, best: &mut Option<Vec<Vec<u8>>>| {
        let score = |s: &Vec<Vec<u8>>| s.iter().map(Vec::len).min().unwrap_or(0);
        if best.as_ref().is_none_or(|b| score(&set) > score(b)) {
            *best = Some(set);
        }
    };
    for sub in subs {
        // A flag setting matches nothing: the text on either side of it is contiguous.
        if matches!(sub, Ast::Flags(_)) {
            continue;
        }
        match exact(sub, ci) {
            Some(bytes) => run.extend(bytes),
            None => {
                if !run.is_empty() {
                    consider(vec![std::mem::take(&mut run)], &mut best);
                }
                if let Some(set) = required(sub, ci) {
                    consider(set, &mut best);
                }
            }
        }
    }
    if !run.is_empty() {
        consider(vec![run], &mut best);
    }
    best
}

/// The one string (ASCII lower-cased) a literal or a one-letter class (`[Tt]`) matches, up
/// to ASCII case; `None` for anything else, or for a character that case-insensitive
/// matching could meet in a non-ASCII form (`k` also matches the Kelvin sign, `s` the long
/// s; see the test `only_k_and_s_fold_outside_ascii`).
fn exact(ast: &Ast, ci: bool) -> Option<Vec<u8>> {
    use ast::{ClassSet, ClassSetItem, LiteralKind};
    let ok = |c: char| -> Option<char> {
        if !ci {
            return Some(c.to_ascii_lowercase());
        }
        let l = c.to_ascii_lowercase();
        (c.is_ascii() && l != 'k' && l != 's').then_some(l)
    };
    let literal = |lit: &ast::Literal| -> Option<char> {
        match lit.kind {
            LiteralKind::Verbatim
            | LiteralKind::Meta
            | LiteralKind::Superfluous
            | LiteralKind::Special(_) => ok(lit.c),
            _ => None,
        }
    };
    let c = match ast {
        Ast::Literal(lit) => literal(lit)?,
        Ast::ClassBracketed(class) if !class.negated => {
            let items: &[ClassSetItem] = match &class.kind {
                ClassSet::Item(ClassSetItem::Union(u)) => &u.items,
                ClassSet::Item(item) => std::slice::from_ref(item),
                ClassSet::BinaryOp(_) => return None,
            };
            let mut one: Option<char> = None;
            for item in items {
                let ClassSetItem::Literal(lit) = item else {
                    return None;
                };
                let c = literal(lit)?;
                if !c.is_ascii_alphabetic() || one.is_some_and(|o| o != c) {
                    return None;
                }
                one = Some(c);
            }
            one?
        }
        _ => return None,
    };
    let mut buf = [0u8; 4];
    Some(c.encode_utf8(&mut buf).as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needles(p: &str) -> Option<Vec<String>> {
        let ast = ast::parse::Parser::new().parse(p).unwrap();
        required(&ast, items_set_i(&ast)).map(|v| {
            v.into_iter()
                .map(|b| String::from_utf8(b).unwrap())
                .collect()
        })
    }

    #[test]
    fn literals_are_read_from_the_syntax() {
        assert_eq!(
            needles(r"(?-u:\b)[Tt]he\s+(?P<age>[0-9]{1,3})-year-old(?-u:\b)").unwrap(),
            vec!["-year-old"]
        );
        assert_eq!(
            needles(r"(?i)\bon\s+(?P<d>monday|friday)").unwrap(),
            vec!["friday", "monday"]
        );
        assert_eq!(
            needles(r"(?:killed|died)\s+\d+").unwrap(),
            vec!["died", "killed"]
        );
        assert_eq!(
            needles(r"(?:a|b)?\d+"),
            None,
            "an optional part is not required"
        );
        assert_eq!(needles(r"x|\d+"), None, "one branch without a literal");
    }

    #[test]
    fn case_flags_are_followed() {
        // `k` and `s` under `(?i)` also match non-ASCII letters: they end a literal.
        assert_eq!(needles(r"(?i)weekday").unwrap(), vec!["wee"]);
        assert_eq!(needles(r"(?i:weekday)").unwrap(), vec!["wee"]);
        assert_eq!(needles(r"weekday").unwrap(), vec!["weekday"]);
        assert_eq!(needles(r"x|(?i)weekday").unwrap(), vec!["wee", "x"]);
        assert!(
            gate_for(r"x|(?i)weekday").is_none(),
            "`x` is too short to test for"
        );
        assert_eq!(needles(r"ab(?i)cdé").unwrap(), vec!["abcd"]);
    }

    /// The premise of `exact`: under Unicode case folding, every ASCII letter but `k` and `s`
    /// matches only its two ASCII forms.
    #[test]
    fn only_k_and_s_fold_outside_ascii() {
        use regex_syntax::hir::{Class, HirKind};
        for c in ('a'..='z').chain('A'..='Z') {
            let hir = regex_syntax::Parser::new()
                .parse(&format!("(?i){c}"))
                .unwrap();
            let ascii = match hir.kind() {
                HirKind::Class(Class::Unicode(u)) => u.ranges().iter().all(|r| r.end().is_ascii()),
                HirKind::Literal(l) => l.0.is_ascii(),
                other => panic!("{c}: {other:?}"),
            };
            assert_eq!(ascii, !"kKsS".contains(c), "{c}");
        }
    }

    #[test]
    fn a_ruled_out_haystack_answers_no_match_without_building() {
        let p = Pattern::new(|| r"(?-u:\b)born\s+in\s+(?P<y>[0-9]{4})".into());
        assert!(!p.is_match("He left in 2004."));
        assert!(p.captures_iter("He left in 2004.").next().is_none());
        assert!(p.regex.get().is_none(), "nothing could match: not built");
        let c = p
            .captures("She was BORN in 1960? No: born in 1961.")
            .unwrap();
        assert_eq!(&c["y"], "1961");
        assert!(p.regex.get().is_some());
    }

    #[test]
    fn results_equal_the_regex_on_and_off_the_gate() {
        let pats = [
            r"(?i)\b(?:updated|modified)\b",
            r"(?-u:\b)(?:[Hh]is|[Hh]er)\s+(?P<age>[0-9]{1,3})(?:st|nd|rd|th)\s+birthday",
            r"“(?P<q>[^“”]+)”,?\s+said",
            r"^\s+([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]’'-]*)",
        ];
        let texts = [
            "",
            "Last UPDATED Monday",
            "on his 40th birthday",
            "“We won,” said Ana.",
            "  Éloïse came",
            "nothing here",
        ];
        for p in pats {
            let re = Regex::new(p).unwrap();
            for t in texts {
                let gated = Pattern::from_text(p);
                let a: Vec<_> = gated.find_iter(t).map(|m| m.range()).collect();
                let b: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {t:?}");
                assert_eq!(Pattern::from_text(p).is_match(t), re.is_match(t));
            }
        }
    }
}
