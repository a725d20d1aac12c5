import type { ApiErrorMessages } from './api-errors-en.js';

export const apiErrorsEs: ApiErrorMessages = {
  network_error: 'No pudimos conectar con CustomerConnect. Revise su conexión e inténtelo de nuevo.',
  rate_limited: 'Ha habido demasiados intentos. Espere un minuto e inténtelo de nuevo.',
};
