//! `third_party`: purchases and subscriptions billed by the operator for someone else
//! (Internet+, SMS+ services, content purchases, "services fournis par des tiers",
//! payment on the bill). Often enabled by default and subscribed to without knowing. Pure.

use super::classify::{line_kind, LineKind};
use super::{charged, eur, finding, Context};
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};

/// Flags charges billed for third parties.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let blocked = ctx.plan_for(b).is_some_and(|p| p.blocked.third_party);
        for (i, line) in bill.lines.iter().enumerate() {
            if !charged(line) || line_kind(line) != LineKind::ThirdParty {
                continue;
            }
            let severity = if blocked {
                Severity::Alert
            } else {
                Severity::Warning
            };
            let mut f = finding(
                RuleId::ThirdParty,
                severity,
                b,
                vec![i],
                vec![],
                line.amount,
            );
            let (fr_amount, en_amount) = eur(line.amount);
            let label = &line.label;
            let (mut fr, mut en) = (
                format!("« {label} » : {fr_amount} facturés pour le compte d'un autre service (Internet+, SMS+, achat de contenu). Ces abonnements sont souvent souscrits sans le savoir."),
                format!("\"{label}\": {en_amount} billed on behalf of another company (Internet+, SMS+, content purchase). Such subscriptions are often taken out without knowing."),
            );
            if blocked {
                fr.push_str(" Vous aviez bloqué les services tiers : ce montant n'aurait pas dû être facturé.");
                en.push_str(
                    " You had blocked third-party services: this should not have been billed.",
                );
            }
            f.message = Bilingual::new(fr, en);
            f.action = Bilingual::new(
                "Si vous n'avez pas souscrit ce service, demandez à l'opérateur son remboursement et la preuve de votre accord, résiliez-le et demandez le blocage gratuit des services tiers ; l'éditeur se retrouve sur infoconso-multimedia.fr.",
                "If you did not subscribe, ask the operator for a refund and for proof of your consent, cancel it and ask for the free block on third-party billing; the provider can be looked up on infoconso-multimedia.fr.",
            );
            f.legal = Some(Legal::UnsolicitedSupply);
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    fn third_party_charges_are_flagged_and_others_are_not() {
        let tiers = "Vos services fournis par des tiers";
        let cases: &[(&str, &str, crate::core::bill::Category, &str, bool)] = &[
            (
                "Internet+ GameZone Club – abonnement hebdomadaire du 06/10",
                "3.00",
                ThirdParty,
                "Services fournis par des tiers",
                true,
            ),
            (
                "StreamPlus Max – abonnement mensuel",
                "9.99",
                Other,
                tiers,
                true,
            ),
            (
                "Achat de contenu Royal Quest",
                "4.99",
                Other,
                "Divers",
                true,
            ),
            (
                "Paiement sur facture – Store",
                "2.99",
                Other,
                "Divers",
                true,
            ),
            // Near misses: a phone bought from the operator, a refund from a third party.
            (
                "Samsung Galaxy S26 256 Go – achat comptant",
                "1029.00",
                Other,
                "Vos autres services et produits",
                false,
            ),
            ("Remboursement Internet+", "-3.00", Discount, tiers, false),
            ("Option TV", "5.00", Option, "Abonnements", false),
        ];
        for (label, amount, category, section, flagged) in cases {
            let b = bill(vec![line_in(label, amount, *category, section)]);
            let found = check(&Context::new(&[b], None, today()));
            assert_eq!(!found.is_empty(), *flagged, "{label}");
        }
    }

    #[test]
    fn blocked_third_party_is_an_alert() {
        let b = bill(vec![line("Internet+ Quiz", "3.00", ThirdParty)]);
        let p = plan(r#"{"monthly_price": "10", "blocked": {"third_party": true}}"#);
        let found = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
        assert_eq!(found[0].severity, Severity::Alert);
        let found = check(&Context::new(&[b], None, today()));
        assert_eq!(found[0].severity, Severity::Warning);
    }
}
