/** Arabic of the service levels page, keyed by its French. */
export default {
  // labels.ts
  'Jours ouvrés (dimanche à jeudi, hors fériés)': 'أيام العمل (من الأحد إلى الخميس، دون أيام العطل)',
  'Calendaire (tous les jours)': 'تقويمي (كل الأيام)',
  // durations.ts
  '1 jour ouvré': 'يوم عمل واحد',
  '{{days}} jours ouvrés': '{{days}} أيام عمل',
  '1 jour calendaire': 'يوم تقويمي واحد',
  '{{days}} jours calendaires': '{{days}} أيام تقويمية',
  // ServiceLevelsPage.tsx
  'Niveaux de service': 'مستويات الخدمة',
  'Le délai visé pour chaque étape d’un raccordement et d’une facture : chaque étape est mesurée selon la version en vigueur le jour où elle a commencé, et l’objectif de sa wilaya quand celle-ci en a un.':
    'الأجل المستهدف لكل مرحلة من مراحل الربط والفاتورة: تُقاس كل مرحلة وفق الإصدار الساري المفعول يوم بدايتها، ووفق هدف ولايتها إن كان لها هدف خاص.',
  'Aucune version des niveaux de service n’est enregistrée.': 'لا يوجد أي إصدار مسجَّل من مستويات الخدمة.',
  'Objectifs de la version « {{name}} »': 'أهداف الإصدار «{{name}}»',
  'Objectifs nationaux': 'الأهداف الوطنية',
  Étape: 'المرحلة',
  'À la charge de': 'على عاتق',
  Objectif: 'الهدف',
  Décompte: 'طريقة الاحتساب',
  'Objectifs propres aux wilayas': 'الأهداف الخاصة بالولايات',
  'Aucune wilaya n’a d’objectif propre dans cette version.': 'لا توجد ولاية لها هدف خاص في هذا الإصدار.',
  Wilaya: 'الولاية',
  // NewVersionForm.tsx
  jours: 'أيام',
  heures: 'ساعات',
  minutes: 'دقائق',
  'doit être un nombre entier à partir de 1': 'يجب أن يكون عددًا صحيحًا ابتداءً من 1',
  'est obligatoire': 'إلزامي',
  'Objectif, {{what}}': 'الهدف، {{what}}',
  'Unité, {{what}}': 'الوحدة، {{what}}',
  'Décompte, {{what}}': 'طريقة الاحتساب، {{what}}',
  'La nouvelle version s’applique aux étapes commencées à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.':
    'يُطبَّق الإصدار الجديد على المراحل التي تبدأ ابتداءً من تاريخه؛ ويتوقف الإصدار الساري المفعول في اليوم السابق. الإصدار الساري المفعول لا يتغيّر أبدًا: يجب أن يكون التاريخ بعد اليوم.',
  Actions: 'الإجراءات',
  'wilaya ligne {{line}}': 'الولاية، السطر {{line}}',
  'Wilaya, {{what}}': 'الولاية، {{what}}',
  'Choisir une wilaya': 'اختر ولاية',
  'Étape, {{what}}': 'المرحلة، {{what}}',
  'Retirer la wilaya ligne {{line}}': 'حذف سطر الولاية {{line}}',
  'Ajouter un objectif de wilaya': 'إضافة هدف خاص بولاية',
  // PublicHolidays.tsx
  'Jour férié du {{date}} ajouté.': 'تمت إضافة يوم العطلة {{date}}.',
  'Jour férié du {{date}} retiré.': 'تم حذف يوم العطلة {{date}}.',
  'Jours fériés': 'أيام العطل الرسمية',
  'Les jours fériés ne comptent pas dans les délais en jours ouvrés.':
    'لا تُحتسب أيام العطل الرسمية في الآجال المحسوبة بأيام العمل.',
  Année: 'السنة',
  'Jour férié du {{date}} : {{problem}}': 'يوم العطلة {{date}}: {{problem}}',
  'Aucun jour férié n’est enregistré pour {{year}}.': 'لا يوجد أي يوم عطلة مسجَّل لسنة {{year}}.',
  Jour: 'اليوم',
  Nom: 'الاسم',
  'Retirer le jour férié du {{date}}': 'حذف يوم العطلة {{date}}',
  'Ajouter un jour férié': 'إضافة يوم عطلة',
  'Nom du jour férié': 'اسم يوم العطلة',
  'Ajouter le jour férié': 'إضافة يوم العطلة',
} satisfies Record<string, string>;
