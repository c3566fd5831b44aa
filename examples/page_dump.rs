//! Prints a page's blocks as the HTML reader builds them, marking the ones the
//! selector keeps: a debugging aid for `pages_eval`.
//!
//! `cargo run --example page_dump -- FILE.html`

use lede::article::{html::page_from_html, select::select};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: page_dump FILE.html");
        return;
    };
    let Ok(html) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let page = page_from_html(&html, None);
    let sel = select(&page);
    println!("container: {:?}", sel.container);
    // `page_dump FILE text`: the extracted article text only.
    if std::env::args().nth(2).as_deref() == Some("text") {
        println!("{}", lede::article::extract(&page).text);
        return;
    }
    // `page_dump FILE all`: every block's text.
    if std::env::args().nth(2).as_deref() == Some("all") {
        for b in &page.blocks {
            println!("{}", b.text);
        }
        return;
    }
    // `page_dump FILE 12 40`: full path and ids of those blocks.
    let wanted: Vec<usize> = std::env::args()
        .skip(2)
        .filter_map(|a| a.parse().ok())
        .collect();
    if !wanted.is_empty() {
        for &i in &wanted {
            if let Some(b) = page.blocks.get(i) {
                println!("[{i}] {}\n     {:?}", b.path, b.ids);
            }
        }
        return;
    }
    for (i, b) in page.blocks.iter().enumerate() {
        let mark = if sel.blocks.contains(&i) { '+' } else { ' ' };
        let text: String = b.text.chars().take(70).collect();
        let tail: Vec<&str> = b.path.split(' ').rev().take(4).collect();
        println!(
            "{mark}{i:>4} {:<10} L{:<4} {text:<70} | {}",
            b.tag,
            b.link_chars,
            tail.join(" < ")
        );
    }
}
