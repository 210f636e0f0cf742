//! The reading entry point: PDF bytes in, a read bill (or a clear error) out.
//!
//! Everything that can go wrong on a file a person drops is bounded here: the size before
//! reading, and what the PDF layer allows. Panics from the PDF crates are contained one
//! level up (a worker per file in the browser, a child process in `inspect`).

use serde::{Deserialize, Serialize};

use super::bill::Bill;
use super::error::{ReadError, ReadErrorKind};
use super::interpret::interpret;
use super::layout::{TextCell, TextPage, TextRow};

/// The largest file the reader accepts. Real bills weigh 50 KB to 2 MB.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// What reading a PDF gives: its text laid out, and the bill understood from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The text of each page, in rows.
    pub pages: Vec<TextPage>,
    /// The bill.
    pub bill: Bill,
}

/// Reads a PDF bill from its bytes. `source` is the file name, kept in the bill.
pub fn read(bytes: &[u8], source: &str) -> Result<Reading, ReadError> {
    check_envelope(bytes)?;
    let text = pdf_extract::extract_text_from_mem(bytes)
        .map_err(|_| ReadError::new(ReadErrorKind::Corrupt))?;
    let pages: Vec<TextPage> = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, page)| TextPage {
            number: i as u32 + 1,
            width: 0.0,
            height: 0.0,
            rows: page
                .lines()
                .filter(|l| !l.trim().is_empty())
                .enumerate()
                .map(|(j, l)| TextRow {
                    y: j as f32,
                    size: 0.0,
                    cells: vec![TextCell {
                        x: 0.0,
                        x_end: 0.0,
                        text: l.trim().to_string(),
                    }],
                })
                .collect(),
        })
        .filter(|p| !p.rows.is_empty())
        .collect();
    if pages.is_empty() {
        return Err(ReadError::new(ReadErrorKind::NoText));
    }
    let bill = interpret(&pages, source);
    Ok(Reading { pages, bill })
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
