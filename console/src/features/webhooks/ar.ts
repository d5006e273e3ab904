/** Arabic of the webhooks page, keyed by its French. */
export default {
  Webhooks: 'خطافات الويب (webhooks)',
  'Aucun point de réception pour l’instant.': 'لا توجد نقطة استقبال حاليًا.',
  'En attente': 'في الانتظار',
  Livrée: 'تم التسليم',
  Abandonnée: 'تم التخلي عنه',
  'Algérie Télécom': 'اتصالات الجزائر',
  'Désactivé : ses livraisons échouaient depuis des jours': 'معطَّل: كانت عمليات إرساله تفشل منذ أيام',
  Désactivé: 'معطَّل',
  'En échec depuis le {{instant}}': 'يفشل منذ {{instant}}',
  'Aucune livraison pour l’instant.': 'لا يوجد أي إرسال حاليًا.',
  Événement: 'الحدث',
  Type: 'النوع',
  Tentatives: 'المحاولات',
  'Dernière réponse': 'آخر رد',
  'Prévue le {{instant}}': 'مقرر في {{instant}}',
  Renvoyer: 'إعادة الإرسال',
  // WebhooksPage.tsx: no endpoint
  'Une application qui veut être prévenue des changements déclare son adresse par l’API (createWebhookEndpoint) ; ses livraisons s’afficheront ici.':
    'التطبيق الذي يريد أن يُبلَّغ بالتغييرات يصرّح بعنوانه عبر الـ API (\u2066createWebhookEndpoint\u2069)؛ وستظهر عمليات التسليم الخاصة به هنا.',
};
