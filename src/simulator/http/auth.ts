import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Reply } from './reply';

/** HTTP Basic `email:apiToken`, as Jira Cloud accepts from scripts. */
export function checkBasicAuth(
  req: IncomingMessage,
  credentials: { email: string; apiToken: string } | undefined,
): Reply | undefined {
  if (!credentials) return undefined;
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  const given = match?.[1] ? Buffer.from(match[1], 'base64') : Buffer.alloc(0);
  const expected = Buffer.from(`${credentials.email}:${credentials.apiToken}`);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
  // Jira answers a failed login in plain text, not in its JSON error shape.
  return {
    status: 401,
    contentType: 'text/plain;charset=UTF-8',
    headers: { 'X-Seraph-LoginReason': header ? 'AUTHENTICATED_FAILED' : 'AUTHENTICATION_DENIED' },
    text: 'Client must be authenticated to access this resource.',
  };
}
