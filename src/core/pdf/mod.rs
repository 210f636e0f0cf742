//! The PDF layer: bytes in, positioned text rows out, or a typed error.
//!
//! Pure Rust (lopdf + pdf-extract), the same code natively and in the browser worker.
//!
//! # How a file is read
//!
//! 1. `guard::prescan` looks at the raw bytes for the constructs that lopdf 0.42 handles
//!    unsafely *while loading* (before any of our code sees a `Document`): compressed
//!    object and cross-reference streams that inflate beyond the limit, and xref streams
//!    whose `/W`, `/Size` or `/Index` would make it allocate or loop without bound.
//! 2. lopdf loads the document. Encrypted files are tried with the empty user password,
//!    which is how owner-password-only files (most operator bills that are encrypted at
//!    all) open; a file that still needs a password is `PasswordProtected`.
//! 3. `guard::sanitize` rewrites the loaded document into one that pdf-extract cannot
//!    trip on:
//!    - the page tree walked with a visited set, a depth and a page limit, and flattened;
//!      `Resources`, `MediaBox` and `/Rotate` resolved onto each page (pdf-extract
//!      climbs `/Parent` without a cycle check, and ignores `/Rotate`);
//!    - dangling references nulled (pdf-extract `expect`s them); images replaced by
//!      empty forms (pdf-extract would parse their pixels as content);
//!    - only the streams pdf-extract reads inflated, by us, against one budget of
//!      decompressed bytes; images, metadata and attachments never are;
//!    - content streams parsed and filtered to the text operators, each with the
//!      operands pdf-extract indexes or unwraps without checking (colour, path and
//!      graphics-state operators carry no text and are dropped; `'` and `"` are spelled
//!      out as `T*` + `Tj`, which pdf-extract handles; unbalanced `Q` dropped);
//!    - form XObjects drawn inline, within `q` … `Q` and with their `/Matrix`:
//!      pdf-extract would draw them from a fresh graphics state, reading their text
//!      where the form is defined rather than where the page puts it; forms nested
//!      deeper than the limit, or drawing themselves, are cut;
//!    - every font given a resource name of its own (pdf-extract caches fonts by name
//!      for a whole page), and cleaned by `fonts` the first time a `Tf` uses it:
//!      `/ToUnicode` re-read tolerantly and rewritten plainly, widths and names put in
//!      the shapes pdf-extract unwraps, the font programs it parses inflated.
//! 4. pdf-extract walks the pages and calls our `glyphs::Collector` for every character,
//!    which keeps its position and size, and stops past the glyph limits.
//! 5. `rows` rebuilds rows by baseline and cells by horizontal gaps (never trusting the
//!    drawing order), and `text` repairs decomposed accents and normalises to NFC.
//!
//! # Why lopdf 0.42 behind our own bounds, rather than a newer lopdf
//!
//! pdf-extract 0.12.1 pins lopdf 0.42, which lacks 0.44's `max_decompressed_size` and
//! 0.45's fixes for crafted files (unbounded `/Pages` recursion, a 1 TiB allocation from
//! an xref `/W`, colour-space panics). Moving to lopdf 0.47 means vendoring and porting
//! pdf-extract (a `vendor/` tree outside the fixed top-level layout, and a fork to keep
//! up). And it would not be enough: most of the panics and unbounded recursion on crafted
//! input are in pdf-extract itself (`Do` recursion into forms, `/Parent` climbing,
//! `unwrap`/`expect` on operands, fonts and references), which no lopdf version fixes.
//! So the crates stay as published and the dangerous parts are handled around them: the
//! raw pre-scan covers what lopdf 0.42 does at load time (its parser already caps object
//! nesting at 100 and its page-tree iterator at depth 256 and a visited count), and the
//! sanitizer covers what pdf-extract does afterwards.
//!
//! What remains is contained one level up. pdf-extract can still panic in code this
//! layer does not rebuild: embedded Type 1 and CFF font programs (read for their built-in
//! encodings), embedded CMap encodings of composite fonts, and arithmetic overflow in
//! lopdf under debug assertions. One bound is a worst case rather than a measure: an
//! encrypted object stream cannot be inflated before lopdf decrypts it, so it is refused
//! only when it *could* exceed 1 GiB. The browser reads files in a worker that is
//! terminated on error or timeout (and the next file gets a fresh one); native callers use
//! [`crate::core::reader::read_contained`], which maps a panic to
//! `ReadErrorKind::Crashed`. The release profile has `panic = "abort"`, so the `inspect`
//! CLI cannot rely on `catch_unwind`: it reads each file in a child process.
//!
//! No clock here (the core has none): the time limit belongs to the caller (the worker's
//! timeout, the CLI's child process). The limits below keep every step linear in the
//! input or capped, so a bad file fails fast rather than late.

mod fonts;
mod glyphs;
mod guard;
pub mod rows;
pub mod text;

use pdf_extract::{Document, Error as PdfError, MediaBox, PageReader};

use super::error::{ReadError, ReadErrorKind};
use super::layout::TextPage;
use glyphs::{Collector, Stop};

/// How much of a file the reader is willing to process. Real bills sit far below every
/// default: 1 to 10 pages, a few thousand glyphs per page, a few MB inflated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes; checked before anything else.
    pub max_file_bytes: u64,
    /// Most pages read.
    pub max_pages: usize,
    /// Most glyphs on one page.
    pub max_glyphs_per_page: usize,
    /// Most glyphs in the document.
    pub max_glyphs: usize,
    /// Most bytes inflated from all streams together.
    pub max_decompressed_bytes: usize,
    /// Deepest nesting of forms within forms, and of the page tree.
    pub max_nesting: usize,
    /// Deepest nesting of arrays and dictionaries in objects and content streams (lopdf's
    /// parser gives up at 100; refusing earlier says why).
    pub max_object_depth: usize,
    /// Most objects (entries in the cross-reference table).
    pub max_objects: usize,
    /// Largest content stream of one page or form, inflated.
    pub max_content_bytes: usize,
    /// Most content-stream operations over the document.
    pub max_operations: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: super::reader::MAX_FILE_BYTES,
            max_pages: 200,
            max_glyphs_per_page: 100_000,
            max_glyphs: 1_000_000,
            max_decompressed_bytes: 64 << 20,
            max_nesting: 16,
            max_object_depth: 64,
            max_objects: 200_000,
            max_content_bytes: 4 << 20,
            max_operations: 2_000_000,
        }
    }
}

/// Extracts the text of every page as rows and cells.
///
/// Returns every page, including pages without text, so that page numbers hold; a
/// document whose pages all lack text is `NoText`.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Vec<TextPage>, ReadError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ReadError::new(ReadErrorKind::TooLarge {
            size,
            max: limits.max_file_bytes,
        }));
    }
    guard::prescan(bytes, limits)?;
    let mut doc = Document::load_mem(bytes).map_err(load_error)?;
    if doc.is_encrypted() {
        // lopdf opened it with the empty user password if it could; still encrypted means
        // a user password is needed.
        return Err(ReadError::new(ReadErrorKind::PasswordProtected));
    }
    let pages = guard::sanitize(&mut doc, limits)?;
    if pages.is_empty() {
        return Err(ReadError::new(ReadErrorKind::Corrupt));
    }
    let rotations = pages.iter().map(|p| p.rotate).collect();
    let mut collector = Collector::new(limits.max_glyphs_per_page, limits.max_glyphs, rotations);
    let mut reader = PageReader::new(&doc);
    let mut outcome = Ok(());
    for (i, page) in pages.iter().enumerate() {
        let [llx, lly, urx, ury] = page.media_box.map(f64::from);
        let media_box = MediaBox { llx, lly, urx, ury };
        let number = i as u32 + 1;
        outcome = reader.read_page(
            number,
            &media_box,
            &page.resources,
            &page.operations,
            &mut collector,
        );
        if outcome.is_err() {
            break;
        }
    }
    if collector.stopped == Some(Stop::TooManyGlyphs) {
        let page = collector.pages.len() as u32 + 1;
        return Err(ReadError {
            kind: ReadErrorKind::TooComplex,
            page: Some(page),
        });
    }
    if outcome.is_err() {
        let page = collector.pages.len() as u32 + 1;
        return Err(ReadError {
            kind: ReadErrorKind::Corrupt,
            page: Some(page),
        });
    }
    let pages = collector.pages;
    if pages.iter().all(|p| p.rows.is_empty()) {
        return Err(ReadError::new(ReadErrorKind::NoText));
    }
    Ok(pages)
}

fn load_error(e: PdfError) -> ReadError {
    let kind = match e {
        PdfError::Decryption(_) | PdfError::InvalidPassword => ReadErrorKind::PasswordProtected,
        _ => ReadErrorKind::Corrupt,
    };
    ReadError::new(kind)
}
