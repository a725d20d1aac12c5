import type { WalletMessages } from './wallet-en.js';

/** French texts of the wallet elements. */
export const walletFr: WalletMessages = {
  loading: 'Chargement…',
  cancel: 'Annuler',
  retry: 'Réessayer',
  optional: 'facultatif',
  merchantFallback: 'le marchand',
  required: (label: string) => `${label} : ce champ est obligatoire.`,

  session: {
    opening: 'Ouverture de votre compte…',
    none: (merchant: string) => `Ouvrez le lien de votre dernier e-mail de ${merchant} pour voir votre compte.`,
    expiredTitle: 'Votre lien sécurisé a expiré',
    expiredBody:
      'Pour votre sécurité, les liens et les sessions expirent au bout d’un moment. Nous pouvons vous envoyer un nouveau lien par e-mail.',
    noKey: 'Ouvrez le lien de votre dernier e-mail pour continuer.',
    emailLabel: 'Votre adresse e-mail',
    emailInvalid: 'Saisissez une adresse e-mail comme nom@entreprise.com.',
    send: 'M’envoyer un nouveau lien',
    sending: 'Envoi d’un nouveau lien…',
    sent: 'Consultez vos e-mails : un nouveau lien est en route.',
    failed: 'Nous n’avons pas pu ouvrir votre compte.',
  },

  errors: {
    setup: 'Ceci n’est pas correctement configuré sur ce site. Contactez le marchand.',
    generic: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
    amount_empty: (label: string) => `${label} : saisissez un montant.`,
    amount_invalid: (example: string) => `Saisissez un montant comme ${example}.`,
    amount_negative: 'Saisissez un montant supérieur à zéro.',
    amount_too_many_decimals: (currency: string, decimals: number) =>
      decimals === 0
        ? `Les montants en ${currency} n’ont pas de décimales.`
        : `Les montants en ${currency} ont au plus ${decimals} décimales.`,
    amount_too_large: 'Ce montant est trop élevé.',
    currency_invalid: 'Cette devise n’est pas prise en charge.',
  },

  paymentErrors: {
    card_declined: 'Votre carte a été refusée. Essayez un autre moyen de paiement ou contactez votre banque.',
    insufficient_funds:
      'Le paiement n’est pas passé : les fonds sont insuffisants. Essayez un autre moyen de paiement.',
    account_closed:
      'Le paiement n’est pas passé : ce compte bancaire est clôturé. Utilisez un autre moyen de paiement.',
    processing_error: 'Le paiement n’a pas pu être traité. Réessayez ou utilisez un autre moyen de paiement.',
    invoice_disputed:
      'Cette facture est contestée : elle ne peut pas être payée avant la résolution de la contestation.',
    invoice_not_payable: 'Cette facture ne peut plus être payée.',
    approval_required: 'Approuvez cette demande de paiement avant de la payer.',
    payment_request_not_open: 'Cette demande de paiement n’est plus ouverte.',
    partial_payment_not_allowed:
      'Une facture se paie en entier. Pour en payer une partie, passez par une demande de paiement.',
    payment_method: 'Choisissez comment payer.',
    below_minimum: (minimum: string) => `Payez au moins ${minimum} avec ce moyen de paiement, ou la totalité du reste.`,
    exceeds_remaining: (remaining: string) => `Vous pouvez payer au plus ${remaining}.`,
  },
};
