import { plural } from './plural.js';
import { apiErrorsEs } from './api-errors-es.js';
import type { en } from './en.js';

export const es: typeof en = {
  merchantFallback: 'el comercio',
  optional: 'opcional',
  loading: 'Cargando…',
  setupError: 'Este formulario no está bien configurado en este sitio web. Póngase en contacto con el comercio.',

  appTitle: (merchant) => `Solicite crédito comercial con ${merchant}`,
  appIntro: 'Tarda unos tres minutos. Todos los campos son obligatorios salvo los marcados como opcionales.',
  progressLabel: 'Pasos de la solicitud',
  stepNames: ['Empresa', 'Solicitante', 'Consentimiento'],
  stepTitles: ['Sobre su empresa', 'Sobre usted', 'Consentimiento y firma'],
  stepOf: (step, total) => `Paso ${step} de ${total}`,
  stepAnnouncement: (step, total, title) => `Paso ${step} de ${total}: ${title}`,
  continue: 'Continuar',
  back: 'Atrás',
  submit: 'Enviar solicitud',
  submitting: 'Enviando su solicitud…',

  fields: {
    legalName: 'Razón social',
    taxId: 'Identificación fiscal de la empresa',
    line1: 'Dirección',
    line2: 'Línea 2 de la dirección',
    city: 'Ciudad',
    region: 'Estado, provincia o región',
    postalCode: 'Código postal',
    country: 'País',
    yearsInBusiness: 'Años de actividad',
    annualRevenue: 'Facturación anual',
    requestedCreditLimit: 'Límite de crédito deseado',
    applicantName: 'Su nombre completo',
    email: 'Correo electrónico de trabajo',
    phone: 'Teléfono',
    title: 'Cargo',
    consentAgreed: (merchant) =>
      `Estoy autorizado a solicitar en nombre de esta empresa y acepto que ${merchant} consulte su crédito con una agencia de crédito.`,
    consentName: 'Escriba su nombre completo para firmar',
  },
  hints: {
    taxId: 'Tal como aparece en sus documentos fiscales, por ejemplo 12-3456789.',
    money: (currency, example) => `Importe en ${currency}, por ejemplo ${example}.`,
    yearsInBusiness: 'Años completos, por ejemplo 5.',
  },
  chooseCountry: 'Elija un país',

  errors: {
    required: (label) => `${label}: este campo es obligatorio.`,
    email: 'Escriba un correo electrónico como nombre@empresa.com.',
    phone: 'Escriba un número de teléfono solo con dígitos, espacios y + - ( ).',
    tax_id: 'Escriba la identificación fiscal tal como aparece en sus documentos, como 12-3456789.',
    whole_number: 'Escriba un número entero, como 5.',
    too_long: 'Es demasiado largo; acórtelo.',
    country: 'Elija un país de la lista.',
    consent: 'Marque la casilla para aceptar la consulta de crédito.',
    amount_invalid: (example) => `Escriba un importe como ${example}.`,
    amount_negative: 'Escriba un importe mayor que cero.',
    amount_too_many_decimals: (currency, decimals) =>
      decimals === 0
        ? `Los importes en ${currency} no tienen decimales.`
        : `Los importes en ${currency} tienen como máximo ${decimals} decimales.`,
    amount_too_large: 'Este importe es demasiado grande.',
    currency_invalid: 'Esta moneda no es compatible.',
    invalid: (label) => `${label}: revise este dato.`,
  },
  problems: (count) =>
    plural('es', count, { one: 'Hay 1 problema que corregir.', other: `Hay ${count} problemas que corregir.` }),

  apiErrors: {
    ...apiErrorsEs,
    mode_not_allowed: 'Este comercio no ofrece este tipo de solicitud de crédito. Póngase en contacto con él.',
    setup: 'Este formulario no está bien configurado en este sitio web. Póngase en contacto con el comercio.',
    session_expired: 'Su sesión ha caducado. Abra el enlace de su correo más reciente para continuar.',
    generic: 'Algo ha fallado por nuestra parte. Inténtelo de nuevo en un momento.',
  },

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
    noOffer: 'No hay ninguna oferta de condiciones que mostrar: esta página no indica cuál (offer-id).',
    noSession: 'Abra el enlace del correo que le envió el comercio para ver esta oferta.',
    notFound: 'No encontramos esta oferta.',
  },
};
