//! Times each pipeline stage on one text file: `cargo run --release --example stage_times FILE [YYYY-MM-DD] [--first-checks]`.
//! A profiling aid for finding which stage makes an input slow, and what each stage costs
//! the first time it runs in a process (building its patterns) against a second run.
use std::time::Instant;

/// One pass of the pipeline, stage by stage: milliseconds per stage and what it found.
fn pass(text: &str, published: Option<chrono::NaiveDate>, per_check: bool) -> ([f64; 5], String) {
    let ms = |a: Instant| a.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let doc = lede::text::Document::new(text);
    let a = ms(t);
    let t = Instant::now();
    let mut people = lede::people::find(&doc);
    let b = ms(t);
    let t = Instant::now();
    let stage = lede::quotes::find(&doc, &people);
    lede::quotes::add_mentions(&mut people, stage.mentions);
    let quotes = stage.quotes;
    let c = ms(t);
    let t = Instant::now();
    let times = lede::time::find(&doc, published);
    let d = ms(t);
    let facts = lede::facts::find(&lede::facts::Input {
        doc: &doc,
        people: &people,
        entities: &[],
        quotes: &quotes,
        times: &times,
    });
    let ctx = lede::checks::Context {
        doc: &doc,
        people: &people,
        entities: &[],
        quotes: &quotes,
        times: &times,
        published,
        facts: &facts,
    };
    // Each check alone before the whole stage, so on the first pass a check's time is
    // its first-use cost (building its patterns) plus its run.
    if per_check {
        for check in lede::checks::CHECKS {
            let t = Instant::now();
            let n = check.run(&ctx).len();
            println!("  check {:<24} {:>8.2} ms  {n} flags", check.id(), ms(t));
        }
    }
    let t = Instant::now();
    let flags = lede::checks::run(&ctx);
    let e = ms(t);
    let found = format!(
        "{} people, {} quotes, {} times, {} flags",
        people.len(),
        quotes.len(),
        times.len(),
        flags.len()
    );
    ([a, b, c, d, e], found)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: stage_times FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let words = text.split_whitespace().count();
    // `--first-checks`: time each check on the first pass (its first-use cost).
    let first_checks = args.iter().any(|a| a == "--first-checks");
    let published = args
        .iter()
        .skip(2)
        .find(|a| !a.starts_with("--"))
        .and_then(|d| lede::parse_date(d).ok());
    for (label, per_check) in [
        ("first", first_checks),
        ("second", false),
        ("third", !first_checks),
    ] {
        let ([a, b, c, d, e], found) = pass(&text, published, per_check);
        println!(
            "{label:<6} words {words}  text {a:.2} ms  people {b:.2} ms  quotes {c:.2} ms  time {d:.2} ms  checks {e:.2} ms  ({found})"
        );
    }
}
