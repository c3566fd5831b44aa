//! One path finder for every test that reads `../shared` (the seed article and the
//! evaluation data, read at run time and never copied into the project).
//!
//! Where it looks, in order: `$LEDE_SHARED` (the folder holding `seed/` and `eval/`),
//! then a `shared/` folder beside the repository or any folder above it (worktrees live
//! one level further down). When the file is missing a test skips with a message on a
//! developer's machine, but under `CI=true` it fails, naming every place it looked: a
//! green CI run must mean the acceptance tests ran.

use std::path::PathBuf;

/// The places a `shared/` folder may be.
fn candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(dir) = std::env::var_os("LEDE_SHARED") {
        out.push(PathBuf::from(dir));
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for parent in repo.ancestors().skip(1) {
        out.push(parent.join("shared"));
    }
    out
}

/// `shared/<rel>` when it exists; `None` (after saying so) when it does not, except under
/// `CI=true`, where a missing file fails the test.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let tried = candidates();
    if let Some(found) = tried.iter().map(|d| d.join(rel)).find(|p| p.exists()) {
        return Some(found);
    }
    let places: Vec<String> = tried
        .iter()
        .map(|d| d.join(rel).display().to_string())
        .collect();
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "this test needs shared/{rel} and CI=true forbids skipping it; looked in: {}. \
             Set LEDE_SHARED to the folder holding seed/ and eval/.",
            places.join(", ")
        );
    }
    eprintln!(
        "skipped: shared/{rel} not found (looked in: {})",
        places.join(", ")
    );
    None
}

/// The text of `shared/<rel>`, as [`shared_path`] finds it.
#[allow(dead_code)] // not every test binary reads a whole file
pub fn shared_text(rel: &str) -> Option<String> {
    let path = shared_path(rel)?;
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}
