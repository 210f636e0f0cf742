//! The stored form of what the person keeps: one versioned envelope per store.
//!
//! Pure: the browser layer (`services::storage`) moves strings in and out of
//! localStorage; this module decides what a string means. It tells "nothing stored" from
//! "stored but unreadable" so that an unreadable value is set aside and never saved over,
//! and migrates each earlier schema once, at start-up.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::finding::Bilingual;

/// A store's key, schema version and migrations.
pub trait Stored: Serialize + DeserializeOwned + Default {
    /// The localStorage key.
    const KEY: &'static str;
    /// The schema version written now.
    const VERSION: u32;
    /// Whether it is a cache, made again from the person's files (the pages of the bills
    /// read), not the person's data: unreadable, it is dropped, never set aside.
    const CACHE: bool = false;

    /// Turns the data of an earlier version into the data of the next one. The default
    /// knows no earlier version.
    fn migrate(from: u32, _data: serde_json::Value) -> Result<serde_json::Value, String> {
        Err(format!("no migration from version {from}"))
    }
}

/// The envelope around every stored value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// The app that wrote it.
    pub app: String,
    /// The schema version of `data`.
    pub version: u32,
    /// When it was written, in milliseconds since the epoch (given by the caller).
    pub saved_at: i64,
    /// The value.
    pub data: serde_json::Value,
}

/// The app name written in every envelope.
pub const APP: &str = "contestel";

/// Why a stored value could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoreError {
    /// Not an envelope at all (damaged, or written by something else).
    Unreadable {
        /// What the decoder said.
        detail: String,
    },
    /// Written by a newer version of Contestel: kept as it is, not overwritten.
    TooNew {
        /// The version found.
        version: u32,
    },
    /// An envelope whose data does not fit the schema, even after migration.
    Invalid {
        /// What the decoder said.
        detail: String,
    },
}

/// A value read from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    /// The value, in the current schema.
    pub value: T,
    /// When it was written.
    pub saved_at: i64,
    /// Whether it was migrated from an earlier schema (and should be saved back).
    pub migrated: bool,
}

/// The envelope's fields without its data, which is skipped unparsed.
#[derive(Deserialize)]
struct Header {
    app: String,
    version: u32,
    saved_at: i64,
    #[allow(dead_code)]
    data: serde::de::IgnoredAny,
}

/// When a stored value was saved, read from its envelope with its data skipped; `None`
/// for anything that is not a Contestel envelope.
pub fn saved_at(raw: &str) -> Option<i64> {
    serde_json::from_str::<Header>(raw)
        .ok()
        .filter(|header| header.app == APP)
        .map(|header| header.saved_at)
}

/// When a stored value was saved and in which schema version, read from its envelope with
/// its data skipped; `None` for anything that is not a Contestel envelope.
pub fn stamp(raw: &str) -> Option<(i64, u32)> {
    serde_json::from_str::<Header>(raw)
        .ok()
        .filter(|header| header.app == APP)
        .map(|header| (header.saved_at, header.version))
}

/// The envelope's data alone, read straight into its type.
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct DataOnly<T> {
    data: T,
}

/// Decodes what was stored under `T::KEY`. `None` means nothing was stored.
///
/// A value in the current schema (the usual case) is read straight into `T`; only an
/// earlier version goes through `serde_json::Value` for its migrations. (Through `Value`
/// every time, a journal of 1 000 events took twice as long to load, and `save` decodes
/// what is stored before writing over it.)
pub fn decode<T: Stored>(raw: Option<&str>) -> Result<Option<Loaded<T>>, StoreError> {
    let Some(raw) = raw else { return Ok(None) };
    let header: Header = serde_json::from_str(raw).map_err(|e| StoreError::Unreadable {
        detail: e.to_string(),
    })?;
    if header.app == APP && header.version == T::VERSION {
        let DataOnly { data } =
            serde_json::from_str::<DataOnly<T>>(raw).map_err(|e| StoreError::Invalid {
                detail: e.to_string(),
            })?;
        return Ok(Some(Loaded {
            value: data,
            saved_at: header.saved_at,
            migrated: false,
        }));
    }
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| StoreError::Unreadable {
        detail: e.to_string(),
    })?;
    if envelope.app != APP {
        return Err(StoreError::Unreadable {
            detail: format!("written by {:?}", envelope.app),
        });
    }
    if envelope.version > T::VERSION {
        return Err(StoreError::TooNew {
            version: envelope.version,
        });
    }
    if T::VERSION == 1 {
        // No earlier schema to migrate from. Said with a constant, so that a store at its
        // first version does not carry the `Value` deserializer of its whole type into the
        // app (measured: several KB of wasm per store).
        return Err(StoreError::Invalid {
            detail: format!("no migration from version {}", envelope.version),
        });
    }
    let mut data = envelope.data;
    let mut version = envelope.version;
    while version < T::VERSION {
        data = T::migrate(version, data).map_err(|detail| StoreError::Invalid { detail })?;
        version += 1;
    }
    // Read back from text rather than `from_value`: every stored type is then decoded by
    // one copy of its code (the one for text), which keeps the app's wasm smaller.
    let value = serde_json::to_string(&data)
        .and_then(|text| serde_json::from_str(&text))
        .map_err(|e| StoreError::Invalid {
            detail: e.to_string(),
        })?;
    Ok(Some(Loaded {
        value,
        saved_at: envelope.saved_at,
        migrated: envelope.version < T::VERSION,
    }))
}

/// Encodes a value in its envelope, stamped `saved_at`: the fields of [`Envelope`], in
/// its order, written around the value's own text (not through `serde_json::Value`, which
/// would take a second copy of every stored type's code into the app).
pub fn encode<T: Stored>(value: &T, saved_at: i64) -> Result<String, String> {
    let data = serde_json::to_string(value).map_err(|e| e.to_string())?;
    // Never write what could not be read back: a float that is not finite is
    // written `null`, which no float reads (the value would be set aside at the next load).
    serde_json::from_str::<T>(&data).map_err(|e| format!("{} would not read back: {e}", T::KEY))?;
    Ok(format!(
        "{{\"app\":\"{APP}\",\"version\":{},\"saved_at\":{saved_at},\"data\":{data}}}",
        T::VERSION
    ))
}

/// The key a value of an earlier schema is kept under, as it was, when it is first saved
/// over in the current schema: the migration is tested to lose nothing, and this copy
/// makes sure of it.
pub fn earlier_version_key(key: &str, version: u32) -> String {
    format!("{key}.v{version}")
}

/// The schema version a stored value says it is in, if it is one of ours and earlier than
/// `T::VERSION`.
pub fn earlier_version<T: Stored>(raw: &str) -> Option<u32> {
    let header: Header = serde_json::from_str(raw).ok()?;
    (header.app == APP && header.version < T::VERSION).then_some(header.version)
}

/// How long the copy of a value in an earlier schema is kept after the first save over it:
/// time to notice a migration gone wrong, not for ever (a case deleted since would live on
/// in it, outside the export).
pub const EARLIER_COPY_DAYS: i64 = 30;

/// The key under which the moment a copy of an earlier schema was made is kept.
pub fn kept_at_key(copy_key: &str) -> String {
    format!("{copy_key}.kept_at")
}

/// Whether `key` holds a copy of a value in an earlier schema (`contestel.journal.v1`).
pub fn is_earlier_copy_key(key: &str) -> bool {
    key.starts_with("contestel.")
        && key.rsplit_once(".v").is_some_and(|(base, v)| {
            !base.is_empty() && !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Until when a copy made at `kept_at` (milliseconds) is kept.
pub fn earlier_copy_kept_until(kept_at: i64) -> i64 {
    kept_at.saturating_add(EARLIER_COPY_DAYS * 24 * 3600 * 1000)
}

/// The key an unreadable value is set aside under, so it is never lost.
pub fn recovery_key(key: &str, saved_at: i64) -> String {
    format!("{key}.unreadable.{saved_at}")
}

impl Stored for super::journal::Journal {
    const KEY: &'static str = "contestel.journal";
    /// 2: disputed lines carry their rule id and payment date; cases know what the law
    /// needs (`journal::migrate`). 3: an exchange's answer may be « pas de réponse »
    /// (`no_answer`): nothing to change in a version-2 journal, but a Contestel of
    /// version 2 cannot read it, and must know it is newer rather than unreadable.
    const VERSION: u32 = 3;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            1 => super::journal::migrate::v1_to_v2(data),
            2 => Ok(data),
            _ => Err(format!("no migration from version {from}")),
        }
    }
}

/// The plans the person entered, one per line or box.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plans {
    /// The plans.
    pub plans: Vec<super::plan::Plan>,
}

impl Stored for Plans {
    const KEY: &'static str = "contestel.plans";
    /// 2: a plan may say when the operator confirmed its termination and whether calls
    /// abroad are included (`Plan::termination_confirmed_on`, `Allowances::international`);
    /// a version-1 plan reads as it is. The version keeps an older Contestel from reading
    /// (and saving over) plans with fields it does not know.
    const VERSION: u32 = 2;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            1 => Ok(data),
            _ => Err(format!("no migration from version {from}")),
        }
    }
}

impl Stored for super::bank::stored::BankData {
    const KEY: &'static str = "contestel.bank";
    const VERSION: u32 = 1;
}

impl Stored for super::corrections::Corrections {
    const KEY: &'static str = "contestel.corrections";
    const VERSION: u32 = 1;
}

/// The pages of the bills read, as the reader saw them (positioned rows of text, never the
/// PDF): what the page view draws, kept between visits within [`PAGES_BUDGET`]. A cache,
/// not the person's data: a bill whose pages were not kept can be dropped again to see
/// them, and an export does not carry them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedPages {
    /// Per bill, by its key (`core::uploads::bill_key`), oldest first.
    pub bills: Vec<PagesOf>,
}

/// The pages of one bill.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PagesOf {
    /// The bill's key.
    pub key: String,
    /// Its pages, positions rounded to a tenth of a point.
    pub pages: Vec<super::layout::TextPage>,
}

/// The most the kept pages may weigh, in UTF-16 code units (a typical bill's pages weigh
/// 10 to 40 thousand): the journal, plans and corrections keep the rest of
/// [`LOCAL_STORAGE_LIMIT`].
pub const PAGES_BUDGET: u64 = 1_500_000;

impl Stored for SavedPages {
    const KEY: &'static str = "contestel.pages";
    const VERSION: u32 = 1;
    const CACHE: bool = true;
}

impl SavedPages {
    /// The pages of a bill, if kept.
    pub fn get(&self, key: &str) -> Option<&[super::layout::TextPage]> {
        self.bills
            .iter()
            .find(|b| b.key == key)
            .map(|b| b.pages.as_slice())
    }

    /// Keeps the pages of the bills whose keys are given (oldest first), newest first
    /// while they fit in `budget`; pages of bills no longer kept are dropped. `fresh`
    /// pages, of bills read in this visit, replace what was kept for their key.
    pub fn within(
        &self,
        keys: &[String],
        fresh: &[(String, Vec<super::layout::TextPage>)],
        budget: u64,
    ) -> SavedPages {
        let mut kept: Vec<PagesOf> = Vec::new();
        let mut used = 0u64;
        for key in keys.iter().rev() {
            let pages = fresh
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, p)| super::provenance::rounded(p))
                .or_else(|| self.get(key).map(<[_]>::to_vec));
            let Some(pages) = pages else { continue };
            let entry = PagesOf {
                key: key.clone(),
                pages,
            };
            let size = serde_json::to_string(&entry)
                .map(|t| t.encode_utf16().count() as u64)
                .unwrap_or(u64::MAX);
            if used.saturating_add(size) > budget {
                continue;
            }
            used += size;
            kept.push(entry);
        }
        kept.reverse();
        SavedPages { bills: kept }
    }
}

/// The bills read, kept as their read structure (never the PDF itself).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedBills {
    /// The bills, oldest first.
    pub bills: Vec<super::bill::Bill>,
}

impl Stored for SavedBills {
    const KEY: &'static str = "contestel.bills";
    const VERSION: u32 = 1;
}

/// localStorage's own limit per site, in UTF-16 code units of keys and values (how Chromium
/// and Firefox count it: Chromium allows 10 MiB of UTF-16, Firefox 5 Mi characters),
/// whatever the browser's overall quota for the site.
pub const LOCAL_STORAGE_LIMIT: u64 = 5 * 1024 * 1024;

/// How much each kind of stored data weighs, in UTF-16 code units of key and value (see
/// [`LOCAL_STORAGE_LIMIT`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// The cases and their exchanges.
    pub journal: u64,
    /// The plans.
    pub plans: u64,
    /// The bills read.
    pub bills: u64,
    /// The person's corrections to the bills read.
    pub corrections: u64,
    /// The pages of the bills read, kept for the page view.
    pub pages: u64,
    /// What the bank statements left: the operators' debits, column mappings, ties.
    pub bank: u64,
    /// Values set aside because they could not be read.
    pub set_aside: u64,
    /// Any other key of this app.
    pub other: u64,
}

impl Usage {
    /// Sums the `(key, value)` pairs of this app's keys (those starting with `contestel.`);
    /// other sites' keys on a shared origin are not counted.
    pub fn of<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Usage {
        let mut usage = Usage::default();
        for (key, value) in entries {
            if !key.starts_with("contestel.") {
                continue;
            }
            let size = (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
            let slot = if key.contains(".unreadable.") {
                &mut usage.set_aside
            } else if key == <super::journal::Journal as Stored>::KEY
                || key.starts_with(&format!("{}.v", <super::journal::Journal as Stored>::KEY))
            {
                &mut usage.journal
            } else if key == Plans::KEY {
                &mut usage.plans
            } else if key == SavedBills::KEY {
                &mut usage.bills
            } else if key == <super::corrections::Corrections as Stored>::KEY {
                &mut usage.corrections
            } else if key == SavedPages::KEY {
                &mut usage.pages
            } else if key == <super::bank::stored::BankData as Stored>::KEY {
                &mut usage.bank
            } else {
                &mut usage.other
            };
            *slot += size;
        }
        usage
    }

    /// Everything this app keeps in localStorage.
    pub fn total(&self) -> u64 {
        self.journal
            + self.plans
            + self.bills
            + self.corrections
            + self.pages
            + self.bank
            + self.set_aside
            + self.other
    }
}

/// Why a value set aside (under `{store}.unreadable.{stamp}`) could not be read, in words
/// for a person: which of their data it is, and what in it could not be read (« Dans les
/// pages gardées des factures : une position de texte illisible. »). Decodes it again with
/// its store's type; `None` when it now reads (or its store is not known).
pub fn why_set_aside(key: &str, raw: &str) -> Option<Bilingual> {
    use super::bank::stored::BankData;
    use super::corrections::Corrections;
    use super::export_memo::ExportMemo;
    use super::journal::Journal;
    fn error<T: Stored>(raw: &str) -> Option<StoreError> {
        decode::<T>(Some(raw)).err()
    }
    let store = key.split(".unreadable.").next().unwrap_or(key);
    let (error, fr_store, en_store) = match store {
        k if k == Journal::KEY => (
            error::<Journal>(raw),
            "votre journal (dossiers et démarches)",
            "your journal (cases and steps)",
        ),
        k if k == Plans::KEY => (error::<Plans>(raw), "vos forfaits", "your plans"),
        k if k == SavedBills::KEY => (
            error::<SavedBills>(raw),
            "vos factures lues",
            "your bills as read",
        ),
        k if k == Corrections::KEY => (
            error::<Corrections>(raw),
            "vos corrections de lecture",
            "your corrections to the reading",
        ),
        k if k == SavedPages::KEY => (
            error::<SavedPages>(raw),
            "les pages gardées des factures",
            "the pages kept of the bills",
        ),
        k if k == BankData::KEY => (
            error::<BankData>(raw),
            "vos relevés bancaires",
            "your bank statements",
        ),
        k if k == ExportMemo::KEY => (
            error::<ExportMemo>(raw),
            "la date de votre dernier export",
            "the day of your last export",
        ),
        _ => return None,
    };
    let (fr, en) = match error? {
        StoreError::TooNew { .. } => (
            "elles viennent d'une version plus récente de Contestel".to_string(),
            "they come from a newer version of Contestel".to_string(),
        ),
        StoreError::Unreadable { .. }
            if serde_json::from_str::<serde::de::IgnoredAny>(raw).is_err() =>
        {
            (
                "le texte est abîmé ou coupé".to_string(),
                "the text is damaged or cut off".to_string(),
            )
        }
        StoreError::Unreadable { .. } => (
            "ce ne sont pas des données écrites par Contestel".to_string(),
            "this is not data written by Contestel".to_string(),
        ),
        StoreError::Invalid { detail } => what_is_unreadable(&detail, raw),
    };
    Some(Bilingual::new(
        format!("Dans {fr_store} : {fr}."),
        format!("In {en_store}: {en}."),
    ))
}

/// What in a value does not fit its type, from serde_json's message (« … at line 1 column
/// 345 », « missing field `amount` … ») and the text it points into.
fn what_is_unreadable(detail: &str, raw: &str) -> (String, String) {
    let name_ok = |n: &str| {
        !n.is_empty() && n.len() <= 40 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if let Some(name) = detail
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
        .filter(|n| name_ok(n))
    {
        return (
            format!("le champ « {name} » manque"),
            format!("the field \"{name}\" is missing"),
        );
    }
    // The field whose value is wrong: the last name before the place the error points at.
    let name = detail
        .rsplit_once(" column ")
        .and_then(|(_, column)| column.trim().parse::<usize>().ok())
        .and_then(|column| {
            let mut end = column.min(raw.len());
            while !raw.is_char_boundary(end) {
                end -= 1;
            }
            let before = &raw[..end];
            let colon = before.rfind("\":")?;
            let start = before[..colon].rfind('"')? + 1;
            Some(before[start..colon].to_string())
        })
        .filter(|n| name_ok(n));
    let Some(name) = name else {
        return (
            "leur forme n'est pas celle que Contestel attend".to_string(),
            "their shape is not the one Contestel expects".to_string(),
        );
    };
    let words: (&str, &str) = match name.as_str() {
        "x" | "y" | "width" | "height" | "size" | "top" | "bottom" | "left" | "right" => {
            ("une position de texte", "a text position")
        }
        n if n.contains("amount") || n.contains("price") || n.contains("total") => {
            ("un montant", "an amount")
        }
        n if n.contains("date") || n == "start" || n == "end" || n.ends_with("_at") => {
            ("une date", "a date")
        }
        _ => {
            return (
                format!("le champ « {name} » est illisible"),
                format!("the field \"{name}\" cannot be read"),
            )
        }
    };
    (
        format!("{} illisible", words.0),
        format!("{} that cannot be read", words.1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::journal::Journal;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Notes {
        items: Vec<String>,
        pinned: bool,
    }

    /// Version 1 held a bare list; version 2 wraps it and adds `pinned`.
    impl Stored for Notes {
        const KEY: &'static str = "test.notes";
        const VERSION: u32 = 2;

        fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
            match from {
                1 => Ok(serde_json::json!({ "items": data, "pinned": false })),
                _ => Err(format!("no migration from version {from}")),
            }
        }
    }

    #[test]
    fn the_envelope_is_written_as_serde_would() {
        let notes = Notes {
            items: vec!["« a »".into()],
            pinned: false,
        };
        let written = encode(&notes, 42).unwrap();
        let envelope = Envelope {
            app: APP.into(),
            version: 2,
            saved_at: 42,
            data: serde_json::to_value(&notes).unwrap(),
        };
        assert_eq!(written, serde_json::to_string(&envelope).unwrap());
    }

    #[test]
    fn a_value_that_would_not_read_back_is_never_written() {
        let page = |width: f32| PagesOf {
            key: "k".into(),
            pages: vec![crate::core::layout::TextPage {
                number: 1,
                width,
                height: 842.0,
                rows: Vec::new(),
                slanted: String::new(),
            }],
        };
        let fine = SavedPages {
            bills: vec![page(595.0)],
        };
        let written = encode(&fine, 1).unwrap();
        assert_eq!(
            decode::<SavedPages>(Some(&written)).unwrap().unwrap().value,
            fine
        );
        // serde_json writes a float that is not finite as `null`, which reads as no float.
        for width in [f32::NAN, f32::INFINITY] {
            let broken = SavedPages {
                bills: vec![page(width)],
            };
            let refused = encode(&broken, 1).unwrap_err();
            assert!(refused.contains("would not read back"), "{refused}");
        }
    }

    #[test]
    fn a_value_set_aside_says_in_words_what_could_not_be_read() {
        use crate::core::layout::{TextCell, TextPage, TextRow};
        let pages = SavedPages {
            bills: vec![PagesOf {
                key: "k".into(),
                pages: vec![TextPage {
                    number: 1,
                    width: 595.0,
                    height: 842.0,
                    rows: vec![TextRow {
                        y: 100.5,
                        size: 9.0,
                        cells: vec![TextCell {
                            x: 31.5,
                            x_end: 96.0,
                            text: "Forfait 19,99".into(),
                        }],
                    }],
                    slanted: String::new(),
                }],
            }],
        };
        let fine = encode(&pages, 1).unwrap();
        let key = recovery_key(SavedPages::KEY, 7);
        assert_eq!(why_set_aside(&key, &fine), None, "it reads");
        // What issue 27 found: a row's position written `null`.
        let null_y = fine.replace("\"y\":100.5", "\"y\":null");
        assert_ne!(null_y, fine);
        let why = why_set_aside(&key, &null_y).unwrap();
        assert_eq!(
            why.fr,
            "Dans les pages gardées des factures : une position de texte illisible."
        );
        assert_eq!(
            why.en,
            "In the pages kept of the bills: a text position that cannot be read."
        );
        let journal = recovery_key(<Journal as Stored>::KEY, 9);
        let cut = &fine[..fine.len() / 2];
        assert_eq!(
            why_set_aside(&journal, cut).unwrap().fr,
            "Dans votre journal (dossiers et démarches) : le texte est abîmé ou coupé."
        );
        assert_eq!(
            why_set_aside(&journal, r#"{"app":"other","version":1,"saved_at":1,"data":{}}"#)
                .unwrap()
                .fr,
            "Dans votre journal (dossiers et démarches) : ce ne sont pas des données écrites par Contestel."
        );
        let missing = fine.replace("\"size\":9.0,", "");
        assert_ne!(missing, fine);
        assert_eq!(
            why_set_aside(&key, &missing).unwrap().fr,
            "Dans les pages gardées des factures : le champ « size » manque."
        );
        let odd = fine.replace("\"text\":\"Forfait 19,99\"", "\"text\":12");
        assert_eq!(
            why_set_aside(&key, &odd).unwrap().fr,
            "Dans les pages gardées des factures : le champ « text » est illisible."
        );
        assert_eq!(why_set_aside("contestel.other.unreadable.1", cut), None);
    }

    #[test]
    fn nothing_stored_is_not_an_error() {
        assert_eq!(decode::<Notes>(None), Ok(None));
    }

    #[test]
    fn a_value_round_trips() {
        let notes = Notes {
            items: vec!["appel du 26/11".into()],
            pinned: true,
        };
        let raw = encode(&notes, 1_764_150_000_000).unwrap();
        let loaded = decode::<Notes>(Some(&raw)).unwrap().unwrap();
        assert_eq!(
            loaded,
            Loaded {
                value: notes,
                saved_at: 1_764_150_000_000,
                migrated: false
            }
        );
    }

    #[test]
    fn an_earlier_version_is_migrated() {
        let raw = r#"{"app":"contestel","version":1,"saved_at":5,"data":["a","b"]}"#;
        let loaded = decode::<Notes>(Some(raw)).unwrap().unwrap();
        assert!(loaded.migrated);
        assert_eq!(
            loaded.value,
            Notes {
                items: vec!["a".into(), "b".into()],
                pinned: false
            }
        );
    }

    type Check = fn(&StoreError) -> bool;

    #[test]
    fn what_cannot_be_read_says_why() {
        let cases: [(&str, Check); 5] = [
            ("{not json", |e| matches!(e, StoreError::Unreadable { .. })),
            (
                r#"{"app":"other","version":1,"saved_at":0,"data":[]}"#,
                |e| matches!(e, StoreError::Unreadable { .. }),
            ),
            (
                r#"{"app":"contestel","version":9,"saved_at":0,"data":{}}"#,
                |e| *e == StoreError::TooNew { version: 9 },
            ),
            (
                r#"{"app":"contestel","version":2,"saved_at":0,"data":{"items":3}}"#,
                |e| matches!(e, StoreError::Invalid { .. }),
            ),
            (
                r#"{"app":"contestel","version":0,"saved_at":0,"data":[]}"#,
                |e| matches!(e, StoreError::Invalid { .. }),
            ),
        ];
        for (raw, expected) in cases {
            let error = decode::<Notes>(Some(raw)).unwrap_err();
            assert!(expected(&error), "{raw}: {error:?}");
        }
    }

    #[test]
    fn the_journal_is_stored_at_version_three() {
        let raw = encode(&Journal::default(), 1).unwrap();
        assert!(
            raw.starts_with(r#"{"app":"contestel","version":3,"#),
            "{raw}"
        );
        assert_eq!(
            decode::<Journal>(Some(&raw)).unwrap().unwrap().value,
            Journal::default()
        );
    }

    #[test]
    fn an_earlier_version_is_recognised_for_keeping_a_copy() {
        let v1 = r#"{"app":"contestel","version":1,"saved_at":5,"data":["a"]}"#;
        assert_eq!(earlier_version::<Notes>(v1), Some(1));
        let v2 = encode(&Notes::default(), 6).unwrap();
        assert_eq!(earlier_version::<Notes>(&v2), None);
        assert_eq!(earlier_version::<Notes>("{not json"), None);
        assert_eq!(
            earlier_version_key("contestel.journal", 1),
            "contestel.journal.v1"
        );
    }

    #[test]
    fn a_version_1_plan_reads_at_version_2_as_it_was() {
        let raw = r#"{"app":"contestel","version":1,"saved_at":3,"data":{"plans":[
            {"monthly_price":"12.99","name":"Forfait B&You 60Go"}]}}"#;
        let loaded = decode::<Plans>(Some(raw)).unwrap().unwrap();
        assert!(loaded.migrated);
        assert_eq!(
            loaded.value.plans[0].name.as_deref(),
            Some("Forfait B&You 60Go")
        );
        assert_eq!(loaded.value.plans[0].termination_confirmed_on, None);
    }

    #[test]
    fn pages_are_kept_newest_first_within_their_budget() {
        use crate::core::layout::{TextCell, TextPage, TextRow};
        let page = |text: &str| TextPage {
            slanted: String::new(),
            number: 1,
            width: 594.9921,
            height: 841.9748,
            rows: vec![TextRow {
                y: 100.04,
                size: 9.0,
                cells: vec![TextCell {
                    x: 31.26,
                    x_end: 96.0,
                    text: text.repeat(100),
                }],
            }],
        };
        let keys: Vec<String> = ["a", "b", "c"].iter().map(|k| k.to_string()).collect();
        let fresh: Vec<(String, Vec<TextPage>)> =
            keys.iter().map(|k| (k.clone(), vec![page(k)])).collect();
        let all = SavedPages::default().within(&keys, &fresh, u64::MAX);
        assert_eq!(all.bills.len(), 3);
        assert_eq!(all.get("a").unwrap()[0].width, 595.0, "rounded");
        assert_eq!(all.get("a").unwrap()[0].rows[0].cells[0].x, 31.3);
        let one = serde_json::to_string(&all.bills[0]).unwrap().len() as u64;
        // Room for two: the two newest are kept.
        let two = all.within(&keys, &[], one * 2 + 1);
        assert_eq!(
            two.bills.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(),
            ["b", "c"]
        );
        // A bill no longer kept loses its pages; fresh pages replace the kept ones.
        let fresher = vec![("c".to_string(), vec![page("z")])];
        let left = two.within(&keys[2..], &fresher, u64::MAX);
        assert_eq!(left.bills.len(), 1);
        assert!(left.get("c").unwrap()[0].rows[0].cells[0]
            .text
            .starts_with('z'));
    }

    #[test]
    fn earlier_copies_are_told_by_their_key_and_kept_thirty_days() {
        assert!(is_earlier_copy_key("contestel.journal.v1"));
        assert!(is_earlier_copy_key("contestel.plans.v12"));
        for key in [
            "contestel.journal",
            "contestel.journal.v1.kept_at",
            "contestel.journal.unreadable.42",
            "contestel.journal.v",
            "other.site.v1",
        ] {
            assert!(!is_earlier_copy_key(key), "{key}");
        }
        assert_eq!(
            kept_at_key("contestel.journal.v1"),
            "contestel.journal.v1.kept_at"
        );
        let day = 24 * 3600 * 1000;
        assert_eq!(earlier_copy_kept_until(5), 5 + 30 * day);
    }

    #[test]
    fn recovery_keys_keep_the_original_key() {
        assert_eq!(
            recovery_key("contestel.journal", 42),
            "contestel.journal.unreadable.42"
        );
    }

    #[test]
    fn usage_is_counted_per_kind_in_utf16_units_and_ignores_other_sites() {
        let usage = Usage::of([
            ("contestel.journal", "{\"a\":1}"),
            ("contestel.plans", "é"),
            ("contestel.bills", "𝄞"),
            ("contestel.corrections", "ab"),
            ("contestel.pages", "abc"),
            ("contestel.bank", "abcd"),
            ("contestel.journal.unreadable.7", "x"),
            ("contestel.journal.v1", "{}"),
            ("contestel.other", ""),
            ("another-app.data", "a much longer value that is not ours"),
        ]);
        assert_eq!(
            usage,
            Usage {
                journal: 17 + 7 + 20 + 2,
                plans: 15 + 1,
                bills: 15 + 2,
                corrections: 21 + 2,
                pages: 15 + 3,
                bank: 14 + 4,
                set_aside: 30 + 1,
                other: 15,
            }
        );
        assert_eq!(usage.total(), 24 + 22 + 16 + 17 + 23 + 18 + 18 + 31 + 15);
    }
}
