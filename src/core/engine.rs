//! What the page asks the parse worker, and what it answers: one serde enum each way.
//!
//! The worker is where untrusted files are read (a bill's PDF, a bank statement): if a
//! parser panics or loops on a hostile file, only the worker dies and the page carries on
//! (`services::reader_host`). A request travels as JSON with the file's bytes beside it
//! (transferred, never copied into the JSON); the answer comes back as JSON. Pure.

use serde::{Deserialize, Serialize};

use super::bank::csv::Mapping;
use super::bank::{read_statement, Statement, StatementError};
use super::error::ReadError;
use super::reader::{self, Reading};

/// What the page asks. Externally tagged, as the answer: an internally or adjacently
/// tagged enum is read through serde's buffer, a second copy of every type's decoder (32 KB
/// gzip more in the app for `Reading`, measured).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Read the bill whose bytes come with the request.
    ReadBill,
    /// Read the bank statement whose bytes come with the request, its columns as
    /// `mapping` says (else as detected).
    ReadStatement {
        /// The columns the person confirmed for this bank, if any.
        mapping: Option<Mapping>,
    },
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The bill's reading.
    Bill(Result<Reading, ReadError>),
    /// The statement as read.
    Statement(Result<Statement, StatementError>),
}

/// The worker's answer to `request` on `bytes`.
pub fn answer(request: &Request, bytes: &[u8]) -> Response {
    match request {
        Request::ReadBill => Response::Bill(reader::read(bytes, "")),
        Request::ReadStatement { mapping } => {
            Response::Statement(read_statement(bytes, mapping.as_ref()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/{path}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    /// What crosses between the page and the worker comes out as it went in.
    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
        serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
    }

    #[test]
    fn a_statement_read_in_the_worker_reaches_the_page_whole() {
        let bytes = fixture("bank/csv-latin1-debit-credit.csv");
        let request = Request::ReadStatement { mapping: None };
        assert_eq!(round_trip(&request), request);
        let response = answer(&round_trip(&request), &bytes);
        let Response::Statement(Ok(statement)) = &response else {
            panic!("{response:?}");
        };
        assert!(!statement.operations.is_empty());
        assert_eq!(round_trip(&response), response);
        // The columns given are the ones used.
        let mapping = statement.mapping.clone();
        let again = answer(&Request::ReadStatement { mapping }, &bytes);
        assert_eq!(again, response);
        // A file that is no statement: its error, as the page shows it.
        let not = answer(&request, b"%PDF-1.7 not a statement at all");
        assert!(matches!(not, Response::Statement(Err(_))), "{not:?}");
        assert_eq!(round_trip(&not), not);
    }

    #[test]
    fn a_bill_read_in_the_worker_reaches_the_page_whole() {
        let bytes = fixture("bills/free-box-2026-10.pdf");
        let response = answer(&round_trip(&Request::ReadBill), &bytes);
        let Response::Bill(Ok(reading)) = &response else {
            panic!("{response:?}");
        };
        assert!(reading.bill.total.is_some());
        assert_eq!(round_trip(&response), response);
    }
}
