/** Arabic of the console's shared texts (lib/ and components/), keyed by their French. */
export default {
  // components/Layout.tsx
  'Aller au contenu': 'الانتقال إلى المحتوى',
  'Navigation principale': 'التصفح الرئيسي',
  'Tableau de bord': 'لوحة المتابعة',
  Contractants: 'المقاولون',
  Sites: 'المواقع',
  Raccordements: 'التوصيلات',
  Factures: 'الفواتير',
  'Bordereau des prix': 'جدول الأسعار',
  Qualité: 'الجودة',
  'Niveaux de service': 'مستويات الخدمة',
  Wilayas: 'الولايات',
  Accès: 'الصلاحيات',
  Langue: 'اللغة',
  'Se déconnecter': 'تسجيل الخروج',
  'Connexion au serveur perdue : les chiffres affichés ne bougent plus. Reconnexion en cours…':
    'انقطع الاتصال بالخادم: الأرقام المعروضة لم تعد تتحدّث. جارٍ إعادة الاتصال…',
  // components/Pager.tsx
  'Première page': 'الصفحة الأولى',
  'Page suivante': 'الصفحة التالية',
  // components/NotFoundPage.tsx
  'Page introuvable': 'الصفحة غير موجودة',
  'Cette adresse ne correspond à aucune page.': 'هذا العنوان لا يطابق أي صفحة من لوحة التحكم.',
  'Retour aux wilayas': 'العودة إلى الولايات',
  // components/QueryState.tsx
  'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.':
    'الخادم لا يستجيب. تحقّق من اتصالك ثم أعد المحاولة.',
  'Le serveur n’a pas pu répondre à cette demande.': 'تعذّر على الخادم الرد على هذا الطلب.',
  'Référence : {{reference}}': 'المرجع: {{reference}}',
  Réessayer: 'إعادة المحاولة',
  'Chargement…': 'جارٍ التحميل…',
  // components/ContractorPicker.tsx
  'Recherche des contractants…': 'جارٍ البحث عن المقاولين…',
  'Aucun contractant actif ne correspond à « {{search}} ».': 'لا يوجد مقاول نشط يطابق «{{search}}».',
  'Aucun contractant actif dans cette wilaya.': 'لا يوجد مقاول نشط في هذه الولاية.',
  'Aucun contractant actif pour l’instant.': 'لا يوجد أي مقاول نشط حاليًا.',
  'Contractants proposés : {{count}}. D’autres correspondent : précisez le nom ou le NIF.':
    'المقاولون المقترحون: {{count}}. يوجد آخرون مطابقون: دقّق الاسم أو رقم التعريف الجبائي.',
  'Contractants proposés : {{count}}.': 'المقاولون المقترحون: {{count}}.',
  'Tapez une partie du nom ou du NIF': 'اكتب جزءًا من الاسم أو من رقم التعريف الجبائي',
  'NIF {{nif}}': 'رقم التعريف الجبائي {{nif}}',
  'Contractant choisi : {{name}}, NIF {{nif}}.': 'المقاول المختار: {{name}}، رقم التعريف الجبائي {{nif}}.',
  'Changer de contractant': 'تغيير المقاول',
  // components/CsvImport.tsx
  'Trouver l’identifiant d’une commune': 'البحث عن معرّف بلدية',
  Wilaya: 'الولاية',
  Commune: 'البلدية',
  'Choisir…': 'اختر…',
  'Les communes n’ont pas pu être chargées.': 'تعذّر تحميل البلديات.',
  'Choisissez un fichier CSV.': 'اختر ملف CSV.',
  'Ce fichier n’a pas pu être lu.': 'تعذّرت قراءة هذا الملف.',
  'Ce fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.':
    'يتجاوز حجم هذا الملف 10 ميغابايت: قسّمه إلى عدة ملفات.',
  'Télécharger le modèle (la ligne d’en-tête)': 'تنزيل النموذج (سطر العناوين)',
  'Fichier CSV': 'ملف CSV',
  'Import en cours…': 'جارٍ الاستيراد…',
  Importer: 'استيراد',
  'Import réussi.': 'تمّ الاستيراد بنجاح.',
  'Lignes lues : {{count}}': 'الأسطر المقروءة: {{count}}',
  'Corrigez les lignes ci-dessous puis importez à nouveau le fichier entier.':
    'صحّح الأسطر أدناه ثم استورد الملف كاملًا من جديد.',
  'Problèmes : {{count}}': 'المشكلات: {{count}}',
  'Seuls les {{shown}} premiers sont listés.': 'لا تُعرض إلا المشكلات الأولى وعددها {{shown}}.',
  'Problèmes du fichier, ligne par ligne': 'مشكلات الملف، سطرًا بسطر',
  Ligne: 'السطر',
  Colonne: 'العمود',
  Problème: 'المشكلة',
  'Colonnes du fichier': 'أعمدة الملف',
  Obligatoire: 'إلزامي',
  Contenu: 'المحتوى',
  oui: 'نعم',
  non: 'لا',
  // components/WilayaFilter.tsx
  Toutes: 'الكل',
  // components/CommuneFields.tsx
  'Choisissez d’abord la wilaya': 'اختر الولاية أولًا',
  // lib/errors.ts
  'Ces données ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page puis recommencez.':
    'عدّل شخص آخر هذه البيانات في الأثناء: أعد تحميل الصفحة ثم أعد المحاولة.',
  'Cette action n’est pas possible dans l’état actuel.': 'هذا الإجراء غير ممكن في الحالة الراهنة.',
  'Votre rôle ne permet pas cette action.': 'دورك لا يسمح بهذا الإجراء.',
  'Votre session a expiré : reconnectez-vous.': 'انتهت صلاحية جلستك: سجّل الدخول من جديد.',
  'Introuvable, ou hors de votre périmètre.': 'غير موجود، أو خارج نطاق صلاحياتك.',
  'Ce contractant ne peut pas recevoir ce travail.': 'لا يمكن إسناد هذا العمل إلى هذا المقاول.',
  'Cet utilisateur ne peut pas recevoir ce travail : ce n’est pas un technicien actif de la firme.':
    'لا يمكن إسناد هذا العمل إلى هذا المستخدم: ليس تقنيًا نشطًا في المؤسسة.',
  'Ce site n’est pas ouvert au travail : il doit être attribué ou en cours.':
    'هذا الموقع غير مفتوح للعمل: يجب أن يكون مُسندًا أو قيد الإنجاز.',
  'Trop de tentatives : patientez quelques minutes.': 'محاولات كثيرة جدًا: انتظر بضع دقائق.',
  'Ce serveur n’envoie pas d’e-mails : aucun lien de réinitialisation ne peut être envoyé. L’exploitant doit configurer l’envoi (SMTP_URL et PUBLIC_URL).':
    'هذا الخادم لا يرسل رسائل بريد إلكتروني: لا يمكن إرسال أي رابط لإعادة التعيين. على المشغّل ضبط الإرسال (SMTP_URL وPUBLIC_URL).',
  'Le montant dépasse le reste dû de la facture.': 'المبلغ يتجاوز المبلغ المتبقي المستحق من الفاتورة.',
  'Les mesures sont hors seuils : la réception demande une justification.':
    'القياسات خارج العتبات: يتطلب الاستلام تبريرًا.',
  'Cette facture n’a aucune ligne : il n’y a rien à soumettre.': 'لا تحتوي هذه الفاتورة على أي سطر: لا يوجد ما يُقدَّم.',
  'Cette demande a déjà été envoyée avec d’autres valeurs : rechargez la page puis recommencez.':
    'سبق إرسال هذا الطلب بقيم أخرى: أعد تحميل الصفحة ثم أعد المحاولة.',
  'La demande est trop volumineuse pour le serveur : découpez le fichier en plusieurs.':
    'الطلب أكبر مما يقبله الخادم: قسّم الملف إلى عدة ملفات.',
  'Cette photo est trop lourde : reprenez-la dans une résolution plus faible.':
    'حجم هذه الصورة كبير جدًا: أعد التقاطها بدقة أقل.',
  'Cette photo a trop de pixels : reprenez-la dans une résolution plus faible.':
    'عدد نقاط هذه الصورة كبير جدًا: أعد التقاطها بدقة أقل.',
  'Ce fichier n’est pas une photo lisible : envoyez une image JPEG, PNG ou WebP.':
    'هذا الملف ليس صورة مقروءة: أرسل صورة JPEG أو PNG أو WebP.',
  'Les photos HEIC ne sont pas lisibles par le serveur : réglez l’appareil photo sur « Le plus compatible » (JPEG) et reprenez la photo.':
    'لا يستطيع الخادم قراءة صور HEIC: اضبط الكاميرا على «الأكثر توافقًا» (JPEG) ثم أعد التقاط الصورة.',
  'Le serveur ne répond pas pour le moment : réessayez dans quelques secondes.':
    'الخادم لا يستجيب حاليًا: أعد المحاولة بعد بضع ثوانٍ.',
  'Une valeur saisie n’est pas valable : corrigez-la puis recommencez.':
    'إحدى القيم المُدخلة غير صالحة: صحّحها ثم أعد المحاولة.',
  'Le serveur n’a pas pu lire la demande : rechargez la page puis recommencez.':
    'تعذّر على الخادم قراءة الطلب: أعد تحميل الصفحة ثم أعد المحاولة.',
  'Cette version de la console ne correspond plus au serveur : rechargez la page.':
    'إصدار لوحة التحكم هذا لم يعد يطابق الخادم: أعد تحميل الصفحة.',
  'Cette demande porte sur trop de données à la fois : réduisez la page ou les filtres.':
    'يشمل هذا الطلب بيانات كثيرة دفعة واحدة: صغّر الصفحة أو ضيّق عوامل التصفية.',
  'Les changements manqués ne sont plus conservés : rechargez la page.':
    'التغييرات الفائتة لم تعد محفوظة: أعد تحميل الصفحة.',
  'Trop de suivis en direct ouverts : fermez des onglets de la console.':
    'عدد المتابعات المباشرة المفتوحة كبير جدًا: أغلق بعض علامات التبويب الخاصة بلوحة التحكم.',
  'Le serveur n’a pas pu traiter la demande.': 'تعذّر على الخادم معالجة الطلب.',
  'Le serveur n’a pas pu traiter la demande. Référence à communiquer : {{reference}}':
    'تعذّر على الخادم معالجة الطلب. المرجع الواجب تبليغه: {{reference}}',
  'Cette valeur est déjà utilisée par un autre enregistrement.': 'هذه القيمة مستعملة من قبل في سجل آخر.',
  // lib/errors.ts: why the API refused a value (InputReason)
  'est obligatoire': 'إلزامي',
  'ne doit pas être vide': 'يجب ألا يكون فارغًا',
  'doit contenir des lettres ou des chiffres': 'يجب أن يحتوي على حروف أو أرقام',
  'doit faire au plus {{max}} caractères': 'يجب ألا يتجاوز عدد الحروف {{max}}',
  'doit faire au moins {{min}} caractères': 'يجب ألا يقل عدد الحروف عن {{min}}',
  'doit faire au plus {{max}} octets': 'يجب ألا يتجاوز حجمه {{max}} بايت',
  'doit être au moins {{min}}': 'يجب ألا يقل عن {{min}}',
  'doit être au plus {{max}}': 'يجب ألا يتجاوز {{max}}',
  'doit être supérieur à 0': 'يجب أن يكون أكبر من 0',
  'doit être entre {{min}} et {{max}}': 'يجب أن يكون بين {{min}} و{{max}}',
  'doit être entre 1 et {{max}} (reçu : {{value}})': 'يجب أن يكون بين 1 و{{max}} (القيمة المستلمة: {{value}})',
  'doit être entre 0 et 100 000 mètres': 'يجب أن يكون بين 0 و\u2066100 000\u2069 متر',
  'ne doit pas commencer par =, +, - ou @': 'يجب ألا يبدأ بـ = أو + أو - أو @',
  'ne doit pas contenir de caractères de contrôle': 'يجب ألا يحتوي على محارف تحكّم',
  'ne doit pas contenir de caractères de contrôle ni d’inversion de sens':
    'يجب ألا يحتوي على محارف تحكّم ولا على محارف عكس الاتجاه',
  'doit être un texte valide': 'يجب أن يكون نصًا صالحًا',
  'ne doit pas contenir le caractère de remplacement � (le fichier est-il enregistré en UTF-8 ?)':
    'يجب ألا يحتوي على محرف الاستبدال � (هل حُفظ الملف بترميز UTF-8؟)',
  'doit être une adresse e-mail': 'يجب أن يكون عنوان بريد إلكتروني',
  'doit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56':
    'يجب أن يكون رقم هاتف جزائريًا، مثل \u20660550 12 34 56\u2069 أو \u2066+213 550 12 34 56\u2069',
  'doit être un numéro de mobile algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56':
    'يجب أن يكون رقم هاتف نقال جزائريًا، مثل \u20660550 12 34 56\u2069 أو \u2066+213 550 12 34 56\u2069',
  'doit être un identifiant, par exemple « 42 »': 'يجب أن يكون معرّفًا، مثل «42»',
  'doit être un UUID, par exemple « 3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12 »':
    'يجب أن يكون معرّفًا من نوع UUID، مثل «\u20663f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12\u2069»',
  'doit être une position du journal des changements, par exemple « 42 »':
    'يجب أن يكون موضعًا في سجل التغييرات، مثل «42»',
  'la position {{position}} est au-delà de la fin du journal ({{head}})':
    'الموضع {{position}} يتجاوز نهاية السجل ({{head}})',
  'doit être un curseur rendu par cette liste : rechargez la page':
    'يجب أن يكون مؤشرًا أعادته هذه القائمة: أعد تحميل الصفحة',
  'doit être un numéro de version à partir de 1': 'يجب أن يكون رقم إصدار ابتداءً من 1',
  'doit faire de 1 à 100 lettres, chiffres, « . », « _ », « : » ou « - »':
    'يجب أن يتكون من 1 إلى 100 من الحروف أو الأرقام أو «.» أو «_» أو «:» أو «-»',
  'doit faire deux chiffres, par exemple « 01 »': 'يجب أن يتكون من رقمين، مثل «01»',
  'doit faire deux chiffres, avec un zéro devant, par exemple « 01 »':
    'يجب أن يتكون من رقمين مع صفر في البداية، مثل «01»',
  'doit être le code d’une wilaya, de « {{first}} » à « {{last}} »':
    'يجب أن يكون رمز ولاية، من «{{first}}» إلى «{{last}}»',
  'doit être le code d’une wilaya : aucune n’est chargée': 'يجب أن يكون رمز ولاية: لم تُحمَّل أي ولاية',
  'doit être l’identifiant d’une commune': 'يجب أن يكون معرّف بلدية',
  'doit être une commune de la wilaya {{wilaya}} : elle est dans la wilaya {{communeWilaya}}':
    'يجب أن تكون بلدية من ولاية {{wilaya}}: إنها في ولاية {{communeWilaya}}',
  'doit nommer au moins un statut': 'يجب أن يذكر حالة واحدة على الأقل',
  'doit être l’un des statuts de « statuses » quand les deux sont donnés':
    'يجب أن تكون إحدى حالات «statuses» عند إعطاء الاثنين',
  'doit être après le début de la période (appointmentFrom)': 'يجب أن يكون بعد بداية الفترة (appointmentFrom)',
  'doit être une date AAAA-MM-JJ': 'يجب أن يكون تاريخًا بالصيغة \u2066YYYY-MM-DD\u2069',
  'doit être une date et une heure': 'يجب أن يكون تاريخًا ووقتًا',
  'doit être une date et une heure, par exemple 2026-11-02T08:30:00Z':
    'يجب أن يكون تاريخًا ووقتًا، مثل \u20662026-11-02T08:30:00Z\u2069',
  'doit être un mois AAAA-MM': 'يجب أن يكون شهرًا بالصيغة \u2066YYYY-MM\u2069',
  'ne va qu’avec la période MONTH (un mois)': 'لا يُرفق إلا بالفترة \u2066MONTH\u2069 (شهر واحد)',
  'doit être entre 2000 et 2100': 'يجب أن يكون بين 2000 و2100',
  'ne doit pas être avant 2000': 'يجب ألا يكون قبل 2000',
  'doit être dans le futur': 'يجب أن يكون في المستقبل',
  'ne doit pas être dans le futur': 'يجب ألا يكون في المستقبل',
  'doit être une date et une heure entre maintenant et dans un an': 'يجب أن يكون تاريخًا ووقتًا بين الآن وسنة من الآن',
  'doit être après la prise de commande': 'يجب أن يكون بعد تسجيل الطلب',
  'ne doit pas être avant le jour du rendez-vous ({{appointmentDay}}, heure d’Alger)':
    'يجب ألا يكون قبل يوم الموعد ({{appointmentDay}}، بتوقيت الجزائر)',
  'ne doit pas être antérieure à la commande': 'يجب ألا يكون سابقًا للطلب',
  'ne doit pas être antérieure à la commande : la photo ne peut pas montrer ce travail':
    'يجب ألا يكون سابقًا للطلب: لا يمكن أن تُظهر الصورة هذا العمل',
  'ne doit pas précéder le début prévu': 'يجب ألا يسبق البداية المقرّرة',
  'ne doit pas être après aujourd’hui ({{today}}, heure d’Alger)': 'يجب ألا يكون بعد اليوم ({{today}}، بتوقيت الجزائر)',
  'ne doit pas être avant la date d’émission de la facture ({{issuedOn}})':
    'يجب ألا يكون قبل تاريخ إصدار الفاتورة ({{issuedOn}})',
  'doit être après aujourd’hui : les délais déjà comptés ne changent jamais':
    'يجب أن يكون بعد اليوم: الآجال المحسوبة لا تتغير أبدًا',
  'est un jour férié aujourd’hui ou passé, qui reste : les délais déjà comptés ne changent jamais':
    'عطلة اليوم أو عطلة ماضية تبقى: الآجال المحسوبة لا تتغير أبدًا',
  'donne à l’étape {{step}} un second objectif pour le même lieu': 'يعطي المرحلة {{step}} هدفًا ثانيًا للمكان نفسه',
  'doit donner à l’étape {{step}} un objectif national (sans wilaya)':
    'يجب إعطاء المرحلة {{step}} هدفًا وطنيًا (دون ولاية)',
  'doit rester vide : une étape de facture n’a qu’un objectif national': 'يجب تركه فارغًا: لمرحلة الفاتورة هدف وطني فقط',
  'doit être après aujourd’hui : une version en vigueur ne change jamais':
    'يجب أن يكون بعد اليوم: الإصدار الساري المفعول لا يتغيّر أبدًا',
  'doit être un nombre décimal, par exemple 36,7538': 'يجب أن يكون عددًا عشريًا، مثل 36,7538',
  'doit être un nombre décimal, par exemple -21,5': 'يجب أن يكون عددًا عشريًا، مثل \u2066-21,5\u2069',
  'doit être une distance en mètres à partir de 0, par exemple 12,5':
    'يجب أن يكون مسافة بالأمتار ابتداءً من 0، مثل 12,5',
  'doit être en Algérie': 'يجب أن يكون داخل الجزائر',
  'doit être en Algérie (18,9 à 37,2)': 'يجب أن يكون داخل الجزائر (من 18,9 إلى 37,2)',
  'doit être en Algérie (−8,7 à 12,0)': 'يجب أن يكون داخل الجزائر (من \u2066−8,7\u2069 إلى 12,0)',
  'indiquez les deux coordonnées, ou aucune': 'أدخل الإحداثيتين معًا، أو لا شيء منهما',
  'va avec la latitude : indiquez les deux, ou aucune': 'يُرفق بخط العرض: أدخل الاثنين، أو لا شيء منهما',
  'ne va qu’avec une position': 'لا يُرفق إلا بموقع جغرافي',
  'doit être un montant en DA, par exemple 1234,56 (deux décimales au plus)':
    'يجب أن يكون مبلغًا بالدينار، مثل 1234,56 (رقمان عشريان على الأكثر)',
  'doit être un montant en DA, par exemple 4500,00': 'يجب أن يكون مبلغًا بالدينار، مثل 4500,00',
  'doit être une quantité, par exemple 42,5 (trois décimales au plus)':
    'يجب أن يكون كمية، مثل 42,5 (ثلاثة أرقام عشرية على الأكثر)',
  'doit être un nombre entier pour cet article (unité : {{unit}})':
    'يجب أن يكون عددًا صحيحًا لهذا البند (الوحدة: {{unit}})',
  'doit être au plus la quantité facturée et pas encore créditée ({{remaining}})':
    'يجب ألا يتجاوز الكمية المفوترة التي لم تُخصم بعد ({{remaining}})',
  'doit être un virement bancaire, un virement CCP ou un chèque':
    'يجب أن يكون تحويلًا بنكيًا أو تحويلًا بريديًا (CCP) أو صكًا',
  'doit être un statut de facture': 'يجب أن يكون حالة فاتورة',
  'doit faire 15 chiffres (20 pour un établissement)': 'يجب أن يتكون من 15 رقمًا (20 رقمًا لمؤسسة فرعية)',
  'doit être un RIB de 20 chiffres dont les deux derniers sont la clé':
    'يجب أن يكون كشف هوية بنكية (RIB) من 20 رقمًا، آخر رقمين منها هما المفتاح',
  'doit être AUTO_ENTREPRENEUR exactement quand la forme juridique est AUTO_ENTREPRENEUR':
    'يجب أن يكون AUTO_ENTREPRENEUR إذا كان الشكل القانوني AUTO_ENTREPRENEUR، وفي هذه الحالة فقط',
  'est obligatoire pour un auto-entrepreneur': 'إلزامي للمقاول الذاتي',
  'doit être vide pour un auto-entrepreneur, qui a un numéro de carte à la place':
    'يجب أن يكون فارغًا للمقاول الذاتي، الذي يملك رقم بطاقة بدلًا منه',
  'est obligatoire, sauf si la forme juridique est AUTO_ENTREPRENEUR':
    'إلزامي، إلا إذا كان الشكل القانوني AUTO_ENTREPRENEUR',
  'doit être une liste de contacts': 'يجب أن يكون قائمة جهات اتصال',
  'doit être une liste de codes de wilaya': 'يجب أن يكون قائمة رموز ولايات',
  'doit nommer au moins une wilaya': 'يجب أن يذكر ولاية واحدة على الأقل',
  'nomme trop de wilayas': 'يذكر عددًا كبيرًا جدًا من الولايات',
  'un responsable DOT couvre au moins une wilaya': 'يغطي مسؤول المديرية العملياتية (DOT) ولاية واحدة على الأقل',
  'seul un responsable DOT couvre des wilayas': 'لا يغطي الولايات إلا مسؤول المديرية العملياتية (DOT)',
  'est obligatoire pour un utilisateur contractant ou technicien, et seulement pour eux':
    'إلزامي لمستخدم مقاول أو تقني، ولهما فقط',
  'seul un utilisateur contractant peut administrer sa firme': 'لا يستطيع إدارة المؤسسة إلا مستخدم مقاول منها',
  'doit faire de 2 à 40 lettres (A–Z), chiffres, « - » ou « _ », en commençant par une lettre ou un chiffre':
    'يجب أن يتكون من 2 إلى 40 من الحروف (A–Z) أو الأرقام أو «-» أو «_»، ويبدأ بحرف أو رقم',
  'doit faire de 3 à 40 lettres (A–Z), chiffres, « / », « - » ou « _ »':
    'يجب أن يتكون من 3 إلى 40 من الحروف (A–Z) أو الأرقام أو «/» أو «-» أو «_»',
  'doit faire de 4 à 40 lettres, chiffres ou « - », comme imprimé sur l’ONT':
    'يجب أن يتكون من 4 إلى 40 من الحروف أو الأرقام أو «-»، كما هو مطبوع على جهاز ONT',
  'doit faire de 2 à 20 majuscules, chiffres ou « - »': 'يجب أن يتكون من 2 إلى 20 من الحروف الكبيرة أو الأرقام أو «-»',
  'n’est pas une autorisation qu’une clé d’API peut détenir': 'ليست صلاحية يمكن أن يحملها مفتاح API',
  'doit nommer au moins une autorisation': 'يجب أن يذكر صلاحية واحدة على الأقل',
  'doit nommer au moins une réserve': 'يجب أن يذكر تحفّظًا واحدًا على الأقل',
  'doit nommer au moins une ligne': 'يجب أن يذكر سطرًا واحدًا على الأقل',
  'doit contenir au moins une ligne de travail': 'يجب أن يحتوي على سطر عمل واحد على الأقل',
  'doit contenir au moins un élément': 'يجب أن يحتوي على عنصر واحد على الأقل',
  'doit nommer au moins un type d’événement': 'يجب أن يذكر نوع حدث واحدًا على الأقل',
  'doit nommer au moins une notification': 'يجب أن يذكر إشعارًا واحدًا على الأقل',
  'doit créditer au moins une ligne': 'يجب أن يشمل الإشعار الدائن سطرًا واحدًا على الأقل',
  'doit contenir au plus {{max}} éléments': 'يجب ألا يتجاوز عدد العناصر {{max}}',
  'doit nommer au plus {{max}} éléments': 'يجب ألا يتجاوز عدد العناصر المذكورة {{max}}',
  'doit nommer chaque ligne une seule fois': 'يجب أن يذكر كل سطر مرة واحدة فقط',
  'doit nommer chaque photo une seule fois': 'يجب أن يذكر كل صورة مرة واحدة فقط',
  'le code {{code}} figure deux fois': 'الرمز {{code}} مذكور مرتين',
  'l’article {{code}} figure deux fois': 'البند {{code}} مذكور مرتين',
  'la ligne {{line}} n’a pas été refusée': 'السطر {{line}} لم يُرفض',
  'doit donner la quantité réclamée pour chaque ligne refusée (manquent : {{lines}})':
    'يجب ذكر الكمية المطالب بها لكل سطر مرفوض (الناقصة: {{lines}})',
  'est déjà jointe à un rapport ou à un échec': 'مرفقة من قبل بتقرير أو بتصريح إخفاق',
  'un envoi porte un seul fichier, dans le champ « file »': 'يحمل كل إرسال ملفًا واحدًا، في الحقل «file»',
  'est obligatoire quand le motif de l’échec est « Autre »': 'إلزامي عندما يكون سبب الإخفاق «آخر»',
  'le client a signé (une photo de signature est jointe) : ne donnez pas de motif':
    'وقّع الزبون (صورة التوقيع مرفقة): لا تذكر سببًا',
  'demande un numéro de mobile où envoyer les SMS': 'يتطلب رقم هاتف نقال تُرسل إليه الرسائل القصيرة',
  'est nécessaire tant que des notifications sont reçues par SMS : décochez-les d’abord':
    'ضروري ما دامت إشعارات تُستقبل عبر الرسائل القصيرة: ألغِ تحديدها أولًا',
  'doit être des types de notification': 'يجب أن تكون أنواع إشعارات',
  'donnez soit des identifiants, soit « toutes », pas les deux': 'أعطِ إما معرّفات وإما «الكل»، لا الاثنين معًا',
  'doit être un type d’événement : facture, raccordement ou site': 'يجب أن يكون نوع حدث: فاتورة أو توصيل أو موقع',
  'doit être une adresse https://': 'يجب أن يكون عنوانًا يبدأ بـ \u2066https://\u2069',
  'doit être sur Internet, pas une adresse locale ou privée': 'يجب أن يكون على الإنترنت، لا عنوانًا محليًا أو خاصًا',
  'ne doit contenir ni nom d’utilisateur ni mot de passe': 'يجب ألا يحتوي على اسم مستخدم ولا على كلمة مرور',
  'le point d’accès d’une firme ne reçoit que ses propres événements':
    'لا تستقبل نقطة الاستقبال الخاصة بمؤسسة إلا أحداثها',
  'aucune commune n’a l’identifiant {{id}}': 'لا توجد بلدية بالمعرّف {{id}}',
  'aucune wilaya n’a le code {{code}}': 'لا توجد ولاية بالرمز {{code}}',
  'aucun site n’a le code {{code}}': 'لا يوجد موقع بالرمز {{code}}',
  'aucun code de taxe {{code}}': 'لا يوجد رمز ضريبة {{code}}',
  'aucun bordereau des prix n’est en vigueur le {{day}}': 'لا يوجد جدول أسعار ساري المفعول في {{day}}',
  'aucun article {{code}} dans le bordereau des prix en vigueur le {{day}}':
    'لا يوجد البند {{code}} في جدول الأسعار الساري المفعول في {{day}}',
  'le site {{site}} est {{status}} : il ne prend plus de travail':
    'الموقع {{site}} في حالة {{status}}: لم يعد يقبل أعمالًا',
  'le site {{site}} est dans la wilaya {{siteWilaya}}, le client dans la wilaya {{customerWilaya}}':
    'الموقع {{site}} في ولاية {{siteWilaya}}، والزبون في ولاية {{customerWilaya}}',
  'le fichier n’est pas un CSV valide : {{detail}}': 'الملف ليس ملف CSV صالحًا: {{detail}}',
  'le fichier n’a aucune ligne': 'لا يحتوي الملف على أي سطر',
  'la ligne a plus de valeurs que l’en-tête n’a de colonnes : une valeur qui contient « {{separator}} » doit être entre guillemets':
    'يحتوي السطر على قيم أكثر من أعمدة سطر العناوين: القيمة التي تحتوي على «{{separator}}» يجب أن توضع بين علامتي تنصيص',
  'la ligne n’est pas un CSV valide : {{detail}}': 'السطر ليس سطر CSV صالحًا: {{detail}}',
  'le fichier a plus de {{max}} lignes ; un import en prend au plus {{max}}':
    'عدد أسطر الملف يتجاوز {{max}}؛ ولا يقبل الاستيراد الواحد أكثر من {{max}} سطر',
  'colonnes nommées deux fois : {{columns}}': 'أعمدة مذكورة مرتين: {{columns}}',
  'colonnes manquantes : {{columns}}': 'أعمدة ناقصة: {{columns}}',
  'colonnes inconnues : {{columns}} (les colonnes sont {{expected}})':
    'أعمدة غير معروفة: {{columns}} (الأعمدة هي {{expected}})',
  '{{value}} figure déjà à la ligne {{line}}': '{{value}} موجودة من قبل في السطر {{line}}',
  'est obligatoire (vide ici)': 'إلزامي (فارغ هنا)',
  'le champ {{name}} est obligatoire': 'الحقل {{name}} إلزامي',
  'le champ {{name}} n’existe pas': 'الحقل {{name}} غير موجود',
  'n’est pas l’une des valeurs possibles': 'ليست من القيم الممكنة',
  'doit être un nombre entier': 'يجب أن يكون عددًا صحيحًا',
  'doit être un texte': 'يجب أن يكون نصًا',
  'n’est pas du type attendu': 'ليس من النوع المنتظر',
  'doit être l’une des valeurs {{options}}': 'يجب أن يكون إحدى القيم {{options}}',
  'ce lien de réinitialisation n’est pas valable : demandez-en un nouveau':
    'رابط إعادة التعيين هذا غير صالح: اطلب رابطًا جديدًا',
  'ce lien de réinitialisation a expiré : demandez-en un nouveau':
    'انتهت صلاحية رابط إعادة التعيين هذا: اطلب رابطًا جديدًا',
  'ce lien de réinitialisation a déjà servi : demandez-en un nouveau':
    'سبق استعمال رابط إعادة التعيين هذا: اطلب رابطًا جديدًا',
  'n’est pas une valeur valable': 'ليست قيمة صالحة',
  // A label and its value, as French spaces them ("Statut : Actif") and English does not ("Status: Active").
  '{{label}} : {{value}}': '{{label}}: {{value}}',
  // lib/format.ts
  '{{days}} j': '{{days}} يوم',
  '{{from}} → {{to}}': '{{from}} ← {{to}}',
  // lib/errors.ts: the reasons the server writes, their figures as the console writes them
  'import CSV': 'استيراد CSV',
  'réserves : {{reserves}}': 'التحفظات: {{reserves}}',
  'qualité : {{issues}}': 'الجودة: {{issues}}',
  'puissance reçue {{power}} hors de la plage {{min}} à {{max}} (classe {{networkClass}})':
    'القدرة المستقبَلة {{power}} خارج المجال من {{min}} إلى {{max}} (الصنف {{networkClass}})',
  'perte d’épissure {{loss}} au-delà de {{max}}': 'خسارة اللحام {{loss}} تتجاوز {{max}}',
  'aucun seuil configuré pour la classe {{networkClass}}': 'لا توجد عتبة مضبوطة للصنف {{networkClass}}',
  // lib/errors.ts: the filters' names
  Mois: 'الشهر',
  // components/GlobalSearch.tsx
  Facture: 'فاتورة',
  Brouillon: 'مسودة',
  Raccordement: 'توصيل',
  Site: 'الموقع',
  Contractant: 'مقاول',
  'Recherche…': 'جارٍ البحث…',
  'Rien ne correspond à « {{text}} ».': 'لا شيء يطابق «{{text}}».',
  'Résultats : {{count}}.': 'النتائج: {{count}}.',
  'Rechercher un contractant, un site, une commande ou une facture': 'البحث عن مقاول أو موقع أو طلب أو فاتورة',
  'Rechercher (n°, nom, code…)': 'بحث (الرقم، الاسم، الرمز…)',
  // components/EmptyState.tsx
  'Élargissez les filtres, ou effacez-les pour revoir toute la liste.':
    'وسّعوا عوامل التصفية، أو امسحوها لرؤية القائمة كاملة.',
  'Effacer les filtres': 'مسح عوامل التصفية',
  // errors.ts: the identity numbers' reasons
  'doit faire 15 chiffres': 'يجب أن يتكون من 15 رقمًا',
  'doit être un n° de RC : au moins 6 chiffres et une lettre, par exemple 16/00-0123456 B 15 ou 02 B 0018083':
    'يجب أن يكون رقم سجل تجاري: 6 أرقام على الأقل وحرف واحد، مثلًا \u206616/00-0123456 B 15\u2069 أو \u206602 B 0018083\u2069',
  'doit faire de 3 à 40 chiffres, lettres et séparateurs (/ . - espace), dont au moins 3 chiffres':
    'يجب أن يتكون من 3 إلى 40 رقمًا وحرفًا وفاصلًا (/ . - مسافة)، منها 3 أرقام على الأقل',
} satisfies Record<string, string>;
