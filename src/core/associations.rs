//! The national approved consumer associations, for the step of the ladder where one can
//! help: who they are, what movement each belongs to, and its own site (links only:
//! nothing is fetched).
//!
//! Sources (`core::law`): service-public.fr F1126 on what an approved association does;
//! the Institut national de la consommation for the list (fifteen, and foodwatch France
//! the sixteenth since the arrêté of 6 January 2023) and the grouping by movement
//! (consumerist, family, union-linked, housing, transport). A site is given only where it
//! was seen on the association's own domain (for the CLCV, the CSF, Familles de France
//! and Familles Rurales, on pages of that domain; the CGL's, on the INC's page about it);
//! for the others the person is sent to the official list. No association's own page for
//! finding a local branch by postcode was seen: the link is to the national site. Which
//! associations say they handle telecom disputes is not stated: no official source says
//! it, and every generalist association handles consumer disputes. Pure.

use crate::core::i18n::Lang;

/// The movement an association comes from, as the Institut national de la consommation
/// groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Movement {
    /// Consumer defence in general: the first to turn to for a telecom bill.
    Generalist,
    /// Family movements, with a consumer service.
    Family,
    /// Created by trade unions.
    UnionLinked,
    /// Housing: tenants and co-owners.
    Housing,
    /// Transport users.
    Transport,
    /// Food.
    Food,
}

impl Movement {
    /// Every movement, generalists first.
    pub const ALL: [Movement; 6] = [
        Movement::Generalist,
        Movement::Family,
        Movement::UnionLinked,
        Movement::Housing,
        Movement::Transport,
        Movement::Food,
    ];

    /// The movement's name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Movement::Generalist => (
                "Défense des consommateurs en général",
                "Consumer defence in general",
            ),
            Movement::Family => ("Mouvements familiaux", "Family movements"),
            Movement::UnionLinked => ("Liées à un syndicat", "Linked to a trade union"),
            Movement::Housing => ("Logement", "Housing"),
            Movement::Transport => ("Transports", "Transport"),
            Movement::Food => ("Alimentation", "Food"),
        };
        lang.pick(fr, en)
    }
}

/// A national approved consumer association.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Association {
    /// A stable id (for the journal's record of an exchange).
    pub id: &'static str,
    /// The name it goes by.
    pub short: &'static str,
    /// Its full name.
    pub name: &'static str,
    /// Its movement.
    pub movement: Movement,
    /// Its own site, where it was seen on its own domain.
    pub site: Option<&'static str>,
}

/// The official list of the national associations and their contact details (DGCCRF),
/// linked from service-public.fr F1126.
pub const OFFICIAL_LIST: &str =
    "https://www.economie.gouv.fr/dgccrf/Liste-et-coordonnees-des-associations-nationales";

/// The sixteen national approved associations, by movement then name.
pub const NATIONAL: [Association; 16] = [
    Association {
        id: "ufc-que-choisir",
        short: "UFC-Que Choisir",
        name: "Union fédérale des consommateurs – Que Choisir",
        movement: Movement::Generalist,
        site: Some("https://quechoisir.org/"),
    },
    Association {
        id: "clcv",
        short: "CLCV",
        name: "Consommation, logement et cadre de vie",
        movement: Movement::Generalist,
        site: Some("https://clcv.org/"),
    },
    Association {
        id: "cnafal",
        short: "CNAFAL",
        name: "Conseil national des associations familiales laïques",
        movement: Movement::Family,
        site: Some("https://www.cnafal.org/"),
    },
    Association {
        id: "cnafc",
        short: "CNAFC",
        name: "Confédération nationale des associations familiales catholiques",
        movement: Movement::Family,
        site: Some("http://afc-france.org/"),
    },
    Association {
        id: "csf",
        short: "CSF",
        name: "Confédération syndicale des familles",
        movement: Movement::Family,
        site: Some("https://la-csf.org/"),
    },
    Association {
        id: "familles-de-france",
        short: "Familles de France",
        name: "Familles de France",
        movement: Movement::Family,
        site: Some("https://familles-de-france.org/"),
    },
    Association {
        id: "familles-rurales",
        short: "Familles Rurales",
        name: "Familles Rurales",
        movement: Movement::Family,
        site: Some("https://www.famillesrurales.org/"),
    },
    Association {
        id: "unaf",
        short: "UNAF",
        name: "Union nationale des associations familiales",
        movement: Movement::Family,
        site: Some("http://www.unaf.fr/"),
    },
    Association {
        id: "adeic",
        short: "ADEIC",
        name: "Association pour la défense, l'éducation et l'information du consommateur",
        movement: Movement::UnionLinked,
        site: Some("https://www.adeic.fr/"),
    },
    Association {
        id: "afoc",
        short: "AFOC",
        name: "Association Force ouvrière consommateurs",
        movement: Movement::UnionLinked,
        site: Some("http://afoc.net/"),
    },
    Association {
        id: "alldc",
        short: "ALLDC",
        name: "Association Léo Lagrange pour la défense des consommateurs",
        movement: Movement::UnionLinked,
        site: Some("https://www.leolagrange-conso.org/"),
    },
    Association {
        id: "indecosa-cgt",
        short: "INDECOSA-CGT",
        name: "Association pour l'information et la défense des consommateurs salariés – CGT",
        movement: Movement::UnionLinked,
        site: Some("https://indecosa.fr/"),
    },
    Association {
        id: "cgl",
        short: "CGL",
        name: "Confédération générale du logement",
        movement: Movement::Housing,
        site: Some("http://www.lacgl.fr"),
    },
    Association {
        id: "cnl",
        short: "CNL",
        name: "Confédération nationale du logement",
        movement: Movement::Housing,
        site: None,
    },
    Association {
        id: "fnaut",
        short: "FNAUT",
        name: "Fédération nationale des associations d'usagers des transports",
        movement: Movement::Transport,
        site: None,
    },
    Association {
        id: "foodwatch",
        short: "foodwatch France",
        name: "foodwatch France",
        movement: Movement::Food,
        site: Some("https://www.foodwatch.org/fr/"),
    },
];

/// The association with this id.
pub fn by_id(id: &str) -> Option<&'static Association> {
    NATIONAL.iter().find(|a| a.id == id)
}

/// The associations of a movement, in the list's order.
pub fn of(movement: Movement) -> impl Iterator<Item = &'static Association> {
    NATIONAL.iter().filter(move |a| a.movement == movement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn sixteen_associations_each_once_each_in_a_movement_generalists_first() {
        let ids: HashSet<&str> = NATIONAL.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), 16);
        for a in NATIONAL {
            assert_eq!(by_id(a.id), Some(&a));
            assert!(!a.short.is_empty() && !a.name.is_empty());
            assert!(a.site.is_none_or(|s| s.starts_with("http")), "{}", a.id);
        }
        let counted: usize = Movement::ALL.iter().map(|m| of(*m).count()).sum();
        assert_eq!(counted, 16);
        let generalists: Vec<&str> = of(Movement::Generalist).map(|a| a.short).collect();
        assert_eq!(generalists, ["UFC-Que Choisir", "CLCV"]);
        assert!(OFFICIAL_LIST.starts_with("https://www.economie.gouv.fr/"));
    }
}
