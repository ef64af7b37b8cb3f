import { z } from 'zod';
import { findIssue, isReadable } from '../site';
import { ISSUE_NOT_FOUND, jiraError, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { createLink, deleteLink, findLink } from '../writes';

/**
 * Issue links (SPEC `linkIssues`, `getIssueLink`, `deleteIssueLink`). `POST /issueLink` answers 201 with no body,
 * as Jira does; the new link's id is read from either issue's `issuelinks`. Each write is followed by the
 * `avi:jira:created:issuelink` / `avi:jira:deleted:issuelink` event.
 */

const issueRef = z
  .looseObject({ key: z.string().min(1).optional(), id: z.string().min(1).optional() })
  .refine((ref) => ref.key !== undefined || ref.id !== undefined, 'an issue is named by key or id');
const body = z.looseObject({
  type: z
    .looseObject({ name: z.string().min(1).optional(), id: z.string().min(1).optional() })
    .refine((type) => type.name !== undefined || type.id !== undefined, 'a link type is named by name or id'),
  inwardIssue: issueRef,
  outwardIssue: issueRef,
});

export function postIssueLink(ctx: RequestContext): Reply {
  const parsed = body.safeParse(ctx.body);
  if (!parsed.success) return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  const { type, inwardIssue, outwardIssue } = parsed.data;
  const linkType = ctx.site.ws.linkTypes.find((t) =>
    type.name !== undefined ? t.name === type.name : t.id === type.id,
  );
  if (!linkType) return jiraError(404, [`No issue link type with name '${type.name ?? type.id}' found.`]);
  const find = (ref: z.infer<typeof issueRef>) => findIssue(ctx.site, ref.key ?? ref.id ?? '');
  const inward = find(inwardIssue);
  const outward = find(outwardIssue);
  if (!inward || !isReadable(inward) || !outward || !isReadable(outward)) {
    return jiraError(404, [ISSUE_NOT_FOUND]);
  }
  if (inward.key === outward.key) return jiraError(400, ['You cannot link an issue to itself.']);
  if (!ctx.user.editIssues) return jiraError(400, ['You do not have the permission to link issues.']);
  ctx.emit(createLink(ctx.site, linkType.name, outward, inward, ctx.user.accountId));
  return { status: 201, text: '' };
}

export function getIssueLink(ctx: RequestContext): Reply {
  const linkId = ctx.params.linkId ?? '';
  const link = findLink(ctx.site, linkId);
  const type = link && ctx.site.ws.linkTypes.find((t) => t.name === link.type);
  const outward = link && ctx.site.issuesByKey.get(link.outward);
  const inward = link && ctx.site.issuesByKey.get(link.inward);
  if (!link || !type || !outward || !inward || !isReadable(outward) || !isReadable(inward)) {
    return jiraError(404, [`No issue link with id '${linkId}' exists.`]);
  }
  const ref = (key: string, id: string) => ({ id, key, self: `${ctx.base}/rest/api/3/issue/${id}` });
  return {
    status: 200,
    body: {
      id: linkId,
      self: `${ctx.base}/rest/api/3/issueLink/${linkId}`,
      type: { ...type, self: `${ctx.base}/rest/api/3/issueLinkType/${type.id}` },
      inwardIssue: ref(inward.key, inward.id),
      outwardIssue: ref(outward.key, outward.id),
    },
  };
}

export function deleteIssueLink(ctx: RequestContext): Reply {
  const linkId = ctx.params.linkId ?? '';
  if (!/^\d+$/.test(linkId)) return jiraError(400, [`The issue link id '${linkId}' is not a number.`]);
  const link = findLink(ctx.site, linkId);
  if (!link) return jiraError(404, [`No issue link with id '${linkId}' exists.`]);
  if (!ctx.user.editIssues) return jiraError(400, ['You do not have the permission to delete this link.']);
  const event = deleteLink(ctx.site, linkId, ctx.user.accountId);
  if (event) ctx.emit(event);
  return { status: 204, text: '' };
}
