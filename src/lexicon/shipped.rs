//! What of a data file the engine ships: its rows, without the comments written for people.
//!
//! Input: a data file's text. Output: the same text with every comment line blanked (kept as
//! an empty line, so a row's line number is the same in the file and in the engine's copy);
//! `## section` lines and the `# order:` line are kept, since the reader needs them.
//! The comments (sources, licences, examples) are about a quarter of the data's bytes and
//! reach the reader's browser for nothing. `build.rs` writes the shipped copy of every file in
//! `data/` with this function, and the data test checks the file against it.
//!
//! Example: `"# a note\n# order: sorted\nb a\n"` ships as `"\n# order: sorted\nb a\n"`.

/// The text the engine compiles in for a data file's `text`.
pub fn shipped(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let kept = !line.starts_with('#')
                || line.starts_with("##")
                || line
                    .trim_start_matches('#')
                    .trim_start()
                    .starts_with("order:");
            if kept {
                line
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::shipped;

    #[test]
    fn comments_are_blanked_and_what_the_reader_needs_is_kept() {
        let cases = [
            (
                "# Source: us\n# order: sorted\nb a\n",
                "\n# order: sorted\nb a\n",
            ),
            (
                "#order: sorted\n## male\nAdam\n# note\n",
                "#order: sorted\n## male\nAdam\n\n",
            ),
            ("a\tb\n# last line, no newline", "a\tb\n"),
            ("no comments\n", "no comments\n"),
        ];
        for (file, want) in cases {
            assert_eq!(shipped(file), want, "{file:?}");
            assert!(shipped(file).lines().count() <= file.lines().count());
        }
    }
}
