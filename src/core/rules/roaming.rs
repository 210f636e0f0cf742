//! `roaming`: usage charged while abroad, telling the EU (used as at home when the plan
//! includes it, Regulation (EU) 2022/612) from elsewhere (Switzerland, the UK, Morocco,
//! the USA…). Calls made *to* another country from France are not roaming: they are
//! `out_of_plan`. One finding per charge, with the call-detail records that make it up;
//! records charged nothing (a received SMS, EU data included) are not flagged. Pure.

use rust_decimal::Decimal;

use super::classify::{medium_in, place_in, usage_kind, LineKind, Medium, Place, UsageKind};
use super::text::fold;
use super::{attach, charged, eur, finding, Context};
use crate::core::bill::Bill;
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};

/// Above this, a charge abroad is an alert: a bill shock the operator should have warned
/// about (the EU's data cut-off is 50 € excluding VAT).
const SHOCK: i64 = 50;

type Item = (usize, Decimal, Option<Place>, Option<Medium>);

/// The roaming charges of a bill, its roaming records, the records each charge is made
/// of, and the records no roaming charge took.
struct Split {
    lines: Vec<Item>,
    records: Vec<Item>,
    evidence: Vec<Vec<usize>>,
    rest: Vec<usize>,
}

/// The roaming records no roaming charge explains (a generic "hors forfait" line may:
/// `out_of_plan` takes them as its evidence).
pub(crate) fn leftover(bill: &Bill, kinds: &[LineKind]) -> Vec<usize> {
    split(bill, kinds).rest
}

fn split(bill: &Bill, kinds: &[LineKind]) -> Split {
    let lines: Vec<Item> = bill
        .lines
        .iter()
        .enumerate()
        .filter(|(i, l)| charged(l) && kinds[*i] == LineKind::Roaming)
        .map(|(i, l)| {
            let f = fold(&l.label);
            (i, l.amount, place_in(&f), medium_in(&f))
        })
        .collect();
    let records: Vec<Item> = bill
        .usage
        .iter()
        .enumerate()
        .filter(|(_, u)| usage_kind(u) == UsageKind::Roaming)
        .map(|(i, u)| {
            let f = fold(&u.kind);
            (i, u.amount, place_in(&f), medium_in(&f))
        })
        .collect();
    let pairs = |v: &[Item]| v.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>();
    let (evidence, rest) = attach(&pairs(&lines), &pairs(&records), |line, record| {
        let l = lines.iter().find(|x| x.0 == line);
        let r = records.iter().find(|x| x.0 == record);
        let (Some(l), Some(r)) = (l, r) else {
            return false;
        };
        let place_ok = match (l.2, r.2) {
            (Some(lp), Some(rp)) if !generic(lp) && !generic(rp) => lp.name == rp.name,
            (Some(lp), Some(rp)) => lp.eu == rp.eu,
            _ => true,
        };
        let medium_ok = match (l.3, r.3) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        place_ok && medium_ok
    });
    Split {
        lines,
        records,
        evidence,
        rest,
    }
}

/// Flags charges and records for usage abroad.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let kinds = ctx.line_kinds(b);
        let eu_included = ctx
            .plan_for(b)
            .and_then(|p| p.allowances.roaming_eu)
            .unwrap_or(true);
        let Split {
            lines,
            records,
            evidence,
            rest,
        } = split(bill, kinds);
        for (l, usage) in lines.iter().zip(evidence) {
            let place = l.2.filter(|p| !generic(*p)).or_else(|| {
                usage
                    .first()
                    .and_then(|&u| records.iter().find(|r| r.0 == u))
                    .and_then(|r| r.2)
            });
            let place = place.or(l.2);
            if let Some(f) = flag(
                b,
                vec![l.0],
                usage,
                l.1,
                place,
                eu_included,
                &bill.lines[l.0].label,
            ) {
                out.push(f);
            }
        }
        for u in rest {
            let r = records.iter().find(|x| x.0 == u).copied();
            let record = &bill.usage[u];
            if let Some(f) = flag(
                b,
                vec![],
                vec![u],
                record.amount,
                r.and_then(|r| r.2),
                eu_included,
                &record.kind,
            ) {
                out.push(f);
            }
        }
    }
    out
}

fn generic(place: Place) -> bool {
    place.name.starts_with("l'") || place.name.starts_with("hors") || place.name == "Europe"
}

fn flag(
    bill: usize,
    lines: Vec<usize>,
    usage: Vec<usize>,
    amount: Decimal,
    place: Option<Place>,
    eu_included: bool,
    label: &str,
) -> Option<Finding> {
    let eu = place.is_some_and(|p| p.eu);
    if eu && !eu_included {
        return None;
    }
    let severity = if amount >= Decimal::from(SHOCK) {
        Severity::Alert
    } else {
        Severity::Warning
    };
    let mut f = finding(RuleId::Roaming, severity, bill, lines, usage, amount);
    let (fr_amount, en_amount) = eur(amount);
    let where_fr = place.map_or("à l'étranger".to_string(), |p| match p.name {
        "hors UE" | "hors Europe" | "l'étranger" => "à l'étranger, hors UE".to_string(),
        name => format!("à l'étranger ({name})"),
    });
    let where_en = place.map_or("abroad".to_string(), |p| match p.name {
        "hors UE" | "hors Europe" | "l'étranger" => "abroad, outside the EU".to_string(),
        _ => format!("abroad ({})", p.name_en),
    });
    if eu {
        f.message = Bilingual::new(
            format!("« {label} » : {fr_amount} facturés pour une utilisation {where_fr}. Dans l'Union européenne, votre forfait s'utilise comme en France, sans supplément."),
            format!("\"{label}\": {en_amount} charged for use {where_en}. In the European Union your plan works as at home, at no extra cost."),
        );
        f.action = Bilingual::new(
            "Demandez le remboursement : l'itinérance dans l'UE est incluse (sauf dépassement d'un usage raisonnable que l'opérateur doit justifier).",
            "Ask for a refund: EU roaming is included (unless a fair-use limit was exceeded, which the operator must show).",
        );
        f.legal = Some(Legal::EuRoaming);
    } else {
        let shock_fr = if severity == Severity::Alert {
            " Un montant aussi élevé aurait dû déclencher une alerte de l'opérateur."
        } else {
            ""
        };
        let shock_en = if severity == Severity::Alert {
            " Such an amount should have triggered a warning from the operator."
        } else {
            ""
        };
        f.message = Bilingual::new(
            format!("« {label} » : {fr_amount} facturés pour une utilisation {where_fr}, hors de la zone où le forfait s'applique.{shock_fr}"),
            format!("\"{label}\": {en_amount} charged for use {where_en}, outside the zone the plan covers.{shock_en}"),
        );
        f.action = Bilingual::new(
            "Vérifiez que ces communications ont bien eu lieu pendant un séjour hors UE et le tarif annoncé ; contestez ce qui ne correspond pas et demandez un geste si aucune alerte de consommation n'a été envoyée.",
            "Check that this usage happened during a stay outside the EU and at the advertised rate; dispute what does not match and ask for a goodwill gesture if no usage alert was sent.",
        );
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    fn roaming_outside_the_eu_is_flagged_with_its_records() {
        let mut b = bill(vec![
            line("Forfait du 01/10 au 31/10", "19.99", Subscription),
            line("Appels émis depuis les États-Unis", "15.30", OutOfPlan),
            line("SMS émis depuis les États-Unis", "0.60", OutOfPlan),
            line(
                "Internet mobile depuis la Suisse (hors UE)",
                "1029.00",
                OutOfPlan,
            ),
            line("Appels émis depuis l'étranger (hors UE)", "2.70", OutOfPlan),
        ]);
        b.usage = vec![
            usage("0698765432", "Appel émis depuis les États-Unis", "4.50"),
            usage("0145678910", "Appel émis depuis les États-Unis", "10.80"),
            usage("+12125550147", "Appel reçu aux États-Unis", "0"),
            usage("0698765432", "SMS émis depuis les États-Unis", "0.30"),
            usage("0698765432", "SMS émis depuis les États-Unis", "0.30"),
            usage("Internet", "Internet depuis la Suisse", "1029.00"),
            usage("0698765432", "Appel émis depuis le Maroc", "2.70"),
            usage("Internet", "Internet depuis l'Italie", "0"),
            usage("0698765432", "SMS reçu au Maroc", "0"),
        ];
        let got = summary(&check(&Context::new(&[b], None, today())));
        let (w, a) = (Severity::Warning, Severity::Alert);
        assert_eq!(
            got,
            vec![
                (0, vec![1], vec![0, 1], w, "15.30".into()),
                (0, vec![2], vec![3, 4], w, "0.60".into()),
                (0, vec![3], vec![5], a, "1029.00".into()),
                (0, vec![4], vec![6], w, "2.70".into()),
            ]
        );
    }

    #[test]
    fn eu_roaming_is_flagged_only_when_the_plan_includes_it() {
        let b = bill(vec![line("Internet depuis l'Italie", "12.00", OutOfPlan)]);
        let f = check(&Context::new(std::slice::from_ref(&b), None, today()));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].legal, Some(Legal::EuRoaming));
        let p = plan(r#"{"monthly_price": "5", "allowances": {"roaming_eu": false}}"#);
        assert!(check(&Context::new(&[b], Some(&p), today())).is_empty());
    }

    #[test]
    fn calls_to_another_country_are_not_roaming() {
        let mut b = bill(vec![line(
            "Appels vers l'international (Tunisie)",
            "4.20",
            OutOfPlan,
        )]);
        b.usage = vec![usage("+21698123456", "Appel vers la Tunisie", "4.20")];
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }
}
