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

  offer: {
    noOffer: 'No hay ninguna oferta de condiciones que mostrar: esta página no indica cuál (offer-id).',
    noSession: 'Abra el enlace del correo que le envió el comercio para ver esta oferta.',
    notFound: 'No encontramos esta oferta.',
  },
};
