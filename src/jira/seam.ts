/**
 * The one seam between ML Lanes and Jira: a function from (method, REST path, body) to a fetch-style response.
 * In Forge it wraps `api.asUser().requestJira(...)`; in the CLI and the playground it wraps `fetch` with an API token.
 * Everything above this seam (paging, retries, validation, mapping) is the same code in both.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The part of the fetch `Response` the adapter reads. Forge's `requestJira` and Node's `fetch` both satisfy it. */
export interface JiraResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface JiraRequestInit {
  /** Aborted when the client gives up on the request (timeout, or a fatal error elsewhere): stop sending and reading. */
  signal?: AbortSignal;
}

/** `path` starts with `/rest/...` and is already URL-encoded. */
export type JiraRequest = (
  method: HttpMethod,
  path: string,
  body?: unknown,
  init?: JiraRequestInit,
) => Promise<JiraResponse>;
