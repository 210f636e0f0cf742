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
    /// Its section describes the offer rather than bills it ("Rappel de votre offre").
    pub offer: bool,
    /// Which column of a part printed in two it is in (any id that differs between two
    /// columns): a row never sums rows of another column.
    pub block: usize,
    /// Its name opens a section later that has rows of its own: it is that section's
    /// summary ("Abonnements, forfaits et options 49,99" on the first page).
    pub detailed_later: bool,
}

/// A reason to doubt that a leaf is a charge, cheapest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Doubt {
    /// Its amount is written at the end of a sentence, in the sentence's own cell.
    Sentence,
    /// Another row names the same item at the same amount, and this one is in a part that
    /// describes the offer ("Rappel de votre offre", "Ce qui est inclus dans votre offre").
    RepeatedInOffer,
    /// Another row names the same item at the same amount elsewhere, with more (its
    /// period, a date): the fuller copy is the one to keep.
    RepeatedShorter,
    /// Another row names the same item at the same amount elsewhere (a summary of the
    /// detail, a reminder of the offer beside it).
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
            Doubt::Sentence => 1,
            Doubt::RepeatedInOffer => 1,
            Doubt::RepeatedShorter => 1,
            Doubt::Repeated => 2,
            Doubt::Heading => 4,
            Doubt::OutsideSections => 6,
            Doubt::Prose => 6,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Doubt::Sentence => "an amount inside a sentence",
            Doubt::RepeatedInOffer => "repeated, in a description of the offer",
            Doubt::RepeatedShorter => "repeated elsewhere with more",
            Doubt::Repeated => "repeated elsewhere",
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
const UNGROUP_COST: u32 = 8;

/// What keeping two rows that repeat each other costs a reading, per pair: as much as a
/// row repeated elsewhere, so that a reading that counts one thing twice never wins over
/// one that does not at the same price.
const TWICE_COST: u32 = 4;

/// How much more than the cheapest a reading may cost and still make it doubtful, when it
/// adds up with other charges: one more row repeated elsewhere, or a heading.
const AMBIGUITY_MARGIN: u32 = 4;

/// One way to change the natural reading: leave rows out (or read a subtotal's row as a
/// charge), moving the sum by `delta`, at a cost.
#[derive(Clone, Debug)]
struct Adjustment {
    items: Vec<usize>,
    delta: Decimal,
    cost: u32,
}

/// What makes two readings that add up two different readings: the items each keeps
/// that are printed in several places or are not the bill's own charges at first sight —
/// a reminder of the offer, a sentence's amount, prose, a row outside the bill's sections —
/// each as the class of its copies. Keeping a summary's row or the
/// detail rows it sums is the same money read twice over; keeping a 14,99 and a 3,00 of
/// the offer for a 17,99 charge, or a sentence's 40,00 for part of a charge, is another
/// reading.
fn suspect_rows(
    items: &[Item],
    leaf: &[bool],
    doubts: &[Option<Doubt>],
    class: &[usize],
) -> Vec<usize> {
    // A row stands for its copies: keeping one or another is the same reading, keeping
    // two of them is counting one thing twice (its class appears twice).
    let copies = |i: usize| {
        (0..items.len())
            .filter(|&j| j != i && class[j] == class[i])
            .count()
    };
    let mut out: Vec<usize> = (0..items.len())
        .filter(|&i| leaf[i] && !items[i].amount.is_zero())
        .filter(|&i| {
            copies(i) > 0
                || items[i].offer
                || matches!(
                    doubts[i],
                    Some(Doubt::Sentence | Doubt::Prose | Doubt::OutsideSections)
                )
        })
        .map(|i| class[i])
        .collect();
    out.sort_unstable();
    out
}

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
    /// Whether the leaves add up to the target, and no other reading as cheap does with
    /// other charges.
    pub reconciled: bool,
    /// Whether the leaves add up to the target but another reading as cheap does too,
    /// with other charges.
    pub ambiguous: bool,
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
    // So is a row whose name opens a section later, with rows of its own.
    for i in 0..items.len() {
        let twin_heads_rows = twins_later(items, i).any(|j| span[j] > j);
        let summary = twin_heads_rows || items[i].detailed_later;
        if is_leaf[i] && !items[i].amount.is_zero() && summary {
            is_leaf[i] = false;
            notes.push(format!(
                "not a charge: {:?} {} (repeated later over its detail)",
                items[i].label, items[i].amount
            ));
        }
    }
    let mut doubts: Vec<Option<Doubt>> = items.iter().map(|i| i.doubt).collect();
    for (i, item) in items.iter().enumerate() {
        if repeated(items, i) {
            let words = |l: &str| l.split_whitespace().count();
            let fuller_twin = items
                .iter()
                .any(|other| twins(item, other) && words(&other.label) > words(&item.label));
            doubts[i] = Some(if item.offer {
                Doubt::RepeatedInOffer
            } else if fuller_twin {
                Doubt::RepeatedShorter
            } else {
                Doubt::Repeated
            });
        } else if item.heading_like && is_leaf[i] && doubts[i].is_none() {
            doubts[i] = Some(Doubt::Heading);
        }
    }
    let base: Decimal = leaf_sum(items, &is_leaf);
    // Adjustments: what each leaves out (or reads as a charge), by how much it moves the
    // sum, at what cost. A part that describes the offer is left out whole: its rows are
    // all charges or none, never some of them (a 14,99 and a 3,00 of the offer must not
    // stand in for a 17,99 charge).
    let mut adjustments: Vec<Adjustment> = Vec::new();
    let mut offer_parts: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.amount.is_zero() {
            continue;
        }
        if is_leaf[i] {
            match doubts[i] {
                Some(Doubt::RepeatedInOffer) => {
                    match offer_parts.iter_mut().find(|(s, _)| *s == item.section) {
                        Some((_, rows)) => rows.push(i),
                        None => offer_parts.push((item.section, vec![i])),
                    }
                }
                Some(d) => adjustments.push(Adjustment {
                    items: vec![i],
                    delta: -item.amount,
                    cost: d.cost(),
                }),
                None => {}
            }
        } else if !item.heading_like {
            adjustments.push(Adjustment {
                items: vec![i],
                delta: item.amount,
                cost: UNGROUP_COST,
            });
        }
    }
    for (_, rows) in offer_parts {
        // The part's other leaves, which no charge repeats, go with it.
        let section = items[rows[0]].section;
        let all: Vec<usize> = (0..items.len())
            .filter(|&k| is_leaf[k] && items[k].section == section && items[k].offer)
            .filter(|&k| !items[k].amount.is_zero())
            .collect();
        adjustments.push(Adjustment {
            delta: -all.iter().map(|&k| items[k].amount).amounts_sum(),
            items: all,
            cost: Doubt::RepeatedInOffer.cost(),
        });
    }
    adjustments.sort_by_key(|a| a.cost);
    adjustments.truncate(MAX_ADJUSTMENTS);

    let close = |sum: Decimal, target: Decimal| sum.minus(target).abs() <= tolerance;
    let sum_cost = |mask: u32| {
        adjustments
            .iter()
            .enumerate()
            .filter(|(k, _)| mask & (1 << k) != 0)
            .fold((base, 0u32), |(s, c), (_, a)| (s.plus(a.delta), c + a.cost))
    };
    // Every reading that adds up, with its rank.
    // Pairs of leaves that repeat each other: a reading that keeps both counts one thing
    // twice, which costs it as much as a doubtful row would.
    let twin_pairs: Vec<(usize, usize)> = (0..items.len())
        .flat_map(|i| (i + 1..items.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| is_leaf[i] && is_leaf[j] && twins(&items[i], &items[j]))
        .collect();
    // The copies of one item, printed in several places: each row's class (the first row
    // of its class), rows with no copy their own.
    let mut class: Vec<usize> = (0..items.len()).collect();
    for _ in 0..items.len().min(8) {
        for &(i, j) in &twin_pairs {
            let c = class[i].min(class[j]);
            class[i] = c;
            class[j] = c;
        }
    }
    let twin_classes: Vec<usize> = {
        let mut c: Vec<usize> = twin_pairs.iter().map(|&(i, _)| class[i]).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let leaf_after = |mask: u32| {
        let mut leaf = is_leaf.clone();
        for (k, a) in adjustments.iter().enumerate() {
            if mask & (1 << k) != 0 {
                for &i in &a.items {
                    leaf[i] = !leaf[i];
                }
            }
        }
        leaf
    };
    let mut found: Vec<(Rank, u32, Decimal)> = Vec::new();
    for (t, &target) in targets.iter().enumerate() {
        for mask in 0u32..(1u32 << adjustments.len()) {
            let (sum, cost) = sum_cost(mask);
            if !close(sum, target) {
                continue;
            }
            // Counting one thing twice, or an item printed twice charged nowhere, costs a
            // reading as much as a doubtful row would.
            let (kept_twins, lost_items) = if twin_pairs.is_empty() {
                (0, 0)
            } else {
                let leaf = leaf_after(mask);
                let kept = twin_pairs
                    .iter()
                    .filter(|(i, j)| leaf[*i] && leaf[*j])
                    .count() as u32;
                let lost = twin_classes
                    .iter()
                    .filter(|&&c| !(0..items.len()).any(|i| class[i] == c && leaf[i]))
                    .count() as u32;
                (kept, lost)
            };
            let cost = cost + (kept_twins + lost_items) * TWICE_COST;
            // To the cent before within the rounding, then the cheapest reading, then
            // the amount due as printed before a target less a balance, then fewer
            // adjustments: a balance printed beside the amount due that the natural
            // reading reaches without it is not in it (the unpaid bill is often this
            // one's price, and reaching the amount due would count a row twice).
            let rounded = sum != target;
            found.push(((rounded, cost, t, mask.count_ones()), mask, target));
        }
    }
    let best = found.iter().min_by_key(|f| f.0).copied();
    // Sure means sure: another reading about as cheap that reaches the same amount with
    // other charges (two rows of the offer for one charge, a sentence's amount for a
    // row it equals) leaves the reading open (`suspect_rows` says what is "other").
    let rival = best.and_then(|(rank, mask, target)| {
        let charges = |m: u32| suspect_rows(items, &leaf_after(m), &doubts, &class);
        let mine = charges(mask);
        found
            .iter()
            .filter(|(r, m, t)| {
                *m != mask && *t == target && r.0 == rank.0 && r.1 <= rank.1 + AMBIGUITY_MARGIN
            })
            .find(|(_, m, _)| charges(*m) != mine)
            .map(|(_, m, _)| *m)
    });

    let (mask, reconciled, target) = match best {
        Some(((_, _, t, _), mask, target)) => {
            if t > 0 {
                notes.push(format!(
                    "the charges add up to the amount due less a printed balance ({target})"
                ));
            }
            if let Some(other) = rival {
                let differs: Vec<String> = adjustments
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| (mask ^ other) & (1 << k) != 0)
                    .flat_map(|(_, a)| a.items.iter().map(|&i| format!("{:?}", items[i].label)))
                    .collect();
                notes.push(format!(
                    "another reading adds up as well (it differs on {}): the reading is left to check",
                    differs.join(", ")
                ));
            }
            (mask, rival.is_none(), Some(target))
        }
        None => {
            if !adjustments.is_empty() {
                let tried: Vec<String> = adjustments
                    .iter()
                    .map(|a| {
                        let labels: Vec<String> = a
                            .items
                            .iter()
                            .map(|&i| format!("{:?}", items[i].label))
                            .collect();
                        format!("{} {}", labels.join(" + "), a.delta)
                    })
                    .collect();
                notes.push(format!(
                    "no adjustment adds up; tried: {}",
                    tried.join(", ")
                ));
            }
            // Nothing adds up: leave out whole classes of doubtful rows, cheapest first,
            // as far as it brings the sum closer to the amount due (without one, only
            // one of each pair of rows that repeat each other). Never a choice row by
            // row: that could hide a gap.
            let classes = [
                Doubt::Repeated,
                Doubt::Sentence,
                Doubt::Heading,
                Doubt::OutsideSections,
                Doubt::Prose,
            ];
            // Of two rows that repeat each other, the one that describes the offer, else
            // the first (a summary before its detail); and a row whose section is opened
            // again later under its name (the reading marked it so).
            let one_of_twins = |i: usize| match doubts[i] {
                Some(Doubt::RepeatedInOffer | Doubt::RepeatedShorter) => true,
                Some(Doubt::Repeated) => {
                    items[i].doubt == Some(Doubt::Repeated)
                        || twins_later(items, i).any(|j| !items[j].offer)
                }
                _ => false,
            };
            let in_class = |i: usize, class: Doubt| match class {
                Doubt::Repeated => one_of_twins(i),
                other => doubts[i] == Some(other),
            };
            let class_mask = |upto: usize| {
                adjustments
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        a.items
                            .iter()
                            .all(|&i| is_leaf[i] && classes[..upto].iter().any(|c| in_class(i, *c)))
                    })
                    .fold(0u32, |m, (k, _)| m | (1 << k))
            };
            let mask = match targets.first() {
                Some(&target) => (0..=classes.len())
                    .map(class_mask)
                    .min_by_key(|&m| sum_cost(m).0.minus(target).abs())
                    .unwrap_or(0),
                None => class_mask(1),
            };
            (mask, false, targets.first().copied())
        }
    };
    for (k, adjustment) in adjustments.iter().enumerate() {
        if mask & (1 << k) == 0 {
            continue;
        }
        for &i in &adjustment.items {
            if is_leaf[i] {
                is_leaf[i] = false;
                let why = doubts[i].map_or("doubtful", Doubt::describe);
                notes.push(format!(
                    "not a charge: {:?} {} ({why})",
                    items[i].label, items[i].amount
                ));
            } else {
                // Read the head as a charge, its rows as charges too.
                is_leaf[i] = true;
                notes.push(format!(
                    "read as a charge, not a subtotal: {:?} {}",
                    items[i].label, items[i].amount
                ));
            }
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
        ambiguous: rival.is_some(),
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

/// Whether two items name the same thing at the same amount in two sections.
fn twins(a: &Item, b: &Item) -> bool {
    !a.amount.is_zero()
        && a.amount == b.amount
        && a.section != b.section
        && (label_key(&a.label) == label_key(&b.label) || names_same(&a.label, &b.label))
}

/// Whether another item names the same thing at the same amount in another section: the
/// same label (folded, squashed), or one label the other's name with more (its period, a
/// date) — a summary of the detail, a reminder of the offer beside it. Two charges alike
/// in one section (a weekly subscription, across a page break) are two charges.
fn repeated(items: &[Item], i: usize) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(j, other)| j != i && twins(&items[i], other))
}

/// Whether one label is the other's name with more: every word of the shorter (two at
/// least, figures of a date or a period aside) is in the longer ("Forfait mobile 5G 100 Go"
/// and "Forfait mobile 5G 100 Go du 01.05.2021 au 31.05.2021"). A word in common is not
/// enough ("Mensualité de votre facilité de paiement", "Mensualité 8/24 – iPad").
fn names_same(a: &str, b: &str) -> bool {
    const SMALL: [&str; 12] = [
        "de", "du", "des", "la", "le", "les", "et", "a", "au", "l", "d", "en",
    ];
    let words = |s: &str| -> Vec<String> {
        crate::core::vocab::fold_words(s)
            .split([' ', '\''])
            .filter(|w| !w.is_empty() && !SMALL.contains(w))
            .filter(|w| !(w.contains('/') || w.contains('.')) || w.chars().any(char::is_alphabetic))
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    short.len() >= 2 && short.iter().all(|w| long.contains(w))
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
    // The same rows printed twice (the detail, and a reminder of the offer beside it)
    // are grouped alike: where one copy prints a row and the row after it side by side,
    // neither heading the other, the other copy's head is not their subtotal either
    // (`Location décodeur TV 4K 5,99` over a smaller `Location Livebox Player 5,99`). A
    // section's name over its detail stays a group: its summary elsewhere may well print
    // its first row beside it.
    for i in 0..n {
        if span[i] > i && !items[i].heading_like && contradicted_by_a_copy(items, &span, i) {
            span[i] = i;
        }
    }
    span
}

/// Whether the group `i` heads is printed elsewhere as siblings: `i` and each of its
/// direct rows with an amount have a twin, all those twins in one section and none of
/// them heading a group.
fn contradicted_by_a_copy(items: &[Item], span: &[usize], i: usize) -> bool {
    let twin_of = |r: usize| {
        (0..items.len()).find(|&t| t != r && span[t] == t && twins(&items[r], &items[t]))
    };
    let Some(head_twin) = twin_of(i) else {
        return false;
    };
    let section = items[head_twin].section;
    let mut k = i + 1;
    let mut children = 0;
    while k <= span[i] {
        if !items[k].amount.is_zero() {
            match twin_of(k) {
                Some(t) if items[t].section == section => children += 1,
                _ => return false,
            }
        }
        k = span[k] + 1;
    }
    children > 0
}

/// Whether `row` may be under `head`: on its page (or the next, when the head ends its
/// page), and indented further, smaller, a charge under a section name, or a qualifier.
fn subordinate(head: &Item, row: &Item, head_ends_page: bool) -> bool {
    let near = row.block == head.block
        && (row.page == head.page || (head_ends_page && row.page == head.page + 1));
    near && (row.indent > head.indent + 3.0
        || row.size + 0.25 < head.size
        || (head.heading_like && (!row.heading_like || names_one_item(&row.label)))
        || row.qualifier)
}

/// Whether a label names one item though its words are a section's (`Remise Forfait`
/// under `Réductions`, `Option TV` under `Options`): one of the words sections are
/// named with, in the singular, first, and a word of its own after it.
fn names_one_item(label: &str) -> bool {
    let folded = super::text::fold(label);
    let mut words = folded.split_whitespace();
    let first = words.next().unwrap_or_default();
    matches!(
        first,
        "remise"
            | "reduction"
            | "avantage"
            | "option"
            | "forfait"
            | "abonnement"
            | "pack"
            | "bouquet"
            | "credit"
            | "geste"
            | "location"
            | "frais"
    ) && words.next().is_some()
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
                offer: false,
                block: 0,
                detailed_later: false,
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

    /// The detail and a reminder of the offer beside it list the same rows; in the
    /// reminder a rental is printed smaller than the one above it at the same amount. It
    /// is not that row's detail: the detail prints both side by side. Whichever copy is
    /// kept, each rental is counted once, under its own name.
    #[test]
    fn a_copy_printing_two_rows_side_by_side_undoes_their_grouping_elsewhere() {
        let mut it = items(&[
            ("#Vos abonnements", "61.97", 40.0, 2),
            ("Livebox Up Fibre", "49.99", 40.0, 2),
            ("Location décodeur TV 4K", "5.99", 40.0, 2),
            ("Location Livebox Player", "5.99", 40.0, 2),
            ("Livebox Up Fibre", "49.99", 300.0, 2),
            ("Location décodeur TV 4K", "5.99", 300.0, 2),
            ("Location Livebox Player", "5.99", 300.0, 2),
        ]);
        for (k, item) in it.iter_mut().enumerate() {
            item.section = if k < 4 { 0 } else { 4 };
            item.block = if k < 4 { 0 } else { 1 };
        }
        it[6].size = 8.5;
        let span = group(&it);
        assert_eq!(span[5], 5, "{span:?}");
        let r = reconcile(&it, &[d("61.97")], Decimal::ZERO);
        let mut kept = labels(&it, &r);
        kept.sort();
        assert_eq!(
            kept,
            [
                "Livebox Up Fibre",
                "Location Livebox Player",
                "Location décodeur TV 4K"
            ]
        );
        // Without the copy, the smaller row is the detail of the one above it.
        let alone = it[4..].to_vec();
        assert_eq!(group(&alone)[1], 2);
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

    /// A reminder of the offer beside the detail: left out whole when it repeats the
    /// charges; and when two of its rows (14,99 + 3,00) could stand in for a charge they
    /// equal (17,99), the reading is not sure, whichever is cheaper.
    #[test]
    fn a_reminder_of_the_offer_is_left_out_whole_or_the_reading_stays_open() {
        let offer = |rows: &[(&str, &str)], section: usize| -> Vec<Item> {
            rows.iter()
                .map(|(l, a)| {
                    let mut it = items(&[(l, a, 60.0, 1)]).remove(0);
                    it.section = section;
                    it.offer = true;
                    it.block = 1;
                    it
                })
                .collect()
        };
        let mut detail = items(&[
            ("Forfait RED 5G 200 Go", "14.99", 40.0, 1),
            ("Option Sécurité Mobile", "3.00", 40.0, 1),
            (
                "Location smartphone Samsung Galaxy A55 (loyer du 13-02-2018)",
                "17.99",
                40.0,
                1,
            ),
        ]);
        for it in &mut detail {
            it.section = 1;
        }
        // The whole offer repeats the detail: it goes, the detail stays, sure.
        let mut all = detail.clone();
        all.extend(offer(
            &[
                ("Forfait RED 5G 200 Go", "14.99"),
                ("Option Sécurité Mobile", "3.00"),
                ("Location smartphone Samsung Galaxy A55", "17.99"),
            ],
            2,
        ));
        let r = reconcile(&all, &[d("35.98")], Decimal::ZERO);
        assert!(r.reconciled && !r.ambiguous, "{r:?}");
        assert_eq!(r.leaves, [0, 1, 2]);
        // The offer lists the plan and the option only, and the rental's row is repeated
        // in a summary: keeping the offer's two rows for the rental would count the plan
        // and the option twice, which is dearer than leaving the offer out.
        let mut some = detail.clone();
        some[2].doubt = Some(Doubt::Repeated);
        some.extend(offer(
            &[
                ("Forfait RED 5G 200 Go", "14.99"),
                ("Option Sécurité Mobile", "3.00"),
            ],
            2,
        ));
        let r = reconcile(&some, &[d("35.98")], Decimal::ZERO);
        assert!(r.reconciled && !r.ambiguous, "{r:?}");
        assert_eq!(r.leaves, [0, 1, 2]);
        // A sentence's amount that equals a charge repeated elsewhere: leaving out the
        // sentence or the charge adds up alike, so the reading is not sure.
        let mut sentence = detail;
        sentence[0].doubt = Some(Doubt::Repeated);
        sentence.extend(items(&[(
            "Votre prochaine facture devrait s'élever à",
            "14.99",
            40.0,
            1,
        )]));
        sentence[3].doubt = Some(Doubt::Sentence);
        sentence[3].section = 9;
        let r = reconcile(&sentence, &[d("35.98")], Decimal::ZERO);
        assert!(!r.reconciled && r.ambiguous, "{r:?}");
        assert!(
            r.notes.iter().any(|n| n.contains("another reading")),
            "{:?}",
            r.notes
        );
    }

    /// A sentence's amount (`… devrait s'élever à 19,99 €`) is left out before a charge,
    /// and two alike charges in one section are never each other's twin.
    #[test]
    fn a_sentence_s_amount_goes_before_a_charge_and_alike_charges_stay() {
        let mut it = items(&[
            (
                "Votre prochaine facture devrait s'élever à",
                "3.00",
                40.0,
                1,
            ),
            (
                "Internet+ GameZone abonnement hebdomadaire du 19/03",
                "3.00",
                40.0,
                2,
            ),
            (
                "Internet+ GameZone abonnement hebdomadaire du 26/03",
                "3.00",
                40.0,
                3,
            ),
        ]);
        it[0].doubt = Some(Doubt::Sentence);
        it[0].section = 7;
        let r = reconcile(&it, &[d("6.00")], Decimal::ZERO);
        assert!(r.reconciled, "{r:?}");
        assert_eq!(r.leaves, [1, 2]);
    }

    #[test]
    fn names_are_the_same_item_when_one_is_the_other_with_more() {
        let cases = [
            (
                "Forfait mobile 5G 100 Go",
                "Forfait mobile 5G 100 Go du 01.05.2021 au 31.05.2021",
                true,
            ),
            (
                "Location smartphone Samsung Galaxy A55 5G 128 Go",
                "Location smartphone Samsung Galaxy A55 5G 128 Go (loyer du 13-02-2018)",
                true,
            ),
            (
                "Mensualité de votre facilité de paiement",
                "Mensualité 8/24 – iPad 11 128 Go",
                false,
            ),
            ("Forfait", "Forfait 5G", false),
            ("Option TV", "Option Multi-SIM", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(names_same(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn rounding_announced_is_tolerated() {
        let it = items(&[("Forfait", "10.83", 40.0, 1), ("Option", "2.17", 40.0, 1)]);
        assert!(!reconcile(&it, &[d("12.99")], Decimal::ZERO).reconciled);
        assert!(reconcile(&it, &[d("12.99")], d("0.01")).reconciled);
    }
}
