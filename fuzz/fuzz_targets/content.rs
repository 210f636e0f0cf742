//! Fuzz bytes as the inside of a well-formed PDF, so that mutations reach what a valid
//! file hands to the reader rather than dying in the file structure: the page's content
//! stream, a form XObject's content and a font's /ToUnicode CMap, split from the input
//! on 0xFF bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pdf_extract::{Dictionary, Document, Object, Stream};

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

fn pdf(content: &[u8], form: &[u8], cmap: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let cmap_id = doc.add_object(Stream::new(Dictionary::new(), cmap.to_vec()));
    let mut f1 = Dictionary::new();
    f1.set("Type", name("Font"));
    f1.set("Subtype", name("Type1"));
    f1.set("BaseFont", name("Helvetica"));
    f1.set("Encoding", name("WinAnsiEncoding"));
    let mut f2 = f1.clone();
    f2.set("ToUnicode", Object::Reference(cmap_id));
    f2.set("FirstChar", 32);
    f2.set("LastChar", 34);
    f2.set(
        "Widths",
        vec![
            Object::Integer(500),
            Object::Integer(600),
            Object::Integer(700),
        ],
    );
    let f1 = doc.add_object(f1);
    let f2 = doc.add_object(f2);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(f1));
    fonts.set("F2", Object::Reference(f2));
    let form_id = doc.new_object_id();
    let mut xobjects = Dictionary::new();
    xobjects.set("X1", Object::Reference(form_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    resources.set("XObject", Object::Dictionary(xobjects));
    let resources_id = doc.add_object(resources);
    let mut form_dict = Dictionary::new();
    form_dict.set("Type", name("XObject"));
    form_dict.set("Subtype", name("Form"));
    form_dict.set("Resources", Object::Reference(resources_id));
    doc.objects.insert(
        form_id,
        Object::Stream(Stream::new(form_dict, form.to_vec())),
    );
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
    let pages_id = doc.new_object_id();
    let mut page = Dictionary::new();
    page.set("Type", name("Page"));
    page.set("Parent", Object::Reference(pages_id));
    page.set("Contents", Object::Reference(content_id));
    page.set("Resources", Object::Reference(resources_id));
    page.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
    let page_id = doc.add_object(page);
    let mut pages = Dictionary::new();
    pages.set("Type", name("Pages"));
    pages.set("Kids", vec![Object::Reference(page_id)]);
    pages.set("Count", 1);
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", name("Catalog"));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let content = parts.next().unwrap_or_default();
    let form = parts.next().unwrap_or_default();
    let cmap = parts.next().unwrap_or_default();
    let _ = contestel::core::reader::read(&pdf(content, form, cmap), "fuzz.pdf");
});
