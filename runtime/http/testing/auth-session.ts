/**
 * Test-only: logs in through POST /api/auth/login and returns a client that sends the session
 * cookie, and the CSRF token on writes, the way the editor does.
 */
import { testPassword } from '../../auth/testing/accounts.ts';
import { jsonPost, type TestApp } from './test-app.ts';

export interface SessionClient {
  cookie: string;
  csrfToken: string;
  /** An /api request with the cookie; writes carry X-CSRF-Token unless `csrf: false`. */
  request(path: string, init?: RequestInit, options?: { csrf?: boolean }): Promise<Response>;
}

/** `name=value` of the Set-Cookie header (fails loudly when there is none). */
export function cookieOf(response: Response, name = 'flowcall_session'): string {
  const header = response.headers.get('set-cookie') ?? '';
  const pair = header.split(';')[0] ?? '';
  if (!pair.startsWith(`${name}=`)) throw new Error(`no ${name} cookie in "${header}"`);
  return pair;
}

export function sessionClient(app: TestApp, cookie: string, csrfToken: string): SessionClient {
  return {
    cookie,
    csrfToken,
    request(path, init = {}, options = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && options.csrf !== false) headers.set('x-csrf-token', csrfToken);
      return app.anonymous(path, { ...init, headers });
    },
  };
}

export async function loginAs(app: TestApp, email: string, password = testPassword): Promise<SessionClient> {
  const response = await app.anonymous('/api/auth/login', jsonPost({ email, password }));
  if (response.status !== 200) throw new Error(`login as ${email} answered ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  return sessionClient(app, cookieOf(response), body.csrfToken);
}
