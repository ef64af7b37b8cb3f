import pLimit from 'p-limit';
import type { z } from 'zod';
import { JiraError, errorCodeForStatus } from './errors';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy';
import type { HttpMethod, JiraRequest, JiraResponse } from './seam';
import { describeSchemaError } from './schema-errors';

/** Told before each wait, so a UI can say "Jira is rate-limiting, retrying in N s". */
export interface RetryNotice {
  endpoint: string;
  status: number;
  attempt: number;
  delayMs: number;
}

export interface JiraClientOptions {
  /** Concurrent requests in flight at most (Jira's rate limiter punishes bursts). */
  maxInFlight?: number;
  retryPolicy?: RetryPolicy;
  onRetry?: (notice: RetryNotice) => void;
  /** Injected by tests so that retries do not really wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Epoch milliseconds after which no request starts and no retry waits (Forge gives a resolver 25 s).
   * Past it, calls fail with a `timeout` error; a retry that would end past it fails as `rate-limited`.
   */
  deadline?: number;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Typed access to Jira over the seam: bounded concurrency, retries on 429/503, and every response body
 * validated with a zod schema before anyone reads it.
 */
export class JiraClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private requestCount = 0;

  constructor(
    private readonly request: JiraRequest,
    private readonly options: JiraClientOptions = {},
  ) {
    this.limit = pLimit(options.maxInFlight ?? 4);
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  /** Requests sent so far, retries included. */
  get requestsSent(): number {
    return this.requestCount;
  }

  /**
   * Sends one request and parses its JSON body with `schema`.
   * `endpoint` names the route template for error messages, e.g. `GET /rest/agile/1.0/board/{boardId}`.
   */
  /** Sends a request whose answer has no body worth reading (a PUT of an issue property). */
  async send(endpoint: string, method: HttpMethod, path: string, body?: unknown): Promise<void> {
    const response = await this.limit(() => this.sendWithRetries(endpoint, method, path, body));
    await response.text();
  }

  async call<S extends z.ZodType>(
    endpoint: string,
    method: HttpMethod,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const response = await this.limit(() => this.sendWithRetries(endpoint, method, path, body));
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new JiraError(
        'bad-response',
        `${endpoint} answered with malformed JSON`,
        response.status,
        endpoint,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new JiraError(
        'bad-response',
        describeSchemaError(endpoint, parsed.error),
        response.status,
        endpoint,
      );
    }
    return parsed.data;
  }

  private async sendWithRetries(
    endpoint: string,
    method: HttpMethod,
    path: string,
    body: unknown,
  ): Promise<JiraResponse> {
    const deadline = this.options.deadline ?? Infinity;
    for (let attempt = 0; ; attempt += 1) {
      if (this.now() >= deadline) {
        throw new JiraError('timeout', `no time left to ask Jira (${endpoint})`, null, endpoint);
      }
      const response = await this.sendOnce(endpoint, method, path, body);
      if (response.ok) return response;
      if (isRetryableStatus(response.status) && attempt < this.policy.maxRetries) {
        const delayMs = retryDelayMs(attempt, response.headers.get('retry-after'), this.policy);
        await response.text().catch(() => '');
        // Past the time budget, or longer than we ever wait: answer "retry in N s" instead of waiting.
        if (this.now() + delayMs >= deadline || delayMs > this.policy.maxDelayMs) {
          throw new JiraError(
            'rate-limited',
            `Jira is rate-limiting; it asks to wait ${Math.ceil(delayMs / 1000)} s (${endpoint})`,
            response.status,
            endpoint,
            delayMs,
          );
        }
        this.options.onRetry?.({ endpoint, status: response.status, attempt: attempt + 1, delayMs });
        await this.sleep(delayMs);
        continue;
      }
      throw await httpError(endpoint, response, attempt);
    }
  }

  private async sendOnce(
    endpoint: string,
    method: HttpMethod,
    path: string,
    body: unknown,
  ): Promise<JiraResponse> {
    this.requestCount += 1;
    try {
      return await this.withinDeadline(endpoint, this.request(method, path, body));
    } catch (error) {
      if (error instanceof JiraError) throw error;
      const cause =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
      throw new JiraError(
        'unreachable',
        `cannot reach Jira (${endpoint}): ${cause || String(error)}`,
        null,
        endpoint,
      );
    }
  }

  /** A slow answer must not outlive the time budget: stop waiting for it (the request itself cannot be recalled). */
  private withinDeadline<T>(endpoint: string, pending: Promise<T>): Promise<T> {
    const deadline = this.options.deadline;
    if (deadline === undefined) return pending;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new JiraError('timeout', `Jira did not answer in time (${endpoint})`, null, endpoint)),
        Math.max(0, deadline - this.now()),
      );
    });
    return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
  }
}

async function httpError(endpoint: string, response: JiraResponse, retries: number): Promise<JiraError> {
  const code = errorCodeForStatus(response.status);
  const detail = jiraErrorMessages(await response.text().catch(() => ''));
  const suffix = detail ? `: ${detail}` : '';
  const message =
    code === 'rate-limited'
      ? `Jira is still rate-limiting after ${retries} retries (${endpoint})`
      : response.status === 503
        ? `Jira is still unavailable (503) after ${retries} retries (${endpoint})`
        : `${endpoint} answered ${response.status}${suffix}`;
  const retryAfterMs =
    code === 'rate-limited'
      ? retryDelayMs(retries, response.headers.get('retry-after'), DEFAULT_RETRY_POLICY)
      : null;
  return new JiraError(code, message, response.status, endpoint, retryAfterMs);
}

/** Jira's error bodies are `{errorMessages: [...], errors: {field: message}}`. */
function jiraErrorMessages(text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown };
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
    if (body.errors && typeof body.errors === 'object') {
      for (const [field, message] of Object.entries(body.errors))
        messages.push(`${field}: ${String(message)}`);
    }
    return messages.join('; ');
  } catch {
    return text.slice(0, 200);
  }
}
