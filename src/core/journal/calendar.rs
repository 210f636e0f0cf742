//! A case's deadlines as an iCalendar file (RFC 5545), for the person's own calendar.
//!
//! One all-day event per dated deadline from today on, named after the case and saying what
//! to do, with an alarm three days before. The text is the calendar's own: CRLF line ends,
//! TEXT values escaped (`\\`, `;`, `,`, line breaks of any kind) and stripped of every
//! control character, lines folded at 75 octets without splitting a UTF-8 character or an
//! escape sequence. UIDs are stable (case, kind, date, lines), so importing the file again
//! updates the events instead of doubling them. Pure: `today` is given, and it stamps the
//! events (DTSTAMP) at midnight UTC.

use chrono::NaiveDate;

use super::case::Case;
use super::deadlines::{deadlines, DeadlineState};
use crate::core::i18n::Lang;

/// How many days before a deadline the calendar reminds.
pub const ALARM_DAYS: u32 = 3;

/// Escapes a TEXT value (RFC 5545 §3.3.11), the one way any text reaches the file.
///
/// Beyond `\\`, `;` and `,`, no control character gets through: RFC 5545 forbids the C0
/// ones and DEL, and a reader that splits lines on Unicode's breaks (VT, FF, NEL, U+2028,
/// U+2029) would read what follows one as a property of its own — an `END:VEVENT` or an
/// `ATTENDEE` typed in a case title or printed in a bill's line. A line break of any kind
/// (CRLF counting as one) is the escaped newline a multi-line note expects, a tab a
/// space, and every other control (C0, DEL, C1) goes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

/// A property whose value is TEXT, escaped.
fn text(name: &str, value: &str) -> String {
    format!("{name}:{}", escape(value))
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a character nor inside
/// an escape sequence: a reader that unescapes before it unfolds would otherwise read a
/// lone backslash at a line's end. Every backslash in a content line opens an escape, since
/// all text goes through `escape` and the other values are dates and names.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 60 * 3);
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let escaped = if c == '\\' { chars.next() } else { None };
        let len = c.len_utf8() + escaped.map_or(0, char::len_utf8);
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        out.extend(escaped);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The calendar of one case's deadlines from `today` on, in the interface's language.
pub fn case_calendar(case: &Case, today: NaiveDate, lang: Lang) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        text("PRODID", "-//Contestel//Journal des litiges//FR"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        text("X-WR-CALNAME", &format!("Contestel — {}", case.title)),
    ];
    for deadline in deadlines(case, today) {
        if matches!(deadline.state, DeadlineState::Past(_)) {
            continue;
        }
        let kind = deadline.kind.id();
        let lines_key = deadline
            .lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("-");
        let uid = format!(
            "contestel-case-{}-{}-{}{}{}@contestel",
            case.id,
            kind.replace('_', "-"),
            date(deadline.date),
            if lines_key.is_empty() { "" } else { "-lines-" },
            lines_key
        );
        let summary = format!("{} — {}", case.title, deadline.describe(lang));
        let description = format!(
            "{}\n{}\n{}",
            deadline.describe(lang),
            deadline.kind.todo(lang),
            lang.pick(
                "Contestel vous informe ; il ne donne pas de conseil juridique.",
                "Contestel informs you; it does not give legal advice."
            )
        );
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            text("UID", &uid),
            format!("DTSTAMP:{}T000000Z", date(today)),
            format!("DTSTART;VALUE=DATE:{}", date(deadline.date)),
            format!(
                "DTEND;VALUE=DATE:{}",
                date(deadline.date.succ_opt().unwrap_or(deadline.date))
            ),
            text("SUMMARY", &summary),
            text("DESCRIPTION", &description),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("TRIGGER:-P{ALARM_DAYS}D"),
            text("DESCRIPTION", &summary),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// The file name for a case's calendar.
pub fn file_name(case: &Case) -> String {
    format!("contestel-dossier-{}.ics", case.id)
}

#[cfg(test)]
mod tests {
    use super::super::case::{Answer, Channel, Event};
    use super::super::deadlines::DeadlineKind;
    use super::super::ladder::Stage;
    use super::super::tests::{case_with, day, event};
    use super::*;
    use std::collections::BTreeMap;

    /// A property: name, parameters (each value list joined by commas), value (unescaped
    /// when the property's value type is TEXT).
    type Prop = (String, Vec<(String, String)>, String);

    #[derive(Debug, Default)]
    struct Component {
        name: String,
        props: Vec<Prop>,
        children: Vec<Component>,
    }

    impl Component {
        fn get(&self, name: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|p| p.0 == name)
                .map(|p| p.2.as_str())
        }

        fn param(&self, name: &str, param: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|p| p.0 == name)
                .and_then(|p| p.1.iter().find(|q| q.0 == param))
                .map(|q| q.1.as_str())
        }
    }

    /// RFC 5545's CONTROL (§3.1): `%x00-08 / %x0A-1F / %x7F`, every C0 control but HTAB.
    fn rfc_control(c: char) -> bool {
        matches!(c, '\u{00}'..='\u{08}' | '\u{0A}'..='\u{1F}' | '\u{7F}')
    }

    /// The properties whose value type is TEXT (§3.3.11), among those the file may hold.
    const TEXT_PROPERTIES: [&str; 5] = ["PRODID", "X-WR-CALNAME", "UID", "SUMMARY", "DESCRIPTION"];

    /// What each component may hold, each property exactly once, and which components it
    /// nests: anything else (an ATTENDEE, a second SUMMARY, an END out of place) is a
    /// property or a component the file did not mean to write.
    fn allowed(component: &str) -> (&'static [&'static str], &'static [&'static str]) {
        match component {
            "" => (&[], &["VCALENDAR"]),
            "VCALENDAR" => (
                &["VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"],
                &["VEVENT"],
            ),
            "VEVENT" => (
                &[
                    "UID",
                    "DTSTAMP",
                    "DTSTART",
                    "DTEND",
                    "SUMMARY",
                    "DESCRIPTION",
                    "TRANSP",
                ],
                &["VALARM"],
            ),
            "VALARM" => (&["ACTION", "TRIGGER", "DESCRIPTION"], &[]),
            other => panic!("unexpected component {other:?}"),
        }
    }

    /// A TEXT value unescaped (§3.3.11): `\\`, `\;`, `\,`, `\n` or `\N`, and no `;`, `,`
    /// or `\` on its own.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other @ ('\\' | ';' | ',')) => out.push(other),
                    other => panic!("bad escape \\{other:?} in {value:?}"),
                }
            } else {
                assert!(c != ';' && c != ',', "unescaped {c:?} in TEXT {value:?}");
                out.push(c);
            }
        }
        out
    }

    /// `name *(";" param) ":" value` (§3.1), every character allowed where it stands.
    fn content_line(line: &str) -> Prop {
        if let Some(c) = line.chars().find(|&c| rfc_control(c)) {
            panic!("control {c:?} in {line:?}");
        }
        let name_end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or_else(|| panic!("no colon: {line:?}"));
        let name = &line[..name_end];
        assert!(!name.is_empty(), "a name: {line:?}");
        let mut rest = &line[name_end..];
        let mut params = Vec::new();
        while let Some(after) = rest.strip_prefix(';') {
            let (param, mut values) = after
                .split_once('=')
                .unwrap_or_else(|| panic!("param=value: {line:?}"));
            assert!(
                !param.is_empty() && param.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "param name {param:?} in {line:?}"
            );
            let mut list = Vec::new();
            loop {
                // quoted-string = DQUOTE *QSAFE-CHAR DQUOTE; paramtext = *SAFE-CHAR.
                let (value, tail) = match values.strip_prefix('"') {
                    Some(quoted) => {
                        let end = quoted
                            .find('"')
                            .unwrap_or_else(|| panic!("closing quote: {line:?}"));
                        (&quoted[..end], &quoted[end + 1..])
                    }
                    None => {
                        let end = values
                            .find([';', ':', ',', '"'])
                            .unwrap_or_else(|| panic!("no colon: {line:?}"));
                        values.split_at(end)
                    }
                };
                list.push(value);
                match tail.strip_prefix(',') {
                    Some(more) => values = more,
                    None => {
                        rest = tail;
                        break;
                    }
                }
            }
            params.push((param.to_string(), list.join(",")));
        }
        let value = rest
            .strip_prefix(':')
            .unwrap_or_else(|| panic!("no colon after the name and parameters: {line:?}"));
        let value = if TEXT_PROPERTIES.contains(&name) {
            unescape(value)
        } else {
            value.to_string()
        };
        (name.to_string(), params, value)
    }

    /// A strict reader of what `case_calendar` writes (RFC 5545): CRLF line ends and no
    /// CR or LF elsewhere, physical lines of at most 75 octets, no fold inside an escape
    /// sequence, lines unfolded (§3.1: a CRLF followed by one space or tab goes), each
    /// content line parsed by the grammar, TEXT values unescaped, BEGIN and END balanced,
    /// and each component holding only what it may, once.
    fn parse(text: &str) -> Component {
        let body = text
            .strip_suffix("\r\n")
            .unwrap_or_else(|| panic!("ends with CRLF: {text:?}"));
        let mut logical: Vec<String> = Vec::new();
        for line in body.split("\r\n") {
            assert!(!line.contains(['\r', '\n']), "bare CR or LF: {line:?}");
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            let backslashes = line.chars().rev().take_while(|&c| c == '\\').count();
            assert!(backslashes % 2 == 0, "a fold splits an escape: {line:?}");
            match line.strip_prefix([' ', '\t']) {
                Some(rest) => logical
                    .last_mut()
                    .expect("a fold continues a line")
                    .push_str(rest),
                None => logical.push(line.to_string()),
            }
        }
        let mut stack: Vec<Component> = vec![Component::default()];
        for line in logical {
            let (name, params, value) = content_line(&line);
            match name.as_str() {
                "BEGIN" => {
                    assert!(params.is_empty(), "{line:?}");
                    let (_, children) = allowed(&stack.last().unwrap().name);
                    assert!(children.contains(&value.as_str()), "{value} out of place");
                    stack.push(Component {
                        name: value,
                        ..Default::default()
                    })
                }
                "END" => {
                    let done = stack.pop().unwrap();
                    assert_eq!(done.name, value, "END matches BEGIN");
                    stack.last_mut().expect("nested").children.push(done);
                }
                _ => {
                    let component = stack.last_mut().unwrap();
                    let (props, _) = allowed(&component.name);
                    assert!(
                        props.contains(&name.as_str()),
                        "{name} in {}",
                        component.name
                    );
                    assert!(component.get(&name).is_none(), "a second {name}");
                    component.props.push((name, params, value));
                }
            }
        }
        let mut root = stack.pop().unwrap();
        assert!(stack.is_empty(), "every component closed");
        assert_eq!(root.children.len(), 1, "one calendar");
        root.children.remove(0)
    }

    fn sample() -> Case {
        let mut letter: Event = event(
            "2026-11-20",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        letter.answer_by = Some(day("2026-12-20"));
        let mut case = case_with(vec![letter]);
        case.title = "Option Sécurité; appels, « spéciaux » \\ Orange".into();
        case.direct_debit = true;
        case
    }

    #[test]
    fn the_calendar_parses_back_as_valid_icalendar_with_one_event_per_deadline() {
        let case = sample();
        let today = day("2026-11-30");
        let text = case_calendar(&case, today, Lang::Fr);
        let calendar = parse(&text);
        assert_eq!(calendar.name, "VCALENDAR");
        assert_eq!(calendar.get("VERSION"), Some("2.0"));
        assert!(calendar.get("PRODID").is_some());
        let expected: Vec<_> = deadlines(&case, today)
            .into_iter()
            .filter(|d| !matches!(d.state, DeadlineState::Past(_)))
            .collect();
        assert!(expected.len() >= 5, "{expected:?}");
        assert_eq!(calendar.children.len(), expected.len());
        let mut uids = BTreeMap::new();
        for (event, deadline) in calendar.children.iter().zip(&expected) {
            assert_eq!(event.name, "VEVENT");
            for required in [
                "UID",
                "DTSTAMP",
                "DTSTART",
                "DTEND",
                "SUMMARY",
                "DESCRIPTION",
            ] {
                assert!(event.get(required).is_some(), "{required} in {event:?}");
            }
            assert!(
                uids.insert(event.get("UID").unwrap().to_string(), ())
                    .is_none(),
                "unique UID"
            );
            assert_eq!(event.get("DTSTAMP"), Some("20261130T000000Z"));
            assert_eq!(event.param("DTSTART", "VALUE"), Some("DATE"));
            let start = NaiveDate::parse_from_str(event.get("DTSTART").unwrap(), "%Y%m%d").unwrap();
            let end = NaiveDate::parse_from_str(event.get("DTEND").unwrap(), "%Y%m%d").unwrap();
            assert_eq!(start, deadline.date);
            assert_eq!(end, start.succ_opt().unwrap(), "an all-day event");
            let summary = event.get("SUMMARY").unwrap();
            assert!(
                summary.starts_with(&case.title),
                "the title, unescaped: {summary}"
            );
            assert!(summary.contains(&deadline.describe(Lang::Fr)));
            assert!(event
                .get("DESCRIPTION")
                .unwrap()
                .contains(deadline.kind.todo(Lang::Fr)));
            let alarm = &event.children[0];
            assert_eq!(alarm.name, "VALARM");
            assert_eq!(alarm.get("ACTION"), Some("DISPLAY"));
            assert_eq!(alarm.get("TRIGGER"), Some("-P3D"));
            assert!(alarm.get("DESCRIPTION").is_some());
        }
        let kinds: Vec<DeadlineKind> = expected.iter().map(|d| d.kind).collect();
        for kind in [
            DeadlineKind::AnswerDue,
            DeadlineKind::MediatorOpens,
            DeadlineKind::RefundWindowCloses,
            DeadlineKind::SepaAuthorisedCloses,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
        }
    }

    #[test]
    fn past_deadlines_stay_out_and_the_uids_are_stable() {
        let case = sample();
        let before = parse(&case_calendar(&case, day("2026-11-30"), Lang::En));
        let after = parse(&case_calendar(&case, day("2026-12-21"), Lang::En));
        assert!(
            after.children.len() < before.children.len(),
            "the answer due on 20 December is gone"
        );
        let uids = |c: &Component| {
            c.children
                .iter()
                .map(|e| e.get("UID").unwrap().to_string())
                .collect::<Vec<_>>()
        };
        for uid in uids(&after) {
            assert!(
                uids(&before).contains(&uid),
                "{uid} kept from one export to the next"
            );
        }
        assert!(before.children[0]
            .get("SUMMARY")
            .unwrap()
            .contains("Answer due by"));
    }

    #[test]
    fn long_and_accented_lines_fold_on_character_boundaries() {
        let mut case = sample();
        case.title = "é".repeat(120);
        let text = case_calendar(&case, day("2026-11-30"), Lang::Fr);
        // Each physical line is valid UTF-8 on its own (no character split) and ≤ 75 octets.
        for line in text.split("\r\n") {
            assert!(line.len() <= 75);
        }
        let calendar = parse(&text);
        assert!(calendar.children[0]
            .get("SUMMARY")
            .unwrap()
            .starts_with(&"é".repeat(120)));
        assert_eq!(file_name(&case), "contestel-dossier-1.ics");
    }

    #[test]
    fn a_closed_case_gives_an_empty_but_valid_calendar() {
        let mut case = sample();
        case.status = super::super::case::CaseStatus::Won;
        let calendar = parse(&case_calendar(&case, day("2026-11-30"), Lang::Fr));
        assert!(calendar.children.is_empty());
    }

    /// A control character (C0, DEL, C1) or a Unicode line break (UAX #14's mandatory
    /// breaks: LF, CR, VT, FF, NEL, LS, PS).
    fn control_or_break(c: char) -> bool {
        matches!(c, '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}')
    }

    /// Every control character and every Unicode line break.
    fn controls_and_breaks() -> Vec<char> {
        ('\u{00}'..='\u{2029}')
            .filter(|&c| control_or_break(c))
            .collect()
    }

    /// What a person's text should read as in the calendar, said independently of the
    /// code under test: every line break one newline (CRLF counting as one), a tab a
    /// space, every other control gone.
    fn cleaned(text: &str) -> String {
        text.replace("\r\n", "\n")
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    Some('\n')
                }
                '\t' => Some(' '),
                '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => None,
                c => Some(c),
            })
            .collect()
    }

    /// The file holds no control character nor Unicode line break but the CRLF that end
    /// its lines.
    fn assert_no_control(text: &str) {
        let bare = text.replace("\r\n", "");
        if let Some(c) = bare.chars().find(|&c| control_or_break(c)) {
            panic!("{c:?} in the file: {text:?}");
        }
    }

    /// The calendar of a case titled `title` parses strictly, holds no control character,
    /// has exactly one event per deadline to come, and gives the title back cleaned.
    fn check_title(case: &Case, lang: Lang) {
        let today = day("2026-11-30");
        let text = case_calendar(case, today, lang);
        assert_no_control(&text);
        let calendar = parse(&text);
        let title = cleaned(&case.title);
        assert_eq!(
            calendar.get("X-WR-CALNAME"),
            Some(format!("Contestel — {title}").as_str()),
            "{:?}",
            case.title
        );
        let expected: Vec<_> = deadlines(case, today)
            .into_iter()
            .filter(|d| !matches!(d.state, DeadlineState::Past(_)))
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(calendar.children.len(), expected.len(), "{text}");
        for (event, deadline) in calendar.children.iter().zip(&expected) {
            assert_eq!(event.name, "VEVENT");
            assert_eq!(event.props.len(), 7, "{event:?}");
            let summary = format!("{title} — {}", deadline.describe(lang));
            assert_eq!(event.get("SUMMARY"), Some(summary.as_str()));
            assert_eq!(event.children.len(), 1);
            assert_eq!(event.children[0].get("DESCRIPTION"), Some(summary.as_str()));
            let description = event.get("DESCRIPTION").unwrap();
            assert!(description.starts_with(&format!(
                "{}\n{}\n",
                deadline.describe(lang),
                deadline.kind.todo(lang)
            )));
        }
    }

    /// What a reader that splits on every Unicode line break sees: no line of the file
    /// is a property the file did not write.
    fn assert_no_injected_line(text: &str, events: usize) {
        let lines: Vec<&str> = text
            .split(control_or_break)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines.iter().filter(|l| **l == "END:VEVENT").count(), events);
        assert!(
            !lines.iter().any(|l| l.starts_with("ATTENDEE")),
            "{lines:?}"
        );
    }

    const INJECTION: &str = "x\u{2028}END:VEVENT\u{2028}ATTENDEE:mailto:a@b";

    #[test]
    fn every_control_and_line_break_in_a_title_is_cleaned_wherever_it_falls() {
        let mut case = sample();
        for c in controls_and_breaks() {
            for title in [
                format!("{c}"),
                format!("a{c}b"),
                format!("a\r{c}b{c}\n"),
                format!("\\{c};{c},"),
                format!("{c}{c}{c}{c}"),
            ] {
                case.title = title;
                check_title(&case, Lang::En);
            }
            // Shifted one octet at a time across the fold at 75 octets: the title starts
            // 27 octets into X-WR-CALNAME's line, 12 into the alarm's DESCRIPTION, 8 into
            // SUMMARY.
            for pad in (44..=50).chain(59..=69) {
                for title in [format!("a{c}b"), format!("\\{c};{c},")] {
                    case.title = format!("{}{title}", "x".repeat(pad));
                    check_title(&case, Lang::Fr);
                }
            }
        }
    }

    /// A small deterministic generator (xorshift64*): the crate has no property-testing
    /// dependency, and a fixed seed makes a failure reproducible.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        /// A character drawn mostly from what breaks calendars: controls and line
        /// breaks, the characters TEXT escapes, the ones that delimit a content line,
        /// multi-octet characters, then any Unicode scalar value.
        fn char(&mut self) -> char {
            const SPECIAL: &[char] = &[
                '\\',
                ';',
                ',',
                ':',
                '"',
                '=',
                ' ',
                'n',
                'N',
                'é',
                '€',
                '—',
                '\u{A0}',
                '\u{FEFF}',
                '\u{200D}',
                '😀',
                '\u{10FFFF}',
            ];
            match self.below(4) {
                0 => {
                    let all = controls_and_breaks();
                    all[self.below(all.len())]
                }
                1 => SPECIAL[self.below(SPECIAL.len())],
                2 => (b' ' + self.below(95) as u8) as char,
                _ => loop {
                    if let Some(c) = char::from_u32(self.below(0x11_0000) as u32) {
                        break c;
                    }
                },
            }
        }
    }

    #[test]
    fn arbitrary_titles_give_a_strict_calendar_that_reads_them_back_cleaned() {
        let mut rng = Rng(0x0C0F_FEE5_EED5_1CA1);
        let mut case = sample();
        for round in 0..300 {
            let len = rng.below(200);
            case.title = (0..len).map(|_| rng.char()).collect();
            let lang = if round % 2 == 0 { Lang::Fr } else { Lang::En };
            check_title(&case, lang);
        }
    }

    #[test]
    fn an_injection_in_a_case_title_stays_inside_its_summary() {
        let mut case = sample();
        case.title = INJECTION.into();
        check_title(&case, Lang::Fr);
        let text = case_calendar(&case, day("2026-11-30"), Lang::Fr);
        let events = parse(&text).children.len();
        assert_no_injected_line(&text, events);
    }

    #[test]
    fn an_injection_in_a_ticked_line_label_stays_inside_its_summary() {
        use crate::core::bill::Category;
        use crate::core::journal::Journal;
        use crate::core::rules::testing;

        let mut bill = testing::bill(vec![testing::line(INJECTION, "3.00", Category::Option)]);
        bill.invoice_number = Some("F\u{85}ATTENDEE:mailto:c@d".into());
        let mut journal = Journal::default();
        let (id, action) = journal
            .contest(&bill, &[0], None, day("2026-11-30"), Lang::Fr)
            .expect("a line to dispute");
        journal.apply(action).unwrap();
        let case = journal.case(id).unwrap();
        assert!(case.title.contains(INJECTION), "titled after the line");
        check_title(case, Lang::Fr);
        let text = case_calendar(case, day("2026-11-30"), Lang::Fr);
        let events = parse(&text).children.len();
        assert!(events > 0);
        assert_no_injected_line(&text, events);
    }
}
