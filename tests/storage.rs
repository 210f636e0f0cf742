//! Browser tests of storage: what only a real localStorage does (quota, blocking, other
//! tabs, the other wasm module of the page). Run by `make test-browser`; natively this file
//! is empty.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use contestel::core::journal::{Journal, NewCase};
use contestel::core::store::{self, StoreError, Stored};
use contestel::services::storage::{self, Load, SaveError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn area() -> web_sys::Storage {
    storage::local_storage().expect("localStorage in the test page")
}

fn journal_with_a_case() -> Journal {
    let mut journal = Journal::default();
    let (_, open) = journal.open_case(NewCase {
        title: "Option jamais demandée".into(),
        operator: None,
        line_number: None,
        customer_id: None,
        opened_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        lines: vec![],
        paid_on: None,
        contract_start: None,
    });
    journal.apply(open).unwrap();
    journal
}

#[wasm_bindgen_test]
fn a_saved_journal_loads_back() {
    area().clear().unwrap();
    let journal = journal_with_a_case();
    let saved_at = storage::save(&journal, 0).expect("save");
    match storage::load::<Journal>() {
        Load::Loaded(loaded) => {
            assert_eq!(loaded.value, journal);
            assert_eq!(loaded.saved_at, saved_at);
        }
        other => panic!("{other:?}"),
    }
}

/// A journal as Contestel stored it at version 1, before issue 13.
const JOURNAL_V1: &str = r#"{"app":"contestel","version":1,"saved_at":1764150000000,"data":{"cases":[{"id":1,"title":"Option","operator":"Orange","opened_on":"2026-11-26","disputed":"3.00","paid_on":"2026-11-18","lines":[{"invoice_number":"F1","bill_date":"2026-11-03","label":"Option Sécurité","amount":"3.00","reason":"unrequested_option"}],"events":[]}],"next_id":2}}"#;

#[wasm_bindgen_test]
fn a_version_1_journal_is_migrated_at_load_and_kept_as_it_was_when_first_saved_over() {
    area().clear().unwrap();
    area().set_item(Journal::KEY, JOURNAL_V1).unwrap();
    let Load::Loaded(loaded) = storage::load::<Journal>() else {
        panic!("a version-1 journal loads");
    };
    assert!(loaded.migrated);
    let case = &loaded.value.cases[0];
    assert_eq!(
        case.lines[0].reason,
        Some(contestel::core::finding::RuleId::UnrequestedOption)
    );
    assert_eq!(
        case.lines[0].paid_on, case.paid_on,
        "the case's date, per line"
    );
    // Loading wrote nothing.
    assert_eq!(
        area().get_item(Journal::KEY).unwrap().as_deref(),
        Some(JOURNAL_V1)
    );
    storage::save(&loaded.value, loaded.saved_at).expect("save in the current version");
    let raw = area().get_item(Journal::KEY).unwrap().unwrap();
    let current = format!(r#""version":{}"#, <Journal as Stored>::VERSION);
    assert!(raw.contains(&current), "{raw}");
    assert_eq!(
        area().get_item("contestel.journal.v1").unwrap().as_deref(),
        Some(JOURNAL_V1),
        "the version-1 value is kept as it was"
    );
}

/// The copy of the earlier format is kept thirty days after the first save over it, shown
/// with that day, then dropped; it can be erased before; a copy made by an earlier version
/// of the app, without the day it was made, starts its thirty days when first seen.
#[wasm_bindgen_test]
fn a_copy_in_an_earlier_format_is_kept_thirty_days_and_can_be_erased() {
    area().clear().unwrap();
    area().set_item(Journal::KEY, JOURNAL_V1).unwrap();
    let Load::Loaded(loaded) = storage::load::<Journal>() else {
        panic!("a version-1 journal loads");
    };
    let before = storage::now_ms();
    storage::save(&loaded.value, loaded.saved_at).expect("save in version 2");
    let copies = storage::earlier_copies();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0].key, "contestel.journal.v1");
    assert_eq!(copies[0].text, JOURNAL_V1);
    let day = 24 * 3600 * 1000;
    let until = copies[0].kept_until;
    assert!(until >= before + 30 * day && until <= storage::now_ms() + 30 * day);
    // Not before its day; on its day, gone with the day it was made.
    assert!(storage::drop_expired_earlier_copies(until - 1).is_empty());
    assert_eq!(
        storage::drop_expired_earlier_copies(until),
        vec!["contestel.journal.v1".to_string()]
    );
    assert_eq!(area().get_item("contestel.journal.v1").unwrap(), None);
    assert_eq!(
        area().get_item("contestel.journal.v1.kept_at").unwrap(),
        None
    );
    assert!(storage::earlier_copies().is_empty());
    // The journal itself is untouched.
    assert!(matches!(storage::load::<Journal>(), Load::Loaded(_)));

    // A copy left by an earlier version of the app, without its day: its time starts now,
    // and the person can erase it at once.
    area().set_item("contestel.journal.v1", JOURNAL_V1).unwrap();
    let first_seen = storage::now_ms();
    let copies = storage::earlier_copies();
    assert!(copies[0].kept_until >= first_seen + 30 * day, "{copies:?}");
    assert!(area()
        .get_item("contestel.journal.v1.kept_at")
        .unwrap()
        .is_some());
    storage::erase_earlier_copy("contestel.journal.v1");
    assert!(storage::earlier_copies().is_empty());
    assert_eq!(
        area().get_item("contestel.journal.v1.kept_at").unwrap(),
        None
    );
    // Only such copies can be erased that way.
    storage::erase_earlier_copy(Journal::KEY);
    assert!(area().get_item(Journal::KEY).unwrap().is_some());
}

#[wasm_bindgen_test]
fn an_unreadable_value_is_set_aside_and_never_lost() {
    area().clear().unwrap();
    area()
        .set_item(Journal::KEY, "{\"app\":\"contestel\", half a journal")
        .unwrap();
    let Load::Unreadable {
        error,
        recovery_key: Some(recovery),
    } = storage::load::<Journal>()
    else {
        panic!("an unreadable value is reported");
    };
    assert!(matches!(error, StoreError::Unreadable { .. }), "{error:?}");
    assert_eq!(
        area().get_item(&recovery).unwrap().as_deref(),
        Some("{\"app\":\"contestel\", half a journal")
    );
    // It is listed for the person to see and download.
    let listed = storage::set_aside_values();
    assert!(
        listed
            .iter()
            .any(|(key, text)| *key == recovery && text.contains("half a journal")),
        "{listed:?}"
    );
    // Saving afterwards keeps the copy.
    storage::save(&journal_with_a_case(), 0).expect("save after setting aside");
    assert_eq!(
        area().get_item(&recovery).unwrap().as_deref(),
        Some("{\"app\":\"contestel\", half a journal")
    );
}

#[wasm_bindgen_test]
fn a_value_from_a_newer_version_is_never_overwritten() {
    area().clear().unwrap();
    let newer = r#"{"app":"contestel","version":99,"saved_at":1,"data":{}}"#;
    area().set_item(Journal::KEY, newer).unwrap();
    assert_eq!(
        storage::save(&journal_with_a_case(), 0),
        Err(SaveError::TooNew)
    );
    assert_eq!(
        area().get_item(Journal::KEY).unwrap().as_deref(),
        Some(newer)
    );
}

/// The keys set aside for `key`.
fn set_aside_for(key: &str) -> Vec<String> {
    storage::set_aside_values()
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with(&format!("{key}.unreadable.")))
        .collect()
}

#[wasm_bindgen_test]
fn a_newer_tab_saving_again_and_again_makes_this_tab_keep_no_copy() {
    area().clear().unwrap();
    // A tab of a newer version saves twelve times; this tab hears each save and loads.
    for saved_at in 1..=12 {
        let newer =
            format!(r#"{{"app":"contestel","version":99,"saved_at":{saved_at},"data":{{}}}}"#);
        area().set_item(Journal::KEY, &newer).unwrap();
        let Load::Unreadable {
            error,
            recovery_key,
        } = storage::load::<Journal>()
        else {
            panic!("a value too new is not loaded");
        };
        assert!(matches!(error, StoreError::TooNew { .. }), "{error:?}");
        assert_eq!(
            recovery_key, None,
            "a value too new is intact: not set aside"
        );
        assert_eq!(
            storage::save(&journal_with_a_case(), 0),
            Err(SaveError::TooNew)
        );
    }
    assert_eq!(set_aside_for(Journal::KEY), Vec::<String>::new());
    assert_eq!(storage::set_aside_values(), vec![]);
}

#[wasm_bindgen_test]
fn unreadable_values_are_set_aside_once_each_and_a_few_per_key() {
    area().clear().unwrap();
    // The same unreadable value heard twelve times is one copy.
    area().set_item(Journal::KEY, "{ half a journal").unwrap();
    for _ in 0..12 {
        assert!(matches!(
            storage::load::<Journal>(),
            Load::Unreadable {
                recovery_key: Some(_),
                ..
            }
        ));
    }
    assert_eq!(set_aside_for(Journal::KEY).len(), 1);
    // Twelve distinct ones: a few copies, then no more; a save over the value that could
    // not be copied is refused, and that value is still there.
    for i in 0..12 {
        let broken = format!("{{ half a journal, take {i}");
        area().set_item(Journal::KEY, &broken).unwrap();
        let loaded = storage::load::<Journal>();
        assert!(matches!(loaded, Load::Unreadable { .. }), "{loaded:?}");
        if i >= 2 {
            assert!(storage::save(&journal_with_a_case(), 0).is_err());
            assert_eq!(area().get_item(Journal::KEY).unwrap(), Some(broken));
        }
    }
    assert_eq!(
        set_aside_for(Journal::KEY).len(),
        storage::MAX_SET_ASIDE_PER_KEY
    );
}

/// The pages are a cache made again from the bills (issue #27): unreadable, they are
/// dropped, never set aside, and the next save writes over them.
#[wasm_bindgen_test]
fn unreadable_pages_are_dropped_not_set_aside() {
    use contestel::core::store::SavedPages;
    area().clear().unwrap();
    // What the issue found: a row's position written `null`.
    let broken = r#"{"app":"contestel","version":1,"saved_at":5,"data":{"bills":[{"key":"k","pages":[{"number":1,"width":595.0,"height":842.0,"rows":[{"y":null,"size":9.0,"cells":[]}]}]}]}"#;
    for _ in 0..5 {
        area().set_item(SavedPages::KEY, broken).unwrap();
        let loaded = storage::load::<SavedPages>();
        assert!(
            matches!(
                loaded,
                Load::Unreadable {
                    recovery_key: None,
                    ..
                }
            ),
            "{loaded:?}"
        );
        assert_eq!(area().get_item(SavedPages::KEY).unwrap(), None, "dropped");
    }
    // Written over when it could not be read, with no copy either.
    area().set_item(SavedPages::KEY, broken).unwrap();
    storage::save(&SavedPages::default(), 0).expect("a cache is written over");
    assert!(matches!(storage::load::<SavedPages>(), Load::Loaded(_)));
    assert_eq!(set_aside_for(SavedPages::KEY), Vec::<String>::new());
    assert_eq!(storage::set_aside_values(), vec![]);
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_stored_value_survives() {
    area().clear().unwrap();
    let first = journal_with_a_case();
    let saved_at = storage::save(&first, 0).unwrap();
    // Fill the origin's quota with 1 MiB blocks, then smaller ones.
    let mut filled = 0;
    for size in [1 << 20, 1 << 16, 1 << 10] {
        let block = "x".repeat(size);
        while area().set_item(&format!("filler.{filled}"), &block).is_ok() {
            filled += 1;
        }
    }
    let mut bigger = first.clone();
    bigger.cases[0].title = "y".repeat(4096);
    assert_eq!(
        storage::save(&bigger, saved_at),
        Err(SaveError::QuotaExceeded)
    );
    match storage::load::<Journal>() {
        Load::Loaded(loaded) => assert_eq!(loaded.value, first),
        other => panic!("{other:?}"),
    }
    area().clear().unwrap();
}

/// The kept pages yield first (issue #27): when the quota is full, a save of the person's
/// data removes the pages (a cache their PDFs give back) and is written; the pages' own
/// save gets no such room, and with no cache left a full quota is reported as before.
#[wasm_bindgen_test]
fn on_a_full_quota_the_kept_pages_make_room_for_the_persons_data() {
    use contestel::core::layout::{TextCell, TextPage, TextRow};
    use contestel::core::store::{PagesOf, SavedPages};
    area().clear().unwrap();
    let first = journal_with_a_case();
    let saved_at = storage::save(&first, 0).unwrap();
    let row = TextRow {
        y: 100.0,
        size: 9.0,
        cells: vec![TextCell {
            x: 40.0,
            x_end: 300.0,
            text: "Forfait 5G 200 Go du 1er au 30 avril 2026".repeat(8),
        }],
    };
    let pages = SavedPages {
        bills: vec![PagesOf {
            key: "bill".into(),
            pages: vec![TextPage {
                number: 1,
                width: 595.0,
                height: 842.0,
                rows: vec![row; 2000],
                slanted: String::new(),
            }],
        }],
    };
    let pages_at = storage::save(&pages, 0).unwrap();
    let mut filled = 0;
    for size in [1 << 20, 1 << 16, 1 << 10, 1 << 6] {
        let block = "x".repeat(size);
        while area().set_item(&format!("filler.{filled}"), &block).is_ok() {
            filled += 1;
        }
    }
    // The cache's own save finds no room and takes none.
    let mut more = pages.clone();
    more.bills[0].key = "another bill".into();
    more.bills.push(pages.bills[0].clone());
    assert_eq!(
        storage::save(&more, pages_at),
        Err(SaveError::QuotaExceeded)
    );
    assert!(matches!(storage::load::<SavedPages>(), Load::Loaded(_)));
    // The person's data takes the cache's room.
    let mut bigger = first.clone();
    bigger.cases[0].title = "y".repeat(64 * 1024);
    let at = storage::save(&bigger, saved_at).expect("the pages yield their room");
    assert!(matches!(storage::load::<SavedPages>(), Load::Empty));
    match storage::load::<Journal>() {
        Load::Loaded(loaded) => assert_eq!(loaded.value, bigger),
        other => panic!("{other:?}"),
    }
    // No cache left to yield: a full quota again is reported, the journal kept.
    let mut filled_more = 0;
    for size in [1 << 20, 1 << 16, 1 << 10, 1 << 6] {
        let block = "x".repeat(size);
        while area()
            .set_item(&format!("filler.more.{filled_more}"), &block)
            .is_ok()
        {
            filled_more += 1;
        }
    }
    let mut biggest = bigger.clone();
    biggest.cases[0].title = "z".repeat(128 * 1024);
    assert_eq!(storage::save(&biggest, at), Err(SaveError::QuotaExceeded));
    match storage::load::<Journal>() {
        Load::Loaded(loaded) => assert_eq!(loaded.value, bigger),
        other => panic!("{other:?}"),
    }
    area().clear().unwrap();
}

#[wasm_bindgen_test]
fn data_saved_by_another_tab_since_is_not_overwritten() {
    area().clear().unwrap();
    let ours = storage::save(&journal_with_a_case(), 0).unwrap();
    let theirs = store::encode(&Journal::default(), ours + 10_000).unwrap();
    area().set_item(Journal::KEY, &theirs).unwrap();
    assert_eq!(
        storage::save(&journal_with_a_case(), ours),
        Err(SaveError::NewerElsewhere {
            saved_at: ours + 10_000
        })
    );
    assert_eq!(area().get_item(Journal::KEY).unwrap(), Some(theirs));
}

#[wasm_bindgen_test]
fn blocked_storage_is_reported_not_a_crash() {
    let window = web_sys::window().unwrap();
    // What browsers do when storage is blocked: reading `localStorage` throws.
    js_sys::eval(
        "window.__savedStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } })",
    )
    .unwrap();
    let load = storage::load::<Journal>();
    let save = storage::save(&journal_with_a_case(), 0);
    js_sys::eval(
        "if (window.__savedStorage) { Object.defineProperty(window, 'localStorage', window.__savedStorage); } \
         else { delete window.localStorage; }",
    )
    .unwrap();
    assert_eq!(load, Load::Unavailable);
    assert_eq!(save, Err(SaveError::Unavailable));
    assert!(
        window.local_storage().unwrap().is_some(),
        "restored for the other tests"
    );
}

#[wasm_bindgen_test]
async fn a_change_made_in_another_window_is_noticed() {
    area().clear().unwrap();
    let seen = Rc::new(Cell::new(0));
    let counter = Rc::clone(&seen);
    let _listener =
        storage::on_change(Journal::KEY, move || counter.set(counter.get() + 1)).unwrap();
    // A same-origin frame is another window: its writes fire `storage` here, as another
    // tab's would.
    let document = gloo::utils::document();
    let frame: web_sys::HtmlIFrameElement =
        document.create_element("iframe").unwrap().unchecked_into();
    document.body().unwrap().append_child(&frame).unwrap();
    let other = frame
        .content_window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap();
    other.set_item("unrelated", "1").unwrap();
    other
        .set_item(
            Journal::KEY,
            &store::encode(&journal_with_a_case(), 7).unwrap(),
        )
        .unwrap();
    for _ in 0..50 {
        if seen.get() > 0 {
            break;
        }
        gloo::timers::future::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(seen.get(), 1, "only the journal's key is reported");
    frame.remove();
}

/// Corrections stored with an amount no person could type (a damaged or planted value) are
/// set aside, never summed; valid ones load back; two tabs' saves do not overwrite each
/// other.
#[wasm_bindgen_test]
fn corrections_are_kept_like_the_journal() {
    use contestel::core::bill::Bill;
    use contestel::core::corrections::{BillRef, Change, CorrectionAction, Corrections, HeaderFix};
    area().clear().unwrap();
    let bill = Bill {
        invoice_number: Some("F1".into()),
        ..Bill::default()
    };
    let mut corrections = Corrections::default();
    corrections
        .apply(CorrectionAction::Add {
            bill: BillRef::of(&bill),
            change: Change::Header {
                fix: HeaderFix::Total(Some("12.99".parse().unwrap())),
            },
        })
        .unwrap();
    let saved_at = storage::save(&corrections, 0).expect("save");
    let Load::Loaded(loaded) = storage::load::<Corrections>() else {
        panic!("saved corrections load back");
    };
    assert_eq!(loaded.value, corrections);
    // Another tab saved since: this tab's save is refused, not written over it.
    let other = storage::save(&Corrections::default(), saved_at).expect("the other tab saves");
    assert!(other > saved_at);
    assert!(matches!(
        storage::save(&corrections, saved_at),
        Err(SaveError::NewerElsewhere { .. })
    ));

    let planted = r#"{"app":"contestel","version":1,"saved_at":1,"data":{"bills":[{"bill":{"key":"k"},"edits":[{"id":1,"change":{"header":{"fix":{"total":"79228162514264337593543950335"}}}}]}],"next_id":2}}"#;
    area().set_item(Corrections::KEY, planted).unwrap();
    let Load::Unreadable {
        error,
        recovery_key: Some(recovery),
    } = storage::load::<Corrections>()
    else {
        panic!("an out-of-bounds correction is not loaded");
    };
    assert!(matches!(error, StoreError::Invalid { .. }), "{error:?}");
    assert_eq!(
        area().get_item(&recovery).unwrap().as_deref(),
        Some(planted)
    );
}

/// A save of this page is not heard as another tab's change: one app holds each store,
/// and reloading what it just saved would only undo changes made in between.
#[wasm_bindgen_test]
fn a_save_of_this_page_is_not_heard_as_a_change() {
    area().clear().unwrap();
    let seen = Rc::new(Cell::new(0));
    let counter = Rc::clone(&seen);
    let _listener =
        storage::on_change(Journal::KEY, move || counter.set(counter.get() + 1)).unwrap();
    storage::save(&journal_with_a_case(), 0).unwrap();
    assert_eq!(seen.get(), 0);
}

/// Bills: another tab's save in between is merged with this tab's (every bill of either,
/// the reading that says more for a bill both hold), never dropped; a full quota then
/// leaves the merged bills as they were stored.
#[wasm_bindgen_test]
fn bills_saved_by_another_tab_in_between_are_merged_and_survive_a_full_quota() {
    use contestel::core::bill::{Bill, Operator};
    use contestel::core::store::SavedBills;
    use contestel::core::uploads::merge_bills;
    area().clear().unwrap();
    let bill = |invoice: &str, total: Option<&str>| Bill {
        operator: Some(Operator::Orange),
        invoice_number: Some(invoice.into()),
        total: total.map(|t| t.parse().unwrap()),
        ..Bill::default()
    };
    let merge = |theirs: &SavedBills, ours: &SavedBills| SavedBills {
        bills: merge_bills(&ours.bills, &theirs.bills),
    };
    let ours = SavedBills {
        bills: vec![bill("A", None), bill("B", None)],
    };
    let (first, seen) = storage::save_merging(&ours, 0, merge).expect("the first save");
    assert_eq!(seen, None, "nobody else saved");

    // Another tab, which read A better and read C, saved since.
    let theirs = SavedBills {
        bills: vec![bill("A", Some("12.99")), bill("C", None)],
    };
    area()
        .set_item(
            SavedBills::KEY,
            &store::encode(&theirs, first + 10_000).unwrap(),
        )
        .unwrap();
    let (at, seen) = storage::save_merging(&ours, first, merge).expect("saved over theirs");
    assert!(at > first + 10_000);
    assert_eq!(
        seen.as_ref(),
        Some(&theirs),
        "this tab is given theirs to show"
    );
    let merged = vec![bill("C", None), bill("A", Some("12.99")), bill("B", None)];
    match storage::load::<SavedBills>() {
        Load::Loaded(loaded) => assert_eq!(loaded.value.bills, merged),
        other => panic!("{other:?}"),
    }

    // Storage full: the save is refused, what was stored stays.
    let mut filled = 0;
    for size in [1 << 20, 1 << 16, 1 << 10] {
        let block = "x".repeat(size);
        while area().set_item(&format!("filler.{filled}"), &block).is_ok() {
            filled += 1;
        }
    }
    let mut more = merged.clone();
    more.push(Bill {
        source: "y".repeat(4096),
        ..bill("D", None)
    });
    assert_eq!(
        storage::save_merging(&SavedBills { bills: more }, at, merge),
        Err(SaveError::QuotaExceeded)
    );
    match storage::load::<SavedBills>() {
        Load::Loaded(loaded) => assert_eq!(loaded.value.bills, merged),
        other => panic!("{other:?}"),
    }
    area().clear().unwrap();
}
