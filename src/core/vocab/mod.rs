//! The words of French telecom bills, in one place: how text is folded for matching,
//! section headings, kinds of charge, surcharged numbers and places. The reader uses it
//! to say what a charge is, the rules to judge it, so the two never disagree on a word.
//!
//! Pure, and a leaf: it imports nothing above it but the bill's `Category` and the
//! phone-number helpers it classifies.

pub mod headings;
pub mod kinds;
pub mod numbers;
pub mod places;

/// Lower case, accents removed, typographic apostrophes and spaces made plain; exactly
/// one output character per input character.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
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
const LATIN_BASES: &str = "AAAAAA\u{c6}CEEEEIIII\u{d0}NOOOOO\u{d7}\u{d8}UUUUY\u{de}\u{df}aaaaaa\u{e6}ceeeeiiii\u{f0}nooooo\u{f7}\u{f8}uuuuy\u{fe}yAaAaAaCcCcCcCcDd\u{110}\u{111}EeEeEeEeEeGgGgGgGgHh\u{126}\u{127}IiIiIiIiI\u{131}\u{132}\u{133}JjKk\u{138}LlLlLl\u{13f}\u{140}\u{141}\u{142}NnNnNn\u{149}\u{14a}\u{14b}OoOoOo\u{152}\u{153}RrRrRrSsSsSsSsTtTt\u{166}\u{167}UuUuUuUuUuUuWwYyYZzZzZz\u{17f}";

fn without_accent(c: char) -> char {
    let code = c as u32;
    if (0xC0..0x180).contains(&code) {
        LATIN_BASES.chars().nth((code - 0xC0) as usize).unwrap_or(c)
    } else {
        c
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
    needles.iter().any(|n| folded.contains(n))
}

/// Whether the folded text contains the needle as whole words.
pub fn has_word(folded: &str, needle: &str) -> bool {
    let padded = format!(" {folded} ");
    padded.contains(&format!(" {needle} "))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(LATIN_BASES.chars().count(), 0x180 - 0xC0);
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
    }
}
