//! The only layer that touches browser APIs: files, the parse worker, storage, the service
//! worker, dialogs, focus and scrolling, the address.

pub mod clock;
pub mod dialogs;
pub mod dom;
pub mod export;
pub mod files;
pub mod offline;
pub mod parse_worker;
pub mod reader_host;
pub mod statement_file;
pub mod storage;
