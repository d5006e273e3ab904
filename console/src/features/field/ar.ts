/** Arabic of the field view (console/src/features/field), keyed by its French. */
export default {
  // Layout.tsx (the field view's link)
  Terrain: 'الميدان',
  // FieldWorkPage.tsx
  'Réserves à lever': 'تحفظات يجب رفعها',
  // labels.ts
  'Photo du PBO': 'صورة علبة التوزيع (PBO)',
  'Photo de la PTO': 'صورة المأخذ البصري (PTO)',
  'Photo de l’écran du mesureur de puissance': 'صورة شاشة جهاز قياس القدرة',
  'Photo de l’ONT': 'صورة جهاز ONT',
  'Photo de l’obstacle': 'صورة العائق',
  'Signature du client': 'توقيع الزبون',
  'Autre photo': 'صورة أخرى',
  'GPON classe B+': 'GPON الصنف B+',
  'GPON classe C+': 'GPON الصنف C+',
  'unité(s)': 'وحدة (وحدات)',
  'mètre(s)': 'متر (أمتار)',
  'forfait(s)': 'جزاف (جزافات)',
  // field-names.ts
  'Heure de l’installation': 'وقت التركيب',
  Position: 'الموقع الجغرافي',
  Précisions: 'تفاصيل',
  'Version du travail': 'إصدار العمل',
  Photos: 'الصور',
  'Numéro de série de l’ONT': 'الرقم التسلسلي لجهاز ONT',
  'Raison de l’absence de signature': 'سبب عدم التوقيع',
  // report.ts
  'Indiquez la quantité.': 'أدخل الكمية.',
  'Quantité : un nombre, par exemple 42,5.': 'الكمية: عدد، مثل 42,5.',
  'La quantité doit être supérieure à 0.': 'يجب أن تكون الكمية أكبر من 0.',
  'Cet article se compte en nombre entier.': 'يُحسب هذا البند بعدد صحيح.',
  // FieldListPage.tsx
  'En retard': 'متأخر',
  'Aujourd’hui': 'اليوم',
  Demain: 'غدًا',
  'Sans rendez-vous': 'بدون موعد',
  'Rapport en attente d’envoi': 'تقرير في انتظار الإرسال',
  Appeler: 'اتصال',
  Itinéraire: 'المسار',
  'Mon travail': 'عملي',
  Actualiser: 'تحديث',
  'Mes rendez-vous': 'مواعيدي',
  'Rapport envoyé : {{name}} ({{reference}}).': 'أُرسل التقرير: {{name}} ({{reference}}).',
  'Déclaration d’échec envoyée : {{name}} ({{reference}}).': 'أُرسل تصريح الإخفاق: {{name}} ({{reference}}).',
  'Le bureau et la DOT le voient.': 'يطّلع عليه المكتب والمديرية العملياتية (DOT).',
  Masquer: 'إخفاء',
  'Enregistré sur ce téléphone : il partira tout seul au retour du réseau.':
    'حُفظ على هذا الهاتف: سيُرسل تلقائيًا عند عودة الشبكة.',
  'Hors connexion : travail tel que chargé le {{instant}}.': 'دون اتصال: العمل كما حُمّل في {{instant}}.',
  'Hors connexion, et aucun travail chargé sur ce téléphone : ouvrez cette page une fois avec du réseau.':
    'دون اتصال، ولم يُحمَّل أي عمل على هذا الهاتف: افتح هذه الصفحة مرة واحدة مع توفر الشبكة.',
  'Aucun rendez-vous.': 'لا توجد مواعيد.',
  'Aucun travail en attente de rendez-vous.': 'لا يوجد عمل في انتظار تحديد موعد.',
  // FieldWorkPage.tsx
  'Ce travail n’est plus dans votre périmètre : il a pu être annulé ou confié à une autre équipe.':
    'لم يعد هذا العمل ضمن نطاقك: ربما أُلغي أو أُسند إلى فريق آخر.',
  'Hors connexion, et ce travail n’a pas été chargé sur ce téléphone.': 'دون اتصال، ولم يُحمَّل هذا العمل على هذا الهاتف.',
  'Retour à mon travail': 'العودة إلى عملي',
  'Appeler {{phone}}': 'الاتصال بالرقم {{phone}}',
  'Itinéraire (application de cartes)': 'المسار (تطبيق الخرائط)',
  'Itinéraire sur OpenStreetMap': 'المسار على OpenStreetMap',
  'Position approximative : le centre de la commune.': 'موقع تقريبي: مركز البلدية.',
  'Un rapport de ce travail attend l’envoi : il part dès que possible.':
    'تقرير هذا العمل في انتظار الإرسال: سيُرسل في أقرب وقت ممكن.',
  'Les réglages du rapport (seuils, travaux, photos) n’ont pas encore été chargés : ouvrez cette page une fois avec du réseau.':
    'لم تُحمَّل إعدادات التقرير (العتبات، الأعمال، الصور) بعد: افتح هذه الصفحة مرة واحدة مع توفر الشبكة.',
  'Déclarer un échec': 'التصريح بإخفاق',
  // OutboxPanel.tsx
  'Pas de réseau : l’envoi reprendra tout seul.': 'لا توجد شبكة: سيُستأنف الإرسال تلقائيًا.',
  '{{count}} rapport en attente d’envoi': 'تقارير في انتظار الإرسال: {{count}}',
  '{{count}} rapports en attente d’envoi': 'تقارير في انتظار الإرسال: {{count}}',
  'Envois en attente': 'إرسالات معلّقة',
  'Votre session a expiré : reconnectez-vous pour envoyer vos rapports. Ils restent sur ce téléphone.':
    'انتهت صلاحية جلستك: سجّل الدخول من جديد لإرسال تقاريرك. تبقى التقارير على هذا الهاتف.',
  'Se reconnecter': 'إعادة تسجيل الدخول',
  'Rapport d’installation refusé': 'رُفض تقرير التركيب',
  'Déclaration d’échec refusée': 'رُفض تصريح الإخفاق',
  'Enregistré le {{instant}} (heure d’Alger)': 'حُفظ في {{instant}} (بتوقيت الجزائر)',
  'Supprimer ce rapport et ses photos de ce téléphone ? Ils ne pourront plus être envoyés.':
    'حذف هذا التقرير وصوره من هذا الهاتف؟ لن يمكن إرسالها بعد ذلك.',
  'Oui, supprimer': 'نعم، احذف',
  'Non, garder': 'لا، احتفظ به',
  'Réessayer avec l’état actuel': 'إعادة المحاولة على الحالة الراهنة',
  'Supprimer…': 'حذف…',
  // PhotoField.tsx
  '(obligatoire)': '(إلزامي)',
  'Position en cours…': 'جارٍ تحديد الموقع…',
  'Position à {{metres}} m près': 'الموقع بدقة {{metres}} م',
  'Sans position': 'بدون موقع',
  Retirer: 'إزالة',
  // ReportForm.tsx
  'Indiquez la date et l’heure de l’installation.': 'أدخل تاريخ التركيب ووقته.',
  'L’installation ne peut pas être dans le futur.': 'لا يمكن أن يكون التركيب في المستقبل.',
  'Indiquez le nom du technicien.': 'أدخل اسم التقني.',
  'Indiquez la puissance reçue en dBm, par exemple −21,5.': 'أدخل القدرة المستقبَلة بوحدة dBm، مثل \u2066−21,5\u2069.',
  'Perte d’épissure : un nombre de dB, par exemple 0,05.': 'خسارة اللحام: عدد بوحدة dB، مثل 0,05.',
  'Ajoutez au moins un travail mesuré.': 'أضف عملًا مُقاسًا واحدًا على الأقل.',
  'Photos manquantes : {{kinds}}.': 'صور ناقصة: {{kinds}}.',
  'Faites signer le client, ou indiquez pourquoi il ne signe pas.': 'اطلب من الزبون التوقيع، أو اذكر سبب عدم توقيعه.',
  'Heure de l’installation (heure d’Alger)': 'وقت التركيب (بتوقيت الجزائر)',
  'Mesures optiques': 'القياسات البصرية',
  'Puissance reçue à l’ONT à 1490 nm (dBm)': 'القدرة المستقبَلة عند جهاز ONT على \u20661490 nm\u2069 (dBm)',
  'Changer le signe': 'تغيير الإشارة',
  'Seuil : de {{min}} à {{max}}': 'العتبة: من {{min}} إلى {{max}}',
  'Perte d’épissure (dB, si mesurée)': 'خسارة اللحام (dB، إن قيست)',
  'Seuil : au plus {{max}}': 'العتبة: {{max}} على الأكثر',
  'Verdict : saisissez la puissance reçue.': 'الحكم: أدخل القدرة المستقبَلة.',
  'Le rapport sera enregistré, mais sa réception demandera une justification.':
    'سيُسجَّل التقرير، لكن استلامه سيتطلب تبريرًا.',
  'Ajouter un travail': 'إضافة عمل',
  Ajouter: 'إضافة',
  'Signature du client (PV de mise en service)': 'توقيع الزبون (محضر التشغيل)',
  'Le client ne signe pas': 'الزبون لا يوقّع',
  'Envoyer le rapport': 'إرسال التقرير',
  'Envoi…': 'جارٍ الإرسال…',
  'Sans réseau, le rapport attend sur ce téléphone et part tout seul au retour du réseau.':
    'دون شبكة، ينتظر التقرير على هذا الهاتف ويُرسل تلقائيًا عند عودة الشبكة.',
  // FieldRoutes.tsx
  'Hors connexion, et cette session n’a jamais été ouverte avec du réseau sur ce téléphone : ouvrez le terrain une fois avec du réseau.':
    'دون اتصال، ولم تُفتح هذه الجلسة قط مع توفر الشبكة على هذا الهاتف: افتح واجهة الميدان مرة واحدة مع توفر الشبكة.',
  // PhotoField.tsx (the server's limits)
  'Au plus {{count}} photos par rapport (signature comprise) : retirez-en {{extra}}.':
    'عدد الصور لكل تقرير لا يتجاوز {{count}} (بما فيها التوقيع): أزل منها {{extra}}.',
  'Photo trop lourde : {{max}} au plus. Reprenez-la dans une résolution plus faible.':
    'حجم الصورة كبير جدًا: {{max}} على الأكثر. أعد التقاطها بدقة أقل.',
  'Au plus {{count}} photos par rapport : cette photo n’a pas été ajoutée.':
    'عدد الصور لكل تقرير لا يتجاوز {{count}}: لم تُضف هذه الصورة.',
  // DraftDiscard.tsx
  'Brouillon gardé sur ce téléphone à mesure que vous saisissez, même sans réseau.':
    'تُحفظ المسودة على هذا الهاتف أثناء الكتابة، حتى دون شبكة.',
  'Abandonner ce brouillon et ses photos ? Ce qui a été saisi sera perdu.':
    'التخلي عن هذه المسودة وصورها؟ سيضيع ما أُدخل.',
  'Oui, abandonner': 'نعم، تخلَّ عنها',
  'Non, continuer': 'لا، واصل',
  'Abandonner le brouillon…': 'التخلي عن المسودة…',
  // SignatureField.tsx
  'Zone de signature du client': 'مساحة توقيع الزبون',
  'Effacer la signature': 'مسح التوقيع',
  // BarcodeScanner.tsx
  'La caméra n’est pas disponible : photographiez l’étiquette, ou tapez le numéro.':
    'الكاميرا غير متاحة: صوّر الملصق، أو اكتب الرقم.',
  'Aucun code-barres lu sur cette photo : rapprochez-vous de l’étiquette, ou tapez le numéro.':
    'لم يُقرأ أي رمز شريطي في هذه الصورة: اقترب من الملصق، أو اكتب الرقم.',
  'Arrêter la lecture': 'إيقاف القراءة',
  'Lire le code-barres': 'قراءة الرمز الشريطي',
  'Photographier l’étiquette': 'تصوير الملصق',
  'Caméra : visez le code-barres de l’ONT': 'الكاميرا: وجّهها نحو الرمز الشريطي لجهاز ONT',
  // FailureForm.tsx
  'Déclarer l’échec': 'التصريح بالإخفاق',
  // ScheduleForm.tsx
  'Le rendez-vous demande le réseau : réessayez quand il sera revenu.':
    'يتطلب تحديد الموعد الشبكة: أعد المحاولة عند عودتها.',
  // sign-out.ts
  '{{count}} rapport ou brouillon n’est pas encore envoyé : il reste sur ce téléphone, et vous le retrouverez en vous reconnectant. Se déconnecter quand même ?':
    'تقارير أو مسودات لم تُرسل بعد: {{count}}. تبقى على هذا الهاتف، وستجدها عند تسجيل الدخول من جديد. هل تريد تسجيل الخروج رغم ذلك؟',
  '{{count}} rapports ou brouillons ne sont pas encore envoyés : ils restent sur ce téléphone, et vous les retrouverez en vous reconnectant. Se déconnecter quand même ?':
    'تقارير أو مسودات لم تُرسل بعد: {{count}}. تبقى على هذا الهاتف، وستجدها عند تسجيل الدخول من جديد. هل تريد تسجيل الخروج رغم ذلك؟',
  'L’installation ne peut pas être datée d’avant le jour du rendez-vous ({{day}}).':
    'لا يمكن أن يكون تاريخ التركيب قبل يوم الموعد ({{day}}).',
  'Rendez-vous à fixer avant le {{due}}': 'موعد يجب تحديده قبل {{due}}',
  'Rendez-vous à fixer : en retard depuis le {{due}}': 'موعد يجب تحديده: متأخر منذ {{due}}',
  'Rapport attendu avant le {{due}}': 'التقرير منتظر قبل {{due}}',
  'Rapport attendu : en retard depuis le {{due}}': 'التقرير منتظر: متأخر منذ {{due}}',
  'Nouveau rapport attendu avant le {{due}}': 'تقرير جديد منتظر قبل {{due}}',
  'Nouveau rapport attendu : en retard depuis le {{due}}': 'تقرير جديد منتظر: متأخر منذ {{due}}',
} satisfies Record<string, string>;
