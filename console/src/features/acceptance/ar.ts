/** Arabic of the acceptance queue, keyed by its French. */
export default {
  // labels.ts
  PBO: 'PBO',
  PTO: 'PTO',
  'Écran du mesureur': 'شاشة جهاز القياس',
  ONT: 'ONT',
  Obstacle: 'عائق',
  'Signature du client': 'توقيع الزبون',
  'Autre photo': 'صورة أخرى',
  'la position du site': 'إحداثيات الموقع',
  'le centre de la commune': 'مركز البلدية',
  // flags.ts
  'Pas de rapport': 'لا يوجد تقرير',
  'Loin du chantier': 'بعيد عن الورشة',
  'Sans position': 'بدون موقع',
  'Photos manquantes': 'صور ناقصة',
  'Non signé': 'غير موقَّع',
  'Photo réutilisée': 'صورة مُعاد استعمالها',
  'la même image a été envoyée pour une autre photo': 'أُرسلت الصورة نفسها لصورة أخرى',
  // PhotoGallery.tsx
  'Photo indisponible': 'الصورة غير متوفرة',
  'à {{distance}} m du chantier': 'على بعد {{distance}} m من الورشة',
  'précision ± {{accuracy}} m': 'الدقة ± {{accuracy}} m',
  '{{kind}} ({{position}} sur {{count}})': '{{kind}} ({{position}} من {{count}})',
  '{{kind}}, prise le {{instant}}': '{{kind}}، التُقطت في {{instant}}',
  'Photo précédente': 'الصورة السابقة',
  'Photo suivante': 'الصورة التالية',
  'Aucune photo jointe au rapport.': 'لا توجد أي صورة مرفقة بالتقرير.',
  'Agrandir : {{kind}}': 'تكبير: {{kind}}',
  // ReportReview.tsx
  'À {{distance}} m du chantier au plus, dans la tolérance de {{tolerance}} m ({{reference}}).':
    'على بعد {{distance}} m من الورشة على الأكثر، ضمن هامش التسامح البالغ {{tolerance}} m ({{reference}}).',
  'Jusqu’à {{distance}} m du chantier : au-delà de la tolérance de {{tolerance}} m ({{reference}}).':
    'حتى {{distance}} m من الورشة: خارج هامش التسامح البالغ {{tolerance}} m ({{reference}}).',
  'Le téléphone n’a enregistré aucune position avec le rapport ni ses photos.':
    'لم يسجّل الهاتف أي إحداثيات مع التقرير ولا مع صوره.',
  'La position du chantier est inconnue : rien à comparer.': 'إحداثيات الورشة غير معروفة: لا شيء للمقارنة.',
  'Points à vérifier': 'نقاط يجب التحقق منها',
  'Photos prises à {{distance}} m du chantier (tolérance {{tolerance}} m).':
    'صور التُقطت على بعد {{distance}} m من الورشة (هامش التسامح {{tolerance}} m).',
  'Aucune position enregistrée : impossible de vérifier le lieu des photos.':
    'لم تُسجَّل أي إحداثيات: يتعذّر التحقق من مكان التقاط الصور.',
  'Hors seuils : {{issues}}': 'خارج العتبات: {{issues}}',
  'Photos manquantes : {{kinds}}': 'صور ناقصة: {{kinds}}',
  'Le client n’a pas signé.': 'لم يوقّع الزبون.',
  Photos: 'الصور',
  Installation: 'التركيب',
  'Numéro de série de l’ONT': 'الرقم التسلسلي لجهاز ONT',
  'Non indiqué': 'غير مذكور',
  Signée: 'موقَّعة',
  'Absente : {{reason}}': 'غائبة: {{reason}}',
  'Absente, sans raison donnée': 'غائبة، دون ذكر السبب',
  'Position des photos': 'إحداثيات الصور',
  Aucun: 'لا شيء',
  'Du rendez-vous au rapport': 'من الموعد إلى التقرير',
  'En attente de réception depuis': 'في انتظار الاستلام منذ',
  // AcceptanceQueuePage.tsx
  'Réception des travaux': 'استلام الأشغال',
  'Votre rôle ne permet pas de réceptionner des travaux.': 'لا يسمح لك دورك باستلام الأشغال.',
  'Commande {{reference}} réceptionnée.': 'تم استلام الطلب {{reference}}.',
  'Commande {{reference}} refusée avec réserves.': 'تم رفض الطلب {{reference}} مع تحفظات.',
  'Rapport suivant : commande {{reference}}.': 'التقرير التالي: الطلب {{reference}}.',
  'Plus aucun rapport à réceptionner.': 'لم يبقَ أي تقرير للاستلام.',
  'Clavier : A réceptionne, R refuse avec réserves, J et K passent au rapport suivant ou précédent (les flèches dans la file) ; Échap ferme un formulaire ou une photo.':
    'لوحة المفاتيح: A للاستلام، R للرفض مع تحفظات، J وK للانتقال إلى التقرير التالي أو السابق (الأسهم في القائمة)؛ Échap (Esc) يغلق استمارة أو صورة.',
  'À réceptionner : {{count}}': 'للاستلام: {{count}}',
  'Aucun rapport à réceptionner.': 'لا يوجد أي تقرير للاستلام.',
  'Rapport du {{instant}}': 'تقرير بتاريخ {{instant}}',
  'Site {{code}}': 'الموقع {{code}}',
  'Page du raccordement': 'صفحة التوصيل',
  'Ce raccordement n’est plus à réceptionner : il est maintenant « {{status}} ».':
    'لم يعد هذا التوصيل في انتظار الاستلام: حالته الآن «{{status}}».',
  'Ce raccordement n’est plus à réceptionner.': 'لم يعد هذا التوصيل في انتظار الاستلام.',
  Précédent: 'السابق',
  Suivant: 'التالي',
  'Réceptionner hors seuils': 'الاستلام خارج العتبات',
  'Justification de la réception hors seuils (gardée dans l’historique)': 'تبرير الاستلام خارج العتبات (يُحفظ في السجل)',
  'Confirmer la réception': 'تأكيد الاستلام',
  'Envoyer les réserves': 'إرسال التحفظات',
  Annuler: 'إلغاء',
  'Entrée confirme, Échap annule.': 'Entrée (Enter) للتأكيد، Échap (Esc) للإلغاء.',
  'Ctrl+Entrée envoie, Échap annule.': 'Ctrl+Entrée (Enter) للإرسال، Échap (Esc) للإلغاء.',
  // Layout.tsx
  Réception: 'الاستلام',
  // AcceptanceQueuePage.tsx: the empty queue
  'Les rapports d’installation s’ajoutent ici d’eux-mêmes dès qu’un technicien les envoie.':
    'تُضاف تقارير التركيب هنا تلقائيًا بمجرد أن يرسلها التقني.',
  'Décision attendue avant le {{due}}': 'يجب البت فيه قبل {{due}}',
  'Décision en retard depuis le {{due}}': 'البت متأخر منذ {{due}}',
} satisfies Record<string, string>;
