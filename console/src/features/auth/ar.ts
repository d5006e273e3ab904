/** Arabic of the sign-in page, keyed by its French. */
export default {
  'Trop de tentatives. Réessayez dans {{minutes}} min.': 'محاولات كثيرة جدًا. أعد المحاولة بعد {{minutes}} دقيقة.',
  'Adresse e-mail ou mot de passe incorrect.': 'عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  'Saisissez une adresse e-mail et un mot de passe.': 'أدخل عنوان بريد إلكتروني وكلمة مرور.',
  'La connexion a échoué. Réessayez.': 'فشل تسجيل الدخول. أعد المحاولة.',
  'Le serveur ne répond pas.': 'الخادم لا يستجيب.',
  Connexion: 'تسجيل الدخول',
  'Adresse e-mail': 'عنوان البريد الإلكتروني',
  'Mot de passe': 'كلمة المرور',
  'Connexion…': 'جارٍ تسجيل الدخول…',
  'Se connecter': 'دخول',
} satisfies Record<string, string>;
