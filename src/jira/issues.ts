import type { JiraClient } from './client';
import { JiraError } from './errors';
import { bulkFetchSchema, searchPageSchema, type JiraIssue } from './schemas';

/** Jira's documented ceilings: ids-only search pages hold up to 5,000; bulkfetch takes 100 ids a call. */
const SEARCH_PAGE_SIZE = 5000;
export const BULK_FETCH_SIZE = 100;

/**
 * Issue ids matching `jql`, in Jira's order, following `nextPageToken` until the last page
 * (or until `maxIds` are in hand).
 */
export async function searchIssueIds(client: JiraClient, jql: string, maxIds = Infinity): Promise<string[]> {
  const ids: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await client.call(
      'POST /rest/api/3/search/jql',
      'POST',
      '/rest/api/3/search/jql',
      searchPageSchema,
      {
        jql,
        maxResults: SEARCH_PAGE_SIZE,
        ...(nextPageToken ? { nextPageToken } : {}),
      },
    );
    for (const issue of page.issues) ids.push(issue.id);
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken && ids.length < maxIds);
  return ids;
}

export interface BulkFetchResult<T> {
  /** What `read` made of each issue Jira returned. */
  items: T[];
  /** Requested ids Jira did not return: not found, not visible to this user, or an error Jira listed. */
  missingIds: string[];
  /** Requested ids never asked for because the time budget ran out: unknown, not missing. */
  unfetchedIds: string[];
}

/**
 * Fetches issues by id in batches of 100, the batches in parallel (the client bounds concurrency).
 * Each page is handed to `read` as soon as it arrives and then dropped, so Jira's bulky issue JSON
 * (every link carries the linked issue's status, type and priority) never piles up in memory.
 */
export async function bulkFetchIssues<T>(
  client: JiraClient,
  ids: readonly string[],
  request: { fields: readonly string[]; properties: readonly string[] },
  read: (issue: JiraIssue) => T,
): Promise<BulkFetchResult<T>> {
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += BULK_FETCH_SIZE) {
    batches.push(ids.slice(start, start + BULK_FETCH_SIZE));
  }
  const returned = new Set<string>();
  const unfetched: string[] = [];
  const pages = await Promise.all(
    batches.map(async (batch) => {
      try {
        const page = await client.call(
          'POST /rest/api/3/issue/bulkfetch',
          'POST',
          '/rest/api/3/issue/bulkfetch',
          bulkFetchSchema,
          {
            issueIdsOrKeys: batch,
            fields: request.fields,
            properties: request.properties,
            fieldsByKeys: false,
          },
        );
        return page.issues.map((issue) => {
          returned.add(issue.id).add(issue.key);
          return read(issue);
        });
      } catch (error) {
        // Out of time: keep what arrived and say what did not, rather than lose the whole plan.
        if (error instanceof JiraError && error.code === 'timeout') {
          unfetched.push(...batch);
          return [];
        }
        throw error;
      }
    }),
  );
  const unfetchedSet = new Set(unfetched);
  return {
    items: pages.flat(),
    missingIds: ids.filter((id) => !returned.has(id) && !unfetchedSet.has(id)),
    unfetchedIds: unfetched,
  };
}
