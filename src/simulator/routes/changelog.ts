import { z } from 'zod';
import { findIssue, isReadable } from '../site';
import { renderChangeHistories, type ChangeHistory } from '../render/changelog';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import type { WorkspaceIssue } from '../workspace';
import { decodePageToken, encodePageToken } from './page-token';

/**
 * POST /rest/api/3/changelog/bulkfetch: the change histories of up to 1,000 issues, optionally only the items
 * of up to 10 fields. Issues come in ascending id order, each one's histories oldest first; a page holds at
 * most `maxResults` histories (default 1,000, at most 10,000), so one issue's histories may continue on the
 * next page under the same issueId. Histories left with no items after the field filter are dropped, and so
 * are issues left with no histories (a live site answered `{"issueChangeLogs": []}` for issues without
 * history). `nextPageToken` is absent on the last page, as on that live site (the spec's text says null).
 * Ids the user cannot see, unknown ones included, are skipped: the spec names no error for them, and an error
 * would tell who is asking that a hidden issue exists.
 */

export const MAX_CHANGELOG_ISSUES = 1000;
const MAX_FIELD_IDS = 10;
const DEFAULT_MAX_RESULTS = 1000;
const MAX_MAX_RESULTS = 10000;

const body = z.object({
  issueIdsOrKeys: z.array(z.string()).optional(),
  fieldIds: z.array(z.string()).optional(),
  maxResults: z.number().int().optional(),
  nextPageToken: z.string().nullable().optional(),
});

interface Entry {
  issueId: string;
  history: ChangeHistory;
}

export function postChangelogBulkfetch(ctx: RequestContext): Reply {
  const parsed = body.safeParse(ctx.body ?? {});
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const request = parsed.data;
  const requested = request.issueIdsOrKeys ?? [];
  if (requested.length === 0)
    return jiraError(400, ['At least one issue ID or key must be provided in issueIdsOrKeys.']);
  if (requested.length > MAX_CHANGELOG_ISSUES) {
    // The text a live Cloud site answered for 1,001 ids.
    return jiraError(400, [
      'You may only load changelogs for a maximum of 1,000 issues by ID or key at a time.',
    ]);
  }
  const fieldIds = request.fieldIds === undefined ? null : new Set(request.fieldIds);
  if (fieldIds !== null && fieldIds.size > MAX_FIELD_IDS)
    return jiraError(400, [
      `You may only filter changelogs by a maximum of ${MAX_FIELD_IDS} field IDs at a time.`,
    ]);
  const maxResults = request.maxResults ?? DEFAULT_MAX_RESULTS;
  if (maxResults < 1 || maxResults > MAX_MAX_RESULTS)
    return jiraError(400, [`maxResults must be between 1 and ${MAX_MAX_RESULTS}; got ${maxResults}.`]);

  const binding = JSON.stringify([requested, request.fieldIds ?? null]);
  let offset = 0;
  if (request.nextPageToken != null) {
    const decoded = decodePageToken(request.nextPageToken, binding);
    if (decoded === undefined) return jiraError(400, ['The provided next page token is invalid or expired.']);
    offset = decoded;
  }

  const entries = stream(ctx, readableIssues(ctx, requested), fieldIds);
  const pageSize = Math.min(maxResults, ctx.limits.maxChangelogPageSize);
  // A quirk reported from a live site: each page repeats the last history of the page before it.
  const start = ctx.limits.changelogPageOverlap && offset > 0 && pageSize > 1 ? offset - 1 : offset;
  const page = entries.slice(start, start + pageSize);
  const next = start + pageSize;
  return ok({
    issueChangeLogs: groupByIssue(page),
    ...(next < entries.length ? { nextPageToken: encodePageToken(binding, next) } : {}),
  });
}

/** The requested issues the user can read, once each, in ascending id order. */
function readableIssues(ctx: RequestContext, requested: string[]): WorkspaceIssue[] {
  const byId = new Map<string, WorkspaceIssue>();
  for (const idOrKey of requested) {
    const issue = findIssue(ctx.site, idOrKey);
    if (issue && isReadable(issue)) byId.set(issue.id, issue);
  }
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

function stream(
  ctx: RequestContext,
  issues: WorkspaceIssue[],
  fieldIds: ReadonlySet<string> | null,
): Entry[] {
  return issues.flatMap((issue) =>
    renderChangeHistories(ctx.site, ctx.base, issue, fieldIds, ctx.limits.changelogDates).map((history) => ({
      issueId: issue.id,
      history,
    })),
  );
}

function groupByIssue(page: Entry[]): { issueId: string; changeHistories: ChangeHistory[] }[] {
  const groups: { issueId: string; changeHistories: ChangeHistory[] }[] = [];
  for (const { issueId, history } of page) {
    const last = groups[groups.length - 1];
    if (last?.issueId === issueId) last.changeHistories.push(history);
    else groups.push({ issueId, changeHistories: [history] });
  }
  return groups;
}
