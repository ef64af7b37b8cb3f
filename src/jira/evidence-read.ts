import {
  EVIDENCE_PROPERTY_KEY,
  readHistory,
  type EvidenceHistory,
} from '../domain/evidence/evidence-history';
import type { JiraClient } from './client';
import { bulkFetchIssues } from './issues';

export interface EvidenceRead {
  /** Key → the issue's evidence history; issues without the property are left out. */
  histories: Map<string, EvidenceHistory>;
  /** Keys Jira did not return (or not in time): their labeling is forecast from the lane's history. */
  unread: string[];
}

/**
 * The `ml-lanes-evidence` property of the given issues, inline in `POST /rest/api/3/issue/bulkfetch` (100 a call,
 * `properties` takes up to five keys): one request per hundred issues and no per-issue property reads. Only the
 * summary is asked for, as bulkfetch returns every navigable field when `fields` is empty.
 */
export async function readEvidenceHistories(
  client: JiraClient,
  keys: readonly string[],
): Promise<EvidenceRead> {
  if (keys.length === 0) return { histories: new Map(), unread: [] };
  const result = await bulkFetchIssues(
    client,
    keys,
    { fields: ['summary'], properties: [EVIDENCE_PROPERTY_KEY] },
    (issue): [string, unknown] => [issue.key, issue.properties?.[EVIDENCE_PROPERTY_KEY]],
  );
  const histories = new Map<string, EvidenceHistory>();
  for (const [key, stored] of result.items) {
    if (stored !== undefined) histories.set(key, readHistory(stored));
  }
  return { histories, unread: [...result.missingIds, ...result.unfetchedIds] };
}
