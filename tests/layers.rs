//! Each layer in its room: the components (`src/app`) reach files, dialogs, focus,
//! scrolling, the address and the document only through `src/services`, where the browser
//! is kept.

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
