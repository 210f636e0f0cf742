//! Bills against the bank statement: what the operator asked, next to what it took.
//!
//! A statement is read from its bytes, entirely on the device ([`read_statement`]): CSV as
//! French banks export it ([`csv`]) or OFX 1 and 2 ([`ofx`]), in UTF-8, UTF-16 or
//! ISO-8859-1 ([`text`]). Of its operations only the debits and refunds of telecom
//! operators are kept ([`telecom`]); the rest is dropped once read and never stored. The
//! kept debits are matched to the bills ([`matching`]): each mismatch is a
//! [`matching::DebitFinding`] with what it puts at stake, which can open or join a case
//! in the journal with the bank's deadlines ([`contest`]). [`month`] draws billed against
//! debited per month; [`stored`] is what is kept in the browser.
//!
//! Pure: bytes and values in, values out; no clock (`today` is a parameter), no browser.
//! Bounded: the file's size ([`MAX_STATEMENT_BYTES`], checked by the caller before reading
//! and again here), the rows ([`MAX_ROWS`]), a field's length ([`MAX_FIELD_CHARS`]), an
//! amount ([`text::MAX_AMOUNT`]).

pub mod contest;
pub mod csv;
pub mod matching;
pub mod month;
pub mod ofx;
pub mod stored;
pub mod telecom;
pub mod text;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::i18n::{format_size, Lang};
use csv::Mapping;
use text::Encoding;

/// The largest statement read: a year of a busy account is about 100 KB in CSV.
pub const MAX_STATEMENT_BYTES: u64 = 4 * 1024 * 1024;
/// The most operations (or records) a statement may hold.
pub const MAX_ROWS: usize = 20_000;
/// The longest field (or OFX value), in bytes.
pub const MAX_FIELD_CHARS: usize = 1024;

/// One operation of a statement, as read: in memory only, never stored as such (it
/// crosses from the parse worker to the page as JSON, `core::engine`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operation {
    /// The day of the operation.
    pub date: NaiveDate,
    /// The amount: negative for money out.
    pub amount: Decimal,
    /// The label, spaces squashed.
    pub label: String,
}

/// What a statement was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Format {
    /// CSV, with this separator.
    Csv {
        /// The separator.
        delimiter: char,
        /// The text encoding.
        encoding: Encoding,
    },
    /// OFX.
    Ofx {
        /// 1 (SGML) or 2 (XML).
        version: u32,
        /// The text encoding.
        encoding: Encoding,
    },
}

/// A statement as read: every operation, in memory, until the telecom ones are kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// How it was read.
    pub format: Format,
    /// Its operations, in the order printed.
    pub operations: Vec<Operation>,
    /// How a CSV's columns were read (to show and correct).
    pub mapping: Option<Mapping>,
    /// A CSV's column names (empty where it has no header).
    pub columns: Vec<String>,
    /// The key a CSV's mapping is remembered under (its header).
    pub signature: Option<String>,
    /// The bank's name, when the file gives it (OFX `<ORG>`).
    pub bank: Option<String>,
    /// Records that are not operations (balances, totals).
    pub skipped: usize,
}

impl Statement {
    /// The first and last day of its operations.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.operations.iter().map(|o| o.date).min()?;
        let last = self.operations.iter().map(|o| o.date).max()?;
        Some((first, last))
    }
}

/// Why a statement cannot be read. Nothing is kept from a statement that gives one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatementError {
    /// Larger than [`MAX_STATEMENT_BYTES`]; checked before reading.
    TooLarge {
        /// Its size, in bytes.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The file is empty.
    Empty,
    /// Not text in an encoding a statement comes in (a binary file, UTF-16 without its mark).
    NotText,
    /// Text, but no dated operation with an amount was found in it.
    NotAStatement,
    /// More operations than [`MAX_ROWS`].
    TooManyRows {
        /// The limit.
        max: usize,
    },
    /// A line longer than any statement's.
    LineTooLong {
        /// The 1-based line (or record).
        line: usize,
    },
    /// An OFX file whose structure or values do not read.
    BrokenOfx {
        /// The tag or element at fault.
        detail: String,
    },
    /// An amount beyond [`text::MAX_AMOUNT`].
    AbsurdAmount {
        /// The 1-based line (0 when the format has no lines, OFX).
        line: usize,
    },
    /// Its reading stopped in the parse worker (it took too long, or the worker died):
    /// nothing was read.
    Stopped,
}

impl StatementError {
    /// The message a person sees.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StatementError::TooLarge { size, max } => match lang {
                Lang::Fr => format!(
                    "Ce fichier fait {} : un relevé en fait bien moins (au plus {}). Exportez une période plus courte.",
                    format_size(*size, lang),
                    format_size(*max, lang)
                ),
                Lang::En => format!(
                    "This file is {}: a statement is much smaller (at most {}). Export a shorter period.",
                    format_size(*size, lang),
                    format_size(*max, lang)
                ),
            },
            StatementError::Empty => lang.pick("Ce fichier est vide.", "This file is empty.").into(),
            StatementError::NotText => lang
                .pick(
                    "Ce fichier n'est pas un relevé en texte (ou son encodage n'est pas reconnu) : exportez le relevé en CSV ou en OFX depuis l'espace client de votre banque.",
                    "This file is not a text statement (or its encoding is not recognised): export the statement as CSV or OFX from your bank's website.",
                )
                .into(),
            StatementError::NotAStatement => lang
                .pick(
                    "Aucune opération datée avec un montant n'a été trouvée : ce fichier ne semble pas être un relevé de compte.",
                    "No dated operation with an amount was found: this file does not look like a bank statement.",
                )
                .into(),
            StatementError::TooManyRows { max } => match lang {
                Lang::Fr => format!("Ce relevé a plus de {max} opérations : exportez une période plus courte."),
                Lang::En => format!("This statement has more than {max} operations: export a shorter period."),
            },
            StatementError::LineTooLong { line } => match lang {
                Lang::Fr => format!("La ligne {line} est bien trop longue pour un relevé : ce fichier n'en est sans doute pas un."),
                Lang::En => format!("Line {line} is far too long for a statement: this file is probably not one."),
            },
            StatementError::BrokenOfx { detail } => match lang {
                Lang::Fr => format!("Ce fichier OFX est incomplet ou abîmé (au niveau de {detail}) : exportez-le à nouveau."),
                Lang::En => format!("This OFX file is incomplete or damaged (at {detail}): export it again."),
            },
            StatementError::Stopped => lang
                .pick(
                    "La lecture de ce fichier s'est arrêtée avant la fin (il est inhabituel, ou trop long à lire) : rien n'a été importé. Exportez le relevé à nouveau, ou dans l'autre format (CSV ou OFX).",
                    "Reading this file stopped before the end (it is unusual, or too long to read): nothing was imported. Export the statement again, or in the other format (CSV or OFX).",
                )
                .into(),
            StatementError::AbsurdAmount { line } => match (lang, line) {
                (Lang::Fr, 0) => "Un montant de ce relevé dépasse 10 millions d'euros : il est mal lu, rien n'a été importé.".into(),
                (Lang::En, 0) => "An amount in this statement exceeds 10 million euros: it is misread, nothing was imported.".into(),
                (Lang::Fr, n) => format!("Le montant de la ligne {n} dépasse 10 millions d'euros : la colonne du montant est sans doute mal choisie, rien n'a été importé."),
                (Lang::En, n) => format!("The amount on line {n} exceeds 10 million euros: the amount column is probably wrong, nothing was imported."),
            },
        }
    }
}

/// Reads a statement: OFX when it says so, else CSV with `mapping` (or the one detected).
/// Every operation is returned, in memory; [`telecom::keep`] keeps the few to store.
pub fn read_statement(
    bytes: &[u8],
    mapping: Option<&Mapping>,
) -> Result<Statement, StatementError> {
    let size = bytes.len() as u64;
    if size > MAX_STATEMENT_BYTES {
        return Err(StatementError::TooLarge {
            size,
            max: MAX_STATEMENT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StatementError::Empty);
    }
    let (text, encoding) = text::decode(bytes).map_err(|_| StatementError::NotText)?;
    if ofx::is_ofx(&text) {
        let (operations, bank) = ofx::read(&text)?;
        if operations.is_empty() {
            return Err(StatementError::NotAStatement);
        }
        return Ok(Statement {
            format: Format::Ofx {
                version: ofx::version(&text),
                encoding,
            },
            operations,
            mapping: None,
            columns: Vec::new(),
            signature: None,
            bank,
            skipped: 0,
        });
    }
    let delimiter = mapping
        .map(|m| m.delimiter)
        .or_else(|| csv::delimiter(&text))
        .ok_or(StatementError::NotAStatement)?;
    let rows = csv::records(&text, delimiter)?;
    let mapping = match mapping {
        Some(m) => m.clone(),
        None => csv::detect(&rows, delimiter).ok_or(StatementError::NotAStatement)?,
    };
    let (operations, skipped) = csv::read(&rows, &mapping)?;
    if operations.is_empty() {
        return Err(StatementError::NotAStatement);
    }
    Ok(Statement {
        format: Format::Csv {
            delimiter,
            encoding,
        },
        columns: csv::column_names(&rows, &mapping),
        signature: Some(csv::signature(&rows, mapping.header, delimiter)),
        mapping: Some(mapping),
        operations,
        bank: None,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_statements_say_why() {
        let cases: Vec<(Vec<u8>, StatementError)> = vec![
            (Vec::new(), StatementError::Empty),
            (b"  \n".to_vec(), StatementError::Empty),
            (
                b"%PDF-1.7\n\x00\x00binary".to_vec(),
                StatementError::NotText,
            ),
            (
                "Date".encode_utf16().flat_map(u16::to_le_bytes).collect(),
                StatementError::NotText,
            ),
            (
                b"Dear customer,\nhere is a letter.\n".to_vec(),
                StatementError::NotAStatement,
            ),
            (
                b"OFXHEADER:100\n<OFX><BANKTRANLIST><STMTTRN><DTPOSTED>20260101".to_vec(),
                StatementError::BrokenOfx {
                    detail: "</OFX>".into(),
                },
            ),
            (
                vec![b'a'; MAX_STATEMENT_BYTES as usize + 1],
                StatementError::TooLarge {
                    size: MAX_STATEMENT_BYTES + 1,
                    max: MAX_STATEMENT_BYTES,
                },
            ),
        ];
        for (bytes, want) in cases {
            let got = read_statement(&bytes, None).unwrap_err();
            assert_eq!(got, want);
            assert!(!got.message(Lang::Fr).is_empty() && !got.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn a_latin1_csv_reads_with_its_mapping_and_period() {
        let text = b"Date;Libell\xe9;D\xe9bit euros;Cr\xe9dit euros\n05/01/2026;PRLV SEPA FREE MOBILE;19,99;\n20/01/2026;VIR;;10,00\n";
        let s = read_statement(text, None).unwrap();
        assert_eq!(
            s.format,
            Format::Csv {
                delimiter: ';',
                encoding: Encoding::Latin1
            }
        );
        assert_eq!(
            s.columns,
            ["Date", "Libellé", "Débit euros", "Crédit euros"]
        );
        assert_eq!(s.operations.len(), 2);
        let (first, last) = s.period().unwrap();
        assert_eq!(
            (first.to_string(), last.to_string()),
            ("2026-01-05".into(), "2026-01-20".into())
        );
        // The person's correction is taken as given: the label from the date column.
        let mut m = s.mapping.clone().unwrap();
        m.label = vec![0];
        let again = read_statement(text, Some(&m)).unwrap();
        assert_eq!(again.operations[0].label, "05/01/2026");
    }
}
