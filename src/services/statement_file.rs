//! A bank statement picked by the person: its size checked before a byte is read.

use gloo::file::futures::read_as_bytes;
use gloo::file::File;

use crate::core::bank::{StatementError, MAX_STATEMENT_BYTES};

/// Reads a statement's bytes, refusing before reading one larger than any statement.
pub async fn read_statement_bytes(file: web_sys::File) -> Result<Vec<u8>, StatementError> {
    let file = File::from(file);
    let size = file.size();
    if size > MAX_STATEMENT_BYTES {
        return Err(StatementError::TooLarge {
            size,
            max: MAX_STATEMENT_BYTES,
        });
    }
    read_as_bytes(&file)
        .await
        .map_err(|_| StatementError::NotText)
}
