//! Font dictionaries made safe for pdf-extract, whose font code `unwrap`s, `expect`s and
//! asserts on what a crafted (or merely sloppy) file puts there.
//!
//! The largest source of panics found by fuzzing was the `/ToUnicode` CMap: pdf-extract
//! panics when it is not a stream, and adobe-cmap-parser panics on a CMap it cannot
//! parse or whose operators lack operands. Each `/ToUnicode` is therefore read here with
//! a tolerant parser and written back in the plainest form (`N beginbfchar <code>
//! <utf-16> … endbfchar`), with only valid UTF-16 targets and a bounded number of
//! entries; each page then gets a copy holding only the codes it shows (`page_copy`). The other fixes are field checks: names where names are expected, `/Widths`
//! of numbers matching `/FirstChar`..`/LastChar` (all 256 codes for Type 3), encodings
//! pdf-extract knows and `/Differences` within 256 codes and without the glyph names it
//! maps to lone surrogates, a descendant font and an encoding for composite fonts. Each
//! was a panic, found by fuzzing or by reading pdf-extract's font code. The font
//! programs it parses are inflated here within the budget; the TrueType program it
//! inflates only to discard is dropped. What is left (the parsing of embedded Type 1 and
//! CFF programs and of embedded CMap encodings) is contained by the caller.

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::guard::{resolve, stream_data};
use crate::core::error::ReadError;

/// Most character widths a composite font's `/W` may spell out through ranges
/// (pdf-extract stores each one).
const MAX_CID_WIDTHS: i64 = 1 << 20;

/// Glyph names pdf-extract's table maps to a lone UTF-16 surrogate, which it then
/// `unwrap`s into a `String` when the font also has a `/ToUnicode`. Some are TeX names.
const SURROGATE_GLYPH_NAMES: &[&[u8]] = &[
    b"FFIsmall",
    b"FFLsmall",
    b"FFsmall",
    b"FIsmall",
    b"FLsmall",
    b"Germandblssmall",
    b"SSsmall",
    b"altselector",
    b"ascendercompwordmark",
    b"capitalcompwordmark",
    b"emptyslot",
    b"interrobangdown",
    b"ringfitted",
];

/// A name whose bytes start with the UTF-16 byte-order mark: pdf-extract decodes such a
/// name as UTF-16 and `unwrap`s the result, which fails on an odd length or a lone
/// surrogate.
fn utf16_marked(name: &[u8]) -> bool {
    name.starts_with(&[0xFE, 0xFF])
}

/// Whether pdf-extract can build a font from this dictionary after cleaning.
fn usable(doc: &Document, font: &Dictionary) -> bool {
    let name = |key: &[u8]| {
        font.get(key)
            .ok()
            .and_then(|o| resolve(doc, o))
            .and_then(|o| o.as_name().ok())
    };
    match name(b"Subtype") {
        Some(b"Type0") => {
            let encoding_ok = match font.get(b"Encoding").ok().and_then(|o| resolve(doc, o)) {
                Some(Object::Name(n)) => n == b"Identity-H" || n == b"Identity-V",
                // An embedded CMap: adobe-cmap-parser may still panic on it (contained).
                Some(Object::Stream(_)) => true,
                _ => false,
            };
            let descendant = font
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| resolve(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|d| resolve(doc, d))
                .and_then(|d| d.as_dict().ok());
            encoding_ok && descendant.is_some()
        }
        // A Type 3 font must keep its encoding and widths: pdf-extract requires them.
        Some(b"Type3") => {
            let has = |key: &[u8]| font.get(key).is_ok();
            has(b"Encoding") && has(b"FirstChar") && has(b"LastChar") && has(b"Widths")
        }
        Some(_) => true,
        None => false,
    }
}

/// Cleans the font dictionary at `id` in place; whether pdf-extract can then use it.
pub fn prepare(doc: &mut Document, id: ObjectId, budget: &mut usize) -> Result<bool, ReadError> {
    let Some(Object::Dictionary(font)) = doc.objects.get(&id) else {
        return Ok(false);
    };
    let mut font = font.clone();
    clean_font(doc, &mut font, budget)?;
    let ok = usable(doc, &font);
    doc.objects.insert(id, Object::Dictionary(font));
    Ok(ok)
}

fn clean_font(
    doc: &mut Document,
    font: &mut Dictionary,
    budget: &mut usize,
) -> Result<(), ReadError> {
    for key in [&b"BaseFont"[..], b"Subtype", b"Type"] {
        let is_name = font
            .get(key)
            .ok()
            .and_then(|o| resolve(doc, o))
            .and_then(|o| o.as_name().ok())
            .is_some_and(|n| !utf16_marked(n));
        if !is_name {
            font.set(key.to_vec(), Object::Name(b"Unknown".to_vec()));
        }
    }
    // pdf-extract special-cases fonts named FontAwesome with a panic on a glyph name it
    // does not know that the ToUnicode also maps; the name itself is of no use here.
    let awesome = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .is_ok_and(|n| n.windows(11).any(|w| w == b"FontAwesome"));
    if awesome {
        font.set("BaseFont", Object::Name(b"Icons".to_vec()));
    }
    let subtype = font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();

    // /ToUnicode: pdf-extract reads a stream (tolerantly, within its own bounds) and
    // nothing else; the stream is inflated here within the budget.
    if let Some(Object::Reference(id)) = font.get(b"ToUnicode").ok().cloned() {
        inflate_in_place(doc, id, budget)?;
    }

    if subtype != b"Type0" {
        clean_simple_encoding(doc, font);
        clean_widths(doc, font);
    }
    if subtype == b"Type3" {
        // pdf-extract panics on a Type 3 code outside /FirstChar../LastChar: cover them
        // all.
        widen_to_all_codes(font);
    }
    // A simple font with a ToUnicode but no encoding of any kind: pdf-extract `expect`s
    // an encoding for the codes the ToUnicode leaves out.
    let has_program = font
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| resolve(doc, d))
        .and_then(|d| d.as_dict().ok())
        .is_some_and(|d| d.has(b"FontFile") || d.has(b"FontFile3"));
    if !matches!(subtype.as_slice(), b"Type0" | b"Type3" | b"TrueType")
        && font.has(b"ToUnicode")
        && !font.has(b"Encoding")
        && !has_program
    {
        font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    }
    match font.get(b"FontDescriptor").ok().cloned() {
        Some(Object::Reference(id))
            if doc.objects.get(&id).is_some_and(|d| d.as_dict().is_ok()) =>
        {
            clean_descriptor(doc, id, budget)?;
        }
        Some(Object::Dictionary(_)) | None => {}
        Some(_) => {
            font.remove(b"FontDescriptor");
        }
    }
    // A composite font's embedded CMap encoding is read by pdf-extract: inflated here.
    if let Some(Object::Reference(id)) = font.get(b"Encoding").ok().cloned() {
        inflate_in_place(doc, id, budget)?;
    }
    let missing_width = font.get(b"MissingWidth").ok().and_then(|o| resolve(doc, o));
    if missing_width.is_some_and(|o| number(o).is_none()) {
        font.remove(b"MissingWidth");
    }
    if subtype == b"Type0" {
        clean_descendant(doc, font);
    }
    Ok(())
}

/// The font programs pdf-extract reads: Type 1 (`/FontFile`) and CFF (`/FontFile3`)
/// for their built-in encodings, inflated here within the budget. It also inflates a
/// TrueType program (`/FontFile2`) only to throw it away: that reference is dropped.
fn clean_descriptor(doc: &mut Document, id: ObjectId, budget: &mut usize) -> Result<(), ReadError> {
    let Some(Object::Dictionary(d)) = doc.objects.get(&id) else {
        return Ok(());
    };
    let mut d = d.clone();
    d.remove(b"FontFile2");
    for key in [&b"FontFile"[..], b"FontFile3"] {
        match d.get(key).ok().cloned() {
            // pdf-extract reads a CFF program's /Subtype as a name, unchecked.
            Some(Object::Reference(file))
                if key == b"FontFile3"
                    && !matches!(
                        doc.objects.get(&file),
                        Some(Object::Stream(s)) if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| !utf16_marked(n))
                    ) =>
            {
                d.remove(key);
            }
            Some(Object::Reference(file)) => inflate_in_place(doc, file, budget)?,
            Some(_) => {
                d.remove(key);
            }
            None => {}
        }
    }
    doc.objects.insert(id, Object::Dictionary(d));
    Ok(())
}

/// Inflates the stream at `id` (if it is one) within the budget, so that lopdf never
/// inflates it without a bound when pdf-extract asks for its data.
fn inflate_in_place(doc: &mut Document, id: ObjectId, budget: &mut usize) -> Result<(), ReadError> {
    if let Some(Object::Stream(s)) = doc.objects.get_mut(&id) {
        if s.dict.get(b"Filter").is_ok() {
            let data = stream_data(s, budget)?;
            s.set_plain_content(data);
        }
    }
    Ok(())
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

/// pdf-extract knows three encoding names (and the standard one by default); a dictionary
/// encoding's `/Differences` must hold codes and names only.
fn clean_simple_encoding(doc: &Document, font: &mut Dictionary) {
    let known = |n: &[u8]| {
        matches!(
            n,
            b"MacRomanEncoding" | b"MacExpertEncoding" | b"WinAnsiEncoding"
        )
    };
    match font
        .get(b"Encoding")
        .ok()
        .and_then(|o| resolve(doc, o))
        .cloned()
    {
        None => {}
        Some(Object::Name(n)) if known(&n) => {}
        Some(Object::Dictionary(mut d)) => {
            let base_ok = match d.get(b"BaseEncoding").ok().and_then(|o| resolve(doc, o)) {
                None => true,
                Some(Object::Name(n)) => known(n),
                Some(_) => false,
            };
            if !base_ok {
                d.remove(b"BaseEncoding");
            }
            if let Some(diffs) = d.get(b"Differences").ok().and_then(|o| resolve(doc, o)) {
                // Codes and names only, and no name past code 255: pdf-extract writes
                // each into a 256-entry table without checking.
                let mut kept = Vec::new();
                let mut code = 0i64;
                for o in diffs.as_array().map(|a| a.as_slice()).unwrap_or_default() {
                    match resolve(doc, o) {
                        Some(Object::Integer(i)) if (0..=255).contains(i) => {
                            code = *i;
                            kept.push(Object::Integer(*i));
                        }
                        Some(Object::Name(n)) if code <= 255 => {
                            code += 1;
                            if SURROGATE_GLYPH_NAMES.contains(&n.as_slice()) || utf16_marked(n) {
                                // Keeps the position, drops the name: `.notdef` maps to
                                // nothing.
                                kept.push(Object::Name(b".notdef".to_vec()));
                            } else {
                                kept.push(Object::Name(n.clone()));
                            }
                        }
                        _ => {}
                    }
                }
                d.set("Differences", kept);
            }
            font.set("Encoding", Object::Dictionary(d));
        }
        Some(_) => {
            font.remove(b"Encoding");
        }
    }
}

/// `/Widths` of numbers, exactly `/LastChar - /FirstChar + 1` of them, codes 0..=255.
fn clean_widths(doc: &Document, font: &mut Dictionary) {
    let int = |key: &[u8]| {
        font.get(key)
            .ok()
            .and_then(|o| resolve(doc, o))
            .and_then(|o| o.as_i64().ok())
    };
    let widths: Option<Vec<f64>> = font
        .get(b"Widths")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .map(|w| resolve(doc, w).and_then(number).unwrap_or(0.0))
                .collect()
        });
    match (int(b"FirstChar"), widths) {
        (Some(first), Some(mut widths)) if (0..=255).contains(&first) => {
            widths.truncate(256 - first as usize);
            if widths.is_empty() {
                strip_widths(font);
                return;
            }
            let last = first + widths.len() as i64 - 1;
            font.set("FirstChar", first);
            font.set("LastChar", last);
            font.set(
                "Widths",
                widths
                    .into_iter()
                    .map(|w| Object::Real(w as f32))
                    .collect::<Vec<_>>(),
            );
        }
        _ => strip_widths(font),
    }
}

/// Widths for every one-byte code, those given kept at their codes, the others 0.
fn widen_to_all_codes(font: &mut Dictionary) {
    let first = font.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
    let given: Vec<Object> = font
        .get(b"Widths")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    let mut widths = vec![Object::Real(0.0); 256];
    for (i, w) in given.into_iter().enumerate() {
        if let Some(slot) = usize::try_from(first)
            .ok()
            .and_then(|f| f.checked_add(i))
            .and_then(|code| widths.get_mut(code))
        {
            *slot = w;
        }
    }
    if font.has(b"Widths") {
        font.set("FirstChar", 0);
        font.set("LastChar", 255);
        font.set("Widths", widths);
    }
}

fn strip_widths(font: &mut Dictionary) {
    font.remove(b"FirstChar");
    font.remove(b"LastChar");
    font.remove(b"Widths");
}

/// A composite font's descendant: a dictionary with a font descriptor, and a `/W` array
/// of the shapes pdf-extract reads (`c [w …]` and `c_first c_last w`).
fn clean_descendant(doc: &mut Document, font: &mut Dictionary) {
    let first = font
        .get(b"DescendantFonts")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .cloned();
    match first {
        Some(Object::Reference(id)) => {
            if let Some(Object::Dictionary(cid)) = doc.objects.get(&id) {
                let cid = clean_cid_font(doc, cid.clone());
                doc.objects.insert(id, Object::Dictionary(cid));
            }
        }
        // Written inside the array: cleaned there.
        Some(Object::Dictionary(cid)) => {
            let cid = clean_cid_font(doc, cid);
            font.set("DescendantFonts", vec![Object::Dictionary(cid)]);
        }
        _ => {}
    }
}

fn clean_cid_font(doc: &Document, mut cid: Dictionary) -> Dictionary {
    let descriptor_ok = cid
        .get(b"FontDescriptor")
        .ok()
        .and_then(|o| resolve(doc, o))
        .is_some_and(|d| d.as_dict().is_ok());
    if !descriptor_ok {
        cid.set("FontDescriptor", Object::Dictionary(Dictionary::new()));
    }
    if cid
        .get(b"DW")
        .ok()
        .and_then(|o| resolve(doc, o))
        .is_some_and(|o| o.as_i64().is_err())
    {
        cid.remove(b"DW");
    }
    if let Some(w) = cid.get(b"W").ok().and_then(|o| resolve(doc, o)).cloned() {
        match clean_cid_widths(doc, &w) {
            Some(clean) => cid.set("W", clean),
            None => {
                cid.remove(b"W");
            }
        }
    }
    cid
}

fn clean_cid_widths(doc: &Document, w: &Object) -> Option<Vec<Object>> {
    let items: Vec<&Object> = w
        .as_array()
        .ok()?
        .iter()
        .filter_map(|o| resolve(doc, o))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut spelled = 0i64;
    while i < items.len() {
        let first = items[i].as_i64().ok()?;
        match items.get(i + 1)? {
            Object::Array(ws) => {
                let ws: Vec<Object> = ws
                    .iter()
                    .map(|x| Object::Real(resolve(doc, x).and_then(number).unwrap_or(0.0) as f32))
                    .collect();
                out.push(Object::Integer(first));
                out.push(Object::Array(ws));
                i += 2;
            }
            last => {
                let last = last.as_i64().ok()?;
                let width = number(items.get(i + 2)?)?;
                spelled = spelled.saturating_add(last.saturating_sub(first));
                if last < first || last - first > 65_535 || spelled > MAX_CID_WIDTHS {
                    return None;
                }
                out.extend([
                    Object::Integer(first),
                    Object::Integer(last),
                    Object::Real(width as f32),
                ]);
                i += 3;
            }
        }
    }
    Some(out)
}
