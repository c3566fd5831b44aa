//! Every text file in `data/` parses with its declared format, is in its declared
//! `# order:` and lists no entry twice (src/lexicon.rs has the reader and the formats).
//! A failure prints `data/FILE:LINE: what is wrong` for each problem.

use lede::lexicon::{Source, ALL};
use std::path::Path;

#[test]
fn every_data_file_parses_is_in_order_and_has_no_duplicates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("data/ is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".tsv"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 20,
        "found only {names:?} in {}",
        dir.display()
    );
    let mut problems = Vec::new();
    for name in &names {
        let Some(src) = ALL.iter().find(|s| s.name == name) else {
            problems.push(format!(
                "data/{name}: not registered in src/lexicon.rs (give it a format there)"
            ));
            continue;
        };
        // The engine reads the copy compiled in (the file without its comments, line for
        // line); it must be the file on disk as shipped.
        let on_disk = std::fs::read_to_string(dir.join(name)).expect("data file is readable");
        assert_eq!(
            lede::lexicon::shipped(&on_disk),
            src.text,
            "data/{name}: rebuild, the compiled copy is stale"
        );
        assert_eq!(
            on_disk.lines().count(),
            src.text.lines().count(),
            "data/{name}: the shipped copy must keep every line, so errors name the file's lines"
        );
        problems.extend(src.check().iter().map(|e| e.to_string()));
    }
    for src in ALL {
        if !names.iter().any(|n| n == src.name) {
            problems.push(format!(
                "data/{}: registered in src/lexicon.rs but missing",
                src.name
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_file_has_rows() {
    for src in ALL {
        let rows = Source::ok_rows(src).count();
        assert!(rows > 0, "data/{} has no rows", src.name);
    }
}

/// `office_holders.tsv` declares a meaningful order the generic check cannot read: rows
/// grouped by country/body, then by office, each office's terms by start date.
#[test]
fn office_holders_are_chronological_per_office() {
    let mut done: Vec<(&str, &str)> = Vec::new();
    let mut last: Option<((&str, &str), &str, usize)> = None;
    let mut problems = Vec::new();
    for r in lede::lexicon::OFFICE_HOLDERS.ok_rows() {
        let (office, start) = ((r.col(0), r.col(1)), r.col(4));
        match last {
            Some((o, prev, line)) if o == office && start < prev => problems.push(format!(
                "data/office_holders.tsv:{}: {} starts {start}, before the term on line {line} ({prev})",
                r.line,
                r.col(3)
            )),
            Some((o, ..)) if o != office => {
                if done.contains(&office) || done.iter().any(|d| d.0 == office.0 && d.0 != o.0) {
                    problems.push(format!(
                        "data/office_holders.tsv:{}: {} {} is not next to its other rows",
                        r.line, office.0, office.1
                    ));
                }
                done.push(o);
            }
            _ => {}
        }
        last = Some((office, start, r.line));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
