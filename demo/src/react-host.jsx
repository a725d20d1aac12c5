// Northwind's React host page: a React 19 app that renders the CustomerConnect credit
// application and keeps what it reports in React state. Bundled by scripts/build.mjs
// (esbuild) into public/assets/react-host.js; the SDK itself comes from its own script tag.
//
// React 19 and custom elements: a prop is set as a property when the element has one
// (`mode`), else as an attribute (`publishable-key`), and a function prop named `on` + an
// event name (`oncc-credit-decision`) adds a listener for exactly that event name.

import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const STATUS_WORDS = { approved: 'approved', declined: 'declined', pending: 'pending (waiting on the credit bureau)' };

function CreditApplicationHost({ publishableKey }) {
  const [merchant, setMerchant] = useState(null);
  const [decision, setDecision] = useState(null);
  const [terms, setTerms] = useState(null);
  const [error, setError] = useState(null);
  const [events, setEvents] = useState([]);

  const record = (name, text) => setEvents((list) => [...list, { id: list.length + 1, name, text }]);

  const onReady = (event) => {
    // Only the provider's own cc-ready: each element inside fires its own too, and they bubble here.
    if (event.target !== event.currentTarget) return;
    setMerchant(event.detail.config.merchant.name);
  };
  const onDecision = (event) => {
    setDecision(event.detail);
    record('cc-credit-decision', `Decision: ${event.detail.status} for ${event.detail.contactId}`);
  };
  const onTermsAccepted = (event) => {
    setTerms({ answer: 'accepted', ...event.detail });
    record('cc-terms-accepted', `Terms accepted (offer ${event.detail.offerId})`);
  };
  const onTermsDeclined = (event) => {
    setTerms({ answer: 'declined', ...event.detail });
    record('cc-terms-declined', `Terms declined (offer ${event.detail.offerId})`);
  };
  const onError = (event) => {
    setError(event.detail);
    record('cc-error', `Error: ${event.detail.message} (${event.detail.code})`);
  };

  return (
    <div className="widget-layout">
      <cc-provider publishable-key={publishableKey} oncc-ready={onReady}>
        <cc-credit-app
          className="widget-card"
          mode="credit_check_with_terms"
          oncc-credit-decision={onDecision}
          oncc-terms-accepted={onTermsAccepted}
          oncc-terms-declined={onTermsDeclined}
          oncc-error={onError}
        />
      </cc-provider>
      <aside className="event-log-panel" aria-labelledby="react-state-title">
        <h2 id="react-state-title">React state</h2>
        <dl className="react-state" id="react-state">
          <div>
            <dt>Merchant</dt>
            <dd data-testid="merchant">{merchant ?? 'connecting…'}</dd>
          </div>
          <div>
            <dt>Credit decision</dt>
            <dd data-testid="decision">
              {decision
                ? `${STATUS_WORDS[decision.status] ?? decision.status} for contact ${decision.contactId}`
                : 'none yet'}
            </dd>
          </div>
          <div>
            <dt>Payment terms</dt>
            <dd data-testid="terms">{terms ? `${terms.answer} (offer ${terms.offerId})` : 'none yet'}</dd>
          </div>
          {error ? (
            <div>
              <dt>Last error</dt>
              <dd data-testid="error">{`${error.message} (${error.code})`}</dd>
            </div>
          ) : null}
        </dl>
        <h3 id="react-events-title">Events received</h3>
        <div className="event-log" role="log" aria-labelledby="react-events-title" id="react-event-log">
          {events.length === 0 ? <p className="event-log-empty">No events yet.</p> : null}
          {events.map((e) => (
            <p key={e.id}>
              <code>{e.name}</code> {e.text}
            </p>
          ))}
        </div>
      </aside>
    </div>
  );
}

const root = document.getElementById('react-root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CreditApplicationHost publishableKey={root.dataset.publishableKey} />
    </StrictMode>,
  );
}
