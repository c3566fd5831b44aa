//! Page text that is about the article, not part of its story: bylines, photo and video
//! credits, author bios, "contributed reporting" lines and labelled credit lines.
//!
//! Input: one body block's text (and its path). Output: [`NonStory`] when the block is one of
//! those, decided by the shape of the text (and byline/author markers in the path), so it
//! holds on any site: a short line that starts with "By" and a name, a name followed by a
//! date, "Photo by …", "… contributed to this report", "Page editor: …", a short block whose
//! first sentence is "<Name> is a reporter/writer/… ", "<Name> is on Twitter".
//! Article finding drops these blocks from the text; a byline's name becomes metadata.
//!
//! Example: "By Ana Ruiz March 25, 2015" → `Byline("Ana Ruiz")`; "Photo by Tom Hale" →
//! `Credit`; "The mayor said so." → `None`.

use crate::text::Pattern;
use crate::time::calendar;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NonStory {
    /// A byline, with the author's name as written.
    Byline(String),
    /// A photo, video or illustration credit.
    Credit,
    /// An author bio or a "follow the author" line.
    Bio,
    /// "… contributed reporting", "Additional reporting by …".
    Contributed,
}

/// The longest block read as a byline, credit or contribution line (characters).
const MAX_LINE_CHARS: usize = 120;
/// The longest block read as an author bio (characters).
const MAX_BIO_CHARS: usize = 400;

/// A capitalised name of one to four words (initials and particles allowed).
/// (The regex build has no Unicode general categories, to keep the wasm small: capitals are
/// ASCII and Latin-1, a name word runs to the next space, digit or separator.)
const NAME: &str = r"[A-ZÀ-ÖØ-Þ][^\s\d,;:|()]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][^\s\d,;:|()]*|de|van|von|der|da|al|bin|la|le|y)){0,4}";

static BYLINE: Pattern =
    Pattern::new(|| format!(r"^(?i:by|written by|words by|story by|von|par|por)\s+({NAME})"));

/// "Ana Ruiz - Apr 16, 2015 8:02 pm UTC", "Ana Ruiz | March 3": a name, a separator, a date.
static NAME_DATE: Pattern = Pattern::new(|| {
    format!(
        r"^({NAME})\s*[-–—|•·,]\s*(?:(?i:updated|published|posted)\s*:?\s*)?(?:\d{{1,2}}\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|\d{{1,2}}[/.]\d{{1,2}}|\d{{4}})"
    )
});

static CREDIT: Pattern = Pattern::new(|| {
    r"(?i)(?:^|[|(\s])(?:top |lead |header |cover |main )?(?:photo(?:graph)?s?|image|picture|video|illustration|graphic|artwork|footage)s?\s*(?:by|:|courtesy|credit)|(?:^|\s)(?:credit|courtesy|source)\s*:|/\s*(?:getty|ap|afp|reuters|epa|shutterstock|alamy)\b|\b(?:getty images|associated press photo)\b".into()
});

static CONTRIBUTED: Pattern = Pattern::new(|| {
    r"(?i)\bcontributed (?:reporting|to this (?:report|story|article))|^(?:additional )?reporting (?:by|from)\b|^(?:editing|edited|compiled|translated) by\b|^(?:page |section |copy )?editor\s*:".into()
});

/// "Ana Ruiz is a reporter for …", "Ana Ruiz is on Twitter", "Follow her on Twitter".
static BIO: Pattern = Pattern::new(|| {
    format!(
        r"^(?:{NAME})\s+(?:is|was|has been)\s+(?:(?:an?|the)\s+(?:[^\s\d]+\s+){{0,4}}(?i:reporter|correspondent|writer|editor|journalist|columnist|contributor|author|producer|photographer|critic|freelancer|staff|intern|fellow|blogger|host)|(?i:on twitter|the author of|a contributing))|^(?i:follow (?:him|her|them|me|us) on)"
    )
});

/// What kind of non-story block `text` is, if any. `path` is the block's ancestor path
/// (`docs/page.md`): byline/author markers there make a short name line a byline.
pub fn classify(text: &str, path: &str) -> Option<NonStory> {
    let t = text.trim();
    let chars = t.chars().count();
    if chars == 0 {
        return None;
    }
    if chars <= MAX_LINE_CHARS {
        if let Some(c) = BYLINE.captures(t) {
            return Some(NonStory::Byline(trim_name(&c[1])));
        }
        if CONTRIBUTED.is_match(t) {
            return Some(NonStory::Contributed);
        }
        if CREDIT.is_match(t) {
            return Some(NonStory::Credit);
        }
        if let Some(c) = NAME_DATE.captures(t) {
            return Some(NonStory::Byline(trim_name(&c[1])));
        }
        let marked = path.split_whitespace().any(|seg| {
            let s = seg.to_ascii_lowercase();
            s.contains("byline") || s.contains("author") || s.contains("rel=author")
        });
        if marked && !t.ends_with('.') && t.split_whitespace().count() <= 6 {
            return Some(NonStory::Byline(t.to_string()));
        }
    }
    if chars <= MAX_BIO_CHARS && BIO.is_match(t) {
        return Some(NonStory::Bio);
    }
    None
}

/// A name glued to what follows it ("Lucas Nolan22 Dec"): cut at the first digit, and drop
/// a trailing month or weekday word.
fn trim_name(s: &str) -> String {
    let s = s.split(|c: char| c.is_ascii_digit()).next().unwrap_or(s);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            let l = w.to_ascii_lowercase();
            let l = l.trim_end_matches('.');
            l.len() >= 3
                && (l.starts_with("updated")
                    || calendar::MONTHS
                        .iter()
                        .chain(&calendar::WEEKDAYS)
                        .any(|n| l.starts_with(&calendar::abbr3(n).to_ascii_lowercase())))
        })
    {
        words.pop();
    }
    words.join(" ").trim_end_matches([',', '.']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(t: &str) -> Option<NonStory> {
        classify(t, "html body article p")
    }

    #[test]
    fn bylines() {
        assert_eq!(
            kind("By Ana Ruiz March 25, 2015"),
            Some(NonStory::Byline("Ana Ruiz".into()))
        );
        assert_eq!(
            kind("by Tomas Hale14 Jan 2021"),
            Some(NonStory::Byline("Tomas Hale".into()))
        );
        assert_eq!(
            kind("Mira Lund - Apr 16, 2015 8:02 pm UTC"),
            Some(NonStory::Byline("Mira Lund".into()))
        );
        assert_eq!(
            classify("Mira Lund", "html body div.story-byline span"),
            Some(NonStory::Byline("Mira Lund".into()))
        );
    }

    #[test]
    fn credits_bios_and_contributions() {
        assert_eq!(kind("Top photo by Tomas Hale"), Some(NonStory::Credit));
        assert_eq!(
            kind("Mira Lund at the lab | photo by Tomas Hale"),
            Some(NonStory::Credit)
        );
        assert_eq!(
            kind("Ana Ruiz contributed to this report."),
            Some(NonStory::Contributed)
        );
        assert_eq!(kind("Page editor: Ana Ruiz"), Some(NonStory::Contributed));
        assert_eq!(
            kind("Ana Ruiz is a senior reporter for the Gazette covering courts."),
            Some(NonStory::Bio)
        );
        assert_eq!(
            kind("Tomas Hale is on Twitter at tomhale."),
            Some(NonStory::Bio)
        );
    }

    #[test]
    fn story_text_stays() {
        assert_eq!(kind("The mayor said the bridge would reopen by May."), None);
        assert_eq!(kind("By noon, the queue reached the corner."), None);
        assert_eq!(
            kind("Ana Ruiz is a nurse who has worked at the clinic for ten years."),
            None
        );
        assert_eq!(
            kind("Photographs of the flood filled the paper, and readers wrote in."),
            None
        );
    }
}
