//! Month and weekday names: the one list of them that the rest of the core asks.
//!
//! Input: a month number (1–12), an ISO weekday number (1 = Monday … 7 = Sunday) or a
//! word. Output: the English name ("March", "Tuesday"), the number a name or its usual
//! abbreviation stands for, and regex alternations of the names for the checks' patterns.
//! The time vocabulary (`data/time_words.tsv`, [`super::lexicon`]) reads more spellings
//! ("tues", "thurs"); a test below checks it gives every name here the same number.
//!
//! ```
//! use lede::time::calendar::{month_name, month_of_word, weekday_name};
//! assert_eq!(month_name(3), Some("March"));
//! assert_eq!(month_of_word("Sept"), Some(9));
//! assert_eq!(weekday_name(7), Some("Sunday"));
//! ```

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names in ISO order, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The one usual month abbreviation longer than three letters ("Sept. 3").
const LONG_ABBR: (&str, u32) = ("Sept", 9);

/// A name's three-letter abbreviation ("Jan", "Wed"): every name here is ASCII and longer.
pub fn abbr3(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

/// The name of month `n` (1–12).
pub fn month_name(n: u32) -> Option<&'static str> {
    MONTHS.get(n.checked_sub(1)? as usize).copied()
}

/// The name of ISO weekday `n` (1 = Monday).
pub fn weekday_name(n: u32) -> Option<&'static str> {
    WEEKDAYS.get(n.checked_sub(1)? as usize).copied()
}

/// The number of a full month name in any case ("march" → 3).
pub fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// The number of a month written in full or with its usual abbreviation, any case
/// ("January", "jan", "Sept", "sep"; not "Janu").
pub fn month_of_word(word: &str) -> Option<u32> {
    month_number(word)
        .or_else(|| {
            MONTHS
                .iter()
                .position(|m| abbr3(m).eq_ignore_ascii_case(word))
                .map(|i| i as u32 + 1)
        })
        .or_else(|| {
            LONG_ABBR
                .0
                .eq_ignore_ascii_case(word)
                .then_some(LONG_ABBR.1)
        })
}

/// The month whose abbreviation the word's first three letters are ("Sept." → 9,
/// "Mayor" → 5): for readers that have already matched a month-shaped word.
pub fn month_of_abbr3(word: &str) -> Option<u32> {
    let p = word.get(..3)?;
    MONTHS
        .iter()
        .position(|m| abbr3(m).eq_ignore_ascii_case(p))
        .map(|i| i as u32 + 1)
}

fn alternation(names: &[&str], lower: bool) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| {
            if lower {
                n.to_ascii_lowercase()
            } else {
                n.to_string()
            }
        })
        .collect();
    names.join("|")
}

/// "January|February|…|December" (lower-cased with `lower`), for a regex.
pub fn month_alternation(lower: bool) -> String {
    alternation(&MONTHS, lower)
}

/// "Monday|Tuesday|…|Sunday" (lower-cased with `lower`), for a regex.
pub fn weekday_alternation(lower: bool) -> String {
    alternation(&WEEKDAYS, lower)
}

/// "Jan\.?|Feb\.?|…|Sept?\.?|…|Dec\.?": the abbreviations, each with an optional full
/// stop; May has none (its name is three letters).
pub fn month_abbr_alternation() -> String {
    MONTHS
        .iter()
        .filter(|m| abbr3(m) != **m)
        .map(|m| {
            if LONG_ABBR.0.starts_with(abbr3(m)) {
                format!("{}{}?\\.?", abbr3(m), &LONG_ABBR.0[3..])
            } else {
                format!("{}\\.?", abbr3(m))
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        let cases: &[(&str, Option<u32>)] = &[
            ("January", Some(1)),
            ("jan", Some(1)),
            ("MAY", Some(5)),
            ("Sept", Some(9)),
            ("sep", Some(9)),
            ("Janu", None),
            ("Monday", None),
            ("", None),
        ];
        for (w, want) in cases {
            assert_eq!(month_of_word(w), *want, "{w}");
        }
        assert_eq!(month_number("jan"), None);
        assert_eq!(month_of_abbr3("Sept."), Some(9));
        assert_eq!(month_of_abbr3("Ma"), None);
        assert_eq!((month_name(0), month_name(12)), (None, Some("December")));
        assert_eq!((weekday_name(1), weekday_name(8)), (Some("Monday"), None));
    }

    #[test]
    fn alternations() {
        assert_eq!(
            weekday_alternation(true),
            "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        );
        assert!(month_alternation(false).starts_with("January|February|"));
        assert_eq!(
            month_abbr_alternation(),
            "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
        );
    }

    /// The time vocabulary reads every name here as the same month or weekday.
    #[test]
    fn time_words_agree() {
        let lex = super::super::lexicon::lexicon();
        for (i, m) in MONTHS.iter().enumerate() {
            let n = i as u32 + 1;
            assert_eq!(lex.month(&m.to_lowercase()), Some(n), "{m}");
            assert_eq!(lex.month(&abbr3(m).to_lowercase()), Some(n), "{m}");
        }
        for (i, d) in WEEKDAYS.iter().enumerate() {
            assert_eq!(lex.weekday(&d.to_lowercase()), Some(i as u32 + 1), "{d}");
        }
    }
}
