//! End-to-end: the person has the last word on a reading (issue 14), on a real bill.
//!
//! The B&You bill of 2019 in `../shared/bills/real/` (read where it is, never copied here):
//! its explainer page is not charges, a charge is picked from the page view, a line is
//! marked "not a charge", the period is fixed; the corrections survive a reload, an
//! export, a wipe and an import, and the findings follow them. Screenshots of the page
//! view at 1280 and 360 px land in `target/screenshots/`.
//!
//! Ignored by a plain `cargo test`; `make test` runs them with `--ignored` after `make dist`.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;

use fantoccini::Locator;
use support::{open_app, Browser, StaticServer, PATIENCE};

/// The real B&You bill: in `CONTESTEL_REAL_BILLS`, else in `../shared/bills/real` beside
/// the checkout (as `tests/real_bills.rs` finds it).
fn real_bill() -> String {
    let dir = std::env::var_os("CONTESTEL_REAL_BILLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bills/real"));
    dir.join("bouygues_2019.pdf")
        .canonicalize()
        .unwrap_or_else(|e| {
            panic!(
                "no bouygues_2019.pdf in {} ({e}): set CONTESTEL_REAL_BILLS to the shared \
                 bills' real folder (../shared/bills/real from the checkout)",
                dir.display()
            )
        })
        .display()
        .to_string()
}

/// WebDriver reports no-break spaces as plain spaces.
fn spaced(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

async fn run(browser: &Browser, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
    browser
        .client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// The page the page view shows.
async fn pressed_page(browser: &Browser) -> String {
    let page = run(
        browser,
        "const chip = document.querySelector('.chip.pressed[data-page]');\
         return chip ? chip.dataset.page : ''",
        vec![],
    )
    .await;
    page.as_str().unwrap_or_default().to_string()
}

/// Reads the real bill and opens its page; returns the page's address (after the `#`).
async fn open_real_bill(browser: &Browser) -> String {
    let input = browser
        .client
        .find(Locator::Css("#file-input"))
        .await
        .expect("file input");
    input.send_keys(&real_bill()).await.expect("pick the bill");
    browser.wait_for(".upload[data-status=read]").await;
    browser.click(".upload .open-bill-link a").await;
    browser.wait_for(".bill-page .charges").await;
    let url = browser.client.current_url().await.unwrap();
    url.fragment().unwrap_or_default().to_string()
}

/// The labels of the charges shown on the bill's page.
async fn charges(browser: &Browser) -> Vec<String> {
    let labels = run(
        browser,
        "return [...document.querySelectorAll('.bill-page tr.charge td:first-child')]\
           .map(td => td.firstChild ? td.firstChild.textContent.trim() : '')",
        vec![],
    )
    .await;
    serde_json::from_value(labels).unwrap()
}

/// Clicks the button `css` of the charge whose label contains `label`.
async fn click_in_row(browser: &Browser, label: &str, css: &str) {
    let clicked = run(
        browser,
        "const row = [...document.querySelectorAll('.bill-page tr.charge')]\
           .find(r => r.textContent.includes(arguments[0]));\
         const button = row && row.querySelector(arguments[1]);\
         if (!button) return false; button.click(); return true;",
        vec![serde_json::json!(label), serde_json::json!(css)],
    )
    .await;
    assert_eq!(clicked.as_bool(), Some(true), "{css} in the row of {label}");
}

/// Ticks or unticks the row of the page view whose label contains `label`.
async fn tick(browser: &Browser, label: &str) {
    let clicked = run(
        browser,
        "const item = [...document.querySelectorAll('.row-picks li')]\
           .find(li => li.textContent.includes(arguments[0]));\
         if (!item) return false; item.querySelector('input').click(); return true;",
        vec![serde_json::json!(label)],
    )
    .await;
    assert_eq!(clicked.as_bool(), Some(true), "a row reading {label}");
}

async fn type_into(browser: &Browser, css: &str, text: &str) {
    browser.wait_for(css).await;
    let field = browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

async fn wait_text(browser: &Browser, css: &str, needle: &str) {
    browser
        .wait_until(
            &format!(
                "const e = document.querySelector({css:?});\
                 return !!e && e.textContent.replace(/[\\u00a0\\u202f]/g, ' ').includes({needle:?})"
            ),
            &format!("{css} to say {needle}"),
            PATIENCE,
        )
        .await;
}

/// The explainer's rows are already gone and the 0,00 € usage line is usage, not a
/// charge; the person picks the instalment of the explainer as a charge from the page
/// view, says the plan's line is not a charge, fixes the period: the corrected bill no
/// longer adds up and says so.
async fn correct_the_bill(browser: &Browser) {
    // The explainer page (page 2) gave no charge: the reading already left it out; the
    // calls received abroad at 0,00 € are the bill's usage, shown apart.
    let read = charges(browser).await;
    assert_eq!(read, vec!["Forfait B&You 60Go".to_string()]);
    // Folded under its heading: its text is there, not shown until opened.
    let usage = run(
        browser,
        "return document.querySelector('.bill-page .usage-summary').textContent",
        vec![],
    )
    .await;
    let usage = spaced(usage.as_str().unwrap_or_default());
    assert!(usage.contains("Appels reçus en Zone Europe"), "{usage}");

    // Where does the plan's line come from? Page 3, its row highlighted, its amount
    // column framed.
    click_in_row(browser, "Forfait B&You", ".correct-line").await;
    browser.wait_for(".line-editor").await;
    browser.click(".line-editor .where-from").await;
    browser.wait_for(".page-view .page-svg").await;
    let focus = spaced(&browser.text(".row-picks li.focus").await);
    assert!(
        focus.contains("Forfait B&You 60Go") && focus.contains("12,99 €"),
        "{focus}"
    );
    let drawn = run(
        browser,
        "const g = document.querySelector('.page-svg g.focus');\
         return [g ? g.textContent : '', !!document.querySelector('.page-svg .amount-column'),\
           !!document.querySelector('.page-svg .focus-row'),\
           document.querySelector('.chip.pressed[data-page]').dataset.page]",
        vec![],
    )
    .await;
    assert_eq!(
        drawn[0].as_str().map(|t| t.contains("Forfait B&You 60Go")),
        Some(true),
        "{drawn}"
    );
    assert_eq!(drawn[1], true, "the amount column is framed");
    assert_eq!(drawn[2], true, "the row is highlighted");
    assert_eq!(drawn[3], "3", "on page 3");
    wait_text(browser, "#running-sum", "Le compte est bon").await;

    // Pick a row the reader left out, on the explainer page: one click.
    browser.click(".chip[data-page='2']").await;
    browser.wait_for(".chip.pressed[data-page='2']").await;
    tick(browser, "Mensualité de votre facilté de paiement").await;
    browser
        .wait_until(
            "return [...document.querySelectorAll('.bill-page tr.charge')]\
               .some(r => r.textContent.includes('Mensualité'))",
            "the instalment to be a charge",
            PATIENCE,
        )
        .await;
    let added = run(
        browser,
        "return [...document.querySelectorAll('.bill-page tr.charge')]\
           .find(r => r.textContent.includes('Mensualité')).textContent",
        vec![],
    )
    .await;
    let added = spaced(added.as_str().unwrap());
    assert!(
        added.contains("corrigé par vous") && added.contains("8,00 €"),
        "{added}"
    );
    // The running sum stands against the amount due, and the bill says it does not add up.
    wait_text(browser, "#running-sum", "20,99 €").await;
    let sum = spaced(&browser.text("#running-sum").await);
    assert!(sum.contains("12,99 €") && sum.contains("8,00 €"), "{sum}");
    browser.wait_for(".bill-page .reading-check").await;
    browser
        .wait_for("li.finding[data-rule=total_mismatch]")
        .await;

    // A line that is not a charge: two clicks.
    click_in_row(browser, "Forfait B&You", ".correct-line").await;
    browser.wait_for(".line-editor .not-a-charge").await;
    browser.click(".line-editor .not-a-charge").await;
    browser.wait_for(".removed-lines").await;
    assert_eq!(
        charges(browser).await,
        vec!["Mensualité de votre facilté de paiement pour votre equipement".to_string()]
    );
    assert!(spaced(&browser.text(".removed-lines").await).contains("Forfait B&You 60Go"));
    browser.wait_for("#undo-correction").await;
    wait_text(browser, "#running-sum", "8,00 €").await;

    // Fix the period, typed the French way.
    browser.click("#correct-header").await;
    browser.wait_for("#fix-start").await;
    type_into(browser, "#fix-start", "01/11/2019").await;
    type_into(browser, "#fix-end", "30/11/2019").await;
    browser.click("#save-header").await;
    browser.wait_for(".field.corrected").await;
    let period = spaced(&browser.text(".field.corrected").await);
    assert!(
        period.contains("01/11/2019 → 30/11/2019") && period.contains("corrigé par vous"),
        "{period}"
    );
}

/// What the corrected bill shows after a reload or an import.
async fn corrections_are_there(browser: &Browser) {
    browser.wait_for(".bill-page .charges").await;
    let shown = charges(browser).await;
    // The instalment picked on page 2; the plan's line set aside.
    assert_eq!(
        shown,
        vec!["Mensualité de votre facilté de paiement pour votre equipement".to_string()],
    );
    let period = spaced(&browser.text(".field.corrected").await);
    assert!(period.contains("01/11/2019 → 30/11/2019"), "{period}");
    assert!(spaced(&browser.text(".removed-lines").await).contains("Forfait B&You 60Go"));
    browser
        .wait_for("li.finding[data-rule=total_mismatch]")
        .await;
    let note = spaced(&browser.text(".bill-page .reading-check").await);
    assert!(
        note.contains("8,00 €") && note.contains("12,99 €"),
        "{note}"
    );
}

/// Leaves the page and opens it again at `route`: a new page load, not a move inside it.
async fn reload_at(browser: &Browser, server: &StaticServer, route: &str) {
    browser.client.goto("about:blank").await.unwrap();
    browser
        .client
        .goto(&format!("{}#{route}", server.url()))
        .await
        .unwrap();
    browser.wait_for("#tab-home").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_real_bill_corrected_from_its_page_view_keeps_its_corrections_across_a_reload() {
    let (server, browser) = open_app(1280, 900).await;
    let route = open_real_bill(&browser).await;
    correct_the_bill(&browser).await;
    browser
        .assert_accessible("the bill page with its page view")
        .await;
    browser.screenshot("page-view-1280").await;

    reload_at(&browser, &server, &route).await;
    corrections_are_there(&browser).await;
    // The bills page links to the corrected bill's own page (its address is its
    // reading's: a correction does not move it).
    browser.click("#tab-bills").await;
    browser.wait_for(".timeline-item a.open-bill").await;
    browser.click(".timeline-item a.open-bill").await;
    browser.wait_for("#bill-heading").await;
    assert_eq!(
        browser.client.current_url().await.unwrap().fragment(),
        Some(route.trim_start_matches('#')),
        "the corrected bill's page, at its address"
    );

    // The page view still works (the pages were kept): unticking the instalment takes it
    // back, ticking the plan's line brings it back, the bill adds up again and the finding
    // goes; the instalment ticked again, it is a charge again, and "undo" takes it back.
    let mismatch_gone = "return !document.querySelector('li.finding[data-rule=total_mismatch]')";
    // « M'aider à faire le compte » opens on a page of the charges, not on the summary
    // of page 1: the instalment, on page 2.
    browser.click("#help-add-up").await;
    browser.wait_for(".page-view .page-svg").await;
    assert_eq!(pressed_page(&browser).await, "2");
    tick(&browser, "Mensualité de votre facilté de paiement").await;
    wait_text(&browser, "#running-sum", "0,00 €").await;
    browser.click(".chip[data-page='3']").await;
    browser.wait_for(".chip.pressed[data-page='3']").await;
    tick(&browser, "Forfait B&You 60Go").await;
    wait_text(&browser, "#running-sum", "Le compte est bon").await;
    browser
        .wait_until(mismatch_gone, "the mismatch to go", PATIENCE)
        .await;
    browser.click(".chip[data-page='2']").await;
    browser.wait_for(".chip.pressed[data-page='2']").await;
    tick(&browser, "Mensualité de votre facilté de paiement").await;
    browser
        .wait_for("li.finding[data-rule=total_mismatch]")
        .await;
    browser.click("#undo-correction").await;
    browser
        .wait_until(mismatch_gone, "the mismatch to go again", PATIENCE)
        .await;
    wait_text(&browser, "#running-sum", "Le compte est bon").await;

    // The plan learns what the bill prints: name, data, calls, SMS, EU.
    browser.click("#tab-plan").await;
    browser.click("#prefill").await;
    browser.wait_for(".read-note").await;
    let values = run(
        &browser,
        "return ['#plan-name', '#plan-price', '#allowance-data', '#allowance-calls',\
           '#allowance-sms', '#allowance-eu'].map(s => document.querySelector(s).value)",
        vec![],
    )
    .await;
    assert_eq!(
        values,
        serde_json::json!([
            "Forfait B&You 60Go",
            "12,99",
            "60",
            "illimité",
            "illimité",
            "yes"
        ]),
        "the plan from what the bill prints"
    );
    browser.assert_accessible("the plan form").await;
    browser.screenshot("plan-from-bill-1280").await;
    browser.close().await;

    // On a phone: the page view fits and stays usable.
    let (_server, phone) = open_app(360, 780).await;
    open_real_bill(&phone).await;
    phone.click("#show-page-view").await;
    phone.wait_for(".page-view .page-svg").await;
    // On the page of the charges (page 3), not on the summary of page 1.
    assert_eq!(pressed_page(&phone).await, "3");
    let (size, glyphs, texts) = phone.drawing_text_px().await;
    assert!(
        texts > 0 && size >= 11.0 && glyphs >= 11.0,
        "the drawing's text is {size} px ({glyphs} px boxes, {texts} texts)"
    );
    let (overflow, culprit) = phone.horizontal_overflow().await;
    assert!(
        overflow <= 0,
        "the page view fits a phone: {overflow} px ({culprit})"
    );
    phone.assert_accessible("the page view on a phone").await;
    phone.screenshot("page-view-360").await;
    phone.close().await;
}

async fn stored(browser: &Browser, key: &str) -> serde_json::Value {
    let raw = run(
        browser,
        "return localStorage.getItem(arguments[0])",
        vec![serde_json::json!(key)],
    )
    .await;
    let envelope: serde_json::Value = serde_json::from_str(raw.as_str().unwrap_or("null")).unwrap();
    envelope["data"].clone()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn corrections_come_back_with_an_export_imported_after_a_wipe() {
    let (server, browser) = open_app(1280, 900).await;
    let route = open_real_bill(&browser).await;
    correct_the_bill(&browser).await;
    let before = stored(&browser, "contestel.corrections").await;
    assert_eq!(
        before["bills"][0]["edits"].as_array().map(Vec::len),
        Some(3),
        "{before}"
    );

    browser.click("#tab-data").await;
    browser.wait_for("tr[data-kind=corrections]").await;
    browser.click("#export").await;
    let exported = browser.downloaded("json").await;
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(text.contains("\"corrections\""), "the export holds them");
    assert!(
        !text.contains("RUM"),
        "the export does not hold the bill's pages"
    );

    // Storage wiped, the page reloaded: nothing left.
    run(&browser, "localStorage.clear()", vec![]).await;
    reload_at(&browser, &server, "/").await;
    assert!(browser.client.find(Locator::Css(".upload")).await.is_err());

    browser.click("#tab-data").await;
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
    assert!(
        summary.contains("1 facture(s), 3 correction(s)"),
        "{summary}"
    );
    browser.click("#import-replace").await;
    browser.wait_for("#data-notice").await;
    assert_eq!(stored(&browser, "contestel.corrections").await, before);

    reload_at(&browser, &server, &route).await;
    corrections_are_there(&browser).await;
    // The pages were not in the export: the page view says how to see them again.
    browser.click("#show-page-view").await;
    browser.wait_for("#pages-not-kept").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn contract_dates_are_typed_and_shown_day_first_in_english_too() {
    let (server, browser) = open_app(1280, 900).await;
    browser.click("#tab-plan").await;
    browser.click(".lang-switch").await;
    browser.wait_for("html[lang=en]").await;
    assert_eq!(browser.text("#promo-until-hint").await, "dd/mm/yyyy");
    let kind = run(
        &browser,
        "return document.querySelector('#terminated-on').type",
        vec![],
    )
    .await;
    assert_eq!(kind, "text", "not the browser's own date field");
    type_into(&browser, "#plan-price", "19,99").await;
    type_into(&browser, "#terminated-on", "31/02/2026").await;
    type_into(&browser, "#termination-confirmed-on", "20/01/2026").await;
    type_into(&browser, "#allowance-calls", "unlimited").await;
    browser.click("#save-plan").await;
    // No such day: said, and nothing saved.
    wait_text(&browser, "#plan-error", "There is no such day").await;
    let invalid = run(
        &browser,
        "return document.querySelector('#terminated-on').getAttribute('aria-invalid')",
        vec![],
    )
    .await;
    assert_eq!(invalid, "true");
    // A price no one could type is refused with a clear message, not a crash.
    type_into(&browser, "#plan-price", "99999999999999999999999999999").await;
    type_into(&browser, "#terminated-on", "31/01/2026").await;
    browser.click("#save-plan").await;
    wait_text(&browser, "#plan-error", "Amount too large").await;
    type_into(&browser, "#plan-price", "19,99").await;
    browser.click("#save-plan").await;
    browser.wait_for(".plan-edit .notice").await;
    let stored = stored(&browser, "contestel.plans").await;
    assert_eq!(
        stored["plans"][0]["terminated_on"], "2026-01-31",
        "{stored}"
    );
    assert_eq!(
        stored["plans"][0]["termination_confirmed_on"], "2026-01-20",
        "{stored}"
    );
    assert_eq!(
        stored["plans"][0]["allowances"]["calls"], "unlimited",
        "{stored}"
    );

    // Shown day first after a reload, whatever the language.
    reload_at(&browser, &server, "/plan").await;
    browser.wait_for("#terminated-on").await;
    let shown = run(
        &browser,
        "return ['#terminated-on', '#termination-confirmed-on']\
           .map(s => document.querySelector(s).value)",
        vec![],
    )
    .await;
    assert_eq!(shown, serde_json::json!(["31/01/2026", "20/01/2026"]));
    browser.assert_accessible("the plan form").await;
    browser.close().await;
}
