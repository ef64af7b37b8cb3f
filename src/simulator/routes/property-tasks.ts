import { z } from 'zod';
import { findIssue } from '../site';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/**
 * POST /rest/api/3/issue/properties/multi (SPEC `bulkSetIssuePropertiesByIssue`): up to 100 issues, up to 10
 * properties each, values up to 32,768 characters; issues that are not found are ignored, as the spec says.
 * Jira answers 303 with the task's `Location`; the simulator writes at once, so the task is already COMPLETE
 * when asked (GET /rest/api/3/task/{taskId}). Needs the Edit issues permission, as in Jira.
 */

const MAX_ISSUES = 100;
const MAX_PROPERTIES = 10;
const MAX_VALUE_LENGTH = 32768;

const body = z.strictObject({
  issues: z
    .array(
      z.strictObject({
        issueID: z.number().int().positive(),
        properties: z.record(z.string().min(1).max(255), z.unknown()),
      }),
    )
    .min(1),
});

export function postIssuePropertiesMulti(ctx: RequestContext): Reply {
  const parsed = body.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const issues = parsed.data.issues;
  if (issues.length > MAX_ISSUES) {
    return jiraError(400, [`The number of issues must be ${MAX_ISSUES} or fewer; got ${issues.length}.`]);
  }
  for (const entry of issues) {
    const count = Object.keys(entry.properties).length;
    if (count === 0 || count > MAX_PROPERTIES) {
      return jiraError(400, [
        `Issue ${entry.issueID}: between 1 and ${MAX_PROPERTIES} properties can be set; got ${count}.`,
      ]);
    }
    for (const [key, value] of Object.entries(entry.properties)) {
      if (value === undefined || JSON.stringify(value).length > MAX_VALUE_LENGTH) {
        return jiraError(400, [
          `Issue ${entry.issueID}, property ${key}: the value must be JSON of at most ${MAX_VALUE_LENGTH} characters.`,
        ]);
      }
    }
  }
  if (!ctx.user.editIssues) {
    return jiraError(403, ['You do not have permission to edit issue properties of these issues.']);
  }
  for (const entry of issues) {
    const issue = findIssue(ctx.site, String(entry.issueID));
    if (!issue || issue.vanished) continue;
    let stored = ctx.site.properties.get(issue.key);
    if (!stored) ctx.site.properties.set(issue.key, (stored = new Map()));
    for (const [key, value] of Object.entries(entry.properties)) stored.set(key, value);
  }
  const now = Date.now();
  const id = String(10000 + ctx.site.tasks.size);
  ctx.site.tasks.set(id, {
    id,
    description: `Setting issue properties on ${issues.length} issues`,
    submitted: now,
    finished: now,
  });
  return { status: 303, text: '', headers: { Location: `${ctx.base}/rest/api/3/task/${id}` } };
}

export function getTask(ctx: RequestContext): Reply {
  const id = ctx.params.taskId ?? '';
  const task = ctx.site.tasks.get(id);
  if (!task) return jiraError(404, [`The task with ID ${id} does not exist.`]);
  return ok({
    self: `${ctx.base}/rest/api/3/task/${task.id}`,
    id: task.id,
    description: task.description,
    status: 'COMPLETE',
    result: { failedIssueIds: [] },
    submittedBy: 10000,
    progress: 100,
    elapsedRuntime: task.finished - task.submitted,
    submitted: task.submitted,
    started: task.submitted,
    finished: task.finished,
    lastUpdate: task.finished,
  });
}
