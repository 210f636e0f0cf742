//! The files a person dropped in this visit, and what reading each gave.
//!
//! A pure reducer: the app turns each event (a file picked, a worker's answer) into an
//! [`UploadAction`] and applies it; nothing here touches a browser API.

use serde::{Deserialize, Serialize};

use super::error::ReadError;
use super::reader::Reading;

/// Where a file is in its reading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum UploadStatus {
    /// A worker is reading it.
    Reading,
    /// It was read.
    Read(Box<Reading>),
    /// It could not be read, and why.
    Failed(ReadError),
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
                        status: UploadStatus::Reading,
                    },
                );
            }
            UploadAction::Finished { id, result } => {
                if let Some(upload) = self.items.iter_mut().find(|u| u.id == id) {
                    upload.status = match result {
                        Ok(reading) => UploadStatus::Read(reading),
                        Err(error) => UploadStatus::Failed(error),
                    };
                }
            }
            UploadAction::Removed { id } => self.items.retain(|u| u.id != id),
        }
    }

    /// The uploads of bills kept from earlier visits, oldest first, ids from `first_id` on.
    pub fn restored(bills: Vec<super::bill::Bill>, first_id: u32) -> Uploads {
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

    /// The bills read, oldest first: what is kept between visits.
    pub fn bills(&self) -> Vec<super::bill::Bill> {
        self.items
            .iter()
            .rev()
            .filter_map(|u| match &u.status {
                UploadStatus::Read(reading) => Some(reading.bill.clone()),
                _ => None,
            })
            .collect()
    }

    /// How many files are still being read.
    pub fn pending(&self) -> usize {
        self.items
            .iter()
            .filter(|u| u.status == UploadStatus::Reading)
            .count()
    }
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

    #[test]
    fn results_land_on_their_own_upload_whatever_the_order() {
        let mut uploads = Uploads::default();
        uploads.apply(started(1, "a.pdf"));
        uploads.apply(started(2, "b.pdf"));
        assert_eq!(uploads.pending(), 2);
        let not_pdf = ReadError::new(ReadErrorKind::NotPdf);
        uploads.apply(UploadAction::Finished {
            id: 1,
            result: Err(not_pdf.clone()),
        });
        assert_eq!(uploads.items[1].name, "a.pdf");
        assert_eq!(uploads.items[1].status, UploadStatus::Failed(not_pdf));
        assert_eq!(uploads.items[0].status, UploadStatus::Reading);
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
}
