//! The `lede` command line: the same analysis as the extension, as a readable report
//! or as the JSON contract (`docs/json.md`), one file at a time or in batch.
//!
//! ```text
//! lede analyze article.txt --published 2025-05-12      # readable report
//! lede analyze page.html --json                        # HTML goes through article finding
//! lede batch < docs.jsonl > results.jsonl              # one result per input line
//! ```

mod batch;
mod input;
mod readable;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "Who speaks, when things happen, and where a news article contradicts itself."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one article (plain text or HTML; `-` reads standard input).
    Analyze {
        file: PathBuf,
        /// Publication date (YYYY-MM-DD); overrides any date found in HTML.
        #[arg(long)]
        published: Option<String>,
        /// Print the JSON contract instead of the readable report.
        #[arg(long)]
        json: bool,
        /// Treat the input as HTML even without an .html/.htm extension.
        #[arg(long)]
        html: bool,
        /// The page's address, for dates in URLs (HTML input only).
        #[arg(long)]
        url: Option<String>,
    },
    /// Read JSON Lines on stdin ({"id","text","published"} or {"id","html","url"}) and write one result per line.
    Batch,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze {
            file,
            published,
            json,
            html,
            url,
        } => match input::analyze_file(&file, published.as_deref(), html, url.as_deref()) {
            Ok((report, analysis, text)) => {
                if json {
                    match serde_json::to_string_pretty(&report) {
                        Ok(s) => println!("{s}"),
                        Err(e) => {
                            eprintln!("lede: could not write JSON: {e}");
                            return ExitCode::FAILURE;
                        }
                    }
                } else {
                    print!("{}", readable::render(&analysis, &text));
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("lede: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Batch => batch::run(),
    }
}
