import { z } from 'zod';
import type { JiraClient } from './client';
import { JiraError, type JiraErrorCode } from '../errors';

/**
 * The app-owned issue property that `jira:entityProperty` indexes for JQL (`issue.property["ml-lanes-state"]...`).
 * Written as the app; anyone who can edit the issue could rewrite it, so the app never reads it back as input.
 */
export const INDEX_PROPERTY_KEY = 'ml-lanes-state';
/** Bumped when the value's meaning changes, so a reader can tell old values from new ones. */
export const INDEX_PROPERTY_VERSION = 1;

/**
 * `POST /rest/api/3/issue/properties/multi` (SPEC `bulkSetIssuePropertiesByIssue`) takes a value per issue, "up to
 * 100 issues included in the request". It is used instead of one PUT per issue: a re-index of 20,000 issues is
 * 200 requests rather than 20,000, and a write costs one point whatever its size. It is asynchronous (a 303 to a
 * task) and non-transactional, so an issue may still fail inside the task. A task Jira reports failed is a failure
 * (written again by the retry job); one still running when Jira answers is counted as written, so if it fails later
 * the value is only written again when the issue or its upstream work next changes (not by the daily reconcile,
 * which skips values it remembers as written).
 */
export const INDEX_ISSUES_PER_REQUEST = 100;

const ENDPOINT = 'POST /rest/api/3/issue/properties/multi';
/** Jira's limit on one property value (SPEC `IssueEntityPropertiesForMultiUpdate.properties`). */
const MAX_VALUE_LENGTH = 32768;

const countSchema = z.number().int().min(0);
/** Strings, not booleans, where JQL matches: entity-property indexes have no boolean type. */
export const indexStateSchema = z
  .strictObject({
    v: z.literal(INDEX_PROPERTY_VERSION),
    lane: z.string().min(1).max(255).nullable(),
    blocked: z.enum(['yes', 'no']),
    handoff: z.enum(['blocked', 'ready', 'none']),
    waitingOn: countSchema,
    dodMet: countSchema,
    dodTotal: countSchema,
    dodComplete: z.enum(['yes', 'no']),
  })
  .refine((state) => state.dodMet <= state.dodTotal, { message: 'dodMet is more than dodTotal' });

export type IndexState = z.infer<typeof indexStateSchema>;

export interface IndexStateWrite {
  /** Jira's numeric issue id. */
  issueId: string;
  state: IndexState;
}

export interface IndexWriteFailure {
  issueId: string;
  reason: string;
  code: JiraErrorCode | 'task-failed';
  /** For `rate-limited`: how long Jira asked to wait. */
  retryAfterMs: number | null;
}

export interface IndexWriteResult {
  /** Issues whose task Jira reported complete. */
  written: string[];
  /** Issues whose task was accepted and not finished when Jira answered; `taskId` is null when it was not seen. */
  pending: { issueIds: string[]; taskId: string | null }[];
  failed: IndexWriteFailure[];
  requests: number;
}

const taskSchema = z.object({
  id: z.string(),
  status: z.enum(['ENQUEUED', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCEL_REQUESTED', 'CANCELLED', 'DEAD']),
  message: z.string().optional(),
});

export type PropertyTask = z.infer<typeof taskSchema>;

const ISSUE_ID = /^[1-9]\d{0,14}$/;

/**
 * Writes `ml-lanes-state` on many issues, 100 a request (the client bounds how many run at once). Jira answers
 * with a 303 to the task; a seam that follows it (fetch does) gets the task's state, one that does not gets the
 * 303 itself, and the batch is reported pending either way until the task says otherwise.
 * Throws on bad input, naming the issue and the field.
 */
export async function writeIndexStates(
  client: JiraClient,
  writes: readonly IndexStateWrite[],
): Promise<IndexWriteResult> {
  const unique = checkWrites(writes);
  const result: IndexWriteResult = { written: [], pending: [], failed: [], requests: 0 };
  const batches: IndexStateWrite[][] = [];
  for (let start = 0; start < unique.length; start += INDEX_ISSUES_PER_REQUEST) {
    batches.push(unique.slice(start, start + INDEX_ISSUES_PER_REQUEST));
  }
  await Promise.all(
    batches.map(async (batch) => {
      const issueIds = batch.map((write) => write.issueId);
      const body = {
        issues: batch.map((write) => ({
          issueID: Number(write.issueId),
          properties: { [INDEX_PROPERTY_KEY]: write.state },
        })),
      };
      result.requests += 1;
      try {
        const task = await client.call(
          ENDPOINT,
          'POST',
          '/rest/api/3/issue/properties/multi',
          taskSchema,
          body,
        );
        record(result, issueIds, task);
      } catch (error) {
        if (!(error instanceof JiraError)) throw error;
        if (error.status === 303) {
          result.pending.push({ issueIds, taskId: null });
          return;
        }
        for (const issueId of issueIds) {
          result.failed.push({
            issueId,
            reason: error.message,
            code: error.code,
            retryAfterMs: error.retryAfterMs,
          });
        }
      }
    }),
  );
  return result;
}

/** Asks Jira how a property task is doing (`GET /rest/api/3/task/{taskId}`). */
export function readPropertyTask(client: JiraClient, taskId: string): Promise<PropertyTask> {
  return client.call(
    'GET /rest/api/3/task/{taskId}',
    'GET',
    `/rest/api/3/task/${encodeURIComponent(taskId)}`,
    taskSchema,
  );
}

function record(result: IndexWriteResult, issueIds: string[], task: PropertyTask): void {
  if (task.status === 'COMPLETE') {
    result.written.push(...issueIds);
  } else if (task.status === 'ENQUEUED' || task.status === 'RUNNING') {
    result.pending.push({ issueIds, taskId: task.id });
  } else {
    const reason = `Jira's task ${task.id} ended ${task.status}${task.message ? `: ${task.message}` : ''}`;
    for (const issueId of issueIds)
      result.failed.push({ issueId, reason, code: 'task-failed', retryAfterMs: null });
  }
}

function checkWrites(writes: readonly IndexStateWrite[]): IndexStateWrite[] {
  const byIssue = new Map<string, IndexStateWrite>();
  writes.forEach((write, index) => {
    if (!ISSUE_ID.test(write.issueId)) {
      throw new Error(`index write ${index}: issue id '${write.issueId}' is not a Jira issue id (digits)`);
    }
    const parsed = indexStateSchema.safeParse(write.state);
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      const where = problem && problem.path.length > 0 ? ` \`${problem.path.map(String).join('.')}\`` : '';
      throw new Error(
        `index write ${index} (issue ${write.issueId}):${where} ${problem?.message ?? 'invalid'}`,
      );
    }
    if (JSON.stringify(parsed.data).length > MAX_VALUE_LENGTH) {
      throw new Error(
        `index write ${index} (issue ${write.issueId}): the value is over ${MAX_VALUE_LENGTH} characters`,
      );
    }
    const earlier = byIssue.get(write.issueId);
    if (earlier && JSON.stringify(earlier.state) !== JSON.stringify(parsed.data)) {
      throw new Error(`index write ${index}: issue ${write.issueId} is given two different states`);
    }
    if (!earlier) byIssue.set(write.issueId, { issueId: write.issueId, state: parsed.data });
  });
  return [...byIssue.values()];
}
