//! OFX statements: 1.x (SGML: a `KEY:VALUE` header, then tags whose leaf elements are
//! never closed) and 2.x (XML, every element closed). One small tokenizer reads both: it
//! walks `<TAG>text` pairs, takes the text after a leaf tag as its value, and collects
//! each `<STMTTRN>` block's `DTPOSTED`, `TRNAMT`, `NAME` and `MEMO`.
//!
//! No crate: the OFX crates on crates.io are either unmaintained or pull a whole XML or
//! SGML parser (and serde models of the full specification) into the app for the five
//! fields used here. Bounded: tag length, text length, number of tags, nesting; a
//! statement whose blocks do not close or whose values do not read is refused as
//! broken, with where.

use super::text::{parse_amount, parse_date};
use super::{Operation, StatementError, MAX_FIELD_CHARS, MAX_ROWS};

/// The most tags a statement may hold (a transaction takes about ten).
const MAX_TAGS: usize = MAX_ROWS * 16;

/// Whether the text is OFX (a version-1 header, or an `<OFX>` element near the start).
pub fn is_ofx(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_uppercase();
    head.trim_start().starts_with("OFXHEADER") || head.contains("<OFX>")
}

/// The OFX version, from its header (`VERSION:102`, `<?OFX … VERSION="220"?>`).
pub fn version(text: &str) -> u32 {
    let head: String = text.chars().take(2048).collect();
    if head.contains("<?OFX") || head.trim_start().starts_with("<?xml") {
        2
    } else {
        1
    }
}

/// One transaction as the tags give it.
#[derive(Default)]
struct Pending {
    date: Option<String>,
    amount: Option<String>,
    name: Option<String>,
    memo: Option<String>,
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Reads the operations of an OFX statement, and the bank's name (`<ORG>`) when given.
pub fn read(text: &str) -> Result<(Vec<Operation>, Option<String>), StatementError> {
    let broken = |detail: &str| StatementError::BrokenOfx {
        detail: detail.to_string(),
    };
    let start = text
        .to_ascii_uppercase()
        .find("<OFX>")
        .ok_or_else(|| broken("<OFX>"))?;
    let body = &text[start..];
    let mut operations = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut current: Option<Pending> = None;
    let mut org = None;
    let mut tags = 0usize;
    let mut closed_ofx = false;
    // OFX 2 closes its leaf elements, OFX 1 need not: a closing tag that matches no open
    // aggregate must close the leaf just read.
    let mut last_leaf = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let gt = rest.find('>').ok_or_else(|| broken("<"))?;
        let tag = rest[..gt].trim();
        if tag.len() > 64 {
            return Err(broken("tag"));
        }
        rest = &rest[gt + 1..];
        tags += 1;
        if tags > MAX_TAGS {
            return Err(StatementError::TooManyRows { max: MAX_ROWS });
        }
        // The text up to the next tag is the value of a leaf element.
        let next = rest.find('<').unwrap_or(rest.len());
        let value = rest[..next].trim();
        if value.len() > MAX_FIELD_CHARS {
            return Err(StatementError::LineTooLong {
                line: text[..text.len() - rest.len()].lines().count(),
            });
        }
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.to_ascii_uppercase();
            // Close up to the matching element; leaf elements of OFX 1 were never opened.
            if let Some(at) = open.iter().rposition(|o| *o == name) {
                open.truncate(at);
            } else if name != last_leaf {
                return Err(broken(&format!("</{name}>")));
            }
            if name == "STMTTRN" {
                let p = current.take().ok_or_else(|| broken("</STMTTRN>"))?;
                operations.push(transaction(p)?);
                if operations.len() > MAX_ROWS {
                    return Err(StatementError::TooManyRows { max: MAX_ROWS });
                }
            }
            if name == "OFX" {
                closed_ofx = true;
            }
            continue;
        }
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        if value.is_empty() {
            // An aggregate.
            if open.len() > 32 {
                return Err(broken("nesting"));
            }
            if name == "STMTTRN" {
                if current.is_some() {
                    return Err(broken("<STMTTRN>"));
                }
                current = Some(Pending::default());
            }
            open.push(name);
            continue;
        }
        let value = unescape(value);
        last_leaf.clone_from(&name);
        match (name.as_str(), current.as_mut()) {
            ("DTPOSTED", Some(p)) => p.date = Some(value),
            ("TRNAMT", Some(p)) => p.amount = Some(value),
            ("NAME", Some(p)) => p.name = Some(value),
            ("MEMO", Some(p)) => p.memo = Some(value),
            ("ORG", _) if org.is_none() => org = Some(value),
            _ => {}
        }
    }
    if current.is_some() || !closed_ofx {
        return Err(broken("</OFX>"));
    }
    Ok((operations, org))
}

fn transaction(p: Pending) -> Result<Operation, StatementError> {
    let broken = |detail: &str| StatementError::BrokenOfx {
        detail: detail.to_string(),
    };
    let date = p
        .date
        .as_deref()
        .and_then(parse_date)
        .ok_or_else(|| broken("DTPOSTED"))?;
    let amount = match p.amount.as_deref().map(parse_amount) {
        Some(Ok(Some(a))) => a,
        Some(Err(())) => return Err(StatementError::AbsurdAmount { line: 0 }),
        _ => return Err(broken("TRNAMT")),
    };
    let label = match (p.name, p.memo) {
        (Some(n), Some(m)) if !m.is_empty() && m != n => format!("{n} {m}"),
        (Some(n), _) => n,
        (None, Some(m)) => m,
        (None, None) => String::new(),
    };
    Ok(Operation {
        date,
        amount,
        label: label.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><FI><ORG>Banque Exemple</FI></SONRS></SIGNONMSGSRSV1>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\n<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20260105\n<TRNAMT>-19,99\n<FITID>1\n<NAME>PRLV SEPA FREE MOBILE\n<MEMO>ICS FR00ZZZ000001 RUM FM-1\n</STMTTRN>\n<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>20260110120000[+1:CET]\n<TRNAMT>5.00\n<NAME>REMB FREE &amp; CO\n</STMTTRN>\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n";

    const V2: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"220\"?>\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\n<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260105</DTPOSTED><TRNAMT>-19.99</TRNAMT><NAME>PRLV SEPA SOSH</NAME></STMTTRN>\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";

    #[test]
    fn both_versions_read() {
        assert!(is_ofx(V1) && is_ofx(V2));
        assert_eq!((version(V1), version(V2)), (1, 2));
        let (ops, org) = read(V1).unwrap();
        assert_eq!(org.as_deref(), Some("Banque Exemple"));
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[0].amount.to_string(), "-19.99");
        assert_eq!(
            ops[0].label,
            "PRLV SEPA FREE MOBILE ICS FR00ZZZ000001 RUM FM-1"
        );
        assert_eq!(ops[1].label, "REMB FREE & CO");
        assert_eq!(ops[1].date.to_string(), "2026-01-10");
        let (ops, _) = read(V2).unwrap();
        assert_eq!((ops.len(), ops[0].label.as_str()), (1, "PRLV SEPA SOSH"));
    }

    #[test]
    fn broken_statements_are_refused_with_where() {
        let cut = &V1[..V1.find("</STMTTRN>").unwrap()];
        assert!(matches!(read(cut), Err(StatementError::BrokenOfx { .. })));
        let bad_amount = V2.replace("-19.99", "abc");
        assert_eq!(
            read(&bad_amount),
            Err(StatementError::BrokenOfx {
                detail: "TRNAMT".into()
            })
        );
        let stray = V2.replace("</BANKTRANLIST>", "</STMTTRN></BANKTRANLIST>");
        assert!(matches!(
            read(&stray),
            Err(StatementError::BrokenOfx { .. })
        ));
        assert!(matches!(
            read("no ofx here"),
            Err(StatementError::BrokenOfx { .. })
        ));
        let nested = format!("<OFX>{}</OFX>", "<A>".repeat(40));
        assert!(matches!(
            read(&nested),
            Err(StatementError::BrokenOfx { .. })
        ));
    }
}
