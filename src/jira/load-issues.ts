import type { MlLanesConfig } from '../config/schema';
import type { IssueSnapshot, SiteField } from '../domain/snapshot';
import type { JiraClient } from './client';
import { buildFieldCatalog, listFields } from './fields';
import { bulkFetchIssues, searchIssueIds } from './issues';
import { ML_LANES_PROPERTIES, requestedFields, toIssueSnapshot } from './to-snapshot';

/**
 * Issues matching a JQL query (at most `limit`), as domain snapshots, with the fields `config` reads.
 * `truncated` when there are more than `limit` or Jira's paging stopped making progress; `missingIds` are ids the
 * search found that Jira would not return, even when asked twice.
 */
export async function loadIssuesByJql(
  client: JiraClient,
  jql: string,
  config: MlLanesConfig,
  limit: number,
): Promise<{ issues: IssueSnapshot[]; siteFields: SiteField[]; truncated: boolean; missingIds: string[] }> {
  const [search, fields] = await Promise.all([searchIssueIds(client, jql, limit + 1), listFields(client)]);
  const catalog = buildFieldCatalog(fields, config, null);
  const chosen = search.ids.slice(0, limit);
  const fetched = await bulkFetchIssues(
    client,
    chosen,
    { fields: requestedFields(catalog, false), properties: ML_LANES_PROPERTIES },
    (issue) => toIssueSnapshot(issue, catalog, true),
    { askAgainForMissing: true },
  );
  return {
    issues: fetched.items,
    siteFields: catalog.siteFields,
    truncated: search.ids.length > limit || !search.complete,
    missingIds: fetched.missingIds,
  };
}
