/** Arabic of the price schedule page, keyed by its French. */
export default {
  // PriceSchedulePage.tsx
  'À venir': 'قادمة',
  'En vigueur': 'سارية',
  Terminée: 'منتهية',
  'Bordereau des prix unitaires': 'جدول الأسعار بالوحدة',
  'Nouvelle version à partir d’une date': 'نسخة جديدة ابتداءً من تاريخ',
  'Version « {{name}} » enregistrée : en vigueur à partir du {{date}}.':
    'تم تسجيل النسخة «{{name}}»: سارية ابتداءً من {{date}}.',
  'Aucune version du bordereau n’est enregistrée.': 'لا توجد أي نسخة مسجَّلة من جدول الأسعار.',
  Versions: 'النسخ',
  Nom: 'الاسم',
  'En vigueur à partir du': 'سارية ابتداءً من',
  'Jusqu’au (exclu)': 'إلى غاية (غير مشمول)',
  État: 'الحالة',
  'Articles de la version « {{name}} »': 'بنود النسخة «{{name}}»',
  Code: 'الرمز',
  Désignation: 'التعيين',
  Unité: 'الوحدة',
  'Prix unitaire HT': 'سعر الوحدة خارج الرسوم',
  Taxe: 'الرسم',
  // NewVersionForm.tsx
  'est obligatoire': 'إلزامي',
  'doit être après aujourd’hui : une version en vigueur ne change jamais':
    'يجب أن يكون بعد اليوم: النسخة السارية لا تتغير أبداً',
  'doit suivre le début de la dernière version, le {{date}}': 'يجب أن يلي بداية آخر نسخة، أي {{date}}',
  'Le bordereau doit compter au moins un article.': 'يجب أن يتضمن جدول الأسعار بنداً واحداً على الأقل.',
  '2 à 20 majuscules, chiffres ou « - »': 'من 2 إلى 20 حرفاً لاتينياً كبيراً أو رقماً أو «-»',
  'Ce code figure déjà plus haut.': 'هذا الرمز موجود أعلاه.',
  'Prix invalide : écrivez par exemple 4 500,00 (deux décimales au plus).':
    'سعر غير صالح: اكتب مثلاً 4 500,00 (رقمان عشريان على الأكثر).',
  'doit suivre le début de la dernière version, qui a changé entre-temps : rechargez la page':
    'يجب أن يلي بداية آخر نسخة، وقد تغيّرت في الأثناء: أعد تحميل الصفحة',
  'La nouvelle version s’applique au travail mesuré à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.':
    'تُطبَّق النسخة الجديدة على الأشغال المقيسة ابتداءً من تاريخها؛ وتتوقف النسخة السارية في اليوم السابق. النسخة السارية لا تتغير أبداً: يجب أن يكون التاريخ بعد اليوم.',
  'Nom de la version': 'اسم النسخة',
  'Prix unitaire HT (DA)': 'سعر الوحدة خارج الرسوم (دج)',
  Actions: 'الإجراءات',
  'Code, ligne {{line}}': 'الرمز، السطر {{line}}',
  'Désignation, ligne {{line}}': 'التعيين، السطر {{line}}',
  'Unité, ligne {{line}}': 'الوحدة، السطر {{line}}',
  'Prix unitaire HT (DA), ligne {{line}}': 'سعر الوحدة خارج الرسوم (دج)، السطر {{line}}',
  'Taxe, ligne {{line}}': 'الرسم، السطر {{line}}',
  'Retirer la ligne {{line}}': 'حذف السطر {{line}}',
  'Ajouter un article': 'إضافة بند',
  'Enregistrement…': 'جارٍ الحفظ…',
  'Enregistrer la nouvelle version': 'تسجيل النسخة الجديدة',
  Annuler: 'إلغاء',
} satisfies Record<string, string>;
