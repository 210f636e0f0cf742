//! Each layer in its room: the components (`src/app`) reach files, dialogs, focus,
//! scrolling, the address and the document only through `src/services`, where the browser
//! is kept. One Yew tree renders the whole app.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[test]
fn components_reach_the_browser_only_through_services() {
    let calls = [
        "gloo::file",
        "gloo::dialogs",
        "scroll_into_view",
        "scroll_to_with",
        "focus_with_options",
        ".focus()",
        "set_hash",
        "__yew_subtree_id",
        "gloo::utils::document",
    ];
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut offenders = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for call in calls.iter().filter(|call| code.contains(*call)) {
                offenders.push(format!(
                    "{}:{}: {call}",
                    file.file_name().unwrap().to_string_lossy(),
                    number + 1
                ));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "call these through src/services (dialogs, dom, files):\n{}",
        offenders.join("\n")
    );
}

/// Every Rust file under `src`, with its path from `src`.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

/// One app, one Yew tree: a single renderer (the app's, in `bin/app.rs`) and none of
/// Yew's internals (the tree ids it brands elements with, its private properties). A
/// second tree on the page answers the first one's events when those internals change.
#[test]
fn one_yew_tree_and_no_yew_internals() {
    let mut renderers = Vec::new();
    let mut internals = Vec::new();
    for (name, source) in sources() {
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if code.contains("Renderer::") || code.contains("Renderer<") {
                renderers.push(format!("{name}:{}", number + 1));
            }
            if code.contains("__yew") || code.contains("subtree_id") {
                internals.push(format!("{name}:{}", number + 1));
            }
        }
    }
    assert_eq!(renderers.len(), 1, "one Yew renderer: {renderers:?}");
    assert!(
        renderers[0].starts_with("bin/app.rs:"),
        "the app's: {renderers:?}"
    );
    assert!(internals.is_empty(), "Yew internals used: {internals:?}");
    let bins: Vec<String> = sources()
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.starts_with("bin/"))
        .collect();
    assert_eq!(
        bins,
        ["bin/app.rs", "bin/inspect.rs", "bin/worker.rs"],
        "the app, the parse worker and the command line: no other module of the page"
    );
}
