import type { IssuePanelView } from '../contract/issue-api';
import { writeIssueProperty } from '../jira/issue-properties';
import { LANE_PROPERTY_KEY } from '../jira/to-snapshot';
import { BadRequestError } from '../errors';
import { loadIssueContext, withLaneOverride } from './issue-context';
import { issuePanelView } from './issue-panel';
import { rewriteDod, writeAsUser, type IssueWriteDeps } from './issue-writes';

/**
 * Puts the issue in a lane chosen by hand (null: the rules decide again), written as the user. The issue is read
 * once, before anything is written; what it looks like after is planned from that read.
 */
export async function overrideLane(
  deps: IssueWriteDeps,
  request: { issueKey: string; lane: string | null },
): Promise<IssuePanelView> {
  // Jira first: someone who cannot see the issue learns nothing, not even which lanes exist.
  const before = await loadIssueContext(deps, request.issueKey);
  const { lane } = request;
  if (lane !== null && !before.config.lanes.some((each) => each.id === lane)) {
    throw new BadRequestError(`There is no lane "${lane}".`);
  }
  const key = before.issue.key;
  await writeAsUser(key, () => writeIssueProperty(deps.client, key, LANE_PROPERTY_KEY, { lane }));
  // The searchable summary names the lane and its checklist: bring it in line with the new lane.
  const after = await rewriteDod(deps, withLaneOverride(before, lane), (stored) => stored);
  return issuePanelView(deps, after);
}
