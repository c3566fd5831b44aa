//! Linear-time check over `analyze`: hostile inputs at two sizes, n and 4n bytes.
//!
//! Run: `cargo run --release --bin linear_time [N_BYTES]` (default 25,000). For each
//! input family it builds a text of about n bytes and one of about 4n bytes with the same
//! seeded generator, times `lede::analyze` on each (best of 5 runs, the sizes taking turns), prints a table, and
//! exits non-zero when any family's time grows faster than about n^1.3: a ratio above
//! 6 for the 4x input (4^1.3 = 6.1; linear is 4, quadratic 16). Families whose larger
//! input takes under 2 ms are reported but not judged (timer noise dominates there).
//!
//! The families are the shapes that have made text engines quadratic before: long runs of
//! capitalised words (name grouping), one cue word repeated (quote attribution), deeply
//! nested quotation marks, long runs of digits and dates (time and number rules), clock
//! times beside the days they belong to, one
//! endless sentence without punctuation (sentence splitting, windows), thousands of short
//! paragraphs, thousands of distinct people (coreference), thousands of people with near
//! surnames and apposed posts (the name-variant, role and quotation checks), numbers with change cues (the
//! number checks), one sentence of hundreds of quotations and nested straight quotes (quote
//! attribution's walk back to its cue), one ordinary paragraph repeated (every check's
//! pairwise work), huge class attributes (the HTML reader and article finding; `html-`
//! families go through `page_from_html` and `extract` first; a deep DOM is not here, see
//! docs/linear-time.md: html5ever's scope search is O(depth) per tag by the HTML spec), and a seeded
//! random mix of all the pieces above.
//!
//! Example output line:
//!   caps-run            25001 B    3.1 ms   100004 B   12.6 ms   ratio 4.06  ok
use std::time::Instant;

/// A deterministic xorshift generator: the same text on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CAPS: &[&str] = &[
    "Amberlane",
    "Quayside",
    "Millbrook",
    "Lantern",
    "Saltmarsh",
    "Corrow",
    "Fenwick",
    "Thistledown",
    "Harrowgate",
    "Brightwater",
];
const GIVEN: &[&str] = &[
    "Ilse", "Fergus", "Marta", "Osric", "Nell", "Tobias", "Mireille", "Anselm", "Perpetua", "Idris",
];
const FAMILY: &[&str] = &[
    "Marrow",
    "Tallant",
    "Quell",
    "Dunmore",
    "Brack",
    "Wrenfield",
    "Castagne",
    "Kirrow",
    "Ashgrove",
    "Pell",
];
const WORDS: &[&str] = &[
    "the", "harbour", "board", "met", "on", "a", "ferry", "crossing", "after", "winter", "vote",
    "crews", "union", "fares", "island", "council", "night",
];
const MONTHS: &[&str] = &["January", "March", "May", "July", "September", "November"];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Friday",
    "yesterday",
    "last week",
    "next year",
];

/// Appends pieces from `piece` until the text holds at least `n` bytes.
fn fill(n: usize, seed: u64, mut piece: impl FnMut(&mut Rng, &mut String)) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(n + 256);
    while s.len() < n {
        piece(&mut rng, &mut s);
    }
    s
}

/// A unique-looking name for person number `i` (thousands of distinct people).
fn person(i: usize) -> String {
    let g = GIVEN[i % GIVEN.len()];
    let f = FAMILY[(i / GIVEN.len()) % FAMILY.len()];
    // Past 100 people, a suffix keeps names distinct: "Ilse Marrowby3".
    let round = i / (GIVEN.len() * FAMILY.len());
    if round == 0 {
        format!("{g} {f}")
    } else {
        format!("{g} {f}by{round}")
    }
}

type Family = (&'static str, fn(usize) -> String);

fn families() -> Vec<Family> {
    vec![
        ("caps-run", |n| {
            let mut s = fill(n, 1, |r, s| {
                s.push_str(r.pick(CAPS));
                s.push(' ');
            });
            s.push('.');
            s
        }),
        ("said-repeated", |n| {
            let mut s = fill(n, 2, |_, s| s.push_str("said "));
            s.push('.');
            s
        }),
        ("nested-quotes", |n| {
            let depth = n / 12;
            let mut s = String::with_capacity(n + 16);
            for _ in 0..depth {
                s.push_str("“‘");
            }
            s.push_str("deep");
            for _ in 0..depth {
                s.push_str("’”");
            }
            s
        }),
        ("digits-and-dates", |n| {
            fill(n, 4, |r, s| match r.below(5) {
                0 => s.push_str(&format!("{} ", r.next() % 10_000_000_000)),
                1 => s.push_str(&format!(
                    "{} {} {} ",
                    1 + r.below(28),
                    r.pick(MONTHS),
                    1900 + r.below(150)
                )),
                2 => s.push_str(&format!(
                    "{}-{:02}-{:02} ",
                    1990 + r.below(40),
                    1 + r.below(12),
                    1 + r.below(28)
                )),
                3 => s.push_str(&format!(
                    "{},{:03},{:03} ",
                    r.below(999),
                    r.below(1000),
                    r.below(1000)
                )),
                _ => s.push_str(&format!("{} ", r.pick(DAYS))),
            })
        }),
        // One endless sentence of dated past events after publication: the tense check
        // reads each sentence once, not once per date.
        ("dated-events-one-sentence", |n| {
            fill(n, 6, |r, s| {
                s.push_str(&format!(
                    "the bridge reopened on {} {} 2031 and ",
                    1 + r.below(28),
                    r.pick(MONTHS)
                ))
            })
        }),
        // Weekday possessives and "on <day>" clauses in one sentence: the event-day check
        // reads a bounded window before each day.
        ("weekday-events", |n| {
            fill(n, 7, |r, s| {
                s.push_str(&format!(
                    "{}'s vote and the strike on {} and ",
                    r.pick(DAYS),
                    r.pick(DAYS)
                ))
            })
        }),
        // Day claims in one endless sentence: the fact stage finds each day's token by
        // binary search and reads a bounded clause; the event-weekday check pairs a
        // bounded number of claims.
        ("event-days-one-sentence", |n| {
            fill(n, 8, |r, s| {
                s.push_str(&format!(
                    "the hill gave way on {} and her death, a {}, came on {} {} and ",
                    r.pick(DAYS),
                    r.pick(DAYS),
                    1 + r.below(28),
                    r.pick(MONTHS)
                ))
            })
        }),
        // Court stages in one endless sentence: the stage-order check reads the clause
        // before each date once (the sentence's narration is built once) and compares one
        // date per stage.
        ("court-stages-one-sentence", |n| {
            fill(n, 9, |r, s| {
                s.push_str(&format!(
                    "the judge dismissed the claim in {} {} and the appeal in {} {} and ",
                    r.pick(MONTHS),
                    1990 + r.below(40),
                    r.pick(MONTHS),
                    1990 + r.below(40)
                ))
            })
        }),
        // Start years, spans, anniversaries and order words in one endless sentence: the
        // elapsed-time and date-order checks read a bounded clause window around each and
        // pair a bounded number.
        ("starts-and-spans-one-sentence", |n| {
            fill(n, 14, |r, s| {
                s.push_str(&format!(
                    "{} joined the {} in {} and after {} decades at the {} marked the {}th anniversary of the election and began the {} in {} only after quitting the {} and ",
                    r.pick(FAMILY),
                    r.pick(WORDS),
                    1900 + r.below(120),
                    1 + r.below(9),
                    r.pick(WORDS),
                    1 + r.below(90),
                    r.pick(WORDS),
                    1900 + r.below(120),
                    r.pick(WORDS),
                ))
            })
        }),
        ("clock-times", |n| {
            fill(n, 10, |r, s| {
                s.push_str(&format!(
                    "{} at {}:{:02} UTC and ",
                    r.pick(&["Tuesday", "Friday", "5 March", "yesterday"]),
                    r.below(24),
                    r.below(60)
                ));
            })
        }),
        ("no-punctuation", |n| {
            fill(n, 5, |r, s| {
                s.push_str(r.pick(WORDS));
                s.push(' ');
            })
        }),
        ("short-paragraphs", |n| {
            let mut i = 0;
            fill(n, 6, |r, s| {
                i += 1;
                s.push_str(&format!(
                    "{} said yes on {}.\n\n",
                    r.pick(FAMILY),
                    r.pick(DAYS)
                ));
                if i % 3 == 0 {
                    s.push_str("No.\n\n");
                }
            })
        }),
        ("many-people", |n| {
            let mut i = 0;
            fill(n, 7, |r, s| {
                i += 1;
                let name = person(i);
                let family = name.split(' ').nth(1).unwrap_or_default().to_string();
                s.push_str(&format!(
                    "“The {} will {} again,” said {name}, a {} of the {}. {family} said it on {}.\n",
                    r.pick(WORDS),
                    r.pick(&["sail", "close", "open", "wait"]),
                    r.pick(&["deckhand", "councillor", "director", "captain"]),
                    r.pick(WORDS),
                    r.pick(DAYS),
                ));
            })
        }),
        ("people-posts", |n| {
            // Thousands of people whose surnames share their first letters (the name-variant
            // check's buckets), each given apposed posts (role conflict), a refusal to
            // comment and then a quotation (no-comment-quoted), and one quotation repeated
            // by everyone (quote-speaker conflict).
            let mut i = 0;
            fill(n, 12, |r, s| {
                i += 1;
                let g = GIVEN[i % GIVEN.len()];
                let l = |k: usize| (b'a' + (k % 26) as u8) as char;
                let f = format!("Castagn{}{}{}", l(i), l(i / 26), l(i / 676));
                let near = format!("Castagn{}qq", l(i));
                s.push_str(&format!(
                    "The {}'s mayor, {g} {f}, declined to comment on the {} fares. {f}, the regional governor, spoke.\n\n“The {} fares will rise again this winter,” {f} said. {near} said so.\n\n",
                    r.pick(WORDS),
                    r.pick(WORDS),
                    r.pick(WORDS),
                ));
            })
        }),
        ("numbers-with-cues", |n| {
            fill(n, 8, |r, s| {
                s.push_str(&format!(
                    "Fares {} to {} pounds, up from {} percent, and {} people {} on {} {}. ",
                    r.pick(&["rose", "fell", "stayed", "doubled"]),
                    r.below(500),
                    r.below(100),
                    r.below(100_000),
                    r.pick(&["died", "travelled", "were hurt", "voted"]),
                    1 + r.below(28),
                    r.pick(MONTHS),
                ));
            })
        }),
        ("quotes-one-sentence", |n| {
            // Hundreds of short quotations in one sentence: each looks back for its cue.
            let mut s = String::from("Ruiz said ");
            s.push_str(&fill(n, 11, |_, s| s.push_str("\"x\" ")));
            s
        }),
        ("straight-nested", |n| {
            fill(n, 12, |r, s| {
                s.push_str(&format!(
                    "{} said \"she said \"they said \"go\" now\" then\" ",
                    r.pick(FAMILY)
                ))
            })
        }),
        ("ordinary-paragraph", |n| {
            // One paragraph of ordinary news prose, repeated: every check's pairwise work
            // meets the same people, ages, roles, lengths and dates again and again.
            fill(n, 13, |_, s| s.push_str(ORDINARY))
        }),
        ("html-huge-class", |n| {
            let class = "c ".repeat(2_000);
            let mut s = String::from("<html><body><article>");
            while s.len() < n {
                s.push_str(&format!(
                    "<p class=\"{class}\">Ana Ortiz said the ferry sails on Monday.</p>"
                ));
            }
            s.push_str("</article></body></html>");
            s
        }),
        ("random-mix", |n| {
            fill(n, 9, |r, s| match r.below(12) {
                0 => s.push('“'),
                1 => s.push_str("” "),
                2 => s.push_str("said "),
                3 => s.push_str(r.pick(CAPS)),
                4 => s.push_str(&format!("{} ", r.next() % 100_000)),
                5 => s.push_str(". "),
                6 => s.push('\n'),
                7 => s.push_str(&format!("{} {} ", r.pick(GIVEN), r.pick(FAMILY))),
                8 => s.push_str(&format!("on {} ", r.pick(DAYS))),
                9 => s.push('‘'),
                10 => s.push_str(", who "),
                _ => {
                    s.push_str(r.pick(WORDS));
                    s.push(' ');
                }
            })
        }),
    ]
}

/// Ordinary news prose in our own words (invented people and places), for the
/// `ordinary-paragraph` family.
const ORDINARY: &str = "SALTMARSH — Harbour board chair Ilse Marrow, 52, said on Tuesday that the \
ferry strike, now in its third week, had cost the island 1.2 million pounds. “We cannot wait \
another month,” Marrow told reporters. The 52-year-old, a former councillor, has led the board \
since 2019. Union leader Fergus Tallant, 47, said the walkout began on March 3 and would last \
until Friday. Prime Minister Anselm Quell visited the harbour in 2021, two years after the \
board was formed. About 40 percent of the 3,000 crossings were cancelled last week.\n\n";

/// One timed run of `analyze` (of the article a page gives for `html-` families), in ms.
fn time_once(text: &str) -> f64 {
    let options = lede::Options::with_published("2024-03-05", "given").unwrap_or_default();
    let t = Instant::now();
    let result = if text.starts_with("<html>") {
        let page = lede::article::html::page_from_html(text, None);
        let extracted = lede::article::extract(&page);
        lede::analyze(&extracted.text, &options)
    } else {
        lede::analyze(text, &options)
    };
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    std::hint::black_box(&result);
    if let Err(e) = result {
        eprintln!("analyze failed: {e}");
        std::process::exit(1);
    }
    ms
}

/// The best of `runs` timed runs of each text, the two sizes taking turns so that a burst
/// of load from other processes on the machine slows both alike.
fn best_of(runs: usize, small: &str, large: &str) -> (f64, f64) {
    let (mut ts, mut tl) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..runs {
        ts = ts.min(time_once(small));
        tl = tl.min(time_once(large));
    }
    (ts, tl)
}

/// Milliseconds per pipeline stage (text, people, quotes, time, checks): which stage grows.
fn stages(text: &str) -> [f64; 5] {
    let options = lede::Options::with_published("2024-03-05", "linear-time")
        .expect("a valid date")
        .with_budget(f64::INFINITY, lede::budget::native_clock);
    // Which check grows: each one timed alone on the checks' real input, the slowest named.
    let mut per_check: Vec<(&str, f64)> = Vec::new();
    let analysis = lede::analyze_observed(text, &options, &mut |context| {
        per_check = lede::checks::CHECKS
            .iter()
            .map(|c| {
                let t = Instant::now();
                std::hint::black_box(c.run(context));
                (c.id(), t.elapsed().as_secs_f64() * 1000.0)
            })
            .collect();
    });
    let st = analysis
        .map(|a| a.stage_ms.unwrap_or_default())
        .unwrap_or_default();
    per_check.sort_by(|x, y| y.1.total_cmp(&x.1));
    let slowest: Vec<String> = per_check
        .iter()
        .take(3)
        .map(|(id, t)| format!("{id} {t:.1}"))
        .collect();
    println!("    slowest checks (ms): {}", slowest.join(", "));
    [st.text, st.people, st.quotes, st.time, st.checks]
}

/// Timed runs per size (the best counts); a family over the bound gets three times as many more.
const RUNS: usize = 5;

/// Largest allowed time ratio for 4x the input (n^1.3 growth: 4^1.3 ≈ 6.06).
const MAX_RATIO: f64 = 6.0;
/// Below this (larger input, ms) the ratio is timer noise and not judged.
const MIN_JUDGED_MS: f64 = 2.0;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(25_000);
    if cfg!(debug_assertions) {
        eprintln!("linear_time: a debug build; timings are only meaningful with --release");
    }
    println!(
        "{:<20} {:>9} {:>9}   {:>9} {:>9}   ratio (bound {MAX_RATIO})",
        "input", "n", "time", "4n", "time"
    );
    let mut failed = Vec::new();
    for (name, make) in families() {
        let small = make(n);
        let large = make(4 * n);
        let (mut ts, mut tl) = best_of(RUNS, &small, &large);
        if tl >= MIN_JUDGED_MS && tl / ts.max(1e-6) > MAX_RATIO {
            // On a shared machine one unlucky run decides nothing: measure again, longer.
            let (s2, l2) = best_of(3 * RUNS, &small, &large);
            ts = ts.min(s2);
            tl = tl.min(l2);
        }
        let ratio = tl / ts.max(1e-6);
        let sizes = (small.len(), large.len());
        let verdict = if tl < MIN_JUDGED_MS {
            "not judged (too fast to time)"
        } else if ratio > MAX_RATIO {
            failed.push((name, small, large));
            "SUPER-LINEAR"
        } else {
            "ok"
        };
        println!(
            "{name:<20} {:>7} B {ts:>6.1} ms   {:>7} B {tl:>6.1} ms   {ratio:>5.2}  {verdict}",
            sizes.0, sizes.1
        );
    }
    if failed.is_empty() {
        println!("linear_time: every input family grows at most as n^1.3");
    } else {
        let names: Vec<&str> = failed.iter().map(|f| f.0).collect();
        println!("linear_time: super-linear growth in: {}", names.join(", "));
        println!("per stage (ms):      text   people   quotes     time   checks");
        for (name, small, large) in &failed {
            for (size, text) in [("n", small), ("4n", large)] {
                let st = stages(text);
                println!(
                    "  {name:<16} {size:<2} {:>7.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1}",
                    st[0], st[1], st[2], st[3], st[4]
                );
            }
        }
        std::process::exit(1);
    }
}
