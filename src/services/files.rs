//! Files picked or dropped by the person: size checked before reading the bytes.

use gloo::file::futures::read_as_bytes;
use gloo::file::File;

use crate::core::error::{ReadError, ReadErrorKind};
use crate::core::reader::MAX_FILE_BYTES;

/// Reads a file's bytes, refusing before reading one that is larger than any bill.
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, ReadError> {
    let size = file.size();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::new(ReadErrorKind::TooLarge {
            size,
            max: MAX_FILE_BYTES,
        }));
    }
    read_as_bytes(file)
        .await
        .map_err(|_| ReadError::new(ReadErrorKind::Crashed))
}
