export { CustomerConnect, type ClientOptions } from './client.js';
export { CustomerConnectError, WebhookVerificationError } from './errors.js';
export { verifyWebhook, type VerifyOptions, type WebhookEvent, type WebhookObjects } from './webhooks.js';
export type { components, paths } from './schema.js';
export type { AnswerOf, BodyOf, ItemOf, QueryOf } from './types.js';
