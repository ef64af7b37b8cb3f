import { z } from 'zod';
import { findIssue, isReadable } from '../site';
import { ISSUE_NOT_FOUND, jiraError, ok, type Reply } from '../http/reply';
import { renderIssue, selectFields } from '../render/issue';
import type { RequestContext } from '../http/router';
import { createIssue, editIssue } from '../writes';

/**
 * One issue read and edited. PUT /rest/api/3/issue/{issueIdOrKey} (SPEC `editIssue`), for the fields the simulator can change: `summary` and
 * `labels` (set through `fields`, or `update.labels` with add/remove/set). Other fields are refused by name rather
 * than silently ignored. 204, and an `avi:jira:updated:issue` event when something changed.
 */

const labelOps = z.array(
  z.union([
    z.strictObject({ add: z.string().min(1) }),
    z.strictObject({ remove: z.string().min(1) }),
    z.strictObject({ set: z.array(z.string().min(1)) }),
  ]),
);

const body = z.looseObject({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
});

const EDITABLE = new Set(['summary', 'labels']);

export function putIssue(ctx: RequestContext): Reply {
  const issue = findIssue(ctx.site, ctx.params.issueIdOrKey ?? '');
  if (!issue || !isReadable(issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  if (!ctx.user.editIssues)
    return jiraError(403, ['You do not have permission to edit issues in this project.']);
  const parsed = body.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const fields = parsed.data.fields ?? {};
  const update = parsed.data.update ?? {};
  const errors: Record<string, string> = {};
  for (const name of [...Object.keys(fields), ...Object.keys(update)])
    if (!EDITABLE.has(name))
      errors[name] = `Field '${name}' cannot be set. The simulator edits summary and labels.`;
  const summary =
    fields.summary === undefined ? undefined : z.string().trim().min(1).safeParse(fields.summary);
  if (summary && !summary.success) errors.summary = 'You must specify a summary of the issue.';
  const labels =
    fields.labels === undefined ? undefined : z.array(z.string().min(1)).safeParse(fields.labels);
  if (labels && !labels.success) errors.labels = 'Labels are a list of words.';
  const ops = update.labels === undefined ? undefined : labelOps.safeParse(update.labels);
  if (ops && !ops.success) errors.labels = 'update.labels takes add, remove or set operations.';
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);

  let nextLabels = labels?.data ?? [...issue.labels];
  for (const op of ops?.data ?? []) {
    if ('add' in op) nextLabels = [...nextLabels, op.add];
    else if ('remove' in op) nextLabels = nextLabels.filter((label) => label !== op.remove);
    else nextLabels = [...op.set];
  }
  const event = editIssue(
    ctx.site,
    issue,
    {
      ...(summary?.data === undefined ? {} : { summary: summary.data }),
      ...(labels || ops ? { labels: nextLabels } : {}),
    },
    ctx.user.accountId,
  );
  if (event) ctx.emit(event);
  return { status: 204, text: '' };
}

/** GET /rest/api/3/issue/{issueIdOrKey} (SPEC `getIssue`): the issue with the `fields` asked for (all by default). */
export function getIssue(ctx: RequestContext): Reply {
  const issue = findIssue(ctx.site, ctx.params.issueIdOrKey ?? '');
  if (!issue || !isReadable(issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  const selection = selectFields(ctx.site, ctx.query.getAll('fields'), '*all');
  const properties = ctx.query
    .getAll('properties')
    .flatMap((entry) => entry.split(','))
    .filter(Boolean);
  return ok(renderIssue(ctx.site, ctx.base, issue, selection, properties));
}

const createBody = z.looseObject({
  fields: z.looseObject({
    project: z.looseObject({ key: z.string().min(1).optional(), id: z.string().min(1).optional() }),
    summary: z.string().trim().min(1, 'You must specify a summary of the issue.'),
    issuetype: z.looseObject({ name: z.string().min(1) }),
    labels: z.array(z.string().min(1)).optional(),
  }),
});

/**
 * POST /rest/api/3/issue (SPEC `createIssue`): project, summary, issue type (by name), labels and the sprint field
 * (a sprint id); 201 with `{id, key, self}` and an `avi:jira:created:issue` event. Sub-tasks are not modelled.
 */
export function postIssue(ctx: RequestContext): Reply {
  const parsed = createBody.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const { fields } = parsed.data;
  const project = ctx.site.ws.projects.find(
    (p) => p.key === fields.project.key || p.id === fields.project.id,
  );
  if (!project) return jiraError(400, [], { project: 'Specify a valid project ID or key' });
  if (!ctx.user.editIssues)
    return jiraError(403, ['You do not have permission to create issues in this project.']);
  if (fields.issuetype.name === 'Sub-task') {
    return jiraError(400, [], { issuetype: 'The simulator does not create sub-tasks.' });
  }
  const sprintFieldId = ctx.site.sprintField?.id;
  const sprint = sprintFieldId === undefined ? undefined : fields[sprintFieldId];
  if (
    sprint !== undefined &&
    sprint !== null &&
    !(typeof sprint === 'number' && ctx.site.sprints.has(sprint))
  ) {
    return jiraError(400, [], { [sprintFieldId ?? 'sprint']: 'Sprint with the given id does not exist.' });
  }
  const event = createIssue(
    ctx.site,
    {
      projectKey: project.key,
      summary: fields.summary,
      issueType: fields.issuetype.name,
      labels: fields.labels ?? [],
      sprintIds: typeof sprint === 'number' ? [sprint] : [],
    },
    ctx.user.accountId,
  );
  ctx.emit(event);
  return ok(
    { id: event.issue.id, key: event.issue.key, self: `${ctx.base}/rest/api/3/issue/${event.issue.id}` },
    201,
  );
}
