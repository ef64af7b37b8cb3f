import { z } from 'zod';
import { findIssue, isReadable } from '../site';
import { renderIssue, selectFields } from '../render/issue';
import { ISSUE_NOT_FOUND, jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/** POST /rest/api/3/issue/bulkfetch: up to 100 ids/keys; fields default to *navigable. */

const MAX_ISSUES = 100;
const MAX_PROPERTIES = 5;

const bulkBody = z.object({
  issueIdsOrKeys: z.array(z.string()).optional(),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  expand: z.union([z.array(z.string()), z.string()]).optional(),
  fieldsByKeys: z.boolean().optional(),
});

export function postBulkfetch(ctx: RequestContext): Reply {
  const parsed = bulkBody.safeParse(ctx.body ?? {});
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const requested = parsed.data.issueIdsOrKeys ?? [];
  if (requested.length === 0)
    return jiraError(400, ['At least one issue ID or key must be provided in issueIdsOrKeys.']);
  if (requested.length > MAX_ISSUES) {
    return jiraError(400, [
      `The number of issue IDs or keys must be ${MAX_ISSUES} or fewer; got ${requested.length}.`,
    ]);
  }
  const propertyKeys = parsed.data.properties ?? [];
  if (propertyKeys.length > MAX_PROPERTIES) {
    return jiraError(400, [`At most ${MAX_PROPERTIES} issue property keys can be requested.`]);
  }
  const selection = selectFields(ctx.site, parsed.data.fields, '*navigable') ?? new Set<string>();
  const issues: unknown[] = [];
  const issueErrors: { id: string; errorMessage: string }[] = [];
  const seen = new Set<string>();
  for (const idOrKey of requested) {
    const issue = findIssue(ctx.site, idOrKey);
    if (issue && isReadable(issue)) {
      if (seen.has(issue.key)) continue;
      seen.add(issue.key);
      issues.push(renderIssue(ctx.site, ctx.base, issue, selection, propertyKeys));
    } else if (ctx.limits.missingInBulkfetch === 'issueErrors') {
      // The id is echoed as requested: Jira must not reveal ids of issues the user cannot see.
      issueErrors.push({ id: idOrKey, errorMessage: ISSUE_NOT_FOUND });
    }
  }
  return ok({ issues, issueErrors });
}
