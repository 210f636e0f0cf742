//! CSV statements as French banks export them: `;` (sometimes `,` or a tab) between
//! fields, lines of account details before the header, a header naming the columns
//! (`Date;Libellé;Débit euros;Crédit euros`, `dateOp;dateVal;label;…;amount`), dates and
//! amounts in French, one signed amount column or a debit and a credit column.
//!
//! Records are cut by `csv-core` (quotes, doubled quotes, line ends inside quotes), the
//! state machine of the `csv` crate without its `std::io` reader: the text is decoded
//! first, and the rest of `csv` would add 4.7 KB gzip to the app for nothing (probes built
//! with `wasm-opt -Oz`: csv-core 4.2 KB, csv 8.9 KB). The columns are found by their header
//! words and by what their cells hold; the person can correct the [`Mapping`], which is
//! remembered for the bank by the header's [`signature`]. Pure and bounded (rows, fields,
//! field length).

use serde::{Deserialize, Serialize};

use super::text::{parse_amount, parse_date};
use super::{Operation, StatementError, MAX_FIELD_CHARS, MAX_ROWS};
use crate::core::vocab::fold_words;

/// The most fields a record may have.
pub const MAX_FIELDS: usize = 40;

/// Where the amount of an operation is. Stored externally tagged (`{"signed":
/// {"column": 3}}`): an internally tagged enum would bring serde's buffering deserializer
/// into the app for one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountColumns {
    /// One column, negative for a debit.
    Signed {
        /// Its index.
        column: usize,
    },
    /// A debit column and a credit column (signs as printed are ignored: a debit is money
    /// out, whatever its sign).
    DebitCredit {
        /// The debit column.
        debit: usize,
        /// The credit column.
        credit: usize,
    },
}

/// How a CSV statement's columns are read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// The field separator.
    pub delimiter: char,
    /// The 0-based record holding the column names, when there is one; data follows it.
    pub header: Option<usize>,
    /// The date of the operation.
    pub date: usize,
    /// The columns whose text makes the label, joined by a space.
    pub label: Vec<usize>,
    /// The amount.
    pub amount: AmountColumns,
}

/// A CSV statement as read with a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvReading {
    /// The operations.
    pub operations: Vec<Operation>,
    /// The mapping used.
    pub mapping: Mapping,
    /// The columns' names (from the header), or `Colonne N` placeholders' numbers.
    pub columns: Vec<String>,
    /// The header's signature, the key the mapping is remembered under.
    pub signature: String,
    /// Records after the header that are not operations (balances, blank lines, totals).
    pub skipped: usize,
}

/// Cuts text into records with `csv-core`. Bounded: at most [`MAX_ROWS`] records, each of
/// at most [`MAX_FIELDS`] fields of at most [`MAX_FIELD_CHARS`] bytes.
pub fn records(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, StatementError> {
    let mut reader = csv_core::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .build();
    let mut input = text.as_bytes();
    let mut out = vec![0u8; MAX_FIELD_CHARS * 4];
    let mut ends = [0usize; MAX_FIELDS + 1];
    let mut rows = Vec::new();
    let (mut used, mut fields) = (0usize, 0usize);
    loop {
        let (result, read, written, ended) =
            reader.read_record(input, &mut out[used..], &mut ends[fields..]);
        input = &input[read..];
        used += written;
        fields += ended;
        use csv_core::ReadRecordResult::*;
        match result {
            InputEmpty => continue,
            OutputFull => {
                return Err(StatementError::LineTooLong {
                    line: rows.len() + 1,
                })
            }
            OutputEndsFull => return Err(StatementError::NotAStatement),
            Record => {
                let mut row = Vec::with_capacity(fields);
                let mut start = 0;
                for &end in &ends[..fields] {
                    row.push(String::from_utf8_lossy(&out[start..end]).trim().to_string());
                    start = end;
                }
                rows.push(row);
                if rows.len() > MAX_ROWS {
                    return Err(StatementError::TooManyRows { max: MAX_ROWS });
                }
                used = 0;
                fields = 0;
            }
            End => break,
        }
    }
    Ok(rows)
}

/// The separator: the one of `;`, tab, `,` and `|` that cuts the most lines into the
/// same number (at least three) of fields, `;` first on a tie.
pub fn delimiter(text: &str) -> Option<char> {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(200)
        .collect();
    let mut best: Option<(usize, char)> = None;
    for candidate in [';', '\t', ',', '|'] {
        let Ok(rows) = records(&lines.join("\n"), candidate) else {
            continue;
        };
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for row in &rows {
            let n = row.len();
            if n < 3 {
                continue;
            }
            match counts.iter_mut().find(|(fields, _)| *fields == n) {
                Some((_, seen)) => *seen += 1,
                None => counts.push((n, 1)),
            }
        }
        let score = counts.iter().map(|(_, seen)| *seen).max().unwrap_or(0);
        if score >= 2 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Words of a column name, folded.
fn name_of(cell: &str) -> String {
    fold_words(cell)
}

fn is_date_name(name: &str) -> bool {
    name.contains("date") || name == "dateop" || name.starts_with("dateop")
}

fn is_label_name(name: &str) -> bool {
    [
        "libelle",
        "label",
        "description",
        "detail",
        "nature",
        "operation",
        "intitule",
    ]
    .iter()
    .any(|w| name.contains(w))
        && !is_date_name(name)
}

fn is_debit_name(name: &str) -> bool {
    name.contains("debit")
}

fn is_credit_name(name: &str) -> bool {
    name.contains("credit")
}

fn is_amount_name(name: &str) -> bool {
    ["montant", "amount", "somme"]
        .iter()
        .any(|w| name.contains(w))
}

fn is_header(row: &[String]) -> bool {
    let names: Vec<String> = row.iter().map(|c| name_of(c)).collect();
    names.iter().any(|n| is_date_name(n))
        && names
            .iter()
            .any(|n| is_debit_name(n) || is_credit_name(n) || is_amount_name(n))
}

/// Whether a record looks like an operation: a date and an amount somewhere.
fn is_data(row: &[String]) -> bool {
    row.iter().any(|c| parse_date(c).is_some())
        && row
            .iter()
            .any(|c| parse_date(c).is_none() && matches!(parse_amount(c), Ok(Some(_))))
}

/// The key a mapping is remembered under: the header's names, folded, or the shape of the
/// data when there is no header.
pub fn signature(rows: &[Vec<String>], header: Option<usize>, delimiter: char) -> String {
    match header.and_then(|h| rows.get(h)) {
        Some(row) => format!(
            "{delimiter}|{}",
            row.iter().map(|c| name_of(c)).collect::<Vec<_>>().join("|")
        ),
        None => format!(
            "{delimiter}|{} columns",
            rows.iter().find(|r| is_data(r)).map_or(0, Vec::len)
        ),
    }
}

/// Finds the mapping of a statement: the header by its words, the columns by their names,
/// else by what their cells hold.
pub fn detect(rows: &[Vec<String>], delimiter: char) -> Option<Mapping> {
    let header = rows.iter().take(40).position(|r| is_header(r));
    let first = header.map_or(0, |h| h + 1);
    let data: Vec<&Vec<String>> = rows[first.min(rows.len())..]
        .iter()
        .filter(|r| is_data(r))
        .take(200)
        .collect();
    if data.is_empty() {
        return None;
    }
    let width = data.iter().map(|r| r.len()).max().unwrap_or(0);
    let share = |test: &dyn Fn(&str) -> bool, col: usize| {
        data.iter()
            .filter(|r| r.get(col).is_some_and(|c| test(c)))
            .count()
    };
    let is_date = |c: &str| parse_date(c).is_some();
    let is_amount = |c: &str| parse_date(c).is_none() && matches!(parse_amount(c), Ok(Some(_)));
    let names: Vec<String> = match header {
        Some(h) => rows[h].iter().map(|c| name_of(c)).collect(),
        None => Vec::new(),
    };
    let named = |test: fn(&str) -> bool| names.iter().position(|n| test(n));

    // The date: the operation's date before a value date ("date valeur").
    let dated: Vec<usize> = (0..width)
        .filter(|&c| share(&is_date, c) * 2 > data.len())
        .collect();
    let date = names
        .iter()
        .enumerate()
        .find(|(c, n)| {
            is_date_name(n) && !n.contains("valeur") && !n.contains("val") && dated.contains(c)
        })
        .map(|(c, _)| c)
        .or_else(|| dated.first().copied())?;

    let amount = match (named(is_debit_name), named(is_credit_name)) {
        (Some(debit), Some(credit)) => AmountColumns::DebitCredit { debit, credit },
        _ => match named(is_amount_name) {
            Some(column) => AmountColumns::Signed { column },
            None => {
                // By content: the columns holding amounts; two that are never both filled
                // are a debit and a credit column (in that order, as French banks print them).
                let amounts: Vec<usize> = (0..width)
                    .filter(|&c| !dated.contains(&c) && share(&is_amount, c) > 0)
                    .collect();
                match amounts.as_slice() {
                    [] => return None,
                    [column] => AmountColumns::Signed { column: *column },
                    [a, b, ..] => {
                        let both = data
                            .iter()
                            .filter(|r| {
                                r.get(*a).is_some_and(|c| is_amount(c))
                                    && r.get(*b).is_some_and(|c| is_amount(c))
                            })
                            .count();
                        if both == 0 {
                            AmountColumns::DebitCredit {
                                debit: *a,
                                credit: *b,
                            }
                        } else {
                            // Amount then running balance: the first is the amount.
                            AmountColumns::Signed { column: *a }
                        }
                    }
                }
            }
        },
    };
    let money: Vec<usize> = match &amount {
        AmountColumns::Signed { column } => vec![*column],
        AmountColumns::DebitCredit { debit, credit } => vec![*debit, *credit],
    };
    let mut label: Vec<usize> = names
        .iter()
        .enumerate()
        .filter(|(c, n)| is_label_name(n) && !money.contains(c) && *c != date)
        .map(|(c, _)| c)
        .collect();
    if label.is_empty() {
        // The column with the longest text that is neither a date nor an amount.
        let text_len = |c: usize| {
            data.iter()
                .filter_map(|r| r.get(c))
                .filter(|cell| !is_date(cell) && !is_amount(cell))
                .map(|cell| cell.chars().count())
                .sum::<usize>()
        };
        label = (0..width)
            .filter(|c| !money.contains(c) && !dated.contains(c))
            .max_by_key(|&c| text_len(c))
            .into_iter()
            .collect();
    }
    if label.is_empty() {
        return None;
    }
    Some(Mapping {
        delimiter,
        header,
        date,
        label,
        amount,
    })
}

/// Reads the operations of the records with a mapping. A record that has no date or no
/// amount where the mapping says is skipped (and counted); an amount beyond the bound is
/// an error naming its line.
pub fn read(
    rows: &[Vec<String>],
    mapping: &Mapping,
) -> Result<(Vec<Operation>, usize), StatementError> {
    let first = mapping.header.map_or(0, |h| h + 1);
    let mut operations = Vec::new();
    let mut skipped = 0;
    fn cell(row: &[String], c: usize) -> &str {
        row.get(c).map(String::as_str).unwrap_or("")
    }
    for (index, row) in rows.iter().enumerate().skip(first) {
        let line = index + 1;
        let Some(date) = parse_date(cell(row, mapping.date)) else {
            if row.iter().any(|c| !c.is_empty()) {
                skipped += 1;
            }
            continue;
        };
        let money = |c: usize| {
            parse_amount(cell(row, c)).map_err(|_| StatementError::AbsurdAmount { line })
        };
        let amount = match mapping.amount {
            AmountColumns::Signed { column } => money(column)?,
            AmountColumns::DebitCredit { debit, credit } => match (money(debit)?, money(credit)?) {
                (Some(d), None) if !d.is_zero() => Some(-d.abs()),
                (None, Some(c)) | (Some(_), Some(c)) if !c.is_zero() => Some(c.abs()),
                (Some(d), _) => Some(-d.abs()),
                (None, c) => c,
            },
        };
        let Some(amount) = amount else {
            skipped += 1;
            continue;
        };
        let label = mapping
            .label
            .iter()
            .map(|&c| cell(row, c))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        operations.push(Operation {
            date,
            amount,
            label: squash(&label),
        });
    }
    Ok((operations, skipped))
}

/// One space between words, line ends included.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The columns' names for the mapping form: the header's cells, else empty names (the
/// form numbers them).
pub fn column_names(rows: &[Vec<String>], mapping: &Mapping) -> Vec<String> {
    let width = rows
        .iter()
        .skip(mapping.header.map_or(0, |h| h + 1))
        .take(50)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let header = mapping.header.and_then(|h| rows.get(h));
    (0..width)
        .map(|c| header.and_then(|h| h.get(c)).cloned().unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        records(text, delimiter(text).unwrap()).unwrap()
    }

    #[test]
    fn quotes_and_line_ends_inside_fields_are_kept() {
        let r = records("a;\"b;c\";\"d \"\"e\"\"\"\n\"x\ny\";2;3\n", ';').unwrap();
        assert_eq!(r, vec![vec!["a", "b;c", "d \"e\""], vec!["x\ny", "2", "3"]]);
    }

    #[test]
    fn the_separator_is_found() {
        assert_eq!(
            delimiter("Date;Libellé;Montant\n01/02/2026;X;-1,00\n02/02/2026;Y;2,00\n"),
            Some(';')
        );
        assert_eq!(
            delimiter("\"Date\",\"Libellé\",\"Montant\"\n\"01/02/2026\",\"X\",\"-1,00\"\n\"02/02/2026\",\"Y\",\"2,00\"\n"),
            Some(',')
        );
        assert_eq!(delimiter("a\tb\tc\n1\t2\t3\n"), Some('\t'));
        assert_eq!(delimiter("just some prose\nwith no fields\n"), None);
    }

    /// (statement, date column, label columns, amount columns, header row)
    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best inline
    fn columns_are_found_by_name_or_content() {
        use AmountColumns::*;
        let cases: Vec<(&str, usize, Vec<usize>, AmountColumns, Option<usize>)> = vec![
            (
                "Compte courant n° 123;;;\nDu 01/01/2026 au 31/01/2026;;;\n\nDate;Libellé;Débit euros;Crédit euros;\n05/01/2026;\"PRLV SEPA FREE MOBILE\";19,99;;\n06/01/2026;VIR SALAIRE;;1 500,00;\n",
                0,
                vec![1],
                DebitCredit { debit: 2, credit: 3 },
                // csv-core skips the blank line: the header is the third record.
                Some(2),
            ),
            (
                "Date opération;Date valeur;Libellé;Montant;Devise\n05/01/2026;06/01/2026;PRLV SEPA ORANGE;-39,99;EUR\n07/01/2026;07/01/2026;CB CARREFOUR;-12,00;EUR\n",
                0,
                vec![2],
                Signed { column: 3 },
                Some(0),
            ),
            (
                "dateOp;dateVal;label;category;amount;accountbalance\n2026-01-05;2026-01-05;\"PRLV SEPA SFR\";\"Téléphone\";\"-24,99\";\"1 000,00\"\n2026-01-07;2026-01-07;\"CB LECLERC\";\"Courses\";\"-30,00\";\"970,00\"\n",
                0,
                vec![2],
                Signed { column: 4 },
                Some(0),
            ),
            // No header at all: the columns come from their cells.
            (
                "05/01/26;PRLV SEPA BOUYGUES TELECOM;-19,99;\n06/01/26;VIR RECU;;250,00\n08/01/26;CB BOULANGERIE;-3,20;\n",
                0,
                vec![1],
                DebitCredit { debit: 2, credit: 3 },
                None,
            ),
        ];
        for (text, date, label, amount, header) in cases {
            let r = rows(text);
            let m = detect(&r, delimiter(text).unwrap()).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (m.date, m.label.clone(), m.amount.clone(), m.header),
                (date, label, amount, header),
                "{text}"
            );
            let (ops, _) = read(&r, &m).unwrap();
            assert!(ops[0].amount.is_sign_negative(), "{text}: {ops:?}");
            assert!(ops.len() >= 2);
        }
    }

    #[test]
    fn a_debit_column_is_money_out_whatever_its_sign_and_balance_rows_are_skipped() {
        let text = "Date;Date de valeur;Débit;Crédit;Libellé;Solde\n05/01/2026;05/01/2026;-19,99;;PRLV FREE;980,01\n06/01/2026;06/01/2026;19,99;;PRLV FREE;960,02\n07/01/2026;07/01/2026;;5,00;REMB FREE;965,02\nSolde au 31/01/2026;;;;;965,02\n";
        let r = rows(text);
        let m = detect(&r, ';').unwrap();
        let (ops, skipped) = read(&r, &m).unwrap();
        let amounts: Vec<String> = ops.iter().map(|o| o.amount.to_string()).collect();
        assert_eq!(amounts, ["-19.99", "-19.99", "5.00"]);
        assert_eq!(skipped, 1);
        assert_eq!(ops[0].label, "PRLV FREE");
    }

    #[test]
    fn an_absurd_amount_is_refused_with_its_line() {
        let text = "Date;Libellé;Montant\n05/01/2026;A;-1,00\n06/01/2026;B;-99999999999999,00\n";
        let r = rows(text);
        let m = detect(&r, ';').unwrap();
        assert_eq!(read(&r, &m), Err(StatementError::AbsurdAmount { line: 3 }));
    }

    #[test]
    fn bounds_hold() {
        let long = format!("a;b;{}\n", "x".repeat(MAX_FIELD_CHARS * 5));
        assert!(matches!(
            records(&long, ';'),
            Err(StatementError::LineTooLong { line: 1 })
        ));
        let wide = format!("{}\n", ";".repeat(MAX_FIELDS + 5));
        assert_eq!(records(&wide, ';'), Err(StatementError::NotAStatement));
    }

    #[test]
    fn the_signature_names_the_bank_by_its_header() {
        let text = "Date;Libellé;Montant\n05/01/2026;A;-1,00\n";
        let r = rows(text);
        assert_eq!(signature(&r, Some(0), ';'), ";|date|libelle|montant");
        assert_eq!(signature(&r[1..], None, ';'), ";|3 columns");
    }
}
