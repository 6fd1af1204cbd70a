// JSON client for /api/v1 (contract: docs/api.md). Cookie session + X-CSRF-Token on state changes.

export const API_BASE = '/api/v1';

export interface RowError { row: number; column: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field = '',
    readonly rows: RowError[] = [],
    /** The whole JSON error body, for answers that carry more than `error` (e.g. `duplicates`). */
    readonly body: any = null,
  ) {
    super(message);
  }
  get isNetwork(): boolean { return this.status === 0; }
}

let csrfToken = '';
export function setCsrfToken(token: string | undefined): void { csrfToken = token ?? ''; }

/** Called when a request returns 401: the session expired or was never there. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void { onUnauthenticated = handler; }

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Options { contentType?: string; quiet401?: boolean }

async function send(method: Method, path: string, body: unknown, opts: Options): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    headers['Content-Type'] = opts.contentType ?? 'application/json';
    payload = typeof body === 'string' && opts.contentType ? body : JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(API_BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Brak połączenia z serwerem. Sprawdź połączenie z siecią i spróbuj ponownie.');
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  let data: any = null;
  try { data = await res.json(); } catch { /* not JSON (e.g. a proxy error page) */ }
  const err = data?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(res.status, err.code ?? '', err.message, err.field ?? '', Array.isArray(data.rows) ? data.rows : [], data);
  }
  const fallback: Record<number, string> = {
    401: 'Sesja wygasła. Zaloguj się ponownie.',
    403: 'Nie masz uprawnień do wykonania tej czynności.',
    404: 'Nie znaleziono żądanego zasobu.',
  };
  return new ApiError(res.status, res.status >= 500 ? 'server' : 'http',
    fallback[res.status] ?? `Wystąpił błąd serwera (HTTP ${res.status}). Spróbuj ponownie za chwilę.`);
}

export async function request<T>(method: Method, path: string, body?: unknown, opts: Options = {}): Promise<T> {
  let res = await send(method, path, body, opts);
  if (res.status === 403 && method !== 'GET') {
    // A stale CSRF token (e.g. after a server restart) is refreshed once from GET /me.
    const err = await errorFrom(res.clone());
    if (err.field === 'csrf') {
      const me = await send('GET', '/me', undefined, {});
      if (me.ok) {
        setCsrfToken((await me.json()).csrf_token);
        res = await send(method, path, body, opts);
      }
    }
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 401 && !opts.quiet401) onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: Options) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: (path: string) => request<void>('DELETE', path),
};

/** Builds "?a=1&b=2" from the non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
