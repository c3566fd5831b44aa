//! Human readings of resolved expressions and of how they were obtained.
//!
//! Stage: last step of [`super::find`]. Input: a [`Resolved`] value with its
//! expression's meaning and `mod`. Output: the `label` ("Sunday 11 May 2025,
//! evening", "more than 3 years", "every Monday") and the `basis` ("stated",
//! "resolved from publication date 2025-05-12 (past tense)", "relative to the
//! statement of Sunday 11 May 2025").

use super::point::{day_label, weekday_from_iso, MONTHS};
use super::resolve::{Basis, Resolved};
use super::sem::Sem;
use crate::model::TimeType;

/// The `basis` text; `dated` says whether a publication date was known.
pub fn basis(b: &Basis, dated: bool) -> Option<String> {
    Some(match b {
        Basis::Stated => "stated".to_string(),
        Basis::Published(d, tense) => {
            format!(
                "resolved from publication date {} ({})",
                d.format("%Y-%m-%d"),
                tense.as_str()
            )
        }
        Basis::Narrative(p) => format!("relative to {} mentioned earlier", p.label()),
        Basis::Statement(d) => format!("relative to the statement of {}", day_label(*d)),
        Basis::SameSentence(d) => format!("on the day its sentence names, {}", day_label(*d)),
        Basis::Unresolved if dated => "not resolved".to_string(),
        Basis::Unresolved => "not resolved: no publication date".to_string(),
    })
}

fn part_name(code: &str) -> &'static str {
    match code {
        "MO" => "morning",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        _ => "",
    }
}

fn unit_name(unit: &str, plural: bool) -> &'static str {
    let (one, many) = match unit {
        "TS" => ("second", "seconds"),
        "TM" => ("minute", "minutes"),
        "TH" => ("hour", "hours"),
        "D" => ("day", "days"),
        "W" => ("week", "weeks"),
        "2W" => ("fortnight", "fortnights"),
        "M" => ("month", "months"),
        "Q" => ("quarter", "quarters"),
        "Y" => ("year", "years"),
        "DE" => ("decade", "decades"),
        "CE" => ("century", "centuries"),
        "ML" => ("millennium", "millennia"),
        "WE" => ("weekend", "weekends"),
        _ => ("unit", "units"),
    };
    if plural {
        many
    } else {
        one
    }
}

fn modifier_words(m: Option<&str>) -> &'static str {
    match m {
        Some("MORE_THAN") => "more than ",
        Some("LESS_THAN") => "less than ",
        Some("EQUAL_OR_MORE") => "at least ",
        Some("EQUAL_OR_LESS") => "up to ",
        Some("APPROX") => "about ",
        Some("START") => "early ",
        Some("END") => "late ",
        Some("MID") => "mid-",
        _ => "",
    }
}

/// A count of units in words: "3 years", "half a century", "2½ hours", "1.25 days".
fn count_label(n: f64, unit: &str) -> String {
    if n == 0.5 {
        let one = unit_name(unit, false);
        // "an hour": the h of "hour" is silent.
        let article = if one.starts_with(['a', 'e', 'i', 'o', 'u']) || one == "hour" {
            "an"
        } else {
            "a"
        };
        return format!("half {article} {one}");
    }
    let num = if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else if n.fract() == 0.5 {
        format!("{}½", n.trunc() as i64)
    } else {
        format!("{n}")
    };
    format!("{num} {}", unit_name(unit, n != 1.0))
}

/// The `label` text: reader words only, never a TIMEX code. `dated` says whether a
/// publication date was known; a day that could not be placed says so
/// ("a Thursday (no publication date known)").
pub fn label(sem: &Sem, modifier: Option<&str>, r: &Resolved, dated: bool) -> Option<String> {
    let text = label_words(sem, modifier, r)?;
    let unplaced = r.point.is_none()
        && !dated
        && !matches!(sem, Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_))
        && !matches!(r.value.as_str(), "PAST_REF" | "FUTURE_REF" | "PRESENT_REF");
    if unplaced && !text.is_empty() {
        let text = match sem {
            Sem::Weekday { .. } => format!("a {text}"),
            _ => text,
        };
        return Some(format!("{text} (no publication date known)"));
    }
    Some(text)
}

fn label_words(sem: &Sem, modifier: Option<&str>, r: &Resolved) -> Option<String> {
    let m = modifier_words(modifier);
    match sem {
        Sem::Duration { n, unit } => Some(match n {
            Some(n) => format!("{m}{}", count_label(*n, unit)),
            None => format!("{m}some {}", unit_name(unit, true)),
        }),
        Sem::Set(v) => Some(set_label(v)),
        Sem::Ref(r) => Some(
            match *r {
                "PRESENT_REF" => "the present",
                "PAST_REF" => "the past",
                _ => "the future",
            }
            .to_string(),
        ),
        _ if r.value == "PAST_REF" => Some("the past".to_string()),
        _ if r.value == "FUTURE_REF" => Some("the future".to_string()),
        _ => {
            let mut text = match (&r.point, sem) {
                (Some(p), _) => p.label(),
                (None, Sem::Weekday { dow, .. }) => weekday_from_iso(*dow).to_string(),
                (None, Sem::Time { day: Some(d), .. }) => match d.as_ref() {
                    Sem::Weekday { dow, .. } => weekday_from_iso(*dow).to_string(),
                    Sem::RelDay(0) => "today".to_string(),
                    Sem::RelDay(-1) => "yesterday".to_string(),
                    Sem::RelDay(1) => "tomorrow".to_string(),
                    _ => return None,
                },
                (None, Sem::RelDay(0)) => "today".to_string(),
                (None, Sem::RelDay(-1)) => "yesterday".to_string(),
                (None, Sem::RelDay(1)) => "tomorrow".to_string(),
                (None, Sem::Date { m, d: Some(d), .. }) => {
                    format!(
                        "{d} {}",
                        MONTHS.get(*m as usize - 1).copied().unwrap_or("?")
                    )
                }
                (None, Sem::Month { m, .. }) | (None, Sem::Date { m, d: None, .. }) => MONTHS
                    .get(*m as usize - 1)
                    .copied()
                    .unwrap_or("?")
                    .to_string(),
                (None, Sem::Time { day: None, .. }) => String::new(),
                _ => return None,
            };
            let day_like = matches!(r.point, Some(super::point::Point::Day(_)));
            if r.kind == TimeType::Time {
                if let Some(tod) = &r.time_of_day {
                    let part = part_name(tod);
                    let tod = if part.is_empty() { tod.as_str() } else { part };
                    let zone = match sem {
                        Sem::Time { zone: Some(z), .. } => zone_text(z),
                        _ => String::new(),
                    };
                    text = if text.is_empty() {
                        format!("{tod}{zone}")
                    } else {
                        format!("{text}, {tod}{zone}")
                    };
                }
            } else if day_like && matches!(modifier, Some("END")) {
                text.push_str(", evening");
            } else if day_like && matches!(modifier, Some("START")) {
                text.push_str(", morning");
            } else if !m.is_empty() {
                // "the early 20th century", not "early the 20th century".
                text = match text.strip_prefix("the ") {
                    Some(rest) => format!("the {m}{rest}"),
                    None => format!("{m}{text}"),
                };
            }
            Some(text)
        }
    }
}

fn zone_text(z: &str) -> String {
    if z == "Z" {
        " UTC".to_string()
    } else {
        format!(" UTC{z}")
    }
}

fn set_label(v: &str) -> String {
    if let Some(d) = v.strip_prefix("XXXX-WXX-") {
        return format!("every {}", weekday_from_iso(d.parse().unwrap_or(0)));
    }
    if let Some(p) = v.strip_prefix("XXXX-XX-XXT") {
        return format!("every {}", part_name(p));
    }
    let (time, rest) = match v.strip_prefix("PT") {
        Some(r) => (true, r),
        None => (false, v.strip_prefix('P').unwrap_or(v)),
    };
    let n: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let unit_code = &rest[n.len()..];
    let unit = match (time, unit_code) {
        (true, "H") => "TH",
        (true, "M") => "TM",
        (true, _) => "TS",
        (false, c) => c,
    };
    match n.as_str() {
        "1" | "" => format!("every {}", unit_name(unit, false)),
        n => format!("every {n} {}", unit_name(unit, true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_words() {
        assert_eq!(count_label(0.5, "CE"), "half a century");
        assert_eq!(count_label(0.5, "TH"), "half an hour");
        assert_eq!(count_label(2.5, "Y"), "2½ years");
        assert_eq!(count_label(1.0, "D"), "1 day");
        assert_eq!(count_label(70.0, "Y"), "70 years");
    }

    #[test]
    fn set_labels() {
        assert_eq!(set_label("XXXX-WXX-1"), "every Monday");
        assert_eq!(set_label("P1D"), "every day");
        assert_eq!(set_label("P2Y"), "every 2 years");
        assert_eq!(set_label("PT1H"), "every hour");
    }
}
