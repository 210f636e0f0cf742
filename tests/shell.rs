//! The first screen of `index.html` (shown before the app's wasm is there) says what the
//! app's first screen says, in the catalogue's own French words, with a real file input.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use contestel::core::i18n::{Lang, Text};

fn index() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
}

/// What `index.html` writes for `text`: HTML-escaped as the page must.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

#[test]
fn the_first_screen_speaks_with_the_catalogue_s_words() {
    let html = index();
    let shell = &html[html.find("<div id=\"shell\">").expect("the first screen")..];
    for text in [
        Text::NavHome,
        Text::NavBills,
        Text::NavPlan,
        Text::NavBank,
        Text::NavCases,
        Text::NavData,
        Text::NavSources,
        Text::Tagline,
        Text::PrivacyPromise,
        Text::DropTitle,
        Text::DropHint,
        Text::ChooseFiles,
        Text::TrySample,
    ] {
        let words = escaped(text.get(Lang::Fr));
        assert!(
            shell.contains(&words),
            "{text:?}: « {words} » is not in index.html"
        );
    }
    // A label for a real file input: choosing files works before any script ran.
    assert!(shell.contains(r#"<input id="shell-files""#) && shell.contains(r#"type="file""#));
    assert!(shell.contains(r#"<label class="button primary" for="shell-files">"#));
    // Not the app's own ids: the tests and the app tell the two apart.
    for id in ["id=\"sample-button\"", "id=\"file-input\"", "id=\"tab-"] {
        assert!(!shell.contains(id), "{id} belongs to the app");
    }
}
