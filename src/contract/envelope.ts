/**
 * What every resolver returns: data, or an error a person can act on. Never a thrown stack.
 * Shared by the resolvers and the Custom UI.
 */
export type ResolverErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'not-found'
  | 'no-sprints'
  | 'rate-limited'
  | 'jira-unavailable'
  /** The configuration document has problems; each is listed in `problems`. */
  | 'invalid-config'
  /** Someone else saved since this edit began; `currentRevision` says what is saved now. */
  | 'conflict'
  | 'internal';

export interface ResolverError {
  code: ResolverErrorCode;
  /** One sentence for the person in front of the panel, naming what failed. */
  message: string;
  /** For `rate-limited`: when asking again makes sense. */
  retryAfterSeconds?: number;
  /** For `invalid-config`: every problem, by JSON path, so the UI can show each next to its control. */
  problems?: { path: string; message: string }[];
  /** For `conflict`: the revision saved now. */
  currentRevision?: number;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
