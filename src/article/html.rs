//! HTML reader (native only): stage 0 of the CLI's page path.
//!
//! Input: an HTML document as a string (and its URL when known). Output: a [`Page`]
//! with the same blocks and metadata the extension's content script builds from the
//! live DOM (`docs/page.md` is the shared specification; keep the two in step).
//!
//! ```
//! let page = lede::article::html::page_from_html(
//!     "<article><h1>Rain</h1><p>It rained <a href='#'>a lot</a>.</p></article>",
//!     None,
//! );
//! assert_eq!(page.blocks[1].text, "It rained a lot.");
//! assert_eq!(page.blocks[1].link_chars, 4); // "a lot" without its space
//! assert_eq!(page.blocks[1].path, "html body article p");
//! ```
//!
//! Malformed HTML never panics: html5ever repairs it the way browsers do, and the
//! walk is depth-capped so absurd nesting cannot exhaust the stack.

use super::{Block, MetaItem, Page};
use scraper::{ElementRef, Html, Node};

/// Elements that start a block of their own. Text inside any other element belongs
/// to the nearest ancestor in this list. The first line is the list the content
/// script must match exactly; the rest are structural containers whose direct text
/// (rare) becomes a block of its own rather than leaking into a neighbour.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "div",
    "section",
    "article", // the core list
    "html",
    "body",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "form",
    "fieldset",
    "legend",
    "figure",
    "address",
    "details",
    "summary",
    "hgroup",
    "menu",
    "center",
    "dialog",
];

/// Elements skipped with everything inside them: never visible text, or form
/// controls and embedded media whose text is not prose.
const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "textarea", "button", "input", "img",
    "picture", "source", "map", "link", "meta", "title",
];

/// Nesting beyond this depth is read as plain text of the element at the cap, so a
/// hostile page with 100,000 nested `<div>`s cannot overflow the stack.
const MAX_DEPTH: usize = 160;

/// At most this many class tokens per path segment (the rest are dropped).
const MAX_CLASSES: usize = 16;
/// Each class, id, itemprop or role token is cut to this many characters.
const MAX_TOKEN_CHARS: usize = 64;
/// A path longer than this many bytes takes further segments as their bare tag, so the
/// segment count (and `ids`) stays right while a deep page of long class lists stays small.
const MAX_PATH_BYTES: usize = 4096;

/// A token cut to [`MAX_TOKEN_CHARS`] characters.
fn capped(tok: &str) -> &str {
    match tok.char_indices().nth(MAX_TOKEN_CHARS) {
        Some((i, _)) => &tok[..i],
        None => tok,
    }
}

/// Builds the page description from an HTML document.
pub fn page_from_html(html: &str, url: Option<&str>) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let mut walker = Walker {
        blocks: Vec::new(),
        next_id: 0,
    };
    let seg = segment(&root);
    let mut run = Run::new("html", seg.clone(), vec![0]);
    walker.next_id = 1;
    walker.walk(root, &seg, &[0], &mut run, false, 0);
    walker.flush(&mut run);
    let meta = collect_meta(root);
    let url = url.map(str::to_string).or_else(|| own_url(root, &meta));
    Page {
        url,
        blocks: walker.blocks,
        meta,
    }
}

/// A saved page's own address: `<link rel="canonical">`, else `og:url`. Used only
/// when the caller gives no URL (a page saved to disk still knows where it lived).
fn own_url(root: ElementRef, meta: &[MetaItem]) -> Option<String> {
    let canonical = root.descendent_elements().find_map(|el| {
        let v = el.value();
        let is_canonical = v.name().eq_ignore_ascii_case("link")
            && v.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            });
        is_canonical
            .then(|| v.attr("href"))
            .flatten()
            .map(|h| h.trim().to_string())
            .filter(|h| h.starts_with("http"))
    });
    canonical.or_else(|| {
        meta.iter().find_map(|m| match m {
            MetaItem::Meta { name, content }
                if name.eq_ignore_ascii_case("og:url") && content.starts_with("http") =>
            {
                Some(content.clone())
            }
            _ => None,
        })
    })
}

/// The text being gathered for one block element (one "run" between nested blocks).
struct Run {
    tag: String,
    path: String,
    ids: Vec<u32>,
    text: String,
    link_chars: usize,
    /// Consecutive `<br>`s seen since the last text; two or more end the run
    /// (old pages separate paragraphs with `<br><br>`).
    brs: usize,
}

impl Run {
    fn new(tag: &str, path: String, ids: Vec<u32>) -> Run {
        Run {
            tag: tag.to_string(),
            path,
            ids,
            text: String::new(),
            link_chars: 0,
            brs: 0,
        }
    }

    /// Appends raw text, collapsing every whitespace run to one space.
    fn push(&mut self, raw: &str, in_link: bool) {
        for c in raw.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
                if in_link {
                    self.link_chars += 1;
                }
                self.brs = 0;
            }
        }
    }
}

struct Walker {
    blocks: Vec<Block>,
    /// Document-order number of the next element (see `Block::ids`).
    next_id: u32,
}

impl Walker {
    fn walk(
        &mut self,
        el: ElementRef,
        path: &str,
        ids: &[u32],
        run: &mut Run,
        in_link: bool,
        depth: usize,
    ) {
        if depth >= MAX_DEPTH {
            for t in el.text() {
                run.push(t, in_link);
            }
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => run.push(t, in_link),
                Node::Element(e) => {
                    let Some(ce) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let tag = e.name().to_ascii_lowercase();
                    if tag == "br" {
                        run.brs += 1;
                        if run.brs >= 2 {
                            self.flush(run);
                        } else {
                            run.push(" ", false);
                        }
                        continue;
                    }
                    if SKIP_TAGS.contains(&tag.as_str()) || is_hidden(&ce) || is_editor(&ce) {
                        continue;
                    }
                    let id = self.next_id;
                    self.next_id = self.next_id.saturating_add(1);
                    let seg = segment(&ce);
                    let child_path = if path.len() + 1 + seg.len() <= MAX_PATH_BYTES {
                        format!("{path} {seg}")
                    } else {
                        format!("{path} {}", ce.value().name().to_ascii_lowercase())
                    };
                    let mut child_ids = ids.to_vec();
                    child_ids.push(id);
                    let link = in_link || tag == "a";
                    if BLOCK_TAGS.contains(&tag.as_str()) {
                        self.flush(run);
                        let mut inner = Run::new(&tag, child_path.clone(), child_ids.clone());
                        self.walk(ce, &child_path, &child_ids, &mut inner, link, depth + 1);
                        self.flush(&mut inner);
                    } else {
                        // Inline: its text joins the enclosing block.
                        self.walk(ce, &child_path, &child_ids, run, link, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// Emits the run as a block when it holds text, then empties it.
    fn flush(&mut self, run: &mut Run) {
        let text = run.text.trim();
        if !text.is_empty() {
            self.blocks.push(Block {
                text: text.to_string(),
                tag: run.tag.clone(),
                path: run.path.clone(),
                link_chars: run.link_chars.min(text.chars().count()),
                ids: run.ids.clone(),
            });
        }
        run.text.clear();
        run.link_chars = 0;
        run.brs = 0;
    }
}

/// An editor (`contenteditable` other than "false"): its text is a reader's draft, not
/// the article. The extension's DOM walk (`extension/src/paths.js` `isEditor`) skips the
/// same elements, so the CLI and the extension read the same page.
fn is_editor(el: &ElementRef) -> bool {
    el.value()
        .attr("contenteditable")
        .is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
}

/// `hidden`, `aria-hidden="true"` or an inline `display:none` / `visibility:hidden`.
fn is_hidden(el: &ElementRef) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some() {
        return true;
    }
    if v.attr("aria-hidden")
        .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = v.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// One path segment: `tag.class1.class2#id[itemprop=x][role=y]`. Whitespace inside
/// an id is replaced by `_` so segments never contain spaces; each itemprop token
/// gets its own bracket.
fn segment(el: &ElementRef) -> String {
    let v = el.value();
    let mut s = v.name().to_ascii_lowercase();
    // Attribute order, as `classList` gives it in the browser; capped, since some
    // pages put hundreds of feature flags on `<html>` and every block repeats it.
    for c in v
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .take(MAX_CLASSES)
    {
        s.push('.');
        s.push_str(capped(c));
    }
    if let Some(id) = v.id() {
        let id: String = id
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        if !id.is_empty() {
            s.push('#');
            s.push_str(capped(&id));
        }
    }
    if let Some(ip) = v.attr("itemprop") {
        for tok in ip.split_whitespace().take(MAX_CLASSES) {
            s.push_str("[itemprop=");
            s.push_str(capped(tok));
            s.push(']');
        }
    }
    if let Some(role) = v.attr("role") {
        for tok in role.split_whitespace().take(MAX_CLASSES) {
            s.push_str("[role=");
            s.push_str(capped(tok));
            s.push(']');
        }
    }
    s
}

/// Item properties whose `content`/`datetime` attribute is metadata even when the
/// element is not a `<meta>` (`<time itemprop="datePublished" content="…">`).
const ITEMPROP_META: &[&str] = &["datepublished", "datemodified", "datecreated", "headline"];

crate::lexicon::word_set!(
    /// Class or id fragments marking a byline/dateline box: a `<time>` inside one is
    /// the article's own date, not a related-story date.
    HEADER_HINTS,
    crate::lexicon::PAGE_WORDS,
    "header_hints"
);

/// Metas, JSON-LD scripts and `<time>` elements, in document order (hidden ones
/// too: metadata is not meant to be seen).
fn collect_meta(root: ElementRef) -> Vec<MetaItem> {
    let mut out = Vec::new();
    // Article containers whose first paragraph has been passed: a `<time>` after
    // that point is inside the story text, not its header.
    let mut passed_first_p = Vec::new();
    for el in root.descendent_elements() {
        let v = el.value();
        let name = v.name().to_ascii_lowercase();
        match name.as_str() {
            "meta" => {
                let key = v
                    .attr("property")
                    .or_else(|| v.attr("name"))
                    .or_else(|| v.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, v.attr("content")) {
                    out.push(MetaItem::Meta {
                        name: key.trim().to_string(),
                        content: content.trim().to_string(),
                    });
                }
                continue;
            }
            "script" => {
                if v.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    out.push(MetaItem::JsonLd {
                        text: el.text().collect(),
                    });
                }
                continue;
            }
            "p" if el.text().any(|t| !t.trim().is_empty()) => {
                for a in el.ancestors() {
                    if ElementRef::wrap(a).is_some_and(|a| is_article_container(&a))
                        && !passed_first_p.contains(&a.id())
                    {
                        passed_first_p.push(a.id());
                    }
                }
            }
            "time" => {
                let text: String = el.text().collect::<Vec<_>>().join(" ");
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let mut in_header = false;
                for a in el.ancestors() {
                    let Some(a) = ElementRef::wrap(a) else {
                        continue;
                    };
                    let an = a.value().name().to_ascii_lowercase();
                    let label = format!(
                        "{} {}",
                        a.value().attr("class").unwrap_or(""),
                        a.value().id().unwrap_or("")
                    )
                    .to_ascii_lowercase();
                    if an == "header" || HEADER_HINTS.iter().any(|h| label.contains(h)) {
                        in_header = true;
                    }
                    if is_article_container(&a) && !passed_first_p.contains(&a.id()) {
                        in_header = true;
                    }
                }
                out.push(MetaItem::Time {
                    datetime: v.attr("datetime").unwrap_or("").trim().to_string(),
                    text,
                    in_header,
                });
            }
            _ => {}
        }
        // Microdata on ordinary elements.
        if let Some(ip) = v.attr("itemprop") {
            for tok in ip.split_whitespace() {
                if ITEMPROP_META.contains(&tok.to_ascii_lowercase().as_str()) {
                    if let Some(c) = v.attr("content").or_else(|| v.attr("datetime")) {
                        out.push(MetaItem::Meta {
                            name: tok.to_string(),
                            content: c.trim().to_string(),
                        });
                    }
                }
            }
        }
    }
    out
}

/// `<article>`, `<main>`, `[role=main]` or `[itemprop=articleBody]`.
fn is_article_container(el: &ElementRef) -> bool {
    let v = el.value();
    let n = v.name();
    n.eq_ignore_ascii_case("article")
        || n.eq_ignore_ascii_case("main")
        || v.attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        || v.attr("itemprop")
            .is_some_and(|r| r.split_whitespace().any(|t| t == "articleBody"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Page) -> Vec<&str> {
        p.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn class_lists_tokens_and_paths_are_capped() {
        let many: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
        let long = "x".repeat(500);
        let html = format!(
            "<html><body><div class=\"{} {long}\"><p class=\"{long}\">Text here.</p></div></body></html>",
            many.join(" ")
        );
        let p = page_from_html(&html, None);
        let path = &p.blocks[0].path;
        let div = path.split(' ').nth(2).unwrap_or("");
        assert_eq!(div.matches('.').count(), MAX_CLASSES);
        let pseg = path.split(' ').nth(3).unwrap_or("");
        assert_eq!(pseg.len(), 1 + 1 + MAX_TOKEN_CHARS);
        // A deep page of long class lists: segments past the byte limit are bare tags.
        let open = format!("<div class=\"{long} {long}\">").repeat(100);
        let html = format!("<html><body>{open}<p>Deep text.</p></body></html>");
        let p = page_from_html(&html, None);
        let b = &p.blocks[0];
        // Past the limit only bare tags (at most 11 bytes each, MAX_DEPTH of them) are added.
        assert!(
            b.path.len() <= MAX_PATH_BYTES + 11 * MAX_DEPTH,
            "{}",
            b.path.len()
        );
        assert!(b.path.ends_with(" div div p"));
        assert_eq!(b.ids.len(), b.path.split(' ').count());
    }

    #[test]
    fn blocks_own_text_and_paths() {
        let p = page_from_html(
            r#"<html><body><div class="wrap" id="x y">Lead in
            <p class="a b">First <b>bold</b>   para.</p> tail text</div></body></html>"#,
            Some("https://example.org/2024/03/05/x"),
        );
        assert_eq!(texts(&p), vec!["Lead in", "First bold para.", "tail text"]);
        assert_eq!(p.blocks[1].path, "html body div.wrap#x_y p.a.b");
        assert_eq!(p.blocks[1].tag, "p");
        assert_eq!(p.blocks[2].tag, "div");
        assert_eq!(p.blocks[1].ids.len(), 4);
        assert_eq!(p.url.as_deref(), Some("https://example.org/2024/03/05/x"));
    }

    #[test]
    fn hidden_and_script_skipped() {
        let p = page_from_html(
            r#"<p>Seen</p><p hidden>Gone</p><div aria-hidden="true">No</div>
            <p style="display: none">Nope</p><script>var x=1;</script><style>p{}</style>
            <noscript>enable js</noscript><p>Also seen</p>"#,
            None,
        );
        assert_eq!(texts(&p), vec!["Seen", "Also seen"]);
    }

    #[test]
    fn editors_are_never_read() {
        let p = page_from_html(
            r#"<body><p>Story text.</p><div contenteditable="true"><p>My draft</p></div>
            <div contenteditable><p>Another draft</p></div>
            <div contenteditable="false"><p>Shown</p></div></body>"#,
            None,
        );
        assert_eq!(texts(&p), vec!["Story text.", "Shown"]);
    }

    #[test]
    fn double_br_splits_paragraphs() {
        let p = page_from_html("<div>One line<br>same para<br><br>Second para</div>", None);
        assert_eq!(texts(&p), vec!["One line same para", "Second para"]);
    }

    #[test]
    fn metas_jsonld_and_time() {
        let p = page_from_html(
            r#"<html><head><meta property="article:published_time" content="2024-01-02T03:04:05Z">
            <script type="application/ld+json">{"datePublished":"2024-01-02"}</script></head>
            <body><article><header><time datetime="2024-01-02">Jan 2</time></header>
            <p>Body text here.</p><time datetime="2023-05-05">later</time>
            <span itemprop="datePublished" content="2024-01-02"></span></article></body></html>"#,
            None,
        );
        let mut kinds = Vec::new();
        for m in &p.meta {
            match m {
                MetaItem::Meta { name, .. } => kinds.push(format!("meta:{name}")),
                MetaItem::JsonLd { .. } => kinds.push("jsonld".into()),
                MetaItem::Time { in_header, .. } => kinds.push(format!("time:{in_header}")),
            }
        }
        assert_eq!(
            kinds,
            vec![
                "meta:article:published_time",
                "jsonld",
                "time:true",
                "time:false",
                "meta:datePublished"
            ]
        );
    }

    #[test]
    fn malformed_html_does_not_panic() {
        let inputs = [
            "<p>unclosed <b>bold <i>both</p> after",
            "<<<>>><p",
            "</div></div><td>cell</table>",
            "<div>\u{0}\u{feff}odd</div>",
            "",
        ];
        for i in inputs {
            let _ = page_from_html(i, None);
        }
        let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
        let p = page_from_html(&deep, None);
        assert_eq!(texts(&p), vec!["deep text"]);
    }

    #[test]
    fn canonical_url_when_none_given() {
        let p = page_from_html(
            r#"<head><link rel="canonical" href="https://example.com/2020/02/02/a"></head><p>x</p>"#,
            None,
        );
        assert_eq!(p.url.as_deref(), Some("https://example.com/2020/02/02/a"));
        let p = page_from_html(
            r#"<head><link rel="canonical" href="https://example.com/a"></head>"#,
            Some("https://given.example/b"),
        );
        assert_eq!(p.url.as_deref(), Some("https://given.example/b"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]
        /// Any tag soup: no panic, blocks are trimmed, collapsed and non-empty,
        /// ids match the path, and extraction offsets point at the block texts.
        #[test]
        fn any_markup_gives_well_formed_blocks(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("<p>".to_string()),
                    proptest::prelude::Just("</p>".to_string()),
                    proptest::prelude::Just("<div class='a b'>".to_string()),
                    proptest::prelude::Just("</div>".to_string()),
                    proptest::prelude::Just("<a href='#'>".to_string()),
                    proptest::prelude::Just("</a>".to_string()),
                    proptest::prelude::Just("<br>".to_string()),
                    proptest::prelude::Just("<table><tr><td>".to_string()),
                    proptest::prelude::Just("<script>".to_string()),
                    proptest::prelude::Just("<nav>".to_string()),
                    "[a-zé ,.\\n\u{a0}]{0,12}",
                ],
                0..40,
            )
        ) {
            let html = parts.concat();
            let page = page_from_html(&html, None);
            for b in &page.blocks {
                proptest::prop_assert!(!b.text.is_empty());
                proptest::prop_assert_eq!(b.text.trim(), b.text.as_str());
                proptest::prop_assert!(!b.text.contains("  "));
                proptest::prop_assert!(b.link_chars <= b.text.chars().count());
                proptest::prop_assert_eq!(b.ids.len(), b.path.split(' ').count());
            }
            let ex = crate::article::extract(&page);
            for &(i, at) in &ex.blocks {
                let t = &page.blocks[i].text;
                proptest::prop_assert_eq!(ex.text.get(at..at + t.len()), Some(t.as_str()));
            }
        }
    }

    #[test]
    fn link_chars_counted() {
        let p = page_from_html(r#"<li><a href="/a">Home</a> and more</li>"#, None);
        assert_eq!(p.blocks[0].link_chars, 4);
    }
}
