//! Stage 3: quotations, their speakers, and indirect speech.
//!
//! Input: the [`Document`] and the people of stage 2. Output: `Vec<Quote>` in text order;
//! pronoun and description mentions resolved while finding speakers are added to the
//! people's `mentions` (kept sorted).
//!
//! Steps: [`marks`] finds quoted passages → [`attribution`] finds each speaker with the
//! cues of [`cues`] and the phrases of [`speakers`], then reads indirect speech.
//!
//! Example: `“We stay,” Ana Ruiz said. “Always.”` → two direct quotes, both by Ana Ruiz.

pub mod attribution;
pub mod cues;
pub mod marks;
pub mod speakers;

use crate::model::{Entity, Mention, Person, Quote};
use crate::text::Document;

/// Finds quotes and attributions; adds pronoun/description mentions to `people`.
// The pipeline contract passes the people as a `Vec`; keep that signature.
#[allow(clippy::ptr_arg)]
pub fn find(doc: &Document, people: &mut Vec<Person>) -> Vec<Quote> {
    find_with(doc, people, &[])
}

/// [`find`], with the organisations the people stage found (for "it said").
#[allow(clippy::ptr_arg)]
pub fn find_with(doc: &Document, people: &mut Vec<Person>, entities: &[Entity]) -> Vec<Quote> {
    let marked = marks::find(doc);
    let spans: Vec<_> = marked.iter().map(|m| m.inner).collect();
    let (mut quotes, mentions) = {
        let idx = speakers::Index::new(doc, people, &spans);
        let finder = speakers::Finder::new(doc, people, idx).with_entities(entities);
        let mut a = attribution::Attributor::new(finder);
        a.direct(&marked);
        a.indirect();
        (a.quotes, a.mentions)
    };
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
    quotes.sort_by_key(|q| (q.span.start, !q.direct));
    quotes
}
