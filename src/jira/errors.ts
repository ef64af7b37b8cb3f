/** What went wrong talking to Jira, in words the CLI and the panel can act on. */
export type JiraErrorCode =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'bad-request'
  | 'bad-response'
  | 'server-error'
  /** The caller's time budget ran out (e.g. Forge's 25 s resolver limit) before Jira answered. */
  | 'timeout';

export class JiraError extends Error {
  override readonly name = 'JiraError';

  constructor(
    readonly code: JiraErrorCode,
    message: string,
    /** The HTTP status, when Jira answered at all. */
    readonly status: number | null = null,
    /** The endpoint, e.g. `GET /rest/agile/1.0/board/{boardId}`. */
    readonly endpoint: string | null = null,
    /** For `rate-limited`: how long Jira asked us to wait before trying again. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export function errorCodeForStatus(status: number): JiraErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'bad-request';
}

/**
 * Answers that end the whole run rather than one call: Jira refused the credentials, is down or overloaded, cannot be
 * reached, or answers nonsense. Not-found, forbidden and bad-request are about one resource (callers handle them);
 * a timeout keeps what already arrived.
 */
export function endsTheRun(error: JiraError): boolean {
  return !['not-found', 'forbidden', 'bad-request', 'timeout'].includes(error.code);
}
