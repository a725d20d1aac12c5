// What <cc-payment-request> shows and does once it has a request (its facts, the pay form, the
// answers): loaded with the first read of a request (`loadRequestParts` in payment-request.ts),
// so a page whose customer is not signed in downloads none of it.
export { RequestEditor } from './request-editor.js';
