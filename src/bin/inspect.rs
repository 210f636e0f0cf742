//! `inspect`: read bills from the command line and print one JSON report.
//!
//! ```text
//! cargo run --release --bin inspect -- [--plan PLAN.json]... [--bank STATEMENT] [--lang fr|en] [--today YYYY-MM-DD] FILE...
//! cargo run --release --bin inspect -- advise CASE.json [--today YYYY-MM-DD] [--lang fr|en]
//! ```
//!
//! `advise` reads one case in the journal's own JSON and prints what the journal would
//! advise on that day: `{"next": {"step", ..., "text"}, "stage", "warnings": [...],
//! "deadlines": [{"kind", "date"}], "letters": [...]}`; exit 2 naming the field on a case
//! file it cannot read.
//!
//! The report is `{"bills": [...], "findings": [], "errors": [{"source", "error"}]}` on
//! stdout; exit status 0 when every file was read, 1 when some were not, 2 for bad usage.
//! With `--bank STATEMENT` (CSV or OFX), the report adds `"debits": [...]`, the statement's
//! telecom debits each with what matching made of it, the matching's findings after the
//! bills' in `"findings"` (`"rule": "double_debit"`…, with `"debits"`), and
//! `"debits_at_stake"`; the statement's other operations are read and dropped.
//! PDF crates can panic (and the release profile aborts) or loop on hostile files, so each
//! file is read in a child process — this same binary, re-invoked with a hidden flag —
//! under a time limit: a file that crashes or hangs the reader becomes an error in the
//! report, and the other files are still read. Native only; on wasm32 `main` is empty so
//! that `--all-targets` builds there too.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{Read, Write};
    use std::path::Path;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use chrono::NaiveDate;
    use contestel::core::bank::{self, matching::DebitMatch, telecom::Debit};
    use contestel::core::bill::Bill;
    use contestel::core::error::{ReadError, ReadErrorKind};
    use contestel::core::i18n::Lang;
    use contestel::core::journal::case::Case;
    use contestel::core::plan::Plan;
    use contestel::core::reader::{read_with_notes, MAX_FILE_BYTES};
    use contestel::core::rules;
    use rust_decimal::Decimal;
    use serde::{Deserialize, Serialize};

    /// The hidden flag that makes this binary read one file and print the outcome.
    const CHILD_FLAG: &str = "--read-one-file";

    /// How long one file may take to read.
    const TIME_LIMIT: Duration = Duration::from_secs(10);

    const USAGE: &str = "\
usage: inspect [--plan PLAN.json]... [--bank STATEMENT] [--lang fr|en] [--today YYYY-MM-DD] FILE...

Reads French telecom PDF bills and prints one JSON report on stdout:
  {\"bills\": [...], \"findings\": [...], \"errors\": [{\"source\": ..., \"error\": ...}]}
Each bill is checked against the plan naming its line (give --plan once per line or box);
bills of the same line are compared with each other (increases, repeated periods).
--bank reads a bank statement (CSV or OFX) and matches its telecom debits to the bills:
  \"debits\": [...] and the mismatches join \"findings\".
Exit status: 0 when every file was read, 1 when some were not, 2 for bad usage.

       inspect advise CASE.json [--today YYYY-MM-DD] [--lang fr|en]
prints the dispute journal's advice for one case (see `inspect advise --help`).";

    /// A bill as the report prints it: the bill, and how its reading was chosen.
    #[derive(Serialize, Deserialize)]
    struct ReadBill {
        #[serde(flatten)]
        bill: Bill,
        reading: ReadingNotes,
    }

    /// Whether the charges add up to the amount due, and the reader's notes on why this
    /// reading was kept: the diagnostics of a reading.
    #[derive(Serialize, Deserialize)]
    struct ReadingNotes {
        reconciled: bool,
        notes: Vec<String>,
    }

    /// What the child sends back on its stdout.
    #[derive(Serialize, Deserialize)]
    enum Outcome {
        #[serde(rename = "bill")]
        Bill(Box<ReadBill>),
        #[serde(rename = "error")]
        Error(ReadError),
    }

    #[derive(Serialize)]
    struct FileError {
        source: String,
        error: String,
    }

    #[derive(Serialize)]
    struct Report {
        bills: Vec<ReadBill>,
        findings: Vec<serde_json::Value>,
        /// What the findings put at stake, without counting a charge twice.
        total_at_stake: Decimal,
        errors: Vec<FileError>,
        #[serde(skip_serializing_if = "Option::is_none")]
        debits: Option<Vec<ReportDebit>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        debits_at_stake: Option<Decimal>,
    }

    /// A telecom debit of the statement, and what matching made of it.
    #[derive(Serialize)]
    struct ReportDebit {
        #[serde(flatten)]
        debit: Debit,
        #[serde(flatten)]
        matched: DebitMatch,
    }

    struct Options {
        lang: Lang,
        plans: Vec<Plan>,
        bank: Option<String>,
        today: NaiveDate,
        files: Vec<String>,
    }

    const ADVISE_USAGE: &str = "\
usage: inspect advise CASE.json [--today YYYY-MM-DD] [--lang fr|en]

Reads one case in the journal's own JSON and prints the advice for that day on stdout:
  {\"next\": {\"step\": ..., \"text\": ...}, \"stage\": ..., \"warnings\": [...],
   \"deadlines\": [{\"kind\": ..., \"date\": ...}], \"letters\": [...]}
Exit status: 0, or 2 for bad usage or a case file that cannot be read (the field is named).";

    /// `inspect advise`: the advice for one case; returns the exit status.
    fn advise(args: &[String]) -> i32 {
        let mut lang = Lang::Fr;
        let mut today = None;
        let mut file = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let parsed: Result<(), String> = match arg.as_str() {
                "-h" | "--help" => {
                    println!("{ADVISE_USAGE}");
                    return 0;
                }
                "--today" => match it.next().map(|d| (d, d.parse::<NaiveDate>())) {
                    Some((_, Ok(day))) => {
                        today = Some(day);
                        Ok(())
                    }
                    Some((d, Err(_))) => Err(format!("--today takes a date YYYY-MM-DD, not {d}")),
                    None => Err("--today needs a date YYYY-MM-DD".into()),
                },
                "--lang" => match it.next().map(String::as_str) {
                    Some("fr") => {
                        lang = Lang::Fr;
                        Ok(())
                    }
                    Some("en") => {
                        lang = Lang::En;
                        Ok(())
                    }
                    _ => Err("--lang takes fr or en".into()),
                },
                a if a.starts_with('-') && a.len() > 1 => Err(format!("unknown option {a}")),
                a if file.is_none() => {
                    file = Some(a.to_string());
                    Ok(())
                }
                a => Err(format!("one case file only, not also {a}")),
            };
            if let Err(message) = parsed {
                eprintln!("inspect advise: {message}\n\n{ADVISE_USAGE}");
                return 2;
            }
        }
        let Some(file) = file else {
            eprintln!("inspect advise: no case file\n\n{ADVISE_USAGE}");
            return 2;
        };
        let case = match read_case(&file) {
            Ok(case) => case,
            Err(message) => {
                eprintln!("inspect advise: {file}: {message}");
                return 2;
            }
        };
        let today = today.unwrap_or_else(system_today);
        let report = contestel::core::journal::advice::report(&case, today, lang);
        let json = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
        let mut out = std::io::stdout().lock();
        if writeln!(out, "{json}").is_err() {
            return 1;
        }
        0
    }

    /// Reads a case file, naming the field that does not fit (`events[1].date: …`).
    fn read_case(path: &str) -> Result<Case, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
        let mut de = serde_json::Deserializer::from_str(&text);
        let case: Case = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let field = e.path().to_string();
            let inner = e.into_inner();
            if field == "." || field.is_empty() {
                format!("not a case: {inner}")
            } else {
                format!("field `{field}`: {inner}")
            }
        })?;
        de.end().map_err(|e| format!("not a case: {e}"))?;
        // A misspelt field would otherwise be dropped silently and the advice given without
        // it: every field of the file must be one the case has.
        let input: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("not a case: {e}"))?;
        let known = serde_json::to_value(&case).map_err(|e| e.to_string())?;
        if let Some(field) = unknown_field(&input, &known, "") {
            return Err(format!("field `{field}`: not a field of a case"));
        }
        Ok(case)
    }

    /// The first key of `input` that `known` (the same value read and written back) lacks.
    fn unknown_field(
        input: &serde_json::Value,
        known: &serde_json::Value,
        at: &str,
    ) -> Option<String> {
        use serde_json::Value;
        match (input, known) {
            (Value::Object(i), Value::Object(k)) => i.iter().find_map(|(key, value)| {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                match k.get(key) {
                    None => Some(path),
                    Some(known) => unknown_field(value, known, &path),
                }
            }),
            (Value::Array(i), Value::Array(k)) => i
                .iter()
                .zip(k)
                .enumerate()
                .find_map(|(n, (i, k))| unknown_field(i, k, &format!("{at}[{n}]"))),
            _ => None,
        }
    }

    /// Runs the command; returns the exit status.
    pub fn main() -> i32 {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args.first().map(String::as_str) == Some("advise") {
            return advise(&args[1..]);
        }
        if args.first().map(String::as_str) == Some(CHILD_FLAG) {
            return match args.get(1) {
                Some(path) => child(path),
                None => 2,
            };
        }
        let options = match parse_args(&args) {
            Ok(Some(o)) => o,
            Ok(None) => {
                println!("{USAGE}");
                return 0;
            }
            Err(message) => {
                eprintln!("inspect: {message}\n\n{USAGE}");
                return 2;
            }
        };
        let mut report = Report {
            bills: Vec::new(),
            findings: Vec::new(),
            total_at_stake: Decimal::ZERO,
            errors: Vec::new(),
            debits: None,
            debits_at_stake: None,
        };
        for file in &options.files {
            let source = source_name(file);
            match std::fs::metadata(file) {
                Err(e) => {
                    let what = options
                        .lang
                        .pick("Impossible d'ouvrir ce fichier", "Cannot open this file");
                    report.errors.push(FileError {
                        source,
                        error: format!("{what} ({e})."),
                    });
                    continue;
                }
                Ok(m) if m.is_dir() => {
                    let what = options.lang.pick(
                        "Ceci est un dossier, pas un fichier.",
                        "This is a folder, not a file.",
                    );
                    report.errors.push(FileError {
                        source,
                        error: what.to_string(),
                    });
                    continue;
                }
                Ok(_) => {}
            }
            match read_in_child(file) {
                Ok(bill) => report.bills.push(bill),
                Err(error) => report.errors.push(FileError {
                    source,
                    error: error.message(options.lang),
                }),
            }
        }
        // Each bill is checked against the plan of its line (`--plan` once per line).
        let bills: Vec<Bill> = report.bills.iter().map(|b| b.bill.clone()).collect();
        let checked = rules::check_lines(&bills, &options.plans, options.today);
        report.findings = checked
            .report_findings(options.lang)
            .iter()
            .filter_map(|f| serde_json::to_value(f).ok())
            .collect();
        report.total_at_stake = checked.total_at_stake;
        if let Some(path) = &options.bank {
            match read_statement_file(path, options.lang) {
                Ok(statement) => {
                    let debits = bank::telecom::keep(&statement.operations, &[]);
                    let covered: Vec<_> = statement.period().into_iter().collect();
                    let matching = bank::matching::match_debits(
                        &bills,
                        &options.plans,
                        &debits,
                        &covered,
                        &[],
                    );
                    report.findings.extend(
                        matching
                            .findings
                            .iter()
                            .filter_map(|f| serde_json::to_value(f.to_report(options.lang)).ok()),
                    );
                    report.debits_at_stake = Some(
                        matching
                            .findings
                            .iter()
                            .filter(|f| f.severity != contestel::core::finding::Severity::Info)
                            .map(|f| f.amount)
                            .fold(
                                rust_decimal::Decimal::ZERO,
                                contestel::core::money::Amount::plus,
                            ),
                    );
                    report.debits = Some(
                        debits
                            .into_iter()
                            .zip(matching.debits)
                            .map(|(debit, matched)| ReportDebit { debit, matched })
                            .collect(),
                    );
                }
                Err(error) => report.errors.push(FileError {
                    source: source_name(path),
                    error,
                }),
            }
        }
        let json = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
        let mut out = std::io::stdout().lock();
        if writeln!(out, "{json}").is_err() {
            return 1;
        }
        if report.errors.is_empty() {
            0
        } else {
            1
        }
    }

    /// The options, `None` for `--help`, or what is wrong with the command line.
    fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
        let mut lang = Lang::Fr;
        let mut plan_files = Vec::new();
        let mut today = None;
        let mut files = Vec::new();
        let mut bank = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "-h" | "--help" => return Ok(None),
                "--plan" => plan_files.push(it.next().ok_or("--plan needs a file")?.clone()),
                "--bank" => {
                    if bank.is_some() {
                        return Err("one --bank statement at a time".into());
                    }
                    bank = Some(it.next().ok_or("--bank needs a statement file")?.clone());
                }
                "--today" => {
                    let day = it.next().ok_or("--today needs a date YYYY-MM-DD")?;
                    today = Some(
                        day.parse::<NaiveDate>()
                            .map_err(|_| format!("--today takes a date YYYY-MM-DD, not {day}"))?,
                    );
                }
                "--lang" => {
                    lang = match it.next().map(String::as_str) {
                        Some("fr") => Lang::Fr,
                        Some("en") => Lang::En,
                        _ => return Err("--lang takes fr or en".into()),
                    }
                }
                "--" => files.extend(it.by_ref().cloned()),
                a if a.starts_with("--plan=") => plan_files.push(a["--plan=".len()..].to_string()),
                a if a.starts_with('-') && a.len() > 1 => {
                    return Err(format!("unknown option {a}"))
                }
                a => files.push(a.to_string()),
            }
        }
        if files.is_empty() {
            return Err("no bill to read".into());
        }
        let mut plans = Vec::new();
        for path in plan_files {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read the plan {path}: {e}"))?;
            plans.push(Plan::from_json(&text).map_err(|e| format!("{path}: {}", e.message(lang)))?);
        }
        let today = match today {
            Some(day) => day,
            None => system_today(),
        };
        Ok(Some(Options {
            lang,
            plans,
            bank,
            today,
            files,
        }))
    }

    /// Reads a statement file, its size checked before a byte is read. Statements are
    /// read in this process: their parsing is bounded pure Rust, with no PDF crate.
    fn read_statement_file(path: &str, lang: Lang) -> Result<bank::Statement, String> {
        let cannot = |e: std::io::Error| {
            let what = lang.pick("Impossible d'ouvrir ce fichier", "Cannot open this file");
            format!("{what} ({e}).")
        };
        let size = std::fs::metadata(path).map_err(cannot)?.len();
        if size > bank::MAX_STATEMENT_BYTES {
            let error = bank::StatementError::TooLarge {
                size,
                max: bank::MAX_STATEMENT_BYTES,
            };
            return Err(error.message(lang));
        }
        let bytes = std::fs::read(path).map_err(cannot)?;
        bank::read_statement(&bytes, None).map_err(|e| e.message(lang))
    }

    /// Today (UTC) from the system clock: the deadlines of the refund window depend on it.
    fn system_today() -> NaiveDate {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() / 86_400)
            .unwrap_or(0);
        NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
            .unwrap_or_default()
    }

    /// The name a bill is known by: its file name, as in the browser.
    fn source_name(path: &str) -> String {
        Path::new(path)
            .file_name()
            .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// Test hook, debug builds only: `CONTESTEL_INSPECT_FAULT=hang|crash` makes the child
    /// misbehave like the PDF crates can, so that containment is tested for real.
    #[cfg(debug_assertions)]
    fn injected_fault() {
        match std::env::var("CONTESTEL_INSPECT_FAULT").as_deref() {
            Ok("hang") => loop {
                std::thread::sleep(Duration::from_secs(1));
            },
            Ok("crash") => std::process::abort(),
            _ => {}
        }
    }

    /// The time limit; debug builds let tests shorten it (`CONTESTEL_INSPECT_TIME_LIMIT_MS`).
    fn time_limit() -> Duration {
        #[cfg(debug_assertions)]
        if let Some(ms) = std::env::var("CONTESTEL_INSPECT_TIME_LIMIT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            return Duration::from_millis(ms);
        }
        TIME_LIMIT
    }

    /// Child side: read one file, print the outcome as JSON, exit 0. A panic aborts the
    /// process, which the parent reports as a crash.
    fn child(path: &str) -> i32 {
        #[cfg(debug_assertions)]
        injected_fault();
        let outcome = match read_file(path) {
            Ok(bill) => Outcome::Bill(Box::new(bill)),
            Err(e) => Outcome::Error(e),
        };
        match serde_json::to_string(&outcome) {
            Ok(json) => {
                let mut out = std::io::stdout().lock();
                if out
                    .write_all(json.as_bytes())
                    .and_then(|_| out.flush())
                    .is_ok()
                {
                    0
                } else {
                    1
                }
            }
            Err(_) => 1,
        }
    }

    fn read_file(path: &str) -> Result<ReadBill, ReadError> {
        // The size is checked before a byte is read.
        let size = std::fs::metadata(path)
            .map_err(|_| ReadError::new(ReadErrorKind::Corrupt))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(ReadError::new(ReadErrorKind::TooLarge {
                size,
                max: MAX_FILE_BYTES,
            }));
        }
        let bytes = std::fs::read(path).map_err(|_| ReadError::new(ReadErrorKind::Corrupt))?;
        read_with_notes(&bytes, &source_name(path)).map(|(r, notes)| ReadBill {
            reading: ReadingNotes {
                reconciled: r.bill.reconciles(),
                notes,
            },
            bill: r.bill,
        })
    }

    /// Parent side: run the child on one file, within the time limit.
    fn read_in_child(path: &str) -> Result<ReadBill, ReadError> {
        let exe = std::env::current_exe().map_err(|_| ReadError::new(ReadErrorKind::Crashed))?;
        let mut child = Command::new(exe)
            .arg(CHILD_FLAG)
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| ReadError::new(ReadErrorKind::Crashed))?;
        // Drain stdout on a thread so that a large report never blocks the child.
        let mut stdout = child
            .stdout
            .take()
            .ok_or(ReadError::new(ReadErrorKind::Crashed))?;
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        let started = Instant::now();
        let limit = time_limit();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if started.elapsed() >= limit => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(ReadError::new(ReadErrorKind::Crashed));
                }
            }
        };
        let output = reader.join().unwrap_or_default();
        let Some(status) = status else {
            return Err(ReadError::new(ReadErrorKind::Timeout {
                seconds: limit.as_secs().max(1) as u32,
            }));
        };
        if !status.success() {
            return Err(ReadError::new(ReadErrorKind::Crashed));
        }
        match serde_json::from_slice::<Outcome>(&output) {
            Ok(Outcome::Bill(bill)) => Ok(*bill),
            Ok(Outcome::Error(e)) => Err(e),
            Err(_) => Err(ReadError::new(ReadErrorKind::Crashed)),
        }
    }
}
