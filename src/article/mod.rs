//! Article finding: from a page's blocks and metadata to the article text and its
//! publication date. The same code serves the CLI (blocks from an HTML parser) and
//! the extension (blocks from the content script's read-only DOM walk), so both pick
//! the same body.
//!
//! Stage 0 of the page path. Input: a [`Page`] (`docs/page.md`). Output:
//! [`Extracted`] — the body text (one paragraph per block), where each block starts
//! in it, the publication date ([`published`]) and the title.
//!
//! * [`html`] (native only): HTML → [`Page`], the CLI's stand-in for the content script.
//! * [`select`]: which blocks are the article body.
//! * [`published`] (with [`dates`]): when the article was published.
//!
//! ```
//! use lede::article::{extract, Block, Page};
//! let para = "The night market returned to the square on Friday, with forty stalls, music and long queues.";
//! let page = Page {
//!     url: Some("https://example.org/2024/08/02/market".into()),
//!     blocks: vec![Block { text: para.into(), tag: "p".into(), path: "html body article p".into(), ..Block::default() }],
//!     meta: vec![],
//! };
//! let e = extract(&page);
//! assert_eq!(e.text, para);
//! assert_eq!(e.published.map(|p| p.date.to_string()).as_deref(), Some("2024-08-02"));
//! ```

use serde::Deserialize;

/// A page as the content script or the CLI's HTML reader describes it (see `docs/page.md`).
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Page {
    /// The page address, when known (dates in URLs like `/2025/05/12/`).
    #[serde(default)]
    pub url: Option<String>,
    /// Text blocks in document order.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Metadata candidates for the publication date and title.
    #[serde(default)]
    pub meta: Vec<MetaItem>,
}

/// One block-level element's own text (whitespace runs collapsed to one space).
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Block {
    pub text: String,
    /// Lower-case tag name of the block element: `p`, `h1`, `li`, `blockquote`, `div`, `td`, `figcaption`…
    pub tag: String,
    /// Ancestors from the root down, each as `tag.class1.class2#id[itemprop=…][role=…]`,
    /// separated by spaces; used to prefer `<article>`/`articleBody` and skip nav, asides, comments.
    #[serde(default)]
    pub path: String,
    /// How many characters of `text` sit inside links.
    #[serde(default)]
    pub link_chars: usize,
    /// Optional: the document-order number of each element in `path` (same count as
    /// path segments), so two sibling `div.col`s are told apart. Empty when the
    /// sender omits it; blocks are then grouped by consecutive equal paths.
    #[serde(default)]
    pub ids: Vec<u32>,
}

/// A metadata candidate.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MetaItem {
    /// `<meta name|property|itemprop=… content=…>`.
    Meta { name: String, content: String },
    /// The raw text of a `<script type="application/ld+json">`.
    JsonLd { text: String },
    /// A `<time datetime=…>` element, with its visible text and whether it sits in the article header.
    Time {
        datetime: String,
        #[serde(default)]
        text: String,
        #[serde(default)]
        in_header: bool,
    },
}

pub mod block_quotes;
pub mod credits;
pub mod dates;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod published;
pub mod select;
pub mod verdict;

use crate::model::Published;

/// The article as the core analyses it.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The body blocks' texts joined with `"\n"`: one paragraph per block.
    pub text: String,
    /// `(block index in Page::blocks, byte offset where that block starts in text)`.
    pub blocks: Vec<(usize, usize)>,
    pub published: Option<Published>,
    pub title: Option<String>,
    /// The author as the byline names it ("Ana Ruiz").
    pub byline: Option<String>,
    /// Blocks of `text` that are about the article, not its story (bylines, credits, bios,
    /// contribution lines: [`credits`]). They stay readable in the text; names in them are
    /// never people (pass them as [`crate::Options::asides`]).
    pub asides: Vec<crate::Span>,
    /// Is the chosen text a news article ([`verdict`])?
    pub verdict: verdict::Verdict,
    /// The prose paragraphs of each `<blockquote>` quotation in the text
    /// ([`block_quotes`]); pass them as [`crate::Options::block_quotes`].
    pub block_quotes: Vec<Vec<crate::Span>>,
}

/// Picks the article body, its publication date and its title.
pub fn extract(page: &Page) -> Extracted {
    let sel = select::select(page);
    let mut text = String::new();
    let mut blocks = Vec::with_capacity(sel.blocks.len());
    let mut byline = None;
    let mut asides = Vec::new();
    let mut placed = Vec::with_capacity(sel.blocks.len());
    for &i in &sel.blocks {
        let Some(b) = page.blocks.get(i) else {
            continue;
        };
        if !text.is_empty() {
            text.push('\n');
        }
        blocks.push((i, text.len()));
        // Bylines, credits, bios and contribution lines are about the article, not in it.
        if let Some(kind) = credits::classify(&b.text, &b.path) {
            if let credits::NonStory::Byline(name) = kind {
                byline.get_or_insert(name);
            }
            asides.push(crate::Span::new(text.len(), text.len() + b.text.len()));
        }
        // Line breaks inside a block would split its paragraph; a space has the same
        // byte length, so offsets stay exact.
        let start = text.len();
        text.extend(
            b.text
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
        placed.push(block_quotes::Placed {
            block: b,
            span: crate::Span::new(start, text.len()),
        });
    }
    let block_quotes = block_quotes::find(&placed);
    Extracted {
        text,
        blocks,
        published: published::published_with(page, &sel),
        title: title(page),
        byline,
        asides,
        verdict: verdict::judge(page, &sel.blocks),
        block_quotes,
    }
}

/// The headline: `og:title`, then JSON-LD `headline`, then the first `<h1>`.
pub fn title(page: &Page) -> Option<String> {
    let meta = |want: &str| {
        page.meta.iter().find_map(|m| match m {
            MetaItem::Meta { name, content }
                if name.eq_ignore_ascii_case(want) && !content.trim().is_empty() =>
            {
                Some(content.trim().to_string())
            }
            _ => None,
        })
    };
    meta("og:title")
        .or_else(|| {
            page.meta.iter().find_map(|m| match m {
                MetaItem::JsonLd { text } => json_ld_headline(text),
                _ => None,
            })
        })
        .or_else(|| meta("twitter:title"))
        .or_else(|| {
            page.blocks
                .iter()
                .find(|b| b.tag == "h1")
                .map(|b| b.text.clone())
        })
}

fn json_ld_headline(text: &str) -> Option<String> {
    fn walk(v: &serde_json::Value, depth: usize) -> Option<String> {
        if depth > 16 {
            return None;
        }
        match v {
            serde_json::Value::Object(m) => m
                .get("headline")
                .and_then(|h| h.as_str())
                .filter(|h| !h.trim().is_empty())
                .map(|h| h.trim().to_string())
                .or_else(|| m.values().find_map(|c| walk(c, depth + 1))),
            serde_json::Value::Array(a) => a.iter().find_map(|c| walk(c, depth + 1)),
            _ => None,
        }
    }
    walk(&serde_json::from_str(text).ok()?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example in `docs/page.md` is what the content script sends: it must
    /// deserialize, and the core must read its date from it.
    #[test]
    fn docs_example_deserializes() {
        let doc = include_str!("../../docs/page.md");
        let json = doc
            .split("```json")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap_or("");
        let page: Page = match serde_json::from_str(json) {
            Ok(p) => p,
            Err(e) => panic!("docs/page.md example does not parse: {e}"),
        };
        assert_eq!(page.blocks.len(), 2);
        assert_eq!(
            page.blocks[0].ids.len(),
            page.blocks[0].path.split(' ').count()
        );
        assert_eq!(page.meta.len(), 3);
        let e = extract(&page);
        let p = e.published.unwrap_or_else(|| panic!("no date"));
        assert_eq!(p.date.to_string(), "2025-05-12");
        assert_eq!(p.source, "json-ld datePublished");
    }

    #[test]
    fn extract_joins_blocks_with_offsets() {
        let b = |text: &str| Block {
            text: text.into(),
            tag: "p".into(),
            path: "html body article p".into(),
            ..Block::default()
        };
        let para =
            "Mira Lund opened the café on Sunday, and by noon, the queue reached the corner.";
        let page = Page {
            blocks: vec![
                b(para),
                b("Second, shorter paragraph of the story, with commas, here."),
            ],
            meta: vec![MetaItem::Meta {
                name: "og:title".into(),
                content: "Café opens".into(),
            }],
            url: Some("https://example.net/2023/09/17/cafe".into()),
        };
        let e = extract(&page);
        assert_eq!(e.blocks, vec![(0, 0), (1, para.len() + 1)]);
        assert_eq!(&e.text[e.blocks[1].1..], page.blocks[1].text);
        assert_eq!(e.title.as_deref(), Some("Café opens"));
        let p = e.published.unwrap_or_else(|| panic!("url date expected"));
        assert_eq!(
            (p.date.to_string(), p.source.as_str()),
            ("2023-09-17".into(), "url")
        );
    }
}
