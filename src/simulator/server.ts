import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './http/auth';
import { JSON_TYPE, jiraError, type Reply } from './http/reply';
import { compileRoutes, type Limits, type Match, type RequestContext } from './http/router';
import { EventHub, type SimEvent, type SimEventListener } from './events';
import { FaultQueue, type Fault } from './faults';
import type { JqlCache } from './jql';
import { ROUTES } from './routes';
import { buildSite } from './site';
import { parseWorkspace, type Workspace } from './workspace';

export interface SimulatorOptions {
  workspace: Workspace;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Delay added to every response, in milliseconds. */
  latencyMs?: number;
  /** Lowers /search/jql pages below Jira's own caps (5,000 id-only, 100 with fields). */
  maxSearchPageSize?: number;
  /** Cap on /board/{id}/sprint pages (default 50). */
  maxSprintPageSize?: number;
  /**
   * Where bulkfetch reports ids it cannot return (unknown, not browsable, vanished): nowhere (default, as
   * Atlassian's spec text describes), or in `issueErrors` (which Jira uses for retriable failures).
   */
  missingInBulkfetch?: 'issueErrors' | 'omit';
  /** Lowers /changelog/bulkfetch pages below the request's maxResults (at most 10,000 histories). */
  maxChangelogPageSize?: number;
  /**
   * How change histories give `created`: epoch milliseconds (default; what live Cloud sites send, and the
   * spec's own example) or Jira's date-time text (what the spec's schema says and `expand=changelog` sends).
   */
  changelogDates?: 'epoch-millis' | 'iso';
  /**
   * Each /changelog/bulkfetch page repeats the previous page's last history (reported from a live site), so
   * clients must de-duplicate by history id. Off by default.
   */
  changelogPageOverlap?: boolean;
  /**
   * Module keys of ML Lanes's Forge custom fields deployed on the site (`ml-lanes-lane`, `ml-lanes-handoff`,
   * `ml-lanes-dod-progress`); all three by default, `[]` for a site the app was never deployed to.
   */
  appFields?: readonly string[];
}

export interface SimulatorStats {
  requests: number;
  /** Keyed by "METHOD /route/{template}"; unknown paths count as "METHOD (unmatched)". */
  byRoute: Record<string, number>;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  close(): Promise<void>;
  stats(): SimulatorStats;
  resetStats(): void;
  injectFaults(...faults: Fault[]): void;
  /**
   * Hears the events Jira would send a Forge app's triggers after a write through the simulator's endpoints
   * (transitions, issue edits, issue links), each once the request has been answered. Returns the unsubscribe.
   */
  onEvent(listener: SimEventListener): () => void;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Starts a Jira Cloud look-alike on the loopback interface, serving one workspace. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const site = buildSite(parseWorkspace(options.workspace), { appFields: options.appFields });
  const limits: Limits = {
    maxSearchPageSize: options.maxSearchPageSize,
    maxSprintPageSize: options.maxSprintPageSize ?? 50,
    missingInBulkfetch: options.missingInBulkfetch ?? 'omit',
    maxChangelogPageSize: options.maxChangelogPageSize ?? 10000,
    changelogDates: options.changelogDates ?? 'epoch-millis',
    changelogPageOverlap: options.changelogPageOverlap ?? false,
  };
  const latencyMs = options.latencyMs ?? 0;
  const match = compileRoutes(ROUTES);
  const faults = new FaultQueue();
  const jqlCache: JqlCache = new Map();
  const timers = new Set<NodeJS.Timeout>();
  const hub = new EventHub();
  let stats: SimulatorStats = { requests: 0, byRoute: {} };
  let base = '';

  const delay = () =>
    latencyMs <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, latencyMs);
          timers.add(timer);
        });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', base);
    const found = match(method, url.pathname);
    const routeKey = `${method} ${found.kind === 'route' ? found.route.template : found.kind === 'wrong-method' ? found.template : '(unmatched)'}`;
    stats.requests++;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;

    const body = await readBody(req);
    await delay();
    const fault = faults.take(url.pathname);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const auth = authenticate(req, site.ws);
    const events: SimEvent[] = [];
    const emit = (event: SimEvent) => {
      // Search answers kept for unchanged JQL no longer hold once an issue or link changed.
      jqlCache.clear();
      events.push(event);
    };
    const reply =
      fault?.reply ??
      ('reply' in auth
        ? auth.reply
        : dispatch(
            found,
            body,
            { site, base, query: url.searchParams, limits, jqlCache, user: auth.user, emit },
            `${base}${url.pathname}`,
          ));
    send(res, reply);
    hub.deliver(events);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, jiraError(500, [`Simulator error: ${String(error)}`]));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        timers.forEach(clearTimeout);
        timers.clear();
        faults.clear();
        hub.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    stats: () => ({ requests: stats.requests, byRoute: { ...stats.byRoute } }),
    resetStats: () => {
      stats = { requests: 0, byRoute: {} };
    },
    injectFaults: (...more: Fault[]) => faults.add(more),
    onEvent: (listener) => hub.on(listener),
  };
}

type BodyResult = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'too-large' };

function readBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) resolve({ kind: 'too-large' });
      else if (size === 0) resolve({ kind: 'none' });
      else resolve({ kind: 'text', text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

function dispatch(
  found: Match,
  body: BodyResult,
  context: Omit<RequestContext, 'params' | 'body'>,
  fullUrl: string,
): Reply {
  if (found.kind === 'none') return jiraError(404, [`null for uri: ${fullUrl}`]);
  if (found.kind === 'wrong-method') return jiraError(405, ['Method Not Allowed']);
  if (body.kind === 'too-large') return jiraError(413, ['The request body is too large.']);
  let parsed: unknown;
  if (body.kind === 'text') {
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return jiraError(400, ['Unexpected character in the request body: it is not valid JSON.']);
    }
  }
  return found.route.handler({ ...context, params: found.params, body: parsed });
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = {
    ...reply.headers,
    'Content-Length': Buffer.byteLength(payload),
  };
  if (payload.length > 0) headers['Content-Type'] = reply.contentType ?? JSON_TYPE;
  res.writeHead(reply.status, headers);
  res.end(payload);
}
