//! The small readings a statement needs: its bytes as text (UTF-8, UTF-16 with its mark,
//! or the ISO-8859-1 / Windows-1252 French banks still export), an amount as a bank prints
//! it (`-1 234,56`, `1.234,56`, `+12,50 €`, `-19.99`), a date (`15/01/2026`, `15/01/26`,
//! `2026-01-15`, `15.01.2026`, OFX's `20260115120000[+1:CET]`).
//!
//! Pure and bounded: amounts beyond [`MAX_AMOUNT`] are refused, so no sum made of them can
//! overflow `Decimal`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The largest amount one operation may carry (ten million euros): anything larger is a
/// misreading (an account number read as an amount), refused with its line.
pub const MAX_AMOUNT: i64 = 10_000_000;

/// The text encodings a statement can come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8, with or without its byte-order mark.
    Utf8,
    /// UTF-16 with its byte-order mark.
    Utf16,
    /// ISO-8859-1, read as Windows-1252 (its superset: `€` is 0x80 there).
    Latin1,
}

/// Why bytes are not text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// Control bytes or NULs a text export never holds: a binary file, or UTF-16 without
    /// its mark.
    Binary,
}

/// Windows-1252's letters for 0x80..=0x9F (ISO-8859-1 has control codes there, which no
/// statement holds); `\u{0}` where the code page has none.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{0}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{0}', 'Ž', '\u{0}',
    '\u{0}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{0}', 'ž', 'Ÿ',
];

/// Whether a character has no place in a text export (tabs and line ends do).
fn is_stray_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{0}'
}

/// Decodes a statement's bytes: UTF-16 by its mark, UTF-8 when the bytes are valid UTF-8,
/// else Windows-1252. Text holding NULs or control bytes is refused: a binary file, or an
/// encoding this cannot tell (UTF-16 without its mark).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16)
    } else {
        let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        match std::str::from_utf8(body) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => (
                body.iter()
                    .map(|&b| match b {
                        0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
                        _ => b as char,
                    })
                    .collect(),
                Encoding::Latin1,
            ),
        }
    };
    if text.chars().any(is_stray_control) {
        return Err(NotText::Binary);
    }
    Ok((text, encoding))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| NotText::Binary)
}

/// Parses an amount as banks print it in a cell: an optional sign (`-`, `+`, `−`), digits
/// grouped by spaces, dots or apostrophes, a decimal comma or point with one or two
/// decimals, an optional `€` or `EUR`. Returns `Err(())` for an amount beyond
/// [`MAX_AMOUNT`], `Ok(None)` for a cell that is not an amount.
#[allow(clippy::result_unit_err)]
pub fn parse_amount(cell: &str) -> Result<Option<Decimal>, ()> {
    let mut s: String = cell
        .trim()
        .trim_end_matches("EUR")
        .trim_end_matches("eur")
        .trim_end_matches('€')
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let negative = match s.chars().next() {
        Some('-' | '−') => true,
        Some('+') => false,
        _ => {
            s.insert(0, '+');
            false
        }
    };
    let body: String = s.chars().skip(1).collect();
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Ok(None);
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    // The decimal separator is the last `,` or `.` followed by one or two digits; any
    // other separator groups thousands (by threes).
    let last = body.rfind([',', '.']);
    let (int, frac) = match last {
        Some(i) if (1..=2).contains(&(body.len() - i - 1)) => (&body[..i], &body[i + 1..]),
        _ => (body.as_str(), ""),
    };
    let groups: Vec<&str> = int.split([',', '.']).collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return Ok(None);
    }
    let digits: String = groups.concat();
    if digits.is_empty() || digits.len() > 12 {
        return if digits.len() > 12 { Err(()) } else { Ok(None) };
    }
    let text = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    let value: Decimal = text.parse().map_err(|_| ())?;
    if value > Decimal::from(MAX_AMOUNT) {
        return Err(());
    }
    Ok(Some(if negative { -value } else { value }))
}

/// Parses a date as banks print it: `dd/mm/yyyy`, `dd/mm/yy`, `dd-mm-yyyy`, `dd.mm.yyyy`,
/// `yyyy-mm-dd`, `yyyymmdd` (OFX, with any time and zone after it).
pub fn parse_date(cell: &str) -> Option<NaiveDate> {
    let s = cell.trim();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 8 && (s.len() == digits.len() || !s[8..].starts_with(['/', '-', '.'])) {
        let (y, m, d) = (&digits[..4], &digits[4..6], &digits[6..8]);
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (n(parts[0])? as i32, n(parts[1])?, n(parts[2])?)
    } else {
        let year = match parts[2].len() {
            4 => n(parts[2])? as i32,
            2 => 2000 + n(parts[2])? as i32,
            _ => return None,
        };
        (year, n(parts[1])?, n(parts[0])?)
    };
    if !(1990..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn amounts_as_banks_print_them() {
        let cases: &[(&str, Result<Option<&str>, ()>)] = &[
            ("-19,99", Ok(Some("-19.99"))),
            ("19,99", Ok(Some("19.99"))),
            ("+5,00", Ok(Some("5.00"))),
            ("-1 234,56", Ok(Some("-1234.56"))),
            ("1\u{a0}234,56 €", Ok(Some("1234.56"))),
            ("1.234,56", Ok(Some("1234.56"))),
            ("1,234.56", Ok(Some("1234.56"))),
            ("-19.99", Ok(Some("-19.99"))),
            ("−3,5", Ok(Some("-3.5"))),
            ("12", Ok(Some("12"))),
            ("12,99 EUR", Ok(Some("12.99"))),
            ("", Ok(None)),
            ("PRLV", Ok(None)),
            ("15/01/2026", Ok(None)),
            ("1,2345", Ok(None)),
            ("99999999999999999", Err(())),
            ("10000000,01", Err(())),
        ];
        for (cell, want) in cases {
            let want = want.map(|o| o.map(d));
            assert_eq!(parse_amount(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn dates_as_banks_print_them() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        for cell in [
            "15/01/2026",
            "15/01/26",
            "15-01-2026",
            "15.01.2026",
            "2026-01-15",
            "20260115",
            "20260115120000.000[+1:CET]",
            " 15/01/2026 ",
        ] {
            assert_eq!(parse_date(cell), Some(day), "{cell}");
        }
        for cell in [
            "",
            "32/01/2026",
            "15/13/2026",
            "PRLV",
            "1/2",
            "19,99",
            "15/01/1850",
        ] {
            assert_eq!(parse_date(cell), None, "{cell}");
        }
    }

    #[test]
    fn bytes_are_decoded_as_utf8_utf16_or_windows_1252() {
        assert_eq!(
            decode("Libellé;Débit".as_bytes()),
            Ok(("Libellé;Débit".to_string(), Encoding::Utf8))
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFDate"),
            Ok(("Date".to_string(), Encoding::Utf8))
        );
        assert_eq!(
            decode(b"Libell\xe9;D\xe9bit;\x80"),
            Ok(("Libellé;Débit;€".to_string(), Encoding::Latin1))
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Débit".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), Ok(("Débit".to_string(), Encoding::Utf16)));
        // UTF-16 without its mark, and binary files, are not text.
        let bare: Vec<u8> = "Date".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare), Err(NotText::Binary));
        assert_eq!(decode(b"%PDF-1.4\n\x00\x01\x02"), Err(NotText::Binary));
    }
}
