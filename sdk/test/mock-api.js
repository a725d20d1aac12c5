// Answers /v1/public/config in the browser tests like the real API (credentials and
// error envelope included), so the provider is tested over real fetch and HTTP.
export const testKeys = {
  valid: 'pk_test_northwind',
  themed: 'pk_test_branded',
  slow: 'pk_test_slow',
};

const baseConfig = {
  merchant: { id: 'mer_test_northwind', name: 'Northwind Industrial Supply' },
  termsPolicy: 'flexible',
  allowedNetDays: [30, 45, 60],
  partialPayments: { defaultMinimumPercent: 25, byMethod: { card: 50 } },
  creditAppModes: ['credit_check', 'credit_check_with_terms'],
  theme: {},
};

const configs = {
  [testKeys.valid]: baseConfig,
  [testKeys.slow]: baseConfig,
  [testKeys.themed]: { ...baseConfig, theme: { primaryColor: '#fde047', radius: '12px', fontFamily: 'Georgia, serif' } },
};

export async function mockApi(context, next) {
  if (context.path !== '/v1/public/config') return next();
  const key = context.get('CC-Publishable-Key');
  const config = configs[key];
  context.type = 'application/json';
  if (!config) {
    context.status = 401;
    context.body = JSON.stringify({
      error: key
        ? { type: 'authentication', code: 'api_key_invalid', message: 'This publishable key is not valid.' }
        : { type: 'authentication', code: 'authentication_required', message: 'Send a publishable key.' },
    });
    return;
  }
  if (key === testKeys.slow) await new Promise((done) => setTimeout(done, 300));
  context.body = JSON.stringify(config);
}
