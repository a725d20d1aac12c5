/**
 * `@customerconnect/sdk/currencies`: every active ISO 4217 currency with its minor-unit digits, the
 * one table the SDK and the CustomerConnect API read decimals from (generated into
 * `currencies/iso-4217.ts` by scripts/generate-currencies.mjs). Side-effect free.
 */
export * from './currencies/iso-4217.js';
