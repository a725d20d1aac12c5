declare global {
  /** Set to `true` or `false` before the SDK loads to force dev-mode warnings on or off. */
  var ccDevMode: boolean | undefined;
}

/**
 * Dev mode: forced by `globalThis.ccDevMode`, otherwise on for pages served from
 * localhost, where merchants integrate. Production pages stay quiet.
 */
export function isDevMode(): boolean {
  if (typeof globalThis.ccDevMode === 'boolean') return globalThis.ccDevMode;
  const host = globalThis.location?.hostname ?? '';
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

/** Warns about a misuse of the SDK in dev mode only. */
export function devWarn(message: string): void {
  if (isDevMode()) console.warn(`[CustomerConnect] ${message}`);
}
