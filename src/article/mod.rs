//! Article finding: from a page's blocks and metadata to the article text and its
//! publication date. The same code serves the CLI (blocks from an HTML parser) and
//! the extension (blocks from the content script's read-only DOM walk), so both pick
//! the same body. (Selection and date logic land with the article module.)

use serde::Deserialize;

/// A page as the content script or the CLI's HTML reader describes it (see `docs/json.md`).
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
