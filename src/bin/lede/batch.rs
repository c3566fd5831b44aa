//! `lede batch`: JSON Lines in, one JSON result per line out, so an evaluation over
//! a thousand documents runs in one process. A bad line yields an error line
//! (`{"id": …, "error": …}`) and a message on stderr; the other lines go on.

use crate::input::{analyze_html, analyze_text, InputError};
use serde::Deserialize;
use std::io::{BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

/// The longest line read (a line beyond this is reported and skipped).
const MAX_LINE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    published: Option<String>,
}

pub fn run() -> ExitCode {
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let mut buf = Vec::new();
        let n = match (&mut reader)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', &mut buf)
        {
            Ok(n) => n,
            Err(e) => {
                eprintln!("lede batch: cannot read standard input: {e}");
                return ExitCode::FAILURE;
            }
        };
        if n == 0 {
            break;
        }
        if buf.len() as u64 >= MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
            // Skip the rest of the oversized line without holding it in memory.
            if let Err(e) = skip_line(&mut reader) {
                eprintln!("lede batch: cannot read standard input: {e}");
                return ExitCode::FAILURE;
            }
            failures += 1;
            report_error(&mut out, line_no, None, "line longer than 64 MiB; skipped");
            continue;
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let result = match std::str::from_utf8(&buf) {
            Err(_) => Err((None, "line is not UTF-8".to_string())),
            Ok(s) => match serde_json::from_str::<Line>(s) {
                Err(e) => Err((
                    None,
                    format!("not a JSON object of the documented shape: {e}"),
                )),
                Ok(line) => {
                    let id = line.id.clone();
                    // A bug in the engine must cost one line, not the rest of the batch: the
                    // line gets an error result and the next line is read as usual.
                    std::panic::catch_unwind(|| process(line)).unwrap_or_else(|panic| {
                        Err((id, format!("internal error: {}", panic_message(&panic))))
                    })
                }
            },
        };
        match result {
            Ok(value) => {
                if writeln!(out, "{value}").is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Err((id, msg)) => {
                failures += 1;
                report_error(&mut out, line_no, id, &msg);
            }
        }
    }
    let _ = out.flush();
    if failures > 0 {
        eprintln!("lede batch: {failures} line(s) failed");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads and drops bytes up to and including the next line break, a buffer at a time.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = chunk.len();
                reader.consume(n);
            }
        }
    }
}

/// The text a panic carried, for the error line.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the engine stopped on this line".to_string())
}

fn process(line: Line) -> Result<serde_json::Value, (Option<serde_json::Value>, String)> {
    let id = line.id.clone();
    let fail = |e: InputError| (id.clone(), e.to_string());
    let outcome = match (&line.text, &line.html) {
        (Some(text), None) => analyze_text(text, line.published.as_deref()).map_err(fail)?,
        (None, Some(html)) => {
            analyze_html(html, line.url.as_deref(), line.published.as_deref()).map_err(fail)?
        }
        _ => return Err((id, "give exactly one of \"text\" or \"html\"".to_string())),
    };
    let mut value =
        serde_json::to_value(&outcome.report).map_err(|e| (id.clone(), e.to_string()))?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("id".into(), id.unwrap_or(serde_json::Value::Null));
    }
    Ok(value)
}

fn report_error<W: Write>(out: &mut W, line_no: usize, id: Option<serde_json::Value>, msg: &str) {
    eprintln!("lede batch: line {line_no}: {msg}");
    let v = serde_json::json!({"id": id, "line": line_no, "error": msg});
    let _ = writeln!(out, "{v}");
}
