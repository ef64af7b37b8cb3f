import { z } from 'zod';
import {
  evidenceEventSchema,
  type EvidenceEvent,
  type EvidenceField,
} from '../domain/evidence/evidence-event';
import { EVIDENCE_PROPERTY_KEY, mergeEvidence, readHistory } from '../domain/evidence/evidence-history';
import { projectKeyOf } from '../domain/issue-key';
import { writeAppFieldValues, type AppFieldWrite } from '../jira/app-field-values';
import { findEvidenceFields } from '../jira/app-fields';
import { JiraClient, type JiraClientOptions } from '../jira/client';
import { listFields } from '../jira/fields';
import { readIssueProperty, writeIssueProperty } from '../jira/issue-properties';
import type { JiraRequest } from '../jira/seam';
import { JiraError, LockLostError, LockTimeoutError, type JiraErrorCode } from '../errors';
import type { ConnectionsStore } from '../storage/connections-store';
import type { DeliveryLog } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { withLock, type LockLease } from '../storage/lock';

/*
 * The evidence consumer: one queued event (already verified and normalized by the web trigger) into Jira, as the
 * app. The event is parsed again (the queue is a boundary), the tool must still be on and the project still on the
 * allow-list (an admin may have changed them since), the issue is found by key, its `ml-lanes-evidence` history
 * merged (older events change nothing, a delivery already recorded changes nothing), and only changed values are
 * written to the app's evidence fields, then the history. Jira answers that may pass (rate limits, outages,
 * timeouts) ask the queue to try again; anything else is logged as rejected with Jira's reason.
 */

/** Forge lets a consumer ask for a retry a few times (retryContext.retryCount); past this, the delivery is dropped. */
export const MAX_EVIDENCE_ATTEMPTS = 4;
/** The consumer's own budget for Jira, well inside Forge's 900 s. */
const JIRA_BUDGET_MS = 120_000;
/**
 * One consumer at a time per issue, by issue id: Forge's concurrency key is per issue KEY (a moved issue answers to
 * two) and the playground has none, and the property's read-merge-write would lose a delivery. A holder never
 * outlives its Jira budget, so an older lock is left over from a crashed consumer.
 */
const ISSUE_LOCK = { staleAfterMs: JIRA_BUDGET_MS + 30_000, waitMs: 30_000 };
const issueLockKey = (issueId: string) => `evidence-lock:${issueId}`;

export interface RecordEvidenceDeps {
  /** Jira as the app. */
  jira: JiraRequest;
  connections: Pick<ConnectionsStore, 'load'>;
  log: Pick<DeliveryLog, 'record'>;
  store: KeyValueStore;
  now?: () => number;
  /** Tests: the client's waits between its own retries. */
  sleep?: JiraClientOptions['sleep'];
}

export type RecordOutcome =
  | {
      kind: 'written';
      issueKey: string;
      fields: EvidenceField[];
      missingFields: EvidenceField[];
      /** On the site more than once (several installations): not written, since none can be chosen. */
      duplicatedFields: EvidenceField[];
    }
  | { kind: 'ignored'; reason: string }
  | { kind: 'rejected'; reason: string }
  /** Try again later (the queue's retry); `afterSeconds` from Jira's Retry-After when it sent one. */
  | { kind: 'retry'; reason: string; afterSeconds: number };

const TRANSIENT: readonly JiraErrorCode[] = ['rate-limited', 'server-error', 'unreachable', 'timeout'];

const issueByKeySchema = z.object({
  id: z.string().regex(/^\d{1,18}$/),
  key: z.string(),
  fields: z.object({ project: z.object({ key: z.string() }) }),
});

/** Records that a delivery was written (or found useless), so a redelivery by the queue does nothing. */
const doneKey = (event: EvidenceEvent) => `evidence-done:${event.tool}:${event.deliveryId}`;
const DONE_TTL_SECONDS = 7 * 24 * 3600;

export async function recordEvidence(
  deps: RecordEvidenceDeps,
  body: unknown,
  attempt = 0,
): Promise<RecordOutcome> {
  const parsed = evidenceEventSchema.safeParse(body);
  if (!parsed.success) {
    console.error(
      `ML Lanes refused a queued evidence event: ${parsed.error.issues[0]?.path.join('.') ?? ''}`,
    );
    return { kind: 'rejected', reason: 'not an evidence event' };
  }
  const event = parsed.data;
  const report = { tool: event.tool, deliveryId: event.deliveryId, issueKey: event.issueKey };
  const finish = async (outcome: RecordOutcome): Promise<RecordOutcome> => {
    if (outcome.kind === 'retry' && attempt + 1 >= MAX_EVIDENCE_ATTEMPTS) {
      return finish({
        kind: 'rejected',
        reason: `gave up after ${MAX_EVIDENCE_ATTEMPTS} tries: ${outcome.reason}`,
      });
    }
    if (outcome.kind !== 'retry') {
      await deps.log.record({
        ...report,
        outcome: outcome.kind,
        reason: outcome.kind === 'written' ? describeWrite(outcome) : outcome.reason,
      });
    }
    if (outcome.kind === 'written' || outcome.kind === 'ignored') {
      await deps.store.setIfAbsent(doneKey(event), true, DONE_TTL_SECONDS).catch(() => undefined);
    }
    return outcome;
  };

  if ((await deps.store.get(doneKey(event))) !== undefined) {
    return { kind: 'ignored', reason: 'delivery already recorded' };
  }
  const { connections } = await deps.connections.load();
  if (!connections.tools[event.tool].enabled)
    return finish({ kind: 'rejected', reason: 'the tool was turned off' });
  if (!connections.allowedProjects.includes(projectKeyOf(event.issueKey))) {
    return finish({
      kind: 'rejected',
      reason: `project ${projectKeyOf(event.issueKey)} is not on the allow-list`,
    });
  }

  const now = deps.now ?? Date.now;
  const client = new JiraClient(deps.jira, {
    deadline: now() + JIRA_BUDGET_MS,
    now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  try {
    return await finish(await writeEvidence(client, event, connections.allowedProjects, deps.store, now));
  } catch (error) {
    if (error instanceof LockTimeoutError || error instanceof LockLostError) {
      return finish({
        kind: 'retry',
        reason: 'another delivery for this issue is being written',
        afterSeconds: 30,
      });
    }
    if (!(error instanceof JiraError)) throw error;
    if (TRANSIENT.includes(error.code)) {
      return finish({
        kind: 'retry',
        reason: `Jira: ${error.message}`,
        afterSeconds: Math.min(900, Math.max(30, Math.ceil((error.retryAfterMs ?? 0) / 1000))),
      });
    }
    return finish({ kind: 'rejected', reason: `Jira: ${error.message}` });
  }
}

async function writeEvidence(
  client: JiraClient,
  event: EvidenceEvent,
  allowedProjects: readonly string[],
  store: KeyValueStore,
  now: () => number,
): Promise<RecordOutcome> {
  let issue: z.infer<typeof issueByKeySchema>;
  try {
    issue = await client.call(
      'GET /rest/api/3/issue/{issueIdOrKey}',
      'GET',
      `/rest/api/3/issue/${encodeURIComponent(event.issueKey)}?fields=project`,
      issueByKeySchema,
    );
  } catch (error) {
    if (error instanceof JiraError && error.code === 'not-found') {
      return { kind: 'rejected', reason: `issue ${event.issueKey} not found` };
    }
    throw error;
  }
  // A key of a moved issue leads to its new project, which must be allowed too.
  if (!allowedProjects.includes(issue.fields.project.key)) {
    return { kind: 'rejected', reason: `project ${issue.fields.project.key} is not on the allow-list` };
  }
  const found = issue;
  return withLock(store, issueLockKey(found.id), (lease) => mergeAndWrite(client, event, found, lease), {
    ...ISSUE_LOCK,
    now,
  });
}

/** Under the issue's lock: read the history, merge, write changed values, then the history. */
async function mergeAndWrite(
  client: JiraClient,
  event: EvidenceEvent,
  issue: z.infer<typeof issueByKeySchema>,
  lease: LockLease,
): Promise<RecordOutcome> {
  const history = readHistory(await readIssueProperty(client, issue.key, EVIDENCE_PROPERTY_KEY));
  const merged = mergeEvidence(history, event);
  if (merged.kind === 'duplicate') return { kind: 'ignored', reason: 'delivery already recorded' };
  if (merged.kind === 'older') return { kind: 'ignored', reason: 'older than the recorded evidence' };

  const missingFields: EvidenceField[] = [];
  const duplicatedFields: EvidenceField[] = [];
  if (merged.changed.length > 0) {
    const lookup = findEvidenceFields(await listFields(client));
    const changed = merged.changed.map((value) => value.field);
    missingFields.push(...changed.filter((field) => lookup.missing.includes(field)));
    duplicatedFields.push(...changed.filter((field) => lookup.ambiguous.some(({ role }) => role === field)));
    const writes: AppFieldWrite[] = merged.changed.map(({ field, value }) => ({
      field,
      issueId: issue.id,
      value,
    }));
    await lease.confirm();
    const result = await writeAppFieldValues(client, writes, lookup.ids, { generateChangelog: true });
    const failed = result.failed.filter((failure) => failure.code !== 'field-missing');
    const transient = failed.find((failure) => TRANSIENT.includes(failure.code as JiraErrorCode));
    if (transient) {
      throw new JiraError(
        transient.code as JiraErrorCode,
        transient.reason,
        null,
        'POST /rest/api/3/app/field/value',
        transient.retryAfterMs,
      );
    }
    if (failed.length > 0) {
      return { kind: 'rejected', reason: `Jira refused ${failed[0]?.field}: ${failed[0]?.reason ?? ''}` };
    }
  }
  // The history last: if a field write fails the retry still sees the values as new.
  await lease.confirm();
  await writeIssueProperty(client, issue.key, EVIDENCE_PROPERTY_KEY, merged.history);
  return {
    kind: 'written',
    issueKey: issue.key,
    fields: merged.changed.map((value) => value.field),
    missingFields,
    duplicatedFields,
  };
}

function describeWrite(outcome: Extract<RecordOutcome, { kind: 'written' }>): string {
  const fields = outcome.fields.length > 0 ? outcome.fields.join(', ') : 'history only';
  const missing =
    outcome.missingFields.length > 0 ? `; not on this site: ${outcome.missingFields.join(', ')}` : '';
  const duplicated =
    outcome.duplicatedFields.length > 0
      ? `; on this site more than once, not written: ${outcome.duplicatedFields.join(', ')}`
      : '';
  return `${fields}${missing}${duplicated}`;
}
