//! The PDF layer on real files: the fixture bills read into the expected rows, and every
//! bad input gives its error kind, quickly.
//!
//! "Quickly" is a count, not a clock: the work a read did (`pdf::Work`: bytes inflated,
//! operations parsed, glyphs drawn, whether lopdf loaded the file) stays in proportion
//! to the file, or within the limits for a file refused as too complex. A count is the
//! same on a loaded machine and says which step went too far; reading times are measured
//! by `make bench` and `examples/read_times.rs`.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod crafted;

use contestel::core::error::ReadErrorKind;
use contestel::core::layout::{TextPage, TextRow};
use contestel::core::pdf::{extract, extract_measured, Limits, Work};
use contestel::core::reader::{read_contained, read_measured};

/// Units of work (bytes inflated, operations, glyphs) a read may take per byte of the
/// file. The fixtures take at most about 3 (a short bill whose content is compressed);
/// a form drawn over and over, or a stream read twice, would go far past it.
const WORK_PER_BYTE: usize = 16;

/// Whether `work` is in proportion to a file of `len` bytes (with a floor for tiny files).
fn proportionate(work: &Work, len: usize) -> bool {
    work.inflated_bytes + work.operations + work.glyphs <= WORK_PER_BYTE * len.max(4096)
}

/// Whether `work` stayed within the default limits: each of the two inflating steps (the
/// pre-scan and the reading of the loaded document) within its budget.
fn within_limits(work: &Work) -> bool {
    let limits = Limits::default();
    work.inflated_bytes <= 2 * limits.max_decompressed_bytes
        && work.operations <= limits.max_operations
        && work.operation_bytes <= limits.max_operation_bytes
        && work.glyphs <= limits.max_glyphs
}

fn rows_text(pages: &[TextPage]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| {
            p.rows
                .iter()
                .map(move |r| format!("p{} {}", p.number, r.text()))
        })
        .collect()
}

fn find_row<'a>(pages: &'a [TextPage], page: u32, starts: &str) -> &'a TextRow {
    pages
        .iter()
        .filter(|p| p.number == page)
        .flat_map(|p| p.rows.iter())
        .find(|r| r.cells.first().is_some_and(|c| c.text.starts_with(starts)))
        .unwrap_or_else(|| {
            panic!(
                "no row starting {starts:?} on page {page}: {:#?}",
                rows_text(pages)
            )
        })
}

fn cells(row: &TextRow) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

macro_rules! bill {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("fixtures/bills/", $name, ".pdf")).as_slice(),
        )
    };
}

const BILLS: &[(&str, &[u8])] = &[
    bill!("bouygues-mobile-2026-10"),
    bill!("byou-mobile-2026-10"),
    bill!("free-box-2026-10"),
    bill!("free-box-legacy-2026-09"),
    bill!("free-mobile-2026-10"),
    bill!("red-mobile-2026-10"),
    bill!("sample-orange-mobile"),
    bill!("sfr-mobile-2026-08"),
    bill!("sfr-mobile-2026-09"),
    bill!("sfr-mobile-2026-10"),
    bill!("sosh-two-lines-2026-10"),
    bill!("unknown-operator-2026-11"),
];

#[test]
fn every_fixture_bill_reads_with_text_on_every_page() {
    for (name, bytes) in BILLS {
        let (reading, work) = read_measured(bytes, name);
        let pages = reading.unwrap_or_else(|e| panic!("{name}: {e:?}")).pages;
        assert!(proportionate(&work, bytes.len()), "{name}: {work:?}");
        assert!(!pages.is_empty(), "{name}");
        for p in &pages {
            assert!(!p.rows.is_empty(), "{name} page {} has no rows", p.number);
            assert!(p.width > 100.0 && p.height > 100.0, "{name} page size");
            let ys: Vec<f32> = p.rows.iter().map(|r| r.y).collect();
            assert!(
                ys.windows(2).all(|w| w[0] < w[1]),
                "{name} rows top to bottom"
            );
        }
    }
}

macro_rules! bad {
    ($name:literal, $kind:expr) => {
        (
            $name,
            include_bytes!(concat!("fixtures/bad/", $name)).as_slice(),
            $kind,
        )
    };
}

#[test]
fn every_bad_input_gives_its_error_quickly() {
    use ReadErrorKind::*;
    let cases: &[(&str, &[u8], ReadErrorKind)] = &[
        bad!("not-a-pdf.pdf", NotPdf),
        bad!("word-document.pdf", NotPdf),
        bad!("empty.pdf", Empty),
        bad!("truncated.pdf", Corrupt),
        bad!("corrupt-xref.pdf", Corrupt),
        bad!("user-password.pdf", PasswordProtected),
        bad!("scanned.pdf", NoText),
        bad!("bomb.pdf", TooComplex),
        bad!("deep-nesting.pdf", TooComplex),
        bad!("deep-nesting-content.pdf", TooComplex),
        bad!("pages-loop.pdf", Corrupt),
        bad!("huge-xref-w.pdf", TooComplex),
    ];
    let mut failures = Vec::new();
    for (name, bytes, want) in cases {
        let (got, work) = read_measured(bytes, name);
        let got = got.map(|_| ()).map_err(|e| e.kind);
        // What is refused as too complex may have spent a budget (the bomb inflates up to
        // it); anything else must have been cheap.
        let cheap = proportionate(&work, bytes.len()) || *want == TooComplex;
        if got.as_ref().err() != Some(want) || !cheap || !within_limits(&work) {
            failures.push(format!("{name}: got {got:?} after {work:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn read_bill(name: &str) -> Vec<TextPage> {
    let (_, bytes) = BILLS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    read_contained(bytes, name)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        .pages
}

#[test]
fn labels_and_their_amounts_share_a_row_as_separate_cells() {
    // (bill, page, row starts with, the row's cells)
    let cases: &[(&str, u32, &str, &[&str])] = &[
        (
            "free-box-2026-10",
            2,
            "Freebox Pop du 1er",
            &[
                "Freebox Pop du 1er au 31 Octobre 2026",
                "33.33",
                "6.66",
                "39.99",
            ],
        ),
        (
            "free-box-2026-10",
            2,
            "Remise Freebox",
            &["Remise Freebox Pop 1ère année", "-8.33", "-1.67", "-10.00"],
        ),
        (
            "free-box-2026-10",
            2,
            "Montant EUR HT",
            &["Montant EUR HT", "Montant TVA", "Montant EUR TTC"],
        ),
        // Columns placed by TJ offsets inside one text run, no space characters.
        (
            "free-box-legacy-2026-09",
            2,
            "Freebox Révolution",
            &[
                "Freebox Révolution du 1er au 30 Septembre 2026",
                "37.49",
                "7.50",
                "44.99",
            ],
        ),
        (
            "sosh-two-lines-2026-10",
            1,
            "Remises",
            &["Remises", "-2,00\u{202f}€"],
        ),
        (
            "sample-orange-mobile",
            2,
            "Option Sécurité Mobile",
            &["Option Sécurité Mobile du 01/10 au 31/10", "3,00 €"],
        ),
        (
            "bouygues-mobile-2026-10",
            1,
            "Total de votre facture",
            &["Total de votre facture", "1\u{202f}116,42 €"],
        ),
        (
            "red-mobile-2026-10",
            1,
            "Internet mobile depuis la Suisse",
            &["Internet mobile depuis la Suisse (hors UE)", "1 029,00€"],
        ),
        (
            "red-mobile-2026-10",
            1,
            "Geste commercial",
            &["Geste commercial fidélité", "-5,00€"],
        ),
    ];
    for (bill, page, starts, want) in cases {
        let pages = read_bill(bill);
        let row = find_row(&pages, *page, starts);
        assert_eq!(cells(row), *want, "{bill} p{page} {starts:?}");
        // The amount is the right-most cell, right-aligned near the page's right margin.
        let last = row.cells.last().map(|c| c.x_end).unwrap_or_default();
        assert!(last > 500.0, "{bill}: {starts:?} ends at {last}");
    }
}

#[test]
fn a_value_drawn_over_the_next_column_stays_apart_from_it() {
    let pages = read_bill("free-box-legacy-2026-09");
    let row = find_row(&pages, 1, "Période");
    assert_eq!(
        cells(row),
        vec![
            "Période :",
            "du 1er septembre 2026 au 30 septembre 2026",
            "75011 Paris"
        ]
    );
}

#[test]
fn owner_password_only_bill_opens_like_any_other() {
    let pages = read_bill("free-mobile-2026-10");
    assert!(rows_text(&pages).iter().any(|r| r.contains("Free Mobile")));
}

macro_rules! own {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("fixtures/pdf/", $name)).as_slice(),
        )
    };
}

#[test]
fn owner_password_only_and_object_stream_files_read_like_the_plain_one() {
    let plain = read_bill("free-box-2026-10");
    for (name, bytes) in [
        own!("objstm.pdf"),
        own!("owner-rc4-40.pdf"),
        own!("owner-rc4-128.pdf"),
        own!("owner-aes-128.pdf"),
        own!("owner-aes-256.pdf"),
        own!("owner-aes-256-objstm.pdf"),
    ] {
        let pages = read_contained(bytes, name)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
            .pages;
        assert_eq!(rows_text(&pages), rows_text(&plain), "{name}");
    }
}

#[test]
fn user_password_files_say_so() {
    for (name, bytes) in [own!("user-rc4-40.pdf"), own!("user-aes-256.pdf")] {
        let (got, work) = read_measured(bytes, name);
        let err = got.map(|_| ()).unwrap_err();
        assert_eq!(err.kind, ReadErrorKind::PasswordProtected, "{name}");
        // Said at load: not a page parsed, not a glyph drawn.
        assert_eq!((work.operations, work.glyphs), (0, 0), "{name}: {work:?}");
    }
}

/// A one-page PDF made with lopdf's writer: Helvetica as `/F1`, the given content
/// stream, and `extra` objects (forms) reachable from the page's `/XObject` by name.
fn make_pdf(content: &str, forms: &[(&str, &str, bool)]) -> Vec<u8> {
    make_pdf_on(
        content,
        forms,
        pdf_extract::Object::Integer(595),
        pdf_extract::Object::Integer(842),
    )
}

/// [`make_pdf`] on a media box of the given width and height.
fn make_pdf_on(
    content: &str,
    forms: &[(&str, &str, bool)],
    width: pdf_extract::Object,
    height: pdf_extract::Object,
) -> Vec<u8> {
    use pdf_extract::{Dictionary, Document, Object, Stream};
    let name = |s: &str| Object::Name(s.as_bytes().to_vec());
    let mut doc = Document::with_version("1.5");
    let mut font = Dictionary::new();
    font.set("Type", name("Font"));
    font.set("Subtype", name("Type1"));
    font.set("BaseFont", name("Helvetica"));
    font.set("Encoding", name("WinAnsiEncoding"));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut xobjects = Dictionary::new();
    let mut form_ids = Vec::new();
    for (form_name, _, _) in forms {
        let id = doc.new_object_id();
        xobjects.set(form_name.as_bytes().to_vec(), Object::Reference(id));
        form_ids.push(id);
    }
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    resources.set("XObject", Object::Dictionary(xobjects));
    let resources_id = doc.add_object(resources);
    for ((_, body, own_resources), id) in forms.iter().zip(&form_ids) {
        let mut dict = Dictionary::new();
        dict.set("Type", name("XObject"));
        dict.set("Subtype", name("Form"));
        dict.set("BBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
        if *own_resources {
            dict.set("Resources", Object::Reference(resources_id));
        }
        doc.objects.insert(
            *id,
            Object::Stream(Stream::new(dict, body.as_bytes().to_vec())),
        );
    }
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
    let pages_id = doc.new_object_id();
    let mut page = Dictionary::new();
    page.set("Type", name("Page"));
    page.set("Parent", Object::Reference(pages_id));
    page.set("Contents", Object::Reference(content_id));
    page.set("Resources", Object::Reference(resources_id));
    let page_id = doc.add_object(page);
    let mut pages = Dictionary::new();
    pages.set("Type", name("Pages"));
    pages.set("Kids", vec![Object::Reference(page_id)]);
    pages.set("Count", 1);
    pages.set("MediaBox", vec![0.into(), 0.into(), width, height]);
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", name("Catalog"));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .unwrap_or_else(|e| panic!("save: {e}"));
    out
}

fn page_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let pages = extract(bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e:?}"));
    pages[0]
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
        .collect()
}

#[test]
fn drawing_order_does_not_change_the_rows() {
    let in_order = "BT /F1 10 Tf 50 700 Td (Forfait mobile) Tj ET \
                    BT /F1 10 Tf 500 700 Td (19,99) Tj ET \
                    BT /F1 10 Tf 50 686 Td (Option S\\351curit\\351) Tj ET \
                    BT /F1 10 Tf 505 686 Td (3,00) Tj ET";
    let labels_first = "BT /F1 10 Tf 50 686 Td (Option S\\351curit\\351) Tj ET \
                        BT /F1 10 Tf 50 700 Td (Forfait mobile) Tj ET \
                        BT /F1 10 Tf 505 686 Td (3,00) Tj ET \
                        BT /F1 10 Tf 500 700 Td (19,99) Tj ET";
    // The same, with the amounts column drawn from a form and positioned by Tm and TJ.
    let from_form = "BT /F1 10 Tf 50 700 Td (Forfait mobile) Tj 0 -14 Td (Option S\\351curit\\351) Tj ET /Amounts Do";
    let amounts =
        "BT /F1 10 Tf 1 0 0 1 500 700 Tm [(19,)-10(99)] TJ 1 0 0 1 505 686 Tm (3,00) Tj ET";
    let want = vec![
        vec!["Forfait mobile".to_string(), "19,99".to_string()],
        vec!["Option Sécurité".to_string(), "3,00".to_string()],
    ];
    assert_eq!(page_rows(&make_pdf(in_order, &[])), want);
    assert_eq!(page_rows(&make_pdf(labels_first, &[])), want);
    assert_eq!(
        page_rows(&make_pdf(from_form, &[("Amounts", amounts, true)])),
        want
    );
}

#[test]
fn text_shown_with_quote_operators_is_kept() {
    let content = "BT /F1 10 Tf 14 TL 50 700 Td (Total) Tj (Remise) ' 0 0 (Solde) \" ET";
    assert_eq!(
        page_rows(&make_pdf(content, &[])),
        vec![vec!["Total"], vec!["Remise"], vec!["Solde"]]
    );
}

#[test]
fn crafted_content_is_refused_or_skipped_not_crashed() {
    // (what, content, forms, expected outcome: Ok(first row) or the error kind)
    type Case = (
        &'static str,
        &'static str,
        Vec<(&'static str, &'static str, bool)>,
        Result<&'static str, ReadErrorKind>,
    );
    let cases: Vec<Case> = vec![
        (
            "a form drawing itself",
            "BT /F1 10 Tf 50 700 Td (Haut) Tj ET /Loop Do",
            vec![("Loop", "BT /F1 10 Tf 50 600 Td (Bas) Tj ET /Loop Do", true)],
            Ok("Haut"),
        ),
        (
            "two forms drawing each other",
            "/A Do",
            vec![
                ("A", "BT /F1 10 Tf 50 700 Td (A) Tj ET /B Do", true),
                ("B", "BT /F1 10 Tf 50 600 Td (B) Tj ET /A Do", true),
            ],
            Ok("A"),
        ),
        (
            "operators with missing or wrong operands",
            "BT /F1 10 Tf 1 2 cm Tm Td 50 700 Td () TJ 5 Tj /F1 Tf (ok) Tj ET",
            vec![],
            Ok("ok"),
        ),
        (
            "text shown before any font",
            "BT 50 700 Td (sans police) Tj ET BT /F1 10 Tf 50 650 Td (avec) Tj ET",
            vec![],
            Ok("avec"),
        ),
        (
            "an unknown font and an unknown form",
            "BT /F9 10 Tf 50 700 Td (x) Tj ET /Nope Do BT /F1 10 Tf 50 650 Td (y) Tj ET",
            vec![],
            Ok("y"),
        ),
        (
            "colour spaces that are not there",
            "/Missing cs 1 0 0 scn /P0 CS 0.5 SC BT /F1 10 Tf 50 700 Td (z) Tj ET",
            vec![],
            Ok("z"),
        ),
        (
            "deeply nested arrays in content",
            "BT /F1 10 Tf [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ET",
            vec![],
            Err(ReadErrorKind::TooComplex),
        ),
        (
            "no text at all",
            "0 0 m 100 100 l S",
            vec![],
            Err(ReadErrorKind::NoText),
        ),
    ];
    for (what, content, forms, want) in cases {
        let bytes = make_pdf(content, &forms);
        let (got, work) = read_measured(&bytes, what);
        let got = got.map(|r| {
            r.pages[0]
                .rows
                .first()
                .map(|row| row.text())
                .unwrap_or_default()
        });
        assert!(proportionate(&work, bytes.len()), "{what}: {work:?}");
        assert_eq!(got.as_deref().map_err(|e| e.kind.clone()), want, "{what}");
    }
}

macro_rules! found {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("fixtures/fuzz/", $name)).as_slice(),
        )
    };
}

/// Inputs the fuzzer made pdf-extract panic on (see `tests/fixtures/fuzz/README.md`): each
/// must now give a result or a typed error without panicking, quickly.
#[test]
fn fuzz_findings_no_longer_panic() {
    let cases = [
        found!("cmap-unparsable.pdf"),
        found!("cmap-bfchar-short.pdf"),
        found!("cmap-bfrange-short.pdf"),
        found!("cmap-parse-error.pdf"),
        found!("tounicode-not-stream.pdf"),
        found!("widths-wrong-type.pdf"),
        found!("widths-count-mismatch.pdf"),
        found!("font-name-missing.pdf"),
        found!("encoding-unknown.pdf"),
        found!("cmap-odd-code.pdf"),
        found!("cid-descendant-inline.pdf"),
        found!("name-utf16-mark.pdf"),
        found!("font-is-a-page.pdf"),
    ];
    for (name, bytes) in cases {
        let (got, work) = read_measured(bytes, name);
        assert!(proportionate(&work, bytes.len()), "{name}: {work:?}");
        assert_ne!(
            got.as_ref().err().map(|e| &e.kind),
            Some(&ReadErrorKind::Crashed),
            "{name}"
        );
    }
}

#[test]
fn a_rotated_page_reads_as_displayed() {
    use pdf_extract::{Document, Object};
    // Landscape call details: the page is shown turned 90° clockwise and its text is
    // drawn going up the unturned page.
    let content = "BT /F1 10 Tf 0 1 -1 0 100 50 Tm (Total) Tj 0 1 -1 0 100 400 Tm (12,00) Tj \
                   0 1 -1 0 114 50 Tm (Suite) Tj ET";
    let mut doc = Document::load_mem(&make_pdf(content, &[])).unwrap_or_else(|e| panic!("{e}"));
    let page_id = doc.page_iter().next().unwrap_or_else(|| panic!("no page"));
    if let Ok(Object::Dictionary(page)) = doc.get_object_mut(page_id) {
        page.set("Rotate", 90);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
    let pages = extract(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((pages[0].width, pages[0].height), (842.0, 595.0));
    assert_eq!(
        page_rows(&bytes),
        vec![vec!["Total", "12,00"], vec!["Suite"]]
    );
}

/// `bytes` with the first page's content stream replaced by `data` under `filters`.
fn with_content(bytes: &[u8], filters: &[&str], data: Vec<u8>) -> Vec<u8> {
    use pdf_extract::{Document, Object};
    let mut doc = Document::load_mem(bytes).unwrap_or_else(|e| panic!("{e}"));
    let page_id = doc.page_iter().next().unwrap_or_else(|| panic!("no page"));
    let content_id = match doc.get_object(page_id) {
        Ok(Object::Dictionary(page)) => page
            .get(b"Contents")
            .and_then(Object::as_reference)
            .unwrap_or_else(|e| panic!("{e}")),
        _ => panic!("no page dictionary"),
    };
    if let Ok(Object::Stream(stream)) = doc.get_object_mut(content_id) {
        let names = filters
            .iter()
            .map(|f| Object::Name(f.as_bytes().to_vec()))
            .collect::<Vec<_>>();
        stream.dict.set("Filter", Object::Array(names));
        stream.set_content(data);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
    out
}

/// A page of call details written in ASCII85 or ASCIIHex, 50 kB and more: ordinary
/// encodings of a long page, read like a compressed one (they were refused as too
/// complex past about 11.5 kB).
#[test]
fn a_long_page_in_a_text_encoding_reads() {
    // Each row drawn glyph by glyph, as some producers do: long streams for little text.
    let content: String = (0..80)
        .map(|i| {
            let number: String = format!("0{} 12 34 56 78", i % 10)
                .chars()
                .enumerate()
                .map(|(k, c)| format!("1 0 0 1 {} {} Tm ({c}) Tj ", 40 + 5 * k, 820 - 10 * i))
                .collect();
            format!(
                "BT /F1 8 Tf {number}1 0 0 1 400 {} Tm (0,00) Tj ET\n",
                820 - 10 * i
            )
        })
        .collect();
    assert!(content.len() > 30_000, "{}", content.len());
    let plain = make_pdf(&content, &[]);
    let want = page_rows(&plain);
    assert_eq!(want.len(), 80);
    let a85: Vec<u8> = content
        .as_bytes()
        .chunks(4)
        .flat_map(|chunk| {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(word);
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (v % 85) as u8 + b'!';
                v /= 85;
            }
            digits[..chunk.len() + 1].to_vec()
        })
        .chain(*b"~>")
        .collect();
    let hex: Vec<u8> = content
        .bytes()
        .flat_map(|b| format!("{b:02x}").into_bytes())
        .chain(*b">")
        .collect();
    for (filters, data) in [(&["ASCII85Decode"], a85), (&["ASCIIHexDecode"], hex)] {
        let bytes = with_content(&plain, filters, data);
        assert_eq!(page_rows(&bytes), want, "{filters:?}");
    }
}

/// Letters drawn at an angle are not rows; they are kept apart as the page's slanted
/// text, where an explainer's diagonal watermark is recognised.
#[test]
fn slanted_letters_are_kept_apart_from_the_rows() {
    let content = "BT /F1 10 Tf 50 700 Td (Montant pr\\351lev\\351 le 23 avril 2021) Tj ET \
                   BT /F1 10 Tf 500 700 Td (11,49) Tj ET \
                   BT /F1 14 Tf .906 .423 -.423 .906 412 676 Tm (E) Tj ET \
                   BT /F1 14 Tf .906 .423 -.423 .906 422 681 Tm (X) Tj ET \
                   BT /F1 14 Tf .906 .423 -.423 .906 432 685 Tm (EMPLE) Tj ET";
    let pages =
        extract(&make_pdf(content, &[]), &Limits::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        page_rows(&make_pdf(content, &[])),
        vec![vec!["Montant prélevé le 23 avril 2021", "11,49"]]
    );
    assert_eq!(pages[0].slanted, "EXEMPLE");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(21 << 20, b' ');
    let (got, work) = read_measured(&big, "big.pdf");
    let err = got.map(|_| ()).unwrap_err();
    assert!(matches!(err.kind, ReadErrorKind::TooLarge { .. }));
    // Refused on its size alone: nothing scanned, inflated or loaded.
    assert_eq!(work, Work::default());
}

#[test]
fn accents_drawn_over_their_letters_are_composed() {
    let (name, bytes) = own!("accents-gs.pdf");
    let pages = read_contained(bytes, name)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .pages;
    let rows: Vec<Vec<&str>> = pages[0].rows.iter().map(cells).collect();
    assert_eq!(
        rows,
        vec![vec!["Somme prélevée", "12,00"], vec!["Échéance", "3,00"]]
    );
}

#[test]
fn every_limit_gives_too_complex_with_its_page() {
    let bytes = make_pdf(
        "BT /F1 10 Tf 50 700 Td (Forfait mobile) Tj 450 0 Td (19,99) Tj ET /X Do",
        &[("X", "BT /F1 10 Tf 50 600 Td (Option) Tj ET", true)],
    );
    let base = Limits::default();
    let cases = [
        (
            "glyphs per page",
            Limits {
                max_glyphs_per_page: 10,
                ..base.clone()
            },
            Some(1),
        ),
        (
            "glyphs",
            Limits {
                max_glyphs: 10,
                ..base.clone()
            },
            Some(1),
        ),
        (
            "operations",
            Limits {
                max_operations: 5,
                ..base.clone()
            },
            Some(1),
        ),
        (
            "operation bytes",
            Limits {
                max_operation_bytes: 2000,
                ..base.clone()
            },
            Some(1),
        ),
        (
            "content bytes",
            Limits {
                max_content_bytes: 20,
                ..base.clone()
            },
            Some(1),
        ),
        // (The budget of inflated bytes is tested on bomb.pdf: these streams are plain.)
        (
            "page tree depth",
            Limits {
                max_nesting: 0,
                ..base.clone()
            },
            None,
        ),
        (
            "pages",
            Limits {
                max_pages: 0,
                ..base.clone()
            },
            None,
        ),
    ];
    for (what, limits, page) in cases {
        let got = extract(&bytes, &limits)
            .map(|_| ())
            .map_err(|e| (e.kind, e.page));
        assert_eq!(got, Err((ReadErrorKind::TooComplex, page)), "{what}");
    }
    assert!(extract(&bytes, &base).is_ok());
}

#[test]
fn forms_drawn_over_and_over_are_refused_before_their_copies_pass_the_budget() {
    // A few KB each: seven forms each drawn ten times by the one above, over one string of
    // 1 MiB or 65 536 short ones. Each copy of a form counts again, so the reading stops
    // at the budget of bytes, long before the operation limit would have stopped it.
    let limits = Limits::default();
    for (name, bytes) in [
        ("huge string", crafted::nested_forms_huge_string()),
        ("many strings", crafted::nested_forms_many_strings()),
    ] {
        let (got, work) = extract_measured(&bytes, &limits);
        let got = got.map(|_| ()).map_err(|e| (e.kind, e.page));
        assert_eq!(got, Err((ReadErrorKind::TooComplex, Some(1))), "{name}");
        assert!(within_limits(&work), "{name}: {work:?}");
        assert!(
            work.operation_bytes > limits.max_operation_bytes / 2,
            "{name}: refused for the bytes, not something else: {work:?}"
        );
    }
    // The same nesting over a short string is drawn in full: ten million copies of it
    // would be refused, a thousand (three levels) are read.
    let bytes = crafted::nested_forms(3, 10, &crafted::text(&[b"Option"]));
    let (got, work) = extract_measured(&bytes, &limits);
    assert!(got.is_ok(), "{got:?}");
    assert_eq!(work.glyphs, 6 * 1000);
}

#[test]
fn a_form_reads_with_its_own_fonts_even_under_the_page_s_names() {
    use pdf_extract::{Dictionary, Document, Object};
    let bytes = make_pdf(
        "BT /F1 10 Tf 50 700 Td (A) Tj ET /X Do BT /F1 10 Tf 50 500 Td (A) Tj ET",
        &[("X", "BT /F1 10 Tf 50 600 Td (A) Tj ET", true)],
    );
    // Give the form a /F1 of its own, whose code 65 is "é".
    let mut doc = Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let mut encoding = Dictionary::new();
    encoding.set(
        "Differences",
        vec![Object::Integer(65), Object::Name(b"eacute".to_vec())],
    );
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Dictionary(encoding));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    for o in doc.objects.values_mut() {
        if let Object::Stream(s) = o {
            if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form") {
                s.dict
                    .set("Resources", Object::Dictionary(resources.clone()));
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page_rows(&out), vec![vec!["A"], vec!["é"], vec!["A"]]);
}

#[test]
fn a_font_written_inside_the_resources_is_used() {
    use pdf_extract::{Document, Object};
    let bytes = make_pdf("BT /F1 10 Tf 50 700 Td (Direct) Tj ET", &[]);
    let mut doc = Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{e}"));
    // Replace the reference to /F1 by the font dictionary itself.
    let font = doc
        .objects
        .values()
        .find_map(|o| o.as_dict().ok().filter(|d| d.has(b"BaseFont")).cloned())
        .unwrap_or_else(|| panic!("no font"));
    for o in doc.objects.values_mut() {
        if let Object::Dictionary(d) = o {
            if let Ok(Object::Dictionary(fonts)) = d.get_mut(b"Font") {
                fonts.set("F1", Object::Dictionary(font.clone()));
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page_rows(&out), vec![vec!["Direct"]]);
}

#[test]
fn forms_are_placed_where_the_page_puts_them() {
    // A form drawn twice, moved by the page's cm and by its own /Matrix: pdf-extract
    // alone would read both copies at the form's own coordinates.
    let bytes = make_pdf(
        "BT /F1 10 Tf 50 700 Td (Haut) Tj ET q 1 0 0 1 0 -100 cm /X Do Q /Y Do",
        &[
            (
                "X",
                "BT /F1 10 Tf 50 700 Td (Milieu) Tj 450 0 Td (1,00) Tj ET",
                true,
            ),
            ("Y", "q 1 0 0 1 0 -600 cm /X Do Q", true),
        ],
    );
    let pages = extract(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let rows: Vec<(f32, String)> = pages[0].rows.iter().map(|r| (r.y, r.text())).collect();
    assert_eq!(
        rows,
        vec![
            (142.0, "Haut".to_string()),
            (242.0, "Milieu  1,00".to_string()),
            (742.0, "Milieu  1,00".to_string()),
        ]
    );
}

#[test]
fn text_drawn_off_the_page_is_not_read() {
    let content = "BT /F1 10 Tf 50 700 Td (Visible) Tj ET \
                   BT /F1 10 Tf 50 -40 Td (Dessous 9,99) Tj ET \
                   BT /F1 10 Tf 900 700 Td (Droite 9,99) Tj ET \
                   BT /F1 10 Tf -300 650 Td (Gauche 9,99) Tj ET \
                   BT /F1 10 Tf 50 900 Td (Dessus 9,99) Tj ET";
    assert_eq!(page_rows(&make_pdf(content, &[])), vec![vec!["Visible"]]);
}

#[test]
fn streams_lopdf_would_inflate_while_loading_are_measured_first() {
    use std::io::Write;
    let stream = |dict: &str, data: &[u8]| {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend_from_slice(
            format!("1 0 obj\n<<{dict}/Length {}>>\nstream\n", data.len()).as_bytes(),
        );
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n");
        pdf
    };
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..100 {
        zlib.write_all(&zeros).unwrap_or_else(|e| panic!("{e}"));
    }
    let bomb = zlib.finish().unwrap_or_else(|e| panic!("{e}"));
    // Not zlib at all, as an encrypted stream looks before decryption.
    let noise: Vec<u8> = (0..2_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "an object stream inflating to 100 MiB",
            stream("/Type/ObjStm/N 1/First 4/Filter/FlateDecode", &bomb),
        ),
        (
            "an xref stream inflating to 100 MiB",
            stream("/Type/XRef/W[1 2 1]/Size 3/Filter/FlateDecode", &bomb),
        ),
        (
            "an encrypted object stream that could inflate past 1 GiB",
            [
                stream("/Type/ObjStm/N 1/First 4/Filter/FlateDecode", &noise),
                b"/Encrypt 9 0 R".to_vec(),
            ]
            .concat(),
        ),
        (
            "a large LZW object stream",
            stream("/Type/ObjStm/N 1/First 4/Filter/LZWDecode", &noise),
        ),
    ];
    for (what, bytes) in cases {
        let (got, work) = extract_measured(&bytes, &Limits::default());
        let got = got.map(|_| ()).map_err(|e| e.kind);
        assert_eq!(got, Err(ReadErrorKind::TooComplex), "{what}");
        // Refused by the pre-scan, within its budget, before lopdf (which has no limit)
        // loads anything.
        let budget = Limits::default().max_decompressed_bytes;
        assert!(
            !work.loaded && work.inflated_bytes <= budget,
            "{what}: {work:?}"
        );
    }
}

#[test]
fn crafted_font_dictionaries_are_cleaned_or_skipped() {
    use pdf_extract::{Dictionary, Document, Object};
    let name = |s: &str| Object::Name(s.as_bytes().to_vec());
    let names_past_255: Vec<Object> = std::iter::once(Object::Integer(250))
        .chain("a b c d e f g h".split(' ').map(name))
        .collect();
    let mut encoding = Dictionary::new();
    encoding.set("Differences", names_past_255);
    let mut surrogate = Dictionary::new();
    surrogate.set(
        "Differences",
        vec![Object::Integer(65), name("capitalcompwordmark")],
    );
    let to_unicode = pdf_extract::Stream::new(
        Dictionary::new(),
        b"1 beginbfrange <20> <7E> <0020> endbfrange".to_vec(),
    );
    // (what, the font's entries, whether its text is read)
    type Case = (&'static str, Vec<(&'static str, Object)>, bool);
    let cases: Vec<Case> = vec![
        (
            "/Differences running past code 255",
            vec![("Encoding", Object::Dictionary(encoding))],
            true,
        ),
        (
            "an unknown encoding name",
            vec![("Encoding", name("KOI8"))],
            true,
        ),
        (
            "a glyph name pdf-extract maps to a lone surrogate, with a ToUnicode",
            vec![
                ("Encoding", Object::Dictionary(surrogate)),
                ("ToUnicode", Object::Stream(to_unicode)),
            ],
            true,
        ),
        ("/ToUnicode null", vec![("ToUnicode", Object::Null)], true),
        (
            "/Widths of strings",
            vec![
                ("FirstChar", 32.into()),
                ("LastChar", 40.into()),
                ("Widths", vec![Object::string_literal("x")].into()),
            ],
            true,
        ),
        (
            "a Type 3 font whose widths leave out the codes shown",
            vec![
                ("Subtype", name("Type3")),
                ("Encoding", name("WinAnsiEncoding")),
                ("FirstChar", 32.into()),
                ("LastChar", 33.into()),
                (
                    "Widths",
                    vec![Object::Integer(500), Object::Integer(500)].into(),
                ),
            ],
            true,
        ),
        (
            "a Type 1 font with a ToUnicode and no encoding",
            vec![
                ("BaseFont", name("NotACoreFont")),
                (
                    "ToUnicode",
                    Object::Stream(pdf_extract::Stream::new(
                        Dictionary::new(),
                        b"1 beginbfchar <41> <0041> endbfchar".to_vec(),
                    )),
                ),
                ("Encoding", Object::Null),
            ],
            true,
        ),
        (
            "a Type 3 font without widths",
            vec![
                ("Subtype", name("Type3")),
                ("Encoding", name("WinAnsiEncoding")),
            ],
            false,
        ),
        (
            "a composite font without descendants",
            vec![("Subtype", name("Type0")), ("Encoding", name("Identity-H"))],
            false,
        ),
        (
            "no /Subtype: read as a simple font",
            vec![("Subtype", Object::Null)],
            true,
        ),
    ];
    for (what, entries, read) in cases {
        let bytes = make_pdf(
            "BT /F1 10 Tf 50 700 Td (Abc) Tj ET BT /F2 10 Tf 50 650 Td (Autre) Tj ET",
            &[],
        );
        let mut doc = Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let font_id = doc
            .objects
            .iter()
            .find(|(_, o)| o.as_dict().is_ok_and(|d| d.has(b"BaseFont")))
            .map(|(id, _)| *id)
            .unwrap_or_else(|| panic!("no font"));
        let Some(Object::Dictionary(font)) = doc.objects.get(&font_id).cloned() else {
            panic!("no font dictionary");
        };
        let mut crafted = font.clone();
        for (key, value) in entries {
            // Streams are objects of their own.
            let value = match value {
                Object::Stream(s) => Object::Reference(doc.add_object(s)),
                v => v,
            };
            crafted.set(key, value);
        }
        let crafted_id = doc.add_object(Object::Dictionary(crafted));
        for o in doc.objects.values_mut() {
            if let Object::Dictionary(d) = o {
                if let Ok(Object::Dictionary(fonts)) = d.get_mut(b"Font") {
                    fonts.set("F2", Object::Reference(crafted_id));
                }
            }
        }
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
        let rows = read_contained(&out, what)
            .unwrap_or_else(|e| panic!("{what}: {e:?}"))
            .pages[0]
            .rows
            .len();
        assert_eq!(rows, if read { 2 } else { 1 }, "{what}");
    }
}

/// Degenerate text and font matrices (a scale of 1e38, a font size of 1e30, a zero
/// matrix, a position of 3e38) give positions that are not finite once multiplied or
/// added: no such value leaves the PDF layer (those glyphs are dropped), what is kept is
/// finite, and the pages then round-trip through the store (issue #27: a NaN position
/// was written `null` and set aside at every save).
#[test]
fn degenerate_matrices_give_only_finite_positions_that_the_store_reads_back() {
    use contestel::core::store::{self, SavedPages};
    let contents = [
        "BT /F1 10 Tf 1e38 0 0 1e38 0 0 Tm (Forfait) Tj ET BT /F1 10 Tf 50 700 Td (Option 3,00) Tj ET",
        "BT /F1 1e30 Tf 50 700 Td (Forfait) Tj ET BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
        "BT /F1 10 Tf 0 0 0 0 0 0 Tm (Forfait) Tj ET BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
        "BT /F1 10 Tf 3e38 3e38 Td (Forfait) Tj 3e38 3e38 Td (x) Tj ET BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
        "BT /F1 10 Tf 1e20 0 0 1e20 50 700 Tm (Forfait) Tj ET BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
        "1e38 0 0 1e38 0 0 cm BT /F1 10 Tf 50 700 Td (Forfait) Tj ET",
        // PDF numbers have no exponent: 1e38 written out, a finite f32 whose tenths are not.
        "BT /F1 10 Tf 50 100000000000000000000000000000000000000.0 Td (Forfait) Tj ET \
         BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
        "BT /F1 10 Tf 100000000000000000000000000000000000000.0 700 Td (Forfait) Tj ET \
         BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
        // A font size of 1e20 in a text matrix scaling by 1e18: a glyph 1e38 points
        // high, finite, whose tenths are not.
        "BT /F1 100000000000000000000.0 Tf 1000000000000000000.0 0 0 1000000000000000000.0 50 700 Tm \
         (Forfait) Tj ET BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
    ];
    // A media box of 1e38 points: every glyph is "on the page", at a finite position whose
    // tenths are not (what the page view keeps).
    let huge = || pdf_extract::Object::Real(1.0e38);
    let pdfs = contents
        .iter()
        .map(|c| (c.to_string(), make_pdf(c, &[])))
        .chain([(
            "a media box of 1e38".to_string(),
            make_pdf_on(
                "BT /F1 10 Tf 50 100000000000000000000000000000000000000.0 Td (Forfait) Tj ET \
                 BT /F1 10 Tf 50 680 Td (Option 3,00) Tj ET",
                &[],
                huge(),
                huge(),
            ),
        )]);
    for (content, bytes) in pdfs {
        let pages = match extract(&bytes, &Limits::default()) {
            Ok(pages) => pages,
            // Refused with a clear error is fine; what is kept must be finite.
            Err(_) => continue,
        };
        for page in &pages {
            assert!(
                page.width.is_finite() && page.height.is_finite(),
                "{content}"
            );
            for row in &page.rows {
                assert!(
                    row.y.is_finite() && row.size.is_finite(),
                    "{content}: {row:?}"
                );
                for cell in &row.cells {
                    assert!(
                        cell.x.is_finite() && cell.x_end.is_finite(),
                        "{content}: {cell:?}"
                    );
                }
            }
        }
        let mut saved = SavedPages::default();
        saved.bills.push(store::PagesOf {
            key: "x.pdf".to_string(),
            pages: contestel::core::provenance::rounded(&pages),
        });
        let text = store::encode(&saved, 1).unwrap_or_else(|e| panic!("{content}: {e}"));
        assert!(
            matches!(store::decode::<SavedPages>(Some(&text)), Ok(Some(_))),
            "{content}"
        );
    }
}
