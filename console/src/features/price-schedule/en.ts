/** English of the price schedule page, keyed by its French. */
export default {
  // PriceSchedulePage.tsx
  'Bordereau des prix unitaires': 'Price schedule',
  'Aucune version du bordereau n’est enregistrée.': 'No version of the price schedule is recorded.',
  'Articles de la version « {{name}} »': 'Items of version “{{name}}”',
  Code: 'Code',
  Désignation: 'Designation',
  Unité: 'Unit',
  'Prix unitaire HT': 'Unit price excl. tax',
  Taxe: 'Tax',
  // NewVersionForm.tsx
  'est obligatoire': 'is required',
  'Le bordereau doit compter au moins un article.': 'The price schedule must hold at least one item.',
  '2 à 20 majuscules, chiffres ou « - »': '2 to 20 capitals, digits or “-”',
  'Ce code figure déjà plus haut.': 'This code is already further up.',
  'Prix invalide : écrivez par exemple 4 500,00 (deux décimales au plus).':
    'Invalid price: write for instance 4 500,00 (two decimals at most).',
  'La nouvelle version s’applique au travail mesuré à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.':
    'The new version applies to work measured from its date on; the version in force ends the day before. A version in force never changes: the date must be after today.',
  'Prix unitaire HT (DA)': 'Unit price excl. tax (DA)',
  Actions: 'Actions',
  'Code, ligne {{line}}': 'Code, line {{line}}',
  'Désignation, ligne {{line}}': 'Designation, line {{line}}',
  'Unité, ligne {{line}}': 'Unit, line {{line}}',
  'Prix unitaire HT (DA), ligne {{line}}': 'Unit price excl. tax (DA), line {{line}}',
  'Taxe, ligne {{line}}': 'Tax, line {{line}}',
  'Retirer la ligne {{line}}': 'Remove line {{line}}',
  'Ajouter un article': 'Add an item',
} satisfies Record<string, string>;
