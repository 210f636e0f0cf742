//! The reading entry point: PDF bytes in, a read bill (or a clear error) out.
//!
//! Everything that can go wrong on a file a person drops is bounded here: the size before
//! reading, and what the PDF layer allows (`pdf::Limits`). Panics from the PDF crates are
//! contained one level up (a worker per file in the browser, a child process in
//! `inspect`, `read_contained` in native tests).

use serde::{Deserialize, Serialize};

use super::bill::Bill;
use super::error::{ReadError, ReadErrorKind};
use super::interpret::interpret;
use super::layout::TextPage;
use super::pdf::{self, Limits};

/// The largest file the reader accepts (the PDF layer's limit, checked here before any
/// parsing and by the app before a file is read).
pub use super::pdf::MAX_FILE_BYTES;

/// What reading a PDF gives: its text laid out, and the bill understood from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The text of each page, in rows.
    pub pages: Vec<TextPage>,
    /// The bill.
    pub bill: Bill,
}

/// Reads a PDF bill from its bytes. `source` is the file name, kept in the bill.
///
/// PDF crates can panic on crafted files: call this where a panic is contained (a
/// worker per file in the browser, a child process in the CLI), or use
/// [`read_contained`] natively.
pub fn read(bytes: &[u8], source: &str) -> Result<Reading, ReadError> {
    check_envelope(bytes)?;
    let pages = pdf::extract(bytes, &Limits::default())?;
    let bill = interpret(&pages, source);
    Ok(Reading { pages, bill })
}

/// [`read`], with the reader's notes on how it chose its reading (what it took for
/// subtotals, what it left out to reconcile with the amount due, or by how much it misses):
/// what `inspect` prints so that a wrong reading can be understood. The notes quote the
/// bill's labels and amounts; they are shown, never logged or stored.
pub fn read_with_notes(bytes: &[u8], source: &str) -> Result<(Reading, Vec<String>), ReadError> {
    check_envelope(bytes)?;
    let pages = pdf::extract(bytes, &Limits::default())?;
    let (bill, notes) = super::interpret::interpret_with_notes(&pages, source);
    Ok((Reading { pages, bill }, notes))
}

/// [`read`], with a panic inside the PDF crates turned into `ReadErrorKind::Crashed`.
///
/// This relies on unwinding: it works in native debug and test builds, but not where
/// panics abort — the release profile (`panic = "abort"`, so the `inspect` CLI reads each
/// file in a child process) and wasm32 (where the worker is terminated instead).
pub fn read_contained(bytes: &[u8], source: &str) -> Result<Reading, ReadError> {
    // The default panic hook still prints the message to stderr; the caller gets a value.
    std::panic::catch_unwind(|| read(bytes, source))
        .unwrap_or_else(|_| Err(ReadError::new(ReadErrorKind::Crashed)))
}

/// [`read_contained`], with the work the PDF layer did ([`pdf::Work`]; nothing counted
/// when it panicked): what tests bound instead of a time.
pub fn read_measured(bytes: &[u8], source: &str) -> (Result<Reading, ReadError>, pdf::Work) {
    let mut work = pdf::Work::default();
    let reading = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_envelope(bytes)?;
        let (pages, done) = pdf::extract_measured(bytes, &Limits::default());
        work = done;
        let pages = pages?;
        let bill = interpret(&pages, source);
        Ok(Reading { pages, bill })
    }))
    .unwrap_or_else(|_| Err(ReadError::new(ReadErrorKind::Crashed)));
    (reading, work)
}

/// Checks what can be checked before parsing: emptiness, size and the PDF header.
pub fn check_envelope(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::new(ReadErrorKind::Empty));
    }
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ReadError::new(ReadErrorKind::TooLarge {
            size,
            max: MAX_FILE_BYTES,
        }));
    }
    // The header may be preceded by junk within the first 1024 bytes (PDF 1.7, 7.5.2).
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::new(ReadErrorKind::NotPdf));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_rejects_what_is_not_a_pdf() {
        assert_eq!(check_envelope(b"").unwrap_err().kind, ReadErrorKind::Empty);
        assert_eq!(
            check_envelope(b"PK\x03\x04 zip").unwrap_err().kind,
            ReadErrorKind::NotPdf
        );
        assert!(check_envelope(b"%PDF-1.7\n").is_ok());
        let big = vec![b' '; MAX_FILE_BYTES as usize + 1];
        assert!(matches!(
            check_envelope(&big).unwrap_err().kind,
            ReadErrorKind::TooLarge { .. }
        ));
    }
}
