// The console mock's error answers (the real backend's envelope) and its dashboard-session checks.
import { MockApiError } from '../../../elements/test/mock/http.js';
import { store } from './store.js';

export const error = (status, type, code, message, param) => new MockApiError(status, type, code, message, param);
export const notFound = () => error(404, 'not_found', 'resource_missing', 'No such id.', 'id');
export const page = (data) => ({ data, hasMore: false });

export function auth(context) {
  const header = context.get('Authorization');
  const session = store.sessions.get(header.slice('Bearer '.length));
  if (!session) throw error(401, 'authentication', 'invalid_credentials', 'Unknown or revoked credential.');
  if (session.expired) throw error(401, 'authentication', 'session_expired', 'The session has expired.');
  return store.users.find((u) => u.id === session.userId);
}

export function adminOnly(user) {
  if (user.role !== 'admin') throw error(403, 'permission', 'admin_required', 'Only an admin may do this.');
}

export function throwIt(e) {
  throw e;
}
