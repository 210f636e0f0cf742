//! Crafted PDFs that are small on disk and huge once read, written byte by byte (no PDF
//! library, so that the files say exactly what they hold): forms nested and drawn many
//! times over one huge string or many small ones, and a page of one huge string, of
//! many small ones, or of one operation with millions of operands. Each stream is Flate-compressed, so a few KB inflate to megabytes.
//!
//! The same files are committed in `tests/fixtures/crafted/` (seeds for the fuzzer's
//! `read` corpus, see `tests/fixtures/fuzz/README.md`); `tests/memory_peak.rs` checks that
//! they are this generator's output, and rewrites them with `CONTESTEL_WRITE_CRAFTED=1`.

#![allow(dead_code)]

use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;

/// One crafted file: its name in `tests/fixtures/crafted/` and its bytes.
pub struct Crafted {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The file: seven nested forms, each drawn ten times by the one above it (and the
/// first ten times by the page), the last showing one string of 1 MiB: ten million draws.
pub fn nested_forms_huge_string() -> Vec<u8> {
    nested_forms(7, 10, &text(&[&[b'A'; 1 << 20]]))
}

/// The same nesting over a form showing 65 536 strings of one letter: the copies are many
/// small operations rather than one big operand.
pub fn nested_forms_many_strings() -> Vec<u8> {
    let strings = vec![b"A".as_slice(); 1 << 16];
    nested_forms(7, 10, &text(&strings))
}

/// A page showing one string just under the content limit (4 MiB).
pub fn page_huge_string() -> Vec<u8> {
    nested_forms(0, 1, &text(&[&vec![b'A'; (4 << 20) - 64]]))
}

/// A page of small strings up to the content limit: some 700 000 operations.
pub fn page_many_strings() -> Vec<u8> {
    let strings = vec![b"A".as_slice(); ((4 << 20) - 64) / 6];
    nested_forms(0, 1, &text(&strings))
}

/// A page of one `TJ` whose array holds two million numbers, up to the content limit: the
/// most objects the content parser can be made to build from one stream.
pub fn page_many_operands() -> Vec<u8> {
    let mut content = b"BT /F1 10 Tf 50 700 Td\n[".to_vec();
    content.extend_from_slice(&b"0 ".repeat(((4 << 20) - 64) / 2));
    content.extend_from_slice(b"] TJ\nET\n");
    nested_forms(0, 1, &content)
}

/// Every crafted file, by name.
pub fn all() -> Vec<Crafted> {
    vec![
        Crafted {
            name: "nested-forms-huge-string.pdf",
            bytes: nested_forms_huge_string(),
        },
        Crafted {
            name: "nested-forms-many-strings.pdf",
            bytes: nested_forms_many_strings(),
        },
        Crafted {
            name: "page-huge-string.pdf",
            bytes: page_huge_string(),
        },
        Crafted {
            name: "page-many-strings.pdf",
            bytes: page_many_strings(),
        },
        Crafted {
            name: "page-many-operands.pdf",
            bytes: page_many_operands(),
        },
    ]
}

/// A text object showing each string with `Tj` (`(A)Tj` and a space: six bytes each).
pub fn text(strings: &[&[u8]]) -> Vec<u8> {
    let mut out = b"BT /F1 10 Tf 50 700 Td\n".to_vec();
    for s in strings {
        out.push(b'(');
        out.extend_from_slice(s);
        out.extend_from_slice(b")Tj ");
    }
    out.extend_from_slice(b"\nET\n");
    out
}

/// A one-page PDF whose page draws form `X1` `draws` times, form `Xk` draws `Xk+1` `draws`
/// times, and the last of `depth` forms has `leaf` as its content. With `depth` 0 the
/// page's content is `leaf` itself.
pub fn nested_forms(depth: usize, draws: usize, leaf: &[u8]) -> Vec<u8> {
    // 1 catalog, 2 pages, 3 page, 4 font, 5 page content, 6.. the forms X1..Xdepth.
    let form_id = |k: usize| 5 + k;
    let draw = |k: usize| format!("/X{k} Do\n").repeat(draws).into_bytes();
    let resources = |next: Option<usize>| match next {
        Some(k) => format!(
            "<< /Font << /F1 4 0 R >> /XObject << /X{k} {} 0 R >> >>",
            form_id(k)
        ),
        None => "<< /Font << /F1 4 0 R >> >>".to_string(),
    };
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources {} >>",
            resources((depth > 0).then_some(1))
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    objects.push(if depth > 0 {
        stream("", &draw(1))
    } else {
        stream("", leaf)
    });
    for k in 1..=depth {
        let last = k == depth;
        let dict = format!(
            "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {}",
            resources((!last).then_some(k + 1))
        );
        objects.push(if last {
            stream(&dict, leaf)
        } else {
            stream(&dict, &draw(k + 1))
        });
    }
    write_pdf(&objects)
}

/// A stream object: `dict` entries, then `data` Flate-compressed.
fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
    z.write_all(data).unwrap_or_else(|e| panic!("deflate: {e}"));
    let data = z.finish().unwrap_or_else(|e| panic!("deflate: {e}"));
    let mut out = format!(
        "<< {dict} /Length {} /Filter /FlateDecode >>\nstream\n",
        data.len()
    )
    .into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// The objects numbered from 1, a cross-reference table and a trailer rooted at object 1.
fn write_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
