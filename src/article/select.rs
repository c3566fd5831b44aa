//! Article body selection: the article stage that finds the story among the page's
//! navigation, promos and comments.
//!
//! Input: a [`Page`]'s blocks (text, tag, ancestor path, link characters).
//! Output: a [`Selection`] — the indices of the body blocks, in document order.
//!
//! Method (after Mozilla Readability, adapted to blocks): rebuild the element tree
//! from the blocks' paths; drop blocks under boilerplate (nav, aside, footer,
//! comments, share/related/newsletter boxes, captions); score paragraph-like blocks
//! (length, commas) and pass the score to their ancestors (full, half, then a
//! third per level); weigh containers by tag and class/id words, favour explicit
//! body markers (`[itemprop=articleBody]`, `.article-body`, `<article>`) and
//! penalise link-heavy ones; pick the best container, add qualifying siblings, and
//! keep its non-boilerplate blocks (headings included).
//!
//! ```
//! use lede::article::{Block, Page, select::select};
//! let b = |text: &str, path: &str| Block { text: text.into(), tag: "p".into(), path: path.into(), ..Block::default() };
//! let para = "The bridge reopened on Friday, after two years of repairs, and traffic returned at once.";
//! let page = Page { blocks: vec![
//!     b("Home", "html body nav ul li"),
//!     b(para, "html body article p"),
//!     b(para, "html body article p"),
//!     b("Great story, thanks", "html body div.comments p"),
//! ], ..Page::default() };
//! assert_eq!(select(&page).blocks, vec![1, 2]);
//! ```

use super::Page;
use crate::text::Pattern;
use std::collections::HashMap;

/// Class/id words of boilerplate containers (Readability's `unlikelyCandidates`
/// plus share/newsletter/cookie/promo boxes and captions).
static UNLIKELY: Pattern = Pattern::new(|| {
    r"(?i)-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscribe|signup|cookie|consent|promo|recirc|most-popular|trending|toolbar|skip-link|sr-only|visually-hidden|outbrain|taboola".into()
});

/// Words that rescue a container from [`UNLIKELY`] (Readability's `okMaybeItsACandidate`).
static MAYBE: Pattern =
    Pattern::new(|| r"(?i)and|article|body|column|content|main|mathjax|shadow".into());

/// Class/id words of content containers (Readability's `positive`): +25.
static POSITIVE: Pattern = Pattern::new(|| {
    r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"
        .into()
});

/// Class/id words of non-content containers (Readability's `negative`): −25.
static NEGATIVE: Pattern = Pattern::new(|| {
    r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget".into()
});

crate::lexicon::word_set!(
    /// Class tokens that hide an element (Bootstrap, Foundation, utility CSS) or mark
    /// a dialog; matched as whole tokens (`hidden-xs` only hides on phones).
    HIDDEN_CLASSES,
    crate::lexicon::PAGE_WORDS,
    "hidden_classes"
);

crate::lexicon::word_set!(
    /// Prefixes of class tokens that only say whether a block has a caption.
    CAPTION_FLAG_PREFIXES,
    crate::lexicon::PAGE_WORDS,
    "caption_flag_prefixes"
);

/// Explicit article-body markers in class/id; such a container gets [`BODY_BONUS`].
static BODY_HINT: Pattern = Pattern::new(|| {
    r"(?i)article[-_]?body|story[-_]?body|entry[-_]?content|post[-_]?content|article[-_]?content|post[-_]?body|article[-_]?text|story[-_]?content|body[-_]?text".into()
});

/// Score added to containers marked as the article body (`[itemprop=articleBody]`,
/// [`BODY_HINT`] classes) and, less, to `<article>`/`<main>`/`[role=main]`.
const BODY_BONUS: f64 = 40.0;
const ARTICLE_TAG_BONUS: f64 = 15.0;

/// Tags whose whole subtree is boilerplate.
const EXCLUDED_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "figcaption",
    "menu",
    "dialog",
    "button",
];

crate::lexicon::word_set!(
    /// ARIA roles of boilerplate landmarks.
    EXCLUDED_ROLES,
    crate::lexicon::PAGE_WORDS,
    "excluded_roles"
);

/// Tags never judged by class words (page wrappers often carry dozens of flags).
const WRAPPER_TAGS: &[&str] = &["html", "body", "article", "main"];

/// Blocks shorter than this (characters) do not score (Readability: 25).
const MIN_SCORED_CHARS: usize = 25;

/// Block tags that carry prose and therefore score.
const SCORED_TAGS: &[&str] = &[
    "p",
    "pre",
    "td",
    "blockquote",
    "div",
    "section",
    "article",
    "main",
    "dd",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// How many of the best candidates are compared, how close (ratio of the top
/// score) an alternative must be, and how many must share an ancestor for that
/// ancestor to become the article (Readability: 5, 0.75, 3).
const TOP_CANDIDATES: usize = 5;
const ALTERNATIVE_RATIO: f64 = 0.75;
const MIN_ALTERNATIVES: usize = 3;

/// A sibling container with more of its text in links than this is not story.
const SIBLING_MAX_LINK_DENSITY: f64 = 0.25;

/// Readability's tag weights for a container's initial score.
fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Inside the chosen body, a short block whose text is mostly links is a menu,
/// a tag list or a "read more" line.
const BODY_MAX_LINK_DENSITY: f64 = 0.5;
/// Blocks at least this long are sentences that cite sources in links; they go
/// only when nearly all link text ([`LONG_MAX_LINK_DENSITY`]).
const LINK_LINE_MAX_CHARS: usize = 100;
const LONG_MAX_LINK_DENSITY: f64 = 0.8;

/// The chosen body blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Indices into `Page::blocks`, ascending.
    pub blocks: Vec<usize>,
    /// The path of the chosen container (for diagnostics).
    pub container: Option<String>,
}

/// One path segment, parsed.
#[derive(Debug, Clone, PartialEq)]
struct Seg {
    tag: String,
    class: String,
    id: String,
    itemprops: Vec<String>,
    roles: Vec<String>,
}

fn parse_seg(s: &str) -> Seg {
    let mut seg = Seg {
        tag: String::new(),
        class: String::new(),
        id: String::new(),
        itemprops: Vec::new(),
        roles: Vec::new(),
    };
    // Brackets first: `[itemprop=x]`, `[role=y]`.
    let (head, brackets) = match s.find('[') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    for part in brackets.split('[').filter(|p| !p.is_empty()) {
        let part = part.trim_end_matches(']');
        if let Some(v) = part.strip_prefix("itemprop=") {
            seg.itemprops.push(v.to_string());
        } else if let Some(v) = part.strip_prefix("role=") {
            seg.roles.push(v.to_ascii_lowercase());
        }
    }
    let (head, id) = match head.find('#') {
        Some(i) => (&head[..i], &head[i + 1..]),
        None => (head, ""),
    };
    seg.id = id.to_string();
    let mut parts = head.split('.');
    seg.tag = parts.next().unwrap_or("").to_ascii_lowercase();
    seg.class = parts.collect::<Vec<_>>().join(" ");
    seg
}

impl Seg {
    fn label(&self) -> String {
        format!("{} {}", self.class, self.id)
    }

    fn is_boilerplate(&self, by_words: bool) -> bool {
        if EXCLUDED_TAGS.contains(&self.tag.as_str())
            || self
                .roles
                .iter()
                .any(|r| EXCLUDED_ROLES.contains(&r.as_str()))
        {
            return true;
        }
        if !by_words || WRAPPER_TAGS.contains(&self.tag.as_str()) || self.is_body_marker() {
            return false;
        }
        if self.hidden_by_class() || self.is_caption() {
            return true;
        }
        let label = self.label();
        UNLIKELY.is_match(&label) && !MAYBE.is_match(&label)
    }

    /// A class token that hides the element in common CSS frameworks, unless
    /// a responsive token shows it again (`hidden md:block`).
    fn hidden_by_class(&self) -> bool {
        let tokens = || self.class.split_whitespace();
        tokens().any(|t| HIDDEN_CLASSES.contains(&t.to_ascii_lowercase().as_str()))
            && !tokens().any(|t| t.contains(':'))
    }

    /// A caption or photo credit box (`wp-caption`, `image-credit`), but not a
    /// `no_caption` / `has-caption` flag on a content block.
    fn is_caption(&self) -> bool {
        self.class.split_whitespace().any(|t| {
            let t = t.to_ascii_lowercase();
            (t.contains("caption") || t.contains("credit"))
                && !CAPTION_FLAG_PREFIXES.iter().any(|p| t.starts_with(p))
        })
    }

    fn is_body_marker(&self) -> bool {
        self.itemprops.iter().any(|p| p == "articleBody")
            || BODY_HINT.is_match(&self.class)
            || BODY_HINT.is_match(&self.id)
    }

    fn is_article_tag(&self) -> bool {
        matches!(self.tag.as_str(), "article" | "main") || self.roles.iter().any(|r| r == "main")
    }

    /// Readability's class weight, plus the body-marker bonus.
    fn weight(&self) -> f64 {
        let mut w = tag_weight(&self.tag);
        for s in [&self.class, &self.id] {
            if s.is_empty() {
                continue;
            }
            if NEGATIVE.is_match(s) {
                w -= 25.0;
            }
            if POSITIVE.is_match(s) {
                w += 25.0;
            }
        }
        if self.is_body_marker() {
            w += BODY_BONUS;
        } else if self.is_article_tag() {
            w += ARTICLE_TAG_BONUS;
        }
        w
    }
}

/// A container element rebuilt from the paths.
#[derive(Debug, Clone)]
struct Node {
    seg: Seg,
    parent: Option<usize>,
    /// Score from the paragraphs below (before weights and link density).
    score: f64,
    scored: bool,
    chars: usize,
    link_chars: usize,
}

/// Chooses the article body blocks of a page.
pub fn select(page: &Page) -> Selection {
    let blocks = &page.blocks;
    if blocks.is_empty() {
        return Selection::default();
    }
    let segs: Vec<Vec<Seg>> = blocks
        .iter()
        .map(|b| b.path.split_whitespace().map(parse_seg).collect())
        .collect();
    let (nodes, chains) = build_tree(page, &segs);
    // Like Readability, relax the boilerplate rules when the strict pass finds too
    // little (a whole page wrapped in `div.site_header`, say).
    let mut tries: Vec<(usize, Selection)> = Vec::new();
    for level in [Strictness::Full, Strictness::TagsOnly, Strictness::Nothing] {
        let sel = attempt(page, &segs, nodes.clone(), &chains, level);
        let chars: usize = sel
            .blocks
            .iter()
            .map(|&i| blocks[i].text.chars().count())
            .sum();
        if chars >= MIN_ARTICLE_CHARS && level == Strictness::Full {
            return sel;
        }
        tries.push((chars, sel));
    }
    // The strict pass found little: the strictest pass that kept at least half of
    // what the loosest one found, so a brief story does not pull in its footer.
    let most = tries.iter().map(|t| t.0).max().unwrap_or(0);
    tries
        .into_iter()
        .find(|(c, _)| c * 2 >= most)
        .map(|(_, s)| s)
        .unwrap_or_default()
}

/// How much is treated as boilerplate in one selection pass.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Strictness {
    /// Tags, landmark roles, class/id words and site-level headers.
    Full,
    /// Tags and landmark roles only.
    TagsOnly,
    /// Nothing: every block may be chosen.
    Nothing,
}

/// A body shorter than this (characters) makes the selector try again with
/// looser boilerplate rules (Readability's `charThreshold`).
const MIN_ARTICLE_CHARS: usize = 500;

fn attempt(
    page: &Page,
    segs: &[Vec<Seg>],
    mut nodes: Vec<Node>,
    chains: &[Vec<usize>],
    level: Strictness,
) -> Selection {
    let blocks = &page.blocks;
    // Boilerplate: a block is dropped when any element on its path is boilerplate,
    // or a site-level <header> (one not inside an article container) holds it.
    let boiler: Vec<bool> = segs
        .iter()
        .map(|path| {
            let mut in_article = false;
            for s in path {
                if level != Strictness::Nothing && s.is_boilerplate(level == Strictness::Full) {
                    return true;
                }
                if level == Strictness::Full && s.tag == "header" && !in_article {
                    return true;
                }
                if s.is_article_tag() || s.is_body_marker() {
                    in_article = true;
                }
            }
            false
        })
        .collect();

    // Text and link totals per container (all blocks, as Readability measures the DOM).
    for (i, b) in blocks.iter().enumerate() {
        let n = b.text.chars().count();
        for &node in &chains[i] {
            nodes[node].chars += n;
            nodes[node].link_chars += b.link_chars.min(n);
        }
    }

    // Score paragraphs into their ancestors (the block element itself excluded).
    for (i, b) in blocks.iter().enumerate() {
        if boiler[i] || !SCORED_TAGS.contains(&b.tag.as_str()) {
            continue;
        }
        let len = b.text.chars().count();
        if len < MIN_SCORED_CHARS {
            continue;
        }
        let commas = b.text.matches([',', '，', '、', '،']).count();
        let score = 1.0 + commas as f64 + (len as f64 / 100.0).floor().min(3.0);
        let chain = &chains[i];
        let ancestors = chain.len().saturating_sub(1);
        for level in 0..ancestors.min(5) {
            let node = chain[ancestors - 1 - level];
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let n = &mut nodes[node];
            if !n.scored {
                n.scored = true;
                n.score = n.seg.weight();
            }
            n.score += score / divider;
        }
    }

    let final_score = |n: &Node| n.score * (1.0 - link_density(n));
    let candidates: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].scored && nodes[i].seg.tag != "html")
        .collect();
    let mut top = match candidates
        .iter()
        .copied()
        .max_by(|&a, &b| final_score(&nodes[a]).total_cmp(&final_score(&nodes[b])))
    {
        Some(t) => t,
        None => return fallback(page, &boiler),
    };

    // Several near-equal candidates under one ancestor (a story split into steps or
    // sections): the ancestor is the article (Readability's alternative candidates).
    let top_first = final_score(&nodes[top]);
    let mut ranked = candidates.clone();
    ranked.sort_by(|&a, &b| final_score(&nodes[b]).total_cmp(&final_score(&nodes[a])));
    let alternatives: Vec<usize> = ranked
        .iter()
        .copied()
        .take(TOP_CANDIDATES)
        .filter(|&c| c != top && final_score(&nodes[c]) >= top_first * ALTERNATIVE_RATIO)
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut anc = nodes[top].parent;
        while let Some(a) = anc {
            if matches!(nodes[a].seg.tag.as_str(), "html" | "body") {
                break;
            }
            let under = alternatives
                .iter()
                .filter(|&&c| is_ancestor(&nodes, a, c))
                .count();
            if under >= MIN_ALTERNATIVES {
                top = a;
                break;
            }
            anc = nodes[a].parent;
        }
    }

    // Climb while a parent scores higher (the story is split over several children).
    let top_score = final_score(&nodes[top]);
    let mut last = top_score;
    let mut cur = nodes[top].parent;
    while let Some(p) = cur {
        if matches!(nodes[p].seg.tag.as_str(), "html" | "body") {
            break;
        }
        if nodes[p].scored {
            let s = final_score(&nodes[p]);
            if s < top_score / 3.0 {
                break;
            }
            if s > last {
                top = p;
                break;
            }
            last = s;
        }
        cur = nodes[p].parent;
    }
    // A lone child: its parent holds the same text and maybe a header beside it.
    while let Some(p) = nodes[top].parent {
        if matches!(nodes[p].seg.tag.as_str(), "html" | "body")
            || nodes[p].chars != nodes[top].chars
        {
            break;
        }
        top = p;
    }

    // Siblings of the top container that look like more of the story.
    let top_final = final_score(&nodes[top]).max(top_score);
    let threshold = (top_final * 0.2).max(10.0);
    let parent = nodes[top].parent;
    let top_class = nodes[top].seg.class.clone();
    let mut chosen_nodes = vec![top];
    if let Some(p) = parent {
        for (i, n) in nodes.iter().enumerate() {
            if i == top || n.parent != Some(p) {
                continue;
            }
            let same_class = !top_class.is_empty() && n.seg.class == top_class;
            // A same-class sibling whose paragraphs sit too deep to have scored
            // here is still the next part of the story if it is prose, not links.
            if same_class && !n.scored && n.chars > 0 && link_density(n) < SIBLING_MAX_LINK_DENSITY
            {
                chosen_nodes.push(i);
                continue;
            }
            if !n.scored {
                continue;
            }
            let bonus = if same_class { top_final * 0.2 } else { 0.0 };
            if final_score(n) + bonus >= threshold {
                chosen_nodes.push(i);
            }
        }
    }
    // Cousins of the same tag and class, or both marked as body (a story cut into `div.story-body` parts
    // that sit in separate wrappers between ads).
    let grandparent = parent.and_then(|p| nodes[p].parent);
    if let (Some(g), false) = (grandparent, top_class.is_empty()) {
        for (i, n) in nodes.iter().enumerate() {
            if i == top
                || !n.scored
                || n.seg.tag != nodes[top].seg.tag
                || !(n.seg.class == top_class
                    || (n.seg.is_body_marker() && nodes[top].seg.is_body_marker()))
                || n.parent.and_then(|p| nodes[p].parent) != Some(g)
            {
                continue;
            }
            if final_score(n) >= threshold && !chosen_nodes.contains(&i) {
                chosen_nodes.push(i);
            }
        }
    }

    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if boiler[i] {
            continue;
        }
        let chain = &chains[i];
        let inside = chosen_nodes.iter().any(|&c| chain.contains(&c));
        let sibling_para = parent.is_some_and(|p| {
            chain.len() >= 2 && chain[chain.len() - 2] == p && is_sibling_paragraph(b)
        });
        if !(inside || sibling_para) {
            continue;
        }
        let n = b.text.chars().count().max(1);
        let ld = b.link_chars as f64 / n as f64;
        let link_line = if n < LINK_LINE_MAX_CHARS {
            ld > BODY_MAX_LINK_DENSITY
        } else {
            ld > LONG_MAX_LINK_DENSITY
        };
        // Headings and table cells keep their links: a linked headline or film
        // title in a data table is content, not navigation.
        if link_line
            && !matches!(
                b.tag.as_str(),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th"
            )
        {
            continue;
        }
        out.push(i);
    }
    Selection {
        blocks: out,
        container: Some(
            segs.iter()
                .zip(chains)
                .find_map(|(s, c)| c.iter().position(|&x| x == top).map(|k| seg_path(&s[..=k])))
                .unwrap_or_default(),
        ),
    }
}

fn link_density(n: &Node) -> f64 {
    if n.chars == 0 {
        0.0
    } else {
        n.link_chars as f64 / n.chars as f64
    }
}

/// Whether `anc` is a proper ancestor of `node`.
fn is_ancestor(nodes: &[Node], anc: usize, node: usize) -> bool {
    let mut cur = nodes[node].parent;
    while let Some(p) = cur {
        if p == anc {
            return true;
        }
        cur = nodes[p].parent;
    }
    false
}

/// Readability's rule for a loose paragraph beside the top container.
fn is_sibling_paragraph(b: &super::Block) -> bool {
    if b.tag != "p" {
        return false;
    }
    let n = b.text.chars().count();
    let ld = b.link_chars as f64 / n.max(1) as f64;
    (n > 80 && ld < 0.25) || (n > 0 && ld == 0.0 && b.text.contains(". "))
}

fn seg_path(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| {
            let mut x = s.tag.clone();
            if !s.class.is_empty() {
                x.push('.');
                x.push_str(&s.class.replace(' ', "."));
            }
            if !s.id.is_empty() {
                x.push('#');
                x.push_str(&s.id);
            }
            x
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// No paragraph scored (a page of short lines): keep every non-boilerplate block.
fn fallback(page: &Page, boiler: &[bool]) -> Selection {
    Selection {
        blocks: (0..page.blocks.len()).filter(|&i| !boiler[i]).collect(),
        container: None,
    }
}

/// Rebuilds the element tree: one node per distinct element on the blocks' paths.
/// Elements are identified by `Block::ids` when every block carries them, else by
/// runs of consecutive blocks sharing the same path prefix. Returns the nodes and,
/// per block, its chain of node indices from the root down (block element last).
fn build_tree(page: &Page, segs: &[Vec<Seg>]) -> (Vec<Node>, Vec<Vec<usize>>) {
    let use_ids = page
        .blocks
        .iter()
        .zip(segs)
        .all(|(b, s)| b.ids.len() == s.len());
    let mut nodes: Vec<Node> = Vec::new();
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(segs.len());
    let mut by_id: HashMap<u32, usize> = HashMap::new();
    for (bi, path) in segs.iter().enumerate() {
        let mut chain = Vec::with_capacity(path.len());
        for (d, seg) in path.iter().enumerate() {
            let parent = chain.last().copied();
            let existing = if use_ids {
                by_id.get(&page.blocks[bi].ids[d]).copied()
            } else {
                // Same element as the previous block's at this depth when the whole
                // prefix matches (and so the parent is shared).
                chains.last().and_then(|prev: &Vec<usize>| {
                    let &node = prev.get(d)?;
                    (nodes[node].parent == parent && nodes[node].seg == *seg).then_some(node)
                })
            };
            let node = match existing {
                Some(n) => n,
                None => {
                    nodes.push(Node {
                        seg: seg.clone(),
                        parent,
                        score: 0.0,
                        scored: false,
                        chars: 0,
                        link_chars: 0,
                    });
                    let n = nodes.len() - 1;
                    if use_ids {
                        by_id.insert(page.blocks[bi].ids[d], n);
                    }
                    n
                }
            };
            chain.push(node);
        }
        chains.push(chain);
    }
    (nodes, chains)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::html::page_from_html;

    const PARA: &str = "The ferry service resumed on Tuesday, after a week of storms, and the first boat left at dawn with forty passengers aboard.";

    fn selected_texts(html: &str) -> Vec<String> {
        let page = page_from_html(html, None);
        select(&page)
            .blocks
            .iter()
            .map(|&i| page.blocks[i].text.clone())
            .collect()
    }

    #[test]
    fn nav_aside_comments_excluded() {
        let html = format!(
            r#"<body><header><ul class="menu"><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></header>
            <nav><a href="/a">Sections</a></nav>
            <div class="page"><article><h1>Ferries return</h1><p>{PARA}</p>
            <div class="share-tools"><p>Share this story with friends, family, and colleagues today</p></div>
            <h2>What next</h2><p>{PARA}</p><figure><figcaption>A boat, at dawn, in the harbour, leaving.</figcaption></figure>
            <p>{PARA}</p></article>
            <aside><p>{PARA}</p></aside>
            <div id="comments"><p>Nice story, really, I enjoyed it very much, thanks a lot.</p></div></div>
            <footer><p>Copyright, all rights reserved, the paper, since forever.</p></footer></body>"#
        );
        let got = selected_texts(&html);
        assert_eq!(got, vec!["Ferries return", PARA, "What next", PARA, PARA]);
    }

    #[test]
    fn article_body_marker_wins_over_longer_teasers() {
        // A rail of teaser paragraphs, longer than the story itself.
        let long = format!("{PARA} {PARA}");
        let html = format!(
            r#"<div class="layout"><div class="rail"><p><a href="/1">{long}</a></p><p><a href="/2">{long}</a></p></div>
            <div class="story"><div itemprop="articleBody"><p>{PARA}</p><p>{PARA}</p></div></div></div>"#
        );
        let page = page_from_html(&html, None);
        let sel = select(&page);
        assert_eq!(sel.blocks, vec![2, 3], "{sel:?}");
    }

    #[test]
    fn link_lists_inside_body_dropped() {
        let html = format!(
            r#"<article><p>{PARA}</p><ul><li><a href="/x">Another story about boats</a></li></ul><p>{PARA}</p></article>"#
        );
        assert_eq!(selected_texts(&html), vec![PARA, PARA]);
    }

    #[test]
    fn works_without_ids_by_contiguity() {
        let mut page = page_from_html(
            &format!(
                r#"<div class="x"><p>Short.</p></div><div class="a"><p>{PARA}</p><p>{PARA}</p></div>"#
            ),
            None,
        );
        for b in &mut page.blocks {
            b.ids.clear();
        }
        let sel = select(&page);
        assert_eq!(sel.blocks, vec![1, 2]);
    }

    #[test]
    fn class_hidden_dialogs_dropped() {
        let html = format!(
            r#"<article><p>{PARA}</p><div class="modal fade"><p>Sign in, please, to keep reading our pieces.</p></div>
            <div class="hidden md:block"><p>{PARA}</p></div><div class="hidden"><p>Invisible words, kept in the page, for later use.</p></div>
            <div class="hidden-xs"><p>{PARA}</p></div></article>"#
        );
        assert_eq!(selected_texts(&html), vec![PARA, PARA, PARA]);
    }

    #[test]
    fn empty_and_tiny_pages() {
        assert!(select(&Page::default()).blocks.is_empty());
        let page = page_from_html("<p>Hi</p><p>There</p>", None);
        assert_eq!(select(&page).blocks, vec![0, 1]);
    }
}
