import type { ShellMessages } from './console-en-shell.js';

/** French texts of the console's frame and of signing in. */
export const shellFr: ShellMessages = {
  nav: {
    overview: 'Vue d’ensemble',
    contacts: 'Contacts',
    invoices: 'Factures',
    paymentRequests: 'Demandes de paiement',
    disputes: 'Litiges',
    settings: 'Paramètres',
    embed: 'Intégration',
    company: 'Paramètres de l’entreprise',
    users: 'Utilisateurs',
    apiKeys: 'Clés d’API',
    webhooks: 'Webhooks',
  },

  shell: {
    dashboard: 'Tableau de bord marchand',
    skip: 'Aller au contenu principal',
    menu: 'Menu',
    signOut: 'Se déconnecter',
    navLabel: 'Console',
    settingsLabel: 'Paramètres',
    company: 'votre entreprise',
    signedOut: 'Déconnexion effectuée.',
    passwordChanged: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.',
    notFound: 'Page introuvable',
    toOverview: 'Aller à la vue d’ensemble',
  },

  signIn: {
    title: 'Connectez-vous à votre tableau de bord',
    signIn: 'Se connecter',
    signingIn: 'Connexion…',
    forgot: 'Mot de passe oublié ?',
    newHere: 'Nouveau sur CustomerConnect ?',
    createAccount: 'Créer un compte entreprise',
    emailEmpty: 'Saisissez votre adresse e-mail.',
    emailInvalid: 'Saisissez une adresse e-mail comme nom@entreprise.com.',
    passwordEmpty: 'Saisissez votre mot de passe.',
    resetTitle: 'Réinitialiser votre mot de passe',
    resetIntro:
      'Nous vous enverrons par e-mail un lien pour choisir un nouveau mot de passe. Il reste valable une heure.',
    emailMeLink: 'M’envoyer un lien',
    backToSignIn: 'Retour à la connexion',
    resetSent: (email) =>
      `Si ${email} correspond à un compte, un lien de réinitialisation est en route. Consultez votre boîte de réception.`,
    newPasswordTitle: 'Choisissez un nouveau mot de passe',
    newPassword: 'Nouveau mot de passe',
    setPassword: 'Enregistrer le mot de passe',
    readyTitle: 'Le compte de votre entreprise est prêt',
    secretKey:
      'Voici votre clé d’API secrète, pour vos propres serveurs. Copiez-la maintenant : elle ne s’affiche qu’une fois.',
    continue: 'Continuer vers le tableau de bord',
    workEmail: 'Votre adresse e-mail professionnelle',
    create: 'Créer le compte',
    haveAccount: 'J’ai déjà un compte',
    companyEmpty: 'Saisissez le nom de votre entreprise.',
  },
};
