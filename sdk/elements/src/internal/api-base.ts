let defaultApiBase: string | undefined;

/**
 * Sets the API origin used when an element has no `api-base`. The single-file bundle
 * sets it to the origin it was loaded from (the backend serving `/sdk/cc-sdk.js`).
 */
export function setDefaultApiBase(base: string): void {
  defaultApiBase = base;
}

/** The `api-base` attribute, else the default above, else the page's origin; no trailing slash. */
export function resolveApiBase(requested?: string | null): string {
  const base = requested?.trim() || defaultApiBase || location.origin;
  return base.replace(/\/+$/, '');
}
