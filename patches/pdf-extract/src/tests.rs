//! Tests of the changes listed in README.md, through the public API: small documents
//! built with lopdf, read by `output_doc` or `PageReader` into an `OutputDev` that keeps
//! each character with its position.

use super::*;

/// Keeps what is drawn: each character with the x, y of its origin, and page breaks.
#[derive(Default)]
struct Chars {
    chars: Vec<(String, f64, f64)>,
    pages: u32,
}

impl Chars {
    fn text(&self) -> String {
        self.chars.iter().map(|c| c.0.as_str()).collect()
    }
}

impl OutputDev for Chars {
    fn begin_page(&mut self, _: u32, _: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.pages += 1;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(&mut self, trm: &Transform, _: f64, _: f64, _: f64, c: &str) -> Result<(), OutputError> {
        self.chars.push((c.to_string(), trm.m31, trm.m32));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// A document of `pages` pages sharing one resource dictionary (`/F1` = `font`, and the
/// forms by name), each page's content `content`.
fn document(font: Dictionary, content: &str, forms: &[(&str, Dictionary, &str)], pages: usize) -> Document {
    let mut doc = Document::with_version("1.7");
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut xobjects = Dictionary::new();
    let resources_id = doc.new_object_id();
    for (form_name, dict, body) in forms {
        let mut dict = dict.clone();
        dict.set("Type", name("XObject"));
        dict.set("Subtype", name("Form"));
        dict.set("Resources", Object::Reference(resources_id));
        let id = doc.add_object(Stream::new(dict, body.as_bytes().to_vec()));
        xobjects.set(form_name.as_bytes().to_vec(), Object::Reference(id));
    }
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    resources.set("XObject", Object::Dictionary(xobjects));
    doc.objects.insert(resources_id, Object::Dictionary(resources));
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for _ in 0..pages {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
        let mut page = Dictionary::new();
        page.set("Type", name("Page"));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        page.set("Resources", Object::Reference(resources_id));
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", name("Pages"));
    tree.set("Count", kids.len() as i64);
    tree.set("Kids", kids);
    tree.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", name("Catalog"));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc
}

fn helvetica() -> Dictionary {
    let mut font = Dictionary::new();
    font.set("Type", name("Font"));
    font.set("Subtype", name("Type1"));
    font.set("BaseFont", name("Helvetica"));
    font.set("Encoding", name("WinAnsiEncoding"));
    font
}

fn read(doc: &Document) -> Result<Chars, OutputError> {
    let mut out = Chars::default();
    output_doc(doc, &mut out)?;
    Ok(out)
}

#[test]
fn a_font_is_built_once_for_the_whole_document() {
    let doc = document(helvetica(), "BT /F1 10 Tf 50 700 Td (Abc) Tj ET", &[], 3);
    let empty = Dictionary::new();
    let mut p = Processor::new();
    let mut out = Chars::default();
    for (number, id) in doc.get_pages() {
        output_doc_inner(number, id, &doc, &mut p, &mut out, &empty).unwrap();
    }
    assert_eq!(out.text(), "AbcAbcAbc");
    assert_eq!(out.pages, 3);
    // One font, by object id, for three pages.
    assert_eq!(p.fonts_by_id.len(), 1);
}

#[test]
fn a_page_reader_reads_operations_it_is_handed() {
    let doc = document(helvetica(), "", &[], 1);
    let resources = doc.get_pages().values().next().and_then(|&id| {
        let page = doc.get_dictionary(id).ok()?;
        maybe_get::<&Dictionary>(&doc, page, b"Resources")
    }).unwrap();
    let ops = Content::decode(b"BT /F1 10 Tf 50 700 Td (Hello) Tj (A) ' 2 1 (B) \" ET").unwrap().operations;
    let media_box = MediaBox { llx: 0., lly: 0., urx: 595., ury: 842. };
    let mut reader = PageReader::new(&doc);
    let mut out = Chars::default();
    reader.read_page(1, &media_box, resources, &ops, &mut out).unwrap();
    // `'` and `"` move to the next line (TL is 0 here) and show their string.
    assert_eq!(out.text(), "HelloAB");
    assert_eq!(out.pages, 1);
}

#[test]
fn crafted_font_dictionaries_read_or_are_skipped_without_panicking() {
    fn cmap(doc: &mut Document, text: &str) -> Object {
        Object::Reference(doc.add_object(Stream::new(Dictionary::new(), text.as_bytes().to_vec())))
    }
    // (what, entries set on Helvetica, what /F1's text (Abc) reads as)
    type Case = (&'static str, fn(&mut Document) -> Vec<(&'static str, Object)>, &'static str);
    let cases: Vec<Case> = vec![
        ("no /BaseFont, no /Subtype", |_| vec![("BaseFont", Object::Null), ("Subtype", Object::Null)], "Abc"),
        ("a name marked UTF-16 that does not decode", |_| vec![("BaseFont", Object::Name(vec![0xFE, 0xFF, 0xD8]))], "Abc"),
        ("an unknown encoding name", |_| vec![("Encoding", name("KOI8"))], "Abc"),
        ("an encoding that is a number", |_| vec![("Encoding", 3.into())], "Abc"),
        ("/Differences past 255, of wrong types, with a lone-surrogate glyph name", |_| {
            let mut enc = Dictionary::new();
            enc.set("BaseEncoding", name("Nonsense"));
            enc.set("Differences", vec![250.into(), name("a"), name("b"), name("c"), name("d"), name("e"), name("f"), name("g"),
                Object::string_literal("x"), 66.into(), name("FFsmall"), 99.into(), name("eacute"), 4000.into(), name("z")]);
            vec![("Encoding", Object::Dictionary(enc))]
        }, "A\u{62}é"),
        ("/Widths of strings, /LastChar wrong", |_| vec![("FirstChar", 65.into()), ("LastChar", 300.into()),
            ("Widths", vec![Object::string_literal("x"), 500.into()].into())], "Abc"),
        ("/FirstChar out of range", |_| vec![("FirstChar", (-5).into()), ("Widths", vec![500.into()].into())], "Abc"),
        ("/ToUnicode null", |_| vec![("ToUnicode", Object::Null)], "Abc"),
        ("/ToUnicode a name other than Identity-H", |_| vec![("ToUnicode", name("Foo"))], "Abc"),
        ("a ToUnicode adobe-cmap-parser could not parse", |doc| vec![("ToUnicode", cmap(doc, "3 beginbfchar <41> <0058> <62> endbfchar garbage"))], "Xbc"),
        ("a ToUnicode and no encoding: WinAnsi for the rest", |doc| vec![("BaseFont", name("NotCore")), ("Encoding", Object::Null),
            ("ToUnicode", cmap(doc, "1 beginbfchar <41> <0058> endbfchar"))], "Xbc"),
        ("FontAwesome with a glyph name it does not know", |doc| {
            let mut enc = Dictionary::new();
            enc.set("Differences", vec![65.into(), name("nosuchglyph")]);
            vec![("BaseFont", name("FontAwesome")), ("Encoding", Object::Dictionary(enc)),
                ("ToUnicode", cmap(doc, "1 beginbfchar <41> <0058> endbfchar"))]
        }, "Xbc"),
        ("a dangling /FontDescriptor", |_| vec![("FontDescriptor", Object::Reference((999, 0)))], "Abc"),
        ("a Type 3 font without widths", |_| vec![("Subtype", name("Type3"))], ""),
        ("a Type 3 font whose widths leave out the codes shown", |_| vec![("Subtype", name("Type3")),
            ("FirstChar", 32.into()), ("LastChar", 33.into()), ("Widths", vec![500.into(), 500.into()].into())], "Abc"),
        ("a composite font without descendants", |_| vec![("Subtype", name("Type0")), ("Encoding", name("Identity-H"))], ""),
        ("a composite font with a descendant written inline, without descriptor, and a /W that does not parse", |_| {
            let mut cid = Dictionary::new();
            cid.set("Subtype", name("CIDFontType2"));
            cid.set("W", vec![1.into(), Object::string_literal("x"), 3.into()]);
            vec![("Subtype", name("Type0")), ("Encoding", name("Identity-H")), ("DescendantFonts", vec![Object::Dictionary(cid)].into())]
        }, ""),
        ("a composite font whose /W spans every integer", |_| {
            let mut cid = Dictionary::new();
            cid.set("W", vec![Object::Integer(i64::MIN), Object::Integer(i64::MAX), 500.into()]);
            vec![("Subtype", name("Type0")), ("Encoding", name("Identity-H")), ("DescendantFonts", vec![Object::Dictionary(cid)].into())]
        }, ""),
        ("a composite font with an unknown CMap name", |_| vec![("Subtype", name("Type0")), ("Encoding", name("GBK-EUC-H")),
            ("DescendantFonts", vec![Object::Dictionary(Dictionary::new())].into())], ""),
    ];
    for (what, entries, want) in cases {
        let mut built = document(helvetica(), "BT /F1 10 Tf 50 700 Td (Abc) Tj ET", &[], 1);
        // The font is the first object; the case's own objects (ToUnicode maps) follow.
        let font_id = (1, 0);
        let mut font = built.get_dictionary(font_id).unwrap().clone();
        for (key, value) in entries(&mut built) {
            font.set(key, value);
        }
        built.objects.insert(font_id, Object::Dictionary(font));
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&built).map(|c| c.text())));
        match got {
            Ok(Ok(text)) => assert_eq!(text, want, "{what}"),
            Ok(Err(e)) => panic!("{what}: {e}"),
            Err(_) => panic!("{}: panicked", what),
        }
    }
}

#[test]
fn operators_with_missing_or_wrong_operands_are_skipped() {
    let content = "BT /F1 10 Tf 1 2 cm Tm Td TD Tc Tw Tz TL Ts Tf 5 Tj () TJ [(x) /N 3] TJ \
                   /Nope 10 Tf (none) Tj /F1 10 Tf 50 700 Td (ok) Tj ET \
                   /Missing cs 1 sc /Missing gs 0 0 m v y c re l w 10 10 5 5 re v S /Nope Do";
    let doc = document(helvetica(), content, &[], 1);
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&doc).map(|c| c.text())));
    assert_eq!(got.ok().and_then(Result::ok).as_deref(), Some("xok"));
}

#[test]
fn forms_are_drawn_where_the_page_puts_them_and_cannot_recurse() {
    let mut moved = Dictionary::new();
    moved.set("Matrix", vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-100).into()]);
    let doc = document(
        helvetica(),
        "q 1 0 0 1 10 0 cm /Moved Do Q /Loop Do /A Do",
        &[
            ("Moved", moved, "BT /F1 10 Tf 50 700 Td (M) Tj ET"),
            ("Loop", Dictionary::new(), "BT /F1 10 Tf 50 600 Td (L) Tj ET /Loop Do"),
            ("A", Dictionary::new(), "BT /F1 10 Tf 50 500 Td (A) Tj ET /B Do"),
            ("B", Dictionary::new(), "BT /F1 10 Tf 50 400 Td (B) Tj ET /A Do"),
        ],
        1,
    );
    let out = read(&doc).unwrap();
    let got: Vec<(String, f64, f64)> = out.chars;
    // The form's text moved by the page's cm and by its /Matrix; each form drawing
    // itself, directly or through another, drawn once.
    assert_eq!(
        got,
        vec![
            ("M".to_string(), 60., 600.),
            ("L".to_string(), 50., 600.),
            ("A".to_string(), 50., 500.),
            ("B".to_string(), 50., 400.),
        ]
    );
}

#[test]
fn a_dangling_reference_is_null_and_a_parent_cycle_ends() {
    let mut doc = document(helvetica(), "BT /F1 10 Tf 50 700 Td (x) Tj ET", &[], 1);
    // The page's fonts point nowhere, and its /Parent climbs in a circle without a
    // /MediaBox on the way.
    let page_id = *doc.get_pages().values().next().unwrap();
    let resources_id = doc.get_dictionary(page_id).unwrap().get(b"Resources").unwrap().as_reference().unwrap();
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference((9999, 0)));
    if let Ok(Object::Dictionary(r)) = doc.get_object_mut(resources_id) {
        r.set("Font", Object::Dictionary(fonts));
    }
    assert_eq!(read(&doc).unwrap().text(), "");
    let loop_id = doc.add_object(Dictionary::new());
    if let Ok(Object::Dictionary(l)) = doc.get_object_mut(loop_id) {
        l.set("Parent", Object::Reference(loop_id));
    }
    if let Ok(Object::Dictionary(p)) = doc.get_object_mut(page_id) {
        p.set("Parent", Object::Reference(loop_id));
    }
    let empty = Dictionary::new();
    let mut p = Processor::new();
    let got = output_doc_inner(1, page_id, &doc, &mut p, &mut Chars::default(), &empty);
    assert!(got.is_err());
}

/// `utf16be` (which replaced encoding_rs) decodes as
/// `encoding_rs::UTF_16BE.decode_without_bom_handling` did: pairs of bytes, a surrogate
/// pair, a lone surrogate in each position, an odd last byte.
#[test]
fn utf16_is_decoded_as_encoding_rs_decoded_it() {
    let cases: &[(&[u8], &str)] = &[
        (&[], ""),
        (&[0x00, 0x41, 0x20, 0xAC], "A€"),
        (&[0xD8, 0x3D, 0xDE, 0x00], "😀"),
        (&[0x00, 0x41, 0xD8, 0x3D], "A\u{FFFD}"),
        (&[0xDE, 0x00, 0x00, 0x41], "\u{FFFD}A"),
        (&[0xD8, 0x3D, 0x00, 0x41], "\u{FFFD}A"),
        (&[0xD8, 0x3D, 0xD8, 0x3D, 0xDE, 0x00], "\u{FFFD}😀"),
        (&[0x00, 0x41, 0x00], "A\u{FFFD}"),
        (&[0x41], "\u{FFFD}"),
    ];
    for (bytes, text) in cases {
        assert_eq!(utf16be(bytes), *text, "{bytes:02X?}");
        let mut marked = vec![0xFE, 0xFF];
        marked.extend(*bytes);
        if marked.len() > 2 {
            assert_eq!(to_utf8(&[], &marked), *text, "{marked:02X?}");
        }
    }
    // Through a one-byte encoding: each code's UTF-16 unit, unpaired surrogates replaced.
    let table: Vec<u16> = (0..256u16).map(|i| if i == 1 { 0xD800 } else { 0x20AC }).collect();
    assert_eq!(to_utf8(&table, &[0, 1, 2]), "€\u{FFFD}€");
}

/// Every operator `process_operations` knows has its own code, and a name that is not an
/// operator (empty, or longer than any) has none of theirs.
#[test]
fn operator_codes_are_distinct() {
    let names: &[&[u8]] = &[
        b"\"", b"'", b"B", b"B*", b"BDC", b"BMC", b"BT", b"CS", b"Do", b"EMC", b"ET", b"F",
        b"G", b"J", b"K", b"M", b"Q", b"RG", b"S", b"SC", b"SCN", b"T*", b"TD", b"TJ", b"TL",
        b"Tc", b"Td", b"Tf", b"Tj", b"Tm", b"Ts", b"Tw", b"Tz", b"W", b"b", b"c", b"cm",
        b"cs", b"d", b"f", b"f*", b"g", b"gs", b"h", b"i", b"j", b"k", b"l", b"m", b"n",
        b"q", b"re", b"rg", b"ri", b"s", b"sc", b"scn", b"v", b"w", b"w*", b"y",
    ];
    let codes: std::collections::HashSet<u32> = names.iter().map(|n| op::code(n)).collect();
    assert_eq!(codes.len(), names.len());
    assert!(!codes.contains(&0));
    for other in [&b""[..], b"BTXY", b"SCNX", b"Tj  "] {
        assert_eq!(op::code(other), 0, "{other:?}");
    }
    assert_eq!(op::code(b"BT"), op::BT);
    assert_eq!(op::code(b"T*"), op::T_star);
}

/// README, change 11: a composite font's `/W` entries of the form `c_first c_last w` give
/// each code of the range its width. Published pdf-extract read them as `c_first c_first
/// c_first` and set none, so every such glyph took `/DW`: 0 in the PDFs Chromium prints
/// (Skia writes `/DW 0` and ranges for runs of equal widths), whose glyphs then all stood
/// on one spot, and `27,99` read as `27,9` once the twin `9` was taken for a fake bold.
#[test]
fn a_composite_font_s_width_ranges_give_each_code_its_width() {
    let mut doc = document(helvetica(), "BT /F1 10 Tf 50 700 Td <0001000200030004> Tj ET", &[], 1);
    let to_unicode = doc.add_object(Stream::new(
        Dictionary::new(),
        b"4 beginbfchar <0001> <0032> <0002> <0037> <0003> <0039> <0004> <0039> endbfchar".to_vec(),
    ));
    let mut cid = Dictionary::new();
    cid.set("Type", name("Font"));
    cid.set("Subtype", name("CIDFontType2"));
    cid.set("DW", 0);
    // Code 1 by an array, codes 2 to 4 by a range.
    cid.set("W", vec![1.into(), vec![500.into()].into(), 2.into(), 4.into(), Object::Real(556.0)]);
    let mut font = Dictionary::new();
    font.set("Type", name("Font"));
    font.set("Subtype", name("Type0"));
    font.set("BaseFont", name("AAAAAA+LiberationSans"));
    font.set("Encoding", name("Identity-H"));
    font.set("DescendantFonts", vec![Object::Dictionary(cid)]);
    font.set("ToUnicode", Object::Reference(to_unicode));
    doc.objects.insert((1, 0), Object::Dictionary(font));
    let chars = read(&doc).unwrap();
    assert_eq!(chars.text(), "2799");
    let xs: Vec<f64> = chars.chars.iter().map(|c| (c.1 * 100.0).round() / 100.0).collect();
    assert_eq!(xs, vec![50.0, 55.0, 60.56, 66.12]);
}
