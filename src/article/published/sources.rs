//! Where publication-date candidates come from: JSON-LD, `<meta>` tags, `<time>`
//! elements, the dateline opening the body, the visible byline or date line, and the URL.
//! Each reader appends [`super::Candidate`]s with its source kind's confidence; the
//! parent module ranks them.

use super::*;
use crate::text::Pattern;

// ---- JSON-LD ----

/// One JSON-LD object's date fields.
pub(super) struct LdDates {
    is_article: bool,
    /// Nesting depth: the page's own article is the shallowest one; deeper
    /// article objects are often related stories (`itemListElement`, `hasPart`).
    depth: usize,
    published: Option<Stamp>,
    created: Option<Stamp>,
    modified: Option<Stamp>,
}

pub(super) fn from_json_ld(page: &Page, out: &mut Vec<Candidate>) {
    let mut found: Vec<LdDates> = Vec::new();
    for item in &page.meta {
        let MetaItem::JsonLd { text } = item else {
            continue;
        };
        match parse_json_lenient(text) {
            Some(v) => collect_ld(&v, 0, &mut found),
            None => {
                // Broken JSON: still read a plainly written field.
                let published = raw_json_field(text, "datePublished");
                let created = raw_json_field(text, "dateCreated");
                if published.is_some() || created.is_some() {
                    found.push(LdDates {
                        is_article: false,
                        depth: 0,
                        published,
                        created,
                        modified: raw_json_field(text, "dateModified"),
                    });
                }
            }
        }
    }
    // The article object: the shallowest of them; document order breaks ties.
    let article = found
        .iter()
        .filter(|f| f.published.is_some() && f.is_article)
        .min_by_key(|f| f.depth);
    let (best, conf) = match article {
        Some(a) => (Some(a), C_LD_ARTICLE),
        None => (found.iter().find(|f| f.published.is_some()), C_LD_OTHER),
    };
    if let Some(b) = best {
        if let Some(p) = b.published {
            out.push(cand(p, Kind::JsonLd, "json-ld datePublished", conf));
        }
        if let Some(m) = b.modified {
            let mut c = cand(m, Kind::JsonLd, "json-ld dateModified", conf);
            c.updated = true;
            out.push(c);
        }
    }
    if let Some(c) = found
        .iter()
        .filter(|f| f.created.is_some())
        .min_by_key(|f| (!f.is_article, f.depth))
        .and_then(|f| f.created)
    {
        out.push(cand(c, Kind::JsonLd, "json-ld dateCreated", C_LD_CREATED));
    }
}

/// JSON-LD as sites write it: sometimes wrapped in comments or CDATA markers.
pub(super) fn parse_json_lenient(text: &str) -> Option<Value> {
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
static LD_RAW_FIELD: Pattern =
    Pattern::new(|| r#""(date(?:Published|Created|Modified))"\s*:\s*"([^"]{4,40})""#.into());

pub(super) fn raw_json_field(text: &str, field: &str) -> Option<Stamp> {
    LD_RAW_FIELD
        .captures_iter(text)
        .filter(|c| &c[1] == field)
        .find_map(|c| parse_stamp(&c[2]))
}

pub(super) fn collect_ld(v: &Value, depth: usize, out: &mut Vec<LdDates>) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match v {
        Value::Array(items) => {
            for i in items {
                collect_ld(i, depth + 1, out);
            }
        }
        Value::Object(map) => {
            let date = |k: &str| map.get(k).and_then(value_stamp);
            let (published, created) = (date("datePublished"), date("dateCreated"));
            if published.is_some() || created.is_some() {
                out.push(LdDates {
                    is_article: ld_is_article(map.get("@type")),
                    depth,
                    published,
                    created,
                    modified: date("dateModified"),
                });
            }
            for (k, child) in map {
                if !matches!(k.as_str(), "datePublished" | "dateCreated" | "dateModified") {
                    collect_ld(child, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// A date from a JSON value: a string, or the first string of an array.
pub(super) fn value_stamp(v: &Value) -> Option<Stamp> {
    match v {
        Value::String(s) => parse_stamp(s),
        Value::Array(a) => a.iter().find_map(value_stamp),
        _ => None,
    }
}

pub(super) fn ld_is_article(t: Option<&Value>) -> bool {
    let is = |s: &str| {
        let s = s
            .rsplit(['/', ':'])
            .next()
            .unwrap_or(s)
            .to_ascii_lowercase();
        ARTICLE_TYPES.contains(&s.as_str())
    };
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

// ---- metas ----

pub(super) fn from_metas(page: &Page, out: &mut Vec<Candidate>) {
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
            .find_map(|(_, c)| parse_stamp(c).map(|s| (s, *want)))
    });
    if let Some((s, name)) = modified {
        let mut c = cand(s, Kind::Meta, &format!("meta {name}"), C_META);
        c.updated = true;
        out.push(c);
    }
    // The first name of the list that yields dates gives every date it holds (a page
    // may repeat `itemprop=datePublished` for related items: `choose` decides).
    for (list, conf) in [(META_PUBLISHED, C_META), (META_WEAK, C_META_WEAK)] {
        for want in list {
            let stamps: Vec<Stamp> = metas
                .iter()
                .filter(|(n, _)| n == want)
                .filter_map(|(_, content)| {
                    if *want == "parsely-page" {
                        parsely_page_date(content)
                    } else {
                        parse_stamp(content)
                    }
                })
                .collect();
            if !stamps.is_empty() {
                for s in stamps {
                    out.push(cand(s, Kind::Meta, &format!("meta {want}"), conf));
                }
                break;
            }
        }
    }
}

/// Parse.ly's `parsely-page` meta holds JSON with a `pub_date` field.
pub(super) fn parsely_page_date(content: &str) -> Option<Stamp> {
    let v: Value = serde_json::from_str(content).ok()?;
    v.get("pub_date").and_then(value_stamp)
}

// ---- <time> elements ----

pub(super) fn from_time(page: &Page, out: &mut Vec<Candidate>) {
    let mut header = None;
    let mut modified = None;
    let mut other = None;
    for m in &page.meta {
        let MetaItem::Time {
            datetime,
            text,
            in_header,
        } = m
        else {
            continue;
        };
        let from_text = || {
            find_in_text_ordered(text, numeric_order(page))
                .first()
                .map(|x| day(x.0))
        };
        let Some(stamp) = parse_stamp(datetime).or_else(from_text) else {
            continue;
        };
        if UPDATED.is_match(text) {
            if *in_header {
                modified.get_or_insert(stamp);
            }
        } else if *in_header {
            header.get_or_insert(stamp);
        } else {
            other.get_or_insert(stamp);
        }
    }
    if let Some(s) = header {
        out.push(cand(s, Kind::Time, "time[datetime]", C_TIME_HEADER));
    }
    if let Some(s) = modified {
        let mut c = cand(s, Kind::Time, "time[datetime]", C_TIME_HEADER);
        c.updated = true;
        out.push(c);
    }
    if let Some(s) = other {
        out.push(cand(
            s,
            Kind::Time,
            "time (first on the page)",
            C_TIME_OTHER,
        ));
    }
}

// ---- the dateline opening the body ----

/// "Feb. 23, 2015 -- Life-threatening…", "WASHINGTON, March 3, 2016 — The…": a date
/// at the start of one of the first body blocks, followed by a dash or colon.
pub(super) fn from_dateline(page: &Page, sel: &Selection, out: &mut Vec<Candidate>) {
    for &i in sel.blocks.iter().take(DATELINE_BLOCKS) {
        let Some(b) = page.blocks.get(i) else {
            continue;
        };
        let Some(&(date, at)) = find_in_text(&b.text).first() else {
            continue;
        };
        if at > DATELINE_MAX_START {
            continue;
        }
        // Before the date: nothing, or a place ("WASHINGTON, ").
        let before = b.text[..at].trim();
        if !(before.is_empty() || (DATELINE_CITY.is_match(before) && before.ends_with(','))) {
            continue;
        }
        let rest = &b.text[at..];
        let Some(year_end) = year_end(rest) else {
            continue;
        };
        if DATELINE_TAIL.is_match(&rest[year_end..]) {
            out.push(cand(day(date), Kind::Dateline, "dateline", C_DATELINE));
            return;
        }
    }
}

// ---- visible byline / date line ----

pub(super) fn from_byline(page: &Page, sel: &Selection, out: &mut Vec<Candidate>) {
    let first = sel.blocks.first().copied().unwrap_or(0);
    let lo = first.saturating_sub(BYLINE_BEFORE);
    let hi = (first + BYLINE_AFTER).min(page.blocks.len());
    // Bylines and labelled date lines first; a bare short date line just before the
    // body only when there is none (a headline's date is its subject, never read).
    let mut strong = (None, None);
    let mut weak = (None, None);
    for (i, b) in page.blocks.iter().enumerate().take(hi).skip(lo) {
        let chars = b.text.chars().count();
        if chars > BYLINE_MAX_CHARS || is_heading(&b.tag) {
            continue;
        }
        let is_strong = BYLINE_PATH.is_match(&b.path)
            || DATE_LABEL.is_match(&b.text)
            || b.text.trim_start().starts_with("By ")
            || (i >= first && chars <= DATE_LINE_MAX_CHARS);
        let is_weak = i + DATE_LINE_BEFORE >= first && chars <= DATE_LINE_MAX_CHARS;
        let slot = if is_strong {
            &mut strong
        } else if is_weak || i >= first {
            &mut weak
        } else {
            continue;
        };
        if slot.0.is_some() {
            continue;
        }
        for (date, at) in find_in_text_ordered(&b.text, numeric_order(page)) {
            // The label governing a date is the nearest one before it.
            let before = &b.text[..at];
            let updated = UPDATED
                .find_iter(before)
                .last()
                .is_some_and(|u| !before[u.end()..].to_ascii_lowercase().contains("publish"));
            if updated {
                slot.1.get_or_insert(date);
            } else if slot.0.is_none() {
                slot.0 = Some(date);
            }
        }
    }
    let (published, modified, conf) = if strong.0.is_some() || weak.0.is_none() {
        (strong.0, strong.1.or(weak.1), C_BYLINE)
    } else {
        (weak.0, weak.1, C_DATE_LINE)
    };
    if let Some(p) = published {
        out.push(cand(day(p), Kind::Byline, "byline", conf));
    }
    if let Some(m) = modified {
        let mut c = cand(day(m), Kind::Byline, "byline", C_BYLINE);
        c.updated = true;
        out.push(c);
    }
}

pub(super) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

// ---- URL ----

pub(super) fn from_url(page: &Page, out: &mut Vec<Candidate>) {
    let Some(url) = page.url.as_deref() else {
        return;
    };
    // Only the path: hosts and query strings hold ids that look like dates.
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path
        .split("://")
        .nth(1)
        .map_or(path, |rest| rest.find('/').map_or("", |i| &rest[i..]));
    let Some(c) = URL_DATE.captures(path) else {
        return;
    };
    // The three alternatives capture (year, month, day) in groups 1-3, 4-6 or 7-9.
    let Some(k) = [1, 4, 7].into_iter().find(|&k| c.get(k).is_some()) else {
        return;
    };
    let part = |i: usize| c.get(k + i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(y), Some(m), Some(d)) = (part(0), part(1), part(2)) {
        if let Some(d) = ymd(y as i32, m, d) {
            out.push(cand(day(d), Kind::Url, "url", C_URL));
        }
    }
}
