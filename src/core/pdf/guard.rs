//! Bounds around lopdf 0.42 and the walk that hands pdf-extract each page's operations
//! (the reasoning is in `pdf`).
//!
//! `prescan` runs on the raw bytes, before lopdf loads anything: lopdf inflates object
//! streams and cross-reference streams without a size limit and trusts an xref stream's
//! `/W`, `/Size` and `/Index`. `sanitize` runs on the loaded document: it walks the page
//! tree with a visited set and limits, inflates each content stream within the budget,
//! parses it once, keeps the operators that place or show text, draws forms inline and
//! prepares the fonts the content names; pdf-extract then reads those operations.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::rc::Rc;

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::{content, fonts, Limits, Work};
use crate::core::error::{ReadError, ReadErrorKind};

fn too_complex() -> ReadError {
    ReadError::new(ReadErrorKind::TooComplex)
}

fn corrupt() -> ReadError {
    ReadError::new(ReadErrorKind::Corrupt)
}

/// The most a Flate stream can expand (deflate's ceiling is about 1032:1). Used where
/// the compressed bytes cannot be measured before lopdf inflates them: encrypted object
/// streams. Keeps that one unmeasured case under about 1 GiB.
const FLATE_RATIO: usize = 1032;
const UNMEASURED_CEILING: usize = 1 << 30;

// ---------------------------------------------------------------------------------------
// Raw pre-scan

/// Checks the raw bytes for what lopdf would mishandle while loading: xref streams with
/// absurd field widths or entry counts, object and xref streams that inflate beyond the
/// budget, and objects nested deeper than the limit.
/// What it inflates is taken from `budget`, which the caller sets.
pub fn prescan(bytes: &[u8], limits: &Limits, budget: &mut usize) -> Result<(), ReadError> {
    let encrypted = find(bytes, b"/Encrypt", 0).is_some();
    if depth_exceeds(bytes, limits.max_object_depth, true) {
        return Err(too_complex());
    }
    let mut from = 0;
    // Where the previous stream's data ended: a dictionary is looked for after it only,
    // so that a file of nothing but `stream` keywords is scanned once, not once each.
    let mut floor = 0;
    while let Some(at) = find(bytes, b"stream", from) {
        from = at + 6;
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let data_start = match (bytes.get(at + 6), bytes.get(at + 7)) {
            (Some(b'\r'), Some(b'\n')) => at + 8,
            (Some(b'\n'), _) | (Some(b'\r'), _) => at + 7,
            _ => continue,
        };
        let data_end = find(bytes, b"endstream", data_start).unwrap_or(bytes.len());
        from = data_end;
        let dict = Tokens::new(dict_before(bytes, floor, at));
        floor = data_end;
        let xref = dict.has_name(b"XRef");
        let objstm = dict.has_name(b"ObjStm");
        if !xref && !objstm {
            continue;
        }
        if xref {
            check_xref_fields(&dict, limits)?;
        }
        let data = &bytes[data_start..data_end];
        let filters = dict.names_after(b"Filter");
        let decoded = decode_measured(data, &filters, budget)?;
        match decoded {
            Some(decoded) if depth_exceeds(&decoded, limits.max_object_depth, false) => {
                return Err(too_complex());
            }
            None => {
                // Not measurable: encrypted, or a filter other than Flate. Bound the
                // worst case instead: deflate's ratio per Flate layer, LZW's quadratic.
                let layers = filters.iter().filter(|f| is_flate(f)).count() as u32;
                let mut ceiling = data.len();
                if filters.iter().any(|f| f == b"LZWDecode" || f == b"LZW") {
                    ceiling = ceiling.saturating_mul(ceiling) / 2;
                }
                if encrypted {
                    ceiling = FLATE_RATIO.saturating_pow(layers).saturating_mul(ceiling);
                }
                if ceiling > UNMEASURED_CEILING {
                    return Err(too_complex());
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// An xref stream's `/W` decides how many bytes lopdf reads per field (and allocates
/// up front), `/Size` and `/Index` how many entries it loops over.
fn check_xref_fields(dict: &Tokens, limits: &Limits) -> Result<(), ReadError> {
    let widths = dict.numbers_after(b"W");
    if widths.len() < 3
        || widths.iter().any(|w| !(0..=8).contains(w))
        || widths.iter().sum::<i64>() == 0
    {
        return Err(too_complex());
    }
    let max = limits.max_objects as i64;
    let size = dict.numbers_after(b"Size");
    if size.first().is_some_and(|&s| !(0..=max).contains(&s)) {
        return Err(too_complex());
    }
    let index = dict.numbers_after(b"Index");
    let mut total = 0i64;
    for pair in index.chunks(2) {
        if let [start, count] = pair {
            if !(0..=max).contains(start) || !(0..=max).contains(count) {
                return Err(too_complex());
            }
            total += count;
        }
    }
    if total > max {
        return Err(too_complex());
    }
    Ok(())
}

/// The dictionary text before a `stream` keyword: back to the `obj` that opens it (or
/// the `endobj` that closes the object before, when the header is missing).
fn dict_before(bytes: &[u8], floor: usize, stream_at: usize) -> &[u8] {
    let lo = stream_at
        .saturating_sub(16 * 1024)
        .max(floor)
        .min(stream_at);
    let window = &bytes[lo..stream_at];
    rfind(window, b"obj").map_or(window, |pos| &window[pos + 3..])
}

/// Decodes a stream's filter chain when every filter is Flate, counting against the
/// budget. `Ok(None)` when it cannot be measured (other filters, undecodable data).
fn decode_measured(
    data: &[u8],
    filters: &[Vec<u8>],
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, ReadError> {
    if filters.is_empty() {
        return Ok(Some(data.to_vec()));
    }
    if !filters.iter().all(|f| is_flate(f)) {
        return Ok(None);
    }
    let mut current = data.to_vec();
    for _ in filters {
        let out = inflate_bounded(&current, budget)?;
        if out.is_empty() && !current.is_empty() {
            return Ok(None);
        }
        current = out;
    }
    Ok(Some(current))
}

fn is_flate(name: &[u8]) -> bool {
    name == b"FlateDecode" || name == b"Fl"
}

/// Inflates zlib data the way lopdf does (zlib, then raw deflate past the header if that
/// gave nothing; partial output kept on error), stopping once the budget is spent.
pub fn inflate_bounded(data: &[u8], budget: &mut usize) -> Result<Vec<u8>, ReadError> {
    let out = inflate_with(flate2::read::ZlibDecoder::new(data), budget)?;
    if out.is_empty() && data.len() > 2 {
        return inflate_with(flate2::read::DeflateDecoder::new(&data[2..]), budget);
    }
    Ok(out)
}

fn inflate_with(mut decoder: impl Read, budget: &mut usize) -> Result<Vec<u8>, ReadError> {
    let mut out = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match decoder.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if n > *budget {
                    return Err(too_complex());
                }
                *budget -= n;
                out.extend_from_slice(&chunk[..n]);
            }
        }
    }
    Ok(out)
}

/// Whether arrays and dictionaries nest deeper than `max` in PDF syntax (strings,
/// comments and, in a file, stream bodies and, in content, inline image data skipped).
fn depth_exceeds(bytes: &[u8], max: usize, skip_streams: bool) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => i = skip_literal_string(bytes, i),
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'<' => {
                // A hex string.
                while i < bytes.len() && bytes[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 2;
            }
            b's' if skip_streams && bytes[i..].starts_with(b"stream") => {
                i = find(bytes, b"endstream", i + 6).map_or(bytes.len(), |e| e + 9);
            }
            b'I' if !skip_streams
                && bytes[i..].starts_with(b"ID")
                && i > 0
                && bytes[i - 1].is_ascii_whitespace()
                && bytes.get(i + 2).is_some_and(u8::is_ascii_whitespace) =>
            {
                // Inline image data runs to the `EI` operator.
                i = find(bytes, b"EI", i + 3).map_or(bytes.len(), |e| e + 2);
            }
            _ => i += 1,
        }
        if depth > max {
            return true;
        }
    }
    false
}

fn skip_literal_string(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= haystack.len() {
        let pos = haystack[i..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)?;
        let at = i + pos;
        if &haystack[at..at + needle.len()] == needle {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The tokens of a dictionary's text, enough to read a few keys.
struct Tokens<'a> {
    tokens: Vec<&'a [u8]>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a [u8]) -> Self {
        let mut tokens = Vec::new();
        let mut i = 0;
        let delimiter = |b: u8| b.is_ascii_whitespace() || b"[]<>()/%{}".contains(&b);
        while i < text.len() && tokens.len() < 4096 {
            let b = text[i];
            if b.is_ascii_whitespace() {
                i += 1;
            } else if b == b'[' || b == b']' {
                tokens.push(&text[i..i + 1]);
                i += 1;
            } else if b == b'(' {
                i = skip_literal_string(text, i);
            } else if b == b'/' {
                let start = i;
                i += 1;
                while i < text.len() && !delimiter(text[i]) {
                    i += 1;
                }
                tokens.push(&text[start..i]);
            } else if delimiter(b) {
                i += 1;
            } else {
                let start = i;
                while i < text.len() && !delimiter(text[i]) {
                    i += 1;
                }
                tokens.push(&text[start..i]);
            }
        }
        Tokens { tokens }
    }

    fn key(&self, key: &[u8]) -> Option<usize> {
        self.tokens
            .iter()
            .position(|t| t.len() == key.len() + 1 && t[0] == b'/' && &t[1..] == key)
    }

    fn has_name(&self, name: &[u8]) -> bool {
        self.key(name).is_some()
    }

    /// The value after `/key`: one name, or the names in an array.
    fn names_after(&self, key: &[u8]) -> Vec<Vec<u8>> {
        let Some(k) = self.key(key) else {
            return Vec::new();
        };
        let rest = &self.tokens[k + 1..];
        match rest.first() {
            Some(t) if t.first() == Some(&b'/') => vec![t[1..].to_vec()],
            Some(&b"[") => rest[1..]
                .iter()
                .take_while(|t| *t != b"]")
                .filter(|t| t.first() == Some(&b'/'))
                .map(|t| t[1..].to_vec())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The value after `/key`: one integer, or the integers in an array. A value that
    /// does not parse gives `i64::MAX`, which every check refuses.
    fn numbers_after(&self, key: &[u8]) -> Vec<i64> {
        let Some(k) = self.key(key) else {
            return Vec::new();
        };
        let rest = &self.tokens[k + 1..];
        let parse = |t: &&[u8]| {
            std::str::from_utf8(t)
                .ok()
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(i64::MAX)
        };
        match rest.first() {
            Some(&b"[") => rest[1..]
                .iter()
                .take_while(|t| *t != b"]")
                .map(parse)
                .collect(),
            Some(t) => vec![parse(t)],
            None => Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Sanitizing the loaded document

/// A page ready for pdf-extract: its content parsed once and cleaned, the fonts it
/// uses (under names of their own), where it sits and how it turns.
pub struct CleanPage {
    /// The page's media box (`[llx, lly, urx, ury]`), inherited if need be.
    pub media_box: [f32; 4],
    /// `/Rotate`, in degrees clockwise: 0, 90, 180 or 270 (pdf-extract ignores it).
    pub rotate: u16,
    /// The resources the operations name: `/Font` only.
    pub resources: Dictionary,
    /// The page's content with its forms drawn inline, text operators only.
    pub operations: Vec<Operation>,
}

/// Walks the page tree and cleans each page's content, making the fonts it uses safe
/// for pdf-extract on the way; pdf-extract then reads the operations as they are. What
/// it inflates and the operations it counts are added to `work`, on error too.
pub fn sanitize(
    doc: &mut Document,
    limits: &Limits,
    work: &mut Work,
) -> Result<Vec<CleanPage>, ReadError> {
    if doc.objects.len() > limits.max_objects {
        return Err(too_complex());
    }
    let pages = collect_pages(doc, limits)?;
    let mut budget = limits.max_decompressed_bytes;
    let mut cleaner = Cleaner {
        limits,
        budget: &mut budget,
        operations: 0,
        forms: HashMap::new(),
        in_progress: Vec::new(),
        fonts: HashSet::new(),
        pages: pages.iter().map(|p| p.id).collect(),
    };
    let cleaned = clean_pages(doc, limits, &pages, &mut cleaner);
    work.operations = work.operations.saturating_add(cleaner.operations);
    let inflated = limits.max_decompressed_bytes.saturating_sub(budget);
    work.inflated_bytes = work.inflated_bytes.saturating_add(inflated);
    cleaned
}

/// Each page's content inflated, parsed and cleaned, in page order.
fn clean_pages(
    doc: &mut Document,
    limits: &Limits,
    pages: &[PageInfo],
    cleaner: &mut Cleaner,
) -> Result<Vec<CleanPage>, ReadError> {
    let mut cleaned_pages = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let number = i as u32 + 1;
        let at_page = |e: ReadError| ReadError {
            page: Some(number),
            ..e
        };
        let content = page_content(doc, page.id, cleaner.budget).map_err(at_page)?;
        if content.len() > limits.max_content_bytes {
            return Err(at_page(too_complex()));
        }
        let resources = page.resources.clone().unwrap_or_default();
        let (operations, fonts) = cleaner
            .clean(doc, &content, &resources, 0)
            .map_err(at_page)?;
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        cleaned_pages.push(CleanPage {
            media_box: page.media_box,
            rotate: page.rotate,
            resources,
            operations,
        });
    }
    // Every stream pdf-extract will read is now plain or was never handed to it: page
    // contents and forms are operations; ToUnicode maps, font programs and CMap
    // encodings were inflated within the budget (`fonts`). The others (images, metadata,
    // attachments, unused objects) stay compressed and unread.
    Ok(cleaned_pages)
}

struct PageInfo {
    id: ObjectId,
    media_box: [f32; 4],
    resources: Option<Dictionary>,
    rotate: u16,
}

/// Follows `o` through references, at most a few hops (a reference to a reference is
/// legal but rare; a loop of them is not).
pub(super) fn resolve<'a>(doc: &'a Document, mut o: &'a Object) -> Option<&'a Object> {
    for _ in 0..8 {
        match o {
            Object::Reference(id) => o = doc.objects.get(id)?,
            _ => return Some(o),
        }
    }
    None
}

fn resolve_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, o)? {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A page-tree node to visit: the node, its depth, the inherited resources, media box
/// and rotation.
type TreeVisit<'a> = (
    &'a Object,
    usize,
    Option<&'a Dictionary>,
    Option<[f32; 4]>,
    Option<u16>,
);

/// Walks the page tree from the catalog with a visited set and a depth limit, carrying
/// the inherited `Resources` and `MediaBox` down (pdf-extract climbs `/Parent` without a
/// cycle check).
fn collect_pages(doc: &Document, limits: &Limits) -> Result<Vec<PageInfo>, ReadError> {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| resolve_dict(doc, r))
        .ok_or_else(corrupt)?;
    let pages_ref = root.get(b"Pages").map_err(|_| corrupt())?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<TreeVisit> = vec![(pages_ref, 0, None, None, None)];
    while let Some((node_ref, depth, resources, media, rotate)) = stack.pop() {
        if depth > limits.max_nesting {
            return Err(too_complex());
        }
        let Object::Reference(id) = node_ref else {
            // Page tree nodes must be indirect objects.
            continue;
        };
        if !seen.insert(*id) {
            // A node met twice: the tree is a graph with a cycle or shared kids.
            return Err(corrupt());
        }
        let Some(node) = doc.objects.get(id).and_then(|o| o.as_dict().ok()) else {
            continue;
        };
        let resources = node
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(doc, r))
            .or(resources);
        let media = node
            .get(b"MediaBox")
            .ok()
            .and_then(|m| resolve(doc, m))
            .and_then(|m| m.as_array().ok())
            .and_then(|a| media_box(a))
            .or(media);
        let rotate = node
            .get(b"Rotate")
            .ok()
            .and_then(|r| resolve(doc, r))
            .and_then(|r| r.as_i64().ok())
            .map(|r| (r.rem_euclid(360) / 90 * 90) as u16)
            .or(rotate);
        let is_page = node.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Page")
            || node.get(b"Kids").is_err();
        if is_page {
            if out.len() >= limits.max_pages {
                return Err(too_complex());
            }
            out.push(PageInfo {
                id: *id,
                media_box: media.unwrap_or([0.0, 0.0, 595.0, 842.0]),
                resources: resources.cloned(),
                rotate: rotate.unwrap_or(0),
            });
        } else if let Some(kids) = node
            .get(b"Kids")
            .ok()
            .and_then(|k| resolve(doc, k))
            .and_then(|k| k.as_array().ok())
        {
            if kids.len() > limits.max_objects {
                return Err(too_complex());
            }
            // Reversed onto the stack so that pages come out in order.
            for kid in kids.iter().rev() {
                stack.push((kid, depth + 1, resources, media, rotate));
            }
        }
    }
    Ok(out)
}

fn media_box(a: &[Object]) -> Option<[f32; 4]> {
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f32> = a.iter().filter_map(number).collect();
    let [x0, y0, x1, y1] = v[..] else {
        return None;
    };
    let (llx, urx) = (x0.min(x1), x0.max(x1));
    let (lly, ury) = (y0.min(y1), y0.max(y1));
    (urx - llx >= 1.0 && ury - lly >= 1.0).then_some([llx, lly, urx, ury])
}

/// A stream's data with its filters undone, within the budget. Filters other than Flate
/// (without predictor) are left to lopdf only when their worst case fits the budget.
pub(super) fn stream_data(s: &Stream, budget: &mut usize) -> Result<Vec<u8>, ReadError> {
    let filters: Vec<Vec<u8>> = match s.dict.get(b"Filter").ok() {
        None => return Ok(s.content.clone()),
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|f| f.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        Some(_) => return Ok(Vec::new()),
    };
    let params = s.dict.get(b"DecodeParms").is_ok();
    if !params && filters.iter().all(|f| is_flate(f)) {
        let mut data = s.content.clone();
        for _ in &filters {
            data = inflate_bounded(&data, budget)?;
        }
        return Ok(data);
    }
    // Measure first when it is all Flate (with a predictor, which does not expand).
    if filters.iter().all(|f| is_flate(f)) {
        let mut trial = *budget;
        let mut data = s.content.clone();
        for _ in &filters {
            data = inflate_bounded(&data, &mut trial)?;
        }
    } else if s.content.len().saturating_mul(s.content.len()) / 2 > *budget {
        // LZW's worst case is quadratic in its input; ASCII85 shrinks.
        return Err(too_complex());
    }
    let data = s.decompressed_content().unwrap_or_default();
    *budget = budget.checked_sub(data.len()).ok_or_else(too_complex)?;
    Ok(data)
}

/// A page's content streams, inflated and joined.
fn page_content(doc: &Document, page: ObjectId, budget: &mut usize) -> Result<Vec<u8>, ReadError> {
    let mut content = Vec::new();
    let Some(dict) = doc.objects.get(&page).and_then(|o| o.as_dict().ok()) else {
        return Ok(content);
    };
    let contents = match dict.get(b"Contents").ok().and_then(|c| resolve(doc, c)) {
        Some(Object::Array(items)) => items.iter().collect::<Vec<_>>(),
        Some(o) => vec![o],
        None => return Ok(content),
    };
    for item in contents {
        if let Some(Object::Stream(s)) = resolve(doc, item) {
            content.extend(stream_data(s, budget)?);
            content.push(b'\n');
        }
    }
    Ok(content)
}

/// Parses content streams once and keeps the operators pdf-extract needs for text, with
/// forms drawn inline and fonts renamed apart and prepared.
struct Cleaner<'l, 'b> {
    limits: &'l Limits,
    budget: &'b mut usize,
    operations: usize,
    /// Forms already cleaned, ready to be drawn inline again.
    forms: HashMap<ObjectId, Rc<InlineForm>>,
    /// Forms being cleaned, innermost last: one met again is a cycle.
    in_progress: Vec<ObjectId>,
    /// Fonts whose streams are inflated already.
    fonts: HashSet<ObjectId>,
    /// The pages: a `/Font` entry naming one is not a font.
    pages: HashSet<ObjectId>,
}

impl Cleaner<'_, '_> {
    fn clean(
        &mut self,
        doc: &mut Document,
        content: &[u8],
        resources: &Dictionary,
        depth: usize,
    ) -> Result<(Vec<Operation>, Dictionary), ReadError> {
        if depth_exceeds(content, self.limits.max_object_depth, false) {
            return Err(too_complex());
        }
        // Our parser reads the usual syntax in one pass and leaves the rest to lopdf's;
        // either way the operations are lopdf's (`content`).
        let operations = match content::parse(content) {
            Some(operations) => operations,
            None => Content::decode(content).map_err(|_| corrupt())?.operations,
        };
        let mut fonts = resources
            .get(b"Font")
            .ok()
            .and_then(|f| resolve_dict(doc, f))
            .cloned()
            .unwrap_or_default();
        // A font written inside the resources becomes an object of its own, so that it
        // is prepared, renamed and kept by pdf-extract by id like the others.
        for (_, font) in fonts.iter_mut() {
            if let Object::Dictionary(d) = font {
                let id = doc.add_object(Object::Dictionary(std::mem::take(d)));
                *font = Object::Reference(id);
            }
        }
        let xobjects = resources
            .get(b"XObject")
            .ok()
            .and_then(|x| resolve_dict(doc, x))
            .cloned()
            .unwrap_or_default();
        let mut out = Vec::new();
        let mut renamed = Dictionary::new();
        // `q` levels opened in this content and not yet closed.
        let mut open = 0usize;
        for op in operations {
            self.operations += 1;
            if self.operations > self.limits.max_operations {
                return Err(too_complex());
            }
            match op.operator.as_str() {
                // Text and the state it is placed with. pdf-extract checks their operands
                // itself (one with missing or wrong operands is skipped).
                "BT" | "ET" | "T*" | "cm" | "Tm" | "Td" | "TD" | "Tc" | "Tw" | "Tz" | "TL"
                | "Ts" | "Tj" | "TJ" | "'" | "\"" => out.push(op),
                "q" => {
                    open += 1;
                    out.push(op);
                }
                // A `Q` without its `q` would pop the state of whatever drew this
                // content (a form is drawn inline): dropped.
                "Q" if open > 0 => {
                    open -= 1;
                    out.push(op);
                }
                "Tf" => {
                    let font_id = op
                        .operands
                        .first()
                        .and_then(|name| name.as_name().ok())
                        .and_then(|name| fonts.get(name).ok())
                        .and_then(|f| f.as_reference().ok())
                        // A page posing as a font would be rewritten by `fonts` before
                        // its own content is read.
                        .filter(|id| !self.pages.contains(id));
                    // A form's /F1 is not the page's /F1: each font gets a name of its
                    // own, from its object number; an unknown font gets the empty name,
                    // which no font has, and pdf-extract then shows nothing in it.
                    let unique = match font_id {
                        Some(id) => {
                            if self.fonts.insert(id) {
                                fonts::prepare(doc, id, self.budget)?;
                            }
                            let unique = format!("F{}_{}", id.0, id.1).into_bytes();
                            renamed.set(unique.clone(), Object::Reference(id));
                            unique
                        }
                        None => Vec::new(),
                    };
                    let mut operands = op.operands;
                    if let Some(name) = operands.first_mut() {
                        *name = Object::Name(unique);
                    }
                    out.push(Operation::new("Tf", operands));
                }
                "Do" => {
                    let form = op
                        .operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|name| xobjects.get(name).ok())
                        .and_then(|r| r.as_reference().ok());
                    // Drawn inline, inside `q` … `Q` and with its /Matrix, so that its
                    // operations are parsed once however often it is drawn, and its text
                    // lands where the page puts it.
                    if let Some(id) = form {
                        if let Some(inline) = self.form(doc, id, resources, depth + 1)? {
                            out.push(Operation::new("q", vec![]));
                            if let Some(m) = &inline.matrix {
                                out.push(Operation::new("cm", m.clone()));
                            }
                            out.extend(inline.operations.iter().cloned());
                            out.push(Operation::new("Q", vec![]));
                            for (name, font) in inline.fonts.iter() {
                                renamed.set(name.clone(), font.clone());
                            }
                        }
                    }
                }
                // Everything else (paths, colours, images, marked content, graphics
                // state dictionaries) carries no text: left out, which also keeps
                // pdf-extract's colour-space code (still panicking on crafted colour
                // spaces) out of reach.
                _ => {}
            }
        }
        // And a `q` without its `Q` is closed here.
        for _ in 0..open {
            out.push(Operation::new("Q", vec![]));
        }
        Ok((out, renamed))
    }

    /// Cleans a form XObject for drawing inline; `None` when a `Do` on it draws nothing
    /// (not a form, nested too deep, or drawing itself).
    fn form(
        &mut self,
        doc: &mut Document,
        id: ObjectId,
        parent_resources: &Dictionary,
        depth: usize,
    ) -> Result<Option<Rc<InlineForm>>, ReadError> {
        if let Some(inline) = self.forms.get(&id) {
            // Drawn again: its operations are copied again.
            self.operations += inline.operations.len();
            if self.operations > self.limits.max_operations {
                return Err(too_complex());
            }
            return Ok(Some(Rc::clone(inline)));
        }
        if depth > self.limits.max_nesting || self.in_progress.contains(&id) {
            return Ok(None);
        }
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            return Ok(None);
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|t| t.as_name().ok());
        if subtype != Some(b"Form") {
            return Ok(None);
        }
        let resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(doc, r))
            .cloned()
            .unwrap_or_else(|| parent_resources.clone());
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| resolve(doc, m))
            .and_then(|m| m.as_array().ok())
            .filter(|m| m.len() == 6 && m.iter().all(|v| number(v).is_some()))
            .cloned();
        let data = stream_data(stream, self.budget)?;
        if data.len() > self.limits.max_content_bytes {
            return Err(too_complex());
        }
        self.in_progress.push(id);
        let cleaned = self.clean(doc, &data, &resources, depth);
        self.in_progress.pop();
        let (operations, fonts) = cleaned?;
        let inline = Rc::new(InlineForm {
            operations,
            fonts,
            matrix,
        });
        self.forms.insert(id, Rc::clone(&inline));
        Ok(Some(inline))
    }
}

/// A form's content, cleaned, ready to be drawn inline wherever it is used.
struct InlineForm {
    operations: Vec<Operation>,
    /// Its fonts, under the names its operations use.
    fonts: Dictionary,
    /// Its /Matrix, when it has a valid one.
    matrix: Option<Vec<Object>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_keys_of_an_xref_stream_dictionary() {
        let t = Tokens::new(
            b" 12 0 obj\n<</Type /XRef /W [1 2 1] /Size 40 /Index[0 40]/Filter/FlateDecode/DecodeParms<</Columns 4/Predictor 12>>>>",
        );
        assert!(t.has_name(b"XRef"));
        assert_eq!(t.numbers_after(b"W"), vec![1, 2, 1]);
        assert_eq!(t.numbers_after(b"Size"), vec![40]);
        assert_eq!(t.numbers_after(b"Index"), vec![0, 40]);
        assert_eq!(t.names_after(b"Filter"), vec![b"FlateDecode".to_vec()]);
        assert!(!t.has_name(b"ObjStm"));
    }

    #[test]
    fn refuses_xref_fields_that_would_allocate_or_loop() {
        let limits = Limits::default();
        let cases: &[(&[u8], bool)] = &[
            (b"/Type/XRef/W[1 2 1]/Size 40", true),
            (b"/Type/XRef/W[1 1099511627776 2]/Size 40", false),
            (b"/Type/XRef/W[0 0 0]/Size 40", false),
            (b"/Type/XRef/W[1 2]/Size 40", false),
            (b"/Type/XRef/W[1 -2 1]/Size 40", false),
            (b"/Type/XRef/W[1 2 1]/Size 99999999999", false),
            (
                b"/Type/XRef/W[1 2 1]/Size 4/Index[0 4 5 4611686018427387904]",
                false,
            ),
            (b"/Type/XRef/W[1 x 1]/Size 4", false),
        ];
        for (dict, ok) in cases {
            let got = check_xref_fields(&Tokens::new(dict), &limits).is_ok();
            assert_eq!(got, *ok, "{}", String::from_utf8_lossy(dict));
        }
    }

    #[test]
    fn measures_nesting_outside_strings_and_streams() {
        let cases: &[(&[u8], bool)] = &[
            (b"[[[[]]]]", false),
            (b"[[[[[[", true),
            (b"<<<<<<<<<<", true),
            (b"([[[[[[[[[[)", false),
            (b"(\\)[[[[[[[)", false),
            (b"% [[[[[[[[\n[]", false),
            (b"<5b5b5b5b5b5b>", false),
        ];
        for (bytes, deep) in cases {
            assert_eq!(
                depth_exceeds(bytes, 4, true),
                *deep,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(!depth_exceeds(b"stream\n[[[[[[[[[[\nendstream", 4, true));
        assert!(!depth_exceeds(b"BI /W 1 ID [[[[[[[[[[[ EI", 4, false));
    }

    #[test]
    fn inflation_stops_at_the_budget() {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![0u8; 1 << 20]).unwrap();
        let packed = enc.finish().unwrap();
        let mut budget = 2 << 20;
        assert_eq!(
            inflate_bounded(&packed, &mut budget).unwrap().len(),
            1 << 20
        );
        assert_eq!(budget, 1 << 20);
        let mut small = 1000;
        assert_eq!(
            inflate_bounded(&packed, &mut small).unwrap_err().kind,
            ReadErrorKind::TooComplex
        );
    }
}
