//! Is the text article finding picked a news article? Article finding always picks *some*
//! blocks; on a login form or a list of search results that choice is noise, and analysing
//! it would highlight noise. Decided before the analysis (the page pipeline skips the
//! analysis of a page that is not an article).
//!
//! Input: the [`Page`] and the chosen block indices.
//! (List text is a block whose own element is `li`, `td`, `th` or `dd`, or any block inside
//! a list item; a paragraph inside a layout table is prose.) Output: [`Verdict`]. Signals, all from
//! the page's structure (the same as the extension's former `articleVerdict` in
//! `content.js`):
//! * article markup (an `<article>`/`<main>` or `articleBody` around the picked text, a
//!   JSON-LD `*Article`, `og:type=article`) with at least 40 words of text;
//! * without it: at least 150 words, in at least 3 blocks of 12+ words, less than a third of
//!   the characters in links, and most of the text outside list items and table cells
//!   (or, beside them, at least 300 words of prose paragraphs: a report with long tables).
//!
//! Example: three paragraphs of prose in `<article>` → an article ("article markup"); a
//! page of 20 one-line links → not ("only 60 words of text").

use super::{MetaItem, Page};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verdict {
    pub article: bool,
    /// Why, in a few words ("article markup", "mostly links").
    pub reason: String,
}

const MARKUP_MIN_WORDS: usize = 40;
const MIN_WORDS: usize = 150;
const PROSE_BLOCK_WORDS: usize = 12;
const MIN_PROSE_BLOCKS: usize = 3;
/// Words of prose outside lists and tables that make a list-heavy page an article.
const PROSE_BESIDE_LISTS: usize = 300;

fn verdict(article: bool, reason: impl Into<String>) -> Verdict {
    Verdict {
        article,
        reason: reason.into(),
    }
}

/// The verdict on the blocks `picked` (indices into `page.blocks`).
pub fn judge(page: &Page, picked: &[usize]) -> Verdict {
    let blocks: Vec<&super::Block> = picked.iter().filter_map(|&i| page.blocks.get(i)).collect();
    let words = |s: &str| s.split_whitespace().count();
    let total: usize = blocks.iter().map(|b| words(&b.text)).sum();
    let markup = blocks.iter().any(|b| {
        b.path.split_whitespace().any(|seg| {
            let tag = seg.split(['.', '#', '[']).next().unwrap_or("");
            matches!(tag, "article" | "main")
                || seg.contains("[itemprop=articleBody]")
                || seg.contains("[role=main]")
        })
    }) || page.meta.iter().any(|m| match m {
        MetaItem::JsonLd { text } => json_ld_article(text),
        MetaItem::Meta { name, content } => {
            name == "og:type" && content.to_ascii_lowercase().contains("article")
        }
        MetaItem::Time { .. } => false,
    });
    if markup && total >= MARKUP_MIN_WORDS {
        return verdict(true, "article markup");
    }
    if total < MIN_WORDS {
        return verdict(false, format!("only {total} words of text"));
    }
    let chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    let links: usize = blocks.iter().map(|b| b.link_chars).sum();
    if links * 3 > chars {
        return verdict(false, "mostly links");
    }
    // The block's own element, or a list item around it: a paragraph inside a list item is
    // a result snippet or a teaser, while a paragraph inside a table cell is still prose
    // (pages laid out in tables).
    let listed = |b: &&&super::Block| {
        matches!(b.tag.as_str(), "li" | "td" | "th" | "dd")
            || b.path
                .split_whitespace()
                .any(|seg| seg.split(['.', '#', '[']).next() == Some("li"))
    };
    let in_list: usize = blocks
        .iter()
        .filter(listed)
        .map(|b| b.text.chars().count())
        .sum();
    // Prose outside lists and tables: a report with long tables is still a report.
    let free_prose_words: usize = blocks
        .iter()
        .filter(|b| !listed(b) && words(&b.text) >= PROSE_BLOCK_WORDS)
        .map(|b| words(&b.text))
        .sum();
    if in_list * 2 > chars && free_prose_words < PROSE_BESIDE_LISTS {
        return verdict(false, "a list, not prose");
    }
    let prose = blocks
        .iter()
        .filter(|b| words(&b.text) >= PROSE_BLOCK_WORDS)
        .count();
    if prose < MIN_PROSE_BLOCKS {
        return verdict(false, "no paragraphs of prose");
    }
    verdict(true, "prose")
}

/// A JSON-LD `"@type"` of `Article`, `NewsArticle`, `BlogArticle`, `ReportArticle` or
/// `ScholarlyArticle` (also inside a type array).
fn json_ld_article(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find("\"@type\"") {
        rest = &rest[i + 7..];
        let value = rest.trim_start().trim_start_matches(':').trim_start();
        let value = value.trim_start_matches('[').trim_start();
        let Some(v) = value.strip_prefix('"') else {
            continue;
        };
        let name = v.split('"').next().unwrap_or("");
        if matches!(
            name,
            "Article" | "NewsArticle" | "BlogArticle" | "ReportArticle" | "ScholarlyArticle"
        ) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn block(text: &str, path: &str, link_chars: usize) -> Block {
        Block {
            text: text.into(),
            tag: "p".into(),
            path: path.into(),
            link_chars,
            ..Block::default()
        }
    }

    const PARA: &str = "The ferry service resumed on Tuesday after a week of storms, and the first boat left at dawn with forty passengers aboard and a cargo of mail.";

    #[test]
    fn article_markup_or_prose() {
        let page = Page {
            blocks: vec![
                block(PARA, "html body article p", 0),
                block(PARA, "html body article p", 0),
            ],
            ..Page::default()
        };
        assert_eq!(judge(&page, &[0, 1]), verdict(true, "article markup"));
        let prose = Page {
            blocks: (0..6).map(|_| block(PARA, "html body div p", 0)).collect(),
            ..Page::default()
        };
        assert_eq!(judge(&prose, &[0, 1, 2, 3, 4, 5]), verdict(true, "prose"));
        assert!(json_ld_article(
            r#"{"@type": ["NewsArticle"], "headline": "x"}"#
        ));
        assert!(!json_ld_article(r#"{"@type": "WebPage"}"#));
    }

    #[test]
    fn lists_links_and_short_pages_are_not_articles() {
        let short = Page {
            blocks: vec![block("Sign in to continue", "html body form div", 0)],
            ..Page::default()
        };
        assert!(!judge(&short, &[0]).article);
        let links = Page {
            blocks: (0..6)
                .map(|_| block(PARA, "html body div p", 140))
                .collect(),
            ..Page::default()
        };
        assert_eq!(judge(&links, &[0, 1, 2, 3, 4, 5]).reason, "mostly links");
        let list = Page {
            blocks: (0..6)
                .map(|_| Block {
                    tag: "li".into(),
                    ..block(PARA, "html body ul li", 0)
                })
                .collect(),
            ..Page::default()
        };
        assert_eq!(
            judge(&list, &[0, 1, 2, 3, 4, 5]).reason,
            "a list, not prose"
        );
        // Search results: a snippet paragraph inside each list item.
        let results = Page {
            blocks: (0..6)
                .map(|_| block(PARA, "html body ol.results li p", 0))
                .collect(),
            ..Page::default()
        };
        assert_eq!(
            judge(&results, &[0, 1, 2, 3, 4, 5]).reason,
            "a list, not prose"
        );
        // A page laid out in a table: its paragraphs are prose.
        let table = Page {
            blocks: (0..6)
                .map(|_| block(PARA, "html body table tr td p", 0))
                .collect(),
            ..Page::default()
        };
        assert!(judge(&table, &[0, 1, 2, 3, 4, 5]).article);
    }
}
