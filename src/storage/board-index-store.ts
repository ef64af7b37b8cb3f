import { z } from 'zod';
import type { LinkIndex } from '../domain/index-fanout';
import type { KeyValueStore } from './key-value-store';

/*
 * What the board index remembers per issue, one KVS value each (a site-wide link index outgrows one 240 KiB value
 * at ~5,000 issues): the fingerprint of the values last written (unchanged values are not written again), how its
 * downstream issues saw it, and its dependency links as last read from Jira (a deleted issue's links vanish with it,
 * and Jira sends no link events for them).
 */

const ISSUE_PREFIX = 'board-index:issue:';
const STATUS_KEY = 'board-index:status';
/** Jira issue ids are digits; anything else is not ours to store. */
const ISSUE_ID = /^\d{1,18}$/;

const indexedIssueSchema = z.object({
  fingerprint: z.string().max(4000),
  asUpstream: z.string().max(2000),
  upstreamIds: z.array(z.string().regex(ISSUE_ID)).max(5000),
  downstreamIds: z.array(z.string().regex(ISSUE_ID)).max(5000),
});
export type IndexedIssue = z.infer<typeof indexedIssueSchema>;

const statusSchema = z.object({
  lastFullReindexAt: z.string().datetime().nullable(),
  issuesIndexed: z.number().int().nonnegative(),
  eventsProcessed: z.number().int().nonnegative(),
  lastRunAt: z.string().datetime().nullable(),
  lastErrors: z.array(z.string().max(500)).max(10),
});
export type IndexStatus = z.infer<typeof statusSchema>;

const NO_STATUS: IndexStatus = {
  lastFullReindexAt: null,
  issuesIndexed: 0,
  eventsProcessed: 0,
  lastRunAt: null,
  lastErrors: [],
};

export class BoardIndexStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The records of `issueIds` that exist and read well; a damaged record counts as none (recomputed). */
  async load(issueIds: readonly string[]): Promise<Map<string, IndexedIssue>> {
    const found = new Map<string, IndexedIssue>();
    await Promise.all(
      [...new Set(issueIds)]
        .filter((id) => ISSUE_ID.test(id))
        .map(async (id) => {
          const parsed = indexedIssueSchema.safeParse(await this.store.get(ISSUE_PREFIX + id));
          if (parsed.success) found.set(id, parsed.data);
        }),
    );
    return found;
  }

  async save(issueId: string, record: IndexedIssue): Promise<void> {
    if (!ISSUE_ID.test(issueId)) throw new Error(`"${issueId}" is not a Jira issue id`);
    await this.store.set(ISSUE_PREFIX + issueId, indexedIssueSchema.parse(record));
  }

  async forget(issueId: string): Promise<void> {
    if (ISSUE_ID.test(issueId)) await this.store.delete(ISSUE_PREFIX + issueId);
  }

  /** Forgets every issue's record and the run status: the index starts over (a fresh simulator, say). */
  async clear(): Promise<void> {
    const keys = await this.store.keys(ISSUE_PREFIX);
    await Promise.all([...keys, STATUS_KEY].map((key) => this.store.delete(key)));
  }

  async status(): Promise<IndexStatus> {
    const parsed = statusSchema.safeParse(await this.store.get(STATUS_KEY));
    return parsed.success ? parsed.data : { ...NO_STATUS, lastErrors: [] };
  }

  async recordRun(update: (status: IndexStatus) => IndexStatus): Promise<void> {
    await this.store.set(STATUS_KEY, statusSchema.parse(update(await this.status())));
  }
}

/** The part of the link index that `records` know: enough for the fan-out of the issues they describe. */
export function linkIndexOf(records: ReadonlyMap<string, IndexedIssue>): LinkIndex {
  const downstream: Record<string, readonly string[]> = {};
  const upstream: Record<string, readonly string[]> = {};
  for (const [id, record] of records) {
    Object.defineProperty(downstream, id, { value: record.downstreamIds, enumerable: true });
    Object.defineProperty(upstream, id, { value: record.upstreamIds, enumerable: true });
  }
  return { downstream, upstream };
}
