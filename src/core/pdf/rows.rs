//! From positioned glyphs to rows and cells, never trusting the drawing order.
//!
//! A PDF may draw every label first and every amount afterwards, or a column at a time;
//! the only thing that tells what sits on one line is geometry. Glyphs are grouped by
//! baseline (with a tolerance relative to the font size, so a superscript "er" or a
//! column drawn a point lower stays on its row), each row is sorted by x, and cells are
//! cut where the horizontal gap is wider than about two spaces, or at a dot leader. The
//! strings a PDF draws are kept whole: one drawn over another (a long value running into
//! the next column) becomes a cell of its own rather than being shuffled into it letter
//! by letter. Pure: glyphs in, rows out.

use std::collections::BTreeMap;

use super::text;
use crate::core::layout::{TextCell, TextPage, TextRow};

/// One glyph as drawn: its origin on the baseline, in page units with `y` from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Left edge of the glyph (its origin).
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance width of the glyph, in page units.
    pub width: f32,
    /// Font size, in page units.
    pub size: f32,
    /// The text it stands for (may be several characters, e.g. a ligature, or none).
    pub text: GlyphText,
    /// The text-showing run it was drawn in (one string of a `Tj` or `TJ`): glyphs of
    /// one run are never interleaved with those of another that overlaps it.
    pub run: u32,
}

/// A glyph's text: nearly every glyph stands for one character, and a page draws
/// thousands of them (a `String` each was an allocation each). Built by
/// [`GlyphText::new`], which makes every one-character text `One`, so that equal texts
/// compare equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlyphText {
    /// One character.
    One(char),
    /// None, or several (a ligature, or a whole word drawn as one glyph).
    Other(String),
}

impl GlyphText {
    /// The text of a glyph as pdf-extract gives it.
    pub fn new(text: &str) -> Self {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => GlyphText::One(c),
            _ => GlyphText::Other(text.to_string()),
        }
    }

    /// Its characters, in order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let (one, other) = match self {
            GlyphText::One(c) => (Some(*c), ""),
            GlyphText::Other(text) => (None, text.as_str()),
        };
        one.into_iter().chain(other.chars())
    }

    /// The character, when there is exactly one.
    pub fn one(&self) -> Option<char> {
        match self {
            GlyphText::One(c) => Some(*c),
            GlyphText::Other(_) => None,
        }
    }

    /// Whether the glyph stands for no text at all.
    pub fn is_empty(&self) -> bool {
        matches!(self, GlyphText::Other(text) if text.is_empty())
    }

    /// Appends the text to `out`.
    pub fn push_to(&self, out: &mut String) {
        match self {
            GlyphText::One(c) => out.push(*c),
            GlyphText::Other(text) => out.push_str(text),
        }
    }

    /// The text, as a string of its own.
    fn to_text(&self) -> String {
        let mut out = String::new();
        self.push_to(&mut out);
        out
    }
}

impl Glyph {
    /// A glyph at `(x, y)` of `size`, as wide as `width`.
    pub fn new(x: f32, y: f32, width: f32, size: f32, text: &str) -> Self {
        Glyph {
            x,
            y,
            width,
            size,
            text: GlyphText::new(text),
            run: 0,
        }
    }

    fn end(&self) -> f32 {
        self.x + self.width
    }

    /// A space that only separates words; the non-breaking spaces that amounts use as
    /// thousands separators are text.
    fn is_space(&self) -> bool {
        match &self.text {
            GlyphText::One(c) => is_breaking_space(*c),
            GlyphText::Other(text) => !text.is_empty() && text.chars().all(is_breaking_space),
        }
    }

    fn accent(&self) -> Option<char> {
        let c = self.text.one()?;
        (text::combining_for(c).is_some() || unicode_normalization::char::is_combining_mark(c))
            .then_some(c)
    }
}

fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Two glyphs whose baselines differ by less than this many times the smaller of their
/// font sizes share a row. Line spacing is at least about 1.1 font sizes; superscripts,
/// about 0.6 times the size of their text, are raised by about 0.33 of it. The smaller
/// size, so that a large "EXEMPLE" watermark does not pull the rows around it into its
/// own.
const ROW_TOLERANCE: f32 = 0.6;
/// A gap wider than this many font sizes (about two spaces) starts a new cell.
const CELL_GAP: f32 = 0.5;
/// A run that starts this many font sizes before the end of the text it follows is
/// drawn over it, not after it (kerning between the strings of a `TJ` is far less).
const OVERLAP: f32 = 0.3;
/// A gap wider than this many font sizes is a space between words.
const SPACE_GAP: f32 = 0.12;

/// The largest coordinate, width or size kept, in page units: PDF's user space stops at
/// 14 400 (ISO 32000, annex C); beyond a margin over it a glyph is off any page, and sums of
/// such values could overflow to infinity.
pub const MAX_COORDINATE: f32 = 100_000.0;

/// A page's width and height when the PDF gives none that can be used (a degenerate or
/// missing `MediaBox`): A4, in points.
pub const FALLBACK_PAGE: (f32, f32) = (595.0, 842.0);

/// Whether a coordinate can stand on a page: finite, and not past [`MAX_COORDINATE`].
fn on_a_page(v: f32) -> bool {
    v.is_finite() && v.abs() <= MAX_COORDINATE
}

/// Builds a page's rows from its glyphs, in any order; `slanted` is the text drawn at an
/// angle, kept apart. Every position, width and size that leaves here is finite: a glyph
/// that has none is dropped, a page size that is not one is A4's.
pub fn build_page(
    number: u32,
    width: f32,
    height: f32,
    glyphs: Vec<Glyph>,
    slanted: String,
) -> TextPage {
    let usable = |v: f32| on_a_page(v) && v > 0.0;
    let (width, height) = if usable(width) && usable(height) {
        (width, height)
    } else {
        FALLBACK_PAGE
    };
    TextPage {
        number,
        width,
        height,
        rows: build_rows(glyphs),
        slanted,
    }
}

/// Groups glyphs into rows by baseline, top to bottom, each cut into cells.
pub fn build_rows(glyphs: Vec<Glyph>) -> Vec<TextRow> {
    let mut glyphs: Vec<Glyph> = glyphs
        .into_iter()
        .filter(|g| {
            on_a_page(g.x)
                && on_a_page(g.y)
                && on_a_page(g.width)
                && on_a_page(g.size)
                && g.size > 0.0
        })
        .map(|mut g| {
            let kept = |c: char| !c.is_control() || is_breaking_space(c);
            if !g.text.chars().all(kept) {
                let text: String = g.text.chars().filter(|c| kept(*c)).collect();
                g.text = GlyphText::new(&text);
            }
            g.width = g.width.max(0.0);
            g
        })
        .collect();
    // Sort by baseline, then by x: a stable order whatever the drawing order was.
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));

    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    let mut anchor_y = f32::NAN;
    let mut anchor_size = 0.0f32;
    // Whether the row's anchor is still a space: a space carries no ink, and some
    // producers draw a lone padding space in a larger font on a row's baseline.
    let mut anchor_is_space = false;
    for g in glyphs {
        let tolerance = ROW_TOLERANCE * anchor_size.min(g.size);
        match rows.last_mut() {
            Some(row) if (g.y - anchor_y).abs() <= tolerance => {
                // The row's baseline is that of its largest glyphs, not of a superscript
                // that happened to sort first, nor of a space.
                if !g.is_space() && (g.size > anchor_size || anchor_is_space) {
                    anchor_y = g.y;
                    anchor_size = g.size;
                    anchor_is_space = false;
                }
                row.push(g);
            }
            _ => {
                anchor_y = g.y;
                anchor_size = g.size;
                anchor_is_space = g.is_space();
                rows.push(vec![g]);
            }
        }
    }
    rows.into_iter().filter_map(build_row).collect()
}

fn build_row(mut glyphs: Vec<Glyph>) -> Option<TextRow> {
    let (y, size) = baseline(&glyphs);
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut glyphs = attach_accents(dedup_overprint(glyphs));
    // Runs left to right by where they start, each run's glyphs left to right: two runs
    // drawn over each other (a long value running into the next column) stay apart
    // instead of being shuffled together letter by letter.
    let mut starts: BTreeMap<u32, f32> = BTreeMap::new();
    for g in &glyphs {
        starts.entry(g.run).or_insert(g.x);
    }
    let start = |g: &Glyph| starts.get(&g.run).copied().unwrap_or(g.x);
    glyphs.sort_by(|a, b| {
        start(a)
            .total_cmp(&start(b))
            .then(a.run.cmp(&b.run))
            .then(a.x.total_cmp(&b.x))
    });
    let leaders = leader_dots(&glyphs);

    let mut cells: Vec<TextCell> = Vec::new();
    let mut current: Option<(f32, f32, String)> = None; // x, x_end, text
    let mut spaces = 0usize;
    let mut space_width = 0.0f32;
    let mut last_size = size;
    let mut last_run = None;
    for (g, leader) in glyphs.into_iter().zip(leaders) {
        if leader {
            // "Total ........ 45,00": the dots separate a label from its amount.
            spaces += 2;
            continue;
        }
        if g.is_space() {
            spaces += g.text.chars().count();
            space_width += g.width;
            continue;
        }
        match current.as_mut() {
            None => current = Some((g.x, g.end(), g.text.to_text())),
            Some((_, end, text)) => {
                let em = last_size.max(g.size);
                let gap = g.x - *end;
                // A new run starting well inside the text before it overprints it.
                let overprint = last_run != Some(g.run) && gap < -OVERLAP * em;
                let split = overprint
                    || match spaces {
                        0 => gap > CELL_GAP * em,
                        1 => gap - space_width > CELL_GAP * em,
                        _ => true,
                    };
                if split {
                    if let Some(cell) = current.take().and_then(finish_cell) {
                        cells.push(cell);
                    }
                    current = Some((g.x, g.end(), g.text.to_text()));
                } else {
                    if spaces > 0 || gap > SPACE_GAP * em {
                        text.push(' ');
                    }
                    g.text.push_to(text);
                    *end = end.max(g.end());
                }
            }
        }
        last_size = g.size;
        last_run = Some(g.run);
        spaces = 0;
        space_width = 0.0;
    }
    if let Some(cell) = current.and_then(finish_cell) {
        cells.push(cell);
    }
    (!cells.is_empty()).then_some(TextRow { y, size, cells })
}

fn finish_cell((x, x_end, raw): (f32, f32, String)) -> Option<TextCell> {
    let text = text::repair(raw.trim());
    (!text.is_empty()).then_some(TextCell { x, x_end, text })
}

/// The baseline and size of the row's largest glyphs (the highest baseline among them).
/// Spaces carry no ink: a space in a larger font sets neither, unless the row is only
/// spaces. Always finite: every glyph reaching here has a finite position and size.
fn baseline(glyphs: &[Glyph]) -> (f32, f32) {
    let inked = glyphs.iter().any(|g| !g.is_space());
    let counted = || glyphs.iter().filter(move |g| !inked || !g.is_space());
    let size = counted().map(|g| g.size).fold(0.0, f32::max);
    let y = counted()
        .filter(|g| g.size >= size * 0.999)
        .map(|g| g.y)
        .reduce(f32::min)
        .unwrap_or(0.0);
    (y, size)
}

/// Marks the dot leaders of a row: runs of at least four `.` (spaced or not) or two
/// `…`. A decimal point, an ellipsis or "etc." stay text.
fn leader_dots(glyphs: &[Glyph]) -> Vec<bool> {
    let mut marks = vec![false; glyphs.len()];
    let mut run: Vec<usize> = Vec::new();
    let mut weight = 0;
    let close = |run: &mut Vec<usize>, weight: &mut usize, marks: &mut Vec<bool>| {
        if *weight >= 4 {
            for &i in run.iter() {
                marks[i] = true;
            }
        }
        run.clear();
        *weight = 0;
    };
    for (i, g) in glyphs.iter().enumerate() {
        match g.text.one() {
            Some('.') => {
                run.push(i);
                weight += 1;
            }
            Some('\u{2026}') => {
                run.push(i);
                weight += 2;
            }
            _ if g.is_space() && !run.is_empty() => {}
            _ => close(&mut run, &mut weight, &mut marks),
        }
    }
    close(&mut run, &mut weight, &mut marks);
    marks
}

#[cfg(test)]
thread_local! {
    /// Glyphs looked at by the windowed searches below (the twin of an overprinted glyph, the
    /// base of an accent), counted in tests only: a row's work is bounded by this count,
    /// which a loaded machine cannot make flaky as a clock can.
    static LOOKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One glyph looked at (counted in tests, nothing otherwise).
#[inline(always)]
fn look() {
    #[cfg(test)]
    LOOKS.with(|l| l.set(l.get() + 1));
}

/// Drops the second copy of a glyph drawn twice at nearly the same place (fake bold,
/// shadows): it would otherwise read "TToottaall".
fn dedup_overprint(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let twin = out.iter().rev().take(4).inspect(|_| look()).any(|o| {
            o.text == g.text
                && !g.text.is_empty()
                && (o.x - g.x).abs() < 0.15 * g.size
                && (o.y - g.y).abs() < 0.15 * g.size
        });
        if !twin {
            out.push(g);
        }
    }
    out
}

/// Puts an accent drawn over a letter onto that letter (`´` over `e` gives `é`),
/// whichever of the two was drawn first. An accent over nothing stays as it is, for
/// the textual repair to look at. `glyphs` is sorted by x; a base is looked for among
/// the few glyphs starting before the accent's centre, so that a row of a hundred
/// thousand accents costs no more than a row of letters.
fn attach_accents(mut glyphs: Vec<Glyph>) -> Vec<Glyph> {
    const LOOK_BACK: usize = 8;
    let mut absorbed = vec![false; glyphs.len()];
    for i in 0..glyphs.len() {
        let Some(accent) = glyphs[i].accent() else {
            continue;
        };
        let a = &glyphs[i];
        let centre = a.x + a.width / 2.0;
        // Glyphs whose left edge is at most just past the centre, nearest first.
        let upto = glyphs.partition_point(|b| {
            look();
            b.x - 0.05 * b.size <= centre
        });
        let base = (upto.saturating_sub(LOOK_BACK)..upto).rev().find(|&j| {
            look();
            let b = &glyphs[j];
            j != i
                && !absorbed[j]
                && b.accent().is_none()
                && b.text.one().is_some()
                && b.width > 0.0
                && centre <= b.end() + 0.05 * b.size
        });
        let composed = base.and_then(|j| {
            let letter = glyphs[j].text.one()?;
            Some((j, text::compose_accent(letter, accent)?))
        });
        if let Some((j, c)) = composed {
            glyphs[j].text = GlyphText::One(c);
            absorbed[i] = true;
        }
    }
    let mut keep = absorbed.into_iter().map(|a| !a);
    glyphs.retain(|_| keep.next().unwrap_or(true));
    glyphs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of 100 000 accents over nothing: each looks for its base among a few glyphs
    /// before it (found by bisection), never along the whole row. The bound is a count of
    /// glyphs looked at: 4 for the overprint twin, 8 back for the base, 17 or 18
    /// bisection steps (log2 of 100 000), two to spare (30 are used); a search along
    /// the row would look at billions.
    #[test]
    fn a_row_of_many_accents_is_quick() {
        let n = 100_000;
        // 2 points apart: further than an overprint's twin (0.15 of the size), so that
        // each accent is searched for, not dropped as a copy of the one before.
        let glyphs: Vec<Glyph> = (0..n)
            .map(|i| Glyph::new(i as f32 * 2.0, 100.0, 0.0, 10.0, "\u{b4}"))
            .collect();
        LOOKS.with(|l| l.set(0));
        let rows = build_rows(glyphs);
        let looks = LOOKS.with(|l| l.get());
        assert_eq!(rows.len(), 1);
        assert!(looks <= 32 * n, "{looks} glyphs looked at for {n}");
    }

    /// Lays out `text` as glyphs from `x` on baseline `y`, 0.5 em per character.
    fn word(x: f32, y: f32, size: f32, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                Glyph::new(
                    x + i as f32 * size * 0.5,
                    y,
                    size * 0.5,
                    size,
                    &c.to_string(),
                )
            })
            .collect()
    }

    fn texts(rows: &[TextRow]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    fn runs(run: u32, glyphs: Vec<Glyph>) -> Vec<Glyph> {
        glyphs.into_iter().map(|g| Glyph { run, ..g }).collect()
    }

    fn cat(parts: Vec<Vec<Glyph>>) -> Vec<Glyph> {
        parts.into_iter().flatten().collect()
    }

    #[test]
    fn builds_rows_and_cells_from_glyphs() {
        type Case = (&'static str, Vec<Glyph>, Vec<Vec<&'static str>>);
        let cases: Vec<Case> = vec![
            (
                "label and right-aligned amount, drawn in reading order",
                cat(vec![
                    word(50.0, 100.0, 10.0, "Forfait"),
                    word(90.0, 100.0, 10.0, "Sosh"),
                    word(500.0, 100.0, 10.0, "19,99"),
                    word(50.0, 114.0, 10.0, "Option"),
                    word(500.0, 114.0, 10.0, "5,00"),
                ]),
                vec![vec!["Forfait Sosh", "19,99"], vec!["Option", "5,00"]],
            ),
            (
                "all labels first, then all amounts",
                cat(vec![
                    word(50.0, 100.0, 10.0, "Forfait"),
                    word(50.0, 114.0, 10.0, "Option"),
                    word(500.0, 114.0, 10.0, "5,00"),
                    word(500.0, 100.0, 10.0, "19,99"),
                ]),
                vec![vec!["Forfait", "19,99"], vec!["Option", "5,00"]],
            ),
            (
                "glyphs in reverse order",
                word(50.0, 100.0, 10.0, "Total").into_iter().rev().collect(),
                vec![vec!["Total"]],
            ),
            (
                "a superscript stays on its row",
                cat(vec![
                    word(50.0, 100.0, 10.0, "du 1"),
                    word(70.0, 97.0, 6.0, "er"),
                    word(80.0, 100.0, 10.0, "au"),
                    word(500.0, 100.0, 10.0, "29.99"),
                ]),
                vec![vec!["du 1er au", "29.99"]],
            ),
            (
                "a large watermark keeps to itself",
                cat(vec![
                    word(50.0, 420.0, 8.0, "Option"),
                    word(500.0, 420.0, 8.0, "5,00"),
                    word(90.0, 425.0, 80.0, "EX"),
                    word(50.0, 430.0, 8.0, "Remise"),
                    word(500.0, 430.0, 8.0, "-2,00"),
                ]),
                vec![vec!["Option", "5,00"], vec!["EX"], vec!["Remise", "-2,00"]],
            ),
            (
                "a column drawn a point lower stays on its row",
                cat(vec![
                    word(50.0, 100.0, 10.0, "Remise"),
                    word(500.0, 101.2, 10.0, "-5,00"),
                ]),
                vec![vec!["Remise", "-5,00"]],
            ),
            (
                "a run drawn over the next column stays apart from it",
                cat(vec![
                    runs(1, word(160.0, 100.0, 8.0, "du 1er au 30 septembre 2026")),
                    runs(2, word(230.0, 100.0, 8.0, "75011 Paris")),
                ]),
                vec![vec!["du 1er au 30 septembre 2026", "75011 Paris"]],
            ),
            (
                "columns that plain text would glue together",
                cat(vec![
                    word(300.0, 100.0, 10.0, "29.99"),
                    word(340.0, 100.0, 10.0, "5.00"),
                    word(380.0, 100.0, 10.0, "24.99"),
                ]),
                vec![vec!["29.99", "5.00", "24.99"]],
            ),
            (
                "explicit space glyphs: one joins words, two cut cells",
                cat(vec![word(50.0, 100.0, 10.0, "Total  TTC 12,00")]),
                vec![vec!["Total", "TTC 12,00"]],
            ),
            (
                "dot leaders separate a label from its amount",
                word(50.0, 100.0, 10.0, "Total ........ 45,00 \u{20ac}"),
                vec![vec!["Total", "45,00 \u{20ac}"]],
            ),
            (
                "spaced leaders too; decimal points and \"etc.\" stay",
                word(50.0, 100.0, 10.0, "Options (etc.) . . . . 29.99"),
                vec![vec!["Options (etc.)", "29.99"]],
            ),
            (
                "non-breaking thousands separators are text",
                word(50.0, 100.0, 10.0, "1\u{a0}234,56\u{a0}€"),
                vec![vec!["1\u{a0}234,56\u{a0}€"]],
            ),
            (
                "an acute drawn over its letter, before or after it",
                cat(vec![
                    word(50.0, 100.0, 10.0, "pr"),
                    vec![Glyph::new(60.5, 100.0, 4.0, 10.0, "\u{b4}")],
                    word(60.0, 100.0, 10.0, "elev"),
                    word(80.0, 100.0, 10.0, "ee"),
                    vec![Glyph::new(80.5, 100.0, 4.0, 10.0, "\u{b4}")],
                ]),
                vec![vec!["prélevée"]],
            ),
            (
                "an accent written inline is repaired from the text",
                word(50.0, 100.0, 10.0, "pr\u{b4}elev\u{b4}ee"),
                vec![vec!["prélevée"]],
            ),
            (
                "fake bold drawn twice reads once",
                cat(vec![
                    word(50.0, 100.0, 10.0, "Total"),
                    word(50.3, 100.0, 10.0, "Total"),
                ]),
                vec![vec!["Total"]],
            ),
            ("nothing", vec![], vec![]),
            ("only spaces", word(50.0, 100.0, 10.0, "   "), vec![]),
        ];
        for (name, glyphs, want) in cases {
            let rows = build_rows(glyphs);
            assert_eq!(texts(&rows), want, "{name}");
        }
    }

    #[test]
    fn rows_keep_positions() {
        let rows = build_rows(cat(vec![
            word(500.0, 114.0, 10.0, "5,00"),
            word(50.0, 114.0, 12.0, "Option"),
        ]));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].y, 114.0);
        assert_eq!(rows[0].size, 12.0);
        assert_eq!(rows[0].cells[0].x, 50.0);
        assert_eq!(rows[0].cells[1].x, 500.0);
        assert_eq!(rows[0].cells[1].x_end, 520.0);
    }

    /// A padding space drawn in a larger font on a row's baseline (a producer seen on real
    /// bills draws " " at 12 pt before a 9 pt header row): the row keeps its text's
    /// baseline and size, wherever the space sorts among the glyphs.
    #[test]
    fn a_larger_space_sets_neither_baseline_nor_size() {
        for space_y in [99.2, 100.0, 100.8] {
            let rows = build_rows(cat(vec![
                vec![Glyph::new(30.0, space_y, 3.0, 12.0, " ")],
                word(50.0, 100.0, 9.0, "Tx"),
                word(62.0, 100.0, 9.0, "TVA"),
                word(470.0, 100.0, 9.0, "HT"),
            ]));
            assert_eq!(texts(&rows), vec![vec!["Tx TVA", "HT"]], "{space_y}");
            assert_eq!(rows[0].y, 100.0, "{space_y}");
            assert_eq!(rows[0].size, 9.0, "{space_y}");
        }
        // A row of spaces only is dropped (no cell), never given a position at infinity.
        assert!(build_rows(vec![Glyph::new(30.0, 50.0, 3.0, 12.0, " ")]).is_empty());
    }

    #[test]
    fn drops_what_cannot_be_placed() {
        let rows = build_rows(vec![
            Glyph::new(f32::NAN, 100.0, 5.0, 10.0, "a"),
            Glyph::new(50.0, 100.0, 5.0, f32::NAN, "b"),
            Glyph::new(60.0, 100.0, 5.0, 10.0, "c"),
        ]);
        assert_eq!(texts(&rows), vec![vec!["c"]]);
    }
}
