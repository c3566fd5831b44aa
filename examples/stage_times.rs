//! Times each pipeline stage on one text file: `cargo run --release --example stage_times FILE [YYYY-MM-DD]`.
//! A profiling aid for finding which stage makes an input slow.
use std::time::Instant;

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
    let published = args.get(2).and_then(|d| lede::parse_date(d).ok());
    let t0 = Instant::now();
    let doc = lede::text::Document::new(&text);
    let t1 = Instant::now();
    let mut people = lede::people::find(&doc);
    let t2 = Instant::now();
    let quotes = lede::quotes::find(&doc, &mut people);
    let t3 = Instant::now();
    let times = lede::time::find(&doc, published);
    let t4 = Instant::now();
    let flags = lede::checks::run(&lede::checks::Context {
        doc: &doc,
        people: &people,
        entities: &[],
        quotes: &quotes,
        times: &times,
        published,
    });
    let t5 = Instant::now();
    let ctx = lede::checks::Context {
        doc: &doc,
        people: &people,
        entities: &[],
        quotes: &quotes,
        times: &times,
        published,
    };
    for check in lede::checks::CHECKS {
        let t = Instant::now();
        let n = check.run(&ctx).len();
        println!(
            "  check {:<24} {:>8.1} ms  {n} flags",
            check.id(),
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
    println!(
        "words {}  text {:.1} ms  people {:.1} ms  quotes {:.1} ms  time {:.1} ms  checks {:.1} ms  ({} people, {} quotes, {} times, {} flags)",
        text.split_whitespace().count(),
        ms(t0, t1),
        ms(t1, t2),
        ms(t2, t3),
        ms(t3, t4),
        ms(t4, t5),
        people.len(),
        quotes.len(),
        times.len(),
        flags.len()
    );
}
