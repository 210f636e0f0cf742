//! The English interface reads as English (issue 32): no French spacing before `:;?!`,
//! no French quotation marks, in the catalogue and in what the rules say of real bills.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use contestel::core::bill::Bill;
use contestel::core::i18n::{Lang, Text};
use contestel::core::plan::Plan;

/// What French typography leaves in a text, if anything. What a bill prints is quoted
/// ("Hors forfait : appels…") and stays as printed: skipped.
fn french_typography(text: &str) -> Option<&'static str> {
    let mut quoted = false;
    let chars: Vec<char> = text
        .chars()
        .map(|c| {
            if c == '"' {
                quoted = !quoted;
            }
            if quoted || c == '"' {
                'Q'
            } else {
                c
            }
        })
        .collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '«' || *c == '»' {
            return Some("French quotation marks");
        }
        if [':', ';', '?', '!'].contains(c)
            && i > 0
            && [' ', '\u{a0}', '\u{202f}'].contains(&chars[i - 1])
        {
            return Some("a space before punctuation");
        }
    }
    None
}

#[test]
fn the_checker_sees_french_typography() {
    assert!(french_typography("Total : 3 €").is_some());
    assert!(french_typography("Vraiment ?").is_some());
    assert!(french_typography("« Option »").is_some());
    assert!(french_typography("Total: 3 €; \"Option\"?").is_none());
    assert!(french_typography("\"Hors forfait : 118\": €3.49").is_none());
}

#[test]
fn the_english_catalogue_has_no_french_typography() {
    let bad: Vec<(Text, &str, &str)> = Text::ALL
        .iter()
        .filter_map(|&t| french_typography(t.get(Lang::En)).map(|why| (t, why, t.get(Lang::En))))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    // And nothing left untranslated that reads French.
    let french: Vec<(Text, &str)> = Text::ALL
        .iter()
        .map(|&t| (t, t.get(Lang::En)))
        .filter(|(t, en)| {
            *t != Text::LanguageSwitch && en.chars().any(|c| "éèêàâùûîôç".contains(c))
        })
        .collect();
    assert!(french.is_empty(), "{french:#?}");
    // The help at the last steps of the ladder keeps its own catalogue.
    let help: Vec<(contestel::core::journal::help::Help, &str)> =
        contestel::core::journal::help::Help::ALL
            .iter()
            .map(|&h| (h, h.get(Lang::En)))
            .filter(|(_, en)| french_typography(en).is_some())
            .collect();
    assert!(help.is_empty(), "{help:#?}");
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/bills/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Every finding the rules make on the fixture bills, with and without their plans, said
/// in English: message, what to do, its name and its severity's.
#[test]
fn what_the_rules_say_in_english_has_no_french_typography() {
    let dir = format!("{}/tests/fixtures/bills", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().to_string();
            name.strip_suffix(".expected.json").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    let bills: Vec<Bill> = names
        .iter()
        .map(|n| serde_json::from_str(&fixture(&format!("{n}.expected.json"))).unwrap())
        .collect();
    let plans: Vec<Plan> = names
        .iter()
        .filter_map(|n| std::fs::read_to_string(format!("{dir}/{n}.plan.json")).ok())
        .map(|text| Plan::from_json(&text).unwrap())
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut seen = 0;
    let mut bad = Vec::new();
    for (i, bill) in bills.iter().enumerate() {
        for plan in std::iter::once(None).chain(plans.iter().map(Some)) {
            let report = contestel::core::rules::check(std::slice::from_ref(bill), plan, today);
            for f in &report.findings {
                seen += 1;
                for text in [
                    f.message.get(Lang::En),
                    f.action.get(Lang::En),
                    f.rule.label(Lang::En),
                    f.severity.label(Lang::En),
                ] {
                    if let Some(why) = french_typography(text) {
                        bad.push(format!("{}: {why}: {text}", names[i]));
                    }
                }
            }
        }
    }
    assert!(seen > 50, "{seen} findings");
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{bad:#?}");
}
