//! The files a person dropped in this visit, and what reading each gave.
//!
//! A pure reducer: the app turns each event (a file picked, a worker's answer) into an
//! [`UploadAction`] and applies it; nothing here touches a browser API.

use serde::{Deserialize, Serialize};

use super::bill::Bill;
use super::error::ReadError;
use super::reader::Reading;

/// Where a file is in its reading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum UploadStatus {
    /// Waiting for its turn: files are read one after the other.
    Queued,
    /// A worker is reading it.
    Reading,
    /// It was read.
    Read(Box<Reading>),
    /// It could not be read, and why.
    Failed(ReadError),
    /// It is a bill already read: not added a second time.
    Duplicate {
        /// The name of the file it was first read from.
        of: String,
    },
    /// It is a bill already read, and this reading says more than the one kept (a newer
    /// reader): it replaced the one kept, whose corrections are matched to it again.
    Reread {
        /// The name of the file it was first read from.
        of: String,
    },
}

/// One file dropped or picked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    /// Identifies the upload within the visit; minted by the caller.
    pub id: u32,
    /// The file name.
    pub name: String,
    /// The file size, in bytes.
    pub size: u64,
    /// Where its reading is.
    pub status: UploadStatus,
}

/// A change to the list of uploads.
#[derive(Clone, Debug, PartialEq)]
pub enum UploadAction {
    /// A file was picked and its reading started.
    Started {
        /// Fresh id for this upload.
        id: u32,
        /// File name.
        name: String,
        /// File size in bytes.
        size: u64,
    },
    /// A worker started reading a queued file.
    Began {
        /// The upload it concerns.
        id: u32,
    },
    /// The reading of a file ended.
    Finished {
        /// The upload it concerns.
        id: u32,
        /// What reading gave.
        result: Result<Box<Reading>, ReadError>,
    },
    /// The person removed a file from the list.
    Removed {
        /// The upload to remove.
        id: u32,
    },
    /// Another tab saved these bills: those this tab lacks are added (as bills kept from
    /// an earlier visit, ids from `first_id` on), and for a bill both hold the reading that
    /// says more is kept, the other tab's when they say as much (see [`merge_bills`]).
    Merged {
        /// The other tab's bills, oldest first.
        bills: Vec<Bill>,
        /// The first of the fresh ids the caller reserved, one per bill.
        first_id: u32,
    },
}

/// The uploads of this visit, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Uploads {
    /// The uploads, newest first.
    pub items: Vec<Upload>,
}

impl Uploads {
    /// Applies one change. A result for an upload that was removed meanwhile is dropped.
    pub fn apply(&mut self, action: UploadAction) {
        match action {
            UploadAction::Started { id, name, size } => {
                self.items.insert(
                    0,
                    Upload {
                        id,
                        name,
                        size,
                        status: UploadStatus::Queued,
                    },
                );
            }
            UploadAction::Began { id } => {
                if let Some(upload) = self.items.iter_mut().find(|u| u.id == id) {
                    if upload.status == UploadStatus::Queued {
                        upload.status = UploadStatus::Reading;
                    }
                }
            }
            UploadAction::Finished { id, result } => {
                let status = match result {
                    Ok(reading) => match self.read_again(reading, id) {
                        Ok(status) => status,
                        Err(reading) => UploadStatus::Read(reading),
                    },
                    Err(error) => UploadStatus::Failed(error),
                };
                if let Some(upload) = self.items.iter_mut().find(|u| u.id == id) {
                    upload.status = status;
                }
            }
            UploadAction::Removed { id } => self.items.retain(|u| u.id != id),
            UploadAction::Merged { bills, first_id } => self.merge(bills, first_id),
        }
    }

    /// See [`UploadAction::Merged`]. The bills this tab lacks come first among
    /// [`Uploads::bills`] (as if restored), in the other tab's order.
    fn merge(&mut self, bills: Vec<Bill>, first_id: u32) {
        let mut added = Vec::new();
        for (id, bill) in (first_id..).zip(bills) {
            let kept = self.items.iter_mut().find_map(|u| match &mut u.status {
                UploadStatus::Read(kept) if same_bill(&kept.bill, &bill) => Some(kept),
                _ => None,
            });
            match kept {
                // Its pages, when this tab has them, are of the same bill: kept.
                Some(kept) if completeness(&bill) >= completeness(&kept.bill) => kept.bill = bill,
                Some(_) => {}
                None => added.push(Upload {
                    id,
                    name: bill.source.clone(),
                    size: 0,
                    status: UploadStatus::Read(Box::new(Reading {
                        pages: Vec::new(),
                        bill,
                    })),
                }),
            }
        }
        // Items are newest first: the other tab's oldest goes last.
        self.items.extend(added.into_iter().rev());
    }

    /// A bill read again (other than by upload `id`) is not added twice: a reading that
    /// says more than the one kept (a newer reader: it adds up where the other did not, or
    /// reads more of the header) replaces it, and otherwise the new reading gives back its
    /// pages to one kept without them (a bill restored from an earlier visit).
    /// `Err` gives back a reading of a bill not read yet.
    fn read_again(&mut self, reading: Box<Reading>, id: u32) -> Result<UploadStatus, Box<Reading>> {
        let found = self.items.iter_mut().filter(|u| u.id != id).find_map(|u| {
            let name = u.name.clone();
            match &mut u.status {
                UploadStatus::Read(kept) if same_bill(&kept.bill, &reading.bill) => {
                    Some((name, kept))
                }
                _ => None,
            }
        });
        let Some((of, kept)) = found else {
            return Err(reading);
        };
        if completeness(&reading.bill) > completeness(&kept.bill) {
            let source = std::mem::take(&mut kept.bill.source);
            *kept = reading;
            kept.bill.source = source;
            return Ok(UploadStatus::Reread { of });
        }
        if kept.pages.is_empty() {
            kept.pages = reading.pages;
        }
        Ok(UploadStatus::Duplicate { of })
    }

    /// The pages of the bills read in this visit, by bill key (bills restored from an
    /// earlier visit have none until read again).
    pub fn fresh_pages(&self) -> Vec<(String, Vec<super::layout::TextPage>)> {
        self.items
            .iter()
            .filter_map(|u| match &u.status {
                UploadStatus::Read(r) if !r.pages.is_empty() => {
                    Some((bill_key(&r.bill), r.pages.clone()))
                }
                _ => None,
            })
            .collect()
    }

    /// The bill whose [`bill_key`] is `key`, with its index among [`Uploads::bills`].
    pub fn find_bill(&self, key: &str) -> Option<(usize, Bill)> {
        self.bills()
            .into_iter()
            .enumerate()
            .find(|(_, bill)| bill_key(bill) == key)
    }

    /// The uploads of bills kept from earlier visits, oldest first, ids from `first_id` on.
    pub fn restored(bills: Vec<Bill>, first_id: u32) -> Uploads {
        let items = bills
            .into_iter()
            .enumerate()
            .rev()
            .map(|(i, bill)| Upload {
                id: first_id + i as u32,
                name: bill.source.clone(),
                size: 0,
                status: UploadStatus::Read(Box::new(Reading {
                    pages: Vec::new(),
                    bill,
                })),
            })
            .collect();
        Uploads { items }
    }

    /// How many uploads a short list shows first: this visit's (at the front, newest
    /// first) and the latest kept from earlier visits, `at_least` in all when there are as
    /// many. Years of bills kept are then a click away, not a page of hundreds.
    pub fn shown_first(&self, at_least: usize) -> usize {
        let this_visit = self
            .items
            .iter()
            .take_while(|u| !matches!(&u.status, UploadStatus::Read(r) if u.size == 0 && r.pages.is_empty()))
            .count();
        this_visit.max(at_least).min(self.items.len())
    }

    /// The bills read, oldest first: what is kept between visits.
    pub fn bills(&self) -> Vec<Bill> {
        self.items
            .iter()
            .rev()
            .filter_map(|u| match &u.status {
                UploadStatus::Read(reading) => Some(reading.bill.clone()),
                _ => None,
            })
            .collect()
    }

    /// How many files are still being read or waiting for it.
    pub fn pending(&self) -> usize {
        self.items
            .iter()
            .filter(|u| matches!(u.status, UploadStatus::Queued | UploadStatus::Reading))
            .count()
    }
}

/// The bills this tab holds (`ours`) merged with those another tab saved (`theirs`), both
/// oldest first: every bill of either, once ([`same_bill`]); for a bill both hold, the
/// reading that says more, as when a bill is read again (a newer reader's), the other
/// tab's when they say as much (it was saved last). Nothing either tab read is lost.
pub fn merge_bills(ours: &[Bill], theirs: &[Bill]) -> Vec<Bill> {
    let mut uploads = Uploads::restored(ours.to_vec(), 1);
    uploads.apply(UploadAction::Merged {
        bills: theirs.to_vec(),
        first_id: ours.len() as u32 + 1,
    });
    uploads.bills()
}

/// How much a reading says, to tell a better reading of a bill from an equal one: first
/// whether its charges add up to the amount due, then how many header fields it read.
fn completeness(bill: &Bill) -> (bool, usize) {
    let fields = [
        bill.operator.is_some(),
        bill.invoice_number.is_some(),
        bill.issue_date.is_some(),
        bill.due_date.is_some(),
        bill.period.is_some(),
        bill.customer_id.is_some(),
        !bill.line_numbers.is_empty(),
        bill.total.is_some(),
    ];
    (bill.reconciles(), fields.iter().filter(|f| **f).count())
}

/// A digest of what was read from a bill, whatever the file was called: equal for two
/// readings of the same PDF. FNV-1a (64 bits) over the bill's JSON, which serde writes in a
/// fixed field order, so the digest is the same from one visit to the next.
fn content_digest(bill: &Bill) -> u64 {
    let mut anonymous = bill.clone();
    anonymous.source.clear();
    let json = serde_json::to_string(&anonymous).unwrap_or_default();
    json.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The bill's identifier in links (`#/bills/<key>`): derived from its content, so it stays
/// the same across reloads and whatever else is added or removed.
pub fn bill_key(bill: &Bill) -> String {
    format!("{:016x}", content_digest(bill))
}

/// A printed reference (an invoice number, a customer number) as compared: case, spaces
/// and separators do not count.
pub fn reference_key(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Invoice numbers as compared.
fn invoice_number(bill: &Bill) -> Option<String> {
    let number = reference_key(bill.invoice_number.as_deref()?);
    (!number.is_empty()).then_some(number)
}

/// Whether two readings are the same bill: the same operator and invoice number, or the
/// same content (a bill without an invoice number read twice).
pub fn same_bill(a: &Bill, b: &Bill) -> bool {
    let same_invoice = a.operator.is_some()
        && a.operator == b.operator
        && invoice_number(a).is_some()
        && invoice_number(a) == invoice_number(b);
    // The same content has the same amount due and invoice number: only then is the
    // whole of both digested (a bill is compared with every bill kept).
    same_invoice
        || (a.total == b.total
            && a.invoice_number == b.invoice_number
            && a.lines.len() == b.lines.len()
            && content_digest(a) == content_digest(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ReadErrorKind;

    fn started(id: u32, name: &str) -> UploadAction {
        UploadAction::Started {
            id,
            name: name.into(),
            size: 10,
        }
    }

    fn orange(invoice: &str, total: Option<&str>) -> Bill {
        Bill {
            operator: Some(crate::core::bill::Operator::Orange),
            invoice_number: Some(invoice.into()),
            total: total.map(|t| t.parse().unwrap()),
            ..Bill::default()
        }
    }

    #[test]
    fn two_tabs_bills_merge_without_losing_one() {
        let a = orange("A", None);
        let b = orange("B", None);
        let c = orange("C", None);
        // A bill both tabs hold: the reading that says more wins, whichever tab has it.
        let a_better = orange("A", Some("12.99"));
        let cases: [(Vec<Bill>, Vec<Bill>, Vec<Bill>); 6] = [
            (vec![], vec![], vec![]),
            (vec![a.clone()], vec![], vec![a.clone()]),
            (vec![], vec![a.clone()], vec![a.clone()]),
            (
                vec![a.clone(), b.clone()],
                vec![c.clone()],
                vec![c.clone(), a.clone(), b.clone()],
            ),
            (
                vec![a.clone(), b.clone()],
                vec![a_better.clone()],
                vec![a_better.clone(), b.clone()],
            ),
            (
                vec![a_better.clone(), b.clone()],
                vec![a.clone(), c.clone()],
                vec![c.clone(), a_better.clone(), b.clone()],
            ),
        ];
        for (ours, theirs, merged) in cases {
            assert_eq!(merge_bills(&ours, &theirs), merged, "{ours:?} + {theirs:?}");
        }
        // Merging again changes nothing: two tabs that merge each other's saves agree.
        let once = merge_bills(&[a.clone(), b.clone()], &[a_better.clone(), c.clone()]);
        assert_eq!(merge_bills(&once, &once), once);
    }

    #[test]
    fn another_tabs_bills_join_this_tabs_list_and_keep_its_pages() {
        let mut uploads = Uploads::restored(vec![orange("A", None)], 1);
        if let UploadStatus::Read(r) = &mut uploads.items[0].status {
            r.pages = vec![crate::core::layout::TextPage {
                slanted: String::new(),
                number: 1,
                width: 595.0,
                height: 842.0,
                rows: Vec::new(),
            }];
        }
        uploads.apply(UploadAction::Merged {
            bills: vec![orange("A", Some("12.99")), orange("B", None)],
            first_id: 2,
        });
        assert_eq!(
            uploads.bills(),
            vec![orange("B", None), orange("A", Some("12.99"))]
        );
        assert_eq!(
            uploads.items.iter().map(|u| u.id).collect::<Vec<_>>(),
            vec![1, 3]
        );
        assert_eq!(uploads.fresh_pages().len(), 1, "the pages read here stay");
    }

    #[test]
    fn results_land_on_their_own_upload_whatever_the_order() {
        let mut uploads = Uploads::default();
        uploads.apply(started(1, "a.pdf"));
        uploads.apply(started(2, "b.pdf"));
        assert_eq!(uploads.pending(), 2);
        uploads.apply(UploadAction::Began { id: 1 });
        assert_eq!(uploads.items[1].status, UploadStatus::Reading);
        assert_eq!(
            uploads.items[0].status,
            UploadStatus::Queued,
            "still waiting"
        );
        let not_pdf = ReadError::new(ReadErrorKind::NotPdf);
        uploads.apply(UploadAction::Finished {
            id: 1,
            result: Err(not_pdf.clone()),
        });
        assert_eq!(uploads.items[1].name, "a.pdf");
        assert_eq!(uploads.items[1].status, UploadStatus::Failed(not_pdf));
        assert_eq!(uploads.items[0].status, UploadStatus::Queued);
        assert_eq!(uploads.pending(), 1);
    }

    #[test]
    fn bills_kept_between_visits_come_back_in_order() {
        let bill = |n: &str| crate::core::bill::Bill {
            source: n.into(),
            ..Default::default()
        };
        let uploads = Uploads::restored(vec![bill("old.pdf"), bill("new.pdf")], 1);
        assert_eq!(uploads.items[0].name, "new.pdf", "newest first on screen");
        assert_eq!(uploads.bills(), vec![bill("old.pdf"), bill("new.pdf")]);
    }

    #[test]
    fn a_result_for_a_removed_upload_is_dropped() {
        let mut uploads = Uploads::default();
        uploads.apply(started(1, "a.pdf"));
        uploads.apply(UploadAction::Removed { id: 1 });
        uploads.apply(UploadAction::Finished {
            id: 1,
            result: Err(ReadError::new(ReadErrorKind::Crashed)),
        });
        assert!(uploads.items.is_empty());
    }

    fn bill(source: &str, invoice: Option<&str>, total: &str) -> Bill {
        Bill {
            source: source.into(),
            operator: Some(crate::core::bill::Operator::Sfr),
            invoice_number: invoice.map(Into::into),
            total: Some(total.parse().unwrap()),
            ..Default::default()
        }
    }

    fn read(uploads: &mut Uploads, id: u32, bill: Bill) {
        uploads.apply(started(id, &bill.source.clone()));
        uploads.apply(UploadAction::Finished {
            id,
            result: Ok(Box::new(Reading {
                pages: Vec::new(),
                bill,
            })),
        });
    }

    #[test]
    fn a_bill_read_again_is_recognised_and_not_added_twice() {
        let mut uploads = Uploads::restored(vec![bill("oct.pdf", Some("FA 123-45"), "20")], 1);
        // The same invoice, renamed, its number printed differently.
        read(&mut uploads, 2, bill("copie.pdf", Some("fa12345"), "20"));
        assert_eq!(
            uploads.items[0].status,
            UploadStatus::Duplicate {
                of: "oct.pdf".into()
            }
        );
        assert_eq!(uploads.bills().len(), 1, "kept once");
        assert_eq!(uploads.pending(), 0);
    }

    #[test]
    fn a_newer_reading_of_a_bill_replaces_the_one_kept_and_pages_come_back() {
        use crate::core::layout::TextPage;
        let page = TextPage {
            slanted: String::new(),
            number: 1,
            width: 595.0,
            height: 842.0,
            rows: Vec::new(),
        };
        let mut uploads = Uploads::restored(vec![bill("oct.pdf", Some("F1"), "20")], 1);
        // The same reading again: kept as it was, with the pages it now has.
        uploads.apply(started(2, "oct-again.pdf"));
        uploads.apply(UploadAction::Finished {
            id: 2,
            result: Ok(Box::new(Reading {
                pages: vec![page.clone()],
                bill: bill("oct-again.pdf", Some("F1"), "20"),
            })),
        });
        assert!(matches!(
            uploads.items[0].status,
            UploadStatus::Duplicate { .. }
        ));
        assert_eq!(uploads.fresh_pages().len(), 1);
        // A newer reader reads more of it: its reading replaces the one kept, under the
        // first file's name.
        let mut better = bill("oct-v2.pdf", Some("F1"), "20");
        better.period = Some(crate::core::bill::Period {
            start: "2026-10-01".parse().unwrap(),
            end: "2026-10-31".parse().unwrap(),
        });
        uploads.apply(started(3, "oct-v2.pdf"));
        uploads.apply(UploadAction::Finished {
            id: 3,
            result: Ok(Box::new(Reading {
                pages: vec![page],
                bill: better.clone(),
            })),
        });
        assert_eq!(
            uploads.items[0].status,
            UploadStatus::Reread {
                of: "oct.pdf".into()
            }
        );
        let kept = uploads.bills();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].period, better.period);
        assert_eq!(kept[0].source, "oct.pdf");
    }

    #[test]
    fn the_same_content_without_an_invoice_number_is_a_duplicate_too() {
        let mut uploads = Uploads::default();
        read(&mut uploads, 1, bill("a.pdf", None, "20"));
        read(&mut uploads, 2, bill("b.pdf", None, "20"));
        assert!(matches!(
            uploads.items[0].status,
            UploadStatus::Duplicate { .. }
        ));
        // Another amount is another bill.
        read(&mut uploads, 3, bill("c.pdf", None, "21"));
        assert!(matches!(uploads.items[0].status, UploadStatus::Read(_)));
        assert_eq!(uploads.bills().len(), 2);
    }

    #[test]
    fn other_invoices_and_other_operators_are_other_bills() {
        let a = bill("a.pdf", Some("F1"), "20");
        assert!(!same_bill(&a, &bill("b.pdf", Some("F2"), "20")));
        let mut other_operator = bill("a.pdf", Some("F1"), "20");
        other_operator.operator = Some(crate::core::bill::Operator::Orange);
        assert!(!same_bill(&a, &other_operator));
        // Without a known operator, only the content can tell.
        let mut unknown = bill("a.pdf", Some("F1"), "20");
        unknown.operator = None;
        let mut unknown_too = bill("b.pdf", Some("F1"), "30");
        unknown_too.operator = None;
        assert!(!same_bill(&unknown, &unknown_too));
    }

    #[test]
    fn a_bill_key_is_stable_and_ignores_the_file_name() {
        let a = bill("a.pdf", Some("F1"), "20");
        assert_eq!(
            bill_key(&a),
            bill_key(&bill("renamed.pdf", Some("F1"), "20"))
        );
        assert_ne!(bill_key(&a), bill_key(&bill("a.pdf", Some("F2"), "20")));
        assert_eq!(bill_key(&a).len(), 16);
        // Pinned: a link saved in one visit must open the same bill in the next.
        assert_eq!(bill_key(&Bill::default()), "1fb91b41f70b4357");
        let uploads = Uploads::restored(vec![a.clone(), bill("b.pdf", Some("F2"), "9")], 1);
        assert_eq!(uploads.find_bill(&bill_key(&a)).map(|(i, _)| i), Some(0));
        assert_eq!(uploads.find_bill("0000000000000000"), None);
    }

    #[test]
    fn a_short_list_shows_this_visits_uploads_and_the_latest_kept() {
        let kept: Vec<Bill> = (0..20)
            .map(|i| bill(&format!("{i}.pdf"), Some(&format!("F{i}")), "20"))
            .collect();
        let mut uploads = Uploads::restored(kept, 100);
        assert_eq!(uploads.shown_first(12), 12);
        for id in 0..15 {
            uploads.apply(started(id, "new.pdf"));
        }
        assert_eq!(uploads.shown_first(12), 15, "every upload of this visit");
        assert_eq!(Uploads::restored(vec![], 1).shown_first(12), 0);
    }
}
