//! The interface languages. French first; English available.

pub use super::lang::Lang;

/// A catalogue of texts: one line per key, its French and its English, under the key's
/// doc. Declares the enum of keys and `get`, which picks the text for a language.
macro_rules! catalogue {
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:ident),*)]
        pub enum $name:ident {
            $( $(#[doc = $key_doc:literal])* $key:ident => ($fr:expr, $en:expr), )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive($($derive),*)]
        pub enum $name {
            $( $(#[doc = $key_doc])* $key, )*
        }

        impl $name {
            /// Every key, in the catalogue's order.
            pub const ALL: &'static [$name] = &[ $( $name::$key, )* ];

            /// The text in the given language.
            pub fn get(self, lang: Lang) -> &'static str {
                let (fr, en) = match self {
                    $( $name::$key => ($fr, $en), )*
                };
                lang.pick(fr, en)
            }
        }
    };
}

catalogue! {
    /// Every fixed string of the interface, in one catalogue: components never hold literals.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Text {
        /// The product's one-line promise.
        Tagline => ("Vos factures télécom, vérifiées chez vous.", "Your telecom bills, checked at home."),
        /// The privacy promise, in one sentence.
        PrivacyPromise => ("Vos factures sont lues dans ce navigateur : rien ne quitte votre appareil.", "Your bills are read in this browser: nothing leaves your device."),
        /// Title of the drop zone.
        DropTitle => ("Déposez vos factures PDF ici", "Drop your PDF bills here"),
        /// Hint under the drop zone title.
        DropHint => ("Orange, Sosh, SFR, RED, Bouygues, B&You, Free… une ou plusieurs à la fois.", "Orange, Sosh, SFR, RED, Bouygues, B&You, Free… one or several at once."),
        /// The file-picker button.
        ChooseFiles => ("Choisir des fichiers", "Choose files"),
        /// The sample-bill button.
        TrySample => ("Essayer avec une facture exemple", "Try with a sample bill"),
        /// Name given to the sample bill.
        SampleName => ("facture-exemple-orange.pdf", "sample-bill-orange.pdf"),
        /// Heading of the list of files.
        FilesHeading => ("Vos factures", "Your bills"),
        /// Status of a file being read.
        Reading => ("Lecture en cours…", "Reading…"),
        /// Status of a file read.
        Read => ("Lue", "Read"),
        /// Status of a file that could not be read.
        Unreadable => ("Illisible", "Unreadable"),
        /// Button removing a file from the list.
        Remove => ("Retirer", "Remove"),
        /// Label of the language switch.
        LanguageSwitch => ("English", "Français"),
        /// Invoice number.
        InvoiceNumber => ("N° de facture", "Invoice number"),
        /// Operator.
        OperatorLabel => ("Opérateur", "Operator"),
        /// Unknown operator.
        UnknownOperator => ("non reconnu", "not recognised"),
        /// Issue date.
        IssueDate => ("Émise le", "Issued on"),
        /// Due date.
        DueDate => ("À payer avant le", "Due by"),
        /// Billing period.
        PeriodLabel => ("Période", "Period"),
        /// Customer id.
        CustomerId => ("N° client", "Customer number"),
        /// Line numbers.
        LineNumbers => ("Ligne(s)", "Line(s)"),
        /// Total due.
        TotalDue => ("Total à payer", "Total due"),
        /// Heading of the charges.
        Charges => ("Montants facturés", "Charges"),
        /// Column header: label.
        LabelColumn => ("Libellé", "Label"),
        /// Column header: category.
        CategoryColumn => ("Nature", "Kind"),
        /// Column header: amount.
        AmountColumn => ("Montant TTC", "Amount incl. VAT"),
        /// No charge could be recognised.
        NoCharges => ("Aucune ligne de facturation n'a été reconnue ; le texte lu est ci-dessous.", "No charge was recognised; the text read is below."),
        /// Heading of the usage records.
        UsageRecords => ("Détail des communications", "Call details"),
        /// The heading of what the bill says was used at no charge.
        UsageSummary => ("Consommations décomptées, sans frais", "Usage counted, at no charge"),
        /// Heading of the raw text.
        TextRead => ("Texte lu dans le PDF", "Text read from the PDF"),
        /// Page, followed by a number.
        Page => ("Page", "Page"),
        /// Heading of the reader's warnings.
        Warnings => ("À vérifier", "To check"),
        /// Heading of the note on a bill whose charges do not add up to its amount due.
        ReadingToCheck => ("Lecture à vérifier", "Reading to check"),
        /// Beside each charge of such a bill.
        LineToCheck => ("lecture à vérifier", "reading to check"),
        /// In a bill's summary line when its reading does not add up.
        ReadingToCheckShort => ("à vérifier", "to check"),
        // Corrections, the page view and the whole contract (issue 14).
        /// Beside what the person corrected.
        CorrectedByYou => ("corrigé par vous", "corrected by you"),
        /// Button closing a panel.
        Close => ("Fermer", "Close"),
        /// When only one end of a period is given.
        PeriodBothEnds => ("Indiquez le premier et le dernier jour de la période.", "Give the first and the last day of the period."),
        /// Heading of the lines the person said are not charges.
        RemovedByYou => ("Lignes que vous avez retirées (pas des montants facturés)", "Lines you removed (not charges)"),
        /// Button opening the correction of a line.
        CorrectLine => ("Corriger", "Correct"),
        /// Button: a line is not a charge.
        NotACharge => ("Pas un montant facturé", "Not a charge"),
        /// Button saving a correction.
        SaveCorrection => ("Enregistrer la correction", "Save the correction"),
        /// Button: back to what was read.
        UndoCorrection => ("Revenir à la lecture", "Back to the reading"),
        /// Button undoing the last correction.
        Undo => ("Annuler", "Undo"),
        /// Status after a correction.
        CorrectionSaved => ("Correction enregistrée.", "Correction saved."),
        /// Status after undoing a correction.
        CorrectionUndone => ("Correction annulée.", "Correction undone."),
        /// Button showing the page a line comes from.
        WhereFrom => ("D'où vient cette ligne ?", "Where does this line come from?"),
        /// Heading of the page view.
        PageViewHeading => ("La facture telle que lue", "The bill as read"),
        /// What the page view shows and how to use it.
        PageViewIntro => ("Chaque ligne de texte est à sa place sur la page. Les montants retenus comme facturés sont cochés ; cochez une ligne que la lecture a laissée de côté pour en faire un montant facturé, décochez un sous-total, une TVA ou un exemple.", "Each row of text is in its place on the page. The amounts kept as charges are ticked; tick a row the reading left out to make it a charge, untick a subtotal, a VAT row or an example."),
        /// Accessible name of the drawing of a page.
        PageDrawing => ("Dessin de la page : la ligne choisie est surlignée, sa colonne de montants encadrée, les lignes non retenues en gris", "Drawing of the page: the chosen row highlighted, its amount column framed, rows not kept in grey"),
        /// The frame of the drawing, which scrolls when the page is wider than the screen.
        PageDrawingFrame => ("Dessin de la page, zoomé sur les lignes avec un montant", "Drawing of the page, zoomed on the rows with an amount"),
        /// On a phone, where the drawing is wider than the screen: how to see its amounts.
        DrawingScrolls => ("Le dessin défile de côté : faites-le glisser pour voir les montants, à droite.", "The drawing scrolls sideways: swipe it to see the amounts, on the right."),
        /// Heading of the list of rows with an amount.
        RowsWithAmounts => ("Lignes avec un montant : cochez les montants facturés", "Rows with an amount: tick the charges"),
        /// Label of the running sum of the ticked charges.
        TickedSum => ("Montants cochés", "Ticked charges"),
        /// Label of the difference with the amount due.
        Gap => ("écart", "difference"),
        /// Said when the charges add up to the amount due.
        AddsUp => ("Le compte est bon : les montants cochés font le montant à payer.", "It adds up: the ticked charges make the amount due."),
        /// When the pages of a bill are no longer kept.
        PagesNotKept => ("Les pages de cette facture ne sont pas gardées sur cet appareil : déposez de nouveau son PDF pour les voir (elle ne sera pas ajoutée deux fois).", "The pages of this bill are not kept on this device: drop its PDF again to see them (it will not be added twice)."),
        /// Button opening the page view on a bill that does not add up.
        HelpAddUp => ("M'aider à faire le compte", "Help me make it add up"),
        /// Said on every page when the site's host is shared with other sites (GitHub Pages).
        SharedOrigin => ("Cette adresse (*.github.io) est partagée par tous les sites publiés sous le même compte GitHub : chacun d'eux pourrait lire les données que Contestel garde dans ce navigateur. Exportez vos données, et préférez une version de Contestel publiée à une adresse qui lui est propre.", "This address (*.github.io) is shared by every site published under the same GitHub account: any of them could read the data Contestel keeps in this browser. Export your data, and prefer a copy of Contestel published at an address of its own."),
        /// Title of the page shown instead of the app inside another site's frame.
        FramedTitle => ("Contestel ne s'ouvre pas dans la page d'un autre site", "Contestel does not open inside another site's page"),
        /// Why, and what to do.
        FramedBody => ("Un autre site a affiché Contestel dans un cadre de sa page. Pour que personne ne puisse vous faire cliquer à votre insu ni imiter l'application, Contestel ne fonctionne que dans son propre onglet.", "Another site showed Contestel in a frame of its page. So that nobody can make you click without knowing or imitate the app, Contestel only works in its own tab."),
        /// Link opening the app in a tab of its own.
        FramedOpen => ("Ouvrir Contestel dans son propre onglet", "Open Contestel in a tab of its own"),
        /// Before the likeliest correction of a reading that does not add up.
        LikelyFix => ("Correction probable :", "Likely correction:"),
        /// Button making the likeliest correction (undone like any other).
        ApplyFix => ("Appliquer cette correction", "Make this correction"),
        /// Button opening the header's correction.
        CorrectHeader => ("Corriger l'en-tête", "Correct the header"),
        /// Field: first day of the period.
        PeriodStart => ("Début de la période", "Period start"),
        /// Field: last day of the period.
        PeriodEnd => ("Fin de la période", "Period end"),
        /// Heading of the corrections that no longer match.
        StaleHeading => ("Corrections qui ne correspondent plus", "Corrections that no longer match"),
        /// Why some corrections no longer match.
        StaleIntro => ("Une nouvelle lecture de cette facture ne contient plus ce que ces corrections visaient. Vérifiez la facture, corrigez-la de nouveau si besoin, puis retirez-les.", "A new reading of this bill no longer has what these corrections were about. Check the bill, correct it again if needed, then remove them."),
        /// Said when a new reading agrees with corrections.
        AgreedNote => ("La lecture dit désormais d'elle-même ce que vous aviez corrigé ici :", "The reading now says by itself what you had corrected here:"),
        /// Section of a charge the person added when none is printed above it.
        AddedByYou => ("Ajouté par vous", "Added by you"),
        /// Heading of the form making a row a charge.
        PickAsCharge => ("Ajouter comme montant facturé", "Add as a charge"),
        /// Before the value as read.
        ReadAs => ("lu :", "read:"),
        /// Button on a flagged option: it is in the contract.
        OptionInContract => ("Cette option est dans mon contrat", "This option is in my contract"),
        /// Status after an option was added to the plan.
        OptionAdded => ("Option ajoutée à votre forfait : elle n'est plus signalée, et les prochaines factures sont vérifiées avec elle.", "Option added to your plan: it is no longer flagged, and the next bills are checked with it."),
        /// Heading of the contract's dates.
        ContractHeading => ("Le contrat", "The contract"),
        /// Field: end of the commitment.
        CommitmentEnd => ("Fin d'engagement", "End of commitment"),
        /// Field: termination date.
        TerminatedOn => ("Date de résiliation", "Termination date"),
        /// Field: the operator's confirmation of the termination.
        TerminationConfirmedOn => ("Résiliation confirmée par l'opérateur le", "Termination confirmed by the operator on"),
        /// When a confirmation date is given without a termination date.
        ConfirmationNeedsTermination => ("Indiquez d'abord la date de résiliation.", "Give the termination date first."),
        /// Heading of what the plan includes.
        AllowancesHeading => ("Ce que le forfait inclut", "What the plan includes"),
        /// Field: data included.
        DataAllowance => ("Internet mobile (Go par mois)", "Mobile data (GB a month)"),
        /// Field: calls included.
        CallsAllowance => ("Appels (minutes par mois)", "Calls (minutes a month)"),
        /// Field: SMS included.
        SmsAllowance => ("SMS (par mois)", "SMS (a month)"),
        /// Hint under an allowance field.
        AllowanceHint => ("un nombre, « illimité », ou vide si le contrat ne le dit pas", "a number, “unlimited”, or empty if the contract does not say"),
        /// Error on an allowance field.
        InvalidAllowance => ("Écrivez un nombre, ou « illimité ».", "Write a number, or “unlimited”."),
        /// Field: use in the EU included.
        RoamingEuIncluded => ("Utilisation dans l'UE comme en France", "Use in the EU as at home"),
        /// Field: calls abroad included.
        InternationalIncluded => ("Appels de France vers l'étranger inclus", "Calls from France to other countries included"),
        /// Choice: the contract does not say.
        NotSaid => ("Non précisé", "Not said"),
        /// Choice: yes.
        Yes => ("Oui", "Yes"),
        /// An allowance without limit, as typed and shown.
        Unlimited => ("illimité", "unlimited"),
        /// Choice: no.
        No => ("Non", "No"),
        /// Heading of the blocks asked for.
        BlocksHeading => ("Blocages demandés à l'opérateur", "Blocks asked of the operator"),
        /// Beside a field filled from a bill.
        ReadFromBill => ("lu sur la facture, à vérifier", "read from the bill, to check"),
        /// How to type a date.
        DateHint => ("jj/mm/aaaa", "dd/mm/yyyy"),
        /// Data view: the corrections.
        StoredCorrections => ("Vos corrections des factures", "Your corrections of the bills"),
        /// Data view: the pages kept for the page view.
        StoredPages => ("Pages des factures (pour voir d'où vient une ligne)", "Bill pages (to see where a line comes from)"),
        /// Data view: what the bank statements left.
        StoredBank => ("Prélèvements des opérateurs (relevés bancaires)", "Operators' debits (bank statements)"),
        /// Status of a bill read again with a better reading.
        ReadAgain => ("Lue de nouveau", "Read again"),
        /// Note on a bill read again, before the first file's name.
        ReadAgainFrom => ("Cette facture était déjà lue ; cette lecture est plus complète et remplace celle de", "This bill was already read; this reading is more complete and replaces that of"),
        /// Footer: what the tool is and is not.
        Disclaimer => ("Contestel vous informe et vous aide à vous organiser ; il ne donne pas de conseil juridique.", "Contestel informs you and helps you get organised; it does not give legal advice."),
        /// Shown when the files could not be loaded at all.
        FileReadFailed => ("Ce fichier n'a pas pu être ouvert par le navigateur.", "The browser could not open this file."),
        /// Tab: the bills.
        NavBills => ("Factures", "Bills"),
        /// Tab: the disputes.
        NavCases => ("Dossiers", "Cases"),
        /// Heading of the cases view.
        CasesHeading => ("Vos dossiers de contestation", "Your disputes"),
        /// Shown when there is no case.
        NoCases => ("Aucun dossier pour l'instant. Ouvrez-en un depuis une ligne de facture (« Contester ») ou ici.", "No case yet. Open one from a bill line (“Dispute”) or here."),
        /// Button and heading: a new case.
        NewCase => ("Nouveau dossier", "New case"),
        /// Field: the case's title.
        CaseTitle => ("Intitulé du dossier", "Case title"),
        /// Placeholder of the case title.
        CaseTitleHint => ("Ex. : option jamais demandée", "E.g. option never asked for"),
        /// Button creating the case.
        CreateCase => ("Créer le dossier", "Create the case"),
        /// Amount disputed.
        Disputed => ("Contesté", "Disputed"),
        /// Amount recovered.
        Recovered => ("Obtenu", "Recovered"),
        /// Heading: the next step.
        NextStep => ("Prochaine étape", "Next step"),
        /// Heading: the deadlines.
        Deadlines => ("Échéances", "Deadlines"),
        /// Heading: the exchanges.
        Timeline => ("Historique des échanges", "Exchanges"),
        /// Shown when no exchange is recorded.
        NoEvents => ("Aucun échange enregistré pour l'instant.", "No exchange recorded yet."),
        /// Heading and button: record an exchange.
        AddEvent => ("Noter un échange", "Record an exchange"),
        /// Field: the date of an exchange.
        EventDate => ("Date", "Date"),
        /// Field: the step of the ladder.
        EventStage => ("Étape", "Step"),
        /// Field: the channel.
        EventChannel => ("Canal", "Channel"),
        /// Field: who was on the other side.
        Counterpart => ("Interlocuteur", "Who"),
        /// Field: a reference.
        Reference => ("Référence (ticket, n° de recommandé…)", "Reference (ticket, registered letter number…)"),
        /// Field: what was said or asked.
        Said => ("Ce que vous avez dit ou demandé", "What you said or asked"),
        /// Field: the kind of answer.
        AnswerLabel => ("Réponse", "Answer"),
        /// Field: the answer's words.
        AnswerText => ("Ce qui vous a été répondu", "What you were told"),
        /// Field: answer deadline.
        AnswerBy => ("Réponse demandée avant le", "Answer requested by"),
        /// Button saving an exchange.
        SaveEvent => ("Enregistrer l'échange", "Save the exchange"),
        /// Heading: letters.
        Letters => ("Lettres prêtes à envoyer", "Letters ready to send"),
        /// Field: which letter.
        LetterLabel => ("Lettre", "Letter"),
        /// Note under the letters.
        LetterNote => ("Relisez et complétez les [passages entre crochets]. L'adresse du service client figure sur votre facture ou votre contrat. La lettre recommandée avec accusé de réception n'est pas obligatoire mais constitue la meilleure preuve.", "Proofread and complete the [bracketed parts]. The customer service address is on your bill or contract. A registered letter is not required but is the best proof."),
        /// Button copying a letter.
        Copy => ("Copier", "Copy"),
        /// Confirmation of a copy.
        Copied => ("Copié dans le presse-papiers", "Copied to the clipboard"),
        /// Button downloading a letter.
        Download => ("Télécharger (.txt)", "Download (.txt)"),
        /// Button printing a letter.
        Print => ("Imprimer", "Print"),
        /// Field: the person's name.
        SenderName => ("Vos prénom et nom", "Your name"),
        /// Field: the person's address.
        SenderAddress => ("Votre adresse postale", "Your postal address"),
        /// Button disputing a bill line.
        Contest => ("Contester", "Dispute"),
        /// Accessible label of the dispute button.
        ContestLine => ("Contester cette ligne :", "Dispute this line:"),
        /// Button opening a case.
        OpenCase => ("Ouvrir le dossier", "Open the case"),
        /// Link back to the list of cases.
        BackToCases => ("← Tous les dossiers", "← All cases"),
        /// Field: the case status.
        StatusLabel => ("Statut", "Status"),
        /// Case status.
        StatusOpen => ("En cours", "Open"),
        /// Case status.
        StatusWon => ("Obtenu", "Granted"),
        /// Case status.
        StatusLost => ("Refusé", "Refused"),
        /// Case status.
        StatusAbandoned => ("Abandonné", "Abandoned"),
        /// Button deleting a case.
        DeleteCase => ("Supprimer ce dossier", "Delete this case"),
        /// Confirmation before deleting.
        ConfirmDelete => ("Supprimer définitivement ce dossier et ses échanges ?", "Delete this case and its exchanges for good?"),
        /// Answer kind.
        AnswerAwaited => ("En attente", "Awaited"),
        /// Answer kind.
        AnswerSatisfactory => ("Satisfaisante", "Satisfactory"),
        /// Answer kind.
        AnswerPartial => ("Partielle", "Partial"),
        /// Answer kind.
        AnswerUnsatisfactory => ("Insatisfaisante", "Unsatisfactory"),
        /// Answer kind: nobody answered.
        AnswerNone => ("Pas de réponse / injoignable", "No answer / could not reach anyone"),
        /// Letter kind.
        LetterComplaint => ("Réclamation écrite au service client", "Written complaint to customer service"),
        /// Letter kind.
        LetterRecourse => ("Recours au service consommateurs", "Recourse to the consumer service"),
        /// Letter kind.
        LetterMediator => ("Saisine du Médiateur (résumé du dossier)", "Referral to the ombudsman (file summary)"),
        /// Letter kind.
        LetterSignalConso => ("Texte pour SignalConso", "Text for SignalConso"),
        /// Storage status.
        StorageSaved => ("Enregistré sur cet appareil", "Saved on this device"),
        /// Storage status.
        StorageUnavailable => ("Le stockage de ce navigateur est indisponible (navigation privée ?) : rien ne sera conservé après la fermeture de la page. Exportez vos données.", "This browser's storage is unavailable (private mode?): nothing will be kept once the page is closed. Export your data."),
        /// Storage status.
        StorageQuota => ("L'espace de stockage est plein : vos dernières modifications ne sont gardées que dans cette page. Exportez vos données.", "Storage is full: your latest changes live only in this page. Export your data."),
        /// Storage status.
        StorageUnreadable => ("Des données enregistrées n'ont pas pu être lues : elles ont été mises de côté, intactes, et ne seront pas écrasées.", "Stored data could not be read: it was set aside, intact, and will not be overwritten."),
        /// Storage status.
        StorageNewer => ("Vos dossiers ont été modifiés dans un autre onglet : la version la plus récente a été rechargée.", "Your cases were changed in another tab: the newest version was reloaded."),
        /// Storage status.
        StorageTooNew => ("Vos données viennent d'une version plus récente de Contestel : rechargez la page pour l'utiliser.", "Your data comes from a newer Contestel: reload the page to use it."),
        /// Storage status.
        StorageFailed => ("L'enregistrement a échoué : exportez vos données pour ne rien perdre.", "Saving failed: export your data so as to lose nothing."),
        /// Heading: what to watch out for.
        Caution => ("Attention", "Watch out"),
        /// A change to the journal was refused.
        ChangeRefused => ("Cette modification n'a pas été enregistrée : le montant ou l'intitulé n'est pas valable.", "This change was not saved: the amount or the title is not valid."),
        /// Button adding a plan.
        NewPlan => ("Nouveau forfait (autre ligne ou box)", "New plan (another line or box)"),
        /// Button deleting a plan.
        DeletePlan => ("Supprimer ce forfait", "Delete this plan"),
        /// Confirmation before deleting a plan.
        ConfirmDeletePlan => ("Supprimer ce forfait ?", "Delete this plan?"),
        /// Heading: values set aside.
        SetAsideHeading => ("Données mises de côté", "Data set aside"),
        /// Heading: copies of data in an earlier format.
        EarlierCopiesHeading => ("Copies dans un ancien format", "Copies in an earlier format"),
        /// What they are.
        EarlierCopiesIntro => ("Quand Contestel a changé la façon de ranger vos données, il a gardé une copie de leur ancienne forme, au cas où. Elle n'est pas dans l'export, et un dossier supprimé depuis y est encore : elle est effacée d'elle-même à la date dite, ou dès maintenant par vous.", "When Contestel changed the way it keeps your data, it kept a copy of their earlier form, just in case. It is not in the export, and a case deleted since is still in it: it is erased by itself on the day shown, or now by you."),
        /// Before the day a copy is erased.
        KeptUntil => ("gardée jusqu'au", "kept until"),
        /// Button erasing one copy in an earlier format.
        EraseCopy => ("Effacer cette copie", "Erase this copy"),
        /// Said once a copy in an earlier format is erased.
        CopyErased => ("Copie effacée.", "Copy erased."),
        /// Button: erase one value set aside.
        EraseSetAside => ("Effacer ces données", "Erase this data"),
        /// Asked before erasing a value set aside.
        ConfirmEraseSetAside => ("Effacer définitivement ces données mises de côté ? Téléchargez-les d'abord si vous voulez les garder ou les faire examiner.", "Erase this data set aside for good? Download it first if you want to keep it or have it looked at."),
        /// Said once a value set aside is erased.
        SetAsideErased => ("Données mises de côté effacées.", "Data set aside erased."),
        /// What set-aside values are.
        SetAsideIntro => ("Ces données enregistrées n'ont pas pu être relues. Elles sont conservées telles quelles, hors de l'export : téléchargez-les pour les garder ou les faire examiner, puis effacez-les si vous le souhaitez.", "This stored data could not be read back. It is kept as it was, outside the export: download it to keep it or have it looked at, then erase it if you wish."),
        /// Field: the dispute is before a court.
        BeforeCourt => ("Ce litige est déjà devant un tribunal ou un autre médiateur", "This dispute is already before a court or another mediator"),
        /// Field: amount recovered.
        RecoveredLabel => ("Montant obtenu, en €", "Amount recovered, in €"),
        /// Button saving the recovered amount.
        SaveAmount => ("Enregistrer", "Save"),
        /// Button printing a case's file.
        PrintDossier => ("Imprimer le dossier", "Print the file"),
        /// Heading of the open cases on the home view.
        OpenCasesHeading => ("Vos dossiers en cours", "Your open cases"),
        /// After a count: open cases not listed on the home page.
        MoreOpenCases => ("autre(s) dossier(s) en cours.", "more open case(s)."),
        /// Link to the cases tab.
        SeeAllCases => ("Voir tous les dossiers", "See all cases"),
        /// Tab: the person's data.
        NavData => ("Mes données", "My data"),
        /// Heading of the data view.
        DataHeading => ("Vos données restent sur cet appareil", "Your data stays on this device"),
        /// What is stored where.
        DataIntro => ("Vos dossiers, vos échanges, vos forfaits et les factures lues sont enregistrés dans ce navigateur, sur cet appareil seulement. Les factures PDF ne sont jamais envoyées ni conservées : seul ce qui en a été lu est gardé.", "Your cases, exchanges, plans and the bills read are saved in this browser, on this device only. PDF bills are never sent or kept: only what was read from them is."),
        /// Why export.
        ExportReminder => ("Certains navigateurs (Safari notamment) effacent les données d'un site après 7 jours sans visite : exportez régulièrement vos données dans un fichier que vous gardez.", "Some browsers (Safari notably) erase a site's data after 7 days without a visit: export your data now and then to a file you keep."),
        /// Button going to the export, in the reminder.
        ExportNow => ("Exporter maintenant", "Export now"),
        /// Button dismissing the reminder to export.
        ReminderDismiss => ("Plus tard", "Later"),
        /// Button exporting everything.
        ExportButton => ("Exporter mes données (.json)", "Export my data (.json)"),
        /// Field importing a file.
        ImportLabel => ("Importer un fichier d'export", "Import an export file"),
        /// Button merging an import.
        ImportMerge => ("Fusionner avec mes données", "Merge with my data"),
        /// Button replacing with an import.
        ImportReplace => ("Remplacer mes données", "Replace my data"),
        /// Button cancelling.
        Cancel => ("Annuler", "Cancel"),
        /// Confirmation of an import.
        Imported => ("Import terminé ; la page a été rechargée pour tout afficher.", "Import done; the page was reloaded to show everything."),
        /// An imported file is not an export.
        ImportNotExport => ("Ce fichier n'est pas un export de Contestel.", "This file is not a Contestel export."),
        /// An imported file comes from a newer version.
        ImportTooNew => ("Cet export vient d'une version plus récente de Contestel : rechargez la page.", "This export comes from a newer Contestel: reload the page."),
        /// Followed by the field's path in the file.
        ImportOutOfBound => ("Cet export contient un montant hors limites (un milliard d'euros ou plus) : rien n'a été importé. Champ en cause :", "This export holds an amount out of bounds (a billion euros or more): nothing was imported. Field:"),
        /// An imported file is damaged.
        ImportDamaged => ("Cet export est endommagé : rien n'a été importé.", "This export is damaged: nothing was imported."),
        /// An imported file is larger than any export (followed by its size and the limit).
        ImportTooLarge => ("Ce fichier est trop gros pour être un export de Contestel : il n'a pas été lu, rien n'a été importé.", "This file is too large to be a Contestel export: it was not read, nothing was imported."),
        /// Before the largest size the import reads.
        ImportAtMost => ("au plus", "at most"),
        /// An imported file could not be read.
        ImportUnreadable => ("Ce fichier n'a pas pu être lu (déplacé, supprimé ou illisible) : rien n'a été importé.", "This file could not be read (moved, deleted or unreadable): nothing was imported."),
        /// An import was applied but part of it could not be saved.
        ImportedPartly => ("Import incomplet : les factures lues ou les données bancaires n'ont pas pu être enregistrées dans ce navigateur (stockage plein, bloqué, ou écrit par une version plus récente). Gardez le fichier d'export.", "Import incomplete: the bills read or the bank data could not be saved in this browser (storage full, blocked, or written by a newer version). Keep the export file."),
        /// The export file could not be written.
        ExportFailed => ("L'export n'a pas pu être préparé : aucun fichier n'a été téléchargé.", "The export could not be prepared: no file was downloaded."),
        /// The browser refused a download.
        DownloadFailed => ("Le navigateur a refusé le téléchargement : aucun fichier n'a été enregistré. Réessayez, ou copiez le texte.", "The browser refused the download: no file was saved. Try again, or copy the text."),
        /// Button erasing everything.
        EraseAll => ("Tout effacer de cet appareil", "Erase everything from this device"),
        /// Confirmation before erasing.
        ConfirmErase => ("Effacer définitivement de cet appareil vos dossiers, vos forfaits, les factures lues et les données mises de côté ? Pensez à exporter d'abord.", "Erase your cases, plans, the bills read and the data set aside from this device for good? Export first."),
        /// Confirmation of erasing.
        Erased => ("Tout a été effacé de cet appareil ; la page a été rechargée.", "Everything was erased from this device; the page was reloaded."),
        /// The browser will keep the data.
        PersistGranted => ("Le navigateur s'engage à conserver ces données (stockage persistant accordé).", "The browser will keep this data (persistent storage granted)."),
        /// The browser may evict the data.
        PersistDenied => ("Le navigateur peut effacer ces données s'il manque de place : exportez-les.", "The browser may erase this data when short of space: export it."),
        /// Tab: the plan.
        NavPlan => ("Mon forfait", "My plan"),
        /// Heading of the plan view.
        PlanHeading => ("Votre forfait, tel que prévu au contrat", "Your plan, as in the contract"),
        /// What the plan is for.
        PlanIntro => ("Contestel compare chaque facture à ce que prévoit votre contrat : prix, promotion et sa fin, options souscrites. Sans forfait saisi, seules les lignes suspectes par nature sont signalées.", "Contestel compares each bill with your contract: price, promotion and its end, options. Without a plan, only lines suspicious by nature are flagged."),
        /// Field: the plan's name.
        PlanName => ("Nom du forfait", "Plan name"),
        /// Field: the line number.
        PlanLine => ("Numéro de ligne ou de box", "Line or box number"),
        /// Field: the monthly price.
        MonthlyPrice => ("Prix mensuel du contrat (hors promotion), en €", "Monthly contract price (without promotion), in €"),
        /// Field: the promotional price.
        PromoPrice => ("Prix pendant la promotion, en €", "Price during the promotion, in €"),
        /// Field: the promotion's last day.
        PromoUntil => ("Fin de la promotion (dernier jour)", "End of the promotion (last day)"),
        /// Heading: the options.
        OptionsHeading => ("Options souscrites", "Options subscribed"),
        /// Field: an option's name.
        OptionName => ("Option", "Option"),
        /// Field: an option's price.
        OptionPrice => ("Prix mensuel, en €", "Monthly price, in €"),
        /// Button adding an option.
        AddOption => ("Ajouter une option", "Add an option"),
        /// Button removing an option.
        RemoveOption => ("Retirer l'option", "Remove the option"),
        /// Field: premium numbers blocked.
        BlockedPremium => ("J'ai demandé le blocage des numéros surtaxés", "I asked for premium numbers to be blocked"),
        /// Field: third-party billing blocked.
        BlockedThirdParty => ("J'ai demandé le blocage des achats par des tiers", "I asked for third-party billing to be blocked"),
        /// Button saving the plan.
        SavePlan => ("Enregistrer le forfait", "Save the plan"),
        /// Confirmation the plan was saved.
        PlanSaved => ("Forfait enregistré : les factures sont vérifiées avec lui.", "Plan saved: bills are checked against it."),
        /// Button filling the plan from a bill.
        PrefillFromBill => ("Pré-remplir depuis la dernière facture lue", "Fill in from the last bill read"),
        /// Note after filling from a bill.
        PrefillNote => ("Vérifiez ces valeurs avec votre contrat avant d'enregistrer : la facture peut elle-même être fausse.", "Check these values against your contract before saving: the bill itself may be wrong."),
        /// Heading of the options a bill charges, offered to tick.
        BilledOptions => ("Options facturées sur cette facture : cochez celles de votre contrat", "Options charged on this bill: tick those in your contract"),
        /// Why they are not ticked already.
        BilledOptionsHint => ("Une option que vous n'avez pas demandée est justement ce que Contestel signale : ne cochez que celles que vous avez souscrites.", "An option you never asked for is just what Contestel flags: tick only those you subscribed to."),
        /// Button filling a new plan from the bill the person came from.
        PrefillFromThisBill => ("Pré-remplir depuis cette facture", "Fill in from this bill"),
        /// A line that is a box, its bill printing no number.
        LineBox => ("box", "box"),
        /// A line that is a mobile, its bill printing no number.
        LineMobile => ("mobile", "mobile"),
        /// Before a line's number.
        LineNumbered => ("ligne", "line"),
        /// Said before the bill a new plan was filled in from.
        PrefilledFrom => ("Pré-rempli depuis la facture :", "Filled in from the bill:"),
        /// Heading on a bill whose line no plan is surely for.
        LineWithoutPlan => ("Quel forfait pour cette ligne ?", "Which plan is this line's?"),
        /// Why it matters.
        LineWithoutPlanText => ("Aucun de vos forfaits n'est sûrement celui de cette ligne (son numéro, box ou mobile, son opérateur) : ce qui se compare au contrat — prix, options, blocages — n'est pas vérifié sur cette facture.", "None of your plans is surely this line's (its number, box or mobile, its operator): what is compared with the contract (prices, options, blocks) is not checked on this bill."),
        /// Button opening a new plan filled in from this bill.
        CreateLinePlan => ("Créer le forfait de cette ligne", "Create this line's plan"),
        /// A field holds no valid amount.
        InvalidAmount => ("Montant invalide", "Invalid amount"),
        /// Heading of the findings.
        FindingsHeading => ("Ce qui semble anormal", "What looks wrong"),
        /// Amount at stake.
        AtStake => ("En jeu", "At stake"),
        /// The amount at stake on a bill whose reading does not add up.
        AtStakeIfRight => ("En jeu si la lecture est juste", "At stake if the reading is right"),
        /// No finding.
        NoFindings => ("Rien d'anormal n'a été repéré sur ces factures.", "Nothing wrong was spotted on these bills."),
        /// Hint when no plan is entered.
        NoPlanHint => ("Saisissez votre forfait pour vérifier aussi les prix et les options.", "Enter your plan to check prices and options too."),
        /// Filter: every finding.
        FilterAll => ("Tout", "All"),
        /// Label: what to do.
        WhatToDo => ("Que faire :", "What to do:"),
        /// Button disputing a finding.
        ContestFinding => ("Contester", "Dispute"),
        // --- Routing, timeline, charts and uploads (issue 6) ---
        /// Tab: the home page.
        NavHome => ("Accueil", "Home"),
        /// Heading of the bills over time.
        TimelineHeading => ("Vos factures dans le temps", "Your bills over time"),
        /// Link from the home page to the bills over time.
        TimelineLink => ("Voir vos factures dans le temps", "See your bills over time"),
        /// After a count: findings left under the ones of the year on the home page.
        OlderFindings => (
            "constat(s) portent sur des factures de plus d'un an.",
            "finding(s) concern bills more than a year old."
        ),
        /// After a count: findings of the year not listed on the home page.
        MoreRecentFindings => (
            "autre(s) constat(s) sur les factures de l'année.",
            "more finding(s) on this year's bills."
        ),
        /// After a count: bills kept from earlier visits not listed on the home page.
        MoreUploads => (
            "autre(s) facture(s) gardée(s) de vos visites précédentes.",
            "more bill(s) kept from your earlier visits."
        ),
        /// Shows what a line above counts.
        ShowThem => ("Les afficher", "Show them"),
        /// Hides them again.
        HideThem => ("Les masquer", "Hide them"),
        /// No bill was read yet.
        NoBillsYet => ("Aucune facture n'a encore été lue.", "No bill has been read yet."),
        /// Link back to the home page.
        GoHome => ("Retour à l'accueil", "Back to the home page"),
        /// Heading when a link leads nowhere.
        NotFoundHeading => ("Page introuvable", "Page not found"),
        /// A link leads nowhere.
        NotFoundText => ("Cette adresse ne mène à rien dans Contestel.", "This address leads nowhere in Contestel."),
        /// A link to a bill that is not here.
        BillNotFound => ("Cette facture n'est pas (ou plus) enregistrée dans ce navigateur.", "This bill is not (or no longer) kept in this browser."),
        /// A link to a case that is not here.
        CaseNotFound => ("Ce dossier n'est pas (ou plus) enregistré dans ce navigateur.", "This case is not (or no longer) kept in this browser."),
        /// Link to every bill.
        BackToBills => ("Toutes les factures", "All bills"),
        /// Link opening one bill.
        OpenBill => ("Voir la facture", "View the bill"),
        /// Summary of a read bill's folded details on the home page.
        BillDetails => ("Détail de la facture lue", "Details of the bill read"),
        /// Status of a file waiting for its turn.
        Queued => ("En attente", "Waiting"),
        /// Label of a file's progress bar.
        ReadingFile => ("Lecture du fichier", "Reading the file"),
        /// Status of a bill read before.
        AlreadyRead => ("Facture déjà lue", "Bill already read"),
        /// Why a bill read before is not added again; the file name follows.
        AlreadyReadFrom => ("Cette facture est déjà dans vos factures : elle n'est pas ajoutée une deuxième fois. Lue depuis :", "This bill is already among your bills: it is not added a second time. Read from:"),
        /// Title of the monthly chart; the line follows.
        MonthlyChartTitle => ("Total de chaque mois, ligne", "Monthly total, line"),
        /// Description of the monthly chart.
        MonthlyChartDesc => ("Une barre par facture, du mois le plus ancien au plus récent. La partie hachurée et marquée d'un ⚠ est le montant signalé comme anormal.", "One bar per bill, from the oldest month to the newest. The hatched part marked ⚠ is the amount flagged as wrong."),
        /// Title of the split of a bill.
        SplitTitle => ("Répartition de la facture par catégorie", "Split of the bill by category"),
        /// Description of the split of a bill.
        SplitDesc => ("Une barre par catégorie, la plus grosse en premier. La partie hachurée et marquée d'un ⚠ est signalée comme anormale.", "One bar per category, the largest first. The hatched part marked ⚠ is flagged as wrong."),
        /// Shows the numbers behind a chart.
        ShowNumbers => ("Voir les chiffres du graphique", "Show the chart's numbers"),
        /// Column header: month.
        MonthColumn => ("Mois", "Month"),
        /// Column header: amount flagged.
        FlaggedColumn => ("Signalé", "Flagged"),
        /// Column header: share.
        ShareColumn => ("Part", "Share"),
        /// Discounts and credits of a bill.
        DiscountsLabel => ("Remises et avoirs", "Discounts and credits"),
        /// Button printing a bill.
        PrintBill => ("Imprimer la facture", "Print the bill"),
        /// Legend of the hatched part of a chart.
        FlaggedLegend => ("Hachuré ⚠ : montant signalé", "Hatched ⚠: amount flagged"),
        /// Bills without a period, on the timeline.
        UndatedBills => ("Sans date", "Undated"),
        /// A line that could not be read.
        UnknownLine => ("Ligne non lue", "Line not read"),
        /// After a count: how many times a finding repeats.
        Times => ("fois", "times"),
        /// Summary of the charges a grouped finding covers.
        EachCharge => ("Le détail, charge par charge", "Each charge in detail"),
        /// A new version of the app is ready.
        UpdateAvailable => ("Nouvelle version disponible —", "New version available —"),
        /// Button loading the new version.
        UpdateReload => ("recharger", "reload"),
        /// Heading of the table of what is stored.
        StoredHeading => ("Ce qui est enregistré dans ce navigateur", "What is stored in this browser"),
        /// Stored: the cases and exchanges.
        StoredJournal => ("Dossiers et échanges", "Cases and exchanges"),
        /// Stored: the plans.
        StoredPlans => ("Forfaits", "Plans"),
        /// Stored: the bills read.
        StoredBills => ("Factures lues (ce qui en a été lu, jamais le PDF)", "Bills read (what was read from them, never the PDF)"),
        /// Stored: anything else of the app's.
        StoredOther => ("Autres réglages", "Other settings"),
        /// Total of what is stored, against localStorage's limit.
        StoredTotal => ("Total dans le stockage local, sur ce qu'il permet", "Total in local storage, of what it allows"),
        /// Column heading: a size.
        SizeColumn => ("Taille", "Size"),
        /// Column heading of the stored-data table: what each row is.
        StoredItemColumn => ("Donnée", "Data"),
        /// The browser's estimate for the whole site, against its quota.
        SiteEstimate => ("Tout le site, copie hors ligne de l'application comprise (estimation du navigateur) :", "The whole site, offline copy of the app included (the browser's estimate):"),
        /// "of", between a size and its limit.
        OutOf => ("sur", "of"),
        // --- The law, to the day (issue 13) ---
        /// Heading of what the law needs to know about a case.
        LawHeading => ("Ce que la loi demande de savoir", "What the law needs from you"),
        /// What those fields are for.
        LawIntro => ("Ces informations changent les délais et les conseils : elles figurent sur votre contrat, vos factures ou les réponses reçues.", "These details change the deadlines and the advice: they are on your contract, your bills or the answers you received."),
        /// Field: the day the contract was made.
        ContractStart => ("Date de conclusion du contrat", "Day the contract was made"),
        /// Field: whether the operator has a second complaint level.
        SecondLevelLabel => ("Service consommateurs (2e niveau de réclamation)", "Consumer service (second complaint level)"),
        /// Second level: not known.
        SecondLevelUnknown => ("Je ne sais pas", "I don't know"),
        /// Second level: the operator has one.
        SecondLevelYes => ("L'opérateur en a un", "The operator has one"),
        /// Second level: the operator has none.
        SecondLevelNo => ("L'opérateur n'en a pas", "The operator has none"),
        /// Field: the channel the contract names for complaints.
        ComplaintChannelLabel => ("Canal prévu par le contrat pour les réclamations", "Channel the contract names for complaints"),
        /// A choice not made yet.
        NotEntered => ("Non renseigné", "Not entered"),
        /// Field: where complaints go, as in the contract.
        ComplaintAddress => ("Adresse, e-mail ou formulaire de réclamation (tel que dans le contrat)", "Complaint address, e-mail or form (as in the contract)"),
        /// Field: paid by direct debit.
        DirectDebit => ("Les montants contestés ont été payés par prélèvement", "The disputed amounts were paid by direct debit"),
        /// Field: the day a price change was notified.
        PriceNoticeOn => ("Date de l'information d'une hausse de prix (s'il y en a une)", "Day a price change was notified (if any)"),
        /// Button saving those details.
        SaveCaseDetails => ("Enregistrer ces informations", "Save these details"),
        /// Field: the day a disputed amount was paid.
        LinePaidOn => ("Payé le", "Paid on"),
        /// Field: the day a sum the operator claims fell due.
        LineDueOn => ("Exigible le (somme réclamée par l'opérateur)", "Due on (a sum the operator claims)"),
        /// Field: the day the operator claimed that sum.
        LineClaimedOn => ("Réclamée par l'opérateur le", "Claimed by the operator on"),
        /// Summary of a disputed line's dates.
        LineDates => ("Dates de cette ligne", "This line's dates"),
        /// Field: the Médiateur's step an exchange records.
        MilestoneLabel => ("Étape chez le Médiateur", "Step with the ombudsman"),
        /// The referral itself.
        MilestoneReferral => ("Saisine", "Referral"),
        /// The notice that it has the file.
        MilestoneFileComplete => ("Avis de saisine (dossier reçu)", "Notice that it has the file"),
        /// The proposed solution.
        MilestoneProposal => ("Proposition de solution", "Proposed solution"),
        /// The file refused as inadmissible.
        MilestoneRejected => ("Dossier refusé (irrecevable)", "File refused (inadmissible)"),
        /// The mediation declared over.
        MilestoneEnded => ("Fin de la médiation", "End of the mediation"),
        /// Field: how a letter is sent.
        LetterChannel => ("Envoyée par", "Sent by"),
        /// Letter kind.
        LetterFormalNotice => ("Mise en demeure (avant le tribunal)", "Formal notice (before court)"),
        /// Letter kind.
        LetterThirdPartyRefund => ("Remboursement d'achats de tiers ou SMS+ (fournisseur et opérateur)", "Refund of third-party or SMS+ charges (supplier and operator)"),
        /// Letter kind.
        LetterPriceChangeTermination => ("Résiliation sans frais après une hausse de prix", "Termination without fees after a price change"),
        /// Letter kind.
        LetterItemisedBill => ("Demande de facture détaillée (gratuite)", "Request for the itemised bill (free)"),
        /// Letter kind.
        LetterConsentProof => ("Demande de preuve de consentement à une option", "Request for proof of consent to an option"),
        /// Letter kind.
        LetterBankDebit => ("À la banque : remboursement d'un prélèvement", "To the bank: refund of a direct debit"),
        /// Heading of the notes before sending a letter.
        BeforeSending => ("Avant d'envoyer", "Before sending"),
        /// Said in the English interface above a letter, which stays French.
        LetterStaysFrench => ("La lettre est en français.", "This letter is in French on purpose: it goes to a French operator or body, in the language of the contract."),
        /// Button exporting a case's deadlines.
        CalendarExport => ("Ajouter les échéances à mon agenda (.ics)", "Add the deadlines to my calendar (.ics)"),
        /// Heading of what is due this week.
        DueThisWeek => ("À faire cette semaine", "Due this week"),
        /// Tab: the legal sources.
        NavSources => ("Sources", "Sources"),
        /// Heading of the sources page.
        SourcesHeading => ("Les textes sur lesquels Contestel s'appuie", "The texts Contestel relies on"),
        /// What the sources page is.
        SourcesIntro => ("Chaque constat et chaque conseil renvoie ici : le texte, ce qu'il dit en une phrase, où le lire, et comment nous l'avons vérifié. Une date n'est donnée que pour ce que nous avons lu à la source même (Légifrance, service-public.fr, le site de l'organisme), dans la version que la page montrait ; ce que nous n'avons pas pu y lire est signalé. Contestel vous informe ; il ne donne pas de conseil juridique.", "Every finding and every piece of advice links here: the text, what it says in one sentence, where to read it, and how we checked it. A date is given only for what we read at the source itself (Legifrance, service-public.fr, the body's own site), in the version the page showed; what we could not read there is said. Contestel informs you; it does not give legal advice."),
        /// Before the day a source was checked.
        CheckedOn => ("Vérifié à la source le", "Checked at the source on"),
        /// What of a legal entry could not be read at its source.
        NotCheckedAtSource => ("Non vérifié à la source", "Not checked at the source"),
        /// Link to a source's official page.
        ReadSource => ("Lire le texte", "Read the text"),
        /// Before the links to a finding's or a step's sources.
        SourcesLabel => ("Sources :", "Sources:"),
        /// Link from a view to the sources page.
        ToSources => ("Les textes cités", "The texts cited"),
        // --- Bills against the bank statement (issue 17) ---
        /// Tab: bills against the bank statement.
        NavBank => ("Banque", "Bank"),
    }
}

catalogue! {
    /// The bank view's own texts, apart from [`Text`]: only the bank tab shows them.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum BankText {
        /// Mapping: the amount column.
        AmountColumnLabel => ("Colonne du montant", "Amount column"),
        /// Mapping: a debit and a credit column.
        AmountDebitCredit => ("Une colonne de débits et une de crédits", "A debit column and a credit column"),
        /// Mapping: one signed column or debit and credit.
        AmountShapeLabel => ("Montants", "Amounts"),
        /// Mapping: one signed amount column.
        AmountSigned => ("Une colonne, négative pour un débit", "One column, negative for a debit"),
        /// Description of that chart.
        BankChartDesc => ("Pour chaque mois, la barre pleine est le montant des factures et la barre hachurée ce qui a été prélevé ; ⚠ marque un mois où les deux diffèrent.", "For each month, the solid bar is what the bills asked and the hatched bar what was debited; ⚠ marks a month where they differ."),
        /// Title of the billed against debited chart, before the line.
        BankChartTitle => ("Facturé et prélevé par mois —", "Billed and debited by month —"),
        /// Heading of the bank view.
        BankHeading => ("Factures et relevé bancaire", "Bills and bank statement"),
        /// What the bank view does with a statement.
        BankIntro => ("Votre relevé est lu ici, dans ce navigateur : rien n'est envoyé. Seuls les prélèvements et remboursements des opérateurs télécom sont gardés ; toutes les autres opérations sont écartées dès la lecture et ne sont jamais enregistrées.", "Your statement is read here, in this browser: nothing is sent. Only the telecom operators' debits and refunds are kept; every other operation is dropped as soon as it is read and never stored."),
        /// When no bill is read yet.
        BankNeedsBills => ("Chargez aussi vos factures : les prélèvements sont comparés aux factures lues.", "Load your bills too: debits are compared with the bills read."),
        /// Legend: billed.
        BilledLegend => ("Facturé", "Billed"),
        /// The statement picker.
        ChooseStatement => ("Choisir un relevé (CSV ou OFX)", "Choose a statement (CSV or OFX)"),
        /// A column without a name, before its number.
        ColumnNumber => ("Colonne", "Column"),
        /// Confirmation before erasing them.
        ConfirmForgetDebits => ("Effacer les opérations bancaires gardées ? Vos correspondances de colonnes et d'opérateurs restent.", "Erase the bank operations kept? Your column and operator choices stay."),
        /// Mapping: the credit column.
        CreditColumnLabel => ("Colonne des crédits", "Credit column"),
        /// Column header: date.
        DateColumn => ("Date", "Date"),
        /// Mapping: the date column.
        DateColumnLabel => ("Colonne de la date", "Date column"),
        /// Mapping: the debit column.
        DebitColumnLabel => ("Colonne des débits", "Debit column"),
        /// Legend: debited.
        DebitedLegend => ("Prélevé", "Debited"),
        /// Column header: debited minus billed.
        DifferenceColumn => ("Écart", "Difference"),
        /// Legend: a difference.
        DifferenceLegend => ("⚠ prélevé différent du facturé", "⚠ debited differs from billed"),
        /// Button erasing the operations kept.
        ForgetDebits => ("Effacer les opérations gardées", "Erase the operations kept"),
        /// Button keeping the telecom operations.
        KeepTelecom => ("Garder les opérations télécom et comparer", "Keep the telecom operations and compare"),
        /// Heading of the operations kept.
        KeptHeading => ("Opérations télécom gardées", "Telecom operations kept"),
        /// Mapping: the label column.
        LabelColumnLabel => ("Colonne du libellé", "Label column"),
        /// How to correct the columns.
        MappingHint => ("Si une colonne est mal choisie, corrigez-la : votre choix est retenu pour les relevés de cette banque.", "If a column is wrong, correct it: your choice is remembered for this bank's statements."),
        /// Every debit matches its bill.
        NoBankFindings => ("Chaque prélèvement comparé correspond à sa facture.", "Every debit compared matches its bill."),
        /// Nothing kept yet.
        NoDebitsKept => ("Aucune opération télécom gardée pour l'instant.", "No telecom operation kept yet."),
        /// An operation no operator is known for.
        NotTelecom => ("écartée", "dropped"),
        /// Column header: an operation's amount on the statement.
        OperationAmount => ("Montant", "Amount"),
        /// Heading of the first operations read.
        PreviewHeading => ("Premières opérations lues", "First operations read"),
        /// While a statement is read.
        ReadingStatement => ("Lecture du relevé…", "Reading the statement…"),
        /// Heading of the comparison.
        ResultsHeading => ("Prélèvements comparés aux factures", "Debits compared with the bills"),
        /// Column header: what matching made of it.
        StateColumn => ("Rapprochement", "Match"),
        /// Where a statement comes from.
        StatementHint => ("Exportez-le depuis l'espace client de votre banque, au format CSV (tableur) ou OFX (Money, Quicken).", "Export it from your bank's website, as CSV (spreadsheet) or OFX (Money, Quicken)."),
        /// Heading of the recurring debits not recognised.
        TieHeading => ("Prélèvements réguliers non reconnus", "Recurring debits not recognised"),
        /// What tying a debit to an operator does.
        TieHint => ("Si l'un d'eux est celui d'un opérateur télécom, dites lequel : il sera gardé, et reconnu la prochaine fois.", "If one of them is a telecom operator's, say which: it will be kept, and recognised next time."),
        /// The choice: not an operator.
        TieNone => ("Pas un opérateur", "Not an operator"),
        /// Heading of the preview.
        UnderstoodHeading => ("Ce qui a été compris", "What was understood"),
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
