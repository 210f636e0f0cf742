//! End-to-end: the built site (`dist/`) served under a sub-path, driven in real Chromium.
//!
//! Ignored by a plain `cargo test` (they need `make dist` and ChromeDriver); `make test`
//! runs them with `--ignored`. Screenshots land in `target/screenshots/`.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;
use std::time::Duration;

use fantoccini::Locator;
use support::{dist_dir, Browser, StaticServer};

/// GitHub Pages serves a project site under `/<repo>/`: test exactly that.
const BASE: &str = "/contestel/";
const PATIENCE: Duration = Duration::from_secs(30);

async fn open_app(width: u32, height: u32) -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), BASE);
    let browser = Browser::start(width, height).await;
    browser
        .client
        .goto(&server.url())
        .await
        .expect("open the page");
    wait_for(&browser, "#sample-button", "the app to start").await;
    (server, browser)
}

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

/// WebDriver reports no-break spaces as plain spaces.
fn spaced(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

async fn upload(browser: &Browser, path: &str) {
    let input = browser
        .client
        .find(Locator::Css("#file-input"))
        .await
        .expect("file input");
    input.send_keys(path).await.expect("pick a file");
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn sample_bill_is_read_in_the_worker_and_shown() {
    let (server, browser) = open_app(1280, 900).await;
    let lang = browser
        .client
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    assert_eq!(lang.as_str(), Some("fr"));

    read_sample(&browser).await;
    // What a person needs to see: who billed, which invoice, how much, and every charge
    // with its amount, as the sample bill's expected reading has them.
    let expected: contestel::core::bill::Bill = serde_json::from_str(
        &std::fs::read_to_string(fixture("bills/sample-orange-mobile.expected.json")).unwrap(),
    )
    .unwrap();
    let card = browser.client.find(Locator::Css(".upload")).await.unwrap();
    let text = card.text().await.unwrap();
    assert!(text.contains("Orange"), "{text}");
    assert!(
        text.contains(expected.invoice_number.as_deref().unwrap()),
        "{text}"
    );
    assert!(text.contains("68,04 €"), "the total is shown:\n{text}");
    let rows = browser
        .client
        .find_all(Locator::Css(".upload table.charges tr.charge"))
        .await
        .unwrap();
    assert_eq!(rows.len(), expected.lines.len(), "one row per charge");
    for (row, line) in rows.iter().zip(&expected.lines) {
        let row = spaced(&row.text().await.unwrap());
        let amount = spaced(&contestel::core::i18n::format_amount(
            line.amount,
            contestel::core::i18n::Lang::Fr,
        ));
        assert!(
            row.contains(&spaced(&line.label)) && row.contains(&amount),
            "{row:?} shows {line:?}"
        );
    }
    browser.screenshot("sample-bill-1280").await;

    // Every asset came from under the sub-path, and none was missing.
    let failures = server.failures();
    assert!(
        failures.is_empty(),
        "requests that failed under {BASE}: {failures:?}"
    );
    let log = server.log.lock().unwrap().clone();
    assert!(
        log.iter().any(|(r, _)| r.contains("worker_loader.js")),
        "the worker was used: {log:?}"
    );
    assert!(
        log.iter()
            .all(|(r, _)| r.split(' ').nth(1).unwrap_or("").starts_with(BASE)),
        "{log:?}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_file_that_is_not_a_pdf_gets_a_clear_error_and_the_page_keeps_working() {
    let (_server, browser) = open_app(1280, 900).await;
    upload(&browser, &fixture("e2e/not-a-bill.pdf")).await;
    browser
        .wait_until(
            "return document.querySelectorAll('.upload[data-status=failed]').length === 1",
            "the bad file to be reported",
            PATIENCE,
        )
        .await;
    let alert = browser
        .client
        .find(Locator::Css(".upload .error"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(alert, "Ce fichier n'est pas un PDF.");

    // Still usable: the sample bill reads after the failure.
    read_sample(&browser).await;
    browser.screenshot("bad-file-then-sample-1280").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_page_fits_a_phone_screen() {
    let (_server, browser) = open_app(360, 740).await;
    read_sample(&browser).await;
    let overflow = browser
        .client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    let wide = browser
        .client
        .execute(
            "return [...document.querySelectorAll('body *')]\
               .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)\
               .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow.as_i64(),
        Some(0),
        "no horizontal scrolling at 360 px; too wide: {wide}"
    );
    browser.screenshot("sample-bill-360").await;
    browser.close().await;
}

/// The bad inputs and the error kind each must give, from `tests/fixtures/bad/README.md`.
fn bad_inputs() -> Vec<(String, contestel::core::error::ReadErrorKind)> {
    let table = std::fs::read_to_string(fixture("bad/README.md")).expect("bad/README.md");
    table
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line
                .split('|')
                .map(|c| c.trim().trim_matches('`'))
                .collect();
            let kind = serde_json::from_value(serde_json::json!({ "kind": cells[4] }))
                .unwrap_or_else(|e| panic!("unknown error kind {:?}: {e}", cells[4]));
            (cells[1].to_string(), kind)
        })
        .collect()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn every_bad_input_gets_its_own_clear_error_and_a_good_bill_still_reads() {
    use contestel::core::error::ReadError;
    use contestel::core::i18n::Lang;

    let bad = bad_inputs();
    assert!(bad.len() >= 10, "the bad-input table was read: {bad:?}");
    let (_server, browser) = open_app(1280, 900).await;
    let mut paths: Vec<String> = bad
        .iter()
        .map(|(name, _)| fixture(&format!("bad/{name}")))
        .collect();
    paths.push(fixture("bills/free-box-2026-10.pdf"));
    // ChromeDriver takes several files for one <input multiple> separated by newlines.
    upload(&browser, &paths.join("\n")).await;
    browser
        .wait_until(
            &format!(
                "return document.querySelectorAll('.upload[data-status=failed]').length === {} \
                 && document.querySelectorAll('.upload[data-status=read]').length === 1",
                bad.len()
            ),
            "every bad file to be reported and the good bill to be read",
            Duration::from_secs(120),
        )
        .await;
    let cards = browser
        .client
        .execute(
            "return [...document.querySelectorAll('.upload')].map(card => [\
               card.querySelector('.file-name').textContent,\
               (card.querySelector('.error') || {textContent: ''}).textContent])",
            vec![],
        )
        .await
        .unwrap();
    let cards: Vec<(String, String)> = serde_json::from_value(cards).unwrap();
    for (name, kind) in &bad {
        let shown = cards
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, e)| e.as_str());
        let expected = ReadError::new(kind.clone()).message(Lang::Fr);
        assert_eq!(shown, Some(expected.as_str()), "{name}");
    }
    browser.screenshot("bad-inputs-1280").await;
    browser.close().await;
}

/// Waits until an element matching `css` is on the page.
async fn wait_for(browser: &Browser, css: &str, what: &str) {
    let script = format!("return !!document.querySelector({css:?})");
    browser.wait_until(&script, what, PATIENCE).await;
}

async fn click(browser: &Browser, css: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn type_into(browser: &Browser, css: &str, text: &str) {
    let field = browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.send_keys(text).await.unwrap();
}

async fn read_sample(browser: &Browser) {
    click(browser, "#sample-button").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.upload[data-status=read]').length === 1",
            "the sample bill to be read",
            PATIENCE,
        )
        .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_case_opened_from_a_bill_line_keeps_its_exchanges_across_a_reload() {
    let (server, browser) = open_app(1280, 900).await;
    read_sample(&browser).await;

    // Dispute the option nobody asked for, straight from the bill.
    click(
        &browser,
        "button.contest[aria-label*='Option Sécurité Mobile']",
    )
    .await;
    wait_for(&browser, "#case-title", "the case to open").await;
    let title = browser
        .client
        .find(Locator::Css("#case-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(title.contains("Option Sécurité Mobile"), "{title}");
    let advice = browser
        .client
        .find(Locator::Css(".next-step"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        advice.contains("service client"),
        "first step: customer service: {advice}"
    );

    // Three exchanges: a call, the registered letter, a chat.
    let exchanges = [
        (
            "customer_service",
            "phone",
            "TK-88123",
            "Demande d'explication sur l'option",
        ),
        (
            "written_complaint",
            "registered_letter",
            "1A 234 567 8901 2",
            "Réclamation écrite envoyée",
        ),
        ("customer_service", "chat", "CH-5521", "Relance par chat"),
    ];
    for (i, (stage, channel, reference, said)) in exchanges.iter().enumerate() {
        click(
            &browser,
            &format!(".event-form select:nth-of-type(1) option[value={stage}]"),
        )
        .await;
        let channel_select = ".event-form label:nth-child(3) select";
        click(
            &browser,
            &format!("{channel_select} option[value={channel}]"),
        )
        .await;
        type_into(&browser, ".event-form label:nth-child(5) input", reference).await;
        type_into(&browser, ".event-form label:nth-child(6) textarea", said).await;
        click(&browser, ".event-form button[type=submit]").await;
        browser
            .wait_until(
                &format!(
                    "return document.querySelectorAll('.events .event').length === {}",
                    i + 1
                ),
                "the exchange to be listed",
                PATIENCE,
            )
            .await;
    }
    let advice = browser
        .client
        .find(Locator::Css(".next-step"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        advice.contains("Attendez la réponse"),
        "after the written complaint, wait: {advice}"
    );
    let letter = browser
        .client
        .find(Locator::Css("#letter-text"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        letter.contains("Option Sécurité Mobile") && letter.contains("TK-88123"),
        "{letter}"
    );
    browser.screenshot("case-1280").await;

    // A reload (a month later, for the person) finds everything in place.
    browser.client.goto(&server.url()).await.unwrap();
    wait_for(&browser, ".tabs", "the app to start again").await;
    // The bill read before is still there, as read (the PDF itself was never kept).
    wait_for(
        &browser,
        ".upload[data-status=read] .charges",
        "the bill kept from the last visit",
    )
    .await;
    click(&browser, "#tab-cases").await;
    click(&browser, ".case-card button").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.events .event').length === 3",
            "the three exchanges",
            PATIENCE,
        )
        .await;
    let timeline = browser
        .client
        .find(Locator::Css(".events"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for (_, _, reference, said) in exchanges {
        assert!(
            timeline.contains(reference) && timeline.contains(said),
            "{reference} kept:\n{timeline}"
        );
    }
    // Already before a court: the advice warns that the Médiateur cannot take it.
    click(&browser, ".case-settings input[type=checkbox]").await;
    browser
        .wait_until(
            "return [...document.querySelectorAll('.caution li')].some(li => li.textContent.includes('tribunal'))",
            "the inadmissibility warning",
            PATIENCE,
        )
        .await;
    browser.close().await;
}

async fn at_stake(browser: &Browser) -> String {
    let text = browser
        .client
        .find(Locator::Css("#total-at-stake"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    spaced(&text)
}

async fn flagged_labels(browser: &Browser) -> Vec<String> {
    let value = browser
        .client
        .execute(
            "return [...document.querySelectorAll('tr.charge.alert, tr.charge.warning')]\
               .map(row => row.querySelector('td').firstChild.textContent)",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn entering_the_plan_flags_what_the_contract_does_not_cover() {
    let (_server, browser) = open_app(1280, 900).await;
    read_sample(&browser).await;

    // Without a plan: what is suspicious by nature (premium numbers, third parties,
    // roaming outside the EU, a one-off fee).
    assert_eq!(at_stake(&browser).await, "30,05 €");
    let flagged = flagged_labels(&browser).await;
    assert_eq!(flagged.len(), 9, "{flagged:?}");
    assert!(
        !flagged.iter().any(|l| l.starts_with("Option Sécurité")),
        "{flagged:?}"
    );

    // The contract: 24,99 € after a promotion that ended on 31 August, one option.
    click(&browser, "#tab-plan").await;
    type_into(&browser, "#plan-name", "Forfait Orange 5G 100 Go").await;
    type_into(&browser, "#plan-price", "24,99").await;
    type_into(&browser, "#promo-price", "14,99").await;
    browser
        .client
        .execute(
            "const input = document.querySelector('#promo-until');\
             const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;\
             set.call(input, '2026-08-31'); input.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    click(&browser, ".options button").await;
    type_into(
        &browser,
        ".option-row label:nth-child(1) input",
        "Option Multi-SIM",
    )
    .await;
    type_into(&browser, ".option-row label:nth-child(2) input", "5,00").await;
    click(&browser, "#save-plan").await;
    wait_for(&browser, ".notice", "the plan to be saved").await;
    // A second plan, for the box: the mobile line's bill keeps its own contract.
    click(&browser, "#new-plan").await;
    wait_for(&browser, "#plan-name", "a blank plan form").await;
    type_into(&browser, "#plan-name", "Freebox Pop").await;
    type_into(&browser, "#plan-line", "09 51 23 45 67").await;
    type_into(&browser, "#plan-price", "29,99").await;
    click(&browser, "#save-plan").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.plan .chip').length === 3",
            "two plans and the new-plan button",
            PATIENCE,
        )
        .await;
    browser.screenshot("plans-1280").await;

    click(&browser, "#tab-bills").await;
    wait_for(&browser, "#total-at-stake", "the findings").await;
    assert_eq!(at_stake(&browser).await, "38,05 €");
    let flagged = flagged_labels(&browser).await;
    assert_eq!(flagged.len(), 11, "{flagged:?}");
    for label in [
        "Forfait Orange 5G 100 Go du 01/10 au 31/10",
        "Option Sécurité Mobile du 01/10 au 31/10",
    ] {
        assert!(
            flagged.iter().any(|l| l == label),
            "{label} flagged: {flagged:?}"
        );
    }
    assert!(
        !flagged.iter().any(|l| l.starts_with("Option Multi-SIM")),
        "the subscribed option is not flagged"
    );
    browser.screenshot("findings-1280").await;
    browser.close().await;
}

async fn stored_journal(browser: &Browser) -> serde_json::Value {
    let raw = browser
        .client
        .execute("return localStorage.getItem('contestel.journal')", vec![])
        .await
        .unwrap();
    let envelope: serde_json::Value = serde_json::from_str(raw.as_str().unwrap_or("null")).unwrap();
    envelope["data"].clone()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn an_export_imported_after_clearing_storage_brings_everything_back() {
    let (server, browser) = open_app(1280, 900).await;
    read_sample(&browser).await;
    click(
        &browser,
        "li.finding[data-rule=third_party] button.contest-finding",
    )
    .await;
    wait_for(&browser, "#case-title", "the case to open").await;
    for reference in ["TK-1", "TK-2"] {
        type_into(&browser, ".event-form label:nth-child(5) input", reference).await;
        click(&browser, ".event-form button[type=submit]").await;
    }
    browser
        .wait_until(
            "return document.querySelectorAll('.events .event').length === 2",
            "two exchanges",
            PATIENCE,
        )
        .await;
    let before = stored_journal(&browser).await;
    assert_eq!(
        before["cases"].as_array().map(Vec::len),
        Some(1),
        "{before}"
    );

    click(&browser, "#tab-data").await;
    click(&browser, "#export").await;
    let downloads = browser.downloads();
    let deadline = std::time::Instant::now() + PATIENCE;
    let exported = loop {
        let done = std::fs::read_dir(&downloads)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "json"));
        if let Some(path) = done {
            break path;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no export file in {}",
            downloads.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // Storage wiped (what a browser does after long disuse), then the page reloaded.
    browser
        .client
        .execute("localStorage.clear()", vec![])
        .await
        .unwrap();
    browser.client.goto(&server.url()).await.unwrap();
    wait_for(&browser, "#tab-data", "the app to start again").await;
    click(&browser, "#tab-cases").await;
    assert!(
        browser
            .client
            .find(Locator::Css(".case-card"))
            .await
            .is_err(),
        "no case left"
    );

    click(&browser, "#tab-data").await;
    upload_to(&browser, "#import-file", &exported.display().to_string()).await;
    wait_for(&browser, "#import-summary", "the import preview").await;
    let summary = browser
        .client
        .find(Locator::Css("#import-summary"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(summary.contains("1 dossier(s), 2 échange(s)"), "{summary}");
    click(&browser, "#import-replace").await;
    wait_for(&browser, "#data-notice", "the import to finish").await;
    let after = stored_journal(&browser).await;
    assert_eq!(
        serde_json::to_string(&after).unwrap(),
        serde_json::to_string(&before).unwrap()
    );
    // The bill read comes back too.
    click(&browser, "#tab-bills").await;
    wait_for(
        &browser,
        ".upload[data-status=read] .charges",
        "the imported bill",
    )
    .await;
    browser.close().await;
}

async fn upload_to(browser: &Browser, css: &str, path: &str) {
    let input = browser
        .client
        .find(Locator::Css(css))
        .await
        .expect("file input");
    input.send_keys(path).await.expect("pick a file");
}
