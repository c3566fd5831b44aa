//! Writes the engine's copy of every data file (`data/*.txt`, `data/*.tsv`) into `OUT_DIR`,
//! without the comment lines (see `src/lexicon/shipped.rs`): `src/lexicon.rs` compiles those
//! copies in, so the wasm module carries the rows and not the notes written for people.

use std::path::Path;

#[path = "src/lexicon/shipped.rs"]
mod shipped;

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/lexicon/shipped.rs");
    let entries = std::fs::read_dir("data").expect("data/ is readable");
    for entry in entries {
        let path = entry.expect("data/ lists").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !(name.ends_with(".txt") || name.ends_with(".tsv")) {
            continue;
        }
        println!("cargo:rerun-if-changed=data/{name}");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("data/{name} is not readable UTF-8: {e}"));
        std::fs::write(out.join(&name), shipped::shipped(&text))
            .unwrap_or_else(|e| panic!("cannot write the shipped copy of data/{name}: {e}"));
    }
}
