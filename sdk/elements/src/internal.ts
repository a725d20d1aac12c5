// `@customerconnect/sdk/internal`: the few building blocks the merchant console
// (`@customerconnect/console`) shares with the elements but merchants have no use for.
// Internal: no semver promise; it may change in any release. Merchants import
// `@customerconnect/sdk` (and its `define/*` entries) only.
export { resolveApiBase } from './internal/api-base.js';
export { readableTextOn } from './internal/contrast.js';
export { focusFirstInvalid } from './internal/form-fields.js';
export { RetryKey } from './internal/retry-key.js';
export { formStyles } from './styles/form.styles.js';
export { tableStyles } from './styles/table.styles.js';
