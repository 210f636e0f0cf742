//! Reads every file of a folder and prints how each ends, with the panic's location when
//! one panics: `cargo run --example triage -- fuzz/artifacts/read` (`TRIAGE_BACKTRACE=1`
//! adds the backtrace). For sorting the crashes a fuzzing run left: each line says whether
//! the file now reads, gives a typed error, or still panics, and where.

use contestel::core::reader::read_measured;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example triage -- DIR");
        std::process::exit(2);
    };
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "  panic at {at}: {}",
            msg.chars().take(100).collect::<String>()
        );
        if std::env::var_os("TRIAGE_BACKTRACE").is_some() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).unwrap_or_default();
        eprintln!("{}", path.display());
        let (got, work) = read_measured(&bytes, "triage");
        eprintln!(
            "  -> {:?} after {work:?}",
            got.map(|r| r.pages.len()).map_err(|e| e.kind)
        );
    }
}
