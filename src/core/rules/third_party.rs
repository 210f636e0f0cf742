//! `third_party`: purchases and subscriptions billed by the operator for someone else
//! (Internet+, SMS+ services, content purchases, "services fournis par des tiers",
//! payment on the bill). Often enabled by default and subscribed to without knowing.
//!
//! What the words rest on (`core::law`): no payment for a
//! service not ordered (Code de la consommation L121-12); a paid option accepted by default
//! is refunded (L121-17); the supplier's contact is on surmafacture.fr (the operators'
//! association AF2M, formerly infoconso-multimedia.fr), where a report is not a complaint:
//! the complaint goes to the supplier's and the operator's customer service. Blocking
//! Internet+ is an operator option (free in practice), not a legal right; the free block of
//! L224-54 covers SMS+ 3xxxx–8xxxx. Pure.

use super::classify::LineKind;
use super::text::{fold, has_any};
use super::{charged, eur, finding, Context};
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};

/// Flags charges billed for third parties.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let blocked = ctx.plan_for(b).is_some_and(|p| p.blocked.third_party);
        for (i, line) in bill.lines.iter().enumerate() {
            if !charged(line) || ctx.line_kind(b, i) != LineKind::ThirdParty {
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
            let (block_fr, block_en) = if has_any(&fold(label), &["sms+", "mms+"]) {
                (
                    "demandez le blocage gratuit des SMS+, que l'opérateur doit accorder",
                    "ask for the free block on SMS+, which the operator must grant",
                )
            } else {
                (
                    "demandez à l'opérateur de bloquer les achats par des tiers (une option qu'il propose, gratuite en pratique, mais pas un droit prévu par la loi)",
                    "ask the operator to block third-party billing (an option it offers, free in practice, but not a legal right)",
                )
            };
            f.action = Bilingual::new(
                format!("Si vous n'avez pas souscrit ce service, réclamez son remboursement par écrit au fournisseur et à l'opérateur, avec la preuve de votre accord : un service non commandé n'a pas à être payé, et une option acceptée par défaut doit être remboursée. Les coordonnées du fournisseur sont sur surmafacture.fr (un signalement sur ce site ne vaut pas réclamation). Résiliez le service et {block_fr}."),
                format!("If you did not subscribe, claim the refund in writing from the supplier and from the operator, with proof of your consent: a service not ordered need not be paid for, and an option accepted by default must be refunded. The supplier's contact is on surmafacture.fr (a report on that site is not a complaint). Cancel the service and {block_en}."),
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
    fn the_action_names_surmafacture_and_never_makes_the_internet_plus_block_a_right() {
        let b = bill(vec![
            line("Internet+ Quiz", "3.00", ThirdParty),
            line("SMS+ Horoscope abonnement hebdomadaire", "4.50", ThirdParty),
        ]);
        let found = check(&Context::new(&[b], None, today()));
        for f in &found {
            assert!(f.action.fr.contains("surmafacture.fr"), "{}", f.action.fr);
            assert!(!f.action.fr.contains("infoconso") && !f.action.en.contains("infoconso"));
            assert!(f.action.fr.contains("ne vaut pas réclamation"));
            assert!(f.action.fr.contains("au fournisseur et à l'opérateur"));
            assert!(f.sources().contains(&Legal::UnsolicitedSupply));
            assert!(f.sources().contains(&Legal::DefaultOptions));
            assert!(f.sources().contains(&Legal::ThirdPartyContacts));
        }
        assert!(found[0].action.fr.contains("pas un droit prévu par la loi"));
        assert!(!found[0].action.fr.contains("blocage gratuit"));
        assert!(found[1].action.fr.contains("blocage gratuit des SMS+"));
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
