// A React 19 page with <cc-credit-app>, typed by '@customerconnect/sdk/react'.
import '@customerconnect/sdk/define/cc-credit-app.js';
import type {} from '@customerconnect/sdk/react';
import { useState } from 'react';

export function App() {
  const [merchant, setMerchant] = useState('');
  return (
    <main>
      <p id="ready">{merchant ? `ready: ${merchant}` : 'waiting'}</p>
      <cc-provider publishable-key="pk_test_northwind">
        <cc-credit-app
          mode="credit_check"
          // The element's own cc-ready, inside a provider; `event` is a CcReadyEvent, no cast.
          oncc-ready={(event) => setMerchant(event.detail.config.merchant.name)}
        />
      </cc-provider>
    </main>
  );
}
