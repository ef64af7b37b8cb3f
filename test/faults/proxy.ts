/**
 * A small HTTP proxy in front of the Jira simulator that breaks the n-th matching request in the ways networks and
 * gateways do, and records every request with the time it arrived and the time its answer went out.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export type Fault =
  /** Accept the request and never answer. */
  | { kind: 'stall-headers' }
  /** Send the headers and half the body, then nothing more. */
  | { kind: 'stall-body' }
  /** Send the headers and half the body, then close the connection. */
  | { kind: 'reset-mid-body' }
  /** A complete 200 whose JSON stops halfway. */
  | { kind: 'truncate-json' }
  /** A 200 with a login page in HTML, as a captive portal or SSO proxy answers. */
  | { kind: 'html-200' }
  /** Every search page points to the first page token again, so paging never ends by itself. */
  | { kind: 'repeat-page-token' }
  /** Bulkfetch moves these issues from `issues` to `issueErrors`. */
  | { kind: 'issue-errors'; keys: readonly string[] }
  /** Bulkfetch leaves these issues out of both lists. */
  | { kind: 'drop-issues'; keys: readonly string[] }
  /** A Jira-shaped error answer. */
  | { kind: 'status'; status: 401 | 429 | 500 | 503; retryAfter?: string };

export interface FaultRule {
  /** "METHOD /path", e.g. "POST /rest/api/3/issue/bulkfetch" (the query string is ignored), or "*" for any. */
  route: string;
  /** The first matching request it applies to, counting from 1 (default 1). */
  nth?: number;
  /** How many matching requests from the n-th on (default 1; Infinity for all). */
  times?: number;
  fault: Fault;
}

export interface RecordedRequest {
  route: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** When the proxy finished answering (or gave up: stalls never finish). */
  answeredAt: number | null;
  /** When the client closed the connection before the answer was complete (it aborted the request). */
  abandonedAt: number | null;
  fault: Fault['kind'] | null;
  status: number | null;
}

export interface FaultProxy {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  requests(): RecordedRequest[];
  /** Issues a drop-issues or issue-errors fault took out, by key, with their ids. */
  removedIssues(): Map<string, string>;
  /**
   * Resolves once no request has arrived for `quietMs`: work a client left running in the background would show
   * up by then (or keep it from resolving until the test's own timeout).
   */
  quiet(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ISSUE_ERROR_MESSAGE = 'Internal error while reading the issue; try again.';

export async function startFaultProxy(upstream: string, rules: readonly FaultRule[]): Promise<FaultProxy> {
  const log: RecordedRequest[] = [];
  const matched = rules.map(() => 0);
  const removed = new Map<string, string>();
  let firstPageToken: string | null = null;
  let closing = false;

  const faultFor = (route: string): Fault | null => {
    let chosen: Fault | null = null;
    rules.forEach((rule, index) => {
      if (rule.route !== '*' && rule.route !== route) return;
      matched[index] = (matched[index] ?? 0) + 1;
      const nth = rule.nth ?? 1;
      const count = matched[index] ?? 0;
      if (chosen === null && count >= nth && count < nth + (rule.times ?? 1)) chosen = rule.fault;
    });
    return chosen;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const route = `${req.method ?? 'GET'} ${path.split('?')[0] ?? ''}`;
    const record: RecordedRequest = {
      route,
      startedAt: performance.now(),
      answeredAt: null,
      abandonedAt: null,
      fault: null,
      status: null,
    };
    log.push(record);
    res.on('close', () => {
      if (!res.writableFinished && !closing) record.abandonedAt = performance.now();
    });
    const fault = faultFor(route);
    record.fault = fault?.kind ?? null;
    const body = await readAll(req);
    const answer = (status: number, type: string, text: string, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), ...headers });
      res.end(text, () => {
        record.answeredAt = performance.now();
      });
    };

    if (fault?.kind === 'stall-headers') return;
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
      const message = {
        401: 'Unauthorized',
        429: 'Rate limit exceeded.',
        500: 'Internal server error.',
        503: 'Service unavailable.',
      };
      answer(
        fault.status,
        JSON_TYPE,
        JSON.stringify({ errorMessages: [message[fault.status]], errors: {} }),
        headers,
      );
      return;
    }
    if (fault?.kind === 'html-200') {
      answer(
        200,
        'text/html;charset=UTF-8',
        '<!DOCTYPE html><html><head><title>Log in</title></head><body>Log in to continue</body></html>',
      );
      return;
    }

    const forwarded = await fetch(`${upstream}${path}`, {
      method: req.method ?? 'GET',
      headers: pick(req, ['authorization', 'accept', 'content-type']),
      ...(body.length > 0 ? { body } : {}),
    });
    let text = await forwarded.text();
    const type = forwarded.headers.get('content-type') ?? JSON_TYPE;
    switch (fault?.kind) {
      case 'truncate-json':
        text = text.slice(0, Math.floor(text.length / 2));
        break;
      case 'repeat-page-token':
        text = rewrite(text, (page) => {
          if (firstPageToken === null && typeof page.nextPageToken === 'string') {
            firstPageToken = page.nextPageToken;
          } else if (firstPageToken !== null) {
            page.nextPageToken = firstPageToken;
            page.isLast = false;
          }
        });
        break;
      case 'issue-errors':
      case 'drop-issues': {
        const keys = new Set(fault.keys);
        text = rewrite(text, (page) => {
          const issues = (page.issues ?? []) as { id: string; key: string }[];
          const out = issues.filter((issue) => keys.has(issue.key));
          for (const issue of out) removed.set(issue.key, issue.id);
          page.issues = issues.filter((issue) => !keys.has(issue.key));
          if (fault.kind === 'issue-errors') {
            const errors = (page.issueErrors ?? []) as unknown[];
            page.issueErrors = [
              ...errors,
              ...out.map((issue) => ({ id: issue.id, errorMessage: ISSUE_ERROR_MESSAGE })),
            ];
          }
        });
        break;
      }
      case 'stall-body':
      case 'reset-mid-body': {
        record.status = forwarded.status;
        res.writeHead(forwarded.status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
        const half = text.slice(0, Math.floor(text.length / 2));
        res.write(half, () => {
          if (fault.kind === 'reset-mid-body') {
            record.answeredAt = performance.now();
            res.socket?.destroy();
          }
        });
        return;
      }
      case undefined:
        // No fault for this request: Jira's answer as it came.
        break;
    }
    answer(forwarded.status, type, text);
  };

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests: () => log.map((record) => ({ ...record })),
    removedIssues: () => new Map(removed),
    quiet: async (quietMs = 500) => {
      for (;;) {
        const last = Math.max(0, ...log.map((record) => record.startedAt));
        const idle = performance.now() - last;
        if (idle >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, quietMs - idle + 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function pick(req: IncomingMessage, names: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function rewrite(text: string, change: (page: Record<string, unknown>) => void): string {
  const page = JSON.parse(text) as Record<string, unknown>;
  change(page);
  return JSON.stringify(page);
}

/** When the proxy finished sending the first answer `isFatal` picks out. */
export function answeredAt(
  requests: readonly RecordedRequest[],
  isFatal: (request: RecordedRequest) => boolean,
): number {
  const fatal = requests.find((request) => isFatal(request) && request.answeredAt !== null);
  if (!fatal?.answeredAt) throw new Error('no request got the fatal answer');
  return fatal.answeredAt;
}

/** Requests that arrived after `at`: once the client has read a fatal answer it may start none. */
export function startedAfter(requests: readonly RecordedRequest[], at: number): RecordedRequest[] {
  return requests.filter((request) => request.startedAt > at);
}
