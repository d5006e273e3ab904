/**
 * Words the generated data is made of: Algerian first and last names, firm names, streets, and the
 * sentences people write in the app (reasons, reserves, remarks), in French as the users write them.
 */

export const firstNames = [
  'Yasmine',
  'Karim',
  'Nassima',
  'Sofiane',
  'Lamia',
  'Mourad',
  'Amina',
  'Walid',
  'Samira',
  'Rachid',
  'Lina',
  'Hocine',
  'Mohamed',
  'Fatima',
  'Ahmed',
  'Khadidja',
  'Abdelkader',
  'Meriem',
  'Yacine',
  'Nadia',
  'Bilal',
  'Imane',
  'Omar',
  'Souad',
  'Mehdi',
  'Sarah',
  'Nabil',
  'Hanane',
  'Riad',
  'Djamila',
  'Amine',
  'Fella',
  'Hamza',
  'Asma',
  'Redouane',
  'Wafa',
  'Ismail',
  'Chahrazed',
  'Farid',
  'Leila',
  'Salim',
  'Rym',
  'Tarek',
  'Houda',
  'Adel',
  'Malika',
  'Zakaria',
  'Kenza',
];

export const lastNames = [
  'Haddad',
  'Benali',
  'Zerrouki',
  'Mebarki',
  'Saidi',
  'Bouzid',
  'Khelifi',
  'Ait Ahmed',
  'Boudiaf',
  'Cherif',
  'Mansouri',
  'Taleb',
  'Belkacem',
  'Rahmani',
  'Hamidi',
  'Benamar',
  'Boukhalfa',
  'Djebbar',
  'Ferhat',
  'Guerroudj',
  'Hadjadj',
  'Kaci',
  'Larbi',
  'Meziane',
  'Ouali',
  'Rezki',
  'Slimani',
  'Touati',
  'Yahiaoui',
  'Zitouni',
  'Amrani',
  'Bensalem',
  'Chaouch',
  'Derradji',
  'Benmoussa',
  'Ghezali',
  'Hamdi',
  'Kherbache',
  'Lounis',
  'Mokrani',
  'Nait Amar',
  'Saadi',
  'Tebboune',
];

/** The first word of a firm's name ("SARL Nour Fibre"). */
export const firmStems = [
  'Nour',
  'Atlas',
  'Sahel',
  'Djurdjura',
  'Hoggar',
  'Tassili',
  'El Feth',
  'Essalam',
  'El Amel',
  'Ennasr',
  'Numidia',
  'Cirta',
  'Hodna',
  'Aurès',
  'Zibans',
  'Titteri',
  'Mitidja',
  'Kabylie',
  'Tell',
  'Ouarsenis',
  'Seybouse',
  'Chelif',
  'El Djazair',
  'Medina',
  'Zenith',
  'Orion',
  'Optima',
  'Lumière',
  'Horizon',
  'Méditerranée',
  'Baraka',
  'El Baraka',
  'Raya',
  'Nedjma',
  'Ifri',
  'Tafat',
  'Assirem',
  'Thiziri',
  'Amazigh',
  'El Wiam',
];

/** The trade in a firm's name. */
export const firmTrades = [
  'Fibre',
  'Réseaux',
  'Télécom',
  'Travaux Télécom',
  'Fibre Optique',
  'Connect',
  'Câblage',
  'Raccordement',
  'Génie Télécom',
  'Infra Réseaux',
  'Optique Services',
  'Net Travaux',
];

export const streets = [
  'des Martyrs',
  'Didouche Mourad',
  'Larbi Ben M’hidi',
  'Hassiba Ben Bouali',
  'Colonel Amirouche',
  'Abane Ramdane',
  'Emir Abdelkader',
  'du 1er Novembre',
  'du 5 Juillet',
  'Ben Boulaid',
  'Zighoud Youcef',
  'Krim Belkacem',
  'Mohamed Khemisti',
  'Ali Boumendjel',
  'Frères Bouadou',
  'de l’Indépendance',
];

export const offers = [
  'IDOOM FIBRE 100 Mbps',
  'IDOOM FIBRE 300 Mbps',
  'IDOOM FIBRE 500 Mbps',
  'IDOOM FIBRE 1 Gbps',
] as const;

/** Weights of `offers`, the same order. */
export const offerWeights = [35, 40, 15, 10];

/** Why a contractor's status changed (the reason each transition must carry). */
export const contractorReasons = {
  APPROVE: [
    'dossier administratif complet',
    'agrément de la DOT après visite',
    'pièces fiscales et bancaires vérifiées',
  ],
  SUSPEND: ['retards répétés sur les rendez-vous', 'réserves non levées dans les délais', 'attestation CNAS échue'],
  TERMINATE: ['fin du contrat cadre', 'résiliation pour manquements répétés', 'cessation d’activité de l’entreprise'],
} as const;

export const siteReasons = {
  ASSIGN: ['plan de charge du trimestre', 'attribution après consultation', 'extension du lot existant'],
  START: ['ouverture du chantier', 'démarrage après autorisation de voirie'],
  SUSPEND: ['attente de l’autorisation de voirie', 'intempéries : travaux arrêtés', 'attente de la livraison des PBO'],
  COMPLETE: ['objectif de raccordements atteint', 'derniers raccordements réceptionnés'],
  CLOSE: ['réception définitive du chantier', 'clôture administrative du lot'],
} as const;

/** Reserves of a rejected installation (the punch list). */
export const reserves = [
  'câble non fixé sur le parcours',
  'PTO mal posée',
  'photo de la PTO illisible',
  'épissure à refaire au PBO',
  'saignée non rebouchée',
  'étiquetage du câble absent',
  'ONT non configuré',
];

/** The reserve a report with measurements outside the thresholds gets. */
export const measurementReserve = 'mesure optique hors seuil : à reprendre';

export const overrideReasons = [
  'contre-mesure au photomètre conforme sur place',
  'écart accepté par la DOT : ligne longue en zone rurale',
  'mesure refaite par le superviseur : service rendu au client',
];

export const failureTexts = {
  CUSTOMER_ABSENT: 'client absent à deux rendez-vous',
  NO_INFRASTRUCTURE: 'pas de PBO à portée du domicile',
  CUSTOMER_REFUSED: 'le client refuse le passage du câble',
  ACCESS_DENIED: 'accès à l’immeuble refusé',
  OTHER: 'travaux de voirie en cours dans la rue',
} as const;

export const cancelReasons = ['annulation à la demande du client', 'doublon de commande', 'déménagement du client'];

export const reportRemarks = [
  'PBO saturé : raccordé sur le PBO voisin',
  'passage en façade à la demande du syndic',
  'client absent au premier passage',
  'gaine existante réutilisée',
  'ONT remplacé : premier équipement défectueux',
];

export const lineRejections = [
  'métrage non justifié par les photos',
  'PTO facturée deux fois',
  'quantité supérieure au relevé de la DOT',
];

/** "Béjaïa" → "BEJAIA": capitals without accents, for codes. */
export function codeLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
}
