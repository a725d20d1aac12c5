// Classes and helpers, without registering any element: import a file from
// `@customerconnect/sdk/define/` (or load cc-sdk.js) to register tags.
export { CcProvider } from './components/provider/provider.js';
export { CcCreditApp } from './components/credit-app/credit-app.js';
export { CcTermsOffer } from './components/terms-offer/terms-offer.js';
export { CcElement } from './internal/cc-element.js';
export { ConfigController, type ConfigHost } from './internal/config-controller.js';
export { ConfigLoader, type ConfigSource } from './internal/config-loader.js';
export { ccConfigContext, type CcConfigContext, type ConfigStatus } from './internal/context.js';
export { ApiClient, type ApiClientOptions, type QueryValue, type RequestOptions } from './internal/api-client.js';
export { CcApiError, type ApiErrorBody } from './internal/api-error.js';
export type { PublicConfig, ThemeHints } from './internal/public-config.js';
export { define } from './internal/define.js';
export { devWarn, isDevMode } from './internal/dev-warnings.js';
export { resolveLocale } from './internal/locale.js';
export { setDefaultApiBase } from './internal/api-base.js';
export { parseMoney } from './internal/money-parse.js';
export { formatMoney, minorToDecimal } from './internal/money-format.js';
export { currencyDecimals } from './internal/currency.js';
export { CcMoneyError, type MoneyErrorCode } from './internal/money-error.js';
export { CcReadyEvent, type CcReadyDetail } from './events/cc-ready-event.js';
export { CcErrorEvent, type CcErrorDetail } from './events/cc-error-event.js';
export { CcBeforeSubmitEvent, type CcBeforeSubmitDetail } from './events/cc-before-submit-event.js';
export { CcCreditDecisionEvent, type CcCreditDecisionDetail } from './events/cc-credit-decision-event.js';
export { CcTermsAcceptedEvent, type CcTermsAcceptedDetail } from './events/cc-terms-accepted-event.js';
export { CcTermsDeclinedEvent, type CcTermsDeclinedDetail } from './events/cc-terms-declined-event.js';
export type {
  CreditAppMode,
  CreditApplication,
  CreditApplicationAnswer,
  CreditApplicationRequest,
  CreditDecisionStatus,
  CreditReason,
  CustomerSession,
  TermsOffer,
  TermsOfferStatus,
} from './internal/customer-api.js';
export { sessionStore, type SessionStore } from './internal/session-store.js';
export { loadMessages, messagesFor, type Messages } from './internal/messages.js';
export { tokens } from './styles/tokens.js';
export { lightTheme } from './styles/themes/light.js';
export { darkTheme } from './styles/themes/dark.js';
export { themeNames, type ThemeName } from './styles/palettes.js';
export { CcDisputeForm } from './components/dispute-form/dispute-form.js';
export { CcDisputeSavedEvent, type CcDisputeSavedDetail } from './events/cc-dispute-saved-event.js';
export { CcCancelEvent } from './events/cc-cancel-event.js';
export { CcPaymentSucceededEvent, type CcPaymentDetail } from './events/cc-payment-succeeded-event.js';
export { CcPaymentFailedEvent } from './events/cc-payment-failed-event.js';
export {
  CcPaymentRequestApprovedEvent,
  type CcPaymentRequestDetail,
} from './events/cc-payment-request-approved-event.js';
export { CcPaymentRequestDeclinedEvent } from './events/cc-payment-request-declined-event.js';
export { CcPaymentMethodAddedEvent, type CcPaymentMethodAddedDetail } from './events/cc-payment-method-added-event.js';
export {
  CustomerSessions,
  customerSessions,
  type CustomerSessionEntry,
  type CustomerSessionState,
} from './internal/customer-session.js';
export { loadWalletMessages, walletMessagesFor, type WalletMessages } from './internal/wallet-messages.js';
export type * from './internal/wallet-api.js';
export { CcPaymentMethodForm } from './components/payment-method-form/payment-method-form.js';
export { CcPaymentRequest } from './components/payment-request/payment-request.js';
export { CcWallet } from './components/wallet/wallet.js';
