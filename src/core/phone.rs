//! French phone numbers: found in a bill's text, compared whatever their spacing, and told
//! ordinary (what an unlimited plan covers) from the rest. Which numbers are surcharged is
//! `vocab::numbers`; this module only knows what a number looks like. Pure.

use super::money::is_space;

/// The digits of a phone number, `+33` folded to `0`: `+33 6 12 34 56 78`,
/// `06.12.34.56.78` and `0612345678` all give `0612345678`.
pub fn digits(number: &str) -> String {
    let d: String = number.chars().filter(char::is_ascii_digit).collect();
    match d.strip_prefix("33") {
        Some(rest) if number.trim_start().starts_with('+') && rest.len() == 9 => {
            format!("0{rest}")
        }
        _ => d,
    }
}

/// Whether two printed numbers are the same line (both must have digits).
pub fn same(a: &str, b: &str) -> bool {
    let a = digits(a);
    !a.is_empty() && a == digits(b)
}

/// Whether a number is one of `numbers` (a bill's lines, say).
pub fn among(number: &str, numbers: &[String]) -> bool {
    numbers.iter().any(|n| same(number, n))
}

/// Text with the spaces between digits removed, so "06 71 23 45 67" is found as digits.
pub fn digits_spaced(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        let between_digits = c.is_whitespace()
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !between_digits {
            out.push(*c);
        }
    }
    out
}

/// Whether a destination is an ordinary French number (fixed 01–05 and 09, mobile 06–07)
/// that an unlimited plan covers: not a number abroad, not a special one (08, short codes).
pub fn is_domestic(destination: &str) -> bool {
    let trimmed = destination.trim();
    if trimmed.starts_with('+') && !trimmed.starts_with("+33") {
        return false;
    }
    let d = digits(trimmed);
    d.len() == 10 && d.starts_with('0') && matches!(d.as_bytes()[1], b'1'..=b'7' | b'9')
}

/// Phone numbers as printed in a text: `06 12 34 56 78`, `0612345678`, `06.12.34.56.78`,
/// `+33 6 12 34 56 78`, each with its spaces squashed to one. Ten digits from a `0`,
/// eleven from a `+`, not inside a longer run of digits or letters (an IBAN, a SIRET).
pub fn find_all(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '+');
        if boundary && (chars[i] == '0' || chars[i] == '+') {
            let wanted = if chars[i] == '0' { 10 } else { 11 };
            let mut j = if chars[i] == '+' { i + 1 } else { i };
            let mut digits = 0;
            let mut end = i;
            while j < chars.len() {
                let c = chars[j];
                if c.is_ascii_digit() {
                    digits += 1;
                    j += 1;
                    end = j;
                    if digits == wanted {
                        break;
                    }
                } else if (is_space(c) || c == '.')
                    && digits > 0
                    && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let clean_end = !chars.get(end).is_some_and(|c| c.is_alphanumeric());
            if digits == wanted && clean_end {
                found.push(spaced(&chars[i..end]));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Whether a token is a phone number and nothing else (`0612345678`, `06.12.34.56.78`).
pub fn is_only_number(token: &str) -> bool {
    find_all(token)
        .first()
        .is_some_and(|n| n.replace(' ', "") == token.replace(['.', ' '], ""))
}

/// A number's characters with dots and any run of spaces written as one space.
fn spaced(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    for &c in chars {
        if c == '.' || is_space(c) || c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phone_numbers() {
        let cases: &[(&str, &[&str])] = &[
            ("Votre ligne :  06 45 67 89 01", &["06 45 67 89 01"]),
            (
                "Ligne 0612345678 et 07.81.23.45.67",
                &["0612345678", "07 81 23 45 67"],
            ),
            ("+33 6 12 34 56 78", &["+33 6 12 34 56 78"]),
            ("06\u{a0}12\u{202f}34 56 78", &["06 12 34 56 78"]),
            ("RCS Paris 397 480 930", &[]),
            ("FR76 0412", &[]),
            ("Date : 02/11/2026", &[]),
            ("SIRET 06123456789012", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(find_all(text), *want, "find_all({text:?})");
        }
    }

    #[test]
    fn numbers_compare_by_their_digits() {
        assert_eq!(digits("+33 6 12 34 56 78"), "0612345678");
        assert_eq!(digits("06.12.34.56.78"), "0612345678");
        // Not a French number written from abroad: left as it is.
        assert_eq!(digits("+44 20 7946 0958"), "442079460958");
        assert!(same("06 12 34 56 78", "+33612345678"));
        assert!(!same("06 12 34 56 78", "06 12 34 56 79"));
        assert!(!same("", ""), "no digits is no line");
        let lines = ["07 61 98 76 54".to_string(), "06 12 34 56 78".to_string()];
        assert!(among("+33612345678", &lines));
        assert!(!among("06 12 34 56 77", &lines) && !among("", &lines));
        assert_eq!(
            digits_spaced("Ligne 06 71 23 45 67 : forfait 2 Go"),
            "Ligne 0671234567 : forfait 2 Go"
        );
    }

    #[test]
    fn ordinary_numbers_are_told_from_special_and_foreign_ones() {
        for ordinary in [
            "01 23 45 67 89",
            "06 12 34 56 78",
            "+33 7 81 23 45 67",
            "0987654321",
        ] {
            assert!(is_domestic(ordinary), "{ordinary}");
        }
        for other in [
            "08 92 68 31 27",
            "0800123456",
            "3630",
            "+44 20 7946 0958",
            "06 12 34",
        ] {
            assert!(!is_domestic(other), "{other}");
        }
    }

    #[test]
    fn a_token_is_a_number_only_when_it_is_nothing_else() {
        assert!(is_only_number("0612345678"));
        assert!(is_only_number("06.12.34.56.78"));
        assert!(!is_only_number("F0612345678"));
        assert!(!is_only_number("0612345678-01"));
    }
}
