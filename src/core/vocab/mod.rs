//! The words of French telecom bills, in one place: how text is folded for matching,
//! section headings, kinds of charge, surcharged numbers, places and items' names. The
//! reader uses it to say what a charge is, the rules to judge it, so the two never
//! disagree on a word.
//!
//! Pure, and a leaf: it imports nothing above it but the bill's `Category` and the
//! phone-number helpers it classifies.

pub mod headings;
pub mod items;
pub mod kinds;
pub mod numbers;
pub mod places;

/// Lower case, accents removed, typographic apostrophes and spaces made plain; exactly
/// one output character per input character.
pub fn fold(text: &str) -> String {
    // Most of a bill is ASCII: lowercased in one pass, with nothing else to change in
    // nearly every text.
    if text.is_ascii() {
        let lower = text.to_ascii_lowercase();
        if !lower.bytes().any(|b| b == b'`' || b == b'\t') {
            return lower;
        }
    }
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().map(fold_char));
    out
}

fn fold_char(c: char) -> char {
    // Most of a bill is ASCII: fold it without Unicode's case tables.
    if c.is_ascii() {
        return match c {
            '`' => '\'',
            '\t' => ' ',
            c => c.to_ascii_lowercase(),
        };
    }
    let c = match c {
        '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' => ' ',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        'œ' | 'Œ' => 'o',
        _ => c,
    };
    let base = without_accent(c);
    base.to_lowercase().next().unwrap_or(base)
}

/// The letters of Latin-1 and Latin Extended-A (U+00C0 to U+017F) without their accent:
/// each one's canonical decomposition's first letter, or itself when it has none (`Æ`,
/// `Ø`, `Ł`). Bills are written in these letters; a table of them keeps Unicode's
/// decomposition tables out of the app, which folds but never reads a PDF.
const LATIN_BASES: [char; 0xC0] = [
    'A', 'A', 'A', 'A', 'A', 'A', '\u{c6}', 'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I', '\u{d0}',
    'N', 'O', 'O', 'O', 'O', 'O', '\u{d7}', '\u{d8}', 'U', 'U', 'U', 'U', 'Y', '\u{de}', '\u{df}',
    'a', 'a', 'a', 'a', 'a', 'a', '\u{e6}', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', '\u{f0}',
    'n', 'o', 'o', 'o', 'o', 'o', '\u{f7}', '\u{f8}', 'u', 'u', 'u', 'u', 'y', '\u{fe}', 'y', 'A',
    'a', 'A', 'a', 'A', 'a', 'C', 'c', 'C', 'c', 'C', 'c', 'C', 'c', 'D', 'd', '\u{110}',
    '\u{111}', 'E', 'e', 'E', 'e', 'E', 'e', 'E', 'e', 'E', 'e', 'G', 'g', 'G', 'g', 'G', 'g', 'G',
    'g', 'H', 'h', '\u{126}', '\u{127}', 'I', 'i', 'I', 'i', 'I', 'i', 'I', 'i', 'I', '\u{131}',
    '\u{132}', '\u{133}', 'J', 'j', 'K', 'k', '\u{138}', 'L', 'l', 'L', 'l', 'L', 'l', '\u{13f}',
    '\u{140}', '\u{141}', '\u{142}', 'N', 'n', 'N', 'n', 'N', 'n', '\u{149}', '\u{14a}', '\u{14b}',
    'O', 'o', 'O', 'o', 'O', 'o', '\u{152}', '\u{153}', 'R', 'r', 'R', 'r', 'R', 'r', 'S', 's',
    'S', 's', 'S', 's', 'S', 's', 'T', 't', 'T', 't', '\u{166}', '\u{167}', 'U', 'u', 'U', 'u',
    'U', 'u', 'U', 'u', 'U', 'u', 'U', 'u', 'W', 'w', 'Y', 'y', 'Y', 'Z', 'z', 'Z', 'z', 'Z', 'z',
    '\u{17f}',
];

fn without_accent(c: char) -> char {
    let code = c as u32;
    match code.checked_sub(0xC0) {
        Some(at) if code < 0x180 => LATIN_BASES.get(at as usize).copied().unwrap_or(c),
        _ => c,
    }
}

/// Lower case, accents removed, every run of characters other than letters, digits,
/// `+`, `/` and `'` turned into one space, trimmed: the form labels are compared in,
/// word by word (`"Appels émis depuis l'Étranger"` → `"appels emis depuis l'etranger"`).
/// Built on [`fold`], so both forms fold a character the same way.
pub fn fold_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in fold(text).chars() {
        if c.is_alphanumeric() || c == '+' || c == '/' || c == '\'' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

/// Whether the folded text contains one of the (already folded) needles.
pub fn has_any(folded: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains(folded, n))
}

/// `text.contains(needle)`, for the short texts and words of a bill: std's search sets up
/// a Two-Way searcher on every call, which costs more than the search itself when a
/// label of forty bytes is tried against a list of words.
pub fn contains(text: &str, needle: &str) -> bool {
    find(text.as_bytes(), needle.as_bytes(), 0).is_some()
}

/// Where `needle` first occurs in `text` at or after `from`, by bytes (a UTF-8 needle
/// found in UTF-8 text always starts on a character boundary).
fn find(text: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return (from <= text.len()).then_some(from);
    };
    let last = text.len().checked_sub(needle.len())?;
    let mut at = from;
    while let Some(skip) = text.get(at..=last)?.iter().position(|&b| b == first) {
        let start = at + skip;
        if text.get(start + 1..start + needle.len()) == Some(rest) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Whether the folded text contains the needle as whole words.
pub fn has_word(folded: &str, needle: &str) -> bool {
    // What `" {folded} "` containing `" {needle} "` says, without building either: an
    // occurrence (overlapping ones included) with a space or an end on each side.
    let bytes = folded.as_bytes();
    let mut from = 0;
    while let Some(start) = find(bytes, needle.as_bytes(), from) {
        let end = start + needle.len();
        let before = start == 0 || bytes.get(start - 1) == Some(&b' ');
        let after = end == bytes.len() || bytes.get(end) == Some(&b' ');
        if before && after {
            return true;
        }
        from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `has_word` says what the padded form it replaced said, and `contains` what std's
    /// `contains` says, on every pair of short texts over a small alphabet (overlapping
    /// occurrences, empty needles, accents included).
    #[test]
    fn has_word_is_the_padded_search() {
        let padded =
            |folded: &str, needle: &str| format!(" {folded} ").contains(&format!(" {needle} "));
        let alphabet = ['a', ' ', 'é', 'b'];
        let texts = |max: usize| {
            let mut all = vec![String::new()];
            let mut last = vec![String::new()];
            for _ in 0..max {
                last = last
                    .iter()
                    .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                    .collect();
                all.extend(last.iter().cloned());
            }
            all
        };
        let (haystacks, needles) = (texts(6), texts(3));
        for folded in &haystacks {
            for needle in &needles {
                assert_eq!(
                    has_word(folded, needle),
                    padded(folded, needle),
                    "{folded:?} {needle:?}"
                );
                assert_eq!(
                    contains(folded, needle),
                    folded.contains(needle.as_str()),
                    "{folded:?} {needle:?}"
                );
            }
        }
        assert!(
            has_word("xa a a", "a a"),
            "an occurrence after an overlapping one"
        );
    }

    /// The table gives what Unicode's canonical decomposition gives, letter by letter.
    #[test]
    fn the_accent_table_is_the_canonical_decomposition() {
        use unicode_normalization::char::decompose_canonical;
        for code in 0xC0u32..0x180 {
            let c = char::from_u32(code).unwrap();
            let mut first = None;
            decompose_canonical(c, |d| {
                first.get_or_insert(d);
            });
            assert_eq!(without_accent(c), first.unwrap_or(c), "{c}");
        }
        assert_eq!(LATIN_BASES.len(), 0x180 - 0xC0);
    }

    #[test]
    fn folds_one_way_in_both_forms() {
        assert_eq!(
            fold("Émis à l’Étranger – œuvre"),
            "emis a l'etranger - oeuvre".replace("oe", "o")
        );
        assert_eq!(fold("Émis").chars().count(), "Émis".chars().count());
        assert_eq!(
            fold_words("Appels émis depuis l'Étranger (hors UE) : 2,70 €"),
            "appels emis depuis l'etranger hors ue 2 70"
        );
        assert_eq!(
            fold_words("SMS+ 3xxxx / Internet+"),
            "sms+ 3xxxx / internet+"
        );
        assert!(has_word("appels vers le 118 712", "118"));
        assert!(!has_word("appels vers le 1180", "118"));
        // The ASCII shortcut folds as the char-by-char path does, with and without the
        // two characters it leaves to that path.
        let ascii: String = (0u8..128).map(char::from).collect();
        let plain: String = ascii.chars().filter(|c| !matches!(c, '`' | '\t')).collect();
        for text in [&ascii, &plain] {
            assert_eq!(fold(text), text.chars().map(fold_char).collect::<String>());
        }
    }
}
