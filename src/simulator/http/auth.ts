import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ResolvedWorkspace, WorkspaceUser } from '../workspace';
import type { Reply } from './reply';

/**
 * HTTP Basic `email:apiToken`, as Jira Cloud accepts from scripts: the workspace's main user (its `credentials`)
 * or one of its other users. Without credentials the workspace is open and every request is the main user's.
 */
export function authenticate(
  req: IncomingMessage,
  ws: ResolvedWorkspace,
): { user: WorkspaceUser } | { reply: Reply } {
  if (!ws.credentials) return { user: ws.user };
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  const given = match?.[1] ? Buffer.from(match[1], 'base64') : Buffer.alloc(0);
  const accounts: [string, WorkspaceUser][] = [
    [`${ws.credentials.email}:${ws.credentials.apiToken}`, ws.user],
    ...ws.otherUsers.map((other): [string, WorkspaceUser] => [
      `${other.emailAddress}:${other.apiToken}`,
      other,
    ]),
  ];
  for (const [secret, user] of accounts) {
    const expected = Buffer.from(secret);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { user };
  }
  // Jira answers a failed login in plain text, not in its JSON error shape.
  return {
    reply: {
      status: 401,
      contentType: 'text/plain;charset=UTF-8',
      headers: { 'X-Seraph-LoginReason': header ? 'AUTHENTICATED_FAILED' : 'AUTHENTICATION_DENIED' },
      text: 'Client must be authenticated to access this resource.',
    },
  };
}
