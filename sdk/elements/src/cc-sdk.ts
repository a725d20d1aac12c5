// Entry of the single-file bundle (dist/cc-sdk.js): registers every element.
// The script's own origin becomes the default api-base; then the provider is defined
// before any element that consumes its context.
import './internal/script-origin.js';
import './define/cc-provider.js';
import './define/cc-credit-app.js';
import './define/cc-terms-offer.js';
import './define/cc-dispute-form.js';
import './define/cc-payment-method-form.js';
import './define/cc-payment-request.js';
import './define/cc-wallet.js';
