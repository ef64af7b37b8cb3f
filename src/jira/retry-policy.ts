/** When and how long to wait before asking Jira again after a 429 or 503. */
export interface RetryPolicy {
  /** Retries after the first attempt; then the request fails with a typed error. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Jira's `Retry-After` (seconds, or an HTTP date) wins; without it, capped exponential backoff with full jitter
 * so that many clients rate-limited together do not come back in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null,
  policy: RetryPolicy,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  // Jira's own wait is honoured in full: retrying earlier than asked only earns another 429.
  const fromHeader = parseRetryAfterMs(retryAfter, now);
  if (fromHeader !== null) return fromHeader;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** IMF-fixdate, e.g. `Wed, 25 Nov 2026 10:00:05 GMT`: `Date.parse` alone would also read "-5" as a year. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * `Retry-After` is whole seconds or an HTTP date (RFC 9110). Anything else, a negative number or a date already
 * past is no usable advice: the caller falls back to backoff rather than retrying at once.
 */
function parseRetryAfterMs(value: string | null, now: () => number): number | null {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return null;
  const wait = Date.parse(text) - now();
  return Number.isNaN(wait) || wait < 0 ? null : wait;
}
