//! Bounded inflating: every stream we inflate (at the pre-scan, then each content, form
//! and font stream pdf-extract will read) counts its output against one budget of
//! decompressed bytes, because lopdf 0.42's `decompressed_content` has no limit (0.44
//! added `max_decompressed_size`). Filters other than Flate are left to lopdf only when
//! their worst case fits what is left of the budget.

use std::io::Read;

use pdf_extract::{Object, Stream};

use super::too_complex;
use crate::core::error::ReadError;

/// Decodes a stream's filter chain when every filter is Flate, counting against the
/// budget. `Ok(None)` when it cannot be measured (other filters, undecodable data).
pub fn decode_measured(
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

pub fn is_flate(name: &[u8]) -> bool {
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

/// A stream's data with its filters undone, within the budget. Filters other than Flate
/// (without predictor) are left to lopdf only when their worst case fits the budget.
pub fn stream_data(s: &Stream, budget: &mut usize) -> Result<Vec<u8>, ReadError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ReadErrorKind;

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
