import type { RunningSimulator } from '../../src/simulator';

/** Tiny HTTP helpers for tests: real requests against a running simulator. */

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export async function call(
  sim: RunningSimulator,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Narrows unknown JSON to a record for property access in assertions. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected an array, got ${JSON.stringify(value)}`);
  return value;
}

export function searchJql(sim: RunningSimulator, body: Record<string, unknown>): Promise<Answer> {
  return call(sim, 'POST', '/rest/api/3/search/jql', body);
}

export function bulkfetch(sim: RunningSimulator, body: Record<string, unknown>): Promise<Answer> {
  return call(sim, 'POST', '/rest/api/3/issue/bulkfetch', body);
}

/** Follows nextPageToken to the end; returns every page's body. */
export async function allPages(
  sim: RunningSimulator,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const answer = await searchJql(sim, {
      ...body,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    if (answer.status !== 200) throw new Error(`search failed: ${answer.status} ${answer.text}`);
    const page = obj(answer.json);
    pages.push(page);
    token = typeof page.nextPageToken === 'string' ? page.nextPageToken : undefined;
    if (pages.length > 1000) throw new Error('paging does not end');
  } while (token !== undefined);
  return pages;
}

export function changelogs(sim: RunningSimulator, body: Record<string, unknown>): Promise<Answer> {
  return call(sim, 'POST', '/rest/api/3/changelog/bulkfetch', body);
}

/** Follows a /changelog/bulkfetch request's nextPageToken to the end; returns every page's body. */
export async function allChangelogPages(
  sim: RunningSimulator,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const answer = await changelogs(sim, {
      ...body,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    if (answer.status !== 200) throw new Error(`changelog bulkfetch failed: ${answer.status} ${answer.text}`);
    const page = obj(answer.json);
    pages.push(page);
    token = typeof page.nextPageToken === 'string' ? page.nextPageToken : undefined;
    if (pages.length > 10000) throw new Error('paging does not end');
  } while (token !== undefined);
  return pages;
}
