import type { ReactiveControllerHost } from 'lit';
import { CcCreditDecisionEvent } from '../../events/cc-credit-decision-event.js';
import type { ApiClient } from '../../internal/api-client.js';
import { CcApiError } from '../../internal/api-error.js';
import type {
  CreditApplication,
  CreditApplicationAnswer,
  CreditApplicationRequest,
  CustomerCreditApplication,
  TermsOffer,
} from '../../internal/customer-api.js';
import { Poller } from '../../internal/poller.js';
import { RetryKey } from '../../internal/retry-key.js';
import { sessionStore } from '../../internal/session-store.js';
import { customerApi } from '../../internal/customer-api.js';

export interface DecisionHooks {
  /** An offer to show inline (only in `credit_check_with_terms` mode, with a session). */
  onOffer: (offer: TermsOffer) => void;
  /** A pending application was decided while the page waited. */
  onPolled: (application: CreditApplication) => void;
}

/**
 * Sends the application and follows its decision: keeps the customer session it brings
 * (for the page's other elements too), fires `cc-credit-decision` from the host, polls a
 * pending decision with the session, and hands any terms offer to `hooks.onOffer`.
 */
export class CreditDecision {
  answer?: CreditApplicationAnswer | undefined;
  application?: CreditApplication | undefined;
  /** The applicant's email, where the decision goes when the page cannot show it. */
  email = '';
  readonly #host: ReactiveControllerHost & EventTarget & { mode: string };
  readonly #hooks: DecisionHooks;
  readonly #poller: Poller;
  readonly #retry = new RetryKey();
  #sessionClient?: ApiClient | undefined;

  constructor(host: ReactiveControllerHost & EventTarget & { mode: string }, hooks: DecisionHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#poller = new Poller(host);
  }

  /** A client acting for the customer session; undefined without one (known email) or once it ran out. */
  get sessionClient(): ApiClient | undefined {
    return this.#sessionClient;
  }

  /** POSTs the application (reusing the Idempotency-Key after a network error); rejects with a CcApiError. */
  async submit(client: ApiClient, body: CreditApplicationRequest): Promise<void> {
    let answer: CreditApplicationAnswer;
    try {
      answer = await customerApi(client).applyForCredit(body, {
        idempotencyKey: this.#retry.next(body),
      });
    } catch (error) {
      this.#retry.failed(error);
      throw error instanceof CcApiError ? error : CcApiError.network(error);
    }
    this.answer = answer;
    this.application = answer.application;
    this.email = body.applicant.email;
    if (answer.customerSession) {
      sessionStore.set(answer.customerSession);
      this.#sessionClient = client.withSession(answer.customerSession.token);
    }
    this.#report();
    if (this.#sessionClient && this.#withTerms && answer.termsOffer) this.#hooks.onOffer(answer.termsOffer);
    if (this.#sessionClient && answer.application.status === 'pending') this.#poller.start(this.#poll);
    this.#host.requestUpdate();
  }

  get #withTerms(): boolean {
    return this.#host.mode === 'credit_check_with_terms';
  }

  #report(): void {
    const application = this.application!;
    const decision = new CcCreditDecisionEvent({
      applicationId: application.id,
      contactId: this.answer!.contact.id,
      status: application.status,
    });
    this.#host.dispatchEvent(decision);
  }

  /** One poll of the pending application; true once decided, or once it can no longer be read. */
  readonly #poll = async (): Promise<boolean> => {
    const client = this.#sessionClient;
    if (!client) return true;
    let answer: CustomerCreditApplication;
    try {
      answer = await customerApi(client).creditApplication(this.application!.id);
    } catch (error) {
      if (error instanceof CcApiError && (error.status === 401 || error.status === 404)) {
        // The session ran out: the decision goes out by email instead.
        this.#sessionClient = undefined;
        this.#host.requestUpdate();
        return true;
      }
      return false;
    }
    if (answer.application.status === 'pending') return false;
    this.application = answer.application;
    this.#report();
    if (this.#withTerms && answer.termsOffer) this.#hooks.onOffer(answer.termsOffer);
    this.#hooks.onPolled(this.application);
    this.#host.requestUpdate();
    return true;
  };
}
