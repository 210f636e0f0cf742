//! Bounds around lopdf 0.42 and the walk that hands pdf-extract each page's operations
//! (the reasoning is in `pdf`), one concern per file:
//!
//! - `raw`: the pre-scan of the raw bytes, before lopdf loads anything (xref streams
//!   that would make it allocate or loop, object streams that inflate past the budget,
//!   nesting too deep for its parser);
//! - `inflate`: every stream we inflate, against one budget of decompressed bytes;
//! - `pages`: the page tree, walked with a visited set and limits, what each page
//!   inherits;
//! - `clean`: each page's content parsed once and kept to the text operators, forms drawn
//!   inline, fonts renamed apart and prepared; pdf-extract then reads those operations.

mod clean;
mod inflate;
mod pages;
mod raw;

pub use clean::sanitize;
pub use inflate::stream_data;
pub use pages::resolve;
pub use raw::prescan;

use crate::core::error::{ReadError, ReadErrorKind};

fn too_complex() -> ReadError {
    ReadError::new(ReadErrorKind::TooComplex)
}

fn corrupt() -> ReadError {
    ReadError::new(ReadErrorKind::Corrupt)
}
