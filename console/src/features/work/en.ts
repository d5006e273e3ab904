/** English of the customer subscriptions' pages, keyed by their French. */
export default {
  // labels.ts
  'En attente': 'Pending',
  Affecté: 'Assigned',
  'Rendez-vous pris': 'Appointment booked',
  'Installé, à réceptionner': 'Installed, to accept',
  Réceptionné: 'Accepted',
  'Refusé avec réserves': 'Rejected with reserves',
  Échoué: 'Failed',
  Annulé: 'Cancelled',
  Création: 'Creation',
  Modification: 'Change',
  'Changement d’état': 'Change of status',
  'Client absent': 'Customer absent',
  'Pas d’infrastructure (aucun PBO à portée)': 'No infrastructure (no PBO in reach)',
  'Refus du client': 'Customer refused',
  'Accès refusé': 'Access denied',
  'Autre (à préciser)': 'Other (to be explained)',
  // CustomerSubscriptionsPage.tsx
  'Importer un fichier CSV': 'Import a CSV file',
  'Nouvelle commande': 'New order',
  Statut: 'Status',
  Tous: 'All',
  'Raccordements : {{total}}': 'Connections: {{total}}',
  'Aucun raccordement ne correspond.': 'No connection matches.',
  '{{name}} (désactivé)': '{{name}} (disabled)',
  // CustomerSubscriptionsTable.tsx
  Commande: 'Order',
  Client: 'Customer',
  Commune: 'Commune',
  Contractant: 'Contractor',
  Technicien: 'Technician',
  Depuis: 'Since',
  'Rendez-vous': 'Appointment',
  // CustomerSubscriptionPage.tsx
  'Raccordement introuvable': 'Connection not found',
  'Aucun raccordement n’a l’identifiant « {{id}} », ou il est hors de votre périmètre.':
    'No connection has the id “{{id}}”, or it is outside your scope.',
  'Retour aux raccordements': 'Back to the connections',
  'Commande {{reference}}': 'Order {{reference}}',
  'depuis le {{instant}}': 'since {{instant}}',
  'non visible pour votre rôle': 'not visible to your role',
  Téléphone: 'Phone',
  Adresse: 'Address',
  Offre: 'Offer',
  'Commandé le': 'Ordered on',
  Site: 'Site',
  'Rendez-vous (heure d’Alger)': 'Appointment (Algiers time)',
  'Motif de l’échec': 'Reason for the failure',
  'Toute la firme (aucun technicien désigné)': 'The firm as a whole (no technician named)',
  'Rapport d’installation': 'Installation report',
  'Pas encore de rapport.': 'No report yet.',
  Historique: 'History',
  'Aucun événement.': 'No event.',
  // InstallationReportDetails.tsx
  'Dans le seuil': 'Within the threshold',
  'Hors seuil': 'Outside the threshold',
  'Aucun seuil configuré pour cette classe': 'No threshold configured for this class',
  'Installé le': 'Installed on',
  '{{instant}} par {{technician}}': '{{instant}} by {{technician}}',
  'Classe du réseau': 'Network class',
  'Contrôle qualité': 'Quality check',
  'Dans les seuils': 'Within the thresholds',
  'Hors seuils': 'Outside the thresholds',
  'Travaux mesurés': 'Work measured',
  Remarques: 'Remarks',
  'Mesures optiques et seuils de la classe {{networkClass}}':
    'Optical measurements and the thresholds of class {{networkClass}}',
  Mesure: 'Measurement',
  Valeur: 'Value',
  Seuil: 'Threshold',
  Verdict: 'Verdict',
  'Puissance reçue à l’ONT (1490 nm)': 'Power received at the ONT (1490 nm)',
  'de {{min}} à {{max}}': 'from {{min}} to {{max}}',
  'Perte d’épissure': 'Splice loss',
  'Non mesurée': 'Not measured',
  'au plus {{max}}': 'at most {{max}}',
  'Les seuils sont ceux configurés aujourd’hui pour la classe ; le contrôle qualité est le verdict rendu à l’enregistrement du rapport.':
    'The thresholds are those configured today for the class; the quality check is the verdict given when the report was recorded.',
  // WorkActions.tsx
  Affecter: 'Assign',
  Réaffecter: 'Reassign',
  'Désigner le technicien': 'Name the technician',
  'Technicien de {{contractor}}': 'Technician of {{contractor}}',
  'Planifier le rendez-vous': 'Book the appointment',
  'Déplacer le rendez-vous': 'Move the appointment',
  Réceptionner: 'Accept',
  'Refuser avec réserves': 'Reject with reserves',
  'Déclarer en échec': 'Declare a failure',
  'Annuler la commande': 'Cancel the order',
  'Choisissez le contractant.': 'Choose the contractor.',
  'Indiquez la date et l’heure du rendez-vous.': 'Give the date and time of the appointment.',
  'Cette date et heure n’existe pas à Alger.': 'This date and time does not exist in Algiers.',
  'Le rendez-vous doit être à venir, dans l’année.': 'The appointment must be ahead, within a year.',
  'Le rendez-vous doit suivre la commande.': 'The appointment must come after the order.',
  'Les mesures sont hors seuils : justifiez la réception.':
    'The measurements are outside the thresholds: justify the acceptance.',
  'Indiquez au moins une réserve, une par ligne.': 'Give at least one reserve, one per line.',
  'Choisissez le motif de l’échec.': 'Choose the reason for the failure.',
  'Précisez le motif : « Autre » demande une explication.': 'Explain the reason: “Other” needs an explanation.',
  'Indiquez la raison : elle est gardée dans l’historique.': 'Give the reason: it is kept in the history.',
  'Raison (facultative, par exemple pourquoi le rendez-vous change)':
    'Reason (optional, e.g. why the appointment moves)',
  'Justification (obligatoire si hors seuils)': 'Justification (required when outside the thresholds)',
  'Réserves (une par ligne)': 'Reserves (one per line)',
  'Précisions (obligatoires pour « Autre »)': 'Details (required for “Other”)',
  'Raison (gardée dans l’historique)': 'Reason (kept in the history)',
  'Ce raccordement fait partie du site {{code}}, dont le statut est « {{status}} » : son travail ne s’affecte que lorsque le site est affecté ou en cours.':
    'This connection belongs to site {{code}}, whose status is “{{status}}”: its work is assigned only while the site is assigned or in progress.',
  'Voir le site': 'See the site',
  'Le travail d’un site va au contractant du site : {{contractor}}.':
    'The work of a site goes to the site’s contractor: {{contractor}}.',
  'Le contractant du site {{code}} n’est pas visible pour votre rôle.':
    'The contractor of site {{code}} is not visible to your role.',
  'Contractant (actifs dans la wilaya)': 'Contractor (active in the wilaya)',
  'Choisir…': 'Choose…',
  'Le rendez-vous du {{instant}} sera annulé : le contractant prendra le sien.':
    'The appointment of {{instant}} will be dropped: the contractor will book its own.',
  Confirmer: 'Confirm',
  Fermer: 'Close',
  // TechnicianSelect.tsx
  'Cette firme n’a aucun technicien actif : son administrateur en crée dans « Accès ».':
    'This firm has no active technician: its admin creates them in “Access”.',
  // NewCustomerSubscriptionPage.tsx
  'est obligatoire': 'is required',
  'La commande ne peut pas être dans le futur.': 'The order cannot be in the future.',
  'Seuls un administrateur et un responsable DOT enregistrent des commandes.':
    'Only an administrator and a DOT manager record orders.',
  'Référence de la commande (AT)': 'Order reference (AT)',
  'Nom du client': 'Customer’s name',
  'Téléphone du client': 'Customer’s phone',
  'Adresse du logement': 'Address of the home',
  'Offre (ex. IDOOM FIBRE 300 Mbps)': 'Offer (e.g. IDOOM FIBRE 300 Mbps)',
  'Site (facultatif)': 'Site (optional)',
  'Aucun site': 'No site',
  'Choisissez d’abord la wilaya': 'Choose the wilaya first',
  'Seuls les 100 premiers sites de la wilaya, par code, sont proposés.':
    'Only the wilaya’s first 100 sites, by code, are offered.',
  'Commandé le (heure d’Alger ; vide : maintenant)': 'Ordered on (Algiers time; empty: now)',
  'Enregistrement…': 'Saving…',
  'Enregistrer la commande': 'Record the order',
  // ImportCustomerSubscriptionsPage.tsx and importColumns.ts
  'Importer des commandes': 'Import orders',
  'Seul un administrateur peut importer des commandes.': 'Only an administrator may import orders.',
  'Le carnet de commandes d’AT en fichier CSV (UTF-8, séparé par des virgules ou des points-virgules), une ligne d’en-tête puis une commande par ligne. Tout ou rien : si une seule ligne pose problème, aucune commande n’est enregistrée. Une référence déjà enregistrée est laissée telle quelle ; chaque commande importée attend son affectation.':
    'AT’s order backlog as a CSV file (UTF-8, separated by commas or semicolons): a header line, then one order a line. All or nothing: if a single line has a problem, no order is saved. A reference already recorded is left as it is; every order imported awaits its assignment.',
  'Fichier refusé : aucune commande n’a été enregistrée.': 'File refused: no order was saved.',
  'Commandes créées : {{count}}': 'Orders created: {{count}}',
  'Déjà enregistrées (même référence), laissées inchangées : {{count}}':
    'Already recorded (same reference), left unchanged: {{count}}',
  'Ce fichier n’était pas en UTF-8 : il a été lu comme un fichier Excel pour Windows (Windows-1252). Vérifiez les accents des commandes créées.':
    'This file was not UTF-8: it was read as an Excel file for Windows (Windows-1252). Check the accents of the orders created.',
  'Référence de la commande chez AT : 3 à 40 lettres, chiffres, « / », « - » ou « _ » ; unique':
    'AT’s order reference: 3 to 40 letters, digits, “/”, “-” or “_”; unique',
  'Téléphone du client, numéro algérien (ex. 0550 12 34 56 ou +213 550 12 34 56)':
    'Customer’s phone, an Algerian number (e.g. 0550 12 34 56 or +213 550 12 34 56)',
  'Identifiant de la commune du logement': 'Id of the commune of the home',
  'Offre commandée (ex. IDOOM FIBRE 300 Mbps)': 'Offer ordered (e.g. IDOOM FIBRE 300 Mbps)',
  'Code du site, de la même wilaya, qui n’est ni terminé ni clos':
    'Code of the site, in the same wilaya, neither completed nor closed',
  'Date et heure de la commande, ISO 8601 avec son décalage (ex. 2026-11-02T08:30:00+01:00) ; vide : l’heure de l’import':
    'Date and time of the order, ISO 8601 with its offset (e.g. 2026-11-02T08:30:00+01:00); empty: the time of the import',
  // CustomerSubscriptionsPage.tsx
  'Rechercher (référence, client ou téléphone)': 'Search (reference, customer or phone)',
  // CustomerSubscriptionsPage.tsx: the empty list
  'Aucun raccordement pour l’instant.': 'No connection yet.',
  'Enregistrez une commande, ou importez celles d’un fichier CSV.':
    'Record an order, or import orders from a CSV file.',
  'Les raccordements apparaîtront ici dès que des commandes vous seront confiées.':
    'Connections will appear here as soon as orders are entrusted to you.',
} satisfies Record<string, string>;
