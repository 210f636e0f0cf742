//! A tolerant reader of ToUnicode CMaps (PDF 32000-1, 9.10.3), in place of
//! `adobe_cmap_parser::get_unicode_map`.
//!
//! A ToUnicode CMap only needs its `bfchar` and `bfrange` sections read. The combinator
//! parser it replaces rejects (and pdf-extract then panicked on) any CMap with a syntax
//! it does not know, indexes operands without checking their count (`beginbfchar` with an
//! odd number of entries), and costs about 15 µs an entry. This one reads the sections
//! token by token, skips what does not parse, keeps only targets that are valid UTF-16,
//! and bounds its work: at most `MAX_BYTES` of input, `MAX_ENTRIES` entries, and
//! `MAX_WORK` codes spelled out through ranges (ranges of invalid targets would otherwise
//! loop without growing the map).

use crate::CodeMap;

/// Most entries kept from one map (a CJK font maps about 20 000 codes).
pub const MAX_ENTRIES: usize = 65_536;
/// Most codes the ranges of one map may spell out, valid or not.
const MAX_WORK: usize = 1 << 18;
/// Largest map read; real ones are a few kilobytes.
pub const MAX_BYTES: usize = 4 << 20;

/// The code → text entries of a ToUnicode CMap, skipping whatever does not parse.
pub fn parse(data: &[u8]) -> CodeMap<String> {
    let mut map = CodeMap::default();
    if data.len() > MAX_BYTES {
        return map;
    }
    let tokens = tokens(data);
    let mut work = 0usize;
    let mut i = 0;
    while i < tokens.len() && map.len() < MAX_ENTRIES && work < MAX_WORK {
        match &tokens[i] {
            Token::Op(op) if op == b"beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && !matches!(&tokens[i], Token::Op(_)) {
                    if let (Token::Hex(code), Token::Hex(dst)) = (&tokens[i], &tokens[i + 1]) {
                        if let (Some(code), Some(dst)) = (code_of(code), text_of(dst)) {
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
                    && work < MAX_WORK
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
                                work += span.min(MAX_ENTRIES) + 1;
                                for (k, code) in (lo..=hi).enumerate().take(MAX_ENTRIES) {
                                    // The last unit counts up through the range.
                                    let mut d = dst.clone();
                                    if let Some(last) = d.last_mut() {
                                        *last = last.wrapping_add(k as u16);
                                    }
                                    if let Ok(s) = String::from_utf16(&d) {
                                        map.insert(code, s);
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
                                    if let Some(dst) = text_of(dst) {
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

/// UTF-16BE code units, if they decode (no lone surrogate, an even number of bytes).
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

fn text_of(bytes: &[u8]) -> Option<String> {
    utf16(bytes).and_then(|u| String::from_utf16(&u).ok())
}

enum Token {
    Hex(Vec<u8>),
    Op(Vec<u8>),
    Open,
    Close,
    Other,
}

fn tokens(data: &[u8]) -> Vec<Token> {
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

    fn map(entries: &[(u32, &str)]) -> CodeMap<String> {
        entries.iter().map(|(c, s)| (*c, s.to_string())).collect()
    }

    #[test]
    fn reads_bfchar_and_bfrange_and_skips_what_does_not_parse() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <00> <FF> endcodespacerange\n\
            2 beginbfchar <01> <0041> <02> <00E9> endbfchar\n\
            2 beginbfrange <10> <12> <0061> <20> <21> [<0078> <0079>] endbfrange\n\
            1 beginbfchar <03> <D800> endbfchar\n\
            beginbfchar <04> endbfchar\n\
            1 beginbfchar <05> <D83DDE00> endbfchar\n\
            endcmap end end";
        assert_eq!(
            parse(cmap),
            map(&[
                (0x01, "A"),
                (0x02, "é"),
                (0x10, "a"),
                (0x11, "b"),
                (0x12, "c"),
                (0x20, "x"),
                (0x21, "y"),
                (0x05, "😀"),
            ])
        );
        // What made adobe-cmap-parser panic or fail: garbage, an odd number of bfchar
        // operands, a short bfrange, an odd number of digits.
        assert!(parse(b"garbage ) ] [ <<").is_empty());
        assert!(parse(b"").is_empty());
        assert_eq!(
            parse(b"3 beginbfchar <01> <0041> <02> endbfchar"),
            map(&[(1, "A")])
        );
        assert!(parse(b"1 beginbfrange <01> <02> endbfrange").is_empty());
        assert_eq!(parse(b"1 beginbfchar <041> <0041> endbfchar"), map(&[(0x0410, "A")]));
    }

    #[test]
    fn ranges_that_do_not_grow_the_map_cost_a_bounded_amount() {
        let mut cmap = b"100000 beginbfrange\n".to_vec();
        for _ in 0..100_000 {
            cmap.extend_from_slice(b"<0000> <0FFF> <0041>\n");
        }
        // Unbounded, this is 409 600 000 insertions; the work bound stops it after
        // MAX_WORK codes. (Its time is the benchmark's business, not this test's.)
        assert_eq!(parse(&cmap).len(), 0x1000);
    }

    #[test]
    fn a_huge_range_is_cut() {
        let m = parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        // Cut at the cap; codes whose target would be a lone surrogate are skipped.
        assert!(m.len() > 60_000 && m.len() <= MAX_ENTRIES);
    }
}
