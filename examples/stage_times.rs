//! Times each pipeline stage on one text file: `cargo run --release --example stage_times FILE [YYYY-MM-DD] [--first-checks]`.
//! A profiling aid for finding which stage makes an input slow, and what each stage costs
//! the first time it runs in a process (building its patterns) against a second run.
use std::time::Instant;

/// One pass of the pipeline (`lede::analyze_observed`, the real analysis): milliseconds
/// per stage (from the analysis's own `stage_ms`; the fact stage counts with the checks)
/// and what it found. With `per_check`, each check also runs alone, on the checks' real
/// input, before the stage does: on the first pass a check's time is then its first-use
/// cost (building its patterns) plus its run.
fn pass(text: &str, published: Option<chrono::NaiveDate>, per_check: bool) -> ([f64; 5], String) {
    let options = lede::Options {
        published: published.map(|d| lede::Published::given(d, "command line")),
        ..Default::default()
    }
    .with_budget(f64::INFINITY, lede::budget::native_clock);
    let analysis = lede::analyze_observed(text, &options, &mut |context| {
        if per_check {
            for check in lede::checks::CHECKS {
                let t = Instant::now();
                let n = check.run(context).len();
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                println!("  check {:<24} {ms:>8.2} ms  {n} flags", check.id());
            }
        }
    })
    .expect("a text file under the length limit analyses");
    let st = analysis.stage_ms.unwrap_or_default();
    let found = format!(
        "{} people, {} quotes, {} times, {} flags",
        analysis.people.len(),
        analysis.quotes.len(),
        analysis.times.len(),
        analysis.flags.len()
    );
    ([st.text, st.people, st.quotes, st.time, st.checks], found)
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
