//! The journal's stored schema, from one version to the next.
//!
//! Run once at start-up by `core::store::decode` on what an earlier Contestel saved (and on
//! an older export file): nothing a person stored is dropped. Version 2 (issue 13):
//! - a disputed line's `reason` becomes the rule's id (`RuleId`) or `null`: an empty string
//!   becomes `null`, a rule id stays, and any other text (nothing in Contestel wrote one,
//!   but an edited export could hold one) moves to the line's `note`, word for word;
//! - each disputed line gets the date its amount was paid (the L34-2 window is per amount):
//!   the case's single date, when there was one, is copied to its lines — it was "when
//!   the oldest disputed amount was paid", so no window gets later than it was — and stays
//!   on the case for lines added without a date;
//! - the new fields of a case and of an exchange (contract date, second level, complaint
//!   channel, direct debit, price-change notice, the Médiateur's milestones) are left
//!   absent: they read as "not known".

use serde_json::Value;

use crate::core::finding::RuleId;

/// Turns version-1 journal data into version 2.
pub fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let Some(cases) = data.get_mut("cases") else {
        return Ok(data);
    };
    let cases = cases
        .as_array_mut()
        .ok_or("version 1: `cases` is not a list")?;
    for (c, case) in cases.iter_mut().enumerate() {
        let case = case
            .as_object_mut()
            .ok_or_else(|| format!("version 1: case {c} is not an object"))?;
        let paid_on = case.get("paid_on").cloned().unwrap_or(Value::Null);
        let Some(lines) = case.get_mut("lines") else {
            continue;
        };
        let lines = lines
            .as_array_mut()
            .ok_or_else(|| format!("version 1: the lines of case {c} are not a list"))?;
        for (l, line) in lines.iter_mut().enumerate() {
            let line = line
                .as_object_mut()
                .ok_or_else(|| format!("version 1: line {l} of case {c} is not an object"))?;
            let reason = match line.remove("reason") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(text)) => text,
                Some(other) => other.to_string(),
            };
            let kept = RuleId::from_id(reason.trim());
            line.insert(
                "reason".into(),
                kept.map_or(Value::Null, |r| Value::String(r.id().into())),
            );
            if kept.is_none() && !reason.trim().is_empty() {
                line.insert("note".into(), Value::String(reason));
            }
            if line.get("paid_on").is_none_or(Value::is_null) && !paid_on.is_null() {
                line.insert("paid_on".into(), paid_on.clone());
            }
        }
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::journal::case::SecondLevel;
    use crate::core::journal::Journal;
    use crate::core::store::{decode, encode, Stored};

    /// A journal as Contestel stored it at version 1 (before issue 13), every field set.
    const V1: &str = r#"{"app":"contestel","version":1,"saved_at":1764150000000,"data":{
        "cases":[{"id":1,"title":"Option Sécurité — facture FM2611","operator":"Orange",
          "line_number":"06 12 34 56 78","customer_id":"C-42","opened_on":"2026-11-26",
          "status":"open","disputed":"9.36","recovered":"0","paid_on":"2026-11-18",
          "before_court":false,
          "lines":[
            {"invoice_number":"FM2611","bill_date":"2026-11-03","label":"Option Sécurité Mobile","amount":"3.00","reason":"unrequested_option"},
            {"invoice_number":"FM2611","bill_date":"2026-11-03","label":"Frais","amount":"3.00","reason":""},
            {"invoice_number":null,"bill_date":null,"label":"Internet+","amount":"3.36","reason":"jamais demandé"}],
          "events":[{"id":2,"date":"2026-11-26","stage":"customer_service","channel":"phone",
            "counterpart":"Léa","reference":"TK-1","said":"explication","answer":"unsatisfactory",
            "answer_text":"souscrite en boutique","answered_on":"2026-11-26","answer_by":null,
            "follow_up":"2026-12-01"}]},
          {"id":3,"title":"Sans lignes","operator":null,"opened_on":"2026-10-01",
           "disputed":"12","paid_on":null}],
        "next_id":4,
        "sender":{"name":"Camille Martin","address":"12 rue des Lilas","email":"c@m.fr","phone":""}}}"#;

    /// Version 3 only adds an answer: a version-2 journal reads as it was.
    #[test]
    fn a_version_2_journal_reads_into_version_3_unchanged() {
        let current = encode(&decode::<Journal>(Some(V1)).unwrap().unwrap().value, 9).unwrap();
        let v2 = current.replacen("\"version\":3", "\"version\":2", 1);
        assert_ne!(v2, current);
        let loaded = decode::<Journal>(Some(&v2)).unwrap().unwrap();
        assert!(loaded.migrated);
        assert_eq!(
            loaded.value,
            decode::<Journal>(Some(&current)).unwrap().unwrap().value
        );
    }

    #[test]
    fn a_version_1_journal_is_read_into_version_2_without_losing_anything() {
        // Read through to the current version (3 adds an answer, changes nothing stored).
        assert_eq!(<Journal as Stored>::VERSION, 3);
        let loaded = decode::<Journal>(Some(V1)).unwrap().unwrap();
        assert!(loaded.migrated);
        assert_eq!(loaded.saved_at, 1_764_150_000_000);
        let journal = loaded.value;
        assert_eq!(journal.next_id, 4);
        assert_eq!(journal.sender.name, "Camille Martin");
        assert_eq!(journal.sender.email, "c@m.fr");
        let case = journal.case(1).unwrap();
        assert_eq!(case.title, "Option Sécurité — facture FM2611");
        assert_eq!(case.customer_id.as_deref(), Some("C-42"));
        assert_eq!(case.disputed.to_string(), "9.36");
        assert_eq!(
            case.paid_on.map(|d| d.to_string()).as_deref(),
            Some("2026-11-18")
        );
        let reasons: Vec<Option<RuleId>> = case.lines.iter().map(|l| l.reason).collect();
        assert_eq!(reasons, vec![Some(RuleId::UnrequestedOption), None, None]);
        let notes: Vec<&str> = case.lines.iter().map(|l| l.note.as_str()).collect();
        assert_eq!(
            notes,
            vec!["", "", "jamais demandé"],
            "a free-text reason is kept"
        );
        assert!(case
            .lines
            .iter()
            .all(|l| l.paid_on.map(|d| d.to_string()).as_deref() == Some("2026-11-18")));
        assert_eq!(case.second_level, SecondLevel::Unknown);
        assert_eq!(case.complaint_channel, None);
        let event = &case.events[0];
        assert_eq!(
            (
                event.counterpart.as_str(),
                event.reference.as_str(),
                event.answer_text.as_str()
            ),
            ("Léa", "TK-1", "souscrite en boutique")
        );
        assert_eq!(
            event.follow_up.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(event.milestone, None);
        let bare = journal.case(3).unwrap();
        assert!(bare.lines.is_empty() && bare.paid_on.is_none());

        // Saved back, it is at the current version and reads as it is, with nothing
        // migrated again.
        let raw = encode(&journal, 1_764_150_000_001).unwrap();
        assert!(
            raw.starts_with(r#"{"app":"contestel","version":3,"#),
            "{raw}"
        );
        let again = decode::<Journal>(Some(&raw)).unwrap().unwrap();
        assert!(!again.migrated);
        assert_eq!(again.value, journal);
    }

    #[test]
    fn a_damaged_version_1_journal_is_refused_not_emptied() {
        for data in [
            r#"{"cases": 3}"#,
            r#"{"cases": [4]}"#,
            r#"{"cases": [{"lines": 1}]}"#,
        ] {
            let raw = format!(r#"{{"app":"contestel","version":1,"saved_at":1,"data":{data}}}"#);
            let error = decode::<Journal>(Some(&raw)).unwrap_err();
            assert!(
                matches!(error, crate::core::store::StoreError::Invalid { .. }),
                "{data}: {error:?}"
            );
        }
    }
}
