//! The PDF layer: bytes in, positioned text rows out, or a typed error.
//!
//! Pure Rust (lopdf + pdf-extract), the same code natively and in the browser worker.
//! pdf-extract is our patched copy (`patches/pdf-extract/`, through `[patch.crates-io]`):
//! its README lists each change against the published 0.12.1 and why.
//!
//! # How a file is read
//!
//! 1. `guard::prescan` looks at the raw bytes for what lopdf 0.42 mishandles *while
//!    loading*, before any of our code sees a `Document`: compressed object and
//!    cross-reference streams that inflate beyond the budget (it has no limit), xref
//!    streams whose `/W`, `/Size` or `/Index` would make it allocate or loop without
//!    bound, and objects nested deeper than the limit.
//! 2. lopdf loads the document. Encrypted files are tried with the empty user password,
//!    which is how owner-password-only files (most operator bills that are encrypted at
//!    all) open; a file that still needs a password is `PasswordProtected`.
//! 3. `guard::sanitize` walks the page tree and parses each page's content once:
//!    - the page tree walked with a visited set, a depth and a page limit, `Resources`,
//!      `MediaBox` and `/Rotate` inherited onto each page (pdf-extract ignores
//!      `/Rotate`; the tree is walked here so that a loop or a shared node is an error,
//!      not a page read twice);
//!    - each content stream inflated by us, against one budget of decompressed bytes
//!      (lopdf 0.42 inflates without a limit), and refused past the content limit or
//!      nesting depth (lopdf's content parser recurses into arrays); then parsed by
//!      `content`, a one-pass parser for the syntax bills use that gives exactly
//!      lopdf's operations and hands anything else (comments, inline images, escapes
//!      in names...) to lopdf's own parser (nom, a quarter of the 30-page bill's time);
//!    - the operations kept to those that place or show text (paths, colours, images
//!      and marked content carry none, and pdf-extract's colour-space code still panics
//!      on crafted colour spaces), with every operation counted against the limit and a
//!      `Q` without its `q` dropped (it would pop the state of the page drawing a form);
//!    - form XObjects drawn inline, within `q` … `Q` and with their `/Matrix`, each
//!      parsed once however often it is drawn; forms nested deeper than the limit, or
//!      drawing themselves, are cut. Drawing a form copies its operations, so the bytes
//!      the kept operations hold are counted too, each copy again, against their own
//!      budget: seven forms each drawing the next ten times over one string of 1 MiB
//!      (3 KB of file) would otherwise be ten million copies of it;
//!    - every font given a name of its own (a form's `/F1` is not the page's), and
//!      `fonts::prepare` inflating, within the budget, the streams pdf-extract reads from
//!      it (ToUnicode, Type 1 and CFF programs, embedded CMaps), the first time a `Tf`
//!      names it.
//! 4. pdf-extract's `PageReader` draws those operations, page by page (fonts built once
//!    for the document, operands checked where it reads them), and calls our
//!    `glyphs::Collector` for every character, which keeps its position and size and
//!    stops past the glyph limits.
//! 5. `rows` rebuilds rows by baseline and cells by horizontal gaps (never trusting the
//!    drawing order), and `text` repairs decomposed accents and normalises to NFC.
//!
//! # What the guards are for, now that pdf-extract is ours
//!
//! The panics and unbounded recursion that fuzzing found in pdf-extract (fonts,
//! ToUnicode maps, operands, `Do` recursion, `/Parent` climbing, dangling references)
//! are fixed where they were, in the patch; `guard` and `fonts` used to rebuild the
//! document around them. What is left here is what the patch does not do: *bounds*.
//! lopdf 0.42 has no `max_decompressed_size` (0.44 added it) and lacks 0.45's fixes for
//! crafted files at load time, hence the raw pre-scan and our own inflation of every
//! stream that is read; the limits on pages, operations, content size, nesting and
//! glyphs keep every step linear in the input or capped. Moving pdf-extract onto lopdf
//! 0.47 (which would let most of the pre-scan go) is the next step; it was not taken in
//! the change that made the patch.
//!
//! What remains is contained one level up. pdf-extract can still panic inside the
//! parsers it calls on embedded font programs (type1-encoding-parser, cff-parser) and
//! embedded CMap encodings of composite fonts (adobe-cmap-parser), and lopdf on
//! arithmetic overflow under debug assertions. One bound is a worst case rather than a
//! measure: an encrypted object stream cannot be inflated before lopdf decrypts it, so
//! it is refused only when it *could* exceed 1 GiB. The browser reads files in a worker
//! that is terminated on error or timeout (and the next file gets a fresh one); native
//! callers use [`crate::core::reader::read_contained`], which maps a panic to
//! `ReadErrorKind::Crashed`. The release profile has `panic = "abort"`, so the `inspect`
//! CLI cannot rely on `catch_unwind`: it reads each file in a child process.
//!
//! No clock here (the core has none): the time limit belongs to the caller (the worker's
//! timeout, the CLI's child process). The limits below keep every step linear in the
//! input or capped, so a bad file fails fast rather than late.

mod content;
mod fonts;
mod glyphs;
mod guard;
pub mod rows;
pub mod text;

use pdf_extract::{Document, Error as PdfError, MediaBox, PageReader};

use super::error::{ReadError, ReadErrorKind};
use super::layout::TextPage;
use glyphs::{Collector, Stop};

/// The largest file the reader accepts. Real bills weigh 50 KB to 2 MB.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

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
    /// Most bytes the cleaned operations of the document may hold (each operation, its
    /// operator and its operands), a form's counted again each time it is drawn: the
    /// operation count alone let a few KB of nested forms drawn over one huge string be
    /// copied into gigabytes.
    pub max_operation_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: MAX_FILE_BYTES,
            max_pages: 200,
            max_glyphs_per_page: 100_000,
            max_glyphs: 1_000_000,
            max_decompressed_bytes: 64 << 20,
            max_nesting: 16,
            max_object_depth: 64,
            max_objects: 200_000,
            max_content_bytes: 4 << 20,
            max_operations: 2_000_000,
            max_operation_bytes: 128 << 20,
        }
    }
}

/// What reading one file took, counted as it went: how far each bounded step got. Tests
/// bound these counts rather than a time (a count is the same on a loaded machine, and
/// says which step went too far).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Bytes inflated: by the pre-scan (object and xref streams), then from the loaded
    /// document (contents, forms, font streams). Each has its own budget of
    /// `max_decompressed_bytes`.
    pub inflated_bytes: usize,
    /// Content-stream operations parsed and counted against `max_operations`, forms'
    /// included each time they are drawn.
    pub operations: usize,
    /// Bytes held by the cleaned operations, counted against `max_operation_bytes`:
    /// a form's again each time it is drawn.
    pub operation_bytes: usize,
    /// Glyphs pdf-extract drew, counted against `max_glyphs`.
    pub glyphs: usize,
    /// Whether the file got past the pre-scan to lopdf's loader.
    pub loaded: bool,
}

/// Extracts the text of every page as rows and cells.
///
/// Returns every page, including pages without text, so that page numbers hold; a
/// document whose pages all lack text is `NoText`.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Vec<TextPage>, ReadError> {
    extract_measured(bytes, limits).0
}

/// [`extract`], with the [`Work`] it took, whether it succeeded or not.
pub fn extract_measured(bytes: &[u8], limits: &Limits) -> (Result<Vec<TextPage>, ReadError>, Work) {
    let mut work = Work::default();
    let pages = extract_counting(bytes, limits, &mut work);
    (pages, work)
}

fn extract_counting(
    bytes: &[u8],
    limits: &Limits,
    work: &mut Work,
) -> Result<Vec<TextPage>, ReadError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ReadError::new(ReadErrorKind::TooLarge {
            size,
            max: limits.max_file_bytes,
        }));
    }
    let mut budget = limits.max_decompressed_bytes;
    let prescan = guard::prescan(bytes, limits, &mut budget);
    work.inflated_bytes = limits.max_decompressed_bytes.saturating_sub(budget);
    prescan?;
    work.loaded = true;
    let mut doc = Document::load_mem(bytes).map_err(load_error)?;
    if doc.is_encrypted() {
        // lopdf opened it with the empty user password if it could; still encrypted means
        // a user password is needed.
        return Err(ReadError::new(ReadErrorKind::PasswordProtected));
    }
    let pages = guard::sanitize(&mut doc, limits, work)?;
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
    work.glyphs = collector.drawn();
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
