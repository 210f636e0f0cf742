//! Fuzz bytes as the inside of a font dictionary (`<< … >>`) in an otherwise valid PDF,
//! whose page shows text in that font: mutations reach the font cleaning and
//! pdf-extract's font code, which the other targets rarely get past the file structure
//! to. Object 5 is a ToUnicode CMap and object 6 a font descriptor the input may use.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn pdf(font: &[u8]) -> Vec<u8> {
    let content: &[u8] = b"BT /F1 10 Tf 50 700 Td (Abc \\351t\\351 12,99) Tj ET";
    let objects: Vec<Vec<u8>> = vec![
        b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
        b"<</Type/Pages/Kids[4 0 R]/Count 1/MediaBox[0 0 595 842]>>".to_vec(),
        [&b"<<"[..], font, b">>"].concat(),
        b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 3 0 R>>>>/Contents 7 0 R>>".to_vec(),
        [
            &b"<</Length 52>>\nstream\n"[..],
            b"1 beginbfrange <20> <7E> <0020> endbfrange\n        ",
            b"\nendstream",
        ]
        .concat(),
        b"<</Type/FontDescriptor/FontName/F/Flags 32/ItalicAngle 0/Ascent 700/Descent -200>>"
            .to_vec(),
        [
            format!("<</Length {}>>\nstream\n", content.len()).as_bytes(),
            content,
            b"\nendstream",
        ]
        .concat(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
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
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<</Size {}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fuzz_target!(|data: &[u8]| {
    let _ = contestel::core::reader::read(&pdf(data), "fuzz.pdf");
});
