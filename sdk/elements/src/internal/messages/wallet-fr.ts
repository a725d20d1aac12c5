import { plural } from './plural.js';
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

  invoiceStatus: {
    open: 'Ouverte',
    partially_paid: 'Payée en partie',
    paid: 'Payée',
    disputed: 'Contestée',
    void: 'Annulée',
  },
  overdue: 'En retard',

  requestStatus: {
    pending_approval: 'En attente de votre approbation',
    approved: 'Approuvée',
    partially_paid: 'Payée en partie',
    paid: 'Payée',
    declined: 'Refusée',
    cancelled: 'Annulée',
    expired: 'Expirée',
  },

  paymentStatus: { succeeded: 'Réussi', failed: 'Échoué' },

  methods: {
    brands: {
      visa: 'Visa',
      mastercard: 'Mastercard',
      amex: 'American Express',
      discover: 'Discover',
      card: 'Carte',
      bank_account: 'Compte bancaire',
    },
    ending: (brand: string, last4: string) => `${brand} se terminant par ${last4}`,
    expires: (month: string, year: number) => `expire ${month}/${year}`,
    isDefault: 'Par défaut',
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

  disputeForm: {
    title: (number: string) => `Contester la facture ${number}`,
    intro: 'Expliquez au marchand ce qui ne va pas. La facture est suspendue pendant qu’il examine la contestation.',
    explanation: 'Explication',
    explanationHint:
      'Qu’est-ce qui ne va pas sur cette facture ? Par exemple, une marchandise non reçue ou un prix erroné.',
    count: (count: string, max: string) => `${count} caractères sur ${max}`,
    left: (count: string) => `Encore ${count} caractères`,
    tooLong: (max: string) => `Raccourcissez l’explication à ${max} caractères au plus.`,
    invoiceAmount: 'Montant de la facture',
    disputeAmount: 'Montant contesté',
    disputeAmountHint: (balance: string, example: string) =>
      `Plus de zéro, jusqu’à ${balance} ; par exemple ${example}.`,
    aboveBalance: (balance: string) => `Le montant contesté ne peut pas dépasser le montant de la facture, ${balance}.`,
    save: 'Enregistrer',
    saving: 'Enregistrement de votre contestation…',
    saved: (number: string, merchant: string) =>
      `La facture ${number} est maintenant contestée. Nous avons prévenu ${merchant} ; vous recevrez la réponse par e-mail.`,
    statusLabel: 'Statut',
    alreadyOpen: 'Cette facture fait déjà l’objet d’une contestation ouverte.',
    notDisputable: (status: string) => `Cette facture ne peut pas être contestée : elle est ${status.toLowerCase()}.`,
    notFound: 'Nous n’avons pas trouvé cette facture.',
    noInvoice: 'Aucune facture à contester n’a été indiquée.',
  },

  methodForm: {
    title: 'Ajouter un moyen de paiement',
    type: 'Type',
    card: 'Carte',
    ach: 'Compte bancaire (ACH)',
    cardNumber: 'Numéro de carte',
    expiry: 'Date d’expiration',
    expiryHint: 'MM/AA, comme sur la carte.',
    cvc: 'Code de sécurité',
    cvcHint: 'Les 3 ou 4 chiffres inscrits sur la carte.',
    routingNumber: 'Numéro d’acheminement (routing number)',
    routingHint: '9 chiffres.',
    accountNumber: 'Numéro de compte',
    accountHint: 'De 4 à 17 chiffres.',
    accountHolder: 'Titulaire du compte',
    save: 'Enregistrer le moyen de paiement',
    saving: 'Enregistrement de votre moyen de paiement…',
    added: (label: string) => `${label} a été ajouté.`,
    secure:
      'Le numéro de votre carte ou de votre compte est transmis directement à notre prestataire de paiement ; seuls ses 4 derniers chiffres sont conservés.',
    invalid: {
      cardNumber: 'Saisissez le numéro tel qu’il figure sur la carte.',
      expiry: 'Saisissez la date d’expiration au format MM/AA, par exemple 08/29.',
      expired: 'Cette carte a expiré. Utilisez une autre carte.',
      cvc: 'Saisissez le code de sécurité à 3 ou 4 chiffres.',
      routingNumber: 'Saisissez le numéro d’acheminement à 9 chiffres.',
      accountNumber: 'Saisissez le numéro de compte : de 4 à 17 chiffres.',
      accountHolder: 'Saisissez le nom du titulaire du compte.',
    },
  },

  request: {
    title: (merchant: string) => `Demande de paiement de ${merchant}`,
    amount: 'Montant demandé',
    paid: 'Déjà payé',
    remaining: 'Reste à payer',
    due: 'Échéance',
    memo: 'Note',
    status: 'Statut',
    invoice: 'Facture',
    approve: 'Approuver',
    decline: 'Refuser',
    pay: (amount: string) => `Payer ${amount}`,
    approveAndPay: (amount: string) => `Approuver et payer ${amount}`,
    payPlain: 'Payer',
    approveAndPayPlain: 'Approuver et payer',
    payWith: 'Payer avec',
    amountToPay: 'Montant à payer',
    amountHint: (minimum: string, remaining: string) =>
      `Au moins ${minimum} avec ce moyen de paiement, jusqu’à ${remaining}.`,
    fullOnly: (remaining: string) => `Avec ce moyen de paiement, payez la totalité : ${remaining}.`,
    noMethods: 'Ajoutez une carte ou un compte bancaire pour payer.',
    approved: 'Vous avez approuvé cette demande de paiement.',
    declined: 'Vous avez refusé cette demande de paiement.',
    paidNow: (amount: string) => `Merci : votre paiement de ${amount} a été effectué.`,
    closed: 'Cette demande de paiement est close.',
    working: 'Envoi…',
    notFound: 'Nous n’avons pas trouvé cette demande de paiement.',
    noRequest: 'Aucune demande de paiement n’a été indiquée.',
  },

  wallet: {
    title: (merchant: string) => `Votre compte chez ${merchant}`,
    signedInAs: (company: string, email: string) => `${company} (${email})`,
    terms: 'Conditions de paiement',
    netDays: (days: number) => `Net ${days} : payez chaque facture dans les ${days} jours suivant son émission`,
    creditLimit: 'Plafond de crédit',
    noTerms:
      'Pas encore de conditions de paiement : vos factures arrivent sous forme de demandes de paiement à approuver.',
    invoices: 'Factures',
    invoice: 'Facture',
    balance: 'Solde',
    dueDate: 'Échéance',
    status: 'Statut',
    actions: 'Actions',
    noInvoices: 'Aucune facture pour le moment.',
    pay: 'Payer',
    payInvoice: (number: string) => `Payer la facture ${number}`,
    dispute: 'Contester',
    disputeInvoice: (number: string) => `Contester la facture ${number}`,
    payTitle: (number: string, amount: string) => `Payer la facture ${number} : ${amount}`,
    invoicePaid: (number: string, amount: string) => `Merci : la facture ${number} est payée (${amount}).`,
    requests: 'Demandes de paiement',
    noRequests: 'Aucune demande de paiement.',
    review: 'Examiner',
    reviewRequest: (amount: string) => `Examiner la demande de paiement de ${amount}`,
    payments: 'Paiements',
    noPayments: 'Aucun paiement pour le moment.',
    date: 'Date',
    amount: 'Montant',
    method: 'Moyen',
    failedBecause: (reason: string) => `Échoué : ${reason}`,
    paymentMethods: 'Moyens de paiement',
    noMethods: 'Aucun moyen de paiement pour le moment.',
    addMethod: 'Ajouter un moyen de paiement',
    makeDefault: 'Par défaut',
    makeDefaultLabel: (label: string) => `Utiliser ${label} par défaut`,
    remove: 'Supprimer',
    removeLabel: (label: string) => `Supprimer ${label}`,
    confirmRemove: (label: string) => `Supprimer ${label} ? Il ne servira plus aux paiements.`,
    disputes: 'Contestations',
    noDisputes: 'Aucune contestation.',
    disputeStatus: {
      open: 'Ouverte : le marchand l’examine',
      credit: 'Résolue : un avoir a été porté sur votre facture',
      reject: 'Résolue : la facture est maintenue',
    },
    showOlder: 'Afficher les factures plus anciennes',
    loadingOlder: 'Chargement des factures plus anciennes…',
    showOlderRequests: 'Afficher les demandes de paiement plus anciennes',
    loadingOlderRequests: 'Chargement des demandes de paiement plus anciennes…',
    olderRequestsShown: (count: number) =>
      count === 0
        ? 'Il n’y a pas de demandes de paiement plus anciennes.'
        : plural('fr', count, {
            one: '1 demande de paiement plus ancienne affichée.',
            other: `${count} demandes de paiement plus anciennes affichées.`,
          }),
    olderShown: (count: number) =>
      count === 0
        ? 'Il n’y a pas de factures plus anciennes.'
        : plural('fr', count, {
            one: '1 facture plus ancienne affichée.',
            other: `${count} factures plus anciennes affichées.`,
          }),
    loadError: 'Nous n’avons pas pu charger votre compte.',
  },
};
