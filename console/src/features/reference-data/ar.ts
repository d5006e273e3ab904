/** Arabic of the wilaya and commune pages, keyed by their French. */
export default {
  '{{wilayas}} wilayas, {{communes}} communes': '{{wilayas}} ولاية، {{communes}} بلدية',
  'Rechercher une wilaya': 'البحث عن ولاية',
  'Nom ou code': 'الاسم أو الرمز',
  'Aucune wilaya ne correspond à « {{search}} ».': 'لا توجد ولاية توافق «{{search}}».',
  Code: 'الرمز',
  Wilaya: 'الولاية',
  Communes: 'البلديات',
  'Wilaya introuvable': 'الولاية غير موجودة',
  'Aucune wilaya n’a le code « {{code}} ».': 'لا توجد ولاية بالرمز «{{code}}».',
  '{{count}} communes': '{{count}} بلدية',
  Commune: 'البلدية',
  Daïra: 'الدائرة',
} satisfies Record<string, string>;
