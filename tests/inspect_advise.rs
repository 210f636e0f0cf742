//! `inspect advise`, run for real: whole cases walked through the ladder day by day, the
//! command's JSON checked against the journal's own report on every boundary, and a bad
//! case file refused with exit 2 naming its field.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

use chrono::{Days, NaiveDate};
use contestel::core::i18n::Lang;
use contestel::core::journal::advice::report;
use contestel::core::journal::case::Case;
use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn load(name: &str) -> Case {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn days(from: &str, to: &str) -> impl Iterator<Item = NaiveDate> {
    let (from, to) = (day(from), day(to));
    (0..=(to - from).num_days()).map(move |n| from + Days::new(n as u64))
}

fn advise(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inspect"))
        .arg("advise")
        .args(args)
        .output()
        .expect("inspect runs")
}

fn advised(file: &str, today: NaiveDate, lang: &str) -> Value {
    let out = advise(&[file, "--today", &today.to_string(), "--lang", lang]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is one JSON document ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// The next step on `today` as `step` plus its dates, without its words.
fn step(report: &Value) -> String {
    let next = report["next"].as_object().unwrap();
    let mut parts = vec![next["step"].as_str().unwrap().to_string()];
    for (key, value) in next {
        if key != "step" && key != "text" {
            parts.push(format!(
                "{key}={}",
                value.as_str().map_or(value.to_string(), str::to_string)
            ));
        }
    }
    parts.join(" ")
}

fn deadline(report: &Value, kind: &str) -> Option<String> {
    report["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == kind)
        .map(|d| d["date"].as_str().unwrap().to_string())
}

fn warned(report: &Value, warning: &str) -> bool {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["warning"] == warning)
}

/// Which of a table's rows covers `today`: rows are (first day, what is expected).
fn expected<'a>(table: &'a [(&'a str, &'a str)], today: NaiveDate) -> &'a str {
    table
        .iter()
        .rev()
        .find(|(from, _)| day(from) <= today)
        .map(|(_, e)| *e)
        .unwrap()
}

/// The ladder case: what the next step is from each day on.
const LADDER: &[(&str, &str)] = &[
    ("2026-01-04", "contact_customer_service"),
    // The call is on record: now in writing.
    ("2026-01-05", "send_written_complaint"),
    // The registered letter: a month for an answer, then the second level.
    ("2026-01-08", "wait_for_answer until=2026-02-08"),
    // Refused on 20 January: the consumer service at once, not the Médiateur.
    ("2026-01-20", "write_to_consumer_service"),
    // Written to on 22 January: its month of silence.
    ("2026-01-22", "wait_for_answer until=2026-02-22"),
    ("2026-02-22", "refer_to_mediator before=2027-01-08"),
    // Referred on 25 February: a rejection would come within three weeks.
    ("2026-02-25", "wait_for_mediator_notice until=2026-03-18"),
    // The notice that it has the file on 10 March: the proposal within 90 days of it.
    ("2026-03-10", "wait_for_proposal until=2026-06-08"),
    // The proposal, refused on 20 May: a formal notice, the mediation counting before court.
    ("2026-05-20", "send_formal_notice prior_attempt=true"),
];

#[test]
fn the_ladder_case_is_walked_every_day_from_the_first_call_to_the_proposal() {
    let case = load("ladder.json");
    for today in days("2026-01-04", "2026-06-30") {
        let got = serde_json::to_value(report(&case, today, Lang::Fr)).unwrap();
        assert_eq!(step(&got), expected(LADDER, today), "{today}");
        // The dates each step rests on, on the days they matter.
        let on = |from: &str, to: &str| today >= day(from) && today <= day(to);
        if on("2026-01-08", "2026-01-19") {
            assert_eq!(
                deadline(&got, "second_level_opens").as_deref(),
                Some("2026-02-08"),
                "{today}"
            );
            assert_eq!(
                deadline(&got, "mediator_opens").as_deref(),
                Some("2026-03-08"),
                "{today}"
            );
        }
        if on("2026-01-20", "2026-01-21") {
            assert_eq!(
                deadline(&got, "mediator_opens"),
                None,
                "no Médiateur before the second level: {today}"
            );
        }
        if on("2026-01-22", "2026-02-24") {
            assert_eq!(
                deadline(&got, "mediator_opens").as_deref(),
                Some("2026-02-22"),
                "{today}"
            );
            assert_eq!(
                deadline(&got, "mediator_closes").as_deref(),
                Some("2027-01-08"),
                "{today}"
            );
            assert_eq!(
                deadline(&got, "refund_window_closes").as_deref(),
                Some("2027-01-17"),
                "{today}"
            );
        }
        if on("2026-02-25", "2026-03-09") {
            assert_eq!(
                deadline(&got, "mediator_proposal"),
                None,
                "not 90 days from the referral: {today}"
            );
            // Referred, but its notice not yet come: by the safer reading the window
            // still runs, and the person is told why.
            assert!(warned(&got, "suspension_awaits_notice"), "{today}");
            assert!(!warned(&got, "refund_window_suspended"), "{today}");
            assert_eq!(
                deadline(&got, "refund_window_closes").as_deref(),
                Some("2027-01-17"),
                "{today}"
            );
        }
        if on("2026-03-10", "2026-05-19") {
            assert!(warned(&got, "refund_window_suspended"), "{today}");
            assert_eq!(deadline(&got, "refund_window_closes"), None, "{today}");
            assert_eq!(
                deadline(&got, "refund_window_resumed_closes"),
                None,
                "{today}"
            );
        }
        // The mediation ended with its proposal on 20 May: the 313 days left on 10 March
        // run again from it, to 29 March 2027 (more than the six months' minimum).
        if today >= day("2026-05-20") {
            assert!(!warned(&got, "refund_window_suspended"), "{today}");
            assert_eq!(deadline(&got, "refund_window_closes"), None, "{today}");
            assert_eq!(
                deadline(&got, "refund_window_resumed_closes").as_deref(),
                Some("2027-03-29"),
                "{today}"
            );
        }
        if on("2026-03-10", "2026-05-19") {
            assert_eq!(
                deadline(&got, "mediator_proposal").as_deref(),
                Some("2026-06-08"),
                "{today}"
            );
        }
        // Never a step before the one before it is on record.
        assert!(
            !warned(&got, "mediator_too_early") && !warned(&got, "mediator_step_skipped"),
            "{today}"
        );
        let letters: Vec<&str> = got["letters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert_eq!(
            letters.contains(&"mediator"),
            today >= day("2026-02-22"),
            "the Médiateur's summary from the day it opens: {today} {letters:?}"
        );
    }
}

/// The days around each row's first day, for the command itself.
fn boundaries(table: &[(&str, &str)]) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = table
        .iter()
        .flat_map(|(from, _)| {
            let d = day(from);
            [d - Days::new(1), d, d + Days::new(1)]
        })
        .collect();
    out.retain(|d| *d >= day(table[0].0));
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_command_prints_the_journals_own_advice_across_each_boundary() {
    let case = load("ladder.json");
    let file = fixture("ladder.json");
    for today in boundaries(LADDER) {
        let printed = advised(&file, today, "fr");
        let own = serde_json::to_value(report(&case, today, Lang::Fr)).unwrap();
        assert_eq!(printed, own, "{today}");
        assert_eq!(step(&printed), expected(LADDER, today), "{today}");
        for key in ["next", "stage", "warnings", "deadlines", "letters"] {
            assert!(printed.get(key).is_some(), "{key} on {today}");
        }
        for d in printed["deadlines"].as_array().unwrap() {
            assert_eq!(d.as_object().unwrap().len(), 2, "kind and date: {d}");
            day(d["date"].as_str().unwrap());
        }
    }
    // In English, the same advice in other words.
    let en = advised(&file, day("2026-02-22"), "en");
    assert_eq!(step(&en), "refer_to_mediator before=2027-01-08");
    assert!(
        en["next"]["text"]
            .as_str()
            .unwrap()
            .contains("by 8 Jan 2027"),
        "{}",
        en["next"]
    );
    assert_eq!(en["stage"], "mediator");
    assert_eq!(en["letters"][0], "mediator");
}

/// The refused case: the Médiateur refuses the file, so no mediation took place.
const REJECTED: &[(&str, &str)] = &[
    ("2026-02-25", "wait_for_mediator_notice until=2026-03-18"),
    // Refused on 12 March: not the prior attempt a court asks for.
    ("2026-03-12", "send_formal_notice prior_attempt=false"),
    ("2026-03-20", "wait_for_answer until=2026-04-05"),
    // The formal notice unheeded, up to 5 000 €: a conciliateur de justice first.
    ("2026-04-06", "see_conciliator"),
    ("2026-04-15", "wait_for_conciliation"),
    // Its record of failure on 15 May: the conciliation was the prior attempt.
    (
        "2026-05-15",
        "go_to_court prior_attempt=true small_claim=true",
    ),
];

#[test]
fn a_refused_referral_is_no_mediation_and_leads_to_a_conciliateur() {
    let case = load("rejected.json");
    let file = fixture("rejected.json");
    for today in days("2026-02-25", "2026-06-30") {
        // What the list of cases shows is the advice's own next step.
        assert_eq!(
            contestel::core::journal::advice::next(&case, today),
            contestel::core::journal::advice::advise(&case, today).next,
            "{today}"
        );
        let got = serde_json::to_value(report(&case, today, Lang::Fr)).unwrap();
        assert_eq!(step(&got), expected(REJECTED, today), "{today}");
        let refused = today >= day("2026-03-12");
        assert_eq!(warned(&got, "mediator_rejected"), refused, "{today}");
        // A refused file suspends nothing: the first window runs until the conciliation
        // (15 April to 15 May) stops it; then the 277 days left run again, to 16
        // February 2027.
        let (closes, resumed) = match today {
            t if t < day("2026-04-15") => (Some("2027-01-17"), None),
            t if t < day("2026-05-15") => (None, None),
            _ => (None, Some("2027-02-16")),
        };
        assert_eq!(
            deadline(&got, "refund_window_closes").as_deref(),
            closes,
            "{today}"
        );
        assert_eq!(
            deadline(&got, "refund_window_resumed_closes").as_deref(),
            resumed,
            "{today}"
        );
        assert_eq!(
            warned(&got, "refund_window_suspended"),
            today >= day("2026-04-15") && today < day("2026-05-15"),
            "{today}"
        );
    }
    for today in boundaries(REJECTED) {
        let printed = advised(&file, today, "fr");
        assert_eq!(
            printed,
            serde_json::to_value(report(&case, today, Lang::Fr)).unwrap(),
            "{today}"
        );
    }
    let refused = advised(&file, day("2026-03-12"), "fr");
    let text = refused["next"]["text"].as_str().unwrap();
    assert!(
        text.contains("un dossier que le Médiateur a refusé n'en est pas une")
            && !text.contains("vaut déjà la tentative préalable"),
        "{text}"
    );
    let warning = refused["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["warning"] == "mediator_rejected")
        .unwrap();
    assert!(
        warning["text"]
            .as_str()
            .unwrap()
            .contains("conciliateur de justice (gratuit)"),
        "{warning}"
    );
    let conciliator = advised(&file, day("2026-04-06"), "en");
    assert_eq!(conciliator["stage"], "conciliator");
    assert!(
        conciliator["next"]["text"]
            .as_str()
            .unwrap()
            .contains("conciliateur de justice is free"),
        "{}",
        conciliator["next"]
    );
}

/// The late case: when the refund window warnings come and go.
const LATE: &[(&str, &str)] = &[
    ("2026-02-09", "contact_customer_service"),
    ("2026-02-10", "send_written_complaint"),
    ("2026-02-20", "wait_for_answer until=2026-03-20"),
    ("2026-03-20", "write_to_consumer_service"),
];

#[test]
fn the_late_case_warns_that_the_refund_window_closes_before_the_mediator_opens() {
    let case = load("late.json");
    let file = fixture("late.json");
    for today in days("2026-02-09", "2026-04-30") {
        let got = serde_json::to_value(report(&case, today, Lang::Fr)).unwrap();
        assert_eq!(step(&got), expected(LATE, today), "{today}");
        // Paid on 15 April 2025: the window closes on 15 April 2026, warned 60 days ahead
        // (from 14 February) and still said once past.
        assert_eq!(
            warned(&got, "refund_window_closing"),
            today >= day("2026-02-14"),
            "{today}"
        );
        // With nothing written, the Médiateur is two months away at best: from 16 February
        // that is after 15 April. The complaint of 20 February, unanswered, opens it on 20
        // April; refused on 20 March, the second level first. The warning lasts as long as
        // the window is open.
        let late = today >= day("2026-02-16") && today <= day("2026-04-15");
        assert_eq!(
            warned(&got, "mediator_after_refund_window"),
            late,
            "{today}"
        );
    }
    for today in [
        "2026-02-13",
        "2026-02-14",
        "2026-02-15",
        "2026-02-16",
        "2026-04-15",
        "2026-04-16",
    ] {
        let today = day(today);
        let printed = advised(&file, today, "en");
        assert_eq!(
            printed,
            serde_json::to_value(report(&case, today, Lang::En)).unwrap(),
            "{today}"
        );
    }
    let on_the_day = advised(&file, day("2026-02-16"), "fr");
    let warning = on_the_day["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["warning"] == "mediator_after_refund_window")
        .unwrap();
    assert_eq!(warning["on"], "2026-04-15");
    assert_eq!(warning["opens"], "2026-04-16");
    assert!(
        warning["text"].as_str().unwrap().contains("tribunal"),
        "{warning}"
    );
    assert_eq!(
        deadline(&on_the_day, "refund_window_closes").as_deref(),
        Some("2026-04-15")
    );
}

fn write_case(test: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("case.json");
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn a_bad_case_file_exits_2_naming_its_field() {
    let good: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("ladder.json")).unwrap()).unwrap();
    let mut cases: Vec<(&str, Value, &str)> = Vec::new();
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("opened_on");
    cases.push(("missing", missing, "opened_on"));
    let mut bad_date = good.clone();
    bad_date["events"][1]["date"] = "2026-13-01".into();
    cases.push(("bad-date", bad_date, "events[1].date"));
    let mut bad_reason = good.clone();
    bad_reason["lines"][0]["reason"] = "jamais demandé".into();
    cases.push(("bad-reason", bad_reason, "lines[0].reason"));
    let mut misspelt = good.clone();
    misspelt["complaint_chanel"] = "email".into();
    cases.push(("misspelt", misspelt, "complaint_chanel"));
    let mut misspelt_event = good.clone();
    misspelt_event["events"][2]["answerd_on"] = "2026-02-01".into();
    cases.push(("misspelt-event", misspelt_event, "events[2].answerd_on"));
    let mut bad_stage = good;
    bad_stage["events"][0]["stage"] = "tribunal".into();
    cases.push(("bad-stage", bad_stage, "events[0].stage"));
    for (name, value, field) in cases {
        let path = write_case(&format!("advise-{name}"), &value.to_string());
        let out = advise(&[&path, "--today", "2026-03-01"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(&format!("`{field}`")), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
    }
    let not_json = write_case("advise-not-json", "%PDF-1.7");
    let out = advise(&[&not_json]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a case"));
}

#[test]
fn bad_usage_exits_2() {
    let file = fixture("ladder.json");
    for args in [
        vec![],
        vec![file.as_str(), "--today", "30/11/2026"],
        vec![file.as_str(), "--lang", "de"],
        vec![file.as_str(), file.as_str()],
        vec![file.as_str(), "--plan", "x"],
    ] {
        let out = advise(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let help = advise(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("inspect advise CASE.json"));
}

#[test]
fn a_report_and_an_association_are_recorded_and_the_advice_follows_them() {
    let case = load("association.json");
    let file = fixture("association.json");
    for today in days("2026-01-31", "2026-05-20") {
        let got = serde_json::to_value(report(&case, today, Lang::Fr)).unwrap();
        // Before 1 March the association only advised. From 1 March, the person a member,
        // it writes to the operator and said it would come back by 15 May: the person's
        // own moves (the consumer service from 10 March, the Médiateur later) wait for it
        // until then; waiting for the operator stays what it is.
        let step = got["next"]["step"].as_str().unwrap();
        match today {
            t if t < day("2026-03-01") => assert_ne!(step, "wait_for_association", "{today}"),
            t if t < day("2026-03-10") => assert_eq!(step, "wait_for_answer", "{today}"),
            t if t <= day("2026-05-15") => {
                assert_eq!(step, "wait_for_association", "{today}");
                assert_eq!(got["next"]["until"], "2026-05-15", "{today}");
                let text = got["next"]["text"].as_str().unwrap();
                assert!(
                    text.contains("15/05/2026") && text.contains("continuent de courir"),
                    "{text}"
                );
            }
            _ => assert_ne!(step, "wait_for_association", "{today}"),
        }
        // The SignalConso report of 1 February is not a complaint: said until the written
        // complaint of 10 February is on record.
        assert_eq!(
            warned(&got, "report_is_not_a_complaint"),
            today >= day("2026-02-01") && today < day("2026-02-10"),
            "{today}"
        );
        // The association from its first exchange on 15 February; a member from 1 March.
        let alongside = got["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["warning"] == "association_alongside");
        match today {
            t if t < day("2026-02-15") => assert!(alongside.is_none(), "{today}"),
            t => {
                let w = alongside.unwrap();
                assert_eq!(w["name"], "UFC-Que Choisir (Lyon)", "{today}");
                assert_eq!(w["member"], t >= day("2026-03-01"), "{today}");
                let text = w["text"].as_str().unwrap();
                assert!(text.contains("n'arrêtent aucun délai"), "{text}");
                assert_eq!(
                    text.contains("il faut en général y adhérer"),
                    t < day("2026-03-01"),
                    "{text}"
                );
                // Taking the case on is said while its news is awaited.
                assert_eq!(
                    text.contains("s'occupe du dossier"),
                    t >= day("2026-03-01"),
                    "{text}"
                );
            }
        }
    }
    let printed = advised(&file, day("2026-02-05"), "en");
    assert_eq!(
        printed,
        serde_json::to_value(report(&case, day("2026-02-05"), Lang::En)).unwrap()
    );
    assert!(warned(&printed, "report_is_not_a_complaint"));
}
