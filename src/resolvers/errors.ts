import { z } from 'zod';
import type { ResolverError } from '../contract/envelope';
import { formatPath } from '../config/parse';
import {
  BadRequestError,
  ConflictError,
  ForbiddenWriteError,
  InvalidConfigError,
  JiraError,
  LockLostError,
  LockTimeoutError,
  NoSprintError,
  NotAdminError,
  NotFoundError,
  RevisionNotFoundError,
} from '../errors';

const DEFAULT_RETRY_SECONDS = 10;

/** Turns whatever went wrong into the one error vocabulary the panel understands. */
export function toResolverError(error: unknown): ResolverError {
  if (error instanceof BadRequestError) return { code: 'bad-request', message: error.message };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue ? formatPath(issue.path) : '(payload)';
    return { code: 'bad-request', message: `invalid request: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  if (error instanceof NotAdminError || error instanceof ForbiddenWriteError) {
    return { code: 'forbidden', message: error.message };
  }
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof LockTimeoutError || error instanceof LockLostError) {
    return {
      code: 'rate-limited',
      message: 'Someone else is updating this issue; trying again.',
      retryAfterSeconds: 2,
    };
  }
  if (error instanceof InvalidConfigError) {
    return {
      code: 'invalid-config',
      message: `Nothing was saved: the configuration has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}.`,
      problems: error.problems,
    };
  }
  if (error instanceof ConflictError) {
    return {
      code: 'conflict',
      message: `Someone else saved revision ${error.currentRevision} while you were editing. Reload it and apply your changes again.`,
      currentRevision: error.currentRevision,
    };
  }
  if (error instanceof RevisionNotFoundError)
    return { code: 'not-found', message: capitalise(error.message) };
  if (error instanceof NoSprintError) return { code: 'no-sprints', message: capitalise(error.message) };
  if (error instanceof JiraError) return fromJiraError(error);
  console.error('ML Lanes resolver failed', error);
  return { code: 'internal', message: 'ML Lanes hit an unexpected error; it has been logged.' };
}

function fromJiraError(error: JiraError): ResolverError {
  switch (error.code) {
    case 'not-found':
      return { code: 'not-found', message: capitalise(error.message) };
    case 'unauthorized':
    case 'forbidden':
      return { code: 'forbidden', message: `Jira refused access: ${error.message}` };
    case 'rate-limited':
      return {
        code: 'rate-limited',
        message: 'Jira is rate-limiting requests from ML Lanes.',
        retryAfterSeconds: error.retryAfterMs
          ? Math.max(1, Math.ceil(error.retryAfterMs / 1000))
          : DEFAULT_RETRY_SECONDS,
      };
    case 'timeout':
      return { code: 'jira-unavailable', message: 'Jira did not answer in time; try again in a moment.' };
    case 'bad-request':
    case 'bad-response':
    case 'server-error':
    case 'unreachable':
      return { code: 'jira-unavailable', message: `Jira could not be read: ${error.message}` };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
