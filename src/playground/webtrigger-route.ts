import type { WebTriggerMethod, WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from '../webhooks/route-delivery';

/** The playground's web trigger handler: the very function the manifest names, in this process. */
export type WebTriggerHandler = (request: WebTriggerRequest) => Promise<WebTriggerResponse>;

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/**
 * One HTTP request to the playground's web trigger URL, handed to the handler in Forge's request shape: header
 * names in lower case, each with a list of values; the raw body as a string; the path after the trigger's URL as
 * `userPath` (as Forge sends it on dynamic triggers). Reading stops one byte past the web trigger's cap, so a
 * flood of large bodies costs little and the handler still answers 413.
 */
export async function serveWebTrigger(
  req: IncomingMessage,
  res: ServerResponse,
  handler: WebTriggerHandler,
  triggerPath: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://playground');
  const headers: Record<string, string[]> = {};
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index]!.toLowerCase();
    (headers[name] ??= []).push(req.rawHeaders[index + 1]!);
  }
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
  const method = (req.method ?? 'GET').toUpperCase();
  const request: WebTriggerRequest & { userPath: string } = {
    method: (METHODS.includes(method) ? method : 'GET') as WebTriggerMethod,
    body: await readCapped(req, MAX_BODY_BYTES + 1),
    path: url.pathname,
    userPath: url.pathname.slice(triggerPath.length) || '/',
    headers,
    queryParameters,
  };
  const response = await handler(request);
  const outgoing: Record<string, string[]> = { 'Cache-Control': ['no-store'] };
  for (const [name, values] of Object.entries(response.headers ?? {})) outgoing[name] = values;
  res.writeHead(response.statusCode, outgoing);
  res.end(response.body ?? '');
}

/** The body as text, at most `limit` bytes of it (the rest is drained, not kept). */
function readCapped(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    req.on('data', (chunk: Buffer) => {
      if (kept >= limit) return;
      const part = chunk.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
