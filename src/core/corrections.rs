//! The person's corrections to a reading: the last word on what a bill says.
//!
//! A correction is an edit tied to a bill, never a second copy of it: "this line is not a
//! charge", "this row is a charge", "this line's amount is 9,99 €", "the period is …". The
//! edits are kept apart from the reading (`contestel.corrections`), in the order they were
//! made, and applied to the reading each time it is shown, so that:
//! - undoing is removing an edit, and the bill as read is always there underneath;
//! - a later, better reading of the same bill (a new version of the reader, the PDF dropped
//!   again) keeps every edit that still finds what it was about, and says of the others
//!   whether the new reading now agrees with them or no longer matches them;
//! - lines are named by what they say (page, label, amount, and which of several equal
//!   lines), rows by what they say and where ([`RowRef`]): indexes would point at another
//!   line as soon as the reading changes.
//!
//! Pure: a bill and its edits in, the corrected bill and what became of each edit out.
//! Every amount is bounded ([`MAX_TYPED_AMOUNT`]) and every text limited in length,
//! checked when an edit is made and again when stored edits or an import are read, so that
//! no sum of corrected amounts can overflow.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use super::provenance::RowRef;

use super::bill::{Bill, BillLine, BillWarning, Category, Operator, Period};
use super::money::MAX_TYPED_AMOUNT;
use super::vocab::fold_words;

/// The most edits kept for one bill: far more than a person makes, small enough to store.
pub const MAX_EDITS_PER_BILL: usize = 500;
/// The longest label or invoice number a correction may hold, in characters.
pub const MAX_TEXT: usize = 200;

/// A charge of the bill as read, named by what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRef {
    /// The 1-based page it was printed on.
    pub page: u32,
    /// Its label as read.
    pub label: String,
    /// Its amount as read.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub amount: Decimal,
    /// Which of the lines with this page, label and amount (0 for the first): two
    /// identical calls are two lines.
    #[serde(default)]
    pub nth: u32,
}

impl LineRef {
    /// The reference of line `index` of a bill.
    pub fn of(bill: &Bill, index: usize) -> Option<LineRef> {
        let line = bill.lines.get(index)?;
        let nth = bill.lines[..index]
            .iter()
            .filter(|l| same_line(l, line.page, &line.label, line.amount))
            .count() as u32;
        Some(LineRef {
            page: line.page,
            label: line.label.clone(),
            amount: line.amount,
            nth,
        })
    }

    /// The index of the line it names in a bill, if the bill still has it.
    pub fn find(&self, bill: &Bill) -> Option<usize> {
        bill.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| same_line(l, self.page, &self.label, self.amount))
            .nth(self.nth as usize)
            .map(|(i, _)| i)
    }
}

fn same_line(line: &BillLine, page: u32, label: &str, amount: Decimal) -> bool {
    line.page == page && line.amount == amount && fold_words(&line.label) == fold_words(label)
}

/// A header field and its corrected value (`None`: the bill does not say). Stored as
/// `{"total": "12.99"}`: serde's plain form, whose code is the smallest in the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderFix {
    /// The operator.
    Operator(Option<Operator>),
    /// The invoice number.
    InvoiceNumber(Option<String>),
    /// The issue date.
    IssueDate(Option<NaiveDate>),
    /// The billing period.
    Period(Option<Period>),
    /// The amount due, VAT included.
    Total(
        #[serde(default, deserialize_with = "crate::core::money::bounded::optional")]
        Option<Decimal>,
    ),
}

/// Which header field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderField {
    /// The operator.
    Operator,
    /// The invoice number.
    InvoiceNumber,
    /// The issue date.
    IssueDate,
    /// The billing period.
    Period,
    /// The amount due.
    Total,
}

impl HeaderFix {
    /// The field it corrects.
    pub fn field(&self) -> HeaderField {
        match self {
            HeaderFix::Operator(_) => HeaderField::Operator,
            HeaderFix::InvoiceNumber(_) => HeaderField::InvoiceNumber,
            HeaderFix::IssueDate(_) => HeaderField::IssueDate,
            HeaderFix::Period(_) => HeaderField::Period,
            HeaderFix::Total(_) => HeaderField::Total,
        }
    }

    /// Whether the bill already says this.
    fn agrees_with(&self, bill: &Bill) -> bool {
        match self {
            HeaderFix::Operator(v) => bill.operator == *v,
            HeaderFix::InvoiceNumber(v) => bill.invoice_number == *v,
            HeaderFix::IssueDate(v) => bill.issue_date == *v,
            HeaderFix::Period(v) => bill.period == *v,
            HeaderFix::Total(v) => bill.total == *v,
        }
    }

    fn set(&self, bill: &mut Bill) {
        match self.clone() {
            HeaderFix::Operator(v) => bill.operator = v,
            HeaderFix::InvoiceNumber(v) => bill.invoice_number = v,
            HeaderFix::IssueDate(v) => bill.issue_date = v,
            HeaderFix::Period(v) => bill.period = v,
            HeaderFix::Total(v) => bill.total = v,
        }
    }
}

/// One correction, stored as `{"not_a_charge": {"line": …}}` (serde's plain form: a
/// tagged or flattened form takes several times the code into the app).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A charge of the reading is not a charge (a subtotal, an example, a VAT row).
    NotACharge {
        /// The charge.
        line: LineRef,
    },
    /// A charge of the reading says something else: each field given replaces the read one.
    Line {
        /// The charge.
        line: LineRef,
        /// Its label.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        /// Its amount, VAT included.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "crate::core::money::bounded::optional"
        )]
        amount: Option<Decimal>,
        /// What it is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<Category>,
    },
    /// A row the reader did not keep is a charge. A later edit on the same row replaces
    /// this one.
    AddCharge {
        /// The row it was picked from.
        row: RowRef,
        /// Its label.
        label: String,
        /// Its amount, VAT included.
        #[serde(deserialize_with = "crate::core::money::bounded::amount")]
        amount: Decimal,
        /// What it is.
        category: Category,
        /// The section it belongs to, as printed.
        #[serde(default)]
        section: String,
    },
    /// A header field.
    Header {
        /// The field and its value.
        fix: HeaderFix,
    },
}

/// What a correction is about: a charge read, a row picked, or a header field.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A charge of the reading.
    Line(LineRef),
    /// A charge picked from a row.
    Row(RowRef),
    /// A header field.
    Header(HeaderField),
}

impl Change {
    /// What it is about.
    pub fn target(&self) -> Target {
        match self {
            Change::NotACharge { line } | Change::Line { line, .. } => Target::Line(line.clone()),
            Change::AddCharge { row, .. } => Target::Row(row.clone()),
            Change::Header { fix } => Target::Header(fix.field()),
        }
    }

    /// Whether it is about `target`.
    pub fn is_about(&self, target: &Target) -> bool {
        match (self.target(), target) {
            (Target::Row(a), Target::Row(b)) => a.same_row(b),
            (a, b) => a == *b,
        }
    }

    /// The correction in words, for the list of corrections that no longer match:
    /// `« Forfait » (12,99 €) : pas un montant facturé`.
    pub fn describe(&self, lang: super::i18n::Lang) -> String {
        use super::dates::format_date;
        use super::money::format_amount;
        let line = |l: &LineRef| {
            format!(
                "{} ({})",
                lang.quoted(&l.label),
                format_amount(l.amount, lang)
            )
        };
        match self {
            Change::NotACharge { line: l } => {
                format!(
                    "{}{}{}",
                    line(l),
                    lang.colon(),
                    lang.pick("pas un montant facturé", "not a charge")
                )
            }
            Change::Line {
                line: l,
                label,
                amount,
                category,
            } => {
                let mut parts = Vec::new();
                if let Some(label) = label {
                    parts.push(lang.quoted(label));
                }
                if let Some(amount) = amount {
                    parts.push(format_amount(*amount, lang));
                }
                if let Some(category) = category {
                    parts.push(category.label(lang).to_string());
                }
                format!("{} → {}", line(l), parts.join(", "))
            }
            Change::AddCharge { label, amount, .. } => format!(
                "{} « {label} » ({})",
                lang.pick("ajouté :", "added:"),
                format_amount(*amount, lang)
            ),
            Change::Header { fix } => {
                let date =
                    |d: &Option<NaiveDate>| d.map(|d| format_date(d, lang)).unwrap_or_default();
                match fix {
                    HeaderFix::Operator(o) => format!(
                        "{} {}",
                        lang.pick("opérateur :", "operator:"),
                        o.map(|o| o.name()).unwrap_or_default()
                    ),
                    HeaderFix::InvoiceNumber(n) => format!(
                        "{} {}",
                        lang.pick("n° de facture :", "invoice number:"),
                        n.clone().unwrap_or_default()
                    ),
                    HeaderFix::IssueDate(d) => {
                        format!("{} {}", lang.pick("émise le", "issued on"), date(d))
                    }
                    HeaderFix::Period(p) => format!(
                        "{} {}",
                        lang.pick("période :", "period:"),
                        p.map(|p| format!(
                            "{} → {}",
                            format_date(p.start, lang),
                            format_date(p.end, lang)
                        ))
                        .unwrap_or_default()
                    ),
                    HeaderFix::Total(t) => format!(
                        "{} {}",
                        lang.pick("montant à payer :", "amount due:"),
                        t.map(|t| format_amount(t, lang)).unwrap_or_default()
                    ),
                }
            }
        }
    }

    /// Checks the bounds: amounts within [`MAX_TYPED_AMOUNT`], texts within [`MAX_TEXT`]
    /// and not blank where a text is needed, a period that ends after it starts, a change
    /// that changes something.
    pub fn validate(&self) -> Result<(), CorrectionError> {
        let amount = |a: Decimal| {
            if a.abs() > MAX_TYPED_AMOUNT {
                Err(CorrectionError::AmountTooLarge)
            } else {
                Ok(())
            }
        };
        let text = |t: &str| {
            if t.trim().is_empty() {
                Err(CorrectionError::EmptyText)
            } else if t.chars().count() > MAX_TEXT {
                Err(CorrectionError::TextTooLong)
            } else {
                Ok(())
            }
        };
        let line_ref = |l: &LineRef| {
            amount(l.amount)?;
            // The label read may be long; only its length is bounded.
            if l.label.chars().count() > MAX_TEXT * 4 {
                return Err(CorrectionError::TextTooLong);
            }
            Ok(())
        };
        match self {
            Change::NotACharge { line } => line_ref(line),
            Change::Line {
                line,
                label,
                amount: new_amount,
                category,
            } => {
                line_ref(line)?;
                if label.is_none() && new_amount.is_none() && category.is_none() {
                    return Err(CorrectionError::NothingChanged);
                }
                if let Some(label) = label {
                    text(label)?;
                }
                new_amount.map_or(Ok(()), amount)
            }
            Change::AddCharge {
                row,
                label,
                amount: value,
                section,
                ..
            } => {
                text(label)?;
                amount(*value)?;
                if section.chars().count() > MAX_TEXT || row.text.chars().count() > MAX_TEXT * 4 {
                    return Err(CorrectionError::TextTooLong);
                }
                if !row.y.is_finite() {
                    return Err(CorrectionError::NothingChanged);
                }
                Ok(())
            }
            Change::Header { fix } => match fix {
                HeaderFix::InvoiceNumber(Some(n)) => text(n),
                HeaderFix::Total(Some(t)) => {
                    amount(*t)?;
                    if t.is_sign_negative() {
                        Err(CorrectionError::NegativeTotal)
                    } else {
                        Ok(())
                    }
                }
                HeaderFix::Period(Some(p)) if p.end < p.start => {
                    Err(CorrectionError::PeriodEndsBeforeStart)
                }
                _ => Ok(()),
            },
        }
    }
}

/// A correction and its id (unique among the stored corrections; what "undo" names).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// Its id.
    pub id: u32,
    /// What it changes.
    pub change: Change,
}

/// Why a correction was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionError {
    /// An amount above [`MAX_TYPED_AMOUNT`].
    AmountTooLarge,
    /// A negative amount due.
    NegativeTotal,
    /// A label or invoice number left blank.
    EmptyText,
    /// A text longer than [`MAX_TEXT`].
    TextTooLong,
    /// A period whose end is before its start.
    PeriodEndsBeforeStart,
    /// A change that changes nothing.
    NothingChanged,
    /// More than [`MAX_EDITS_PER_BILL`] corrections on one bill.
    TooManyEdits,
}

impl CorrectionError {
    /// What to tell the person, in their language.
    pub fn message(self, lang: super::i18n::Lang) -> &'static str {
        let (fr, en) = match self {
            CorrectionError::AmountTooLarge => (
                "Montant trop élevé : 100 000 € au plus.",
                "Amount too large: €100,000 at most.",
            ),
            CorrectionError::NegativeTotal => (
                "Le montant à payer ne peut pas être négatif.",
                "The amount due cannot be negative.",
            ),
            CorrectionError::EmptyText => (
                "Ce champ ne peut pas être vide.",
                "This field cannot be empty.",
            ),
            CorrectionError::TextTooLong => (
                "Texte trop long : 200 caractères au plus.",
                "Text too long: 200 characters at most.",
            ),
            CorrectionError::PeriodEndsBeforeStart => (
                "La fin de la période est avant son début.",
                "The period ends before it starts.",
            ),
            CorrectionError::NothingChanged => (
                "Rien n'a changé par rapport à la lecture.",
                "Nothing changed from the reading.",
            ),
            CorrectionError::TooManyEdits => (
                "Trop de corrections sur cette facture : retirez-en avant d'en ajouter.",
                "Too many corrections on this bill: remove some before adding more.",
            ),
        };
        lang.pick(fr, en)
    }
}

/// The bill a list of edits belongs to: the reading they were made on, and what identifies
/// the bill itself, so that a new reading of the same bill finds them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillRef {
    /// The key of the reading (`core::uploads::bill_key`).
    pub key: String,
    /// The operator read.
    #[serde(default)]
    pub operator: Option<Operator>,
    /// The invoice number read.
    #[serde(default)]
    pub invoice_number: Option<String>,
    /// The issue date read.
    #[serde(default)]
    pub issue_date: Option<NaiveDate>,
    /// The amount due read.
    #[serde(default, deserialize_with = "crate::core::money::bounded::optional")]
    pub total: Option<Decimal>,
}

impl BillRef {
    /// The reference of a bill as read.
    pub fn of(bill: &Bill) -> BillRef {
        BillRef {
            key: super::uploads::bill_key(bill),
            operator: bill.operator,
            invoice_number: bill.invoice_number.clone(),
            issue_date: bill.issue_date,
            total: bill.total,
        }
    }

    /// Whether a reading is of this bill: the same reading, the same invoice of the same
    /// operator, or — without invoice numbers — the same operator, day and amount due.
    pub fn matches(&self, bill: &Bill) -> bool {
        if super::uploads::bill_key(bill) == self.key {
            return true;
        }
        let number = |n: &Option<String>| {
            n.as_deref()
                .map(|n| {
                    n.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_uppercase)
                        .collect::<String>()
                })
                .filter(|n| !n.is_empty())
        };
        let (mine, theirs) = (number(&self.invoice_number), number(&bill.invoice_number));
        if self.operator.is_none() || self.operator != bill.operator {
            return false;
        }
        match (mine, theirs) {
            (Some(a), Some(b)) => a == b,
            (None, None) => {
                self.issue_date.is_some()
                    && self.issue_date == bill.issue_date
                    && self.total.is_some()
                    && self.total == bill.total
            }
            _ => false,
        }
    }
}

/// The corrections of one bill, in the order they were made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BillCorrections {
    /// The bill.
    pub bill: BillRef,
    /// The edits, oldest first; a later edit on the same thing wins.
    pub edits: Vec<Edit>,
}

/// Every correction the person made: what `contestel.corrections` stores and the export
/// carries. Read through [`Corrections::validate`], so that stored or imported edits are
/// as bounded as typed ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCorrections")]
pub struct Corrections {
    /// Per bill.
    pub bills: Vec<BillCorrections>,
    /// The next edit id.
    pub next_id: u32,
}

#[derive(Deserialize)]
struct RawCorrections {
    #[serde(default)]
    bills: Vec<BillCorrections>,
    #[serde(default)]
    next_id: u32,
}

impl TryFrom<RawCorrections> for Corrections {
    type Error = String;

    fn try_from(raw: RawCorrections) -> Result<Self, Self::Error> {
        let corrections = Corrections {
            bills: raw.bills,
            next_id: raw.next_id,
        };
        corrections
            .validate()
            .map_err(|(bill, edit, error)| format!("bills[{bill}].edits[{edit}]: {error:?}"))?;
        Ok(corrections)
    }
}

/// A change to the corrections.
#[derive(Clone, Debug, PartialEq)]
pub enum CorrectionAction {
    /// A new correction of a bill.
    Add {
        /// The bill, as read.
        bill: BillRef,
        /// The correction.
        change: Change,
    },
    /// Undoes one correction.
    Remove {
        /// Its id.
        id: u32,
    },
    /// Undoes every correction of one thing of a bill (back to what was read).
    Revert {
        /// The bill, as read.
        bill: BillRef,
        /// What.
        target: Target,
    },
    /// Undoes every correction of a bill.
    RevertBill {
        /// The bill, as read.
        bill: BillRef,
    },
    /// Everything replaced (an import the person confirmed, or erasing everything).
    Replace(Corrections),
    /// Another set merged in (an import merged): edits not already here are added.
    Merge(Corrections),
}

impl Corrections {
    /// The edits of a bill, oldest first (none when it was never corrected).
    pub fn of(&self, bill: &Bill) -> &[Edit] {
        self.bills
            .iter()
            .find(|b| b.bill.matches(bill))
            .map_or(&[], |b| b.edits.as_slice())
    }

    /// How many edits there are in all.
    pub fn count(&self) -> usize {
        self.bills.iter().map(|b| b.edits.len()).sum()
    }

    /// Checks every stored edit; says which one is wrong: `(bill, edit, why)`.
    pub fn validate(&self) -> Result<(), (usize, usize, CorrectionError)> {
        for (b, bill) in self.bills.iter().enumerate() {
            if bill.edits.len() > MAX_EDITS_PER_BILL {
                return Err((b, MAX_EDITS_PER_BILL, CorrectionError::TooManyEdits));
            }
            for (e, edit) in bill.edits.iter().enumerate() {
                edit.change.validate().map_err(|error| (b, e, error))?;
            }
        }
        Ok(())
    }

    fn slot(&mut self, bill: &BillRef) -> &mut BillCorrections {
        let index = match self.bills.iter().position(|b| b.bill == *bill) {
            Some(i) => i,
            None => {
                self.bills.push(BillCorrections {
                    bill: bill.clone(),
                    edits: Vec::new(),
                });
                self.bills.len() - 1
            }
        };
        &mut self.bills[index]
    }

    fn mint(&mut self) -> u32 {
        let used = self
            .bills
            .iter()
            .flat_map(|b| b.edits.iter().map(|e| e.id))
            .max()
            .unwrap_or(0);
        let id = self.next_id.max(used + 1).max(1);
        self.next_id = id + 1;
        id
    }

    /// Applies one change; returns the id of an edit added.
    pub fn apply(&mut self, action: CorrectionAction) -> Result<Option<u32>, CorrectionError> {
        match action {
            CorrectionAction::Add { bill, change } => {
                change.validate()?;
                if self
                    .bills
                    .iter()
                    .find(|b| b.bill == bill)
                    .is_some_and(|b| b.edits.len() >= MAX_EDITS_PER_BILL)
                {
                    return Err(CorrectionError::TooManyEdits);
                }
                let id = self.mint();
                self.slot(&bill).edits.push(Edit { id, change });
                Ok(Some(id))
            }
            CorrectionAction::Remove { id } => {
                for bill in &mut self.bills {
                    bill.edits.retain(|e| e.id != id);
                }
                self.bills.retain(|b| !b.edits.is_empty());
                Ok(None)
            }
            CorrectionAction::Revert { bill, target } => {
                if let Some(slot) = self.bills.iter_mut().find(|b| b.bill == bill) {
                    slot.edits.retain(|e| !e.change.is_about(&target));
                }
                self.bills.retain(|b| !b.edits.is_empty());
                Ok(None)
            }
            CorrectionAction::RevertBill { bill } => {
                self.bills.retain(|b| b.bill != bill);
                Ok(None)
            }
            CorrectionAction::Replace(all) => {
                all.validate().map_err(|(_, _, e)| e)?;
                *self = all;
                Ok(None)
            }
            CorrectionAction::Merge(other) => {
                other.validate().map_err(|(_, _, e)| e)?;
                for theirs in other.bills {
                    for edit in theirs.edits {
                        let known = self
                            .bills
                            .iter()
                            .find(|b| b.bill == theirs.bill)
                            .is_some_and(|b| b.edits.iter().any(|e| e.change == edit.change));
                        if !known {
                            let id = self.mint();
                            let slot = self.slot(&theirs.bill);
                            if slot.edits.len() < MAX_EDITS_PER_BILL {
                                slot.edits.push(Edit {
                                    id,
                                    change: edit.change,
                                });
                            }
                        }
                    }
                }
                Ok(None)
            }
        }
    }
}

/// What became of an edit on the reading it was applied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It changed the reading.
    Applied,
    /// The reading already says so (a later, better reading agrees): nothing to change.
    ReadingAgrees,
    /// What it was about is not in this reading any more.
    NoLongerMatches,
    /// A later edit on the same thing replaced it.
    Replaced,
}

/// Where a line of a corrected bill comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// A charge of the reading (its index among the read lines), changed by the person or
    /// not.
    Read {
        /// Its index in the bill as read.
        index: usize,
        /// Whether the person changed it.
        changed: bool,
    },
    /// A charge the person picked from a row.
    Added {
        /// The row.
        row: RowRef,
        /// The id of the edit that added it.
        edit: u32,
    },
}

impl Origin {
    /// Whether the person corrected it.
    pub fn corrected(&self) -> bool {
        !matches!(self, Origin::Read { changed: false, .. })
    }
}

/// A bill with the person's corrections applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The corrected bill: what the rules, totals and charts use.
    pub bill: Bill,
    /// Where each of its lines comes from.
    pub origins: Vec<Origin>,
    /// The lines of the reading the person said are not charges (indexes as read).
    pub removed: Vec<usize>,
    /// The header fields the person corrected.
    pub header: Vec<HeaderField>,
    /// What became of each edit, in order: `(id, outcome)`.
    pub outcomes: Vec<(u32, Outcome)>,
}

impl Applied {
    /// The edits that no longer match this reading.
    pub fn stale(&self) -> Vec<u32> {
        self.ids(Outcome::NoLongerMatches)
    }

    /// The edits the reading now agrees with.
    pub fn agreed(&self) -> Vec<u32> {
        self.ids(Outcome::ReadingAgrees)
    }

    fn ids(&self, outcome: Outcome) -> Vec<u32> {
        self.outcomes
            .iter()
            .filter(|(_, o)| *o == outcome)
            .map(|(id, _)| *id)
            .collect()
    }

    /// The line of the corrected bill that comes from read line `index`, if it is kept.
    pub fn line_of_read(&self, index: usize) -> Option<usize> {
        self.origins
            .iter()
            .position(|o| matches!(o, Origin::Read { index: i, .. } if *i == index))
    }
}

/// The state of a read line while the edits are applied.
#[derive(Clone)]
struct LineState {
    line: BillLine,
    removed: bool,
    changed: bool,
}

/// Whether a read line is what a row picked as a charge says: same page and amount, and
/// the line's words are the row's (or the row's the line's, for a wrapped label).
fn line_reads_row(line: &BillLine, row: &RowRef, amount: Decimal) -> bool {
    if line.page != row.page || line.amount != amount {
        return false;
    }
    let (label, text) = (fold_words(&line.label), fold_words(&row.text));
    !label.is_empty() && (text.contains(&label) || label.contains(&text))
}

/// Applies the edits, in order, to a bill as read.
///
/// A line edit finds its line by [`LineRef`]; when the reading no longer has it, the edit
/// is [`Outcome::ReadingAgrees`] if the reading says what the edit said (the line is gone
/// for a "not a charge", a line reads as corrected for a change), else
/// [`Outcome::NoLongerMatches`]. A charge picked from a row is not added when the reading
/// now has it. When anything changed the lines or the amount due, the bill's
/// total-mismatch warning is computed again.
pub fn apply(read: &Bill, edits: &[Edit]) -> Applied {
    let mut lines: Vec<LineState> = read
        .lines
        .iter()
        .map(|l| LineState {
            line: l.clone(),
            removed: false,
            changed: false,
        })
        .collect();
    let mut added: Vec<(RowRef, BillLine, u32)> = Vec::new();
    let mut bill = read.clone();
    let mut header: Vec<HeaderField> = Vec::new();
    let mut outcomes: Vec<(u32, Outcome)> = Vec::new();
    let mut touched_sum = false;
    for edit in edits {
        let outcome = match &edit.change {
            Change::NotACharge { line } => match line.find(read) {
                Some(i) => {
                    touched_sum |= !lines[i].removed;
                    lines[i].removed = true;
                    Outcome::Applied
                }
                None => {
                    let same_label = read.lines.iter().any(|l| {
                        l.page == line.page && fold_words(&l.label) == fold_words(&line.label)
                    });
                    if same_label {
                        Outcome::NoLongerMatches
                    } else {
                        Outcome::ReadingAgrees
                    }
                }
            },
            Change::Line {
                line,
                label,
                amount,
                category,
            } => match line.find(read) {
                Some(i) => {
                    let state = &mut lines[i];
                    if let Some(label) = label {
                        state.line.label = label.trim().to_string();
                    }
                    if let Some(amount) = amount {
                        touched_sum |= *amount != state.line.amount;
                        state.line.amount = *amount;
                    }
                    if let Some(category) = category {
                        state.line.category = *category;
                    }
                    state.changed = true;
                    Outcome::Applied
                }
                None => {
                    let wanted_label = label.as_deref().unwrap_or(&line.label);
                    let wanted_amount = amount.unwrap_or(line.amount);
                    let agrees = read.lines.iter().any(|l| {
                        same_line(l, line.page, wanted_label, wanted_amount)
                            && category.is_none_or(|c| c == l.category)
                    });
                    if agrees {
                        Outcome::ReadingAgrees
                    } else {
                        Outcome::NoLongerMatches
                    }
                }
            },
            Change::AddCharge {
                row,
                label,
                amount,
                category,
                section,
            } => {
                let now_read = read.lines.iter().any(|l| line_reads_row(l, row, *amount));
                if now_read {
                    Outcome::ReadingAgrees
                } else {
                    for (r, _, id) in &added {
                        if r.same_row(row) {
                            if let Some(slot) = outcomes.iter_mut().find(|(i, _)| i == id) {
                                slot.1 = Outcome::Replaced;
                            }
                        }
                    }
                    added.retain(|(r, _, _)| !r.same_row(row));
                    added.push((
                        row.clone(),
                        BillLine {
                            label: label.trim().to_string(),
                            amount: *amount,
                            section: section.clone(),
                            category: *category,
                            page: row.page,
                        },
                        edit.id,
                    ));
                    touched_sum = true;
                    Outcome::Applied
                }
            }
            Change::Header { fix } => {
                let agrees = fix.agrees_with(read);
                fix.set(&mut bill);
                if !header.contains(&fix.field()) {
                    header.push(fix.field());
                }
                // Even the amount due read, typed, settles what the VAT said of it.
                touched_sum |= fix.field() == HeaderField::Total;
                if agrees {
                    Outcome::ReadingAgrees
                } else {
                    Outcome::Applied
                }
            }
        };
        outcomes.push((edit.id, outcome));
    }
    // A header field set back to what was read is not a correction.
    header.retain(|field| {
        let mut probe = read.clone();
        edits
            .iter()
            .filter_map(|e| match &e.change {
                Change::Header { fix } if fix.field() == *field => Some(fix),
                _ => None,
            })
            .for_each(|fix| fix.set(&mut probe));
        probe != *read
    });

    // The lines in reading order, each charge picked from a row after the last line of
    // its page or of an earlier page.
    let mut out: Vec<BillLine> = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    let mut removed = Vec::new();
    for (index, state) in lines.into_iter().enumerate() {
        if state.removed {
            removed.push(index);
            continue;
        }
        out.push(state.line);
        origins.push(Origin::Read {
            index,
            changed: state.changed,
        });
    }
    added.sort_by_key(|(row, _, _)| (row.page, (row.y * 10.0) as i64));
    for (row, line, edit) in added {
        let at = out
            .iter()
            .rposition(|l| l.page <= row.page)
            .map_or(0, |i| i + 1);
        out.insert(at, line);
        origins.insert(at, Origin::Added { row, edit });
    }
    bill.lines = out;
    if touched_sum {
        // The amount due typed by the person, even the one read, is theirs.
        let total_typed = edits.iter().any(|e| {
            matches!(
                &e.change,
                Change::Header {
                    fix: HeaderFix::Total(Some(_))
                }
            )
        });
        recheck_total(&mut bill, total_typed);
    }
    Applied {
        bill,
        origins,
        removed,
        header,
        outcomes,
    }
}

/// Says again whether the charges add up to the amount due, after corrections; the total
/// before VAT and the VAT printed still say whether the amount due read is the bill's,
/// unless the person typed it (`total_typed`).
fn recheck_total(bill: &mut Bill, total_typed: bool) {
    // The person's corrections settle which rows are charges: a reading the reader left
    // open between several is theirs now.
    bill.warnings.retain(|w| {
        !matches!(
            w,
            BillWarning::TotalMismatch { .. }
                | BillWarning::NoTotal
                | BillWarning::Ambiguous
                | BillWarning::VatDisagrees { .. }
        )
    });
    match bill.total {
        None => bill.warnings.push(BillWarning::NoTotal),
        Some(printed) if !bill.lines.is_empty() && !bill.reconciles() => {
            bill.warnings.push(BillWarning::TotalMismatch {
                printed,
                computed: bill.charges_sum(),
            })
        }
        Some(_) => {}
    }
    if let Some(computed) = bill.vat_disagreement().filter(|_| !total_typed) {
        if bill.reconciles() {
            bill.warnings.push(BillWarning::VatDisagrees { computed });
        }
    }
}

/// What a row of a page is, for the page view of a corrected bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowState {
    /// A charge of the corrected bill (its index) comes from it; `corrected` when the
    /// person added or changed it.
    Charge {
        /// The line of the corrected bill.
        line: usize,
        /// Whether the person added or changed it.
        corrected: bool,
    },
    /// A charge of the reading the person said is not one (its index as read).
    Removed {
        /// The line as read.
        read: usize,
    },
    /// It carries an amount that is not a charge.
    NotKept,
    /// Text without an amount.
    Text,
}

/// The rows of a bill's pages, each with what it is once corrected.
#[derive(Clone, Debug, PartialEq)]
pub struct PageModel {
    /// Where each line of the corrected bill comes from (`None`: not found on the pages).
    pub lines: Vec<Option<super::provenance::RowPos>>,
    /// Per page (in the order of the pages), the state and amount of each row.
    pub pages: Vec<Vec<(RowState, Option<super::provenance::RowAmount>)>>,
}

/// Locates every charge of a corrected bill on the pages: a line of the reading where the
/// reading's line was found (so a line whose amount the person changed keeps its row), a
/// charge picked from a row on that row.
pub fn page_model(read: &Bill, applied: &Applied, pages: &[super::layout::TextPage]) -> PageModel {
    use super::provenance::{find_row, locate, row_amount};
    let read_rows = locate(read, pages, &[]);
    let lines: Vec<_> = applied
        .origins
        .iter()
        .map(|origin| match origin {
            Origin::Read { index, .. } => read_rows.get(*index).copied().flatten(),
            Origin::Added { row, .. } => find_row(pages, row),
        })
        .collect();
    let pages = pages
        .iter()
        .map(|page| {
            page.rows
                .iter()
                .enumerate()
                .map(|(index, row)| {
                    let pos = super::provenance::RowPos {
                        page: page.number,
                        row: index,
                    };
                    let amount = row_amount(row);
                    let state = if let Some(line) = lines.iter().position(|p| *p == Some(pos)) {
                        RowState::Charge {
                            line,
                            corrected: applied.origins[line].corrected(),
                        }
                    } else if let Some(&read) = applied
                        .removed
                        .iter()
                        .find(|&&i| read_rows.get(i).copied().flatten() == Some(pos))
                    {
                        RowState::Removed { read }
                    } else if amount.is_some() {
                        RowState::NotKept
                    } else {
                        RowState::Text
                    };
                    (state, amount)
                })
                .collect()
        })
        .collect();
    PageModel { lines, pages }
}

/// The page the page view opens on, as an index into `pages`: the page of the line asked
/// for (`focus`, a line of the corrected `bill`); else the page that prints most of the
/// bill's charges, the first of equals, since a charge left out of the sum is most likely
/// printed among the others (not on a first-page summary, which repeats them); else, for
/// a bill with no charge, the first page with a row not kept; else the first page.
pub fn opening_page(
    bill: &Bill,
    model: &PageModel,
    pages: &[super::layout::TextPage],
    focus: Option<usize>,
) -> usize {
    let index_of = |number: u32| pages.iter().position(|p| p.number == number);
    let focused = focus
        .and_then(|line| model.lines.get(line).copied().flatten())
        .and_then(|pos| index_of(pos.page));
    let mut counts = vec![0usize; pages.len()];
    for line in &bill.lines {
        if let Some(i) = index_of(line.page) {
            counts[i] += 1;
        }
    }
    // `max_by_key` keeps the last of equals: reversed, that is the first page.
    let most = counts
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, n)| **n > 0)
        .max_by_key(|(_, n)| **n)
        .map(|(i, _)| i);
    let missed = model
        .pages
        .iter()
        .position(|rows| rows.iter().any(|(s, _)| *s == RowState::NotKept));
    focused.or(most).or(missed).unwrap_or(0)
}

/// The size, in CSS pixels, at which the page view draws the rows with an amount (their
/// median size): a phone's small print, readable without zooming, and small enough that
/// a bill's band of rows (labels to amounts, some 520 points of 8-point text: 850 px)
/// fits a desktop's page view without scrolling.
pub const BODY_PX: f32 = 13.0;
/// The size, in CSS pixels, below which no row with an amount is drawn, unless it is
/// printed at less than three fifths of the others' size ([`SMALL_PRINT_BOOST`]).
pub const SMALLEST_PX: f32 = 12.0;
/// How far the drawing is enlarged at most (CSS pixels per point), so that a page whose
/// text is tiny or misread stays a drawing of reasonable width.
const MAX_SCALE: f32 = 4.0;
/// How far it is reduced at most: a page printed in large type is drawn at its size.
const MIN_SCALE: f32 = 0.5;
/// How much more a page is enlarged at most for its smallest row with an amount than for
/// its body: a footnote in 5 points does not blow a page of 12-point rows up to 30 px.
/// Rows down to three fifths of the body's size still reach [`SMALLEST_PX`].
const SMALL_PRINT_BOOST: f32 = 1.5;

/// The part of a page the page view draws, and how large. A whole A4 page drawn in a
/// column is text 5 pixels high; what a person checks is the band of rows that carry an
/// amount, with the rows of words just above and below it (a section's heading, a label
/// wrapped onto a row of its own) and the rows between. The band is drawn at
/// [`BODY_PX`], wider than a phone if need be (the drawing scrolls sideways, never
/// shrinks to fit). Positions are in tenths of a point, the drawing's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageFrame {
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Width.
    pub width: i64,
    /// Height.
    pub height: i64,
    /// CSS pixels per point.
    pub scale: f32,
    /// Where the tick boxes stand, left of every row's text.
    pub tick_x: i64,
}

impl PageFrame {
    /// The drawing's width in CSS pixels.
    pub fn css_width(&self) -> i64 {
        (self.width as f32 * self.scale / 10.0).round() as i64
    }

    /// The drawing's height in CSS pixels.
    pub fn css_height(&self) -> i64 {
        (self.height as f32 * self.scale / 10.0).round() as i64
    }
}

/// The frame of a page for the page view: the rows with an amount and the `focus` row,
/// the rows of words within three lines above and a line and a half below them, every
/// row between; the whole text when no row has an amount, the sheet when there is no
/// text. Its edges never cut a row in two. Sizes and positions that are not finite
/// numbers are left out.
pub fn page_frame(
    page: &super::layout::TextPage,
    rows: &[(RowState, Option<super::provenance::RowAmount>)],
    focus: Option<usize>,
) -> PageFrame {
    let usable = |r: &&super::layout::TextRow| r.y.is_finite() && r.size.is_finite();
    let size = |r: &super::layout::TextRow| r.size.clamp(1.0, 200.0);
    let matters: Vec<&super::layout::TextRow> = page
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            Some(*i) == focus || rows.get(*i).is_some_and(|(s, _)| *s != RowState::Text)
        })
        .map(|(_, r)| r)
        .filter(usable)
        .collect();
    let chosen: Vec<&super::layout::TextRow> = if matters.is_empty() {
        page.rows.iter().filter(usable).collect()
    } else {
        matters
    };
    let mut sizes: Vec<f32> = chosen.iter().map(|r| size(r)).collect();
    sizes.sort_by(f32::total_cmp);
    let (Some(&smallest), Some(&median)) = (sizes.first(), sizes.get(sizes.len() / 2)) else {
        let (width, height) = (page.width.max(1.0), page.height.max(1.0));
        return PageFrame {
            x: 0,
            y: 0,
            width: tenths(width),
            height: tenths(height),
            scale: (BODY_PX / 10.0).clamp(MIN_SCALE, MAX_SCALE),
            tick_x: 0,
        };
    };
    let largest = sizes.last().copied().unwrap_or(median);
    let mut top = chosen
        .iter()
        .map(|r| r.y - size(r))
        .fold(f32::MAX, f32::min);
    let mut bottom = chosen
        .iter()
        .map(|r| r.y + 0.3 * size(r))
        .fold(f32::MIN, f32::max);
    // The rows of words next to the band: a heading above, a wrapped label either side.
    let (above, below) = (top - 3.0 * median, bottom + 1.5 * median);
    for row in page.rows.iter().filter(usable) {
        if row.y >= above && row.y < top + size(row) {
            top = top.min(row.y - size(row));
        }
        if row.y - size(row) <= below && row.y > bottom {
            bottom = bottom.max(row.y + 0.3 * size(row));
        }
    }
    let cells = page
        .rows
        .iter()
        .filter(usable)
        .filter(|r| r.y >= top && r.y <= bottom)
        .flat_map(|r| &r.cells)
        .filter(|c| c.x.is_finite() && c.x_end.is_finite());
    let (left, right) = cells.fold((f32::MAX, f32::MIN), |(l, r), c| {
        (l.min(c.x), r.max(c.x_end.max(c.x)))
    });
    let (left, right) = if left <= right {
        (left, right)
    } else {
        (0.0, page.width.max(1.0))
    };
    let pad = 0.6 * median;
    // The margins above and below stop halfway to the next row left out: never a row cut
    // in two by the frame's edge.
    let (mut clear_above, mut clear_below) = (f32::MIN, f32::MAX);
    for row in page.rows.iter().filter(usable) {
        let (row_top, row_bottom) = (row.y - size(row), row.y + 0.3 * size(row));
        if row_bottom <= top {
            clear_above = clear_above.max(row_bottom);
        }
        if row_top >= bottom {
            clear_below = clear_below.min(row_top);
        }
    }
    let pad_top = pad.min((top - clear_above) / 2.0);
    let pad_bottom = pad.min((clear_below - bottom) / 2.0);
    // Room for a tick box (four fifths of the largest row) left of the text.
    let x = left - 0.8 * largest - 2.0 * pad;
    let body = BODY_PX / median;
    let scale = body
        .max((SMALLEST_PX / smallest).min(body * SMALL_PRINT_BOOST))
        .clamp(MIN_SCALE, MAX_SCALE);
    PageFrame {
        x: tenths(x),
        y: tenths(top - pad_top),
        width: tenths(right + pad - x).max(10),
        height: tenths(bottom - top + pad_top + pad_bottom).max(10),
        scale,
        tick_x: tenths(x + pad),
    }
}

/// A position in tenths of a point: the drawing's unit, an integer.
fn tenths(value: f32) -> i64 {
    (value * 10.0).round() as i64
}

/// Text as it may stand in SVG markup: the bill's text is not trusted.
fn escaped(text: &str) -> String {
    crate::core::markup::escape(text)
}

/// A page drawn as SVG markup from its rows, within its [`page_frame`] and at its size:
/// each row a group (`data-row`, a class for its state), each cell a text stretched to
/// the cell's width; a tick box before rows with an amount; the `focus` row highlighted
/// and its amount column framed. `name` is the drawing's accessible name. Built as text,
/// escaped, so that the app draws a page of a hundred rows without a component per row.
pub fn page_svg(
    page: &super::layout::TextPage,
    rows: &[(RowState, Option<super::provenance::RowAmount>)],
    focus: Option<usize>,
    name: &str,
) -> String {
    use std::fmt::Write;
    let frame = page_frame(page, rows, focus);
    let PageFrame {
        x: left,
        y: top,
        width,
        height,
        ..
    } = frame;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"page-svg\" viewBox=\"{left} {top} {width} {height}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\"><rect class=\"sheet\" x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{height}\"/>",
        frame.css_width(),
        frame.css_height(),
        escaped(name)
    );
    if let Some(row) = focus.and_then(|f| page.rows.get(f)) {
        if let Some(cell) = rows
            .get(focus.unwrap_or_default())
            .and_then(|(_, a)| a.as_ref())
            .and_then(|a| row.cells.get(a.cell))
        {
            let _ = write!(
                svg,
                "<rect class=\"amount-column\" x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{height}\"/>",
                tenths(cell.x - 3.0),
                tenths(cell.x_end - cell.x + 6.0)
            );
        }
        let _ = write!(
            svg,
            "<rect class=\"focus-row\" x=\"{left}\" y=\"{}\" width=\"{width}\" height=\"{}\"/>",
            tenths(row.y - row.size),
            tenths(row.size * 1.4)
        );
    }
    for (i, row) in page.rows.iter().enumerate() {
        let (state, amount) = rows.get(i).copied().unwrap_or((RowState::Text, None));
        let class = match state {
            RowState::Charge {
                corrected: true, ..
            } => "row-charge row-corrected",
            RowState::Charge { .. } => "row-charge",
            RowState::Removed { .. } => "row-removed",
            RowState::NotKept => "row-not-kept",
            RowState::Text => "row-text",
        };
        let focused = if focus == Some(i) { " focus" } else { "" };
        let _ = write!(svg, "<g class=\"{class}{focused}\" data-row=\"{i}\">");
        if amount.is_some() {
            let on = if matches!(state, RowState::Charge { .. }) {
                " on"
            } else {
                ""
            };
            let side = tenths(row.size * 0.8);
            let _ = write!(
                svg,
                "<rect class=\"tick{on}\" x=\"{}\" y=\"{}\" width=\"{side}\" height=\"{side}\"/>",
                frame.tick_x,
                tenths(row.y) - side
            );
        }
        for cell in &row.cells {
            let length = tenths(cell.x_end - cell.x);
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"",
                tenths(cell.x),
                tenths(row.y),
                tenths(row.size.max(1.0))
            );
            if length > 10 {
                let _ = write!(
                    svg,
                    " textLength=\"{length}\" lengthAdjust=\"spacingAndGlyphs\""
                );
            }
            let _ = write!(svg, ">{}</text>", escaped(&cell.text));
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// What ticking or unticking a row does.
#[derive(Clone, Debug, PartialEq)]
pub enum Toggle {
    /// A new correction.
    Add(Change),
    /// Back to what was read, for this.
    Revert(Target),
}

/// What clicking a row of a page does: a charge becomes "not a charge" (a charge the
/// person picked is simply taken back), a charge the person removed comes back, a row
/// with an amount becomes a charge (named by its label, its section that of the charge
/// above it, its kind from its words). Text rows do nothing.
pub fn toggle(
    read: &Bill,
    applied: &Applied,
    pages: &[super::layout::TextPage],
    model: &PageModel,
    page: usize,
    row: usize,
) -> Option<Toggle> {
    use super::provenance::{row_label, section_for, RowRef};
    let (state, amount) = model.pages.get(page)?.get(row).copied()?;
    let printed = pages.get(page)?;
    match state {
        RowState::Charge { line, .. } => match applied.origins.get(line)? {
            Origin::Read { index, .. } => Some(Toggle::Add(Change::NotACharge {
                line: LineRef::of(read, *index)?,
            })),
            Origin::Added { row, .. } => Some(Toggle::Revert(Target::Row(row.clone()))),
        },
        RowState::Removed { read: index } => {
            Some(Toggle::Revert(Target::Line(LineRef::of(read, index)?)))
        }
        RowState::NotKept => {
            let amount = amount?.value;
            let text_row = printed.rows.get(row)?;
            let label: String = row_label(text_row).chars().take(MAX_TEXT).collect();
            let section = section_for(&applied.bill, printed, &model.lines, row);
            let kind = super::vocab::headings::section_kind(&section);
            let category = super::vocab::kinds::categorize(
                Some(kind),
                None,
                &label,
                amount.is_sign_negative(),
            );
            let change = Change::AddCharge {
                row: RowRef::of(printed.number, text_row),
                label,
                amount,
                category,
                section: section.chars().take(MAX_TEXT).collect(),
            };
            change.validate().ok()?;
            Some(Toggle::Add(change))
        }
        RowState::Text => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::provenance::tests::line;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The B&You bill as read, with the explainer's example read as a charge too (what
    /// an older reader did): 12,99 € due.
    fn read() -> Bill {
        Bill {
            operator: Some(Operator::BAndYou),
            invoice_number: Some("11608848301659".into()),
            issue_date: Some(date("2019-11-02")),
            total: Some(d("12.99")),
            lines: vec![
                line("Forfait B&You 60Go", "12.99", 3),
                line("Vos abonnements, forfaits et options", "75.89", 2),
                line("Appel 08 99 12 34 56", "2.99", 3),
                line("Appel 08 99 12 34 56", "2.99", 3),
            ],
            warnings: vec![BillWarning::TotalMismatch {
                printed: d("12.99"),
                computed: d("94.86"),
            }],
            ..Bill::default()
        }
    }

    fn row(page: u32, y: f32, text: &str) -> RowRef {
        RowRef {
            page,
            y,
            text: text.into(),
        }
    }

    fn edits(changes: Vec<Change>) -> Vec<Edit> {
        changes
            .into_iter()
            .enumerate()
            .map(|(i, change)| Edit {
                id: i as u32 + 1,
                change,
            })
            .collect()
    }

    fn not_a_charge(bill: &Bill, i: usize) -> Change {
        Change::NotACharge {
            line: LineRef::of(bill, i).unwrap(),
        }
    }

    /// A reading the total before VAT and the VAT contradict stays to check after the
    /// person's corrections of its lines; the amount due they type settles it.
    #[test]
    fn the_vat_still_speaks_until_the_person_types_the_amount_due() {
        let mut bill = read();
        bill.total_ht = Some(d("32.03"));
        bill.vat = vec![crate::core::bill::VatLine {
            rate: d("20"),
            base: None,
            amount: d("6.40"),
        }];
        // Three lines left out: 12,99 is what they add up to, but HT + VAT make 38,43.
        let lines_out = vec![
            not_a_charge(&bill, 1),
            not_a_charge(&bill, 2),
            not_a_charge(&bill, 3),
        ];
        let applied = apply(&bill, &edits(lines_out.clone()));
        assert_eq!(applied.bill.charges_sum(), d("12.99"));
        assert_eq!(
            applied.bill.warnings,
            vec![BillWarning::VatDisagrees {
                computed: d("38.43")
            }]
        );
        assert!(!applied.bill.reconciles());
        // The person types the amount due: theirs.
        let mut typed = lines_out;
        typed.push(Change::Header {
            fix: HeaderFix::Total(Some(d("12.99"))),
        });
        let applied = apply(&bill, &edits(typed));
        assert!(
            applied.bill.warnings.is_empty(),
            "{:?}",
            applied.bill.warnings
        );
        assert!(applied.bill.reconciles());
        // The amount due typed alone, as read, on a reading the VAT contradicts.
        let mut sure_but = bill.clone();
        sure_but.lines.truncate(1);
        sure_but.warnings = vec![BillWarning::VatDisagrees {
            computed: d("38.43"),
        }];
        let typed = vec![Change::Header {
            fix: HeaderFix::Total(Some(d("12.99"))),
        }];
        let applied = apply(&sure_but, &edits(typed));
        assert!(applied.bill.reconciles(), "{:?}", applied.bill.warnings);
    }

    fn labels(bill: &Bill) -> Vec<(String, Decimal)> {
        bill.lines
            .iter()
            .map(|l| (l.label.clone(), l.amount))
            .collect()
    }

    #[test]
    fn edits_apply_in_order_and_the_bill_adds_up_again() {
        let bill = read();
        let added = Change::AddCharge {
            row: row(3, 352.4, "·  (00:29:24) de Appels reçus  0,00"),
            label: "Appels reçus en Zone Europe".into(),
            amount: d("0.00"),
            category: Category::OutOfPlan,
            section: "Vos communications".into(),
        };
        let changes = vec![
            not_a_charge(&bill, 1),
            // The second of two identical calls is not a charge either: the first stays.
            not_a_charge(&bill, 3),
            Change::Line {
                line: LineRef::of(&bill, 2).unwrap(),
                label: None,
                amount: Some(d("-2.99")),
                category: Some(Category::Discount),
            },
            added,
            Change::Header {
                fix: HeaderFix::Period(Some(Period {
                    start: date("2019-11-02"),
                    end: date("2019-12-01"),
                })),
            },
            // Set twice: the last one wins, and the same value as read is no correction.
            Change::Header {
                fix: HeaderFix::Total(Some(d("15.00"))),
            },
            Change::Header {
                fix: HeaderFix::Total(Some(d("12.99"))),
            },
        ];
        let applied = apply(&bill, &edits(changes));
        assert_eq!(
            labels(&applied.bill),
            vec![
                ("Forfait B&You 60Go".into(), d("12.99")),
                ("Appel 08 99 12 34 56".into(), d("-2.99")),
                ("Appels reçus en Zone Europe".into(), d("0.00")),
            ]
        );
        assert_eq!(applied.bill.lines[2].page, 3);
        assert_eq!(applied.removed, vec![1, 3]);
        assert_eq!(applied.bill.lines[1].category, Category::Discount);
        assert_eq!(
            applied
                .origins
                .iter()
                .map(Origin::corrected)
                .collect::<Vec<_>>(),
            vec![false, true, true]
        );
        assert_eq!(applied.line_of_read(2), Some(1));
        assert_eq!(applied.line_of_read(3), None);
        assert_eq!(applied.header, vec![HeaderField::Period]);
        assert_eq!(applied.bill.total, Some(d("12.99")));
        assert_eq!(applied.bill.period.map(|p| p.end), Some(date("2019-12-01")));
        // 12,99 − 2,99 + 0 against 12,99 due: it no longer adds up, and says so.
        assert_eq!(
            applied.bill.warnings,
            vec![BillWarning::TotalMismatch {
                printed: d("12.99"),
                computed: d("10.00")
            }]
        );
        assert!(applied
            .outcomes
            .iter()
            .all(|(_, o)| *o == Outcome::Applied || *o == Outcome::ReadingAgrees));
        assert_eq!(applied.agreed(), vec![7]);

        // Without the explainer's example and both calls, the bill adds up.
        let changes = vec![
            not_a_charge(&bill, 1),
            not_a_charge(&bill, 2),
            not_a_charge(&bill, 3),
        ];
        let applied = apply(&bill, &edits(changes));
        assert!(applied.bill.reconciles(), "{:?}", labels(&applied.bill));
        assert!(applied.bill.warnings.is_empty());
    }

    #[test]
    fn a_page_is_drawn_from_its_rows_and_its_text_escaped() {
        use crate::core::provenance::tests::{page, row as text_row};
        let p = page(
            3,
            vec![
                text_row(100.0, &[(50.0, "Forfait <b>&\"x\""), (523.0, "12,99")]),
                text_row(120.0, &[(50.0, "Merci")]),
            ],
        );
        let rows = [
            (
                RowState::Charge {
                    line: 0,
                    corrected: false,
                },
                crate::core::provenance::row_amount(&p.rows[0]),
            ),
            (RowState::Text, None),
        ];
        let svg = page_svg(&p, &rows, Some(0), "Page 3 \"vue\"");
        // Cropped to the rows (the charge, and the row of words just below it) and room
        // for the tick boxes, drawn at 13 px a 9-point row: 1.44 pixels a point.
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"page-svg\" viewBox=\"320 856 5214 425\" width=\"753\" height=\"61\""), "{svg}");
        assert!(
            svg.contains("aria-label=\"Page 3 &quot;vue&quot;\""),
            "{svg}"
        );
        assert!(
            svg.contains(">Forfait &lt;b&gt;&amp;&quot;x&quot;</text>"),
            "{svg}"
        );
        assert!(!svg.contains("<b>"));
        // The amount column framed, the row highlighted, its tick box on.
        assert!(
            svg.contains(
                "<rect class=\"amount-column\" x=\"5200\" y=\"856\" width=\"310\" height=\"425\""
            ),
            "{svg}"
        );
        assert!(
            svg.contains("<rect class=\"focus-row\" x=\"320\" y=\"910\" width=\"5214\""),
            "{svg}"
        );
        assert!(
            svg.contains(
                "<g class=\"row-charge focus\" data-row=\"0\"><rect class=\"tick on\" x=\"374\""
            ),
            "{svg}"
        );
        assert!(
            svg.contains(
                "<g class=\"row-text\" data-row=\"1\"><text x=\"500\" y=\"1200\" font-size=\"90\""
            ),
            "{svg}"
        );
        assert_eq!(svg.matches("<g ").count(), 2);
        assert!(svg.ends_with("</g></svg>"));
    }

    /// A row of `size` points.
    fn sized(mut row: crate::core::layout::TextRow, size: f32) -> crate::core::layout::TextRow {
        row.size = size;
        row
    }

    /// Each row's state as the page view would have it before any line is located: a row
    /// with an amount is not kept, the others are words.
    fn states(
        page: &crate::core::layout::TextPage,
    ) -> Vec<(RowState, Option<crate::core::provenance::RowAmount>)> {
        page.rows
            .iter()
            .map(|r| {
                let amount = crate::core::provenance::row_amount(r);
                let state = if amount.is_some() {
                    RowState::NotKept
                } else {
                    RowState::Text
                };
                (state, amount)
            })
            .collect()
    }

    /// A first page as bills print it: the operator and the address at the top, the
    /// charges under their heading with a note wrapped below, general conditions and the
    /// page number at the foot.
    fn bill_page() -> crate::core::layout::TextPage {
        use crate::core::provenance::tests::{page, row};
        page(
            1,
            vec![
                sized(row(40.0, &[(40.0, "Bouygues Telecom")]), 14.0),
                sized(row(60.0, &[(300.0, "Monsieur Dupont")]), 9.0),
                sized(row(282.0, &[(40.0, "Client n° 1.0987.6543")]), 8.0),
                sized(row(302.0, &[(40.0, "Vos abonnements")]), 14.0),
                sized(
                    row(315.0, &[(40.0, "Forfait B&You 60Go"), (520.0, "12,99")]),
                    8.0,
                ),
                sized(
                    row(327.0, &[(40.0, "Option international"), (525.0, "5,00")]),
                    8.0,
                ),
                sized(row(339.0, &[(40.0, "Total TTC"), (520.0, "17,99")]), 8.0),
                sized(row(351.0, &[(40.0, "payable à réception")]), 8.0),
                sized(
                    row(
                        500.0,
                        &[(40.0, "Conditions générales de vente, voir au dos")],
                    ),
                    6.0,
                ),
                sized(row(800.0, &[(280.0, "Page 1")]), 6.0),
            ],
        )
    }

    #[test]
    fn the_drawing_is_the_band_of_rows_with_amounts_drawn_large_enough_to_read() {
        let page = bill_page();
        let rows = states(&page);
        let frame = page_frame(&page, &rows, None);
        let (top, bottom) = (
            frame.y as f32 / 10.0,
            (frame.y + frame.height) as f32 / 10.0,
        );
        let (left, right) = (frame.x as f32 / 10.0, (frame.x + frame.width) as f32 / 10.0);
        // The heading above the charges and the note below them are in, whole.
        assert!(top <= 302.0 - 14.0, "{frame:?}");
        assert!(bottom >= 351.0, "{frame:?}");
        // The address, the customer number three lines up, the conditions and the page
        // number are not; no row is cut in two by an edge.
        assert!(top > 284.4 - 0.1 && bottom < 500.0 - 6.0, "{frame:?}");
        for row in &page.rows {
            let (row_top, row_bottom) = (row.y - row.size, row.y + 0.3 * row.size);
            let inside = row_top >= top - 0.1 && row_bottom <= bottom + 0.1;
            let outside = row_bottom <= top + 0.1 || row_top >= bottom - 0.1;
            assert!(inside || outside, "{row:?} cut by {frame:?}");
        }
        // From a tick box's room left of the labels to the right of the amounts.
        assert!(
            left <= 40.0 - 8.0 && (545.0..560.0).contains(&right),
            "{frame:?}"
        );
        assert!(frame.tick_x as f32 / 10.0 > left && (frame.tick_x as f32 / 10.0) + 6.4 < 40.0);
        // Every row with an amount at 13 px; the drawing is that size in CSS pixels.
        assert!((frame.scale - BODY_PX / 8.0).abs() < 1e-4, "{frame:?}");
        assert_eq!(
            frame.css_width(),
            (frame.width as f32 * frame.scale / 10.0).round() as i64
        );
        assert!(
            frame.css_width() > 800 && frame.css_height() < 200,
            "{frame:?}"
        );
        let svg = page_svg(&page, &rows, None, "Page 1");
        let head = format!(
            "viewBox=\"{} {} {} {}\" width=\"{}\" height=\"{}\"",
            frame.x,
            frame.y,
            frame.width,
            frame.height,
            frame.css_width(),
            frame.css_height()
        );
        assert!(svg.contains(&head), "{svg}");
        assert!(
            svg.contains(&format!(
                "<rect class=\"sheet\" x=\"{}\" y=\"{}\"",
                frame.x, frame.y
            )),
            "{svg}"
        );
        assert_eq!(svg.matches("class=\"tick\" x=").count(), 3, "{svg}");
        assert_eq!(
            svg.matches(&format!("class=\"tick\" x=\"{}\"", frame.tick_x))
                .count(),
            3
        );
    }

    #[test]
    fn no_row_with_an_amount_is_drawn_below_the_smallest_legible_size() {
        use crate::core::provenance::tests::{page, row};
        // (sizes of the rows with an amount, pixels per point expected, whether every
        // row reaches the smallest legible size)
        let cases: [(&[f32], f32, bool); 6] = [
            // Body text of a bill: 13 px.
            (&[9.0, 9.0, 9.0], BODY_PX / 9.0, true),
            // A small line among them is held at 12 px, the rest drawn larger.
            (&[8.0, 8.0, 8.0, 5.0], SMALLEST_PX / 5.0, true),
            // A footnote far smaller than the body enlarges the page half as much again,
            // no more.
            (
                &[12.0, 12.0, 12.0, 5.0],
                BODY_PX / 12.0 * SMALL_PRINT_BOOST,
                false,
            ),
            // Large print is drawn at 13 px, smaller than printed.
            (&[20.0, 20.0], BODY_PX / 20.0, true),
            // Text misread as tiny is not drawn a metre wide.
            (&[1.0, 1.0], MAX_SCALE, false),
            // Nor huge text a dot.
            (&[200.0], MIN_SCALE, true),
        ];
        for (sizes, expected, legible) in cases {
            let p = page(
                2,
                sizes
                    .iter()
                    .enumerate()
                    .map(|(i, size)| {
                        sized(
                            row(
                                100.0 + 30.0 * i as f32,
                                &[(40.0, "Option"), (520.0, "1,00")],
                            ),
                            *size,
                        )
                    })
                    .collect(),
            );
            let frame = page_frame(&p, &states(&p), None);
            assert!(
                (frame.scale - expected).abs() < 1e-4,
                "{sizes:?}: {frame:?}"
            );
            let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
            assert_eq!(
                smallest * frame.scale >= SMALLEST_PX - 1e-3,
                legible,
                "{sizes:?}"
            );
        }
    }

    #[test]
    fn a_page_without_amounts_is_drawn_whole_and_an_empty_one_as_its_sheet() {
        use crate::core::provenance::tests::{page, row};
        let words = page(
            2,
            vec![
                row(100.0, &[(40.0, "Comprendre votre facture")]),
                row(700.0, &[(60.0, "Nous contacter")]),
            ],
        );
        let frame = page_frame(&words, &states(&words), None);
        assert!(
            frame.y <= 910 && frame.y + frame.height >= 7000,
            "{frame:?}"
        );
        assert!(frame.x < 400 && frame.x + frame.width >= 1300, "{frame:?}");
        // The row asked for counts as a row with an amount: the frame is around it.
        let around = page_frame(&words, &states(&words), Some(1));
        assert!(around.y > 1000 && around.y < 6910, "{around:?}");

        let empty = page(3, Vec::new());
        let frame = page_frame(&empty, &[], None);
        assert_eq!(
            (frame.x, frame.y, frame.width, frame.height),
            (0, 0, 5950, 8420)
        );
        assert!(page_svg(&empty, &[], None, "Page 3").contains("viewBox=\"0 0 5950 8420\""));
        // Positions that are not numbers are left out, never drawn at infinity.
        let mut broken = bill_page();
        broken.rows[3].y = f32::NAN;
        broken.rows[4].cells[0].x = f32::INFINITY;
        let frame = page_frame(&broken, &states(&broken), None);
        assert!(
            frame.css_width() < 2000 && frame.css_height() < 2000,
            "{frame:?}"
        );
    }

    #[test]
    fn the_page_view_opens_where_the_charges_are_printed() {
        use crate::core::provenance::tests::page;
        use crate::core::provenance::RowPos;
        let pages = vec![page(1, vec![]), page(2, vec![]), page(3, vec![])];
        let bill = |on: &[u32]| Bill {
            lines: on
                .iter()
                .map(|&p| line(&format!("Ligne page {p}"), "1.00", p))
                .collect(),
            ..Bill::default()
        };
        // A first-page summary not kept, where the page view used to open.
        let model = |lines: Vec<Option<RowPos>>| PageModel {
            lines,
            pages: vec![
                vec![(RowState::NotKept, None)],
                vec![(RowState::Text, None)],
                vec![],
            ],
        };
        let at = |page: u32| Some(RowPos { page, row: 0 });
        // The lines' pages, where each was found, the line asked for, the page opened.
        type Case<'a> = (&'a [u32], Vec<Option<RowPos>>, Option<usize>, usize);
        let cases: [Case; 6] = [
            // Most charges are on page 3: there, not on the summary of page 1.
            (&[3, 3, 1], vec![at(3), at(3), at(1)], None, 2),
            // The line asked for wins.
            (&[3, 3, 1], vec![at(3), at(3), at(1)], Some(2), 0),
            // As many on two pages: the first of them.
            (&[2, 3], vec![at(2), at(3)], None, 1),
            // No charge: where an amount was left out.
            (&[], vec![], None, 0),
            // Charges on pages not kept count for nothing.
            (&[7, 7], vec![None, None], None, 0),
            // A line asked for that was not found: the charges' page.
            (&[3], vec![None], Some(0), 2),
        ];
        for (on, located, focus, expected) in cases {
            assert_eq!(
                opening_page(&bill(on), &model(located), &pages, focus),
                expected,
                "{on:?} {focus:?}"
            );
        }
        // Nothing not kept and no charge: the first page; no page at all: 0 too.
        let quiet = PageModel {
            lines: vec![],
            pages: vec![vec![], vec![]],
        };
        assert_eq!(opening_page(&Bill::default(), &quiet, &pages[..2], None), 0);
        assert_eq!(opening_page(&bill(&[3]), &quiet, &[], None), 0);
    }

    #[test]
    fn corrections_are_told_in_words() {
        use crate::core::i18n::Lang;
        let bill = read();
        let cases = [
            (
                not_a_charge(&bill, 1),
                Lang::Fr,
                "« Vos abonnements, forfaits et options » (75,89\u{a0}€) : pas un montant facturé",
            ),
            (
                Change::Line {
                    line: LineRef::of(&bill, 0).unwrap(),
                    label: None,
                    amount: Some(d("9.99")),
                    category: Some(Category::Option),
                },
                Lang::En,
                "\"Forfait B&You 60Go\" (€12.99) → €9.99, Option",
            ),
            (
                Change::Header {
                    fix: HeaderFix::Period(Some(Period {
                        start: date("2019-11-02"),
                        end: date("2019-12-01"),
                    })),
                },
                Lang::Fr,
                "période : 02/11/2019 → 01/12/2019",
            ),
        ];
        for (change, lang, expected) in cases {
            assert_eq!(change.describe(lang), expected);
        }
    }

    #[test]
    fn nothing_edited_is_the_reading_itself() {
        let bill = read();
        let applied = apply(&bill, &[]);
        assert_eq!(applied.bill, bill);
        assert!(applied.origins.iter().all(|o| !o.corrected()));
    }

    #[test]
    fn a_later_reading_keeps_what_still_applies_and_says_what_no_longer_matches() {
        let old = read();
        let picked = row(2, 162.1, "5  Mensualité de votre facilté de paiement  8,00");
        let changes = vec![
            not_a_charge(&old, 1),
            Change::Line {
                line: LineRef::of(&old, 0).unwrap(),
                label: Some("Forfait B&You 60 Go".into()),
                amount: None,
                category: None,
            },
            Change::AddCharge {
                row: picked.clone(),
                label: "Mensualité".into(),
                amount: d("8.00"),
                category: Category::EquipmentInstalment,
                section: String::new(),
            },
            Change::Line {
                line: LineRef::of(&old, 2).unwrap(),
                label: None,
                amount: Some(d("1.99")),
                category: None,
            },
        ];
        // A better reader: the explainer is gone, the instalment is read, the plan's label
        // reads as the person wrote it, and the first call now reads 3,99 €.
        let mut new = read();
        new.lines = vec![
            line("Forfait B&You 60 Go", "12.99", 3),
            line("Mensualité de votre facilté de paiement", "8.00", 2),
            line("Appel 08 99 12 34 56", "3.99", 3),
            line("Appel 08 99 12 34 56", "2.99", 3),
        ];
        let applied = apply(&new, &edits(changes));
        assert_eq!(
            applied.outcomes,
            vec![
                (1, Outcome::ReadingAgrees),
                (2, Outcome::ReadingAgrees),
                (3, Outcome::ReadingAgrees),
                // The change made on the first of two 2,99 € calls goes to the first
                // call still read at 2,99 € (lines are named by their rank among equal
                // lines, not by their position on the bill).
                (4, Outcome::Applied),
            ]
        );
        // The instalment is not counted twice.
        assert_eq!(applied.bill.lines.len(), 4);
        assert_eq!(applied.bill.lines[3].amount, d("1.99"));

        // Read again with a label no edit knows: no longer matches.
        let mut other = read();
        other.lines[1].amount = d("70.00");
        other.lines[0].label = "Forfait 60Go".into();
        let changes = vec![
            not_a_charge(&old, 1),
            Change::Line {
                line: LineRef::of(&old, 0).unwrap(),
                label: None,
                amount: Some(d("10.00")),
                category: None,
            },
        ];
        let applied = apply(&other, &edits(changes));
        assert_eq!(applied.stale(), vec![1, 2]);
        assert_eq!(applied.bill.lines, other.lines);
    }

    #[test]
    fn a_charge_picked_again_from_the_same_row_replaces_the_first() {
        let bill = Bill {
            total: Some(d("10")),
            ..read()
        };
        let r = row(2, 162.1, "Mensualité  8,00");
        let pick = |row: &RowRef, amount: &str| Change::AddCharge {
            row: row.clone(),
            label: "Mensualité".into(),
            amount: d(amount),
            category: Category::EquipmentInstalment,
            section: String::new(),
        };
        // Picked again from the same row, read two points lower by a later reader.
        let moved = RowRef {
            y: 163.0,
            ..r.clone()
        };
        let applied = apply(&bill, &edits(vec![pick(&r, "8.00"), pick(&moved, "7.00")]));
        assert_eq!(
            applied.outcomes,
            vec![(1, Outcome::Replaced), (2, Outcome::Applied)]
        );
        let picked: Vec<Decimal> = applied
            .bill
            .lines
            .iter()
            .filter(|l| l.label == "Mensualité")
            .map(|l| l.amount)
            .collect();
        assert_eq!(picked, vec![d("7.00")]);
        // After every line of page 2, before page 3's.
        assert_eq!(applied.bill.lines[2].label, "Mensualité");
    }

    #[test]
    fn corrections_are_bounded_and_say_why() {
        let bill = read();
        let r = || LineRef::of(&bill, 0).unwrap();
        let cases: Vec<(Change, CorrectionError)> = vec![
            (
                Change::Line {
                    line: r(),
                    label: None,
                    amount: Some(d("100000.01")),
                    category: None,
                },
                CorrectionError::AmountTooLarge,
            ),
            (
                Change::Line {
                    line: r(),
                    label: None,
                    amount: None,
                    category: None,
                },
                CorrectionError::NothingChanged,
            ),
            (
                Change::Line {
                    line: r(),
                    label: Some("  ".into()),
                    amount: None,
                    category: None,
                },
                CorrectionError::EmptyText,
            ),
            (
                Change::Line {
                    line: r(),
                    label: Some("x".repeat(201)),
                    amount: None,
                    category: None,
                },
                CorrectionError::TextTooLong,
            ),
            (
                Change::Header {
                    fix: HeaderFix::Total(Some(d("-1"))),
                },
                CorrectionError::NegativeTotal,
            ),
            (
                Change::Header {
                    fix: HeaderFix::Total(Some(d("79228162514264337593543950335"))),
                },
                CorrectionError::AmountTooLarge,
            ),
            (
                Change::Header {
                    fix: HeaderFix::Period(Some(Period {
                        start: date("2026-02-01"),
                        end: date("2026-01-31"),
                    })),
                },
                CorrectionError::PeriodEndsBeforeStart,
            ),
            (
                Change::Header {
                    fix: HeaderFix::InvoiceNumber(Some(String::new())),
                },
                CorrectionError::EmptyText,
            ),
        ];
        let mut all = Corrections::default();
        for (change, error) in cases {
            assert_eq!(change.validate(), Err(error), "{change:?}");
            let action = CorrectionAction::Add {
                bill: BillRef::of(&bill),
                change,
            };
            assert_eq!(all.apply(action), Err(error));
        }
        assert_eq!(all, Corrections::default(), "nothing refused was kept");
        // A stored or imported set is checked the same way.
        let text = r#"{"bills": [{"bill": {"key": "k"}, "edits": [
            {"id": 1, "change": {"header": {"fix": {"total": "1e40"}}}}]}], "next_id": 2}"#;
        assert!(serde_json::from_str::<Corrections>(text).is_err());
        let text = r#"{"bills": [{"bill": {"key": "k"}, "edits": [
            {"id": 1, "change": {"header": {"fix": {"total": "100001"}}}}]}], "next_id": 2}"#;
        let error = serde_json::from_str::<Corrections>(text)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("bills[0].edits[0]: AmountTooLarge"),
            "{error}"
        );
        // One bill holds at most MAX_EDITS_PER_BILL edits.
        let mut full = Corrections::default();
        let add = || CorrectionAction::Add {
            bill: BillRef::of(&bill),
            change: not_a_charge(&bill, 1),
        };
        for _ in 0..MAX_EDITS_PER_BILL {
            full.apply(add()).unwrap();
        }
        assert_eq!(full.apply(add()), Err(CorrectionError::TooManyEdits));
    }

    #[test]
    fn undo_revert_and_merge_keep_ids_unique_and_lose_nothing() {
        let bill = read();
        let me = BillRef::of(&bill);
        let mut all = Corrections::default();
        let add = |all: &mut Corrections, change| {
            all.apply(CorrectionAction::Add {
                bill: me.clone(),
                change,
            })
            .unwrap()
            .unwrap()
        };
        let a = add(&mut all, not_a_charge(&bill, 1));
        let b = add(
            &mut all,
            Change::Header {
                fix: HeaderFix::Total(Some(d("20"))),
            },
        );
        let c = add(
            &mut all,
            Change::Header {
                fix: HeaderFix::Total(Some(d("21"))),
            },
        );
        assert_eq!((a, b, c), (1, 2, 3));
        assert_eq!(all.of(&bill).len(), 3);
        // Undo the last: the one before it shows again.
        all.apply(CorrectionAction::Remove { id: c }).unwrap();
        assert_eq!(apply(&bill, all.of(&bill)).bill.total, Some(d("20")));
        // Back to what was read for the amount due; the line stays corrected.
        all.apply(CorrectionAction::Revert {
            bill: me.clone(),
            target: Target::Header(HeaderField::Total),
        })
        .unwrap();
        assert_eq!(all.of(&bill).len(), 1);
        // An id is never given twice, even after removals.
        assert_eq!(add(&mut all, not_a_charge(&bill, 2)), 4);

        // Merging an export of the same corrections changes nothing; another device's
        // edit is added under a fresh id.
        let copy = all.clone();
        all.apply(CorrectionAction::Merge(copy.clone())).unwrap();
        assert_eq!(all, copy);
        let mut theirs = copy.clone();
        theirs.bills[0].edits.push(Edit {
            id: 1,
            change: not_a_charge(&bill, 3),
        });
        all.apply(CorrectionAction::Merge(theirs)).unwrap();
        let ids: Vec<u32> = all.of(&bill).iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![1, 4, 5]);

        // The edits of a bill are found again from another reading of it.
        let mut reread = bill.clone();
        reread.lines.pop();
        assert_eq!(all.of(&reread).len(), 3);
        let mut other = bill.clone();
        other.invoice_number = Some("999".into());
        assert!(all.of(&other).is_empty());
        all.apply(CorrectionAction::RevertBill { bill: me })
            .unwrap();
        assert_eq!(all.count(), 0);
    }

    #[test]
    fn ticking_rows_of_the_page_corrects_the_bill_until_it_adds_up() {
        use crate::core::provenance::tests::{page, row as text_row};
        // Page 2 an explainer read as a charge, page 3 the detail with a charge missed.
        let pages = vec![
            page(
                2,
                vec![
                    text_row(
                        108.3,
                        &[
                            (58.0, "Vos abonnements, forfaits et options"),
                            (287.0, "63,24"),
                            (317.0, "75,89"),
                        ],
                    ),
                    text_row(
                        162.1,
                        &[
                            (52.0, "Mensualité de votre facilité de paiement"),
                            (314.0, "8,00"),
                        ],
                    ),
                ],
            ),
            page(
                3,
                vec![
                    text_row(
                        182.2,
                        &[
                            (42.0, "Vos abonnements, forfaits et options"),
                            (518.0, "12,99"),
                        ],
                    ),
                    text_row(210.8, &[(50.0, "Forfait B&You 60Go"), (523.0, "12,99")]),
                    text_row(230.0, &[(50.0, "Option Sécurité"), (523.0, "3,00")]),
                    text_row(250.0, &[(50.0, "Merci de votre confiance")]),
                ],
            ),
        ];
        let mut bill = read();
        bill.lines.truncate(2);
        bill.total = Some(d("15.99"));
        let mut edits: Vec<Edit> = Vec::new();
        let click = |edits: &mut Vec<Edit>, page: usize, row: usize| {
            let applied = apply(&bill, edits);
            let model = page_model(&bill, &applied, &pages);
            let toggled = toggle(&bill, &applied, &pages, &model, page, row);
            let mut all = Corrections {
                bills: vec![BillCorrections {
                    bill: BillRef::of(&bill),
                    edits: edits.clone(),
                }],
                next_id: edits.len() as u32 + 1,
            };
            match toggled.clone() {
                Some(Toggle::Add(change)) => {
                    all.apply(CorrectionAction::Add {
                        bill: BillRef::of(&bill),
                        change,
                    })
                    .unwrap();
                }
                Some(Toggle::Revert(target)) => {
                    all.apply(CorrectionAction::Revert {
                        bill: BillRef::of(&bill),
                        target,
                    })
                    .unwrap();
                }
                None => {}
            }
            *edits = all.of(&bill).to_vec();
            (toggled, apply(&bill, edits))
        };
        let applied = apply(&bill, &edits);
        let model = page_model(&bill, &applied, &pages);
        assert_eq!(
            model.lines,
            vec![
                Some(crate::core::provenance::RowPos { page: 3, row: 1 }),
                Some(crate::core::provenance::RowPos { page: 2, row: 0 }),
            ]
        );
        assert_eq!(model.pages[1][3].0, RowState::Text);
        assert_eq!(model.pages[1][2].0, RowState::NotKept);
        // Untick the explainer: not a charge.
        let (toggled, applied) = click(&mut edits, 0, 0);
        assert!(matches!(
            toggled,
            Some(Toggle::Add(Change::NotACharge { .. }))
        ));
        assert_eq!(applied.bill.charges_sum(), d("12.99"));
        let model = page_model(&bill, &applied, &pages);
        assert_eq!(model.pages[0][0].0, RowState::Removed { read: 1 });
        // Tick the option the reader missed: a charge, named and filed from its row.
        let (_, applied) = click(&mut edits, 1, 2);
        let added = applied
            .bill
            .lines
            .iter()
            .find(|l| l.label == "Option Sécurité")
            .unwrap();
        assert_eq!((added.amount, added.page), (d("3.00"), 3));
        assert_eq!(added.section, "Vos abonnements");
        assert!(applied.bill.reconciles(), "12,99 + 3,00 = 15,99 due");
        let model = page_model(&bill, &applied, &pages);
        assert_eq!(
            model.pages[1][2].0,
            RowState::Charge {
                line: 1,
                corrected: true
            }
        );
        // Text does nothing; the explainer ticked again comes back; the option unticked
        // is taken back.
        assert_eq!(click(&mut edits, 1, 3).0, None);
        let (_, applied) = click(&mut edits, 0, 0);
        assert_eq!(applied.bill.lines.len(), 3);
        let (toggled, applied) = click(&mut edits, 1, 2);
        assert!(matches!(toggled, Some(Toggle::Revert(Target::Row(_)))));
        assert_eq!(applied.bill.lines, bill.lines);
        assert!(edits.is_empty(), "{edits:?}");
    }

    #[test]
    fn a_bill_is_recognised_by_its_invoice_or_its_day_and_amount() {
        let bill = read();
        let me = BillRef::of(&bill);
        let mut renumbered = bill.clone();
        renumbered.lines.clear();
        renumbered.invoice_number = Some("1160 8848 3016 59".into());
        assert!(me.matches(&renumbered));
        renumbered.operator = Some(Operator::Orange);
        assert!(!me.matches(&renumbered));
        let mut plain = bill.clone();
        plain.invoice_number = None;
        let plain_ref = BillRef::of(&plain);
        let mut reread = plain.clone();
        reread.lines.pop();
        assert!(
            plain_ref.matches(&reread),
            "same operator, day and amount due"
        );
        reread.total = Some(d("13.00"));
        assert!(!plain_ref.matches(&reread));
    }
}
