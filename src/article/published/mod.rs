//! Publication date: the article stage that anchors relative time expressions.
//!
//! Input: a [`Page`] (metadata items, blocks, URL) and the selected body blocks.
//! Output: [`Published`] — the original publication date (the local date where the
//! story was written), the later modified date when stated, the source it came from,
//! a confidence, and how the local date was decided.
//!
//! Method (after htmldate's ranking of sources): every source the page offers
//! gives candidates; each source kind has a confidence; the most trusted candidate
//! wins, and a second independent source agreeing with it raises the confidence.
//!
//! | source | example | confidence |
//! |---|---|---|
//! | JSON-LD `datePublished` of the article object (`@graph`, arrays, `@type` lists) | `"datePublished":"2024-06-30T22:10:00-07:00"` | 0.95 |
//! | a publication meta ([`META_PUBLISHED`]; `itemprop=datePublished` too) | `article:published_time`, `parsely-pub-date`, `DC.date.issued` | 0.90 |
//! | JSON-LD `datePublished` of another object | a `WebPage`'s date | 0.85 |
//! | a `<time>` in the article header: `datetime`, else its text | `<time datetime="2024-06-30">` | 0.80 |
//! | the dateline opening the body | "Feb. 23, 2015 -- Life-threatening …" | 0.80 |
//! | a generic date meta ([`META_WEAK`]) | `date`, `pdate`, `displaydate` | 0.75 |
//! | a visible date line near the headline or byline | "posted on April 21, 2015, at 11:29 a.m." | 0.70 |
//! | JSON-LD `dateCreated` | | 0.65 |
//! | the URL path | `/2016/03/03/` | 0.60 |
//! | a bare short date line just before the body, or a date early in the body | "Yahoo Finance October 13, 2016" | 0.55 |
//! | the first `<time>` elsewhere on the page | | 0.40 |
//!
//! When one source holds several different original dates (two `itemprop=datePublished`),
//! the one another source confirms wins, else the earliest: the original anchors the
//! text, later dates are updates or related stories. Dates marked as updates
//! ("Updated …", `article:modified_time`, `dateModified`) never anchor; they become
//! [`Published::modified`].
//!
//! Local date: a timestamp with its own offset keeps its date as written. A UTC
//! stamp (`Z`, `+00:00`, epoch) is moved to the zone of the dateline city
//! (`data/city_zones.tsv`), else of the site's locale (`og:locale`,
//! `data/locale_zones.tsv`), else kept as UTC; a visible date on the page one day
//! off a UTC stamp is the local date a reader sees and wins.
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
//! assert_eq!(p.source_label(), "the page's publication metadata");
//! ```

mod opening;
mod sources;

pub use opening::from_text_opening;
use opening::year_end;

use sources::{from_byline, from_dateline, from_json_ld, from_metas, from_time, from_url};

use super::dates::{find_in_text, find_in_text_ordered, parse_stamp, ymd, NumericOrder, Stamp};
use super::select::{select, Selection};
use super::{MetaItem, Page};
use crate::model::Published;
use crate::text::Pattern;
use crate::time::zone::{city_zone, locale_zone, Zone, MAX_CITY_WORDS};
use chrono::NaiveDate;
use serde_json::Value;

/// Meta names (lower-case) that carry the original publication date, in order of
/// trust. OpenGraph's article namespace is the de-facto standard; the rest are
/// analytics (Parse.ly, Sailthru, cXense), Dublin Core, Highwire (`citation_*`) and
/// site conventions (htmldate's list of date attributes).
pub const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:article:published",
    "article:publicationdate",
    "article:published_date",
    "article:post_date",
    "og:published_time",
    "og:pubdate",
    "og:publish_date",
    "og:datepublished",
    "datepublished", // itemprop
    "rnews:datepublished",
    "parsely-pub-date",
    "parsely-page", // JSON with a "pub_date" field
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dc.date.publication",
    "dcterms.created",
    "dc.created",
    "dc:created",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "published_at",
    "publication_date",
    "date_published",
    "article.published",
    "article.created",
    "article_date_original",
    "originalpublicationdate",
    "firstpublishedtime",
    "dcsext.articlefirstpublished",
    "rbpubdate",
    "bt:pubdate",
    "twt-published-at",
    "vr:published_time",
    "video:release_date",
];

/// Generic date metas: often the publication date, sometimes the page's render date.
pub const META_WEAK: &[&str] = &[
    "date",
    "pdate",
    "ptime",
    "displaydate",
    "dateposted",
    "created",
    "content_create_date",
    "doc_date",
    "timestamp",
];

/// Meta names carrying a later modification date.
pub const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "article:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmodified",
    "lastmod",
    "date_modified",
    "updated_time",
    "revised",
];

crate::lexicon::word_set!(
    /// JSON-LD `@type`s that describe the article itself (rather than its author,
    /// publisher, images or the site).
    ARTICLE_TYPES,
    crate::lexicon::PAGE_WORDS,
    "article_types"
);

/// Nested JSON-LD deeper than this is ignored (hostile input).
const MAX_JSON_DEPTH: usize = 24;

/// How far before the first body block a byline may sit, and how far into the
/// body it may be, in blocks; and the longest block read as a byline (characters).
const BYLINE_BEFORE: usize = 25;
const BYLINE_AFTER: usize = 3;
const BYLINE_MAX_CHARS: usize = 200;
/// A short block this close before the body that is mostly a date is a date line
/// even without a byline class ("Yahoo Finance October 13, 2016").
const DATE_LINE_BEFORE: usize = 5;
const DATE_LINE_MAX_CHARS: usize = 60;
/// How many body blocks may open with a dateline, and where in the block it may start.
const DATELINE_BLOCKS: usize = 3;
const DATELINE_MAX_START: usize = 60;

/// Confidence of each source (the table in the module doc).
const C_LD_ARTICLE: f32 = 0.95;
const C_META: f32 = 0.90;
const C_LD_OTHER: f32 = 0.85;
const C_TIME_HEADER: f32 = 0.80;
const C_DATELINE: f32 = 0.80;
const C_META_WEAK: f32 = 0.75;
const C_BYLINE: f32 = 0.70;
const C_LD_CREATED: f32 = 0.65;
const C_DATE_LINE: f32 = 0.55;
const C_URL: f32 = 0.60;
const C_TIME_OTHER: f32 = 0.40;
/// Added when a second, independent source gives the same date.
const C_AGREE: f32 = 0.04;

/// Words that mark the date after them as a later update rather than the original.
static UPDATED: Pattern = Pattern::new(|| r"(?i)\b(?:updated|modified|edited|revised)\b".into());

/// Class/id words of a byline or dateline box, and header elements.
static BYLINE_PATH: Pattern = Pattern::new(|| {
    r"(?i)byline|dateline|timestamp|posted|published|pubdate|article-?date|post-?date|entry-?date|meta|author|(?:^|\s)(?:header|hgroup)\b".into()
});

/// A visible label that introduces a publication date ("Posted on", "First published").
static DATE_LABEL: Pattern = Pattern::new(|| {
    r"(?i)^\W*(?:(?:first\s+)?(?:posted|published)|updated|last\s+updated|date)\b".into()
});

/// What may follow the date of a dateline: a clock time, then a dash or colon.
static DATELINE_TAIL: Pattern = Pattern::new(|| {
    r"^(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*(?:--|—|–|-|:|\|)\s".into()
});

/// The place opening a dateline: "WASHINGTON —", "SAN FRANCISCO, Calif. (AP) —",
/// "Paris, France --", "LONDON, March 3 (Reuters) -".
static DATELINE_CITY: Pattern =
    Pattern::new(|| r"^\s*([A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3})\s*(?:,|\(|—|–|--|-\s)".into());

/// A date in a URL path: `/2025/05/12/`, `/2025-05-12/`, `/20250512/` (each form
/// with its own separators, so an id such as `/2089096-title` is not a date).
static URL_DATE: Pattern = Pattern::new(|| {
    r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.\-]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.\-]|$)".into()
});

/// Source kinds, in the order of the module doc's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    JsonLd,
    Meta,
    Time,
    Dateline,
    Byline,
    Url,
}

/// One date a source offers.
#[derive(Debug, Clone)]
struct Candidate {
    stamp: Stamp,
    kind: Kind,
    /// The machine name of the source (`Published::source`).
    source: String,
    confidence: f32,
    /// Visible on the page as text (what a reader sees, in local time).
    visible: bool,
    updated: bool,
}

fn cand(stamp: Stamp, kind: Kind, source: &str, confidence: f32) -> Candidate {
    Candidate {
        stamp,
        kind,
        source: source.to_string(),
        confidence,
        visible: matches!(kind, Kind::Byline | Kind::Dateline),
        updated: false,
    }
}

fn day(date: NaiveDate) -> Stamp {
    Stamp {
        date,
        time: None,
        offset: None,
    }
}

/// Finds the publication date of a page.
pub fn published(page: &Page) -> Option<Published> {
    published_with(page, &select(page))
}

/// Like [`published`], reusing a body selection already made.
pub fn published_with(page: &Page, sel: &Selection) -> Option<Published> {
    let mut all = Vec::new();
    from_json_ld(page, &mut all);
    from_metas(page, &mut all);
    from_time(page, &mut all);
    from_dateline(page, sel, &mut all);
    from_byline(page, sel, &mut all);
    from_url(page, &mut all);
    choose(page, sel, &all)
}

/// The winner among the candidates, its local date, confidence and modified date.
fn choose(page: &Page, sel: &Selection, all: &[Candidate]) -> Option<Published> {
    let originals: Vec<&Candidate> = all.iter().filter(|c| !c.updated).collect();
    let top = originals
        .iter()
        .map(|c| c.confidence)
        .fold(f32::NEG_INFINITY, f32::max);
    // The most trusted source; among its dates, one another source confirms, else the earliest.
    let tied: Vec<&Candidate> = originals
        .iter()
        .copied()
        .filter(|c| c.confidence == top)
        .collect();
    let confirmed = |c: &Candidate| {
        originals
            .iter()
            .any(|o| o.kind != c.kind && near(o.stamp.date, c.stamp.date, 0))
    };
    let best = tied
        .iter()
        .copied()
        .find(|c| confirmed(c))
        .or_else(|| tied.iter().copied().min_by_key(|c| c.stamp.date));
    // Only updates: the latest stated date still anchors better than none.
    let best = match best {
        Some(b) => b.clone(),
        None => {
            let u = all
                .iter()
                .max_by(|a, b| a.confidence.total_cmp(&b.confidence))?;
            let mut u = u.clone();
            u.source = format!("{} (updated)", u.source);
            u.confidence *= 0.8;
            u
        }
    };
    let (date, local) = local_date(page, sel, &best, &originals);
    let agree = originals
        .iter()
        .filter(|o| o.kind != best.kind && o.stamp.date == date)
        .count();
    let confidence = (best.confidence + C_AGREE * agree.min(1) as f32).min(1.0);
    // The modified date: the most trusted update after the original.
    let modified = all
        .iter()
        .filter(|c| c.updated && c.stamp.date > date)
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
        .map(|c| c.stamp.date);
    Some(Published {
        date,
        source: best.source.clone(),
        modified,
        confidence: (confidence * 100.0).round() / 100.0,
        local,
    })
}

fn near(a: NaiveDate, b: NaiveDate, days: i64) -> bool {
    (a - b).num_days().abs() <= days
}

/// The local date of the chosen stamp, and how it was decided (see the module doc).
fn local_date(
    page: &Page,
    sel: &Selection,
    best: &Candidate,
    originals: &[&Candidate],
) -> (NaiveDate, Option<String>) {
    let s = best.stamp;
    if !s.is_utc() {
        let how = match (s.time, s.offset) {
            (Some(_), Some(off)) => {
                Some(format!("the timestamp's own offset ({})", utc_offset(off)))
            }
            _ => None,
        };
        return (s.date, how);
    }
    let Some(time) = s.time else {
        return (s.date, None);
    };
    let utc = s.date.and_time(time);
    let zone = dateline_zone(page, sel)
        .map(|(city, z)| (z, format!("the dateline city {city} ({})", z.name)))
        .or_else(|| {
            site_locale(page).and_then(|loc| {
                locale_zone(&loc).map(|z| (z, format!("the site's locale {loc} ({})", z.name)))
            })
        });
    if let Some((z, how)) = zone {
        return (
            z.local(utc).date(),
            Some(format!("UTC time moved to {how}")),
        );
    }
    // A date the reader sees, one day off the UTC stamp, is its local date.
    if let Some(v) = originals
        .iter()
        .find(|o| o.visible && o.stamp.date != s.date && near(o.stamp.date, s.date, 1))
    {
        return (
            v.stamp.date,
            Some(format!("the local date shown on the page ({})", v.source)),
        );
    }
    (s.date, Some("UTC (no local zone known)".to_string()))
}

fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '−' } else { '+' };
    let m = minutes.abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The site's locale (`og:locale`), when stated.
/// How the site writes numeric dates (`04/05/2016`), from its locale.
fn numeric_order(page: &Page) -> NumericOrder {
    site_locale(page).map_or(NumericOrder::Unknown, |l| NumericOrder::of_locale(&l))
}

fn site_locale(page: &Page) -> Option<String> {
    page.meta.iter().find_map(|m| match m {
        MetaItem::Meta { name, content }
            if name.eq_ignore_ascii_case("og:locale") && !content.trim().is_empty() =>
        {
            Some(content.trim().to_string())
        }
        _ => None,
    })
}

/// The city of the dateline opening the body, when it is one of the zone table.
fn dateline_zone(page: &Page, sel: &Selection) -> Option<(String, Zone)> {
    for &i in sel.blocks.iter().take(DATELINE_BLOCKS) {
        let text = page.blocks.get(i)?.text.as_str();
        let Some(c) = DATELINE_CITY.captures(text) else {
            continue;
        };
        let city = c.get(1)?.as_str();
        if city.split_whitespace().count() > MAX_CITY_WORDS {
            continue;
        }
        if let Some(z) = city_zone(city.trim_end_matches(['.', ','])) {
            return Some((city.to_string(), z));
        }
    }
    None
}

/// The reader's words for a `Published::source` ("the date in the page address").
pub fn source_label(source: &str) -> String {
    let updated = source.ends_with("(updated)");
    let base = source.trim_end_matches("(updated)").trim();
    let what = match base {
        "json-ld datePublished" | "json-ld dateCreated" => "the page's structured data",
        "byline" => "the date beside the byline",
        "dateline" => "the dateline opening the story",
        "date line" => "the date line at the top of the text",
        "url" => "the date in the page address",
        "time[datetime]" => "the date stamp under the headline",
        "time (first on the page)" => "the first date stamp on the page",
        "cli" | "given" | "input" => "the date given with the article",
        s if s.starts_with("meta ") => "the page's publication metadata",
        _ => "the page",
    };
    if updated {
        format!("{what} (its update date: no original date shown)")
    } else {
        what.to_string()
    }
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
        // A <time> outside the header is a weak last resort.
        let p = page(vec![t("2019-02-02", false)]);
        assert_eq!(show(published(&p)), "2019-02-02 time (first on the page) -");
        assert_eq!(published(&p).map(|p| p.confidence), Some(0.4));
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

    fn body_page(before: &[(&str, &str, &str)], first_para: &str) -> Page {
        let body = "The harbour council met for four hours, and the vote, when it came, was close.";
        let mut blocks: Vec<Block> = before
            .iter()
            .map(|(text, tag, path)| block(text, tag, path))
            .collect();
        blocks.push(block(first_para, "p", "html body article p"));
        for _ in 0..3 {
            blocks.push(block(body, "p", "html body article p"));
        }
        Page {
            blocks,
            ..Page::default()
        }
    }

    /// Each visible source: (blocks before the body, first paragraph, expected).
    #[test]
    fn visible_date_sources() {
        let para = "The harbour council met for four hours on Tuesday, and the vote, when it came, was close, officials said.";
        type Blocks<'a> = &'a [(&'a str, &'a str, &'a str)];
        let cases: &[(Blocks, &str, &str)] = &[
            // The dateline opening the body, with and without a place.
            (&[], "Feb. 23, 2015 -- Life on the harbour changed for good this week, the council said.", "2015-02-23 dateline -"),
            (&[], "WASHINGTON, March 3, 2016 — The council met for four hours.", "2016-03-03 dateline -"),
            // A date inside the first sentence is not a dateline.
            (&[], "The council said on March 3, 2016, that it would meet again.", "2016-03-03 byline -"),
            // A label glued to the date, in a short line just before the body.
            (&[("Yahoo FinanceOctober 13, 2016", "div", "html body div.D(tbc)")], para, "2016-10-13 byline -"),
            // "posted on" in a header group.
            (&[("posted on April 21, 2015, at 11:29 a.m.", "hgroup", "html body header.post2 hgroup")], para, "2015-04-21 byline -"),
            // A headline's date is its subject; the byline's date is the story's.
            (&[("Weekly Edition for March 26, 2015", "h1", "html body div h1"), ("By Nathan Willis March 25, 2015", "div", "html body div.FeatureByline")], para, "2015-03-25 byline -"),
        ];
        for (before, first, want) in cases {
            assert_eq!(show(published(&body_page(before, first))), *want, "{first}");
        }
    }

    /// Two `itemprop=datePublished` (one a related item): the one the byline shows wins.
    #[test]
    fn repeated_meta_confirmed_by_the_byline() {
        let mut p = body_page(
            &[(
                "By Gil Moss March 11, 2015 3:46 PM",
                "div",
                "html body div.byline",
            )],
            "The harbour council met for four hours, and the vote, when it came, was close.",
        );
        p.meta = vec![
            meta("datePublished", "2015-03-12T13:11:07Z"),
            meta("datePublished", "2015-03-11T19:46:14Z"),
        ];
        assert_eq!(show(published(&p)), "2015-03-11 meta datepublished -");
        // Without the byline the earlier date is the original.
        p.blocks.remove(0);
        assert_eq!(show(published(&p)), "2015-03-11 meta datepublished -");
    }

    /// A UTC stamp late in the day: the dateline city's zone, else the site's locale,
    /// else a visible date one day off, decides the local date.
    #[test]
    fn utc_stamps_become_local_dates() {
        let stamp = meta("article:published_time", "2024-06-01T22:30:00Z");
        let mut p = body_page(
            &[],
            "PARIS — The harbour council met for four hours, and the vote was close.",
        );
        p.meta = vec![stamp.clone()];
        let got = published(&p).unwrap_or_else(|| panic!("no date"));
        assert_eq!(got.date.to_string(), "2024-06-02");
        assert_eq!(
            got.local.as_deref(),
            Some("UTC time moved to the dateline city PARIS (Europe/Paris)")
        );
        let mut p = body_page(
            &[],
            "The harbour council met for four hours, and the vote was close.",
        );
        p.meta = vec![stamp.clone(), meta("og:locale", "en_US")];
        assert_eq!(
            published(&p).map(|p| p.date.to_string()).as_deref(),
            Some("2024-06-01")
        );
        p.meta = vec![stamp.clone(), meta("og:locale", "ja_JP")];
        assert_eq!(
            published(&p).map(|p| p.date.to_string()).as_deref(),
            Some("2024-06-02")
        );
        // No zone known: a visible date one day off is the local one.
        let mut p = body_page(
            &[(
                "By Lin Okafor · June 2, 2024",
                "div",
                "html body div.byline",
            )],
            "The harbour council met for four hours, and the vote was close.",
        );
        p.meta = vec![stamp.clone()];
        assert_eq!(
            published(&p).map(|p| p.date.to_string()).as_deref(),
            Some("2024-06-02")
        );
        // An offset of its own is kept as written.
        p.meta = vec![meta("article:published_time", "2024-06-01T22:30:00-04:00")];
        let got = published(&p).unwrap_or_else(|| panic!("no date"));
        assert_eq!(got.date.to_string(), "2024-06-01");
        assert_eq!(
            got.local.as_deref(),
            Some("the timestamp's own offset (UTC−04:00)")
        );
    }

    #[test]
    fn labels_are_reader_words() {
        for (source, want) in [
            ("json-ld datePublished", "the page's structured data"),
            ("meta parsely-pub-date", "the page's publication metadata"),
            ("dateline", "the dateline opening the story"),
            ("url", "the date in the page address"),
            (
                "byline (updated)",
                "the date beside the byline (its update date: no original date shown)",
            ),
        ] {
            assert_eq!(source_label(source), want);
        }
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
