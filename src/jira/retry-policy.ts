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

function parseRetryAfterMs(value: string | null, now: () => number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now());
}
