import { z } from 'zod';
import { findIssue } from '../site';
import { jiraError, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/**
 * POST /rest/api/3/app/field/value (SPEC `updateMultipleCustomFieldValues`): the app writes its own fields' values.
 * 204 when every update applies; 400 for a malformed body, a number for a text field or text for a number field, a (field, issue) pair given twice or an unknown issue;
 * 403 for a field that is not one of the app's; 404 for a field the site does not have. Nothing is written unless
 * the whole request is valid. The spec gives no error texts: these are the simulator's, in Jira's error shape.
 * `generateChangelog` is accepted and not modelled (the simulator's histories come from the workspace).
 */

const body = z.strictObject({
  updates: z
    .array(
      z.strictObject({
        customField: z.string().min(1),
        issueIds: z.array(z.number().int().positive()).min(1),
        // Required by the spec; null clears the value; a number field takes a finite number.
        value: z.union([z.string(), z.number(), z.null()]),
      }),
    )
    .min(1),
});

export function postAppFieldValues(ctx: RequestContext): Reply {
  const parsed = body.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const appFields = new Map(ctx.site.appFields.map((field) => [field.id, field]));
  const writes: { fieldId: string; issueKey: string; value: string | number | null }[] = [];
  const seen = new Set<string>();
  for (const update of parsed.data.updates) {
    const fieldId = update.customField;
    const appField = appFields.get(fieldId);
    if (!appField) {
      return ctx.site.fields.has(fieldId)
        ? jiraError(403, [`The app is not the owner of the custom field ${fieldId}.`])
        : jiraError(404, [`The custom field ${fieldId} was not found.`]);
    }
    if (update.value !== null && typeof update.value !== (appField.type === 'number' ? 'number' : 'string')) {
      return jiraError(400, [`The value of the custom field ${fieldId} must be a ${appField.type}.`]);
    }
    for (const issueId of update.issueIds) {
      const pair = `${fieldId}/${issueId}`;
      if (seen.has(pair)) {
        return jiraError(400, [
          `The combination of custom field ${fieldId} and issue ${issueId} appears more than once in the request.`,
        ]);
      }
      seen.add(pair);
      const issue = findIssue(ctx.site, String(issueId));
      // The app sees every issue, hidden from the user or not; a vanished issue no longer exists.
      if (!issue || issue.vanished) return jiraError(400, [`The issue with ID ${issueId} does not exist.`]);
      writes.push({ fieldId, issueKey: issue.key, value: update.value });
    }
  }
  for (const write of writes) {
    const values = ctx.site.appFieldValues.get(write.fieldId);
    if (write.value === null) values?.delete(write.issueKey);
    else values?.set(write.issueKey, write.value);
  }
  return { status: 204, text: '' };
}
