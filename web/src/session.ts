// The signed-in user (GET /me), kept in memory only; the session itself is the HttpOnly cookie.
import { api, ApiError, setCsrfToken } from './api';
import type { Me } from './model';

let current: Me | null = null;
let loaded = false;

export function me(): Me | null { return current; }
export function isLoaded(): boolean { return loaded; }

export function can(permission: string | undefined): boolean {
  return !permission || (current?.permissions ?? []).includes(permission);
}

export function setSession(user: Me | null, csrf?: string): void {
  current = user;
  loaded = true;
  setCsrfToken(csrf ?? user?.csrf_token);
}

/** Loads GET /me; a 401 simply means "not signed in". Other errors propagate. */
export async function loadSession(): Promise<Me | null> {
  try {
    setSession(await api.get<Me>('/me', { quiet401: true }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) setSession(null);
    else throw err;
  }
  return current;
}

export function clearSession(): void { setSession(null); }
