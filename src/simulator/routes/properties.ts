import { findIssue, isReadable } from '../site';
import { ISSUE_NOT_FOUND, jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/** Issue properties (entity properties): GET returns {key, value}; PUT stores any JSON (201 new, 200 replaced). */

const MAX_KEY_LENGTH = 255;
const MAX_VALUE_LENGTH = 32768;

export function getIssueProperty(ctx: RequestContext): Reply {
  const issue = findIssue(ctx.site, ctx.params.issueIdOrKey ?? '');
  if (!issue || !isReadable(issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  const key = ctx.params.propertyKey ?? '';
  const stored = ctx.site.properties.get(issue.key);
  if (!stored?.has(key)) return jiraError(404, [`The property with key '${key}' does not exist.`]);
  return ok({ key, value: stored.get(key) });
}

export function putIssueProperty(ctx: RequestContext): Reply {
  const issue = findIssue(ctx.site, ctx.params.issueIdOrKey ?? '');
  if (!issue || !isReadable(issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  // Anyone who can edit an issue can write its properties, and nobody else.
  if (!ctx.user.editIssues) {
    return jiraError(403, ['You do not have permission to edit issue properties of this issue.']);
  }
  const key = ctx.params.propertyKey ?? '';
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    return jiraError(400, [`The property key must be between 1 and ${MAX_KEY_LENGTH} characters long.`]);
  }
  if (ctx.body === undefined) return jiraError(400, ['The property value must be valid JSON.']);
  if (JSON.stringify(ctx.body).length > MAX_VALUE_LENGTH) {
    return jiraError(400, [`The property value cannot be longer than ${MAX_VALUE_LENGTH} characters.`]);
  }
  let stored = ctx.site.properties.get(issue.key);
  if (!stored) {
    stored = new Map();
    ctx.site.properties.set(issue.key, stored);
  }
  const existed = stored.has(key);
  stored.set(key, ctx.body);
  return { status: existed ? 200 : 201, text: '' };
}
