/** A merchant user's role (stored on `users.role`; carried by secret keys and sessions). */
export type UserRole = 'admin' | 'member';

/** Who is calling, resolved once per request by the auth guard from the one credential sent. */
export type AuthContext =
  | { kind: 'secret_key'; merchantId: string; role: UserRole; keyId: string }
  | { kind: 'merchant_session'; merchantId: string; role: UserRole; userId: string; sessionId: string }
  | { kind: 'customer_session'; merchantId: string; contactId: string; sessionId: string }
  | { kind: 'publishable_key'; merchantId: string; keyId: string }
  | { kind: 'platform' }
  | { kind: 'anonymous' };

export type MerchantAuth = Extract<AuthContext, { kind: 'secret_key' | 'merchant_session' }>;
export type CustomerAuth = Extract<AuthContext, { kind: 'customer_session' }>;
export type PublishableAuth = Extract<AuthContext, { kind: 'publishable_key' }>;

/** Credential kinds a route accepts: `merchant` = secret key or dashboard session. */
export type Audience = 'merchant' | 'customer' | 'publishable' | 'platform' | 'public';

/** Who did it, as the audit log records it. */
export interface Actor {
  type: 'user' | 'api_key' | 'customer' | 'platform' | 'system' | 'anonymous';
  id: string | null;
  credentialId: string | null;
}

export function actorOf(auth: AuthContext): Actor {
  switch (auth.kind) {
    case 'secret_key':
      return { type: 'api_key', id: auth.keyId, credentialId: auth.keyId };
    case 'merchant_session':
      return { type: 'user', id: auth.userId, credentialId: auth.sessionId };
    case 'customer_session':
      return { type: 'customer', id: auth.contactId, credentialId: auth.sessionId };
    case 'publishable_key':
      return { type: 'anonymous', id: null, credentialId: auth.keyId };
    case 'platform':
      return { type: 'platform', id: null, credentialId: null };
    default:
      return { type: 'anonymous', id: null, credentialId: null };
  }
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, credentialId: null };

/** The scope idempotency keys are kept per (a credential; per client IP when there is none). */
export function idempotencyScope(auth: AuthContext, ip: string): string {
  switch (auth.kind) {
    case 'secret_key':
      return `key:${auth.keyId}`;
    case 'merchant_session':
      return `usr:${auth.userId}`;
    case 'customer_session':
      return `ct:${auth.contactId}`;
    case 'publishable_key':
      return `pk:${auth.keyId}:${ip}`;
    case 'platform':
      return 'platform';
    default:
      return `ip:${ip}`;
  }
}
