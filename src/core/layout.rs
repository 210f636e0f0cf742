//! Text laid out on a page: glyphs with positions, grouped into rows and cells.
//!
//! PDFs draw text in any order (all labels, then all amounts); the reader never trusts
//! that order. Rows are rebuilt from baselines and cells from horizontal gaps, top to
//! bottom and left to right, in PDF units (1/72 inch) with `y` growing downwards.

use serde::{Deserialize, Serialize};

/// A run of text on one row, with no wide gap inside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextCell {
    /// Left edge.
    pub x: f32,
    /// Right edge.
    pub x_end: f32,
    /// The text, NFC-normalised.
    pub text: String,
}

/// A row of text sharing one baseline, cells left to right.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextRow {
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Font size of the row's largest glyph.
    pub size: f32,
    /// The cells, left to right.
    pub cells: Vec<TextCell>,
}

impl TextRow {
    /// The row's text, cells joined by two spaces so that a label and a right-aligned
    /// amount stay apart.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.cells.iter().map(|c| c.text.as_str()).collect();
        parts.join("  ")
    }
}

/// A page of text rows, top to bottom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextPage {
    /// 1-based page number.
    pub number: u32,
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Rows, top to bottom.
    pub rows: Vec<TextRow>,
    /// The letters of text drawn at an angle (a diagonal *EXEMPLE* watermark, a
    /// reference up the margin), in drawing order, at most [`MAX_SLANTED`] characters:
    /// never rows, only a sign of what the page is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub slanted: String,
}

/// The most characters of slanted text kept per page.
pub const MAX_SLANTED: usize = 64;
