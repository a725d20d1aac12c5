import type { DecisionMessages } from './decision-en.js';

/** Spanish texts of the credit decision and the terms offer. */
export const decisionEs: DecisionMessages = {
  decision: {
    approvedTitle: (merchant) => `Su crédito comercial con ${merchant} está aprobado`,
    approvedBody: 'Su empresa ha superado la consulta de crédito.',
    approvedWithTerms: 'Revise sus condiciones de pago a continuación para terminar de configurar su cuenta.',
    declinedTitle: 'Ahora mismo no podemos ofrecerle crédito comercial',
    declinedBody: (merchant) =>
      `Gracias por su solicitud. Según la consulta de crédito, ${merchant} no puede conceder crédito comercial a su empresa en este momento. Puede seguir comprando con otros medios de pago y volver a solicitarlo más adelante.`,
    pendingTitle: 'Estamos esperando a la agencia de crédito',
    pendingBody: 'Suele tardar unos minutos.',
    pendingLive: 'Mantenga esta página abierta: la decisión aparecerá aquí.',
    pendingEmailed: (email) => `Le enviaremos la decisión a ${email} en cuanto llegue.`,
    emailed: (email) => `Hemos enviado la decisión y cualquier oferta de condiciones de pago a ${email}.`,
    details: 'Detalles de la consulta de crédito',
    score: (score) => `Puntuación de crédito: ${score} de 100`,
    reasons: 'Lo que encontró la consulta',
  },

  offer: {
    title: (merchant) => `Sus condiciones de pago con ${merchant}`,
    netDays: 'Condiciones de pago',
    netDaysValue: (days) => `${days} días`,
    netDaysExplained: (days) => `${days} días: pague cada factura en los ${days} días siguientes a su emisión`,
    netDaysHint: 'Las facturas vencen este número de días después de su emisión.',
    creditLimit: 'Límite de crédito',
    currency: 'Moneda',
    expires: 'Oferta válida hasta',
    signature: 'Escriba su nombre completo para firmar',
    signatureHint:
      'Al escribir su nombre y seleccionar Aceptar condiciones, firma este acuerdo en nombre de su empresa.',
    accept: 'Aceptar condiciones',
    decline: 'Rechazar',
    working: 'Enviando su respuesta…',
    accepted: (days, limit, merchant) =>
      `Ha aceptado las condiciones de pago a ${days} días con ${merchant}, con un límite de crédito de ${limit}.`,
    declined: (merchant) =>
      `Ha rechazado estas condiciones. ${merchant} le enviará solicitudes de pago para que las apruebe.`,
    status: {
      offered: '',
      accepted: 'Estas condiciones ya se aceptaron.',
      declined: 'Estas condiciones se rechazaron.',
      withdrawn: 'El comercio retiró esta oferta.',
      expired: 'Esta oferta ha caducado.',
    },
    termsLocked: (merchant) =>
      `${merchant} ofrece estas condiciones de pago tal como están: puede aceptarlas como se ofrecen o rechazarlas.`,
    netDaysNotAllowed: (days) => `El plazo de ${days} días ya no está disponible. Elija otras condiciones de pago.`,
    offerNotOpen: 'Esta oferta ya no está abierta: ya se respondió, se retiró o caducó.',
  },
};
