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
  'Mot de passe oublié ?': 'نسيت كلمة المرور؟',
  'Mot de passe oublié': 'نسيت كلمة المرور',
  'Ce serveur n’envoie pas d’e-mails : demandez à l’administrateur de vos accès de vous aider à retrouver l’accès.':
    'هذا الخادم لا يرسل رسائل بريد إلكتروني: اطلب من مسؤول صلاحياتك مساعدتك على استعادة الدخول.',
  'Saisissez votre adresse e-mail de connexion : nous vous envoyons un lien pour choisir un nouveau mot de passe.':
    'أدخل عنوان بريدك الإلكتروني الذي تسجّل به الدخول: نرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
  'Si un compte utilise {{email}}, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien sert une fois, pendant {{minutes}} minutes.':
    'إذا كان حساب يستعمل {{email}}، فقد أُرسل إليه للتو بريد إلكتروني فيه رابط لاختيار كلمة مرور جديدة. يُستعمل الرابط مرة واحدة، خلال {{minutes}} دقيقة.',
  'Recevoir le lien': 'استلام الرابط',
  'Retour à la connexion': 'العودة إلى تسجيل الدخول',
  'Les deux mots de passe ne sont pas identiques.': 'كلمتا المرور غير متطابقتين.',
  'Nouveau mot de passe': 'كلمة المرور الجديدة',
  'Votre mot de passe est changé, et vos autres sessions sont fermées.': 'تم تغيير كلمة مرورك، وأُغلقت جلساتك الأخرى.',
  'Ce lien est incomplet : ouvrez le lien reçu par e-mail tel quel, ou demandez-en un nouveau.':
    'هذا الرابط ناقص: افتح الرابط المستلم عبر البريد الإلكتروني كما هو، أو اطلب رابطًا جديدًا.',
  'Demander un nouveau lien': 'طلب رابط جديد',
  'Nouveau mot de passe (12 caractères au moins)': 'كلمة المرور الجديدة (12 حرفًا على الأقل)',
  'Le même mot de passe, encore': 'كلمة المرور نفسها، مرة أخرى',
  'Enregistrer le mot de passe': 'حفظ كلمة المرور',
} satisfies Record<string, string>;
