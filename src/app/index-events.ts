import { z } from 'zod';
import type { IndexEvent } from '../domain/index-fanout';
import { issuesToRecompute } from '../domain/index-fanout';
import type { StatusCategory } from '../domain/snapshot';
import { JiraClient } from '../jira/client';
import { searchIssueIds } from '../jira/issues';
import type { JiraRequest } from '../jira/seam';
import { linkIndexOf, type BoardIndexStore } from '../storage/board-index-store';
import type { ConfigRepository } from '../storage/config-repository';
import { indexIssues, type IndexRun } from './index-issues';

/*
 * The board index kept current: Jira's events (as Forge delivers them to a trigger) become small jobs on a queue;
 * the queue's consumer recomputes the issues they touch from Jira's current state, and a daily reconcile recomputes
 * every issue in open sprints, for events that were missed. Events are hints: they may come twice or late, and
 * nothing is taken from them but which issues to look at.
 */

export const INDEX_QUEUE = 'ml-lanes-index';
/** Issue ids per job: well under Forge's 100 KB an event (a consumer over 55 s), a few minutes of work at most. */
export const IDS_PER_JOB = 500;
/** Forge takes up to 50 events and 200 KB a push; the bytes are kept under with room for its envelope. */
const JOBS_PER_PUSH = 50;
const BYTES_PER_PUSH = 150 * 1024;

const issueId = z.string().regex(/^\d{1,18}$/);
const categorySchema = z.enum(['new', 'indeterminate', 'done', 'undefined']).nullable();
const indexEventSchema: z.ZodType<IndexEvent> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('issue-created'), issueId }),
  z.strictObject({
    kind: z.literal('issue-updated'),
    issueId,
    statusCategory: z.strictObject({ from: categorySchema, to: categorySchema }).optional(),
  }),
  z.strictObject({ kind: z.literal('issue-deleted'), issueId }),
  z.strictObject({
    kind: z.enum(['link-created', 'link-deleted']),
    sourceIssueId: issueId,
    destinationIssueId: issueId,
  }),
]);
/** A job's issues that could not be written go back on the queue this many times at most, later each time. */
export const MAX_ATTEMPTS = 3;
const RETRY_DELAY_S = 120;

export const indexJobSchema = z.strictObject({
  v: z.literal(1),
  events: z.array(indexEventSchema).max(IDS_PER_JOB).default([]),
  issueIds: z.array(issueId).max(IDS_PER_JOB).default([]),
  /** 0 for new work; n for the n-th retry of issues that could not be written. */
  attempt: z.number().int().min(0).max(MAX_ATTEMPTS).default(0),
});
export type IndexJob = z.infer<typeof indexJobSchema>;

export interface IndexQueue {
  /** `delayInSeconds` (Forge: up to 900) holds the jobs back, e.g. after Jira asked to slow down. */
  push(jobs: readonly IndexJob[], options?: { delayInSeconds?: number }): Promise<void>;
}

/*
 * Forge's product-event payloads, as much as the index reads of them (DAC events-reference/jira: issue events carry
 * `issue.id` and, for updates, `associatedStatuses` and a changelog; link events `sourceIssueId` and
 * `destinationIssueId`). Loose on purpose: a field Jira adds must not stop the index.
 */
const statusRef = z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() });
const forgeIssueEvent = z.looseObject({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
  issue: z.looseObject({ id: issueId }),
  associatedStatuses: z.array(statusRef).optional(),
  changelog: z.looseObject({ items: z.array(z.looseObject({ fieldId: z.string().optional() })) }).optional(),
});
const forgeLinkEvent = z.looseObject({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  sourceIssueId: z.union([issueId, z.number().int().nonnegative().transform(String)]),
  destinationIssueId: z.union([issueId, z.number().int().nonnegative().transform(String)]),
});

/** The index's reading of one Forge product event; null for an event it does not know (logged by the caller). */
export function toIndexEvent(payload: unknown): IndexEvent | null {
  const link = forgeLinkEvent.safeParse(payload);
  if (link.success) {
    const kind = link.data.eventType === 'avi:jira:created:issuelink' ? 'link-created' : 'link-deleted';
    return { kind, sourceIssueId: link.data.sourceIssueId, destinationIssueId: link.data.destinationIssueId };
  }
  const issue = forgeIssueEvent.safeParse(payload);
  if (!issue.success) return null;
  const id = issue.data.issue.id;
  if (issue.data.eventType === 'avi:jira:created:issue') return { kind: 'issue-created', issueId: id };
  if (issue.data.eventType === 'avi:jira:deleted:issue') return { kind: 'issue-deleted', issueId: id };
  const statusChanged =
    (issue.data.associatedStatuses?.length ?? 0) > 0 ||
    (issue.data.changelog?.items ?? []).some((item) => item.fieldId === 'status');
  if (!statusChanged) return { kind: 'issue-updated', issueId: id };
  // Jira lists the current and the previous status; which is which is not promised, so a difference is a change.
  const [to, from] = (issue.data.associatedStatuses ?? []).map((status) =>
    toCategory(status.statusCategory?.key),
  );
  return { kind: 'issue-updated', issueId: id, statusCategory: { from: from ?? null, to: to ?? null } };
}

function toCategory(key: string | undefined): StatusCategory | null {
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : null;
}

/**
 * Jobs for `events` and `issueIds`, each within IDS_PER_JOB, pushed at most JOBS_PER_PUSH and BYTES_PER_PUSH at a
 * time (500 long issue ids make a job of ~6 KB: 50 of them would pass Forge's 200 KB).
 */
export async function enqueue(
  queue: IndexQueue,
  work: { events?: readonly IndexEvent[]; issueIds?: readonly string[]; attempt?: number },
  options: { delayInSeconds?: number } = {},
): Promise<number> {
  const attempt = work.attempt ?? 0;
  const jobs: IndexJob[] = [];
  const events = work.events ?? [];
  for (let at = 0; at < events.length; at += IDS_PER_JOB) {
    jobs.push({ v: 1, events: events.slice(at, at + IDS_PER_JOB), issueIds: [], attempt });
  }
  const ids = [...new Set(work.issueIds ?? [])];
  for (let at = 0; at < ids.length; at += IDS_PER_JOB) {
    jobs.push({ v: 1, events: [], issueIds: ids.slice(at, at + IDS_PER_JOB), attempt });
  }
  let batch: IndexJob[] = [];
  let bytes = 0;
  for (const job of jobs) {
    const size = JSON.stringify(job).length;
    if (batch.length === JOBS_PER_PUSH || (batch.length > 0 && bytes + size > BYTES_PER_PUSH)) {
      await queue.push(batch, options);
      batch = [];
      bytes = 0;
    }
    batch.push(job);
    bytes += size;
  }
  if (batch.length > 0) await queue.push(batch, options);
  return jobs.length;
}

export interface IndexConsumerDeps {
  /** Jira as the app. */
  jira: JiraRequest;
  configs: ConfigRepository;
  index: BoardIndexStore;
  queue: IndexQueue;
  now?: () => number;
  log?: (message: string) => void;
}

/**
 * One job: the issues its events touch (with the downstream issues the index knows of) and its ids, recomputed;
 * downstream issues that now see an upstream issue differently go back on the queue as a job of their own. A body
 * that is not a job this app made is logged and does nothing.
 */
export async function consumeIndexJob(deps: IndexConsumerDeps, body: unknown): Promise<IndexRun | null> {
  const log = deps.log ?? ((message: string) => console.error(message));
  const parsed = indexJobSchema.safeParse(body);
  if (!parsed.success) {
    log(`ML Lanes refused a board index job: ${parsed.error.issues[0]?.message ?? 'not a job'}`);
    return null;
  }
  const { events, issueIds } = parsed.data;
  const touched = events.flatMap((event) =>
    'issueId' in event ? [event.issueId] : [event.sourceIssueId, event.destinationIssueId],
  );
  const records = await deps.index.load(touched);
  const ids = [...new Set([...issuesToRecompute(events, linkIndexOf(records)), ...issueIds])];
  const run = await indexIssues(
    { jira: deps.jira, configs: deps.configs, index: deps.index, ...(deps.now ? { now: deps.now } : {}) },
    ids,
  );
  if (run.followUps.length > 0) await enqueue(deps.queue, { issueIds: run.followUps });
  // Refused, rate-limited or out of time: tried again a little later, a few times, rather than left for a day.
  const attempt = parsed.data.attempt + 1;
  if (run.unwritten.length > 0 && attempt <= MAX_ATTEMPTS) {
    await enqueue(
      deps.queue,
      { issueIds: run.unwritten, attempt },
      { delayInSeconds: Math.min(900, RETRY_DELAY_S * attempt) },
    );
  }
  const at = new Date((deps.now ?? Date.now)()).toISOString();
  await deps.index.recordRun((status) => ({
    ...status,
    issuesIndexed: status.issuesIndexed + run.written,
    eventsProcessed: status.eventsProcessed + events.length,
    lastRunAt: at,
    lastErrors: [...run.failures, ...status.lastErrors].slice(0, 10).map((text) => text.slice(0, 500)),
  }));
  for (const failure of run.failures) log(`ML Lanes board index: ${failure}`);
  return run;
}

/**
 * The daily reconcile (and "re-index now"): every issue in open sprints, as the app sees them, onto the queue.
 * Only enqueues: the consumer does the work within its own time limit.
 */
export async function reconcileIndex(
  deps: { jira: JiraRequest; queue: IndexQueue; index: BoardIndexStore; now?: () => number },
  options: { projectKey?: string } = {},
): Promise<{ issues: number; jobs: number; complete: boolean }> {
  const now = deps.now ?? Date.now;
  const client = new JiraClient(deps.jira, { deadline: now() + 20_000, now });
  // A project's configuration changed: only its issues; else every open sprint the app can see.
  const project = options.projectKey ? `project = "${options.projectKey}" AND ` : '';
  const found = await searchIssueIds(client, `${project}sprint in openSprints() ORDER BY id`);
  const jobs = await enqueue(deps.queue, { issueIds: found.ids });
  if (!options.projectKey) {
    const at = new Date(now()).toISOString();
    // A search that stopped paging early is no full re-index: the status says so instead.
    const partial = `${at}: the re-index queued ${found.ids.length} issues, but Jira's search of open sprints stopped paging early; some issues may be missing until the next run`;
    await deps.index.recordRun((status) =>
      found.complete
        ? { ...status, lastFullReindexAt: at }
        : { ...status, lastErrors: [partial, ...status.lastErrors].slice(0, 10) },
    );
  }
  return { issues: found.ids.length, jobs, complete: found.complete };
}
