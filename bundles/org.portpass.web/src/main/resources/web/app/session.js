// Who is logged in: the account from /auth/me, kept in memory. Logout revokes the token on the
// server and forgets everything this tab held (token, account, previews, drafts in memory).
import * as api from './api.js';

let account = null;
const listeners = new Set();
const cleanups = new Set();

export function currentAccount() {
  return account;
}

export function hasRole(...roles) {
  return !!account && account.roles.some((r) => roles.includes(r));
}

export function isCompanyUser() {
  return hasRole('COMPANY_ADMIN', 'COMPANY_USER');
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers something to forget at logout (e.g. revoking blob: URLs of previews). */
export function onLogout(cleanup) {
  cleanups.add(cleanup);
}

function changed() {
  listeners.forEach((l) => l(account));
}

/** Restores the session of this tab after a reload, if its token is still good. */
export async function restore() {
  if (!api.hasToken()) return null;
  try {
    account = await api.get('/auth/me');
  } catch {
    api.setToken(null);
    account = null;
  }
  changed();
  return account;
}

/** Starts a session from a login answer ({token, account}) of any login path. */
export async function begin(answer) {
  api.setToken(answer.token);
  account = await api.get('/auth/me');
  changed();
  return account;
}

export async function login(username, password) {
  const answer = await api.post('/auth/login', { username, password });
  return begin(answer);
}

export async function logout() {
  try {
    if (api.hasToken()) await api.post('/auth/logout');
  } catch {
    // the token may already be expired: forgetting it locally is what matters
  }
  forget();
}

/** Forgets the session locally (after logout, or when the server says the token is no longer good). */
export function forget() {
  api.setToken(null);
  account = null;
  sessionStorage.clear();
  cleanups.forEach((c) => c());
  changed();
}

api.onUnauthorized(() => {
  if (account) forget();
});
