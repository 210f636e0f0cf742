//! `premium_number`: calls and SMS to special numbers, found by the number called in the
//! call detail (081/082/089, 3BPQ with B from 2 to 9, 10XY, 118XYZ, SMS+ short codes) and
//! by the wording of the charge ("numéros spéciaux", "SMS+", "118").
//!
//! What the law says (`core::law`, which says what could be checked at the source), and so what the words may
//! claim:
//! - these ranges *may* be surcharged; some numbers in them cost a normal call (DGCCRF):
//!   a finding says "special number that may be surcharged", never "surcharged";
//! - the price caps (Arcep décision 2012-0856) are on the **service part** only, the call's
//!   own price on top: a charge is compared with the cap only when the bill prints the
//!   service part apart (a section of what is billed for other suppliers), never a whole
//!   call record;
//! - the free block (Code de la consommation L224-54, arrêté du 26 décembre 2017) covers
//!   089, 3BPQ except 30/31PQ, and SMS+ 3xxxx–8xxxx only: not 081, 082, 118 or 10XY; a
//!   call through a block the person asked for is an alert only inside that scope, and the
//!   free block is offered only for numbers it covers;
//! - a customer-service number may never be surcharged (L121-16): a charged call the bill
//!   labels as the operator's customer service is its own complaint.
//!
//! Not surcharged, so never flagged: 0800–0809, 30PQ/31PQ, 116XYZ, 3xxxx SMS codes. A
//! record charged nothing is not flagged either. One finding per charge, with the records
//! that make it up as evidence, so the money is counted once. Pure.

use crate::core::money::Amount as _;
use rust_decimal::Decimal;

use crate::core::money::ratio;

use super::classify::{usage_kind, LineKind, PremiumKind, UsageKind};
use super::text::{fold, has_any};
use super::{attach, charged, eur, finding, Context};
use crate::core::bill::Bill;
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Sva,
    Short,
    Directory,
    Sms,
    Unknown,
}

fn family(kind: Option<PremiumKind>) -> Family {
    match kind {
        Some(PremiumKind::Sva081 | PremiumKind::Sva082 | PremiumKind::Sva089) => Family::Sva,
        Some(PremiumKind::Short) => Family::Short,
        Some(PremiumKind::Directory) => Family::Directory,
        Some(PremiumKind::SmsPlus(_)) => Family::Sms,
        None => Family::Unknown,
    }
}

fn label_family(label: &str, kind: Option<PremiumKind>) -> Family {
    let f = fold(label);
    match family(kind) {
        Family::Unknown if has_any(&f, &["sms+", "mms+"]) => Family::Sms,
        Family::Unknown if has_any(&f, &["118", "renseignements"]) => Family::Directory,
        other => other,
    }
}

/// The most the service part of one call of this duration may cost in this range (Arcep
/// décision 2012-0856, per-range caps not read at an official source): priced by the minute or by the call, so the
/// larger of the two caps. `None` where the range has no cap or the duration is unknown.
fn service_cap(kind: PremiumKind, duration_s: Option<u32>) -> Option<Decimal> {
    let (per_min, per_call) = kind.caps_cents()?;
    let seconds = duration_s?;
    let by_minute = ratio(
        Decimal::new(per_min, 2).times(Decimal::from(seconds)),
        Decimal::from(60),
    );
    Some(by_minute.max(Decimal::new(per_call, 2)))
}

/// Whether a charge is the service part alone: bills print it in a section of what they
/// bill for other suppliers ("pour le compte de tiers", "autres fournisseurs"), the call
/// itself staying with the operator (`shared/DOMAIN.md`, Orange and SFR bills).
fn service_part(section: &str) -> bool {
    has_any(
        &fold(section),
        &[
            "tiers",
            "pour le compte",
            "autres fournisseurs",
            "autre fournisseur",
        ],
    )
}

/// Whether the free block of L224-54 (arrêté du 26 décembre 2017) covers a number: 089,
/// 3BPQ except 30/31PQ (the only 3BPQ numbers classified as premium), SMS+ 3xxxx–8xxxx.
/// Not 081, 082, 118 or 10XY. `None` when the number is not known well enough to say.
fn in_free_block(kind: Option<PremiumKind>, numbers: &[String]) -> Option<bool> {
    match kind? {
        PremiumKind::Sva089 => Some(true),
        PremiumKind::Sva081 | PremiumKind::Sva082 | PremiumKind::Directory => Some(false),
        PremiumKind::SmsPlus(first) => Some((3..=8).contains(&first)),
        PremiumKind::Short => {
            let first = numbers.iter().find_map(|n| short_number(n))?;
            Some(first.starts_with('3'))
        }
    }
}

/// A four-digit short number in a text ("3630", "Appel vers le 1014").
fn short_number(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 4 && (run.starts_with('3') || run.starts_with("10")))
        .map(str::to_string)
}

/// Whether the bill says the call was to the operator's own customer service.
fn customer_service(text: &str) -> bool {
    has_any(
        &fold(text),
        &["service client", "relation client", "serv client"],
    )
}

/// The premium charges of a bill, its premium records, the records each charge is made
/// of, and the records no premium charge took.
struct Split {
    lines: Vec<(usize, Decimal, Family)>,
    records: Vec<(usize, PremiumKind)>,
    evidence: Vec<Vec<usize>>,
    rest: Vec<usize>,
}

/// The surcharged records no surcharged charge explains (a generic "hors forfait" line
/// may: `out_of_plan` takes them as its evidence).
pub(crate) fn leftover(bill: &Bill, kinds: &[LineKind]) -> Vec<usize> {
    split(bill, kinds).rest
}

fn split(bill: &Bill, kinds: &[LineKind]) -> Split {
    let lines: Vec<(usize, Decimal, Family)> = bill
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| charged(l))
        .filter_map(|(i, l)| match kinds[i] {
            LineKind::Premium(kind) => Some((i, l.amount, label_family(&l.label, kind))),
            _ => None,
        })
        .collect();
    let records: Vec<(usize, PremiumKind)> = bill
        .usage
        .iter()
        .enumerate()
        .filter_map(|(i, u)| match usage_kind(u) {
            UsageKind::Premium(kind) => Some((i, kind)),
            _ => None,
        })
        .collect();
    let amounts: Vec<(usize, Decimal)> = lines.iter().map(|l| (l.0, l.1)).collect();
    let record_amounts: Vec<(usize, Decimal)> = records
        .iter()
        .map(|r| (r.0, bill.usage[r.0].amount))
        .collect();
    let (evidence, rest) = attach(&amounts, &record_amounts, |line, record| {
        let lf = lines
            .iter()
            .find(|l| l.0 == line)
            .map_or(Family::Unknown, |l| l.2);
        let rf = records
            .iter()
            .find(|r| r.0 == record)
            .map_or(Family::Unknown, |r| family(Some(r.1)));
        lf == Family::Unknown || lf == rf
    });
    Split {
        lines,
        records,
        evidence,
        rest,
    }
}

/// What one finding is about, before it is put in words.
struct Call<'a> {
    /// The label of the charge, or the kind of the record.
    label: &'a str,
    /// The numbers called, from the call detail (or the label).
    numbers: Vec<String>,
    /// The range, when known.
    kind: Option<PremiumKind>,
    /// The person asked for the block of special numbers.
    blocked: bool,
    /// Whether that block covers this number.
    in_block: Option<bool>,
    /// The service part is above its cap.
    over_cap: bool,
    /// The call was to the operator's own customer service.
    own_service: bool,
    /// Calls are unlimited on the plan: a normal-price call costs nothing.
    unlimited_calls: bool,
}

impl Call<'_> {
    fn severity(&self) -> Severity {
        let through_block = self.blocked && self.in_block == Some(true);
        if through_block || self.over_cap || (self.own_service && self.unlimited_calls) {
            Severity::Alert
        } else {
            Severity::Warning
        }
    }
}

/// Flags charges and call-detail records to special numbers.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let kinds = ctx.line_kinds(b);
        let plan = ctx.plan_for(b);
        let blocked = plan.is_some_and(|p| p.blocked.premium_numbers);
        let unlimited_calls =
            plan.is_some_and(|p| p.allowances.calls.is_some_and(|c| c.is_unlimited()));
        let Split {
            lines,
            records,
            evidence,
            rest,
        } = split(bill, kinds);
        let record_kind = |u: usize| records.iter().find(|r| r.0 == u).map(|r| r.1);
        for ((line, amount, _), usage) in lines.iter().zip(evidence) {
            let charge = &bill.lines[*line];
            let kind = match kinds[*line] {
                LineKind::Premium(kind) => kind,
                _ => None,
            }
            .or_else(|| usage.iter().find_map(|&u| record_kind(u)));
            let mut numbers: Vec<String> = usage
                .iter()
                .map(|&u| bill.usage[u].destination.clone())
                .collect();
            let called = numbers.clone();
            numbers.extend(short_number(&charge.label));
            // The cap can be checked only against a service part, from the durations of
            // the calls it is made of.
            let over_cap = service_part(&charge.section)
                && !usage.is_empty()
                && usage
                    .iter()
                    .map(|&u| {
                        let r = &bill.usage[u];
                        record_kind(u).and_then(|k| service_cap(k, r.duration_s))
                    })
                    .sum::<Option<Decimal>>()
                    .is_some_and(|cap| *amount > cap.plus(Decimal::new(1, 2)));
            let case = Call {
                label: &charge.label,
                numbers: called,
                kind,
                blocked,
                in_block: in_free_block(kind, &numbers),
                over_cap,
                own_service: customer_service(&charge.label)
                    || usage.iter().any(|&u| customer_service(&bill.usage[u].kind)),
                unlimited_calls,
            };
            let mut f = finding(
                RuleId::PremiumNumber,
                case.severity(),
                b,
                vec![*line],
                usage.clone(),
                *amount,
            );
            words(&mut f, &case);
            out.push(f);
        }
        for u in rest {
            let record = &bill.usage[u];
            let kind = record_kind(u);
            let numbers = vec![record.destination.clone()];
            let case = Call {
                label: &record.kind,
                in_block: in_free_block(kind, &numbers),
                numbers,
                kind,
                blocked,
                // A record's amount is the call and the service together: no cap to hold
                // it to.
                over_cap: false,
                own_service: customer_service(&record.kind),
                unlimited_calls,
            };
            let mut f = finding(
                RuleId::PremiumNumber,
                case.severity(),
                b,
                vec![],
                vec![u],
                record.amount,
            );
            words(&mut f, &case);
            out.push(f);
        }
    }
    out
}

fn words(f: &mut Finding, case: &Call) {
    let (fr_amount, en_amount) = eur(f.amount);
    let label = case.label;
    let to = if case.numbers.is_empty() {
        String::new()
    } else {
        format!(" ({})", case.numbers.join(", "))
    };
    if case.own_service {
        f.message = Bilingual::new(
            format!("« {label} »{to} : {fr_amount} facturés pour un appel au service client. Un numéro de service client ne peut pas être surtaxé (art. L121-16 du Code de la consommation)."),
            format!("\"{label}\"{to}: {en_amount} charged for a call to customer service. A customer-service number may not be surcharged (Code de la consommation, L121-16)."),
        );
        f.action = if case.unlimited_calls {
            Bilingual::new(
                "Vos appels sont illimités : cet appel n'aurait rien dû coûter. Réclamez le remboursement à l'opérateur, à part de vos autres contestations.",
                "Your calls are unlimited: this call should have cost nothing. Claim the refund from the operator, apart from your other disputes.",
            )
        } else {
            Bilingual::new(
                "Réclamez à l'opérateur le remboursement de ce qui dépasse le prix d'un appel ordinaire, à part de vos autres contestations.",
                "Claim from the operator whatever exceeds the price of an ordinary call, apart from your other disputes.",
            )
        };
        f.legal = Some(Legal::ServiceNumber);
        return;
    }
    let range = match case.kind {
        Some(kind) => {
            let (fr, en) = kind.describe();
            (format!(" ({fr})"), format!(" ({en})"))
        }
        None => (String::new(), String::new()),
    };
    let mut fr = format!(
        "« {label} »{to} : {fr_amount} facturés pour un numéro spécial{}, qui peut être surtaxé (certains sont au prix d'un appel normal).",
        range.0
    );
    let mut en = format!(
        "\"{label}\"{to}: {en_amount} charged for a special number{}, which may be surcharged (some cost a normal call).",
        range.1
    );
    match (case.blocked, case.in_block) {
        (true, Some(true)) => {
            fr.push_str(" Vous aviez demandé le blocage de ces numéros, qui les couvre : cet appel n'aurait pas dû aboutir.");
            en.push_str(" You had asked for these numbers to be blocked, and the block covers them: this call should not have gone through.");
        }
        (true, Some(false)) => {
            fr.push_str(" Le blocage gratuit que vous avez demandé ne couvre pas cette tranche (ni les 081, 082, 118 et 10XY).");
            en.push_str(" The free block you asked for does not cover this range (nor 081, 082, 118 and 10XY numbers).");
        }
        _ => {}
    }
    if case.over_cap {
        fr.push_str(" Facturée à part, la partie « service » semble dépasser le plafond de cette tranche (plafond que nous n'avons pas pu vérifier à la source : voir les sources).");
        en.push_str(" Billed apart, the service part seems above the cap for this range (a cap we could not check at its source: see the sources).");
        f.legal = Some(Legal::PremiumCaps);
    }
    f.message = Bilingual::new(fr, en);
    f.action = if case.blocked && case.in_block == Some(true) {
        Bilingual::new(
            "Demandez le remboursement à l'opérateur : le blocage de ces numéros était actif.",
            "Ask the operator for a refund: these numbers were blocked on the line.",
        )
    } else if case.in_block == Some(true) {
        Bilingual::new(
            "Si vous n'avez pas appelé ce numéro, contestez la ligne auprès de l'opérateur et demandez le blocage gratuit des 089, numéros courts 3BPQ et SMS+ ; l'éditeur d'un numéro se retrouve sur infosva.org, celui d'un SMS+ sur surmafacture.fr.",
            "If you did not call this number, dispute the line with the operator and ask for the free block of 089, 3BPQ short numbers and SMS+; a number's provider can be looked up on infosva.org, an SMS+ one on surmafacture.fr.",
        )
    } else {
        Bilingual::new(
            "Si vous n'avez pas appelé ce numéro, contestez la ligne auprès de l'opérateur en demandant le détail de l'appel ; l'éditeur du numéro se retrouve sur infosva.org.",
            "If you did not call this number, dispute the line with the operator and ask for the call's details; the number's provider can be looked up on infosva.org.",
        )
    };
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    fn surcharged_numbers_and_wordings_are_flagged() {
        let mut b = bill(vec![
            line("Forfait 5G du 01/10 au 31/10", "24.99", Subscription),
            line("Appels vers numéros spéciaux 08 9x", "3.36", Premium),
            line("Services de renseignements 118", "2.99", Usage),
            line("SMS+ vers numéros courts", "1.50", OutOfPlan),
            line(
                "Appel vers le 3630 (service à valeur ajoutée)",
                "0.99",
                Usage,
            ),
        ]);
        let mut call = usage("0892683127", "Appel n° spécial", "3.36");
        call.duration_s = Some(252);
        b.usage = vec![
            usage("0698765432", "Appel", "0"),
            call,
            usage("118218", "Appel n° spécial", "2.99"),
            usage("81234", "SMS+", "1.50"),
            usage("3630", "Appel", "0.99"),
            usage("0825000000", "Appel", "0.50"),
        ];
        let got = summary(&check(&Context::new(&[b], None, today())));
        let w = Severity::Warning;
        assert_eq!(
            got,
            vec![
                (0, vec![1], vec![1], w, "3.36".into()),
                (0, vec![2], vec![2], w, "2.99".into()),
                (0, vec![3], vec![3], w, "1.50".into()),
                (0, vec![4], vec![4], w, "0.99".into()),
                (0, vec![], vec![5], w, "0.50".into()),
            ]
        );
    }

    #[test]
    fn near_misses_are_not_flagged() {
        let mut b = bill(vec![
            line("Forfait 5G 100 Go du 01/10 au 31/10", "24.99", Subscription),
            line("Appel vers le 3010", "0.00", Usage),
            line("Option 118 Go bonus", "2.00", Option),
        ]);
        b.usage = vec![
            usage("0800123456", "Appel", "0"),
            usage("0806000000", "Appel", "0.10"),
            usage("3010", "Appel", "0"),
            usage("3179", "Appel", "0.20"),
            usage("116000", "Appel", "0"),
            usage("116111", "Appel", "0.05"),
            usage("36665", "SMS", "0.05"),
            usage("0892683127", "Appel n° spécial", "0"),
        ];
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }

    fn one(
        label: &str,
        section: &str,
        record: crate::core::bill::UsageRecord,
        plan_json: std::option::Option<&str>,
    ) -> Finding {
        let mut b = bill(vec![line_in(
            label,
            &record.amount.to_string(),
            Premium,
            section,
        )]);
        b.usage = vec![record];
        let p = plan_json.map(plan);
        let mut found = check(&Context::new(&[b], p.as_ref(), today()));
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    fn record(
        number: &str,
        kind: &str,
        amount: &str,
        seconds: u32,
    ) -> crate::core::bill::UsageRecord {
        let mut r = usage(number, kind, amount);
        r.duration_s = Some(seconds);
        r
    }

    #[test]
    fn the_cap_holds_the_service_part_only_and_turns_at_the_cent() {
        // A section of what other suppliers bill (a "tiers" section is third-party billing for
        // `classify`, and `third_party` speaks of it).
        let tiers = "Facturé pour le compte d'autres fournisseurs";
        // A whole call record: the call's price is on top of the service part, so 5 € for a
        // minute of 089 proves nothing.
        let whole = one(
            "Appels vers numéros spéciaux",
            "",
            record("0899192021", "Appel", "5.00", 60),
            None,
        );
        assert_eq!(whole.severity, Severity::Warning);
        assert!(!whole.message.fr.contains("plafond"));
        // Billed apart as the service part: one minute of 089 may cost 3 € (per call).
        let cases = [
            ("3.01", Severity::Warning),
            ("3.02", Severity::Alert),
            ("5.00", Severity::Alert),
        ];
        for (amount, severity) in cases {
            let f = one(
                "Appels vers numéros spéciaux",
                tiers,
                record("0899192021", "Appel", amount, 60),
                None,
            );
            assert_eq!(f.severity, severity, "{amount}");
            assert_eq!(
                f.message.fr.contains("partie « service » semble dépasser"),
                severity == Severity::Alert
            );
            assert_eq!(
                f.legal == Some(Legal::PremiumCaps),
                severity == Severity::Alert
            );
            assert!(f.sources().contains(&Legal::PremiumCaps));
        }
        // Ten minutes of 089: 8 € of service is within 0,80 €/min.
        let long = one(
            "Appels vers numéros spéciaux",
            tiers,
            record("0899192021", "Appel", "8.00", 600),
            None,
        );
        assert_eq!(long.severity, Severity::Warning);
    }

    #[test]
    fn the_free_block_covers_089_3bpq_and_sms_plus_3_to_8_only() {
        let blocked = Some(r#"{"monthly_price": "10", "blocked": {"premium_numbers": true}}"#);
        // (number, kind, inside the block)
        let cases = [
            ("0899192021", "Appel", true),
            ("3630", "Appel", true),
            ("81234", "SMS+", true),
            ("44444", "SMS+", true),
            ("99999", "SMS+", false),
            ("0825000000", "Appel", false),
            ("0810123456", "Appel", false),
            ("118218", "Appel", false),
            ("1014", "Appel", false),
        ];
        for (number, kind, inside) in cases {
            let f = one(
                "Appels vers numéros spéciaux",
                "",
                record(number, kind, "1.00", 60),
                blocked,
            );
            let want = if inside {
                Severity::Alert
            } else {
                Severity::Warning
            };
            assert_eq!(f.severity, want, "{number}");
            assert_eq!(
                f.message.fr.contains("n'aurait pas dû aboutir"),
                inside,
                "{number}"
            );
            assert_eq!(
                f.message.fr.contains("ne couvre pas cette tranche"),
                !inside,
                "{number}"
            );
            // Without a block, the free block is offered only where the law gives it.
            let free = one(
                "Appels vers numéros spéciaux",
                "",
                record(number, kind, "1.00", 60),
                None,
            );
            assert_eq!(free.severity, Severity::Warning, "{number}");
            assert_eq!(
                free.action.fr.contains("blocage gratuit"),
                inside,
                "{number}: {}",
                free.action.fr
            );
        }
    }

    #[test]
    fn special_numbers_are_never_called_surcharged_as_a_fact() {
        for number in ["0892683127", "3630", "1014", "118218", "81234"] {
            let f = one("Appel", "", record(number, "Appel", "1.00", 60), None);
            assert!(
                f.message.fr.contains("qui peut être surtaxé"),
                "{}",
                f.message.fr
            );
            assert!(
                !f.message.fr.contains("pour un numéro surtaxé"),
                "{}",
                f.message.fr
            );
            assert!(f.message.en.contains("which may be surcharged"));
        }
    }

    #[test]
    fn a_charged_call_to_the_operators_own_service_is_its_own_complaint() {
        let unlimited = Some(r#"{"monthly_price": "10", "allowances": {"calls": "unlimited"}}"#);
        let f = one(
            "Appel 3900",
            "",
            record("3900", "Appel service client", "0.80", 120),
            unlimited,
        );
        assert_eq!(f.severity, Severity::Alert);
        assert_eq!(f.legal, Some(Legal::ServiceNumber));
        assert!(
            f.message.fr.contains("ne peut pas être surtaxé"),
            "{}",
            f.message.fr
        );
        assert!(f.action.fr.contains("n'aurait rien dû coûter"));
        // Without unlimited calls, a normal call's price may be due: what is above it is not.
        let f = one(
            "Appel 3900",
            "",
            record("3900", "Appel service client", "0.80", 120),
            None,
        );
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.action.fr.contains("prix d'un appel ordinaire"));
        // Another 39xx number, not labelled as customer service, is an ordinary special number.
        let f = one(
            "Appel 3920",
            "",
            record("3920", "Appel", "0.80", 120),
            unlimited,
        );
        assert_ne!(f.legal, Some(Legal::ServiceNumber));
    }
}
