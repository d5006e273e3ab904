/** English of the field view (console/src/features/field), keyed by its French. */
export default {
  // Layout.tsx (the field view's link)
  Terrain: 'Field',
  // FieldWorkPage.tsx
  'Réserves à lever': 'Reserves to lift',
  // labels.ts
  'Photo du PBO': 'Photo of the PBO',
  'Photo de la PTO': 'Photo of the PTO',
  'Photo de l’écran du mesureur de puissance': 'Photo of the power meter’s screen',
  'Photo de l’ONT': 'Photo of the ONT',
  'Photo de l’obstacle': 'Photo of the obstacle',
  'Signature du client': 'Customer’s signature',
  'Autre photo': 'Other photo',
  'GPON classe B+': 'GPON class B+',
  'GPON classe C+': 'GPON class C+',
  'unité(s)': 'unit(s)',
  'mètre(s)': 'metre(s)',
  'forfait(s)': 'flat rate(s)',
  // field-names.ts
  'Heure de l’installation': 'Installation time',
  Position: 'Position',
  Précisions: 'Details',
  'Version du travail': 'Version of the work',
  Photos: 'Photos',
  'Numéro de série de l’ONT': 'ONT serial number',
  'Raison de l’absence de signature': 'Why there is no signature',
  // report.ts
  'Indiquez la quantité.': 'Give the quantity.',
  'Quantité : un nombre, par exemple 42,5.': 'Quantity: a number, e.g. 42.5.',
  'La quantité doit être supérieure à 0.': 'The quantity must be more than 0.',
  'Cet article se compte en nombre entier.': 'This item is counted in whole numbers.',
  // FieldListPage.tsx
  'En retard': 'Overdue',
  'Aujourd’hui': 'Today',
  Demain: 'Tomorrow',
  'Sans rendez-vous': 'No appointment',
  'Rapport en attente d’envoi': 'Report waiting to be sent',
  Appeler: 'Call',
  Itinéraire: 'Directions',
  'Mon travail': 'My work',
  Actualiser: 'Refresh',
  'Mes rendez-vous': 'My appointments',
  'Rapport envoyé : {{name}} ({{reference}}).': 'Report sent: {{name}} ({{reference}}).',
  'Déclaration d’échec envoyée : {{name}} ({{reference}}).': 'Failure declaration sent: {{name}} ({{reference}}).',
  'Le bureau et la DOT le voient.': 'The office and the DOT see it.',
  Masquer: 'Hide',
  'Enregistré sur ce téléphone : il partira tout seul au retour du réseau.':
    'Saved on this phone: it will go out by itself when the network returns.',
  'Hors connexion : travail tel que chargé le {{instant}}.': 'Offline: the work as loaded on {{instant}}.',
  'Hors connexion, et aucun travail chargé sur ce téléphone : ouvrez cette page une fois avec du réseau.':
    'Offline, and no work loaded on this phone: open this page once with network.',
  'Aucun rendez-vous.': 'No appointment.',
  'Aucun travail en attente de rendez-vous.': 'No work waiting for an appointment.',
  // FieldWorkPage.tsx
  'Ce travail n’est plus dans votre périmètre : il a pu être annulé ou confié à une autre équipe.':
    'This work is no longer yours: it may have been cancelled or given to another team.',
  'Hors connexion, et ce travail n’a pas été chargé sur ce téléphone.':
    'Offline, and this work was not loaded on this phone.',
  'Retour à mon travail': 'Back to my work',
  'Appeler {{phone}}': 'Call {{phone}}',
  'Itinéraire (application de cartes)': 'Directions (map app)',
  'Itinéraire sur OpenStreetMap': 'Directions on OpenStreetMap',
  'Position approximative : le centre de la commune.': 'Approximate position: the centre of the commune.',
  'Un rapport de ce travail attend l’envoi : il part dès que possible.':
    'A report of this work is waiting to be sent: it goes out as soon as possible.',
  'Les réglages du rapport (seuils, travaux, photos) n’ont pas encore été chargés : ouvrez cette page une fois avec du réseau.':
    'The report’s settings (thresholds, work items, photos) are not loaded yet: open this page once with network.',
  'Déclarer un échec': 'Declare a failure',
  // OutboxPanel.tsx
  'Pas de réseau : l’envoi reprendra tout seul.': 'No network: sending will resume by itself.',
  '{{count}} rapport en attente d’envoi': '{{count}} report waiting to be sent',
  '{{count}} rapports en attente d’envoi': '{{count}} reports waiting to be sent',
  'Envois en attente': 'Waiting to be sent',
  'Votre session a expiré : reconnectez-vous pour envoyer vos rapports. Ils restent sur ce téléphone.':
    'Your session has expired: sign in again to send your reports. They stay on this phone.',
  'Se reconnecter': 'Sign in again',
  'Rapport d’installation refusé': 'Installation report refused',
  'Déclaration d’échec refusée': 'Failure declaration refused',
  'Enregistré le {{instant}} (heure d’Alger)': 'Saved on {{instant}} (Algiers time)',
  'Supprimer ce rapport et ses photos de ce téléphone ? Ils ne pourront plus être envoyés.':
    'Delete this report and its photos from this phone? They can no longer be sent.',
  'Oui, supprimer': 'Yes, delete',
  'Non, garder': 'No, keep',
  'Réessayer avec l’état actuel': 'Try again against the current state',
  'Supprimer…': 'Delete…',
  // PhotoField.tsx
  '(obligatoire)': '(required)',
  'Position en cours…': 'Getting the position…',
  'Position à {{metres}} m près': 'Position within {{metres}} m',
  'Sans position': 'No position',
  Retirer: 'Remove',
  // ReportForm.tsx
  'Indiquez la date et l’heure de l’installation.': 'Give the date and time of the installation.',
  'L’installation ne peut pas être dans le futur.': 'The installation cannot be in the future.',
  'Indiquez le nom du technicien.': 'Give the technician’s name.',
  'Indiquez la puissance reçue en dBm, par exemple −21,5.': 'Give the received power in dBm, e.g. −21,5.',
  'Perte d’épissure : un nombre de dB, par exemple 0,05.': 'Splice loss: a number of dB, e.g. 0.05.',
  'Ajoutez au moins un travail mesuré.': 'Add at least one measured work item.',
  'Photos manquantes : {{kinds}}.': 'Missing photos: {{kinds}}.',
  'Faites signer le client, ou indiquez pourquoi il ne signe pas.': 'Have the customer sign, or say why they do not.',
  'Heure de l’installation (heure d’Alger)': 'Installation time (Algiers time)',
  'Mesures optiques': 'Optical measurements',
  'Puissance reçue à l’ONT à 1490 nm (dBm)': 'Power received at the ONT at 1490 nm (dBm)',
  'Changer le signe': 'Change the sign',
  'Seuil : de {{min}} à {{max}}': 'Threshold: from {{min}} to {{max}}',
  'Perte d’épissure (dB, si mesurée)': 'Splice loss (dB, if measured)',
  'Seuil : au plus {{max}}': 'Threshold: at most {{max}}',
  'Verdict : saisissez la puissance reçue.': 'Verdict: type the received power.',
  'Le rapport sera enregistré, mais sa réception demandera une justification.':
    'The report will be recorded, but accepting it will need a justification.',
  'Ajouter un travail': 'Add a work item',
  Ajouter: 'Add',
  'Signature du client (PV de mise en service)': 'Customer’s signature (commissioning record)',
  'Le client ne signe pas': 'The customer does not sign',
  'Envoyer le rapport': 'Send the report',
  'Envoi…': 'Sending…',
  'Sans réseau, le rapport attend sur ce téléphone et part tout seul au retour du réseau.':
    'Without network, the report waits on this phone and goes out by itself when the network returns.',
  // FieldRoutes.tsx
  'Hors connexion, et cette session n’a jamais été ouverte avec du réseau sur ce téléphone : ouvrez le terrain une fois avec du réseau.':
    'Offline, and this session was never opened with network on this phone: open the field view once with network.',
  // PhotoField.tsx (the server's limits)
  'Au plus {{count}} photos par rapport (signature comprise) : retirez-en {{extra}}.':
    'At most {{count}} photos per report (signature included): remove {{extra}}.',
  'Photo trop lourde : {{max}} au plus. Reprenez-la dans une résolution plus faible.':
    'Photo too large: {{max}} at most. Take it again at a lower resolution.',
  'Au plus {{count}} photos par rapport : cette photo n’a pas été ajoutée.':
    'At most {{count}} photos per report: this photo was not added.',
  // DraftDiscard.tsx
  'Brouillon gardé sur ce téléphone à mesure que vous saisissez, même sans réseau.':
    'Draft kept on this phone as you type, even without network.',
  'Abandonner ce brouillon et ses photos ? Ce qui a été saisi sera perdu.':
    'Give up this draft and its photos? What was typed will be lost.',
  'Oui, abandonner': 'Yes, give it up',
  'Non, continuer': 'No, carry on',
  'Abandonner le brouillon…': 'Give up the draft…',
  // SignatureField.tsx
  'Zone de signature du client': 'Customer’s signature area',
  'Effacer la signature': 'Clear the signature',
  // BarcodeScanner.tsx
  'La caméra n’est pas disponible : photographiez l’étiquette, ou tapez le numéro.':
    'The camera is not available: photograph the label, or type the number.',
  'Aucun code-barres lu sur cette photo : rapprochez-vous de l’étiquette, ou tapez le numéro.':
    'No barcode read on this photo: get closer to the label, or type the number.',
  'Arrêter la lecture': 'Stop reading',
  'Lire le code-barres': 'Read the barcode',
  'Photographier l’étiquette': 'Photograph the label',
  'Caméra : visez le code-barres de l’ONT': 'Camera: aim at the ONT’s barcode',
  // FailureForm.tsx
  'Déclarer l’échec': 'Declare the failure',
  // ScheduleForm.tsx
  'Le rendez-vous demande le réseau : réessayez quand il sera revenu.':
    'The appointment needs the network: try again when it is back.',
  // sign-out.ts
  '{{count}} rapport ou brouillon n’est pas encore envoyé : il reste sur ce téléphone, et vous le retrouverez en vous reconnectant. Se déconnecter quand même ?':
    '{{count}} report or draft has not been sent yet: it stays on this phone, and you will find it again when you sign back in. Sign out anyway?',
  '{{count}} rapports ou brouillons ne sont pas encore envoyés : ils restent sur ce téléphone, et vous les retrouverez en vous reconnectant. Se déconnecter quand même ?':
    '{{count}} reports or drafts have not been sent yet: they stay on this phone, and you will find them again when you sign back in. Sign out anyway?',
  'L’installation ne peut pas être datée d’avant le jour du rendez-vous ({{day}}).':
    'The installation cannot be dated before the day of the appointment ({{day}}).',
  'Rendez-vous à fixer avant le {{due}}': 'Appointment to book before {{due}}',
  'Rendez-vous à fixer : en retard depuis le {{due}}': 'Appointment to book: late since {{due}}',
  'Rapport attendu avant le {{due}}': 'Report due before {{due}}',
  'Rapport attendu : en retard depuis le {{due}}': 'Report due: late since {{due}}',
  'Nouveau rapport attendu avant le {{due}}': 'New report due before {{due}}',
  'Nouveau rapport attendu : en retard depuis le {{due}}': 'New report due: late since {{due}}',
} satisfies Record<string, string>;
