import type { JiraError, JiraErrorCode } from '../errors';

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
