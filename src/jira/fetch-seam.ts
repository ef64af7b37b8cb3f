import type { HttpMethod, JiraRequest, JiraRequestInit } from './seam';

export interface BasicAuthSeamOptions {
  /** The site's base URL, e.g. https://your-domain.atlassian.net */
  site: string;
  email: string;
  apiToken: string;
  /** Injected for tests; defaults to the global `fetch`. */
  fetchImpl?: typeof fetch;
}

/** The seam over plain `fetch` with Basic auth (email + API token), as Atlassian documents for scripts. */
export function createBasicAuthSeam(options: BasicAuthSeamOptions): JiraRequest {
  const base = options.site.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
  const fetchImpl = options.fetchImpl ?? fetch;
  return (method: HttpMethod, path: string, body?: unknown, init?: JiraRequestInit) =>
    fetchImpl(`${base}${path}`, {
      method,
      headers: {
        Authorization: authorization,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      // Aborting also cancels reading the body, so a stalled answer frees its socket.
      ...(init?.signal ? { signal: init.signal } : {}),
    });
}
