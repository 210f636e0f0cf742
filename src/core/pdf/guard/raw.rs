//! The raw pre-scan: the file's bytes looked at before lopdf loads anything, against
//! what lopdf 0.42 mishandles *while loading*: cross-reference streams whose `/W`,
//! `/Size` or `/Index` would make it allocate or loop without bound, object and xref
//! streams that inflate beyond the budget (it inflates them with no limit), and objects
//! nested deeper than the limit (its parser recurses). Also the byte-level helpers the
//! cleaner shares: the nesting depth, a byte search.

use super::inflate::{decode_measured, is_flate};
use super::too_complex;
use crate::core::error::ReadError;
use crate::core::pdf::Limits;

/// The most a Flate stream can expand (deflate's ceiling is about 1032:1). Used where
/// the compressed bytes cannot be measured before lopdf inflates them: encrypted object
/// streams. Keeps that one unmeasured case under about 1 GiB.
const FLATE_RATIO: usize = 1032;
const UNMEASURED_CEILING: usize = 1 << 30;

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
        // lopdf takes the stream `startxref` points at for the cross-reference stream
        // whatever its /Type says: any stream with the fields it reads is checked.
        let xref = dict.has_name(b"XRef") || (dict.has_name(b"W") && dict.has_name(b"Size"));
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

/// Whether arrays and dictionaries nest deeper than `max` in PDF syntax (strings,
/// comments and, in a file, stream bodies and, in content, inline image data skipped).
pub fn depth_exceeds(bytes: &[u8], max: usize, skip_streams: bool) -> bool {
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

/// The tokens of a dictionary's text, enough to read a few keys. Names are decoded
/// (`/#57` is `/W`, as lopdf reads it).
struct Tokens<'a> {
    tokens: Vec<std::borrow::Cow<'a, [u8]>>,
}

/// A name token with its `#xx` escapes decoded (ISO 32000-1, 7.3.5); one without any is
/// borrowed as it is.
fn decoded_name(token: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !token.contains(&b'#') {
        return std::borrow::Cow::Borrowed(token);
    }
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(token.len());
    let mut i = 0;
    while i < token.len() {
        match (
            token[i],
            token.get(i + 1).and_then(|&b| hex(b)),
            token.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'#', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
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
                tokens.push(std::borrow::Cow::Borrowed(&text[i..i + 1]));
                i += 1;
            } else if b == b'(' {
                i = skip_literal_string(text, i);
            } else if b == b'/' {
                let start = i;
                i += 1;
                while i < text.len() && !delimiter(text[i]) {
                    i += 1;
                }
                tokens.push(decoded_name(&text[start..i]));
            } else if delimiter(b) {
                i += 1;
            } else {
                let start = i;
                while i < text.len() && !delimiter(text[i]) {
                    i += 1;
                }
                tokens.push(std::borrow::Cow::Borrowed(&text[start..i]));
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
            Some(t) if t.as_ref() == b"[" => rest[1..]
                .iter()
                .take_while(|t| t.as_ref() != b"]")
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
        let parse = |t: &std::borrow::Cow<'_, [u8]>| {
            std::str::from_utf8(t)
                .ok()
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(i64::MAX)
        };
        match rest.first() {
            Some(t) if t.as_ref() == b"[" => rest[1..]
                .iter()
                .take_while(|t| t.as_ref() != b"]")
                .map(parse)
                .collect(),
            Some(t) => vec![parse(t)],
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pdf::Limits;

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

    /// lopdf decodes the stream `startxref` points at as the cross-reference stream
    /// whatever its /Type, and reads names through their escapes: a fuzzed file with
    /// `/Type /XPef` and `/W [1 1099511627776 2]` made it allocate a terabyte.
    #[test]
    fn any_stream_with_xref_fields_is_checked_whatever_its_type_and_spelling() {
        let limits = Limits::default();
        let file = |dict: &str| {
            format!("%PDF-1.5\n6 0 obj\n<<{dict}/Length 2>>\nstream\n\x01\x00\nendstream\nendobj\n")
        };
        let cases = [
            ("/Type/XRef/W[1 1 0]/Size 1", true),
            ("/Type/XPef/W[1 1099511627776 2]/Size 7", false),
            ("/W[1 1099511627776 2]/Size 7", false),
            ("/Type/#58Ref/#57[1 1099511627776 2]/Size 7", false),
            ("/Type/XRef/#57[0 0 0]/#53ize 7", false),
            // An image's /Width is not /W: not an xref stream.
            ("/Subtype/Image/Width 99999999999/Height 1", true),
        ];
        for (dict, ok) in cases {
            let mut budget = limits.max_decompressed_bytes;
            let got = prescan(file(dict).as_bytes(), &limits, &mut budget).is_ok();
            assert_eq!(got, ok, "{dict}");
        }
        assert_eq!(decoded_name(b"/#57").as_ref(), b"/W");
        assert_eq!(decoded_name(b"/A#2").as_ref(), b"/A#2");
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
}
