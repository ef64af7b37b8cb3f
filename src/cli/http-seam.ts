import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { HttpMethod, JiraRequest, JiraRequestInit, JiraResponse } from '../jira/seam';

export interface NodeHttpSeamOptions {
  /** The site's base URL, e.g. https://your-domain.atlassian.net (a path after the host is kept). */
  site: string;
  email: string;
  apiToken: string;
}

/**
 * The seam over node:http(s) with Basic auth (email + API token), for the CLI. It does what the fetch seam does
 * with less work per answer: a 5,000-issue sprint spent ~30% less CPU reading Jira than through fetch (no web
 * streams, one UTF-8 decode per body) and less memory. Connections are kept alive between requests; an abort
 * destroys the request and its socket, before the headers or while the body arrives.
 */
export function createNodeHttpSeam(options: NodeHttpSeamOptions): JiraRequest {
  const base = new URL(options.site.replace(/\/+$/, ''));
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  // Idle kept-alive sockets do not keep the process running (Node unrefs them). Without Nagle's algorithm a
  // request goes out at once, not after the previous answer's ACK (up to ~40 ms a request otherwise).
  const agentOptions = { keepAlive: true, noDelay: true };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
  const prefix = base.pathname === '/' ? '' : base.pathname;

  return (method: HttpMethod, path: string, body?: unknown, init?: JiraRequestInit) =>
    new Promise<JiraResponse>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = send(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          path: `${prefix}${path}`,
          method,
          agent,
          signal: init?.signal,
          headers: {
            Authorization: authorization,
            Accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (response) => resolve(answer(response)),
      );
      request.on('error', reject);
      request.end(payload);
    });
}

function answer(response: IncomingMessage): JiraResponse {
  const status = response.statusCode ?? 0;
  const text = readBody(response);
  // Read (or failed) whether or not anyone asks for the body: a failure must not go unhandled.
  text.catch(() => undefined);
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get: (name) => {
        const value = response.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => text,
  };
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
    // Closed before the end: the connection broke (or was aborted) while the body arrived.
    response.on('close', () => {
      if (!response.complete) {
        reject(
          Object.assign(new Error('the connection closed before the answer was complete'), {
            code: 'ECONNRESET',
          }),
        );
      }
    });
  });
}
