//! The body of a bill: charges, totals, VAT and call-detail records.
//!
//! Pure. One walk over the rows in reading order keeps what the page has said so far (the
//! section, the amount columns, whether a call-detail table or a reminder of the previous
//! bill is open) and gives every row with an amount a role (`roles`): amount due,
//! subtotal, VAT, balance, or item. Explainer pages are skipped whole (`explainer`). The
//! items then go to `tree`, which finds the subtotals by their sums and keeps the leaves
//! that add up to the amount due; the charges are those leaves, named and categorised.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::money::ratio;

use crate::core::bill::{BillLine, Category, UsageRecord, UsageSummary, VatLine};
use crate::core::money::{self, AmountToken};

use super::columns::{self, Pick, Table};
use super::explainer;
use super::roles::{self, Role};
use super::text::{self, fold, squash};
use super::tree::{self, Doubt, Item};
use super::usage;
use super::{Line, MAX_LINES, MAX_USAGE};
use crate::core::vocab;
use crate::core::vocab::headings::{self as sections, SectionKind};
use crate::core::vocab::kinds;

/// What the body of a bill gives: charges, totals, VAT, usage, and how it was read.
#[derive(Clone, Default)]
pub(super) struct Body {
    /// The charges.
    pub lines: Vec<BillLine>,
    /// The call-detail records.
    pub usage: Vec<UsageRecord>,
    /// The summary of what the line used at no charge.
    pub usage_summary: Vec<UsageSummary>,
    /// This bill's amount due, as printed (less a printed previous balance it includes).
    pub total: Option<Decimal>,
    /// The total excluding VAT.
    pub total_ht: Option<Decimal>,
    /// VAT by rate.
    pub vat: Vec<VatLine>,
    /// Whether the charges add up to the amount due.
    pub reconciled: bool,
    /// Whether other rows would add up to it as well (`tree::Reading::ambiguous`).
    pub ambiguous: bool,
    /// How the reading was chosen, for diagnostics.
    pub notes: Vec<String>,
}

pub(super) fn is_usage_header(line: &Line) -> bool {
    // The word `date` is needed below: a row without it in its text is not a header.
    if !vocab::contains(&line.folded, "date") {
        return false;
    }
    let words: Vec<&str> = line.folded.split(|c: char| !c.is_alphanumeric()).collect();
    // `Référence client | Date de facture | Numéro de facture` is a header block, not a
    // call-detail table.
    let about_the_bill = words.contains(&"facture") || words.contains(&"client");
    let usage_words = [
        "heure",
        "duree",
        "numero",
        "destination",
        "correspondant",
        "volume",
        "appele",
        "type",
    ]
    .iter()
    .filter(|w| words.contains(w))
    .count();
    words.contains(&"date") && !about_the_bill && usage_words >= 2
}

/// A row cut into its label and the amounts that end it.
struct Split {
    label: String,
    /// The amounts, bracketed companions left out (`12.99 (10.83)`: TTC then HT).
    amounts: Vec<AmountToken>,
    /// The label stops mid-phrase (a dash, a bracket or a preposition last): its end is
    /// on the next row, whatever its case (`Appels vers les mobiles -` / `Maroc`).
    open_end: bool,
}

/// The label of a row and the amounts that end it (rates between them skipped, a
/// bracketed HT after its TTC set aside). Text printed to the right of the amounts, in
/// another column of the page (an explanation beside a summary), is not part of the row.
fn split_trailing(line: &Line) -> Split {
    let text = own_columns(line);
    let amounts = money::find_amounts(text);
    let mut cut = text.len();
    let mut trailing: Vec<AmountToken> = Vec::new();
    for a in amounts.iter().rev() {
        // Only the last amount may share its cell with words (`Forfait ……… 10,00 €`); an
        // amount before it inside a label's cell is part of the label (`Forfait 2€  2.00€`).
        if !trailing.is_empty() && line.words_before_in_cell(a.start) {
            break;
        }
        let gap = text[a.end..cut].trim_matches(|c: char| c.is_whitespace() || money::is_space(c));
        // Between or after amounts: nothing, a VAT rate, a tax word (`45,99 € TTC`), the
        // brackets of an HT companion, a footnote mark.
        let folded_gap = fold(gap);
        let tax_word = matches!(
            folded_gap.trim_matches(['*', '(', ')', ' ']),
            "" | "ttc"
                | "ht"
                | "€"
                | "e"
                | "eur"
                | "euros"
                | "€ ttc"
                | "€ ht"
                | "eur ttc"
                | "e ttc"
        );
        // A footnote call after an amount (`29,99 € (1)`, `¹`).
        let footnote = (gap.starts_with('(') && gap.ends_with(')') && gap.chars().count() <= 4)
            || gap.chars().all(|c| matches!(c, '¹' | '²' | '³' | '*'));
        if gap.is_empty() || tax_word || footnote || money::parse_rate(gap).is_some() {
            cut = a.start;
            trailing.push(a.clone());
        } else {
            break;
        }
    }
    trailing.reverse();
    // A bracketed amount right after another is its HT companion (`12.99 (10.83)`).
    let bytes = text.as_bytes();
    let bracketed = |a: &AmountToken| {
        a.start > 0
            && bytes.get(a.start - 1) == Some(&b'(')
            && text[a.end..].trim_start().starts_with(')')
    };
    let amounts: Vec<AmountToken> = trailing
        .iter()
        .enumerate()
        .filter(|(k, a)| !(*k > 0 && bracketed(a)))
        .map(|(_, a)| a.clone())
        .collect();
    let mut label = text[..cut].trim_end().trim_end_matches('(').to_string();
    // A VAT rate column just before the amounts.
    loop {
        let trimmed = label.trim_end();
        let last_word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || money::is_space(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (head, last) = trimmed.split_at(last_word_start);
        if last.ends_with('%') && money::parse_rate(last).is_some() {
            label = head.to_string();
        } else if last == "%" {
            // `20 %`: the number is one word before.
            let head = head.trim_end();
            let start = head.rfind(' ').map_or(0, |i| i + 1);
            if money::parse_rate(&format!("{}%", &head[start..])).is_some() {
                label = head[..start].to_string();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let mut label = squash(&label);
    // A quantity column (`nombre`, `qté`) between the label and the amounts: a cell that
    // is a bare count is not part of the label (`Forfait RED 5G 200 Go du  1  14,99 €`).
    // So is a duration column (`00:27:58`) of a charged call.
    while let Some((head, last)) = label.rsplit_once(' ') {
        let own_cell = line.cells.iter().any(|c| c.text.trim() == last);
        let count = last.len() <= 3 && last.chars().all(|c| c.is_ascii_digit());
        let duration = text::is_time(last) || text::parse_duration(last, false).is_some();
        if own_cell && !last.is_empty() && (count || duration) {
            label = head.trim_end().to_string();
        } else {
            break;
        }
    }
    // Dot leaders between a label and its amount (`Forfait ........ 29,99`).
    if label.ends_with("..") || label.ends_with('…') {
        label = label.trim_end_matches(['.', '…', ' ']).to_string();
    }
    let open_end = ends_open(&label);
    let label = label
        .trim_end_matches([':', '-', '–'])
        .trim_end()
        .to_string();
    Split {
        label: clean_label(&label),
        amounts,
        open_end,
    }
}

/// The row's text up to its last cell that holds an amount: cells after it are another
/// column (an explanation printed beside a summary), unless they are only tax words.
fn own_columns(line: &Line) -> &str {
    let Some(last_amount) = line
        .cells
        .iter()
        .rposition(|c| !money::find_amounts(&c.text).is_empty())
    else {
        return &line.text;
    };
    let after = &line.cells[last_amount + 1..];
    let words_only = after.iter().all(|c| {
        let f = fold(&c.text);
        let f = f.trim().trim_matches(['*', '(', ')']);
        f.is_empty()
            || matches!(
                f,
                "ttc" | "ht" | "€" | "e" | "eur" | "€ ttc" | "e ttc" | "inclus"
            )
            || money::parse_rate(f).is_some()
    });
    if words_only {
        return &line.text;
    }
    line.cell_end(last_amount)
}

/// Whether a text stops mid-phrase: a dash, a bracket or a preposition last
/// (`Appels vers les mobiles -`, `Forfait 5G du`): the rest is on the next row.
fn ends_open(text: &str) -> bool {
    let text = text.trim_end();
    // Only the last two words matter.
    let mut last_two = text.split_whitespace().rev().take(2).map(fold);
    let last_word = last_two.next().unwrap_or_default();
    let before_last = last_two.next();
    // `du 1er au 31` then `Décembre 2026`: a day with its month on the next row.
    let day_without_month = before_last.is_some_and(|w| matches!(w.as_str(), "au" | "du"))
        && last_word
            .trim_end_matches("er")
            .chars()
            .all(|c| c.is_ascii_digit())
        && !last_word.is_empty();
    day_without_month
        || text.ends_with(['-', '–', '('])
        || matches!(
            last_word.as_str(),
            "du" | "de"
                | "des"
                | "au"
                | "aux"
                | "vers"
                | "et"
                | "a"
                | "pour"
                | "depuis"
                | "en"
                | "sur"
                | "avec"
                | "dans"
                | "par"
                | "sans"
                | "chez"
                | "entre"
                | "le"
                | "la"
                | "les"
                | "un"
                | "une"
                | "d"
                | "l"
        )
}

/// A label without its bullet (`·`, `•`, `❑`, `-`).
fn clean_label(label: &str) -> String {
    label
        .trim_start_matches(['·', '•', '❑', '■', '▪', '-', '–', '−', '*', '>', ' '])
        .trim_start()
        .to_string()
}

/// Whether a row without amounts opens a section: a heading's words, or a short title
/// (not a sentence) right before a column header.
fn opens_section(lines: &[Line], i: usize, opened_at: Option<usize>) -> bool {
    let line = &lines[i];
    let text = clean_label(&squash(&line.text));
    if text.ends_with('.') || text.chars().count() > 80 {
        return false;
    }
    // The start of a charge's label whose end is on the amount's row under it
    // (`Remise pendant 12 mois sur` / `abonnement - forfait  -15,00`).
    // Or whose last words, short and starting with a figure or in lower case, are on the
    // amount's row under its start (`Remise sur abonnement` / `12 mois  -5,00`).
    let label_goes_on = lines.get(i + 1).is_some_and(|next| {
        let amounts = money::find_amounts(&next.text);
        let rest = amounts
            .first()
            .map(|a| clean_label(&squash(next.text.get(..a.start).unwrap_or_default())));
        right_under(line, next)
            && !amounts.is_empty()
            && (ends_open(&text) || rest.is_some_and(|rest| last_words_under(line, next, &rest)))
    });
    if label_goes_on {
        return false;
    }
    // The end of a sentence wrapped from the row above ("… décompté de votre" / "forfait")
    // is not a heading, whatever its words.
    let wrapped = i > 0
        && continues(&text)
        && right_under(&lines[i - 1], line)
        && !lines[i - 1].text.trim_end().ends_with(['.', ':', ')'])
        && money::find_amounts(&lines[i - 1].text).is_empty();
    if wrapped {
        return false;
    }
    if sections::is_heading_like(&text) {
        return true;
    }
    // A heading just above already named the section: this is a note under it.
    let just_opened = opened_at.is_some_and(|o| i - o <= 2 && lines[o].page == line.page);
    let title_like = !just_opened
        && !text.contains(':')
        && text.chars().next().is_some_and(|c| c.is_uppercase());
    title_like
        && lines[i + 1..].iter().take(1).any(|next| {
            next.page == line.page
                && Table::from_header(next, None).is_some()
                && !is_usage_header(next)
        })
}

/// A title that starts a part of the bill ("Détail de votre consommation", "Récapitulatif
/// de votre facture", "Votre facture en bref"): short, and named for the bill, not a family.
fn is_title(line: &Line) -> bool {
    let f = roles::strip_lead(&line.folded);
    let short = f.split_whitespace().count() <= 6 && !f.contains(':');
    short
        && [
            "detail de",
            "le detail",
            "recapitulatif",
            "synthese",
            "votre facture en bref",
            "resume de",
        ]
        .iter()
        .any(|k| f.starts_with(k))
}

/// Headings of a reminder of the previous bill: the amounts under them are not this
/// bill's, until the next section.
fn opens_balance_block(line: &Line) -> bool {
    let f = roles::strip_lead(&line.folded);
    // A reminder of the offer (`Rappel de votre offre`) recalls prices, not what is owed.
    (f.starts_with("rappel") && !f.contains("offre") && !f.contains("forfait"))
        || f.contains("situation precedente")
        || f.starts_with("vos derniers paiements")
        || f.starts_with("vos paiements")
        || f.starts_with("historique")
        || f.starts_with("echeancier")
}

/// Whether a balance row is a payment received (`Vos derniers paiements`, `Règlement
/// reçu`), not something still owed.
fn is_payment(label: &str) -> bool {
    let f = roles::strip_lead(&fold(label)).to_string();
    [
        "paiement",
        "reglement",
        "encaissement",
        "deja regle",
        "deja preleve",
        "prelevement effectue",
        "versement",
    ]
    .iter()
    .any(|w| f.contains(w))
        && !f.contains("rejet")
}

/// Whether a total's label says it is what the bill charges, all of it (`TOTAL
/// prestations facturées`, `Total de vos prestations`), not a section's part.
fn names_what_is_billed(label: &str) -> bool {
    let f = fold(label);
    f.contains("prestations factur")
        || f.contains("total des prestations")
        || f.contains("total de vos prestations")
}

/// Whether a folded label states something about the bill rather than charges it: what
/// was saved, what the next bill should be, what would be charged if, what is not billed
/// (`Vos économies grâce à vos avantages depuis janvier  59,99`, `Votre prochaine facture
/// devrait s'élever à  19,99`, `Frais appliqués en cas de rejet  7,50`).
fn states(folded: &str) -> bool {
    [
        "economie",
        "economise",
        "prochaine facture",
        "devrait",
        "estimation",
        "a titre indicatif",
        "pour information",
        "non facture",
        "en cas de",
        "sera preleve",
        "sera debite",
        "seront preleves",
        "pourra etre",
    ]
    .iter()
    .any(|w| folded.contains(w))
}

/// Whether a label is only the end of another (`Go` under `Forfait mobile 5G 100`): no
/// word of three letters or more.
fn fragment(label: &str) -> bool {
    !label
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3)
}

/// A label without the words that announce its amount in a heading carrying its total
/// (`Forfait (Total : 30,44 TTC)` → `Forfait`, `Options - total 6,00` → `Options`):
/// the section's name, as its summary row elsewhere prints it.
fn without_title_total(label: &str) -> String {
    let trimmed = label.trim_end();
    let announces = |rest: &str| {
        let rest = rest.trim_end_matches([':', ' ']).trim();
        rest.is_empty() || rest == "total" || rest == "total ttc" || rest == "montant"
    };
    // An unclosed parenthesis before the amount: `(Total :`, `(`.
    if let Some(open) = trimmed.rfind('(') {
        let rest = &trimmed[open + 1..];
        if !rest.contains(')') && announces(&fold(rest)) && open > 0 {
            return trimmed[..open].trim_end().to_string();
        }
    }
    // A dash and the word: `- total`, `– total :`.
    for dash in [" - ", " – "] {
        if let Some(at) = trimmed.rfind(dash) {
            let rest = fold(&trimmed[at + dash.len()..]);
            if rest.trim_end_matches([':', ' ']).trim() == "total" && at > 0 {
                return trimmed[..at].trim_end().to_string();
            }
        }
    }
    trimmed.to_string()
}

/// Whether a row is about usage: under communications, or naming calls, messages or
/// data itself, and not a plan or an option by its name (`Forfait Free 5G 250 Go`,
/// `Forfait 2 h`).
fn about_usage(label: &str, section: Option<&(String, SectionKind)>) -> bool {
    let f = fold(label);
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).collect();
    let names_usage = [
        "appels",
        "appel",
        "sms",
        "mms",
        "data",
        "internet",
        "voix",
        "communications",
        "consommations",
    ]
    .iter()
    .any(|w| words.contains(w));
    let in_communications = section.is_some_and(|(_, kind)| {
        matches!(kind, SectionKind::Communications | SectionKind::OutOfPlan)
    });
    let names_an_offer = ["forfait", "abonnement", "offre", "option", "pass"]
        .iter()
        .any(|w| f.starts_with(w));
    (names_usage || in_communications) && !names_an_offer
}

/// Whether a row is a header field, a name and its value (`n° de facture : 5251633503`):
/// complete, never the first half of a label.
fn is_field(text: &str) -> bool {
    text.rsplit_once(':')
        .is_some_and(|(_, value)| value.chars().filter(char::is_ascii_digit).count() >= 4)
}

/// Whether a section's name says it describes the offer rather than bills it: "Rappel de
/// votre offre", "Votre offre", "Ce qui est inclus dans votre offre", "Votre forfait en
/// détail", "Votre forfait comprend". Its rows are dropped first when they repeat charges billed elsewhere.
fn describes_offer(name: &str) -> bool {
    let f = fold(name);
    (f.contains("offre")
        && (f.contains("rappel")
            || f.contains("inclus")
            || f.contains("comprend")
            || f.split_whitespace().count() <= 2))
        || f.contains("en detail")
        || f.contains("comprend")
        || f.starts_with("rappel de votre")
        || f.contains("ce qui est inclus")
}

/// Whether the bill says its unit amounts are rounded ("les montants unitaires sont
/// arrondis, leur somme peut différer du montant total").
fn announces_rounding(line: &Line) -> bool {
    line.folded.contains("arrondi") && line.folded.contains("montant")
}

/// Whether a row starts with a bullet (`·`, `•`, `❑`, `■`, `▪`, or a dash and a space
/// before a phrase of its own).
fn bulleted(line: &Line) -> bool {
    let t = line.text.trim_start();
    // A dash bullets an item that starts a phrase of its own (`- Option Multi-SIM`); a dash
    // before lower case is the rest of the label above (`Samsung Galaxy S26 256 Go` /
    // `– achat comptant`).
    t.starts_with(['·', '•', '❑', '■', '▪'])
        || ["- ", "– "].iter().any(|dash| {
            t.strip_prefix(dash)
                .is_some_and(|rest| !rest.trim_start().starts_with(char::is_lowercase))
        })
}

/// Whether `line` goes on with an item of a list whose label starts at `item` (the left
/// edge of the text after its bullet): not a bullet of its own, its text right under the
/// item's (`• Location mobile` / `Samsung Galaxy A55 5G` / `128 Go  14,99`).
fn item_goes_on(item: Option<f32>, line: &Line) -> bool {
    item.is_some_and(|x| !bulleted(line) && (indent(line) - x).abs() <= 2.0)
}

/// The left edge of a row's label: its first cell that is not a bullet or a number.
fn indent(line: &Line) -> f32 {
    line.cells
        .iter()
        .find(|c| {
            let t = c.text.trim();
            t.chars().count() > 2 || t.chars().any(char::is_alphabetic)
        })
        .or(line.cells.first())
        .map_or(0.0, |c| c.x)
}

/// Whether `below` is the row right under `above`, close enough to continue it.
fn right_under(above: &Line, below: &Line) -> bool {
    below.page == above.page
        && below.y > above.y
        && below.y - above.y <= 1.7 * above.size.max(below.size).max(4.0)
}

/// Whether `rest`, the label of the amount's row `below`, is the last words of the label
/// on the row above (`Remise sur abonnement` / `12 mois  -5,00`): at most three words,
/// starting with a figure or in lower case, under the label's start.
fn last_words_under(above: &Line, below: &Line, rest: &str) -> bool {
    !rest.is_empty()
        && continues(rest)
        && rest.split_whitespace().count() <= 3
        && (indent(below) - indent(above)).abs() <= 2.0
}

/// Whether `rest`, the label of the amount's row `below`, goes on with the label-only row
/// `above` that is no heading: in lower case, starting where it starts (`Remise pendant 12
/// mois` / `sur abonnement - forfait  -10,00`), even when its words could name a section.
fn goes_on_in_lower_case(above: &Line, below: &Line, rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_lowercase)
        && (indent(below) - indent(above)).abs() <= 2.0
}

/// Whether a text is only a footnote's call: a number of one or two figures or asterisks,
/// in brackets or not (`(1)`, `(**)`, `*`).
fn footnote_call(text: &str) -> bool {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(t);
    let bracketed = inner.len() != t.len();
    (!inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c == '*'))
        || (bracketed
            && (1..=2).contains(&inner.len())
            && inner.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a label continues the text of the row above it (`au 27.11.2025` under
/// `total du montant prélevé`): lower case, a bracket, a figure or a unit (`Go` after
/// `… 256`) first. A capital starts
/// a row of its own ("Pour le mois à venir(du 02/11 au 01/12)" is a note, not the rest of
/// a label).
fn continues(label: &str) -> bool {
    let unit_first = label
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(fold(w).as_str(), "go" | "mo" | "ko" | "to" | "gio" | "mio"));
    unit_first
        || label
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c == '(' || c.is_ascii_digit())
}

/// The text of a row that continues the label above it: close below it, starting where
/// the label starts (or further right), in lower case or with a figure, not a sentence.
fn continuation(above: &Line, line: &Line, next: Option<&Line>, open_end: bool) -> Option<String> {
    let t = clean_label(&squash(&line.text));
    let aligned = indent(line) >= indent(above) - 4.0;
    // A short row under the label's start, over a qualifier indented further (`Bbox Série
    // spéciale  16,66  19,99` / `Fibre` / `    du 24.01.2018 au 23.02.2018  16,66  19,99`),
    // ends the label above whatever its case.
    let ends_above = (indent(line) - indent(above)).abs() <= 2.0
        && t.split_whitespace().count() <= 3
        && next.is_some_and(|n| right_under(line, n) && indent(n) > indent(line) + 4.0);
    (right_under(above, line)
        && aligned
        && !bulleted(line)
        && (continues(&t) || open_end || ends_above)
        && t.chars().count() <= 60
        && !t.ends_with('.')
        && !t.contains(':'))
    .then_some(t)
}

/// What one item carries besides what the tree needs.
struct Meta {
    section: String,
    kind: Option<SectionKind>,
    within_plan: Option<bool>,
    /// The line index the item was read from.
    at: usize,
    /// The last line of its label (`at`, or a row its label wrapped onto).
    last_row: usize,
    /// Its label stops mid-phrase.
    open_end: bool,
}

/// A printed amount due, with how sure its wording is.
struct Due {
    rank: u8,
    amount: Decimal,
}

/// What every reading of the body shares: the rows, split once, and what holds for the
/// whole bill.
struct Context<'a> {
    lines: &'a [Line],
    reference: Option<NaiveDate>,
    /// The parts of pages that explain the bill (`explainer::explainer_parts`).
    explainers: Vec<(u32, Option<f32>)>,
    rounding: bool,
    /// Each row's label and trailing amounts.
    splits: Vec<Split>,
    /// The bill's VAT rate, when it prints only one.
    bill_rate: Option<Decimal>,
    /// Every VAT rate the bill prints on its VAT rows.
    bill_rates: Vec<Decimal>,
}

/// Reads the body: charges, totals, VAT, usage; the charges reconciled with the amount due.
/// The charges are taken from the column the headers name; when they do not add up, from
/// each row's rightmost, then leftmost amount, and the first reading that adds up is kept
/// (with a note saying which): which column is the charge is checked against the sums.
pub(super) fn read_body(
    lines: &[Line],
    reference: Option<NaiveDate>,
    slanted: &[(u32, &str)],
) -> Body {
    // Each row's label and trailing amounts, split once: the bill's VAT rate is looked for
    // in every row before the rows are read.
    let splits: Vec<Split> = lines.iter().map(split_trailing).collect();
    let bill_rates = vat_rates(lines, &splits);
    let cx = Context {
        lines,
        reference,
        explainers: explainer::explainer_parts(lines, slanted),
        rounding: lines.iter().any(announces_rounding),
        bill_rate: match bill_rates.as_slice() {
            [one] => Some(*one),
            _ => None,
        },
        bill_rates,
        splits,
    };
    let (first, differs) = read_with(&cx, Pick::Header);
    if first.reconciled || !differs {
        return first;
    }
    for pick in [Pick::Last, Pick::First] {
        let (mut body, _) = read_with(&cx, pick);
        if body.reconciled {
            body.notes.insert(
                0,
                format!(
                    "the charges are {}: the column the headers name does not add up",
                    pick.describe()
                ),
            );
            return body;
        }
    }
    first
}

/// One reading of the body, with charges taken by `pick`; the flag says whether another
/// pick would take other amounts.
fn read_with(cx: &Context<'_>, pick: Pick) -> (Body, bool) {
    let Context {
        lines,
        reference,
        ref explainers,
        rounding,
        ref splits,
        bill_rate,
        ref bill_rates,
    } = *cx;
    let mut body = Body::default();
    let mut differs = false;
    let mut items: Vec<Item> = Vec::new();
    let mut meta: Vec<Meta> = Vec::new();
    let mut dues: Vec<Due> = Vec::new();
    let mut balances: Vec<Decimal> = Vec::new();
    let mut payments: Vec<Decimal> = Vec::new();
    let mut subtotals: Vec<Decimal> = Vec::new();
    let mut section: Option<(String, SectionKind)> = None;
    let mut opened_at: Option<usize> = None;
    let mut family_section = false;
    let mut within_plan: Option<bool> = None;
    let mut columns: Option<Table> = None;
    let mut in_usage = false;
    let mut in_balance = false;
    let mut usage_table: Option<usage::UsageColumns> = None;
    // Where each section opens, and its name: a first-page summary row naming a section
    // detailed later is that section's subtotal, not a charge.
    let mut openings: Vec<(usize, String)> = Vec::new();
    // A row of text without amounts, waiting to be joined to the amount row under it.
    // The text rows read since the last amount, with the label's left edge when they
    // began at a bullet (an item of a list goes on, whatever its case, until the next
    // bullet).
    let mut pending_text: Option<(usize, String, Option<f32>)> = None;
    let mut wrapped_heading: Option<usize> = None;
    // The second row of a column header printed over two rows.
    let mut header_below: Option<usize> = None;
    // The column of a part printed in two that the rows are in.
    let mut block = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if explainer::in_parts(explainers, line)
            || explainer::has_placeholder(line)
            || wrapped_heading == Some(i)
            || header_below == Some(i)
        {
            continue;
        }
        if i > 0 && lines[i - 1].page != line.page {
            pending_text = None;
            // A page prints its own column headers, if any.
            columns = None;
        }
        // The second column of a part printed in two (`reading_order`): the rows go back
        // up the page. It is a part of its own: what the first column was in no longer
        // holds (the column names printed above the part still do); a short title first
        // names it.
        let new_column = i > 0 && lines[i - 1].page == line.page && line.y + 1.0 < lines[i - 1].y;
        if new_column {
            block += 1;
            pending_text = None;
            in_usage = false;
            in_balance = false;
            within_plan = None;
            family_section = false;
            opened_at = Some(i);
            let title = clean_label(&squash(&line.text));
            // A reference (an invoice number in a running header) is not a title.
            let reference = title
                .split_whitespace()
                .any(|w| w.chars().filter(char::is_ascii_digit).count() >= 6);
            let titled = splits[i].amounts.is_empty()
                && !reference
                && Table::from_header(line, None).is_none()
                && !title.ends_with('.')
                && title.split_whitespace().count() <= 8;
            if titled {
                let kind = sections::section_kind(&title);
                section = Some((title, kind));
                continue;
            }
            // Untitled, it is still a part of the bill's body, not its header.
            section = Some((String::new(), SectionKind::Other));
        }
        let table = usage_table.filter(|_| in_usage);
        if let Some(record) = usage::record(line, reference, table.as_ref()) {
            if body.usage.len() < MAX_USAGE {
                body.usage.push(record);
            }
            continue;
        }
        if is_usage_header(line) {
            in_usage = true;
            usage_table = Some(usage::usage_columns(line));
            continue;
        }
        if let Some((table, stacked)) = Table::from_header(line, lines.get(i + 1)) {
            columns = Some(table);
            if stacked {
                header_below = Some(i + 1);
            }
            in_balance = false;
            continue;
        }
        // Under a table whose amount columns are named, a price inside a label's cell,
        // well left of every column (`Remise Forfait Sosh 25,99€` / `5G 12 mois  -3,00`),
        // is the label's: the row has no amount of its own.
        // Only when the label goes on to the row under it, whose amounts are in the columns.
        let price_in_label = columns.as_ref().is_some_and(|table| {
            let first = table
                .columns
                .iter()
                .map(|c| c.x0)
                .fold(f32::INFINITY, f32::min);
            let in_columns = |l: &Line, a: &AmountToken| {
                l.x_of(a.start, a.end).is_some_and(|x| x + 20.0 >= first)
            };
            let label_goes_on = lines.get(i + 1).is_some_and(|next| {
                right_under(line, next)
                    && !splits[i + 1].label.is_empty()
                    && !splits[i + 1].amounts.is_empty()
                    && splits[i + 1].amounts.iter().all(|a| in_columns(next, a))
            });
            label_goes_on
                && matches!(splits[i].amounts.as_slice(), [a] if line.words_before_in_cell(a.start)
                    && !in_columns(line, a))
        });
        let text_only = Split {
            label: String::new(),
            amounts: Vec::new(),
            open_end: false,
        };
        let split = if price_in_label {
            &text_only
        } else {
            &splits[i]
        };
        // A footnote's call printed on a row of its own, raised above a label (`(1)`,
        // `(**)`): no part of any label.
        if split.amounts.is_empty() && footnote_call(&line.text) {
            continue;
        }
        if split.amounts.is_empty() {
            let before = pending_text.take();
            let title = clean_label(&squash(&line.text));
            if opens_balance_block(line) {
                in_balance = true;
            } else if describes_offer(&title) && title.split_whitespace().count() <= 8 {
                // A reminder of the offer (`Rappel de votre offre`): a part of its own,
                // whose rows repeat the charges.
                openings.push((i, tree::label_key(&title)));
                section = Some((title, SectionKind::Other));
                family_section = false;
                opened_at = Some(i);
                within_plan = None;
                in_usage = false;
                in_balance = false;
            } else if let Some(within) = usage_subheading_in(line, section.as_ref()) {
                within_plan = Some(within);
            } else if is_title(line) {
                // "Détail de votre consommation", "Récapitulatif": a new part of the bill,
                // whose first rows are under no family yet.
                let name = clean_label(&squash(&line.text));
                section = Some((name, SectionKind::Other));
                family_section = false;
                opened_at = Some(i);
                within_plan = None;
                in_usage = false;
                in_balance = false;
            } else if opens_section(lines, i, opened_at)
                // The rest of a label left open on the row above (`Remise(s) sur  -5,00` /
                // `abonnements principaux`) is that label's, whatever its words.
                && !meta
                    .last()
                    .filter(|m| m.last_row + 1 == i && m.open_end)
                    .is_some_and(|m| {
                        continuation(&lines[m.last_row], line, lines.get(i + 1), true).is_some()
                    })
            {
                let mut name = clean_label(&squash(&line.text));
                // A heading wrapped after its last word (`… options du 01.07.2025 au` /
                // `31.07.2025`): the next row is the rest of its name.
                if let Some(next) = lines.get(i + 1).filter(|n| {
                    ends_open(&name)
                        && right_under(line, n)
                        && money::find_amounts(&n.text).is_empty()
                }) {
                    name = format!("{name} {}", clean_label(&squash(&next.text)));
                    wrapped_heading = Some(i + 1);
                }
                // A title ("Votre facture en bref", "Synthèse") is not a family of charges:
                // a lone "Forfait" under it is still a heading.
                family_section = sections::is_heading_like(&name);
                openings.push((i, tree::label_key(&name)));
                section = Some((name.clone(), sections::section_kind(&name)));
                opened_at = Some(i);
                within_plan = None;
                in_usage = false;
                in_balance = false;
            } else if let Some(t) = meta
                .last()
                .filter(|m| m.last_row + 1 == i)
                .and_then(|m| continuation(&lines[m.last_row], line, lines.get(i + 1), m.open_end))
            {
                // A label wrapped onto the rows under its amount (`Forfait Sensation 5G 130`
                // / `Go du 16/09/2020 au` / `15/10/2020`); when that row opened the
                // section, the section's name is the whole label too.
                if let Some(last) = items.last_mut() {
                    last.label = format!("{} {t}", last.label);
                    if let Some(m) = meta.last_mut() {
                        m.last_row = i;
                        m.open_end = ends_open(&last.label);
                    }
                    let opened_here = meta.last().is_some_and(|m| opened_at == Some(m.at));
                    if let Some((name, _)) = section.as_mut().filter(|_| opened_here) {
                        *name = last.label.clone();
                    }
                    if let Some(m) = meta.last_mut().filter(|_| opened_here) {
                        m.section = last.label.clone();
                    }
                    // A row whose whole label names a section (`Remise(s) sur  -5,00` /
                    // `abonnements principaux`) is that section's heading, as if printed on
                    // one row.
                    if !last.heading_like && !opened_here && sections::is_heading_like(&last.label)
                    {
                        if let Some(m) = meta.last_mut() {
                            last.heading_like = true;
                            last.section = m.at;
                            family_section = true;
                            openings.push((m.at, tree::label_key(&last.label)));
                            let kind = sections::section_kind(&last.label);
                            section = Some((last.label.clone(), kind));
                            opened_at = Some(m.at);
                            within_plan = None;
                            m.section = last.label.clone();
                            m.kind = Some(kind);
                        }
                    }
                }
            } else {
                // A label wrapped over several rows before its amount (`Freebox Pop du` /
                // `01/05/2026 au` / `31/05/2026  39,99`) gathers its rows.
                let text = clean_label(&squash(&line.text));
                pending_text = Some(match before {
                    Some((at, before, item))
                        if at + 1 == i
                            && right_under(&lines[at], line)
                            && (ends_open(&before)
                                || continues(&text)
                                || item_goes_on(item, line))
                            && !before.ends_with(['.', ':'])
                            && !is_field(&before)
                            && (ends_open(&before)
                                || item_goes_on(item, line)
                                || !sections::is_heading_like(&before)) =>
                    {
                        (i, format!("{before} {text}"), item)
                    }
                    _ => (i, text, bulleted(line).then(|| indent(line))),
                });
            }
            continue;
        }
        if split.label.is_empty() {
            // A row of a VAT table (`20,00 %  38,20  7,64`): kept only when it adds up.
            let rates = money::find_rates(&line.text);
            if let Some(vat) = rates
                .first()
                .and_then(|r| vat_line(*r, &split.amounts, true))
            {
                if !body.vat.contains(&vat) {
                    body.vat.push(vat);
                }
            }
            continue;
        }
        // A label wrapped before its amount row (`total du montant prélevé` / `au 27.11.2025`).
        let label = match pending_text.take() {
            Some((at, before, item))
                if at + 1 == i
                    && right_under(&lines[at], line)
                    && (continues(&split.label)
                        || ends_open(&before)
                        || fragment(&split.label)
                        || item_goes_on(item, line))
                    && !before.ends_with(['.', ':'])
                    && !is_field(&before)
                    && (ends_open(&before)
                        || item_goes_on(item, line)
                        || last_words_under(&lines[at], line, &split.label)
                        || (!sections::is_heading_like(&before)
                            && (!sections::is_heading_like(&split.label)
                                || goes_on_in_lower_case(&lines[at], line, &split.label)))) =>
            {
                format!("{before} {}", split.label)
            }
            _ => split.label.clone(),
        };
        let label = without_title_total(&label);
        // A reminder of the previous bill ends where a section of this one starts.
        if in_balance && sections::is_heading_like(&label) {
            in_balance = false;
        }
        let role = if in_balance {
            Role::Balance
        } else {
            roles::role_of(&label)
        };
        // Totals are printed as they are (TTC, HT); only a charge under an HT-only
        // column is made TTC.
        let printed_rate = money::find_rates(&line.text).first().copied();
        let row = columns::row_amounts(
            line,
            &split.amounts,
            columns.as_ref(),
            (printed_rate, bill_rate),
            role != Role::Item,
        );
        let mut amount = row.get(pick);
        if role == Role::Item && row.by_pick.iter().any(|a| *a != amount) {
            differs = true;
        }
        // An HT amount whose rate the row does not print, under a row whose amount it is
        // at a VAT rate: a detail row under the charge it explains (`Chaînes de télé
        // payantes … 11,99` / `- OCS  10,90`), at that rate.
        if let (Some(ht), Pick::Header) = (row.ht_unrated, pick) {
            if let Some(above) = items.last().map(|it| it.amount) {
                // The bill's rates, then those a French bill may carry (the detail row is
                // only matched against the row above with them, never charged at a rate
                // nobody prints).
                let french = money::french_vat_rates();
                let rates: Vec<&Decimal> = bill_rates.iter().chain(&french).collect();
                let at_a_rate = rates.iter().any(|r| {
                    ratio(
                        ht.times(Decimal::ONE_HUNDRED.plus(**r)),
                        Decimal::ONE_HUNDRED,
                    )
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                        == above
                });
                if at_a_rate {
                    amount = above;
                }
            }
        }
        match role {
            Role::Due(rank) => {
                dues.push(Due { rank, amount });
                continue;
            }
            Role::Sub => {
                // A total of what this bill charges ("TOTAL prestations facturées") may be
                // its own amount, beside an amount to pay that adds a previous balance.
                if names_what_is_billed(&label) {
                    subtotals.push(amount);
                }
                continue;
            }
            Role::Ht => {
                body.total_ht.get_or_insert(amount);
                continue;
            }
            Role::Balance => {
                // A payment received is never part of what is due, however it is signed.
                if is_payment(&label) {
                    payments.push(amount.abs());
                } else {
                    balances.push(amount);
                }
                continue;
            }
            Role::Vat => {
                // The rate may sit in its own column, after the label (`dont TVA  20 %  4,50`),
                // and the base inside the label's cell (`TVA 20 % sur 38,20 €  7,64 €`).
                let rate = money::find_rates(&line.text).first().copied();
                let all = money::find_amounts(own_columns(line));
                // The base a rate applies to, on a row of its own (`Montant hors TVA soumis
                // à une TVA à 20,00 %  10,83`): the base of that rate's VAT, never a VAT
                // amount.
                if let (Some(rate), true, [base]) = (rate, names_a_vat_base(&label), &all[..]) {
                    add_vat_base(&mut body.vat, rate, base.value);
                    continue;
                }
                if let Some(vat) = rate.and_then(|r| vat_line(r, &all, false)) {
                    if !body.vat.contains(&vat) {
                        body.vat.push(vat);
                    }
                }
                continue;
            }
            Role::Item => {}
        }
        if in_usage || fold(&label).contains("au capital de") || items.len() > MAX_LINES {
            continue;
        }
        // A summary of what the line used, at no charge (`Appels voix … 1 h 26 min 23 s
        // 0,00`, `Data … 3.205 Gio 0,00`): the bill's usage, not a charge.
        if amount.is_zero() && !amount.is_sign_negative() && about_usage(&label, section.as_ref()) {
            if let Some((what, quantity)) = usage::usage_quantity(&label) {
                if body.usage_summary.len() < MAX_USAGE {
                    body.usage_summary.push(UsageSummary {
                        label: what,
                        quantity,
                        page: line.page,
                    });
                }
                continue;
            }
        }
        // A row naming a section with an amount is the section's heading carrying its
        // total (or a summary row): it opens the section for what follows, and the tree
        // decides from the sums whether it is a subtotal. A lone `Forfait` inside a
        // section is a charge.
        let plural_or_phrase = label.split_whitespace().count() >= 2 || fold(&label).ends_with('s');
        // A row in lower case right under a charge of the same amount qualifies it
        // ("abonnement mensuel"), whatever its words.
        let qualifies_above = continues(&label)
            && meta.last().is_some_and(|m| m.last_row + 1 == i)
            && items.last().is_some_and(|it| {
                // A section's name under its group's (`Prestations Orange 39,97` /
                // `abonnements et options du … 39,97`) opens the section.
                it.amount == amount && !(it.heading_like && sections::is_heading_like(&label))
            });
        let heading_like = sections::is_heading_like(&label)
            && !qualifies_above
            && (section.is_none() || !family_section || plural_or_phrase);
        if heading_like {
            family_section = true;
            openings.push((i, tree::label_key(&label)));
            section = Some((label.clone(), sections::section_kind(&label)));
            opened_at = Some(i);
            within_plan = None;
            in_usage = false;
        }
        let f = fold(&label);
        // Words that make a sentence: a label's period (`du 1er au 31 Octobre 2018`) and
        // figures do not.
        let words = f
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 2)
            .filter(|w| !matches!(*w, "du" | "au" | "er") && !text::is_month(w))
            .count();
        // A charge is a label and an amount in a column of its own; an amount written at
        // the end of a sentence ("Votre prochaine facture devrait s'élever à 19,99 €")
        // is the sentence's.
        let in_sentence = split
            .amounts
            .last()
            .is_some_and(|a| line.words_in_cell_before(a.start) >= 3);
        let doubt = if in_sentence || states(&f) {
            Some(Doubt::Sentence)
        } else if words >= 9 || f.contains("montant") || f.starts_with("total") {
            Some(Doubt::Prose)
        } else if section.is_none() {
            Some(Doubt::OutsideSections)
        } else {
            None
        };
        let qualifier = continues(&label)
            || text::find_range(&label, reference).is_some_and(|_| {
                let folded = fold(&label);
                folded.starts_with("du ") || folded.starts_with("periode")
            });
        let (name, kind) = match &section {
            Some((name, kind)) => (name.clone(), Some(*kind)),
            None => (String::new(), None),
        };
        // A row's sign comes from its own text: a discount printed without its sign
        // (`Remise fidélité  2,00 €`) still lowers the bill, but a row that only follows
        // a discount (`Bbox - location équipement  3,00` under `Remise(s) …`) does not.
        let own = kinds::categorize(None, None, &label, amount.is_sign_negative());
        if own == Category::Discount && amount.is_sign_positive() {
            amount.set_sign_negative(!amount.is_zero());
        }
        items.push(Item {
            label,
            amount,
            indent: indent(line),
            size: line.size,
            page: line.page,
            heading_like,
            qualifier,
            doubt,
            section: opened_at.unwrap_or(usize::MAX),
            offer: section
                .as_ref()
                .is_some_and(|(name, _)| describes_offer(name)),
            block,
            detailed_later: false,
        });
        meta.push(Meta {
            section: name,
            kind,
            within_plan,
            at: i,
            last_row: i,
            open_end: split.open_end,
        });
    }

    // A row whose name opens a section later is that section's summary: never a charge
    // when rows are read under that section (its detail), a doubt otherwise.
    let sections_with_rows: Vec<usize> = items.iter().map(|it| it.section).collect();
    for (item, m) in items.iter_mut().zip(&meta) {
        let key = tree::label_key(&item.label);
        let later: Vec<usize> = openings
            .iter()
            .filter(|(at, k)| *at > m.at && *k == key)
            .map(|(at, _)| *at)
            .collect();
        if later.iter().any(|at| sections_with_rows.contains(at)) {
            item.detailed_later = true;
        }
        if !later.is_empty() {
            item.doubt = Some(Doubt::Repeated);
        }
    }

    // The amount due: the surest wording, the first printed; without one, nothing.
    let primary = dues
        .iter()
        .filter(|d| d.rank == dues.iter().map(|d| d.rank).max().unwrap_or(0))
        .map(|d| d.amount)
        .next();
    // A previous balance still owed, printed beside the amount due, may be included in it
    // (a payment received, negative, never is).
    let owed: Vec<Decimal> = balances
        .iter()
        .copied()
        .filter(|b| *b > Decimal::ZERO)
        .collect();
    let all_owed: Decimal = owed.iter().amounts_sum();
    // A balance the payments printed with it settle (`Solde précédent 9,99`, `Paiement
    // reçu le 05/11 -9,99`) is owed no more: it is in no amount due.
    let paid: Decimal = payments.iter().amounts_sum();
    let settled = !owed.is_empty() && paid >= all_owed;
    let owed_sums: Vec<Decimal> = if settled {
        Vec::new()
    } else {
        owed.iter()
            .copied()
            .chain([all_owed, all_owed.minus(paid)])
            .filter(|b| *b > Decimal::ZERO)
            .fold(Vec::new(), |mut sums, b| {
                if !sums.contains(&b) {
                    sums.push(b);
                }
                sums
            })
    };
    // The bill's own amount, when it is printed beside the amount to pay and a balance
    // makes up the difference (`Montant de cette facture 25,99`, `Reste dû 25,99`,
    // `Somme à payer 51,98`): the charges are checked against it alone. An unpaid bill
    // often costs what this one does, and the charges must not reach the amount to pay
    // by counting a row twice.
    let own = primary.and_then(|p| {
        dues.iter()
            .map(|d| d.amount)
            .chain(subtotals.iter().copied())
            .find(|&a| a != p && owed_sums.iter().any(|b| a.plus(*b) == p))
    });
    let mut targets: Vec<Decimal> = own.or(primary).into_iter().collect();
    if let (Some(p), None) = (primary, own) {
        for b in &owed_sums {
            let t = p.minus(*b);
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
    }
    let tolerance = if rounding {
        let leaves = items.len().saturating_sub(1).min(5);
        Decimal::new(leaves as i64, 2).max(Decimal::new(1, 2))
    } else {
        Decimal::ZERO
    };
    let reading = tree::reconcile(&items, &targets, tolerance);
    body.total = reading.target.or(own).or(primary);
    body.reconciled = reading.reconciled;
    body.ambiguous = reading.ambiguous;
    body.notes = reading.notes.clone();
    if let (Some(own), Some(p)) = (own, primary) {
        body.notes.push(format!(
            "the amount to pay ({p}) is this bill's amount ({own}) and a previous balance"
        ));
    }
    if settled {
        body.notes.push(format!(
            "a previous balance of {all_owed} is settled by the payments printed ({paid}): not taken off the amount due"
        ));
    }
    if primary.is_none() {
        body.notes.push("no amount due found".to_string());
    }

    for &k in &reading.leaves {
        let item = &items[k];
        let m = &meta[k];
        if item.amount.is_zero() && item.heading_like {
            continue;
        }
        let label = match reading.single_parent.iter().find(|(child, _)| *child == k) {
            Some((_, parent)) if item.qualifier => {
                format!("{} {}", items[*parent].label, item.label)
            }
            _ => item.label.clone(),
        };
        let amount = item.amount;
        // The row whose sum heads this charge names its family when the walk could not
        // ("Forfait 49,99" over "SFR Premium 5G 250 Go" under "Services SFR").
        let mut kind = m.kind;
        let mut section_name = m.section.clone();
        // A row detailing a charge that prints its period (`Vos options consommées du
        // 25/05 au 24/06` over `• Pack TV sur mobile`) is in that period: its section is
        // that charge.
        if let Some(p) = reading.parent_of[k].map(|p| &items[p]) {
            let dated = |l: &str| text::find_range(l, reference).is_some();
            if !p.heading_like && !dated(&label) && dated(&p.label) {
                section_name = p.label.clone();
            }
        }
        if let Some(p) = reading.parent_of[k].map(|p| &items[p]) {
            let heads_a_family = sections::is_heading_like(&p.label)
                && sections::section_kind(&p.label) != SectionKind::Other;
            if heads_a_family && matches!(kind, None | Some(SectionKind::Other)) {
                kind = Some(sections::section_kind(&p.label));
                if section_name.is_empty() {
                    section_name = p.label.clone();
                }
            }
        }
        let mut category =
            kinds::categorize(kind, m.within_plan, &label, amount.is_sign_negative());
        // A row detailing a row of TV channels or options (`Chaînes de télé payantes …
        // 11,99` over `- OCS`) is such an option, whatever its own name says.
        let under_options = reading.parent_of[k]
            .map(|p| fold(&items[p].label))
            .is_some_and(|f| {
                let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).collect();
                [
                    "chaines", "tv", "tele", "bouquet", "bouquets", "pack", "carte",
                ]
                .iter()
                .any(|w| words.contains(w))
                    && !words
                        .iter()
                        .any(|w| w.starts_with("forfait") || w.starts_with("abonnement"))
            });
        if under_options && matches!(category, Category::Subscription | Category::Other) {
            category = Category::Option;
        }
        body.lines.push(BillLine {
            category,
            label,
            amount,
            section: section_name,
            page: item.page,
        });
    }
    (body, differs)
}

fn usage_subheading_in(line: &Line, section: Option<&(String, SectionKind)>) -> Option<bool> {
    section?;
    sections::usage_subheading(&line.text)
}

/// Whether a VAT row names the base a rate applies to (`Montant hors TVA soumis à une TVA à
/// 20,00 %`, `Base HT TVA 20 %`), not the VAT itself.
fn names_a_vat_base(label: &str) -> bool {
    let f = fold(label);
    f.contains("hors tva")
        || f.contains("hors taxe")
        || f.starts_with("base")
        || f.contains(" base ")
}

/// Gives `base` to the VAT line of `rate` printed without one, when they agree (the base
/// at the rate is the VAT, to the cent); a base whose VAT is not read is left out.
fn add_vat_base(vat: &mut [VatLine], rate: Decimal, base: Decimal) {
    let cent = Decimal::new(2, 2);
    if let Some(line) = vat.iter_mut().find(|v| {
        v.rate == rate
            && v.base.is_none()
            && ratio(base.times(rate), Decimal::ONE_HUNDRED)
                .minus(v.amount)
                .abs()
                <= cent
    }) {
        line.base = Some(base);
    }
}

/// A VAT line from a rate and a row's amounts: the (base, VAT) pair that agrees with the
/// rate to the cent when there is one (`38,20  7,64`, or `38,20  7,64  45,84`), else the
/// last amount with the one before it as base — unless `strict`, for rows with no label.
fn vat_line(rate: Decimal, amounts: &[AmountToken], strict: bool) -> Option<VatLine> {
    let cent = Decimal::new(2, 2);
    let agrees = |base: Decimal, vat: Decimal| {
        ratio(base.times(rate), Decimal::ONE_HUNDRED)
            .minus(vat)
            .abs()
            <= cent
    };
    for pair in amounts.windows(2) {
        if agrees(pair[0].value, pair[1].value) && !pair[1].value.is_zero() {
            return Some(VatLine {
                rate,
                base: Some(pair[0].value),
                amount: pair[1].value,
            });
        }
    }
    if strict {
        return None;
    }
    let last = amounts.last()?.value;
    Some(VatLine {
        rate,
        base: (amounts.len() >= 2).then(|| amounts[amounts.len() - 2].value),
        amount: last,
    })
}

/// The VAT rates a bill prints on its VAT rows, in order (`splits`: each row's, from
/// `split_trailing`).
fn vat_rates(lines: &[Line], splits: &[Split]) -> Vec<Decimal> {
    // A VAT row, or a row of a VAT table (`20,00 %  74,16  14,83`, no label).
    let mut rates: Vec<Decimal> = lines
        .iter()
        .zip(splits)
        .filter(|(_, split)| {
            roles::role_of(&split.label) == Role::Vat
                || (split.label.is_empty() && split.amounts.len() >= 2)
        })
        .filter_map(|(l, _)| money::find_rates(&l.text).first().copied())
        .collect();
    rates.sort();
    rates.dedup();
    rates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_carrying_its_total_is_named_without_it() {
        for (label, want) in [
            ("Forfait (Total :", "Forfait"),
            ("Forfait (", "Forfait"),
            ("Options - total", "Options"),
            ("Vos communications – Total :", "Vos communications"),
            ("Forfait (Total : 30.44 TTC)", "Forfait (Total : 30.44 TTC)"),
            ("Appels (hors forfait)", "Appels (hors forfait)"),
            ("Remise (12 mois", "Remise (12 mois"),
            ("Sous-total", "Sous-total"),
        ] {
            assert_eq!(without_title_total(label), want, "{label}");
        }
    }

    #[test]
    fn a_usage_row_is_told_from_a_plan_at_no_charge() {
        let comms = (
            "Vos communications".to_string(),
            SectionKind::Communications,
        );
        let subs = ("Vos abonnements".to_string(), SectionKind::Subscriptions);
        // Usage, by its words or by its section.
        assert!(about_usage(
            "Appels voix depuis la France 1 h 26 min 23 s",
            Some(&subs)
        ));
        assert!(about_usage("Data 3.205 Gio", None));
        assert!(about_usage("Depuis l'Italie 372 Mo", Some(&comms)));
        // A plan or an option at 0,00 stays a charge, whatever allowance it names.
        assert!(!about_usage("Forfait 2 h", Some(&comms)));
        assert!(!about_usage("Option Internet 5 Go", Some(&comms)));
        // Neither usage words nor a usage section.
        assert!(!about_usage("Décodeur TV 1 unité", Some(&subs)));
    }
}
