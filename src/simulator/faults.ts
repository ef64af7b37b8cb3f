import { JSON_TYPE, type Reply } from './http/reply';

/** Failures to inject into the next matching requests, to exercise a client's retry and error paths. */
export type Fault =
  | { status: 429 | 503 | 500 | 502; retryAfterSeconds?: number; times: number; route?: string }
  | { kind: 'malformed-json'; times: number; route?: string }
  | { kind: 'drop-connection'; times: number; route?: string };

/** What to do instead of answering normally. */
export type FaultAction = { kind: 'reply'; reply: Reply } | { kind: 'drop' };

export class FaultQueue {
  private pending: { fault: Fault; remaining: number }[] = [];

  add(faults: Fault[]): void {
    for (const fault of faults) if (fault.times > 0) this.pending.push({ fault, remaining: fault.times });
  }

  clear(): void {
    this.pending = [];
  }

  /** Consumes one use of the first fault whose route prefix matches `path`. */
  take(path: string): FaultAction | undefined {
    const entry = this.pending.find((e) => path.startsWith(e.fault.route ?? ''));
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.pending.splice(this.pending.indexOf(entry), 1);
    return actionFor(entry.fault);
  }
}

function actionFor(fault: Fault): FaultAction {
  if ('kind' in fault) {
    if (fault.kind === 'drop-connection') return { kind: 'drop' };
    // A 200 whose body stops mid-value, as a proxy cutting a response short would leave it.
    return {
      kind: 'reply',
      reply: { status: 200, text: '{"issues":[{"id":"10001","key":', contentType: JSON_TYPE },
    };
  }
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
  switch (fault.status) {
    case 429: {
      const reset = new Date(Date.now() + (fault.retryAfterSeconds ?? 1) * 1000).toISOString();
      Object.assign(headers, {
        'X-RateLimit-Limit': '350',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-NearLimit': 'true',
        'X-RateLimit-Reset': reset,
        'RateLimit-Reason': 'jira-burst-based',
      });
      return reply(429, headers, { errorMessages: ['Rate limit exceeded.'], errors: {} });
    }
    case 503:
      return reply(503, headers, {
        errorMessages: ['Service unavailable. Please try again later.'],
        errors: {},
      });
    case 500:
      return reply(500, headers, { errorMessages: ['Internal server error.'], errors: {} });
    case 502:
      // Gateways answer 502 in HTML, not Jira's JSON.
      return {
        kind: 'reply',
        reply: {
          status: 502,
          headers,
          contentType: 'text/html',
          text: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
        },
      };
  }
}

function reply(status: number, headers: Record<string, string>, body: unknown): FaultAction {
  return { kind: 'reply', reply: { status, headers, body } };
}
