//! Reading one input (a file or a batch line) and running the analysis on it.

use lede::report::{Report, Unit};
use lede::{analyze, Analysis, Error, Options};
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused before reading (the engine analyses at most
/// `lede::MAX_TEXT_BYTES` of text; HTML pages carry much markup, hence the margin).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why an input could not be analysed, with what to do about it.
#[derive(Debug)]
pub enum InputError {
    /// The file could not be read.
    Io(String, std::io::Error),
    /// The file is not UTF-8 text; convert it first (e.g. `iconv -t UTF-8`).
    NotUtf8(String),
    /// The file is larger than the CLI accepts.
    TooLarge(String, u64),
    /// The engine refused the input.
    Engine(Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(p, e) => write!(f, "cannot read {p}: {e}"),
            InputError::NotUtf8(p) => write!(
                f,
                "{p} is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)"
            ),
            InputError::TooLarge(p, n) => write!(
                f,
                "{p} is {n} bytes, more than the {MAX_FILE_BYTES}-byte limit; pass the article only"
            ),
            InputError::Engine(e) => write!(f, "{e}"),
        }
    }
}

impl From<Error> for InputError {
    fn from(e: Error) -> Self {
        InputError::Engine(e)
    }
}

/// The text actually analysed, the analysis, and the contract report.
pub struct Outcome {
    pub text: String,
    pub analysis: Analysis,
    pub report: Report,
}

/// Analyses plain text with an optional `YYYY-MM-DD` publication date.
pub fn analyze_text(text: &str, published: Option<&str>) -> Result<Outcome, InputError> {
    let options = Options::given_or(published, None)?;
    let analysis = analyze(text, &options)?;
    let report = Report::new(&analysis, text, Unit::CodePoint);
    Ok(Outcome {
        text: text.to_string(),
        analysis,
        report,
    })
}

/// Analyses an HTML page: the same article finding as the extension, then the text
/// analysis. A given `published` date overrides the page's own.
pub fn analyze_html(
    html: &str,
    url: Option<&str>,
    published: Option<&str>,
) -> Result<Outcome, InputError> {
    let page = lede::article::html::page_from_html(html, url);
    let lede::PageAnalysis {
        extracted,
        analysis,
    } = lede::analyze_page(&page, published)?;
    let mut report = Report::new(&analysis, &extracted.text, Unit::CodePoint);
    report.text = Some(extracted.text.clone());
    report.byline = extracted.byline.clone();
    report.not_article = (!extracted.verdict.article).then(|| extracted.verdict.reason.clone());
    Ok(Outcome {
        text: extracted.text,
        analysis,
        report,
    })
}

/// Reads and analyses one file (`-` is standard input).
pub fn analyze_file(
    path: &Path,
    published: Option<&str>,
    force_html: bool,
    url: Option<&str>,
) -> Result<(Report, Analysis, String), InputError> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| InputError::Io(name.clone(), e))?;
        if buf.len() as u64 > MAX_FILE_BYTES {
            return Err(InputError::TooLarge(name, buf.len() as u64));
        }
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| InputError::Io(name.clone(), e))?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(InputError::TooLarge(name, meta.len()));
        }
        std::fs::read(path).map_err(|e| InputError::Io(name.clone(), e))?
    };
    let content = String::from_utf8(bytes).map_err(|_| InputError::NotUtf8(name.clone()))?;
    let is_html = force_html
        || matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase())
                .as_deref(),
            Some("html" | "htm" | "xhtml")
        );
    let out = if is_html {
        analyze_html(&content, url, published)?
    } else {
        analyze_text(&content, published)?
    };
    Ok((out.report, out.analysis, out.text))
}
