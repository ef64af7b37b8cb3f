import pLimit from 'p-limit';
import type { z } from 'zod';
import { sleep as abortableSleep, untilAborted } from './abortable';
import { endsTheRun, errorCodeForStatus } from './errors';
import { describeNetworkFailure, type ExchangePhase } from './network-failure';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy';
import type { ShapeCheck } from './schemas';
import type { HttpMethod, JiraRequest } from './seam';
import { describeSchemaError } from './schema-errors';
import { JiraError } from '../errors';

/** Why a request is about to be sent again. */
export type RetryReason = 'rate-limited' | 'unavailable' | 'connection-reset';

/** Told before each wait, so a UI can say "Jira is rate-limiting, retrying in N s". */
export interface RetryNotice {
  endpoint: string;
  reason: RetryReason;
  /** The HTTP status; null when the connection broke before a whole answer arrived. */
  status: number | null;
  attempt: number;
  delayMs: number;
}

export interface JiraClientOptions {
  /** Concurrent requests in flight at most (Jira's rate limiter punishes bursts). */
  maxInFlight?: number;
  retryPolicy?: RetryPolicy;
  onRetry?: (notice: RetryNotice) => void;
  /** Injected by tests so that retries do not really wait; must end early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Epoch milliseconds after which no request starts and no retry waits (Forge gives a resolver 25 s).
   * Past it, calls fail with a `timeout` error; a retry that would end past it fails at once.
   */
  deadline?: number;
  /** Longest one request may take, from sending it to the last byte of Jira's answer. */
  requestTimeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Jira's answer, read in full inside the request's time limit. */
interface Answer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text: string;
}

type Outcome = { kind: 'answer'; answer: Answer } | { kind: 'broken'; error: JiraError; reset: boolean };

/**
 * Typed access to Jira over the seam: bounded concurrency, retries on 429/503 and on one connection reset, a time
 * limit on every request (headers and body), and every response body validated with a zod schema before anyone
 * reads it. After the first answer that ends the run, nothing more is sent: queued calls fail without asking Jira,
 * requests in flight are aborted and retry waits end.
 */
export class JiraClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly requestTimeoutMs: number;
  private readonly stopper = new AbortController();
  private requestCount = 0;

  constructor(
    private readonly request: JiraRequest,
    private readonly options: JiraClientOptions = {},
  ) {
    this.limit = pLimit(options.maxInFlight ?? 4);
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? abortableSleep;
    this.now = options.now ?? Date.now;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /** Requests sent so far, retries included. */
  get requestsSent(): number {
    return this.requestCount;
  }

  /** Why the client stopped, or null while it still works. */
  get stoppedBy(): Error | null {
    return this.stopper.signal.aborted ? (this.stopper.signal.reason as Error) : null;
  }

  /**
   * Stops all work for good: queued calls fail with `reason` without being sent, requests in flight are aborted,
   * retry waits end and no retry notice follows. The first reason wins.
   */
  abort(reason: Error): void {
    if (!this.stopper.signal.aborted) this.stopper.abort(reason);
  }

  /** Sends a request whose answer has no body worth reading (a PUT of an issue property). */
  async send(endpoint: string, method: HttpMethod, path: string, body?: unknown): Promise<void> {
    await this.limit(() => this.stopOnFatal(() => this.exchange(endpoint, method, path, body)));
  }

  /**
   * Sends one request and parses its JSON body with `schema`.
   * `endpoint` names the route template for error messages, e.g. `GET /rest/agile/1.0/board/{boardId}`.
   */
  call<S extends z.ZodType>(
    endpoint: string,
    method: HttpMethod,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    return this.read(endpoint, method, path, zodReader(endpoint, schema), body);
  }

  /** As `call`, with a hand-written check for answers too big to parse with zod quickly (bulkfetch pages). */
  callChecked<T>(
    endpoint: string,
    method: HttpMethod,
    path: string,
    check: ShapeCheck<T>,
    body?: unknown,
  ): Promise<T> {
    return this.read(endpoint, method, path, checkReader(endpoint, check), body);
  }

  private read<T>(
    endpoint: string,
    method: HttpMethod,
    path: string,
    reader: Reader<T>,
    body: unknown,
  ): Promise<T> {
    return this.limit(() =>
      this.stopOnFatal(async () =>
        parseAnswer(endpoint, await this.exchange(endpoint, method, path, body), reader),
      ),
    );
  }

  /**
   * Runs `work`; an error that ends the run stops the client. Called inside the concurrency slot, so the queue
   * sees the stop before it starts the next call.
   */
  private async stopOnFatal<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof JiraError && endsTheRun(error)) this.abort(error);
      throw error;
    }
  }

  /** One call: attempts until an answer that is not retried, a failure, or the client stops. */
  private async exchange(endpoint: string, method: HttpMethod, path: string, body: unknown): Promise<Answer> {
    let retries = 0;
    let resetRetried = false;
    for (;;) {
      this.checkMayStart(endpoint);
      const outcome = await this.attempt(endpoint, method, path, body);
      if (outcome.kind === 'broken') {
        if (!outcome.reset || resetRetried) throw outcome.error;
        resetRetried = true;
        const delayMs = retryDelayMs(retries, null, this.policy);
        await this.pause({ endpoint, reason: 'connection-reset', status: null, attempt: 1, delayMs }, () => {
          throw outcome.error;
        });
        continue;
      }
      const { answer } = outcome;
      if (answer.ok) return answer;
      if (isRetryableStatus(answer.status) && retries < this.policy.maxRetries) {
        const delayMs = retryDelayMs(retries, answer.headers.get('retry-after'), this.policy);
        retries += 1;
        const reason = answer.status === 429 ? 'rate-limited' : 'unavailable';
        await this.pause({ endpoint, reason, status: answer.status, attempt: retries, delayMs }, () => {
          throw tooLongToWait(endpoint, answer.status, delayMs);
        });
        continue;
      }
      throw httpError(endpoint, `${method} ${path}`, answer, retries);
    }
  }

  private checkMayStart(endpoint: string): void {
    const stopped = this.stoppedBy;
    if (stopped) throw stopped;
    if (this.now() >= (this.options.deadline ?? Infinity)) {
      throw new JiraError('timeout', `no time left to ask Jira (${endpoint})`, null, endpoint);
    }
  }

  /** Waits before a retry, unless the wait is longer than allowed (then `refuse`) or the client stops meanwhile. */
  private async pause(notice: RetryNotice, refuse: () => never): Promise<void> {
    // Past the time budget, or longer than we ever wait: answer "retry in N s" instead of waiting.
    if (
      this.now() + notice.delayMs >= (this.options.deadline ?? Infinity) ||
      notice.delayMs > this.policy.maxDelayMs
    ) {
      refuse();
    }
    this.checkMayStart(notice.endpoint);
    this.options.onRetry?.(notice);
    const signal = this.stopper.signal;
    await untilAborted(this.sleep(notice.delayMs, signal), signal);
  }

  /**
   * Sends once and reads the whole body, within the request's time limit and the client's deadline. The seam gets
   * a signal that aborts on either limit and when the client stops; the race covers seams that ignore it.
   */
  private async attempt(endpoint: string, method: HttpMethod, path: string, body: unknown): Promise<Outcome> {
    this.requestCount += 1;
    const untilDeadline = (this.options.deadline ?? Infinity) - this.now();
    const byDeadline = untilDeadline < this.requestTimeoutMs;
    const controller = new AbortController();
    const onStop = () => controller.abort(this.stopper.signal.reason);
    this.stopper.signal.addEventListener('abort', onStop, { once: true });
    let phase: ExchangePhase = 'headers';
    const timer = setTimeout(
      () => controller.abort(timeoutError(endpoint, phase, byDeadline ? null : this.requestTimeoutMs)),
      Math.max(0, Math.min(untilDeadline, this.requestTimeoutMs)),
    );
    const pending = (async (): Promise<Answer> => {
      const response = await this.request(method, path, body, { signal: controller.signal });
      phase = 'body';
      const text = await response.text();
      return { status: response.status, ok: response.ok, headers: response.headers, text };
    })();
    try {
      return { kind: 'answer', answer: await untilAborted(pending, controller.signal) };
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      if (error instanceof JiraError) throw error;
      return { kind: 'broken', ...describeNetworkFailure(endpoint, error, phase) };
    } finally {
      clearTimeout(timer);
      this.stopper.signal.removeEventListener('abort', onStop);
      pending.catch(() => undefined);
    }
  }
}

function timeoutError(endpoint: string, phase: ExchangePhase, limitMs: number | null): JiraError {
  const within = limitMs === null ? 'in time' : `within ${formatSeconds(limitMs)}`;
  const message =
    phase === 'headers'
      ? `Jira did not answer ${within} (${endpoint})`
      : `Jira's answer did not arrive in full ${within} (${endpoint})`;
  return new JiraError('timeout', message, null, endpoint);
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function tooLongToWait(endpoint: string, status: number, delayMs: number): JiraError {
  const wait = `it asks to wait ${Math.ceil(delayMs / 1000)} s (${endpoint})`;
  return status === 429
    ? new JiraError('rate-limited', `Jira is rate-limiting; ${wait}`, status, endpoint, delayMs)
    : new JiraError('server-error', `Jira is unavailable (${status}); ${wait}`, status, endpoint, delayMs);
}

/** What `parseAnswer` needs of a schema or a check: the value, or the sentence that says what is wrong. */
type Reader<T> = (json: unknown) => { ok: true; value: T } | { ok: false; message: string };

/** A zod schema's error names up to three fields (`describeSchemaError`). */
function zodReader<S extends z.ZodType>(endpoint: string, schema: S): Reader<z.infer<S>> {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: describeSchemaError(endpoint, parsed.error) };
  };
}

/** A hand-written check names the first wrong field, in the same words. */
function checkReader<T>(endpoint: string, check: ShapeCheck<T>): Reader<T> {
  return (json) => {
    const checked = check(json);
    return checked.ok
      ? checked
      : {
          ok: false,
          message: `${endpoint} answered in an unexpected shape: field \`${checked.problem.path}\` ${checked.problem.problem}`,
        };
  };
}

function parseAnswer<T>(endpoint: string, answer: Answer, read: Reader<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new JiraError(
      'bad-response',
      looksLikeHtml(answer)
        ? `${endpoint} answered with a web page instead of JSON (is a proxy or a login page in the way?)`
        : `${endpoint} answered with malformed JSON`,
      answer.status,
      endpoint,
    );
  }
  const checked = read(json);
  if (checked.ok) return checked.value;
  throw new JiraError('bad-response', checked.message, answer.status, endpoint);
}

function httpError(endpoint: string, request: string, answer: Answer, retries: number): JiraError {
  // Jira answers a 404 with its JSON error body; anything else comes from a server that is not Jira (a wrong
  // site, or a proxy's page), so "board not found" would send the user looking in the wrong place.
  if (answer.status === 404 && !isJsonObject(answer.text)) {
    const what = looksLikeHtml(answer) ? 'a web page' : 'no Jira error body';
    return new JiraError('bad-response', `${request} answered 404 with ${what}`, 404, endpoint);
  }
  const code = errorCodeForStatus(answer.status);
  const detail = jiraErrorMessages(answer.text);
  const suffix = detail ? `: ${detail}` : '';
  const message =
    code === 'rate-limited'
      ? `Jira is still rate-limiting after ${retries} retries (${endpoint})`
      : answer.status === 503
        ? `Jira is still unavailable (503) after ${retries} retries (${endpoint})`
        : `${endpoint} answered ${answer.status}${suffix}`;
  const retryAfterMs =
    code === 'rate-limited'
      ? retryDelayMs(retries, answer.headers.get('retry-after'), DEFAULT_RETRY_POLICY)
      : null;
  return new JiraError(code, message, answer.status, endpoint, retryAfterMs);
}

function looksLikeHtml(answer: Answer): boolean {
  return /text\/html/i.test(answer.headers.get('content-type') ?? '') || /^\s*</.test(answer.text);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** Jira's error bodies are `{errorMessages: [...], errors: {field: message}}`; one line, however long the body. */
function jiraErrorMessages(text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown };
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
    if (body.errors && typeof body.errors === 'object') {
      for (const [field, message] of Object.entries(body.errors))
        messages.push(`${field}: ${String(message)}`);
    }
    return oneLine(messages.join('; '));
  } catch {
    return oneLine(text);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
