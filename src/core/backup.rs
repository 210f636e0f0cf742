//! The export file: everything the person keeps (cases, plans, bills read and their
//! corrections, what the bank statements left), in one JSON document they can save anywhere and import on this or another
//! device. The pages of the bills are not in it: they are the bills' full text, a cache
//! the page view can rebuild from the PDF.
//!
//! Import never acts on its own: [`Backup::decode`] validates and [`Backup::summary`] says
//! what the file holds; the person then chooses to merge or replace.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::bank::stored::BankData;
use super::bill::Bill;
use super::corrections::Corrections;
use super::dates::format_date;
use super::i18n::{Lang, Text};
use super::journal::case::Case;
use super::journal::Journal;
use super::money::{AMOUNT_BOUND, SUM_BOUND};
use super::store::Plans;

/// What the export file says it is.
pub const KIND: &str = "contestel-export";
/// The export format's version. 2: the journal inside is at its version 2 (an export of
/// version 1 holds a version-1 journal, migrated on import). 3: the corrections of the
/// bills (an earlier export has none). 4: what the bank statements left (`contestel.bank`:
/// the operators' debits, the periods covered, the banks' column mappings, the ties).
/// 5: the journal inside is at its version 3 (an exchange may have gone unanswered); an
/// export of version 2 to 4 reads as it is.
pub const VERSION: u32 = 5;

/// The largest file the import reads. An export holds what localStorage keeps, at most
/// [`LOCAL_STORAGE_LIMIT`](super::store::LOCAL_STORAGE_LIMIT) (5 MiB of UTF-16 units);
/// pretty-printed and in UTF-8 (two bytes for an accented letter) it stays under twice
/// that, so four times leaves room. A larger file is no export of ours, and is refused
/// before it is read rather than held whole in memory.
pub const MAX_IMPORT_BYTES: u64 = 4 * super::store::LOCAL_STORAGE_LIMIT;

/// An export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always [`KIND`].
    pub kind: String,
    /// The format's version.
    pub version: u32,
    /// When it was made, milliseconds since the epoch.
    pub exported_at: i64,
    /// The dispute journal.
    pub journal: Journal,
    /// The plans.
    pub plans: Plans,
    /// The bills read, as read.
    #[serde(default)]
    pub bills: Vec<Bill>,
    /// The person's corrections of them.
    #[serde(default)]
    pub corrections: Corrections,
    /// What the bank statements left (never a statement's other lines).
    #[serde(default)]
    pub bank: BankData,
}

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BackupError {
    /// Not JSON, or not a Contestel export.
    NotAnExport,
    /// An export from a newer Contestel.
    TooNew {
        /// Its version.
        version: u32,
    },
    /// An amount past the bound every stored amount keeps (`money::AMOUNT_BOUND`).
    AmountOutOfBound {
        /// Where, as a path into the file (`bills[2].lines[0].amount`).
        field: String,
    },
    /// A Contestel export whose content does not fit.
    Damaged {
        /// What the decoder said.
        detail: String,
    },
}

/// Reads an export's text, saying where an amount is out of bound.
fn read(text: &str) -> Result<Backup, BackupError> {
    serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with(super::money::OUT_OF_BOUND) {
            BackupError::AmountOutOfBound {
                field: out_of_bound_field(text).unwrap_or_else(|| "?".into()),
            }
        } else {
            BackupError::Damaged {
                detail: e.to_string(),
            }
        }
    })
}

/// A path into an export (`bills[0].lines[2].amount`) as a person reads it (« facture 1,
/// ligne 3, montant »): what is counted from one, the fields named in their language. A
/// part it does not know is left as written.
fn in_words(path: &str, lang: Lang) -> String {
    const WORDS: &[(&str, &str, &str)] = &[
        ("bills", "facture", "bill"),
        ("lines", "ligne", "line"),
        ("usage", "communication", "call"),
        ("vat", "TVA", "VAT"),
        ("cases", "dossier", "case"),
        ("plans", "forfait", "plan"),
        ("options", "option", "option"),
        ("debits", "prélèvement", "debit"),
        ("edits", "correction", "correction"),
        ("amount", "montant", "amount"),
        ("total", "total", "total"),
        ("total_ht", "total HT", "total excl. VAT"),
        ("base", "base", "base"),
        ("rate", "taux", "rate"),
        ("price", "prix", "price"),
        ("monthly_price", "prix mensuel", "monthly price"),
        ("disputed", "montant contesté", "amount disputed"),
        ("recovered", "montant récupéré", "amount recovered"),
    ];
    let word = |part: &str| {
        WORDS
            .iter()
            .find(|(key, _, _)| *key == part)
            .map(|(_, fr, en)| lang.pick(fr, en).to_string())
    };
    let mut out: Vec<String> = Vec::new();
    let parts: Vec<&str> = path.split('.').collect();
    for (n, &part) in parts.iter().enumerate() {
        let last = n.saturating_add(1) == parts.len();
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        match (word(name), index) {
            (Some(w), Some(i)) => out.push(format!("{w} {}", i.saturating_add(1))),
            (Some(w), None) if last => out.push(w),
            // Containers (`journal`, `plans` around `plans[0]`, `change`…).
            (_, None) => {}
            (None, _) => out.push(part.to_string()),
        }
    }
    if out.is_empty() {
        path.to_string()
    } else {
        out.join(", ")
    }
}

/// The fields that hold an amount, and their bound (`money::bounded` on each, in `bill`,
/// `corrections`, `journal::case` and `plan`).
const AMOUNT_FIELDS: &[(&str, Decimal)] = &[
    ("amount", AMOUNT_BOUND),
    ("total", AMOUNT_BOUND),
    ("total_ht", AMOUNT_BOUND),
    ("base", AMOUNT_BOUND),
    ("rate", AMOUNT_BOUND),
    ("printed", AMOUNT_BOUND),
    ("price", AMOUNT_BOUND),
    ("monthly_price", AMOUNT_BOUND),
    ("computed", SUM_BOUND),
    ("disputed", SUM_BOUND),
    ("recovered", SUM_BOUND),
];

/// Where the first amount past its bound is, as a path into the file
/// (`bills[2].lines[0].amount`), so that the import names what it refuses. Looked for in
/// the parsed file once decoding has failed, rather than tracked while decoding
/// (`serde_path_to_error` takes a second copy of every stored type's decoder into the
/// app: 60 KB gzip, measured).
fn out_of_bound_field(text: &str) -> Option<String> {
    use serde_json::Value;
    fn beyond(value: &Value, bound: Decimal) -> bool {
        let text = match value {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => return false,
        };
        match text.parse::<Decimal>() {
            Ok(n) => n.abs() >= bound,
            // Digits past what `Decimal` holds, or an exponent.
            Err(_) => text.bytes().any(|b| b.is_ascii_digit()),
        }
    }
    fn walk(value: &Value, path: &mut String) -> bool {
        let kept = path.len();
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                    let bound = AMOUNT_FIELDS.iter().find(|(k, _)| k == key);
                    if bound.is_some_and(|(_, b)| beyond(v, *b)) || walk(v, path) {
                        return true;
                    }
                    path.truncate(kept);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push_str(&format!("[{i}]"));
                    if walk(v, path) {
                        return true;
                    }
                    path.truncate(kept);
                }
            }
            _ => {}
        }
        false
    }
    let value: Value = serde_json::from_str(text).ok()?;
    let mut path = String::new();
    walk(&value, &mut path).then_some(path)
}

/// What an export holds, to show before importing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Number of cases.
    pub cases: usize,
    /// Number of recorded exchanges.
    pub events: usize,
    /// Number of plans.
    pub plans: usize,
    /// Number of bills.
    pub bills: usize,
    /// Number of corrections.
    pub corrections: usize,
    /// Number of the operators' debits and refunds kept from bank statements.
    pub debits: usize,
}

impl Summary {
    /// What the export holds, in words, shown before it is imported.
    pub fn describe(&self, exported_on: Option<chrono::NaiveDate>, lang: Lang) -> String {
        let Summary {
            cases,
            events,
            plans,
            bills,
            corrections,
            debits,
        } = self;
        let date = exported_on
            .map(|d| format_date(d, lang))
            .unwrap_or_default();
        // The bank's debits only when there are some: most people never import a statement.
        let bank = match (*debits, lang) {
            (0, _) => String::new(),
            (n, Lang::Fr) => format!(", {n} prélèvement(s) d'opérateur"),
            (n, Lang::En) => format!(", {n} operator debit(s)"),
        };
        match lang {
            Lang::Fr => format!(
                "Export du {date} : {cases} dossier(s), {events} échange(s), {plans} forfait(s), \
                 {bills} facture(s), {corrections} correction(s){bank}."
            ),
            Lang::En => format!(
                "Export of {date}: {cases} case(s), {events} exchange(s), {plans} plan(s), \
                 {bills} bill(s), {corrections} correction(s){bank}."
            ),
        }
    }
}

impl BackupError {
    /// What to tell the person, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BackupError::NotAnExport => Text::ImportNotExport.get(lang).to_string(),
            BackupError::TooNew { .. } => Text::ImportTooNew.get(lang).to_string(),
            BackupError::AmountOutOfBound { field } => format!(
                "{} {} ({field})",
                Text::ImportOutOfBound.get(lang),
                in_words(field, lang)
            ),
            BackupError::Damaged { .. } => Text::ImportDamaged.get(lang).to_string(),
        }
    }
}

impl Backup {
    /// A new export of the given data.
    pub fn new(
        journal: Journal,
        plans: Plans,
        bills: Vec<Bill>,
        corrections: Corrections,
        bank: BankData,
        exported_at: i64,
    ) -> Backup {
        Backup {
            kind: KIND.into(),
            version: VERSION,
            exported_at,
            journal,
            plans,
            bills,
            corrections,
            bank,
        }
    }

    /// The file's text, pretty-printed so that a person can read it; the serialiser's
    /// words when it fails (never an empty file offered as an export).
    pub fn encode(&self) -> Result<String, String> {
        serde_json::to_string(self)
            .map(|text| pretty(&text))
            .map_err(|e| e.to_string())
    }

    /// Reads an export file, refusing anything that is not one.
    pub fn decode(text: &str) -> Result<Backup, BackupError> {
        /// What an export says it is, the rest skipped.
        #[derive(Deserialize)]
        struct Head {
            kind: Option<String>,
            version: Option<u64>,
        }
        let head: Head = serde_json::from_str(text).map_err(|_| BackupError::NotAnExport)?;
        if head.kind.as_deref() != Some(KIND) {
            return Err(BackupError::NotAnExport);
        }
        let version = head.version.unwrap_or(0) as u32;
        if version > VERSION {
            return Err(BackupError::TooNew { version });
        }
        let damaged = |e: serde_json::Error| BackupError::Damaged {
            detail: e.to_string(),
        };
        if version >= 2 {
            return read(text);
        }
        // A version-1 export holds a version-1 journal: migrated, then read as text like
        // any other (one copy of the types' decoding code in the app).
        let mut value: serde_json::Value = serde_json::from_str(text).map_err(damaged)?;
        if let Some(journal) = value.get_mut("journal") {
            let old = std::mem::take(journal);
            *journal = super::journal::migrate::v1_to_v2(old)
                .map_err(|detail| BackupError::Damaged { detail })?;
        }
        let text = serde_json::to_string(&value).map_err(damaged)?;
        read(&text)
    }

    /// What it holds.
    pub fn summary(&self) -> Summary {
        Summary {
            cases: self.journal.cases.len(),
            events: self.journal.cases.iter().map(|c| c.events.len()).sum(),
            plans: self.plans.plans.len(),
            bills: self.bills.len(),
            corrections: self.corrections.count(),
            debits: self.bank.debits.len(),
        }
    }
}

/// Indents compact JSON text as `serde_json::to_string_pretty` does (two spaces, `": "`,
/// empty objects and lists kept as `{}` and `[]`). Done on the text so that the app does
/// not carry a second copy of every type's serialising code for the pretty form.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// Merges an imported journal into the current one: cases already present (same title,
/// opening date and lines) are kept once, with the exchanges of both; the others are
/// added under fresh ids. Nothing of the current journal is lost.
pub fn merge_journal(current: &Journal, incoming: &Journal) -> Journal {
    let mut merged = current.clone();
    merged.next_id = merged.next_id.max(1);
    if merged.sender == Default::default() {
        merged.sender = incoming.sender.clone();
    }
    for case in &incoming.cases {
        let same = |c: &&mut Case| {
            c.title == case.title && c.opened_on == case.opened_on && c.lines == case.lines
        };
        match merged.cases.iter_mut().find(|c| same(c)) {
            Some(existing) => {
                for event in &case.events {
                    let known = existing.events.iter().any(|e| {
                        super::journal::case::Event {
                            id: e.id,
                            ..event.clone()
                        } == *e
                    });
                    if !known {
                        existing.events.push(super::journal::case::Event {
                            id: merged.next_id,
                            ..event.clone()
                        });
                        merged.next_id += 1;
                    }
                }
            }
            None => {
                let mut copy = case.clone();
                copy.id = merged.next_id;
                merged.next_id += 1;
                for event in &mut copy.events {
                    event.id = merged.next_id;
                    merged.next_id += 1;
                }
                merged.cases.push(copy);
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::journal::case::{Answer, Channel};
    use crate::core::journal::ladder::Stage;
    use crate::core::journal::tests::{event, new_case, open, record};

    fn journal() -> Journal {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-11-26"));
        let call = event(
            "2026-11-26",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Unsatisfactory,
        );
        record(&mut journal, id, call);
        journal
    }

    #[test]
    fn an_export_of_a_full_store_fits_under_the_import_limit() {
        // Real bills, copied until the stored bills alone fill localStorage's limit (counted
        // as the browser counts, in UTF-16 units): the export of them, pretty-printed and in
        // UTF-8, must stay well under what the import reads.
        let bill: Bill = serde_json::from_str(include_str!(
            "../../tests/fixtures/bills/sample-orange-mobile.expected.json"
        ))
        .unwrap();
        let one = crate::core::store::encode(
            &crate::core::store::SavedBills {
                bills: vec![bill.clone()],
            },
            0,
        )
        .unwrap()
        .encode_utf16()
        .count() as u64;
        let count = (crate::core::store::LOCAL_STORAGE_LIMIT / one) as usize;
        let backup = Backup::new(
            journal(),
            Plans::default(),
            vec![bill; count],
            Corrections::default(),
            BankData::default(),
            5,
        );
        let text = backup.encode().unwrap();
        assert!(
            (text.len() as u64) < MAX_IMPORT_BYTES / 2,
            "{} bytes for a full store, limit {MAX_IMPORT_BYTES}",
            text.len()
        );
    }

    #[test]
    fn an_export_of_version_1_is_migrated_on_import() {
        let text = r#"{"kind": "contestel-export", "version": 1, "exported_at": 5,
            "journal": {"cases": [{"id": 1, "title": "T", "operator": null,
                "opened_on": "2026-11-01", "disputed": "3", "paid_on": "2026-10-20",
                "lines": [{"invoice_number": null, "bill_date": null, "label": "Option",
                           "amount": "3", "reason": "unrequested_option"}]}],
                "next_id": 2},
            "plans": {"plans": []}}"#;
        let backup = Backup::decode(text).unwrap();
        let line = &backup.journal.cases[0].lines[0];
        assert_eq!(
            line.reason,
            Some(crate::core::finding::RuleId::UnrequestedOption)
        );
        assert_eq!(
            line.paid_on.map(|d| d.to_string()).as_deref(),
            Some("2026-10-20")
        );
    }

    #[test]
    fn an_export_reads_back_exactly() {
        use crate::core::corrections::{BillRef, Change, CorrectionAction, HeaderFix};
        let bill = Bill {
            total: Some("12.99".parse().unwrap()),
            ..Bill::default()
        };
        let mut corrections = Corrections::default();
        corrections
            .apply(CorrectionAction::Add {
                bill: BillRef::of(&bill),
                change: Change::Header {
                    fix: HeaderFix::InvoiceNumber(Some("F-1".into())),
                },
            })
            .unwrap();
        let backup = Backup::new(
            journal(),
            Plans::default(),
            vec![bill],
            corrections,
            BankData::default(),
            1_764_150_000_000,
        );
        let text = backup.encode().unwrap();
        assert_eq!(Backup::decode(&text), Ok(backup.clone()));
        assert_eq!(
            backup.summary(),
            Summary {
                cases: 1,
                events: 1,
                plans: 0,
                bills: 1,
                corrections: 1,
                debits: 0,
            }
        );
    }

    #[test]
    fn an_export_of_version_2_reads_without_corrections_and_bad_ones_are_refused() {
        let v2 = r#"{"kind": "contestel-export", "version": 2, "exported_at": 5,
            "journal": {"cases": [], "next_id": 1}, "plans": {"plans": []}, "bills": []}"#;
        let backup = Backup::decode(v2).unwrap();
        assert_eq!(backup.corrections, Corrections::default());
        // An amount no person could type, planted in a file: refused, never summed.
        let planted = r#"{"kind": "contestel-export", "version": 3, "exported_at": 5,
            "journal": {"cases": [], "next_id": 1}, "plans": {"plans": []}, "bills": [],
            "corrections": {"bills": [{"bill": {"key": "k"}, "edits": [{"id": 1,
                "change": {"header": {"fix": {"total": "79228162514264337593543950335"}}}}]}],
                "next_id": 2}}"#;
        assert!(matches!(
            Backup::decode(planted),
            Err(BackupError::AmountOutOfBound { .. })
        ));
    }

    #[test]
    fn what_the_bank_statements_left_goes_out_and_comes_back_bounded() {
        let statement = crate::core::bank::read_statement(
            b"Date;Libell\xc3\xa9;Montant\n05/01/2026;PRLV SEPA FREE MOBILE;-19,99\n",
            None,
        )
        .unwrap();
        let kept = crate::core::bank::telecom::keep(&statement.operations, &[]);
        let mut bank = BankData::default();
        bank.import(&statement, kept, vec![]);
        let backup = Backup::new(
            journal(),
            Plans::default(),
            Vec::new(),
            Corrections::default(),
            bank.clone(),
            5,
        );
        let text = backup.encode().unwrap();
        let back = Backup::decode(&text).unwrap();
        assert_eq!(back.bank, bank);
        assert_eq!(back.summary().debits, 1);
        // An export of version 3 has no bank data; a planted amount is refused.
        let v3 = text.replacen(&format!("\"version\": {VERSION}"), "\"version\": 3", 1);
        assert_ne!(v3, text);
        let v3 = v3
            .split("\"bank\"")
            .next()
            .unwrap()
            .trim_end()
            .trim_end_matches(',');
        let v3 = format!("{v3}\n}}");
        assert_eq!(
            Backup::decode(&v3).map(|b| b.bank),
            Ok(BankData::default()),
            "{v3}"
        );
        let planted = text.replacen("\"19.99\"", "\"79228162514264337593543950335\"", 1);
        assert_ne!(planted, text);
        assert!(matches!(
            Backup::decode(&planted),
            Err(BackupError::Damaged { .. })
        ));
    }

    #[test]
    fn the_export_is_indented_as_serde_indents() {
        let value = serde_json::json!({
            "a": [1, {"b": "x, {y}: \"z\" \\"}, [], {}],
            "c": {"d": null, "e": [true]},
            "f": "",
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let backup = Backup::new(
            journal(),
            Plans::default(),
            Vec::new(),
            Corrections::default(),
            BankData::default(),
            5,
        );
        assert_eq!(
            backup.encode(),
            Ok(serde_json::to_string_pretty(&backup).unwrap())
        );
    }

    #[test]
    fn what_is_not_an_export_is_refused() {
        assert_eq!(Backup::decode("%PDF-1.7"), Err(BackupError::NotAnExport));
        assert_eq!(
            Backup::decode(r#"{"cases": []}"#),
            Err(BackupError::NotAnExport)
        );
        let newer = r#"{"kind": "contestel-export", "version": 7}"#;
        assert_eq!(
            Backup::decode(newer),
            Err(BackupError::TooNew { version: 7 })
        );
        let damaged = r#"{"kind": "contestel-export", "version": 1, "exported_at": 0, "journal": 3, "plans": {"plans": []}}"#;
        assert!(matches!(
            Backup::decode(damaged),
            Err(BackupError::Damaged { .. })
        ));
    }

    #[test]
    fn merging_keeps_both_sides_and_never_duplicates() {
        let mine = journal();
        // The same journal merged into itself changes nothing.
        assert_eq!(merge_journal(&mine, &mine).cases, mine.cases);
        // Another device's journal: its own case plus a new exchange on the shared one.
        let mut theirs = mine.clone();
        let extra = event(
            "2026-11-28",
            Stage::WrittenComplaint,
            Channel::Letter,
            Answer::Awaited,
        );
        record(&mut theirs, 1, extra);
        let mut other = new_case("2026-12-01");
        other.title = "Frais de résiliation".into();
        open(&mut theirs, other);
        let merged = merge_journal(&mine, &theirs);
        assert_eq!(merged.cases.len(), 2);
        assert_eq!(merged.cases[0].events.len(), 2);
        let mut ids: Vec<u32> = merged
            .cases
            .iter()
            .flat_map(|c| std::iter::once(c.id).chain(c.events.iter().map(|e| e.id)))
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "ids stay unique");
        assert!(merged.next_id > *ids.last().unwrap());
    }

    #[test]
    fn an_export_with_a_huge_amount_is_refused_naming_where() {
        use crate::core::bill::Category;
        use crate::core::rules::testing::{bill, line};
        let mut second = bill(vec![line("Option", "7.77", Category::Option)]);
        second.total = None;
        // A long number that is not an amount comes first and is not the one named.
        second.customer_id = Some("7012345678901".into());
        let backup = Backup::new(
            Journal::default(),
            Plans::default(),
            vec![
                bill(vec![line("Forfait", "19.99", Category::Subscription)]),
                second,
            ],
            Corrections::default(),
            BankData::default(),
            1,
        );
        let text = backup.encode().unwrap();
        assert_eq!(Backup::decode(&text).map(|b| b.bills.len()), Ok(2));
        assert_eq!(text.matches("\"7.77\"").count(), 1);
        let planted = text.replace("\"7.77\"", "\"79228162514264337593543950335\"");
        let error = Backup::decode(&planted).unwrap_err();
        assert_eq!(
            error,
            BackupError::AmountOutOfBound {
                field: "bills[1].lines[0].amount".into()
            }
        );
        assert_eq!(
            error.message(Lang::Fr),
            "Cet export contient un montant hors limites (un milliard d'euros ou plus) : rien \
             n'a été importé. Champ en cause : facture 2, ligne 1, montant \
             (bills[1].lines[0].amount)"
        );
        assert_eq!(
            in_words("journal.cases[3].lines[0].amount", Lang::En),
            "case 4, line 1, amount"
        );
        assert_eq!(
            in_words("plans.plans[0].monthly_price", Lang::Fr),
            "forfait 1, prix mensuel"
        );
        assert!(error.message(Lang::En).contains("out of bounds"));
    }

    #[test]
    fn a_summary_reads_well_in_both_languages() {
        let summary = Summary {
            cases: 2,
            events: 5,
            plans: 1,
            bills: 3,
            corrections: 4,
            debits: 0,
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2);
        assert_eq!(
            summary.describe(day, Lang::Fr),
            "Export du 02/11/2026 : 2 dossier(s), 5 échange(s), 1 forfait(s), 3 facture(s), \
             4 correction(s)."
        );
        let with_debits = Summary {
            debits: 12,
            ..summary
        };
        assert_eq!(
            with_debits.describe(day, Lang::En),
            "Export of 2 Nov 2026: 2 case(s), 5 exchange(s), 1 plan(s), 3 bill(s), \
             4 correction(s), 12 operator debit(s)."
        );
    }
}
