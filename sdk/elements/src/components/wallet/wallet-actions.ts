import type { LitElement } from 'lit';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import { CcPaymentFailedEvent } from '../../events/cc-payment-failed-event.js';
import { CcPaymentSucceededEvent } from '../../events/cc-payment-succeeded-event.js';
import { customerApi } from '../../internal/customer-api.js';
import type { CustomerSessionController } from '../../internal/customer-session-controller.js';
import { formatMoney } from '../../internal/money-format.js';
import { RetryKey } from '../../internal/retry-key.js';
import type { Page, WalletInvoice } from '../../internal/wallet-api.js';
import { asApiError, requestErrorText } from '../../internal/wallet-format.js';
import type { WalletMessages } from '../../internal/wallet-messages.js';
import type { OlderRows } from './older-rows.js';

/** The wallet lists that page past their first 50 rows on request. */
export type OlderKind = 'invoices' | 'requests';

/** What the wallet's actions need from the wallet element. */
export interface WalletActionHost {
  readonly element: LitElement;
  readonly session: CustomerSessionController;
  m(): WalletMessages;
  locale(): string;
  /** Runs `focus` after the next render. */
  focusAfterRender(focus: () => void): void;
}

/** "Show older …": the next page of that list, announced, with focus on the first row that came. */
export async function showOlder(
  host: WalletActionHost,
  kind: OlderKind,
  older: OlderRows<{ id: string }>,
  first: Page<{ id: string }>,
  note: (text: string) => void,
): Promise<void> {
  const { element, session } = host;
  const client = session.client;
  if (!client || older.busy) return;
  const m = host.m();
  const w = m.wallet;
  const token = session.token;
  const before = older.view(first).rows.length;
  note(kind === 'invoices' ? w.loadingOlder : w.loadingOlderRequests);
  element.requestUpdate();
  try {
    const count = await older.more(client, first);
    note(kind === 'invoices' ? w.olderShown(count) : w.olderRequestsShown(count));
    // Focus on the first row that came; it stays on the button when none did.
    host.focusAfterRender(() => {
      const row = older.view(first).rows[before];
      const target = row
        ? element.renderRoot.querySelector<HTMLElement>(
            kind === 'invoices' ? `#invoice-${CSS.escape(row.id)} th` : `#request-${CSS.escape(row.id)}`,
          )
        : null;
      if (target) {
        target.tabIndex = -1;
        target.focus();
      }
    });
  } catch (error) {
    const apiError = asApiError(error);
    if (session.ended(apiError, token)) return;
    note(requestErrorText(apiError, m));
  } finally {
    element.requestUpdate();
  }
}

/** Paying an invoice from its panel: the chosen method, one idempotency key per attempt. */
export class InvoicePayment {
  state: { methodId: string; busy: boolean; alert?: string | undefined } = { methodId: '', busy: false };
  #key = new RetryKey();

  constructor(
    private readonly host: WalletActionHost,
    /** The invoice was paid: `text` announces it. */
    private readonly paid: (text: string) => void,
    /** Reads the wallet again. */
    private readonly reload: () => void,
  ) {}

  /** A fresh form: the chosen method stays, the alert and the retry key go. */
  reset(): void {
    this.state = { methodId: this.state.methodId, busy: false };
    this.#key = new RetryKey();
  }

  async pay(event: Event, invoice: WalletInvoice): Promise<void> {
    event.preventDefault();
    if (this.state.busy) return;
    const { element, session } = this.host;
    const client = session.client;
    const methodId = this.state.methodId;
    if (!client || !methodId) return;
    const token = session.token;
    const body = { paymentMethodId: methodId };
    const m = this.host.m();
    this.state = { methodId, busy: true };
    element.requestUpdate();
    try {
      const payment = await customerApi(client).payInvoice(invoice.id, body, {
        idempotencyKey: this.#key.next({ invoice: invoice.id, ...body }),
      });
      session.used();
      this.paid(
        m.wallet.invoicePaid(invoice.number, formatMoney(payment.amount, payment.currency, this.host.locale())),
      );
      element.dispatchEvent(
        new CcPaymentSucceededEvent({
          paymentId: payment.id,
          amount: payment.amount,
          currency: payment.currency,
          invoiceId: invoice.id,
        }),
      );
    } catch (error) {
      this.#key.failed(error);
      const apiError = asApiError(error);
      if (session.ended(apiError, token)) return;
      this.state.alert = requestErrorText(apiError, m);
      this.host.focusAfterRender(() => element.renderRoot.querySelector<HTMLElement>('#pay-alert')?.focus());
      element.dispatchEvent(
        new CcPaymentFailedEvent({
          ...(typeof apiError.body.paymentId === 'string' ? { paymentId: apiError.body.paymentId } : {}),
          amount: invoice.balance,
          currency: invoice.currency,
          code: apiError.code,
          invoiceId: invoice.id,
        }),
      );
      if (apiError.status !== 402)
        element.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
      // A refused charge is listed under payments; other refusals may mean the invoice moved.
      this.reload();
    } finally {
      this.state.busy = false;
      element.requestUpdate();
    }
  }
}
