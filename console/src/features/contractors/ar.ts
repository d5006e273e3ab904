/** Arabic of the contractors' pages, keyed by their French. */
export default {
  // labels.ts
  'En attente d’agrément': 'في انتظار الاعتماد',
  Actif: 'نشط',
  Suspendu: 'معلَّق',
  Résilié: 'مفسوخ',
  SARL: 'SARL (شركة ذات مسؤولية محدودة)',
  EURL: 'EURL (مؤسسة ذات الشخص الوحيد وذات المسؤولية المحدودة)',
  SPA: 'SPA (شركة مساهمة)',
  SNC: 'SNC (شركة تضامن)',
  'Personne physique': 'شخص طبيعي',
  'Auto-entrepreneur': 'مقاول ذاتي',
  Autre: 'أخرى',
  'Régime réel (TVA)': 'النظام الحقيقي (الرسم على القيمة المضافة)',
  'IFU (impôt forfaitaire unique)': 'IFU (الضريبة الجزافية الوحيدة)',
  'Raison sociale': 'التسمية الاجتماعية',
  'Nom commercial': 'الاسم التجاري',
  'Forme juridique': 'الشكل القانوني',
  'Régime fiscal': 'النظام الجبائي',
  NIF: 'رقم التعريف الجبائي (NIF)',
  NIS: 'رقم التعريف الإحصائي (NIS)',
  RC: 'السجل التجاري (RC)',
  'N° de carte d’auto-entrepreneur': 'رقم بطاقة المقاول الذاتي',
  'Article d’imposition': 'المادة الجبائية',
  Adresse: 'العنوان',
  'Commune du siège': 'بلدية المقر',
  'RIB / RIP': 'الحساب البنكي أو البريدي (RIB / RIP)',
  'Wilayas d’intervention': 'ولايات التدخل',
  Équipes: 'الفرق',
  Contacts: 'جهات الاتصال',
  // ContractorsPage.tsx
  'Importer un fichier CSV': 'استيراد ملف CSV',
  'Nouveau contractant': 'مقاول جديد',
  'Rechercher (raison sociale, nom commercial ou NIF)': 'البحث (التسمية الاجتماعية، الاسم التجاري أو NIF)',
  Statut: 'الحالة',
  Tous: 'الكل',
  'Wilaya d’intervention': 'ولاية التدخل',
  'Contractants trouvés : {{count}}': 'المقاولون المطابقون: {{count}}',
  'Aucun contractant ne correspond à ces critères.': 'لا يوجد مقاول يوافق هذه المعايير.',
  // ContractorForm.tsx
  'est obligatoire': 'إلزامي',
  'doit compter 15 chiffres (20 pour un établissement secondaire)': 'يجب أن يتكون من 15 رقمًا (20 لفرع)',
  'RIB ou RIP invalide : 20 chiffres dont la clé (les deux derniers) doit correspondre':
    'RIB أو RIP غير صالح: 20 رقمًا يجب أن يتطابق مفتاحها (الرقمان الأخيران)',
  'un auto-entrepreneur, et lui seul, relève du régime de l’auto-entrepreneur':
    'المقاول الذاتي، وهو وحده، يخضع لنظام المقاول الذاتي',
  'est obligatoire, sauf pour un auto-entrepreneur': 'إلزامي، إلا للمقاول الذاتي',
  'est obligatoire pour un auto-entrepreneur': 'إلزامي للمقاول الذاتي',
  'au moins une wilaya, en codes à deux chiffres séparés par des virgules (ex. 16, 09)':
    'ولاية واحدة على الأقل، برموز من رقمين مفصولة بفواصل (مثل \u206616, 09\u2069)',
  'doit être un nombre entier d’équipes, au moins 1': 'يجب أن يكون عددًا صحيحًا من الفرق، 1 على الأقل',
  'Nom commercial (facultatif)': 'الاسم التجاري (اختياري)',
  'Wilaya du siège': 'ولاية المقر',
  'Choisir…': 'اختر…',
  'Choisissez d’abord la wilaya': 'اختر الولاية أولًا',
  'RIB ou RIP (20 chiffres)': 'RIB أو RIP (20 رقمًا)',
  'Wilayas d’intervention (codes, ex. 16, 09)': 'ولايات التدخل (الرموز، مثل \u206616, 09\u2069)',
  'Nombre d’équipes': 'عدد الفرق',
  'Contact : nom (facultatif)': 'جهة الاتصال: الاسم (اختياري)',
  'Contact : téléphone (facultatif)': 'جهة الاتصال: الهاتف (اختياري)',
  // NewContractorPage.tsx
  'Créer le contractant': 'إنشاء المقاول',
  'Création…': 'جارٍ الإنشاء…',
  // ContractorNotFound.tsx
  'Contractant introuvable': 'المقاول غير موجود',
  'Aucun contractant n’a l’identifiant « {{id}} », ou il est hors de votre périmètre.':
    'لا يوجد مقاول بالمعرّف «{{id}}»، أو أنه خارج نطاقك.',
  'Retour aux contractants': 'العودة إلى المقاولين',
  // ContractorPage.tsx
  Agréer: 'اعتماد',
  Suspendre: 'تعليق',
  Réactiver: 'إعادة التفعيل',
  'Indiquez la raison : elle est gardée dans l’historique.': 'اذكر السبب: يُحفظ في السجل.',
  Modifier: 'تعديل',
  'depuis le {{date}}': 'منذ {{date}}',
  'non visible pour votre rôle': 'غير ظاهر لدورك',
  'Raison (gardée dans l’historique)': 'السبب (يُحفظ في السجل)',
  Confirmer: 'تأكيد',
  Annuler: 'إلغاء',
  // ContractorSites.tsx
  'Ses sites': 'مواقعه',
  'Aucun site n’est attribué à ce contractant.': 'لم يُسند أي موقع إلى هذا المقاول.',
  'Sites : {{count}}': 'المواقع: {{count}}',
  // ContractorWork.tsx
  'Ses raccordements': 'توصيلاته',
  'Statut des raccordements': 'حالة التوصيلات',
  'Aucun raccordement de ce contractant dans ce statut.': 'لا يوجد أي توصيل لهذا المقاول في هذه الحالة.',
  'Aucun raccordement n’est confié à ce contractant.': 'لم يُسند أي توصيل إلى هذا المقاول.',
  'Raccordements : {{count}}': 'التوصيلات: {{count}}',
  'Depuis le': 'منذ',
  // ContractorInvoices.tsx
  'Ses factures': 'فواتيره',
  'Aucune facture pour ce contractant.': 'لا توجد أي فاتورة لهذا المقاول.',
  'Factures : {{count}}': 'الفواتير: {{count}}',
  'N°': 'الرقم',
  Période: 'الفترة',
  // ContractorHistory.tsx
  Historique: 'السجل',
  'Aucun événement enregistré pour ce contractant.': 'لا يوجد أي حدث مسجَّل لهذا المقاول.',
  'valeur masquée pour votre rôle': 'قيمة مخفية عن دورك',
  // EditContractorPage.tsx
  'le contractant a encore du travail ouvert dans une wilaya retirée : réaffectez-le d’abord':
    'لا تزال لدى المقاول أشغال مفتوحة في ولاية سُحبت: أعد إسنادها أولًا',
  'Modifier un contractant': 'تعديل مقاول',
  'Seul un administrateur peut modifier un contractant.': 'لا يمكن تعديل مقاول إلا لمدير النظام.',
  'Rien n’a changé : il n’y a rien à enregistrer.': 'لم يتغير شيء: لا يوجد ما يُحفظ.',
  'Retour au contractant': 'العودة إلى المقاول',
  'Modifier {{name}}': 'تعديل {{name}}',
  'Enregistrer les modifications': 'حفظ التعديلات',
  'Enregistrement…': 'جارٍ الحفظ…',
  'Ce contractant a été modifié par quelqu’un d’autre depuis que vous avez ouvert ce formulaire : vos modifications n’ont pas été enregistrées. Rechargez-le pour voir ses valeurs actuelles, puis refaites vos modifications.':
    'عدّل شخص آخر هذا المقاول منذ أن فتحت هذه الاستمارة: لم تُحفظ تعديلاتك. أعد تحميله لرؤية قيمه الحالية، ثم أعد إجراء تعديلاتك.',
  'Recharger le contractant': 'إعادة تحميل المقاول',
  // ImportContractorsPage.tsx and importColumns.ts
  'Importer des contractants': 'استيراد مقاولين',
  'Seul un administrateur peut importer des contractants.': 'لا يمكن استيراد المقاولين إلا لمدير النظام.',
  'Un fichier CSV (UTF-8, séparé par des virgules ou des points-virgules), une ligne d’en-tête puis un contractant par ligne. Tout ou rien : si une seule ligne pose problème, aucun contractant n’est enregistré. Un NIF déjà enregistré est laissé tel quel ; chaque contractant importé attend son agrément.':
    'ملف CSV (بترميز UTF-8، مفصول بفواصل أو بفواصل منقوطة): سطر عناوين ثم مقاول واحد في كل سطر. الكل أو لا شيء: إذا كان في سطر واحد فقط مشكل، لا يُسجَّل أي مقاول. يُترك رقم التعريف الجبائي (NIF) المسجَّل سابقًا على حاله؛ وينتظر كل مقاول مستورد اعتماده.',
  'Contractants créés : {{count}}': 'المقاولون المُنشؤون: {{count}}',
  'Déjà enregistrés (même NIF), laissés inchangés : {{count}}': 'مسجَّلون سابقًا (نفس NIF)، تُركوا دون تغيير: {{count}}',
  'Fichier refusé : aucun contractant n’a été enregistré.': 'الملف مرفوض: لم يُسجَّل أي مقاول.',
  'Forme juridique : SARL, EURL, SPA, SNC, PERSONNE_PHYSIQUE, AUTO_ENTREPRENEUR ou OTHER':
    'الشكل القانوني: SARL أو EURL أو SPA أو SNC أو PERSONNE_PHYSIQUE أو AUTO_ENTREPRENEUR أو OTHER',
  'Régime fiscal : REAL, IFU ou AUTO_ENTREPRENEUR (celui-ci exactement pour un auto-entrepreneur)':
    'النظام الجبائي: REAL أو IFU أو AUTO_ENTREPRENEUR (هذا الأخير تحديدًا للمقاول الذاتي)',
  'NIF : 15 chiffres (20 pour un établissement secondaire)': 'NIF: 15 رقمًا (20 لفرع)',
  'Adresse du siège': 'عنوان المقر',
  'Identifiant de la commune du siège': 'معرّف بلدية المقر',
  'RIB ou RIP : 20 chiffres, clé comprise': 'RIB أو RIP: 20 رقمًا، بما فيها المفتاح',
  'Codes des wilayas d’intervention, séparés par des espaces (ex. 16 09) ; « 16;09 » seulement entre guillemets dans un fichier à points-virgules':
    'رموز ولايات التدخل، مفصولة بمسافات (مثل \u206616 09\u2069)؛ «\u206616;09\u2069» فقط بين علامتي تنصيص في ملف مفصول بفواصل منقوطة',
  'Nombre d’équipes, au moins 1': 'عدد الفرق، 1 على الأقل',
  'N° de carte d’auto-entrepreneur : obligatoire pour un auto-entrepreneur':
    'رقم بطاقة المقاول الذاتي: إلزامي للمقاول الذاتي',
  'Contact : nom': 'جهة الاتصال: الاسم',
  'Contact : fonction': 'جهة الاتصال: الوظيفة',
  'Contact : téléphone': 'جهة الاتصال: الهاتف',
  'Contact : adresse e-mail': 'جهة الاتصال: البريد الإلكتروني',
  'Ce fichier n’était pas en UTF-8 : il a été lu comme un fichier Excel pour Windows (Windows-1252). Vérifiez les accents des contractants créés.':
    'لم يكن هذا الملف بترميز UTF-8: قُرئ كملف Excel لنظام Windows (Windows-1252). تحقّق من الحروف الخاصة (مثل é وà) في المقاولين المُنشئين.',
  'NIS (15 chiffres)': 'رقم التعريف الإحصائي (NIS، 15 رقمًا)',
  'N° de registre du commerce (RC), par exemple 16/00-0123456 B 15':
    'رقم السجل التجاري (RC)، مثلًا \u206616/00-0123456 B 15\u2069',
  'NIS : 15 chiffres': 'NIS: 15 رقمًا',
  'N° de registre du commerce, par exemple 16/00-0123456 B 15 : obligatoire, sauf pour un auto-entrepreneur':
    'رقم السجل التجاري، مثلًا \u206616/00-0123456 B 15\u2069: إلزامي، إلا للمقاول الذاتي',
  // ContractorsPage.tsx: the empty list
  'Aucun contractant pour l’instant.': 'لا يوجد أي مقاول حاليًا.',
  'Enregistrez un contractant, ou importez-les d’un fichier CSV.': 'سجّل مقاولًا، أو استوردهم من ملف CSV.',
  'Les contractants apparaîtront ici dès qu’ils seront enregistrés.': 'سيظهر المقاولون هنا بمجرد تسجيلهم.',
} satisfies Record<string, string>;
