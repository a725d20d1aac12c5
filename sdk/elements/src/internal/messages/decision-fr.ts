import type { DecisionMessages } from './decision-en.js';

/** French texts of the credit decision and the terms offer. */
export const decisionFr: DecisionMessages = {
  decision: {
    approvedTitle: (merchant) => `Votre crédit fournisseur auprès de ${merchant} est accepté`,
    approvedBody: 'Votre entreprise a passé la vérification de crédit.',
    approvedWithTerms: 'Consultez vos conditions de paiement ci-dessous pour finaliser votre compte.',
    declinedTitle: 'Nous ne pouvons pas vous accorder de crédit fournisseur pour le moment',
    declinedBody: (merchant) =>
      `Merci pour votre demande. Au vu de la vérification de crédit, ${merchant} ne peut pas accorder de crédit fournisseur à votre entreprise pour le moment. Vous pouvez toujours acheter avec d'autres moyens de paiement, et refaire une demande plus tard.`,
    pendingTitle: 'Nous attendons la réponse du bureau de crédit',
    pendingBody: 'Cela prend généralement quelques minutes.',
    pendingLive: 'Gardez cette page ouverte : la décision s’affichera ici.',
    pendingEmailed: (email) => `Nous enverrons la décision à ${email} dès qu'elle sera disponible.`,
    emailed: (email) => `Nous avons envoyé la décision et toute offre de conditions de paiement à ${email}.`,
    details: 'Détails de la vérification de crédit',
    score: (score) => `Score de crédit : ${score} sur 100`,
    reasons: 'Ce que la vérification a relevé',
  },

  offer: {
    title: (merchant) => `Vos conditions de paiement avec ${merchant}`,
    netDays: 'Conditions de paiement',
    netDaysValue: (days) => `${days} jours`,
    netDaysExplained: (days) =>
      `${days} jours : réglez chaque facture dans les ${days} jours suivant sa date d'émission`,
    netDaysHint: 'Les factures sont dues ce nombre de jours après leur émission.',
    creditLimit: 'Plafond de crédit',
    currency: 'Devise',
    expires: "Offre valable jusqu'au",
    signature: 'Saisissez votre nom complet pour signer',
    signatureHint:
      'En saisissant votre nom et en choisissant Accepter les conditions, vous signez cet accord pour votre entreprise.',
    accept: 'Accepter les conditions',
    decline: 'Refuser',
    working: 'Envoi de votre réponse…',
    accepted: (days, limit, merchant) =>
      `Vous avez accepté un paiement à ${days} jours avec ${merchant}, avec un plafond de crédit de ${limit}.`,
    declined: (merchant) =>
      `Vous avez refusé ces conditions. ${merchant} vous enverra des demandes de paiement à approuver.`,
    status: {
      offered: '',
      accepted: 'Ces conditions ont déjà été acceptées.',
      declined: 'Ces conditions ont été refusées.',
      withdrawn: 'Le marchand a retiré cette offre.',
      expired: 'Cette offre a expiré.',
    },
    termsLocked: (merchant) =>
      `${merchant} propose ces conditions de paiement telles quelles : vous pouvez les accepter telles qu'elles sont proposées ou les refuser.`,
    netDaysNotAllowed: (days) =>
      `Le paiement à ${days} jours n'est plus proposé. Choisissez d'autres conditions de paiement.`,
    offerNotOpen: "Cette offre n'est plus ouverte : elle a déjà reçu une réponse, a été retirée ou a expiré.",
  },
};
