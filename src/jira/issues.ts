import type { JiraClient } from './client';
import { bulkFetchSchema, searchPageSchema, type JiraIssue } from './schemas';

/** Jira's documented ceilings: ids-only search pages hold up to 5,000; bulkfetch takes 100 ids a call. */
const SEARCH_PAGE_SIZE = 5000;
export const BULK_FETCH_SIZE = 100;

/** All issue ids matching `jql`, in Jira's order, following `nextPageToken` until the last page. */
export async function searchIssueIds(client: JiraClient, jql: string): Promise<string[]> {
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
  } while (nextPageToken);
  return ids;
}

export interface BulkFetchResult {
  issues: JiraIssue[];
  /** Requested ids Jira did not return: not found, not visible to this user, or an error Jira listed. */
  missingIds: string[];
}

/** Fetches issues by id in batches of 100, the batches in parallel (the client bounds concurrency). */
export async function bulkFetchIssues(
  client: JiraClient,
  ids: readonly string[],
  fields: readonly string[],
  properties: readonly string[],
): Promise<BulkFetchResult> {
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += BULK_FETCH_SIZE) {
    batches.push(ids.slice(start, start + BULK_FETCH_SIZE));
  }
  const pages = await Promise.all(
    batches.map((batch) =>
      client.call(
        'POST /rest/api/3/issue/bulkfetch',
        'POST',
        '/rest/api/3/issue/bulkfetch',
        bulkFetchSchema,
        {
          issueIdsOrKeys: batch,
          fields,
          properties,
          fieldsByKeys: false,
        },
      ),
    ),
  );
  const issues = pages.flatMap((page) => page.issues);
  const returned = new Set(issues.flatMap((issue) => [issue.id, issue.key]));
  return { issues, missingIds: ids.filter((id) => !returned.has(id)) };
}
