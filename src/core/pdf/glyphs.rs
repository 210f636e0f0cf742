//! Collecting glyphs from pdf-extract: an `OutputDev` that records every character with
//! its position, size and advance, page by page, within the glyph limits.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::rows::{build_page, Glyph, GlyphText};
use crate::core::layout::{TextPage, MAX_SLANTED};

/// Why the collector stopped pdf-extract early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// A page or the document had more glyphs than allowed.
    TooManyGlyphs,
}

/// Receives characters from pdf-extract and builds the pages.
pub struct Collector {
    max_glyphs_per_page: usize,
    max_glyphs: usize,
    total: usize,
    run: u32,
    rotations: Vec<u16>,
    page: Option<PageState>,
    /// Pages built so far.
    pub pages: Vec<TextPage>,
    /// Set when the collector made pdf-extract stop.
    pub stopped: Option<Stop>,
}

struct PageState {
    number: u32,
    media: MediaBox,
    rotate: u16,
    glyphs: Vec<Glyph>,
    slanted: String,
}

impl Collector {
    /// Glyphs pdf-extract drew so far, counted against the limits.
    pub fn drawn(&self) -> usize {
        self.total
    }

    /// A collector that accepts at most this many glyphs per page and in all, for pages
    /// displayed with these rotations (`/Rotate`, in degrees clockwise).
    pub fn new(max_glyphs_per_page: usize, max_glyphs: usize, rotations: Vec<u16>) -> Self {
        Collector {
            max_glyphs_per_page,
            max_glyphs,
            total: 0,
            run: 0,
            rotations,
            page: None,
            pages: Vec::new(),
            stopped: None,
        }
    }

    fn stop(&mut self, why: Stop) -> OutputError {
        self.stopped = Some(why);
        OutputError::FormatError(std::fmt::Error)
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let rotate = page_num
            .checked_sub(1)
            .and_then(|i| self.rotations.get(i as usize))
            .copied()
            .unwrap_or(0);
        self.page = Some(PageState {
            number: page_num,
            media: *media_box,
            rotate,
            glyphs: Vec::new(),
            slanted: String::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if let Some(page) = self.page.take() {
            let m = page.media;
            let (mut width, mut height) =
                ((m.urx - m.llx).abs() as f32, (m.ury - m.lly).abs() as f32);
            if page.rotate % 180 == 90 {
                std::mem::swap(&mut width, &mut height);
            }
            self.pages.push(build_page(
                page.number,
                width,
                height,
                page.glyphs,
                page.slanted,
            ));
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.total += 1;
        if self.total > self.max_glyphs {
            return Err(self.stop(Stop::TooManyGlyphs));
        }
        let Some(page) = self.page.as_mut() else {
            return Ok(());
        };
        if page.glyphs.len() >= self.max_glyphs_per_page {
            return Err(self.stop(Stop::TooManyGlyphs));
        }
        // Where the glyph is on the page as displayed: user space (y up, from the media
        // box's corner) turned by the page's `/Rotate`, y then measured from the top.
        let m = page.media;
        let (w, h) = (m.urx - m.llx, m.ury - m.lly);
        let (u, v) = (trm.m31 - m.llx, trm.m32 - m.lly);
        let turn = |p: f64, q: f64| match page.rotate {
            90 => (q, -p),
            180 => (-p, -q),
            270 => (-q, p),
            _ => (p, q),
        };
        let (x, y) = match page.rotate {
            90 => (v, u),
            180 => (w - u, v),
            270 => (h - v, w - u),
            _ => (u, h - v),
        };
        // pdf-extract's text rendering matrix leaves the font size out: the glyph's
        // size on the page is the font size times the matrix's vertical scale.
        let (a, b) = turn(trm.m11, trm.m12);
        let (c, d) = turn(trm.m21, trm.m22);
        // Text that is not upright as displayed (a reference printed up the margin)
        // would make rows of single letters; bills' tables are upright.
        if a <= 0.0 || b.abs() > 0.05 * a || c.abs() > 0.05 * d.abs() {
            // Its letters are still a sign of what the page is (a diagonal EXEMPLE).
            let kept = page.slanted.chars().count();
            page.slanted.extend(
                char.chars()
                    .filter(|c| c.is_alphanumeric())
                    .take(MAX_SLANTED.saturating_sub(kept)),
            );
            return Ok(());
        }
        let size = (font_size * d).abs();
        let advance = (width * font_size * a).abs();
        // Text drawn off the page is not seen by anyone reading the bill: it must not
        // be read as a charge either.
        let (page_w, page_h) = if page.rotate % 180 == 90 {
            (h, w)
        } else {
            (w, h)
        };
        if x + advance < 0.0 || x > page_w || y < 0.0 || y - size > page_h {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x: x as f32,
            y: y as f32,
            width: advance as f32,
            size: size as f32,
            text: GlyphText::new(char),
            run: self.run,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        // pdf-extract calls this for each string it shows: one run each.
        self.run = self.run.wrapping_add(1);
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
