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

use std::collections::BTreeMap;

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::guard::{resolve, stream_data};
use crate::core::error::ReadError;

/// Most entries kept from one `/ToUnicode` map (a CJK font maps about 20 000 codes).
const MAX_CMAP_ENTRIES: usize = 65_536;
/// Most codes a `/ToUnicode` map may spell out through ranges, counted before checking
/// them: ranges of invalid targets would otherwise loop without growing the map.
const MAX_CMAP_WORK: usize = 1 << 18;
/// Largest `/ToUnicode` stream read; real ones are a few kilobytes.
const MAX_CMAP_BYTES: usize = 4 << 20;
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

/// A copy of a cleaned simple font whose `/ToUnicode` keeps only the codes in `used` (the
/// bytes the page's text operators show, whatever the font), or `None` when the map would
/// not shrink (or the font is composite, Type 3, or has no map stream).
///
/// pdf-extract builds each font again on every page, parsing its whole ToUnicode each time;
/// a page of call detail uses a few dozen of a subset font's codes. The codes it decodes
/// are looked up exactly as before: every code shown on the page keeps its entry, and a
/// code absent from the map was absent before too (pdf-extract then falls back to the
/// encoding either way). Composite fonts are left alone: their codes are not bytes.
pub fn page_copy(doc: &mut Document, id: ObjectId, used: &[bool; 256]) -> Option<ObjectId> {
    let Some(Object::Dictionary(font)) = doc.objects.get(&id) else {
        return None;
    };
    let simple = matches!(
        font.get(b"Subtype").and_then(Object::as_name),
        Ok(b"Type1" | b"MMType1" | b"TrueType")
    );
    let map_id = font.get(b"ToUnicode").ok()?.as_reference().ok()?;
    if !simple {
        return None;
    }
    let Some(Object::Stream(map)) = doc.objects.get(&map_id) else {
        return None;
    };
    // The map as `clean_font` wrote it: plain, uncompressed.
    let full = parse_to_unicode(&map.content);
    let kept: BTreeMap<u32, Vec<u16>> = full
        .iter()
        .filter(|(&code, _)| used.get(code as usize).copied().unwrap_or(false))
        .map(|(&code, dst)| (code, dst.clone()))
        .collect();
    if kept.len() == full.len() {
        return None;
    }
    let mut copy = font.clone();
    let map_id = doc.add_object(Stream::new(Dictionary::new(), write_cmap(&kept)));
    copy.set("ToUnicode", Object::Reference(map_id));
    Some(doc.add_object(Object::Dictionary(copy)))
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

    // /ToUnicode: a stream rewritten plainly, the name Identity-H, or nothing.
    match font
        .get(b"ToUnicode")
        .ok()
        .and_then(|o| resolve(doc, o))
        .cloned()
    {
        Some(Object::Stream(s)) => {
            let data = stream_data(&s, budget)?;
            let map = if data.len() <= MAX_CMAP_BYTES {
                parse_to_unicode(&data)
            } else {
                BTreeMap::new()
            };
            if map.is_empty() {
                font.remove(b"ToUnicode");
            } else {
                let id = doc.add_object(Stream::new(Dictionary::new(), write_cmap(&map)));
                font.set("ToUnicode", Object::Reference(id));
            }
        }
        Some(Object::Name(n)) if n == b"Identity-H" => {}
        _ => {
            font.remove(b"ToUnicode");
        }
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

/// Reads a ToUnicode CMap's `bfchar` and `bfrange` entries, skipping whatever does not
/// parse. Targets are UTF-16BE and must decode.
pub fn parse_to_unicode(data: &[u8]) -> BTreeMap<u32, Vec<u16>> {
    let tokens = cmap_tokens(data);
    let mut map = BTreeMap::new();
    let mut work = 0usize;
    let mut i = 0;
    while i < tokens.len() && map.len() < MAX_CMAP_ENTRIES && work < MAX_CMAP_WORK {
        match &tokens[i] {
            Token::Op(op) if op == b"beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && !matches!(&tokens[i], Token::Op(_)) {
                    if let (Token::Hex(code), Token::Hex(dst)) = (&tokens[i], &tokens[i + 1]) {
                        if let (Some(code), Some(dst)) = (code_of(code), utf16(dst)) {
                            map.insert(code, dst);
                        }
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            Token::Op(op) if op == b"beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len()
                    && !matches!(&tokens[i], Token::Op(_))
                    && work < MAX_CMAP_WORK
                {
                    let (Token::Hex(lo), Token::Hex(hi)) = (&tokens[i], &tokens[i + 1]) else {
                        i += 1;
                        continue;
                    };
                    let (Some(lo), Some(hi)) = (code_of(lo), code_of(hi)) else {
                        i += 3;
                        continue;
                    };
                    let span = hi.saturating_sub(lo) as usize;
                    match &tokens[i + 2] {
                        Token::Hex(dst) => {
                            if let Some(dst) = utf16(dst) {
                                work += span.min(MAX_CMAP_ENTRIES) + 1;
                                for (k, code) in (lo..=hi).enumerate().take(MAX_CMAP_ENTRIES) {
                                    let mut d = dst.clone();
                                    if let Some(last) = d.last_mut() {
                                        *last = last.wrapping_add(k as u16);
                                    }
                                    if String::from_utf16(&d).is_ok() {
                                        map.insert(code, d);
                                    }
                                }
                            }
                            i += 3;
                        }
                        Token::Open => {
                            let mut j = i + 3;
                            let mut k = 0usize;
                            while j < tokens.len() && !matches!(tokens[j], Token::Close) {
                                if let Token::Hex(dst) = &tokens[j] {
                                    if let Some(dst) = utf16(dst) {
                                        if k <= span {
                                            map.insert(lo + k as u32, dst);
                                        }
                                    }
                                    k += 1;
                                }
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => i += 3,
                    }
                }
            }
            _ => i += 1,
        }
    }
    map
}

fn code_of(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
}

fn utf16(bytes: &[u8]) -> Option<Vec<u16>> {
    if bytes.is_empty() || bytes.len() % 2 != 0 || bytes.len() > 64 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    String::from_utf16(&units).ok().map(|_| units)
}

/// Writes a map back as the plainest CMap adobe-cmap-parser reads (`bfchar` entries only).
///
/// pdf-extract parses a font's CMap again on every page that uses the font, with a
/// combinator parser that costs about 15 µs an entry natively (the largest share of the
/// reading time of a bill with embedded fonts, by profile); `bfrange` entries with an array
/// of targets measured slower still, so each page gets only the entries it uses instead
/// (`page_copy`).
fn write_cmap(map: &BTreeMap<u32, Vec<u16>>) -> Vec<u8> {
    use std::fmt::Write;

    let mut out = String::from("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
    let entries: Vec<_> = map.iter().collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (&code, dst) in chunk {
            // An even number of digits: adobe-cmap-parser stops at an odd one.
            let _ = match code {
                0..=0xFFFF => write!(out, "<{code:04X}> <"),
                0x1_0000..=0xFF_FFFF => write!(out, "<{code:06X}> <"),
                _ => write!(out, "<{code:08X}> <"),
            };
            for u in dst.iter() {
                let _ = write!(out, "{u:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nend\nend\n");
    out.into_bytes()
}

enum Token {
    Hex(Vec<u8>),
    Op(Vec<u8>),
    Open,
    Close,
    Other,
}

fn cmap_tokens(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                tokens.push(Token::Other);
                i += 2;
            }
            b'>' => {
                tokens.push(Token::Other);
                i += 1;
            }
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| start + p);
                let digits: Vec<u8> = data[start..end]
                    .iter()
                    .filter(|c| c.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let mut bytes = Vec::with_capacity(digits.len() / 2 + 1);
                for pair in digits.chunks(2) {
                    let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                    let hi = hex(pair[0]);
                    let lo = pair.get(1).map_or(0, |&c| hex(c));
                    bytes.push(hi << 4 | lo);
                }
                tokens.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b']' => {
                tokens.push(Token::Close);
                i += 1;
            }
            b'(' => {
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                tokens.push(Token::Other);
                i += 1;
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < data.len() && data[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                tokens.push(Token::Op(data[start..i].to_vec()));
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                tokens.push(Token::Other);
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cmaps_tolerantly_and_writes_them_plainly() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <00> <FF> endcodespacerange\n\
            2 beginbfchar <01> <0041> <02> <00E9> endbfchar\n\
            2 beginbfrange <10> <12> <0061> <20> <21> [<0078> <0079>] endbfrange\n\
            1 beginbfchar <03> <D800> endbfchar\n\
            beginbfchar <04> endbfchar\n\
            endcmap end end";
        let map = parse_to_unicode(cmap);
        let want: BTreeMap<u32, Vec<u16>> = [
            (0x01, vec![0x41]),
            (0x02, vec![0xE9]),
            (0x10, vec![0x61]),
            (0x11, vec![0x62]),
            (0x12, vec![0x63]),
            (0x20, vec![0x78]),
            (0x21, vec![0x79]),
        ]
        .into_iter()
        .collect();
        assert_eq!(map, want);
        assert_eq!(parse_to_unicode(&write_cmap(&map)), want);
        let wide: BTreeMap<u32, Vec<u16>> = [(0x4_4780, vec![0x48])].into_iter().collect();
        let text = String::from_utf8(write_cmap(&wide)).unwrap_or_default();
        assert!(text.contains("<044780> <0048>"), "{text}");
        // Long maps are cut into blocks of 100; every entry reads back.
        let long: BTreeMap<u32, Vec<u16>> = (0..250u32)
            .map(|c| (c, vec![0x20AC - c as u16]))
            .chain([(300, vec![0x41, 0x42]), (0x1_0000, vec![0xD83D, 0xDE00])])
            .collect();
        let text = String::from_utf8(write_cmap(&long)).unwrap_or_default();
        assert!(text.contains("100 beginbfchar\n<0000> <20AC>\n"), "{text}");
        assert!(text.contains("52 beginbfchar\n"), "{text}");
        assert!(
            text.contains("<012C> <00410042>\n<010000> <D83DDE00>\n"),
            "{text}"
        );
        assert_eq!(parse_to_unicode(text.as_bytes()), long);
        // What adobe-cmap-parser (inside pdf-extract) will read.
        assert!(parse_to_unicode(b"garbage ) ] [ <<").is_empty());
        assert!(parse_to_unicode(b"").is_empty());
    }

    #[test]
    fn a_page_copy_keeps_the_codes_the_page_shows() {
        let mut doc = Document::with_version("1.7");
        let map: BTreeMap<u32, Vec<u16>> =
            [(0x41, vec![0x20AC]), (0x42, vec![0xE9]), (0x43, vec![0x41])]
                .into_iter()
                .collect();
        let font = |doc: &mut Document, subtype: &str| {
            let cmap = doc.add_object(Stream::new(Dictionary::new(), write_cmap(&map)));
            let mut font = Dictionary::new();
            font.set("Type", Object::Name(b"Font".to_vec()));
            font.set("Subtype", Object::Name(subtype.as_bytes().to_vec()));
            font.set("ToUnicode", Object::Reference(cmap));
            doc.add_object(Object::Dictionary(font))
        };
        let simple = font(&mut doc, "TrueType");
        let mut used = [false; 256];
        used[0x41] = true;
        used[0x43] = true;
        used[0x44] = true;
        let copy = page_copy(&mut doc, simple, &used).expect("a smaller map");
        let copied = doc.get_dictionary(copy).unwrap();
        let cmap = copied.get(b"ToUnicode").unwrap().as_reference().unwrap();
        let kept = parse_to_unicode(&doc.get_object(cmap).unwrap().as_stream().unwrap().content);
        let want: BTreeMap<u32, Vec<u16>> = [(0x41, vec![0x20AC]), (0x43, vec![0x41])]
            .into_iter()
            .collect();
        assert_eq!(kept, want);
        // Nothing to cut, or a composite font: no copy.
        assert_eq!(page_copy(&mut doc, simple, &[true; 256]), None);
        let composite = font(&mut doc, "Type0");
        assert_eq!(page_copy(&mut doc, composite, &used), None);
    }

    #[test]
    fn ranges_that_do_not_grow_the_map_cost_a_bounded_amount() {
        let mut cmap = b"100000 beginbfrange\n".to_vec();
        for _ in 0..100_000 {
            cmap.extend_from_slice(b"<0000> <0FFF> <0041>\n");
        }
        // Unbounded, this is 409 600 000 map insertions: minutes, even optimised. Bounded,
        // it takes a quarter of a second in a debug build; the generous limit keeps a busy
        // machine (the whole suite runs in parallel) from failing it.
        let start = std::time::Instant::now();
        assert_eq!(parse_to_unicode(&cmap).len(), 0x1000);
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn a_huge_range_is_cut() {
        let map = parse_to_unicode(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        // Cut at the cap; codes whose target would be a lone surrogate are skipped.
        assert!(map.len() > 60_000 && map.len() <= MAX_CMAP_ENTRIES);
    }
}
