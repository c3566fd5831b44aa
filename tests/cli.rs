//! The command line as a user runs it: readable report, JSON contract, batch mode and
//! its error handling. Fixtures are written here, in our own words.

use std::io::Write;
use std::process::{Command, Stdio};

fn lede() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lede"))
}

fn batch(input: &str) -> (String, String, bool) {
    let mut child = lede()
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lede");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn batch_writes_one_result_per_line_with_code_point_offsets() {
    let (out, _err, ok) = batch(
        "{\"id\":\"a\",\"text\":\"Zoë Quill met Ravi Menon on Monday.\",\"published\":\"2030-03-06\"}\n\
         {\"id\":\"b\",\"text\":\"🙂 “Fine,” said Omar Vidal.\",\"published\":null}\n",
    );
    assert!(ok);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["published"]["value"], "2030-03-06");
    assert!(lines[1]["published"].is_null());
    for l in &lines {
        for key in ["people", "quotes", "times", "flags"] {
            assert!(l[key].is_array(), "{key} missing in {l}");
        }
    }
}

#[test]
fn batch_reports_bad_lines_and_keeps_going() {
    let (out, err, ok) = batch(
        "{\"id\":1,\"text\":\"First.\"}\n{not json\n\u{0}\n{\"id\":3}\n{\"id\":4,\"text\":\"Last.\",\"published\":\"May 5\"}\n{\"id\":5,\"text\":\"Fine.\"}\n",
    );
    assert!(!ok, "a failed line makes the exit status non-zero");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0]["error"].is_null());
    assert!(lines[1]["error"].is_string());
    assert!(lines[3]["error"].as_str().unwrap().contains("text"));
    assert!(lines[4]["error"].as_str().unwrap().contains("2025-05-12"));
    assert_eq!(lines[5]["id"], 5);
    assert!(err.contains("line 2"));
}

/// Issue 11: text that once panicked the engine (a multibyte character before "ing") in the
/// middle of a batch: three lines in, three results out, each analysed.
#[test]
fn batch_answers_every_line_around_text_that_once_panicked() {
    let (out, _err, ok) = batch(
        "{\"id\":1,\"text\":\"Ana Ortiz said yes.\"}\n{\"id\":2,\"text\":\"a\u{1041}ing \u{d55c}ing said\"}\n{\"id\":3,\"text\":\"Fine.\"}\n",
    );
    assert!(ok);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], i + 1);
        assert!(l["error"].is_null(), "{l}");
        assert!(l["people"].is_array(), "{l}");
    }
}

#[test]
fn analyze_refuses_non_utf8_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("lede-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"caf\xe9 au lait").unwrap();
    let out = lede().arg("analyze").arg(&path).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    let missing = lede()
        .args(["analyze", "/nonexistent/x.txt"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn analyze_prints_a_readable_report_and_json() {
    let dir = std::env::temp_dir().join(format!("lede-cli2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("story.txt");
    std::fs::write(
        &path,
        "Mayor Ines Calder said on Friday that the bridge would reopen.",
    )
    .unwrap();
    let out = lede()
        .arg("analyze")
        .arg(&path)
        .args(["--published", "2031-04-07"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Published: 2031-04-07"));
    assert!(text.contains("PEOPLE") && text.contains("QUOTES") && text.contains("TIMES"));
    let json = lede()
        .arg("analyze")
        .arg(&path)
        .arg("--json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert!(v["people"].is_array());
}
