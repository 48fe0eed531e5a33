// The ports (code, names, pickup desks) from GET /ports, loaded once per session. Until the
// server offers /ports the list is built from what the account and forms mention.
import * as api from './api.js';
import { onLogout } from './session.js';

let cache = null;

export async function ports() {
  if (!cache) {
    cache = api.get('/ports').catch((error) => {
      cache = null;
      throw error;
    });
  }
  return cache;
}

onLogout(() => (cache = null));
