//! Every word a person reads comes from one catalogue (`core::i18n`), in French and
//! English: the components and services hold no prose of their own.
//!
//! This test reads the sources under `src/app` and `src/services` and fails on any string
//! literal that looks like words for people (two words or more, or an accented letter),
//! except class lists, element ids and developer-facing messages (`expect`, logs).

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
use std::path::Path;

/// The string literals of a Rust source, each with the text before it on its line.
fn literals(source: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let bytes: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                '/' if bytes.get(i + 1) == Some(&'/') => break,
                '\'' => {
                    // A char literal ('"', '\'', 'x') or a lifetime: skip it whole.
                    if bytes.get(i + 1) == Some(&'\\') {
                        i += 4;
                    } else if bytes.get(i + 2) == Some(&'\'') {
                        i += 3;
                    } else {
                        i += 1;
                    }
                }
                '"' => {
                    let start = i;
                    let mut text = String::new();
                    i += 1;
                    while i < bytes.len() && bytes[i] != '"' {
                        if bytes[i] == '\\' {
                            i += 1;
                        }
                        if let Some(c) = bytes.get(i) {
                            text.push(*c);
                        }
                        i += 1;
                    }
                    let before: String = bytes[..start].iter().collect();
                    found.push((number + 1, before, text));
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    found
}

/// Whether a literal reads as words for people.
fn is_prose(text: &str) -> bool {
    let accented = text.chars().any(|c| ('\u{c0}'..='\u{17f}').contains(&c));
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count();
    let looks_like_code = text.contains('{') && text.contains('}')
        || text.contains('=')
        || text.contains('.') && !text.contains(' ');
    accented || (words >= 2 && text.contains(' ') && !looks_like_code)
}

/// Whether the literal is a class list, an id or a message for developers.
fn is_exempt(before: &str, text: &str) -> bool {
    let before = before.trim_end();
    let developer = [
        "expect(",
        "panic!(",
        "unreachable!(",
        "log!(",
        "error!(",
        "warn!(",
        "debug!(",
        "console::",
        "detail:",
    ];
    let markup = [
        "class=",
        "classes!(",
        "class={",
        "id=",
        "key=",
        "for=",
        "rel=",
        // The same attributes set through web_sys (`set_attribute("rel", "…")`).
        "(\"class\",",
        "(\"id\",",
        "(\"rel\",",
    ];
    developer.iter().any(|d| before.contains(d))
        || markup.iter().any(|m| before.ends_with(m))
        || before.contains("classes!(")
        // CSS class lists are lowercase words joined by spaces or dashes.
        || text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '-' || c == '_')
            && before.contains("class")
}

#[test]
fn components_and_services_hold_no_prose_of_their_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for folder in ["app", "services"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        files.sort();
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for (line, before, text) in literals(&source) {
                if is_prose(&text) && !is_exempt(&before, &text) {
                    offenders.push(format!(
                        "{}:{line}: {text:?}",
                        file.strip_prefix(&root).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "move these into core::i18n (French and English):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_scanner_sees_prose_and_spares_code() {
    let source = r#"
        let a = html! { <p class="muted small">{ "Lue le" }</p> };
        let b = format!("{} — {}", x, y);
        let c = "réf.";
        let d = storage.get("contestel.journal").expect("the journal is stored");
        let e = '"'; let f = "Nothing was read";
        let g = html! { <a rel="noopener noreferrer">{ "x" }</a> };
        element.set_attribute("rel", "noopener noreferrer");
        element.set_attribute("title", "Ouvrir la page");
        // "a comment with words"
    "#;
    let flagged: Vec<String> = literals(source)
        .into_iter()
        .filter(|(_, before, text)| is_prose(text) && !is_exempt(before, text))
        .map(|(_, _, text)| text)
        .collect();
    assert_eq!(
        flagged,
        ["Lue le", "réf.", "Nothing was read", "Ouvrir la page"]
    );
}
