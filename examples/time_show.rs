//! Prints the time expressions Lede finds in a file: `cargo run --example time_show FILE [YYYY-MM-DD]`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: time_show FILE [YYYY-MM-DD]");
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let opts = match args.get(2) {
        Some(d) => lede::Options::with_published(d, "cli").unwrap_or_default(),
        None => lede::Options::default(),
    };
    let Ok(a) = lede::analyze(&text, &opts) else {
        return;
    };
    for t in &a.times {
        println!(
            "{:?}\t{}\t{}\t{}\t{}\t{}",
            t.span.text(&text),
            t.kind.as_str(),
            t.value.as_deref().unwrap_or("-"),
            t.modifier.as_deref().unwrap_or("-"),
            t.label.as_deref().unwrap_or("-"),
            t.basis.as_deref().unwrap_or("-")
        );
    }
}
