import { CATEGORIES, renderStatus } from '../render/common';
import { ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';

/**
 * GET /rest/api/3/status and /statuscategory: how a client maps the status ids in changelogs onto Jira's
 * categories (new, indeterminate, done). Categories include Jira's "No Category" (`undefined`), as real sites do.
 */

export function getStatuses(ctx: RequestContext): Reply {
  return ok([...ctx.site.statuses.values()].map((status) => renderStatus(ctx.base, status)));
}

const NO_CATEGORY = { id: 1, key: 'undefined', colorName: 'medium-gray', name: 'No Category' };

export function getStatusCategories(ctx: RequestContext): Reply {
  return ok(
    [NO_CATEGORY, CATEGORIES.new, CATEGORIES.indeterminate, CATEGORIES.done].map((category) => ({
      self: `${ctx.base}/rest/api/3/statuscategory/${category.id}`,
      ...category,
    })),
  );
}
