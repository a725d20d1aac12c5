/**
 * The API's error codes that read the same wherever they show (an element, the wallet, the
 * merchant console), in English: the one wording of each; Spanish and French have the same keys.
 */
export const apiErrorsEn = {
  network_error: "We couldn't reach CustomerConnect. Check your connection and try again.",
  rate_limited: 'There have been too many attempts. Wait a minute, then try again.',
};

export type ApiErrorMessages = typeof apiErrorsEn;
