/** English of the acceptance queue, keyed by its French. */
export default {
  // labels.ts
  PBO: 'PBO',
  PTO: 'PTO',
  'Écran du mesureur': 'Power meter’s screen',
  ONT: 'ONT',
  Obstacle: 'Obstacle',
  'Signature du client': 'Customer’s signature',
  'Autre photo': 'Other photo',
  'la position du site': 'the site’s position',
  'le centre de la commune': 'the commune’s centre',
  // flags.ts
  'Pas de rapport': 'No report',
  'Loin du chantier': 'Far from the work',
  'Sans position': 'No position',
  'Photos manquantes': 'Photos missing',
  'Non signé': 'Not signed',
  'Photo réutilisée': 'Photo reused',
  'la même image a été envoyée pour une autre photo': 'the same image was sent for another photo',
  // PhotoGallery.tsx
  'Photo indisponible': 'Photo unavailable',
  'à {{distance}} m du chantier': '{{distance}} m from the work',
  'précision ± {{accuracy}} m': 'accuracy ± {{accuracy}} m',
  '{{kind}} ({{position}} sur {{count}})': '{{kind}} ({{position}} of {{count}})',
  '{{kind}}, prise le {{instant}}': '{{kind}}, taken on {{instant}}',
  'Photo précédente': 'Previous photo',
  'Photo suivante': 'Next photo',
  'Aucune photo jointe au rapport.': 'No photo attached to the report.',
  'Agrandir : {{kind}}': 'Enlarge: {{kind}}',
  // ReportReview.tsx
  'À {{distance}} m du chantier au plus, dans la tolérance de {{tolerance}} m ({{reference}}).':
    'At most {{distance}} m from the work, within the tolerance of {{tolerance}} m ({{reference}}).',
  'Jusqu’à {{distance}} m du chantier : au-delà de la tolérance de {{tolerance}} m ({{reference}}).':
    'Up to {{distance}} m from the work: beyond the tolerance of {{tolerance}} m ({{reference}}).',
  'Le téléphone n’a enregistré aucune position avec le rapport ni ses photos.':
    'The phone recorded no position with the report or its photos.',
  'La position du chantier est inconnue : rien à comparer.': 'The work’s position is unknown: nothing to compare with.',
  'Points à vérifier': 'Points to check',
  'Photos prises à {{distance}} m du chantier (tolérance {{tolerance}} m).':
    'Photos taken {{distance}} m from the work (tolerance {{tolerance}} m).',
  'Aucune position enregistrée : impossible de vérifier le lieu des photos.':
    'No position recorded: where the photos were taken cannot be checked.',
  'Hors seuils : {{issues}}': 'Outside the thresholds: {{issues}}',
  'Photos manquantes : {{kinds}}': 'Photos missing: {{kinds}}',
  'Le client n’a pas signé.': 'The customer did not sign.',
  Photos: 'Photos',
  Installation: 'Installation',
  'Numéro de série de l’ONT': 'ONT serial number',
  'Non indiqué': 'Not given',
  Signée: 'Signed',
  'Absente : {{reason}}': 'Missing: {{reason}}',
  'Absente, sans raison donnée': 'Missing, no reason given',
  'Position des photos': 'Where the photos were taken',
  Aucun: 'None',
  'Du rendez-vous au rapport': 'From appointment to report',
  'En attente de réception depuis': 'Waiting for acceptance since',
  // AcceptanceQueuePage.tsx
  'Réception des travaux': 'Acceptance of the work',
  'Votre rôle ne permet pas de réceptionner des travaux.': 'Your role does not allow accepting work.',
  'Commande {{reference}} réceptionnée.': 'Order {{reference}} accepted.',
  'Commande {{reference}} refusée avec réserves.': 'Order {{reference}} rejected with reserves.',
  'Rapport suivant : commande {{reference}}.': 'Next report: order {{reference}}.',
  'Plus aucun rapport à réceptionner.': 'No report left to accept.',
  'Clavier : A réceptionne, R refuse avec réserves, J et K passent au rapport suivant ou précédent (les flèches dans la file) ; Échap ferme un formulaire ou une photo.':
    'Keyboard: A accepts, R rejects with reserves, J and K go to the next or previous report (the arrows in the queue); Escape closes a form or a photo.',
  'À réceptionner : {{count}}': 'To accept: {{count}}',
  'Aucun rapport à réceptionner.': 'No report to accept.',
  'Rapport du {{instant}}': 'Report of {{instant}}',
  'Site {{code}}': 'Site {{code}}',
  'Page du raccordement': 'The connection’s page',
  'Ce raccordement n’est plus à réceptionner : il est maintenant « {{status}} ».':
    'This connection is no longer to accept: it is now “{{status}}”.',
  'Ce raccordement n’est plus à réceptionner.': 'This connection is no longer to accept.',
  Précédent: 'Previous',
  Suivant: 'Next',
  'Réceptionner hors seuils': 'Accept outside the thresholds',
  'Justification de la réception hors seuils (gardée dans l’historique)':
    'Why it is accepted outside the thresholds (kept in the history)',
  'Confirmer la réception': 'Confirm the acceptance',
  'Envoyer les réserves': 'Send the reserves',
  Annuler: 'Cancel',
  'Entrée confirme, Échap annule.': 'Enter confirms, Escape cancels.',
  'Ctrl+Entrée envoie, Échap annule.': 'Ctrl+Enter sends, Escape cancels.',
  // Layout.tsx
  Réception: 'Acceptance',
  // AcceptanceQueuePage.tsx: the empty queue
  'Les rapports d’installation s’ajoutent ici d’eux-mêmes dès qu’un technicien les envoie.':
    'Installation reports appear here by themselves as soon as a technician sends them.',
  'Décision attendue avant le {{due}}': 'To decide before {{due}}',
  'Décision en retard depuis le {{due}}': 'Decision late since {{due}}',
} satisfies Record<string, string>;
