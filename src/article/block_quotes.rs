//! Block quotations: the story's paragraphs set inside a `<blockquote>`.
//!
//! News pages often print a long quotation as a block, without quotation marks, after a
//! paragraph that says who is speaking ("Zuckerberg said at the trial. …" ¶ `<blockquote>`
//! "I've been building relationships …"). The marks finder cannot see such a quotation,
//! so article finding hands the quote stage the paragraphs of each block quotation
//! ([`crate::Options::block_quotes`]), and the quote stage gives them the speaker of the
//! paragraph that introduces them.
//!
//! Input: the selected blocks, in order. Output: for each `<blockquote>` element, the
//! spans (in the extracted text) of its prose paragraphs.
//!
//! Not block quotations of the story: embeds and pull quotes (a pull quote repeats the
//! story's own words as decoration; an embedded post is not introduced by the story's
//! prose), blocks that are not prose (code, tables, lists, figure labels), and a
//! `<blockquote>` that holds most of the article (some sites put the whole body in one).

use super::Block;
use crate::Span;

/// The fewest words a paragraph needs to be read as quoted prose (shorter ones are
/// attribution lines such as "Michael Shadlen, Ph.D." or labels).
const MIN_WORDS: usize = 6;

/// A block quotation of more than this share of the article's blocks is the article
/// itself set in a `<blockquote>`, not a quotation inside it.
const MAX_SHARE: f64 = 0.34;

/// One selected block: its place in the extracted text and the page block it came from.
pub struct Placed<'a> {
    pub block: &'a Block,
    pub span: Span,
}

/// The prose paragraphs of each block quotation, in text order.
pub fn find(blocks: &[Placed]) -> Vec<Vec<Span>> {
    let mut groups: Vec<(String, Vec<Span>, usize)> = Vec::new(); // (element, prose, blocks)
    let mut open: Option<String> = None;
    for p in blocks {
        let Some(element) = quote_element(p.block) else {
            open = None;
            continue;
        };
        if open.as_deref() != Some(element.as_str()) {
            groups.push((element.clone(), Vec::new(), 0));
            open = Some(element);
        }
        let group = groups.last_mut().expect("a group was just opened");
        group.2 += 1;
        if is_prose(p.block) {
            group.1.push(p.span);
        }
    }
    let limit = (blocks.len() as f64 * MAX_SHARE).max(1.0);
    groups
        .into_iter()
        .filter(|(_, prose, n)| !prose.is_empty() && (*n as f64) <= limit)
        .map(|(_, prose, _)| prose)
        .collect()
}

/// The path up to and including the nearest `<blockquote>` holding the block (it names
/// the element, so consecutive blocks of one quotation group together), when that
/// element is a quotation of the story.
fn quote_element(b: &Block) -> Option<String> {
    let segments: Vec<&str> = b.path.split(' ').collect();
    let at = segments.iter().rposition(|s| is_tag(s, "blockquote"))?;
    let classes = segments[at].to_ascii_lowercase();
    if NOT_QUOTE_CLASSES.iter().any(|c| classes.contains(c)) {
        return None;
    }
    Some(segments[..=at].join(" "))
}

crate::lexicon::word_set!(
    /// Class fragments of a `<blockquote>` that is an embed or a pull quote, not a
    /// quotation the story introduces.
    NOT_QUOTE_CLASSES,
    crate::lexicon::PAGE_WORDS,
    "not_quote_classes"
);

fn is_tag(segment: &str, tag: &str) -> bool {
    segment
        .strip_prefix(tag)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '#', '[']))
}

/// A paragraph of running prose: a paragraph-like element with enough words, mostly
/// letters (not a table row, a code line or a list of figures).
fn is_prose(b: &Block) -> bool {
    if !matches!(b.tag.as_str(), "p" | "blockquote" | "div") {
        return false;
    }
    let words = b.text.split_whitespace().count();
    let (letters, other) =
        b.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .fold((0usize, 0usize), |(l, o), c| {
                if c.is_alphabetic() {
                    (l + 1, o)
                } else {
                    (l, o + 1)
                }
            });
    words >= MIN_WORDS && letters >= 4 * other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(tag: &str, path: &str, text: &str) -> Block {
        Block {
            text: text.to_string(),
            tag: tag.to_string(),
            path: path.to_string(),
            ..Block::default()
        }
    }

    fn spans(blocks: &[Block]) -> Vec<Vec<Span>> {
        let mut at = 0;
        let placed: Vec<Placed> = blocks
            .iter()
            .map(|b| {
                let span = Span::new(at, at + b.text.len());
                at += b.text.len() + 1;
                Placed { block: b, span }
            })
            .collect();
        find(&placed)
    }

    const BODY: &str = "html body article";
    const PROSE: &str = "We will keep the library open every night this winter.";

    #[test]
    fn a_blockquote_between_paragraphs_is_one_quotation() {
        let blocks = [
            block(
                "p",
                &format!("{BODY} p"),
                "The mayor spoke to reporters on Monday.",
            ),
            block("p", &format!("{BODY} blockquote p"), PROSE),
            block("p", &format!("{BODY} blockquote p"), PROSE),
            block(
                "p",
                &format!("{BODY} p"),
                "The council meets again in March.",
            ),
            block("p", &format!("{BODY} p"), "Another paragraph of the story."),
            block("p", &format!("{BODY} p"), "And one more to make it long."),
            block("p", &format!("{BODY} p"), "The end of the story is here."),
        ];
        let found = spans(&blocks);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), 2);
    }

    #[test]
    fn embeds_pull_quotes_code_and_short_lines_are_not_quotations() {
        let blocks = [
            block(
                "p",
                &format!("{BODY} p"),
                "The mayor spoke to reporters on Monday.",
            ),
            block("p", &format!("{BODY} blockquote.twitter-tweet p"), PROSE),
            block("blockquote", &format!("{BODY} blockquote.pullquote"), PROSE),
            block(
                "pre",
                &format!("{BODY} blockquote pre"),
                "let x = [1, 2, 3]; x.map(f) over the list",
            ),
            block("p", &format!("{BODY} blockquote p"), "Ana Ruiz, mayor"),
            block("td", &format!("{BODY} blockquote table tr td"), PROSE),
            block(
                "p",
                &format!("{BODY} p"),
                "The council meets again in March.",
            ),
            block("p", &format!("{BODY} p"), "Another paragraph of the story."),
            block("p", &format!("{BODY} p"), "And one more to make it long."),
        ];
        assert!(spans(&blocks).is_empty());
    }

    #[test]
    fn a_blockquote_holding_the_whole_article_is_not_a_quotation() {
        let blocks: Vec<Block> = (0..6)
            .map(|_| block("p", &format!("{BODY} blockquote.entry p"), PROSE))
            .collect();
        assert!(spans(&blocks).is_empty());
    }
}
