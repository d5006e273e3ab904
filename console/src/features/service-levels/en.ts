/** English of the service levels page, keyed by its French. */
export default {
  // labels.ts
  'Jours ouvrés (dimanche à jeudi, hors fériés)': 'Working days (Sunday to Thursday, holidays excluded)',
  'Calendaire (tous les jours)': 'Calendar (every day)',
  // durations.ts
  '1 jour ouvré': '1 working day',
  '{{days}} jours ouvrés': '{{days}} working days',
  '1 jour calendaire': '1 calendar day',
  '{{days}} jours calendaires': '{{days}} calendar days',
  // ServiceLevelsPage.tsx
  'Niveaux de service': 'Service levels',
  'Le délai visé pour chaque étape d’un raccordement et d’une facture : chaque étape est mesurée selon la version en vigueur le jour où elle a commencé, et l’objectif de sa wilaya quand celle-ci en a un.':
    'The time aimed at for each step of a connection and of an invoice: each step is measured against the version in force on the day it started, and its wilaya’s target when the wilaya has one.',
  'Aucune version des niveaux de service n’est enregistrée.': 'No version of the service levels is recorded.',
  'Objectifs de la version « {{name}} »': 'Targets of version “{{name}}”',
  'Objectifs nationaux': 'National targets',
  Étape: 'Step',
  'À la charge de': 'Whose step',
  Objectif: 'Target',
  Décompte: 'Counted in',
  'Objectifs propres aux wilayas': 'Wilayas’ own targets',
  'Aucune wilaya n’a d’objectif propre dans cette version.': 'No wilaya has a target of its own in this version.',
  Wilaya: 'Wilaya',
  // NewVersionForm.tsx
  jours: 'days',
  heures: 'hours',
  minutes: 'minutes',
  'doit être un nombre entier à partir de 1': 'must be a whole number from 1',
  'est obligatoire': 'is required',
  'Objectif, {{what}}': 'Target, {{what}}',
  'Unité, {{what}}': 'Unit, {{what}}',
  'Décompte, {{what}}': 'Counted in, {{what}}',
  'La nouvelle version s’applique aux étapes commencées à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.':
    'The new version applies to the steps started from its date on; the version in force ends the day before. A version in force never changes: the date must be after today.',
  Actions: 'Actions',
  'wilaya ligne {{line}}': 'wilaya line {{line}}',
  'Wilaya, {{what}}': 'Wilaya, {{what}}',
  'Choisir une wilaya': 'Choose a wilaya',
  'Étape, {{what}}': 'Step, {{what}}',
  'Retirer la wilaya ligne {{line}}': 'Remove wilaya line {{line}}',
  'Ajouter un objectif de wilaya': 'Add a wilaya’s target',
  // PublicHolidays.tsx
  'Jour férié du {{date}} ajouté.': 'Public holiday of {{date}} added.',
  'Jour férié du {{date}} retiré.': 'Public holiday of {{date}} removed.',
  'Jours fériés': 'Public holidays',
  'Les jours fériés ne comptent pas dans les délais en jours ouvrés.':
    'Public holidays do not count in times counted in working days.',
  Année: 'Year',
  'Jour férié du {{date}} : {{problem}}': 'Public holiday of {{date}}: {{problem}}',
  'Aucun jour férié n’est enregistré pour {{year}}.': 'No public holiday is recorded for {{year}}.',
  Jour: 'Day',
  Nom: 'Name',
  'Retirer le jour férié du {{date}}': 'Remove the public holiday of {{date}}',
  'Ajouter un jour férié': 'Add a public holiday',
  'Nom du jour férié': 'Name of the public holiday',
  'Ajouter le jour férié': 'Add the public holiday',
} satisfies Record<string, string>;
