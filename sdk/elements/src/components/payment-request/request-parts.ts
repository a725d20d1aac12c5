// What <cc-payment-request> shows and checks once it has a request: its facts, the pay form
// (amount, method, approve, decline) and the amount rules. Loaded with the first read of a request
// (`loadRequestParts` in payment-request.ts), so a page whose customer is not signed in
// downloads none of it.
export { checkAmount, payFieldError } from './request-amount.js';
export { renderRequestFacts } from './request-facts.js';
export { renderPayForm } from './request-pay-form.js';
