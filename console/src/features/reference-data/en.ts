/** English of the wilaya and commune pages, keyed by their French. */
export default {
  '{{wilayas}} wilayas, {{communes}} communes': '{{wilayas}} wilayas, {{communes}} communes',
  'Rechercher une wilaya': 'Search for a wilaya',
  'Nom ou code': 'Name or code',
  'Aucune wilaya ne correspond à « {{search}} ».': 'No wilaya matches “{{search}}”.',
  Code: 'Code',
  Wilaya: 'Wilaya',
  Communes: 'Communes',
  'Wilaya introuvable': 'Wilaya not found',
  'Aucune wilaya n’a le code « {{code}} ».': 'No wilaya has the code “{{code}}”.',
  '{{count}} communes': '{{count}} communes',
  Commune: 'Commune',
  Daïra: 'Daïra',
} satisfies Record<string, string>;
