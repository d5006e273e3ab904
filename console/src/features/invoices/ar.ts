/** Arabic of the invoice pages, keyed by their French. */
export default {
  // labels.ts
  'Brouillon (s’enrichit à chaque réception)': 'مسودة (تُستكمل مع كل استلام)',
  'Soumise, en attente d’approbation': 'مقدَّمة، في انتظار المصادقة',
  'Approuvée, à payer': 'مصادق عليها، للدفع',
  'Révision demandée': 'مراجعة مطلوبة',
  'Payée en partie': 'مسدَّدة جزئيًا',
  Payée: 'مسدَّدة',
  'Virement bancaire': 'تحويل بنكي',
  'Virement CCP': 'تحويل بريدي (CCP)',
  Chèque: 'صك',
  u: 'u',
  m: 'm',
  forfait: 'جزافي',
  // reasons.ts
  'Paiement enregistré : {{method}}, référence {{reference}}': 'تسديد مسجَّل: {{method}}، المرجع {{reference}}',
  'Soumise automatiquement à la clôture du mois {{period}}': 'قُدِّمت تلقائيًا عند إقفال شهر {{period}}',
  'Soldée par avoir : il ne reste rien à payer': 'سُوّيت بإشعار دائن: لم يبقَ شيء للدفع',
  'Soldée par l’avoir {{number}} : il ne reste rien à payer': 'سُوّيت بالإشعار الدائن {{number}}: لم يبقَ شيء للدفع',
  'Soumise à nouveau après révision ; les quantités retirées sont créditées par l’avoir {{number}}':
    'أُعيد تقديمها بعد المراجعة؛ الكميات المسحوبة مقيَّدة في الإشعار الدائن {{number}}',
  'Soumise à nouveau après révision, toutes les lignes maintenues':
    'أُعيد تقديمها بعد المراجعة، مع الإبقاء على كل الأسطر',
  'Lignes refusées — {{lines}}': 'أسطر مرفوضة — {{lines}}',
  'Révision demandée — {{lines}}': 'مراجعة مطلوبة — {{lines}}',
  // ConfirmDialog.tsx
  Annuler: 'إلغاء',
  'Renvoyer la soumission': 'إعادة إرسال التقديم',
  'Le serveur n’a pas répondu : renvoyez la soumission. Si elle était déjà passée, elle ne sera pas faite deux fois.':
    'لم يستجب الخادم: أعد إرسال التقديم. إن كان قد تم من قبل، فلن يُنفَّذ مرتين.',
  // SubmitInvoice.tsx
  'Soumettre la facture': 'تقديم الفاتورة',
  'Ce brouillon s’enrichit à chaque réception de votre travail. Soumettez-le pour le faire approuver puis payer ; à défaut, il est soumis automatiquement à la fin du mois.':
    'تُستكمل هذه المسودة مع كل استلام لأشغالك. قدّمها للمصادقة عليها ثم دفعها؛ وإلا فإنها تُقدَّم تلقائيًا في نهاية الشهر.',
  'Ce brouillon s’enrichit à chaque réception du travail de la firme. Le soumettre pour elle l’envoie en approbation puis au paiement ; à défaut, il est soumis automatiquement à la fin du mois.':
    'تُستكمل هذه المسودة مع كل استلام لأشغال المقاول. تقديمها نيابةً عنه يرسلها للمصادقة ثم للدفع؛ وإلا فإنها تُقدَّم تلقائيًا في نهاية الشهر.',
  'Soumettre la facture…': 'تقديم الفاتورة…',
  'Soumettre la facture du mois {{period}} ?': 'تقديم فاتورة شهر {{period}}؟',
  'Confirmer la soumission': 'تأكيد التقديم',
  Lignes: 'الأسطر',
  'Net à payer': 'الصافي للدفع',
  'Une fois soumise, la facture reçoit son numéro et ses lignes ne changent plus : le travail réceptionné ensuite ira sur une nouvelle facture.':
    'بمجرد تقديمها، تحصل الفاتورة على رقمها ولا تتغير أسطرها بعد ذلك: الأشغال المستلَمة لاحقًا تُدرج في فاتورة جديدة.',
  // ResubmitInvoice.tsx
  'Quantité invalide : écrivez par exemple 42,5 (trois décimales au plus).':
    'كمية غير صالحة: اكتب مثلًا 42,5 (ثلاثة أرقام عشرية على الأكثر).',
  'Au plus {{quantity}} : la quantité facturée.': '{{quantity}} على الأكثر: الكمية المفوترة.',
  'Un nombre entier pour cet article.': 'عدد صحيح لهذا البند.',
  'Répondre à la demande de révision': 'الرد على طلب المراجعة',
  'Algérie Télécom a refusé les lignes ci-dessous. Pour chacune, indiquez la quantité que vous réclamez maintenant : de 0 (ligne retirée) à la quantité facturée (ligne maintenue). Ce que vous retirez est crédité par un avoir émis sur cette facture, qui garde son numéro et repart en approbation.':
    'رفضت اتصالات الجزائر الأسطر أدناه. لكل سطر، اذكر الكمية التي تطالب بها الآن: من 0 (سطر مسحوب) إلى الكمية المفوترة (سطر مُبقى عليه). ما تسحبه يُقيَّد في إشعار دائن يُصدر على هذه الفاتورة، التي تحتفظ برقمها وتعود إلى المصادقة.',
  'Algérie Télécom a refusé les lignes ci-dessous. Pour chacune, indiquez la quantité que la firme réclame maintenant : de 0 (ligne retirée) à la quantité facturée (ligne maintenue). Ce qui est retiré est crédité par un avoir émis sur cette facture, qui garde son numéro et repart en approbation.':
    'رفضت اتصالات الجزائر الأسطر أدناه. لكل سطر، اذكر الكمية التي يطالب بها المقاول الآن: من 0 (سطر مسحوب) إلى الكمية المفوترة (سطر مُبقى عليه). ما يُسحب يُقيَّد في إشعار دائن يُصدر على هذه الفاتورة، التي تحتفظ برقمها وتعود إلى المصادقة.',
  Code: 'الرمز',
  Désignation: 'التعيين',
  'Motif du refus': 'سبب الرفض',
  Facturé: 'المفوتر',
  'Quantité réclamée': 'الكمية المطالب بها',
  'Quantité réclamée pour la ligne {{code}} de la commande {{order}}':
    'الكمية المطالب بها للسطر {{code}} من الطلب {{order}}',
  'Soumettre à nouveau…': 'إعادة التقديم…',
  'Soumettre à nouveau la facture {{number}} ?': 'إعادة تقديم الفاتورة {{number}}؟',
  'Soumettre à nouveau la facture ?': 'إعادة تقديم الفاتورة؟',
  'Confirmer la nouvelle soumission': 'تأكيد إعادة التقديم',
  Ligne: 'السطر',
  Réclamé: 'المطالب به',
  'Retiré (crédité)': 'المسحوب (مقيَّد في إشعار دائن)',
  'Un avoir sera émis sur cette facture pour ce qui est retiré, aux prix facturés ; il est déduit du reste dû.':
    'سيُصدر إشعار دائن على هذه الفاتورة بما سُحب، بالأسعار المفوترة؛ ويُخصم من المبلغ المتبقي المستحق.',
  'Toutes les lignes sont maintenues : aucun avoir ne sera émis.': 'تم الإبقاء على كل الأسطر: لن يُصدر أي إشعار دائن.',
  // CreditNotes.tsx
  'Le PDF n’a pas pu être obtenu ({{status}}).': 'تعذّر الحصول على ملف PDF ({{status}}).',
  Avoirs: 'الإشعارات الدائنة',
  'Aucun avoir émis sur cette facture.': 'لم يُصدر أي إشعار دائن على هذه الفاتورة.',
  Numéro: 'الرقم',
  'Émis le': 'تاريخ الإصدار',
  Motif: 'السبب',
  Crédité: 'المقيَّد',
  'Net crédité': 'الصافي المقيَّد',
  PDF: 'PDF',
  'Télécharger l’avoir {{number}} en PDF': 'تنزيل الإشعار الدائن {{number}} بصيغة PDF',
  // IssueCreditNote.tsx
  'Au plus {{quantity}} : ce qui reste à créditer.': '{{quantity}} على الأكثر: ما تبقّى للقيد.',
  'Cochez au moins une ligne à créditer.': 'حدّد سطرًا واحدًا على الأقل للقيد.',
  'Indiquez le motif : il est imprimé sur l’avoir.': 'اذكر السبب: يُطبع على الإشعار الدائن.',
  'Émettre un avoir…': 'إصدار إشعار دائن…',
  'Émettre un avoir': 'إصدار إشعار دائن',
  'Un avoir corrige cette facture sans la modifier : cochez les lignes à créditer et la quantité de chacune. Il est émis aux prix facturés, avec la TVA et la retenue de la facture, et déduit de son reste dû.':
    'يصحّح الإشعار الدائن هذه الفاتورة دون تعديلها: حدّد الأسطر المراد قيدها وكمية كل منها. يُصدر بالأسعار المفوترة، مع الرسم على القيمة المضافة واقتطاع الضمان الخاصين بالفاتورة، ويُخصم من المبلغ المتبقي المستحق عليها.',
  Créditer: 'قيد',
  'Reste à créditer': 'المتبقي للقيد',
  'Quantité créditée': 'الكمية المقيَّدة',
  'Créditer la ligne {{code}} {{designation}} de la commande {{order}}':
    'قيد السطر {{code}} {{designation}} من الطلب {{order}}',
  'Quantité créditée pour la ligne {{code}} de la commande {{order}}':
    'الكمية المقيَّدة للسطر {{code}} من الطلب {{order}}',
  'Motif (imprimé sur l’avoir)': 'السبب (يُطبع على الإشعار الدائن)',
  'Émettre l’avoir…': 'إصدار الإشعار الدائن…',
  'Émettre un avoir sur cette facture ?': 'إصدار إشعار دائن على هذه الفاتورة؟',
  'Confirmer l’avoir': 'تأكيد الإشعار الدائن',
  'Un avoir émis ne s’annule pas : il reçoit son numéro et il est déduit du reste dû de la facture.':
    'لا يُلغى الإشعار الدائن بعد إصداره: يحصل على رقمه ويُخصم من المبلغ المتبقي المستحق على الفاتورة.',
  // InvoicePage.tsx
  'Avoir {{number}} émis : il est déduit du reste dû de la facture.':
    'صدر الإشعار الدائن {{number}}: يُخصم من المبلغ المتبقي المستحق على الفاتورة.',
  'Facture introuvable': 'الفاتورة غير موجودة',
  'Aucune facture n’a l’identifiant « {{id}} », ou elle est hors de votre périmètre.':
    'لا توجد فاتورة بالمعرّف «{{id}}»، أو أنها خارج نطاقك.',
  'Retour aux factures': 'العودة إلى الفواتير',
  'Cochez au moins une ligne et dites pour chacune pourquoi elle est refusée.':
    'حدّد سطرًا واحدًا على الأقل واذكر لكل سطر سبب رفضه.',
  'Montant invalide : écrivez par exemple 1 500,50 (deux décimales au plus).':
    'مبلغ غير صالح: اكتب مثلًا \u20661 500,50\u2069 (رقمان عشريان على الأكثر).',
  'est obligatoire': 'إلزامي',
  'Facture {{number}}': 'الفاتورة {{number}}',
  'Facture en cours — {{period}}': 'الفاتورة الجارية — {{period}}',
  'mois {{period}}': 'شهر {{period}}',
  'émise le {{date}}': 'صادرة في {{date}}',
  'échéance {{date}}': 'تستحق في {{date}}',
  'approuvée le {{date}}': 'مصادق عليها في {{date}}',
  'en retard de {{days}}': 'متأخرة بـ {{days}}',
  'Motif : {{reason}}': 'السبب: {{reason}}',
  'Télécharger le PDF': 'تنزيل ملف PDF',
  'Approuver pour paiement': 'المصادقة للدفع',
  'Demander une révision': 'طلب مراجعة',
  'Facture soumise sous le numéro {{number}} : elle part en approbation.':
    'قُدِّمت الفاتورة تحت الرقم {{number}}: أُرسلت للمصادقة.',
  'Facture soumise : elle part en approbation.': 'قُدِّمت الفاتورة: أُرسلت للمصادقة.',
  'Facture soumise à nouveau ; ce qui est retiré est crédité par l’avoir {{number}}.':
    'أُعيد تقديم الفاتورة؛ ما سُحب مقيَّد في الإشعار الدائن {{number}}.',
  'Facture soumise à nouveau, toutes les lignes maintenues.': 'أُعيد تقديم الفاتورة، مع الإبقاء على كل الأسطر.',
  'Cochez les lignes refusées et donnez la raison de chacune ; le contractant les corrige et soumet à nouveau.':
    'حدّد الأسطر المرفوضة واذكر سبب رفض كل منها؛ يصحّحها المقاول ويعيد التقديم.',
  'Aucune ligne : aucun travail réceptionné n’est encore facturé ce mois-ci.':
    'لا توجد أسطر: لم تُفوتر بعد أي أشغال مستلَمة هذا الشهر.',
  Refuser: 'رفض',
  Quantité: 'الكمية',
  'Prix unitaire HT': 'سعر الوحدة خارج الرسوم',
  TVA: 'الرسم على القيمة المضافة',
  'Montant HT': 'المبلغ خارج الرسوم',
  'Refuser la ligne {{code}} {{designation}} de la commande {{order}}':
    'رفض السطر {{code}} {{designation}} من الطلب {{order}}',
  'Raison du refus de la ligne {{code}} de la commande {{order}}': 'سبب رفض السطر {{code}} من الطلب {{order}}',
  'refusée : {{reason}}': 'مرفوض: {{reason}}',
  'crédité : {{quantity}}': 'مقيَّد: {{quantity}}',
  'Envoyer la demande de révision': 'إرسال طلب المراجعة',
  'Total HT': 'المجموع خارج الرسوم',
  'non applicable (IFU ou auto-entrepreneur)': 'غير مطبَّق (IFU أو مقاول ذاتي)',
  'TVA {{rate}} %': 'الرسم على القيمة المضافة {{rate}} %',
  'Total TTC': 'المجموع بكل الرسوم',
  'Retenue de garantie ({{percent}} %)': 'اقتطاع الضمان ({{percent}} %)',
  Payé: 'المسدَّد',
  'Reste dû': 'المتبقي المستحق',
  Paiements: 'التسديدات',
  'Aucun paiement enregistré.': 'لا يوجد أي تسديد مسجَّل.',
  'Date de valeur': 'تاريخ القيمة',
  Mode: 'طريقة الدفع',
  Référence: 'المرجع',
  Montant: 'المبلغ',
  'Enregistrer un paiement': 'تسجيل تسديد',
  'Montant (DA, ex. 1500,00)': 'المبلغ (دج، مثل 1500,00)',
  'Référence (n° de virement ou de chèque)': 'المرجع (رقم التحويل أو الصك)',
  'Enregistrer le paiement': 'تسجيل التسديد',
  // InvoicesPage.tsx
  Statut: 'الحالة',
  'Tous les statuts': 'كل الحالات',
  'Mois facturé': 'الشهر المفوتر',
  'Factures trouvées : {{count}}': 'الفواتير المطابقة: {{count}}',
  'Aucune facture ne correspond à ces filtres.': 'لا توجد فاتورة توافق هذه المرشحات.',
  'Aucune facture pour le moment.': 'لا توجد أي فاتورة حاليًا.',
  // InvoicesTable.tsx
  Contractant: 'مقاول',
  Mois: 'الشهر',
  'Émise le': 'تاريخ الإصدار',
  'Âge depuis l’émission': 'المدة منذ الإصدار',
  Échéance: 'تاريخ الاستحقاق',
  Retard: 'التأخر',
  Brouillon: 'مسودة',
  // InvoicePage.tsx
  Commande: 'الطلب',
  // InvoicesPage.tsx
  'Rechercher (numéro ou contractant)': 'بحث (الرقم أو المقاول)',
  // InvoicesPage.tsx: the empty list
  'La facture du mois d’un contractant s’ouvre d’elle-même à la réception de son premier travail, et s’enrichit à chaque réception.':
    'تُفتح فاتورة الشهر للمقاول تلقائيًا عند استلام أول أعماله، وتُستكمل مع كل استلام.',
} satisfies Record<string, string>;
