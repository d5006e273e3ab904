/** English of the scorecard page, keyed by its French. */
export default {
  // ranks.ts
  'Non classé au national ce mois-là (contractants classés : {{count}})':
    'Not ranked nationally that month (contractors ranked: {{count}})',
  'Non classé dans la wilaya {{wilaya}} ce mois-là (contractants classés : {{count}})':
    'Not ranked in wilaya {{wilaya}} that month (contractors ranked: {{count}})',
  '{{place}} sur {{count}} au national': '{{place}} of {{count}} nationally',
  '{{place}} sur {{count}} contractant de la wilaya {{wilaya}}':
    '{{place}} of {{count}} contractor of wilaya {{wilaya}}',
  '{{place}} sur {{count}} contractants de la wilaya {{wilaya}}':
    '{{place}} of {{count}} contractors of wilaya {{wilaya}}',
  // ScorecardsPage.tsx
  '30 derniers jours': 'Last 30 days',
  '90 derniers jours': 'Last 90 days',
  'Un mois': 'A month',
  'Aucune wilaya ne vous est attribuée : demandez à un administrateur de vous en attribuer une.':
    'No wilaya is assigned to you: ask an administrator to assign you one.',
  'Tableau de bord qualité': 'Quality scorecard',
  '{{firm}}, dans la wilaya {{wilaya}}': '{{firm}}, in wilaya {{wilaya}}',
  '{{firm}}, dans toutes les wilayas': '{{firm}}, in every wilaya',
  'Wilaya {{wilaya}}, tous les contractants': 'Wilaya {{wilaya}}, every contractor',
  'Tout le pays, tous les contractants': 'The whole country, every contractor',
  Période: 'Period',
  Mois: 'Month',
  Wilaya: 'Wilaya',
  Contractant: 'Contractor',
  'Tous les contractants': 'Every contractor',
  // ScorecardView.tsx
  'Bons du premier coup': 'First time right',
  'Étapes à la charge du contractant dans les délais': 'Contractor’s steps on time',
  Étape: 'Step',
  'À la charge de': 'Whose step',
  Terminées: 'Ended',
  'Dans les délais': 'On time',
  Médiane: 'Median',
  '90e centile': '90th percentile',
  Réserve: 'Reserve',
  Rejets: 'Rejections',
  Motif: 'Reason',
  Échecs: 'Failures',
  'Du {{from}} au {{to}}, en direct': 'From {{from}} to {{to}}, live',
  'Du {{from}} au {{to}}': 'From {{from}} to {{to}}',
  Réceptionnés: 'Accepted',
  '{{count}} sur {{total}} réceptionnés': '{{count}} of {{total}} accepted',
  'Taux de rejet': 'Rejection rate',
  'Rapports rejetés : {{count}} sur {{total}} décidés': 'Reports rejected: {{count}} of {{total}} decided',
  'Taux d’échec': 'Failure rate',
  'Marge qualité moyenne': 'Average quality margin',
  'Aucune mesure': 'No measurement',
  'La plus faible {{worst}} · mesures : {{count}}': 'Smallest {{worst}} · measurements: {{count}}',
  'Classement en {{month}}': 'Ranking in {{month}}',
  'Parmi les contractants qui ont travaillé ce mois-là dans le pays ou dans la même wilaya ; aucun n’est nommé.':
    'Among the contractors that worked that month in the country or in the same wilaya; none is named.',
  'Rien à compter sur cette période.': 'Nothing to count in this period.',
  'Les chiffres se remplissent à mesure que le travail est réceptionné, rejeté ou déclaré échoué, et que les étapes se terminent.':
    'The figures fill in as work is accepted, rejected or declared failed, and as steps end.',
  'Délais par étape': 'Times by step',
  'Aucune étape terminée sur cette période.': 'No step ended in this period.',
  'Les durées se comptent comme l’objectif de chaque étape : en jours ouvrés ou calendaires.':
    'Times are counted as each step’s target counts them: in working days or calendar days.',
  'Réserves les plus fréquentes': 'Most frequent reserves',
  'Aucune réserve sur cette période.': 'No reserve in this period.',
  'Échecs par motif': 'Failures by reason',
  'Aucun échec sur cette période.': 'No failure in this period.',
  // ScorecardTrend.tsx
  'Sur douze mois': 'Over twelve months',
  'Réceptionnés par mois': 'Accepted per month',
  'Réceptionnés par mois : {{months}}': 'Accepted per month: {{months}}',
  réceptionnés: 'accepted',
  'Bons du premier coup, par mois': 'First time right, per month',
  'Bons du premier coup, par mois : {{months}}': 'First time right, per month: {{months}}',
  'bons du premier coup': 'first time right',
  'Étapes à la charge du contractant dans les délais, par mois': 'Contractor’s steps on time, per month',
  'Étapes à la charge du contractant dans les délais, par mois : {{months}}':
    'Contractor’s steps on time, per month: {{months}}',
  'dans les délais': 'on time',
  'Du {{from}} à aujourd’hui, en direct': 'From {{from}} to today, live',
  'Du {{from}} à aujourd’hui': 'From {{from}} to today',
  'Échecs : {{count}} sur {{total}} clos': 'Failures: {{count}} of {{total}} closed',
} satisfies Record<string, string>;
