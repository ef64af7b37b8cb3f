import { z } from 'zod';
import { runJql } from '../jql';
import { renderIssue, selectFields } from '../render/issue';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { decodePageToken, encodePageToken } from './page-token';

/**
 * /rest/api/3/search/jql: token paging (`nextPageToken` absent on the last page, `isLast`, no `total`),
 * ids only unless fields are asked for, `maxResults` lowered silently.
 */

const ID_ONLY_PAGE_CAP = 5000;
const WITH_FIELDS_PAGE_CAP = 100;
const DEFAULT_MAX_RESULTS = 50;

const searchBody = z.object({
  jql: z.string().optional(),
  fields: z.array(z.string()).optional(),
  maxResults: z.number().int().optional(),
  nextPageToken: z.string().nullable().optional(),
  properties: z.array(z.string()).optional(),
});

interface SearchRequest {
  jql: string;
  fields: string[] | undefined;
  maxResults: number | undefined;
  nextPageToken: string | undefined;
  properties: string[];
}

export function postSearchJql(ctx: RequestContext): Reply {
  const parsed = searchBody.safeParse(ctx.body ?? {});
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const body = parsed.data;
  return search(ctx, {
    jql: body.jql ?? '',
    fields: body.fields,
    maxResults: body.maxResults,
    nextPageToken: body.nextPageToken ?? undefined,
    properties: splitList(body.properties ?? []),
  });
}

export function getSearchJql(ctx: RequestContext): Reply {
  const q = ctx.query;
  const maxResults = q.get('maxResults');
  if (maxResults !== null && !/^-?\d+$/.test(maxResults)) {
    return jiraError(400, [`The value '${maxResults}' is not a valid number for maxResults.`]);
  }
  return search(ctx, {
    jql: q.get('jql') ?? '',
    fields: q.getAll('fields'),
    maxResults: maxResults === null ? undefined : Number(maxResults),
    nextPageToken: q.get('nextPageToken') ?? undefined,
    properties: splitList(q.getAll('properties')),
  });
}

function search(ctx: RequestContext, req: SearchRequest): Reply {
  const result = runJql(ctx.site, req.jql, ctx.jqlCache);
  if ('errors' in result) return jiraError(400, result.errors);
  let offset = 0;
  if (req.nextPageToken !== undefined) {
    const decoded = decodePageToken(req.nextPageToken, req.jql);
    if (decoded === undefined) return jiraError(400, ['The provided next page token is invalid or expired.']);
    offset = decoded;
  }
  const selection = selectFields(ctx.site, req.fields, 'id');
  const idOnly = selection === null && req.properties.length === 0;
  const cap = ctx.limits.maxSearchPageSize ?? (idOnly ? ID_ONLY_PAGE_CAP : WITH_FIELDS_PAGE_CAP);
  const pageSize = Math.max(1, Math.min(req.maxResults ?? DEFAULT_MAX_RESULTS, cap));
  const page = result.issues.slice(offset, offset + pageSize);
  const isLast = offset + pageSize >= result.issues.length;
  return ok({
    issues: page.map((issue) => renderIssue(ctx.site, ctx.base, issue, selection, req.properties)),
    ...(isLast ? {} : { nextPageToken: encodePageToken(req.jql, offset + pageSize) }),
    isLast,
  });
}

function splitList(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** The old /rest/api/3/search is gone on Cloud (410 since 2025). */
export function removedSearch(): Reply {
  return jiraError(410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);
}
