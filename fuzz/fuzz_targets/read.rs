//! Any bytes through the reading entry point. A panic counts as a crash here (libFuzzer
//! keeps it as an artifact), even those `read_contained` would turn into `Crashed`: each
//! one is a place where a crafted file makes the PDF crates give up, and the regression
//! tests in `tests/pdf_layer.rs` check that it is at least contained.
//!
//! So does a reading that holds more than 512 MiB of heap at once (the bound of
//! `tests/memory_peak.rs`): the allocator below counts live bytes and the target panics
//! when one input's peak passes it. libFuzzer's `-rss_limit_mb` sees the whole process
//! (its own corpus, the sanitizer's shadow) and only past 2 GB; this sees the reading.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use libfuzzer_sys::fuzz_target;

/// The most heap one reading may hold at once.
const BOUND: usize = 512 << 20;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting live bytes and their highest level.
struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as the new block held beside the old one, as it is while copying.
        grow(new_size);
        let p = System.realloc(ptr, layout, new_size);
        LIVE.fetch_sub(
            if p.is_null() { new_size } else { layout.size() },
            Ordering::Relaxed,
        );
        p
    }
}

fn grow(size: usize) {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let _ = contestel::core::reader::read(data, "fuzz.pdf");
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    assert!(peak < BOUND, "the reading held {} MiB at once", peak >> 20);
});
