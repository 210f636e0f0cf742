//! End-to-end: bills against the bank statement in the built site, in real Chromium.
//!
//! A year of generated bills (`tests/fixtures/bank/`) is read in the app, the plan (with
//! its termination) is in storage, then a statement is imported: a CSV on a desktop
//! screen, an OFX on a phone. The app finds the four mismatches the statement hides and
//! nothing else, stores none of the statement's other operations, contests a debit into a
//! case with the bank's deadlines, refuses bad statements without losing what was kept,
//! and the month view is screenshot (`target/screenshots/bank-*.png`). The bank tab's code
//! is a wasm module of its own: the first load does not fetch it, opening the tab does, and
//! a case it opens is in the app's journal at once. Ignored by a plain `cargo test`;
//! `make test` runs it.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Locator;
use support::{dist_dir, fixture, open_app, Browser, BrowserOptions, StaticServer, BASE, PATIENCE};

fn truth() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("bank/truth.json")).unwrap()).unwrap()
}

/// Puts the plan in storage, reloads, and reads the year of bills.
async fn bills_and_plan(browser: &Browser) {
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("bank/plan.json")).unwrap()).unwrap();
    let envelope = serde_json::json!({
        "app": "contestel", "version": 1, "saved_at": 1, "data": {"plans": [plan]}
    });
    browser
        .client
        .execute(
            "localStorage.setItem('contestel.plans', arguments[0]); location.reload();",
            vec![serde_json::Value::String(envelope.to_string())],
        )
        .await
        .expect("store the plan");
    browser.wait_for("#sample-button").await;
    let bills: Vec<String> = truth()["bills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| fixture(&format!("bank/bills/{}", b.as_str().unwrap())))
        .collect();
    let input = browser
        .client
        .find(Locator::Css("#file-input"))
        .await
        .expect("file input");
    input
        .send_keys(&bills.join("\n"))
        .await
        .expect("pick the bills");
    browser
        .wait_until(
            "return document.querySelectorAll('.upload[data-status=read]').length === 12",
            "the twelve bills to be read",
            Duration::from_secs(120),
        )
        .await;
}

async fn pick_statement(browser: &Browser, path: &str) {
    let input = browser
        .client
        .find(Locator::Css("#statement-input"))
        .await
        .expect("statement input");
    input.send_keys(path).await.expect("pick a statement");
}

/// The ids of the mismatches shown, sorted.
async fn rules_shown(browser: &Browser) -> Vec<String> {
    let value = browser
        .client
        .execute(
            "return [...document.querySelectorAll('.bank-findings li.finding')].map(li => li.dataset.rule).sort()",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

async fn stored(browser: &Browser) -> String {
    let value = browser
        .client
        .execute(
            "return Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join('\\n')",
            vec![],
        )
        .await
        .unwrap();
    value.as_str().unwrap_or_default().to_string()
}

async fn import(browser: &Browser, statement: &str) {
    pick_statement(browser, &fixture(statement)).await;
    browser.wait_for("#statement-preview").await;
    browser.click("#keep-telecom").await;
    browser.wait_for("#import-result").await;
}

const FOUR: [&str; 4] = [
    "bill_not_debited",
    "debit_after_termination",
    "debit_differs",
    "double_debit",
];

async fn assert_nothing_else_stored(browser: &Browser) {
    let all = stored(browser).await.to_uppercase();
    assert!(all.contains("CONTESTEL.BANK="), "the bank data is stored");
    for other in truth()["not_kept"].as_array().unwrap() {
        let other = other.as_str().unwrap();
        assert!(!all.contains(other), "{other} is in localStorage");
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_csv_statement_finds_the_four_mismatches_and_stores_only_telecom() {
    let server = StaticServer::start(&dist_dir(), BASE);
    let browser = Browser::start_with(
        1280,
        900,
        BrowserOptions {
            network_log: true,
            ..Default::default()
        },
    )
    .await;
    browser
        .client
        .goto(&server.url())
        .await
        .expect("open the page");
    browser.wait_for("#sample-button").await;
    bills_and_plan(&browser).await;
    browser.click("#tab-bank").await;
    browser.wait_for("#statement-input").await;

    let requests_before = server.requests().len();
    // A bad statement first: a clear error, nothing stored.
    pick_statement(&browser, &fixture("bank/bad/wrong-encoding.csv")).await;
    browser.wait_for("#statement-error").await;
    let error = browser.text("#statement-error").await;
    assert!(error.contains("encodage"), "{error}");

    // The CSV: what was understood, then kept.
    pick_statement(&browser, &fixture("bank/csv-latin1-debit-credit.csv")).await;
    browser.wait_for("#statement-preview").await;
    let understood = browser.text("#statement-preview .format").await;
    assert!(
        understood.contains("CSV") && understood.contains("ISO-8859-1"),
        "{understood}"
    );
    let date_column = browser
        .client
        .execute("return document.querySelector('#map-date').value", vec![])
        .await
        .unwrap();
    assert_eq!(date_column.as_str(), Some("0"));
    let note = browser.text("#kept-note").await;
    let operations = truth()["operations"].as_u64().unwrap();
    let kept = truth()["kept"].as_array().unwrap().len();
    assert!(
        note.contains(&operations.to_string()) && note.contains(&kept.to_string()),
        "{note}"
    );
    // A column corrected: the statement is read again (in the parse worker) with the
    // columns given; put back, it reads as before.
    browser.click("#map-date option[value='2']").await;
    browser
        .wait_until(
            &format!(
                "return !!document.querySelector('#statement-error') \
                   || !document.querySelector('#kept-note').textContent.includes('{operations}')"
            ),
            "the statement read again with another date column",
            PATIENCE,
        )
        .await;
    browser.click("#map-date option[value='0']").await;
    browser
        .wait_until(
            "return !document.querySelector('#statement-error') \
               && document.querySelector('#map-date').value === '0'",
            "the statement read again with its date column",
            PATIENCE,
        )
        .await;
    assert_eq!(browser.text("#kept-note").await, note);
    browser.assert_accessible("the statement's preview").await;
    browser.screenshot("bank-preview-1280").await;
    browser.click("#keep-telecom").await;
    browser.wait_for("#import-result").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.bank-findings li.finding').length === 4",
            "the four mismatches",
            PATIENCE,
        )
        .await;
    assert_eq!(rules_shown(&browser).await, FOUR);
    assert_nothing_else_stored(&browser).await;
    browser.assert_accessible("the bank view").await;
    // Nothing of the statement went anywhere: no request while it was read and kept but
    // for the site's own files, and the CSP refused nothing (the charts use no style
    // attribute).
    let requests = server.requests();
    let sent: Vec<_> = requests[requests_before..]
        .iter()
        .filter(|(r, _)| !r.starts_with("GET ") || r.contains(".csv") || !r.contains(BASE))
        .collect();
    assert!(sent.is_empty(), "requests while importing: {sent:?}");
    let refused: Vec<String> = browser
        .console_messages()
        .await
        .into_iter()
        .filter(|m| m.contains("Content Security Policy") || m.contains("Refused"))
        .collect();
    assert!(refused.is_empty(), "{refused:?}");

    // The month view: months that differ are marked, in the chart and its table.
    let marked = browser
        .client
        .execute(
            "return document.querySelectorAll('.bank-chart .month-pair.differs').length",
            vec![],
        )
        .await
        .unwrap();
    assert!(marked.as_u64().unwrap() >= 3, "{marked:?}");
    browser.screenshot("bank-month-1280").await;

    // A bad OFX afterwards loses nothing.
    let before = stored(&browser).await;
    pick_statement(&browser, &fixture("bank/bad/broken.ofx")).await;
    browser
        .wait_until(
            "return (document.querySelector('#statement-error') || {textContent: ''}).textContent.includes('OFX')",
            "the broken OFX to be refused",
            PATIENCE,
        )
        .await;
    assert_eq!(stored(&browser).await, before, "nothing changed in storage");
    assert_eq!(rules_shown(&browser).await, FOUR);

    // The data panel counts what the statements left as its own kind.
    browser.click("#tab-data").await;
    browser.wait_for("tr[data-kind=bank]").await;
    browser.click("#tab-bank").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.bank-findings li.finding').length === 4",
            "the findings again",
            PATIENCE,
        )
        .await;

    // Contesting the double debit opens a case paid by direct debit: the bank's deadline
    // and letter are there.
    browser
        .click(".bank-findings li[data-rule=double_debit] .contest-finding")
        .await;
    browser
        .wait_until(
            "return location.hash.startsWith('#/cases/')",
            "the case to open",
            PATIENCE,
        )
        .await;
    browser
        .wait_until(
            "return document.body.innerText.includes('banque')",
            "the bank's deadline or letter in the case",
            PATIENCE,
        )
        .await;
    browser.screenshot("bank-case-1280").await;

    // Moving to another device: the export carries what the statement left (and nothing
    // else of it), and an import on an empty browser brings it back with its findings.
    let bank_data = "return JSON.parse(localStorage.getItem('contestel.bank')).data";
    let before = browser.client.execute(bank_data, vec![]).await.unwrap();
    assert!(!before["debits"].as_array().unwrap().is_empty(), "{before}");
    browser.click("#tab-data").await;
    browser.click("#export").await;
    let exported = browser.downloaded("json").await;
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(
        text.contains("\"bank\"") && text.contains("FREE"),
        "the export holds the debits"
    );
    for other in ["PHARMACIE", "LOYER", "CARREFOUR"] {
        assert!(!text.contains(other), "{other} in the export");
    }
    browser
        .client
        .execute("localStorage.clear()", vec![])
        .await
        .unwrap();
    browser.client.goto("about:blank").await.unwrap();
    browser
        .client
        .goto(&format!("{}#/data", server.url()))
        .await
        .unwrap();
    browser.wait_for("#import-file").await;
    let input = browser
        .client
        .find(Locator::Css("#import-file"))
        .await
        .unwrap();
    input
        .send_keys(&exported.display().to_string())
        .await
        .unwrap();
    browser.wait_for("#import-summary").await;
    let summary = browser.text("#import-summary").await;
    assert!(summary.contains("prélèvement(s) d'opérateur"), "{summary}");
    browser.click("#import-replace").await;
    browser.wait_for("#data-notice").await;
    let after = browser.client.execute(bank_data, vec![]).await.unwrap();
    assert_eq!(after, before, "the bank data came back as they were");
    browser.click("#tab-bank").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.bank-findings li.finding').length >= 4",
            "the findings after the import",
            PATIENCE,
        )
        .await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn an_ofx_statement_on_a_phone_finds_the_same_and_fits_the_screen() {
    let (_server, browser) = open_app(360, 740).await;
    bills_and_plan(&browser).await;
    browser.click("#tab-bank").await;
    browser.wait_for("#statement-input").await;
    // The bank's labels as long as banks print them, one of them a word of 60 letters (issue 32:
    // the bank case overflowed a phone by 13 px on a long label).
    let long = std::env::temp_dir().join("contestel-long-bank-label.ofx");
    let ofx = std::fs::read(fixture("bank/ofx1.ofx")).unwrap();
    let ofx = String::from_utf8_lossy(&ofx)
        .replace(
            "ID EMETTE<",
            "ID EMETTEUR-PRELEVEMENT-SEPA-ABONNEMENT-FREEBOX-REVOLUTION-AVEC-TV-FIBRE<",
        )
        .replace(
            "ID EMET<",
            "ID EMETTEURPRELEVEMENTSEPAABONNEMENTFORFAITMOBILE5G100GOSFR<",
        );
    std::fs::write(&long, ofx).unwrap();
    pick_statement(&browser, &long.display().to_string()).await;
    browser.wait_for("#statement-preview").await;
    browser.click("#keep-telecom").await;
    browser.wait_for("#import-result").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.bank-findings li.finding').length === 4",
            "the four mismatches",
            PATIENCE,
        )
        .await;
    assert_eq!(rules_shown(&browser).await, FOUR);
    assert_nothing_else_stored(&browser).await;
    // The same statement as XML adds nothing: the debits are kept once.
    import(&browser, "bank/ofx2.ofx").await;
    let kept = browser
        .client
        .execute(
            "return JSON.parse(localStorage.getItem('contestel.bank')).data.debits.length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        kept.as_u64().unwrap() as usize,
        truth()["kept"].as_array().unwrap().len()
    );
    assert_eq!(rules_shown(&browser).await, FOUR);
    let (spill, wide) = browser.horizontal_overflow().await;
    assert_eq!(
        spill, 0,
        "no horizontal scrolling at 360 px; too wide: {wide}"
    );
    browser.assert_accessible("the bank view on a phone").await;
    browser
        .client
        .execute(
            "document.querySelector('.bank-chart').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    browser.screenshot("bank-month-360").await;
    // The case of a debit, with its long label, fits too.
    browser
        .click(".bank-findings li[data-rule=double_debit] .contest-finding")
        .await;
    browser
        .wait_until(
            "return location.hash.startsWith('#/cases/') && !!document.querySelector('#case-title')",
            "the case to open",
            PATIENCE,
        )
        .await;
    let (spill, wide) = browser.horizontal_overflow().await;
    assert_eq!(spill, 0, "the bank case at 360 px; too wide: {wide}");
    browser.screenshot("bank-case-360").await;
    browser.close().await;
}

/// What the page itself fetched since it was loaded, by file name (its resource timing:
/// the service worker's precaching is its own, not the page's).
async fn fetched_by_page(browser: &Browser) -> Vec<String> {
    let value = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname.split('/').pop())",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_bank_tab_is_the_app_s_own_and_a_debit_contested_is_in_the_journal_without_reload() {
    let (_server, browser) = open_app(1280, 900).await;
    let first = fetched_by_page(&browser).await;
    let wasm = |files: &[String]| -> Vec<String> {
        files
            .iter()
            .filter(|f| f.ends_with(".wasm"))
            .cloned()
            .collect()
    };
    assert!(
        wasm(&first)
            .iter()
            .any(|f| f.starts_with("app-") && f.ends_with("_bg.wasm")),
        "the app's wasm is seen: {first:?}"
    );
    bills_and_plan(&browser).await;
    let before = wasm(&fetched_by_page(&browser).await);

    // One app: the bank tab (like every tab) fetches no code of its own.
    browser.click("#tab-bank").await;
    browser.wait_for("#statement-input").await;
    assert_eq!(wasm(&fetched_by_page(&browser).await), before);
    import(&browser, "bank/csv-latin1-debit-credit.csv").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.bank-findings li.finding').length === 4",
            "the four mismatches",
            PATIENCE,
        )
        .await;

    // Leaving the tab and coming back mounts the view again, from what is stored.
    browser.click("#tab-home").await;
    browser.wait_for("#sample-button").await;
    assert!(
        browser
            .client
            .execute("return document.querySelector('.bank') === null", vec![])
            .await
            .unwrap()
            .as_bool()
            .unwrap(),
        "the bank view is removed with its tab"
    );
    browser.click("#tab-bank").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.bank-findings li.finding').length === 4",
            "the four mismatches again",
            PATIENCE,
        )
        .await;

    // The bank module writes the journal; the app shows the case at once, in the case
    // view, in the tab's count and in the journal tab, without a reload.
    browser
        .client
        .execute("window.notReloaded = true", vec![])
        .await
        .unwrap();
    browser
        .click(".bank-findings li[data-rule=double_debit] .contest-finding")
        .await;
    browser
        .wait_until(
            "return location.hash.startsWith('#/cases/') && !!document.querySelector('#case-title')",
            "the case view",
            PATIENCE,
        )
        .await;
    assert_eq!(browser.text("#tab-cases .count").await, "1");
    browser.click("#tab-cases").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.case-list .case-card').length === 1",
            "the case in the journal tab",
            PATIENCE,
        )
        .await;
    let reloaded = browser
        .client
        .execute("return window.notReloaded !== true", vec![])
        .await
        .unwrap();
    assert_eq!(reloaded.as_bool(), Some(false), "the page was not reloaded");

    browser.close().await;
}

/// The scripts and wasm the page fetched so far.
async fn scripts(browser: &Browser) -> Vec<String> {
    fetched_by_page(browser)
        .await
        .into_iter()
        .filter(|f| f.ends_with(".wasm") || f.ends_with(".js"))
        .collect()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn every_tab_opens_with_the_code_of_the_first_load() {
    let (_server, browser) = open_app(1280, 900).await;
    let first = scripts(&browser).await;
    for (tab, shown) in [
        ("#tab-plan", "#plan-heading"),
        ("#tab-data", "#export"),
        ("#tab-sources", ".source-list"),
        ("#tab-bank", "#statement-input"),
        ("#tab-cases", "#new-case-title"),
    ] {
        browser.click(tab).await;
        browser.wait_for(shown).await;
        assert_eq!(scripts(&browser).await, first, "opening {tab} fetched code");
    }
    browser.close().await;
}
