//! A content-stream parser for the streams bills are made of, giving exactly the
//! operations lopdf 0.42's `Content::decode` gives, or `None` to let lopdf parse.
//!
//! lopdf's content parser (nom combinators: every operand tried as null, boolean, real,
//! integer, name, string... in turn, a `Vec` grown for each operation's operands) was a
//! quarter of the reading of a 30-page bill. This one reads the common syntax in one
//! pass: numbers, names, literal and hex strings, arrays, dictionaries, operators and
//! the four whitespace bytes lopdf allows between operations. Whatever lopdf would read
//! differently or stop at (comments, inline images, `#` in names, references inside
//! arrays, a `null`/`true`/`false` where an operator starts, form feeds or NULs between
//! operations, nesting beyond a few levels, any byte it does not expect, or an input
//! ending mid-operation) makes it give up on the whole stream, and lopdf parses it as
//! before: the result is lopdf's in every case, only faster in the usual one
//! (`matches_lopdf_on_every_fixture_stream` and the randomised test below check it).
//!
//! Pure: bytes in, operations out.

use pdf_extract::content::Operation;
use pdf_extract::{Dictionary, Object, StringFormat};

/// Deepest nesting of arrays and dictionaries read here (lopdf allows 100; deeper
/// goes to lopdf, after the guard's own depth check).
const MAX_DEPTH: usize = 4;
/// Deepest nesting of parentheses inside a literal string read here (lopdf: 100).
const MAX_PARENS: usize = 8;

/// The operations of `content`, as `lopdf::content::Content::decode` reads them, or
/// `None` if the stream uses syntax this parser leaves to lopdf.
pub fn parse(content: &[u8]) -> Option<Vec<Operation>> {
    let mut p = Parser {
        bytes: content,
        at: 0,
    };
    let mut operations = Vec::new();
    let mut operands = Vec::new();
    p.skip_content_space();
    loop {
        if p.at == p.bytes.len() {
            // Operands without an operator at the end are dropped by lopdf, which
            // stops there; left to it so that the two agree on what is dropped.
            return operands.is_empty().then_some(operations);
        }
        // An operation starting with `BI` is an inline image to lopdf.
        if operands.is_empty() && p.bytes[p.at..].starts_with(b"BI") {
            return None;
        }
        let c = p.bytes[p.at];
        if c.is_ascii_alphabetic() || c == b'*' || c == b'\'' || c == b'"' {
            // lopdf tries `null`, `true` and `false` as operands before an operator.
            let rest = &p.bytes[p.at..];
            if rest.starts_with(b"null") || rest.starts_with(b"true") || rest.starts_with(b"false")
            {
                return None;
            }
            let start = p.at;
            while p.at < p.bytes.len() && is_operator_byte(p.bytes[p.at]) {
                p.at += 1;
            }
            // ASCII only, so always UTF-8.
            let operator = std::str::from_utf8(&p.bytes[start..p.at]).ok()?;
            let mut operands = std::mem::take(&mut operands);
            // A vector grown one push at a time holds room for four operands (480 bytes)
            // when most operations have one or two: kept as long as the page is, that
            // slack tripled what a page of short strings held.
            operands.shrink_to_fit();
            operations.push(Operation {
                operator: operator.to_string(),
                operands,
            });
        } else {
            operands.push(p.object(0, false)?);
        }
        p.skip_content_space();
    }
}

fn is_operator_byte(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'*' || c == b'\'' || c == b'"'
}

/// lopdf's `is_whitespace`, allowed inside arrays and dictionaries.
fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

/// lopdf's regular characters (neither whitespace nor a delimiter), which make up a
/// name.
fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !b"()<>[]{}/%".contains(&c)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Between operands and operations lopdf allows only these four bytes.
    fn skip_content_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }

    /// Inside arrays and dictionaries lopdf allows every whitespace byte and comments;
    /// a comment is left to lopdf.
    fn skip_space(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'%' {
                return None;
            }
            if !is_whitespace(c) {
                break;
            }
            self.at += 1;
        }
        Some(())
    }

    /// One object. `inside` is true within an array or dictionary, where lopdf reads
    /// `a b R` as a reference (left to it here).
    fn object(&mut self, depth: usize, inside: bool) -> Option<Object> {
        match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                if inside && self.reference_ahead() {
                    return None;
                }
                self.number()
            }
            b'/' => self.name().map(Object::Name),
            b'(' => {
                self.at += 1;
                let mut out = Vec::new();
                self.literal_string(&mut out, 0)?;
                Some(Object::String(out, StringFormat::Literal))
            }
            b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                if depth >= MAX_DEPTH {
                    return None;
                }
                self.dictionary(depth + 1).map(Object::Dictionary)
            }
            b'<' => self.hex_string(),
            b'[' => {
                if depth >= MAX_DEPTH {
                    return None;
                }
                self.array(depth + 1).map(Object::Array)
            }
            _ => None,
        }
    }

    /// Whether `digits space digits space R` starts here, which lopdf reads as a
    /// reference inside arrays and dictionaries.
    fn reference_ahead(&self) -> bool {
        let b = self.bytes;
        let mut i = self.at;
        let digits = |mut i: usize| {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            (i > start).then_some(i)
        };
        let space = |mut i: usize| {
            while i < b.len() && (is_whitespace(b[i]) || b[i] == b'%') {
                i += 1;
            }
            i
        };
        let Some(end) = digits(i) else { return false };
        i = space(end);
        let Some(end) = digits(i) else { return false };
        i = space(end);
        b.get(i) == Some(&b'R')
    }

    /// lopdf's `real` (`[+-]` then `d+.d*` or `.d+`, as `f32`), else its `integer`
    /// (`[+-]d+`, as `i64`); anything else, or a value that does not parse, goes to it.
    fn number(&mut self) -> Option<Object> {
        let b = self.bytes;
        let start = self.at;
        let mut i = start;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let int_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let int_digits = i - int_start;
        if b.get(i) == Some(&b'.') {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let frac_digits = j - i - 1;
            if int_digits > 0 || frac_digits > 0 {
                let text = std::str::from_utf8(&b[start..j]).ok()?;
                let value: f32 = text.parse().ok()?;
                self.at = j;
                return Some(Object::Real(value));
            }
            return None;
        }
        if int_digits == 0 {
            return None;
        }
        let text = std::str::from_utf8(&b[start..i]).ok()?;
        let value: i64 = text.parse().ok()?;
        self.at = i;
        Some(Object::Integer(value))
    }

    /// A name without `#` escapes (with one, lopdf reads it).
    fn name(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let start = self.at;
        while let Some(c) = self.peek() {
            if c == b'#' {
                return None;
            }
            if !is_regular(c) {
                break;
            }
            self.at += 1;
        }
        Some(self.bytes[start..self.at].to_vec())
    }

    /// The inside of a literal string, after its `(`, through its `)`: lopdf's escapes
    /// (octal, `\n` `\r` `\t` `\b` `\f`, a backslash before an end of line dropping both,
    /// any other byte as itself), ends of line and balanced parentheses kept as they are.
    fn literal_string(&mut self, out: &mut Vec<u8>, nesting: usize) -> Option<()> {
        let b = self.bytes;
        loop {
            let c = *b.get(self.at)?;
            self.at += 1;
            match c {
                b')' => return Some(()),
                b'(' => {
                    if nesting + 1 >= MAX_PARENS {
                        return None;
                    }
                    out.push(b'(');
                    self.literal_string(out, nesting + 1)?;
                    out.push(b')');
                }
                b'\\' => {
                    let e = *b.get(self.at)?;
                    match e {
                        b'0'..=b'7' => {
                            let mut value = 0u16;
                            let mut n = 0;
                            while n < 3 && matches!(b.get(self.at), Some(b'0'..=b'7')) {
                                value = value * 8 + u16::from(b[self.at] - b'0');
                                self.at += 1;
                                n += 1;
                            }
                            out.push(value as u8);
                        }
                        b'\r' => {
                            self.at += 1;
                            if b.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => self.at += 1,
                        _ => {
                            self.at += 1;
                            out.push(match e {
                                b'n' => b'\n',
                                b'r' => b'\r',
                                b't' => b'\t',
                                b'b' => b'\x08',
                                b'f' => b'\x0C',
                                other => other,
                            });
                        }
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// A hex string: digits with any whitespace between them, an odd last digit as the
    /// high half of a byte.
    fn hex_string(&mut self) -> Option<Object> {
        self.at += 1;
        let mut out = Vec::new();
        let mut high = true;
        loop {
            while matches!(self.peek(), Some(c) if is_whitespace(c)) {
                self.at += 1;
            }
            let c = self.peek()?;
            self.at += 1;
            if c == b'>' {
                return Some(Object::String(out, StringFormat::Hexadecimal));
            }
            let digit = (c as char).to_digit(16)? as u8;
            if high {
                out.push(digit << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= digit;
            }
            high = !high;
        }
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Object>> {
        self.at += 1;
        self.skip_space()?;
        let mut items = Vec::new();
        loop {
            if self.peek()? == b']' {
                self.at += 1;
                items.shrink_to_fit();
                return Some(items);
            }
            items.push(self.object(depth, true)?);
            self.skip_space()?;
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        self.at += 2;
        self.skip_space()?;
        let mut dict = Dictionary::new();
        loop {
            match self.peek()? {
                b'>' if self.bytes.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Some(dict);
                }
                b'/' => {
                    let key = self.name()?;
                    self.skip_space()?;
                    let value = self.object(depth, true)?;
                    self.skip_space()?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::content::Content;

    fn lopdf(content: &[u8]) -> Option<Vec<Operation>> {
        Content::decode(content).ok().map(|c| c.operations)
    }

    fn same(content: &[u8]) {
        if let Some(ours) = parse(content) {
            let theirs = lopdf(content);
            assert_eq!(
                Some(format!("{ours:?}")),
                theirs.map(|t| format!("{t:?}")),
                "on {:?}",
                String::from_utf8_lossy(content)
            );
        }
    }

    #[test]
    fn reads_the_usual_syntax_as_lopdf_does() {
        let cases: &[&[u8]] = &[
            b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm (Hello) Tj ET",
            b"q 1 0 0 1 0 0 cm BT/F2 9.5 Tf[(A)-120(B\\(c\\))5.(d)]TJ ET Q",
            b"BT <48656C6C6F> Tj <4 8 65 6> Tj <> Tj ET",
            b"(a\\101\\7\\1234\\n\\r\\t\\b\\f\\x\\\\) Tj (nested (parens) ok) Tj",
            b"(line\\\nbreak\\\r\ncr\\\rlf) Tj (raw\r\nend) Tj",
            b"/P <</MCID 3 /Lang (fr) /A [1 2.5 /N] /D <</E -.5>>>> BDC EMC",
            b"-5 +6 .5 -.25 5. +.0 0.000 1.5.3 12/F1 Tf",
            b"1 2 3 4 re f* 0 0 1 rg 0.5 g T* (x) ' 1 2 (y) \" ",
            b"[(a)1 0 R] TJ",
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID x EI",
            b"% comment\n1 0 0 1 0 0 cm",
            b"BT /F#20a 12 Tf ET",
            b"null Tj true Tj",
            b"1 2 3",
            b"1 2 \x0C 3 m",
            b"99999999999999999999999 Tz",
            b"(unterminated Tj",
            b"<4g> Tj",
            b"[1 [2 [3 [4 [5 [6]]]]]] TJ",
            b"/A <</K /V /K 2>> BDC",
            b"\xff\xfe garbage",
            b"",
            b"   \n",
        ];
        for case in cases {
            same(case);
        }
        assert!(parse(cases[0]).is_some());
        assert!(parse(cases[6]).is_some());
    }

    /// Random streams from the pieces content is made of, a few thousand of them:
    /// wherever this parser answers, lopdf answers the same.
    #[test]
    fn agrees_with_lopdf_on_random_streams() {
        let pieces: &[&[u8]] = &[
            b" ", b"\n", b"\r", b"\t", b"\x0C", b"\0", b"%c\n", b"1", b"0", b"-", b"+", b".", b"5",
            b"R", b"/", b"/F1", b"#2", b"(", b")", b"\\", b"\\0", b"\\n", b"\\\n", b"<", b">",
            b"<<", b">>", b"[", b"]", b"a", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"BI", b"ID", b"EI",
            b"null", b"true", b"*", b"'", b"\"", b"e", b"g", b"{", b"\xe9",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut answered = 0;
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let mut content = Vec::new();
            for _ in 0..len {
                content.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
            }
            if parse(&content).is_some() {
                answered += 1;
            }
            same(&content);
        }
        assert!(answered > 1_000, "only {answered} streams answered");
    }

    /// Every stream of every fixture PDF (page contents, forms, but also fonts and
    /// images, which mostly go to lopdf): wherever this parser answers, lopdf answers
    /// the same; and it answers for the page contents of the bills, or it saves nothing.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn matches_lopdf_on_every_fixture_stream() {
        use pdf_extract::Document;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let (mut streams, mut answered, mut bill_pages, mut bill_pages_answered) = (0, 0, 0, 0);
        for folder in ["bills", "pdf", "bad", "fuzz", "bank/bills"] {
            let Ok(dir) = std::fs::read_dir(root.join(folder)) else {
                continue;
            };
            for entry in dir.filter_map(Result::ok) {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "pdf") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap_or_default();
                // What lopdf must not load (xref bombs...) the reader refuses first.
                let limits = super::super::Limits::default();
                let mut budget = limits.max_decompressed_bytes;
                if super::super::guard::prescan(&bytes, &limits, &mut budget).is_err() {
                    continue;
                }
                let Ok(doc) = Document::load_mem(&bytes) else {
                    continue;
                };
                let contents: Vec<_> = doc
                    .get_pages()
                    .values()
                    .flat_map(|&page| doc.get_page_contents(page))
                    .collect();
                for (id, object) in &doc.objects {
                    let Ok(stream) = object.as_stream() else {
                        continue;
                    };
                    let data = stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone());
                    streams += 1;
                    let ours = parse(&data);
                    if ours.is_some() {
                        answered += 1;
                    }
                    if folder == "bills" && contents.contains(id) {
                        bill_pages += 1;
                        bill_pages_answered += usize::from(ours.is_some());
                    }
                    same(&data);
                }
            }
        }
        eprintln!("{answered} of {streams} streams answered; {bill_pages_answered} of {bill_pages} bill pages");
        assert!(streams > 100, "only {streams} streams");
        assert!(answered > 0);
        assert_eq!(bill_pages_answered, bill_pages, "bill pages left to lopdf");
    }
}
