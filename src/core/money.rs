//! Amounts of money as bills print them, parsed into `Decimal` in one tested place.
//!
//! Pure: text in, values out. Bills write `12,99 €`, `12,99€`, `12,99 EUR`, `29.99`,
//! `1 234,56 €` (thousands separated by a space, U+00A0 or U+202F), `1.234,56`, `-5,00 €`
//! and `- 5,00 €`; PDF text sometimes glues a row's columns together (`29.995.0024.99`).
//! What looks like an amount but is not one (phone numbers `06 12 34 56 78`, dates
//! `01/10/2026` or `01.10.2026`, durations `00:02:15`, volumes `1,5 Go`, invoice numbers,
//! VAT rates `20 %`) is refused: a bare number needs two decimals or a currency sign.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::lang::Lang;

/// An amount found inside a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountToken {
    /// Byte offset of the first character (the sign, when there is one).
    pub start: usize,
    /// Byte offset just past the amount, its currency sign included.
    pub end: usize,
    /// The value, negative when signed.
    pub value: Decimal,
    /// Whether a currency sign (`€`, `EUR`, `euros`) was printed with it.
    pub currency: bool,
}

/// The largest amount a person may type (100 000,00 €): no telecom charge comes near it,
/// and sums of thousands of such amounts stay far from the limits of `Decimal`, whose
/// arithmetic panics on overflow.
pub const MAX_TYPED_AMOUNT: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 2);

/// The bound on every amount read from a bill, stored or imported, in either sign: below
/// 10⁹ €, the nine integer digits amount parsing accepts ([`MAX_INTEGER_DIGITS`]). A value
/// past it is refused where it enters (a stored bill, a plan, a backup, a correction), so
/// that sums of millions of amounts stay far below `Decimal`'s limit (about 7.9 × 10²⁸),
/// where its operators panic. The sums themselves use [`sum`] and the `saturating_` and
/// `checked_` methods (the `arithmetic_side_effects` lint keeps it so).
pub const AMOUNT_BOUND: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// The bound on a stored sum of amounts (a case's disputed amount, the sum of a bill's
/// charges): a million amounts at [`AMOUNT_BOUND`], still ten thousand billion times below
/// `Decimal`'s limit.
pub const SUM_BOUND: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// Whether an amount is within [`AMOUNT_BOUND`].
pub fn within_bound(value: Decimal) -> bool {
    value.abs() < AMOUNT_BOUND
}

/// What a decoder says of an amount past [`AMOUNT_BOUND`]; the import and the stores look
/// for it to say so in the person's language.
pub const OUT_OF_BOUND: &str = "amount out of bound";

/// Serde helpers that refuse an amount past [`AMOUNT_BOUND`] while it is decoded:
/// `#[serde(deserialize_with = "money::bounded::amount")]`.
pub mod bounded {
    use std::fmt;
    use std::str::FromStr;

    use rust_decimal::Decimal;
    use serde::de::{Error, Unexpected, Visitor};
    use serde::{Deserialize, Deserializer};

    /// A bounded amount.
    pub fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(Bounded(super::AMOUNT_BOUND))
    }

    /// A sum of bounded amounts, within [`super::SUM_BOUND`].
    pub fn sum<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(Bounded(super::SUM_BOUND))
    }

    /// A bounded amount or nothing.
    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(deserialize_with = "amount")] Decimal);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(value)| value))
    }

    /// Reads what `rust_decimal` writes (a string) and what a person may write (a number),
    /// and tells a number too large for `Decimal` itself from what is not a number.
    struct Bounded(Decimal);

    impl Bounded {
        fn check<E: Error>(&self, value: Decimal) -> Result<Decimal, E> {
            if value.abs() < self.0 {
                Ok(value)
            } else {
                Err(E::custom(super::OUT_OF_BOUND))
            }
        }
    }

    impl Visitor<'_> for Bounded {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an amount")
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Decimal, E> {
            let text = text.trim();
            match Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)) {
                Ok(value) => self.check(value),
                Err(_) => {
                    let numeric = !text.is_empty()
                        && text.bytes().any(|b| b.is_ascii_digit())
                        && text
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
                    if numeric {
                        Err(E::custom(super::OUT_OF_BOUND))
                    } else {
                        Err(E::invalid_value(Unexpected::Str(text), &self))
                    }
                }
            }
        }

        fn visit_i64<E: Error>(self, n: i64) -> Result<Decimal, E> {
            self.check(Decimal::from(n))
        }

        fn visit_u64<E: Error>(self, n: u64) -> Result<Decimal, E> {
            self.check(Decimal::from(n))
        }

        fn visit_f64<E: Error>(self, n: f64) -> Result<Decimal, E> {
            match Decimal::try_from(n) {
                Ok(value) => self.check(value),
                Err(_) if n.is_finite() => Err(E::custom(super::OUT_OF_BOUND)),
                Err(_) => Err(E::invalid_value(Unexpected::Float(n), &self)),
            }
        }
    }
}

/// Arithmetic on amounts that never panics: `Decimal`'s `saturating_*`, each kept as one
/// function rather than inlined at every call site (inlined, they added 40 KB to the app's
/// wasm: measured with twiggy). With every amount within [`AMOUNT_BOUND`] the results are
/// exact; past `Decimal`'s range they would stop at its limit instead of panicking.
pub trait Amount: Sized {
    /// `self + other`.
    fn plus(self, other: Decimal) -> Decimal;
    /// `self - other`.
    fn minus(self, other: Decimal) -> Decimal;
    /// `self × other`.
    fn times(self, other: Decimal) -> Decimal;
}

impl Amount for Decimal {
    #[inline(never)]
    fn plus(self, other: Decimal) -> Decimal {
        self.saturating_add(other)
    }

    #[inline(never)]
    fn minus(self, other: Decimal) -> Decimal {
        self.saturating_sub(other)
    }

    #[inline(never)]
    fn times(self, other: Decimal) -> Decimal {
        self.saturating_mul(other)
    }
}

/// The sum of amounts, never panicking: with every amount within [`AMOUNT_BOUND`] it is
/// the exact sum; past `Decimal`'s range it would stop at the limit instead of panicking.
pub fn sum<I: IntoIterator<Item = Decimal>>(amounts: I) -> Decimal {
    amounts.into_iter().fold(Decimal::ZERO, Amount::plus)
}

/// [`sum`] as an iterator method: `lines.iter().map(|l| l.amount).amounts_sum()`.
pub trait AmountsSum: Iterator + Sized
where
    Self::Item: std::borrow::Borrow<Decimal>,
{
    /// The sum of the amounts, never panicking (see [`sum`]).
    fn amounts_sum(self) -> Decimal {
        self.fold(Decimal::ZERO, |s, a| {
            s.plus(*std::borrow::Borrow::<Decimal>::borrow(&a))
        })
    }
}

impl<I: Iterator> AmountsSum for I where I::Item: std::borrow::Borrow<Decimal> {}

/// `a / b`, or zero when `b` is zero: shares, ratios and chart geometry, where nothing to
/// divide by means no share.
#[inline(never)]
pub fn ratio(a: Decimal, b: Decimal) -> Decimal {
    a.checked_div(b).unwrap_or(Decimal::ZERO)
}

/// Formats an amount for the language: `1 234,56 €` (narrow no-break spaces) or `€1,234.56`.
pub fn format_amount(amount: Decimal, lang: Lang) -> String {
    let rounded = amount.round_dp(2);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let abs = rounded.abs();
    let cents = format!("{abs:.2}");
    let (units, decimals) = cents.split_once('.').unwrap_or((&cents, "00"));
    let (group, point) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let sign = if negative { "−" } else { "" };
    match lang {
        Lang::Fr => format!("{sign}{grouped}{point}{decimals}\u{a0}€"),
        Lang::En => format!("{sign}€{grouped}{point}{decimals}"),
    }
}

/// Why a typed amount was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedAmountError {
    /// Nothing was typed.
    Empty,
    /// Not a number (`douze`, `1.234,56`, `12,3,4`).
    NotAnAmount,
    /// More than two decimals (`24,999`).
    TooManyDecimals,
    /// A minus sign where only a positive amount makes sense (a price).
    Negative,
    /// Above [`MAX_TYPED_AMOUNT`].
    TooLarge,
}

impl TypedAmountError {
    /// What to tell the person, in their language.
    pub fn message(self, lang: super::i18n::Lang) -> &'static str {
        let (fr, en) = match self {
            TypedAmountError::Empty => ("Indiquez un montant.", "Enter an amount."),
            TypedAmountError::NotAnAmount => (
                "Ce n'est pas un montant : écrivez par exemple 12,99.",
                "That is not an amount: write for example 12.99.",
            ),
            TypedAmountError::TooManyDecimals => (
                "Deux chiffres après la virgule au plus.",
                "Two digits after the decimal point at most.",
            ),
            TypedAmountError::Negative => (
                "Un prix ne peut pas être négatif.",
                "A price cannot be negative.",
            ),
            TypedAmountError::TooLarge => (
                "Montant trop élevé : 100 000 € au plus.",
                "Amount too large: €100,000 at most.",
            ),
        };
        lang.pick(fr, en)
    }
}

/// An amount as a form pre-fills it for the person to edit, which [`typed_amount`] reads
/// back: `24,99`, `5`, `-3,5`. Forms hold cents: an amount with more decimals (a stored
/// `0.125`) is pre-filled to the cent (`0,13`), not in a form the form would refuse.
pub fn typed_text(value: Decimal) -> String {
    if value.is_zero() {
        return "0".to_string();
    }
    value
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
        .replace('.', ",")
}

/// Reads an amount a person typed in a form: `24`, `24,9`, `24.99`, `1 029,00 €`, and
/// when `signed`, `-5` or `−5,00` (a discount). Bounded by [`MAX_TYPED_AMOUNT`] either way.
pub fn typed_amount(text: &str, signed: bool) -> Result<Decimal, TypedAmountError> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('€')
        .trim_end_matches("EUR")
        .chars()
        .filter(|c| !is_space(*c))
        .map(|c| match c {
            ',' => '.',
            c if is_minus(c) => '-',
            c => c,
        })
        .collect();
    if cleaned.is_empty() {
        return Err(TypedAmountError::Empty);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if negative && !signed {
        return Err(TypedAmountError::Negative);
    }
    let (units, decimals) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if units.is_empty() || !all_digits(units) || !all_digits(decimals) {
        return Err(TypedAmountError::NotAnAmount);
    }
    if decimals.len() > 2 {
        return Err(TypedAmountError::TooManyDecimals);
    }
    // Counted before parsing: a long run of digits must be refused, not overflow.
    if units.trim_start_matches('0').len() > 6 {
        return Err(TypedAmountError::TooLarge);
    }
    let plain = if decimals.is_empty() {
        units.to_string()
    } else {
        format!("{units}.{decimals}")
    };
    let value: Decimal = plain.parse().map_err(|_| TypedAmountError::NotAnAmount)?;
    if value > MAX_TYPED_AMOUNT {
        return Err(TypedAmountError::TooLarge);
    }
    Ok(if negative { -value } else { value })
}

/// Parses a price a person typed in a form: [`typed_amount`], never negative.
pub fn parse_typed_amount(text: &str) -> Option<Decimal> {
    typed_amount(text, false).ok()
}

/// Parses text that is exactly one amount (surrounding spaces allowed).
pub fn parse_amount(text: &str) -> Option<Decimal> {
    let trimmed = text.trim_matches(is_space);
    let found = find_amounts(trimmed);
    match found.as_slice() {
        [one] if one.start == 0 && one.end == trimmed.len() => Some(one.value),
        _ => None,
    }
}

/// Finds every amount in `text`, left to right.
///
/// Linear in the length of `text`: the walk carries its char index (an amount found
/// says at which char it ends), and each char is read a bounded number of times (a run
/// of digits by the amount that starts it, not again by the positions inside it).
pub fn find_amounts(text: &str) -> Vec<AmountToken> {
    // Every amount has a digit; most of a bill's words and cells have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        step();
        if at_boundary(&chars, i) {
            if let Some((tokens, next)) = amounts_at(&chars, i, text.len()) {
                found.extend(tokens);
                i = next.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Parses text that is exactly one percentage (`20%`, `5,5 %`, `20,00 %`), in percent.
pub fn parse_rate(text: &str) -> Option<Decimal> {
    let t = text.trim_matches(is_space);
    let number = t.strip_suffix('%')?.trim_end_matches(is_space);
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let separators = number.chars().filter(|c| *c == ',' || *c == '.').count();
    if separators > 1 || number.starts_with([',', '.']) || number.ends_with([',', '.']) {
        return None;
    }
    Decimal::from_str(&number.replace(',', "."))
        .ok()
        .map(|d| d.normalize())
}

/// Finds every percentage in `text` (`TVA 20%`, `5,5 %`), in percent.
///
/// Linear in the length of `text`: a number is read once, and the walk goes on past it
/// (past its `%` too when it is a rate).
pub fn find_rates(text: &str) -> Vec<Decimal> {
    let chars: Vec<char> = text.chars().collect();
    let mut rates = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        step();
        let boundary =
            i == 0 || !(chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], ',' | '.'));
        if boundary && chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], ',' | '.')) {
                step();
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && is_space(chars[k]) {
                step();
                k += 1;
            }
            if k < chars.len() && chars[k] == '%' {
                let s: String = chars[i..j].iter().inspect(|_| step()).collect();
                if let Some(rate) = parse_rate(&format!("{s}%")) {
                    rates.push(rate);
                }
                i = k + 1;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    rates
}

/// The most digits before the decimal point of an amount a bill prints (under a
/// billion euros): a longer run of digits is an identifier, and no amount read can make
/// a sum overflow.
pub const MAX_INTEGER_DIGITS: usize = 9;

/// The spaces bills put inside and around amounts.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2013}')
}

#[cfg(test)]
thread_local! {
    /// Chars read by the scanners on this thread, counted in tests only: a long row's work is
    /// bounded by a count of reads, which a loaded machine cannot make flaky as a clock can.
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One char read by a scanner (counted in tests, nothing otherwise).
#[inline(always)]
fn step() {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + 1));
}

/// The char at index `k`, if any, counted as one step.
fn char_at(chars: &[(usize, char)], k: usize) -> Option<char> {
    step();
    chars.get(k).map(|(_, c)| *c)
}

fn at_boundary(chars: &[(usize, char)], i: usize) -> bool {
    let Some(c) = char_at(chars, i) else {
        return false;
    };
    if !(c.is_ascii_digit() || is_minus(c)) {
        return false;
    }
    match i.checked_sub(1).and_then(|p| char_at(chars, p)) {
        None => true,
        Some(p) => {
            !(p.is_alphanumeric()
                || matches!(p, '/' | ':' | '.' | ',' | '+' | '_' | '°')
                || is_minus(p))
        }
    }
}

/// The amount (or chain of glued amounts) starting at `i`, if any, and the index of the
/// char just past it (where the walk goes on).
fn amounts_at(chars: &[(usize, char)], i: usize, len: usize) -> Option<(Vec<AmountToken>, usize)> {
    let at = |k: usize| char_at(chars, k);
    let byte = |k: usize| chars.get(k).map_or(len, |(b, _)| *b);
    let mut k = i;
    let negative = at(k).is_some_and(is_minus);
    if negative {
        // An en dash is a minus only against its figure: with a space after it, it is
        // the dash of a label (`Internet+ GameZone Club –` wrapped before its amount).
        let dash = at(k) == Some('\u{2013}');
        // A hyphen that ends a label's words (`Appels vers les mobiles -`, then the
        // amount's cell) is not a sign either: only one in a cell of its own is.
        let own_cell =
            i < 2 || (at(i - 1).is_some_and(is_space) && at(i - 2).is_some_and(is_space));
        k += 1;
        // `- 5,00`, or `-` and `5,00` in cells two spaces apart.
        let mut spaces = 0;
        while !dash && at(k).is_some_and(is_space) && k < i + 3 {
            k += 1;
            spaces += 1;
        }
        if spaces >= 2 && !own_cell {
            return None;
        }
        if !at(k).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let first = number_at(chars, k)?;
    let mut end = first.end;
    let mut tokens = vec![AmountToken {
        start: byte(i),
        end: 0,
        value: first.value(negative),
        currency: false,
    }];
    // Glued columns: `29.995.0024.99` is 29.99, 5.00 and 24.99. Only accepted when the
    // whole run splits cleanly into two-decimal amounts.
    if first.decimals == 2 && at(end).is_some_and(|c| c.is_ascii_digit()) {
        let mut next = end;
        let mut glued = Vec::new();
        while at(next).is_some_and(|c| c.is_ascii_digit()) {
            let n = grouped_number_at(chars, next)
                .filter(|n| n.decimals == 2)
                .or_else(|| plain_number_at(chars, next))?;
            if n.decimals != 2 {
                return None;
            }
            glued.push((byte(next), n.value(false)));
            next = n.end;
        }
        tokens[0].end = byte(end);
        for (start, value) in glued {
            tokens.push(AmountToken {
                start,
                end: 0,
                value,
                currency: false,
            });
        }
        // Fix the ends: each glued amount ends where the next starts.
        for t in 0..tokens.len() {
            tokens[t].end = if t + 1 < tokens.len() {
                tokens[t + 1].start
            } else {
                byte(next)
            };
        }
        end = next;
        let (after, currency) = currency_at(chars, end);
        if !ends_cleanly(chars, after, currency) {
            return None;
        }
        let last = tokens.len() - 1;
        tokens[last].end = byte(after);
        tokens[last].currency = currency;
        return Some((tokens, after));
    }
    let (mut after, mut currency) = currency_at(chars, end);
    // `34.98e`, `12.99 e`: the euro sign of a TeX font extracted as a plain `e`, after an
    // amount with cents only.
    if !currency && first.decimals == 2 {
        let mut j = end;
        if at(j).is_some_and(is_space) {
            j += 1;
        }
        if at(j) == Some('e') && !at(j + 1).is_some_and(|c| c.is_alphanumeric()) {
            after = j + 1;
            currency = true;
        }
    }
    let shape_ok = match first.decimals {
        2 => true,
        0 | 1 | 3 | 4 => currency,
        _ => false,
    };
    if !shape_ok || !ends_cleanly(chars, after, currency) {
        return None;
    }
    end = after;
    tokens[0].end = byte(end);
    tokens[0].currency = currency;
    Some((tokens, end))
}

struct Number {
    /// The digits read, without separators (`1234,56` is 123456).
    mantissa: i64,
    /// How many of them are decimals.
    decimals: usize,
    end: usize,
}

impl Number {
    fn value(&self, negative: bool) -> Decimal {
        // At most MAX_INTEGER_DIGITS + 4 digits: an i64 and a scale Decimal takes.
        let mut v = Decimal::try_new(self.mantissa, self.decimals as u32).unwrap_or_default();
        v.set_sign_negative(negative);
        v
    }
}

/// `mantissa` with one more digit, never overflowing (the callers bound the digits).
fn push_digit(mantissa: i64, c: char) -> i64 {
    mantissa
        .saturating_mul(10)
        .saturating_add(i64::from(c.to_digit(10).unwrap_or(0)))
}

/// A number at `k`: grouped thousands (`1 234,56`, `1.234,56`) when they fit, else plain.
fn number_at(chars: &[(usize, char)], k: usize) -> Option<Number> {
    grouped_number_at(chars, k).or_else(|| plain_number_at(chars, k))
}

/// `digits [sep digits]`, the decimal separator being `,` or `.`.
fn plain_number_at(chars: &[(usize, char)], k: usize) -> Option<Number> {
    let at = |k: usize| char_at(chars, k);
    let mut j = k;
    let mut mantissa = 0i64;
    while let Some(c) = at(j).filter(|c| c.is_ascii_digit()) {
        j += 1;
        if j - k > MAX_INTEGER_DIGITS {
            return None;
        }
        mantissa = push_digit(mantissa, c);
    }
    if j == k {
        return None;
    }
    let mut decimals = 0;
    if at(j).is_some_and(|c| c == ',' || c == '.') && at(j + 1).is_some_and(|c| c.is_ascii_digit())
    {
        let mut d = j + 1;
        while at(d).is_some_and(|c| c.is_ascii_digit()) {
            d += 1;
        }
        let mut count = d - (j + 1);
        // Glued columns: keep two decimals and let the caller read the rest.
        if count > 4 || (count > 2 && glued_follows(chars, j + 3)) {
            count = 2;
            d = j + 3;
        }
        for c in (j + 1..j + 1 + count).filter_map(at) {
            mantissa = push_digit(mantissa, c);
        }
        decimals = count;
        j = d;
    }
    Some(Number {
        mantissa,
        decimals,
        end: j,
    })
}

/// Whether a two-decimal amount starts at `k` (the rest of a glued run), its thousands
/// grouped or not (`892.371 070.85` is 892.37 then 1 070.85).
fn glued_follows(chars: &[(usize, char)], k: usize) -> bool {
    let at = |k: usize| char_at(chars, k);
    if grouped_number_at(chars, k).is_some_and(|n| n.decimals == 2) {
        return true;
    }
    let mut j = k;
    while at(j).is_some_and(|c| c.is_ascii_digit()) {
        j += 1;
    }
    j > k
        && at(j).is_some_and(|c| c == ',' || c == '.')
        && at(j + 1).is_some_and(|c| c.is_ascii_digit())
        && at(j + 2).is_some_and(|c| c.is_ascii_digit())
}

/// `1 234,56`, `1 234 567.89`, `1.234,56`: a lead of 1–3 digits, groups of exactly 3,
/// then a decimal part with the other separator.
fn grouped_number_at(chars: &[(usize, char)], k: usize) -> Option<Number> {
    let at = |k: usize| char_at(chars, k);
    let mut j = k;
    let mut mantissa = 0i64;
    while let Some(c) = at(j).filter(|c| c.is_ascii_digit()) {
        j += 1;
        if j - k > 3 {
            return None;
        }
        mantissa = push_digit(mantissa, c);
    }
    if j == k {
        return None;
    }
    let mut digits = j - k;
    let sep = at(j)?;
    let dotted = sep == '.';
    if !(dotted || is_space(sep)) {
        return None;
    }
    let mut groups = 0;
    loop {
        let s = at(j);
        let same_sep = if dotted {
            s == Some('.')
        } else {
            s.is_some_and(is_space)
        };
        if !same_sep {
            break;
        }
        let group: Option<Vec<char>> = (1..=3)
            .map(|o| at(j + o).filter(|c| c.is_ascii_digit()))
            .collect();
        let Some(group) = group else { break };
        if at(j + 4).is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        mantissa = group.into_iter().fold(mantissa, push_digit);
        digits += 3;
        j += 4;
        groups += 1;
        if digits > MAX_INTEGER_DIGITS {
            return None;
        }
    }
    if groups == 0 {
        return None;
    }
    let decimal_sep = at(j);
    let accepted = if dotted {
        decimal_sep == Some(',')
    } else {
        decimal_sep == Some(',') || decimal_sep == Some('.')
    };
    // Two decimals, then the end of the number or another glued right after it.
    let two_decimals = accepted
        && at(j + 1).is_some_and(|c| c.is_ascii_digit())
        && at(j + 2).is_some_and(|c| c.is_ascii_digit())
        && (!at(j + 3).is_some_and(|c| c.is_ascii_digit()) || glued_follows(chars, j + 3));
    if two_decimals {
        return Some(Number {
            mantissa: push_digit(push_digit(mantissa, at(j + 1)?), at(j + 2)?),
            decimals: 2,
            end: j + 3,
        });
    }
    // `1 234 €`: grouped without decimals only with a currency sign after it.
    if !dotted && currency_at(chars, j).1 {
        return Some(Number {
            mantissa,
            decimals: 0,
            end: j,
        });
    }
    None
}

/// Skips an optional currency sign after an amount: `€`, `EUR`, `euros`, with or without
/// a space before it. Returns the index after it and whether there was one.
fn currency_at(chars: &[(usize, char)], k: usize) -> (usize, bool) {
    let at = |k: usize| char_at(chars, k);
    let mut j = k;
    while at(j).is_some_and(is_space) && j < k + 2 {
        j += 1;
    }
    // `¤` is how some fonts extract `€` (the generic currency sign).
    if matches!(at(j), Some('€' | '¤')) {
        return (j + 1, true);
    }
    for word in ["euros", "euro", "eur"] {
        let n = word.len();
        // The word in any case, char by char (`EUR`, `Euros`), as its lowercase form.
        let spelled = word
            .chars()
            .enumerate()
            .all(|(o, w)| at(j + o).is_some_and(|c| c.to_lowercase().eq(std::iter::once(w))));
        if spelled && !at(j + n).is_some_and(|c| c.is_alphanumeric()) {
            return (j + n, true);
        }
    }
    (k, false)
}

/// What may follow an amount: the end, a space, punctuation; not another digit, a `%`, a
/// date or time separator, a letter, or a unit of volume or time.
fn ends_cleanly(chars: &[(usize, char)], k: usize, currency: bool) -> bool {
    let at = |k: usize| char_at(chars, k);
    match at(k) {
        None => true,
        // A footnote call in superscript (`2,00 €¹`) ends an amount like a space.
        Some('¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰') => true,
        Some(c) if c.is_alphanumeric() || c == '%' || c == ':' || c == '°' => false,
        Some('/') => currency, // `0,15 €/min` is a price; `01/10` is a date.
        Some('.' | ',') => !at(k + 1).is_some_and(|c| c.is_ascii_digit()),
        Some(c) if is_space(c) => {
            if currency {
                return true;
            }
            let mut j = k;
            while at(j).is_some_and(is_space) {
                j += 1;
            }
            if at(j) == Some('%') {
                return false;
            }
            let word: String = chars[j.min(chars.len())..]
                .iter()
                .inspect(|_| step())
                .map(|(_, c)| *c)
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            !UNITS.contains(&word.as_str())
        }
        Some(_) => true,
    }
}

/// Units that make a number a quantity, not an amount.
const UNITS: &[&str] = &[
    "go", "mo", "ko", "to", "gb", "mb", "kb", "min", "mn", "s", "sec", "h", "sms", "mms", "appels",
    "mois", "jours", "j",
];

/// The VAT rates of mainland France, in percent: 20, 10, 5,5 and 2,1 (Code général des
/// impôts, art. 278, 279 and 278-0 bis, and the 2,1 % rate of art. 281 quater ff.; as
/// known, not read at Légifrance in the session that wrote this). Never shown as a fact:
/// only used to recognise an amount before VAT whose TTC a bill prints elsewhere, or a
/// line read before VAT, on a bill that prints no rate of its own.
pub fn french_vat_rates() -> [Decimal; 4] {
    [
        Decimal::from(20),
        Decimal::from(10),
        Decimal::new(55, 1),
        Decimal::new(21, 1),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// `parses_to!(text => value)` or `parses_to!(text => none)`.
    macro_rules! parses_to {
        ($($text:expr => $want:tt),* $(,)?) => {{
            $(
                let got = parse_amount($text);
                let want: Option<Decimal> = parses_to!(@want $want);
                assert_eq!(got, want, "parse_amount({:?})", $text);
            )*
        }};
        (@want none) => { None };
        (@want $v:literal) => { Some(d($v)) };
    }

    #[test]
    fn parses_every_form_bills_use() {
        parses_to!(
            "12,99 €" => "12.99",
            "12,99€" => "12.99",
            "12,99 EUR" => "12.99",
            "12,99 euros" => "12.99",
            "29.99" => "29.99",
            "0,00" => "0",
            "1 234,56 €" => "1234.56",
            "1\u{a0}234,56 €" => "1234.56",
            "1\u{202f}234,56\u{a0}€" => "1234.56",
            "1 234 567,89" => "1234567.89",
            "1.234,56" => "1234.56",
            "1.234,56 €" => "1234.56",
            "-5,00 €" => "-5.00",
            "- 5,00 €" => "-5.00",
            "\u{2212}5,00" => "-5.00",
            "-0,50" => "-0.50",
            "29 €" => "29",
            "0,059 €" => "0.059",
            "  24,99  " => "24.99",
            "34.98e" => "34.98",
            "34.98 e" => "34.98",
            "12,99 ¤" => "12.99",
            "\u{2212}2,00 €" => "-2.00",
            "999 999 999,99 €" => "999999999.99",
        );
    }

    #[test]
    fn refuses_near_misses() {
        parses_to!(
            "06 12 34 56 78" => none,
            "06.12.34.56.78" => none,
            "0612345678" => none,
            "01/10/2026" => none,
            "01.10.2026" => none,
            "2026-10-01" => none,
            "00:02:15" => none,
            "02:15" => none,
            "100 Go" => none,
            "1,5 Go" => none,
            "12,30 Mo" => none,
            "20%" => none,
            "5,5 %" => none,
            "20,00 %" => none,
            "F123456789" => none,
            "123456789" => none,
            "FR60421938861" => none,
            "421 938 861" => none,
            "1.234" => none,
            "29,9" => none,
            "12,99 € 3,00 €" => none,
            "" => none,
            "-" => none,
            "12e" => none,
            "1,5e" => none,
            "1 000 000 000,00 €" => none,
            "12345678901,00" => none,
            "10000000000000000000000000000,00 €" => none,
        );
    }

    #[test]
    fn finds_amounts_inside_text() {
        let cases: &[(&str, &[&str])] = &[
            ("Forfait 100 Go  19,99 €", &["19.99"]),
            (
                "Free Haut Débit du 1er au 31 Juillet 2015  29.99",
                &["29.99"],
            ),
            ("Option Multi-SIM  20%  4,17  5,00", &["4.17", "5.00"]),
            ("Remise fidélité  -5,00 €", &["-5.00"]),
            ("Remise - 5,00 €", &["-5.00"]),
            ("Remise  -  5,00 €", &["-5.00"]),
            ("Internet+ GameZone Club –  3,00 EUR", &["3.00"]),
            ("Appels vers les mobiles -  12,02 EUR", &["12.02"]),
            ("Remise  –5,00 €", &["-5.00"]),
            (
                "Appel 06 12 34 56 78 le 01/10/2026 à 12:34:56 durée 00:02:15  0,00 €",
                &["0.00"],
            ),
            (
                "Total HT 1 234,56 € TVA 20% 246,91 €",
                &["1234.56", "246.91"],
            ),
            ("29.995.0024.99", &["29.99", "5.00", "24.99"]),
            ("892.371 070.85 €", &["892.37", "1070.85"]),
            ("1 024,171 229,00 €", &["1024.17", "1229.00"]),
            ("Facture n° 2026-10-123456 du 05/10/2026", &[]),
            ("Internet mobile 1,2 Go", &[]),
            ("Appels vers 0,15 €/min", &["0.15"]),
            ("Montant (EUR)  12,99 EUR", &["12.99"]),
            ("Forfait Free 2€  12.99 (10.83)", &["2", "12.99", "10.83"]),
            ("Coût en e TTC (HT)", &[]),
            ("Total  34.98e", &["34.98"]),
            ("Forfait Sosh 25,99€ 5G  25,99 €", &["25.99", "25.99"]),
            ("Remise  \u{2212}5,00 €", &["-5.00"]),
        ];
        for (text, want) in cases {
            let got: Vec<Decimal> = find_amounts(text).iter().map(|t| t.value).collect();
            let want: Vec<Decimal> = want.iter().map(|w| d(w)).collect();
            assert_eq!(got, want, "find_amounts({text:?})");
        }
    }

    #[test]
    fn tokens_point_at_their_text() {
        let text = "Total  1\u{a0}234,56 €  dont TVA";
        let t = &find_amounts(text)[0];
        assert_eq!(&text[t.start..t.end], "1\u{a0}234,56 €");
        assert!(t.currency);
        let glued = "29.995.0024.99";
        let spans: Vec<&str> = find_amounts(glued)
            .iter()
            .map(|t| &glued[t.start..t.end])
            .collect();
        assert_eq!(spans, ["29.99", "5.00", "24.99"]);
    }

    /// A 100 000-character row of amounts reads whole.
    #[test]
    fn finds_amounts_in_a_long_row() {
        let row = "12,34 € ".repeat(12_500);
        assert_eq!(row.chars().count(), 100_000);
        let found = find_amounts(&row);
        assert_eq!(found.len(), 12_500);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }

    /// The chars `scan` reads, counted by `step`.
    fn steps_of<T>(scan: impl FnOnce() -> T) -> (T, usize) {
        STEPS.with(|s| s.set(0));
        let out = scan();
        (out, STEPS.with(|s| s.get()))
    }

    /// Pieces of bill text, each ending in a space so that what is found in one does not
    /// depend on its neighbours: amounts of every form, and the near misses (phone
    /// numbers, dates, durations, volumes, rates, identifiers, lone signs, thousands
    /// that never end, glued columns that do not split).
    const PIECES: &[&str] = &[
        "Forfait 100 Go  19,99 € ",
        "Appel 06 12 34 56 78 le 01/10/2026 à 12:34:56 durée 00:02:15  0,00 € ",
        "Total HT 1\u{a0}234,56 € TVA 20% 246,91 € ",
        "29.995.0024.99 ",
        "Facture n° 2026-10-123456 FR60421938861 ",
        "Remise  -  5,00 € Internet+ GameZone Club –  3,00 EUR ",
        "- - – − 1 1 1 1,5 Go 12,30 Mo 34.98e 0,15 €/min ",
        "1 234 234 234 234 234 1.234.234.234.234 ",
        "5,5 % 20,00 % 1.2.3.4.5.6 ",
        "12345678901234567890123456789012345678901234567890,00 € ",
        "29.9929.9929.9929.9929.9929.9929.9929.9929.9929.9929.99x ",
    ];

    /// A 100 000-char row of many amounts and many tokens that are not amounts is read
    /// in a number of char reads proportional to its length (a rescan from the start
    /// for each token, as `find_amounts` once did, would take billions), and reads the
    /// same as its pieces read one by one.
    #[test]
    fn scanning_a_long_row_is_linear() {
        let mut row = String::new();
        let mut want_amounts = Vec::new();
        let mut want_rates = Vec::new();
        let mut piece = 0;
        while row.chars().count() < 100_000 {
            let text = PIECES[piece % PIECES.len()];
            want_amounts.extend(find_amounts(text).into_iter().map(|t| AmountToken {
                start: t.start + row.len(),
                end: t.end + row.len(),
                ..t
            }));
            want_rates.extend(find_rates(text));
            row.push_str(text);
            piece += 1;
        }
        // Long runs too: digits, glued amounts that fail at the end, spaces.
        for run in [
            "7".repeat(20_000),
            format!("{}x", "12.34".repeat(4_000)),
            " ".repeat(20_000),
        ] {
            row.push_str(&run);
            row.push(' ');
        }
        let len = row.chars().count();
        assert!(len >= 140_000, "{len}");
        assert!(
            want_amounts.len() > 2_000 && want_rates.len() > 500,
            "{} amounts, {} rates",
            want_amounts.len(),
            want_rates.len()
        );

        let (amounts, steps) = steps_of(|| find_amounts(&row));
        assert_eq!(amounts, want_amounts);
        assert!(
            steps <= 8 * len,
            "find_amounts: {steps} char reads for {len} chars"
        );
        let (rates, steps) = steps_of(|| find_rates(&row));
        assert_eq!(rates, want_rates);
        assert!(
            steps <= 2 * len,
            "find_rates: {steps} char reads for {len} chars"
        );
    }

    #[test]
    fn parses_rates_apart() {
        let cases: &[(&str, Option<&str>)] = &[
            ("20%", Some("20")),
            ("20 %", Some("20")),
            ("5,5 %", Some("5.5")),
            ("5.5%", Some("5.5")),
            ("20,00 %", Some("20")),
            ("20", None),
            ("12,99 €", None),
            ("%", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_rate(text), want.map(d), "parse_rate({text:?})");
        }
        assert_eq!(
            find_rates("TVA 20% et 10 % sur 5,5 %"),
            vec![d("20"), d("10"), d("5.5")]
        );
    }

    #[test]
    fn typed_amounts_are_read_as_people_type_them() {
        let cases = [
            ("24", Some("24")),
            ("24,9", Some("24.9")),
            (" 24.99 ", Some("24.99")),
            ("1\u{a0}029,00 €", Some("1029.00")),
            ("1 029,00EUR", Some("1029.00")),
            ("", None),
            ("-5", None),
            ("24,999", None),
            ("1.234,56", None),
            ("douze", None),
            ("100000", Some("100000")),
            ("100000,01", None),
        ];
        for (typed, expected) in cases {
            let expected = expected.map(|e| e.parse::<Decimal>().unwrap());
            assert_eq!(parse_typed_amount(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn typed_amounts_are_bounded_and_say_why_they_are_refused() {
        use TypedAmountError::*;
        let cases: [(&str, bool, Result<&str, TypedAmountError>); 14] = [
            ("-5", true, Ok("-5")),
            ("\u{2212}8,00 €", true, Ok("-8.00")),
            ("- 1 029,5", true, Ok("-1029.5")),
            ("-5", false, Err(Negative)),
            ("", true, Err(Empty)),
            ("  € ", true, Err(Empty)),
            ("12,3,4", true, Err(NotAnAmount)),
            ("1e30", true, Err(NotAnAmount)),
            ("12,", true, Ok("12")),
            (",5", true, Err(NotAnAmount)),
            ("0,001", true, Err(TooManyDecimals)),
            ("100000,00", true, Ok("100000.00")),
            ("-100000,01", true, Err(TooLarge)),
            // Far past what Decimal holds: refused, never a panic.
            ("99999999999999999999999999999999999", false, Err(TooLarge)),
        ];
        for (typed, signed, expected) in cases {
            let expected = expected.map(|e| e.parse::<Decimal>().unwrap());
            assert_eq!(typed_amount(typed, signed), expected, "{typed:?}");
        }
    }

    /// 29 digits, `Decimal::MAX`: two of them added would panic.
    const HUGE: &str = "79228162514264337593543950335";

    #[test]
    fn a_stored_amount_past_the_bound_is_refused_where_it_is_decoded() {
        #[derive(serde::Deserialize, Debug)]
        struct Line {
            #[serde(deserialize_with = "bounded::amount")]
            amount: Decimal,
            #[serde(default, deserialize_with = "bounded::optional")]
            total: Option<Decimal>,
        }
        let read = |json: &str| serde_json::from_str::<Line>(json);
        assert_eq!(
            read(r#"{"amount": "999999999.99"}"#).unwrap().amount,
            d("999999999.99")
        );
        assert_eq!(
            read(r#"{"amount": "-12.5", "total": null}"#).unwrap().total,
            None
        );
        assert_eq!(
            read(r#"{"amount": 12.5, "total": "3"}"#).unwrap().total,
            Some(d("3"))
        );
        assert!(!read(r#"{"amount": "douze"}"#)
            .unwrap_err()
            .to_string()
            .starts_with(OUT_OF_BOUND));
        for json in [
            format!(r#"{{"amount": "{HUGE}"}}"#),
            format!(r#"{{"amount": "-{HUGE}"}}"#),
            r#"{"amount": "99999999999999999999999999999"}"#.to_string(),
            r#"{"amount": 1e40}"#.to_string(),
            r#"{"amount": 99999999999999999999999999999999}"#.to_string(),
            r#"{"amount": "1000000000"}"#.to_string(),
            format!(r#"{{"amount": "1", "total": "{HUGE}"}}"#),
        ] {
            let error = read(&json).unwrap_err().to_string();
            assert!(error.starts_with(OUT_OF_BOUND), "{json}: {error}");
        }
    }

    #[test]
    fn sums_and_ratios_never_panic() {
        let huge: Decimal = HUGE.parse().unwrap();
        assert_eq!(sum([huge, huge, huge]), Decimal::MAX);
        assert_eq!(sum([d("12.99"), d("-2.00"), d("0.01")]), d("11.00"));
        assert_eq!(ratio(d("10"), Decimal::ZERO), Decimal::ZERO);
        assert_eq!(ratio(d("10"), d("4")), d("2.5"));
    }

    #[test]
    fn the_sum_bound_is_a_million_times_the_amount_bound() {
        assert_eq!(SUM_BOUND, AMOUNT_BOUND.times(Decimal::from(1_000_000)));
        assert_eq!(SUM_BOUND.to_string(), "1000000000000000");
    }

    #[test]
    fn amounts_are_formatted_per_language() {
        let cases = [
            ("12.99", "12,99\u{a0}€", "€12.99"),
            ("1234.5", "1\u{202f}234,50\u{a0}€", "€1,234.50"),
            ("-5", "−5,00\u{a0}€", "−€5.00"),
            ("0", "0,00\u{a0}€", "€0.00"),
            (
                "1029000.004",
                "1\u{202f}029\u{202f}000,00\u{a0}€",
                "€1,029,000.00",
            ),
        ];
        for (input, fr, en) in cases {
            let d = input.parse::<Decimal>().unwrap();
            assert_eq!(format_amount(d, Lang::Fr), fr, "{input}");
            assert_eq!(format_amount(d, Lang::En), en, "{input}");
        }
    }
}
