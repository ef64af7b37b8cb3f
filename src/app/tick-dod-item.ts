import type { IssuePanelView } from '../contract/issue-api';
import { withTick } from '../jira/dod-property';
import { BadRequestError } from '../errors';
import { loadIssueContext } from './issue-context';
import { issuePanelView } from './issue-panel';
import { rewriteDod, type IssueWriteDeps } from './issue-writes';

export interface TickDodItemRequest {
  issueKey: string;
  itemId: string;
  checked: boolean;
  /** Who ticks (their Atlassian account id), kept beside the tick; null when Forge does not say. */
  by: string | null;
}

/**
 * Ticks or unticks one manual item of the issue's lane's Definition of Done. Read-merge-write under a lock, so two
 * people ticking different items at the same moment both stick; written as the user, so Jira's edit permission
 * decides who may tick.
 */
export async function tickDodItem(
  deps: IssueWriteDeps & { now: () => number },
  request: TickDodItemRequest,
): Promise<IssuePanelView> {
  const before = await loadIssueContext(deps, request.issueKey);
  const lane = before.issue.lane;
  const template = lane === null ? undefined : before.config.dod[lane];
  const item = template?.items.find((each) => each.id === request.itemId);
  if (!item || item.kind !== 'manual') {
    throw new BadRequestError(
      `"${request.itemId}" is not a box to tick in the ${lane ?? 'unclassified'} lane's Definition of Done.`,
    );
  }
  const tick = { by: request.by, at: new Date(deps.now()).toISOString() };
  const after = await rewriteDod(deps, before, (stored) => withTick(stored, item.id, request.checked, tick));
  return issuePanelView(deps, after);
}
