//! Stage 3: quotations, their speakers, and indirect speech.
//!
//! Input: the [`Document`] and the people of stage 2. Output: [`Found`]: the quotes in
//! text order, and the pronoun and description mentions resolved while finding speakers
//! (the pipeline adds them to the people with [`add_mentions`]).
//!
//! Steps: [`marks`] finds quoted passages → [`attribution`] finds each speaker with the
//! cues of [`cues`] and the phrases of [`speakers`] (a document or an unnamed speaker is read
//! by [`sources`]), then `indirect` reads indirect speech, and `blocks` gives a page's block
//! quotations (no marks) the speaker of the paragraph that introduces them.
//!
//! Example: `“We stay,” Ana Ruiz said. “Always.”` → two direct quotes, both by Ana Ruiz.

pub mod attribution;
mod blocks;
pub mod cues;
mod indirect;
pub mod marks;
pub mod sources;
pub mod speakers;

pub use attribution::NewMention;

use crate::model::{Entity, Mention, Person, Quote};
use crate::text::Document;

/// What the quote stage found: the quotes, and the pronoun and description mentions it
/// resolved to people while finding speakers ("he said" → the person before). The stage
/// never writes into the people stage's output; the pipeline joins the two with
/// [`add_mentions`].
pub struct Found {
    /// Direct and indirect quotes, in text order (a direct one first at the same start).
    pub quotes: Vec<Quote>,
    /// Mentions to add to `people[m.person]`.
    pub mentions: Vec<NewMention>,
}

/// Finds quotes and attributions over the people of stage 2.
pub fn find(doc: &Document, people: &[Person]) -> Found {
    find_with(doc, people, &[])
}

/// [`find`], with the organisations the people stage found (for "it said").
pub fn find_with(doc: &Document, people: &[Person], entities: &[Entity]) -> Found {
    find_in(doc, people, entities, &[])
}

/// [`find_with`], with the page's block quotations (the prose paragraphs of each
/// `<blockquote>`, [`crate::Options::block_quotes`]), which are quotes without marks.
pub fn find_in(
    doc: &Document,
    people: &[Person],
    entities: &[Entity],
    block_quotes: &[Vec<crate::Span>],
) -> Found {
    let marked = marks::find(doc);
    let spans: Vec<_> = marked.iter().map(|m| m.inner).collect();
    let idx = speakers::Index::new(doc, people, &spans);
    let finder = speakers::Finder::new(doc, people, idx).with_entities(entities);
    let mut a = attribution::Attributor::new(finder);
    a.direct(&marked);
    a.indirect();
    a.block_quotes(block_quotes);
    let mut quotes = a.quotes;
    quotes.sort_by_key(|q| (q.span.start, !q.direct));
    Found {
        quotes,
        mentions: a.mentions,
    }
}

/// Adds the mentions the quote stage resolved to the people they name, once each, and
/// keeps every person's mentions sorted.
pub fn add_mentions(people: &mut [Person], mentions: Vec<NewMention>) {
    for m in mentions {
        if let Some(p) = people.get_mut(m.person) {
            if !p.mentions.iter().any(|x| x.span == m.span) {
                p.mentions.push(Mention {
                    span: m.span,
                    kind: m.kind,
                });
            }
        }
    }
    for p in people.iter_mut() {
        p.mentions.sort_by_key(|m| m.span);
    }
}

/// The direct quotes of `text` after the people stage: the fixture of the quote tests.
#[cfg(test)]
pub(crate) fn direct_quotes(text: &str) -> Vec<Quote> {
    let d = Document::new(text);
    let (people, entities) = crate::people::find_all(&d, &[]);
    find_with(&d, &people, &entities)
        .quotes
        .into_iter()
        .filter(|q| q.direct)
        .collect()
}
