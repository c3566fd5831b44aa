//! Prints the flags for a text file (development aid): `cargo run --example dbg_flags FILE [DATE]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let opts = match args.get(2) {
        Some(d) => lede::Options::with_published(d, "cli").expect("date"),
        None => lede::Options::default(),
    };
    let a = lede::analyze(&text, &opts).expect("analyze");
    for f in &a.flags {
        println!(
            "[{}] {:.2} {}\n   reason: {}",
            f.kind, f.confidence, f.message, f.reason
        );
        for e in &f.evidence {
            println!("   > {}", e.text(&text));
        }
        if let Some(x) = &f.fact {
            println!("   fact: {x}");
        }
    }
}
