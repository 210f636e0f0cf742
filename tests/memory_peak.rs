//! Peak memory of a whole reading, measured by a counting global allocator (a test binary
//! of its own: each has its own allocator, so this one counts nothing but these tests).
//!
//! The bound is the issue's: no PDF under the size limit makes the native reader hold more
//! than 512 MiB. What is counted is the heap the reading allocates beyond what was live
//! when it started, at its highest; the allocator refuses anything past the bound (the
//! process then aborts with "memory allocation of N bytes failed"), so that a regression
//! fails here instead of taking the machine's memory.
//!
//! The files are `crafted`'s: small on disk, huge if the reader copied what it is told to
//! draw. Run with `--nocapture` to see each figure.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod crafted;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use contestel::core::error::ReadErrorKind;
use contestel::core::reader::read_measured;

/// The stated bound on what one reading may hold at once.
const BOUND: usize = 512 << 20;

/// Counts live heap bytes and their highest level; refuses to go past `BOUND`.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc(layout);
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc_zeroed(layout);
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() && !reserve(new_size - layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.realloc(ptr, layout, new_size);
        if p.is_null() {
            if new_size > layout.size() {
                LIVE.fetch_sub(new_size - layout.size(), Ordering::Relaxed);
            }
        } else if new_size < layout.size() {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        p
    }
}

/// Counts `size` more live bytes, unless that would pass the bound (plus what the test
/// harness holds, well under a megabyte).
fn reserve(size: usize) -> bool {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    if live > BOUND + (16 << 20) {
        LIVE.fetch_sub(size, Ordering::Relaxed);
        return false;
    }
    PEAK.fetch_max(live, Ordering::Relaxed);
    true
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement at a time: the tests of this binary run on several threads.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Runs `f` and gives what it returned and the most heap it held beyond what was live
/// before it.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed).saturating_sub(before))
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / f64::from(1 << 20)
}

#[test]
fn crafted_files_are_read_within_the_memory_bound() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut failures = Vec::new();
    for file in crafted::all() {
        // Said first: past the bound the allocator aborts the process.
        eprintln!("reading {}", file.name);
        let ((reading, work), peak) = peak_of(|| read_measured(&file.bytes, file.name));
        let outcome = reading.map(|_| ()).map_err(|e| e.kind);
        println!(
            "{}: {} bytes, peak {:.1} MiB, {outcome:?}, {work:?}",
            file.name,
            file.bytes.len(),
            mib(peak)
        );
        // Each is either read or refused as too complex; never read by holding gigabytes.
        let refused_or_read = matches!(outcome, Ok(()) | Err(ReadErrorKind::TooComplex));
        if peak >= BOUND || !refused_or_read {
            failures.push(format!(
                "{}: peak {:.1} MiB, {outcome:?}",
                file.name,
                mib(peak)
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Files the `read` fuzz target found holding more than the bound (its allocator refuses
/// past 512 MiB): each is now refused or read within it. `xref-untyped-wide-fields.pdf`
/// is a 640-byte file whose cross-reference stream, typed `/XPef`, gives a field a
/// width of 2^40 bytes: lopdf allocated it before anything was checked.
#[test]
fn fuzz_findings_are_read_within_the_memory_bound() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let files: [(&str, &[u8]); 1] = [(
        "xref-untyped-wide-fields.pdf",
        include_bytes!("fixtures/fuzz/xref-untyped-wide-fields.pdf"),
    )];
    for (name, bytes) in files {
        eprintln!("reading {name}");
        let ((reading, _), peak) = peak_of(|| read_measured(bytes, name));
        println!(
            "{name}: peak {:.1} MiB, {:?}",
            mib(peak),
            reading.as_ref().err()
        );
        assert!(peak < BOUND / 64, "{name}: {:.1} MiB", mib(peak));
        assert!(reading.is_err(), "{name}");
    }
}

#[test]
fn fixture_bills_hold_a_few_megabytes() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bills");
    let mut most = (0, String::new());
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let ((reading, _), peak) = peak_of(|| read_measured(&bytes, &name));
        assert!(reading.is_ok(), "{name}: {reading:?}");
        if peak > most.0 {
            most = (peak, name);
        }
    }
    println!("fixture bills: most {:.1} MiB ({})", mib(most.0), most.1);
    // A reference for the bound: a real bill holds a hundredth of it.
    assert!(most.0 < BOUND / 16, "{}: {:.1} MiB", most.1, mib(most.0));
}

#[test]
fn crafted_files_are_their_generator_s_output() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crafted");
    let write = std::env::var_os("CONTESTEL_WRITE_CRAFTED").is_some();
    for file in crafted::all() {
        let path = dir.join(file.name);
        if write {
            std::fs::write(&path, &file.bytes).unwrap();
        }
        let stored = std::fs::read(&path).unwrap_or_default();
        assert!(
            stored == file.bytes,
            "{} differs from its generator (CONTESTEL_WRITE_CRAFTED=1 rewrites it)",
            file.name
        );
    }
}
