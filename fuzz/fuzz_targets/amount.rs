//! Any text through amount parsing: `parse_amount`, `typed_amount` (signed or not),
//! `find_amounts`, `find_rates`, `parse_rate`. Each token found must point at its text;
//! an amount read is summed as `interpret` sums a bill's lines; a typed amount stays within
//! `MAX_TYPED_AMOUNT` and reads back from the French format the app prints.
#![no_main]

use contestel::core::lang::Lang;
use contestel::core::money::format_amount;
use contestel::core::money::{
    find_amounts, find_rates, parse_amount, parse_rate, typed_amount, MAX_TYPED_AMOUNT,
};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let _ = parse_amount(text);
    let _ = parse_rate(text);
    let _ = find_rates(text);
    let mut sum = Decimal::ZERO;
    for token in find_amounts(text) {
        assert!(token.start < token.end, "{token:?}");
        let _ = &text[token.start..token.end];
        sum += token.value;
    }
    let _ = sum;
    for signed in [false, true] {
        if let Ok(value) = typed_amount(text, signed) {
            assert!(value.abs() <= MAX_TYPED_AMOUNT, "{value}");
            assert!(
                signed || !value.is_sign_negative() || value.is_zero(),
                "{value}"
            );
            let printed = format_amount(value, Lang::Fr);
            assert_eq!(parse_amount(&printed), Some(value), "{printed:?}");
            assert_eq!(typed_amount(&printed, true), Ok(value), "{printed:?}");
        }
    }
});
