//! What is kept of bank statements in the browser (`contestel.bank`): the telecom debits
//! and refunds, the periods the statements covered, the column mapping of each bank's CSV
//! and the ties the person made. Never a statement's other operations: [`BankData::import`]
//! takes only what `telecom::keep` returned.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::csv::Mapping;
use super::telecom::{Debit, Tie};
use super::Statement;

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

/// The most a debit kept may be: what a statement's amount can be once read (under a
/// billion euros, `money::MAX_INTEGER_DIGITS`). A stored or imported value above it was
/// not read from a statement, and could make a sum overflow.
pub const MAX_DEBIT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// The bank data kept. Read through [`BankData::check`], so that stored or imported data
/// are as bounded as what a statement gives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawBankData")]
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

#[derive(Deserialize)]
struct RawBankData {
    #[serde(default)]
    debits: Vec<Debit>,
    #[serde(default)]
    covered: Vec<Covered>,
    #[serde(default)]
    mappings: Vec<SavedMapping>,
    #[serde(default)]
    ties: Vec<Tie>,
}

impl TryFrom<RawBankData> for BankData {
    type Error = String;

    fn try_from(raw: RawBankData) -> Result<Self, Self::Error> {
        let data = BankData {
            debits: raw.debits,
            covered: raw.covered,
            mappings: raw.mappings,
            ties: raw.ties,
        };
        data.check()?;
        Ok(data)
    }
}

impl BankData {
    /// Checks the bounds: at most [`MAX_KEPT`] debits, each from 0 to [`MAX_DEBIT`].
    pub fn check(&self) -> Result<(), String> {
        if self.debits.len() > MAX_KEPT {
            return Err(format!("{} debits, {MAX_KEPT} at most", self.debits.len()));
        }
        match self
            .debits
            .iter()
            .position(|d| d.amount.is_sign_negative() || d.amount > MAX_DEBIT)
        {
            Some(i) => Err(format!("debits[{i}].amount out of bounds")),
            None => Ok(()),
        }
    }

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
        let added = self.add_debits(&kept);
        if let Some((from, to)) = statement.period() {
            self.cover(Covered { from, to });
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

    /// Adds the debits of `kept` not already here: a debit is the same by its day, amount,
    /// direction and operator, and only as many of each as `kept` holds are added. Oldest
    /// first, in `kept`'s order within a day, at most [`MAX_KEPT`]. Returns how many.
    fn add_debits(&mut self, kept: &[Debit]) -> usize {
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
                let at = self.debits.partition_point(|d| d.date <= debit.date);
                self.debits.insert(at, debit.clone());
                added += 1;
            }
        }
        added
    }

    fn cover(&mut self, period: Covered) {
        if !self.covered.contains(&period) {
            self.covered.push(period);
        }
    }

    /// Adds what an export brought (another device's, or this one's from before): its
    /// debits not already here (as [`BankData::import`] counts them), the periods it
    /// covered, the mappings of banks not seen here and the ties of labels not tied here
    /// (what the person chose on this device wins). Returns how many debits were added.
    pub fn merge(&mut self, other: &BankData) -> usize {
        let added = self.add_debits(&other.debits);
        for period in &other.covered {
            self.cover(*period);
        }
        for saved in &other.mappings {
            if self.mapping_for(&saved.signature).is_none() {
                self.mappings.push(saved.clone());
            }
        }
        for tie in &other.ties {
            if !self.ties.iter().any(|t| t.key == tie.key) {
                self.ties.push(tie.clone());
            }
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
    use crate::core::bill::Operator;
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

    #[test]
    fn an_export_merged_adds_only_what_is_not_here_and_keeps_the_choices_made_here() {
        let statement = read_statement(STATEMENT.as_bytes(), None).unwrap();
        let kept = telecom::keep(&statement.operations, &[]);
        let learned = telecom::learned_ties(&kept, &[]);
        let mut exported = BankData::default();
        exported.import(&statement, kept.clone(), learned);
        let mut later = kept[0].clone();
        later.date = later.date.succ_opt().unwrap();
        exported.add_debits(&[later.clone()]);
        exported.tie(Tie {
            key: "box".into(),
            operator: Operator::Sfr,
        });

        // This device has the first debit already, and tied "box" to another operator.
        let mut here = BankData::default();
        here.import(&statement, kept.clone(), vec![]);
        here.tie(Tie {
            key: "box".into(),
            operator: Operator::Orange,
        });
        assert_eq!(here.merge(&exported), 1, "only the later debit is new");
        assert_eq!(here.debits.len(), 2);
        assert_eq!(here.debits[1], later, "oldest first");
        assert_eq!(here.covered.len(), 1);
        assert_eq!(here.mappings.len(), 1);
        let tied = |data: &BankData, key: &str| {
            data.ties.iter().find(|t| t.key == key).map(|t| t.operator)
        };
        assert_eq!(
            tied(&here, "box"),
            Some(Operator::Orange),
            "the choice made here wins"
        );
        assert_eq!(
            tied(&here, &exported.ties[0].key),
            Some(exported.ties[0].operator)
        );
        // Merged twice, nothing more.
        let before = here.clone();
        assert_eq!(here.merge(&exported), 0);
        assert_eq!(here, before);
        // A planted amount is refused where the data enter, stored or imported.
        let mut planted = encode(&exported, 1).unwrap();
        planted = planted.replacen(
            &format!("\"{}\"", exported.debits[0].amount),
            "\"79228162514264337593543950335\"",
            1,
        );
        assert!(
            planted.contains("79228162514264337593543950335"),
            "{planted}"
        );
        assert!(decode::<BankData>(Some(&planted)).is_err());
        // Into an empty device: everything.
        let mut empty = BankData::default();
        assert_eq!(empty.merge(&exported), 2);
        assert_eq!(empty, exported);
    }
}
