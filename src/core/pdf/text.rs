//! Text repair for what PDFs hand out: NFC, accents that arrive as separate glyphs,
//! ligatures and invisible characters.
//!
//! TeX-made and some older PDFs draw "é" as an `e` and a spacing acute `´` placed over it,
//! so plain extraction gives `pr´elev´ee`. Other producers emit a base letter followed by
//! a combining mark, or the mark first. Everything here is pure string work; the geometric
//! half of the repair (an accent glyph drawn over a letter) lives in `rows`.
//!
//! Non-breaking spaces (U+00A0) and narrow non-breaking spaces (U+202F) are kept as they
//! are: amounts use them as thousands separators and the amount parser expects them.

use unicode_normalization::char::{compose, is_combining_mark};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// The combining mark a spacing accent stands for, if it is one PDFs use that way.
pub fn combining_for(accent: char) -> Option<char> {
    match accent {
        '\u{00B4}' | '\u{02CA}' | '\u{02B9}' => Some('\u{0301}'), // ´ acute
        '`' | '\u{02CB}' => Some('\u{0300}'),                     // ` grave
        '^' | '\u{02C6}' => Some('\u{0302}'),                     // ^ circumflex
        '\u{00A8}' => Some('\u{0308}'),                           // ¨ diaeresis
        '\u{00B8}' => Some('\u{0327}'),                           // ¸ cedilla
        '\u{02DC}' => Some('\u{0303}'),                           // ˜ tilde
        _ => None,
    }
}

/// Composes `base` with the mark that the spacing `accent` stands for, when the result is
/// a single precomposed letter.
pub fn compose_accent(base: char, accent: char) -> Option<char> {
    let mark = if is_combining_mark(accent) {
        accent
    } else {
        combining_for(accent)?
    };
    compose(base, mark)
}

/// Whether composing `base` with `accent` gives a letter that French text uses. The
/// textual repair is limited to these so that `l´abonnement` (an acute used as an
/// apostrophe) is not turned into `lábonnement`.
fn french_letter(c: char) -> bool {
    "éèêëàâäîïôöùûüÿçÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇñÑ".contains(c)
}

/// Repairs decomposed accents in `s`, spells out ligatures, drops invisible characters
/// and normalises to NFC.
///
/// Handles a spacing accent before its letter (`´e`), after it (`e´`), a combining mark
/// after its letter (NFC does that) and a combining mark before its letter. Where a
/// spacing accent sits between two letters it could go with (`leve´e`), the order the
/// rest of the string uses decides.
pub fn repair(s: &str) -> String {
    // Most cells have nothing to repair: no accent, mark, ligature or invisible character,
    // and already in NFC (plain ASCII always is).
    let plain_ascii = s.is_ascii() && !s.contains(['`', '^']);
    if plain_ascii
        || (is_nfc_quick(s.chars()) == IsNormalized::Yes
            && !s.chars().any(|c| {
                combining_for(c).is_some() || is_combining_mark(c) || replaced(c).is_some()
            }))
    {
        return s.to_string();
    }
    compose_and_replace(s)
}

/// [`repair`] without its shortcut.
fn compose_and_replace(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let fits = |i: usize, j: Option<usize>| -> bool {
        j.and_then(|j| chars.get(j))
            .and_then(|&base| compose_accent(base, chars[i]))
            .is_some_and(french_letter)
    };
    // Which side do this string's accents go? Count the accents that fit one side only.
    let (mut before, mut after) = (0, 0);
    for (i, &c) in chars.iter().enumerate() {
        if combining_for(c).is_some() {
            match (fits(i, i.checked_sub(1)), fits(i, Some(i + 1))) {
                (true, false) => after += 1,
                (false, true) => before += 1,
                _ => {}
            }
        }
    }
    let accent_first = before >= after;

    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if combining_for(c).is_some() {
            let with_next = fits(i, Some(i + 1));
            // The previous letter as it stands in the output (it may already be composed).
            let with_prev = out
                .last()
                .and_then(|&prev| compose_accent(prev, c))
                .is_some_and(french_letter);
            if with_next && (accent_first || !with_prev) {
                if let Some(composed) = compose_accent(chars[i + 1], c) {
                    out.push(composed);
                    i += 2;
                    continue;
                }
            }
            if with_prev {
                if let Some(composed) = out.last().and_then(|&prev| compose_accent(prev, c)) {
                    out.pop();
                    out.push(composed);
                    i += 1;
                    continue;
                }
            }
        } else if is_combining_mark(c) {
            // A combining mark after a letter it composes with is in Unicode order: NFC
            // handles it. One before its letter is moved onto it.
            let after_its_letter = out
                .last()
                .and_then(|&prev| compose_accent(prev, c))
                .is_some_and(french_letter);
            if !after_its_letter {
                if let Some(composed) = chars
                    .get(i + 1)
                    .and_then(|&next| compose_accent(next, c))
                    .filter(|&x| french_letter(x))
                {
                    out.push(composed);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    let mut text = String::with_capacity(out.len());
    for c in out {
        match replaced(c) {
            Some(letters) => text.push_str(letters),
            None => text.push(c),
        }
    }
    text.nfc().collect()
}

/// What a character of a cell is replaced with, if it is.
fn replaced(c: char) -> Option<&'static str> {
    match c {
        // Typographic ligatures from a font's ToUnicode: the letters they stand for, so
        // that "Proﬁl" reads "Profil". (Not NFKC, which would also turn the non-breaking
        // spaces of amounts into plain ones.)
        '\u{FB00}' => Some("ff"),
        '\u{FB01}' => Some("fi"),
        '\u{FB02}' => Some("fl"),
        '\u{FB03}' => Some("ffi"),
        '\u{FB04}' => Some("ffl"),
        '\u{FB05}' | '\u{FB06}' => Some("st"),
        // Invisible: soft hyphens, zero-width spaces and joiners, byte-order marks.
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(""),
        _ => None,
    }
}

/// For the tests of a shortcut that skips text already in NFC: `fast` gives what `whole`
/// gives on every text made of three of `pieces`, and both paths are taken (some of the
/// texts are in NFC, some not).
#[cfg(test)]
pub(crate) fn shortcut_agrees(
    pieces: &[&str],
    fast: impl Fn(&str) -> String,
    whole: impl Fn(&str) -> String,
) {
    let mut texts = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in pieces {
                texts.push(format!("{a}{b}{c}"));
            }
        }
    }
    let mut in_nfc = 0;
    for text in &texts {
        assert_eq!(fast(text), whole(text), "{text:?}");
        in_nfc += usize::from(is_nfc_quick(text.chars()) == IsNormalized::Yes);
    }
    assert!(
        in_nfc > texts.len() / 10 && in_nfc < texts.len(),
        "{in_nfc}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut of `repair` changes nothing: on texts made of pieces with and without
    /// accents, marks, ligatures and invisible characters, in NFC or not, it gives what the
    /// whole repair gives.
    #[test]
    fn repair_shortcut_agrees_with_the_whole_repair() {
        let pieces = [
            "Total", " ", "é", "e\u{301}", "\u{301}", "\u{b4}", "`", "^", "e", "c", "\u{b8}",
            "\u{2c6}", "\u{2dc}", "\u{fb01}", "\u{ad}", "\u{200b}", "\u{feff}", "\u{212b}",
            "\u{f900}", "€", "\u{a0}", "12,50", "’",
        ];
        shortcut_agrees(&pieces, repair, compose_and_replace);
    }

    #[test]
    fn repairs_accents_the_way_pdfs_break_them() {
        let cases = [
            ("pr´elev´ee", "prélevée"),
            ("pre´leve´e", "prélevée"),
            ("pre\u{301}leve\u{301}e", "prélevée"),
            ("pr\u{301}elev\u{301}ee", "prélevée"),
            ("cre\u{301}dit", "crédit"),
            ("d`a", "dà"),
            ("`a la carte", "à la carte"),
            ("r^ole", "rôle"),
            ("no¨el", "noël"),
            ("fran¸cais", "français"),
            ("Fran\u{327}cais", "Français"),
            ("´Ech´eance", "Échéance"),
            ("T´EL´EPHONE", "TÉLÉPHONE"),
            // An acute used as an apostrophe stays: French has no "á".
            ("l´abonnement", "l´abonnement"),
            // Amounts keep their non-breaking spaces.
            ("1\u{a0}234,56\u{202f}€", "1\u{a0}234,56\u{202f}€"),
            ("29.99", "29.99"),
            ("Pro\u{FB01}l e\u{FB00}ectu\u{e9}", "Profil effectué"),
            ("fac\u{AD}ture\u{200B}", "facture"),
            ("", ""),
            ("´", "´"),
        ];
        for (input, want) in cases {
            assert_eq!(repair(input), want, "input {input:?}");
        }
    }
}
