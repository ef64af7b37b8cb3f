import { z } from 'zod';
import type { JiraClient } from './client';

/** Jira's ceiling: one changelog bulkfetch names at most 1,000 issues (and filters at most 10 fields). */
export const CHANGELOG_BATCH_SIZE = 1000;
/** Histories per page we ask for; Jira may send fewer, and says so with `nextPageToken`. */
const CHANGELOG_PAGE_SIZE = 10_000;

/**
 * `toString` is not named here: a schema key `toString` reads every object's inherited method when the key is
 * absent, and fails. The items pass through whole, and `ownText` reads it (and its siblings) as own properties.
 */
const changeItemSchema = z.looseObject({
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
});

const changeHistorySchema = z.object({
  id: z.string(),
  // Live bulkfetch answers send epoch milliseconds; the per-issue changelog sends ISO text.
  created: z.union([z.number(), z.string()]),
  items: z.array(changeItemSchema),
});

const changelogPageSchema = z.object({
  issueChangeLogs: z.array(z.object({ issueId: z.string(), changeHistories: z.array(changeHistorySchema) })),
  nextPageToken: z.string().nullish(),
});

export interface ChangeItem {
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** One change history: when, and the items of the asked-for fields, oldest history first. */
export interface ChangeRecord {
  at: number;
  items: ChangeItem[];
}

export interface ChangelogResult {
  /** Issue id → its histories, oldest first, each once. */
  byIssueId: Map<string, ChangeRecord[]>;
  /** False when a batch's paging stopped early (a page token seen before, or a page with nothing new). */
  complete: boolean;
}

/**
 * The change histories of `issueIds` for the fields `fieldIds` only, through
 * `POST /rest/api/3/changelog/bulkfetch`: 1,000 issues a request, pages followed by `nextPageToken`.
 * Never `expand=changelog` (capped at 40 histories an issue) and never one request per issue.
 * Histories are keyed by their id, so a page that repeats the last history of the one before counts it once.
 */
export async function fetchChangelogs(
  client: JiraClient,
  issueIds: readonly string[],
  fieldIds: readonly string[],
): Promise<ChangelogResult> {
  const wanted = new Set(fieldIds);
  const byIssueId = new Map<string, Map<string, ChangeRecord>>();
  const batches: string[][] = [];
  for (let start = 0; start < issueIds.length; start += CHANGELOG_BATCH_SIZE) {
    batches.push(issueIds.slice(start, start + CHANGELOG_BATCH_SIZE));
  }
  const outcomes = await Promise.all(
    batches.map((batch) => fetchBatch(client, batch, [...wanted], byIssueId)),
  );
  const result = new Map<string, ChangeRecord[]>();
  for (const [issueId, histories] of byIssueId) {
    result.set(
      issueId,
      [...histories.values()].sort((a, b) => a.at - b.at),
    );
  }
  return { byIssueId: result, complete: outcomes.every(Boolean) };
}

async function fetchBatch(
  client: JiraClient,
  batch: string[],
  fieldIds: string[],
  into: Map<string, Map<string, ChangeRecord>>,
): Promise<boolean> {
  const seenTokens = new Set<string>();
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await client.call(
      'POST /rest/api/3/changelog/bulkfetch',
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      changelogPageSchema,
      {
        issueIdsOrKeys: batch,
        fieldIds,
        maxResults: CHANGELOG_PAGE_SIZE,
        ...(nextPageToken ? { nextPageToken } : {}),
      },
    );
    let fresh = 0;
    for (const log of page.issueChangeLogs) {
      let histories = into.get(log.issueId);
      if (!histories) into.set(log.issueId, (histories = new Map()));
      for (const history of log.changeHistories) {
        if (histories.has(history.id)) continue;
        const at = typeof history.created === 'number' ? history.created : Date.parse(history.created);
        if (!Number.isFinite(at)) continue;
        histories.set(history.id, {
          at,
          items: history.items.flatMap((item) =>
            item.fieldId !== undefined && fieldIds.includes(item.fieldId)
              ? [
                  {
                    fieldId: item.fieldId,
                    from: ownText(item, 'from'),
                    fromString: ownText(item, 'fromString'),
                    to: ownText(item, 'to'),
                    toString: ownText(item, 'toString'),
                  },
                ]
              : [],
          ),
        });
        fresh += 1;
      }
    }
    const next = page.nextPageToken ?? undefined;
    if (!next) return true;
    if (fresh === 0 || seenTokens.has(next)) return false;
    seenTokens.add(next);
    nextPageToken = next;
  }
}

/** An item's own text, or null: an item without its own `toString` must not read the inherited method. */
function ownText(
  item: z.infer<typeof changeItemSchema>,
  key: 'from' | 'fromString' | 'to' | 'toString',
): string | null {
  if (!Object.hasOwn(item, key)) return null;
  const value: unknown = item[key];
  return typeof value === 'string' ? value : null;
}
