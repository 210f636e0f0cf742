//! The interface languages. French first; English available.

pub use super::lang::Lang;

/// Every fixed string of the interface, in one catalogue: components never hold literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The product's one-line promise.
    Tagline,
    /// The privacy promise, in one sentence.
    PrivacyPromise,
    /// Title of the drop zone.
    DropTitle,
    /// Hint under the drop zone title.
    DropHint,
    /// The file-picker button.
    ChooseFiles,
    /// The sample-bill button.
    TrySample,
    /// Name given to the sample bill.
    SampleName,
    /// Heading of the list of files.
    FilesHeading,
    /// Status of a file being read.
    Reading,
    /// Status of a file read.
    Read,
    /// Status of a file that could not be read.
    Unreadable,
    /// Button removing a file from the list.
    Remove,
    /// Label of the language switch.
    LanguageSwitch,
    /// Invoice number.
    InvoiceNumber,
    /// Operator.
    OperatorLabel,
    /// Unknown operator.
    UnknownOperator,
    /// Issue date.
    IssueDate,
    /// Due date.
    DueDate,
    /// Billing period.
    PeriodLabel,
    /// Customer id.
    CustomerId,
    /// Line numbers.
    LineNumbers,
    /// Total due.
    TotalDue,
    /// Heading of the charges.
    Charges,
    /// Column header: label.
    LabelColumn,
    /// Column header: category.
    CategoryColumn,
    /// Column header: amount.
    AmountColumn,
    /// No charge could be recognised.
    NoCharges,
    /// Heading of the usage records.
    UsageRecords,
    /// Heading of the raw text.
    TextRead,
    /// Page, followed by a number.
    Page,
    /// Heading of the reader's warnings.
    Warnings,
    /// Heading of the note on a bill whose charges do not add up to its amount due.
    ReadingToCheck,
    /// Beside each charge of such a bill.
    LineToCheck,
    /// In a bill's summary line when its reading does not add up.
    ReadingToCheckShort,
    // Corrections, the page view and the whole contract (issue 14).
    /// Beside what the person corrected.
    CorrectedByYou,
    /// Button closing a panel.
    Close,
    /// When only one end of a period is given.
    PeriodBothEnds,
    /// Heading of the lines the person said are not charges.
    RemovedByYou,
    /// Button opening the correction of a line.
    CorrectLine,
    /// Button: a line is not a charge.
    NotACharge,
    /// Button saving a correction.
    SaveCorrection,
    /// Button: back to what was read.
    UndoCorrection,
    /// Button undoing the last correction.
    Undo,
    /// Status after a correction.
    CorrectionSaved,
    /// Status after undoing a correction.
    CorrectionUndone,
    /// Button showing the page a line comes from.
    WhereFrom,
    /// Heading of the page view.
    PageViewHeading,
    /// What the page view shows and how to use it.
    PageViewIntro,
    /// Accessible name of the drawing of a page.
    PageDrawing,
    /// Heading of the list of rows with an amount.
    RowsWithAmounts,
    /// Label of the running sum of the ticked charges.
    TickedSum,
    /// Label of the difference with the amount due.
    Gap,
    /// Said when the charges add up to the amount due.
    AddsUp,
    /// When the pages of a bill are no longer kept.
    PagesNotKept,
    /// Button opening the page view on a bill that does not add up.
    HelpAddUp,
    /// Button opening the header's correction.
    CorrectHeader,
    /// Field: first day of the period.
    PeriodStart,
    /// Field: last day of the period.
    PeriodEnd,
    /// Heading of the corrections that no longer match.
    StaleHeading,
    /// Why some corrections no longer match.
    StaleIntro,
    /// Said when a new reading agrees with corrections.
    AgreedNote,
    /// Section of a charge the person added when none is printed above it.
    AddedByYou,
    /// Heading of the form making a row a charge.
    PickAsCharge,
    /// Before the value as read.
    ReadAs,
    /// Button on a flagged option: it is in the contract.
    OptionInContract,
    /// Status after an option was added to the plan.
    OptionAdded,
    /// Heading of the contract's dates.
    ContractHeading,
    /// Field: end of the commitment.
    CommitmentEnd,
    /// Field: termination date.
    TerminatedOn,
    /// Field: the operator's confirmation of the termination.
    TerminationConfirmedOn,
    /// When a confirmation date is given without a termination date.
    ConfirmationNeedsTermination,
    /// Heading of what the plan includes.
    AllowancesHeading,
    /// Field: data included.
    DataAllowance,
    /// Field: calls included.
    CallsAllowance,
    /// Field: SMS included.
    SmsAllowance,
    /// Hint under an allowance field.
    AllowanceHint,
    /// Error on an allowance field.
    InvalidAllowance,
    /// Field: use in the EU included.
    RoamingEuIncluded,
    /// Field: calls abroad included.
    InternationalIncluded,
    /// Choice: the contract does not say.
    NotSaid,
    /// Choice: yes.
    Yes,
    /// An allowance without limit, as typed and shown.
    Unlimited,
    /// Choice: no.
    No,
    /// Heading of the blocks asked for.
    BlocksHeading,
    /// Beside a field filled from a bill.
    ReadFromBill,
    /// How to type a date.
    DateHint,
    /// Data view: the corrections.
    StoredCorrections,
    /// Data view: the pages kept for the page view.
    StoredPages,
    /// Data view: what the bank statements left.
    StoredBank,
    /// Status of a bill read again with a better reading.
    ReadAgain,
    /// Note on a bill read again, before the first file's name.
    ReadAgainFrom,
    /// Footer: what the tool is and is not.
    Disclaimer,
    /// Shown when the files could not be loaded at all.
    FileReadFailed,
    /// Tab: the bills.
    NavBills,
    /// Tab: the disputes.
    NavCases,
    /// Heading of the cases view.
    CasesHeading,
    /// Shown when there is no case.
    NoCases,
    /// Button and heading: a new case.
    NewCase,
    /// Field: the case's title.
    CaseTitle,
    /// Placeholder of the case title.
    CaseTitleHint,
    /// Button creating the case.
    CreateCase,
    /// Amount disputed.
    Disputed,
    /// Amount recovered.
    Recovered,
    /// Heading: the next step.
    NextStep,
    /// Heading: the deadlines.
    Deadlines,
    /// Heading: the exchanges.
    Timeline,
    /// Shown when no exchange is recorded.
    NoEvents,
    /// Heading and button: record an exchange.
    AddEvent,
    /// Field: the date of an exchange.
    EventDate,
    /// Field: the step of the ladder.
    EventStage,
    /// Field: the channel.
    EventChannel,
    /// Field: who was on the other side.
    Counterpart,
    /// Field: a reference.
    Reference,
    /// Field: what was said or asked.
    Said,
    /// Field: the kind of answer.
    AnswerLabel,
    /// Field: the answer's words.
    AnswerText,
    /// Field: answer deadline.
    AnswerBy,
    /// Button saving an exchange.
    SaveEvent,
    /// Heading: letters.
    Letters,
    /// Field: which letter.
    LetterLabel,
    /// Note under the letters.
    LetterNote,
    /// Button copying a letter.
    Copy,
    /// Confirmation of a copy.
    Copied,
    /// Button downloading a letter.
    Download,
    /// Button printing a letter.
    Print,
    /// Field: the person's name.
    SenderName,
    /// Field: the person's address.
    SenderAddress,
    /// Button disputing a bill line.
    Contest,
    /// Accessible label of the dispute button.
    ContestLine,
    /// Button opening a case.
    OpenCase,
    /// Link back to the list of cases.
    BackToCases,
    /// Field: the case status.
    StatusLabel,
    /// Case status.
    StatusOpen,
    /// Case status.
    StatusWon,
    /// Case status.
    StatusLost,
    /// Case status.
    StatusAbandoned,
    /// Button deleting a case.
    DeleteCase,
    /// Confirmation before deleting.
    ConfirmDelete,
    /// Answer kind.
    AnswerAwaited,
    /// Answer kind.
    AnswerSatisfactory,
    /// Answer kind.
    AnswerPartial,
    /// Answer kind.
    AnswerUnsatisfactory,
    /// Letter kind.
    LetterComplaint,
    /// Letter kind.
    LetterRecourse,
    /// Letter kind.
    LetterMediator,
    /// Letter kind.
    LetterSignalConso,
    /// Storage status.
    StorageSaved,
    /// Storage status.
    StorageUnavailable,
    /// Storage status.
    StorageQuota,
    /// Storage status.
    StorageUnreadable,
    /// Storage status.
    StorageNewer,
    /// Storage status.
    StorageTooNew,
    /// Storage status.
    StorageFailed,
    /// Heading: what to watch out for.
    Caution,
    /// A change to the journal was refused.
    ChangeRefused,
    /// Button adding a plan.
    NewPlan,
    /// Button deleting a plan.
    DeletePlan,
    /// Confirmation before deleting a plan.
    ConfirmDeletePlan,
    /// Heading: values set aside.
    SetAsideHeading,
    /// What set-aside values are.
    SetAsideIntro,
    /// Field: the dispute is before a court.
    BeforeCourt,
    /// Field: amount recovered.
    RecoveredLabel,
    /// Button saving the recovered amount.
    SaveAmount,
    /// Button printing a case's file.
    PrintDossier,
    /// Heading of the open cases on the home view.
    OpenCasesHeading,
    /// Tab: the person's data.
    NavData,
    /// Heading of the data view.
    DataHeading,
    /// What is stored where.
    DataIntro,
    /// Why export.
    ExportReminder,
    /// Button going to the export, in the reminder.
    ExportNow,
    /// Button dismissing the reminder to export.
    ReminderDismiss,
    /// Button exporting everything.
    ExportButton,
    /// Field importing a file.
    ImportLabel,
    /// Button merging an import.
    ImportMerge,
    /// Button replacing with an import.
    ImportReplace,
    /// Button cancelling.
    Cancel,
    /// Confirmation of an import.
    Imported,
    /// An imported file is not an export.
    ImportNotExport,
    /// An imported file comes from a newer version.
    ImportTooNew,
    /// Followed by the field's path in the file.
    ImportOutOfBound,
    /// An imported file is damaged.
    ImportDamaged,
    /// An imported file is larger than any export (followed by its size and the limit).
    ImportTooLarge,
    /// Before the largest size the import reads.
    ImportAtMost,
    /// An imported file could not be read.
    ImportUnreadable,
    /// An import was applied but part of it could not be saved.
    ImportedPartly,
    /// The export file could not be written.
    ExportFailed,
    /// The browser refused a download.
    DownloadFailed,
    /// Button erasing everything.
    EraseAll,
    /// Confirmation before erasing.
    ConfirmErase,
    /// Confirmation of erasing.
    Erased,
    /// The browser will keep the data.
    PersistGranted,
    /// The browser may evict the data.
    PersistDenied,
    /// Tab: the plan.
    NavPlan,
    /// Heading of the plan view.
    PlanHeading,
    /// What the plan is for.
    PlanIntro,
    /// Field: the plan's name.
    PlanName,
    /// Field: the line number.
    PlanLine,
    /// Field: the monthly price.
    MonthlyPrice,
    /// Field: the promotional price.
    PromoPrice,
    /// Field: the promotion's last day.
    PromoUntil,
    /// Heading: the options.
    OptionsHeading,
    /// Field: an option's name.
    OptionName,
    /// Field: an option's price.
    OptionPrice,
    /// Button adding an option.
    AddOption,
    /// Button removing an option.
    RemoveOption,
    /// Field: premium numbers blocked.
    BlockedPremium,
    /// Field: third-party billing blocked.
    BlockedThirdParty,
    /// Button saving the plan.
    SavePlan,
    /// Confirmation the plan was saved.
    PlanSaved,
    /// Button filling the plan from a bill.
    PrefillFromBill,
    /// Note after filling from a bill.
    PrefillNote,
    /// A field holds no valid amount.
    InvalidAmount,
    /// Heading of the findings.
    FindingsHeading,
    /// Amount at stake.
    AtStake,
    /// No finding.
    NoFindings,
    /// Hint when no plan is entered.
    NoPlanHint,
    /// Filter: every finding.
    FilterAll,
    /// Label: what to do.
    WhatToDo,
    /// Button disputing a finding.
    ContestFinding,
    // --- Routing, timeline, charts and uploads (issue 6) ---
    /// Tab: the home page.
    NavHome,
    /// Heading of the bills over time.
    TimelineHeading,
    /// Link from the home page to the bills over time.
    TimelineLink,
    /// No bill was read yet.
    NoBillsYet,
    /// Link back to the home page.
    GoHome,
    /// Heading when a link leads nowhere.
    NotFoundHeading,
    /// A link leads nowhere.
    NotFoundText,
    /// A link to a bill that is not here.
    BillNotFound,
    /// A link to a case that is not here.
    CaseNotFound,
    /// Link to every bill.
    BackToBills,
    /// Link opening one bill.
    OpenBill,
    /// Summary of a read bill's folded details on the home page.
    BillDetails,
    /// Status of a file waiting for its turn.
    Queued,
    /// Label of a file's progress bar.
    ReadingFile,
    /// Status of a bill read before.
    AlreadyRead,
    /// Why a bill read before is not added again; the file name follows.
    AlreadyReadFrom,
    /// Title of the monthly chart; the line follows.
    MonthlyChartTitle,
    /// Description of the monthly chart.
    MonthlyChartDesc,
    /// Title of the split of a bill.
    SplitTitle,
    /// Description of the split of a bill.
    SplitDesc,
    /// Shows the numbers behind a chart.
    ShowNumbers,
    /// Column header: month.
    MonthColumn,
    /// Column header: amount flagged.
    FlaggedColumn,
    /// Column header: share.
    ShareColumn,
    /// Discounts and credits of a bill.
    DiscountsLabel,
    /// Button printing a bill.
    PrintBill,
    /// Legend of the hatched part of a chart.
    FlaggedLegend,
    /// Bills without a period, on the timeline.
    UndatedBills,
    /// A line that could not be read.
    UnknownLine,
    /// After a count: how many times a finding repeats.
    Times,
    /// Summary of the charges a grouped finding covers.
    EachCharge,
    /// A new version of the app is ready.
    UpdateAvailable,
    /// Button loading the new version.
    UpdateReload,
    /// Heading of the table of what is stored.
    StoredHeading,
    /// Stored: the cases and exchanges.
    StoredJournal,
    /// Stored: the plans.
    StoredPlans,
    /// Stored: the bills read.
    StoredBills,
    /// Stored: anything else of the app's.
    StoredOther,
    /// Total of what is stored, against localStorage's limit.
    StoredTotal,
    /// Column heading: a size.
    SizeColumn,
    /// Column heading of the stored-data table: what each row is.
    StoredItemColumn,
    /// The browser's estimate for the whole site, against its quota.
    SiteEstimate,
    /// "of", between a size and its limit.
    OutOf,
    // --- The law, to the day (issue 13) ---
    /// Heading of what the law needs to know about a case.
    LawHeading,
    /// What those fields are for.
    LawIntro,
    /// Field: the day the contract was made.
    ContractStart,
    /// Field: whether the operator has a second complaint level.
    SecondLevelLabel,
    /// Second level: not known.
    SecondLevelUnknown,
    /// Second level: the operator has one.
    SecondLevelYes,
    /// Second level: the operator has none.
    SecondLevelNo,
    /// Field: the channel the contract names for complaints.
    ComplaintChannelLabel,
    /// A choice not made yet.
    NotEntered,
    /// Field: where complaints go, as in the contract.
    ComplaintAddress,
    /// Field: paid by direct debit.
    DirectDebit,
    /// Field: the day a price change was notified.
    PriceNoticeOn,
    /// Button saving those details.
    SaveCaseDetails,
    /// Field: the day a disputed amount was paid.
    LinePaidOn,
    /// Field: the day a sum the operator claims fell due.
    LineDueOn,
    /// Field: the day the operator claimed that sum.
    LineClaimedOn,
    /// Summary of a disputed line's dates.
    LineDates,
    /// Field: the Médiateur's step an exchange records.
    MilestoneLabel,
    /// The referral itself.
    MilestoneReferral,
    /// The notice that the file is complete.
    MilestoneFileComplete,
    /// The proposed solution.
    MilestoneProposal,
    /// Field: how a letter is sent.
    LetterChannel,
    /// Letter kind.
    LetterFormalNotice,
    /// Letter kind.
    LetterThirdPartyRefund,
    /// Letter kind.
    LetterPriceChangeTermination,
    /// Letter kind.
    LetterItemisedBill,
    /// Letter kind.
    LetterConsentProof,
    /// Letter kind.
    LetterBankDebit,
    /// Heading of the notes before sending a letter.
    BeforeSending,
    /// Button exporting a case's deadlines.
    CalendarExport,
    /// Heading of what is due this week.
    DueThisWeek,
    /// Tab: the legal sources.
    NavSources,
    /// Heading of the sources page.
    SourcesHeading,
    /// What the sources page is.
    SourcesIntro,
    /// Before the day a source was checked.
    CheckedOn,
    /// Link to a source's official page.
    ReadSource,
    /// Before the links to a finding's or a step's sources.
    SourcesLabel,
    /// Link from a view to the sources page.
    ToSources,
    // --- Bills against the bank statement (issue 17) ---
    /// Tab: bills against the bank statement.
    NavBank,
    /// While the views module (bank, plan, data, sources) is fetched and started.
    ViewLoading,
    /// When the views module could not be fetched or started.
    ViewUnavailable,
    /// Button: try fetching it again.
    TryAgain,
}

impl Text {
    /// The text in the given language.
    pub fn get(self, lang: Lang) -> &'static str {
        use Text::*;
        let (fr, en) = match self {
            Tagline => ("Vos factures télécom, vérifiées chez vous.", "Your telecom bills, checked at home."),
            PrivacyPromise => (
                "Vos factures sont lues dans ce navigateur : rien ne quitte votre appareil.",
                "Your bills are read in this browser: nothing leaves your device.",
            ),
            DropTitle => ("Déposez vos factures PDF ici", "Drop your PDF bills here"),
            DropHint => (
                "Orange, Sosh, SFR, RED, Bouygues, B&You, Free… une ou plusieurs à la fois.",
                "Orange, Sosh, SFR, RED, Bouygues, B&You, Free… one or several at once.",
            ),
            ChooseFiles => ("Choisir des fichiers", "Choose files"),
            TrySample => ("Essayer avec une facture exemple", "Try with a sample bill"),
            SampleName => ("facture-exemple-orange.pdf", "sample-bill-orange.pdf"),
            FilesHeading => ("Vos factures", "Your bills"),
            Reading => ("Lecture en cours…", "Reading…"),
            Read => ("Lue", "Read"),
            Unreadable => ("Illisible", "Unreadable"),
            Remove => ("Retirer", "Remove"),
            LanguageSwitch => ("English", "Français"),
            InvoiceNumber => ("N° de facture", "Invoice number"),
            OperatorLabel => ("Opérateur", "Operator"),
            UnknownOperator => ("non reconnu", "not recognised"),
            IssueDate => ("Émise le", "Issued on"),
            DueDate => ("À payer avant le", "Due by"),
            PeriodLabel => ("Période", "Period"),
            CustomerId => ("N° client", "Customer number"),
            LineNumbers => ("Ligne(s)", "Line(s)"),
            TotalDue => ("Total à payer", "Total due"),
            Charges => ("Montants facturés", "Charges"),
            LabelColumn => ("Libellé", "Label"),
            CategoryColumn => ("Nature", "Kind"),
            AmountColumn => ("Montant TTC", "Amount incl. VAT"),
            NoCharges => (
                "Aucune ligne de facturation n'a été reconnue ; le texte lu est ci-dessous.",
                "No charge was recognised; the text read is below.",
            ),
            UsageRecords => ("Détail des communications", "Call details"),
            TextRead => ("Texte lu dans le PDF", "Text read from the PDF"),
            Page => ("Page", "Page"),
            Warnings => ("À vérifier", "To check"),
            ReadingToCheck => ("Lecture à vérifier", "Reading to check"),
            LineToCheck => ("lecture à vérifier", "reading to check"),
            ReadingToCheckShort => ("à vérifier", "to check"),
            CorrectedByYou => ("corrigé par vous", "corrected by you"),
            Close => ("Fermer", "Close"),
            PeriodBothEnds => ("Indiquez le premier et le dernier jour de la période.", "Give the first and the last day of the period."),
            RemovedByYou => ("Lignes que vous avez retirées (pas des montants facturés)", "Lines you removed (not charges)"),
            CorrectLine => ("Corriger", "Correct"),
            NotACharge => ("Pas un montant facturé", "Not a charge"),
            SaveCorrection => ("Enregistrer la correction", "Save the correction"),
            UndoCorrection => ("Revenir à la lecture", "Back to the reading"),
            Undo => ("Annuler", "Undo"),
            CorrectionSaved => ("Correction enregistrée.", "Correction saved."),
            CorrectionUndone => ("Correction annulée.", "Correction undone."),
            WhereFrom => ("D'où vient cette ligne ?", "Where does this line come from?"),
            PageViewHeading => ("La facture telle que lue", "The bill as read"),
            PageViewIntro => ("Chaque ligne de texte est à sa place sur la page. Les montants retenus comme facturés sont cochés ; cochez une ligne que la lecture a laissée de côté pour en faire un montant facturé, décochez un sous-total, une TVA ou un exemple.", "Each row of text is in its place on the page. The amounts kept as charges are ticked; tick a row the reading left out to make it a charge, untick a subtotal, a VAT row or an example."),
            PageDrawing => ("Dessin de la page : la ligne choisie est surlignée, sa colonne de montants encadrée, les lignes non retenues en gris", "Drawing of the page: the chosen row highlighted, its amount column framed, rows not kept in grey"),
            RowsWithAmounts => ("Lignes avec un montant : cochez les montants facturés", "Rows with an amount: tick the charges"),
            TickedSum => ("Montants cochés", "Ticked charges"),
            Gap => ("écart", "difference"),
            AddsUp => ("Le compte est bon : les montants cochés font le montant à payer.", "It adds up: the ticked charges make the amount due."),
            PagesNotKept => ("Les pages de cette facture ne sont pas gardées sur cet appareil : déposez de nouveau son PDF pour les voir (elle ne sera pas ajoutée deux fois).", "The pages of this bill are not kept on this device: drop its PDF again to see them (it will not be added twice)."),
            HelpAddUp => ("M'aider à faire le compte", "Help me make it add up"),
            CorrectHeader => ("Corriger l'en-tête", "Correct the header"),
            PeriodStart => ("Début de la période", "Period start"),
            PeriodEnd => ("Fin de la période", "Period end"),
            StaleHeading => ("Corrections qui ne correspondent plus", "Corrections that no longer match"),
            StaleIntro => ("Une nouvelle lecture de cette facture ne contient plus ce que ces corrections visaient. Vérifiez la facture, corrigez-la de nouveau si besoin, puis retirez-les.", "A new reading of this bill no longer has what these corrections were about. Check the bill, correct it again if needed, then remove them."),
            AgreedNote => ("La lecture dit désormais d'elle-même ce que vous aviez corrigé ici :", "The reading now says by itself what you had corrected here:"),
            AddedByYou => ("Ajouté par vous", "Added by you"),
            PickAsCharge => ("Ajouter comme montant facturé", "Add as a charge"),
            ReadAs => ("lu :", "read:"),
            OptionInContract => ("Cette option est dans mon contrat", "This option is in my contract"),
            OptionAdded => ("Option ajoutée à votre forfait : elle n'est plus signalée, et les prochaines factures sont vérifiées avec elle.", "Option added to your plan: it is no longer flagged, and the next bills are checked with it."),
            ContractHeading => ("Le contrat", "The contract"),
            CommitmentEnd => ("Fin d'engagement", "End of commitment"),
            TerminatedOn => ("Date de résiliation", "Termination date"),
            TerminationConfirmedOn => ("Résiliation confirmée par l'opérateur le", "Termination confirmed by the operator on"),
            ConfirmationNeedsTermination => ("Indiquez d'abord la date de résiliation.", "Give the termination date first."),
            AllowancesHeading => ("Ce que le forfait inclut", "What the plan includes"),
            DataAllowance => ("Internet mobile (Go par mois)", "Mobile data (GB a month)"),
            CallsAllowance => ("Appels (minutes par mois)", "Calls (minutes a month)"),
            SmsAllowance => ("SMS (par mois)", "SMS (a month)"),
            AllowanceHint => ("un nombre, « illimité », ou vide si le contrat ne le dit pas", "a number, “unlimited”, or empty if the contract does not say"),
            InvalidAllowance => ("Écrivez un nombre, ou « illimité ».", "Write a number, or “unlimited”."),
            RoamingEuIncluded => ("Utilisation dans l'UE comme en France", "Use in the EU as at home"),
            InternationalIncluded => ("Appels de France vers l'étranger inclus", "Calls from France to other countries included"),
            NotSaid => ("Non précisé", "Not said"),
            Yes => ("Oui", "Yes"),
            Unlimited => ("illimité", "unlimited"),
            No => ("Non", "No"),
            BlocksHeading => ("Blocages demandés à l'opérateur", "Blocks asked of the operator"),
            ReadFromBill => ("lu sur la facture, à vérifier", "read from the bill, to check"),
            DateHint => ("jj/mm/aaaa", "dd/mm/yyyy"),
            StoredCorrections => ("Vos corrections des factures", "Your corrections of the bills"),
            StoredPages => ("Pages des factures (pour voir d'où vient une ligne)", "Bill pages (to see where a line comes from)"),
            StoredBank => ("Prélèvements des opérateurs (relevés bancaires)", "Operators' debits (bank statements)"),
            ReadAgain => ("Lue de nouveau", "Read again"),
            ReadAgainFrom => ("Cette facture était déjà lue ; cette lecture est plus complète et remplace celle de", "This bill was already read; this reading is more complete and replaces that of"),
            Disclaimer => (
                "Contestel vous informe et vous aide à vous organiser ; il ne donne pas de conseil juridique.",
                "Contestel informs you and helps you get organised; it does not give legal advice.",
            ),
            FileReadFailed => (
                "Ce fichier n'a pas pu être ouvert par le navigateur.",
                "The browser could not open this file.",
            ),
            NavBills => ("Factures", "Bills"),
            NavCases => ("Dossiers", "Cases"),
            CasesHeading => ("Vos dossiers de contestation", "Your disputes"),
            NoCases => ("Aucun dossier pour l'instant. Ouvrez-en un depuis une ligne de facture (« Contester ») ou ici.", "No case yet. Open one from a bill line (“Dispute”) or here."),
            NewCase => ("Nouveau dossier", "New case"),
            CaseTitle => ("Intitulé du dossier", "Case title"),
            CaseTitleHint => ("Ex. : option jamais demandée", "E.g. option never asked for"),
            CreateCase => ("Créer le dossier", "Create the case"),
            Disputed => ("Contesté", "Disputed"),
            Recovered => ("Obtenu", "Recovered"),
            NextStep => ("Prochaine étape", "Next step"),
            Deadlines => ("Échéances", "Deadlines"),
            Timeline => ("Historique des échanges", "Exchanges"),
            NoEvents => ("Aucun échange enregistré pour l'instant.", "No exchange recorded yet."),
            AddEvent => ("Noter un échange", "Record an exchange"),
            EventDate => ("Date", "Date"),
            EventStage => ("Étape", "Step"),
            EventChannel => ("Canal", "Channel"),
            Counterpart => ("Interlocuteur", "Who"),
            Reference => ("Référence (ticket, n° de recommandé…)", "Reference (ticket, registered letter number…)"),
            Said => ("Ce que vous avez dit ou demandé", "What you said or asked"),
            AnswerLabel => ("Réponse", "Answer"),
            AnswerText => ("Ce qui vous a été répondu", "What you were told"),
            AnswerBy => ("Réponse demandée avant le", "Answer requested by"),
            SaveEvent => ("Enregistrer l'échange", "Save the exchange"),
            Letters => ("Lettres prêtes à envoyer", "Letters ready to send"),
            LetterLabel => ("Lettre", "Letter"),
            LetterNote => ("Relisez et complétez les [passages entre crochets]. L'adresse du service client figure sur votre facture ou votre contrat. La lettre recommandée avec accusé de réception n'est pas obligatoire mais constitue la meilleure preuve.", "Proofread and complete the [bracketed parts]. The customer service address is on your bill or contract. A registered letter is not required but is the best proof."),
            Copy => ("Copier", "Copy"),
            Copied => ("Copié dans le presse-papiers", "Copied to the clipboard"),
            Download => ("Télécharger (.txt)", "Download (.txt)"),
            Print => ("Imprimer", "Print"),
            SenderName => ("Vos prénom et nom", "Your name"),
            SenderAddress => ("Votre adresse postale", "Your postal address"),
            Contest => ("Contester", "Dispute"),
            ContestLine => ("Contester cette ligne :", "Dispute this line:"),
            OpenCase => ("Ouvrir le dossier", "Open the case"),
            BackToCases => ("← Tous les dossiers", "← All cases"),
            StatusLabel => ("Statut", "Status"),
            StatusOpen => ("En cours", "Open"),
            StatusWon => ("Obtenu", "Won"),
            StatusLost => ("Refusé", "Lost"),
            StatusAbandoned => ("Abandonné", "Abandoned"),
            DeleteCase => ("Supprimer ce dossier", "Delete this case"),
            ConfirmDelete => ("Supprimer définitivement ce dossier et ses échanges ?", "Delete this case and its exchanges for good?"),
            AnswerAwaited => ("En attente", "Awaited"),
            AnswerSatisfactory => ("Satisfaisante", "Satisfactory"),
            AnswerPartial => ("Partielle", "Partial"),
            AnswerUnsatisfactory => ("Insatisfaisante", "Unsatisfactory"),
            LetterComplaint => ("Réclamation écrite au service client", "Written complaint to customer service"),
            LetterRecourse => ("Recours au service consommateurs", "Recourse to the consumer service"),
            LetterMediator => ("Saisine du Médiateur (résumé du dossier)", "Referral to the ombudsman (file summary)"),
            LetterSignalConso => ("Texte pour SignalConso", "Text for SignalConso"),
            StorageSaved => ("Enregistré sur cet appareil", "Saved on this device"),
            StorageUnavailable => ("Le stockage de ce navigateur est indisponible (navigation privée ?) : rien ne sera conservé après la fermeture de la page. Exportez vos données.", "This browser's storage is unavailable (private mode?): nothing will be kept once the page is closed. Export your data."),
            StorageQuota => ("L'espace de stockage est plein : vos dernières modifications ne sont gardées que dans cette page. Exportez vos données.", "Storage is full: your latest changes live only in this page. Export your data."),
            StorageUnreadable => ("Des données enregistrées n'ont pas pu être lues : elles ont été mises de côté, intactes, et ne seront pas écrasées.", "Stored data could not be read: it was set aside, intact, and will not be overwritten."),
            StorageNewer => ("Vos dossiers ont été modifiés dans un autre onglet : la version la plus récente a été rechargée.", "Your cases were changed in another tab: the newest version was reloaded."),
            StorageTooNew => ("Vos données viennent d'une version plus récente de Contestel : rechargez la page pour l'utiliser.", "Your data comes from a newer Contestel: reload the page to use it."),
            StorageFailed => ("L'enregistrement a échoué : exportez vos données pour ne rien perdre.", "Saving failed: export your data so as to lose nothing."),
            Caution => ("Attention", "Watch out"),
            ChangeRefused => (
                "Cette modification n'a pas été enregistrée : le montant ou l'intitulé n'est pas valable.",
                "This change was not saved: the amount or the title is not valid.",
            ),
            NewPlan => ("Nouveau forfait (autre ligne ou box)", "New plan (another line or box)"),
            DeletePlan => ("Supprimer ce forfait", "Delete this plan"),
            ConfirmDeletePlan => ("Supprimer ce forfait ?", "Delete this plan?"),
            SetAsideHeading => ("Données mises de côté", "Data set aside"),
            SetAsideIntro => ("Ces données enregistrées n'ont pas pu être relues. Elles sont conservées telles quelles : téléchargez-les pour les garder ou les faire examiner.", "This stored data could not be read back. It is kept as it was: download it to keep it or have it looked at."),
            BeforeCourt => ("Ce litige est déjà devant un tribunal ou un autre médiateur", "This dispute is already before a court or another mediator"),
            RecoveredLabel => ("Montant obtenu, en €", "Amount recovered, in €"),
            SaveAmount => ("Enregistrer", "Save"),
            PrintDossier => ("Imprimer le dossier", "Print the file"),
            OpenCasesHeading => ("Vos dossiers en cours", "Your open cases"),
            NavData => ("Mes données", "My data"),
            DataHeading => ("Vos données restent sur cet appareil", "Your data stays on this device"),
            DataIntro => ("Vos dossiers, vos échanges, vos forfaits et les factures lues sont enregistrés dans ce navigateur, sur cet appareil seulement. Les factures PDF ne sont jamais envoyées ni conservées : seul ce qui en a été lu est gardé.", "Your cases, exchanges, plans and the bills read are saved in this browser, on this device only. PDF bills are never sent or kept: only what was read from them is."),
            ExportReminder => ("Certains navigateurs (Safari notamment) effacent les données d'un site après 7 jours sans visite : exportez régulièrement vos données dans un fichier que vous gardez.", "Some browsers (Safari notably) erase a site's data after 7 days without a visit: export your data now and then to a file you keep."),
            ExportNow => ("Exporter maintenant", "Export now"),
            ReminderDismiss => ("Plus tard", "Later"),
            ExportButton => ("Exporter mes données (.json)", "Export my data (.json)"),
            ImportLabel => ("Importer un fichier d'export", "Import an export file"),
            ImportMerge => ("Fusionner avec mes données", "Merge with my data"),
            ImportReplace => ("Remplacer mes données", "Replace my data"),
            Cancel => ("Annuler", "Cancel"),
            Imported => ("Import terminé ; la page a été rechargée pour tout afficher.", "Import done; the page was reloaded to show everything."),
            ImportNotExport => ("Ce fichier n'est pas un export de Contestel.", "This file is not a Contestel export."),
            ImportTooNew => ("Cet export vient d'une version plus récente de Contestel : rechargez la page.", "This export comes from a newer Contestel: reload the page."),
            ImportOutOfBound => ("Cet export contient un montant hors limites (un milliard d'euros ou plus) : rien n'a été importé. Champ en cause :", "This export holds an amount out of bounds (a billion euros or more): nothing was imported. Field:"),
            ImportDamaged => ("Cet export est endommagé : rien n'a été importé.", "This export is damaged: nothing was imported."),
            ImportTooLarge => ("Ce fichier est trop gros pour être un export de Contestel : il n'a pas été lu, rien n'a été importé.", "This file is too large to be a Contestel export: it was not read, nothing was imported."),
            ImportAtMost => ("au plus", "at most"),
            ImportUnreadable => ("Ce fichier n'a pas pu être lu (déplacé, supprimé ou illisible) : rien n'a été importé.", "This file could not be read (moved, deleted or unreadable): nothing was imported."),
            ImportedPartly => ("Import incomplet : les factures lues ou les données bancaires n'ont pas pu être enregistrées dans ce navigateur (stockage plein, bloqué, ou écrit par une version plus récente). Gardez le fichier d'export.", "Import incomplete: the bills read or the bank data could not be saved in this browser (storage full, blocked, or written by a newer version). Keep the export file."),
            ExportFailed => ("L'export n'a pas pu être préparé : aucun fichier n'a été téléchargé.", "The export could not be prepared: no file was downloaded."),
            DownloadFailed => ("Le navigateur a refusé le téléchargement : aucun fichier n'a été enregistré. Réessayez, ou copiez le texte.", "The browser refused the download: no file was saved. Try again, or copy the text."),
            EraseAll => ("Tout effacer de cet appareil", "Erase everything from this device"),
            ConfirmErase => ("Effacer définitivement de cet appareil vos dossiers, vos forfaits, les factures lues et les données mises de côté ? Pensez à exporter d'abord.", "Erase your cases, plans, the bills read and the data set aside from this device for good? Export first."),
            Erased => ("Tout a été effacé de cet appareil ; la page a été rechargée.", "Everything was erased from this device; the page was reloaded."),
            PersistGranted => ("Le navigateur s'engage à conserver ces données (stockage persistant accordé).", "The browser will keep this data (persistent storage granted)."),
            PersistDenied => ("Le navigateur peut effacer ces données s'il manque de place : exportez-les.", "The browser may erase this data when short of space: export it."),
            NavPlan => ("Mon forfait", "My plan"),
            PlanHeading => ("Votre forfait, tel que prévu au contrat", "Your plan, as in the contract"),
            PlanIntro => ("Contestel compare chaque facture à ce que prévoit votre contrat : prix, promotion et sa fin, options souscrites. Sans forfait saisi, seules les lignes suspectes par nature sont signalées.", "Contestel compares each bill with your contract: price, promotion and its end, options. Without a plan, only lines suspicious by nature are flagged."),
            PlanName => ("Nom du forfait", "Plan name"),
            PlanLine => ("Numéro de ligne ou de box", "Line or box number"),
            MonthlyPrice => ("Prix mensuel du contrat (hors promotion), en €", "Monthly contract price (without promotion), in €"),
            PromoPrice => ("Prix pendant la promotion, en €", "Price during the promotion, in €"),
            PromoUntil => ("Fin de la promotion (dernier jour)", "End of the promotion (last day)"),
            OptionsHeading => ("Options souscrites", "Options subscribed"),
            OptionName => ("Option", "Option"),
            OptionPrice => ("Prix mensuel, en €", "Monthly price, in €"),
            AddOption => ("Ajouter une option", "Add an option"),
            RemoveOption => ("Retirer l'option", "Remove the option"),
            BlockedPremium => ("J'ai demandé le blocage des numéros surtaxés", "I asked for premium numbers to be blocked"),
            BlockedThirdParty => ("J'ai demandé le blocage des achats par des tiers", "I asked for third-party billing to be blocked"),
            SavePlan => ("Enregistrer le forfait", "Save the plan"),
            PlanSaved => ("Forfait enregistré : les factures sont vérifiées avec lui.", "Plan saved: bills are checked against it."),
            PrefillFromBill => ("Pré-remplir depuis la dernière facture lue", "Fill in from the last bill read"),
            PrefillNote => ("Vérifiez ces valeurs avec votre contrat avant d'enregistrer : la facture peut elle-même être fausse.", "Check these values against your contract before saving: the bill itself may be wrong."),
            InvalidAmount => ("Montant invalide", "Invalid amount"),
            FindingsHeading => ("Ce qui semble anormal", "What looks wrong"),
            AtStake => ("En jeu", "At stake"),
            NoFindings => ("Rien d'anormal n'a été repéré sur ces factures.", "Nothing wrong was spotted on these bills."),
            NoPlanHint => ("Saisissez votre forfait pour vérifier aussi les prix et les options.", "Enter your plan to check prices and options too."),
            FilterAll => ("Tout", "All"),
            WhatToDo => ("Que faire :", "What to do:"),
            ContestFinding => ("Contester", "Dispute"),
            NavHome => ("Accueil", "Home"),
            TimelineHeading => ("Vos factures dans le temps", "Your bills over time"),
            TimelineLink => ("Voir vos factures dans le temps", "See your bills over time"),
            NoBillsYet => ("Aucune facture n'a encore été lue.", "No bill has been read yet."),
            GoHome => ("Retour à l'accueil", "Back to the home page"),
            NotFoundHeading => ("Page introuvable", "Page not found"),
            NotFoundText => ("Cette adresse ne mène à rien dans Contestel.", "This address leads nowhere in Contestel."),
            BillNotFound => ("Cette facture n'est pas (ou plus) enregistrée dans ce navigateur.", "This bill is not (or no longer) kept in this browser."),
            CaseNotFound => ("Ce dossier n'est pas (ou plus) enregistré dans ce navigateur.", "This case is not (or no longer) kept in this browser."),
            BackToBills => ("Toutes les factures", "All bills"),
            BillDetails => ("Détail de la facture lue", "Details of the bill read"),
            OpenBill => ("Voir la facture", "View the bill"),
            Queued => ("En attente", "Waiting"),
            ReadingFile => ("Lecture du fichier", "Reading the file"),
            AlreadyRead => ("Facture déjà lue", "Bill already read"),
            AlreadyReadFrom => ("Cette facture est déjà dans vos factures : elle n'est pas ajoutée une deuxième fois. Lue depuis :", "This bill is already among your bills: it is not added a second time. Read from:"),
            MonthlyChartTitle => ("Total de chaque mois, ligne", "Monthly total, line"),
            MonthlyChartDesc => ("Une barre par facture, du mois le plus ancien au plus récent. La partie hachurée et marquée d'un ⚠ est le montant signalé comme anormal.", "One bar per bill, from the oldest month to the newest. The hatched part marked ⚠ is the amount flagged as wrong."),
            SplitTitle => ("Répartition de la facture par catégorie", "Split of the bill by category"),
            SplitDesc => ("Une barre par catégorie, la plus grosse en premier. La partie hachurée et marquée d'un ⚠ est signalée comme anormale.", "One bar per category, the largest first. The hatched part marked ⚠ is flagged as wrong."),
            ShowNumbers => ("Voir les chiffres du graphique", "Show the chart's numbers"),
            MonthColumn => ("Mois", "Month"),
            FlaggedColumn => ("Signalé", "Flagged"),
            ShareColumn => ("Part", "Share"),
            DiscountsLabel => ("Remises et avoirs", "Discounts and credits"),
            PrintBill => ("Imprimer la facture", "Print the bill"),
            FlaggedLegend => ("Hachuré ⚠ : montant signalé", "Hatched ⚠: amount flagged"),
            UndatedBills => ("Sans date", "Undated"),
            UnknownLine => ("Ligne non lue", "Line not read"),
            Times => ("fois", "times"),
            EachCharge => ("Le détail, charge par charge", "Each charge in detail"),
            UpdateAvailable => ("Nouvelle version disponible —", "New version available —"),
            UpdateReload => ("recharger", "reload"),
            StoredHeading => ("Ce qui est enregistré dans ce navigateur", "What is stored in this browser"),
            StoredJournal => ("Dossiers et échanges", "Cases and exchanges"),
            StoredPlans => ("Forfaits", "Plans"),
            StoredBills => ("Factures lues (ce qui en a été lu, jamais le PDF)", "Bills read (what was read from them, never the PDF)"),
            StoredOther => ("Autres réglages", "Other settings"),
            StoredTotal => ("Total dans le stockage local, sur ce qu'il permet", "Total in local storage, of what it allows"),
            SizeColumn => ("Taille", "Size"),
            StoredItemColumn => ("Donnée", "Data"),
            SiteEstimate => ("Tout le site, copie hors ligne de l'application comprise (estimation du navigateur) :", "The whole site, offline copy of the app included (the browser's estimate):"),
            OutOf => ("sur", "of"),
            LawHeading => ("Ce que la loi demande de savoir", "What the law needs to know"),
            LawIntro => ("Ces informations changent les délais et les conseils : elles figurent sur votre contrat, vos factures ou les réponses reçues.", "These details change the deadlines and the advice: they are on your contract, your bills or the answers you received."),
            ContractStart => ("Date de conclusion du contrat", "Day the contract was made"),
            SecondLevelLabel => ("Service consommateurs (2e niveau de réclamation)", "Consumer service (second complaint level)"),
            SecondLevelUnknown => ("Je ne sais pas", "I don't know"),
            SecondLevelYes => ("L'opérateur en a un", "The operator has one"),
            SecondLevelNo => ("L'opérateur n'en a pas", "The operator has none"),
            ComplaintChannelLabel => ("Canal prévu par le contrat pour les réclamations", "Channel the contract names for complaints"),
            NotEntered => ("Non renseigné", "Not entered"),
            ComplaintAddress => ("Adresse, e-mail ou formulaire de réclamation (tel que dans le contrat)", "Complaint address, e-mail or form (as in the contract)"),
            DirectDebit => ("Les montants contestés ont été payés par prélèvement", "The disputed amounts were paid by direct debit"),
            PriceNoticeOn => ("Date de l'information d'une hausse de prix (s'il y en a une)", "Day a price change was notified (if any)"),
            SaveCaseDetails => ("Enregistrer ces informations", "Save these details"),
            LinePaidOn => ("Payé le", "Paid on"),
            LineDueOn => ("Exigible le (somme réclamée par l'opérateur)", "Due on (a sum the operator claims)"),
            LineClaimedOn => ("Réclamée par l'opérateur le", "Claimed by the operator on"),
            LineDates => ("Dates de cette ligne", "This line's dates"),
            MilestoneLabel => ("Étape chez le Médiateur", "Step with the ombudsman"),
            MilestoneReferral => ("Saisine", "Referral"),
            MilestoneFileComplete => ("Avis de dossier complet", "Notice that the file is complete"),
            MilestoneProposal => ("Proposition de solution", "Proposed solution"),
            LetterChannel => ("Envoyée par", "Sent by"),
            LetterFormalNotice => ("Mise en demeure (avant le tribunal)", "Formal notice (before court)"),
            LetterThirdPartyRefund => ("Remboursement d'achats de tiers ou SMS+ (fournisseur et opérateur)", "Refund of third-party or SMS+ charges (supplier and operator)"),
            LetterPriceChangeTermination => ("Résiliation sans frais après une hausse de prix", "Termination without fees after a price change"),
            LetterItemisedBill => ("Demande de facture détaillée (gratuite)", "Request for the itemised bill (free)"),
            LetterConsentProof => ("Demande de preuve de consentement à une option", "Request for proof of consent to an option"),
            LetterBankDebit => ("À la banque : remboursement d'un prélèvement", "To the bank: refund of a direct debit"),
            BeforeSending => ("Avant d'envoyer", "Before sending"),
            CalendarExport => ("Ajouter les échéances à mon agenda (.ics)", "Add the deadlines to my calendar (.ics)"),
            DueThisWeek => ("À faire cette semaine", "Due this week"),
            NavSources => ("Sources", "Sources"),
            SourcesHeading => ("Les textes sur lesquels Contestel s'appuie", "The texts Contestel relies on"),
            SourcesIntro => ("Chaque constat et chaque conseil renvoie ici : le texte, ce qu'il dit en une phrase, la date à laquelle nous l'avons vérifié et où le lire. Contestel vous informe ; il ne donne pas de conseil juridique.", "Every finding and every piece of advice links here: the text, what it says in one sentence, the day we checked it and where to read it. Contestel informs you; it does not give legal advice."),
            CheckedOn => ("Vérifié le", "Checked on"),
            ReadSource => ("Lire le texte", "Read the text"),
            SourcesLabel => ("Sources :", "Sources:"),
            ToSources => ("Les textes cités", "The texts cited"),
            NavBank => ("Banque", "Bank"),
            ViewLoading => ("Chargement de l'onglet…", "Loading the tab…"),
            ViewUnavailable => ("Cet onglet n'a pas pu être chargé (hors ligne avant qu'il soit gardé sur cet appareil ?). Le reste de Contestel fonctionne ; réessayez une fois en ligne.", "This tab could not be loaded (offline before it was kept on this device?). The rest of Contestel works; try again once online."),
            TryAgain => ("Réessayer", "Try again"),
        };
        lang.pick(fr, en)
    }
}

/// The bank view's own texts, apart from [`Text`]: only the bank tab's wasm module shows
/// them. As variants of `Text`, whose `get` is one match, they would be in every module
/// that shows any text, the app's first load included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BankText {
    /// Mapping: the amount column.
    AmountColumnLabel,
    /// Mapping: a debit and a credit column.
    AmountDebitCredit,
    /// Mapping: one signed column or debit and credit.
    AmountShapeLabel,
    /// Mapping: one signed amount column.
    AmountSigned,
    /// Description of that chart.
    BankChartDesc,
    /// Title of the billed against debited chart, before the line.
    BankChartTitle,
    /// Heading of the bank view.
    BankHeading,
    /// What the bank view does with a statement.
    BankIntro,
    /// When no bill is read yet.
    BankNeedsBills,
    /// Legend: billed.
    BilledLegend,
    /// The statement picker.
    ChooseStatement,
    /// A column without a name, before its number.
    ColumnNumber,
    /// Confirmation before erasing them.
    ConfirmForgetDebits,
    /// Mapping: the credit column.
    CreditColumnLabel,
    /// Column header: date.
    DateColumn,
    /// Mapping: the date column.
    DateColumnLabel,
    /// Mapping: the debit column.
    DebitColumnLabel,
    /// Legend: debited.
    DebitedLegend,
    /// Column header: debited minus billed.
    DifferenceColumn,
    /// Legend: a difference.
    DifferenceLegend,
    /// Button erasing the operations kept.
    ForgetDebits,
    /// Button keeping the telecom operations.
    KeepTelecom,
    /// Heading of the operations kept.
    KeptHeading,
    /// Mapping: the label column.
    LabelColumnLabel,
    /// How to correct the columns.
    MappingHint,
    /// Every debit matches its bill.
    NoBankFindings,
    /// Nothing kept yet.
    NoDebitsKept,
    /// An operation no operator is known for.
    NotTelecom,
    /// Column header: an operation's amount on the statement.
    OperationAmount,
    /// Heading of the first operations read.
    PreviewHeading,
    /// While a statement is read.
    ReadingStatement,
    /// Heading of the comparison.
    ResultsHeading,
    /// Column header: what matching made of it.
    StateColumn,
    /// Where a statement comes from.
    StatementHint,
    /// Heading of the recurring debits not recognised.
    TieHeading,
    /// What tying a debit to an operator does.
    TieHint,
    /// The choice: not an operator.
    TieNone,
    /// Heading of the preview.
    UnderstoodHeading,
}

impl BankText {
    /// The text in the given language.
    pub fn get(self, lang: Lang) -> &'static str {
        use BankText::*;
        let (fr, en) = match self {
            AmountColumnLabel => ("Colonne du montant", "Amount column"),
            AmountDebitCredit => ("Une colonne de débits et une de crédits", "A debit column and a credit column"),
            AmountShapeLabel => ("Montants", "Amounts"),
            AmountSigned => ("Une colonne, négative pour un débit", "One column, negative for a debit"),
            BankChartDesc => ("Pour chaque mois, la barre pleine est le montant des factures et la barre hachurée ce qui a été prélevé ; ⚠ marque un mois où les deux diffèrent.", "For each month, the solid bar is what the bills asked and the hatched bar what was debited; ⚠ marks a month where they differ."),
            BankChartTitle => ("Facturé et prélevé par mois —", "Billed and debited by month —"),
            BankHeading => ("Factures et relevé bancaire", "Bills and bank statement"),
            BankIntro => ("Votre relevé est lu ici, dans ce navigateur : rien n'est envoyé. Seuls les prélèvements et remboursements des opérateurs télécom sont gardés ; toutes les autres opérations sont écartées dès la lecture et ne sont jamais enregistrées.", "Your statement is read here, in this browser: nothing is sent. Only the telecom operators' debits and refunds are kept; every other operation is dropped as soon as it is read and never stored."),
            BankNeedsBills => ("Chargez aussi vos factures : les prélèvements sont comparés aux factures lues.", "Load your bills too: debits are compared with the bills read."),
            BilledLegend => ("Facturé", "Billed"),
            ChooseStatement => ("Choisir un relevé (CSV ou OFX)", "Choose a statement (CSV or OFX)"),
            ColumnNumber => ("Colonne", "Column"),
            ConfirmForgetDebits => ("Effacer les opérations bancaires gardées ? Vos correspondances de colonnes et d'opérateurs restent.", "Erase the bank operations kept? Your column and operator choices stay."),
            CreditColumnLabel => ("Colonne des crédits", "Credit column"),
            DateColumn => ("Date", "Date"),
            DateColumnLabel => ("Colonne de la date", "Date column"),
            DebitColumnLabel => ("Colonne des débits", "Debit column"),
            DebitedLegend => ("Prélevé", "Debited"),
            DifferenceColumn => ("Écart", "Difference"),
            DifferenceLegend => ("⚠ prélevé différent du facturé", "⚠ debited differs from billed"),
            ForgetDebits => ("Effacer les opérations gardées", "Erase the operations kept"),
            KeepTelecom => ("Garder les opérations télécom et comparer", "Keep the telecom operations and compare"),
            KeptHeading => ("Opérations télécom gardées", "Telecom operations kept"),
            LabelColumnLabel => ("Colonne du libellé", "Label column"),
            MappingHint => ("Si une colonne est mal choisie, corrigez-la : votre choix est retenu pour les relevés de cette banque.", "If a column is wrong, correct it: your choice is remembered for this bank's statements."),
            NoBankFindings => ("Chaque prélèvement comparé correspond à sa facture.", "Every debit compared matches its bill."),
            NoDebitsKept => ("Aucune opération télécom gardée pour l'instant.", "No telecom operation kept yet."),
            NotTelecom => ("écartée", "dropped"),
            OperationAmount => ("Montant", "Amount"),
            PreviewHeading => ("Premières opérations lues", "First operations read"),
            ReadingStatement => ("Lecture du relevé…", "Reading the statement…"),
            ResultsHeading => ("Prélèvements comparés aux factures", "Debits compared with the bills"),
            StateColumn => ("Rapprochement", "Match"),
            StatementHint => ("Exportez-le depuis l'espace client de votre banque, au format CSV (tableur) ou OFX (Money, Quicken).", "Export it from your bank's website, as CSV (spreadsheet) or OFX (Money, Quicken)."),
            TieHeading => ("Prélèvements réguliers non reconnus", "Recurring debits not recognised"),
            TieHint => ("Si l'un d'eux est celui d'un opérateur télécom, dites lequel : il sera gardé, et reconnu la prochaine fois.", "If one of them is a telecom operator's, say which: it will be kept, and recognised next time."),
            TieNone => ("Pas un opérateur", "Not an operator"),
            UnderstoodHeading => ("Ce qui a été compris", "What was understood"),
        };
        lang.pick(fr, en)
    }
}

/// What an import kept of a statement: how many operations were read, how many kept, and
/// that the others were dropped and not stored.
pub fn bank_kept(read: usize, kept: usize, lang: Lang) -> String {
    let dropped = read.saturating_sub(kept);
    match lang {
        Lang::Fr => format!(
            "{read} opérations lues : {kept} concernent un opérateur télécom et sont gardées ; les {dropped} autres ont été écartées et ne sont pas enregistrées."
        ),
        Lang::En => format!(
            "{read} operations read: {kept} concern a telecom operator and are kept; the other {dropped} were dropped and are not stored."
        ),
    }
}

/// The reminder to export on the home page: how long the changes have waited, since the
/// last export (`days`) or without any.
pub fn export_due(days: Option<i64>, lang: Lang) -> String {
    match (days, lang) {
        (None, Lang::Fr) => "Vos données ont changé et n'ont encore jamais été exportées.".into(),
        (None, Lang::En) => "Your data has changed and has never been exported.".into(),
        (Some(days), Lang::Fr) => {
            format!("Votre dernier export date de {days} jours, et vos données ont changé depuis.")
        }
        (Some(days), Lang::En) => {
            format!("Your last export was {days} days ago, and your data has changed since.")
        }
    }
}

/// An exchange's reference (ticket or letter number), as shown in a timeline.
pub fn reference(reference: &str, lang: Lang) -> String {
    format!("{} {reference}", lang.pick("réf.", "ref."))
}

/// The title given to a case opened from a bill: what is disputed and on which invoice.
pub fn case_title(what: &str, invoice_number: Option<&str>, lang: Lang) -> String {
    match invoice_number {
        Some(n) => format!("{what} — {} {n}", lang.pick("facture", "invoice")),
        None => what.to_string(),
    }
}

/// Formats a size in bytes with decimal units and one decimal: `850 o`, `12,3 ko`, `4,6 Go`
/// (`12.3 kB` in English).
pub fn format_size(bytes: u64, lang: Lang) -> String {
    let units = match lang {
        Lang::Fr => ["o", "ko", "Mo", "Go", "To"],
        Lang::En => ["B", "kB", "MB", "GB", "TB"],
    };
    let mut unit = 0;
    let mut scale = 1u64;
    while unit + 1 < units.len() && bytes >= scale * 1000 {
        unit += 1;
        scale *= 1000;
    }
    if unit == 0 {
        return format!("{bytes}\u{a0}{}", units[0]);
    }
    let tenths = (bytes as u128 * 10 + scale as u128 / 2) / scale as u128;
    let point = if lang == Lang::Fr { ',' } else { '.' };
    format!("{}{point}{}\u{a0}{}", tenths / 10, tenths % 10, units[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_case_titles_read_well() {
        assert_eq!(reference("A-42", Lang::En), "ref. A-42");
        assert_eq!(
            case_title("Option Sécurité", Some("F123"), Lang::Fr),
            "Option Sécurité — facture F123"
        );
        assert_eq!(case_title("Option", None, Lang::En), "Option");
    }

    #[test]
    fn sizes_are_formatted_per_language() {
        let cases = [
            (0, "0\u{a0}o", "0\u{a0}B"),
            (999, "999\u{a0}o", "999\u{a0}B"),
            (12_345, "12,3\u{a0}ko", "12.3\u{a0}kB"),
            (5_242_880, "5,2\u{a0}Mo", "5.2\u{a0}MB"),
            (299_999_999_999, "300,0\u{a0}Go", "300.0\u{a0}GB"),
        ];
        for (bytes, fr, en) in cases {
            assert_eq!(format_size(bytes, Lang::Fr), fr, "{bytes}");
            assert_eq!(format_size(bytes, Lang::En), en, "{bytes}");
        }
    }
}
