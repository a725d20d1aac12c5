import type { ApiErrorMessages } from './api-errors-en.js';

export const apiErrorsFr: ApiErrorMessages = {
  network_error: 'Impossible de joindre CustomerConnect. Vérifiez votre connexion, puis réessayez.',
  rate_limited: 'Trop de tentatives. Patientez une minute, puis réessayez.',
};
