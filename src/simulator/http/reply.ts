/** What a route handler answers; the server turns it into an HTTP response. */
export interface Reply {
  status: number;
  /** Serialised as JSON unless `text` is given. */
  body?: unknown;
  /** A raw body (for non-JSON answers such as Jira's plain-text 401). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** Jira's error shape: `{errorMessages: [...], errors: {...}}`. */
export function jiraError(status: number, messages: string[], errors: Record<string, string> = {}): Reply {
  return { status, body: { errorMessages: messages, errors } };
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
