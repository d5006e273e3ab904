/** Arabic of the scorecard page, keyed by its French. */
export default {
  // ranks.ts
  'Non classé au national ce mois-là (contractants classés : {{count}})':
    'غير مصنَّف على المستوى الوطني في ذلك الشهر (المقاولون المصنَّفون: {{count}})',
  'Non classé dans la wilaya {{wilaya}} ce mois-là (contractants classés : {{count}})':
    'غير مصنَّف في الولاية {{wilaya}} في ذلك الشهر (المقاولون المصنَّفون: {{count}})',
  '{{place}} sur {{count}} au national': 'المرتبة {{place}} من أصل {{count}} على المستوى الوطني',
  '{{place}} sur {{count}} contractant de la wilaya {{wilaya}}':
    'المرتبة {{place}} من أصل {{count}} من مقاولي الولاية {{wilaya}}',
  '{{place}} sur {{count}} contractants de la wilaya {{wilaya}}':
    'المرتبة {{place}} من أصل {{count}} من مقاولي الولاية {{wilaya}}',
  // ScorecardsPage.tsx
  '30 derniers jours': 'آخر 30 يومًا',
  '90 derniers jours': 'آخر 90 يومًا',
  'Un mois': 'شهر واحد',
  'Aucune wilaya ne vous est attribuée : demandez à un administrateur de vous en attribuer une.':
    'لم تُسند إليك أي ولاية: اطلب من مسؤول النظام أن يُسند إليك ولاية.',
  'Tableau de bord qualité': 'لوحة متابعة الجودة',
  '{{firm}}, dans la wilaya {{wilaya}}': '{{firm}}، في الولاية {{wilaya}}',
  '{{firm}}, dans toutes les wilayas': '{{firm}}، في كل الولايات',
  'Wilaya {{wilaya}}, tous les contractants': 'الولاية {{wilaya}}، كل المقاولين',
  'Tout le pays, tous les contractants': 'كل البلاد، كل المقاولين',
  Période: 'الفترة',
  Mois: 'الشهر',
  Wilaya: 'الولاية',
  Contractant: 'مقاول',
  'Tous les contractants': 'كل المقاولين',
  // ScorecardView.tsx
  'Bons du premier coup': 'المنجزة صحيحة من المرة الأولى',
  'Étapes à la charge du contractant dans les délais': 'مراحل المقاول المنجزة ضمن الأجل',
  Étape: 'المرحلة',
  'À la charge de': 'على عاتق',
  Terminées: 'المنتهية',
  'Dans les délais': 'ضمن الأجل',
  Médiane: 'الوسيط',
  '90e centile': 'المئين التسعون',
  Réserve: 'التحفظ',
  Rejets: 'حالات الرفض',
  Motif: 'السبب',
  Échecs: 'الإخفاقات',
  'Du {{from}} au {{to}}, en direct': 'من {{from}} إلى {{to}}، مباشر',
  'Du {{from}} au {{to}}': 'من {{from}} إلى {{to}}',
  Réceptionnés: 'مُستلَمة',
  '{{count}} sur {{total}} réceptionnés': '{{count}} من أصل {{total}} مُستلَمة',
  'Taux de rejet': 'نسبة الرفض',
  'Rapports rejetés : {{count}} sur {{total}} décidés':
    'التقارير المرفوضة: {{count}} من أصل {{total}} تقريرًا تم البت فيها',
  'Taux d’échec': 'نسبة الإخفاق',
  'Marge qualité moyenne': 'متوسط هامش الجودة',
  'Aucune mesure': 'لا يوجد أي قياس',
  'La plus faible {{worst}} · mesures : {{count}}': 'الأضعف {{worst}} · القياسات: {{count}}',
  'Classement en {{month}}': 'الترتيب في {{month}}',
  'Parmi les contractants qui ont travaillé ce mois-là dans le pays ou dans la même wilaya ; aucun n’est nommé.':
    'بين المقاولين الذين عملوا في ذلك الشهر في البلاد أو في الولاية نفسها؛ دون ذكر اسم أي منهم.',
  'Rien à compter sur cette période.': 'لا شيء يُحتسب في هذه الفترة.',
  'Les chiffres se remplissent à mesure que le travail est réceptionné, rejeté ou déclaré échoué, et que les étapes se terminent.':
    'تمتلئ الأرقام كلما استُلم عمل أو رُفض أو أُعلن إخفاقه، وكلما انتهت مرحلة.',
  'Délais par étape': 'الآجال حسب المرحلة',
  'Aucune étape terminée sur cette période.': 'لم تنتهِ أي مرحلة في هذه الفترة.',
  'Les durées se comptent comme l’objectif de chaque étape : en jours ouvrés ou calendaires.':
    'تُحتسب المدد كما يحتسبها هدف كل مرحلة: بأيام العمل أو بالأيام التقويمية.',
  'Réserves les plus fréquentes': 'التحفظات الأكثر تكرارًا',
  'Aucune réserve sur cette période.': 'لا يوجد أي تحفظ في هذه الفترة.',
  'Échecs par motif': 'الإخفاقات حسب السبب',
  'Aucun échec sur cette période.': 'لا يوجد أي إخفاق في هذه الفترة.',
  // ScorecardTrend.tsx
  'Sur douze mois': 'على مدى اثني عشر شهرًا',
  'Réceptionnés par mois': 'المُستلَمة شهريًا',
  'Réceptionnés par mois : {{months}}': 'المُستلَمة شهريًا: {{months}}',
  réceptionnés: 'مُستلَمة',
  'Bons du premier coup, par mois': 'المنجزة صحيحة من المرة الأولى، شهريًا',
  'Bons du premier coup, par mois : {{months}}': 'المنجزة صحيحة من المرة الأولى، شهريًا: {{months}}',
  'bons du premier coup': 'صحيحة من المرة الأولى',
  'Étapes à la charge du contractant dans les délais, par mois': 'مراحل المقاول المنجزة ضمن الأجل، شهريًا',
  'Étapes à la charge du contractant dans les délais, par mois : {{months}}':
    'مراحل المقاول المنجزة ضمن الأجل، شهريًا: {{months}}',
  'dans les délais': 'ضمن الأجل',
  'Du {{from}} à aujourd’hui, en direct': 'من {{from}} إلى اليوم، مباشر',
  'Du {{from}} à aujourd’hui': 'من {{from}} إلى اليوم',
  'Échecs : {{count}} sur {{total}} clos': 'الإخفاقات: {{count}} من أصل {{total}} مغلقة',
} satisfies Record<string, string>;
