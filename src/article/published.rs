//! Publication date: the article stage that anchors relative time expressions.
//!
//! Input: a [`Page`] (metadata items, blocks, URL) and the selected body blocks.
//! Output: [`Published`] — the original publication date as written (local date of
//! the timestamp), the later modified date when stated, and the source it came from.
//!
//! Sources, most trusted first (the first that yields a date wins; the modified
//! date is taken from the same family of source):
//! 1. JSON-LD `datePublished` (top level, `@graph`, arrays, nested objects; article
//!    types preferred over others),
//! 2. metas in [`META_PUBLISHED`] order (`article:published_time` first),
//! 3. JSON-LD `dateCreated`,
//! 4. a `<time datetime>` in the article header,
//! 5. a visible byline/dateline date near the start of the body,
//! 6. a date in the URL path (`/2025/05/12/`).
//!
//! ```
//! use lede::article::{Page, MetaItem, published::published};
//! let page = Page {
//!     meta: vec![MetaItem::Meta {
//!         name: "article:published_time".into(),
//!         content: "2024-06-30T22:10:00-07:00".into(),
//!     }],
//!     ..Page::default()
//! };
//! let p = published(&page).unwrap();
//! assert_eq!(p.date.to_string(), "2024-06-30");
//! assert_eq!(p.source, "meta article:published_time");
//! ```

use super::dates::{find_in_text, parse_machine, ymd};
use super::select::{select, Selection};
use super::{MetaItem, Page};
use crate::model::Published;
use chrono::NaiveDate;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// Meta names (lower-case) that carry the original publication date, in order of
/// trust. OpenGraph's article namespace is the de-facto standard; the rest are
/// analytics (Parse.ly, Sailthru), Dublin Core and site conventions.
const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "parsely-pub-date",
    "parsely-page", // JSON with a "pub_date" field
    "dc.date",
    "dc.date.created",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_at",
    "article.published",
    "pdate",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "datepublished", // itemprop
];

/// Meta names carrying a later modification date.
const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// JSON-LD `@type`s that describe the article itself (rather than its author,
/// publisher, images or the site).
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "review",
];

/// Nested JSON-LD deeper than this is ignored (hostile input).
const MAX_JSON_DEPTH: usize = 24;

/// How far before the first body block a byline may sit, and how far into the
/// body it may be, in blocks; and the longest block read as a byline (characters).
const BYLINE_BEFORE: usize = 25;
const BYLINE_AFTER: usize = 3;
const BYLINE_MAX_CHARS: usize = 200;

/// Words that mark the date after them as a later update rather than the original.
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:updated|modified|edited|revised)\b").expect("static regex")
});

/// Class/id words of a byline or dateline box.
static BYLINE_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)byline|dateline|timestamp|posted|published|pubdate|article-?date|post-?date|entry-?date|meta|author")
        .expect("static regex")
});

/// A date in a URL path: `/2025/05/12/`, `/2025-05-12/`, `/20250512/` (each form
/// with its own separators, so an id such as `/2089096-title` is not a date).
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.\-]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.\-]|$)",
    )
    .expect("static regex")
});

/// Finds the publication date of a page.
pub fn published(page: &Page) -> Option<Published> {
    published_with(page, &select(page))
}

/// Like [`published`], reusing a body selection already made.
pub fn published_with(page: &Page, sel: &Selection) -> Option<Published> {
    from_json_ld(page, "datePublished")
        .or_else(|| from_metas(page))
        .or_else(|| from_json_ld(page, "dateCreated"))
        .or_else(|| from_time(page))
        .or_else(|| from_byline(page, sel))
        .or_else(|| from_url(page))
        .map(|mut p| {
            // A "modified" date before the original is noise (copied templates).
            if p.modified.is_some_and(|m| m <= p.date) {
                p.modified = None;
            }
            p
        })
}

fn published_at(date: NaiveDate, source: &str, modified: Option<NaiveDate>) -> Published {
    Published {
        date,
        source: source.to_string(),
        modified,
    }
}

// ---- JSON-LD ----

/// One JSON-LD object's date fields.
struct LdDates {
    is_article: bool,
    /// Nesting depth: the page's own article is the shallowest one; deeper
    /// article objects are often related stories (`itemListElement`, `hasPart`).
    depth: usize,
    field: Option<NaiveDate>,
    modified: Option<NaiveDate>,
}

fn from_json_ld(page: &Page, field: &str) -> Option<Published> {
    let mut found: Vec<LdDates> = Vec::new();
    for item in &page.meta {
        let MetaItem::JsonLd { text } = item else {
            continue;
        };
        match parse_json_lenient(text) {
            Some(v) => collect_ld(&v, field, 0, &mut found),
            None => {
                // Broken JSON: still read a plainly written field.
                if let Some(d) = raw_json_field(text, field) {
                    found.push(LdDates {
                        is_article: false,
                        depth: 0,
                        field: Some(d),
                        modified: raw_json_field(text, "dateModified"),
                    });
                }
            }
        }
    }
    // Article objects first, the shallowest of them; document order breaks ties.
    let best = found
        .iter()
        .filter(|f| f.field.is_some() && f.is_article)
        .min_by_key(|f| f.depth)
        .or_else(|| found.iter().find(|f| f.field.is_some()))?;
    Some(published_at(
        best.field?,
        &format!("json-ld {field}"),
        best.modified,
    ))
}

/// JSON-LD as sites write it: sometimes wrapped in comments or CDATA markers.
fn parse_json_lenient(text: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(text) {
        return Some(v);
    }
    let cleaned = text
        .replace("<!--", "")
        .replace("-->", "")
        .replace("//<![CDATA[", "")
        .replace("//]]>", "")
        .replace("<![CDATA[", "")
        .replace("]]>", "");
    serde_json::from_str(cleaned.trim().trim_end_matches(';')).ok()
}

/// A date field written plainly in JSON text that does not parse as JSON.
static LD_RAW_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(date(?:Published|Created|Modified))"\s*:\s*"([^"]{4,40})""#)
        .expect("static regex")
});

fn raw_json_field(text: &str, field: &str) -> Option<NaiveDate> {
    LD_RAW_FIELD
        .captures_iter(text)
        .filter(|c| &c[1] == field)
        .find_map(|c| parse_machine(&c[2]))
}

fn collect_ld(v: &Value, field: &str, depth: usize, out: &mut Vec<LdDates>) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match v {
        Value::Array(items) => {
            for i in items {
                collect_ld(i, field, depth + 1, out);
            }
        }
        Value::Object(map) => {
            let date = |k: &str| map.get(k).and_then(value_date);
            let f = date(field);
            if f.is_some() {
                out.push(LdDates {
                    is_article: ld_is_article(map.get("@type")),
                    depth,
                    field: f,
                    modified: date("dateModified"),
                });
            }
            for (k, child) in map {
                if k != field {
                    collect_ld(child, field, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// A date from a JSON value: a string, or the first string of an array.
fn value_date(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::String(s) => parse_machine(s),
        Value::Array(a) => a.iter().find_map(value_date),
        _ => None,
    }
}

fn ld_is_article(t: Option<&Value>) -> bool {
    let is = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase();
        ARTICLE_TYPES.contains(&s.as_str())
    };
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

// ---- metas ----

fn from_metas(page: &Page) -> Option<Published> {
    let metas: Vec<(String, &str)> = page
        .meta
        .iter()
        .filter_map(|m| match m {
            MetaItem::Meta { name, content } => Some((name.to_ascii_lowercase(), content.as_str())),
            _ => None,
        })
        .collect();
    let modified = META_MODIFIED.iter().find_map(|want| {
        metas
            .iter()
            .filter(|(n, _)| n == want)
            .find_map(|(_, c)| parse_machine(c))
    });
    for want in META_PUBLISHED {
        for (_, content) in metas.iter().filter(|(n, _)| n == want) {
            let date = if *want == "parsely-page" {
                parsely_page_date(content)
            } else {
                parse_machine(content)
            };
            if let Some(d) = date {
                return Some(published_at(d, &format!("meta {want}"), modified));
            }
        }
    }
    None
}

/// Parse.ly's `parsely-page` meta holds JSON with a `pub_date` field.
fn parsely_page_date(content: &str) -> Option<NaiveDate> {
    let v: Value = serde_json::from_str(content).ok()?;
    v.get("pub_date").and_then(value_date)
}

// ---- <time> in the header ----

fn from_time(page: &Page) -> Option<Published> {
    let mut published = None;
    let mut modified = None;
    for m in &page.meta {
        let MetaItem::Time {
            datetime,
            text,
            in_header: true,
        } = m
        else {
            continue;
        };
        let date = parse_machine(datetime).or_else(|| find_in_text(text).first().map(|x| x.0));
        let Some(date) = date else { continue };
        if UPDATED.is_match(text) {
            modified.get_or_insert(date);
        } else if published.is_none() {
            published = Some(date);
        }
    }
    let date = published.or(modified)?;
    Some(published_at(date, "time[datetime]", modified))
}

// ---- visible byline / dateline ----

fn from_byline(page: &Page, sel: &Selection) -> Option<Published> {
    let first = sel.blocks.first().copied().unwrap_or(0);
    let lo = first.saturating_sub(BYLINE_BEFORE);
    let hi = (first + BYLINE_AFTER).min(page.blocks.len());
    let mut published = None;
    let mut modified = None;
    for (i, b) in page.blocks.iter().enumerate().take(hi).skip(lo) {
        let near_start = i >= first || BYLINE_PATH.is_match(&b.path);
        if b.text.chars().count() > BYLINE_MAX_CHARS || !near_start {
            continue;
        }
        for (date, at) in find_in_text(&b.text) {
            // The label governing a date is the nearest one before it.
            let before = &b.text[..at];
            let updated = UPDATED
                .find_iter(before)
                .last()
                .is_some_and(|u| !before[u.end()..].to_ascii_lowercase().contains("publish"));
            if updated {
                modified.get_or_insert(date);
            } else if published.is_none() {
                published = Some(date);
            }
        }
        if published.is_some() {
            break;
        }
    }
    match (published, modified) {
        (Some(p), m) => Some(published_at(p, "byline", m)),
        (None, Some(m)) => Some(published_at(m, "byline (updated)", None)),
        _ => None,
    }
}

// ---- URL ----

fn from_url(page: &Page) -> Option<Published> {
    let url = page.url.as_deref()?;
    // Only the path: hosts and query strings hold ids that look like dates.
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path
        .split("://")
        .nth(1)
        .map_or(path, |rest| rest.find('/').map_or("", |i| &rest[i..]));
    let c = URL_DATE.captures(path)?;
    // The three alternatives capture (year, month, day) in groups 1-3, 4-6 or 7-9.
    let k = [1, 4, 7].into_iter().find(|&k| c.get(k).is_some())?;
    let part = |i: usize| c.get(k + i).and_then(|m| m.as_str().parse::<u32>().ok());
    let d = ymd(part(0)? as i32, part(1)?, part(2)?)?;
    Some(published_at(d, "url", None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn meta(name: &str, content: &str) -> MetaItem {
        MetaItem::Meta {
            name: name.into(),
            content: content.into(),
        }
    }

    fn ld(text: &str) -> MetaItem {
        MetaItem::JsonLd { text: text.into() }
    }

    fn page(meta: Vec<MetaItem>) -> Page {
        Page {
            meta,
            ..Page::default()
        }
    }

    fn show(p: Option<Published>) -> String {
        match p {
            Some(p) => format!(
                "{} {} {}",
                p.date,
                p.source,
                p.modified.map(|m| m.to_string()).unwrap_or("-".into())
            ),
            None => "none".into(),
        }
    }

    #[test]
    fn json_ld_graph_prefers_article_object() {
        let p = page(vec![ld(r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","datePublished":"2010-01-01"},
            {"@type":["NewsArticle"],"datePublished":"2023-08-14T07:00:00+02:00",
             "dateModified":"2023-08-15T09:00:00+02:00"}]}"#)]);
        assert_eq!(
            show(published(&p)),
            "2023-08-14 json-ld datePublished 2023-08-15"
        );
    }

    #[test]
    fn json_ld_array_and_nested_and_broken() {
        let p = page(vec![ld(
            r#"[{"@type":"Organization","name":"Gazette"},{"@type":"WebPage","mainEntity":{"@type":"BlogPosting","datePublished":"2022-12-31"}}]"#,
        )]);
        assert_eq!(show(published(&p)), "2022-12-31 json-ld datePublished -");
        let p = page(vec![ld(
            r#"<!-- {"@type":"NewsArticle","datePublished":"2021-04-05T10:00:00Z",} -->"#,
        )]);
        assert_eq!(show(published(&p)), "2021-04-05 json-ld datePublished -");
    }

    #[test]
    fn json_ld_own_article_before_related_list() {
        let p = page(vec![ld(
            r#"{"@type":"WebPage","relatedLink":{"@type":"ItemList","itemListElement":[
            {"@type":"NewsArticle","datePublished":"2019-01-01"}]},
            "mainEntity":{"@type":"NewsArticle","datePublished":"2021-02-03"}}"#,
        )]);
        assert_eq!(show(published(&p)), "2021-02-03 json-ld datePublished -");
    }

    #[test]
    fn meta_order_and_modified() {
        let p = page(vec![
            meta("datePublished", "2016-05-08T10:11:51+01:00"),
            meta("article:modified_time", "2016-05-08T10:11:51+01:00"),
            meta("article:published_time", "2015-09-17T16:57:43+01:00"),
        ]);
        assert_eq!(
            show(published(&p)),
            "2015-09-17 meta article:published_time 2016-05-08"
        );
        let p = page(vec![meta(
            "parsely-page",
            r#"{"title":"A","pub_date":"2018-03-02T10:00:00Z"}"#,
        )]);
        assert_eq!(show(published(&p)), "2018-03-02 meta parsely-page -");
        let p = page(vec![meta("DC.date.issued", "2012-07-09")]);
        assert_eq!(show(published(&p)), "2012-07-09 meta dc.date.issued -");
    }

    #[test]
    fn zone_is_not_converted() {
        let p = page(vec![meta("og:published_time", "2020-01-01T23:45:00-10:00")]);
        assert_eq!(
            published(&p)
                .map(|p| p.date.to_string())
                .unwrap_or_default(),
            "2020-01-01"
        );
    }

    #[test]
    fn time_in_header_only() {
        let t = |d: &str, h: bool| MetaItem::Time {
            datetime: d.into(),
            text: String::new(),
            in_header: h,
        };
        let p = page(vec![
            t("2019-02-02", false),
            t("nonsense", true),
            t("2019-03-03T08:00", true),
        ]);
        assert_eq!(show(published(&p)), "2019-03-03 time[datetime] -");
        let p = page(vec![t("2019-02-02", false)]);
        assert_eq!(show(published(&p)), "none");
    }

    fn block(text: &str, tag: &str, path: &str) -> Block {
        Block {
            text: text.into(),
            tag: tag.into(),
            path: path.into(),
            ..Block::default()
        }
    }

    #[test]
    fn byline_dates() {
        let body = "The harbour council met for four hours, and the vote, when it came, was close.";
        let p = Page {
            blocks: vec![
                block("Harbour vote passes", "h1", "html body article h1"),
                block(
                    "By Tomas Reyes · Published 8 June 2024 · Updated 2:10 PM BST, Mon June 10, 2024",
                    "div",
                    "html body article div.byline",
                ),
                block(body, "p", "html body article p"),
                block(body, "p", "html body article p"),
            ],
            ..Page::default()
        };
        assert_eq!(show(published(&p)), "2024-06-08 byline 2024-06-10");
        let mut only_updated = p.clone();
        only_updated.blocks[1].text = "Updated 3:45 PM EDT, Mon June 10, 2024".into();
        assert_eq!(
            show(published(&only_updated)),
            "2024-06-10 byline (updated) -"
        );
    }

    #[test]
    fn url_date_last_resort() {
        let mut p = page(vec![]);
        p.url = Some("https://news.example.com/world/2021/11/07/ferry-strike?ref=20200101".into());
        assert_eq!(show(published(&p)), "2021-11-07 url -");
        p.url = Some("https://20210101.example.com/story-12345".into());
        assert_eq!(show(published(&p)), "none");
        p.url = Some("https://example.com/nation/2049096-river-closure".into());
        assert_eq!(show(published(&p)), "none");
        p.url = Some("https://example.com/a/2019-06-30-river-closure".into());
        assert_eq!(show(published(&p)), "2019-06-30 url -");
        p.url = Some("https://example.com/a/20190630/river".into());
        assert_eq!(show(published(&p)), "2019-06-30 url -");
    }
}
