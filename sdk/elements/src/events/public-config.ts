/** `GET /v1/public/config`: what a publishable key may know about its merchant. */
export interface PublicConfig {
  merchant: { id: string; name: string };
  termsPolicy: 'locked' | 'flexible';
  allowedNetDays: number[];
  partialPayments: {
    defaultMinimumPercent: number | null;
    byMethod: { card?: number; ach?: number };
  };
  creditAppModes: string[];
  theme: ThemeHints;
  /**
   * ISO 4217 code amounts are typed in (the currency of the merchant's default terms).
   * Not served by the backend yet; elements use USD while it is absent.
   */
  defaultCurrency?: string;
}

/** The merchant's branding, applied as `--cc-*` defaults the page has not set itself. */
export interface ThemeHints {
  primaryColor?: string;
  radius?: string;
  fontFamily?: string;
}
