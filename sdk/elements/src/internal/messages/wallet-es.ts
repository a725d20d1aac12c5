import type { WalletMessages } from './wallet-en.js';

/** Spanish texts of the wallet elements. */
export const walletEs: WalletMessages = {
  loading: 'Cargando…',
  cancel: 'Cancelar',
  retry: 'Intentar de nuevo',
  optional: 'opcional',
  merchantFallback: 'el comercio',
  required: (label: string) => `${label}: este campo es obligatorio.`,

  session: {
    opening: 'Abriendo su cuenta…',
    none: (merchant: string) => `Abra el enlace de su último correo de ${merchant} para ver su cuenta.`,
    expiredTitle: 'Su enlace seguro ha caducado',
    expiredBody:
      'Por su seguridad, los enlaces y las sesiones caducan al cabo de un tiempo. Podemos enviarle un enlace nuevo por correo.',
    noKey: 'Abra el enlace de su último correo para continuar.',
    emailLabel: 'Su correo electrónico',
    emailInvalid: 'Escriba un correo como nombre@empresa.com.',
    send: 'Enviarme un enlace nuevo',
    sending: 'Enviando un enlace nuevo…',
    sent: 'Revise su correo: le hemos enviado un enlace nuevo.',
    failed: 'No pudimos abrir su cuenta.',
  },

  errors: {
    setup: 'Esto no está bien configurado en este sitio web. Contacte con el comercio.',
    generic: 'Algo salió mal por nuestra parte. Inténtelo de nuevo en un momento.',
    amount_empty: (label: string) => `${label}: escriba un importe.`,
    amount_invalid: (example: string) => `Escriba un importe como ${example}.`,
    amount_negative: 'Escriba un importe mayor que cero.',
    amount_too_many_decimals: (currency: string, decimals: number) =>
      decimals === 0
        ? `Los importes en ${currency} no llevan decimales.`
        : `Los importes en ${currency} tienen como máximo ${decimals} decimales.`,
    amount_too_large: 'Este importe es demasiado grande.',
    currency_invalid: 'Esta moneda no es compatible.',
  },

  paymentErrors: {
    card_declined: 'Su tarjeta fue rechazada. Pruebe otro método de pago o contacte con el emisor de la tarjeta.',
    insufficient_funds: 'El pago no se realizó: no hay fondos suficientes. Pruebe otro método de pago.',
    account_closed: 'El pago no se realizó: esta cuenta bancaria está cerrada. Use otro método de pago.',
    processing_error: 'No se pudo procesar el pago. Inténtelo de nuevo o use otro método de pago.',
    invoice_disputed: 'Esta factura está en disputa: no se puede pagar hasta que se resuelva.',
    invoice_not_payable: 'Esta factura ya no se puede pagar.',
    approval_required: 'Apruebe esta solicitud de pago antes de pagarla.',
    payment_request_not_open: 'Esta solicitud de pago ya no está abierta.',
    partial_payment_not_allowed: 'Las facturas se pagan completas. Para pagar una parte, use una solicitud de pago.',
    payment_method: 'Elija cómo pagar.',
    below_minimum: (minimum: string) => `Pague al menos ${minimum} con este método de pago, o todo lo pendiente.`,
    exceeds_remaining: (remaining: string) => `Puede pagar como máximo ${remaining}.`,
  },
};
