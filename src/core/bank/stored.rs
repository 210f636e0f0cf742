//! What is kept of bank statements in the browser (`contestel.bank`): the telecom debits
//! and refunds, the periods the statements covered, the column mapping of each bank's CSV
//! and the ties the person made. Never a statement's other operations: [`BankData::import`]
//! takes only what `telecom::keep` returned.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::csv::Mapping;
use super::telecom::{Debit, Tie};
use super::Statement;
use crate::core::store::Stored;

/// The most debits kept (about forty years of monthly debits for five lines).
pub const MAX_KEPT: usize = 2_500;

/// A period a statement covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covered {
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
}

/// A bank's CSV mapping, by the header it was found on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedMapping {
    /// The header's signature (`csv::signature`).
    pub signature: String,
    /// The mapping the person confirmed.
    pub mapping: Mapping,
}

/// The bank data kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankData {
    /// The telecom debits and refunds, oldest first.
    #[serde(default)]
    pub debits: Vec<Debit>,
    /// The periods the imported statements covered.
    #[serde(default)]
    pub covered: Vec<Covered>,
    /// The mappings confirmed, one per bank.
    #[serde(default)]
    pub mappings: Vec<SavedMapping>,
    /// Labels and ICS tied to an operator.
    #[serde(default)]
    pub ties: Vec<Tie>,
}

impl Stored for BankData {
    const KEY: &'static str = "contestel.bank";
    const VERSION: u32 = 1;
}

impl BankData {
    /// The mapping confirmed for a bank's header, if any.
    pub fn mapping_for(&self, signature: &str) -> Option<&Mapping> {
        self.mappings
            .iter()
            .find(|m| m.signature == signature)
            .map(|m| &m.mapping)
    }

    /// The periods covered, as pairs.
    pub fn periods(&self) -> Vec<(NaiveDate, NaiveDate)> {
        self.covered.iter().map(|c| (c.from, c.to)).collect()
    }

    /// Keeps what an import of `statement` gave: its telecom debits (`kept`, from
    /// `telecom::keep`), its period, its CSV mapping for its bank, and the ties learned.
    /// Statements of overlapping periods, or the same one exported twice in two formats
    /// (an OFX cuts labels a CSV prints whole), hold the same debits: a debit is the same
    /// by its day, amount, direction and operator, and only as many of each as one
    /// statement shows are kept (two identical debits on one day in one statement stay
    /// two). Returns how many debits were added.
    pub fn import(&mut self, statement: &Statement, kept: Vec<Debit>, learned: Vec<Tie>) -> usize {
        let same = |a: &Debit, b: &Debit| {
            a.date == b.date
                && a.amount == b.amount
                && a.direction == b.direction
                && a.operator == b.operator
        };
        let mut added = 0;
        for (i, debit) in kept.iter().enumerate() {
            let in_import = kept[..=i].iter().filter(|d| same(d, debit)).count();
            let known = self.debits.iter().filter(|d| same(d, debit)).count();
            if in_import > known && self.debits.len() < MAX_KEPT {
                // Oldest first, in the statement's order within a day.
                let at = self.debits.partition_point(|d| d.date <= debit.date);
                self.debits.insert(at, debit.clone());
                added += 1;
            }
        }
        if let Some((from, to)) = statement.period() {
            if !self.covered.contains(&Covered { from, to }) {
                self.covered.push(Covered { from, to });
            }
        }
        if let (Some(signature), Some(mapping)) = (&statement.signature, &statement.mapping) {
            self.mappings.retain(|m| m.signature != *signature);
            self.mappings.push(SavedMapping {
                signature: signature.clone(),
                mapping: mapping.clone(),
            });
        }
        for tie in learned {
            self.tie(tie);
        }
        added
    }

    /// Ties a label key or an ICS to an operator (replacing an earlier tie of the same key).
    pub fn tie(&mut self, tie: Tie) {
        self.ties.retain(|t| t.key != tie.key);
        self.ties.push(tie);
    }

    /// Forgets the debits and periods (the mappings and ties stay).
    pub fn forget_debits(&mut self) {
        self.debits.clear();
        self.covered.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read_statement, telecom};
    use super::*;
    use crate::core::store::{decode, encode};

    const STATEMENT: &str = "Date;Libellé;Montant\n05/01/2026;PRLV SEPA FREE MOBILE ID EMETTEUR/FR00ZZZ000001;-19,99\n06/01/2026;CB PHARMACIE DU CENTRE;-23,10\n07/01/2026;VIR DE M. DUPONT LOYER;-650,00\n";

    #[test]
    fn only_the_telecom_debits_are_kept_and_stored() {
        let statement = read_statement(STATEMENT.as_bytes(), None).unwrap();
        let kept = telecom::keep(&statement.operations, &[]);
        let learned = telecom::learned_ties(&kept, &[]);
        let mut data = BankData::default();
        assert_eq!(data.import(&statement, kept.clone(), learned.clone()), 1);
        assert_eq!(
            data.import(&statement, kept.clone(), learned),
            0,
            "not twice"
        );
        // The same debit with its label cut (as OFX 1 prints it) is the same debit; a
        // second identical debit in one statement is a second debit.
        let mut cut = kept[0].clone();
        cut.label.truncate(20);
        assert_eq!(data.import(&statement, vec![cut.clone()], vec![]), 0);
        assert_eq!(data.import(&statement, vec![cut.clone(), cut], vec![]), 1);
        let raw = encode(&data, 1).unwrap();
        assert!(raw.contains("FREE MOBILE"));
        for other in ["PHARMACIE", "DUPONT", "650", "23,10", "23.1"] {
            assert!(!raw.contains(other), "{other} stored: {raw}");
        }
        let back = decode::<BankData>(Some(&raw)).unwrap().unwrap().value;
        assert_eq!(back, data);
        assert_eq!(back.covered.len(), 1);
        assert_eq!(back.ties.len(), 1);
        assert!(back
            .mapping_for(statement.signature.as_deref().unwrap())
            .is_some());
    }
}
