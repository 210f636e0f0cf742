//! Files picked or dropped by the person: size checked before reading the bytes. And the
//! sample bill, fetched from next to the app when asked for.

use gloo::file::futures::{read_as_bytes, read_as_text};
use gloo::file::File;

use crate::core::error::{ReadError, ReadErrorKind};
use crate::core::reader::MAX_FILE_BYTES;

/// A file the person picked or dropped, held until its turn to be read.
pub struct Picked(File);

impl Picked {
    /// A file from a file input or a drop.
    pub fn new(file: web_sys::File) -> Picked {
        Picked(File::from(file))
    }

    /// Its name.
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its size, in bytes.
    pub fn size(&self) -> u64 {
        self.0.size()
    }
}

/// Reads a file's bytes, refusing before reading one that is larger than any bill.
pub async fn read_bytes(file: &Picked) -> Result<Vec<u8>, ReadError> {
    let file = &file.0;
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

/// Why a text file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFileError {
    /// Larger than `max` bytes: refused before reading.
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The browser could not read it (moved, deleted, not text).
    Unreadable,
}

/// Reads a text file the person picked, refusing before reading one larger than `max`.
pub async fn read_text(file: web_sys::File, max: u64) -> Result<String, TextFileError> {
    let file = File::from(file);
    let size = file.size();
    if size > max {
        return Err(TextFileError::TooLarge { size, max });
    }
    read_as_text(&file)
        .await
        .map_err(|_| TextFileError::Unreadable)
}

/// The sample bill, copied next to index.html by Trunk (index.html's `copy-file`). It is
/// fetched when asked for rather than built into the app's wasm: 50 KB the first screen
/// does not need (`make bench` measured the first load at 533 KB gzip with it inside).
pub const SAMPLE_URL: &str = "./sample-orange-mobile.pdf";

/// Fetches a file shipped with the app, as bytes. A failure (offline before the service
/// worker has it, a server error) is reported as the reader's `Crashed`: the file could
/// not be had, and there is nothing the person can do about it but retry.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, ReadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let failed = |_| ReadError::new(ReadErrorKind::Crashed);
    let window = web_sys::window().ok_or(ReadError::new(ReadErrorKind::Crashed))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(ReadError::new(ReadErrorKind::Crashed));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
