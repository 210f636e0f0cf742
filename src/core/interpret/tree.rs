//! A bill's amounts as a tree, reconciled with the amount due.
//!
//! Pure. The rows that carry an amount and are not totals, VAT or balances (`Item`s) are
//! grouped: a row whose amount is the sum of the rows it heads — indented further, in a
//! smaller font, or under a heading made of section words, on its page or at the top of
//! the next — is a subtotal, and the charges are the leaves. Then the leaves are checked
//! against the amount due. When they do not add up, the reading looks for the cheapest
//! set of adjustments that makes them add up, among those a person would accept:
//! dropping a leaf that a later row repeats (a first-page summary), a section name
//! carrying an amount with no detail, a row outside any section, prose; or reading a
//! group the other way (its head as a charge). Each adjustment has a cost, and what was
//! done is said in the reading's notes. When nothing adds up, the natural reading is kept
//! and the bill says by how much it misses, so the rules never accuse on a guess.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

/// What the tree needs to know about a row with an amount.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// The label as printed.
    pub label: String,
    /// The amount the row charges (TTC).
    pub amount: Decimal,
    /// Left edge of the label's first word, bullets skipped.
    pub indent: f32,
    /// Font size of the row.
    pub size: f32,
    /// 1-based page.
    pub page: u32,
    /// The label is made of section words ("Vos abonnements, forfaits et options").
    pub heading_like: bool,
    /// The label qualifies the row above ("du 13.11.2025 au 12.12.2025", lower case).
    pub qualifier: bool,
    /// Why this row may not be a charge, if there is a reason.
    pub doubt: Option<Doubt>,
    /// Which section it is printed in (any id that differs between two sections).
    pub section: usize,
}

/// A reason to doubt that a leaf is a charge, cheapest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Doubt {
    /// A later row repeats its label and amount (a summary of the detail).
    Repeated,
    /// A section name carrying an amount, with no detail under it.
    Heading,
    /// Printed before any section, among the header's rows.
    OutsideSections,
    /// Reads like a sentence or a note, not like a charge.
    Prose,
}

impl Doubt {
    fn cost(self) -> u32 {
        match self {
            Doubt::Repeated => 1,
            Doubt::Heading => 2,
            Doubt::OutsideSections => 3,
            Doubt::Prose => 3,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Doubt::Repeated => "repeated later",
            Doubt::Heading => "a section total without detail",
            Doubt::OutsideSections => "outside any section",
            Doubt::Prose => "prose",
        }
    }
}

/// How a reading that adds up ranks, best first: whether only within the rounding, its
/// cost, the target it reaches (the amount due as printed before less a balance), and
/// how many adjustments it makes.
type Rank = (bool, u32, usize, u32);

/// The cost of reading a group's head as a charge rather than as its subtotal.
const UNGROUP_COST: u32 = 4;

/// The most adjustments searched exhaustively (2^n readings).
const MAX_ADJUSTMENTS: usize = 16;

/// The reading kept: which items are charges, and how it was chosen.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Reading {
    /// The items that are charges, in order.
    pub leaves: Vec<usize>,
    /// For each item, the nearest head of a group it is in (its subtotal's row).
    pub parent_of: Vec<Option<usize>>,
    /// For a group of one child with the head's amount, the head: its label may name the
    /// charge better than the child's.
    pub single_parent: Vec<(usize, usize)>,
    /// Whether the leaves add up to the target.
    pub reconciled: bool,
    /// The target the leaves were checked against, when there was one.
    pub target: Option<Decimal>,
    /// What was done, for the diagnostics.
    pub notes: Vec<String>,
}

/// Groups the items, then chooses the leaves that add up to one of the `targets`
/// (the amount due first, then what it is without a printed balance), within
/// `tolerance`.
pub(super) fn reconcile(items: &[Item], targets: &[Decimal], tolerance: Decimal) -> Reading {
    let span = group(items);
    let parents: Vec<usize> = (0..items.len()).filter(|&i| span[i] > i).collect();
    let mut is_leaf = vec![true; items.len()];
    for &p in &parents {
        is_leaf[p] = false;
    }
    let mut notes = Vec::new();
    // A row repeated later by a subtotal of its own rows (a first-page summary, "Remises
    // -10,00", then the same section detailed) counts what that subtotal's rows count:
    // never a charge, whatever the sums say (two such rows may cancel out and add up).
    for i in 0..items.len() {
        let twin_heads_rows = twins_later(items, i).any(|j| span[j] > j);
        if is_leaf[i] && !items[i].amount.is_zero() && twin_heads_rows {
            is_leaf[i] = false;
            notes.push(format!(
                "not a charge: {:?} {} (repeated later over its detail)",
                items[i].label, items[i].amount
            ));
        }
    }
    let mut doubts: Vec<Option<Doubt>> = items.iter().map(|i| i.doubt).collect();
    for (i, item) in items.iter().enumerate() {
        if repeated_later(items, i) {
            doubts[i] = Some(Doubt::Repeated);
        } else if item.heading_like && is_leaf[i] && doubts[i].is_none() {
            doubts[i] = Some(Doubt::Heading);
        }
    }
    let base: Decimal = leaf_sum(items, &is_leaf);

    // Adjustments: (item, delta, cost).
    let mut adjustments: Vec<(usize, Decimal, u32)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.amount.is_zero() {
            continue;
        }
        if is_leaf[i] {
            if let Some(d) = doubts[i] {
                adjustments.push((i, -item.amount, d.cost()));
            }
        } else if !item.heading_like {
            adjustments.push((i, item.amount, UNGROUP_COST));
        }
    }
    adjustments.sort_by_key(|a| a.2);
    adjustments.truncate(MAX_ADJUSTMENTS);

    let close = |sum: Decimal, target: Decimal| sum.minus(target).abs() <= tolerance;
    let mut best: Option<(Rank, u32, Decimal)> = None;
    for (t, &target) in targets.iter().enumerate() {
        let n = adjustments.len();
        for mask in 0u32..(1u32 << n) {
            let mut sum = base;
            let mut cost = 0;
            for (k, adj) in adjustments.iter().enumerate() {
                if mask & (1 << k) != 0 {
                    sum = sum.plus(adj.1);
                    cost += adj.2;
                }
            }
            if !close(sum, target) {
                continue;
            }
            // To the cent before within the rounding, then the cheapest reading, then
            // the amount due as printed before a target less a balance, then fewer
            // adjustments: a balance printed beside the amount due that the natural
            // reading reaches without it is not in it (the unpaid bill is often this
            // one's price, and reaching the amount due would count a row twice).
            let rounded = sum != target;
            let key = (rounded, cost, t, mask.count_ones());
            if best.is_none_or(|b| key < b.0) {
                best = Some((key, mask, target));
            }
        }
    }

    let (mask, reconciled, target) = match best {
        Some(((_, _, t, _), mask, target)) => {
            if t > 0 {
                notes.push(format!(
                    "the charges add up to the amount due less a printed balance ({target})"
                ));
            }
            (mask, true, Some(target))
        }
        None => {
            if !adjustments.is_empty() {
                let tried: Vec<String> = adjustments
                    .iter()
                    .map(|(i, delta, _)| format!("{:?} {delta}", items[*i].label))
                    .collect();
                notes.push(format!(
                    "no adjustment adds up; tried: {}",
                    tried.join(", ")
                ));
            }
            // Nothing adds up: leave out whole classes of doubtful rows, cheapest first,
            // as far as it brings the sum closer to the amount due (without one, only
            // what later rows repeat). Never a choice row by row: that could hide a gap.
            let classes = [
                Doubt::Repeated,
                Doubt::Heading,
                Doubt::OutsideSections,
                Doubt::Prose,
            ];
            let class_mask = |upto: usize| {
                adjustments
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        is_leaf[a.0] && doubts[a.0].is_some_and(|d| classes[..upto].contains(&d))
                    })
                    .fold(0u32, |m, (k, _)| m | (1 << k))
            };
            let sum_of = |mask: u32| {
                adjustments
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| mask & (1 << k) != 0)
                    .fold(base, |s, (_, a)| s.plus(a.1))
            };
            let mask = match targets.first() {
                Some(&target) => (0..=classes.len())
                    .map(class_mask)
                    .min_by_key(|&m| sum_of(m).minus(target).abs())
                    .unwrap_or(0),
                None => class_mask(1),
            };
            (mask, false, targets.first().copied())
        }
    };
    for (k, (i, _, _)) in adjustments.iter().enumerate() {
        if mask & (1 << k) == 0 {
            continue;
        }
        if is_leaf[*i] {
            is_leaf[*i] = false;
            let why = doubts[*i].map_or("doubtful", Doubt::describe);
            notes.push(format!(
                "not a charge: {:?} {} ({why})",
                items[*i].label, items[*i].amount
            ));
        } else {
            // Read the head as a charge, its rows as charges too.
            is_leaf[*i] = true;
            notes.push(format!(
                "read as a charge, not a subtotal: {:?} {}",
                items[*i].label, items[*i].amount
            ));
        }
    }
    let leaves: Vec<usize> = (0..items.len()).filter(|&i| is_leaf[i]).collect();
    // Nearest head first, so that a child takes the label of the row right above it.
    let single_parent = parents
        .iter()
        .rev()
        .filter(|&&p| !is_leaf[p])
        .filter_map(|&p| {
            let kids: Vec<usize> = (p + 1..=span[p])
                .filter(|&k| is_leaf[k] && !items[k].amount.is_zero())
                .collect();
            match kids.as_slice() {
                [only] if items[*only].amount == items[p].amount => Some((*only, p)),
                _ => None,
            }
        })
        .collect();
    let mut parent_of: Vec<Option<usize>> = vec![None; items.len()];
    for &p in parents.iter().filter(|&&p| !is_leaf[p]) {
        for slot in &mut parent_of[p + 1..=span[p]] {
            // Parents come in order: a later one that covers the row is nearer.
            *slot = Some(p);
        }
    }
    let groups = parents.iter().filter(|&&p| !is_leaf[p]).count();
    if groups > 0 {
        notes.insert(0, format!("{groups} subtotal(s) found by their sums"));
    }
    Reading {
        leaves,
        parent_of,
        single_parent,
        reconciled,
        target,
        notes,
    }
}

fn leaf_sum(items: &[Item], is_leaf: &[bool]) -> Decimal {
    items
        .iter()
        .zip(is_leaf)
        .filter(|(_, l)| **l)
        .map(|(i, _)| i.amount)
        .amounts_sum()
}

/// A label reduced to its folded words, to compare two printings of it.
pub(super) fn label_key(label: &str) -> String {
    super::text::fold(label)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a later item repeats this one: the same label (folded, squashed) and amount,
/// on another page or in another section.
fn repeated_later(items: &[Item], i: usize) -> bool {
    twins_later(items, i).next().is_some()
}

/// The later items that repeat item `i`: the same label (folded, squashed) and amount,
/// on another page or in another section.
fn twins_later(items: &[Item], i: usize) -> impl Iterator<Item = usize> + '_ {
    let mine = label_key(&items[i].label);
    let amount = items[i].amount;
    let (page, section) = (items[i].page, items[i].section);
    (i + 1..items.len()).filter(move |&j| {
        let other = &items[j];
        !mine.is_empty()
            && other.amount == amount
            && (other.page != page || other.section != section)
            && label_key(&other.label) == mine
    })
}

/// For each item, the last item of the group it heads (itself when it heads none).
/// Computed right to left, so that a head sums the groups under it as units.
fn group(items: &[Item]) -> Vec<usize> {
    let n = items.len();
    let mut span: Vec<usize> = (0..n).collect();
    let last_on_page: Vec<bool> = (0..n)
        .map(|i| {
            items
                .get(i + 1)
                .is_none_or(|next| next.page != items[i].page)
        })
        .collect();
    for i in (0..n).rev() {
        let head = &items[i];
        let mut k = i + 1;
        let mut sum = Decimal::ZERO;
        let mut matched: Option<usize> = None;
        while k < n && subordinate(head, &items[k], last_on_page[i]) {
            sum = sum.plus(items[k].amount);
            let end = span[k];
            k = end + 1;
            if sum == head.amount {
                matched = Some(end);
                // Rows at zero that follow are under the head too.
                while k < n
                    && subordinate(head, &items[k], last_on_page[i])
                    && (k..=span[k]).all(|z| items[z].amount.is_zero())
                {
                    matched = Some(span[k]);
                    k = span[k] + 1;
                }
                break;
            }
        }
        if let Some(end) = matched {
            span[i] = end;
        }
    }
    span
}

/// Whether `row` may be under `head`: on its page (or the next, when the head ends its
/// page), and indented further, smaller, a charge under a section name, or a qualifier.
fn subordinate(head: &Item, row: &Item, head_ends_page: bool) -> bool {
    let near = row.page == head.page || (head_ends_page && row.page == head.page + 1);
    near && (row.indent > head.indent + 3.0
        || row.size + 0.25 < head.size
        || (head.heading_like && !row.heading_like)
        || row.qualifier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// `(label, amount, indent, page)`; a label starting with `#` is heading-like, one
    /// starting with `~` a qualifier, one starting with `?` repeated-or-doubtful prose.
    fn items(rows: &[(&str, &str, f32, u32)]) -> Vec<Item> {
        rows.iter()
            .map(|(label, amount, indent, page)| Item {
                label: label.trim_start_matches(['#', '~', '?']).to_string(),
                amount: d(amount),
                indent: *indent,
                size: 9.0,
                page: *page,
                heading_like: label.starts_with('#'),
                qualifier: label.starts_with('~'),
                doubt: label.starts_with('?').then_some(Doubt::Prose),
                section: 0,
            })
            .collect()
    }

    fn labels(items: &[Item], r: &Reading) -> Vec<String> {
        r.leaves.iter().map(|&i| items[i].label.clone()).collect()
    }

    #[test]
    fn finds_subtotals_before_their_detail_and_a_summary_on_page_one() {
        // The B&You bill: a summary on page 1, the same tree on page 3.
        let it = items(&[
            ("Vos services Bouygues Telecom", "12.99", 40.0, 1),
            ("#Vos abonnements, forfaits et options", "12.99", 50.0, 1),
            ("#Vos communications", "0.00", 50.0, 1),
            ("Vos services Bouygues Telecom", "12.99", 36.0, 3),
            ("#Vos abonnements, forfaits et options", "12.99", 42.0, 3),
            ("Forfait B&You 60Go", "12.99", 50.0, 3),
            ("#Vos communications", "0.00", 42.0, 3),
            ("(00:29:24) de Appels reçus en Zone Europe", "0.00", 50.0, 3),
        ]);
        let r = reconcile(&it, &[d("12.99")], Decimal::ZERO);
        assert!(r.reconciled, "{r:?}");
        let kept: Vec<String> = r
            .leaves
            .iter()
            .filter(|&&i| !it[i].amount.is_zero())
            .map(|&i| it[i].label.clone())
            .collect();
        assert_eq!(kept, ["Forfait B&You 60Go"]);
    }

    /// A summary whose rows cancel out ("Services ponctuels 10,00", "Remises -10,00"),
    /// each detailed later under the same name: the sums add up with them or without
    /// them, and they are never charges.
    #[test]
    fn a_summary_row_repeated_by_a_subtotal_is_never_a_charge() {
        let mut it = items(&[
            ("Abonnements", "56.59", 40.0, 1),
            ("#Services ponctuels ou occasionnels", "10.00", 40.0, 1),
            ("#Remises", "-10.00", 40.0, 1),
            ("#Abonnements", "56.59", 40.0, 2),
            ("SFR Premium 5G 250 Go", "49.99", 60.0, 2),
            ("Option TV sur mobile", "6.60", 60.0, 2),
            ("#Services ponctuels ou occasionnels", "10.00", 40.0, 2),
            ("Frais de mise en service", "10.00", 60.0, 2),
            ("#Remises", "-10.00", 40.0, 2),
            ("Remise 1ère année", "-10.00", 60.0, 2),
        ]);
        for (k, item) in it.iter_mut().enumerate() {
            item.section = k;
        }
        let r = reconcile(&it, &[d("56.59")], Decimal::ZERO);
        assert!(r.reconciled, "{r:?}");
        assert_eq!(
            labels(&it, &r),
            [
                "SFR Premium 5G 250 Go",
                "Option TV sur mobile",
                "Frais de mise en service",
                "Remise 1ère année"
            ]
        );
    }

    #[test]
    fn a_heading_total_over_lines_at_the_same_indent() {
        let it = items(&[
            ("#Abonnements, forfaits et options", "34.59", 40.0, 1),
            ("Forfait 5G", "35.99", 40.0, 1),
            ("Option B.tv", "6.60", 40.0, 1),
            ("Remise", "-8.00", 40.0, 1),
            ("#Communications", "6.60", 40.0, 1),
            ("Appels vers la Tunisie", "4.20", 40.0, 1),
            ("Appels 08 99", "2.40", 40.0, 1),
        ]);
        let r = reconcile(&it, &[d("41.19")], Decimal::ZERO);
        assert!(r.reconciled);
        assert_eq!(
            labels(&it, &r),
            [
                "Forfait 5G",
                "Option B.tv",
                "Remise",
                "Appels vers la Tunisie",
                "Appels 08 99"
            ]
        );
        assert_eq!(r.notes[0], "2 subtotal(s) found by their sums");
    }

    #[test]
    fn a_charge_on_a_heading_row_and_again_on_its_sub_row_counts_once() {
        let it = items(&[
            ("Forfait Sosh 25,99€ 5G", "25.99", 40.0, 1),
            ("~du 13.11.2025 au 12.12.2025", "25.99", 40.0, 1),
            ("Option", "2.00", 40.0, 1),
        ]);
        let r = reconcile(&it, &[d("27.99")], Decimal::ZERO);
        assert!(r.reconciled);
        assert_eq!(labels(&it, &r), ["du 13.11.2025 au 12.12.2025", "Option"]);
        assert_eq!(r.single_parent, vec![(1, 0)]);
    }

    #[test]
    fn never_makes_the_sum_match_by_dropping_a_plain_charge() {
        // 5 € more is asked than the charges: nothing doubtful explains it.
        let it = items(&[("Forfait", "20.00", 40.0, 1), ("Option", "5.00", 40.0, 1)]);
        let r = reconcile(&it, &[d("30.00")], Decimal::ZERO);
        assert!(!r.reconciled);
        assert_eq!(labels(&it, &r), ["Forfait", "Option"]);
        // Nor by dropping one to reach a lower amount.
        let r = reconcile(&it, &[d("20.00")], Decimal::ZERO);
        assert!(!r.reconciled);
    }

    #[test]
    fn drops_doubtful_rows_only_when_that_adds_up() {
        let it = items(&[
            ("?Montant total financé", "510.00", 40.0, 1),
            ("Forfait", "20.00", 40.0, 1),
        ]);
        let r = reconcile(&it, &[d("20.00")], Decimal::ZERO);
        assert!(r.reconciled);
        assert_eq!(labels(&it, &r), ["Forfait"]);
        assert!(r.notes.iter().any(|n| n.contains("prose")), "{:?}", r.notes);
        // Without a total to check against, a doubtful row stays, and the bill says so.
        let r = reconcile(&it, &[], Decimal::ZERO);
        assert!(!r.reconciled);
        assert_eq!(labels(&it, &r).len(), 2);
    }

    #[test]
    fn a_balance_explains_the_difference_only_as_a_second_target() {
        let it = items(&[("Forfait", "15.00", 40.0, 1)]);
        let r = reconcile(&it, &[d("18.00"), d("15.00")], Decimal::ZERO);
        assert!(r.reconciled);
        assert_eq!(r.target, Some(d("15.00")));
    }

    /// An unpaid bill often costs what this one does: the amount to pay (51,98) is
    /// reached by reading the subscription's row and its period's row as two charges,
    /// the amount less the balance (25,99) by the natural reading. The cheaper wins.
    #[test]
    fn a_balance_reached_only_by_counting_twice_is_not_in_the_amount_due() {
        let it = items(&[
            ("Forfait Sosh 25,99€ 5G", "25.99", 40.0, 1),
            ("~du 11/12 au 10/01", "25.99", 40.0, 1),
        ]);
        let r = reconcile(&it, &[d("51.98"), d("25.99")], Decimal::ZERO);
        assert!(r.reconciled);
        assert_eq!(r.target, Some(d("25.99")));
        assert_eq!(labels(&it, &r), ["du 11/12 au 10/01"]);
    }

    #[test]
    fn rounding_announced_is_tolerated() {
        let it = items(&[("Forfait", "10.83", 40.0, 1), ("Option", "2.17", 40.0, 1)]);
        assert!(!reconcile(&it, &[d("12.99")], Decimal::ZERO).reconciled);
        assert!(reconcile(&it, &[d("12.99")], d("0.01")).reconciled);
    }
}
