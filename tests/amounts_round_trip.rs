//! Formatting an amount and reading it back gives the same amount, over many generated
//! amounts: the French format the app prints (`format_amount`: `1 234,56 €`, narrow
//! no-break spaces, `−` for a minus) through `parse_amount` and `typed_amount`, and the
//! typed format the forms pre-fill (`24,99`, the value with a comma) through
//! `typed_amount`. An amount outside what a reader accepts is refused, never read as
//! another one. The generator is a fixed xorshift: the same amounts on every run.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use contestel::core::i18n::Lang;

use contestel::core::money::format_amount;
use contestel::core::money::{
    parse_amount, typed_amount, typed_text, MAX_INTEGER_DIGITS, MAX_TYPED_AMOUNT,
};
use rust_decimal::Decimal;

/// Amounts of every size a bill or a form holds, with 0 to 2 decimals, either sign, and
/// the edges: zero, a cent, the typed maximum and just past it, the largest amount a bill
/// may print and just past it.
fn amounts() -> Vec<Decimal> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out: Vec<Decimal> = [
        "0",
        "0.01",
        "-0.01",
        "0.10",
        "1",
        "12.3",
        "999.99",
        "1000",
        "100000",
        "100000.00",
        "100000.01",
        "-100000",
        "999999999.99",
        "-999999999.99",
        "1000000000",
    ]
    .iter()
    .map(|s| s.parse().unwrap_or_else(|e| panic!("{s}: {e}")))
    .collect();
    for _ in 0..20_000 {
        // A number of digits from 1 to 13, so that every size is as likely as any other.
        let digits = (next() % 13 + 1) as u32;
        let mantissa = (next() % 10u64.pow(digits)) as i64;
        let scale = (next() % 3) as u32;
        let mut amount = Decimal::new(mantissa, scale);
        amount.set_sign_negative(mantissa != 0 && next() % 4 == 0);
        out.push(amount);
    }
    out
}

/// What a bill may print: at most `MAX_INTEGER_DIGITS` digits before the point.
fn a_bill_may_print(amount: Decimal) -> bool {
    amount.abs().trunc().to_string().len() <= MAX_INTEGER_DIGITS
}

#[test]
fn the_french_format_reads_back_as_the_same_amount() {
    let mut read = 0;
    for amount in amounts() {
        let printed = format_amount(amount, Lang::Fr);
        let got = parse_amount(&printed);
        if a_bill_may_print(amount) {
            assert_eq!(got, Some(amount), "{amount} printed {printed:?}");
            read += 1;
        } else {
            assert_eq!(
                got, None,
                "{amount} printed {printed:?}: refused, not misread"
            );
        }
        let typed = typed_amount(&printed, true);
        if amount.abs() <= MAX_TYPED_AMOUNT {
            assert_eq!(
                typed,
                Ok(amount),
                "{amount} printed {printed:?}, typed back"
            );
        } else {
            assert!(typed.is_err(), "{amount} printed {printed:?}: {typed:?}");
        }
    }
    // Most generated amounts are within what a bill prints: the property is not vacuous.
    assert!(read > 10_000, "{read}");
}

#[test]
fn an_amount_past_the_cent_or_a_negative_zero_is_pre_filled_as_a_form_reads_it() {
    let cases = [
        ("0.125", "0,13"),
        ("-0.125", "-0,13"),
        ("0.124", "0,12"),
        ("12.500", "12,5"),
        ("5.00", "5"),
        ("100000.00", "100000"),
        ("-0", "0"),
        ("0.001", "0"),
        ("-0.001", "0"),
    ];
    for (stored, shown) in cases {
        let amount: Decimal = stored.parse().unwrap();
        assert_eq!(typed_text(amount), shown, "{stored}");
        let back = typed_amount(shown, true).unwrap();
        let cents =
            amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(back, cents, "{stored} pre-filled {shown:?}");
    }
}

#[test]
fn the_typed_format_reads_back_as_the_same_amount() {
    for amount in amounts() {
        // What the plan, line, header and case forms pre-fill.
        let typed = typed_text(amount);
        let got = typed_amount(&typed, true);
        if amount.abs() <= MAX_TYPED_AMOUNT {
            assert_eq!(got, Ok(amount), "{amount} typed {typed:?}");
        } else {
            assert!(got.is_err(), "{amount} typed {typed:?}: {got:?}");
        }
        // Unsigned, as a price: the same, or refused when negative.
        let price = typed_amount(&typed, false);
        if amount.is_sign_negative() && !amount.is_zero() {
            assert!(price.is_err(), "{typed:?}: {price:?}");
        } else {
            assert_eq!(price, got, "{typed:?}");
        }
    }
}
