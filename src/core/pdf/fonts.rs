//! The streams of a font that pdf-extract inflates, inflated first within the budget.
//!
//! pdf-extract (ours, `patches/pdf-extract`) now builds fonts from any dictionary without
//! panicking: the checks that lived here (names, `/Widths`, encodings, `/Differences`,
//! descendant fonts, ToUnicode maps) are made where it reads them. What it still does
//! not do is count what it inflates: lopdf 0.42's `decompressed_content` has no limit.
//! So each stream it will ask for is inflated here, in place, against the document's
//! budget of decompressed bytes: the ToUnicode map, a Type 1 program (`/FontFile`, read
//! for its built-in encoding), a CFF program (`/FontFile3` of subtype `Type1C`, read for
//! its charset) and a composite font's embedded CMap. Whatever is left inside those
//! parsers (type1-encoding-parser, cff-parser, adobe-cmap-parser's byte mappings) is
//! contained by the caller.

use pdf_extract::{Document, Object, ObjectId};

use super::guard::{resolve, stream_data};
use crate::core::error::ReadError;

/// Inflates, within the budget, the streams pdf-extract will read from the font at `id`.
pub fn prepare(doc: &mut Document, id: ObjectId, budget: &mut usize) -> Result<(), ReadError> {
    let Some(Object::Dictionary(font)) = doc.objects.get(&id) else {
        return Ok(());
    };
    let name = |key: &[u8]| {
        font.get(key)
            .ok()
            .and_then(|o| resolve(doc, o))
            .and_then(|o| o.as_name().ok())
            .map(<[u8]>::to_vec)
    };
    let subtype = name(b"Subtype");
    let mut streams = Vec::new();
    for key in [&b"ToUnicode"[..], b"Encoding"] {
        if let Ok(Object::Reference(stream)) = font.get(key) {
            streams.push(*stream);
        }
    }
    let descriptor = font
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| resolve(doc, d))
        .and_then(|d| d.as_dict().ok());
    if let Some(descriptor) = descriptor {
        if subtype.as_deref() == Some(b"Type1") {
            if let Ok(Object::Reference(file)) = descriptor.get(b"FontFile") {
                streams.push(*file);
            }
        }
        if let Ok(Object::Reference(file)) = descriptor.get(b"FontFile3") {
            let cff = matches!(
                doc.objects.get(file),
                Some(Object::Stream(s)) if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Type1C")
            );
            if cff {
                streams.push(*file);
            }
        }
    }
    for stream in streams {
        if let Some(Object::Stream(s)) = doc.objects.get_mut(&stream) {
            if s.dict.get(b"Filter").is_ok() {
                let data = stream_data(s, budget)?;
                s.set_plain_content(data);
            }
        }
    }
    Ok(())
}
