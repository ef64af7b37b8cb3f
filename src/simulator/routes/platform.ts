import { avatarUrls } from '../render/common';
import { renderFieldList } from '../render/fields';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/** Small platform endpoints: the current user, the site's fields, link types. */

export function getMyself(ctx: RequestContext): Reply {
  const user = ctx.user;
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

/** GET /rest/api/3/mypermissions: the global ADMINISTER and (per issue or project) EDIT_ISSUES permissions. */
export function getMyPermissions(ctx: RequestContext): Reply {
  const wanted = (ctx.query.get('permissions') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (wanted.length === 0) {
    return jiraError(400, ['The permissions query parameter is required.']);
  }
  const known: Record<
    string,
    { id: string; name: string; type: string; description: string; have: boolean }
  > = {
    ADMINISTER: {
      id: '0',
      name: 'Administer Jira',
      type: 'GLOBAL',
      description:
        'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
      have: ctx.user.admin,
    },
    EDIT_ISSUES: {
      id: '12',
      name: 'Edit Issues',
      type: 'PROJECT',
      description: 'Ability to edit issues.',
      have: ctx.user.editIssues,
    },
  };
  const unknown = wanted.find((p) => !(p in known));
  if (unknown) return jiraError(400, [`The permission key '${unknown}' is not supported by the simulator.`]);
  const permissions: Record<string, unknown> = {};
  for (const key of wanted) {
    const { have, ...rest } = known[key]!;
    permissions[key] = { ...rest, key, havePermission: have };
  }
  return ok({ permissions });
}
