import { z } from 'zod';
import { renderStatus } from '../render/common';
import { findIssue, isReadable, type Site } from '../site';
import { ISSUE_NOT_FOUND, jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { transitionIssue } from '../writes';

/**
 * An issue's workflow transitions (SPEC `getTransitions`, `doTransition`). The simulator's workflow is Jira's
 * simplest: a global transition into every status, named after it, numbered 11, 21, 31… in the site's status
 * order; the issue's own status is not offered.
 */

function transitionId(index: number): string {
  return String(index * 10 + 11);
}

function transitionsOf(site: Site, currentStatus: string) {
  return site.ws.statuses.flatMap((status, index) =>
    status.name === currentStatus ? [] : [{ id: transitionId(index), name: status.name }],
  );
}

export function getTransitions(ctx: RequestContext): Reply {
  const issue = findIssue(ctx.site, ctx.params.issueIdOrKey ?? '');
  if (!issue || !isReadable(issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  const wanted = ctx.query.get('transitionId');
  return ok({
    expand: 'transitions',
    transitions: transitionsOf(ctx.site, issue.status)
      .filter((transition) => wanted === null || transition.id === wanted)
      .map((transition) => {
        const status = ctx.site.statuses.get(transition.name)!;
        return {
          id: transition.id,
          name: transition.name,
          to: renderStatus(ctx.base, status),
          hasScreen: false,
          isGlobal: true,
          isInitial: false,
          isAvailable: true,
          isConditional: false,
          isLooped: false,
        };
      }),
  });
}

const body = z.looseObject({
  transition: z.looseObject({ id: z.string().regex(/^\d+$/, 'a transition id is a number in quotes') }),
});

/** 204 and the issue moved; the event Jira sends for a status change follows. */
export function postTransition(ctx: RequestContext): Reply {
  const issue = findIssue(ctx.site, ctx.params.issueIdOrKey ?? '');
  if (!issue || !isReadable(issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  const parsed = body.safeParse(ctx.body);
  if (!parsed.success) {
    return jiraError(400, [`Invalid request payload: ${z.prettifyError(parsed.error)}`]);
  }
  if (!ctx.user.editIssues) {
    return jiraError(400, ['You do not have permission to transition this issue.']);
  }
  const id = parsed.data.transition.id;
  const transition = transitionsOf(ctx.site, issue.status).find((each) => each.id === id);
  if (!transition) return jiraError(400, [`Transition id '${id}' is not valid for this issue.`]);
  ctx.emit(transitionIssue(ctx.site, issue, transition.name, ctx.user.accountId));
  return { status: 204, text: '' };
}
