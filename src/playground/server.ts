import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { bundleBrowserScript, findRoot, forgeLikeCsp, readManifestFacts } from './assets';
import { boardStylesheet } from './board-css';
import type { BoardViewSource } from './board-view';
import { tokenThemeCss } from './token-css';
import { PLAYGROUND_WEBTRIGGER_PATH } from './connections';
import { invokingUser, type JiraCredentials } from './forge-runtime';
import {
  TEST_DELIVERY_TOOLS,
  type TestDeliveryRequest,
  type TestDeliveryResult,
} from '../../static/playground/src/test-delivery-api';
import { serveWebTrigger, type WebTriggerHandler } from './webtrigger-route';

/** The deployed Forge function's entry: `handler({call, context}, runtimePayload)`. */
export type ForgeHandler = (
  invocation: { call: { functionKey: string; payload?: unknown }; context: Record<string, unknown> },
  runtime?: { principal: { accountId: string } },
) => Promise<unknown>;

export interface PlaygroundUser extends JiraCredentials {
  accountId: string;
}

export interface PlaygroundOptions {
  handler: ForgeHandler;
  /** People the host page can act as (e.g. `admin`, `member`); the first is the default. Without them, one user. */
  users?: Record<string, PlaygroundUser>;
  /** The Jira site the app reads (the simulator's URL, or a real site): shown, and used for issue links. */
  siteUrl: string;
  port?: number;
  /** Jira's own board, as the board page draws it (`/board`); without it the page is not served. */
  board?: BoardViewSource;
  /** The web trigger `ml-lanes-evidence`, served at PLAYGROUND_WEBTRIGGER_PATH/<tool> as Forge would serve it. */
  webTrigger?: WebTriggerHandler;
  /** The host page's "Send a test delivery" (`POST /__playground/test-delivery`); without it, not offered. */
  testDelivery?: (request: TestDeliveryRequest) => Promise<TestDeliveryResult>;
}

export interface RunningPlayground {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const moveSchema = z.object({ issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/), to: z.string().min(1) });

const testDeliverySchema = z.strictObject({ tool: z.enum(TEST_DELIVERY_TOOLS), tamper: z.boolean() });

const invokeSchema = z.object({
  functionKey: z.string().min(1),
  user: z.string().optional(),
  payload: z.unknown().optional(),
  context: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Serves the host page, each Custom UI resource under a Forge-like CSP with the bridge stand-in injected, and
 * `/__playground/invoke`, which runs the real Forge function in this process.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const root = await findRoot(__dirname);
  const manifest = await readManifestFacts(root);
  const csp = forgeLikeCsp(manifest.unsafeInlineStyles);
  // The host page plays Jira: it frames the app, as Jira frames Custom UI.
  const hostCsp = `${csp}; frame-src 'self'`;
  const [bridgeJs, hostJs, hostCss, hostHtml] = await Promise.all([
    bundleBrowserScript(root, 'static/playground/src/bridge.ts'),
    bundleBrowserScript(root, 'static/playground/src/host.ts'),
    readFile(join(root, 'static/playground/host.css'), 'utf8'),
    readFile(join(root, 'static/playground/index.html'), 'utf8'),
  ]);
  const boardPage = options.board ? await loadBoardPage(root) : null;
  const hostPage = hostHtml
    .replaceAll('%SITE_LABEL%', escapeHtml(options.siteUrl))
    .replaceAll('%SITE%', escapeHtml(options.siteUrl))
    .replaceAll('%TEST_DELIVERY%', options.testDelivery ? 'on' : 'off');

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };

  const serveResource = async (res: ServerResponse, resource: string, file: string) => {
    const folder = manifest.resources.get(resource);
    const path = folder ? normalize(join(folder, file || 'index.html')) : '';
    if (!folder || !path.startsWith(folder + sep)) return send(res, 404, TYPES['.txt']!, 'no such resource');
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return send(res, 404, TYPES['.txt']!, `not built: ${file} (run npm run build)`);
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    // Forge injects its bridge script into index.html at deploy; the playground injects its stand-in.
    const content =
      extname(path) === '.html'
        ? body
            .toString('utf8')
            .replace('<head>', '<head>\n    <script src="/__playground/bridge.js"></script>')
        : body;
    send(res, 200, type, content, { 'Content-Security-Policy': csp });
  };

  const invoke = async (req: IncomingMessage, res: ServerResponse) => {
    // Only the playground's own pages may invoke: no other site (or DNS-rebound name) can drive Jira through it.
    const host = req.headers.host ?? '';
    const sameOrigin = ownHosts().includes(host) && req.headers.origin === `http://${host}`;
    if (!sameOrigin || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(
        res,
        403,
        TYPES['.json']!,
        JSON.stringify({ error: 'invoke is only for the playground page' }),
      );
    }
    const parsed = invokeSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
    if (!parsed.success) return send(res, 400, TYPES['.json']!, JSON.stringify({ error: 'invalid invoke' }));
    const { functionKey, payload, context, user } = parsed.data;
    const users = options.users ?? {};
    const actingAs = (user ? users[user] : undefined) ?? Object.values(users)[0];
    const call = () =>
      options.handler(
        { call: { functionKey, payload }, context: { ...context, siteUrl: options.siteUrl } },
        { principal: { accountId: actingAs?.accountId ?? 'playground-user' } },
      );
    try {
      const result = actingAs ? await invokingUser.run(actingAs, call) : await call();
      send(res, 200, TYPES['.json']!, JSON.stringify({ result }));
    } catch (error) {
      send(res, 400, TYPES['.json']!, JSON.stringify({ error: (error as Error).message }));
    }
  };

  const board = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const json = (status: number, body: unknown) => send(res, status, TYPES['.json']!, JSON.stringify(body));
    if (!options.board) return json(404, { error: 'the playground serves no board here' });
    // Only under the playground's own name: a DNS-rebound name cannot read Jira through it.
    if (!ownHosts().includes(req.headers.host ?? ''))
      return json(403, { error: 'the board is for the playground page' });
    try {
      if (req.method === 'GET') {
        const boardParam = url.searchParams.get('board');
        const boardId = boardParam && /^\d+$/.test(boardParam) ? Number(boardParam) : undefined;
        const view = await options.board.read({
          ...(boardId === undefined ? {} : { boardId }),
          quickFilters: url.searchParams.getAll('filter'),
        });
        return json(200, { view });
      }
      // A move changes Jira: only the playground's own page may ask for one.
      if (!sameOrigin(req)) return json(403, { error: 'moves are only for the playground page' });
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return json(400, { error: 'the request is not JSON' });
      }
      const parsed = moveSchema.safeParse(body);
      if (!parsed.success) return json(400, { error: 'a move names an issue key and a status' });
      await options.board.move(parsed.data);
      return json(200, { moved: parsed.data });
    } catch (error) {
      return json(502, { error: (error as Error).message });
    }
  };

  const testDelivery = async (req: IncomingMessage, res: ServerResponse) => {
    const json = (status: number, body: unknown) => send(res, status, TYPES['.json']!, JSON.stringify(body));
    if (!options.testDelivery) return json(404, { error: 'the playground sends no test deliveries here' });
    // It signs with the stored secret and changes settings: only the playground's own page may ask.
    if (!sameOrigin(req)) return json(403, { error: 'test deliveries are only for the playground page' });
    let parsed: ReturnType<typeof testDeliverySchema.safeParse>;
    try {
      parsed = testDeliverySchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
    } catch {
      return json(400, { error: 'the request is not JSON' });
    }
    if (!parsed.success) {
      return json(400, { error: `name a tool (${TEST_DELIVERY_TOOLS.join(', ')}) and whether to tamper` });
    }
    try {
      return json(200, { result: await options.testDelivery(parsed.data) });
    } catch (error) {
      return json(502, { error: (error as Error).message });
    }
  };

  let port = 0;
  const sameOrigin = (req: IncomingMessage) => {
    const host = req.headers.host ?? '';
    return ownHosts().includes(host) && req.headers.origin === `http://${host}`;
  };
  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://playground');
    const route = `${req.method} ${url.pathname}`;
    const handle = async () => {
      if (route === 'GET /')
        return send(res, 200, TYPES['.html']!, hostPage, { 'Content-Security-Policy': hostCsp });
      if (route === 'GET /favicon.ico') return send(res, 204, TYPES['.txt']!, '');
      if (route === 'GET /__playground/host.js') return send(res, 200, TYPES['.js']!, hostJs);
      if (route === 'GET /__playground/host.css') return send(res, 200, TYPES['.css']!, hostCss);
      if (route === 'GET /__playground/bridge.js') return send(res, 200, TYPES['.js']!, bridgeJs);
      if (route === 'POST /__playground/invoke') return invoke(req, res);
      if (boardPage && route === 'GET /board')
        return send(res, 200, TYPES['.html']!, boardPage.html, { 'Content-Security-Policy': csp });
      if (boardPage && route === 'GET /__playground/board.js')
        return send(res, 200, TYPES['.js']!, boardPage.js);
      if (boardPage && route === 'GET /__playground/board.css')
        return send(res, 200, TYPES['.css']!, boardPage.css);
      if (route === 'GET /__playground/board/view' || route === 'POST /__playground/board/move')
        return board(req, res, url);
      if (route === 'POST /__playground/test-delivery') return testDelivery(req, res);
      if (
        options.webTrigger &&
        (url.pathname === PLAYGROUND_WEBTRIGGER_PATH ||
          url.pathname.startsWith(`${PLAYGROUND_WEBTRIGGER_PATH}/`))
      )
        return serveWebTrigger(req, res, options.webTrigger, PLAYGROUND_WEBTRIGGER_PATH);
      const resource = /^\/module\/([\w-]+)\/(.*)$/.exec(url.pathname);
      if (req.method === 'GET' && resource)
        return serveResource(res, resource[1]!, decodeURIComponent(resource[2]!));
      return send(res, 404, TYPES['.txt']!, 'not found');
    };
    handle().catch((error: unknown) => send(res, 500, TYPES['.txt']!, String(error)));
  });
  await listen(server, options.port ?? 0);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The board page: its HTML, its script, and its styles on the design-token themes. */
async function loadBoardPage(root: string): Promise<{ html: string; js: string; css: string }> {
  const [html, js] = await Promise.all([
    readFile(join(root, 'static/playground/board.html'), 'utf8'),
    bundleBrowserScript(root, 'static/playground/src/board.ts'),
  ]);
  return { html, js, css: `${tokenThemeCss()}\n${boardStylesheet()}` };
}

/** The port cannot be listened on: taken by another program, or not ours to take. */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';

  constructor(
    readonly port: number,
    readonly reason: 'in-use' | 'forbidden',
  ) {
    super(reason === 'in-use' ? `port ${port} is in use` : `port ${port} may not be used by this user`);
  }
}

/** Listens on 127.0.0.1, or fails with a typed error instead of an unhandled 'error' event. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortUnavailableError(port, 'in-use'));
      else if (error.code === 'EACCES') reject(new PortUnavailableError(port, 'forbidden'));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
