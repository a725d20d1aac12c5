import { randomBytes } from 'node:crypto';
import type { HttpClient } from './http.js';

const unique = () => randomBytes(5).toString('hex');

export interface SignedUpMerchant {
  merchantId: string;
  adminEmail: string;
  adminPassword: string;
  secretKey: string;
  publishableKey: string;
  adminUserId: string;
}

/** Signs a fresh merchant up over the API (each test works in its own tenant). */
export async function signUpMerchant(http: HttpClient, name = `Merchant ${unique()}`): Promise<SignedUpMerchant> {
  const adminEmail = `admin-${unique()}@merchant.example`;
  const adminPassword = `pw-${unique()}-long-enough`;
  const res = await http.post('/v1/merchants', { name, adminEmail, adminPassword });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    merchantId: res.body.merchant.id,
    adminEmail,
    adminPassword,
    secretKey: res.body.secretKey,
    publishableKey: res.body.publishableKey,
    adminUserId: res.body.user.id,
  };
}

export async function createContact(http: HttpClient, token: string, overrides: Record<string, unknown> = {}) {
  const res = await http.post(
    '/v1/contacts',
    { companyName: `Company ${unique()}`, email: `ap-${unique()}@customer.example`, ...overrides },
    { token },
  );
  if (res.status !== 201) throw new Error(`contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function login(http: HttpClient, email: string, password: string): Promise<string> {
  const res = await http.post('/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export { unique };
