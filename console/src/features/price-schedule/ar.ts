/** Arabic of the price schedule page, keyed by its French. */
export default {
  // PriceSchedulePage.tsx
  'Bordereau des prix unitaires': 'جدول الأسعار بالوحدة',
  'Aucune version du bordereau n’est enregistrée.': 'لا يوجد أي إصدار مسجَّل من جدول الأسعار.',
  'Articles de la version « {{name}} »': 'بنود الإصدار «{{name}}»',
  Code: 'الرمز',
  Désignation: 'التعيين',
  Unité: 'الوحدة',
  'Prix unitaire HT': 'سعر الوحدة خارج الرسوم',
  Taxe: 'الرسم',
  // NewVersionForm.tsx
  'est obligatoire': 'إلزامي',
  'Le bordereau doit compter au moins un article.': 'يجب أن يتضمن جدول الأسعار بندًا واحدًا على الأقل.',
  '2 à 20 majuscules, chiffres ou « - »': 'من 2 إلى 20 حرفًا لاتينيًا كبيرًا أو رقمًا أو «-»',
  'Ce code figure déjà plus haut.': 'هذا الرمز موجود أعلاه.',
  'Prix invalide : écrivez par exemple 4 500,00 (deux décimales au plus).':
    'سعر غير صالح: اكتب مثلًا \u20664 500,00\u2069 (رقمان عشريان على الأكثر).',
  'La nouvelle version s’applique au travail mesuré à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.':
    'يُطبَّق الإصدار الجديد على الأشغال المقيسة ابتداءً من تاريخه؛ ويتوقف الإصدار الساري المفعول في اليوم السابق. الإصدار الساري المفعول لا يتغيّر أبدًا: يجب أن يكون التاريخ بعد اليوم.',
  'Prix unitaire HT (DA)': 'سعر الوحدة خارج الرسوم (دج)',
  Actions: 'الإجراءات',
  'Code, ligne {{line}}': 'الرمز، السطر {{line}}',
  'Désignation, ligne {{line}}': 'التعيين، السطر {{line}}',
  'Unité, ligne {{line}}': 'الوحدة، السطر {{line}}',
  'Prix unitaire HT (DA), ligne {{line}}': 'سعر الوحدة خارج الرسوم (دج)، السطر {{line}}',
  'Taxe, ligne {{line}}': 'الرسم، السطر {{line}}',
  'Retirer la ligne {{line}}': 'حذف السطر {{line}}',
  'Ajouter un article': 'إضافة بند',
} satisfies Record<string, string>;
