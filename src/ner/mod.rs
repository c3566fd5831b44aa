//! A learned name tagger beside the rules: an averaged perceptron over word shape,
//! affixes, context words, gazetteer hits and document-level evidence.
//!
//! Input: a [`Document`]. Output: one [`TokenTag`] per token: person, organisation,
//! place, other name (CoNLL's MISC: nationalities, events, works, products) or none,
//! with the class scores the people stage weighs against its own rules.
//!
//! The weights are `data/ner.bin`, written by `make train-ner` (the `train_ner` binary,
//! [`train`]) from CoNLL-2003 English train, which is read at training time and never
//! stored in the repository. Size and dev accuracy: `docs/ner.md`.
//!
//! Example: in "Shares of Dolby Atmos rose", "Dolby Atmos" scores as an organisation or
//! product rather than a person, though both words are capitalised.

pub mod features;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

pub use model::{Model, TokenTag};

use crate::text::Document;
use std::sync::OnceLock;

/// Number of classes.
pub const CLASSES: usize = 5;

/// What a token is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    O = 0,
    Per = 1,
    Org = 2,
    Loc = 3,
    Misc = 4,
}

impl Class {
    pub fn from_index(i: usize) -> Class {
        match i {
            1 => Class::Per,
            2 => Class::Org,
            3 => Class::Loc,
            4 => Class::Misc,
            _ => Class::O,
        }
    }

    /// The CoNLL label ("PER", "ORG", "LOC", "MISC") of an entity class.
    pub fn from_label(s: &str) -> Class {
        match s {
            "PER" => Class::Per,
            "ORG" => Class::Org,
            "LOC" => Class::Loc,
            "MISC" => Class::Misc,
            _ => Class::O,
        }
    }
}

/// The shipped table, read once.
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(include_bytes!("../../data/ner.bin")))
        .as_ref()
}

/// Tags `doc` with the shipped model; empty when the table is missing or invalid (the
/// people stage then decides on its rules alone).
pub fn tag(doc: &Document) -> Vec<TokenTag> {
    model().map(|m| m.tag(doc)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_loads_and_tags_a_person() {
        assert!(model().is_some(), "data/ner.bin must be a valid table");
        let d = Document::new(
            "The talks ended on Monday, Foreign Minister Ana Ruiz told reporters in Lisbon.",
        );
        let tags = tag(&d);
        assert_eq!(tags.len(), d.tokens.len());
        let class_of = |w: &str| {
            let i = d.tokens.iter().position(|t| t.text(d.text) == w).unwrap();
            tags[i].class
        };
        assert_eq!(class_of("Ruiz"), Class::Per);
        assert_eq!(class_of("Lisbon"), Class::Loc);
        assert_eq!(class_of("talks"), Class::O);
    }
}
