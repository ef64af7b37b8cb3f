/**
 * Every error ML Lanes throws on purpose, in one place: what went wrong, in words a person can act on. Resolvers
 * turn each into one variant of the envelope's error union (src/resolvers/errors.ts); the CLI into an exit code.
 * Anything else that reaches a resolver is a bug, reported as `internal`.
 */
import type { ConfigProblem } from './config/parse';

/** What went wrong talking to Jira. */
export type JiraErrorCode =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'bad-request'
  | 'bad-response'
  | 'server-error'
  /** The caller's time budget ran out (e.g. Forge's 25 s resolver limit) before Jira answered. */
  | 'timeout';

/** Jira answered with an error, answered nonsense, or did not answer at all. */
export class JiraError extends Error {
  override readonly name: string = 'JiraError';

  constructor(
    readonly code: JiraErrorCode,
    message: string,
    /** The HTTP status, when Jira answered at all. */
    readonly status: number | null = null,
    /** The endpoint, e.g. `GET /rest/agile/1.0/board/{boardId}`. */
    readonly endpoint: string | null = null,
    /** For `rate-limited`: how long Jira asked us to wait before trying again. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** The board cannot be planned by sprint: a kanban board, or a scrum board with no open sprint. */
export class NoSprintError extends JiraError {
  override readonly name = 'NoSprintError';

  constructor(message: string) {
    super('not-found', message);
  }
}

/** A payload or context the resolver cannot use, naming the field. */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/** Something the caller named does not exist for them. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Changing the configuration is for Jira administrators: asked of Jira as the caller, never taken from the UI. */
export class NotAdminError extends Error {
  override readonly name = 'NotAdminError';
}

/** Jira refused a write as this user (they may not edit the issue). */
export class ForbiddenWriteError extends Error {
  override readonly name = 'ForbiddenWriteError';
}

/** A configuration document with problems, each at its JSON path; nothing was saved. */
export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';

  constructor(readonly problems: ConfigProblem[]) {
    super(`the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

/** Someone else saved a newer revision since this edit began. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';

  constructor(readonly currentRevision: number) {
    super(`someone else saved revision ${currentRevision} meanwhile`);
  }
}

/** A revision that is no longer (or never was) in the history. */
export class RevisionNotFoundError extends Error {
  override readonly name = 'RevisionNotFoundError';
}

/** Someone else held the lock longer than we could wait. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** The lock expired or was taken over while its holder worked: the holder must not write. */
export class LockLostError extends Error {
  override readonly name = 'LockLostError';
}
