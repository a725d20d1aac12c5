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
// The API's error codes worded once (network_error, rate_limited), for the console's tables too.
export { apiErrorsEn, type ApiErrorMessages } from './internal/messages/api-errors-en.js';
export { apiErrorsEs } from './internal/messages/api-errors-es.js';
export { apiErrorsFr } from './internal/messages/api-errors-fr.js';
// The one message system: the console's texts are a catalog of their own, made the same way.
export { createMessageCatalog, type DeepPartial, type MessageCatalog } from './internal/message-catalog.js';
