//! Stage 4b: facts. Between the entity stages (people, quotes, times) and the checks.
//!
//! Input: the document and what the earlier stages found (people's mentions, named
//! things, direct quotations, time expressions). Output: typed [`Claim`]s: a subject, the
//! attribute stated of it, the value, qualifiers that say how firmly the text states it
//! (quoted, hypothetical, a move), the evidence span and a confidence. Checks are
//! constraints over these claims: two claims of one subject and attribute whose values
//! cannot both hold.
//!
//! Today the stage states two attributes of an event: its place ([`places`]) and its day
//! ([`days`]: a calendar date or a weekday from the time stage); the other attributes the
//! issue lists (ages, durations, counts) are still read by their own checks.
//!
//! ```
//! let text = "Gunmen robbed a van at a filling station in Bela-Bela.";
//! let doc = lede::text::Document::new(text);
//! let claims = lede::facts::find(&lede::facts::Input {
//!     doc: &doc, people: &[], entities: &[], quotes: &[], times: &[],
//! });
//! assert_eq!(claims[0].value.place().unwrap().town.as_deref(), Some("Bela-Bela"));
//! ```

pub mod days;
pub mod events;
pub mod places;

use crate::model::{Entity, Person, Quote, TimeExpr};
use crate::span::Span;
use crate::text::Document;

/// What the fact stage reads.
pub struct Input<'a> {
    pub doc: &'a Document<'a>,
    pub people: &'a [Person],
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpr],
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// A happening named by event words ("the robbery", "signed", "the Kuala Lumpur
    /// signing").
    Event(EventRef),
}

/// One reference to an event: the words that name it and how it is determined.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRef {
    /// Lemmas of the event words: nouns plain ("robbery"), verbs with `+` ("+die"), and
    /// the bare stem of a verb or gerund with `~` ("~sign"), so "signed" and "the signing"
    /// can meet even when WordNet's event groups do not list the verb.
    pub words: Vec<String>,
    /// The lemmas of the words that make a definite reference ("the robbery", "Thursday's
    /// robbery", "the Kuala Lumpur signing"): such a reference points back at an event
    /// already told, so it can be compared with it. Empty for an indefinite or verbal one.
    pub definite: Vec<String>,
    /// The reference names its own place ("the Kuala Lumpur signing", "the Nice attack"):
    /// writers name an event by its place to tell it from others of its kind, so only the
    /// same word (not a WordNet neighbour) makes it the event of another claim. A day
    /// claim's reference is restrictive when its day names it ("Friday's recount", "the
    /// April 19 primary"): the day tells it from other events of its kind.
    pub restrictive: bool,
    /// The passage naming the event.
    pub span: Span,
}

/// The attribute a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    /// Where the event happened.
    Place,
    /// The day the event happened on (a calendar date, a weekday, or both).
    Day,
}

/// A place as the text gives it, at the levels it names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Place {
    /// A named venue ("Memorial Domain", "Porirua Park").
    pub venue: Option<String>,
    /// A named part of a town ("Marina Bay", "Almagro").
    pub area: Option<String>,
    /// The town, city or country ("Bela-Bela", "Singapore").
    pub town: Option<String>,
    /// How the town was found when the text did not name it here ("‘the city’ read as
    /// Buenos Aires, the city named just before").
    pub town_link: Option<String>,
    /// The text says outright that the name is a place: the lexicons know it, a place
    /// noun stands with it ("a filling station in Bela-Bela", "the Modimolle filling
    /// station where …", "Singapore's Marina Bay district"), or "the city" points at it.
    /// A bare "in <Name>" may be a work or a team ("star in Fingersmith").
    pub evidenced: bool,
    /// The passage naming the place.
    pub span: Span,
}

/// The value a claim gives its attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Place(Place),
    Day(days::Day),
}

impl Value {
    pub fn place(&self) -> Option<&Place> {
        match self {
            Value::Place(p) => Some(p),
            Value::Day(_) => None,
        }
    }

    pub fn day(&self) -> Option<&days::Day> {
        match self {
            Value::Day(d) => Some(d),
            Value::Place(_) => None,
        }
    }
}

/// How the text holds a claim back from a plain statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// Inside a direct quotation: a speaker's words, not the narrator's.
    Quoted,
    /// Conditional, modal or planned ("would be held in", "if").
    Hypothetical,
    /// The sentence tells a change of place ("moved from … to", "relocated", "instead"),
    /// or, for a day, a repetition or a rescheduling ("again", "postponed", "resumed").
    Moved,
    /// Several places are given together ("in Singapore and Kuala Lumpur").
    Listed,
}

/// One typed fact the article states.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub subject: Subject,
    pub attribute: Attribute,
    pub value: Value,
    pub qualifiers: Vec<Qualifier>,
    /// The whole passage the claim rests on (the sentence, or the clause when shorter).
    pub evidence: Span,
    /// Index of the sentence holding the claim.
    pub sentence: usize,
    /// 0..=1: how directly the words state it.
    pub confidence: f32,
}

impl Claim {
    /// A plain narrated statement: no qualifier holds it back.
    pub fn plain(&self) -> bool {
        self.qualifiers.is_empty()
    }
}

/// Every claim the stage finds, in text order.
pub fn find(input: &Input) -> Vec<Claim> {
    let mut claims = places::find(input);
    claims.extend(days::find(input));
    claims.sort_by_key(|c| c.evidence.start);
    claims
}
