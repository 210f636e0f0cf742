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

/// A stream's data with its filters undone, within the budget. Flate (without a
/// predictor), ASCII85, ASCIIHex and RunLength are decoded here, in any chain, each
/// step counted against the budget as it goes: a content stream written in ASCII85 or
/// without compression is ordinary, whatever its length. Other filters (LZW, a predictor)
/// are left to lopdf only when their worst case fits what is left of the budget.
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
    let ours = |f: &[u8]| (is_flate(f) && !params) || Text::of(f).is_some();
    if filters.iter().all(|f| ours(f)) {
        let mut data = s.content.clone();
        for f in &filters {
            data = match Text::of(f) {
                Some(text) => text.decode(&data, budget)?,
                None => inflate_bounded(&data, budget)?,
            };
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
        // LZW's worst case is quadratic in its input.
        return Err(too_complex());
    }
    let data = s.decompressed_content().unwrap_or_default();
    *budget = budget.checked_sub(data.len()).ok_or_else(too_complex)?;
    Ok(data)
}

/// The filters that write bytes as text or runs, decoded here: their output is at most
/// a small multiple of their input (ASCII85's `z` is four zero bytes for one, a
/// RunLength pair at most 128 bytes for two), and it is counted as it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    Ascii85,
    AsciiHex,
    RunLength,
}

impl Text {
    fn of(name: &[u8]) -> Option<Text> {
        match name {
            b"ASCII85Decode" | b"A85" => Some(Text::Ascii85),
            b"ASCIIHexDecode" | b"AHx" => Some(Text::AsciiHex),
            b"RunLengthDecode" | b"RL" => Some(Text::RunLength),
            _ => None,
        }
    }

    /// Decodes as far as the data is well formed (a reader keeps what came before a
    /// fault, as lopdf does), stopping with an error once the budget is spent.
    fn decode(self, data: &[u8], budget: &mut usize) -> Result<Vec<u8>, ReadError> {
        let mut out = Vec::with_capacity(data.len().min(*budget));
        let mut push = |bytes: &[u8], out: &mut Vec<u8>| {
            if bytes.len() > *budget {
                return Err(too_complex());
            }
            *budget -= bytes.len();
            out.extend_from_slice(bytes);
            Ok(())
        };
        match self {
            Text::Ascii85 => {
                let mut group = [0u8; 5];
                let mut n = 0;
                let body = data.strip_prefix(b"<~").unwrap_or(data);
                for &b in body {
                    match b {
                        b'~' => break,
                        b'z' if n == 0 => push(&[0; 4], &mut out)?,
                        b'!'..=b'u' => {
                            group[n] = b - b'!';
                            n += 1;
                            if n == 5 {
                                let Some(word) = base85(&group) else { break };
                                push(&word.to_be_bytes(), &mut out)?;
                                n = 0;
                            }
                        }
                        b if b.is_ascii_whitespace() || b == 0 => {}
                        _ => break,
                    }
                }
                // A last partial group of n characters gives n - 1 bytes.
                if n > 1 {
                    group[n..].fill(b'u' - b'!');
                    if let Some(word) = base85(&group) {
                        push(&word.to_be_bytes()[..n - 1], &mut out)?;
                    }
                }
            }
            Text::AsciiHex => {
                let mut high: Option<u8> = None;
                for &b in data {
                    let digit = match b {
                        b'>' => break,
                        b'0'..=b'9' => b - b'0',
                        b'a'..=b'f' => b - b'a' + 10,
                        b'A'..=b'F' => b - b'A' + 10,
                        b if b.is_ascii_whitespace() || b == 0 => continue,
                        _ => break,
                    };
                    match high.take() {
                        None => high = Some(digit),
                        Some(h) => push(&[h << 4 | digit], &mut out)?,
                    }
                }
                if let Some(h) = high {
                    push(&[h << 4], &mut out)?;
                }
            }
            Text::RunLength => {
                let mut i = 0;
                while let Some(&len) = data.get(i) {
                    match len {
                        128 => break,
                        0..=127 => {
                            let run = usize::from(len) + 1;
                            let Some(bytes) = data.get(i + 1..i + 1 + run) else {
                                push(&data[i + 1..], &mut out)?;
                                break;
                            };
                            push(bytes, &mut out)?;
                            i += 1 + run;
                        }
                        _ => {
                            let Some(&b) = data.get(i + 1) else { break };
                            push(&[b; 128][..257 - usize::from(len)], &mut out)?;
                            i += 2;
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// The 32-bit word of five base-85 digits, if it fits in 32 bits.
fn base85(group: &[u8; 5]) -> Option<u32> {
    group.iter().try_fold(0u32, |acc, &d| {
        acc.checked_mul(85)?.checked_add(u32::from(d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ReadErrorKind;

    /// A stream dictionary with these filters over `content`.
    fn stream(filters: &[&str], content: Vec<u8>) -> Stream {
        let names: Vec<Object> = filters
            .iter()
            .map(|f| Object::Name(f.as_bytes().to_vec()))
            .collect();
        let mut dict = pdf_extract::Dictionary::new();
        dict.set("Filter", Object::Array(names));
        Stream::new(dict, content)
    }

    fn ascii85(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(word);
            if chunk.len() == 4 && v == 0 {
                out.push(b'z');
                continue;
            }
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (v % 85) as u8 + b'!';
                v /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
            out.push(b'\n');
        }
        out.extend_from_slice(b"~>");
        out
    }

    /// A page's content written in ASCII85, bare or over Flate, in hex or in runs, reads
    /// to the same bytes however long it is (it was refused past about 11.5 kB), and
    /// its output still counts against the budget.
    #[test]
    fn decodes_text_filters_of_any_length() {
        use std::io::Write;
        let content: Vec<u8> = (0..4000)
            .flat_map(|i| format!("BT /F1 9 Tf 40 {i} Td (Appel {i}) Tj ET\n").into_bytes())
            .chain([0, 0, 0, 0, 7])
            .collect();
        assert!(content.len() > 100_000);
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&content).unwrap();
        let flated = enc.finish().unwrap();
        let hex: Vec<u8> = content
            .iter()
            .flat_map(|b| format!("{b:02X}").into_bytes())
            .chain(*b">")
            .collect();
        let runs: Vec<u8> = content
            .chunks(100)
            .flat_map(|c| std::iter::once(c.len() as u8 - 1).chain(c.iter().copied()))
            .chain([128])
            .collect();
        let cases: Vec<(&[&str], Vec<u8>)> = vec![
            (&["ASCII85Decode"], ascii85(&content)),
            (&["A85", "FlateDecode"], ascii85(&flated)),
            (&["ASCIIHexDecode"], hex),
            (&["RunLengthDecode"], runs),
        ];
        for (filters, data) in cases {
            let mut budget = 64 << 20;
            let s = stream(filters, data);
            assert_eq!(
                stream_data(&s, &mut budget).unwrap(),
                content,
                "{filters:?}"
            );
            // Every step's output counts: the inflated bytes, and the deflated ones the
            // ASCII85 step wrote before them.
            assert!(budget <= (64 << 20) - content.len(), "{filters:?}");
            let mut small = 1000;
            assert_eq!(
                stream_data(&s, &mut small).unwrap_err().kind,
                ReadErrorKind::TooComplex,
                "{filters:?}"
            );
        }
        // A run that repeats one byte 128 times, and a partial last ASCII85 group.
        let mut budget = 1000;
        let s = stream(&["RunLengthDecode"], vec![129, b'x', 128]);
        assert_eq!(stream_data(&s, &mut budget).unwrap(), vec![b'x'; 128]);
        let s = stream(&["ASCII85Decode"], ascii85(b"Hello"));
        assert_eq!(stream_data(&s, &mut budget).unwrap(), b"Hello");
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
