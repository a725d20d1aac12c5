import { plural } from './plural.js';
import { apiErrorsFr } from './api-errors-fr.js';
import type { en } from './en.js';

export const fr: typeof en = {
  merchantFallback: 'le marchand',
  optional: 'facultatif',
  loading: 'Chargement…',
  setupError: "Ce formulaire n'est pas correctement configuré sur ce site. Veuillez contacter le marchand.",

  appTitle: (merchant) => `Demandez un crédit fournisseur auprès de ${merchant}`,
  appIntro: 'Comptez environ trois minutes. Tous les champs sont obligatoires sauf mention « facultatif ».',
  progressLabel: 'Étapes de la demande',
  stepNames: ['Entreprise', 'Demandeur', 'Consentement'],
  stepTitles: ['Votre entreprise', 'Vous', 'Consentement et signature'],
  stepOf: (step, total) => `Étape ${step} sur ${total}`,
  stepAnnouncement: (step, total, title) => `Étape ${step} sur ${total} : ${title}`,
  continue: 'Continuer',
  back: 'Retour',
  submit: 'Envoyer la demande',
  submitting: 'Envoi de votre demande…',

  fields: {
    legalName: "Raison sociale de l'entreprise",
    taxId: "Numéro d'identification fiscale",
    line1: 'Adresse',
    line2: "Complément d'adresse",
    city: 'Ville',
    region: 'État, province ou région',
    postalCode: 'Code postal',
    country: 'Pays',
    yearsInBusiness: "Années d'activité",
    annualRevenue: "Chiffre d'affaires annuel",
    requestedCreditLimit: 'Plafond de crédit souhaité',
    applicantName: 'Votre nom complet',
    email: 'E-mail professionnel',
    phone: 'Téléphone',
    title: 'Fonction',
    consentAgreed: (merchant) =>
      `Je suis habilité à faire cette demande pour l'entreprise et j'accepte que ${merchant} vérifie son crédit auprès d'un bureau de crédit.`,
    consentName: 'Saisissez votre nom complet pour signer',
  },
  hints: {
    taxId: 'Tel qu’il figure sur vos documents fiscaux, par exemple 12-3456789.',
    money: (currency, example) => `Montant en ${currency}, par exemple ${example}.`,
    yearsInBusiness: 'En années entières, par exemple 5.',
  },
  chooseCountry: 'Choisissez un pays',

  errors: {
    required: (label) => `${label} : ce champ est obligatoire.`,
    email: 'Saisissez une adresse e-mail comme nom@entreprise.com.',
    phone: 'Saisissez un numéro de téléphone avec uniquement des chiffres, des espaces et + - ( ).',
    tax_id: "Saisissez le numéro d'identification fiscale tel qu'il figure sur vos documents, comme 12-3456789.",
    whole_number: 'Saisissez un nombre entier, comme 5.',
    too_long: 'Ce texte est trop long ; raccourcissez-le.',
    country: 'Choisissez un pays dans la liste.',
    consent: 'Cochez la case pour accepter la vérification de crédit.',
    amount_invalid: (example) => `Saisissez un montant comme ${example}.`,
    amount_negative: 'Saisissez un montant supérieur à zéro.',
    amount_too_many_decimals: (currency, decimals) =>
      decimals === 0
        ? `Les montants en ${currency} n'ont pas de décimales.`
        : `Les montants en ${currency} ont au plus ${decimals} décimales.`,
    amount_too_large: 'Ce montant est trop élevé.',
    currency_invalid: "Cette devise n'est pas prise en charge.",
    invalid: (label) => `${label} : vérifiez cette saisie.`,
  },
  problems: (count) =>
    plural('fr', count, { one: 'Il y a 1 problème à corriger.', other: `Il y a ${count} problèmes à corriger.` }),

  apiErrors: {
    ...apiErrorsFr,
    mode_not_allowed: 'Ce marchand ne propose pas ce type de demande de crédit. Veuillez le contacter.',
    setup: "Ce formulaire n'est pas correctement configuré sur ce site. Veuillez contacter le marchand.",
    session_expired: 'Votre session a expiré. Ouvrez le lien de votre dernier e-mail pour continuer.',
    generic: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  },

  offer: {
    noOffer: "Aucune offre de conditions à afficher : cette page n'indique pas laquelle (offer-id).",
    noSession: "Ouvrez le lien de l'e-mail du marchand pour voir cette offre.",
    notFound: 'Cette offre est introuvable.',
  },
};
