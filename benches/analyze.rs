//! Benchmark: `lede::analyze` time against article length (about 300, 1,000, 10,000 and
//! 100,000 words).
//!
//! Input: real articles read at bench time from `shared/eval/news/` (concatenated in file
//! order and cut after exactly N words); when the data is absent, text generated here
//! from our own sentence patterns. Output: criterion's report, with throughput in words,
//! twice: `analyze` in wall-clock time and `analyze_cpu` in the CPU time of the benchmark
//! thread, which a shared, loaded machine does not inflate (a preempted thread's wall
//! clock runs on; its CPU clock stops). Estimates land in
//! `target/criterion/analyze{,_cpu}/<words>/new/estimates.json` (read by `bench/report.py`).
//!
//! Run: `cargo bench --bench analyze` (target: at most 5 ms per 1,000 words, linear).

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::time::Duration;

const SIZES: [usize; 4] = [300, 1_000, 10_000, 100_000];

/// `shared/eval/news` from `$LEDE_SHARED` or beside the repository or one of its parents.
fn news_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("LEDE_SHARED") {
        let d = Path::new(&p).join("eval/news");
        return d.is_dir().then_some(d);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/eval/news"))
        .find(|d| d.is_dir())
}

/// Article texts (the `text` field of each JSON line) and the first publication date seen.
fn real_articles(dir: &Path) -> (Vec<String>, Option<String>) {
    let mut texts = Vec::new();
    let mut date = None;
    // PolNeAR first: dated US political news, the kind of page Lede is made for.
    for name in [
        "polnear_articles_2015_2016_dev.jsonl",
        "bbc_2004_2005_dev.jsonl",
    ] {
        let Ok(body) = std::fs::read_to_string(dir.join(name)) else {
            continue;
        };
        for line in body.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
            if date.is_none() {
                date = v.get("date").and_then(|d| d.as_str()).map(str::to_string);
            }
        }
    }
    (texts, date)
}

/// Text in our own words when the evaluation data is absent: invented people, places and
/// quotes, varied enough that every stage has work to do.
fn generated_articles() -> Vec<String> {
    let names = [
        ("Ana Ortiz", "Ortiz", "mayor"),
        ("Piotr Zieliński", "Zieliński", "finance minister"),
        ("Grace Okafor", "Okafor", "union leader"),
        ("Tomasz Wren", "Wren", "harbour master"),
    ];
    let days = [
        "Monday",
        "last Tuesday",
        "on 3 March",
        "two weeks ago",
        "in 2019",
    ];
    (0..400)
        .map(|i| {
            let (full, last, role) = names[i % names.len()];
            let (other, _, _) = names[(i + 1) % names.len()];
            let day = days[i % days.len()];
            format!(
                "The {role} {full} said {day} that the bridge over the river would reopen within three years.\n\n\
                 “We have waited long enough,” {last} told reporters, adding that {other} had agreed to the plan.\n\n\
                 According to {other}, the work began in the spring and will cost 40 million, about twice the first estimate."
            )
        })
        .collect()
}

/// The first `n` words of the concatenated articles (paragraphs kept), cut at the blank
/// after the n-th word.
fn first_words(articles: &[String], n: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for a in articles
        .iter()
        .cycle()
        .take(articles.len() * (1 + n / 1000))
    {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let mut in_word = false;
        for (i, c) in a.char_indices() {
            if c.is_whitespace() {
                if in_word {
                    count += 1;
                    if count == n {
                        out.push_str(&a[..i]);
                        return out;
                    }
                }
                in_word = false;
            } else {
                in_word = true;
            }
        }
        count += usize::from(in_word);
        out.push_str(a);
        if count >= n {
            return out;
        }
    }
    out
}

/// CPU time of the calling thread in nanoseconds, from `/proc/thread-self/schedstat`
/// (Linux; the first field is the time spent on a CPU). None elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// A criterion measurement in thread CPU nanoseconds.
struct CpuTime;

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        for v in values.iter_mut() {
            *v /= 1e6;
        }
        "ms (CPU)"
    }

    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let n = match t {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) => {
                *n as f64
            }
        };
        for v in values.iter_mut() {
            *v = n * 1e9 / *v;
        }
        "words/s (CPU)"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns().unwrap_or(0)
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().unwrap_or(0).saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// The texts to analyse: (words, text) per size, and the options.
fn inputs() -> (Vec<(usize, String)>, lede::Options) {
    let (articles, date, source) = match news_dir().map(|d| real_articles(&d)) {
        Some((t, d)) if !t.is_empty() => (t, d, "shared/eval/news"),
        _ => (
            generated_articles(),
            None,
            "generated text (shared/eval absent)",
        ),
    };
    let date = date.unwrap_or_else(|| "2016-01-01".to_string());
    let options = lede::Options::with_published(&date, "bench").unwrap_or_default();
    eprintln!("analyze bench: articles from {source}, published {date}");
    let texts = SIZES
        .iter()
        .map(|&n| {
            let text = first_words(&articles, n);
            (text.split_whitespace().count(), text)
        })
        .collect();
    (texts, options)
}

fn run_group<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let (texts, options) = inputs();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for (words, text) in &texts {
        group.throughput(Throughput::Elements(*words as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), text, |b, text| {
            b.iter(|| lede::analyze(std::hint::black_box(text), &options))
        });
    }
    group.finish();
}

fn bench_wall(c: &mut Criterion) {
    run_group(c, "analyze");
    bench_seed(c);
}

/// The acceptance article (read from ../shared at bench time, never copied), published
/// 2025-05-12: the figure the README quotes for "time to analyse the seed natively".
fn bench_seed(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "analyze bench: {} absent; seed bench skipped",
            path.display()
        );
        return;
    };
    let Ok(options) = lede::Options::with_published("2025-05-12", "bench") else {
        return;
    };
    let mut group = c.benchmark_group("seed");
    group.sample_size(20);
    group.bench_function("analyze", |b| {
        b.iter(|| lede::analyze(std::hint::black_box(&text), &options))
    });
    group.finish();
}

fn bench_cpu(c: &mut Criterion<CpuTime>) {
    if thread_cpu_ns().is_none() {
        eprintln!("analyze bench: no /proc/thread-self/schedstat; CPU-time group skipped");
        return;
    }
    run_group(c, "analyze_cpu");
}

criterion_group!(wall, bench_wall);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench_cpu
}
criterion_main!(wall, cpu);
