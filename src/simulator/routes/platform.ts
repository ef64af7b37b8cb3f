import { avatarUrls } from '../render/common';
import { renderFieldList } from '../render/fields';
import { ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/** Small platform endpoints: the current user, the site's fields, link types. */

export function getMyself(ctx: RequestContext): Reply {
  const user = ctx.site.ws.user;
  return ok({
    self: `${ctx.base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    emailAddress: user.emailAddress,
    avatarUrls: avatarUrls(ctx.base, 'user', 10122),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    locale: 'en_US',
    groups: { size: 2, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  });
}

export function getFields(ctx: RequestContext): Reply {
  return ok(renderFieldList(ctx.site));
}

export function getIssueLinkTypes(ctx: RequestContext): Reply {
  return ok({
    issueLinkTypes: ctx.site.ws.linkTypes.map((t) => ({
      id: t.id,
      name: t.name,
      inward: t.inward,
      outward: t.outward,
      self: `${ctx.base}/rest/api/3/issueLinkType/${t.id}`,
    })),
  });
}
